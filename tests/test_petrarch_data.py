"""The PETRARCH2 agent and leader tables (kg/extract/data/agents.tsv, leaders.tsv) and
tools/make_petrarch_data.py.

The shipped tables must be what the converter makes of ../shared/lexicons, row for row; small
dictionaries written here pin down how the converter reads the formats, whatever the shared folder holds.
"""

from __future__ import annotations

import csv
import datetime
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "make_petrarch_data.py"
DATA = ROOT / "kg" / "extract" / "data"
AGENTS = DATA / "agents.tsv"
LEADERS = DATA / "leaders.tsv"
LICENSE = DATA / "LICENSE-petrarch2.txt"
LEXICONS = ROOT.parent / "shared" / "lexicons"
AGENT_COLUMNS = ["noun", "sector", "acts_for_state", "source"]
LEADER_COLUMNS = ["name", "actor", "role", "start", "end", "source"]

needs_lexicons = pytest.mark.skipif(
    not (LEXICONS / "petrarch2" / "Phoenix.agents.txt").is_file()
    or not (LEXICONS / "petrarch2" / "Phoenix.Countries.actors.txt").is_file(),
    reason=f"the PETRARCH2 lexicons folder {LEXICONS} is not present (it lives beside the repository)",
)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        rows = [dict(zip(header, cells, strict=True)) for cells in reader]
    return header, rows


@pytest.fixture(scope="module")
def agents() -> list[dict[str, str]]:
    header, rows = read_rows(AGENTS)
    assert header == AGENT_COLUMNS
    return rows


@pytest.fixture(scope="module")
def leaders() -> list[dict[str, str]]:
    header, rows = read_rows(LEADERS)
    assert header == LEADER_COLUMNS
    return rows


# -- the shipped tables are a fresh conversion -------------------------------------------------------


@needs_lexicons
def test_conversion_is_byte_identical_to_the_shipped_files(tmp_path):
    result = run("--output-dir", str(tmp_path), "--stats")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / AGENTS.name).read_bytes() == AGENTS.read_bytes()
    assert (tmp_path / LEADERS.name).read_bytes() == LEADERS.read_bytes()
    stats = dict(line.split("\t", 1) for line in result.stdout.splitlines() if line.count("\t") == 1)
    assert int(stats["agents"]) == len(read_rows(AGENTS)[1])
    assert int(stats["leaders"]) == len(read_rows(LEADERS)[1])
    assert "agents.skipped\t" in result.stdout and "abbreviation" in result.stdout  # skips by reason
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary files were renamed


@needs_lexicons
@pytest.mark.slow
def test_check_passes_on_the_shipped_files_and_fails_on_a_changed_copy(tmp_path):
    assert run("--check").returncode == 0
    for path in (AGENTS, LEADERS, LICENSE):
        shutil.copyfile(path, tmp_path / path.name)
    assert run("--check", "--output-dir", str(tmp_path)).returncode == 0
    (tmp_path / AGENTS.name).write_bytes(AGENTS.read_bytes().replace(b"\tREB\t0\t", b"\tREB\t1\t", 1))
    result = run("--check", "--output-dir", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and AGENTS.name in result.stderr and "Traceback" not in result.stderr


def test_usage_error_exits_2():
    result = run("--no-such-option")
    assert result.returncode == 2


# -- the tables' shape ---------------------------------------------------------------------------------


def test_agent_rows_are_well_formed_sorted_and_unique(agents):
    assert len(agents) > 1500
    for row in agents:
        assert re.fullmatch(r"[a-z][a-z' ,-]*[a-z']", row["noun"]), row
        assert "  " not in row["noun"] and "_" not in row["noun"], row
        assert re.fullmatch(r"[A-Z]{3}", row["sector"]), row
        assert row["acts_for_state"] in {"0", "1"}, row
        assert re.fullmatch(r"Phoenix\.agents\.txt:\d+", row["source"]), row
        if row["sector"] not in {"GOV", "MIL", "COP", "JUD", "SPY", "LEG"}:
            assert row["acts_for_state"] == "0", row
    nouns = [r["noun"] for r in agents]
    assert nouns == sorted(nouns) and len(nouns) == len(set(nouns))


def test_leader_rows_are_well_formed_sorted_and_unique(leaders):
    assert len(leaders) > 10000
    for row in leaders:
        assert row["name"] and row["name"] == row["name"].strip() and "_" not in row["name"], row
        assert row["role"] in {"GOV", "MIL", "COP", "JUD", "SPY", "LEG"}, row
        assert re.fullmatch(r"Phoenix\.Countries\.actors\.txt:\d+", row["source"]), row
    cells = [[r[c] for c in LEADER_COLUMNS] for r in leaders]
    assert cells == sorted(cells)
    keys = [tuple(c[:5]) for c in cells]
    assert len(keys) == len(set(keys))


def test_every_leader_actor_is_a_gazetteer_state(leaders):
    gazetteer = load_gazetteer()
    actors = {r["actor"] for r in leaders}
    assert len(actors) > 150
    for actor in actors:
        assert actor in gazetteer.actors, actor
        assert gazetteer.actors[actor].kind == "state", actor


def test_leader_dates_are_valid_and_ordered(leaders):
    for row in leaders:
        assert row["start"] or row["end"], row  # a term, open at one end at most
        dates = [datetime.date.fromisoformat(row[c]) for c in ("start", "end") if row[c]]
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[c]) for c in ("start", "end") if row[c]), row
        assert dates == sorted(dates), row


