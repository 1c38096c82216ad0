"""The kg command: outputs, exit codes and error messages, through click's runner and real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ("Title: Test\nDate: 2024-06-20\n\n"
           "Belarus has been sending fuel to Russia since 2022, according to Lithuanian officials. "
           "Canada condemned the shipments.\n")


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def test_extract_jsonl_has_every_field(article):
    result = run("extract", article)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    (row,) = [r for r in rows if r["predicate"] == "supplies"]
    for key in ("doc", "subject", "predicate", "object", "subject_label", "object_label", "sentence", "start",
                "end", "hedged", "negated", "attributed_to", "item", "quantity", "time", "confidence"):
        assert key in row
    assert (row["subject"], row["object"], row["attributed_to"], row["time"]) == ("BLR", "RUS", "LTU", "since 2022")
    assert row["doc"] == str(article.as_posix())
    text = ARTICLE.split("\n\n", 1)[1]
    assert text[row["start"]:row["end"]] == row["sentence"]


def test_extract_tsv_and_stdin_jsonl():
    line = json.dumps({"id": "n1", "text": "Spain backed Portugal on Monday."})
    result = run("extract", "-", "--format", "tsv", input=line + "\n")
    assert result.exit_code == 0, result.output
    header, row = result.output.splitlines()[:2]
    assert header.split("\t")[:4] == ["doc", "subject", "predicate", "object"]
    assert row.split("\t")[:4] == ["n1", "ESP", "supports", "PRT"]


def test_build_writes_a_valid_graph(article, tmp_path):
    out = tmp_path / "g.ttl"
    result = run("build", article, "-o", out, "--quiet")
    assert result.exit_code == 0, result.output
    g = rdflib.Graph().parse(out)
    kg = rdflib.Namespace("https://w3id.org/kgstates/ontology#")
    actor = rdflib.Namespace("https://w3id.org/kgstates/actor/")
    assert (actor.BLR, kg.supplies, actor.RUS) in g
    assert run("validate", out).exit_code == 0


def test_build_is_byte_identical_and_append_does_not_duplicate(article, tmp_path):
    a, b = tmp_path / "a.nt", tmp_path / "b.nt"
    assert run("build", article, "-o", a, "-q").exit_code == 0
    assert run("build", article, "-o", b, "-q").exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert run("build", article, "-o", a, "--append", "-q").exit_code == 0
    assert a.read_bytes() == b.read_bytes()


def test_jobs_give_the_same_graph(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(6):
        (docs / f"d{n}.txt").write_text(f"Chile and Peru signed a trade deal in 20{10 + n}. Spain backed Portugal.\n")
    one, two = tmp_path / "one.ttl", tmp_path / "two.ttl"
    assert run("build", docs, "-o", one, "-q", "--jobs", "1").exit_code == 0
    assert run("build", docs, "-o", two, "-q", "--jobs", "2").exit_code == 0
    assert one.read_bytes() == two.read_bytes()


def test_missing_file_is_one_line_exit_1(tmp_path):
    result = run("extract", tmp_path / "nope.txt")
    assert result.exit_code == 1
    assert "nope.txt: no such file or directory" in result.output
    assert "Traceback" not in result.output


def test_bad_documents_are_skipped_and_reported(tmp_path, article):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "Spain backed Portugal."}\nnot json\n{"id": "x"}\n', encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02 binary")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    out = tmp_path / "g.ttl"
    result = run("build", bad, binary, empty, article, "-o", out, "-q")
    assert result.exit_code == 1
    assert "bad.jsonl:2: not valid JSON" in result.output
    assert 'bad.jsonl:3: no "text" string' in result.output
    assert "blob.txt: binary file" in result.output
    assert "empty.txt: empty document" in result.output
    assert out.exists()  # the readable documents were still built


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Spain backed Portugal. Caf\xe9.".encode("latin-1"))
    result = run("extract", path)
    assert result.exit_code == 0
    assert "invalid UTF-8" in result.output
    assert '"ESP"' in result.output


def test_unsupported_output_suffix_is_a_usage_error(article, tmp_path):
    result = run("build", article, "-o", tmp_path / "g.docx")
    assert result.exit_code == 2
    assert ".ttl" in result.output


def test_output_in_missing_directory(article, tmp_path):
    result = run("build", article, "-o", tmp_path / "no" / "g.ttl", "-q")
    assert result.exit_code == 1
    assert "does not exist" in result.output


def test_validate_reports_violations(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text("""
        @prefix kg: <https://w3id.org/kgstates/ontology#> .
        @prefix claim: <https://w3id.org/kgstates/claim/> .
        claim:x a kg:Claim ; kg:confidence 1.5 .
    """)
    result = run("validate", path)
    assert result.exit_code == 1
    assert "does not conform" in result.output


def test_eval_scores_a_gold_file(tmp_path):
    gold = tmp_path / "gold.tsv"
    gold.write_text("id\tsource\tsentence\trelations\n"
                    "s1\tmine\tSpain backed Portugal.\tESP|supports|PRT\n"
                    "s2\tmine\tChile and Peru signed a trade deal.\tPER|agreesWith|CHL\n", encoding="utf-8")
    result = run("eval", gold)
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1].split()
    assert last[0] == "overall" and last[-1] == "1.000"
    as_json = json.loads(run("eval", gold, "--format", "json").output)
    assert as_json["overall"]["f1"] == 1.0


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in cli.all_commands().items():
        assert command.help, name
        assert run(name, "--help").exit_code == 0
        assert f"kg {name}" in readme, name


def test_help_imports_no_heavy_library():
    code = ("import sys; from click.testing import CliRunner; from kg.cli import cli; "
            "CliRunner().invoke(cli, ['--help']); "
            "print(sorted(m for m in ('rdflib', 'matplotlib', 'pyoxigraph', 'networkx', 'trafilatura') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_extract_imports_no_other_command():
    """The commands of their own modules are imported when a run names them or lists them (kg --help)."""
    code = ("import sys; from click.testing import CliRunner; from kg.cli import cli; "
            "r = CliRunner().invoke(cli, ['extract', '--help']); assert r.exit_code == 0, r.output; "
            "print(sorted(m for m in sys.modules if m.startswith('kg.cli_') and m != 'kg.cli_common'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert sorted(cli.all_commands()) == sorted(cli.list_commands(None))
    assert {"query", "load", "draw", "view", "analyze", "diff", "export", "push", "extract"} <= set(cli.all_commands())


def test_user_gazetteer_adds_names(tmp_path):
    extra = tmp_path / "mine.ttl"
    extra.write_text("""
        @prefix kg: <https://w3id.org/kgstates/ontology#> .
        @prefix actor: <https://w3id.org/kgstates/actor/> .
        @prefix person: <https://w3id.org/kgstates/person/> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        actor:EST skos:altLabel "the Baltic republic of Estonia"@en .
        person:ana-test a kg:Person ; rdfs:label "Ana Testova"@en ; skos:hiddenLabel "Testova"@en ;
            kg:officialOf actor:LVA ; kg:role "Foreign Minister"@en .
    """, encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("Testova met her counterpart from the Baltic republic of Estonia on Monday.\n")
    plain = run("extract", text, "--format", "tsv")
    extended = run("extract", text, "--format", "tsv", "--gazetteer", extra)
    assert "LVA\tmeetsWith" not in plain.output and "EST\tmeetsWith\tLVA" not in plain.output
    assert "EST\tmeetsWith\tLVA" in extended.output


def test_broken_gazetteer_is_one_line(tmp_path, article):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <x#> .\nkg:a kg:b \n")
    result = run("extract", article, "--gazetteer", bad)
    assert result.exit_code == 1
    assert "bad.ttl: not a valid Turtle gazetteer" in result.output
    assert "Traceback" not in result.output


def test_append_replaces_a_documents_changed_metadata(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Title: First\nDate: 2024-01-01\n\nSpain backed Portugal.\n")
    out = tmp_path / "g.ttl"
    assert run("build", doc, "-o", out, "-q").exit_code == 0
    doc.write_text("Title: Second\nDate: 2024-02-02\n\nSpain backed Portugal.\n")
    assert run("build", doc, "-o", out, "-q", "--append").exit_code == 0
    g = rdflib.Graph().parse(out)
    titles = {str(o) for o in g.objects(None, rdflib.URIRef("http://purl.org/dc/terms/title"))}
    assert titles == {"Second"}
    assert run("validate", out).exit_code == 0


def test_output_equal_to_an_input_is_refused(article):
    before = article.read_bytes()
    result = run("extract", article, "-o", article)
    assert result.exit_code == 2 and "is also an input" in result.output
    assert article.read_bytes() == before


def test_a_second_writer_is_refused_while_the_first_holds_the_graph(article, tmp_path):
    from kg.fileio import output_lock

    out = tmp_path / "g.ttl"
    assert run("build", article, "-o", out, "-q").exit_code == 0
    before = out.read_bytes()
    with output_lock(out):
        result = run("build", article, "-o", out, "-q", "--append")
    assert result.exit_code == 1
    assert "another kg process is writing it" in result.output
    assert out.read_bytes() == before
    assert run("build", article, "-o", out, "-q", "--append").exit_code == 0
