"""Who is behind a document that stands as a speaker (`a statement from the Kremlin said`, `the report by the UN
found`): its author, named in the phrase or just before it."""

from __future__ import annotations

from spacy.tokens import Token

from stance.extraction.lexicon import AUTHORING_VERBS, DOCUMENT_NOUNS, GROUP_NOUNS, ORGANIZATION_NOUNS, ROLE_NOUNS
from stance.extraction.mentions import ArticleIndex
from stance.extraction.phrases import evidence_noun
from stance.records import Speaker


def document_author(document: Token, start: int, index: ArticleIndex) -> Token | Speaker | None:
    """Who is behind a document noun that stands as a speaker: `a statement from the Kremlin`, `a report by the
    UN`, `the ministry's statement`, or else the organisation or person named just before (`The ministry
    published a statement. The statement said …`). Data and estimates speak only for someone named as compiling
    them (`figures from the UN agency`; not `data from the first quarter`, `footage from Bakhmut`)."""
    evidence = evidence_noun(document)
    for child in document.children:
        if evidence and child.dep_ != "acl" and not any(_compiler(o) for o in [child, *child.children]):
            continue
        # not a date's (`Monday's announcement by the Pentagon`): that says when
        if child.dep_ == "poss" and child.pos_ != "PRON" and child.ent_type_ not in ("DATE", "TIME"):
            return child
        # `an interview with X`: the one interviewed speaks
        if child.dep_ == "prep" and (child.lower_ in ("from", "by", "of") or child.lower_ == "with" and
                                     document.lemma_.lower() in ("interview", "conversation")):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].lemma_.lower() not in DOCUMENT_NOUNS:
                return objects[0]
        # `the data provided by border guards`, `a report published by the ministry`
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agents = [o for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            if agents and (not evidence or _compiler(agents[0])):
                return agents[0]
            # `a report published in the Financial Times`: the outlet, by name (not `published in March`)
            outlets = [o for p in child.children if p.dep_ == "prep" and p.lower_ in ("in", "on", "by")
                       for o in p.children if o.dep_ == "pobj" and o.ent_type_ in ("ORG", "PERSON")]
            if outlets and not evidence:
                return outlets[0]
    # `The outlet spearheaded an investigation that revealed …`, `The ministry published a report that said …`
    if document.dep_ == "dobj" and document.head.lemma_.lower() in AUTHORING_VERBS:
        maker = next((c for c in document.head.children if c.dep_ == "nsubj"), None)
        if maker is not None and _compiler(maker):
            return maker
    if evidence:
        return None  # `according to estimates`: nobody's, not the person named before
    # (not a place merely named there: `The leaders of France, Germany and Britain said in a joint statement`, `a
    # summit in The Hague`; a country that is a subject stays: `Russia issued a statement`)
    found = index.antecedent(start, {"organization", "person"}, 1, fits=lambda m: m.label not in ("GPE", "LOC", "NORP")
                             or m.subject)
    if found is not None:
        return Speaker(found.name, found.name, found.kind, index.roles.get(found.name, ""))
    return None


def _compiler(token: Token) -> bool:
    """Who can compile data: a person or a body by name, a role, a group, an organisation noun, other people in the
    plural (`border guards`); not a date or a place."""
    return token.ent_type_ in ("PERSON", "ORG", "NORP") or token.pos_ == "NOUN" and token.ent_type_ not in (
        "DATE", "TIME", "GPE", "LOC", "FAC") and (token.lemma_.lower() in ROLE_NOUNS | GROUP_NOUNS | ORGANIZATION_NOUNS
                                                 or token.tag_ == "NNS")
