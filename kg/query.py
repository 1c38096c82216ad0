"""SPARQL over kg graphs: run a query on an RDF file, a store or a graph object, safely, and get rows.

>>> from kg.rdf import build_graph
>>> from kg.model import Relation
>>> g = build_graph([Relation("d1", "PRK", "supplies", "RUS", "North Korea", "Russia", "S.", 0, 2)], [], None)
>>> result = run_query(g, "SELECT ?who WHERE { ?who kg:supplies actor:RUS }")
>>> [row[0].value for row in result]
['https://w3id.org/kgstates/actor/PRK']

- The usual prefixes (:data:`PREFIXES`) are declared; a query's own PREFIX lines win.
- Parameters are bound through the engine (pyoxigraph ``substitutions``, rdflib ``initBindings``),
  never pasted into the text. A state parameter may be a name, alias or ISO code.
- SERVICE, LOAD and FROM / FROM NAMED / USING with IRIs that are not graphs of the queried
  dataset are refused before anything runs: no engine ever makes a network request.
- ``timeout`` runs the query in a child process that is killed at the deadline
  (:func:`call_with_timeout`).
- Engines: Oxigraph (pyoxigraph) for files, stores and pyoxigraph Stores; rdflib for rdflib
  Graphs or on request. Both give the same answers to the saved queries (a test compares them);
  Oxigraph parses and answers files 10-17 times faster at every size measured (300 to 160,000
  triples), so it is always the default. Files are parsed into an in-memory store per query;
  ``kg load`` makes a store that is opened without parsing.

Rows hold pyoxigraph terms (``NamedNode``, ``BlankNode``, ``Literal``, or None when unbound) whatever
the engine; :meth:`QueryResult.to_rdflib` and :meth:`QueryResult.records` convert them. The
writers of the result formats are in :mod:`kg.cli_query`.
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from .errors import GazetteerError, GraphError, KgError
from .predicates import RELATION_PREDICATES

__all__ = ["PREFIXES", "QueryError", "QuerySyntaxError", "UnsafeQueryError", "QueryTimeout", "ParamError",
           "QueryResult", "SavedQuery", "Param", "saved_queries", "saved_query", "check_query", "bind_params",
           "run_query", "run_update", "is_update", "query_form", "check_form", "check_prefixes", "vocabulary_warnings",
           "call_with_timeout", "default_max_memory", "MAX_ROWS"]

KG_NS = "https://w3id.org/kgstates/ontology#"
ACTOR_NS = "https://w3id.org/kgstates/actor/"

#: prefixes every query may use without declaring them
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "actor": ACTOR_NS,
    "person": "https://w3id.org/kgstates/person/",
    "place": "https://w3id.org/kgstates/place/",
    "claim": "https://w3id.org/kgstates/claim/",
    "doc": "https://w3id.org/kgstates/doc/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "wd": "http://www.wikidata.org/entity/",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
}


class QueryError(KgError):
    """A query failed: bad syntax, refused, timed out, or the engine reported an error."""


class QuerySyntaxError(QueryError):
    """The query does not parse; the message gives the line and column."""


class UnsafeQueryError(QueryError):
    """The query asks for something kg query never does (network access, writing without --update)."""


class QueryTimeout(QueryError):
    """The query ran longer than its timeout and was stopped."""


class ParamError(KgError):
    """A --param is malformed, unknown, missing or has a value that names nothing (a usage error)."""

    exit_code = 2


# ---------------------------------------------------------------------------- results

@dataclass
class QueryResult:
    """The answer to a query: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    kind: str  # "select" | "ask" | "graph"
    vars: tuple[str, ...] = ()
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: list = field(default_factory=list)  # pyoxigraph Triple objects

    def __iter__(self):
        return iter(self.rows if self.kind == "select" else self.triples)

    def __len__(self) -> int:
        return len(self.rows if self.kind == "select" else self.triples)

    def __bool__(self) -> bool:
        """The answer of an ASK; otherwise whether there are rows or triples."""
        return bool(self.boolean) if self.kind == "ask" else len(self) > 0

    def to_rdflib(self) -> list[tuple]:
        """The rows (or triples) as tuples of rdflib terms (None when unbound)."""
        return [tuple(_to_rdflib(t) for t in row) for row in self]

    def records(self) -> list[dict]:
        """The rows as dicts of plain Python values: IRIs as str, numbers as int/Decimal/float, booleans."""
        return [{v: _py(t) for v, t in zip(self.vars, row)} for row in self.rows]


_XSD = PREFIXES["xsd"]


