"""kg.analysis and the kg analyze / kg diff commands, on signed networks whose answer is known by hand."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from kg.analysis import (_criterion, _matrices, _relocate, analyze, balance, blocs, centrality, diff_graphs, ego,
                         pn_index, signed_graph, unaligned, with_document_dates)
from kg.model import Document, Relation
from kg.network import from_relations, to_networkx
from kg.rdf import build_graph, read_graph, relations_from_graph, write_graph

FIXTURE = Path(__file__).parent / "fixtures" / "entente-1914.ttl"
ENTENTE, ALLIANCE = ["FRA", "GBR", "RUS"], ["AUT", "DEU", "ITA"]


def _rel(s, p, o, n=0, time=None, doc="d"):
    sentence = f"{s} {p} {o} ({n})."
    return Relation(doc, s, p, o, s, o, sentence, 100 * n, 100 * n + len(sentence), sentence_index=n,
                    time_value=time)


def _net(triples):
    """A relation multigraph; a triple repeated counts as more evidence."""
    return from_relations(_rel(s, p, o, n) for n, (s, p, o) in enumerate(triples))


def _camps():
    """Two hostile camps of three allies each."""
    a, b = ["A1", "A2", "A3"], ["B1", "B2", "B3"]
    triples = [(x, "alliedWith", y) for camp in (a, b) for x, y in itertools.combinations(camp, 2)]
    triples += [(x, "criticizes", y) for x in a for y in b]
    return _net(triples)


@pytest.fixture(scope="module")
def g1914():
    return to_networkx(read_graph(FIXTURE))


# ---------------------------------------------------------------------------- signed projection

def test_signed_weight_is_polarity_times_goldstein_times_evidence():
    S = signed_graph(_net([("FRA", "alliedWith", "RUS"), ("RUS", "alliedWith", "FRA"),
                           ("DEU", "attacks", "FRA"), ("FRA", "meetsWith", "DEU")]))
    assert S.edges["FRA", "RUS"]["weight"] == 1.6  # 2 claims x 8/10
    assert S.edges["FRA", "RUS"]["evidence"] == 2
    assert S.edges["DEU", "FRA"]["weight"] == -0.9  # -10/10 + 1/10
    assert S.edges["DEU", "FRA"]["sign"] == -1
    assert S.edges["DEU", "FRA"]["relations"] == (("DEU", "attacks", "FRA", 1), ("DEU", "meetsWith", "FRA", 1))


def test_pairs_that_cancel_out_are_neutral_and_have_no_edge():
    # alliedWith +0.8 against four concernedBy -0.2: exactly zero
    S = signed_graph(_net([("CHL", "alliedWith", "ARG")] + [("CHL", "concernedBy", "ARG")] * 4))
    assert S.number_of_edges() == 0
    assert [n["pair"] for n in S.graph["neutral"]] == [("ARG", "CHL")]
    assert unaligned(S) == ["ARG", "CHL"]
    assert ego(S, "CHL")["mixed"][0]["actor"] == "ARG"
    assert blocs(S) == ([], 0.0)


# ---------------------------------------------------------------------------- blocs and balance

def test_two_hostile_camps():
    result = analyze(_camps())
    assert result.blocs == [["A1", "A2", "A3"], ["B1", "B2", "B3"]]
    assert result.criterion == 0.0
    assert result.balance.ratio == 1.0
    assert result.balance.triangles == 20 and result.balance.unbalanced == []


def test_an_unbalanced_triangle_is_listed_with_its_relations():
    G = _net([("A", "alliedWith", "B"), ("B", "alliedWith", "C"), ("A", "atWarWith", "C")])
    b = balance(signed_graph(G))
    assert (b.ratio, b.triangles, b.balanced) == (0.0, 1, 0)
    (tri,) = b.unbalanced
    assert tri["actors"] == ["A", "B", "C"]
    assert [(e["pair"], e["sign"], e["relations"]) for e in tri["edges"]] == [
        (["A", "B"], 1, [["A", "alliedWith", "B", 1]]),
        (["A", "C"], -1, [["A", "atWarWith", "C", 1]]),
        (["B", "C"], 1, [["B", "alliedWith", "C", 1]])]


def test_three_mutual_enemies_are_weakly_balanced():
    b = balance(signed_graph(_net([("A", "attacks", "B"), ("B", "sanctions", "C"), ("C", "threatens", "A")])))
    assert (b.ratio, b.weak_ratio, len(b.unbalanced)) == (0.0, 1.0, 1)


def test_camps_with_one_unbalanced_triangle():
    G = _camps()
    G.add_edge("A1", "B1", key="tradesWith", predicate="tradesWith", weight=2)  # -0.2 + 1.28: now friends
    b = balance(signed_graph(G))
    assert 0 < b.ratio < 1
    # every triangle through A1-B1 with a third actor is now unbalanced
    assert sorted(t["actors"] for t in b.unbalanced) == [["A1", "A2", "B1"], ["A1", "A3", "B1"],
                                                        ["A1", "B1", "B2"], ["A1", "B1", "B3"]]
    assert b.ratio == 16 / 20


def test_three_camps_give_three_blocs():
    camps = [["A1", "A2", "A3"], ["B1", "B2", "B3"], ["C1", "C2", "C3"]]
    triples = [(x, "alliedWith", y) for camp in camps for x, y in itertools.combinations(camp, 2)]
    triples += [(x, "threatens", y) for c1, c2 in itertools.combinations(camps, 2) for x in c1 for y in c2]
    found, value = blocs(signed_graph(_net(triples)))
    assert found == camps and value == 0.0


def test_equal_criterion_prefers_fewer_blocs():
    # two friendly pairs that never meet: one bloc explains them as well as two
    assert blocs(signed_graph(_net([("A", "alliedWith", "B"), ("C", "alliedWith", "D")]))) == (
        [["A", "B", "C", "D"]], 0.0)


def test_alpha_weighs_negative_ties_inside_against_positive_between():
    # A+B, B+C, A-C: one bloc costs alpha * 1, splitting costs (1 - alpha) * 1
    S = nx.Graph()
    S.add_weighted_edges_from([("A", "B", 1.0), ("B", "C", 1.0), ("A", "C", -1.0)])
    assert blocs(S, alpha=0.2) == ([["A", "B", "C"]], 0.2)
    assert blocs(S, alpha=0.8)[1] == 0.2 and len(blocs(S, alpha=0.8)[0]) == 2


def _partitions(n):
    def rec(i, cur, m):
        if i == n:
            yield np.array(cur)
            return
        for b in range(m + 1):
            cur.append(b)
            yield from rec(i + 1, cur, max(m, b + 1))
            cur.pop()
    yield from rec(0, [], 0)


@pytest.mark.parametrize("seed", range(25))
def test_relocation_finds_the_optimum_of_small_networks(seed):
    rng = random.Random(seed)
    n = rng.randint(4, 7)
    S = nx.Graph()
    for i, j in itertools.combinations(range(n), 2):
        if rng.random() < 0.6:
            S.add_edge(f"x{i}", f"x{j}", weight=rng.choice([-1, 1]) * rng.randint(1, 30) / 10)
    nodes = sorted(v for v in S if S.degree(v))
    P, N = _matrices(S, nodes)
    optimum = min(_criterion(P, N, c, 0.5) for c in _partitions(len(nodes)))
    assert blocs(S)[1] == pytest.approx(optimum)


def _relocate_everywhere(P, N, c, k, alpha):
    """The relocation of _relocate evaluating every move and every swap over whole matrices (what
    it did before it evaluated only the swaps that can improve): the reference it must equal."""
    n = len(c)
    c = c.copy()
    M = np.zeros((n, k))
    M[np.arange(n), c] = 1.0
    pos, neg = P @ M, N @ M
    rows = np.arange(n)
    pair_change = 2 * (alpha * N - (1 - alpha) * P)
    pair_change[np.tri(n, dtype=bool)] = -np.inf
    while True:
        own_neg, own_pos = neg[rows, c][:, None], pos[rows, c][:, None]
        delta = alpha * (neg - own_neg) - (1 - alpha) * (pos - own_pos)
        flat = int(np.argmin(delta))
        if delta.flat[flat] < -1e-9:
            v, b = divmod(flat, k)
            a = c[v]
            pos[:, a] -= P[v]
            pos[:, b] += P[v]
            neg[:, a] -= N[v]
            neg[:, b] += N[v]
            c[v] = b
            continue
        moved = delta[:, c]
        swap = moved + moved.T
        swap -= pair_change
        np.putmask(swap, c[:, None] == c[None, :], np.inf)
        flat = int(np.argmin(swap))
        if n < 2 or swap.flat[flat] >= -1e-9:
            return c
        v, u = divmod(flat, n)
        a, b = c[v], c[u]
        for x, src, dst in ((v, a, b), (u, b, a)):
            pos[:, src] -= P[x]
            pos[:, dst] += P[x]
            neg[:, src] -= N[x]
            neg[:, dst] += N[x]
        c[v], c[u] = b, a


@pytest.mark.parametrize("seed", range(40))
def test_relocation_equals_the_one_over_whole_matrices(seed):
    """The same partition, step by step, as the relocation that evaluates every swap: random signed
    networks (weights in tenths, or all +-1 with many ties), starts and alphas (0 and 1 included)."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 45))
    density = rng.uniform(0.05, 0.9)
    W = np.triu(rng.integers(1, 40, (n, n)) / 10 * rng.choice([-1, 1], (n, n)), 1)
    if seed % 3 == 0:
        W = np.sign(W)
    W *= np.triu(rng.random((n, n)) < density, 1)
    W = W + W.T
    P, N = np.where(W > 0, W, 0.0), np.where(W < 0, -W, 0.0)
    alpha = [0.5, 0.3, 0.0, 1.0, 0.85][seed % 5]
    for k in (2, 3, 5):
        start = rng.integers(0, k, n)
        assert _relocate(P, N, start, k, alpha).tolist() == _relocate_everywhere(P, N, start, k, alpha).tolist()


