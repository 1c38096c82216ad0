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
import re
import signal
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from .errors import KgError

# errors of the disk rather than of the caller's code: they become an OutputError
_DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})


class OutputError(KgError):
    """An output path that cannot be written."""


def _parent(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


_FD_DIR = re.compile(r"/proc/[^/]+/fd")


def _through_fd_link(path: str) -> bool:
    """Whether ``path`` names an open file descriptor (``/dev/stdout``, ``/dev/fd/1``,
    ``/proc/self/fd/1``): such a file is written in place, never replaced."""
    p = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on a chain of links
        parent = os.path.realpath(os.path.dirname(p))
        if _FD_DIR.fullmatch(parent):
            return True
        if not os.path.islink(p):
            return False
        p = os.path.join(parent, os.readlink(p))
    return False


@dataclass(frozen=True)
class Output:
    """Where an output path really writes: ``path`` is the file to replace (symbolic links
    resolved), or, when ``in_place``, a character device, FIFO or open descriptor written as it is."""

    shown: str
    path: Path
    in_place: bool = False


def output_target(path: str | os.PathLike) -> Output:
    """The one check every file kg writes goes through; :class:`OutputError` (one line) when
    ``path`` cannot or must not be written, before anything is written.

    * a name ending in ``/`` names a directory: refused, and the file without the slash is left alone;
    * a symbolic link is followed to the file it names (that file is replaced, the link kept);
    * a character device (``/dev/null``) or a FIFO is written in place, never replaced by a
      regular file; a block device or a socket is refused;
    * a directory, a missing or read-only directory around the file are refused.

    >>> output_target("graph.ttl/")
    Traceback (most recent call last):
    ...
    kg.fileio.OutputError: cannot write graph.ttl/: a name ending in / is a directory; give a file name
    >>> output_target("/dev/null").in_place
    True
    """
    shown = os.fspath(path)
    if shown.endswith(("/", os.sep)) or shown in ("", ".", ".."):
        raise OutputError(f"cannot write {shown}: a name ending in / is a directory; give a file name")
    try:
        st = os.stat(shown)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"cannot write {shown}: it is a directory")
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            return Output(shown, Path(shown), in_place=True)
        kind = "a block device" if stat.S_ISBLK(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) \
            else "not a regular file"
        raise OutputError(f"cannot write {shown}: it is {kind}; kg writes regular files, FIFOs and "
                          "character devices only")
    if _through_fd_link(shown):
        return Output(shown, Path(shown), in_place=True)
    target = Path(os.path.realpath(shown))
    parent = _parent(target)
    if not parent.exists():
        raise OutputError(f"cannot write {shown}: directory {_parent(Path(shown))} does not exist")
    if not parent.is_dir():
        raise OutputError(f"cannot write {shown}: {_parent(Path(shown))} is not a directory")
    try:  # a real probe: permission bits say nothing to root, nor about read-only or virtual file systems
        with tempfile.TemporaryFile(dir=parent):
            pass
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: directory {_parent(Path(shown))} is not writable "
                          f"({exc.strerror or exc})") from None
    return Output(shown, target)


def check_writable(path: str | os.PathLike) -> Path:
    """``path`` as a :class:`~pathlib.Path`, or :class:`OutputError` with one clear line
    when it cannot be written (see :func:`output_target`).

    >>> check_writable("no/such/dir/graph.ttl")
    Traceback (most recent call last):
    ...
    kg.fileio.OutputError: cannot write no/such/dir/graph.ttl: directory no/such/dir does not exist
    """
    output_target(path)
    return Path(path)


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

    ``mode`` is ``"w"`` (text, ``encoding``, ``\\n`` line ends) or ``"wb"``. On any exception (an
    interrupt included) the temporary file is removed and ``path`` keeps its old content. The new
    file keeps the permission bits of the file it replaces; a new file gets those of a plain
    ``open()`` (0o666 less the umask, 0o644 with the usual umask). A symbolic link is written
    through; a character device or a FIFO is written in place (see :func:`output_target`).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_write(d / "out.txt") as fh:
    ...     _ = fh.write("done")
    >>> (d / "out.txt").read_text(), [p.name for p in d.iterdir()]
    ('done', ['out.txt'])
    """
    if mode not in ("w", "wt", "wb"):
        raise ValueError(f"atomic_write mode must be 'w' or 'wb', not {mode!r}")
    out = output_target(path)
    shown = out.shown
    if out.in_place:
        with _in_place(out, mode, encoding) as fh:
            yield fh
        return
    target = out.path
    # Ctrl-C or SIGTERM between the file's creation and the cleanup below would leave it behind: they wait
    mask = _hold_signals()
    try:  # O_EXCL and a random name: a link planted beside the target is never followed
        tmp = tempfile.NamedTemporaryFile("wb", dir=_parent(target), prefix=f".{target.name}.", suffix=".tmp",
                                          delete=False)
    except OSError as exc:
        _release_signals(mask)
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None
    try:
        _release_signals(mask)
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


def _hold_signals():
    """Block SIGINT and SIGTERM in this thread (they are delivered when released); the previous mask."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


