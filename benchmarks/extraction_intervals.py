"""Extraction figures with 95% intervals: the quote sets are small (84 PolNeAR dev articles, 10 war articles), so
each figure is given with a bootstrap interval that resamples whole articles.

For every article the gold and predicted quotes are scored once (`stance.evaluate.quotes.score_quotes`); a
resample of articles sums their counts, so the point figures are exactly those of `stance evaluate quotes`.

Rerun (from the repository root, beside ../shared/data; about 30 seconds a set on 2 cores):

    .venv/bin/python benchmarks/extraction_intervals.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATA = (REPO.parent / "shared" / "data").resolve()
sys.path.insert(0, str(REPO))

import stance  # noqa: E402
from stance.evaluate.gold import gold_articles, load_gold_jsonl, load_polnear  # noqa: E402
from stance.evaluate.quotes import score_quotes  # noqa: E402

RESAMPLES = 2000
GROUPS = ("direct+mixed", "indirect", "all")
# figure name -> (numerator column, denominator column) of the per-article count matrix
COLUMNS = [f"{g} {c}" for g in GROUPS for c in ("gold", "matched", "speaker")] + [
    "pred", "pred matched", "pred dm", "pred dm matched"]
FIGURES = {
    **{f"{g} recall": (f"{g} matched", f"{g} gold") for g in GROUPS},
    **{f"{g} speaker": (f"{g} speaker", f"{g} matched") for g in GROUPS},
    "direct+mixed precision": ("pred dm matched", "pred dm"),
    "all precision": ("pred matched", "pred"),
}


def counts(gold, predicted) -> np.ndarray:
    """One row of counts per gold article (`COLUMNS`)."""
    rows = []
    by_article = dict(tuple(predicted.groupby("article_id")))
    for article, part in gold.groupby("article_id"):
        scores = score_quotes(part, by_article.get(article, predicted.iloc[0:0]), types=["indirect"])
        row = []
        for name in GROUPS:
            group = scores.group(name)
            row += [group.n_gold, group.n_matched, group.n_speaker_right]
        row += [scores.n_pred, scores.n_pred_matched, scores.n_pred_direct_mixed, scores.n_pred_direct_mixed_matched]
        rows.append(row)
    return np.array(rows, dtype=float)


def report(name: str, table: np.ndarray) -> None:
    rng = np.random.default_rng(0)
    draws = table[rng.integers(0, len(table), size=(RESAMPLES, len(table)))].sum(axis=1)
    total = table.sum(axis=0)
    print(f"\n{name} ({len(table)} articles; 95% intervals, {RESAMPLES} resamples of articles)\n")
    print("| figure | value | 95% interval |\n|---|---|---|")
    for figure, (top, bottom) in FIGURES.items():
        i, j = COLUMNS.index(top), COLUMNS.index(bottom)
        with np.errstate(invalid="ignore", divide="ignore"):
            ratios = draws[:, i] / draws[:, j]
        low, high = np.nanpercentile(ratios, [2.5, 97.5])
        print(f"| {figure} | {total[i] / total[j]:.3f} | {low:.3f}–{high:.3f} |")


def main() -> None:
    import logging

    logging.disable(logging.WARNING)
    split, path = DATA / "polnear" / "dev", DATA / "urw_articles.gold.jsonl"
    if (split / "attributions").is_dir():
        articles, gold = load_polnear(split)
        report("PolNeAR dev", counts(gold, stance.extract(articles)))
    else:
        print(f"no PolNeAR split at {split}: skipped")
    if path.is_file():
        report("War articles (urw_articles.gold.jsonl)", counts(load_gold_jsonl(path),
                                                                stance.extract(gold_articles(path))))
    else:
        print(f"no {path}: skipped")
    print("\nRerun: .venv/bin/python benchmarks/extraction_intervals.py")


if __name__ == "__main__":
    main()
