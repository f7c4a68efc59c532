"""The shipped tone+stance model against baselines, held out, with intervals; calibration; throughput.

Rerun (from the repository root, beside ../shared/data; 2 CPU cores):

    make bench-classifiers                           # = the line below, after installing the [bench] extra
    .venv/bin/python benchmarks/classifiers.py       # every table; the corpus CV retrains 5 times (~45 min)
    .venv/bin/python benchmarks/classifiers.py --folds 0          # without the corpus CV (a few minutes)
    .venv/bin/python benchmarks/classifiers.py --model DIR --recipe my.toml   # another joint model and recipe
    .venv/bin/python benchmarks/classifiers.py --write-card       # also writes the tables into models/quotes/README.md

Intervals are 95% bootstrap intervals over articles (1,000 resamples; quotes of one article move together).

Tables printed:
1. Tone, NewsMTSC dev_rw at sentence level: the model, VADER and the majority class.
1b. Tone on the project's 4,181 labelled news quotes outside the war (data/newsmtsc_quotes.labels.jsonl), read
   with their cues: held out unless the recipe trains on them (the table says which).
2. War-news quotes held out from training (../shared/data/urw_articles.gold.jsonl, labelled by others, and
   the seed's gold; the recipe never trains on either): tone and stance macro-F1 with intervals, with and
   without the label prior, against VADER and a keyword baseline; the stance confusion matrix.
3. Article-grouped cross-validation on the project's war-quote corpus (data/urw_more.labels.jsonl): the recipe
   is retrained `--folds` times, each time without one group of the corpus's articles, which it then predicts.
4. Calibration on the held-out quotes of table 2: expected calibration error with the temperature the model
   was trained with and without it (T = 1).
5. Negotiation vs escalation on PLOVER's CAMEO-coded news (never trained on); stance in three classes on the
   project's NewsMTSC conflict sentences (never trained on).
6. The 10 gold war articles and the seed via `stance score` (its own extraction, speakers and cues, as the issue's
   held-out figure is measured): macro-F1 on the gold quotes it finds (a predicted quote covering at least half
   of a gold span), with intervals; for the seed, quotes found and labels agreeing.
7. Agreement of the double-labelled corpus subset (Cohen's kappa; benchmarks/agreement.py).
8. int8 dynamic quantisation: macro-F1 and speed against float32.
9. Quotes per second classifying both tasks: `stance.pipeline.label_texts` (one encoder pass for both
   heads) against two `transformers.pipeline` passes (one a task) over MiniLM-L6 sequence classifiers, on the
   same quotes, best of three runs alternated.
"""

from __future__ import annotations

import argparse
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
NEWS_QUOTES = REPO / "data" / "newsmtsc_quotes.labels.jsonl"
sys.path.insert(0, str(REPO))  # run from a checkout without installing the package

from stance.classifier.calibration import expected_calibration_error  # noqa: E402
from stance.classifier.model import TextClassifier, predict_tasks  # noqa: E402
from stance.metrics import score_labels  # noqa: E402
from stance.schema import TASKS  # noqa: E402
from stance.train.corpora import newsmtsc  # noqa: E402
from stance.train.joint_config import load_joint_config, trains_on  # noqa: E402

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


def interval(task: str, labels: tuple[str, ...], gold: list[str], predicted: list[str], groups: list[str] | None,
             resamples: int = 1000, seed: int = 0) -> str:
    """The 95% bootstrap interval of macro-F1, resampling whole groups (articles) or single rows."""
    gold, predicted = np.asarray(gold, dtype=object), np.asarray(predicted, dtype=object)
    keys = np.asarray(groups if groups is not None else range(len(gold)))
    members = [np.flatnonzero(keys == key) for key in dict.fromkeys(keys.tolist())]
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(resamples):
        rows = np.concatenate([members[i] for i in rng.integers(0, len(members), len(members))])
        draws.append(score_labels(task, labels, gold[rows].tolist(), predicted[rows].tolist()).macro_f1)
    low, high = np.percentile(draws, [2.5, 97.5])
    return f"{low:.3f}–{high:.3f}"


def row(name: str, task: str, gold: list[str], predicted: list[str], groups: list[str] | None = None,
        labels: tuple[str, ...] | None = None) -> dict:
    labels = labels or TASKS[task]
    scores = score_labels(task, labels, gold, predicted)
    return {"system": name, "n": scores.n, "macro-F1": round(scores.macro_f1, 3),
            "95% interval": interval(task, labels, gold, predicted, groups), "accuracy": round(scores.accuracy, 3)}


