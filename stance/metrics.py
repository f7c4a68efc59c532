"""Classification metrics shared by training, `stance evaluate labels` and the benchmarks."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, f1_score


@dataclass(frozen=True)
class LabelScores:
    """Accuracy, macro-F1, a per-class report and the confusion matrix (rows gold, columns predicted)."""

    task: str
    labels: tuple[str, ...]
    n: int
    accuracy: float
    macro_f1: float
    report: dict
    confusion: list[list[int]]

    def to_dict(self) -> dict:
        return {"task": self.task, "n": self.n, "accuracy": self.accuracy, "macro_f1": self.macro_f1,
                "per_class": {k: v for k, v in self.report.items() if k in self.labels},
                "confusion": {"labels": list(self.labels), "matrix": self.confusion}}

    def format(self) -> str:
        width = max(len(label) for label in self.labels) + 2
        lines = [f"{self.task}: n={self.n}  accuracy={self.accuracy:.3f}  macro-F1={self.macro_f1:.3f}", "",
                 f"{'':{width}}precision  recall  f1     support"]
        for label in self.labels:
            row = self.report.get(label, {})
            lines.append(f"{label:{width}}{row.get('precision', 0):.3f}      {row.get('recall', 0):.3f}   "
                         f"{row.get('f1-score', 0):.3f}  {int(row.get('support', 0))}")
        lines += ["", "confusion (rows gold, columns predicted):",
                  f"{'':{width}}" + "".join(f"{label[:10]:>12}" for label in self.labels)]
        for label, row in zip(self.labels, self.confusion):
            lines.append(f"{label:{width}}" + "".join(f"{value:>12}" for value in row))
        return "\n".join(lines)


def score_labels(task: str, labels: tuple[str, ...], gold, predicted) -> LabelScores:
    """Score predicted labels against gold labels over the task's label set.

    >>> score_labels("tone", ("negative", "positive"), ["negative", "positive"], ["negative", "negative"]).accuracy
    0.5
    """
    gold = [str(g) for g in gold]
    predicted = [str(p) for p in predicted]
    if not gold:
        raise ValueError(f"no {task} labels to score")
    # Macro-F1 averages the classes that occur in the gold or the predictions: a class absent from both
    # is not a failure of the model.
    present = [label for label in labels if label in set(gold) | set(predicted)]
    report = classification_report(gold, predicted, labels=list(labels), output_dict=True, zero_division=0)
    return LabelScores(
        task=task, labels=tuple(labels), n=len(gold),
        accuracy=float(accuracy_score(gold, predicted)),
        macro_f1=float(f1_score(gold, predicted, labels=present, average="macro", zero_division=0)),
        report=report,
        confusion=np.asarray(confusion_matrix(gold, predicted, labels=list(labels))).tolist(),
    )
