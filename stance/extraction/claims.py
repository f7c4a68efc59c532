"""Nouns that carry what someone said: `Moscow's claim that Kyiv shelled the plant`, `Peskov repeated the claim that
…`, `the mayor voiced concern that the bridge could collapse`, `Kyiv renewed its call for a no-fly zone`.

The noun is the cue. Its holder (a possessor, `by`/`from` someone, or the subject of a verb that asserts the noun
as its own) is the source, and its that-clause, infinitive or `for` phrase is the content.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from stance.extraction import phrases
from stance.extraction.contents import CLAUSE, NOMINAL, clause_content, subtree, without_trailing_aside
from stance.extraction.lexicon import (
    ASSERTING_VERBS,
    CALL_NOUNS,
    CLAIM_NOUNS,
    CLAIM_OBJECT_VERBS,
    COMMISSIVE_NOUNS,
    FEELING_NOUNS,
    PREPOSITIONAL_CUES,
    VOICING_VERBS,
)
from stance.extraction.nlp import between_marks, token_range, trim_span
from stance.extraction.sources import find_source, inside, is_reporting_verb

CUE_NOUNS = CLAIM_NOUNS | FEELING_NOUNS | CALL_NOUNS


def asserted_by(claim: Token, excluded: list[tuple[int, int]], verbs: frozenset[str] = ASSERTING_VERBS
                ) -> Token | None:
    """The subject of a verb that asserts a claim noun as its own: `issued a warning that`, `repeated the claim
    that`, `stood by its assertion that`, `persisted in arguments that` (not `rejected the claim that`)."""
    verb = claim.head if claim.dep_ == "dobj" else (
        claim.head.head if claim.dep_ == "pobj" and claim.head.dep_ == "prep" else None)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in verbs:
        return None
    subject = find_source(verb, excluded)
    if subject is None or not (subject.lower_ in ("he", "she", "they") if subject.pos_ == "PRON"
                               else phrases.names_a_source(subject)):
        return None  # not `It repeated the claim that …`
    return subject


def _misparsed_complement(clause: Token) -> bool:
    """`issued a warning that more strikes would follow`: the parse makes `that` the object of a relative clause.
    It is the complementiser when the clause has a subject of its own and cannot take `that` as its object: it has
    an object already (`the claim that Kyiv shelled the plant`), or a modal, a named subject and a verb that takes
    no claim as its object (`would follow`). `the claim that he made` and `the promise that he would keep` stay
    relative clauses."""
    that = clause.doc[clause.left_edge.i]
    if clause.dep_ != "relcl" or that.lower_ != "that" or that.head.i != clause.i or that.dep_ != "dobj":
        return False
    children = [c for c in clause.children if c.i != that.i]
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    has_object = any(c.dep_ in ("dobj", "attr", "acomp", "oprd") for c in children)
    # `a warning that more strikes would follow` (not `the promises that Moscow anticipates receiving`: `that` is
    # the object of the verb below; nor `comments that you won't hear`)
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in children) and subject.pos_ != "PRON" and not any(
        c.dep_ in ("xcomp", "ccomp") for c in children)
    return has_object or modal and clause.lemma_.lower() not in CLAIM_OBJECT_VERBS


def _takes_the_noun(clause: Token) -> bool:
    """`assurances that the troops never received`, `claims that no one could verify`: a that-clause whose verb takes
    a claim as its object and has none of its own is a relative clause the parse took for the claim's content."""
    return clause.lemma_.lower() in CLAIM_OBJECT_VERBS and not any(  # (`that the bridge would be held`: passive)
        c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "prep", "nsubjpass", "auxpass")
        for c in clause.children)


def _clauses(token: Token) -> list[Token]:
    """The that-clauses of a claim noun (`his promise to end the war`: a promise, a pledge, a threat or a proposal
    may hold an infinitive), and one the parse hung on the verb (`claim_hung_on_verb`)."""
    own = [c for c in token.children if c.dep_ in ("acl", "ccomp") and (
        phrases.opens_with_that(c) and not _takes_the_noun(c) or token.lemma_.lower() in COMMISSIVE_NOUNS
        and c.tag_ == "VB" and any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children))
        or _misparsed_complement(c)]
    hung = claim_hung_on_verb(token)
    return own or ([hung] if hung is not None else [])


