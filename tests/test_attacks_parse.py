"""Attacks on parsing, querying and input handling (issue 15, part B), each reproduced as it was
reported. Every command runs in a child process under the network guard of tests/test_no_network.py
(an audit hook that ends the process on any connection or DNS lookup), so "fetches nothing" is
checked for every command here, whatever else the test looks at."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_no_network import GUARD

pytestmark = pytest.mark.attack

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "entente-1914.ttl"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NOWHERE = "http://127.0.0.1:9/store"  # never reached: the guard stops any connection first


def kg(args, cwd, input=None, timeout=120):
    result = subprocess.run([sys.executable, "-c", GUARD, *map(str, args)], cwd=cwd, capture_output=True,
                            text=True, timeout=timeout, input=input)
    assert "NETWORK" not in result.stdout + result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result


def one_error(result, *needles) -> str:
    """The single stderr line of a failed command, after checking it holds every needle."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def d(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("attacks")
    base = FIXTURE.read_text(encoding="utf-8")
    (d / "g.ttl").write_text(base, encoding="utf-8")
    (d / "import.jsonld").write_text(json.dumps({
        "@context": {"@version": 1.1, "@import": "http://example.org/ctx.jsonld"},
        "@id": "http://e/a", "http://e/b": "x"}))
    (d / "deep-import.jsonld").write_text(json.dumps({
        "@context": {"e": "http://e/", "knows": {"@id": "e:knows", "@context": {"@import": "http://example.org/c"}}},
        "@id": "http://e/a", "knows": {"@id": "http://e/b"}}))
    (d / "utf16.jsonld").write_bytes(codecs.BOM_UTF16_LE + json.dumps(
        {"@context": "http://example.org/ctx.jsonld", "@id": "http://e/a"}).encode("utf-16-le"))
    laughs = ('<!DOCTYPE r [\n<!ENTITY a "aaaaaaaaaa">\n' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(8)) + "]>\n"
        f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:e="http://e/"><rdf:Description rdf:about="http://e/a">'
        "<e:b>&i;</e:b></rdf:Description></rdf:RDF>\n")
    padded = '<?xml version="1.0"?>\n<!-- ' + "x" * 70_000 + " -->\n" + laughs
    (d / "laughs.rdf").write_text(padded)
    (d / "laughs-utf16.rdf").write_bytes(padded.replace('"1.0"', '"1.0" encoding="UTF-16"', 1).encode("utf-16"))
    prefixes = "".join(f"@prefix p{i}: <http://e/{i}/> .\n" for i in range(200_000))
    (d / "prefixes.ttl").write_text(prefixes + "<http://e/a> <http://e/b> <http://e/c> .\n")
    (d / "long-string.ttl").write_text('@prefix e: <http://e/> .\ne:a e:b """' + "line of text\n" * 100_000
                                       + '""" .\n')
    (d / "space.ttl").write_text(base + '\n<http://e/a b> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n')
    (d / "langtag.ttl").write_text(base + '\n<https://w3id.org/kgstates/actor/FRA> '
                                   '<http://www.w3.org/2000/01/rdf-schema#comment> "x"@en-' + "a" * 5000 + " .\n")
    (d / "double.ttl").write_text(base + '\n<https://w3id.org/kgstates/actor/FRA> <http://e/v> '
                                  '"1e999999"^^<http://www.w3.org/2001/XMLSchema#double> .\n')
    return d


# ---------------------------------------------------------------------------- D5: JSON-LD @import

READERS = [["validate", "{g}"], ["analyze", "{g}"], ["draw", "{g}", "-o", "out.svg"], ["diff", "g.ttl", "{g}"],
           ["export", "{g}", "-o", "out.graphml"], ["query", "{g}", "ASK {}", "--engine", "rdflib"],
           ["query", "{g}", "ASK {}"], ["load", "{g}", "--store", "st"], ["push", "{g}", "--endpoint", NOWHERE]]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["import.jsonld", "deep-import.jsonld"])
