"""Tests for stance.io: reading articles (files, directories, tables, stdin), reporting bad items as
`ItemError` while good ones still come through, and the write_table/load round trip."""

from __future__ import annotations

import io
import json
import sys
import types
from pathlib import Path

import pandas as pd
import pytest

from stance.errors import InputError
from stance.io import load, read_articles, read_text_file, table_format, write_table
from stance.records import Article, ItemError
from stance.schema import QUOTE_COLUMNS, apply_dtypes, empty_quotes

ARTICLE = "Kyiv: “We will not give up our land,” Zelenskyy said on Monday.\n\nOfficials warned that talks would fail.\n"


def articles(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def errors(items) -> list[ItemError]:
    return [item for item in items if isinstance(item, ItemError)]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


# --- .txt files ------------------------------------------------------------------------------------


def test_txt_article_id_is_stem_and_text_is_exact(tmp_path):
    path = tmp_path / "kyiv-2025-06-02.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    [article] = list(read_articles(path))
    assert article == Article("kyiv-2025-06-02", ARTICLE)
    assert article.text == ARTICLE
    assert article.meta == {}


def test_txt_keeps_crlf_so_offsets_index_the_file(tmp_path):
    raw = "Headline\r\n\r\n“We will fight on,” he said.\r\n".encode()
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw)
    [article] = list(read_articles(str(path)))
    assert article.text == raw.decode("utf-8")
    assert "\r\n" in article.text
    start = article.text.index("We will")
    assert article.text[start:start + 16] == "We will fight on"
    assert article.text.encode("utf-8") == raw


def test_txt_byte_order_mark_is_not_article_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHello “there,” she said.".encode())
    [article] = list(read_articles(path))
    assert article.text == "Hello “there,” she said."


def test_other_suffix_is_read_as_text(tmp_path):
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    [article] = list(read_articles(path))
    assert (article.article_id, article.text) == ("article", ARTICLE)


def test_directory_recursion_is_sorted_and_takes_only_txt(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    for name in ["b.txt", "sub/deeper/d.txt", "a.txt", "sub/c.txt"]:
        (tmp_path / name).write_text(f"Article {name}.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "table.jsonl").write_text('{"id": "x", "text": "no"}\n', encoding="utf-8")
    items = list(read_articles(tmp_path))
    assert errors(items) == []
    assert [a.article_id for a in items] == ["a", "b", "c", "d"]
    assert items[3].text == "Article sub/deeper/d.txt."


def test_empty_directory_is_an_item_error(tmp_path):
    [item] = list(read_articles(tmp_path))
    assert isinstance(item, ItemError)
    assert item.source == str(tmp_path)
    assert "no .txt files" in item.reason


def test_sources_are_read_in_order_including_article_records(tmp_path):
    (tmp_path / "one.txt").write_text("First.", encoding="utf-8")
    items = list(read_articles([Article("rec", "Record."), tmp_path / "one.txt", Article("rec2", "Again.")]))
    assert [a.article_id for a in items] == ["rec", "one", "rec2"]


# --- tables ----------------------------------------------------------------------------------------

META = {"title": "Talks in Istanbul", "date": "2025-06-02", "source": "Wire", "url": "https://example.org/1"}


def test_jsonl_table_with_id_and_carried_columns(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "a1", "text": ARTICLE, **META},
        {"id": "a2", "text": "Second “article,” he said.", **{**META, "title": "Other"}},
    ])
    items = list(read_articles(path))
    assert errors(items) == []
    assert [(a.article_id, a.text) for a in items] == [("a1", ARTICLE), ("a2", "Second “article,” he said.")]
    assert items[0].meta == META
    assert items[1].meta["title"] == "Other"


def test_csv_table_with_article_id_keeps_ids_as_strings(tmp_path):
    path = tmp_path / "in.csv"
    pd.DataFrame({"article_id": ["007", "42"], "text": [ARTICLE, "Another one."], "title": ["A", "B"],
                  "url": ["u1", "u2"]}).to_csv(path, index=False)
    items = list(read_articles(path))
    assert errors(items) == []
    assert [a.article_id for a in items] == ["007", "42"]
    assert items[0].text == ARTICLE  # newlines inside a CSV cell survive
    assert items[0].meta == {"title": "A", "url": "u1"}


