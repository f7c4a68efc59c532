"""Would a decision bias tuned for macro-F1 help the shipped classifier? Cross-fitted on the dev articles.

Half of the held-out gold escalation and negative quotes read as neutral (models/quotes/README.md). A cheap remedy
is a per-class shift of the logits (the same mechanism as a label prior, `--stance-prior`), chosen to maximise
macro-F1. This script asks whether such a shift, fitted on some articles, helps on others: it rebuilds the dev
split of `configs/quotes.toml` (the 27 articles the model never trained on), and 20 times fits the two non-neutral
shifts on a grid over half of the articles and scores the other half against no shift. A gain that does not carry
over to unseen articles is noise, and no shift is shipped.

Rerun (from the repository root, beside ../shared/data; about a minute on 2 cores):

    .venv/bin/python benchmarks/decision_bias.py
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from stance.classifier.model import TextClassifier  # noqa: E402
from stance.metrics import score_labels  # noqa: E402
from stance.schema import TASKS  # noqa: E402
from stance.train.joint_config import load_joint_config, read_sources  # noqa: E402

GRID = np.arange(-1.5, 1.51, 0.25)
ROUNDS = 20


def main() -> None:
    _, dev = read_sources(load_joint_config(REPO / "configs" / "quotes.toml"))
    groups = np.array(sorted(dev["group"].unique()))
    print(f"dev split of configs/quotes.toml: {len(dev)} quotes of {len(groups)} articles; "
          f"{ROUNDS} rounds, shifts fitted on half the articles, scored on the other half\n")
    print("| task | dev macro-F1, no shift | best shift on all dev (in-sample) | cross-fitted gain, mean ± sd | "
          "rounds with a gain |")
    print("|---|---|---|---|---|")
    rng = np.random.default_rng(0)
    for task, labels in TASKS.items():
        classifier = TextClassifier.load("default", task, prior="none")
        rows = dev[dev[task].notna()].reset_index(drop=True)
        # log-probabilities: the calibrated logits less a per-row constant, so every argmax below is the same
        logits = np.log(classifier.predict_proba(rows["text"].tolist()))
        gold = rows[task].tolist()
        others = [i for i, label in enumerate(labels) if label != "neutral"]

        def f1(shift: np.ndarray, idx: np.ndarray) -> float:
            predicted = [labels[i] for i in (logits[idx] + shift).argmax(axis=1)]
            return score_labels(task, labels, [gold[i] for i in idx], predicted).to_dict()["macro_f1"]

        def shift_of(a: float, b: float) -> np.ndarray:
            shift = np.zeros(len(labels))
            shift[others[0]], shift[others[1]] = a, b
            return shift

        def best(idx: np.ndarray) -> tuple[float, np.ndarray]:
            return max(((f1(shift_of(a, b), idx), shift_of(a, b)) for a, b in itertools.product(GRID, GRID)),
                       key=lambda pair: pair[0])

        every = np.arange(len(rows))
        base = f1(np.zeros(len(labels)), every)
        in_sample, shift = best(every)
        gains = []
        for _ in range(ROUNDS):
            held = rows["group"].isin(set(rng.choice(groups, size=len(groups) // 2, replace=False))).to_numpy()
            _, fitted = best(every[~held])
            gains.append(f1(fitted, every[held]) - f1(np.zeros(len(labels)), every[held]))
        named = ", ".join(f"{labels[i]} {shift[i]:+.2f}" for i in others)
        print(f"| {task} | {base:.3f} | {in_sample:.3f} ({named}) | {np.mean(gains):+.3f} ± {np.std(gains):.3f} | "
              f"{sum(g > 0 for g in gains)} of {ROUNDS} |")


if __name__ == "__main__":
    main()
