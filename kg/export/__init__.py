"""Export kg graphs in the formats other tools open without hand-editing.

=============  ==================  ==============================================================
format         suffix              opened by
=============  ==================  ==============================================================
turtle         .ttl                triple stores, rdflib, Protégé (all claims and provenance)
ntriples       .nt                 triple stores' bulk loaders
nquads         .nq                 triple stores (everything in one named graph)
trig           .trig               triple stores (everything in one named graph)
jsonld         .jsonld             JSON-LD processors
rdfxml         .rdf .owl .xml      Protégé, older RDF tools
graphml        .graphml            Gephi, yEd, Cytoscape (typed attribute keys)
gexf           .gexf               Gephi (node colours by type or bloc, edge colours by quad class)
json           .json               D3 (node-link: ``nodes`` and ``links``)
cytoscape      .cyjs               Cytoscape.js and Cytoscape desktop (``elements`` with ``data``)
neo4j          (a directory)       ``neo4j-admin database import``: nodes.csv and relationships.csv
dot            .dot .gv            Graphviz
=============  ==================  ==============================================================

The RDF formats are kg.rdf's own serializers (the same bytes ``kg build`` writes). The others are
written from the NetworkX view (:func:`kg.network.load_network`, read with pyoxigraph): one node per actor, one edge per
relation (subject, predicate, object) with its predicate, quad class, weight (evidence count),
confidence and hedged flag. A filter (:class:`kg.filters.GraphFilter`) narrows either kind: an RDF
export then keeps the claims behind the edges that pass, with their documents and actors.

Every file is written atomically and deterministically (the same graph gives the same bytes).

The package's modules: :mod:`~kg.export.select` (the graph to export, filtered),
:mod:`~kg.export.attributes` (colours and scalar attributes shared by the network formats),
:mod:`~kg.export.network` (GraphML, GEXF, node-link and Cytoscape JSON, DOT),
:mod:`~kg.export.tables` (Neo4j CSV) and :mod:`~kg.export.rdf_formats`; each format and its writer
are registered in :mod:`kg.formats`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import FormatError, GraphError
from ..formats import ExportFormat, registered
from .attributes import QUAD_COLORS, TYPE_COLORS, edge_attributes, node_colors
from .network import (cytoscape_data, generate_dot, generate_graphml, node_link_data, write_cytoscape, write_dot,
                      write_gexf, write_graphml, write_node_link)
from .rdf_formats import rdf_to_export
from .select import network_of, rdf_subgraph
from .tables import NEO4J_FILES, neo4j_rows, relationship_type, write_neo4j

__all__ = ["ExportFormat", "ExportReport", "EXPORT_FORMATS", "QUAD_COLORS", "TYPE_COLORS", "export_format",
           "export_graph", "network_of", "rdf_subgraph", "node_colors", "edge_attributes", "generate_graphml",
           "write_graphml",
           "write_gexf", "node_link_data", "write_node_link", "cytoscape_data", "write_cytoscape",
           "neo4j_rows", "write_neo4j", "generate_dot", "write_dot", "relationship_type"]

#: the export formats by name (registered in kg.formats)
EXPORT_FORMATS: dict[str, ExportFormat] = registered("export")  # type: ignore[assignment]


# ---------------------------------------------------------------------------- registry (kg.formats)

def export_format(out: str | os.PathLike, to: str | None = None) -> ExportFormat:
    """The format named by ``to`` (a name or alias), else by the suffix of ``out``.

    >>> export_format("graph.graphml").name, export_format("x.out", to="ttl").name
    ('graphml', 'turtle')
    """
    from .. import formats

    if to:
        key = to.strip().lower()
        fmt = formats.lookup("export", formats.EXPORT_ALIASES.get(key, key))
        if fmt is None:
            names = ", ".join(EXPORT_FORMATS)
            raise FormatError(f"unknown export format {to!r}; use one of {names}")
        return fmt
    fmt = formats.for_suffix("export", out)
    if fmt is None:
        suffix = Path(out).suffix.lower()
        known = " ".join(formats.suffixes("export"))
        raise FormatError(f"{out}: cannot tell the export format from the suffix {suffix or '(none)'!r}; "
                          f"use one of {known}, or --to FORMAT (--to neo4j writes a directory)")
    return fmt


# ---------------------------------------------------------------------------- the graph to export

@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: the format, the output path, and the nodes and edges (or triples) in it."""

    format: str
    path: str
    nodes: int = 0
    edges: int = 0
    triples: int = 0


def export_graph(source, out: str | os.PathLike, *, to: str | None = None, flt=None, gazetteer=None,
                 color_by: str = "type") -> ExportReport:
    """Export the graph ``source`` to ``out`` in the format ``to`` names or the suffix of ``out`` does.

    Parameters
    ----------
    source : str, Path, rdflib.Graph or pyoxigraph.Store
        An RDF file kg reads, a store directory, or a graph (the RDF formats need an rdflib Graph
        or a path).
    out : str or Path
        The file to write (a directory for ``neo4j``); replaced atomically.
    to : str, optional
        A format name of :data:`EXPORT_FORMATS` (or an alias: ttl, nt, nq, xml, d3, cyjs, gv).
    flt : kg.filters.GraphFilter, optional
        Narrow the graph; None exports everything.
    gazetteer : kg.gazetteer.Gazetteer, optional
        For the filter's focus actor.
    color_by : {"type", "bloc"}
        Node colours of the network formats: by actor type, or by the blocs of :func:`kg.analysis.blocs`.

    Returns
    -------
    ExportReport
    """
    fmt = export_format(out, to)
    if color_by not in ("type", "bloc"):
        raise FormatError(f"unknown colouring {color_by!r}; use type or bloc")
    _check_output(Path(out), fmt)
    write = fmt.load_writer()
    if fmt.kind == "rdf":  # rdflib writes these byte for byte as kg build does
        rdf_graph = rdf_to_export(source, flt, gazetteer)
        _written(write, rdf_graph, out, fmt)
        return ExportReport(fmt.name, str(out), triples=len(rdf_graph))
    G = network_of(source, flt, gazetteer)
    _written(write, G, out, color_by=color_by)
    return ExportReport(fmt.name, str(out), nodes=G.number_of_nodes(), edges=G.number_of_edges())


def _written(write, graph, out, *args, **kwargs) -> None:
    """``write(graph, out, ...)``, a failure to write being a GraphError naming ``out``."""
    try:
        write(graph, out, *args, **kwargs)
    except OSError as exc:
        raise GraphError(f"{out}: cannot write ({exc.strerror or exc})") from None


def _check_output(out: Path, fmt: ExportFormat) -> None:
    from ..fileio import OutputError, check_writable

    if not fmt.directory:
        check_writable(out)
        return
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"cannot write {out}: directory {parent} does not exist")
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write {out}: it is a file; the neo4j format writes a directory")
    if out.is_dir():
        extra = sorted(p.name for p in out.iterdir() if p.name not in NEO4J_FILES)
        if extra:
            raise OutputError(f"cannot write {out}: it holds other files ({', '.join(extra[:3])}); "
                              "give a new or empty directory")


# ---------------------------------------------------------------------------- attributes and colours
