"""Find reporting cues in a parsed document: the cue word, its content span and its source token.

A cue is a reporting verb (`said`, `warned`, `described … as`, `called for`), `according to` or `in X's words`.
Content spans are character offsets into the Doc's text; `stance.quotes` decides if they are direct or not.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from stance.extraction import (
    claims,  # `a call for X to …`
    phrases,  # `according to X`, `in X's words`, `citing X`
    unstated,  # questions, topics, the article's own voice
)
from stance.extraction.claims import CUE_NOUNS, claim_hung_on_verb, list_called_for, nominal_claim
from stance.extraction.contents import (
    ACCORDING,
    CLAUSE,
    DASHES,
    NOMINAL,
    clause_before_conj,
    clause_content,
    complementiser,
    subtree,
    without_trailing_aside,
)
from stance.extraction.labelled import labelled_line
from stance.extraction.lexicon import (
    CITING_VERBS,
    CLAIM_NOUNS,
    COGNITION_VERBS,
    EVALUATIVE_VERBS,
    EXHORTING_VERBS,
    GERUND_VERBS,
    KEEPING_VERBS,
    LIKENING_VERBS,
    NEGATABLE_VERBS,
    PERSONAL_REASON_VERBS,
    PREPOSITIONAL_CUES,
    REASON_VERBS,
    RECEIVING_VERBS,
    SAYING_VERBS,
    SOMEONES_VERBS,
    SPEECH_VERBS,
    SUBORDINATORS,
    WITHHOLDING_VERBS,
)
from stance.extraction.nlp import between_marks, closing_mark, shouted_line, text_of, token_range, trim_span
from stance.extraction.parenthetical import is_parenthetical, parenthetical_content, parenthetical_source, puts_it
from stance.extraction.reasons import characterised, judged_with_reason, passive_reason, words_used
from stance.extraction.sources import (
    find_source,
    inside,
    is_passive_without_agent,
    is_reporting_verb,
)

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
    def says_little(self) -> bool:
        """A nominal content too short to be a statement (`praised him`, `condemned it`), unless it is what a call
        asks for (`called for a ceasefire`, `appealed for calm`)."""
        short = len(text_of(self.token.doc)[self.start:self.end].split()) < MIN_NOMINAL_TOKENS
        return self.kind == NOMINAL and short and not self._asks_for

    @property
    def _asks_for(self) -> bool:
        if any(c.dep_ == "dobj" for c in self.token.children):
            return False  # (not with an object of its own: `pushing war for profit` says why)
        return any(
            c.dep_ == "prep" and c.lower_ == "for" and c.idx <= self.start and any(
                o.dep_ in ("pobj", "pcomp") and o.pos_ != "PRON" for o in c.children)
            for c in self.token.children) and self.token.lemma_.lower() in PREPOSITIONAL_CUES

    @property
    def text(self) -> str:
        if self.kind == ACCORDING:
            words = phrases.phrase_tokens(self.token)  # as the article writes it: `In Hertling's words`
            first, last = min(words, key=lambda t: t.i), max(words, key=lambda t: t.i)
            return text_of(self.token.doc)[first.idx:last.idx + len(last.text)]
        particles = [c.text for c in self.token.children if c.dep_ == "prt"]
        return " ".join([self.token.text.lstrip(")") or self.token.text, *particles])  # (`ZELENSKYY (…):`)


def _phrase_cue(token: Token, source: Token | None) -> Cue | None:
    """`according to X`, `in X's words`: a cue of the kind `according` over the larger side of the sentence."""
    content = phrases.phrase_content(token) if source is not None else None
    return Cue(token, ACCORDING, *content, source) if content else None


def _verb_content(verb: Token) -> tuple[str, list[Token]] | None:
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    # `Almayadeen reports: X said that …`: a clause before a colon that precedes the verb introduces the
    # sentence, and one before a semicolon stands on its own; it is not what the verb reports
    # (nor a report of its own before the verb: `Zelensky said the attack was a crime, the agency said` relays
    # Zelensky's words, which are his, LABELS.md §6; `…, “Russia will pay,” he added`: the quoted words are added)
    relayed = [c for c in children if c.dep_ == "ccomp" and c.i < verb.i and _relayed_report(c)]
    # (nor a clause the parse hung on the verb that its object, someone's claim, holds: `echoes Modi's message …`)
    claimed = {h.i for c in children if (h := claim_hung_on_verb(c)) is not None}
    clauses = [c for c in children if c.dep_ == "ccomp" and not (
        c.i < verb.i and any(t.text in (":", ";") for t in verb.doc[c.right_edge.i + 1:verb.i]))
        and c not in relayed and not any(c.left_edge.i == r.i + 1 for r in relayed) and c.i not in claimed]
    if not clauses and verb.dep_ == "ccomp" and verb.head.i > verb.i and _relayed_report(verb):
        # `An official said discussions were “still dynamic,” it said`: the official's clause, hung on the relay
        clauses = [c for c in verb.head.children if c.dep_ == "ccomp" and c.left_edge.i == verb.i + 1]
    # `said he … — a controversial proposal he has raised`: a second clause after a dash is the reporter's aside
    clauses = clauses[:1] + [c for c in clauses[1:] if verb.doc[c.left_edge.i - 1].text not in DASHES]
    if clauses or (first := clause_before_conj(verb)):  # (`X launched attacks, the General Staff of … said`)
        return CLAUSE, [t for c in clauses for t in clause_content(c)] if clauses else first
    # `Russia's losses, British intelligence has estimated, are …` (a judgement stated; not `as we know`)
    if lemma in SPEECH_VERBS or lemma in ("estimate", "believe", "expect", "predict", "calculate", "reckon"):
        around = parenthetical_content(verb)
        if around:
            return CLAUSE, around
    if lemma in SPEECH_VERBS:
        # `said having Trump on the ticket puts senators at risk`: the parse makes the gerund subject the verb's
        # complement and hangs the clause's own verb below it
        gerund = next((c for c in children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.left_edge.i == verb.i + 1
                       and not is_reporting_verb(c)  # `continues insisting …`: the gerund is the cue
                       and any(g.dep_ == "ccomp" and g.tag_ in ("VBZ", "VBD", "VBP") for g in c.children)), None)
        if gerund is not None:
            return CLAUSE, subtree(gerund)
        # `yelling to the officers that her husband was unarmed`: the parse hangs the clause on the officers
        below = phrases.clause_to_someone(verb) or phrases.clause_on_occasion(verb)
        if below is not None:  # (without the `that` the parse took for a relative pronoun)
            return CLAUSE, [t for t in clause_content(below) if not (t.i == below.left_edge.i and t.lower_ == "that")]
    objects = [c for c in children if c.dep_ in ("dobj", "advcl", "npadvmod", "xcomp")]
    # A misparsed that-clause as the verb's object or adverbial: `noting that the talks aimed …`, `tweeted … that`
    for obj in objects:
        words = subtree(obj)
        if words[0].lower_ in ("that", "whether") and (words[0].dep_ == "mark" or complementiser(words[0])):
            return CLAUSE, clause_content(obj)
    if lemma == "say":
        # `Stone says the increase … that Bloomberg decries also makes …`, `said Russia's delegation had repeated
        # demands`: an object right after `say` with a verb of its own on it is a clause the parse missed (not `said a
        # prayer`, nor a relative clause: `said the words that everyone remembers`)
        said = next((c for c in children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None)
        if said is not None and any(
                c.dep_ in ("relcl", "acl", "ccomp") and c.tag_ in ("VBZ", "VBD", "VBP") and not any(
                    g.tag_ in ("WDT", "WP") and g.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") for g in c.children)
                or c.dep_ == "amod" and c.tag_ in ("VBN", "VBD") and any(g.dep_ == "nsubj" for g in c.children)
                for c in said.children):
            return CLAUSE, subtree(said)
    if lemma in EXHORTING_VERBS:
        urged = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None) or next(  # (`appealed to`)
            (o for p in children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"),
            None)
        deed = _infinitive_after(verb, urged.i) if urged is not None else None
        if deed is not None and sum(c.dep_ in ("dobj", "dative") and c.i < deed.i for c in children) > 1:
            deed = None  # `asked the applicants questions to see how they answer`: a purpose, not a request
        if deed is not None:
            return NOMINAL, [t for c in (urged, deed) for t in subtree(c)]
        if any(c.dep_ == "agent" for c in children) and any(c.dep_ == "nsubjpass" for c in children):
            # `was asked by Macron to agree to a ceasefire`: what the agent asked for (as `was urged by … to`)
            deed = _infinitive_after(verb, verb.i)
            if deed is not None:
                return NOMINAL, subtree(deed)
    if lemma in GERUND_VERBS:
        # `proposed holding talks`, `did not rule out sending troops`: a gerund clause with words of its own
        own = ("dobj", "prep", "attr", "acomp", "ccomp", "dative")  # (not `stopped talking`)
        gerund = next((c for c in children if c.dep_ in ("xcomp", "ccomp", "dobj") and c.tag_ == "VBG" and c.i > verb.i
                       and any(g.dep_ in own for g in c.children)), None)
        if gerund is not None:
            return CLAUSE, subtree(gerund)
        if lemma == "rule":  # `ruled out a ceasefire`: what is ruled out, as `rejected a ceasefire`
            parts = [t for c in children if c.dep_ == "dobj" and c.i > verb.i for t in subtree(c)]
            return (NOMINAL, parts) if parts else None
    if lemma in SPEECH_VERBS:
        # `announced a ‘no limits’ partnership`: quoted words modifying the object are the speaker's (not a title:
        # the object's own head stands outside the marks)
        for obj in (c for c in children if c.dep_ == "dobj" and not between_marks(c)):
            if any(between_marks(t) for t in obj.subtree if t.i < obj.i):
                return NOMINAL, subtree(obj)
    if lemma in CITING_VERBS:
        cited = [c for c in children if c.dep_ == "dobj"]
        if any(c.dep_ == "prep" and c.lower_ == "for" for o in [verb, *cited] for c in o.children) or all(
                phrases.cites_a_source(o) for o in cited):
            # `citing two officials` (relayed), `was cited by Reuters as saying`; not `cited the driver for speeding`
            return None
    if lemma in REASON_VERBS or lemma in PERSONAL_REASON_VERBS and _a_person_speaks(verb):
        if passive := passive_reason(verb, lemma):
            return CLAUSE, passive
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
        if lemma in RECEIVING_VERBS and parts and phrases.receives(verb, parts):
            return None  # `welcomed its new member Finland`, `called the minister`: a greeting, a phone call
        # `described the raid as …`; `likened the refugees to a “vicious snake”`
        likening = ("to",) if lemma in LIKENING_VERBS else ()
        likened = [c for c in children if c.dep_ == "prep" and (c.lower_ == "as" or c.lower_ in likening)
                   and c.i > verb.i]
        if lemma == "compare":
            # `compared the figures with last year's`, `12% compared to 11% a year ago`: a comparison, not what
            # someone is called (`compared Putin to Hitler`)
            compared = [c for c in children if c.dep_ == "dobj"]
            if not (compared and (likened or any(t.dep_ == "prep" and t.lower_ == "to"
                                                  for c in compared for t in c.subtree))):
                return None
        parts += likened
        if parts and (listed := list_called_for(verb, lemma, parts)):
            return NOMINAL, listed
        if parts:
            # a relative clause set off after what someone is likened to is the reporter's (`compared X to its own
            # history under apartheid, which restricted Blacks to “homelands”`), quoted words and all (not after
            # `as`: `described the war as a proxy war, which the West would wage “to the last Ukrainian”`)
            aside = {t.i for c in likened if c.lower_ != "as" for r in c.subtree
                     if r.dep_ == "relcl" and r.left_edge.i > 0 and verb.doc[r.left_edge.i - 1].text == ","
                     for t in r.subtree}
            return NOMINAL, [t for c in parts for t in subtree(c) if t.i not in aside]
    for prep in PREPOSITIONAL_CUES.get(lemma, ()):
        for child in children:
            if child.dep_ == "prep" and child.lower_ == prep:
                objects = [t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in subtree(c)]
                if objects and not unstated.names_a_topic(verb, child):  # not `talked about the economy`
                    return NOMINAL, list_called_for(verb, lemma) or claims.with_infinitive(objects, verb)
            if child.i > verb.i and prep == "for" and (asked := claims.for_someone_to(child)):
                return NOMINAL, asked  # `called for allies to send more air defence`
    return None


def find_cues(doc: Doc, excluded: list[tuple[int, int]]) -> list[Cue]:
    """All cues of a document whose cue word lies outside the `excluded` character spans (direct quotes)."""
    cues: list[Cue] = []
    for token in doc:
        if any(a <= token.idx < b for a, b in excluded):
            continue
        if token.lower_ == "according" and token.dep_ in ("prep", "advcl", "advmod", "ROOT"):
            source = phrases.according_source(token)
            if source is not None and phrases.no_ones_words(source):
                continue  # `According to plan, …`, `according to the schedule`: no one's words
            cue = _phrase_cue(token, source)
            # `Zelensky said the attack was a crime, according to Reuters`: the statement is Zelensky's, and the
            # phrase only says who passed it on (LABELS.md §6)
            if cue and not any(cue.start <= t.idx < cue.end and _relayed_report(t) for t in doc[:token.i]):
                cues.append(cue)
            continue
        if token.lower_ == "in" and (cue := _phrase_cue(token, phrases.words_source(token))):
            cues.append(cue)
            continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in CUE_NOUNS:
            claim = nominal_claim(token, excluded)
            if claim:
                cues.append(Cue(token, *claim))
            if claim or token.lemma_.lower() in CLAIM_NOUNS:
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
            content = [t for t in clause_content(clause) if not t.is_space]
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
        if token.pos_ == "VERB" and not is_reporting_verb(token) and (named := characterised(token, excluded)
                                                                    or words_used(token, excluded)):
            cues.append(Cue(token, NOMINAL, *trim_span(doc, *token_range(named[0])), named[1]))
            continue
        if not is_reporting_verb(token) or is_passive_without_agent(token) and token.lower_ != "reported" \
                or shouted_line(token):
            continue
        withheld = token.head if token.dep_ == "conj" else token  # `declined to confirm or deny that …`
        if withheld.dep_ == "xcomp" and withheld.head.lemma_.lower() in WITHHOLDING_VERBS or (
                unstated.reporters_voice(token)):
            continue  # `refused to call it an invasion`: words not said; `it is worth noting that`: nobody's
        if token.dep_ == "pcomp" and (token.head.lower_ == "of" and token.head.head.lower_ == "short" or (
                token.head.lower_ == "from" and token.head.head.lemma_.lower() in KEEPING_VERBS
                and not any(c.dep_ == "neg" for c in token.head.head.children))):  # not `did not stop X from …`
            continue  # `stopped short of calling it …`, `was banned from saying …`, `Far from saying …`: not said
        if _negated(token, excluded):
            continue  # `did not say that the deal was dead`, `did not blame Kyiv for …`: nothing was stated
        found = _verb_content(token)
        if found is not None and found[0] == CLAUSE and unstated.a_question(token, found[1]):
            found = None  # `asked whether …`, `knows how long …`: no statement; a quotation beside it may be theirs
        if found is None and token.lemma_.lower() in CITING_VERBS:
            continue  # `citing two officials` cues nothing of its own
        if found is None:
            # may still govern an adjacent quote
            cues.append(Cue(token, CLAUSE, -1, -1, phrases.cited_source(token) or find_source(token, excluded)))
            continue
        kind, tokens = found
        if kind == NOMINAL:  # `cited Clinton's proposals for small businesses, which include …` (an apposition
            tokens = without_trailing_aside(tokens, apposition=False)  # names the object: `criticized X, the …`)
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
    # however a content was found, a quoted fragment ends at its closing mark (`said the attack was “a crime,”
    # Reuters reported`, `repeated his claim that Kyiv was “a terrorist state,” the ministry said`)
    return [Cue(c.token, c.kind, c.start, closing_mark(doc, c.start, c.end, c.token.idx), c.source)
            if c.end > c.start >= 0 else c for c in cues]


def _infinitive_after(verb: Token, after: int) -> Token | None:
    """The `to`-infinitive hung on a verb after position `after` (`urged the allies to send …`: `send`)."""
    return next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > after
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _relayed_report(clause: Token) -> bool:
    """A clause that is someone's report of its own (`Zelensky said the attack was a crime`), outside quotation
    marks: a plain verb of saying, or a verb voicing a claim noun with its content, with a subject that names a
    source (not `Those discussions are continuing`), not one still to come (`Russia will respond to …`); or a named
    one's view before `he told …` (`X believes that Y, he told the conference`: the telling is its occasion)."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or between_marks(clause) or _negated(clause, []) or not (subject.pos_ in ("PROPN", "PRON")
            or phrases.names_a_source(subject)) or any(c.tag_ == "MD" for c in clause.children):
        return False
    return clause.lemma_.lower() in SAYING_VERBS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS and nominal_claim(c, []) for c in clause.children) or (
        clause.lemma_.lower() in COGNITION_VERBS and subject.pos_ == "PROPN" and any(
            c.lower_ in ("he", "she") for c in clause.head.children))


