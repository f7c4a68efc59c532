"""Per-speaker (or per-article, -source, -date) summaries of a scored quote table.

A summary row is one group of quotes: how many there are, the mean `tone_score` and `stance_score`
with their spread (sample standard deviation, empty for a single quote), and the share of quotes
labelled `escalation`, `negotiation` and `neutral` (LABELS.md §4–5).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from stance.errors import InputError
from stance.schema import LABEL_COLUMNS, TASKS

logger = logging.getLogger(__name__)

#: What `by` may be, and the column each one groups on.
GROUPINGS: dict[str, str] = {"speaker": "speaker", "article": "article_id", "source": "source", "date": "date"}

#: Label columns a summary or a report reads; a table without them was not written by `stance score`.
SCORED_COLUMNS: tuple[str, ...] = ("tone", "tone_score", "stance", "stance_score")

STANCE_LABELS: tuple[str, ...] = TASKS["stance"]

#: The summary's columns after the group key, in order.
SUMMARY_COLUMNS: tuple[str, ...] = ("quotes", "tone_mean", "tone_sd", "stance_mean", "stance_sd",
                                    *(f"share_{label}" for label in STANCE_LABELS))

#: The group key of quotes with no speaker, source or parseable date.
UNKNOWN = "(unknown)"


def require_columns(frame: pd.DataFrame, columns: Iterable[str] = SCORED_COLUMNS, where: str = "table") -> None:
    """Raise `InputError` naming every column of `columns` that `frame` lacks.

    >>> require_columns(pd.DataFrame({"text": ["x"]}), ("tone", "stance"))  # doctest: +SKIP
    InputError: table: not a scored quote table, missing column(s) tone, stance; write one with `stance score`
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(f"{where}: not a scored quote table, missing column(s) {', '.join(missing)}; "
                         "write one with `stance score`")


def scored_rows(frame: pd.DataFrame, where: str = "table") -> tuple[pd.DataFrame, str]:
    """`frame` checked to be a scored table (`require_columns`). A table with no rows passes with the label
    columns added: `stance score` on articles without quotes writes an empty file, which reads back bare."""
    if frame.empty:
        frame = frame.assign(**{c: pd.Series(dtype=LABEL_COLUMNS[c]) for c in SCORED_COLUMNS if c not in frame})
    require_columns(frame, SCORED_COLUMNS, where)
    return frame, where


def _as_frame(table: pd.DataFrame | str | Path) -> tuple[pd.DataFrame, str]:
    if isinstance(table, pd.DataFrame):
        return table, "table"
    from stance.io import load

    return load(table), str(table)


def day_keys(dates: pd.Series) -> pd.Series:
    """Each value of a `date` column as `YYYY-MM-DD` (UTC for values with a time zone); `(unknown)` where it
    does not parse."""
    parsed = pd.to_datetime(dates.astype("string"), errors="coerce", utc=True, format="mixed")
    return parsed.dt.strftime("%Y-%m-%d").astype("string").fillna(UNKNOWN)


def group_keys(frame: pd.DataFrame, by: str) -> pd.Series:
    """The group each quote belongs to for `by` (see `GROUPINGS`); empty values become `(unknown)`."""
    if by not in GROUPINGS:
        raise InputError(f"cannot summarize by {by!r}; expected one of {', '.join(GROUPINGS)}")
    column = GROUPINGS[by]
    if column not in frame.columns:
        raise InputError(f"cannot summarize by {by}: the table has no `{column}` column; "
                         f"it has {', '.join(map(str, frame.columns))}")
    if by == "date":
        return day_keys(frame[column])
    keys = frame[column].astype("string").str.strip()
    return keys.mask(keys.isna() | (keys == ""), UNKNOWN).astype("string")


