"""``kg build --scheduler``: extraction on a Dask cluster, for corpora one machine cannot parse in time.

The inputs are cut into partitions (:func:`partitions`): one a file, and ranges of lines of
large JSON-lines files (byte blocks moved to the next line start, their first line numbers found
by a first, cheap pass of newline counts on the workers), so that no worker and not the client
reads a file whole unless it is one partition. The partitions form a ``dask.bag``; each is
extracted on a worker, which loads the gazetteer and the parser once per process (a worker
plugin, :class:`KgWorkerPlugin`, and a module-level cache), and comes back as one text of the
sorted N-Triples lines of its claims, documents and actors. The client writes each such run to a
temporary file as it comes (so its memory does not grow with the corpus) and merges the runs into
one output, byte for byte the graph ``kg build --jobs 1`` writes for the same inputs whatever the
partitioning, or writes one N-Quads file a partition (``shards``) for a store's bulk loader.

A task that fails is retried once by Dask, and a worker that dies has its tasks run again
elsewhere; a partition that still fails stops the build with its input's name, before anything is
written. Outputs are written to a temporary file (or directory) and renamed at the end.

Dask, distributed and fsspec are the optional extras ``kgstates[dask]`` / ``kgstates[cloud]``:
they are imported inside the functions that need them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Callable, Iterable, Iterator, Sequence

from .errors import InputError, KgError
from .model import Document, Relation
from .rdf.lines import LineGraph

#: a JSON-lines file is cut into partitions of about this many bytes (each from a line start)
PARTITION_BYTES = 32 << 20
EXTRA_HINT = "pip install 'kgstates[dask]'"

try:  # the plugin class must be importable by name on the workers, which have distributed
    from distributed.diagnostics.plugin import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - without the extra, nothing here runs
    _PluginBase = object


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise KgError(f"kg build --scheduler needs Dask: {EXTRA_HINT}") from None


# ---------------------------------------------------------------------------- partitions

@dataclass(frozen=True)
class Partition:
    """Part of the inputs that one task extracts: a whole file, or the lines of a JSON-lines file
    that begin in the bytes ``[start, end)`` (``end`` None: a whole file)."""

    index: int
    name: str  # the file as messages and document ids name it
    source: object  # a pathlib.Path or a kg.readers fsspec file (picklable)
    start: int = 0
    end: int | None = None
    lines_before: int = 0  # newlines in the file before ``start`` (set by the counting pass)

    def documents(self, on_warning: Callable[[str], None], strict: bool = False) -> Iterator[Document]:
        """The partition's documents; an unreadable input raises InputError naming it."""
        from .readers import read_file, read_jsonl_range

        def fail(exc: InputError) -> None:
            raise exc

        if self.end is None:
            yield from read_file(self.source, self.name, on_error=fail, on_warning=on_warning, strict=strict)
            return
        start, first = _line_start(self.source, self.start, self.lines_before)
        if start < self.end:
            yield from read_jsonl_range(self.source, start, self.end, first, name=self.name,
                                        on_error=fail, on_warning=on_warning)


def _line_start(source, at: int, lines_before: int) -> tuple[int, int]:
    """The first line that begins at or after byte ``at``: its byte and its line number."""
    if at == 0:
        return 0, 1
    with source.open("rb") as fh:
        fh.seek(at - 1)
        if fh.read(1) == b"\n":
            return at, lines_before + 1
        rest = fh.readline()
    return at + len(rest), lines_before + 2 if rest.endswith(b"\n") else lines_before + 1


def _count_newlines(source, start: int, end: int) -> int:
    """Newlines in the bytes ``[start, end)`` of a file (the counting pass, on a worker)."""
    n = 0
    with source.open("rb") as fh:
        fh.seek(start)
        left = end - start
        while left > 0:
            block = fh.read(min(left, 1 << 20))
            if not block:
                break
            n += block.count(b"\n")
            left -= len(block)
    return n


