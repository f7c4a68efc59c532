"""Fine-tuning round trips on a tiny model and table, the training config, and the corpus readers."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from stance.classifier.model import TextClassifier
from stance.config import load_extract_config
from stance.errors import ConfigError, InputError
from stance.train.config import DataSource, TrainConfig, load_train_config
from stance.train.corpora import cameo_stance, labelled_table, newsmtsc
from stance.train.trainer import read_labelled, split_dev, train

ROWS = [
    ("We will strike back with more weapons.", "escalation"),
    ("More sanctions and more attacks now.", "escalation"),
    ("We must never negotiate with them.", "escalation"),
    ("The war will go on until we win.", "escalation"),
    ("We welcome talks and a ceasefire.", "negotiation"),
    ("Peace talks are the way forward.", "negotiation"),
    ("We hope to negotiate a ceasefire soon.", "negotiation"),
    ("Both sides support peace negotiations.", "negotiation"),
    ("The minister said the meeting is in May.", "neutral"),
    ("The president is in Kyiv this week.", "neutral"),
    ("The report is on the table.", "neutral"),
    ("He said the train was late.", "neutral"),
]


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "labelled.csv"
    pd.DataFrame({"id": [f"s{i}" for i in range(len(ROWS))], "text": [t for t, _ in ROWS],
                  "stance": [s for _, s in ROWS]}).to_csv(path, index=False)
    return path


def _config(tiny_models, table, tmp_path, **changes) -> TrainConfig:
    settings = dict(task="stance", output_dir=str(tmp_path / "model"), data=(DataSource("table", str(table)),),
                    base_model=str(tiny_models["base"]), max_steps=4, batch_size=4, dev_fraction=0.25,
                    learning_rate=1e-3, max_length=32, seed=7)
    settings.update(changes)
    return TrainConfig(**settings)


def test_train_save_reload_predict_full_model(tiny_models, table, tmp_path):
    metrics = train(_config(tiny_models, table, tmp_path))
    out = tmp_path / "model"
    assert (out / "model.safetensors").exists() and not list(out.glob("*.bin"))
    config = json.loads((out / "config.json").read_text())
    assert config["id2label"] == {"0": "escalation", "1": "negotiation", "2": "neutral"}
    assert metrics["train_rows"] == 9 and metrics["dev_rows"] == 3
    card = (out / "README.md").read_text()
    assert "seed 7" in card and "macro-F1" in card and "stance classifier" in card
    clf = TextClassifier.load(str(out), "stance")
    frame = clf.predict(["We welcome talks.", "More weapons now."])
    assert set(frame["stance"]) <= {"escalation", "negotiation", "neutral"}

    from transformers import pipeline

    pipe = pipeline("text-classification", model=str(out), device="cpu")
    assert pipe("We welcome talks.")[0]["label"] in {"escalation", "negotiation", "neutral"}


def test_training_is_reproducible_with_a_seed(tiny_models, table, tmp_path):
    first = train(_config(tiny_models, table, tmp_path / "a", output_dir=str(tmp_path / "a")))
    second = train(_config(tiny_models, table, tmp_path / "b", output_dir=str(tmp_path / "b")))
    a = TextClassifier.load(str(tmp_path / "a"), "stance").predict_proba([t for t, _ in ROWS])
    b = TextClassifier.load(str(tmp_path / "b"), "stance").predict_proba([t for t, _ in ROWS])
    assert first["dev"]["macro_f1"] == second["dev"]["macro_f1"]
    assert abs(a - b).max() < 1e-5


def test_train_lora_adapter_is_small_and_reloads(tiny_models, table, tmp_path):
    train(_config(tiny_models, table, tmp_path, lora_r=2, save="adapter",
                  lora_target_modules=("query", "value")))
    out = tmp_path / "model"
    assert (out / "adapter_model.safetensors").exists() and not (out / "model.safetensors").exists()
    adapter = json.loads((out / "adapter_config.json").read_text())
    assert adapter["base_model_name_or_path"] == str(tiny_models["base"])
    probs = TextClassifier.load(str(out), "stance").predict_proba(["We welcome talks."])
    assert probs.shape == (1, 3)


def test_class_weights_weigh_the_loss(tiny_models, table, tmp_path):
    import torch
    from transformers import AutoModelForSequenceClassification, TrainingArguments

    from stance.train.trainer import WeightedTrainer

    model = AutoModelForSequenceClassification.from_pretrained(str(tiny_models["stance"]))
    weights = torch.tensor([3.0, 1.0, 0.5])
    arguments = TrainingArguments(output_dir=str(tmp_path / "trainer"), report_to=[])
    trainer = WeightedTrainer(model=model, args=arguments, class_weights=weights)
    inputs = {"input_ids": torch.tensor([[2, 10, 3], [2, 11, 3]]), "attention_mask": torch.ones(2, 3, dtype=torch.long)}
    labels = torch.tensor([0, 2])
    loss = trainer.compute_loss(model, {**inputs, "labels": labels})
    logits = model(**inputs).logits
    expected = torch.nn.functional.cross_entropy(logits, labels, weight=weights)
    unweighted = torch.nn.functional.cross_entropy(logits, labels)
    assert torch.allclose(loss, expected) and not torch.allclose(loss, unweighted)
    metrics = train(_config(tiny_models, table, tmp_path, class_weights=True))
    assert metrics["train_rows"] == 9


def test_retraining_into_the_same_folder_replaces_the_model(tiny_models, table, tmp_path):
    train(_config(tiny_models, table, tmp_path, lora_r=2, save="adapter", lora_target_modules=("query",)))
    train(_config(tiny_models, table, tmp_path))
    out = tmp_path / "model"
    assert not (out / "adapter_config.json").exists() and (out / "model.safetensors").exists()


def test_blank_labels_are_not_training_rows(tmp_path):
    path = tmp_path / "t.csv"
    pd.DataFrame({"text": ["a", "b", "c"], "stance": ["escalation", "", "neutral"]}).to_csv(path, index=False)
    assert labelled_table(path, "stance")["label"].tolist() == ["escalation", "neutral"]


def test_train_command_round_trip(tiny_models, table, tmp_path):
    from typer.testing import CliRunner

    from stance.cli.commands import app

    out = tmp_path / "cli_model"
    result = CliRunner().invoke(app, ["train", "--task", "stance", "--data", str(table), "-o", str(out),
                                      "--base-model", str(tiny_models["base"]), "--max-steps", "2"])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output
    assert TextClassifier.load(str(out), "stance").predict(["Talks now."]).shape[0] == 1


def test_train_command_continues_a_model(tiny_models, table, tmp_path):
    from typer.testing import CliRunner

    from stance.cli.commands import app

    out = tmp_path / "continued"
    result = CliRunner().invoke(app, ["train", "--task", "stance", "--data", str(table), "-o", str(out),
                                      "--init-model", str(tiny_models["stance"]), "--max-steps", "2"])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output and f"model -> {out}" in result.output
    assert json.loads((out / "config.json").read_text())["id2label"]["0"] == "escalation"
    mixed = CliRunner().invoke(app, ["train", "--task", "stance", "--data", str(table), "-o", str(tmp_path / "mixed"),
                                     "--init-model", str(tiny_models["stance"]), "--max-steps", "2",
                                     "--interpolation", "0.5"])
    assert mixed.exit_code == 0, mixed.output
    assert "0.5 × the trained weights" in (tmp_path / "mixed" / "README.md").read_text()
    refused = CliRunner().invoke(app, ["train", "--task", "stance", "--data", str(table), "-o", str(tmp_path / "x"),
                                       "--init-model", str(tiny_models["tone"]), "--max-steps", "2"])
    assert refused.exit_code != 0 and "labels" in refused.output


def test_a_table_without_the_task_column_is_refused(tmp_path):
    path = tmp_path / "t.csv"
    pd.DataFrame({"text": ["a"], "tone": ["neutral"]}).to_csv(path, index=False)
    with pytest.raises(InputError, match="`stance`"):
        labelled_table(path, "stance")


def test_labels_outside_the_task_are_refused(tiny_models, tmp_path):
    path = tmp_path / "t.csv"
    pd.DataFrame({"text": ["a", "b"], "stance": ["escalation", "angry"]}).to_csv(path, index=False)
    with pytest.raises(InputError, match="angry"):
        train(_config(tiny_models, path, tmp_path))


def test_load_train_config_from_toml(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[train]\ntask = "tone"\noutput_dir = "m"\nepochs = 2\n\n'
                    '[[data]]\nkind = "newsmtsc"\npath = "x.jsonl"\n\n[[data]]\nkind = "ngec"\npath = "y.zip"\n'
                    'per_class = 5\n', encoding="utf-8")
    config = load_train_config(path, seed=3)
    assert config.task == "tone" and config.epochs == 2 and config.seed == 3
    assert config.data[1] == DataSource("ngec", "y.zip", {"per_class": 5})


@pytest.mark.parametrize("body, message", [
    ('[train]\ntask = "tone"\noutput_dir = "m"\n', "`data` is required"),
    ('[train]\ntask = "mood"\noutput_dir = "m"\n[[data]]\nkind = "table"\npath = "x"\n', "unknown task"),
    ('[train]\ntask = "tone"\noutput_dir = "m"\n[[data]]\nkind = "tweets"\npath = "x"\n', "unknown data kind"),
    ('[train]\ntask = "tone"\noutput_dir = "m"\nbatch = 3\n[[data]]\nkind = "table"\npath = "x"\n', "unknown key"),
    ('[train]\ntask = "tone"\noutput_dir = "m"\nsave = "adapter"\n[[data]]\nkind = "table"\npath = "x"\n',
     "lora_r"),
])
def test_bad_train_configs_name_the_problem(tmp_path, body, message):
    path = tmp_path / "t.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_train_config(path)


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b"PAR1\x8a\x00\xff"), r"t\.toml is not UTF-8 text \(byte 4\); expected a TOML file"),
    (lambda p: p.mkdir(), "is a folder, expected a TOML file"),
    (lambda p: None, "config file not found"),
    (lambda p: p.write_text("[train\n", encoding="utf-8"), "is not valid TOML"),
])
def test_unreadable_config_files_are_config_errors(tmp_path, make, message):
    path = tmp_path / "t.toml"
    make(path)
    with pytest.raises(ConfigError, match=message):
        load_train_config(path)
    with pytest.raises(ConfigError, match=message):
        load_extract_config(path)


@pytest.mark.parametrize("kind, content, message", [
    ("newsmtsc", b"\xff\xfe{}", r"not UTF-8 text \(byte 0\); expected newsmtsc data"),
    ("newsmtsc", b'{"sentence_normalized": "x"\n', r"cannot read as newsmtsc data \(JSONDecodeError"),
    ("plover", b'{"text": "x"}', r"cannot read as plover data"),
    ("ngec", b"not a zip", r"cannot read as ngec data \(BadZipFile"),
    ("cameo", b"code,example\n010,They said so\n", r"missing column\(s\) pentaclass, proposed_axis"),
])
def test_a_corpus_its_reader_cannot_parse_is_named(tmp_path, kind, content, message):
    path = tmp_path / "corpus.data"
    path.write_bytes(content)
    with pytest.raises(InputError, match=rf"corpus\.data: .*{message}"):
        DataSource(kind, str(path)).read("stance")


def test_split_dev_is_stratified_and_disjoint():
    frame = pd.DataFrame({"text": [f"t{i}" for i in range(40)], "label": ["a"] * 30 + ["b"] * 10, "origin": "x"})
    train_part, dev = split_dev(frame, 0.2, seed=1)
    assert dev["label"].value_counts().to_dict() == {"a": 6, "b": 2}
    assert not set(train_part["text"]) & set(dev["text"]) and len(train_part) + len(dev) == 40


def test_newsmtsc_keeps_sentences_whose_targets_agree(tmp_path):
    path = tmp_path / "n.jsonl"
    lines = [
        {"sentence_normalized": "A praised B.", "targets": [{"polarity": 6.0}, {"polarity": 6.0}]},
        {"sentence_normalized": "A hit B.", "targets": [{"polarity": 2.0}, {"polarity": 6.0}]},
        {"sentence_normalized": "A met B.", "targets": [{"polarity": 4.0}]},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    frame = newsmtsc(path)
    assert frame[["text", "label"]].values.tolist() == [["A praised B.", "positive"], ["A met B.", "neutral"]]


@pytest.mark.parametrize("code, penta, axis, expected", [
    ("036", "1", "negotiation", "negotiation"),   # the proposed axis wins where it says something
    ("138", "3", "escalation", "escalation"),
    ("051", "1", "other", "negotiation"),         # verbal cooperation: praise, intent to cooperate
    ("111", "3", "other", "escalation"),          # criticism, accusation
    ("1042", "3", "other", "escalation"),         # demands
    ("091", "3", "other", "neutral"),             # investigations
    ("010", "0", "other", "neutral"),             # plain statements
    ("073", "2", "other", "neutral"),             # material cooperation reports
])
def test_cameo_stance_mapping(code, penta, axis, expected):
    assert cameo_stance(code, penta, axis) == expected


@pytest.mark.parametrize("code, axis", [("190", "escalation"), ("1831", "escalation"), ("173", "escalation")])
def test_reports_of_force_already_used_are_neutral_whatever_the_axis(code, axis):
    assert cameo_stance(code, "4", axis) == "neutral"


def test_ngec_stories_are_labelled_by_event_and_mode(tmp_path):
    import zipfile

    from stance.train.corpora import ngec_synthetic

    stories = [("THREATEN", "", "Country A threatened to strike Country B. More followed."),
               ("ASSAULT", "", "Troops shelled the town on Monday. Two died."),
               ("REQUEST", "MEET", "The envoy asked both sides to meet in Geneva. Talks may follow."),
               ("REQUEST", "ASSIST", "The mayor asked for money. Nothing came."),
               ("ACCUSE", "INVESTIGATE", "Inspectors opened an inquiry into the blast. It may take weeks."),
               ("ACCUSE", "ALLEGE", "The minister accused the rebels of sabotage. They denied it.")]
    body = "text,label,mode\n" + "".join(f'"{t}",{label},{mode}\n' for label, mode, t in stories)
    path = tmp_path / "ngec.csv.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("stories.csv", body)
    frame = ngec_synthetic(path, per_class=10, sentences=1)
    labels = dict(zip(frame["text"], frame["label"]))
    assert labels == {"Country A threatened to strike Country B.": "escalation",
                      "Troops shelled the town on Monday.": "neutral",        # a report of force used
                      "The envoy asked both sides to meet in Geneva.": "negotiation",
                      "Inspectors opened an inquiry into the blast.": "neutral",  # an investigation
                      "The minister accused the rebels of sabotage.": "escalation"}  # the request for money: left out


def test_a_model_trained_with_cues_reads_quotes_with_their_cue(tiny_models, tmp_path):
    path = tmp_path / "quotes.jsonl"
    rows = [{"text": t, "cue": cue, "stance": s} for (t, s), cue in zip(ROWS, ["said", "warned", "praised"] * 4)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert labelled_table(path, "stance", cue=True)["text"][1] == "warned: More sanctions and more attacks now."
    config = _config(tiny_models, path, tmp_path, data=(DataSource("table", str(path), {"cue": True}),))
    train(config)
    clf = TextClassifier.load(str(tmp_path / "model"), "stance")
    assert clf.input_format == "cue: text"
    with_cue = clf.predict(["talks now"], cues=["praised"])
    plain = clf.predict(["talks now"])
    assert not with_cue.equals(plain)
    assert clf.predict(["talks now"], cues=[""]).equals(plain)  # no cue: the quote alone


def test_a_model_trained_without_cues_ignores_them(tiny_models):
    clf = TextClassifier.load(str(tiny_models["stance"]), "stance")
    assert clf.input_format == "text"
    assert clf.predict(["talks now"], cues=["praised"]).equals(clf.predict(["talks now"]))


def _weights(directory):
    from safetensors.numpy import load_file

    return load_file(str(directory / "adapter_model.safetensors"))


def test_init_model_continues_an_adapter_and_its_head(tiny_models, table, tmp_path):
    adapter = dict(lora_r=2, save="adapter", lora_target_modules=("query", "value"))
    train(_config(tiny_models, table, tmp_path, output_dir=str(tmp_path / "first"), **adapter))
    texts = [t for t, _ in ROWS]
    before = TextClassifier.load(str(tmp_path / "first"), "stance").predict_proba(texts)
    # With a learning rate of ~0 the continued model is the first one: its adapter and head were loaded.
    metrics = train(_config(tiny_models, table, tmp_path, output_dir=str(tmp_path / "still"), learning_rate=1e-12,
                            init_model=str(tmp_path / "first"), dev_fraction=0.0, **adapter))
    assert metrics["dev"] is None and metrics["dev_rows"] == 0 and metrics["train_rows"] == len(ROWS)
    assert abs(TextClassifier.load(str(tmp_path / "still"), "stance").predict_proba(texts) - before).max() < 1e-4
    # With a real learning rate it goes on learning, head included.
    train(_config(tiny_models, table, tmp_path, output_dir=str(tmp_path / "second"), learning_rate=1e-2,
                  init_model=str(tmp_path / "first"), dev_fraction=0.0, **adapter))
    first, second = _weights(tmp_path / "first"), _weights(tmp_path / "second")
    assert first.keys() == second.keys()
    changed = [name for name in first if abs(first[name] - second[name]).max() > 0]
    assert any("classifier" in name for name in changed) and any("lora_B" in name for name in changed)
    assert "No dev set" in (tmp_path / "second" / "README.md").read_text()


def _merged(path) -> dict:
    """The model's weights as it predicts with them (an adapter merged into its base)."""
    return {k: v.clone() for k, v in TextClassifier.load(str(path), "stance").model.state_dict().items()}