def summarize(table: pd.DataFrame | str | Path, by: str = "speaker", min_quotes: int = 1) -> pd.DataFrame:
    """One row per speaker (or article, source, date) of a scored quote table: the key column (`speaker`,
    `article_id`, `source` or `date`), then `quotes`, `tone_mean`, `tone_sd`, `stance_mean`, `stance_sd`,
    `share_escalation`, `share_negotiation`, `share_neutral`.

    Groups with fewer than `min_quotes` quotes are left out. Rows are sorted by quote count (most first, then
    by key); by date they run in date order. Shares are over the quotes that have a stance label.

    >>> df = stance.score("seeds/000_425a455c3402a5f3.txt")  # doctest: +SKIP
    >>> stance.summarize(df, by="speaker", min_quotes=2)  # doctest: +SKIP
    """
    frame, where = scored_rows(*_as_frame(table))
    if min_quotes < 1:
        raise InputError(f"min_quotes must be at least 1, got {min_quotes}")
    key = GROUPINGS.get(by, by)
    keys = group_keys(frame, by)
    stance = frame["stance"].astype("string")
    work = pd.DataFrame({
        key: keys.to_numpy(),
        "tone_score": pd.to_numeric(frame["tone_score"], errors="coerce").to_numpy(dtype=float),
        "stance_score": pd.to_numeric(frame["stance_score"], errors="coerce").to_numpy(dtype=float),
        "labelled": stance.notna().to_numpy(dtype=bool),
        **{f"is_{label}": (stance == label).fillna(False).to_numpy(dtype=bool) for label in STANCE_LABELS},
    })
    grouped = work.groupby(key, sort=False)
    result = pd.DataFrame({
        "quotes": grouped.size(),
        "tone_mean": grouped["tone_score"].mean(),
        "tone_sd": grouped["tone_score"].std(ddof=1),
        "stance_mean": grouped["stance_score"].mean(),
        "stance_sd": grouped["stance_score"].std(ddof=1),
    })
    labelled = grouped["labelled"].sum()
    for label in STANCE_LABELS:
        result[f"share_{label}"] = grouped[f"is_{label}"].sum() / labelled.where(labelled > 0)
    result = result[result["quotes"] >= min_quotes].reset_index()
    # `(unknown)` goes after the named groups it ties with (by date: after every date).
    result["_unknown"] = result[key] == UNKNOWN
    if by == "date":
        result = result.sort_values(["_unknown", key], kind="stable")
    else:
        result = result.sort_values(["quotes", "_unknown", key], ascending=[False, True, True], kind="stable")
    result = result.drop(columns="_unknown").reset_index(drop=True)
    result[key] = result[key].astype("string")
    result["quotes"] = result["quotes"].astype("int64")
    for column in SUMMARY_COLUMNS[1:]:
        result[column] = result[column].astype("float64")
    return result[[key, *SUMMARY_COLUMNS]]


def format_number(value: float | None, spec: str = "+.2f") -> str:
    """`value` formatted with `spec`; `–` when missing, and no sign on a value that rounds to zero.

    >>> format_number(-0.001), format_number(0.25, ".0%"), format_number(float("nan"))
    ('0.00', '25%', '–')
    """
    if value is None or value is pd.NA or math.isnan(value):
        return "–"
    text = format(value, spec)
    if not text.strip("+-0.%"):
        text = text.lstrip("+-")
    return text


def format_mean_sd(mean: float, sd: float) -> str:
    """`mean ±sd` as the summary table shows it; the mean alone when there is no spread (one quote)."""
    if math.isnan(mean):
        return "–"
    return f"{format_number(mean)} ±{format_number(sd, '.2f')}" if not math.isnan(sd) else format_number(mean)


def format_summary(summary: pd.DataFrame, max_key_width: int = 40) -> str:
    """The summary as a fixed-width text table, as `stance summary` prints it."""
    key = summary.columns[0]
    headers = [key, "quotes", "tone ±sd", "stance ±sd", *STANCE_LABELS]
    rows = []
    for record in summary.itertuples(index=False):
        name = str(getattr(record, key))
        if len(name) > max_key_width:
            name = name[: max_key_width - 1] + "…"
        rows.append([name, str(record.quotes), format_mean_sd(record.tone_mean, record.tone_sd),
                     format_mean_sd(record.stance_mean, record.stance_sd),
                     *(format_number(getattr(record, f"share_{label}"), ".0%") for label in STANCE_LABELS)])
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row))
             for row in [headers, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)
