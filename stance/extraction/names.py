"""How a name is written: its words without titles or possessive endings, the form names are compared in, and
whether words the tagger took for a body are a person's name."""

from __future__ import annotations

import itertools
import re
import unicodedata

from spacy.tokens import Token

from stance.extraction.lexicon import GROUP_NOUNS, ORGANIZATION_NOUNS, ROLE_NOUNS, TITLES
from stance.extraction.nlp import text_of

POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def normalize(word: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a name token: `O’Brien` → `obrien`."""
    word = POSSESSIVE.sub("", word.strip())
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word if c.isalnum()).casefold()


def name_words(tokens: list[Token]) -> list[Token]:
    """Strip titles, possessive endings and punctuation around a person's name."""
    tokens = [t for t in tokens if not t.is_punct and t.dep_ != "case" and t.text not in ("'s", "’s")]
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
    to it (`Kyrylo Budanov, head of the service`)."""
    first = name_tokens[0]
    return (first.i > 0 and normalize(first.doc[first.i - 1].text) in ROLE_NOUNS | TITLES
            or any(c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS for c in head.children))


def person_tagged_as_body(ent) -> bool:
    """A person's name the tagger took for an organisation, known by the role beside it: `intelligence chief
    Major-General Kyrylo Budanov`, `Florian Philippot, leader of the Patriots`."""
    if ent.label_ != "ORG":
        return False
    tokens = name_words(list(ent))
    if not 2 <= len(tokens) <= 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens):
        return False
    if any(normalize(t.text) in ORGANIZATION_NOUNS | ROLE_NOUNS | GROUP_NOUNS for t in tokens):
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    titled = len(tokens) < len([t for t in ent if not t.is_punct]) or (
        before is not None and normalize(before.text) in ROLE_NOUNS | TITLES)
    appos = any(c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS for c in ent.root.children)
    return titled or appos


def span_text(tokens: list[Token]) -> str:
    """The article's own text from the first to the last token (keeps `Park Geun-hye` whole)."""
    doc = tokens[0].doc
    return text_of(doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]


def words_text(tokens: list[Token]) -> str:
    """The text of a run of tokens, with their own spacing."""
    return "".join(t.text_with_ws for t in tokens).strip()
