"""On-disk Oxigraph stores: open one for reading or writing, load RDF files or a graph into it.

A store is a plain Oxigraph (RocksDB) database directory, so ``oxigraph serve --location DIR``
serves it over the SPARQL protocol. A writer (``kg load``, ``kg build --store``, ``kg query
--update``) holds an exclusive ``flock`` for as long as it writes, readers a shared one, so a second
writer, or a writer while someone reads, fails at once with a clear message instead of corrupting
the database. The lock file is ``.DIR.lock`` beside the store (``DIR/.kg.lock`` when the directory
around the store is read-only); it is never followed through a symbolic link and is removed by its
last holder. (Locks are advisory and POSIX only; on Windows, and for programs other than kg, there
is no such guard.)

Replacing a store (``kg load --replace``, ``kg build --store``) and making a new one are atomic: the
new store is loaded into a hidden directory beside the old one (``.DIR.kg-new-XXXX``), which then
takes its place in one step (the two directories are exchanged with ``renameat2``), so a kill at any
moment leaves the old store or the new one, never less; leftovers of a killed run are removed by the
next writer.

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

from .errors import GraphError, KgError
from .formats import FORMATS, format_for_path, graph_input, ox_format
from .rdferrors import oxigraph_syntax_error

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["LOCK_NAME", "OX_FORMATS", "StoreLockedError", "LoadReport", "is_store", "open_store",
           "load_files", "store_graph", "ox_format", "check_store_target", "check_graph_file"]

LOCK_NAME = ".kg.lock"

#: file suffix -> pyoxigraph RdfFormat attribute name (from the registry of kg.formats)
OX_FORMATS: dict[str, str] = {suffix: fmt.ox_name for suffix, fmt in FORMATS.items()}


class StoreLockedError(KgError):
    """Another process writes the store, or reads it while we want to write."""


@dataclass(frozen=True)
class LoadReport:
    """What a load did: files loaded, triples in the store afterwards, seconds spent loading."""

    files: int
    triples: int
    seconds: float


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is an Oxigraph store directory (a RocksDB database)."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").is_file()


def _lock_path(directory: Path) -> Path:
    """``.NAME.lock`` beside the real store directory, or inside it when nothing can be created beside it."""
    from .fileio import lock_path_for

    beside = lock_path_for(directory)
    if os.access(beside.parent, os.W_OK | os.X_OK) or not Path(directory).is_dir():
        return beside
    return Path(os.path.realpath(directory)) / LOCK_NAME


@contextlib.contextmanager
def _lock(directory: Path, exclusive: bool) -> Iterator[None]:
    if fcntl is None:  # pragma: no cover - no advisory locks here
        yield
        return
    from .fileio import LockBusy, lock_file

    path = _lock_path(directory)
    with contextlib.ExitStack() as stack:
        try:
            fd = stack.enter_context(lock_file(path, exclusive=exclusive, create=exclusive))
        except LockBusy:
            holder = _holder(path)
            if exclusive:
                raise StoreLockedError(
                    f"{directory}: the store is in use by another process{holder}; "
                    "it can be written only when nobody else reads or writes it") from None
            raise StoreLockedError(f"{directory}: another process{holder} is writing the store; "
                                   "try again when it has finished") from None
        except OSError:  # (creating is only asked of writers; readers of read-only places go unlocked)
            raise GraphError(f"{directory}: cannot write the store (cannot create its lock file {path})") from None
        if fd is not None and exclusive:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        yield


def _holder(path: Path) -> str:
    try:
        with open(path, encoding="ascii", opener=lambda p, f: os.open(p, f | os.O_NOFOLLOW | os.O_NONBLOCK)) as fh:
            pid = fh.read(32).strip()
    except (OSError, UnicodeDecodeError):
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

    :func:`load_files` checks every file so before it adds to an existing store: a load that fails
    on bad input leaves the store as it was.
    """
    from .rdfguard import refuse_unsafe

    p, rdf_format = graph_input(path)
    refuse_unsafe(p, rdf_format)
    return _check_parses(p)


