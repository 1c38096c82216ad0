"""Stance rules: ways of saying that one state judges, fears or threatens another.

Judgements ("Rabat called the decision unjustified", "X said Y's pact damaged peace"), concern with
no named object ("expressed concern over the pact"), condemnation of an event whose agent is named
elsewhere ("condemned the bombing of Iran's nuclear sites") and vowed responses ("vowed a strong
retaliation", "threatened to hit back", "warned of consequences").
"""

from __future__ import annotations

from .frames import DETERMINERS, PREPOSITIONS, Group
from .lexicon import LABEL_VERBS, NEGATIVE_JUDGEMENTS, WORDS
from .mentions import Span

VOW_VERBS = WORDS["vow_verbs"]
_RESPONSE_NOUNS = WORDS["response_nouns"]
_RESPONSE_VERBS = WORDS["response_verbs"]
RESERVE_VERBS = _RESERVE_VERBS = WORDS["reserve_verbs"]
_MEASURES = WORDS["response_measures"]
_FIRM = WORDS["firm_measures"]
_HOSTILE_NOUNS = WORDS["hostile_nouns"]
_ATTACK_EVENTS = WORDS["attack_events"]
STANCE_VERBS = WORDS["stance_verbs"]
AGENT_NOUNS = frozenset(WORDS["agent_nouns"])
_CONTRAST = frozenset({"while", "whereas", "but", "although", "though"})
_QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})
REJECT_VERBS = WORDS["reject_verbs"]
_DISMISSALS = WORDS["dismissals"]
SPEAK_OR_JUDGE = frozenset(WORDS["say_verbs"]) | frozenset(STANCE_VERBS)