def claim_hung_on_verb(token: Token) -> Token | None:
    """`echoes Modi's message to Putin that the era of war is over`: the parse hangs the that-clause of a claim noun
    someone named holds on the verb whose object the noun is; the clause, when only prepositional phrases stand
    between the noun and it."""
    if token.dep_ != "dobj" or token.lemma_.lower() not in CLAIM_NOUNS or not any(
            c.dep_ == "poss" and c.pos_ == "PROPN" for c in token.children):
        return None
    clause = next((c for c in token.head.children if c.dep_ == "ccomp" and c.i > token.i
                   and phrases.opens_with_that(c)), None)
    if clause is None:
        return None
    between = token.doc[token.right_edge.i + 1:clause.left_edge.i]
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in between) or not all(
            t.dep_ == "prep" or any(a.dep_ == "prep" and a.head.i in (token.i, token.head.i) for a in [t, *t.ancestors])
            for t in between):
        return None
    return clause


def _asked_for(token: Token) -> list[Token]:
    """What a call asks for: `call for a no-fly zone`, `call for the United States to accept more refugees`, `made
    a plea for more air defence` (where the parse hangs `for` on the verb)."""
    beside = [c for c in token.head.children if c.i > token.i] if token.dep_ == "dobj" else []
    for child in (*token.children, *beside):
        if child.dep_ == "prep" and child.lower_ == "for":
            asked = with_infinitive([t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in subtree(c)])
            # `a proposal for closer cooperation that would create a joint headquarters`: what the proposal would do
            return asked + [t for c in token.children if c.dep_ == "relcl" and asked and c.i > asked[-1].i
                            and c.left_edge.i == asked[-1].i + 1 for t in subtree(c)]
        if asked := for_someone_to(child):
            return asked
    return []


def with_infinitive(asked: list[Token], verb: Token | None = None) -> list[Token]:
    """What is asked for, with the infinitive the parse hangs on the verb right after it: `for the armies to pull
    back`; when the call is a verb, an infinitive of that verb's own (not `urging those calling for his withdrawal
    to give him time`)."""
    after = asked[-1].doc[asked[-1].i + 1] if asked and asked[-1].i + 1 < len(asked[-1].doc) else None
    if after is not None and after.lower_ == "to" and after.dep_ == "aux" and after.head.left_edge.i == after.i and (
            verb is None or after.head.head == verb and not after.doc[after.i + 1].is_quote):
        return asked + subtree(after.head)  # (a verb's: not quoted words, which another verb may hold: `urging …`)
    return asked


def for_someone_to(clause: Token) -> list[Token]:
    """`for allies to send more air defence`, the clause the parse hangs on a call (`called for allies to send …`,
    `a call for the United States to accept …`): who is to do what, without `for`; else nothing."""
    if clause.dep_ not in ("advcl", "acl") or not any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children) \
            or not any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in clause.children):
        return []  # (not `These calls for more troops have come …`, the noun taken for a verb)
    return [t for t in subtree(clause) if not (t.dep_ == "mark" and t.head.i == clause.i)]


def _quoted_words_of(token: Token) -> list[Token]:
    """`Mr Johnson's threat of “coordinated and severe economic sanctions”`, `Biden's warning of “swift and severe
    consequences”`: a claim noun's `of` phrase in quotation marks is the holder's own words (not `the threat of
    nuclear war`, which names a danger)."""
    if token.lemma_.lower() not in CLAIM_NOUNS:
        return []
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (o for o in prep.children if o.dep_ == "pobj" and between_marks(o)):
            # the quoted words, up to what the reporter adds after them (`… “swift consequences” for any attack`)
            words = list(itertools.takewhile(lambda t: between_marks(t) or not t.is_alpha, subtree(obj)))
            if any(t.is_alpha for t in words):
                return words
    return []


def _holder(token: Token, excluded: list[tuple[int, int]]) -> tuple[Token | None, bool]:
    """Who holds a claim noun, and whether a verb asserting it says so (`Kyiv stood by its assertion that …`)."""
    lemma = token.lemma_.lower()
    if lemma in FEELING_NOUNS and lemma not in CLAIM_NOUNS:
        return asserted_by(token, excluded, VOICING_VERBS), True  # a feeling counts only when voiced
    holder = next((c for c in token.children if c.dep_ == "poss" and not inside(c, excluded)), None)
    if holder is None:  # `Pentagon warnings that …`, `Justice Department assertions that …`: a name before it
        holder = next((c for c in token.children if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"
                       and c.i == token.i - 1 and not inside(c, excluded)), None)
    if holder is None:
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from")):
            holder = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if holder is not None:
                break
    if holder is None or holder.pos_ == "PRON" and holder.lower_ in ("its", "their", "his", "her"):
        asserted = asserted_by(token, excluded)
        if asserted is not None:
            return asserted, True
    return holder, False


