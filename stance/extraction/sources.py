"""Who speaks for a reporting verb: its subject, a passive's agent, the subject of the verb a participle or a
conjoined verb hangs from, or, when the parse gives a speech verb no subject, the name right beside it.

`stance.extraction.cues` finds the cues; this module finds the token naming each cue's source. Words inside
quotation marks (the `excluded` character spans) never speak for the quote around them.
"""

from __future__ import annotations

from spacy.tokens import Token

from stance.extraction.lexicon import (
    CITING_VERBS,
    CLAIM_NOUNS,
    DOCUMENT_NOUNS,
    EVALUATIVE_VERBS,
    EVENT_NOUNS,
    KEEPING_VERBS,
    PERCEPTION_VERBS,
    REACTION_NOUNS,
    RELAYING_VERBS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SPEAKING_ADJECTIVES,
    SPEECH_VERBS,
)
from stance.extraction.nlp import QUOTE_CHARS, entity_of
from stance.extraction.phrases import names_someone

# verbs climbed from a participle or a conjunct to the subject it takes (`quick to hail … as … before saying`)
MAX_CLIMB = 6


def is_bare_speech_verb(token: Token) -> bool:
    """A speech verb with no subject of its own (`… and warned against …`)."""
    return (token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS
            and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in token.children))


def _reporting_ancestor(verb: Token) -> Token | None:
    """For a speech verb conjoined inside a reported clause, the reporting verb whose content that clause is:
    `X told the court [the situation has reached …, and urged …]` → `told` (the parse hangs `urged` on `reached`)."""
    token = verb.head
    for _ in range(4):
        if token.head.i == token.i:
            return None
        if token.dep_ == "ccomp" and is_reporting_verb(token.head):
            # (not over a semicolon: `He … is calling for a ceasefire; Meloni is pushing for …`, two clauses)
            between = token.doc[token.right_edge.i + 1:token.head.i] if token.i < token.head.i else []
            return None if any(t.text == ";" for t in between) else token.head
        token = token.head
    return None


def is_passive_without_agent(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in deps and "agent" not in deps


def inside(token: Token, excluded: list[tuple[int, int]]) -> bool:
    return any(a <= token.idx < b for a, b in excluded)


def _marks_a_quote(mark: Token, excluded: list[tuple[int, int]]) -> bool:
    """Whether a quotation mark opens or closes one of the `excluded` quotes (not a title's mark)."""
    return any(a - 2 <= mark.idx <= b + 1 for a, b in excluded)


def _neighbour_source(verb: Token, excluded: list[tuple[int, int]]) -> Token | None:
    """When the parse gives a speech verb no subject, the name right beside it speaks:
    `“…,” Tulsa police Chief Chuck Jordan said`, `“…,” said Jordan`, or a name before its
    apposition: `“…,” Jordan, the police chief, said`. A date (`said Thursday`) never speaks."""
    doc = verb.doc
    before = verb.i - 1
    if before > 0 and doc[before].text in QUOTE_CHARS and not _marks_a_quote(doc[before], excluded):
        before -= 1  # a title's closing mark: `NAME, author of “Spies,” said`
    if before >= 0 and doc[before].text == ",":
        name = _name_before_apposition(verb, excluded)
        if name is not None:
            return name
    for i in (verb.i - 1, verb.i + 1):
        if 0 <= i < len(doc):
            token = doc[i]
            if (token.pos_ in ("PROPN", "PRON", "NOUN") and not inside(token, excluded) and token.lower_ != "it"
                    and token.ent_type_ not in ("DATE", "TIME")):
                return token
    return None


def _name_before_apposition(verb: Token, excluded: list[tuple[int, int]]) -> Token | None:
    """`NAME, a role, said`: the first person named between the sentence's start (or a quote's
    closing mark, or an opening participle) and the verb, with no other verb between them."""
    tokens: list[Token] = []
    for token in reversed(verb.doc[verb.sent.start:verb.i - 1]):
        # (a quote's closing mark ends the scan; a title's marks do not: `NAME, author of “Spies,” said`)
        if inside(token, excluded) or token.text in QUOTE_CHARS and _marks_a_quote(token, excluded):
            break
        if token.pos_ in ("VERB", "AUX"):
            if token.i == verb.sent.start and token.tag_ == "VBG":
                # `Writing in the Post, NAME, a historian, said`: the opening participle is no other verb, and
                # names in its own phrase (`Quoting a letter from Jens Stoltenberg, …`) are not the subject
                commas = [t.i for t in tokens if t.text == ","]
                tokens = [t for t in tokens if commas and t.i > min(commas)]
                break
            return None
        tokens.append(token)
    opening = verb.doc[verb.sent.start]
    if opening.pos_ == "ADP" and opening.dep_ == "prep":
        # `In his interview with Penn, NAME, a banker, declares`: names in an opening phrase are not the subject
        commas = [t.i for t in tokens if t.text == ","]
        tokens = [t for t in tokens if commas and t.i > min(commas)]
    # a possessor is not the one named (`Xi Jinping's special envoy, Li Hui, said`)
    people = [t for t in reversed(tokens) if t.ent_type_ == "PERSON" and not _possessor(t)]
    if not people:
        return None
    name = people[0]  # the name's last word: `Chuck Jordan` → `Jordan`
    while name.i + 1 < verb.i and verb.doc[name.i + 1].ent_iob_ == "I" and verb.doc[name.i + 1].ent_type_ == "PERSON":
        name = verb.doc[name.i + 1]
    return name


def _object_charged(verb: Token, excluded: list[tuple[int, int]]) -> Token | None:
    """`accused the rebels of trying …`, `thanked the opposition for agreeing …`, `did not stop officials from
    claiming …`: the object of the verb above does what the gerund after `of`, `for` or `from` says, so it, not that
    verb's subject, speaks in what hangs from it."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ not in ("of", "for", "from") or (
            verb.head.lower_ == "from" and verb.head.head.lemma_.lower() not in KEEPING_VERBS):
        return None  # (not `Apart from saying …, the envoy gave no details`)
    return next((c for c in verb.head.head.children if c.dep_ == "dobj" and not inside(c, excluded)), None)


def _reaction_from(verb: Token, excluded: list[tuple[int, int]]) -> Token | None:
    """`The plan drew criticism from X, saying …`, `won praise from X, who …`: when a thing's verb gets a reaction
    from someone, that someone speaks in the participle after it, not the thing."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or names_someone(subject) or subject.pos_ in ("PROPN", "PRON") or (
            subject.lemma_.lower() in DOCUMENT_NOUNS | CLAIM_NOUNS):
        return None  # someone who draws it speaks for themself; so does a report (`The report drew a response …`)
    reactions = [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in REACTION_NOUNS]
    if not reactions:
        return None  # not `drew a standing ovation from lawmakers`
    return next((o for h in (head, *reactions) for p in h.children if p.dep_ == "prep" and p.lower_ == "from"
                 for o in p.children if o.dep_ == "pobj" and not inside(o, excluded)
                 and (names_someone(o) or o.pos_ == "PROPN")), None)


