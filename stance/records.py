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

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
