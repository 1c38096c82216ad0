"""Issue 15, part A: the attacks on what kg writes (outputs, stores, locks) and on how a run ends
(signals, a full disk). Each test is a reproduction from the issue; every command runs for real,
in a child process where a signal, a device or a FIFO is involved."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.attack

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
KG = [sys.executable, "-m", "kg.cli"]


def kg(*args) -> subprocess.CompletedProcess:
    """Run kg in this process (as the console script does: through the group's ``main``)."""
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, [str(a) for a in args])
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def kg_process(*args, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, timeout=timeout)


def one_line_error(result, code=1) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def no_lock_files(directory: Path) -> None:
    left = [p.name for p in directory.rglob("*") if p.name.endswith(".lock")]
    assert left == [], left


@pytest.fixture
def docs(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    for name in ("aukus.txt", "iran-drones.txt"):
        (d / name).write_bytes((EXAMPLES / name).read_bytes())
    return d


def _big_ntriples(path: Path, n: int, tag: str) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(f'<http://example.org/{tag}/s{i}> <http://example.org/p{i % 7}> "value {i} of {tag}" .\n')


def _count(store: Path) -> int:
    import pyoxigraph as ox

    db = ox.Store.read_only(str(store))
    try:
        return len(db)
    finally:
        del db


def long_text(path: Path, paragraphs: int) -> None:
    sentence = ("North Korea has supplied Russia with artillery shells, officials said. "
                "China and Russia signed a trade agreement in Beijing. ")
    path.write_text("".join(f"{sentence * 4}\n\n" for _ in range(paragraphs)), encoding="utf-8")


# ---------------------------------------------------------------------------- D1: inputs in directories

def test_d1_an_input_found_in_a_directory_is_never_the_output(docs):
    out = docs / "articles.jsonl"
    assert kg("extract", docs / "aukus.txt", "-o", out, "-q").returncode == 0
    before = out.read_bytes()
    line = one_line_error(kg("extract", docs, "-o", out, "-q"), code=2)
    assert "is also an input" in line and "articles.jsonl" in line
    assert out.read_bytes() == before


def test_d1_an_input_reached_through_a_link_is_never_the_output(docs, tmp_path):
    out = tmp_path / "relations.jsonl"
    assert kg("extract", docs / "aukus.txt", "-o", out, "-q").returncode == 0
    before = out.read_bytes()
    (docs / "linked.jsonl").symlink_to(out)
    one_line_error(kg("extract", docs, "-o", out, "-q"), code=2)
    assert out.read_bytes() == before


# ---------------------------------------------------------------------------- -o NAME/

@pytest.mark.parametrize("command", ["extract", "build", "export"])
def test_an_output_ending_in_a_slash_is_refused_without_touching_the_file(docs, tmp_path, command):
    graph = tmp_path / "g.ttl"
    assert kg("build", docs, "-o", graph, "-q").returncode == 0
    target = {"extract": tmp_path / "r.jsonl", "build": graph, "export": tmp_path / "g.graphml"}[command]
    if command != "build":
        target.write_text("keep me\n")
    before = target.read_bytes()
    source = graph if command == "export" else docs
    line = one_line_error(kg(command, source, "-o", f"{target}/", "-q"))
    assert "ending in /" in line
    assert target.read_bytes() == before and target.is_file()


# ---------------------------------------------------------------------------- D4: devices and FIFOs

def test_d4_a_device_output_stays_a_device(docs, tmp_path):
    """``-o /dev/null`` as root: written in place, not replaced by a regular file. The test makes
    its own null devices (root) rather than risk the system's; without root, /dev/null itself."""
    outputs = {"extract": Path("/dev/null")}
    if os.geteuid() == 0:
        outputs = {"extract": tmp_path / "null", "build": tmp_path / "null.nt"}
        for node in outputs.values():
            os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    for command, null in outputs.items():
        result = kg(command, docs / "aukus.txt", "-o", null, "-q")
        assert result.returncode == 0, result.stderr
        assert stat.S_ISCHR(os.stat(null).st_mode)
    if os.geteuid() == 0:
        assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "null", "null.nt"]


def test_d4_a_fifo_output_is_written_in_place(docs, tmp_path):
    fifo = tmp_path / "relations.tsv"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = kg("extract", docs / "aukus.txt", "-o", fifo, "-q")
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received and received[0].startswith(b"doc\tsubject\tpredicate")  # TSV, from the suffix
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "relations.tsv"]


