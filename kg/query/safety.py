"""What a query must pass before it runs: a query form, declared prefixes, and nothing that would
reach the network (SERVICE, LOAD, remote FROM) or write (an update without ``--update``); also the
warnings for ``kg:`` terms the vocabulary does not have.
"""

from __future__ import annotations

import re

from ..predicates import RELATION_PREDICATES
from .base import KG_NS, PREFIXES, QuerySyntaxError, UnsafeQueryError, syntax_error

__all__ = ["SPARQL_TOKEN", "query_form", "is_update", "check_form", "check_prefixes", "vocabulary_warnings",
           "check_query", "check_graphs"]

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
    kg.query.base.QuerySyntaxError: syntax error at line 1, column 1: 'SELEC' is not a query form; a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (did you mean SELECT?)
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
    kg.query.base.QuerySyntaxError: syntax error at line 2, column 6: undefined prefix 'foo:' in foo:bar; declare it (PREFIX foo: <IRI>) or use one of kg, actor, person, place, claim, doc, rdf, rdfs, owl, xsd, skos, prov, dcterms, wd, geo
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
    from ..resources import ontology_path

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
    kg.query.base.UnsafeQueryError: SERVICE <http://example.org/sparql> refused: kg query makes no network requests
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
            raise syntax_error(exc, "rdflib") from None
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


def check_graphs(graphs: list[str], available: set[str]) -> None:
    """UnsafeQueryError for the first dataset IRI (FROM, FROM NAMED, USING) that is not one of the
    ``available`` graphs of the queried data: no engine may fetch it."""
    for iri in graphs:
        if iri not in available:
            raise UnsafeQueryError(f"FROM/USING <{iri}> refused: it is not a graph of the queried data "
                                   "and kg query makes no network requests")
