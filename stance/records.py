"""The records that flow between pipeline stages: frozen dataclasses with character offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
