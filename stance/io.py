"""Reading articles in and writing quote tables out.

Readers yield `Article` records, or `ItemError` records for items that cannot be read, so
that a batch reports a bad file or row and goes on with the rest.
"""

from __future__ import annotations

import io
import json
import logging
import math
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from stance.errors import InputError
from stance.records import Article, ItemError
from stance.schema import ID_COLUMNS, LABEL_COLUMNS, QUOTE_COLUMNS, apply_dtypes, empty_quotes

logger = logging.getLogger(__name__)

TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet",
                  ".pq": "parquet", ".hf": "dataset"}
TEXT_SUFFIXES = {".txt"}

Source = str | Path | Article


def is_dataset_dir(path: str | Path) -> bool:
    """Whether `path` is a Hugging Face dataset saved by `Dataset.save_to_disk`."""
    path = Path(path)
    return (path / "dataset_info.json").is_file() and (path / "state.json").is_file()


def table_format(path: str | Path) -> str:
    """The table format named by a path's suffix: `parquet`, `csv`, `jsonl`, or `dataset` (a Hugging Face
    dataset directory: the suffix `.hf`, or any directory `Dataset.save_to_disk` wrote)."""
    if is_dataset_dir(path):
        return "dataset"
    suffix = Path(path).suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise InputError(f"{path}: unknown table format {suffix!r}; expected one of {sorted(TABLE_SUFFIXES)}")
    return TABLE_SUFFIXES[suffix]


