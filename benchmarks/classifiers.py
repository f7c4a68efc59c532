"""Tone and stance classifiers against lexicon and keyword baselines, and classifier throughput.

Rerun (from the repository root, beside ../shared/data; a few minutes on two cores):

    .venv/bin/pip install -e '.[bench]'          # nltk-vader-sentiment for the VADER baseline
    .venv/bin/python benchmarks/classifiers.py    # or: make bench-classifiers
    .venv/bin/python benchmarks/classifiers.py --tone-model DIR --stance-model DIR --only tone

Tables printed:
1. Tone, NewsMTSC dev_rw at sentence level (sentences whose targets share one polarity): the default model,
   VADER (compound >= 0.05 positive, <= -0.05 negative) and the majority class; macro-F1 and accuracy.
2. Tone and stance on annotated war-news quotes (the gold files' own quote spans: ../shared/data/
   urw_articles.gold.jsonl and the seed's gold): the default models vs VADER and a keyword baseline.
3. Negotiation vs escalation on real CAMEO-coded news: PLOVER's gold-standard sentences (left out of the
   stance model's training), verbal cooperation (AGREE, CONSULT, SUPPORT) as negotiation and verbal
   conflict (DEMAND, DISAPPROVE, REJECT, THREATEN) as escalation; the model decides by P(negotiation) vs
   P(escalation); the keyword baseline by counts.
4. Quotes per second of `TextClassifier.predict` against `transformers.pipeline("text-classification")` on
   the same model and the same quotes (batch size 1, its default, and the same batch size as ours).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing the package

from stance.classifier import TASKS, TextClassifier  # noqa: E402
from stance.corpora import newsmtsc  # noqa: E402
from stance.metrics import score_labels  # noqa: E402

ESCALATION_WORDS = r"attack|strike|weapon|missile|sanction|retaliat|destroy|war\b|force|threat|punish|defeat|" \
                   r"invade|invasion|kill|bomb|tank|troops|military|fight|escalat|nuclear|aggress|crush|victory|" \
                   r"pressure|ultimatum|reject|refuse|condemn|accuse|demand"
NEGOTIATION_WORDS = r"talks|negotiat|ceasefire|cease-fire|peace|dialogue|diplomac|agreement|agree|compromise|" \
                    r"truce|de-escalat|deescalat|exchange|mediat|meet|settle|cooperat|treaty|accord|welcome"


def keyword_stance(text: str, three_way: bool = True) -> str:
    text = text.lower()
    escalation = len(re.findall(ESCALATION_WORDS, text))
    negotiation = len(re.findall(NEGOTIATION_WORDS, text))
    if escalation > negotiation:
        return "escalation"
    if negotiation > escalation:
        return "negotiation"
    return "neutral" if three_way else "escalation"


def vader_tone(texts: list[str]) -> list[str]:
    from vader import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    labels = []
    for text in texts:
        compound = analyzer.polarity_scores(text)["compound"]
        labels.append("positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral")
    return labels


def row(name: str, task: str, gold: list[str], predicted: list[str]) -> dict:
    scores = score_labels(task, TASKS[task], gold, predicted)
    return {"system": name, "n": scores.n, "macro-F1": round(scores.macro_f1, 3), "accuracy": round(scores.accuracy, 3)}


def binary_row(name: str, gold: list[str], predicted: list[str]) -> dict:
    scores = score_labels("stance", ("escalation", "negotiation"), gold, predicted)
    return {"system": name, "n": scores.n, "macro-F1": round(scores.macro_f1, 3), "accuracy": round(scores.accuracy, 3)}


def show(title: str, rows: list[dict]) -> None:
    print(f"\n## {title}\n")
    print(pd.DataFrame(rows).to_string(index=False))


def gold_quotes(paths: list[Path]) -> pd.DataFrame:
    records = []
    for path in paths:
        if path.exists():
            records += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return pd.DataFrame.from_records(records)


def plover_binary(path: Path) -> pd.DataFrame:
    negotiation = {"AGREE", "CONSULT", "SUPPORT"}
    escalation = {"DEMAND", "DISAPPROVE", "REJECT", "THREATEN"}
    rows = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        event, text = record.get("event"), (record.get("text") or "").strip()
        if text and event in negotiation | escalation:
            rows.append({"text": text, "label": "negotiation" if event in negotiation else "escalation"})
    return pd.DataFrame(rows)


def binary_decision(probs: np.ndarray) -> list[str]:
    labels = TASKS["stance"]
    esc, neg = probs[:, labels.index("escalation")], probs[:, labels.index("negotiation")]
    return ["negotiation" if n > e else "escalation" for e, n in zip(esc, neg)]


def throughput(classifier: TextClassifier, texts: list[str], repeats: int) -> list[dict]:
    from transformers import pipeline

    pipe = pipeline("text-classification", model=classifier.model, tokenizer=classifier.tokenizer, device="cpu",
                    top_k=None, truncation=True, max_length=classifier.max_length)
    classifier.predict(texts[:8])
    pipe(texts[:8])
    rows = []
    for name, run in (
        ("stance TextClassifier (sorted, padded per batch)", lambda: classifier.predict(texts)),
        ("transformers.pipeline, batch_size=1 (default)", lambda: pipe(texts)),
        (f"transformers.pipeline, batch_size={classifier.batch_size}",
         lambda: pipe(texts, batch_size=classifier.batch_size)),
    ):
        best = min(_timed(run) for _ in range(repeats))
        rows.append({"system": name, "quotes": len(texts), "seconds": round(best, 2),
                     "quotes/s": round(len(texts) / best, 1)})
    base = rows[0]["quotes/s"]
    for item in rows:
        item["ours ÷ this"] = round(base / item["quotes/s"], 2)
    return rows


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--tone-model", default="default")
    parser.add_argument("--stance-model", default="default")
    parser.add_argument("--only", choices=["tone", "stance", "speed"], action="append")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    only = set(args.only or ["tone", "stance", "speed"])
    tone = TextClassifier.load(args.tone_model, "tone")
    stance = TextClassifier.load(args.stance_model, "stance")
    print(f"tone model: {args.tone_model}; stance model: {args.stance_model}")

    if "tone" in only:
        dev = newsmtsc(args.data / "newsmtsc" / "dev_rw.jsonl")
        gold = dev["label"].astype(str).tolist()
        texts = dev["text"].astype(str).tolist()
        majority = max(set(gold), key=gold.count)
        show("Tone, NewsMTSC dev_rw, sentence level", [
            row("stance default", "tone", gold, tone.predict(texts)["tone"].tolist()),
            row("VADER (nltk-vader-sentiment)", "tone", gold, vader_tone(texts)),
            row(f"majority ({majority})", "tone", gold, [majority] * len(gold)),
        ])

    quotes = gold_quotes([args.data / "urw_articles.gold.jsonl", REPO / "seeds" / "000_425a455c3402a5f3.gold.jsonl"])
    if not quotes.empty and ("tone" in only or "stance" in only):
        texts = quotes["text"].astype(str).tolist()
        tone_gold, stance_gold = quotes["tone"].tolist(), quotes["stance"].tolist()
        stance_probs = stance.predict_proba(texts)
        stance_pred = [TASKS["stance"][i] for i in stance_probs.argmax(axis=1)]
        keyword = [keyword_stance(t) for t in texts]
        show(f"War-news quotes ({len(quotes)} gold quotes: urw_articles.gold.jsonl + seed), gold spans", [
            {**row("stance default", "tone", tone_gold, tone.predict(texts)["tone"].tolist()), "task": "tone"},
            {**row("VADER", "tone", tone_gold, vader_tone(texts)), "task": "tone"},
            {**row("stance default", "stance", stance_gold, stance_pred), "task": "stance (3-class)"},
            {**row("keywords", "stance", stance_gold, keyword), "task": "stance (3-class)"},
        ])
        pushed = [i for i, g in enumerate(stance_gold) if g in ("escalation", "negotiation")]
        show("War-news quotes, negotiation vs escalation (gold non-neutral quotes)", [
            binary_row("stance default", [stance_gold[i] for i in pushed],
                       binary_decision(stance_probs[pushed])),
            binary_row("keywords", [stance_gold[i] for i in pushed],
                       [keyword_stance(texts[i], three_way=False) for i in pushed]),
        ])

    if "stance" in only:
        plover = plover_binary(args.data / "events" / "PLOVER_GSR_CAMEO.json")
        texts, gold = plover["text"].tolist(), plover["label"].tolist()
        show("Negotiation vs escalation, PLOVER CAMEO-coded news (verbal cooperation vs verbal conflict; "
             "held out from training)", [
                 binary_row("stance default", gold, binary_decision(stance.predict_proba(texts))),
                 binary_row("keywords", gold, [keyword_stance(t, three_way=False) for t in texts]),
             ])

    if "speed" in only:
        texts = gold_quotes([args.data / "urw_articles.gold.jsonl"])["text"].astype(str).tolist()
        texts = (texts * (1 + 512 // max(1, len(texts))))[:512]
        show("Throughput on the same model (tone) and quotes", throughput(tone, texts, args.repeats))


if __name__ == "__main__":
    main()
