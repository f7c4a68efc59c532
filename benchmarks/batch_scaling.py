"""Batch runs on a generated corpus: articles/s with 1 and 2 workers, peak memory at 1,000 vs 10,000
articles, and the Ray engine against the local one.

The corpus is PolNeAR's train articles (../shared/data/polnear/train/text, read in place) repeated under new
ids to the size asked for, written as one JSON Lines table in a temporary folder. Every run is a fresh
`stance extract` (or `stance score`) subprocess; peak RSS is the largest sum of resident memory over the
process and all its children, sampled every 0.1 s.

Rerun (from the repository root; the full run takes about 40 minutes on two cores, most of it the 10,000):

    .venv/bin/python benchmarks/batch_scaling.py                       # all three tables
    .venv/bin/python benchmarks/batch_scaling.py --only workers --articles 300
    .venv/bin/python benchmarks/batch_scaling.py --only memory --sizes 1000 10000
    .venv/bin/python benchmarks/batch_scaling.py --only ray --articles 200   # needs pip install -e '.[ray]'
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import psutil

REPO = Path(__file__).resolve().parents[1]
STANCE = [sys.executable, "-m", "stance"]


def make_corpus(source: Path, size: int, path: Path) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(source.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(size):
            handle.write(json.dumps({"id": f"a{i:06d}", "text": texts[i % len(texts)]}) + "\n")
    return path


def run(arguments: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB, process tree) of one stance command."""
    start = time.perf_counter()
    process = psutil.Popen([*STANCE, *arguments], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    if process.returncode not in (0, 3):
        raise SystemExit(f"stance {' '.join(arguments)} failed: {process.stderr.read().decode()[-2000:]}")
    return seconds, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=REPO.parent / "shared" / "data" / "polnear" / "train" / "text")
    parser.add_argument("--only", choices=["workers", "memory", "ray"], action="append")
    parser.add_argument("--articles", type=int, default=300, help="corpus size for the speed tables")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes for memory")
    parser.add_argument("--memory-workers", type=int, default=2)
    args = parser.parse_args()
    only = set(args.only or ["workers", "memory", "ray"])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if "workers" in only:
            corpus = make_corpus(args.polnear, args.articles, tmp / "speed.jsonl")
            rows = []
            for workers in (1, 2):
                seconds, peak = run(["extract", str(corpus), "-o", str(tmp / f"w{workers}.parquet"),
                                     "--workers", str(workers)])
                rows.append({"workers": workers, "articles": args.articles, "seconds": round(seconds, 1),
                             "articles/s": round(args.articles / seconds, 2), "peak RSS MiB": round(peak)})
            rows[1]["speed-up"] = round(rows[0]["seconds"] / rows[1]["seconds"], 2)
            same = pd.read_parquet(tmp / "w1.parquet").equals(pd.read_parquet(tmp / "w2.parquet"))
            print(f"\n## stance extract, workers (identical output: {same})\n")
            print(pd.DataFrame(rows).to_string(index=False))
        if "memory" in only:
            rows = []
            for size in args.sizes:
                corpus = make_corpus(args.polnear, size, tmp / f"mem{size}.jsonl")
                seconds, peak = run(["extract", str(corpus), "-o", str(tmp / f"m{size}.parquet"),
                                     "--workers", str(args.memory_workers)])
                rows.append({"articles": size, "workers": args.memory_workers, "seconds": round(seconds, 1),
                             "articles/s": round(size / seconds, 2), "peak RSS MiB": round(peak)})
                (tmp / f"m{size}.parquet").unlink()
            rows[-1]["peak ÷ first"] = round(rows[-1]["peak RSS MiB"] / rows[0]["peak RSS MiB"], 3)
            print("\n## Peak memory against corpus size (stance extract, streaming)\n")
            print(pd.DataFrame(rows).to_string(index=False))
        if "ray" in only:
            corpus = make_corpus(args.polnear, args.articles, tmp / "ray.jsonl")
            rows = []
            for engine in ("local", "ray"):
                seconds, peak = run(["extract", str(corpus), "-o", str(tmp / f"{engine}.parquet"), "--engine",
                                     engine, "--workers", "2"])
                rows.append({"engine": engine, "workers": 2, "articles": args.articles, "seconds": round(seconds, 1),
                             "articles/s": round(args.articles / seconds, 2), "peak RSS MiB": round(peak)})
            same = pd.read_parquet(tmp / "local.parquet").equals(pd.read_parquet(tmp / "ray.parquet"))
            print(f"\n## Ray (local instance) against the local engine (identical output: {same})\n")
            print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()
