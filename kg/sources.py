"""Open the GRAPH argument of kg's commands: an RDF file (format from its suffix) or a store directory.

One place decides what a GRAPH argument is (:func:`graph_source`) and gives it in the form a
command needs:

* :func:`read_quads` streams its quads with pyoxigraph (a file parsed as it is read, a store
  opened read-only under kg's shared lock): what :func:`kg.network.load_network` and
  :func:`kg.remote.push` read;
* :func:`open_oxigraph` gives a pyoxigraph ``Store`` (the store itself, or an in-memory one
  loaded with the file): for SPARQL;
* :func:`open_graph` gives an :class:`rdflib.Graph`, for what only rdflib does (writing RDF
  formats byte for byte as ``kg build``, SHACL).

Errors are :class:`kg.errors.GraphError` / :class:`kg.errors.FormatError` with one line naming the
file; a file pyoxigraph cannot parse raises :class:`kg.rdferrors.OxigraphSyntaxError` (a
GraphError with pyoxigraph's line and column).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

__all__ = ["GraphSource", "graph_source", "read_quads", "open_oxigraph", "open_graph", "expand_inputs"]


@dataclass(frozen=True)
class GraphSource:
    """What a GRAPH argument names: a store directory, or an RDF file and its format."""

    path: Path
    fmt: object | None = None  # kg.formats.RdfFormat of a file; None for a store

    @property
    def is_store(self) -> bool:
        return self.fmt is None


def graph_source(path: str | Path) -> GraphSource:
    """Check that ``path`` is a store directory or an RDF file kg reads, before anything is parsed.

    Raises GraphError (not found, a directory that is not a store, refused as unsafe by
    :mod:`kg.rdfguard`) or FormatError (a suffix no format has), each one line naming ``path``.
    """
    from .errors import GraphError
    from .formats import graph_input
    from .rdfguard import refuse_unsafe
    from .store import is_store

    p = Path(path)
    if is_store(p):
        return GraphSource(p)
    if p.is_dir():
        raise GraphError(f"{p}: not an Oxigraph store (make one with: kg load GRAPH --store {p})")
    p, fmt = graph_input(p)
    try:
        refuse_unsafe(p, fmt)
    except OSError as exc:
        raise GraphError(f"{p}: cannot read graph ({exc.strerror or exc})") from None
    return GraphSource(p, fmt)


def read_quads(source: str | Path | GraphSource, predicates: Iterable[str] | None = None) -> Iterator:
    """The quads (pyoxigraph ``Quad``) of a graph file or store, streamed.

    A file is parsed as it is read; a store is dumped (under kg's shared lock) to a temporary N-Quads
    file that is then parsed, so the quads come from one state of the store. ``predicates`` (IRIs)
    is a hint: the quads with other predicates may come too, and the caller skips them. A syntax
    error raises :class:`kg.rdferrors.OxigraphSyntaxError` when the iteration reaches it.
    """
    import pyoxigraph as ox

    from .errors import GraphError

    src = source if isinstance(source, GraphSource) else graph_source(source)
    if src.is_store:
        import tempfile

        from .store import open_store

        # Oxigraph dumps a store and parses the dump several times faster than it hands over the
        # quads of a pattern one by one (10.7 s against 21.6 s for 1.35 million triples)
        try:
            dump = tempfile.NamedTemporaryFile(prefix="kg-store-", suffix=".nq")
        except OSError as exc:
            raise GraphError(f"{src.path}: cannot read the store (no temporary file: {exc.strerror or exc})") from None
        with dump:
            with open_store(src.path) as store:
                try:
                    store.dump(dump.name, format=ox.RdfFormat.N_QUADS)
                except OSError as exc:
                    raise GraphError(f"{src.path}: cannot read the store ({' '.join(str(exc).split())[:200]})") from None
            yield from ox.parse(path=dump.name, format=ox.RdfFormat.N_QUADS)
        return
    try:
        yield from ox.parse(path=str(src.path), format=src.fmt.oxigraph)
    except (SyntaxError, UnicodeDecodeError, OSError, ValueError) as exc:
        raise parse_error(src.path, exc) from None


def parse_error(path, exc: Exception) -> Exception:
    """The error kg raises for ``exc``, raised by pyoxigraph parsing the file ``path``: an
    :class:`~kg.rdferrors.OxigraphSyntaxError` for a syntax or encoding error, else a GraphError."""
    from .errors import GraphError
    from .rdferrors import oxigraph_syntax_error

    if isinstance(exc, SyntaxError):
        return oxigraph_syntax_error(path, exc)
    if isinstance(exc, UnicodeDecodeError):
        return oxigraph_syntax_error(path, SyntaxError(str(exc)))
    return GraphError(f"{path}: cannot read graph ({' '.join(str(exc).split())[:200]})")


@contextlib.contextmanager
def open_oxigraph(source: str | Path | GraphSource) -> Iterator:
    """A pyoxigraph ``Store`` of the graph: the store directory opened read-only (under kg's shared
    lock until the block ends), or an in-memory store loaded with the file (its named graphs merged
    into the default graph)."""
    src = source if isinstance(source, GraphSource) else graph_source(source)
    if src.is_store:
        from .store import open_store

        with open_store(src.path) as store:
            yield store
        return
    import pyoxigraph as ox

    from .store import load_into

    store = ox.Store()
    load_into(store, src.path, bulk=False)
    yield store


def open_graph(path: str | Path):
    """The graph at ``path`` as an :class:`rdflib.Graph` (all named graphs merged).

    ``path`` is an RDF file kg can read (``.ttl .nt .nq .trig .jsonld .rdf``) or an Oxigraph
    store directory made by ``kg load`` / ``kg build --store``. Errors are
    :class:`kg.errors.GraphError` / :class:`kg.errors.FormatError` with one clear line.
    """
    from .errors import GraphError
    from .rdf import read_graph
    from .store import is_store

    if is_store(path):
        return _store_graph(Path(path))
    if Path(path).is_dir():
        raise GraphError(f"{path}: not an Oxigraph store (make one with: kg load GRAPH --store {path})")
    return read_graph(path)  # (its own checks: suffix, existence, kg.rdfguard)


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


def expand_inputs(inputs, warn=None) -> tuple[list[str], list[str]]:
    """The INPUTS of ``kg extract`` and ``kg build`` with each directory replaced by the files it
    holds (in the order and with the document ids the reader gives them), and the paths of those
    files, for the check that no output overwrites one.

    Only regular files are taken from a directory: a FIFO, socket or device found there would
    hang or flood the reader, so it is skipped with a warning (``warn`` receives one line). A
    directory with nothing to read, and files, FIFOs or ``-`` given by name, are passed on as
    they are.
    """
    import os
    import stat
    from pathlib import PurePath

    from .readers import files_in

    args: list[str] = []
    files: list[str] = []
    for arg in inputs:
        path = Path(arg)
        if arg == "-" or not path.is_dir():
            args.append(arg)
            if arg != "-":
                files.append(arg)
            continue
        found = []
        listed = files_in(path)
        if not listed:
            args.append(arg)  # nothing to read: the reader's own error
            continue
        for f in listed:
            try:
                mode = os.stat(f).st_mode
            except OSError:
                mode = stat.S_IFREG  # gone or unreadable: the reader says so
            if not stat.S_ISREG(mode):
                if warn is not None:
                    warn(f"{f}: not a regular file ({_kind(mode)}); skipped")
                continue
            found.append(str(PurePath(arg) / f.relative_to(path)))
        args.extend(found)
        files.extend(found)
    return args, files


def _kind(mode: int) -> str:
    import stat

    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a file"
