"""Long texts are read in parts: the parts add up to the whole, and memory does not grow with the input.

The part and chunk sizes are module settings of kg.readers; the in-process tests make them small
so that a few kilobytes of text give many parts and chunk boundaries in awkward places (inside a
multi-byte character, between a CR and its LF, inside an invalid byte sequence).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from rdflib import Graph

from kg import readers
from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.model import Document
from kg.readers import read_documents
from kg.text import split_sentences
from kg.vocab import KG

# Paragraphs written for this test: each names its states, so no sentence depends on an earlier part.
PARAGRAPHS = [
    "Chile agreed to sell copper to Japan under a ten-year contract.\nMarkets in Santiago were calm.",
    "Norway condemned the missile test by North Korea.\nThe statement was read out in Oslo on Monday.",
    "The committee reviewed the harbour budget. Farmers expected rain on Friday.",
    "Kenya and Ethiopia signed an agreement on water sharing, ministers said.",
    "Turkey supplied drones to Azerbaijan during the war, according to officials.",
    "Café owners in Montréal – naïve or not – welcomed the new rules. 東京 stayed quiet.",
    "Brazil did not send troops to Venezuela, a spokesman insisted.",
]


def write_long_text(path, repeats: int, newline: str = "\n", header: bool = True) -> str:
    body = "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] + f" Item {i}." for i in range(repeats)) + "\n"
    head = "Title: A long digest\nDate: 2024-05-02\n\n" if header else ""
    path.write_bytes((head + body).replace("\n", newline).encode("utf-8"))
    return body


@pytest.fixture
def small_parts(monkeypatch):
    monkeypatch.setattr(readers, "READ_BYTES", 61)  # an odd size: chunks end inside characters
    monkeypatch.setattr(readers, "PART_CHARS", 500)


def read_all(path):
    warnings = []
    docs = list(read_documents([str(path)], on_warning=warnings.append))
    return docs, warnings


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_parts_add_up_to_the_whole_text(tmp_path, small_parts, newline):
    path = tmp_path / "digest.txt"
    body = write_long_text(path, 400, newline)
    parts, warnings = read_all(path)
    assert warnings == []
    assert len(parts) > 10
    assert {(p.id, p.title, p.date) for p in parts} == {(path.as_posix(), "A long digest", "2024-05-02")}
    assert "".join(p.text for p in parts) == body
    offset = sentences = 0
    for part in parts:
        assert (part.offset, part.first_sentence) == (offset, sentences)
        assert part.text.endswith("\n\n") or part is parts[-1]  # cut at paragraph ends
        offset += len(part.text)
        sentences += len(split_sentences(part.text))
    assert sentences == len(split_sentences(body))


def test_relations_of_parts_are_those_of_the_whole_document(tmp_path, small_parts):
    path = tmp_path / "digest.txt"
    body = write_long_text(path, 200)
    gazetteer = load_gazetteer()
    parts, _ = read_all(path)
    assert len(parts) > 5
    streamed = [r for part in parts for r in extract(part, gazetteer)]
    whole = extract(Document(id=path.as_posix(), text=body, date="2024-05-02"), gazetteer)
    assert len(whole) >= 30
    assert streamed == whole
    for rel in streamed:
        assert body[rel.start:rel.end] == rel.sentence


def test_stdin_is_read_in_parts_too(monkeypatch, small_parts):
    import io

    body = "\n\n".join(PARAGRAPHS * 30) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("Date: 2024-01-02\n\n" + body).encode())))
    parts = list(read_documents(["-"]))
    assert len(parts) > 5
    assert {(p.id, p.date) for p in parts} == {("stdin", "2024-01-02")}
    assert "".join(p.text for p in parts) == body


def test_invalid_utf8_across_chunks_is_reported_at_its_byte(tmp_path, small_parts):
    good = ("Perú and Chile met in Lima. " * 30).encode()  # UTF-8 with one broken sequence, not Latin-1
    path = tmp_path / "bad.txt"
    path.write_bytes(good + b"\xc3(" + good)
    parts, warnings = read_all(path)
    assert warnings == [f"{path}: invalid UTF-8 at byte {len(good)}; decoded with replacement characters"]
    assert "".join(p.text for p in parts) == good.decode() + "\ufffd(" + good.decode()


def test_a_character_split_between_chunks_is_not_damaged(tmp_path, small_parts):
    text = "Ça va. " + "ü" * 1000 + " ∑ 東京.\n"
    path = tmp_path / "wide.txt"
    path.write_bytes(text.encode())
    parts, warnings = read_all(path)
    assert warnings == []
    assert "".join(p.text for p in parts) == text


def test_text_without_blank_lines_is_cut_at_line_ends_then_spaces(tmp_path, small_parts):
    path = tmp_path / "flat.txt"
    lines = "\n".join(f"Line {i} names Mexico and Canada." for i in range(200))
    path.write_text(lines + " " + "word " * 1000, encoding="utf-8")
    parts, _ = read_all(path)
    assert len(parts) > 3
    assert "".join(p.text for p in parts) == lines + " " + "word " * 1000
    longest = readers.PART_CHARS * readers._PART_MAX + max(readers.READ_BYTES, readers.PROBE)  # + one read
    assert all(len(p.text) <= longest for p in parts)
    assert all(p.text.endswith(("\n", " ")) for p in parts[:-1])


def test_a_blank_start_and_an_empty_file(tmp_path, small_parts):
    path = tmp_path / "late.txt"
    path.write_text("\n" * 3000 + "Ghana praised Togo.\n", encoding="utf-8")
    (doc,), _ = read_all(path)
    assert doc.text.strip() == "Ghana praised Togo." and doc.offset > 0
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n\n  \n" * 400)
    errors = []
    assert list(read_documents([str(empty)], on_error=errors.append)) == []
    assert [str(e) for e in errors] == [f"{empty}: empty document"]


def test_a_binary_file_is_refused_before_anything_is_read(tmp_path, small_parts):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"Spain and France " * 100 + b"\x00\x01" + b"x" * 10_000)
    errors = []
    assert list(read_documents([str(path)], on_error=errors.append)) == []
    assert [str(e) for e in errors] == [f"{path}: binary file, not text"]


def test_build_counts_a_long_text_once_and_keeps_file_offsets(tmp_path, small_parts):
    from click.testing import CliRunner

    from kg.cli import cli

    path = tmp_path / "digest.txt"
    body = write_long_text(path, 200)
    out = tmp_path / "g.nt"
    result = CliRunner().invoke(cli, ["build", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("kg: 1 documents,")
    graph = Graph().parse(out)
    assert len(set(graph.subjects(predicate=None, object=KG.Document))) == 1
    starts = {int(s) for s in graph.objects(None, KG.startOffset)}
    assert max(starts) > 2 * readers.PART_CHARS
    for claim in graph.subjects(KG.startOffset, None):
        start = int(graph.value(claim, KG.startOffset))
        end = int(graph.value(claim, KG.endOffset))
        assert body[start:end] == str(graph.value(claim, KG.evidence))


# --------------------------------------------------------------------------- memory, in child processes

# The child's own peak: VmHWM of its address space. (ru_maxrss would not do: Linux carries the
# parent's high-water mark over fork and exec, and the parent here is a large pytest process.)
OWN_PEAK = """
def own_peak_mb():
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024
"""
PEAK = OWN_PEAK + textwrap.dedent("""
    import json, sys
    from kg.cli import cli
    code = 0
    try:
        cli.main(sys.argv[1:], prog_name="kg", standalone_mode=False)
    except SystemExit as exc:
        code = exc.code or 0
    print(json.dumps({"code": code, "peak_mb": own_peak_mb()}))
