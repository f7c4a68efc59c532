"""One model for both tasks on a tiny encoder: training, saving, one encoder pass, calibration, the CLI."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from stance.classifier.calibration import expected_calibration_error, fit_temperature, softmax
from stance.classifier.model import TextClassifier, predict_tasks
from stance.errors import ConfigError, InputError
from stance.schema import TASKS
from stance.train.joint_config import (
    JointConfig,
    JointSource,
    joint_labels,
    load_joint_config,
    read_sources,
    trains_joint,
)
from stance.train.multitask import train_joint

ROWS = [  # text, cue, tone, stance, article
    ("we will strike back with more weapons", "warned", "negative", "escalation", "a1"),
    ("more sanctions and more attacks now", "demanded", "negative", "escalation", "a1"),
    ("we must never negotiate with them", "said", "negative", "escalation", "a2"),
    ("the war will go on until we win", "vowed", "neutral", "escalation", "a2"),
    ("we welcome talks and a ceasefire", "said", "positive", "negotiation", "a3"),
    ("peace talks are the way forward", "said", "positive", "negotiation", "a3"),
    ("we hope to negotiate a ceasefire soon", "told reporters", "positive", "negotiation", "a4"),
    ("both sides support peace negotiations", "said", "positive", "negotiation", "a4"),
    ("the meeting is in may", "said", "neutral", "neutral", "a5"),
    ("the president is in kyiv this week", "said", "neutral", "neutral", "a5"),
    ("the report is on the table", "said", "neutral", "neutral", "a6"),
    ("the train was late", "complained", "negative", "neutral", "a6"),
]


@pytest.fixture
def quotes(tmp_path):
    path = tmp_path / "quotes.jsonl"
    pd.DataFrame([{"text": t, "cue": c, "tone": tone, "stance": stance, "doc_id": doc}
                  for t, c, tone, stance, doc in ROWS]).to_json(path, orient="records", lines=True)
    return path


def _config(tiny_models, quotes, tmp_path, **changes) -> JointConfig:
    settings = dict(output_dir=str(tmp_path / "joint"), base_model=str(tiny_models["base"]),
                    data=(JointSource("table", str(quotes), {"cue": True}, split=True),), max_steps=4, batch_size=4,
                    dev_fraction=0.34, learning_rate=1e-3, max_length=32, seed=3, lora_r=2,
                    lora_target_modules=("query", "value"))
    settings.update(changes)
    return JointConfig(**settings)


def test_temperature_is_recovered_from_labels_drawn_at_that_temperature():
    rng = np.random.default_rng(0)
    logits = rng.normal(scale=4.0, size=(4000, 3))
    labels = np.array([rng.choice(3, p=p) for p in softmax(logits / 2.5)])
    assert abs(fit_temperature(logits, labels) - 2.5) < 0.25
    # a calibrated model has a small ECE; the same logits read at T = 1 are overconfident
    assert expected_calibration_error(softmax(logits / 2.5), labels) < 0.03
    assert expected_calibration_error(softmax(logits), labels) > 0.08


def test_ece_of_always_right_confident_predictions_is_zero():
    probs = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    assert expected_calibration_error(probs, np.array([0, 1])) == 0.0
    assert expected_calibration_error(probs, np.array([1, 0])) == 1.0


def test_whole_articles_go_to_dev(tiny_models, quotes, tmp_path):
    train, dev = read_sources(_config(tiny_models, quotes, tmp_path))
    assert set(train["group"]).isdisjoint(set(dev["group"]))
    assert len(dev) == 4 and dev["group"].nunique() == 2  # 2 of 6 articles, both quotes of each
    assert train["text"].str.contains(": ").all()  # read as `cue: quote`


def test_data_seed_fixes_the_dev_split_across_training_seeds(tiny_models, quotes, tmp_path):
    def dev_articles(**changes):
        return set(read_sources(_config(tiny_models, quotes, tmp_path, **changes))[1]["group"])

    splits = {seed: dev_articles(seed=seed) for seed in range(8)}
    assert len({frozenset(s) for s in splits.values()}) > 1  # the training seed alone moves the split
    assert all(dev_articles(seed=seed, data_seed=3) == splits[3] for seed in range(8))


def test_a_source_labelling_one_task_leaves_the_other_unlabelled(tmp_path):
    path = tmp_path / "tone_only.csv"
    pd.DataFrame({"text": ["good news", "bad news"], "tone": ["positive", "negative"]}).to_csv(path, index=False)
    frame = JointSource("table", str(path)).read(seed=0)
    assert frame["tone"].tolist() == ["positive", "negative"] and frame["stance"].isna().all()


def test_a_table_labelled_for_both_tasks_can_teach_one(quotes, tmp_path):
    both = JointSource("table", str(quotes), {"cue": True}).read(seed=0)
    tone = JointSource("table", str(quotes), {"cue": True, "tasks": ["tone"]}).read(seed=0)
    assert tone["tone"].tolist() == both["tone"].tolist() == [row[2] for row in ROWS]
    assert tone["stance"].isna().all() and both["stance"].notna().all()
    assert JointSource("table", str(quotes), {"tasks": "stance"}).read(seed=0)["tone"].isna().all()
    config = tmp_path / "recipe.toml"
    config.write_text(f'[train]\ntask = "tone+stance"\noutput_dir = "out"\n\n[[data]]\nkind = "table"\n'
                      f'path = "{quotes}"\ntasks = ["tone"]\n', encoding="utf-8")
    assert load_joint_config(config).data[0].read(seed=0)["stance"].isna().all()
    with pytest.raises(ConfigError, match="unknown task 'mood'"):
        JointSource("table", str(quotes), {"tasks": ["mood"]}).read(seed=0)


@pytest.mark.parametrize("finetune", ["full", "lora"])
def test_train_save_reload_both_tasks_from_one_model(tiny_models, quotes, tmp_path, finetune):
    metrics = train_joint(_config(tiny_models, quotes, tmp_path, finetune=finetune))
    out = tmp_path / "joint"
    config = json.loads((out / "config.json").read_text())
    assert [config["id2label"][str(i)] for i in range(6)] == joint_labels()
    assert config["stance_input_format"] == "cue: text"
    assert not list(out.glob("*.bin"))
    if finetune == "lora":
        assert (out / "adapter_model.safetensors").exists()
    else:  # the weights it changed, in float16, without the base's embeddings
        from safetensors.torch import load_file

        saved = load_file(str(out / "model.safetensors"))
        assert config["stance_base_model"] == str(tiny_models["base"]) and "classifier.weight" in saved
        assert not [k for k in saved if ".embeddings." in k] and {str(v.dtype) for v in saved.values()} == {
            "torch.float16"}
    assert metrics["dev_rows"] == 4 and metrics["dev"]["tone"]["n"] == 4
    card = (out / "README.md").read_text()
    assert "one encoder, two heads" in card and "seed 3" in card
    tone, stance = (TextClassifier.load(str(out), task) for task in TASKS)
    assert tone.model is stance.model  # one model in memory, two heads read from it
    assert tone.positions == [0, 1, 2] and stance.positions == [3, 4, 5]
    frames = predict_tasks([tone, stance], ["we welcome talks"], ["said"])
    assert frames[0]["tone"].iloc[0] in TASKS["tone"] and frames[1]["stance"].iloc[0] in TASKS["stance"]


def test_both_tasks_cost_one_encoder_pass(tiny_models, quotes, tmp_path):
    train_joint(_config(tiny_models, quotes, tmp_path, dev_fraction=0.0))
    tone, stance = (TextClassifier.load(str(tmp_path / "joint"), task, batch_size=4) for task in TASKS)
    calls = []
    forward = tone.model.forward
    tone.model.forward = lambda *a, **k: calls.append(1) or forward(*a, **k)
    try:
        texts = [t for t, *_ in ROWS]
        together = predict_tasks([tone, stance], texts, None)
        assert len(calls) == 3  # 12 texts in batches of 4, once for both heads
        alone = [predict_tasks([model], texts, None)[0] for model in (tone, stance)]
    finally:
        tone.model.forward = forward
    for a, b in zip(together, alone):
        pd.testing.assert_frame_equal(a, b)


def test_calibration_is_fitted_on_dev_and_applied_at_prediction(tiny_models, quotes, tmp_path, monkeypatch):
    import stance.train.multitask as multitask

    monkeypatch.setattr(multitask, "calibrate", lambda *a, **k: {
        "tone": {"temperature": 4.0, "rows": 4, "ece_before": 0.3, "ece_after": 0.1}})
    train_joint(_config(tiny_models, quotes, tmp_path))
    out = str(tmp_path / "joint")
    config = json.loads((tmp_path / "joint" / "config.json").read_text())
    assert config["stance_temperatures"] == {"tone": 4.0}
    tone = TextClassifier.load(out, "tone")
    assert tone.temperature == 4.0 and TextClassifier.load(out, "stance").temperature == 1.0
    logits = tone._logits(["the war will go on"])[:, :3]
    np.testing.assert_allclose(tone.predict_proba(["the war will go on"]), softmax(logits / 4.0), rtol=1e-5)
    assert "| tone | 4.000 | 0.300 | 0.100 |" in (tmp_path / "joint" / "README.md").read_text()


def test_each_task_gets_its_own_prior(tiny_models, quotes, tmp_path):
    config = _config(tiny_models, quotes, tmp_path, prior={"stance": "escalation=1,negotiation=1,neutral=8"},
                     class_weights=())
    train_joint(config)
    out = str(tmp_path / "joint")
    stance = TextClassifier.load(out, "stance")
    assert TextClassifier.load(out, "tone").offsets is None
    # without class weights the model learnt the training quotes' own shares; predictions assume 10/10/80
    learnt = read_sources(config)[0]["stance"].value_counts(normalize=True)[list(TASKS["stance"])].to_numpy()
    np.testing.assert_allclose(stance.offsets, np.log([0.1, 0.1, 0.8]) - np.log(learnt), rtol=1e-5)
    # with class weights it learnt equal shares
    train_joint(replace(config, class_weights=("stance",)))
    np.testing.assert_allclose(TextClassifier.load(out, "stance").offsets, np.log([0.1, 0.1, 0.8]) - np.log(1 / 3),
                               rtol=1e-5)


@pytest.mark.parametrize("finetune, tolerance", [("full", 5e-3), ("lora", 1e-4)])  # full saves float16
def test_init_from_a_one_task_adapter_keeps_its_encoder_and_head(tiny_models, quotes, tmp_path, finetune,
                                                                 tolerance):
    from stance.train.config import DataSource, TrainConfig
    from stance.train.trainer import train

    train(TrainConfig(task="tone", output_dir=str(tmp_path / "tone"), data=(DataSource("table", str(quotes)),),
                      base_model=str(tiny_models["base"]), max_steps=2, batch_size=4, dev_fraction=0.0,
                      learning_rate=1e-2, max_length=32, lora_r=2, save="adapter",
                      lora_target_modules=("query", "value")))
    one = TextClassifier.load(str(tmp_path / "tone"), "tone")
    train_joint(_config(tiny_models, quotes, tmp_path, init_model=str(tmp_path / "tone"), learning_rate=1e-12,
                        head_learning_rate=1e-12,
                        dev_fraction=0.0, data=(JointSource("table", str(quotes)),), finetune=finetune))
    joint = TextClassifier.load(str(tmp_path / "joint"), "tone")
    texts = [t for t, *_ in ROWS]
    np.testing.assert_allclose(joint.predict_proba(texts), one.predict_proba(texts), atol=tolerance)


def test_a_model_saved_over_a_base_it_does_not_fit_is_refused(tiny_models, quotes, tmp_path):
    from safetensors.torch import load_file, save_file

    from stance.errors import ModelError

    train_joint(_config(tiny_models, quotes, tmp_path, dev_fraction=0.0))
    weights = tmp_path / "joint" / "model.safetensors"
    saved = load_file(str(weights))
    save_file({k: v for k, v in saved.items() if not k.startswith("classifier.")}, str(weights))
    with pytest.raises(ModelError, match="do not fit its base"):
        TextClassifier.load(str(tmp_path / "joint"), "tone")


def test_init_from_an_adapter_of_another_rank_is_refused(tiny_models, quotes, tmp_path):
    from stance.train.config import DataSource, TrainConfig
    from stance.train.trainer import train

    train(TrainConfig(task="tone", output_dir=str(tmp_path / "tone"), data=(DataSource("table", str(quotes)),),
                      base_model=str(tiny_models["base"]), max_steps=1, batch_size=4, dev_fraction=0.0,
                      max_length=32, lora_r=4, save="adapter", lora_target_modules=("query", "value")))
    with pytest.raises(ConfigError, match="lora_r"):
        train_joint(_config(tiny_models, quotes, tmp_path, init_model=str(tmp_path / "tone"), finetune="lora"))


def test_which_configs_train_one_model_for_both_tasks(tmp_path):
    joint = tmp_path / "joint.toml"
    joint.write_text('[train]\ntask = "tone+stance"\noutput_dir = "m"\n[[data]]\nkind = "table"\npath = "x.csv"\n')
    single = tmp_path / "single.toml"
    single.write_text('[train]\ntask = "tone"\n')
    assert trains_joint(None, "tone+stance", None) and trains_joint(joint, None, None)
    assert not trains_joint(single, None, None) and not trains_joint(None, "stance", None)
    assert trains_joint(None, None, None)  # plain --data continues the shipped model
    with pytest.raises(ConfigError):
        trains_joint(None, "mood", None)
    config = load_joint_config(joint)
    assert config.output_dir == "m" and config.data[0].path == "x.csv"
    joint.write_text(joint.read_text() + "[stage2]\nepochs = 1\n")
    with pytest.raises(ConfigError, match="one stage"):
        load_joint_config(joint)


def test_train_command_continues_a_joint_model_on_a_labelling_sheet(tiny_models, quotes, tmp_path):
    from typer.testing import CliRunner

    from stance.cli.commands import app

    train_joint(_config(tiny_models, quotes, tmp_path, dev_fraction=0.0))
    sheet = tmp_path / "sheet.csv"
    pd.DataFrame([{"quote_id": f"q{i}", "article_id": doc, "cue": cue, "text": text, "tone": tone,
                   "stance": stance if i % 2 else ""}
                  for i, (text, cue, tone, stance, doc) in enumerate(ROWS)]).to_csv(sheet, index=False)
    out = tmp_path / "mine"
    result = CliRunner().invoke(app, ["train", "--data", str(sheet), "--init-model", str(tmp_path / "joint"),
                                      "-o", str(out), "--max-steps", "2"])
    assert result.exit_code == 0, result.output
    assert "tone: dev accuracy" in result.output and f"model -> {out}" in result.output
    config = json.loads((out / "config.json").read_text())
    assert config["id2label"]["5"] == "stance:neutral" and config["stance_input_format"] == "cue: text"
    refused = CliRunner().invoke(app, ["train", "--data", str(sheet), "--init-model", str(tmp_path / "joint"),
                                       "-o", str(tmp_path / "x"), "--prior", "negative=1,neutral=1,positive=1"])
    assert refused.exit_code == 1 and "per task" in refused.output


def test_one_labelled_article_trains_without_a_dev_set(tiny_models, quotes, tmp_path, caplog):
    one = tmp_path / "one.jsonl"
    pd.read_json(quotes, lines=True).assign(doc_id="only").to_json(one, orient="records", lines=True)
    config = _config(tiny_models, one, tmp_path, data=(JointSource("table", str(one), {"cue": True}, split=True),))
    with caplog.at_level("WARNING", logger="stance.train.multitask"):
        metrics = train_joint(config)
    assert "no dev set" in caplog.text
    assert metrics["dev_rows"] == 0 and metrics["train_rows"] == len(ROWS) and metrics["calibration"] == {}
    assert "Not calibrated" in (tmp_path / "joint" / "README.md").read_text()


def _kl_to(teacher: np.ndarray, model_dir, texts: list[str]) -> float:
    """Mean KL(teacher || model) per task over `texts`, the model's logits at temperature 1."""
    from stance.classifier.model import load_model_and_tokenizer
    from stance.train.joint_eval import joint_logits

    model, tokenizer = load_model_and_tokenizer(str(model_dir), "tone")
    logits = joint_logits(model, tokenizer, texts, 32)
    total = 0.0
    for part in (slice(0, 3), slice(3, 6)):
        p = softmax(logits[:, part].astype(np.float64))
        total += float(np.mean(np.sum(teacher[:, part] * (np.log(teacher[:, part]) - np.log(p)), axis=1)))
    return total


