"""Contents that state nothing a source holds, though a verb of saying or thinking governs them (LABELS.md §1): a
question put (`asked whether the talks would resume`), a topic talked about (`spoke about the economy`), and the
article's own voice (`it is worth noting that …`, `Nobody believes that …`, the writer's `I think …`).
`stance.extraction.cues` drops a cue's content when one of these says so."""

from __future__ import annotations

import re

from spacy.tokens import Token

from stance.extraction.lexicon import COGNITION_VERBS, SPEECH_VERBS
from stance.extraction.nlp import between_marks, text_of
from stance.extraction.signed import SIGNATURE, transcript_label

INTERROGATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
QUESTIONING_VERBS = frozenset({"ask", "wonder", "inquire", "enquire", "query"})  # their content is a question


def a_question(verb: Token, content: list[Token]) -> bool:
    """A content clause that is a question, under a verb of asking or one of knowing and thinking alone: `asked
    whether the talks would resume`, `wondered why …`, `knows how long this will last`, `believe what they are
    saying`. It states nothing anyone holds (LABELS.md §1: a question put is no quote). Not a verb of saying too
    (`explained how the deal works`, `acknowledged what everyone had concluded: …`, `predicted who will …`), nor a
    condition inside the content (`thinks if they had sent troops, they would have won`, `whether or not …`), a
    wh-clause that is the subject of the content (`believes how the war ends will decide …`) or of a judgement
    (`considers what happened in Bucha a genocide`), nor a content that holds quoted words (`asked whether the West
    would let Russia “get away with murder”`: the words are the asker's)."""
    lemma = verb.lemma_.lower()
    if not content or not (lemma in QUESTIONING_VERBS or lemma in COGNITION_VERBS and lemma not in SPEECH_VERBS) \
            or any(t.is_quote for t in content):
        return False
    doc, first = verb.doc, min(content, key=lambda t: t.i)  # (a clause's tokens come in parse order)
    if first.i > verb.i + 1 and doc[first.i - 1].lower_ in ("if", "whether"):
        first = doc[first.i - 1]  # the content was cut after its complementiser
    if first.lower_ in ("if", "whether"):  # the mark of the clause the verb takes, not of a condition inside it
        return first.head.head.i == verb.i and not (first.i + 1 < len(doc) and doc[first.i + 1].lower_ == "or")
    if first.tag_ not in INTERROGATIVE_TAGS or first.lower_ == "that":  # `that` tagged WDT is a complementiser
        return False
    word, steps = first, 0
    while word.head.i != verb.i and word.head.i != word.i:
        word, steps = word.head, steps + 1
        if steps > 2 or word.dep_ in ("advcl", "csubj", "nsubj") and word.head.i != verb.i:
            return False  # the wh-word opens a clause inside the content, not the content itself
    judged = any(c.dep_ in ("oprd", "dobj", "attr", "xcomp") and c.i > word.right_edge.i for c in verb.children)
    return word.head.i == verb.i and word.left_edge.i == first.i and not judged


TOPIC_VERBS = frozenset({"talk", "speak"})  # `talked about X`: X may be only what was talked about
# nouns that take a position on what follows them: `spoke of the need for talks` says talks are needed
STANCE_NOUNS = frozenset({"need", "necessity", "importance", "urgency", "danger", "risk", "threat", "hope", "fear",
                          "possibility"})