@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0] + ("-rdflib" if "rdflib" in a else ""))
def test_jsonld_import_is_refused_by_every_command(d, args, name):
    one_error(kg([a.replace("{g}", name) for a in args], d), name, "@import", "refused")


def test_a_remote_context_in_utf16_is_refused(d):
    one_error(kg(["validate", "utf16.jsonld"], d), "remote @context")


# ---------------------------------------------------------------------------- D8: entity declarations

@pytest.mark.parametrize("name", ["laughs.rdf", "laughs-utf16.rdf"])
@pytest.mark.parametrize("args", [["validate", "{g}"], ["load", "{g}", "--store", "st"],
                                  ["push", "{g}", "--endpoint", NOWHERE, "--replace", "--bulk"],
                                  ["query", "{g}", "ASK {}", "--engine", "rdflib"]], ids=lambda a: a[0])
def test_entity_declarations_past_64k_are_refused_everywhere(d, args, name):
    one_error(kg([a.replace("{g}", name) for a in args], d), name, "entity declarations is refused")


# ---------------------------------------------------------------------------- D14: size limits

def test_two_hundred_thousand_prefixes_are_refused(d):
    one_error(kg(["validate", "prefixes.ttl"], d), "prefixes.ttl", "more than 10,000 prefix declarations")
    one_error(kg(["extract", "-", "--gazetteer", "prefixes.ttl"], d, input="Spain met Chile.\n"),
              "prefixes.ttl", "prefix declarations")


def test_a_huge_long_string_is_refused(d):
    one_error(kg(["analyze", "long-string.ttl"], d), "long-string.ttl: line 2: a string of more than")


# ---------------------------------------------------------------------------- D15, D20: bad terms

def test_an_iri_with_a_space_is_reported_and_export_does_not_crash(d):
    one_error(kg(["validate", "space.ttl"], d), "space.ttl", "'http://e/a b' holds a space")
    one_error(kg(["export", "space.ttl", "-o", "space.nt"], d), "holds a space")
    assert not (d / "space.nt").exists()


def test_a_long_language_tag_is_refused(d):
    one_error(kg(["export", "langtag.ttl", "-o", "lang.rdf"], d), "langtag.ttl", "is not a BCP 47 tag")
    assert not (d / "lang.rdf").exists()


@pytest.mark.parametrize("suffix", [*(pytest.param(s, marks=pytest.mark.slow) for s in ("ttl", "nt", "nq", "trig", "rdf")),
                                    "jsonld"])  # JSON-LD wrote null; the others wrote "inf"
def test_an_infinite_double_is_exported_in_a_form_every_reader_reads(d, suffix):
    out = f"double-out.{suffix}"
    assert kg(["export", "double.ttl", "-o", out, "-q"], d).returncode == 0
    for engine in ("oxigraph", "rdflib"):
        result = kg(["query", out, "SELECT ?v WHERE { ?s <http://e/v> ?v }", "--engine", engine,
                     "--format", "tsv"], d)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split("\n")[1] == '"INF"^^<http://www.w3.org/2001/XMLSchema#double>', result.stdout


# ---------------------------------------------------------------------------- D19, passwords

class _EchoAuth:
    """A real HTTP server on 127.0.0.1 that refuses every request, echoing its Authorization header."""

    def __enter__(self):
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_PUT(self):  # noqa: N802 - http.server's API
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                body = f"bad request; you sent Authorization: {self.headers.get('Authorization')}".encode()
                self.send_response(400)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_PUT

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/store"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


# the guard of tests/test_no_network.py, letting through only the local test server's port
LOCAL_GUARD = r"""
import os, socket, sys
PORT = int(os.environ["KG_TEST_PORT"])
def guard(event, args):
    if event == "socket.connect":
        sock, address = args[0], args[1]
        if sock.family != socket.AF_UNIX and tuple(address[:2]) != ("127.0.0.1", PORT):
            raise SystemExit(f"NETWORK: connect to {address!r}")
    if event in ("socket.getaddrinfo", "socket.gethostbyname") and tuple(args[:2]) != ("127.0.0.1", PORT):
        raise SystemExit(f"NETWORK: {event} {args[:2]!r}")
sys.addaudithook(guard)
from kg.cli import cli
cli(prog_name="kg")
"""


