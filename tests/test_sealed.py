"""Keep the sealed evaluation set (tests/data/sealed/) sealed.

The sealed sentences and documents were written before the parse-based extractor's rules and must
stay unseen by whoever writes rules, lexicons or models. The first test fails when any code,
comment, rule or lexicon file repeats six or more consecutive words of a sealed sentence, naming
the file and the repeated words; the second proves that check can fail; the third that the sealed
files are valid gold files for ``kg eval``.

Do not "fix" a failure of the first test by editing the sealed data: remove the quotation.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Iterable, Iterator

import pytest

from kg.evaluate import read_gold
from kg.predicates import RELATION_PREDICATES

ROOT = Path(__file__).resolve().parents[1]
SEALED = ROOT / "tests" / "data" / "sealed"
SEALED_FILES = (SEALED / "sentences.tsv", SEALED / "docs.tsv")

#: a run of this many consecutive words of a sealed sentence counts as a quotation
RUN = 6
#: where rules, lexicons, code and comments live (ontology/ is left out: gazetteer names are shared)
SCANNED_DIRS = ("kg", "tools", "bench", "tests", "examples")
SCANNED_SUFFIXES = frozenset({".py", ".tsv", ".toml", ".json", ".txt", ".jsonl", ".yaml", ".yml",
                              ".md", ".rq", ".csv", ".cfg", ".ini", ".html", ".htm", ".ttl"})
_SKIPPED_PARTS = frozenset({"__pycache__", "node_modules"})
#: evaluation sets written, like the sealed set, by reviewers outside the rules team, who never saw the
#: sealed sentences: they report the same real events in the same wire phrasing ("signed a security pact
#: with ..."), which is coincidence, not quotation. Rules, code, tests and comments are still scanned.
INDEPENDENT_SETS = frozenset({ROOT / "tests" / "data" / name for name in ("review5", "review6", "review7",
                                                                                  "review8", "review9", "review10",
                                                                                  "review11", "review12", "review13",
                                                                                  "review14", "review15", "review16",
                                                                                  "review17", "review18",
                                                                                  "review19", "review20",
                                                                                  "review21")})

# a word: letters and digits, with apostrophes and hyphens inside it ("Russia's", "short-range")
_WORD = re.compile(r"[^\W_]+(?:['-]+[^\W_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'",
                              "\u2010": "-", "\u2011": "-"})
_ESCAPES = re.compile(r"\\[nrt]")  # "\n" inside a string literal separates words
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")

Gram = tuple[str, ...]


def words(text: str) -> list[str]:
    """The lowercase word tokens of ``text``.

    >>> words("Kyiv's \\u2018long-range\\u2019 strike_force: 'NOT' -- done")
    ["kyiv's", 'long-range', 'strike', 'force', 'not', 'done']
    """
    text = _ESCAPES.sub(" ", text.translate(_APOSTROPHES))
    return [w.lower() for w in _WORD.findall(text)]


def sealed_sentences() -> list[str]:
    """Every sentence of the sealed files, read without kg's own code."""
    sentences: list[str] = []
    for path in SEALED_FILES:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row.get("sentence"):
                    sentences.append(row["sentence"])
                else:
                    text = (path.parent / row["doc"]).read_text(encoding="utf-8")
                    sentences.extend(s for s in _SENTENCE_END.split(text) if s.strip())
    return sentences


def grams(sentences: Iterable[str], n: int = RUN) -> set[Gram]:
    """All runs of ``n`` consecutive words inside one sentence."""
    out: set[Gram] = set()
    for sentence in sentences:
        w = words(sentence)
        out.update(tuple(w[i:i + n]) for i in range(len(w) - n + 1))
    return out


def scanned_files(roots: Iterable[Path]) -> Iterator[Path]:
    """The text files under ``roots`` that could hold rules, lexicons, code or comments."""
    for root in roots:
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root).parts
            if (path.is_file() and path.suffix.lower() in SCANNED_SUFFIXES
                    and not _SKIPPED_PARTS.intersection(rel)
                    and not any(part.startswith(".") for part in rel)
                    and SEALED not in path.resolve().parents
                    and INDEPENDENT_SETS.isdisjoint(path.resolve().parents)
                    and path.resolve() != Path(__file__).resolve()):
                yield path


