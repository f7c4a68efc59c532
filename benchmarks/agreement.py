"""Agreement of the two blind annotations of the double-labelled war quotes (`data/urw_more.double.jsonl`, the
corpus's random subset; `data/urw_extra.double.jsonl`, every span of the later additions;
`data/urw_more.second.jsonl`, the second pass over the rest of the corpus), of the news quotes outside the
war (`data/newsmtsc_quotes.double.jsonl`, a random 240 of the 1,440 NewsMTSC spans), and of a random 200 of the
targeted synthetic quotes (`data/war_quotes.synthetic_targeted.double.jsonl`): Cohen's kappa per task, with a
bootstrap interval over articles, and how the disagreements were resolved.

Tone and stance are scored on the quotes both annotators took for quotes (LABELS.md §1); whether a span is a
quote at all is scored on the spans both annotators judged (the second pass was given spans already taken for
quotes, and labelled tone and stance only).

Rerun (from the repository root, a second):

    .venv/bin/python benchmarks/agreement.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.metrics import cohen_kappa_score

DATA = Path(__file__).resolve().parents[1] / "data"
DOUBLE = (DATA / "urw_more.double.jsonl", DATA / "urw_extra.double.jsonl", DATA / "urw_more.second.jsonl")
NEWS = DATA / "newsmtsc_quotes.double.jsonl"  # news quotes outside the war: reported apart from the war corpus
SYNTHETIC = DATA / "war_quotes.synthetic_targeted.double.jsonl"  # a writer's labels and a blind second reader's


def kappa_with_interval(rows: list[dict], field: str, resamples: int = 1000,
                        seed: int = 0) -> tuple[float, float, float]:
    """Kappa of annotators a and b on `field`, and its 90% interval from resampling whole articles."""
    def kappa(sample: list[dict]) -> float:
        return cohen_kappa_score([r["a"][field] for r in sample], [r["b"][field] for r in sample])

    by_article: dict[str, list[dict]] = {}
    for row in rows:
        by_article.setdefault(row["doc_id"], []).append(row)
    articles = list(by_article)
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(resamples):
        sample = [row for i in rng.integers(0, len(articles), len(articles)) for row in by_article[articles[i]]]
        draws.append(kappa(sample))
    low, high = np.nanpercentile(draws, [5, 95])
    return kappa(rows), float(low), float(high)


def both_quotes(rows: list[dict]) -> list[dict]:
    """The spans both annotators took for quotes; a span given to an annotator as a quote counts as taken."""
    return [r for r in rows if r["a"].get("is_quote", True) and r["b"].get("is_quote", True)]


def table(title: str, rows: list[dict]) -> None:
    quotes = both_quotes(rows)
    judged = [r for r in rows if "is_quote" in r["a"] and "is_quote" in r["b"]]
    print(f"## {title}\ndouble-labelled spans: {len(rows)} in {len({r['doc_id'] for r in rows})} articles; "
          f"taken for quotes by both: {len(quotes)}\n")
    print("| task | items | raw agreement | Cohen's kappa | 90% interval (articles resampled) |")
    print("|---|---|---|---|---|")
    for field, sample in (("is_quote", judged), ("tone", quotes), ("stance", quotes)):
        if not sample:
            continue
        if len({r[x][field] for r in sample for x in "ab"}) < 2:
            print(f"| {field} | {len(sample)} | 1.000 | (one label only) | |")
            continue
        value, low, high = kappa_with_interval(sample, field)
        agree = sum(r["a"][field] == r["b"][field] for r in sample) / len(sample)
        print(f"| {field} | {len(sample)} | {agree:.3f} | {value:.3f} | {low:.3f}–{high:.3f} |")
    resolved = Counter(r["final"]["by"] for r in rows)
    print(f"\nfinal labels: {dict(resolved)} (disagreements resolved under LABELS.md by a third reader)\n")


def read_rows(path: Path) -> list[dict]:
    """The rows of one double-labelled file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def double_labels() -> dict[str, list[dict]]:
    """The rows of each double-labelled file of the war corpus, by file name."""
    return {path.name: read_rows(path) for path in DOUBLE if path.exists()}


def main() -> None:
    files = double_labels()
    for name, rows in files.items():
        table(name, rows)
    table("all double-labelled spans of the war corpus", [row for rows in files.values() for row in rows])
    if NEWS.exists():
        table(NEWS.name + " (news quotes outside the war)", read_rows(NEWS))
    if SYNTHETIC.exists():  # each quote its own `doc_id`: the interval resamples quotes
        table(f"{SYNTHETIC.name} (synthetic quotes: the writer's labels against a blind reader's)",
              read_rows(SYNTHETIC))
    print("rerun: .venv/bin/python benchmarks/agreement.py")


if __name__ == "__main__":
    main()
