"""Property-based tests (hypothesis): the extractor never raises, its offsets point at its evidence,
it is deterministic, and graphs survive a write and a read in every format.

A longer run: KG_FUZZ_EXAMPLES=5000 python -m pytest tests/test_properties.py
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kg.extract import extract
from kg.model import Document
from kg.rdf import build_graph, read_graph, write_graph

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

WORDS = ["Russia", "China", "North Korea", "Kyiv", "the Kremlin", "NATO", "Iranian", "forces", "supplied",
         "condemned", "met", "with", "to", "from", "and", "the", "two", "countries", "not", "reportedly",
         "sanctions", "on", "alliance", "between", ",", ".", ";", "'s", "since", "2022", "May", "drones",
         "Erdogan", "who", "which", "said", "both", "each", "other", "in", "return", "receiving"]
newsy = st.lists(st.sampled_from(WORDS), min_size=0, max_size=60).map(" ".join)
anything = st.text(min_size=0, max_size=400)


@SETTINGS
@given(text=st.one_of(newsy, anything))
def test_extractor_never_raises_and_offsets_hold(gazetteer, text):
    doc = Document(id="fuzz", text=text)
    rels = extract(doc, gazetteer)
    for r in rels:
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start:r.end] == r.sentence
        assert 0.0 <= r.confidence <= 1.0
        assert r.subject != r.object
    assert rels == extract(doc, gazetteer)


@SETTINGS
@given(text=newsy, suffix=st.sampled_from([".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"]))
def test_build_write_read_is_isomorphic(gazetteer, tmp_path_factory, text, suffix):
    doc = Document(id="fuzz", text=text, date="2024-05-01")
    graph = build_graph(extract(doc, gazetteer), [doc], gazetteer)
    path = tmp_path_factory.mktemp("g") / f"g{suffix}"
    write_graph(graph, path)
    assert isomorphic(graph, read_graph(path))
