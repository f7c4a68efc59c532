"""PolNeAR's indirect attributions against LABELS.md: how many of them are quotes under the project's contract, how
many of those the extractor finds, and the most indirect recall on all of PolNeAR that the contract allows.

PolNeAR marks every attribution event (`despised them`, `released an ad`, `declined to comment`, what a transcript
`shows`); LABELS.md §1 counts only statements attributed to a source. `data/polnear_dev.indirect_judged.jsonl`
holds two random samples of PolNeAR dev's 1,468 indirect attributions, 200 each, every one judged blind by two
annotators under LABELS.md §1 (disagreements adjudicated; data/README.md). Sample 1 (seed 41) was read to find the
kinds of quote the extractor missed, and rules were written for some of them, so its recall is optimistic after
that; sample 2 (seed 43, drawn after those rules) is held out.

The extractor runs on PolNeAR dev, which splits the 1,468 attributions into those it finds and those it misses;
each sample gives the share of quotes in each part, and the figures below weight the parts by their true sizes
(post-stratification: a sample that happens to hold too many misses does not pull the figures down). Intervals:
95%, resampling each sample's items within the two parts.

- the share of PolNeAR's indirect attributions that are quotes under LABELS.md;
- the extractor's recall on those (the indirect recall the contract asks for);
- the ceiling: the indirect recall on all of PolNeAR if the extractor found every quote of the contract and no
  more of the other attributions than it finds now;
- the two annotators' agreement (Cohen's kappa).

Rerun (from the repository root, beside ../shared/data; about 30 seconds on 2 cores):

    .venv/bin/python benchmarks/polnear_contract.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
DATA = (REPO.parent / "shared" / "data").resolve()
sys.path.insert(0, str(REPO))

import stance  # noqa: E402
from stance.evaluate.gold import load_polnear  # noqa: E402
from stance.evaluate.quotes import _match, _quote_frame  # noqa: E402

JUDGED = REPO / "data" / "polnear_dev.indirect_judged.jsonl"
RESAMPLES = 2000
SAMPLES = {1: "Sample 1 (read for error classes: optimistic)", 2: "Sample 2 (held out)"}


def kappa(a: np.ndarray, b: np.ndarray) -> float:
    """Cohen's kappa of two boolean label vectors."""
    observed = float(np.mean(a == b))
    pa, pb = a.mean(), b.mean()
    expected = pa * pb + (1 - pa) * (1 - pb)
    return (observed - expected) / (1 - expected)


def figures(n_found: int, n_missed: int, quote_found: np.ndarray, quote_missed: np.ndarray) -> dict[str, float]:
    """The post-stratified figures from the share of quotes among sampled found and missed attributions."""
    q_found = quote_found.mean() if len(quote_found) else float("nan")
    q_missed = quote_missed.mean() if len(quote_missed) else float("nan")
    quotes = n_found * q_found + n_missed * q_missed
    total = n_found + n_missed
    return {
        "share of PolNeAR indirect that are quotes under LABELS.md": quotes / total,
        "indirect recall on those quotes": n_found * q_found / quotes,
        "ceiling: indirect recall on all PolNeAR with every quote found": (n_found + n_missed * q_missed) / total,
    }


def report(name: str, part: pd.DataFrame, n_found: int, n_missed: int) -> None:
    found = part["found"].to_numpy(bool)
    is_quote = part["is_quote"].to_numpy(bool)
    in_found, in_missed = is_quote[found], is_quote[~found]
    print(f"\n{name}: {len(part)} attributions judged, {is_quote.sum()} quotes; the extractor finds "
          f"{found.sum()} of them ({in_found.sum()} quotes) and misses {(~found).sum()} ({in_missed.sum()} quotes)\n")
    rng = np.random.default_rng(0)
    draws = [figures(n_found, n_missed, rng.choice(in_found, len(in_found)), rng.choice(in_missed, len(in_missed)))
             for _ in range(RESAMPLES)]
    print(f"| figure | value | 95% interval ({RESAMPLES} resamples) |\n|---|---|---|")
    for figure, value in figures(n_found, n_missed, in_found, in_missed).items():
        low, high = np.nanpercentile([d[figure] for d in draws], [2.5, 97.5])
        print(f"| {figure} | {value:.3f} | {low:.3f}–{high:.3f} |")
    a = np.array([row["is_quote"] for row in part["a"]])
    b = np.array([row["is_quote"] for row in part["b"]])
    kinds = pd.Series([row["kind"] for row in part["a"]])[~is_quote].value_counts()
    print(f"\nTwo blind annotators: agreement {np.mean(a == b):.3f}, Cohen's kappa {kappa(a, b):.3f} "
          f"({int((a != b).sum())} disagreements adjudicated). Not quotes, by the first annotator's kind: "
          + ", ".join(f"{k} {v}" for k, v in kinds.items()))


def main() -> None:
    articles, gold = load_polnear(DATA / "polnear" / "dev")
    predicted = stance.extract(articles).reset_index(drop=True)
    matched, _, _ = _match(_quote_frame(gold, "gold"), _quote_frame(predicted, "predicted"))
    gold = gold.assign(found=matched)
    judged = pd.read_json(JUDGED, lines=True)
    table = judged.merge(gold[["article_id", "attribution_id", "start", "end", "found", "quote_type"]],
                         on=["article_id", "attribution_id", "start", "end"], how="left", validate="one_to_one")
    if table["found"].isna().any():
        raise SystemExit(f"{JUDGED}: {int(table['found'].isna().sum())} rows match no PolNeAR dev attribution")
    indirect = gold[gold.quote_type == "indirect"]
    n_found = int(indirect.found.sum())
    print(f"PolNeAR dev: {len(indirect)} indirect attributions; the extractor finds {n_found} (recall "
          f"{indirect.found.mean():.3f}); {len(table)} of them judged under LABELS.md §1 ({JUDGED.name})")
    for sample, part in table.groupby("sample"):
        report(SAMPLES.get(sample, f"sample {sample}"), part, n_found, len(indirect) - n_found)
    print("\nRerun: .venv/bin/python benchmarks/polnear_contract.py")


if __name__ == "__main__":
    main()
