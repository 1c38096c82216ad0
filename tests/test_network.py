"""kg.network: the NetworkX view of a kg graph."""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph

from kg.errors import FormatError, GraphError
from kg.filters import GraphFilter, apply_filter
from kg.gazetteer import _build
from kg.model import Document, Relation
from kg.network import from_relations, load_network, to_networkx
from kg.rdf import FORMATS, build_graph, serialize_graph, write_graph

GAZETTEER_TTL = """
@prefix kg: <https://w3id.org/kgstates/ontology#> .
@prefix actor: <https://w3id.org/kgstates/actor/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix wd: <http://www.wikidata.org/entity/> .

actor:CHL a kg:State ; rdfs:label "Chile"@en ; kg:iso2 "CL" ; owl:sameAs wd:Q298 .
actor:ARG a kg:State ; rdfs:label "Argentina"@en ; kg:iso2 "AR" ; owl:sameAs wd:Q414 .
actor:NOR a kg:State ; rdfs:label "Norway"@en ; kg:iso2 "NO" .
actor:UN a kg:Organization ; rdfs:label "United Nations"@en ; owl:sameAs wd:Q1065 .
actor:INTL a kg:Group ; rdfs:label "the international community"@en .
"""

LABELS = {"CHL": "Chile", "ARG": "Argentina", "NOR": "Norway", "UN": "United Nations",
          "INTL": "the international community"}


def _rel(doc, s, p, o, sentence, start, **kw):
    return Relation(doc, s, p, o, LABELS[s], LABELS[o], sentence, start, start + len(sentence), **kw)


@pytest.fixture(scope="module")
def gazetteer():
    return _build(Graph().parse(data=GAZETTEER_TTL, format="turtle"))


@pytest.fixture(scope="module")
def relations():
    a = "Chile shipped copper wire to Argentina last spring."
    b = "Argentina and Chile ran a joint naval drill."
    c = "Norway reportedly sent copper to Argentina, the UN said."
    d = "Chile did not ship copper to Norway."
    e = "Chile and Argentina drilled together again, while Chile shipped more wire to Argentina."
    return [
        _rel("d1", "CHL", "supplies", "ARG", a, 0, time_value="2023-04", confidence=0.7),
        _rel("d1", "ARG", "cooperatesWith", "CHL", b, 52, time_value="2023-05-02", confidence=0.8),
        _rel("d2", "NOR", "supplies", "ARG", c, 0, hedged=True, attributed_to="UN", confidence=0.55),
        _rel("d2", "CHL", "supplies", "NOR", d, 60, negated=True),
        _rel("d3", "CHL", "cooperatesWith", "ARG", e, 0, time_value="2024", hedged=True, confidence=0.6),
        _rel("d3", "CHL", "supplies", "ARG", e, 0, hedged=True, confidence=0.9),
    ]


@pytest.fixture(scope="module")
def net(relations, gazetteer):
    return to_networkx(build_graph(relations, [], gazetteer))


def test_nodes_and_attributes(net):
    assert isinstance(net, nx.MultiDiGraph)
    assert sorted(net.nodes) == ["ARG", "CHL", "NOR", "UN"]  # UN only attributes a claim
    assert net.nodes["CHL"] == {"label": "Chile", "iso3": "CHL", "type": "state", "wikidata": "Q298"}
    assert net.nodes["NOR"]["wikidata"] is None
    assert net.nodes["UN"] == {"label": "United Nations", "iso3": None, "type": "organization",
                               "wikidata": "Q1065"}


def test_one_edge_per_distinct_relation(net):
    assert sorted(net.edges(keys=True)) == [
        ("ARG", "CHL", "cooperatesWith"),  # symmetric: one edge, ends in sorted order
        ("CHL", "ARG", "supplies"),
        ("NOR", "ARG", "supplies"),
    ]  # the negated CHL supplies NOR gives no edge


def test_directed_edge_attributes(net):
    e = net.edges["CHL", "ARG", "supplies"]
    assert e["predicate"] == "supplies"
    assert e["quad_class"] == "materialCooperation"
    assert e["symmetric"] is False
    assert e["weight"] == 2
    assert e["confidence"] == 0.9
    assert e["hedged"] is False  # one of its two claims is plain fact
    assert e["first_time"] == e["last_time"] == "2023-04"
    assert [(ev["doc"], ev["start"]) for ev in e["evidence"]] == [("d1", 0), ("d3", 0)]
    assert e["evidence"][0] == {"doc": "d1", "sentence": "Chile shipped copper wire to Argentina last spring.",
                                "start": 0, "end": 51, "hedged": False, "attributed_to": None,
                                "time": "2023-04"}


