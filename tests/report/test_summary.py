"""`stance.summarize` and `stance summary`, checked against tables computed by hand."""

from __future__ import annotations

import io
import json
import math

import pandas as pd
import pytest
from typer.testing import CliRunner

import stance
from stance.cli.commands import app
from stance.errors import InputError
from stance.report.summary import format_summary
from stance.schema import LABEL_COLUMNS, QUOTE_COLUMNS, apply_dtypes

runner = CliRunner()
NAN = float("nan")

# article, speaker, tone_score, stance_score, stance, source, date
ROWS = [
    ("a1", "Ann", 0.5, -0.8, "escalation", "Wire", "2025-06-01"),
    ("a1", "Ann", -0.5, -0.4, "escalation", "Wire", "2025-06-01"),
    ("a1", "Bob", 0.2, 0.6, "negotiation", "Wire", "2025-06-01"),
    ("a2", "Ann", 0.0, 0.6, "negotiation", "Post", "2025-06-03T10:00:00Z"),
    ("a2", "", 0.1, 0.0, "neutral", "Post", "2025-06-03"),
    ("a2", "Bob", -0.3, 0.2, "neutral", "Post", "not a date"),
]


def scored_frame(rows=ROWS) -> pd.DataFrame:
    """A scored quote table with every schema column; the label probabilities are not read by summaries."""
    records = []
    for i, (article, speaker, tone_score, stance_score, label, source, date) in enumerate(rows):
        records.append({
            "article_id": article, "quote_id": f"{article}:{i}-{i + 1}", "quote_type": "direct", "text": f"quote {i}",
            "start": i, "end": i + 1, "speaker": speaker, "speaker_mention": speaker, "speaker_type": "person",
            "speaker_role": "", "cue": "said", "tone": "neutral", "tone_score": tone_score, "tone_negative": 0.2,
            "tone_neutral": 0.6, "tone_positive": 0.2, "stance": label, "stance_score": stance_score,
            "stance_escalation": 0.2, "stance_negotiation": 0.2, "stance_neutral": 0.6, "tone_model": "m",
            "stance_model": "m", "source": source, "date": date})
    columns = [*QUOTE_COLUMNS, *LABEL_COLUMNS, "source", "date"]
    return apply_dtypes(pd.DataFrame.from_records(records, columns=columns))


