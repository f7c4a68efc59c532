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
import shutil
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

import pandas as pd

from .batch import BatchOptions, BatchReport, commit_part, merge_parts, read_progress, write_errors
from .config import ClassifyConfig, ExtractConfig
from .errors import ConfigError
from .io import Source, read_articles
from .records import Article, ItemError
from .schema import apply_dtypes

KIND, META, REASON = "_kind", "_meta", "_reason"


class ExtractActor:
    """Extraction of a batch of articles (`article_id`, `text`, `_meta` JSON) into quote rows, one
    `done` row for an article without quotes and one `error` row for an article that failed."""

    def __init__(self, config: ExtractConfig):
        from .nlp import load_pipeline

        self.config = config
        self.nlp = load_pipeline(config.spacy_model)

    def __call__(self, batch: pd.DataFrame) -> pd.DataFrame:
        from .pipeline import extract_batch

        articles = [Article(a, t, json.loads(m)) for a, t, m in zip(batch["article_id"], batch["text"], batch[META])]
        rows = []
        for article, result in zip(articles, extract_batch(self.nlp, articles, self.config)):
            if isinstance(result, ItemError):
                rows.append({"article_id": article.article_id, KIND: "error", REASON: result.reason, META: "{}"})
                continue
            _, quotes = result
            if not quotes:
                rows.append({"article_id": article.article_id, KIND: "done", META: "{}"})
            for quote in quotes:
                rows.append({**quote.to_row(), KIND: "quote", META: json.dumps(article.meta, default=str)})
        return pd.DataFrame.from_records(rows)


class ClassifyActor:
    """Tone and stance of the quote rows of a batch; other rows pass through."""

    def __init__(self, config: ClassifyConfig):
        from .classifier import load_classifier

        self.config = config
        for task, name in (("tone", config.tone_model), ("stance", config.stance_model)):
            load_classifier(name, task, config.max_length, config.batch_size, config.zero_shot)

    def __call__(self, batch: pd.DataFrame) -> pd.DataFrame:
        from .pipeline import label_texts

        quotes = batch[KIND] == "quote"
        if not quotes.any():
            return batch
        labels = label_texts(batch.loc[quotes, "text"].astype(str).tolist(), self.config)
        labels.index = batch.index[quotes]
        return batch.join(labels)


def _chunks(items: Iterable[Article | ItemError], size: int) -> Iterator[list[Article | ItemError]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _rows_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Quote rows as the local engine writes them: schema columns, labels, then the carried columns."""
    if rows.empty:
        return rows
    meta = pd.DataFrame.from_records([json.loads(m) for m in rows[META]], index=rows.index)
    frame = rows.drop(columns=[KIND, META, REASON], errors="ignore")
    frame = pd.concat([frame, meta[[c for c in meta.columns if c not in frame.columns]]], axis=1)
    return apply_dtypes(frame.reset_index(drop=True))


def run_ray(
    inputs: Iterable[Source] | Source,
    config: ExtractConfig,
    options: BatchOptions,
    on_error: Callable[[ItemError], None] | None = None,
    address: str | None = None,
    chunk_articles: int = 1000,
) -> BatchReport:
    """Run extraction (and classification) on Ray Data; the output equals the local engine's."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise ConfigError("--engine ray needs Ray: pip install 'stance[ray]'") from None
    if not ray.is_initialized():
        ray.init(address=address or os.environ.get("RAY_ADDRESS") or None, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = bool(options.progress)

    report = BatchReport()
    parts_dir = options.parts_dir
    if options.resume:
        done, old_errors, number = read_progress(parts_dir)
        report.errors += old_errors
        known = {(e.source, e.reason) for e in old_errors}
    else:
        shutil.rmtree(parts_dir, ignore_errors=True)
        done, number, known = set(), 0, set()

    def note(error: ItemError, part_errors: list[ItemError]) -> None:
        if (error.source, error.reason) in known:
            return
        report.errors.append(error)
        part_errors.append(error)
        if on_error:
            on_error(error)

    for chunk in _chunks(read_articles(inputs), max(chunk_articles, options.part_articles)):
        part_errors: list[ItemError] = []
        items = []
        for item in chunk:
            if isinstance(item, ItemError):
                note(item, part_errors)
            elif item.article_id in done:
                report.resumed += 1
            else:
                items.append({"article_id": item.article_id, "text": item.text,
                              META: json.dumps(item.meta, default=str)})
        ids = [item["article_id"] for item in items]
        frames = []
        if items:
            dataset = ray.data.from_items(items).map_batches(
                ExtractActor, fn_constructor_kwargs={"config": config}, batch_size=config.batch_size,
                batch_format="pandas", concurrency=options.workers)
            if options.classify is not None:
                dataset = dataset.map_batches(
                    ClassifyActor, fn_constructor_kwargs={"config": options.classify},
                    batch_size=max(options.classify.batch_size, 256), batch_format="pandas", concurrency=1)
            frames = [batch for batch in dataset.iter_batches(batch_format="pandas", batch_size=None)]
        rows = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame({KIND: []})
        for _, row in rows[rows[KIND] == "error"].iterrows():
            note(ItemError(row["article_id"], row[REASON]), part_errors)
        quotes = rows[rows[KIND] == "quote"]
        report.articles += len(ids) - int((rows[KIND] == "error").sum())
        report.quotes += len(quotes)
        if ids or part_errors:
            commit_part(parts_dir, number, _rows_frame(quotes), ids, part_errors)
            number += 1
    merge_parts(parts_dir, options.output, with_labels=options.classify is not None)
    write_errors(options.errors_table, report.errors)
    report.error_table = options.errors_table
    shutil.rmtree(parts_dir, ignore_errors=True)
    return report
