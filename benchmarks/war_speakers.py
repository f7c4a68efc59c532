"""Speaker accuracy on war news that no attribution rule was written from: the corpus's speakers labelled blind.

`data/urw_more.speakers.jsonl` gives, for every quote of the war corpus (`data/urw_more.labels.jsonl`, 1,685
quotes of 179 articles of `../shared/data/urw_articles_more/`), who said it, labelled by hand under LABELS.md §2
by annotators who saw the article and the quote span but not the extractor's speaker. The extractor is run on
those articles and each labelled quote it finds is scored the way `stance evaluate quotes` scores one (the span
half inside, the speaker by surname or mention). The quote spans came from an older extractor, so recall and
precision here say little; the figure is speaker accuracy, by quote type, with 95% intervals that resample whole
articles.

The articles are split in two by their sorted ids: the even ones (`rules`) may be read for errors when writing a
rule; the odd ones (`held out`) may not, and are the figure to quote. Wrong speakers are put in issue 18's classes
by the mention the extractor chose (`attribution_errors.speaker_class`). `--errors` lists the wrong speakers of
the `rules` half; `--errors-all` of both (for reading after a rule is fixed, not before).

The double-labelled articles' agreement (the same source for a quote, judged by the evaluator's own speaker rule
both ways) is printed first. The attribution confidence (fitted on PolNeAR train) is checked here too: the share of
found quotes with the right speaker at confidence ≥ 0.8, ≥ 0.5 and below. So is the speaker's type (person,
organization, group, unknown) against the labelled one.

Rerun (from the repository root, beside ../shared/data; about 1 minute on 2 cores):

    .venv/bin/python benchmarks/war_speakers.py
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
DATA = (REPO.parent / "shared" / "data").resolve()
LABELS = REPO / "data" / "urw_more.speakers.jsonl"
DOUBLE = REPO / "data" / "urw_more.speakers_double.jsonl"
ARTICLES = DATA / "urw_articles_more"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from attribution_errors import SPEAKER_CLASSES, _best_match, speaker_class  # noqa: E402

import stance  # noqa: E402
from stance.evaluate.quotes import _match, speaker_matches  # noqa: E402
from stance.records import Article  # noqa: E402

RESAMPLES = 2000
GROUPS = {"direct+mixed": ("direct", "mixed"), "indirect": ("indirect",), "all": ("direct", "mixed", "indirect")}


def load_labels(path: Path = LABELS) -> pd.DataFrame:
    """The labelled quotes (those the annotators took for quotes), in the scorer's column names, with `half`."""
    labels = pd.read_json(path, lines=True, dtype={"speaker": str, "speaker_mention": str})
    labels = labels[labels["is_quote"]].rename(columns={"doc_id": "article_id", "type": "quote_type"})
    for column in ("speaker", "speaker_mention"):
        labels[column] = labels[column].fillna("")
    order = {doc: i for i, doc in enumerate(sorted(set(labels["article_id"])))}
    labels["half"] = labels["article_id"].map(lambda doc: "rules" if order[doc] % 2 == 0 else "held out")
    return labels.reset_index(drop=True)


def agreement(path: Path = DOUBLE) -> tuple[int, int]:
    """Quotes both annotators took for quotes, and how many of them they gave the same source."""
    both = same = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        a, b = row["a"], row["b"]
        if not (a["is_quote"] and b["is_quote"]):
            continue
        both += 1
        same += speaker_matches(a["speaker"], a["speaker_mention"], b["speaker"], b["speaker_mention"]) and \
            speaker_matches(b["speaker"], b["speaker_mention"], a["speaker"], a["speaker_mention"])
    return both, same


def score(labels: pd.DataFrame, predicted: pd.DataFrame) -> pd.DataFrame:
    """Per labelled quote: found, speaker right, and the class of a wrong speaker's mention."""
    predicted = predicted.reset_index(drop=True)
    matched, right, _ = _match(labels, predicted)
    out = labels.assign(found=matched, right=right, wrong_class="", predicted_speaker="", predicted_mention="",
                        confidence=np.nan, predicted_type="")
    for g, p in _best_match(labels, predicted).items():  # the predicted row `_match` judges for each found quote
        best = predicted.loc[p]
        out.at[g, "confidence"] = best.get("attribution_confidence", np.nan)
        out.at[g, "predicted_type"] = best["speaker_type"]
        if not right[g]:
            out.at[g, "predicted_speaker"], out.at[g, "predicted_mention"] = best["speaker"], best["speaker_mention"]
            out.at[g, "wrong_class"] = speaker_class(best["speaker_mention"])
    return out