def test_teacher_targets_average_each_tasks_softened_probabilities(tiny_models, quotes, tmp_path):
    from stance.train.distill import teacher_targets

    for seed, name in ((3, "a"), (5, "b")):
        train_joint(_config(tiny_models, quotes, tmp_path, output_dir=str(tmp_path / name), seed=seed))
    texts = ["said: we welcome talks", "warned: we will strike back", "said: we welcome talks"]
    one = teacher_targets((str(tmp_path / "a"),), texts, 2.0, 32)
    both = teacher_targets((str(tmp_path / "a"), str(tmp_path / "b")), texts, 2.0, 32)
    other = teacher_targets((str(tmp_path / "b"),), texts, 2.0, 32)
    assert np.allclose(one[:, :3].sum(axis=1), 1) and np.allclose(one[:, 3:].sum(axis=1), 1)
    assert np.allclose(both, (one + other) / 2, atol=1e-6)
    assert np.allclose(one[0], one[2]) and not np.allclose(one, other)
    softer = teacher_targets((str(tmp_path / "a"),), texts, 8.0, 32)
    assert (softer.max(axis=1) <= one.max(axis=1) + 1e-6).all()  # a higher temperature flattens them


def test_distill_loss_is_zero_only_where_the_model_matches_its_teachers():
    import torch

    from stance.train.distill import distill_loss

    logits = torch.tensor([[1.0, 0.0, -1.0, 0.5, 0.5, 0.0]])
    matching = torch.cat([torch.softmax(logits[:, :3] / 2, -1), torch.softmax(logits[:, 3:] / 2, -1)], dim=1)
    assert float(distill_loss(logits, matching, 2.0)) == pytest.approx(0.0, abs=1e-6)
    assert float(distill_loss(logits, torch.full((1, 6), 1 / 3), 2.0)) > 0.01