# -- known facts ---------------------------------------------------------------------------------------


def test_known_leaders_are_present(leaders):
    present = {(r["name"], r["actor"], r["role"], r["start"][:4]) for r in leaders}
    expected = {
        ("Barack Obama", "USA", "GOV", "2009"),  # [USAGOV >090120]
        ("President Barack Obama", "USA", "GOV", "2009"),  # an alias of the same record
        ("Vladimir Putin", "RUS", "GOV", "2008"),
        ("Angela Merkel", "DEU", "GOV", "2005"),
        ("Xi Jinping", "CHN", "GOV", "2012"),
    }
    assert expected <= present, sorted(expected - present)
    kosovo = [r for r in leaders if r["actor"] == "XKX"]  # the file's KSV, mapped by the block's name
    assert kosovo


def test_elites_and_opposition_are_not_leaders(leaders):
    # Obama's [USAELI 780101-000101] (before office) gives no row
    obama = [r for r in leaders if r["name"] == "Barack Obama"]
    assert [(r["start"], r["end"]) for r in obama] == [("2009-01-20", "")]
    assert not any(r["name"].endswith(" Administration") for r in leaders)


def test_known_agents_are_present(agents):
    by_noun = {r["noun"]: (r["sector"], r["acts_for_state"]) for r in agents}
    assert by_noun["ambassador"] == ("GOV", "1")
    assert by_noun["foreign minister"] == ("GOV", "1")
    assert by_noun["ministry of defence"] == ("GOV", "1")  # !MINIST! OF_DEFENCE [~GOVMIL]
    assert by_noun["riot police"] == ("COP", "1")
    assert by_noun["air force"] == ("MIL", "1")
    assert by_noun["rebel"] == ("REB", "0")
    assert by_noun["insurgent"][1] == "0"
    assert by_noun["opposition leader"] == ("OPP", "0")
    assert by_noun["ruling party"] == ("GOV", "0")  # a party is not the government
    for gone in ("minister of defence ministers", "ministers", "gen.", "f/a-18", "men"):
        assert gone not in by_noun


# -- the converter on dictionaries written for this test ---------------------------------------------

SMALL_AGENTS = """\
# agents
!PERSON! = MAN, MEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY
AMBASSADOR [~GOV] # a comment
FOREIGN_!MINIST! [~GOVFRM]
SPOKES!PERSON!  [~MED]
REBEL_ARMY {} [~REB]
GEN. [~MIL]
ARMED_FORCES [~MIL]
AMBASSADOR_TO {} [~GOV]
HEALTH_MINIST [~GOV]
AD!MINIST!RATOR [~GOV]
HUMAN_RIGHTS_BODY  [NGO~]
NO_CODE_HERE
"""

SMALL_ACTORS = """\
# actors
UNITED_STATES_  [USA]
+FREEDONIA_
KOSOVO [KSV]
ATLANTIS_ [ATL]

RUFUS_T._FIREFLY_  # CountryInfo.txt
+PRESIDENT_FIREFLY_
\t[USAELI 19200101-19321231]
\t[USAGOV 330101-20011231]
\t[USAGOV >20020101]
\t[USAOPP 19100101-19191231]
\t[USAELI]
HASHIM_THACI_
\t[KSVGOV <20160407]
ATLANTEAN_KING_
\t[ATLGOV 19000101-19100101]
CHICOLINI_
\t[USAMIL 20100101-20090101]
"""


def small_lexicons(folder: Path, agents: str = SMALL_AGENTS, actors: str = SMALL_ACTORS) -> Path:
    (folder / "petrarch2").mkdir(parents=True)
    (folder / "petrarch2" / "Phoenix.agents.txt").write_text(agents, encoding="utf-8")
    (folder / "petrarch2" / "Phoenix.Countries.actors.txt").write_text(actors, encoding="utf-8")
    return folder


