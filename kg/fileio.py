"""Writing files so that a failure, a crash or a kill never leaves a half-written output.

Everything kg writes goes to a temporary file beside the target (``.NAME.XXXX.tmp``), is flushed
to disk, then renamed over the target in one step (``os.replace``). A reader sees the old file
or the new one, never a mixture. A path that cannot be written is an :class:`OutputError` of one
line, raised before anything is written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

from .errors import KgError

# errors of the disk rather than of the caller's code: they become an OutputError
_DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})


class OutputError(KgError):
    """An output path that cannot be written."""


def _parent(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def check_writable(path: str | os.PathLike) -> Path:
    """``path`` as a :class:`~pathlib.Path`, or :class:`OutputError` with one clear line
    when it cannot be written (missing or read-only directory, or a directory in the way).

    >>> check_writable("no/such/dir/graph.ttl")
    Traceback (most recent call last):
    ...
    kg.fileio.OutputError: cannot write no/such/dir/graph.ttl: directory no/such/dir does not exist
    """
    target = Path(path)
    parent = _parent(target)
    if not parent.exists():
        raise OutputError(f"cannot write {target}: directory {parent} does not exist")
    if not parent.is_dir():
        raise OutputError(f"cannot write {target}: {parent} is not a directory")
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a directory")
    try:  # a real probe: permission bits say nothing to root, nor about read-only or virtual file systems
        with tempfile.TemporaryFile(dir=parent):
            pass
    except OSError as exc:
        raise OutputError(f"cannot write {target}: directory {parent} is not writable "
                          f"({exc.strerror or exc})") from None
    return target


def not_utf8(exc: UnicodeDecodeError) -> str:
    """The problem of undecodable input, as kg words it everywhere: where the first bad byte is."""
    return f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}); is it a binary file?"


def read_text(path: str | os.PathLike, kind: str, error: type[KgError] = KgError,
              encoding: str = "utf-8") -> str:
    """The text of a small UTF-8 file (a query, a gold file; ``-`` is stdin), or ``error`` with one
    line naming the file and the problem: not found, a directory, not UTF-8, unreadable. ``kind``
    names what the file should be (``"query file"``)."""
    if str(path) == "-":
        import sys

        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # a text stream without bytes underneath
            return sys.stdin.read()
        try:
            return buffer.read().decode("utf-8-sig" if encoding.startswith("utf-8") else encoding)
        except UnicodeDecodeError as exc:
            raise error(f"<stdin>: {not_utf8(exc)}") from None
    try:
        with open(path, encoding=encoding) as fh:
            return fh.read()
    except FileNotFoundError:
        raise error(f"{path}: {kind} not found") from None
    except IsADirectoryError:
        raise error(f"{path}: is a directory, not a {kind}") from None
    except UnicodeDecodeError as exc:
        raise error(f"{path}: {not_utf8(exc)}") from None
    except OSError as exc:
        raise error(f"{path}: cannot read {kind} ({exc.strerror or exc})") from None


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", encoding: str = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside ``path`` for writing; on success it replaces ``path``.

    ``mode`` is ``"w"`` (text, ``encoding``, ``\\n`` line ends) or ``"wb"``. On any exception the
    temporary file is removed and ``path`` keeps its old content. The new file keeps the
    permission bits of the file it replaces; a new file gets those of a plain ``open()``
    (0o666 less the umask, 0o644 with the usual umask). A symbolic link is written through.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_write(d / "out.txt") as fh:
    ...     _ = fh.write("done")
    >>> (d / "out.txt").read_text(), [p.name for p in d.iterdir()]
    ('done', ['out.txt'])
    """
    if mode not in ("w", "wt", "wb"):
        raise ValueError(f"atomic_write mode must be 'w' or 'wb', not {mode!r}")
    shown = Path(path)
    target = check_writable(Path(os.path.realpath(shown)) if shown.is_symlink() else shown)
    try:
        tmp = tempfile.NamedTemporaryFile("wb", dir=_parent(target), prefix=f".{target.name}.", suffix=".tmp",
                                          delete=False)
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None
    try:
        with tmp:
            if "b" in mode:
                yield tmp
            else:
                with open(tmp.fileno(), "w", encoding=encoding, newline="", closefd=False) as text:
                    yield text
            tmp.flush()
            os.fsync(tmp.fileno())
        try:
            bits = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            bits = 0o666 & ~_umask()
        os.chmod(tmp.name, bits)
        os.replace(tmp.name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp.name)
        if isinstance(exc, OSError) and exc.errno in _DISK_ERRNOS:
            raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from exc
        raise
    _sync_directory(_parent(target))


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (best effort: not every system can open a directory)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


__all__ = ["OutputError", "atomic_write", "check_writable", "not_utf8", "output_lock", "read_text"]


@contextlib.contextmanager
def output_lock(path: str | os.PathLike) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` while it is read, merged and rewritten (``kg build --append``).

    The lock is an advisory ``fcntl`` lock on a hidden ``.NAME.lock`` file beside ``path``; a second
    writer fails at once with one clear line instead of losing the first one's work.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - no advisory locks on this platform
        yield
        return
    target = Path(path)
    lock_path = (target.parent if str(target.parent) else Path(".")) / f".{target.name}.lock"
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: cannot create its lock file {lock_path} "
                          f"({exc.strerror or exc})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"{target}: another kg process is writing it; try again when it has finished") from None
        yield
    finally:
        os.close(fd)