@pytest.mark.parametrize("save", ["adapter", "full"])
def test_interpolation_mixes_the_trained_weights_with_the_ones_it_continued(tiny_models, table, tmp_path, save):
    import torch

    lora = dict(lora_r=2, lora_target_modules=("query", "value"))
    train(_config(tiny_models, table, tmp_path, output_dir=str(tmp_path / "first"), save="adapter", **lora))
    go_on = dict(init_model=str(tmp_path / "first"), dev_fraction=0.0, learning_rate=1e-2, save=save, **lora)
    train(_config(tiny_models, table, tmp_path, output_dir=str(tmp_path / "trained"), **go_on))
    train(_config(tiny_models, table, tmp_path, output_dir=str(tmp_path / "mixed"), interpolation=0.25, **go_on))
    first, trained, mixed = (_merged(tmp_path / name) for name in ("first", "trained", "mixed"))
    assert any(not torch.allclose(first[k], trained[k]) for k in first)  # training moved the weights
    for k in first:
        assert torch.allclose(mixed[k], 0.25 * trained[k] + 0.75 * first[k], atol=1e-5), k
    if save == "adapter":  # both adapters' ranks, stacked, at the same alpha / r
        adapter = json.loads((tmp_path / "mixed" / "adapter_config.json").read_text())
        assert adapter["r"] == 4 and adapter["lora_alpha"] / adapter["r"] == 32 / 2
    assert "0.25 × the trained weights + 0.75 ×" in (tmp_path / "mixed" / "README.md").read_text()


