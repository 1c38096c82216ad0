"""kg.export and ``kg export``: every format opened by its own ecosystem's reader.

RDF files are parsed by rdflib and pyoxigraph and compared with the source graph; GraphML and GEXF
are read by networkx's readers; the JSON formats by json, checked against their documented shapes
and read back by networkx (node_link_graph, cytoscape_graph); the Neo4j CSV files by the csv module,
checked against neo4j-admin import's header rules; DOT by pydot. Each test checks that actors,
relations and attributes survived, not only that the file parses.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import click
import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib.compare import isomorphic

from kg.errors import FormatError
from kg.export import (EXPORT_FORMATS, QUAD_COLORS, TYPE_COLORS, export_format, export_graph, network_of,
                       relationship_type)
from kg.model import Document, Relation
from kg.network import to_networkx
from kg.rdf import build_graph, read_graph

# Sentences written for these tests (offsets need not match a document text here).
DOCS = [Document("news/one.txt", "", title="One", date="2024-06-01"),
        Document("news/two.txt", "", title="Two", date="2023-01-10"),
        Document("news/three.txt", "", title="Three", date="2025-02-02")]


def _rel(doc, s, p, o, sentence, start, **kw):
    labels = {"XAT": 'Atlantis "Free" State'}
    return Relation(doc, s, p, o, labels.get(s, s), labels.get(o, o), sentence, start, start + len(sentence), **kw)


RELATIONS = [
    _rel("news/one.txt", "PRK", "supplies", "RUS", "Pyongyang is said to ship shells to Moscow.", 0, hedged=True,
         time_value="2023", confidence=0.6),
    _rel("news/one.txt", "PRK", "supplies", "RUS", "North Korea delivered rockets to Russia in May 2024.", 50,
         sentence_index=1, time_value="2024-05", confidence=0.9),
    _rel("news/one.txt", "RUS", "atWarWith", "UKR", "Russia and Ukraine fought on along the front.", 120,
         sentence_index=2),
    _rel("news/two.txt", "UKR", "atWarWith", "RUS", "Ukraine kept fighting Russia in the east.", 0),
    _rel("news/two.txt", "USA", "sanctions", "PRK", "Washington imposed sanctions on Pyongyang.", 60,
         sentence_index=1, confidence=0.95, attributed_to="USA"),
    _rel("news/two.txt", "USA", "criticizes", "PRK", "The United States condemned the North's missile test.", 100,
         sentence_index=2, time_value="2023-01-09"),
    _rel("news/two.txt", "NATO", "supports", "UKR", "NATO pledged support for Ukraine.", 120, sentence_index=2),
    _rel("news/three.txt", "CHN", "criticizes", "WEST",
         'China called the Western statement "irresponsible; provocative", officials said.', 0),
    _rel("news/three.txt", "TUR", "supplies", "UKR", "Turkey denied sending drones to Ukraine.", 90,
         sentence_index=1, negated=True),
    _rel("news/three.txt", "XAT", "meetsWith", "CIV", "Envoys of Atlantis met officials of Côte d'Ivoire.", 140,
         sentence_index=2, time_value="2025-01-30"),
    _rel("news/three.txt", "DEU", "tradesWith", "CHN", "Germany may expand trade with China.", 200,
         sentence_index=3, hedged=True),
]
NETWORK_FORMATS = ["graphml", "gexf", "json", "cytoscape", "neo4j", "dot"]
RDF_SUFFIXES = [".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"]


@pytest.fixture(scope="module")
def source(tmp_path_factory, gazetteer):
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    g = build_graph(RELATIONS, DOCS, gazetteer)
    path.write_bytes(g.serialize(format="turtle", encoding="utf-8"))
    return path


@pytest.fixture(scope="module")
def expected(source):
    """The NetworkX view every network format must carry."""
    return to_networkx(read_graph(source))


def _edges(G):
    return {(u, v, d["predicate"]) for u, v, d in G.edges(data=True)}


# ---------------------------------------------------------------------------- registry

def test_formats_by_suffix_and_name():
    assert {f.name for f in EXPORT_FORMATS.values()} == set(NETWORK_FORMATS) | {
        "turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml"}
    assert export_format("a/b.GraphML").name == "graphml"
    assert export_format("x.cyjs").name == "cytoscape"
    assert export_format("x.gv").name == "dot"
    assert export_format("x.rdf").name == "rdfxml"
    assert export_format("whatever", to="d3").name == "json"
    assert export_format("dir", to="neo4j").directory
    with pytest.raises(FormatError, match="--to neo4j"):
        export_format("graph.csv")
    with pytest.raises(FormatError, match="unknown export format 'gml'"):
        export_format("x.gml", to="gml")


def test_relationship_types_follow_neo4j_conventions():
    from kg.predicates import RELATION_PREDICATES

    types = {p: relationship_type(p) for p in RELATION_PREDICATES}
    assert types["atWarWith"] == "AT_WAR_WITH" and types["vetoesFor"] == "VETOES_FOR"
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_]*", t) for t in types.values())
    assert len(set(types.values())) == len(types)


# ---------------------------------------------------------------------------- RDF

@pytest.mark.parametrize("suffix", RDF_SUFFIXES)
def test_rdf_exports_keep_every_claim_and_provenance(source, tmp_path, suffix):
    out = tmp_path / f"graph{suffix}"
    report = export_graph(source, out)
    original = read_graph(source)
    assert report.triples == len(original)
    assert isomorphic(read_graph(out), original)  # rdflib's parser
    ox_triples = {q.triple for q in ox.parse(path=str(out))}  # and Oxigraph's
    assert len(ox_triples) == len(original)


def test_rdf_export_with_to_ignores_the_suffix(source, tmp_path):
    out = tmp_path / "graph.data"
    export_graph(source, out, to="nt")
    assert len({q.triple for q in ox.parse(path=str(out), format=ox.RdfFormat.N_TRIPLES)}) == len(read_graph(source))


def test_rdf_export_of_a_store_directory(source, tmp_path):
    from kg.store import load_files

    load_files(tmp_path / "store", [source])
    export_graph(tmp_path / "store", tmp_path / "out.ttl")
    assert isomorphic(read_graph(tmp_path / "out.ttl"), read_graph(source))


# ---------------------------------------------------------------------------- GraphML and GEXF

def test_graphml_holds_actors_relations_and_typed_attributes(source, expected, tmp_path):
    out = tmp_path / "graph.graphml"
    export_graph(source, out)
    G = nx.read_graphml(out, force_multigraph=True)
    assert set(G.nodes) == set(expected.nodes)
    assert G.nodes["XAT"]["label"] == 'Atlantis "Free" State' and "type" not in G.nodes["XAT"]
    assert G.nodes["NATO"]["type"] == "organization" and G.nodes["WEST"]["type"] == "group"
    assert G.nodes["PRK"]["iso3"] == "PRK" and G.nodes["PRK"]["wikidata"] == "Q423"
    assert _edges(G) == _edges(expected)
    assert ("TUR", "UKR", "supplies") not in _edges(G)  # negated: no edge
    assert len({k for _, _, k in G.edges(keys=True)}) == G.number_of_edges()  # unique edge ids (Gephi)
    for u, v, d in G.edges(data=True):
        e = expected.edges[u, v, d["predicate"]]
        assert d["weight"] == e["weight"] and isinstance(d["weight"], int)
        assert d["confidence"] == pytest.approx(e["confidence"]) and isinstance(d["confidence"], float)
        assert d["hedged"] is e["hedged"] and d["symmetric"] is e["symmetric"]
        assert d["quad_class"] == e["quad_class"] and d["label"] == d["predicate"]
        assert json.loads(d["evidence"]) == e["evidence"]
        assert d["sentence"] == e["evidence"][0]["sentence"]
        assert d.get("first_time") == e["first_time"]
    supplies = G.get_edge_data("PRK", "RUS")["PRK-supplies-RUS"]
    assert (supplies["weight"], supplies["hedged"], supplies["first_time"], supplies["last_time"]) == (
        2, False, "2023", "2024-05")
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type")
            for k in ET.parse(out).getroot().iter("{http://graphml.graphdrawing.org/xmlns}key")}
    assert keys[("edge", "weight")] in ("int", "long") and keys[("edge", "confidence")] == "double"
    assert keys[("edge", "hedged")] == "boolean" and keys[("node", "label")] == "string"


def test_gexf_has_viz_colours_and_reads_back(source, expected, tmp_path):
    out = tmp_path / "graph.gexf"
    export_graph(source, out)
    G = nx.read_gexf(out)
    assert G.is_multigraph()  # USA sanctions and criticizes PRK: two edges of one pair
    assert set(G.nodes) == set(expected.nodes)
    assert {(u, v, k) for u, v, k in G.edges(keys=True)} == _edges(expected)  # keys are predicates
    assert len({d["id"] for _, _, d in G.edges(data=True)}) == G.number_of_edges()
    for n, d in G.nodes(data=True):
        assert d["label"] == expected.nodes[n]["label"]
        c = TYPE_COLORS[expected.nodes[n]["type"]]
        assert d["viz"]["color"] == {"r": int(c[1:3], 16), "g": int(c[3:5], 16), "b": int(c[5:7], 16), "a": 1.0}
    for u, v, k, d in G.edges(keys=True, data=True):
        e = expected.edges[u, v, k]
        assert (d["weight"], d["hedged"], d["symmetric"], d["quad_class"]) == (
            e["weight"], e["hedged"], e["symmetric"], e["quad_class"])
    root = ET.parse(out).getroot()
    gexf, viz = "{http://www.gexf.net/1.2draft}", "{http://www.gexf.net/1.2draft/viz}"
    colours = {}  # networkx reads no edge viz: read the edges' viz:color elements from the XML
    for edge in root.iter(f"{gexf}edge"):
        c = edge.find(f"{viz}color")
        colours[edge.get("id")] = "#%02x%02x%02x" % (int(c.get("r")), int(c.get("g")), int(c.get("b")))
    assert colours == {f"{u}-{k}-{v}": QUAD_COLORS[d["quad_class"]]
                       for u, v, k, d in expected.edges(keys=True, data=True)}
    assert root.find("{http://www.gexf.net/1.2draft}meta").get("lastmodifieddate") is None  # same bytes tomorrow


def test_gexf_colours_nodes_by_bloc(source, expected, tmp_path):
    from kg.analysis import blocs, signed_graph

    out = tmp_path / "blocs.gexf"
    export_graph(source, out, color_by="bloc")
    G = nx.read_gexf(out)
    groups, _ = blocs(signed_graph(expected))
    assert len(groups) >= 2
    for i, group in enumerate(groups, 1):
        assert {G.nodes[n]["bloc"] for n in group} == {i}
        assert len({G.nodes[n]["color"] for n in group}) == 1
    assert len({G.nodes[g[0]]["color"] for g in groups}) == len(groups)


# ---------------------------------------------------------------------------- JSON formats

def test_node_link_json_for_d3(source, expected, tmp_path):
    out = tmp_path / "graph.json"
    export_graph(source, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"directed", "multigraph", "nodes", "links"} <= data.keys()
    ids = [n["id"] for n in data["nodes"]]
    assert len(ids) == len(set(ids)) == expected.number_of_nodes()
    assert all(link["source"] in ids and link["target"] in ids for link in data["links"])
    G = nx.node_link_graph(data, edges="links")
    assert _edges(G) == _edges(expected)
    for u, v, k, d in G.edges(keys=True, data=True):
        assert d["evidence"] == expected.edges[u, v, k]["evidence"]
        assert d["weight"] == expected.edges[u, v, k]["weight"]
    assert G.nodes["CIV"]["label"] == "Ivory Coast"


def test_cytoscape_json_elements(source, expected, tmp_path):
    out = tmp_path / "graph.cyjs"
    export_graph(source, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    node_ids = [n["data"]["id"] for n in nodes]
    edge_ids = [e["data"]["id"] for e in edges]
    assert len(set(node_ids + edge_ids)) == len(nodes) + len(edges)  # Cytoscape.js: ids unique across elements
    assert all(isinstance(i, str) for i in node_ids + edge_ids)
    assert all(e["data"]["source"] in node_ids and e["data"]["target"] in node_ids for e in edges)
    by_id = {e["data"]["id"]: e["data"] for e in edges}
    crit = by_id["CHN-criticizes-WEST"]
    assert crit["sentences"] == ['China called the Western statement "irresponsible; provocative", officials said.']
    assert crit["quad_class"] == "verbalConflict" and crit["docs"] == ["news/three.txt"]
    G = nx.cytoscape_graph(data)  # networkx's reader of the same format
    assert {(u, v, k) for u, v, k in G.edges(keys=True)} == _edges(expected)
    assert G.nodes["XAT"]["name"] == 'Atlantis "Free" State'


# ---------------------------------------------------------------------------- Neo4j

_NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
                "localtime", "time", "localdatetime", "datetime", "duration"}


def _neo4j_header(header: list[str], kind: str) -> dict[str, str]:
    """Check a header against neo4j-admin import's rules; return property name -> type."""
    props, special = {}, []
    for field in header:
        name, sep, ftype = field.rpartition(":") if ":" in field else (field, "", "")
        if not sep:
            name, ftype = field, "string"
        base = re.sub(r"\(.*\)$", "", ftype)
        if base in ("ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"):
            special.append(base)
            if base == "ID" and name:
                props[name] = "string"
            continue
        assert name, f"a property field needs a name: {field}"
        assert base.removesuffix("[]") in _NEO4J_TYPES, f"unknown type in {field}"
        props[name] = base
    if kind == "nodes":
        assert special.count("ID") == 1 and "START_ID" not in special
    else:
        assert sorted(special) == ["END_ID", "START_ID", "TYPE"]
    assert len(props) == len(set(props))
    return props


