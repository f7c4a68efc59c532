"""Which country a word of a role names: `Ukrainian`, `Ukraine's`, `Kyiv`, `Kremlin` → Ukraine, Ukraine, Ukraine,
Russia. Two role mentions that name different countries are different people (`the Kremlin leader` is not the
`Chinese leader` named last; `Lithuania's interior minister` is not Slovakia's)."""

from __future__ import annotations

from stance.extraction.lexicon import CAPITALS, COUNTRIES

#: Adjectives of nationality, and the seats that stand for a government in a role (`the Kremlin leader`), with the
#: country each names, as `COUNTRIES` names it.
DEMONYMS = {
    "ukrainian": "Ukraine", "russian": "Russia", "kremlin": "Russia", "american": "United States",
    "british": "United Kingdom", "french": "France", "german": "Germany",
    "chinese": "China", "finnish": "Finland", "polish": "Poland", "turkish": "Turkey", "iranian": "Iran",
    "israeli": "Israel", "belarusian": "Belarus", "belarussian": "Belarus", "georgian": "Georgia",
    "hungarian": "Hungary", "romanian": "Romania", "lithuanian": "Lithuania", "latvian": "Latvia",
    "estonian": "Estonia", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark", "italian": "Italy",
    "spanish": "Spain", "canadian": "Canada", "japanese": "Japan",
    "qatari": "Qatar", "saudi": "Saudi Arabia", "egyptian": "Egypt", "azerbaijani": "Azerbaijan",
    "armenian": "Armenia", "moldovan": "Moldova", "czech": "Czech Republic", "slovak": "Slovakia",
    "austrian": "Austria", "swiss": "Switzerland", "greek": "Greece", "bulgarian": "Bulgaria", "serbian": "Serbia",
    "croatian": "Croatia", "portuguese": "Portugal", "irish": "Ireland", "dutch": "Netherlands",
    "australian": "Australia", "syrian": "Syria", "iraqi": "Iraq", "afghan": "Afghanistan",
    "pakistani": "Pakistan", "indian": "India", "brazilian": "Brazil", "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan",
}


def country_of(word: str) -> str:
    """The country a word names (`Ukrainian`, `Ukraine's`, `Kyiv`, `US`), else ''."""
    word = word.lower().strip(" ,")
    for ending in ("'s", "’s"):
        word = word.removesuffix(ending)
    return DEMONYMS.get(word) or COUNTRIES.get(word) or CAPITALS.get(word) or ""
