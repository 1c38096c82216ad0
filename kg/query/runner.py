"""Running work (a query, an update) under a deadline and a memory bound, in a child process that is
killed at the deadline: forked, or spawned afresh when forking is unsafe (see :func:`call_with_timeout`).

>>> call_with_timeout(lambda: 6 * 7, 5.0)
42
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ..errors import KgError
from .base import QueryError, QueryTimeout

__all__ = ["call_with_timeout", "default_max_memory", "worker"]


def call_with_timeout(work: Callable[[], object], timeout: float | None, *, spawn_args: tuple | None = None,
                      max_memory: int | None = None):
    """``work()``, stopped after ``timeout`` seconds with QueryTimeout.

    The work runs in a separate process that is killed at the deadline, so even a query deep
    inside Oxigraph stops; the answer comes back pickled through a pipe:

    - a forked child, when the process has a single thread (Linux; the ``kg`` command always
      does): it costs a few milliseconds and the child inherits everything already imported;
    - otherwise a fresh Python process running ``spawn_args`` (a module name, the name of a function
      in it and its arguments, all picklable: a path-based query or update),
      since forking a process whose other threads hold locks (RocksDB's, after a store was
      opened) can deadlock the child; it costs the start-up of Python and pyoxigraph;
    - otherwise (an in-memory source in a multi-threaded process, or no fork) a daemon
      thread, abandoned at the deadline: the caller gets QueryTimeout, the query runs on.

    A child process may allocate at most ``max_memory`` bytes (default: :func:`default_max_memory`);
    past that it dies and the caller gets QueryError. An interruption of the caller (Ctrl-C,
    SIGTERM: any BaseException while it waits) kills the child at once before it propagates.
    """
    if timeout is None or timeout <= 0:
        return work()
    if max_memory is None:
        max_memory = default_max_memory()
    if hasattr(os, "fork") and _single_threaded():
        return _forked(work, timeout, max_memory)
    if spawn_args is not None:
        return _spawned(spawn_args, timeout, max_memory)
    return _thread_timeout(work, timeout)


def default_max_memory() -> int:
    """Half the physical memory, at most 4 GiB, in bytes."""
    try:
        return min(4 << 30, os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2)
    except (ValueError, OSError, AttributeError):
        return 4 << 30


def _limit_memory(max_memory: int) -> None:
    """Cap the data (heap and anonymous mappings) of this process at ``max_memory`` bytes."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_DATA, (max_memory, max_memory))
    except (ImportError, ValueError, OSError):
        pass


def _single_threaded() -> bool:
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # not Linux: cannot see native threads, so do not fork
        return False


def _timeout_error(timeout: float) -> QueryTimeout:
    return QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped "
                        "(raise the limit with --timeout SECONDS)")


def _read_until(fd: int, deadline: float) -> bytes | None:
    """Everything written to ``fd`` until EOF, or None when the deadline comes first."""
    import select
    import time

    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _answer(data: bytes | None, timeout: float, max_memory: int | None = None):
    import pickle

    if data is None:
        raise _timeout_error(timeout)
    if not data:
        if max_memory:
            raise QueryError(f"the query process died without an answer, most likely out of memory (it may use "
                             f"{max_memory / (1 << 20):,.0f} MB); add a LIMIT or raise --max-memory")
        raise QueryError("the query process died without an answer")
    status, value = pickle.loads(data)
    if status == "error":
        raise value
    return value


def _payload(work) -> bytes:
    import pickle

    try:
        payload = ("ok", work())
    except KgError as exc:
        payload = ("error", exc)
    except MemoryError:
        payload = ("error", QueryError("the query ran out of memory; add a LIMIT or raise --max-memory"))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the caller
        payload = ("error", QueryError(f"{type(exc).__name__}: {exc}"))
    try:
        return pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001
        return pickle.dumps(("error", QueryError(f"cannot return the result: {exc}")))


def _forked(work, timeout: float, max_memory: int | None = None):
    import signal
    import time

    import pyoxigraph  # noqa: F401 - imported before forking so that the child need not

    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, which coverage cannot see
        code = 0
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it kills us
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.close(read_fd)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)  # an engine dying of a failed allocation says so on stderr: we say it in one line
            if max_memory:
                _limit_memory(max_memory)
            with os.fdopen(write_fd, "wb") as fh:
                fh.write(_payload(work))
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    data = None
    try:
        data = _read_until(read_fd, time.monotonic() + timeout)
    finally:  # an answer, the deadline, or an interruption of ours (Ctrl-C): the child goes now
        os.close(read_fd)
        if data is None:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    return _answer(data, timeout, max_memory)


def _spawned(args: tuple, timeout: float, max_memory: int | None = None):
    import pickle
    import subprocess
    import sys
    import time

    deadline = time.monotonic() + timeout
    here = str(Path(__file__).resolve().parents[2])  # the same kg as this one, wherever it is
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p),
           "KG_QUERY_MAX_MEMORY": str(max_memory or 0)}
    proc = subprocess.Popen([sys.executable, "-c", "from kg.query.runner import worker; worker()"], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # Ctrl-C reaches only us; we kill it
    data = None
    try:
        proc.stdin.write(pickle.dumps(args))
        proc.stdin.close()
        data = _read_until(proc.stdout.fileno(), deadline)
    finally:
        if data is None:
            proc.kill()
        proc.wait()
        proc.stdout.close()
    return _answer(data, timeout, max_memory)


def worker() -> None:  # pragma: no cover - runs in the spawned process
    """Entry point of a spawned query process: pickled arguments on stdin, pickled answer on stdout."""
    import pickle
    import sys

    args = pickle.loads(sys.stdin.buffer.read())
    if int(os.environ.get("KG_QUERY_MAX_MEMORY") or 0):
        _limit_memory(int(os.environ["KG_QUERY_MAX_MEMORY"]))
    import importlib

    function = getattr(importlib.import_module(args[0]), args[1])
    work = lambda: function(*args[2:])  # noqa: E731
    sys.stdout.buffer.write(_payload(work))
    sys.stdout.buffer.flush()


def _thread_timeout(work, timeout):
    import threading

    box: dict = {}

    def target():
        try:
            box["ok"] = work()
        except BaseException as exc:  # noqa: BLE001
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise _timeout_error(timeout)
    if "error" in box:
        raise box["error"]
    return box["ok"]
