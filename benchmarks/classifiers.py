"""Tone and stance classifiers against lexicon and keyword baselines, and classifier throughput.

Rerun (from the repository root, beside ../shared/data; a few minutes on two cores):

    .venv/bin/pip install -e '.[bench]'          # nltk-vader-sentiment for the VADER baseline
    .venv/bin/python benchmarks/classifiers.py    # or: make bench-classifiers
    .venv/bin/python benchmarks/classifiers.py --tone-model DIR --stance-model DIR --only tone
    .venv/bin/python benchmarks/classifiers.py --write-cards     # also writes the tables into the model cards
    # a recipe variant, trained first by `stance train --config my.toml` (output_dir = DIR):
    .venv/bin/python benchmarks/classifiers.py --only stance --stance-model DIR --stance-recipe my.toml

Tables printed:
1. Tone, NewsMTSC dev_rw at sentence level (sentences whose targets share one polarity): the default model,
   VADER (compound >= 0.05 positive, <= -0.05 negative) and the majority class; macro-F1 and accuracy.
2. Tone and stance on annotated war-news quotes (the gold files' own quote spans and cues: ../shared/data/
   urw_articles.gold.jsonl and the seed's gold): the default models vs VADER and a keyword baseline. The
   default models' second stage trains on urw_articles.gold.jsonl, so their figures here come from
   article-level cross-validation: stage 2 is retrained `--folds` times (default 5) from models/<task>.stage1,
   each time without one group of gold articles, which it then predicts (about 3 minutes a task on 2 cores).
   The seed is never trained on; it gets the folds' mean. A model named with --tone/--stance-model is scored
   as it is, unless --tone/--stance-recipe names the config that trained it: then its stage 2 is
   cross-validated the same way, from that config's `<output_dir>.stage1`.
3. Negotiation vs escalation on real CAMEO-coded news: PLOVER's gold-standard sentences (left out of the
   stance model's training), verbal cooperation (AGREE, CONSULT, SUPPORT) as negotiation and verbal
   conflict (DEMAND, DISAPPROVE, REJECT, THREATEN) as escalation; the model decides by P(negotiation) vs
   P(escalation); the keyword baseline by counts.
4. Stance in three classes on real news sentences no model was trained or tuned on: the project's labels
   (data/newsmtsc_conflict.stance.jsonl) on the 287 NewsMTSC train sentences about war, the military,
   sanctions, summits, talks or a ceasefire; the default model vs the keyword baseline.
Where the stance model records a label prior (the class shares it assumes; stance/classifier.py), tables 2-4
also show it without (`--stance-prior none`).
5. Quotes per second of `TextClassifier.predict` against `transformers.pipeline("text-classification")` on
   the same model and the same quotes (batch size 1, its default, and the same batch size as ours).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing the package

from stance.classifier import TASKS, TextClassifier  # noqa: E402
from stance.corpora import newsmtsc  # noqa: E402
from stance.metrics import score_labels  # noqa: E402
from stance.train import load_train_config, train, trains_on  # noqa: E402

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


RESULTS: list[tuple[str, str, list[dict]]] = []  # (task, title, rows) for the model cards


def show(title: str, rows: list[dict], task: str | None = None) -> None:
    print(f"\n## {title}\n")
    print(pd.DataFrame(rows).to_string(index=False))
    if task:
        RESULTS.append((task, title, rows))


CARD_SECTION = "## Benchmarks"


def _cell(column: str, value) -> str:
    """A table cell: scores keep three decimals (0.650, not 0.65)."""
    return f"{value:.3f}" if column in ("macro-F1", "accuracy") else str(value)


def write_cards(note: str) -> None:
    """Replace the `## Benchmarks` section of each default model's card with this run's tables."""
    from stance.classifier import MODELS_DIR

    for task in ("tone", "stance"):
        card = MODELS_DIR / task / "README.md"
        tables = []
        for tagged, title, rows in RESULTS:
            rows = [r for r in rows if r.get("task", task) == task]
            if tagged in (task, "both") and rows:
                frame = pd.DataFrame(rows).drop(columns=["task"], errors="ignore")
                header = "| " + " | ".join(frame.columns) + " |\n|" + "---|" * len(frame.columns)
                body = "\n".join("| " + " | ".join(_cell(column, v) for column, v in zip(frame.columns, r)) + " |"
                                 for r in frame.itertuples(index=False))
                tables.append(f"### {title}\n\n{header}\n{body}")
        if not card.exists() or not tables:
            continue
        text = card.read_text(encoding="utf-8").split(f"\n{CARD_SECTION}\n")[0].rstrip("\n")
        text += (f"\n\n{CARD_SECTION}\n\nMeasured {time.strftime('%Y-%m-%d')} by `benchmarks/classifiers.py` "
                 f"(rerun: `make bench-classifiers`). {note}\n\n" + "\n\n".join(tables) + "\n")
        card.write_text(text, encoding="utf-8")
        print(f"benchmarks written into {card}")


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


def probabilities(model: TextClassifier, task: str, texts: list[str], cues: list[str]) -> np.ndarray:
    """Per-class probabilities in the task's label order; a model trained with cues reads them."""
    frame = model.predict(texts, cues)
    return frame[[f"{task}_{label}" for label in TASKS[task]]].to_numpy()


