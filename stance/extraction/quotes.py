"""Find the quotes of one parsed article: direct, indirect and mixed, each with its speaker.

Quotation marks are found in the text first (`stance.quotemarks`), cues in the parse (`stance.cues`); this module
decides which marked spans are quotes and of what type:

- a cue whose content lies (almost) inside quotation marks claims those marks: a direct quote;
- a naming or evaluative cue (`calling it “A” and a “B”`, `praised X as a “B”`) claims each quoted fragment;
- a that-clause holding quoted fragments and more words than its subject is one mixed quote;
- a marked span with no cue of its own takes the cue right beside it (`“…,” he said`), the cue before a colon, or
  continues the previous quote's run (a quoted paragraph after a speaker's line); a short one with none of these is
  a scare quote or a title, not a quote.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from stance.config import ExtractConfig
from stance.extraction.attribution import resolve_speaker
from stance.extraction.blocks import Block, asked_speaker, block_quotes, passage_speaker
from stance.extraction.claims import quoted_claims_first
from stance.extraction.confidence import attribution_confidence
from stance.extraction.contents import clause_then_words
from stance.extraction.context import cue_sentence
from stance.extraction.cues import ACCORDING, CLAUSE, NOMINAL, Cue, find_cues
from stance.extraction.headlines import as_written
from stance.extraction.lexicon import PERSON_PRONOUNS, PLURAL_PRONOUNS, SPEECH_VERBS
from stance.extraction.mentions import ArticleIndex
from stance.extraction.nlp import Chunk, gap_is_blank, letters, text_of, with_brackets
from stance.extraction.pairing import adjacent_cue, colon_cue, parenthetical_cue, signed_after_colon
from stance.extraction.phrases import names_someone, phrase_tokens
from stance.extraction.quotemarks import MarkedSpan, find_marked_spans, is_title
from stance.extraction.relay import original_source, relayed, shows_evidence
from stance.extraction.roles import add_role_speakers, name_bare_bodies
from stance.extraction.signed import TRANSCRIPT_LABEL, colon_introducer, dash_source, sign_off
from stance.records import Article, Quote, Speaker, overlap

logger = logging.getLogger(__name__)

INSIDE_SHARE = 0.8  # share of a content's letters inside marks that makes it a direct quote
RUN_PARAGRAPHS = 2  # a cue-less quoted paragraph continues a quote at most this many paragraphs back


@dataclass
class _Found:
    kind: str
    start: int
    end: int
    cue: Cue | None
    speaker: Speaker | None = None


def _outside_is_subject(doc: Doc, cue: Cue, marked: list[MarkedSpan]) -> bool:
    """True when the words of a clause outside the marks are just the clause's subject:
    `declared that Putin “has gone absolutely CRAZY!”` quotes Putin's whole predicate."""
    last_close = max(m.close_mark for m in marked)
    outside = [t for t in doc.char_span(cue.start, cue.end, alignment_mode="expand") or []
               if not t.is_punct and not t.is_space and not any(m.start <= t.idx < m.end for m in marked)
               # `declared Zelensky “illegitimate” after Ukraine failed to …`: a circumstance after the quote
               and not (t.idx > last_close and any(a.dep_ == "advcl" and a.left_edge.idx > last_close
                                                   for a in [t, *t.ancestors]))]
    return bool(outside) and all(t.dep_ in ("nsubj", "nsubjpass") or
                                 any(a.dep_ in ("nsubj", "nsubjpass") for a in t.ancestors
                                     if a.idx >= cue.start) for t in outside) and len(outside) <= 6


