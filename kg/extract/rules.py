"""Apply the trigger table to an analysed sentence and return candidate relations."""

from __future__ import annotations

from itertools import combinations

from ..predicates import SYMMETRIC_PREDICATES
from .frames import (DETERMINERS, POSSESSIVE_PRONOUNS, PREPOSITIONS, Candidate, Group, SentenceFrame)
from .lexicon import AID_NOUNS, CAUSE_VERBS, LABEL_VERBS, NEGATIVE_JUDGEMENTS, REPORT_VERBS, SAY_VERBS
from .mentions import Span
from .triggers import AGREEMENT_NOUNS, Trigger, trigger_index

_INDEX = trigger_index()
_NOMINAL_BEFORE = DETERMINERS | POSSESSIVE_PRONOUNS | frozenset({
    "'s", "of", "new", "more", "further", "fresh", "tougher", "tough", "economic", "military", "western",
    "international", "financial", "humanitarian", "diplomatic", "strategic", "mutual", "bilateral",
    "joint", "naval", "air", "missile", "drone", "arms", "weapons", "trade", "nuclear", "full-scale",
    "deep", "deepening", "growing", "renewed", "close", "closer", "long-standing", "strong", "unwavering",
    "full", "broad", "major", "defence", "defense", "security", "oil", "gas", "energy", "border",
    "rare", "direct", "secret", "covert", "initial", "first", "latest", "ongoing", "continued",
    "sweeping", "punitive", "targeted", "unilateral", "multilateral", "fighter", "retaliatory",
    "peace", "ceasefire", "comprehensive", "all", "formal", "historic", "landmark", "several", "two", "three",
    "four", "many", "such", "and", "-", "public", "official", "protest", "abstention",
})


_HALT_VERBS = frozenset("""
halt halts halted halting suspend suspends suspended suspending freeze freezes froze frozen freezing
stop stops stopped stopping ban bans banned banning block blocks blocked blocking cut cuts cutting
curb curbs curbed curbing restrict restricts restricted restricting embargoed withhold withheld
withholds withholding cancel cancels cancelled canceled scrap scrapped scraps end ended ends
tighten tightens tightened tightening controls curbs restrictions limits
""".split())


_TRADE_COMPOUNDS = frozenset("""
deal deals agreement agreements pact pacts talks war wars dispute disputes minister ministers representative
tensions barriers restrictions sanctions ban bans delegation mission policy bloc zone union envoy row spat
""".split())
_CONSUME_STEMS = ("absorb", "buy", "bought", "import", "purchas", "receiv", "consum")
_BLOCKADE_NOUNS = ("links", "borders", "border", "airspace", "ports", "routes", "crossings")
_RAPPROCHEMENT = frozenset({"rapprochement", "reconciliation", "thaw", "breakthrough", "normalisation",
                            "normalization", "detente", "détente"})
_PRIVATE_NOUNS = frozenset("""
firm firms company companies businesses business banks bank entities individuals oligarchs executives
exporters importers traders shipping shipowners tankers vessels conglomerate conglomerates manufacturers
""".split())
_ECONOMIC = frozenset("duties tariffs tariff levies sanctions measures restrictions curbs bans".split())
_TARGET_NOUNS = frozenset("""
targets target sites site positions position bases base forces troops soldiers cities city towns town
villages village facilities facility plants plant infrastructure territory territories ships ship vessels
vessel boat boats aircraft jets drones airfield airfields airport ports port border posts post military army
navy embassy capital regions region areas area units unit convoy convoys camps camp depots depot
installations installation refinery refineries outposts outpost soil waters airspace homes hospital
hospitals factory factories launcher launchers stockpiles warplane warplanes jet bomber bombers helicopter
helicopters
""".split())
# places and units a strike hits (the targets that are not themselves flying weapons)
_SITE_NOUNS = _TARGET_NOUNS - {"drones", "aircraft", "jets", "jet"} | {"production"}
_PACT_NOUNS = frozenset("pact agreement deal treaty accord alliance partnership charter declaration".split())
_JOINTLY = frozenset({"jointly", "together", "joint"})
_PARTICLE_VERBS = frozenset("""
turn turns come comes came go goes went push pushes fight fights fought bring brings brought send sends
sent hit hits strike strikes struck pull pulls fly flies flew flown hold holds held get gets got step
steps roll rolls scale scales cut cuts set sets way ways
""".split())


