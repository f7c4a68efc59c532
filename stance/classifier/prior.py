"""Tasks and label priors: which labels a task has, class shares a user gives (`label=share,…`), and the shift
a prior adds to a model's logits (LABELS.md §5; README, "Label prior")."""

from __future__ import annotations

import numpy as np

from stance.errors import ConfigError
from stance.schema import TASKS


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


def prior_offsets(model_config, task: str, prior: str | dict[str, float] | None = "model") -> np.ndarray | None:
    """The shift added to a model's logits (in the task's label order) for a label prior: `"model"` the
    one the model records (`stance_label_prior`; none recorded, no shift), `"none"` or None no shift, or
    shares of the user's. The model's own learnt shares are `stance_trained_prior` (equal shares when it
    records none)."""
    labels = check_task(task)
    if prior is None or (isinstance(prior, str) and prior.strip().lower() == "none"):
        return None
    recorded = getattr(model_config, "stance_label_priors", None) or {}  # a joint model: shares per task
    learnt_shares = (getattr(model_config, "stance_trained_priors", None) or {}).get(task) if recorded else \
        getattr(model_config, "stance_trained_prior", None)
    if isinstance(prior, str) and prior.strip().lower() == "model":
        prior = recorded.get(task) if recorded else getattr(model_config, "stance_label_prior", None)
        if not prior:
            return None
        where = "the model's stance_label_prior"
    else:
        where = f"{task} prior"
    target = parse_prior(prior, task, where)
    trained = learnt_shares
    learnt = parse_prior(trained, task, "the model's stance_trained_prior") if trained else \
        {label: 1 / len(labels) for label in labels}
    return np.array([np.log(target[label]) - np.log(learnt[label]) for label in labels], dtype=np.float32)