def _py(term):
    import decimal

    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return term.value
    if kind == "BlankNode":
        return "_:" + term.value
    dt = term.datatype.value if kind == "Literal" else ""
    try:
        if dt in (_XSD + "integer", _XSD + "int", _XSD + "long", _XSD + "nonNegativeInteger"):
            return int(term.value)
        if dt == _XSD + "decimal":
            return decimal.Decimal(term.value)
        if dt in (_XSD + "double", _XSD + "float"):
            return float(term.value)
        if dt == _XSD + "boolean":
            return term.value in ("true", "1")
    except (ValueError, decimal.InvalidOperation):
        pass
    return term.value


def _to_rdflib(term):
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return URIRef(term.value)
    if kind == "BlankNode":
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    dt = term.datatype.value
    return Literal(term.value, datatype=None if dt == _XSD + "string" else URIRef(dt))


def _from_rdflib(term):
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", str(term)))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or _XSD + "string")))
    raise QueryError(f"unsupported term in a result: {term!r}")


# ---------------------------------------------------------------------------- saved queries

@dataclass(frozen=True)
class Param:
    """A parameter of a saved query: ``kind`` is actor, predicate, string, integer, date or iri."""

    name: str
    kind: str
    description: str


@dataclass(frozen=True)
class SavedQuery:
    """A query shipped in ``kg/queries/NAME.rq``, documented by its comment header."""

    name: str
    summary: str
    description: str
    params: tuple[Param, ...]
    text: str


_HEAD = re.compile(r"#\s*([\w-]+):\s*(.+)")
_PARAM = re.compile(r"#\s*param\s+(\w+)\s*\((\w+)\):\s*(.*)")
PARAM_KINDS = ("actor", "predicate", "string", "integer", "date", "iri")


def _parse_saved(name: str, text: str) -> SavedQuery:
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    m = _HEAD.fullmatch(header[0].strip()) if header else None
    if not m or m.group(1) != name:
        raise QueryError(f"saved query {name}: the first line must be '# {name}: summary'")
    params, desc = [], []
    for line in header[1:]:
        if pm := _PARAM.fullmatch(line.strip()):
            if pm.group(2) not in PARAM_KINDS:
                raise QueryError(f"saved query {name}: param {pm.group(1)} has unknown kind {pm.group(2)}")
            params.append(Param(pm.group(1), pm.group(2), pm.group(3).strip()))
        else:
            desc.append(line[1:].strip())
    return SavedQuery(name, m.group(2).strip(), "\n".join(desc).strip(), tuple(params), text)


def saved_queries() -> dict[str, SavedQuery]:
    """The saved queries shipped with kg, by name (sorted)."""
    import importlib.resources

    folder = importlib.resources.files("kg.queries")
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            out[name] = _parse_saved(name, entry.read_text(encoding="utf-8"))
    return out


def saved_query(name: str) -> SavedQuery:
    """The saved query ``name``; ParamError (a usage error) suggesting close names when there is none."""
    queries = saved_queries()
    if name not in queries:
        import difflib

        close = difflib.get_close_matches(name, list(queries), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else f"; saved queries: {', '.join(queries)}"
        raise ParamError(f"no saved query {name!r}{hint}")
    return queries[name]


# ---------------------------------------------------------------------------- safety

_RISKY = re.compile(r"(?<![A-Za-z])(SERVICE|FROM|USING|LOAD)(?![A-Za-z])", re.IGNORECASE)
_UNESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
#: the tokens of SPARQL text that matter for telling its form and its groups: strings, IRIs,
#: comments (skipped whole, so a keyword inside one is not seen), braces and words
SPARQL_TOKEN = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"'
                          r"|'(?:[^'\\\n]|\\.)*'|<[^<>\"{}|^`\\\s]*>|#[^\n]*|[{}]|[A-Za-z]+", re.DOTALL)
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if int(m.group(1) or m.group(2), 16)
                         < 0x110000 else m.group(0), text)


def query_form(text: str) -> str:
    """The first keyword after the prologue, upper-cased: SELECT, ASK, CONSTRUCT, DESCRIBE, INSERT...

    >>> query_form("PREFIX : <http://e/> # CONSTRUCT\\nask { ?s ?p ?o }")
    'ASK'
    """
    in_prologue = False
    for m in SPARQL_TOKEN.finditer(text):
        tok = m.group(0)
        if in_prologue:
            in_prologue = not tok.startswith("<")
        elif tok[0].isalpha():
            word = tok.upper()
            if word not in ("PREFIX", "BASE"):
                return word
            in_prologue = True
    return ""


