"""kg.filters: GraphFilter, apply_filter and the shared click options."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from kg.errors import GraphError
from kg.cli_filters import filter_from_options, filter_options
from kg.filters import GraphFilter, apply_filter, document_dates, period
from kg.model import Document, Relation
from kg.network import from_relations, to_networkx
from kg.rdf import build_graph

# Sentences written for these tests.
DOCS = [Document("a.txt", "", date="2024-06-01"), Document("b.txt", "", date="2023-01-10")]


def _rel(doc, s, p, o, sentence, start, **kw):
    return Relation(doc, s, p, o, s, o, sentence, start, start + len(sentence), **kw)


RELATIONS = [
    _rel("a.txt", "PRK", "supplies", "RUS", "Pyongyang reportedly ships shells to Moscow.", 0, hedged=True,
         time_value="2023", confidence=0.6),
    _rel("a.txt", "PRK", "supplies", "RUS", "North Korea sent rockets to Russia in May 2024.", 50,
         time_value="2024-05", confidence=0.9),
    _rel("a.txt", "RUS", "atWarWith", "UKR", "Russian and Ukrainian troops fought on.", 100),  # doc date 2024-06-01
    _rel("b.txt", "USA", "sanctions", "PRK", "Washington sanctioned Pyongyang again.", 0, confidence=0.95),
    _rel("b.txt", "USA", "criticizes", "PRK", "The US denounced the launch.", 40, time_value="2023-01-09"),
    _rel("b.txt", "NATO", "supports", "UKR", "NATO backed Kyiv.", 80, hedged=True),
    _rel("b.txt", "CHN", "tradesWith", "DEU", "China and Germany traded more.", 100, confidence=0.4),
]


def edges(G):
    return sorted((u, k, v) for u, v, k in G.edges(keys=True))


@pytest.fixture(scope="module")
def graphs(gazetteer):
    rdf = build_graph(RELATIONS, DOCS, gazetteer)
    return to_networkx(rdf), document_dates(rdf)


def test_period_and_bad_dates():
    assert period("2024-02") == ("2024-02-01", "2024-02-31")
    for bad in ("24", "2024-13", "2024/05", "May 2024", "2024-05-32"):
        with pytest.raises(ValueError):
            period(bad)
    with pytest.raises(ValueError, match="after"):
        GraphFilter(since="2025", until="2024-12")


def test_inactive_filter_copies(graphs):
    G, _ = graphs
    for flt in (None, GraphFilter()):
        H = apply_filter(G, flt)
        assert edges(H) == edges(G) and H is not G and sorted(H.nodes) == sorted(G.nodes)


def test_relations_and_isolated_actors_dropped(graphs):
    G, _ = graphs
    H = apply_filter(G, GraphFilter(relations=frozenset({"supplies", "atWarWith"})))
    assert edges(H) == [("PRK", "supplies", "RUS"), ("RUS", "atWarWith", "UKR")]
    assert sorted(H.nodes) == ["PRK", "RUS", "UKR"]
    assert H.nodes["PRK"] == G.nodes["PRK"]
    with pytest.raises(ValueError, match="unknown relation"):
        GraphFilter(relations=frozenset({"loves"}))


def test_min_evidence_and_confidence(graphs):
    G, _ = graphs
    assert edges(apply_filter(G, GraphFilter(min_evidence=2))) == [("PRK", "supplies", "RUS")]
    H = apply_filter(G, GraphFilter(min_confidence=0.9))
    assert edges(H) == [("PRK", "supplies", "RUS"), ("USA", "sanctions", "PRK")]


def test_exclude_hedged_drops_evidence_not_whole_edges(graphs):
    G, _ = graphs
    H = apply_filter(G, GraphFilter(exclude_hedged=True))
    assert ("NATO", "supports", "UKR") not in edges(H)
    e = H.edges["PRK", "RUS", "supplies"]
    assert e["weight"] == 1 and not e["hedged"] and e["first_time"] == "2024-05"
    assert G.edges["PRK", "RUS", "supplies"]["weight"] == 2  # the input is untouched


def test_time_window_uses_claim_time_then_document_date(graphs):
    G, dates = graphs
    assert dates == {"a.txt": "2024-06-01", "b.txt": "2023-01-10"}
    H = apply_filter(G, GraphFilter(since="2024"), document_dates=dates)
    assert edges(H) == [("PRK", "supplies", "RUS"), ("RUS", "atWarWith", "UKR")]
    assert H.edges["PRK", "RUS", "supplies"]["weight"] == 1
    H = apply_filter(G, GraphFilter(until="2023"), document_dates=dates)
    assert edges(H) == [("CHN", "tradesWith", "DEU"), ("NATO", "supports", "UKR"), ("PRK", "supplies", "RUS"),
                        ("USA", "criticizes", "PRK"), ("USA", "sanctions", "PRK")]
    # a prefix covers its whole period; without document dates undated evidence fails the window
    H = apply_filter(G, GraphFilter(since="2024-05", until="2024-05"))
    assert edges(H) == [("PRK", "supplies", "RUS")]


def test_focus_and_depth(graphs, gazetteer):
    G, _ = graphs
    H = apply_filter(G, GraphFilter(focus="PRK"))
    assert edges(H) == [("PRK", "supplies", "RUS"), ("USA", "criticizes", "PRK"), ("USA", "sanctions", "PRK")]
    H = apply_filter(G, GraphFilter(focus="PRK", depth=2))
    assert "UKR" in H and "NATO" not in H and "CHN" not in H
    H = apply_filter(G, GraphFilter(focus="PRK", depth=0))
    assert list(H.nodes) == ["PRK"] and H.number_of_edges() == 0
    # the neighbourhood is taken after the other filters
    H = apply_filter(G, GraphFilter(focus="PRK", relations=frozenset({"supplies"}), depth=3))
    assert edges(H) == [("PRK", "supplies", "RUS")]
    with pytest.raises(GraphError, match="KOR .South Korea. is not in the graph"):
        apply_filter(G, GraphFilter(focus="KOR"), gazetteer=gazetteer)


def test_from_relations_graph_works_too():
    G = from_relations(RELATIONS)
    assert edges(apply_filter(G, GraphFilter(relations=frozenset({"tradesWith"})))) == [("CHN", "tradesWith", "DEU")]


# ---------------------------------------------------------------------------- click options

@click.command("show")
@filter_options
def _show(**options):
    flt = filter_from_options(**options)
    click.echo(f"{sorted(flt.relations or [])} {flt.focus} {flt.depth} {flt.min_evidence} {flt.min_confidence} "
               f"{flt.exclude_hedged} {flt.since} {flt.until}")


def _run(args):
    return CliRunner().invoke(click.Group("kg", commands={"show": _show}), ["show", *args])


def test_options_build_the_filter():
    r = _run(["--relations", "supplies, vetoesFor", "--focus", "North Korea", "--depth", "2",
              "--min-evidence", "2", "--min-confidence", "0.5", "--exclude-hedged", "--since", "2024",
              "--until", "2024-05-17"])
    assert r.exit_code == 0, r.output
    assert r.output == "['supplies', 'vetoesFor'] PRK 2 2 0.5 True 2024 2024-05-17\n"
    assert filter_from_options(relations="materialConflict") == GraphFilter(
        relations=frozenset({"sanctions", "attacks", "atWarWith"}))
    assert filter_from_options(focus="DPRK").focus == "PRK"
    assert filter_from_options() == GraphFilter()


@pytest.mark.parametrize("args, message", [
    (["--relations", "suplies"], "did you mean supplies"),
    (["--focus", "North Koera"], "did you mean 'North Korea'"),
    (["--depth", "2"], "--depth needs --focus"),
    (["--since", "last year"], "not an ISO date"),
    (["--since", "2025", "--until", "2024"], "after"),
    (["--min-confidence", "2"], "--min-confidence"),
])
def test_bad_options_exit_2(args, message):
    r = _run(args)
    assert r.exit_code == 2 and message in r.output and "Traceback" not in r.output, r.output
