"""The output table's columns and dtypes, defined once.

The writer, the reader (`stance.load`) and the tests all use these lists, so a column
added here appears everywhere at once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from stance.errors import ConfigError

#: Columns of every quote table, in order, with their pandas dtypes.
QUOTE_COLUMNS: dict[str, str] = {
    "article_id": "string",
    "quote_id": "string",
    "quote_type": "string",
    "text": "string",
    "start": "int64",
    "end": "int64",
    "speaker": "string",
    "speaker_mention": "string",
    "speaker_type": "string",
    "speaker_role": "string",
    "cue": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker_resolution": "string",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "attribution_confidence": "float64",
    "cue_sentence": "string",
}

#: The two tasks and their labels (LABELS.md §3–4): the one definition every module reads.
TASKS: dict[str, tuple[str, ...]] = {
    "tone": ("negative", "neutral", "positive"),
    "stance": ("escalation", "negotiation", "neutral"),
}
#: The signed score of a task is P(first) − P(second) (LABELS.md §5).
SIGNED: dict[str, tuple[str, str]] = {"tone": ("positive", "negative"), "stance": ("negotiation", "escalation")}

#: Columns `stance score` and `stance classify` add, in order (LABELS.md §3–5): per task its label, its signed
#: score and one probability a label; then the model that labelled each task.
LABEL_COLUMNS: dict[str, str] = {
    **{column: dtype for task, labels in TASKS.items() for column, dtype in
       [(task, "string"), (f"{task}_score", "float64"), *((f"{task}_{label}", "float64") for label in labels)]},
    **{f"{task}_model": "string" for task in TASKS},
}

QUOTE_TYPES = ("direct", "indirect", "mixed")
SPEAKER_TYPES = ("person", "organization", "group", "unknown")
#: How a speaker was reached from its mention: a name, a pronoun, a role or group noun (`the governor`,
#: `officials`), an organisation, a place standing for its government (`Kyiv said`), or no mention at all.
SPEAKER_RESOLUTIONS = ("name", "pronoun", "role", "organisation", "place", "none")

#: Input columns that name an article, in order of preference.
ID_COLUMNS = ("article_id", "id")


def empty_quotes(extra_columns: list[str] | tuple[str, ...] = ()) -> pd.DataFrame:
    """An empty quote table with the schema's columns and dtypes."""
    frame = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in QUOTE_COLUMNS.items()})
    for name in extra_columns:
        if name not in frame:
            frame[name] = pd.Series(dtype="string")
    return frame


def apply_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """Cast the schema's columns to their dtypes; carried columns keep theirs.

    Schema columns come first, in schema order, then the label columns a scored table has;
    carried input columns follow.
    """
    frame = frame.copy()
    for name, dtype in QUOTE_COLUMNS.items():
        if name not in frame:
            frame[name] = pd.Series(dtype=dtype, index=frame.index)
        frame[name] = frame[name].astype(dtype)
    labels = [name for name in LABEL_COLUMNS if name in frame]
    for name in labels:
        frame[name] = frame[name].astype(LABEL_COLUMNS[name])
    known = list(QUOTE_COLUMNS) + labels
    return frame[known + [c for c in frame.columns if c not in known]]


def order_label_columns(frame: pd.DataFrame, first: list[str]) -> pd.DataFrame:
    """Put `first` columns, then the label columns (cast to their dtypes), then the rest."""
    frame = frame.copy()
    labels = [name for name in LABEL_COLUMNS if name in frame]
    for name in labels:
        frame[name] = frame[name].astype(LABEL_COLUMNS[name])
    head = [c for c in first if c in frame] + labels
    return frame[head + [c for c in frame.columns if c not in head]]


def check_task(task: str) -> tuple[str, ...]:
    if task not in TASKS:
        raise ConfigError(f"unknown task {task!r}; expected one of {sorted(TASKS)}")
    return TASKS[task]


def parse_prior(value: object, task: str, where: str = "prior") -> dict[str, float]:
    """Class shares for a task, normalised to sum to 1, from a mapping `{label: share}` or the text
    `label=share,label=share,…`; every label of the task must have a positive share.

    >>> parse_prior("escalation=2,negotiation=1,neutral=7", "stance")
    {'escalation': 0.2, 'negotiation': 0.1, 'neutral': 0.7}
    """
    labels = check_task(task)
    if isinstance(value, str):
        pairs = [part.split("=", 1) for part in value.split(",") if part.strip()]
        if any(len(pair) != 2 for pair in pairs):
            raise ConfigError(f"{where}: write class shares as label=share,label=share; got {value!r}")
        value = {label.strip(): share.strip() for label, share in pairs}
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected class shares {{label: share}}, got {value!r}")
    try:
        shares = {str(label).strip().lower(): float(share) for label, share in value.items()}
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: each share must be a number; got {value!r}") from None
    if sorted(shares) != sorted(labels):
        raise ConfigError(f"{where}: needs a share for each {task} label {list(labels)}; got {sorted(shares)}")
    if not all(np.isfinite(share) and share > 0 for share in shares.values()):
        raise ConfigError(f"{where}: every share must be a positive number; got {value!r}")
    total = sum(shares.values())
    return {label: shares[label] / total for label in labels}