def test_extract_output_format_comes_from_the_suffix(docs, tmp_path):
    assert kg("extract", docs / "aukus.txt", "-o", tmp_path / "r.tsv", "-q").returncode == 0
    assert (tmp_path / "r.tsv").read_text().startswith("doc\tsubject\tpredicate\tobject")
    assert kg("extract", docs / "aukus.txt", "-o", tmp_path / "r.jsonl", "-q").returncode == 0
    assert (tmp_path / "r.jsonl").read_text().startswith('{"doc": ')
    line = one_line_error(kg("extract", docs / "aukus.txt", "-o", tmp_path / "x.tsv", "--format", "jsonl"), code=2)
    assert "does not match the suffix" in line and not (tmp_path / "x.tsv").exists()


# ---------------------------------------------------------------------------- D3, D6/D22: locks

def test_d3_a_link_to_the_output_takes_the_same_lock(docs, tmp_path):
    from kg.fileio import output_lock

    real = tmp_path / "graph.ttl"
    assert kg("build", docs / "aukus.txt", "-o", real, "-q").returncode == 0
    link = tmp_path / "latest.ttl"
    link.symlink_to(real)
    before = real.read_bytes()
    with output_lock(real):  # a first append through the real name, still writing
        line = one_line_error(kg("build", docs / "iran-drones.txt", "-o", link, "-q", "--append"))
    assert "another kg process is writing it" in line
    assert real.read_bytes() == before and link.is_symlink()
    assert kg("build", docs / "iran-drones.txt", "-o", link, "-q", "--append").returncode == 0
    assert link.is_symlink() and len(real.read_bytes()) > len(before)
    no_lock_files(tmp_path)


