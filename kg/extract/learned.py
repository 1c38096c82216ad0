"""A learned reading of candidate pairs: what the rules left unread, scored from the parse (issue 11.3).

A *candidate* is a trigger word of the lexicon (``data/triggers.tsv``, ``data/cameo_triggers.tsv``) with one of
its relations, and an ordered pair of the actors the sentence names. Its features (:func:`features`) are the
parse paths from the trigger to each actor (dependency labels, with the preposition or the verb they pass
through), the order of the three words, their distance, the actors' mention kinds, the trigger's lemma and the
relation, and what the rules found in the sentence. A linear model over these features
(``data/pair_model.json``, trained by ``tools/train_pair_model.py`` on the annotated sets in the repository)
scores each candidate; the extractor adds, for a pair of actors the rules gave no relation in that sentence, the
best-scoring candidate above the model's threshold (rule ``learned``).

The model is data, as the lexicon is: a JSON file of feature weights per relation and a threshold. Scoring is a
sum of weights, in pure Python. The training script ships a model only when it beats the rules alone in
cross-validation; without the file (as since the eleventh session) the rules run alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .syntax import ActorRef, Sentence, lemma

MODEL_FILE = "pair_model.json"
_PATH_LIMIT = 5  # longer paths are one feature: "far"
_PASS_LEMMAS = frozenset(("prep", "agent", "dative"))  # edges whose word the path names ("with", "by", "to")


@dataclass(frozen=True, slots=True)
class PairCandidate:
    """One reading of a trigger with two actors: ``subject`` does ``predicate`` to ``object``."""

    subject: ActorRef
    predicate: str
    object: ActorRef
    trigger: int  # the parser token of the trigger
    features: tuple[str, ...]


def _edge(tok, down: bool) -> str:
    dep = tok.dep_
    name = ("v" if down else "^") + dep
    if dep in _PASS_LEMMAS:
        name += ":" + lemma(tok)
    return name


class _Paths:
    """The dependency paths of one parse, each made once: a token's chain of heads, and :meth:`between`."""

    def __init__(self, doc):
        self.doc = doc
        self._chains: dict[int, list] = {}
        self._paths: dict[tuple[int, int], tuple[str, str, str]] = {}

    def chain(self, i: int) -> list:
        out = self._chains.get(i)
        if out is None:
            tok = self.doc[i]
            out = [tok] if tok.head.i == i else [tok] + self.chain(tok.head.i)
            self._chains[i] = out
        return out

    def between(self, t: int, a: int) -> tuple[str, str, str]:
        """:func:`path` from token ``t`` to token ``a`` as one string ("far" beyond ``_PATH_LIMIT`` steps or with
        no common head, "self" when they are one token), with its first and last steps ("" when it has none)."""
        key = (t, a)
        out = self._paths.get(key)
        if out is None:
            steps = path(self.chain(t), self.chain(a))
            whole = "far" if steps is None or len(steps) > _PATH_LIMIT else "/".join(steps) or "self"
            out = (whole, steps[0], steps[-1]) if steps else (whole, "", "")
            self._paths[key] = out
        return out


def path(up: list, down: list) -> tuple[str, ...] | None:
    """The dependency path from a trigger to an argument, given each one's chain of heads (the token first):
    the labels climbed from the trigger (``^``) to the lowest common head (named by its lemma when it is neither
    end), then those descended to the argument (``v``); a preposition, agent or dative edge carries its word.
    ``None`` when they share no head."""
    seen = {t.i: k for k, t in enumerate(down)}
    for k, t in enumerate(up):
        if t.i in seen:
            steps = [_edge(x, False) for x in up[:k]]
            if 0 < k and seen[t.i] > 0:
                steps.append("@" + lemma(t))
            steps += [_edge(x, True) for x in reversed(down[:seen[t.i]])]
            return tuple(steps)
    return None


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8+"


