"""The article's index of people and bodies, for attribution: full names and bare surnames, roles from
titles and appositions, every mention of a person, an organisation or a group (whether it is a subject, speaks,
or stands inside someone's reported words), the places of the article, and the rules that pick a pronoun's
antecedent."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from stance.extraction.acronyms import defined_acronyms
from stance.extraction.given_names import GIVEN_NAMES
from stance.extraction.lexicon import (
    COUNTRIES,
    GENDERED_WORDS,
    GROUP_NOUNS,
    NEUTER_PRONOUNS,
    ORGANIZATION_NOUNS,
    PERSON_PRONOUNS,
    PLATFORMS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDERS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
)
from stance.extraction.names import (
    ORG_LABELS,
    POSSESSIVE,
    ROLE_VERBS,
    article_places,
    described_body,
    may_be_name,
    mention_tokens,
    name_words,
    normalize,
    person_tagged_as_body,
    role_holder,
    same_role,
    span_text,
    titled,
    titled_like_an_outlet,
    unnamed_person,
    with_first_names,
    words_text,
)
from stance.extraction.nations import country_of
from stance.extraction.nlp import Chunk, Cover, text_of
from stance.extraction.phrases import doer


@dataclass
class Mention:
    """A mention of a person or an organisation in the article."""

    start: int  # article offset
    name: str
    kind: str  # person | organization | group
    subject: bool
    in_quote: bool
    reported: bool = False  # inside what someone is reported to have said: `X said that Y was lying`
    label: str = ""  # the NER label of a named mention
    speaks: bool = False  # the subject of a speech verb outside anyone's reported words: `X said`
    doer: int = -1  # where the subject doing the subjectless clause the mention is in stands: `After meeting X, he`
    unnamed: bool = False  # someone brought in without a name: `a woman queuing for water`
    roles: frozenset[str] = frozenset()  # the words of a role given at this mention: `Poland's foreign minister X`


@dataclass
class ArticleIndex:
    """People, organisations and roles of one article, for resolving speakers."""

    sentence_starts: list[int] = field(default_factory=list)
    full_names: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # surname -> [(start, name)]
    mentions: list[Mention] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # canonical name -> role text
    role_words: dict[str, set[str]] = field(default_factory=dict)  # canonical name -> words of its roles
    acronyms: dict[str, str] = field(default_factory=dict)  # `SBU` -> `Security Service of Ukraine`, as defined
    genders: dict[str, str] = field(default_factory=dict)  # canonical name -> male | female | '' (evidence conflicts)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    places: set[str] = field(default_factory=set)  # normalized single-word place names of the article
    # (start, lower, whether it is its sentence's subject) of `he said`, `they`
    pronoun_subjects: list[tuple[int, str, bool]] = field(default_factory=list)
    _quoted_sentences: list[bool] = field(default_factory=list)  # whether each sentence starts inside quote marks
    _quoted_before: list[int] = field(default_factory=list)  # how many of the sentences before each do (prefix sums)
    _cover: Cover = field(default_factory=lambda: Cover([]))  # `quoted`, for `in_quote` in log time

    # -- building ---------------------------------------------------------------------------
    @classmethod
    def build(cls, chunks: list[Chunk], quoted: list[tuple[int, int]]) -> ArticleIndex:
        index = cls(quoted=quoted, _cover=Cover(quoted))
        index.places = article_places(chunk.doc for chunk in chunks)
        for chunk in chunks:
            index.sentence_starts += [chunk.offset + s.start_char for s in chunk.doc.sents]
            for ent in map(with_first_names, chunk.doc.ents):
                held = role_holder(ent.root)
                person = ent.label_ == "PERSON" and may_be_name(ent) and not titled_like_an_outlet(ent, index)
                if person or person_tagged_as_body(ent) or held:
                    name_tokens = held[1] if held else name_words(list(ent))
                    if len(name_tokens) >= 2:
                        name = span_text(name_tokens)
                        surname = normalize(name_tokens[-1].text)
                        index.full_names.setdefault(surname, []).append((chunk.offset + ent.start_char, name))
            for token in chunk.doc:
                # A name the tagger missed, speaking (`chief Major-General Petro Lysenko said`), after a title
                # (`And from Defence Minister Rustem Umerov:`) or with a role beside it (`Kyrylo Budanov, head of …`)
                if token.pos_ == "PROPN" and not token.ent_type_ and token.dep_ not in ("compound", "flat"):
                    name_tokens = name_words(mention_tokens(token))
                    named = len(name_tokens) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                                          and not t.ent_type_ for t in name_tokens)
                    if named and (_speaks(token) or titled(token, name_tokens)):
                        index.full_names.setdefault(normalize(name_tokens[-1].text), []).append(
                            (chunk.offset + name_tokens[0].idx, span_text(name_tokens)))
        index._quoted_sentences = [index.in_quote(s) for s in index.sentence_starts]
        index._quoted_before = [0, *itertools.accumulate(index._quoted_sentences)]
        for chunk in chunks:
            index.acronyms = defined_acronyms(text_of(chunk.doc)) | index.acronyms
            index._add_mentions(chunk)
            index.pronoun_subjects += [(chunk.offset + t.idx, t.lower_, t.head.dep_ == "ROOT") for t in chunk.doc
                                       if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PRON"]
        return index

    def _add_mentions(self, chunk: Chunk) -> None:
        doc = chunk.doc
        seen: set[int] = set()
        for ent in doc.ents:
            head = ent.root
            start = chunk.offset + ent.start_char
            if ent.label_ == "PERSON" and normalize(ent.text) in self.places | PLATFORMS:
                continue  # a place or a platform the tagger took for a person: `Kiev is being …`, `on Twitter`
            if ent.label_ == "PERSON" and not may_be_name(ent):
                continue
            if ent.label_ == "PERSON" and titled_like_an_outlet(ent, self):
                self.mentions.append(self._mention(head, start, ent.text, "organization", "ORG", chunk.offset))
                seen.update(t.i for t in ent)
                continue
            holder = role_holder(head) if ent.label_ in (*ORG_LABELS, "PERSON") else None
            held = holder[1] if holder else []
            if held:  # `ambassador to Washington Anatoly Antonov`: the place the role serves is not the name's
                start = chunk.offset + held[0].idx
            if ent.label_ == "PERSON" or held or (self.surname_known(head) and ent.label_ in ORG_LABELS):
                name = self.canonical_name(held or list(ent), start)
                if name:
                    self.mentions.append(replace(self._mention(head, start, name, "person", ent.label_, chunk.offset),
                                                 roles=self._note_role(head, ent.start, name)))
                    self._note_gender(doc[ent.start], name)
                    seen.update(t.i for t in ent)
            elif ent.label_ in ORG_LABELS:
                # named as it is when it speaks (`Russia's Defence Ministry`), so that `it` is the same speaker
                phrase = mention_tokens(head)
                words = [t for t in (phrase if ent.label_ == "ORG" and ent.root == head else ent) if t.dep_ != "case"]
                name = described_body(head, words) or span_text(sorted(words, key=lambda t: t.i))
                self.mentions.append(self._mention(head, start, name, "organization", ent.label_, chunk.offset))
                seen.update(t.i for t in ent)
                self.role_words.setdefault(name, set()).update(_body_words(phrase))  # for `the ministry`
        for token in doc:
            if token.i not in seen and unnamed_person(token):  # `A woman …` or `a soldier`, whom `she` or `he` can be
                name = words_text(mention_tokens(token))
                self.mentions.append(replace(self._mention(token, chunk.offset + token.idx, name, "person",
                                                           offset=chunk.offset), unnamed=True,
                                             roles=frozenset({token.lemma_.lower()})))
                self.role_words.setdefault(name, set()).add(token.lemma_.lower())
                self._note_gender(token, name)
                continue
            # Unnamed groups and organisations that `they` can refer to: `the campaign`, `officials`.
            if token.i not in seen and token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "NOUN":
                lemma = token.lemma_.lower()
                kind = ("organization" if lemma in ORGANIZATION_NOUNS else
                        "group" if token.tag_ == "NNS" and lemma in GROUP_NOUNS else None)
                if kind:  # (what kind of body, for `the air force` after `Ukraine's air force`)
                    name = words_text(mention_tokens(token))
                    self.mentions.append(self._mention(token, chunk.offset + token.idx, name, kind, "", chunk.offset))
                    self.role_words.setdefault(name, set()).update(_body_words(mention_tokens(token)))
                continue
            # Surnames the NER missed (`Zelenskyy warned`, tagged as a common noun), and a lone name that speaks
            # (`Amit told PTI`).
            if token.i in seen or not token.text[:1].isupper() or (
                    token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_):
                continue  # (never a name after a hyphen: `pro-Putin`)
            lone = (token.pos_ == "PROPN" and _speaks(token) and not token.ent_type_ and token.is_title
                    and len(mention_tokens(token)) == 1 and normalize(token.text) not in self.places)
            if self.surname_known(token) or lone or (  # or a first name alone: `Jamie` after `Jamie Dimon`
                    token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON") and len(mention_tokens(token)) == 1
                    and self._first_name_of(normalize(token.text), chunk.offset + token.idx)):
                start = chunk.offset + token.idx
                name = self.canonical_name([token], start)
                self.mentions.append(replace(self._mention(token, start, name, "person", offset=chunk.offset),
                                             roles=self._note_role(token, token.i, name)))
                self._note_gender(token, name)
        self.mentions.sort(key=lambda m: m.start)

    def add_person_mentions(self, found: list[tuple[Token, int, str]]) -> None:
        """Persons named by words the index did not take for a name (head, Doc offset, name): `The leader said`."""
        self.mentions += [self._mention(head, offset + head.idx, name, "person", offset=offset)
                          for head, offset, name in found]
        self.mentions.sort(key=lambda m: m.start)

    def _mention(self, head: Token, start: int, name: str, kind: str, label: str = "", offset: int = 0) -> Mention:
        """A mention whose head word is `head`, at article offset `start`, with its place in the sentence."""
        by = doer(head)
        return Mention(start, name, kind, head.dep_ in ("nsubj", "nsubjpass"), self.in_quote(start),
                       _reported(head), label, _speaks(head) and not _nested(head),
                       -1 if by is None else offset + by.idx)

    def _note_role(self, head: Token, name_start: int, name: str) -> frozenset[str]:
        """Record a person's role from an apposition or from title words before the name; its words."""
        parts: list[str] = []
        title = [t for t in head.doc[head.left_edge.i:name_start] if t.dep_ not in ("det", "poss", "case")
                 and not t.is_punct and t.ent_type_ != "PERSON"]
        # a first name the tagger left out of the name is no part of the title (`Gen. Valerii Zaluzhnyi`)
        while len(title) > 1 and title[-1].pos_ == "PROPN" and title[-1].text.istitle() and normalize(
                title[-1].text) not in ROLE_NOUNS | TITLES and normalize(title[-2].text) in ROLE_NOUNS | TITLES:
            title.pop()
        if title and normalize(title[-1].text) in ROLE_NOUNS | TITLES:
            parts.append(" ".join(t.text for t in title))
        # `Russia's ambassador to Washington Anatoly Antonov`, `Head of the Presidential Office Andriy Yermak`: the
        # name ends the role's own phrase
        if held := role_holder(head):
            role, run = held
            parts.append(" ".join(t.text for t in head.doc[role.left_edge.i:run[0].i]
                                  if t.dep_ not in ("det", "poss", "case") and not t.is_punct))
        appos = [c for c in head.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            appos.append(head.head)  # `the head of the service, Vasyl Maliuk`
        for app in appos:
            words = [t for t in app.subtree if t.i < head.i or t.i > head.i]
            words = [t for t in words if not any(a.dep_ == "relcl" for a in [t, *t.ancestors] if a.i > app.i or a is t)]
            if app.i > head.i:
                words = [t for t in words if t.i > head.i]
            # A role never holds a quotation: cut where a quoted fragment starts (`the head of X, “…”`).
            text = re.split(r"[“”\"‘]", words_text(words))[0].strip(" ,;")
            if text:
                parts.append(text)
        if parts and name not in self.roles:
            self.roles[name] = parts[0] if len(parts) == 1 else f"{parts[0]}; {parts[1]}"
        words = frozenset(normalize(w) for part in parts for w in re.split(r"[\s‐-]+", part) if w)  # (hyphens too)
        words |= {ROLE_VERBS[c.lemma_.lower()] for c in head.children if c.dep_ == "relcl"  # (`X, who commands …`)
                  and c.lemma_.lower() in ROLE_VERBS and any(g.lower_ == "who" for g in c.children)}
        if "counterpart" in words and (owner := next((m for m in reversed(self.mentions) if m.kind == "person"
                                                      and m.subject), None)) is not None:
            words |= {w for w in self.role_words.get(owner.name, set()) if not country_of(w)}  # (`Sybiha met his
            # Polish counterpart X`: X holds the office of the last person to be a subject)
        if words:
            self.role_words.setdefault(name, set()).update(words)
        return words

    def _note_gender(self, first: Token, name: str) -> None:
        """Record what the article says of a person's gender: an honorific before the name (`Mrs. Clinton`) or a
        gendered role (`spokeswoman`, `chairman`), or a given name (`Hanna Maliar`; `given_names`). Conflicting
        evidence leaves it unknown."""
        before = first.doc[first.i - 1] if first.i > 0 else None
        words = {normalize(before.text)} if before is not None else set()
        words |= self.role_words.get(name, set())
        found = {GENDERED_WORDS[w] for w in words if w in GENDERED_WORDS}
        given = normalize(name.split()[0]) if len(name.split()) > 1 else ""
        if given in GIVEN_NAMES:
            found.add(GIVEN_NAMES[given])
        if not found:
            return
        gender = found.pop() if len(found) == 1 else ""
        self.genders[name] = gender if self.genders.get(name, gender) == gender else ""

    def gender_fits(self, name: str, pronoun: str) -> bool:
        """Whether a person can be `he` or `she`: unless the article says otherwise, anyone can."""
        gender = self.genders.get(name, "")
        wanted = PRONOUN_GENDERS.get(pronoun, "")
        return not gender or not wanted or gender == wanted

    # -- queries ---------------------------------------------------------------------------
    def in_quote(self, start: int) -> bool:
        return start in self._cover

    def surname_known(self, token: Token) -> bool:
        return normalize(token.text) in self.full_names

    def sentence_of(self, start: int) -> int:
        return bisect.bisect_right(self.sentence_starts, start) - 1

    def canonical_name(self, tokens: list[Token], start: int) -> str:
        """The fullest name the article gives this person: the nearest earlier full name with the
        same surname (or the first later one); a full name that is alone keeps itself."""
        tokens = name_words(tokens)
        if not tokens:
            return ""
        name = span_text(tokens)
        candidates = self.full_names.get(normalize(tokens[-1].text), [])
        if len(tokens) >= 2:
            first = normalize(tokens[0].text)
            longer = [n for _, n in candidates if normalize(n.split()[0]) == first and len(n) > len(name)]
            return max(longer, key=len) if longer else name
        before = [n for s, n in candidates if s <= start]
        if before:
            return before[-1]
        return candidates[0][1] if candidates else self._first_name_of(normalize(name), start) or name

    def _first_name_of(self, word: str, start: int) -> str:
        """The one full name introduced before `start` whose first name is `word` (`Piers` after `Piers Morgan`)."""
        names = {n for entries in self.full_names.values() for s, n in entries
                 if s < start and normalize(n.split()[0]) == word and len(n.split()) >= 2}
        return names.pop() if len(names) == 1 else ""

    def canonical_name_text(self, name: str, start: int) -> str:
        """`canonical_name` for a name given as text (a transcript label such as `PENCE`)."""
        candidates = self.full_names.get(normalize(name.split()[-1]), []) if name.split() else []
        before = [n for s, n in candidates if s <= start]
        if candidates:
            return before[-1] if before else candidates[0][1]
        return (self._first_name_of(normalize(name), start) if len(name.split()) == 1 else "") or name

    def antecedent(self, start: int, kinds: set[str], window: int, role: str | None = None,
                   exclude: tuple[int, int] | None = None,
                   fits: Callable[[Mention], bool] | None = None) -> Mention | None:
        """The nearest fitting mention before `start`, within `window` sentences, outside quotation marks and
        outside `exclude` (the words of the quote being attributed). In the pronoun's own sentence, its last
        subject (else its last mention); before it, the nearest sentence with a fitting mention gives the last
        one who speaks there (`X said`), else its first subject, else its last mention — unless a pronoun of
        the same kind is a subject since then, which carries on an earlier subject's chain. A mention inside someone's
        reported words (`X said that Y was lying`) is passed over while any other fits."""
        sentence = self.sentence_of(start)
        pool = [m for m in self.mentions if m.start < start and m.kind in kinds and not m.in_quote
                and self.distance(m.start, sentence) <= window
                and not (exclude and exclude[0] <= m.start < exclude[1])
                and (fits is None or fits(m))
                and m.doer != start]  # not whom the pronoun does something to: `After meeting X, he …`
        if role is not None:
            pool = [m for m in pool if same_role(role, self.role_words.get(m.name, set()))]
        if not pool:
            return None
        # in its own sentence an unnamed person is the pronoun only as a subject (`Asked by a reporter, he said`)
        same = [m for m in pool if self.sentence_of(m.start) == sentence and (m.subject or not m.unnamed)]
        if same:
            return ([m for m in same if m.subject] or same)[-1]
        pool = [m for m in pool if not m.reported] or pool
        nearest = self.sentence_of(pool[-1].start)
        latest = [m for m in pool if self.sentence_of(m.start) == nearest]
        speakers = [m for m in latest if m.speaks]  # a pronoun that speaks next most often is the last speaker
        subjects = [m for m in latest if m.subject]
        if speakers:
            return speakers[-1]
        pronouns = (PERSON_PRONOUNS if "person" in kinds else PLURAL_PRONOUNS | NEUTER_PRONOUNS)
        chained = [(p, main) for p, word, main in self.pronoun_subjects
                   if word in pronouns and nearest <= self.sentence_of(p) < sentence and p < start]
        if chained and not subjects and not any(m.unnamed for m in latest):  # (`I asked a soldier what he …`)
            # A pronoun between keeps the chain going. When it is a sentence's subject, this one refers to whom
            # that one does (`… remarks of Y. | He claimed … | he said`: Y); else to the subject named before it,
            # not a word of what was said (`X said … | That Y lied, he said … | he argued`: X).
            mains = [p for p, main in chained if main]
            if mains:
                return self.antecedent(mains[-1], kinds, window, role, exclude, fits)
            earlier = [m for m in pool if m.subject and self.sentence_of(m.start) < nearest]
            if earlier:
                first = self.sentence_of(earlier[-1].start)
                return [m for m in earlier if self.sentence_of(m.start) == first][0]
        return subjects[0] if subjects else latest[-1]

    def distance(self, start: int, sentence: int) -> int:
        """Sentences from the one holding `start` to `sentence`, not counting those inside quotation marks (a long
        quotation does not push its speaker out of reach)."""
        first = self.sentence_of(start)
        return sentence - first - (self._quoted_before[max(sentence, first) + 1] - self._quoted_before[first + 1])

    def country_before(self, start: int, window: int) -> str:
        """The country named last before `start` (outside quotation marks), within `window` sentences; ''."""
        sentence = self.sentence_of(start)
        for mention in reversed([m for m in self.mentions if m.start < start and not m.in_quote]):
            if sentence - self.sentence_of(mention.start) > window:
                break
            country = COUNTRIES.get(POSSESSIVE.sub("", mention.name).lower())
            if mention.kind == "organization" and country:
                return country
        return ""


def _reported(token: Token) -> bool:
    """Whether a word stands inside a clause reported by a speech or thought verb: `Y` in `X said Y was lying`.
    The subject of a speech verb is not: it speaks itself (`X warned that …, Fox News reports`)."""
    return not _speaks(token) and _nested(token)


def _nested(token: Token) -> bool:
    return any(node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING_VERBS for node in token.ancestors)


def _body_words(phrase: list[Token]) -> set[str]:
    """The nouns of a body's phrase that say what kind of body it is: `ministry` for `Russia's Defence Ministry`."""
    return {t.lemma_.lower() for t in phrase if t.pos_ in ("NOUN", "PROPN") and (
        t.lemma_.lower() in ORGANIZATION_NOUNS or t.text.islower())}


def _speaks(token: Token) -> bool:
    """Whom a clause gives the words to (`X said`, `according to X`), and the one asked, who answers (`asked X`)."""
    return (token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according") or (
        token.dep_ == "nsubj" and token.head.lemma_.lower() in SPEECH_VERBS) or (
        token.dep_ == "dobj" and token.head.lemma_.lower() in ("ask", "question", "interview"))