def interval(table: pd.DataFrame) -> tuple[float, float, float, int]:
    """Speaker accuracy over found quotes, its 95% interval resampling articles, and the count found."""
    found = table[table["found"]]
    per_article = found.groupby("article_id")["right"].agg(["sum", "count"]).to_numpy(dtype=float)
    if not len(per_article):
        return float("nan"), float("nan"), float("nan"), 0
    rng = np.random.default_rng(0)
    draws = per_article[rng.integers(0, len(per_article), size=(RESAMPLES, len(per_article)))].sum(axis=1)
    low, high = np.percentile(draws[:, 0] / draws[:, 1], [2.5, 97.5])
    return per_article[:, 0].sum() / per_article[:, 1].sum(), low, high, len(found)


def report(scored: pd.DataFrame) -> None:
    print("| half | group | speaker right | 95% interval | quotes found (of labelled) |\n|---|---|---|---|---|")
    for half in ("held out", "rules", "both"):
        part = scored if half == "both" else scored[scored["half"] == half]
        for group, kinds in GROUPS.items():
            rows = part[part["quote_type"].isin(kinds)]
            value, low, high, n = interval(rows)
            print(f"| {half} | {group} | {value:.3f} | {low:.3f}–{high:.3f} | {n} of {len(rows)} |")
    print("\nAttribution confidence on war news (fitted on PolNeAR train): the share of found quotes with the right "
          "speaker, by the confidence the extractor gave them, both halves\n")
    print("| confidence | quotes | speaker right | mean confidence |\n|---|---|---|---|")
    found = scored[scored["found"]]
    for name, rows in (("≥ 0.8", found["confidence"] >= 0.8), ("≥ 0.5", found["confidence"] >= 0.5),
                       ("< 0.5", found["confidence"] < 0.5)):
        part = found[rows]
        print(f"| {name} | {len(part)} | {part['right'].mean():.3f} | {part['confidence'].mean():.3f} |")
    print("\nSpeaker type (person, organization, group, unknown) as labelled, on the found quotes\n")
    print("| half | type right | quotes |\n|---|---|---|")
    for half in ("held out", "rules"):
        part = found[found["half"] == half]
        print(f"| {half} | {(part['predicted_type'] == part['speaker_type']).mean():.3f} | {len(part)} |")
    print("\nWrong speakers by class (issue 18's classes, by the mention the extractor chose)\n")
    print("| class | held out | rules |\n|---|---|---|")
    for name in SPEAKER_CLASSES:
        counts = Counter(scored.loc[scored["wrong_class"] == name, "half"])
        print(f"| {name} | {counts['held out']} | {counts['rules']} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list the wrong speakers of the `rules` half")
    parser.add_argument("--errors-all", action="store_true", help="list the wrong speakers of both halves")
    args = parser.parse_args()
    import logging

    logging.disable(logging.WARNING)
    if not LABELS.is_file() or not ARTICLES.is_dir():
        print(f"no {LABELS.name} or no {ARTICLES}: skipped")
        return
    if DOUBLE.is_file():
        both, same = agreement(DOUBLE)
        print(f"Agreement of two blind annotators on the source: {same} of {both} quotes ({same / both:.3f})\n")
    labels = load_labels(LABELS)
    articles = [Article(doc, (ARTICLES / f"{doc}.txt").read_text(encoding="utf-8"))
                for doc in sorted(set(labels["article_id"]))]
    scored = score(labels, stance.extract(articles))
    print(f"War corpus speakers ({labels['article_id'].nunique()} articles, {len(labels)} labelled quotes; "
          f"95% intervals, {RESAMPLES} resamples of articles)\n")
    report(scored)
    if args.errors or args.errors_all:
        wrong = scored[scored["found"] & ~scored["right"]]
        if not args.errors_all:
            wrong = wrong[wrong["half"] == "rules"]
        print()
        for row in wrong.itertuples():
            print(f"{row.article_id}:{row.start}-{row.end} [{row.quote_type}; {row.wrong_class}] "
                  f"labelled {row.speaker!r} ({row.speaker_mention!r}); predicted {row.predicted_speaker!r} "
                  f"({row.predicted_mention!r}) :: {row.text[:90]}")
    print("\nRerun: .venv/bin/python benchmarks/war_speakers.py")


if __name__ == "__main__":
    main()
