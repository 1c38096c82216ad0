"""Quality floors on the sets written for kg's tests: tests/data/heldout_* (80 sentences and 4 documents)
and the sealed set of tests/data/sealed/ (120 sentences, 3 documents).

heldout_* is no longer unseen: earlier rules were written with its sentences in view (issue 11), so
it is a regression floor only. The sealed set was written before the parse-based rules and is only
scored (tests/test_sealed.py fails when code, rules or lexicons quote it); its floors sit a little
below the figures measured when it was first scored (P 0.862, R 0.512).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import evaluate_file
from kg.extract import extract

DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize("name, precision, recall", [
    ("heldout_sentences.tsv", 0.90, 0.60),
    ("heldout_docs.tsv", 0.78, 0.50),
    ("sealed/sentences.tsv", 0.82, 0.48),
])
def test_heldout_floors(gazetteer, name, precision, recall):
    scores = evaluate_file(DATA / name, lambda doc: extract(doc, gazetteer))
    assert scores.precision >= precision, scores.precision
    assert scores.recall >= recall, scores.recall
