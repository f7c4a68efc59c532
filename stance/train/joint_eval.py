"""Reading a joint tone+stance model's outputs during training: its logits for texts, its figures on a
labelled frame (after an optional label prior), and the per-task temperatures fitted on the dev rows."""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pandas as pd

from stance.classifier.calibration import expected_calibration_error, fit_temperature, softmax
from stance.metrics import score_labels
from stance.schema import TASKS
from stance.train.joint_config import (
    JointConfig,
    joint_labels,
    task_slice,
)

logger = logging.getLogger(__name__)


def joint_logits(model, tokenizer, texts: list[str], max_length: int, batch_size: int = 64) -> np.ndarray:
    import torch

    encoded = tokenizer(texts, truncation=True, max_length=max_length)["input_ids"]
    order = np.argsort([len(x) for x in encoded], kind="stable")
    out = np.zeros((len(texts), len(joint_labels())), dtype=np.float32)
    model.eval()
    with torch.inference_mode():
        for begin in range(0, len(order), batch_size):
            chunk = order[begin:begin + batch_size]
            batch = tokenizer.pad({"input_ids": [encoded[i] for i in chunk]}, return_tensors="pt")
            out[chunk] = model(**batch).logits.float().numpy()
    return out


def _offsets(task: str, priors: dict, learnt: dict) -> np.ndarray | None:
    if task not in priors:
        return None
    labels = TASKS[task]
    return np.array([np.log(priors[task][x]) - np.log(learnt[task][x]) for x in labels], dtype=np.float64)


def evaluate_frame(model, tokenizer, frame: pd.DataFrame, max_length: int, priors: dict | None = None,
                   learnt: dict | None = None, temperatures: dict | None = None,
                   logits: np.ndarray | None = None) -> dict[str, Any]:
    """Per task: macro-F1, accuracy and per-class figures on the rows labelled for it (None if there are none)."""
    if logits is None:
        logits = joint_logits(model, tokenizer, frame["text"].tolist(), max_length)
    result: dict[str, Any] = {}
    for task, labels in TASKS.items():
        rows = frame[task].notna().to_numpy()
        if not rows.any():
            result[task] = None
            continue
        z = logits[rows][:, task_slice(task)] / (temperatures or {}).get(task, 1.0)
        offsets = _offsets(task, priors or {}, learnt or {})
        predicted = [labels[i] for i in (z + (0 if offsets is None else offsets)).argmax(axis=1)]
        result[task] = score_labels(task, labels, frame.loc[rows, task].tolist(), predicted).to_dict()
    return result


def calibrate(model, tokenizer, dev: pd.DataFrame, config: JointConfig, priors: dict, learnt: dict,
              logits: np.ndarray | None = None) -> dict:
    """Per task: the fitted temperature and the dev ECE before (T = 1) and after, with the prior applied."""
    if logits is None:
        logits = joint_logits(model, tokenizer, dev["text"].tolist(), config.max_length)
    result = {}
    for task, labels in TASKS.items():
        rows = dev[task].notna().to_numpy()
        if rows.sum() < 20:
            continue
        z = logits[rows][:, task_slice(task)].astype(np.float64)
        y = np.array([labels.index(v) for v in dev.loc[rows, task]])
        offsets = _offsets(task, priors, learnt)
        shift = 0 if offsets is None else offsets
        temperature = fit_temperature(z, y, offsets)
        result[task] = {"temperature": round(temperature, 4), "rows": int(rows.sum()),
                        "ece_before": expected_calibration_error(softmax(z + shift), y),
                        "ece_after": expected_calibration_error(softmax(z / temperature + shift), y)}
    return result
