"""Speed of ``kg draw`` against a bare ``networkx.draw`` of the same graph, and of ``kg view``.

Generates a network of N actors (real actors of the gazetteer first, so that ``--layout geo``
works; invented ones beyond the gazetteer's 210) and E distinct relations with random predicates,
evidence counts and dates (seeded), then prints times and ratios (benchmarks time things, the tests
do not):

- draw: :func:`kg.draw.write_drawing` to a 12x8 inch PNG at 150 dpi in the chosen style (layout,
  signed ties or curves, hulls, label search, legend, caption, atomic write), against
  ``networkx.spring_layout`` + ``networkx.draw`` (labels and arrows on) of the same graph into a
  figure of the same size, saved as PNG at the same dpi; the median of several runs. Target for
  the alliance style of 200 actors and 2,000 relations: under 2x networkx.
- view: the graph of bench/graphs.py with 500 actors, 20,000 relations and 50,000 claims, written
  as an N-Triples file (not timed); then :func:`kg.view.write_view` of the network and its claims (layout, page data,
  HTML; target under 5 s) and :func:`kg.view.view_graph` from the file (reading included). With
  ``--browser`` the page is also opened in headless Chromium: the time until it is ready and the
  time a relation toggle takes.

    python bench/bench_draw.py                          # draw 200/2,000 alliance, view 500/20,000
    python bench/bench_draw.py --style relations --layout geo --runs 1 --no-view
    python bench/bench_draw.py --no-draw --browser
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

from kg.draw import LAYOUTS, STYLES, write_drawing  # noqa: E402
from kg.gazetteer import load_gazetteer  # noqa: E402
from kg.model import Relation  # noqa: E402
from kg.network import from_relations  # noqa: E402
from kg.predicates import RELATION_PREDICATES, SYMMETRIC_PREDICATES  # noqa: E402


def relations(actors: int, edges: int, gaz, seed: int = 1) -> list[Relation]:
    """Seeded relations among ``actors`` actors: ``edges`` distinct (subject, predicate, object)."""
    known = sorted(gaz.actors, key=lambda a: (gaz.actors[a].kind != "state", a))
    ids = known[:actors] + [f"X{i:04d}" for i in range(max(0, actors - len(known)))]
    rng = random.Random(seed)
    triples = set()
    while len(triples) < edges:
        s, o = rng.sample(ids, 2)
        p = rng.choice(RELATION_PREDICATES)
        if p in SYMMETRIC_PREDICATES and o < s:
            s, o = o, s
        triples.add((s, p, o))
    out = []
    for i, (s, p, o) in enumerate(sorted(triples)):
        for j in range(rng.choice((1, 1, 1, 2, 3, 5))):
            sentence = f"Sentence {i}.{j}: {s} and {o}, {p}."
            out.append(Relation(f"doc{i % 300}", s, p, o, s, o, sentence, j * 80, j * 80 + len(sentence),
                                trigger=p, time_value=f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}"))
    return out


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


def bench_draw(args, gaz) -> None:
    G = from_relations(relations(args.actors, args.edges, gaz), gaz)
    print(f"draw: {G.number_of_nodes()} actors, {G.number_of_edges()} relations, style {args.style}, "
          f"layout {args.layout or 'default'}, {args.dpi} dpi", flush=True)
    kg_times, nx_times, kg_cpu, nx_cpu = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            t, c = time.perf_counter(), time.process_time()
            write_drawing(G, Path(tmp) / "kg.png", dpi=args.dpi, style=args.style, layout=args.layout,
                          gazetteer=gaz, edge_labels=args.edge_labels)
            kg_times.append(time.perf_counter() - t)
            kg_cpu.append(time.process_time() - c)
            t, c = time.perf_counter(), time.process_time()
            bare_networkx(G, Path(tmp) / "nx.png", args.dpi)
            nx_times.append(time.perf_counter() - t)
            nx_cpu.append(time.process_time() - c)
    kg_s, nx_s = statistics.median(kg_times), statistics.median(nx_times)
    print(f"  kg draw:        {kg_s:6.2f} s   (median of {args.runs}; CPU {statistics.median(kg_cpu):.2f} s)")
    print(f"  networkx.draw:  {nx_s:6.2f} s   (CPU {statistics.median(nx_cpu):.2f} s)")
    print(f"  ratio:          {kg_s / nx_s:6.2f}x   target: under 2x -> {'OK' if kg_s < 2 * nx_s else 'TOO SLOW'}",
          flush=True)


def _browser_times(page: Path) -> tuple[float, float]:
    """Seconds until the page is ready in headless Chromium, and for one relation toggle."""
    import shutil

    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900"):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium")
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        t = time.perf_counter()
        driver.get(page.resolve().as_uri())
        while not driver.execute_script("return document.body.dataset.ready === 'true'"):
            time.sleep(0.02)
        ready = time.perf_counter() - t
        toggle = driver.execute_script(
            "var t = performance.now(); document.getElementById('rel-supplies').click();"
            "return (performance.now() - t) / 1000;")
    finally:
        driver.quit()
    return ready, toggle


def bench_view(args, gaz) -> None:
    from kg.network import load_network
    from kg.view import view_graph, write_view
    from kg.view.data import read_claims

    from graphs import write_graph  # the read-path benchmarks' graphs (bench/graphs.py)

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "graph.nt"
        write_graph(source, args.view_actors, args.view_edges, args.view_claims)
        G = load_network(source)
        claims = read_claims(source)
        print(f"view: {G.number_of_nodes()} actors, {G.number_of_edges()} relations, "
              f"{sum(map(len, claims.values())):,} claims ({source.stat().st_size / 1e6:.0f} MB of N-Triples)",
              flush=True)
        times, cpu = [], []
        for _ in range(args.runs):
            t, c = time.perf_counter(), time.process_time()
            report = write_view(G, claims, Path(tmp) / "view.html", gazetteer=gaz)
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        write_s = statistics.median(times)
        print(f"  write_view:     {write_s:6.2f} s   (median of {args.runs}; CPU {statistics.median(cpu):.2f} s; "
              f"{report.pairs:,} pairs, {report.size / 1e6:.1f} MB)   target: under 5 s -> "
              f"{'OK' if write_s < 5 else 'TOO SLOW'}")
        t = time.perf_counter()
        view_graph(source, Path(tmp) / "view2.html", gazetteer=gaz)
        print(f"  view_graph:     {time.perf_counter() - t:6.2f} s   (reading the file included)", flush=True)
        if args.browser:
            ready, toggle = _browser_times(Path(tmp) / "view.html")
            print(f"  in Chromium:    {ready:6.2f} s until ready, {toggle:.2f} s for a relation toggle")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--actors", type=int, default=200)
    ap.add_argument("--edges", type=int, default=2000)
    ap.add_argument("--style", choices=STYLES, default="alliance")
    ap.add_argument("--layout", choices=LAYOUTS, default=None)
    ap.add_argument("--dpi", type=int, default=150)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--edge-labels", action="store_true")
    ap.add_argument("--view-actors", type=int, default=500)
    ap.add_argument("--view-edges", type=int, default=20000)
    ap.add_argument("--view-claims", type=int, default=50000)
    ap.add_argument("--no-draw", dest="draw", action="store_false", help="skip the drawing benchmark")
    ap.add_argument("--no-view", dest="view", action="store_false", help="skip the kg view benchmark")
    ap.add_argument("--browser", action="store_true", help="also time the page in headless Chromium")
    args = ap.parse_args()
    gaz = load_gazetteer()
    if args.draw:
        bench_draw(args, gaz)
    if args.view:
        bench_view(args, gaz)


if __name__ == "__main__":
    main()
