"""Lines labelled with their speaker: a headline or a transcript line `NAME: what they said` (`Lavrov: West is
demonstrating intolerance`, `US official: Russian missiles hit Poland`, `WALLACE: Do you really see …`). The colon
attributes the line to the name before it (LABELS.md §1), as `said` would; a label that names no one (`Report:`,
`Opinion:`, `Ukraine:`, `Stop The Denial:`) attributes nothing."""

from __future__ import annotations

import re

from spacy.tokens import Token

from stance.extraction.contents import DASHES
from stance.extraction.lexicon import (
    CAPITALS,
    COUNTRIES,
    FIRST_PERSON,
    LINE_LABELS,
    ORGANIZATION_NOUNS,
    ROLE_NOUNS,
    TITLES,
)
from stance.extraction.names import headline_verb
from stance.extraction.nlp import is_quote_mark, text_of
from stance.extraction.signed import FIRST_PERSON_WORDS, transcript_label, transcript_turns
from stance.extraction.sources import is_reporting_verb

MAX_LABEL_TOKENS = 4
MAX_ADDRESSED_TOKENS = 10  # `Obama To Asians Worried About U.S. Election`: a label with whom it was for
ADDRESSEE_PREPOSITIONS = frozenset({"to", "at", "in", "on", "before"})
MIN_CONTENT_WORDS = 3
MAX_LABEL_CHARS = 120  # from the line's start to the colon
MAX_LINE_CHARS = 3000  # from the colon to the line's end: a headline or a transcript turn, not a book


def labelled_line(colon: Token) -> tuple[Token, list[Token]] | None:
    """For the colon of a line `NAME: words`, the token naming the speaker and the words after the colon to the
    line's end; None when the line is anything else. The label may say whom or where the words were for
    (`Zelensky to Congress: …`, `Kuleba at Davos: …`: the name before `to` or `at` speaks) and carry a tag
    (`EXCLUSIVE – Roger Stone: …`); a headline may name its speaker last instead (`No one can predict the war's
    length: Zelenskiy`, as news agencies write them)."""
    if colon.text not in (":", "):"):  # (the tokenizer joins a note's closing bracket to the colon)
        return None
    doc = colon.doc
    text = text_of(doc)
    # look only as far as a label or a line can reach: a book pasted on one line has a colon every few sentences
    window = max(colon.idx - MAX_LABEL_CHARS, 0)
    line_start = text.rfind("\n", window, colon.idx) + 1
    if line_start == 0 and window > 0:
        return None
    line_end = text.find("\n", colon.idx, colon.idx + MAX_LINE_CHARS)
    if line_end < 0:
        if colon.idx + MAX_LINE_CHARS < len(text):
            return None
        line_end = len(text)
    before = [t for t in doc[max(colon.i - MAX_ADDRESSED_TOKENS - 2, 0):colon.i] if t.idx >= line_start]
    after = [t for t in doc[colon.i + 1:] if t.idx < line_end]
    before, after = [t for t in before if not t.is_space], [t for t in after if not t.is_space]
    in_transcript = transcript_label(text[line_start:line_end]) is not None
    if before and ")" in before[-1].text + colon.text and in_transcript:
        before = before[:next((i for i, t in enumerate(before) if t.text == "("), len(before))]  # `(via interpreter)`
    starts_line = bool(before) and before[0].idx - line_start <= 1
    label = _speaker_label(before) if starts_line else None
    if label is None and starts_line and _transcript_turn(before, after):
        label = before
    if label is None:  # the line must start with the label (a space before it at most), or end with it
        return _name_last(before, after) if starts_line else None
    content = after
    if not content:
        return None
    words = [t for t in content if not t.is_punct]
    if len(words) < MIN_CONTENT_WORDS or is_quote_mark(content[0]) or headline_verb(content[0]):
        return None  # `Photo: Reuters`; a quotation is left to the quotation-mark rules; `X Wades In: Urges …`
    spoken = in_transcript and all(t.is_upper for t in label if t.is_alpha)
    if not spoken and not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None  # `Putin: The Making of a Dictator`: a title, no statement (a transcript's turn may have none)
    if any(is_reporting_verb(t) and any(c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ == "PERSON"
                                        for c in t.children) for t in content):
        return None  # `Davos: Henry Kissinger … now calls it …`: a dateline before a person's report of its own
    while content[-1].text == ".":
        content = content[:-1]
    return label[-1], content


