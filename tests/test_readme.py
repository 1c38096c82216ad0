"""Every kg command shown in the README runs as shown (in a scratch copy of the repository).

The commands fall into groups that do not read each other's files, each run by a test of its own:
each `kg extract` command and each independent command of "When one machine is not enough" runs in
a fresh copy; the other commands read the graphs that the README's `kg build` and `kg load` commands
write, which are built once a run (the fixture ``built``), and each family of commands reading them
(query, draw and view, analyze and diff, export, ...) is a test.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCALING = "When one machine is not enough"  # the README section whose commands build with Dask
# subcommands whose README commands are run by one test; any other subcommand is a family of its own
FAMILIES = {"validate": "validate-eval", "eval": "validate-eval", "view": "draw-view", "draw": "draw-view",
            "diff": "analyze-diff", "analyze": "analyze-diff"}


def readme_section_commands() -> list[tuple[str, str]]:
    """(the heading above it, command) for each kg command in the README's bash blocks, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands, heading, fence = [], "", None
    for line in text.splitlines():
        if line.startswith("```"):
            fence = line[3:].strip() if fence is None else None
        elif fence is None and re.match(r"#+ ", line):
            heading = line.lstrip("#").strip()
        elif fence == "bash":
            line = line.split("  #")[0].strip()
            if line.startswith("$ "):
                line = line[2:]
            if re.match(r"(kg |cat \S+ \| kg )", line) and "--endpoint" not in line:
                commands.append((heading, line))  # endpoint commands need a server: tests/test_push.py
    return commands


def readme_commands() -> list[str]:
    return [command for _, command in readme_section_commands()]


def subcommand(command: str) -> str:
    return re.search(r"\bkg (\S+)", command).group(1)


def command_groups() -> dict[str, list[str]]:
    """The README's commands by group, each in README order; every command is in exactly one.

    Each `kg extract` command is a group of its own (it reads examples/ only). In the scaling section
    a command starts a group unless it reads graphs/, which the command before it wrote.
    """
    groups: dict[str, list[str]] = {"setup": []}
    scaling = None
    for heading, command in readme_section_commands():
        name = subcommand(command)
        if name == "extract":
            group = f"extract:{len([g for g in groups if g.startswith('extract:')]) + 1}"
        elif heading == SCALING:
            if scaling is None or not re.match(r"kg \S+ graphs/", command):
                scaling = f"scaling:{len([g for g in groups if g.startswith('scaling:')]) + 1}"
            group = scaling
        elif name in ("build", "load"):
            group = "setup"  # writes the graphs and the store that the other commands read
        else:
            group = "read:" + FAMILIES.get(name, name)
        groups.setdefault(group, []).append(command)
    return groups


READ_FAMILIES = sorted(g for g in command_groups() if g.startswith("read:"))
ALONE = sorted(g for g in command_groups() if g.startswith(("extract:", "scaling:")))


def scratch_repo(path: Path) -> Path:
    work = path / "repo"
    work.mkdir()
    for name in ("examples", "graphs"):
        shutil.copytree(ROOT / name, work / name)
    return work


def run_commands(commands: list[str], work: Path, home: Path) -> None:
    """Run each command as the README shows it (``kg`` being this checkout's kg), in order, in WORK."""
    kg = " ".join([sys.executable, "-m", "kg.cli"])
    for command in commands:
        shell = command.replace("kg ", kg + " ", 1) if command.startswith("kg ") else \
            command.replace("| kg ", "| " + kg + " ")
        result = subprocess.run(shell, shell=True, cwd=work, capture_output=True, text=True, timeout=120,
                                env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(home)})
        if result.returncode != 0:
            pytest.fail(f"README command failed ({result.returncode}): {command}\n{result.stderr[-800:]}")


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("home")  # one HOME: the gazetteer's cache is written once


@pytest.fixture(scope="module")
def built(tmp_path_factory, home):
    """A scratch copy of the repository after the README's `kg build` and `kg load` commands.

    Built once a run: under pytest-xdist the first worker to get here builds it (under a lock, in
    the run's temporary directory, which the workers share) and the others use it."""
    import fcntl
    import os

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's directory, above each worker's own
    with open(shared / "readme-built.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        work = shared / "readme-built" / "repo"
        if not (shared / "readme-built" / "done").exists():
            shutil.rmtree(shared / "readme-built", ignore_errors=True)
            (shared / "readme-built").mkdir()
            scratch_repo(shared / "readme-built")
            run_commands(command_groups()["setup"], work, home)
            (shared / "readme-built" / "done").touch()
    return work


def test_readme_has_commands():
    assert len(readme_commands()) >= 10


def test_readme_commands_are_grouped_once_each_in_readme_order():
    groups = command_groups()
    grouped = [command for commands in groups.values() for command in commands]
    assert sorted(grouped) == sorted(readme_commands())
    order = readme_commands()
    for commands in groups.values():
        assert [order.index(c) for c in commands] == sorted(order.index(c) for c in commands)
    assert len(ALONE) >= 6 and len(groups["setup"]) >= 2 and len(READ_FAMILIES) >= 4
    assert any(len(groups[g]) > 1 for g in ALONE if g.startswith("scaling:"))  # the shards and their load
    assert any("--append" in c for c in groups["setup"]) and any("--store" in c for c in groups["setup"])


@pytest.mark.slow
@pytest.mark.parametrize("group", ALONE)
def test_readme_commands_run_in_a_fresh_copy(tmp_path, home, group):
    run_commands(command_groups()[group], scratch_repo(tmp_path), home)


@pytest.mark.slow
def test_readme_build_and_load_commands_run(built):
    assert (built / "graphs" / "examples.nt").stat().st_size and (built / "graphs" / "store").is_dir()


@pytest.mark.slow
@pytest.mark.parametrize("family", READ_FAMILIES)
def test_readme_commands_on_the_built_graphs_run(built, home, family):
    run_commands(command_groups()[family], built, home)