def _size(source) -> int:
    if isinstance(source, Path):
        return source.stat().st_size
    return int(source.fs.size(source.path))


def input_files(inputs: Iterable[str]) -> list[tuple[str, object]]:
    """``(name, source)`` of every file the INPUTS name, in the order a build reads them: local
    files and directories as :func:`kg.readers.read_documents` expands them, fsspec URLs as
    :func:`kg.readers.url_files` does. InputError for an input that is not there or has nothing to read."""
    from .readers import files_in, is_url, url_files

    files: list[tuple[str, object]] = []
    for arg in inputs:
        if arg == "-":
            raise InputError("-: a distributed build reads files, not standard input")
        if is_url(arg):
            files.extend((str(remote), remote) for remote in url_files(arg))
            continue
        path = Path(arg)
        if path.is_dir():
            found = files_in(path)
            if not found:
                raise InputError(f"{arg}: directory has no documents to read")
            files.extend(((PurePath(arg) / f.relative_to(path)).as_posix(), f) for f in found)
        elif not path.exists():
            raise InputError(f"{arg}: no such file or directory")
        else:
            files.append((PurePath(arg).as_posix(), path))
    return files


def partitions(inputs: Iterable[str], *, partition_bytes: int = PARTITION_BYTES) -> list[Partition]:
    """The partitions of INPUTS, in input order: one a file, and blocks of about
    ``partition_bytes`` of each larger JSON-lines file (without their line counts: see
    :func:`_counted`)."""
    parts: list[Partition] = []
    for name, source in input_files(inputs):
        size = _size(source) if PurePath(name).suffix.lower() == ".jsonl" else 0
        if size <= partition_bytes:
            parts.append(Partition(len(parts), name, source))
            continue
        for start in range(0, size, partition_bytes):
            parts.append(Partition(len(parts), name, source, start, min(start + partition_bytes, size)))
    return parts


def _counted(client, parts: list[Partition]) -> list[Partition]:
    """The blocks of JSON-lines files with the newlines before each (counted on the workers)."""
    blocks = [p for p in parts if p.end is not None]
    if not blocks:
        return parts
    counts = client.gather(client.map(_count_newlines, [p.source for p in blocks], [p.start for p in blocks],
                                      [p.end for p in blocks], pure=False, retries=1))
    before: dict[int, int] = {}
    running: dict[str, int] = {}
    for p, n in zip(blocks, counts):
        before[p.index] = running.get(p.name, 0)
        running[p.name] = before[p.index] + n
    return [replace(p, lines_before=before[p.index]) if p.index in before else p for p in parts]


# ---------------------------------------------------------------------------- on the workers

#: per worker process: the gazetteer of each set of extra files (keyed by their content)
_STATE: dict[str, object] = {}


