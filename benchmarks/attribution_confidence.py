"""Attribution confidence: fit the table on PolNeAR train, measure what it means on PolNeAR dev.

A quote's `attribution_confidence` is the share of quotes of its type and speaker resolution that are real quotes
with the right speaker (stance/extraction/confidence.py). This script counts those shares on PolNeAR's train split
(`--fit` writes them to configs/attribution_confidence.json, with Laplace smoothing; cells with fewer than 20
quotes fall back to their resolution across types) and reports, on the dev split the table never saw, the
precision of the quotes at or above 0.5 and 0.8 and how many quotes that keeps, with a reliability table per cell.

Rerun (from the repository root, beside ../shared/data; about 4 minutes on 2 cores):

    .venv/bin/python benchmarks/attribution_confidence.py          # measure on dev with the shipped table
    .venv/bin/python benchmarks/attribution_confidence.py --fit    # refit on train first, then measure
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import stance  # noqa: E402
from stance.evaluate.gold import load_polnear  # noqa: E402
from stance.evaluate.quotes import attribution_correct  # noqa: E402
from stance.extraction import confidence  # noqa: E402

MIN_CELL = 20


def scored(split: Path) -> pd.DataFrame:
    articles, gold = load_polnear(split)
    predicted = stance.extract(articles)
    predicted["correct"] = attribution_correct(gold, predicted)
    return predicted


def fit(frame: pd.DataFrame) -> dict:
    cells, counts = {}, {}
    for resolution, group in frame.groupby("speaker_resolution"):
        cells[confidence.cell("*", resolution)] = (group["correct"].sum() + 1) / (len(group) + 2)
        counts[confidence.cell("*", resolution)] = int(len(group))
    for (quote_type, resolution), group in frame.groupby(["quote_type", "speaker_resolution"]):
        if len(group) >= MIN_CELL:
            cells[confidence.cell(quote_type, resolution)] = (group["correct"].sum() + 1) / (len(group) + 2)
            counts[confidence.cell(quote_type, resolution)] = int(len(group))
    return {"cells": {k: round(float(v), 4) for k, v in sorted(cells.items())}, "quotes": dict(sorted(counts.items())),
            "fitted_on": "PolNeAR train (../shared/data/polnear/train), a quote right when it matches a gold "
                         "attribution with the right source", "fitted": time.strftime("%Y-%m-%d"),
            "rerun": "python benchmarks/attribution_confidence.py --fit"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "polnear")
    parser.add_argument("--fit", action="store_true", help="refit the table on the train split first")
    args = parser.parse_args()
    if args.fit:
        table = fit(scored(args.data / "train"))
        confidence.TABLE_PATH.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")
        confidence._table.cache_clear()
        print(f"fitted on train: {sum(table['quotes'][k] for k in table['quotes'] if k.startswith('*/'))} quotes "
              f"-> {confidence.TABLE_PATH}")
    dev = scored(args.data / "dev")
    conf = dev["attribution_confidence"].astype(float)
    print(f"\nPolNeAR dev: {len(dev)} predicted quotes, {dev['correct'].mean():.3f} right "
          "(a real quote with the right speaker)\n")
    print("| threshold | quotes kept | share kept | precision |\n|---|---|---|---|")
    for threshold in (0.0, 0.5, 0.8):
        kept = conf >= threshold
        print(f"| {threshold:.1f} | {int(kept.sum())} | {kept.mean():.3f} | {dev.loc[kept, 'correct'].mean():.3f} |")
    print("\n| quote type | speaker resolution | quotes | confidence | right on dev |\n|---|---|---|---|---|")
    for (quote_type, resolution), group in dev.groupby(["quote_type", "speaker_resolution"]):
        print(f"| {quote_type} | {resolution} | {len(group)} | {group['attribution_confidence'].mean():.3f} | "
              f"{group['correct'].mean():.3f} |")
    gap = np.average(np.abs(dev.groupby("attribution_confidence")["correct"].mean().to_numpy() -
                            dev.groupby("attribution_confidence")["correct"].mean().index.to_numpy()),
                     weights=dev.groupby("attribution_confidence").size().to_numpy())
    print(f"\nmean |confidence - share right| over the table's cells, weighted by quotes: {gap:.3f}")


if __name__ == "__main__":
    main()
