"""Attribution confidence: how often a quote of its kind comes out with the right speaker.

A quote's `attribution_confidence` is the share of quotes with the same quote type and speaker resolution
(`name`, `pronoun`, `role`, …) that were real quotes with the right speaker on PolNeAR's train split, measured by
`benchmarks/attribution_confidence.py --fit` and kept in `configs/attribution_confidence.json`. It is a
frequency, so it means what it says: of the quotes with confidence 0.8, about 8 in 10 are right (the benchmark
checks this on PolNeAR's dev split, which the table never saw).
"""

from __future__ import annotations

import json
from functools import lru_cache

from stance.config import CONFIG_DIR

TABLE_PATH = CONFIG_DIR / "attribution_confidence.json"


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    if not TABLE_PATH.is_file():
        return {}
    return {key: float(value) for key, value in json.loads(TABLE_PATH.read_text(encoding="utf-8"))["cells"].items()}


def cell(quote_type: str, resolution: str) -> str:
    return f"{quote_type}/{resolution}"


def attribution_confidence(quote_type: str, resolution: str) -> float | None:
    """The measured share of right attributions for a quote type and speaker resolution; None without a table."""
    table = _table()
    return table.get(cell(quote_type, resolution), table.get(cell("*", resolution)))