def test_interpolation_needs_a_model_to_mix_with(tiny_models, table, tmp_path):
    with pytest.raises(ConfigError, match=r"interpolation must be in \(0, 1\]"):
        _config(tiny_models, table, tmp_path, interpolation=1.5)
    with pytest.raises(ConfigError, match="no init_model"):
        train(_config(tiny_models, table, tmp_path, interpolation=0.5))
    with pytest.raises(ConfigError, match="needs an adapter init_model"):
        train(_config(tiny_models, table, tmp_path, interpolation=0.5, init_model=str(tiny_models["stance"]),
                      lora_r=2, save="adapter"))
    assert not (tmp_path / "model").exists()  # refused before training


def test_init_model_with_other_labels_is_refused(tiny_models, table, tmp_path):
    with pytest.raises(ConfigError, match="labels"):
        train(_config(tiny_models, table, tmp_path, init_model=str(tiny_models["tone"])))
    with pytest.raises(ConfigError, match="not a model directory"):
        train(_config(tiny_models, table, tmp_path, init_model=str(tmp_path)))


def test_a_two_stage_config_trains_the_second_stage_from_the_first(tiny_models, table, tmp_path):
    extra = tmp_path / "domain.csv"
    pd.DataFrame({"text": ["Strike them harder.", "Let us talk.", "The bus is red."],
                  "stance": ["escalation", "negotiation", "neutral"]}).to_csv(extra, index=False)
    path = tmp_path / "two.toml"
    path.write_text(f"""
[train]
task = "stance"
output_dir = "{tmp_path / 'model'}"
base_model = "{tiny_models['base']}"
max_steps = 3
batch_size = 4
dev_fraction = 0.25
max_length = 32
lora_r = 2
lora_target_modules = ["query", "value"]
save = "adapter"

[[data]]
kind = "table"
path = "{table}"

[stage2]
max_steps = 2
learning_rate = 1e-3
dev_fraction = 0.0
interpolation = 0.5
prior = "{extra}"

[[stage2.data]]
kind = "table"
path = "{extra}"
licence = "our own labels, train OK"
""")
    config = load_train_config(path)
    assert config.stage2.task == "stance" and config.stage2.lora_r == 2 and config.stage2.max_steps == 2
    assert config.stage2.output_dir == config.output_dir and config.stage2.data[0].licence.startswith("our own")
    assert config.stage2.interpolation == 0.5 and config.interpolation == 1.0  # a stage-2 setting only
    assert config.stage2.prior == str(extra) and config.prior is None
    metrics = train(config)
    assert metrics["stage1"]["dev_rows"] == 3 and metrics["train_rows"] == 3 and metrics["dev"] is None
    assert (tmp_path / "model.stage1" / "adapter_model.safetensors").exists()
    card = (tmp_path / "model" / "README.md").read_text()
    assert "Stage 1" in card and "Stage 2" in card and "our own labels, train OK" in card
    assert "0.5 × the trained weights + 0.5 × stage 1's" in card
    assert _weights(tmp_path / "model").keys() == _weights(tmp_path / "model.stage1").keys()
    assert json.loads((tmp_path / "model" / "config.json").read_text())["stance_label_prior"] == \
        pytest.approx({"escalation": 1 / 3, "negotiation": 1 / 3, "neutral": 1 / 3})
    assert "stance_label_prior" not in json.loads((tmp_path / "model.stage1" / "config.json").read_text())


