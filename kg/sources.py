"""Open the GRAPH argument of kg's commands: an RDF file (format from its suffix) or a store directory."""

from __future__ import annotations

from pathlib import Path


def open_graph(path: str | Path):
    """The graph at ``path`` as an :class:`rdflib.Graph` (all named graphs merged).

    ``path`` is an RDF file kg can read (``.ttl .nt .nq .trig .jsonld .rdf``) or an Oxigraph
    store directory made by ``kg load`` / ``kg build --store``. Errors are
    :class:`kg.errors.GraphError` / :class:`kg.errors.FormatError` with one clear line.
    """
    from .rdf import read_graph
    from .store import is_store

    if is_store(path):
        return _store_graph(Path(path))
    if Path(path).is_dir():
        from .errors import GraphError

        raise GraphError(f"{path}: not an Oxigraph store (make one with: kg load GRAPH --store {path})")
    return read_graph(path)


def _store_graph(directory: Path):
    """All triples of the store (its named graphs merged, as ``read_graph`` merges a quads file)."""
    import pyoxigraph as ox
    from rdflib import Graph

    from .store import open_store
    from .vocab import bind_prefixes

    with open_store(directory) as store:
        data = ox.serialize((quad.triple for quad in store), format=ox.RdfFormat.N_TRIPLES)
    graph = bind_prefixes(Graph(bind_namespaces="core"))
    graph.parse(data=data.decode("utf-8"), format="nt")
    return graph