def _classify_cue(doc: Doc, cue: Cue, spans: list[MarkedSpan]) -> list[_Found]:
    """Turn one cue with content into quotes, using the marked spans its content touches."""
    content = (cue.start, cue.end)
    if not any(c.isalpha() for c in text_of(doc)[cue.start:cue.end]):
        return []  # `call 212 416 4552`, `rose to 40`: digits and signs say nothing
    touched = [m for m in spans if overlap(content, (m.start, m.end)) > 0]
    if not touched:
        return [] if cue.says_little else [_Found("indirect", cue.start, cue.end, cue)]
    if shows_evidence(cue) and any(c.dep_ == "ccomp" and c.tag_ == "VBG" and c.lemma_.lower() in SPEECH_VERBS and any(
            g.dep_ == "nsubj" for g in c.children) for c in cue.token.children):
        return []  # `The video shows Zelensky saying “…”`: Zelensky's words, which his own cue reports
    text = text_of(doc)
    first = min(touched, key=lambda m: m.open_mark)
    colon = text.rfind(":", cue.start, first.open_mark)
    if colon >= 0 and gap_is_blank(text, colon, first.open_mark) and cue.token.idx > max(
            m.close_mark for m in touched):
        # `X scolded him: “…,” she said`: a cue after the quote reports the quote, not the reporter's words
        # before the colon that the parse hangs on it.
        return [_Found("direct", m.start, m.end, cue) for m in touched if m.open_mark > colon]
    if colon > cue.token.idx and clause_then_words(doc, cue.start, colon, first.open_mark):  # `said A: “B”`
        return [_Found("indirect", cue.start, colon, cue), *(_Found("direct", m.start, m.end, cue) for m in touched)]
    inside = sum(overlap(content, (m.start, m.end)) and letters(text, max(m.start, cue.start), min(m.end, cue.end))
                 for m in touched)
    share = inside / max(1, letters(text, *content))
    whole_predicate = cue.kind == CLAUSE and _outside_is_subject(doc, cue, touched)
    if share >= INSIDE_SHARE or cue.kind == NOMINAL or whole_predicate:
        return [_Found("direct", m.start, m.end, cue) for m in touched]
    start = min([cue.start, *(m.open_mark for m in touched if m.open_mark >= cue.start)])
    end = max([cue.end, *(m.close_mark + 1 for m in touched if m.closed and m.close_mark + 1 <= cue.end + 1)])
    return [_Found("mixed", start, end, cue)]


def _plan_reported(cue: Cue, cues: list[Cue]) -> bool:
    """A call or a statement still to come, inside what someone else reports (`Sikorski said Warsaw would push for
    a new sanctions package`): the plan is the reporter's words, not a quote of its own. Not words passed on
    before they are spoken (`“…,” the president will say, according to excerpts of his speech`)."""
    verb = cue.token
    return verb.pos_ == "VERB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children) and any(
        other.token != verb and other.kind != ACCORDING and other.start <= verb.idx < other.end for other in cues)


def _starts_sentence(doc: Doc, span: MarkedSpan) -> bool:
    if gap_is_blank(text_of(doc), text_of(doc).rfind("\n", 0, span.open_mark) + 1, span.open_mark):
        return True
    # A sentence that ends inside its own closing mark (`… on “Fox and Friends.” “…`) ends too.
    before = text_of(doc)[:span.open_mark].rstrip().rstrip("”’\"'»")
    return not before or before[-1] in ".!?:"


def _paragraph_of(text: str, offset: int) -> int:
    # A blank line between paragraphs counts once: line breaks minus the doubled ones.
    return text.count("\n", 0, offset) - text.count("\n\n", 0, offset)


