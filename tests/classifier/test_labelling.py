"""The labelling sheet: most uncertain quotes first, empty or prefilled label columns, read back by train."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from stance.classifier.labelling import labelling_sheet, uncertainty
from stance.cli.commands import app
from stance.errors import InputError
from stance.train.config import DataSource
from stance.train.trainer import read_labelled


def _scored() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["a", "a", "b"], "quote_id": ["a:0-5", "a:9-20", "b:3-8"], "start": [0, 9, 3],
        "end": [5, 20, 8], "text": ["We will strike.", "Talks may help.", "It rained."], "cue": ["said"] * 3,
        "speaker": ["X", "Y", "Z"], "cue_sentence": ["X said “…”", "Y said …", ""],
        "tone": ["negative", "positive", "neutral"],
        "tone_negative": [0.9, 0.2, 0.1], "tone_neutral": [0.05, 0.35, 0.8], "tone_positive": [0.05, 0.45, 0.1],
        "stance": ["escalation", "negotiation", "neutral"],
        "stance_escalation": [0.8, 0.1, 0.3], "stance_negotiation": [0.1, 0.5, 0.3],
        "stance_neutral": [0.1, 0.4, 0.4],
    })


def test_uncertainty_is_the_smaller_margin_of_the_two_tasks():
    values = uncertainty(_scored())
    assert values.round(3).tolist() == [round(1 - 0.7, 3), round(1 - 0.1, 3), round(1 - 0.1, 3)]


def test_the_sheet_puts_the_most_uncertain_first_with_empty_labels():
    sheet = labelling_sheet(_scored())
    assert sheet["quote_id"].tolist() == ["a:9-20", "b:3-8", "a:0-5"]  # ties keep article order
    assert (sheet["tone"] == "").all() and (sheet["stance"] == "").all() and (sheet["note"] == "").all()
    assert labelling_sheet(_scored(), limit=1)["quote_id"].tolist() == ["a:9-20"]
    assert sheet["cue_sentence"].tolist() == ["Y said …", "", "X said “…”"]  # LABELS.md §6: what sets the labels


def test_a_prefilled_sheet_carries_the_models_labels():
    sheet = labelling_sheet(_scored(), prefill=True)
    assert sheet.set_index("quote_id").loc["a:0-5", ["tone", "stance"]].tolist() == ["negative", "escalation"]


def test_prefill_needs_a_scored_table():
    extracted = _scored().drop(columns=[c for c in _scored() if c.startswith(("tone", "stance"))])
    assert labelling_sheet(extracted)["uncertainty"].tolist() == [1.0, 1.0, 1.0]
    with pytest.raises(InputError, match="needs a scored table"):
        labelling_sheet(extracted, prefill=True)


def test_export_then_train_reads_back_only_the_labelled_rows(tmp_path):
    scored = tmp_path / "scored.parquet"
    _scored().to_parquet(scored)
    sheet = tmp_path / "sheet.csv"
    result = CliRunner().invoke(app, ["export-labels", str(scored), "-o", str(sheet)])
    assert result.exit_code == 0, result.output
    filled = pd.read_csv(sheet, dtype=str, keep_default_na=False)
    filled.loc[filled["quote_id"] == "a:9-20", "stance"] = "negotiation"  # a user labels one row
    filled.to_csv(sheet, index=False)
    rows = read_labelled((DataSource("table", str(sheet)),), "stance")
    assert rows[["text", "label"]].values.tolist() == [["Talks may help.", "negotiation"]]
