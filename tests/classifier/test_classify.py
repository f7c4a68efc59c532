"""The classifier module on tiny locally built models: probabilities, scores, batching, zero-shot, errors."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest

from stance.classifier.model import TextClassifier, prediction_frame
from stance.errors import ConfigError, ModelError
from stance.schema import parse_prior

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


def test_a_text_longer_than_the_window_is_read_in_windows_and_pooled(tiny_models):
    short = TextClassifier.load(str(tiny_models["tone"]), "tone", max_length=8, batch_size=3)
    short.model = copy.deepcopy(short.model)  # the loaded model is shared by every classifier of that directory
    short.model.classifier.weight.data *= 1e5  # an untrained tiny head gives nearly equal logits to any text
    # 6 tokens fill the first window (8 with [CLS] and [SEP]); the 3 after it make a shorter second one
    first, second = "we will strike attack weapons war", "peace talks ceasefire"
    pooled = short._logits([first + " " + second, "peace"])
    alone = short._logits([first, second, "peace"])
    np.testing.assert_allclose(pooled[0], alone[:2].mean(axis=0), rtol=1e-5, atol=1e-3)  # not the first window alone
    np.testing.assert_allclose(pooled[1], alone[2], rtol=1e-5, atol=1e-3)
    assert np.abs(alone[0] - alone[1]).max() > 0.1 and np.abs(pooled[0] - alone[0]).max() > 0.05
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
    (tmp_path / "model.safetensors").write_bytes(b"")
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


def _with_recorded_prior(source, directory, **settings):
    """A copy of a tiny model whose config.json records `settings` (stance_label_prior, ...)."""
    import shutil

    shutil.copytree(source, directory)
    config = json.loads((directory / "config.json").read_text())
    (directory / "config.json").write_text(json.dumps({**config, **settings}))
    return directory


def test_a_label_prior_reweighs_the_probabilities_by_prior_over_learnt_shares(tiny_models):
    plain = TextClassifier.load(str(tiny_models["stance"]), "stance", prior="none").predict_proba(TEXTS)
    shares = np.array([0.2, 0.1, 0.7])
    shifted = TextClassifier.load(str(tiny_models["stance"]), "stance",
                                  prior="escalation=2,negotiation=1,neutral=7").predict_proba(TEXTS)
    expected = plain * shares  # Bayes' rule: p(y|x) ∝ p_model(y|x) · prior(y) / learnt(y), learnt equal here
    np.testing.assert_allclose(shifted, expected / expected.sum(axis=1, keepdims=True), rtol=1e-5)
    assert not np.allclose(shifted, plain)


def test_a_model_applies_the_prior_it_records_unless_told_none(tiny_models, tmp_path):
    recorded = {"stance_label_prior": {"escalation": 0.25, "negotiation": 0.05, "neutral": 0.7},
                "stance_trained_prior": {"escalation": 0.5, "negotiation": 0.25, "neutral": 0.25}}
    model = _with_recorded_prior(tiny_models["stance"], tmp_path / "model", **recorded)
    plain = TextClassifier.load(str(tiny_models["stance"]), "stance").predict_proba(TEXTS)  # records none
    own = TextClassifier.load(str(model), "stance")
    np.testing.assert_allclose(own.offsets, np.log([0.25 / 0.5, 0.05 / 0.25, 0.7 / 0.25]), rtol=1e-6)
    expected = plain * np.array([0.25 / 0.5, 0.05 / 0.25, 0.7 / 0.25])
    np.testing.assert_allclose(own.predict_proba(TEXTS), expected / expected.sum(axis=1, keepdims=True), rtol=1e-5)
    np.testing.assert_allclose(TextClassifier.load(str(model), "stance", prior="none").predict_proba(TEXTS), plain,
                               rtol=1e-6)
    # a user's shares replace the recorded ones, still against what the model learnt
    users = TextClassifier.load(str(model), "stance", prior={"escalation": 1, "negotiation": 1, "neutral": 1})
    np.testing.assert_allclose(users.offsets, np.log([(1 / 3) / 0.5, (1 / 3) / 0.25, (1 / 3) / 0.25]), rtol=1e-6)


def test_a_prior_also_shifts_zero_shot_hypotheses(tiny_models):
    plain = TextClassifier.load(str(tiny_models["nli"]), "tone", zero_shot=True).predict_proba(TEXTS)
    shifted = TextClassifier.load(str(tiny_models["nli"]), "tone", zero_shot=True,
                                  prior={"negative": 0.6, "neutral": 0.3, "positive": 0.1}).predict_proba(TEXTS)
    expected = plain * np.array([0.6, 0.3, 0.1])
    np.testing.assert_allclose(shifted, expected / expected.sum(axis=1, keepdims=True), rtol=1e-5)


@pytest.mark.parametrize("prior, message", [
    ("escalation=0.5,neutral=0.5", "needs a share for each stance label"),
    ("escalation=0.5,negotiation=0,neutral=0.5", "positive"),
    ("escalation=0.5,negotiation=-1,neutral=0.5", "positive"),
    ("escalation=lots,negotiation=1,neutral=1", "must be a number"),
    ("escalation:0.5", "label=share"),
    ({"escalation": 1, "negotiation": 1, "neutral": 1, "peace": 1}, "needs a share for each stance label"),
])
def test_a_bad_prior_is_refused_with_the_reason(tiny_models, prior, message):
    with pytest.raises(ConfigError, match=message):
        TextClassifier.load(str(tiny_models["stance"]), "stance", prior=prior)


def test_prior_shares_are_normalised():
    assert parse_prior({"Negative": 3, "neutral": 1, "positive": 1}, "tone") == \
        {"negative": 0.6, "neutral": 0.2, "positive": 0.2}


def test_int8_quantises_the_linear_layers_and_keeps_predictions_close(tiny_models):
    plain = TextClassifier.load(str(tiny_models["tone"]), "tone")
    small = TextClassifier.load(str(tiny_models["tone"]), "tone", int8=True)
    assert small.model is not plain.model
    assert any("quantized" in type(module).__module__ for module in small.model.modules())
    assert not any("quantized" in type(module).__module__ for module in plain.model.modules())
    np.testing.assert_allclose(small.predict_proba(TEXTS), plain.predict_proba(TEXTS), atol=0.05)
