"""The learned reading of candidate pairs (kg/extract/learned.py): its parse paths, its candidates, how the
extractor adds a model's reading to the rules, and that what ships (weights, or no model) is what the training
script makes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract import _aligned, learned
from kg.extract.engine import load_engine
from kg.extract.mentions import DocumentMentions
from kg.extract.parse import parse_sentences
from kg.text import tokenize
from test_extract import triples

ROOT = Path(__file__).resolve().parents[1]


def _sentence(text, gazetteer):
    from kg.extract import index_for

    tokens = tokenize(text)
    spans = DocumentMentions(index_for(gazetteer), None).find(tokens)
    return _aligned(load_engine(), parse_sentences([text])[0], tokens, spans, gazetteer.forums)


def _token(sent, word):
    return next(t for t in sent.doc if t.text == word)


def test_paths_climb_to_the_common_head_and_name_prepositions(gazetteer):
    sent = _sentence("Russia supplied drones to Iran.", gazetteer)
    paths = learned._Paths(sent.doc)
    verb = _token(sent, "supplied")
    assert paths.between(verb.i, _token(sent, "Russia").i) == ("vnsubj", "vnsubj", "vnsubj")
    whole, first, last = paths.between(verb.i, _token(sent, "Iran").i)
    assert whole == "vprep:to/vpobj" and (first, last) == ("vprep:to", "vpobj")
    # from the object to the trigger: climbing, through no third word
    assert paths.between(_token(sent, "Iran").i, verb.i)[0] == "^pobj/^prep:to"
    assert paths.between(verb.i, verb.i)[0] == "self"


def test_candidates_pair_every_two_actors_with_each_relation_of_a_trigger(gazetteer):
    sent = _sentence("Russia supplied drones to Iran.", gazetteer)
    cands = learned.candidates(load_engine(), sent, frozenset())
    keys = {(c.subject.actor, c.predicate, c.object.actor) for c in cands}
    assert ("RUS", "supplies", "IRN") in keys and ("IRN", "supplies", "RUS") in keys
    one = next(c for c in cands if (c.subject.actor, c.predicate, c.object.actor) == ("RUS", "supplies", "IRN"))
    assert "sp=vnsubj|op=vprep:to/vpobj|rel=supplies" in one.features and "order=STO" in one.features
    # what the rules found is a feature, and with unread_only its pair is not a candidate at all
    found = frozenset({("RUS", "supplies", "IRN")})
    assert all("rules=pair" in c.features for c in learned.candidates(load_engine(), sent, found))
    assert learned.candidates(load_engine(), sent, found, unread_only=True) == []


def test_a_sentence_naming_one_actor_has_no_candidates(gazetteer):
    assert learned.candidates(load_engine(), _sentence("Russia supplied drones.", gazetteer), frozenset()) == []


@pytest.fixture
def eager_model(monkeypatch):
    """A model that keeps every candidate of a "joint" noun and nothing else (weights are data), to test how the
    extractor adds a model's reading, whatever model ships."""
    model = learned.PairModel({"bias": -5.0, "frame=joint|rel=cooperatesWith": 10.0}, 0.5)
    monkeypatch.setattr(learned, "load_model", lambda: model)
    return model


def test_a_model_reads_a_group_the_rules_leave(eager_model, gazetteer):
    """"the three countries' navies held a joint exercise": the rules read no pair of the three, a model may."""
    from kg.extract import extract_text

    text = ("Manila and Canberra said they would step up intelligence sharing with Tokyo, and the three "
            "countries' navies held a joint exercise.")
    rels = [r for r in extract_text(text, gazetteer) if not r.negated]
    learned_pairs = {frozenset((r.subject, r.object)) for r in rels if r.rule == "learned"}
    assert learned_pairs == {frozenset(("AUS", "JPN")), frozenset(("AUS", "PHL")), frozenset(("JPN", "PHL"))}
    assert all(r.confidence <= 0.7 for r in rels if r.rule == "learned")


@pytest.mark.parametrize("text, absent", [
    # a model never adds what a pair of the rules already says, nor a relation that is only planned
    ("Russia and Iran signed a pact on a joint drone factory.", {("IRN", "cooperatesWith", "RUS")}),
    ("Manila and Canberra may hold a joint exercise with Tokyo next year if talks go well.",
     {("AUS", "cooperatesWith", "JPN"), ("JPN", "cooperatesWith", "PHL")}),
])
def test_a_model_keeps_out(text, absent, eager_model, gazetteer):
    assert not absent & triples(text, gazetteer)


def test_the_shipped_model_is_data_with_a_threshold_or_none(gazetteer):
    """A shipped model is weights and a threshold; when the training script found none better than the rules,
    none ships and the extractor reads with the rules alone."""
    path = ROOT / "kg" / "extract" / "data" / learned.MODEL_FILE
    model = learned.load_model()
    if model is None:
        assert not path.exists()
        assert not any(t[1] == "learned" for t in _rules_of("Manila and Canberra said they would step up "
                                                            "intelligence sharing with Tokyo, and the three "
                                                            "countries' navies held a joint exercise.", gazetteer))
        return
    assert 0.0 < model.threshold < 1.0
    assert model.probability(("bias",)) < model.threshold  # a candidate with no evidence is not kept
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert set(raw) == {"about", "threshold", "weights"}


def _rules_of(text, gazetteer):
    from kg.extract import extract_text

    return [(r.key(), r.rule) for r in extract_text(text, gazetteer)]


@pytest.mark.slow
def test_the_shipped_weights_are_what_the_training_script_makes(tmp_path):
    """tools/train_pair_model.py, run on the repository's data, makes what ships: the same threshold and weights
    (to the last rounded digit, which another machine's arithmetic may move), or no model when no setting beats
    the rules alone in cross-validation."""
    pytest.importorskip("sklearn")
    out = tmp_path / "model.json"
    subprocess.run([sys.executable, str(ROOT / "tools" / "train_pair_model.py"), "--write", "--out", str(out)],
                   check=True, capture_output=True, cwd=ROOT, timeout=300)
    shipped_path = ROOT / "kg" / "extract" / "data" / learned.MODEL_FILE
    assert out.exists() == shipped_path.exists()
    if not out.exists():
        return
    made = json.loads(out.read_text(encoding="utf-8"))
    shipped = json.loads(shipped_path.read_text(encoding="utf-8"))
    assert made["threshold"] == shipped["threshold"]
    names = set(made["weights"]) | set(shipped["weights"])
    assert all(abs(made["weights"].get(n, 0.0) - shipped["weights"].get(n, 0.0)) <= 0.011 for n in names)
