"""kg.store and ``kg load``: Oxigraph store directories, loading, locking, updates."""

from __future__ import annotations

import click
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli_query import load, query
from kg.errors import FormatError, GraphError
from kg.model import Document, Relation
from kg.query import run_query, run_update, saved_query
from kg.rdf import DEFAULT_GRAPH_NAME, FORMATS, build_graph, read_graph, serialize_graph
from kg.store import (LOCK_NAME, OX_FORMATS, StoreLockedError, is_store, load_files, open_store, ox_format,
                      store_graph)

RELS = [
    Relation("d/one.txt", "UKR", "criticizes", "BLR", "Ukraine", "Belarus", "Kyiv rebuked Minsk.", 0, 19, 0),
    Relation("d/one.txt", "POL", "aids", "UKR", "Poland", "Ukraine", "Warsaw sent field hospitals.", 20, 48, 1,
             item="field hospitals"),
    Relation("d/two.txt", "POL", "meetsWith", "LTU", "Poland", "Lithuania", "Ministers met in Vilnius.", 0, 25, 0,
             time_value="2024-02"),
]
DOCS = [Document("d/one.txt", "", title="Rebuke", date="2024-01-09"), Document("d/two.txt", "", date="2024-02-11")]


@pytest.fixture(scope="module")
def graph(gazetteer):
    return build_graph(RELS, DOCS, gazetteer)