def test_neo4j_csv_follows_the_import_header_rules(source, expected, tmp_path):
    out = tmp_path / "neo4j"
    export_graph(source, out, to="neo4j")
    assert sorted(p.name for p in out.iterdir()) == ["nodes.csv", "relationships.csv"]
    with open(out / "nodes.csv", encoding="utf-8", newline="") as fh:
        nodes = list(csv.reader(fh))
    with open(out / "relationships.csv", encoding="utf-8", newline="") as fh:
        rels = list(csv.reader(fh))
    node_props = _neo4j_header(nodes[0], "nodes")
    rel_props = _neo4j_header(rels[0], "relationships")
    assert rel_props["weight"] == "int" and rel_props["confidence"] == "float" and rel_props["hedged"] == "boolean"
    n_head, r_head = nodes[0], rels[0]
    node_rows = [dict(zip(n_head, r)) for r in nodes[1:]]
    rel_rows = [dict(zip(r_head, r)) for r in rels[1:]]
    ids = [r["id:ID"] for r in node_rows]
    assert sorted(ids) == sorted(expected.nodes) and len(set(ids)) == len(ids)
    labels = {r["id:ID"]: r[":LABEL"].split(";") for r in node_rows}
    assert labels["PRK"] == ["Actor", "State"] and labels["NATO"] == ["Actor", "Organization"]
    assert labels["WEST"] == ["Actor", "Group"] and labels["XAT"] == ["Actor"]
    assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", lab) for labs in labels.values() for lab in labs)
    assert {r["id:ID"]: r["label"] for r in node_rows}["XAT"] == 'Atlantis "Free" State'
    for row in rel_rows:
        assert row[":START_ID"] in ids and row[":END_ID"] in ids
        assert row[":TYPE"] == relationship_type(row["predicate"])
        e = expected.edges[row[":START_ID"], row[":END_ID"], row["predicate"]]
        assert int(row["weight:int"]) == e["weight"]
        assert float(row["confidence:float"]) == pytest.approx(e["confidence"])
        assert row["hedged:boolean"] == ("true" if e["hedged"] else "false")
        assert row["symmetric:boolean"] in ("true", "false")
        assert row["sentence"] == e["evidence"][0]["sentence"]
    assert {(r[":START_ID"], r[":END_ID"], r["predicate"]) for r in rel_rows} == _edges(expected)
    assert node_props["label"] == "string"