def test_blocs_do_not_depend_on_insertion_order():
    rng = random.Random(7)
    edges = [(f"s{i:02d}", f"s{j:02d}", rng.choice([-1, 1]) * rng.randint(1, 9) / 10)
             for i, j in itertools.combinations(range(30), 2) if rng.random() < 0.3]
    S1, S2 = nx.Graph(), nx.Graph()
    S1.add_weighted_edges_from(edges)
    S2.add_weighted_edges_from([(v, u, w) for u, v, w in reversed(edges)])
    assert blocs(S1) == blocs(S2)
    assert balance(S1) == balance(S2)


# ---------------------------------------------------------------------------- centrality and ego

def test_pn_index_of_two_camps_by_hand():
    # every actor: 2 positive and 3 negative ties, n = 6: PN = 1 / (1 - (2 - 2*3) / 10)
    pn = pn_index(signed_graph(_camps()))
    assert set(pn.values()) == {round(1 / 1.4, 6)}


def test_pn_index_ranks_the_well_liked_above_the_disliked():
    G = _net([("A", "alliedWith", "B"), ("A", "alliedWith", "C"), ("A", "alliedWith", "D"),
              ("E", "attacks", "B"), ("E", "attacks", "C"), ("E", "attacks", "D")])
    c = centrality(signed_graph(G))
    assert c["A"]["pn"] > c["B"]["pn"] > c["E"]["pn"]
    assert c["E"] == {"degree": 3, "positive": 0, "negative": 3, "weighted_degree": 3.0, "net": -3.0,
                      "pn": c["E"]["pn"]}


