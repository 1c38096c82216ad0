"""Every command against bad input: one line on stderr naming the file, the documented exit code,
no traceback, and nothing already written lost.

Table-driven: each case is a command line with placeholders for real files made in a temporary
directory ({d}: shared inputs, {out}: this test's directory, where an output file may already
exist). The cases already in tests/test_cli.py (a missing extract input, an unsupported build
suffix, a build output in a missing directory, extract writing over its input, a broken gazetteer)
are not repeated here.
"""

from __future__ import annotations

import inspect
import os
import tempfile
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "entente-1914.ttl"  # a small kg graph: FRA GBR RUS AUT DEU ITA
SENTINEL = b"written by an earlier run\n"
GOLD_HEADER = "id\tsource\tsentence\trelations\n"


def runner() -> CliRunner:
    """A runner that keeps stderr apart (click < 8.2 mixes it in unless told not to)."""
    return CliRunner(**({"mix_stderr": False} if "mix_stderr" in inspect.signature(CliRunner).parameters else {}))


def invoke(args: list[str], input: str | bytes | None = None):
    return runner().invoke(cli, args, input=input)


@pytest.fixture(scope="module")
def d(tmp_path_factory) -> Path:
    """The shared bad (and a few good) inputs; never written by a case."""
    d = tmp_path_factory.mktemp("inputs")
    shutil.copy(FIXTURE, d / "good.ttl")
    (d / "article.txt").write_text("Spain backed Portugal on Monday.\n", encoding="utf-8")
    (d / "adir").mkdir()  # a directory that holds no document and is not a store
    (d / "notstore").mkdir()
    (d / "notstore" / "notes.txt").write_text("not a database\n")
    for name in ("empty.ttl", "empty.txt", "empty.tsv", "empty.rq"):
        (d / name).write_bytes(b"")
    for name in ("binary.ttl", "binary.nt", "binary.tsv", "binary.rq"):
        (d / name).write_bytes(b"\xff\xfe\x00\x01\x89PNG\r\n\x1a\n\x00\x00")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\x03 binary")
    (d / "graph.xyz").write_text("<http://e/a> <http://e/b> <http://e/c> .\n")
    (d / "bad.ttl").write_text("@prefix e: <http://e/> .\ne:a e:b e:c .\ne:a e:b \n")  # line 3, column 8
    (d / "bad.nt").write_text("<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b> .\n")
    (d / "bad.jsonld").write_text('{\n  "@id": "http://e/a",\n  "http://e/b": [1, \n}\n')
    (d / "bad.rdf").write_text('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
                               '22-rdf-syntax-ns#">\n<rdf:Description>\n</rdf:RDF>\n')
    (d / "bad.rq").write_text("SELECT ?x WHERE {\n  ?x kg:supplies\n}\n")
    (d / "update.rq").write_text("INSERT DATA { actor:FRA kg:supports actor:GBR }\n")
    (d / "truncated.tsv").write_text(GOLD_HEADER + "s1\tmine\tSpain backed Portugal.\tESP|supports|PRT\n"
                                     "s2\tmine\tChile and Pe")  # cut off in the middle of a row
    (d / "garbled.tsv").write_text(GOLD_HEADER + "s1\tmine\tSpain backed Portugal.\tESP|supports\n")
    (d / "badpred.tsv").write_text(GOLD_HEADER + "s1\tmine\tSpain backed Portugal.\tESP|likes|PRT\n")
    (d / "commas.tsv").write_text("id,source,sentence,relations\ns1,mine,Spain backed Portugal.,\n")
    (d / "dup.tsv").write_text(GOLD_HEADER + "s1\tm\tSpain backed Portugal.\t\ns1\tm\tAgain.\t\n")
    assert invoke(["load", str(d / "good.ttl"), "--store", str(d / "store"), "-q"]).exit_code == 0
    return d


