"""How a name is written: its words without titles or possessive endings, the form names are compared in, and
whether words the tagger took for a body are a person's name."""

from __future__ import annotations

import itertools
import re
import unicodedata

from spacy.tokens import Span, Token

from stance.extraction.given_names import GIVEN_NAMES
from stance.extraction.headlines import says_form
from stance.extraction.lexicon import (
    CAPITALS,
    CIVIL_GENERALS,
    COUNTRIES,
    GROUP_NOUNS,
    ORGANIZATION_NOUNS,
    ROLE_FAMILIES,
    ROLE_NOUNS,
    ROLE_PREPOSITIONS,
    SERVED_BODIES,
    SPEECH_VERBS,
    TITLE_ABBREVIATIONS,
    TITLES,
)
from stance.extraction.nlp import entity_of, text_of

POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}  # the entity labels of bodies and places that speak


def normalize(word: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a name token: `O’Brien` → `obrien`."""
    word = POSSESSIVE.sub("", word.strip())
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word if c.isalnum()).casefold()


def headline_verb(token: Token) -> bool:
    """A capitalised reporting verb in the third person, as a headline writes it (`Slams`, `Warns`, `Says`)."""
    return token.text[:1].isupper() and says_form(token.lower_)


def name_words(tokens: list[Token]) -> list[Token]:
    """Strip titles, possessive endings and punctuation around a person's name."""
    tokens = [t for t in tokens if not t.is_punct and t.dep_ != "case" and t.text not in ("'s", "’s")]
    while len(tokens) > 1 and tokens[-1].pos_ == "VERB":
        tokens = tokens[:-1]  # a headline's verb the tagger put into the name: `Obama Says`
    verb = next((i for i, t in enumerate(tokens) if i and headline_verb(t)), None)
    tokens = tokens[:verb]  # `Biden Slams Putin`, one name to the tagger: Biden
    titled_first = bool(tokens) and normalize(tokens[0].text) in ROLE_NOUNS | TITLES
    while len(tokens) > 1 and normalize(tokens[0].text) in TITLES:
        tokens = tokens[1:]
    # A role the tagger put inside the name (`intelligence chief Major-General Petro Lysenko`): the name after it.
    roles = [i for i, t in enumerate(tokens[:-1]) if normalize(t.text) in ROLE_NOUNS | TITLES and t.i > tokens[0].i]
    # after a role and a body (`Chief of Staff Wieslaw Kukula`, the role maybe stripped as a title above), the name is
    # the run of names that ends the words
    after = tokens[roles[-1] + 1:] if roles else tokens if titled_first and any(t.pos_ == "ADP" for t in tokens) else []
    run = trailing_names(after)
    if len(run) >= 2:
        tokens = run
    return tokens


def trailing_names(tokens: list[Token]) -> list[Token]:
    """The run of names that ends the words, in order: proper nouns that are no role, title, body or group word
    (`Wieslaw Kukula` of `Chief of Staff Wieslaw Kukula`)."""
    run = itertools.takewhile(lambda t: t.pos_ == "PROPN" and normalize(t.text) not in (
        ROLE_NOUNS | TITLES | ORGANIZATION_NOUNS | GROUP_NOUNS), reversed(tokens))
    return list(run)[::-1]


def titled(head: Token, name_tokens: list[Token]) -> bool:
    """Whether a role or a title stands right before a name (`Defence Minister Rustem Umerov`) or in apposition
    to it (`Kyrylo Budanov, head of the service`, `Ukraine's ambassador to Britain, Valerii Zaluzhnyi`)."""
    first = name_tokens[0]
    return (first.i > 0 and normalize(first.doc[first.i - 1].text) in ROLE_NOUNS | TITLES
            or any(c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS for c in head.children)
            or head.dep_ == "appos" and head.head.lemma_.lower() in ROLE_NOUNS)


def with_first_names(ent: Span) -> Span:
    """A body or a place the tagger found, with the untagged capitalised words before it that its head takes as a
    compound (`Oleksii` of `Oleksii Reznikov`, tagged as a place): a first name left outside the entity, or tagged
    a person's name of its own (`Oleksandr` of `Oleksandr Syrskyi`)."""
    first = ent.start
    while first > 0 and (t := ent.doc[first - 1]).pos_ == "PROPN" and t.dep_ == "compound" and t.head == ent.root \
            and (not t.ent_type_ or t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and (
                first - 1 == 0 or ent.doc[first - 2].ent_type_ != "PERSON")) and t.is_title:
        first -= 1
    return ent if first == ent.start or ent.label_ not in ("ORG", "GPE") else Span(ent.doc, first, ent.end, ent.label_)


def person_tagged_as_body(ent) -> bool:
    """A person's name the tagger took for an organisation, known by the role beside it: `intelligence chief
    Major-General Kyrylo Budanov`, `Florian Philippot, leader of the Patriots`; or for a place, known only by a role
    in apposition (`Margot Vandervelden, WFP interim regional director`), never a country or capital; or for
    either, known by a given name first (`Natalia Humeniuk`)."""
    if ent.label_ not in ("ORG", "GPE"):
        return False
    tokens = name_words(list(ent))
    if not 2 <= len(tokens) <= 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens):
        return False
    if any(normalize(t.text) in ORGANIZATION_NOUNS | ROLE_NOUNS | GROUP_NOUNS for t in tokens):
        return False
    place = span_text(tokens).lower()
    if normalize(tokens[0].text) in GIVEN_NAMES and place not in COUNTRIES and place not in CAPITALS:
        return True  # `Natalia Humeniuk said …`, tagged an organisation: a given name begins a person's name
    if ent.label_ == "GPE":
        return place not in COUNTRIES and place not in CAPITALS and any(
            c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS for c in ent.root.children)
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    titled = len(tokens) < len([t for t in ent if not t.is_punct]) or (
        before is not None and normalize(before.text) in ROLE_NOUNS | TITLES)
    appos = any(c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS for c in ent.root.children) or (
        ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in ROLE_NOUNS)  # `its negotiator, Rustem Umerov`
    return titled or appos


