"""Extraction work grows linearly with the text, whatever the text: a bound on work, not on the clock.

Two checks:

* the Python work of reading and extracting (counted as traced line events, which do not depend
  on the machine or its load) on pathological inputs of size n and 4n grows about 4 times, not 16;
* no regular expression in kg nests a variable-width repeat or alternation inside an unbounded repeat (the shape
  that makes a backtracking engine take exponential or polynomial time), except the reviewed
  patterns of ``UNAMBIGUOUS``, whose iterations each begin with a character the inner repeat
  cannot match, so a string splits into iterations one way only.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import sys
from pathlib import Path
from re import _parser as sre
from re._constants import MAXREPEAT

import pytest

import kg
from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.readers import read_documents

# Inputs that make naive extractors slow: one endless sentence, many actors in one sentence,
# runs of abbreviations, initialisms, quotes, brackets, numbers and words that open frames.
PATHOLOGICAL = {
    "no punctuation": "the talks between the delegations went on and on without any end in sight ",
    "actors without end": "Russia China Iran North Korea Syria Belarus Cuba Venezuela ",
    "actors in a list": "Russia, China, Iran, Cuba, Syria, Belarus and Venezuela, ",
    "one relation, repeated": "Russia supplied drones to Iran and ",
    "abbreviations": "Mr. Dr. Gen. St. Jan. ",
    "initialisms": "U.S. U.K. U.N. E.U. ",
    "dots": ". . . ... ",
    "brackets and quotes": "((\"'[“Russia’s ",
    "numbers": "1,000,000.5 2024 $3bn 45% ",
    "time words": "since 2022 until May in June last year ",
    "hedges and negation": "reportedly not allegedly never may ",
    "relative clauses": "which said that who argued that ",
    "digits": "1234567890",
    "letters": "aaaaaaaaaa",
    "dashes": "-–—- ",
    "blank lines": "\n\n \n",
    "non-Latin": "Россия Китай 北京 ",
}

# Pairs that keep changing, each referred to again as "the two countries": the discourse model's
# memory of pairs must not make each sentence cost more as the document grows.
_STATES = ("Chile Peru Ghana Kenya Spain Italy Japan Nepal Oman Qatar Chad Mali Laos Cuba Iraq Fiji Togo "
           "Benin Gabon Niger Sudan Yemen Syria Libya Egypt Malta Latvia Estonia Cyprus Croatia").split()
PATHOLOGICAL["new pairs, referred to"] = "".join(
    f"{a} and {b} met. The two countries signed a deal. " for i, a in enumerate(_STATES) for b in _STATES[i + 1:])

N = 6_000  # characters; the long case is 4N


def traced_work(fn) -> int:
    """The number of Python line events while ``fn()`` runs."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        count += 1
        return local

    def tracer(frame, event, arg):
        return local

    sys.settrace(tracer)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
@pytest.mark.slow
def test_extraction_work_is_linear(name, gazetteer, tmp_path):
    unit = PATHOLOGICAL[name]

    def work(size: int) -> int:
        path = tmp_path / f"{size}.txt"
        path.write_text((unit * (size // len(unit) + 1))[:size] + ".", encoding="utf-8")
        docs = list(read_documents([str(path)], on_error=lambda e: None))

        def run():
            for doc in docs:
                extract(doc, gazetteer)

        return traced_work(run)

    work(N)  # the first run builds indexes and caches: not counted
    small, large = work(N), work(4 * N)
    assert large <= 4.6 * max(small, 1000), (name, small, large)


# --------------------------------------------------------------------------- regular expressions

#: patterns with a variable-width repeat inside an unbounded one, reviewed as unambiguous:
#: pattern -> why each iteration starts where the inner repeat cannot go on
UNAMBIGUOUS = {
    r"(?:>[ \t]?)*": "each iteration starts with '>', which [ \\t]? cannot match",
    r"(?:[ \t]*\1){2,}": "each iteration ends with the rule character, which [ \\t]* cannot match",
    r"\d+(?:[.,:]\d+)*": "each iteration starts with . , or :, which \\d+ cannot match",
    r"less than)\s+)*": "each quantity word iteration ends in \\s+ and the next starts with a letter",
    r"|\\.)*": "in a SPARQL string, an escape starts with a backslash, which the other alternatives exclude",
}

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


def kg_patterns() -> dict[tuple[str | bytes, int], str]:
    """Every regular expression of kg: compiled ones reachable from module globals and class
    attributes, and string literals passed to ``re`` functions in the source."""
    found: dict[tuple[str | bytes, int], str] = {}

    def visit(obj, where: str, depth: int = 0) -> None:
        if isinstance(obj, re.Pattern):
            found.setdefault((obj.pattern, obj.flags), where)
        elif isinstance(obj, (list, tuple, set, frozenset)) and depth < 3:
            for item in obj:
                visit(item, where, depth + 1)
        elif isinstance(obj, dict) and depth < 3:
            for item in obj.values():
                visit(item, where, depth + 1)

    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            visit(obj, f"{info.name}.{name}")
            if isinstance(obj, type) and obj.__module__ == module.__name__:
                for attr, value in vars(obj).items():
                    visit(value, f"{info.name}.{name}.{attr}", 1)
        for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" \
                    and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, (str, bytes)):
                found.setdefault((node.args[0].value, 0), f"{info.name}:{node.lineno}")
    return found


def nested_repeats(tree, inside: bool = False) -> bool:
    for op, av in tree:
        if op in _REPEATS:
            lo, hi, sub = av
            if inside and lo != hi:
                return True
            if nested_repeats(sub, inside or hi == MAXREPEAT or hi > 50):
                return True
        elif op == sre.SUBPATTERN and nested_repeats(av[-1], inside):
            return True
        elif op == sre.BRANCH:
            if inside and len({b.getwidth() for b in av[1]}) > 1:
                return True  # alternatives of different widths: (x|xy)+
            if any(nested_repeats(b, inside) for b in av[1]):
                return True
        elif op in (sre.ASSERT, sre.ASSERT_NOT) and nested_repeats(av[1], inside):
            return True
    return False


def test_regular_expressions_cannot_backtrack_catastrophically():
    patterns = kg_patterns()
    assert len(patterns) > 50  # the scan sees kg's patterns
    risky = {}
    for (pattern, flags), where in patterns.items():
        if nested_repeats(sre.parse(pattern, flags)):
            text = pattern if isinstance(pattern, str) else pattern.decode("latin-1")
            if not any(ok in text for ok in UNAMBIGUOUS):
                risky[where] = pattern
    assert risky == {}


def test_the_nested_repeat_check_finds_the_classic_shapes():
    for bad in (r"(a+)+b", r"(?:\w+\s?)*$", r"(x|xy){1,}z", r"(?:a{1,3})+"):
        assert nested_repeats(sre.parse(bad)), bad
    for fine in (r"a+b+", r"(?:ab)+", r"(?:a{2})+", r"\w+(?:-\w+)?"):
        assert not nested_repeats(sre.parse(fine)), fine


def test_every_reviewed_pattern_is_still_in_use():
    texts = [p if isinstance(p, str) else p.decode("latin-1") for p, _ in kg_patterns()]
    for fragment in UNAMBIGUOUS:
        assert any(fragment in t for t in texts), fragment
