"""kg's one-pass Turtle writer: what it writes reads back as the same graph, in rdflib and in
Oxigraph, whatever the terms; the bytes depend on the graph only."""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest
from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from kg.rdf import LineGraph, serialize_graph, write_graph, FORMATS
from kg.turtle import turtle_text

EX = Namespace("http://example.org/ns/")
ODD = Namespace("http://example.org/odd#")

TERMS = [
    Literal("plain"), Literal("with \"quotes\" and 'apostrophes'"), Literal("line one\nline two\ttab\r"),
    Literal("back\\slash"), Literal("Ünïcödé – 東京 🌍"), Literal("chat", lang="fr"), Literal("en-GB", lang="en-gb"),
    Literal("42", datatype=XSD.integer), Literal("-7", datatype=XSD.integer), Literal("007", datatype=XSD.integer),
    Literal("0.5", datatype=XSD.decimal), Literal("1.", datatype=XSD.decimal), Literal("true", datatype=XSD.boolean),
    Literal("TRUE", datatype=XSD.boolean), Literal("2024-05", datatype=XSD.gYearMonth),
    Literal("x", datatype=URIRef("http://example.org/dt#custom")), Literal(""),
    EX.simple, EX["with.dot"], EX["a/b"], EX["é"], EX["123"], EX[""], ODD["frag-ment_1"],
    URIRef("urn:isbn:0451450523"), URIRef("http://example.org/ns/"), BNode("b1"),
]


def graph_of(triples) -> Graph:
    g = Graph()
    g.bind("ex", EX)
    g.bind("odd", ODD)
    for t in triples:
        g.add(t)
    return g


def random_triples(seed: int, n: int = 60):
    rng = random.Random(seed)
    subjects = [EX.a, EX.b, EX["c.d"], ODD.x, BNode("s1"), URIRef("urn:x:1")]
    predicates = [RDF.type, EX.p, EX.q, ODD["r-1"], URIRef("http://other.org/p")]
    return [(rng.choice(subjects), rng.choice(predicates), rng.choice(TERMS + subjects)) for _ in range(n)]


@pytest.mark.parametrize("seed", range(8))
def test_what_it_writes_reads_back_the_same_in_rdflib_and_oxigraph(seed):
    g = graph_of(random_triples(seed))
    text = serialize_graph(g, FORMATS[".ttl"]).decode("utf-8")
    back = Graph().parse(data=text, format="turtle")
    assert isomorphic(g, back)
    assert sum(1 for _ in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE)) == len(g)


def test_the_bytes_do_not_depend_on_insertion_order():
    triples = random_triples(3)
    shuffled = list(triples)
    random.Random(1).shuffle(shuffled)
    fmt = FORMATS[".ttl"]
    assert serialize_graph(graph_of(triples), fmt) == serialize_graph(graph_of(shuffled), fmt)


def test_compact_forms_only_where_they_read_back_the_same():
    g = graph_of([(EX.s, RDF.type, EX.T), (EX.s, EX.n, Literal("42", datatype=XSD.integer)),
                  (EX.s, EX.n, Literal("007", datatype=XSD.integer)), (EX.s, EX.d, Literal("1.", datatype=XSD.decimal)),
                  (EX.s, EX.b, Literal("false", datatype=XSD.boolean)), (EX.s, EX["x.y"], EX["a/b"])])
    text = serialize_graph(g, FORMATS[".ttl"]).decode("utf-8")
    assert "ex:s a ex:T ;" in text  # rdf:type first, as "a"
    assert "ex:n 42, 7 ;" in text  # rdflib keeps "007" as 7
    assert "\"1\"^^xsd:decimal" in text and "ex:b false" in text  # 1 bare would read as an integer
    assert "<http://example.org/ns/x.y> <http://example.org/ns/a/b>" in text  # not a plain local name
    assert "@prefix odd:" not in text  # only the prefixes in use are declared


def test_a_spilled_graph_writes_the_same_turtle_as_an_rdflib_graph(tmp_path):
    triples = [t for t in random_triples(5, 300) if not isinstance(t[0], BNode) and not isinstance(t[2], BNode)]
    lines = LineGraph(spill_lines=40, spill_dir=tmp_path)
    for t in triples:
        lines.add(t)
    rdflib_graph = Graph(bind_namespaces="core")
    for t in triples:
        rdflib_graph.add(t)
    write_graph(lines, tmp_path / "spilled.ttl")
    write_graph(rdflib_graph, tmp_path / "graph.ttl")
    spilled, whole = (tmp_path / "spilled.ttl").read_bytes(), (tmp_path / "graph.ttl").read_bytes()
    assert isomorphic(Graph().parse(data=spilled, format="turtle"), rdflib_graph)
    assert spilled == whole


def test_an_empty_graph_is_an_empty_file():
    assert turtle_text([], {"ex": str(EX)}) == ""
