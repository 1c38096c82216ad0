#!/usr/bin/env python3
"""Convert the CAMEO verb dictionary of PETRARCH2 into kg's trigger lexicon.

Reads ``petrarch2/CAMEO.2.0.txt`` (the verb-pattern dictionary, format in
``petrarch2/dictionaries.rst``) and ``cameo_to_relations.tsv`` from the lexicons folder (default
``../shared/lexicons`` beside the repository) and writes, into ``kg/extract/data/``:

* ``cameo_triggers.tsv``: one row per pattern a dependency parse can match, with the columns
  ``lemma particle dobj prep relation cameo weight source role`` (see ``COLUMNS``);
* ``LICENSE-petrarch2.txt``: the MIT notice of the dictionary, which travels with the table.

A pattern is usable when its shape is ``verb [particle] [object noun] [preposition] target``: the
source actor is the verb's subject, the target is the direct object (``prep`` empty) or the object of
``prep``. Everything else (constraints on the subject, fixed prepositional phrases, several nouns,
the ``$ ^ %`` markers, codes outside kg's vocabulary) is skipped and counted by ``--stats``.

How the dictionary is read:

* every pattern of a verb block applies to every verb of the block, as in PETRARCH2; the verb named
  in the pattern's comment is the one it was written for, the others borrow it (lower weight), except
  a pattern with a particle, which makes a phrasal verb and stays with its own verb;
* synonym sets (``&SET``) expand to one row per member; the head of a phrase is its last word, and of
  a hyphenated word its last part, as spaCy tokenizes it (``cease-fire`` -> ``fire``);
* ``[A:B]`` codes: ``A`` is the active reading. ``[:B]`` (passive only), and object nouns of the
  receiving verbs (``RECEIVE_VERBS``), are read the other way round: role ``receive``, the target
  (after ``from`` unless the pattern names another preposition) does the relation to the subject;
* an object noun with no target slot gets the preposition(s) of ``TARGET_PREPOSITIONS`` for its
  relation; relations not listed there (``criticizes``: the target is inside the noun phrase,
  "condemned the raid on X") and borrowed patterns (two guesses in one row) give no row;
* an object noun cut from a longer phrase (``{MOCK ATTACK}`` -> ``attack``) is dropped when the same
  verb, particle, noun and preposition also mean another relation.

Weights start at 0.7; +0.1 for a verb carrying its own code, or a pattern fixing both object noun and
preposition for the verb it was written for; -0.1 for each of: a verb inheriting the code of a block
named after another verb, a borrowed pattern, a code with a note in the tsv (a code that needs care),
a generic verb (``GENERIC_VERBS``), an inferred preposition, the receive reading, a shortened object
phrase; clamped to [0.5, 0.8]. Rows that differ only in source line or weight are merged (the highest
weight, then the first line).

Usage: ``python tools/make_cameo_lexicon.py [--lexicons DIR] [--output-dir DIR] [--stats] [--check]``.
Exit codes: 0 success; 1 a missing or malformed input, an output that cannot be written, or with
``--check`` a shipped file that differs from a fresh conversion; 2 a usage error. Errors are one line
on stderr naming the file. Standard library only; the output is deterministic.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LEXICONS = ROOT.parent / "shared" / "lexicons"
DEFAULT_OUTPUT_DIR = ROOT / "kg" / "extract" / "data"
DICTIONARY = "petrarch2/CAMEO.2.0.txt"
MAPPING = "cameo_to_relations.tsv"
LICENSE = "petrarch2/LICENSE"
TABLE_NAME = "cameo_triggers.tsv"
LICENSE_NAME = "LICENSE-petrarch2.txt"
SOURCE_REPOSITORY = "openeventdata/petrarch2"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"

COLUMNS = ("lemma", "particle", "dobj", "prep", "relation", "cameo", "weight", "source", "role")

# ---------------------------------------------------------------------------------------------
# Knowledge: word lists the conversion needs. Each entry says why it is there.
# ---------------------------------------------------------------------------------------------

#: verbs that say nothing about a relation on their own; their rows are kept only when the pattern
#: fixes an object noun or a preposition
GENERIC_VERBS = {
    "be": "copula",
    "have": "possession or auxiliary",
    "do": "auxiliary and pro-verb",
    "make": "light verb: the meaning is in its object",
    "take": "light verb: the meaning is in its object",
    "get": "light verb, also 'become' and 'receive'",
    "give": "light verb: the meaning is in its object",
    "say": "reporting verb: the relation is in the reported clause",
    "tell": "reporting verb: the relation is in the reported clause",
    "go": "motion or future auxiliary",
    "come": "motion",
    "put": "placement: the meaning is in its complements",
    "set": "placement: the meaning is in its complements",
    "keep": "aspectual ('keep doing')",
    "hold": "light verb ('hold talks', 'hold a view')",
    "bring": "motion: the meaning is in its complements",
    "let": "permissive auxiliary",
    "see": "perception and 'see as'",
    "look": "perception and 'look like'",
    "seem": "appearance",
    "appear": "appearance",
    "become": "copula",
    "call": "'call for', 'call on', 'call X a ...' outnumber phone calls",
    "add": "reporting verb ('he added') and arithmetic",
    "use": "instrument: the meaning is in its object",
    "move": "motion",
    "turn": "motion and 'turn to'",
    "run": "motion and management",
    "place": "placement: the meaning is in its complements",
    "post": "placement and publishing",
    "base": "placement ('based in')",
    "position": "placement",
    "stage": "light verb ('stage a protest')",
    "issue": "light verb ('issue a statement')",
    "face": "'face' a problem, a vote, a deadline",
    "receive": "reception of anything, kept with an object noun",
    "engage": "'engage in' anything",
    "act": "'act as', 'act on'",
    "work": "'work on', 'work with' anything",
    "accord": "also 'be in accord with'",
    "deliver": "'deliver a speech', 'deliver a message'",
    "die": "the dead are victims, not agents",
}

#: receiving verbs: with an object noun and no other target, the subject is the recipient
RECEIVE_VERBS = {
    "receive": "the subject receives what the target gives",
    "obtain": "the subject obtains it from the target",
    "acquire": "the subject acquires it from the target",
    "get": "the subject gets it from the target",
    "gain": "the subject gains it from the target",
    "win": "the subject wins it from the target",
    "procure": "the subject procures it from the target",
    "attain": "the subject attains it from the target",
    "earn": "the subject earns it from the target",
    "accept": "the subject accepts it from the target",
}

#: the preposition that introduces the giver in the receive reading
RECEIVE_PREPOSITION = "from"

#: prepositions that introduce the target after an object noun when the pattern names none
TARGET_PREPOSITIONS = {
    "sanctions": (("against", "on"), "impose sanctions on X, an embargo against X"),
    "attacks": (("against", "on"), "launch an attack on X, strikes against X"),
    "supplies": (("to",), "deliver weapons to X"),
    "aids": (("to",), "send aid to X, extend a loan to X"),
    "meetsWith": (("with",), "hold talks with X"),
    "agreesWith": (("with",), "sign a treaty with X"),
    "cooperatesWith": (("with",), "conduct exercises with X"),
    "tensionWith": (("with",), "break off relations with X"),
    "supports": (("for", "to"), "express support for X, give backing to X"),
    "threatens": (("against",), "threaten sanctions against X, consider strikes against X"),
}

#: adverbial particles (spaCy's ``prt``) that can follow a verb
PARTICLES = {
    "about", "across", "ahead", "apart", "around", "aside", "away", "back", "by", "down", "forth",
    "forward", "in", "off", "on", "out", "over", "through", "together", "up",
}

#: prepositions that can introduce the target
PREPOSITIONS = {
    "about", "across", "after", "against", "along", "alongside", "among", "around", "at", "before",
    "behind", "beside", "between", "by", "for", "from", "in", "inside", "into", "near", "of", "on",
    "onto", "over", "through", "to", "toward", "towards", "under", "upon", "with", "within",
}

#: words that are never an object noun: conjunctions and auxiliaries left in old phrases
NOT_NOUNS = {
    "and", "or", "but", "not", "no", "if", "that", "than", "as", "so", "when", "while", "is", "are",
    "was", "were", "been", "be", "will", "would", "it", "its", "him", "her", "them", "their", "himself",
    "herself", "itself", "themselves", "this", "these", "those", "what", "who", "which",
}

#: verb-list words that are not a base form, with their lemma
VERB_LEMMAS = {
    "burnt": "burn", "deterring": "deter", "dispelling": "dispel", "forgiven": "forgive",
    "losing": "lose", "saw": "see", "touring": "tour", "worried": "worry",
}

#: nouns the suffix rules of ``noun_lemma`` get wrong: irregular plurals, and words ending in -s
#: (or -ies, -ves, -men) that are their own lemma
NOUN_LEMMAS = {
    "abrams": "abrams", "aircraft": "aircraft", "analyses": "analysis", "arms": "arm", "buses": "bus",
    "crises": "crisis", "diagnoses": "diagnosis", "feet": "foot", "gases": "gas",
    "headquarters": "headquarters", "knives": "knife", "lives": "life", "means": "means", "men": "man",
    "news": "news", "series": "series", "species": "species", "ties": "tie",
}


class ConversionError(Exception):
    """An input that cannot be converted: the message names the file (and line) and the problem."""


# ---------------------------------------------------------------------------------------------
# Reading the inputs
# ---------------------------------------------------------------------------------------------


def read_text(path: Path) -> str:
    if not path.exists():
        raise ConversionError(f"{path}: not found")
    if not path.is_file():
        raise ConversionError(f"{path}: not a file")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ConversionError(f"{path}: not UTF-8 (byte {e.start})") from None
    except OSError as e:
        raise ConversionError(f"{path}: cannot be read ({e.strerror})") from None


@dataclass(frozen=True)
class CodeInfo:
    relation: str
    note: str


def read_mapping(path: Path, relations: frozenset[str]) -> dict[str, CodeInfo]:
    """``cameo_to_relations.tsv``: CAMEO code -> (kg relation or '', note)."""
    lines = read_text(path).splitlines()
    if not lines or lines[0].split("\t")[:3] != ["cameo_code", "cameo_name", "relation"]:
        raise ConversionError(f"{path}:1: header must start with cameo_code, cameo_name, relation")
    out: dict[str, CodeInfo] = {}
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != 4:
            raise ConversionError(f"{path}:{n}: expected 4 tab-separated cells, found {len(cells)}")
        code, _name, relation, note = (c.strip() for c in cells)
        if not re.fullmatch(r"\d{2,4}", code):
            raise ConversionError(f"{path}:{n}: {code!r} is not a CAMEO code")
        if relation and relation not in relations:
            raise ConversionError(f"{path}:{n}: {relation!r} is not a kg relation")
        if code in out:
            raise ConversionError(f"{path}:{n}: code {code} listed twice")
        out[code] = CodeInfo(relation, note)
    return out


def kg_relations() -> frozenset[str]:
    """The relation vocabulary, read from ``kg/predicates.py`` of this repository."""
    sys.path.insert(0, str(ROOT))
    try:
        from kg.predicates import RELATION_PREDICATES
    finally:
        sys.path.pop(0)
    return frozenset(RELATION_PREDICATES)


@dataclass
class Verb:
    """One verb of a block: its lemma and the words a multi-word entry fixes."""

    lemma: str
    line: int
    code: str | None  # the verb's own code, None when it inherits the block's
    forms: frozenset[str]  # upper-case written forms, to match pattern comments
    particle: str = ""
    prep: str = ""
    noun: str = ""


@dataclass
class Pattern:
    line: int
    text: str  # the pattern without its code and comment
    code: str
    comment: str


@dataclass
class Block:
    line: int
    label: str  # the block's name: usually the verb it was built around
    code: str
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


def regular_forms(word: str) -> set[str]:
    """The regular inflections PETRARCH2 generates for a verb written in upper case."""
    forms = {word}
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        forms.add(word + "ES")
    elif word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        forms.add(word[:-1] + "IES")
        forms.add(word[:-1] + "IED")
    else:
        forms.add(word + "S")
    if word.endswith("E"):
        forms.add(word + "D")
        forms.add(word[:-1] + "ING")
    else:
        forms.add(word + "ED")
        forms.add(word + "ING")
    return forms


class Dictionary:
    """The synonym sets and verb blocks of CAMEO.2.0.txt, with the lines it could not use."""

    def __init__(self, path: Path):
        self.path = path
        self.synsets: dict[str, list[str]] = {}
        self.blocks: list[Block] = []
        self.skipped: Counter[str] = Counter()
        self._read(read_text(path))

    def _read(self, text: str) -> None:
        in_patterns = False
        synset: str | None = None
        block: Block | None = None
        for n, raw in enumerate(text.splitlines(), start=1):
            line = raw.rstrip()
            if line.startswith("####### VERB PATTERNS"):
                in_patterns = True
                continue
            if not line.strip() or line.startswith("#"):
                continue
            if not in_patterns:
                if line.startswith("&"):
                    synset = line.split()[0]
                    self.synsets[synset] = []
                elif line.startswith("+") and synset is not None:
                    self.synsets[synset].append(line[1:].split("#")[0].strip())
                else:
                    raise ConversionError(f"{self.path}:{n}: unexpected line in the synonym sets")
                continue
            if line.startswith("~"):
                self.skipped["verb-verb transformation (~)"] += 1
                continue
            if line.startswith("---"):
                m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
                if not m:
                    raise ConversionError(f"{self.path}:{n}: malformed verb block header")
                block = Block(n, m.group(1), m.group(2).strip())
                self.blocks.append(block)
                continue
            if block is None:
                raise ConversionError(f"{self.path}:{n}: a verb or pattern before the first block")
            if line.startswith("-"):
                self._pattern(block, n, line)
            else:
                self._verb(block, n, line)

    def _pattern(self, block: Block, n: int, line: str) -> None:
        body, _, comment = line[1:].partition("#")
        m = re.search(r"\[([^\]]*)\]\s*$", body)
        if not m:
            self.skipped["pattern: no code"] += 1
            return
        block.patterns.append(Pattern(n, body[: m.start()].strip(), m.group(1).strip(), comment.strip()))

    def _verb(self, block: Block, n: int, line: str) -> None:
        text = re.split(r"[#;]", line, maxsplit=1)[0].strip()
        code = None
        m = re.search(r"\[([^\]]*)\]\s*$", text)
        if m:
            code = m.group(1).strip()
            text = text[: m.start()].strip()
        irregular = ""
        if "{" in text:
            text, _, irregular = text.partition("{")
            irregular = irregular.rstrip("} ").strip()
            if not irregular.replace(",", " ").split():
                self.skipped["verb entry: an inflected phrase ('{}')"] += 1
                return
        words = text.split()
        if len(words) != 1:
            self.skipped["verb entry: not one word or one underscore phrase"] += 1
            return
        entry = words[0]
        parts = entry.split("_")
        head = [i for i, p in enumerate(parts) if p.startswith("+")]
        if len(parts) > 1 and head != [0]:
            self.skipped["verb entry: words before the verb"] += 1
            return
        parts = [p.lstrip("+") for p in parts]
        lemma = parts[0].lower()
        lemma = VERB_LEMMAS.get(lemma, lemma).rsplit("-", 1)[-1]  # spaCy splits 're-open'
        if lemma in NOT_NOUNS:
            self.skipped["verb entry: an auxiliary, not a verb"] += 1
            return
        rest = [p.lower() for p in parts[1:] if p]
        forms = regular_forms(parts[0])
        forms |= {form.lstrip("+").split("_")[0] for form in irregular.replace(",", " ").split()}
        suffix = "_".join(parts[1:])
        full_forms = frozenset(f + ("_" + suffix if suffix else "") for f in forms)
        verb = Verb(lemma, n, code, full_forms)
        # words after the verb: [particle] [noun] [preposition]
        if rest and rest[0] in PARTICLES and (len(rest) > 1 or rest[0] not in PREPOSITIONS):
            verb.particle = rest.pop(0)
        if rest and rest[0] not in PREPOSITIONS:
            if rest[0] in NOT_NOUNS:
                self.skipped["verb entry: not verb + particle, noun or preposition"] += 1
                return
            verb.noun = rest.pop(0)
        if rest and rest[0] in PREPOSITIONS:
            verb.prep = rest.pop(0)
        if rest:
            self.skipped["verb entry: not verb + particle, noun or preposition"] += 1
            return
        block.verbs.append(verb)


# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """What a pattern fixes after the verb."""

    particle: str = ""
    noun: tuple[str, ...] = ()  # the object noun phrase, head last (may be a synset name)
    preps: tuple[str, ...] = ()  # the target's preposition(s); empty with target=True: the object
    target: bool = False  # the pattern names the target slot (a preposition or '+')


class Unusable(Exception):
    """A pattern whose shape a row cannot express; the message is the skip category."""


def tokenize(text: str) -> list[tuple[str, list[str] | str]]:
    """Elements of a pattern half: ('pp', words), ('np', words) or ('word', word)."""
    out: list[tuple[str, list[str] | str]] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "({":
            close = ")" if c == "(" else "}"
            j = text.find(close, i)
            if j < 0:
                raise Unusable("unbalanced brackets")
            inner = text[i + 1 : j].replace("{", " ").replace("}", " ")
            if "(" in inner or ")" in inner:
                raise Unusable("unbalanced brackets")
            out.append(("pp" if c == "(" else "np", inner.split()))
            i = j + 1
        elif c in ")}":
            raise Unusable("unbalanced brackets")
        else:
            j = i
            while j < len(text) and not text[j].isspace() and text[j] not in "(){}":
                j += 1
            out.append(("word", text[i:j]))
            i = j
    return out


def parse_shape(after: str) -> Shape:
    """Read the part of a pattern after ``*`` as ``[particle] [noun] [target]``."""
    elements = tokenize(after)
    particle = ""
    noun: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()
    target = False
    k = 0

    def word(i: int) -> str | None:
        if i < len(elements) and elements[i][0] == "word":
            return str(elements[i][1]).lower()
        return None

    def ends_with_target(i: int) -> bool:
        return i >= len(elements) or (word(i) == "+" and i + 1 == len(elements))

    first = word(0)
    if first in PARTICLES and first not in PREPOSITIONS:
        particle, k = first, 1
    elif first in PARTICLES and len(elements) == 1:  # '- * OVER': a particle with the target as object
        particle, k = first, 1
    elif first in PREPOSITIONS and not ends_with_target(1):
        raise Unusable("fixed prepositional phrase")
    if k < len(elements):
        kind, value = elements[k]
        w = word(k)
        if kind == "np" or (kind == "word" and w not in PREPOSITIONS and w not in {"+", "$", "^", "%"}):
            words = list(value) if kind == "np" else [value]
            if any(x in {"+", "$", "^", "%"} for x in words):
                raise Unusable("actor marker inside a noun phrase")
            if words[-1].lower() in NOT_NOUNS or words[-1].lower() in PREPOSITIONS:
                raise Unusable("object phrase without a noun head")
            noun = tuple(words)
            k += 1
    if k < len(elements):
        kind, value = elements[k]
        w = word(k)
        if kind == "pp":
            words = [x for x in value]
            if words and words[-1] == "+":
                words = words[:-1]
            if len(words) != 1:
                raise Unusable("fixed prepositional phrase")
            if words[0].startswith("&"):
                raise Unusable("synonym set as a preposition")
            preps = tuple(p.lower() for p in words[0].split("/"))
            target = True
            k += 1
            if word(k) == "+":
                k += 1
        elif w in PREPOSITIONS and ends_with_target(k + 1):
            preps, target = (w,), True
            k += 1 if k + 1 >= len(elements) else 2
        elif w == "+" and not noun:
            target = True
            k += 1
    if k < len(elements):
        kind, value = elements[k]
        if kind == "pp":
            raise Unusable("fixed prepositional phrase")
        w = word(k)
        if w in {"+", "$", "^", "%"}:
            raise Unusable("actor markers the row cannot express")
        if kind == "np" or w not in PREPOSITIONS:
            raise Unusable("more than one noun phrase")
        raise Unusable("words after the target")
    for p in preps:
        if p not in PREPOSITIONS:
            raise Unusable("unknown preposition")
    return Shape(particle, noun, preps, target)


def parse_code(code: str) -> tuple[str, bool]:
    """``A`` or ``A:B`` -> (A, False); ``:B`` -> (B, True): the code and whether it is passive."""
    active, sep, passive = code.partition(":")
    active, passive = active.strip(), passive.strip()
    if active and active != "---":
        return active, False
    if sep and passive and passive != "---":
        return passive, True
    return "---", False


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------


def split_head(word: str) -> tuple[str, bool]:
    """The token a parser sees as the head of a written noun, and whether words were dropped.

    spaCy splits hyphenated words, so the head of ``cease-fire`` is ``fire``; a multi-word
    synonym (``CRUISE_MISSILES``) is headed by its last word."""
    w = word.strip("_").replace("_", " ").split()[-1]
    dropped = w != word.strip("_")
    last = w.rsplit("-", 1)[-1]
    if "-" in w and last.isalpha() and len(last) > 1:
        return last, True
    return w, dropped


def noun_lemma(word: str) -> str:
    """The singular lower-case lemma of a noun written in the dictionary."""
    w = word.lower().strip("_")
    if w in NOUN_LEMMAS:
        return NOUN_LEMMAS[w]
    if not w[-1:].isalpha() or len(w) <= 3 or w.endswith("gas"):
        return w
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    for ending in ("sses", "shes", "ches", "xes", "zes"):
        if w.endswith(ending):
            return w[:-2]
    if w.endswith(("ss", "us", "is", "os")):
        return w
    if w.endswith("s"):
        return w[:-1]
    return w


@dataclass(frozen=True)
class Row:
    lemma: str
    particle: str
    dobj: str
    prep: str
    relation: str
    cameo: str
    weight: float
    line: int
    role: str
    shortened: bool = False  # the object noun is the head of a longer phrase of the pattern

    def key(self) -> tuple:
        return (self.lemma, self.particle, self.dobj, self.prep, self.relation, self.cameo, self.role)

    def cells(self) -> list[str]:
        return [self.lemma, self.particle, self.dobj, self.prep, self.relation, self.cameo,
                f"{self.weight:.1f}", f"CAMEO.2.0.txt:{self.line}", self.role]


def clamp(weight: float) -> float:
    return round(min(0.8, max(0.5, weight)), 1)


class Converter:
    def __init__(self, dictionary: Dictionary, mapping: dict[str, CodeInfo]):
        self.d = dictionary
        self.mapping = mapping
        self.skipped: Counter[str] = Counter(dictionary.skipped)
        self.dropped_rows: Counter[str] = Counter()
        self.rows: list[Row] = []
        self.used_patterns = 0
        self.duplicates = 0

    def relation_of(self, code: str, what: str) -> CodeInfo | None:
        """The mapping of a code, or None (counted under ``what``) when it gives no relation."""
        if code == "---":
            self.skipped[f"{what}: null code [---]"] += 1
            return None
        info = self.mapping.get(code)
        if info is None:
            self.skipped[f"{what}: code not in cameo_to_relations.tsv"] += 1
            return None
        if not info.relation:
            self.skipped[f"{what}: code maps to no kg relation"] += 1
            return None
        return info

    def nouns(self, phrase: tuple[str, ...]) -> tuple[list[str], bool]:
        """The lemmas an object phrase stands for, and whether modifiers were dropped."""
        head = phrase[-1]
        longer = len(phrase) > 1
        if head.startswith("&"):
            members = self.d.synsets.get(head)
            if members is None:
                raise Unusable("undefined synonym set")
            heads = sorted({noun_lemma(split_head(m)[0]) for m in members if m.strip("_")})
            return heads, longer
        word, dropped = split_head(head)
        return [noun_lemma(word)], longer or dropped

    def emit(self, verb: Verb, shape: Shape, code: str, passive: bool, info: CodeInfo, line: int,
             base: float, nouns: list[str], longer: bool, explicit: bool, borrowed: bool = False) -> None:
        """Rows for one verb and one pattern shape (already merged with the verb's own words)."""
        relation = info.relation
        weight = base
        if info.note:
            weight -= 0.1
        if longer:
            weight -= 0.1
        receive = passive or (verb.lemma in RECEIVE_VERBS and bool(nouns)
                              and shape.preps in ((), (RECEIVE_PREPOSITION,)))
        if receive:
            weight -= 0.1
        if not shape.target and nouns:
            if borrowed:
                self.dropped_rows["borrowed pattern that would also need an inferred preposition"] += 1
                return
            if receive:
                preps: tuple[str, ...] = (RECEIVE_PREPOSITION,)
            elif relation in TARGET_PREPOSITIONS:
                preps = TARGET_PREPOSITIONS[relation][0]
            else:
                self.dropped_rows["object noun without a target slot for this relation"] += 1
                return
            weight -= 0.1
        else:
            preps = shape.preps or ("",)
        if explicit and nouns and shape.preps and not borrowed:
            weight += 0.1
        generic = verb.lemma in GENERIC_VERBS
        if generic:
            if not nouns and preps == ("",):
                self.dropped_rows["generic verb without object noun or preposition"] += 1
                return
            weight -= 0.1
        for noun in nouns or [""]:
            for prep in preps:
                self.rows.append(Row(verb.lemma, shape.particle, noun, prep, relation, code,
                                     clamp(weight), line, "receive" if receive else "", longer))

    def run(self) -> list[Row]:
        for block in self.d.blocks:
            for verb in block.verbs:
                self.bare_verb(block, verb)
            for pattern in block.patterns:
                self.pattern(block, pattern)
        return self.merge()

    def bare_verb(self, block: Block, verb: Verb) -> None:
        own = verb.code is not None and parse_code(verb.code)[0] != "---"
        code, passive = parse_code(verb.code if verb.code is not None else block.code)
        if verb.code is not None and not own:
            code, passive = "---", False
        if code == "---":
            self.skipped["verb alone: no code of its own or of its block"] += 1
            return
        info = self.relation_of(code, "verb alone")
        if info is None:
            return
        base = 0.8 if own else 0.7 if block.label in verb.forms else 0.6
        shape = Shape(verb.particle, (verb.noun,) if verb.noun else (), (verb.prep,) if verb.prep else (),
                      bool(verb.prep) or not verb.noun)
        nouns = [noun_lemma(verb.noun)] if verb.noun else []
        self.emit(verb, shape, code, passive, info, verb.line, base, nouns, False, bool(verb.prep))

    def pattern(self, block: Block, pattern: Pattern) -> None:
        before, star, after = pattern.text.partition("*")
        if not star:
            self.skipped["pattern: no verb (*)"] += 1
            return
        code, passive = parse_code(pattern.code)
        pre = before.split()
        if pre and pre != ["$"] and not (pre == ["+"] and passive):
            self.skipped["pattern: words before the verb (subject constraint)"] += 1
            return
        try:
            shape = parse_shape(after)
            nouns, longer = self.nouns(shape.noun) if shape.noun else ([], False)
        except Unusable as e:
            self.skipped[f"pattern: {e}"] += 1
            return
        if not shape.noun and not shape.target and not shape.particle:
            self.skipped["pattern: empty"] += 1
            return
        info = self.relation_of(code, "pattern")
        if info is None:
            return
        written_for = set(re.findall(r"[A-Z][A-Z_'-]*", pattern.comment))
        for verb in block.verbs:
            merged = self.merge_verb(verb, shape)
            if merged is None:
                self.dropped_rows["multi-word verb conflicts with the pattern"] += 1
                continue
            base = 0.7
            borrowed = len(block.verbs) > 1 and not (verb.forms & written_for)
            if borrowed and shape.particle:
                self.dropped_rows["particle pattern borrowed by another verb of the block"] += 1
                continue
            if borrowed:
                base -= 0.1
            merged_nouns = nouns if shape.noun else ([noun_lemma(verb.noun)] if verb.noun else [])
            explicit = bool(merged.preps)
            self.emit(verb, merged, code, passive, info, pattern.line, base, merged_nouns, longer, explicit,
                      borrowed)
        self.used_patterns += 1

    @staticmethod
    def merge_verb(verb: Verb, shape: Shape) -> Shape | None:
        """A multi-word verb's own words combined with a pattern's, or None when they clash."""
        if not (verb.particle or verb.prep or verb.noun):
            return shape
        if verb.particle and shape.particle:
            return None
        if verb.prep and (shape.noun or shape.preps or shape.particle):
            return None
        if verb.noun and shape.noun:
            return None
        particle = verb.particle or shape.particle
        noun = (verb.noun,) if verb.noun else shape.noun
        preps = (verb.prep,) if verb.prep else shape.preps
        target = bool(preps) or shape.target or not noun
        return Shape(particle, noun, preps, target)

    def merge(self) -> list[Row]:
        """Drop shortened rows made ambiguous by their shortening, then merge duplicates."""
        relations: dict[tuple, set[str]] = {}
        for row in self.rows:
            relations.setdefault(row.key()[:4] + (row.role,), set()).add(row.relation)
        best: dict[tuple, Row] = {}
        for row in self.rows:
            if row.shortened and len(relations[row.key()[:4] + (row.role,)]) > 1:
                self.dropped_rows["shortened object phrase shared with another relation"] += 1
                continue
            old = best.get(row.key())
            if old is None or (row.weight, -row.line) > (old.weight, -old.line):
                best[row.key()] = row
        self.duplicates = len(self.rows) - len(best)
        return sorted(best.values(), key=lambda r: r.cells())


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def render_table(rows: list[Row]) -> str:
    lines = ["\t".join(COLUMNS)] + ["\t".join(r.cells()) for r in rows]
    return "\n".join(lines) + "\n"


def render_license(license_text: str) -> str:
    first = (f"{TABLE_NAME} is derived from petrarch2/data/dictionaries/{DICTIONARY.split('/')[1]} of "
             f"{SOURCE_REPOSITORY}, commit {SOURCE_COMMIT}, by tools/make_cameo_lexicon.py; "
             "agents.tsv and leaders.tsv are derived from Phoenix.agents.txt and "
             "Phoenix.Countries.actors.txt of the same commit, by tools/make_petrarch_data.py "
             "(their headers carry the notice \"Copyright (c) 2014 Open Event Data Alliance\").")
    second = ("The dictionary's own header carries the same licence with the notice "
              "\"Copyright (c) 2015 Open Event Data Alliance\"; the repository's LICENSE follows.")
    return first + "\n" + second + "\n\n" + license_text.strip("\n") + "\n"


def convert(lexicons: Path) -> tuple[dict[str, str], Converter, list[Row]]:
    """The files to write (name -> text), the converter (for its counts) and the rows."""
    if not lexicons.is_dir():
        raise ConversionError(f"{lexicons}: lexicons folder not found")
    mapping = read_mapping(lexicons / MAPPING, kg_relations())
    dictionary = Dictionary(lexicons / DICTIONARY)
    converter = Converter(dictionary, mapping)
    rows = converter.run()
    files = {
        TABLE_NAME: render_table(rows),
        LICENSE_NAME: render_license(read_text(lexicons / LICENSE)),
    }
    return files, converter, rows


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8"))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a package file is read by everyone
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def print_stats(converter: Converter, rows: list[Row], out=sys.stdout) -> None:
    by_relation = Counter(r.relation for r in rows)
    print(f"rows\t{len(rows)}", file=out)
    for relation, n in sorted(by_relation.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"rows.{relation}\t{n}", file=out)
    print(f"rows.receive\t{sum(r.role == 'receive' for r in rows)}", file=out)
    print(f"rows.bare_verb\t{sum(not r.dobj and not r.prep for r in rows)}", file=out)
    for w, n in sorted(Counter(r.weight for r in rows).items()):
        print(f"rows.weight_{w:.1f}\t{n}", file=out)
    print(f"blocks\t{len(converter.d.blocks)}", file=out)
    print(f"verbs\t{sum(len(b.verbs) for b in converter.d.blocks)}", file=out)
    print(f"patterns\t{sum(len(b.patterns) for b in converter.d.blocks)}", file=out)
    print(f"patterns.converted\t{converter.used_patterns}", file=out)
    for reason, n in sorted(converter.skipped.items(), key=lambda kv: (-kv[1], kv[0])):
        if n:
            print(f"skipped\t{n}\t{reason}", file=out)
    for reason, n in sorted(converter.dropped_rows.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"dropped_rows\t{n}\t{reason}", file=out)
    print(f"merged_duplicates\t{converter.duplicates}", file=out)


def check_or_write(files: dict[str, str], output_dir: Path, check: bool, script: str) -> None:
    """Write each generated file atomically, or with ``check`` compare the shipped ones with them."""
    for name, text in files.items():
        path = output_dir / name
        if check:
            if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
                raise ConversionError(f"{path}: differs from a fresh conversion; run {script}")
            continue
        try:
            write_atomic(path, text)
        except OSError as e:
            raise ConversionError(f"{path}: cannot be written ({e.strerror})") from None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="make_cameo_lexicon", description=__doc__.splitlines()[0])
    ap.add_argument("--lexicons", type=Path, default=DEFAULT_LEXICONS,
                    help="folder with cameo_to_relations.tsv and petrarch2/ (default: %(default)s)")
    ap.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT_DIR,
                    help="where to write the table and the licence (default: %(default)s)")
    ap.add_argument("--stats", action="store_true", help="print counts of rows and skipped patterns")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if the files in --output-dir differ from a fresh conversion")
    args = ap.parse_args(argv)
    try:
        files, converter, rows = convert(args.lexicons)
        check_or_write(files, args.output_dir, args.check, "tools/make_cameo_lexicon.py")
        if args.stats:
            print_stats(converter, rows)
    except ConversionError as e:
        print(f"make_cameo_lexicon: error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
