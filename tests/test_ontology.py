"""The ontology (kg.ttl), the vocabulary module, relations.md and the SHACL shapes agree."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg import predicates
from kg.onto import load_ontology, predicate_info
from kg.resources import ontology_path
from kg.validate import validate_graph
from kg.vocab import ACTOR, CLAIM, KG, ONTOLOGY_IRI, QUAD_CLASSES, RELATION_PREDICATES, bind_prefixes

RELATIONS_MD = Path(__file__).resolve().parents[2] / "shared" / "relations.md"
KG_NS = str(KG._NS)
QUADS = ("verbalCooperation", "materialCooperation", "verbalConflict", "materialConflict")
# CAMEO root codes of each quad class (the usual quad-class grouping of CAMEO roots)
QUAD_ROOTS = {
    "verbalCooperation": range(1, 6),
    "materialCooperation": range(6, 9),
    "verbalConflict": range(9, 14),
    "materialConflict": range(14, 21),
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def kg_terms_in(graph: Graph, *, subjects_only: bool) -> set[str]:
    nodes = set(graph.subjects()) if subjects_only else set(graph.all_nodes()) | set(graph.predicates())
    return {str(n)[len(KG_NS):] for n in nodes if isinstance(n, URIRef) and str(n).startswith(KG_NS)}


# --- vocabulary and ontology in step ------------------------------------------------------------


def test_defined_namespace_matches_declared_terms(onto):
    declared = kg_terms_in(onto, subjects_only=True)
    in_class = {str(term)[len(KG_NS):] for term in dir(KG)}
    assert declared == in_class
    assert ONTOLOGY_IRI not in set(dir(KG))


def test_every_kg_term_used_is_declared(onto):
    shapes = Graph().parse(ontology_path("shapes.ttl"))
    declared = kg_terms_in(onto, subjects_only=True)
    assert kg_terms_in(onto, subjects_only=False) <= declared
    assert kg_terms_in(shapes, subjects_only=False) <= declared


def test_every_declared_term_is_typed_labelled_and_defined(onto):
    for name in kg_terms_in(onto, subjects_only=True):
        term = KG[name]
        assert set(onto.objects(term, RDF.type)) & {
            OWL.Class,
            OWL.ObjectProperty,
            OWL.DatatypeProperty,
            OWL.AnnotationProperty,
        }, name
        assert onto.value(term, RDFS.label), name
        assert onto.value(term, SKOS.definition), name


def test_ontology_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.license):
        assert onto.value(ONTOLOGY_IRI, prop) is not None, prop


def test_class_hierarchy(onto):
    for sub in (KG.State, KG.Organization, KG.Group):
        assert (sub, RDFS.subClassOf, KG.Actor) in onto
    assert (KG.Claim, RDFS.subClassOf, RDF.Statement) in onto
    assert (KG.Claim, RDFS.subClassOf, PROV.Entity) in onto
    assert (KG.Document, RDFS.subClassOf, PROV.Entity) in onto


def test_structural_properties(onto):
    assert onto.value(KG.leaderOf, RDFS.domain) == KG.Person
    assert onto.value(KG.leaderOf, RDFS.range) == KG.State
    assert onto.value(KG.officialOf, RDFS.domain) == KG.Person
    assert onto.value(KG.officialOf, RDFS.range) == KG.Actor
    union = onto.value(onto.value(KG.memberOf, RDFS.range), OWL.unionOf)
    assert set(onto.items(union)) == {KG.Organization, KG.Group}


def test_load_ontology_returns_a_fresh_equal_graph(onto):
    again = load_ontology()
    assert again is not onto
    assert isomorphic(again, Graph().parse(ontology_path("kg.ttl")))


# --- relations ----------------------------------------------------------------------------------


def relations_table() -> list[dict[str, str]]:
    rows = []
    for line in RELATIONS_MD.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[1] in ("symmetric", "directed"):
            rows.append(
                {"name": cells[0], "direction": cells[1], "plover": cells[4], "quad": cells[5]}
            )
    return rows


def camel(words: str) -> str:
    first, *rest = words.split()
    return first + "".join(w.capitalize() for w in rest)


@pytest.mark.skipif(not RELATIONS_MD.is_file(), reason="shared/relations.md is not beside the checkout")
def test_predicates_match_relations_md(onto):
    table = relations_table()
    assert tuple(row["name"] for row in table) == RELATION_PREDICATES
    info = predicate_info()
    for row in table:
        name = row["name"]
        symmetric = row["direction"] == "symmetric"
        assert (name in predicates.SYMMETRIC_PREDICATES) == symmetric, name
        assert info[name].symmetric == symmetric, name
        assert QUAD_CLASSES[name] == camel(row["quad"]) == info[name].quad_class, name
        plover_types = re.sub(r"\(.*?\)", "", row["plover"]).replace("/", " ").split()
        assert info[name].plover in plover_types, name


def test_predicates_module_is_consistent():
    assert len(RELATION_PREDICATES) == len(set(RELATION_PREDICATES)) == 16
    assert predicates.SYMMETRIC_PREDICATES < set(RELATION_PREDICATES)
    assert list(QUAD_CLASSES) == list(RELATION_PREDICATES)
    assert set(QUAD_CLASSES.values()) == set(QUADS)


def test_relation_properties_in_ttl_match_predicates_module(onto):
    in_ttl = {
        str(p)[len(KG_NS):]
        for quad in QUADS
        for p in onto.subjects(RDFS.subPropertyOf, KG[quad])
    }
    assert in_ttl == set(RELATION_PREDICATES)
    symmetric_in_ttl = {
        str(p)[len(KG_NS):] for p in onto.subjects(RDF.type, OWL.SymmetricProperty)
    }
    assert symmetric_in_ttl == predicates.SYMMETRIC_PREDICATES


def test_quad_classes(onto):
    for quad in QUADS:
        assert (KG[quad], RDFS.subPropertyOf, KG.relatedTo) in onto
        assert (KG[quad], RDF.type, OWL.ObjectProperty) in onto
        expected = 1 if quad.endswith("Cooperation") else -1
        assert onto.value(KG[quad], KG.polarity).toPython() == expected


@pytest.mark.parametrize("name", RELATION_PREDICATES)
def test_relation_annotations(onto, name):
    info = predicate_info()[name]
    prop = KG[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in onto
    assert onto.value(prop, RDFS.domain) == KG.Actor
    assert onto.value(prop, RDFS.range) == KG.Actor
    assert (prop, RDFS.subPropertyOf, KG[info.quad_class]) in onto
    assert onto.value(prop, KG.quadClass) == KG[info.quad_class]
    assert info.label and info.definition and info.plover
    assert info.cameo and all(re.fullmatch(r"\d{2,4}", code) for code in info.cameo)
    weight = onto.value(prop, KG.goldsteinWeight)
    assert weight.datatype == XSD.decimal
    assert -10 <= info.weight <= 10
    assert info.weight * info.polarity > 0, "the weight's sign must follow the quad class"
    # the comment names the CAMEO code whose Goldstein value is used; its root is in the quad class
    match = re.search(r"CAMEO (\d+)", str(onto.value(prop, RDFS.comment)))
    assert match and match.group(1) in info.cameo
    assert int(match.group(1)[:2]) in QUAD_ROOTS[info.quad_class]


def test_predicate_info_order_and_copy():
    info = predicate_info()
    assert tuple(info) == RELATION_PREDICATES
    info.clear()
    assert len(predicate_info()) == 16
    assert predicate_info()["supplies"].iri == KG.supplies


# --- SHACL shapes -------------------------------------------------------------------------------

CLAIM_ID = "0123456789abcdef"

VALID_TTL = f"""
@prefix kg: <https://w3id.org/kgstates/ontology#> .
@prefix actor: <https://w3id.org/kgstates/actor/> .
@prefix claim: <https://w3id.org/kgstates/claim/> .
@prefix doc: <https://w3id.org/kgstates/doc/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

