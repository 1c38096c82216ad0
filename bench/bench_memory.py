"""Peak memory of building a graph from 100,000 sentences (issue 2 target: under 1 GB).

Runs ``kg build`` on a generated JSONL corpus in a child process and reports its peak resident
memory (ru_maxrss), next to the peak of a bare Python process that only reads the same file.

    python bench/bench_memory.py --sentences 100000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import generate  # noqa: E402


def peak_of(cmd: list[str]) -> tuple[float, float]:
    """Run ``cmd``; return (seconds, peak RSS in MB) of that child alone."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(after, before) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sentences", type=int, default=100_000)
    ap.add_argument("--format", default="nt", help="output suffix (nt, ttl, ...)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-mem-") as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        n = 0
        with open(corpus, "w", encoding="utf-8") as fh:
            for doc in generate(10**12, background=0.5):
                fh.write(json.dumps(doc) + "\n")
                n += 12
                if n >= args.sentences:
                    break
        size = os.path.getsize(corpus) / 1e6
        base_s, base_mb = peak_of([sys.executable, "-c", f"open({corpus!r}).read()"])
        out = os.path.join(tmp, f"graph.{args.format}")
        secs, peak = peak_of([sys.executable, "-m", "kg.cli", "build", corpus, "-o", out, "--quiet"])
        print(f"corpus: {n} sentences, {size:.1f} MB; graph {os.path.getsize(out) / 1e6:.1f} MB")
        print(f"bare python reading the corpus: peak {base_mb:.0f} MB")
        print(f"kg build: {secs:.1f} s, peak {peak:.0f} MB (target < 1024 MB), ratio to bare {peak / base_mb:.1f}x")


if __name__ == "__main__":
    main()
