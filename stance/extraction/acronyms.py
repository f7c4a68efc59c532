"""Acronyms an article defines (`the Security Service of Ukraine (SBU)`), so that a body quoted by its acronym
(`the SBU said`) is named as the article names it in full: one speaker, one name."""

from __future__ import annotations

import re

# a name of capitalised words (with `of`, `for`, `and`, `on`, `to`, `the` between them), then its acronym in
# parentheses
_DEFINED = re.compile(r"((?:[A-Z][\w’'-]*\s+)(?:(?:of|for|and|on|to|the|[A-Z][\w’'-]*)\s+)*[A-Z][\w’'-]*)\s*"
                      r"\(([A-Z][A-Za-z]{1,7})\)")


def defined_acronyms(text: str) -> dict[str, str]:
    """Each acronym `text` defines, with the name it stands for (`SBU` → `Security Service of Ukraine`); the first
    definition of an acronym holds. An acronym is all capitals but for lower-case letters inside (`NABU`, `DoD`)."""
    found: dict[str, str] = {}
    for match in _DEFINED.finditer(text):
        words, acronym = match.group(1).split(), match.group(2)
        # the name from the word its first letter is (`Russia’s Federal Security Service (FSB)`); none that starts
        # elsewhere (`Reclaim Our Schools` is not `AROS`)
        while words and words[0][0] != acronym[0]:
            words.pop(0)
        if acronym[-1].isupper() and len(words) >= 2 and acronym not in found:
            found[acronym] = " ".join(words)
    return found