def test_neo4j_directory_is_replaced_whole_and_never_clobbers_other_files(source, tmp_path):
    out = tmp_path / "neo4j"
    export_graph(source, out, to="neo4j")
    (out / "nodes.csv").write_text("stale\n")
    export_graph(source, out, to="neo4j")
    assert (out / "nodes.csv").read_text().startswith("id:ID,")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary directory left
    (out / "notes.txt").write_text("mine")
    with pytest.raises(Exception, match="holds other files"):
        export_graph(source, out, to="neo4j")
    assert (out / "notes.txt").read_text() == "mine"


# ---------------------------------------------------------------------------- DOT

def test_dot_reads_with_pydot(source, expected, tmp_path):
    pydot = pytest.importorskip("pydot")
    out = tmp_path / "graph.dot"
    export_graph(source, out)
    (graph,) = pydot.graph_from_dot_file(str(out))
    G = nx.nx_pydot.from_pydot(graph)

    def unq(s):
        return s[1:-1].replace('\\"', '"') if s.startswith('"') else s

    assert {unq(n) for n in G.nodes} == set(expected.nodes)
    assert {(unq(u), unq(v), unq(k)) for u, v, k in G.edges(keys=True)} == _edges(expected)
    labels = {unq(n): unq(d["label"]) for n, d in G.nodes(data=True)}
    assert labels["XAT"] == 'Atlantis "Free" State' and labels["CIV"] == "Ivory Coast"
    war = [d for u, v, d in G.edges(data=True) if unq(d["predicate"]) == "atWarWith"][0]
    assert unq(war["dir"]) == "none" and unq(war["weight"]) == "2"


