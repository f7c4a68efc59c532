"""One labeller for every path that classifies quotes: the pipeline, both batch engines and evaluation.

>>> Labeller.of("configs/classify.toml").label(["We will never negotiate."], ["said"])  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from stance.config import ClassifyConfig, load_classify_config
from stance.schema import LABEL_COLUMNS, TASKS


def model_label(name: str, task: str) -> str:
    """What the `tone_model` / `stance_model` columns say: the name given, or the shipped default's."""
    if name != "default":
        return name
    from stance.version import __version__

    return f"stance-quotes-minilm@{__version__}"  # one model gives both labels


@dataclass(frozen=True)
class Labeller:
    """Tone and stance of texts read with their cues, by the classifiers a `ClassifyConfig` names (loaded once
    per process and shared: both tasks of a joint model run in one encoder pass)."""

    config: ClassifyConfig

    @classmethod
    def of(cls, config: Labeller | ClassifyConfig | str | Path | None) -> Labeller:
        """A labeller for a config, a config file, or the defaults (`None`)."""
        if isinstance(config, Labeller):
            return config
        return cls(config if isinstance(config, ClassifyConfig) else load_classify_config(config))

    def model_name(self, task: str) -> str:
        return self.config.tone_model if task == "tone" else self.config.stance_model

    def classifier(self, task: str):
        """The (cached) classifier the config names for a task."""
        from stance.classifier.model import load_classifier

        config = self.config
        hypotheses = config.tone_hypotheses if task == "tone" else config.stance_hypotheses
        prior = config.tone_prior if task == "tone" else config.stance_prior
        return load_classifier(self.model_name(task), task, config.max_length, config.batch_size, config.zero_shot,
                               tuple(sorted(hypotheses.items())) if hypotheses else None,
                               tuple(sorted(prior.items())) if isinstance(prior, dict) else prior, config.int8)

    def load(self) -> Labeller:
        """Load both classifiers now, so that a bad model name stops a run before its first article."""
        for task in TASKS:
            self.classifier(task)
        return self

    def label(self, texts: list[str], cues: list[str] | None = None,
              contexts: list[str] | None = None) -> pd.DataFrame:
        """The schema's label columns, one row per text (with its reporting cue and cue sentence, for models
        trained to read them)."""
        from stance.classifier.model import predict_tasks

        parts = []
        predictions = predict_tasks([self.classifier(task) for task in TASKS], texts, cues, contexts)
        for task, predicted in zip(TASKS, predictions):
            predicted[f"{task}_model"] = pd.array([model_label(self.model_name(task), task)] * len(texts),
                                                  dtype="string")
            parts.append(predicted)
        frame = pd.concat(parts, axis=1)
        return frame[[c for c in LABEL_COLUMNS if c in frame]]

    def label_frame(self, frame: pd.DataFrame, rows: pd.Series | None = None) -> pd.DataFrame:
        """`frame` with fresh label columns for its `rows` (a boolean mask, every row by default), read from
        `text`, `cue` and `cue_sentence`; the other rows' labels are missing."""
        part = frame if rows is None else frame.loc[rows]
        cues = part["cue"].fillna("").astype(str).tolist() if "cue" in part else None
        contexts = part["cue_sentence"].fillna("").astype(str).tolist() if "cue_sentence" in part else None
        labels = self.label(part["text"].fillna("").astype(str).tolist(), cues, contexts)
        labels.index = part.index
        return frame.drop(columns=[c for c in LABEL_COLUMNS if c in frame]).join(labels)