def test_small_dictionaries_convert_as_documented(tmp_path):
    lexicons = small_lexicons(tmp_path / "lex")
    out = tmp_path / "out"
    result = run("--lexicons", str(lexicons), "--output-dir", str(out), "--stats")
    assert result.returncode == 0, result.stderr
    assert (out / "agents.tsv").read_text(encoding="utf-8") == (
        "noun\tsector\tacts_for_state\tsource\n"
        "ambassador\tGOV\t1\tPhoenix.agents.txt:4\n"
        "foreign minister\tGOV\t1\tPhoenix.agents.txt:5\n"
        "foreign ministry\tGOV\t1\tPhoenix.agents.txt:5\n"
        "human rights body\tNGO\t0\tPhoenix.agents.txt:13\n"
        "rebel army\tREB\t0\tPhoenix.agents.txt:7\n"
        "spokesman\tMED\t0\tPhoenix.agents.txt:6\n"
        "spokesperson\tMED\t0\tPhoenix.agents.txt:6\n"
    )
    assert (out / "leaders.tsv").read_text(encoding="utf-8") == (
        "name\tactor\trole\tstart\tend\tsource\n"
        "Hashim Thaci\tXKX\tGOV\t\t2016-04-07\tPhoenix.Countries.actors.txt:14\n"
        "President Firefly\tUSA\tGOV\t1933-01-01\t2001-12-31\tPhoenix.Countries.actors.txt:8\n"
        "President Firefly\tUSA\tGOV\t2002-01-01\t\tPhoenix.Countries.actors.txt:8\n"
        "Rufus T. Firefly\tUSA\tGOV\t1933-01-01\t2001-12-31\tPhoenix.Countries.actors.txt:7\n"
        "Rufus T. Firefly\tUSA\tGOV\t2002-01-01\t\tPhoenix.Countries.actors.txt:7\n"
    )
    stats = result.stdout
    for reason in ("abbreviation", "plural form", "ends in a preposition", "truncated stem",
                   "substitution marker glued", "no code", "plural member of a substitution set"):
        assert re.search(rf"agents\.skipped\t\d+\t{re.escape(reason)}", stats), reason
    assert "leaders.skipped_code\tATL\t1 restrictions" in stats  # no gazetteer state named Atlantis
    assert "leaders.mapped_code\tKSV\tXKX" in stats
    assert "end before start" in stats and "role OPP does not act for the state" in stats


@pytest.mark.parametrize(
    ("agents", "actors", "where"),
    [
        ("AMBASSADOR [~GOV\n", SMALL_ACTORS, "Phoenix.agents.txt:1:"),
        ("FOREIGN_!MINST! [~GOV]\n", SMALL_ACTORS, "Phoenix.agents.txt:1:"),
        ("REBEL_ARMY {REBEL_ARMIES [~REB]\n", SMALL_ACTORS, "Phoenix.agents.txt:1:"),
        (SMALL_AGENTS, "\t[USAGOV 20010101-20020101]\nFREEDONIA_ [USA]\n", "Phoenix.Countries.actors.txt:1:"),
        (SMALL_AGENTS, "FREEDONIA_ [USA]\nGROUCHO_\n\t[USAGOV 20010101-20020101\n",
         "Phoenix.Countries.actors.txt:3:"),
    ],
)
def test_malformed_input_gives_one_line_naming_file_and_line(tmp_path, agents, actors, where):
    lexicons = small_lexicons(tmp_path / "lex", agents, actors)
    result = run("--lexicons", str(lexicons), "--output-dir", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert where in result.stderr
    assert not (tmp_path / "out").exists()  # nothing written


def test_missing_lexicons_folder_is_one_line(tmp_path):
    result = run("--lexicons", str(tmp_path / "nowhere"), "--output-dir", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "nowhere" in result.stderr


def test_the_licence_names_the_derived_files():
    first = LICENSE.read_text(encoding="utf-8").splitlines()[0]
    for name in ("cameo_triggers.tsv", "agents.tsv", "leaders.tsv", "openeventdata/petrarch2",
                 "tools/make_petrarch_data.py", "676801cd9cb2924bbbad09f86d15c9323e7097bf"):
        assert name in first


def test_dated_leaders_speak_for_their_state_only_in_office():
    """People of the PETRARCH2 leader table (data/leaders.tsv) the gazetteer lacks are found when the
    document's date falls in one of their terms (decision 25), and not otherwise."""
    from kg.extract import extract
    from kg.gazetteer import load_gazetteer
    from kg.model import Document

    gaz = load_gazetteer()
    text = "Mirek Topolanek criticized Vladimir Voronin on Monday."

    def found(date):
        return {r.key() for r in extract(Document("d", text, date=date), gaz)}

    assert found("2008-03-01") == {("CZE", "criticizes", "MDA")}  # both in office
    assert found("1995-03-01") == set()  # before either term
    assert found("2024-03-01") == set()  # open terms end with the table's vintage
    assert found(None) == set()  # no date: no dated leader


def test_a_dated_leader_named_again_by_surname_is_the_same_person():
    from kg.extract import extract
    from kg.gazetteer import load_gazetteer
    from kg.model import Document

    doc = Document("d", "Mirek Topolanek arrived in Chisinau. Topolanek criticized Moldova's government.",
                   date="2008-03-01")
    assert ("CZE", "criticizes", "MDA") in {r.key() for r in extract(doc, load_gazetteer())}
