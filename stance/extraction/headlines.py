"""Headlines in title case, read as sentences.

A headline such as `Zelensky Says Russia Is Preparing New Offensive` or `NATO Troops Are Operating In Ukraine,
Russian General Claims` is one long name to the tagger, so its report goes unseen. The parser reads a headline that
reports (a verb of saying among its words) in sentence case instead: a capitalised word is read in lower case when
the article's sentences write it in lower case, or it is a common word, a verb of saying in the third person or a
participle (`Is`, `In`, `Says`, `Claims`, `Hacked`, `Sending`), unless they capitalise it inside a sentence (a
name: `Zelensky`, `Russia`, `New` of `New York`). The line's first word stays. One character for one: offsets, and
the text a quote is cut from, are the article's as written; a speaker named there is given back its capitals
(`as_written`)."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from stance.extraction.lexicon import REPORTING_VERBS
from stance.records import Speaker

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TITLE_WORD = re.compile(r"\b[A-Z][a-z][a-z'’-]*\b")
# a capitalised word inside a sentence: after a letter, a digit or a comma and a space (not after `.`, `:` or a mark)
_INSIDE = re.compile(r"(?<=[A-Za-z0-9,;)] )[A-Z][a-z][a-z'’-]*")
MIN_WORDS, MAX_WORDS = 4, 30
TITLE_SHARE = 0.8  # of the line's words of four letters or more, the share capitalised that makes a title


def sentence_case(text: str) -> str:
    """`text` with its title-case lines in sentence case (module docstring); other lines as they are."""
    lines = [m.span() for m in _LINE.finditer(text) if _is_title(m.group())]
    if not lines:
        return text
    # what the article's sentences write, leaving out every line in title case (another headline, a `TRENDING:` line)
    body = "\n".join(m.group() for m in _LINE.finditer(text) if not _capitalised(m.group()))
    names = set(_INSIDE.findall(body))
    lower = {w for w in _WORD.findall(body) if w.islower()}
    chars = list(text)
    for a, b in lines:
        for word in list(_TITLE_WORD.finditer(text, a, b))[1:]:
            small = word.group().lower()
            common = small in lower or small in STOP_WORDS or _verb_form(small)
            if word.group() not in names and common and len(small) == len(word.group()):
                chars[word.start():word.end()] = small
    return "".join(chars)


def _capitalised(line: str) -> bool:
    """Most of a line's words of four letters or more capitalised."""
    long = [w for w in _WORD.findall(line) if len(w) >= 4]
    return len(long) >= 3 and sum(w[0].isupper() and not w.isupper() for w in long) >= TITLE_SHARE * len(long)


def _is_title(line: str) -> bool:
    """A headline that reports: most long words capitalised, a verb of saying among them (`Says`, `Warns`), and
    no full stop at its end or a common word capitalised (`Is`, `In`). A sentence capitalises its names alone, and a
    headline with no verb of saying (`Hillary Clinton Goes After Donald Trump`) is left as written."""
    words = _WORD.findall(line)
    if not MIN_WORDS <= len(words) <= MAX_WORDS or not _capitalised(line) or ": " in line:
        return False  # (`Biden Slams Putin: ‘…’`, `Rush Limbaugh: …`: the labelled-line rules read title case)
    reports = any(w[0].isupper() and (w.lower() in REPORTING_VERBS or says_form(w.lower())) for w in words[1:])
    # a headline ends with no full stop, or capitalises a common word (not `Denys Shmyhal met donors in Rome.`)
    return reports and (not line.rstrip().endswith(".") or any(w[0].isupper() and w.lower() in STOP_WORDS
                                                               for w in words[1:]))


def says_form(word: str) -> bool:
    """A verb of saying in the third person, as a headline writes it: `says`, `claims`, `warns`, `admits`."""
    return word.endswith("s") and bool({word[:-1], word[:-2]} & REPORTING_VERBS)


def _verb_form(word: str) -> bool:
    """A verb of saying in the third person or a participle (`hacked`, `sending`)."""
    return says_form(word) or word.endswith(("ed", "ing"))


def as_written(speaker: Speaker, text: str) -> Speaker:
    """A speaker named in a headline read in sentence case, with its words as the article writes them (`Russian
    General`, not the parser's `russian general`)."""
    if speaker.start is None or speaker.end is None:
        return speaker
    written = " ".join(text[speaker.start:speaker.end].split())
    if written == speaker.mention or written.lower() != speaker.mention.lower():
        return speaker
    name = written if speaker.name == speaker.mention else speaker.name
    return replace(speaker, name=name, mention=written)