def test_a_server_echoing_the_authorization_header_never_gets_the_token_printed(d):
    import base64
    import os

    token = base64.b64encode(b"alice:s3cret-pw").decode()
    with _EchoAuth() as url:
        env = {**os.environ, "KG_PASSWORD": "s3cret-pw", "KG_TEST_PORT": url.split(":")[2].split("/")[0]}
        result = subprocess.run([sys.executable, "-c", LOCAL_GUARD, "push", "g.ttl", "--endpoint", url, "--user",
                                 "alice", "--replace"], cwd=d, capture_output=True, text=True, timeout=60, env=env)
    assert "NETWORK" not in result.stderr and result.returncode == 1, result.stderr
    assert "HTTP 400" in result.stderr and "Authorization: Basic [redacted]" in result.stderr, result.stderr
    assert token not in result.stderr and token.rstrip("=") not in result.stderr and "s3cret" not in result.stderr


def test_user_without_a_terminal_is_one_line_without_a_python_warning(d):
    import os

    # no terminal (a new session) and nothing on stdin; KG_PASSWORD unset, so kg has to ask
    env = {k: v for k, v in os.environ.items() if k != "KG_PASSWORD"}
    result = subprocess.run([sys.executable, "-c", GUARD, "push", "g.ttl", "--endpoint", NOWHERE, "--user", "bob"],
                            cwd=d, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
                            start_new_session=True, env=env)
    assert result.returncode == 2
    assert "Warning" not in result.stderr and "GetPassWarning" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "no password in $KG_PASSWORD" in errors[0], result.stderr


# ---------------------------------------------------------------------------- D10: query bounds, Ctrl-C

CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_cross_product_stops_at_max_rows(d):
    one_error(kg(["query", "g.ttl", CROSS, "--max-rows", "1000"], d), "more than 1,000 results", "--max-rows")
    one_error(kg(["query", "g.ttl", CROSS, "--max-rows", "1000", "--engine", "rdflib"], d), "more than 1,000 results")
    result = kg(["query", "g.ttl", CROSS + " LIMIT 1000", "--max-rows", "1000", "--format", "tsv"], d)
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 1001


def test_a_query_past_its_memory_limit_is_one_line(d):
    result = kg(["query", "g.ttl", CROSS, "--max-rows", "100000000", "--max-memory", "200"], d)
    one_error(result, "out of memory", "--max-memory")


def _processes_of_session(sid: int) -> list[int]:
    import os

    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":  # session id; zombies are already gone
                found.append(int(entry))
    return found


