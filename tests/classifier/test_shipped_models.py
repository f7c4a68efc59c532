"""The shipped default models, end to end: they load offline, label clear statements the way LABELS.md
says, and agree with most of the seed article's gold labels."""

from __future__ import annotations

import json

import numpy as np
import pytest

import stance
from stance.classifier.model import MODELS_DIR, load_classifier
from stance.train.joint_config import joint_labels, trains_on


@pytest.fixture(scope="module")
def tone():
    return load_classifier("default", "tone")


@pytest.fixture(scope="module")
def stance_model():
    return load_classifier("default", "stance")


def test_the_shipped_model_is_one_small_safetensors_model_with_two_heads():
    folder = MODELS_DIR / "quotes"
    assert (folder / "model.safetensors").exists() and not list(MODELS_DIR.glob("**/*.bin"))
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    assert config["stance_base_model"]  # fully fine-tuned weights over the named encoder's embeddings
    assert [config["id2label"][str(i)] for i in range(6)] == joint_labels()
    assert config["stance_input_format"] == "cue: text"
    assert set(config["stance_temperatures"]) == {"tone", "stance"}
    card = (folder / "README.md").read_text(encoding="utf-8")
    for section in ("## Data", "## Calibration", "## Benchmarks", "seed 13", "ECE"):
        assert section in card
    everything = sum(p.stat().st_size for p in MODELS_DIR.glob("**/*") if p.is_file())
    assert everything < 25 * 2**20


def test_the_shipped_model_records_what_its_recipe_names(monkeypatch):
    from stance.config import CONFIG_DIR
    from stance.train.joint_config import load_joint_config
    from stance.train.multitask import _prior

    monkeypatch.chdir(CONFIG_DIR.parent)  # the recipe's paths are relative to the repository root
    recipe = load_joint_config(CONFIG_DIR / "quotes.toml")
    config = json.loads((MODELS_DIR / "quotes" / "config.json").read_text(encoding="utf-8"))
    recorded = config.get("stance_label_priors") or {}
    assert sorted(recorded) == sorted(recipe.prior)
    for task, value in recipe.prior.items():
        assert recorded[task] == pytest.approx(_prior(value, task))
    assert not trains_on(recipe, CONFIG_DIR.parent.parent / "shared" / "data" / "urw_articles.gold.jsonl",
                         CONFIG_DIR.parent)  # the gold war quotes stay held out


def test_both_tasks_share_one_model_in_memory(tone, stance_model):
    assert tone.model is stance_model.model


@pytest.mark.parametrize("text, expected", [
    ("This was a brilliant, heroic operation and I am proud of our soldiers.", "positive"),
    ("It is a disgraceful, barbaric attack on innocent civilians and we condemn it.", "negative"),
    ("The delegation will arrive in Geneva on Tuesday for the second round of meetings.", "neutral"),
])
def test_tone_of_clear_statements(tone, text, expected):
    assert tone.predict([text])["tone"].item() == expected


@pytest.mark.parametrize("text, more, less", [
    ("We will strike back harder and send more missiles until the enemy is destroyed.", "escalation", "negotiation"),
    ("Both sides agreed to a ceasefire and will resume peace talks next week.", "negotiation", "escalation"),
])
def test_stance_of_clear_statements(stance_model, text, more, less):
    frame = stance_model.predict([text])
    assert frame[f"stance_{more}"].item() > frame[f"stance_{less}"].item()


@pytest.fixture(scope="module")
def seed_scored(request):
    from conftest import REPO_ROOT, SEED_ID

    return stance.score(REPO_ROOT / "seeds" / f"{SEED_ID}.txt"), REPO_ROOT / "seeds" / f"{SEED_ID}.gold.jsonl"


def _agreement(frame, gold_path, task: str) -> tuple[int, int]:
    """(agreeing, matched): gold quotes whose overlapping predicted quote has the gold label."""
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    agree = matched = 0
    for quote in gold:
        overlapping = frame[(frame["start"] < quote["end"]) & (frame["end"] > quote["start"])]
        if overlapping.empty:
            continue
        matched += 1
        agree += overlapping.iloc[0][task] == quote[task]
    return agree, matched


def test_score_the_seed_with_the_shipped_models(seed_scored):
    frame, gold_path = seed_scored
    assert frame["tone_model"].unique().tolist() == ["stance-quotes-minilm@" + stance.__version__]
    probs = frame[["tone_negative", "tone_neutral", "tone_positive"]].to_numpy()
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    agree, matched = _agreement(frame, gold_path, "tone")
    assert matched >= 19
    assert agree / matched > 0.5  # most of the gold tone labels


def test_most_seed_stance_labels_agree_with_gold(seed_scored):
    frame, gold_path = seed_scored
    agree, matched = _agreement(frame, gold_path, "stance")
    assert agree / matched > 0.5
