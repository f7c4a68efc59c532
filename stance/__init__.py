"""stance: quotes, speakers, tone and stance from news articles about a war.

>>> import stance
>>> df = stance.extract("seeds/000_425a455c3402a5f3.txt")  # doctest: +SKIP
"""

from .config import ClassifyConfig, ExtractConfig, load_classify_config, load_extract_config
from .errors import ConfigError, InputError, ModelError, StanceError
from .io import load, read_articles, write_table
from .pipeline import RunReport, classify, extract, score
from .records import Article, ItemError, Quote, Speaker
from .report import write_report
from .summary import summarize

__version__ = "0.1.0"

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
    "StanceError",
    "__version__",
    "classify",
    "extract",
    "load",
    "load_classify_config",
    "load_extract_config",
    "read_articles",
    "score",
    "summarize",
    "write_report",
    "write_table",
]