actor:AAA a kg:State ; rdfs:label "Alphaland"@en ; skos:prefLabel "Alphaland"@en ;
    kg:iso3 "AAA" ; kg:iso2 "AA" ; owl:sameAs <http://www.wikidata.org/entity/Q1> .
actor:BBB a kg:State ; rdfs:label "Betaland"@en ; kg:iso3 "BBB" .

doc:test-article a kg:Document , prov:Entity ;
    dcterms:identifier "test-article" ;
    dcterms:title "A made-up article" ;
    dcterms:date "2024-05-02"^^xsd:date .

claim:{CLAIM_ID} a kg:Claim , rdf:Statement , prov:Entity ;
    rdf:subject actor:AAA ;
    rdf:predicate kg:supplies ;
    rdf:object actor:BBB ;
    kg:evidence "Alphaland reportedly shipped grain to Betaland last month." ;
    kg:startOffset 10 ;
    kg:endOffset 68 ;
    kg:sentenceIndex 1 ;
    kg:hedged true ;
    kg:negated false ;
    kg:confidence 0.85 ;
    kg:item "grain" ;
    kg:trigger "shipped" ;
    kg:timeExpression "last month" ;
    kg:time "2024-04"^^xsd:gYearMonth ;
    kg:attributedTo actor:BBB ;
    prov:wasDerivedFrom doc:test-article .

