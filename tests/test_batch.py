"""Batch runs: parts and merging, bad input in a corpus, resume after a kill, and worker processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import write_corpus
from typer.testing import CliRunner

import stance
from stance.batch import BatchOptions, commit_part, merge_parts, read_progress, run_batch
from stance.cli import app
from stance.config import ClassifyConfig, ExtractConfig
from stance.records import ItemError


@pytest.fixture
def corpus(tmp_path) -> Path:
    write_corpus(tmp_path / "corpus", 12)
    return tmp_path / "corpus"


def test_a_run_in_small_parts_equals_the_in_memory_extract(tmp_path, corpus):
    out = tmp_path / "q.parquet"
    report = run_batch([str(corpus)], ExtractConfig(), BatchOptions(output=out, part_articles=5))
    assert report.articles == 12 and not report.errors
    expected = stance.extract(str(corpus))
    pd.testing.assert_frame_equal(stance.load(out), expected)
    assert not (tmp_path / "q.parquet.parts").exists()
    assert (tmp_path / "q.parquet.errors.jsonl").read_text() == ""


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_parts_merge_into_csv_and_jsonl(tmp_path, corpus, suffix):
    out = tmp_path / f"q{suffix}"
    run_batch([str(corpus)], ExtractConfig(), BatchOptions(output=out, part_articles=4))
    pd.testing.assert_frame_equal(stance.load(out), stance.extract(str(corpus)))


def test_parts_with_different_carried_columns_merge(tmp_path, corpus):
    table = tmp_path / "more.jsonl"
    table.write_text(json.dumps({"id": "t1", "source": "wire", "year": 2024,
                                 "text": "“We want peace,” Maria Lopez said."}) + "\n", encoding="utf-8")
    out = tmp_path / "q.parquet"
    run_batch([str(corpus), str(table)], ExtractConfig(), BatchOptions(output=out, part_articles=5))
    frame = stance.load(out)
    assert frame.loc[frame["article_id"] == "t1", "source"].tolist() == ["wire"]
    assert frame.loc[frame["article_id"] == "art000", "source"].isna().all()


def test_a_corpus_with_bad_items_writes_every_good_article(tmp_path, corpus):
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "latin1.txt").write_bytes("“Nous négocierons,” a déclaré le ministre.".encode("cp1252"))
    table = tmp_path / "rows.jsonl"
    table.write_text(json.dumps({"id": "r1", "text": "“We want a ceasefire now,” John Smith said."}) + "\n"
                     + '{"id": "r2", "text": "unterminated\n'
                     + json.dumps({"id": "r3", "text": "“Talks are over,” Anna Kovalenko said."}) + "\n",
                     encoding="utf-8")
    out = tmp_path / "q.parquet"
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(app, ["extract", str(corpus), str(table), "-o", str(out), "--errors", str(errors)])
    assert result.exit_code == 3, result.output
    frame = stance.load(out)
    assert set(frame["article_id"]) == {f"art{i:03d}" for i in range(12)} | {"r1", "r3"}
    reasons = {Path(e["source"]).name if "/" in e["source"] else e["source"]: e["reason"]
               for e in map(json.loads, errors.read_text().splitlines())}
    assert "binary" in reasons["binary.txt"]
    assert reasons["empty.txt"] == "empty article"
    assert "not valid UTF-8" in reasons["latin1.txt"]
    assert any("rows.jsonl" in source and "JSON" in reason for source, reason in reasons.items())
    assert len(reasons) == 4
    assert "4 item(s) skipped" in result.output


def test_an_oversized_article_is_reported_and_skipped(tmp_path, corpus):
    (corpus / "huge.txt").write_text("word " * 2000, encoding="utf-8")
    out = tmp_path / "q.parquet"
    report = run_batch([str(corpus)], ExtractConfig(max_article_chars=5000), BatchOptions(output=out))
    assert [e.source for e in report.errors] == ["huge"] and "oversized" in report.errors[0].reason
    assert report.articles == 12


def test_read_progress_ignores_half_written_parts(tmp_path):
    parts = tmp_path / "q.parquet.parts"
    frame = stance.extract([stance.Article("a1", "“We will fight on,” Maria Lopez said.")])
    commit_part(parts, 0, frame, ["a1"], [ItemError("x.txt", "empty article")])
    (parts / "part-000001.tmp").mkdir()
    done, errors, number = read_progress(parts)
    assert done == {"a1"} and errors == [ItemError("x.txt", "empty article")] and number == 1
    assert not (parts / "part-000001.tmp").exists()
    assert merge_parts(parts, tmp_path / "q.parquet", with_labels=False) == 1


def test_resume_skips_written_articles(tmp_path, corpus):
    out = tmp_path / "q.parquet"
    first = write_corpus(tmp_path / "first", 4)
    options = BatchOptions(output=out, part_articles=2)
    # A run that stopped after its parts were committed, before the merge: simulate by committing parts only.
    run_batch([str(p) for p in first], ExtractConfig(), options)
    merged = stance.load(out)
    parts = options.parts_dir
    commit_part(parts, 0, merged, [p.stem for p in first], [])
    report = run_batch([str(corpus)], ExtractConfig(), BatchOptions(output=out, part_articles=2, resume=True))
    assert report.resumed == 4 and report.articles == 8
    frame = stance.load(out)
    assert not frame["quote_id"].duplicated().any()
    assert set(frame["quote_id"]) == set(stance.extract(str(corpus))["quote_id"])


def test_score_killed_mid_run_resumes_to_the_same_rows(tmp_path, tiny_models):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 30)
    command = [sys.executable, "-m", "stance", "score", str(corpus), "--tone-model", str(tiny_models["tone"]),
               "--stance-model", str(tiny_models["stance"]), "--part-articles", "2"]
    clean = tmp_path / "clean.parquet"
    subprocess.run([*command, "-o", str(clean)], check=True, capture_output=True, timeout=300)

    out = tmp_path / "killed.parquet"
    parts = tmp_path / "killed.parquet.parts"
    process = subprocess.Popen([*command, "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and len([p for p in parts.glob("part-*") if not p.name.endswith(".tmp")]) < 3:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    committed = [p for p in parts.glob("part-*") if not p.name.endswith(".tmp")]
    assert 3 <= len(committed) < 15, "the run should have been killed part-way"
    assert not out.exists()

    resumed = subprocess.run([*command, "-o", str(out), "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert "already written" in resumed.stderr
    got, want = stance.load(out), stance.load(clean)
    assert not got["quote_id"].duplicated().any()
    assert sorted(got["quote_id"]) == sorted(want["quote_id"])
    pd.testing.assert_frame_equal(got.sort_values("quote_id").reset_index(drop=True),
                                  want.sort_values("quote_id").reset_index(drop=True))


def test_two_workers_give_the_same_rows_as_one(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 40)
    config = ExtractConfig(batch_size=4)
    one, two = tmp_path / "one.parquet", tmp_path / "two.parquet"
    run_batch([str(corpus)], config, BatchOptions(output=one, workers=1, part_articles=7))
    report = run_batch([str(corpus)], config, BatchOptions(output=two, workers=2, part_articles=7))
    assert report.articles == 40
    pd.testing.assert_frame_equal(stance.load(one), stance.load(two))


def test_batch_options_refuse_bad_values(tmp_path):
    from stance.errors import ConfigError

    with pytest.raises(ConfigError, match="workers"):
        BatchOptions(output=tmp_path / "q.parquet", workers=0)
    with pytest.raises(ConfigError, match="output path"):
        BatchOptions(output=Path("-"))


def test_scoring_in_parts_adds_labels_to_every_row(tmp_path, corpus, tiny_models):
    out = tmp_path / "q.parquet"
    labels = ClassifyConfig(tone_model=str(tiny_models["tone"]), stance_model=str(tiny_models["stance"]))
    run_batch([str(corpus)], ExtractConfig(), BatchOptions(output=out, part_articles=5, classify=labels))
    frame = stance.load(out)
    assert frame["stance"].notna().all() and len(frame) == len(stance.extract(str(corpus)))


def test_a_repeated_article_id_is_reported_and_skipped(tmp_path, corpus):
    other = tmp_path / "other"
    other.mkdir()
    (other / "art000.txt").write_text("“Another text entirely,” Maria Lopez said.", encoding="utf-8")
    out = tmp_path / "q.parquet"
    report = run_batch([str(corpus), str(other)], ExtractConfig(), BatchOptions(output=out))
    assert [(e.source, "duplicate article id" in e.reason) for e in report.errors] == [("art000", True)]
    frame = stance.load(out)
    assert not frame["quote_id"].duplicated().any()
    assert "Another text entirely" not in set(frame["text"])


def test_carried_columns_mixing_types_are_written_as_text(tmp_path):
    table = tmp_path / "t.jsonl"
    table.write_text("\n".join(json.dumps({"id": f"t{i}", "year": year, "text": f"“We want peace {i},” Maria Lopez "
                                           "said."}) for i, year in enumerate([2023, "unknown", None])) + "\n",
                     encoding="utf-8")
    out = tmp_path / "q.parquet"
    run_batch([str(table)], ExtractConfig(), BatchOptions(output=out, part_articles=10))
    years = stance.load(out)["year"]
    assert years[:2].tolist() == ["2023", "unknown"] and years.isna()[2]


def test_quote_less_parts_do_not_decide_carried_column_types(tmp_path):
    table = tmp_path / "t.jsonl"
    rows = [{"id": "calm", "year": 2020, "text": "Nothing was said."},
            {"id": "loud", "year": 2021, "text": "“We want peace,” Maria Lopez said."}]
    table.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "q.parquet"
    run_batch([str(table)], ExtractConfig(), BatchOptions(output=out, part_articles=1))
    assert str(stance.load(out)["year"].dtype) == str(stance.extract(str(table))["year"].dtype) == "int64"


def test_resume_refuses_parts_written_with_other_settings(tmp_path, corpus, tiny_models):
    from stance.errors import ConfigError

    out = tmp_path / "q.parquet"
    options = BatchOptions(output=out, part_articles=2)
    parts = options.parts_dir
    parts.mkdir()
    (parts / "run.json").write_text(json.dumps({"spacy_model": "other_pipeline", "classify": None}))
    with pytest.raises(ConfigError, match="other settings"):
        run_batch([str(corpus)], ExtractConfig(), BatchOptions(output=out, resume=True))


def test_an_unwritable_output_stops_before_any_article(tmp_path, corpus):
    from stance.errors import ConfigError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError, match="cannot write the output"):
        run_batch([str(corpus)], ExtractConfig(), BatchOptions(output=blocker / "q.parquet"))
