"""kg.rdf: relations -> RDF graph, serialization in every format, reading back."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, PROV

from kg.errors import KgError, FormatError, GraphError
from kg.gazetteer import _build
from kg.model import Document, Relation
from kg.rdf import (DEFAULT_GRAPH_NAME, FORMATS, build_graph, claim_id, doc_iri, doc_slug, format_for_path,
                    read_graph, relations_from_graph, serialize_graph, write_graph)
from kg.vocab import ACTOR, CLAIM, KG, WD

GAZETTEER_TTL = """
@prefix kg: <https://w3id.org/kgstates/ontology#> .
@prefix actor: <https://w3id.org/kgstates/actor/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix wd: <http://www.wikidata.org/entity/> .

actor:FRA a kg:State ; rdfs:label "France"@en ; kg:iso2 "FR" ; owl:sameAs wd:Q142 .
actor:MAR a kg:State ; rdfs:label "Morocco"@en ; kg:iso2 "MA" ; owl:sameAs wd:Q1028 .
actor:PER a kg:State ; rdfs:label "Peru"@en ; kg:iso2 "PE" .
actor:EU a kg:Organization ; rdfs:label "European Union"@en ; owl:sameAs wd:Q458 .
actor:WEST a kg:Group ; rdfs:label "the West"@en .
"""

TEXT = ("France sold patrol boats to Morocco in March 2023. "
        "Peru did not sanction Morocco, the EU said. "
        "France and Peru held talks on fisheries.")
S1, S2, S3 = TEXT[:51], TEXT[51:95], TEXT[95:]


@pytest.fixture(scope="module")
def gazetteer():
    return _build(Graph().parse(data=GAZETTEER_TTL, format="turtle"))


def _rel(subject, predicate, obj, sentence, index, **kw):
    labels = {"FRA": "France", "MAR": "Morocco", "PER": "Peru", "EU": "European Union", "XYZ": "Xyzland"}
    start = TEXT.index(sentence)
    return Relation("news/first story.txt", subject, predicate, obj, labels[subject], labels[obj], sentence,
                    start, start + len(sentence), index, **kw)


@pytest.fixture()
def relations():
    return [
        _rel("FRA", "supplies", "MAR", S1, 0, item="patrol boats", time="in March 2023", time_value="2023-03",
             confidence=0.85, trigger="sold"),
        _rel("PER", "sanctions", "MAR", S2, 1, negated=True, hedged=True, attributed_to="EU", confidence=0.4),
        _rel("FRA", "meetsWith", "PER", S3, 2, time_value="2023-05-02", quantity="two rounds"),
        _rel("XYZ", "supports", "FRA", S3, 2, time_value="2023"),
    ]


@pytest.fixture()
def documents():
    return [Document("news/first story.txt", TEXT, title="Boats and talks", date="2023-03-14",
                     url="https://news.example.org/story?id=7", source="news/first story.txt")]


@pytest.fixture()
def graph(relations, documents, gazetteer):
    return build_graph(relations, documents, gazetteer)


def _claim(rel):
    return CLAIM[claim_id(rel)]


# ---------------------------------------------------------------------------- building

def test_claim_has_every_attribute(graph, relations):
    c = _claim(relations[0])
    assert set(graph.objects(c, RDF.type)) == {KG.Claim, RDF.Statement}
    assert graph.value(c, RDF.subject) == ACTOR.FRA
    assert graph.value(c, RDF.predicate) == KG.supplies
    assert graph.value(c, RDF.object) == ACTOR.MAR
    assert graph.value(c, KG.evidence) == Literal(S1)
    assert graph.value(c, KG.startOffset) == Literal(0)
    assert graph.value(c, KG.endOffset) == Literal(51)
    assert graph.value(c, KG.sentenceIndex) == Literal(0)
    assert graph.value(c, KG.hedged) == Literal(False)
    assert graph.value(c, KG.negated) == Literal(False)
    conf = graph.value(c, KG.confidence)
    assert conf.datatype == XSD.decimal and str(conf) == "0.85"
    assert graph.value(c, KG.item) == Literal("patrol boats")
    assert graph.value(c, KG.timeExpression) == Literal("in March 2023")
    assert graph.value(c, KG.trigger) == Literal("sold")
    assert graph.value(c, KG.time) == Literal("2023-03", datatype=XSD.gYearMonth)
    assert graph.value(c, PROV.wasDerivedFrom) == doc_iri("news/first story.txt")
    assert graph.value(c, KG.attributedTo) is None  # optional attributes are left out
    assert graph.value(c, KG.quantity) is None


def test_time_datatype_follows_the_shape_of_the_value(graph, relations):
    assert graph.value(_claim(relations[2]), KG.time) == Literal("2023-05-02", datatype=XSD.date)
    assert graph.value(_claim(relations[3]), KG.time) == Literal("2023", datatype=XSD.gYear)
    assert graph.value(_claim(relations[1]), KG.time) is None
    odd = build_graph([_rel("FRA", "supports", "PER", S3, 2, time_value="spring")], [], None)
    assert not list(odd.objects(None, KG.time))


def test_confidence_is_rounded_to_three_places():
    g = build_graph([_rel("FRA", "supports", "PER", S3, 2, confidence=0.123456)], [], None)
    (conf,) = g.objects(None, KG.confidence)
    assert str(conf) == "0.123" and conf.datatype == XSD.decimal


def test_negated_relation_gives_claim_but_no_direct_triple(graph, relations):
    c = _claim(relations[1])
    assert (c, RDF.type, KG.Claim) in graph
    assert graph.value(c, KG.negated) == Literal(True)
    assert graph.value(c, KG.attributedTo) == ACTOR.EU
    assert (ACTOR.PER, KG.sanctions, ACTOR.MAR) not in graph


def test_direct_triples(graph):
    assert (ACTOR.FRA, KG.supplies, ACTOR.MAR) in graph
    assert (ACTOR.MAR, KG.supplies, ACTOR.FRA) not in graph  # directed
    assert (ACTOR.FRA, KG.meetsWith, ACTOR.PER) in graph  # symmetric: both directions
    assert (ACTOR.PER, KG.meetsWith, ACTOR.FRA) in graph


def test_actors_typed_labelled_and_linked(graph):
    assert (ACTOR.FRA, RDF.type, KG.State) in graph
    assert graph.value(ACTOR.FRA, RDFS.label) == Literal("France", lang="en")
    assert graph.value(ACTOR.FRA, KG.iso3) == Literal("FRA")
    assert graph.value(ACTOR.FRA, KG.iso2) == Literal("FR")
    assert graph.value(ACTOR.FRA, OWL.sameAs) == WD.Q142
    assert graph.value(ACTOR.PER, OWL.sameAs) is None
    # attributedTo actors are described too; organizations have no iso3
    assert (ACTOR.EU, RDF.type, KG.Organization) in graph
    assert graph.value(ACTOR.EU, KG.iso3) is None
    # an actor unknown to the gazetteer is a kg:Actor with the label from the relation
    assert (ACTOR.XYZ, RDF.type, KG.Actor) in graph
    assert graph.value(ACTOR.XYZ, RDFS.label) == Literal("Xyzland", lang="en")
    # actors that appear in no relation are not in the graph
    assert not list(graph.triples((ACTOR.WEST, None, None)))


def test_document_node(graph):
    d = doc_iri("news/first story.txt")
    assert d == URIRef("https://w3id.org/kgstates/doc/news-first-story-txt-" + d.split("-")[-1])
    assert (d, RDF.type, KG.Document) in graph
    assert graph.value(d, DCTERMS.identifier) == Literal("news/first story.txt")
    assert graph.value(d, DCTERMS.title) == Literal("Boats and talks")
    assert graph.value(d, DCTERMS.date) == Literal("2023-03-14", datatype=XSD.date)
    assert set(graph.objects(d, DCTERMS.source)) == {URIRef("https://news.example.org/story?id=7"),
                                                     Literal("news/first story.txt")}


def test_document_missing_from_documents_still_gets_a_node(relations):
    g = build_graph(relations, [], None)
    d = doc_iri("news/first story.txt")
    assert (d, RDF.type, KG.Document) in g
    assert g.value(d, DCTERMS.identifier) == Literal("news/first story.txt")


def test_doc_slug():
    assert doc_slug("A  B__c") == "a-b-c-" + doc_slug("A  B__c")[-8:]
    assert doc_slug("Zürich/Ärger") .startswith("zurich-arger-")
    long = doc_slug("x" * 200)
    assert len(long) == 60 + 1 + 8
    assert doc_slug("a b") != doc_slug("a-b")  # the hash keeps ids apart
    assert len(doc_slug("???")) == 8


def test_claims_are_content_addressed(relations, gazetteer):
    a = build_graph(relations, [], gazetteer)
    b = build_graph(relations + relations, [], gazetteer)
    assert isomorphic(a, b)
    flipped = [relations[1].__class__(**{**relations[1].to_dict(), "negated": False})]
    assert claim_id(flipped[0]) != claim_id(relations[1])


def test_no_blank_nodes(graph):
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)


def test_unknown_predicate_is_an_error():
    with pytest.raises(GraphError, match="unknown predicate"):
        build_graph([_rel("FRA", "likes", "PER", S3, 2)], [], None)


def test_built_graph_conforms_to_the_shapes(graph):
    pytest.importorskip("pyshacl")
    from kg.validate import validate_graph

    result = validate_graph(graph)
    assert result.conforms, result.violations


# ---------------------------------------------------------------------------- formats

def test_format_registry():
    assert format_for_path("out/g.ttl").name == "turtle"
    assert format_for_path("G.NT").name == "nt"
    assert format_for_path("g.nq").quads and format_for_path("g.trig").quads
    assert format_for_path("g.jsonld").name == "json-ld"
    for suffix in (".rdf", ".owl", ".xml"):
        assert format_for_path("g" + suffix).name == "xml"
    with pytest.raises(FormatError) as err:
        format_for_path("g.csv")
    for suffix in FORMATS:
        assert suffix in str(err.value)
    with pytest.raises(FormatError):
        format_for_path("graph")


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_write_read_round_trip(graph, tmp_path, suffix):
    path = tmp_path / f"graph{suffix}"
    write_graph(graph, path)
    back = read_graph(path)
    assert isomorphic(graph, back)
    assert relations_from_graph(back) == relations_from_graph(graph)


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_output_is_byte_identical_across_builds(relations, documents, gazetteer, tmp_path, suffix):
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    write_graph(build_graph(relations, documents, gazetteer), a)
    write_graph(build_graph(list(reversed(relations)), documents, gazetteer), b)
    assert a.read_bytes() == b.read_bytes()


_SUBPROCESS = """
import sys
from rdflib import Graph
from kg.rdf import FORMATS, build_graph, serialize_graph
from kg.model import Relation
rels = [Relation("d", s, p, o, s, o, f"Sentence {i}.", i * 20, i * 20 + 12, i, attributed_to="WEST")
        for i, (s, p, o) in enumerate([("FRA", "supplies", "MAR"), ("PER", "meetsWith", "FRA"),
                                        ("MAR", "criticizes", "PER"), ("FRA", "aids", "PER")])]
