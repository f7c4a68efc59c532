"""What a cue reports: where a reported clause begins and ends.

`stance.extraction.cues` finds a cue and the clause it governs; this module cuts that clause to what the source
said. It drops the complementiser, a second report conjoined to the first (`said … and the official added …`), and
what the reporter adds after a comma (a non-restrictive relative clause, an apposition, a participle clause, the
occasion, a concession).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from stance.extraction import phrases
from stance.extraction.lexicon import DURATION_NOUNS, EVENT_NOUNS, EXHORTING_VERBS, SPEECH_VERBS
from stance.extraction.nlp import between_marks, gap_is_blank, is_quote_mark, text_of
from stance.extraction.sources import is_bare_speech_verb, is_reporting_verb, reaction_just_before

#: The kinds of content a cue takes: a reported clause, a noun phrase (`called for talks`), `according to X`'s side.
CLAUSE, NOMINAL, ACCORDING = "clause", "nominal", "according"
DASHES = ("-", "–", "—")
ORDERING_VERBS = frozenset({"order", "command", "instruct", "tell", "shout", "yell", "scream"})  # words after a colon
_TAKING_WORDS = SPEECH_VERBS | EXHORTING_VERBS | ORDERING_VERBS  # verbs whose object may be the words quoted


def subtree(token: Token) -> list[Token]:
    return list(token.subtree)


def _relayed(ccomp: Token) -> Token | None:
    """`Zelensky said the attack was a crime, Reuters reported`: the parse makes the relaying verb the content of
    `said` and hangs what was said below it, before a comma; that clause is the content."""
    if ccomp.head.i >= ccomp.i or not is_own_report(ccomp) or between_marks(ccomp):
        return None  # (not quoted words: `blamed the media for focusing on “he said this, he tweeted that”`)
    subject = next(c for c in ccomp.children if c.dep_ in ("nsubj", "nsubjpass"))
    return next((c for c in ccomp.children if c.dep_ == "ccomp" and ccomp.head.i < c.left_edge.i
                 and c.right_edge.i < subject.i and any(t.text == "," for t in c.doc[c.right_edge.i:subject.i])),
                None)


def clause_content(ccomp: Token) -> list[Token]:
    ccomp = _relayed(ccomp) or ccomp
    tokens = subtree(ccomp)
    # `said he would order a review and warned against hackers`: a second speech verb conjoined without a subject
    # of its own is the speaker's next cue, not part of what the first one reports; so is one with its own
    # subject and its own clause (`said “…” and the official added “…”`): a second report, maybe another speaker's.
    # So is a contrast with another's words (`74 percent said they would vote, while 22 percent said …`; not `while
    # talks continued`, `while it claimed to want peace`: no reported clause of their own).
    for conj in (t for t in tokens if t.i > ccomp.i and (
            t.dep_ == "conj" and (is_bare_speech_verb(t) or is_own_report(t))
            # `…, which drew criticism from X, saying …`: X's words (`sources.reaction_just_before`)
            or t.dep_ == "advcl" and t.tag_ == "VBG" and is_bare_speech_verb(t) and reaction_just_before(t) is not None
            or t.dep_ == "advcl" and is_own_report(t) and any(c.dep_ == "ccomp" for c in t.children) and any(
                c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in t.children))):
        cut = {t.i for t in conj.subtree} | {c.i for c in conj.head.children if c.dep_ == "cc" and c.i < conj.i}
        tokens = [t for t in tokens if t.i not in cut and t.i < conj.i]
        while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].text in ",;"):  # `… for talks and` (cc misattached)
            tokens.pop()
        break
    tokens = without_trailing_aside(tokens)
    # `reported, citing the ministry, that …`: the citing the parse hung on the clause is the report's, not its words
    if (cite := cite_before_that(ccomp)) is not None:
        tokens = [t for t in tokens if t.i > cite[1].i]
    # `told them this weekend he would …`: a date the parse hung on the reported clause is the telling's
    while tokens and tokens[0].ent_type_ in ("DATE", "TIME") and "npadvmod" in (tokens[0].dep_, tokens[0].head.dep_):
        tokens = tokens[1:]
    # (and `said on Monday its forces had …`: a date right after the cue, before the reported clause's subject)
    if tokens and tokens[0].dep_ == "prep" and tokens[0].head.i == ccomp.i and tokens[0].i == ccomp.head.i + 1 and any(
            o.ent_type_ in ("DATE", "TIME") for o in tokens[0].children) and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i > tokens[0].right_edge.i for c in ccomp.children):
        tokens = [t for t in tokens if t.i > tokens[0].right_edge.i]
    # Drop the complementiser: the content is what follows `that`.
    # (also `that` tagged as a subordinator that the parse made the reported clause's object: `shouting to the
    # medics that his friend was …`)
    while tokens and ((tokens[0].lower_ == "that" and (complementiser(tokens[0]) or tokens[0].tag_ == "IN" and (
            tokens[0].head.i == ccomp.i and ccomp.dep_ == "ccomp"))) or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    return tokens


def cite_before_that(clause: Token) -> tuple[Token, Token] | None:
    """`reported, citing the ministry, that three drones …`: a participle of citing that opens a reported clause
    before its `that`, and that `that`."""
    that = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    cite = next((c for c in clause.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in (
        "cite", "quote") and that is not None and c.right_edge.i < that.i), None)
    return (cite, that) if cite is not None else None


def without_trailing_aside(tokens: list[Token], apposition: bool = True) -> list[Token]:
    """What ends a content after a comma and is the reporter's, not the report: a non-restrictive relative clause
    (`said he expects Clinton to recover from pneumonia, which forced her to leave …`), an apposition (`… Mr.
    Trump, the presumed Putin favorite`), a participle clause (`…, citing the strategic importance of …`), the
    occasion (`…, at a meeting in Moscow`), a concession (`said paying no taxes was smart, although he again
    refused to …`), and what follows a last spaced dash (`said he had begun making calls - there are two from each
    district`). Words in quotation marks are never cut."""
    if not tokens:
        return tokens
    tokens = _before_last_dash(tokens)
    last = max(t.i for t in tokens)
    for token in tokens:
        relative = token.dep_ == "relcl" and token.left_edge.lower_ in ("which", "who", "whom", "whose", "where")
        participle = token.dep_ == "advcl" and token.tag_ == "VBG" and all(
            t.dep_ == "advmod" for t in token.doc[token.left_edge.i:token.i])
        # `…, telling reporters that “…”`: a participle of saying is a report of its own, quotation marks and all,
        # unless someone in the content does the telling (`soldiers went door to door, telling residents: “…”`)
        speaking = participle and (token.lemma_.lower() in SPEECH_VERBS or any(  # or `going on to say`
            c.dep_ == "xcomp" and c.lemma_.lower() in SPEECH_VERBS for c in token.children)) and not any(
            c.dep_ == "nsubj" and (phrases.names_someone(c) or c.pos_ in ("PROPN", "PRON"))
            for c in token.head.children)
        occasion = token.dep_ == "prep" and token.lower_ in ("at", "in", "during") and any(
            c.dep_ == "pobj" and c.lemma_.lower() in EVENT_NOUNS for c in token.children)
        # it must run to the end (a name after a comma, `…, Wang Yi`, may hang elsewhere in the parse)
        # (not the speaker's own hedge: `would hold the line, although it might have to give up ground`)
        concession = token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("although", "though") for c in token.children) and not any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in token.children)
        ends = all(t.is_punct or t.pos_ == "PROPN" for t in token.doc[token.right_edge.i + 1:last + 1])
        # `…, according to Reuters`: who passed the statement on
        relay = token.lower_ == "according" and token.dep_ == "prep"
        # (an apposition: `… Mr. Trump, the presumed Putin favorite`, `Rep. X, a former governor and ambassador`;
        # not a list of things the parse took for one, `called for tax fairness, the closure of loopholes and higher
        # taxes`)
        aside = token.dep_ == "appos" and (token.head.pos_ == "PROPN" or not any(
            c.dep_ == "conj" for c in (*token.children, *token.head.children) if c.i > token.i))
        # `… “fragile and dangerous,” before leaving Kyiv`: what the speaker did next, after the quoted words end
        first = token.left_edge
        doc = token.doc
        after_quote = first.i > 1 and is_quote_mark(doc[first.i - 1]) and doc[first.i - 2].text == ","
        timing = after_quote and token.dep_ == "prep" and token.lower_ in ("before", "after") and any(
            c.dep_ == "pcomp" and c.tag_ == "VBG" for c in token.children)
        # `said the front was holding, two days after Russia launched …`: when the reporter sets the words in time
        spans = [c for c in token.children if c.lower_ in ("after", "before") and c.dep_ in ("prep", "mark")]
        since = bool(spans) and (token.dep_ == "npadvmod" and token.lemma_.lower() in DURATION_NOUNS or (
            token.dep_ == "advcl" and any(c.dep_ == "npadvmod" and c.lemma_.lower() in DURATION_NOUNS and c.i < token.i
                                          for c in token.children)))
        if not ends or not (relative or participle or occasion or concession or relay or timing or since
                            or apposition and aside):
            continue
        marked = any(is_quote_mark(t) for t in doc[first.i:last + 1])
        if after_quote and first.i - 1 > min(t.i for t in tokens) and (not marked or speaking):
            return [t for t in tokens if t.i < first.i]  # the quoted words keep their closing mark
        comma = doc[first.i - 1] if first.i > 0 else None
        if comma is not None and comma.text == "," and comma.i > min(t.i for t in tokens) and (
                not marked or speaking):
            return [t for t in tokens if t.i < comma.i]
    return tokens


def _before_last_dash(tokens: list[Token]) -> list[Token]:
    """A content cut at a spaced dash that opens its last stretch: not one of a pair around an aside inside it, not
    before quoted words, not before the content's fourth word."""
    dashes = [t for t in tokens if t.text in DASHES and t.i > 0 and t.doc[t.i - 1].whitespace_ and t.whitespace_]
    if len(dashes) != 1:
        return tokens
    dash = dashes[0]
    words = [t for t in tokens if t.i < dash.i and t.is_alpha]
    if len(words) < 4 or any(is_quote_mark(t) for t in tokens if t.i > dash.i) or between_marks(dash):
        return tokens
    return [t for t in tokens if t.i < dash.i]


