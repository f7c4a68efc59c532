"""Tests for stance.quotemarks.find_marked_spans: which characters open and close a quote, on sentences
written for the purpose. Each case checks the inner text `text[s.start:s.end]` of every span, in order."""

from __future__ import annotations

import pytest

from stance.extraction.quotemarks import ALL_MARKS, find_marked_spans


def inner(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_marked_spans(text)]


# --- inner texts -----------------------------------------------------------------------------------

CASES = [
    # curly and straight double marks
    pytest.param("Zelenskyy said, “We will not retreat.”", ["We will not retreat."], id="curly-double"),
    pytest.param('Zelenskyy said, "We will not retreat."', ["We will not retreat."], id="straight-double"),
    pytest.param("«Non», a dit le ministre.", ["Non"], id="guillemets"),
    # a partial quote inside a sentence, and several fragments in one sentence
    pytest.param("Maliuk called the operation “a major slap in the face” for Moscow.",
                 ["a major slap in the face"], id="partial-quote"),
    pytest.param("calling it “reckless” and a “provocation” on Monday", ["reckless", "provocation"],
                 id="two-fragments"),
    pytest.param('It was a "brilliant operation", he said, and "historic."', ["brilliant operation", "historic."],
                 id="two-straight-fragments"),
    # several sentences in one quote
    pytest.param("“We are ready. We have always been ready. Are they?” he asked.",
                 ["We are ready. We have always been ready. Are they?"], id="several-sentences"),
    # a quote over two paragraphs, the first closing mark left out (the next paragraph reopens)
    pytest.param("He said: “The first part goes on.\n\n“And the second part ends here,” he added.",
                 ["The first part goes on.", "And the second part ends here,"], id="continued-paragraph"),
    pytest.param('He said: "The first part goes on.\n"And the second part ends here," he added.',
                 ["The first part goes on.", "And the second part ends here,"], id="continued-straight"),
    # an unclosed quote whose next paragraph does not reopen: runs to the end of its paragraph only
    pytest.param("He said: “The first part goes on.\n\nThe reporter wrote this paragraph.",
                 ["The first part goes on."], id="unclosed-not-reopened"),
    pytest.param("He said “we will win and left", ["we will win and left"], id="unclosed-at-end"),
    # an unclosed quote whose next paragraph closes it without reopening: the next paragraph's words up to the close
    pytest.param("“The first part goes on.\n\nThe second part ends here,” she said. Then “another” one.",
                 ["The first part goes on.", "The second part ends here,", "another"], id="closed-next-paragraph"),
    pytest.param('"The first part goes on.\nThe second part ends here," she said.',
                 ["The first part goes on.", "The second part ends here,"], id="closed-next-paragraph-straight"),
    # not a closing mark after a space, nor a paragraph that opens a quote of its own before any close
    pytest.param("“The first part goes on.\n\nThe reporter ” wrote.", ["The first part goes on."],
                 id="closer-after-space-next-paragraph"),
    pytest.param("“The first part goes on.\n\nShe said “no.” Later.", ["The first part goes on.", "no."],
                 id="next-paragraph-opens-its-own"),
    # a second opener before any closer ends the first quote
    pytest.param("“First quote. “Second quote,” he said.", ["First quote.", "Second quote,"], id="opener-twice"),
    # nested single marks inside double: one span, the singles kept inside its text
    pytest.param("“He told me ‘never again’ yesterday,” she said.", ["He told me ‘never again’ yesterday,"],
                 id="nested-curly-single"),
    pytest.param("\"He told me 'never again' yesterday,\" she said.", ["He told me 'never again' yesterday,"],
                 id="nested-straight-single"),
    # headline single quotes
    pytest.param("‘Brilliant operation’: Zelenskyy praises drone raid", ["Brilliant operation"],
                 id="headline-curly-single"),
    pytest.param("'Brilliant operation': Zelenskyy praises drone raid", ["Brilliant operation"],
                 id="headline-straight-single"),
    pytest.param("‘We won’t stop’, he said.", ["We won’t stop"], id="single-with-apostrophe-inside"),
    # apostrophes and plural possessives are not quotes
    pytest.param("The players’ union rejected Ukraine’s offer.", [], id="curly-apostrophes"),
    pytest.param("The players' union rejected Ukraine's offer.", [], id="straight-apostrophes"),
    pytest.param("It’s the Ukraine’s “best chance” in years.", ["best chance"], id="apostrophes-beside-quote"),
    pytest.param("The players’ union called it ‘unacceptable’ on Monday.", ["unacceptable"],
                 id="possessive-then-single-quote"),
    pytest.param("Ukraine’s ‘victory’ and the generals’ plans", ["victory"], id="single-quote-then-possessive"),
    pytest.param("The ’90s were not the '80s.", [], id="leading-apostrophes"),
    # inch marks
    pytest.param("The soldier, 5'10\" tall, said nothing.", [], id="inch-mark"),
    pytest.param("He is 5'10\" and she is 5'4\".", [], id="two-inch-marks"),
    # a stray closing mark opens nothing
    pytest.param("The deal was done.” Then nothing happened.", [], id="stray-closer"),
    pytest.param("Nothing here ” at all.", [], id="stray-closer-before-space"),
    # a closing mark typed where an opening one belongs, at a paragraph start
    pytest.param("”Mr. Trump embodies the problem,” she said.", ["Mr. Trump embodies the problem,"],
                 id="closer-as-opener"),
    pytest.param("Intro line.\n”Mr. Trump embodies the problem,” she said.", ["Mr. Trump embodies the problem,"],
                 id="closer-as-opener-second-paragraph"),
    # offsets index the text as read: \r\n line ends are kept and trimmed from the span
    pytest.param("A line.\r\n“Quoted,” he said.\r\n", ["Quoted,"], id="crlf"),
    # the module docstring's example
    pytest.param("He said “no.” Then ‘yes’.", ["no.", "yes"], id="docstring"),
    # doubled apostrophes and backticks typed for a double mark (newswire, LDC and NYT texts)
    pytest.param("''We will not retreat,'' the general said.", ["We will not retreat,"], id="doubled-apostrophes"),
    pytest.param("But ''the first issue,'' she added, ''is the winter.''", ["the first issue,", "is the winter."],
                 id="doubled-apostrophes-twice"),
    pytest.param("He called it ``a betrayal'' on Monday.", ["a betrayal"], id="backticks-then-apostrophes"),
    pytest.param("“He called it ''a betrayal'' on Monday,” she said.", ["He called it ''a betrayal'' on Monday,"],
                 id="doubled-apostrophes-nested-in-curly"),
    pytest.param("''We will win.\n\n''And soon,'' he said.", ["We will win.", "And soon,"],
                 id="doubled-apostrophes-continued"),
    pytest.param("The players'' union met.", [], id="doubled-apostrophe-after-a-word-opens-nothing"),
    # marks with nothing between them give no span
    pytest.param("“” and \"\"", [], id="empty-quotes"),
    pytest.param("", [], id="empty-text"),
    pytest.param("No quotes at all.", [], id="no-marks"),
    # the same curly marks nested inside a quote, when the paragraph closes both
    pytest.param("“I would rather live in what he calls “hell” than with him,” she wrote.",
                 ["I would rather live in what he calls “hell” than with him,"], id="nested-same-marks"),
    # inch marks and German low-high pairs
    pytest.param("“He is 5'10\" and fast,” the coach said.", ["He is 5'10\" and fast,"], id="inch-inside-quote"),
    pytest.param("„Wir schaffen das“, sagte sie.", ["Wir schaffen das"], id="low-high-double"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_find_marked_spans_inner_text(text, expected):
    assert inner(text) == expected


# --- flags: closed, continued, single ---------------------------------------------------------------

FLAG_CASES = [
    pytest.param("He said: “The first part goes on.\n\n“And the second part ends here,” he added.",
                 [("The first part goes on.", False, True, False),
                  ("And the second part ends here,", True, False, False)],
                 id="continued-true"),
    pytest.param("He said: “The first part goes on.\n\nThe reporter wrote this paragraph.",
                 [("The first part goes on.", False, False, False)], id="not-reopened"),
    pytest.param("He said: “The first part goes on.", [("The first part goes on.", False, False, False)],
                 id="unclosed-last-paragraph"),
    pytest.param("“First quote. “Second quote,” he said.",
                 [("First quote.", False, False, False), ("Second quote,", True, False, False)], id="opener-twice"),
    pytest.param("“He told me ‘never again’ yesterday,” she said.",
                 [("He told me ‘never again’ yesterday,", True, False, False)], id="nested-is-one-double"),
    pytest.param("‘Brilliant operation’: Zelenskyy praises drone raid", [("Brilliant operation", True, False, True)],
                 id="headline-single"),
    pytest.param("He said “no.” Then ‘yes’.", [("no.", True, False, False), ("yes", True, False, True)],
                 id="double-and-single"),
    pytest.param("“First part goes on.\n\nSecond part ends here,” he said.",
                 [("First part goes on.", False, True, False), ("Second part ends here,", True, False, False)],
                 id="continued-into-a-closing-paragraph"),
    pytest.param("“First part goes on.\n”Second part ends here,” he said.",
                 [("First part goes on.", False, True, False), ("Second part ends here,", True, False, False)],
                 id="continued-by-closer-typed-as-opener"),
]


@pytest.mark.parametrize("text, expected", FLAG_CASES)
def test_find_marked_spans_flags(text, expected):
    spans = find_marked_spans(text)
    assert [(text[s.start:s.end], s.closed, s.continued, s.single) for s in spans] == expected


@pytest.mark.parametrize("text", [case.values[0] for case in CASES if not case.marks])
def test_span_marks_surround_inner_text(text):
    """The opening mark is a quotation mark before the inner text; a closing mark, when there, follows it."""
    for s in find_marked_spans(text):
        # a quote carried over from the previous paragraph has no opening mark: it opens with the paragraph
        assert s.open_mark == s.start if s.carried else text[s.open_mark] in ALL_MARKS
        assert s.open_mark + (not s.carried) <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == text[s.start:s.end].strip()
        if s.closed:
            assert s.close_mark >= s.end
            assert text[s.close_mark] in ALL_MARKS
        else:
            assert s.close_mark == -1


def test_a_paragraph_of_many_quotes_is_scanned_like_its_pieces():
    # One huge line (a book pasted without line breaks): each piece's spans, shifted, are the whole line's.
    piece = "He said “we will not give up” and ‘never’ twice. The minister's ‘red line’ held. "
    line = piece * 3000
    spans = find_marked_spans(line)
    one = find_marked_spans(piece)
    assert len(spans) == 3000 * len(one)
    assert [(s.start, s.end) for s in spans[: len(one)]] == [(s.start, s.end) for s in one]
    last = [(s.start - 2999 * len(piece), s.end - 2999 * len(piece)) for s in spans[-len(one):]]
    assert last == [(s.start, s.end) for s in one]
