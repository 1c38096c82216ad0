#!/usr/bin/env python3
"""Convert two PETRARCH2 dictionaries into kg's agent and leader tables.

Reads, from the lexicons folder (default ``../shared/lexicons`` beside the repository; formats in
``petrarch2/dictionaries.rst``):

* ``petrarch2/Phoenix.agents.txt`` -> ``kg/extract/data/agents.tsv``, columns
  ``noun sector acts_for_state source``: one row per agent noun (``minister``, ``riot police``,
  ``rebel``), its Phoenix sector (the first three letters of the code: ``~GOVMED`` -> ``GOV``), ``1``
  when the sector acts for a state's government (``STATE_SECTORS``) and ``0`` otherwise (rebels,
  opposition, business, media, civilians: decision 24 of ``relations.md``), and the source line;
* ``petrarch2/Phoenix.Countries.actors.txt`` -> ``kg/extract/data/leaders.tsv``, columns
  ``name actor role start end source``: one row per name (the record's primary phrase and each of
  its ``+`` aliases) and dated code restriction whose role acts for the state, with the actor as an
  ISO 3166 alpha-3 code of ``ontology/states.ttl`` and ISO dates (empty when open).

How the agents are read: ``!MARKER!`` substitution sets expand as in PETRARCH2; the ``{plural}``
part is dropped (only the singular is kept); underscores and blanks become one space, the trailing
``_`` stop marker is dropped, the phrase is lower-cased. An entry that is not a plain singular noun
or noun phrase is skipped and counted by reason (``--stats``): abbreviations, designations with
digits or ``/``, parenthesised qualifiers, truncated stems (``STEMS``), phrases ending in a
preposition, plural forms (the head noun, the word before the first preposition, is a plural),
non-English or mis-encoded text, a marker glued to a following word, entries without a code. A noun
listed twice keeps its first entry. ``NOT_STATE_AGENTS`` lists the few nouns of a state sector that
do not act for the state (``ruling party``, ``prisoner of war``).

How the leaders are read: a record is a primary phrase, its ``+`` synonyms and its tab-indented
``[CODE date-date]``, ``[CODE >date]`` or ``[CODE <date]`` restrictions; undated codes are not
roles with a term and are dropped. ``YYMMDD`` years 00-30 are 20YY, others 19YY, as in PETRARCH2.
A code is the CAMEO country (three letters) followed by the sector; the role is the sector's first
three letters and must be in ``STATE_ROLES``. A country code maps to the state whose names in
``states.ttl`` match the names of the code's own country block (``KOSOVO [KSV]`` -> ``XKX``); codes
with no block or no matching state are reported and skipped. Names that name a body
(``INSTITUTION_WORDS``: "Bush Administration") or say "former" are skipped; the name is title-cased
with English function words in lower case ("Secretary of State Colin Powell").

Usage: ``python tools/make_petrarch_data.py [--lexicons DIR] [--output-dir DIR] [--stats] [--check]``.
Exit codes: 0 success; 1 a missing or malformed input, an output that cannot be written, or with
``--check`` a shipped file that differs from a fresh conversion; 2 a usage error. Errors are one line
on stderr naming the file (and line). Standard library only; the output is deterministic.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_cameo_lexicon import ConversionError, check_or_write, read_text  # noqa: E402  (the same file handling)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LEXICONS = ROOT.parent / "shared" / "lexicons"
DEFAULT_OUTPUT_DIR = ROOT / "kg" / "extract" / "data"
STATES_TTL = ROOT / "ontology" / "states.ttl"
AGENTS_FILE = "petrarch2/Phoenix.agents.txt"
ACTORS_FILE = "petrarch2/Phoenix.Countries.actors.txt"
AGENTS_NAME = "agents.tsv"
LEADERS_NAME = "leaders.tsv"
LICENSE_NAME = "LICENSE-petrarch2.txt"

AGENT_COLUMNS = ("noun", "sector", "acts_for_state", "source")
LEADER_COLUMNS = ("name", "actor", "role", "start", "end", "source")

# ---------------------------------------------------------------------------------------------
# Knowledge: word lists the conversion needs. Each entry says why it is there.
# ---------------------------------------------------------------------------------------------

#: Phoenix sectors whose agents act for a state's government (relations.md: agencies, officials,
#: forces and speakers of the state); every other sector gives acts_for_state 0
STATE_SECTORS = {
    "GOV": "government: officials, ministries, state-run bodies",
    "MIL": "military",
    "COP": "police",
    "JUD": "judiciary",
    "SPY": "intelligence services",
    "LEG": "legislature",
}

#: roles of dated leader entries kept in leaders.tsv: the same sectors
STATE_ROLES = STATE_SECTORS

#: CAMEO sectors that do not act for the state (CAMEO manual, and the codes of Phoenix.agents.txt);
#: any other three letters after a country code name a territory or a constituent republic
OTHER_SECTORS = {
    "AGR", "BUD", "BUS", "CHR", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HIN", "HLH", "HRI", "IGO",
    "IMG", "INS", "JEW", "LAB", "MED", "MOD", "MUS", "NGM", "NGO", "OPP", "PPL", "PTY", "RAD", "REB",
    "REF", "REL", "SEP", "UAF", "UNR",
}

#: words that end an agent phrase without a noun: PETRARCH2 matches the next word, kg cannot
PREPOSITIONS = {"at", "by", "for", "from", "in", "of", "on", "to", "with", "along", "against", "d'"}

#: agent words that are truncated stems or misspellings matched as prefixes, not English nouns
STEMS = {
    "authorit": "stem of authority",
    "cof": "fragment of the abbreviation C_IN_COF",
    "compan": "stem of company",
    "ent": "fragment (ENT_AFFAIRS_MINIST)",
    "industr": "stem of industry",
    "minist": "stem of minister and ministry",
}

#: agents whose sector acts for the state but which do not themselves (noun -> reason)
NOT_STATE_AGENTS = {
    "governing party": "a party, not the government, even when it rules",
    "majority party": "a party, not the government",
    "ruling party": "a party, not the government, even when it rules",
    "sole political party": "a party, not the government",
    "prisoner of war": "a captive does not act for its state",
}

#: agent phrases that are not English
NOT_ENGLISH = {"fuerzas", "especiales"}

#: words ending in -s that are singular (or the same in both numbers)
SINGULAR_S = {
    "affaires", "barracks", "emeritus", "headquarters", "news", "series", "species", "status",
    "alias", "bus", "campus", "corps", "census", "consensus", "press", "arms", "lens", "d'affaires",
}

#: head nouns that end a phrase whatever prepositions come before ("tribes people minister")
FINAL_HEADS = {"minister", "ministry"}

#: plurals that do not end in -s
IRREGULAR_PLURALS = {"people", "children"}

#: words ending in -men that are singular (other -men words are plurals of -man: policemen)
SINGULAR_MEN = {"abdomen", "omen", "regimen", "specimen", "stamen"}


#: last words of leader-file names that name a body, not a person ("Bush Administration")
INSTITUTION_WORDS = {
    "administration", "army", "authority", "cabinet", "committee", "council", "forces",
    "front", "government", "junta", "ministry", "movement", "party", "regime",
}

#: English function words kept in lower case inside a title-cased name ("Secretary of State")
LOWER_WORDS = {"and", "for", "in", "of", "on", "the", "to"}


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def is_plural(word: str) -> bool:
    word = word.strip(",")
    if word in IRREGULAR_PLURALS or (word.endswith("men") and word not in SINGULAR_MEN):
        return True
    if word in SINGULAR_S or not word.endswith("s"):
        return False
    return not word.endswith(("ss", "us", "is", "ics"))


def head_word(words: list[str]) -> str:
    """The head noun of a phrase: the word before the first preposition, else the last word."""
    if words[-1] in FINAL_HEADS:
        return words[-1]
    for i, w in enumerate(words):
        if i > 0 and w in PREPOSITIONS:
            return words[i - 1]
    return words[-1]


@dataclass(frozen=True)
class Agent:
    noun: str
    sector: str
    acts_for_state: int
    line: int

    def cells(self) -> tuple[str, ...]:
        return (self.noun, self.sector, str(self.acts_for_state), f"{AGENTS_FILE.split('/')[1]}:{self.line}")


@dataclass
class AgentReader:
    path: Path
    agents: list[Agent] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)

    def run(self) -> list[Agent]:
        markers: dict[str, list[str]] = {}
        seen: set[str] = set()
        for n, raw in enumerate(read_text(self.path).splitlines(), start=1):
            line = strip_comment(raw).strip()
            if not line:
                continue
            m = re.fullmatch(r"!([A-Z]+)!\s*=\s*(.*)", line)
            if m:
                items = [x.strip() for x in m.group(2).split(",")]
                if not all(items):
                    raise ConversionError(f"{self.path}:{n}: empty item in substitution set !{m.group(1)}!")
                markers[m.group(1)] = items
                continue
            if "[" not in line:
                self.skipped["no code"] += 1
                continue
            phrase, _, rest = line.partition("[")
            m = re.match(r"\s*(~?)([A-Z]+)(~?)\s*[\]}]", rest)
            if not m or (m.group(1) == "") == (m.group(3) == ""):
                raise ConversionError(f"{self.path}:{n}: malformed agent code [{rest.strip()}")
            code = m.group(2)
            if len(code) % 3:
                raise ConversionError(f"{self.path}:{n}: agent code {code!r} is not made of 3-letter sectors")
            sector = code[:3]
            if "{" in phrase:
                if "}" not in phrase:
                    raise ConversionError(f"{self.path}:{n}: missing '}}' after the plural")
                phrase = phrase[: phrase.index("{")]
            phrase = phrase.strip()
            if not phrase:
                raise ConversionError(f"{self.path}:{n}: agent code without a phrase")
            for variant in self.expand(phrase, markers, n):
                if variant is None:
                    continue
                noun = self.noun(variant)
                if noun is None:
                    continue
                if noun in seen:
                    self.skipped["listed twice (the first entry is kept)"] += 1
                    continue
                seen.add(noun)
                acts = int(sector in STATE_SECTORS and noun not in NOT_STATE_AGENTS)
                self.agents.append(Agent(noun, sector, acts, n))
        return sorted(self.agents, key=lambda a: a.cells())

    def expand(self, phrase: str, markers: dict[str, list[str]], n: int) -> list[str | None]:
        found = re.findall(r"!([A-Z]+)!", phrase)
        if not found:
            return [phrase]
        for name in found:
            if name not in markers:
                raise ConversionError(f"{self.path}:{n}: substitution marker !{name}! is not defined")
        if re.search(r"![A-Z]+![A-Za-z]", phrase):
            self.skipped["substitution marker glued to a following word"] += 1
            return [None]
        name = found[0]
        out: list[str | None] = []
        for item in markers[name]:
            if is_plural(item.lower()):
                self.skipped["plural member of a substitution set (MEN, MINISTERS)"] += 1
            else:
                out.append(phrase.replace(f"!{name}!", item, 1))
        return out

    def noun(self, phrase: str) -> str | None:
        """The lower-case noun phrase, or None (counted) when the entry is not a plain noun."""
        text = phrase.rstrip("_ ")
        reason = None
        if not text.isascii():
            reason = "non-ASCII or mis-encoded text"
        elif "." in text:
            reason = "abbreviation"
        elif re.search(r"[0-9/]", text):
            reason = "designation with digits or '/'"
        elif re.search(r"[()]", text):
            reason = "parenthesised qualifier"
        elif not re.fullmatch(r"[A-Za-z][A-Za-z'_ ,-]*", text):
            reason = "unexpected characters"
        if reason:
            self.skipped[reason] += 1
            return None
        words = [w for w in re.split(r"[_ ]+", text.lower()) if w]
        if words[-1] in PREPOSITIONS or words[-1].endswith(","):
            reason = "ends in a preposition"
        elif any(w in STEMS for w in words):
            reason = "truncated stem or misspelling"
        elif any(w in NOT_ENGLISH for w in words):
            reason = "not English"
        elif is_plural(head_word(words)):
            reason = "plural form"
        if reason:
            self.skipped[reason] += 1
            return None
        return " ".join(words)


# ---------------------------------------------------------------------------------------------
# Leaders
# ---------------------------------------------------------------------------------------------


def read_states(path: Path) -> dict[str, set[str]]:
    """iso3 -> the lower-case names of each kg:State in the gazetteer's Turtle file."""
    text = read_text(path)
    states: dict[str, set[str]] = {}
    for block in re.split(r"\n\s*\n", text):
        if not re.search(r"\ba kg:State\b", block):
            continue
        iso = re.search(r'kg:iso3 "([A-Z]{3})"', block)
        if not iso:
            continue
        names = set()
        for m in re.finditer(r"(?:rdfs:label|skos:prefLabel|skos:altLabel|kg:officialName)\s+([^;]+);", block):
            names.update(s.lower() for s in re.findall(r'"([^"]+)"@en', m.group(1)))
        states[iso.group(1)] = names
    if not states:
        raise ConversionError(f"{path}: no kg:State with a kg:iso3 code")
    return states