def _speaker_label(words: list[Token]) -> list[Token] | None:
    """The words of a line's label that name its speaker: all of them (`Sen. Graham`), those after a tag
    (`EXCLUSIVE – Roger Stone`), or those before whom or where it spoke (`Zelensky to Congress`, `Former AG
    Mukasey at RNC`); None when they name no one."""
    if len(words) > 2 and words[0].is_upper and words[1].text in DASHES:
        words = words[2:]  # `EXCLUSIVE – `, `WATCH – `: a tag
    if len(words) <= MAX_LABEL_TOKENS and _names_a_speaker(words):
        return words
    cut = next((i for i, t in enumerate(words) if t.lower_ in ADDRESSEE_PREPOSITIONS), 0)
    if 0 < cut <= MAX_LABEL_TOKENS and words[cut].pos_ == "ADP" and _names_a_speaker(words[:cut]) and not any(
            t.tag_ in ("VB", "VBD", "VBZ", "VBP", "MD") for t in words[cut:]):  # (`X to meet Y:`: a plan)
        return words[:cut]
    return None


def _transcript_turn(label: list[Token], words: list[Token]) -> bool:
    """`MACRON: Nothing should be ruled out.`: a label in capitals (a word or a name) that the article names nowhere
    else is a speaker's when its line speaks in the first person (`KULEBA: I told Blinken …`), or in a transcript:
    other lines open with other such labels, and one of them speaks in the first person or names a role (`REPORTER:
    …`). Not a heading (`UPDATE:`, `CASUALTIES: Five people died`), nor a digest's topics (`ENERGY: …`, `DIPLOMACY:
    …`: no one speaks in them)."""
    if len(label) > 3 or not all(t.is_upper and t.is_alpha and len(t) > 1 for t in label) or any(
            t.lower_ in LINE_LABELS for t in label):
        return False
    if any(t.lower_ in FIRST_PERSON for t in words):
        return True
    text, own = text_of(label[0].doc), " ".join(t.text for t in label)
    turns = transcript_turns(text)
    return any(name != own for name, _ in turns) and any(
        _SPOKEN.search(line) or name.split()[-1].lower() in ROLE_NOUNS for name, line in turns)


# a line someone speaks, or speaks to someone in
_SPOKEN = re.compile(rf"\b(?:{FIRST_PERSON_WORDS}|[Yy]ou|[Yy]our)\b")


def _name_last(statement: list[Token], name: list[Token]) -> tuple[Token, list[Token]] | None:
    """`No one can predict the war's length: Zelenskiy`, `Russia will respond to any attack: Kremlin`: a statement,
    then after the colon the name of whoever made it and nothing more."""
    while name and name[-1].is_punct:
        name = name[:-1]
    if not name or len(name) > MAX_LABEL_TOKENS or any(t.is_quote for t in statement):
        return None
    if not (_names_a_speaker(name) or _a_surname(name)):
        return None
    words = [t for t in statement if not t.is_punct]
    if len(words) < MIN_CONTENT_WORDS or words[0].lower_ in LINE_LABELS or words[0].tag_ == "VB":
        return None  # no statement: `Read the full story: X`, `More on the summit: X`
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") or t.pos_ == "ADJ" and t.dep_ in ("ROOT", "amod", "acomp")
               for t in statement):
        return None  # a statement, if in headline words without a verb: `Talks with Kyiv impossible for now: Peskov`
    return name[-1], statement


