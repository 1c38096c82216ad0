"""Parse safety: what every kg command that reads RDF checks before and after parsing it.

One layer, used by :func:`kg.rdf.read_graph` (validate, query with rdflib, draw, analyze, diff,
export, build --append), by :mod:`kg.store` (load, build --store, query on Oxigraph), by
:func:`kg.remote.push` and by the gazetteer and shapes readers.

Before parsing (:func:`refuse_unsafe`), nothing is fetched and nothing can explode:

* RDF/XML: a DOCTYPE or an entity declaration anywhere is refused (no external entity, no
  "billion laughs"). Expat itself reads the prolog, so padding, comments and encodings change
  nothing; should expat stop on a syntax error first, the raw bytes are searched instead.
* JSON-LD: a remote ``@context`` (a string, or a list holding one) and any ``@import`` are
  refused wherever they are, and so are contexts with more than :data:`MAX_PREFIXES` terms.
* Turtle and TriG: more than :data:`MAX_PREFIXES` prefix declarations, or a long (triple-quoted)
  string of more than :data:`MAX_LITERAL` bytes, are refused (rdflib's parser slows down
  quadratically on both).

After parsing (:func:`check_terms`), nothing is kept that a writer would turn into a file no
parser reads: an IRI with a space or another character IRIs cannot hold, or a language tag that is
not a BCP 47 tag, is refused; an infinite or not-a-number ``xsd:double``/``xsd:float`` is written
in its XSD form (``INF``, ``-INF``, ``NaN``).
"""

from __future__ import annotations

import json
import mmap
import re
from pathlib import Path

from .errors import GraphError

#: at most this many prefix declarations in a Turtle or TriG file, or terms in JSON-LD contexts
MAX_PREFIXES = 10_000
#: at most this many bytes in one long (triple-quoted) string of a Turtle or TriG file
MAX_LITERAL = 1 << 20

_PREFIX = re.compile(rb"@prefix\b|(?<![\w:@-])prefix(?=[ \t\r\n]+[\w.-]*:)", re.IGNORECASE)
_LONG_QUOTE = re.compile(rb'"""|\'\'\'')
_XML_DECL = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)|<\x00!\x00(?:\s\x00)*[DE]\x00|\x00<\x00!(?:\x00\s)*\x00[DE]",
                       re.IGNORECASE)
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_PRIMARY = re.compile(r"[A-Za-z]{1,8}")
_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")


def _bcp47(tag: str) -> bool:
    """Whether ``tag`` has the shape of a BCP 47 language tag (letters, then subtags of at most 8)."""
    first, *rest = tag.split("-")
    return bool(_PRIMARY.fullmatch(first)) and all(_SUBTAG.fullmatch(part) for part in rest)


class _Refused(Exception):
    pass


class _Done(Exception):
    pass


def refuse_unsafe(path: str | Path, fmt) -> None:
    """Refuse ``path`` (in the :class:`kg.rdf.RdfFormat` ``fmt``) before parsing when parsing it
    could reach the network or take time or memory out of proportion to its size (GraphError)."""
    path = Path(path)
    if fmt.name == "xml":
        _refuse_entities(path)
    elif fmt.name == "json-ld":
        _refuse_remote_contexts(path)
    elif fmt.name in ("turtle", "trig"):
        _refuse_turtle_bombs(path)


def _refuse_entities(path: Path) -> None:
    import pyexpat

    def refuse(*_args):
        raise _Refused

    def done(*_args):
        raise _Done  # the root element: no declaration can follow

    parser = pyexpat.ParserCreate()
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = refuse
    parser.StartElementHandler = done
    parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    found = False
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Refused:
        found = True
    except _Done:
        return
    except (pyexpat.ExpatError, ValueError, LookupError):
        found = _raw_declaration(path)  # expat gave up: look at the bytes themselves
    if found:
        raise GraphError(f"{path}: RDF/XML with a DOCTYPE or entity declarations is refused "
                         "(kg reads no external entity and expands no entity)")


