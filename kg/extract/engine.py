"""The parse-based rule engine: a trigger lexicon and declarative construction rules, both data.

``data/triggers.tsv`` (ours) and ``data/cameo_triggers.tsv`` (generated from PETRARCH2's CAMEO verb
dictionary by ``tools/make_cameo_lexicon.py``) say which lemma expresses which relation and in which
frame. ``data/rules.toml`` holds the constructions: each rule names the frames and parts of speech it
applies to, conditions on the trigger, the slots (see :mod:`kg.extract.syntax`) where its subject and
object are found, a weight, and the sentences it must fire on and must not fire on
(``tests/test_rules.py`` runs them all). The engine interprets them; it knows no words and no actors.

>>> engine = load_engine()
>>> {"verb-active", "event-noun", "predicate-label"} <= {r.id for r in engine.rules}
True
>>> [e.relation for e in engine.entries[("condemn", "VERB")]]
['criticizes']
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from ..predicates import RELATION_PREDICATES, SYMMETRIC_PREDICATES
from .syntax import ActorRef, Sentence, Slots, hyphen_prefix, lemma, loading_participles, of_phrase


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: ``lemma`` as ``pos`` expresses ``relation`` in ``frame``."""

    lemma: str
    pos: str
    relation: str
    frame: str
    preps: tuple[str, ...]
    confidence: float
    needs: str = ""
    source: str = "kg"
    dobj: str = ""  # CAMEO patterns: a noun that must be the direct object (a particle is a "prt:" need)


class Entries(Mapping):
    """The lexicon by ``(lemma, pos)``: each key's entries kept as one line of text a record (tab
    between fields) and made :class:`Entry` records the first time the key is asked for. A start reads
    the 1,200 texts from the cache in a tenth of the time 7,000 records take, and a short article asks
    for a few dozen keys."""

    __slots__ = ("_rows", "_made")

    def __init__(self, rows: dict[tuple[str, str], str]):
        self._rows = rows
        self._made: dict[tuple[str, str], tuple[Entry, ...]] = {}

    @classmethod
    def of(cls, entries: dict[tuple[str, str], list[Entry]]) -> "Entries":
        rows = {k: "\n".join(_encode(e) for e in v) for k, v in entries.items()}
        made = cls(rows)
        for k, v in entries.items():
            if made[k] != tuple(v):  # a field with a tab, a newline or a comma in a preposition
                raise ValueError(f"triggers: the entry {k} cannot be kept as text: {v}")
        return cls(rows)

    def __getitem__(self, key: tuple[str, str]) -> tuple[Entry, ...]:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = tuple(_decode(line) for line in self._rows[key].split("\n"))
        return made

    def get(self, key, default=None):
        return self[key] if key in self._rows else default

    def __contains__(self, key) -> bool:
        return key in self._rows

    def __iter__(self):
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __reduce__(self):
        return (Entries, (self._rows,))


def _encode(e: Entry) -> str:
    return "\t".join((e.lemma, e.pos, e.relation, e.frame, ",".join(e.preps), repr(e.confidence), e.needs,
                      e.source, e.dobj))


def _decode(line: str) -> Entry:
    lem, pos, relation, frame, preps, confidence, needs, source, dobj = line.split("\t")
    return Entry(lem, pos, relation, frame, tuple(preps.split(",")) if preps else (), float(confidence), needs,
                 source, dobj)


@dataclass(frozen=True, slots=True)
class Rule:
    """A construction: where a frame's subject and object sit, with its own examples."""

    id: str
    frames: tuple[str, ...]
    pos: tuple[str, ...]
    subject: tuple[str, ...]
    object: tuple[str, ...]
    weight: float = 1.0
    voice: str = ""  # "active", "passive" or "" (either)
    deps: tuple[str, ...] = ()  # the trigger's dependency label must be one of these
    governor: str = ""  # a [lists] name the governing verb's lemma must be in ("!name": must not be)
    modifier: str = ""  # a [lists] name one of the trigger's adjectives or compounds must be in ("threatened")
    pairs: bool = False  # a symmetric relation among all actors of the subject slot
    relation: str = ""  # overrides the entry's relation
    only: tuple[str, ...] = ()  # applies only to entries of these relations
    require_object: bool = False  # a symmetric relation needs an object too (no pairs within the subject)
    themes: tuple[tuple[str, str], ...] = ()  # (list, relation): what is given, when in the list, sets the relation
    replaces: bool = False  # its reading of the trigger replaces the window rules' reading of the same word and pair
    fires: tuple[tuple[str, str], ...] = ()
    misses: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """A relation one rule found: the parser token of its trigger and the actors' tokens."""

    subject: ActorRef
    predicate: str
    object: ActorRef
    trigger: int  # parser token index
    confidence: float
    rule: str