def find_quotes_in_chunk(chunk: Chunk, spans: list[MarkedSpan], index: ArticleIndex,
                         config: ExtractConfig, blocks: list[Block] = ()) -> list[_Found]:
    doc, offset, window = chunk.doc, chunk.offset, config.antecedent_window  # (blocks: passages, `X added:` …)
    cues = find_cues(doc, [(m.start, m.end) for m in spans] + [(b.start, b.end) for b in blocks])
    cues = [c for c in cues if not _plan_reported(c, cues)]
    found: list[_Found] = []
    claimed: set[int] = set()
    signed = signed_after_colon(doc, spans, cues)
    for cue in quoted_claims_first(cues, spans):
        if cue.start < 0:
            continue
        for item in _classify_cue(doc, cue, spans):
            touched = [i for i, m in enumerate(spans) if overlap((item.start, item.end), (m.start, m.end))]
            if item.kind == "direct" and touched and touched[0] in claimed:
                continue
            if item.kind != "indirect" and any(i in signed and cue.token.idx < spans[i].open_mark for i in touched):
                continue  # `NPR reports Russia's response: “…,” Kremlin spokesman X said`: X's words
            claimed.update(touched)
            found.append(item)
    # Marked spans no content claimed take the cue right beside them (`“…,” he said`); a nominal
    # cue's own object then gives way to the quote after it (`who called the operation “…”`).
    for i, span in enumerate(spans):
        if i in claimed:
            continue
        cue = adjacent_cue(doc, span, cues)
        if cue is None and _starts_sentence(doc, span):
            cue = colon_cue(doc, span, cues)
        cue = cue or parenthetical_cue(span, cues)
        if cue is not None:
            claimed.add(i)
            # `X says A: “B”` reports both A and B; only a bare object gives way to the quote.
            found = [f for f in found if not (f.cue is cue and f.kind == "indirect" and f.end <= span.open_mark
                                              and gap_is_blank(text_of(doc), f.end, span.open_mark)
                                              and ":" not in text_of(doc)[f.end:span.open_mark])]
            found.append(_Found("direct", span.start, span.end, cue))
    for block in blocks:  # the introducer's words, unless a cue's content took the paragraph
        if all(overlap((f.start, f.end), (block.start, block.end)) * 2 <= block.end - block.start for f in found):
            claimed.update(i for i, m in enumerate(spans) if block.start <= m.start < block.end)
            speaker = passage_speaker(block, index, offset, window)  # (None: its cue names it, below)
            found.append(_Found("direct", block.start, block.end, block.cue, speaker))
    found = relayed(found)
    for item in found:
        item.speaker = item.speaker or resolve_speaker(item.cue.source if item.cue else None, chunk.offset, index,
                                       config.antecedent_window, (chunk.offset + item.start, chunk.offset + item.end))
    found.sort(key=lambda f: f.start)
    _attach_runs(doc, spans, claimed, found, config, index, chunk.offset, cues)
    found.sort(key=lambda f: f.start)
    for item in found:
        source = original_source(doc, item)
        if source is not None:
            item.speaker = resolve_speaker(source, chunk.offset, index, config.antecedent_window)
        # `Q: You said last month that …`: the one the interview's question is put to
        item.speaker = asked_speaker(item.cue and item.cue.source, blocks, index, offset, window) or item.speaker
    return found


def _attach_runs(doc: Doc, spans: list[MarkedSpan], claimed: set[int], found: list[_Found],
                 config: ExtractConfig, index: ArticleIndex, offset: int, cues: list[Cue]) -> None:
    """Cue-less marked spans: signed with a dash (after it, or on a sign-off line under it), introduced by a
    verbless line ending in a colon that names someone, a quoted run after a speaker's quote, the subject of the
    sentence a fragment ends (`The chain is looking to sell “…”`), a cue opening the next paragraph, else kept
    only if long enough to be more than a scare quote or a title."""
    for i, span in enumerate(spans):
        if i in claimed:
            continue
        label = TRANSCRIPT_LABEL.match(text_of(doc), span.start)
        if label:  # a transcript's `WALLACE: …` names its speaker
            name = label.group(1).strip()
            speaker = Speaker(index.canonical_name_text(name, offset + span.start), name, "person",
                              start=offset + label.start(1), end=offset + label.start(1) + len(name), resolution="name")
            found.append(_Found("direct", span.start, span.end, None, speaker))
            continue
        signer = dash_source(doc, span) or sign_off(doc, span) or colon_introducer(doc, span)
        if signer is not None:
            speaker = resolve_speaker(signer, offset, index, config.antecedent_window)
            found.append(_Found("direct", span.start, span.end, None, speaker))
            continue
        onward = _continuation(spans, i, found) if span.continued else None
        if onward is not None:  # a quote run on into the next paragraph is the speaker's who ends it there
            found.append(_Found("direct", span.start, span.end, onward.cue, onward.speaker))
            continue
        words = len(text_of(doc)[span.start:span.end].split())
        previous = [f for f in found if f.end <= span.start and f.speaker is not None and f.speaker.name]
        if previous and _starts_sentence(doc, span):
            # The nearest quote before the span: runs found earlier in this loop sit at the list's end.
            last = max(previous, key=lambda f: f.end)
            if _paragraph_of(text_of(doc), span.start) - _paragraph_of(text_of(doc), last.start) <= RUN_PARAGRAPHS:
                found.append(_Found("direct", span.start, span.end, None, last.speaker))
                continue
        sentence_like = _starts_sentence(doc, span) and text_of(doc)[span.end - 1:span.end] in ".!?,"
        kept = words >= config.min_unattributed_words and (sentence_like or not span.single)
        echoed = _echoed(text_of(doc), spans, span, found) if kept else None
        if echoed is not None:  # words quoted again after someone's quote that holds them are theirs
            found.append(_Found("direct", span.start, span.end, None, echoed.speaker))
            continue
        user = _subject_using(doc, span) if kept else None
        if user is not None:  # the sentence's own subject, before a cue in the next paragraph
            speaker = resolve_speaker(user, offset, index, config.antecedent_window)
            found.append(_Found("direct", span.start, span.end, None, speaker))
            continue
        cue = adjacent_cue(doc, span, cues, across_paragraphs=True)
        paragraph = _paragraph_of(text_of(doc), span.start)
        here = [f for f in previous if _paragraph_of(text_of(doc), f.start) == paragraph]
        if cue is not None and here and _paragraph_of(text_of(doc), cue.token.idx) != paragraph:
            # a fragment after someone's quote in its paragraph is theirs, not the next paragraph's speaker's
            found.append(_Found("direct", span.start, span.end, None, max(here, key=lambda f: f.end).speaker))
            continue
        if cue is not None:
            speaker = resolve_speaker(cue.source, offset, index, config.antecedent_window)
            found.append(_Found("direct", span.start, span.end, cue, speaker))
            continue
        introduced = _introduced_above(doc, span) if kept else None
        if introduced is not None:  # a quoted paragraph under one that ends on a person (LABELS.md §1)
            speaker = resolve_speaker(introduced, offset, index, config.antecedent_window)
            found.append(_Found("direct", span.start, span.end, None, speaker))
            continue
        if kept:
            found.append(_Found("direct", span.start, span.end, None, Speaker()))


