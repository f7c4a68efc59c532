"""One huge article on a single line: seconds and peak memory of `stance extract` as the article grows.

The article is the seed article with its line breaks turned into spaces, repeated to each size asked for
(no paragraph break anywhere, as in a book pasted from a PDF). Each size is a fresh `stance extract`
subprocess; peak RSS is that process's, from the kernel's accounting of the finished child.

Rerun (from the repository root; about 2 minutes on two cores for the default sizes):

    .venv/bin/python benchmarks/long_article.py
    .venv/bin/python benchmarks/long_article.py --sizes 100000 1900000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_425a455c3402a5f3.txt"


def run(size: int, folder: Path) -> tuple[float, float, str]:
    """Seconds, peak RSS in MB and the command's summary line for one single-line article of `size` characters."""
    line = SEED.read_text(encoding="utf-8").replace("\n", " ")
    article = folder / f"line{size}.txt"
    article.write_text((line * (size // len(line) + 1))[:size], encoding="utf-8")
    stance = Path(sys.executable).with_name("stance")
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child runs the command alone, so its rusage is the command's
        os.execv(str(stance), [str(stance), "extract", str(article), "-o", str(folder / f"q{size}.parquet")])
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"stance extract failed on {size:,} characters")
    rows = subprocess.run([sys.executable, "-c", f"import stance; print(len(stance.load('{folder}/q{size}.parquet')))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    return seconds, usage.ru_maxrss / 1024, f"{rows} quotes"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 400_000, 1_900_000])
    arguments = parser.parse_args()
    print("| characters (one line) | seconds | seconds per 100k | peak RSS (MB) | quotes |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for size in arguments.sizes:
            seconds, peak, quotes = run(size, Path(folder))
            print(f"| {size:,} | {seconds:.1f} | {seconds / size * 100_000:.1f} | {peak:,.0f} | {quotes} |",
                  flush=True)
    print(f"\nrerun: .venv/bin/python benchmarks/long_article.py --sizes {' '.join(map(str, arguments.sizes))}")


if __name__ == "__main__":
    main()