_LOWER_LEMMA: dict[int, str] = {}  # a lemma's hash -> the lemma in lowercase (bounded by the vocabulary)


@lru_cache(maxsize=4)
def _lemma_words(engine: "Engine") -> frozenset[str]:
    """The lemmas an engine has entries for, under any part of speech."""
    return frozenset(lem for lem, _ in engine.entries)


@dataclass(frozen=True, eq=False)
class Engine:
    rules: tuple[Rule, ...]
    entries: Mapping[tuple[str, str], tuple[Entry, ...]]  # an Entries
    lists: dict[str, frozenset[str]]
    surface: frozenset[str]  # lowercase word forms that may be a trigger (a cheap gate before parsing)

    @cached_property
    def given_words(self) -> frozenset[str]:
        """The lemmas of the things a transfer gives that the rules' themes know: goods, aid, troops, money."""
        return frozenset().union(*(self.lists.get(n, frozenset()) for n in ("goods", "aid", "troops", "money")))

    @cached_property
    def forms_by_relation(self) -> dict[str, frozenset[str]]:
        """relation -> the word forms by which its lexicon entries may appear (a cheap gate before parsing)."""
        out: dict[str, set[str]] = {}
        for entries in self.entries.values():
            for e in entries:
                out.setdefault(e.relation, set()).update(entry_forms(e))
        return {rel: frozenset(forms) for rel, forms in out.items()}

    @cached_property
    def replacing(self) -> frozenset[str]:
        """The ids of the rules whose reading replaces the window rules' reading of the same word."""
        return frozenset(r.id for r in self.rules if r.replaces)

    def hits(self, sent: Sentence) -> list[Hit]:
        """Every relation the rules find in a parsed sentence."""
        from spacy.attrs import LEMMA

        out: list[Hit] = []
        doc = sent.doc
        strings = doc.vocab.strings
        lemmas = _lemma_words(self)
        for i, h in enumerate(doc.to_array([LEMMA]).tolist()):
            low = _LOWER_LEMMA.get(h)
            if low is None:
                low = _LOWER_LEMMA[h] = strings[h].lower()
            name = None
            if low not in lemmas:
                if i < 2 or doc[i - 1].text != "-":
                    continue  # most tokens: no entry under any part of speech
                prefix = hyphen_prefix(doc[i])  # "flare-up": the parser splits the word at the hyphen
                name = f"{prefix.lower_}-{low}" if prefix is not None else None
                if name not in lemmas:
                    continue
            tok = doc[i]
            pos = "VERB" if tok.pos_ in ("VERB", "AUX") else tok.pos_
            if pos == "PROPN":
                pos = "NOUN"
            entries = self.entries.get((name or lemma(tok), pos))
            if not entries:
                continue
            for entry in entries:
                if entry.needs and not self._needs(entry.needs, tok, sent):
                    continue
                if entry.dobj and not any(c.dep_ == "dobj" and lemma(c) == entry.dobj for c in tok.children):
                    continue
                slots = Slots(sent, tok, entry.preps, entry.relation)
                for rule in self.rules:
                    if entry.frame in rule.frames and pos in rule.pos and self._applies(rule, entry, slots, sent):
                        out.extend(self._fire(rule, entry, slots))
        return out

    # -- conditions -----------------------------------------------------------------------------
    def _needs(self, need: str, tok, sent: Sentence) -> bool:
        """Whether the trigger's dependents meet an entry's ``needs`` condition (see triggers.tsv)."""
        if "&" in need:  # every condition: "head:light&!of:consequence"
            return all(self._needs(part, tok, sent) for part in need.split("&"))
        if need.startswith("!"):
            return not self._needs(need[1:], tok, sent)
        if need.startswith("head:"):  # "sent Myanmar a warning": the verb a noun is the object of is in the list
            return tok.dep_ in ("dobj", "attr", "nsubjpass", "advmod") and lemma(tok.head) in sent.words(need[5:])
        if need.startswith("sender:"):  # "Kenyan police landed in Haiti to help ...", "sent troops to help ..."
            words = sent.words(need[7:])
            cur = tok
            for _ in range(4):
                doers = [c for c in cur.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
                if any(lemma(d) in words for d in doers):
                    return True
                if cur.dep_ not in ("xcomp", "advcl", "conj") or cur.head.i == cur.i:
                    return False
                cur = cur.head
            return False
        if need.startswith("supporting:"):  # "deployed troops in Congo in support of M23 rebels"
            words = sent.words(need[11:])
            return any(lemma(p) == "support" and any(lemma(r) in words for q in p.children
                                                      if q.dep_ == "prep" and lemma(q) == "of"
                                                      for r in q.children if r.dep_ == "pobj")
                       for c in tok.children if c.dep_ == "prep" and lemma(c) == "in"
                       for p in c.children if p.dep_ == "pobj")
        if need.startswith("oflist:"):  # "the deployment of thousands of soldiers": what the noun is of, counted
            words = sent.words(need[7:])
            things = of_phrase(tok)
            things += [p for t in list(things) if lemma(t) in sent.words("quantities") for p in of_phrase(t)]
            return any(lemma(t) in words for t in things)
        if need == "toactor":  # "deployed to Haiti", not "deployed to the border with India": the state itself
            return any(p.i in sent.actor_at for c in tok.children if c.dep_ == "prep" and lemma(c) in ("to", "in")
                       for p in c.children if p.dep_ == "pobj")
        if need.startswith("forlist:"):  # "a deal with Paris for 42 Rafale jets": what a "for" phrase names
            words = sent.words(need[8:])
            return any(lemma(p) in words or p.lower_ in words for c in tok.children
                       if c.dep_ == "prep" and lemma(c) == "for" for p in c.children if p.dep_ == "pobj")
        if need.startswith(("tolist:", "fromlist:")):  # "a deployment to the border": where a "to" phrase leads;
            # "removed Mali from a trade preference programme": what a "from" phrase leaves
            prep, _, name = need.partition("list:")
            words = sent.words(name)
            return any(lemma(p) in words for c in tok.children if c.dep_ == "prep" and lemma(c) == prep
                       for p in c.children if p.dep_ == "pobj")
        if need.startswith("given:"):  # "delivered free cargoes of grain": what is given has a modifier in the list
            words = sent.words(need[6:])
            things = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if not things and tok.dep_ in ("acl", "relcl"):
                things = [tok.head]  # "the mutual defence treaty signed by Russia and North Korea"
            things += [p for t in list(things) if lemma(t) in sent.words("quantities") for p in of_phrase(t)]
            if any(c.dep_ in ("amod", "compound") and (lemma(c) in words or c.lower_ in words)
                   for t in things for c in t.children):
                return True
            # "handed over two vessels under a grant aid programme", "sent the jets as a gift"
            terms = [p for c in tok.children if c.dep_ == "prep" and lemma(c) in ("as", "under")
                     for p in c.children if p.dep_ == "pobj"]
            return any(lemma(x) in words for p in terms for x in p.subtree
                       if x.i == p.i or x.dep_ in ("amod", "compound"))
        if need.startswith("aux:"):  # "would retaliate": an announced act
            return any(c.dep_ == "aux" and c.lower_ in need[4:].split(",") for c in tok.children)
        if need.startswith("headobj:"):  # "which together produce 60% of the world's cocoa": a share, not a joint act
            words = sent.words(need[8:])
            return any(x.lower_ in words or lemma(x) in words for o in tok.head.children if o.dep_ == "dobj"
                       for x in o.subtree)
        if need.startswith("xcomp:"):  # "vowed to retaliate": the verb it completes is in the list
            words = sent.words(need[6:])
            return any(c.dep_ in ("xcomp", "advcl", "ccomp", "oprd") and lemma(c) in words for c in tok.children)
        if need == "visitor":  # "Qatar's emir received Egypt's President": a visit, not a delivery
            return any(c.dep_ == "dobj" and (getattr(sent.actor_at.get(c.i), "kind", None) in (
                "person", "leader", "surname") or lemma(c) in sent.words("visitors")) for c in tok.children)
        if need == "traveller":  # "the UAE's president flew to Doha": a person or official goes to a state (a
            # visit), not troops, goods or a region of it
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            goals = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "in") for o in c.children
                     if o.dep_ == "pobj"]
            if any(c.dep_ == "prep" and c.lower_ == "for" and lemma(x) in sent.words("ceremonies")
                   for c in tok.children for x in c.subtree):
                return False  # "flew to Tunis for the signing ceremony": a signing alone is no meeting (decision 7)
            if any(c.dep_ in ("xcomp", "advcl") and lemma(c) == "meet" and not any(
                    x.i in sent.actor_at for o in c.children if o.dep_ == "dobj" for x in o.subtree)
                   for c in tok.children):
                return False  # "travelled to Port-au-Prince to meet aid workers": whom the trip was for, no state
            return any(getattr(sent.actor_at.get(c.i), "kind", None) in ("person", "leader", "surname")
                       or lemma(c) in sent.words("visitors") for c in subjects) and any(
                getattr(sent.actor_at.get(o.i), "kind", None) in ("name", "capital", "alias") for o in goals)
        if need.startswith("under:"):  # "ready to retaliate": the open complement of a word of the list
            return tok.dep_ == "xcomp" and lemma(tok.head) in sent.words(need[6:])
        if need == "intransitive":  # "worried about Y", not "worried Vilnius" (a feeling caused in its object), nor
            # "was worried by Britain's plan" (a passive: the state of feeling reads it)
            return not any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in tok.children)
        if need.startswith("prep:"):  # "fought alongside Russian forces": a phrase of one of these prepositions
            return any(c.dep_ == "prep" and lemma(c) in need[5:].split(",") for c in tok.children)
        if need.startswith("prt:"):  # "hit out at", "lashed out at": a particle of the verb (or one the parser took
            # for an adverb: "hit back at")
            return any(c.dep_ in ("prt", "advmod") and c.lower_ in need[4:].split(",") for c in tok.children)
        if need.startswith("of:"):  # "an exchange of fire": the noun's "of" phrase
            words = set(need[3:].split(","))
            return any(lemma(p) in words for c in tok.children if c.dep_ == "prep" and lemma(c) == "of"
                       for p in c.children if p.dep_ == "pobj")
        if need.startswith("mod:"):  # ("a security and defence pact": the modifiers joined by "and" too)
            words = set(need[4:].split(","))
            return any(m.dep_ in ("compound", "amod", "nmod", "conj") and lemma(m) in words for c in tok.children
                       if c.dep_ in ("compound", "amod", "nmod") for m in (c, *c.conjuncts))
        deps = ("dobj", "nsubjpass", "nsubj") if need == "ties" else ("dobj", "nsubjpass")
        things = [c for c in tok.children if c.dep_ in deps]
        things += [a for t in tok.children if t.dep_ in ("dobj", "dative") and t.i in sent.actor_at
                   for a in t.children if a.dep_ == "appos"]  # ("threw its
        # neighbour a lifeline": the parser took the thing given for an apposition to the recipient)
        things += [p for c in tok.children if c.dep_ == "prep" and lemma(c) == "with"
                   for p in c.children if p.dep_ == "pobj"]
        things += [p for t in list(things) for p in t.conjuncts]
        things += [p for t in list(things) if lemma(t) in sent.words("quantities") for p in of_phrase(t)]
        things += [p for t in list(things) if t.like_num or lemma(t) in sent.words("money")
                   for c in t.children if c.dep_ == "prep" and lemma(c) == "in"
                   for p in c.children if p.dep_ == "pobj"]  # "$2 billion in loans"
        if need == "agreement":  # "adopted a vision for a partnership", "signed a memorandum on a pact"
            things += [p for t in list(things) for c in t.children if c.dep_ == "prep" and lemma(c) in ("for", "on", "of")
                       for p in c.children if p.dep_ == "pobj"]
        if not things and tok.dep_ in ("acl", "amod"):
            things = [tok.head]
            if tok.dep_ == "acl" and need == "talks":  # "a deal brokered after four days of talks in Beijing chaired
                # by Wang Yi": the participle the parser hung on the first noun follows the talks it is about
                things += [x for x in tok.doc[tok.head.i + 1:tok.i] if x.pos_ == "NOUN"]
        if tok.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in tok.children):
            things.append(tok.head)  # "the deal Fiji signed with China": the noun is what was signed
        names = {"goods": ("goods", "aid", "troops"), "agreement": ("agreements",), "talks": ("talks",),
                 "force": ("bodies", "targets"), "texts": ("texts", "initiatives")}
        words = frozenset().union(*(sent.words(n) for n in names.get(need, (need,))))
        if need == "force" and any(getattr(sent.actor_at.get(t.i), "kind", None) in ("person", "leader", "agent")
                                   for t in things):
            return True  # "killed Iranian commander Qassem Soleimani": a state's named official or force
        if need == "goods" and any(not _amount(t).isdisjoint(sent.words("money")) for t in things):
            return True  # "granted Jordan $1 billion", "transferred $300 million to Lebanon": a sum given is aid
        if need.startswith("carrier"):  # "planes carrying aid landed in Beirut": the subject is a vehicle that carried
            # goods, aid or troops ("carrier:aid": aid, or goods given in a disaster)
            things = Slots(sent, tok).carried()

            def named(kinds) -> bool:
                words = frozenset().union(*(sent.words(n) for n in kinds))
                return any(lemma(t) in words or any(lemma(c) in words for c in t.children
                                                    if c.dep_ in ("amod", "compound")) for t in things)
            if need != "carrier:aid":
                return named(("goods", "aid", "troops"))
            return named(("aid", "gratis")) or named(("goods",)) and self._needs("disaster", tok, sent)
        if need == "disaster":  # "sent food to Morocco after the earthquake", "to help flood victims": goods given
            # in a disaster are help (decision 21: goods in kind)
            return sent.disaster or any(lemma(t) in sent.words("disasters") or lemma(t) in sent.words("sufferers")
                                        for t in sent.doc)
        if need == "relief":  # "sent rescue teams", "medical teams", "firefighters": helpers sent like troops
            return any(lemma(t) in sent.words("troops") or lemma(t) in sent.words("teams") and any(
                c.dep_ in ("compound", "amod", "nmod") and lemma(c) in sent.words("relief_work") for c in t.children)
                for t in things)
        return any(lemma(t) in words or t.text.lower() in words for t in things)

    def _applies(self, rule: Rule, entry: Entry, slots: Slots, sent: Sentence) -> bool:
        tok = slots.tok
        if rule.only and entry.relation not in rule.only:
            return False
        if rule.voice and (rule.voice == "passive") != slots.passive:
            return False
        if rule.deps and tok.dep_ not in rule.deps:
            return False
        if tok.dep_ == "oprd" and any(c.dep_ == "oprd" and c.i < tok.i for c in tok.head.children):
            return False  # "called illegal the strikes on Syria": the first complement is the label, this the labelled
        if rule.modifier and not any(c.dep_ in ("amod", "compound") and c.lower_ in sent.words(rule.modifier)
                                     for c in tok.children):
            return False
        if rule.governor:
            neg = rule.governor.startswith("!")
            words = sent.words(rule.governor.lstrip("!"))
            if neg and entry.relation.lower() in sent.words("complaint_relations"):
                words = words - sent.words("deny")  # "rejected French accusations that ...": the accusation was made
            if tok.dep_ == "pobj" and (lemma(tok.head) == "of" and lemma(tok.head.head) in sent.words("quantities") or (
                    lemma(tok.head) == "in" and tok.head.head.like_num)):
                tok = tok.head.head  # "carried out hundreds of air strikes", "paused $11 million in funding": the
                # count or the sum stands where the noun would
            if tok.dep_ == "pobj" and lemma(tok.head) == "in" and tok.head.head.pos_ == "VERB" and any(
                    c.dep_ == "dobj" and c.like_num for c in tok.head.head.children):
                tok = next(c for c in tok.head.head.children if c.dep_ == "dobj" and c.like_num)  # ("paused NZ$18.2
                # million ($11 million) in funding": the parser hung "in funding" on the verb)
            inside = tok.dep_ in ("dobj", "attr", "nsubjpass") and lemma(tok.head) in words or (
                tok.dep_ == "xcomp" and tok.pos_ == "VERB" and lemma(tok.head) in words) or (  # "stopped importing"
                tok.dep_ == "pobj" and lemma(tok.head) == "of" and lemma(tok.head.head) in words) or (  # "warned of"
                tok.dep_ == "pobj" and lemma(tok.head) == "on" and tok.head.head.pos_ == "VERB" and lemma(
                    tok.head.head) in words) or (  # "relies on grants from Canada"
                tok.dep_ == "dobj" and tok.head.dep_ == "xcomp" and lemma(tok.head) in sent.words("permitting")
                and lemma(tok.head.head) in words) or (  # "would stop approving arms exports"
                self._through_light_verb(tok, words, sent))
            if inside == neg:
                return False
            if not neg and rule.governor != "undo" and tok.dep_ == "dobj" and tok.head.dep_ == "xcomp" \
                    and lemma(tok.head.head) in sent.words("undo"):
                return False  # "would stop approving new arms exports": the light verb's act is ended
        return True

    @staticmethod
    def _through_light_verb(tok, words, sent) -> bool:
        """ "vowed to take all necessary measures", "reserved the right to take countermeasures": the noun is the
        object of a light verb ([lists] light_actions) that completes a governing verb, or completes a "right" that
        the governing verb keeps."""
        if tok.dep_ == "pobj" and lemma(tok.head) == "with" and lemma(tok.head.head) in sent.words("responding_verbs"):
            verb = tok.head.head  # "vowed to respond with countermeasures", "would retaliate with measures of its own"
            return verb.dep_ in ("xcomp", "advcl") and lemma(verb.head) in words or any(
                c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll") for c in verb.children)
        if tok.dep_ != "dobj" or lemma(tok.head) not in sent.words("light_actions"):
            return False
        verb = tok.head
        if verb.dep_ not in ("xcomp", "acl", "advcl"):
            return False
        up = verb.head
        if lemma(up) in sent.words("kept_rights") and up.dep_ == "dobj":
            up = up.head
        return lemma(up) in words

    def _short_of_war(self, tok) -> bool:
        words = self.lists.get("short_of_war", frozenset())
        cur = tok
        for _ in range(3):
            if lemma(cur) in words or any(c.dep_ == "advmod" and lemma(c) in words for c in cur.children):
                return True
            if cur.head.i == cur.i:
                break
            cur = cur.head
        return False

    def _given(self, tok) -> list[frozenset[str]]:
        """The lemmas of each thing a transfer gives (its direct object or passive subject), for a rule's themes:
        "thousands of troops" counts as troops; a sum of money counts by its currency ("$50 million"), unless it
        only measures goods ("$1 billion of arms", "$2 billion worth of oil"), which count instead."""
        money = self.lists.get("money", ())
        out: list[frozenset[str]] = []
        things = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        things += [p for c in tok.children if c.dep_ == "prep" and lemma(c) == "with"  # "provided X with fuel"
                   for p in c.children if p.dep_ == "pobj"]
        # a vehicle sent with a load gives its load: "sent two planes carrying 120 rescuers" sends rescuers
        vehicles, carrying = self.lists.get("vehicles", ()), self.lists.get("carrying", frozenset())
        things = [x for t in things for x in ([o for p in loading_participles(t, carrying) for o in p.children
                                                if o.dep_ == "dobj"] if lemma(t) in vehicles else []) or [t]]
        known = self.given_words
        things += [x for t in list(things) for x in t.conjuncts if x not in things and (  # "fuel and $60 million"
            lemma(x) in known or any(lemma(c) in known for c in x.children))]  # (not a misparsed apposition)
        for c in things:
            head = lemma(c)
            amount = _amount(c)
            if amount.isdisjoint(money):  # goods, troops, aid; or a count of them ("thousands of troops")
                counted = of_phrase(c) if head in self.lists.get("quantities", ()) else []
                out.extend([frozenset({lemma(p)}) for p in counted] or [frozenset({head})])
                continue
            worth = [x for x in c.subtree if lemma(x) == "worth"]
            goods = [p for x in (c, *worth) for p in of_phrase(x)]
            out.extend([frozenset({lemma(p)}) for p in goods] or [frozenset(amount)])
        return out

    def _fire(self, rule: Rule, entry: Entry, slots: Slots) -> list[Hit]:
        relation = rule.relation or entry.relation
        if not rule.themes:
            return self._fire_as(rule, entry, slots, relation)
        # "sent troops to" is aid, "sent drones to" a supply; "provided fuel and $60 million" both
        relations: list[str] = []
        given = self._given(slots.tok)
        # (a thing no list knows only counts alone: "sent troops ..., an assertion Pyongyang called groundless")
        for lems in [g for g in given if not g.isdisjoint(self.given_words)] or given or [frozenset()]:
            theme = next((other for words, other in rule.themes if not lems.isdisjoint(self.lists.get(words, ()))),
                         relation)
            if theme not in relations:
                relations.append(theme)
        if "-" in relations:
            return []  # a theme that makes no relation: "received a letter from X"
        return [h for r in relations for h in self._fire_as(rule, entry, slots, r)]

    def _fire_as(self, rule: Rule, entry: Entry, slots: Slots, relation: str) -> list[Hit]:
        if relation == "-":
            return []  # a theme that makes no relation: "received a letter from X"
        if relation == "attacks" and any(c.dep_ in ("nsubj", "nsubjpass") and lemma(c) in self.lists.get("economic", ())
                                         for c in slots.tok.children):
            return []  # "US tariffs hit Chinese steel": a measure, not force
        if relation == "attacks" and any(c.dep_ == "prep" and lemma(c) == "with" and any(
                p.dep_ == "pobj" and lemma(p) in self.lists.get("economic", ()) for p in c.children)
                for c in slots.tok.children):
            return []  # "hit Australia with tariffs": the tariffs are the relation, found by their own trigger
        if relation == "atWarWith" and any(c.dep_ == "amod" and lemma(c) == "call" and any(
                a.dep_ == "advmod" and lemma(a) == "so" for a in c.children) for c in slots.tok.children):
            return []  # "the so-called Whisky War": a name, not a war
        if relation == "atWarWith" and self._short_of_war(slots.tok):
            relation = "tensionWith"  # "remain technically at war", "on the brink of war" (decision 14)
        subjects = _first(slots, rule.subject)
        own = {a.actor for a in subjects}
        # past the subjects' own adjective to another slot, and without the subjects ("imposed on X's ministers by
        # the US and Canada"), unless they act on each other ("accused each other")
        objects = [o for o in _first(slots, rule.object, own) if o.actor not in own] or (
            _first(slots, rule.object) if _reciprocal(slots.tok) or entry.frame == "mutual" else []) \
            if rule.object else []
        conf = round(entry.confidence * rule.weight, 3)
        rid = rule.id if entry.source == "kg" else f"{rule.id}/{entry.source}"
        out: list[Hit] = []
        if rule.require_object and not objects:
            return out
        if relation in SYMMETRIC_PREDICATES and (rule.pairs or (not objects and entry.frame in self.lists["group_frames"])):
            people = subjects + [o for o in objects if o.actor not in {s.actor for s in subjects}]
            for i, a in enumerate(people):
                for b in people[i + 1:]:
                    if a.actor != b.actor:
                        out.append(Hit(a, relation, b, slots.tok.i, conf, rid))
            return out
        if entry.frame == "mutual" and relation not in SYMMETRIC_PREDICATES:
            # a directed relation of a mutual act holds both ways: "X exchanged fire with Y" (decision 14)
            people = subjects + [o for o in objects if o.actor not in {s.actor for s in subjects}]
            return [Hit(a, relation, b, slots.tok.i, conf, rid) for a in people for b in people if a.actor != b.actor]
        seen: set[tuple[str, str]] = set()
        for s in subjects:
            for o in objects:
                pair = (s.actor, o.actor) if relation not in SYMMETRIC_PREDICATES else tuple(sorted((s.actor, o.actor)))
                if s.actor != o.actor and pair not in seen:
                    seen.add(pair)
                    out.append(Hit(s, relation, o, slots.tok.i, conf, rid))
        return out


def _reciprocal(tok) -> bool:
    """Whether the trigger's parties act on one another: "accused each other", "blamed one another", "each blamed
    the other" (its object is "other", or its subject "each")."""
    return any(c.dep_ in ("dobj", "pobj", "nsubj") and lemma(c) in ("other", "another", "each")
               for c in (*tok.children, *(g for p in tok.children if p.dep_ == "prep" for g in p.children)))


def _first(slots: Slots, names: tuple[str, ...], own: set[str] = frozenset()) -> list[ActorRef]:
    """The actors of the first slot in ``names`` that has any besides ``own`` (the subjects: "Pakistani jets
    struck Pakistani Taliban hideouts in Afghanistan" aims past the subject's own adjective); ``a+b`` joins
    two slots."""
    for name in names:
        found: list[ActorRef] = []
        for part in name.split("+"):
            found.extend(a for a in slots.get(part) if a.actor not in {f.actor for f in found})
        if found and not (own and {a.actor for a in found} <= own):
            return found
    return []


# -- loading ----------------------------------------------------------------------------------------

def _data(name: str):
    return resources.files("kg.extract.data").joinpath(name)


def _read_tsv(name: str) -> list[dict[str, str]]:
    path = _data(name)
    if not path.is_file():
        return []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _entries() -> list[Entry]:
    out: list[Entry] = []
    for row in _read_tsv("triggers.tsv"):
        preps = tuple(p.strip() for p in row["preps"].split(",") if p.strip())
        out.append(Entry(row["lemma"], row["pos"], row["relation"], row["frame"], preps,
                         float(row["confidence"]), (row.get("needs") or "").strip()))
    ours = {(e.lemma, e.pos) for e in out}
    for row in _read_tsv("cameo_triggers.tsv"):
        if (row["lemma"], "VERB") in ours:
            continue  # our own entry for the lemma decides its frames
        role = (row.get("role") or "").strip()
        prep = (row.get("prep") or "").strip()
        dobj = (row.get("dobj") or "").strip()
        if dobj and not prep and role != "receive":
            continue  # "impose an embargo": the pattern names no target
        frame = "receive" if role == "receive" else ("cameo-phrase" if dobj else "cameo")
        preps = ("from",) if role == "receive" else ((prep,) if prep else ("-",))
        particle = (row.get("particle") or "").strip()  # ("back down": the particle is a need like ours)
        out.append(Entry(row["lemma"], "VERB", row["relation"], frame, preps, float(row["weight"]),
                         needs=f"prt:{particle}" if particle else "", source="cameo", dobj=dobj))
    for e in out:
        if e.relation not in RELATION_PREDICATES:
            raise ValueError(f"triggers: unknown relation {e.relation!r} for {e.lemma!r}")
    return out


def _rules(doc: dict) -> list[Rule]:
    rules: list[Rule] = []
    for r in doc.get("rule", []):
        fires = tuple((f[0], f[1]) for f in r.get("fires", []))
        rules.append(Rule(
            id=r["id"], frames=tuple(r["frames"]), pos=tuple(r["pos"]), subject=tuple(r["subject"]),
            object=tuple(r.get("object", ())), weight=float(r.get("weight", 1.0)), voice=r.get("voice", ""),
            deps=tuple(r.get("deps", ())), governor=r.get("governor", ""), modifier=r.get("modifier", ""),
            pairs=bool(r.get("pairs", False)),
            relation=r.get("relation", ""), only=tuple(r.get("only", ())),
            require_object=bool(r.get("require_object", False)), replaces=bool(r.get("replaces", False)),
            themes=tuple(sorted(r.get("themes", {}).items())), fires=fires, misses=tuple(r.get("misses", ()))))
    return rules


def entry_forms(entry: Entry) -> set[str]:
    """The word forms by which a lexicon entry may appear in text (a verb's inflections, a noun's plurals)."""
    from .lexicon import verb_forms

    w = entry.lemma
    if entry.pos == "VERB":
        forms = verb_forms(w)
        if w.endswith(("p", "t", "n", "m", "g", "b", "d", "r")) and len(w) <= 5:  # doubled consonants: "shipped",
            # "barred", "sparred"
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
            if w.endswith("r") and len(w) <= 4 and w[-2] in "aeiou" and w[-3:-2] not in ("", "a", "e", "i", "o", "u"):
                forms -= {w + "ed", w + "ing"}  # "spared" and "baring" are other verbs' forms (not "toured", "angered",
                # "severed")
        return forms
    if entry.pos == "NOUN":
        return {w, w + "s", w + "es", w[:-1] + "ies" if w.endswith("y") else w}
    return {w}


@lru_cache(maxsize=1)
def load_engine() -> Engine:
    """The engine of the shipped lexicon and rules: built once, then read from kg's disk cache."""
    from ..cache import cached

    names = ("rules.toml", "triggers.tsv", "cameo_triggers.tsv", "agents.tsv", "verb_forms.tsv", "words.toml")
    sources = [_data(n).read_bytes() if _data(n).is_file() else b"" for n in names]
    # this module defines the pickled classes (Engine, Rule, Entry) and builds them: a change here is a new engine
    sources.append(Path(__file__).read_bytes())
    return cached("engine", sources, _build_engine, Engine)


def _build_engine() -> Engine:
    from .lexicon import WORDS, data_file, lists_of

    doc = data_file("rules.toml")
    lists = lists_of(doc)
    # nouns of bodies that act for a state, from PETRARCH2's Phoenix agents (tools/make_petrarch_data.py)
    agents = {row["noun"] for row in _read_tsv("agents.tsv") if row["acts_for_state"] == "1" and " " not in row["noun"]}
    lists["bodies"] = lists.get("bodies", frozenset()) | frozenset(agents)
    lists["seized"] = frozenset(WORDS["seized"])  # (words.toml's list, shared with the window rules)
    entries: dict[tuple[str, str], list[Entry]] = {}
    surface: set[str] = set()
    for e in _entries():
        entries.setdefault((e.lemma, e.pos), []).append(e)
        surface |= entry_forms(e)
    surface |= set(lists.get("irregular", ()))
    return Engine(tuple(_rules(doc)), Entries.of(entries), lists, frozenset(surface))


def _amount(tok) -> set[str]:
    """The lemmas that say how much a thing is: the noun and its count, so that a sum shows its currency
    ("$50 million": {"million", "$", "50"})."""
    return {lemma(tok)} | {lemma(x) for x in tok.children if x.dep_ in ("quantmod", "nmod", "compound", "nummod")}


__all__ = ["Entry", "Entries", "Rule", "Hit", "Engine", "entry_forms", "load_engine"]
