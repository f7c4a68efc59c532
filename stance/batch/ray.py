"""The same pipeline on Ray Data: read → `map_batches` extract (actor pool, spaCy loaded once per
actor) → `map_batches` classify (actor pool, models loaded once per actor) → write.

The driver reads articles lazily and hands them to Ray a chunk at a time, so its memory does not
grow with the corpus; each chunk's rows come back in input order (`preserve_order`) and are
committed as a part exactly as the local engine commits them, so `--resume`, the error table and
the output file are the same. Ray is an optional extra (`pip install 'stance[ray]'`); without a
running cluster it starts a local instance, and `RAY_ADDRESS` (or `address=`) points it at an
existing one (`RAY_ADDRESS=ray://head:10001 stance score … --engine ray`). Cluster nodes need
stance installed with the same models.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

import pandas as pd

from stance.batch.local import BatchOptions, BatchReport, BatchRun, check_inputs, check_models
from stance.config import ClassifyConfig, ExtractConfig
from stance.errors import ConfigError
from stance.io import Source, read_articles
from stance.records import Article, ItemError
from stance.schema import apply_dtypes

KIND, META, REASON, ORIGIN = "_kind", "_meta", "_reason", "_origin"


class ExtractActor:
    """Extraction of a batch of articles (`article_id`, `text`, `_meta` JSON) into quote rows, one
    `done` row for an article without quotes and one `error` row for an article that failed."""

    def __init__(self, config: ExtractConfig):
        from stance.extraction.nlp import load_pipeline

        self.config = config
        self.nlp = load_pipeline(config.spacy_model)

    def __call__(self, batch: pd.DataFrame) -> pd.DataFrame:
        from stance.pipeline import extract_batch

        articles = [Article(a, t, json.loads(m)) for a, t, m in zip(batch["article_id"], batch["text"], batch[META])]
        rows = []
        for article, result in zip(articles, extract_batch(self.nlp, articles, self.config)):
            if isinstance(result, ItemError):
                rows.append({"article_id": article.article_id, KIND: "error", REASON: result.reason, META: "{}"})
                continue
            _, quotes = result
            if not quotes:
                rows.append({"article_id": article.article_id, KIND: "done", META: "{}", REASON: ""})
            for quote in quotes:
                rows.append({**quote.to_row(), KIND: "quote", META: json.dumps(article.meta, default=str), REASON: ""})
        return pd.DataFrame.from_records(rows)


class ClassifyActor:
    """Tone and stance of the quote rows of a batch; other rows pass through."""

    def __init__(self, config: ClassifyConfig):
        from stance.classifier.labeller import Labeller

        self.labeller = Labeller.of(config).load()

    def __call__(self, batch: pd.DataFrame) -> pd.DataFrame:
        quotes = batch[KIND] == "quote"
        return self.labeller.label_frame(batch, quotes) if quotes.any() else batch


def _chunks(items: Iterable[Article | ItemError], size: int) -> Iterator[list[Article | ItemError]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _rows_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Quote rows as the local engine writes them: schema columns, labels, then the carried columns."""
    if rows.empty:
        return pd.DataFrame()  # BatchRun.commit writes an empty part with the schema's columns
    meta = pd.DataFrame.from_records([json.loads(m) for m in rows[META]], index=rows.index)
    frame = rows.drop(columns=[KIND, META, REASON], errors="ignore")
    frame = pd.concat([frame, meta[[c for c in meta.columns if c not in frame.columns]]], axis=1)
    return apply_dtypes(frame.reset_index(drop=True))


def run_ray(
    inputs: Iterable[Source] | Source,
    config: ExtractConfig,
    options: BatchOptions,
    on_error: Callable[[ItemError], None] | None = None,
    on_note: Callable[[str], None] | None = None,
    address: str | None = None,
    chunk_articles: int = 1000,
) -> BatchReport:
    """Run extraction (and classification) on Ray Data; the output equals the local engine's."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise ConfigError("--engine ray needs Ray: pip install 'stance[ray]'") from None
    inputs = check_inputs(inputs, options)
    check_models(config, options.classify, parse_here=False)
    if not ray.is_initialized():
        ray.init(address=address or os.environ.get("RAY_ADDRESS") or None, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = bool(options.progress)

    run = BatchRun(options, config, on_error, on_note)
    for chunk in _chunks(read_articles(inputs), max(chunk_articles, options.part_articles)):
        items = []
        for item in chunk:
            if isinstance(item, ItemError):
                run.error(item)
            elif run.admit(item):
                items.append({"article_id": item.article_id, "text": item.text,
                              META: json.dumps(item.meta, default=str), ORIGIN: item.where})
        frames = []
        if items:
            dataset = ray.data.from_items(items).map_batches(
                ExtractActor, fn_constructor_kwargs={"config": config}, batch_size=config.batch_size,
                batch_format="pandas", concurrency=options.workers)
            if options.classify is not None:
                dataset = dataset.map_batches(
                    ClassifyActor, fn_constructor_kwargs={"config": options.classify},
                    batch_size=max(options.classify.batch_size, 256), batch_format="pandas", concurrency=1)
            frames = list(dataset.iter_batches(batch_format="pandas", batch_size=None))
        empty = pd.DataFrame({KIND: [], "article_id": [], REASON: []})
        rows = pd.concat(frames, ignore_index=True) if frames else empty
        failed = rows[rows[KIND] == "error"]
        origins = {item["article_id"]: item[ORIGIN] for item in items}
        for article_id, reason in zip(failed["article_id"], failed[REASON]):
            run.error(ItemError(origins.get(article_id) or article_id, reason, article_id))
        quotes = rows[rows[KIND] == "quote"]
        counts, failed_ids = quotes["article_id"].value_counts(), set(failed["article_id"])
        for item in items:
            article_id = item["article_id"]
            run.processed(article_id, None if article_id in failed_ids else int(counts.get(article_id, 0)))
        run.commit(_rows_frame(quotes))
    return run.finish()