def test_a_model_trained_on_its_teacher_moves_towards_it(tiny_models, quotes, tmp_path):
    teacher = tmp_path / "teacher"
    train_joint(_config(tiny_models, quotes, tmp_path, output_dir=str(teacher), seed=5, max_steps=12))
    texts = [f"{cue}: {text}" for text, cue, *_ in ROWS]
    from stance.train.distill import teacher_targets

    target = teacher_targets((str(teacher),), texts, 1.0, 32)
    common = dict(seed=3, max_steps=12, dev_fraction=0.0, calibrate=False, learning_rate=3e-3)
    train_joint(_config(tiny_models, quotes, tmp_path, output_dir=str(tmp_path / "plain"), **common))
    train_joint(_config(tiny_models, quotes, tmp_path, output_dir=str(tmp_path / "student"), teachers=(str(teacher),),
                        distill_weight=1.0, distill_temperature=1.0, **common))
    assert _kl_to(target, tmp_path / "student", texts) < 0.5 * _kl_to(target, tmp_path / "plain", texts)


def test_a_teacher_must_be_a_joint_model(tiny_models, quotes, tmp_path):
    with pytest.raises(ConfigError, match="not a joint tone\\+stance model"):
        train_joint(_config(tiny_models, quotes, tmp_path, teachers=(str(tiny_models["tone"]),)))
    with pytest.raises(ConfigError, match="distill_weight"):
        _config(tiny_models, quotes, tmp_path, teachers=(str(tiny_models["tone"]),), distill_weight=0.0)


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for doc in ("a1", "a2", "a3", "a4", "a5", "a6"):
        (folder / f"{doc}.txt").write_text(
            f"Headline of {doc}\n\nThe minister of {doc} spoke to reporters on Monday morning. "
            f"“We will not stop until the end,” she said in {doc}. Short one. "
            f"Talks on a ceasefire in {doc} were put off again by both of the sides!\n", encoding="utf-8")
    return folder