def expected(key: str, rows: list[tuple]) -> pd.DataFrame:
    columns = [key, "quotes", "tone_mean", "tone_sd", "stance_mean", "stance_sd", "share_escalation",
               "share_negotiation", "share_neutral"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({key: "string", "quotes": "int64", **{c: "float64" for c in columns[2:]}})


# By hand: Ann's tone scores 0.5, -0.5, 0.0 have mean 0 and sample sd sqrt((.25 + .25 + 0) / 2) = 0.5; her stance
# scores -0.8, -0.4, 0.6 have mean -0.2 and sd sqrt((.36 + .04 + .64) / 2) = sqrt(.52). Bob: tone 0.2, -0.3 (mean
# -0.05, sd sqrt(.125)), stance 0.6, 0.2 (mean 0.4, sd sqrt(.08)). The quote without a speaker is `(unknown)`.
BY_SPEAKER = expected("speaker", [
    ("Ann", 3, 0.0, 0.5, -0.2, math.sqrt(0.52), 2 / 3, 1 / 3, 0.0),
    ("Bob", 2, -0.05, math.sqrt(0.125), 0.4, math.sqrt(0.08), 0.0, 0.5, 0.5),
    ("(unknown)", 1, 0.1, NAN, 0.0, NAN, 0.0, 0.0, 1.0),
])
# a1: tone .5, -.5, .2 (mean .2/3; squared deviations sum to .54 - 3 * (.2/3)**2 = .54 - .04/3), stance as Ann's.
# a2: tone 0, .1, -.3 (mean -.2/3; .1 - .04/3), stance .6, 0, .2 (mean .8/3; .4 - .64/3). The sd divides by n - 1.
A1 = (3, 0.2 / 3, math.sqrt((0.54 - 0.04 / 3) / 2), -0.2, math.sqrt(0.52), 2 / 3, 1 / 3, 0.0)
A2 = (3, -0.2 / 3, math.sqrt((0.1 - 0.04 / 3) / 2), 0.8 / 3, math.sqrt((0.4 - 0.64 / 3) / 2), 0.0, 1 / 3, 2 / 3)
BY_ARTICLE = expected("article_id", [("a1", *A1), ("a2", *A2)])
BY_SOURCE = expected("source", [("Post", *A2), ("Wire", *A1)])  # a tie in quotes: by name
# 2025-06-03T10:00:00Z and 2025-06-03 are one day; "not a date" is `(unknown)`, after every date.
BY_DATE = expected("date", [
    ("2025-06-01", *A1),
    ("2025-06-03", 2, 0.05, math.sqrt(0.005), 0.3, math.sqrt(0.18), 0.0, 0.5, 0.5),
    ("(unknown)", 1, -0.3, NAN, 0.2, NAN, 0.0, 0.0, 1.0),
])


@pytest.mark.parametrize("by, table", [("speaker", BY_SPEAKER), ("article", BY_ARTICLE), ("source", BY_SOURCE),
                                       ("date", BY_DATE)])
def test_summaries_match_hand_computed_tables(by, table):
    pd.testing.assert_frame_equal(stance.summarize(scored_frame(), by=by), table, atol=1e-4)


@pytest.mark.parametrize("min_quotes, speakers", [(1, ["Ann", "Bob", "(unknown)"]), (2, ["Ann", "Bob"]),
                                                  (3, ["Ann"]), (4, [])])
def test_min_quotes_leaves_out_small_groups(min_quotes, speakers):
    assert stance.summarize(scored_frame(), min_quotes=min_quotes)["speaker"].tolist() == speakers


def test_shares_are_over_the_quotes_with_a_stance_label():
    frame = scored_frame(ROWS[:2])
    frame.loc[1, "stance"] = pd.NA
    row = stance.summarize(frame).iloc[0]
    assert (row["quotes"], row["share_escalation"], row["share_neutral"]) == (2, 1.0, 0.0)


def test_summarize_reads_a_path(tmp_path):
    path = tmp_path / "q.parquet"
    stance.write_table(scored_frame(), path)
    pd.testing.assert_frame_equal(stance.summarize(path), BY_SPEAKER, atol=1e-4)


def test_a_table_without_label_columns_is_an_error_naming_them():
    quotes = scored_frame().drop(columns=["tone", "tone_score", "stance_score"])
    with pytest.raises(InputError, match=r"missing column\(s\) tone, tone_score, stance_score; .*stance score"):
        stance.summarize(quotes)


@pytest.mark.parametrize("by, message", [("source", "no `source` column"), ("colour", "expected one of speaker")])
def test_grouping_needs_its_column(by, message):
    with pytest.raises(InputError, match=message):
        stance.summarize(scored_frame().drop(columns=["source"]), by=by)


def test_an_empty_table_has_an_empty_summary(tmp_path):
    summary = stance.summarize(scored_frame([]))
    assert summary.empty and list(summary.columns)[:2] == ["speaker", "quotes"]
    (tmp_path / "none.jsonl").write_text("")  # what `stance score` writes for articles without quotes
    assert stance.summarize(tmp_path / "none.jsonl", by="article").empty


def test_the_text_table():
    lines = format_summary(BY_SPEAKER).splitlines()
    assert lines[0].split() == ["speaker", "quotes", "tone", "±sd", "stance", "±sd", "escalation", "negotiation",
                                "neutral"]
    assert lines[2].split() == ["Ann", "3", "0.00", "±0.50", "-0.20", "±0.72", "67%", "33%", "0%"]
    assert lines[4].split() == ["(unknown)", "1", "+0.10", "0.00", "0%", "0%", "100%"]


@pytest.fixture
def scored_csv(tmp_path):
    path = tmp_path / "scored.csv"
    stance.write_table(scored_frame(), path)
    return path


def test_summary_command_prints_the_table(scored_csv):
    result = runner.invoke(app, ["summary", str(scored_csv)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == format_summary(BY_SPEAKER).splitlines()


@pytest.mark.parametrize("by, table", [("speaker", BY_SPEAKER), ("date", BY_DATE), ("source", BY_SOURCE),
                                       ("article", BY_ARTICLE)])
def test_summary_command_csv_and_json(scored_csv, by, table):
    result = runner.invoke(app, ["summary", str(scored_csv), "--by", by, "--format", "csv"])
    assert result.exit_code == 0, result.output
    back = pd.read_csv(io.StringIO(result.stdout), dtype={table.columns[0]: "string"}, keep_default_na=False,
                       na_values={c: [""] for c in table.columns[1:]})
    pd.testing.assert_frame_equal(back, table, atol=1e-4)
    result = runner.invoke(app, ["summary", str(scored_csv), "--by", by, "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r[table.columns[0]] for r in records] == table.iloc[:, 0].tolist()
    assert records[0]["quotes"] == table["quotes"].iloc[0]
    assert records[0]["stance_mean"] == pytest.approx(table["stance_mean"].iloc[0])


def test_summary_command_min_quotes(scored_csv):
    result = runner.invoke(app, ["summary", str(scored_csv), "--min-quotes", "2", "-f", "json"])
    assert [r["speaker"] for r in json.loads(result.stdout)] == ["Ann", "Bob"]
    result = runner.invoke(app, ["summary", str(scored_csv), "--min-quotes", "9"])
    assert result.exit_code == 0 and "no speaker with at least 9 quote(s)" in result.stdout
    assert runner.invoke(app, ["summary", str(scored_csv), "--min-quotes", "0"]).exit_code == 2


def test_summary_command_without_label_columns_exits_1(tmp_path):
    path = tmp_path / "quotes.jsonl"
    stance.write_table(scored_frame()[list(QUOTE_COLUMNS)], path)
    result = runner.invoke(app, ["summary", str(path)])
    assert result.exit_code == 1
    assert "missing column(s) tone, tone_score, stance, stance_score" in result.output
    assert set(LABEL_COLUMNS) >= {"tone", "tone_score", "stance", "stance_score"}


def test_summary_command_by_a_missing_column_exits_1(tmp_path):
    path = tmp_path / "q.parquet"
    stance.write_table(scored_frame().drop(columns=["source"]), path)
    result = runner.invoke(app, ["summary", str(path), "--by", "source"])
    assert result.exit_code == 1 and "no `source` column" in result.output
    assert runner.invoke(app, ["summary", str(path), "--by", "colour"]).exit_code == 2
