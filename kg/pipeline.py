"""Run extraction over many documents, in this process or in worker processes.

Workers each load the gazetteer once (from the same files) and return relations in input
order, so ``--jobs 4`` gives exactly the output of ``--jobs 1``. Documents are read ahead only a
few batches at a time, so a long input (or a long text read in parts) keeps memory bounded.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from dataclasses import fields
from functools import partial
from typing import Any, Callable, Iterable, Iterator

from .extract import index_for, extract_many
from .gazetteer import Gazetteer, load_gazetteer
from .model import Document, Relation

_WORKER_GAZETTEER: Gazetteer | None = None


def _worker_signals() -> None:
    """Workers leave Ctrl-C to the main process (which stops them) and die quietly on SIGTERM,
    instead of each printing a traceback."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _init_worker(extra: tuple[str, ...]) -> None:
    global _WORKER_GAZETTEER
    _worker_signals()
    _WORKER_GAZETTEER = load_gazetteer(extra)


def _as_tuples(doc: Document, rels: list[Relation]) -> list[tuple]:
    """Relations as plain tuples (cheaper to pickle than the records)."""
    return [tuple(getattr(r, f) for f in _FIELDS) for r in rels]


def _work(encode, batch: list[Document]) -> list:
    """Extract a batch in a worker; each document's relations travel back encoded."""
    assert _WORKER_GAZETTEER is not None
    return [encode(doc, found) for doc, found in extract_many(batch, _WORKER_GAZETTEER)]


#: documents go to workers in batches of at most this many documents or characters ...
BATCH_DOCS = 64
BATCH_CHARS = 1 << 20
#: ... and at most this many batches per worker are read ahead, so memory stays bounded
BATCHES_AHEAD = 4


def _batches(documents: Iterable[Document]) -> Iterator[list[Document]]:
    batch: list[Document] = []
    size = 0
    for doc in documents:
        batch.append(doc)
        size += len(doc.text)
        if len(batch) >= BATCH_DOCS or size >= BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


_FIELDS = tuple(f.name for f in fields(Relation))


class _Progress:
    """The progress bar: whole documents (a long text read in parts counts once, when its first
    part is done) against the number expected when it is known, and the megabytes of text read."""

    def __init__(self, total: int | None) -> None:
        from tqdm import tqdm

        self.chars = 0
        self.bar = tqdm(total=total, unit="doc", file=sys.stderr, leave=False, dynamic_ncols=True)

    def update(self, doc: Document) -> None:
        self.chars += len(doc.text)
        self.bar.set_postfix_str(f"{self.bar.format_sizeof(self.chars)} characters", refresh=False)
        self.bar.update(0 if getattr(doc, "offset", 0) else 1)

    def close(self) -> None:
        self.bar.refresh()  # the final count, even when the run was quicker than the bar's refresh interval
        self.bar.close()


def extract_documents(documents: Iterable[Document], *, gazetteer_files: Iterable[str] = (), jobs: int = 1,
                      progress: bool = False, expected: int | None = None,
                      encode: Callable[[Document, list[Relation]], Any] | None = None) -> Iterator[tuple[Document, Any]]:
    """Yield ``(document, relations)`` for each document, in input order.

    ``jobs`` > 1 runs extraction in that many worker processes; ``jobs`` = 0 uses one per core.
    ``progress`` shows a bar on stderr, out of ``expected`` documents when that is known.
    ``encode(document, relations)``, a picklable callable, turns each document's relations into
    what is yielded in their place (e.g. :class:`kg.serialize.RowEncoder`: the text of their
    rows), in the worker that found them: the main process then only writes what it gets.
    """
    extra = tuple(str(p) for p in gazetteer_files)
    gazetteer = load_gazetteer(extra)  # fail early on a bad gazetteer, in this process
    if jobs == 0:
        jobs = os.cpu_count() or 1
    bar = _Progress(expected) if progress else None
    try:
        if jobs <= 1:
            for doc, found in extract_many(documents, gazetteer):  # parses several documents at once
                yield doc, found if encode is None else encode(doc, found)
                if bar is not None:
                    bar.update(doc)
            return
        import multiprocessing

        global _WORKER_GAZETTEER
        if sys.platform.startswith("linux"):
            # forked workers inherit the loaded gazetteer and its compiled name index
            ctx = multiprocessing.get_context("fork")
            _WORKER_GAZETTEER = gazetteer
            index_for(gazetteer)
            init, initargs = _worker_signals, ()
        else:
            ctx = multiprocessing.get_context("spawn")
            init, initargs = _init_worker, (extra,)
        sent: deque[list[Document]] = deque()
        window = threading.Semaphore(BATCHES_AHEAD * jobs)
        stopped = False

        def feed():  # runs in the pool's task thread: waits while enough batches are in flight
            for batch in _batches(documents):
                window.acquire()
                if stopped:
                    return
                sent.append(batch)
                yield batch

        with ctx.Pool(jobs, initializer=init, initargs=initargs) as pool:
            try:
                for results in pool.imap(partial(_work, encode or _as_tuples), feed()):
                    window.release()
                    for doc, rows in zip(sent.popleft(), results):
                        yield doc, [Relation(*row) for row in rows] if encode is None else rows
                        if bar is not None:
                            bar.update(doc)
            finally:
                stopped = True
                window.release(BATCHES_AHEAD * jobs + 1)  # let a waiting feeder see the stop
    finally:
        if bar is not None:
            bar.close()
