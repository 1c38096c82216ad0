"""Turtle written in one pass over sorted N-Triples lines, so a graph of any size is written in
bounded memory (rdflib's serializer holds the whole graph and sorts it in memory).

The output is deterministic: subjects in the order of their N-Triples text, ``rdf:type`` (``a``)
first, then the other predicates in order, objects of a predicate joined with commas. IRIs in a
bound namespace become prefixed names when the local part is a plain name; integers, decimals
and booleans in canonical form are written bare (``0.7``, ``12``, ``false``); every other
literal keeps its N-Triples form (valid Turtle, escapes included), with ``xsd:`` datatypes
abbreviated. Only the prefixes the graph uses are declared.

>>> lines = ['<http://e/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/T> .\\n',
...          '<http://e/a> <http://e/n> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .\\n']
>>> print(turtle_text(lines, {"e": "http://e/"}), end="")
@prefix e: <http://e/> .
<BLANKLINE>
e:a a e:T ;
    e:n 3 .
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator, Mapping

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_LOCAL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")  # a prefixed name's local part kept simple
_BARE = {  # literals Turtle can write without quotes, in the canonical form that reads back the same
    f"<{_XSD}integer>": re.compile(r"[+-]?[0-9]+"),
    f"<{_XSD}decimal>": re.compile(r"[+-]?[0-9]+\.[0-9]+"),
    f"<{_XSD}boolean>": re.compile(r"true|false"),
}


def _split(line: str) -> tuple[str, str, str]:
    """Subject, predicate and object of one N-Triples line (subjects and predicates have no spaces)."""
    subject, predicate, rest = line.split(" ", 2)
    return subject, predicate, rest.rstrip()[:-1].rstrip()


class _Names:
    """IRIs as prefixed names where a namespace is bound; records which prefixes were used."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        # the longest namespace first, so nested namespaces pick the most specific prefix
        self.namespaces = sorted(((str(ns), p) for p, ns in prefixes.items() if str(ns)),
                                 key=lambda x: (-len(x[0]), x[1]))
        self.used: set[str] = set()

    def iri(self, term: str) -> str:
        if not term.startswith("<"):
            return term  # a blank node
        iri = term[1:-1]
        for namespace, prefix in self.namespaces:
            if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace):]):
                self.used.add(prefix)
                return f"{prefix}:{iri[len(namespace):]}"
        return term

    def object(self, term: str) -> str:
        if not term.startswith('"'):
            return self.iri(term)
        quote_end = term.rfind('"')
        suffix = term[quote_end + 1:]
        if suffix.startswith("^^"):
            datatype = suffix[2:]
            value = term[1:quote_end]
            bare = _BARE.get(datatype)
            if bare is not None and bare.fullmatch(value):
                return value
            return term[:quote_end + 1] + "^^" + self.iri(datatype)
        return term


def _blocks(lines: Iterable[str], names: _Names) -> Iterator[str]:
    """One Turtle block per subject."""
    subject = None
    groups: dict[str, list[str]] = {}

    def block() -> str:
        order = sorted(groups, key=lambda p: (p != _RDF_TYPE, p))
        parts = [("a" if p == _RDF_TYPE else names.iri(p)) + " " + ", ".join(groups[p]) for p in order]
        return names.iri(subject) + " " + " ;\n    ".join(parts) + " .\n"

    for line in lines:
        if not line.strip():
            continue
        s, p, o = _split(line)
        if s != subject:
            if subject is not None:
                yield block()
            subject, groups = s, {}
        groups.setdefault(p, []).append(names.object(o))
    if subject is not None:
        yield block()


def write_turtle(lines: Callable[[], Iterable[str]], prefixes: Mapping[str, str], write: Callable[[str], object]) -> None:
    """Write the Turtle of the sorted, distinct N-Triples ``lines()`` through ``write``.

    ``lines`` is called twice: a first pass finds the prefixes in use (they head the file), the
    second writes the blocks.
    """
    names = _Names(prefixes)
    for _ in _blocks(lines(), names):
        pass
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items()) if p in names.used)
    write(header)
    first = True
    for block in _blocks(lines(), _Names(prefixes)):
        write(("\n" if header or not first else "") + block)
        first = False


def turtle_text(lines: Iterable[str], prefixes: Mapping[str, str]) -> str:
    """The Turtle of sorted, distinct N-Triples ``lines`` as one string (for small graphs and tests).

    Examples
    --------
    >>> lines = ["<http://e/a> <http://e/p> <http://e/b> .", '<http://e/a> <http://e/q> "x" .']
    >>> print(turtle_text(lines, {"e": "http://e/"}), end="")
    @prefix e: <http://e/> .
    <BLANKLINE>
    e:a e:p e:b ;
        e:q "x" .
    """
    lines = list(lines)
    out: list[str] = []
    write_turtle(lambda: lines, prefixes, out.append)
    return "".join(out)


__all__ = ["turtle_text", "write_turtle"]