def cross_validated(task: str, config_path: Path, gold_path: Path, quotes: pd.DataFrame, folds: int,
                    workdir: Path) -> tuple[np.ndarray, np.ndarray | None]:
    """Probabilities for `quotes` from models that never saw their article: the config's second stage is
    retrained `folds` times from the shipped first stage (`<output_dir>.stage1`), each time with the
    gold file's rows of one group of articles left out and then predicted. Quotes of articles that are
    not in the gold file (the seed) get the mean over the folds. Second, where the models record a label
    prior, the same without it (`--<task>-prior none`); else None."""
    config = load_train_config(config_path)
    if config.stage2 is None or not trains_on(config.stage2, gold_path) or trains_on(replace(config, stage2=None),
                                                                                       gold_path):
        raise SystemExit(f"{config_path}: cross-validation expects the gold file in [[stage2.data]] only")
    first = REPO / f"{config.output_dir.rstrip('/')}.stage1"
    if not (first / "config.json").exists():
        raise SystemExit(f"{first} not found: it is written by `stance train --config {config_path}`")
    gold_rows = pd.read_json(gold_path, lines=True)
    articles = sorted(gold_rows["doc_id"].unique())
    groups = [articles[i::folds] for i in range(folds)]
    probs = np.zeros((len(quotes), len(TASKS[task])))
    plain = np.zeros_like(probs)
    outside = ~quotes["doc_id"].isin(articles).to_numpy()
    for number, held in enumerate(groups):
        kept = workdir / f"{task}-fold{number}.jsonl"
        gold_rows[~gold_rows["doc_id"].isin(held)].to_json(kept, orient="records", lines=True, force_ascii=False)
        data = tuple(replace(s, path=str(kept)) if Path(s.path).resolve() == gold_path.resolve() else s
                     for s in config.stage2.data)
        output = workdir / f"{task}-fold{number}"
        with contextlib.redirect_stdout(io.StringIO()):  # the Trainer's per-step log lines
            train(replace(config.stage2, data=data, init_model=str(first), output_dir=str(output)))
        model = TextClassifier.load(str(output), task)
        with_prior = model.offsets is not None
        inside = quotes["doc_id"].isin(held).to_numpy()
        for mask, weight in ((inside, 1.0), (outside, 1.0 / folds)):
            if mask.any():
                part = quotes[mask]
                texts, cues = part["text"].astype(str).tolist(), part["cue"].fillna("").astype(str).tolist()
                probs[mask] += weight * probabilities(model, task, texts, cues)
                if with_prior:
                    plain[mask] += weight * probabilities(replace(model, offsets=None), task, texts, cues)
        print(f"  {task} fold {number + 1}/{folds}: left out {', '.join(held)}", file=sys.stderr)
    return probs, plain if with_prior else None


NO_PRIOR = "without its label prior (`prior none`)"