def name_key(text: str) -> str:
    return re.sub(r"[\s_]+", " ", text.strip("_ ")).lower()


def title_case(text: str) -> str:
    out = []
    for k, word in enumerate(text.split(" ")):
        if k and word.lower() in LOWER_WORDS:
            out.append(word.lower())
            continue
        chars = list(word.lower())
        for i, c in enumerate(chars):
            if i == 0 or chars[i - 1] in "-.":
                chars[i] = c.upper()
            elif chars[i - 1] == "'" and i == 2:  # O'Neill, D'Estaing
                chars[i] = c.upper()
        out.append("".join(chars))
    return " ".join(out)


def parse_date(text: str) -> datetime.date | None:
    if len(text) == 8 and text.isdigit():
        y, m, d = int(text[:4]), int(text[4:6]), int(text[6:])
    elif len(text) == 6 and text.isdigit():
        y, m, d = int(text[:2]), int(text[2:4]), int(text[4:])
        y += 2000 if y <= 30 else 1900
    else:
        return None
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


@dataclass
class Record:
    names: list[tuple[str, int]]  # (phrase as written, line)
    restrictions: list[tuple[str, str, str, int]] = field(default_factory=list)  # code, start, end, line
    code: str = ""  # the primary phrase's default code
    countries: set[str] = field(default_factory=set)  # 3-letter codes: the record is a country block


