"""Temperature scaling and expected calibration error.

A classifier's softmax is often over- or under-confident. Temperature scaling (Guo et al., ICML 2017) divides
the logits by one number T fitted on held-out data to minimise the negative log-likelihood; it never changes
the argmax, only how far the probabilities can be trusted. The expected calibration error (ECE) is the mean
gap between confidence and accuracy over equal-width confidence bins, weighted by the bins' sizes.
"""

from __future__ import annotations

import numpy as np


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def negative_log_likelihood(logits: np.ndarray, labels: np.ndarray, temperature: float,
                            offsets: np.ndarray | None = None) -> float:
    """Mean NLL of `labels` (class indices) under softmax(logits / T + offsets)."""
    scaled = logits / temperature + (0 if offsets is None else offsets)
    probs = softmax(scaled)
    return float(-np.mean(np.log(np.clip(probs[np.arange(len(labels)), labels], 1e-12, None))))


def fit_temperature(logits: np.ndarray, labels: np.ndarray, offsets: np.ndarray | None = None,
                    low: float = 0.05, high: float = 20.0) -> float:
    """The T in [low, high] minimising the NLL of softmax(logits / T + offsets): golden-section search over
    log T (the NLL is unimodal in T for a fixed set of logits). `offsets` are shifts applied after scaling,
    such as a label prior's, so that T is fitted for the probabilities users will see."""
    logits = np.asarray(logits, dtype=np.float64)
    labels = np.asarray(labels, dtype=np.int64)
    if len(labels) == 0:
        raise ValueError("fit_temperature needs at least one labelled row")
    a, b = np.log(low), np.log(high)
    ratio = (np.sqrt(5) - 1) / 2
    c, d = b - ratio * (b - a), a + ratio * (b - a)
    loss = lambda log_t: negative_log_likelihood(logits, labels, float(np.exp(log_t)), offsets)  # noqa: E731
    fc, fd = loss(c), loss(d)
    for _ in range(60):
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - ratio * (b - a)
            fc = loss(c)
        else:
            a, c, fc = c, d, fd
            d = a + ratio * (b - a)
            fd = loss(d)
    return float(np.exp((a + b) / 2))


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, bins: int = 15) -> float:
    """Top-label ECE: sum over equal-width confidence bins of |accuracy − mean confidence| × the bin's share."""
    probs = np.asarray(probs, dtype=np.float64)
    labels = np.asarray(labels)
    if len(labels) == 0:
        return float("nan")
    confidence = probs.max(axis=1)
    correct = (probs.argmax(axis=1) == labels).astype(np.float64)
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        members = index == b
        if members.any():
            total += members.mean() * abs(correct[members].mean() - confidence[members].mean())
    return float(total)
