"""kg.query and the ``kg query`` command: saved queries, parameters, engines, formats, safety."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import click
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.query import Result

from kg.cli_query import load, query
from kg.model import Document, Relation
from kg.errors import GraphError
from kg.query import (PREFIXES, RESULT_FORMATS, ParamError, QuerySyntaxError, QueryTimeout, UnsafeQueryError,
                      check_query, from_rdflib, query_form, run_query, saved_queries, saved_query, write_result)
from kg.query import runner
from kg.rdf import FORMATS, build_graph, serialize_graph

GOLDEN = Path(__file__).parent / "queries"

# Sentences written for these tests; offsets need not match a document text here.
RELATIONS = [
    ("a", 0, "PRK", "supplies", "RUS", "Pyongyang shipped shells north by rail.",
     dict(item="artillery shells", time_value="2023")),
    ("a", 1, "RUS", "supplies", "PRK", "Moscow is reportedly sending fuel in return.",
     dict(hedged=True, item="fuel")),
    ("a", 2, "CHN", "supplies", "RUS", "Beijing did not send drones, a spokesman said.",
     dict(negated=True, item="drones")),
    ("a", 3, "IRN", "supplies", "RUS", 'Tehran\'s "Shahed" drones, crates, and parts\tarrived.',
     dict(item="drones", quantity="hundreds", time_value="2022-10")),
    ("b", 0, "RUS", "vetoesFor", "PRK", "Moscow blocked the council text on Pyongyang.", dict(attributed_to="USA")),
    ("b", 1, "PRK", "alliedWith", "RUS", "The two capitals sealed a pact.", {}),
    ("b", 2, "KOR", "concernedBy", "PRK", "Seoul voiced alarm at the launches.", dict(confidence=0.8)),
    ("b", 3, "USA", "concernedBy", "PRK", "Washington said it was worried.", dict(hedged=True)),
    ("c", 0, "CHN", "vetoesFor", "PRK", "Beijing also used its veto for Pyongyang.", dict(time_value="2022-05-26")),
    ("c", 1, "RUS", "alliedWith", "BLR", "Minsk and Moscow renewed their union.", {}),
    ("c", 2, "RUS", "meetsWith", "PRK", "Envoys met in Vladivostok.", dict(time_value="2024-06")),
]
DOCS = [Document("news/a.txt", "", title="Shells and fuel", date="2024-03-05"),
        Document("news/b.txt", "", title="A veto", date="2023-11-20"),
        Document("news/c.txt", "", title="Envoys", date="2024-06-19")]


def sample_graph(gazetteer) -> Graph:
    rels = [Relation(f"news/{d}.txt", s, p, o, s, o, text, 100 * i, 100 * i + len(text), i, **kw)
            for d, i, s, p, o, text, kw in RELATIONS]
    return build_graph(rels, DOCS, gazetteer)


@pytest.fixture(scope="module")
def graph(gazetteer):
    return sample_graph(gazetteer)


@pytest.fixture(scope="module")
def files(graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("graphs")
    out = {}
    for suffix, fmt in FORMATS.items():
        if suffix in (".owl", ".xml"):
            continue
        out[suffix] = folder / f"graph{suffix}"
        out[suffix].write_bytes(serialize_graph(graph, fmt))
    return out


@pytest.fixture(scope="module")
def ttl(files):
    return files[".ttl"]


def cli_group() -> click.Group:
    return click.Group("kg", commands={"query": query, "load": load})


def run_cli(*args, input=None):
    return CliRunner().invoke(cli_group(), [str(a) for a in args], input=input)


# ---------------------------------------------------------------------------- comparing results

def _norm_term(term):
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "BlankNode":
        return ("bnode",)
    if kind == "NamedNode":
        return ("iri", term.value)
    dt = term.datatype.value if not term.language else "lang:" + term.language
    value = term.value
    if dt.endswith(("#integer", "#decimal", "#double")):
        value = Decimal(value).normalize()
    elif "; " in value:  # GROUP_CONCAT: engines may concatenate in any order
        value = "; ".join(sorted(value.split("; ")))
    return ("lit", value, dt)


def normalized(result):
    return sorted((tuple(_norm_term(t) for t in row) for row in result.rows), key=repr)


SAVED_PARAMS = {
    "suppliers-of": {"state": "Russia"},
    "supplied-by": {"state": "RUS"},
    "shields": {"state": "North Korea"},
    "concerned-about": {"state": "DPRK"},
    "allies-of": {"state": "Russia"},
    "relations-of": {"state": "PRK"},
    "between": {"a": "PRK", "b": "Russia"},
    "evidence": {"a": "RUS", "predicate": "alliedWith", "b": "PRK"},
    "timeline": {"a": "Russia", "b": "North Korea"},
    "strongest-ties": {},
}


# ---------------------------------------------------------------------------- saved queries

def test_saved_queries_documented():
    queries = saved_queries()
    required = {"suppliers-of", "supplied-by", "shields", "concerned-about", "allies-of", "between", "evidence",
                "timeline", "strongest-ties"}
    assert required <= set(queries)
    assert set(queries) == set(SAVED_PARAMS)
    for q in queries.values():
        assert q.summary and q.description
        assert query_form(q.text) == "SELECT"
        for p in q.params:
            assert f"?{p.name}" in q.text and p.description
    assert [p.name for p in queries["evidence"].params] == ["a", "predicate", "b"]
    assert [p.kind for p in queries["evidence"].params] == ["actor", "predicate", "actor"]


def test_list_one_line_each():
    res = run_cli("query", "--list")
    assert res.exit_code == 0
    lines = res.output.splitlines()
    assert [line.split()[0] for line in lines] == sorted(SAVED_PARAMS)
    assert any(line.startswith("between") and "a= b=" in line for line in lines)


def test_show_prints_saved_text():
    res = run_cli("query", "--show", "--saved", "timeline")
    assert res.exit_code == 0 and res.output == saved_query("timeline").text


@pytest.mark.parametrize("name", sorted(SAVED_PARAMS))
def test_saved_query_same_on_both_engines(name, ttl):
    q = saved_query(name)
    ox_result = run_query(ttl, q.text, params=SAVED_PARAMS[name], saved=q, engine="oxigraph")
    rdflib_result = run_query(ttl, q.text, params=SAVED_PARAMS[name], saved=q, engine="rdflib")
    assert ox_result.vars == rdflib_result.vars
    assert ox_result.rows, f"{name} should find something in the sample graph"
    assert normalized(ox_result) == normalized(rdflib_result)


def _golden_cases():
    return sorted(GOLDEN.glob("*.rq"))


@pytest.mark.parametrize("case", _golden_cases(), ids=lambda p: p.stem)
def test_golden_queries(case, ttl):
    """tests/queries/NAME.rq (a query, or '# saved: NAME' with '# param: k=v' lines) gives NAME.tsv."""
    text = case.read_text(encoding="utf-8")
    saved, params = None, {}
    for line in text.splitlines():
        if line.startswith("# saved:"):
            saved = saved_query(line.split(":", 1)[1].strip())
        elif line.startswith("# param:"):
            k, _, v = line.split(":", 1)[1].strip().partition("=")
            params[k] = v
    result = run_query(ttl, saved.text if saved else text, params=params, saved=saved)
    expected = ox.parse_query_results(path=str(case.with_suffix(".tsv")), format=ox.QueryResultsFormat.TSV)
    assert [v.value for v in expected.variables] == list(result.vars)
    exp_rows = [tuple(sol[v] for v in expected.variables) for sol in expected]
    assert sorted(map(repr, [tuple(_norm_term(t) for t in r) for r in exp_rows])) == \
        sorted(map(repr, [tuple(_norm_term(t) for t in r) for r in result.rows]))


def test_golden_files_exist():
    assert len(_golden_cases()) >= 4
    for case in _golden_cases():
        assert case.with_suffix(".tsv").is_file()


# ---------------------------------------------------------------------------- parameters

def test_state_by_name_alias_or_code(ttl):
    q = saved_query("suppliers-of")
    answers = [normalized(run_query(ttl, q.text, params={"state": s}, saved=q))
               for s in ("Russia", "RUS", "Russian Federation", "actor:RUS")]
    assert all(a == answers[0] for a in answers)
    suppliers = {row[1][1].rsplit("/", 1)[1] for row in answers[0]}
    assert suppliers == {"PRK", "IRN"}  # China's claim is negated


def test_unknown_state_suggests_close_names(ttl):
    with pytest.raises(ParamError, match="did you mean 'North Korea'"):
        run_query(ttl, saved_query("shields").text, params={"state": "Nort Korea"}, saved=saved_query("shields"))
    res = run_cli("query", ttl, "--saved", "shields", "--param", "state=Nort Korea")
    assert res.exit_code == 2 and "North Korea" in res.output and "Traceback" not in res.output


def test_predicate_param_validated(ttl):
    q = saved_query("evidence")
    base = {"a": "PRK", "b": "RUS"}
    rows = [normalized(run_query(ttl, q.text, params={**base, "predicate": p}, saved=q))
            for p in ("supplies", "kg:supplies", "<https://w3id.org/kgstates/ontology#supplies>")]
    assert rows[0] == rows[1] == rows[2] and len(rows[0]) == 1
    with pytest.raises(ParamError, match="did you mean supplies"):
        run_query(ttl, q.text, params={**base, "predicate": "supplys"}, saved=q)


def test_saved_query_param_errors(ttl):
    res = run_cli("query", ttl, "--saved", "between", "--param", "a=PRK")
    assert res.exit_code == 2 and "--param b=" in res.output
    res = run_cli("query", ttl, "--saved", "between", "-p", "a=PRK", "-p", "b=RUS", "-p", "c=CHN")
    assert res.exit_code == 2 and "no such parameter" in res.output
    res = run_cli("query", ttl, "--saved", "between", "-p", "a")
    assert res.exit_code == 2 and "NAME=VALUE" in res.output
    res = run_cli("query", ttl, "--saved", "betwen")
    assert res.exit_code == 2 and "did you mean between" in res.output


def test_injection_binds_a_plain_value(ttl):
    q = "SELECT ?claim ?text WHERE { ?claim kg:evidence ?text }"
    evil = 'x" } UNION { ?claim ?p ?text } #'
    assert run_query(ttl, q, params={"text": evil}).rows == []
    for engine in ("oxigraph", "rdflib"):
        assert run_query(ttl, q, params={"text": evil}, engine=engine).rows == []
    one = run_query(ttl, q, params={"text": "Envoys met in Vladivostok."})
    assert len(one.rows) == 1 and one.rows[0][1].value == "Envoys met in Vladivostok."
    res = run_cli("query", ttl, q, "--param", f"text={evil}", "--format", "csv")
    assert res.exit_code == 0 and res.stdout_bytes == b"claim,text\r\n"
    with pytest.raises(ParamError):  # an actor value must name an actor
        run_query(ttl, "SELECT ?state { ?state ?p ?o }", params={"state": "PRK> ?p ?o } #"})


def test_param_must_be_a_query_variable(ttl):
    with pytest.raises(ParamError, match="no variable"):
        run_query(ttl, "SELECT ?x { ?x ?p ?o }", params={"y": "1"})
    with pytest.raises(ParamError, match="must select"):
        run_query(ttl, "SELECT ?o { ?x ?p ?o }", params={"x": "<https://w3id.org/kgstates/actor/PRK>"})


# ---------------------------------------------------------------------------- prefixes, engines, API

def test_prefixes_declared_and_own_prefix_wins(ttl):
    assert run_query(ttl, "SELECT ?x ?y WHERE { ?x kg:supplies ?y }").rows
    own = "PREFIX kg: <http://example.org/other#>\nSELECT ?x ?y WHERE { ?x kg:supplies ?y }"
    assert run_query(ttl, own).rows == []
    assert run_query(ttl, own, engine="rdflib").rows == []
    assert {"kg", "rdf", "rdfs", "owl", "xsd", "skos", "prov", "dcterms", "wd"} <= set(PREFIXES)


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"])
def test_every_format_kg_writes(files, suffix, graph):
    result = run_query(files[suffix], "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(result.rows[0][0].value) == len(graph)


def test_graph_objects_and_records(graph, ttl):
    q = "SELECT ?s ?o WHERE { ?s kg:vetoesFor ?o } ORDER BY ?s"
    from_graph = run_query(graph, q)  # rdflib Graph: rdflib engine
    store = ox.Store()
    store.load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    from_store = run_query(store, q)
    assert from_graph.rows == from_store.rows
    assert from_store.records() == [
        {"s": "https://w3id.org/kgstates/actor/CHN", "o": "https://w3id.org/kgstates/actor/PRK"},
        {"s": "https://w3id.org/kgstates/actor/RUS", "o": "https://w3id.org/kgstates/actor/PRK"}]
    from rdflib import URIRef

    assert from_store.to_rdflib()[0] == (URIRef("https://w3id.org/kgstates/actor/CHN"),
                                         URIRef("https://w3id.org/kgstates/actor/PRK"))
    counts = run_query(ttl, "SELECT (COUNT(*) AS ?n) (1.5 AS ?d) (true AS ?b) {}").records()
    assert counts == [{"n": 1, "d": Decimal("1.5"), "b": True}]


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_ask_construct_describe(ttl, graph):
    assert run_query(ttl, "ASK { actor:PRK kg:supplies actor:RUS }").boolean is True
    assert run_query(ttl, "ASK { actor:CHN kg:supplies actor:RUS }").boolean is False
    res = run_cli("query", ttl, "ASK { actor:PRK kg:supplies actor:RUS }")
    assert (res.exit_code, res.output) == (0, "true\n")
    res = run_cli("query", ttl, "ASK { actor:CHN kg:supplies actor:RUS }")
    assert (res.exit_code, res.output) == (1, "false\n")
    res = run_cli("query", ttl, "ASK { actor:CHN kg:supplies actor:RUS }", "--format", "json")
    assert res.exit_code == 1 and json.loads(res.output) == {"head": {}, "boolean": False}

    construct = "CONSTRUCT { ?a kg:supplies ?b } WHERE { ?a kg:supplies ?b }"
    expected = Graph()
    for t in graph.triples((None, None, None)):
        if str(t[1]).endswith("#supplies") and str(t[0]).startswith(PREFIXES["actor"]):
            expected.add(t)
    for fmt, rdflib_fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("xml", "xml")):
        res = run_cli("query", ttl, construct, "--format", fmt)
        assert res.exit_code == 0, res.output
        assert isomorphic(Graph().parse(data=res.output, format=rdflib_fmt), expected), fmt
    res = run_cli("query", ttl, construct)
    assert res.output.startswith("@prefix") and "actor:PRK kg:supplies actor:RUS" in res.output
    res = run_cli("query", ttl, "DESCRIBE actor:BLR")
    described = Graph().parse(data=res.output, format="turtle")
    assert len(described) >= 3 and res.exit_code == 0
    res = run_cli("query", ttl, construct, "--format", "csv")
    assert res.exit_code == 2 and "give RDF" in res.output


# ---------------------------------------------------------------------------- result formats

TRICKY = """SELECT ?claim ?text ?item ?n ?label ?none ?blank WHERE {
  ?claim kg:evidence ?text ; kg:item ?item ; kg:sentenceIndex ?n .
  actor:RUS rdfs:label ?label .
  OPTIONAL { ?claim kg:nothing ?none }
  BIND(BNODE() AS ?blank)
} ORDER BY ?claim"""


@pytest.fixture(scope="module")
def tricky(ttl):
    result = run_query(ttl, TRICKY)
    texts = [r[1].value for r in result.rows]
    assert any('"' in t and "," in t and "\t" in t for t in texts)
    return result


def _render(result, fmt) -> bytes:
    out = io.BytesIO()
    write_result(result, fmt, out)
    return out.getvalue()


def _rdflib_rows(result, vars_):
    return [tuple(_norm_term(_ox(row.get(v))) for v in vars_) for row in result.bindings]


def _ox(term):
    return from_rdflib(term)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_formats_parse_back_with_rdflib(tricky, fmt):
    data = _render(tricky, fmt)
    parsed = Result.parse(io.BytesIO(data), format=fmt)
    assert [str(v) for v in parsed.vars] == list(tricky.vars)
    got = sorted(_rdflib_rows(parsed, parsed.vars), key=repr)
    want = sorted((tuple(_norm_term(t) for t in row) for row in tricky.rows), key=repr)
    if fmt == "csv":  # CSV loses types: compare the strings
        want = [tuple(None if t is None else ("bnode",) if t[0] == "bnode" else str(t[1]) for t in row)
                for row in want]
        got = [tuple(None if t is None else ("bnode",) if t[0] == "bnode" else str(t[1]) for t in row)
               for row in got]
        got = [tuple(None if v == "" else v for v in row) for row in got]
        want = sorted(want, key=repr)
        got = sorted(got, key=repr)
    assert got == want


@pytest.mark.parametrize("fmt", ["tsv", "json", "xml"])
def test_formats_parse_back_with_pyoxigraph(tricky, fmt):
    data = _render(tricky, fmt)
    parsed = ox.parse_query_results(data, getattr(ox.QueryResultsFormat, fmt.upper()))
    assert [v.value for v in parsed.variables] == list(tricky.vars)
    got = [tuple(_norm_term(sol[v]) for v in parsed.variables) for sol in parsed]
    assert got == [tuple(_norm_term(t) for t in row) for row in tricky.rows]


def test_csv_is_w3c(tricky, ttl):
    data = _render(tricky, "csv").decode("utf-8")
    assert data.startswith("claim,text,item,n,label,none,blank\r\n")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert len(rows) == len(tricky.rows) + 1
    assert all(r[5] == "" and r[6].startswith("_:") for r in rows[1:])
    # the same bytes as Oxigraph's own CSV writer for the same query
    store = ox.Store()
    store.load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    q = "SELECT ?claim ?text ?item ?n ?label WHERE { ?claim kg:evidence ?text ; kg:item ?item ; " \
        "kg:sentenceIndex ?n . actor:RUS rdfs:label ?label } ORDER BY ?claim"
    theirs = store.query(q, prefixes=PREFIXES).serialize(format=ox.QueryResultsFormat.CSV)
    assert _render(run_query(ttl, q), "csv") == theirs


def test_table_is_aligned_with_prefixed_names(ttl):
    res = run_cli("query", ttl, "SELECT ?s ?n WHERE { ?s kg:iso3 ?code . BIND(STRLEN(?code) + 10 AS ?n) } "
                                "ORDER BY ?s LIMIT 2", "--format", "table")
    assert res.exit_code == 0
    lines = res.output.splitlines()
    assert lines[0].split() == ["s", "n"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].startswith("actor:") and lines[2].endswith("13")
    assert len({len(line) for line in lines[:4]}) == 1  # aligned
    assert lines[-1] == "(2 rows)"


def test_default_format_is_csv_when_piped(ttl):
    res = run_cli("query", ttl, "SELECT ?o WHERE { actor:BLR kg:iso3 ?o }")
    assert res.stdout_bytes == b"o\r\nBLR\r\n"


def test_query_from_file_and_stdin(ttl, tmp_path):
    q = "SELECT ?o WHERE { actor:BLR kg:iso3 ?o }"
    rq = tmp_path / "q.rq"
    rq.write_text(q, encoding="utf-8")
    assert run_cli("query", ttl, "-f", rq).stdout_bytes == b"o\r\nBLR\r\n"
    assert run_cli("query", ttl, "-f", "-", input=q).stdout_bytes == b"o\r\nBLR\r\n"
    res = run_cli("query", ttl, q, "-f", rq)
    assert res.exit_code == 2 and "only one" in res.output
    assert run_cli("query", ttl).exit_code == 2
    assert run_cli("query").exit_code == 2


# ---------------------------------------------------------------------------- safety

@pytest.mark.parametrize("q", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { service <http://example.org/sparql> { ?s ?p ?o } }",
    # a '<' that a naive lexer reads as the start of an IRI hides the keyword from it
    "SELECT * WHERE { ?s ?p ?o FILTER(?o<STR(?x))SERVICE #>\n<http://example.org/>{?a ?b ?c} }",
    "PREFIX e: <http://example.org/>\nSELECT * WHERE { OPTIONAL { SERVICE e:sparql { ?s ?p ?o } } }",
])
def test_service_refused(ttl, q):
    with pytest.raises(UnsafeQueryError, match="SERVICE"):
        check_query(q)
    for engine in ("oxigraph", "rdflib"):
        with pytest.raises(UnsafeQueryError):
            run_query(ttl, q, engine=engine)
    res = run_cli("query", ttl, q)
    assert res.exit_code == 1 and "refused" in res.output and "Traceback" not in res.output


@pytest.mark.parametrize("q", [
    "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://example.org/data.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "PREFIX e: <http://example.org/>\nSELECT * FROM e:data WHERE { ?s ?p ?o }",
])
def test_remote_from_refused(ttl, q):
    for engine in ("oxigraph", "rdflib"):
        with pytest.raises(UnsafeQueryError, match="refused"):
            run_query(ttl, q, engine=engine)
    assert run_cli("query", ttl, q).exit_code == 1


def test_load_and_update_refused(ttl):
    with pytest.raises(UnsafeQueryError, match="LOAD"):
        check_query("LOAD <http://example.org/data.ttl>", update=True)
    with pytest.raises(UnsafeQueryError, match="SERVICE"):
        check_query("INSERT { ?s ?p ?o } WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }", update=True)
    with pytest.raises(UnsafeQueryError, match="read-only"):
        check_query("INSERT DATA { actor:A kg:supplies actor:B }")
    res = run_cli("query", ttl, "LOAD <http://example.org/data.ttl>")
    assert res.exit_code == 1 and "read-only" in res.output
    res = run_cli("query", ttl, "INSERT DATA { actor:A kg:supplies actor:B }", "--update")
    assert res.exit_code == 2 and "store directory" in res.output


def test_harmless_mentions_pass(ttl):
    q = ('# SERVICE and FROM in a comment\nSELECT ?t WHERE { ?c kg:evidence ?t '
         'FILTER(!CONTAINS(?t, "SERVICE <http://x/> from LOAD")) } # \\u0053ERVICE')
    assert check_query(q) == []
    assert len(run_query(ttl, q).rows) == len(RELATIONS)


def test_no_network_even_if_asked(ttl, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("kg query opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    for q in ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
              "SELECT * FROM <http://127.0.0.1:1/g.ttl> WHERE { ?s ?p ?o }"):
        for engine in ("oxigraph", "rdflib"):
            with pytest.raises(UnsafeQueryError):
                run_query(ttl, q, engine=engine)


def test_remote_jsonld_context_refused_by_rdflib_engine(tmp_path):
    path = tmp_path / "remote.jsonld"
    path.write_text('{"@context": "http://127.0.0.1:1/context.jsonld", "@id": "http://e/a", "name": "x"}')
    with pytest.raises(GraphError, match="remote @context is refused"):
        run_query(path, "ASK {}", engine="rdflib")
    with pytest.raises(GraphError, match="remote @context is refused"):
        run_query(path, "ASK {}", engine="oxigraph")  # refused before pyoxigraph sees it


# ---------------------------------------------------------------------------- errors and timeouts

EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("forking", [True, False], ids=["fork", "spawn"])
def test_timeout_stops_a_runaway_query(ttl, engine, forking, monkeypatch):
    monkeypatch.setattr(runner, "_single_threaded", lambda: forking)
    t0 = time.monotonic()
    with pytest.raises(QueryTimeout, match="longer than 0.5 s"):
        run_query(ttl, EXPENSIVE, engine=engine, timeout=0.5)
    assert time.monotonic() - t0 < 2.5


def test_timeout_in_a_thread_for_objects(graph, monkeypatch):
    monkeypatch.setattr(runner, "_single_threaded", lambda: False)
    assert run_query(graph, "ASK { actor:PRK kg:supplies actor:RUS }", timeout=20).boolean
    with pytest.raises(QueryTimeout):
        runner.call_with_timeout(lambda: time.sleep(1), 0.2)


def test_timeout_cli_exit_1(ttl):
    t0 = time.monotonic()
    res = run_cli("query", ttl, EXPENSIVE, "--timeout", "0.5")
    assert res.exit_code == 1 and "longer than 0.5 s" in res.output
    assert time.monotonic() - t0 < 2.5


def test_timeout_whole_process(ttl):
    """The kg command is single-threaded when it forks: the child is killed at the deadline."""
    code = ("import sys, click; from kg.cli_query import query\n"
            "click.Group('kg', commands={'query': query})(sys.argv[1:])")
    t0 = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code, "query", str(ttl), EXPENSIVE, "--timeout", "0.5"],
                         capture_output=True, text=True)
    assert time.monotonic() - t0 < 3
    assert out.returncode == 1 and out.stderr.startswith("Error: the query ran longer than 0.5 s")
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("forking", [True, False], ids=["fork", "spawn"])
def test_results_come_back_through_the_timeout_child(ttl, forking, monkeypatch):
    monkeypatch.setattr(runner, "_single_threaded", lambda: forking)
    q = saved_query("between")
    direct = run_query(ttl, q.text, params=SAVED_PARAMS["between"], saved=q)
    child = run_query(ttl, q.text, params=SAVED_PARAMS["between"], saved=q, timeout=30)
    assert direct == child and direct.rows
    with pytest.raises(QuerySyntaxError):  # errors come back too
        run_query(ttl, "SELECT ?x WHERE { ?x }", timeout=30)


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_syntax_error_has_line_and_column(ttl, engine):
    bad = "SELECT ?s WHERE {\n  ?s kg:supplies\n}"
    with pytest.raises(QuerySyntaxError, match=r"line \d+, column \d+"):
        run_query(ttl, bad, engine=engine)
    res = run_cli("query", ttl, bad, "--engine", engine)
    assert res.exit_code == 1
    assert res.output.count("\n") == 1 and "Traceback" not in res.output
    # Oxigraph points at the closing brace; rdflib's pyparsing at the start of the bad pattern
    assert ("line 3, column" if engine == "oxigraph" else "line 2, column") in res.output


def test_missing_graph_and_bad_suffix(tmp_path):
    res = run_cli("query", tmp_path / "nope.ttl", "ASK {}")
    assert res.exit_code == 1 and "not found" in res.output
    odd = tmp_path / "graph.txt"
    odd.write_text("x")
    res = run_cli("query", odd, "ASK {}")
    assert res.exit_code == 2 and "unsupported graph suffix" in res.output
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix e: <http://e/> .\ne:a e:b .\n")
    res = run_cli("query", bad, "ASK {}")
    assert res.exit_code == 1 and "bad.ttl: line 2" in res.output


def test_cli_imports_only_click():
    code = ("import sys, kg.cli_query; "
            "print(sorted(m for m in ('rdflib', 'pyoxigraph', 'kg.query', 'kg.gazetteer') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_store_query_imports_no_rdflib(tmp_path, files):
    store = tmp_path / "store"
    assert run_cli("load", files[".nt"], "--store", store).exit_code == 0
    code = ("import sys, click; from kg.cli_query import query\n"
            "g = click.Group('kg', commands={'query': query})\n"
            "try:\n    g(['query', sys.argv[1], 'SELECT ?o { actor:BLR kg:iso3 ?o }'])\n"
            "except SystemExit:\n    pass\n"
            "print('rdflib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(store)], capture_output=True, text=True)
    assert out.stdout.endswith("False\n"), out.stderr


def test_commands_have_help():
    for name in ("query", "load"):
        res = run_cli(name, "--help")
        assert res.exit_code == 0 and len(res.output) > 200
    assert set(RESULT_FORMATS) == {"table", "csv", "tsv", "json", "xml"}


def test_format_choices_are_the_registry():
    """``kg query --format`` offers every format of the registry (kg.query.writers), and no other."""
    from kg.query.writers import FORMATS, result_format

    option = next(p for p in query.params if p.name == "fmt")
    assert sorted(option.type.choices) == sorted(FORMATS)
    assert [result_format(n).name for n in ("a.csv", "a.srj", "a.tsv", "a.srx", "a.ttl", "a.nt", "a.jsonld")] == \
        ["csv", "json", "tsv", "xml", "ttl", "nt", "jsonld"]
