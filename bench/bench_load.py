"""Speed of ``kg load`` against Oxigraph's own bulk loader on the same N-Triples (issue 16: at most 1.1x).

Generates a graph file (bench/graphs.py; 1,000 actors, 30,000 relations, about 1.35 million triples
by default), then times, alternating, as whole processes with their peak memory (VmHWM):

- bare: ``pyoxigraph.Store(DIR).bulk_load(path=FILE, format=N_TRIPLES)`` into a new directory;
- kg: ``kg load FILE --store DIR --quiet`` into a new directory.

    python bench/bench_load.py --runs 1 --actors 200 --relations 2000 --claims 6000
    python bench/bench_load.py
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from graphs import add_size_options, write_graph  # noqa: E402
from peak import compare  # noqa: E402

BARE = """import sys
import pyoxigraph
store = pyoxigraph.Store(sys.argv[2])
store.bulk_load(path=sys.argv[1], format=pyoxigraph.RdfFormat.N_TRIPLES)
store.flush()
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_options(ap)
    ap.add_argument("--runs", type=int, default=3, help="runs of each (the median counts)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-load-"))
    try:
        graph = str(tmp / "graph.nt")
        triples = write_graph(graph, args.actors, args.relations, args.claims)
        print(f"graph: {triples:,} triples ({os.path.getsize(graph) / 1e6:.0f} MB of N-Triples)")
        bare = tmp / "bare.py"
        bare.write_text(BARE)

        def fresh(i: int) -> None:  # each run loads into a new directory
            for name in (f"bare-{i - 1}", f"kg-{i - 1}"):
                shutil.rmtree(tmp / name, ignore_errors=True)

        compare(("pyoxigraph Store.bulk_load", [graph, str(tmp / "bare-{i}")], {"script": str(bare)}),
                ("kg load FILE --store DIR", ["load", graph, "--store", str(tmp / "kg-{i}"), "--quiet"],
                 {"module": "kg.cli"}), args.runs, target=1.1, before_each=fresh)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