def reaction_just_before(verb: Token, excluded: list[tuple[int, int]] = ()) -> Token | None:
    """`…, which drew criticism from President X, saying …`: the parse hangs the participle on the main verb, but
    it follows right after the one a relative clause says a reaction came from (`from X`, the last words before
    its comma), who speaks in it."""
    doc = verb.doc
    comma = verb.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    last = doc[comma - 1]
    source = last if last.dep_ == "pobj" else None
    if source is None or source.head.lower_ != "from" or inside(source, excluded) or not (
            names_someone(source) or source.pos_ == "PROPN"):
        return None
    reacted = source.head.head  # `drew criticism from X` or `criticism from X`
    if reacted.lemma_.lower() in REACTION_NOUNS:
        reacted = reacted.head
    reactions = [c for c in reacted.children if c.dep_ == "dobj" and c.lemma_.lower() in REACTION_NOUNS]
    # only in a relative clause about a thing: in a reported clause (`said the plan had drawn criticism from
    # Kyiv, adding …`) the participle goes on with the report
    return source if reactions and reacted.dep_ == "relcl" and reacted.i < source.i else None


def _behind_participle(subject: Token) -> Token | None:
    """A subject as it names someone: a participle parsed as the subject (`Writing in the Post, Jane Roe, a
    historian, said`) gives way to the noun it wrongly holds after a comma, or to nobody."""
    if subject.tag_ != "VBG":
        return subject
    return next((c for c in subject.children if c.dep_ in ("npadvmod", "appos", "nsubj") and c.pos_ in (
        "PROPN", "NOUN") and c.i > subject.i and any(t.text == "," for t in subject.doc[subject.i:c.i])), None)


def _possessor(token: Token) -> bool:
    """Whether the name `token` is part of ends in a possessive (`Xi Jinping's`)."""
    doc = token.doc
    entity = entity_of(token)
    last = doc[entity.end - 1] if entity is not None else token
    # the entity may hold the `'s` itself (`Xi Jinping's` tagged as one PERSON)
    return last.dep_ == "case" or any(c.dep_ == "case" for c in last.children) or (
        last.i + 1 < len(doc) and doc[last.i + 1].dep_ == "case")


