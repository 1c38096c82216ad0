"""kg logs through :mod:`logging`: one logger a module under ``kg``, silent unless configured;
``kg -v`` shows INFO on stderr and ``-vv`` DEBUG."""

from __future__ import annotations

import inspect
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "entente-1914.ttl"
ASK = "ASK { actor:FRA kg:alliedWith actor:GBR }"


def invoke(*args: str):
    from kg.cli import cli

    kwargs = {"mix_stderr": False} if "mix_stderr" in inspect.signature(CliRunner).parameters else {}
    return CliRunner(**kwargs).invoke(cli, list(args))


@pytest.mark.slow
def test_the_kg_logger_is_silent_by_default():
    """A library user who configures nothing sees nothing, warnings included (no lastResort handler)."""
    code = ("import kg, pathlib, sys, tempfile\n"
            "d = pathlib.Path(tempfile.mkdtemp())\n"
            "(d / 'a.txt').write_bytes(b'Chile and Peru met in Lima.\\xff\\n')  # broken UTF-8: a warning\n"
            "kg.build([str(d / 'a.txt')])\n"
            "kg.query(sys.argv[1], 'ASK {}')\n")
    out = subprocess.run([sys.executable, "-c", code, str(FIXTURE)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""


def test_library_logs_files_counts_and_engine(tmp_path, caplog):
    import kg

    article = tmp_path / "a.txt"
    article.write_text("North Korea has supplied Russia with artillery shells.\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="kg"):
        graph = kg.build([str(article)])
        kg.query(graph, ASK)
    messages = [(r.name, r.getMessage()) for r in caplog.records]
    assert ("kg.readers", f"reading {article}") in messages
    assert any(name == "kg.gazetteer" and msg.startswith("gazetteer: ") for name, msg in messages)
    assert ("kg.api", f"built a graph of {len(graph)} triples from 1 documents") in messages
    assert ("kg.query.engines", "query on Graph with the rdflib engine") in messages
    assert all(name == "kg" or name.startswith("kg.") for name, _ in messages)


def test_every_logger_is_its_modules():
    """A module's logger is named after the module (``kg.readers``), never another name of kg's."""
    import re

    loggers = 0
    for path in sorted((ROOT / "kg").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"(?m)^(\w+) = logging\.getLogger\(([^)]*)\)", text):
            loggers += 1
            assert m.group(2) == "__name__", f"{path.relative_to(ROOT)}: {m.group(0)}"
        for m in re.finditer(r"getLogger\([\"']kg\b[^)]*\)", text):  # only the CLI configures kg's logger
            assert path.name == "cli_common.py", f"{path.relative_to(ROOT)}: {m.group(0)}"
    assert loggers >= 5


def test_cli_is_quiet_without_verbose():
    result = invoke("query", str(FIXTURE), ASK)
    assert result.exit_code == 0 and result.stdout == "true\n"
    assert result.stderr == ""


def test_cli_verbose_shows_info_on_stderr():
    result = invoke("-v", "query", str(FIXTURE), ASK)
    assert result.exit_code == 0 and result.stdout == "true\n"  # stdout stays the answer alone
    lines = result.stderr.splitlines()
    assert f"kg: info: kg.query.engines: query on {FIXTURE} with the oxigraph engine (timeout 60 s)" in lines
    assert "kg: info: kg.query.engines: answer: True" in lines
    assert not any(line.startswith("kg: debug:") for line in lines)


def test_cli_twice_verbose_shows_debug():
    result = invoke("-vv", "query", str(FIXTURE), "SELECT ?x ?state WHERE { ?x kg:alliedWith ?state }",
                    "--param", "state=France")
    assert result.exit_code == 0, result.stderr
    assert any(line.startswith("kg: debug: kg.query.engines: bindings: {'state': <NamedNode value="
                               "https://w3id.org/kgstates/actor/FRA>}") for line in result.stderr.splitlines())


def test_verbosity_does_not_outlive_its_run():
    assert invoke("-v", "query", str(FIXTURE), ASK).stderr
    assert invoke("query", str(FIXTURE), ASK).stderr == ""
    handlers = logging.getLogger("kg").handlers
    assert [type(h).__name__ for h in handlers] == ["NullHandler"]


@pytest.mark.parametrize("flag", ["-v", "--verbose"])
def test_verbose_is_in_the_help(flag):
    assert flag in invoke("--help").stdout


def test_cache_logs_its_builds_and_hits(tmp_path, monkeypatch, caplog):
    from kg.cache import cached

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    with caplog.at_level(logging.DEBUG, logger="kg.cache"):
        assert cached("numbers", [b"source"], lambda: 42, int) == 42
        assert cached("numbers", [b"source"], lambda: 0, int) == 42  # from the cache: not built again
    levels = [(r.levelname, r.getMessage().split(" (")[0].split(":")[0]) for r in caplog.records]
    assert levels == [("INFO", "numbers not in the cache"), ("DEBUG", "numbers from the cache")]
