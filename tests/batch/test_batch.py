"""Batch runs: parts and merging, bad input in a corpus, resume after a kill, and worker processes."""

from __future__ import annotations

import json
import os
import shutil
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
from stance.batch.local import BatchOptions, check_inputs, run_batch
from stance.batch.parts import commit_part, merge_parts, part_problem, read_progress
from stance.cli.commands import app
from stance.config import ClassifyConfig, ExtractConfig
from stance.errors import InputError
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
    assert not (tmp_path / "q.parquet.errors.jsonl").exists(), "a clean run leaves no error table"


def test_a_clean_run_removes_an_error_table_left_by_an_earlier_run(tmp_path, corpus):
    out = tmp_path / "q.parquet"
    stale = tmp_path / "q.parquet.errors.jsonl"
    stale.write_text('{"source": "gone.txt", "reason": "empty article"}\n', encoding="utf-8")
    run_batch([str(corpus)], ExtractConfig(), BatchOptions(output=out))
    assert not stale.exists()


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
    assert [e.source for e in report.errors] == [str(corpus / "huge.txt")], "reported by its path"
    assert "oversized" in report.errors[0].reason
    assert report.articles == 12


def test_read_progress_ignores_half_written_parts(tmp_path):
    parts = tmp_path / "q.parquet.parts"
    frame = stance.extract([stance.Article("a1", "“We will fight on,” Maria Lopez said.")])
    commit_part(parts, 0, frame, ["a1"], [ItemError("x.txt", "empty article")], [0])
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
    commit_part(parts, 0, merged, [p.stem for p in first], [], list(range(len(first))))
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
    assert [(e.source, "duplicate article id 'art000'" in e.reason) for e in report.errors] == \
        [(str(other / "art000.txt"), True)]
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


@pytest.fixture(scope="module")
def killed_extract(tmp_path_factory):
    """An `extract` run in parts of 2 articles killed (SIGKILL) part-way, beside a clean run of the same corpus."""
    root = tmp_path_factory.mktemp("killed_extract")
    corpus = root / "corpus"
    write_corpus(corpus, 120)
    command = [sys.executable, "-m", "stance", "extract", str(corpus), "--part-articles", "2"]
    clean = root / "clean.parquet"
    subprocess.run([*command, "-o", str(clean)], check=True, capture_output=True, timeout=300)
    parts = root / "killed.parquet.parts"
    process = subprocess.Popen([*command, "-o", str(root / "killed.parquet")], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and len([p for p in parts.glob("part-*") if not p.name.endswith(".tmp")]) < 4:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    committed = sorted(p for p in parts.glob("part-*") if not p.name.endswith(".tmp"))
    assert 4 <= len(committed) < 60, "the run should have been killed part-way"
    return corpus, parts, clean


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


DAMAGE = {
    "parquet cut short": lambda part: _truncate(part / "quotes.parquet"),
    "parquet deleted": lambda part: (part / "quotes.parquet").unlink(),
    "manifest cut short": lambda part: _truncate(part / "manifest.json"),
    "manifest deleted": lambda part: (part / "manifest.json").unlink(),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_part_is_redone_on_resume_and_the_result_equals_a_clean_run(tmp_path, killed_extract, damage):
    corpus, killed_parts, clean = killed_extract
    out = tmp_path / "killed.parquet"
    parts = tmp_path / "killed.parquet.parts"
    shutil.copytree(killed_parts, parts)
    DAMAGE[damage](parts / "part-000001")  # an early part: the later ones stay whole

    result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), "--part-articles", "2", "--resume"])
    assert result.exit_code == 0, result.output
    said = [line for line in result.stderr.splitlines() if line.startswith("resume:")]
    assert len(said) == 1 and "part-000001 is damaged" in said[0] and "redone" in said[0], result.stderr
    # Every row once, in the clean run's order, though the damaged part's articles were redone last.
    pd.testing.assert_frame_equal(stance.load(out), stance.load(clean))
    assert not parts.exists()


def test_a_resume_with_every_part_whole_redoes_nothing(tmp_path, killed_extract):
    corpus, killed_parts, clean = killed_extract
    out = tmp_path / "killed.parquet"
    shutil.copytree(killed_parts, tmp_path / "killed.parquet.parts")
    report = run_batch([str(corpus)], ExtractConfig(), BatchOptions(output=out, part_articles=2, resume=True))
    assert report.resumed == 2 * len([p for p in killed_parts.glob("part-*") if not p.name.endswith(".tmp")])
    pd.testing.assert_frame_equal(stance.load(out), stance.load(clean))


