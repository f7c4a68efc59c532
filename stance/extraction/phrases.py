"""Phrases that name a source: `according to X`, `in X's words`, `in the words of X`, and `…, citing X`.

The first three give a source token and, as content, the larger side of their sentence (`According to X, the
talks failed`; `“…,” in the words of X`); `stance.extraction.cues` turns them into cues of the kind `according`.
`citing X` and `quoting X` after a reporting verb pass its words on to X (LABELS.md §6, relayed speech).
`held_clause` finds a clause reported by a phrase rather than a verb: `are afraid that …`, `made it clear that …`.
"""

from __future__ import annotations

from spacy.tokens import Token

from stance.extraction.lexicon import (
    BELIEF_ADJECTIVES,
    DOCUMENT_NOUNS,
    EVIDENCE_NOUNS,
    GROUP_NOUNS,
    MAKE_IDIOMS,
    ORGANIZATION_NOUNS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SOMEONE_ENTITIES,
)
from stance.extraction.nlp import between_marks, is_quote_mark, text_of, token_range, trim_span

#: Possessives that make `in … words` the writer's own (`in other words`, `in my words`), not a source's.
_NOT_A_SOURCE = frozenset({"my", "our", "your", "other", "plain", "simple", "short", "few", "same"})


def phrase_tokens(token: Token) -> list[Token]:
    """The phrase's own words, for the cue column and its offsets: `according to`, `In his words`,
    `in the words of`."""
    if token.lower_ == "according":
        return [token, *(c for c in token.children if c.lower_ == "to")]
    words = next((c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() == "word"), None)
    if words is None:
        return [token]
    return [token, *(c for c in words.children if c.dep_ in ("det", "poss") and c.i < words.i), words,
            *(c for c in words.children if c.dep_ == "prep" and c.lower_ == "of")]


def according_source(token: Token) -> Token | None:
    """`according to X` → X."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def words_source(token: Token) -> Token | None:
    """`In X's words, …`, `In his words, …`, `“…,” in the words of X` (the token is `in`; the phrase opens its
    sentence or stands after a comma) → X, `his`. Not `in other words`, `in my words`, `wrote it in her own words`,
    nor `in the words of the old song` (a source must name someone or be a document)."""
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    words = next((c for c in token.children if c.dep_ == "pobj" and c.lower_ == "words"), None)
    if words is None:
        return None
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    rest = [t for t in token.sent if t.i > max(c.i for c in token.subtree) and not t.is_punct and not t.is_space]
    # `In his words, …`, `“…,” in the words of X`, `…, in the words of X.`; not `Zelensky, in the words of X, promised`
    if before is not None and not is_quote_mark(before) and not (before.text == "," and not rest):
        return None
    of = next((c for c in words.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        source = next((c for c in of.children if c.dep_ == "pobj"), None)
        return source if source is not None and (names_someone(source) or source.pos_ == "PROPN"
                                                 or source.lemma_.lower() in DOCUMENT_NOUNS) else None
    owner = next((c for c in words.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in _NOT_A_SOURCE or any(c.lower_ in _NOT_A_SOURCE for c in words.children):
        return None
    return owner


def phrase_content(token: Token) -> tuple[int, int] | None:
    """The content a phrase attributes: the larger side of its sentence, without the phrase (None when that side
    is under three words)."""
    sentence = token.sent
    phrase = [t.i for t in token.subtree]
    if token.lower_ != "according":  # `In the words of X, the war …`: the phrase ends at its comma, whatever the parse
        comma = next((t.i for t in token.subtree if t.i > token.i and t.text == ","), None)
        phrase = [i for i in phrase if comma is None or i < comma]
    elif token.dep_ == "ROOT" and token.i == sentence.start:
        # `According to Rush Limbaugh, the move reeks of …` parsed with the whole sentence under the phrase: it ends
        # at the comma after its source (past an apposition, `According to X, a professor at Yale, …`)
        phrase = [i for i in phrase if i < _after_leading_phrase(token)]
    # `“…,” in the words of the mayor, who visited …`: a clause about the source is not its words
    words = [t for t in sentence if not t.is_space and not any(a.dep_ in ("relcl", "acl") and a.head.i in phrase
                                                               for a in (t, *t.ancestors))]
    before = [t for t in words if t.i < min(phrase)]
    after = [t for t in words if t.i > max(phrase)]
    side = before if sum(not t.is_punct for t in before) >= sum(not t.is_punct for t in after) else after
    if sum(not t.is_punct for t in side) < 3:
        return None
    start, end = trim_span(token.doc, *token_range(side))
    end = end - 1 if text_of(token.doc)[end - 1:end] in ".!?" else end
    return start, end


def _after_leading_phrase(token: Token) -> int:
    """Where a sentence-opening phrase ends: the first comma after its object that is not followed by an apposition
    (`a professor at Yale,`), else the sentence's end."""
    doc, end = token.doc, token.sent.end
    commas = [t.i for t in doc[token.i:end] if t.text == ","]
    for k, comma in enumerate(commas):
        after = doc[comma + 1:commas[k + 1]] if k + 1 < len(commas) else None
        if after is not None and after[0].lower_ in ("a", "an", "the") and any(
                t.lemma_.lower() in ROLE_NOUNS for t in after):
            continue
        return comma
    return end


