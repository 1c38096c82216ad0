"""docs/annotation-guide.md stays in step with kg.predicates, the ontology and the gazetteer.

The guide's predicate table must list exactly the relation predicates of ``kg.predicates`` in their
order, with the same directions and quad classes, and each must be declared in ``ontology/kg.ttl``
with that direction, quad class and PLOVER type; every actor id the guide writes must be in the
gazetteer, and its table of organizations and groups must be the gazetteer's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import OWL, RDF, RDFS

from kg import predicates
from kg.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "annotation-guide.md"
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
KG = Namespace("https://w3id.org/kgstates/ontology#")

#: all-caps words in code spans that are placeholders, not actor ids
PLACEHOLDERS = frozenset({"SUBJ", "OBJ"})
_CODE_SPAN = re.compile(r"`([^`\n]+)`")
_ACTOR_ID = re.compile(r"[A-Z][A-Z0-9]{1,5}")
_GOLD_TRIPLE = re.compile(r"\b([A-Z][A-Z0-9]{1,5})\|([A-Za-z]+)\|([A-Z][A-Z0-9]{1,5})\b")  # in gold rows


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def section(text: str, title: str) -> str:
    """The body of the ``## title`` section (up to the next ``## `` heading)."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"the guide has no '## {title}' section"
    return match.group(1)


def table_rows(body: str) -> list[list[str]]:
    """The body rows of the first Markdown table in ``body``, as lists of stripped cells."""
    lines = [line.strip() for line in body.splitlines() if line.strip().startswith("|")]
    assert len(lines) >= 3 and set(lines[1]) <= set("|-: "), "no Markdown table"
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def unquote(cell: str) -> str:
    return cell.strip("`")


def camel(words: str) -> str:
    first, *rest = words.split()
    return first + "".join(w.capitalize() for w in rest)


@pytest.fixture(scope="module")
def predicate_table(guide) -> list[dict[str, str]]:
    rows = table_rows(section(guide, "Predicates"))
    return [{"name": unquote(r[0]), "direction": r[1], "quad": r[2], "plover": r[-1]} for r in rows]


def test_table_lists_the_relation_predicates_in_order(predicate_table):
    assert tuple(row["name"] for row in predicate_table) == predicates.RELATION_PREDICATES


def test_table_directions_match_symmetric_set(predicate_table):
    assert {row["direction"] for row in predicate_table} == {"symmetric", "directed"}
    symmetric = {row["name"] for row in predicate_table if row["direction"] == "symmetric"}
    assert symmetric == predicates.SYMMETRIC_PREDICATES


def test_table_quad_classes_match(predicate_table):
    assert {row["name"]: camel(row["quad"]) for row in predicate_table} == dict(predicates.QUAD_CLASSES)


def test_ontology_declares_every_predicate_of_the_table(predicate_table):
    onto = Graph().parse(ONTOLOGY, format="turtle")
    for row in predicate_table:
        prop = KG[row["name"]]
        types = set(onto.objects(prop, RDF.type))
        assert OWL.ObjectProperty in types, row["name"]
        assert (OWL.SymmetricProperty in types) == (row["direction"] == "symmetric"), row["name"]
        quad = KG[camel(row["quad"])]
        assert onto.value(prop, KG.quadClass) == quad, row["name"]
        assert (prop, RDFS.subPropertyOf, quad) in onto, row["name"]
        plover = re.sub(r"\(.*?\)", "", row["plover"]).replace("/", " ").split()
        assert str(onto.value(prop, KG.ploverType)) in plover, row["name"]
        assert onto.value(prop, RDFS.label) is not None, row["name"]


def actor_ids(text: str) -> set[str]:
    """Every all-caps id in a code span (`PRK`, `UNSC`, `USA alliedWith PHL`) or a gold row's triple."""
    ids = {actor for m in _GOLD_TRIPLE.finditer(text) for actor in (m.group(1), m.group(3))} - PLACEHOLDERS
    for span in _CODE_SPAN.findall(text):
        for token in re.split(r"[\s|,;:()]+", span):
            if _ACTOR_ID.fullmatch(token) and token not in PLACEHOLDERS:
                ids.add(token)
    return ids


def test_actor_ids_named_by_the_guide_exist(guide):
    ids = actor_ids(guide)
    assert {"PRK", "USA", "TWN", "PSE", "XKX", "VAT", "UNSC", "WEST", "INTL"} <= ids  # the scan works
    gazetteer = load_gazetteer()
    assert sorted(i for i in ids if i not in gazetteer) == []


def test_organizations_and_groups_table_is_the_gazetteers(guide):
    rows = table_rows(section(guide, "Actors").split("### Organizations and groups", 1)[1])
    listed = {unquote(r[0]) for r in rows}
    gazetteer = load_gazetteer()
    assert listed == {a.id for a in gazetteer.actors.values() if a.kind != "state"}


def test_hard_cases_are_numbered_from_1_without_gaps(guide):
    body = section(guide, "Hard cases")
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", body, re.MULTILINE)]
    assert len(numbers) >= 25 and numbers == list(range(1, len(numbers) + 1))


def test_triples_in_the_guide_use_known_predicates(guide):
    known = set(predicates.RELATION_PREDICATES) | {"leaderOf", "memberOf", "officialOf"}
    for span in _CODE_SPAN.findall(guide):
        parts = re.split(r"[\s|]+", span.strip())
        if len(parts) == 3 and all(_ACTOR_ID.fullmatch(p) and p not in PLACEHOLDERS for p in parts[::2]):
            assert parts[1] in known, span
    for m in _GOLD_TRIPLE.finditer(guide):
        if m.group(1) not in PLACEHOLDERS:
            assert m.group(2) in set(predicates.RELATION_PREDICATES), m.group(0)
