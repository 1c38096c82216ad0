"""Document assembly: what a sentence means given the others of its document.

Relations another sentence undoes (a rupture reversed, a standing relation that lasted "until"), and partners or
acts a sentence leaves implicit that the document fixes: who brought down whose munitions, "so did X", goods
received "in return", talks, joint activities joined, quarrels named with "the". Each reading takes the
sentence's tokens and mentions and the document's :class:`~kg.extract.discourse.Discourse`; the sentence loop of
:mod:`kg.extract` calls them.
"""

from __future__ import annotations

from ..model import Relation
from ..predicates import SYMMETRIC_PREDICATES
from ..text import tokenize
from .attributes import is_hedged, is_irrealis, is_negated
from .frames import Candidate
from .lexicon import GOODS, WORDS

DOWNING_VERBS = WORDS["downing_verbs"]
SHOOTING_VERBS = WORDS["shooting_verbs"]
UNAIMED_FORCE = WORDS["unaimed_force"]
_RESTORING_WORDS = WORDS["restoring_words"]
_RELATIONS_NOUNS = WORDS["relations_nouns"]
_MUNITIONS = WORDS["munitions"]
_RECEIVING_VERBS = WORDS["receiving_verbs"]
_TALKS_ROLES = WORDS["talks_roles"]
_JOINING_VERBS = WORDS["joining_verbs"]
_JOINT_ACTIVITIES = WORDS["joint_activities"]
_SPAT_NOUNS = WORDS["spat_nouns"]


# standing relations: told in the past perfect with "until" after them ("The two countries had been close partners
# until the war broke out"), they have ended and are no current background fact (decision 25)
STANDING = frozenset(("alliedWith", "cooperatesWith", "tradesWith"))


def lasted_until(lowers: list[str], i: int) -> bool:
    """Whether a rupture told at kg's token ``i`` is said to have lasted until a later time: "recalled its
    ambassador ..., a rupture that lasted until the envoy returned in November 2023" (reversed: decision 17)."""
    after = lowers[i + 1:]
    return any(w in ("lasted", "lasting") and "until" in after[k + 1:k + 4] for k, w in enumerate(after))


def pluperfect(lowers: list[str], i: int) -> bool:
    """Whether the trigger at kg's token ``i`` is told in the past perfect: "had" at most two words before it
    ("had cut ties", "had abruptly severed relations")."""
    for k in range(i - 1, max(-1, i - 4), -1):
        if lowers[k] == "had":
            return True
        if not lowers[k].isalpha():
            return False
    return False


def reversed_ruptures(out: list[Relation], told_before: set[int]) -> list[Relation]:
    """The document's relations without the tensions a sentence tells in the past perfect (``told_before``:
    their indexes in ``out``) between two states that another of its sentences says restored their relations
    (an asserted agreement in a sentence that :func:`restores` relations): "X and Y agreed to restore relations.
    ... X had cut ties with Y in 2016" presents the rupture as reversed (decision 17)."""
    if not told_before:
        return out
    restored = {frozenset((r.subject, r.object)) for r in out
                if r.predicate == "agreesWith" and not r.negated and restores(r.sentence)}
    return [r for n, r in enumerate(out) if not (
        n in told_before and r.predicate == "tensionWith" and frozenset((r.subject, r.object)) in restored)]