def test_a_stage2_table_needs_data(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[train]\ntask = "tone"\noutput_dir = "x"\n[[data]]\nkind = "table"\npath = "t.csv"\n'
                    '[stage2]\nepochs = 1\n')
    with pytest.raises(ConfigError, match="stage2"):
        load_train_config(path)


def _skewed_table(path, counts=(("escalation", 1), ("negotiation", 1), ("neutral", 2))):
    labels = [label for label, count in counts for _ in range(count)]
    pd.DataFrame({"text": [f"statement {i}" for i in range(len(labels))], "stance": labels}).to_csv(path, index=False)
    return path


@pytest.mark.parametrize("save", ["full", "adapter"])
def test_training_records_the_label_prior_it_is_given(tiny_models, table, tmp_path, save):
    import numpy as np

    prior = _skewed_table(tmp_path / "prior.csv")
    lora = dict(lora_r=2, lora_target_modules=("query", "value")) if save == "adapter" else {}
    out = tmp_path / "weighted"
    train(_config(tiny_models, table, tmp_path, output_dir=str(out), prior=str(prior), class_weights=True,
                  save=save, **lora))
    config = json.loads((out / "config.json").read_text())
    assert config["stance_label_prior"] == {"escalation": 0.25, "negotiation": 0.25, "neutral": 0.5}
    assert config["stance_trained_prior"] == pytest.approx({"escalation": 1 / 3, "negotiation": 1 / 3,
                                                            "neutral": 1 / 3})  # class weights teach equal shares
    assert "Label prior: predictions assume the class shares escalation 0.250" in (out / "README.md").read_text()
    np.testing.assert_allclose(TextClassifier.load(str(out), "stance").offsets, np.log([0.75, 0.75, 1.5]),
                               rtol=1e-6)


