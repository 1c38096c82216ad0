"""Compiled data (the gazetteer, the extraction lexicon) is cached on disk, keyed by kg's version and the
bytes of its sources (kg/cache.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import sys
from kg.gazetteer import load_gazetteer
from kg.extract.engine import load_engine
extra = sys.argv[1:]
engine = load_engine()
g = load_gazetteer(extra)
print(g.resolve("DPRK"), "rdflib" in sys.modules or "tomllib" in sys.modules, len(g.names), len(engine.rules))
for name in extra:
    print(",".join(g.lookup("Freedonia")) or "-")
"""

EXTRA = """@prefix kg: <https://w3id.org/kgstates/ontology#> .
@prefix actor: <https://w3id.org/kgstates/actor/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
actor:FRD a kg:State ; rdfs:label "{label}"@en ; skos:prefLabel "{label}"@en ; kg:iso3 "FRD" .
"""


def _probe(cache: Path, *extra: str) -> list[str]:
    env = {**os.environ, "KG_CACHE_DIR": str(cache)}
    proc = subprocess.run([sys.executable, "-c", PROBE, *extra], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split("\n")


def test_a_second_start_reads_the_cache_without_rdflib(tmp_path):
    first = _probe(tmp_path)[0].split()
    assert first[:2] == ["PRK", "True"]  # built from Turtle with rdflib, then cached
    assert len(list(tmp_path.glob("gazetteer-*.pickle"))) == len(list(tmp_path.glob("engine-*.pickle"))) == 1
    second = _probe(tmp_path)[0].split()
    assert second == ["PRK", "False", first[2], first[3]]  # same names and rules; no rdflib, no TOML parser


def test_the_ontology_facts_are_cached_too(tmp_path):
    """kg analyze needs the relations' weights and polarities of kg.ttl: from the cache, without rdflib."""
    probe = ("import sys; from kg.onto import predicate_info; i = predicate_info()['sanctions']; "
             "print(i.quad_class, i.polarity, i.weight, len(predicate_info()), 'rdflib' in sys.modules)")
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120)
            for _ in range(2)]
    assert [r.stdout.split() for r in runs] == [["materialConflict", "-1", "-8.0", "16", "True"],
                                                ["materialConflict", "-1", "-8.0", "16", "False"]]
    assert len(list(tmp_path.glob("ontology-*.pickle"))) == 1


@pytest.mark.slow
def test_an_edited_gazetteer_file_is_read_again(tmp_path):
    extra = tmp_path / "extra.ttl"
    extra.write_text(EXTRA.replace("{label}", "Freedonia"), encoding="utf-8")
    assert _probe(tmp_path / "cache", str(extra))[1] == "FRD"
    extra.write_text(EXTRA.replace("{label}", "Sylvania"), encoding="utf-8")
    out = _probe(tmp_path / "cache", str(extra))
    assert out[1] != "FRD"  # read again: the old name is gone
    assert len(list((tmp_path / "cache").glob("gazetteer-*.pickle"))) == 2


@pytest.mark.slow
def test_a_damaged_cache_is_rebuilt(tmp_path):
    _probe(tmp_path)
    (cached,) = tmp_path.glob("gazetteer-*.pickle")
    cached.write_bytes(cached.read_bytes()[:100])
    assert _probe(tmp_path)[0].split()[:2] == ["PRK", "True"]
    assert _probe(tmp_path)[0].split()[:2] == ["PRK", "False"]


@pytest.mark.slow
def test_concurrent_first_runs_all_succeed_and_leave_one_whole_file(tmp_path):
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path)}
    procs = [subprocess.Popen([sys.executable, "-c", PROBE], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env) for _ in range(4)]
    outs = [p.communicate(timeout=180) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs]
    assert {o.split()[0] for o, _ in outs} == {"PRK"}
    names = sorted(p.name for p in tmp_path.iterdir())
    assert all(n.endswith(".pickle") for n in names), names  # no temporary file left behind
    kinds = [n.rsplit("-", 1)[0] for n in names]  # one file per cached thing, however many runs raced
    assert len(kinds) == len(set(kinds)) and {"engine", "gazetteer"} <= set(kinds), names
    assert _probe(tmp_path)[0].split()[1] == "False"


def test_an_unwritable_cache_directory_costs_only_the_parse(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory would be", encoding="utf-8")
    assert _probe(blocker)[0].split()[:2] == ["PRK", "True"]