def downing_of(lowers: list[str], spans, discourse) -> tuple[int, list[str], list] | None:
    """A verb of bringing down munitions ([lists] downing_verbs, shooting_verbs + "down") whose object names no
    state ("intercepted the missiles", "shot down most of them"), with the states that did it: those of the last
    subject group before it, of which the sentence says "Russia's defence ministry said air defences had downed
    47 of them", "The United States, Britain and Jordan helped shoot down some of the projectiles". Returns
    (the verb's token, its doers, the spans naming them) or None."""
    n = len(lowers)
    for i, w in enumerate(lowers):
        end = i + 1
        if w in SHOOTING_VERBS:
            if end >= n or lowers[end] != "down":
                continue
            end += 1
        elif w not in DOWNING_VERBS or i > 0 and lowers[i - 1] in ("was", "were", "been", "being", "be"):
            continue  # (a passive names the attacker's munitions' fate, not who brought them down)
        obj = None
        for k in range(end, min(n, end + 8)):
            if lowers[k] in _MUNITIONS or lowers[k] == "them":
                obj = k
                break
            if not (lowers[k].isalnum() or lowers[k] in ("-", ",")) or any(s.i == k for s in spans):
                break  # "shot down Russian drones" names their state: the sentence's own rules read it
        if obj is None:
            continue
        if lowers[obj] == "them" and _MUNITIONS.isdisjoint(lowers[:i]) and not discourse.munitions_named:
            continue  # "them": munitions the sentence or the last one told of
        before = [s for s in spans if s.j <= i and discourse.is_state(s.actor)
                  and (s.i == 0 or lowers[s.i - 1] not in _OBJECT_PREPS)]
        if not before:
            continue
        last = [before[-1]]
        for s in reversed(before[:-1]):  # the coordinated states of that group
            if all(w in (",", "and") for w in lowers[s.j:last[-1].i]):
                last.append(s)
            else:
                break
        return i, list(dict.fromkeys(s.actor for s in reversed(last))), list(reversed(last))
    return None


DOWNING_RULE = "downing/discourse"
_OBJECT_PREPS = frozenset(("at", "on", "in", "into", "against", "over", "from", "to", "with", "near"))


def add_downing(frame, aligned, downing, best: dict, discourse, parse) -> None:
    """``best`` (see ``kg.extract._best_candidates``) with an attack by each doer of a :func:`downing_of` on the state that
    fired what they brought down: the attacker of a doer this sentence names, else the doer of the last act of
    force the document told of in this or the last sentence (decision 4: shooting down drones is an attack)."""
    i, doers, spans = downing
    attacker = next((c.subject for (s, p, o), (c, neg, _) in best.items()
                     if p == "attacks" and not neg and o in doers and c.subject not in doers), None)
    if attacker is None and discourse.act_age <= 0 and "attacks" in discourse.last_event:
        attacker = discourse.last_event["attacks"][0]
    if attacker is None or attacker in doers or not discourse.is_state(attacker) or is_irrealis(frame, i, None):
        return
    from . import modality

    aligned = aligned if aligned is not None else parse()  # ``parse``: the sentence's aligned parse, made now
    tok = next((t for t in aligned.doc if t.idx == frame.tokens[i].start), None)
    if tok is not None and modality.unreal(aligned, tok):
        return  # "failed to shoot down the rockets", "asked to intercept"
    negated = is_negated(frame, i, None) or tok is not None and modality.negated(aligned, tok)
    hedged = is_hedged(frame, i)
    for doer, span in zip(doers, spans):
        if (doer, "attacks", attacker) not in best:
            best[doer, "attacks", attacker] = (Candidate(doer, "attacks", attacker, i, frame.tokens[i].text, 0.6,
                                                         subj_span=span, rule=DOWNING_RULE), negated, hedged)


_ELLIPSIS_AUX = frozenset(("did", "does", "do", "has", "have", "had", "was", "were", "is", "are", "will", "would"))


def so_did(lowers: list[str], spans, last_told, index: int, discourse) -> list[Candidate]:
    """ "Qatar welcomed the agreement. So did Kenyan President William Ruto": a sentence opening with "so" and an
    auxiliary before a state says the state did what the last sentence's subject did, to the same states: its
    directed relations, as candidates on the auxiliary."""
    if len(lowers) < 3 or lowers[0] != "so" or lowers[1] not in _ELLIPSIS_AUX:
        return []
    told, subject, relations = last_told
    doer = next((s for s in spans if all(w == "the" for w in lowers[2:s.i]) and discourse.is_state(s.actor)), None)
    if told != index - 1 or subject is None or doer is None or doer.actor == subject:
        return []
    return [Candidate(doer.actor, r.predicate, r.object, 1, lowers[1], round(r.confidence - 0.1, 3), subj_span=doer,
                      rule="so-did/discourse", negated=False, hedged=r.hedged)
            for r in relations if r.subject == subject and not r.negated and r.object != doer.actor
            and r.predicate not in SYMMETRIC_PREDICATES]


_FIRING_RULE = "firing/discourse"
_BETWEEN_DOER_AND_FIRING = frozenset(("had", "has", "have", "of", "first", "then", "also", "again", "reportedly"))