g = build_graph(rels, [], None)
for suffix in sorted(FORMATS):
    sys.stdout.buffer.write(serialize_graph(g, FORMATS[suffix]))
"""


def test_output_does_not_depend_on_the_hash_seed():
    outputs = set()
    for seed in ("1", "2", "3"):
        proc = subprocess.run([sys.executable, "-c", _SUBPROCESS], capture_output=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.add(proc.stdout)
    assert len(outputs) == 1


def test_ntriples_lines_are_sorted(graph):
    lines = serialize_graph(graph, FORMATS[".nt"]).decode().splitlines()
    assert lines == sorted(lines) and len(lines) == len(graph)


def test_quads_formats_use_a_named_graph(graph, tmp_path):
    path = tmp_path / "g.nq"
    write_graph(graph, path)
    lines = path.read_text().splitlines()
    assert lines and all(line.endswith(f"<{DEFAULT_GRAPH_NAME}> .") for line in lines)
    other = tmp_path / "g.trig"
    write_graph(graph, other, graph_name="https://example.org/graph/mine")
    assert "<https://example.org/graph/mine>" in other.read_text()


def test_append_by_parsing_old_graph(relations, gazetteer, tmp_path):
    path = tmp_path / "g.ttl"
    write_graph(build_graph(relations[:2], [], gazetteer), path)
    merged = build_graph(relations[1:], [], gazetteer)
    for triple in read_graph(path):
        merged.add(triple)
    assert isomorphic(merged, build_graph(relations, [], gazetteer))


def test_unwritable_path_is_a_graph_error(graph, tmp_path):
    (tmp_path / "plain-file").write_text("not a folder")
    with pytest.raises(KgError, match="cannot write"):
        write_graph(graph, tmp_path / "plain-file" / "g.ttl")


# ---------------------------------------------------------------------------- reading

def test_relations_from_graph_round_trip(graph, relations):
    expected = sorted(relations, key=lambda r: (r.doc, r.sentence_index, r.start, r.subject, r.predicate,
                                                r.object, r.negated))
    assert relations_from_graph(graph) == expected


def test_read_missing_file(tmp_path):
    with pytest.raises(GraphError, match="not found"):
        read_graph(tmp_path / "absent.ttl")


def test_read_unsupported_suffix(tmp_path):
    (tmp_path / "g.csv").write_text("a,b\n")
    with pytest.raises(FormatError):
        read_graph(tmp_path / "g.csv")


@pytest.mark.parametrize("name, content, line", [
    ("bad.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b .\n", 3),
    ("bad.nt", "<http://e.org/a> <http://e.org/b> <http://e.org/c> .\n"
               "<http://e.org/a> <http://e.org/b> <http://e.org/c> .\n<http://e.org/a> broken .\n", 3),
    ("bad.nq", "<http://e.org/a> <http://e.org/b> <http://e.org/c> <http://e.org/g> .\nnonsense\n", 2),
    ("bad.jsonld", '{\n  "@id": "http://e.org/a",\n  "http://e.org/b": [1, \n}\n', 4),
    ("bad.rdf", '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
                "<rdf:Description>\n</rdf:RDF>\n", 4),
])
def test_parse_errors_name_file_and_line(tmp_path, name, content, line):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(GraphError) as err:
        read_graph(path)
    message = str(err.value)
    assert message.startswith((f"{path}: line {line}: ", f"{path}: line {line}, column "))
    assert "\n" not in message


@pytest.mark.parametrize("suffix", [".nt", ".nq"])
def test_line_graph_writes_the_same_bytes_as_rdflib(relations, tmp_path, suffix):
    from kg.rdf import LineGraph

    via_rdflib, via_lines = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    write_graph(build_graph(relations, [], None), via_rdflib)
    write_graph(build_graph(relations, [], None, graph=LineGraph()), via_lines)
    assert via_rdflib.read_bytes() == via_lines.read_bytes()


def test_rdfxml_with_entities_is_refused_before_parsing(tmp_path):
    path = tmp_path / "evil.rdf"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
                    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>\n')
    with pytest.raises(GraphError, match="DOCTYPE or entity declarations is refused"):
        read_graph(path)


def test_jsonld_with_remote_context_is_refused(tmp_path):
    path = tmp_path / "remote.jsonld"
    path.write_text('{"@context": "https://example.org/context.jsonld", "@id": "x", "name": "y"}')
    with pytest.raises(GraphError, match="remote @context is refused"):
        read_graph(path)


# ---------------------------------------------------------------------------- the formats registry

def test_formats_registry_finds_by_suffix_and_name():
    from kg import formats

    assert formats.format_for_path("a/b/Graph.TTL").name == "turtle"
    assert formats.lookup("rdf", "nquads").quads is True
    assert formats.for_suffix("rdf", "x.owl") is formats.for_suffix("rdf", "x.rdf")
    assert formats.for_suffix("rdf", "x.csv") is None
    assert formats.ox_format("x.nt").name == "N-Triples"
    assert formats.FORMATS is FORMATS or formats.FORMATS == FORMATS  # kg.rdf gives the same table


@pytest.mark.parametrize("path", ["graph.csv", "graph", "dir.d/graph.ttl.bak"])
def test_unknown_suffix_is_one_line_naming_the_file(path):
    from kg import formats
    from kg.store import ox_format

    for lookup in (formats.format_for_path, ox_format):
        with pytest.raises(FormatError) as info:
            lookup(path)
        message = str(info.value)
        assert message.startswith(f"{path}: unsupported graph suffix") and "\n" not in message
        assert ".ttl .nt .nq .trig .jsonld .rdf" in message
        assert info.value.exit_code == 2


def test_a_kind_of_format_registered_elsewhere():
    from kg import formats

    marker = object()
    formats.register("test-kind", "thing", marker, (".thing", ".THG"))
    assert formats.lookup("test-kind", "thing") is marker
    assert formats.for_suffix("test-kind", "a.thg") is marker
    assert formats.registered("test-kind") == {"thing": marker}


def test_parse_errors_come_from_one_public_module(tmp_path):
    """The RDF layer (rdflib) and the store layer (pyoxigraph) word a syntax error the same way."""
    from kg import rdferrors
    from kg.store import check_graph_file

    bad = tmp_path / "bad.nt"
    bad.write_text("<https://a.example/x> <https://a.example/y> <https://a.example/z> .\n<oops\n")
    with pytest.raises(GraphError) as by_rdflib:
        read_graph(bad)
    with pytest.raises(rdferrors.OxigraphSyntaxError) as by_store:
        check_graph_file(bad)
    assert str(by_rdflib.value) == str(by_store.value) == f"{bad}: line 2, column 1: Unexpected end of file"