def test_without_class_weights_the_learnt_shares_are_the_training_rows(tiny_models, table, tmp_path):
    metrics = train(_config(tiny_models, table, tmp_path, prior="escalation=1,negotiation=1,neutral=2"))
    config = json.loads((tmp_path / "model" / "config.json").read_text())
    counts = metrics["train_label_counts"]
    assert config["stance_trained_prior"] == pytest.approx({k: v / sum(counts.values()) for k, v in counts.items()})
    assert config["stance_label_prior"] == {"escalation": 0.25, "negotiation": 0.25, "neutral": 0.5}


def test_a_prior_is_not_carried_over_from_the_model_training_continues(tiny_models, table, tmp_path):
    train(_config(tiny_models, table, tmp_path, output_dir=str(tmp_path / "first"), prior="escalation=1,"
                  "negotiation=1,neutral=2"))
    train(_config(tiny_models, table, tmp_path, output_dir=str(tmp_path / "next"), init_model=str(tmp_path / "first")))
    config = json.loads((tmp_path / "next" / "config.json").read_text())
    assert "stance_label_prior" not in config and "stance_trained_prior" not in config
    assert TextClassifier.load(str(tmp_path / "next"), "stance").offsets is None


def test_a_prior_of_none_records_none(tiny_models, table, tmp_path):
    train(_config(tiny_models, table, tmp_path, prior="none"))
    assert "stance_label_prior" not in json.loads((tmp_path / "model" / "config.json").read_text())


