"""What the classifier reads beside a quote: its cue sentence, cut from the article by offsets (LABELS.md §6)."""

from __future__ import annotations

import pytest

from stance.classifier.inputs import with_context
from stance.extraction.context import cue_sentence, find_cue


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def test_the_quote_is_cut_out_of_its_sentence_and_the_neighbours_are_left_out():
    text = ("The dam broke at night. The mayor, visibly shaken, called the strike “a crime against every family "
            "here” and left. Rescue teams arrived later.")
    start, end = _span(text, "a crime against every family here")
    assert cue_sentence(text, start, end) == "The mayor, visibly shaken, called the strike “…” and left."


def test_a_cue_in_the_next_sentence_brings_that_sentence_in():
    text = "Roads were closed. “We will rebuild every bridge.” That was the promise the governor made. Rain fell."
    start, end = _span(text, "We will rebuild every bridge.")
    cue = find_cue(text, start, end, "promise")
    assert cue is not None
    assert cue_sentence(text, start, end, *cue) == "“…” That was the promise the governor made."
    assert cue_sentence(text, start, end) == ""  # the quote is its whole sentence and no cue is given


def test_abbreviations_and_initials_end_no_sentence_but_a_capital_word_does():
    text = ("Prof. Anna Berg of St. Andrews and John F. Smith said that talks were over. Then she spoke to X. "
            "Later she said nothing.")
    start, end = _span(text, "talks were over")
    assert cue_sentence(text, start, end) == "Prof. Anna Berg of St. Andrews and John F. Smith said that …."
    start, end = _span(text, "spoke to")
    assert cue_sentence(text, start, end) == "Then she … X."  # `to X.` ends its sentence: `X` follows no name


def test_a_long_sentence_is_cut_at_a_word_on_each_side():
    text = "He said " + "very " * 100 + "that “it ends now” and " + "then " * 100 + "left."
    start, end = _span(text, "it ends now")
    context = cue_sentence(text, start, end)
    assert "…" in context and len(context) < 520
    assert context.split("…")[0].startswith("very") and not context.startswith("He said")


def test_find_cue_takes_the_nearest_occurrence_outside_the_quote():
    text = "She said it twice. “They said no,” she said, “and they meant it.”"
    start, end = _span(text, "They said no,")
    found = find_cue(text, start, end, "said")
    assert found is not None and text[found[0]:found[1]] == "said" and found[0] > end
    assert find_cue(text, start, end, "denied") is None
    assert find_cue(text, start, end, "") is None


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 2), (0, 10_000)])
def test_bad_offsets_give_no_context(start, end):
    assert cue_sentence("A short text.", start, end) == ""


def test_with_context_joins_the_cue_the_quote_and_the_sentence():
    assert with_context("it ends now", "said", "He  said that\n…") == "said: it ends now [SEP] He said that …"
    assert with_context("it ends now", "said", "") == "said: it ends now"
    assert with_context("it ends now", None, None) == "it ends now"


def test_a_quote_that_ends_its_sentence_with_the_full_stop_and_mark_stops_there():
    text = "It said the jets could carry “bombs of every kind.” These are the newest. Nothing else was said."
    start, end = _span(text, "bombs of every kind.”")
    assert cue_sentence(text, start, end) == "It said the jets could carry “…"


def test_the_quotes_place_keeps_the_white_space_around_it():
    text = "He wrote that we must go .. he never said where. She replied “no…”and left."
    start, end = _span(text, "we must go")
    assert cue_sentence(text, start, end) == "He wrote that … .. he never said where."
    start, end = _span(text, "no…")
    assert cue_sentence(text, start, end) == "She replied “…”and left."
