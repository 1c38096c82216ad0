"""Apply the trigger table to an analysed sentence and return candidate relations.

This module holds the core of :class:`RuleSet`: attribution, emitting candidates, the main loop and
the dispatch of verbal and nominal triggers. Families of rules live in mixins:
``rules_stance`` (judgements, concern, condemnation, threats), ``rules_diplomacy`` (ties, envoys,
vetoes, treaties, "together") and ``rules_goods`` (foreign goods, munitions, halted trade, origins).
"""

from __future__ import annotations

from itertools import combinations

from ..predicates import SYMMETRIC_PREDICATES
from .frames import (DETERMINERS, POSSESSIVE_PRONOUNS, PREPOSITIONS, Candidate, Group, SentenceFrame)
from .lexicon import AID_NOUNS, CAUSE_VERBS, LABEL_VERBS, REPORT_VERBS, SAY_VERBS, TARGET_NOUNS, WORDS
from .mentions import Span
from .rules_diplomacy import DiplomacyRules
from .rules_goods import HALT_VERBS, USE_VERBS, GoodsRules
from .rules_stance import REJECT_VERBS, RESERVE_VERBS, STANCE_VERBS, VOW_VERBS, StanceRules
from .triggers import AGREEMENT_NOUNS, Trigger, trigger_index

_INDEX = trigger_index()
_NOMINAL_BEFORE = DETERMINERS | POSSESSIVE_PRONOUNS | WORDS["nominal_before"]


_TRADE_COMPOUNDS = WORDS["trade_compounds"]
_CONSUME_STEMS = tuple(sorted(WORDS["consume_stems"]))  # for str.startswith
_RAPPROCHEMENT = WORDS["rapprochement"]
_PRIVATE_NOUNS = WORDS["private_nouns"]
_ECONOMIC = WORDS["economic"]
_PACT_NOUNS = WORDS["pact_nouns"]
_PACT_VERBS = WORDS["pact_verbs"]
_PERFECT_AUX = frozenset(("had", "has", "have", "just", "recently", "earlier", "previously"))
_JOINTLY = WORDS["jointly"]
_PARTICLE_VERBS = WORDS["particle_verbs"]
_TAKING_VERBS = WORDS["taking_verbs"]
_THANKING_VERBS = WORDS["thanking_verbs"]


# Every word the main loop reacts to; others are skipped at once.
RUN_WORDS = frozenset(_INDEX) | LABEL_VERBS | SAY_VERBS | frozenset({"together"}) | VOW_VERBS | RESERVE_VERBS | USE_VERBS | REJECT_VERBS


def _looks_nominal(frame: SentenceFrame, t: int) -> bool:
    if t == 0:
        return False
    prev = frame.lowers[t - 1]
    if prev in _NOMINAL_BEFORE or (prev in PREPOSITIONS and prev != "to") or prev[:1].isdigit():
        return True
    if t >= 2 and (frame.lowers[t - 2] in PREPOSITIONS or frame.lowers[t - 2] in DETERMINERS) \
            and frame.lowers[t - 1].isalpha() and frame.lowers[t - 1].islower() \
            and not frame.lowers[t - 1].endswith("ly") and frame.lowers[t - 1] not in ("has", "have", "had", "to"):
        return True
    g = frame.group_at.get(t - 1)
    if g is not None and (g.possessive or g.hyphen or g.kinds & {"modifier", "origin"}):
        return True
    return False


def _pairs(actors: list[str]) -> list[tuple[str, str]]:
    return [(a, b) for a, b in combinations(actors, 2) if a != b]


def _illicit_goods() -> frozenset[str]:
    """Goods whose "trade" is not trade between states (``illicit_trade`` in data/rules.toml)."""
    return _engine_list("illicit_trade")


def _engine_list(name: str) -> frozenset[str]:
    """A word list of data/rules.toml (``[lists]``), shared with the parse-based rules."""
    from .engine import load_engine

    return load_engine().lists.get(name, frozenset())


def _modifies_compound(low: list[str], t: int) -> bool:
    """Whether the noun at ``t`` modifies a following noun of trade talks or agreements, perhaps across a
    coordination of modifiers, before any preposition: "trade talks", "a trade and economic partnership
    agreement with X"."""
    for x in range(t + 1, min(len(low), t + 6)):
        w = low[x]
        if w in _TRADE_COMPOUNDS or w in AGREEMENT_NOUNS:
            return True
        if not (w.isalpha() or w == "-") or w in ("with", "between", "of", "to", "in", "on", "for"):
            return False
    return False