def _a_surname(name: list[Token]) -> bool:
    """One capitalised proper noun after a headline's statement, the article naming no one by it (`… to win:
    Zelenskiy`): a news agency's way of naming who said it. Not a place, a people or a date."""
    word = name[0]
    return len(name) == 1 and word.tag_ == "NNP" and word.is_title and len(word) > 2 and word.ent_type_ not in (
        "GPE", "LOC", "NORP", "DATE", "TIME", "FAC") and not any(
        word.lower_ in words for words in (COUNTRIES, CAPITALS, LINE_LABELS))


def _names_a_speaker(label: list[Token]) -> bool:
    """`Lavrov`, `WALLACE`, `Sen. Graham`, `Eric Kaufmann`, `US official`, `British colonel`, `Kremlin`: a person's
    or a body's name, or a role; not a country, a place, a date, a section label or a word the article names no one
    by."""
    head = label[-1]
    if any(t.lower_ in LINE_LABELS or t.ent_type_ in ("DATE", "TIME") for t in label):
        return False
    if head.lemma_.lower() in ROLE_NOUNS or head.lower_ in ROLE_NOUNS:
        return all(t.pos_ in ("PROPN", "ADJ", "NOUN") for t in label)  # `US official`, `British colonel`
    if any(t.lower_ in COUNTRIES or t.lower_ in CAPITALS or t.ent_type_ in ("GPE", "LOC") for t in label):
        return False  # `Ukraine: …`, `Russia: Clashes erupt …`: a topic; `Kyiv: …`: a dateline
    if not all(t.text[:1].isupper() or t.lower_ == "of" for t in label):  # `Ministry of Defence`
        return False
    if head.lower_ in ORGANIZATION_NOUNS:
        return True  # `Kremlin`, `Pentagon`, `NATO`
    if len(label) == 1 and head.ent_type_ not in ("PERSON", "ORG"):
        # `Lavrov`, `WALLACE` (often untagged in a headline): a name the article gives someone elsewhere, not a
        # word that labels the line (`Casualties`, `Ceasefire`, `Verdict`)
        return head.is_alpha and any(e.label_ in ("PERSON", "ORG") and e[-1].lower_ == head.lower_
                                     for e in head.doc.ents if e.start != head.i)
    # a name: the last word a person's or an organisation's, the ones before it the name's or a title
    return head.ent_type_ in ("PERSON", "ORG") and all(
        t.ent_type_ == head.ent_type_ or t.lower_.rstrip(".") in TITLES or t.lower_ == "of" for t in label[:-1])


HEADLINE_SMALL_WORDS = frozenset("a an the of to in on at for and or but with as by from over".split())


def headline_speaker(colon: Token) -> tuple[Token, Token] | None:
    """(the name, the verb) of a headline `NAME VERBS …:` before a quotation (`Biden Slams Putin: ‘…’`,
    `Zelensky Warns Allies: “…”`): the colon ends a title-case line that starts with a name and a reporting verb
    in the third person. A tagger reads such a line as one long name, so the verb is found by its form. A line that
    is only a name (`Zelensky: ‘…’`) gives the name and the colon."""
    line_start = text_of(colon.doc).rfind("\n", 0, colon.idx) + 1
    line = colon.doc.char_span(line_start, colon.idx, alignment_mode="expand") or []
    words = [t for t in line if t.idx >= line_start and not t.is_space]
    if not words or len(words) > 12 or any(t.is_alpha and not t.text[:1].isupper() and t.lower_ not in
                                           HEADLINE_SMALL_WORDS for t in words):
        return None
    for i, token in enumerate(words[:MAX_LABEL_TOKENS + 1]):
        if i and headline_verb(token):
            label = words[:i]
            return (label[-1], token) if _names_a_speaker(label) else None
    # `Zelensky: ‘We need more air defence now’`: a line that only names its speaker before the quotation
    after = text_of(colon.doc)[colon.idx + 1:colon.idx + 3].lstrip()
    if len(words) <= MAX_LABEL_TOKENS and after[:1] in "“‘\"'«" and _names_a_speaker(words):
        return words[-1], colon
    return None
