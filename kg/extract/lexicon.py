"""Word lists the extractor uses: how news names agents and phrases relations between states.

The lists are data: ``data/words.toml`` holds them, ``data/window_triggers.toml`` the window trigger table and
``data/rules.toml`` the parse rules' lists; this module reads those files (:func:`data_file`, :func:`lists_of`)
and names the lists other modules share. Verb entries list lemma stems; ``verb_forms`` inflects them.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping


@functools.lru_cache(maxsize=None)
def data_file(name: str) -> dict:
    """A TOML file of ``kg/extract/data``, parsed once, then read from kg's disk cache (a start then
    unpickles it in a fraction of the time a parse takes)."""
    from importlib import resources

    from ..cache import cached

    raw = resources.files("kg.extract.data").joinpath(name).read_bytes()

    def parse() -> dict:
        import tomllib

        return tomllib.loads(raw.decode("utf-8"))

    return cached(f"data-{name}", [raw], parse, dict)


def lists_of(doc: Mapping, lower: bool = True) -> dict[str, frozenset[str]]:
    """The ``[lists]`` table of a data file: each list a set of words, lowercased unless ``lower`` is false."""
    return {k: frozenset(str(w).lower() if lower else str(w) for w in v) for k, v in doc.get("lists", {}).items()}


@functools.lru_cache(maxsize=None)
def word_lists(name: str = "words.toml") -> dict[str, frozenset[str]]:
    """The ``[lists]`` of a data file of ``kg/extract/data`` (``words.toml``: the word lists of the window
    rules, mentions and coreference), read once."""
    return lists_of(data_file(name), lower=False)  # as written: "President", "Wang"


def _id_sets(name: str) -> dict[str, frozenset[str]]:
    """A two-column TSV of ``kg/extract/data`` (``#`` lines are comments): key -> the ids of its second column."""
    from importlib import resources

    out = {}
    for line in resources.files("kg.extract.data").joinpath(name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, ids = line.split("\t")
            out[key] = frozenset(ids.split())
    return out


@functools.lru_cache(maxsize=None)
def regions() -> dict[str, frozenset[str]]:
    """``data/regions.tsv``: a region's name as a description says it ("baltic", "southeast asian") -> the ids of
    its states (made by ``tools/make_regions.py``)."""
    return _id_sets("regions.tsv")


@functools.lru_cache(maxsize=None)
def neighbours() -> dict[str, frozenset[str]]:
    """``data/neighbours.tsv``: a state's id -> the ids of the states it borders on land (``tools/make_regions.py``;
    island states have none)."""
    return _id_sets("neighbours.tsv")


# the lists of data/words.toml, by name
WORDS = word_lists()

AGENT_NOUNS = WORDS["agent_nouns"]
AGENT_HEADS = WORDS["agent_heads"]
ROLE_WORDS = WORDS["role_words"]
TITLES = WORDS["titles"]
REPORT_VERBS = WORDS["report_verbs"]
SINGLE_COREF_HEADS = WORDS["single_coref_heads"]
PAIR_COREF_HEADS = WORDS["pair_coref_heads"]
HEDGES = WORDS["hedges"]
NEGATIONS = WORDS["negations"]
IRREALIS = WORDS["irrealis"]
GOODS = WORDS["goods"]
TROOP_WORDS = WORDS["troop_words"]
LABEL_VERBS = WORDS["label_verbs"]
SAY_VERBS = WORDS["say_verbs"]
NEGATIVE_JUDGEMENTS = WORDS["negative_judgements"]
SURNAME_FIRST = WORDS["surname_first"]
AID_NOUNS = WORDS["aid_nouns"]
CAUSE_VERBS = WORDS["cause_verbs"]
TARGET_NOUNS = WORDS["target_nouns"]


@functools.lru_cache(maxsize=1)
def _extra_forms() -> dict[str, tuple[str, ...]]:
    """The forms of ``data/verb_forms.tsv`` by lemma: those regular inflection does not give."""
    from importlib import resources

    text = resources.files("kg.extract.data").joinpath("verb_forms.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {lemma: tuple(forms.split("|")) for lemma, forms in rows[1:]}


def verb_forms(stem: str) -> set[str]:
    """Inflections of a regular English verb stem written as ``base|3sg|past|ing`` or a base.

    >>> sorted(verb_forms("supply"))
    ['supplied', 'supplies', 'supply', 'supplying']
    """
    if "|" in stem:
        return set(stem.split("|"))
    base = stem
    forms = {base, *_extra_forms().get(base, ())}  # "wrote", "withheld", "expelled": data/verb_forms.tsv
    if base.endswith("y") and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms
