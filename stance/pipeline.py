"""Chain the stages: read articles → parse → find quotes and speakers → table.

`extract` is the library's entry point for extraction; bad items are reported through
`errors` (or logged) and skipped, and every good article is still processed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from stance.classifier.labeller import Labeller
from stance.config import ClassifyConfig, ExtractConfig, load_config, load_extract_config
from stance.errors import InputError
from stance.extraction.nlp import load_pipeline, parse_texts
from stance.extraction.quotes import extract_article
from stance.io import Source, as_sources, check_table_columns, read_articles, read_table
from stance.records import Article, ItemError, Quote
from stance.schema import apply_dtypes, empty_quotes, order_label_columns

logger = logging.getLogger(__name__)


@dataclass
class RunReport:
    """What a run did: articles read and done, quotes found, and the items that failed."""

    articles: int = 0
    quotes: int = 0
    errors: list[ItemError] = field(default_factory=list)

    def add(self, quotes: int) -> None:
        """Count one article done, with its number of quotes."""
        self.articles += 1
        self.quotes += quotes


def article_batches(items: Iterable[Article | ItemError], size: int,
                    on_item_error: Callable[[ItemError], None]) -> Iterator[list[Article]]:
    """Batches of `size` good articles, in order; each reading error goes to `on_item_error` as it is met."""
    batch: list[Article] = []
    for item in items:
        if isinstance(item, ItemError):
            on_item_error(item)
            continue
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_batch(nlp, articles: list[Article], config: ExtractConfig) -> list[tuple[Article, list[Quote]] | ItemError]:
    """Parse a batch of articles together and extract each one's quotes; a failing article becomes an
    `ItemError` and the rest of the batch goes on. The same batches give the same results in any process."""
    good = [a for a in articles if len(a.text) <= config.max_article_chars]
    parsed = dict(zip(map(id, good), parse_texts(nlp, (a.text for a in good), max_chars=config.max_chunk_chars,
                                                  batch_size=config.batch_size)))
    results: list[tuple[Article, list[Quote]] | ItemError] = []
    for article in articles:
        if id(article) not in parsed:
            results.append(ItemError.of(article, f"oversized article: {len(article.text):,} characters, "
                                     f"the limit is {config.max_article_chars:,} (extract.max_article_chars)"))
            continue
        try:
            results.append((article, extract_article(article, parsed[id(article)], config)))
        except Exception as exc:  # one article's failure must not lose the batch
            logger.exception("extraction failed on %s", article.article_id)
            results.append(ItemError.of(article, f"extraction failed: {type(exc).__name__}: {exc}"))
    return results


def iter_quotes(
    articles: Iterable[Article | ItemError],
    config: ExtractConfig,
    report: RunReport | None = None,
    on_error: Callable[[ItemError], None] | None = None,
) -> Iterator[tuple[Article, list[Quote]]]:
    """Each good article with its quotes, in input order; bad items go to `report` and `on_error`."""
    report = report if report is not None else RunReport()

    def failed(error: ItemError) -> None:
        report.errors.append(error)
        (on_error or _log_error)(error)

    nlp = load_pipeline(config.spacy_model)
    for batch in article_batches(articles, config.batch_size, failed):
        for result in extract_batch(nlp, batch, config):
            if isinstance(result, ItemError):
                failed(result)
                continue
            report.add(len(result[1]))
            yield result


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
    sources = as_sources(inputs)
    if sources is not None:
        check_table_columns(sources)
        inputs = sources
    return quotes_frame(iter_quotes(read_articles(inputs), config, report))


def label_texts(texts: list[str], config: ClassifyConfig | str | Path | None = None,
                cues: list[str] | None = None, contexts: list[str] | None = None) -> pd.DataFrame:
    """Tone and stance of each text (with its reporting cue and cue sentence, for models trained to read them):
    the label columns of the schema, one row per text (`Labeller.label`)."""
    return Labeller.of(config).label(texts, cues, contexts)


def score(
    inputs: Iterable[Source] | Source,
    config: ExtractConfig | str | Path | None = None,
    classify_config: ClassifyConfig | str | Path | None = None,
    report: RunReport | None = None,
) -> pd.DataFrame:
    """Extract every quote and classify its tone and stance: the extraction table plus the label columns.

    A config path given as `config` also supplies `[classify]` unless `classify_config` is given.

    >>> df = score("seeds/000_425a455c3402a5f3.txt")  # doctest: +SKIP
    >>> df[["speaker", "tone", "stance", "text"]].head()  # doctest: +SKIP
    """
    if isinstance(config, (str, Path)):
        settings = load_config(config)  # read once for both stages
        config, classify_config = settings.extract, settings.classify if classify_config is None else classify_config
    quotes = extract(inputs, config, report)
    return apply_dtypes(Labeller.of(classify_config).label_frame(quotes))


def classify(
    table: pd.DataFrame | str | Path,
    config: ClassifyConfig | str | Path | None = None,
) -> pd.DataFrame:
    """Classify a table of statements (a DataFrame or a JSON Lines / CSV / Parquet path) with a `text` column
    and an `id` column; every input column is kept, the label columns are added after `id` and `text`.

    >>> stance.classify(pd.DataFrame({"id": ["q1"], "text": ["We will never negotiate."]}))  # doctest: +SKIP
    """
    frame = table if isinstance(table, pd.DataFrame) else read_table(table)
    where = "table" if isinstance(table, pd.DataFrame) else str(table)
    id_columns = [c for c in ("id", "quote_id", "article_id") if c in frame.columns]
    if "text" not in frame.columns or not id_columns:
        raise InputError(f"{where}: a statements table needs a `text` column and an `id` column; "
                         f"found {list(frame.columns)}")
    return order_label_columns(Labeller.of(config).label_frame(frame), [id_columns[0], "text"])
