"""The trigger table: which words express which relation, and where their arguments sit.

Each :class:`Trigger` is data: a predicate, the word forms that express it, its part of speech
and its argument frame, read from ``data/window_triggers.toml`` once, at import. ``frames.py`` interprets them.

Frame fields
------------
obj_preps
    The prepositions that may introduce the object ("" is a direct object: "condemned Russia",
    "hit Iran's plant", "sanctioned Turkey").
receive
    The grammatical subject is the recipient and the "from" phrase the supplier ("Y receives Z from X").
light
    A nominal trigger that takes its subject from the clause only after one of these verbs
    ("imposed sanctions on", "voiced concern over"); otherwise only from inside its noun phrase.
needs
    Words one of which must occur near the trigger ("signed" needs an agreement noun).
needs_goods, goods_after
    A goods word must occur near the trigger, or (``goods_after``) after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import data_file, lists_of, verb_forms


@dataclass(frozen=True, slots=True)
class Trigger:
    predicate: str
    forms: frozenset[str]
    pos: str  # "v" verb, "n" noun
    obj_preps: tuple[str, ...] = ("",)
    receive: bool = False
    needs: frozenset[str] = frozenset()
    needs_goods: bool = False
    goods_after: bool = False  # the goods must follow it: "flew weapons to X", not "Chinese jets flew close to X"
    confidence: float = 0.75
    name: str = ""
    particle: str = ""  # a word that must follow the verb: "stood by"
    ties: bool = False  # takes its arguments from a "ties/relations with" phrase
    envoy: bool = False  # acts on a diplomat: "recalled its ambassador from X"
    modifiers: frozenset[str] = frozenset()  # one must be among the three words before it: "security pact"
    unless: frozenset[str] = frozenset()  # none may be among the four words before it: "trade partnership"


def _trigger(entry: dict, lists: dict[str, frozenset[str]]) -> list[Trigger]:
    """The triggers of one ``[[trigger]]`` entry of ``data/window_triggers.toml``: one a stem (verbs, inflected by
    :func:`verb_forms` unless every form is listed, "a|b|c") or a word with its forms ("a|b")."""
    kw = {}
    for key in ("receive", "needs_goods", "goods_after", "confidence", "particle", "ties", "envoy"):
        if key in entry:
            kw[key] = entry[key]
    for key in ("needs", "modifiers", "unless"):  # a list of words, or the name of a list of [lists]
        if key in entry:
            value = entry[key]
            kw[key] = lists[value] if isinstance(value, str) else frozenset(value)
    pos, preps = entry["pos"], tuple(entry["preps"])
    out = []
    for word in entry["stems" if pos == "v" else "words"].split():
        forms = frozenset(verb_forms(word) if pos == "v" else word.split("|"))
        out.append(Trigger(entry["predicate"], forms, pos, preps, name=word.split("|")[0], **kw))
    return out


def _load() -> tuple[dict[str, frozenset[str]], list[Trigger]]:
    doc = data_file("window_triggers.toml")
    lists = lists_of(doc, lower=False)
    return lists, [t for entry in doc["trigger"] for t in _trigger(entry, lists)]


_LISTS, TRIGGERS = _load()
# nouns of agreements: "signed" needs one near it
AGREEMENT_NOUNS = _LISTS["agreement_nouns"]
# what makes a partnership one of trade, no alliance
ECONOMIC_WORDS = _LISTS["partnership_economic"]
# what makes a pact an alliance: its kind, or the name of a security pact (AUKUS, ANZUS)
SECURITY_WORDS = _LISTS["security_words"]
# Light verbs: a nominal trigger after one of these takes the clause subject as its subject.
LIGHT_VERBS = _LISTS["light_verbs"]


def trigger_index() -> dict[str, list[Trigger]]:
    """Map each lowercase word form to the triggers it may be."""
    index: dict[str, list[Trigger]] = {}
    for t in TRIGGERS:
        for f in t.forms:
            index.setdefault(f, []).append(t)
    return index
