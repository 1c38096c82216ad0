"""``kg build --append``: merge the graph already at OUTPUT into the graph being built.

For N-Triples, N-Quads and Turtle the old file is streamed through Oxigraph's parser straight
into the :class:`~kg.rdf.LineGraph` of the build, each triple written as the N-Triples line
rdflib would write, so it merges with the new lines (duplicates dropped) and spills to sorted
runs like them: appending one small file to a graph of millions of triples takes time in
proportion to the graph and bounded memory, with no rdflib graph of the old file. Other formats
(TriG, JSON-LD, RDF/XML) are read with rdflib into the in-memory graph of the build.

Either way a document read again brings its current title, date and source: the old values of
:data:`kg.rdf.DOCUMENT_METADATA` of the rebuilt documents are dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .errors import GraphError

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _ox_term(term, quote, ox) -> str:
    """A pyoxigraph term as rdflib's N-Triples serializer writes the same term (``_nt_row``)."""
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        text = quote(term.value)
        if term.language:
            return f"{text}@{term.language}"
        datatype = term.datatype.value
        return text if datatype in (_XSD_STRING, _LANG_STRING) else f"{text}^^<{datatype}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)  # (an RDF-star triple term: not in kg graphs)


def ntriples_lines(path: str | Path, skip=lambda s, p: False) -> Iterable[str]:
    """The triples of the N-Triples, N-Quads or Turtle file ``path`` as rdflib's N-Triples lines
    (named graphs merged), streamed; ``skip(subject_iri, predicate_iri)`` drops triples.
    GraphError (file, line, column) on a syntax error."""
    import pyoxigraph as ox
    from rdflib.plugins.serializers.nt import _quote_encode

    from .store import _syntax_error, ox_format

    p = Path(path)
    try:
        for quad in ox.parse(path=str(p), format=ox_format(p)):
            s, predicate = quad.subject, quad.predicate.value
            if skip(s.value, predicate):
                continue
            yield f"{_ox_term(s, _quote_encode, ox)} <{predicate}> {_ox_term(quad.object, _quote_encode, ox)} .\n"
    except SyntaxError as exc:
        raise _syntax_error(p, exc) from None
    except (OSError, ValueError) as exc:
        raise GraphError(f"{p}: cannot read graph ({' '.join(str(exc).split())[:200]})") from None


def merge_existing(graph, path: str | Path, rebuilt_documents: Iterable) -> None:
    """Add the triples of the graph file ``path`` to ``graph`` (a LineGraph or an rdflib graph),
    except the old metadata of ``rebuilt_documents`` (document IRIs)."""
    from .rdf import DOCUMENT_METADATA, LineGraph, read_graph

    rebuilt = {str(d) for d in rebuilt_documents}
    metadata = {str(p) for p in DOCUMENT_METADATA}
    if isinstance(graph, LineGraph):
        graph.add_lines(ntriples_lines(path, lambda s, p: s in rebuilt and p in metadata))
        return
    for s, p, o in read_graph(path):
        if str(s) in rebuilt and str(p) in metadata:
            continue
        graph.add((s, p, o))


__all__ = ["merge_existing", "ntriples_lines"]
