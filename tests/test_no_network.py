"""No command reaches the network by default: each runs under an audit hook that fails on any
outbound connection or DNS lookup (rdflib and pyoxigraph code paths alike)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUARD = r"""
import socket, sys
def guard(event, args):
    if event == "socket.connect":
        sock, address = args[0], args[1]
        if sock.family != socket.AF_UNIX:
            raise SystemExit(f"NETWORK: connect to {address!r}")
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"):
        raise SystemExit(f"NETWORK: {event} {args[:2]!r}")
sys.addaudithook(guard)
from kg.cli import cli
cli(prog_name="kg")
"""


def kg(args, cwd):
    return subprocess.run([sys.executable, "-c", GUARD, *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    d = tmp_path_factory.mktemp("net")
    (d / "page.html").write_text((ROOT / "examples" / "briefing.html").read_text(encoding="utf-8"))
    (d / "remote.jsonld").write_text('{"@context": "https://example.org/ctx.jsonld", "@id": "x"}')
    (d / "entities.rdf").write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "http://example.org/">]>'
                                    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>')
    return d


@pytest.mark.slow
@pytest.mark.parametrize("args", [
    ["extract", ROOT / "examples", "-q"],
    ["build", ROOT / "examples", "-o", "g.ttl", "-q"],
    ["build", "page.html", "-o", "g.jsonld", "-q", "--store", "store"],
    ["validate", "g.ttl"],
    ["query", "g.ttl", "--saved", "suppliers-of", "--param", "state=Russia"],
    ["query", "g.jsonld", "SELECT * WHERE { ?s ?p ?o } LIMIT 3", "--engine", "rdflib"],
    ["query", "store", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
    ["draw", "g.ttl", "-o", "g.svg"],
    ["analyze", "g.ttl", "--format", "json"],
    ["export", "g.ttl", "-o", "g.graphml"],
    ["export", "store", "-o", "g.nt"],
    ["export", "g.ttl", "-o", "g.gexf", "--color-by", "bloc"],
    ["export", "g.ttl", "-o", "out.jsonld"],
    ["export", "g.ttl", "-o", "neo4j", "--to", "neo4j"],
    ["eval", ROOT / "examples" / "gold.tsv"],
    ["load", "g.ttl", "--store", "store2"],
    ["query", "store2", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5", "--format", "jsonld"],
    ["diff", "g.ttl", "g.jsonld"],
    ["draw", "store2", "-o", "g.pdf"],
    ["build", ROOT / "examples" / "articles.jsonl", "-o", "j.nq", "-q", "--jobs", "2"],
])
def test_commands_make_no_connection(work, args):
    result = kg(args, work)
    assert "NETWORK" not in result.stderr + result.stdout, result.stderr
    assert result.returncode == 0, result.stderr[-600:]


@pytest.mark.parametrize("args, message", [
    (["query", "remote.jsonld", "SELECT * WHERE { ?s ?p ?o }"], "remote @context"),
    (["query", "entities.rdf", "SELECT * WHERE { ?s ?p ?o }"], "DOCTYPE"),
    (["query", "g.ttl", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"], "SERVICE"),
    (["validate", "remote.jsonld"], "remote @context"),
])
@pytest.mark.slow
def test_remote_references_are_refused_without_a_connection(work, args, message):
    if not (work / "g.ttl").exists():
        kg(["build", ROOT / "examples", "-o", "g.ttl", "-q"], work)
    result = kg(args, work)
    assert "NETWORK" not in result.stderr + result.stdout, result.stderr
    assert result.returncode == 1
    assert message in result.stderr + result.stdout
