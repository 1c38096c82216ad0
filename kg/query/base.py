"""What every part of :mod:`kg.query` shares: the prefixes a query may use, and the errors.

>>> PREFIXES["actor"]
'https://w3id.org/kgstates/actor/'
"""

from __future__ import annotations

import re

from .. import namespaces as ns
from ..errors import KgError

__all__ = ["PREFIXES", "KG_NS", "ACTOR_NS", "XSD", "QueryError", "QuerySyntaxError", "UnsafeQueryError",
           "QueryTimeout", "ParamError", "syntax_error"]

KG_NS = ns.KG
ACTOR_NS = ns.ACTOR

#: prefixes every query may use without declaring them (the namespaces of :mod:`kg.namespaces`, in
#: the order error messages and CONSTRUCT results list them)
PREFIXES: dict[str, str] = {
    "kg": ns.KG, "actor": ns.ACTOR, "person": ns.PERSON, "place": ns.PLACE, "claim": ns.CLAIM, "doc": ns.DOC,
    "rdf": ns.RDF, "rdfs": ns.RDFS, "owl": ns.OWL, "xsd": ns.XSD, "skos": ns.SKOS, "prov": ns.PROV,
    "dcterms": ns.DCTERMS, "wd": ns.WD, "geo": ns.GEO,
}
XSD = PREFIXES["xsd"]


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



def syntax_error(exc: Exception, engine: str) -> QuerySyntaxError:
    """The one-line QuerySyntaxError of an engine's parse error (``engine``: "rdflib" or "oxigraph"),
    with its line and column when the engine gives them, and a long list of expected tokens cut."""
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
