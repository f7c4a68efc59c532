"""Chain the stages: read articles → parse → find quotes and speakers → table.

`extract` is the library's entry point for extraction; bad items are reported through
`errors` (or logged) and skipped, and every good article is still processed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pandas as pd

from .config import ExtractConfig, load_extract_config
from .extract import extract_article
from .io import Source, read_articles
from .nlp import load_pipeline, parse_texts
from .records import Article, ItemError, Quote
from .schema import apply_dtypes, empty_quotes

logger = logging.getLogger(__name__)


@dataclass
class RunReport:
    """What a run did: articles read and done, quotes found, and the items that failed."""

    articles: int = 0
    quotes: int = 0
    errors: list[ItemError] = field(default_factory=list)


def _batches(items: Iterable[Article | ItemError], size: int) -> Iterator[list[Article | ItemError]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def iter_quotes(
    articles: Iterable[Article | ItemError],
    config: ExtractConfig,
    report: RunReport | None = None,
    on_error: Callable[[ItemError], None] | None = None,
) -> Iterator[tuple[Article, list[Quote]]]:
    """Each good article with its quotes, in input order; bad items go to `report` and `on_error`."""
    report = report if report is not None else RunReport()
    nlp = load_pipeline(config.spacy_model)
    for batch in _batches(articles, config.batch_size):
        good: list[Article] = []
        for item in batch:
            if isinstance(item, ItemError):
                report.errors.append(item)
                (on_error or _log_error)(item)
            else:
                good.append(item)
        parsed = parse_texts(nlp, (a.text for a in good), max_chars=config.max_chunk_chars,
                             batch_size=config.batch_size)
        for article, chunks in zip(good, parsed):
            try:
                quotes = extract_article(article, chunks, config)
            except Exception as exc:  # one article's failure must not lose the batch
                logger.exception("extraction failed on %s", article.article_id)
                error = ItemError(article.article_id, f"extraction failed: {type(exc).__name__}: {exc}")
                report.errors.append(error)
                (on_error or _log_error)(error)
                continue
            report.articles += 1
            report.quotes += len(quotes)
            yield article, quotes


def _log_error(error: ItemError) -> None:
    logger.warning("skipped %s", error)


def quotes_frame(results: Iterable[tuple[Article, list[Quote]]]) -> pd.DataFrame:
    """One row per quote, schema columns first, then each article's carried input columns."""
    rows = []
    meta_columns: list[str] = []
    for article, quotes in results:
        for name in article.meta:
            if name not in meta_columns:
                meta_columns.append(name)
        rows += [{**q.to_row(), **{k: v for k, v in article.meta.items() if k not in q.to_row()}} for q in quotes]
    if not rows:
        return empty_quotes(meta_columns)
    return apply_dtypes(pd.DataFrame.from_records(rows))


def extract(
    inputs: Iterable[Source] | Source,
    config: ExtractConfig | str | Path | None = None,
    report: RunReport | None = None,
) -> pd.DataFrame:
    """Extract every quote with its speaker from articles: paths (`.txt`, directories, tables),
    `-` for JSON Lines on stdin, or `Article` records.

    >>> df = extract("seeds/000_425a455c3402a5f3.txt")  # doctest: +SKIP
    >>> df[["speaker", "quote_type", "text"]].head()  # doctest: +SKIP
    """
    if not isinstance(config, ExtractConfig):
        config = load_extract_config(config)
    return quotes_frame(iter_quotes(read_articles(inputs), config, report))
