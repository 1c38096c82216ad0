"""Peak memory of building a graph from 100,000 sentences (issue 2 target: under 1 GB), or from
one long plain-text file (issue 7 target: a 200 MB file under 500 MB).

Runs ``kg build`` on a generated corpus in a child process and reports its peak resident
memory (VmHWM, read by the child at exit: bench/peak.py), next to the peak of a bare Python process
that only reads the same file.

    python bench/bench_memory.py --sentences 100000
    python bench/bench_memory.py --text-mb 200          # one .txt file, news-like paragraphs
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import generate  # noqa: E402


def peak_of(cmd: list[str]) -> tuple[float, float]:
    """Run ``[python, -c CODE | -m MODULE, args...]``; (seconds, peak resident MB: the child's own
    VmHWM, read by it at exit, see bench/peak.py)."""
    from peak import measure

    if cmd[1] == "-m":
        return measure(cmd[3:], module=cmd[2])
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(cmd[2])
    try:
        return measure(cmd[3:], script=fh.name)
    finally:
        os.unlink(fh.name)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sentences", type=int, default=100_000)
    ap.add_argument("--text-mb", type=float, help="instead: one plain-text file of this many MB (10%% relations)")
    ap.add_argument("--format", default="nt", help="output suffix (nt, ttl, ...)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-mem-") as tmp:
        corpus = os.path.join(tmp, "corpus.txt" if args.text_mb else "corpus.jsonl")
        n = 0
        with open(corpus, "w", encoding="utf-8") as fh:
            if args.text_mb:
                for doc in generate(int(args.text_mb * 1e6), background=0.9):
                    fh.write(doc["text"] + "\n\n")
                    n += 12
            else:
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
        target = 500 if args.text_mb else 1024
        print(f"kg build: {secs:.1f} s, peak {peak:.0f} MB (target < {target} MB), ratio to bare {peak / base_mb:.1f}x")


if __name__ == "__main__":
    main()