def test_parquet_table_carries_columns_and_timestamps_become_iso_strings(tmp_path):
    path = tmp_path / "in.parquet"
    pd.DataFrame({
        "article_id": ["p1", "p2"],
        "text": [ARTICLE, "Short."],
        "title": ["T1", None],
        "date": pd.to_datetime(["2025-06-02", "2025-06-03"]),
        "source": ["S", "S"],
        "url": ["u1", "u2"],
    }).to_parquet(path)
    items = list(read_articles(path))
    assert errors(items) == []
    assert [a.article_id for a in items] == ["p1", "p2"]
    assert items[0].meta == {"title": "T1", "date": "2025-06-02T00:00:00", "source": "S", "url": "u1"}
    assert items[1].meta["title"] is None  # missing values arrive as None, not NaN


def test_article_id_is_preferred_over_id(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [{"article_id": "real", "id": "other", "text": "Text."}])
    [article] = list(read_articles(path))
    assert article.article_id == "real"


def test_stdin_dash_reads_json_lines(monkeypatch):
    data = (json.dumps({"id": "s1", "text": "“Stdin works,” he said.", "source": "pipe"}, ensure_ascii=False)
            + "\n\n" + json.dumps({"id": "s2", "text": "Two."}) + "\n")
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data.encode("utf-8"))))
    items = list(read_articles("-"))
    assert [(a.article_id, a.text) for a in items] == [("s1", "“Stdin works,” he said."), ("s2", "Two.")]
    assert items[0].meta == {"source": "pipe"}


def test_stdin_dash_reports_malformed_lines(monkeypatch):
    data = b'{"id": "s1", "text": "Fine."}\nnot json\n'
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))
    items = list(read_articles(["-"]))
    assert [a.article_id for a in articles(items)] == ["s1"]
    [error] = errors(items)
    assert error.source == "<stdin> line 2"
    assert "malformed JSON" in error.reason


# --- bad items: each is an ItemError with a reason, the good ones still come through ---------------


def _bad_txt(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.txt"
    if kind == "missing":
        return path
    path.write_bytes({
        "empty": b"",
        "whitespace": b"  \n\t\r\n \n",
        "binary": b"PK\x03\x04\x00\x00binary\x00data",
        "latin1": "Le président a déclaré “non”.".replace("“", '"').replace("”", '"').encode("latin-1"),
    }[kind])
    return path


@pytest.mark.parametrize("kind, reason", [
    ("missing", "file not found"),
    ("empty", "empty article"),
    ("whitespace", "empty article"),
    ("binary", "binary file (contains NUL bytes)"),
    ("latin1", "not valid UTF-8"),
])
def test_bad_txt_is_reported_and_good_still_read(tmp_path, kind, reason):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = _bad_txt(tmp_path, kind)
    items = list(read_articles([bad, good]))
    assert len(items) == 2
    error, article = items
    assert isinstance(error, ItemError)
    assert error.source == str(bad)
    assert reason in error.reason
    assert str(bad) in str(error)
    assert article == Article("good", ARTICLE)


def test_latin1_reason_says_how_to_fix(tmp_path):
    error = read_text_file(_bad_txt(tmp_path, "latin1"))
    assert isinstance(error, ItemError)
    assert "byte 5" in error.reason  # the é of `président`
    assert "UTF-8" in error.reason


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_table_without_text_column_names_it_and_lists_columns(tmp_path, suffix):
    frame = pd.DataFrame({"id": ["a"], "body": ["Some text."], "title": ["T"]})
    path = tmp_path / f"notext{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True)
    else:
        frame.to_parquet(path)
    [error] = list(read_articles(path))
    assert isinstance(error, ItemError)
    assert error.source == (f"{path} line 1" if suffix == ".jsonl" else str(path))  # JSON Lines: per line
    assert "lacks column(s) text" in error.reason
    assert "['id', 'body', 'title']" in error.reason


def test_table_without_id_column_names_both_choices(tmp_path):
    path = write_jsonl(tmp_path / "noid.jsonl", [{"name": "a", "text": "Text."}])
    [error] = list(read_articles(path))
    assert isinstance(error, ItemError)
    assert "id or article_id" in error.reason
    assert "['name', 'text']" in error.reason


def test_malformed_jsonl_line_among_good_lines(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"id": "a1", "text": "One."}) + "\n"
        + '{"id": "broken", "text": \n'
        + "[1, 2]\n"
        + json.dumps({"id": "a2", "text": "Two."}) + "\n",
        encoding="utf-8",
    )
    items = list(read_articles(path))
    assert [a.article_id for a in articles(items)] == ["a1", "a2"]
    bad = errors(items)
    assert [e.source for e in bad] == [f"{path} line 2", f"{path} line 3"]
    assert "malformed JSON at line 2, column 26: Expecting value" in bad[0].reason  # where the line stops
    assert "expected a JSON object, got list" in bad[1].reason