def features(paths: _Paths, trigger, relation: str, frame: str, subj: ActorRef, obj: ActorRef,
             found: frozenset[tuple[str, str, str]]) -> tuple[str, ...]:
    """The features of one candidate (see the module's text); ``found`` holds the rules' (subject, predicate,
    object) of the sentence."""
    t, s, o = trigger.i, subj.token, obj.token
    (sp, s0, s1), (op, o0, o1) = paths.between(t, s), paths.between(t, o)
    lem = lemma(trigger)
    order = "".join(x for _, x in sorted(((s, "S"), (t, "T"), (o, "O")))) if len({s, t, o}) == 3 else "overlap"
    r = relation
    out = [
        "bias", f"rel={r}", f"frame={frame}|rel={r}", f"lem={lem}|rel={r}",
        f"sp={sp}|rel={r}", f"op={op}|rel={r}", f"sp={sp}", f"op={op}",
        f"sp={sp}|op={op}", f"sp={sp}|op={op}|rel={r}", f"frame={frame}|sp={sp}|op={op}",
        f"order={order}|rel={r}", f"order={order}",
        f"sk={subj.kind}", f"ok={obj.kind}", f"sk={subj.kind}|ok={obj.kind}|rel={r}",
        f"dist_st={_bucket(abs(t - s))}", f"dist_ot={_bucket(abs(o - t))}",
        f"pos={trigger.pos_}|rel={r}",
    ]
    if s0:
        out += [f"sp0={s0}|rel={r}", f"sp-1={s1}|rel={r}"]
    if o0:
        out += [f"op0={o0}|rel={r}", f"op-1={o1}|rel={r}"]
    if any(c.dep_ == "neg" for c in trigger.children):
        out.append("neg")
    a, b = subj.actor, obj.actor
    if (a, r, b) in found or (b, r, a) in found:
        out.append("rules=same")
    if any({x, y} == {a, b} for x, _, y in found):
        out.append("rules=pair")
    if any(x == a and p == r for x, p, _ in found):
        out.append("rules=subj_rel")
    if any(y == b and p == r for _, p, y in found):
        out.append("rules=obj_rel")
    return tuple(out)


def candidates(engine, sent: Sentence, found: frozenset[tuple[str, str, str]],
               unread_only: bool = False) -> list[PairCandidate]:
    """Every candidate of a parsed sentence: each lexicon trigger outside an actor's name, with each relation
    its entries give, and each ordered pair of different actors that are not places as subject; with
    ``unread_only``, only the pairs the rules (``found``) gave no relation."""
    refs: dict[tuple[str, int], ActorRef] = {}
    for ref in sent.actor_at.values():
        refs.setdefault((ref.actor, ref.token), ref)
    for more in sent.partners.values():
        for ref in more:
            refs.setdefault((ref.actor, ref.token), ref)
    actors = sorted(refs.values(), key=lambda r: (r.token, r.actor))
    if len({r.actor for r in actors}) < 2:
        return []
    read = {frozenset((x, y)) for x, _, y in found} if unread_only else set()
    pairs = [(s, o) for s in actors if s.kind not in ("place", "maker") for o in actors
             if o.actor != s.actor and o.kind != "maker" and frozenset((s.actor, o.actor)) not in read]
    if not pairs:
        return []
    paths = _Paths(sent.doc)
    out: list[PairCandidate] = []
    for tok in sent.doc:
        if tok.i in sent.actor_at:
            continue
        pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ == "PROPN" else tok.pos_
        entries = engine.entries.get((lemma(tok), pos))
        if not entries:
            continue
        kinds: dict[str, str] = {}
        for e in entries:
            if e.dobj and not any(c.dep_ == "dobj" and lemma(c) == e.dobj for c in tok.children):
                continue
            kinds.setdefault(e.relation, e.frame)
        for relation, frame in sorted(kinds.items()):
            for s, o in pairs:
                out.append(PairCandidate(s, relation, o, tok.i, features(paths, tok, relation, frame, s, o, found)))
    return out


@dataclass(frozen=True)
class PairModel:
    """Weights per relation (a binary model each: is this candidate a relation the text states?) and the
    threshold on the probability above which a candidate is kept."""

    weights: dict[str, float]
    threshold: float

    def probability(self, feats: tuple[str, ...]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


@lru_cache(maxsize=1)
def load_model() -> PairModel | None:
    """The shipped model, or None when ``data/pair_model.json`` is absent (the rules alone)."""
    ref = resources.files("kg.extract.data").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    data = json.loads(ref.read_text(encoding="utf-8"))
    return PairModel(data["weights"], float(data["threshold"]))


# A recorder for the training script (tools/train_pair_model.py): when it is a list, the extractor appends
# (document id, sentence index, candidate, probability-free features, the rules' keys) for every candidate.
RECORD: list | None = None
