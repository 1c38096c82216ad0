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
from typing import Iterable, Iterator

from .extract import _index_for, extract
from .gazetteer import Gazetteer, load_gazetteer
from .model import Document, Relation

_WORKER_GAZETTEER: Gazetteer | None = None


def _init_worker(extra: tuple[str, ...]) -> None:
    global _WORKER_GAZETTEER
    _WORKER_GAZETTEER = load_gazetteer(extra)


def _work(batch: list[Document]) -> list[list[tuple]]:
    """Extract a batch in a worker; relations travel back as plain tuples (cheaper to pickle)."""
    assert _WORKER_GAZETTEER is not None
    return [[tuple(getattr(r, f) for f in _FIELDS) for r in extract(doc, _WORKER_GAZETTEER)] for doc in batch]


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


def extract_documents(documents: Iterable[Document], *, gazetteer_files: Iterable[str] = (), jobs: int = 1,
                      progress: bool = False) -> Iterator[tuple[Document, list[Relation]]]:
    """Yield ``(document, relations)`` for each document, in input order.

    ``jobs`` > 1 runs extraction in that many worker processes; ``jobs`` = 0 uses one per core.
    """
    extra = tuple(str(p) for p in gazetteer_files)
    gazetteer = load_gazetteer(extra)  # fail early on a bad gazetteer, in this process
    if jobs == 0:
        jobs = os.cpu_count() or 1
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr, leave=False)
    try:
        if jobs <= 1:
            for doc in documents:
                yield doc, extract(doc, gazetteer)
                if bar is not None:
                    bar.update(1)
            return
        import multiprocessing

        global _WORKER_GAZETTEER
        if sys.platform.startswith("linux"):
            # forked workers inherit the loaded gazetteer and its compiled name index
            ctx = multiprocessing.get_context("fork")
            _WORKER_GAZETTEER = gazetteer
            _index_for(gazetteer)
            init, initargs = None, ()
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
                for results in pool.imap(_work, feed()):
                    window.release()
                    for doc, rows in zip(sent.popleft(), results):
                        yield doc, [Relation(*row) for row in rows]
                        if bar is not None:
                            bar.update(1)
            finally:
                stopped = True
                window.release(BATCHES_AHEAD * jobs + 1)  # let a waiting feeder see the stop
    finally:
        if bar is not None:
            bar.close()
