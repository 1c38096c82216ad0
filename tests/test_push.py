"""kg.remote and ``kg push``: a real Oxigraph server, started by this module on a free port.

Every push is checked with a SPARQL query sent over HTTP by the test itself (urllib, not kg):
the triples in the store must be exactly the local graph's. Remote queries (``query_endpoint``)
must print the same bytes as the same query run locally. Authentication and timeouts are checked
against small HTTP servers of the test's own on 127.0.0.1.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import io
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import click
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli_export import push as push_command
from kg.cli_query import RESULT_FORMATS, write_result
from kg.query import QuerySyntaxError, UnsafeQueryError, run_query, saved_queries
from kg.remote import (Credentials, EndpointURLError, RemoteError, bind_values, graph_store_url, push,
                       query_endpoint)

EXAMPLES = Path(__file__).resolve().parent.parent / "graphs" / "examples.ttl"


# ---------------------------------------------------------------------------- the server

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    return shutil.which("oxigraph") or (str(beside_python) if beside_python.exists() else None)


@dataclass
class Server:
    base: str

    @property
    def store(self) -> str:
        return self.base + "/store"

    @property
    def query(self) -> str:
        return self.base + "/query"

    def sparql(self, query: str, accept: str = "application/n-triples") -> bytes:
        """Run a query over HTTP with urllib alone (GET, as the SPARQL 1.1 Protocol allows)."""
        url = f"{self.query}?{urllib.parse.urlencode({'query': query})}"
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=30) as resp:
            return resp.read()

    def triples(self, graph: str | None = None) -> list:
        """Every triple of the default graph or of ``graph``, as a list (duplicates would show)."""
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
        data = self.sparql(f"SELECT ?s ?p ?o WHERE {{ {where} }}", "application/sparql-results+json")
        return [tuple(sol) for sol in ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)]

    def clear(self) -> None:
        req = urllib.request.Request(self.base + "/update", data=b"DROP ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
        urllib.request.urlopen(req, timeout=30).close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph: it is in the test extras)")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    srv = Server(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"oxigraph serve exited: {proc.stderr.read().decode(errors='replace')[:500]}")
            try:
                srv.sparql("ASK {}", "application/sparql-results+json")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    pytest.fail("oxigraph serve did not answer within 30 s")
                time.sleep(0.05)
        yield srv
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()


@pytest.fixture()
def oxigraph(server):
    server.clear()
    return server


def _local_triples(path) -> set:
    return {q.triple for q in ox.parse(path=str(path))}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def cli():
    return click.Group("kg", commands={"push": push_command})


# ---------------------------------------------------------------------------- push

def test_push_sends_every_triple(oxigraph):
    report = push(EXAMPLES, oxigraph.store)
    local = _local_triples(EXAMPLES)
    remote = oxigraph.triples()
    assert len(remote) == len(set(remote)) == len(local) == report.triples
    assert {ox.Triple(*t) for t in remote} == local
    assert report.status in (200, 201, 204)


def test_post_adds_and_replace_puts_without_duplicates(oxigraph, tmp_path):
    g = "https://w3id.org/kgstates/graph/test"
    nt = tmp_path / "graph.nt"
    ox.serialize(_local_triples(EXAMPLES), str(nt), ox.RdfFormat.N_TRIPLES)
    lines = nt.read_text(encoding="utf-8").splitlines(keepends=True)
    half = tmp_path / "half.nt"
    half.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    other = "https://w3id.org/kgstates/graph/other"
    push(half, oxigraph.store, graph=other)

    push(half, oxigraph.store, graph=g)
    assert len(oxigraph.triples(g)) == len(lines) // 2
    push(nt, oxigraph.store, graph=g)  # POST adds the rest
    assert len(oxigraph.triples(g)) == len(lines)
    report = push(nt, oxigraph.store, graph=g, replace=True)  # PUT: exactly the graph, nothing twice
    remote = oxigraph.triples(g)
    assert len(remote) == len(set(remote)) == len(lines) == report.triples
    assert {ox.Triple(*t) for t in remote} == _local_triples(nt)
    push(half, oxigraph.store, graph=g, replace=True)  # a smaller graph replaces it whole
    assert {ox.Triple(*t) for t in oxigraph.triples(g)} == _local_triples(half)
    assert len(oxigraph.triples(other)) == len(lines) // 2  # other graphs untouched
    assert oxigraph.triples() == []  # and nothing went to the default graph


def test_push_merges_quads_and_reads_store_directories(oxigraph, tmp_path):
    from kg.rdf import read_graph, write_graph
    from kg.store import load_files

    nq = tmp_path / "graph.nq"
    write_graph(read_graph(EXAMPLES), nq)
    push(nq, oxigraph.store, graph="https://example.org/from-nquads")
    assert {ox.Triple(*t) for t in oxigraph.triples("https://example.org/from-nquads")} == _local_triples(EXAMPLES)
    load_files(tmp_path / "store", [EXAMPLES])
    report = push(tmp_path / "store", oxigraph.store, graph="https://example.org/from-store", replace=True)
    assert report.triples == len(_local_triples(EXAMPLES))
    assert {ox.Triple(*t) for t in oxigraph.triples("https://example.org/from-store")} == _local_triples(EXAMPLES)


def test_push_command(oxigraph, cli, tmp_path):
    before = _digest(EXAMPLES)
    result = CliRunner().invoke(cli, ["push", str(EXAMPLES), "--endpoint", oxigraph.store, "--graph",
                                      "https://example.org/cli", "--replace"])
    assert result.exit_code == 0, result.output
    n = len(_local_triples(EXAMPLES))
    assert result.output.startswith(f"kg: replaced graph <https://example.org/cli> at {oxigraph.store}: "
                                    f"{n:,} triples sent (HTTP ")
    assert len(oxigraph.triples("https://example.org/cli")) == n
    assert _digest(EXAMPLES) == before


@pytest.mark.attack
@pytest.mark.parametrize("flags", [[], ["--replace", "--bulk"]])
def test_bad_data_is_refused_before_the_server_is_touched(oxigraph, cli, tmp_path, flags):
    # issue 15, D7: --replace --bulk emptied the server's graph, then the server met the parse error
    good = tmp_path / "good.nt"
    good.write_text('<https://e.org/a> <https://e.org/b> "kept" .\n')
    assert CliRunner().invoke(cli, ["push", str(good), "--endpoint", oxigraph.store]).exit_code == 0
    bad = tmp_path / "bad.nt"
    bad.write_text('<https://e.org/a> <https://e.org/b> "ok" .\n<https://e.org/a> <https://e.org/b> oops .\n')
    before = _digest(bad)
    result = CliRunner().invoke(cli, ["push", str(bad), "--endpoint", oxigraph.store, *flags])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {bad}: line 2, column "), lines
    assert _digest(bad) == before and len(oxigraph.triples()) == 1


def test_http_error_status(oxigraph):
    with pytest.raises(RemoteError, match=r"^push to .*/nothing failed: HTTP 404 Not Found"):
        push(EXAMPLES, oxigraph.base + "/nothing")


def test_connection_refused_is_one_line_and_exit_1(cli, tmp_path):
    port = _free_port()
    result = CliRunner().invoke(cli, ["push", str(EXAMPLES), "--endpoint", f"http://127.0.0.1:{port}/store"])
    assert result.exit_code == 1
    assert result.output == (f"Error: push to http://127.0.0.1:{port}/store failed: connection refused "
                             "(is the server running, and is the port right?)\n")


def test_timeout_is_one_line(cli):
    with socket.socket() as listener:  # accepts connections (backlog) but never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/store"
        t0 = time.monotonic()
        result = CliRunner().invoke(cli, ["push", str(EXAMPLES), "--endpoint", url, "--timeout", "0.5"])
    assert time.monotonic() - t0 < 10
    assert result.exit_code == 1
    assert result.output == f"Error: push to {url} failed: no answer within 0.5 s\n"


def test_bad_urls_are_usage_errors(cli):
    for url, message in (("ftp://example.org/store", "is not an http"),
                         ("http://me:secret@127.0.0.1:1/store", "holds a user name or password")):
        result = CliRunner().invoke(cli, ["push", str(EXAMPLES), "--endpoint", url])
        assert result.exit_code == 2 and message in result.output
        assert "secret" not in result.output
    with pytest.raises(EndpointURLError):
        graph_store_url("http://localhost:7878/store", "not an iri")
    assert graph_store_url("http://h/ds?x=1") == "http://h/ds?x=1&default"


# ---------------------------------------------------------------------------- authentication

class _AuthServer(http.server.ThreadingHTTPServer):
    """Wants HTTP Basic authentication as alice:s3cret; records what it was sent."""

    def __init__(self):
        self.received: list[tuple[str, str, int]] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(handler):
                length = int(handler.headers.get("Content-Length") or 0)
                body = handler.rfile.read(length)
                expected = "Basic " + base64.b64encode(b"alice:s3cret").decode()
                if handler.headers.get("Authorization") != expected:
                    handler.send_response(401, "Unauthorized")
                    handler.send_header("WWW-Authenticate", 'Basic realm="kg"')
                    message = b"<html><body><h1>401</h1>\n<p>Bad credentials for this dataset</p></body></html>\n"
                    handler.send_header("Content-Length", str(len(message)))
                    handler.end_headers()
                    handler.wfile.write(message)
                    return
                self.received.append((handler.command, handler.path, len(body)))
                handler.send_response(204)
                handler.end_headers()

            do_POST = do_PUT = _answer

            def log_message(handler, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/ds/data"


@pytest.fixture()
def auth_server():
    srv = _AuthServer()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def test_password_from_the_environment_is_sent_and_never_printed(auth_server, cli):
    env = {"KG_PASSWORD": "s3cret"}
    result = CliRunner().invoke(cli, ["push", str(EXAMPLES), "--endpoint", auth_server.url, "--user", "alice",
                                      "--replace"], env=env)
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.output
    ((method, path, size),) = auth_server.received
    assert (method, path) == ("PUT", "/ds/data?default") and size > EXAMPLES.stat().st_size  # as N-Triples


def test_password_prompt_and_wrong_password(auth_server, cli):
    result = CliRunner().invoke(cli, ["push", str(EXAMPLES), "--endpoint", auth_server.url, "--user", "alice",
                                      "--password-env", "KG_TEST_UNSET"], input="s3cret\n", env={"KG_TEST_UNSET": None})
    assert result.exit_code == 0, result.output
    assert "Password for alice" in result.output and "s3cret" not in result.output
    result = CliRunner().invoke(cli, ["push", str(EXAMPLES), "--endpoint", auth_server.url, "--user", "alice"],
                                env={"KG_PASSWORD": "wrong"})
    assert result.exit_code == 1
    assert result.output == (f"Error: push to {auth_server.url} failed: HTTP 401 Unauthorized: "
                             "401 Bad credentials for this dataset\n")
    assert "wrong" not in result.output and result.output.count("\n") == 1
    assert repr(Credentials("alice", "s3cret")).find("s3cret") == -1


# ---------------------------------------------------------------------------- remote queries

_STATES = ("Russia", "North Korea", "China", "Ukraine", "United States", "Iran", "Israel")
_PAIRS = (("North Korea", "Russia"), ("Russia", "Ukraine"), ("United States", "China"), ("China", "Philippines"))


def _params_with_rows(q) -> dict:
    """Parameters for saved query ``q`` that give rows on the examples graph (the first that do)."""
    names = {p.name for p in q.params}
    if not names:
        return {}
    if names == {"state"}:
        candidates = [{"state": s} for s in _STATES]
    else:
        candidates = [{"a": a, "b": b, **({"predicate": "supplies"} if "predicate" in names else {})}
                      for a, b in _PAIRS]
    for params in candidates:
        if run_query(EXAMPLES, q.text, params=params, saved=q).rows:
            return params
    return candidates[0]


@pytest.fixture()
def loaded(oxigraph):
    push(EXAMPLES, oxigraph.store)
    return oxigraph


def _canonical(result):
    """The result with every GROUP_CONCAT value's items sorted: SPARQL leaves their order to the engine,
    and Oxigraph's differs between an in-memory store and the server's on-disk one."""
    from kg.query import QueryResult

    def canon(term):
        if isinstance(term, ox.Literal) and "; " in term.value:
            return ox.Literal("; ".join(sorted(term.value.split("; "))), datatype=term.datatype)
        return term

    return QueryResult(result.kind, result.vars, [tuple(canon(t) for t in row) for row in result.rows],
                       result.boolean, result.triples)


def _render(result, fmt: str) -> bytes:
    buf = io.BytesIO()
    write_result(result, fmt, buf)
    return buf.getvalue()


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_saved_queries_give_the_same_output_remotely(loaded, name):
    q = saved_queries()[name]
    params = _params_with_rows(q)
    local = run_query(EXAMPLES, q.text, params=params, saved=q)
    remote = query_endpoint(loaded.query, q.text, params=params, saved=q)
    assert remote.kind == local.kind == "select" and remote.vars == local.vars
    assert len(remote.rows) == len(local.rows)
    for fmt in RESULT_FORMATS:
        assert _render(_canonical(remote), fmt) == _render(_canonical(local), fmt), fmt


def test_ask_construct_and_errors_remotely(loaded):
    ask = "ASK { actor:PRK kg:supplies ?state }"
    assert query_endpoint(loaded.query, ask, params={"state": "Russia"}).boolean is True
    assert query_endpoint(loaded.query, ask, params={"state": "Australia"}).boolean is False
    construct = "CONSTRUCT { ?a kg:supplies ?b } WHERE { ?a kg:supplies ?b }"
    remote = query_endpoint(loaded.query, construct)
    assert remote.kind == "graph" and set(remote.triples) == set(run_query(EXAMPLES, construct).triples)
    local_lines = _render(run_query(EXAMPLES, construct), "nt").splitlines()
    assert sorted(_render(remote, "nt").splitlines()) == sorted(local_lines)  # CONSTRUCT gives no order
    with pytest.raises(QuerySyntaxError, match="line 2, column"):
        query_endpoint(loaded.query, "SELECT *\nWHERE { ?s ?p }")
    with pytest.raises(UnsafeQueryError):
        query_endpoint(loaded.query, "DELETE WHERE { ?s ?p ?o }")
    assert len(loaded.triples()) == len(_local_triples(EXAMPLES))  # nothing was deleted
    with pytest.raises(RemoteError, match=r"^query at http://127.0.0.1:\d+/nothing failed: HTTP 404"):
        query_endpoint(loaded.base + "/nothing", "ASK {}")


def test_named_graphs_are_queried_with_from(oxigraph):
    g = "https://example.org/news"
    push(EXAMPLES, oxigraph.store, graph=g)
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s kg:supplies ?o }"
    assert query_endpoint(oxigraph.query, q).records() == [{"n": 0}]
    q_from = f"SELECT (COUNT(*) AS ?n) FROM <{g}> WHERE {{ ?s kg:supplies ?o }}"
    assert query_endpoint(oxigraph.query, q_from).records() == run_query(EXAMPLES, q).records()


def test_bind_values_opens_the_where_group():
    node = ox.NamedNode("https://w3id.org/kgstates/actor/RUS")
    q = 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?o != "{") }'
    assert bind_values(q, {"o": node}) == (
        'CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?o) { (<https://w3id.org/kgstates/actor/RUS>) } ?s ?p ?o '
        'FILTER(?o != "{") }')
    q = "# WHERE {\nSELECT * { ?s ?p ?o }"
    assert bind_values(q, {"o": node}).endswith("SELECT * { VALUES (?o) { (<https://w3id.org/kgstates/actor/RUS>) } "
                                                "?s ?p ?o }")


def test_query_command_with_endpoint(loaded):
    from kg.cli import cli as kg_cli

    runner = CliRunner()
    result = runner.invoke(kg_cli, ["query", "--endpoint", loaded.query, "--saved", "suppliers-of",
                                    "--param", "state=Russia", "--format", "csv"])
    assert result.exit_code == 0, result.output
    local = runner.invoke(kg_cli, ["query", str(EXAMPLES), "--saved", "suppliers-of", "--param", "state=Russia",
                                   "--format", "csv"])
    def firsts(output):  # GROUP_CONCAT orders its items as the engine likes: compare the keys
        return sorted(",".join(line.split(",")[:3]) for line in output.splitlines())

    assert firsts(result.output) == firsts(local.output) and len(firsts(local.output)) > 1
    typed = runner.invoke(kg_cli, ["query", "--endpoint", loaded.query,
                                   "ASK { ?s kg:supplies actor:RUS }"])
    assert typed.exit_code == 0 and typed.output.strip() == "true"
    both = runner.invoke(kg_cli, ["query", str(EXAMPLES), "SELECT * WHERE {?s ?p ?o}", "--endpoint", loaded.query])
    assert both.exit_code == 2


@pytest.mark.attack
def test_query_command_with_endpoint_stops_at_max_rows(loaded):
    from kg.cli import cli as kg_cli

    result = CliRunner().invoke(kg_cli, ["query", "--endpoint", loaded.query, "SELECT * WHERE { ?s ?p ?o }",
                                         "--max-rows", "10"])
    assert result.exit_code == 1
    assert result.output == "Error: the query gives more than 10 results; add a LIMIT or raise --max-rows\n"