def test_bad_priors_are_refused_before_training(tiny_models, table, tmp_path):
    with pytest.raises(ConfigError, match="needs a share for each stance label"):
        _config(tiny_models, table, tmp_path, prior={"escalation": 1, "neutral": 1})
    with pytest.raises(ConfigError, match="is not a file"):
        train(_config(tiny_models, table, tmp_path, prior=str(tmp_path / "missing.csv")))
    lacking = _skewed_table(tmp_path / "lacking.csv", (("escalation", 2), ("neutral", 2)))
    with pytest.raises(ConfigError, match=r"has no stance label\(s\) \['negotiation'\]"):
        train(_config(tiny_models, table, tmp_path, prior=str(lacking)))
    with pytest.raises(InputError, match="no 'negotiation' label"):  # the model never learnt the class
        train(_config(tiny_models, lacking, tmp_path, prior="escalation=1,negotiation=1,neutral=1", dev_fraction=0))
    assert not (tmp_path / "model").exists()


def test_train_command_takes_a_prior(tiny_models, table, tmp_path):
    from typer.testing import CliRunner

    from stance.cli.commands import app

    out = tmp_path / "cli_model"
    result = CliRunner().invoke(app, ["train", "--task", "stance", "--data", str(table), "-o", str(out),
                                      "--base-model", str(tiny_models["base"]), "--max-steps", "2",
                                      "--prior", "escalation=0.2,negotiation=0.1,neutral=0.7"])
    assert result.exit_code == 0, result.output
    assert json.loads((out / "config.json").read_text())["stance_label_prior"] == \
        pytest.approx({"escalation": 0.2, "negotiation": 0.1, "neutral": 0.7})
    refused = CliRunner().invoke(app, ["train", "--task", "stance", "--data", str(table), "-o", str(tmp_path / "x"),
                                       "--base-model", str(tiny_models["base"]), "--prior", "escalation=1"])
    assert refused.exit_code == 1 and "needs a share for each stance label" in refused.output


