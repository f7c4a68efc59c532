"""Relayed speech (LABELS.md §6): a quote relayed by a news agency, a report or an office belongs to its original
speaker. These rules run over the quotes a chunk's cues found (`Found`: kind, span, cue, speaker)."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from spacy.tokens import Doc, Token

from stance.extraction.cues import ACCORDING, Cue
from stance.extraction.lexicon import EXPOSITORY_VERBS, SHOWING_VERBS, SPEECH_VERBS, SUBORDINATORS
from stance.extraction.nlp import text_of
from stance.extraction.parenthetical import is_parenthetical
from stance.extraction.phrases import names_a_source, names_someone
from stance.extraction.sources import is_reporting_verb
from stance.records import Speaker


class Found(Protocol):
    """A quote a chunk's cues found (`quotes._Found` has these fields): its kind, span, cue and speaker."""

    kind: str
    start: int
    end: int
    cue: Cue | None
    speaker: Speaker | None


def relayed(found: list[Found]) -> list[Found]:
    """The quotes with relaying resolved: an `according to` content that only relays another cue's quote is
    dropped, and a report whose content opens with `according to X` is X's."""
    found = _drop_relaying(found)
    _according_inside(found)
    return found


def _drop_relaying(found: list[Found]) -> list[Found]:
    """`According to the report, the ministry said that …`: the `according to` content that holds another cue with
    its own source gives way to that cue's quote (its source is the one who spoke). So does an `as` clause's
    (`As the agency reported, the minister called for …`) and a report's (`Almayadeen reports: X said that …`)."""
    def inside(other: Found, item: Found) -> bool:
        return (other is not item and other.cue is not None and other.cue.kind != ACCORDING
                and other.cue.source is not None and item.start <= other.start and other.end <= item.end
                and item.start <= other.cue.source.idx < item.end)

    def relaying(item: Found) -> bool:
        return item.cue is not None and (item.cue.kind == ACCORDING or item.cue.token.dep_ == "advcl"
                                         and is_parenthetical(item.cue.token)
                                         or item.cue.token.lemma_.lower() == "report")

    # `According to the ministry, the flight data show that …`: what a thing shows is no one's words; the
    # relayed statement is the ministry's, whole
    # (`According to Reuters, the Pentagon sent a memo …, clarifying how …`: a participle beside a deed is part of
    # the deed the source reports)
    shown = {id(other) for item in found if relaying(item) and item.cue.kind == ACCORDING for other in found
             if inside(other, item) and (shows_evidence(other.cue) or other.cue.token.lemma_.lower() in EXPOSITORY_VERBS
                                         and _beside_a_deed(other.cue.token, ("advcl", "xcomp")))}
    found = [item for item in found if id(item) not in shown]
    for item in (i for i in found if i.cue is not None and i.cue.kind == ACCORDING):
        # `According to state media, the general resigned, saying …`: the source reports the deed, and the words
        # after it are the doer's own quote
        said = [o.cue.token for o in found if inside(o, item)]
        if said and all(_beside_a_deed(t, ("advcl",)) and t.left_edge.idx > item.start for t in said):
            text = text_of(said[0].doc)
            item.end = len(text[:min(t.left_edge.idx for t in said)].rstrip(" ,;—–-"))
    return [item for item in found if not (relaying(item) and any(inside(other, item) for other in found))]


def shows_evidence(cue: Cue) -> bool:
    """Whether a cue is a thing showing something (`the flight data show that …`, `satellite images indicate …`):
    a verb of showing whose subject is no one (not `the minister`, `Kyiv`, `it`)."""
    source = cue.source
    return cue.token.lemma_.lower() in SHOWING_VERBS and source is not None and not (
        source.pos_ in ("PRON", "PROPN") or names_someone(source))


def _beside_a_deed(token: Token, deps: tuple[str, ...]) -> bool:
    """Whether a cue word is a participle (hung by one of `deps`) beside a verb that reports nothing: `resigned,
    saying …`, `sent a memo, clarifying how …`."""
    return token.tag_ == "VBG" and token.dep_ in deps and token.head.pos_ == "VERB" and not (
        is_reporting_verb(token.head))


def original_source(doc: Doc, item: Found) -> Token | None:
    """`Reuters noted that "A senior official said on Wednesday Moscow was …"`: a direct quote relayed by an
    organisation (an agency, a report, an office) whose own words are one reporting clause with a named subject
    inside the marks belongs to that subject."""
    if item.kind != "direct" or item.speaker is None or item.speaker.type != "organization":
        return None
    span = doc.char_span(item.start, item.end, alignment_mode="contract")
    if span is None:
        return None
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head.i == token.i:
            subjects = [c for c in token.children if c.dep_ == "nsubj" and span.start <= c.i < span.end]
            # (the reported clause follows the verb; one opened by `after`, `when`, … is a misparsed adverbial:
            # `after the story has circulated for days, audiences repeat it`)
            if (token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS and subjects
                    and subjects[0].pos_ != "PRON" and any(
                        c.dep_ == "ccomp" and c.i > token.i and not any(
                            m.dep_ == "mark" and m.lower_ in SUBORDINATORS for m in c.children)
                        for c in token.children)):
                return subjects[0]
            return None  # only the quote's first clause can relay
    return None


def _according_inside(found: list[Found]) -> None:
    """`Bloomberg reported that, according to a NATO diplomat, the summit …`: a reported content that opens with
    `according to X` passes X's words on, so X speaks (the cue stays the reporting verb)."""
    # `according to the constitution`, `according to plan`: no one's words
    phrases = [item.cue for item in found if item.cue is not None and item.cue.kind == ACCORDING
               and item.cue.source is not None and names_a_source(item.cue.source)]
    for item in found:
        if item.cue is None or item.cue.kind == ACCORDING:
            continue
        for phrase in phrases:
            if not item.start <= phrase.token.idx < item.end:
                continue
            lead = text_of(phrase.token.doc)[item.start:phrase.token.idx].strip(" ,;:—–-").lower()
            if lead in ("", "that"):  # only `that` and punctuation before the phrase
                item.cue = replace(item.cue, source=phrase.source)
                break
