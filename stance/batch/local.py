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
import shutil
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import pandas as pd

from stance.batch.parts import (
    commit_part,
    merge_parts,
    read_progress,
    write_errors,
)
from stance.config import ClassifyConfig, ExtractConfig
from stance.errors import ConfigError, ModelError
from stance.extraction.nlp import load_pipeline
from stance.io import (
    Source,
    as_sources,
    check_table_columns,
    read_articles,
    refuse_overwriting_inputs,
    table_format,
)
from stance.pipeline import RunReport, article_batches, extract_batch, quotes_frame
from stance.records import Article, ItemError, Quote
from stance.schema import LABEL_COLUMNS, apply_dtypes, empty_quotes

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


def extract_results(items: Iterable[Article | ItemError], config: ExtractConfig, workers: int,
                    on_item_error: Callable[[ItemError], None]) -> Iterator[Result]:
    """Each article's result in input order; reading errors go to `on_item_error` as they are met.

    With `workers > 1`, batches go to a pool of worker processes (each loads the spaCy pipeline once),
    at most `2 × workers` batches in flight, so memory stays bounded. The batches are the same as with
    one worker, so the results are identical."""
    batches = article_batches(items, config.batch_size, on_item_error)
    if workers == 1:
        nlp = load_pipeline(config.spacy_model)
        for batch in batches:
            yield from extract_batch(nlp, batch, config)
        return
    # The workers load the pipeline; the main process only reads, writes and classifies.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=_init_worker,
                             initargs=(config,)) as pool:
        pending: deque = deque()
        try:
            for batch in batches:
                pending.append(pool.submit(_work, batch))
                if len(pending) >= 2 * workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool:
            load_pipeline(config.spacy_model)  # raises the reason when the pipeline is what failed
            raise ModelError("an extraction worker died (out of memory?); rerun with --resume, or fewer "
                             "--workers") from None


# ------------------------------------------------------------------------------------------ run


def _progress(enabled: bool | None):
    from tqdm import tqdm

    disable = (not sys.stderr.isatty()) if enabled is None else not enabled
    return tqdm(unit=" articles", file=sys.stderr, disable=disable, dynamic_ncols=True, smoothing=0.1)


