"""Scoring tone and stance labels: `stance evaluate labels`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .classifier import TASKS
from .config import ClassifyConfig
from .errors import InputError
from .io import read_table
from .metrics import LabelScores, score_labels


def read_gold_labels(path: str | Path) -> pd.DataFrame:
    """A labelled table (`text` plus `tone` and/or `stance`), a gold JSONL file, or NewsMTSC JSONL
    (sentence level: sentences whose targets share one polarity, as `tone`)."""
    path = Path(path)
    frame = read_table(path)
    if "sentence_normalized" in frame.columns:
        from .corpora import newsmtsc

        sentences = newsmtsc(path)
        return pd.DataFrame({"id": sentences["origin"], "text": sentences["text"], "tone": sentences["label"]})
    if "text" not in frame.columns or not any(task in frame.columns for task in TASKS):
        raise InputError(f"{path}: a labelled table needs `text` and a `tone` or `stance` column; "
                         f"found {list(frame.columns)}")
    if "id" not in frame.columns:
        frame = frame.assign(id=[str(i) for i in range(len(frame))])
    return frame


def evaluate_labels(
    gold: str | Path | pd.DataFrame,
    predictions: str | Path | pd.DataFrame | None = None,
    tasks: list[str] | None = None,
    config: ClassifyConfig | None = None,
) -> list[LabelScores]:
    """Scores for each task the gold labels. Predictions are joined on `id`; without them the gold
    texts are classified with `config`'s models."""
    gold_frame = gold if isinstance(gold, pd.DataFrame) else read_gold_labels(gold)
    tasks = tasks or [task for task in TASKS if task in gold_frame.columns]
    unknown = [task for task in tasks if task not in TASKS or task not in gold_frame.columns]
    if unknown:
        raise InputError(f"task(s) {unknown} are not labelled in the gold table (columns {list(gold_frame.columns)})")
    if predictions is None:
        from .pipeline import label_texts

        predicted = label_texts(gold_frame["text"].fillna("").astype(str).tolist(), config)
        predicted.index = gold_frame.index
        joined = gold_frame.join(predicted[list(tasks)].add_suffix("_pred"))
    else:
        predicted = predictions if isinstance(predictions, pd.DataFrame) else read_table(predictions)
        if "id" not in predicted.columns:
            raise InputError(f"predictions need an `id` column to join on; found {list(predicted.columns)}")
        missing = [task for task in tasks if task not in predicted.columns]
        if missing:
            raise InputError(f"predictions have no {missing} column(s)")
        joined = gold_frame.astype({"id": str}).merge(predicted.astype({"id": str})[["id", *tasks]], on="id",
                                                      how="left", suffixes=("", "_pred"))
    scores = []
    for task in tasks:
        rows = joined[joined[task].notna()]
        pred_column = f"{task}_pred"
        predicted_labels = rows[pred_column].fillna("<missing>").astype(str).tolist()
        gold_labels = rows[task].astype(str).str.strip().str.lower().tolist()
        scores.append(score_labels(task, TASKS[task], gold_labels, predicted_labels))
    return scores
