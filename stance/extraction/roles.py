"""Who holds the office a role noun names: `the prime minister`, `the attorney general`, or a role in the
headline that the article's first sentences give a name (`…, Russian General Claims`)."""

from __future__ import annotations

from spacy.tokens import Token

from stance.extraction.lexicon import ROLE_NOUNS
from stance.extraction.mentions import ArticleIndex, Mention
from stance.extraction.names import OFFICE_WORDS, civil_office, mention_tokens, normalize, same_role
from stance.extraction.nations import country_of
from stance.extraction.nlp import text_of

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
    office = {_SPELLING.get(t.lower_, t.lower_) for t in mention_tokens(source) if t.lower_ in OFFICE_WORDS
              and t != source}
    civil = bool(civil_office(source))
    # `the Russian head of state`: its president, not a minister
    state_head = role == "head" and any(p.lower_ == "of" and o.lemma_.lower() in ("state", "government")
                                        for p in source.children for o in p.children if o.dep_ == "pobj")
    # `the Kremlin leader`, `Lithuania's interior minister`: not one whose role names another country
    countries = {country_of(t.text) for t in mention_tokens(source) if t != source} - {""}
    # `the Ukrainian leader` for its president, but not `the Ukrainian opposition leader`
    described = {normalize(t.text) for t in mention_tokens(source) if t != source and t.is_alpha and not t.is_stop
                 and not country_of(t.text)}

    def fits(strict: bool):
        def check(mention: Mention) -> bool:
            words = {_SPELLING.get(w, w) for w in index.role_words.get(mention.name, set())}
            theirs = {country_of(w) for w in words} - {""}
            if civil and "general" not in words or countries and theirs and not countries & theirs:
                return False
            # a head of state holds its top office; a leader may, where the mention names the country
            holds = bool(words & STATE_HEADS) if state_head else same_role(role, words) or (
                role == "leader" and bool(words & STATE_HEADS) and bool(countries) and described <= words)
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
