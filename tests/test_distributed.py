"""``kg build --scheduler`` (issue 12) on a real distributed.LocalCluster of two worker processes
on 127.0.0.1: the bytes of ``--jobs 1`` whatever the partitioning, a killed worker survived, a bad
input named with the old output left whole; fsspec URLs; shards that ``kg load`` takes."""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

distributed = pytest.importorskip("distributed")
fsspec = pytest.importorskip("fsspec")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

pytestmark = pytest.mark.slow


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def local2():
    """The cluster ``--scheduler local:2`` starts, and its client."""
    from kg.distributed import _cluster

    client, cluster = _cluster("local:2")
    yield client, cluster
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def cluster(local2):
    return local2[1]


@pytest.fixture(scope="module")
def client(local2):
    return local2[0]


def test_the_local_cluster_is_set_for_parsing(client):
    """Dask's defaults that cost the parsing workers CPU are off in the cluster of local:N."""
    import dask

    settings = client.run(lambda: (os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS"),
                                   dask.config.get("distributed.worker.profile.enabled"),
                                   dask.config.get("distributed.admin.tick.interval")))
    assert list(settings.values()) == [(None, "1", False, "1s")] * 2


def test_sorted_runs_merge_into_the_distinct_lines_in_order(tmp_path):
    """The client's merge of the workers' runs, with runs of runs (fan_in 3) and lines of its own."""
    import random

    from kg.distributed import _SortedRuns

    rng = random.Random(12)
    pool = [f"<https://e/{i:04d}> <https://e/p> \"é{i}\" .\n" for i in range(2000)]
    runs = [sorted(set(rng.sample(pool, rng.randrange(0, 300)))) for _ in range(20)]
    graph = _SortedRuns(tmp_path, fan_in=3)
    for run in runs:
        graph.add_run("".join(run).encode("utf-8"))
    graph.add_lines([pool[5], pool[1999]])
    expected = sorted(set().union(*runs, [pool[5], pool[1999]]))
    assert sum(len(level) for level in graph.levels) < 8
    assert list(graph.sorted_lines()) == expected == list(graph.sorted_lines())
    graph.close()
    assert list(tmp_path.iterdir()) == []


