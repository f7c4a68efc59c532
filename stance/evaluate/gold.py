"""Gold quotes, read into one frame (`article_id, quote_type, start, end, text, speaker, speaker_mention,
speaker_type`, one row per gold quote), and the articles they annotate:

- the project's gold JSONL files (`load_gold_jsonl`), typed `direct`, `indirect` or `mixed`;
- PolNeAR brat standoff (`load_polnear`), where an attribution whose content holds a quotation mark is
  `direct` (this covers direct and mixed quotes) and every other attribution is `indirect`.

Example:
    >>> gold = load_gold_jsonl("seeds/000_425a455c3402a5f3.gold.jsonl")  # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from stance.errors import InputError
from stance.io import read_text_file
from stance.records import Article, ItemError
from stance.schema import QUOTE_TYPES

logger = logging.getLogger(__name__)

#: Keys every line of a gold JSONL file must have.
GOLD_KEYS = ("doc_id", "type", "start", "end", "text", "speaker", "speaker_mention", "speaker_type")
#: Keys copied into the gold frame when a line has them.
OPTIONAL_GOLD_KEYS = ("cue", "tone", "stance")

#: Characters that make a PolNeAR content a direct (or mixed) quote. Straight and curly double marks,
#: low/high double marks and guillemets, and the opening single curly mark `‘`, which opens the quotes
#: of many headlines (`Trump Was ‘Mocking’ Clinton Camp`) and is almost never an apostrophe. The
#: closing single curly mark `’` and the straight `'` are left out: they are mostly apostrophes. A doubled
#: apostrophe or backtick (`''…''`, the typewriter double mark of NYT texts in PolNeAR) is a double mark.
QUOTE_MARKS = frozenset('"“”„‟«»‘')
DOUBLED_MARKS = ("''", "``")


def holds_quote_mark(content: str) -> bool:
    """Whether an attribution's content holds a quotation mark (then it is `direct`, or `mixed`).

    >>> holds_quote_mark("“We will win”"), holds_quote_mark("''We will win''"), holds_quote_mark("Ukraine's")
    (True, True, False)
    """
    return bool(QUOTE_MARKS.intersection(content)) or any(mark in content for mark in DOUBLED_MARKS)

_T_LINE = re.compile(r"T(\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)")
_E_LINE = re.compile(r"E(\d+)\t(.*)")


def load_gold_jsonl(path: str | Path) -> pd.DataFrame:
    """Read a project gold file (one JSON object a line) into a gold frame.

    Example:
        >>> gold = load_gold_jsonl("seeds/000_425a455c3402a5f3.gold.jsonl")  # doctest: +SKIP
        >>> gold.columns[:4].tolist()  # doctest: +SKIP
        ['article_id', 'quote_type', 'start', 'end']
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: a folder without text/ and attributions/; expected a gold JSONL file")
    rows = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    rows.append(_gold_row(line, f"{path}:{number}"))
    except FileNotFoundError:
        raise InputError(f"gold file not found: {path}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); expected a gold JSONL file") from None
    columns = ["article_id", "quote_type", "start", "end", *GOLD_KEYS[4:]]
    columns += [key for key in OPTIONAL_GOLD_KEYS if any(key in row for row in rows)]
    return pd.DataFrame(rows, columns=columns)


