"""Extraction precision under LABELS.md on news outside the war: the spans the extractor finds in NewsMTSC's
training sentences, judged quote or not by blind annotators (`data/newsmtsc_quotes.labels.jsonl`: quotes;
`data/newsmtsc_quotes.not_quotes.jsonl`: not quotes; data/README.md).

PolNeAR's precision is lenient (it marks every attribution, speech or not); this set says how many of the
extractor's spans are quotes as the project's contract defines them (LABELS.md §1). The articles are rebuilt as
the labels were made: each NewsMTSC article's sentences in order, one paragraph each. A span the extractor emits
now is judged when it overlaps a judged span by at least half of its own length; a span none of the annotators
saw (after a rule change) is counted apart, as unjudged. Intervals: 95%, resampling articles.

Also printed: the judged spans the extractor no longer finds (quotes lost, and not-quotes no longer emitted), by
the cue the annotated span had, to read what a rule change did.

Rerun (from the repository root, beside ../shared/data; about a minute on 2 cores):

    .venv/bin/python benchmarks/news_precision.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
DATA = (REPO.parent / "shared" / "data").resolve()
sys.path.insert(0, str(REPO))

import stance  # noqa: E402
from stance.records import Article  # noqa: E402

LABELS = ("newsmtsc_quotes.labels.jsonl", "newsmtsc_quotes.not_quotes.jsonl")
RESAMPLES = 2000


def news_articles(path: Path) -> tuple[list[Article], dict[tuple[str, str], int], list[str]]:
    """NewsMTSC's sentences as articles (an article's sentences in order, one paragraph each, repeats dropped),
    where each sentence starts in its article ((article id, sentence) -> offset), and the sentence of each line."""
    sentences: dict[str, list[tuple[int, str]]] = defaultdict(list)
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        parts = record["primary_gid"].split("_")
        position = int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else 0
        sentences["_".join(parts[:3])].append((position, record["sentence_normalized"]))
        lines.append(record["sentence_normalized"])
    articles, where = [], {}
    for article_id, rows in sentences.items():
        text = ""
        for _, sentence in sorted(rows):  # by position, then words: the order the labels were made in
            if (article_id, sentence) not in where:
                where[(article_id, sentence)] = len(text) + (2 if text else 0)
                text = f"{text}\n\n{sentence}" if text else sentence
        articles.append(Article(article_id, text))
    return articles, where, lines


def main() -> None:
    articles, where, lines = news_articles(DATA / "newsmtsc" / "train.jsonl")
    judged = pd.concat([pd.read_json(REPO / "data" / name, lines=True, dtype=False).assign(quote=name == LABELS[0])
                        for name in LABELS], ignore_index=True)
    # `line` names the sentence's words (its first line in the file); `doc_id` the article it was found in
    judged["article_id"] = judged["doc_id"].astype(str)
    judged["a_start"] = [where[(article, lines[line - 1])] + start
                         for article, line, start in zip(judged["article_id"], judged["line"], judged["start"])]
    judged["a_end"] = judged["a_start"] + (judged["end"] - judged["start"])
    predicted = stance.extract(articles)
    by_article = dict(tuple(judged.groupby("article_id")))
    seen: set[int] = set()
    rows = []  # per article: judged quotes emitted, judged not-quotes emitted, unjudged emitted, by group
    for article_id, part in predicted.groupby("article_id"):
        spans = by_article.get(article_id)
        counts = Counter()
        for quote in part.itertuples():
            group = "indirect" if quote.quote_type == "indirect" else "direct+mixed"
            match = None
            if spans is not None:
                overlap = np.minimum(spans["a_end"], quote.end) - np.maximum(spans["a_start"], quote.start)
                # the most overlap, then the judged span nearest in length (a fragment inside a longer quote)
                fit = overlap * 100_000 - ((spans["a_end"] - spans["a_start"]) - (quote.end - quote.start)).abs()
                best = fit.idxmax()
                if overlap[best] * 2 >= quote.end - quote.start:
                    match = best
            if match is None:
                counts[(group, "unjudged")] += 1
                continue
            seen.add(match)
            counts[(group, "quote" if judged.at[match, "quote"] else "not")] += 1
        rows.append(counts)
    print(f"NewsMTSC train sentences as {len(articles):,} articles; {len(judged):,} judged spans; the extractor emits "
          f"{len(predicted):,} spans now\n")
    print("| group | precision (judged spans emitted) | 95% interval | quotes | not quotes | unjudged |")
    print("|---|---|---|---|---|---|")
    rng = np.random.default_rng(0)
    for group in ("direct+mixed", "indirect", "all"):
        names = ("direct+mixed", "indirect") if group == "all" else (group,)
        table = np.array([[sum(c[(g, k)] for g in names) for k in ("quote", "not", "unjudged")] for c in rows], float)
        total = table.sum(axis=0)
        draws = table[rng.integers(0, len(table), size=(RESAMPLES, len(table)))].sum(axis=1)
        low, high = np.percentile(draws[:, 0] / np.maximum(draws[:, 0] + draws[:, 1], 1), [2.5, 97.5])
        print(f"| {group} | {total[0] / (total[0] + total[1]):.3f} | {low:.3f}–{high:.3f} | {int(total[0])} | "
              f"{int(total[1])} | {int(total[2])} |")
    lost = judged.drop(index=list(seen))
    for kind, label in ((True, "quotes no longer found"), (False, "not-quotes no longer emitted")):
        part = lost[lost["quote"] == kind]
        cues = ", ".join(f"{cue or '(none)'} {n}" for cue, n in Counter(str(c).lower() for c in part["cue"])
                         .most_common(12))
        print(f"\nJudged {label}: {len(part)}" + (f" (by cue: {cues})" if len(part) else ""))
    print("\nRerun: .venv/bin/python benchmarks/news_precision.py")


if __name__ == "__main__":
    main()