def names_a_topic(verb: Token, prep: Token) -> bool:
    """`talked about the economy`, `spoke of her husband's political future`: a topic, no statement (LABELS.md §1).
    Not a noun that holds a clause (`spoke of the holiness he sees in parents`, `talks about his reporting that …`,
    `spoke of the need to negotiate`), a clause (`spoke about how the reform works`) or quoted words (`talked about
    “my precious Quinn”`)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if verb.lemma_.lower() not in TOPIC_VERBS or not objects or any(c.dep_ == "pcomp" for c in prep.children):
        return False
    words = [t for o in objects for t in o.subtree]
    marks = any(t.is_quote for t in verb.doc[prep.i:max(t.i for t in words) + 2])  # a closing mark after it too
    return not marks and objects[0].tag_ not in INTERROGATIVE_TAGS and objects[0].lemma_.lower() not in STANCE_NOUNS \
        and not any(t.dep_ in ("relcl", "acl", "ccomp") and t.pos_ in ("VERB", "AUX") for t in words)


#: Subjects of a view that no one in particular holds: `Nobody believes that …`, `No one knows …`, `Everyone
#: understands that …`, `Nobody in Kyiv thinks …`, `One might hope …` (not `someone familiar with the talks`, an
#: unnamed source, nor `one` alone: `Two officials spoke. One believes …`).
NO_ONES = frozenset({"nobody", "everyone", "everybody", "anyone", "anybody"})
_DECLARED = frozenset({"agree", "insist", "acknowledge", "conclude"})  # voiced by those present: `everyone at …`
WRITERS = frozenset({"i", "we"})  # outside quotation marks, the writer's own voice
_READERS_VERBS = frozenset({"read", "hear", "see", "know", "remember", "recall", "notice", "imagine", "guess"})
_DASHES = ("-", "–", "—", "―")
_DOUBLE_MARKS = ('"', "“", "”", "«", "»", "„")
_INTERVIEW_LABEL = re.compile(r"[A-Z]\.?:\s")  # an interview's `Q:` or `A:`


def reporters_voice(verb: Token) -> bool:
    """A speech or thought verb that gives nobody's words: `it is worth noting that`, `it should be noted that`, an
    imperative (`ask yourself whether …`, `Consider that …`), a question to the reader (`Do you know where …?`), an
    editor's note (`(emphasis added)`), and a verb of thinking whose subject is no one in particular (`Nobody
    believes that …`, `No one in Kyiv expects …`) or the writer outside quotation marks (`I think …`, `We know
    that …`), or a question put with `who` as the one speaking (`Who says Ukraine can't win?`): the article's own
    voice, no source's statement (LABELS.md §1)."""
    children = {c.dep_: c for c in verb.children}
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in ("emphasis", "italics") for c in verb.children):
        return True
    passive_it = children.get("nsubjpass") is not None and children["nsubjpass"].lower_ == "it"
    if verb.head.lower_ == "worth" or passive_it and "agent" not in children:  # not `It was announced by X that`
        return True
    subject = children.get("nsubj")
    if subject is None and verb.tag_ == "VB" and verb.dep_ == "ROOT" and "aux" not in children:
        return True
    if subject is None and verb.dep_ == "conj":  # `… and we know that …` shares no subject; `thinks and hopes`
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and verb.lemma_.lower() in COGNITION_VERBS:
        no_one = subject.lower_ in NO_ONES or subject.lower_ == "one" and (  # `no one`, `one might hope`
            any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)
            or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children))
        present = verb.lemma_.lower() in _DECLARED and any(c.dep_ == "prep" for c in subject.children)
        if no_one and not present and not any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
            return True  # (not `none of them`, nor `Everyone at the summit agreed`: a view voiced there)
        of_us = any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ == "us" for o in c.children)
                    for c in subject.children)  # `Many of us believe …`, `Most of us know …`
        if (subject.lower_ in WRITERS or of_us) and not between_marks(verb) and not _someone_elses_line(verb):
            return True
    if subject is not None and subject.lower_ == "you" and verb.lemma_.lower() in _READERS_VERBS and not (
            between_marks(verb) or _someone_elses_line(verb)):
        return True  # the writer to the reader: `You may have read that …`, `As you know, …`
    # a question to the reader, or one asked of no one (`Who says Ukraine can't win?`, a headline's)
    asked = subject is not None and (subject.lower_ == "you" or subject.lower_ == "who" and verb.dep_ == "ROOT")
    return asked and verb.sent.text.rstrip().endswith("?")  # (not `a boy who calls himself a girl?`)


def _someone_elses_line(token: Token) -> bool:
    """Whether a word's paragraph is someone's own words: quoted around it (`“… I think she is terrific.”`, the
    marks perhaps in other sentences), an interview's answer (`— I think they would have …` after a question,
    `A: I think …`) or a transcript's line (`BANNON: No, I think …`; not `UPDATE:`), or a post signed on the line
    under it (`… ⏎ — Scott Adams (@ScottAdamsSays) …`)."""
    text = text_of(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = len(text) if (end := text.find("\n", token.idx)) < 0 else end
    before, after = text[start:token.idx].lstrip(), text[token.idx:end]
    if sum(map(before.count, _DOUBLE_MARKS)) % 2 or sum(map(after.count, _DOUBLE_MARKS)) % 2:
        return True
    if before[:1] in _DASHES and text[:start].rstrip().endswith("?"):
        return True  # an answer after its question
    if _INTERVIEW_LABEL.match(before) or transcript_label(before):
        return True
    following = text[end:].strip().split("\n", 1)[0]
    return bool(SIGNATURE.match(following)) and not following.endswith("?")