# "vowed a strong retaliation", "threatened to hit back", "warned of consequences": a threat of response.
_VOW_VERBS = frozenset("""
vow vows vowed vowing promise promises promised promising pledge pledges pledged pledging threaten threatens
threatened threatening warn warns warned warning
""".split())
_RESPONSE_NOUNS = frozenset("""
retaliation retaliations revenge retribution reprisal reprisals response countermeasures counter-measures
consequences
""".split())
_RESPONSE_VERBS = frozenset("retaliate respond avenge punish".split())
_HOSTILE_NOUNS = frozenset("""
attack attacks strike strikes airstrike airstrikes bombing bombings aggression provocation provocations
incursion incursions shelling raid raids assault assaults invasion offensive
""".split())
# Events whose agent an actor criticises when it condemns the event: "condemned the bombing of Y".
_ATTACK_EVENTS = frozenset("""
attack attacks strike strikes airstrike airstrikes bombing bombings invasion offensive incursion raid raids
assault assaults shelling bombardment annexation occupation
""".split())
_STANCE_VERBS = frozenset("""
condemn condemns condemned condemning denounce denounces denounced denouncing criticise criticises criticised
criticising criticize criticizes criticized criticizing deplore deplores deplored deploring decry decries
decried decrying slam slams slammed slamming
""".split())
# Using a foreign-made weapon means its maker's state supplied it: "Russia used Iranian drones".
_USE_VERBS = frozenset("""
use uses used using rely relies relied relying lean leans leaned leant leaning employ employs employed
employing field fields fielded fielding operate operates operated operating
""".split())
# weapons that fly at a target: their state word is a maker or a launcher, not a target
_MUNITIONS = frozenset("""drone drones missile missiles rocket rockets shell shells projectile projectiles uav uavs
shahed shaheds munition munitions warhead warheads bomb bombs""".split())
_SEIZED = frozenset("captured seized stolen abandoned copied downed destroyed intercepted trophy".split())

# Every word the main loop reacts to; others are skipped at once.
RUN_WORDS = frozenset(_INDEX) | LABEL_VERBS | SAY_VERBS | frozenset({"together"}) | _VOW_VERBS | _USE_VERBS


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