def test_article_sentences_are_unlabelled_sentences_of_each_article(articles):
    from stance.train.joint_config import article_sentences

    frame = article_sentences(str(articles), 6, 80)
    a1 = frame[frame["group"] == "a1"]["text"].tolist()
    assert a1 == ["The minister of a1 spoke to reporters on Monday morning.",
                  "“We will not stop until the end,” she said in a1.",
                  "Talks on a ceasefire in a1 were put off again by both of the sides!"]  # no headline, no `Short one.`
    assert frame[list(TASKS)].isna().all().all() and frame["group"].nunique() == 6
    with pytest.raises(InputError, match="no sentence"):
        article_sentences(str(articles), 50, 80)


def test_unlabelled_sentences_need_a_teacher_and_never_come_from_dev_articles(tiny_models, quotes, articles,
                                                                             tmp_path):
    source = JointSource("articles", str(articles), {"min_words": 6})
    with pytest.raises(ConfigError, match="teaches only through `teachers`"):
        _config(tiny_models, quotes, tmp_path, data=(JointSource("table", str(quotes), {"cue": True}, split=True),
                                                     source))
    config = _config(tiny_models, quotes, tmp_path, teachers=("unused",),
                     data=(JointSource("table", str(quotes), {"cue": True}, split=True), source))
    train, dev = read_sources(config)
    unlabelled = train[train[list(TASKS)].isna().all(axis=1)]
    assert len(unlabelled) == 3 * 4  # the sentences of the four training articles, three each
    assert set(unlabelled["group"]) == set(train["group"]) - {None} and set(dev["group"]).isdisjoint(
        unlabelled["group"])
    assert len(dev) == 4  # the dev rows are the labelled quotes alone


