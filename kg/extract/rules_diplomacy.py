"""Diplomacy rules: ways of saying that states make, break or shield their relations.

Phrases about ties ("strain Russia's ties with China", "severed relations between X and Y",
"closed its borders"), envoys ("recalled its ambassador from Paris", "Poland's expulsion of Russian
diplomats"), vetoes ("X vetoed a resolution against Y"), treaties that make allies ("signed a
strategic partnership") and being seen "together".
"""

from __future__ import annotations

from .frames import POSSESSIVE_PRONOUNS, Group
from .lexicon import WORDS
from .triggers import ECONOMIC_WORDS, SECURITY_WORDS, Trigger

_BLOCKADE_NOUNS = WORDS["blockade_nouns"]
_SUMMONED = WORDS["summoned"]
_ENVOY_NOUNS = WORDS["envoy_nouns"]
_APPEARANCE_VERBS = WORDS["appearance_verbs"]
_ACCESSION = WORDS["accession_words"]
_ECONOMIC_WORDS = ECONOMIC_WORDS
_SECURITY_WORDS = SECURITY_WORDS


class DiplomacyRules:
    """Rules for ties, envoys, vetoes and alliances; a mixin of :class:`~kg.extract.rules.RuleSet`."""

    def _ties_phrase(self, t: int, pred: str, conf: float) -> bool:
        """ "strain Russia's ties with China", "severed relations between X and Y"."""
        f = self.f
        low = f.lowers
        nouns = _BLOCKADE_NOUNS if pred == "sanctions" else ("ties", "relations", "relationship", "links")
        for x in range(t + 1, min(len(low), t + 9)):
            if low[x] in nouns and f.same_clause(t, x):
                owner = f.np_subject(x)
                partner = self._ok_obj(f.object_right(x, ("with", "between"), window=4))
                if partner is not None and partner.between and len(partner.actors) >= 2:
                    self.emit_pairs(partner, pred, t, conf, low[t])
                    return True
                if owner is None:
                    owner = f.subject_left(t)
                if partner is None and owner is not None and low[x + 1:x + 3] in (["with", "it"], ["with", "them"]):
                    # "cut ties with Qatar and shut their links with it": the partner of the owner's
                    # previous relation in the sentence
                    prev = next((c for c in reversed(self.out) if c.subject in owner.actors and c.obj_span is not None
                                 and c.object not in owner.actors), None)
                    if prev is not None:
                        partner = Group([prev.obj_span], prev.obj_span.i, prev.obj_span.j)
                if owner is not None and partner is not None:
                    self.emit(owner, partner, pred, t, conf, low[t])
                    return True
                return False
        return False

    def _envoy(self, t: int, pred: str, conf: float) -> None:
        """ "recalled its ambassador from Paris", "expelled a senior Indian diplomat"."""
        f = self.f
        low = f.lowers
        envoy_words = _SUMMONED
        if f.is_passive(t):
            # "Russia's ambassador was summoned by the German foreign ministry"
            agent = self._ok_obj(f.object_right(t, ("by",), window=8))
            x = next((y for y in range(max(0, t - 6), t) if low[y] in envoy_words), None)
            if agent is not None and x is not None:
                owner = f.group_at.get(x - 1) or (f.group_at.get(x - 2) if x >= 2 and low[x - 1] in ("'s",) else None)
                if owner is not None:
                    self.emit(agent, owner, pred, t, conf, low[t])
            return
        for x in range(t + 1, min(len(low), t + 7)):
            if low[x] in envoy_words and f.same_clause(t, x):
                subj = f.subject_left(t)
                g = f.group_at.get(x - 1) or (f.group_at.get(x - 2) if x >= 2 and low[x - 1] in ("'s",) else None)
                if g is None:
                    g = self._ok_obj(f.object_right(x, ("from", "of", "to"), window=5))
                if g is not None and subj is not None:
                    self.emit(subj, g, pred, t, conf, low[t])
                return

    def _envoy_noun(self, t: int, pred: str, conf: float) -> None:
        """ "the US expulsion of its ambassador", "Poland's expulsion of Russian diplomats": the expelling
        state (possessor, demonym or "by" phrase) and the envoy's state."""
        f = self.f
        low = f.lowers
        if t + 1 >= len(low) or low[t + 1] != "of":
            return
        envoy_words = _ENVOY_NOUNS
        x = next((y for y in range(t + 2, min(len(low), t + 6)) if low[y] in envoy_words), None)
        if x is None:
            return
        owner = f.group_at.get(x) or f.group_at.get(x - 1) or (
            f.group_at.get(x - 2) if low[x - 1] in ("'s", "'") else None)
        subj = f.np_subject(t) or self._ok_obj(f.object_right(x, ("by",), window=6))
        if subj is None:
            return
        if owner is None and low[x - 1] in POSSESSIVE_PRONOUNS:
            # "Pretoria called the US expulsion of its ambassador ...": a state does not expel its own
            # envoy, so "its" is the nearest other actor
            owner = next((g for g in f.groups_left(x - 1) if not set(g.actors) & set(subj.actors)
                          and not g.kinds <= {"modifier", "origin"} and g.prep not in ("in", "at", "near")), None)
        if owner is None or set(owner.actors) & set(subj.actors):
            return
        self.emit(subj, owner, pred, t, conf - 0.05, low[t])

    def _veto(self, tr: Trigger, t: int) -> None:
        """ "X vetoed a resolution against Y", "X used its veto to shield Y"."""
        f = self.f
        low = f.lowers
        gaz = self.discourse.gazetteer if self.discourse is not None else None
        forums = gaz.forums if gaz is not None else frozenset()  # the UN and its Council (kg:forum)
        groups = frozenset(a for a, x in gaz.actors.items() if x.kind == "group") if gaz is not None else frozenset()
        subj = f.subject_left(t) if tr.pos == "v" else f.np_subject(t)
        if subj is not None and set(subj.actors) <= forums:
            subj = None
        if subj is None and tr.pos == "n":
            subj = f.subject_left(t)
            while subj is not None and set(subj.actors) <= forums:
                subj = f.subject_left(subj.i)
        if subj is not None and subj.possessive is False and subj.kinds <= {"modifier"}:
            subj = None
        if tr.pos == "n" and subj is not None and subj.possessive and subj.kinds & {"modifier"}:
            subj = None
        if subj is None:
            return
        obj = None
        for g in f.groups_right(t):
            if not f.same_clause(t, g.i) or g.i - t > 25:
                break
            if f.is_drafter(g) or id(g) in self.attribution:
                continue
            if set(g.actors) <= forums | groups:
                continue
            obj = g
            break
        if obj is None:
            obj = self._fallback_object("vetoesFor", subj, t)
        if obj is None or not _ACCESSION.isdisjoint(low[min(t, obj.i):max(t, obj.j) + 5]):
            return  # a veto on a state's accession shields no state (decision 18)
        self.emit(subj, obj, "vetoesFor", t, tr.confidence, low[t])



    def _alliance_treaty(self, subj: Group, obj: Group | None, t: int, conf: float) -> None:
        """Signing a partnership or defence treaty also makes allies (annotation guide, 6)."""
        f = self.f
        low = f.lowers
        window = [low[x] for x in range(max(0, t - 4), min(len(low), t + 10))]
        if not any(w in ("partnership", "alliance", "defence", "defense", "security") for w in window):
            return
        if not any(w in ("strategic", "partnership", "alliance", "mutual", "defence", "defense") for w in window):
            return
        if "cooperation" in window and not any(w in ("alliance", "strategic", "mutual") for w in window):
            return  # "a defence cooperation agreement" is an agreement only (decision 19)
        if not _ECONOMIC_WORDS.isdisjoint(window) and not any(w in _SECURITY_WORDS for w in window):
            return  # "a trade and economic partnership agreement" is an agreement only (decision 19)
        if obj is not None:
            self.emit(subj, obj, "alliedWith", t, conf - 0.05, low[t])
        elif len(subj.actors) >= 2:
            self.emit_pairs(subj, "alliedWith", t, conf - 0.05, low[t])

    def _together(self, t: int) -> None:
        """ "Kim and Putin were seen together", "X and Y stood together"."""
        f = self.f
        g = f.subject_left(t)
        if g is not None and len(g.actors) >= 2 and not g.possessive:
            low = f.lowers
            if any(w in _APPEARANCE_VERBS for w in low[g.j:t]):
                self.emit_pairs(g, "meetsWith", t, 0.7, "together")
