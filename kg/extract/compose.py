"""Relations a sentence composes from what its parse and rules found: sales both ways are trade, a purchase "in
return" is a sale back, the drafters of a censure criticise its target. Each takes the sentence's chosen
candidates (``best``: (subject, predicate, object) -> (candidate, negated, hedged)) or its parse, as
:func:`kg.extract._extract` holds them."""

from __future__ import annotations

from bisect import bisect_right

from ..predicates import SYMMETRIC_PREDICATES
from .frames import Candidate
from .lexicon import WORDS

_BUYING_BACK = WORDS["buying_back"]
_TRADE_FLOWS = WORDS["trade_flows"]
_DONATIONS = tuple(tuple(p.split()) for p in WORDS["donation_phrases"])
_SIMILAR = WORDS["similar_words"]
_JOINT_OPERATIONS = WORDS["joint_operation_words"]
_JOINT_REACH = 15  # tokens from the force to the joint operation it was part of
_MOVES = WORDS["move_nouns"]
_COPIED = frozenset(WORDS["similar_move_relations"])


def token_index(starts: list[int], tok) -> int:
    """kg's index of the token a parser token begins in (``starts``: kg's token offsets)."""
    return max(0, bisect_right(starts, tok.idx) - 1)


def add_bought_back(lowers: list[str], best: dict) -> None:
    """A sale told with a purchase "in return" after it: the buyer of the sale supplies its seller too ("Colombia sold
    $6 billion of goods to Venezuela and bought $1.2 billion in return")."""
    back = [k for k in range(len(lowers) - 2) if lowers[k] == "in" and lowers[k + 1] in ("return", "exchange")]
    if not back:
        return
    for (s, p, o), (c, negated, hedged) in sorted(best.items()):
        if p != "supplies" or negated or (o, "supplies", s) in best:
            continue
        if any(lowers[x] in _BUYING_BACK for k in back for x in range(c.trigger_index + 1, k)):
            best[(o, "supplies", s)] = (Candidate(o, "supplies", s, c.trigger_index, c.trigger, c.confidence - 0.1,
                                                  c.obj_span, c.subj_span, rule="bought-back", negated=False,
                                                  hedged=c.hedged, speaker=c.speaker), False, hedged)


def add_similar_moves(lowers: list[str], spans, best: dict) -> None:
    """Those a sentence says made "similar moves" did what its act did to the same party: "Canada closed its airspace
    to Russian aircraft, following similar moves by Britain, Poland and the Czech Republic" ([lists] similar_words,
    move_nouns; the states listed right after "by" or "from")."""
    for k in range(len(lowers) - 3):
        if lowers[k] not in _SIMILAR or lowers[k + 1] not in _MOVES or lowers[k + 2] not in ("by", "from"):
            continue
        followers: list[str] = []
        at = k + 3
        for span in sorted((x for x in spans if x.i >= at), key=lambda x: x.i):
            if span.i != at and not all(w in (",", "and", "the") for w in lowers[at:span.i]):
                break
            followers.append(span.actor)
            at = span.j
        for (_, p, _), (c, negated, hedged) in sorted(best.items()):
            if negated or c.trigger_index >= k or p not in _COPIED:
                continue
            doer = c.subject  # (the act as its rule read it: a symmetric relation's key is in order)
            target, target_span = c.object, c.obj_span
            for x in followers:
                key = (x, p, target) if p not in SYMMETRIC_PREDICATES or x < target else (target, p, x)
                if x in (doer, target) or key in best:
                    continue
                best[key] = (Candidate(x, p, target, c.trigger_index, c.trigger, c.confidence - 0.1, None, target_span,
                                       rule="similar-moves", negated=False, hedged=c.hedged, speaker=c.speaker),
                             False, hedged)


def drop_consented_force(lowers: list[str], best: dict) -> None:
    """Force a sentence says was used in a joint operation with its target's forces is no attack on it (decision 15:
    strikes with the host's consent): "launched strikes against rebels in eastern Congo, in a joint operation with
    the Congolese army" (an attack and a cooperation of the same pair, and [lists] joint_operation_words)."""
    if _JOINT_OPERATIONS.isdisjoint(lowers):
        return
    for key in [k for k in best if k[1] == "attacks"]:
        s, _, o = key
        pair = (s, "cooperatesWith", o) if s < o else (o, "cooperatesWith", s)
        if pair not in best or best[pair][1]:
            continue
        force, joint = best[key][0].trigger_index, best[pair][0].trigger_index
        # the joint word in the stretch of the sentence from the force to the cooperation it was part of
        lo, hi = min(force, joint), max(force, joint)
        if hi - lo <= _JOINT_REACH and not _JOINT_OPERATIONS.isdisjoint(lowers[max(0, lo - 2):hi + 1]):
            del best[key]