# (id, command line, exit code, what the error line must contain, the output that must survive)
# An output path in the last column is created with SENTINEL before the run and checked after it.
CASES = [
    # ------------------------------------------------------------------ kg (the group)
    ("unknown-command", "nosuch", 2, "nosuch", None),
    ("missing-argument", "draw", 2, "GRAPH", None),
    # ------------------------------------------------------------------ extract
    ("extract-directory-without-documents", "extract {d}/adir -o {out}/r.jsonl", 1, "adir", "{out}/r.jsonl"),
    ("extract-empty-file", "extract {d}/empty.txt -o {out}/r.jsonl", 1, "empty.txt", "{out}/r.jsonl"),
    ("extract-binary-file", "extract {d}/binary.txt -o {out}/r.jsonl", 1, "binary.txt", "{out}/r.jsonl"),
    ("extract-output-is-a-directory", "extract {d}/article.txt -o {d}/adir", 1, "adir", None),
    ("extract-output-missing-dir", "extract {d}/article.txt -o {out}/no/r.jsonl", 1, "r.jsonl", None),
    ("extract-bad-format", "extract {d}/article.txt --format xml", 2, "xml", None),
    ("extract-negative-jobs", "extract {d}/article.txt --jobs -1", 2, "-1", None),
    ("extract-gazetteer-directory", "extract {d}/article.txt --gazetteer {d}/adir", 1, "adir", None),
    ("extract-gazetteer-binary", "extract {d}/article.txt --gazetteer {d}/binary.ttl", 1, "binary.ttl", None),
    ("extract-gazetteer-missing", "extract {d}/article.txt --gazetteer {d}/missing.ttl", 1, "missing.ttl", None),
    # ------------------------------------------------------------------ build
    ("build-no-input-readable", "build {d}/missing.txt -o {out}/g.ttl -q", 1, "missing.txt", "{out}/g.ttl"),
    ("build-output-is-a-directory", "build {d}/article.txt -o {out}/dir.ttl -q", 1, "dir.ttl", None),
    ("build-store-not-a-store", "build {d}/article.txt -o {out}/g.ttl --store {d}/notstore -q", 1, "notstore",
     "{out}/g.ttl"),
    ("build-store-is-a-file", "build {d}/article.txt -o {out}/g.ttl --store {d}/good.ttl -q", 1, "good.ttl",
     "{out}/g.ttl"),
    ("build-append-to-a-broken-graph", "build {d}/article.txt -o {out}/bad.ttl --append -q", 1, "bad.ttl",
     "{out}/bad.ttl"),
    ("build-output-equal-to-input", "build {out}/g.txt -o {out}/g.txt -q", 2, "g.txt", "{out}/g.txt"),
    # ------------------------------------------------------------------ validate
    ("validate-missing", "validate {d}/missing.ttl", 1, "missing.ttl", None),
    ("validate-directory", "validate {d}/adir", 1, "adir", None),
    ("validate-binary", "validate {d}/binary.ttl", 1, "binary.ttl", None),
    ("validate-unknown-suffix", "validate {d}/graph.xyz", 2, "graph.xyz", None),
    ("validate-turtle-syntax", "validate {d}/bad.ttl", 1, "bad.ttl: line 3, column 8", None),
    ("validate-ntriples-syntax", "validate {d}/bad.nt", 1, "bad.nt: line 2, column", None),
    ("validate-jsonld-syntax", "validate {d}/bad.jsonld", 1, "bad.jsonld: line 4, column", None),
    ("validate-rdfxml-syntax", "validate {d}/bad.rdf", 1, "bad.rdf: line 4, column", None),
    ("validate-shapes-missing", "validate {d}/good.ttl --shapes {d}/missing.ttl", 1, "missing.ttl", None),
    ("validate-shapes-syntax", "validate {d}/good.ttl --shapes {d}/bad.ttl", 1, "bad.ttl: line 3", None),
    # ------------------------------------------------------------------ eval
    ("eval-missing", "eval {d}/missing.tsv", 1, "missing.tsv", None),
    ("eval-directory", "eval {d}/adir", 1, "adir", None),
    ("eval-empty", "eval {d}/empty.tsv", 1, "empty.tsv", None),
    ("eval-binary", "eval {d}/binary.tsv", 1, "binary.tsv", None),
    ("eval-truncated", "eval {d}/truncated.tsv", 1, "truncated.tsv:3", None),
    ("eval-garbled-triple", "eval {d}/garbled.tsv", 1, "garbled.tsv:2", None),
    ("eval-unknown-predicate", "eval {d}/badpred.tsv", 1, "badpred.tsv:2", None),
    ("eval-comma-separated", "eval {d}/commas.tsv", 1, "commas.tsv:1", None),
    ("eval-duplicate-id", "eval {d}/dup.tsv", 1, "dup.tsv:3", None),
    ("eval-bad-format", "eval {d}/garbled.tsv --format yaml", 2, "yaml", None),
    # ------------------------------------------------------------------ query
    ("query-directory-not-a-store", "query {d}/notstore ASK{{?s?p?o}}", 1, "notstore", None),
    ("query-binary-graph", "query {d}/binary.ttl ASK{{?s?p?o}}", 1, "binary.ttl", None),
    ("query-graph-syntax", "query {d}/bad.ttl ASK{{?s?p?o}}", 1, "bad.ttl: line 4, column 1", None),
    ("query-file-syntax", "query {d}/good.ttl -f {d}/bad.rq", 1, "bad.rq: syntax error at line 3, column", None),
    ("query-file-syntax-rdflib", "query {d}/good.ttl -f {d}/bad.rq --engine rdflib", 1,
     "bad.rq: syntax error at line 2, column", None),
    ("query-file-missing", "query {d}/good.ttl -f {d}/missing.rq", 1, "missing.rq", None),
    ("query-file-directory", "query {d}/good.ttl -f {d}/adir", 1, "adir", None),
    ("query-file-binary", "query {d}/good.ttl -f {d}/binary.rq", 1, "binary.rq", None),
    ("query-file-empty", "query {d}/good.ttl -f {d}/empty.rq", 1, "empty.rq", None),
    ("query-file-update-without-flag", "query {d}/store -f {d}/update.rq", 1, "update.rq", None),
    ("query-update-against-a-file", "query {d}/good.ttl --update -f {d}/update.rq", 2, "good.ttl", None),
    ("query-param-not-name-value", "query {d}/good.ttl --saved suppliers-of --param nonsense", 2, "nonsense", None),
    ("query-param-unknown-actor", "query {d}/good.ttl --saved suppliers-of --param state=Atlantis", 2,
     "Atlantis", None),
    ("query-param-not-in-query", "query {d}/good.ttl SELECT*{{?s?p?o}} --param nothere=1", 2, "nothere", None),
    ("query-unknown-saved", "query {d}/good.ttl --saved nosuch", 2, "nosuch", None),
    ("query-format-for-the-wrong-form", "query {d}/good.ttl SELECT*{{?s?p?o}} --format ttl", 2, "ttl", None),
    ("query-negative-timeout", "query {d}/good.ttl ASK{{?s?p?o}} --timeout -1", 2, "-1", None),
    ("query-unknown-engine", "query {d}/good.ttl ASK{{?s?p?o}} --engine jena", 2, "jena", None),
    # ------------------------------------------------------------------ load
    ("load-missing", "load {d}/missing.ttl --store {out}/s", 1, "missing.ttl", None),
    ("load-directory", "load {d}/adir --store {out}/s", 1, "adir", None),
    ("load-binary", "load {d}/binary.nt --store {out}/s", 1, "binary.nt", None),
    ("load-unknown-suffix", "load {d}/graph.xyz --store {out}/s", 2, "graph.xyz", None),
    ("load-syntax", "load {d}/good.ttl {d}/bad.ttl --store {out}/s", 1, "bad.ttl: line 4, column 1", None),
    ("load-store-is-a-file", "load {d}/good.ttl --store {out}/file.nt", 1, "file.nt", "{out}/file.nt"),
    ("load-store-not-a-store", "load {d}/good.ttl --store {d}/notstore", 1, "notstore", None),
    # ------------------------------------------------------------------ draw
    ("draw-empty-graph", "draw {d}/empty.ttl -o {out}/g.png -q", 1, "empty.ttl", "{out}/g.png"),
    ("draw-directory-not-a-store", "draw {d}/notstore -o {out}/g.png -q", 1, "notstore", "{out}/g.png"),
    ("draw-syntax", "draw {d}/bad.ttl -o {out}/g.png -q", 1, "bad.ttl: line 3, column 8", "{out}/g.png"),
    ("draw-unknown-suffix", "draw {d}/good.ttl -o {out}/g.bmp -q", 2, "bmp", "{out}/g.bmp"),
    ("draw-output-missing-dir", "draw {d}/good.ttl -o {out}/no/g.png -q", 1, "g.png", None),
    ("draw-output-in-the-store", "draw {d}/store -o {d}/store/g.png -q", 2, "g.png", None),
    ("draw-unknown-layout", "draw {d}/good.ttl -o {out}/g.png --layout star", 2, "star", "{out}/g.png"),
    ("draw-bad-size", "draw {d}/good.ttl -o {out}/g.png --size 0x3", 2, "0x3", "{out}/g.png"),
    ("draw-negative-dpi", "draw {d}/good.ttl -o {out}/g.png --dpi -5", 2, "-5", "{out}/g.png"),
    ("draw-no-such-day", "draw {d}/good.ttl -o {out}/g.png --since 1914-02-30", 2, "1914-02-30", "{out}/g.png"),
    ("draw-not-a-date", "draw {d}/good.ttl -o {out}/g.png --until yesterday", 2, "yesterday", "{out}/g.png"),
    ("draw-negative-evidence", "draw {d}/good.ttl -o {out}/g.png --min-evidence -1", 2, "-1", "{out}/g.png"),
    ("draw-unknown-relation", "draw {d}/good.ttl -o {out}/g.png --relations likes", 2, "likes", "{out}/g.png"),
    ("draw-unknown-focus", "draw {d}/good.ttl -o {out}/g.png --focus Atlantis", 2, "Atlantis", "{out}/g.png"),
    ("draw-focus-not-in-graph", "draw {d}/good.ttl -o {out}/g.png --focus Chile -q", 1, "good.ttl",
     "{out}/g.png"),
    ("draw-filters-leave-nothing", "draw {d}/good.ttl -o {out}/g.png --since 2020 -q", 1, "good.ttl",
     "{out}/g.png"),
    # ------------------------------------------------------------------ analyze
    ("analyze-missing", "analyze {d}/missing.ttl", 1, "missing.ttl", None),
    ("analyze-directory-not-a-store", "analyze {d}/notstore", 1, "notstore", None),
    ("analyze-binary", "analyze {d}/binary.ttl", 1, "binary.ttl", None),
    ("analyze-unknown-suffix", "analyze {d}/graph.xyz", 2, "graph.xyz", None),
    ("analyze-syntax", "analyze {d}/bad.ttl", 1, "bad.ttl: line 3, column 8", None),
    ("analyze-alpha-out-of-range", "analyze {d}/good.ttl --alpha 2", 2, "2", None),
    ("analyze-zero-blocs", "analyze {d}/good.ttl --max-blocs 0", 2, "0", None),
    ("analyze-bad-month", "analyze {d}/good.ttl --since 1914-13", 2, "1914-13", None),
    ("analyze-focus-not-in-graph", "analyze {d}/good.ttl --focus Chile", 1, "good.ttl", None),
    # ------------------------------------------------------------------ diff
    ("diff-new-missing", "diff {d}/good.ttl {d}/missing.ttl", 1, "missing.ttl", None),
    ("diff-old-syntax", "diff {d}/bad.nt {d}/good.ttl", 1, "bad.nt: line 2, column", None),
    ("diff-directory-not-a-store", "diff {d}/good.ttl {d}/notstore", 1, "notstore", None),
    ("diff-negative-alpha", "diff {d}/good.ttl {d}/good.ttl --alpha -1", 2, "-1", None),
    # ------------------------------------------------------------------ export
    ("export-output-equal-to-input", "export {out}/g.ttl -o {out}/g.ttl --since 1914", 2, "g.ttl", "{out}/g.ttl"),
    ("export-unknown-format", "export {d}/good.ttl -o {out}/g.ttl --to pdf", 2, "pdf", "{out}/g.ttl"),
    ("export-unknown-suffix", "export {d}/good.ttl -o {out}/g.xyz", 2, "g.xyz", "{out}/g.xyz"),
    ("export-unknown-colouring", "export {d}/good.ttl -o {out}/g.gexf --color-by x", 2, "x", "{out}/g.gexf"),
    ("export-output-missing-dir", "export {d}/good.ttl -o {out}/no/g.gexf", 1, "g.gexf", None),
    ("export-syntax", "export {d}/bad.ttl -o {out}/g.gexf -q", 1, "bad.ttl: line 3", "{out}/g.gexf"),
    ("export-binary", "export {d}/binary.ttl -o {out}/g.json -q", 1, "binary.ttl", "{out}/g.json"),
    ("export-focus-not-in-graph", "export {d}/good.ttl -o {out}/g.json --focus Chile -q", 1, "good.ttl",
     "{out}/g.json"),
    ("export-output-in-the-store", "export {d}/store -o {d}/store/g.ttl -q", 2, "g.ttl", None),
    ("export-neo4j-into-a-busy-dir", "export {d}/good.ttl -o {d}/notstore --to neo4j -q", 1, "notstore", None),
    ("export-neo4j-onto-a-file", "export {d}/good.ttl -o {out}/g.ttl --to neo4j -q", 1, "g.ttl", "{out}/g.ttl"),
    # ------------------------------------------------------------------ push (fails before any connection)
    ("push-missing", "push {d}/missing.ttl --endpoint http://127.0.0.1:9/store", 1, "missing.ttl", None),
    ("push-directory-not-a-store", "push {d}/notstore --endpoint http://127.0.0.1:9/store", 1, "notstore", None),
    ("push-syntax", "push {d}/bad.ttl --endpoint http://127.0.0.1:9/store", 1, "bad.ttl: line", None),
    ("push-unknown-suffix", "push {d}/graph.xyz --endpoint http://127.0.0.1:9/store", 2, "graph.xyz", None),
    ("push-not-http", "push {d}/good.ttl --endpoint ftp://127.0.0.1/store", 2, "ftp://", None),
    ("push-zero-timeout", "push {d}/good.ttl --endpoint http://127.0.0.1:9/store --timeout 0", 2, "0", None),
    # ------------------------------------------------------------------ view
    ("view-syntax", "view {d}/bad.ttl -o {out}/v.html", 1, "bad.ttl: line 3", "{out}/v.html"),
    ("view-missing", "view {d}/missing.ttl -o {out}/v.html", 1, "missing.ttl", "{out}/v.html"),
    ("view-directory-not-a-store", "view {d}/notstore -o {out}/v.html", 1, "notstore", "{out}/v.html"),
]