def span_text(tokens: list[Token]) -> str:
    """The article's own text from the first to the last token (keeps `Park Geun-hye` whole)."""
    doc = tokens[0].doc
    return text_of(doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]


def words_text(tokens: list[Token]) -> str:
    """The text of a run of tokens, with their own spacing."""
    return "".join(t.text_with_ws for t in tokens).strip()


def named_after_role(source: Token | None) -> list[Token]:
    """`Head of the Presidential Office Andriy Yermak said`, `Commander of the Ground Forces Oleksandr Syrskyi`: a
    role whose `of` phrase ends in a person's name (two words or more, after the body it heads) is that person, as
    is one whose `to` or `for` phrase runs the place it serves into a name (`Russia's ambassador to Washington
    Anatoly Antonov`); the name's words, else []."""
    if source is None or source.lemma_.lower() not in ROLE_NOUNS or not any(
            c.dep_ == "prep" and c.lower_ in ROLE_PREPOSITIONS for c in source.children):
        return []
    doc, last = source.doc, source.right_edge
    # the name hangs from the role's own `of` phrase, not from a clause inside it (`The head of the delegation that
    # met Vladimir Putin said`)
    path = [last, *itertools.takewhile(lambda a: a.i != source.i, last.ancestors)]
    if any(t.dep_ not in ("pobj", "prep", "compound", "flat", "appos", "nmod", "amod") for t in path):
        return []
    run = trailing_names(list(doc[source.i + 1:last.i + 1]))
    if len(run) < 2:
        return []
    # `ambassador to Washington Anatoly Antonov`, `envoy for Ukraine Kurt Volker`: the tagger runs the place the
    # role serves into the name (only then is a `to` or `for` phrase the role's holder: `an aide to President X`,
    # `a spokeswoman for X` speak for X)
    for width in (2, 1):  # `to the United Nations Sergiy Kyslytsya`, `to the UN Barbara Woodward`
        served = "".join(normalize(t.text) for t in run[:width])
        if len(run) >= width + 2 and (served in SERVED_BODIES or width == 1 and served in COUNTRIES | CAPITALS.keys()):
            return run[width:]
        if len(run) >= 2 and "".join(normalize(t.text) for t in doc[max(0, run[0].i - width):run[0].i]) in (
                SERVED_BODIES):  # a body's word the run left out (`UN`, a body word itself)
            return run
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in source.children):
        return []
    person = entity_of(last)
    if person is not None and person.label_ == "PERSON" and person.end - 1 == last.i and person.start > source.i:
        return [t for t in person if t.i >= run[0].i] if len(person) >= 2 else []  # not `Amnesty International`
    # untagged, the name must follow a common noun of the body it heads (`the Security Service Vasyl Maliuk`), not
    # another name in a list of bodies (`the heads of the IMF, … and UN World Food Program`)
    before = doc[run[0].i - 1]
    if last.dep_ != "conj" and normalize(before.text) in ORGANIZATION_NOUNS and not before.is_upper:
        return run
    return []