def names_someone(obj: Token) -> bool:
    """Whether an object noun phrase names a person, a group, an organisation or a place (its head or its
    apposition), not an event, a statement or a decision."""
    heads = [obj, *(c for c in obj.children if c.dep_ == "appos")]
    return any(h.ent_type_ in SOMEONE_ENTITIES or h.lemma_.lower() in ROLE_NOUNS | GROUP_NOUNS |
               ORGANIZATION_NOUNS or h.pos_ == "PRON" for h in heads)


def someone_or_name(token: Token) -> bool:
    """Whether a source can have said something: someone (`names_someone`) or a proper name."""
    return names_someone(token) or token.pos_ == "PROPN"


def cited_source(verb: Token) -> Token | None:
    """`the newspaper reported, citing two officials` and `Le Monde said, quoting the ministry`: an outlet or a body
    passes on the words of the one it cites (a person, a group, a body, or a document that names its author). A
    person citing someone (`the minister said, quoting Churchill`) speaks for themself, and so does anyone citing
    a reason (`citing concerns about supply`)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_ == "PERSON" or subject.pos_ == "PRON" and subject.lower_ != "it" or (
            subject.lemma_.lower() in ROLE_NOUNS and subject.ent_type_ not in ("ORG", "GPE", "NORP")):
        return None
    # (`reported, citing the ministry, that …`: the parse may hang the citing on the reported clause)
    hung = [c for k in verb.children if k.dep_ == "ccomp" for c in k.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "that" and m.i > c.right_edge.i for m in k.children)]
    for child in [*verb.children, *hung]:
        if child.tag_ == "VBG" and child.lemma_.lower() in ("cite", "quote") and child.dep_ in ("advcl", "xcomp",
                                                                                                  "conj"):
            cited = next((c for c in child.children if c.dep_ == "dobj"), None)
            if cited is not None and (_a_speaker(cited) or authored_document(cited)):
                return cited
    return None


def authored_document(token: Token) -> bool:
    """`a statement by the navy`, `the ministry's report`, `estimates from the air force`: a document or a piece of
    evidence that names its author (not `citing the release of prisoners`, an event)."""
    return (token.lemma_.lower() in DOCUMENT_NOUNS or evidence_noun(token)) and any(
        c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("by", "from") for c in token.children)


def evidence_noun(token: Token) -> bool:
    """Data, estimates, polls (`EVIDENCE_NOUNS`, by lemma, or as written: `figures`, whose lemma `figure` can be a
    person)."""
    return token.lemma_.lower() in EVIDENCE_NOUNS or token.lower_ in EVIDENCE_NOUNS


def names_a_source(token: Token) -> bool:
    """Whether an `according to` object can speak: someone, a name, or an authored document (not `according to the
    constitution`, `according to plan`)."""
    return names_someone(token) or token.pos_ == "PROPN" or authored_document(token)


#: What things go `according to` that says nothing: a plan, a rule, a custom.
NORMS = frozenset({"plan", "schedule", "timetable", "law", "constitution", "rule", "custom", "tradition", "protocol",
                   "procedure", "regulation", "script", "design", "expectation"})


def no_ones_words(source: Token) -> bool:
    """Whether `according to X` passes on no one's words: a bare common noun (`according to tradition`) or a norm
    (`according to the schedule`, `according to the rules`)."""
    if names_someone(source):
        return False
    return source.tag_ == "NN" and not list(source.children) or source.pos_ == "NOUN" and source.lemma_.lower() in NORMS


def cites_a_source(token: Token) -> bool:
    """Whether the object of `cite` is where words come from (`citing two officials`, `citing a statement`), not
    what is cited (`citing the release of prisoners`, `citing Hamas`: a reason)."""
    return _a_speaker(token) or authored_document(token) or token.lemma_.lower() in DOCUMENT_NOUNS and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children)  # not `the release of prisoners`


def _a_speaker(token: Token) -> bool:
    """Who can be cited as a source: a person, a role or group (`two officials`, `sources`), a body named by a
    common noun (`the defence ministry`). Not a party, a country or a place by name (`citing Hamas`, `citing
    Russia`: a reason)."""
    return token.ent_type_ == "PERSON" or token.pos_ == "NOUN" and (
        token.lemma_.lower() in ROLE_NOUNS | GROUP_NOUNS | ORGANIZATION_NOUNS or token.lower_ in GROUP_NOUNS)


def held_clause(token: Token) -> tuple[Token, Token] | None:
    """A that-clause reported by a phrase, and the verb whose subject holds it: an adjective of belief (`officials
    are afraid that …`, `came away convinced that …`: the verb `are`, `came`) or `make` with a word of saying
    (`made it clear that …`, `made the case that …`: `made`). None for anything else, and None inside what a
    reporting verb reports (`said the military was afraid that …`: part of the saying, whose content it is)."""
    found = None
    if token.lower_ in BELIEF_ADJECTIVES and token.dep_ in ("acomp", "oprd", "advcl", "xcomp", "ccomp") \
            and token.head.pos_ in ("VERB", "AUX") and token.head.lemma_.lower() != "make":  # `made sure`: ensured
        clause = _that_clause(token)
        found = (clause, token.head) if clause is not None else None
    elif token.lemma_.lower() == "make" and token.pos_ in ("VERB", "AUX"):
        # the that-clause may hang on `make` (`made the case to lawmakers that …`), and `clear` may go without
        # `that` (`made it clear he had misgivings`)
        found = next(((clause, token) for child in token.children if child.lower_ in MAKE_IDIOMS
                      and child.dep_ in ("dobj", "ccomp", "oprd", "acomp", "xcomp")
                      for clause in [_that_clause(child) or _stated_clause(token) or _bare_clause(child)
                                     or _marked_clause_below(token, child)]
                      if clause is not None), None)
    if found is None or _reported_above(token):
        return None
    return found


def _reported_above(token: Token) -> bool:
    """Whether a reporting verb above `token` reports it; a verb it is conjoined to does not (`promised a veto and
    attempted to make the case that …`: two things done, the second not part of the promise)."""
    while token.head.i != token.i:
        conjoined = token.dep_ == "conj"
        token = token.head
        if not conjoined and token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in REPORTING_VERBS:
            return True
    return False


def holds_a_view(token: Token) -> bool:
    """Whether a subject can hold what an adjective or `make` reports: someone or a name (`officials are afraid
    that`), not `it` (`it seems sure that`) nor the writer (`I am confident that`, outside quotation marks)."""
    if token.pos_ == "PRON":
        return token.lower_ in ("he", "she", "they", "who")
    return names_a_source(token)


def _that_clause(token: Token) -> Token | None:
    """The clause opened by `that` that hangs from `token`, whatever the parse called it."""
    return next((c for c in token.children if c.dep_ in ("ccomp", "advcl", "acl") and c.i > token.i
                 and opens_with_that(c)), None)


def _stated_clause(verb: Token) -> Token | None:
    """A that-clause on `make` itself (`made the case to lawmakers that …`), not a purpose (`so that everyone …`)."""
    clause = _that_clause(verb)
    return None if clause is None or any(c.lower_ in ("so", "such") for c in clause.children) else clause


def _marked_clause_below(verb: Token, word: Token) -> Token | None:
    """`made the case to both delegations that a truce was near`: a that-clause (marked by `that`, not a relative
    pronoun) that the parse hung on the object of a preposition of `make`."""
    return next((c for prep in verb.children if prep.dep_ == "prep" and prep.i > word.i
                 for o in prep.children if o.dep_ == "pobj"
                 for c in o.children if c.dep_ in ("relcl", "acl") and opens_with_that(c)), None)


def clause_to_someone(verb: Token) -> Token | None:
    """`yelling to the officers that her husband was unarmed`, `shouted at the recruits that …`: a that-clause
    (marked by `that`) that the parse hung on the one spoken to (not `responded to a war that …`, `pointed to reports
    that …`: no one is spoken to), or on the one speaking (`Reporters were told by an official that …`)."""
    return next((c for prep in verb.children if (prep.dep_ == "prep" and prep.lower_ in ("to", "at") or prep.dep_ ==
                                                 "agent") and prep.i > verb.i
                 for o in prep.children if o.dep_ == "pobj" and names_someone(o)
                 for c in o.children if c.dep_ in ("relcl", "acl") and opens_with_that(c)), None)


#: What is called without being called anything: a line, a service, a meeting.
CALLED = frozenset({"hotline", "helpline", "number", "line", "ambulance", "police", "meeting", "session", "election",
                    "referendum", "vote", "summit", "conference", "strike", "halt", "recess", "taxi"})


def receives(verb: Token, parts: list[Token]) -> bool:
    """Whether `welcome` or `call` greets, rings or convenes, saying nothing: its objects name someone (`welcomed its
    new member Finland`, `called the minister`), or `call`'s one object is a line, a service or a meeting (`call the
    hotline “1547”`, `called an emergency meeting`; not `called the strike a crime`, `called the claims baseless`)."""
    if all(c.dep_ == "dobj" and names_someone(c) for c in parts):
        return True
    if verb.lemma_.lower() != "call" or [c.dep_ for c in parts] != ["dobj"]:
        return False
    line = parts[0]  # (a number called is the line it is the number of: `the hotline “1547”`)
    called = {line.lemma_.lower()} | ({c.lemma_.lower() for c in line.children} if line.like_num else set())
    quoted = any(t.is_alpha and between_marks(t) for t in line.subtree)  # (`to call a “special meeting”`: a term)
    return bool(called & CALLED) and not quoted


def clause_on_occasion(verb: Token) -> Token | None:
    """`said in a speech that victory was near`: a that-clause the parse hung on the occasion as a relative clause,
    though `that` is neither its subject nor its object and it has a subject of its own (not `said in the speech
    that he gave`). `that` taken for the object of a modal verb whose subject is a noun is the clause's too (`said
    in a televised speech that the group would respond`)."""
    return next((c for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("in", "during", "at")
                 and prep.i > verb.i for o in prep.children if o.dep_ == "pobj"
                 for c in o.children if c.dep_ == "relcl" and c.left_edge.lower_ == "that"
                 and (c.left_edge.dep_ not in ("nsubj", "nsubjpass", "dobj", "mark") or c.left_edge.dep_ == "dobj"
                      and any(g.dep_ == "aux" and g.tag_ == "MD" for g in c.children) and any(
                          g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN") for g in c.children))
                 and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


def _bare_clause(word: Token) -> Token | None:
    """`made it clear he had misgivings`: a clause with its own subject right after `clear` or `plain`."""
    if word.lower_ not in ("clear", "plain"):
        return None
    return next((c for c in word.children if c.dep_ in ("ccomp", "advcl") and c.left_edge.i == word.i + 1
                 and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


def opens_with_that(clause: Token) -> bool:
    """Whether a clause's head has `that` as its complementiser (`… that Kyiv shelled the plant`)."""
    return any(t.dep_ == "mark" and t.lower_ == "that" for t in clause.children)


def doer(token: Token) -> Token | None:
    """The subject that does the subjectless participle clause a word is in: `he` for `X` in `After meeting X, he
    said`, `Speaking to X, he said` (not `Born as X, she …`)."""
    for node in token.ancestors:
        if node.lower_ == "as":
            return None  # the subject itself: `Born as X, she …`
        if node.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) or node.dep_ not in ("advcl", "pcomp") or (
                node.tag_ not in ("VBG", "VBN")):
            return None
        main = node.head
        while main.pos_ == "ADP" and main.dep_ == "prep":
            main = main.head
        return next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > node.i), None)
    return None
