"""The cue sentence of a quote: the sentence (or sentences) that hold the quote and its cue, the quote cut out.

LABELS.md §6: the quote's own words together with its cue sentence set its labels. The sentence is cut from the
article by offsets alone, with no parser, so that any table of quotes with offsets (training data, an extraction
table) gives the same context at training and at prediction time:

>>> article = "It burned. Lucas went further, calling it “the most audacious attack of the war”. Then he left."
>>> cue_sentence(article, 43, 79)
'Lucas went further, calling it “…”.'
"""

from __future__ import annotations

import re

#: A sentence ends at `.`, `!`, `?` or `…` (a closing quotation mark may follow) before white space and a capital,
#: a digit or an opening mark, or at a line break.
SENTENCE_END = re.compile(r"[.!?…][”’\"']?\s+(?=[“‘\"'A-Z0-9])|\n")
#: Words whose full stop ends no sentence (`St. Andrews`, `Gen. Zaluzhnyi`, `U.S. officials`).
ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]+ [A-Z]|\b(?:St|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Adm|Gov|Sen|Rep|"
                          r"Prof|Jr|Sr|Rev|Mt|No|Vol|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs?|[A-Z]\.[A-Z]))$")
#: The most context kept on each side of the quote, in characters (cut at a word).
SIDE_LIMIT = 240


def _ends(text: str, begin: int, stop: int):
    """Where sentences end between `begin` and `stop`: (end of the last mark, start of the next sentence)."""
    for match in SENTENCE_END.finditer(text, begin, stop):
        if match.group()[0] == "." and ABBREVIATION.search(text, max(0, match.start() - 16), match.start()):
            continue
        yield match.start() + len(match.group().rstrip()), match.end()


def _sentence_start(text: str, position: int) -> int:
    start = max(0, position - 4 * SIDE_LIMIT)
    for _, after in _ends(text, start, min(len(text), position + 2)):
        if after <= position:
            start = after
    return start


def _sentence_end(text: str, position: int) -> int:
    """The end of the sentence that holds `position` (its closing mark included)."""
    return next((end for end, _ in _ends(text, position, position + 4 * SIDE_LIMIT)),
                min(len(text), position + 4 * SIDE_LIMIT))


def cue_sentence(text: str, start: int, end: int, cue_start: int | None = None, cue_end: int | None = None) -> str:
    """The sentence (or sentences) holding the quote `text[start:end]` and its cue, with the quote itself cut out
    (`…`): what the cue sentence says around the quote. Empty when the quote is its whole sentence and no cue
    lies outside it."""
    if not (0 <= start <= end <= len(text)):
        return ""
    low = min(start, cue_start) if cue_start is not None and cue_start >= 0 else start
    high = max(end, cue_end) if cue_end is not None and 0 <= cue_end <= len(text) else end
    before = text[_sentence_start(text, low):start]
    # (from the quote's last marks on: a quote may end with its sentence's full stop and closing mark)
    after = text[end:max(end, _sentence_end(text, max(high - 3, start)))]
    if len(before) > SIDE_LIMIT:
        before = before[-SIDE_LIMIT:].split(" ", 1)[-1]
    if len(after) > SIDE_LIMIT:
        after = after[:SIDE_LIMIT].rsplit(" ", 1)[0]
    # the quote's place keeps the white space the article had on each side of it
    glue_before = " " if before[-1:].isspace() else ""
    glue_after = " " if after[:1].isspace() else ""
    before, after = " ".join(before.split()), " ".join(after.split())
    if not re.search(r"\w", before + after):
        return ""
    return f"{before}{glue_before}…{glue_after}{after}".strip()


def find_cue(text: str, start: int, end: int, cue: str | None, reach: int = 300) -> tuple[int, int] | None:
    """Where a quote's cue (`said`, `according to`) lies in `text`: its occurrence nearest the quote within
    `reach` characters, outside the quote; None when it is not there."""
    cue = (cue or "").strip()
    if not cue:
        return None
    best = None
    for match in re.finditer(re.escape(cue), text[max(0, start - reach):end + reach], flags=re.IGNORECASE):
        where = (max(0, start - reach) + match.start(), max(0, start - reach) + match.end())
        if where[0] < end and where[1] > start:
            continue
        distance = start - where[1] if where[1] <= start else where[0] - end
        if best is None or distance < best[0]:
            best = (distance, where)
    return best[1] if best else None