def _sigint_as_at_a_terminal() -> None:
    """In a child before it runs: Ctrl-C delivered as a terminal delivers it, even when the test runner itself
    was started with SIGINT ignored (as a background job of a non-interactive shell is)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_ctrl_c_stops_a_long_query_and_its_child_at_once(d, engine):
    import os
    import signal
    import time

    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    proc = subprocess.Popen([sys.executable, "-c", GUARD, "query", "g.ttl", endless, "--engine", engine],
                            cwd=d, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=_sigint_as_at_a_terminal)
    deadline = time.monotonic() + 60
    while len(_processes_of_session(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)  # wait for the query's child process
    assert len(_processes_of_session(proc.pid)) >= 2, "the query never started its child process"
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal does on Ctrl-C: the whole foreground group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "UnboundLocalError" not in err
    assert [line for line in err.splitlines() if line.strip()] == ["kg: interrupted"], err
    assert _processes_of_session(proc.pid) == []


# ---------------------------------------------------------------------------- messages

@pytest.mark.parametrize("args, message", [
    (["query", "g.ttl", "--saved", "suppliers-of", "--param", "state=North", "Korea"],
     "a --param value with spaces needs quotes: --param state=\"North Korea\""),
    (["query", "SELECT * WHERE { ?s ?p ?o }"], "missing argument GRAPH: the only argument given is a query"),
    (["query", "g.ttl", "--saved", "suppliers-of", "--param", "state=Russia", "--param", "state=China"],
     "state is given twice ('Russia' and 'China')"),
])
def test_usage_mistakes_say_what_is_wrong(d, args, message):
    result = kg(args, d)
    assert result.returncode == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1, result.stderr


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("query, message", [
    ("SELECT ?x WHERE {\n  ?x foo:bar ?y }", "line 2, column 6: undefined prefix 'foo:' in foo:bar"),
    ("SELEC ?x WHERE { ?x ?p ?o }", "line 1, column 1: 'SELEC' is not a query form; a query starts with SELECT, "
                                    "ASK, CONSTRUCT or DESCRIBE (did you mean SELECT?)"),
])
def test_syntax_errors_are_one_readable_line(d, engine, query, message):
    line = one_error(kg(["query", "g.ttl", query, "--engine", engine], d), message)
    assert "expected CONSTRUCT" not in line and "Prefix not found" not in line and "['" not in line


def test_a_misspelt_vocabulary_term_is_warned_about(d):
    result = kg(["query", "g.ttl", "SELECT ?x WHERE { ?x kg:suplies ?y ; kg:iso3 ?c }"], d)
    assert result.returncode == 0
    assert result.stderr == ("kg: warning: query: line 1, column 22: kg:suplies is not a term of the kg vocabulary "
                             "(did you mean kg:supplies?)\n")


# ---------------------------------------------------------------------------- D11: control characters

CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")


@pytest.fixture(scope="module")
def ctl(d) -> str:
    text = FIXTURE.read_text(encoding="utf-8").replace('"France"@en', '"Fr\\u001B[31mance\\u0007\\u009B2J\\u202E"@en')
    (d / "ctl.ttl").write_text(text, encoding="utf-8")
    return "ctl.ttl"


@pytest.mark.parametrize("args", [["analyze", "{g}"], ["analyze", "{g}", "--format", "json"],
                                  ["analyze", "{g}", "--focus", "Italy"], ["diff", "g.ttl", "{g}"],
                                  *(["query", "{g}", "SELECT ?l WHERE { ?a rdfs:label ?l }", "--format", f]
                                    for f in ("table", "tsv", "json", "xml"))],
                         ids=lambda a: "-".join(x for x in a if not x.startswith(("{", "S", "-", "g."))))
def test_control_characters_in_labels_never_reach_the_terminal(d, ctl, args):
    result = kg([a.replace("{g}", ctl) for a in args], d)
    assert result.returncode == 0, result.stderr
    assert not any(c in result.stdout for c in CONTROLS), repr(result.stdout[:2000])
    if args[0] == "query" and "json" in args:  # the value itself is kept, escaped
        values = {b["l"]["value"] for b in json.loads(result.stdout)["results"]["bindings"]}
        assert "Fr\x1b[31mance\x07\x9b2J\u202e" in values


@pytest.mark.parametrize("out", ["ctl.svg", "ctl.graphml", "ctl.gexf", "ctl.rdf", "ctl-results.xml", "ctl.dot"])
@pytest.mark.slow
def test_control_characters_never_make_invalid_xml_or_dot(d, ctl, out):
    import xml.dom.minidom

    if out == "ctl.svg":
        args = ["draw", ctl, "-o", out, "-q", "--title", "Title\x1b]0;x\x07"]
    elif out == "ctl-results.xml":
        args = ["query", ctl, "SELECT ?l WHERE { ?a rdfs:label ?l }", "--format", "xml"]
    else:
        args = ["export", ctl, "-o", out, "-q"]
    result = kg(args, d)
    assert result.returncode == 0, result.stderr
    if out == "ctl-results.xml":
        (d / out).write_text(result.stdout, encoding="utf-8")
    data = (d / out).read_text(encoding="utf-8")
    if out.endswith(".dot"):
        assert not any(c in data for c in CONTROLS)
    else:
        xml.dom.minidom.parseString(data.encode("utf-8"))  # raises on a character XML cannot hold


# ---------------------------------------------------------------------------- D9, D12, encodings, data as news

DEEP_PARAGRAPH = "North Korea has supplied Russia with artillery shells, officials said on Monday."


@pytest.fixture(scope="module")
def news(d) -> Path:
    news = d / "news"
    news.mkdir()
    (news / "a-base64.html").write_text('<html><head><meta charset="base64"><title>Talks</title></head><body>'
                                        "<p>Spain met Chile in Madrid on Friday to discuss fishing rights.</p>"
                                        "</body></html>")
    (news / "b-deep.html").write_text("<html><head><title>Deep</title></head><body><p>Intro: France met Italy "
                                      "in Rome on Friday.</p>" + "<div>" * 255 + f"<p>{DEEP_PARAGRAPH}</p>"
                                      + "</div>" * 255 + "</body></html>")
    (news / "c-latin1.txt").write_bytes("Côte d'Ivoire and Ghana signed a trade agreement on Monday.\n"
                                        .encode("latin-1"))
    (news / "d-graph.txt").write_text(FIXTURE.read_text(encoding="utf-8"))
    return news


@pytest.mark.slow  # spaCy loads in the child process
def test_a_bogus_charset_is_a_warning_and_the_build_goes_on(d, news):
    result = kg(["build", news, "-o", "news.nt"], d)
    assert result.returncode == 0, result.stderr
    assert "a-base64.html: <meta charset='base64'> is not a text encoding; ignored" in result.stderr
    graph = (d / "news.nt").read_text()
    assert "Spain met Chile in Madrid" in graph and "Côte d'Ivoire and Ghana" in graph


@pytest.mark.slow  # spaCy loads in the child process
def test_text_below_the_parsers_depth_limit_is_kept_with_a_warning(d, news):
    result = kg(["extract", news / "b-deep.html", "--format", "tsv"], d)
    assert result.returncode == 0
    assert "b-deep.html: elements nested 258 deep" in result.stderr
    assert "PRK\tsupplies\tRUS" in result.stdout and DEEP_PARAGRAPH in result.stdout


@pytest.mark.slow  # spaCy loads in the child process
def test_latin1_text_is_detected_and_cote_divoire_resolved(d, news):
    result = kg(["extract", news / "c-latin1.txt", "--format", "tsv"], d)
    assert result.returncode == 0
    assert result.stderr == f"kg: warning: {news / 'c-latin1.txt'}: invalid UTF-8 at byte 1; read as cp1252 " \
                            "(the encoding detected)\n"
    assert "CIV\tagreesWith\tGHA" in result.stdout and "Côte d'Ivoire" in result.stdout


@pytest.mark.slow  # spaCy loads in the child process
@pytest.mark.parametrize("name, kind", [("g.ttl", "RDF (Turtle)"), ("import.jsonld", "JSON-LD"),
                                        ("news/d-graph.txt", "RDF (Turtle)")])
def test_data_read_as_news_is_warned_about(d, news, name, kind):
    result = kg(["extract", name, "--format", "tsv"], d)
    assert f"{name}: looks like {kind}, not news text; read as text anyway" in result.stderr, result.stderr


def test_strict_reading_refuses_data_as_news(d, news):
    from kg.readers import read_documents

    errors = []
    docs = list(read_documents([str(news / "c-latin1.txt"), str(news / "d-graph.txt"), str(d / "g.ttl")],
                               on_error=errors.append, strict=True))
    assert [doc.id for doc in docs] == [(news / "c-latin1.txt").as_posix()]
    assert [str(e) for e in errors] == [f"{news / 'd-graph.txt'}: looks like RDF (Turtle), not news text; refused "
                                        "(--strict)", f"{d / 'g.ttl'}: looks like RDF (Turtle), not news text; "
                                        "refused (--strict)"]


@pytest.mark.slow  # spaCy loads in the child process
def test_strict_on_the_command_line_refuses_data_as_news(d, news):
    result = kg(["build", news / "c-latin1.txt", news / "d-graph.txt", "-o", "strict.nt", "--strict", "-q"], d)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"kg: error: {news / 'd-graph.txt'}: looks like RDF (Turtle), not "
                                                  "news text; refused (--strict)"]
    assert "Côte d'Ivoire" in (d / "strict.nt").read_text()
