"""The library API of ``import kg``: the README's "Library" section runs as a doctest, the names
are lazy, and ``kg.query`` / ``kg.draw`` are both a function and a module."""

from __future__ import annotations

import doctest
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "entente-1914.ttl"


def readme_library() -> str:
    """The doctest of the README's "Library" section: its first ```python block."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Library\n", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)


def test_readme_library_section_is_five_lines():
    assert len([line for line in readme_library().splitlines() if line.startswith(">>> ")]) == 5


@pytest.mark.slow
def test_readme_library_section_runs(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    test = doctest.DocTestParser().get_doctest(readme_library(), {}, "README.md: Library", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    out: list[str] = []
    runner.run(test, out=out.append)
    assert runner.summarize(verbose=False).failed == 0, "".join(out)
    assert (tmp_path / "examples.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_import_kg_loads_no_library():
    code = ("import sys, kg; kg.__version__; "
            "print(sorted(m for m in sys.modules if m.startswith('kg') or m in ('rdflib', 'click', 'networkx')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.strip() == "['kg']"


def test_names_are_the_api_functions():
    from kg import api

    for name in ("build", "to_networkx", "read", "write", "load", "relations"):
        assert getattr(kg, name) is getattr(api, name)
    with pytest.raises(AttributeError):
        kg.no_such_function  # noqa: B018


def test_query_is_a_function_and_the_module(tmp_path):
    import kg.query  # binding the submodule must not hide the function

    import kg.query as module_view

    result = kg.query(FIXTURE, "ASK { actor:FRA kg:alliedWith actor:GBR }")
    assert result.kind == "ask" and bool(result)
    assert kg.query.run_query is sys.modules["kg.query"].run_query
    assert module_view.QueryResult is type(result)
    assert "saved" in str(__import__("inspect").signature(kg.query))
    assert kg.query.__doc__ == kg.api.query.__doc__


def test_setting_a_module_attribute_through_the_function(monkeypatch):
    module = sys.modules.get("kg.query") or __import__("importlib").import_module("kg.query")
    monkeypatch.setattr(kg.query, "MAX_ROWS", 5)
    assert module.MAX_ROWS == 5


def test_build_read_write_round_trip(tmp_path):
    g = kg.build([str(ROOT / "examples" / "aukus.txt")])
    out = kg.write(g, tmp_path / "aukus.nt")
    again = kg.read(out)
    from rdflib.compare import isomorphic

    assert isomorphic(g, again)
    assert ("AUS", "alliedWith", "GBR") in {(r.subject, r.predicate, r.object) for r in kg.relations(again)}
    assert {(r.subject, r.predicate, r.object) for r in kg.extract(ROOT / "examples" / "aukus.txt")} \
        == {(r.subject, r.predicate, r.object) for r in kg.relations(g) if not r.negated}


def test_query_wants_one_query():
    from kg.query import ParamError

    with pytest.raises(ParamError):
        kg.query(FIXTURE)
    with pytest.raises(ParamError):
        kg.query(FIXTURE, "ASK {}", saved="allies-of")


def test_build_of_a_missing_file_names_it(tmp_path):
    from kg.errors import InputError

    with pytest.raises(InputError, match="nothere.txt"):
        kg.build([str(tmp_path / "nothere.txt")])
