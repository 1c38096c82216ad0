"""Every kg command shown in the README runs as shown (in a scratch copy of the repository)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.DOTALL):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("$ "):
                line = line[2:]
            if re.match(r"(kg |cat \S+ \| kg )", line) and "--endpoint" not in line:
                commands.append(line)  # endpoint commands need a server: tests/test_push.py runs them
    return commands


def test_readme_has_commands():
    assert len(readme_commands()) >= 10


@pytest.mark.slow
def test_readme_commands_run(tmp_path):
    work = tmp_path / "repo"
    work.mkdir()
    for name in ("examples", "graphs"):
        shutil.copytree(ROOT / name, work / name)
    kg = [sys.executable, "-m", "kg.cli"]
    for command in readme_commands():
        shell = command.replace("kg ", " ".join(kg) + " ", 1) if command.startswith("kg ") else \
            command.replace("| kg ", "| " + " ".join(kg) + " ")
        result = subprocess.run(shell, shell=True, cwd=work, capture_output=True, text=True, timeout=120,
                                env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)})
        if result.returncode != 0:
            pytest.fail(f"README command failed ({result.returncode}): {command}\n{result.stderr[-800:]}")
