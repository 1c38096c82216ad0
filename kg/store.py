"""On-disk Oxigraph stores: open one for reading or writing, load RDF files or a graph into it.

A store is a plain Oxigraph (RocksDB) database directory, so ``oxigraph serve --location DIR``
serves it over the SPARQL protocol. kg adds one file, ``DIR/.kg.lock``: a writer (``kg load``,
``kg build --store``, ``kg query --update``) holds an exclusive ``flock`` on it for as long as it
writes, readers hold a shared one, so a second writer, or a writer while someone reads, fails at
once with a clear message instead of corrupting the database. (Locks are advisory and POSIX only;
on Windows, and for programs other than kg, there is no such guard.)

Everything kg loads goes to the default graph: the named graphs of N-Quads and TriG files are
merged into it, as :func:`kg.rdf.read_graph` merges them. (A store made by other tools may have
named graphs; kg then queries the union of all graphs.)

pyoxigraph is imported inside the functions, so importing this module costs nothing.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import FormatError, GraphError, KgError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["LOCK_NAME", "OX_FORMATS", "StoreLockedError", "LoadReport", "is_store", "open_store",
           "load_files", "store_graph", "ox_format", "check_store_target", "check_graph_file"]

LOCK_NAME = ".kg.lock"

#: file suffix -> pyoxigraph RdfFormat attribute name (the suffixes of kg.rdf.FORMATS)
OX_FORMATS: dict[str, str] = {
    ".ttl": "TURTLE",
    ".nt": "N_TRIPLES",
    ".nq": "N_QUADS",
    ".trig": "TRIG",
    ".jsonld": "JSON_LD",
    ".rdf": "RDF_XML",
    ".owl": "RDF_XML",
    ".xml": "RDF_XML",
}


class StoreLockedError(KgError):
    """Another process writes the store, or reads it while we want to write."""


@dataclass(frozen=True)
class LoadReport:
    """What a load did: files loaded, triples in the store afterwards, seconds spent loading."""

    files: int
    triples: int
    seconds: float


def ox_format(path: str | Path):
    """The pyoxigraph ``RdfFormat`` a file suffix names; FormatError for an unsupported one.

    >>> ox_format("graph.ttl").name
    'Turtle'
    """
    import pyoxigraph

    suffix = Path(path).suffix.lower()
    try:
        return getattr(pyoxigraph.RdfFormat, OX_FORMATS[suffix])
    except KeyError:
        raise FormatError(f"{path}: unsupported graph suffix {suffix or '(none)'!r}; "
                          f"use one of {' '.join(OX_FORMATS)}") from None


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is an Oxigraph store directory (a RocksDB database)."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").is_file()


@contextlib.contextmanager
def _lock(directory: Path, exclusive: bool) -> Iterator[None]:
    fd = _open_lock_file(directory / LOCK_NAME, exclusive) if fcntl is not None else None
    if fd is None:  # no advisory locks here, or a read-only directory nobody can write either
        yield
        return
    try:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(directory / LOCK_NAME)
            if exclusive:
                raise StoreLockedError(
                    f"{directory}: the store is in use by another process{holder}; "
                    "it can be written only when nobody else reads or writes it") from None
            raise StoreLockedError(f"{directory}: another process{holder} is writing the store; "
                                   "try again when it has finished") from None
        if exclusive:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        try:
            yield
        finally:
            if exclusive:  # no stale pid for the next message
                os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _open_lock_file(path: Path, exclusive: bool) -> int | None:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        if exclusive:
            raise GraphError(f"{path.parent}: cannot write the store (cannot create {LOCK_NAME})") from None
    try:
        return os.open(path, os.O_RDONLY)
    except OSError:
        return None


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except OSError:
        return ""
    return f" (kg writer pid {pid})" if pid.isdigit() else ""


def check_store_target(directory: str | Path) -> Path:
    """``directory`` as a Path, or GraphError (one line) when no store can be written there: a file
    in the way, a directory that holds other things, or a missing parent that cannot be created.
    Nothing is created; :func:`open_store` makes the directory."""
    d = Path(directory)
    if d.exists() and not d.is_dir():
        raise GraphError(f"{d}: not a directory; a store is a directory")
    if d.is_dir():
        if any(d.iterdir()) and not is_store(d) and {p.name for p in d.iterdir()} != {LOCK_NAME}:
            raise GraphError(f"{d}: not an Oxigraph store and not empty; refusing to write a store there")
        if not os.access(d, os.W_OK | os.X_OK):
            raise GraphError(f"{d}: cannot write the store (the directory is not writable)")
        return d
    parent = next((p for p in d.absolute().parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        raise GraphError(f"{d}: cannot create the store ({parent} is not a directory)")
    if parent is not None and not os.access(parent, os.W_OK | os.X_OK):
        raise GraphError(f"{d}: cannot create the store (directory {parent} is not writable)")
    return d


def check_graph_file(path: str | Path):
    """The pyoxigraph format of the RDF file ``path``, after checking that it exists, is a file,
    has a known suffix and parses (GraphError naming the file, line and column when it does not).

    :func:`load_files` checks every file so before it changes the store: a load that fails on bad
    input leaves the store as it was.
    """
    import pyoxigraph as ox

    from .rdf import graph_input, refuse_unsafe

    p, rdf_format = graph_input(path)
    fmt = ox_format(p)
    refuse_unsafe(p, rdf_format)
    try:
        for _ in ox.parse(path=str(p), format=fmt):
            pass
    except SyntaxError as exc:
        raise _syntax_error(p, exc) from None
    except (OSError, ValueError) as exc:
        raise GraphError(f"{p}: cannot load ({' '.join(str(exc).split())[:200]})") from None
    return fmt


@contextlib.contextmanager
def open_store(directory: str | Path, *, write: bool = False) -> Iterator:
    """Open the store at ``directory`` and yield a ``pyoxigraph.Store``, holding kg's lock meanwhile.

    Parameters
    ----------
    directory : str or Path
        The store directory. For writing it is created when missing; for reading it must be a store.
    write : bool
        Open read-write with an exclusive lock; otherwise read-only with a shared lock.

    Raises
    ------
    GraphError
        No store at ``directory`` (reading) or it cannot be opened.
    StoreLockedError
        Another process holds a conflicting lock, or an Oxigraph server has the database open.
    """
    import pyoxigraph

    d = Path(directory)
    if write:
        check_store_target(d)
        try:
            d.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GraphError(f"{d}: cannot create the store ({exc.strerror or exc})") from None
    elif not d.exists():
        raise GraphError(f"{d}: store not found")
    elif not is_store(d):
        raise GraphError(f"{d}: not an Oxigraph store (make one with: kg load GRAPH --store {d})")
    with _lock(d, exclusive=write):
        try:
            store = pyoxigraph.Store(str(d)) if write else pyoxigraph.Store.read_only(str(d))
        except OSError as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                raise StoreLockedError(f"{d}: the store is open in another program (an Oxigraph server?)") from None
            raise GraphError(f"{d}: cannot open the store ({' '.join(msg.split())[:200]})") from None
        try:
            yield store
            if write:
                store.flush()
        finally:
            del store


def _syntax_error(path, exc: SyntaxError) -> GraphError:
    """One line from a pyoxigraph SyntaxError: ``FILE: line N, column M: message``."""
    import re

    msg = " ".join(str(exc).split())
    m = re.match(r"Parser error [^:]*: (.*?)(?: \([^()]*line \d+\))?$", msg)
    if m:  # "Parser error at line 2 column 23: ...", "... between columns 13 and 17: ...", ...
        msg = m.group(1)
    if exc.lineno and exc.offset:
        msg = f"line {exc.lineno}, column {exc.offset}: {msg}"
    elif exc.lineno:
        msg = f"line {exc.lineno}: {msg}"
    if len(msg) > 240:
        msg = msg[:237] + "..."
    return GraphError(f"{path}: {msg}")


def load_into(store, path: str | Path, *, bulk: bool = True) -> None:
    """Parse the RDF file ``path`` (format from its suffix) into the default graph of the open
    pyoxigraph ``store``; the named graphs of a quads file are merged into it."""
    import pyoxigraph as ox

    p = Path(path)
    fmt = ox_format(p)
    if not p.is_file():
        raise GraphError(f"{p}: graph file not found")
    from .rdf import format_for_path, refuse_unsafe

    refuse_unsafe(p, format_for_path(p))  # entity declarations, remote JSON-LD contexts: before parsing
    try:
        if fmt.supports_datasets:
            quads = (ox.Quad(q.subject, q.predicate, q.object) for q in ox.parse(path=str(p), format=fmt))
            (store.bulk_extend if bulk else store.extend)(quads)
        elif bulk:
            store.bulk_load(path=str(p), format=fmt)
        else:
            store.load(path=str(p), format=fmt)
    except SyntaxError as exc:
        raise _syntax_error(p, exc) from None
    except (OSError, ValueError) as exc:
        raise GraphError(f"{p}: cannot load ({' '.join(str(exc).split())[:200]})") from None


def load_files(directory: str | Path, paths: Iterable[str | Path], *, replace: bool = False) -> LoadReport:
    """Load RDF files into the store at ``directory`` (created when missing) with Oxigraph's bulk loader.

    Every file is checked (it exists, has a known suffix and parses) before the store is opened,
    so a bad file leaves the store as it was, and creates none. ``replace`` empties the store first.
    The bulk loader is not transactional: only a failure while writing (a full disk, a kill) can
    leave part of the files loaded.

    Returns
    -------
    LoadReport
    """
    paths = [Path(p) for p in paths]
    for p in paths:  # suffixes and existence first: cheap, and a usage error comes before a parse
        if not p.is_dir():
            ox_format(p)
    for p in paths:
        check_graph_file(p)
    check_store_target(directory)
    with open_store(directory, write=True) as store:
        if replace:
            store.clear()
        t0 = time.perf_counter()
        for p in paths:
            load_into(store, p)
        seconds = time.perf_counter() - t0
        return LoadReport(len(paths), len(store), seconds)


def store_graph(graph, directory: str | Path, *, replace: bool = False) -> LoadReport:
    """Write an rdflib graph into the store at ``directory`` (for ``kg build --store``).

    The claims of kg graphs are content-addressed, so adding a graph twice adds nothing new;
    ``replace`` empties the store first.
    """
    import pyoxigraph

    data = graph.serialize(format="nt", encoding="utf-8")
    with open_store(directory, write=True) as store:
        if replace:
            store.clear()
        t0 = time.perf_counter()
        try:
            store.bulk_load(data, pyoxigraph.RdfFormat.N_TRIPLES)
        except (SyntaxError, OSError) as exc:  # pragma: no cover - rdflib wrote bad N-Triples
            raise GraphError(f"{directory}: cannot store the graph ({exc})") from None
        return LoadReport(1, len(store), time.perf_counter() - t0)