def test_part_problem_names_what_is_wrong(tmp_path):
    parts = tmp_path / "parts"
    frame = stance.extract([stance.Article("a1", "“We will fight on,” Maria Lopez said.")])
    part = commit_part(parts, 0, frame, ["a1"], [], [0])
    assert part_problem(part) is None
    manifest = json.loads((part / "manifest.json").read_text())
    (part / "manifest.json").write_text(json.dumps({**manifest, "rows": 5}))
    assert "holds 1 rows, its manifest 5" in part_problem(part)
    (part / "manifest.json").write_text(json.dumps({"articles": ["a1"], "errors": []}))  # an older run's
    assert "does not hold" in part_problem(part)


def test_the_output_or_error_table_that_is_an_input_is_refused_before_reading(tmp_path):
    table = tmp_path / "in.jsonl"
    table.write_text(json.dumps({"id": "a1", "text": "“We will fight on,” Maria Lopez said."}) + "\n")
    before = table.read_bytes()
    for arguments in (["-o", str(table)], ["-o", str(tmp_path / "out.parquet"), "--errors", str(table)]):
        result = CliRunner().invoke(app, ["score", str(table), *arguments])
        assert result.exit_code == 1 and "is one of the inputs" in result.stderr, result.output
    assert table.read_bytes() == before
    assert not (tmp_path / "out.parquet").exists()


def test_an_output_inside_an_input_folder_that_the_folder_would_read_is_refused(tmp_path, corpus):
    with pytest.raises(InputError, match="is one of the inputs"):
        check_inputs([str(corpus)], BatchOptions(output=tmp_path / "q.parquet", errors_path=corpus / "errors.txt"))
    check_inputs([str(corpus)], BatchOptions(output=corpus / "q.parquet"))  # a table there is never read


@pytest.mark.parametrize("errors_name", ["out.jsonl", "out.jsonl.parts/errors.jsonl"])
def test_the_output_the_error_table_and_the_parts_must_differ(tmp_path, errors_name):
    article = tmp_path / "a.txt"
    article.write_text("“We will fight on,” Maria Lopez said.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "-o", str(tmp_path / "out.jsonl"),
                                      "--errors", str(tmp_path / errors_name)])
    assert result.exit_code == 1 and "must be different paths" in result.stderr, result.output
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_a_table_without_the_article_columns_is_a_usage_error(tmp_path, suffix):
    frame = pd.DataFrame({"id": ["a"], "body": ["“We will fight on,” Maria Lopez said."]})
    path = tmp_path / f"notext{suffix}"
    {".csv": lambda: frame.to_csv(path, index=False), ".parquet": lambda: frame.to_parquet(path),
     ".jsonl": lambda: frame.to_json(path, orient="records", lines=True)}[suffix]()
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(app, ["score", str(path), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "lacks text" in result.stderr and "['id', 'body']" in result.stderr
    assert not out.exists() and not (tmp_path / "out.parquet.errors.jsonl").exists()


def test_the_library_refuses_a_table_without_the_article_columns_too(tmp_path):
    path = tmp_path / "notext.csv"
    pd.DataFrame({"id": ["a"], "body": ["“We will fight on,” Maria Lopez said."]}).to_csv(path, index=False)
    with pytest.raises(InputError, match="lacks text"):
        stance.extract(str(path))


def test_a_batch_run_writes_a_dataset_directory(tmp_path, corpus):
    import datasets

    out = tmp_path / "q.hf"
    run_batch([str(corpus)], ExtractConfig(), BatchOptions(output=out, part_articles=5))
    assert datasets.load_from_disk(str(out)).num_rows == len(stance.extract(str(corpus)))
    pd.testing.assert_frame_equal(stance.load(out), stance.extract(str(corpus)))
    assert not (tmp_path / "q.tmp.parquet").exists()


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_a_run_whose_every_input_fails_still_writes_a_readable_empty_table(tmp_path, suffix):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    out = tmp_path / f"q{suffix}"
    report = run_batch([str(tmp_path / "missing.txt"), str(tmp_path / "empty.txt")], ExtractConfig(),
                       BatchOptions(output=out))
    assert sorted(e.reason for e in report.errors) == ["empty article", "file not found"]
    table = stance.load(out)
    assert table.empty and list(table.columns) == list(stance.extract([]).columns)
