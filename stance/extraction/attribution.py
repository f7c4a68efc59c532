"""Who said it: resolve a cue's source token to a canonical speaker.

No coreference model ships offline, so the article's people are indexed from the parse and
NER: full names, bare surnames, the titles and appositions that give their roles. Pronouns
and role nouns resolve to the nearest fitting person before them; a surname resolves to the
fullest name of that person in the article.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from stance.extraction.authors import document_author
from stance.extraction.joint import joint_speaker
from stance.extraction.lexicon import (
    CAPITALS,
    COUNTRIES,
    COUNTRY_NOUNS,
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    GROUP_NOUNS,
    NEUTER_PRONOUNS,
    ORGANIZATION_NOUNS,
    PARTITIVES,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
)
from stance.extraction.mentions import ArticleIndex, Mention
from stance.extraction.names import (
    ORG_LABELS,
    PERSON_NOUNS,
    POSSESSIVE,
    civil_office,
    described_body,
    mention_tokens,
    named_after_role,
    normalize,
    person_tagged_as_body,
    titled_like_an_outlet,
    words_text,
)
from stance.extraction.nations import country_of
from stance.extraction.nlp import entity_of
from stance.extraction.phrases import evidence_noun
from stance.extraction.roles import body_of_kind, introduced_below, office_holder
from stance.extraction.signed import labels_its_line, line_owner, transcript_speaker
from stance.records import Speaker

RELATIVE_PRONOUNS = {"who", "whom", "that", "which"}
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lady"})
_OUTLET_NOUNS = frozenset({"channel", "outlet", "newspaper", "paper", "tabloid", "daily", "broadcaster", "station",
                           "website", "site", "blog", "magazine", "agency", "account", "podcast"})
_RANKS = frozenset({"top", "senior", "retired", "former", "high", "ranking", "highranking", "leading"})


def _who_antecedent(token: Token) -> Token:
    """A relative pronoun's antecedent; `who` climbs to the nearest person-like noun."""
    verb = token.head
    if verb.dep_ != "relcl":
        return token
    node = verb.head
    if token.lower_ in ("which", "that") and not _speaker_like(node) and node.lemma_.lower() not in DOCUMENT_NOUNS:
        # `drew a sharp response from Moscow, which said …`: the nearer noun that can speak, hung one level down
        nearer = [o for p in node.children if p.dep_ == "prep" for o in p.children
                  if o.dep_ == "pobj" and o.i < token.i and (_speaker_like(o) or o.ent_type_ == "GPE")]
        if nearer:
            return nearer[-1]
    if token.lower_ in ("who", "whom"):
        steps = 0
        while steps < 4 and node.ent_type_ != "PERSON" and node.lemma_.lower() not in ROLE_NOUNS | GROUP_NOUNS:
            if node.dep_ not in ("pobj", "prep", "appos", "compound", "poss") or node.head is node:
                break
            node = node.head
            steps += 1
        # `the head of the service, Vasyl Maliuk`: prefer the name in apposition.
        names = [c for c in node.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        if node.dep_ == "appos" and node.head.ent_type_ == "PERSON":
            node = node.head
        elif names:
            node = names[0]
        if not _speaker_like(node):
            # the clause hangs on the wrong word (`filled with cheerleaders, who insist`): the speaker before it
            for word in reversed(token.doc[token.sent.start:token.i]):
                if _speaker_like(word) and word.pos_ in ("NOUN", "PROPN"):
                    return word
    return node


def _speaker_like(token: Token) -> bool:
    """A word that can name someone who speaks: a person, a body, a role, a group, any plural noun."""
    return (token.ent_type_ == "PERSON" or (token.ent_type_ in ("ORG", "NORP") and token.pos_ == "PROPN")
            or token.lemma_.lower() in ROLE_NOUNS | GROUP_NOUNS | ORGANIZATION_NOUNS
            or (token.tag_ in ("NNS", "NNPS") and token.ent_type_ not in ("GPE", "LOC", "DATE")))


def _body(mention: Mention) -> bool:
    """A mention `it` can speak for: a named or unnamed organisation, a country, or a capital for its country."""
    name = POSSESSIVE.sub("", mention.name).lower()
    return mention.label in ("ORG", "") or (mention.label == "GPE" and (name in COUNTRIES or name in CAPITALS))


def resolve_speaker(source: Token | None, offset: int, index: ArticleIndex, window: int,
                    exclude: tuple[int, int] | None = None) -> Speaker:
    """The speaker named by a cue's source token (`offset` places the token's Doc in the article), with where its
    mention stands and how it was resolved. A pronoun never takes its antecedent from `exclude` (article offsets
    of the quote itself)."""
    group = _partitive_group(source)
    if group is not None and group.lemma_.lower() in DOCUMENT_NOUNS:
        source = group  # `One of the documents says …`: the documents' author, as for the documents
    elif group is not None:
        return _part_of_group(source, group, offset, index, window, exclude)
    named = named_after_role(source)
    if named:
        words = [t for t in source.doc[source.left_edge.i:named[-1].i + 1] if not t.is_space]
        mention = words_text(words)
        return replace(_person(index.canonical_name(named, offset + named[0].idx), mention, index),
                       **_extent(words, offset), resolution="name")
    source = _named_in_apposition(source, index)
    speaker = _resolve(source, offset, index, window, exclude)
    if source is None or not (speaker.name or speaker.mention):
        return speaker
    # A possessive marks a holder (`Moscow's claim that …`); on a subject it is part of a name (`McDonald's said`).
    holder = source.dep_ == "poss"
    words = [t for t in mention_tokens(source) if not (t.is_punct and t.text in "-–—―~:")
             and not (holder and t.dep_ == "case")]
    if holder:
        speaker = replace(speaker, name=POSSESSIVE.sub("", speaker.name), mention=POSSESSIVE.sub("", speaker.mention))
    speaker = replace(speaker, **_extent(words, offset), resolution=_resolution(source, speaker))
    if speaker.type == "organization" and speaker.name in index.acronyms:  # `the SBU said`, the article's full name
        speaker = replace(speaker, name=index.acronyms[speaker.name])
    # `The German newspaper Welt`, `The Russian military blogger channel Rybar`: an outlet by its name
    outlet = [c for c in source.children if c.dep_ == "compound" and c.lemma_.lower() in _OUTLET_NOUNS and c.is_lower]
    if source.pos_ == "PROPN" and (outlet or source.dep_ == "appos" and source.head.lemma_.lower() in _OUTLET_NOUNS):
        name = words_text([t for t in words if t.i > outlet[-1].i]) if outlet else speaker.name
        speaker = replace(speaker, name=name or speaker.name, type="organization")
    return joint_speaker(source, speaker, lambda name: _resolve(name, offset, index, window, exclude), offset)


def _extent(words: list[Token], offset: int) -> dict[str, int]:
    """A mention's `start` and `end` in the article, from its first and last word (`offset` places their Doc)."""
    return {"start": offset + words[0].idx, "end": offset + words[-1].idx + len(words[-1].text)}


def _unnamed(noun: Token) -> bool:
    """A noun brought in as someone new: `a senior Western diplomat`, `one general`, `another official`."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "another", "one", "some", "any")
               for c in noun.children)


def _partitive_group(source: Token | None) -> Token | None:
    """The group a part of it is taken from: `the protesters` in `Many of the protesters said`, `them` in `two of
    them`; None when the source is no such part."""
    if source is None or not (source.lower_ in PARTITIVES or source.like_num):
        return None
    of = next((c for c in source.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None


def _part_of_group(source: Token, group: Token, offset: int, index: ArticleIndex, window: int,
                   exclude: tuple[int, int] | None) -> Speaker:
    """`Many of the protesters said`, `Two of the three judges`, `None of the ministers`: the part speaks, not the
    whole group, so the speaker is the whole phrase, up to a comma; a pronoun group (`Some of them`) takes its
    antecedent's name, the phrase staying the mention."""
    doc = source.doc
    # `Many of those who fled`: a demonstrative keeps its clause; a noun keeps its own words (`dozens of cars`)
    end = group.right_edge.i + 1 if group.lower_ in ("those", "these") else mention_tokens(group)[-1].i + 1
    comma = next((t.i for t in doc[group.i:end] if t.text == ","), end)
    words = [t for t in doc[source.left_edge.i:comma] if not t.is_space]
    while words and words[-1].is_punct:
        words.pop()
    phrase = words_text(words).strip()
    if group.pos_ == "PRON" and group.lower_ in PLURAL_PRONOUNS | RELATIVE_PRONOUNS:
        found = _resolve(group, offset, index, window, exclude)
        return Speaker(found.name if found.name != found.mention else phrase, phrase, "group",
                       **_extent(words, offset), resolution="pronoun")
    body = group.ent_type_ in ORG_LABELS or group.lemma_.lower() in ORGANIZATION_NOUNS
    return Speaker(phrase, phrase, "organization" if body else "group", **_extent(words, offset),
                   resolution="organisation" if body else "role")


def _role_alone(source: Token, head_lemma: str) -> bool:
    """A role with nothing but a country, a rank or a title beside it, which the tagger took for a body (`Russian
    General Says …`, `Top Ukrainian Official`): a person, not an organisation."""
    return head_lemma in ROLE_NOUNS - ORGANIZATION_NOUNS and all(
        t.dep_ == "det" or normalize(t.text) in ROLE_NOUNS | TITLES | _RANKS or country_of(t.text)
        for t in mention_tokens(source))


def _named_in_apposition(source: Token | None, index: ArticleIndex) -> Token | None:
    """A noun whose apposition names a person gives way to the name: `said a nurse, Olena Kovalenko` and
    `A plumber, Taras Melnyk, said` are that person's words (a role noun also takes a known surname)."""
    # the tagger may take a role for an adjective (`his top general, Wieslaw Kukula, said`)
    if source is None or not (source.pos_ == "NOUN" or source.pos_ == "ADJ" and source.lower_ in ROLE_NOUNS) or (
            source.lemma_.lower() in DOCUMENT_NOUNS):
        return source
    role = source.lemma_.lower() in ROLE_NOUNS | GROUP_NOUNS
    # `one popular channel, Rybar, wrote`: an outlet by its name, whatever the tagger took the name for
    names = [c for c in source.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > source.i
             and source.lemma_.lower() in _OUTLET_NOUNS]
    if names:
        return names[0]
    # after a role, an untyped full name is the person too (`his top general, Chief of Staff Wieslaw Kukula`)
    names = [c for c in source.children if c.dep_ == "appos" and c.pos_ == "PROPN" and (
        c.ent_type_ == "PERSON" or role and (index.surname_known(c) or _person_as_body(c) or not c.ent_type_ and any(
                 g.dep_ == "compound" and g.pos_ == "PROPN" and not g.ent_type_ and g.i == c.i - 1
                 for g in c.children)))]
    # or hangs it on the place or body the role serves: `Ukraine's envoy to London, Vadym Prystaiko, said`
    # (or as a second object: `The head of the SBU, Vasyl Maliuk, said`)
    names += [a for p in source.children if role and p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
              and o.ent_type_ in ("GPE", "LOC", "ORG", "FAC") for a in [*o.children, *p.children]
              if a.dep_ in ("appos", "pobj") and a.ent_type_ == "PERSON" and a.i > o.i
              and source.doc[a.left_edge.i - 1].text == ","]
    # the parse sometimes makes the name a second subject of the verb: `A volunteer, Taras Melnyk, who …, said`
    names += [c for c in source.head.children if c.dep_ == source.dep_ and c.i > source.i and c.pos_ == "PROPN"
              and c.ent_type_ == "PERSON" and c.left_edge.i > source.i + 1
              and all(t.text == "," for t in source.doc[source.i + 1:c.left_edge.i])]
    return names[0] if names else source


def _person_as_body(token: Token) -> bool:
    """A name in apposition to a role that the tagger took for a body (`its chief negotiator, Rustem Umerov`)."""
    ent = entity_of(token)
    return ent is not None and ent.root == token and person_tagged_as_body(ent)


def _resolution(source: Token, speaker: Speaker) -> str:
    """How a mention led to its speaker: one of `schema.SPEAKER_RESOLUTIONS`."""
    lower = source.lower_
    if source.pos_ == "PRON" or lower in RELATIVE_PRONOUNS | PERSON_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON:
        return "pronoun"
    place = _place(source, speaker.mention)
    if (place or source.ent_type_ in ("GPE", "LOC", "FAC")) and (speaker.type != "person" or place.lower() in COUNTRIES
                                                                 or source.ent_type_ == "LOC") or (
            source.lemma_.lower() in COUNTRY_NOUNS and speaker.type == "organization"):
        return "place"
    if source.pos_ == "NOUN" and source.lemma_.lower() in DOCUMENT_NOUNS:
        return {"person": "name", "organization": "organisation", "group": "role"}.get(speaker.type, "none")
    words = [normalize(w) for w in speaker.mention.split()]
    if words and all(w in TITLES | ROLE_NOUNS or w in ("the", "a", "an") for w in words):
        return "role"  # `General said`, `the minister said`: a title or a role without a name
    if speaker.type == "person" and (source.ent_type_ == "PERSON" or source.pos_ == "PROPN" or labels_its_line(source)):
        return "name"
    if speaker.type == "organization":
        return "organisation"
    if speaker.type in ("person", "group"):
        return "role"
    return "none"


_POSSESSIVE_PRONOUNS = {"his": "he", "their": "they"}


def _resolve(source: Token | None, offset: int, index: ArticleIndex, window: int,
             exclude: tuple[int, int] | None = None) -> Speaker:
    if source is None:
        return Speaker()
    mention = words_text(mention_tokens(source)).strip(" -–—―~:")  # a sign-off line's dash, a colon: not the name's
    start = offset + source.idx
    lower = source.lower_
    if source.dep_ == "poss":
        lower = _POSSESSIVE_PRONOUNS.get(lower, lower)  # `in his words`: as `he` would be
    if lower in RELATIVE_PRONOUNS:
        target = _who_antecedent(source)
        if target is source:
            return Speaker(mention=mention)
        resolved = _resolve(target, offset, index, window, exclude)
        return Speaker(resolved.name, mention, resolved.type, resolved.role)
    if lower in PERSON_PRONOUNS:
        found = index.antecedent(start, {"person"}, window, exclude=exclude,
                                 fits=lambda m: index.gender_fits(m.name, lower))
        return _person(found.name, mention, index) if found else Speaker(mention, mention, "person")
    if lower in PLURAL_PRONOUNS:
        found = index.antecedent(start, {"organization", "group"}, window, exclude=exclude)
        if found:
            return Speaker(found.name, mention, found.kind, index.roles.get(found.name, ""))
        return Speaker(mention, mention, "group")
    if lower in NEUTER_PRONOUNS and source.dep_ == "nsubj" and source.head.lemma_.lower() in SPEECH_VERBS:
        # `it said` speaks for a body: the nearest organisation named before it (a capital for its country)
        found = index.antecedent(start, {"organization"}, window, exclude=exclude, fits=_body)
        if found:
            bare = POSSESSIVE.sub("", found.name)
            name = CAPITALS.get(bare.lower()) or COUNTRIES.get(bare.lower()) or found.name
            return Speaker(name, mention, "organization", index.roles.get(found.name, ""))
        return Speaker(mention=mention)
    if (turn := transcript_speaker(source, mention, index)) is not None:
        return turn  # `BRENNAN: …`: the fullest name the article or the transcript gives the label
    if lower in FIRST_PERSON and (owner := line_owner(source)) is not None:  # `BANNON: I think …`: a person
        owned = _resolve(owner, offset, index, window)
        return replace(owned, mention=mention, type="person" if owned.type == "unknown" else owned.type)
    if lower in FIRST_PERSON or source.pos_ == "PRON":  # `Someone close to the talks`: described, as a role noun
        return Speaker(mention, mention, "person") if lower[:4] == "some" and " " in mention else Speaker("", mention)
    head_lemma = civil_office(source) or source.lemma_.lower()
    if source.pos_ == "NOUN" and (head_lemma in DOCUMENT_NOUNS or evidence_noun(source)):
        author = document_author(source, start, index)
        if author is not None:
            found = _resolve(author, offset, index, window) if isinstance(author, Token) else author
            return Speaker(POSSESSIVE.sub("", found.name).strip(), mention, found.type, found.role)
        return Speaker(mention, mention, "unknown")
    # a person's surname the tagger took for a place (`In Feld's words`) stays the person's
    place = "" if index.surname_known(source) else _place(source, mention)
    if place:
        return Speaker(place, mention, "organization")
    if head_lemma in COUNTRY_NOUNS and source.tag_ == "NN" and any(c.lower_ in ("the", "this")
                                                                   for c in source.children):
        country = index.country_before(start, window * 4)  # `South Africa filed … the country says …`
        if country:
            return Speaker(country, mention, "organization")
    titles = [normalize(t.text) for t in mention_tokens(source) if not t.is_punct and t.dep_ != "det"]
    if titles and all(w in TITLES for w in titles):
        # A lone title standing as the speaker (`“…,” Miss said`, `the General said`): the person it was
        # given to before, else for a bare honorific the nearest person.
        found = office_holder(source, start, index, window * 4, titles[-1]) or (
            index.antecedent(start, {"person"}, window, exclude=exclude) if titles[-1] in HONORIFICS else None)
        if found:
            return _person(found.name, mention, index)
    if source.pos_ == "PROPN" and head_lemma == "street" and not source.ent_type_:
        return Speaker(mention, mention, "organization")  # `Downing Street said`: the street a government sits on
    if source.ent_type_ == "PERSON" or index.surname_known(source):
        ent = entity_of(source)
        if ent is not None and ent.label_ == "PERSON" and titled_like_an_outlet(ent, index):
            return Speaker(ent.text, mention, "organization")  # `Der Spiegel reported`
        name = index.canonical_name(list(ent) if ent is not None else [source], start)
        return _person(name, mention, index)
    ent = entity_of(source)
    if head_lemma in ROLE_NOUNS and ent is not None and len(ent) == 1 and any(
            c.dep_ == "det" and c.lower_ == "the" for c in source.children):
        found = index.antecedent(start, {"person"}, window * 4, role=head_lemma)  # `The MEP`, tagged as a body
        if found:
            return _person(found.name, mention, index)
    if (source.ent_type_ in ORG_LABELS or (source.pos_ == "PROPN" and head_lemma in ORGANIZATION_NOUNS)) and not (
            _role_alone(source, head_lemma)):
        name = described_body(source, mention_tokens(source)) or mention
        return Speaker(name, mention, "organization", _appositive(source))
    if (head_lemma in ROLE_NOUNS or head_lemma in PERSON_NOUNS) and (
            source.tag_ in ("NN", "NNP") or source.pos_ == "ADJ" and source.dep_ == "nsubj"):  # (`A woman said`)
        # `A senior Western diplomat said`, `one general`: an unnamed source, never the one named before
        # (`the attorney general` is one whose title has both words, not any attorney)
        found = None if _unnamed(source) else office_holder(source, start, index, window * 4, head_lemma)
        # `The diplomat said` after `A senior Western diplomat said`: the unnamed one, met since the named one
        if found and not any(_unnamed(t) and t.lemma_.lower() == head_lemma and t.dep_ != "appos"
                             for t in source.doc[:source.i] if found.start < offset + t.idx):  # (not its own role)
            return _person(found.name, mention, index)
        if not _unnamed(source) and (found := introduced_below(source, start, index, head_lemma)) is not None:
            return _person(found.name, mention, index)
        return Speaker(mention, mention, "person", _appositive(source))
    if source.tag_ in ("NNS", "NNPS") and (head_lemma in GROUP_NOUNS or source.lower_ in GROUP_NOUNS):
        return Speaker(mention, mention, "group")
    # `the ministry` after `Russia's Defence Ministry`, `the automaker` after `French automaker Renault`
    # (`the air force` after `Ukraine's air force`: every word before the head is the body's)
    bare = [t for t in mention_tokens(source) if t != source]
    kinds = {normalize(t.text) for t in bare[1:] if t.dep_ == "compound" and t.pos_ == "NOUN"}
    found = body_of_kind(index, start, kinds, window, head_lemma) if len(bare) == len(kinds) + 1 and (
        bare[0].lower_ == "the" and source.tag_ == "NN") else None
    named = found is not None and normalize(found.name) != head_lemma  # not `Bank` of `Bank executives`
    if head_lemma in ORGANIZATION_NOUNS or named:
        return Speaker(found.name if named else mention, mention, "organization", _appositive(source))
    if source.pos_ == "PROPN" and titled_like_an_outlet(mention_tokens(source), index):
        return Speaker(mention, mention, "organization")  # `Die Welt wrote`, untagged
    if source.pos_ == "PROPN":
        # a name the tagger did not take for a person: its titles and punctuation are not part of the name
        name = index.canonical_name(mention_tokens(source), start) or mention
        return Speaker(name, mention, "person", _appositive(source))
    if source.tag_ in ("NNS", "NNPS"):
        return Speaker(mention, mention, "group")
    return Speaker(mention, mention, "unknown")


def _place(source: Token, mention: str) -> str:
    """The country a place mention stands for when the place itself is the speaker (`Kyiv said` → Ukraine,
    `Ukraine said` → Ukraine), else ''. Only a bare place: `the Kyiv city council` is an organisation."""
    words = POSSESSIVE.sub("", mention.strip())
    if words.lower().startswith("the "):
        words = words[4:]
    if capital := CAPITALS.get(words.lower()):
        return capital
    entity = entity_of(source)
    if source.ent_type_ == "GPE" and entity is not None and entity.text.strip() == words:
        return words
    return ""


def _appositive(token: Token) -> str:
    for child in token.children:
        if child.dep_ == "appos":
            words = [t for t in child.subtree if not any(a.dep_ == "relcl" for a in t.ancestors if a.i >= child.i)
                     and t.dep_ != "relcl"]
            return words_text(words).strip(" ,")
    return ""


def _person(name: str, mention: str, index: ArticleIndex) -> Speaker:
    return Speaker(name, mention, "person", index.roles.get(name, ""))
