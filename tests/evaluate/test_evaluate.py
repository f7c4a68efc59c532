"""Tests for stance.evaluate: matching rules, name normalisation, score arithmetic and the gold readers."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from stance.errors import InputError
from stance.evaluate.gold import holds_quote_mark, load_gold_jsonl, load_polnear, read_brat
from stance.evaluate.quotes import (
    evaluate_quotes,
    normalise_name,
    score_quotes,
    span_matches,
    speaker_matches,
    surname,
)
from stance.schema import apply_dtypes

POLNEAR_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "polnear" / "dev"


def quotes(*rows: tuple) -> pd.DataFrame:
    """A quote frame from (article_id, quote_type, start, end, speaker, speaker_mention) tuples."""
    columns = ["article_id", "quote_type", "start", "end", "speaker", "speaker_mention"]
    return pd.DataFrame([dict(zip(columns, row)) for row in rows], columns=columns)


# --- matching rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pred, gold, expected",
    [
        ((0, 10), (0, 10), True),  # identical
        ((2, 8), (0, 10), True),  # inside
        ((0, 10), (5, 20), True),  # exactly half inside
        ((0, 10), (6, 20), False),  # 4 of 10 inside
        ((0, 11), (5, 20), True),  # 6 of 11 inside
        ((0, 9), (5, 20), False),  # 4 of 9 inside
        ((0, 100), (40, 60), False),  # a long prediction around a short gold quote
        ((15, 25), (0, 20), True),  # half inside at the gold end
        ((5, 5), (0, 10), False),  # an empty prediction matches nothing
        ((10, 20), (0, 10), False),  # touching spans share no character
    ],
)
def test_span_matches_half_inside_rule(pred, gold, expected):
    assert span_matches(*pred, *gold) is expected


# --- names and speakers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, normalised, last",
    [
        ("O’Brien", "obrien", "obrien"),
        ("O'Brien", "obrien", "obrien"),
        ("obrien", "obrien", "obrien"),
        ("Zelenskyy's", "zelenskyy", "zelenskyy"),
        ("Volodymyr Zelenskyy’s", "volodymyr zelenskyy", "zelenskyy"),
        ("Ukraine’s air force", "ukraine air force", "force"),
        ("Recep Tayyip Erdoğan", "recep tayyip erdogan", "erdogan"),
        ("Martin Luther King Jr.", "martin luther king jr", "king"),
        ("Hank Williams, Sr.", "hank williams sr", "williams"),
        ("Jean-Claude Juncker", "jean claude juncker", "juncker"),
        ("  ", "", ""),
        (None, "", ""),
    ],
)
def test_normalise_name_and_surname(name, normalised, last):
    assert normalise_name(name) == normalised
    assert surname(name) == last


@pytest.mark.parametrize(
    "pred_speaker, pred_mention, gold_speaker, gold_mention, expected",
    [
        ("", "He", "", "he", True),  # equal mentions
        ("Edward Lucas", "He", "Edward Lucas", "He", True),
        ("Donald Trump", "he", "", "Trump", True),  # resolved name's surname = gold mention's
        ("", "Caddell", "", "longtime Democratic pollster Pat Caddell", True),
        ("Conor O’Brien", "", "Conor O'Brien", "O'Brien", True),
        ("Zelenskyy", "Zelenskyy's", "Volodymyr Zelenskyy", "the Ukrainian president", True),
        ("", "Pence", "", "nominee\xa0Gov.\xa0Mike Pence (R-IN)", True),  # a token of the gold mention
        ("", "he", "", "Caddell", False),  # an unresolved pronoun
        ("Hillary Clinton", "Clinton", "Donald Trump", "Trump", False),
        ("", "", "", "", True),  # no source on either side
        ("", "", "", "he", False),
        ("Donald Trump", "", "", "", False),  # a speaker where the gold has none
    ],
)
def test_speaker_matches(pred_speaker, pred_mention, gold_speaker, gold_mention, expected):
    assert speaker_matches(pred_speaker, pred_mention, gold_speaker, gold_mention) is expected


# --- score arithmetic ------------------------------------------------------------------------------


def test_score_quotes_hand_computed():
    gold = quotes(
        ("a", "direct", 0, 10, "Ann Lee", "Lee"),  # matched by p1 (speaker right)
        ("a", "indirect", 20, 40, "Bob Ray", "he"),  # matched by p2 (speaker wrong)
        ("a", "mixed", 50, 70, "Cy Yu", "Yu"),  # missed: p3 is only 4/10 inside
        ("b", "direct", 0, 30, "Di Ng", "Ng"),  # matched by p4 and p5; p5 overlaps more and is right
        ("b", "indirect", 40, 50, "Ed Oz", "Oz"),  # missed
    )
    pred = quotes(
        ("a", "direct", 0, 10, "Ann Lee", "Lee"),
        ("a", "indirect", 25, 35, "Cy Yu", "Yu"),
        ("a", "mixed", 44, 54, "Cy Yu", "Yu"),
        ("b", "mixed", 20, 36, "Zed Ma", "Ma"),  # 10 of 16 inside
        ("b", "direct", 2, 28, "", "Ng"),  # 26 inside: the best overlap
        ("b", "direct", 80, 90, "", "Ng"),  # matches nothing
        ("c", "direct", 0, 10, "", "x"),  # article not in gold: ignored
    )
    scores = score_quotes(gold, pred)

    assert [g.name for g in scores.groups] == ["direct", "indirect", "mixed", "direct+mixed", "all"]
    expected = {  # name: (n_gold, n_matched, n_speaker_right)
        "direct": (2, 2, 2),
        "indirect": (2, 1, 0),
        "mixed": (1, 0, 0),
        "direct+mixed": (3, 2, 2),
        "all": (5, 3, 2),
    }
    for name, (n_gold, n_matched, n_right) in expected.items():
        group = scores.group(name)
        assert (group.n_gold, group.n_matched, group.n_speaker_right) == (n_gold, n_matched, n_right), name
    assert scores.recall("all") == pytest.approx(3 / 5)
    assert scores.speaker_accuracy("all") == pytest.approx(2 / 3)
    assert math.isnan(scores.speaker_accuracy("mixed"))
    # precision: p1, p2, p4, p5 match; p3 and p6 do not; p7 is ignored
    assert (scores.n_pred, scores.n_pred_matched, scores.n_pred_ignored) == (6, 4, 1)
    assert scores.precision == pytest.approx(4 / 6)
    assert (scores.n_pred_direct_mixed, scores.n_pred_direct_mixed_matched) == (5, 3)
    assert scores.precision_direct_mixed == pytest.approx(3 / 5)

    as_dict = scores.to_dict()
    assert as_dict["groups"]["all"]["recall"] == pytest.approx(0.6)
    assert as_dict["precision_direct_mixed"] == pytest.approx(0.6)
    table = scores.format()
    assert "direct+mixed" in table and "0.600" in table and "n/a" in table


def test_score_quotes_types_and_article_ids():
    gold = quotes(("a", "direct", 0, 10, "", "x"), ("a", "indirect", 20, 30, "", "x"))
    pred = quotes(("a", "direct", 0, 10, "", "x"), ("b", "direct", 0, 10, "", "x"))
    scores = score_quotes(gold, pred, types=["direct"], article_ids=["a", "b"])
    assert [g.name for g in scores.groups] == ["direct", "direct+mixed", "all"]
    assert (scores.n_pred, scores.n_pred_ignored, scores.precision) == (2, 0, 0.5)


def test_score_quotes_accepts_string_dtypes_and_missing_speakers():
    gold = quotes(("a", "direct", 0, 10, "Ann Lee", "Lee"))
    gold = gold.astype({"article_id": "string", "speaker": "string"})
    pred = pd.DataFrame({"article_id": pd.array(["a"], dtype="string"), "quote_type": ["direct"],
                         "start": [0], "end": [10], "speaker_mention": pd.array([pd.NA], dtype="string")})
    scores = score_quotes(gold, pred)
    assert scores.recall() == 1.0 and scores.speaker_accuracy() == 0.0


def test_score_quotes_names_missing_columns():
    with pytest.raises(InputError, match="predicted quotes lack column.*end"):
        score_quotes(quotes(), pd.DataFrame({"article_id": [], "quote_type": [], "start": []}))


# --- gold JSONL ------------------------------------------------------------------------------------


GOLD_LINE = {
    "doc_id": "d1", "type": "direct", "start": 4, "end": 9, "text": "hello", "speaker": "Ann Lee",
    "speaker_mention": "she", "speaker_type": "person", "cue": "said", "tone": "neutral",
    "stance": "neutral", "note": "",
}
WITHOUT_SPEAKER = {key: value for key, value in GOLD_LINE.items() if key != "speaker"}


def test_load_gold_jsonl(tmp_path):
    path = tmp_path / "g.gold.jsonl"
    second = {**GOLD_LINE, "type": "indirect", "start": 20, "end": 30, "text": "x" * 10}
    path.write_text(json.dumps(GOLD_LINE) + "\n\n" + json.dumps(second) + "\n", encoding="utf-8")
    gold = load_gold_jsonl(path)
    assert gold.columns.tolist() == [
        "article_id", "quote_type", "start", "end", "text", "speaker", "speaker_mention", "speaker_type",
        "cue", "tone", "stance",
    ]
    assert gold["article_id"].tolist() == ["d1", "d1"]
    assert gold["quote_type"].tolist() == ["direct", "indirect"]
    assert gold.loc[0, "speaker"] == "Ann Lee"


@pytest.mark.parametrize(
    "bad_line, message",
    [
        ("{not json", r"g\.jsonl:2: not a JSON object"),
        ("[1, 2]", r"g\.jsonl:2: expected a JSON object"),
        (json.dumps(WITHOUT_SPEAKER), r"g\.jsonl:2: missing key\(s\) speaker$"),
        (json.dumps({**GOLD_LINE, "type": "quoted"}), r"g\.jsonl:2: type 'quoted'"),
        (json.dumps({**GOLD_LINE, "start": "4"}), r"g\.jsonl:2: start/end must be integers"),
    ],
)
def test_load_gold_jsonl_names_file_and_line_of_a_bad_line(tmp_path, bad_line, message):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(GOLD_LINE) + "\n" + bad_line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_gold_jsonl(path)


def test_evaluate_quotes_with_gold_jsonl_and_bad_source(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(GOLD_LINE) + "\n", encoding="utf-8")
    pred = quotes(("d1", "direct", 4, 9, "", "Lee"))
    assert evaluate_quotes(path, pred).speaker_accuracy("direct") == 1.0
    with pytest.raises(InputError, match="expected a gold .jsonl file or a PolNeAR split"):
        evaluate_quotes(tmp_path / "missing", pred)


def test_a_gold_file_that_is_not_text_or_not_there_names_the_problem(tmp_path):
    table = tmp_path / "quotes.parquet"  # e.g. the two arguments given in the wrong order
    table.write_bytes(b"PAR1\x15\x04\x8a\xff\x00")
    with pytest.raises(InputError, match=r"quotes\.parquet: not UTF-8 text \(byte 6\); expected a gold JSONL"):
        load_gold_jsonl(table)
    with pytest.raises(InputError, match="gold file not found"):
        load_gold_jsonl(tmp_path / "missing.jsonl")
    with pytest.raises(InputError, match="a folder without text/ and attributions/"):
        load_gold_jsonl(tmp_path)


def test_evaluate_quotes_reads_a_predictions_file(tmp_path):
    stance = pytest.importorskip("stance", reason="stance.load is not importable yet")
    gold_path = tmp_path / "g.jsonl"
    gold_path.write_text(json.dumps(GOLD_LINE) + "\n", encoding="utf-8")
    table = tmp_path / "quotes.csv"
    predicted = quotes(("d1", "direct", 4, 9, "Ann Lee", "she")).assign(text="hello", quote_id="d1:4-9")
    stance.write_table(apply_dtypes(predicted), table)
    scores = evaluate_quotes(gold_path, table)
    assert (scores.recall("direct"), scores.speaker_accuracy("direct"), scores.precision) == (1.0, 1.0, 1.0)


# --- PolNeAR ---------------------------------------------------------------------------------------

TEXT = (
    "Smith said: “We will win.” Then, he added, taxes\n\nwill fall. "
    "Polls show it’s close. ‘Big Deal’ said Lee.\n"
)


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """The offsets of the nth occurrence of needle in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def write_tiny_polnear(root: Path) -> Path:
    """A split with one article, annotated by two annotators (only the first, `a1`, is read)."""
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "art_one.txt").write_text(TEXT, encoding="utf-8", newline="")
    names = ["Smith", "said", "“We will win.”", "added", "show", "it’s close", "‘Big Deal’", "Lee"]
    s = {name: _span(TEXT, name) for name in names}
    s["he"] = _span(TEXT, "he", 1)  # the first "he" is inside "Then"
    taxes = _span(TEXT, "Then, he added, taxes\n\nwill fall.")
    # a discontinuous Content: "Then," + "taxes\n\nwill fall." around the cue; its surface runs onto 2 lines
    seg1, seg2 = (taxes[0], taxes[0] + 5), (TEXT.index("taxes"), taxes[1])
    said2 = _span(TEXT, "said", 1)
    lines = [
        f"T1\tSource {s['Smith'][0]} {s['Smith'][1]}\tSmith",
        f"T2\tCue {s['said'][0]} {s['said'][1]}\tsaid",
        f"T3\tContent {s['“We will win.”'][0]} {s['“We will win.”'][1]}\t“We will win.”",
        f"T4\tAttribution {s['said'][0]} {s['said'][1]}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tSource {s['he'][0]} {s['he'][1]}\the",
        f"T6\tCue {s['added'][0]} {s['added'][1]}\tadded",
        f"T7\tContent {seg1[0]} {seg1[1]};{seg2[0]} {seg2[1]}\tThen, taxes",
        "",
        "will fall.",
        "#1\tAnnotatorNotes T7\ta note",
        "E2\tSource:T5 Cue:T6 Content:T7 Attribution:T6",  # roles in any order
        f"T8\tCue {s['show'][0]} {s['show'][1]}\tshow",
        f"T9\tContent {s['it’s close'][0]} {s['it’s close'][1]}\tit’s close",
        "E3\tAttribution-no-source:T8 Cue:T8 Content:T9",  # no Source; ’ is an apostrophe here
        f"T10\tContent {s['‘Big Deal’'][0]} {s['‘Big Deal’'][1]}\t‘Big Deal’",
        f"T11\tCue {said2[0]} {said2[1]}\tsaid",
        f"T12\tSource {s['Lee'][0]} {s['Lee'][1]}\tLee",
        "E4\tAttribution:T11 Content:T10 Cue:T11 Source:T12",
        "E5\tAttribution-no-source:T8 ",  # no Content: no gold row
    ]
    (root / "attributions" / "art_one_a1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "attributions" / "art_one_b2.ann").write_text("E1\tAttribution:T9 Content:T9\n", encoding="utf-8")
    return root


def test_read_brat_keeps_discontinuous_segments_and_continued_surfaces(tmp_path):
    root = write_tiny_polnear(tmp_path / "dev")
    spans, events = read_brat(root / "attributions" / "art_one_a1.ann")
    assert spans["T7"].surface == "Then, taxes\n\nwill fall."
    assert spans["T7"].surface == " ".join(TEXT[s:e] for s, e in spans["T7"].segments)
    assert events[1] == {"id": "E2", "Source": "T5", "Cue": "T6", "Content": "T7", "Attribution": "T6"}
    assert len(events) == 5


def test_load_polnear_tiny_split(tmp_path):
    root = write_tiny_polnear(tmp_path / "dev")
    articles, gold = load_polnear(root)
    assert [a.article_id for a in articles] == ["art_one"]
    assert articles[0].text == TEXT and articles[0].meta["annotation_file"] == "art_one_a1.ann"
    assert gold["attribution_id"].tolist() == ["E1", "E2", "E3", "E4"]
    assert gold["quote_type"].tolist() == ["direct", "indirect", "indirect", "direct"]
    assert gold["speaker_mention"].tolist() == ["Smith", "he", "", "Lee"]
    assert gold["source_start"].tolist()[2] == -1 and gold["source_end"].tolist()[2] == -1
    assert gold["cue"].tolist() == ["said", "added", "show", "said"]
    for row in gold.itertuples():
        assert TEXT[row.start:row.end] == row.text
    discontinuous = gold.iloc[1]
    assert discontinuous.text == "Then, he added, taxes\n\nwill fall."
    assert len(discontinuous.content_segments) == 2
    # a prediction for the discontinuous quote's second half matches it
    pred = quotes(("art_one", "indirect", TEXT.index("taxes"), TEXT.index("fall.") + 5, "", "he"))
    scores = evaluate_quotes(root, pred)
    assert scores.group("indirect").n_matched == 1 and scores.speaker_accuracy("indirect") == 1.0


@pytest.mark.parametrize("content, direct", [
    ("“We will win.”", True), ("''We will win,''", True), ("``We will win''", True), ("the ‘Big Deal’", True),
    ("it’s close", False), ("the players' union", False), ("Ukraine's offer", False),
])
def test_a_polnear_content_is_direct_when_it_holds_a_quotation_mark(content, direct):
    assert holds_quote_mark(content) is direct


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason=f"PolNeAR dev split not found at {POLNEAR_DEV}")
def test_real_polnear_dev_offsets_line_up():
    articles, gold = load_polnear(POLNEAR_DEV)
    assert len(articles) == 84 and len(gold) > 2000
    texts = {article.article_id: article.text for article in articles}
    assert (gold["text"] == [texts[a][s:e] for a, s, e in zip(gold.article_id, gold.start, gold.end)]).all()
    checked = 0
    for article in articles:
        spans, _ = read_brat(POLNEAR_DEV / "attributions" / article.meta["annotation_file"])
        for span_id, span in spans.items():
            if span.kind == "Content":
                first_start, first_end = span.segments[0]
                first = article.text[first_start:first_end]
                assert span.surface[: len(first)] == first, (article.article_id, span_id)
                assert " ".join(article.text[s:e] for s, e in span.segments) == span.surface
                checked += 1
    assert checked >= len(gold)
    share_direct = (gold["quote_type"] == "direct").mean()
    assert 0.2 < share_direct < 0.35  # the README: about a quarter of attributions hold a quotation mark
