"""Shallow argument frames: find the subject and object of each trigger in a sentence.

The sentence is a list of tokens with actor mentions (``Span``) merged into coordinated
groups ("the United States, Japan and Australia"). Clauses are cut at hard boundaries
(";", ", but", ", while", relative pronouns). A verb's subject is the nearest group on its
left in the clause that is not inside a prepositional phrase; its object is the first group on
its right introduced by one of the trigger's prepositions. A noun's subject comes from inside
its noun phrase ("Tehran's drone deliveries", "Iranian drones", "the China-Russia trade", "by X",
"between X and Y"), or from the clause after a light verb ("imposed sanctions on").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text import Token
from .lexicon import AGENT_HEADS, CAUSE_VERBS, GOODS, REPORT_VERBS, TROOP_WORDS, WORDS
from .mentions import Span
from .triggers import AGREEMENT_NOUNS, LIGHT_VERBS

DETERMINERS = frozenset("""
the a an its their his her our this that these those any some no each every such another
""".split())
POSSESSIVE_PRONOUNS = frozenset("its their his her".split())
PREPOSITIONS = frozenset("""
to from with in at on over for by against about of into onto toward towards between among amid
regarding concerning upon via after before during since until through across around near
""".split())
BE_FORMS = frozenset("is are was were be been being am get gets got getting".split())
AUX = frozenset("has have had will would could can may might must should shall does do did "
                "is are was were be been being".split())
HARD_BOUNDARY_WORDS = frozenset("""
while whereas but although though because whose who which where when as after before since despite
unless if until whether
""".split())
RELATIVE = frozenset("who which that whose".split())
PAIR_WORDS = frozenset({"and", ",", "or", "&", "nor"})
_CONNECTORS = frozenset({"and", "or", ",", "&"})
_ADVERB_OK = WORDS["adverb_ok"]


# Words that are prepositions before a noun but conjunctions before a clause: "after Russia invaded".
_SUBORDINATORS = frozenset("after before since until as".split())
_FLOW_NOUNS = WORDS["flow_nouns"]
_ATTEMPT_NOUNS = WORDS["attempt_nouns"]
_MEMBER_NOUNS = WORDS["member_nouns"]


_CLAUSE_WORDS = HARD_BOUNDARY_WORDS | frozenset({";", "—", "–", ",", "who", "which", "whose", "where", "as", "after",
                                                 "before", "since", "until"})


@dataclass
class Group:
    """Coordinated actor mentions: tokens ``i`` to ``j``."""

    spans: list[Span]
    i: int
    j: int
    prep: str = ""  # preposition introducing the group ("" if none)
    possessive: bool = False  # followed by 's
    hyphen: bool = False  # "North Korea-Russia" pair
    between: bool = False  # "between X and Y"

    @property
    def actors(self) -> list[str]:
        seen: list[str] = []
        for s in self.spans:
            if s.actor not in seen:
                seen.append(s.actor)
        return seen

    @property
    def kinds(self) -> set[str]:
        return {s.kind for s in self.spans}


def lowercase(tokens: list[Token]) -> list[str]:
    """Lowercased token texts with typographic apostrophes made plain."""
    out = [t.text.lower() for t in tokens]
    for i, w in enumerate(out):
        if "’" in w:
            out[i] = w.replace("’", "'")
    return out


@dataclass
class Candidate:
    """A relation found in a sentence, before attributes are attached."""

    subject: str
    predicate: str
    object: str
    trigger_index: int  # token index of the trigger
    trigger: str
    confidence: float
    subj_span: Span | None = None
    obj_span: Span | None = None
    rule: str = ""  # the rule that found it (empty: the token-window rules)
    negated: bool | None = None  # read off the parse; None: decided by the window cues
    hedged: bool | None = None
    speaker: str | None = None
    replaces: bool = False  # a re-reading of its trigger (a vow, an undone pact): the window's reading of it goes


_TEXT_NOUNS = WORDS["text_nouns"]
_DRAFTED = WORDS["drafted"]
_IRREGULAR_PARTICIPLES = WORDS["irregular_participles"]


@dataclass
class SentenceFrame:
    tokens: list[Token]
    spans: list[Span]
    groups: list[Group] = field(default_factory=list)
    lowers: list[str] = field(default_factory=list)
    clause: list[int] = field(default_factory=list)  # clause id of each token
    group_at: dict[int, Group] = field(default_factory=dict)  # token index -> group covering it
    _runs: list[tuple[int, int]] | None = None
    vocabulary: frozenset[str] = frozenset()  # the sentence's distinct lowercased tokens

    @classmethod
    def analyse(cls, tokens: list[Token], spans: list[Span], lowers: list[str] | None = None,
                clauses: bool = True) -> "SentenceFrame":
        frame = cls(tokens, spans)
        frame.lowers = lowers if lowers is not None else lowercase(tokens)
        frame.vocabulary = frozenset(frame.lowers)
        frame._group()
        if clauses:
            frame._clauses()
        return frame

    # -- structure -----------------------------------------------------------------------------
    def _group(self) -> None:
        spans = sorted(self.spans, key=lambda s: s.i)
        low = self.lowers
        groups: list[Group] = []
        k = 0
        while k < len(spans):
            cur = [spans[k]]
            hyphen = False
            while k + 1 < len(spans):
                a, b = cur[-1], spans[k + 1]
                gap = low[a.j:b.i]
                if gap == ["-"] or gap == ["–"]:
                    hyphen = True
                elif not gap and a.kind == b.kind == "pair":
                    pass
                elif "," in gap and b.kind == "coref" and low[b.i] in ("he", "she"):
                    break  # "During Lula's visit to Beijing, he and Xi ...": not a list
                elif gap in ([",", "and"], [",", "but"], [",", "or"]) and len(cur) == 1:
                    break  # "... at the G20, and Ottawa expelled": a new clause (an Oxford comma needs 3)
                elif not gap or not (all(w in _CONNECTORS or w in ("the", "both") for w in gap)
                                     or gap in (["as", "well", "as"], [",", "as", "well", "as"])) or len(gap) > 4:
                    break
                elif b.kind != a.kind and {a.kind, b.kind} & {"origin", "modifier"} \
                        and not {a.kind, b.kind} <= {"origin", "modifier", "agent"}:
                    break
                cur.append(b)
                k += 1
            cur, k = self._trim_list(cur, k)
            hyphen = hyphen and len(cur) > 1
            g = Group(cur, cur[0].i, cur[-1].j, hyphen=hyphen)
            # an agent phrase shared by coordinated demonyms: "American, British and French forces"
            if all(s.kind in ("modifier", "origin", "agent") for s in cur) and cur[-1].kind == "agent":
                g.spans = [Span(s.i, s.j, s.actor, "agent", s.person, cur[-1].head) for s in cur]
            p = g.i - 1
            while p >= 0 and (low[p] in DETERMINERS or low[p] in ("both", "all", "fellow", "neighbouring",
                                                                   "neighboring") ):
                p -= 1
            if p >= 0 and low[p] in PREPOSITIONS:
                g.prep = low[p]
                if low[p] == "between":
                    g.between = True
            if g.j < len(low) and low[g.j] in ("'s", "'"):
                g.possessive = True
            groups.append(g)
            k += 1
        self.groups = groups
        for g in groups:
            for t in range(g.i, g.j):
                self.group_at[t] = g

    def _trim_list(self, cur: list[Span], k: int) -> tuple[list[Span], int]:
        """A list joined only by commas needs a final "and"/"or": "Washington, Paris and Berlin".
        Without one, "the Russian army, Kyiv ..." is two phrases, not a list."""
        low = self.lowers
        gaps = [low[a.j:b.i] for a, b in zip(cur, cur[1:])]
        conj = [n for n, gap in enumerate(gaps) if "and" in gap or "or" in gap]
        if len(conj) > 1:
            # "in Syria, and Germany and France halted": the ", and" starts a new clause
            split = next((n for n in conj if gaps[n][:1] == [","]), None)
            if split is not None:
                k -= len(cur) - (split + 1)
                cur = cur[:split + 1]
                gaps = gaps[:split]
        last_conj = max((n for n, gap in enumerate(gaps) if not gap or any(
            w in ("and", "or", "&", "well", "-", "–") for w in gap)), default=-1)
        keep = last_conj + 2 if last_conj >= 0 else 1
        if keep < len(cur):
            k -= len(cur) - keep
            cur = cur[:keep]
        return cur, k

    def _clauses(self) -> None:
        """Give each token a clause id. A ", which ... ," relative clause gets its own id and the
        tokens after it return to the clause it interrupted."""
        low = self.lowers
        n = len(low)
        self.relative = [False] * n
        out: list[int] = []
        last_id = 0
        cid = 0
        outer: int | None = None
        for idx, w in enumerate(low):
            if outer is None and w not in _CLAUSE_WORDS:
                out.append(cid)
                continue
            nxt = low[idx + 1] if idx + 1 < n else ""
            prev = low[idx - 1] if idx else ""
            if outer is not None:
                if w in (",", ";", "—", "–"):
                    cid, outer = outer, None
                else:
                    self.relative[idx] = True
                out.append(cid)
                continue
            if prev == "," and w in ("which", "who", "whose"):
                outer = cid
                last_id += 1
                cid = last_id
                self.relative[idx] = True
                out.append(cid)
                continue
            new = False
            if w in (";", "—", "–") and idx not in self.group_at:
                new = True
            elif w == "," and nxt in ("which", "who", "whose"):
                new = False  # the relative clause opens at the pronoun
            elif w == "," and (nxt in HARD_BOUNDARY_WORDS or nxt == "and" and idx + 2 < n
                               and low[idx + 2] not in ("the",) and (idx + 2) not in self.group_at
                               or nxt == "and" and (idx + 2) in self.group_at and self._clause_subject_after(idx + 2)):
                new = True
            elif w in ("who", "which", "whose", "where") or w in HARD_BOUNDARY_WORDS and w not in (
                    "as", "since", "after", "before", "until"):
                new = True
            elif w in ("as", "after", "before", "since", "until") and nxt not in ("well", "of", "part") \
                    and not nxt[:1].isdigit() and idx > 0:
                new = True
            if new:
                last_id += 1
                cid = last_id
            out.append(cid)
        self.clause = out

    def clause_span(self, t: int) -> tuple[int, int]:
        """First and one-past-last token of the contiguous run of ``t``'s clause."""
        spans = self._runs
        if spans is None:
            spans = self._runs = []
            start = 0
            for idx in range(1, len(self.clause) + 1):
                if idx == len(self.clause) or self.clause[idx] != self.clause[start]:
                    spans.extend([(start, idx)] * (idx - start))
                    start = idx
        return spans[t]

    def _clause_subject_after(self, idx: int) -> bool:
        g = self.group_at.get(idx)
        if g is None:
            return False
        nxt = self.lowers[g.j] if g.j < len(self.lowers) else ""
        if nxt in ("'s", "'"):
            return self._possessive_agent(g)  # ", and Russia's embassy denounced ..."
        return nxt not in (",", "and", ".", "")

    # -- argument search -----------------------------------------------------------------------
    def groups_left(self, t: int) -> list[Group]:
        return [g for g in reversed(self.groups) if g.j <= t]

    def groups_right(self, t: int) -> list[Group]:
        return [g for g in self.groups if g.i > t]

    def same_clause(self, a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        return self.clause[lo] == self.clause[min(hi, len(self.clause) - 1)]

    def is_passive(self, t: int) -> bool:
        w = self.lowers[t]
        if not (w.endswith("ed") or w in _IRREGULAR_PARTICIPLES):
            return False
        p = t - 1
        while p >= 0 and self.lowers[p] in _ADVERB_OK:
            p -= 1
        if p >= 0 and self.lowers[p] in BE_FORMS:
            return True
        # reduced relative: "drones bought from Turkey", "shells sent from North Korea"
        if p >= 0 and (self.lowers[p] in GOODS or self.lowers[p] == ",") and t + 1 < len(self.lowers) \
                and self.lowers[t + 1] in ("from", "by", "to"):
            return True
        return False

    def subject_left(self, t: int, allow_oblique: frozenset[str] = frozenset()) -> Group | None:
        """The nearest group on the left of token ``t`` acting as a clause subject."""
        low = self.lowers
        p = t - 1
        while p >= 0 and (low[p] in _ADVERB_OK or low[p] in AUX or low[p] in BE_FORMS or low[p] == "not"):
            p -= 1
        if p >= 1 and low[p] in ("that", "which"):
            before = low[max(0, p - 6):p]
            if low[p - 1] in _TEXT_NOUNS or low[p - 1] == "," and p >= 2 and low[p - 2] in _TEXT_NOUNS \
                    or _TEXT_NOUNS.intersection(before) and _DRAFTED.intersection(before):
                # "vetoed a resolution (drafted by Britain) that condemned Myanmar": the text condemns
                return None
        # "Moscow's bid to annex ...", "Beijing's attempt to isolate ...": the possessor acts
        if t >= 3 and low[t - 1] == "to" and low[t - 2] in _ATTEMPT_NOUNS:
            g = self.group_at.get(t - 4) if low[t - 3] in ("'s", "'") else None
            if g is None and t >= 4 and low[t - 4] in ("'s", "'"):
                g = self.group_at.get(t - 5)
            if g is not None:
                return g
        for g in self.groups_left(t):
            if self.relative[g.i] and not self.relative[t]:
                continue  # "Turkey, which regards Azerbaijan as an ally, gave ...": skip the relative clause
            if not self.same_clause(g.j - 1, t):
                # relative pronoun right after the group: the group is the antecedent
                between = low[g.j:t]
                if g.possessive and "," in between and self._possessive_agent(g):
                    between = between[between.index(","):]  # "Pakistan's air force, which received ..."
                if between and between[0] == "," and len(between) > 1 and between[1] in ("who", "which") \
                        and self.relative[t]:
                    return g
                if between and between[0] in ("who", "which", "that") and self.clause[t] == self.clause[g.j]:
                    return g
                return None
            if g.j < len(low) and low[g.j] in _MEMBER_NOUNS and not g.possessive:
                continue  # "its NATO ally": a modifier
            if "and" in low[g.j:t] and self._object_position(g) and not any(
                    x in self.group_at and not self.group_at[x].kinds <= {"modifier", "origin"}
                    for x in range(g.j, t)):
                continue  # "... to visit Tokyo and agreed with Kishida": Tokyo is the first verb's object
            gerund_subject = low[t].endswith("ing") and (g.j == t or g.j + 1 == t and low[g.j] in _ADVERB_OK)
            if g.prep in ("of", "from") and self._agent_of(g):
                return g
            if g.prep and g.prep not in allow_oblique and g.prep not in _SUBORDINATORS and not gerund_subject \
                    and not (g.prep == "with" and g.j < len(low) and low[g.j].endswith("ing")):
                continue
            if g.possessive and not self._possessive_agent(g):
                continue
            if g.kinds <= {"modifier", "origin"}:
                continue
            return g
        return None

    def _agent_of(self, g: Group) -> bool:
        """ "the leaders of X and Y", "the foreign ministers of X", "officials from X": the group acts."""
        low = self.lowers
        p = g.i - 1
        while p >= 0 and low[p] in DETERMINERS:
            p -= 1
        return p >= 1 and low[p] in ("of", "from") and low[p - 1] in AGENT_HEADS

    def _object_position(self, g: Group) -> bool:
        """The group follows a verb-like word directly (after determiners): "visit Tokyo"."""
        low = self.lowers
        p = g.i - 1
        while p >= 0 and low[p] in DETERMINERS:
            p -= 1
        if p < 0:
            return False
        w = low[p]
        return w.isalpha() and w.islower() and w not in PREPOSITIONS and w not in _CONNECTORS \
            and w not in HARD_BOUNDARY_WORDS and w not in ("that", "said", "says", "told") and w not in AUX

    def _possessive_agent(self, g: Group) -> bool:
        """ "Russia's embassy", "Iran's foreign ministry" act for the state."""
        low = self.lowers
        k = g.j + 1
        while k < len(low) and k - g.j <= 4:
            if low[k] in AGENT_HEADS:
                return True
            if low[k] in (",", "and") or low[k] in PREPOSITIONS:
                return False
            k += 1
        return False

    def object_right(self, t: int, preps: tuple[str, ...], window: int = 14,
                     skip_drafters: bool = False) -> Group | None:
        low = self.lowers
        for g in self.groups_right(t):
            if g.between and "between" in preps and g.i - t <= window and ";" not in low[t:g.i]:
                return g
            if g.i - t > window or not self.same_clause(t, g.i):
                return None
            if skip_drafters and self.is_drafter(g):
                continue
            prep = g.prep
            if prep == "between":
                if "between" in preps:
                    return g
                continue
            if g.j < len(low) and low[g.j] in _MEMBER_NOUNS and not g.possessive:
                continue  # "its NATO ally Turkey": NATO modifies "ally"
            if prep == "" and "," in low[t + 1:g.i]:
                if "" in preps and len(preps) == 1:
                    return None
                continue
            if prep in preps or (prep == "" and "" in preps):
                # a direct object must not be separated from the trigger by another preposition
                # phrase that is not ours ("sent shells in 2023 to Russia" is fine; "met in Beijing"
                # yields no direct object)
                return g
            if prep == "" and "" not in preps and self._prep_before_np(g, preps):
                return g  # "offensive in north-eastern Syria", "concern over Chinese conduct"
            if prep in ("of", "from") and "" in preps and self._agent_head_before(g, t):
                return g  # "met her counterpart from Estonia", "received a delegation of Iranian officials"
        return None

    def _prep_before_np(self, g: Group, preps: tuple[str, ...]) -> bool:
        """A demonym inside the object's noun phrase: "concern over Chinese conduct"."""
        low = self.lowers
        p = g.i - 1
        while p >= 0 and p > g.i - 4 and low[p] not in PREPOSITIONS:
            if p in self.group_at:
                return False
            p -= 1
        return p >= 0 and low[p] in preps and low[p] != ""

    def _agent_head_before(self, g: Group, t: int) -> bool:
        """The object phrase is headed by a person or body noun before "of/from X"."""
        low = self.lowers
        p = g.i - 1
        while p > t and low[p] in DETERMINERS:
            p -= 1
        if p <= t or low[p] not in ("of", "from"):
            return False
        head = p - 1
        return head > t and low[head] in AGENT_HEADS and not any(x in self.group_at for x in range(t + 1, head))

    def is_drafter(self, g: Group) -> bool:
        """Whether ``g`` names who drafted or sponsored a text: "a US-drafted resolution", "the French
        text", "a resolution drafted by Russia" (Russia), not "a text on Mali drafted by Russia" (Mali)."""
        low = self.lowers
        nxt = low[g.j:g.j + 3]
        if nxt[1:2] == ["by"] and nxt[0] in _DRAFTED:
            return False  # passive: the drafter comes after "by"
        if g.i >= 2 and low[g.i - 1] == "by" and low[g.i - 2] in _DRAFTED:
            return True
        return bool(nxt) and (nxt[0] == "-" and len(nxt) > 1 and nxt[1].startswith("draft")
                              or nxt[0].startswith("draft") or nxt[:2] == ["-", "sponsored"]
                              or nxt[0] in ("resolution", "text", "proposal", "motion")
                              or (g.hyphen and len(nxt) > 0 and nxt[0].startswith("draft")))

    def np_subject(self, t: int) -> Group | None:
        """Subject inside the trigger's noun phrase: "Tehran's drone deliveries", "Iranian drones"."""
        low = self.lowers
        p = t - 1
        steps = 0
        while p >= 0 and steps < 5:
            g = self.group_at.get(p)
            if g is not None:
                if g.j < len(low) and low[g.j] in _MEMBER_NOUNS and g.j == t and not g.possessive:
                    return None  # "NATO ally": membership, not the subject
                if g.possessive or g.kinds & {"origin", "modifier", "agent"} or g.hyphen:
                    return g
                if g.j == t or (g.j < t and all(low[x] in ("-",) for x in range(g.j, t))) or (
                        t - g.j <= 2 and all(low[x] in GOODS or low[x] in _FLOW_NOUNS for x in range(g.j, t))):
                    return g  # "Security Council sanctions", "US aid", "an EU aid package"
                return None
            w = low[p]
            if w in ("and", ",") and 0 < p and p + 1 < t and low[p - 1] in GOODS and low[p + 1] in GOODS:
                p -= 1  # "Russia's oil and gas exports": coordinated goods inside the noun phrase
                steps += 1
                continue
            if w in PREPOSITIONS or w in (",", ";", "and", "or") or w in AUX or w in LIGHT_VERBS \
                    or w in CAUSE_VERBS or w in REPORT_VERBS:
                return None
            if w in ("'s", "'"):
                p -= 1
                continue
            if w in POSSESSIVE_PRONOUNS:
                return self.antecedent(p)
            if w == "whose" and p >= 2 and low[p - 1] == ",":
                return self.group_at.get(p - 2)  # "Turkey, whose trade with Israel ..."
            p -= 1
            steps += 1
        return None

    def foreign_possessor(self, t: int) -> bool:
        """The noun at ``t`` has a possessor that is not an actor: "Nancy Pelosi's August visit"."""
        low = self.lowers
        for p in range(t - 1, max(-1, t - 6), -1):
            if p in self.group_at or low[p] in PREPOSITIONS or low[p] in (",", ";"):
                return False
            if low[p] in ("'s", "'") and p >= 1 and self.tokens[p - 1].text[:1].isupper():
                return True
        return False

    def antecedent(self, p: int) -> Group | None:
        """What "its"/"their" at token ``p`` refers to: the nearest actor before it that is neither
        a modifier nor a place ("Russia using its veto", "Australia scrapped a French contract under
        its pact")."""
        low = self.lowers
        fallback = None
        for g in self.groups_left(p):
            if g.kinds <= {"modifier", "origin"} or g.prep in ("in", "at", "near"):
                continue
            if g.prep and g.prep not in _SUBORDINATORS and g.prep != "by":
                fallback = fallback or g  # "concern over China's use ... their support": not China
                continue
            if "that" in low[g.j:p] and self._object_position(g):
                fallback = fallback or g  # "reminded Beijing that its treaty": the reminder's subject
                continue
            return g
        return fallback

    def light_verb_before(self, t: int, extra: frozenset[str] = frozenset()) -> int | None:
        """A light verb governing the noun at ``t``: "imposed new sanctions", "voiced support for X
        and concern over Y" (a prepositional phrase and "and" may stand between)."""
        low = self.lowers
        p = t - 1
        steps = 0
        while p >= 0 and steps < 10 and self.clause[p] == self.clause[t]:
            if low[p] in LIGHT_VERBS or low[p] in extra:
                return p
            g = self.group_at.get(p)
            if g is not None:
                if not g.prep:
                    q = g.i - 1
                    while q >= 0 and low[q] in DETERMINERS:
                        q -= 1
                    if q >= 0 and (low[q] in LIGHT_VERBS or low[q] in extra):
                        return q  # "gave Baku diplomatic backing": an indirect object
                    return None
                p = g.i - 1
                while p >= 0 and (low[p] in DETERMINERS or low[p] == g.prep):
                    p -= 1
                steps += 1
                continue
            if low[p] in PREPOSITIONS and low[p] not in ("of", "for", "to", "with", "on", "over", "against"):
                return None
            p -= 1
            steps += 1
        return None

    def has_goods_near(self, t: int, window: int = 10, after: bool = False) -> bool:
        low = self.lowers
        for x in range(t + 1 if after else max(0, t - 3), min(len(low), t + window)):
            if low[x] in GOODS or low[x].rstrip("s") in GOODS:
                return True
        return False

    def troops_near(self, t: int, window: int = 5) -> bool:
        low = self.lowers
        return any(low[x] in TROOP_WORDS for x in range(t + 1, min(len(low), t + window)))

    def agreement_near(self, t: int, window: int = 8) -> bool:
        """An agreement noun after the verb, or just before it ("the accords Israel signed")."""
        return self.word_near(t, AGREEMENT_NOUNS, window, before=4)

    def word_near(self, t: int, words: frozenset[str], window: int = 8, before: int = 0) -> bool:
        low = self.lowers
        return any(low[x] in words for x in range(max(0, t - before), min(len(low), t + window)) if x != t)

    def pair_neighbour(self, t: int) -> Group | None:
        """ "the North Korea-Russia alliance", "China-Russia trade": a hyphenated pair before a noun."""
        p = t - 1
        steps = 0
        while p >= 0 and steps < 4:
            g = self.group_at.get(p)
            if g is not None:
                return g if g.hyphen and len(g.actors) >= 2 else None
            if self.lowers[p] in PREPOSITIONS or self.lowers[p] in (",", ";"):
                return None
            p -= 1
            steps += 1
        return None
