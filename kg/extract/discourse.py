"""Within-document coreference: what "the isolated state", "both nations", "their reports" and
"in return" refer to, from what the document said before.

The model is deliberately small: the states mentioned so far (most recent first), the pair of
actors the last relation or coordination involved, and the last relations themselves.
"""

from __future__ import annotations

from ..gazetteer import Gazetteer
from ..model import Relation
from ..predicates import SYMMETRIC_PREDICATES
from ..text import Token
from .frames import SentenceFrame
from .lexicon import PAIR_COREF_HEADS, SINGLE_COREF_HEADS
from .mentions import Span

_ADJ_OK = 4  # adjectives allowed between the determiner and the head ("the small, isolated state")
_NOT_AFTER_SINGLE = frozenset({"of", "-", "media", "department", "visit", "secretary", "council",
                               "funeral", "dinner", "banquet", "broadcaster", "news", "television",
                               "tv", "agency", "company", "firm", "enterprise", "owned", "run"})


class Discourse:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.symmetric = SYMMETRIC_PREDICATES
        self.recent: list[str] = []  # state ids, most recent last
        self.counts: dict[str, int] = {}  # mentions of each state so far
        self.last_pair: tuple[str, str] | None = None
        self.last_leaders: tuple[str, str] | None = None
        self.last_subject: str | None = None
        self.relations: list[Relation] = []

    # -- reading ---------------------------------------------------------------------------------
    def resolve(self, tokens: list[Token], spans: list[Span]) -> list[Span]:
        """Add spans for descriptions that refer back to earlier actors."""
        low = [t.text.lower() for t in tokens]
        covered = set()
        for s in spans:
            covered.update(range(s.i, s.j))
        here = [s.actor for s in spans]
        out = list(spans)
        n = len(low)
        i = 0
        while i < n:
            w = low[i]
            if i in covered:
                i += 1
                continue
            if w in ("both", "two") or (w == "the" and i + 1 < n and low[i + 1] == "two"):
                k = i + 1 if w != "the" else i + 2
                start_head = k
                while k < n and k - start_head < _ADJ_OK + 2 and low[k] not in PAIR_COREF_HEADS \
                        and (low[k].isalpha() and tokens[k].text[:1].islower() or low[k] == "-") and k not in covered:
                    k += 1
                if k < n and low[k] in PAIR_COREF_HEADS and k not in covered:
                    before: list[str] = []
                    for s in spans:
                        if s.j <= i and self._is_state(s.actor) and s.kind not in ("modifier",) \
                                and (s.i == 0 or low[s.i - 1] not in ("in", "at", "near")):
                            if s.actor in before:
                                before.remove(s.actor)
                            before.append(s.actor)
                    pair = (before[-2], before[-1]) if len(before) >= 2 else None
                    if pair is None and low[k] == "leaders" and self.last_leaders:
                        pair = self.last_leaders
                    pair = pair or self._pair(exclude=())
                    if pair:
                        a, b = pair
                        out.append(Span(i, k, a, "pair"))
                        out.append(Span(k, k + 1, b, "pair"))
                        covered.update(range(i, k + 1))
                        i = k + 1
                        continue
            if w in ("the", "this") and i + 1 < n:
                k = i + 1
                while k < n and k - i <= _ADJ_OK and low[k] not in SINGLE_COREF_HEADS and low[k].isalpha() \
                        and tokens[k].text[:1].islower() and k not in covered:
                    k += 1
                if k < n and low[k] in SINGLE_COREF_HEADS and tokens[k].text[:1].islower() and k not in covered \
                        and (k + 1 >= n or low[k + 1] not in _NOT_AFTER_SINGLE):
                    # a state named earlier in this sentence, across a comma, is the likeliest referent
                    # ("X is receiving technology, helping the isolated state advance"); one in the same
                    # simple clause is not ("Ethiopia criticised the isolated state")
                    target = None
                    for s in reversed([s for s in spans if s.j <= i and self._is_state(s.actor)
                                       and s.kind not in ("modifier", "origin")]):
                        if "," in low[s.j:i] and (s.i == 0 or low[s.i - 1] not in ("in", "at", "near")):
                            target = s.actor
                        break
                    exclude = {s.actor for s in spans if s.j <= i}
                    target = target or self._single(exclude=exclude)
                    if target:
                        out.append(Span(i, k + 1, target, "coref"))
                        covered.update(range(i, k + 1))
                        i = k + 1
                        continue
            i += 1
        return sorted(out, key=lambda s: s.i)

    def _single(self, exclude: set[str]) -> str | None:
        """The most salient state so far: mentioned most often, recent mentions weighing more."""
        best, best_score = None, 0.0
        n = len(self.recent)
        for rank, a in enumerate(self.recent):
            if a in exclude:
                continue
            score = self.counts.get(a, 0) + 2.0 * (rank + 1) / n
            if score > best_score:
                best, best_score = a, score
        return best

    def _pair(self, exclude) -> tuple[str, str] | None:
        if self.last_pair:
            return self.last_pair
        distinct: list[str] = []
        for a in reversed(self.recent):
            if a not in distinct:
                distinct.append(a)
            if len(distinct) == 2:
                return (distinct[1], distinct[0])
        return None

    def attribution_for(self, frame: SentenceFrame) -> str | None:
        """ "According to their reports": the subject of the previous sentence."""
        low = frame.lowers
        for x in range(len(low) - 2):
            if low[x] == "according" and low[x + 1] == "to" and low[x + 2] in ("their", "its", "his", "her"):
                return self.last_subject
        return None

    def implicit_source(self, recipient: str) -> str | None:
        """ "In return, X is receiving technology": whom X supplied last."""
        for r in reversed(self.relations):
            if r.predicate == "supplies" and r.subject == recipient and not r.negated:
                return r.object
        return None

    # -- writing ---------------------------------------------------------------------------------
    def update(self, frame: SentenceFrame, relations: list[Relation]) -> None:
        first = next((g for g in frame.groups if not g.prep and not g.possessive), None)
        topic = set(first.actors) if first is not None else set()
        for s in sorted(frame.spans, key=lambda s: s.i):
            actor = self.gazetteer.actors.get(s.actor)
            if actor is not None and actor.kind == "state" and s.kind not in ("modifier",):
                if s.actor in self.recent:
                    self.recent.remove(s.actor)
                self.recent.append(s.actor)
                # the sentence's grammatical subject is more salient than other mentions
                self.counts[s.actor] = self.counts.get(s.actor, 0) + (2 if s.actor in topic else 1)
        for g in frame.groups:
            people = [s.actor for s in g.spans if s.kind in ("leader", "surname", "person", "agent")
                      and self._is_state(s.actor)]
            distinct = list(dict.fromkeys(people))
            if len(distinct) >= 2:
                self.last_leaders = (distinct[0], distinct[1])
        asserted = [r for r in relations if not r.negated]
        states = [r for r in asserted if self._is_state(r.subject) and self._is_state(r.object)]
        if states:
            r = states[0]
            self.last_pair = (r.subject, r.object)
            self.last_subject = r.subject
        else:
            for g in frame.groups:
                st = [a for a in g.actors if self._is_state(a)]
                if len(st) >= 2 and not g.possessive:
                    self.last_pair = (st[0], st[1])
                    break
            subj = next((g for g in frame.groups if not g.prep), None)
            if subj is not None:
                self.last_subject = subj.actors[0]
        self.relations.extend(asserted)

    def _is_state(self, actor_id: str) -> bool:
        a = self.gazetteer.actors.get(actor_id)
        return a is not None and a.kind == "state"
