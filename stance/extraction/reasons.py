"""Verbs that judge someone and give the reason: `accused Russia of shelling the plant`, `thanked allies for sending
air defences`. The one judged and the reason are what was said (LABELS.md §1: a source, a cue and a content)."""

from __future__ import annotations

from spacy.tokens import Token

from stance.extraction import phrases
from stance.extraction.lexicon import DURATION_NOUNS, RAISING_VERBS, REASON_PREPOSITIONS, WITHHOLDING_VERBS, WORD_NOUNS
from stance.extraction.nlp import between_marks, is_quote_mark
from stance.extraction.sources import find_source, is_reporting_verb


def _subtree(token: Token) -> list[Token]:
    return list(token.subtree)


def judged_with_reason(verb: Token, lemma: str) -> tuple[list[Token], Token | None]:
    """`accused Russia of shelling the plant`, `thanked allies on Twitter for sending …`, `slammed the budget for
    failing …`: the one judged and the reason (`for`, `of` after accuse, `on` after congratulate) are the content;
    `for years`, `for a long time` are how long, not why. Not a formula (`Thank you for reading`), an intention
    (`are looking for the men to thank them for …`; but `appeared to blame`), a gerund another cue reports
    (`denied blaming Kyiv for …`: the denial is the statement), nor `hailed X as “…” for …` (the name given is)."""
    judged = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if judged is None or judged.pos_ not in ("NOUN", "PROPN", "PRON") or any(
            t.dep_ == "prep" and t.lower_ == "as" for t in (*verb.children, *judged.subtree)):
        return [], None
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    intended = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
        verb.head.lemma_.lower() not in RAISING_VERBS)
    reported = verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "ccomp") and is_reporting_verb(verb.head)
    if intended or reported or not subject and verb.dep_ == "ROOT" and judged.lower_ in ("you", "me", "us"):
        return [], None
    prepositions = REASON_PREPOSITIONS.get(lemma, ("for",))
    # the parser may hang the reason on a name (`accused Kyiv of …`); on a common noun it is the noun's own
    # (`condemned his thirst for revenge`, `praised the support for Ukraine`)
    someone = judged.pos_ in ("PROPN", "PRON") or phrases.names_someone(judged)
    reasons = [p for p in (*verb.children, *(judged.children if someone else ())) if p.dep_ == "prep"
               and p.lower_ in prepositions
               and p.i > judged.i and any(o.dep_ in ("pobj", "pcomp") and not _how_long(o) for o in p.children)]
    if not reasons:
        return [], None
    tokens = sorted({t.i: t for t in (*_subtree(judged), *_subtree(reasons[0]))}.values(), key=lambda t: t.i)
    before = verb.doc[tokens[0].i - 1]
    if is_quote_mark(before) and before.i > verb.i:  # `thanked “every Ukrainian” for …` keeps its opening mark
        tokens.insert(0, before)
    # an infinitive the parser hung on the verb goes on with the reason: `accused Kyiv of planning to use …`
    later = sorted((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > tokens[-1].i), key=lambda c: c.i)
    for clause in later:
        if clause.left_edge.i != tokens[-1].i + 1 or clause.left_edge.lower_ != "to":
            break
        tokens += _subtree(clause)
    return tokens, reasons[0]


def _how_long(word: Token) -> bool:
    """`for years`, `for two hours`, `for a long time` (not `for years of shelling`: what the years held)."""
    return (word.ent_type_ in ("DATE", "TIME") or word.lemma_.lower() in DURATION_NOUNS) and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in word.children)


def passive_reason(verb: Token, lemma: str) -> list[Token]:
    """`Russia was accused by Kyiv of shelling the plant`, `The army was blamed by investigators for the fire`: in a
    passive with its agent, what the agent said is the reason (the one judged stands before the cue, which a
    content never holds). Not a passive without an agent (`was accused of …`: by whom is not said)."""
    children = list(verb.children)
    if not any(c.dep_ == "auxpass" for c in children) or not any(c.dep_ == "nsubjpass" for c in children):
        return []
    if not any(c.dep_ == "agent" for c in children):
        return []
    prepositions = REASON_PREPOSITIONS.get(lemma, ("for",))
    for prep in (c for c in children if c.dep_ == "prep" and c.lower_ in prepositions and c.i > verb.i):
        objects = [o for o in prep.children if o.dep_ in ("pobj", "pcomp") and not _how_long(o)]
        if objects:
            return [t for o in objects for t in _subtree(o)]
    # the parse may hang the reason on the agent (`was accused by Western governments of targeting …`); there only a
    # gerund is the reason: `by the head of the army`, `by groups for human rights` are the agent's own words
    agents = [o for c in children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    for prep in (p for o in agents for p in o.children if p.dep_ == "prep" and p.lower_ in prepositions):
        gerunds = [o for o in prep.children if o.dep_ == "pcomp" and o.tag_ == "VBG"]
        if gerunds:
            return [t for o in gerunds for t in _subtree(o)]
    return []


def characterised(verb: Token, excluded: list[tuple[int, int]]) -> tuple[list[Token], Token] | None:
    """Someone casting someone as quoted words, with any verb: `Trump openly admires Putin as a “strong leader”`,
    `Reid has been pounding Trump as a “con artist”` (the one cast and the words are the content, the subject the
    source). Not words without marks (`admires Putin as a leader`), nor a thing's (`The law treats them as
    “residents”`)."""
    cast = next((c for c in verb.children if c.dep_ == "dobj"), None)
    as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and cast is not None
                and c.i > cast.i), None)
    named = [o for o in as_.children if not o.is_punct] if as_ is not None else []  # `as “false”` parses as amod
    words = [t for o in named for t in o.subtree if t.is_alpha and t.dep_ not in ("det", "cc")]
    if not words or not all(between_marks(t) for t in words):
        return None
    source = _someone_speaking(verb, excluded)
    return ([*cast.subtree, as_, *(t for o in named for t in o.subtree)], source) if source is not None else None


def words_used(verb: Token, excluded: list[tuple[int, int]]) -> tuple[list[Token], Token] | None:
    """Someone using words, quoted right after a noun for words: `Trump has used the phrase “Islamic terrorism”`,
    `coined the term “…”` (the quoted words are the content, the user the source; however the parse hangs them).
    Not words avoided or banned."""
    doc = verb.doc
    withheld = WITHHOLDING_VERBS | {"refusal", "reluctance"}
    if verb.lemma_.lower() not in ("use", "coin", "employ", "invoke", "adopt") or any(
            c.dep_ == "neg" for c in verb.children) or verb.i > 1 and doc[verb.i - 1].lower_ == "to" and (
            doc[verb.i - 2].lemma_.lower() in withheld):
        return None  # `his refusal to use the words “…”`, `refused to use`, `did not use the word “…”`
    noun = next((t for t in doc[verb.i + 1:verb.sent.end - 1] if t.lemma_.lower() in WORD_NOUNS
                 and verb in (t.head, t.head.head) and is_quote_mark(doc[t.i + 1])), None)
    if noun is None:
        return None
    close = next((t for t in doc[noun.i + 2:verb.sent.end] if is_quote_mark(t)), None)
    source = _someone_speaking(verb, excluded)
    if close is None or close.i == noun.i + 2 or source is None:
        return None
    return list(doc[noun.i + 1:close.i + 1]), source


def _someone_speaking(verb: Token, excluded: list[tuple[int, int]]) -> Token | None:
    """The verb's source when it is someone or a name (a thing casts and uses no words), else None."""
    source = find_source(verb, excluded)
    return source if source is not None and phrases.someone_or_name(source) else None