def read_text_file(path: Path) -> Article | ItemError:
    """One `.txt` article: id = file stem, text exactly as stored (UTF-8, newlines untouched)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ItemError(str(path), "file not found")
    except OSError as exc:
        return ItemError(str(path), f"cannot read file: {exc.strerror or exc}")
    if b"\x00" in data:
        return ItemError(str(path), "binary file (contains NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ItemError(str(path), f"not valid UTF-8 (byte {exc.start}); re-encode the file as UTF-8")
    if text.startswith("\ufeff"):
        # A byte-order mark is not article text; keep offsets relative to the text after it.
        text = text[1:]
    if not text.strip():
        return ItemError(str(path), "empty article")
    return Article(path.stem, text, {}, origin=str(path))


def _clean_value(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value


def articles_from_frame(frame: pd.DataFrame, source: str, first_row: int = 1) -> Iterator[Article | ItemError]:
    """Articles from a table with a `text` column and an `article_id` or `id` column.

    Every other column is carried into each output row as article metadata. `first_row` numbers the
    rows in messages when the frame is one chunk of a larger table.
    """
    id_column = next((c for c in ID_COLUMNS if c in frame.columns), None)
    missing = [name for name, ok in (("text", "text" in frame.columns), ("id or article_id", id_column)) if not ok]
    if missing:
        yield ItemError(source, f"table lacks column(s) {', '.join(missing)}; it has {list(frame.columns)}")
        return
    meta_columns = [c for c in frame.columns if c not in ("text", *ID_COLUMNS)]
    for position, row in enumerate(frame.to_dict("records"), start=first_row):
        where = f"{source} row {position}"
        article_id, text = _clean_value(row[id_column]), _clean_value(row["text"])
        if article_id is None or str(article_id).strip() == "":
            yield ItemError(where, f"empty {id_column}")
            continue
        where = f"{source} row {position} ({id_column}={article_id})"
        if not isinstance(text, str):
            yield ItemError(where, f"text is {type(text).__name__}, expected a string")
            continue
        if not text.strip():
            yield ItemError(where, "empty article")
            continue
        yield Article(str(article_id), text, {c: _clean_value(row[c]) for c in meta_columns}, origin=where)


def read_jsonl_articles(lines: Iterable[str], source: str) -> Iterator[Article | ItemError]:
    """Articles from JSON Lines, one line at a time; a malformed line is an `ItemError`, the others still count."""
    number = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            column = min(exc.pos, len(line.rstrip("\r\n"))) + 1  # past the end: the line stops short
            yield ItemError(f"{source} line {number}", f"malformed JSON at line {number}, column {column}: "
                                                       f"{exc.msg}")
            continue
        if not isinstance(record, dict):
            yield ItemError(f"{source} line {number}", f"expected a JSON object, got {type(record).__name__}")
            continue
        for item in articles_from_frame(pd.DataFrame([record]), f"{source} line {number}", first_row=number):
            if isinstance(item, ItemError):
                item = ItemError(item.source.replace(f" row {number}", ""), item.reason)
            else:
                item = replace(item, origin=item.origin.replace(f" row {number}", ""))
            yield item


TABLE_CHUNK_ROWS = 1000


def read_table_articles(path: Path) -> Iterator[Article | ItemError]:
    """Articles from a JSON Lines, CSV or Parquet table."""
    fmt = table_format(path)
    try:
        if fmt == "jsonl":
            with path.open(encoding="utf-8") as handle:
                yield from read_jsonl_articles(handle, str(path))
            return
        if fmt == "csv":
            chunks = pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=TABLE_CHUNK_ROWS)
        elif fmt == "dataset":
            import datasets

            dataset = datasets.load_from_disk(str(path))
            chunks = (dataset.select(range(i, min(i + TABLE_CHUNK_ROWS, len(dataset)))).to_pandas()
                      for i in range(0, len(dataset), TABLE_CHUNK_ROWS))
        else:
            import pyarrow.parquet as pq

            chunks = (batch.to_pandas() for batch in pq.ParquetFile(path).iter_batches(TABLE_CHUNK_ROWS))
        first_row = 1
        for frame in chunks:
            for item in articles_from_frame(frame, str(path), first_row):
                yield item
                if isinstance(item, ItemError) and item.source == str(path):
                    return  # the table lacks a column: one report, not one per chunk
            first_row += len(frame)
    except FileNotFoundError:
        yield ItemError(str(path), "file not found")
    except (UnicodeDecodeError, ValueError, OSError, pd.errors.ParserError) as exc:
        yield ItemError(str(path), f"cannot read as {fmt}: {exc}")


def text_not_path(source: Source) -> bool:
    """Whether a string source is article text rather than a path: it holds a line break, or the system cannot
    take it for a file name (too long, a NUL byte). Such a source is reported as a bad item, not read."""
    if not isinstance(source, str):
        return False
    if "\n" in source or "\r" in source:
        return True
    try:
        Path(source).exists()
    except (OSError, ValueError):
        return True
    return False


def _text_given(source: str) -> ItemError:
    """The report for article text given where a path belongs, named by its first words."""
    shown = " ".join(source.split())
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return ItemError(shown, "not a file name: this looks like article text; save it as a .txt file, or in "
                            "Python pass stance.Article(article_id, text)")


def _reads_as_text(source: str) -> bool:
    """A missing path that reads as a sentence: three or more words and no file suffix."""
    return len(source.split()) >= 3 and not Path(source.strip()).suffix.lower().lstrip(".").isalnum()


def as_sources(inputs: Iterable[Source] | Source) -> list[Source] | None:
    """One source, or a list or tuple of them, as a list; None for a stream, which can be read only once and
    so is not looked at ahead of reading."""
    if isinstance(inputs, (str, Path, Article)):
        return [inputs]
    return list(inputs) if isinstance(inputs, (list, tuple)) else None


def _same_or_read_by(output: Path, source: Path) -> bool:
    """Whether writing `output` would overwrite `source`, or a file that reading the folder `source` reads."""
    if source.is_dir():
        return output == source or (output.suffix.lower() in TEXT_SUFFIXES and source in output.parents)
    return output == source or (output.exists() and source.exists() and output.samefile(source))


def refuse_overwriting_inputs(sources: Iterable[Source], outputs: dict[str, str | Path]) -> None:
    """Stop before anything is read when an output path (`{"the output": path, ...}`) is one of the input
    files, would be read as an input from an input folder, or is the path of another output."""
    named = {what: Path(path).resolve() for what, path in outputs.items() if path is not None and str(path) != "-"}
    for what, path in named.items():
        for source in sources:
            if isinstance(source, Article) or str(source) == "-" or text_not_path(source):
                continue
            if _same_or_read_by(path, Path(source).resolve()):
                raise InputError(f"{what} is one of the inputs: {path} (from {source}); write it elsewhere")
    paths = list(named.items())
    for index, (what, path) in enumerate(paths):
        for other, other_path in paths[index + 1:]:
            if path == other_path or path in other_path.parents or other_path in path.parents:
                raise InputError(f"{what} and {other} must be different paths, both are {path}; "
                                 f"give {other} another name")


def _table_columns(path: Path) -> list[str] | None:
    """A table's column names without reading its rows (JSON Lines: the first record's keys); None when the
    file cannot be read that far, which the reader then reports."""
    fmt = table_format(path)
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return list(pq.read_schema(path).names)
        if fmt == "csv":
            return list(pd.read_csv(path, nrows=0, dtype=str).columns)
        if fmt == "dataset":
            import datasets

            return list(datasets.load_from_disk(str(path)).column_names)
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    return list(record) if isinstance(record, dict) else None
    except Exception:  # noqa: BLE001 - unreadable here means: let the reader report it as a bad item
        return None
    return None


def check_table_columns(sources: Iterable[Source]) -> None:
    """Stop before anything is read when an input table lacks the `text` or id column: a table of the wrong
    shape is a usage error, not a bad item (every row would be skipped)."""
    for source in sources:
        if isinstance(source, Article) or str(source) == "-" or text_not_path(source):
            continue
        path = Path(source)
        if not (path.is_file() and path.suffix.lower() in TABLE_SUFFIXES or is_dataset_dir(path)):
            continue
        columns = _table_columns(path)
        if columns is None:
            continue
        missing = [name for name, ok in (("text", "text" in columns),
                                         ("id or article_id", any(c in columns for c in ID_COLUMNS))) if not ok]
        if missing:
            raise InputError(f"{path}: a table of articles needs a `text` column and an `id` or `article_id` "
                             f"column; it lacks {', '.join(missing)} (it has {columns})")


def read_articles(sources: Iterable[Source] | Source) -> Iterator[Article | ItemError]:
    """Articles from `.txt` files, directories (recursive `*.txt`), tables, `-` (JSON Lines on stdin)
    or `Article` records, in order.

    >>> [a.article_id for a in read_articles([Article("a1", "Text.")])]
    ['a1']
    """
    if isinstance(sources, (str, Path, Article)):
        sources = [sources]
    for source in sources:
        if isinstance(source, Article):
            yield source if source.text and source.text.strip() else ItemError(source.article_id, "empty article")
        elif str(source) == "-":
            yield from read_jsonl_articles(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8"), "<stdin>")
        elif text_not_path(source):
            yield _text_given(source)
        else:
            path = Path(source)
            if is_dataset_dir(path):
                yield from read_table_articles(path)
            elif path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())
                if not files:
                    yield ItemError(str(path), "directory holds no .txt files")
                for file in files:
                    yield read_text_file(file)
            elif not path.exists():
                yield _text_given(source) if isinstance(source, str) and _reads_as_text(source) else \
                    ItemError(str(path), "file not found")
            elif path.suffix.lower() in TABLE_SUFFIXES:
                yield from read_table_articles(path)
            else:
                # Any other suffix is read as plain text: users name `article.md` or files with no suffix.
                yield read_text_file(path)


def save_dataset(table, path: Path) -> None:
    """An Arrow table or DataFrame as a Hugging Face dataset directory (`datasets.load_from_disk` opens it);
    an older dataset at the path is replaced."""
    import datasets
    import pyarrow as pa

    if isinstance(table, pd.DataFrame):
        table = pa.Table.from_pandas(table, preserve_index=False)
    if path.exists():
        if not is_dataset_dir(path):
            raise InputError(f"{path} exists and is not a dataset directory; name another output")
        import shutil

        shutil.rmtree(path)
    datasets.Dataset(table).save_to_disk(str(path))


def write_table(frame: pd.DataFrame, path: str | Path) -> None:
    """Write a table as Parquet, CSV, JSON Lines or a Hugging Face dataset directory, chosen by the path's
    suffix (`-`: JSON Lines on stdout)."""
    if str(path) == "-":
        frame.to_json(sys.stdout, orient="records", lines=True, force_ascii=False)
        return
    path = Path(path)
    fmt = table_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        frame.to_parquet(path, index=False)
    elif fmt == "csv":
        frame.to_csv(path, index=False)
    elif fmt == "dataset":
        save_dataset(frame, path)
    else:
        frame.to_json(path, orient="records", lines=True, force_ascii=False)


def read_table(path: str | Path) -> pd.DataFrame:
    """Any JSON Lines, CSV or Parquet table; CSV columns of the quote schema's text fields stay text.
    An empty CSV or JSONL file is an empty frame with no columns."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"file not found: {path}")
    fmt = table_format(path)
    if fmt in ("csv", "jsonl") and path.stat().st_size < 16 and not path.read_bytes().strip():
        return pd.DataFrame()
    try:
        if fmt == "dataset":
            import datasets

            return datasets.load_from_disk(str(path)).to_pandas()
        if fmt == "parquet":
            return pd.read_parquet(path)
        if fmt == "csv":
            # Text columns stay text: an id such as `007` must not come back as 7.
            dtypes = {name: (str if dtype == "string" else dtype)
                      for name, dtype in {**QUOTE_COLUMNS, **LABEL_COLUMNS}.items()}
            dtypes.update({"id": str, "text": str})
            # an empty cell of a numeric column (a quote with no cue offsets or confidence) is missing
            numeric = {name: [""] for name, dtype in dtypes.items() if dtype is not str}
            return pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=numeric)
        return pd.read_json(path, orient="records", lines=True, dtype=False)
    except (ValueError, OSError) as exc:
        raise InputError(f"{path}: cannot read as {fmt}: {exc}") from None


def load(path: str | Path) -> pd.DataFrame:
    """Read a quote table written by `stance` (Parquet, CSV or JSON Lines) with the schema's dtypes.

    >>> df = load("quotes.parquet")  # doctest: +SKIP
    """
    frame = read_table(path)
    if frame.empty and not len(frame.columns):
        return empty_quotes()  # a run that found no quote writes an empty CSV or JSONL file
    missing = [c for c in ("article_id", "start", "end", "text") if c not in frame.columns]
    if missing:
        raise InputError(f"{path}: not a quote table, missing column(s) {missing}")
    return apply_dtypes(frame)