# ---------------------------------------------------------------------------- the great powers of 1914

def test_1914_splits_into_entente_and_triple_alliance(g1914):
    result = analyze(g1914, focus="FRA")
    assert result.blocs == [ALLIANCE, ENTENTE]
    assert result.criterion == 0.4  # (1 - alpha) x the 1902 Franco-Italian agreement
    assert [t["actors"] for t in result.balance.unbalanced] == [["DEU", "FRA", "ITA"], ["AUT", "FRA", "ITA"]]
    e = result.ego
    assert [p["actor"] for p in e["partners"]] == ["RUS", "GBR", "ITA"]
    assert [a["actor"] for a in e["adversaries"]] == ["DEU", "AUT"]
    assert {"predicate": "attacks", "direction": "<-", "evidence": 1} in e["adversaries"][0]["relations"]


def _until(G, last: str):
    """The relations with evidence up to ``last`` (a library-level stand-in for --until)."""
    H = G.copy()
    for s, o, k, data in list(H.edges(keys=True, data=True)):
        kept = [ev for ev in data["evidence"] if ev["time"] and ev["time"][:len(last)] <= last]
        if kept:
            data["evidence"], data["weight"] = kept, len(kept)
        else:
            H.remove_edge(s, o, k)
    return H


def test_1914_blocs_already_there_before_the_war(g1914):
    before = _until(g1914, "1913")
    assert not any(d["predicate"] == "atWarWith" for *_, d in before.edges(data=True))
    assert analyze(before).blocs == [ALLIANCE, ENTENTE]