def complementiser(that: Token) -> bool:
    """`that` opening a reported clause, also where the parse calls it an adverb (not `that much`)."""
    after = that.doc[that.i + 1] if that.i + 1 < len(that.doc) else None
    return that.dep_ == "mark" or (that.dep_ == "advmod" and after is not None and after.pos_ not in ("ADJ", "ADV"))


def is_own_report(token: Token) -> bool:
    """A speech verb with its own subject (`… and the official added “we …”`, `… and Democrats accused the GOP`)."""
    return (token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children))


def clause_then_words(doc: Doc, start: int, colon: int, open_mark: int) -> bool:
    """Whether a content from `start` is a clause reported and then, after a colon, words quoted (`said the West was
    ready to scapegoat him: “He will be replaced”`): two quotes, the clause and the words. Not when a verb of saying
    inside the clause takes the words (`said soldiers went door to door, telling residents: “Leave or die.”`: the
    soldiers' words inside the mayor's report, one mixed quote), nor after a clause too short to report anything."""
    text = text_of(doc)
    if not gap_is_blank(text, colon, open_mark) or len(text[start:colon].split()) < 3:
        return False
    words = doc.char_span(start, colon, alignment_mode="expand") or []  # (`ordered them: “Shoot …”` too)
    return not any(t.lemma_.lower() in _TAKING_WORDS or is_reporting_verb(t) for t in words)


def clause_before_conj(verb: Token) -> list[Token]:
    """`Russian forces launched 40 attacks near Pokrovsk, the General Staff of Ukraine's Armed Forces said`: a
    clause first and its cue last after a comma, which the parse made two conjoined clauses; the first is what was
    said. Not two clauses joined by `and` (`Troops advanced and the ministry said …`), nor a cue with a content of
    its own after it."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or head.dep_ != "ROOT" or not any(
            c.dep_ == "nsubj" for c in verb.children) or any(
            c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children) or any(
            c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return []
    tokens = [t for t in head.subtree if t.i < verb.left_edge.i]
    if not tokens or verb.doc[verb.left_edge.i - 1].text != ",":
        return []
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens
