"""Within-document coreference: what "the isolated state", "both nations", "their reports" and
"in return" refer to, from what the document said before.

The model is deliberately small: the states mentioned so far (most recent first), the pair of
actors the last relation or coordination involved, and the last relations themselves.
"""

from __future__ import annotations

import functools
import itertools
from collections import OrderedDict, deque

from ..gazetteer import Gazetteer
from ..model import Relation
from ..predicates import QUAD_CLASSES, SYMMETRIC_PREDICATES
from ..text import Token
from .frames import SentenceFrame
from .lexicon import PAIR_COREF_HEADS, SINGLE_COREF_HEADS, WORDS, neighbours, regions
from .mentions import Span

_CONFLICT_HEADS = WORDS["conflict_heads"]
_CUES = (SINGLE_COREF_HEADS | PAIR_COREF_HEADS | WORDS["coref_cues"] | WORDS["definite_pair_heads"]
         | WORDS["regime_heads"] | WORDS["government_heads"] | WORDS["stance_nouns"])
_REGIME_HEADS = WORDS["regime_heads"]
_IMPLIED_GROUPS = WORDS["implied_groups"]
_NOT_DOCUMENT_DISASTERS = frozenset(WORDS["not_document_disasters"])
_DISASTER_SENTENCES = 4
_IMPLIED_SENTENCES = 5  # how far back the acts that imply a party are looked for
_ANSWERED_ACTS = frozenset(WORDS["answered_acts"])
_STANCE_RELATIONS = frozenset(WORDS["answering_stances"])
_LAUNCHING_VERBS = frozenset(WORDS["launching_verbs"])
_HELP_RELATIONS = frozenset(("aids", "supplies"))
_PERSONAL_ROLES = frozenset(WORDS["personal_roles"])
_TITLED_REFERENCES = frozenset(WORDS["titled_references"])
_SINGLE_HEADS = SINGLE_COREF_HEADS | _REGIME_HEADS
_OBLIQUE = frozenset("in at near over of about on against into from for with to by".split())
_CONFLICT_CONTEXT = WORDS["conflict_context"]
_COOP_CONTEXT = WORDS["coop_context"]
# after a deed noun, a phrase that names its doer or object itself ("the launch by X", "the move against Y")
_DOER_PREPS = frozenset("by of on against between with from".split())
# directed relations that are acts a later "the move" may name, not reactions to acts
_ACTS = frozenset({"sanctions", "attacks", "threatens", "vetoesFor"})
_STATE_FORMS = WORDS["state_forms"]
_OBJECT_PREPS = frozenset({"with", "to", "against", "on", "from", "toward", "towards"})
_COORDINATION = frozenset({"and", ",", "the", "both", "&"})
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those", "its", "their"))
_PRONOUN_VERBS = WORDS["pronoun_verbs"]
_CLAUSE_OPENERS = frozenset(", ; and but after as when while because since before until once".split())
_NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_COOP_HEADS = WORDS["coop_heads"]
_PAIRS_KEPT = 256  # pairs a document's discourse model weighs; the least recently seen go first
_RELATIONS_KEPT = 512  # recent relations kept for back-references ("the deal", "in return")
_ADJ_OK = 4  # adjectives allowed between the determiner and the head ("the small, isolated state")
_NOT_AFTER_SINGLE = WORDS["not_after_single"]
_ACCUSING_FORMS = frozenset(WORDS["accusing_forms"])
_NEIGHBOUR_HEADS = frozenset(("neighbours", "neighbors"))
_PACT_VERBS = WORDS["pact_verbs"]
_REGIONS = regions()
_REGION_WORDS = frozenset(w for phrase in _REGIONS for w in phrase.split())


def _region_of(words: list[str]) -> frozenset[str] | None:
    """The states the region words among a description's modifiers allow ("the Southeast Asian country": those of
    Southeast Asia), or None when they name no region; two-word names first ("central asian")."""
    allowed = None
    m = 0
    while m < len(words):
        if " ".join(words[m:m + 2]) in _REGIONS and m + 1 < len(words):
            hit, m = _REGIONS[" ".join(words[m:m + 2])], m + 2
        elif words[m] in _REGIONS:
            hit, m = _REGIONS[words[m]], m + 1
        else:
            m += 1
            continue
        allowed = hit if allowed is None else allowed & hit
    return allowed
_DEFINITE_PAIR_HEADS = WORDS["definite_pair_heads"]
_GENERIC_AFTER = WORDS["generic_after_head"]
_FIGHTING_NOUNS = WORDS["fighting_nouns"]
_JUDGING_VERBS = WORDS["judging_verbs"]
_ANSWER_NOUNS = frozenset(("retaliation", "response", "revenge", "reprisal", "reprisals"))
_STANCE_NOUNS = WORDS["stance_nouns"]
_STANCE_JUDGING = WORDS["stance_judging_verbs"]
_PEACE_WORDS = WORDS["peace_words"]
_FORCE_WORDS = WORDS["force_words"]
_PARENTHETICAL = WORDS["parenthetical_openers"]
_SECONDARY = WORDS["secondary_markers"]
_GOVERNMENT_HEADS = WORDS["government_heads"]
_SEATED_RULERS = frozenset(WORDS["seated_rulers"])
_OUTCOME_NOUNS = WORDS["outcome_nouns"]
_NOT_MODIFIERS = WORDS["not_modifiers"]
_MUNITIONS = WORDS["munitions"]
_POSTS_ABROAD = WORDS["posts_abroad"]
_SAY_VERBS = WORDS["say_verbs"]
_TALKS_NOUNS = WORDS["talks_nouns"]
_TALKS_COUNTS = WORDS["talks_counts"]
_ATTACK_EVENTS = WORDS["attack_events"]
_JOINT_ACTIVITIES = WORDS["joint_activities"]


_STATE_IDS: dict[int, tuple[Gazetteer, frozenset[str]]] = {}


def _state_ids(gazetteer: Gazetteer) -> frozenset[str]:
    cached = _STATE_IDS.get(id(gazetteer))
    if cached is None or cached[0] is not gazetteer:
        cached = (gazetteer, frozenset(a for a, actor in gazetteer.actors.items() if actor.kind == "state"))
        _STATE_IDS[id(gazetteer)] = cached
    return cached[1]


_CAPITALS: dict[int, tuple[Gazetteer, dict[str, str]]] = {}


def _capitals(gazetteer: Gazetteer) -> dict[str, str]:
    """A state's capital as lowercased, space-separated tokens -> the state."""
    cached = _CAPITALS.get(id(gazetteer))
    if cached is None or cached[0] is not gazetteer:
        from ..text import tokenize

        table = {}
        for a in sorted(gazetteer.actors):
            actor = gazetteer.actors[a]
            if actor.kind == "state" and actor.capital:
                table.setdefault(" ".join(t.text.lower() for t in tokenize(actor.capital)), a)
        cached = (gazetteer, table)
        _CAPITALS[id(gazetteer)] = cached
    return cached[1]


def _person_span(span, low: list[str]) -> bool:
    """Whether a mention names one person acting for a state, whom "he" or "she" may stand for: a leader or official
    by name, or a state's title without one ("Chile's foreign minister", "the Saudi crown prince", "the U.S.
    president")."""
    if span.kind in ("leader", "surname", "person"):
        return True
    if span.kind == "agent":
        return (span.head or "").lower() in _PERSONAL_ROLES
    if span.kind in ("name", "alias") and span.i > 0 and low[span.i - 1] == "the" and any(
            w in _PERSONAL_ROLES for w in low[span.j:span.j + 2]):
        return True  # "the U.S. president", "the Turkish foreign minister"
    return span.kind in ("name", "alias", "capital") and low[span.j:span.j + 1] == ["'s"] and any(
        w in _PERSONAL_ROLES for w in low[span.j + 1:span.j + 4])


def _singular(word: str) -> str:
    """A plural noun's singular as the discourse model compares them ("strikes" -> "strike"; not "press")."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@functools.lru_cache(maxsize=4)
def _event_nouns(engine) -> dict[str, str]:
    """Nouns naming an act a later sentence may refer back to ("the strikes", "the deal"): noun -> relation."""
    acts = engine.lists.get("events", frozenset()) | engine.lists.get("agreements", frozenset())
    out = {}
    for (lem, pos), entries in engine.entries.items():
        if pos == "NOUN" and lem in acts:  # the noun's first reading as an act ("deal": the agreement, not a purchase)
            entry = next((e for e in entries if e.frame in ("event", "mutual") and e.source == "kg"), None)
            if entry is not None:
                out[lem] = entry.relation
    return out


class Discourse:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.org_nouns = frozenset().union(*gazetteer.reference_nouns.values())
        from .engine import load_engine

        engine = load_engine()
        self.relational = engine.lists.get("relational_heads", frozenset())
        self.object_verbs = engine.lists.get("object_pronoun_verbs", frozenset())
        self.event_nouns = _event_nouns(engine)
        # a deed noun -> the relation of the act it may name ("the expulsion": a rupture stated before)
        self.deed_relations = {w: rel for rel, name in (("tensionWith", "deeds_tension"), ("attacks", "deeds_force"),
                                                        ("sanctions", "deeds_sanction"))
                               for w in engine.lists.get(name, ())}
        self.deed_relations.update((w, "aids") for w in WORDS["deeds_aid"])
        self.deed_relations.update({w + "s": r for w, r in list(self.deed_relations.items()) if not w.endswith("s")})
        deeds = engine.lists.get("deeds", frozenset())  # each with its plural ("Ottawa calls the detentions arbitrary")
        self.deeds = deeds | frozenset(w + "s" for w in deeds if not w.endswith("s")) | frozenset(self.deed_relations)
        self.bodies = engine.lists.get("bodies", frozenset()) | frozenset(
            w + "s" for w in engine.lists.get("bodies", ()))
        self.last_event: dict[str, tuple[str, ...]] = {}  # relation -> (subject, object) or the parties, latest
        self.texts: dict[str, tuple[str, ...]] = {}  # an agreement's noun ("declaration", "pact") -> its parties, latest
        self.states = _state_ids(gazetteer)
        self.symmetric = SYMMETRIC_PREDICATES
        self.recent: list[str] = []  # state ids, most recent last
        self.counts: dict[str, int] = {}  # mentions of each state so far
        self.last_pair: tuple[str, str] | None = None
        self.last_leaders: tuple[str, str] | None = None
        self.pair_scores: dict[str, dict[tuple[str, str], float]] = {"": {}, "conflict": {}, "cooperation": {}}
        self.pair_order: OrderedDict[tuple[str, str], None] = OrderedDict()  # least recent first, bounded
        self.recent_orgs: list[str] = []
        self.recent_groups: dict[int, list[str]] = {}  # size -> the last coordinated group of that many states
        self.last_coordinated: tuple[str, str] | None = None  # the last two states joined as a subject
        # the two states the last sentence joined as its subject ("Nigeria and Benin held talks."): what "the two
        # countries" opening the next sentence means, whatever pair the document was about before
        self.subject_pair: tuple[str, str] | None = None
        self.last_person_actor: str | None = None
        self.patron_links: list[tuple[str, tuple[str, str]]] = []  # (patron, (a, b)) from "two US allies"
        self.last_subject: str | None = None
        self.opening_person: str | None = None  # the state of the person the last sentence opened with
        self.titled: dict[str, set[str]] = {}  # a title ("emir") -> the states whose officials the document gave it
        self.relations: deque[Relation] = deque(maxlen=_RELATIONS_KEPT)  # the most recent, for back-references
        self.secondary: set[tuple] = set()  # (document, sentence) whose agreements are secondary ("a separate deal")
        self.act_age = 99  # sentences since one stated an act or referred back to one
        self.act_named = False  # whether the sentence being read refers back to an act
        self.munitions_named = False  # whether the last sentence told of munitions: a later "shot down most of them"
        self.talks_here: tuple[int, tuple[str, str]] | None = None  # "the talks" of this sentence: token, parties
        # (sentence, relation, target) of the acts told, each as its rule read it (the target before a symmetric
        # relation's parties are put in order): what a later act with no named party is aimed at
        self.targets: deque[tuple[int, str, str, str]] = deque(maxlen=_RELATIONS_KEPT)
        self.disasters = engine.lists.get("disasters", frozenset()) - _NOT_DOCUMENT_DISASTERS
        self.disaster_at = -99  # the last sentence that told of a disaster (help sent soon after is for its victims)
        self.disaster_told = False  # whether one of the last few sentences told of one

    # -- reading ---------------------------------------------------------------------------------
    def resolve(self, tokens: list[Token], spans: list[Span], low: list[str]) -> list[Span]:
        """Add spans for descriptions that refer back to earlier actors (``low``: lowercased tokens)."""
        self.talks_here = None
        spans = self._capitals_of_named_states(spans, low)
        spans = self._seated_rulers(tokens, spans, low)
        spans = [s for s in spans if not (s.kind in ("capital", "seat") and s.i >= 2 and low[s.i - 1] == "in"
                                          and low[s.i - 2] in _POSTS_ABROAD and s.j < len(low)
                                          and low[s.j] in _SAY_VERBS)]
        # ("the Chinese embassy in Port Moresby said ...": the post speaks, its host is only where it is)
        events = self._event_words(low)
        if _CUES.isdisjoint(low) and self.relational.isdisjoint(low) and "it" not in low and "them" not in low \
                and "both" not in low and "two" not in low and _NUMBERS.keys().isdisjoint(low) \
                and not events and self.deeds.isdisjoint(low) and _TALKS_NOUNS.isdisjoint(low) \
                and not any(w in self.titled for w in low):
            return spans
        covered = set()
        for s in spans:
            covered.update(range(s.i, s.j))
        out = list(spans)
        n = len(low)
        i = 0
        deed_doer = None
        acts: list[tuple[int, str, str | None]] = []  # back-references to acts: (token, doer, the one it befell)
        salient: list[int] = []  # descriptions resolved to the document's most salient state
        while i < n:
            w = low[i]
            if i in covered:
                i += 1
                continue
            # "each side ... the other", "accusing each other": both members of the pair
            if (w == "each" and i + 1 < n and low[i + 1] in ("side", "country", "nation", "party", "other", "government")) \
                    or (w == "the" and i + 1 < n and low[i + 1] == "other" and any(x == "each" for x in low[:i])) \
                    or (w == "one" and i + 1 < n and low[i + 1] == "another"):
                pair = self._pair_in_sentence(spans, low, i) or self._pair(exclude=(), head=low[i + 1])
                if pair:
                    out.append(Span(i, i + 1, pair[0], "pair"))
                    out.append(Span(i + 1, i + 2, pair[1], "pair"))
                    covered.update(range(i, i + 2))
                    i += 2
                    continue
            if w == "the" and i > 0 and low[i - 1] == "between" and i + 1 < n and low[i + 1] not in _NUMBERS:
                # "a rupture between the Gulf rivals" (not "between the three allies": a group, read below)
                k = i + 1
                while k < n and k - i <= 3 and low[k] not in PAIR_COREF_HEADS and k not in covered \
                        and low[k].isalpha():
                    k += 1
                if k < n and low[k] in PAIR_COREF_HEADS and k not in covered:
                    # ("a rift between the two Central Asian states": a pair of that region)
                    pair = self._regional(self._pair_in_sentence(spans, low, i), low[i + 1:k], low[k], None)
                    if pair:
                        out.append(Span(i, k, pair[0], "pair"))
                        out.append(Span(k, k + 1, pair[1], "pair"))
                        covered.update(range(i, k + 1))
                        i = k + 1
                        continue
            if w == "it" and i > 0 and low[i - 1] in _JUDGING_VERBS and self.act_age <= 1:
                # "... Qatar condemned the strike. The UN called it a violation of Qatar's sovereignty": the act
                # just reported, by its doer
                named = self._states_named(spans, i)  # (the doer may be named, not as the one who judges)
                doer = next((r.subject for r in reversed(self.relations) if r.predicate in _ACTS
                             and self._is_state(r.subject)), None)
                if doer is not None and (not named or named[-1].actor != doer):
                    acts.append((i, doer, self._victim(doer, "")))
                    out.append(Span(i, i + 1, doer, "coref"))
                    covered.add(i)
                    i += 1
                    continue
            if w == "it" and 1 < i < n - 1 and i not in covered and low[i - 1].isalpha() and low[i - 1].endswith("s") \
                    and tokens[i - 1].text.islower() and low[i + 1] in _PACT_VERBS:
                # "deepening a rift with the self-governing Pacific nation over agreements it signed with China": the
                # subject of a clause on a noun is the state named last before it
                target = next((x.actor for x in sorted(out, key=lambda x: -x.i) if x.j <= i and self._is_state(x.actor)
                               and x.kind not in ("modifier", "origin")), None)
                if target is not None:
                    out.append(Span(i, i + 1, target, "coref"))
                    covered.add(i)
                    i += 1
                    continue
            if w == "them" and i > 0 and low[i - 1] == "between" and i not in covered:
                # "Serbia does not recognise Kosovo, and the dispute between them ...": the pair just named
                named = list(dict.fromkeys(s.actor for s in self._states_named(spans, i)))
                pair = self._coordinated_pair(spans, low, i) or (tuple(named) if len(named) == 2 else None) or \
                    self.last_coordinated or self._pair(exclude=())
                if pair:
                    out.append(Span(i, i + 1, pair[0], "pair"))
                    out.append(Span(i, i + 1, pair[1], "pair"))
                    covered.add(i)
                    i += 1
                    continue
            if w in ("it", "them") and i > 0 and (low[i - 1] in ("with", "against", "to", "on", "from", "toward",
                                                                   "towards") or low[i - 1] in self.object_verbs) \
                    and i not in covered:
                # "cut ties with Qatar and shut their links with it": the last state object before it
                target = next((s.actor for s in reversed(spans) if s.j <= i and self._is_state(s.actor)
                               and s.i > 0 and low[s.i - 1] in ("with", "against", "to", "on", "from")), None)
                if target is None and low[i - 1] in self.object_verbs and spans:
                    # "Serbia is Kosovo's biggest trading partner, selling it ...": the last state before it
                    # that is not the one the sentence is about
                    target = next((s.actor for s in reversed(spans) if s.j <= i and self._is_state(s.actor)
                                   and s.actor != spans[0].actor), None)
                if target is not None:
                    out.append(Span(i, i + 1, target, "coref"))
                    covered.add(i)
                    i += 1
                    continue
            if w in _NUMBERS and _NUMBERS[w] >= 3 and i + 1 < n:
                k = i + 1  # "the three Sahel states": up to two modifiers before the head
                while k < n and k - i <= 2 and low[k] not in PAIR_COREF_HEADS and low[k].isalpha() and k not in covered:
                    k += 1
                members = None
                if k < n and low[k] in PAIR_COREF_HEADS:
                    members = self._group_in_sentence(spans, low, i, _NUMBERS[w]) or self._listed_group(
                        spans, low, i, _NUMBERS[w]) or self.recent_groups.get(_NUMBERS[w])
                elif i > 0 and low[i - 1] in ("the", "all", "these", "those") and i - 1 not in covered and (
                        i + 1 == n or low[i + 1] in ("of", "for", "over", "to", ".", ",", "at", "in")) and (
                        listed := self._listed_group(spans, low, i, _NUMBERS[w])):
                    members = listed  # "The leaders of Kenya, Uganda and Tanzania ..., with Kigali accusing the three
                    # of ...": the list of as many states before it in the sentence
                    for offset, actor in enumerate(members):
                        out.append(Span(i - 1 if offset == 0 else i, i if offset == 0 else i + 1, actor, "pair"))
                    covered.update(range(i - 1, i + 1))
                    i += 1
                    continue
                elif i > 0 and low[i - 1] == "the" and i - 1 not in covered and self._pronoun_follows(low, i + 1):
                    members = self.recent_groups.get(_NUMBERS[w])  # "The seven said ...": the last group of seven
                    if members:
                        for offset, actor in enumerate(members):
                            out.append(Span(i - 1 if offset == 0 else i, i if offset == 0 else i + 1, actor, "pair"))
                        covered.update(range(i - 1, i + 1))
                        i += 1
                        continue
                if members:  # "its four neighbours": the last group of four states
                    if k < n and low[k] == "allies" and i > 0 and low[i - 1] == "the":
                        # "the first summit between the three allies": allies of one another
                        self.patron_links.extend((a, tuple(members[m + 1:])) for m, a in enumerate(members[:-1]))
                    for offset, actor in enumerate(members):
                        out.append(Span(i if offset == 0 else k, k if offset == 0 else k + 1, actor, "pair"))
                    covered.update(range(i, k + 1))
                    i = k + 1
                    continue
            if w in ("him", "her") and i > 0 and low[i - 1] in self.object_verbs and i + 1 < n \
                    and low[i + 1] in ("of", "for") and i not in covered:
                # "imposed sanctions on Rwanda's minister, James Kabarebe, accusing him of ...": the person just named
                person = self._last_person(spans, low, i)
                if person is not None:
                    out.append(Span(i, i + 1, person, "coref"))
                    covered.add(i)
                    i += 1
                    continue
            if w in ("he", "she") and (i == 0 or low[i - 1] in (",", "and", "that", "while", "as", "when", "where",
                                                                 "after", "before", "because", "but", "since")):
                person = self.opening_person if i == 0 and self.opening_person is not None else self._last_person(
                    spans, low, i)  # ("Fiji's prime minister met his Australian counterpart. He thanked ...": the one
                # the last sentence opened with, not the last person it named)
                if person is not None:
                    out.append(Span(i, i + 1, person, "coref"))
                    covered.add(i)
                    i += 1
                    continue
            if w == "the" and i + 1 < n and (title := self._titled_reference(tokens, low, i, covered)) is not None:
                # "Qatar's emir received a call from ... The emir also spoke to ...": the one state with such an
                # official
                out.append(Span(i, title + 1, next(iter(self.titled[low[title]])), "coref"))
                covered.update(range(i, title + 1))
                i = title + 1
                continue
            if w == "the" and i + 1 < n and low[i + 1] in self.org_nouns and tokens[i + 1].text.islower():
                here_orgs = [s.actor for s in spans if s.j <= i and s.actor in self.gazetteer.actors
                             and self.gazetteer.actors[s.actor].kind == "organization"]
                refs = self.gazetteer.reference_nouns  # "the alliance" after NATO (kg:referenceNoun)
                org = next((a for a in reversed(self.recent_orgs + here_orgs) if low[i + 1] in refs.get(a, ())), None)
                if org is not None and (i + 2 >= n or low[i + 2] not in ("between", "with", "of")):
                    out.append(Span(i, i + 2, org, "coref"))
                    covered.update((i, i + 1))
                    i += 2
                    continue
            if (w == "both" and i == 0 or w == "the" and i + 1 < n and low[i + 1] == "two") and i + 2 < n \
                    and self._pronoun_follows(low, i + (1 if w == "both" else 2)):
                # "Both condemned the launch", "the two later agreed to ...", "trade between the two": the pair
                # the sentence or the last one joined
                pair = self._coordinated_pair(spans, low, i) or self.last_coordinated or self._pair(exclude=())
                if pair:
                    j = i + (1 if w == "both" else 2)
                    out.append(Span(i, j - 1 if j - 1 > i else i + 1, pair[0], "pair"))
                    out.append(Span(j - 1, j, pair[1], "pair"))
                    covered.update(range(i, j))
                    i = j
                    continue
            if w in ("both", "two") or (w == "the" and i + 1 < n and low[i + 1] == "two"):
                k = i + 1 if w != "the" else i + 2
                start_head = k
                patron = None
                while k < n and k - start_head < _ADJ_OK + 2 and low[k] not in PAIR_COREF_HEADS \
                        and (low[k].isalpha() and (tokens[k].text[:1].islower() or k not in covered) or low[k] == "-"
                             or k in covered and patron is None):  # "the two former Soviet republics"
                    if k in covered:
                        # "two US allies": the allies of the US
                        patron = next(s for s in spans if s.i <= k < s.j)
                        k = patron.j
                        continue
                    k += 1
                absorbed = None
                if k < n and low[k] in PAIR_COREF_HEADS and k not in covered:
                    if patron is not None and low[k] not in ("allies", "partners"):
                        if patron.kind != "modifier":
                            i = k + 1
                            continue
                        # "the two South American neighbours": an adjective of the description, not a patron
                        absorbed, patron = patron, None
                    before = self._states_before(spans, low, i)
                    owner = None
                    if i > 0 and low[i - 1] in ("its", "their") and before:
                        owner = before[-1]
                        before = before[:-1]  # "Washington applauded ... its two partners": not Washington
                    if patron is not None:
                        before = [a for a in before if a != patron.actor]
                    pair = (before[-2], before[-1]) if len(before) >= 2 else None
                    coordinated = self._coordinated_pair(spans, low, i)
                    if coordinated and patron is None and (i == 0 or low[i - 1] not in ("its", "their")):
                        pair = coordinated  # "the leaders of Armenia and Azerbaijan met Trump ... the two countries"
                    if low[k] == "leaders" and patron is None:
                        # "Muizzu held talks with Modi, and the two leaders ...": the people just named, even
                        # as objects, whatever states the sentence named in between
                        people = [s.actor for s in spans if s.j <= i and s.kind in ("leader", "surname", "person")
                                  and self._is_state(s.actor)]
                        people = list(dict.fromkeys(reversed(people)))[:2]
                        if len(people) == 2:
                            pair = (people[1], people[0])
                    if pair is None and patron is None and (i == 0 or low[i - 1] not in ("its", "their")):
                        # "Tinubu held talks with Li Qiang, and the two governments signed ...": the two states the
                        # sentence has named so far, as subjects or objects
                        named = list(dict.fromkeys(s.actor for s in self._states_named(spans, i)))
                        if len(named) == 2:
                            pair = (named[0], named[1])
                    if pair is None and low[k] == "leaders" and self.last_leaders:
                        pair = self.last_leaders
                    if pair is None and patron is None and not before and self._subject_pair(low[k]) and (
                            i == 0 or low[i - 1] not in ("its", "their")):
                        pair = self.subject_pair
                    pair = self._regional(pair, low[start_head:k], low[k], low[max(0, i - 4):k + 8],
                                          acting=set(self._states_before(spans, low, i)) if w == "both" and i > 0
                                          and low[i - 1] not in ("between", "of", "and", ",", "for") else set())
                    if pair and patron is not None and patron.actor in pair:
                        pair = None
                    if pair and patron is not None and patron.actor in self.gazetteer.members \
                            and not set(pair) <= self.gazetteer.members[patron.actor]:
                        pair = None  # "the two NATO allies": two members of NATO, not any pair of the story
                    if pair and absorbed is not None and absorbed.actor in pair:
                        pair = None
                    if pair and patron is None and owner is not None and low[k] == "allies" and owner not in pair \
                            and low[i - 1] == "its":
                        self.patron_links.append((owner, pair))  # "Washington hailed ... its two allies"
                    if pair:
                        if patron is not None and self._is_state(patron.actor):
                            self.patron_links.append((patron.actor, pair))
                        elif patron is not None and low[k] == "allies":  # "the two NATO allies": of each other
                            self.patron_links.append((pair[0], pair[1:]))
                        elif low[k] == "allies" and owner is None and w == "the" and absorbed is None:
                            self.patron_links.append((pair[0], pair[1:]))  # "The two allies pledged ...": the same
                        if patron is not None or absorbed is not None:
                            out.remove(patron or absorbed)  # "two US allies" stands for the pair; the US link is kept aside
                        a, b = pair
                        out.append(Span(i, k, a, "pair"))
                        out.append(Span(k, k + 1, b, "pair"))
                        covered.update(range(i, k + 1))
                        i = k + 1
                        continue
            if w in ("the", "these", "those") and i + 1 < n and low[i + 1] not in ("two", "both"):
                # "The neighbours agreed ...", "warned the pair", "those nations": the pair named in the sentence,
                # else the pair the document is about, without the states acting on it here
                k = i + 1
                while k < n and k - i <= _ADJ_OK and low[k] not in PAIR_COREF_HEADS and low[k] not in \
                        _DEFINITE_PAIR_HEADS and (low[k].isalpha() or low[k] == "-") and k not in covered \
                        and low[k] not in SINGLE_COREF_HEADS and low[k] not in _NOT_MODIFIERS:
                    k += 1
                head = low[k] if k < n else ""
                if head and k not in covered and tokens[k].text[:1].islower() and (
                        head in _DEFINITE_PAIR_HEADS or w != "the" and head in PAIR_COREF_HEADS) and (
                        k + 1 >= n or low[k + 1] not in (_GENERIC_AFTER if w != "the" else ("of", "'s", "'"))):
                    pair = self._coordinated_pair(spans, low, i)
                    if pair is None:
                        acting = {s.actor for s in self._states_named(spans, i)}
                        if not acting and self._subject_pair(head):
                            pair = self.subject_pair
                        else:
                            pair = self._pair(exclude=acting, head=head, context=low[max(0, i - 4):k + 8])
                    if pair:
                        out.append(Span(i, k, pair[0], "pair"))
                        out.append(Span(k, k + 1, pair[1], "pair"))
                        covered.update(range(i, k + 1))
                        i = k + 1
                        continue
            if w == "the" and i + 2 < n and low[i + 1] in _TALKS_NOUNS and i + 1 not in covered \
                    and low[i + 2] not in ("between", "with", "among", "of"):
                parties = self._talks_parties({s.actor for s in spans})
                if parties:  # "Z, who chaired the talks": the talks of the pair that met or agreed
                    self.talks_here = (i + 1, parties)
                    out.append(Span(i, i + 1, parties[0], "pair"))
                    out.append(Span(i + 1, i + 2, parties[1], "pair"))
                    covered.update((i, i + 1))
                    i += 2
                    continue
            if w == "of" and i > 0 and low[i - 1] in _TALKS_COUNTS and i + 2 < n and low[i + 1] in _TALKS_NOUNS \
                    and low[i + 2] not in ("between", "with", "among") and self.talks_here is None:
                parties = self._talks_parties({s.actor for s in spans})
                if parties:  # "followed four days of talks chaired by ...": the same, as a length of talks
                    self.talks_here = (i + 1, parties)
            if w in ("the", "these", "those", "this", "that") and events and i + 1 < n:
                k = i + 1
                named_after = None  # "the Ankara declaration": a text named after the city it was signed in
                while k < n and k - i <= 3 and low[k] not in events and (
                        k not in covered and (low[k].isalpha() or low[k] == "-") and tokens[k].text[:1].islower()
                        and low[k] not in _DETERMINERS
                        or k + 1 < n and low[k + 1] in events and events[low[k + 1]] == "agreesWith"
                        and tokens[k].text[:1].isupper() and (k not in covered or any(
                            x.i == k and x.j == k + 1 and x.kind in ("capital", "place", "seat") for x in spans))):
                    if k in covered:
                        named_after = k
                    k += 1
                if k < n and low[k] in events and k not in covered and tokens[k].text[:1].islower() and (
                        k + 1 >= n or low[k + 1] not in ("by", "of", "on", "against", "between", "with", "from")
                        or low[k + 1] == "with" and not any(s.i in (k + 2, k + 3) for s in spans)):
                    # ("watching the exercises with grave concern": no partner named after them)
                    # "... Israel struck Hezbollah targets in Lebanon. Beirut condemned the strikes": the doer
                    # of the last act of that kind; an agreement names both its parties (decision 23)
                    relation = events[low[k]]
                    noun = _singular(low[k])
                    remembered = self.texts.get(noun) if relation == "agreesWith" and noun in self.texts else \
                        self.last_event[relation]
                    subject = remembered[0]
                    here = {s.actor for s in spans if s.j <= i}  # (not a state a later clause names, unless
                    named = set(remembered) <= {s.actor for s in spans}  # it names them all itself)
                    if named_after is not None:
                        out = [x for x in out if not (x.i == named_after and x.j == named_after + 1)]
                        here -= {x.actor for x in spans if x.i == named_after}
                    if relation in self.symmetric and not (set(remembered) & here) and not named:
                        # the parties as adjacent pair spans: the parser's phrase names them all
                        for m, actor in enumerate(remembered):
                            out.append(Span(i if m == 0 else k, k if m == 0 else k + 1, actor, "pair"))
                        covered.update(range(i, k + 1))
                        i = k + 1
                        continue
                    lead = spans[0].actor if spans else None  # the sentence's first actor: often who speaks
                    others = [a for a in remembered if a != lead]
                    if relation in self.symmetric and lead in remembered and len(others) == 1:
                        # "Moroccan Foreign Minister Nasser Bourita hailed the visit": the other party
                        out.append(Span(i, k + 1, others[0], "coref"))
                        covered.update(range(i, k + 1))
                        i = k + 1
                        continue
                    if relation not in self.symmetric:
                        acts.append((i, subject, remembered[1] if len(remembered) > 1 else None))
                        out.append(Span(i, k + 1, subject, "coref"))
                        covered.update(range(i, k + 1))
                        i = k + 1
                        continue
            judged = i > 0 and (low[i - 1] in _JUDGING_VERBS or low[i - 1] in _STANCE_JUDGING)
            deeds = self.deeds | _STANCE_NOUNS if judged and w in ("the", "this") else self.deeds
            if (w in ("the", "this", "that") or w == "a" and i > 0 and low[i - 1] == ",") and i + 1 < n \
                    and not deeds.isdisjoint(low[i + 1:i + 4]):  # (", a move Beijing condemned": an apposition)
                k = i + 1
                while k < n and k - i <= 2 and low[k] not in deeds and low[k].isalpha() and low[k] not in _DETERMINERS \
                        and tokens[k].text[:1].islower() and k not in covered:  # ("that denounced the attack")
                    k += 1
                if k < n and low[k] in deeds and k not in covered and tokens[k].text[:1].islower() and (
                        k + 1 >= n or low[k + 1] not in _DOER_PREPS):
                    # "North Korea test-fired a missile. Tokyo and Seoul condemned the launch": who did the deed
                    doer = deed_doer or (self._apposed_doer(spans, low, i, k) if w == "a" else self._doer(spans, low, i, low[k]))
                    if doer is not None:
                        acts.append((i, doer, self._victim(doer, low[k])))
                        deed_doer = doer  # "called the deployment a provocation, and Brazil voiced concern over the move"
                        out.append(Span(i, k + 1, doer, "coref"))
                        covered.update(range(i, k + 1))
                        i = k + 1
                        continue
            verb_at = 2 if n > 2 and (low[1] in ("also", "then", "later", "again", "meanwhile", "subsequently") or (
                low[1].endswith("ly") and low[1] != "only")) else 1  # "It also closed its airspace to ..."
            if i == 0 and n > verb_at and self.last_subject is not None and spans and spans[0].i > 1 and (
                    w == "it" and (low[verb_at].endswith("ed") or low[verb_at] in _PRONOUN_VERBS)
                    or w in ("its", "their") and self._body_follows(low, 1)):
                # "... Beijing announced a ban. It accused Japan of ...", "Its foreign ministers expressed alarm":
                # the last sentence's subject
                out.append(Span(0, 1, self.last_subject, "coref"))
                covered.add(0)
                i = 1
                continue
            if i == 0 and w == "the" and n > 2 and low[1] in _GOVERNMENT_HEADS and 1 not in covered \
                    and low[2] not in ("of", "in", "at", "'s", "'") and self.last_subject is not None \
                    and self._is_state(self.last_subject) and tokens[1].text[:1].islower():
                # "... Khartoum's army-led government has deepened ties with Moscow. The government has also
                # accused ...": the state the last sentence was about
                out.append(Span(0, 2, self.last_subject, "coref"))
                covered.update((0, 1))
                i = 2
                continue
            if w == "its" and i > 2 and low[i - 1] in ("on", "of", "against") and low[i - 2] in _ATTACK_EVENTS:
                # "a response to Russia's bombing of its power grid", "after US strikes on its nuclear sites": not the
                # doer's own, but the last state the sentence named before the deed (not as a modifier)
                doer = next((s for s in spans if s.j in (i - 2, i - 3) and s.j <= i - 2
                             and all(x == "'s" for x in low[s.j:i - 2])), None)
                named = [s for s in spans if s.j <= i - 2 and doer is not None and s.actor != doer.actor
                         and s.kind not in ("modifier", "origin") and self._is_state(s.actor)]
                # in retaliation for the deed, the one who retaliates suffered it: the sentence's first state ("Iran
                # fired missiles at Qatar in retaliation for American raids on its nuclear plants")
                answer = any(x in _ANSWER_NOUNS for x in low[:i - 2])
                target = None if not named else (named[0] if answer else named[-1]).actor
                if target is not None:
                    out.append(Span(i, i + 1, target, "coref"))
                    covered.add(i)
                    i += 1
                    continue
            if w in ("its", "their", "his", "her") and i > 0 and i + 1 < n:
                k = i + 1
                while k < n and k - i <= _ADJ_OK + 2 and low[k] not in self.relational and (
                        low[k] == "-" or low[k].isalpha() and tokens[k].text[:1].islower()) and k not in covered:
                    k += 1
                starts = {s.i for s in spans}
                appositive = k + 2 < n and low[k + 1] == "," and (low[k + 2] == "the" or tokens[k + 2].text[:1].isupper())
                if k < n and low[k] in self.relational and tokens[k].text[:1].islower() and k not in covered \
                        and k + 1 not in starts and not appositive:  # "its arch-foe, the PKK" names it
                    # "India threw its cash-strapped neighbour a lifeline", "accusing its neighbour of meddling":
                    # another state than the owner, named earlier in the sentence or salient in the document
                    states = [s for s in spans if s.j <= i and self._is_state(s.actor) and s.kind not in ("modifier",)]
                    subjects = self._states_before(spans, low, i)  # the owner: the subject-like state, not an oblique one
                    owner = subjects[0] if subjects else (states[-1].actor if states else None)
                    if w in ("his", "her"):  # "Noboa ..., accusing his neighbour of ...": the person's state
                        owner = self._last_person(spans, low, i)
                    earlier = [s.actor for s in states if s.actor != owner]
                    # not a state the sentence names after it: "between its northern neighbour and Moscow"
                    later = {s.actor for s in spans if s.i > k}
                    partner = None
                    if self.last_pair and owner in self.last_pair:  # the other party of the pair the document is about
                        partner = next(a for a in self.last_pair if a != owner) if len(set(self.last_pair)) == 2 else None
                    between = k + 1 < n and "and" in low[k + 1:k + 3]  # "between its neighbour and Moscow"
                    target = earlier[-1] if earlier else (
                        partner if partner and not (between and partner in later)
                        else self._single(exclude={owner, *later} - {None}))
                    if owner and target and target != owner:
                        out.append(Span(i, k + 1, target, "coref"))
                        covered.update(range(i, k + 1))
                        i = k + 1
                        continue
            if w in ("the", "this") and i + 1 < n:
                k = i + 1
                while k < n and k - i <= _ADJ_OK + 2 and low[k] not in _SINGLE_HEADS and (
                        low[k] == "-" or low[k].isalpha() and (tokens[k].text[:1].islower() or low[k] in _REGION_WORDS)) \
                        and k not in covered:  # ("the self-governing Pacific nation")
                    k += 1
                named_after = k + 2 < n and low[k + 1] in ("in", "of", "at") and any(s.i == k + 2 for s in spans)
                accused = i > 0 and low[i - 1] in _ACCUSING_FORMS and k + 1 < n and low[k + 1] == "of"
                if k < n and low[k] in _SINGLE_HEADS and tokens[k].text[:1].islower() and k not in covered \
                        and (k + 1 >= n or low[k + 1] not in _NOT_AFTER_SINGLE or accused) and not named_after:
                    # ("accused the Nordic country of harbouring ...": the "of" is the accusation's)
                    # ("the junta in Bamako" is named by its seat)
                    # a state named earlier in this sentence, across a comma, is the likeliest referent
                    # ("X is receiving technology, helping the isolated state advance"); one in the same
                    # simple clause is not ("Ethiopia criticised the isolated state")
                    target = None
                    named = self._states_named(spans, i)
                    if low[k] in _STATE_FORMS:  # "the kingdom": only a state whose official name has that form
                        named = [s for s in named if self._has_form(s.actor, low[k])]
                    region = _region_of(low[i + 1:k])  # "the Baltic state": only a state of that region
                    if region is not None:
                        named = [s for s in named if s.actor in region]
                    for m in range(len(named) - 1, -1, -1):
                        s = named[m]
                        if "," in low[s.j:i] and (s.i == 0 or low[s.i - 1] not in ("in", "at", "near")):
                            target = s.actor
                            if s.j + 1 < n and low[s.j] == "," and low[s.j + 1] in _PARENTHETICAL:
                                # "Moscow, which delivered vehicles to the country": a relative clause on the
                                # state does not refer to it, but to the state before it; "France, whose envoy
                                # was expelled, withdrew troops from the country": nor does its main clause (a
                                # participle does: "protested to Beijing, accusing the country of ...")
                                relative = s.j + 1 < n and low[s.j + 1] in ("which", "who") and "," not in low[s.j + 1:i]
                                earlier = [x.actor for x in named[:m] if x.actor != s.actor]
                                tag = next((x for x in range(s.j + 1, min(i, s.j + 10)) if low[x] == ","), None)
                                if not relative and tag is not None and any(w in _SAY_VERBS for w in low[s.j + 1:tag]):
                                    pass  # "funding to the Cook Islands, its ministry said, deepening a rift with the
                                    # nation": a speech tag between, the state before it is still the one meant
                                else:
                                    target = earlier[-1] if relative and earlier else None
                        break
                    if target is None and i > 0 and low[i - 1] in _OBJECT_PREPS and len(named) >= 2 \
                            and named[-1].i > 0 and low[named[-1].i - 1] in _OBJECT_PREPS \
                            and named[-1].actor != named[0].actor:
                        # "suspended its treaty with Spain and froze trade with the country": the state the
                        # sentence's subject acted on just before
                        target = named[-1].actor
                    exclude = {s.actor for s in spans if s.j <= i}
                    if target is None and i == 0 and low[k] in _REGIME_HEADS and self.last_subject is not None \
                            and self._is_state(self.last_subject):
                        target = self.last_subject  # "X's rulers expelled ... . The junta has since turned to ..."
                    if target is None and region is not None and i == 0 and self.last_subject in region:
                        target = self.last_subject  # "X ... . The Gulf state has since ...": the subject before
                    if target is None:
                        target = self._single(exclude=exclude if region is None else exclude | (
                            set(self.recent) - region), head=low[k])
                        if target:
                            salient.append(i)
                    if target:
                        out.append(Span(i, k + 1, target, "coref"))
                        covered.update(range(i, k + 1))
                        i = k + 1
                        continue
            i += 1
        self.act_named = bool(acts)
        if acts and salient:
            # "The island's government condemned the exercises": who reacts to an act is not its doer but the one
            # it befell
            for m, span in enumerate(out):
                if span.i in salient and span.kind == "coref":
                    victim = next((v for (t, doer, v) in acts if t > span.i and doer == span.actor and v
                                   and v != doer and self._is_state(v)), None)
                    if victim is not None:
                        out[m] = Span(span.i, span.j, victim, "coref")
        return sorted(out, key=lambda s: s.i)

    def _talks_parties(self, named: set[str]) -> tuple[str, str] | None:
        """The two states of the last talks the document told of, else of its last agreement, when the sentence
        names neither."""
        for relation in ("meetsWith", "agreesWith"):
            parties = self.last_event.get(relation)
            if parties is not None:
                if len(parties) == 2 and all(self._is_state(a) for a in parties) and named.isdisjoint(parties):
                    return parties[0], parties[1]
                return None
        return None

    def _victim(self, doer: str, deed: str) -> str | None:
        """The state the doer's last act of a deed's kind (or its last act) befell."""
        relation = self.deed_relations.get(deed)
        if relation in self.last_event and self.last_event[relation][0] == doer and relation not in self.symmetric \
                and len(self.last_event[relation]) > 1:
            return self.last_event[relation][1]
        return next((r.object for r in reversed(self.relations) if r.predicate in _ACTS and r.subject == doer), None)

    @staticmethod
    def _seated_rulers(tokens: list[Token], spans: list[Span], low: list[str]) -> list[Span]:
        """ "accusing the junta in Bamako of ...", "the authorities in Kinshasa": the rulers a capital seats are its
        state, as one mention (the parser often hangs "in Bamako" on the verb, leaving the rulers no state)."""
        if _SEATED_RULERS.isdisjoint(low):
            return spans
        out = list(spans)
        for m, s in enumerate(spans):
            if s.kind != "capital" or s.i < 3 or low[s.i - 1] != "in" or low[s.i - 2] not in _SEATED_RULERS \
                    or not tokens[s.i - 2].text[:1].islower():
                continue
            start = s.i - 3
            while start >= 0 and low[start] != "the" and s.i - 2 - start <= 2 and low[start].isalpha() \
                    and tokens[start].text[:1].islower():
                start -= 1  # ("the military rulers in Niamey": up to two modifiers)
            if start >= 0 and low[start] == "the" and not any(x.i < s.i - 1 and x.j > start for x in spans):
                out[m] = Span(start, s.j, s.actor, "alias")
        return out

    def _capitals_of_named_states(self, spans: list[Span], low: list[str]) -> list[Span]:
        """A city that seats an organization and is the capital of a state the sentence has named stands for that
        state: "broke off relations with Belgium, accusing Brussels of ..." (not the EU)."""
        if not any(s.kind in ("seat", "capital") and not self._is_state(s.actor) for s in spans):
            return spans
        capitals = _capitals(self.gazetteer)
        out = list(spans)
        for m, s in enumerate(spans):
            if s.kind in ("seat", "capital") and not self._is_state(s.actor):
                state = capitals.get(" ".join(low[s.i:s.j]))
                if state is not None and any(x.actor == state and x.j <= s.i and x.kind not in ("modifier", "origin")
                                             for x in spans):
                    out[m] = Span(s.i, s.j, state, "capital")
        return out

    def _group_in_sentence(self, spans: list[Span], low: list[str], i: int, size: int) -> list[str] | None:
        """ "Australia signed a pact with the US and Britain ..., Beijing, which accuses the three partners of ...":
        the states the sentence named before token ``i``, but the one a relative clause ending there is about,
        when they are as many as the description says."""
        named = self._states_named(spans, i)
        if named and named[-1].j + 1 < i and low[named[-1].j] == "," and low[named[-1].j + 1] in ("which", "who"):
            named = [s for s in named if s.actor != named[-1].actor]
        distinct = list(dict.fromkeys(s.actor for s in named))
        return distinct if len(distinct) == size else None

    def _listed_group(self, spans: list[Span], low: list[str], i: int, size: int) -> list[str] | None:
        """The last list of exactly ``size`` states before token ``i`` ("Kenya, Uganda and Tanzania"):
        state names joined only by commas and "and" (a pair of clauses joined by ", and" is a list of two)."""
        named = self._states_named(spans, i)
        runs: list[list[Span]] = []
        for s in named:
            if runs and all(w in (",", "and") for w in low[runs[-1][-1].j:s.i]) and s.i > runs[-1][-1].j:
                runs[-1].append(s)
            else:
                runs.append([s])
        for run in reversed(runs):
            actors = list(dict.fromkeys(s.actor for s in run))
            if len(actors) == size and any(low[s.i - 1] == "and" for s in run[1:] if s.i > 0):
                return actors
        return None

    def _regional(self, pair, modifiers: list[str], head: str, context, acting: set[str] = frozenset()
                  ) -> tuple[str, str] | None:
        """``pair`` when the description's region words (``modifiers``: "the two Central Asian states") allow it,
        else the document's pair of that region (of any region when the description names none), without the states
        ``acting`` on it in the sentence ("The Taliban administration thanked both neighbours": the states named before
        "both" right after a verb)."""
        region = _region_of(modifiers)
        if pair and region is not None and not set(pair) <= region:
            pair = None
        return pair or self._pair(exclude=set(acting) | (set() if region is None else set(self.recent) - region),
                                  head=head, context=context)

    def _pronoun_follows(self, low: list[str], k: int) -> bool:
        """Whether "both" or "the two" at ``k`` stands alone: a verb, an auxiliary, an adverb or the end of the
        clause follows, not a noun it determines."""
        if k >= len(low):
            return True
        nxt = low[k]
        return nxt in _NOT_MODIFIERS or nxt in _CLAUSE_OPENERS or nxt in (".", "?", "!", ":") \
            or nxt.endswith("ed") or nxt.endswith("ly") or nxt in _PRONOUN_VERBS

    def _states_named(self, spans: list[Span], i: int) -> list[Span]:
        """The mentions before token ``i`` that name a state acting, not as an adjective ("Chinese drills")."""
        return [s for s in spans if s.j <= i and self._is_state(s.actor) and s.kind not in ("modifier", "origin")]

    def _body_follows(self, low: list[str], k: int) -> bool:
        """Whether a state's body ("foreign ministers", "government", "army") follows at ``k``, after at most two
        modifiers."""
        return any(w in self.bodies for w in low[k:k + 3])

    def _doer(self, spans: list[Span], low: list[str], i: int, deed: str) -> str | None:
        """Who did a deed a definite noun names ("the launch", "the move"): the doer of the last act of its kind
        ("the expulsion" after a rupture: the party not reacting now); else the first state of the sentence when
        another state reacts to it later in the sentence ("North Korea fired a missile, and Japan condemned the
        launch"); else the subject of the sentence before."""
        states = self._states_named(spans, i)
        before = list(dict.fromkeys(s.actor for s in states))
        relation = self.deed_relations.get(deed)
        if relation in self.last_event:
            parties = [a for a in self.last_event[relation] if a not in before]
            if parties:
                return parties[0]
        for r in reversed(self.relations):  # the last act stated (not a reaction to one): "denounced the move"
            if r.predicate in _ACTS and self._is_state(r.subject) and r.subject not in before and (
                    relation is None or r.predicate == relation):  # ("the expulsion": not a later aid)
                return r.subject
        coordinated = all(set(low[a.j:b.i]) <= _COORDINATION for a, b in zip(states, states[1:]))
        if len(before) >= 2 and not coordinated:  # ("Tokyo and Seoul condemned the launch": one group reacts)
            return before[0]
        if self.last_subject is not None and self._is_state(self.last_subject) and self.last_subject not in before:
            return self.last_subject
        return None

    def _apposed_doer(self, spans: list[Span], low: list[str], i: int, k: int) -> str | None:
        """Who did the deed an apposition names and another state judges: "Tokyo began releasing the water, a step
        Beijing described as selfish", "Washington announced controls, a move China condemned": the last state
        acting in the sentence before it that is not the judge."""
        judge = next((s.actor for s in spans if s.i > k), None)
        if judge is None:
            return None
        doers = [a for a in self._states_before(spans, low, i) if a != judge]
        # a state that begins a clause, not one acted on ("Mongolia did not arrest Putin, a decision Kyiv ...")
        leading = {s.actor for s in spans if s.j <= i and (s.i == 0 or low[s.i - 1] in _CLAUSE_OPENERS)}
        return next((a for a in reversed(doers) if a in leading), doers[-1] if doers else None)

    def _note_title(self, span: Span, low: list[str]) -> None:
        """Remember the title a mention of one official gives its state's official: in the name ("Qatari Emir Sheikh
        Tamim"), just before it ("President Trump"), or just after it ("Qatar's emir", "the U.S. president")."""
        j = span.j + 1 if low[span.j:span.j + 1] == ["'s"] else span.j
        after = next((w for w in low[j:j + 3] if w in _PERSONAL_ROLES), None)
        for w in {*low[max(0, span.i - 1):span.j], after} & _TITLED_REFERENCES:
            self.titled.setdefault(w, set()).add(span.actor)

    def _titled_reference(self, tokens: list[Token], low: list[str], i: int, covered: set[int]) -> int | None:
        """Where a definite title at ``i`` ends ("the emir", "the foreign minister"), when the document has given that
        title to officials of one state only; not "the minister of ...", which names its state itself."""
        k = i + 1
        while k < len(low) and k - i <= 3 and low[k] not in _TITLED_REFERENCES and low[k].isalpha() \
                and tokens[k].text[:1].islower() and k not in covered:
            k += 1
        if k >= len(low) or low[k] not in _TITLED_REFERENCES or not tokens[k].text[:1].islower() or k in covered \
                or len(self.titled.get(low[k], ())) != 1 or low[k + 1:k + 2] in (["of"], ["-"]):
            return None
        return k

    def _last_person(self, spans: list[Span], low: list[str], i: int) -> str | None:
        people = [s for s in spans if s.j <= i and _person_span(s, low)]
        if people:
            return people[-1].actor
        if self.last_person_actor is not None:
            return self.last_person_actor
        # "During a visit to Madrid, where he met Sanchez, Lula said": the main clause's subject, later
        later = [s for s in spans if s.i > i and s.kind in ("leader", "surname", "person")
                 and s.i > 0 and low[s.i - 1] == ","]
        return later[0].actor if later else None

    def _states_before(self, spans: list[Span], low: list[str], i: int) -> list[str]:
        """States named before token ``i`` as actors (not as modifiers, places or objects of a
        preposition: "concern over China's use"), least recent first, once each."""
        before: list[str] = []
        for s in spans:
            if s.j <= i and self._is_state(s.actor) and s.kind not in ("modifier",) \
                    and (s.i == 0 or low[s.i - 1] not in _OBLIQUE):
                if s.actor in before:
                    before.remove(s.actor)
                before.append(s.actor)
        return before

    def _coordinated_pair(self, spans: list[Span], low: list[str], i: int) -> tuple[str, str] | None:
        """The last two states joined by "and" before token ``i`` ("Armenia and Azerbaijan"), not the
        end of a longer list ("Chile, Peru and Bolivia"); adjectives count ("Turkish and Azerbaijani troops")."""
        states = [s for s in spans if s.j <= i and self._is_state(s.actor)]
        for a, b in reversed(list(zip(states, states[1:]))):
            if b.i == a.j + 1 and low[a.j] == "and" and a.actor != b.actor and (a.i == 0 or low[a.i - 1] != ","):
                return a.actor, b.actor
        return None

    def _pair_in_sentence(self, spans: list[Span], low: list[str], i: int) -> tuple[str, str] | None:
        """The pair named before token ``i``: two states joined by "and", else the last two states."""
        before = self._states_before(spans, low, i)
        coordinated = self._coordinated_pair(spans, low, i)
        if coordinated:
            return coordinated
        return (before[-2], before[-1]) if len(before) >= 2 else None

    def _subject_pair(self, head: str) -> bool:
        """Whether the pair the last sentence joined as its subject may be what a pair description with this head
        means: "the two neighbours" only two states that border each other (when either borders any on land)."""
        if self.subject_pair is None:
            return False
        a, b = self.subject_pair
        if head in _NEIGHBOUR_HEADS:
            borders = neighbours()
            return b in borders.get(a, ()) or not borders.get(a) and not borders.get(b)
        return True

    def _has_form(self, actor: str, form: str) -> bool:
        """Whether a state's official name has a form of state: "kingdom" for Saudi Arabia."""
        return form in (getattr(self.gazetteer.actors.get(actor), "official_name", None) or "").lower()

    def _single(self, exclude: set[str], head: str = "") -> str | None:
        """The most salient state so far: mentioned most often, recent mentions weighing more. A head that names
        a form of state ("the kingdom", "the emirate") takes only a state whose official name has it."""
        best, best_score = None, 0.0
        n = len(self.recent)
        form = head if head in _STATE_FORMS else ""
        for rank, a in enumerate(self.recent):
            if a in exclude:
                continue
            if form and not self._has_form(a, form):
                continue
            score = self.counts.get(a, 0) + 2.0 * (rank + 1) / n
            if score > best_score:
                best, best_score = a, score
        return best

    def _pair(self, exclude, head: str = "", context: list[str] | None = None,
              polarity: str = "") -> tuple[str, str] | None:
        """The pair the document has been about: two-sided relations and coordinations weigh most.
        "the two sides", "the rivals" prefer a pair in conflict; "the two allies" a pair in cooperation;
        so do the words around the phrase ("tensions between the two countries")."""
        polarity = polarity or ("conflict" if head in _CONFLICT_HEADS else "cooperation" if head in _COOP_HEADS else "")
        if not polarity and context:
            if any(w in _CONFLICT_CONTEXT for w in context):
                polarity = "conflict"
            elif any(w in _COOP_CONTEXT for w in context):
                polarity = "cooperation"
        scores = self.pair_scores[polarity] if polarity else self.pair_scores[""]
        if exclude:
            scores = {p: v for p, v in scores.items() if not set(p) & set(exclude)}
        if scores:
            n = len(self.pair_order)
            rank = {p: i for i, p in enumerate(self.pair_order)}
            return max(scores, key=lambda p: (scores[p] + 0.5 * (rank[p] + 1) / n, p))
        if self.last_pair and not set(self.last_pair) & set(exclude):
            return self.last_pair
        distinct: list[str] = []
        for a in reversed(self.recent):
            if a not in distinct and a not in exclude:
                distinct.append(a)
            if len(distinct) == 2:
                return (distinct[1], distinct[0])
        return None

    def conflict_pair(self) -> tuple[str, str] | None:
        """The pair the document has told in conflict (criticism, threats, force, tension), weighted as
        :meth:`_pair` weighs them, or None when it told of none."""
        if not self.pair_scores["conflict"]:
            return None
        return self._pair(exclude=(), polarity="conflict")

    def attribution_for(self, frame: SentenceFrame) -> str | None:
        """ "According to their reports": the subject of the previous sentence."""
        low = frame.lowers
        for x in range(len(low) - 2):
            if low[x] == "according" and low[x + 1] == "to" and low[x + 2] in ("their", "its", "his", "her"):
                return self.last_subject
        return None

    def take_patron_links(self) -> list[tuple[str, tuple[str, str]]]:
        links, self.patron_links = self.patron_links, []
        return links

    def _main(self, r: Relation) -> bool:
        """Whether a relation is not from a sentence on a secondary agreement, unless all are."""
        return (r.doc, r.sentence_index) not in self.secondary

    def last_pact(self) -> list[str]:
        """The parties of the most recent agreement or alliance: "the pact", "the deal"; one called separate only
        when no other was stated."""
        for main in (True, False):
            parties = self._last_pact(main)
            if parties:
                return parties
        return []

    def _last_pact(self, main: bool) -> list[str]:
        for k in range(len(self.relations) - 1, -1, -1):
            r = self.relations[k]
            if r.predicate in ("agreesWith", "alliedWith") and (self._main(r) or not main):
                same = [x for x in self.relations if x.sentence_index == r.sentence_index and x.doc == r.doc
                        and x.predicate in ("agreesWith", "alliedWith")]
                return sorted({a for x in same for a in (x.subject, x.object)})
        return []

    def recent_target(self, predicate: str, sentence_index: int) -> str | None:
        """The object of the latest ``predicate`` relation of this or the previous sentence."""
        for r in reversed(self.relations):
            if r.sentence_index < sentence_index - 1:
                break
            if r.predicate == predicate:
                return r.object
        return None

    def note_targets(self, sentence_index: int, acts: list[tuple[str, str, str]]) -> None:
        """Record the asserted acts of a sentence as ``(subject, relation, target)``, the target as the rule
        found it."""
        self.targets.extend((sentence_index, rel, subj, obj) for subj, rel, obj in acts)

    def implied_targets(self, sentence_index: int, home: str | None = None) -> dict[str, str]:
        """relation -> the one party the acts of the last sentences of its group ([lists] implied_groups: "aids
        supplies") were aimed at: what "Japan sent two planes with drinking water" sent them to, after sentences on
        help reaching Tonga. A group whose recent acts had several targets implies none. Help with no recent
        recipient, in a report on a disaster filed from a state (``home``, the dateline's), is for that state
        ("HERAT, Afghanistan - ... earthquakes ... Pakistan said it had dispatched medicine and blankets")."""
        out: dict[str, str] = {}
        recent = list(itertools.takewhile(lambda t: t[0] >= sentence_index - _IMPLIED_SENTENCES, reversed(self.targets)))
        for group in _IMPLIED_GROUPS:
            members = group.split()
            found = {obj for _, rel, _, obj in recent if rel in members}
            if not found and home is not None and self.disaster_told and not _HELP_RELATIONS.isdisjoint(members):
                found = {home}
            if len(found) == 1 and self._is_state(next(iter(found))):
                out.update((rel, next(iter(found))) for rel in members)
        # a stance with no party answers the acts just told: their one doer ("Five of the missiles landed inside Japan's
        # economic zone, and Tokyo lodged a protest")
        doers = {subj for k, rel, subj, _ in recent if k >= sentence_index - 1 and rel in _ANSWERED_ACTS}
        if not doers and self.act_age <= 1 and len(self.last_event.get("attacks", ())) == 1:
            doers = set(self.last_event["attacks"])  # force on no state named ("fired missiles into waters around")
        if len(doers) == 1 and self._is_state(next(iter(doers))):
            out.update((rel, next(iter(doers))) for rel in _STANCE_RELATIONS)
        return out

    def last_agreement(self) -> tuple[str, str] | None:
        for main in (True, False):
            for r in reversed(self.relations):
                if r.predicate == "agreesWith" and (self._main(r) or not main):
                    return (r.subject, r.object)
        return None

    def implicit_source(self, recipient: str) -> str | None:
        """ "In return, X is receiving technology": whom X supplied, or sent troops or aid to, last."""
        for r in reversed(self.relations):
            if r.predicate in ("supplies", "aids") and r.subject == recipient and not r.negated:
                return r.object
        return None

    # -- writing ---------------------------------------------------------------------------------
    @staticmethod
    def _launched(low: list[str], after: int) -> bool:
        """Whether the subject ending at ``after`` launched or fired munitions: "Iran's Revolutionary Guards launched
        14 missiles at the base" (a verb of [lists] launching_verbs right after it, munitions within four words)."""
        return after < len(low) and low[after] in _LAUNCHING_VERBS and not _MUNITIONS.isdisjoint(
            low[after + 1:after + 5])

    def read_words(self, tokens: list[Token], low: list[str], sentence_index: int) -> None:
        """Note what a sentence's words tell of the document, whatever actors it names: a disaster (a common noun:
        not "Storm Shadow missiles"), which makes goods sent in it and the next four sentences help."""
        if any((w in self.disasters or w.endswith("s") and w[:-1] in self.disasters)
               and (k == 0 or low[k - 1] in ("-", "\u2014", '"') or not tokens[k].text[:1].isupper())
               for k, w in enumerate(low)):
            self.disaster_at = sentence_index
        self.disaster_told = sentence_index - self.disaster_at <= _DISASTER_SENTENCES

    def update(self, frame: SentenceFrame, relations: list[Relation]) -> None:
        first = next((g for g in frame.groups if not g.prep and not g.possessive), None)
        topic = set(first.actors) if first is not None else set()
        actors = self.gazetteer.actors
        opening = min(frame.spans, key=lambda x: x.i, default=None)
        self.opening_person = opening.actor if opening is not None and opening.i <= 2 and _person_span(
            opening, frame.lowers) else None
        for s in frame.spans:
            actor = actors.get(s.actor)
            if _person_span(s, frame.lowers):  # ("Chile's foreign minister ... She")
                self.last_person_actor = s.actor
                if self._is_state(s.actor) and s.kind != "coref":
                    self._note_title(s, frame.lowers)
            if actor is not None and actor.kind == "organization":
                if s.actor in self.recent_orgs:
                    self.recent_orgs.remove(s.actor)
                self.recent_orgs.append(s.actor)
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
        joined = list(dict.fromkeys(a for a in first.actors if self._is_state(a))) if first is not None else []
        self.subject_pair = (joined[0], joined[1]) if len(joined) == 2 and not any(
            sp.kind == "pair" for sp in first.spans) else None
        named_at: dict[str, int] = {}  # directed predicate -> where the doer recorded for it is named
        if first is not None and not first.prep and first.actors and self._is_state(first.actors[0]) \
                and not any(r.predicate == "attacks" and r.subject == first.actors[0] for r in asserted) \
                and (not _FORCE_WORDS.isdisjoint(frame.lowers) or self._launched(frame.lowers, first.j)):
            # "Tehran retaliated with a missile barrage on an air base in Qatar": its attack, on no state named (and
            # the one "the attack" of a later sentence means, though the sentence told of another's: "Iran launched
            # missiles at the base in retaliation for U.S. strikes")
            self.last_event["attacks"] = (first.actors[0],)
            named_at["attacks"] = first.i
            self.act_named = True
        self.act_age = 0 if self.act_named or any(r.predicate in _ACTS for r in asserted) else self.act_age + 1
        self.act_named = False
        self.munitions_named = not _MUNITIONS.isdisjoint(frame.lowers)
        fresh: dict[str, list[str]] = {}
        # of a sentence's directed acts of one kind, the one whose doer it names first is the one "the attack" of a
        # later sentence means ("hours after Iran fired missiles at a base in Qatar in retaliation for American
        # strikes": Iran's)
        where = {}
        for g in frame.groups:
            for a in g.actors:
                where.setdefault(a, g.i)
        secondary = not _SECONDARY.isdisjoint(frame.lowers)  # "under a separate agreement": not "the agreement"
        if secondary and asserted:
            self.secondary.add((asserted[0].doc, asserted[0].sentence_index))
        for r in asserted:
            if self._is_state(r.subject) and (self._is_state(r.object) or r.predicate in self.symmetric):
                if r.predicate in self.symmetric and secondary and r.predicate in self.last_event \
                        and r.predicate not in fresh:
                    continue
                if r.predicate in self.symmetric:  # every party of the sentence's agreements, talks or wars
                    party = fresh.setdefault(r.predicate, [])
                    party.extend(a for a in (r.subject, r.object) if a not in party)
                    self.last_event[r.predicate] = tuple(party)
                elif where.get(r.subject, len(frame.lowers)) <= named_at.get(r.predicate, len(frame.lowers)):
                    self.last_event[r.predicate] = (r.subject, r.object)
                    named_at[r.predicate] = where.get(r.subject, len(frame.lowers))
            if self._is_state(r.subject) and self._is_state(r.object):
                polarity = "conflict" if QUAD_CLASSES.get(r.predicate, "").endswith("Conflict") else "cooperation"
                self._score_pair(r.subject, r.object, 2.0 if r.predicate in self.symmetric else 1.0, polarity)
                if r.predicate == "agreesWith" and not _PEACE_WORDS.isdisjoint(frame.lowers):
                    # "initialled a peace agreement": the parties of a peace deal were in conflict, and when the
                    # document opens with it, that conflict is the one it is about
                    self._score_pair(r.subject, r.object, 3.0 if not self.relations else 2.0, "conflict")
        if "agreesWith" in fresh:  # "the Ankara declaration" later: the parties of the last declaration
            for w in frame.lowers:
                noun = _singular(w)
                if self.event_nouns.get(noun) == "agreesWith":
                    self.texts[noun] = tuple(fresh["agreesWith"])
        for g in frame.groups:
            st = list(dict.fromkeys(a for a in g.actors if self._is_state(a)))
            if len(st) == 2 and not any(sp.kind == "pair" for sp in g.spans):
                self._score_pair(st[0], st[1], 1.0)
                if not g.prep and not g.possessive:
                    self.last_coordinated = (st[0], st[1])  # "Tokyo and Seoul ...": a later "Both condemned"
            if len(st) >= 3:
                self.recent_groups[len(st)] = st
        states = [r for r in asserted if self._is_state(r.subject) and self._is_state(r.object)]
        if states:
            r = states[0]
            self.last_pair = (r.subject, r.object)
            self.last_subject = r.subject
            if r.predicate in self.symmetric and first is not None and first.actors and first.actors[0] in (
                    r.subject, r.object):  # a symmetric relation's subject is in id order: the sentence's own instead
                self.last_subject = first.actors[0]
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

    def _event_words(self, low: list[str]) -> dict[str, str]:
        """The words of this sentence that name an act stated before in the document: word -> relation."""
        if not self.last_event:
            return {}
        out = {}
        for w in low:
            relation = self.event_nouns.get(w) or self.event_nouns.get(_singular(w)) or (
                "atWarWith" if w in _FIGHTING_NOUNS else None)
            if relation is None and w in _JOINT_ACTIVITIES:  # "watching the exercises with concern": the joint ones
                relation = "cooperatesWith"
            if relation is None and w in _OUTCOME_NOUNS:  # "welcomed the outcome": of the deal, else of the talks
                relation = "agreesWith" if "agreesWith" in self.last_event else "meetsWith"
            if relation in self.last_event:
                out[w] = relation
        return out

    def _score_pair(self, a: str, b: str, weight: float, polarity: str = "") -> None:
        key = (min(a, b), max(a, b))
        for pol in {"", polarity}:
            self.pair_scores[pol][key] = self.pair_scores[pol].get(key, 0.0) + weight
        self.pair_order[key] = None
        self.pair_order.move_to_end(key)
        if len(self.pair_order) > _PAIRS_KEPT:  # a long document: forget the pair least recently seen
            old, _ = self.pair_order.popitem(last=False)
            for table in self.pair_scores.values():
                table.pop(old, None)

    def is_state(self, actor_id: str) -> bool:
        """Whether an actor id names a state (not an organization or a group)."""
        return self._is_state(actor_id)

    def _is_state(self, actor_id: str) -> bool:
        return actor_id in self.states
