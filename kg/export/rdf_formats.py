"""The RDF formats of ``kg export``: kg.rdf's own serializers, so that an export writes the same bytes
``kg build`` does (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML)."""

from __future__ import annotations

import os

__all__ = ["rdf_to_export", "write_rdf"]


def rdf_to_export(source, flt=None, gazetteer=None):
    """The rdflib graph an RDF export writes: ``source`` (a graph, or a file or store directory it
    opens), narrowed to the part behind the filtered network when the filter ``flt`` is active."""
    from .select import filter_active, network_of, rdf_subgraph

    rdf_graph = source
    if isinstance(source, (str, os.PathLike)):
        from ..sources import open_graph

        rdf_graph = open_graph(source)
    if filter_active(flt):
        rdf_graph = rdf_subgraph(rdf_graph, network_of(rdf_graph, flt, gazetteer))
    return rdf_graph


def write_rdf(graph, path, fmt) -> None:
    """Write the rdflib ``graph`` to ``path`` (atomically) in the RDF format of the export format ``fmt``."""
    from ..fileio import atomic_write
    from ..rdf import serialize_graph

    data = serialize_graph(graph, fmt.rdf_format)
    with atomic_write(path, "wb") as fh:
        fh.write(data)
