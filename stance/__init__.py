"""stance: quotes, speakers, tone and stance from news articles about a war.

>>> import stance
>>> df = stance.extract("seeds/000_425a455c3402a5f3.txt")  # doctest: +SKIP

The public names are imported on first use, so `import stance` (and `stance --help`) stays fast: pandas, spaCy
and torch load only when something needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from stance.errors import ConfigError, InputError, ModelError, StanceError
from stance.records import Article, ItemError, Quote, Speaker
from stance.version import __version__

#: Public name -> the module that defines it.
_LAZY = {
    "ClassifyConfig": "config",
    "ExtractConfig": "config",
    "StanceConfig": "config",
    "load_config": "config",
    "load_classify_config": "config",
    "load_extract_config": "config",
    "load": "io",
    "read_articles": "io",
    "write_table": "io",
    "RunReport": "pipeline",
    "classify": "pipeline",
    "extract": "pipeline",
    "score": "pipeline",
    "write_report": "report.html",
    "summarize": "report.summary",
}

if TYPE_CHECKING:
    from stance.config import (
        ClassifyConfig,
        ExtractConfig,
        StanceConfig,
        load_classify_config,
        load_config,
        load_extract_config,
    )
    from stance.io import load, read_articles, write_table
    from stance.pipeline import RunReport, classify, extract, score
    from stance.report.html import write_report
    from stance.report.summary import summarize


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Article",
    "ClassifyConfig",
    "ConfigError",
    "ExtractConfig",
    "InputError",
    "ItemError",
    "ModelError",
    "Quote",
    "RunReport",
    "Speaker",
    "StanceConfig",
    "StanceError",
    "__version__",
    "classify",
    "extract",
    "load",
    "load_classify_config",
    "load_config",
    "load_extract_config",
    "read_articles",
    "score",
    "summarize",
    "write_report",
    "write_table",
]
