"""Passages without quotation marks that are someone's words: block quotes, an interview's answers, signed posts.

A block quote is a paragraph set off by a paragraph of its own that introduces it and ends in a colon (`Limbaugh
added:`, `In a speech last July, he said:`, `Reuters continues:`, `Khrushchev wrote stating the following:`).
On a web page such a paragraph is a blockquote, and its quotation marks are lost when the page becomes text; it is
the introducer's words all the same (LABELS.md §1: a quoted passage after a named speaker's line), a direct quote.

The introduction must be a reporting verb with a source and nothing said after it (no object but `the
following`, no clause), or `according to X:`. An introduction that says what it reports (`CNN noted the sparse
attendance:`, `Sanders pointed out that …:`) introduces the writer's own illustration, a listing, a tweet's markup
or a video: those stay unquoted, as does a paragraph that opens with a mark (the quotation-mark rules take it), a
dash or a number (a list), or markup.

An interview printed as questions and answers (`Q: …` then `A: …`) gives each answer, and the paragraphs that go
on with it before the next question, to the one interviewed (`passage_speaker`). The questions are the
interviewer's, questions put, no statements (LABELS.md §1); an explainer in the same form is the newsroom's voice.

A post quoted without marks and signed on the line under it with its author's handle (`— Kaja Kallas
(@kajakallas) May 25, 2024`) is its author's words, as a signed quotation is."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from stance.extraction.attribution import resolve_speaker
from stance.extraction.contents import ACCORDING, CLAUSE
from stance.extraction.cues import Cue
from stance.extraction.lexicon import SPEECH_VERBS, TITLES
from stance.extraction.mentions import ArticleIndex
from stance.extraction.names import normalize
from stance.extraction.nlp import text_of
from stance.extraction.phrases import according_source
from stance.extraction.signed import FIRST_PERSON_WORDS, HANDLE_SIGNATURE, named_person
from stance.extraction.sources import find_source, is_reporting_verb
from stance.records import Speaker

MAX_INTRO_CHARS = 200
MIN_BLOCK_WORDS = 6
MAX_POST_CHARS = 300  # a post signed with its handle is a tweet's length (280) at most, give or take a link
_PARAGRAPH = re.compile(r"[^\n]+")
# a paragraph that is not a passage of someone's words: a mark (the quotation-mark rules' business), a dash or a
# bullet, a numbered item, markup, a link
_NOT_A_PASSAGE = re.compile(r"""\s*(?:["“”„«»‹›'‘’＂]|[-–—―•*·]|\d+[.)]|<|https?:|www\.)""")
_PLACEHOLDERS = frozenset({"following", "this", "these"})  # `said the following:`, `put it this way:`
_NOT_SOURCES = frozenset({"i", "we", "you", "it", "this", "that"})  # the writer, the reader, no one
_ADDRESSING = frozenset({"tell", "inform", "assure", "remind", "warn", "urge"})  # their object is the listener


@dataclass(frozen=True)
class Block:
    """A passage's offsets (into the Doc's text) and the cue that introduces it, with its source; for an interview's
    answer no cue, but its `A:` label and where the interview's first question stands."""

    start: int
    end: int
    cue: Cue | None
    label: tuple[int, int] | None = None
    asked_at: int = -1
    hint: str = ""  # the interviewee as the article names them: `Vice President Joe Biden`, `Mr Budanov`
    signer: Token | None = None  # a post's, named on the line under it
    question: tuple[int, int] | None = None  # for an interview's answer, the question paragraph it answers


_QUESTION = re.compile(r"[^\S\n]*Q(?:[^\S\n]*[:.][^\S\n]*|(?=[A-Z]))")  # `Q: `, `Q. `, a bold `Q` run into its text
_ANSWER = re.compile(r"[^\S\n]*(A)[^\S\n]*[:.][^\S\n]+")
_NAME = r"((?:(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'’-]*)[^\S\n]+){0,4}[A-Z][\w'’-]+)"  # capitalised words (`Mr.`, `Gen.`)
_VOCATIVE = re.compile(r"[^\S\n]*Q[^\S\n]*[:.][^\S\n]*" + _NAME + ",")  # `Q: Mr Budanov, when will …`
# `Q&A with Vice President Joe Biden`, `an interview with …`, `interviewed Kyrylo Budanov`
# (a role before the name is passed over: `interviewed Ukraine's foreign minister Andrii Sybiha`)
_INTERVIEWED = re.compile(r"\b(?:(?:Q&A|[Ii]nterview|[Cc]onversation)s?[^\S\n]+with|interviewed)[^\S\n]+"
                          r"(?:[A-Z][\w-]*['’]s?[^\S\n]+(?:[a-z-]+[^\S\n]+){1,3})?" + _NAME)
_YOU = re.compile(r"\byou(?:r|rs|rself)?\b", re.IGNORECASE)  # a question put to someone
# an intro that says an interview follows: `spoke to us in Warsaw`, `sat down with`, `in an interview`
_INTERVIEW = re.compile(r"\b(?:[Ii]nterview\w*|Q&A|(?:spoke|talked) (?:to|with)|sat down with|told us)\b")
_FIRST_PERSON = re.compile(rf"\b(?:{FIRST_PERSON_WORDS})\b")  # an answer in someone's own voice


def interview_answers(doc: Doc, paragraphs: list[tuple[int, int]]) -> list[Block]:
    """The answers of an interview printed as `Q: …` and `A: …` paragraphs, each paragraph one passage; none when
    nothing says an interview follows (`spoke to us`, `in an interview`), no question addresses anyone and no answer
    speaks in the first person (`Q: What is the grain deal? A: The deal let Ukraine ship …`: an explainer, the
    newsroom's own voice)."""
    text = text_of(doc)
    asked_at, answering, answers, addressed, hint, question = -1, False, [], False, "", None
    pending: list[Block] = []  # paragraphs after an answer, which go on with it if a question follows
    for start, end in paragraphs:
        if _QUESTION.match(text, start) and (asked_at < 0 or answering):
            asked_at, question = (start if asked_at < 0 else asked_at), (start, end)
            answers += pending
            answering, pending = False, []
            vocative = _VOCATIVE.match(text, start)
            hint = hint or (vocative.group(1) if vocative else "")
            addressed = addressed or bool(vocative or _YOU.search(text, start, end))
        elif asked_at >= 0 and (label := _ANSWER.match(text, start)):
            answers.append(Block(label.end(), end, None, label.span(1), asked_at, question=question))
            answering, addressed = True, addressed or bool(_FIRST_PERSON.search(text, start, end))
        elif answering:
            pending.append(Block(start, end, None, None, asked_at))
    intro_end = max(asked_at, 0)
    if not (addressed or _INTERVIEW.search(text, 0, intro_end)) or (
            _EXPLAINER.search(text, 0, intro_end) and not _INTERVIEW.search(text, 0, intro_end)):
        return []
    named = _INTERVIEWED.search(text, 0, intro_end)
    if named and _an_outlet(doc, named.start(1), named.end(1)):
        # `In an interview with Reuters, Kaupo Rosin, …`: the outlet is not the one interviewed; the name after it is
        named = _AFTER_OUTLET.match(text, named.end(1))
    hint = named.group(1) if named else _interview_giver(doc, asked_at) or hint
    return [replace(a, hint=hint) for a in answers if a.end > a.start]


_AFTER_OUTLET = re.compile(r",[^\S\n]*" + _NAME)
_EXPLAINER = re.compile(r"\b(?:explainer|factbox|fact box)\b", re.IGNORECASE)  # the newsroom's voice, not an interview


def _an_outlet(doc: Doc, start: int, end: int) -> bool:
    """Whether a name is an organisation's (a news outlet's: `Reuters`, `the Associated Press`), not a person's."""
    words = doc.char_span(start, end, alignment_mode="expand")
    return words is not None and any(t.ent_type_ == "ORG" for t in words) and not any(
        t.ent_type_ == "PERSON" for t in words)


def _interview_giver(doc: Doc, end: int) -> str:
    """The name of whom the text before `end` says gave the interview or spoke to the writers: `Oleksandr Syrskyi,
    the army chief, gave a rare interview`, `Navalnaya spoke to us in Berlin`; '' when none."""
    for token in doc:
        if token.idx >= end:
            break
        verb = token.head
        gave = token.lemma_.lower() == "interview" and token.dep_ == "dobj" and verb.lemma_.lower() in ("give", "grant")
        spoke = token.lower_ == "us" and token.dep_ == "pobj" and verb.head.lemma_.lower() in ("speak", "talk")
        verb = verb.head if spoke else verb
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
        if (gave or spoke) and subject is not None:
            return " ".join(t.text for t in subject.lefts if t.dep_ in ("compound", "flat")) + " " + subject.text
    return ""


def passage_speaker(block: Block, index: ArticleIndex, offset: int, window: int) -> Speaker | None:
    """Who speaks a passage with no cue (None for a block quote, whose cue names its source): a post's signer, and
    for an interview's answer the one interviewed: the person an interview is said to be with (`Q&A with Vice
    President Joe Biden`, `interviewed Kyrylo Budanov`) or whom a question addresses by name (`Q: Mr Budanov, when
    …`); else the person the article makes the subject of its sentences most often before the first question
    (`Laura Bush wrote …. She sat down …`), the first of equals."""
    if block.cue is not None:
        return None
    if block.signer is not None:
        return resolve_speaker(block.signer, offset, index, window)
    words = [w for w in block.hint.split() if normalize(w) not in TITLES]
    name = index.canonical_name_text(" ".join(words), offset + block.asked_at) if words else ""
    if not name:
        before = [m for m in index.mentions if m.kind == "person" and m.start < offset + block.asked_at
                  and not m.in_quote]
        names = Counter(index.canonical_name_text(m.name, m.start) for m in before if m.subject) or Counter(
            index.canonical_name_text(m.name, m.start) for m in before)
        name = names.most_common(1)[0][0] if names else ""
    label = {"start": offset + block.label[0], "end": offset + block.label[1]} if block.label else {}
    return Speaker(name, "A" if label else "", "person" if name else "unknown", **label,
                   resolution="pronoun" if name else "none")


def block_quotes(doc: Doc) -> list[Block]:
    """Every paragraph of `doc` that a colon paragraph before it introduces as someone's words, and every answer of
    an interview."""
    text = text_of(doc)
    paragraphs = _paragraphs(text)
    blocks = []
    for (intro_start, intro_end), (start, end) in zip(paragraphs, paragraphs[1:]):
        intro, block = text[intro_start:intro_end], text[start:end]
        if not intro.endswith(":") or len(intro) > MAX_INTRO_CHARS or block.endswith(":"):
            continue
        if _NOT_A_PASSAGE.match(block) or len(block.split()) < MIN_BLOCK_WORDS:
            continue
        colon = doc.char_span(intro_end - 1, intro_end, alignment_mode="expand")
        introducer = _introducer(colon[0]) if colon is not None else None
        if introducer is not None:
            kind = ACCORDING if introducer[0].lower_ == "according" else CLAUSE
            blocks.append(Block(start, end, Cue(introducer[0], kind, -1, -1, introducer[1])))
    posts = signed_posts(doc, paragraphs)
    return sorted(blocks + interview_answers(doc, paragraphs) + posts, key=lambda b: b.start)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Where each paragraph's words begin and end (spaces around them left out), blank lines skipped."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        words = match.group()
        if words.strip():
            start = match.start() + len(words) - len(words.lstrip())
            spans.append((start, start + len(words.strip())))
    return spans


def signed_posts(doc: Doc, paragraphs: list[tuple[int, int]]) -> list[Block]:
    """A post quoted without marks and signed on the line under it with its author's handle (`I condemn this
    attack. ⏎ — Ursula von der Leyen (@vonderleyen) May 25, 2024`): the author's words, as a signed quotation is."""
    text, posts = text_of(doc), []
    for (start, end), (line, line_end) in zip(paragraphs, paragraphs[1:]):
        signature = HANDLE_SIGNATURE.match(text, line, line_end)
        block = text[start:end]
        if signature is None or _NOT_A_PASSAGE.match(block) or not MIN_BLOCK_WORDS <= len(block.split()) or len(
                block) > MAX_POST_CHARS:
            continue
        signer = named_person(doc, signature.start(1), signature.end(1))
        if signer is not None and signer.is_alpha:  # (not `AZ 🛰🌏`'s globe)
            posts.append(Block(start, end, None, signer=signer))
    return posts


def _introducer(colon: Token) -> tuple[Token, Token] | None:
    """(cue, source) of the clause a paragraph-ending colon closes, when it says nothing of its own."""
    words = [t for t in colon.sent if t.i < colon.i]
    for token in reversed(words):
        if token.lower_ == "according":  # `According to X:` alone (not `…, according to X:` after a statement)
            source = according_source(token) if token.i == colon.sent.start else None
            return (token, source) if source is not None else None
        if (is_reporting_verb(token) or token.lemma_.lower() in SPEECH_VERBS) and _says_nothing(token, colon):
            source = _source(token)
            if source is not None and source.lower_ not in _NOT_SOURCES:
                return token, source
    return None


def _source(verb: Token) -> Token | None:
    """The verb's source; for a participle on the object of a preposition (`wrote a letter to Kennedy stating the
    following:`), the writer of the clause it ends, not the one written to."""
    if verb.dep_ == "acl" and verb.head.dep_ in ("pobj", "dobj"):
        root = verb.sent.root
        return find_source(root) if root.pos_ in ("VERB", "AUX") else None
    return find_source(verb)


def _says_nothing(verb: Token, colon: Token) -> bool:
    """No content after the verb before the colon but `the following` (`added:`, `wrote, in part:`, `said in a
    statement:`, `stating the following:`, `asked:`); not `noted the sparse attendance:`, `argued that …:`,
    nor a verb negated or in the imperative (`Watch:`, `Read what she said:`)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    # `…, stating:`, and `Here is what he said about the West:` (what he said: the words that follow)
    said_what = verb.dep_ in ("ccomp", "relcl") and any(c.lower_ == "what" and c.i < verb.i for c in verb.children)
    ends_at_colon = (verb.dep_ in ("acl", "advcl", "conj") or said_what) and verb.right_edge.i == colon.i - 1
    if verb.dep_ != "ROOT" and not verb.is_ancestor(colon) and not ends_at_colon:
        return False  # a verb inside the clause the colon ends: `to show that I have learned from them:`
    addressed = verb.lemma_.lower() in _ADDRESSING  # `told reporters:`: whom, not what
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("ccomp", "xcomp", "dobj", "attr", "oprd") and not (
                child.dep_ == "dobj" and (addressed or child.lemma_.lower() in _PLACEHOLDERS)):
            return False
    return verb.i < colon.i


def asked_speaker(source: Token | None, blocks: list[Block], index: ArticleIndex, offset: int,
                  window: int) -> Speaker | None:
    """For `you` in an interview's question (`Q: You said last month that …`), the one the question is put to: who
    answers it. None for any other source."""
    if source is None or source.lower_ != "you":
        return None
    answer = next((b for b in blocks if b.question and b.question[0] <= source.idx < b.question[1]), None)
    if answer is None:
        return None
    speaker = passage_speaker(answer, index, offset, window) or Speaker()
    return replace(speaker, mention=source.text, start=offset + source.idx, end=offset + source.idx + len(source),
                   resolution="pronoun" if speaker.name else "none")
