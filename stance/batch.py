"""Batch runs over large corpora: streaming, resumable, fault-tolerant and multi-core.

`run_batch` reads articles lazily, extracts (in this process or a pool of worker processes),
optionally classifies, and commits the rows every `part_articles` articles as one *part*: a
directory `OUT.parts/part-NNNNNN/` holding `quotes.parquet`, the ids of its articles and its
errors, renamed into place in one step, so a part is either whole or absent. A run killed at
any moment and restarted with `resume=True` skips the articles of the committed parts; the end
of a run merges the parts into `OUT` part by part (memory stays flat), writes the error table,
and removes the parts.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .config import ClassifyConfig, ExtractConfig
from .errors import ConfigError
from .io import Source, read_articles, table_format, write_table
from .nlp import load_pipeline
from .pipeline import RunReport, _with_labels, extract_batch, quotes_frame
from .records import Article, ItemError, Quote
from .schema import LABEL_COLUMNS, QUOTE_COLUMNS, apply_dtypes, empty_quotes

logger = logging.getLogger(__name__)

Result = tuple[Article, list[Quote]] | ItemError


@dataclass
class BatchOptions:
    """How a batch run writes: the output table, resume, the error table, workers and part size."""

    output: Path
    resume: bool = False
    errors_path: Path | None = None
    workers: int = 1
    classify: ClassifyConfig | None = None  # None: extraction only
    part_articles: int = 100
    progress: bool | None = None  # None: a progress bar only when stderr is a terminal

    def __post_init__(self) -> None:
        self.output = Path(self.output)
        if str(self.output) == "-":
            raise ConfigError("a batch run writes a file; name an output path instead of -")
        table_format(self.output)
        if self.workers < 1:
            raise ConfigError(f"workers must be at least 1, got {self.workers}")
        if self.part_articles < 1:
            raise ConfigError(f"part_articles must be at least 1, got {self.part_articles}")

    @property
    def parts_dir(self) -> Path:
        return self.output.with_name(self.output.name + ".parts")

    @property
    def errors_table(self) -> Path:
        return self.errors_path or self.output.with_name(self.output.name + ".errors.jsonl")


@dataclass
class BatchReport(RunReport):
    """A `RunReport` that also counts the articles a resumed run found already written."""

    resumed: int = 0
    error_table: Path | None = None


# ----------------------------------------------------------------------------------------- parts


def _committed_parts(parts_dir: Path) -> list[Path]:
    return sorted(p for p in parts_dir.glob("part-*") if p.is_dir() and not p.name.endswith(".tmp"))


def read_progress(parts_dir: Path) -> tuple[set[str], list[ItemError], int]:
    """Article ids and errors of the committed parts, and the next part number; half-written parts are removed."""
    done: set[str] = set()
    errors: list[ItemError] = []
    if not parts_dir.exists():
        return done, errors, 0
    for leftover in parts_dir.glob("*.tmp"):
        shutil.rmtree(leftover, ignore_errors=True)
    parts = _committed_parts(parts_dir)
    for part in parts:
        manifest = json.loads((part / "manifest.json").read_text(encoding="utf-8"))
        done.update(manifest["articles"])
        errors += [ItemError(e["source"], e["reason"]) for e in manifest["errors"]]
    number = int(parts[-1].name.split("-")[1]) + 1 if parts else 0
    return done, errors, number


def _json_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Carried columns holding lists or dicts become JSON text so Parquet takes every part alike."""
    for column in frame.columns:
        if column in QUOTE_COLUMNS or column in LABEL_COLUMNS or frame[column].dtype != object:
            continue
        if frame[column].map(lambda v: isinstance(v, (list, dict))).any():
            frame[column] = frame[column].map(lambda v: json.dumps(v) if isinstance(v, (list, dict)) else v)
    return frame