def binary_row(name: str, gold: list[str], predicted: list[str]) -> dict:
    return row(name, "stance", gold, predicted, labels=("escalation", "negotiation"))


RESULTS: list[tuple[str, str, list[dict]]] = []  # (task, title, rows) for the model cards


def show(title: str, rows: list[dict], task: str | None = "both") -> None:
    print(f"\n## {title}\n", flush=True)
    print(pd.DataFrame(rows).to_string(index=False), flush=True)
    if task:
        RESULTS.append((task, title, rows))


CARD_SECTION = "## Benchmarks"


def _cell(column: str, value) -> str:
    """A table cell: scores keep three decimals (0.650, not 0.65)."""
    return f"{value:.3f}" if column in ("macro-F1", "accuracy") else str(value)


def write_card(card: Path, note: str) -> None:
    """Replace the `## Benchmarks` section of the model card with this run's tables."""
    tables = []
    for _, title, rows in RESULTS:
        frame = pd.DataFrame(rows)
        header = "| " + " | ".join(frame.columns) + " |\n|" + "---|" * len(frame.columns)
        body = "\n".join("| " + " | ".join(_cell(column, v) for column, v in zip(frame.columns, r)) + " |"
                         for r in frame.itertuples(index=False))
        tables.append(f"### {title}\n\n{header}\n{body}")
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


def probabilities(model: TextClassifier, texts: list[str], cues: list[str] | None = None) -> np.ndarray:
    """Per-class probabilities in the task's label order; a model trained with cues reads them."""
    frame = model.predict(texts, cues)
    return frame[[f"{model.task}_{label}" for label in TASKS[model.task]]].to_numpy()


def labels_of(probs: np.ndarray, task: str) -> list[str]:
    return [TASKS[task][i] for i in probs.argmax(axis=1)]


