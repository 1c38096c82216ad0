"""Goods rules: ways of saying where weapons and wares come from, and that their flow stopped.

Foreign goods in use ("Pakistan leaned on Turkish drones"), munitions named by their maker
("Iranian drones", not a place attacked), halted trade ("halted weapons sales to Turkey" is a
sanction) and the origin inside an object ("bought Russian S-400s", "imports of Japanese seafood").
"""

from __future__ import annotations

from .frames import PREPOSITIONS, Group
from .lexicon import TARGET_NOUNS, WORDS

HALT_VERBS = WORDS["halt_verbs"]
USE_VERBS = WORDS["use_verbs"]
# places and units a strike hits (the targets that are not themselves flying weapons)
_SITE_NOUNS = TARGET_NOUNS - {"drones", "aircraft", "jets", "jet"} | {"production"}
_MUNITIONS = WORDS["munitions"]
_SEIZED = WORDS["seized"]


class GoodsRules:
    """Rules for supplied goods and halted flows; a mixin of :class:`~kg.extract.rules.RuleSet`."""

    def _foreign_goods(self, v: int) -> None:
        """ "Pakistan leaned on Turkish drones and Chinese-supplied missiles": the origins supply the user."""
        f = self.f
        low = f.lowers
        if f.is_passive(v) or (v + 1 < len(low) and low[v + 1] == "to"):
            return  # "drones used by Russia" is left to the passive rules; "used to" is a habit
        subj = f.subject_left(v)
        if low[v].endswith("ing") and not (v > 0 and low[v - 1] in ("is", "are", "was", "were", "been", "be")):
            # "Russia attacked Ukraine using Iranian drones": a participle's user is the main subject
            subj = next((g for g in f.groups if g.j <= v and not g.prep and not g.possessive
                         and not g.kinds <= {"modifier", "origin"}), None)
        if subj is None or subj.kinds <= {"modifier", "origin"}:
            return
        own = set(subj.actors)
        last = v
        origins = []
        for g in f.groups_right(v):
            gap = low[last + 1:g.i]
            if g.i - last > 6 or not f.same_clause(v, g.i) or any(w in PREPOSITIONS and w != "on" for w in gap) \
                    or any(w in _SEIZED for w in gap) or g.kinds != {"origin"} or (last != v and not (
                    "and" in gap or "," in gap)) or (last == v and g.prep not in ("", "on")):
                break
            if not set(g.actors) & own:
                origins.append(g)
            last = g.j - 1
        for g in origins:
            self.emit(g, subj, "supplies", v, 0.6, low[v])

    def _munition_of(self, g) -> bool:
        """Whether the state word ``g`` names the maker of munitions rather than a place to hit:
        "Iranian(-made) drones", "Russian cruise missiles", but not "Iranian missile sites"."""
        after = self.f.lowers[g.j:g.j + 4]
        return not _SITE_NOUNS.intersection(after) and bool(_MUNITIONS.intersection(after[:3]))

    def _halted(self, t: int) -> int:
        """Index of a halting verb governing the trigger at ``t`` ("halted ... sales"), or 0."""
        low = self.f.lowers
        for x in range(max(0, t - 5), t):
            if low[x] in HALT_VERBS and self.f.same_clause(x, t):
                return x
        return 0

    def _origin_in_object(self, t: int, preps: tuple[str, ...] = ("",)) -> Group | None:
        """ "bought Russian S-400s", "imports of Japanese seafood": the origin demonym in the object."""
        f = self.f
        for g in f.groups_right(t):
            if g.i - t > 6 or not f.same_clause(t, g.i):
                return None
            if g.kinds <= {"origin", "modifier"} and g.prep in preps and (g.kinds == {"origin"} or f.has_goods_near(g.j, 3)):
                return g
            return None
        return None
