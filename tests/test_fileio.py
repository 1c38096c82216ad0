"""Atomic writes: the old file survives a failure, no temporary file is left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from kg.errors import KgError
from kg.fileio import atomic_write


def test_success_replaces_the_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with atomic_write(target) as fh:
        fh.write("new")
    assert target.read_text() == "new"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_failure_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as fh:
            fh.write("half")
            raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_missing_directory_is_one_clear_error(tmp_path):
    with pytest.raises(KgError, match="directory .* does not exist"):
        with atomic_write(tmp_path / "nope" / "out.txt"):
            pass


def test_permissions_are_kept(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    with atomic_write(target) as fh:
        fh.write("new")
    assert target.stat().st_mode & 0o777 == 0o640


def test_kill_during_a_write_leaves_the_old_file(tmp_path):
    target = tmp_path / "graph.nt"
    target.write_text("<a> <b> <c> .\n")
    code = (f"from kg.fileio import atomic_write\nimport time\n"
            f"with atomic_write({str(target)!r}) as fh:\n"
            f"    fh.write('partial'); fh.flush(); print('writing', flush=True); time.sleep(30)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert target.read_text() == "<a> <b> <c> .\n"
