"""Query speed of ``kg query`` on a store, and load throughput of ``kg load`` (issue 3 targets).

Generates a graph of N claims in the shape of ``kg build`` output (checked against
``kg.rdf.build_graph`` on a small sample), loads it into an Oxigraph store with ``kg load``, then
times, as whole processes, ``kg query STORE`` running a GROUP BY aggregate over the claims and a
minimal pyoxigraph script running the same query on the same store. Prints:

- load throughput in triples/s (target >= 200,000)
- the ratio of the two query times (target <= 1.5)

    python bench/bench_query.py                 # 100,000 claims
    python bench/bench_query.py --claims 10000  # a quick run
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.model import Document, Relation
from kg.rdf import build_graph, claim_id, doc_slug

ACTORS = ["PRK", "RUS", "CHN", "UKR", "KOR", "USA", "GBR", "FRA", "DEU", "IRN", "ISR", "TUR", "IND", "PAK",
          "JPN", "POL", "HUN", "BLR", "SYR", "VNM", "PHL", "AUS", "CAN", "BRA", "EGY", "SAU", "QAT", "ARM",
          "AZE", "SRB", "UN", "UNSC", "NATO", "EU", "WEST", "INTL"]
PREDICATES = ["alliedWith", "meetsWith", "agreesWith", "supports", "vetoesFor", "supplies", "aids",
              "cooperatesWith", "tradesWith", "concernedBy", "criticizes", "threatens", "tensionWith",
              "sanctions", "attacks", "atWarWith"]
SYMMETRIC = {"alliedWith", "meetsWith", "agreesWith", "cooperatesWith", "tradesWith", "tensionWith", "atWarWith"}
ITEMS = ["artillery shells", "drones", "fuel", "grain", "missiles", "tanks"]
WORDS = ["officials", "said", "the", "talks", "border", "ministry", "deal", "forces", "reported", "statement",
         "envoy", "week", "region", "security", "trade", "on", "over", "near", "after", "new"]

#: the GROUP BY aggregate both processes run: claims and documents per predicate and subject
QUERY = """PREFIX kg: <https://w3id.org/kgstates/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?predicate ?subject (COUNT(?claim) AS ?claims) (COUNT(DISTINCT ?doc) AS ?documents)
WHERE {
  ?claim a kg:Claim ; rdf:predicate ?predicate ; rdf:subject ?subject ; kg:negated false ;
         prov:wasDerivedFrom ?doc .
}
GROUP BY ?predicate ?subject
ORDER BY DESC(?claims) ?predicate ?subject
"""

OX_SCRIPT = """import sys
import pyoxigraph
store = pyoxigraph.Store.read_only(sys.argv[1])
results = store.query(sys.argv[2])
sys.stdout.buffer.write(results.serialize(format=pyoxigraph.QueryResultsFormat.CSV))
"""


def relations(n_claims: int, seed: int = 11):
    """Yield ``n_claims`` synthetic relations (10 a document) and the documents they come from."""
    rng = random.Random(seed)
    docs: list[Document] = []
    rels: list[Relation] = []
    for i in range(n_claims):
        if i % 10 == 0:
            docs.append(Document(id=f"bench/doc-{i // 10:06d}.txt", text="", title=f"Report {i // 10}",
                                 date=f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"))
        subj, obj = rng.sample(ACTORS, 2)
        rels.append(random_claim(rng, docs[-1].id, i, subj, rng.choice(PREDICATES), obj, ACTORS))
    return rels, docs


def random_claim(rng: random.Random, doc_id: str, i: int, subj: str, pred: str, obj: str,
                 speakers: list[str]) -> Relation:
    """One claim of a generated graph, in the shape extraction gives (shared with bench/graphs.py)."""
    sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))).capitalize() + "."
    start = rng.randint(0, 4000)
    supplies = pred in ("supplies", "aids")
    year = rng.randint(2015, 2025)
    return Relation(
        doc=doc_id, subject=subj, predicate=pred, object=obj, subject_label=subj, object_label=obj,
        sentence=sentence, start=start, end=start + len(sentence), sentence_index=i % 10,
        hedged=rng.random() < 0.2, negated=rng.random() < 0.05,
        attributed_to=rng.choice(speakers) if rng.random() < 0.1 else None,
        item=rng.choice(ITEMS) if supplies else None,
        quantity=f"{rng.randint(2, 900)} containers" if supplies and rng.random() < 0.3 else None,
        time=f"in {year}" if rng.random() < 0.3 else None,
        time_value=str(year) if rng.random() < 0.3 else None,
        confidence=round(rng.uniform(0.3, 0.99), 2), trigger=pred.lower())


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


KG = "https://w3id.org/kgstates/ontology#"
ACTOR = "https://w3id.org/kgstates/actor/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def write_ntriples(rels, docs, path: Path, labels: dict[str, tuple[str, str]]) -> int:
    """Write the graph ``build_graph(rels, docs, gazetteer)`` would give as N-Triples, fast; return the
    number of distinct triples. ``labels`` maps an actor id to (rdf:type local name, label)."""
    lines: set[str] = set()
    add = lines.add
    typ, dcterms = f"<{RDF}type>", "http://purl.org/dc/terms/"
    for d in docs:
        node = f"<https://w3id.org/kgstates/doc/{doc_slug(d.id)}>"
        add(f"{node} {typ} <{KG}Document> .")
        add(f"{node} {typ} <http://www.w3.org/ns/prov#Entity> .")
        add(f"{node} <{dcterms}identifier> {_lit(d.id)} .")
        add(f"{node} <{dcterms}title> {_lit(d.title)} .")
        add(f"{node} <{dcterms}date> \"{d.date}\"^^<{XSD}date> .")
    for r in rels:
        node = f"<https://w3id.org/kgstates/claim/{claim_id(r)}>"
        pred, subj, obj = f"<{KG}{r.predicate}>", f"<{ACTOR}{r.subject}>", f"<{ACTOR}{r.object}>"
        add(f"{node} {typ} <{KG}Claim> .")
        add(f"{node} {typ} <{RDF}Statement> .")
        add(f"{node} <{RDF}subject> {subj} .")
        add(f"{node} <{RDF}predicate> {pred} .")
        add(f"{node} <{RDF}object> {obj} .")
        add(f"{node} <{KG}evidence> {_lit(r.sentence)} .")
        add(f"{node} <{KG}startOffset> \"{r.start}\"^^<{XSD}integer> .")
        add(f"{node} <{KG}endOffset> \"{r.end}\"^^<{XSD}integer> .")
        add(f"{node} <{KG}sentenceIndex> \"{r.sentence_index}\"^^<{XSD}integer> .")
        add(f"{node} <{KG}hedged> \"{str(r.hedged).lower()}\"^^<{XSD}boolean> .")
        add(f"{node} <{KG}negated> \"{str(r.negated).lower()}\"^^<{XSD}boolean> .")
        add(f"{node} <{KG}confidence> \"{r.confidence}\"^^<{XSD}decimal> .")
        if r.attributed_to:
            add(f"{node} <{KG}attributedTo> <{ACTOR}{r.attributed_to}> .")
        for prop, value in (("item", r.item), ("quantity", r.quantity), ("timeExpression", r.time),
                            ("trigger", r.trigger)):
            if value:
                add(f"{node} <{KG}{prop}> {_lit(value)} .")
        if r.time_value:
            add(f"{node} <{KG}time> \"{r.time_value}\"^^<{XSD}gYear> .")
        add(f"{node} <http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/kgstates/doc/{doc_slug(r.doc)}> .")
        if not r.negated:
            add(f"{subj} {pred} {obj} .")
            if r.predicate in SYMMETRIC:
                add(f"{obj} {pred} {subj} .")
    for actor_id, (kind, label) in labels.items():
        node = f"<{ACTOR}{actor_id}>"
        add(f"{node} {typ} <{KG}{kind}> .")
        add(f"{node} <http://www.w3.org/2000/01/rdf-schema#label> {_lit(label)}@en .")
        if kind == "State":
            add(f"{node} <{KG}iso3> {_lit(actor_id)} .")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(sorted(lines)) + "\n")
    return len(lines)


def _labels() -> dict[str, tuple[str, str]]:
    orgs = {"UN", "UNSC", "NATO", "EU"}
    groups = {"WEST", "INTL"}
    return {a: ("Organization" if a in orgs else "Group" if a in groups else "State", f"Actor {a}") for a in ACTORS}


class _Gazetteer:
    """The least of a gazetteer build_graph needs, matching ``_labels``."""

    def __init__(self, labels):
        from types import SimpleNamespace

        kinds = {"State": "state", "Organization": "organization", "Group": "group"}
        self.actors = {a: SimpleNamespace(id=a, kind=kinds[k], label=lab, iso2=None, wikidata=None)
                       for a, (k, lab) in labels.items()}


def check_shape(tmp: Path) -> None:
    """The fast writer gives the same graph as kg.rdf.build_graph on a sample."""
    from rdflib import Graph
    from rdflib.compare import isomorphic

    rels, docs = relations(300, seed=3)
    path = tmp / "sample.nt"
    write_ntriples(rels, docs, path, _labels())
    mine = Graph().parse(path, format="nt")
    theirs = build_graph(rels, docs, _Gazetteer(_labels()))
    assert isomorphic(mine, theirs), "the benchmark graph must have the shape of kg build output"


def _kg_command() -> list[str]:
    """How to run ``kg`` as a process: the console script when it has the query and load commands."""
    script = shutil.which("kg")
    if script and all(subprocess.run([script, c, "--help"], capture_output=True).returncode == 0
                      for c in ("query", "load")):
        return [script]
    # not registered yet: a group holding the two commands of kg.cli_query
    return [sys.executable, "-c",
            "import click, sys; from kg.cli_query import load, query\n"
            "cli = click.Group('kg', commands={'query': query, 'load': load}); cli()"]


def _time(cmd: list[str], runs: int) -> tuple[float, bytes]:
    times, out = [], b""
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise SystemExit(f"failed: {' '.join(cmd[:3])} ...\n{proc.stderr.decode()}")
        out = proc.stdout
    return statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5, help="query runs of each process (the median counts)")
    ap.add_argument("--loads", type=int, default=3, help="loads into a fresh store (the median counts)")
    ap.add_argument("--keep", help="keep the graph and store in this folder")
    ap.add_argument("--turtle", action="store_true", help="also time loading the graph as Turtle")
    args = ap.parse_args()
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="kg-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        check_shape(tmp)
        t0 = time.perf_counter()
        rels, docs = relations(args.claims)
        graph = tmp / "graph.nt"
        n_triples = write_ntriples(rels, docs, graph, _labels())
        print(f"graph: {args.claims:,} claims, {n_triples:,} triples, {graph.stat().st_size / 1e6:.0f} MB "
              f"(generated in {time.perf_counter() - t0:.1f} s)")
        del rels, docs
        kg = _kg_command()
        print(f"kg command: {' '.join(kg) if len(kg) == 1 else 'python -c (kg.cli_query commands)'}")
        store = tmp / "store"
        loads = []
        for _ in range(args.loads):  # each into a fresh store; the median counts
            shutil.rmtree(store, ignore_errors=True)
            os.sync()  # write the generated file out first, so that its writeback does not slow the load
            loads.append(_time(kg + ["load", str(graph), "--store", str(store)], 1)[0])
        t_load = statistics.median(loads)
        print(f"kg load (N-Triples): {t_load:.2f} s, {n_triples / t_load:,.0f} triples/s (target >= 200,000)")
        if args.turtle:
            import pyoxigraph

            turtle = tmp / "graph.ttl"
            pyoxigraph.serialize(pyoxigraph.parse(path=str(graph)), str(turtle), pyoxigraph.RdfFormat.TURTLE,
                                 prefixes={"kg": KG, "actor": ACTOR, "xsd": XSD, "rdf": RDF})
            os.sync()
            t_ttl, _ = _time(kg + ["load", str(turtle), "--store", str(tmp / "store-ttl")], 1)
            print(f"kg load (Turtle): {t_ttl:.2f} s, {n_triples / t_ttl:,.0f} triples/s")

        ox_script = tmp / "ox_query.py"
        ox_script.write_text(OX_SCRIPT, encoding="utf-8")
        t_kg, out_kg = _time(kg + ["query", str(store), QUERY, "--format", "csv"], args.runs)
        t_ox, out_ox = _time([sys.executable, str(ox_script), str(store), QUERY], args.runs)
        assert out_kg == out_ox, "kg query and pyoxigraph must print the same CSV"
        rows = out_kg.count(b"\n") - 1
        print(f"GROUP BY query ({rows} rows): kg query {t_kg:.3f} s, pyoxigraph script {t_ox:.3f} s")
        print(f"ratio kg query / pyoxigraph: {t_kg / t_ox:.2f} (target <= 1.5)")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
