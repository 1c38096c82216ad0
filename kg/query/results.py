"""The answer to a query (:class:`QueryResult`, holding pyoxigraph terms whatever the engine) and
the conversions of its terms.

>>> import pyoxigraph as ox
>>> r = QueryResult("select", ("n",), [(ox.Literal("3", datatype=ox.NamedNode(XSD + "integer")),)])
>>> r.records(), r.to_rdflib()[0][0].toPython()
([{'n': 3}], 3)
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .base import XSD, QueryError

__all__ = ["QueryResult", "MAX_ROWS", "bounded", "py_value", "to_rdflib", "from_rdflib"]


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
        return [tuple(to_rdflib(t) for t in row) for row in self]

    def records(self) -> list[dict]:
        """The rows as dicts of plain Python values: IRIs as str, numbers as int/Decimal/float, booleans."""
        return [{v: py_value(t) for v, t in zip(self.vars, row)} for row in self.rows]


def py_value(term):
    """A pyoxigraph term as a plain Python value: IRIs as str, numbers as int/Decimal/float, booleans."""
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
        if dt in (XSD + "integer", XSD + "int", XSD + "long", XSD + "nonNegativeInteger"):
            return int(term.value)
        if dt == XSD + "decimal":
            return decimal.Decimal(term.value)
        if dt in (XSD + "double", XSD + "float"):
            return float(term.value)
        if dt == XSD + "boolean":
            return term.value in ("true", "1")
    except (ValueError, decimal.InvalidOperation):
        pass
    return term.value


def to_rdflib(term):
    """A pyoxigraph term (or None) as the rdflib term."""
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
    return Literal(term.value, datatype=None if dt == XSD + "string" else URIRef(dt))


def from_rdflib(term):
    """An rdflib term (or None) as the pyoxigraph term."""
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
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD + "string")))
    raise QueryError(f"unsupported term in a result: {term!r}")


#: the rows (or triples) a query may give unless told otherwise (``--max-rows``)
MAX_ROWS = 1_000_000


def bounded(items, max_rows: int | None) -> list:
    """``items`` as a list, or QueryError as soon as there are more than ``max_rows``: a cross
    product stops at the bound instead of filling the memory."""
    if max_rows is None:
        return list(items)
    out = list(itertools.islice(items, max_rows + 1))
    if len(out) > max_rows:
        raise QueryError(f"the query gives more than {max_rows:,} results; add a LIMIT or raise --max-rows")
    return out
