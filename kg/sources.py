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

    from .readers import _files_in

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
        listed = _files_in(path)
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