def _prepare(out: Path, d: Path) -> None:
    """Outputs and inputs that belong to one test: an existing directory with a graph suffix, a
    broken graph to append to, an input that is also the output."""
    (out / "dir.ttl").mkdir()
    shutil.copy(d / "bad.ttl", out / "bad.ttl")
    (out / "g.txt").write_text("Spain backed Portugal.\n")


@pytest.mark.parametrize("line, code, expected, keep", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_with_its_exit_code(d, tmp_path, line, code, expected, keep):
    out = tmp_path
    _prepare(out, d)
    kept = None
    if keep:
        kept = Path(keep.format(d=d, out=out))
        if not kept.exists():
            kept.write_bytes(SENTINEL)
        before = kept.read_bytes()
    store_before = sorted(p.name for p in (d / "store").iterdir())
    result = invoke([part.format(d=d, out=out) for part in line.split()])
    stderr = result.stderr
    assert result.exit_code == code, stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in stderr and "Traceback" not in result.stdout
    lines = [ln for ln in stderr.splitlines() if not ln.startswith("kg: warning:")]
    assert len(lines) == 1, stderr
    assert lines[0].startswith(("Error: ", "kg: error: ")), lines[0]
    assert expected in lines[0], lines[0]
    if kept is not None:
        assert kept.read_bytes() == before, f"{kept} was changed by a failed run"
    assert sorted(p.name for p in (d / "store").iterdir()) == store_before  # no output inside an input store
    assert not list(out.rglob(".*.tmp")), "a temporary file was left behind"


def test_every_command_has_a_case():
    commands = {c[1].split()[0] for c in CASES}
    assert set(cli.all_commands()) <= commands, sorted(set(cli.all_commands()) - commands)


def test_a_failed_load_leaves_the_store_as_it_was(d, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(d / "store", store)
    ask = "ASK { actor:FRA ?p actor:RUS }"
    assert invoke(["query", str(store), ask]).exit_code == 0
    result = invoke(["load", str(d / "good.ttl"), str(d / "bad.ttl"), "--store", str(store), "--replace"])
    assert result.exit_code == 1 and "bad.ttl: line 4, column 1" in result.stderr
    assert invoke(["query", str(store), ask]).exit_code == 0  # --replace did not empty it
    result = invoke(["load", str(d / "bad.nt"), "--store", str(tmp_path / "new")])
    assert result.exit_code == 1 and not (tmp_path / "new").exists()  # no empty store left behind


def test_a_bad_store_fails_the_build_before_the_graph_is_replaced(d, tmp_path):
    graph = tmp_path / "g.ttl"
    assert invoke(["build", str(d / "article.txt"), "-o", str(graph), "-q"]).exit_code == 0
    before = graph.read_bytes()
    other = tmp_path / "other.txt"
    other.write_text("Chile and Peru signed a trade deal.\n")
    result = invoke(["build", str(other), "-o", str(graph), "--store", str(d / "notstore"), "-q"])
    assert result.exit_code == 1 and "notstore" in result.stderr
    assert graph.read_bytes() == before


@pytest.mark.parametrize("line", ["analyze {d}/empty.ttl", "export {d}/empty.ttl -o {out}/g.json -q",
                                  "diff {d}/empty.ttl {d}/good.ttl", "validate {d}/empty.ttl"])
def test_an_empty_graph_is_not_an_error_where_the_readme_says_so(d, tmp_path, line):
    result = invoke([part.format(d=d, out=tmp_path) for part in line.split()])
    assert result.exit_code == 0 and result.stderr == "", result.stderr


def test_a_plain_kg_still_prints_its_help():
    result = invoke([])
    assert "Commands:" in result.output and "Error" not in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
@pytest.mark.parametrize("line, expected", [
    ("extract {d}/article.txt -o {ro}/r.jsonl", "r.jsonl"),
    ("build {d}/article.txt -o {ro}/g.ttl -q", "g.ttl"),
    ("draw {d}/good.ttl -o {ro}/g.png -q", "g.png"),
    ("export {d}/good.ttl -o {ro}/g.gexf -q", "g.gexf"),
    ("export {d}/good.ttl -o {ro}/neo --to neo4j -q", "neo"),
    ("load {d}/good.ttl --store {ro}/s", "s"),
], ids=["extract", "build", "draw", "export", "export-neo4j", "load"])
def test_an_unwritable_directory_is_one_line(d, tmp_path, line, expected):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        result = invoke([part.format(d=d, ro=ro) for part in line.split()])
        lines = result.stderr.splitlines()
        assert result.exit_code == 1 and len(lines) == 1 and expected in lines[0], result.stderr
        assert "Traceback" not in result.stderr
        assert list(ro.iterdir()) == []
    finally:
        ro.chmod(0o755)


def _unwritable_for_everyone() -> str | None:
    """A directory no process can create files in, root included (a virtual file system)."""
    for candidate in ("/sys", "/proc"):
        try:
            with tempfile.TemporaryFile(dir=candidate):
                pass
        except OSError:
            return candidate
    return None


@pytest.mark.skipif(_unwritable_for_everyone() is None, reason="no read-only file system to write to")
@pytest.mark.parametrize("line, expected", [
    ("extract {d}/article.txt -o {ro}/kg-test-r.jsonl", "kg-test-r.jsonl"),
    ("build {d}/article.txt -o {ro}/kg-test-g.ttl -q", "kg-test-g.ttl"),
    ("build {d}/article.txt -o {ro}/kg-test-g.nt -q --append", "kg-test-g.nt"),
    ("draw {d}/good.ttl -o {ro}/kg-test-g.png -q", "kg-test-g.png"),
    ("export {d}/good.ttl -o {ro}/kg-test-g.gexf -q", "kg-test-g.gexf"),
    ("export {d}/good.ttl -o {ro}/kg-test-neo --to neo4j -q", "kg-test-neo"),
    ("load {d}/good.ttl --store {ro}/kg-test-s", "kg-test-s"),
], ids=["extract", "build", "build-append", "draw", "export", "export-neo4j", "load"])
def test_a_read_only_file_system_is_one_line_even_for_root(d, line, expected):
    ro = _unwritable_for_everyone()
    result = invoke([part.format(d=d, ro=ro) for part in line.split()])
    lines = result.stderr.splitlines()
    assert result.exit_code == 1 and len(lines) == 1 and expected in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_a_query_on_stdin_that_is_not_utf8_is_one_line(d):
    result = invoke(["query", str(d / "good.ttl"), "-f", "-"], input=b"ASK { \xff }")
    assert result.exit_code == 1 and result.stderr.strip().endswith("is it a binary file?"), result.stderr
    assert result.stderr.count("\n") == 1 and "<stdin>" in result.stderr
    good = invoke(["query", str(d / "good.ttl"), "-f", "-"], input="ASK { ?s ?p ?o }")
    assert good.exit_code == 0 and good.output.strip() == "true"


# ---------------------------------------------------------------------------- one place for KgError

def test_every_command_turns_kg_errors_into_one_line():
    from kg.cli_common import KgCommand

    assert [name for name, command in cli.all_commands().items() if not isinstance(command, KgCommand)] == []


def test_kg_errors_are_caught_in_one_place():
    """Only kg/cli_common.py turns a KgError into a click error: the commands let theirs go up to
    :class:`kg.cli_common.KgCommand`."""
    for path in sorted((ROOT / "kg").glob("cli*.py")):
        if path.name != "cli_common.py":
            text = path.read_text(encoding="utf-8")
            assert "except KgError" not in text and "fail(" not in text, path.name


@pytest.mark.parametrize("kind, code", [("GraphError", 1), ("FormatError", 2), ("InputError", 1)])
def test_a_kg_error_is_one_line_naming_its_file(kind, code):
    import click

    from kg import errors
    from kg.cli_common import KgCommand, OneLineGroup, about

    @click.command(cls=KgCommand)
    @click.argument("graph")
    def job(graph):
        with about(graph, errors.GraphError, errors.FormatError):
            raise getattr(errors, kind)("cannot read\nthe triples")

    @click.command(cls=KgCommand)
    def named():
        with about("g.ttl"):
            raise errors.GraphError("g.ttl: line 3: objectList expected")

    @click.command(cls=KgCommand)
    def output():
        with about("g.ttl", errors.GraphError, unless_named=("out.gexf",)):
            raise errors.GraphError("out.gexf: cannot write")

    group = OneLineGroup("kg", commands={"job": job, "named": named, "output": output})
    result = runner().invoke(group, ["job", "g.ttl"])
    assert result.exit_code == code and (result.exception is None or isinstance(result.exception, SystemExit))
    expected = "Error: cannot read the triples" if kind == "InputError" else "Error: g.ttl: cannot read the triples"
    if code == 2:
        expected += "; see 'kg job --help'"
    assert result.stderr == expected + "\n"
    again = runner().invoke(group, ["named"])
    assert (again.exit_code, again.stderr) == (1, "Error: g.ttl: line 3: objectList expected\n")
    other = runner().invoke(group, ["output"])
    assert (other.exit_code, other.stderr) == (1, "Error: out.gexf: cannot write\n")
