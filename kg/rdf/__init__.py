"""Relations -> RDF graph with provenance, and reading/writing graphs in every RDF format.

Each :class:`~kg.model.Relation` becomes a content-addressed claim node (``claim:<16 hex>``,
a ``kg:Claim`` and ``rdf:Statement``) that carries the evidence and attributes and points to
its document (``prov:wasDerivedFrom doc:<slug>``). Every relation that is not negated is also
stated directly (``actor:PRK kg:supplies actor:RUS``; both directions for a symmetric
predicate). The graph has no blank nodes, so merging two graphs never duplicates a claim.

Writing is deterministic: the same graph gives the same bytes in every format.

The package's modules, one job each: :mod:`~kg.rdf.mapping` (records to RDF nodes and back),
:mod:`~kg.rdf.files` (reading and writing files) and :mod:`~kg.rdf.lines` (the external sorter of
large builds); their public names are importable from ``kg.rdf``.
"""

from __future__ import annotations

from ..formats import FORMATS, RdfFormat, format_for_path, graph_input
from .files import DEFAULT_GRAPH_NAME, read_graph, serialize_graph, write_graph
from .lines import LineGraph
from .mapping import (DOCUMENT_METADATA, add_actor, add_claim, add_document, build_graph, claim_id, claim_lines,
                      doc_iri, doc_slug, relations_from_graph)

__all__ = ["DEFAULT_GRAPH_NAME", "DOCUMENT_METADATA", "FORMATS", "LineGraph", "RdfFormat", "add_actor", "add_claim",
           "add_document", "build_graph", "graph_input", "claim_id", "claim_lines", "doc_slug", "doc_iri",
           "format_for_path", "read_graph", "relations_from_graph", "serialize_graph", "write_graph"]
