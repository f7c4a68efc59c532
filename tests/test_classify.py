"""The classifier module on tiny locally built models: probabilities, scores, batching, zero-shot, errors."""

from __future__ import annotations

import numpy as np
import pytest

from stance.classifier import TextClassifier, prediction_frame
from stance.errors import ConfigError, ModelError

TEXTS = [
    "We will never negotiate.",
    "The president said talks are the way to peace and a ceasefire must hold this winter.",
    "",
    "Strike!",
    "Russia must feel more sanctions, more weapons, more pressure.",
]


@pytest.fixture(scope="module")
def tone(tiny_models):
    return TextClassifier.load(str(tiny_models["tone"]), "tone", batch_size=2)


def test_predict_gives_labels_scores_and_probabilities(tone):
    frame = tone.predict(TEXTS)
    assert list(frame.columns) == ["tone", "tone_score", "tone_negative", "tone_neutral", "tone_positive"]
    assert len(frame) == len(TEXTS)
    probs = frame[["tone_negative", "tone_neutral", "tone_positive"]].to_numpy()
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-6)
    np.testing.assert_allclose(frame["tone_score"], frame["tone_positive"] - frame["tone_negative"])
    assert frame["tone"].tolist() == [("negative", "neutral", "positive")[i] for i in probs.argmax(axis=1)]


def test_length_sorted_batches_return_rows_in_input_order(tiny_models, tone):
    one_by_one = np.vstack([tone.predict_proba([t]) for t in TEXTS])
    wide = TextClassifier.load(str(tiny_models["tone"]), "tone", batch_size=64)
    np.testing.assert_allclose(tone.predict_proba(TEXTS), one_by_one, atol=1e-5)
    np.testing.assert_allclose(wide.predict_proba(TEXTS[::-1])[::-1], one_by_one, atol=1e-5)


def test_texts_longer_than_max_length_are_truncated(tiny_models):
    short = TextClassifier.load(str(tiny_models["tone"]), "tone", max_length=8)
    probs = short.predict_proba(["war " * 500, "peace"])
    assert probs.shape == (2, 3)


def test_empty_input_gives_an_empty_frame(tone):
    frame = tone.predict([])
    assert frame.empty and "tone_score" in frame.columns


def test_stance_score_is_negotiation_minus_escalation():
    probs = np.array([[0.7, 0.1, 0.2], [0.0, 1.0, 0.0]])
    frame = prediction_frame("stance", probs)
    assert frame["stance"].tolist() == ["escalation", "negotiation"]
    np.testing.assert_allclose(frame["stance_score"], [-0.6, 1.0])


def test_a_model_whose_labels_are_not_the_tasks_is_refused(tiny_models):
    with pytest.raises(ModelError, match="not the tone labels"):
        TextClassifier.load(str(tiny_models["base"]), "tone")
    with pytest.raises(ModelError, match="not the stance labels"):
        TextClassifier.load(str(tiny_models["tone"]), "stance")


def test_a_path_that_is_not_a_model_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(ModelError, match="not a model directory"):
        TextClassifier.load(str(tmp_path), "tone")
    with pytest.raises(ModelError, match="is a file"):
        TextClassifier.load(str(tmp_path / "notes.txt"), "tone")


def test_a_broken_model_directory_is_refused(tmp_path):
    (tmp_path / "config.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot load model"):
        TextClassifier.load(str(tmp_path), "tone")


def test_an_unknown_task_is_refused(tiny_models):
    with pytest.raises(ConfigError, match="unknown task"):
        TextClassifier.load(str(tiny_models["tone"]), "sarcasm")


def test_zero_shot_scores_one_hypothesis_per_label(tiny_models):
    nli = TextClassifier.load(str(tiny_models["nli"]), "stance")  # labels include entailment: zero-shot
    assert nli.hypotheses is not None and set(nli.hypotheses) == {"escalation", "negotiation", "neutral"}
    probs = nli.predict_proba(TEXTS)
    assert probs.shape == (len(TEXTS), 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-6)
    # The probabilities are a softmax over each hypothesis's entailment logit.
    logits = nli._logits([TEXTS[0]] * 3, [nli.hypotheses[label] for label in nli.labels])[:, nli.entailment]
    expected = np.exp(logits - logits.max()) / np.exp(logits - logits.max()).sum()
    np.testing.assert_allclose(probs[0], expected, rtol=1e-5)


def test_zero_shot_hypotheses_can_be_replaced(tiny_models):
    custom = {"negative": "It is bad.", "neutral": "It is a fact.", "positive": "It is good."}
    nli = TextClassifier.load(str(tiny_models["nli"]), "tone", zero_shot=custom)
    assert nli.hypotheses == custom
    with pytest.raises(ConfigError, match="unknown tone label"):
        TextClassifier.load(str(tiny_models["nli"]), "tone", zero_shot={"sarcastic": "It mocks."})


def test_zero_shot_needs_an_nli_model(tiny_models):
    with pytest.raises(ModelError, match="entailment"):
        TextClassifier.load(str(tiny_models["tone"]), "tone", zero_shot=True)