def role_holder(token: Token) -> tuple[Token, list[Token]] | None:
    """(the role, the name's words) when `token` ends a name that ends a role's own phrase, whatever the tagger took
    it for (`Russia's ambassador to Washington Anatoly Antonov`, tagged as one organisation); else None."""
    role = next((a for a in token.ancestors if normalize(a.text) in ROLE_NOUNS), None)
    if role is None or any(t.dep_ == "appos" for t in (role, *role.ancestors)) or any(
            c.dep_ == "appos" for c in role.children):
        return None  # `Margarita Simonyan, the editor-in-chief of the media group Rossiya Segodnya`: the role is hers
    run = named_after_role(role)
    return (role, run) if token in run else None


def may_be_name(ent) -> bool:
    """A name has a capital, is no word made from one, holds no verb and is no question of its own: not `their
    brother’s keeper`, `pro-Putin`, a headline's `Obama Says` or `Jamie Dimon Slams Biden`, `Harsh?`."""
    return (any(t.text[:1].isupper() for t in ent) and not re.fullmatch(r"[a-z]+-\w+", ent.text)
            and not any(t.pos_ == "VERB" for t in ent) and not _a_question_of_its_own(ent))


def _a_question_of_its_own(ent) -> bool:
    """`Harsh?`, `Fair?`: a word that is a whole question or exclamation, the writer's aside, not a person."""
    sentence = ent[0].sent
    words = [t for t in sentence if not (t.is_punct or t.is_space)]
    return sentence[-1].text in ("?", "!") and len(words) == 1 and words[0] in ent


#: Articles that open a foreign title (`Der Spiegel`, `Die Welt`, `El País`, `Il Fatto`): a publication, not a person.
FOREIGN_ARTICLES = frozenset({"der", "die", "das", "el", "il", "les"})  # not `Le Pen`, `La Russa`


def titled_like_an_outlet(ent, index) -> bool:  # ent: an entity or its tokens
    """A `person` the tagger found in a foreign article and one word (`Der Spiegel`), whose word is no surname the
    article gives a fuller name for (`Le Pen` after `Marine Le Pen`)."""
    words = [t for t in ent if not t.is_punct]
    return (len(words) == 2 and words[0].lower_ in FOREIGN_ARTICLES and words[0].text[:1].isupper()
            and words[1].text[:1].isupper() and not index.surname_known(words[1]))