@dataclass(frozen=True)
class Setup:
    """What every worker needs to extract as the client would: the extra gazetteer files (their
    contents: a worker may not see the client's disk) and the spaCy model's name."""

    gazetteer: tuple[tuple[str, bytes], ...] = ()
    model: str | None = None
    strict: bool = False  # refuse inputs that look like RDF or JSON (kg build --strict)

    @classmethod
    def of(cls, gazetteer_files: Sequence[str | Path] | None = None, model: str | None = None,
           strict: bool = False) -> "Setup":
        files = tuple((PurePath(str(p)).name, Path(p).read_bytes()) for p in gazetteer_files or ())
        return cls(files, model or os.environ.get("KG_SPACY_MODEL"), strict)

    @property
    def key(self) -> str:
        digest = hashlib.sha256(repr((self.gazetteer, self.model)).encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    def gazetteer_object(self):
        """The gazetteer, loaded once per process for this setup."""
        found = _STATE.get(self.key)
        if found is None:
            import tempfile

            from .gazetteer import load_gazetteer

            if self.model:
                os.environ["KG_SPACY_MODEL"] = self.model
            with tempfile.TemporaryDirectory(prefix="kg-gazetteer-") as tmp:
                paths = []
                for i, (name, data) in enumerate(self.gazetteer):
                    path = Path(tmp, f"{i:03d}-{name}")
                    path.write_bytes(data)
                    paths.append(path)
                found = _STATE[self.key] = load_gazetteer(paths)
        return found


class KgWorkerPlugin(_PluginBase):
    """Loads the gazetteer and the parser when a worker starts (and when one is restarted), so
    that no task pays for them."""

    name = "kg-extraction"

    def __init__(self, setup: Setup) -> None:
        self.kg_setup = setup

    def setup(self, worker=None) -> None:
        from .extract.parse import load_parser

        self.kg_setup.gazetteer_object()
        load_parser()


@dataclass
class PartitionResult:
    """What a worker sends back for a partition: the sorted, distinct N-Triples lines of its
    claims, documents and actors as one UTF-8 text (``run``: one object to send and to write to a
    file, not a list of a hundred thousand strings to pickle, unpickle and sort again), the labels
    the text gave actors the gazetteer does not know (first seen first), its document ids, its
    counts and its warnings."""

    index: int
    run: bytes
    labels: list[tuple[str, str | None]] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    asserted: int = 0
    negated: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        """The lines of ``run``, each with its newline."""
        return self.run.decode("utf-8").splitlines(keepends=True)


def run_partition(part: Partition, setup: Setup) -> PartitionResult:
    """Extract one partition (on a worker): see :class:`PartitionResult`."""
    from .extract import extract_many
    from .serialize import ClaimEncoder, NTriplesLines, add_actor, add_document

    gazetteer = setup.gazetteer_object()
    encode = ClaimEncoder()
    sink = NTriplesLines()
    result = PartitionResult(part.index, b"")
    labels: dict[str, str | None] = {}
    previous = None
    for doc, found in extract_many(part.documents(result.warnings.append, setup.strict), gazetteer):
        record = encode(doc, found)
        sink.lines.extend(record.lines)
        for actor, label in record.actors:
            labels.setdefault(actor, label)
        result.asserted += record.asserted
        result.negated += record.negated
        if not (previous == doc.id and doc.offset):  # parts of a long text: one document
            add_document(sink, replace(doc, text=""))
            result.documents.append(doc.id)
        previous = doc.id
    for actor, label in labels.items():
        if actor in gazetteer.actors:
            add_actor(sink, actor, gazetteer, label)
        else:  # the label depends on the order of the whole corpus: the client decides
            result.labels.append((actor, label))
    result.run = "".join(sorted(set(sink.lines))).encode("utf-8")
    return result


def _extract_documents(documents: Iterable[Document], setup: Setup) -> list[Relation]:
    gazetteer = setup.gazetteer_object()
    from .extract import extract_many

    return [r for _, found in extract_many(documents, gazetteer) for r in found]


def extract_bag(bag, gazetteer: Sequence[str | Path] | None = None):
    """A ``dask.bag`` of :class:`~kg.model.Document` -> the bag of their :class:`~kg.model.Relation`
    records (in document order within each partition), extracted on the workers, each of which
    loads the gazetteer (the bundled one, extended by the Turtle files ``gazetteer``) and the
    parser once.

    Examples
    --------
    >>> import dask.bag as db
    >>> from kg.model import Document
    >>> docs = db.from_sequence([Document("d1", "Chile praised Peru.")], npartitions=1)
    >>> [(r.subject, r.predicate, r.object) for r in extract_bag(docs).compute(scheduler="sync")]
    [('CHL', 'supports', 'PER')]
    """
    setup = Setup.of(gazetteer)
    return bag.map_partitions(_extract_documents, setup)


# ---------------------------------------------------------------------------- the client

@dataclass
class BuildReport:
    """What a distributed build did."""

    partitions: int
    documents: int
    asserted: int
    negated: int
    output: str
    document_ids: list[str] = field(default_factory=list)  # with ``append``: the documents read again


#: Dask settings of the LocalCluster that ``local:N`` starts. Dask's defaults suit a long-lived
#: shared cluster; for one build of parsing tasks they cost about a fifth more CPU than the parsing
#: itself (measured on the same partitions, see the README): glibc trimming freed memory at 64 KiB
#: with a fixed mmap threshold (MALLOC_TRIM_THRESHOLD_: spaCy's arrays mapped and unmapped by
#: every batch, in system time), the workers' sampling profiler (every 10 ms it walks the parsing
#: thread's stack), and the 20 ms event-loop tick, 100 ms memory monitors and 0.5 s system
#: monitors of the scheduler, nannies and workers, which take CPU from the parsers.
LOCAL_CLUSTER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def _cluster(scheduler: str):
    """A distributed Client for ``scheduler`` (an address, or ``local:N`` for a LocalCluster of N
    worker processes on this machine) and the cluster to close after, if kg started one."""
    import logging

    from distributed import Client, LocalCluster

    if scheduler.startswith("local:"):
        try:
            n = int(scheduler[len("local:"):])
        except ValueError:
            n = 0
        if n < 1:
            raise KgError(f"--scheduler {scheduler}: local:N takes a number of workers, 1 or more")
        import dask

        with _ctrl_c_deferred() as interrupted, dask.config.set(LOCAL_CLUSTER_CONFIG):
            # (a cluster half started could not be closed; the servers read the settings when made)
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL)
            client = Client(cluster)
        if interrupted:
            client.close()
            cluster.close()
            raise KeyboardInterrupt
        return client, cluster
    try:
        return Client(scheduler, timeout="20s"), None
    except (OSError, TimeoutError) as exc:
        raise KgError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({' '.join(str(exc).split())[:160]})"
                      ) from None