def _introduced_above(doc: Doc, span: MarkedSpan) -> Token | None:
    """For a paragraph that is all one quotation and names no speaker, the person the paragraph above ends on: the
    subject of its last sentence, a person by name or `he`/`she` (`X, an opposition lawmaker, has been one of the
    loudest critics of the law.` or `He was asked about his rivalry with Y.`, then `“…”`)."""
    text = text_of(doc)
    start = text.rfind("\n", 0, span.open_mark) + 1
    end = text.find("\n", span.close_mark)
    after = text[span.close_mark + 1:end if end >= 0 else None]
    if not span.closed or text[start:span.open_mark].strip() or after.strip():
        return None
    above = text[:start].rstrip()
    if not above or "\n" not in text[len(above):start] or above[-1:] not in ".!?":
        return None
    last = doc.char_span(len(above) - 1, len(above), alignment_mode="expand")
    if last is None or any(t.is_quote for t in last.sent):
        return None  # (a paragraph with quoted words of its own is someone's quote, which the rules above read)
    subject = next((t for t in last.sent if t.dep_ in ("nsubj", "nsubjpass") and t.head == last.sent.root), None)
    if subject is None or not (subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she")):
        return None
    return subject


ECHO_WORDS = 4  # words a quoted fragment must have for its repetition of an earlier quote to name its speaker


def _echoed(text: str, spans: list[MarkedSpan], span: MarkedSpan, found: list[_Found]) -> _Found | None:
    """The earlier quote, with a named speaker, whose longer quotation a kept cue-less quoted fragment repeats words of
    (`the Post declared: “… It has nothing to do with NATO.”` … `how can it be claimed that it has “nothing to do
    with NATO”`); not a title quoted twice."""
    words = re.findall(r"\w+", text[span.start:span.end].lower())
    if len(words) < ECHO_WORDS:
        return None
    pattern = re.compile(r"\b" + r"\W+".join(words) + r"\b")
    for earlier in sorted((m for m in spans if m.end <= span.start), key=lambda m: -m.end):
        inner = text[earlier.start:earlier.end].lower()
        if len(re.findall(r"\w+", inner)) > len(words) and pattern.search(inner):
            return next((f for f in found if overlap((f.start, f.end), (earlier.start, earlier.end))
                         and f.speaker is not None and f.speaker.name), None)
    return None


def _continuation(spans: list[MarkedSpan], i: int, found: list[_Found]) -> _Found | None:
    """The quote, with a speaker, of the marked span that goes on with span `i` in the next paragraph."""
    onward = next((m for m in spans[i + 1:] if not m.single), None)
    if onward is None or not onward.carried:  # a paragraph that reopens may be someone else's: `“…,” added X`
        return None
    return next((f for f in found if overlap((f.start, f.end), (onward.start, onward.end))
                 and f.speaker is not None and f.speaker.name), None)


def _subject_using(doc: Doc, span: MarkedSpan) -> Token | None:
    """The subject of the sentence a cue-less quoted fragment ends, when it names someone: the one whose words
    the sentence quotes (`The chain is looking to sell “its restaurants to a local buyer.”`). Not a quote that
    opens its sentence, nor a subject that is a thing (`The film lives up to …`) or inside the marks."""
    opening = doc.char_span(span.open_mark, span.open_mark + 1, alignment_mode="expand")
    if opening is None or _starts_sentence(doc, span):
        return None
    root = opening[0].sent.root
    subjects = [c for c in root.children if c.dep_ == "nsubj" and c.idx < span.open_mark]
    if root.pos_ not in ("VERB", "AUX") or root.idx >= span.open_mark or not subjects:
        return None
    subject = subjects[0]
    if subject.pos_ == "PRON" and subject.lower_ not in PERSON_PRONOUNS | PLURAL_PRONOUNS:
        return None  # `It is a “…”`, `This means “…”`
    return subject if names_someone(subject) or subject.pos_ == "PROPN" else None


def _wordy(spans: list, text: str) -> list:
    """Marked spans that hold a letter: a phone number, a figure or a date in marks (`"0800 500 225"`, `“1,200”`)
    is never a quote, nor makes the sentence around it a mixed one; nor is the title of a work."""
    return [s for s in spans if any(ch.isalpha() for ch in text[s.start:s.end]) and not is_title(text, s)]


def _cue_offsets(cue: Cue | None, offset: int) -> tuple[int | None, int | None]:
    """Where a cue's words stand in the article: the cue word with its particles (`called for`), or
    the attribution phrase (`according to`, `in his words`)."""
    if cue is None:
        return None, None
    words = phrase_tokens(cue.token) if cue.kind == ACCORDING else [
        cue.token, *(c for c in cue.token.children if c.dep_ == "prt")]
    first, last = min(words, key=lambda t: t.idx), max(words, key=lambda t: t.idx)
    return offset + first.idx, offset + last.idx + len(last.text)


def extract_article(article: Article, chunks: list[Chunk], config: ExtractConfig) -> list[Quote]:
    """All quotes of one parsed article, in text order, offsets into `article.text`.

    >>> extract_article(article, chunks, ExtractConfig())  # doctest: +SKIP
    """
    marked = [_wordy(find_marked_spans(text_of(c.doc)), text_of(c.doc)) for c in chunks]
    blocks = [block_quotes(c.doc) for c in chunks]
    quoted = [(c.offset + m.start, c.offset + m.end) for c, s, b in zip(chunks, marked, blocks) for m in [*s, *b]]
    index = ArticleIndex.build(chunks, quoted)
    add_role_speakers(index, chunks, config.antecedent_window)
    name_bare_bodies(index, config.antecedent_window)
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for chunk, spans, found in zip(chunks, marked, blocks):
        for item in find_quotes_in_chunk(chunk, spans, index, config, found):
            start, end = with_brackets(article.text, chunk.offset + item.start, chunk.offset + item.end)
            if (start, end) in seen or end <= start:
                continue
            seen.add((start, end))
            cue, (cue_start, cue_end) = item.cue.text if item.cue else "", _cue_offsets(item.cue, chunk.offset)
            speaker = as_written(item.speaker or Speaker(), article.text)  # (a headline read in sentence case)
            quotes.append(Quote(article.article_id, item.kind, start, end, article.text[start:end], speaker, cue,
                                cue_start, cue_end, attribution_confidence(item.kind, speaker.resolution),
                                cue_sentence(article.text, start, end, cue_start, cue_end)))
    return quotes