def test_a_malformed_json_line_names_the_column_of_the_fault(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": "One."}) + "\n" + '{"id": "a2" "text": "Two."}\n')
    [bad] = errors(list(read_articles(path)))
    assert bad.reason == "malformed JSON at line 2, column 13: Expecting ',' delimiter"


def test_a_row_read_from_a_table_says_where_it_came_from(tmp_path):
    path = write_jsonl(tmp_path / "rows.jsonl", [{"id": "a1", "text": "One."}, {"id": "a2", "text": "Two."}])
    assert [a.where for a in read_articles(path)] == [f"{path} line 1 (id=a1)", f"{path} line 2 (id=a2)"]
    text = tmp_path / "b.txt"
    text.write_text("Three.", encoding="utf-8")
    assert [a.where for a in read_articles(text)] == [str(text)]
    assert Article("c", "Four.").where == "c"


@pytest.mark.parametrize("text, reason", [
    ("", "empty article"),
    ("   \n\t ", "empty article"),
    (None, "text is NoneType, expected a string"),
    (12, "text is int, expected a string"),
])
def test_row_with_bad_text_is_reported_with_its_id(tmp_path, text, reason):
    path = write_jsonl(tmp_path / "rows.jsonl", [
        {"id": "a1", "text": "Good one."},
        {"id": "bad", "text": text},
        {"id": "a3", "text": "Good too."},
    ])
    items = list(read_articles(path))
    assert [a.article_id for a in articles(items)] == ["a1", "a3"]
    [error] = errors(items)
    assert error.source == f"{path} line 2 (id=bad)"
    assert error.reason == reason


def test_row_with_empty_id_is_reported(tmp_path):
    path = tmp_path / "rows.csv"
    pd.DataFrame({"id": ["a1", ""], "text": ["Good.", "No id."]}).to_csv(path, index=False)
    items = list(read_articles(path))
    assert [a.article_id for a in articles(items)] == ["a1"]
    [error] = errors(items)
    assert error.source == f"{path} row 2"
    assert error.reason == "empty id"


def test_corrupt_parquet_is_an_item_error(tmp_path):
    path = tmp_path / "corrupt.parquet"
    path.write_bytes(b"this is not parquet at all")
    [error] = list(read_articles(path))
    assert isinstance(error, ItemError)
    assert error.reason.startswith("cannot read as parquet")


# --- write_table / load ----------------------------------------------------------------------------


def quote_frame() -> pd.DataFrame:
    rows = [
        dict(article_id="a1", quote_id="a1:9-36", quote_type="direct", text="We will not give up our land,",
             start=9, end=36, speaker="Volodymyr Zelenskyy", speaker_mention="Zelenskyy", speaker_type="person",
             speaker_role="president", cue="said", speaker_start=40, speaker_end=49, speaker_resolution="name",
             cue_start=50, cue_end=54, cue_sentence="“…” Zelenskyy said, “and we mean it.”",
             title="Talks, in “Istanbul”", date="2025-06-02", source="Wire",
             url="https://example.org/1", words=7),
        dict(article_id="a2", quote_id="a2:0-40", quote_type="indirect", text="talks would fail\nand “soon”",
             start=0, end=40, speaker="", speaker_mention="", speaker_type="unknown", speaker_role="", cue="warned",
             speaker_start=None, speaker_end=None, speaker_resolution="none", cue_start=44, cue_end=50,
             cue_sentence="", title="",
             date="2025-06-03", source="Wire", url="https://example.org/2", words=5),
    ]
    return apply_dtypes(pd.DataFrame(rows))


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_write_table_load_round_trip(tmp_path, suffix):
    frame = quote_frame()
    path = tmp_path / "out" / f"quotes{suffix}"  # the parent folder is created
    write_table(frame, path)
    back = load(path)
    assert list(back.columns) == list(QUOTE_COLUMNS) + ["title", "date", "source", "url", "words"]
    for name, dtype in QUOTE_COLUMNS.items():
        assert back[name].dtype == dtype, name
    assert back["words"].dtype == "int64"
    pd.testing.assert_frame_equal(back, frame, check_dtype=True)


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_empty_table_round_trip(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    write_table(empty_quotes(["title"]), path)
    back = load(path)
    assert len(back) == 0
    # An empty JSON Lines file has no header to keep a carried column's name; the schema's columns come back.
    carried = [] if suffix == ".jsonl" else ["title"]
    assert list(back.columns) == list(QUOTE_COLUMNS) + carried


def test_csv_round_trip_keeps_numeric_looking_ids(tmp_path):
    frame = quote_frame()
    frame["article_id"] = pd.array(["007", "0042"], dtype="string")
    path = tmp_path / "ids.csv"
    write_table(frame, path)
    assert load(path)["article_id"].tolist() == ["007", "0042"]


def test_write_table_dash_writes_jsonl_to_stdout(capsys):
    write_table(quote_frame(), "-")
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["article_id"] for line in lines] == ["a1", "a2"]
    assert json.loads(lines[0])["title"] == "Talks, in “Istanbul”"  # force_ascii=False keeps it readable


@pytest.mark.parametrize("text", [
    "Zelenskyy said the talks would fail.",  # a sentence: words, no file suffix
    "Kyiv: “We will not give up our land,” Zelenskyy said.\n\nOfficials agreed.",  # a line break
    "Officials warned that talks would fail. " * 200,  # longer than any file name
])
def test_article_text_given_as_a_path_says_how_to_pass_text(tmp_path, text):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    error, article = list(read_articles([text, good]))
    assert isinstance(error, ItemError)
    assert "looks like article text" in error.reason and "stance.Article" in error.reason
    assert len(error.source) <= 60 and "\n" not in error.source
    assert article == Article("good", ARTICLE)


@pytest.mark.parametrize("name", ["missing.txt", "my article.txt", "data/2024 war/"])
def test_a_missing_file_name_is_not_taken_for_text(name):
    (error,) = list(read_articles(name))
    assert error.reason == "file not found"


def test_extract_on_a_long_string_reports_it_instead_of_crashing():
    from stance.pipeline import RunReport, extract

    report = RunReport()
    frame = extract("Zelenskyy said the talks would fail. " * 300, report=report)
    assert frame.empty
    (error,) = report.errors
    assert "stance.Article" in error.reason


def test_load_missing_file_raises_input_error_naming_it(tmp_path):
    path = tmp_path / "nowhere.parquet"
    with pytest.raises(InputError, match="file not found") as info:
        load(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_load_table_missing_columns_raises_input_error(tmp_path, suffix):
    path = tmp_path / f"notquotes{suffix}"
    write_table(pd.DataFrame({"article_id": ["a"], "text": ["x"]}), path)
    with pytest.raises(InputError, match=r"missing column\(s\) \['start', 'end'\]") as info:
        load(path)
    assert str(path) in str(info.value)


def test_load_unreadable_table_raises_input_error(tmp_path):
    path = tmp_path / "corrupt.parquet"
    path.write_bytes(b"garbage")
    with pytest.raises(InputError, match="cannot read as parquet") as info:
        load(path)
    assert str(path) in str(info.value)


def test_unknown_suffix_raises_input_error(tmp_path):
    path = tmp_path / "quotes.xlsx"
    path.write_bytes(b"x")
    with pytest.raises(InputError, match=r"unknown table format '\.xlsx'") as info:
        load(path)
    assert str(path) in str(info.value)
    with pytest.raises(InputError, match="unknown table format"):
        write_table(quote_frame(), tmp_path / "quotes.xlsx")
    with pytest.raises(InputError, match="expected one of"):
        table_format("quotes.tsv")


@pytest.mark.parametrize("name, fmt", [("a.parquet", "parquet"), ("a.PQ", "parquet"), ("a.csv", "csv"),
                                       ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("a.json", "jsonl")])
def test_table_format_by_suffix(name, fmt):
    assert table_format(name) == fmt


def test_a_quote_table_round_trips_through_a_dataset_directory(tmp_path, seed_article):
    import datasets

    import stance

    frame = stance.extract(str(seed_article))
    path = tmp_path / "quotes.hf"
    write_table(frame, path)
    assert datasets.load_from_disk(str(path)).num_rows == len(frame)
    pd.testing.assert_frame_equal(load(path), frame)
    write_table(frame.head(2), path)  # a dataset at the path is replaced
    assert len(load(path)) == 2
    with pytest.raises(InputError, match="not a dataset directory"):
        write_table(frame, _dir_named(tmp_path))  # a folder of the user's is never removed
    assert (tmp_path / "taken.hf" / "keep.txt").exists()


def _dir_named(tmp_path):
    target = tmp_path / "taken.hf"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    return target


def test_articles_are_read_from_a_dataset_directory(tmp_path):
    import datasets

    path = tmp_path / "articles"
    datasets.Dataset.from_dict({"id": ["a1", "a2"], "text": ["One.", "Two."], "source": ["x", "y"]}).save_to_disk(
        str(path))
    items = list(read_articles(path))
    assert [(a.article_id, a.meta["source"]) for a in items] == [("a1", "x"), ("a2", "y")]
