"""Every construction rule of kg/extract/data/rules.toml fires on its own examples and not on its near misses.

The examples live beside each rule (ESLint's RuleTester in spirit); this test runs them through the real
parser and kg's real mention finder, and checks which rule produced what.
"""

from __future__ import annotations

import pytest

from kg.extract import find_places, index_for, parse_candidates
from kg.extract.discourse import Discourse
from kg.extract.engine import load_engine
from kg.extract.frames import lowercase
from kg.extract.mentions import DocumentMentions
from kg.gazetteer import load_gazetteer
from kg.predicates import RELATION_PREDICATES, SYMMETRIC_PREDICATES
from kg.text import tokenize

ENGINE = load_engine()
RULES = {r.id: r for r in ENGINE.rules}


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def _hits(text, gazetteer):
    tokens = tokenize(text)
    spans = DocumentMentions(index_for(gazetteer)).find(tokens)
    spans = Discourse(gazetteer).resolve(tokens, spans, lowercase(tokens))
    return parse_candidates(ENGINE, text, tokens, spans, places=find_places(tokens, spans),
                            forums=gazetteer.forums)


def _key(s, p, o):
    return (min(s, o), p, max(s, o)) if p in SYMMETRIC_PREDICATES else (s, p, o)


def test_every_rule_has_examples_and_near_misses():
    for rule in ENGINE.rules:
        assert len(rule.fires) >= 2, f"rule {rule.id} needs two or more sentences it fires on"
        assert len(rule.misses) >= 2, f"rule {rule.id} needs two or more near misses"
        assert all(len(t.split("|")) == 3 and t.split("|")[1] in RELATION_PREDICATES for _, t in rule.fires), rule.id


@pytest.mark.parametrize("rule_id,sentence,triple", [
    (r.id, s, t) for r in ENGINE.rules for s, t in r.fires])
def test_rule_fires(gazetteer, rule_id, sentence, triple):
    want = _key(*triple.split("|"))
    found = {(_key(c.subject, c.predicate, c.object), c.rule.split("/")[0]) for c in _hits(sentence, gazetteer)
             if not c.negated}
    assert (want, rule_id) in found, f"{rule_id} did not find {triple} in {sentence!r}: {sorted(found)}"


@pytest.mark.parametrize("rule_id,sentence", [(r.id, s) for r in ENGINE.rules for s in r.misses])
def test_rule_does_not_fire_on_near_miss(gazetteer, rule_id, sentence):
    wrong = [(c.subject, c.predicate, c.object) for c in _hits(sentence, gazetteer)
             if c.rule.split("/")[0] == rule_id and not c.negated]
    assert not wrong, f"{rule_id} fired on the near miss {sentence!r}: {wrong}"


@pytest.mark.parametrize("sentence,triple,negated,hedged", [
    ("Serbia did not condemn Russia.", ("SRB", "criticizes", "RUS"), True, False),
    ("Cuba denied sending troops to Russia.", ("CUB", "aids", "RUS"), True, False),
    ("Iran may have sold drones to Sudan.", ("IRN", "supplies", "SDN"), False, True),
    ("Egypt reportedly bought fighter jets from France.", ("FRA", "supplies", "EGY"), False, True),
])
def test_negation_and_hedges_are_read_off_the_parse(gazetteer, sentence, triple, negated, hedged):
    hits = [c for c in _hits(sentence, gazetteer) if (c.subject, c.predicate, c.object) == triple]
    assert hits, sentence
    assert hits[0].negated is negated and hits[0].hedged is hedged


@pytest.mark.parametrize("sentence", [
    "Poland urged Germany to send tanks to Ukraine.",
    "If Iran attacks Israel, the region will burn.",
    "Will China sanction Lithuania?",
    "Brazil plans to buy jets from Sweden.",
])
def test_unreal_relations_are_dropped(gazetteer, sentence):
    assert _hits(sentence, gazetteer) == []


@pytest.mark.parametrize("sentence", [
    "Ukraine said Iran supplied drones to Russia.",
    "Iran supplied drones to Russia, Ukraine said.",
    "According to Kyiv, Iran supplied drones to Russia.",
])
def test_reported_speech_names_the_speaker(gazetteer, sentence):
    found = {(c.subject, c.predicate, c.object): c.speaker for c in _hits(sentence, gazetteer)}
    assert found.get(("IRN", "supplies", "RUS")) == "UKR"


def test_a_participle_of_a_report_verb_is_not_reported_speech(gazetteer):
    found = {(c.subject, c.predicate, c.object): c.speaker
             for c in _hits("Chad cut its ties with Libya, accusing Tripoli of arming rebels.", gazetteer)}
    assert found.get(("TCD", "criticizes", "LBY")) is None


def test_the_lexicon_knows_no_actor():
    """Actors come from the gazetteer only: no lexicon lemma is a state's or organisation's name."""
    names = {n.text.lower() for n in load_gazetteer().names if n.kind in ("name", "alias", "official")}
    assert not {lemma for lemma, _ in ENGINE.entries} & names
