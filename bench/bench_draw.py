"""Drawing speed of ``kg draw`` against a bare ``networkx.draw`` of the same graph (issue 4 target).

Generates a network of N actors (real actors of the gazetteer, so that ``--layout geo`` works)
and E distinct relations with random predicates and evidence counts (seeded), then times in the
same process, the median of several runs of:

- kg: :func:`kg.draw.write_drawing` to a 12x8 inch PNG at 150 dpi (layout, curves, label search,
  legend, caption, atomic write);
- networkx: ``networkx.spring_layout`` + ``networkx.draw`` (labels on, arrows on) of the same
  graph into a figure of the same size, saved as PNG at the same dpi.

Prints both times and their ratio; the target is under 10 s for 200 actors and 2,000 relations.

    python bench/bench_draw.py                       # 200 actors, 2,000 relations, spring layout
    python bench/bench_draw.py --layout geo --runs 1
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.draw import LAYOUTS, write_drawing  # noqa: E402
from kg.gazetteer import load_gazetteer  # noqa: E402
from kg.model import Relation  # noqa: E402
from kg.network import from_relations  # noqa: E402
from kg.predicates import RELATION_PREDICATES, SYMMETRIC_PREDICATES  # noqa: E402


def network(actors: int, edges: int, seed: int = 1):
    gaz = load_gazetteer()
    ids = sorted(gaz.actors, key=lambda a: (gaz.actors[a].kind != "state", a))[:actors]
    rng = random.Random(seed)
    triples = set()
    while len(triples) < edges:
        s, o = rng.sample(ids, 2)
        p = rng.choice(RELATION_PREDICATES)
        if p in SYMMETRIC_PREDICATES and o < s:
            s, o = o, s
        triples.add((s, p, o))
    relations = []
    for i, (s, p, o) in enumerate(sorted(triples)):
        for j in range(rng.choice((1, 1, 1, 2, 3, 5))):
            relations.append(Relation(f"doc{i % 300}", s, p, o, s, o, f"Sentence {i}.{j}.", j * 20, j * 20 + 12,
                                      time_value=f"20{rng.randint(15, 25)}"))
    return from_relations(relations, gaz), gaz


def bare_networkx(G, out: Path, dpi: int) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx

    fig = plt.figure(figsize=(12, 8), dpi=dpi)
    pos = nx.spring_layout(G, seed=7)
    nx.draw(G, pos, with_labels=True, ax=fig.add_subplot(), node_size=120, font_size=6, arrows=True)
    fig.savefig(out, format="png", dpi=dpi)
    plt.close(fig)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--actors", type=int, default=200)
    ap.add_argument("--edges", type=int, default=2000)
    ap.add_argument("--layout", choices=LAYOUTS, default="spring")
    ap.add_argument("--dpi", type=int, default=150)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--edge-labels", action="store_true")
    args = ap.parse_args()

    G, gaz = network(args.actors, args.edges)
    print(f"{G.number_of_nodes()} actors, {G.number_of_edges()} relations, layout {args.layout}, "
          f"{args.dpi} dpi", flush=True)
    kg_times, nx_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            t = time.perf_counter()
            write_drawing(G, Path(tmp) / "kg.png", dpi=args.dpi, layout=args.layout, gazetteer=gaz,
                          edge_labels=args.edge_labels)
            kg_times.append(time.perf_counter() - t)
            t = time.perf_counter()
            bare_networkx(G, Path(tmp) / "nx.png", args.dpi)
            nx_times.append(time.perf_counter() - t)
    kg_s, nx_s = statistics.median(kg_times), statistics.median(nx_times)
    print(f"kg draw:        {kg_s:6.2f} s   (median of {args.runs})")
    print(f"networkx.draw:  {nx_s:6.2f} s")
    print(f"ratio:          {kg_s / nx_s:6.2f}x   target: kg draw under 10 s -> "
          f"{'OK' if kg_s < 10 else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
