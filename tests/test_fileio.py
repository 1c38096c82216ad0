"""Atomic writes: the old file survives a failure or a kill, no temporary file is left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from kg.errors import KgError
from kg.fileio import OutputError, atomic_write, check_writable


def test_success_replaces_the_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with atomic_write(target) as fh:
        fh.write("new\n")
    assert target.read_bytes() == b"new\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_binary_mode(tmp_path):
    target = tmp_path / "graph.nt"
    with atomic_write(target, "wb") as fh:
        fh.write(b"<a> <b> <c> .\n")
    assert target.read_bytes() == b"<a> <b> <c> .\n"


def test_nothing_is_visible_before_the_block_ends(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with atomic_write(target) as fh:
        fh.write("new")
        fh.flush()
        assert target.read_text() == "old"
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] != []
    assert target.read_text() == "new"


def test_failure_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError, match="boom"):
        with atomic_write(target) as fh:
            fh.write("half of it")
            raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_failure_on_a_new_file_creates_nothing(tmp_path):
    with pytest.raises(ValueError):
        with atomic_write(tmp_path / "new.ttl", "wb") as fh:
            fh.write(b"partial")
            raise ValueError
    assert os.listdir(tmp_path) == []


def test_missing_directory_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(KgError) as info:
        with atomic_write("graphs/x.ttl"):
            pass
    assert str(info.value) == "cannot write graphs/x.ttl: directory graphs does not exist"
    assert isinstance(info.value, OutputError) and info.value.exit_code == 1
    assert os.listdir(tmp_path) == []


def test_a_directory_in_the_way(tmp_path):
    (tmp_path / "out.ttl").mkdir()
    with pytest.raises(OutputError, match="it is a directory"):
        check_writable(tmp_path / "out.ttl")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_directory(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="is not writable"):
            with atomic_write(ro / "x.ttl"):
                pass
    finally:
        ro.chmod(0o755)


def test_permissions_of_the_old_file_are_kept(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    with atomic_write(target) as fh:
        fh.write("new")
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_new_file_gets_the_mode_of_a_plain_open(tmp_path):
    old = os.umask(0o022)
    try:
        with atomic_write(tmp_path / "new.txt") as fh:
            fh.write("x")
    finally:
        os.umask(old)
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o644


def test_a_symbolic_link_is_written_through(tmp_path):
    real = tmp_path / "real.ttl"
    real.write_text("old")
    link = tmp_path / "latest.ttl"
    link.symlink_to(real.name)
    with atomic_write(link) as fh:
        fh.write("new")
    assert link.is_symlink() and real.read_text() == "new"


def test_text_mode_writes_newlines_as_given(tmp_path):
    with atomic_write(tmp_path / "a.tsv") as fh:
        fh.write("a\tb\nc\td\n")
    assert (tmp_path / "a.tsv").read_bytes() == b"a\tb\nc\td\n"


def test_bad_mode_is_refused(tmp_path):
    with pytest.raises(ValueError, match="mode"):
        with atomic_write(tmp_path / "x", "a"):
            pass


def test_kill_during_a_write_leaves_the_old_file(tmp_path):
    target = tmp_path / "graph.nt"
    target.write_text("<a> <b> <c> .\n")
    code = (f"from kg.fileio import atomic_write\nimport time\n"
            f"with atomic_write({str(target)!r}) as fh:\n"
            f"    fh.write('partial'); fh.flush(); print('writing', flush=True); time.sleep(30)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()
    assert target.read_text() == "<a> <b> <c> .\n"