def _relations_1915():
    """Italy changes sides: the Treaty of London (April 1915), the end of the Triple Alliance, war."""
    out = []
    for n, other in enumerate(ENTENTE):
        out += [_rel("ITA", "agreesWith", other, n, "1915-04", doc="history/1915"),
                _rel("ITA", "alliedWith", other, n, "1915-04", doc="history/1915")]
    out += [_rel("ITA", "tensionWith", "AUT", 5, "1915-05", doc="history/1915"),
            _rel("ITA", "atWarWith", "AUT", 6, "1915-05", doc="history/1915"),
            _rel("ITA", "attacks", "AUT", 7, "1915-06", doc="history/1915")]
    return out


@pytest.fixture(scope="module")
def graph_1915(tmp_path_factory):
    rels = relations_from_graph(read_graph(FIXTURE)) + _relations_1915()
    path = tmp_path_factory.mktemp("g") / "great-powers-1915.ttl"
    write_graph(build_graph(rels, [], None), path)
    return path


def test_diff_1914_to_1915_moves_italy(g1914, graph_1915):
    d = diff_graphs(g1914, to_networkx(read_graph(graph_1915)))
    assert ["ITA", "atWarWith", "AUT"] not in d["added"] and ["AUT", "atWarWith", "ITA"] in d["added"]
    assert len(d["added"]) == 7 and d["removed"] == []  # FRA agreesWith ITA since 1902: more evidence
    assert d["evidence"] == [["AUT", "tensionWith", "ITA", 1, 2], ["FRA", "agreesWith", "ITA", 1, 2]]
    assert {"pair": ["AUT", "ITA"], "old": 1, "new": -1} in d["sign_changes"]
    assert d["blocs"]["old"] == [ALLIANCE, ENTENTE]
    assert d["blocs"]["new"] == [["FRA", "GBR", "ITA", "RUS"], ["AUT", "DEU"]]
    assert d["blocs"]["changes"] == [
        {"old": ALLIANCE, "new": ["AUT", "DEU"], "joined": [], "left": ["ITA"]},
        {"old": ENTENTE, "new": ["FRA", "GBR", "ITA", "RUS"], "joined": ["ITA"], "left": []}]
    assert d["balance"]["old"] < 1


def test_document_dates_stand_in_for_missing_claim_times():
    rels = [_rel("FRA", "alliedWith", "RUS", 0, None, doc="a"), _rel("FRA", "alliedWith", "RUS", 1, "1894", doc="b")]
    g = build_graph(rels, [Document("a", "", date="1893-12-27"), Document("b", "", date="1900-01-01")], None)
    H = with_document_dates(to_networkx(g), g)
    assert sorted(ev["time"] for ev in H.edges["FRA", "RUS", "alliedWith"]["evidence"]) == ["1893-12-27", "1894"]
    assert H.edges["FRA", "RUS", "alliedWith"]["first_time"] == "1893-12-27"


def test_analyze_falls_back_on_document_dates(tmp_path):
    rels = [_rel("FRA", "alliedWith", "RUS", 0, None, doc="a"), _rel("DEU", "atWarWith", "RUS", 1, None, doc="b")]
    path = tmp_path / "dated.ttl"
    write_graph(build_graph(rels, [Document("a", "", date="1894-01-04"), Document("b", "", date="1914-08-01")],
                            None), path)
    data = json.loads(_run("analyze", path, "--until", "1900", "--format", "json").output)
    assert (data["positive"], data["negative"], data["blocs"]) == (1, 0, [["FRA", "RUS"]])