def _check_parses(p: Path):
    """Parse the RDF file ``p`` to its end (GraphError at the first error); its pyoxigraph format."""
    import pyoxigraph as ox

    fmt = ox_format(p)
    try:
        for _ in ox.parse(path=str(p), format=fmt):
            pass
    except SyntaxError as exc:
        raise oxigraph_syntax_error(p, exc) from None
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
    d = Path(directory)
    if write:
        check_store_target(d)
    elif not d.exists():
        raise GraphError(f"{d}: store not found")
    elif not is_store(d):
        raise GraphError(f"{d}: not an Oxigraph store (make one with: kg load GRAPH --store {d})")
    with _lock(d, exclusive=write):
        if write:
            _recover(Path(os.path.realpath(d)))
        if write and not is_store(d):  # a new store is made whole, then put in place
            _replace(d, lambda store: None)
        with _opened(d, write) as store:
            yield store


@contextlib.contextmanager
def _opened(d: Path, write: bool) -> Iterator:
    """The pyoxigraph Store at ``d`` (the caller holds kg's lock); closed on leaving."""
    import pyoxigraph

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


# ---------------------------------------------------------------------------- atomic replacement

_NEW, _OLD = "kg-new", "kg-old"


def _sibling(d: Path, kind: str) -> str:
    return f".{d.name}.{kind}-"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where the
    system or file system cannot."""
    import ctypes
    import errno

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _recover(d: Path) -> None:
    """Under the writer's lock: finish or undo what a killed writer left beside ``d``. A store
    moved aside by the two-rename fallback goes back when nothing took its place; every other
    leftover (a half-loaded new store, an old one swapped out) is removed."""
    import shutil

    parent = d.parent
    try:
        names = os.listdir(parent)
    except OSError:
        return
    for name in sorted(names):
        path = parent / name
        if name.startswith(_sibling(d, _OLD)) and not d.exists() and is_store(path / "store"):
            os.rename(path / "store", d)  # killed between the two renames: the old store goes back
        if name.startswith((_sibling(d, _NEW), _sibling(d, _OLD))) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)


def _server_has(d: Path) -> bool:
    """Whether another program (an Oxigraph server) has the RocksDB database at ``d`` open: it
    holds a POSIX lock on ``d/LOCK``."""
    if fcntl is None or not (d / "LOCK").is_file():
        return False
    try:
        fd = os.open(d / "LOCK", os.O_RDWR | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # (releases the probe's lock)
    return False


@contextlib.contextmanager
def _uninterrupted() -> Iterator[None]:
    """Hold SIGINT and SIGTERM while a store is swapped in: once the new store is in place the
    job is done, and a Ctrl-C that comes during the swap neither stops it half-way nor reports
    an abort that did not happen (the signal is dropped; the command ends normally)."""
    import signal

    signals = {signal.SIGINT, signal.SIGTERM}
    try:
        before = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    except (AttributeError, ValueError, OSError):  # pragma: no cover - not POSIX, or not the main thread
        yield
        return
    try:
        yield
    finally:
        for signum in signal.sigpending() & signals:
            signal.sigtimedwait([signum], 0)
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _replace(directory: Path, fill) -> int:
    """Make a new store with ``fill(store)`` beside ``directory`` and put it in the place of
    ``directory`` (or of nothing) in one step; the number of triples it holds. The caller holds
    the writer's lock. On any failure or interrupt the new store is removed and ``directory`` is
    as it was."""
    import shutil
    import tempfile

    d = Path(os.path.realpath(directory))
    _recover(d)
    if is_store(d) and _server_has(d):
        raise StoreLockedError(f"{directory}: the store is open in another program (an Oxigraph server?)")
    try:
        new = Path(tempfile.mkdtemp(prefix=_sibling(d, _NEW), dir=d.parent))
    except OSError as exc:
        raise GraphError(f"{directory}: cannot replace the store: cannot create a directory beside it "
                         f"({exc.strerror or exc})") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(new, 0o777 & ~umask)
        with _opened(new, write=True) as store:
            fill(store)
            count = len(store)
        _sync_tree(new)
        with _uninterrupted():
            if d.exists() and _exchange(new, d):
                shutil.rmtree(new, ignore_errors=True)  # (now the old store)
            elif d.exists():  # no exchange here: two renames, undone by _recover if killed between
                aside = Path(tempfile.mkdtemp(prefix=_sibling(d, _OLD), dir=d.parent))
                os.rename(d, aside / "store")
                os.rename(new, d)
                shutil.rmtree(aside, ignore_errors=True)
            else:
                os.rename(new, d)
            _sync_tree(d.parent, files=False)
    except BaseException as exc:
        shutil.rmtree(new, ignore_errors=True)
        if isinstance(exc, OSError):
            raise GraphError(f"{directory}: cannot replace the store ({exc.strerror or exc})") from None
        raise
    return count


def _sync_tree(directory: Path, files: bool = True) -> None:
    """Flush a new store's files and the directory entries to disk (best effort)."""
    paths = [directory]
    if files:
        paths += [p for p in directory.iterdir() if p.is_file()]
    for p in paths:
        with contextlib.suppress(OSError):
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def load_into(store, path: str | Path, *, bulk: bool = True) -> None:
    """Parse the RDF file ``path`` (format from its suffix) into the default graph of the open
    pyoxigraph ``store``; the named graphs of a quads file are merged into it."""
    import pyoxigraph as ox

    p = Path(path)
    fmt = ox_format(p)
    if not p.is_file():
        raise GraphError(f"{p}: graph file not found")
    from .rdfguard import refuse_unsafe

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
        raise oxigraph_syntax_error(p, exc) from None
    except (OSError, ValueError) as exc:
        raise GraphError(f"{p}: cannot load ({' '.join(str(exc).split())[:200]})") from None