@pytest.fixture
def pickled_model(tiny_models, tmp_path):
    """A model directory whose weights are only a pickled `pytorch_model.bin`."""
    import shutil

    import torch
    from safetensors.torch import load_file

    directory = tmp_path / "pickled"
    shutil.copytree(tiny_models["stance"], directory)
    torch.save(load_file(directory / "model.safetensors"), directory / "pytorch_model.bin")
    (directory / "model.safetensors").unlink()
    assert (directory / "pytorch_model.bin").exists() and not (directory / "model.safetensors").exists()
    return directory


@pytest.mark.parametrize("option", ["--base-model", "--init-model"])
def test_train_refuses_a_model_without_safetensors_weights(pickled_model, table, tmp_path, option):
    from typer.testing import CliRunner

    from stance.cli.commands import app

    result = CliRunner().invoke(app, ["train", "--task", "stance", "--data", str(table), "-o", str(tmp_path / "m"),
                                      option, str(pickled_model), "--max-steps", "1"])
    assert result.exit_code == 1, result.output
    assert f"{pickled_model} has no model.safetensors" in result.stderr
    assert "pytorch_model.bin" in result.stderr and "Traceback" not in result.output


def test_a_classifier_without_safetensors_weights_is_refused(pickled_model):
    from stance.errors import ModelError

    with pytest.raises(ModelError, match="has no model.safetensors"):
        TextClassifier.load(str(pickled_model), "stance")


