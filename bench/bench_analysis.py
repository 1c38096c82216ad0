"""Speed of ``kg analyze``'s blocs and balance (issue 6 target: 200 actors, 5,000 relation edges, < 5 s).

Generates a relation multigraph in the shape of :func:`kg.network.to_networkx` (actors in planted
camps: mostly cooperation inside a camp, mostly conflict between camps), projects it with
:func:`kg.analysis.signed_graph`, then times :func:`kg.analysis.blocs` and :func:`kg.analysis.balance`
beside ``networkx.triangles`` counting the triangles of the same signed graph. Also reports how
many actors the blocs put back in their planted camp.

    python bench/bench_analysis.py                       # 200 actors, 5,000 relation edges
    python bench/bench_analysis.py --actors 400 --edges 20000
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import networkx as nx

from kg.analysis import balance, blocs, centrality, signed_graph
from kg.predicates import RELATION_PREDICATES, SYMMETRIC_PREDICATES

COOPERATION = RELATION_PREDICATES[:9]
CONFLICT = RELATION_PREDICATES[9:]


def relation_graph(actors: int, edges: int, camps: int, noise: float, seed: int) -> tuple[nx.MultiDiGraph, dict]:
    """``edges`` distinct (subject, predicate, object) relations among ``actors`` in ``camps`` camps."""
    rng = random.Random(seed)
    ids = [f"S{i:03d}" for i in range(actors)]
    camp = {a: i % camps for i, a in enumerate(ids)}
    G = nx.MultiDiGraph()
    G.add_nodes_from(ids)
    while G.number_of_edges() < edges:
        s, o = rng.sample(ids, 2)
        friendly = (camp[s] == camp[o]) != (rng.random() < noise)
        p = rng.choice(COOPERATION if friendly else CONFLICT)
        if p in SYMMETRIC_PREDICATES and o < s:
            s, o = o, s
        if not G.has_edge(s, o, key=p):
            G.add_edge(s, o, key=p, predicate=p, weight=rng.randint(1, 5))
    return G, camp


def timed(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=200)
    ap.add_argument("--edges", type=int, default=5000)
    ap.add_argument("--camps", type=int, default=4)
    ap.add_argument("--noise", type=float, default=0.15, help="share of relations against the camps")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    G, camp = relation_graph(args.actors, args.edges, args.camps, args.noise, args.seed)
    t_proj, S = timed(lambda: signed_graph(G), args.repeat)
    t_blocs, (found, criterion) = timed(lambda: blocs(S), args.repeat)
    t_bal, bal = timed(lambda: balance(S), args.repeat)
    t_cent, _ = timed(lambda: centrality(S), args.repeat)
    t_nx, triangles = timed(lambda: sum(nx.triangles(S).values()) // 3, args.repeat)
    assert triangles == bal.triangles, (triangles, bal.triangles)

    recovered = sum(max(sum(1 for a in b if camp[a] == c) for c in range(args.camps)) for b in found)
    print(f"relation graph: {G.number_of_nodes()} actors, {G.number_of_edges()} relation edges; "
          f"signed projection: {S.number_of_edges()} ties, {triangles} triangles")
    print(f"blocs: {len(found)} (planted {args.camps}), criterion {criterion}, "
          f"{recovered}/{S.number_of_nodes()} actors in their planted camp; balance {bal.ratio}")
    print(f"{'step':<28}{'seconds':>10}{'x networkx triangles':>24}")
    for name, t in (("signed projection", t_proj), ("blocs", t_blocs), ("balance (+ unbalanced list)", t_bal),
                    ("blocs + balance", t_blocs + t_bal), ("centrality (PN index)", t_cent),
                    ("networkx.triangles (baseline)", t_nx)):
        print(f"{name:<28}{t:>10.3f}{t / t_nx:>24.1f}")
    verdict = "OK" if t_blocs + t_bal < 5 else "TOO SLOW"
    print(f"target: blocs + balance < 5 s -> {verdict}")


if __name__ == "__main__":
    main()
