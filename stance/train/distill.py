"""Distilling teachers into the one model that ships: soft targets from joint tone+stance models.

Several models trained by one recipe with different seeds agree better with held-out labels on average than any
one of them, but shipping them all would multiply the model's size and its encoder passes. A recipe that names
`teachers` (joint models: directories or Hugging Face ids) trains its model on the teachers' averaged
probabilities as well as on the labels: for every training row and both tasks (a NewsMTSC sentence labelled
for tone only still gets the teachers' stance), the loss adds the Kullback-Leibler divergence from the
teachers' softened distribution to the model's, weighted by `distill_weight` (the labels' cross-entropy keeps
the rest) and scaled by the square of `distill_temperature`, as in Hinton et al. (2015).
"""

from __future__ import annotations

import logging

import numpy as np

from stance.classifier.calibration import softmax
from stance.errors import ConfigError
from stance.schema import TASKS
from stance.train.joint_config import is_joint, joint_labels, task_slice
from stance.train.joint_eval import joint_logits

logger = logging.getLogger(__name__)


def teacher_targets(teachers: tuple[str, ...], texts: list[str], temperature: float,
                    max_length: int) -> np.ndarray:
    """(rows, six) probabilities: each task's softmax of each teacher's logits over `temperature`, averaged
    over the teachers. Texts are read as the training rows are (`cue: quote` where the recipe adds cues)."""
    from stance.classifier.model import load_model_and_tokenizer

    unique, inverse = np.unique(np.asarray(texts, dtype=object), return_inverse=True)
    total = np.zeros((len(unique), len(joint_labels())), dtype=np.float64)
    for name in teachers:
        model, tokenizer = load_model_and_tokenizer(name, "tone")
        if not is_joint(model.config):
            raise ConfigError(f"teacher {name!r} is not a joint tone+stance model (its labels are "
                              f"{list(model.config.id2label.values())})")
        logits = joint_logits(model, tokenizer, unique.tolist(), max_length).astype(np.float64)
        for task in TASKS:
            total[:, task_slice(task)] += softmax(logits[:, task_slice(task)] / temperature)
        logger.info("teacher %s read %d texts", name, len(unique))
    return (total / len(teachers))[inverse].astype(np.float32)


def distill_loss(logits, targets, temperature: float):
    """Sum over the tasks of KL(teachers || model) at `temperature`, times its square (so that the gradient's
    scale does not shrink as the temperature grows)."""
    import torch

    total = logits.new_zeros(())
    for task in TASKS:
        part = torch.nn.functional.log_softmax(logits[:, task_slice(task)] / temperature, dim=-1)
        total = total + torch.nn.functional.kl_div(part, targets[:, task_slice(task)], reduction="batchmean")
    return total * temperature ** 2