@dataclass(frozen=True)
class Leader:
    name: str
    actor: str
    role: str
    start: str
    end: str
    line: int

    def cells(self) -> tuple[str, ...]:
        return (self.name, self.actor, self.role, self.start, self.end,
                f"{ACTORS_FILE.split('/')[1]}:{self.line}")


@dataclass
class LeaderReader:
    path: Path
    states: dict[str, set[str]]
    skipped: Counter = field(default_factory=Counter)
    unmapped: Counter = field(default_factory=Counter)  # country code -> restrictions skipped
    mapping: dict[str, str] = field(default_factory=dict)
    records: list[Record] = field(default_factory=list)

    def read(self) -> None:
        record: Record | None = None
        for n, raw in enumerate(read_text(self.path).splitlines(), start=1):
            line = strip_comment(raw).split(";", 1)[0]
            if not line.strip():
                continue
            if line[0] in " \t":
                if record is None:
                    raise ConversionError(f"{self.path}:{n}: date restriction outside an actor record")
                self.restriction(record, line.strip(), n)
            elif line.startswith("+"):
                if record is None:
                    raise ConversionError(f"{self.path}:{n}: synonym outside an actor record")
                name = line[1:].split("[", 1)[0].strip()
                if not name:
                    raise ConversionError(f"{self.path}:{n}: empty synonym")
                record.names.append((name, n))
            else:
                name, _, rest = line.partition("[")
                code = ""
                if rest:
                    if "]" not in rest:
                        raise ConversionError(f"{self.path}:{n}: missing ']' after the code")
                    code = rest.split("]", 1)[0].strip()
                if not name.strip():
                    raise ConversionError(f"{self.path}:{n}: code without a phrase")
                record = Record([(name.strip(), n)], code=code)
                if re.fullmatch(r"[A-Z]{3}", code):
                    record.countries.add(code)
                self.records.append(record)

    def restriction(self, record: Record, text: str, n: int) -> None:
        m = re.fullmatch(r"\[\s*([A-Z-]+)\s*([^\]]*)\]", text)
        if not m:
            raise ConversionError(f"{self.path}:{n}: malformed date restriction {text!r}")
        code, rest = m.group(1), m.group(2).strip()
        if re.fullmatch(r"[A-Z]{3}", code):
            record.countries.add(code)
            return
        if not rest:
            self.skipped["undated code (no term)"] += 1
            return
        m = re.fullmatch(r"(\d+)\s*-\s*(\d+)|([<>])\s*(\d+)", rest)
        if not m:
            self.skipped["unreadable date restriction"] += 1
            return
        if m.group(3):
            date = parse_date(m.group(4))
            if date is None:
                self.skipped["invalid date"] += 1
                return
            start, end = ("", date.isoformat()) if m.group(3) == "<" else (date.isoformat(), "")
        else:
            a, b = parse_date(m.group(1)), parse_date(m.group(2))
            if a is None or b is None:
                self.skipped["invalid date"] += 1
                return
            if b < a:
                self.skipped["end before start"] += 1
                return
            start, end = a.isoformat(), b.isoformat()
        record.restrictions.append((code, start, end, n))

    def map_countries(self) -> None:
        """CAMEO country code -> iso3, through the names of the code's own country block."""
        blocks: dict[str, set[str]] = defaultdict(set)
        for record in self.records:
            for code in record.countries:
                blocks[code].update(name_key(name) for name, _ in record.names)
        for code, names in sorted(blocks.items()):
            matches = sorted(iso for iso, labels in self.states.items() if names & labels)
            if code in self.states and code in matches:
                self.mapping[code] = code
            elif len(matches) == 1 and matches[0] not in blocks:
                self.mapping[code] = matches[0]

    def run(self) -> list[Leader]:
        self.read()
        self.map_countries()
        best: dict[tuple, Leader] = {}
        for record in self.records:
            for code, start, end, n in record.restrictions:
                if code == "---" or len(code) < 6 or not code.isalpha():
                    self.skipped["null or malformed code"] += 1
                    continue
                role = code[3:6]
                if role not in STATE_ROLES:
                    if role in OTHER_SECTORS:
                        self.skipped[f"role {role} does not act for the state"] += 1
                    else:
                        self.skipped["code of a territory or constituent republic (USAASM, USRARM)"] += 1
                    continue
                actor = self.mapping.get(code[:3])
                if actor is None:
                    self.unmapped[code[:3]] += 1
                    continue
                for name, line in record.names:
                    if "\ufffd" in name or not re.fullmatch(r"[^\W\d_][\w.'-]*(?:[ _]+[\w.'-]+)*_?", name):
                        self.skipped["name not readable (mis-encoded or odd characters)"] += 1
                        continue
                    words = name_key(name).split(" ")
                    if words[-1] in INSTITUTION_WORDS:
                        self.skipped["names a body, not a person (Bush Administration)"] += 1
                        continue
                    if words[0] in {"former", "ex", "ex-"} or words[0].startswith("ex-"):
                        self.skipped["the name says 'former'"] += 1
                        continue
                    leader = Leader(title_case(" ".join(words)), actor, role, start, end, line)
                    key = leader.cells()[:5]
                    if key in best:
                        self.skipped["duplicate row (the first line is kept)"] += 1
                        continue
                    best[key] = leader
        return sorted(best.values(), key=lambda r: r.cells())


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def render(columns: tuple[str, ...], rows) -> str:
    return "\n".join(["\t".join(columns)] + ["\t".join(r.cells()) for r in rows]) + "\n"