def add_two_way_trade(best: dict) -> None:
    """Goods a sentence says flow both ways between two states are trade between them (decision 21: ``tradesWith``
    needs trade in both directions): "EU exports to Vietnam and Vietnamese exports to the bloc"."""
    for (s, p, o), (c, negated, hedged) in sorted(best.items()):
        back = best.get((o, "supplies", s))
        if p != "supplies" or negated or back is None or back[1] or s > o or not (
                c.trigger.lower() in _TRADE_FLOWS and back[0].trigger.lower() in _TRADE_FLOWS):
            continue  # (only sales both ways: "supplied jets and received drones in return" is no trade)
        key = (s, "tradesWith", o)
        if key not in best:
            best[key] = (Candidate(s, "tradesWith", o, c.trigger_index, c.trigger, min(c.confidence, back[0].confidence),
                                   c.subj_span, c.obj_span, rule="two-way-supply", negated=False,
                                   hedged=c.hedged, speaker=c.speaker), False, hedged)


def drafted_censures(engine, sent, tokens) -> list[Candidate]:
    """The drafters of a text that censures a state criticise it: "passed a resolution, drafted by Britain, France
    and Germany, declaring Iran in breach", "the board censured Iran, adopting a resolution tabled by ..."; the
    censure is read off the text's own clause, or off the clause of the verb that adopted it."""
    from . import modality
    from .syntax import clause_verb, lemma

    drafting, censure = engine.lists.get("drafting_verbs", ()), engine.lists.get("censure_verbs", ())
    texts = engine.lists.get("texts", ())
    starts = [t.start for t in tokens]
    out: list[Candidate] = []
    for tok in sent.doc:
        if tok.dep_ != "acl" or lemma(tok) not in drafting or lemma(tok.head) not in texts:
            continue
        drafters = [sent.actor_at[x.i] for c in tok.children if c.dep_ in ("agent", "prep") and lemma(c) == "by"
                    for x in c.subtree if x.i in sent.actor_at]
        text = tok.head
        clauses = [c for c in text.children if c.dep_ in ("acl", "relcl") and lemma(c) in censure]
        adopting = clause_verb(text.head) if text.dep_ in ("dobj", "pobj", "npadvmod") else None  # (the parser may hang it
        # on a phrase: "adopting by 20 votes to 2 a resolution tabled by ...")
        if adopting is not None and lemma(adopting) in engine.lists.get("blocking", ()):
            continue  # a vetoed or blocked draft: its drafters' censure is not told (the veto is the relation)
        if not clauses and adopting is not None:
            clauses = [c for c in adopting.children if c.dep_ in ("advcl", "xcomp") and lemma(c) in censure]
            if not clauses and adopting.dep_ in ("advcl", "conj") and lemma(adopting.head) in censure:
                clauses = [adopting.head]  # "censured Iran, adopting a resolution tabled by ..."
        targets = [sent.actor_at[o.i] for c in clauses for o in c.children if o.dep_ == "dobj" and o.i in sent.actor_at]
        for d in drafters:
            for t in targets:
                if d.actor != t.actor and not modality.unreal(sent, tok):
                    out.append(Candidate(d.actor, "criticizes", t.actor, token_index(starts, tok), tok.text, 0.6,
                                         rule="drafted-censure", negated=False, hedged=modality.hedged(sent, tok)))
    return out


def add_donated(lowers: list[str], best: dict) -> None:
    """Goods a state supplies "free of charge" or "as a donation" ([words] donation_phrases) after the trigger are aid
    too (decision 21: "Sweden transferred eight howitzers to Ukraine as a donation")."""
    at = [k for k in range(len(lowers)) for p in _DONATIONS if tuple(lowers[k:k + len(p)]) == p]
    if not at:
        return
    for (s, p, o), (c, negated, hedged) in sorted(best.items()):
        if p != "supplies" or negated or (s, "aids", o) in best or not any(
                k > c.trigger_index and "," not in lowers[c.trigger_index:k] for k in at):
            continue  # (in the trigger's clause: "... to Syria, with Qatar paying for the supply as a grant" is not)
        best[(s, "aids", o)] = (Candidate(s, "aids", o, c.trigger_index, c.trigger, c.confidence - 0.05, c.subj_span,
                                          c.obj_span, rule="donated", negated=False, hedged=c.hedged,
                                          speaker=c.speaker), False, hedged)


__all__ = ["add_bought_back", "add_donated", "add_two_way_trade", "drafted_censures", "token_index"]