@contextlib.contextmanager
def _ctrl_c_deferred() -> Iterator[list]:
    """Ctrl-C while the block runs is remembered (the list yielded is not empty) and acted on
    after it; in the main thread only (signals are delivered there)."""
    import signal
    import threading

    caught: list = []
    if threading.current_thread() is not threading.main_thread():
        yield caught
        return
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield caught
    finally:
        signal.signal(signal.SIGINT, previous)


class _QuietLogs:
    """While kg runs its own LocalCluster: Ctrl-C reaches the worker processes too (one process
    group), and the scheduler's and asyncio's complaints about the closed connections are not the
    user's business; kg says "interrupted" in one line."""

    NAMES = ("distributed", "asyncio", "tornado")

    def __init__(self) -> None:
        import logging

        self.levels = {name: logging.getLogger(name).level for name in self.NAMES}
        for name in self.NAMES:
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)

    def restore(self) -> None:
        import logging

        for name, level in self.levels.items():
            logging.getLogger(name).setLevel(level)


def _failure(part: Partition, exc: BaseException) -> KgError:
    """The one-line error of a partition that failed on its second try, naming its input."""
    if isinstance(exc, KgError):  # kg's own errors (an unreadable input) already name the file
        return exc if str(exc).startswith(part.name) else KgError(f"{part.name}: {exc}")
    reason = " ".join(str(exc).split())[:200] or type(exc).__name__
    return KgError(f"{part.name}: partition {part.index} failed twice ({type(exc).__name__}: {reason})")


def run_partitions(client, parts: list[Partition], setup: Setup, *, progress: bool = False
                   ) -> Iterator[PartitionResult]:
    """Run the partitions on the cluster as a ``dask.bag`` of partitions (one task each, retried
    once) and yield their results as they finish; the first partition that fails stops the run
    (its tasks cancelled) with a KgError naming its input."""
    import dask.bag as db
    from distributed import as_completed

    plugin = KgWorkerPlugin(setup)
    client.register_plugin(plugin)
    parts = _counted(client, parts)
    bag = db.from_sequence(parts, npartitions=len(parts)).map(run_partition, setup)
    futures = client.compute(bag.to_delayed(), retries=1)
    by_key = {f.key: p for f, p in zip(futures, parts)}
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(parts), unit="partition", file=sys.stderr, leave=False, dynamic_ncols=True)
    try:
        for future in as_completed(futures):
            part = by_key[future.key]
            if future.status != "finished":
                try:
                    future.result()
                except BaseException as exc:  # noqa: BLE001 - a worker's exception comes back as it was
                    if isinstance(exc, KeyboardInterrupt):
                        raise
                    raise _failure(part, exc) from None
            (result,) = future.result()
            future.release()
            if bar is not None:
                bar.update(1)
            yield result
    finally:
        client.cancel(futures)
        if bar is not None:
            bar.close()


