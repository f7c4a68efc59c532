"""Property tests: the mark scanner and the extractor never raise on odd text, and every offset they
return indexes the article as read."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stance
from stance.extraction.quotemarks import ALL_MARKS, find_marked_spans
from stance.schema import QUOTE_COLUMNS, QUOTE_TYPES, SPEAKER_TYPES

QUOTE_CHARS = "“”‘’\"'„«»"

# --- find_marked_spans ------------------------------------------------------------------------------

mark_heavy_text = st.text(alphabet=st.sampled_from(list(QUOTE_CHARS + "ab Z5.,:;(—\n\r\t ")), max_size=200)
any_text = st.text(max_size=200)


def check_spans(text: str) -> None:
    spans = find_marked_spans(text)
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text)
        if s.carried:  # closes a quote opened in the paragraph before: no opening mark of its own
            assert s.open_mark == s.start and s.closed and text[s.start - 1].isspace()
        else:
            assert s.open_mark < s.start
            assert text[s.open_mark] in ALL_MARKS
        assert s.end > s.start  # no empty spans
        inner = text[s.start:s.end]
        assert inner == inner.strip()
        assert "\n" not in inner  # a span never runs over a paragraph break
        if s.closed:
            assert s.end <= s.close_mark < len(text) and text[s.close_mark] in ALL_MARKS
        else:
            assert s.close_mark == -1
        assert not (s.continued and s.closed)


@settings(max_examples=400, deadline=None)
@given(st.one_of(mark_heavy_text, any_text))
def test_find_marked_spans_offsets_are_valid(text):
    check_spans(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["He said", " ", "“", "”", "‘", "’", '"', "'", "\n", "\n\n", "5'10\"",
                                 "players’ union", "Ukraine’s", "we will win.", ",", ":"]), max_size=30))
def test_find_marked_spans_on_token_soup(tokens):
    check_spans("".join(tokens))


@pytest.mark.parametrize("text", ['He called it ‘the "best" deal’ today.', '‘,"players’ union'])
def test_find_marked_spans_do_not_overlap(text):
    spans = find_marked_spans(text)
    assert spans
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


# --- stance.extract on generated articles -----------------------------------------------------------

WORDS = ["Zelenskyy", "Putin", "Peskov", "officials", "the", "talks", "will", "fail", "said", "warned", "that",
         "told", "reporters", "according", "to", "Ukraine’s", "players’", "union", "he", "she", "they", "called",
         "it", "a", "disaster", "on", "Monday", "5'10\"", "Russia", "must", "pay", "ceasefire", "now"]
MARKS = ["“", "”", "‘", "’", '"', "'", "«", "»", "„"]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)


@st.composite
def balanced_quote(draw) -> str:
    opener, closer = draw(st.sampled_from([("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»")]))
    quote = f"{opener}{draw(words)},{closer}"
    cue = draw(st.sampled_from(["{q} {s} said.", "{s} said: {q}", "{s} warned that {q}", "{q}"]))
    return cue.format(q=quote, s=draw(st.sampled_from(["Zelenskyy", "he", "officials", "the Kremlin"])))


pieces = st.one_of(
    words.map(lambda w: w + "."),
    balanced_quote(),
    st.sampled_from(MARKS),  # unbalanced marks
    st.sampled_from(["\n", "\n\n", "\n \n\n", "\r\n", " "]),  # newlines and empty paragraphs
    st.builds(lambda m, w: m + w, st.sampled_from(MARKS), words),  # a quote left open
)
article_texts = st.lists(pieces, max_size=14).map(" ".join)


def check_rows(frame, text: str) -> None:
    assert list(frame.columns) == list(QUOTE_COLUMNS)
    for row in frame.itertuples(index=False):
        assert 0 <= row.start <= row.end <= len(text)
        assert row.text == text[row.start:row.end]
        assert row.quote_type in QUOTE_TYPES
        assert row.speaker_type in SPEAKER_TYPES
        assert row.quote_id == f"{row.article_id}:{row.start}-{row.end}"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_texts)
def test_extract_never_raises_and_offsets_index_the_article(text):
    report = stance.RunReport()
    frame = stance.extract([stance.Article("gen", text)], report=report)
    if not text.strip():  # a blank article is reported as such, never extracted
        assert [e.reason for e in report.errors] == ["empty article"]
        assert frame.empty
        return
    assert report.errors == []  # no article fails extraction
    assert report.articles == 1
    check_rows(frame, text)


def test_extract_huge_paragraph_in_small_chunks():
    sentence = "“We will not give up our land,” Zelenskyy said on Monday. Officials warned that strikes go on. "
    text = (sentence * (250_000 // len(sentence) + 1))[:250_000]
    assert "\n" not in text
    report = stance.RunReport()
    frame = stance.extract([stance.Article("huge", text)], stance.ExtractConfig(max_chunk_chars=20_000),
                           report=report)
    assert report.errors == []
    check_rows(frame, text)
    # chunking loses no quote: every complete `“…,” Zelenskyy said` is found as a direct quote
    expected = text.count("“We will not give up our land,”")
    direct = frame[frame["quote_type"] == "direct"]
    assert len(direct) >= 0.95 * expected
    assert set(direct["text"]) == {"We will not give up our land,"}


@pytest.mark.parametrize("content", ["", "  \n\t \r\n"])
def test_empty_txt_through_extract_is_an_item_error(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_text(content, encoding="utf-8")
    report = stance.RunReport()
    frame = stance.extract(path, report=report)
    assert frame.empty
    assert list(frame.columns) == list(QUOTE_COLUMNS)
    assert dict(frame.dtypes) == {name: frame[name].dtype for name in QUOTE_COLUMNS}
    for name, dtype in QUOTE_COLUMNS.items():
        assert frame[name].dtype == dtype
    assert report.articles == 0
    assert [(e.source, e.reason) for e in report.errors] == [(str(path), "empty article")]


@pytest.mark.parametrize("content", ["", "  \n\t \r\n"])
def test_empty_article_record_through_extract_is_an_item_error(content):
    report = stance.RunReport()
    frame = stance.extract([stance.Article("blank", content), stance.Article("ok", "Fine text.")], report=report)
    assert frame.empty
    assert list(frame.columns) == list(QUOTE_COLUMNS)
    assert report.articles == 1
    assert [e.source for e in report.errors] == ["blank"]
    assert "empty article" in report.errors[0].reason