def _raw_declaration(path: Path) -> bool:
    with _mapped(path) as data:
        return data is not None and _XML_DECL.search(data) is not None


class _mapped:
    """The bytes of a file, memory-mapped (None for an empty file)."""

    def __init__(self, path: Path) -> None:
        self.path, self.fh, self.map = path, None, None

    def __enter__(self):
        self.fh = self.path.open("rb")
        try:
            self.map = mmap.mmap(self.fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file
            self.map = None
        return self.map

    def __exit__(self, *exc) -> None:
        if self.map is not None:
            self.map.close()
        self.fh.close()


def _refuse_remote_contexts(path: Path) -> None:
    terms = [0]

    def pairs(items):
        for key, value in items:
            if key == "@import":
                raise GraphError(f"{path}: JSON-LD with an @import context is refused (kg makes no network "
                                 "request); inline the imported context")
            if key == "@context":
                for ctx in value if isinstance(value, list) else [value]:
                    if isinstance(ctx, str):
                        raise GraphError(f"{path}: JSON-LD with a remote @context is refused (kg makes no "
                                         "network request); inline the context")
                    if isinstance(ctx, dict):
                        terms[0] += len(ctx)
                if terms[0] > MAX_PREFIXES:
                    raise GraphError(f"{path}: JSON-LD contexts with more than {MAX_PREFIXES:,} terms are refused")
        return dict(items)

    try:
        json.loads(path.read_bytes(), object_pairs_hook=pairs)  # bytes: UTF-16 and UTF-32 are read too
    except (ValueError, RecursionError):
        return  # the parser reports the syntax error with its line


def _refuse_turtle_bombs(path: Path) -> None:
    with _mapped(path) as data:
        if data is None:
            return
        for n, _ in enumerate(_PREFIX.finditer(data), start=1):
            if n > MAX_PREFIXES:
                raise GraphError(f"{path}: more than {MAX_PREFIXES:,} prefix declarations are refused")
        opened = None
        for m in _LONG_QUOTE.finditer(data):
            if opened is None:
                opened = m
            elif m.group() == opened.group():
                if m.start() - opened.end() > MAX_LITERAL:
                    line = data[:opened.start()].count(b"\n") + 1
                    raise GraphError(f"{path}: line {line}: a string of more than {MAX_LITERAL:,} bytes is refused")
                opened = None
        if opened is not None and len(data) - opened.end() > MAX_LITERAL:
            line = data[:opened.start()].count(b"\n") + 1
            raise GraphError(f"{path}: line {line}: a string of more than {MAX_LITERAL:,} bytes is refused")


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


_NON_FINITE = {"inf": "INF", "-inf": "-INF", "nan": "NaN"}


def check_terms(graph, path: str | Path):
    """``graph`` after refusing the terms no RDF parser reads back (GraphError naming the term and
    ``path``), with non-finite doubles and floats in their XSD form."""
    from rdflib import XSD, Literal, URIRef

    numeric = (XSD.double, XSD.float)
    fixes = []
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                bad = _BAD_IRI.search(term)
                if bad:
                    what = "a space" if bad.group() == " " else f"the character {bad.group()!r}"
                    raise GraphError(f"{path}: the IRI {_short(str(term))!r} holds {what}: not a valid IRI")
            elif isinstance(term, Literal):
                if term.language is not None and not _bcp47(term.language):
                    raise GraphError(f"{path}: the language tag {_short(term.language, 40)!r} is not a BCP 47 tag "
                                     "(letters and digits, subtags of at most 8)")
                if term.datatype in numeric and str(term) in _NON_FINITE:
                    fixes.append((triple, term))
    for (s, p, o), term in fixes:
        graph.remove((s, p, o))
        graph.add((s, p, Literal(_NON_FINITE[str(term)], datatype=term.datatype, normalize=False)))
    return graph


__all__ = ["MAX_LITERAL", "MAX_PREFIXES", "check_terms", "refuse_unsafe"]
