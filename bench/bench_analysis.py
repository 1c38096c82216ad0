"""Speed of ``kg analyze``'s blocs and balance (issue 6 target: 200 actors, 5,000 relation edges, < 5 s).

Generates a relation multigraph in the shape of :func:`kg.network.to_networkx` (actors in planted
camps: mostly cooperation inside a camp, mostly conflict between camps), projects it with
:func:`kg.analysis.signed_graph`, then times :func:`kg.analysis.blocs` and :func:`kg.analysis.balance`
beside ``networkx.triangles`` counting the triangles of the same signed graph. Also reports how
many actors the blocs put back in their planted camp.

    python bench/bench_analysis.py                       # 200 actors, 5,000 relation edges
    python bench/bench_analysis.py --actors 400 --edges 20000

With ``--end-to-end`` it times whole processes instead (issue 16): ``kg analyze GRAPH --format json``
on a generated graph file (bench/graphs.py: 1,000 actors, 30,000 relations, about 1.35 million
triples by default) against the bare pyoxigraph -> networkx pipeline (bench/peak.py) on the same
file, alternating, the median of ``--repeat`` runs each, with each process's peak memory (VmHWM):

    python bench/bench_analysis.py --end-to-end --repeat 1 --actors 200 --relations 2000 --claims 6000
    python bench/bench_analysis.py --end-to-end        # 1,000 actors / 30,000 relations
    python bench/bench_analysis.py --end-to-end --graph /tmp/big.nt   # a graph written before

Both print the median CPU times beside the wall times, and their ratio: on a machine shared
with other jobs the CPU time moves less.
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


def end_to_end(args) -> None:
    """``kg analyze`` as a process against the bare pipeline, on the same generated graph file."""
    import os
    import sys
    import tempfile
    from pathlib import Path

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from graphs import write_graph
    from peak import compare

    with tempfile.TemporaryDirectory(prefix="kg-bench-analyze-") as tmp:
        if args.graph:
            graph = args.graph
            print(f"graph: {graph} ({os.path.getsize(graph) / 1e6:.0f} MB)")
        else:
            graph = str(Path(tmp) / "graph.nt")
            triples = write_graph(graph, args.actors, args.relations, args.claims)
            print(f"graph: {args.actors:,} actors, {args.relations:,} relations, {args.claims:,} claims, "
                  f"{triples:,} triples ({os.path.getsize(graph) / 1e6:.0f} MB of N-Triples)")
        bare = str(Path(__file__).resolve().parent / "peak.py")
        compare(("bare pyoxigraph -> networkx (bench/peak.py)", ["network", graph], {"script": bare}),
                ("kg analyze GRAPH --format json", ["analyze", graph, "--format", "json"], {"module": "kg.cli"}),
                args.repeat, target=2)
        print("peak target: < 0.8 GB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--end-to-end", action="store_true", help="time kg analyze as a process on a graph file")
    ap.add_argument("--graph", help="--end-to-end: this graph file instead of a generated one "
                                     "(python bench/graphs.py -o FILE writes the default one)")
    ap.add_argument("--relations", type=int, default=30_000, help="--end-to-end: distinct relations")
    ap.add_argument("--claims", type=int, default=85_000, help="--end-to-end: claims of those relations")
    ap.add_argument("--actors", type=int, default=None, help="actors (default 200; 1,000 with --end-to-end)")
    ap.add_argument("--edges", type=int, default=5000)
    ap.add_argument("--camps", type=int, default=4)
    ap.add_argument("--noise", type=float, default=0.15, help="share of relations against the camps")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.end_to_end:
        args.actors = args.actors or 1000
        end_to_end(args)
        return
    args.actors = args.actors or 200

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
