"""The one labeller every classifying path uses: the pipeline, the batch engines and evaluation."""

from __future__ import annotations

import pandas as pd
import pytest

from stance.classifier.labeller import Labeller, model_label
from stance.config import ClassifyConfig
from stance.schema import LABEL_COLUMNS


@pytest.fixture
def labeller(tiny_models):
    return Labeller.of(ClassifyConfig(tone_model=str(tiny_models["tone"]), stance_model=str(tiny_models["stance"])))


def test_label_frame_labels_the_chosen_rows_and_leaves_the_others_missing(labeller):
    frame = pd.DataFrame({"text": ["We will strike back.", "A headline", "Talks resume."], "cue": ["said", "", "said"],
                          "kind": ["quote", "error", "quote"], "tone": ["stale", "stale", "stale"]})
    labelled = labeller.label_frame(frame, frame["kind"] == "quote")
    assert list(labelled.index) == list(frame.index) and labelled["kind"].tolist() == frame["kind"].tolist()
    assert labelled.loc[[0, 2], "tone"].isin(["negative", "neutral", "positive"]).all()
    assert labelled.loc[1, list(LABEL_COLUMNS)].isna().all()  # the old `tone` column is replaced, not kept
    assert (labelled.loc[[0, 2], "tone_model"] == str(labeller.config.tone_model)).all()


def test_label_gives_the_schemas_label_columns_in_order(labeller):
    labels = labeller.label(["We will strike back."], ["warned"])
    assert list(labels.columns) == list(LABEL_COLUMNS)


def test_of_accepts_a_labeller_a_config_or_the_defaults(labeller):
    assert Labeller.of(labeller) is labeller
    assert Labeller.of(None).config == ClassifyConfig()
    assert model_label("default", "tone").startswith("stance-quotes-minilm@")