class RuleSet:
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
            # Japanese seafood": stopping a flow is a sanction on the other side (relations.md, 3)
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
            if w in LABEL_VERBS or w in SAY_VERBS:
                self._judgement(t)
            if w in _VOW_VERBS:
                self._vowed_response(t)
            if w in _USE_VERBS:
                self._foreign_goods(t)
            if w in _STANCE_VERBS:
                self._event_stance(t)
            trigs = _INDEX.get(w)
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
        if tr.needs_goods and not f.has_goods_near(t):
            if pred == "supplies" and (f.troops_near(t) or f.word_near(t, AID_NOUNS, 10)
                                       or f.word_near(t, frozenset({"$", "€", "£", "dollars", "euros"}), 4)):
                pred = "aids"  # troops sent in support, loans and grants are aid (relations.md, 4)
            else:
                return
        if pred == "vetoesFor":
            self._veto(tr, t)
            return
        if tr.name == "retaliate" and f.word_near(t, _ECONOMIC, 6):
            return  # "retaliate with duties on American goods": the duties are the relation
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
        if subj is not None and len(subj.actors) >= 2 and pred in ("attacks", "supplies", "aids", "sanctions") \
                and f.word_near(t, _JOINTLY, 2, before=3):
            self.emit_pairs(subj, "cooperatesWith", t, conf - 0.1, "jointly")  # "X and Y forces jointly struck"
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
                and not f.word_near(obj.j - 1, _TARGET_NOUNS, 5):
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

    def _munition_of(self, g) -> bool:
        """Whether the state word ``g`` names the maker of munitions rather than a place to hit:
        "Iranian(-made) drones", "Russian cruise missiles", but not "Iranian missile sites"."""
        after = self.f.lowers[g.j:g.j + 4]
        return not _SITE_NOUNS.intersection(after) and bool(_MUNITIONS.intersection(after[:3]))

    def _vowed_response(self, v: int) -> None:
        """ "Sharif vowed a strong retaliation", "Seoul threatened to hit back", "warned of consequences":
        a threat towards whoever the sentence shows attacking, criticising or penalising the speaker."""
        f = self.f
        low = f.lowers
        t = None
        for x in range(v + 1, min(len(low), v + 7)):
            w = low[x]
            if w in _RESPONSE_NOUNS:
                t = x
                break
            if w == "to" and x + 1 < len(low) and (low[x + 1] in _RESPONSE_VERBS or low[x + 1:x + 3] == ["hit", "back"]):
                t = x + 1
                break
            if x in f.group_at or w in (",", ";", "and", "but") or (w in PREPOSITIONS and w != "of"):
                return
        if t is None or (low[v].startswith("warn") and low[t] != "consequences"):
            return
        if low[t] == "consequences" and not low[v].startswith("warn") and low[v][:6] != "threat":
            return  # "promised consequences" is too vague; "warned of consequences" is a threat
        subj = f.subject_left(v)
        if subj is None:
            return
        own = set(subj.actors)
        obj = None
        for g in f.groups_right(t):
            if g.i - t > 8 or not f.same_clause(t, g.i) or set(g.actors) & own:
                break
            before = low[max(t, g.i - 4):g.i]
            if g.prep == "against" or g.prep == "by" and any(w in _HOSTILE_NOUNS for w in before) \
                    or g.possessive and g.j + 1 < len(low) and low[g.j + 1] in _HOSTILE_NOUNS:
                obj = g  # "retaliation against X", "response to attacks by X", "response to X's strikes"
            break
        if obj is None:
            obj = self._fallback_object("threatens", subj, t)
        if obj is not None:
            self.emit(subj, obj, "threatens", t, 0.6, low[t])

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

    def _event_stance(self, v: int) -> None:
        """ "condemned the bombing of Iran's nuclear sites": criticism of the attack's agent, named "by"
        after the event or as the agent of another attack the sentence reports."""
        f = self.f
        low = f.lowers
        x = v + 1
        while x < len(low) and x - v <= 3 and (low[x] in DETERMINERS or low[x].isalpha() and low[x].islower()
                                               and low[x] not in _ATTACK_EVENTS and low[x] not in PREPOSITIONS):
            x += 1
        if x >= len(low) or low[x] not in _ATTACK_EVENTS or x in f.group_at or f.np_subject(x) is not None:
            return
        if x + 1 >= len(low) or low[x + 1] not in ("of", "on", "against", "in"):
            return
        subj = f.subject_left(v)
        target = f.object_right(x, ("of", "on", "against", "in"), window=3)
        if subj is None or target is None:
            return
        own = set(subj.actors) | set(target.actors)
        agent = self._ok_obj(f.object_right(x, ("by",), window=8))
        if agent is None:
            for y in range(len(low)):
                if y != x and low[y] in _ATTACK_EVENTS:
                    g = f.np_subject(y)
                    nominal = g is not None and (g.possessive or g.kinds & {"modifier", "origin", "agent"}
                                                 or g.i > 0 and low[g.i - 1] in DETERMINERS)
                    if nominal and not set(g.actors) & own:
                        agent = g  # "the US strikes ..., while Russia condemned the bombing of Iran's sites"
                        break
        if agent is not None and not set(agent.actors) & own:
            self.emit(subj, agent, "criticizes", v, 0.6, low[v])

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
        envoy_words = ("ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "embassy",
                       "consul", "attaché", "attache", "chargé", "charge")
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
        envoy_words = ("ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "consul",
                       "attaché", "attache", "chargé", "charge")
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

    def _together(self, t: int) -> None:
        """ "Kim and Putin were seen together", "X and Y stood together"."""
        f = self.f
        g = f.subject_left(t)
        if g is not None and len(g.actors) >= 2 and not g.possessive:
            low = f.lowers
            if any(w in ("seen", "appeared", "stood", "sat", "posed", "toured", "attended", "watched",
                         "photographed", "pictured") for w in low[g.j:t]):
                self.emit_pairs(g, "meetsWith", t, 0.7, "together")

    def _private_target(self, obj: Group) -> bool:
        """ "sanctions on Iranian firms": sanctions on companies are not a relation between states
        (relations.md, 3)."""
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

    def _alliance_treaty(self, subj: Group, obj: Group | None, t: int, conf: float) -> None:
        """Signing a partnership or defence treaty also makes allies (relations.md, 6)."""
        f = self.f
        low = f.lowers
        window = [low[x] for x in range(max(0, t - 4), min(len(low), t + 10))]
        if not any(w in ("partnership", "alliance", "defence", "defense", "security") for w in window):
            return
        if not any(w in ("strategic", "partnership", "alliance", "mutual", "defence", "defense") for w in window):
            return
        if obj is not None:
            self.emit(subj, obj, "alliedWith", t, conf - 0.05, low[t])
        elif len(subj.actors) >= 2:
            self.emit_pairs(subj, "alliedWith", t, conf - 0.05, low[t])

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
        - backing or welcoming an agreement supports its parties (relations.md, 8).
        """
        f = self.f
        low = f.lowers
        own = set(subj.actors)
        start = t + 1
        if start < len(low) and low[start] in PREPOSITIONS:
            start += 1  # "concern over the pact": the phrase after the preposition
        np_end = next((x for x in range(start, min(len(low), start + 8)) if low[x] in (",", ";", "as", "and", "for",
                                                                                      "over", "because")), min(len(low), start + 8))
        if any(x in f.group_at and not (pred == "vetoesFor" and f._is_drafter(f.group_at[x]))
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

    def _concern_fallback(self, subj: Group, t: int, conf: float) -> None:
        """ "X expressed concern over potential power imbalances" after a sentence part about Y and Z:
        concern about what those actors do (relations.md: concern about a pact is concern by both)."""
        f = self.f
        low = f.lowers
        if not any(w in ("over", "about", "at", "regarding") for w in low[t + 1:t + 3]):
            return
        pact = self._fallback_object("concernedBy", subj, t)
        if pact is not None:
            self.emit(subj, pact, "concernedBy", t, conf - 0.1, low[t])  # "concern over the pact" (relations.md, 9)
            return
        own = set(subj.actors)
        targets: list[Group] = []
        for g in f.groups:
            if g.j > t or g is subj or id(g) in self.attribution or g.kinds <= {"modifier"} and not g.possessive:
                continue
            if g.prep in ("in", "at") or set(g.actors) & own:
                continue
            targets.append(g)
        for g in targets:
            self.emit(subj, g, "concernedBy", t, conf - 0.1, low[t])

    def _halted(self, t: int) -> int:
        """Index of a halting verb governing the trigger at ``t`` ("halted ... sales"), or 0."""
        low = self.f.lowers
        for x in range(max(0, t - 5), t):
            if low[x] in _HALT_VERBS and self.f.same_clause(x, t):
                return x
        return 0

    def _judgement(self, v: int) -> None:
        """ "Rabat called the decision unjustified", "X said Y's pact damaged peace": criticism.

        With a labelling verb the target is an actor inside the labelled phrase, one named "by"
        after the judgement, or else the subject of an earlier clause (who took the decision).
        With a verb of saying only an actor inside the reported clause counts.
        """
        f = self.f
        low = f.lowers
        label = low[v] in LABEL_VERBS
        speaker = f.subject_left(v)
        if speaker is None:
            return
        end = None
        for x in range(v + 1, min(len(low), v + 16)):
            if low[x] in (";", "?"):
                break
            if low[x] in NEGATIVE_JUDGEMENTS and x not in f.group_at:
                end = x
                break
        if end is None:
            return
        own = set(speaker.actors)
        targets = [g for g in f.groups if v < g.i < end and g.prep in ("", "by") and not set(g.actors) & own
                   and id(g) not in self.attribution]
        targets += [g for g in f.groups if end < g.i <= end + 8 and g.prep == "by" and not set(g.actors) & own]
        if not targets and not label:
            # "said it was a huge disappointment to see Modi hug Putin": the judged actor follows
            targets = [g for g in f.groups if end < g.i <= end + 6 and not g.prep and not set(g.actors) & own][:1]
        if not targets and label and not any(v < g.i < end for g in f.groups):
            earlier = next((g for g in f.groups if g.j <= speaker.i and not g.prep and not g.possessive
                            and not set(g.actors) & own and not g.kinds <= {"modifier"}), None)
            if earlier is not None:
                targets = [earlier]
            elif self.discourse is not None and self.discourse.last_subject and \
                    self.discourse.last_subject not in own and speaker.i == min(g.i for g in f.groups):
                # "Seoul called the curbs reckless": the curbs of the previous sentence's subject
                last = self.discourse.last_subject
                targets = [Group([Span(v, v + 1, last, "coref")], v, v + 1)]
        for g in targets:
            self.emit(speaker, g, "criticizes", v, 0.6, low[v])

    def _in_return(self) -> bool:
        text = " ".join(self.f.lowers)
        return "in return" in text or "in exchange" in text or "in turn" in text

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

    def _noun(self, tr: Trigger, t: int) -> None:
        f = self.f
        pred = tr.predicate
        low = f.lowers
        if tr.needs_goods and not f.has_goods_near(t):
            return
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
        if pred == "tradesWith" and t + 1 < len(low) and low[t + 1] in _TRADE_COMPOUNDS:
            return  # "a trade deal", "trade talks", "a trade war": not trade between them
        conf = tr.confidence - 0.05
        symmetric = pred in SYMMETRIC_PREDICATES
        pair = f.pair_neighbour(t)
        if symmetric and pair is not None:
            self.emit_pairs(pair, pred, t, conf, low[t])
            return
        if symmetric and t + 1 < len(low) and low[t + 1] in ("linking", "uniting", "joining", "among", "of"):
            nxt = f.group_at.get(t + 2) or f.group_at.get(t + 3)
            if nxt is not None and len(nxt.actors) >= 2:
                self.emit_pairs(nxt, pred, t, conf, low[t])
                return
        obj = self._ok_obj(f.object_right(t, tr.obj_preps, window=10))
        if symmetric and obj is not None and obj.between and len(obj.actors) >= 2:
            self.emit_pairs(obj, pred, t, conf, low[t])
            return
        if pred == "alliedWith" and obj is not None and obj.prep == "with" and len(obj.actors) >= 2:
            self.emit_pairs(obj, pred, t, conf - 0.05, low[t])  # "its pact with the US and Britain": a trilateral
        if pred == "supplies" and t > 0 and low[t - 1] in ("took", "take", "takes", "taking", "accepted", "awaits",
                                                          "awaiting", "received", "receives", "receiving"):
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
            thank = next((x for x in range(max(0, t - 8), t) if low[x] in ("thanked", "thanks", "thank", "thanking",
                                                                             "praised", "praises", "hailed")), None)
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
            lv = f.light_verb_before(t, _HALT_VERBS if pred in ("supplies", "aids", "tradesWith") else frozenset())
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
        if obj is None and pred == "sanctions" and t >= 2 and ("despite" in low[t - 3:t] or "under" in low[t - 3:t]):
            target = next((g for g in f.groups_left(t) if g is not subj and not g.prep
                           and not g.kinds <= {"modifier", "origin"}), None)
            if target is not None:
                self.emit(subj, target, pred, t, conf - 0.1, low[t])
            return
        if obj is None and pred == "concernedBy":
            self._concern_fallback(subj, t, conf)
            return
        if obj is None and pred == "sanctions" and self.discourse is not None:
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
                low[x] in ("defence", "defense", "security", "alliance") for x in range(max(0, t - 3), t)):
            self.emit(subj, obj, "alliedWith", t, conf - 0.05, low[t])  # "its mutual defence treaty with X"

    def _veto(self, tr: Trigger, t: int) -> None:
        """ "X vetoed a resolution against Y", "X used its veto to shield Y"."""
        f = self.f
        low = f.lowers
        subj = f.subject_left(t) if tr.pos == "v" else f.np_subject(t)
        if subj is not None and set(subj.actors) <= {"UN", "UNSC"}:
            subj = None
        if subj is None and tr.pos == "n":
            subj = f.subject_left(t)
            while subj is not None and set(subj.actors) <= {"UN", "UNSC"}:
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
            if f._is_drafter(g) or id(g) in self.attribution:
                continue
            if set(g.actors) <= {"UN", "UNSC", "WEST"}:
                continue
            obj = g
            break
        if obj is None:
            obj = self._fallback_object("vetoesFor", subj, t)
        if obj is None:
            return
        self.emit(subj, obj, "vetoesFor", t, tr.confidence, low[t])


