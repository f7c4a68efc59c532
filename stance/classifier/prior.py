"""Label priors: the shift a prior adds to a model's logits (LABELS.md §5; README, "Label prior"). The class
shares themselves are read by `stance.schema.parse_prior`."""

from __future__ import annotations

import numpy as np

from stance.schema import check_task, parse_prior


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
