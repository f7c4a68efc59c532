"""Find quoted spans from quotation marks alone, before any parsing.

Handles curly and straight double marks, doubled apostrophes standing for a double mark
(`''…''` and ```…''`, the typewriter style of many newswire and LDC texts), top-level single
marks (headlines), nested single marks inside double ones, quotes that run over paragraphs
with the closing mark left out, and unbalanced marks: an unclosed quote runs to the end of its paragraph and is flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚"
SINGLE_CLOSE = "’"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'`"
#: Two characters typed for one double mark: `''` opens and closes, ```` `` ```` only opens.
PAIRED_OPEN = ("''", "``")
PAIRED_CLOSE = "''"
MAX_SINGLE_CHARS = 300

_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class MarkedSpan:
    """Text between quotation marks: `start`/`end` are the inner offsets, whitespace trimmed."""

    start: int
    end: int
    open_mark: int
    close_mark: int  # -1 when the closing mark is missing
    single: bool = False
    continued: bool = False  # runs on into the next paragraph, which opens with a mark or closes it
    carried: bool = False  # goes on with a quote left open at the previous paragraph's end: no opening mark

    @property
    def closed(self) -> bool:
        return self.close_mark >= 0


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _opens_straight(text: str, i: int, lo: int, width: int = 1) -> bool:
    """A straight `"` (or a doubled `''`, `width` 2) opens a quote when it stands before a word, after a
    space, a bracket or the line start."""
    before = text[i - 1] if i > lo else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isdigit():  # 5'10" — an inch mark
        return False
    return (before.isspace() or before in "([{—–-:/,;") and not after.isspace()


def mark_width(text: str, position: int) -> int:
    """How many characters the mark at `position` spans: 2 for a doubled apostrophe or backtick, else 1.

    >>> mark_width("''Yes,'' he said.", 0), mark_width("''Yes,'' he said.", 7), mark_width('"Yes"', 0)
    (2, 2, 1)
    """
    if text.startswith(PAIRED_OPEN, position):
        return 2
    return 2 if position > 0 and text.startswith(PAIRED_CLOSE, position - 1) else 1


def _scan_doubles(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs of (open, close) double marks within [lo, hi); also the position of an opener left open.

    A doubled mark (`''`, ```` `` ````) opens at its first character and closes at its second, so that
    `close + 1` is always the first character after the closing mark."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    nested = 0  # curly double marks nested inside a curly double quote: `“… he calls “hell” …”`
    skip_to = lo
    for i in range(lo, hi):
        if i < skip_to:
            continue
        ch = text[i]
        if text.startswith(PAIRED_OPEN, i) and i + 1 < hi:
            skip_to = i + 2
            if open_at is None:
                if _opens_straight(text, i, lo, width=2):
                    open_at = i
            elif text[open_at] in "'`" and text.startswith(PAIRED_CLOSE, i):
                pairs.append((open_at, i + 1))
                open_at = None
            continue
        if ch == "“" and open_at is not None and text[open_at] == "„":
            pairs.append((open_at, i))  # German „…“
            open_at = None
        elif ch in DOUBLE_OPEN:
            if open_at is not None and text.count("”", i, hi) >= text.count("“", i, hi) + nested + 1:
                nested += 1  # the rest of the paragraph closes this one and the outer one: nested
                continue
            if open_at is not None:
                # A second opener before any closer: the first quote lost its closing mark.
                pairs.append((open_at, -i))
            open_at, nested = i, 0
        elif ch in DOUBLE_CLOSE:
            if open_at is None and (i == lo or text[i - 1].isspace()) and i + 1 < hi and text[i + 1].isalnum():
                open_at = i  # `”Mr. Trump embodies …`: a closing mark typed where an opening one belongs
            elif nested:
                nested -= 1
            elif open_at is not None:
                pairs.append((open_at, i))
                open_at = None
        elif ch == '"':
            if open_at is None:
                if _opens_straight(text, i, lo):
                    open_at = i
            elif not (i > lo and text[i - 1].isdigit() and text[open_at] != '"'):
                # (a straight mark after a digit inside a curly quote is an inch mark: `5'10"`)
                pairs.append((open_at, i))
                open_at = None
    return pairs, open_at


def _scan_singles(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Top-level single-quoted spans (‘…’, or '…' between spaces), outside double-quoted spans."""
    pairs: list[tuple[int, int]] = []
    taken = sorted(taken)
    k = 0  # the first taken span that does not end before i (i only moves forward: linear in the paragraph)
    i = lo
    while i < hi:
        ch = text[i]
        while k < len(taken) and taken[k][1] < i:
            k += 1
        inside = k < len(taken) and taken[k][0] <= i
        before = text[i - 1] if i > lo else " "
        after = text[i + 1] if i + 1 < hi else " "
        opens = ch in SINGLE_OPEN or (ch == "'" and (before.isspace() or before in "([—:") and after.isalnum())
        if inside or not opens or after.isspace():
            i += 1
            continue
        closer = "'" if ch == "'" else SINGLE_CLOSE + "'"
        j = i + 1
        found = -1
        while j < min(hi, i + MAX_SINGLE_CHARS):
            nxt = text[j + 1] if j + 1 < hi else " "
            if text[j] in closer and not nxt.isalnum() and not text[j - 1].isspace():
                # `the players’ union`: a plural possessive, not a closing mark.
                if not (text[j - 1] in "sS" and nxt == " " and j + 2 < hi and text[j + 2].islower()
                        and ch != "‘"):
                    found = j
                    break
            if text[j] in DOUBLE_OPEN + DOUBLE_CLOSE + '"\n':
                break
            j += 1
        if found > 0:
            pairs.append((i, found))
            i = found + 1
        else:
            i += 1
    return pairs