def _articles_and_quotes(tmp_path):
    """Two articles on disk and a quote table that points into them by offsets."""
    folder = tmp_path / "articles"
    folder.mkdir()
    rows = []
    for doc, (before, quote, after, tone, stance) in enumerate([
            ("The minister, furious, warned that ", "the strikes would go on", ". Nobody replied.", "negative",
             "escalation"),
            ("The envoy said warmly that ", "the talks were going well", ". Then she left.", "positive",
             "negotiation")]):
        text = f"Day {doc}. {before}{quote}{after}"
        (folder / f"d{doc}.txt").write_text(text, encoding="utf-8")
        start = text.index(quote)
        rows.append({"doc_id": f"d{doc}", "start": start, "end": start + len(quote), "text": quote,
                     "cue": "warned" if doc == 0 else "said", "tone": tone, "stance": stance})
    table = tmp_path / "in_articles.jsonl"
    pd.DataFrame(rows).to_json(table, orient="records", lines=True)
    return folder, table


def test_quotes_are_read_with_their_cue_sentence_cut_from_their_article(tmp_path):
    folder, table = _articles_and_quotes(tmp_path)
    read = JointSource("table", str(table), {"cue": True, "context": True, "articles": str(folder)}).read(seed=0)
    assert read["text"].tolist() == ["warned: the strikes would go on [SEP] The minister, furious, warned that ….",
                                     "said: the talks were going well [SEP] The envoy said warmly that …."]
    # a table's own `cue_sentence` column (a `stance score` table's) wins; without either the quote is read alone
    pd.read_json(table, lines=True).assign(cue_sentence=["He said …", None]).to_json(table, orient="records",
                                                                                       lines=True)
    read = JointSource("table", str(table), {"cue": True, "context": True}).read(seed=0)
    assert read["text"].tolist() == ["warned: the strikes would go on [SEP] He said …",
                                     "said: the talks were going well"]