def _passive_after(verb: Token, excluded: list[tuple[int, int]]) -> Token | None:
    """`After saying her foot was swollen, she was taken to hospital`: the person a passive acts on said what the
    participle of an adverbial before or after it says (not `was banned from saying …`: words kept from them)."""
    via = verb.head if verb.dep_ == "pcomp" else verb
    if not (via.dep_ == "advcl" or via.dep_ == "prep" and via.lower_ in ("after", "before", "upon", "while")):
        return None
    return next((c for c in via.head.children if c.dep_ == "nsubjpass" and not inside(c, excluded) and (
        c.lower_ in ("he", "she", "they") or names_someone(c) or c.ent_type_ == "PERSON")), None)


_TELLING = EVALUATIVE_VERBS | {"tell", "inform", "notify", "assure", "advise"}  # verbs that take whom they address


def _asked_then_speaks(verb: Token, excluded: list[tuple[int, int]]) -> Token | None:
    """For an active verb joined to a passive one, the passive's subject, who speaks: `X was asked about the deal
    and said …` is X's, not the asker's. Not when the second verb is passive too, sharing the `was` (`X was summoned
    by the ministry and told that …`, `described as …`: the agent speaks)."""
    asked = next((c for c in verb.head.children if c.dep_ == "nsubjpass" and not inside(c, excluded)), None)
    # `told that …` with no one told, `described as …` with nothing described: passive
    told = verb.lemma_.lower() in _TELLING and not any(c.dep_ in ("dobj", "dative") for c in verb.children)
    if verb.tag_ == "VBN" or told or asked is None or asked.i > verb.head.i:
        return None
    return asked if asked.pos_ in ("PROPN", "PRON") or names_someone(asked) else None


def _named_past_a_misparse(subject: Token, verb: Token, excluded: list[tuple[int, int]]) -> Token:
    """A date or a preposition that the parse makes a verb's subject speaks for no one: the person (else the body)
    named between it and the verb does, outside a relative clause (`Saturday at the convention Sen. Elizabeth Warren
    said …`, `Of Carson, Levine, who has given money to Marco Rubio, said …`)."""
    if subject.ent_type_ not in ("DATE", "TIME") and subject.pos_ != "ADP":
        return subject
    names = [t for t in verb.doc[subject.i + 1:verb.i] if t.ent_type_ in ("PERSON", "ORG") and not inside(t, excluded)
             and not any(a.dep_ == "relcl" and subject.i < a.i < verb.i for a in t.ancestors)]
    people = [t for t in names if t.ent_type_ == "PERSON"]
    return (people or names or [subject])[-1]