def is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL Update rather than a query.

    >>> is_update("PREFIX : <http://e/> INSERT DATA { :a :b :c }"), is_update("# INSERT\\nSELECT * {}")
    (True, False)
    """
    return query_form(text) in _UPDATE_WORDS


def _syntax(exc: Exception, engine: str) -> QuerySyntaxError:
    msg = " ".join(str(exc).split())
    if engine == "rdflib":
        line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
        msg = getattr(exc, "msg", msg)
    else:
        m = re.match(r"error at (\d+):(\d+): (.*)", msg)
        line, col, msg = (int(m.group(1)), int(m.group(2)), m.group(3)) if m else (None, None, msg)
    if len(msg) > 160:  # Oxigraph lists every token it would accept, character classes included
        msg = msg[:msg.rfind(",", 0, 150) + 1 or 150].rstrip(",") + " ..."
    if line:
        return QuerySyntaxError(f"syntax error at line {line}, column {col}: {msg}")
    return QuerySyntaxError(f"syntax error: {msg}")


_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
#: what may name a term in SPARQL text, with what must be skipped whole to find them: strings,
#: IRIs, comments, variables and blank node labels
_TERM_SCAN = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                        r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|(?P<iri><[^<>"{}|^`\\\s]*>)|#[^\n]*'
                        r"|[?$]\w+|_:[\w.-]*|(?P<pname>(?P<prefix>[A-Za-z][\w.-]*)?:(?P<local>(?:[\w%-]|\.(?=[\w%-]))*))",
                        re.DOTALL)
_DECLARED = re.compile(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>")


def _position(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def check_form(text: str, *, update: bool = False) -> None:
    """QuerySyntaxError, with its line and column, when ``text`` does not start (after its prologue)
    with a query form (or an update's, when ``update``).

    >>> check_form("SELEC ?x WHERE { ?x ?p ?o }")
    Traceback (most recent call last):
    ...
    kg.query.QuerySyntaxError: syntax error at line 1, column 1: 'SELEC' is not a query form; a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (did you mean SELECT?)
    """
    forms = _FORMS + tuple(sorted(_UPDATE_WORDS)) if update else _FORMS
    in_prologue = False
    for m in SPARQL_TOKEN.finditer(text):
        tok = m.group(0)
        if in_prologue:
            in_prologue = not tok.startswith("<")
        elif tok[0].isalpha() or tok == "{":
            word = tok.upper()
            if word in ("PREFIX", "BASE"):
                in_prologue = True
                continue
            if word in forms:
                return
            import difflib

            close = difflib.get_close_matches(word, forms, n=1, cutoff=0.6)
            line, col = _position(text, m.start())
            raise QuerySyntaxError(f"syntax error at line {line}, column {col}: {tok[:30]!r} is not a query form; "
                                   f"a query starts with {', '.join(forms[:-1])} or {forms[-1]}"
                                   + (f" (did you mean {close[0]}?)" if close else ""))
    if not text.strip() or not any(m.group(0)[0].isalpha() for m in SPARQL_TOKEN.finditer(text)):
        raise QuerySyntaxError("syntax error: the query is empty")


def check_prefixes(text: str) -> None:
    """QuerySyntaxError, with its line and column, for the first prefixed name whose prefix is
    neither declared by the query nor one of :data:`PREFIXES`.

    >>> check_prefixes("SELECT ?x WHERE {\\n  ?x foo:bar ?y }")
    Traceback (most recent call last):
    ...
    kg.query.QuerySyntaxError: syntax error at line 2, column 6: undefined prefix 'foo:' in foo:bar; declare it (PREFIX foo: <IRI>) or use one of kg, actor, person, place, claim, doc, rdf, rdfs, owl, xsd, skos, prov, dcterms, wd, geo
    """
    declared = {m.group(1) or "" for m in _DECLARED.finditer(text)} | set(PREFIXES)
    for m in _TERM_SCAN.finditer(text):
        if m.group("pname") is not None and (m.group("prefix") or "") not in declared:
            line, col = _position(text, m.start())
            prefix = m.group("prefix") or ""
            raise QuerySyntaxError(f"syntax error at line {line}, column {col}: undefined prefix {prefix + ':'!r} "
                                   f"in {m.group('pname')[:40]}; declare it (PREFIX {prefix}: <IRI>) or use one of "
                                   f"{', '.join(PREFIXES)}")


def vocabulary_warnings(text: str) -> list[str]:
    """One line for each ``kg:`` term of ``text`` (or full IRI in kg's namespace) that the kg
    vocabulary does not have, naming the closest term that it has.

    >>> vocabulary_warnings("SELECT ?x WHERE { ?x kg:suplies actor:RUS }")
    ['line 1, column 22: kg:suplies is not a term of the kg vocabulary (did you mean kg:supplies?)']
    """
    kg_prefixes = {m.group(1) or "" for m in _DECLARED.finditer(text) if m.group(2) == KG_NS}
    if not any(m.group(1) == "kg" for m in _DECLARED.finditer(text)):
        kg_prefixes.add("kg")
    used = []
    for m in _TERM_SCAN.finditer(text):
        if m.group("pname") is not None and (m.group("prefix") or "") in kg_prefixes and m.group("local"):
            used.append((m.start(), m.group("pname"), m.group("local")))
        elif m.group("iri") and m.group("iri")[1:-1].startswith(KG_NS) and len(m.group("iri")) > len(KG_NS) + 2:
            used.append((m.start(), m.group("iri"), m.group("iri")[1 + len(KG_NS):-1]))
    unknown = [u for u in used if u[2] not in RELATION_PREDICATES]
    if not unknown:
        return []
    import difflib

    terms = _vocabulary()
    out = []
    for at, shown, local in unknown:
        if local in terms:
            continue
        close = difflib.get_close_matches(local, terms, n=1, cutoff=0.6)
        line, col = _position(text, at)
        out.append(f"line {line}, column {col}: {shown} is not a term of the kg vocabulary"
                   + (f" (did you mean kg:{close[0]}?)" if close else ""))
    return out


def _vocabulary() -> list[str]:
    """The terms of ``ontology/kg.ttl`` (each is the subject of a line of its own), read without rdflib."""
    from .resources import ontology_path

    text = ontology_path("kg.ttl").read_text(encoding="utf-8")
    return sorted(set(re.findall(r"(?m)^kg:(\w+)\s", text)))


def check_query(text: str, *, update: bool = False) -> list[str]:
    """Refuse what ``kg query`` never runs, before anything runs; return the dataset IRIs it names.

    Raises UnsafeQueryError for SERVICE and LOAD, for an update when ``update`` is false, and
    QuerySyntaxError when the query had to be parsed for the check and does not parse. The
    returned IRIs (FROM, FROM NAMED, USING) must be graphs of the queried dataset: the caller
    checks that, since only the engine knows its graphs.

    A query none of whose words could be SERVICE, FROM, USING or LOAD (even with ``\\u`` escapes
    undone) needs no parsing; any other is parsed by rdflib's SPARQL parser and its algebra inspected.

    >>> check_query("SELECT * WHERE { ?s ?p ?o }")
    []
    >>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.query.UnsafeQueryError: SERVICE <http://example.org/sparql> refused: kg query makes no network requests
    """
    if not update and is_update(text):
        raise UnsafeQueryError("this is a SPARQL Update; kg query is read-only unless run with --update "
                               "on a store directory")
    check_form(text, update=update)
    check_prefixes(text)
    if not _RISKY.search(text) and not _RISKY.search(_unescape(text)):
        return []
    from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        if update:
            algebra = translateUpdate(parseUpdate(text), initNs=PREFIXES).algebra
        else:
            algebra = translateQuery(parseQuery(text), initNs=PREFIXES).algebra
    except Exception as exc:  # noqa: BLE001 - pyparsing and rdflib raise many types
        if type(exc).__name__.startswith("Parse"):
            raise _syntax(exc, "rdflib") from None
        raise QuerySyntaxError(f"syntax error: {' '.join(str(exc).split())[:200]}") from None
    graphs: list[str] = []
    stack = [algebra]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                raise UnsafeQueryError(f"SERVICE {node.get('term').n3()} refused: kg query makes no network requests")
            if node.name == "Load":
                raise UnsafeQueryError(f"LOAD {node.get('iri').n3()} refused: load files with kg load instead")
            if node.name in ("DatasetClause", "UsingClause"):
                graphs.extend(str(node[k]) for k in ("default", "named") if k in node)
            stack.extend(node.values())
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
    return list(dict.fromkeys(graphs))


def _check_graphs(graphs: list[str], available: set[str]) -> None:
    for iri in graphs:
        if iri not in available:
            raise UnsafeQueryError(f"FROM/USING <{iri}> refused: it is not a graph of the queried data "
                                   "and kg query makes no network requests")


# ---------------------------------------------------------------------------- parameters

_ACTOR_NAMES = {"state", "actor", "a", "b", "subject", "object"}


def _kind_for(name: str, declared: Mapping[str, Param] | None) -> str:
    if declared and name in declared:
        return declared[name].kind
    if name in _ACTOR_NAMES:
        return "actor"
    return "predicate" if name == "predicate" else "string"


def bind_params(params: Mapping[str, object], *, query: str = "", saved: SavedQuery | None = None,
                gazetteer=None) -> dict:
    """Turn ``NAME -> VALUE`` strings into pyoxigraph terms to bind, checking them against the query.

    Kinds come from the saved query's header, else from the name (state, actor, a, b, subject,
    object: actor; predicate: predicate; else string). An actor value is a name, alias or ISO code
    resolved by the gazetteer (loaded on demand), a predicate one of kg's sixteen relations. A value
    written ``<IRI>`` is that IRI. Terms (pyoxigraph or rdflib) are taken as they are.

    Raises ParamError for an unknown, missing or unresolvable parameter.
    """
    import pyoxigraph as ox

    declared = {p.name: p for p in saved.params} if saved else None
    if saved:
        unknown = [n for n in params if n not in declared]
        if unknown:
            known = ", ".join(declared) or "none"
            raise ParamError(f"--param {unknown[0]}: {saved.name} has no such parameter (its parameters: {known})")
        missing = [n for n in declared if n not in params]
        if missing:
            raise ParamError(f"{saved.name} needs --param {missing[0]}=VALUE ({declared[missing[0]].description})")
    out = {}
    for name, value in params.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ParamError(f"--param {name}: not a variable name")
        if query and not re.search(rf"[?$]{name}(?![A-Za-z0-9_\u00b7\u0300-\u036f\u203f\u2040])", query):
            raise ParamError(f"--param {name}: the query has no variable ?{name}")
        if not isinstance(value, str):
            out[name] = _from_rdflib(value) if type(value).__module__.startswith("rdflib") else value
            continue
        kind = _kind_for(name, declared)
        if value.startswith("<") and value.endswith(">") and kind in ("actor", "iri", "predicate"):
            out[name] = _iri(name, value[1:-1])
        elif kind == "actor":
            out[name] = ox.NamedNode(ACTOR_NS + _actor(name, value, gazetteer))
        elif kind == "predicate":
            out[name] = ox.NamedNode(KG_NS + _predicate(name, value))
        elif kind == "iri":
            out[name] = _iri(name, value)
        elif kind == "integer":
            if not re.fullmatch(r"[+-]?\d+", value.strip()):
                raise ParamError(f"--param {name}: {value!r} is not an integer")
            out[name] = ox.Literal(value.strip(), datatype=ox.NamedNode(_XSD + "integer"))
        elif kind == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                raise ParamError(f"--param {name}: {value!r} is not a date (YYYY-MM-DD)")
            out[name] = ox.Literal(value.strip(), datatype=ox.NamedNode(_XSD + "date"))
        else:
            out[name] = ox.Literal(value)
    return out


def _iri(name: str, value: str):
    import pyoxigraph as ox

    prefix, _, local = value.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        value = PREFIXES[prefix] + local
    try:
        return ox.NamedNode(value)
    except ValueError as exc:
        raise ParamError(f"--param {name}: {value!r} is not an IRI ({exc})") from None


def _actor(name: str, value: str, gazetteer) -> str:
    if gazetteer is None:
        from .gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    text = value.strip()
    if text.startswith(ACTOR_NS):
        text = text[len(ACTOR_NS):]
    elif text.startswith("actor:"):
        text = text[len("actor:"):]
    try:
        return gazetteer.resolve(text)
    except GazetteerError as exc:
        raise ParamError(f"--param {name}: {exc}") from None


def _predicate(name: str, value: str) -> str:
    text = value.strip()
    for prefix in (KG_NS, "kg:"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    if text in RELATION_PREDICATES:
        return text
    lower = {p.lower(): p for p in RELATION_PREDICATES}
    if text.lower() in lower:
        return lower[text.lower()]
    import difflib

    close = difflib.get_close_matches(text, RELATION_PREDICATES, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else f"; use one of {', '.join(RELATION_PREDICATES)}"
    raise ParamError(f"--param {name}: {value!r} is not a kg relation{hint}")


# ---------------------------------------------------------------------------- engines

#: the rows (or triples) a query may give unless told otherwise (``--max-rows``)
MAX_ROWS = 1_000_000


def _bounded(items, max_rows: int | None) -> list:
    """``items`` as a list, or QueryError as soon as there are more than ``max_rows``: a cross
    product stops at the bound instead of filling the memory."""
    if max_rows is None:
        return list(items)
    out = list(itertools.islice(items, max_rows + 1))
    if len(out) > max_rows:
        raise QueryError(f"the query gives more than {max_rows:,} results; add a LIMIT or raise --max-rows")
    return out


def _query_oxigraph(store, text: str, bindings: dict, graphs: list[str], max_rows: int | None = None) -> QueryResult:
    import pyoxigraph as ox

    named = {g.value for g in store.named_graphs()}
    _check_graphs(graphs, named)
    subs = {ox.Variable(k): v for k, v in bindings.items()} or None
    try:
        answer = store.query(text, prefixes=PREFIXES, substitutions=subs, use_default_graph_as_union=bool(named))
        if isinstance(answer, ox.QuerySolutions):
            names = tuple(v.value for v in answer.variables)
            return QueryResult("select", names, _bounded((tuple(sol) for sol in answer), max_rows))
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        return QueryResult("graph", triples=_bounded(answer, max_rows))
    except SyntaxError as exc:
        raise _syntax(exc, "oxigraph") from None
    except (OSError, RuntimeError, ValueError) as exc:
        msg = " ".join(str(exc).split())
        if "in its SELECT projection" in msg and (m := re.search(r"\?(\w+)", msg)):
            raise ParamError(f"--param {m.group(1)}: the query must select ?{m.group(1)} to bind it "
                             f"(SELECT ?{m.group(1)} ... or SELECT *)") from None
        raise QueryError(f"query failed: {msg[:300]}") from None


def _query_rdflib(graph, text: str, bindings: dict, graphs: list[str], max_rows: int | None = None) -> QueryResult:
    if graphs:
        raise UnsafeQueryError(f"FROM <{graphs[0]}> refused: the rdflib engine would fetch it; "
                               "use the oxigraph engine on a store")
    try:
        res = graph.query(text, initNs=PREFIXES, initBindings={k: _to_rdflib(v) for k, v in bindings.items()})
    except Exception as exc:  # noqa: BLE001 - pyparsing and rdflib raise many types
        if type(exc).__name__.startswith("Parse"):
            raise _syntax(exc, "rdflib") from None
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:300]}") from None
    if res.type == "SELECT":
        names = tuple(str(v) for v in res.vars)
        return QueryResult("select", names, _bounded((tuple(_from_rdflib(t) for t in row) for row in res), max_rows))
    if res.type == "ASK":
        return QueryResult("ask", boolean=bool(res.askAnswer))
    import pyoxigraph as ox

    return QueryResult("graph", triples=_bounded((ox.Triple(*(_from_rdflib(t) for t in triple)) for triple in res),
                                                 max_rows))


def _memory_store(path: Path):
    import pyoxigraph as ox

    from .store import load_into

    store = ox.Store()
    load_into(store, path, bulk=False)
    return store


def _rdflib_graph(path: Path):
    from .rdf import read_graph

    return read_graph(path)  # refuses remote JSON-LD contexts and XML entities before parsing


def _engine_for(source, engine: str) -> str:
    kind = type(source).__module__.split(".")[0]
    if engine == "auto":
        return "rdflib" if kind == "rdflib" else "oxigraph"
    if engine not in ("oxigraph", "rdflib"):
        raise ParamError(f"unknown engine {engine!r}; use auto, oxigraph or rdflib")
    if engine == "rdflib" and kind == "pyoxigraph":
        raise ParamError("the rdflib engine cannot query a pyoxigraph Store")
    if engine == "oxigraph" and kind == "rdflib":
        raise ParamError("the oxigraph engine cannot query an rdflib Graph; pass a file or store")
    return engine


def _source_path(source) -> Path | None:
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            raise GraphError(f"{path}: graph or store not found")
        return path
    return None


def run_query(source, query: str, *, params: Mapping[str, object] | None = None, saved: SavedQuery | None = None,
              engine: str = "auto", timeout: float | None = None, gazetteer=None, max_rows: int | None = MAX_ROWS,
              max_memory: int | None = None) -> QueryResult:
    """Run a SPARQL query on a graph file, a store directory, an rdflib Graph or a pyoxigraph Store.

    Parameters
    ----------
    source : str, Path, rdflib.Graph or pyoxigraph.Store
        An RDF file in any format kg writes (format from the suffix), a store directory, or a graph.
    query : str
        SELECT, ASK, CONSTRUCT or DESCRIBE; the prefixes of :data:`PREFIXES` are declared.
    params : mapping, optional
        Variables to bind, as strings (see :func:`bind_params`) or terms.
    saved : SavedQuery, optional
        The saved query ``query`` comes from: its header gives the parameters' kinds.
    engine : {"auto", "oxigraph", "rdflib"}
        auto: oxigraph for files, stores and pyoxigraph Stores (it parses and answers faster at every
        size measured), rdflib for rdflib Graphs.
    timeout : float, optional
        Seconds; QueryTimeout when the query runs longer.
    gazetteer : kg.gazetteer.Gazetteer, optional
        Resolves actor parameters (the bundled one by default).
    max_rows : int, optional
        QueryError as soon as the query gives more rows (or triples); None: no bound.
    max_memory : int, optional
        Bytes the query process may allocate (with ``timeout``, where it runs in a child process).

    Returns
    -------
    QueryResult
    """
    path = _source_path(source)
    engine = _engine_for(source, engine)
    graphs = check_query(query)
    bindings = bind_params(params or {}, query=query, saved=saved, gazetteer=gazetteer)

    if graphs and path is not None and path.is_file():  # kg merges a file's graphs into the default graph
        _check_graphs(graphs, set())
    source_or_path = path if path is not None else source
    return call_with_timeout(lambda: _execute_query(source_or_path, query, bindings, graphs, engine, max_rows),
                             timeout, spawn_args=("query", path, query, bindings, graphs, engine, max_rows) if path
                             else None, max_memory=max_memory)


def _execute_query(source, query: str, bindings: dict, graphs: list[str], engine: str,
                   max_rows: int | None = None) -> QueryResult:
    path = source if isinstance(source, Path) else None
    if engine == "rdflib":
        if path is not None:
            if path.is_dir():
                raise ParamError(f"{path}: the rdflib engine reads graph files, not stores")
            source = _rdflib_graph(path)
        return _query_rdflib(source, query, bindings, graphs, max_rows)
    if path is None:
        return _query_oxigraph(source, query, bindings, graphs, max_rows)
    if path.is_dir():
        from .store import open_store

        with open_store(path) as store:
            return _query_oxigraph(store, query, bindings, graphs, max_rows)
    return _query_oxigraph(_memory_store(path), query, bindings, graphs, max_rows)


def run_update(store_dir: str | Path, update: str, *, timeout: float | None = None) -> None:
    """Run a SPARQL Update on the store at ``store_dir`` (taking its write lock), atomically.

    LOAD, SERVICE and USING graphs that are not in the store are refused before anything runs.
    """
    from .store import is_store

    path = Path(store_dir)
    if not is_store(path):
        raise GraphError(f"{path}: not a store; SPARQL Update runs only against a store directory")
    graphs = check_query(update, update=True)

    call_with_timeout(lambda: _execute_update(path, update, graphs), timeout,
                      spawn_args=("update", path, update, graphs))


def _execute_update(path: Path, update: str, graphs: list[str]) -> None:
    from .store import open_store

    with open_store(path, write=True) as store:
        _check_graphs(graphs, {g.value for g in store.named_graphs()})
        try:
            store.update(update, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise _syntax(exc, "oxigraph") from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"update failed: {' '.join(str(exc).split())[:300]}") from None


# ---------------------------------------------------------------------------- timeouts

def call_with_timeout(work: Callable[[], object], timeout: float | None, *, spawn_args: tuple | None = None,
                      max_memory: int | None = None):
    """``work()``, stopped after ``timeout`` seconds with QueryTimeout.

    The work runs in a separate process that is killed at the deadline, so even a query deep
    inside Oxigraph stops; the answer comes back pickled through a pipe:

    - a forked child, when the process has a single thread (Linux; the ``kg`` command always
      does): it costs a few milliseconds and the child inherits everything already imported;
    - otherwise a fresh Python process running ``spawn_args`` (a path-based query or update),
      since forking a process whose other threads hold locks (RocksDB's, after a store was
      opened) can deadlock the child; it costs the start-up of Python and pyoxigraph;
    - otherwise (an in-memory source in a multi-threaded process, or no fork) a daemon
      thread, abandoned at the deadline: the caller gets QueryTimeout, the query runs on.

    A child process may allocate at most ``max_memory`` bytes (default: :func:`default_max_memory`);
    past that it dies and the caller gets QueryError. An interruption of the caller (Ctrl-C,
    SIGTERM: any BaseException while it waits) kills the child at once before it propagates.
    """
    if timeout is None or timeout <= 0:
        return work()
    if max_memory is None:
        max_memory = default_max_memory()
    if hasattr(os, "fork") and _single_threaded():
        return _forked(work, timeout, max_memory)
    if spawn_args is not None:
        return _spawned(spawn_args, timeout, max_memory)
    return _thread_timeout(work, timeout)


def default_max_memory() -> int:
    """Half the physical memory, at most 4 GiB, in bytes."""
    try:
        return min(4 << 30, os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2)
    except (ValueError, OSError, AttributeError):
        return 4 << 30


def _limit_memory(max_memory: int) -> None:
    """Cap the data (heap and anonymous mappings) of this process at ``max_memory`` bytes."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_DATA, (max_memory, max_memory))
    except (ImportError, ValueError, OSError):
        pass


def _single_threaded() -> bool:
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # not Linux: cannot see native threads, so do not fork
        return False


def _timeout_error(timeout: float) -> QueryTimeout:
    return QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped "
                        "(raise the limit with --timeout SECONDS)")