def quoted_runs(path: Path, sealed: set[Gram], n: int = RUN) -> list[str]:
    """The longest runs of ``path``'s words made of overlapping sealed ``n``-word runs."""
    w = words(path.read_text(encoding="utf-8", errors="replace"))
    runs: list[str] = []
    i = 0
    while i <= len(w) - n:
        if tuple(w[i:i + n]) in sealed:
            j = i
            while j + 1 <= len(w) - n and tuple(w[j + 1:j + 1 + n]) in sealed:
                j += 1
            runs.append(" ".join(w[i:j + n]))
            i = j + n
        else:
            i += 1
    return runs


def find_quotations(roots: Iterable[Path], sealed: set[Gram]) -> list[tuple[Path, str]]:
    """Every (file, run of words) under ``roots`` that repeats a sealed sentence's words."""
    return [(path, run) for path in scanned_files(roots) for run in quoted_runs(path, sealed)]


# The sealed words are never a test argument or an assertion operand: pytest would print them
# all in a failure report. A failure names only the file and the quoted run (pytrace=False).


def test_no_sealed_words_in_rules_code_or_comments():
    roots = [ROOT / d for d in SCANNED_DIRS if (ROOT / d).is_dir()]
    if not any(root.name == "kg" for root in roots):
        pytest.fail("kg/ not found: nothing was scanned", pytrace=False)
    # the check must look at something: kg's own modules at least
    if sum(1 for p in scanned_files([ROOT / "kg"]) if p.suffix == ".py") < 10:
        pytest.fail("fewer than 10 Python files found under kg/", pytrace=False)
    hits = find_quotations(roots, grams(sealed_sentences()))
    if hits:
        pytest.fail("sealed sentences quoted (remove the quotation, not the sealed data):\n" + "\n".join(
            f"  {path.relative_to(ROOT)}: {run!r}" for path, run in hits), pytrace=False)


def _found(root: Path, sealed: set[Gram]) -> list[tuple[str, int]]:
    """(file name, number of words) of each quoted run: what the tests below may print."""
    return [(path.name, len(run.split())) for path, run in find_quotations([root], sealed)]


def test_the_check_finds_six_words_and_not_five(tmp_path):
    sealed = grams(sealed_sentences())
    sentence = next(s for s in sealed_sentences() if len(words(s)) >= 9)
    n_words = len(words(sentence))
    w = words(sentence)[2:8]
    is_sealed_run = tuple(w) in sealed
    assert is_sealed_run and len(w) == RUN

    rules = tmp_path / "kg" / "rules.py"
    rules.parent.mkdir()
    # a rule comment that quotes six words, in other case and broken over two lines
    rules.write_text(f"PATTERN = 1  # e.g. {' '.join(w[:3]).upper()}\n#   {' '.join(w[3:])} zzz\n",
                     encoding="utf-8")
    assert _found(tmp_path, sealed) == [("rules.py", RUN)]
    same_words = [run for _, run in find_quotations([tmp_path], sealed)] == [" ".join(w)]
    assert same_words

    rules.write_text(f"# e.g. qqq {' '.join(w[:5])} zzz\n", encoding="utf-8")
    assert _found(tmp_path, sealed) == []

    lexicon = tmp_path / "kg" / "lexicon.jsonl"  # data files are scanned too, whole sentences found
    lexicon.write_text('{"example": "%s"}\n' % sentence.replace('"', "'"), encoding="utf-8")
    rules.unlink()
    assert _found(tmp_path, sealed) == [("lexicon.jsonl", n_words)]

    ignored = tmp_path / "kg" / "picture.png"  # not a text format that holds rules
    lexicon.rename(ignored)
    assert _found(tmp_path, sealed) == []


def test_sealed_files_are_gold_files_with_known_actors(gazetteer):
    # only counts, ids and predicate names may reach a failure report, never the sealed text
    sentences = read_gold(SEALED / "sentences.tsv")
    docs = read_gold(SEALED / "docs.tsv")
    n_sentences, n_docs = len(sentences), len(docs)
    assert 100 <= n_sentences <= 120
    assert n_docs == 3
    docs_read = [d.id for d in docs if d.doc and d.text.strip()]
    assert len(docs_read) == 3
    triples = [t for item in sentences + docs for t in item.triples]
    unknown = sorted({a for s, _, o in triples for a in (s, o) if a not in gazetteer})
    assert unknown == []
    predicates = {p for _, p, _ in triples}
    assert predicates == set(RELATION_PREDICATES)
    n_empty = len([item.id for item in sentences if not item.triples])
    assert n_empty >= 10  # near misses with no relation
