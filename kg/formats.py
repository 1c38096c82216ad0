"""The file formats kg reads and writes, registered once and found by name or file suffix.

In the manner of rdflib's plugin registry: each kind of format has one table, and every command
asks it, instead of keeping its own suffix table. Kinds:

* ``rdf``: the RDF serializations kg reads (rdflib and pyoxigraph), writes (``kg build``, ``kg
  export``) and loads into stores (``kg load``): :class:`RdfFormat`, in :data:`RDF_FORMATS`;
* ``export``: the formats of ``kg export`` (the RDF ones and the network ones): :class:`ExportFormat`,
  whose writers are in :mod:`kg.export` (:func:`kg.export.export_format` finds them);
* others register theirs with :func:`register` (``register("draw", ".png", ...)``) and find them
  with :func:`lookup` / :func:`for_suffix`.

An unknown suffix is one line naming the file (:class:`kg.errors.FormatError`, exit 2).

>>> format_for_path("graph.ttl").name, format_for_path("g.NQ").quads
('turtle', True)
>>> format_for_path("notes.txt")
Traceback (most recent call last):
...
kg.errors.FormatError: notes.txt: unsupported graph suffix '.txt'; use one of .ttl .nt .nq .trig .jsonld .rdf .owl .xml
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import FormatError, GraphError

__all__ = ["RdfFormat", "RDF_FORMATS", "FORMATS", "ExportFormat", "EXPORT_ALIASES", "register", "lookup",
           "for_suffix", "registered", "suffixes", "format_for_path", "ox_format", "graph_input"]

_REGISTRY: dict[str, dict[str, object]] = {}
_SUFFIXES: dict[str, dict[str, object]] = {}


def register(kind: str, name: str, fmt: object, suffixes: tuple[str, ...] = ()) -> object:
    """Register ``fmt`` as the format ``name`` of ``kind``, found also by each of ``suffixes``
    (``.ttl``; matched without regard to case). A later registration of a name or suffix wins."""
    _REGISTRY.setdefault(kind, {})[name] = fmt
    for suffix in suffixes:
        _SUFFIXES.setdefault(kind, {})[suffix.lower()] = fmt
    return fmt


def registered(kind: str) -> dict[str, object]:
    """The formats of ``kind`` by name, in registration order."""
    return dict(_REGISTRY.get(kind, {}))


def lookup(kind: str, name: str) -> object | None:
    """The format of ``kind`` registered as ``name``, or None."""
    return _REGISTRY.get(kind, {}).get(name)


def for_suffix(kind: str, path: str | Path) -> object | None:
    """The format of ``kind`` that the suffix of ``path`` names, or None."""
    return _SUFFIXES.get(kind, {}).get(Path(path).suffix.lower())


def suffixes(kind: str) -> list[str]:
    """The suffixes registered for ``kind``, in registration order."""
    return list(_SUFFIXES.get(kind, {}))


@dataclass(frozen=True, slots=True)
class RdfFormat:
    """An RDF serialization: its rdflib plugin name, suffixes, whether it holds named graphs, its
    media type and its pyoxigraph ``RdfFormat`` name."""

    name: str  # rdflib format name
    suffixes: tuple[str, ...]
    quads: bool = False
    media_type: str = ""
    ox_name: str = ""

    @property
    def line_based(self) -> bool:
        """One triple or quad a line (N-Triples, N-Quads)."""
        return self.name in ("nt", "nquads")

    @property
    def streamed(self) -> bool:
        """Written from sorted N-Triples lines, without an in-memory graph (N-Triples, N-Quads, Turtle)."""
        return self.line_based or self.name == "turtle"

    @property
    def oxigraph(self):
        """The ``pyoxigraph.RdfFormat`` of this format (imports pyoxigraph)."""
        import pyoxigraph

        return getattr(pyoxigraph.RdfFormat, self.ox_name)


for _fmt in (
    RdfFormat("turtle", (".ttl",), media_type="text/turtle", ox_name="TURTLE"),
    RdfFormat("nt", (".nt",), media_type="application/n-triples", ox_name="N_TRIPLES"),
    RdfFormat("nquads", (".nq",), quads=True, media_type="application/n-quads", ox_name="N_QUADS"),
    RdfFormat("trig", (".trig",), quads=True, media_type="application/trig", ox_name="TRIG"),
    RdfFormat("json-ld", (".jsonld",), media_type="application/ld+json", ox_name="JSON_LD"),
    RdfFormat("xml", (".rdf", ".owl", ".xml"), media_type="application/rdf+xml", ox_name="RDF_XML"),
):
    register("rdf", _fmt.name, _fmt, _fmt.suffixes)

#: the RDF formats by rdflib name
RDF_FORMATS: dict[str, RdfFormat] = registered("rdf")  # type: ignore[assignment]
#: the RDF formats by file suffix
FORMATS: dict[str, RdfFormat] = dict(_SUFFIXES["rdf"])  # type: ignore[arg-type]


def format_for_path(path: str | Path) -> RdfFormat:
    """The RDF format a file's suffix names; FormatError (one line naming the file) for any other."""
    fmt = for_suffix("rdf", path)
    if fmt is None:
        suffix = Path(path).suffix.lower()
        raise FormatError(f"{path}: unsupported graph suffix {suffix or '(none)'!r}; use one of "
                          f"{' '.join(suffixes('rdf'))}")
    return fmt  # type: ignore[return-value]