def build_distributed(inputs: Sequence[str], *, output: str | None = None, shards: str | None = None,
                      scheduler: str | None = None, client=None, gazetteer: Sequence[str | Path] | None = None,
                      append: bool = False, partition_bytes: int = PARTITION_BYTES, progress: bool = False,
                      strict: bool = False, warn: Callable[[str], None] | None = None) -> BuildReport:
    """Build the graph of ``inputs`` (paths, directories, fsspec URLs) on a Dask cluster.

    Give ``client`` (a connected ``distributed.Client``) or ``scheduler`` (an address, or
    ``local:N``). The graph goes to ``output`` (``.ttl``, ``.nt`` or ``.nq``; merged into the
    graph there with ``append``, as ``kg build --append`` does) and/or, one N-Quads file a
    partition, to the directory ``shards``. Nothing is written unless every partition succeeds.
    """
    from .fileio import output_lock
    from .gazetteer import load_gazetteer
    from .rdf import doc_iri, format_for_path, write_graph
    from .serialize import add_actor

    _require_dask()
    if output is None and shards is None:
        raise KgError("a distributed build needs an output file or a shard directory")
    if output is not None and not format_for_path(output).streamed:
        raise KgError(f"{output}: a distributed build writes .ttl, .nt or .nq")
    gaz = load_gazetteer(gazetteer or ())  # a bad gazetteer fails here, before any cluster
    setup = Setup.of(gazetteer, strict=strict)
    parts = partitions(inputs, partition_bytes=partition_bytes)
    own_client, owned = client is None, None
    quiet = _QuietLogs() if client is None and (scheduler or "local:1").startswith("local:") else None
    if client is None:
        client, owned = _cluster(scheduler or "local:1")
    spill_dir = Path(output).resolve().parent if output else None
    graph = _SortedRuns(spill_dir) if output else None
    shard_dir = _ShardDir(shards) if shards else None
    labels: dict[int, list[tuple[str, str | None]]] = {}
    documents: list[str] = []
    n_docs = asserted = negated = 0
    try:
        for result in run_partitions(client, parts, setup, progress=progress):
            for message in result.warnings:
                if warn is not None:
                    warn(message)
            if graph is not None:
                graph.add_run(result.run)
            if shard_dir is not None:
                shard_dir.write(result, gaz)
            labels[result.index] = result.labels
            n_docs += len(result.documents)
            if append:  # the rebuilt documents replace what the old graph says of them
                documents.extend(result.documents)
            asserted += result.asserted
            negated += result.negated
    except BaseException:
        if graph is not None:
            graph.close()
        if shard_dir is not None:
            shard_dir.discard()
        raise
    finally:
        if own_client:
            client.close()
        if owned is not None:
            owned.close()
        if quiet is not None:
            quiet.restore()
    first: dict[str, str | None] = {}
    for index in sorted(labels):  # input order: the label a single-process build gives
        for actor, label in labels[index]:
            first.setdefault(actor, label)
    if graph is not None:
        for actor, label in first.items():
            add_actor(graph, actor, gaz, label)
        try:
            with output_lock(output):
                if append and Path(output).exists():
                    from .append import merge_existing

                    merge_existing(graph, output, (doc_iri(d) for d in dict.fromkeys(documents)))
                write_graph(graph, output)
        finally:
            graph.close()
    if shard_dir is not None:
        shard_dir.commit()
    return BuildReport(len(parts), n_docs, asserted, negated, output or shards, documents)