def described_body(source: Token, words: list[Token]) -> str:
    """The name of an organisation whose mention (`words`) describes it before the name (`American fast-food giant
    McDonald's`, `French automaker Renault`): the name alone, so one body is one speaker. Not a possessive's
    (`Russia's Foreign Ministry`), a name's (`the Kyiv city council`), a people's right before it (`the Russian
    Geographical Society`)."""
    ent = entity_of(source)
    if ent is None or ent.root != source or ent.label_ not in ("ORG", "GPE"):
        return ""
    before = [t for t in words if t.i < ent.start and t.dep_ != "det"]
    described = before and all(t.dep_ in ("amod", "compound", "nmod", "punct") and (
        t.pos_ in ("ADJ", "NOUN", "PUNCT") or t.ent_type_ == "NORP") for t in before)
    # (the word right before the name is a common one: `the Russian Geographical Society` keeps its `Russian`)
    return ent.text if described and before[-1].text.islower() else ""


# Verbs that give whoever does them a role (`X, who commands the battalion`: `the commander`).
ROLE_VERBS = {"command": "commander", "lead": "leader", "head": "head", "chair": "chair", "direct": "director",
              "govern": "governor", "represent": "representative", "coordinate": "coordinator", "advise": "adviser",
              "manage": "manager", "edit": "editor", "run": "head"}
# Words that tell one minister's (or secretary's) office from another's: `the prime minister`, `the defence minister`.
OFFICE_WORDS = frozenset({"prime", "foreign", "defence", "defense", "interior", "finance", "vice", "deputy",
                          "economy", "energy", "justice", "health", "home", "treasury"})


def civil_office(token: Token) -> str:
    """The office a `general` of a civil title holds (`the UN secretary-general`, `the attorney general`:
    `secretary`, `attorney`), so that it refers back to the person given that title; empty for any other word."""
    if token.lower_ != "general":
        return ""
    before = [c for c in token.children if c.i < token.i and c.lower_ in CIVIL_GENERALS]
    return before[-1].lower_ if before else ""


_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "that", "its", "their", "his", "her", "our"})


def named_body(name: str) -> bool:
    """Whether a body's mention names it (`Ukraine's air force`, `Clinton campaign`, `the International Court of
    Justice`), not only what kind of body it is (`the court`, `a union`, `these companies`)."""
    words = name.split()
    return any(w[:1].isupper() and w.lower() not in _DETERMINERS for w in words)


def same_role(role: str, words: set[str]) -> bool:
    """Whether a role noun (`governor`, `chief`) names a person whose recorded role has these words."""
    role = TITLE_ABBREVIATIONS.get(role, role)
    words = {TITLE_ABBREVIATIONS.get(w, w) for w in words}
    if words & CIVIL_GENERALS:
        words = words - {"general"}  # `Secretary General Antonio Guterres` is not `the commander`
    return role in words or any(role in family and words & family for family in ROLE_FAMILIES)


# Nouns for someone the article brings in without a name (`a woman queuing for water`, `one soldier`): besides the
# role nouns, words for people by who they are. Not those who ask the questions (`a reporter asked him …`).
PERSON_NOUNS = frozenset("""
    woman man girl boy mother father wife husband son daughter widow widower grandmother grandfather pensioner
    volunteer medic paramedic teacher student farmer driver worker villager refugee mechanic shopkeeper veteran
    fighter sniper pilot gunner marine paratrooper civilian neighbour neighbor local eyewitness serviceman
    politician teenager insider commenter attendee participant passenger tourist supporter opponent critic voter
    citizen boyfriend girlfriend person source runner frontrunner
""".split()) | ROLE_NOUNS - ORGANIZATION_NOUNS - frozenset("""
    reporter journalist correspondent interviewer host anchor presenter moderator chair partner owner member
    prime foreign defence defense interior finance vice first former acting incumbent major
""".split())
_INTRODUCING = frozenset({"a", "an", "another", "one"})