def test_symmetric_edge_merges_both_directions(net):
    e = net.edges["ARG", "CHL", "cooperatesWith"]
    assert e["symmetric"] is True
    assert e["weight"] == 2
    assert e["confidence"] == 0.8
    assert e["first_time"] == "2023-05-02" and e["last_time"] == "2024"
    assert not net.has_edge("CHL", "ARG", "cooperatesWith")


def test_hedged_when_every_claim_is_hedged(net):
    e = net.edges["NOR", "ARG", "supplies"]
    assert e["hedged"] is True and e["weight"] == 1
    assert e["evidence"][0]["attributed_to"] == "UN"
    assert e["first_time"] is None and e["last_time"] is None


def test_from_relations_equals_to_networkx(relations, gazetteer, net):
    direct = from_relations(relations, gazetteer)
    assert dict(direct.nodes(data=True)) == dict(net.nodes(data=True))
    assert sorted(direct.edges(keys=True, data=True)) == sorted(net.edges(keys=True, data=True))


def test_from_relations_without_gazetteer(relations):
    g = from_relations(relations)
    assert g.nodes["CHL"] == {"label": "Chile", "iso3": None, "type": None, "wikidata": None}
    assert g.number_of_edges() == 3


def test_same_sentence_both_directions_counts_once():
    s = "Chile and Norway are at odds over fishing quotas."
    rels = [_rel("d", "CHL", "tensionWith", "NOR", s, 0), _rel("d", "NOR", "tensionWith", "CHL", s, 0)]
    g = from_relations(rels)
    assert g.edges["CHL", "NOR", "tensionWith"]["weight"] == 1
    for evidence in (True, False):
        g = load_network(build_graph(rels + [_rel("d", "NOR", "tensionWith", "CHL", s + " Again.", 0)], [], None),
                         evidence=evidence)
        assert g.edges["CHL", "NOR", "tensionWith"]["weight"] == 2


def test_merged_graph_does_not_double_count(relations, gazetteer):
    graph = build_graph(relations, [], gazetteer)
    for triple in build_graph(relations[:3], [], gazetteer):
        graph.add(triple)
    assert to_networkx(graph).edges["CHL", "ARG", "supplies"]["weight"] == 2


def test_empty_graph():
    assert to_networkx(Graph()).number_of_nodes() == 0
    assert from_relations([]).number_of_edges() == 0


# ---------------------------------------------------------------------------- load_network

DOCUMENTS = [Document("d1", "", title="One", date="2023-03-30"), Document("d2", "", date="2022-11-02"),
             Document("d3", "", date="2024-06-01")]


def _as_lists(G):
    return list(G.nodes(data=True)), list(G.edges(keys=True, data=True)), G.graph["document_dates"]


@pytest.fixture(scope="module")
def sources(relations, gazetteer, tmp_path_factory):
    """The same graph as an rdflib Graph, as a file in every RDF format, and as a store directory."""
    from kg.formats import FORMATS
    from kg.store import load_files

    tmp = tmp_path_factory.mktemp("sources")
    graph = build_graph(relations, DOCUMENTS, gazetteer)
    files = []
    for suffix in dict.fromkeys(FORMATS):
        path = tmp / f"graph{suffix}"
        write_graph(graph, path)
        files.append(path)
    load_files(tmp / "store", [files[0]])
    return graph, files, tmp / "store"


def test_load_network_file_store_and_graph_agree(sources, relations, gazetteer):
    import pyoxigraph as ox

    graph, files, store = sources
    expected = _as_lists(load_network(graph))
    assert expected[0] == list(from_relations(relations, gazetteer).nodes(data=True))
    assert expected[1] == list(from_relations(relations, gazetteer).edges(keys=True, data=True))
    assert expected[2] == {"d1": "2023-03-30", "d2": "2022-11-02", "d3": "2024-06-01"}
    for source in [*files, str(files[0]), store]:
        assert _as_lists(load_network(source)) == expected, source
    memory = ox.Store()
    memory.load(path=str(files[1]), format=ox.RdfFormat.N_TRIPLES)
    assert _as_lists(load_network(memory)) == expected


@pytest.mark.parametrize("flt", [GraphFilter(since="2023-04"), GraphFilter(until="2022"),
                                 GraphFilter(focus="NOR", depth=1), GraphFilter(exclude_hedged=True, min_evidence=2),
                                 GraphFilter(relations=frozenset({"supplies"}), min_confidence=0.6)],
                         ids=["since", "until", "focus", "hedged-evidence", "relations-confidence"])