@dataclass
class Result:
    files: dict[str, str]
    agents: list[Agent]
    leaders: list[Leader]
    agent_reader: AgentReader
    leader_reader: LeaderReader


def convert(lexicons: Path, states_ttl: Path = STATES_TTL) -> Result:
    if not lexicons.is_dir():
        raise ConversionError(f"{lexicons}: lexicons folder not found")
    agent_reader = AgentReader(lexicons / AGENTS_FILE)
    agents = agent_reader.run()
    leader_reader = LeaderReader(lexicons / ACTORS_FILE, read_states(states_ttl))
    leaders = leader_reader.run()
    files = {AGENTS_NAME: render(AGENT_COLUMNS, agents), LEADERS_NAME: render(LEADER_COLUMNS, leaders)}
    return Result(files, agents, leaders, agent_reader, leader_reader)


def print_stats(r: Result, out=sys.stdout) -> None:
    print(f"agents\t{len(r.agents)}", file=out)
    for sector, n in sorted(Counter(a.sector for a in r.agents).items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"agents.sector.{sector}\t{n}", file=out)
    for value, n in sorted(Counter(a.acts_for_state for a in r.agents).items()):
        print(f"agents.acts_for_state.{value}\t{n}", file=out)
    for reason, n in sorted(r.agent_reader.skipped.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"agents.skipped\t{n}\t{reason}", file=out)
    print(f"leaders\t{len(r.leaders)}", file=out)
    print(f"leaders.countries\t{len({x.actor for x in r.leaders})}", file=out)
    print(f"leaders.names\t{len({x.name for x in r.leaders})}", file=out)
    for role, n in sorted(Counter(x.role for x in r.leaders).items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"leaders.role.{role}\t{n}", file=out)
    mapped = {c: i for c, i in r.leader_reader.mapping.items() if c != i}
    for code, iso in sorted(mapped.items()):
        print(f"leaders.mapped_code\t{code}\t{iso}", file=out)
    for code, n in sorted(r.leader_reader.unmapped.items()):
        print(f"leaders.skipped_code\t{code}\t{n} restrictions", file=out)
    for reason, n in sorted(r.leader_reader.skipped.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"leaders.skipped\t{n}\t{reason}", file=out)


def check_license(output_dir: Path) -> None:
    path = output_dir / LICENSE_NAME
    first = read_text(path).split("\n", 1)[0]
    for name in (AGENTS_NAME, LEADERS_NAME):
        if name not in first:
            raise ConversionError(f"{path}:1: the first line does not name {name}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="make_petrarch_data", description=__doc__.splitlines()[0])
    ap.add_argument("--lexicons", type=Path, default=DEFAULT_LEXICONS,
                    help="folder with petrarch2/ (default: %(default)s)")
    ap.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT_DIR,
                    help="where the tables are (default: %(default)s)")
    ap.add_argument("--stats", action="store_true", help="print counts of rows and skipped entries")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if the files in --output-dir differ from a fresh conversion")
    args = ap.parse_args(argv)
    try:
        result = convert(args.lexicons)
        check_or_write(result.files, args.output_dir, args.check, "tools/make_petrarch_data.py")
        if args.check:
            check_license(args.output_dir)
        if args.stats:
            print_stats(result)
    except ConversionError as e:
        print(f"make_petrarch_data: error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
