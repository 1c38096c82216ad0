"""``kg build --append`` of documents already in the graph: the rebuilt documents' old claims go,
with the direct triples and actors that only they supported, so the result is the graph a fresh
build of the final inputs gives (whatever the format of the graph file)."""

from __future__ import annotations

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.vocab import KG

# written for this test: the second version of a.txt hedges the first sentence (same claim node,
# another confidence), keeps France's condemnation at another offset, and names Italy, not Greece
A_BEFORE = "Title: A\n\nSpain sent weapons to Portugal. France condemned Germany. Spain condemned Greece.\n"
A_AFTER = "Title: A\n\nSpain reportedly sent weapons to Portugal. France condemned Germany. Spain praised Italy.\n"
B = "Title: B\n\nFrance condemned Germany.\n"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def inputs(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A_BEFORE)
    b.write_text(B)
    return a, b


def graph_of(path) -> rdflib.Graph:
    if str(path).endswith((".nq", ".trig")):
        ds = rdflib.Dataset()
        ds.parse(path)
        g = rdflib.Graph()
        for s, p, o, _ in ds.quads():
            g.add((s, p, o))
        return g
    return rdflib.Graph().parse(path)


def direct(g: rdflib.Graph) -> set:
    return {(s, p, o) for s, p, o in g if str(p).startswith(str(KG)) and isinstance(o, rdflib.URIRef)
            and str(s).startswith("https://w3id.org/kgstates/actor/")}


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".jsonld"])
def test_appending_a_changed_document_replaces_its_claims(tmp_path, suffix):
    a, b = inputs(tmp_path)
    out = tmp_path / f"g{suffix}"
    assert run("build", a, b, "-o", out, "-q").exit_code == 0
    before = graph_of(out)
    assert (rdflib.URIRef("https://w3id.org/kgstates/actor/ESP"), KG.criticizes,
            rdflib.URIRef("https://w3id.org/kgstates/actor/GRC")) in before

    a.write_text(A_AFTER)
    result = run("build", a, "-o", out, "-q", "--append")
    assert result.exit_code == 0, result.output
    appended = graph_of(out)

    fresh_path = tmp_path / f"fresh{suffix}"
    assert run("build", a, b, "-o", fresh_path, "-q").exit_code == 0
    fresh = graph_of(fresh_path)

    for claim in appended.subjects(rdflib.RDF.type, KG.Claim):
        assert len(list(appended.objects(claim, KG.confidence))) == 1, claim
    assert direct(appended) == direct(fresh)
    france = (rdflib.URIRef("https://w3id.org/kgstates/actor/FRA"), KG.criticizes,
              rdflib.URIRef("https://w3id.org/kgstates/actor/DEU"))
    assert france in appended  # still said by b.txt (and again by a.txt)
    assert isomorphic(appended, fresh)


def test_appending_the_same_inputs_again_changes_nothing(tmp_path):
    a, b = inputs(tmp_path)
    out = tmp_path / "g.nt"
    assert run("build", a, b, "-o", out, "-q").exit_code == 0
    first = out.read_bytes()
    assert run("build", b, "-o", out, "-q", "--append").exit_code == 0
    assert out.read_bytes() == first


def test_a_claim_kept_by_another_document_keeps_its_direct_triple(tmp_path):
    """France's condemnation leaves a.txt altogether: b.txt still says it, so the triple stays."""
    a, b = inputs(tmp_path)
    out = tmp_path / "g.ttl"
    assert run("build", a, b, "-o", out, "-q").exit_code == 0
    a.write_text("Title: A\n\nSpain sent weapons to Portugal.\n")
    assert run("build", a, "-o", out, "-q", "--append").exit_code == 0
    g = graph_of(out)
    actor = rdflib.Namespace("https://w3id.org/kgstates/actor/")
    assert (actor.FRA, KG.criticizes, actor.DEU) in g
    assert (actor.ESP, KG.criticizes, actor.GRC) not in g
    assert (actor.GRC, None, None) not in g  # no claim names Greece any more
    assert len(set(g.subjects(rdflib.RDF.type, KG.Claim))) == 2


def test_appending_into_a_store_replaces_the_documents_claims_there_too(tmp_path):
    a, b = inputs(tmp_path)
    out, store = tmp_path / "g.nt", tmp_path / "store"
    assert run("build", a, b, "-o", out, "--store", store, "-q").exit_code == 0
    a.write_text(A_AFTER)
    assert run("build", a, "-o", out, "--store", store, "-q", "--append").exit_code == 0
    fresh = tmp_path / "fresh.nt"
    assert run("build", a, b, "-o", fresh, "-q").exit_code == 0
    dump = run("query", store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "--format", "nt")
    assert dump.exit_code == 0
    assert isomorphic(rdflib.Graph().parse(data=dump.output, format="nt"), graph_of(fresh))
    # and a store alone (no graph file) is appended to the same way
    only = tmp_path / "only"
    a.write_text(A_BEFORE)
    assert run("build", a, b, "--store", only, "-q").exit_code == 0
    a.write_text(A_AFTER)
    assert run("build", a, "--store", only, "-q", "--append").exit_code == 0
    dump = run("query", only, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "--format", "nt")
    assert isomorphic(rdflib.Graph().parse(data=dump.output, format="nt"), graph_of(fresh))
