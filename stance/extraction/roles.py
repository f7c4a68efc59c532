"""Who holds the office a role noun names: `the prime minister`, `the attorney general`, `the Ukrainian leader`, or
a role in the headline that the article's first sentences give a name (`…, Russian General Claims`); and what role
nouns and bodies named again by their kind (`the air force`) add to an article's index of mentions."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from stance.extraction.lexicon import ORGANIZATION_NOUNS, ROLE_NOUNS, SPEECH_VERBS
from stance.extraction.mentions import ArticleIndex, Mention
from stance.extraction.names import OFFICE_WORDS, civil_office, mention_tokens, named_body, normalize, same_role
from stance.extraction.nations import country_of
from stance.extraction.nlp import Chunk, text_of

HEADLINE_REACH = 4  # sentences after the headline in which a role the headline names is introduced
_RANKLESS = frozenset({"major", "former", "acting", "incumbent", "first"})  # (`Major British General`: important)
_SPELLING = {"defense": "defence"}
# The offices that make their holder a country's leader (`the Ukrainian leader` for its president).
STATE_HEADS = frozenset({"president", "premier", "chancellor", "prime", "king", "queen", "emir", "monarch",
                         "ayatollah", "taoiseach"})


def office_holder(source: Token, start: int, index: ArticleIndex, window: int, role: str) -> Mention | None:
    """Who holds the office a role noun names: first one whose role has every office word and the country of the
    mention (`the prime minister`: not the defence minister named since), else one whose role has no other office
    word nor another country; `the attorney general` is one whose title has both words, not any attorney; `the
    Ukrainian leader` is Ukraine's president or prime minister."""
    around = [t for t in mention_tokens(source) if t != source]  # the mention's words beside the role noun
    office = {_SPELLING.get(t.lower_, t.lower_) for t in around if t.lower_ in OFFICE_WORDS}
    civil = bool(civil_office(source))
    # `the Russian head of state`: its president, not a minister
    state_head = role == "head" and any(p.lower_ == "of" and o.lemma_.lower() in ("state", "government")
                                        for p in source.children for o in p.children if o.dep_ == "pobj")
    # `the Kremlin leader`, `Lithuania's interior minister`: not one whose role names another country
    countries = {country_of(t.text) for t in around} - {""}
    # `the Ukrainian leader`, `the Kremlin chief` for the president, but not `the Ukrainian opposition leader`, nor
    # `the Russian chief of staff`
    country_head = role in ("leader", "chief", "boss") and bool(countries) and not any(
        c.dep_ == "prep" for c in source.children)
    described = {normalize(t.text) for t in around if t.is_alpha and not t.is_stop and not country_of(t.text)}

    def fits(strict: bool):
        def check(mention: Mention) -> bool:
            words = {_SPELLING.get(w, w) for w in index.role_words.get(mention.name, set())}
            theirs = {country_of(w) for w in words} - {""}
            if civil and "general" not in words or countries and theirs and not countries & theirs:
                return False
            # a head of state holds its top office; a leader may, where the mention names the country
            holds = bool(words & STATE_HEADS) if state_head else same_role(role, words) or (
                country_head and bool(words & STATE_HEADS) and described <= words)
            if not holds:
                return False
            if strict:  # (`the French leader`: Macron, `French President`, before `President Joe Biden`)
                return office <= words and (not countries or bool(countries & theirs))
            return not (office and (words & OFFICE_WORDS) - office)
        return check

    found = index.antecedent(start, {"person"}, window, fits=fits(True)) if office or countries or state_head else None
    return found or index.antecedent(start, {"person"}, window, fits=fits(False))


def introduced_below(source: Token, start: int, index: ArticleIndex, role: str) -> Mention | None:
    """For a role in the headline (`NATO Troops Are in Ukraine, Russian General Claims`), the person the article's
    first sentences introduce in that role (`Andrei Gurulev, a retired Russian general, made the claim …`)."""
    text = text_of(source.doc)
    if index.sentence_of(start) != 0 or "\n" not in text[source.idx:]:
        return None
    below = start - source.idx + text.index("\n", source.idx)  # where the headline's line ends, in the article
    # every word of the headline's role that names an office must be the person's (`Prime Minister` is not `foreign
    # minister`)
    words = {normalize(t.text) for t in mention_tokens(source) if t.lower_ in ROLE_NOUNS - _RANKLESS and t != source}
    return next((m for m in index.mentions if m.start > below and m.kind == "person" and not m.in_quote and
                 index.sentence_of(m.start) <= HEADLINE_REACH and same_role(role, m.roles) and words <= m.roles), None)


def add_role_speakers(index: ArticleIndex, chunks: list[Chunk], window: int) -> None:
    """Give the index each role noun that speaks (`The Ukrainian leader said`, `the minister told reporters`) as a
    mention of the person named before who holds the role, so that a pronoun after it refers to that person and not
    to one named since (`… He said Kyiv was ready`)."""
    found = []
    for chunk in chunks:
        for token in chunk.doc:
            lemma = token.lemma_.lower()
            # (a role the tagger took for part of a name too: `the prime minister said`)
            if token.dep_ != "nsubj" or token.tag_ not in ("NN", "NNP") or not token.is_lower or (
                    lemma not in ROLE_NOUNS - ORGANIZATION_NOUNS or index.in_quote(chunk.offset + token.idx)
                    or token.head.lemma_.lower() not in SPEECH_VERBS):
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or any(
                    c.dep_ == "appos" for c in token.children):
                continue  # (`a diplomat`, one newly brought in; `the minister, Rustem Umerov`: named)
            holder = office_holder(token, chunk.offset + token.idx, index, window * 4, lemma)
            if holder is not None:  # (a role no one named holds is often someone named otherwise: left alone)
                found.append((token, chunk.offset, holder.name))
    index.add_person_mentions(found)


def name_bare_bodies(index: ArticleIndex, window: int) -> None:
    """A body the article names again with `the` and the words of its kind (`the air force` after `Ukraine's air
    force`, `the ministry` after `Russia's Defence Ministry`) is a mention of that body, so that `it` after it is
    the body by its fullest name."""
    for i, mention in enumerate(index.mentions):
        words = mention.name.split()
        if mention.kind != "organization" or len(words) < 2 or words[0].lower() != "the" or not all(
                w.islower() for w in words[1:]):
            continue
        named = body_of_kind(index, mention.start, {normalize(w) for w in words[1:]}, window)
        if named is not None:
            index.mentions[i] = replace(mention, name=named.name)


def body_of_kind(index: ArticleIndex, start: int, kinds: set[str], window: int, role: str | None = None
                 ) -> Mention | None:
    """The body with a name, before `start`, whose words hold every word of `kinds` (`Ukraine's air force` for `the
    air force`); not one named only by its kind (`a union`, `these companies`)."""
    return index.antecedent(start, {"organization"}, window * 4, role=role, fits=lambda m: named_body(m.name)
                            and kinds <= index.role_words.get(m.name, set()))