def test_dot_quotes_every_id_in_a_stable_order(source, tmp_path):
    out = tmp_path / "graph.dot"
    export_graph(source, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "digraph kg {" and lines[-1] == "}"
    nodes = [m.group(1) for line in lines if (m := re.match(r'  "([^"]+)" \[', line))]
    edges = [line for line in lines if " -> " in line]
    assert nodes == sorted(nodes) and len(edges) == 8
    assert all(re.match(r'  "[^"]+" -> "[^"]+" \[', e) for e in edges)


# ---------------------------------------------------------------------------- every format

@pytest.mark.parametrize("name", sorted(EXPORT_FORMATS))
def test_every_format_is_deterministic(source, tmp_path, name):
    fmt = EXPORT_FORMATS[name]
    suffix = fmt.suffixes[0] if fmt.suffixes else ""
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    export_graph(source, a, to=name)
    export_graph(source, b, to=name)
    if fmt.directory:
        assert all((a / f).read_bytes() == (b / f).read_bytes() for f in ("nodes.csv", "relationships.csv"))
    else:
        assert a.read_bytes() == b.read_bytes()


def test_a_failed_export_leaves_the_old_output(tmp_path):
    out = tmp_path / "graph.graphml"
    out.write_text("old")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    with pytest.raises(Exception, match="bad.ttl"):
        export_graph(bad, out)
    assert out.read_text() == "old"


def test_empty_graph_exports(tmp_path):
    from rdflib import Graph

    for name in sorted(EXPORT_FORMATS):
        fmt = EXPORT_FORMATS[name]
        export_graph(Graph(), tmp_path / f"empty-{name}{fmt.suffixes[0] if fmt.suffixes else ''}", to=name)
    assert nx.read_graphml(tmp_path / "empty-graphml.graphml").number_of_nodes() == 0


# ---------------------------------------------------------------------------- filters

def test_filters_narrow_the_network_and_the_rdf(source, gazetteer, tmp_path):
    from kg.filters import GraphFilter

    from kg.vocab import ACTOR, KG

    flt = GraphFilter(relations=frozenset({"supplies"}))
    export_graph(source, tmp_path / "s.graphml", flt=flt)
    G = nx.read_graphml(tmp_path / "s.graphml", force_multigraph=True)
    assert _edges(G) == {("PRK", "RUS", "supplies")} and set(G.nodes) == {"PRK", "RUS"}
    graph = read_graph(source)
    graph.add((ACTOR.RUS, KG.memberOf, ACTOR.UN))  # a structural tie of a kept actor stays
    graph.add((ACTOR.USA, KG.memberOf, ACTOR.NATO))  # one of an actor left out goes
    export_graph(graph, tmp_path / "s.ttl", flt=flt)
    # the claims behind the kept relation, their document and actors: what kg build makes of them alone
    kept = [r for r in RELATIONS if r.predicate == "supplies" and not r.negated]
    expected_graph = build_graph(kept, DOCS[:1], gazetteer)
    expected_graph.add((ACTOR.RUS, KG.memberOf, ACTOR.UN))
    assert isomorphic(read_graph(tmp_path / "s.ttl"), expected_graph)


def test_time_filter_keeps_only_the_evidence_of_the_period(source, gazetteer, tmp_path):
    from kg.filters import GraphFilter

    export_graph(source, tmp_path / "recent.nt", flt=GraphFilter(since="2024"))
    # claim times first, else the document's date (news/one.txt 2024-06-01, news/three.txt 2025-02-02)
    kept = [RELATIONS[i] for i in (1, 2, 7, 9, 10)]
    assert [r.sentence for r in kept][:2] == ["North Korea delivered rockets to Russia in May 2024.",
                                              "Russia and Ukraine fought on along the front."]
    assert isomorphic(read_graph(tmp_path / "recent.nt"), build_graph(kept, [DOCS[0], DOCS[2]], gazetteer))
    G = network_of(read_graph(source), GraphFilter(since="2024"))
    assert G.edges["PRK", "RUS", "supplies"]["weight"] == 1 and G.edges["RUS", "UKR", "atWarWith"]["weight"] == 1


def test_focus_filter(source, tmp_path):
    from kg.filters import GraphFilter

    export_graph(source, tmp_path / "f.cyjs", flt=GraphFilter(focus="PRK", depth=1))
    data = json.loads((tmp_path / "f.cyjs").read_text(encoding="utf-8"))
    assert sorted(n["data"]["id"] for n in data["elements"]["nodes"]) == ["PRK", "RUS", "USA"]
    assert sorted(e["data"]["id"] for e in data["elements"]["edges"]) == [
        "PRK-supplies-RUS", "USA-criticizes-PRK", "USA-sanctions-PRK"]


def test_characters_xml_cannot_hold_are_left_out(gazetteer, tmp_path):
    rel = _rel("d", "PRK", "threatens", "KOR", "Pyongyang\x01 warned <Seoul> & \x0cits allies.", 0)
    g = build_graph([rel], [], gazetteer)
    for suffix, read in ((".graphml", lambda p: nx.read_graphml(p, force_multigraph=True)), (".gexf", nx.read_gexf)):
        export_graph(g, tmp_path / f"x{suffix}")
        (d,) = [d for _, _, d in read(tmp_path / f"x{suffix}").edges(data=True)]
        assert d["sentence"] == "Pyongyang warned <Seoul> & its allies."


# ---------------------------------------------------------------------------- command

@pytest.fixture()
def cli():
    from kg.cli_export import export

    return click.Group("kg", commands={"export": export})


def test_export_command(cli, source, tmp_path):
    out = tmp_path / "g.gexf"
    result = CliRunner().invoke(cli, ["export", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"kg: wrote 11 actors and 8 relations to {out} (gexf)"
    assert nx.read_gexf(out).number_of_edges() == 8


def test_export_command_with_to_and_filters(cli, source, tmp_path):
    out = tmp_path / "neo"
    result = CliRunner().invoke(cli, ["export", str(source), "-o", str(out), "--to", "neo4j", "--relations",
                                      "supplies,atWarWith", "-q"])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    with open(out / "relationships.csv", encoding="utf-8", newline="") as fh:
        types = sorted(row[":TYPE"] for row in csv.DictReader(fh))
    assert types == ["AT_WAR_WITH", "SUPPLIES"]


def test_export_command_focus(cli, source, tmp_path):
    out = tmp_path / "focus.json"
    result = CliRunner().invoke(cli, ["export", str(source), "-o", str(out), "--focus", "North Korea",
                                      "--depth", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {(link["source"], link["target"]) for link in data["links"]} == {("PRK", "RUS"), ("USA", "PRK")}


def test_export_command_errors(cli, source, tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["export", str(source), "-o", str(tmp_path / "g.csv")])
    assert r.exit_code == 2 and "--to neo4j" in r.output
    r = runner.invoke(cli, ["export", str(tmp_path / "missing.ttl"), "-o", str(tmp_path / "g.gexf")])
    assert r.exit_code == 1 and "missing.ttl" in r.output and "Traceback" not in r.output
    r = runner.invoke(cli, ["export", str(source), "-o", str(tmp_path / "no" / "g.gexf")])
    assert r.exit_code == 1 and "does not exist" in r.output
    r = runner.invoke(cli, ["export", str(source), "-o", str(tmp_path / "g.gexf"), "--to", "pdf"])
    assert r.exit_code == 2 and "unknown export format" in r.output


@pytest.mark.slow
def test_a_focused_export_does_not_depend_on_the_hash_seed(tmp_path):
    """--focus keeps the graph's node and edge order: the same bytes under any PYTHONHASHSEED (the
    subgraph view it used before iterated a set of actor ids)."""
    import os
    import subprocess
    import sys

    graph = Path(__file__).resolve().parent.parent / "graphs" / "examples.ttl"
    outputs = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"focus-{seed}.json"
        subprocess.run([sys.executable, "-m", "kg.cli", "export", str(graph), "-o", str(out), "--focus", "PRK",
                        "--quiet"], check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    nodes = [n["id"] for n in json.loads(outputs[0])["nodes"]]
    assert nodes == sorted(nodes) and "PRK" in nodes
