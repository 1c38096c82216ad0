"""Export speed of ``kg export`` to GraphML against networkx's own writer (issue 5 target).

Generates N claims in the shape of ``kg build`` output (the generator of bench_query.py), makes
the NetworkX view (:func:`kg.network.from_relations`, the same graph ``to_networkx`` gives), then
times in the same process, alternating, the median of several runs of:

- kg: :func:`kg.export.write_graphml` on that view: flattening the evidence, colours, typed keys,
  and the atomic write;
- networkx: ``networkx.write_graphml`` on the same graph with the same attributes (the flattened
  graph kg writes: networkx cannot write the view's evidence lists or None values itself).

Prints the ratio (target <= 1.5), and checks that networkx reads kg's file back whole.

    python bench/bench_export.py                  # 100,000 claims
    python bench/bench_export.py --claims 10000   # a quick run

With ``--end-to-end`` it times whole processes instead (issue 16): ``kg export GRAPH -o OUT.graphml``
on a generated graph file (bench/graphs.py: 1,000 actors, 30,000 relations by default) against the
bare pyoxigraph -> ``networkx.write_graphml`` pipeline (bench/peak.py), alternating, the median of
``--runs`` runs each, with each process's peak memory (VmHWM):

    python bench/bench_export.py --end-to-end --runs 1 --actors 200 --relations 2000 --claims 6000
    python bench/bench_export.py --end-to-end --runs 3
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_query import _Gazetteer, _labels, relations  # noqa: E402

from kg.export import write_graphml  # noqa: E402
from kg.export.attributes import flat  # noqa: E402
from kg.network import from_relations  # noqa: E402


def end_to_end(args) -> None:
    """``kg export --to graphml`` as a process against the bare pipeline, on the same graph file."""
    import os

    from graphs import write_graph
    from peak import compare

    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-export-"))
    try:
        graph = str(tmp / "graph.nt")
        triples = write_graph(graph, args.actors, args.relations, args.claims)
        print(f"graph: {args.actors:,} actors, {args.relations:,} relations, {args.claims:,} claims, "
              f"{triples:,} triples ({os.path.getsize(graph) / 1e6:.0f} MB of N-Triples)")
        bare = str(Path(__file__).resolve().parent / "peak.py")
        compare(("bare pyoxigraph -> nx.write_graphml (peak.py)", ["graphml", graph, str(tmp / "bare.graphml")],
                 {"script": bare}),
                ("kg export GRAPH -o OUT.graphml", ["export", graph, "-o", str(tmp / "kg.graphml"), "--quiet"],
                 {"module": "kg.cli"}), args.runs, target=2)
        print("peak target: < 0.8 GB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=None, help="claims (default 100,000; 85,000 with --end-to-end)")
    ap.add_argument("--runs", type=int, default=5, help="runs of each writer (the median counts)")
    ap.add_argument("--end-to-end", action="store_true", help="time kg export as a process on a graph file")
    ap.add_argument("--actors", type=int, default=1000, help="--end-to-end: actors")
    ap.add_argument("--relations", type=int, default=30_000, help="--end-to-end: distinct relations")
    args = ap.parse_args()
    if args.end_to_end:
        args.claims = args.claims or 85_000
        end_to_end(args)
        return
    args.claims = args.claims or 100_000
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-export-"))
    try:
        t0 = time.perf_counter()
        rels, _ = relations(args.claims)
        G = from_relations(rels, _Gazetteer(_labels()))
        del rels
        print(f"graph: {args.claims:,} claims, {G.number_of_nodes()} actors, {G.number_of_edges():,} relations, "
              f"{sum(d['weight'] for _, _, d in G.edges(data=True)):,} evidence sentences "
              f"(made in {time.perf_counter() - t0:.1f} s)")
        H = flat(G, "type")  # what networkx writes: the same nodes, edges and attributes
        kg_times, nx_times = [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            write_graphml(G, tmp / "kg.graphml")
            kg_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            nx.write_graphml(H, tmp / "nx.graphml")
            nx_times.append(time.perf_counter() - t0)
        t_kg, t_nx = statistics.median(kg_times), statistics.median(nx_times)
        size = (tmp / "kg.graphml").stat().st_size
        back = nx.read_graphml(tmp / "kg.graphml", force_multigraph=True)
        assert back.number_of_nodes() == G.number_of_nodes() and back.number_of_edges() == G.number_of_edges()
        print(f"kg export GraphML: {t_kg:.3f} s ({size / 1e6:.1f} MB); networkx.write_graphml: {t_nx:.3f} s")
        print(f"ratio kg / networkx: {t_kg / t_nx:.2f} (target <= 1.5)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
