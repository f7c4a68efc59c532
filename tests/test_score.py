"""`stance score`, `stance classify` and `stance evaluate labels` with tiny local models."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

import stance
from stance.cli.commands import app
from stance.config import ClassifyConfig
from stance.errors import InputError, ModelError
from stance.metrics import score_labels
from stance.schema import LABEL_COLUMNS, QUOTE_COLUMNS

runner = CliRunner()


@pytest.fixture(scope="module")
def tiny_config(tiny_models) -> ClassifyConfig:
    return ClassifyConfig(tone_model=str(tiny_models["tone"]), stance_model=str(tiny_models["stance"]))


def _model_args(tiny_models) -> list[str]:
    return ["--tone-model", str(tiny_models["tone"]), "--stance-model", str(tiny_models["stance"])]


def test_score_adds_the_label_columns_to_the_extraction_schema(seed_article, tiny_config):
    frame = stance.score(seed_article, classify_config=tiny_config)
    quotes = stance.extract(seed_article)
    assert list(frame.columns) == list(QUOTE_COLUMNS) + list(LABEL_COLUMNS)
    assert frame["quote_id"].tolist() == quotes["quote_id"].tolist()
    assert set(frame["tone"]) <= {"negative", "neutral", "positive"}
    assert set(frame["stance"]) <= {"escalation", "negotiation", "neutral"}
    probs = frame[["stance_escalation", "stance_negotiation", "stance_neutral"]].to_numpy()
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-6)
    np.testing.assert_allclose(frame["stance_score"], frame["stance_negotiation"] - frame["stance_escalation"])
    assert frame["tone_model"].unique().tolist() == [tiny_config.tone_model]


def test_score_keeps_carried_columns_after_the_labels(tmp_path, tiny_config):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a1", "source": "wire", "text": 'The minister said "we will win this war."'})
                    + "\n", encoding="utf-8")
    frame = stance.score(path, classify_config=tiny_config)
    assert list(frame.columns)[-1] == "source" and frame["source"].tolist() == ["wire"]


def test_scored_tables_round_trip_with_their_dtypes(tmp_path, seed_article, tiny_config):
    frame = stance.score(seed_article, classify_config=tiny_config)
    for suffix in (".parquet", ".csv", ".jsonl"):
        path = tmp_path / f"q{suffix}"
        stance.write_table(frame, path)
        back = stance.load(path)
        assert list(back.columns) == list(frame.columns)
        assert str(back["tone_score"].dtype) == "float64" and str(back["stance"].dtype) == "string"
        np.testing.assert_allclose(back["tone_score"], frame["tone_score"])


def test_score_of_no_quotes_is_an_empty_table_with_label_columns(tiny_config):
    frame = stance.score([stance.Article("a", "No quotes here at all.")], classify_config=tiny_config)
    assert frame.empty and "stance_score" in frame.columns


def test_classify_keeps_the_id_and_every_column(tiny_config):
    table = pd.DataFrame({"id": ["q1", "q2"], "text": ["We will never negotiate.", "Talks now."], "src": ["x", "y"]})
    frame = stance.classify(table, tiny_config)
    assert list(frame.columns) == ["id", "text", *LABEL_COLUMNS, "src"]
    assert frame["id"].tolist() == ["q1", "q2"]


@pytest.mark.parametrize("columns", [{"text": ["a"]}, {"id": ["1"], "body": ["a"]}])
def test_classify_needs_text_and_id(tiny_config, columns):
    with pytest.raises(InputError, match="`text` column and an `id` column"):
        stance.classify(pd.DataFrame(columns), tiny_config)


def test_score_command_writes_labels(tmp_path, seed_article, tiny_models):
    out = tmp_path / "q.parquet"
    result = runner.invoke(app, ["score", str(seed_article), "-o", str(out), *_model_args(tiny_models)])
    assert result.exit_code == 0, result.output
    assert "scored" in result.output
    frame = stance.load(out)
    assert len(frame) > 10 and frame["tone"].notna().all()


def test_score_command_reads_its_config_file_once_for_both_stages(tmp_path, seed_article, tiny_models, monkeypatch):
    import stance.config

    path = tmp_path / "run.toml"
    path.write_text(f'[extract]\nmax_article_chars = 100\n\n[classify]\ntone_model = "{tiny_models["tone"]}"\n'
                    f'stance_model = "{tiny_models["stance"]}"\nstance_prior = "none"\n')
    settings = stance.config.load_config(path)
    assert settings.extract.max_article_chars == 100 and settings.classify.stance_prior == "none"
    reads = []
    real = stance.config.read_toml
    monkeypatch.setattr(stance.config, "read_toml", lambda p: reads.append(p) or real(p))
    out = tmp_path / "q.parquet"
    short = tmp_path / "short.txt"
    short.write_text('"We will not give up," the minister said.\n', encoding="utf-8")
    result = runner.invoke(app, ["score", str(seed_article), str(short), "-o", str(out), "--config", str(path)])
    assert reads == [path]
    assert result.exit_code == 3 and "oversized article" in result.output  # [extract] took effect
    scored = stance.load(out)
    assert scored["stance_model"].unique().tolist() == [str(tiny_models["stance"])]  # and [classify]


def test_score_command_with_a_model_path_that_is_not_a_model_exits_1(tmp_path, seed_article):
    (tmp_path / "junk").mkdir()
    result = runner.invoke(app, ["score", str(seed_article), "-o", str(tmp_path / "q.parquet"),
                                 "--tone-model", str(tmp_path / "junk")])
    assert result.exit_code == 1
    assert "not a model directory" in result.output
    assert not (tmp_path / "q.parquet").exists()


def test_score_command_skips_bad_articles_and_exits_3(tmp_path, seed_article, tiny_models):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "q.csv"
    result = runner.invoke(app, ["score", str(seed_article), str(tmp_path / "empty.txt"), "-o", str(out),
                                 *_model_args(tiny_models)])
    assert result.exit_code == 3
    assert "empty.txt: empty article" in result.output
    assert len(stance.load(out)) > 10


def test_classify_command(tmp_path, tiny_models):
    table = tmp_path / "s.csv"
    pd.DataFrame({"id": ["007", "008"], "text": ["We will never negotiate.", "Talks now."]}).to_csv(table, index=False)
    out = tmp_path / "labels.jsonl"
    result = runner.invoke(app, ["classify", str(table), "-o", str(out), *_model_args(tiny_models)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["007", "008"] and "stance_negotiation" in rows[0]


def test_classify_command_applies_a_prior_of_the_users(tmp_path, tiny_models):
    table = tmp_path / "s.csv"
    pd.DataFrame({"id": ["1", "2"], "text": ["We will never negotiate.", "Talks now."]}).to_csv(table, index=False)
    columns = ["stance_escalation", "stance_negotiation", "stance_neutral"]
    outputs = {}
    for name, prior in (("plain", "none"), ("skewed", "escalation=0.1,negotiation=0.1,neutral=0.8")):
        out = tmp_path / f"{name}.csv"
        result = runner.invoke(app, ["classify", str(table), "-o", str(out), *_model_args(tiny_models),
                                     "--stance-prior", prior])
        assert result.exit_code == 0, result.output
        outputs[name] = pd.read_csv(out)[columns].to_numpy()
    expected = outputs["plain"] * np.array([0.1, 0.1, 0.8])
    np.testing.assert_allclose(outputs["skewed"], expected / expected.sum(axis=1, keepdims=True), rtol=1e-4)
    bad = runner.invoke(app, ["classify", str(table), "-o", str(tmp_path / "x.csv"), *_model_args(tiny_models),
                              "--stance-prior", "peace=1"])
    assert bad.exit_code == 1 and "classify.stance_prior: needs a share for each stance label" in bad.output


def test_a_classify_config_can_name_priors(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('[classify]\nstance_prior = "none"\ntone_prior = {negative = 2, neutral = 2, positive = 1}\n')
    config = stance.config.load_classify_config(path)
    assert config.stance_prior == "none" and config.tone_prior["positive"] == 1
    path.write_text('[classify]\ntone_prior = {negative = 1}\n')
    with pytest.raises(stance.errors.ConfigError, match="classify.tone_prior"):
        stance.config.load_classify_config(path)


def test_classify_command_with_wrong_columns_exits_1(tmp_path, tiny_models):
    table = tmp_path / "s.csv"
    pd.DataFrame({"body": ["x"]}).to_csv(table, index=False)
    result = runner.invoke(app, ["classify", str(table), "-o", str(tmp_path / "o.csv"), *_model_args(tiny_models)])
    assert result.exit_code == 1 and "`text` column" in result.output


def test_metrics_match_a_hand_computed_table():
    gold = ["negative", "negative", "neutral", "positive", "neutral", "neutral"]
    pred = ["negative", "neutral", "neutral", "positive", "positive", "neutral"]
    scores = score_labels("tone", ("negative", "neutral", "positive"), gold, pred)
    # negative P=1 R=.5 F=.667; neutral P=2/3 R=2/3 F=.667; positive P=.5 R=1 F=.667
    assert scores.accuracy == pytest.approx(4 / 6)
    assert scores.macro_f1 == pytest.approx(2 / 3)
    assert scores.confusion == [[1, 1, 0], [0, 2, 1], [0, 0, 1]]
    assert "macro-F1=0.667" in scores.format()


def test_evaluate_labels_command_joins_predictions_on_id(tmp_path):
    gold = tmp_path / "gold.csv"
    pred = tmp_path / "pred.csv"
    pd.DataFrame({"id": ["a", "b", "c", "d"], "text": ["w", "x", "y", "z"],
                  "stance": ["escalation", "negotiation", "neutral", "neutral"]}).to_csv(gold, index=False)
    pd.DataFrame({"id": ["d", "c", "b", "a"],
                  "stance": ["neutral", "escalation", "negotiation", "escalation"]}).to_csv(pred, index=False)
    result = runner.invoke(app, ["evaluate", "labels", str(gold), str(pred), "--json"])
    assert result.exit_code == 0, result.output
    (scores,) = json.loads(result.output)
    assert scores["task"] == "stance" and scores["accuracy"] == 0.75
    assert scores["confusion"]["matrix"] == [[1, 0, 0], [0, 1, 0], [1, 0, 1]]


def test_evaluate_labels_classifies_the_gold_texts_without_predictions(tmp_path, tiny_models):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps({"text": t, "tone": g}) for t, g in
                              [("Brilliant work.", "positive"), ("Terrible.", "negative")]) + "\n")
    result = runner.invoke(app, ["evaluate", "labels", str(gold), *_model_args(tiny_models)])
    assert result.exit_code == 0, result.output
    assert "tone: n=2" in result.output and "confusion" in result.output


def test_evaluate_labels_names_a_table_without_labels(tmp_path):
    gold = tmp_path / "gold.csv"
    pd.DataFrame({"text": ["x"], "mood": ["happy"]}).to_csv(gold, index=False)
    result = runner.invoke(app, ["evaluate", "labels", str(gold)])
    assert result.exit_code == 1 and "`tone` or `stance`" in result.output


def test_an_unknown_hub_id_offline_is_a_model_error(monkeypatch):
    import huggingface_hub.constants

    # Offline as a machine without network would be, without waiting for connection timeouts.
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    from stance.classifier.model import TextClassifier

    with pytest.raises(ModelError, match="cannot load model"):
        TextClassifier.load("nobody-here/no-such-model-xyz", "tone")


def test_evaluate_labels_warns_when_the_default_model_trained_on_the_gold(monkeypatch, caplog, tmp_path):
    from stance.classifier.labeller import Labeller
    from stance.evaluate.labels import default_models_trained_on, evaluate_labels

    trained = Path(__file__).resolve().parents[1] / "data" / "urw_train.labels.jsonl"  # both recipes train on it
    monkeypatch.chdir(tmp_path)  # the recipes' relative paths are read from the checkout, not the cwd
    assert default_models_trained_on(trained, ["tone", "stance"]) == ["tone", "stance"]
    assert default_models_trained_on(trained, ["stance"], ClassifyConfig(stance_model="my-model")) == []
    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_425a455c3402a5f3.gold.jsonl"
    assert default_models_trained_on(seed, ["tone", "stance"]) == []

    def fixed(self, texts, cues=None, contexts=None):
        return pd.DataFrame({"tone": ["neutral"] * len(texts), "stance": ["neutral"] * len(texts)})

    monkeypatch.setattr(Labeller, "label", fixed)
    with caplog.at_level("WARNING", logger="stance.evaluate.labels"):
        evaluate_labels(trained, tasks=["stance"])
    assert "default stance model was trained on" in caplog.text and "not held out" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="stance.evaluate.labels"):
        evaluate_labels(seed, tasks=["stance"])
    assert caplog.text == ""
