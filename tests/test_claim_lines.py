"""``kg.rdf.claim_lines`` (the lines the build's workers write for a claim, from strings) gives the
lines ``kg.rdf.add_claim`` adds through rdflib terms, in the same order and byte for byte."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from kg.errors import GraphError
from kg.model import Relation
from kg.predicates import RELATION_PREDICATES
from kg.rdf import add_claim, claim_lines
from kg.rdf.lines import ntriples_line


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, triple) -> None:
        self.lines.append(ntriples_line(triple))


def _reference(rel: Relation) -> list[str]:
    sink = _Lines()
    add_claim(sink, rel)
    return sink.lines


TEXTS = ['a "quoted" word', "back\\slash", "two\nlines", "cr\r", "tab\t", "ünïcödé", "\u2028", "", " ", "grain"]
TIMES = [None, "", "2024", "2024-05", "2024-13", "2024-02-30", "0000-01-01", "2024-05-01", "1999-12-31T", "May"]


def _relations(n: int = 2000) -> list[Relation]:
    rnd = random.Random(16)
    base = Relation("d1", "PRK", "supplies", "RUS", "North Korea", "Russia", "S.", 0, 2)
    out = [base]
    for _ in range(n):
        pick = lambda: rnd.choice(TEXTS + TIMES)  # noqa: E731
        out.append(replace(
            base, doc=rnd.choice(["d1", "news/Kim Visits Moscow.txt", "ü x", "a" * 80]),
            subject=rnd.choice(["PRK", "RUS"]), object=rnd.choice(["CHN", "UKR"]),
            predicate=rnd.choice(sorted(RELATION_PREDICATES)), sentence=rnd.choice(TEXTS),
            start=rnd.choice([0, 5, 10**12]), end=rnd.choice([1, 7]), sentence_index=rnd.choice([0, 3]),
            hedged=rnd.choice([False, True, 0, 1]), negated=rnd.choice([False, True]),
            attributed_to=rnd.choice([None, "", "USA"]), item=pick(), quantity=pick(), time=pick(),
            time_value=pick(), trigger=pick(), rule=pick(),
            confidence=rnd.choice([0.5, 0.12345, -0.0, 0.0, 1, 0.9999, 1e-9, 3, 0.1 + 0.2, float("nan")])))
    return out


def test_claim_lines_are_add_claims_lines():
    for rel in _relations():
        assert claim_lines(rel) == _reference(rel), rel


def test_claim_lines_refuse_what_add_claim_refuses():
    rel = Relation("d1", "PRK", "no_such_predicate", "RUS", "North Korea", "Russia", "S.", 0, 2)
    with pytest.raises(GraphError):
        claim_lines(rel)
    bad = Relation("d1", "P K", "supplies", "RUS", "North Korea", "Russia", "S.", 0, 2)
    with pytest.raises(Exception) as expected:
        _reference(bad)
    with pytest.raises(type(expected.value)):
        claim_lines(bad)