def nominal_claim(token: Token, excluded: list[tuple[int, int]]) -> tuple[str, int, int, Token] | None:
    """A claim noun with its content and a named holder: the kind of content, its character span, the holder."""
    clauses = _clauses(token)
    asked = [] if clauses or token.lemma_.lower() not in CALL_NOUNS else _asked_for(token)
    quoted = [] if clauses or asked else _quoted_words_of(token)
    if not clauses and not asked and not quoted:
        return None
    holder, asserted = _holder(token, excluded)
    # `rejected his claim that …`, `said his comment that … was a lie`: a reporting verb above the claim reports it
    governed = not asserted and any(is_reporting_verb(a) for a in token.ancestors)
    if holder is None or holder.pos_ == "PRON" and (holder.lower_ == "its" or governed and holder.lower_ in (
            "their", "his", "her")):
        return None  # nobody in the sentence holds it, or the verb's content holds it
    if quoted:
        if not phrases.someone_or_name(holder):
            return None  # `the storm's threat of “total destruction”`: a thing says nothing
        kind, content = NOMINAL, quoted
    elif asked:  # `a call for a no-fly zone, which NATO has rejected`: the relative clause is the reporter's
        kind, content = NOMINAL, without_trailing_aside(asked, apposition=False)
    else:
        kind = CLAUSE
        # a that-clause first: `threat to nuke the West and insistence that he is “not bluffing”`
        clause = next((c for c in clauses if phrases.opens_with_that(c) or c.dep_ == "relcl"), None)
        if clause is None:
            if not phrases.someone_or_name(holder):
                return None  # `the drought's threat to destroy crops`: a thing threatens nothing in words
            clause = clauses[0]
        content = [t for t in clause_content(clause) if not (t.lower_ == "that" and t.i == clause.left_edge.i)]
    content = [t for t in content if not t.is_space]
    if not content:
        return None
    start, end = trim_span(token.doc, *token_range(content))
    return (kind, start, end, holder) if end > start else None


def quoted_claims_first(cues: list, spans: list) -> list:
    """The cues in order, but a claim noun whose content holds quoted words first, so that it claims them before a
    verb whose content holds the noun (`vowed to cut off gas in response to Mr Johnson's threat of “…”`: Johnson's
    words, not the senator's; `rejected the senator's claim that the war would be over “in a week”`: one quote,
    the senator's)."""
    first = [c for c in cues if c.token.pos_ == "NOUN" and c.token.lemma_.lower() in CUE_NOUNS and c.start >= 0
             and any(c.start <= m.open_mark and m.close_mark < c.end + 1 or m.open_mark <= c.start < c.end
                     <= m.close_mark + 1 for m in spans if m.closed)]
    return first + [c for c in cues if c not in first]


def list_called_for(verb: Token, lemma: str, parts: list[Token] = ()) -> list[Token]:
    """`called for sanctions on oligarchs, tighter export controls and a ban on oil`: the parse takes the list's
    first item for what is called for and the rest, after the comma, for the verb's object (or a loose `dep`); the
    list is one content. Not an object that does not follow the call's phrase and a comma (`called the plan a
    betrayal`), nor a clause after the comma (`called for calm, saying …`)."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in PREPOSITIONAL_CUES.get(lemma, ())):
        objects = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in subtree(c)]
        while objects and objects[-1].text == ",":  # the parse may hang the list's comma on the first item
            objects = objects[:-1]
        if not objects or objects[-1].i + 2 >= len(verb.doc) or verb.doc[objects[-1].i + 1].text != ",":
            continue
        rest = [c for c in (*parts, *verb.children) if c.dep_ in ("dobj", "dep", "npadvmod")
                and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("DATE", "TIME")
                and c.left_edge.i == objects[-1].i + 2]
        if rest:
            return objects + [verb.doc[objects[-1].i + 1]] + list(subtree(rest[0]))
    return []