def _read_until(fd: int, deadline: float) -> bytes | None:
    """Everything written to ``fd`` until EOF, or None when the deadline comes first."""
    import select
    import time

    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _answer(data: bytes | None, timeout: float, max_memory: int | None = None):
    import pickle

    if data is None:
        raise _timeout_error(timeout)
    if not data:
        if max_memory:
            raise QueryError(f"the query process died without an answer, most likely out of memory (it may use "
                             f"{max_memory / (1 << 20):,.0f} MB); add a LIMIT or raise --max-memory")
        raise QueryError("the query process died without an answer")
    status, value = pickle.loads(data)
    if status == "error":
        raise value
    return value


def _payload(work) -> bytes:
    import pickle

    try:
        payload = ("ok", work())
    except KgError as exc:
        payload = ("error", exc)
    except MemoryError:
        payload = ("error", QueryError("the query ran out of memory; add a LIMIT or raise --max-memory"))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the caller
        payload = ("error", QueryError(f"{type(exc).__name__}: {exc}"))
    try:
        return pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001
        return pickle.dumps(("error", QueryError(f"cannot return the result: {exc}")))


def _forked(work, timeout: float, max_memory: int | None = None):
    import signal
    import time

    import pyoxigraph  # noqa: F401 - imported before forking so that the child need not

    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, which coverage cannot see
        code = 0
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it kills us
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.close(read_fd)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)  # an engine dying of a failed allocation says so on stderr: we say it in one line
            if max_memory:
                _limit_memory(max_memory)
            with os.fdopen(write_fd, "wb") as fh:
                fh.write(_payload(work))
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    data = None
    try:
        data = _read_until(read_fd, time.monotonic() + timeout)
    finally:  # an answer, the deadline, or an interruption of ours (Ctrl-C): the child goes now
        os.close(read_fd)
        if data is None:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    return _answer(data, timeout, max_memory)


