"""The lexicon knows the everyday words of reporting (tests/data/vocabulary.tsv): each plain sentence gives its
relation, and a sentence marked "-" gives none. A word missing from the lexicon fails here by name."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.predicates import SYMMETRIC_PREDICATES

from test_extract import triples

ROOT = Path(__file__).resolve().parent
ROWS = [r for r in csv.DictReader((ln for ln in (ROOT / "data" / "vocabulary.tsv").read_text(encoding="utf-8")
                                   .splitlines() if not ln.startswith("#")), delimiter="\t")]


@pytest.mark.parametrize("row", ROWS, ids=[r["sentence"][:40] for r in ROWS])
def test_word_is_known(row, gazetteer):
    found = triples(row["sentence"], gazetteer)
    if row["expected"] == "-":
        assert not found, f"{row['sentence']!r} gave {sorted(found)}"
    else:
        want = tuple(row["expected"].split("|"))
        assert want in found or (want[2], want[1], want[0]) in found and want[1] in SYMMETRIC_PREDICATES, \
            f"{row['sentence']!r} gave {sorted(found)}, not {want}"


def test_the_file_is_balanced():
    relations = {r["expected"].split("|")[1] for r in ROWS if r["expected"] != "-"}
    assert len(relations) >= 10 and any(r["expected"] == "-" for r in ROWS)
