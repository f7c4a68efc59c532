"""Quotes signed or introduced outside any cue: a dash after the quote (`“…” ― Carla Sanchez`), a sign-off line
under it (`- Defence Minister Rustem Umerov`), a verbless line ending in a colon before it (`And from Defence
Minister Rustem Umerov:`), and a transcript's speaker label (`WALLACE: …`)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from stance.extraction.lexicon import LINE_LABELS, ORGANIZATION_NOUNS, TITLES
from stance.extraction.mentions import ArticleIndex
from stance.extraction.names import normalize
from stance.extraction.nlp import between_marks, gap_is_blank, text_of
from stance.extraction.quotemarks import MarkedSpan
from stance.records import Speaker

_DASH_SOURCE = re.compile(r"(?:[^\S\n]|,)*[―—–][^\S\n]*([^\n,.;(]{2,80})")
# a transcript line's label, with a note on how the words came (`ZELENSKYY (through translator): …`)
# the words of a line in someone's own voice (`I`, `we`, `my`, …), for patterns that look for one
FIRST_PERSON_WORDS = r"I|[Ww]e|[Mm]y|[Oo]ur|[Mm]e|[Uu]s"
_LABEL = r"([A-Z][A-Z.'’ -]{1,40})(?:[^\S\n]*\([^()\n]{1,40}\))?:"
TRANSCRIPT_LABEL = re.compile(_LABEL + r"\s")
_TRANSCRIPT_LINES = re.compile(r"(?m)^[^\S\n]*" + _LABEL + r"[^\S\n]")  # every line's label, in a text
# a post's signature on the line under it: `— Scott Adams (@ScottAdamsSays) February 9, 2024`, `— Maria Ivanova`
SIGNATURE = re.compile(r"[-–—―]\s*([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,4})\s*(?:\(@\w+\)|,|$)")
# a post's signature with its author's handle, the name in any case (`— Ursula von der Leyen (@vonderleyen) …`)
HANDLE_SIGNATURE = re.compile(r"[^\S\n]*[-–—―][^\S\n]*([A-Z][^\n(@]{1,60}?)[^\S\n]*\(@\w+\)")


def dash_source(doc: Doc, span: MarkedSpan) -> Token | None:
    """The name after a dash that signs a quote: `“…” ― Carla Sanchez`."""
    close = span.close_mark + 1 if span.closed else span.end
    match = _DASH_SOURCE.match(text_of(doc), close)
    if not match or not match.group(1)[:1].isupper():
        return None
    name = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
    if name is None or not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in name):
        return None
    return name.root


# A sign-off line under a quote: `“…”` then, on its own line, `- Defence Minister Rustem Umerov` or `— Umerov`.
_SIGN_OFF = re.compile(r"[^\S\n]*\n\s*[-―—–~][^\S\n]*([^\n]{2,80}?)[^\S\n]*(?:\n|$)")


def named_person(doc: Doc, start: int, end: int) -> Token | None:
    """The person a short verbless stretch of text names (`Defence Minister Rustem Umerov`), else None."""
    words = doc.char_span(start, end, alignment_mode="expand")
    # a relative clause on the name is not the line's verb (`In the words of X, who is the forum's director:`)
    words = [t for t in words or () if not any(a.dep_ == "relcl" for a in (t, *t.ancestors))]
    if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    names = [t for t in words if t.ent_type_ == "PERSON" or t.pos_ == "PROPN"]
    # `Andriy Yermak, head of the Presidential Office`: the name before a comma; what follows is the name's role
    before = [t for t in names if not any(c.text == "," and c.i < t.i for c in words)]
    return (before or names)[-1] if names else None


def sign_off(doc: Doc, span: MarkedSpan) -> Token | None:
    """The person named on a dash line right under a quote that ends its paragraph."""
    if not span.closed:
        return None
    match = _SIGN_OFF.match(text_of(doc), span.close_mark + 1)
    if not match or not match.group(1)[:1].isupper():
        return None
    return named_person(doc, match.start(1), match.end(1))


def colon_introducer(doc: Doc, span: MarkedSpan) -> Token | None:
    """The person named in a verbless introduction ending in a colon, in the line before a quote that opens a
    paragraph: `And from Defence Minister Rustem Umerov:`."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, span.open_mark) + 1
    if not gap_is_blank(text, line_start, span.open_mark):
        return None
    before = text[:line_start].rstrip()
    if not before.endswith(":"):
        return None
    start = max(text.rfind("\n", 0, len(before)) + 1, doc.char_span(len(before) - 1, len(before),
                                                                    alignment_mode="expand").sent.start_char)
    if len(before) - start > 120:
        return None
    return named_person(doc, start, len(before) - 1)