def add_unaimed_force(frame, aligned, best: dict, discourse) -> None:
    """``best`` with an attack by the doer of a verb of firing ([lists] unaimed_force) that names no other state
    as its target, on the other state of the war the sentence or the document tells of: "Fighting erupted
    between X and Y. Y said X forces had fired first" (X attacks Y); "accusing each other of firing first" (each
    attacks the other). The doer is the state just before the verb (across "had", "of" and the like)."""
    low, spans = frame.lowers, sorted(frame.spans, key=lambda s: s.i)
    wars = [(s, o) for (s, p, o), (_, neg, _) in best.items() if p == "atWarWith" and not neg]
    pair = wars[0] if len(wars) == 1 else discourse.last_event.get("atWarWith") if not wars else None
    if not pair or len(pair) != 2:
        return
    from . import modality

    for i, w in enumerate(low):
        if w not in UNAIMED_FORCE:
            continue
        k = i - 1
        while k >= 0 and low[k] in _BETWEEN_DOER_AND_FIRING:
            k -= 1
        doers = [s for s in spans if s.j == k + 1] or [s for s in spans if s.j == k and s.kind == "modifier"]
        # ("Eritrean units had fired": a demonym on the noun of the doers)
        if doers and doers[0].kind == "pair":  # "each other": both
            doers = [s for s in spans if s.kind == "pair" and s.j <= k + 1 and s.i >= doers[0].i - 1]
        end = next((x for x in range(i + 1, len(low)) if low[x] in (",", ";", ".")), len(low))
        if not doers or k == i - 1 or any(s.i > i and s.i < end and s.actor not in pair for s in spans):
            continue  # ("fired missiles at Laos": the sentence's own rules read a target it names)
        tok = next((t for t in aligned.doc if t.idx == frame.tokens[i].start), None)
        if is_irrealis(frame, i, None) or tok is not None and modality.unreal(aligned, tok):
            continue
        negated = is_negated(frame, i, None) or tok is not None and modality.negated(aligned, tok)
        for doer in doers:
            others = [a for a in pair if a != doer.actor]
            if doer.actor in pair and len(others) == 1 and (doer.actor, "attacks", others[0]) not in best:
                best[doer.actor, "attacks", others[0]] = (Candidate(
                    doer.actor, "attacks", others[0], i, frame.tokens[i].text, 0.6, subj_span=doer,
                    rule=_FIRING_RULE), negated, is_hedged(frame, i))


def received_back(lowers: list[str], spans, last_told, index: int, discourse) -> list[Candidate]:
    """ "The US approved a sale of F-16 jets to Turkey. Greece will receive up to 40 F-35 jets under a separate
    package": a sentence naming one state, which receives goods ([lists] receiving_verbs, goods) from no one named,
    after a sentence in which one state supplies another: that state supplies it too (an implicit partner)."""
    verb = next((k for k, w in enumerate(lowers) if w in _RECEIVING_VERBS), None)
    states = {s.actor for s in spans if discourse.is_state(s.actor)}
    told, _, relations = last_told
    if verb is None or len(states) != 1 or told != index - 1 or GOODS.isdisjoint(lowers[verb + 1:verb + 9]):
        return []
    recipient = next(s for s in spans if discourse.is_state(s.actor))
    suppliers = {r.subject for r in relations if r.predicate == "supplies" and not r.negated}
    if recipient.j > verb or len(suppliers) != 1 or recipient.actor in suppliers:
        return []
    return [Candidate(suppliers.pop(), "supplies", recipient.actor, verb, lowers[verb], 0.6, obj_span=recipient,
                      rule="receives/discourse")]