class BatchRun:
    """The bookkeeping both engines share: resume state, duplicate ids, errors, parts and the final merge.

    An article id is admitted once per run: a second article with the same id (two `a.txt` files in
    different folders, a repeated table row) is reported and skipped, in a fresh run and a resumed one alike,
    so `--resume` can key its progress on ids.
    """

    def __init__(self, options: BatchOptions, config: ExtractConfig,
                 on_error: Callable[[ItemError], None] | None = None, on_note: Callable[[str], None] | None = None):
        self.options = options
        self.on_error = on_error
        self.report = BatchReport()
        self.parts_dir = options.parts_dir
        self.settings = _run_settings(config, options.classify)
        self.known: set[tuple[str, str]] = set()  # errors already in committed parts, met again when resuming
        self.done: set[str] = set()
        self.seen: set[str] = set()
        self.position: dict[str, int] = {}  # input position of each admitted article not yet committed
        self.number = 0
        try:
            options.output.parent.mkdir(parents=True, exist_ok=True)
            if options.resume and self.parts_dir.exists():
                self._check_settings()
                self.done, old_errors, self.number = read_progress(self.parts_dir, on_note)
                self.report.errors += old_errors
                self.known = {(e.source, e.reason) for e in old_errors}
            else:
                shutil.rmtree(self.parts_dir, ignore_errors=True)
            self.parts_dir.mkdir(parents=True, exist_ok=True)
            (self.parts_dir / "run.json").write_text(json.dumps(self.settings), encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot write the output {options.output}: {exc.strerror or exc}") from None
        self.ids: list[str] = []
        self.order: list[int] = []
        self.errors: list[ItemError] = []

    def _check_settings(self) -> None:
        path = self.parts_dir / "run.json"
        if path.exists():
            try:
                previous = json.loads(path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise ConfigError(f"--resume: {path} is damaged, so the settings of its parts are unknown; run "
                                  "again without --resume") from None
            if previous != self.settings:
                raise ConfigError(f"--resume: the parts in {self.parts_dir} were written with other settings "
                                  f"({previous}); run again without --resume, or with the same settings")

    def admit(self, article: Article) -> bool:
        """Whether to process an article: not yet written and not a repeated id."""
        if article.article_id in self.seen:
            self.error(ItemError(article.where, f"duplicate article id {article.article_id!r}: an article with "
                                 "this id was already read in this run; give each article its own id"))
            return False
        self.seen.add(article.article_id)
        if article.article_id in self.done:
            self.report.resumed += 1
            return False
        self.position[article.article_id] = len(self.seen) - 1
        return True

    def error(self, error: ItemError) -> None:
        if (error.source, error.reason) in self.known:
            return
        self.report.errors.append(error)
        self.errors.append(error)
        if self.on_error:
            self.on_error(error)

    def processed(self, article_id: str, quotes: int | None = None) -> None:
        """An article is done: with its number of quotes, or None when it failed (its error is reported)."""
        if quotes is not None:
            self.report.add(quotes)
        self.ids.append(article_id)
        self.order.append(self.position.pop(article_id, len(self.seen)))

    @property
    def pending(self) -> int:
        return len(self.ids)

    def commit(self, frame: pd.DataFrame) -> None:
        """Commit the rows of the articles processed since the last commit, with their errors."""
        if not self.ids and not self.errors:
            return
        if frame.empty:
            # No row: no carried columns either, so a quote-less part does not decide their types.
            frame = empty_quotes()
            if self.options.classify is not None:
                frame = frame.assign(**{n: pd.Series(dtype=d) for n, d in LABEL_COLUMNS.items()})
        commit_part(self.parts_dir, self.number, frame, self.ids, self.errors, self.order)
        self.number += 1
        self.ids, self.errors, self.order = [], [], []

    def finish(self) -> BatchReport:
        merge_parts(self.parts_dir, self.options.output, with_labels=self.options.classify is not None)
        write_errors(self.options.errors_table, self.report.errors)
        self.report.error_table = self.options.errors_table
        shutil.rmtree(self.parts_dir, ignore_errors=True)
        return self.report


def _run_settings(config: ExtractConfig, classify: ClassifyConfig | None) -> dict:
    """What must match for a resumed run to continue a killed one."""
    settings = {"spacy_model": config.spacy_model, "classify": None}
    if classify is not None:
        settings["classify"] = {"tone_model": classify.tone_model, "stance_model": classify.stance_model,
                                "zero_shot": classify.zero_shot, "tone_prior": classify.tone_prior,
                                "stance_prior": classify.stance_prior}
    return settings


def check_inputs(inputs: Iterable[Source] | Source, options: BatchOptions) -> Iterable[Source]:
    """The inputs, once they are known not to be overwritten by the run and every table among them has the
    columns an article needs (otherwise an error before anything is read or written); a stream is passed on
    unchecked (`as_sources`)."""
    sources = as_sources(inputs)
    if sources is None:
        return inputs
    inputs = sources
    refuse_overwriting_inputs(inputs, {"the output": options.output, "the error table": options.errors_table,
                                       "the parts folder": options.parts_dir})
    check_table_columns(inputs)
    return inputs


def check_pipeline(name: str) -> None:
    """Fail fast on a spaCy pipeline that is neither an installed package nor a directory (without loading it)."""
    import spacy.util

    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        load_pipeline(name)  # raises ModelError with the reason


def check_models(config: ExtractConfig, classify: ClassifyConfig | None, parse_here: bool = True) -> None:
    """Check the spaCy pipeline and load the classifiers once, so that a bad name stops the run before any
    article; the pipeline is loaded only where this process parses (one worker)."""
    if parse_here:
        load_pipeline(config.spacy_model)
    else:
        check_pipeline(config.spacy_model)
    if classify is not None:
        from stance.classifier.labeller import Labeller

        Labeller.of(classify).load()


def run_batch(
    inputs: Iterable[Source] | Source,
    config: ExtractConfig,
    options: BatchOptions,
    on_error: Callable[[ItemError], None] | None = None,
    on_note: Callable[[str], None] | None = None,
) -> BatchReport:
    """Extract (and classify, when `options.classify` is set) every article and write `options.output`.

    Returns the report; every bad item is in `report.errors` and in the error table beside the output.
    `on_note` hears what a resumed run redoes (default: a logged warning).
    """
    inputs = check_inputs(inputs, options)
    check_models(config, options.classify, parse_here=options.workers == 1)
    run = BatchRun(options, config, on_error, on_note)
    report = run.report
    results: list[tuple[Article, list[Quote]]] = []
    bar = _progress(options.progress)

    def admitted(items: Iterable[Article | ItemError]) -> Iterator[Article | ItemError]:
        for item in items:
            if isinstance(item, ItemError) or run.admit(item):
                yield item

    def flush() -> None:
        nonlocal results
        frame = quotes_frame(results)
        if options.classify is not None and not frame.empty:
            from stance.classifier.labeller import Labeller

            frame = apply_dtypes(Labeller.of(options.classify).label_frame(frame))
        run.commit(frame)
        results = []

    try:
        for result in extract_results(admitted(read_articles(inputs)), config, options.workers, run.error):
            bar.update(1)
            if isinstance(result, ItemError):
                run.error(result)
                run.processed(result.article_id or result.source)
            else:
                article, quotes = result
                results.append(result)
                run.processed(article.article_id, len(quotes))
                if bar.format_dict.get("elapsed"):
                    bar.set_postfix(quotes_s=f"{report.quotes / bar.format_dict['elapsed']:.1f}", refresh=False)
            if run.pending >= options.part_articles:
                flush()
        flush()
    finally:
        bar.close()
    return run.finish()