@pytest.mark.slow
def test_d3_two_appends_at_once_through_a_link_lose_nothing(tmp_path):
    """Two real appends at once, one through a link: each either lands whole or fails with its
    line; what exits 0 is in the graph."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Chile and Peru signed a trade agreement in Lima.\n")
    b.write_text("North Korea has supplied Russia with artillery shells.\n")
    real = tmp_path / "graph.nt"
    _big_ntriples(real, 150_000, "old")  # merging and writing it takes long enough for the two to meet
    link = tmp_path / "link.nt"
    link.symlink_to(real)
    procs = [subprocess.Popen([*KG, "build", str(src), "-o", str(out), "-q", "--append"], stderr=subprocess.PIPE,
                              text=True) for src, out in ((a, real), (b, link))]
    codes = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for p in procs:
        p.stderr.close()
    text = real.read_text()
    for (code, err), who in zip(codes, ("PER", "PRK")):
        assert code in (0, 1) and "Traceback" not in err
        if code == 0:
            assert f"actor/{who}>" in text
        else:
            assert "another kg process is writing it" in err
    assert link.is_symlink()


@pytest.mark.parametrize("victim_exists", [True, False])
@pytest.mark.parametrize("planted", [".graph.ttl.lock", ".st.lock", "st/.kg.lock"])
def test_d6_d22_a_link_planted_at_a_lock_file_is_not_followed(docs, tmp_path, planted, victim_exists):
    victim = tmp_path / "victim.txt"
    if victim_exists:
        victim.write_text("precious\n")
    graph = ROOT / "graphs" / "examples.ttl"
    store = tmp_path / "st"
    if planted.startswith("st/"):
        assert kg("load", graph, "--store", store, "-q").returncode == 0
    (tmp_path / planted).unlink(missing_ok=True)  # (a lock file an older kg left behind)
    (tmp_path / planted).symlink_to(victim)
    if planted == ".graph.ttl.lock":
        assert kg("build", docs / "aukus.txt", "-o", tmp_path / "graph.ttl", "-q").returncode == 1  # refused
        result = kg("build", docs / "aukus.txt", "-o", tmp_path / "graph.ttl", "-q", "--append")
    else:
        result = kg("load", graph, "--store", store, "-q", "--replace")
    if result.returncode:
        assert "symbolic link" in one_line_error(result)
    if victim_exists:
        assert victim.read_text() == "precious\n"
    else:
        assert not victim.exists()
    (tmp_path / planted).unlink(missing_ok=True)  # (a store replaced took its old directory's files along)
    rerun = kg("build", docs / "aukus.txt", "-o", tmp_path / "graph.ttl", "-q") if planted == ".graph.ttl.lock" \
        else kg("load", graph, "--store", store, "-q")
    assert rerun.returncode == 0, rerun.stderr


def test_no_lock_file_is_left_behind(docs, tmp_path):
    graph = tmp_path / "g.ttl"
    assert kg("build", docs, "-o", graph, "-q").returncode == 0
    assert kg("build", docs / "aukus.txt", "-o", graph, "-q", "--append").returncode == 0
    assert kg("extract", docs, "-o", tmp_path / "r.jsonl", "-q").returncode == 0
    assert kg("export", graph, "-o", tmp_path / "g.graphml", "-q").returncode == 0
    assert kg("load", graph, "--store", tmp_path / "st", "-q").returncode == 0
    assert kg("query", tmp_path / "st", "ASK { ?s ?p ?o }").returncode == 0
    assert kg("build", docs, "-o", tmp_path / "g.nt", "--store", tmp_path / "st", "-q").returncode == 0
    no_lock_files(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "g.graphml", "g.nt", "g.ttl", "r.jsonl", "st"]


# ---------------------------------------------------------------------------- D13: FIFO in an input directory

@pytest.mark.slow
def test_d13_a_fifo_in_an_input_directory_is_skipped_with_a_warning(docs, tmp_path):
    os.mkfifo(docs / "stuck.txt")
    try:  # (a child process: a reader that opens the FIFO waits for a writer that never comes)
        result = kg_process("build", docs, "-o", tmp_path / "g.nt")
    except subprocess.TimeoutExpired:
        pytest.fail("kg build hangs on a FIFO in its input directory")
    assert result.returncode == 0, result.stderr
    assert "stuck.txt: not a regular file (a FIFO); skipped" in result.stderr
    assert "2 documents" in result.stderr


# ---------------------------------------------------------------------------- D21: a full disk on stdout

@pytest.mark.parametrize("args", [["extract", "{d}/aukus.txt"], ["query", "{g}", "SELECT * {{ ?s ?p ?o }}"],
                                  ["analyze", "{g}"], ["validate", "{g}"], ["kg", "--help"]])
def test_d21_stdout_on_a_full_disk_is_one_line(docs, args):
    graph = EXAMPLES.parent / "graphs" / "examples.ttl"
    args = [a.format(d=docs, g=graph) for a in args if a != "kg"]
    with open("/dev/full", "w") as full:
        result = subprocess.run([*KG, *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    line = one_line_error(result)
    assert line.startswith("Error: cannot write standard output") and "No space left" in line


# ---------------------------------------------------------------------------- signals

def _children_of_run(marker: str) -> list[int]:
    """Processes still running whose command line names ``marker`` (forked workers keep it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def _sigint_as_at_a_terminal() -> None:
    """In a child before it runs: Ctrl-C delivered as a terminal delivers it, even when the test runner itself
    was started with SIGINT ignored (as a background job of a non-interactive shell is)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _signal_when(args, predicate, signum, *, group=True, timeout=120):
    proc = subprocess.Popen([*KG, *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=_sigint_as_at_a_terminal)
    deadline = time.monotonic() + timeout
    while proc.poll() is None and not predicate() and time.monotonic() < deadline:
        time.sleep(0.005)
    sent = proc.poll() is None
    if sent:
        (os.killpg if group else os.kill)(proc.pid, signum)
    err = proc.communicate(timeout=60)[1]
    return sent, proc.returncode, err


@pytest.mark.slow
def test_ctrl_c_on_a_build_with_two_jobs_exits_130_with_one_line_and_nothing_left(tmp_path):
    source = tmp_path / "long.txt"
    long_text(source, 20_000)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "graph.ttl").write_text("previous\n")
    started = time.monotonic()
    sent, code, err = _signal_when(["build", source, "-o", out_dir / "graph.ttl", "--jobs", "2"],
                                   lambda: len(_children_of_run(str(source))) >= 3 and time.monotonic() - started > 2,
                                   signal.SIGINT)
    assert sent, "the build ended before it could be interrupted"
    assert code == 130 and "Traceback" not in err and "Aborted" not in err
    assert [line for line in err.splitlines() if line.strip() and "\r" not in line][-1] == "kg: interrupted"
    time.sleep(0.5)
    assert _children_of_run(str(source)) == []
    assert sorted(p.name for p in out_dir.iterdir()) == ["graph.ttl"]
    assert (out_dir / "graph.ttl").read_text() == "previous\n"


@pytest.mark.slow
def test_d18_sigterm_during_the_final_write_leaves_no_temporary_file(tmp_path):
    source = tmp_path / "small.txt"
    source.write_text("North Korea has supplied Russia with artillery shells.\n")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    graph = out_dir / "graph.nt"
    _big_ntriples(graph, 200_000, "old")  # an append onto it ends with a long write
    before = graph.read_bytes()
    writing = lambda: any(p.name.endswith(".tmp") for p in out_dir.iterdir())  # noqa: E731
    sent, code, err = _signal_when(["build", source, "-o", graph, "-q", "--jobs", "2", "--append"], writing,
                                   signal.SIGTERM, group=False)
    assert sent
    assert code == 143 and "Traceback" not in err and err.strip() == "kg: terminated"
    time.sleep(0.5)
    assert _children_of_run(str(source)) == []
    assert sorted(p.name for p in out_dir.iterdir()) == ["graph.nt"]
    assert graph.read_bytes() == before


# ---------------------------------------------------------------------------- D2: atomic store replacement

@pytest.mark.slow
@pytest.mark.parametrize("command", ["load", "build"])
def test_d2_a_store_killed_at_ten_random_moments_holds_the_old_graph_or_the_new(tmp_path, command):
    """SIGKILL at ten random moments of the store's replacement (from when the run begins to touch
    the store to its end): the store holds the old graph or the new one, never less."""
    store = tmp_path / "st"
    old = tmp_path / "old.nt"
    _big_ntriples(old, 5_000, "old")
    if command == "load":
        new = tmp_path / "new.nt"
        _big_ntriples(new, 120_000, "new")
        args = ["load", new, "--store", store, "--replace", "-q"]
    else:
        new = tmp_path / "news.txt"
        new.write_text("North Korea has supplied Russia with artillery shells.\n")
        args = ["build", new, "-o", tmp_path / "g.nt", "--store", store, "-q"]

    def state() -> list:
        try:
            return [(p.name, p.stat().st_mtime_ns) for p in sorted(store.iterdir())]
        except OSError:  # (changing under our eyes)
            return [None]

    def run(kill_after: float | None) -> float:
        """Run the command and kill it ``kill_after`` seconds after it begins to touch the store
        (a new store beside it, or any change inside it); how long that phase ran."""
        before = state()
        proc = subprocess.Popen([*KG, *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None and state() == before and not any(p.name.startswith(".st.")
                                                                    for p in tmp_path.iterdir()):
            time.sleep(0.001)
        t0 = time.monotonic()
        if kill_after is None:
            assert proc.wait(timeout=300) == 0
        else:
            while proc.poll() is None and time.monotonic() - t0 < kill_after:
                time.sleep(0.001)
            proc.kill()
            proc.wait(timeout=30)
        return time.monotonic() - t0

    assert kg("load", old, "--store", store, "-q").returncode == 0
    phase = run(None)
    new_count = _count(store)
    assert kg("load", old, "--store", store, "--replace", "-q").returncode == 0
    old_count = _count(store)
    assert old_count == 5_000 != new_count
    rng = random.Random(15)
    for moment in sorted(rng.uniform(0, phase) for _ in range(10)):
        run(moment)
        count = _count(store)
        assert count in (old_count, new_count), (moment, count)
        if count == new_count:  # the old graph back for the next kill
            assert kg("load", old, "--store", store, "--replace", "-q").returncode == 0
    run(None)  # the next writer clears what the killed ones left
    assert _count(store) == new_count
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.slow
def test_d2_ctrl_c_during_a_load_exits_130_and_changes_nothing(tmp_path):
    store = tmp_path / "st"
    old = tmp_path / "old.nt"
    _big_ntriples(old, 1000, "old")
    assert kg("load", old, "--store", store, "-q").returncode == 0
    new = tmp_path / "new.nt"
    _big_ntriples(new, 400_000, "new")
    started = time.monotonic()
    sent, code, err = _signal_when(["load", new, "--store", store, "--replace"],
                                   lambda: time.monotonic() - started > 1.0, signal.SIGINT)
    assert sent
    assert "Aborted" not in err and "Traceback" not in err
    if code == 130:
        assert err.strip() == "kg: interrupted" and _count(store) == 1000
    else:  # the signal came while the new store was being put in place: the load finished
        assert code == 0 and "loaded 1 file" in err and _count(store) == 400_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.nt", "old.nt", "st"]


def test_replacing_a_store_open_in_a_server_is_refused(tmp_path):
    store = tmp_path / "st"
    graph = EXAMPLES.parent / "graphs" / "examples.ttl"
    assert kg("load", graph, "--store", store, "-q").returncode == 0
    server = subprocess.Popen([sys.executable, "-c", "import pyoxigraph, sys; s = pyoxigraph.Store(sys.argv[1]); "
                               "print('open', flush=True); sys.stdin.read()", str(store)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:  # another program holds RocksDB's lock, as `oxigraph serve` does
        assert server.stdout.readline().strip() == "open"
        line = one_line_error(kg("load", graph, "--store", store, "--replace", "-q"))
        assert "open in another program" in line
    finally:
        server.communicate("", timeout=30)
    assert kg("load", graph, "--store", store, "--replace", "-q").returncode == 0


# ---------------------------------------------------------------------------- D17: append without rdflib

@pytest.mark.slow
def test_d17_append_streams_the_old_graph_in_bounded_memory(tmp_path):
    import tracemalloc

    from kg.append import merge_existing
    from kg.rdf import LineGraph, write_graph

    big = tmp_path / "big.nt"
    _big_ntriples(big, 60_000, "old")
    graph = LineGraph(spill_lines=2_000, spill_dir=tmp_path)
    tracemalloc.start()
    try:
        merge_existing(graph, big, [])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000  # rdflib holds such a graph in about 100 MB
    write_graph(graph, tmp_path / "again.nt")
    assert (tmp_path / "again.nt").read_bytes() == b"".join(sorted(big.read_bytes().splitlines(keepends=True)))


@pytest.mark.parametrize("suffix", [".nt", ".ttl", ".nq", ".trig"])
def test_d17_an_append_gives_the_bytes_of_one_build(docs, tmp_path, suffix):
    one, two = docs / "aukus.txt", docs / "iran-drones.txt"
    appended, whole = tmp_path / f"a{suffix}", tmp_path / f"w{suffix}"
    assert kg("build", one, "-o", appended, "-q").returncode == 0
    assert kg("build", two, "-o", appended, "-q", "--append").returncode == 0
    assert kg("build", one, two, "-o", whole, "-q").returncode == 0
    assert appended.read_bytes() == whole.read_bytes()


def test_d17_streamed_lines_are_the_lines_rdflib_writes(tmp_path):
    """The old graph's triples come back as exactly the lines a build writes, whatever the
    literal holds, so an append never duplicates a triple."""
    from hypothesis import given, settings, strategies as st
    from rdflib import XSD, Literal, URIRef
    from rdflib.plugins.serializers.nt import _nt_row

    from kg.append import ntriples_lines

    texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
    literals = st.one_of(
        texts.map(Literal),
        st.tuples(texts, st.sampled_from(["en", "fr", "en-gb"])).map(lambda t: Literal(t[0], lang=t[1])),
        st.integers().map(Literal), st.booleans().map(Literal),
        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(Literal),
        st.tuples(texts, st.sampled_from([XSD.gYear, XSD.anyURI, URIRef("http://e/type")])).map(
            lambda t: Literal(t[0], datatype=t[1])),
    )
    path = tmp_path / "g.nt"

    @settings(max_examples=150, deadline=None)
    @given(st.lists(literals, min_size=1, max_size=5))
    def check(objects):
        lines = sorted({_nt_row((URIRef(f"http://e/s{i}"), URIRef("http://e/p"), o)) for i, o in enumerate(objects)})
        path.write_text("".join(lines), encoding="utf-8")
        assert sorted(ntriples_lines(path)) == lines

    check()


def test_the_progress_bar_counts_whole_documents_out_of_those_expected(capsys):
    """A long text read in 1 MB parts is one document, not one per part; the total is known."""
    from kg.model import Document
    from kg.pipeline import extract_documents

    parts = [Document("long.txt", "Chile and Peru met. " * 50, offset=0),
             Document("long.txt", "Peru and Chile met. " * 50, offset=1000),
             Document("short.txt", "Spain backed Portugal.")]
    assert len(list(extract_documents(parts, progress=True, expected=2))) == 3
    shown = [line for line in capsys.readouterr().err.split("\r") if "doc" in line]
    assert shown and all("/2 [" in line for line in shown) and "characters" in shown[-1], shown
    assert not any(" 3/" in line for line in shown)


@pytest.mark.slow
def test_dev_stdout_is_written_in_place(docs, tmp_path):
    """``-o /dev/stdout`` names the open descriptor: the file the shell opened gets the output and
    stays the same file (it is not replaced behind the shell's back)."""
    target = tmp_path / "shell.tsv"
    with target.open("w") as out:
        inode = os.fstat(out.fileno()).st_ino
        result = subprocess.run([*KG, "extract", str(docs / "aukus.txt"), "-o", "/dev/stdout", "--format", "tsv",
                                 "-q"], stdout=out, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert target.stat().st_ino == inode and target.read_text().startswith("doc\tsubject\tpredicate")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "shell.tsv"]
