"""Size and browser load time of the HTML report of 1,000 articles.

Rerun (from the repository root; needs Debian's `chromium` for the load time, `apt-get install -y chromium`;
about a minute on two cores):

    .venv/bin/python benchmarks/report_size.py                    # writes /tmp/stance-report-1000.html
    .venv/bin/python benchmarks/report_size.py --articles 200 --random-labels --output /tmp/r.html

The table: the seed article's quotes, scored once with the shipped default models when `models/tone` and
`models/stance` hold models (else, or with `--random-labels`, with random class probabilities), replicated
over N article ids with dates spread evenly over 2025 and eight sources. Printed: the report's size in MB,
the time to write it, and the Chromium load time: the median wall time of `chromium --headless --dump-dom`
on the report (it returns once the page has loaded and its scripts have run; the dump is checked for the
`data-charts="rendered"` flag the report's script sets when every chart is drawn) minus the median of the
same launch on a blank page, so that browser start-up is not counted. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing the package

import stance  # noqa: E402
from stance.schema import LABEL_COLUMNS, apply_dtypes  # noqa: E402

SEED = REPO / "seeds" / "000_425a455c3402a5f3.txt"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1280,2000"]
SOURCES = ("Wire A", "Wire B", "Daily C", "Weekly D", "Radio E", "TV F", "Blog G", "Paper H")


def _has_default_models() -> bool:
    return all(any((REPO / "models" / task / name).exists() for name in ("adapter_config.json", "config.json"))
               for task in ("tone", "stance"))


def random_labels(quotes: pd.DataFrame, seed: int = 0) -> pd.DataFrame:
    """The label columns with random class probabilities (Dirichlet), as a scored table has them."""
    rng = np.random.default_rng(seed)
    frame = quotes.copy()
    for task, labels in (("tone", ("negative", "neutral", "positive")),
                         ("stance", ("escalation", "negotiation", "neutral"))):
        probs = rng.dirichlet(np.ones(3), size=len(frame))
        for i, label in enumerate(labels):
            frame[f"{task}_{label}"] = probs[:, i]
        frame[task] = np.array(labels)[probs.argmax(axis=1)]
        frame[f"{task}_model"] = "random"
    frame["tone_score"] = frame["tone_positive"] - frame["tone_negative"]
    frame["stance_score"] = frame["stance_negotiation"] - frame["stance_escalation"]
    return frame


def scored_table(articles: int, force_random: bool) -> tuple[pd.DataFrame, str]:
    """The seed's scored quotes replicated over `articles` article ids, with title, date, source and url."""
    if _has_default_models() and not force_random:
        seed, labels = stance.score(SEED), "default models"
    else:
        seed, labels = stance.extract(SEED), "random labels"
    parts = []
    days = pd.date_range("2025-01-01", "2025-12-31", freq="D")
    for i in range(articles):
        article_id = f"a{i:04d}"
        part = seed.assign(
            article_id=article_id, quote_id=[f"{article_id}:{s}-{e}" for s, e in zip(seed["start"], seed["end"])],
            title=f"Seed article, copy {i}", date=days[i * len(days) // articles].strftime("%Y-%m-%d"),
            source=SOURCES[i % len(SOURCES)], url=f"https://example.org/news/{article_id}")
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True)
    if labels == "random labels":
        frame = random_labels(frame.drop(columns=[c for c in LABEL_COLUMNS if c in frame]))
    return apply_dtypes(frame), labels


def _launch_seconds(binary: str, url: str, runs: int) -> tuple[float, str]:
    times, dom = [], ""
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            start = time.perf_counter()
            done = subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                                  capture_output=True, text=True, timeout=120)
            times.append(time.perf_counter() - start)
            dom = done.stdout
    return statistics.median(times), dom


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--output", type=Path, default=Path(tempfile.gettempdir()) / "stance-report-1000.html")
    parser.add_argument("--random-labels", action="store_true", help="Do not use the default models.")
    parser.add_argument("--runs", type=int, default=3, help="Chromium launches per page (median).")
    args = parser.parse_args()

    frame, labels = scored_table(args.articles, args.random_labels)
    start = time.perf_counter()
    info = stance.write_report(frame, args.output, title=f"{args.articles} articles (benchmark)")
    written = time.perf_counter() - start
    print(f"table: {info.articles} articles, {info.quotes} quotes, {info.speakers} speakers ({labels})")
    print(f"report: {info.path}  {info.size_bytes / 2**20:.2f} MiB ({info.size_bytes / 1e6:.2f} MB), "
          f"written in {written:.1f} s")

    binary = shutil.which("chromium")
    if binary is None:
        print("chromium: not installed (apt-get install -y chromium); no load time")
        return
    blank, _ = _launch_seconds(binary, "about:blank", args.runs)
    page, dom = _launch_seconds(binary, info.path.resolve().as_uri(), args.runs)
    rendered = 'data-charts="rendered"' in dom
    print(f"chromium load: {page - blank:.2f} s (report {page:.2f} s - blank page {blank:.2f} s, median of "
          f"{args.runs}); charts rendered by DOM dump: {'yes' if rendered else 'NO'}")


if __name__ == "__main__":
    main()