def load_files(directory: str | Path, paths: Iterable[str | Path], *, replace: bool = False) -> LoadReport:
    """Load RDF files into the store at ``directory`` (created when missing) with Oxigraph's bulk loader.

    A bad file leaves the store as it was, and creates none. ``replace`` loads the files into
    a new store that then takes the place of the old one in one step, and a new store is made the
    same way: a kill or a syntax error at any moment leaves the old store or the new one, so the
    files are parsed once, by the loader. Added to an existing store (the bulk loader is not
    transactional), every file is parsed first, under the writer's lock, and the store is touched
    only when all parse; a failure while writing (a full disk, a kill) can still leave part of the
    files loaded.

    Returns
    -------
    LoadReport
    """
    from .rdfguard import refuse_unsafe

    paths = [Path(p) for p in paths]
    for p in paths:  # suffixes and existence first: cheap, and a usage error comes before a parse
        if not p.is_dir():
            ox_format(p)
    for p in paths:
        refuse_unsafe(*graph_input(p))
    d = check_store_target(directory)

    def check() -> None:
        for p in paths:
            _check_parses(p)

    def fill(store) -> None:
        for p in paths:
            load_into(store, p)

    return _write(d, fill, len(paths), replace, before_adding=check)


def _write(d: Path, fill, files: int, replace: bool, before_adding=None) -> LoadReport:
    t0 = time.perf_counter()
    with _lock(d, exclusive=True):
        _recover(Path(os.path.realpath(d)))
        if replace or not is_store(d):
            triples = _replace(d, fill)
            return LoadReport(files, triples, time.perf_counter() - t0)
        if before_adding is not None:
            before_adding()
        with _opened(d, write=True) as store:
            fill(store)
            return LoadReport(files, len(store), time.perf_counter() - t0)


def store_graph(graph, directory: str | Path, *, replace: bool = False) -> LoadReport:
    """Write an rdflib graph into the store at ``directory`` (for ``kg build --store``).

    The claims of kg graphs are content-addressed, so adding a graph twice adds nothing new;
    ``replace`` puts a new store holding only ``graph`` in the place of the old one, atomically.
    """
    import pyoxigraph

    data = graph.serialize(format="nt", encoding="utf-8")

    def fill(store) -> None:
        try:
            store.bulk_load(data, pyoxigraph.RdfFormat.N_TRIPLES)
        except (SyntaxError, OSError) as exc:  # pragma: no cover - rdflib wrote bad N-Triples
            raise GraphError(f"{directory}: cannot store the graph ({exc})") from None

    return _write(check_store_target(directory), fill, 1, replace)