def test_load_network_applies_the_filter(sources, relations, gazetteer, flt):
    graph, files, store = sources
    dates = {"d1": "2023-03-30", "d2": "2022-11-02", "d3": "2024-06-01"}
    expected = apply_filter(from_relations(relations, gazetteer), flt, document_dates=dates)
    for source in (graph, files[0], store):
        G = load_network(source, flt, gazetteer)
        assert list(G.nodes(data=True)) == list(expected.nodes(data=True))
        assert list(G.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
        assert list(G.nodes) == sorted(G.nodes)  # the focus keeps node order, whatever the hash seed


@pytest.mark.parametrize("flt", [None, GraphFilter(since="2023-04"), GraphFilter(exclude_hedged=True),
                                 GraphFilter(focus="NOR", depth=1), GraphFilter(min_evidence=2),
                                 GraphFilter(relations=frozenset({"supplies"}), min_confidence=0.6)],
                         ids=["none", "since", "hedged", "focus", "evidence", "relations-confidence"])
def test_load_network_without_evidence_lists(sources, gazetteer, flt):
    """evidence=False (kg analyze, kg diff): the same graph without the edges' evidence lists, which
    a filter on the evidence (since, until, exclude_hedged) still gets."""
    graph, files, store = sources
    reads_evidence = flt is not None and (flt.since or flt.exclude_hedged)
    for source in (graph, files[0], store):
        full, lean = load_network(source, flt, gazetteer), load_network(source, flt, gazetteer, evidence=False)
        assert list(lean.nodes(data=True)) == list(full.nodes(data=True))
        assert lean.graph == full.graph
        expected = [(u, v, k, d if reads_evidence else {a: x for a, x in d.items() if a != "evidence"})
                    for u, v, k, d in full.edges(keys=True, data=True)]
        assert list(lean.edges(keys=True, data=True)) == expected


def test_relation_counts_are_the_networks_nodes_and_weights(sources, relations, gazetteer):
    """relation_counts (kg analyze without a filter): the nodes of load_network and its edges' weights,
    and kg.analysis.signed_counts of them the signed_graph of the network."""
    from kg.analysis import signed_counts, signed_graph
    from kg.network import relation_counts

    graph, files, store = sources
    for source in (graph, *files, store):
        G = load_network(source)
        nodes, counts = relation_counts(source)
        assert nodes == list(G.nodes(data=True))
        assert counts == {(s, p, o): w for s, o, p, w in G.edges(keys=True, data="weight")}
        S, T = signed_graph(G), signed_counts(nodes, counts)
        assert list(T.nodes(data=True)) == list(S.nodes(data=True))
        assert list(T.edges(data=True)) == list(S.edges(data=True))
        assert T.graph == S.graph
    with pytest.raises(GraphError):
        relation_counts(files[0].parent / "missing.nt")


def test_load_network_focus_not_in_graph_names_the_actor(sources, gazetteer):
    with pytest.raises(GraphError, match=r"^actor INTL \(the international community\) is not in the graph$"):
        load_network(sources[1][0], GraphFilter(focus="INTL"), gazetteer)


def test_load_network_errors_are_one_line_naming_the_file(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <https://w3id.org/kgstates/ontology#> .\nkg:a kg:b .\n")
    cases = [(tmp_path / "missing.nt", GraphError, "graph file not found"),
             (tmp_path / "graph.csv", FormatError, "unsupported graph suffix '.csv'"),
             (tmp_path, GraphError, "not an Oxigraph store"),
             (bad, GraphError, "line 2")]
    (tmp_path / "graph.csv").write_text("a,b\n")
    for path, error, words in cases:
        with pytest.raises(error) as info:
            load_network(path)
        message = str(info.value)
        assert message.startswith(f"{path}: ") and words in message and "\n" not in message


def test_load_network_reads_what_only_rdflib_accepts(tmp_path, relations, gazetteer):
    """A file pyoxigraph refuses is read with rdflib (here: a relative IRI, which rdflib resolves)."""
    path = tmp_path / "relative.ttl"
    graph = build_graph(relations, [], gazetteer)
    path.write_bytes(serialize_graph(graph, FORMATS[".ttl"]) + b"<x> <y> <z> .\n")
    G = load_network(path)
    assert list(G.edges(keys=True, data=True)) == list(load_network(graph).edges(keys=True, data=True))


def test_load_network_reads_every_named_graph_of_a_store(tmp_path, relations, gazetteer):
    """A store made by other tools may keep the claims in named graphs: kg reads their union."""
    import pyoxigraph as ox

    source = tmp_path / "graph.nt"
    write_graph(build_graph(relations, DOCUMENTS, gazetteer), source)
    store = ox.Store(str(tmp_path / "store"))
    graph = ox.NamedNode("https://example.org/graph/news")
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, graph)
                      for t in ox.parse(path=str(source), format=ox.RdfFormat.N_TRIPLES))
    store.flush()
    del store
    assert _as_lists(load_network(tmp_path / "store")) == _as_lists(load_network(source))