class StanceRules:
    """Rules for criticism, concern and threats; a mixin of :class:`~kg.extract.rules.RuleSet`."""

    def _judgement(self, v: int) -> None:
        """ "Rabat called the decision unjustified", "X said Y's pact damaged peace": criticism.

        With a labelling verb the target is an actor inside the labelled phrase, one named "by"
        after the judgement, or else the subject of an earlier clause (who took the decision).
        With a verb of saying only an actor inside the reported clause counts.
        """
        f = self.f
        low = f.lowers
        rejecting = low[v] in REJECT_VERBS and low[v] not in LABEL_VERBS
        label = low[v] in LABEL_VERBS or rejecting
        speaker = f.subject_left(v)
        if speaker is None:
            return
        end = None
        for x in range(v + 1, min(len(low), v + 16)):
            if low[x] in (";", "?", "if", "unless") or (not label and low[x] in _CONTRAST and low[x - 1] == ",") or (
                    not label and low[x - 1] in ("and", "but") and low[x].endswith("ed") and x - 1 > v + 1):
                break  # (", while Kenya called ...": the said clause came before the verb of saying; "if Moscow
                # escalated the crisis": a condition, no judgement; "said ... and threatened measures": the speaker's
                # own next verb)
            if low[x] in NEGATIVE_JUDGEMENTS and x not in f.group_at and not (
                    f.tokens[x].text[:1].isupper() and x > 0 and f.tokens[x - 1].text[:1].isupper()):
                end = x  # (not inside a name: "the International Criminal Court")
                break
        if end is None or rejecting and (low[end - 1] != "as" or low[end] in _DISMISSALS):
            return  # "rejected as unacceptable": a judgement; "rejected as baseless": a claim disputed
        own = set(speaker.actors)
        targets = [g for g in f.groups if v < g.i < end and (g.prep in ("", "by", "between") or g.kinds & {"modifier", "origin"}
                   and all(w in _QUOTES for w in low[g.j:end])) and not set(g.actors) & own and id(g) not in self.attribution]
        # (a state's adjective on the judging word names the doer: "a response to American aggression")
        targets += [g for g in f.groups if end < g.i <= end + 8 and (g.prep == "by" or self._by_before(g, end))
                    and not set(g.actors) & own]
        k = end + 1
        while k < len(low) and low[k] in _QUOTES:
            k += 1
        if not targets and label and end - v <= 4 and not any(v < g.i < end for g in f.groups) and k < len(low) \
                and low[k] in DETERMINERS:
            # "declared 'invalid' the accords Turkey had signed with Libya": the judgement before the phrase it judges,
            # whose doers (the parties of an accord, decision 23) follow in it
            stop = next((x for x in range(k, min(len(low), k + 12)) if low[x] in (",", ";", "before", "after", "when",
                                                                             "while", "as", "because")), k + 12)
            targets = [g for g in f.groups if k < g.i < stop and g.prep in ("", "with", "between", "by")
                       and not set(g.actors) & own]
        if not targets and label and any(w in ("its", "their") for w in low[v + 1:end]):
            # "broke off relations with Israel, branding its government fascist": the state named last before
            prior = [g for g in f.groups if g.j <= v and g.i > speaker.i and not set(g.actors) & own]
            targets = prior[-1:]
        if not targets and not label:
            # "said it was a huge disappointment to see Modi hug Putin": the judged actor follows
            targets = [g for g in f.groups if end < g.i <= end + 6 and not g.prep and not set(g.actors) & own][:1]
        if not targets and label and not any(v < g.i < end for g in f.groups):
            # the doer named earlier: not a speaker of its own ("ASEAN denounces ..., the chair said"),
            # possibly as the owner of a deed ("the junta's execution of activists")
            earlier = next((g for g in f.groups if g.j <= speaker.i and not g.prep
                            and not (g.possessive and not self._owns_deed(g))
                            and not set(g.actors) & own and not g.kinds <= {"modifier"}
                            and not self._speaks(g)), None)
            if earlier is not None:
                targets = [earlier]
            elif self.discourse is not None and self.discourse.last_subject and \
                    self.discourse.last_subject not in own and speaker.i == min(g.i for g in f.groups):
                # "Seoul called the curbs reckless": the curbs of the previous sentence's subject
                last = self.discourse.last_subject
                targets = [Group([Span(v, v + 1, last, "coref")], v, v + 1)]
        for g in targets:
            self.emit(speaker, g, "criticizes", v, 0.6, low[v])

    def _by_before(self, g: Group, start: int) -> bool:
        """ "remarks by senior US officials": "by" before the group with only modifiers between (not "by purchasing
        North Korean arms", where the group belongs to the gerund)."""
        low = self.f.lowers
        for x in range(g.i - 1, max(start, g.i - 3), -1):
            if low[x] == "by":
                return True
            if not low[x].isalpha() or low[x].endswith("ing") or low[x] in DETERMINERS:
                return False
        return False

    def _owns_deed(self, g: Group) -> bool:
        """True when a possessive group owns a common noun that is not one of its own bodies: "the junta's
        execution of activists", not "China's foreign ministry"."""
        low = self.f.lowers
        x = g.j + (g.j < len(low) and low[g.j] in ("'s", "'"))
        return x < len(low) and low[x].isalpha() and self.f.tokens[x].text.islower() and low[x] not in AGENT_NOUNS

    def _speaks(self, g: Group) -> bool:
        """True when the group is followed by a verb of saying or judging: it speaks, it is not judged."""
        low = self.f.lowers
        for x in range(g.j, min(len(low), g.j + 3)):
            if low[x] in SPEAK_OR_JUDGE:
                return True
            if low[x] not in _QUOTES and low[x] != ",":
                return False
        return False

    def _concern_fallback(self, subj: Group, t: int, conf: float) -> None:
        """ "X expressed concern over potential power imbalances" after a sentence part about Y and Z:
        concern about what those actors do (annotation guide, 9: concern about a pact is concern by both)."""
        f = self.f
        low = f.lowers
        if not any(w in ("over", "about", "at", "regarding") for w in low[t + 1:t + 3]):
            return
        pact = self._fallback_object("concernedBy", subj, t)
        if pact is not None:
            self.emit(subj, pact, "concernedBy", t, conf - 0.1, low[t])  # "concern over the pact" (annotation guide, 9)
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
            if w == "to" and low[x + 1:x + 2] == ["take"]:
                # "vowed to take all necessary measures": firm measures, not "to take steps to protect trade"
                m = next((y for y in range(x + 2, min(len(low), x + 6)) if low[y] in _MEASURES), None)
                if m is not None and any(low[y] in _FIRM for y in range(x + 2, m)):
                    t = m
                break
            if w == "right" and low[v] in _RESERVE_VERBS:
                continue  # "reserved the right to respond"
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