class _SortedRuns(LineGraph):
    """The client's graph: the workers' sorted runs, each written to a temporary file as it comes
    (beside the output: unnamed, deleted when closed) and merged when the graph is written, with
    the few lines the client adds itself (actors' labels, an appended graph) kept and spilled as a
    :class:`~kg.rdf.LineGraph` keeps them. When ``fan_in`` runs of one level are there, they are
    merged into one run of the next, so the open files stay few however many partitions there are."""

    def __init__(self, spill_dir: Path | None, fan_in: int = 32) -> None:
        super().__init__(spill_lines=100_000, spill_dir=spill_dir)
        self.fan_in = fan_in
        self.levels: list[list] = []  # the run files of each level

    def _file(self):
        import tempfile

        return tempfile.TemporaryFile("w+", encoding="utf-8", newline="", dir=self.spill_dir)

    def add_run(self, run: bytes) -> None:
        """Add a run: distinct N-Triples lines in sorted order, UTF-8."""
        if run:
            fh = self._file()
            fh.write(run.decode("utf-8"))
            self._add(0, fh)

    def _add(self, level: int, fh) -> None:
        if level == len(self.levels):
            self.levels.append([])
        runs = self.levels[level]
        runs.append(fh)
        if len(runs) == self.fan_in:
            merged = self._file()
            merged.writelines(_merged(runs))
            for run in runs:
                run.close()
            self.levels[level] = []
            self._add(level + 1, merged)

    def sorted_lines(self) -> Iterator[str]:
        return _merged([run for runs in self.levels for run in runs], super().sorted_lines())

    def __len__(self) -> int:
        return sum(1 for _ in self.sorted_lines())

    def close(self) -> None:
        super().close()
        for runs in self.levels:
            for run in runs:
                run.close()
        self.levels = []


def _merged(runs: list, *more: Iterable[str]) -> Iterator[str]:
    """Every distinct line of sorted runs (files, read from their start, and iterables) once, in order."""
    import heapq

    for run in runs:
        run.seek(0)
    previous = None
    for line in heapq.merge(*runs, *more):
        if line != previous:
            yield line
            previous = line


class _ShardDir:
    """``--shards DIR``: one N-Quads file a partition (``part-00000.nq``...), written into a new
    directory beside DIR that takes DIR's place when every partition is done."""

    def __init__(self, directory: str) -> None:
        import tempfile

        self.target = Path(directory)
        if self.target.exists() and not self.target.is_dir():
            raise KgError(f"{directory}: not a directory (the shards go into a directory)")
        if self.target.is_dir() and any(not p.name.startswith("part-") for p in self.target.iterdir()):
            raise KgError(f"{directory}: holds other files than shards; give an empty or new directory")
        parent = self.target.resolve().parent
        parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=parent))

    def write(self, result: PartitionResult, gazetteer) -> None:
        from .rdf import DEFAULT_GRAPH_NAME
        from .serialize import NTriplesLines, add_actor

        extra = NTriplesLines()
        for actor, label in result.labels:
            add_actor(extra, actor, gazetteer, label)
        lines = sorted(set(result.lines) | set(extra.lines))
        with open(self.tmp / f"part-{result.index:05d}.nq", "w", encoding="utf-8", newline="") as fh:
            fh.writelines(line[:-3] + f" <{DEFAULT_GRAPH_NAME}> .\n" for line in lines)

    def discard(self) -> None:
        import shutil

        shutil.rmtree(self.tmp, ignore_errors=True)

    def commit(self) -> None:
        import shutil

        old = None
        if self.target.exists():
            old = self.target.with_name(self.tmp.name[:-4] + ".old")
            os.replace(self.target, old)
        os.replace(self.tmp, self.target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


__all__ = ["BuildReport", "KgWorkerPlugin", "Partition", "PartitionResult", "Setup", "build_distributed",
           "extract_bag", "input_files", "partitions", "run_partition", "run_partitions"]