def test_a_model_trained_on_cue_sentences_reads_them_and_says_so(tiny_models, quotes, tmp_path):
    folder, table = _articles_and_quotes(tmp_path)
    source = JointSource("table", str(table), {"cue": True, "context": True, "articles": str(folder)})
    train_joint(_config(tiny_models, quotes, tmp_path, dev_fraction=0.0,
                        data=(JointSource("table", str(quotes), {"cue": True}), source)))
    config = json.loads((tmp_path / "joint" / "config.json").read_text())
    assert config["stance_input_format"] == "cue: text [SEP] context"
    tone = TextClassifier.load(str(tmp_path / "joint"), "tone", max_length=32)
    assert tone.inputs(["talks"], ["said"], ["She said …"]) == ["said: talks [SEP] She said …"]
    assert tone.inputs(["talks"], ["said"], None) == ["said: talks"]
    long_sentence = "She said " + "again and " * 40 + "…"
    fitted = tone.inputs(["talks"], ["said"], [long_sentence])[0]
    assert fitted.startswith("said: talks [SEP] She said again") and len(tone.tokenizer(fitted)["input_ids"]) <= 32
    with_sentence = tone.predict(["talks"], ["said"], ["The envoy said warmly that …"])
    assert not with_sentence.equals(tone.predict(["talks"], ["said"]))
    # a model that reads cue sentences is continued on a sheet's `cue_sentence` column
    from stance.train.joint_config import reads_context

    assert reads_context(str(tmp_path / "joint")) and not reads_context(None)


def test_an_articles_folder_that_is_not_there_is_named(tmp_path):
    _, table = _articles_and_quotes(tmp_path)
    source = JointSource("table", str(table), {"cue": True, "context": True, "articles": str(tmp_path / "nowhere")})
    with pytest.raises(InputError, match="articles folder.*nowhere"):
        source.read(seed=0)
