"""Score extracted quotes against gold annotations, the way the field scores them (the gold readers are in
`stance.evaluate.gold`).

Matching follows `../shared/data/README.md`: a predicted quote matches a gold quote of the same article
when at least half of the predicted span's characters lie inside the gold span. A speaker is right when
the normalised mentions are equal or the predicted surname matches the gold one (see `speaker_matches`).

Example:
    >>> scores = evaluate_quotes("../shared/data/polnear/dev", "quotes.parquet")  # doctest: +SKIP
    >>> print(scores.format())  # doctest: +SKIP
"""

from __future__ import annotations

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
from stance.evaluate.gold import load_gold_jsonl, load_polnear
from stance.records import overlap
from stance.schema import QUOTE_TYPES

logger = logging.getLogger(__name__)


DIRECT_MIXED = ("direct", "mixed")

_APOSTROPHES = "’'ʼ"
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s\b")
_NAME_SUFFIXES = ("jr", "sr")


# --- matching rules -------------------------------------------------------------------------------


def span_matches(pred_start: int, pred_end: int, gold_start: int, gold_end: int) -> bool:
    """True when at least half of the predicted span lies inside the gold span.

    >>> span_matches(0, 10, 5, 20), span_matches(0, 10, 6, 20)
    (True, False)
    """
    length = pred_end - pred_start
    return length > 0 and 2 * overlap((pred_start, pred_end), (gold_start, gold_end)) >= length


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
        from stance.io import load  # lazy: the reader pulls in pandas and pyarrow

        predictions = load(predictions)
    return score_quotes(gold, predictions, types=types, article_ids=article_ids)