def corpus_cv(recipe: Path, folds: int, workdir: Path) -> pd.DataFrame:
    """Held-out predictions for every quote of the recipe's `split` sources (the corpus, however many files): the
    recipe is retrained `folds` times, each time without one group of the corpus's articles, in every file (the
    fold's dev set is drawn from the rest)."""
    from stance.train.multitask import train_joint

    config = load_joint_config(recipe)
    corpus = [s for s in config.data if s.split]
    if not corpus:
        raise SystemExit(f"{recipe}: no [[data]] source with split = true to cross-validate on")
    tables = {source.path: pd.read_json(REPO / source.path, lines=True) for source in corpus}
    rows = pd.concat(tables.values(), ignore_index=True)
    articles = list(np.random.default_rng(0).permutation(sorted(rows["doc_id"].unique())))
    parts = []
    for number in range(folds):
        held = set(articles[number::folds])
        data = []
        for source in config.data:
            if source.split:
                kept = workdir / f"fold{number}.{len(data)}.jsonl"
                table = tables[source.path]
                table[~table["doc_id"].isin(held)].to_json(kept, orient="records", lines=True, force_ascii=False)
                source = replace(source, path=str(kept))
            data.append(source)
        output = workdir / f"fold{number}"
        started = time.perf_counter()
        train_joint(replace(config, data=tuple(data), output_dir=str(output)))
        test = rows[rows["doc_id"].isin(held)]
        models = [TextClassifier.load(str(output), task) for task in TASKS]
        frames = predict_tasks(models, test["text"].astype(str).tolist(), test["cue"].fillna("").astype(str).tolist())
        part = test[["doc_id", "tone", "stance"]].reset_index(drop=True)
        for task, frame in zip(TASKS, frames):
            part[f"predicted_{task}"] = frame[task].to_numpy()
        parts.append(part)
        print(f"  fold {number + 1}/{folds}: {len(held)} articles, {len(test)} quotes held out "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    return pd.concat(parts, ignore_index=True)


def matched_via_score(articles: dict[str, Path], gold: pd.DataFrame) -> pd.DataFrame:
    """`stance score` on each article (its own extraction, speakers and cues, as a new user runs it); for each
    gold quote, the predicted quote overlapping it most (at least half of the gold span): the gold rows that were
    found, with the predicted labels as `predicted_<task>`."""
    import stance

    found = []
    for doc_id, quotes in gold.groupby("doc_id", sort=False):
        predicted = stance.score(str(articles[doc_id]))
        for quote in quotes.itertuples():
            overlap = (np.minimum(predicted["end"], quote.end)
                       - np.maximum(predicted["start"], quote.start)).clip(lower=0)
            if len(overlap) and overlap.max() >= 0.5 * (quote.end - quote.start):
                match = predicted.iloc[int(overlap.to_numpy().argmax())]
                found.append({**quote._asdict(), **{f"predicted_{task}": match[task] for task in TASKS}})
    return pd.DataFrame(found)


def seed_via_score(article: Path, gold_path: Path) -> list[dict]:
    """The seed article via `stance score`: gold quotes found, and how many of them carry the gold labels."""
    gold = gold_quotes([gold_path])
    found = matched_via_score({doc_id: article for doc_id in gold["doc_id"].unique()}, gold)
    return [{"task": task, "gold quotes": len(gold), "found": len(found),
             "labels agree": int((found[task] == found[f"predicted_{task}"]).sum()) if len(found) else 0}
            for task in TASKS]


def gold_via_score(data: Path, name: str) -> list[dict]:
    """The gold war articles via `stance score` (what the issue's held-out figure measures): macro-F1 on the
    gold quotes it finds, with intervals over articles."""
    gold = gold_quotes([data / "urw_articles.gold.jsonl"])
    found = matched_via_score({doc_id: data / "urw_articles" / f"{doc_id}.txt" for doc_id in gold["doc_id"].unique()},
                              gold)
    groups = found["doc_id"].astype(str).tolist()
    return [{"task": task, "gold quotes": len(gold), "found": len(found),
             **row(name, task, found[task].tolist(), found[f"predicted_{task}"].tolist(), groups)} for task in TASKS]


def quantised(models: list[TextClassifier]) -> list[TextClassifier]:
    """The same classifiers over an int8 dynamically quantised copy of their (shared) model."""
    import copy

    from stance.classifier.model import quantise_int8

    model = quantise_int8(copy.deepcopy(models[0].model))
    return [replace(m, model=model) for m in models]


def throughput(models: list[TextClassifier], texts: list[str], cues: list[str], repeats: int) -> list[dict]:
    """Both tasks: one joint pass against two transformers.pipeline passes (one a task), runs alternated."""
    from transformers import pipeline

    inputs = models[0].inputs(texts, cues)
    pipe = pipeline("text-classification", model=models[0].model, tokenizer=models[0].tokenizer, device="cpu",
                    top_k=None, truncation=True, max_length=models[0].max_length)
    batch = models[0].batch_size
    systems = {
        "stance: one encoder pass, both heads (label_texts)": lambda: predict_tasks(models, texts, cues),
        "two transformers.pipeline passes, batch_size=1 (default)": lambda: [pipe(inputs) for _ in TASKS],
        f"two transformers.pipeline passes, batch_size={batch}": lambda: [pipe(inputs, batch_size=batch)
                                                                           for _ in TASKS],
    }
    predict_tasks(models, texts[:8], cues[:8])
    pipe(inputs[:8])
    best = {name: float("inf") for name in systems}
    for _ in range(repeats):
        for name, run in systems.items():
            best[name] = min(best[name], _timed(run))
    rows = [{"system": name, "quotes": len(texts), "seconds": round(seconds, 2),
             "quotes/s": round(len(texts) / seconds, 1)} for name, seconds in best.items()]
    ours = rows[0]["quotes/s"]
    for item in rows:
        item["ours ÷ this"] = round(ours / item["quotes/s"], 2)
    return rows


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def held_out_rows(models: list[TextClassifier], quotes: pd.DataFrame, name: str) -> tuple[list[dict], dict]:
    texts, cues = quotes["text"].astype(str).tolist(), quotes["cue"].fillna("").astype(str).tolist()
    groups = quotes["doc_id"].astype(str).tolist()
    rows, probs = [], {}
    for model in models:
        task = model.task
        probs[task] = probabilities(model, texts, cues)
        gold = quotes[task].tolist()
        rows.append({"task": task, **row(name, task, gold, labels_of(probs[task], task), groups)})
        if model.offsets is not None:
            plain = probabilities(replace(model, offsets=None), texts, cues)
            rows.append({"task": task, **row(f"{name}, without its label prior", task, gold,
                                             labels_of(plain, task), groups)})
        baseline = ("VADER", vader_tone(texts)) if task == "tone" else \
            ("keywords", [keyword_stance(t) for t in texts])
        rows.append({"task": task, **row(baseline[0], task, gold, baseline[1], groups)})
    return rows, probs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--model", default="default", help="a joint tone+stance model (default: the shipped one)")
    parser.add_argument("--recipe", type=Path, default=REPO / "configs" / "quotes.toml",
                        help="the config that trained --model, for the corpus cross-validation")
    parser.add_argument("--folds", type=int, default=5, help="article groups of the corpus CV (0: skip it)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--write-card", action="store_true", help="write the tables into the model's README.md")
    args = parser.parse_args()
    models = [TextClassifier.load(args.model, task) for task in TASKS]
    tone, stance = models
    name = "stance default" if args.model == "default" else args.model
    print(f"model: {args.model}", flush=True)

    dev = newsmtsc(args.data / "newsmtsc" / "dev_rw.jsonl")
    gold, texts = dev["label"].astype(str).tolist(), dev["text"].astype(str).tolist()
    majority = max(set(gold), key=gold.count)
    show("Tone, NewsMTSC dev_rw, sentence level", [
        row(name, "tone", gold, tone.predict(texts)["tone"].tolist()),
        row("VADER (nltk-vader-sentiment)", "tone", gold, vader_tone(texts)),
        row(f"majority ({majority})", "tone", gold, [majority] * len(gold)),
    ])

    news = pd.read_json(NEWS_QUOTES, lines=True)
    texts, cues = news["text"].astype(str).tolist(), news["cue"].fillna("").astype(str).tolist()
    gold, groups = news["tone"].tolist(), news["doc_id"].astype(str).tolist()
    trained = trains_on(load_joint_config(args.recipe), NEWS_QUOTES, REPO)
    use = f"TRAINED ON by {args.recipe.name}" if trained else "never trained on"
    show(f"Tone, {len(news):,} news quotes outside the war (data/{NEWS_QUOTES.name}: the project's labels on "
         f"NewsMTSC quotes, read with their cues; {use})",
         [row(name, "tone", gold, labels_of(probabilities(tone, texts, cues), "tone"), groups),
          row("VADER (nltk-vader-sentiment)", "tone", gold, vader_tone(texts), groups)])

    seed_gold = REPO / "seeds" / "000_425a455c3402a5f3.gold.jsonl"
    quotes = gold_quotes([args.data / "urw_articles.gold.jsonl", seed_gold])
    rows, probs = held_out_rows(models, quotes, name)
    show(f"War-news quotes held out from training ({len(quotes)} gold quotes of "
         f"{quotes['doc_id'].nunique()} articles: urw_articles.gold.jsonl + seed), gold spans and cues", rows)
    matrix = score_labels("stance", TASKS["stance"], quotes["stance"].tolist(),
                          labels_of(probs["stance"], "stance")).to_dict()["confusion"]["matrix"]
    show("Stance confusion on those quotes (rows gold, columns predicted)",
         [{"gold": label, **dict(zip(TASKS["stance"], counts))} for label, counts in zip(TASKS["stance"], matrix)])
    pushed = quotes["stance"].isin(["escalation", "negotiation"]).to_numpy()
    show("Those quotes, negotiation vs escalation (gold non-neutral)", [
        binary_row(name, quotes["stance"][pushed].tolist(), binary_decision(probs["stance"][pushed])),
        binary_row("keywords", quotes["stance"][pushed].tolist(),
                   [keyword_stance(t, three_way=False) for t in quotes["text"][pushed]]),
    ])
    ece = []
    for model in models:
        y = np.array([TASKS[model.task].index(v) for v in quotes[model.task]])
        texts, cues = quotes["text"].astype(str).tolist(), quotes["cue"].fillna("").astype(str).tolist()
        ece.append({"task": model.task, "temperature": round(model.temperature, 3),
                    "ECE, T = 1": round(expected_calibration_error(
                        probabilities(replace(model, temperature=1.0), texts, cues), y), 3),
                    "ECE, calibrated": round(expected_calibration_error(probabilities(model, texts, cues), y), 3)})
    show("Calibration on the held-out quotes (15 bins; the temperature was fitted on the recipe's dev articles)", ece)

    if args.folds > 0:
        with tempfile.TemporaryDirectory() as workdir:
            cv = corpus_cv(args.recipe, args.folds, Path(workdir))
        groups = cv["doc_id"].astype(str).tolist()
        show(f"Article-grouped {args.folds}-fold CV on the corpus ({len(cv)} quotes of {cv['doc_id'].nunique()} "
             f"articles, {args.recipe.name} retrained per fold)",
             [{"task": task, **row(f"{args.recipe.name} recipe", task, cv[task].tolist(),
                                   cv[f"predicted_{task}"].tolist(), groups)} for task in TASKS])

    plover = plover_binary(args.data / "events" / "PLOVER_GSR_CAMEO.json")
    texts, gold = plover["text"].tolist(), plover["label"].tolist()
    show("Negotiation vs escalation, PLOVER CAMEO-coded news (verbal cooperation vs verbal conflict; never "
         "trained on)", [
             binary_row(name, gold, binary_decision(stance.predict_proba(texts))),
             *([] if stance.offsets is None else [binary_row(f"{name}, without its label prior", gold, binary_decision(
                 replace(stance, offsets=None).predict_proba(texts)))]),
             binary_row("keywords", gold, [keyword_stance(t, three_way=False) for t in texts]),
         ])
    sentences = pd.read_json(REPO / "data" / "newsmtsc_conflict.stance.jsonl", lines=True)
    texts, gold = sentences["text"].astype(str).tolist(), sentences["stance"].tolist()
    show("Stance, NewsMTSC sentences about conflict (the project's labels; never trained on)", [
        row(name, "stance", gold, stance.predict(texts)["stance"].tolist()),
        row("keywords", "stance", gold, [keyword_stance(t) for t in texts]),
    ])

    if args.model == "default":
        show("The 10 gold war articles via `stance score` (its own extraction, speakers and cues; the gold quotes "
             "it finds)", gold_via_score(args.data, name))
        show("Seed article via `stance score` (its own extraction and cues; never trained on)",
             seed_via_score(REPO / "seeds" / "000_425a455c3402a5f3.txt", seed_gold))

    sys.path.insert(0, str(REPO / "benchmarks"))
    from agreement import NEWS, SYNTHETIC, both_quotes, double_labels, kappa_with_interval, read_rows

    files = double_labels()
    files["all (war corpus)"] = [row for rows in files.values() for row in rows]
    for extra in (NEWS, SYNTHETIC):  # news quotes outside the war, synthetic quotes: apart from the corpus's figure
        if extra.exists():
            files[extra.name] = read_rows(extra)
    agreement = []
    for name, double in files.items():
        both = both_quotes(double)
        agreement += [{"labels": name, "task": task, "items": len(both), "Cohen's kappa": "{:.3f} ({:.3f}–{:.3f}, 90%)"
                       .format(*kappa_with_interval(both, task))} for task in TASKS]
    show("Agreement of the blind double labels (data/*.double.jsonl; benchmarks/agreement.py)", agreement)

    texts = quotes["text"].astype(str).tolist()
    cues = quotes["cue"].fillna("").astype(str).tolist()
    texts, cues = (texts * (1 + 512 // len(texts)))[:512], (cues * (1 + 512 // len(cues)))[:512]
    small = quantised(models)
    int8_rows, _ = held_out_rows(small, quotes, f"{name}, int8")
    dev_texts = dev["text"].astype(str).tolist()
    speed = {label: min(_timed(lambda: predict_tasks(group, texts, cues)) for _ in range(args.repeats))
             for label, group in (("float32", models), ("int8", small))}
    show("int8 dynamic quantisation (torch.ao.quantization.quantize_dynamic on every Linear layer)", [
        {"model": "float32", "tone, held-out quotes": rows[0]["macro-F1"],
         "stance, held-out quotes": next(r["macro-F1"] for r in rows if r["task"] == "stance"),
         "tone, NewsMTSC dev_rw": RESULTS[0][2][0]["macro-F1"], "quotes/s": round(len(texts) / speed["float32"], 1)},
        {"model": "int8", "tone, held-out quotes": int8_rows[0]["macro-F1"],
         "stance, held-out quotes": next(r["macro-F1"] for r in int8_rows if r["task"] == "stance"),
         "tone, NewsMTSC dev_rw": row("", "tone", dev["label"].astype(str).tolist(),
                                      small[0].predict(dev_texts)["tone"].tolist())["macro-F1"],
         "quotes/s": round(len(texts) / speed["int8"], 1)},
    ])
    show("Throughput, both tasks on the same 512 quotes (best of three, alternated)",
         throughput(models, texts, cues, args.repeats))

    if args.write_card:
        from stance.classifier.model import resolve_model

        write_card(Path(resolve_model(args.model, "tone")) / "README.md",
                   f"{os.cpu_count()} CPU cores. Intervals: 95% bootstrap over articles.")


if __name__ == "__main__":
    main()