def ox_format(path: str | Path):
    """The ``pyoxigraph.RdfFormat`` a file's suffix names; FormatError for an unsupported one.

    >>> ox_format("graph.ttl").name
    'Turtle'
    """
    return format_for_path(path).oxigraph


def graph_input(path: str | Path) -> tuple[Path, RdfFormat]:
    """``path`` and its format, after checking it names an RDF file: not a directory (GraphError),
    a known suffix (FormatError), there (GraphError)."""
    path = Path(path)
    if path.is_dir():
        raise GraphError(f"{path}: is a directory, not an RDF file")
    fmt = format_for_path(path)
    if not path.is_file():
        raise GraphError(f"{path}: graph file not found")
    return path, fmt


# ---------------------------------------------------------------------------- export formats

@dataclass(frozen=True)
class ExportFormat:
    """A format of ``kg export``: its name, file suffixes, kind (``rdf`` or ``network``), the tools
    that open it, whether it is a directory, and its writer as ``module:function``: for a network
    format a ``write_x(G, path, *, color_by)`` of NetworkX view, for an RDF one
    ``write_rdf(graph, path, fmt)``; :meth:`load_writer` imports it (this module imports nothing of
    kg.export)."""

    name: str
    suffixes: tuple[str, ...]
    kind: str
    tools: str
    writer: str
    directory: bool = False

    def load_writer(self):
        """The function :attr:`writer` names, imported now."""
        from importlib import import_module

        module, _, function = self.writer.partition(":")
        return getattr(import_module(module), function)

    @property
    def rdf_format(self) -> RdfFormat:
        """The :class:`RdfFormat` of an RDF export format."""
        return FORMATS[self.suffixes[0]]



_RDF_WRITER = "kg.export.rdf_formats:write_rdf"
_NET = "kg.export.network:"
for _export in (
    ExportFormat("turtle", (".ttl",), "rdf", "triple stores, rdflib, Protégé", _RDF_WRITER),
    ExportFormat("ntriples", (".nt",), "rdf", "triple stores' bulk loaders", _RDF_WRITER),
    ExportFormat("nquads", (".nq",), "rdf", "triple stores (one named graph)", _RDF_WRITER),
    ExportFormat("trig", (".trig",), "rdf", "triple stores (one named graph)", _RDF_WRITER),
    ExportFormat("jsonld", (".jsonld",), "rdf", "JSON-LD processors", _RDF_WRITER),
    ExportFormat("rdfxml", (".rdf", ".owl", ".xml"), "rdf", "Protégé, older RDF tools", _RDF_WRITER),
    ExportFormat("graphml", (".graphml",), "network", "Gephi, yEd, Cytoscape", _NET + "write_graphml"),
    ExportFormat("gexf", (".gexf",), "network", "Gephi", _NET + "write_gexf"),
    ExportFormat("json", (".json",), "network", "D3 (node-link JSON)", _NET + "write_node_link"),
    ExportFormat("cytoscape", (".cyjs",), "network", "Cytoscape.js, Cytoscape", _NET + "write_cytoscape"),
    ExportFormat("neo4j", (), "network", "neo4j-admin database import (a directory)",
                 "kg.export.tables:write_neo4j", directory=True),
    ExportFormat("dot", (".dot", ".gv"), "network", "Graphviz", _NET + "write_dot"),
):
    register("export", _export.name, _export, _export.suffixes)

#: other names ``kg export --to`` takes
EXPORT_ALIASES = {"ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples", "nq": "nquads", "n-quads": "nquads",
                  "json-ld": "jsonld", "xml": "rdfxml", "rdf": "rdfxml", "node-link": "json", "d3": "json",
                  "cyjs": "cytoscape", "gv": "dot", "graphviz": "dot", "csv": "neo4j"}
