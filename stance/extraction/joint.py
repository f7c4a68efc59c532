"""Joint sources: one cue, two or more named speakers (`Macron and Scholz said …`, `the Times and the Post
reported …`). The speaker is all of them, named as each would be alone (`Emmanuel Macron and Olaf Scholz`), so that
a summary by speaker does not credit the first name with words the article gives to both (the war corpus's
annotators named joint sources so: data/urw_more.speakers.jsonl)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from stance.records import Speaker

_BOTH = re.compile(r"^(?:both|either|neither)\s+", re.IGNORECASE)


def joint_speaker(source: Token, speaker: Speaker, resolve: Callable[[Token], Speaker], offset: int) -> Speaker:
    """The speaker of a source with names joined to it by `and` (each resolved by `resolve`; `offset` places the
    source's Doc in the article), else `speaker`. Only names: `Macron and his ministers`, `Russia and its allies`
    are left to the first (`speaker`)."""
    joined = [c for c in source.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    if source.pos_ != "PROPN" or not joined or not speaker.name or speaker.start is None or not any(
            c.dep_ == "cc" and c.lower_ in ("and", "&") for c in source.children):
        return speaker
    others = [resolve(c) for c in joined]
    if any(not other.name or other.name == speaker.name for other in others):
        return speaker
    first = _BOTH.sub("", speaker.name)  # `Both China and Russia`: `both` belongs to the pair, not to China's name
    names = [first, *(other.name for other in others)]
    kinds = {speaker.type, *(other.type for other in others)}
    last = source.doc[max(t.i for c in joined for t in c.subtree if not t.is_punct)]
    end = offset + last.idx + len(last.text)
    return replace(speaker, name=", ".join(names[:-1]) + " and " + names[-1], role="",
                   mention=source.doc.text[speaker.start - offset:end - offset], end=end,
                   type=kinds.pop() if len(kinds) == 1 else "group")