def find_source(verb: Token, excluded: list[tuple[int, int]] = (), depth: int = 0) -> Token | None:
    """The token naming who speaks: the subject, a passive's agent, or, for a participle or a
    conjoined verb, the subject of the verb it hangs from. Words inside quotation marks
    (`excluded`) never speak for the quote around them."""
    if depth > 0 and verb.lemma_.lower() in RELAYING_VERBS:
        # `X was quoted by TASS as saying …`: the one quoted speaks, not the agency that quotes
        quoted = [c for c in verb.children if c.dep_ == "nsubjpass" and not inside(c, excluded)]
        # `TASS quoted Sergei Ryabkov as saying …`, `His office quoted him as saying …`: the one quoted, again
        quoted = quoted or [c for c in verb.children if c.dep_ == "dobj" and not inside(c, excluded) and any(
            p.dep_ == "prep" and p.lower_ == "as" and p.i > c.i and any(g.tag_ == "VBG" for g in p.children)
            for p in verb.children)]  # (not `cited Zelensky's response as an example`)
        if quoted:
            return quoted[0]
    subjects = [named for c in verb.children if c.dep_ in ("nsubj", "csubj") and not inside(c, excluded)
                for named in [_behind_participle(c)] if named is not None]
    if depth > 0 and not subjects and verb.lemma_.lower() in PERCEPTION_VERBS and is_passive_without_agent(verb):
        # `X was caught claiming …`, `X was heard telling …`: the one caught or heard speaks
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and not inside(c, excluded)]
    # `Putin had back in May declared …`: the parse may hang the subject on the auxiliary
    subjects = subjects or [c for a in verb.children if a.dep_ == "aux" for c in a.children
                            if c.dep_ == "nsubj" and not inside(c, excluded)]
    if depth > 0 and not subjects and verb.dep_ == "ccomp" and any(c.dep_ == "expl" for c in verb.children) \
            and depth < MAX_CLIMB:
        # `ruled out that there would be …, saying …`: `there` speaks for no participle; the verb above does,
        # unless what there is can speak (`found that there was a witness, claiming …`: the witness)
        being = next((c for c in verb.children if c.dep_ == "attr"), None)
        if being is not None and (names_someone(being) or being.lemma_.lower() in CLAIM_NOUNS | DOCUMENT_NOUNS):
            return being if names_someone(being) else None
        return find_source(verb.head, excluded, depth + 1)
    if subjects:
        # two subjects are a misparse (`THE BORROWING Back when …, Mr. McKinley said`): the one nearest the verb,
        # unless it is a role set off after a name (`Ban Ki-moon, the secretary general of the UN, vowed`: the
        # parse makes the apposition a second subject)
        before = sorted((c for c in subjects if c.i < verb.i), key=lambda c: c.i)
        if len(before) >= 2 and before[-1].lemma_.lower() in ROLE_NOUNS and before[-2].pos_ == "PROPN" and any(
                t.text == "," for t in verb.doc[before[-2].i:before[-1].left_edge.i]):
            return before[-2]
        return _named_past_a_misparse(before[-1], verb, excluded) if before else subjects[0]
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and before is not None and before.ent_type_ == "PERSON" and not inside(before, excluded):
        return before  # `footage of Hillary Clinton asking, “…”`
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    # Participles and conjuncts take the subject of the verb they hang from, through a
    # preposition too: `went further, calling it …`, `responded by saying …`.
    # `X was quick to praise …`: through the adjective (`acomp`) to the verb whose subject it describes; `aside
    # from saying …`, `apart from saying …`: through the adverb that holds the preposition
    if depth < MAX_CLIMB and (verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "prep") or verb.dep_ == "acomp"
                      and verb.lemma_.lower() in SPEAKING_ADJECTIVES or depth > 0 and verb.dep_ == "advmod"
                      and any(c.dep_ == "prep" for c in verb.children)) and verb.head is not verb:
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and (reacting := reaction_just_before(verb, excluded)):
            return reacting
        # (`said geopolitical factors have contributed …, citing …`: a participle of citing too)
        bare = is_bare_speech_verb(verb) or verb.lemma_.lower() in CITING_VERBS and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        outer = _reporting_ancestor(verb) if (verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG") \
            and bare else None
        going = verb.head  # `said the debate was insane, going on to say that …`: `going on to` adds nothing
        if bare and verb.dep_ == "xcomp" and going.lemma_.lower() == "go" and going.dep_ == "advcl" and (
                going.tag_ == "VBG" and any(c.lower_ == "on" for c in going.children)):
            outer = _reporting_ancestor(going)
        # `told the court the situation has reached …, and urged the judges …`; `said the talks would resume,
        # adding that …` (the parse hangs `adding` on `resume`)
        # (never a verb inside a quotation: `Reciting …, X became bolder: “We should be thinking …”`)
        if outer is not None and not inside(outer, excluded):
            return find_source(outer, excluded, depth + 1)
        charged = _object_charged(verb, excluded) or _reaction_from(verb, excluded) or _passive_after(verb, excluded)
        if charged is not None:
            return charged
        asked = _asked_then_speaks(verb, excluded) if verb.dep_ == "conj" else None
        return asked if asked is not None else find_source(verb.head, excluded, depth + 1)
    if (verb.dep_ == "acl" and verb.head.lemma_.lower() in EVENT_NOUNS and verb.head.dep_ == "pobj"
            and depth < 4 and verb.head.head.head.pos_ in ("VERB", "AUX")):
        # `she said at a news conference announcing that …`: the one who spoke at the event
        return find_source(verb.head.head.head, excluded, depth + 1)
    root = verb.sent.root
    if verb.dep_ == "acl" and root.pos_ in ("NOUN", "PROPN", "NUM") and root.i < verb.i and not inside(root, excluded):
        # a sentence with no verb but this one, hung on a noun before it, is that verb's: its subject is the root
        # (`Attorney General Roy Cooper (D), the governor's opponent in the election, called Friday for …`, `One of
        # the doctors who sent the letter called Oz a quack`)
        return root
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ != "ROOT" and not names_someone(verb.head) \
                and verb.head.pos_ != "PROPN":
            # `an election called Friday drew …`, `a war described as …`: a thing acted on does not speak (a noun
            # that is all the sentence has besides is a finite verb's subject the parse missed: `The opposition
            # called Friday for …`)
            return None
        return verb.head  # `a statement saying that …`, `the minister, speaking to …`
    if depth == 0 and verb.lemma_.lower() in SPEECH_VERBS:
        return _neighbour_source(verb, excluded)
    return None


def is_reporting_verb(token: Token) -> bool:
    """A verb that may report speech; `rule` only as `rule out` (not `rule the country`, `ruled that`)."""
    lemma = token.lemma_.lower()
    return token.pos_ in ("VERB", "AUX") and (lemma in REPORTING_VERBS or lemma == "rule" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in token.children))
