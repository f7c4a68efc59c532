"""Find reporting cues in a parsed document: the cue word, its content span and its source token.

A cue is a reporting verb (`said`, `warned`, `described … as`, `called for`), `according to` or `in X's words`.
Content spans are character offsets into the Doc's text; the quote-mark logic in
`stance.quotes` later decides whether a content is direct, indirect or mixed.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from stance.extraction import phrases  # `according to X`, `in X's words`, `citing X`
from stance.extraction.labelled import labelled_line
from stance.extraction.lexicon import (
    ASSERTING_VERBS,
    CITING_VERBS,
    CLAIM_NOUNS,
    COGNITION_VERBS,
    COMMISSIVE_NOUNS,
    EVALUATIVE_VERBS,
    EVENT_NOUNS,
    GERUND_VERBS,
    PREPOSITIONAL_CUES,
    REASON_VERBS,
    RECEIVING_VERBS,
    SOMEONES_VERBS,
    SPEECH_VERBS,
    SUBORDINATORS,
    WITHHOLDING_VERBS,
)
from stance.extraction.nlp import (
    between_marks,
    is_quote_mark,
    shouted_line,
    text_of,
    token_range,
    trim_span,
)
from stance.extraction.parenthetical import is_parenthetical, parenthetical_content, parenthetical_source, puts_it
from stance.extraction.reasons import judged_with_reason
from stance.extraction.sources import (
    find_source,
    inside,
    is_bare_speech_verb,
    is_passive_without_agent,
    is_reporting_verb,
)

CLAUSE, NOMINAL, ACCORDING = "clause", "nominal", "according"
NOMINAL_DEPS = {"dobj", "oprd", "attr", "xcomp", "dative"}
MIN_NOMINAL_TOKENS = 3


@dataclass(frozen=True)
class Cue:
    """A reporting cue: the cue token, what kind of content it takes, the content span, its source token."""

    token: Token
    kind: str
    start: int
    end: int
    source: Token | None

    @property
    def text(self) -> str:
        if self.kind == ACCORDING:
            words = phrases.phrase_tokens(self.token)  # as the article writes it: `In Hertling's words`
            first, last = min(words, key=lambda t: t.i), max(words, key=lambda t: t.i)
            return text_of(self.token.doc)[first.idx:last.idx + len(last.text)]
        particles = [c.text for c in self.token.children if c.dep_ == "prt"]
        return " ".join([self.token.text, *particles])


def _subtree(token: Token) -> list[Token]:
    return list(token.subtree)


def _clause_content(ccomp: Token) -> list[Token]:
    tokens = _subtree(ccomp)
    # `said he would order a review and warned against hackers`: a second speech verb conjoined without a subject
    # of its own is the speaker's next cue, not part of what the first one reports; so is one with its own
    # subject and its own clause (`said “…” and the official added “…”`): a second report, maybe another speaker's.
    # So is a contrast with another's words (`74 percent said they would vote, while 22 percent said …`; not `while
    # talks continued`, `while it claimed to want peace`: no reported clause of their own).
    for conj in (t for t in tokens if t.i > ccomp.i and (
            t.dep_ == "conj" and (is_bare_speech_verb(t) or _is_own_report(t))
            or t.dep_ == "advcl" and _is_own_report(t) and any(c.dep_ == "ccomp" for c in t.children) and any(
                c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in t.children))):
        cut = {t.i for t in conj.subtree} | {c.i for c in conj.head.children if c.dep_ == "cc" and c.i < conj.i}
        tokens = [t for t in tokens if t.i not in cut and t.i < conj.i]
        while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].text in ",;"):  # `… for talks and` (cc misattached)
            tokens.pop()
        break
    tokens = _without_trailing_aside(tokens)
    # `told them this weekend he would …`: a date the parse hung on the reported clause is the telling's
    while tokens and tokens[0].ent_type_ in ("DATE", "TIME") and "npadvmod" in (tokens[0].dep_, tokens[0].head.dep_):
        tokens = tokens[1:]
    # Drop the complementiser: the content is what follows `that`.
    while tokens and ((tokens[0].lower_ == "that" and _complementiser(tokens[0])) or tokens[0].is_punct
                      or tokens[0].is_space):
        tokens = tokens[1:]
    return tokens


def _without_trailing_aside(tokens: list[Token]) -> list[Token]:
    """What ends a content after a comma and is the reporter's, not the report: a non-restrictive relative clause
    (`said he expects Clinton to recover from pneumonia, which forced her to leave …`), an apposition (`… Mr.
    Trump, the presumed Putin favorite`), a participle clause (`…, citing the strategic importance of …`), the
    occasion (`…, at a meeting in Moscow`). Words in quotation marks are never cut."""
    if not tokens:
        return tokens
    last = max(t.i for t in tokens)
    for token in tokens:
        relative = token.dep_ == "relcl" and token.left_edge.lower_ in ("which", "who", "whom", "whose", "where")
        participle = token.dep_ == "advcl" and token.tag_ == "VBG" and all(
            t.dep_ == "advmod" for t in token.doc[token.left_edge.i:token.i])
        # `…, telling reporters that “…”`: a participle of saying is a report of its own, quotation marks and all,
        # unless someone in the content does the telling (`soldiers went door to door, telling residents: “…”`)
        speaking = participle and token.lemma_.lower() in SPEECH_VERBS and not any(
            c.dep_ == "nsubj" and (phrases.names_someone(c) or c.pos_ in ("PROPN", "PRON"))
            for c in token.head.children)
        occasion = token.dep_ == "prep" and token.lower_ in ("at", "in", "during") and any(
            c.dep_ == "pobj" and c.lemma_.lower() in EVENT_NOUNS for c in token.children)
        # it must run to the end (a name after a comma, `…, Wang Yi`, may hang elsewhere in the parse)
        ends = all(t.is_punct or t.pos_ == "PROPN" for t in token.doc[token.right_edge.i + 1:last + 1])
        if not ends or not (relative or participle or occasion or token.dep_ == "appos"):
            continue
        first = token.left_edge
        comma = token.doc[first.i - 1] if first.i > 0 else None
        marked = any(is_quote_mark(t) for t in token.doc[first.i:last + 1])
        if comma is not None and comma.text == "," and comma.i > min(t.i for t in tokens) and (
                not marked or speaking):
            return [t for t in tokens if t.i < comma.i]
    return tokens


def _complementiser(that: Token) -> bool:
    """`that` opening a reported clause, also where the parse calls it an adverb (not `that much`)."""
    after = that.doc[that.i + 1] if that.i + 1 < len(that.doc) else None
    return that.dep_ == "mark" or (that.dep_ == "advmod" and after is not None and after.pos_ not in ("ADJ", "ADV"))


def _is_own_report(token: Token) -> bool:
    """A speech verb with its own subject (`… and the official added “we …”`, `… and Democrats accused the GOP`)."""
    return (token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children))


def _phrase_cue(token: Token, source: Token | None) -> Cue | None:
    """`according to X`, `in X's words`: a cue of the kind `according` over the larger side of the sentence."""
    content = phrases.phrase_content(token) if source is not None else None
    return Cue(token, ACCORDING, *content, source) if content else None


def _verb_content(verb: Token) -> tuple[str, list[Token]] | None:
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    # `Almayadeen reports: X said that …`: a clause before a colon that precedes the verb introduces the
    # sentence; it is not what the verb reports
    clauses = [c for c in children if c.dep_ == "ccomp" and not (
        c.i < verb.i and any(t.text == ":" for t in verb.doc[c.right_edge.i + 1:verb.i]))]
    if clauses:
        return CLAUSE, [t for c in clauses for t in _clause_content(c)]
    if lemma in SPEECH_VERBS:
        around = parenthetical_content(verb)
        if around:
            return CLAUSE, around
    objects = [c for c in children if c.dep_ in ("dobj", "advcl", "npadvmod", "xcomp")]
    # A mis-parsed that-clause often comes out as the verb's object or an adverbial clause:
    # `noting that the talks aimed …`, `tweeted in the early hours that X was …`.
    for obj in objects:
        subtree = _subtree(obj)
        if subtree[0].lower_ in ("that", "whether") and (subtree[0].dep_ == "mark" or _complementiser(subtree[0])):
            return CLAUSE, _clause_content(obj)
    if lemma in GERUND_VERBS:
        # `proposed holding talks in Istanbul`, `did not rule out sending troops`: a gerund clause with words of its
        # own is what was put forward or denied (not `stopped talking`: not a speech verb)
        own = ("dobj", "prep", "attr", "acomp", "ccomp", "dative")
        gerund = next((c for c in children if c.dep_ in ("xcomp", "ccomp", "dobj") and c.tag_ == "VBG" and c.i > verb.i
                       and any(g.dep_ in own for g in c.children)), None)
        if gerund is not None:
            return CLAUSE, _subtree(gerund)
        if lemma == "rule":  # `ruled out a ceasefire`: what is ruled out, as `rejected a ceasefire`
            parts = [t for c in children if c.dep_ == "dobj" and c.i > verb.i for t in _subtree(c)]
            return (NOMINAL, parts) if parts else None
    if lemma in SPEECH_VERBS:
        # `announced a ‘no limits’ partnership`: quoted words modifying the object are the speaker's (not a title:
        # the object's own head stands outside the marks)
        for obj in (c for c in children if c.dep_ == "dobj" and not between_marks(c)):
            if any(between_marks(t) for t in obj.subtree if t.i < obj.i):
                return NOMINAL, _subtree(obj)
    if lemma in CITING_VERBS:
        cited = [c for c in children if c.dep_ == "dobj"]
        if any(c.dep_ == "prep" and c.lower_ == "for" for o in [verb, *cited] for c in o.children) or all(
                phrases.cites_a_source(o) for o in cited):
            # `citing two officials`: relayed speech (`phrases.cited_source`); `was cited by Reuters as saying`: the
            # one cited speaks in the participle; `cited the driver for speeding`: a summons or an award
            return None
    if lemma in REASON_VERBS:
        judged, reason = judged_with_reason(verb, lemma)
        if judged:
            # read as a clause, quoted words inside make it mixed (`accused Kyiv of planning a “…”`); a reason that
            # is all quoted words is a direct quote, as a name given is (`accused the West of “hysteria”`)
            words = [t for t in reason.subtree if t.is_alpha and t.i != reason.i]
            return (NOMINAL if words and all(between_marks(t) for t in words) else CLAUSE), judged
        if lemma not in EVALUATIVE_VERBS:
            return None
    if lemma in EVALUATIVE_VERBS:
        parts = [c for c in children if c.dep_ in NOMINAL_DEPS and c.i > verb.i]
        # `called Friday for talks`: the date is when, and what was called for follows (not `called 2022 a …`)
        if parts and all(c.ent_type_ in ("DATE", "TIME") for c in parts) and any(
                c.dep_ == "prep" and c.lower_ in PREPOSITIONAL_CUES.get(lemma, ()) for c in children):
            parts = []
        if lemma in RECEIVING_VERBS and parts and all(c.dep_ == "dobj" and phrases.names_someone(c) for c in parts):
            return None  # `welcomed its new member Finland`, `called the minister`: a greeting, a phone call
        parts += [c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
        if parts:
            return NOMINAL, [t for c in parts for t in _subtree(c)]
    for prep in PREPOSITIONAL_CUES.get(lemma, ()):
        for child in children:
            if child.dep_ == "prep" and child.lower_ == prep:
                objects = [t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in _subtree(c)]
                if objects:
                    return NOMINAL, objects
    return None


def _asserted_by(claim: Token, excluded: list[tuple[int, int]]) -> Token | None:
    """The subject of a verb that asserts a claim noun as its own: `issued a warning that`, `repeated the claim
    that`, `stood by its assertion that`, `persisted in arguments that` (not `rejected the claim that`)."""
    verb = claim.head if claim.dep_ == "dobj" else (
        claim.head.head if claim.dep_ == "pobj" and claim.head.dep_ == "prep" else None)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in ASSERTING_VERBS:
        return None
    subject = find_source(verb, excluded)
    if subject is None or not (subject.lower_ in ("he", "she", "they") if subject.pos_ == "PRON"
                               else phrases.names_a_source(subject)):
        return None  # not `It repeated the claim that …`
    return subject


def _nominal_claim(token: Token, excluded: list[tuple[int, int]]) -> Cue | None:
    """`Moscow's claim that Kyiv shelled the plant`: a claim noun with a that-clause and a named holder (its
    possessor, or `by`/`from` someone)."""
    # `his promise to end the war`: a promise, a pledge or a threat may hold an infinitive
    clauses = [c for c in token.children if c.dep_ in ("acl", "ccomp") and (
        phrases.opens_with_that(c) or token.lemma_.lower() in COMMISSIVE_NOUNS and c.tag_ == "VB"
        and any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children))]
    if not clauses:
        return None
    holder = next((c for c in token.children if c.dep_ == "poss" and not inside(c, excluded)), None)
    if holder is None:
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from")):
            holder = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if holder is not None:
                break
    asserted = None
    if holder is None or holder.pos_ == "PRON" and holder.lower_ in ("its", "their", "his", "her"):
        # `Peskov repeated the claim that …`, `Kyiv stood by its assertion that …`: who asserts it holds it
        asserted = _asserted_by(token, excluded)
        holder = asserted or holder
    # `rejected his claim that …`, `said his comment that … was a lie`: a reporting verb above the claim reports it
    governed = [] if asserted is not None else [a for a in token.ancestors if is_reporting_verb(a)]
    if holder is None or holder.pos_ == "PRON" and (holder.lower_ == "its" or governed and holder.lower_ in (
            "their", "his", "her")):
        return None  # nobody in the sentence holds it, or the verb's content holds it
    # a that-clause first: `threat to nuke the West and insistence that he is “not bluffing”`
    clause = next((c for c in clauses if phrases.opens_with_that(c)), None)
    if clause is None:
        if not (phrases.names_someone(holder) or holder.pos_ in ("PROPN", "PRON")):
            return None  # `the drought's threat to destroy crops`: a thing threatens nothing in words
        clause = clauses[0]
    content = [t for t in _clause_content(clause) if not t.is_space]
    if not content:
        return None
    start, end = trim_span(token.doc, *token_range(content))
    return Cue(token, CLAUSE, start, end, holder) if end > start else None


def find_cues(doc: Doc, excluded: list[tuple[int, int]]) -> list[Cue]:
    """All cues of a document whose cue word lies outside the `excluded` character spans (direct quotes)."""
    cues: list[Cue] = []
    for token in doc:
        if any(a <= token.idx < b for a, b in excluded):
            continue
        if token.lower_ == "according" and token.dep_ in ("prep", "advcl", "advmod", "ROOT"):
            cue = _phrase_cue(token, phrases.according_source(token))
            if cue:
                cues.append(cue)
            continue
        if token.lower_ == "in" and (cue := _phrase_cue(token, phrases.words_source(token))):
            cues.append(cue)
            continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in CLAIM_NOUNS:
            cue = _nominal_claim(token, excluded)
            if cue:
                cues.append(cue)
            continue
        if (labelled := labelled_line(token)) is not None:
            # `Lavrov: West is demonstrating intolerance`: a headline or a transcript line names its speaker
            source, content = labelled
            cues.append(Cue(token, CLAUSE, *trim_span(doc, *token_range(content)), source))
            continue
        if (held := phrases.held_clause(token)) is not None:
            # `officials are afraid that …`, `made it clear that …`: held by the subject, when it names someone
            clause, verb = held
            if any(c.dep_ in ("advcl", "parataxis") and is_reporting_verb(c) and is_parenthetical(c)
                   for a in (verb, *verb.ancestors) for c in a.children):
                continue  # `As an officer said, the troops were afraid that …`: the officer's words, not a belief
            source = find_source(verb, excluded)
            content = [t for t in _clause_content(clause) if not t.is_space]
            if source is not None and phrases.holds_a_view(source) and content:
                cues.append(Cue(token, CLAUSE, *trim_span(doc, *token_range(content)), source))
            continue
        if token.i > 0 and doc[token.i - 1].text in "-‐" and not doc[token.i - 1].whitespace_:
            continue  # `so-called`, `self-described`: an adjective, not a cue
        if puts_it(token) and is_parenthetical(token):
            content = parenthetical_content(token)
            start, end = trim_span(doc, *token_range(content)) if content else (-1, -1)
            cues.append(Cue(token, CLAUSE, start, end, find_source(token, excluded)))
            continue
        if not is_reporting_verb(token) or is_passive_without_agent(token) and token.lower_ != "reported" \
                or shouted_line(token):
            continue
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in WITHHOLDING_VERBS or _reporters_voice(token):
            continue  # `refused to call it an invasion`: words not said; `it is worth noting that`: nobody's
        found = _verb_content(token)
        if found is None and token.lemma_.lower() in CITING_VERBS:
            continue  # `citing two officials` cues nothing of its own
        if found is None:
            # may still govern an adjacent quote
            cues.append(Cue(token, CLAUSE, -1, -1, phrases.cited_source(token) or find_source(token, excluded)))
            continue
        kind, tokens = found
        lemma = token.lemma_.lower()
        if kind == NOMINAL and lemma in COGNITION_VERBS and lemma not in SPEECH_VERBS | EVALUATIVE_VERBS:
            continue
        source = phrases.cited_source(token) or parenthetical_source(token) or find_source(token, excluded)
        if lemma in SOMEONES_VERBS and (source is None or not phrases.names_a_source(source)):
            continue  # `The ruins remind us that …`
        for part in _sides(token, [t for t in tokens if not t.is_space]):
            start, end = trim_span(doc, *token_range(part))
            if end > start:
                cues.append(Cue(token, kind, start, end, source))
    return cues


def _reporters_voice(verb: Token) -> bool:
    """A speech or thought verb that gives nobody's words: `it is worth noting that`, `it should be noted that`, an
    imperative (`ask yourself whether …`, `Consider that …`), a question to the reader (`Do you know where …?`)."""
    children = {c.dep_: c for c in verb.children}
    passive_it = children.get("nsubjpass") is not None and children["nsubjpass"].lower_ == "it"
    if verb.head.lower_ == "worth" or passive_it and "agent" not in children:  # not `It was announced by X that`
        return True
    subject = children.get("nsubj")
    if subject is None and verb.tag_ == "VB" and verb.dep_ == "ROOT" and "aux" not in children:
        return True
    return subject is not None and subject.lower_ == "you" and verb.sent.text.rstrip().endswith("?")


def _sides(verb: Token, tokens: list[Token]) -> list[list[Token]]:
    """A content never holds its own cue: clauses on both sides of the verb (`A, Kall said: “B”`) are two
    contents, the one before kept only when it is a clause with a subject of its own (not a misparse such as
    `Writing for a panel that agreed Pence won, X noted that …`)."""
    before = [t for t in tokens if t.i < verb.i]
    after = [t for t in tokens if t.i > verb.i]
    if not before or not after or is_parenthetical(verb):  # `The talks, he said, would resume`: one content
        return [tokens] if tokens else []
    heads = [t for t in before if t.head.i == verb.i]
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for h in heads for c in h.children)
    # `While he acknowledged …, Ham noted …`: a clause opened by a subordinator is an adverbial one, misparsed
    adverbial = before[0].lower_ in SUBORDINATORS
    return [after, before] if subject and not adverbial else [after]