def _spawned(args: tuple, timeout: float, max_memory: int | None = None):
    import pickle
    import subprocess
    import sys
    import time

    deadline = time.monotonic() + timeout
    here = str(Path(__file__).resolve().parent.parent)  # the same kg as this one, wherever it is
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p),
           "KG_QUERY_MAX_MEMORY": str(max_memory or 0)}
    proc = subprocess.Popen([sys.executable, "-c", "from kg.query import _worker; _worker()"], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # Ctrl-C reaches only us; we kill it
    data = None
    try:
        proc.stdin.write(pickle.dumps(args))
        proc.stdin.close()
        data = _read_until(proc.stdout.fileno(), deadline)
    finally:
        if data is None:
            proc.kill()
        proc.wait()
        proc.stdout.close()
    return _answer(data, timeout, max_memory)


def _worker() -> None:  # pragma: no cover - runs in the spawned process
    """Entry point of a spawned query process: pickled arguments on stdin, pickled answer on stdout."""
    import pickle
    import sys

    args = pickle.loads(sys.stdin.buffer.read())
    if int(os.environ.get("KG_QUERY_MAX_MEMORY") or 0):
        _limit_memory(int(os.environ["KG_QUERY_MAX_MEMORY"]))
    if args[0] == "query":
        work = lambda: _execute_query(*args[1:])  # noqa: E731
    else:
        work = lambda: _execute_update(*args[1:])  # noqa: E731
    sys.stdout.buffer.write(_payload(work))
    sys.stdout.buffer.flush()


def _thread_timeout(work, timeout):
    import threading

    box: dict = {}

    def target():
        try:
            box["ok"] = work()
        except BaseException as exc:  # noqa: BLE001
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise _timeout_error(timeout)
    if "error" in box:
        raise box["error"]
    return box["ok"]