def test_the_card_states_the_command_base_and_model_continued(tiny_models, tmp_path):
    from typer.testing import CliRunner

    from stance.cli.commands import app

    # Two of the three labels: the dev rows can hold no negotiation quote.
    rows = [r for r in ROWS if r[1] != "negotiation"] * 2
    mine = tmp_path / "mine.csv"
    pd.DataFrame({"id": range(len(rows)), "text": [f"{t} {i}" for i, (t, _) in enumerate(rows)],
                  "stance": [s for _, s in rows]}).to_csv(mine, index=False)
    out = tmp_path / "continued"
    result = CliRunner().invoke(app, ["train", "--task", "stance", "--data", str(mine), "-o", str(out),
                                      "--init-model", str(tiny_models["stance"]), "--max-steps", "2"])
    assert result.exit_code == 0, result.output
    card = (out / "README.md").read_text()
    assert (f"Reproduce: `stance train --task stance --data {mine} --output {out} --init-model "
            f"{tiny_models['stance']} --max-steps 2`.") in card
    assert f"Continued from: `{tiny_models['stance']}`" in card
    assert f"Base: the full model `{tiny_models['stance']}`, its weights continued." in card
    assert f"base_model: {tiny_models['stance']}\n" in card and "(all-MiniLM-L6-v2, Apache-2.0)" not in card
    assert "tags: [stance]\n" in card
    assert "Saved as: a full model (safetensors).\n" in card
    assert "over the 2 classes in the dev rows (negotiation: none in the dev rows)" in card


def test_saved_weights_take_the_users_umask(tiny_models, table, tmp_path):
    import os

    previous = os.umask(0o027)
    try:
        train(_config(tiny_models, table, tmp_path, save="adapter", lora_r=4))
    finally:
        os.umask(previous)
    assert (tmp_path / "model" / "adapter_model.safetensors").stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "model" / "config.json").stat().st_mode & 0o777 == 0o640


def test_train_reads_a_labelled_dataset_directory(tmp_path):
    import datasets

    path = tmp_path / "labelled.hf"
    datasets.Dataset.from_dict({"text": [t for t, _ in ROWS], "stance": [s for _, s in ROWS]}).save_to_disk(str(path))
    rows = read_labelled((DataSource("table", str(path)),), "stance")
    assert rows[["text", "label"]].values.tolist() == [list(r) for r in ROWS]