class RuleSet(StanceRules, DiplomacyRules, GoodsRules):
    """Candidate relations for one sentence."""

    def __init__(self, frame: SentenceFrame, discourse=None, sentence_index: int = 0):
        self.f = frame
        self.discourse = discourse
        self.sentence_index = sentence_index
        self.out: list[Candidate] = []
        self.attribution = self._attribution_groups()

    # -- helpers -------------------------------------------------------------------------------
    def _attribution_groups(self) -> set[int]:
        low = self.f.lowers
        ids = set()
        for g in self.f.groups:
            after = low[g.j:g.j + 3]
            before = low[max(0, g.i - 3):g.i]
            if after and (after[0] in REPORT_VERBS or after[:2] in (["has", "said"], ["had", "said"])
                          or (after[0] in ("has", "have", "had") and len(after) > 1 and after[1] in REPORT_VERBS)):
                ids.add(id(g))
            elif before[-2:] == ["according", "to"]:
                ids.add(id(g))
            elif before and before[-1] in REPORT_VERBS and (g.j >= len(low) or low[g.j] in (".", ",", "on", "in")):
                ids.add(id(g))
        return ids

    def attribution_actor(self) -> str | None:
        for g in self.f.groups:
            if id(g) in self.attribution:
                return g.actors[0]
        return None

    def _ok_obj(self, g: Group | None) -> Group | None:
        if g is None or id(g) in self.attribution:
            return None
        return g

    def emit(self, subj: Group | None, obj: Group | None, pred: str, t: int, conf: float,
             trig: str) -> None:
        if subj is None or obj is None:
            return
        halt = self._halted(t) if pred in ("supplies", "aids", "tradesWith") else 0
        if halt:
            # "halted weapons sales to Turkey", "froze aid to South Africa", "suspended imports of
            # Japanese seafood": stopping a flow is a sanction on the other side (annotation guide, 3)
            halter = self.f.subject_left(halt) or subj
            if set(subj.actors) - set(halter.actors) and set(obj.actors) - set(halter.actors):
                return  # "Hungary blocked an EU aid package for Ukraine": someone else's flow, stopped
            target = obj if set(obj.actors) - set(halter.actors) else subj
            subj, obj, pred = halter, target, "sanctions"
        for s in subj.spans:
            for o in obj.spans:
                if s.actor != o.actor:
                    self.out.append(Candidate(s.actor, pred, o.actor, t, trig, conf, s, o))

    def emit_pairs(self, g: Group, pred: str, t: int, conf: float, trig: str) -> None:
        spans = {}
        for s in g.spans:
            spans.setdefault(s.actor, s)
        for a, b in _pairs(list(spans)):
            self.out.append(Candidate(a, pred, b, t, trig, conf, spans[a], spans[b]))

    # -- main loop -----------------------------------------------------------------------------
    def run(self) -> list[Candidate]:
        f = self.f
        title_case = None
        for t, w in enumerate(f.lowers):
            if w not in RUN_WORDS:
                continue
            if t > 0 and f.tokens[t].text[:1].isupper() and title_case is None:
                words = [tok.text for tok in f.tokens if tok.text[:1].isalpha()]
                title_case = len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
            if not title_case and t > 0 and f.tokens[t].text[:1].isupper() and f.tokens[t - 1].text[:1].isupper() \
                    and f.lowers[t - 1] not in ("'s",):
                continue  # inside a proper name: "the Cold War", "Operation Peace Spring"
            if w == "together":
                self._together(t)
                continue
            if w in LABEL_VERBS or w in SAY_VERBS or w in REJECT_VERBS and "as" in f.lowers[t + 1:t + 12]:
                self._judgement(t)
            if w in VOW_VERBS or w in RESERVE_VERBS and f.lowers[t + 1:t + 3] == ["the", "right"]:
                self._vowed_response(t)
            if w in USE_VERBS:
                self._foreign_goods(t)
            if w in STANCE_VERBS:
                self._event_stance(t)
            trigs = _INDEX.get(w)
            if trigs and t > 0 and f.lowers[t - 1] == "-":
                trigs = [tr for tr in trigs if tr.predicate != "attacks"]  # "crisis-hit", "war-struck": an adjective
            if trigs and w in _PACT_VERBS and (t > 0 and f.lowers[t - 1] in AGREEMENT_NOUNS or any(
                    x in AGREEMENT_NOUNS for x in f.lowers[t + 1:t + 4])):
                trigs = [tr for tr in trigs if tr.predicate != "attacks"]  # "a deal struck by", "struck a deal"
            if trigs and t > 0 and w.rstrip("s") in _engine_list("targets") and (g := f.group_at.get(t - 1)) is not None \
                    and g.j == t and all(sp.kind in ("modifier", "origin") for sp in g.spans):
                # "struck Iranian targets in Syria": a state's targets are the object of the verb before them,
                # and the place they are in is not attacked (annotation guide, 15)
                trigs = [tr for tr in trigs if tr.predicate != "attacks"]
            if not trigs:
                continue
            inside = f.group_at.get(t)
            if inside is not None:
                self._inside_mention(inside, t, trigs)
                continue
            if w in ("back", "backs", "backed") and t > 0 and (f.lowers[t - 1] in _PARTICLE_VERBS
                                                               or f.lowers[t - 1].endswith("ed")):
                continue  # "turned back", "fought back": a particle, not "to back"
            nominal = _looks_nominal(f, t)
            verbs = [tr for tr in trigs if tr.pos == "v"]
            nouns = [tr for tr in trigs if tr.pos == "n"]
            before = len(self.out)
            if nominal and t > 0 and (f.lowers[t - 1] in DETERMINERS and f.lowers[t - 1] not in ("that", "no")
                                      or f.lowers[t - 1] in POSSESSIVE_PRONOUNS
                                      or f.lowers[t - 1] in ("'s", "'")):
                verbs = []  # "the arms trade", "its strikes": a noun, whatever verb it could be
            if verbs and not (nominal and nouns):
                for tr in verbs:
                    self._verb(tr, t)
            if nouns and (len(self.out) == before):
                for tr in nouns:
                    self._noun(tr, t)
        if self.discourse is not None:
            # "two US allies": each is allied with the US
            for patron, pair in self.discourse.take_patron_links():
                t = next((s.i for s in f.spans if s.kind == "pair"), 0)
                for member in pair:
                    self.out.append(Candidate(patron, "alliedWith", member, t, "allies", 0.6,
                                              Span(t, t + 1, patron, "modifier"), Span(t, t + 1, member, "pair")))
        return self.out

    def _inside_mention(self, g: Group, t: int, trigs: list[Trigger]) -> None:
        """ "Ukraine's Western allies": a name holding "allies" after a possessive actor."""
        if not any(tr.predicate == "alliedWith" for tr in trigs):
            return
        f = self.f
        prev = f.group_at.get(g.i - 2) if g.i >= 2 and f.lowers[g.i - 1] in ("'s", "'") else None
        if prev is not None:
            span = next(s for s in g.spans if s.i <= t < s.j)
            for s in prev.spans:
                if s.actor != span.actor:
                    self.out.append(Candidate(s.actor, "alliedWith", span.actor, t, f.lowers[t], 0.7, s, span))

    def _verb(self, tr: Trigger, t: int) -> None:
        f = self.f
        pred = tr.predicate
        if tr.ties:
            self._ties_phrase(t, pred, tr.confidence)
            return
        if tr.envoy:
            self._envoy(t, pred, tr.confidence)
            return
        if tr.particle and (t + 1 >= len(f.lowers) or f.lowers[t + 1] != tr.particle):
            return
        if tr.needs and not f.word_near(t, tr.needs, 10, before=4):
            return
        if tr.goods_after and not f.has_goods_near(t, after=True):
            self._jointly(f.subject_left(t), pred, t, tr.confidence - 0.05)  # "jets had flown together": no goods
            return
        if tr.needs_goods and not f.has_goods_near(t):
            if pred == "supplies" and (f.troops_near(t) or f.word_near(t, AID_NOUNS, 10)
                                       or f.word_near(t, frozenset({"$", "€", "£", "dollars", "euros"}), 4)):
                pred = "aids"  # troops sent in support, loans and grants are aid (annotation guide, 4)
            else:
                return
        if pred == "vetoesFor":
            self._veto(tr, t)
            return
        if tr.name == "retaliate" and f.word_near(t, _ECONOMIC, 6):
            return  # "retaliate with duties on American goods": the duties are the relation
        if pred == "attacks" and "with" in f.lowers[t + 1:t + 12] and f.word_near(t, _ECONOMIC, 14, before=0):
            return  # "hit Australia with tariffs", "was hit with new sanctions": an economic measure, not force
        conf = tr.confidence
        if f.is_passive(t):
            if pred == "aids" and tr.needs:
                # "Kenyan troops were deployed to Somalia": the troops' state sends them
                owner = f.subject_left(t)
                dest = self._ok_obj(f.object_right(t, ("to", "in"), window=8))
                if owner is not None and dest is not None:
                    self.emit(owner, dest, pred, t, conf, f.lowers[t])
                return
            agent = self._ok_obj(f.object_right(t, ("by", "from"), window=10))
            if pred == "supplies" and not tr.receive:
                recipient = self._ok_obj(f.object_right(t, ("to", "for"), window=12))
                if agent and recipient:
                    self.emit(agent, recipient, pred, t, conf, f.lowers[t])
                return
            if tr.receive:
                # "drones bought from Turkey": the buyer is the sentence's main subject
                source = self._ok_obj(f.object_right(t, ("from",), window=4))
                buyer = next((g for g in f.groups if g.j <= t and not g.prep and not g.possessive
                              and not g.kinds <= {"modifier", "origin"}), None)
                if source is not None and buyer is not None and not set(buyer.actors) & set(source.actors):
                    self.emit(source, buyer, pred, t, conf - 0.15, f.lowers[t])
                return
            patient = f.subject_left(t)
            if pred == "sanctions" and tr.name in ("suspend", "expel") and (
                    agent is None or self._kind(agent) != "organization"):
                return  # "diplomats were expelled by Poland": a sanction only when an organisation acts
            if agent is not None and patient is not None:
                self.emit(agent, patient, pred, t, conf, f.lowers[t])
            return
        subj = f.subject_left(t)
        if subj is None and f.lowers[t].endswith("ing"):
            subj = self._participle_subject(t)
        if tr.receive:
            source = self._ok_obj(f.object_right(t, ("from",), window=12))
            if source is None:
                source = self._origin_in_object(t)
            if source is None and subj is not None and self.discourse is not None and self._in_return():
                partner = self.discourse.implicit_source(subj.actors[0])
                if partner is not None:
                    from .mentions import Span
                    source = Group([Span(t, t + 1, partner, "coref")], t, t + 1)
            if subj is not None and source is not None:
                self.emit(source, subj, pred, t, conf, f.lowers[t])
            return
        if pred == "tensionWith" and self._ties_phrase(t, pred, tr.confidence):
            return
        obj = self._ok_obj(f.object_right(t, tr.obj_preps))
        if pred == "supplies":
            source = self._ok_obj(f.object_right(t, ("from",), window=8))
            if source is not None and obj is not None and obj.prep == "to":
                subj = source
        if pred == "agreesWith" and tr.needs and subj is not None:
            self._alliance_treaty(subj, obj, t, conf)
        self._jointly(subj, pred, t, conf)
        to_at = next((x for x in range(t + 1, min(len(f.lowers), t + 9)) if f.lowers[x] in ("to", "with", ",")), None)
        if pred == "agreesWith" and obj is None and to_at is not None and f.lowers[to_at] == "to" \
                and not any(t < x < to_at for x in f.group_at) \
                and any(g.i > t and set(g.actors) - set(subj.actors if subj else []) for g in f.groups
                        if f.same_clause(t, g.i)):
            return  # "X and Y agreed to cap the price of Z's oil": a joint step against a third party
        if pred in SYMMETRIC_PREDICATES:
            if obj is None and subj is not None and len(subj.actors) >= 2:
                self.emit_pairs(subj, pred, t, conf, f.lowers[t])
                return
            if obj is not None and obj.between and len(obj.actors) >= 2:
                self.emit_pairs(obj, pred, t, conf, f.lowers[t])
                return
        if obj is None and pred == "supports":
            between = next((g for g in f.groups if t < g.i <= t + 7 and g.between and len(g.actors) >= 2), None)
            if between is not None and f.word_near(t, AGREEMENT_NOUNS | _RAPPROCHEMENT, 6):
                obj = between  # "applauded the rapprochement between its two partners"
        if obj is not None and obj.between:
            if pred == "supports" and len(obj.actors) >= 2:
                self.emit(subj, obj, pred, t, conf, f.lowers[t])  # "applauded the rapprochement between X and Y"
            return
        if obj is None and subj is not None:
            obj = self._fallback_object(pred, subj, t)
        if pred == "sanctions" and obj is not None and self._private_target(obj):
            return
        if pred == "attacks" and obj is not None and obj.kinds <= {"modifier", "origin"} and obj.prep == "" \
                and not f.word_near(obj.j - 1, TARGET_NOUNS, 5):
            return  # "hitting American chipmakers": not an attack on a state
        if pred == "attacks" and obj is not None and obj.kinds <= {"modifier", "origin"} and obj.prep == "" \
                and self._munition_of(obj):
            return  # "shot down Iranian drones": the weapon's maker or owner is not what was attacked
        if pred == "sanctions" and tr.name in ("suspend", "expel") and (
                obj is None or subj is None or self._kind(subj) != "organization" or obj.prep):
            return  # suspending or expelling a state is a sanction when an organisation does it
        self.emit(subj, obj, pred, t, conf, f.lowers[t])
        if obj is not None and obj.prep in ("to", "for") and subj is not None:
            for more in self._parallel_objects(obj, t):
                self.emit(subj, more, pred, t, conf - 0.05, f.lowers[t])

    def _private_target(self, obj: Group) -> bool:
        """ "sanctions on Iranian firms": sanctions on companies are not a relation between states
        (annotation guide, 3)."""
        low = self.f.lowers
        if not obj.kinds <= {"modifier", "origin"}:
            return False
        return any(low[x] in _PRIVATE_NOUNS for x in range(obj.j, min(len(low), obj.j + 3)))

    def _kind(self, g: Group) -> str | None:
        if self.discourse is None:
            return None
        actor = self.discourse.gazetteer.actors.get(g.actors[0])
        return actor.kind if actor else None

    def _participle_subject(self, t: int) -> Group | None:
        """ "Meeting Olaf Scholz in Brasilia, Lula said ...": the subject follows the participle phrase."""
        f = self.f
        low = f.lowers
        if not (t == 0 or low[t - 1] in ("while", "after", "before", "when", "since", "by")
                or (t >= 1 and low[t - 1] == "," and t <= 2)):
            return None
        comma = next((x for x in range(t + 1, min(len(low), t + 25)) if low[x] == ","), None)
        if comma is None:
            return None
        start = comma + 1
        while start < len(low) and low[start] in DETERMINERS:
            start += 1
        g = f.group_at.get(start)
        if g is None or g.prep:
            return None
        return g

    def _parallel_objects(self, obj: Group, t: int) -> list[Group]:
        """ "allots $61 billion to Ukraine, $26 billion to Israel and $8 billion to Taiwan"."""
        f = self.f
        low = f.lowers
        out = []
        last = obj
        for g in f.groups:
            if g.i <= last.j:
                continue
            if g.prep != obj.prep or g.i - last.j > 12 or not f.same_clause(t, g.i) and ";" in low[last.j:g.i]:
                break
            gap = low[last.j:g.i]
            if not ("," in gap or "and" in gap) or any(w in PREPOSITIONS and w != obj.prep for w in gap):
                break
            out.append(g)
            last = g
        return out

    def _fallback_object(self, pred: str, subj: Group, t: int) -> Group | None:
        """Objects that the sentence gives only indirectly.

        - criticism of a thing with no actor in it ("the decision", "the step") is criticism of
          whoever did it: the subject of an earlier clause;
        - a threat with no target ("warned of consequences") aims at whom the subject criticises
          or attacks in the same sentence;
        - backing or welcoming an agreement supports its parties (annotation guide, 8).
        """
        f = self.f
        low = f.lowers
        own = set(subj.actors)
        start = t + 1
        if start < len(low) and low[start] in PREPOSITIONS:
            start += 1  # "concern over the pact": the phrase after the preposition
        np_end = next((x for x in range(start, min(len(low), start + 8)) if low[x] in (",", ";", "as", "and", "for",
                                                                                      "over", "because")), min(len(low), start + 8))
        if any(x in f.group_at and not (pred == "vetoesFor" and f.is_drafter(f.group_at[x]))
               for x in range(t + 1, np_end)):
            return None  # the object phrase names an actor the frame did not accept (drafters of a vetoed text aside)
        if pred in ("criticizes", "concernedBy") and self.discourse is not None and any(
                low[x] in _PACT_NOUNS for x in range(t + 1, min(len(low), np_end + 1))):
            parties = [a for a in self.discourse.last_pact() if a not in own]
            if parties:
                return Group([Span(t, t + 1, a, "coref") for a in parties], t, t + 1)
        if pred == "criticizes":
            for g in f.groups:
                if g.j > subj.i:
                    break
                if not g.prep and not g.possessive and not set(g.actors) & own and not g.kinds <= {"modifier"} \
                        and id(g) not in self.attribution and not f.same_clause(g.i, t):
                    return g
            return None
        if pred == "threatens":
            for c in self.out:
                if c.predicate in ("criticizes", "attacks") and c.subject in own and c.obj_span is not None:
                    return Group([c.obj_span], c.obj_span.i, c.obj_span.j)
            for c in self.out:  # "X imposed tariffs on Y; Y threatened retaliatory tariffs"
                if c.predicate in ("sanctions", "attacks", "criticizes", "threatens") and c.object in own \
                        and c.subj_span is not None and c.subject not in own:
                    return Group([c.subj_span], c.subj_span.i, c.subj_span.j)
            return None
        if pred == "vetoesFor":
            for c in self.out:  # vetoing an extension of sanctions shields their target
                if c.predicate == "sanctions" and c.obj_span is not None and c.object not in own:
                    return Group([c.obj_span], c.obj_span.i, c.obj_span.j)
            return None
        if pred == "supports" and any(low[x] in AGREEMENT_NOUNS or low[x] in ("rapprochement", "reconciliation",
                                                                            "thaw", "breakthrough")
                                      for x in range(t + 1, min(len(low), t + 5))):
            parties = self.discourse.last_agreement() if self.discourse is not None else None
            if parties:
                spans = [Span(t, t + 1, a, "coref") for a in parties if a not in own]
                return Group(spans, t, t + 1) if spans else None
        return None

    def _jointly(self, subj: Group | None, pred: str, t: int, conf: float) -> None:
        """ "X and Y forces jointly struck", "American and Japanese jets had flown together": they cooperate."""
        if subj is not None and len(subj.actors) >= 2 and pred in ("attacks", "supplies", "aids", "sanctions") \
                and self.f.word_near(t, _JOINTLY, 2, before=3):
            self.emit_pairs(subj, "cooperatesWith", t, conf - 0.1, "jointly")

    def _in_return(self) -> bool:
        text = " ".join(self.f.lowers)
        return "in return" in text or "in exchange" in text or "in turn" in text

    def _reduced_relative(self, t: int) -> bool:
        """Whether the noun at ``t`` heads a relative clause without "that" whose subject is an actor: "the accords
        Turkey had signed with Libya", "the deal Moscow struck with Tehran". Its parties are that clause's, which
        the verb's own rule reads; the sentence's subject is no party."""
        f = self.f
        g = f.group_at.get(t + 1)
        if g is None or g.prep or g.possessive or g.i != t + 1:
            return False
        low = f.lowers
        k = g.j
        while k < len(low) and low[k] in _PERFECT_AUX:
            k += 1
        return k < len(low) and low[k] in _PACT_VERBS

    def _noun(self, tr: Trigger, t: int) -> None:
        f = self.f
        pred = tr.predicate
        low = f.lowers
        if tr.needs_goods and not f.has_goods_near(t):
            return
        if tr.modifiers and (tr.modifiers.isdisjoint(low[max(0, t - 3):t]) or "cooperation" in low[max(0, t - 3):t]):
            # ("a defence cooperation agreement" is an agreement only: decision 19)
            return  # "a pact" is an agreement; "a security pact" an alliance (decision 19)
        if pred in ("agreesWith", "alliedWith") and self._reduced_relative(t):
            return  # "declared invalid the accords Turkey had signed with Libya": the accords are Turkey's
        if tr.unless and not tr.unless.isdisjoint(low[max(0, t - 4):t]):
            return  # "a trade and economic partnership agreement" is an agreement only (decision 19)
        if tr.envoy:
            self._envoy_noun(t, pred, tr.confidence)
            return
        if pred == "vetoesFor":
            self._veto(tr, t)
            return
        if pred == "alliedWith" and tr.name == "partner" and t > 0 and low[t - 1] in ("trading", "trade"):
            pred = "tradesWith"
        if pred in ("cooperatesWith", "tradesWith") and any(
                low[x] in ("on", "for") and x > 0 and low[x - 1] in AGREEMENT_NOUNS for x in range(max(1, t - 4), t)):
            return  # "an agreement on energy cooperation": the topic of the agreement
        if pred == "tradesWith" and _modifies_compound(low, t):
            return  # "a trade deal", "trade talks", "a trade and economic partnership agreement": not trade itself
        if pred == "cooperatesWith" and t + 1 < len(low) and low[t + 1] in AGREEMENT_NOUNS:
            return  # "a cooperation agreement with NATO": the agreement's topic
        if pred == "atWarWith" and low[t] in ("war", "wars") and t + 1 < len(low) and low[t + 1] in ("in", "on", "over") \
                and t > 0 and low[t - 1] in ("the", "a"):
            return  # "its role in the war in Ukraine": a war named by its place has no sides (annotation guide, 12)
        if pred == "atWarWith" and any(low[x] in _engine_list("short_of_war") for x in range(max(0, t - 4), t)):
            pred = "tensionWith"  # "technically at war", "the brink of war" (annotation guide, 14)
        if pred == "tradesWith" and t > 0 and low[t - 1] in _illicit_goods():
            return  # "the arms trade between them": a flow of arms, not trade (annotation guide, 21)
        conf = tr.confidence - 0.05
        symmetric = pred in SYMMETRIC_PREDICATES
        pair = f.pair_neighbour(t)
        if symmetric and pair is not None:
            self.emit_pairs(pair, pred, t, conf, low[t])
            return
        if symmetric and t + 1 < len(low) and low[t + 1] in ("linking", "uniting", "joining", "among", "of") and not (
                low[t + 1] == "of" and low[t].rstrip("s") in _engine_list("one_sided_heads")):
            # (an alliance "of" several states unites them; an ally or partner "of" several is theirs alone)
            nxt = f.group_at.get(t + 2) or f.group_at.get(t + 3)
            if nxt is not None and len(nxt.actors) >= 2:
                self.emit_pairs(nxt, pred, t, conf, low[t])
                return
        obj = self._ok_obj(f.object_right(t, tr.obj_preps, window=10))
        if symmetric and obj is not None and obj.between and len(obj.actors) >= 2:
            self.emit_pairs(obj, pred, t, conf, low[t])
            return
        if pred in ("alliedWith", "cooperatesWith") and obj is not None and obj.prep == "with" and len(obj.actors) >= 2:
            # "its pact with the US and Britain", "held joint drills with Russia and China": a trilateral
            self.emit_pairs(obj, pred, t, conf - 0.05, low[t])
        if pred == "supplies" and t > 0 and low[t - 1] in _TAKING_VERBS:
            # "took delivery of BrahMos missiles from India": the subject receives
            source = self._ok_obj(f.object_right(t, ("from",), window=10))
            recipient = f.subject_left(t - 1)
            if source is not None and recipient is not None:
                self.emit(source, recipient, pred, t, conf, low[t])
            return
        subj = f.np_subject(t)
        if subj is not None and tr.receive:
            source = self._ok_obj(f.object_right(t, ("from",), window=8)) or self._origin_in_object(t, ("of",))
            if source is None and subj.kinds <= {"origin", "modifier"}:
                # "Poland's Korean arms order": buyer is the possessor
                return
            if source is not None:
                self.emit(source, subj, pred, t, conf, low[t])
            return
        if obj is None and subj is not None and pred == "supplies" and not tr.receive:
            consumer = next((x for x in range(max(0, t - 10), t) if low[x].startswith(_CONSUME_STEMS)), None)
            if consumer is not None:
                buyer = f.subject_left(consumer)
                if buyer is not None and not set(buyer.actors) & set(subj.actors):
                    self.emit(subj, buyer, pred, t, conf - 0.05, low[t])  # "China absorbing half of Russia's exports"
                return
        if obj is None and subj is not None and pred in ("supports", "aids") and t >= 3 \
                and low[t - 3:t - 1] in (["for", "its"], ["for", "their"]) or (
                obj is None and subj is not None and pred in ("supports", "aids") and t >= 2
                and low[t - 2:t] in (["for", "its"], ["for", "their"])):
            thank = next((x for x in range(max(0, t - 8), t) if low[x] in _THANKING_VERBS), None)
            if thank is not None:
                thanker = f.subject_left(thank)
                if thanker is not None:
                    self.emit(subj, thanker, pred, t, conf - 0.05, low[t])  # "Maduro thanked Iran for its support"
                return
        if subj is None:
            by = self._ok_obj(f.object_right(t, ("by", "from"), window=6))
            if by is not None and not tr.receive:
                subj = by  # "condemnation by X", "supplies from X"
        if obj is None and pred in ("alliedWith", "supports") and any(w in ("as", "to") for w in low[max(0, t - 4):t]):
            # "Turkey, which regards Azerbaijan as an ally", "elevated the US to strategic partner"
            as_at = max(x for x in range(max(0, t - 4), t) if low[x] in ("as", "to"))
            before = f.group_at.get(as_at - 1)
            if before is not None and subj is None:
                subj = f.subject_left(before.i)
                obj = before
        if obj is None and pred == "criticizes":
            cause = next((x for x in range(max(0, t - 4), t) if low[x] in CAUSE_VERBS), None)
            if cause is not None:
                # "Turkey's operation drew condemnation from Western countries"
                obj = f.np_subject(cause) or f.subject_left(cause)
                if subj is None:
                    subj = self._ok_obj(f.object_right(t, ("from", "by"), window=6))
                if obj is not None and subj is not None:
                    self.emit(subj, obj, pred, t, conf, low[t])
                return
        lv = None
        if subj is None and f.foreign_possessor(t):
            return  # "Nancy Pelosi's visit": the noun has its own subject, unknown to the gazetteer
        if subj is None:
            lv = f.light_verb_before(t, HALT_VERBS if pred in ("supplies", "aids", "tradesWith") else frozenset())
            if lv is not None:
                subj = f.subject_left(lv + 1)
                if obj is None:
                    # "gave Baku diplomatic backing", "travelling to Seoul for talks"
                    allowed = ("", "to", "in") if pred == "meetsWith" else ("",)
                    obj = next((g for g in f.groups if lv < g.i < t and g.prep in allowed and g is not subj
                                and id(g) not in self.attribution), None)
        if subj is None and tr.name in ("ally", "partner") and obj is not None:
            subj = f.subject_left(t)
        if subj is None and symmetric and any(w in ("in", "at") for w in low[max(0, t - 3):t]):
            subj = f.subject_left(t)  # "X and Y remain locked in a dispute", "X and Y met at a summit"
        if subj is None and low and low[0].endswith("ing") and "," not in low[:t]:
            subj = self._participle_subject(0)  # "Speaking after talks with Scholz, Lula said ..."
        if subj is None:
            return
        if tr.receive:
            # "suspended imports of Japanese seafood": the origin inside the "of" phrase
            source = self._ok_obj(f.object_right(t, ("from",), window=8)) or self._origin_in_object(t, ("", "of"))
            if source is not None:
                self.emit(source, subj, pred, t, conf, low[t])
            return
        if pred == "sanctions" and obj is not None and self._private_target(obj):
            return
        if obj is None and pred == "sanctions" and t >= 2 and ("despite" in low[t - 4:t] or "under" in low[t - 4:t]):
            target = next((g for g in f.groups_left(t) if g is not subj and not g.prep
                           and not g.kinds <= {"modifier", "origin"}), None)
            if target is not None:
                self.emit(subj, target, pred, t, conf - 0.1, low[t])
            return
        if obj is None and pred == "concernedBy":
            self._concern_fallback(subj, t, conf)
            return
        if obj is None and pred == "sanctions" and self.discourse is not None and not (
                t + 1 < len(low) and low[t + 1] in ("on", "against")):  # ("sanctions on Lockheed Martin": named)
            # "the EU followed with asset freezes": the target of the sanctions just reported
            here = next((c.obj_span for c in self.out if c.predicate == "sanctions" and c.obj_span is not None
                         and c.object not in subj.actors), None)
            target = here.actor if here is not None else self.discourse.recent_target("sanctions", self.sentence_index)
            if target is not None and target not in subj.actors:
                self.emit(subj, Group([Span(t, t + 1, target, "coref")], t, t + 1), pred, t, conf - 0.1, low[t])
            return
        if obj is None and symmetric and len(subj.actors) >= 2 and not subj.possessive:
            self.emit_pairs(subj, pred, t, conf, low[t])
            return
        if obj is not None and obj.between:
            return
        self.emit(subj, obj, pred, t, conf, low[t])
        if pred == "agreesWith" and obj is not None and any(
                low[x] in ("defence", "defense", "security", "alliance") for x in range(max(0, t - 3), t)) and not (
                "cooperation" in low[max(0, t - 3):t]):  # ("a defence cooperation agreement": decision 19)
            self.emit(subj, obj, "alliedWith", t, conf - 0.05, low[t])  # "its mutual defence treaty with X"