""")


def peak_of(*args: str) -> dict:
    """Run ``kg ARGS`` in a child process; its exit code and its own peak resident memory (MB)."""
    done = subprocess.run([sys.executable, "-c", PEAK, *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# a long list-like sentence without states: cheap to read and to extract from, so MBs fit in a test
LEDGER = "The ledger listed " + ", ".join(f"crate {n} of pears" for n in range(60)) + "."


def filler(path, megabytes: float, paragraph: str = PARAGRAPHS[2]) -> None:
    """Prose without states (extraction skips it quickly) between two paragraphs with relations."""
    block = "\n\n".join([paragraph] * 40) + "\n\n"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(PARAGRAPHS[0] + "\n\n")
        written = 0
        while written < megabytes * 1_000_000:
            fh.write(block)
            written += len(block)
        fh.write(PARAGRAPHS[4] + "\n")


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux /proc")
@pytest.mark.parametrize("suffix", [".nt", ".ttl"])
def test_build_memory_does_not_grow_with_the_input(tmp_path, suffix):
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    filler(small, 2, LEDGER)  # the ledger is cheap to extract from: the bytes, not the parsing, cost memory
    filler(large, 8, LEDGER)
    runs = {name: peak_of("build", str(path), "-o", str(tmp_path / f"{name}{suffix}"), "-q")
            for name, path in (("small", small), ("large", large))}
    assert {r["code"] for r in runs.values()} == {0}
    # whole-file reading would hold the bytes and the text of the large file at once (16 MB more)
    assert runs["large"]["peak_mb"] - runs["small"]["peak_mb"] < 8, runs
    assert runs["large"]["peak_mb"] < 500
    last = Graph().parse(tmp_path / f"large{suffix}")
    assert (None, KG.supplies, None) in last  # the last paragraph, far past the first part, was read


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux /proc")
def test_a_long_file_is_read_in_bounded_memory(tmp_path):
    # two sizes, not one huge file: the reader's peak must not grow with the file (a slope of zero),
    # where holding the file would add its bytes and its text (2 x 16 MB more for the large one)
    script = OWN_PEAK + textwrap.dedent("""
        import sys
        from kg.readers import read_documents
        chars = sum(len(d.text) for d in read_documents([sys.argv[1]]))
        print(chars, own_peak_mb())
    """)
    runs = {}
    for megabytes in (4, 20):
        path = tmp_path / f"long-{megabytes}.txt"
        filler(path, megabytes, LEDGER)
        done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True)
        chars, peak = done.stdout.split()
        assert int(chars) > megabytes * 1_000_000
        runs[megabytes] = float(peak)
        path.unlink()
    assert runs[20] - runs[4] < 8, runs  # 16 MB more input, less than half of that in memory
    assert runs[20] < 100, runs  # the reader holds a few parts of the file at a time


@pytest.mark.parametrize("head", [b"%PDF-1.7\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"\x1f\x8b\x08"])
def test_binary_formats_without_nul_bytes_are_refused(tmp_path, head):
    path = tmp_path / "file.txt"
    path.write_bytes(head + bytes(range(128, 256)) * 4)
    errors = []
    assert list(read_documents([str(path)], on_error=errors.append)) == []
    assert [str(e) for e in errors] == [f"{path}: binary file, not text"]


def test_control_bytes_mean_binary_but_legacy_encodings_are_text(tmp_path):
    import random

    noise = tmp_path / "noise.txt"
    rng = random.Random(5)
    noise.write_bytes(bytes(rng.randrange(1, 256) for _ in range(20_000)))
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Le Sénégal et la Côte d'Ivoire ont signé un accord à Dakar.\x0c\n".encode("latin-1") * 50)
    errors, warnings = [], []
    docs = list(read_documents([str(noise), str(latin)], on_error=errors.append, on_warning=warnings.append))
    assert [str(e) for e in errors] == [f"{noise}: binary file, not text"]
    assert {d.id for d in docs} == {latin.as_posix()}  # one document (each form feed begins an article)
    assert warnings == [f"{latin}: invalid UTF-8 at byte 4; read as cp1252 (the encoding detected)"]
    assert docs[0].text.startswith("Le Sénégal et la Côte d'Ivoire")


def test_control_characters_become_breaks_or_spaces_without_moving_offsets(tmp_path):
    path = tmp_path / "paged.txt"
    path.write_bytes(b"Chile met Peru.\x0cBolivia\x07 praised Chile.\x0bEnd\x1b.\n")
    (first, second), _ = read_all(path)  # the form feed is an article break
    assert first.text + second.text == "Chile met Peru.\nBolivia  praised Chile.\nEnd .\n"
    assert (second.offset, second.first_sentence) == (len(first.text), 1)
    assert [s.text for s in split_sentences(second.text)] == ["Bolivia  praised Chile.", "End ."]


def test_worker_processes_read_only_a_few_batches_ahead():
    import time

    from kg import pipeline

    pulled = 0

    def documents():
        nonlocal pulled
        for n in range(50_000):
            pulled += 1
            yield Document(id=f"d{n}", text="Chile met Peru. Ghana praised Togo.")

    results = pipeline.extract_documents(documents(), jobs=2)
    first = [next(results) for _ in range(10)]
    assert [doc.id for doc, _ in first] == [f"d{n}" for n in range(10)]
    seen, waited = -1, 0.0
    while seen != pulled and waited < 3:  # let the feeder run as far as it will
        seen = pulled
        time.sleep(0.3)
        waited += 0.3
    results.close()  # stopping early neither hangs nor leaves workers behind
    bound = (pipeline.BATCHES_AHEAD * 2 + 2) * pipeline.BATCH_DOCS
    assert pulled <= bound < 50_000


def test_a_spilled_line_graph_writes_the_bytes_of_one_held_in_memory(tmp_path):
    from kg.rdf import LineGraph, build_graph, write_graph

    gazetteer = load_gazetteer()
    text = write_long_text(tmp_path / "digest.txt", 40)
    relations = extract(Document(id="digest", text=text), gazetteer)
    spilled = build_graph(relations, [], gazetteer, graph=LineGraph(spill_lines=50, spill_dir=tmp_path))
    held = build_graph(relations, [], gazetteer, graph=LineGraph())
    assert len(spilled._runs) >= 3 and len(spilled) == len(held)
    for suffix in (".nt", ".nq"):
        write_graph(spilled, tmp_path / f"spilled{suffix}")
        write_graph(held, tmp_path / f"held{suffix}")
        assert (tmp_path / f"spilled{suffix}").read_bytes() == (tmp_path / f"held{suffix}").read_bytes()
    spilled.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["digest.txt", "held.nq", "held.nt", "spilled.nq", "spilled.nt"])  # no run file left behind


# --------------------------------------------------------------------------- article breaks

# written for this test: the second article's "The country" would be Russia if coreference crossed
TWO_ARTICLES = "Russia held talks on Monday.\n\n{}\nThe country sent drones to Iran. Chile praised Peru.\n"


@pytest.mark.parametrize("brk", ["---\n", "  -----  \n", "\f"])
def test_an_article_break_stops_coreference_and_keeps_file_offsets(tmp_path, brk):
    gazetteer = load_gazetteer()
    joined, split = tmp_path / "joined.txt", tmp_path / "split.txt"
    joined.write_text(TWO_ARTICLES.format(""), encoding="utf-8")
    split.write_text("Title: Two\n\n" + TWO_ARTICLES.format(brk), encoding="utf-8")
    together = [r.key() for d in read_documents([str(joined)]) for r in extract(d, gazetteer)]
    assert ("RUS", "supplies", "IRN") in together
    docs = list(read_documents([str(split)]))
    assert [d.id for d in docs] == [str(split)] * 2 and docs[1].offset > 0  # one document, two articles
    assert all(d.title == "Two" for d in docs)
    apart = [r for d in docs for r in extract(d, gazetteer)]
    assert [r.key() for r in apart] == [("CHL", "supports", "PER")] or ("RUS", "supplies", "IRN") not in \
        [r.key() for r in apart]
    body = split.read_text(encoding="utf-8").split("\n\n", 1)[1]
    for r in apart:  # offsets are in the whole text (after its header), as for any part
        assert body[r.start:r.end] == r.sentence


def test_front_matter_dashes_are_not_an_article_break(tmp_path):
    path = tmp_path / "front.txt"
    path.write_text("---\ntitle: Front\n---\n\nRussia held talks on Monday. It sent drones to Iran.\n")
    docs = list(read_documents([str(path)]))
    assert len(docs) == 1 and docs[0].title == "Front"


# --------------------------------------------------------------------------- a lean main process

def test_rows_and_claims_written_in_workers_are_those_of_the_records(tmp_path):
    """What the workers send back (issue 16) is exactly what the main process used to write."""
    import io

    from kg.rdf import LineGraph, build_graph
    from kg.serialize import ClaimEncoder, GraphLines, RowEncoder, relation_rows

    gazetteer = load_gazetteer()
    docs = [Document(id=f"d{i}", text=PARAGRAPHS[i] + " " + PARAGRAPHS[i + 1], title=f"T{i}") for i in range(6)]
    found = [(d, extract(d, gazetteer)) for d in docs]
    rels = [r for _, rs in found for r in rs]
    assert any(r.negated for r in rels)
    for fmt in ("jsonl", "tsv"):
        for negated in (False, True):
            expected = io.StringIO()
            relation_rows((r for r in rels if negated or not r.negated), fmt, expected)
            encode = RowEncoder(fmt, negated)
            from kg.serialize import HEADERS

            assert HEADERS[fmt]() + "".join(encode(d, rs)[0] for d, rs in found) == expected.getvalue()
    lines = GraphLines(LineGraph())
    for d, rs in found:
        lines.add(ClaimEncoder()(d, rs))
    assert (lines.asserted, lines.negated) == (sum(not r.negated for r in rels), sum(r.negated for r in rels))
    built = build_graph(rels, docs, gazetteer, graph=LineGraph())
    assert list(lines.finish(docs, gazetteer).sorted_lines()) == list(built.sorted_lines())


def test_two_jobs_write_what_one_writes(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    source = tmp_path / "digest.txt"
    write_long_text(source, 30)
    outputs = {}
    for jobs in ("1", "2"):
        for out in (f"r{jobs}.jsonl", f"r{jobs}.tsv", f"g{jobs}.nt", f"g{jobs}.trig"):
            command = "extract" if out[0] == "r" else "build"
            result = CliRunner().invoke(cli, [command, str(source), "-o", str(tmp_path / out), "-q", "--jobs", jobs])
            assert result.exit_code == 0, result.output
            outputs[out[1:].replace(jobs, "", 1)] = outputs.get(out[1:].replace(jobs, "", 1), []) + [
                (tmp_path / out).read_bytes()]
    assert all(one == two and one for one, two in outputs.values())


# --------------------------------------------------------------------------- killed mid-run

def kill_at(args, cwd, moment: float | None, watch) -> None:
    """Run ``kg ARGS``; SIGKILL it after ``moment`` seconds, or (None) as soon as a temporary file
    of the output appears in ``watch`` (the write has begun)."""
    import signal
    import time

    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", *args], cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        start = time.perf_counter()
        while proc.poll() is None:
            if moment is not None and time.perf_counter() - start >= moment:
                break
            if moment is None and any(p.name.endswith(".tmp") for p in watch.iterdir()):
                break
            time.sleep(0.0005)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["build", "export"])
def test_a_run_killed_at_any_moment_leaves_the_old_file_or_the_new_one(tmp_path, command):
    import time

    source = tmp_path / "digest.txt"
    write_long_text(source, 1500)
    out = tmp_path / "out"
    out.mkdir()
    if command == "build":
        target = out / "graph.ttl"
        args = ["build", str(source), "-o", str(target), "-q"]
    else:
        graph = tmp_path / "graph.nt"
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(source), "-o", str(graph), "-q"], check=True)
        target = out / "graph.graphml"
        args = ["export", str(graph), "-o", str(target), "-q"]
    target.write_text("the previous version\n")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg.cli", *args], check=True)
    duration = time.perf_counter() - t0
    new = target.read_bytes()
    for moment in [None] + [duration * k / 6 for k in range(1, 6)]:
        target.write_text("the previous version\n")
        kill_at(args, tmp_path, moment, out)
        assert target.read_bytes() in (b"the previous version\n", new), moment
        leftovers = [p for p in out.iterdir() if p.name.endswith(".tmp")]
        if moment is None:  # killed while writing: the old file is still there, whole
            assert leftovers and target.read_bytes() == b"the previous version\n"
        for p in leftovers:
            p.unlink()
