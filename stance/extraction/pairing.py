"""Which cue a span in quotation marks belongs to when no cue's content claims it: the cue right beside it (`“…,” he
said`, `he said: “…”`), the one before a colon that ends the text before it, or a parenthetical speech verb whose
clause holds it (`African-Americans, he said, can “rock like Jimi”`)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from stance.extraction.cues import ACCORDING, CLAUSE, Cue
from stance.extraction.labelled import headline_speaker
from stance.extraction.lexicon import PERSON_PRONOUNS, PLURAL_PRONOUNS
from stance.extraction.nlp import gap_is_blank, text_of
from stance.extraction.parenthetical import is_parenthetical, reported_head, split_parenthesis
from stance.extraction.phrases import names_someone
from stance.extraction.quotemarks import MarkedSpan


def _cue_extent(cue: Cue, span: MarkedSpan) -> tuple[int, int]:
    """Where a cue's own clause (source and cue word) stands, leaving out the quoted span."""
    tokens = [cue.token]
    if cue.source is not None and cue.source.sent == cue.token.sent:
        tokens += list(cue.source.subtree)
    tokens += [c for c in cue.token.children if c.dep_ in ("prt", "aux", "neg", "advmod", "dobj", "dative")
               and not (span.start <= c.idx < span.end)]
    tokens = [t for t in tokens if not (span.open_mark <= t.idx <= max(span.end, span.close_mark))]
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


# `“…,” he said, but “…”`: a conjunction joining a second quote to the same cue.
_JOINED_GAP = re.compile(r"[^\w\n]*\b(?:and|but)\b[^\w\n]*")


def adjacent_cue(doc: Doc, span: MarkedSpan, cues: list[Cue], across_paragraphs: bool = False) -> Cue | None:
    """A cue standing right beside a marked span: `“…,” he said`, `he said: “…”` or `he said, but “…”`.

    A cue after the quote signs it only within its paragraph: the next paragraph's `X added, “…”`
    opens a new quote. `across_paragraphs` lifts that limit, for a quote nothing else claims.
    """
    close = span.close_mark + 1 if span.closed else span.end
    text = text_of(doc)
    best: tuple[int, Cue] | None = None
    for cue in cues:
        if cue.kind == ACCORDING or span.open_mark <= cue.token.idx < close:
            continue
        lo, hi = _cue_extent(cue, span)
        if hi <= span.open_mark and (gap_is_blank(text, hi, span.open_mark)
                                     or _JOINED_GAP.fullmatch(text, hi, span.open_mark)):
            distance = span.open_mark - hi
        elif lo >= close and gap_is_blank(text, close, lo) and (across_paragraphs or "\n" not in text[close:lo]):
            distance = lo - close
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, cue)
    return best[1] if best else None


def signed_after_colon(doc: Doc, spans: list[MarkedSpan], cues: list[Cue]) -> set[int]:
    """Marked spans after a colon signed right after their comma by a cue with a subject (`…: “…,” X said`): X's
    words, not the cue's before the colon (without the colon, `… “a crime,” Reuters reported`, the quote stays)."""
    text, signed = text_of(doc), set()
    for i, span in enumerate(spans):
        if span.closed and text[:span.open_mark].rstrip().endswith(":") and text[
                span.start:span.close_mark].rstrip().endswith(","):
            cue = adjacent_cue(doc, span, cues)
            if cue is not None and cue.token.idx > span.close_mark and cue.source is not None and (
                    cue.source.dep_ in ("nsubj", "nsubjpass")):
                signed.add(i)
    return signed


def parenthetical_cue(span: MarkedSpan, cues: list[Cue]) -> Cue | None:
    """`African-Americans, he said, can “rock like Jimi”`: a quoted fragment inside the clause that a
    parenthetical speech verb (`parenthetical.is_parenthetical`) reports."""
    for cue in cues:
        if cue.kind == ACCORDING or not is_parenthetical(cue.token):
            continue
        head, verb = reported_head(cue.token), cue.token
        inside_clause = head.left_edge.idx <= span.start < head.right_edge.idx + len(head.right_edge)
        inside_verb = verb.left_edge.idx <= span.start < verb.right_edge.idx + len(verb.right_edge) and (
            split_parenthesis(verb) is None)
        if inside_clause and not inside_verb and head.sent == verb.sent:
            return cue
    return None


def colon_cue(doc: Doc, span: MarkedSpan, cues: list[Cue]) -> Cue | None:
    """`He said:` closing the text before a quote that starts a sentence or paragraph."""
    before = text_of(doc)[:span.open_mark].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    colon_token = doc.char_span(colon, colon + 1, alignment_mode="expand")[0]
    sentence = colon_token.sent
    candidates = [c for c in cues if c.kind != ACCORDING and c.token.idx < colon and c.token.sent == sentence]
    if candidates:
        return candidates[-1]
    # `Sanders made the following comment:` — the sentence's subject introduces the quote.
    # `That's when he followed with:` — a person named before the colon, never `that` or `it`.
    # `The Ukrainian air force issued a statement on Telegram:` — a body or a role too
    subjects = [t for t in sentence if t.dep_ == "nsubj" and t.idx < colon and (
        t.ent_type_ == "PERSON" or t.pos_ == "PROPN" or t.lower_ in PERSON_PRONOUNS | PLURAL_PRONOUNS
        or t.pos_ == "NOUN" and not t.is_upper and names_someone(t))]  # (not a heading: `WHAT VOTERS CARE ABOUT:`)
    if subjects:
        return Cue(subjects[-1].head, CLAUSE, -1, -1, subjects[-1])
    headline = headline_speaker(colon_token)
    return Cue(headline[1], CLAUSE, -1, -1, headline[0]) if headline else None
