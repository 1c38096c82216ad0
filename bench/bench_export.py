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

from kg.export import _flat, write_graphml  # noqa: E402
from kg.network import from_relations  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5, help="runs of each writer (the median counts)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-export-"))
    try:
        t0 = time.perf_counter()
        rels, _ = relations(args.claims)
        G = from_relations(rels, _Gazetteer(_labels()))
        del rels
        print(f"graph: {args.claims:,} claims, {G.number_of_nodes()} actors, {G.number_of_edges():,} relations, "
              f"{sum(d['weight'] for _, _, d in G.edges(data=True)):,} evidence sentences "
              f"(made in {time.perf_counter() - t0:.1f} s)")
        H = _flat(G, "type")  # what networkx writes: the same nodes, edges and attributes
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
