"""kg.evaluate: gold files and the scoring rules of shared/relations.md."""

from __future__ import annotations

import pytest

from kg.errors import GoldError
from kg.evaluate import Counts, GoldItem, evaluate_file, format_scores, read_gold, score
from kg.model import Document, Relation


def _triples(text: str) -> frozenset:
    return frozenset(tuple(t.split("|")) for t in text.split(";") if t)


def _item(item_id: str, triples: str) -> GoldItem:
    return GoldItem(item_id, "test", f"text of {item_id}", _triples(triples))


# ---------------------------------------------------------------------------- scoring

@pytest.fixture()
def example():
    gold = [
        _item("i1", "CHL|tradesWith|ARG;CHL|supplies|ARG;NOR|memberOf|UN"),
        _item("i2", "CHL|criticizes|NOR;NOR|sanctions|CHL"),
        _item("i3", ""),
        _item("i4", "ARG|aids|NOR"),
    ]
    predicted = {
        "i1": {("ARG", "tradesWith", "CHL"), ("CHL", "supplies", "ARG"), ("ARG", "supplies", "CHL"),
               ("NOR", "memberOf", "UN")},
        "i2": {("CHL", "criticizes", "NOR"), ("CHL", "sanctions", "NOR")},
        "i3": {("ARG", "meetsWith", "NOR")},
        # i4: nothing predicted
        "not-gold": {("ARG", "attacks", "CHL")},  # ignored
    }
    return score(gold, predicted)


def test_micro_average_hand_computed(example):
    # TP: tradesWith (either direction), supplies CHL->ARG, criticizes = 3
    # FP: supplies ARG->CHL, sanctions CHL->NOR, meetsWith = 3;  FN: sanctions NOR->CHL, aids = 2
    assert (example.overall.tp, example.overall.fp, example.overall.fn) == (3, 3, 2)
    assert example.precision == pytest.approx(0.5)
    assert example.recall == pytest.approx(0.6)
    assert example.f1 == pytest.approx(2 * 0.5 * 0.6 / 1.1)
    assert example.items == 4


def test_per_predicate_counts(example):
    per = {p: (c.tp, c.fp, c.fn) for p, c in example.per_predicate.items()}
    assert per == {"tradesWith": (1, 0, 0), "supplies": (1, 1, 0), "criticizes": (1, 0, 0),
                   "sanctions": (0, 1, 1), "meetsWith": (0, 1, 0), "aids": (0, 0, 1)}
    # in the order of the vocabulary
    assert list(example.per_predicate) == ["meetsWith", "supplies", "aids", "tradesWith", "criticizes",
                                           "sanctions"]
    assert "memberOf" not in example.per_predicate


def test_errors_list(example):
    errors = {(e.item, e.triple, e.kind) for e in example.errors}
    assert errors == {
        ("i1", ("ARG", "supplies", "CHL"), "FP"),
        ("i2", ("CHL", "sanctions", "NOR"), "FP"),
        ("i2", ("NOR", "sanctions", "CHL"), "FN"),
        ("i3", ("ARG", "meetsWith", "NOR"), "FP"),
        ("i4", ("ARG", "aids", "NOR"), "FN"),
    }


def test_symmetric_match_either_direction_and_counts_once():
    gold = [_item("a", "NOR|tensionWith|CHL")]
    s = score(gold, {"a": [("CHL", "tensionWith", "NOR"), ("NOR", "tensionWith", "CHL")]})
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (1, 0, 0)
    directed = score([_item("a", "NOR|supports|CHL")], {"a": [("CHL", "supports", "NOR")]})
    assert (directed.overall.tp, directed.overall.fp, directed.overall.fn) == (0, 1, 1)


def test_one_triple_per_item_but_per_item():
    gold = [_item("a", "CHL|aids|NOR"), _item("b", "CHL|aids|NOR")]
    s = score(gold, {"a": [("CHL", "aids", "NOR"), ("CHL", "aids", "NOR")], "b": []})
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (1, 0, 1)


def test_structural_predicates_left_out():
    s = score([_item("a", "kim|leaderOf|PRK")], {"a": [("PRK", "memberOf", "UN")]})
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (0, 0, 0)
    assert s.per_predicate == {}


def test_empty_scores_are_zero():
    c = Counts()
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)


def test_format_scores_table():
    s = score([_item("a", "CHL|aids|NOR;CHL|attacks|ARG")], {"a": [("CHL", "aids", "NOR")]})
    assert format_scores(s) == (
        "predicate         tp    fp    fn      P      R     F1\n"
        "aids               1     0     0  1.000  1.000  1.000\n"
        "attacks            0     0     1  0.000  0.000  0.000\n"
        "overall            1     0     1  1.000  0.500  0.667"
    )
    assert format_scores(s, errors=True).endswith("\n\nFN  a  CHL|attacks|ARG")


def test_to_dict(example):
    d = example.to_dict()
    assert d["overall"] == {"tp": 3, "fp": 3, "fn": 2, "precision": 0.5, "recall": 0.6, "f1": 0.5455}
    assert d["per_predicate"]["supplies"]["fp"] == 1
    assert {"item": "i4", "triple": "ARG|aids|NOR", "kind": "FN"} in d["errors"]