def _opens_with_mark(paragraph: str) -> bool:
    stripped = paragraph.lstrip()
    return bool(stripped) and (stripped[0] in DOUBLE_OPEN + DOUBLE_CLOSE + '"' or stripped.startswith(PAIRED_OPEN))


def _stray_closer(text: str, lo: int, hi: int) -> int | None:
    """Where a paragraph closes a quote it never opened: its first double mark is a closing one after a word
    (`… functions,” said Peskov.`), the end of a quote left open at the previous paragraph's end."""
    for i in range(lo, hi):
        ch = text[i]
        if ch in DOUBLE_OPEN + DOUBLE_CLOSE + '"' or text.startswith(PAIRED_OPEN, i):
            straight = ch == '"' and not _opens_straight(text, i, lo) and not text[i - 1].isdigit()  # not 5'10"
            return i if (ch in DOUBLE_CLOSE or straight) and i > lo and not text[i - 1].isspace() else None
    return None


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """All quoted spans of a text, in order.

    >>> [text[s.start:s.end] for text in ['He said “no.” Then ‘yes’.'] for s in find_marked_spans(text)]
    ['no.', 'yes']
    """
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    spans: list[MarkedSpan] = []
    carried = -1  # the closing mark of a quote carried over from the previous paragraph
    for index, (lo, hi) in enumerate(paragraphs):
        doubles: list[tuple[int, int]] = []
        if carried >= lo:
            start, end = _trim(text, lo, carried + 1 - mark_width(text, carried))
            spans.append(MarkedSpan(start, end, start, carried, carried=True))
            doubles.append((lo, carried))
        pairs, left_open = _scan_doubles(text, max(lo, carried + 1), hi)
        carried = -1
        for open_mark, close_mark in pairs:
            if close_mark < 0:  # closed by the next opener
                start, end = _trim(text, open_mark + mark_width(text, open_mark), -close_mark)
                spans.append(MarkedSpan(start, end, open_mark, -1))
                doubles.append((open_mark, -close_mark - 1))
            else:
                start, end = _trim(text, open_mark + mark_width(text, open_mark),
                                   close_mark + 1 - mark_width(text, close_mark))
                spans.append(MarkedSpan(start, end, open_mark, close_mark))
                doubles.append((open_mark, close_mark))
        if left_open is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            continued = nxt is not None and _opens_with_mark(text[nxt[0]:nxt[1]])
            start, end = _trim(text, left_open + mark_width(text, left_open), hi)
            if nxt is not None and not continued and end > start:
                carried = _stray_closer(text, *nxt) or -1
                continued = carried >= 0
            spans.append(MarkedSpan(start, end, left_open, -1, continued=continued))
            doubles.append((left_open, hi))
        singles = [(a, b) for a, b in _scan_singles(text, lo, hi, doubles)
                   if not any(a <= d_open <= b or d_open <= a <= d_close for d_open, d_close in doubles)]
        for open_mark, close_mark in singles:
            start, end = _trim(text, open_mark + 1, close_mark)
            spans.append(MarkedSpan(start, end, open_mark, close_mark, single=True))
    spans = [s for s in spans if s.end > s.start]
    spans.sort(key=lambda s: s.start)
    return spans


# A word before the marks that introduces a work by its title: `author of “…”`, `a book titled “…”`, `the film “…”`.
TITLE_INTRODUCERS = frozenset({"of", "titled", "entitled", "book", "books", "film", "documentary", "novel", "memoir",
                               "album", "song", "article", "essay", "op-ed", "column", "headline", "programme",
                               "program", "series", "show", "play", "poem", "report", "study", "paper", "podcast"})
TITLE_WORDS = 14  # a title is short


def is_title(text: str, span: MarkedSpan) -> bool:
    """Whether marked words are the title of a work (`author of "Spies: The Epic Intelligence War"`, `the documentary
    “Superpower”`), which LABELS.md §1 does not count as a quote: words in title case, no more than a title's
    length, right after a word that introduces a title. Not a name given (`called it “A Crime”`)."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text[span.start:span.end])
    if not words or len(words) > TITLE_WORDS or any(ch in text[span.start:span.end] for ch in ".!?"):
        return False
    major = [w for i, w in enumerate(words) if i == 0 or len(w) >= 4]
    if sum(w[0].isupper() for w in major) < 0.75 * len(major):
        return False
    line = max(span.open_mark - 40, text.rfind("\n", 0, span.open_mark) + 1, 0)
    before = re.findall(r"[\w'’-]+", text[line:span.open_mark])
    return bool(before) and before[-1].lower() in TITLE_INTRODUCERS