# ---------------------------------------------------------------------------- the commands

def _run(*args):
    import click
    from click.testing import CliRunner

    from kg.cli_analyze import analyze as analyze_cmd, diff as diff_cmd

    group = click.Group(commands=[analyze_cmd, diff_cmd])
    return CliRunner().invoke(group, [str(a) for a in args])


def test_analyze_json_of_1914():
    result = _run("analyze", FIXTURE, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"blocs", "balance", "unbalanced", "centrality"} <= data.keys()
    assert data["blocs"] == [ALLIANCE, ENTENTE]
    assert data["balance"] == round(11 / 13, 6)
    assert sorted(data["centrality"]) == sorted(ALLIANCE + ENTENTE)
    assert result.output == _run("analyze", FIXTURE, "--format", "json").output  # same bytes


def test_analyze_and_diff_leave_the_garbage_collector_as_it_was():
    import gc

    assert gc.isenabled()
    assert _run("analyze", FIXTURE, "--format", "json").exit_code == 0
    assert _run("diff", FIXTURE, FIXTURE).exit_code == 0
    assert _run("analyze", "missing.ttl").exit_code != 0
    assert gc.isenabled()


def test_analyze_table_with_focus():
    result = _run("analyze", FIXTURE, "--focus", "France")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "   1  AUT DEU ITA" in lines and "   2  FRA GBR RUS" in lines
    assert "Balance: 0.846 (11 of 13 triangles balanced; weak balance 0.846)" in lines
    assert any(line.startswith("  partners:") for line in lines)
    assert any(line.split()[:2] == ["DEU", "-2.8"] for line in lines)


def test_analyze_periods():
    before = json.loads(_run("analyze", FIXTURE, "--until", "1913", "--format", "json").output)
    assert before["blocs"] == [ALLIANCE, ENTENTE] and before["negative"] == 3
    war = json.loads(_run("analyze", FIXTURE, "--since", "1914-08", "--until", "1914-08", "--format", "json").output)
    assert war["blocs"] == [ENTENTE, ["AUT", "DEU"]] and war["criterion"] == 0  # Italy: no tie in August


def test_analyze_errors_are_one_line(tmp_path):
    result = _run("analyze", tmp_path / "missing.ttl")
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    result = _run("analyze", FIXTURE, "--focus", "Atlantis")
    assert result.exit_code == 2 and "Atlantis" in result.output


def test_diff_command(graph_1915):
    result = _run("diff", FIXTURE, graph_1915)
    assert result.exit_code == 0, result.output
    assert "  + AUT atWarWith ITA" in result.output.splitlines()
    assert "  AUT-ITA: + -> -" in result.output.splitlines()
    assert "(joined: ITA)" in result.output and "(left: ITA)" in result.output
    assert _run("diff", FIXTURE, graph_1915, "--exit-code").exit_code == 1
    same = _run("diff", FIXTURE, FIXTURE, "--exit-code", "--format", "json")
    assert same.exit_code == 0 and json.loads(same.output)["blocs"]["changes"] == []


def test_analyze_and_diff_read_every_format_and_a_store_alike(tmp_path):
    """kg analyze and kg diff give the same bytes whatever GRAPH is: a file in any RDF format or a store."""
    from click.testing import CliRunner

    from kg.cli import cli
    from kg.store import load_files

    graph = read_graph(FIXTURE)
    sources = []
    for suffix in (".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"):
        path = tmp_path / f"g{suffix}"
        write_graph(graph, path)
        sources.append(str(path))
    load_files(tmp_path / "store", [sources[0]])
    sources.append(str(tmp_path / "store"))
    runner = CliRunner()
    outputs = {runner.invoke(cli, ["analyze", s, "--format", "json"]).output for s in sources}
    assert len(outputs) == 1 and json.loads(outputs.pop())["actors"] > 0
    diffs = {runner.invoke(cli, ["diff", sources[0], s, "--format", "json"]).output for s in sources[1:]}
    assert len(diffs) == 1 and json.loads(diffs.pop())["added"] == []
