"""Scoring tone and stance labels: `stance evaluate labels`."""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from stance.config import ClassifyConfig
from stance.errors import InputError
from stance.io import read_table
from stance.metrics import LabelScores, score_labels
from stance.schema import TASKS

logger = logging.getLogger(__name__)


def default_models_trained_on(path: str | Path, tasks: list[str], config: ClassifyConfig | None = None) -> list[str]:
    """The tasks whose shipped default model (per its recipe, `configs/quotes.toml`) was trained on the file
    `path`: its figures on that file are not held out."""
    from stance.config import CONFIG_DIR
    from stance.train.joint_config import load_joint_config, trains_on

    config = config or ClassifyConfig()
    recipe = CONFIG_DIR / "quotes.toml"
    if config.zero_shot or not recipe.is_file() or not trains_on(load_joint_config(recipe), path, CONFIG_DIR.parent):
        return []
    return [task for task in tasks if getattr(config, f"{task}_model") == "default"]


def read_gold_labels(path: str | Path) -> pd.DataFrame:
    """A labelled table (`text` plus `tone` and/or `stance`), a gold JSONL file, or NewsMTSC JSONL
    (sentence level: sentences whose targets share one polarity, as `tone`)."""
    path = Path(path)
    frame = read_table(path)
    if "sentence_normalized" in frame.columns:
        from stance.train.corpora import newsmtsc

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
        from stance.classifier.labeller import Labeller

        if not isinstance(gold, pd.DataFrame):
            for task in default_models_trained_on(gold, list(tasks), config):
                logger.warning("the default %s model was trained on %s, so its figures here are not held out "
                               "(benchmarks/classifiers.py measures it by cross-validation)", task, gold)

        predicted = Labeller.of(config).label_frame(gold_frame[[c for c in ("text", "cue", "cue_sentence")
                                                                if c in gold_frame]])
        joined = gold_frame.join(predicted[list(tasks)].add_suffix("_pred"))
    else:
        predicted = predictions if isinstance(predictions, pd.DataFrame) else read_table(predictions)
        if "id" not in predicted.columns:
            raise InputError(f"predictions need an `id` column to join on; found {list(predicted.columns)}")
        repeated = predicted["id"].astype(str)[predicted["id"].astype(str).duplicated()].unique().tolist()
        if repeated:
            raise InputError(f"predictions repeat id(s) {repeated[:5]}; each id must appear once")
        missing = [task for task in tasks if task not in predicted.columns]
        if missing:
            raise InputError(f"predictions have no {missing} column(s)")
        joined = gold_frame.astype({"id": str}).merge(predicted.astype({"id": str})[["id", *tasks]], on="id",
                                                      how="left", suffixes=("", "_pred"))
    scores = []
    for task in tasks:
        gold_labels = joined[task].astype("string").str.strip().str.lower()
        rows = joined[gold_labels.notna() & (gold_labels != "")]
        gold_labels = gold_labels[rows.index]
        if rows.empty:
            raise InputError(f"no row of the gold table has a `{task}` label")
        unknown = sorted(set(gold_labels) - set(TASKS[task]))
        if unknown:
            raise InputError(f"gold {task} label(s) {unknown} are not {task} labels {list(TASKS[task])}")
        predicted_labels = rows[f"{task}_pred"].astype("string").fillna("<missing>").astype(str).tolist()
        scores.append(score_labels(task, TASKS[task], gold_labels.tolist(), predicted_labels))
    return scores