def without_prior(model: TextClassifier, measure) -> list[dict]:
    """`[measure(the model without its label prior)]` where the model records one, else no row."""
    return [] if model.offsets is None else [measure(replace(model, offsets=None))]


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
    for task in ("tone", "stance"):
        parser.add_argument(f"--{task}-recipe", type=Path, default=None,
                            help=f"the train config that made --{task}-model (default: configs/{task}.toml for the "
                                 "shipped model); where it trains on the gold war quotes, they are measured by CV of "
                                 "its stage 2 from its `<output_dir>.stage1`")
    parser.add_argument("--only", choices=["tone", "stance", "speed"], action="append")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--folds", type=int, default=5, help="article groups for the war-quote cross-validation")
    parser.add_argument("--write-cards", action="store_true",
                        help="write the tables into models/tone/README.md and models/stance/README.md")
    args = parser.parse_args()
    if args.write_cards and (args.only or args.tone_model != "default" or args.stance_model != "default"):
        # A card holds every table of its default model: a partial run or another model would overwrite them.
        parser.error("--write-cards writes the default models' cards from a full run; "
                     "run it without --only, --tone-model and --stance-model")
    only = set(args.only or ["tone", "stance", "speed"])
    tone = TextClassifier.load(args.tone_model, "tone")
    stance = TextClassifier.load(args.stance_model, "stance")
    print(f"tone model: {args.tone_model}; stance model: {args.stance_model}")
    names = {task: "stance default" if model == "default" else model  # how each model is named in the tables
             for task, model in (("tone", args.tone_model), ("stance", args.stance_model))}

    if "tone" in only:
        dev = newsmtsc(args.data / "newsmtsc" / "dev_rw.jsonl")
        gold = dev["label"].astype(str).tolist()
        texts = dev["text"].astype(str).tolist()
        majority = max(set(gold), key=gold.count)
        show("Tone, NewsMTSC dev_rw, sentence level", [
            row(names["tone"], "tone", gold, tone.predict(texts)["tone"].tolist()),
            row("VADER (nltk-vader-sentiment)", "tone", gold, vader_tone(texts)),
            row(f"majority ({majority})", "tone", gold, [majority] * len(gold)),
        ], task="tone")

    war_gold = args.data / "urw_articles.gold.jsonl"
    quotes = gold_quotes([war_gold, REPO / "seeds" / "000_425a455c3402a5f3.gold.jsonl"])
    if not quotes.empty and ("tone" in only or "stance" in only):
        texts = quotes["text"].astype(str).tolist()
        cues = quotes["cue"].fillna("").astype(str).tolist()
        rows, probs = [], {}
        for task, model, name in (("tone", tone, args.tone_model), ("stance", stance, args.stance_model)):
            if task not in only:
                continue
            shipped = REPO / "configs" / f"{task}.toml" if name == "default" else None
            config = getattr(args, f"{task}_recipe") or shipped
            if config is not None and trains_on(load_train_config(config), war_gold):
                # The shipped model learnt from these gold labels: measure its recipe by article-level CV.
                with tempfile.TemporaryDirectory() as workdir:
                    probs[task], plain = cross_validated(task, config, war_gold, quotes, args.folds, Path(workdir))
                system = f"{names[task]} ({args.folds}-fold CV by article)"
            else:
                probs[task] = probabilities(model, task, texts, cues)
                plain = probabilities(replace(model, offsets=None), task, texts, cues) \
                    if model.offsets is not None else None
                system = names[task]
            predicted = [TASKS[task][i] for i in probs[task].argmax(axis=1)]
            rows.append({**row(system, task, quotes[task].tolist(), predicted), "task": task})
            if plain is not None:
                rows.append({**row(f"{system}, {NO_PRIOR}", task, quotes[task].tolist(),
                                   [TASKS[task][i] for i in plain.argmax(axis=1)]), "task": task})
            if task == "tone":
                rows.append({**row("VADER", "tone", quotes["tone"].tolist(), vader_tone(texts)), "task": "tone"})
            else:
                rows.append({**row("keywords", "stance", quotes["stance"].tolist(),
                                   [keyword_stance(t) for t in texts]), "task": "stance"})
        show(f"War-news quotes ({len(quotes)} gold quotes: urw_articles.gold.jsonl + seed), gold spans", rows,
             task="both")
        if "stance" in probs:
            stance_gold = quotes["stance"].tolist()
            pushed = [i for i, g in enumerate(stance_gold) if g in ("escalation", "negotiation")]
            show("War-news quotes, negotiation vs escalation (gold non-neutral quotes)", [
                binary_row(names["stance"], [stance_gold[i] for i in pushed], binary_decision(probs["stance"][pushed])),
                binary_row("keywords", [stance_gold[i] for i in pushed],
                           [keyword_stance(texts[i], three_way=False) for i in pushed]),
            ], task="stance")
        seed = quotes["doc_id"].str.startswith("000_").to_numpy()
        agree = {task: int(sum(TASKS[task][i] == g for i, g in zip(probs[task][seed].argmax(axis=1),
                                                                      quotes[task][seed]))) for task in probs}
        show("Seed article (never trained on): predictions that agree with its gold labels",
             [{"task": task, "quotes": int(seed.sum()), "agree": agree[task]} for task in probs], task="both")

    if "stance" in only:
        plover = plover_binary(args.data / "events" / "PLOVER_GSR_CAMEO.json")
        texts, gold = plover["text"].tolist(), plover["label"].tolist()
        show("Negotiation vs escalation, PLOVER CAMEO-coded news (verbal cooperation vs verbal conflict; "
             "held out from training)", [
                 binary_row(names["stance"], gold, binary_decision(stance.predict_proba(texts))),
                 *without_prior(stance, lambda model: binary_row(f"{names['stance']}, {NO_PRIOR}", gold,
                                                                 binary_decision(model.predict_proba(texts)))),
                 binary_row("keywords", gold, [keyword_stance(t, three_way=False) for t in texts]),
             ], task="stance")
        sentences = pd.read_json(REPO / "data" / "newsmtsc_conflict.stance.jsonl", lines=True)
        texts, gold = sentences["text"].astype(str).tolist(), sentences["stance"].tolist()
        show("Stance, NewsMTSC sentences about conflict (the project's labels; never trained on)", [
            row(names["stance"], "stance", gold, stance.predict(texts)["stance"].tolist()),
            *without_prior(stance, lambda model: row(f"{names['stance']}, {NO_PRIOR}", "stance", gold,
                                                     model.predict(texts)["stance"].tolist())),
            row("keywords", "stance", gold, [keyword_stance(t) for t in texts]),
        ], task="stance")

    if "speed" in only:
        texts = gold_quotes([args.data / "urw_articles.gold.jsonl"])["text"].astype(str).tolist()
        texts = (texts * (1 + 512 // max(1, len(texts))))[:512]
        show("Throughput on the same model (tone) and quotes", throughput(tone, texts, args.repeats), task="both")

    if args.write_cards:
        write_cards(f"{os.cpu_count()} CPU cores. War-quote figures of a model trained on the gold war labels "
                    "come from article-level cross-validation of its second stage (no quote is scored by a model "
                    "that saw its article).")


if __name__ == "__main__":
    main()
