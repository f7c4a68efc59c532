"""A sheet of quotes to label by hand, most uncertain first, that `stance train --data` reads back.

The loop users run to adapt the classifiers to their own articles: `stance score` their articles, export
a sheet (`stance export-labels scored.parquet -o sheet.csv`), fill its `tone` and `stance` columns by
LABELS.md (blank rows are not training rows), and `stance train --task stance --data sheet.csv
--init-model default`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from stance.errors import InputError
from stance.schema import TASKS

SHEET_COLUMNS = ("quote_id", "article_id", "start", "end", "quote_type", "speaker", "cue", "text", "cue_sentence")


def _probabilities(table: pd.DataFrame, task: str) -> np.ndarray | None:
    columns = [f"{task}_{label}" for label in TASKS[task]]
    if not all(c in table.columns for c in columns):
        return None
    return table[columns].to_numpy(dtype=float)


def uncertainty(table: pd.DataFrame) -> pd.Series:
    """Per row, how unsure the classifiers are: 1 − (top probability − runner-up), the larger of the two
    tasks' (1: a tie between two labels, 0: certain). Rows of a table with no probabilities are all 1."""
    margins = []
    for task in TASKS:
        probabilities = _probabilities(table, task)
        if probabilities is not None:
            top = np.sort(probabilities, axis=1)
            margins.append(1 - (top[:, -1] - top[:, -2]))
    values = np.max(margins, axis=0) if margins else np.ones(len(table))
    return pd.Series(values, index=table.index, name="uncertainty")


def labelling_sheet(table: pd.DataFrame, prefill: bool = False, limit: int | None = None) -> pd.DataFrame:
    """The quotes of a `stance score` (or `stance extract`) table as a sheet to label: the quote, its speaker
    and cue, empty `tone` and `stance` columns (the model's labels with `prefill`), an `uncertainty` and an
    empty `note`; most uncertain first (ties in article order), at most `limit` rows."""
    missing = [c for c in ("text", "article_id") if c not in table.columns]
    if missing:
        raise InputError(f"a labelling sheet is made from a quote table (`stance score` output); it lacks {missing}")
    scored = all(_probabilities(table, task) is not None for task in TASKS)
    if prefill and not scored:
        raise InputError("--prefill needs a scored table (`stance score` output) with the label probabilities")
    sheet = table[[c for c in SHEET_COLUMNS if c in table.columns]].copy()
    sheet["uncertainty"] = uncertainty(table).round(4)
    for task in TASKS:
        sheet[task] = table[task].astype("string") if prefill else pd.Series("", index=table.index, dtype="string")
    sheet["note"] = ""
    sheet = sheet.sort_values("uncertainty", ascending=False, kind="stable").reset_index(drop=True)
    return sheet.head(limit) if limit is not None else sheet