def _a_person_speaks(verb: Token) -> bool:
    """Whether the verb's subject is a named person or `he`/`she`, for verbs that judge in words only when a person
    does them (`Trump attacked Clinton for …`; not `Russian forces attacked the town`)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she"))


def _negated(verb: Token, excluded: list[tuple[int, int]]) -> bool:
    """A verb of saying or judging that is denied (`did not say that …`, `never blamed Kyiv`, `would not confirm
    or deny …`) attributes no statement to its subject. Not a verb of belief, whose denial is a view held (`does
    not believe the talks will work`), nor one of refusal, whose denial is a statement of its own (`did not rule
    out sending troops`), nor `not only … but`."""
    if verb.dep_ == "conj" and any(c.lower_ in ("or", "nor") for c in verb.head.children if c.dep_ == "cc") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "neg") for c in verb.children):
        verb = verb.head  # `would not confirm or deny that …`: neither
    lemma = verb.lemma_.lower()
    if lemma in COGNITION_VERBS or lemma in NEGATABLE_VERBS:
        return False
    doc = verb.doc  # the word itself before the verb, outside quotation marks (`“Probably not,” Moore said` denies
    # nothing), and not `whether or not`
    return any(c.dep_ == "neg" and c.i < verb.i and not inside(c, excluded) and not between_marks(c)
               and doc[c.i + 1].lower_ != "only" and not (c.i > 0 and doc[c.i - 1].lower_ == "or")
               for c in verb.children)


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