def talks_of(lowers: list[str], spans, discourse) -> list[Candidate]:
    """ "Thailand and Cambodia agreed to a ceasefire. Malaysia's prime minister, who chaired the talks, said ...":
    the talks the discourse model resolved to the pair the document told of (``discourse.talks_here``) are a
    meeting of the two, and the state that took part in them ([lists] talks_roles just before them, its subject the
    last state named before) meets each."""
    if discourse.talks_here is None:
        return []
    k, (a, b) = discourse.talks_here
    out = [Candidate(a, "meetsWith", b, k, lowers[k], 0.6, rule="talks/discourse")]
    role = k - 2 if k >= 2 and lowers[k - 2] in _TALKS_ROLES else k - 3 if k >= 3 and lowers[k - 2] == "in" \
        and lowers[k - 3] in _TALKS_ROLES else None
    doer = None if role is None else next((s for s in reversed(spans) if s.j <= role and s.kind != "pair"
                                           and discourse.is_state(s.actor)), None)
    after = next((x for x in range(k + 1, min(len(lowers) - 1, k + 6)) if lowers[x] in _TALKS_ROLES
                  and lowers[x + 1] == "by"), None)  # "talks in Beijing chaired by Wang Yi, China's top diplomat"
    if doer is None and after is not None:
        role = after
        doer = next((s for s in spans if s.i > after + 1 and s.kind != "pair" and discourse.is_state(s.actor)), None)
    if doer is not None and doer.actor not in (a, b):
        out += [Candidate(doer.actor, "meetsWith", x, role, lowers[role], 0.6, subj_span=doer, rule="talks/discourse")
                for x in (a, b)]
    return out


def spat(lowers: list[str], spans, discourse) -> list[Candidate]:
    """ "India summoned the Maldivian envoy over ministers' posts mocking Modi. ... The spat erupted while ...": a
    quarrel ([lists] spat_nouns) named with "the" and no parties of its own is the one of the pair the document told
    in conflict: tension between them."""
    if _SPAT_NOUNS.isdisjoint(lowers):
        return []
    for i, w in enumerate(lowers):
        if w not in _SPAT_NOUNS or i == 0 or lowers[i - 1] not in ("the", "this"):
            continue
        if any(i - 3 <= s.i < i for s in spans) or i + 1 < len(lowers) and lowers[i + 1] in ("between", "with"):
            continue  # "the row between X and Y", "Canberra's row with Beijing": the sentence names its parties
        pair = discourse.conflict_pair()
        if pair is not None:
            return [Candidate(pair[0], "tensionWith", pair[1], i, lowers[i], 0.55, rule="quarrel/discourse")]
    return []


def joined(tokens, lowers: list[str], spans, discourse) -> list[Candidate]:
    """ "The US and the Philippines began joint exercises. Australian forces joined the Balikatan drills": a state
    that joins ([lists] joining_verbs) the joint activity ([lists] joint_activities) of the last states the
    document told cooperate, naming no other state, cooperates with each of them."""
    parties = discourse.last_event.get("cooperatesWith")
    if not parties or _JOINING_VERBS.isdisjoint(lowers):
        return []
    out = []
    for i, w in enumerate(lowers):
        if w not in _JOINING_VERBS or i + 1 >= len(lowers) or lowers[i + 1] != "the":
            continue
        k = next((x for x in range(i + 2, min(len(lowers), i + 6)) if lowers[x] in _JOINT_ACTIVITIES), None)
        if k is None or any(i < s.i < k for s in spans) or not all(
                lowers[x].isalpha() or lowers[x] == "-" for x in range(i + 2, k)):
            continue
        doer = next((s for s in reversed(spans) if s.j <= i and discourse.is_state(s.actor)), None)
        if doer is not None and doer.actor not in parties and all(discourse.is_state(a) for a in parties):
            out += [Candidate(doer.actor, "cooperatesWith", a, i, tokens[i].text, 0.6, subj_span=doer,
                              rule="joined/discourse") for a in parties]
    return out


def subject_of(frame) -> str | None:
    """The first actor of a sentence's first group that is not in a phrase or a possessive: its subject."""
    first = next((g for g in frame.groups if not g.prep and not g.possessive), None)
    return first.actors[0] if first is not None and first.actors else None


def restores(sentence: str) -> bool:
    """Whether a sentence tells of relations restored: a word of [lists] restoring_words with one of
    relations_nouns at most four words after it ("restore diplomatic relations", "the restoration of ties")."""
    lowers = [t.text.lower() for t in tokenize(sentence)]
    return any(w in _RESTORING_WORDS and not _RELATIONS_NOUNS.isdisjoint(lowers[k + 1:k + 5])
               for k, w in enumerate(lowers))


__all__ = ["DOWNING_RULE", "DOWNING_VERBS", "SHOOTING_VERBS", "STANDING", "UNAIMED_FORCE", "add_downing", "add_unaimed_force", "downing_of", "joined", "lasted_until", "pluperfect", "received_back", "restores", "reversed_ruptures", "so_did", "spat", "subject_of", "talks_of"]