def transcript_label(line: str) -> re.Match | None:
    """The speaker's label a transcript line opens with (`BANNON: …`, `LINDSEY GRAHAM: …`); not a heading that
    labels the line (`UPDATE: …`, `TRENDING: …`)."""
    label = TRANSCRIPT_LABEL.match(line)
    return label if label and not any(w.lower() in LINE_LABELS for w in label.group(1).split()) else None


def transcript_turns(text: str) -> list[tuple[str, str]]:
    """(label, words) of every line of a text that opens with a speaker's label in capitals (`KATE BOULDUAN: …`);
    not a heading's (`UPDATE: …`)."""
    turns = []
    for match in _TRANSCRIPT_LINES.finditer(text):
        label, end = match.group(1).strip(), text.find("\n", match.end())
        if not any(w.lower() in LINE_LABELS for w in label.split()):
            turns.append((label, text[match.end():len(text) if end < 0 else end]))
    return turns


def _line_of(token: Token) -> tuple[int, int]:
    """Where the line a token stands in begins and ends, in its Doc's text."""
    text = text_of(token.doc)
    end = text.find("\n", token.idx)
    return text.rfind("\n", 0, token.idx) + 1, len(text) if end < 0 else end


def line_owner(token: Token) -> Token | None:
    """Whose line a word outside quotation marks stands in, when the line says so: a transcript's label
    (`BANNON: I think …` → `BANNON`) or a post's signature on the line under its paragraph (`I think … ⏎ — Maria
    Ivanova (@mivanova)` → `Ivanova`). None for an article's own lines (an op-ed's `I` is the writer's)."""
    doc, text = token.doc, text_of(token.doc)
    if between_marks(token):
        return None
    start, end = _line_of(token)
    label = transcript_label(text[start:end])
    if label is not None and label.end() <= token.idx - start:
        words = doc.char_span(start + label.start(1), start + label.end(1), alignment_mode="contract")
        return words[-1] if words else None
    following = re.compile(r"\s*\n([^\n]*)").match(text, end)
    signature = SIGNATURE.match(following.group(1)) if following else None
    if signature is None or following.group(1).endswith("?"):
        return None
    name_start = following.start(1) + signature.start(1)
    return named_person(doc, name_start, following.start(1) + signature.end(1))


def labels_its_line(token: Token) -> bool:
    """Whether a word in capitals is the speaker's label its transcript line opens with (`TAPPER` in `TAPPER: Do you
    think …`): a person, whom the article may name nowhere else."""
    if not token.is_upper:
        return False
    start, end = _line_of(token)
    label = transcript_label(text_of(token.doc)[start:end])
    return label is not None and start + label.start(1) <= token.idx < start + label.end(1)


def transcript_speaker(token: Token, mention: str, index: ArticleIndex) -> Speaker | None:
    """The speaker a transcript line's label names (`BOULDUAN: …`): the name the article gives them elsewhere, else
    the fullest label it gives them (`KATE BOULDUAN: …` earlier); None for any other word."""
    if not labels_its_line(token) or token.ent_type_ in ("ORG", "GPE", "NORP") and (
            len(token) <= 4 or token.lower_ in ORGANIZATION_NOUNS):
        return None  # (`AP: Trump chair routed …`, `NATO: …`: a body's line)
    labels = [label for label, _ in transcript_turns(text_of(token.doc))]
    fullest = max((label for label in labels if normalize(label.split()[-1]) == normalize(token.text)), key=len,
                  default=token.text)
    return Speaker(max(index.canonical_name_text(token.text, token.idx), fullest, _named_in_prose(token),
                       key=lambda n: len(n.split())), mention, "person")


def _named_in_prose(label: Token) -> str:
    """The name the article's prose gives a transcript label's person, whatever the tagger took it for
    (`CNN's Christiane Amanpour`, tagged an organisation, for `AMANPOUR:`): an entity of two or three capitalised
    words ending in the label's word, outside the transcript's labels; the label itself when there is none."""
    for entity in label.doc.ents:
        words = entity.text.split()
        if (2 <= len(words) <= 3 and normalize(words[-1]) == normalize(label.text) and not labels_its_line(entity[0])
                and all(w[:1].isupper() and not w.isupper() and w.lower() not in TITLES for w in words)):
            return entity.text
    return label.text
