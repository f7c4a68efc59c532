"""Score extracted quotes against gold annotations, the way the field scores them.

Two gold sources are read into one frame (`article_id, quote_type, start, end, text, speaker,
speaker_mention, speaker_type`, one row per gold quote):

- the project's gold JSONL files (`load_gold_jsonl`), typed `direct`, `indirect` or `mixed`;
- PolNeAR brat standoff (`load_polnear`), where an attribution whose content holds a quotation mark is
  `direct` (this covers direct and mixed quotes) and every other attribution is `indirect`.

Matching follows `../shared/data/README.md`: a predicted quote matches a gold quote of the same article
when at least half of the predicted span's characters lie inside the gold span. A speaker is right when
the normalised mentions are equal or the predicted surname matches the gold one (see `speaker_matches`).

Example:
    >>> scores = evaluate_quotes("../shared/data/polnear/dev", "quotes.parquet")  # doctest: +SKIP
    >>> print(scores.format())  # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
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
#: closing single curly mark `’` and the straight `'` are left out: they are mostly apostrophes.
QUOTE_MARKS = frozenset('"“”„‟«»‘')

DIRECT_MIXED = ("direct", "mixed")

_T_LINE = re.compile(r"T(\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)")
_E_LINE = re.compile(r"E(\d+)\t(.*)")
_APOSTROPHES = "’'ʼ"
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s\b")
_NAME_SUFFIXES = ("jr", "sr")


# --- gold readers ---------------------------------------------------------------------------------


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
            "quote_type": "direct" if QUOTE_MARKS.intersection(content) else "indirect",
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


# --- matching rules -------------------------------------------------------------------------------


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Number of characters two half-open spans share."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def span_matches(pred_start: int, pred_end: int, gold_start: int, gold_end: int) -> bool:
    """True when at least half of the predicted span lies inside the gold span.

    >>> span_matches(0, 10, 5, 20), span_matches(0, 10, 6, 20)
    (True, False)
    """
    length = pred_end - pred_start
    return length > 0 and 2 * overlap(pred_start, pred_end, gold_start, gold_end) >= length


def normalise_name(name: str | None) -> str:
    """Casefold, strip accents, drop apostrophes and possessive 's, keep letters, digits and spaces.

    >>> normalise_name("Zelenskyy’s"), normalise_name("O’Brien"), normalise_name("José  Martí-Pérez")
    ('zelenskyy', 'obrien', 'jose marti perez')
    """
    if not isinstance(name, str):
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = _POSSESSIVE.sub("", text)
    text = re.sub(f"[{_APOSTROPHES}]", "", text)
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def surname(name: str | None) -> str:
    """The last normalised token of a name, ignoring a trailing `Jr.`/`Sr.` ("" for no name).

    >>> surname("Martin Luther King Jr."), surname("Volodymyr Zelenskyy's")
    ('king', 'zelenskyy')
    """
    tokens = normalise_name(name).split()
    while len(tokens) > 1 and tokens[-1] in _NAME_SUFFIXES:
        tokens.pop()
    return tokens[-1] if tokens else ""


def speaker_matches(pred_speaker: str, pred_mention: str, gold_speaker: str, gold_mention: str) -> bool:
    """Whether a predicted speaker is right for a gold quote.

    Right when the normalised mentions are equal (both empty counts: no source predicted for a
    quote that has none), or a surname of the predicted speaker or mention equals a surname of the
    gold speaker or mention, or appears as a token of the gold mention (`Caddell` for
    `longtime Democratic pollster Pat Caddell`).

    >>> speaker_matches("Donald Trump", "he", "", "Trump"), speaker_matches("", "he", "", "Caddell")
    (True, False)
    """
    pred_norm, gold_norm = normalise_name(pred_mention), normalise_name(gold_mention)
    if pred_norm == gold_norm:
        if pred_norm:
            return True
        if not normalise_name(pred_speaker) and not normalise_name(gold_speaker):
            return True  # neither side names a source
    # The field counts a speaker right when the predicted mention overlaps the gold Source span;
    # with no offsets for mentions, one mention standing inside the other is the closest proxy
    # (`the IMF report` for `the IMF`).
    if pred_norm and gold_norm and (f" {gold_norm} " in f" {pred_norm} " or f" {pred_norm} " in f" {gold_norm} "):
        return True
    pred_surnames = {surname(pred_speaker), surname(pred_mention)} - {""}
    gold_names = {surname(gold_speaker), surname(gold_mention)} | set(gold_norm.split())
    return bool(pred_surnames & (gold_names - {""}))


# --- scores ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupScore:
    """Recall and speaker accuracy over one group of gold quotes (a type, `direct+mixed` or `all`)."""

    name: str
    n_gold: int
    n_matched: int
    n_speaker_right: int

    @property
    def recall(self) -> float:
        return _ratio(self.n_matched, self.n_gold)

    @property
    def speaker_accuracy(self) -> float:
        """Share of matched gold quotes whose best-overlapping prediction has the right speaker."""
        return _ratio(self.n_speaker_right, self.n_matched)


@dataclass(frozen=True)
class QuoteScores:
    """Recall per gold group, precision over predictions, and speaker accuracy."""

    groups: tuple[GroupScore, ...]
    n_pred: int
    n_pred_matched: int
    n_pred_direct_mixed: int
    n_pred_direct_mixed_matched: int
    n_pred_ignored: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.n_pred_matched, self.n_pred)

    @property
    def precision_direct_mixed(self) -> float:
        """Share of predicted direct and mixed quotes that match any gold quote."""
        return _ratio(self.n_pred_direct_mixed_matched, self.n_pred_direct_mixed)

    def group(self, name: str) -> GroupScore:
        for group in self.groups:
            if group.name == name:
                return group
        raise KeyError(f"no gold group {name!r}; expected one of {', '.join(g.name for g in self.groups)}")

    def recall(self, name: str = "all") -> float:
        return self.group(name).recall

    def speaker_accuracy(self, name: str = "all") -> float:
        return self.group(name).speaker_accuracy

    def to_dict(self) -> dict[str, Any]:
        """Plain numbers, ready for JSON (NaN where a denominator is zero)."""
        return {
            "precision": self.precision,
            "precision_direct_mixed": self.precision_direct_mixed,
            "n_pred": self.n_pred,
            "n_pred_matched": self.n_pred_matched,
            "n_pred_direct_mixed": self.n_pred_direct_mixed,
            "n_pred_direct_mixed_matched": self.n_pred_direct_mixed_matched,
            "n_pred_ignored": self.n_pred_ignored,
            "groups": {
                g.name: {
                    "n_gold": g.n_gold,
                    "n_matched": g.n_matched,
                    "recall": g.recall,
                    "n_speaker_right": g.n_speaker_right,
                    "speaker_accuracy": g.speaker_accuracy,
                }
                for g in self.groups
            },
        }

    def format(self) -> str:
        """A small aligned text table: recall and speaker accuracy per gold group, then precision."""
        lines = [f"{'gold':<14}{'n':>6}{'matched':>9}{'recall':>10}{'speaker':>9}"]
        for g in self.groups:
            recall, speaker = _fmt(g.recall), _fmt(g.speaker_accuracy)
            lines.append(f"{g.name:<14}{g.n_gold:>6}{g.n_matched:>9}{recall:>10}{speaker:>9}")
        lines.append(f"{'predicted':<14}{'n':>6}{'matched':>9}{'precision':>10}")
        for name, n, matched in (
            ("all", self.n_pred, self.n_pred_matched),
            ("direct+mixed", self.n_pred_direct_mixed, self.n_pred_direct_mixed_matched),
        ):
            lines.append(f"{name:<14}{n:>6}{matched:>9}{_fmt(_ratio(matched, n)):>10}")
        return "\n".join(lines)


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else math.nan


def _fmt(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.3f}"


def score_quotes(
    gold: pd.DataFrame,
    predicted: pd.DataFrame,
    *,
    types: Iterable[str] | None = None,
    article_ids: Iterable[str] | None = None,
) -> QuoteScores:
    """Match predicted quotes to gold quotes article by article and score them.

    `types` are the gold quote types reported one row each (default: those present, in schema
    order); `direct+mixed` and `all` rows always follow. `article_ids` are the articles the gold
    covers (default: those with a gold quote); predictions for other articles are ignored with a
    warning.

    Example:
        >>> gold = pd.DataFrame({"article_id": ["a"], "quote_type": ["direct"], "start": [0], "end": [10]})
        >>> pred = pd.DataFrame({"article_id": ["a"], "quote_type": ["direct"], "start": [2], "end": [8]})
        >>> score_quotes(gold, pred).recall("direct")
        1.0
    """
    gold, predicted = _quote_frame(gold, "gold"), _quote_frame(predicted, "predicted")
    known = set(gold["article_id"]) if article_ids is None else {str(a) for a in article_ids}
    outside = ~predicted["article_id"].isin(known)
    if outside.any():
        logger.warning(
            "ignored %d predicted quote(s) for %d article(s) not in the gold",
            int(outside.sum()), predicted.loc[outside, "article_id"].nunique(),
        )
        predicted = predicted[~outside].reset_index(drop=True)
    gold_matched, gold_speaker_right, pred_matched = _match(gold, predicted)

    if types is None:
        types = [t for t in QUOTE_TYPES if t in set(gold["quote_type"])]
    selections = [(t, gold["quote_type"] == t) for t in types]
    selections.append(("direct+mixed", gold["quote_type"].isin(DIRECT_MIXED)))
    selections.append(("all", gold["quote_type"].notna()))
    groups = []
    for name, selection in selections:
        mask = selection.to_numpy()
        matched, right = int(gold_matched[mask].sum()), int(gold_speaker_right[mask].sum())
        groups.append(GroupScore(name, int(mask.sum()), matched, right))
    direct_mixed = predicted["quote_type"].isin(DIRECT_MIXED).to_numpy()
    return QuoteScores(
        groups=tuple(groups),
        n_pred=len(predicted),
        n_pred_matched=int(pred_matched.sum()),
        n_pred_direct_mixed=int(direct_mixed.sum()),
        n_pred_direct_mixed_matched=int(pred_matched[direct_mixed].sum()),
        n_pred_ignored=int(outside.sum()),
    )


def _quote_frame(frame: pd.DataFrame, role: str) -> pd.DataFrame:
    """The columns scoring uses, with plain dtypes: ids and text as str, offsets as int."""
    missing = [c for c in ("article_id", "quote_type", "start", "end") if c not in frame]
    if missing:
        have = ", ".join(map(str, frame.columns))
        raise InputError(f"{role} quotes lack column(s) {', '.join(missing)}; have {have}")
    out = pd.DataFrame(index=pd.RangeIndex(len(frame)))
    for column in ("article_id", "quote_type", "speaker", "speaker_mention"):
        values = frame[column] if column in frame else pd.Series("", index=frame.index)
        out[column] = values.astype(object).where(values.notna(), "").astype(str).to_numpy()
    for column in ("start", "end"):
        out[column] = frame[column].astype("int64").to_numpy()
    return out


def _match(gold: pd.DataFrame, predicted: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per gold row: matched, speaker right (best-overlapping match); per predicted row: matched."""
    gold_matched = np.zeros(len(gold), dtype=bool)
    speaker_right = np.zeros(len(gold), dtype=bool)
    pred_matched = np.zeros(len(predicted), dtype=bool)
    pred_rows = dict(predicted.groupby("article_id").indices)
    for article, g_rows in gold.groupby("article_id").indices.items():
        p_rows = pred_rows.get(article)
        if p_rows is None:
            continue
        p_rows = p_rows[np.argsort(predicted["start"].to_numpy()[p_rows], kind="stable")]
        g_start, g_end = gold["start"].to_numpy()[g_rows, None], gold["end"].to_numpy()[g_rows, None]
        p_start, p_end = predicted["start"].to_numpy()[p_rows], predicted["end"].to_numpy()[p_rows]
        shared = np.clip(np.minimum(g_end, p_end) - np.maximum(g_start, p_start), 0, None)
        length = p_end - p_start
        matches = (length > 0) & (2 * shared >= length)  # gold x predicted
        pred_matched[p_rows] |= matches.any(axis=0)
        best = np.where(matches, shared, -1).argmax(axis=1)
        for i, g in enumerate(g_rows):
            if matches[i].any():
                gold_matched[g] = True
                p = p_rows[best[i]]
                speaker_right[g] = speaker_matches(
                    predicted.at[p, "speaker"], predicted.at[p, "speaker_mention"],
                    gold.at[g, "speaker"], gold.at[g, "speaker_mention"],
                )
    return gold_matched, speaker_right, pred_matched