def unnamed_person(token: Token) -> bool:
    """Whether a noun brings in one person the article does not name and gives the word to (`A woman queuing for
    water said …`, `I asked a soldier near Bakhmut …`, `spoke to a resident`), whom a later `she` or `he` can mean.
    Not a named one (`a nurse, Olena Kovalenko`), nor someone who is only mentioned (`a man was wounded`, `to name a
    replacement candidate`): news writes of many people it never quotes."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.ent_type_ or token.lemma_.lower() not in PERSON_NOUNS:
        return False
    if not any(c.dep_ in ("det", "nummod") and c.lower_ in _INTRODUCING for c in token.children):
        return False
    if any(c.dep_ == "appos" or c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"
           or c.dep_ == "acl" and c.lemma_.lower() in ("name", "call") for c in token.children):
        return False
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ in _TALKED_WITH else token.head
    if token.dep_ == "nsubj":
        return verb.lemma_.lower() in SPEECH_VERBS
    if token.dep_ == "nsubjpass":  # `A Ukrainian officer was asked whether …`
        return verb.lemma_.lower() in _ASKING_VERBS
    if token.dep_ == "ROOT":  # the parse's slip: `One resident, who …, described hearing …` as a participle
        return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in SPEECH_VERBS for c in token.children)
    return token.dep_ in ("dobj", "dative", "pobj") and verb.pos_ == "VERB" and (
        verb.lemma_.lower() in _ASKING_VERBS or token.dep_ == "pobj" and verb.lemma_.lower() in _TALKING_VERBS)


_TALKED_WITH = frozenset({"to", "with", "from"})
_ASKING_VERBS = frozenset({"ask", "interview", "question", "tell", "quote", "meet"})
_TALKING_VERBS = frozenset({"speak", "talk", "chat", "hear", "listen"})


def article_places(docs) -> set[str]:
    """Single words an article uses as places: capitals and countries, and words the tagger calls a place or a
    people (`Belgorod`) more often than a person's name."""
    votes: dict[str, int] = {}
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "NORP", "FAC") and len(ent) == 1:
                votes[normalize(ent.text)] = votes.get(normalize(ent.text), 0) + 1
            elif ent.label_ == "PERSON":
                for token in ent:
                    votes[normalize(token.text)] = votes.get(normalize(token.text), 0) - 1
    return {normalize(w) for w in [*CAPITALS, *COUNTRIES] if " " not in w} | {w for w, n in votes.items() if n > 0}


def mention_tokens(token: Token) -> list[Token]:
    """The words at the cue that name the source: the noun phrase without appositions or clauses."""
    if token.pos_ == "PRON":  # (`Someone close to the talks`, `somebody in the crowd`: described, unnamed)
        said = [t for c in token.children if c.dep_ in ("amod", "prep") and c.i > token.i for t in c.subtree]
        return [token, *said] if token.lower_[:4] == "some" else [token]
    keep = {"det", "amod", "compound", "poss", "case", "nummod", "nmod", "flat", "quantmod", "predet"}
    tokens = [token]
    for child in token.children:
        if child.dep_ in keep or (child.ent_iob_ == "I" and child.ent_type_ == token.ent_type_) or (
                child.dep_ == "punct" and child.text in "-‐" and child.i < token.i and not child.whitespace_
                and child.i > 0 and not child.doc[child.i - 1].whitespace_):  # `secretary-general`, not `X - Y`
            tokens.extend(child.subtree)
    ent = entity_of(token)
    # Only name-like entities widen a mention; NER sometimes spans a whole clause as WORK_OF_ART.
    if ent is not None and ent.label_ in ORG_LABELS | {"PERSON", "LOC"}:
        tokens.extend(ent)
    tokens = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    # Keep the contiguous run around the head: an apposition's words never join the mention.
    lo = hi = tokens.index(token)
    while lo > 0 and tokens[lo - 1].i == tokens[lo].i - 1 and (  # a word, a hyphen or a dot, or a name's part
            not tokens[lo - 1].is_punct or tokens[lo - 1].text in "-‐." or tokens[lo - 1].ent_iob_ == "I"):
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].i == tokens[hi].i + 1 and tokens[hi + 1].text != ",":
        hi += 1
    return tokens[lo:hi + 1]
