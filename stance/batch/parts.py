"""The parts of a batch run on disk: each part is a directory `OUT.parts/part-NNNNNN/` holding
`quotes.parquet`, the ids of its articles and its errors, renamed into place in one step, so a part is either
whole or absent. A resumed run reads which articles the committed parts hold; the end of a run merges the
parts into `OUT` part by part (memory stays flat) and writes the error table."""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from stance.io import save_dataset, table_format, write_table
from stance.records import ItemError
from stance.schema import LABEL_COLUMNS, QUOTE_COLUMNS, apply_dtypes, empty_quotes

logger = logging.getLogger(__name__)


def _committed_parts(parts_dir: Path) -> list[Path]:
    return sorted(p for p in parts_dir.glob("part-*") if p.is_dir() and not p.name.endswith(".tmp"))


def _read_manifest(part: Path) -> dict:
    return json.loads((part / "manifest.json").read_text(encoding="utf-8"))


def part_problem(part: Path) -> str | None:
    """Why a committed part cannot be kept (its manifest unreadable, its table missing or cut short), or None."""
    try:
        manifest = _read_manifest(part)
    except FileNotFoundError:
        return "manifest.json is missing"
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return f"manifest.json is unreadable ({exc})"
    keys = ("articles", "order", "errors", "rows")
    if not isinstance(manifest, dict) or any(key not in manifest for key in keys) \
            or len(manifest["articles"]) != len(manifest["order"]):
        return f"manifest.json does not hold {', '.join(keys)}"
    try:
        rows = pq.read_metadata(part / "quotes.parquet").num_rows
    except FileNotFoundError:
        return "quotes.parquet is missing"
    except (OSError, pa.ArrowException) as exc:
        return f"quotes.parquet is unreadable ({exc})"
    if rows != manifest["rows"]:
        return f"quotes.parquet holds {rows} rows, its manifest {manifest['rows']}"
    return None


def read_progress(parts_dir: Path, on_damaged: Callable[[str], None] | None = None,
                  ) -> tuple[set[str], list[ItemError], int]:
    """Article ids and errors of the committed parts, and the next part number.

    Every part is checked first: a half-written one is removed, and a damaged one (see `part_problem`) is
    removed and said once to `on_damaged`, so that its articles are done again."""
    done: set[str] = set()
    errors: list[ItemError] = []
    if not parts_dir.exists():
        return done, errors, 0
    for leftover in parts_dir.glob("*.tmp"):
        shutil.rmtree(leftover, ignore_errors=True)
    parts = _committed_parts(parts_dir)
    number = int(parts[-1].name.split("-")[1]) + 1 if parts else 0
    for part in parts:
        problem = part_problem(part)
        if problem is not None:
            shutil.rmtree(part)
            (on_damaged or logger.warning)(f"resume: {part.name} is damaged ({problem}); its articles are redone")
            continue
        manifest = _read_manifest(part)
        done.update(manifest["articles"])
        errors += [ItemError(e["source"], e["reason"]) for e in manifest["errors"]]
    return done, errors, number


def _json_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Carried columns holding lists or dicts become JSON text, and columns mixing types (`2023` and
    `"unknown"`) become text, so Parquet takes every part."""
    for column in frame.columns:
        if column in QUOTE_COLUMNS or column in LABEL_COLUMNS or frame[column].dtype != object:
            continue
        values = frame[column]
        if values.map(lambda v: isinstance(v, (list, dict))).any():
            values = values.map(lambda v: json.dumps(v) if isinstance(v, (list, dict)) else v)
        if len({type(v) for v in values if v is not None and v is not pd.NA}) > 1:
            values = values.map(lambda v: None if v is None or v is pd.NA else str(v))
        frame[column] = values
    return frame


def commit_part(parts_dir: Path, number: int, frame: pd.DataFrame, articles: list[str],
                errors: list[ItemError], order: list[int]) -> Path:
    """Write one part under a temporary name and rename it into place (atomic on one filesystem).

    `order` gives each article's position in the run's input, so that the merge writes the rows in input
    order even when a resumed run redid a damaged part after later ones."""
    parts_dir.mkdir(parents=True, exist_ok=True)
    final = parts_dir / f"part-{number:06d}"
    staging = parts_dir / f"part-{number:06d}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    _json_safe(frame).to_parquet(staging / "quotes.parquet", index=False)
    manifest = {"articles": articles, "order": order, "rows": len(frame),
                "errors": [{"source": e.source, "reason": e.reason} for e in errors]}
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


def _input_order(parts: list[Path]) -> list[tuple[Path, list[str]]]:
    """The parts' articles in input order, as runs of consecutive articles of one part: one run a part,
    unless a resumed run redid a damaged part after later ones."""
    entries = []
    for index, part in enumerate(parts):
        manifest = _read_manifest(part)
        entries += [(position, index, article) for article, position in zip(manifest["articles"], manifest["order"])]
    entries.sort()
    runs: list[tuple[int, list[str]]] = []
    for _, index, article in entries:
        if runs and runs[-1][0] == index:
            runs[-1][1].append(article)
        else:
            runs.append((index, [article]))
    return [(parts[index], articles) for index, articles in runs]


def _part_frames(parts: list[Path], schema: pa.Schema) -> Iterator[pd.DataFrame]:
    runs = _input_order(parts)
    whole = len(runs) == len(parts)  # the usual case: each part once, in order
    last: tuple[Path, pa.Table] | None = None
    for part, articles in runs:
        if last is None or last[0] != part:
            last = (part, pq.read_table(part / "quotes.parquet"))
        table = last[1]
        if not whole:
            ids = table.column("article_id")
            table = table.filter(pc.is_in(ids, value_set=pa.array(articles).cast(ids.type)))
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
    fmt = table_format(output)
    if fmt == "dataset":  # merged as Parquet, then saved as a dataset from the memory-mapped file
        staging = output.with_name(output.stem + ".tmp.parquet")
        rows = merge_parts(parts_dir, staging, with_labels)
        save_dataset(pq.read_table(staging, memory_map=True), output)
        staging.unlink()
        return rows
    parts = _committed_parts(parts_dir) if parts_dir.exists() else []
    staging = output.with_name(output.stem + ".tmp" + output.suffix)
    output.parent.mkdir(parents=True, exist_ok=True)
    rows, written = 0, False
    if parts:
        schema = _unified_schema(parts)
        writer = None
        with staging.open("wb") as handle:
            for index, frame in enumerate(_part_frames(parts, schema)):
                written = True
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
    if not written:  # no part, or parts of failed articles only: an empty table with the schema's columns
        frame = empty_quotes()
        if with_labels:
            frame = apply_dtypes(frame.assign(**{n: pd.Series(dtype=d) for n, d in LABEL_COLUMNS.items()}))
        write_table(frame, staging)
    os.replace(staging, output)
    return rows


def write_errors(path: Path, errors: list[ItemError]) -> None:
    """The error table; with no error there is none (an older one at the path would describe another run)."""
    if not errors:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for error in errors:
            handle.write(json.dumps({"source": error.source, "reason": error.reason}, ensure_ascii=False) + "\n")