def single_process(tmp_path, *inputs, suffix=".nt") -> bytes:
    out = tmp_path / f"one{suffix}"
    result = run("build", *inputs, "-o", out, "-q", "--jobs", "1")
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_a_directory_gives_the_bytes_of_one_process(tmp_path, cluster):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus, ignore=shutil.ignore_patterns("*.tsv", "*.rq"))
    out = tmp_path / "cluster.ttl"  # Turtle here, N-Triples in the other tests
    result = run("build", corpus, "-o", out, "-q", "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == single_process(tmp_path, corpus, suffix=".ttl")


def test_a_jsonl_file_cut_into_line_ranges_gives_the_same_bytes(tmp_path, client):
    from kg.distributed import build_distributed, partitions

    source = tmp_path / "articles.jsonl"
    # the bundled articles, with blank lines and a line without an id (named by its line number)
    lines = (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    source.write_text("\n".join(lines[:2] + ["", '{"text": "Chile praised Peru. Ghana condemned Togo."}'] + lines[2:])
                      + "\n", encoding="utf-8")
    size = source.stat().st_size
    parts = partitions([str(source)], partition_bytes=size // 4)
    assert len(parts) >= 4 and all(p.end is not None for p in parts)
    for partition_bytes in (size // 4, 300, size):  # blocks that cut lines anywhere, and one block
        out = tmp_path / f"cluster-{partition_bytes}.nt"
        report = build_distributed([str(source)], output=str(out), client=client, partition_bytes=partition_bytes)
        assert out.read_bytes() == single_process(tmp_path, source), partition_bytes
        assert report.documents == len(lines) + 1
    assert b"articles.jsonl:4\"" in out.read_bytes()  # the line without an id, by its number


def memory_files() -> dict[str, bytes]:
    files = {f"/kg-corpus/2024/{name}": (EXAMPLES / name).read_bytes()
             for name in ("aukus.txt", "iran-drones.txt", "articles.jsonl")}
    files["/kg-corpus/.hidden/skip.txt"] = b"Chile praised Peru."
    return files


def test_a_memory_url_corpus_gives_the_bytes_of_one_process(tmp_path, client):
    from kg.distributed import build_distributed

    fs = fsspec.filesystem("memory")
    fs.pipe(memory_files())
    client.run(fs.pipe, memory_files())  # a memory:// filesystem is one process's own: each worker gets it
    expected = single_process(tmp_path, "memory://kg-corpus")
    assert b"memory://kg-corpus/2024/aukus.txt" in expected and b"skip" not in expected
    out = tmp_path / "cluster.nt"
    build_distributed(["memory://kg-corpus"], output=str(out), client=client, partition_bytes=2000)
    assert out.read_bytes() == expected


def test_shards_hold_the_graph_and_kg_load_takes_their_directory(tmp_path, cluster):
    out, shards, store = tmp_path / "g.nt", tmp_path / "shards", tmp_path / "store"
    result = run("build", EXAMPLES, "-o", out, "--shards", shards, "-q", "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    files = sorted(shards.iterdir())
    assert len(files) > 3 and all(f.name.startswith("part-") and f.suffix == ".nq" for f in files)
    union = {line.rsplit(" <", 1)[0] + " .\n" for f in files for line in f.read_text(encoding="utf-8").splitlines()}
    assert sorted(union) == out.read_text(encoding="utf-8").splitlines(keepends=True)
    assert run("load", shards, "--store", store, "-q").exit_code == 0
    answer = run("query", store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert answer.output.split() == ["n", str(len(union))]


def test_a_bad_file_fails_with_its_name_and_leaves_the_old_output(tmp_path, cluster):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(EXAMPLES / "aukus.txt", corpus)
    (corpus / "scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    out, shards = tmp_path / "g.nt", tmp_path / "shards"
    out.write_text("the previous graph\n")
    shards.mkdir()
    (shards / "part-00000.nq").write_text("the previous shard\n")
    result = run("build", corpus, "-o", out, "--shards", shards, "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.endswith(f"{corpus / 'scan.txt'}: binary file, not text") and "Traceback" not in result.output
    assert out.read_text() == "the previous graph\n"
    assert [p.name for p in shards.iterdir()] == ["part-00000.nq"]
    assert (shards / "part-00000.nq").read_text() == "the previous shard\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # nothing half-written left


def test_a_killed_worker_is_survived(tmp_path, cluster, client):
    from kg.distributed import build_distributed

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = sorted(EXAMPLES.glob("*.txt"))
    for i in range(2):
        for t in texts:
            shutil.copy(t, corpus / f"{i}-{t.name}")
    expected = single_process(tmp_path, corpus)
    out = tmp_path / "cluster.nt"
    errors: list[BaseException] = []

    def build():
        try:
            build_distributed([str(corpus)], output=str(out), client=client)
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)

    thread = threading.Thread(target=build)
    thread.start()
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and time.monotonic() < deadline and thread.is_alive():
        busy = [w for w, tasks in client.processing().items() if tasks]
        if busy:
            pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed = busy[0]
        time.sleep(0.05)
    thread.join(timeout=240)
    assert killed is not None, "no task was seen running"
    assert not errors, errors
    assert out.read_bytes() == expected
    client.wait_for_workers(2, timeout=60)


def test_cloud_urls_without_their_package_name_the_extra_in_one_line(tmp_path):
    result = run("build", "s3://kg-bucket/news/2024/*.jsonl", "-o", tmp_path / "g.nt")
    assert result.exit_code == 1
    assert result.output == ("kg: error: s3://kg-bucket/news/2024/*.jsonl: reading s3:// needs s3fs: "
                             "pip install 'kgstates[cloud]'\n")
    secret = run("build", "ftp://kim:hunter2@127.0.0.1:1/news.txt", "-o", tmp_path / "g.nt")
    assert secret.exit_code == 1 and "hunter2" not in secret.output and "kim" not in secret.output
    assert secret.output.count("\n") == 1


def test_a_store_without_a_graph_file(tmp_path):
    store = tmp_path / "store"
    assert run("build", EXAMPLES / "aukus.txt", "--store", store, "-q").exit_code == 0
    answer = run("query", store, "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/kgstates/ontology#Claim> }",
                 "--format", "csv")
    assert int(answer.output.split()[1]) > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"] or all(
        not p.name.startswith(".kg-build") for p in tmp_path.iterdir())
    usage = run("build", EXAMPLES / "aukus.txt")
    assert usage.exit_code == 2 and "-o FILE" in usage.output


def _sigint_as_at_a_terminal() -> None:
    """In a child before it runs: Ctrl-C delivered as a terminal delivers it, even when the test runner itself
    was started with SIGINT ignored (as a background job of a non-interactive shell is)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _descendants(pid: int) -> list[int]:
    """The processes below ``pid`` (read from /proc)."""
    import os

    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    parents[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    out, todo = [], [pid]
    while todo:
        here = todo.pop()
        kids = [p for p, parent in parents.items() if parent == here]
        out += kids
        todo += kids
    return out


def test_ctrl_c_stops_the_cluster_and_leaves_the_old_output(tmp_path):
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(100):  # far more than a cluster extracts in the seconds before the interrupt
        for t in sorted(EXAMPLES.glob("*.txt")):
            shutil.copy(t, corpus / f"{i}-{t.name}")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "g.nt"
    out.write_text("the previous graph\n")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "--scheduler",
                             "local:2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_sigint_as_at_a_terminal)
    deadline = time.monotonic() + 90
    while len(_descendants(proc.pid)) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)  # wait for the cluster's worker processes ...
    time.sleep(3)  # ... and for them to be extracting
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == ["kg: interrupted"]
    assert out.read_text() == "the previous graph\n"
    assert [p.name for p in out_dir.iterdir()] == ["g.nt"]