def _gold_row(line: str, where: str) -> dict[str, Any]:
    """One gold JSONL line as a gold-frame row; `where` is `file:line` for error messages."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not a JSON object ({error.msg})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    missing = [key for key in GOLD_KEYS if key not in record]
    if missing:
        raise InputError(f"{where}: missing key(s) {', '.join(missing)}")
    if record["type"] not in QUOTE_TYPES:
        raise InputError(f"{where}: type {record['type']!r} is not one of {', '.join(QUOTE_TYPES)}")
    start, end = record["start"], record["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
        raise InputError(f"{where}: start/end must be integers, 0 <= start <= end; got {start!r}, {end!r}")
    row = {
        "article_id": str(record["doc_id"]),
        "quote_type": record["type"],
        "start": start,
        "end": end,
        **{key: record[key] or "" for key in ("text", "speaker", "speaker_mention", "speaker_type")},
    }
    row.update({key: record[key] or "" for key in OPTIONAL_GOLD_KEYS if key in record})
    return row


@dataclass(frozen=True)
class BratSpan:
    """A brat text-bound annotation: its type, its (start, end) segments and its surface text."""

    kind: str
    segments: tuple[tuple[int, int], ...]
    surface: str

    @property
    def start(self) -> int:
        return min(start for start, _ in self.segments)

    @property
    def end(self) -> int:
        return max(end for _, end in self.segments)


def read_brat(path: str | Path) -> tuple[dict[str, BratSpan], list[dict[str, str]]]:
    """Read a brat `.ann` file: its spans by id (`T3`) and its events as `{role: span id}`.

    A surface that runs onto the next lines keeps them (joined by newlines), as brat wrote it;
    other lines (notes, `#1 AnnotatorNotes`) are skipped. An event's first role is its trigger
    (`Attribution` or `Attribution-no-source`).
    """
    spans: dict[str, BratSpan] = {}
    events: list[dict[str, str]] = []
    last_id, pending = None, []  # pending: continuation lines not yet known to belong to a surface
    with open(path, encoding="utf-8", newline="") as handle:
        for line in handle.read().split("\n"):
            line = line.removesuffix("\r")
            if match := _T_LINE.fullmatch(line):
                segments = tuple(tuple(map(int, part.split())) for part in match.group(3).split(";"))
                last_id, pending = f"T{match.group(1)}", []
                spans[last_id] = BratSpan(match.group(2), segments, match.group(4))
            elif match := _E_LINE.match(line):
                roles = dict(part.split(":", 1) for part in match.group(2).split() if ":" in part)
                events.append({"id": f"E{match.group(1)}", **roles})
                last_id, pending = None, []
            elif last_id is not None and not line.startswith("#"):
                pending.append(line)
                if line:  # blank lines count only inside a surface, never at its end
                    old = spans[last_id]
                    spans[last_id] = BratSpan(old.kind, old.segments, "\n".join([old.surface, *pending]))
                    pending = []
    return spans, events


def load_polnear(split_dir: str | Path) -> tuple[list[Article], pd.DataFrame]:
    """Read a PolNeAR split (`text/`, `attributions/`) into articles and a gold frame.

    One `.ann` per article: the first annotator id in sort order. One gold row per attribution with
    a Content; its span runs from the first to the last content segment (`Content2` segments
    included). Extra columns: `source_start`, `source_end` (-1 without a Source), `cue`,
    `attribution_id` and `content_segments`.

    Example:
        >>> articles, gold = load_polnear("../shared/data/polnear/dev")  # doctest: +SKIP
    """
    split_dir = Path(split_dir)
    text_dir, ann_dir = split_dir / "text", split_dir / "attributions"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        raise InputError(f"{split_dir}: expected a PolNeAR split with text/ and attributions/ folders")
    ann_by_article: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        ann_by_article.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    articles, rows = [], []
    for article_id, ann in sorted(ann_by_article.items()):
        text_path = text_dir / f"{article_id}.txt"
        if not text_path.is_file():
            logger.warning("%s: no text file %s; skipped", ann, text_path)
            continue
        # newline="" keeps "\r\n" as two characters, so brat's offsets index the text as stored.
        with open(text_path, encoding="utf-8", newline="") as handle:
            article = Article(article_id, handle.read(), {"annotation_file": ann.name})
        articles.append(article)
        rows.extend(_polnear_rows(article, *read_brat(ann), where=ann))
    logger.info("read %d PolNeAR articles, %d attributions from %s", len(articles), len(rows), split_dir)
    return articles, pd.DataFrame(rows, columns=_POLNEAR_COLUMNS)


_POLNEAR_COLUMNS = [
    "article_id", "quote_type", "start", "end", "text", "speaker", "speaker_mention", "speaker_type",
    "source_start", "source_end", "cue", "attribution_id", "content_segments",
]


def _polnear_rows(
    article: Article, spans: dict[str, BratSpan], events: list[dict[str, str]], where: Path
) -> list[dict[str, Any]]:
    """Gold rows for one article's attribution events; events without a Content are skipped."""
    text = article.text
    rows = []
    for event in events:
        content_ids = [tid for role, tid in event.items() if re.fullmatch(r"Content\d*", role)]
        linked = [*content_ids, event.get("Source"), event.get("Cue")]
        unknown = [tid for tid in linked if tid and tid not in spans]
        if unknown:
            logger.warning("%s: %s names unknown span(s) %s; skipped", where, event["id"], ", ".join(unknown))
            continue
        if not content_ids:
            continue
        segments = tuple(sorted(seg for tid in content_ids for seg in spans[tid].segments))
        start, end = segments[0][0], max(seg_end for _, seg_end in segments)
        content = " ".join(text[s:e] for s, e in segments)
        source = spans.get(event.get("Source", ""))
        cue = spans.get(event.get("Cue", ""))
        rows.append({
            "article_id": article.article_id,
            "quote_type": "direct" if holds_quote_mark(content) else "indirect",
            "start": start,
            "end": end,
            "text": text[start:end],
            "speaker": "",  # PolNeAR marks the mention, not a resolved name
            "speaker_mention": _span_text(text, source),
            "speaker_type": "",
            "source_start": source.start if source else -1,
            "source_end": source.end if source else -1,
            "cue": _span_text(text, cue),
            "attribution_id": event["id"],
            "content_segments": segments,
        })
    return rows


def _span_text(text: str, span: BratSpan | None) -> str:
    """A span's text taken from the article by its offsets ("" for no span)."""
    return " ".join(text[s:e] for s, e in span.segments) if span else ""


def gold_articles(gold_source: str | Path, articles_dir: str | Path | None = None) -> list[Article]:
    """The articles a gold source annotates, for running extraction on them.

    A PolNeAR split folder holds its texts; a gold JSONL file's articles are `<doc_id>.txt` in
    `articles_dir`, beside the gold file, or in the folder named like it (`x.gold.jsonl` → `x/`).
    """
    source = Path(gold_source)
    if (source / "attributions").is_dir():
        return load_polnear(source)[0]
    gold = load_gold_jsonl(source)
    stem = source.name.removesuffix(".jsonl").removesuffix(".gold")
    folders = [Path(articles_dir)] if articles_dir else [source.parent, source.parent / stem]
    articles = []
    for doc_id in dict.fromkeys(gold["article_id"]):
        path = next((f / f"{doc_id}.txt" for f in folders if (f / f"{doc_id}.txt").is_file()), None)
        if path is None:
            raise InputError(f"no article text {doc_id}.txt for {source} in {', '.join(map(str, folders))}")
        article = read_text_file(path)  # bytes decoded as they are: `\r\n` stays, so gold offsets hold
        if isinstance(article, ItemError):
            raise InputError(str(article))
        articles.append(Article(doc_id, article.text))
    return articles
