"""The records that flow between pipeline stages: frozen dataclasses with character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Characters that print as nothing: soft hyphen, Arabic letter mark, zero-width space/joiners, directional marks,
# bidi embeddings, overrides and isolates, word joiner and invisible operators, the byte-order mark.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def visible(text: str) -> str:
    """`text` without characters that print as nothing, so that one name is one string."""
    return INVISIBLE.sub("", text)


@dataclass(frozen=True)
class Article:
    """One article: its id, its text exactly as read, and input columns to carry into every row."""

    article_id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    origin: str = field(default="", compare=False)  # where it was read (a path, a table row), for messages

    @property
    def where(self) -> str:
        """The article's origin for a message, else its id."""
        return self.origin or self.article_id


@dataclass(frozen=True)
class Speaker:
    """Who said a quote: the canonical name, the words at the cue, a type and a role."""

    name: str = ""
    mention: str = ""
    type: str = "unknown"
    role: str = ""
    start: int | None = None  # offsets of the mention in the article (None: no mention)
    end: int | None = None
    resolution: str = "none"  # how the name was reached: one of schema.SPEAKER_RESOLUTIONS

    def __post_init__(self) -> None:
        # A zero-width joiner or a directional mark inside a name would make one person two rows of a summary;
        # the quote's offsets index the article text, which is left as it is.
        # An invisible character beside a word is read as a space: the words are joined by one space, trimmed.
        for name in ("name", "mention"):
            value = getattr(self, name)
            clean = " ".join(visible(value).split())
            if clean != value:
                object.__setattr__(self, name, clean)
        # `the Kremlin` and `Kremlin`, `The New York Times` and `New York Times` are one body: its name drops a
        # leading article (the mention keeps it); an unnamed one keeps it (`the ministry`)
        words = self.name.split(" ", 1)
        if self.type == "organization" and len(words) == 2 and words[0] in ("the", "The") and words[1][:1].isupper():
            object.__setattr__(self, "name", words[1])


UNKNOWN_SPEAKER = Speaker()


@dataclass(frozen=True)
class Quote:
    """A quote in an article; `text == article.text[start:end]`."""

    article_id: str
    quote_type: str
    start: int
    end: int
    text: str
    speaker: Speaker = UNKNOWN_SPEAKER
    cue: str = ""
    cue_start: int | None = None  # offsets of the cue words in the article (None: no cue)
    cue_end: int | None = None
    confidence: float | None = None  # how often a quote of this type and speaker resolution is right (confidence.py)
    cue_sentence: str = ""  # the sentence around the quote and its cue, the quote cut out (extraction/context.py)

    @property
    def quote_id(self) -> str:
        return f"{self.article_id}:{self.start}-{self.end}"

    def to_row(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "quote_id": self.quote_id,
            "quote_type": self.quote_type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker.name,
            "speaker_mention": self.speaker.mention,
            "speaker_type": self.speaker.type,
            "speaker_role": self.speaker.role,
            "cue": self.cue,
            "speaker_start": self.speaker.start,
            "speaker_end": self.speaker.end,
            "speaker_resolution": self.speaker.resolution,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "attribution_confidence": self.confidence,
            "cue_sentence": self.cue_sentence,
        }


@dataclass(frozen=True)
class ItemError:
    """An input item that could not be processed: where it came from and why."""

    source: str
    reason: str
    article_id: str = field(default="", compare=False)  # set when the item was read as an article

    @classmethod
    def of(cls, article: Article, reason: str) -> ItemError:
        """An error of an article that was read: reported by where it came from, kept by its id."""
        return cls(article.where, reason, article.article_id)

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Number of characters two half-open spans `(start, end)` share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