actor:AAA kg:supplies actor:BBB .
"""

THE_CLAIM = CLAIM[CLAIM_ID]


def valid_graph() -> Graph:
    return bind_prefixes(Graph()).parse(data=VALID_TTL, format="turtle")


def test_shapes_parse():
    shapes = Graph().parse(ontology_path("shapes.ttl"))
    assert len(shapes) > 50


def test_shapes_list_the_relations():
    shapes = Graph().parse(ontology_path("shapes.ttl"))
    sh = Namespace("http://www.w3.org/ns/shacl#")
    kgsh = Namespace("https://w3id.org/kgstates/shapes#")
    predicate_shape = next(
        p for p in shapes.objects(kgsh.ClaimShape, sh.property) if shapes.value(p, sh.path) == RDF.predicate
    )
    listed = [str(t)[len(KG_NS):] for t in shapes.items(shapes.value(predicate_shape, sh["in"]))]
    assert tuple(listed) == RELATION_PREDICATES

    def local(terms):
        return {str(t)[len(KG_NS):] for t in terms}

    symmetric = kgsh.SymmetricRelationShape
    assert local(shapes.objects(symmetric, sh.targetSubjectsOf)) == predicates.SYMMETRIC_PREDICATES
    assert local(shapes.objects(symmetric, sh.targetObjectsOf)) == predicates.SYMMETRIC_PREDICATES
    checked = local(shapes.value(p, sh.equals) for p in shapes.objects(symmetric, sh.property))
    assert checked == predicates.SYMMETRIC_PREDICATES
    relation = kgsh.RelationShape
    assert local(shapes.objects(relation, sh.targetSubjectsOf)) == set(RELATION_PREDICATES)
    assert local(shapes.value(p, sh.path) for p in shapes.objects(relation, sh.property)) == set(
        RELATION_PREDICATES
    )


def test_valid_graph_conforms_and_is_not_changed():
    graph = valid_graph()
    before = to_isomorphic(graph)
    result = validate_graph(graph)
    assert result.conforms, result.report_text
    assert result.violations == ()
    assert bool(result)
    assert to_isomorphic(graph) == before


def test_simple_literals_and_python_values_conform():
    graph = valid_graph()
    graph.set((THE_CLAIM, KG.confidence, Literal(Decimal("1"))))
    graph.set((THE_CLAIM, KG.startOffset, Literal(0)))
    graph.set((THE_CLAIM, KG.hedged, Literal(False)))
    graph.set((THE_CLAIM, KG.time, Literal("2024", datatype=XSD.gYear)))
    assert validate_graph(graph).conforms


def without(graph: Graph, subject, predicate) -> Graph:
    graph.remove((subject, predicate, None))
    return graph


def break_evidence(g):
    return without(g, THE_CLAIM, KG.evidence)


def break_empty_evidence(g):
    g.set((THE_CLAIM, KG.evidence, Literal("")))
    return g


def break_predicate(g):
    g.set((THE_CLAIM, RDF.predicate, KG.leaderOf))
    g.add((ACTOR.AAA, KG.leaderOf, ACTOR.BBB))  # keep the direct triple so only the predicate fails
    return g


def break_confidence(g):
    g.set((THE_CLAIM, KG.confidence, Literal(Decimal("1.5"))))
    return g


def break_confidence_datatype(g):
    g.set((THE_CLAIM, KG.confidence, Literal(0.5)))  # a Python float is an xsd:double
    return g


def break_offsets(g):
    g.set((THE_CLAIM, KG.startOffset, Literal(70)))
    return g


def break_negative_offset(g):
    g.set((THE_CLAIM, KG.startOffset, Literal(-1)))
    return g


def break_iso3(g):
    return without(g, ACTOR.BBB, KG.iso3)


def break_iso3_pattern(g):
    g.set((ACTOR.BBB, KG.iso3, Literal("bb")))
    return g


def break_state_label(g):
    return without(g, ACTOR.BBB, RDFS.label)


def break_hedged(g):
    return without(g, THE_CLAIM, KG.hedged)


def break_time(g):
    g.set((THE_CLAIM, KG.time, Literal("last month")))
    return g


def break_subject_type(g):
    g.set((THE_CLAIM, RDF.subject, ACTOR.ZZZ))
    g.add((ACTOR.ZZZ, KG.supplies, ACTOR.BBB))
    return g


def break_attributed_to(g):
    g.set((THE_CLAIM, KG.attributedTo, Literal("Betaland")))
    return g


def break_document(g):
    return without(g, THE_CLAIM, PROV.wasDerivedFrom)


def break_document_identifier(g):
    return without(g, URIRef("https://w3id.org/kgstates/doc/test-article"), DCTERMS.identifier)


def break_direct_triple(g):
    g.remove((ACTOR.AAA, KG.supplies, ACTOR.BBB))
    return g


def break_symmetric(g):
    g.add((ACTOR.AAA, KG.meetsWith, ACTOR.BBB))
    return g


def break_direct_object(g):
    g.add((ACTOR.AAA, KG.attacks, BNode()))
    return g


CLAIM_FOCUS = f"claim:{CLAIM_ID}"


@pytest.mark.parametrize(
    ("breaker", "expected"),
    [
        (break_evidence, f"{CLAIM_FOCUS}: kg:evidence: "),
        (break_empty_evidence, f"{CLAIM_FOCUS}: kg:evidence: "),
        (break_predicate, f"{CLAIM_FOCUS}: rdf:predicate: "),
        (break_confidence, f"{CLAIM_FOCUS}: kg:confidence: "),
        (break_confidence_datatype, f"{CLAIM_FOCUS}: kg:confidence: "),
        (
            break_offsets,
            f"doc:test-article: -: claim {THE_CLAIM}: kg:endOffset 68 must be greater than kg:startOffset 70",
        ),
        (break_negative_offset, f"{CLAIM_FOCUS}: kg:startOffset: "),
        (break_iso3, "actor:BBB: kg:iso3: "),
        (break_iso3_pattern, "actor:BBB: kg:iso3: "),
        (break_state_label, "actor:BBB: rdfs:label: "),
        (break_hedged, f"{CLAIM_FOCUS}: kg:hedged: "),
        (break_time, f"{CLAIM_FOCUS}: kg:time: "),
        (break_subject_type, f"{CLAIM_FOCUS}: rdf:subject: "),
        (break_attributed_to, f"{CLAIM_FOCUS}: kg:attributedTo: "),
        (break_document, f"{CLAIM_FOCUS}: prov:wasDerivedFrom: "),
        (break_document_identifier, "doc:test-article: dcterms:identifier: "),
        (
            break_direct_triple,
            f"doc:test-article: -: claim {THE_CLAIM} is not negated but the direct triple",
        ),
        (break_symmetric, "actor:AAA: ^kg:meetsWith: kg:meetsWith is stored in one direction only"),
        (break_direct_object, "actor:AAA: kg:attacks: "),
    ],
    ids=lambda v: v.__name__[len("break_"):] if callable(v) else "",
)
def test_broken_graph_fails_with_expected_violation(breaker, expected):
    result = validate_graph(breaker(valid_graph()))
    assert not result.conforms
    assert any(v.startswith(expected) for v in result.violations), result.violations


def test_negated_claim_needs_no_direct_triple():
    graph = break_direct_triple(valid_graph())
    graph.set((THE_CLAIM, KG.negated, Literal(True)))
    assert validate_graph(graph).conforms


def test_shapes_can_be_given_as_path(tmp_path):
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    assert validate_graph(break_iso3(valid_graph()), shapes=empty).conforms
    assert not validate_graph(break_iso3(valid_graph()), shapes=ontology_path("shapes.ttl")).conforms


@pytest.mark.skipif(not ontology_path("states.ttl").is_file(), reason="no gazetteer yet")
@pytest.mark.slow
def test_gazetteer_conforms():
    gazetteer = Graph().parse(ontology_path("states.ttl"))
    result = validate_graph(gazetteer)
    assert result.conforms, "\n".join(result.violations[:20])
