"""Attribution errors by kind (issue 18's classes), on the URW gold quotes and PolNeAR dev, now and at a git ref.

Sets: the URW gold quotes, PolNeAR dev, and the project's 292 labelled pronoun speakers of the war corpus
(`data/urw_more.pronouns.jsonl`: who each `he`, `she`, `they`, `it` or `who` that speaks refers to), split
into its even rows (the ones pronoun rules were written from) and its odd rows (held out).

Each gold quote the extractor finds but gives the wrong speaker is put in one class by the mention it chose:
a pronoun (a chain gone wrong), a capital or country standing for its government, a role noun or title, a junk
span (a participle, a document noun, a fragment, a headline word, nothing), or another name. Gold quotes it
misses are counted as direct ones (marks and formats) and reported speech (indirect), `according to` apart;
predicted quotes that match no gold quote are false quotes; speakers with invisible characters are counted too.

`--before REF` runs the same counts on the package as it stood at REF (a temporary git worktree), so a change's
effect per class shows side by side. The classes are decided by this file's own rules and word lists (read from
this tree's `stance/extraction/lexicon.py` by path), so both columns are counted alike.

Rerun (from the repository root, beside ../shared/data; about 1 minute a tree on 2 cores):

    .venv/bin/python benchmarks/attribution_errors.py
    .venv/bin/python benchmarks/attribution_errors.py --before e746b69   # before issue 18's rules
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = (REPO.parent / "shared" / "data").resolve()
TREE = Path(os.environ.get("STANCE_TREE", REPO))
sys.path.insert(0, str(TREE))

_spec = importlib.util.spec_from_file_location("_lexicon", REPO / "stance" / "extraction" / "lexicon.py")
lexicon = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lexicon)

PRONOUNS = {"he", "she", "they", "it", "him", "her", "his", "their", "its", "we", "i", "them", "us", "you"}
PLACES = {w.lower() for pair in lexicon.CAPITALS.items() for w in pair}
DETERMINERS = {"the", "a", "an", "this", "that", "one", "its", "his", "her", "their"}
INVISIBLE = {chr(c) for c in [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065),
                              *range(0x2066, 0x206A), 0xFEFF, 0x00AD]}
SPEAKER_CLASSES = ["pronoun chain", "place for a government", "role noun or title", "junk span", "other name"]
ROWS = [*(f"wrong speaker: {c}" for c in SPEAKER_CLASSES), "missed direct or mixed quote",
        "missed reported speech: according to", "missed reported speech: other", "false quote",
        "speaker with invisible characters", "pronoun speakers right", "pronoun speakers wrong",
        "pronoun speakers not found"]


def _evaluate(part: str = "quotes"):
    """The quote-scoring module (`quotes`) or the gold readers (`gold`), in this layout or in an older tree's
    (`--before` runs one, where both were `stance.evaluate`)."""
    try:
        return importlib.import_module(f"stance.evaluate.{part}")
    except ImportError:
        return importlib.import_module("stance.evaluate")


def speaker_class(mention: str) -> str:
    """The class of a wrong speaker, by the mention the extractor chose."""
    words = [w.strip(".,’'\"“”") for w in str(mention or "").split()]
    words = [w for w in words if w]
    lower = [w.lower() for w in words]
    content = [w for w in lower if w not in DETERMINERS]
    if not content:
        return "junk span"
    if len(content) == 1 and content[0] in PRONOUNS:
        return "pronoun chain"
    phrase = " ".join(content).removesuffix("’s").removesuffix("'s")
    if phrase in PLACES:
        return "place for a government"
    head = content[-1].removesuffix("’s").removesuffix("'s")
    if head in lexicon.DOCUMENT_NOUNS or lower[0].endswith("ing") or "-" in head or words[0].isupper() \
            and len(words[0]) > 2:
        return "junk span"
    if head in lexicon.ROLE_NOUNS or phrase in lexicon.TITLES or all(w[:1].islower() for w in words):
        return "role noun or title"
    return "other name"


def counts(gold, predicted) -> Counter:
    _match = _evaluate()._match

    predicted = predicted.reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    matched, speaker_right, pred_matched = _match(gold, predicted)
    found = Counter()
    best = _best_match(gold, predicted)
    for g in range(len(gold)):
        kind = gold.at[g, "quote_type"]
        if not matched[g]:
            if kind in ("direct", "mixed"):
                found["missed direct or mixed quote"] += 1
            elif "accord" in str(gold.at[g, "cue"]).lower():
                found["missed reported speech: according to"] += 1
            else:
                found["missed reported speech: other"] += 1
        elif not speaker_right[g]:
            found[f"wrong speaker: {speaker_class(predicted.at[best[g], 'speaker_mention'])}"] += 1
    found["false quote"] = int((~pred_matched).sum())
    found["speaker with invisible characters"] = int(predicted["speaker"].fillna("").map(
        lambda s: any(c in INVISIBLE for c in s)).sum())
    found["gold quotes"] = len(gold)
    return found


def _best_match(gold, predicted) -> dict[int, int]:
    """Per gold row: the predicted row that overlaps it most among those that match it (the one `_match` judges)."""
    span_matches = _evaluate().span_matches

    best = {}
    for g in range(len(gold)):
        rows = predicted.index[(predicted["article_id"] == gold.at[g, "article_id"])]
        g_start, g_end = gold.at[g, "start"], gold.at[g, "end"]
        candidates = [(min(g_end, predicted.at[p, "end"]) - max(g_start, predicted.at[p, "start"]), p)
                      for p in rows if span_matches(predicted.at[p, "start"], predicted.at[p, "end"], g_start, g_end)]
        if candidates:
            best[g] = max(candidates, key=lambda c: (c[0], -c[1]))[1]
    return best


def pronoun_counts(labels, predicted) -> Counter:
    """Pronoun speakers against `data/urw_more.pronouns.jsonl`: per labelled pronoun, the predicted quote whose
    span overlaps the labelled quote and whose mention is that pronoun; right when its speaker matches the labelled
    referent (or, for a pronoun that refers to no one, when it stays unresolved)."""
    speaker_matches = _evaluate().speaker_matches

    found = Counter()
    by_article = dict(tuple(predicted.groupby("article_id")))
    for row in labels.itertuples():
        rows = by_article.get(row.doc_id)
        hits = [] if rows is None else [p for p in rows.itertuples() if p.start < row.quote_end
                                          and row.quote_start < p.end
                                          and str(p.speaker_mention).lower() == row.pronoun.lower()]
        if not hits:
            found["pronoun speakers not found"] += 1
            continue
        hit = hits[0]
        if not row.speaker:
            right = str(hit.speaker).lower() in ("", row.pronoun.lower())
        else:
            right = speaker_matches(hit.speaker, hit.speaker_mention, row.speaker, row.speaker)
        found["pronoun speakers right" if right else "pronoun speakers wrong"] += 1
    return found


def measure() -> dict[str, dict[str, int]]:
    import stance
    readers = _evaluate("gold")
    gold_articles, load_gold_jsonl, load_polnear = readers.gold_articles, readers.load_gold_jsonl, readers.load_polnear

    result = {}
    gold_file = DATA / "urw_articles.gold.jsonl"
    gold = load_gold_jsonl(gold_file)
    gold = gold.rename(columns={"doc_id": "article_id", "type": "quote_type"}) if "doc_id" in gold else gold
    predicted = stance.extract(gold_articles(gold_file))
    result["URW gold"] = dict(counts(gold, predicted))
    articles, gold = load_polnear(DATA / "polnear" / "dev")
    result["PolNeAR dev"] = dict(counts(gold, stance.extract(articles)))
    import pandas as pd

    from stance.records import Article

    labels = pd.read_json(REPO / "data" / "urw_more.pronouns.jsonl", lines=True, dtype={"speaker": str})
    labels["speaker"] = labels["speaker"].fillna("")
    folder = DATA / "urw_articles_more"
    articles = [Article(doc, (folder / f"{doc}.txt").read_text(encoding="utf-8")) for doc in sorted(set(labels.doc_id))]
    predicted = stance.extract(articles)
    # Rules were written from the errors of the even rows (file order); the odd rows are held out.
    for name, part in (("pronouns dev", labels.iloc[0::2]), ("pronouns held out", labels.iloc[1::2])):
        result[name] = dict(pronoun_counts(part, predicted))
        result[name]["gold quotes"] = len(part)
    return result


def measure_at(ref: str) -> dict[str, dict[str, int]]:
    with tempfile.TemporaryDirectory(prefix="stance-before-") as scratch:
        tree = Path(scratch) / "tree"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--quiet", "--detach", str(tree), ref], check=True)
        try:
            out = subprocess.run([sys.executable, __file__, "--json"], check=True, capture_output=True, text=True,
                                 env={**os.environ, "STANCE_TREE": str(tree), "PYTHONPATH": str(tree)}, cwd=REPO)
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=False)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", metavar="REF", help="also count at this git ref (a commit, a tag)")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    import logging

    logging.disable(logging.WARNING)
    now = measure()
    if args.json:
        print(json.dumps(now))
        return
    before = measure_at(args.before) if args.before else None
    sets = list(now)
    width = max(len(s) for s in sets) + 9  # room for the set's name and ' before'
    header = f"{'error class':42}" + "".join(
        f"{s + (' before' if before else ''):>{width}}" + (f"{s + ' now':>{width}}" if before else "") for s in sets)
    print("Attribution errors by class (issue 18); counts of gold quotes, false quotes and speakers\n")
    print(header)
    for row in [*ROWS, "gold quotes"]:
        line = f"{row:42}"
        for s in sets:
            if before:
                line += f"{before[s].get(row, 0):>{width}}"
            line += f"{now[s].get(row, 0):>{width}}"
        print(line)
    print(f"\nRerun: .venv/bin/python benchmarks/attribution_errors.py{' --before ' + args.before if before else ''}")


if __name__ == "__main__":
    main()