# ---------------------------------------------------------------------------- gold files

SENTENCES = (
    "id\tsource\tsentence\trelations\n"
    "t-1\thttps://example.org/a\tChile sold copper to Norway.\tCHL|supplies|NOR\n"
    "t-2\tmy notes\tNorway and Chile held talks; Chile praised Norway.\tNOR|meetsWith|CHL ; CHL|supports|NOR\n"
    "t-3\tmy notes\tNothing happened \"here\".\t\n"
)


def test_read_sentence_gold(tmp_path):
    path = tmp_path / "gold.tsv"
    path.write_text(SENTENCES, encoding="utf-8")
    items = read_gold(path)
    assert [i.id for i in items] == ["t-1", "t-2", "t-3"]
    assert items[0] == GoldItem("t-1", "https://example.org/a", "Chile sold copper to Norway.",
                                frozenset({("CHL", "supplies", "NOR")}), None)
    assert items[1].triples == {("NOR", "meetsWith", "CHL"), ("CHL", "supports", "NOR")}
    assert items[2].text == 'Nothing happened "here".' and items[2].triples == frozenset()
    doc = items[0].document()
    assert isinstance(doc, Document) and doc.text == items[0].text and doc.url == "https://example.org/a"


def _fake_extractor(table):
    """An extract_fn that returns the relations listed for a text (by a key word it contains)."""
    def extract_fn(doc: Document):
        assert isinstance(doc, Document)
        for word, triples in table.items():
            if word in doc.text:
                for s, p, o, negated in triples:
                    yield Relation(doc.id, s, p, o, s, o, doc.text, 0, len(doc.text), negated=negated)
    return extract_fn


def test_evaluate_sentence_file(tmp_path):
    path = tmp_path / "gold.tsv"
    path.write_text(SENTENCES, encoding="utf-8")
    extract_fn = _fake_extractor({
        "copper": [("CHL", "supplies", "NOR", False)],
        "talks": [("CHL", "meetsWith", "NOR", False), ("NOR", "attacks", "CHL", True)],  # negated: ignored
        "Nothing": [("CHL", "attacks", "NOR", False)],
    })
    s = evaluate_file(path, extract_fn)
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (2, 1, 1)


def test_evaluate_document_file(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "one.txt").write_text("Chile shipped copper to Norway. Norway thanked Chile.\n")
    (tmp_path / "docs" / "two.txt").write_text("Argentina and Chile feuded.\n")
    path = tmp_path / "doc_gold.tsv"
    path.write_text("id\tsource\tdoc\trelations\n"
                    "d-1\tsomewhere\tdocs/one.txt\tCHL|supplies|NOR;NOR|supports|CHL\n"
                    "d-2\tsomewhere\tdocs/two.txt\tARG|tensionWith|CHL\n", encoding="utf-8")
    items = read_gold(path)
    assert items[0].doc == "docs/one.txt" and items[0].text.startswith("Chile shipped")
    extract_fn = _fake_extractor({"shipped": [("CHL", "supplies", "NOR", False)],
                                  "feuded": [("CHL", "tensionWith", "ARG", False)]})
    s = evaluate_file(path, extract_fn)
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (2, 0, 1)
    assert s.recall == pytest.approx(2 / 3)


@pytest.mark.parametrize("row, message", [
    ("x-1\tsrc\tA sentence.\tCHL|supplies\n", "gold.tsv:3: malformed triple 'CHL|supplies'"),
    ("x-1\tsrc\tA sentence.\tCHL|likes|NOR\n", "gold.tsv:3: unknown predicate 'likes'"),
    ("x-1\tsrc\tA sentence.\tCHL|supplies|NOR\textra\n", "gold.tsv:3: 5 columns, expected 4"),
    ("\tsrc\tA sentence.\tCHL|supplies|NOR\n", "gold.tsv:3: empty id"),
    ("x-1\tsrc\t\tCHL|supplies|NOR\n", "gold.tsv:3: empty sentence"),
    ("ok-1\tsrc\tAgain.\t\n", "gold.tsv:3: duplicate id 'ok-1'"),
    ("x-1\tsrc\tA sentence.\tC L|supplies|NOR\n", "gold.tsv:3: actor id with a space"),
])
def test_malformed_rows(tmp_path, row, message):
    path = tmp_path / "gold.tsv"
    path.write_text("id\tsource\tsentence\trelations\nok-1\tsrc\tFine.\t\n" + row, encoding="utf-8")
    with pytest.raises(GoldError) as err:
        read_gold(path)
    assert str(err.value).startswith(message)


def test_bad_header(tmp_path):
    path = tmp_path / "gold.tsv"
    path.write_text("id\tsource\ttext\trelations\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"^gold.tsv:1: bad header"):
        read_gold(path)


def test_missing_document(tmp_path):
    path = tmp_path / "gold.tsv"
    path.write_text("id\tsource\tdoc\trelations\nd-1\tsrc\tdocs/absent.txt\t\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"^gold.tsv:2: cannot read document 'docs/absent.txt'"):
        read_gold(path)


def test_missing_gold_file(tmp_path):
    with pytest.raises(GoldError, match="not found"):
        read_gold(tmp_path / "none.tsv")
