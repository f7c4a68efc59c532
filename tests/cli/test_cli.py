"""Tests for the `stance` command line: outputs in every format, table and stdin inputs, exit codes and
error messages.

typer 0.29 (click >= 8.2) always captures stderr apart: `result.stdout` and `result.stderr` are separate,
`result.output` interleaves both; there is no `mix_stderr` argument any more.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

import stance
from stance.cli.commands import EXIT_SKIPPED, app
from stance.schema import QUOTE_COLUMNS

runner = CliRunner()

META = {"title": "Talks in Istanbul", "date": "2025-06-02", "source": "Wire", "url": "https://example.org/1"}
SHORT = "Kyiv: “We will not give up our land,” Zelenskyy said on Monday."


def check_quotes(frame, article_text: str, article_id: str) -> None:
    assert len(frame) > 0
    assert list(frame.columns)[:len(QUOTE_COLUMNS)] == list(QUOTE_COLUMNS)
    assert set(frame["article_id"]) == {article_id}
    for start, end, text in zip(frame["start"], frame["end"], frame["text"]):
        assert article_text[start:end] == text


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_extract_seed_writes_each_format(tmp_path, seed_article, suffix):
    out = tmp_path / f"quotes{suffix}"
    result = runner.invoke(app, ["extract", str(seed_article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    frame = stance.load(out)
    check_quotes(frame, seed_article.read_text(encoding="utf-8"), seed_article.stem)
    assert f"1 article(s), {len(frame)} quote(s) found -> {out}" in result.stderr
    assert result.stdout == ""


def test_extract_jsonl_table_carries_columns(tmp_path):
    table = tmp_path / "articles.jsonl"
    table.write_text(
        json.dumps({"id": "a1", "text": SHORT, **META}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "a2", "text": "“Talks are a waste of time,” Peskov told reporters.",
                      **{**META, "title": "Kremlin", "url": "https://example.org/2"}}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "quotes.parquet"
    result = runner.invoke(app, ["extract", str(table), "-o", str(out)])
    assert result.exit_code == 0, result.output
    frame = stance.load(out)
    assert list(frame.columns) == list(QUOTE_COLUMNS) + ["title", "date", "source", "url"]
    assert set(frame["article_id"]) == {"a1", "a2"}
    by_id = frame.drop_duplicates("article_id").set_index("article_id")
    assert by_id.loc["a1", "title"] == "Talks in Istanbul"
    assert by_id.loc["a2", "title"] == "Kremlin"
    assert by_id.loc["a2", "url"] == "https://example.org/2"
    assert set(frame["date"]) == {"2025-06-02"}


def test_extract_stdin(tmp_path):
    out = tmp_path / "quotes.jsonl"
    line = json.dumps({"id": "s1", "text": SHORT, "source": "pipe"}, ensure_ascii=False) + "\n"
    result = runner.invoke(app, ["extract", "-", "-o", str(out)], input=line)
    assert result.exit_code == 0, result.output
    frame = stance.load(out)
    check_quotes(frame, SHORT, "s1")
    assert "We will not give up our land," in set(frame["text"])
    assert set(frame["source"]) == {"pipe"}


@pytest.mark.parametrize("bad", ["missing.txt", "empty.txt"])
def test_extract_skips_bad_input_and_exits_3(tmp_path, seed_article, bad):
    bad_path = tmp_path / bad
    if bad == "empty.txt":
        bad_path.write_text("", encoding="utf-8")
    out = tmp_path / "quotes.parquet"
    result = runner.invoke(app, ["extract", str(bad_path), str(seed_article), "-o", str(out)])
    assert result.exit_code == EXIT_SKIPPED == 3
    assert "skipped" in result.stderr
    assert bad in result.stderr
    assert "1 item(s) skipped" in result.stderr
    frame = stance.load(out)  # the good article's quotes are still written
    check_quotes(frame, seed_article.read_text(encoding="utf-8"), seed_article.stem)


def test_extract_bad_config_exits_1(tmp_path, seed_article):
    config = tmp_path / "bad.toml"
    config.write_text("[extract]\nbatch_size = 8\nbogus_key = 1\n", encoding="utf-8")
    out = tmp_path / "quotes.parquet"
    result = runner.invoke(app, ["extract", str(seed_article), "-c", str(config), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    assert "unknown key(s) in [extract]: bogus_key" in result.stderr
    assert str(config) in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_extract_bad_config_value_exits_1(tmp_path, seed_article):
    config = tmp_path / "bad.toml"
    config.write_text("[extract]\nbatch_size = 0\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(seed_article), "-c", str(config), "-o", str(tmp_path / "q.csv")])
    assert result.exit_code == 1
    assert "extract.batch_size must be a positive integer, got 0" in result.stderr


def test_extract_unknown_spacy_model_exits_1(tmp_path, seed_article):
    out = tmp_path / "quotes.parquet"
    result = runner.invoke(app, ["extract", str(seed_article), "--spacy-model", "no_such_pipeline_xyz",
                                 "-o", str(out)])
    assert result.exit_code == 1
    assert "error: cannot load spaCy pipeline 'no_such_pipeline_xyz'" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_evaluate_quotes_prints_recall_table(tmp_path, repo_root, seed_article, monkeypatch):
    predictions = tmp_path / "pred.parquet"
    stance.write_table(stance.extract(seed_article), predictions)
    monkeypatch.chdir(repo_root)
    result = runner.invoke(app, ["evaluate", "quotes", "seeds/000_425a455c3402a5f3.gold.jsonl", str(predictions)])
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0]
    assert "recall" in header and "speaker" in header
    assert any(line.startswith("direct ") for line in result.stdout.splitlines())
    assert "precision" in result.stdout


def test_evaluate_quotes_without_predictions_extracts_the_gold_articles(repo_root, monkeypatch):
    monkeypatch.chdir(repo_root)
    result = runner.invoke(app, ["evaluate", "quotes", "seeds/000_425a455c3402a5f3.gold.jsonl"])
    assert result.exit_code == 0, result.output
    assert "recall" in result.stdout.splitlines()[0]
    assert any(line.startswith("all ") for line in result.stdout.splitlines())


def test_evaluate_quotes_missing_article_text_exits_1(tmp_path, seed_gold):
    gold = tmp_path / "lonely.gold.jsonl"
    gold.write_bytes(seed_gold.read_bytes())  # no 000_425a455c3402a5f3.txt beside it
    result = runner.invoke(app, ["evaluate", "quotes", str(gold)])
    assert result.exit_code == 1
    assert "error: no article text 000_425a455c3402a5f3.txt" in result.stderr


def test_evaluate_quotes_with_arguments_swapped_exits_1(tmp_path, seed_gold):
    predictions = tmp_path / "quotes.parquet"
    predictions.write_bytes(b"PAR1\x15\x04\x8a\xff")  # binary, as a Parquet table is
    result = runner.invoke(app, ["evaluate", "quotes", str(predictions), str(seed_gold)])
    assert result.exit_code == 1
    assert "quotes.parquet: not UTF-8 text (byte 6); expected a gold JSONL file" in result.stderr
    assert "Traceback" not in result.output


def test_version_subcommand():
    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == stance.__version__


def test_python_dash_m_stance_version(repo_root):
    done = subprocess.run([sys.executable, "-m", "stance", "version"], cwd=repo_root, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == stance.__version__


def test_help_loads_none_of_the_heavy_libraries():
    """`stance --help` and `import stance` stay light: pandas, spaCy, torch and transformers load on first use."""
    probe = ("import sys\nfrom stance.cli import app\nimport stance\n"
             "from typer.testing import CliRunner\nassert CliRunner().invoke(app, ['--help']).exit_code == 0\n"
             "print(sorted(m for m in ('pandas', 'spacy', 'torch', 'transformers', 'pyarrow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_public_names_load_on_first_use_and_name_no_module():
    import types

    for name in stance.__all__:
        assert not isinstance(getattr(stance, name), types.ModuleType), name
    assert callable(stance.extract) and stance.extract.__module__ == "stance.pipeline"


def test_the_wheel_carries_the_shipped_models_and_configs(tmp_path):
    """A non-editable install scores with the shipped model from any folder: the wheel holds models/ and configs/
    as package data (`make check-wheel` installs it into a fresh environment and scores the seed)."""
    import zipfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w",
                    str(tmp_path), str(root)], check=True, capture_output=True)
    names = set(zipfile.ZipFile(next(tmp_path.glob("stance-*.whl"))).namelist())
    shipped = {f"stance/models/{p.relative_to(root / 'models')}" for p in (root / "models").rglob("*") if p.is_file()}
    assert shipped and shipped <= names
    assert {"stance/configs/quotes.toml", "stance/configs/extract.toml", "stance/configs/classify.toml"} <= names