def commit_part(parts_dir: Path, number: int, frame: pd.DataFrame, articles: list[str],
                errors: list[ItemError]) -> Path:
    """Write one part under a temporary name and rename it into place (atomic on one filesystem)."""
    parts_dir.mkdir(parents=True, exist_ok=True)
    final = parts_dir / f"part-{number:06d}"
    staging = parts_dir / f"part-{number:06d}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    _json_safe(frame).to_parquet(staging / "quotes.parquet", index=False)
    manifest = {"articles": articles, "errors": [{"source": e.source, "reason": e.reason} for e in errors]}
    (staging / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    for path in (staging / "quotes.parquet", staging / "manifest.json"):
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
    os.replace(staging, final)
    return final


def _unified_schema(parts: list[Path]) -> pa.Schema:
    """One Arrow schema for every part: schema columns first; a carried column whose type differs
    between parts (or is null in some) becomes text."""
    seen: dict[str, set[pa.DataType]] = {}
    order: list[str] = []
    for part in parts:
        for item in pq.read_schema(part / "quotes.parquet"):
            if item.name not in seen:
                seen[item.name] = set()
                order.append(item.name)
            seen[item.name].add(item.type)
    fields = []
    for name in order:
        types = {t for t in seen[name] if t != pa.null()}
        fields.append(pa.field(name, types.pop() if len(types) == 1 else pa.string()))
    return pa.schema(fields)


def _part_frames(parts: list[Path], schema: pa.Schema) -> Iterator[pd.DataFrame]:
    for part in parts:
        table = pq.read_table(part / "quotes.parquet")
        columns = []
        for item in schema:
            if item.name in table.column_names:
                column = table.column(item.name)
                columns.append(column if column.type == item.type else column.cast(item.type)
                               if column.type != pa.null() else pa.nulls(len(table), item.type))
            else:
                columns.append(pa.nulls(len(table), item.type))
        yield pa.Table.from_arrays(columns, schema=schema).to_pandas()


def merge_parts(parts_dir: Path, output: Path, with_labels: bool) -> int:
    """Write every committed part, in order, into `output` (through a temporary file); the row count."""
    parts = _committed_parts(parts_dir) if parts_dir.exists() else []
    fmt = table_format(output)
    staging = output.with_name(output.stem + ".tmp" + output.suffix)
    output.parent.mkdir(parents=True, exist_ok=True)
    rows = 0
    if not parts:
        frame = empty_quotes()
        if with_labels:
            frame = apply_dtypes(frame.assign(**{n: pd.Series(dtype=d) for n, d in LABEL_COLUMNS.items()}))
        write_table(frame, staging)
        os.replace(staging, output)
        return 0
    schema = _unified_schema(parts)
    writer = None
    with staging.open("wb") as handle:
        for index, frame in enumerate(_part_frames(parts, schema)):
            frame = apply_dtypes(frame)
            rows += len(frame)
            if fmt == "parquet":
                table = pa.Table.from_pandas(frame, preserve_index=False)
                if writer is None:
                    writer = pq.ParquetWriter(handle, table.schema)
                writer.write_table(table.cast(writer.schema))
            elif fmt == "csv":
                handle.write(frame.to_csv(index=False, header=index == 0).encode("utf-8"))
            elif len(frame):
                handle.write(frame.to_json(orient="records", lines=True, force_ascii=False).encode("utf-8"))
        if writer is not None:
            writer.close()
    os.replace(staging, output)
    return rows


def write_errors(path: Path, errors: list[ItemError]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for error in errors:
            handle.write(json.dumps({"source": error.source, "reason": error.reason}, ensure_ascii=False) + "\n")


# ------------------------------------------------------------------------------------ extraction

_worker_nlp = None
_worker_config: ExtractConfig | None = None


def _init_worker(config: ExtractConfig) -> None:
    global _worker_nlp, _worker_config
    import torch

    torch.set_num_threads(1)
    _worker_config = config
    _worker_nlp = load_pipeline(config.spacy_model)


def _work(articles: list[Article]) -> list[Result]:
    return extract_batch(_worker_nlp, articles, _worker_config)


def _article_batches(items: Iterable[Article | ItemError], size: int,
                     on_item_error: Callable[[ItemError], None]) -> Iterator[list[Article]]:
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


def extract_results(items: Iterable[Article | ItemError], config: ExtractConfig, workers: int,
                    on_item_error: Callable[[ItemError], None]) -> Iterator[Result]:
    """Each article's result in input order; reading errors go to `on_item_error` as they are met.

    With `workers > 1`, batches go to a pool of worker processes (each loads the spaCy pipeline once),
    at most `2 × workers` batches in flight, so memory stays bounded. The batches are the same as with
    one worker, so the results are identical."""
    batches = _article_batches(items, config.batch_size, on_item_error)
    if workers == 1:
        nlp = load_pipeline(config.spacy_model)
        for batch in batches:
            yield from extract_batch(nlp, batch, config)
        return
    load_pipeline(config.spacy_model)  # a bad pipeline name fails here, not in every worker
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=_init_worker,
                             initargs=(config,)) as pool:
        pending: deque = deque()
        for batch in batches:
            pending.append(pool.submit(_work, batch))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


# ------------------------------------------------------------------------------------------ run


def _progress(enabled: bool | None):
    from tqdm import tqdm

    disable = (not sys.stderr.isatty()) if enabled is None else not enabled
    return tqdm(unit=" articles", file=sys.stderr, disable=disable, dynamic_ncols=True, smoothing=0.1)


def run_batch(
    inputs: Iterable[Source] | Source,
    config: ExtractConfig,
    options: BatchOptions,
    on_error: Callable[[ItemError], None] | None = None,
) -> BatchReport:
    """Extract (and classify, when `options.classify` is set) every article and write `options.output`.

    Returns the report; every bad item is in `report.errors` and in the error table beside the output.
    """
    report = BatchReport()
    parts_dir = options.parts_dir
    known: set[tuple[str, str]] = set()  # errors already in committed parts, met again when resuming
    if options.resume:
        done, old_errors, number = read_progress(parts_dir)
        report.errors += old_errors
        known = {(e.source, e.reason) for e in old_errors}
    else:
        shutil.rmtree(parts_dir, ignore_errors=True)
        done, number = set(), 0
    if options.classify is not None:
        from .classifier import load_classifier

        c = options.classify
        for task, name in (("tone", c.tone_model), ("stance", c.stance_model)):
            load_classifier(name, task, c.max_length, c.batch_size, c.zero_shot)

    part_results: list[tuple[Article, list[Quote]]] = []
    part_ids: list[str] = []
    part_errors: list[ItemError] = []
    bar = _progress(options.progress)

    def note_error(error: ItemError) -> None:
        if (error.source, error.reason) in known:
            return
        report.errors.append(error)
        part_errors.append(error)
        if on_error:
            on_error(error)

    def fresh(items: Iterable[Article | ItemError]) -> Iterator[Article | ItemError]:
        for item in items:
            if isinstance(item, Article) and item.article_id in done:
                report.resumed += 1
                continue
            yield item

    def flush() -> None:
        nonlocal number, part_results, part_ids, part_errors
        if not part_ids and not part_errors:
            return
        frame = quotes_frame(part_results)
        if options.classify is not None:
            frame = apply_dtypes(_with_labels(frame, options.classify))
        commit_part(parts_dir, number, frame, part_ids, part_errors)
        number += 1
        part_results, part_ids, part_errors = [], [], []

    try:
        for result in extract_results(fresh(read_articles(inputs)), config, options.workers, note_error):
            bar.update(1)
            if isinstance(result, ItemError):
                note_error(result)
                part_ids.append(result.source)
            else:
                article, quotes = result
                report.articles += 1
                report.quotes += len(quotes)
                part_results.append(result)
                part_ids.append(article.article_id)
                if bar.format_dict.get("elapsed"):
                    bar.set_postfix(quotes_s=f"{report.quotes / bar.format_dict['elapsed']:.1f}", refresh=False)
            if len(part_ids) >= options.part_articles:
                flush()
        flush()
    finally:
        bar.close()
    merge_parts(parts_dir, options.output, with_labels=options.classify is not None)
    write_errors(options.errors_table, report.errors)
    report.error_table = options.errors_table
    shutil.rmtree(parts_dir, ignore_errors=True)
    return report
