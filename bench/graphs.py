"""Deterministic kg graphs of a given size for the read-path benchmarks (issue 16: 1,000 actors,
30,000 relations, about 1.3 million triples).

``relations`` draws ``n_relations`` distinct (subject, predicate, object) relations among
``n_actors`` actors, then ``n_claims`` claims of them (every relation at least once, the rest at
random), each with the evidence and attributes of ``kg build`` output; ``write_graph`` writes them as
N-Triples with the fast writer of bench_query.py (checked there against ``kg.rdf.build_graph``).

    python bench/graphs.py -o /tmp/big.nt                                   # 1,000 / 30,000
    python bench/graphs.py -o /tmp/small.nt --actors 200 --relations 2000 --claims 6000
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench_query import PREDICATES, SYMMETRIC, random_claim, write_ntriples  # noqa: E402

from kg.model import Document, Relation  # noqa: E402


def actor_ids(n: int) -> list[str]:
    """``n`` actor ids: the first ones organizations and groups, the rest states."""
    return [f"A{i:04d}" for i in range(n)]


def labels(ids: list[str]) -> dict[str, tuple[str, str]]:
    """Actor id -> (rdf:type local name, label), as bench_query's ``_labels``."""
    return {a: ("Organization" if i % 50 == 1 else "Group" if i % 100 == 2 else "State", f"Actor {a}")
            for i, a in enumerate(ids)}


def relations(n_actors: int, n_relations: int, n_claims: int, seed: int = 16):
    """The claims (Relation records) and documents (10 claims a document) of the benchmark graph."""
    rng = random.Random(seed)
    ids = actor_ids(n_actors)
    pool: set[tuple[str, str, str]] = set()
    while len(pool) < n_relations:
        s, o = rng.sample(ids, 2)
        p = rng.choice(PREDICATES)
        if p in SYMMETRIC and o < s:
            s, o = o, s
        pool.add((s, p, o))
    chosen = sorted(pool)
    order = chosen + [rng.choice(chosen) for _ in range(max(0, n_claims - len(chosen)))]
    rng.shuffle(order)
    docs: list[Document] = []
    rels: list[Relation] = []
    for i, (subj, pred, obj) in enumerate(order):
        if i % 10 == 0:
            docs.append(Document(id=f"bench/doc-{i // 10:06d}.txt", text="", title=f"Report {i // 10}",
                                 date=f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"))
        if pred in SYMMETRIC and rng.random() < 0.5:
            subj, obj = obj, subj
        rels.append(random_claim(rng, docs[-1].id, i, subj, pred, obj, ids))
    return rels, docs, ids


def write_graph(path: str | Path, n_actors: int = 1000, n_relations: int = 30_000, n_claims: int = 85_000,
                seed: int = 16) -> int:
    """Write the benchmark graph to ``path`` (N-Triples); the number of triples."""
    rels, docs, ids = relations(n_actors, n_relations, n_claims, seed)
    return write_ntriples(rels, docs, Path(path), labels(ids))


def add_size_options(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--actors", type=int, default=1000)
    ap.add_argument("--relations", type=int, default=30_000, help="distinct (subject, predicate, object)")
    ap.add_argument("--claims", type=int, default=85_000, help="claims (evidence sentences) of those relations")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", required=True, help="an .nt file")
    add_size_options(ap)
    args = ap.parse_args()
    n = write_graph(args.output, args.actors, args.relations, args.claims)
    print(f"{args.output}: {n:,} triples")


if __name__ == "__main__":
    main()
