"""Reading and writing kg's graphs in every RDF format, deterministically: the same graph gives the
same bytes in every format (sorted lines, sorted Turtle, canonical JSON-LD, sorted RDF/XML), and a
file is read into one graph (the named graphs of ``.nq`` and ``.trig`` merged) behind
:mod:`kg.rdfguard`'s checks, its errors one line naming the file (:mod:`kg.rdferrors`)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef

from ..errors import GraphError
from ..formats import RdfFormat, format_for_path, graph_input
from ..rdferrors import parse_error, quiet_rdflib, unreadable
from ..rdfguard import check_terms, refuse_unsafe
from ..text import NOT_XML
from ..turtle import turtle_text, write_turtle
from ..vocab import PREFIXES, bind_prefixes
from .lines import LineGraph, ntriples_line

__all__ = ["DEFAULT_GRAPH_NAME", "serialize_graph", "write_graph", "read_graph"]

#: the named graph that .nq and .trig files put everything in
DEFAULT_GRAPH_NAME = "https://w3id.org/kgstates/graph/default"


def _sort_key(triple) -> tuple[str, ...]:
    return tuple(term.n3() for term in triple)


class _SortedGraph(Graph):
    """A graph whose triple patterns answer in sorted order, so that serializers which walk the
    store (RDF/XML) write the same bytes whatever the hash seed."""

    def triples(self, triple):  # type: ignore[override]
        return iter(sorted(super().triples(triple), key=_sort_key))


def _sorted_copy(graph: Graph) -> Graph:
    """A copy that serializes in sorted order, with the characters XML cannot carry replaced."""
    copy = bind_prefixes(_SortedGraph(bind_namespaces="core"))
    for s, p, o in graph:
        # characters XML 1.0 cannot carry, even escaped: RDF/XML writes U+FFFD in their place
        if isinstance(o, Literal) and NOT_XML.search(o):
            o = Literal(NOT_XML.sub("\ufffd", str(o)), lang=o.language, datatype=o.datatype)
        copy.add((s, p, o))
    return copy


def _prefixes(graph: Graph | LineGraph) -> dict[str, str]:
    """The prefixes Turtle may use: the graph's own bindings, and kg's for the rest."""
    found = {} if isinstance(graph, LineGraph) else {p: str(ns) for p, ns in graph.namespaces()}
    for prefix, namespace in (*PREFIXES.items(), ("rdf", str(RDF))):
        found.setdefault(prefix, str(namespace))
    return found


def _sorted_lines(data: str) -> bytes:
    lines = sorted({line for line in data.split("\n") if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


# rdflib writes doubles as JSON numbers, and INF, -INF and NaN as null: they travel under a
# stand-in datatype as strings, and get theirs back after serialization
_STAND_IN = "urn:x-kg-nonfinite:"


def _non_finite_stand_ins(graph: Graph) -> Graph:
    bad = [(s, p, o) for s, p, o in graph.triples((None, None, None))
           if isinstance(o, Literal) and o.datatype in (XSD.double, XSD.float) and str(o) in ("INF", "-INF", "NaN")]
    if not bad:
        return graph
    copy = bind_prefixes(Graph(bind_namespaces="core"))
    for prefix, ns in graph.namespaces():
        copy.bind(prefix, ns, override=False)
    for triple in graph:
        copy.add(triple)
    for s, p, o in bad:
        copy.remove((s, p, o))
        copy.add((s, p, Literal(str(o), datatype=URIRef(_STAND_IN + o.datatype[len(str(XSD)):]))))
    return copy


def _jsonld(graph: Graph) -> bytes:
    graph = _non_finite_stand_ins(graph)
    used = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
    context = {prefix: str(ns) for prefix, ns in graph.namespaces()
               if prefix and any(iri.startswith(str(ns)) for iri in used)}
    data = json.loads(graph.serialize(format="json-ld", context=dict(sorted(context.items()))))
    xsd = "xsd:" if context.get("xsd") == str(XSD) else str(XSD)

    def canon(value):
        if isinstance(value, dict):
            if str(value.get("@type", "")).startswith(_STAND_IN):
                value = {**value, "@type": xsd + value["@type"][len(_STAND_IN):]}
            return {k: canon(v) for k, v in sorted(value.items())}
        if isinstance(value, list):
            items = [canon(v) for v in value]
            return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        return value

    data = canon(data)
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def serialize_graph(graph: Graph, fmt: RdfFormat, graph_name: str = DEFAULT_GRAPH_NAME) -> bytes:
    """The bytes of ``graph`` in format ``fmt``; the same graph always gives the same bytes."""
    with quiet_rdflib():
        return _serialize(graph, fmt, graph_name)


def _serialize(graph: Graph, fmt: RdfFormat, graph_name: str) -> bytes:
    if fmt.quads:
        ds = Dataset()
        bind_prefixes(ds)
        named = ds.graph(URIRef(graph_name))
        for triple in graph:
            named.add(triple)
        data = ds.serialize(format=fmt.name, encoding="utf-8")
        return _sorted_lines(data.decode("utf-8")) if fmt.name == "nquads" else data
    if fmt.name == "nt":
        return _sorted_lines(graph.serialize(format="nt", encoding="utf-8").decode("utf-8"))
    if fmt.name == "turtle":
        lines = sorted({ntriples_line(triple) for triple in graph})
        return turtle_text(lines, _prefixes(graph)).encode("utf-8")
    if fmt.name == "json-ld":
        return _jsonld(graph)
    if fmt.name == "xml":
        graph = _sorted_copy(graph)
    return graph.serialize(format=fmt.name, encoding="utf-8")  # rdflib sorts Turtle itself


def write_graph(graph: Graph, path: str | Path, graph_name: str = DEFAULT_GRAPH_NAME) -> None:
    """Write ``graph`` to ``path`` in the format its suffix names, atomically and deterministically.

    ``.nq`` and ``.trig`` files put every triple in the named graph ``graph_name``.
    """
    from ..fileio import atomic_write

    fmt = format_for_path(path)
    if isinstance(graph, LineGraph):
        if not fmt.streamed:
            raise GraphError(f"{path}: a LineGraph can only be written as N-Triples, N-Quads or Turtle")
        try:
            with atomic_write(path, "w") as fh:
                if fmt.name == "turtle":
                    write_turtle(graph.sorted_lines, _prefixes(graph), fh.write)
                    return
                lines = graph.sorted_lines()
                if fmt.quads:
                    lines = (line[:-3] + f" <{graph_name}> .\n" for line in lines)
                for batch in iter(lambda: "".join(itertools.islice(lines, 10_000)), ""):
                    fh.write(batch)
        except OSError as exc:
            raise GraphError(f"{path}: cannot write graph ({exc.strerror or exc})") from None
        return
    data = serialize_graph(graph, fmt, graph_name)
    try:
        with atomic_write(path, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise GraphError(f"{path}: cannot write graph ({exc.strerror or exc})") from None


# ---------------------------------------------------------------------------- reading graphs

def read_graph(path: str | Path) -> Graph:
    """Parse an RDF file in the format its suffix names into one graph.

    The triples of every named graph of an ``.nq`` or ``.trig`` file are merged. A missing
    file or a syntax error raises GraphError (``FILE: line N: message`` when the position is known);
    so does a file that :mod:`kg.rdfguard` refuses, before or after parsing.
    """
    path, fmt = graph_input(path)
    try:
        refuse_unsafe(path, fmt)
    except OSError as exc:
        raise unreadable(path, exc) from None
    graph = bind_prefixes(Graph(bind_namespaces="core"))
    try:
        with quiet_rdflib():
            if fmt.quads:
                ds = Dataset()
                ds.parse(str(path), format=fmt.name)
                for s, p, o, _ in ds.quads((None, None, None, None)):
                    graph.add((s, p, o))
                bound = {prefix for prefix, _ in graph.namespaces()}
                for prefix, ns in ds.namespaces():
                    if prefix not in bound:
                        graph.bind(prefix, ns, override=False)
            else:
                graph.parse(str(path), format=fmt.name)
    except (OSError, UnicodeDecodeError) as exc:
        raise unreadable(path, exc) from None
    except Exception as exc:  # noqa: BLE001 - rdflib parsers raise many exception types
        raise parse_error(path, fmt, exc) from None
    return check_terms(graph, path)