def attribution_correct(gold: pd.DataFrame, predicted: pd.DataFrame) -> np.ndarray:
    """Per predicted row: whether it is a real quote (it matches a gold quote) with the right speaker (that of a
    gold quote it matches)."""
    correct = np.zeros(len(predicted), dtype=bool)
    gold_rows = dict(gold.groupby("article_id").indices)
    for article, p_rows in predicted.groupby("article_id").indices.items():
        g_rows = gold_rows.get(article)
        if g_rows is None:
            continue
        for p in p_rows:
            p_start, p_end = int(predicted["start"].iat[p]), int(predicted["end"].iat[p])
            for g in g_rows:
                if span_matches(p_start, p_end, int(gold["start"].iat[g]), int(gold["end"].iat[g])) and speaker_matches(
                        predicted["speaker"].iat[p], predicted["speaker_mention"].iat[p],
                        gold["speaker"].iat[g], gold["speaker_mention"].iat[g]):
                    correct[p] = True
                    break
    return correct


def evaluate_quotes(
    gold_source: str | Path, predictions: pd.DataFrame | str | Path, *, types: Iterable[str] | None = None
) -> QuoteScores:
    """Score predictions against a gold JSONL file or a PolNeAR split folder.

    `predictions` is a quote table or a path `stance.load` reads. Only gold articles are scored.

    Example:
        >>> scores = evaluate_quotes("seeds/000_425a455c3402a5f3.gold.jsonl", "out.parquet")  # doctest: +SKIP
    """
    source = Path(gold_source)
    article_ids = None
    if (source / "attributions").is_dir():
        articles, gold = load_polnear(source)
        article_ids = [article.article_id for article in articles]
    elif source.is_file():
        gold = load_gold_jsonl(source)
    else:
        raise InputError(f"{source}: expected a gold .jsonl file or a PolNeAR split folder (attributions/)")
    if not isinstance(predictions, pd.DataFrame):
        from stance import load  # lazy: the reader pulls in the package's I/O stack

        predictions = load(predictions)
    return score_quotes(gold, predictions, types=types, article_ids=article_ids)


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
