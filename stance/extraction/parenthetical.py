"""Parenthetical cues: a speech verb set into the clause it reports (`The talks, the minister said, would resume`,
`As the minister noted, …`, `as X put it`), and the clause such a verb reports."""

from __future__ import annotations

from spacy.tokens import Token

from stance.extraction.lexicon import PLACING_WORDS, STATING_VERBS
from stance.extraction.nlp import is_quote_mark
from stance.extraction.phrases import authored_document, names_a_source


def is_parenthetical(verb: Token) -> bool:
    """A speech verb set into the clause it reports: parsed as parataxis (`The talks, the minister said, would
    resume`), or an `as` clause with a subject and no object of its own (`As the minister noted, the talks …`:
    what was noted is the clause around it). An `as` clause with an object is an event: `as he thanked the
    troops`."""
    head = verb.head
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return split_parenthesis(verb) is not None
    if verb.dep_ == "parataxis":
        return True
    deps = {c.dep_ for c in verb.children} - ({"dobj"} if puts_it(verb) else set())
    return (verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
            and ("nsubj" in deps or parenthetical_source(verb) is not None)
            and not deps & {"dobj", "ccomp", "xcomp", "attr", "oprd", "dative", "acomp"})


def parenthetical_source(verb: Token) -> Token | None:
    """Who speaks in a passive `as` clause with no subject: `As reported by Reuters, …` (the agent) or `As stated in
    the ministry's report, …` (a document that names its author), for a verb that states (`STATING_VERBS`; not `as
    expected by analysts`, `as shown by the data`). Not the writer's own outlet (`as reported by this newspaper`)."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.lemma_.lower() not in STATING_VERBS and not puts_it(verb) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "agent" or child.dep_ == "prep" and child.lower_ == "in":
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            own = found is not None and any(c.lower_ in ("this", "our") for c in found.children)
            if found is not None and not own and (
                    names_a_source(found) if child.dep_ == "agent" else authored_document(found)):
                return found
    return None


def puts_it(verb: Token) -> bool:
    """`as X put it`, `as put by X`: the idiom that reports the clause around it (LABELS.md §1), though `put` says
    nothing."""
    passive = verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)  # `as put by X`
    return (verb.lemma_.lower() == "put" and (passive or any(c.dep_ == "dobj" and c.lower_ == "it"
                                                             for c in verb.children))
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
            # `as he put it on the table`, `as she put it away`: a thing put somewhere
            and not any(c.dep_ == "prt" or c.dep_ in ("prep", "advmod") and c.lower_ in PLACING_WORDS
                        for c in verb.children))


def split_parenthesis(verb: Token) -> tuple[Token, Token] | None:
    """`The front line, General X told reporters, was “stable”`: the parse may make the speech verb the root, the
    reported clause's subject a loose `dep` before it and the clause's verb a conjunct after it, each set off by a
    comma; (that subject, that verb), else None. Not two clauses joined by `and`."""
    if verb.dep_ != "ROOT" or any(c.dep_ == "cc" and c.i > verb.i for c in verb.children):
        return None
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    loose = next((c for c in verb.children if c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN") and c.i < verb.i), None)
    clause = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > verb.i
                   and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
    if subject is None or loose is None or clause is None or loose.right_edge.i + 2 != subject.left_edge.i:
        return None
    if doc[subject.left_edge.i - 1].text != "," or doc[clause.left_edge.i - 1].text != ",":
        return None
    return loose, clause


def reported_head(verb: Token) -> Token:
    """The verb of the clause a parenthetical verb reports: its head, past an auxiliary the parse may hang it on
    (`were`, not `paid`, in `The workers, the minister said, were “well paid”`)."""
    if (split := split_parenthesis(verb)) is not None:
        return split[1]
    head = verb.head
    while head.dep_ in ("aux", "auxpass") and head.head is not head:
        head = head.head
    return head


def parenthetical_content(verb: Token) -> list[Token] | None:
    """The clause a parenthetical speech verb (`is_parenthetical`) reports, the parenthesis included when it
    stands inside (spans are contiguous). A sentence with quotation marks before the verb is left to the direct-quote
    rules."""
    if not is_parenthetical(verb):
        return None
    if (split := split_parenthesis(verb)) is not None:
        words = list(verb.doc[split[0].left_edge.i:split[1].right_edge.i + 1])
        return None if any(is_quote_mark(t) for t in words) else words
    head = reported_head(verb)
    inner = {t.i for t in verb.subtree} - {t.i for c in _leading_clauses(verb) for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in inner and not t.is_space]
    marks = [t for t in tokens if is_quote_mark(t) and not t.like_num
             and (t.is_punct or t.is_quote or not t.text[0].isalnum())]  # not the apostrophe of `Clarke's`
    # a quoted fragment after the parenthesis and the clause's own words makes the clause mixed (`Moscow, Peskov
    # said, remains open to talks that take into account “the realities on the ground”`); marks before the verb or
    # right after it (`…, Adelson said, “They have got to be able to win.”`) are the direct-quote rules', as are
    # marks after a clause of its own before the verb (`X differentiated himself from Y, who …, X said, … -- “…”`)
    after = next((t for t in tokens if t.i > verb.i and not t.is_punct), None)
    opened = after is None or any(is_quote_mark(t) for t in verb.doc[verb.i + 1:after.i + 1])
    clause_before = any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                        for t in tokens if t.i < verb.i)
    if marks and (marks[0].i < verb.i or tokens[0].i == marks[0].i or opened or clause_before) or (
            verb.dep_ == "parataxis" and not any(t.i < verb.i and not t.is_punct for t in tokens)):
        return None
    if verb.dep_ == "advcl" and min(inner) > min(t.i for t in tokens):
        # `X, as the minister noted, Y`: the clause around it; `As the minister noted, Y`: what follows
        tokens = [t for t in tokens if t.i > max(inner)] if min(inner) == verb.sent.start else tokens
    # (nor the opening mark of the next quotation, which the parse hung on this sentence: a space before it)
    while tokens and tokens[-1].is_punct and (tokens[-1].text in (".", "!", "?", "...", "…") or is_quote_mark(
            tokens[-1]) and tokens[-1].i > 0 and tokens[-1].doc[tokens[-1].i - 1].whitespace_):
        tokens = tokens[:-1]
    if sum(not t.is_punct for t in tokens) < 3:
        return None
    return tokens


def _leading_clauses(verb: Token) -> list[Token]:
    """Clauses the parse hung on a parenthetical verb that stand before its subject: they belong to the clause it
    reports (`If the talks fail, the minister argues, there are other tools`: what the minister argues begins at
    `If`)."""
    if verb.dep_ != "parataxis":
        return []
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    # `When reporters pressed him, the minister said, …`: a clause in the past before a verb in the past more
    # likely tells when it was said
    return [c for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.right_edge.i < subject.left_edge.i
            and not (c.tag_ == "VBD" and verb.tag_ == "VBD")]