@pytest.fixture(scope="module")
def files(graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("store-graphs")
    out = {}
    for suffix in (".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"):
        out[suffix] = folder / f"g{suffix}"
        out[suffix].write_bytes(serialize_graph(graph, FORMATS[suffix]))
    return out


def run_cli(*args, input=None):
    group = click.Group("kg", commands={"query": query, "load": load})
    return CliRunner().invoke(group, [str(a) for a in args], input=input)


def count(store_dir) -> int:
    return int(run_query(store_dir, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").rows[0][0].value)


def test_formats_match_kg_rdf():
    assert set(OX_FORMATS) == set(FORMATS)
    for suffix, fmt in FORMATS.items():
        if fmt.quads:  # (JSON-LD may hold named graphs too)
            assert ox_format("x" + suffix).supports_datasets
    with pytest.raises(FormatError, match="unsupported graph suffix"):
        ox_format("graph.csv")


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"])
def test_load_every_format_into_default_graph(files, suffix, graph, tmp_path):
    report = load_files(tmp_path / "s", [files[suffix]])
    assert report.files == 1 and report.triples == len(graph)
    assert is_store(tmp_path / "s")
    with open_store(tmp_path / "s") as store:
        assert list(store.named_graphs()) == []  # named graphs of .nq/.trig are merged, as read_graph does
        assert len(store) == len(read_graph(files[suffix]))


def test_loading_twice_adds_nothing_and_replace(files, graph, tmp_path):
    d = tmp_path / "s"
    load_files(d, [files[".ttl"], files[".nq"]])
    assert load_files(d, [files[".nt"]]).triples == len(graph)
    assert load_files(d, [files[".nt"]], replace=True).triples == len(graph)


def test_store_answers_like_the_file(files, tmp_path):
    load_files(tmp_path / "s", [files[".ttl"]])
    for name, params in (("relations-of", {"state": "Poland"}), ("strongest-ties", {})):
        q = saved_query(name)
        from_store = run_query(tmp_path / "s", q.text, params=params, saved=q)
        from_file = run_query(files[".ttl"], q.text, params=params, saved=q)
        assert from_store.rows and from_store == from_file


def test_store_graph_for_build(graph, tmp_path):
    report = store_graph(graph, tmp_path / "built")
    assert report.triples == len(graph)
    rows = run_query(tmp_path / "built", "SELECT ?x { ?x kg:aids actor:UKR }").rows
    assert [r[0].value for r in rows] == ["https://w3id.org/kgstates/actor/POL"]
    extra = build_graph(RELS[:1], DOCS[:1], None)
    assert store_graph(extra, tmp_path / "built", replace=True).triples == len(extra)


def test_second_writer_fails_clearly(files, tmp_path):
    d = tmp_path / "s"
    load_files(d, [files[".ttl"]])
    with open_store(d, write=True):
        with pytest.raises(StoreLockedError, match=r"in use by another process \(kg writer pid \d+\)"):
            load_files(d, [files[".nt"]])
        with pytest.raises(StoreLockedError, match="is writing the store"):
            run_query(d, "ASK {}")
        res = run_cli("load", files[".nt"], "--store", d)
        assert res.exit_code == 1 and "in use" in res.output
        assert (tmp_path / ".s.lock").exists() and not (d / LOCK_NAME).exists()  # beside the store
    assert not (tmp_path / ".s.lock").exists()  # removed by its last holder
    load_files(d, [files[".nt"]])  # the lock went with the writer
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_readers_share_and_block_writers(files, tmp_path):
    d = tmp_path / "s"
    load_files(d, [files[".ttl"]])
    with open_store(d) as first, open_store(d) as second:
        assert len(first) == len(second) > 0
        with pytest.raises(StoreLockedError, match=r"in use by another process;"):  # no stale writer pid
            load_files(d, [files[".nt"]])


def test_not_a_store(tmp_path, files):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("hello")
    with pytest.raises(GraphError, match="not an Oxigraph store and not empty"):
        load_files(tmp_path / "notes", [files[".ttl"]])
    with pytest.raises(GraphError, match="not an Oxigraph store"):
        run_query(tmp_path / "notes", "ASK {}")
    res = run_cli("query", tmp_path / "missing", "ASK {}")
    assert res.exit_code == 1 and "not found" in res.output


def test_load_errors_name_file_and_line(tmp_path, files):
    bad = tmp_path / "bad.nt"
    bad.write_text("<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b> .\n")
    with pytest.raises(GraphError, match=r"bad.nt: line 2, column \d+"):
        load_files(tmp_path / "s", [bad])
    res = run_cli("load", files[".ttl"], tmp_path / "nope.ttl", "--store", tmp_path / "s2")
    assert res.exit_code == 1 and "nope.ttl: graph file not found" in res.output
    assert not (tmp_path / "s2").exists()  # checked before anything was written
    res = run_cli("load", tmp_path / "g.csv", "--store", tmp_path / "s2")
    assert res.exit_code == 2


def test_load_cli_summary(files, tmp_path, graph):
    res = run_cli("load", files[".ttl"], files[".jsonld"], "--store", tmp_path / "s")
    assert res.exit_code == 0
    assert f"loaded 2 files into {tmp_path / 's'}" in res.output and f"holds {len(graph)} triples" in res.output
    assert count(tmp_path / "s") == len(graph)


def test_update_only_with_flag_and_store(files, tmp_path):
    d = tmp_path / "s"
    load_files(d, [files[".ttl"]])
    insert = "INSERT DATA { actor:LTU kg:supports actor:UKR }"
    ask = "ASK { actor:LTU kg:supports actor:UKR }"
    res = run_cli("query", d, insert)
    assert res.exit_code == 1 and "read-only" in res.output
    assert run_cli("query", d, ask).exit_code == 1
    res = run_cli("query", d, insert, "--update")
    assert res.exit_code == 0, res.output
    assert run_cli("query", d, ask).exit_code == 0
    res = run_cli("query", files[".ttl"], insert, "--update")
    assert res.exit_code == 2 and "store directory" in res.output
    res = run_cli("query", d, "LOAD <http://example.org/more.ttl>", "--update")
    assert res.exit_code == 1 and "LOAD" in res.output
    res = run_cli("query", d, "SELECT * {}", "--update")
    assert res.exit_code == 2
    run_update(d, "DELETE WHERE { actor:LTU kg:supports ?x }", timeout=10)
    assert run_cli("query", d, ask).exit_code == 1


def test_update_using_foreign_graph_refused(files, tmp_path):
    d = tmp_path / "s"
    load_files(d, [files[".ttl"]])
    with pytest.raises(Exception, match="refused"):
        run_update(d, "INSERT { ?s ?p ?o } USING <http://example.org/g> WHERE { ?s ?p ?o }")


def test_foreign_store_with_named_graphs_is_queried_as_union(files, tmp_path, graph):
    d = tmp_path / "foreign"
    store = ox.Store(str(d))
    store.load(path=str(files[".nq"]), format=ox.RdfFormat.N_QUADS)  # keeps the named graph
    store.flush()
    del store
    assert count(d) == len(graph)
    rows = run_query(d, f"SELECT (COUNT(*) AS ?n) FROM <{DEFAULT_GRAPH_NAME}> {{ ?s ?p ?o }}").rows
    assert int(rows[0][0].value) == len(graph)  # FROM a graph the store holds is allowed


def test_where_directories_cannot_be_exchanged_two_renames_are_undone_after_a_kill(files, tmp_path, monkeypatch,
                                                                                  graph):
    import kg.store

    d = tmp_path / "s"
    load_files(d, [files[".ttl"]])
    monkeypatch.setattr(kg.store, "_exchange", lambda a, b: False)  # a file system without RENAME_EXCHANGE
    extra = tmp_path / "extra.nt"
    extra.write_text('<http://e/a> <http://e/b> "c" .\n')
    assert load_files(d, [extra], replace=True).triples == 1
    # the state a kill between the two renames leaves: the store aside, a new one not yet in place
    aside = tmp_path / ".s.kg-old-x1"
    aside.mkdir()
    d.rename(aside / "store")
    (tmp_path / ".s.kg-new-x2").mkdir()
    assert load_files(d, [files[".nt"]]).triples == len(graph) + 1  # the old store came back, then was added to
    assert sorted(p.name for p in tmp_path.iterdir()) == ["extra.nt", "s"]


def test_open_oxigraph_gives_a_store_for_a_file_or_a_store(files, graph, tmp_path):
    """kg.sources.open_oxigraph: one way to get a pyoxigraph Store of "a store or a file"."""
    from kg.sources import graph_source, open_oxigraph

    load_files(tmp_path / "store", [files[".nq"]])
    assert graph_source(tmp_path / "store").is_store and not graph_source(files[".ttl"]).is_store
    for source in (files[".ttl"], files[".nq"], tmp_path / "store"):
        with open_oxigraph(source) as store:
            assert len(store) == len(graph), source
    with pytest.raises(GraphError, match="not an Oxigraph store"):
        graph_source(tmp_path)


def test_a_bad_file_leaves_no_new_store_and_an_old_one_untouched(files, tmp_path):
    bad = tmp_path / "bad.nt"
    bad.write_text("<https://a.example/x> <https://a.example/y> <https://a.example/z> .\n<oops\n")
    with pytest.raises(GraphError, match=r"bad.nt: line 2, column 1"):
        load_files(tmp_path / "new", [files[".ttl"], bad])
    assert not (tmp_path / "new").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".new.")]
    load_files(tmp_path / "old", [files[".ttl"]])
    before = count(tmp_path / "old")
    for replace in (False, True):
        with pytest.raises(GraphError, match=r"bad.nt: line 2, column 1"):
            load_files(tmp_path / "old", [files[".nt"], bad], replace=replace)
        assert count(tmp_path / "old") == before