def _release_signals(mask) -> None:
    if mask is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


@contextlib.contextmanager
def _in_place(out: Output, mode: str, encoding: str) -> Iterator[IO]:
    """Write a device, a FIFO or an open descriptor as it is (appending, never truncating)."""
    try:
        fd = os.open(out.shown, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise OutputError(f"cannot write {out.shown}: {exc.strerror or exc}") from None
    try:
        with open(fd, "wb" if "b" in mode else "w", **({} if "b" in mode else {"encoding": encoding, "newline": ""})) as fh:
            yield fh
    except OSError as exc:
        if exc.errno in _DISK_ERRNOS or exc.errno == errno.EPIPE:
            raise OutputError(f"cannot write {out.shown}: {exc.strerror or exc}") from exc
        raise


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (best effort: not every system can open a directory)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class LockBusy(OutputError):
    """Another process holds a conflicting lock."""


@contextlib.contextmanager
def lock_file(lock_path: str | os.PathLike, *, exclusive: bool = True, create: bool = True) -> Iterator[int | None]:
    """Hold an advisory ``flock`` on ``lock_path`` and yield its descriptor; the file is removed by
    the last holder, so no lock file outlives its writers.

    A symbolic link (or anything but a regular file) planted at ``lock_path`` is refused, never
    followed, so a lock can neither create nor truncate another file. A holder that finds the
    file replaced or removed after taking the lock starts again, so removing the file is safe.
    :class:`LockBusy` when the lock is held; OSError when the file cannot be opened (``create``
    False: None is yielded when it cannot be created, for readers of read-only places).
    """
    import fcntl

    lock_path = os.fspath(lock_path)
    flags = os.O_RDWR | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        try:
            fd = os.open(lock_path, flags | os.O_CREAT, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise OutputError(f"{lock_path}: the lock file is a symbolic link; kg does not follow it "
                                  "(remove it if no kg process is running)") from None
            if create:
                raise
            yield None
            return
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise OutputError(f"{lock_path}: the lock file is not a regular file; remove it")
            try:
                fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            except BlockingIOError:
                raise LockBusy(lock_path) from None
            try:
                now = os.stat(lock_path, follow_symlinks=False)
            except FileNotFoundError:
                now = None
            if now is None or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
                os.close(fd)  # its last holder removed it meanwhile: take the one that is there now
                fd = -1
                continue
        except BaseException:
            if fd >= 0:
                os.close(fd)
            raise
        try:
            yield fd
        finally:
            try:
                if not exclusive:  # the last reader removes the file: only it can take the lock alone
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                with contextlib.suppress(OSError):
                    os.unlink(lock_path)
            except BlockingIOError:
                pass
            finally:
                os.close(fd)
        return
    raise OutputError(f"{lock_path}: cannot take the lock (the file keeps changing)")


def lock_path_for(path: str | os.PathLike) -> Path:
    """The lock file of an output or a store: ``.NAME.lock`` beside the real file."""
    real = Path(os.path.realpath(path))
    return _parent(real) / f".{real.name}.lock"


@contextlib.contextmanager
def output_lock(path: str | os.PathLike) -> Iterator[None]:
    """Hold an exclusive lock on the real file behind ``path`` while it is read, merged and
    rewritten (``kg build --append``): every path to one file (links included) takes the same
    lock, and a second writer fails at once with one clear line instead of losing the first
    one's work. The lock file (``.NAME.lock`` beside the real file) is removed on release. A
    device or FIFO needs no lock.
    """
    out = output_target(path)
    if out.in_place:
        yield
        return
    lock = lock_path_for(out.path)
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(lock_file(lock))
        except LockBusy:
            raise OutputError(f"{out.shown}: another kg process is writing it; try again when it has finished") from None
        except OSError as exc:
            raise OutputError(f"cannot write {out.shown}: cannot create its lock file {lock} "
                              f"({exc.strerror or exc})") from None
        yield


__all__ = ["LockBusy", "Output", "OutputError", "atomic_write", "check_writable", "lock_file", "lock_path_for",
           "not_utf8", "output_lock", "output_target", "read_text"]
