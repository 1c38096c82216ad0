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
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from graphs import add_size_options, write_graph  # noqa: E402
from peak import measure  # noqa: E402

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
        kg_runs, bare_runs = [], []
        for i in range(args.runs):
            bare_runs.append(measure([graph, str(tmp / f"bare-{i}")], script=str(bare)))
            kg_runs.append(measure(["load", graph, "--store", str(tmp / f"kg-{i}"), "--quiet"], module="kg.cli"))
            shutil.rmtree(tmp / f"bare-{i}")
            shutil.rmtree(tmp / f"kg-{i}")
        t_kg, t_bare = statistics.median(t for t, _ in kg_runs), statistics.median(t for t, _ in bare_runs)
        print(f"{'process':<36}{'seconds':>9}{'peak MB':>9}")
        print(f"{'pyoxigraph Store.bulk_load':<36}{t_bare:>9.1f}{max(m for _, m in bare_runs):>9.0f}")
        print(f"{'kg load FILE --store DIR':<36}{t_kg:>9.1f}{max(m for _, m in kg_runs):>9.0f}")
        print(f"ratio kg / bulk_load: {t_kg / t_bare:.2f} (target <= 1.1)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
