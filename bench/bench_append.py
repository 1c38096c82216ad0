"""``kg build --append`` onto a large graph (issue 15, D17): time and peak memory of merging the
existing graph file, streamed through Oxigraph into the sorted-lines graph (kg.append), against
the baseline of parsing it into an rdflib graph first (what kg did before), in the same run.

Both children merge the same graph file into an empty LineGraph and write the result to a new
file of the same format (and a third child replaces one document's claims: the two passes
of kg.append); then one real ``kg build small.txt -o BIG --append`` is timed.

    python bench/bench_append.py --claims 200000     # a generated graph of 200,000 claims, in Turtle
    python bench/bench_append.py --graph big.ttl     # an existing graph
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_memory import peak_of  # noqa: E402

_MERGE = """
import sys
from pathlib import Path
from kg.rdf import LineGraph, read_graph, write_graph
source, target, how = sys.argv[1:]
graph = LineGraph(spill_dir=Path(target).parent)
if how == "rdflib":
    for triple in read_graph(source):
        graph.add(triple)
else:
    from kg.append import merge_existing
    from kg.rdf import doc_iri
    # "replace": the first document is read again, so its claims are planned out of the old graph
    merge_existing(graph, source, [doc_iri("news/000000.txt")] if how == "replace" else [])
write_graph(graph, target)
"""


_GRAPH = """
import random, sys
from pathlib import Path
from kg.gazetteer import load_gazetteer
from kg.model import Relation
from kg.predicates import RELATION_PREDICATES
from kg.rdf import LineGraph, build_graph, write_graph
path, claims = sys.argv[1], int(sys.argv[2])
gaz = load_gazetteer()
states = sorted(a for a, actor in gaz.actors.items() if actor.kind == "state")
preds = sorted(RELATION_PREDICATES)
rng = random.Random(15)
def relations():
    for i in range(claims):
        s, o = rng.sample(states, 2)
        yield Relation(f"news/{i // 20:06d}.txt", s, rng.choice(preds), o, s, o,
                       f"Sentence {i} about {s} and {o}, as officials said.", 100 * (i % 20), 100 * (i % 20) + 48,
                       i % 20, hedged=i % 5 == 0, item="drones" if i % 3 == 0 else None)
graph = build_graph(relations(), [], gaz, graph=LineGraph(spill_dir=Path(path).parent))
write_graph(graph, path)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=200_000, help="claims of the generated graph")
    ap.add_argument("--format", default="ttl", help="suffix of the graph: ttl, nt or nq")
    ap.add_argument("--graph", help="an existing graph file to append to, instead of generating one")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="kg-bench-append-")
    try:
        big = os.path.join(work, f"big.{args.format}")
        if args.graph:
            shutil.copyfile(args.graph, big)
        else:
            subprocess.run([sys.executable, "-c", _GRAPH, big, str(args.claims)], check=True)
        size = os.path.getsize(big) / 1e6
        with open(big, "rb") as fh:
            lines = sum(1 for _ in fh)
        print(f"graph: {size:.1f} MB of {args.format}, {lines:,} lines")
        figures = {}
        for how in ("rdflib", "stream"):
            out = os.path.join(work, f"merged-{how}.{args.format}")
            figures[how] = peak_of([sys.executable, "-c", _MERGE, big, out, how])
            print(f"merge by {how:6s}: {figures[how][0]:7.1f} s, peak {figures[how][1]:7.0f} MB")
        same = open(os.path.join(work, f"merged-rdflib.{args.format}"), "rb").read() == \
            open(os.path.join(work, f"merged-stream.{args.format}"), "rb").read()
        out = os.path.join(work, f"merged-replace.{args.format}")
        figures["replace"] = peak_of([sys.executable, "-c", _MERGE, big, out, "replace"])
        print(f"merge replacing one document's claims (two passes): {figures['replace'][0]:.1f} s, "
              f"peak {figures['replace'][1]:.0f} MB")
        (t_old, m_old), (t_new, m_new) = figures["rdflib"], figures["stream"]
        print(f"stream / rdflib: time {t_new / t_old:.2f}, peak memory {m_new / m_old:.2f}; "
              f"same bytes: {'yes' if same else 'NO'}")
        small = os.path.join(work, "small.txt")
        with open(small, "w", encoding="utf-8") as fh:
            fh.write("North Korea has supplied Russia with artillery shells.\n")
        seconds, peak = peak_of([sys.executable, "-m", "kg.cli", "build", small, "-o", big, "--append", "-q"])
        print(f"kg build small.txt -o big.{args.format} --append: {seconds:.1f} s, peak {peak:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
