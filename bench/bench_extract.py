"""Extraction throughput and parallel speed-up (issue 2 and issue 11 targets).

Prints MB/s and words/s of ``kg.extract`` over a generated news-like corpus, the ratio to a
bare ``re.finditer(r"\\w+")`` pass over the same text in the same run, the ratio to spaCy's own
``nlp.pipe`` (tagger and parser of the same model) over the same text (target <= 1.0: kg parses only
the sentences that can hold a relation), and the speed-up of ``--jobs 2`` over ``--jobs 1``
(target >= 1.7x on two cores).

    python bench/bench_extract.py --mb 10                   # half the sentences are context
    python bench/bench_extract.py --mb 10 --background 0    # a relation in nearly every sentence
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import generate  # noqa: E402

from kg.gazetteer import load_gazetteer  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.pipeline import extract_documents  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--skip-jobs", action="store_true", help="only the single-process figures")
    ap.add_argument("--background", type=float, default=0.5,
                    help="share of context sentences naming at most one actor (0: a relation in every sentence)")
    args = ap.parse_args()
    docs = [Document(d["id"], d["text"], date=d["date"])
            for d in generate(int(args.mb * 1_000_000), background=args.background)]
    text_bytes = sum(len(d.text.encode()) for d in docs)
    words = sum(len(d.text.split()) for d in docs)
    mb = text_bytes / 1e6
    load_gazetteer()  # parse the gazetteer before timing
    from kg.extract.parse import load_parser

    nlp = load_parser()  # and load the parser
    t0 = time.perf_counter()
    with nlp.select_pipes(enable=[p for p in ("tok2vec", "tagger", "parser") if p in nlp.pipe_names]):
        for _ in nlp.pipe([d.text for d in docs], batch_size=64):
            pass
    t_spacy = time.perf_counter() - t0

    t0 = time.perf_counter()
    n = 0
    for d in docs:
        for _ in re.finditer(r"\w+", d.text):
            n += 1
    t_re = time.perf_counter() - t0

    t0 = time.perf_counter()
    rels1 = [r for _, rs in extract_documents(docs, jobs=1) for r in rs]
    t1 = time.perf_counter() - t0
    print(f"corpus: {len(docs)} documents, {mb:.1f} MB, {words} words, background share {args.background}")
    print(f"re.finditer(\\w+): {mb / t_re:.1f} MB/s")
    print(f"kg extract --jobs 1: {t1:.1f} s, {mb / t1:.2f} MB/s, {words / t1:,.0f} words/s, "
          f"{len(rels1)} relations")
    print(f"ratio to re.finditer: {t_re / t1:.3f}")
    print(f"spaCy nlp.pipe (tagger, parser) over the same text: {t_spacy:.1f} s")
    print(f"ratio kg extract / nlp.pipe: {t1 / t_spacy:.2f} (target <= 1.0)")
    if not args.skip_jobs:
        t0 = time.perf_counter()
        rels2 = [r for _, rs in extract_documents(docs, jobs=2) for r in rs]
        t2 = time.perf_counter() - t0
        assert rels2 == rels1, "--jobs 2 must give the same relations as --jobs 1"
        print(f"kg extract --jobs 2: {t2:.1f} s, speed-up {t1 / t2:.2f}x (target >= 1.7x)")


if __name__ == "__main__":
    main()
