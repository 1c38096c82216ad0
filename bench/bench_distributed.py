"""``kg build --scheduler`` (issue 12): the speed of a Dask LocalCluster of two workers against
``--jobs 1`` and ``--jobs 2`` on the same corpus, in one run, and the peak memory of the client
process as the corpus grows (targets: local:2 at least 1.6x faster than --jobs 1 and within 1.15x
of --jobs 2; client peak at 100,000 sentences less than 1.5x that at 10,000).

Every build runs as its own ``kg build`` process on a generated JSON-lines corpus
(bench/corpus.py) and writes N-Triples; the three outputs must be the same bytes. For the memory
figures the cluster is started here and the client (``kg build --scheduler tcp://...``, a child
process) reports its own peak resident memory (VmHWM: the scheduler and the workers live in
other processes).

The corpus is cut into 32 partitions for local:2 (--partitions): 16 a worker, so that the last
one a worker runs is short and neither waits long for the other. Each build's CPU time (its own
and its workers') is printed beside its wall time: on a shared machine the wall times move with
the load, the CPU times much less.

    python bench/bench_distributed.py                         # 100,000 sentences; memory at 10k and 100k
    python bench/bench_distributed.py --skip-speed             # only the client's memory
    python bench/bench_distributed.py --sentences 20000 --skip-memory
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import generate  # noqa: E402

SENTENCES_A_DOC = 12
# the client's own peak: VmHWM of its address space (ru_maxrss would also count the memory of
# the bench process it was forked from, which Linux carries over fork and exec)
_CLIENT = """
import sys
from kg.cli import cli
try:
    cli.main(sys.argv[1:], prog_name="kg", standalone_mode=False)
finally:
    with open("/proc/self/status") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    print(kb / 1024, file=sys.stderr)
"""


def corpus(path: str, sentences: int) -> float:
    """Write a corpus of about ``sentences`` sentences (10% context); its size in MB."""
    docs = sentences // SENTENCES_A_DOC
    with open(path, "w", encoding="utf-8") as fh:
        for i, doc in enumerate(generate(1 << 40, doc_sentences=SENTENCES_A_DOC, background=0.1)):
            if i == docs:
                break
            fh.write(json.dumps(doc) + "\n")
    return os.path.getsize(path) / 1e6


def timed(args: list[str]) -> tuple[float, float]:
    """Run ``kg ARGS``: its wall time and the CPU time (user and system) of it and every process it
    started and waited for (the --jobs workers, the cluster's worker processes); the CPU time
    hardly depends on what else the machine runs, the wall time does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg.cli", *args], check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=int, default=100_000, help="sentences of the corpus timed three ways")
    ap.add_argument("--memory", default="10000,100000", help="two corpus sizes (sentences) for the client memory")
    ap.add_argument("--partitions", type=int, default=32, help="partitions of the corpus for local:2")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="kg-bench-distributed-")
    if not args.skip_speed:
        source = os.path.join(work, "corpus.jsonl")
        mb = corpus(source, args.sentences)
        part_mb = max(mb / args.partitions, 0.01)  # several a worker: one that finishes early takes another
        print(f"corpus: {args.sentences:,} sentences, {mb:.1f} MB of JSON lines; partitions of {part_mb:.2f} MB; "
              f"{load()}")
        runs = {
            "--jobs 1": ["--jobs", "1"],
            "--jobs 2": ["--jobs", "2"],
            "--scheduler local:2": ["--scheduler", "local:2", "--partition-mb", f"{part_mb:.3f}"],
        }
        seconds, cpu, outputs = {}, {}, {}
        for name, extra in runs.items():
            out = os.path.join(work, f"out-{len(seconds)}.nt")
            seconds[name], cpu[name] = timed(["build", source, "-o", out, "-q", *extra])
            with open(out, "rb") as fh:
                outputs[name] = hashlib.sha256(fh.read()).hexdigest()
            os.remove(out)
            print(f"kg build {name}: {seconds[name]:.1f} s, CPU {cpu[name]:.1f} s; {load()}")
        same = len(set(outputs.values())) == 1
        print(f"same bytes: {'yes' if same else 'NO'}")
        print(f"speed-up local:2 over --jobs 1: {seconds['--jobs 1'] / seconds['--scheduler local:2']:.2f}x "
              f"(target >= 1.6x)")
        print(f"local:2 / --jobs 2 (time): {seconds['--scheduler local:2'] / seconds['--jobs 2']:.2f} "
              f"(target <= 1.15); CPU: {cpu['--scheduler local:2'] / cpu['--jobs 2']:.2f}")
    if args.skip_memory:
        return
    small, large = (int(n) for n in args.memory.split(","))
    import logging

    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster:
        peaks = {}
        for n in (small, large):
            source = os.path.join(work, f"memory-{n}.jsonl")
            mb = corpus(source, n)
            out = os.path.join(work, f"memory-{n}.nt")
            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", _CLIENT, "build", source, "-o", out, "-q",
                                   "--scheduler", cluster.scheduler_address, "--partition-mb", "0.25"],
                                  check=True, capture_output=True, text=True)
            peaks[n] = float(done.stderr.strip().splitlines()[-1])
            print(f"client of a {n:,}-sentence build ({mb:.1f} MB): {time.perf_counter() - t0:.1f} s, "
                  f"peak {peaks[n]:.0f} MB")
        print(f"client peak {large:,} / {small:,} sentences: {peaks[large] / peaks[small]:.2f} (target < 1.5)")


if __name__ == "__main__":
    main()
