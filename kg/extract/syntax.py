"""Argument slots read off a dependency parse: who is the subject, the object, the possessor of a trigger.

A trigger is one token of a parsed sentence. :class:`Slots` answers, for that token, the questions
a rule asks ("the subject", "the passive agent", "the objects of `on`", "the possessor") with the
actors found there. Actors come from kg's own mentions (gazetteer names, learnt people, resolved
descriptions), aligned with the parser's tokens by character offsets; a slot whose head word is
not an actor is looked into only where English puts the actor inside the phrase: the body that
acts for a state ("the foreign ministry of Iran", "the authorities in Kinshasa"), the target of
an attack ("Iranian airfields"), the parties of an event ("concern over the Japan-US pact").

The word lists this module needs come from ``data/rules.toml`` (``[lists]``), not from code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SUBJECT_DEPS = ("nsubj", "csubj")
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor found in a slot: its id, the mention kind and the parser token that named it."""

    actor: str
    kind: str
    token: int


@dataclass
class Sentence:
    """A parsed sentence with the actors of kg's mentions placed on the parser's tokens."""

    doc: object  # spaCy Doc of the sentence
    actor_at: dict[int, ActorRef]  # parser token index -> actor
    lists: dict[str, frozenset[str]]
    partners: dict[int, list[ActorRef]] = field(default_factory=dict)  # a pair's root token -> its other actor
    # relation -> the party the document implies for a trigger that names none ("Japan sent two planes with water"
    # after sentences on aid reaching Tonga): set by the document loop, read by the slot ``implied``
    implied: dict[str, str] = field(default_factory=dict)
    home: str | None = None  # the state the report is filed from (its dateline), where arrivals with no place arrive
    disaster: bool = False  # whether the document told of a disaster before (goods given are then help)

    @classmethod
    def align(cls, doc, mentions: list[tuple[int, int, str, str]], lists) -> "Sentence":
        """``mentions`` are ``(start, end, actor, kind)`` character spans of the sentence text.

        A description of a pair ("the two countries", "both nations") comes as two adjacent spans of
        kind ``pair``; they become one phrase naming both actors."""
        merged: list[tuple[int, int, list[tuple[str, str]]]] = []
        for start, end, actor, kind in sorted(mentions):
            if merged and kind == "pair" and merged[-1][2][-1][1] == "pair" and start - merged[-1][1] <= 1:
                merged[-1] = (merged[-1][0], end, merged[-1][2] + [(actor, kind)])
            else:
                merged.append((start, end, [(actor, kind)]))
        actor_at: dict[int, ActorRef] = {}
        partners: dict[int, list[ActorRef]] = {}
        for start, end, actors in merged:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            refs = [ActorRef(actor, kind, span.root.i) for actor, kind in actors]
            for tok in span:
                actor_at[tok.i] = refs[0]
            if len(refs) > 1:
                partners[span.root.i] = refs[1:]
        return cls(doc, actor_at, lists, partners)

    def words(self, name: str) -> frozenset[str]:
        return self.lists.get(name, frozenset())


def repair_stimulus(doc, forms: dict[str, str]) -> None:
    """Mend a parse that has no verb where a verb of feeling in the past tense stands between a noun phrase and a
    name: "China's military build-up alarmed Canberra" (read as "the alarmed Canberra", the noun the root). The
    verb becomes the root with the noun phrase for subject and the name for object; ``forms`` maps the verb's
    forms to its lemma ([lists] of the lexicon's stimulus frame)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ in ("VERB", "AUX"):
        return
    for t in doc:
        lem = forms.get(t.lower_)
        if lem is None or t.dep_ != "amod" or t.i == 0 or t.head.pos_ != "PROPN" or t.head.i <= t.i:
            continue
        name, before = t.head, doc[t.i - 1]
        stray = before.head.i in (t.i, name.i)  # (the phrase's last noun, hung on the verb or the name)
        if any(x.pos_ != "PROPN" for x in doc[t.i + 1:name.i]) or before.i != root.i and (
                before.pos_ not in ("NOUN", "PROPN") or before.dep_ in ("amod", "poss")
                or before.dep_ == "compound" and not stray):
            continue
        if name.i == root.i:  # "Iran's nuclear programme angered Canberra" read with the name as the root
            for x in name.children:
                if x.i < before.i:
                    x.head = before
            t.head, t.dep_, t.pos_, t.tag_, t.lemma_ = t, "ROOT", "VERB", "VBD", lem
            name.head, name.dep_ = t, "dobj"
            before.head, before.dep_ = t, "nsubj"
            return
        old_head, old_dep = name.head, name.dep_
        if stray:  # "... a pact with Solomon Islands alarmed Canberra": the name's place goes to the phrase's noun
            for x in [*name.children, *t.children]:
                if x.i < before.i:
                    x.head = before
            before.head, before.dep_ = old_head, old_dep
        name.head, name.dep_ = t, "dobj"
        t.head, t.dep_, t.pos_, t.tag_, t.lemma_ = t, "ROOT", "VERB", "VBD", lem
        root.head, root.dep_ = t, "nsubj"
        return


def repair_reduced_participle(doc) -> None:
    """Mend "after talks in Doha mediated by Qatar", read as a clause ("after" marking a verb "mediated" whose subject
    is "talks"): a past participle with a "by" agent, a subject and no auxiliary is no clause but a participle on
    the noun, and the conjunction a preposition of that noun."""
    for v in doc:
        if v.dep_ != "advcl" or v.tag_ != "VBN" or v.head.i == v.i:
            continue
        kids = list(v.children)
        marks = [c for c in kids if c.dep_ == "mark" and c.lower_ in ("after", "before", "following", "during")]
        subjects = [c for c in kids if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        if len(marks) != 1 or len(subjects) != 1 or not any(c.dep_ == "agent" for c in kids) or any(
                c.dep_ in ("aux", "auxpass", "nsubjpass") for c in kids):
            continue
        mark, noun = marks[0], subjects[0]
        mark.head, mark.dep_, mark.pos_ = v.head, "prep", "ADP"
        noun.head, noun.dep_ = mark, "pobj"
        v.head, v.dep_ = noun, "acl"


def repair_label_split(doc, labelling: frozenset[str]) -> None:
    """Mend "called the move economic retaliation", read as one noun phrase ("move" a modifier of "retaliation"): after
    a verb of labelling ([lists] labelling), a noun the parser hung as a modifier before its object's head is the
    labelled thing, and the head the label."""
    for v in doc:
        if v.pos_ != "VERB" or v.lemma_.lower() not in labelling:
            continue
        objs = [c for c in v.children if c.dep_ == "dobj"]
        if len(objs) != 1 or any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in v.children):
            continue
        label = objs[0]
        inner = [c for c in label.children if c.dep_ in ("nmod", "amod") and c.pos_ == "NOUN" and c.i < label.i
                 and c.i > v.i]
        if len(inner) != 1:
            continue
        thing = inner[0]
        for c in list(label.children):
            if c.i < thing.i and c.dep_ in ("det", "poss"):
                c.head = thing
        thing.head, thing.dep_ = v, "dobj"
        label.dep_ = "oprd"


def repair_display(doc, displays: frozenset[str]) -> None:
    """Mend "flew to Doha in a show of solidarity with Qatar", where the parser hangs the "with" phrase on "show":
    a noun of display ([lists] displays) in an adverbial "in"/"as" phrase is only the manner of what its "of" phrase
    names, which takes its place ("flew to Doha in solidarity with Qatar") with the display's other phrases."""
    for d in doc:
        if d.dep_ != "pobj" or d.lemma_.lower() not in displays or d.head.lower_ not in ("in", "as"):
            continue
        of = next((c for c in d.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == d.i + 1), None)
        inner = None if of is None else next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
        if inner is None:
            continue
        hung = [c for c in d.children if c.dep_ == "prep" and c.i > inner.i]
        if not hung and not any(c.dep_ == "prep" for c in inner.children):
            continue  # ("in a display of renewed cooperation, Kim and Putin ...": no one it is aimed at)
        for c in hung:
            c.head = inner
        inner.head, inner.dep_ = d.head, "pobj"
        d.head, d.dep_ = inner, "nmod"


def loading_participles(noun, carrying: frozenset[str]) -> list:
    """The participles of carrying ([lists] carrying) on a vehicle noun: "planes carrying aid", "a ship loaded with
    fuel" (what the vehicle brings is their object or "with" phrase)."""
    return [p for p in noun.children if p.dep_ == "acl" and lemma(p) in carrying]


def _reattach(tok, head, dep: str) -> bool:
    """Hang ``tok`` on ``head`` as ``dep``, unless that would put it above itself (a tree the parser rejects)."""
    if tok.i == head.i or tok.is_ancestor(head):
        return False
    tok.head, tok.dep_ = head, dep
    return True


def _clause_subject(tok) -> bool:
    """Whether ``tok`` is in the subject of a clause (or a conjunct of one)."""
    while tok.dep_ in ("conj", "compound", "poss", "amod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def repair_particle_in(doc, verbs: frozenset[str], times: frozenset[str], vehicles: frozenset[str] = frozenset()
                       ) -> None:
    """Mend "Beijing flew in a rescue team", where the parser takes the particle "in" for a preposition and what was
    flown for its object: after a verb of ``verbs`` ([lists] in_particle_verbs) with no direct object, an "in" right
    after it whose object is a common noun, not a time ("flew in June"), is a particle and the noun the object."""
    if " in " not in doc.text:
        return
    for v in doc:
        if v.pos_ != "VERB" or v.lemma_.lower() not in verbs or v.i + 1 >= len(doc):
            continue
        prep = doc[v.i + 1]
        if prep.lower_ != "in" or prep.dep_ != "prep" or prep.head.i != v.i or any(
                c.dep_ == "dobj" for c in v.children):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ != "NOUN" or obj.lemma_.lower() in times | vehicles:
            continue  # ("flew in June", "flew in a Boeing jet to Colombo": a vehicle flown in is no cargo)
        if _reattach(obj, v, "dobj"):
            prep.dep_ = "prt"


def repair_noun_conjunct(doc) -> None:
    """Mend "after accusing the bloc and Moscow of failing", where the parser joins the name after "and" to the
    sentence's verb: a noun joined to a verb, with "and" or "or" right before it and a noun object right before that,
    is joined to that noun."""
    if " and " not in doc.text and " or " not in doc.text:
        return
    for t in doc:
        if t.dep_ != "conj" or t.pos_ not in ("NOUN", "PROPN") or t.head.pos_ not in ("VERB", "AUX") or t.i < 2:
            continue
        cc = doc[t.left_edge.i - 1] if t.left_edge.i >= 2 else None
        if cc is None or cc.lower_ not in ("and", "or"):
            continue
        before = doc[cc.i - 1]
        if before.pos_ in ("NOUN", "PROPN") and before.dep_ in ("dobj", "pobj") and before.head.i != t.head.i \
                and _reattach(t, before, "conj"):
            _reattach(cc, before, "cc")


def repair_apposed_relative(doc) -> None:
    """Mend ", a move the junta in Bamako welcomed", where the parser makes the apposed noun the verb's subject and
    the relative clause's subject an apposition of it: a noun after a comma, the subject of a verb with no object,
    with an apposition right after it (no comma between) that ends before the verb, is the verb's object and the
    apposition its subject (as in ", a move Mali welcomed")."""
    if ", " not in doc.text:
        return
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.i < 2 or doc[noun.left_edge.i - 1].text != ",":
            continue
        appos = next((c for c in noun.children if c.dep_ == "appos" and c.left_edge.i == noun.i + 1), None)
        if appos is None or appos.right_edge.i + 1 >= len(doc):
            continue
        # the verb the noun is the subject of, or, when the parser hung the noun elsewhere, the subjectless verb
        # right after the apposition ("..., sanctions on Mali, a move the junta in Bamako welcomed.")
        verb = noun.head if noun.dep_ == "nsubj" else doc[appos.right_edge.i + 1]
        if verb.pos_ != "VERB" or verb.i < appos.right_edge.i or any(
                c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "nsubj" and c.i != noun.i for c in verb.children):
            continue
        if noun.is_ancestor(verb) or appos.is_ancestor(verb):
            continue
        _reattach(appos, verb, "nsubj")
        _reattach(noun, verb, "dobj")


def repair_reaction_participle(doc, causing: frozenset[str], scene_marks: frozenset[str]) -> None:
    """Mend "Modi embraced Putin on Monday, hours after a Russian missile hit a hospital in Kyiv, drawing a rebuke from
    Zelenskiy", where the parser hangs the closing participle of a reaction on the verb of the scene clause: a
    participle of ``causing`` ([lists] cause: "drawing", "prompting", "sparking") after a comma, on the verb of a
    clause that a mark of ``scene_marks`` opens ("after", "as", "while"), hangs on that clause's own head (what the
    sentence reports drew the reaction, not the scene it is set against)."""
    if ", " not in doc.text:
        return
    for p in doc:
        if p.dep_ != "advcl" or p.tag_ != "VBG" or p.lemma_.lower() not in causing or p.i < 1 \
                or doc[p.i - 1].text != ",":
            continue
        scene = p.head
        start = scene.left_edge.i
        # (a scene set off by commas on both sides: ", hours after a missile hit a hospital,")
        if scene.dep_ == "advcl" and scene.i < p.i and start > 0 and doc[start - 1].text == "," and any(
                c.dep_ == "mark" and c.lower_ in scene_marks for c in scene.children):
            _reattach(p, scene.head, "advcl")


def repair_second_object(doc) -> None:
    """Mend "condemned Iran for firing missiles at Al Udeid air base, the largest U.S. military installation", where
    the parser takes the apposition after the comma for a second direct object of the verb: a direct object with a
    determiner that follows a comma and a noun of a phrase of the verb's, when the verb has a direct object before,
    is in apposition to that noun."""
    if ", " not in doc.text:
        return
    for v in doc:
        objs = [c for c in v.children if c.dep_ == "dobj"]
        if len(objs) < 2:
            continue
        for second in objs[1:]:
            start = second.left_edge.i
            if start < 2 or doc[start - 1].text != "," or doc[start].dep_ != "det" or doc[start].head.i != second.i:
                continue
            noun = doc[start - 2]
            if noun.pos_ not in ("NOUN", "PROPN") or noun.i <= objs[0].i:
                continue
            if noun.dep_ == "compound":
                noun = noun.head  # (a compound's head comes after it: past the comma, it is no noun before it)
            if noun.i >= start or noun.dep_ not in ("pobj", "dobj"):
                continue
            if _reattach(second, noun, "appos"):
                doc[start - 1].head = noun


def repair_deal_for(doc, agreements: frozenset[str], goods: frozenset[str]) -> None:
    """Mend "signed a deal with France on Friday for 36 Rafale jets", where the parser hangs the "for" phrase on the
    verb: after a verb whose object is an agreement ([lists] agreements), a "for" phrase that names goods ([lists]
    goods) is what the agreement is for."""
    for v in doc:
        if v.pos_ != "VERB":
            continue
        deal = next((c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in agreements), None)
        if deal is None or any(c.dep_ == "prep" and c.lower_ == "for" for c in deal.children):
            continue
        for c in list(v.children):
            if c.dep_ == "prep" and c.lower_ == "for" and c.i > deal.i and any(
                    o.dep_ == "pobj" and (o.lemma_.lower() in goods or o.lower_ in goods) for o in c.children):
                c.head = deal


def blocked_participle(tok, blocking: frozenset[str], texts: frozenset[str]) -> bool:
    """Whether ``tok`` is a participle the parser hung on a verb of blocking (``blocking``) that has a text
    (``texts``) for object, with no comma before it: "blocked an EU statement on Friday criticising Beijing's law"
    (the participle is the statement's, not the blocker's)."""
    head = tok.head
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and lemma(head) in blocking and tok.left_edge.i > 0 \
        and tok.doc[tok.left_edge.i - 1].text != "," and any(
            c.dep_ in ("dobj", "nsubjpass") and lemma(c) in texts and c.i < tok.i for c in head.children)


def _closed_coordination(tok) -> list:
    """A phrase and its conjuncts, up to the one after the "and" or "or": a conjunct after a comma that follows a closed
    pair is the parser's error ("cooperation between Russia and North Korea, Chief Cabinet Secretary Hayashi told
    reporters": not a third party)."""
    out = [tok]
    closed = False
    for c in sorted(tok.conjuncts, key=lambda t: t.i):
        if c.i < tok.i:
            out.append(c)
            continue
        if closed and c.i > 0 and c.doc[c.left_edge.i - 1].text == ",":
            break
        out.append(c)
        k = c.left_edge.i  # closed by an "and" or "or" just before it, itself after no comma ("Russia and North
        # Korea", not "..., and Nicaragua, Colombia and Brazil")
        closed = closed or k > 1 and c.doc[k - 1].lower_ in ("and", "or") and c.doc[k - 2].text != ","
    return out


def of_phrase(tok) -> list:
    """The nouns of a noun's "of" phrase: what "dozens of drones" counts, "dozens of drones crossing ..." (a
    gerund clause), what "a barrage of drones and missiles" is made of."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append(p)
                elif p.dep_ == "pcomp":
                    out.extend(s for s in p.children if s.dep_ == "nsubj")
    return out


_LEMMAS: dict[int, str] = {}  # a lemma's hash (the same in every spaCy vocabulary) -> its lowercased text


def lemma(tok) -> str:
    """A token's lemma, lowercased (made once per distinct lemma: spaCy builds ``lemma_`` on every call)."""
    h = tok.lemma
    text = _LEMMAS.get(h)
    if text is None:
        text = _LEMMAS[h] = tok.lemma_.lower()
    return text


def hyphen_prefix(tok):
    """The token before a hyphen the parser split a written word at ("flare" of "flare-up", "co" of
    "co-operation"), or None when ``tok`` does not end such a word (blanks around the hyphen: two words)."""
    i = tok.i
    if i < 2:
        return None
    doc = tok.doc
    dash, prefix = doc[i - 1], doc[i - 2]
    return prefix if dash.text == "-" and not dash.whitespace_ and not prefix.whitespace_ else None


def lemmas_and_heads(doc) -> tuple[list[str], list[int]]:
    """Every token's lowercased lemma and its head's index, read from the parse's arrays at once (without
    making a Python token object for each)."""
    from spacy.attrs import HEAD, LEMMA

    rows = doc.to_array([LEMMA, HEAD]).tolist()
    strings = doc.vocab.strings
    lemmas = []
    for h, _ in rows:
        text = _LEMMAS.get(h)
        if text is None:
            text = _LEMMAS[h] = strings[h].lower()
        lemmas.append(text)
    return lemmas, [k + (off if off < 2 ** 63 else off - 2 ** 64) for k, (_, off) in enumerate(rows)]


def _one_of(tok):
    """ "one of Taiwan's allies": the "one" that stands where the noun would ("Tuvalu, one of ...", "X is one of
    ..."); ``tok`` itself otherwise."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "one":
        return tok.head.head
    return tok


def _coordination(tok) -> int:
    """The index of the first conjunct of the coordination a token is in ("Mali, Niger and Chad": Mali's)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


def clause_verb(tok):
    """The verb of the clause a phrase belongs to: ``tok`` itself, or the verb the nouns it hangs on (through
    objects, prepositions and coordinated nouns, at most five steps) depend on: "conveyed concerns about attacks during talks in
    Dhaka" (the parser hung "during talks" on "attacks")."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.dep_ not in ("pobj", "prep", "dobj", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


@dataclass
class Slots:
    """The argument slots of one trigger token; each slot is computed once, on demand."""

    sent: Sentence
    tok: object
    preps: tuple[str, ...] = ()
    relation: str = ""  # the relation of the lexicon entry being read, for the few slots that depend on it
    _cache: dict[str, list[ActorRef]] = field(default_factory=dict)

    # -- public ------------------------------------------------------------------------------
    def get(self, name: str) -> list[ActorRef]:
        if name not in self._cache:
            fn = getattr(self, "slot_" + name, None)
            if fn is None:
                raise KeyError(f"unknown slot {name!r}")
            found = fn()
            seen: set[str] = set()
            self._cache[name] = [a for a in found if not (a.actor in seen or seen.add(a.actor))]
        return self._cache[name]

    @property
    def passive(self) -> bool:
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in self.tok.children) or (
            self.tok.tag_ == "VBN" and self.tok.dep_ == "acl" and not self._misparsed_clause())

    def _misparsed_clause(self) -> bool:
        """A past-tense verb the parser hung on the noun before it though it takes a direct object: the
        sentence's own verb ("The move irritated New Delhi" parsed as a noun phrase)."""
        return self.tok.dep_ == "acl" and self.tok.tag_ in ("VBD", "VBN") and self.tok.head.dep_ == "ROOT" \
            and any(c.dep_ == "dobj" for c in self.tok.children)

    # -- actors of a phrase -------------------------------------------------------------------
    def actors(self, tok, role: str = "arg") -> list[ActorRef]:
        """The actors a phrase headed by ``tok`` names, with its coordinated phrases."""
        out: list[ActorRef] = []
        for head in _closed_coordination(tok):
            out.extend(self._phrase(head, role))
        return out

    def _phrase(self, tok, role: str) -> list[ActorRef]:
        ref = self.sent.actor_at.get(tok.i)
        if ref is not None:
            out = [ref] + self.sent.partners.get(ref.token, [])
            for c in tok.children:  # "Turkish and Azerbaijani troops": the other modifiers of the same head
                if c.dep_ in ("amod", "compound", "nmod") and c.i not in self.sent.actor_at or c.i == ref.token:
                    continue
                if c.dep_ in ("amod", "compound", "nmod"):
                    out.extend(self.sent.actor_at[x.i] for x in (c, *c.conjuncts) if x.i in self.sent.actor_at)
            for c in tok.children:  # "Mali, Burkina Faso and Niger": a list the parser took for an apposition
                # (its "and" under the apposition or under the head's own conjuncts: "Saudi Arabia, the UAE,
                # Kuwait and Jordan")
                if c.dep_ in ("appos", "npadvmod") and c.i in self.sent.actor_at and any(
                        g.dep_ == "cc" and (x.i != tok.i or g.i < c.i)
                        for x in (c, *c.conjuncts, *tok.conjuncts, tok) for g in x.children):  # ("Russia and also
                    # Belarus": the "and" on the head, before the apposition)
                    out.extend(self.actors(c, role))
            return out
        if tok.pos_ == "PROPN" and tok.dep_ not in ("compound", "amod"):
            titled = self._titled(tok)
            if titled:
                return titled
        low = lemma(tok)
        if low in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":  # ("..., in an attack that Baghdad condemned")
            noun = tok.head.head
            if noun.dep_ == "pobj" and lemma(noun.head) == "among" and noun.head.head.pos_ in ("AUX", "VERB"):
                # "Jordan and Turkey were among the governments that denounced the attack": the states among them
                return [a for x in self._children(noun.head.head, ("nsubj",)) for a in self.actors(x, role)]
            return self.actors(noun, role) or self._clause_doers(noun)
        counts = tok.like_num or low in self.sent.words("shares")
        if low in self.sent.words("quantities") or counts and of_phrase(tok):
            # "shot down dozens of Iranian drones", "40 of the 55 drones", "85 percent of Egypt's plant": what is
            # counted
            return [a for p in of_phrase(tok) for a in self.actors(p, role)]
        inner: list[ActorRef] = []
        if role == "target" and any(c.dep_ in ("amod", "compound") and lemma(c) in self.sent.words("breakaway")
                                    for c in tok.children):
            return []  # "Moldova's breakaway Transnistria region": not the state's own (decision 24)
        if role == "target" and low in self.sent.words("proxies") and self._relation_in("proxy_relations"):
            # "blamed the massacre on militants backed by Islamabad": the backers of the armed group
            backers = [a for c in tok.children if c.dep_ == "acl" and lemma(c) in self.sent.words("backing")
                       for a in self._prep_objects(c, ("by",)) if a.kind != "place"]
            if backers:
                return backers
        if role == "target" and low in self.sent.words("doer_of_nouns") and self._relation_in("possessor_relations"):
            owners = [a for p in of_phrase(tok) for a in self.actors(p)]  # "the aggression of Syrian forces"
            if owners:
                return owners
        named = [self.sent.actor_at[c.i] for c in tok.children if c.dep_ == "appos" and c.i in self.sent.actor_at]
        if role == "target" and named and low in self.sent.words("relational_heads"):
            return named  # "thanked Azerbaijan's closest ally, Turkey": the ally named, not its owner
        if role == "target" and self._relation_in("possessor_relations") and low not in self.sent.words(
                "bodies") and low not in self.sent.words("targets") and low not in self.sent.words("events"):
            # "protested against Ethiopia's filling of the dam", "condemned Myanmar's execution of activists":
            # what a state did or owns stands for the state when it is criticised, feared or praised
            owners = self._owners_of_thing(tok)
            if owners:
                return owners
        body = low in self.sent.words("bodies") or (role == "target" and low in self.sent.words("targets")) or (
            role == "subject" and low in self.sent.words("means")) or (  # "Turkish drones hit ...": the weapon's state
            role == "subject" and low in self.sent.words("makers") and self._relation_in("maker_relations"))
        # (arms sold by a state's companies count as the state supplying: decision 21)
        event = role == "target" and low in self.sent.words("events")
        if role == "target" and not body and not event and low in self.sent.words("traded"):
            # "duties on goods from Serbia", "a ban on Japanese seafood imports": where the goods come from
            found = [self.sent.actor_at[c.i] for c in tok.children  # ("Iran's oil exports": the exporter's)
                     if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i in self.sent.actor_at]
            found += self._prep_objects(tok, ("from",))
            for c in tok.children:  # "imports of Moldovan fruit"
                if not found and c.dep_ == "prep" and lemma(c) == "of":
                    found += [a for o in c.children if o.dep_ == "pobj" for a in self._phrase(o, "target")]
            return found
        look = body or event
        # a body is "of", "from" or "in" its state; an event's parties are its doer and "between" phrase
        preps = ("of", "from", "in", "between", "with", "by") if body else ("by", "between")
        if event and low in self.sent.words("agreements") and self._relation_in("complaint_relations"):
            preps += ("with",)  # "worried that a deal with Beijing could ...": its partner too (decision 9)
        if body and role == "target":  # "positions near Zakho": where a target is places it in its state
            preps += ("near", "outside", "around", "at", "inside")
        if role == "subject" and low in self.sent.words("events"):  # "Hungary's move drew criticism"
            return [self.sent.actor_at[c.i] for c in tok.children
                    if c.dep_ in ("poss", "compound", "amod") and c.i in self.sent.actor_at]
        if look:
            for c in [x for k in tok.children for x in (k, *(
                    j for j in k.conjuncts if k.dep_ == "prep" and j.pos_ == "ADP" and j.i > k.i))]:
                # ("flights to and from Mali": the phrase joined to a preposition with no object of its own)
                if c.dep_ == "amod" and lemma(c) in self.sent.words("made"):
                    continue  # "shot down Iranian-made drones": their maker, not their owner
                if c.dep_ in ("poss", "compound", "amod", "nmod"):
                    inner.extend(self.sent.actor_at[x.i] for x in c.subtree if x.i in self.sent.actor_at)
                    if role == "target" and c.dep_ == "poss" and c.i not in self.sent.actor_at:
                        inner.extend(self._owner(c))
                elif (c.dep_ == "prep" or c.dep_ == "conj" and c.pos_ == "ADP") and lemma(c) in preps:
                    # "a market in the Ukrainian city of X": a target inside another target is in its state
                    within = "target" if role == "target" and lemma(c) in ("in", "near", "outside") else "arg"
                    for p in c.children:
                        if p.dep_ == "pobj":
                            hosted = self._hosted(tok, p) if within == "target" else []
                            inner.extend(hosted or self.actors(p, within))
                elif body and c.dep_ == "acl" and c.tag_ == "VBN" and lemma(c) in self.sent.words("launching"):
                    # "the drones launched by Russia", "missiles fired from Iran": whose weapons they are
                    inner.extend(a for a in self._prep_objects(c, ("by", "from")) if a.kind != "place")
                elif event and c.dep_ == "relcl" and lemma(c) in self.sent.words("sealing"):
                    # "a partnership agreement the Cook Islands had signed with China": its signatories
                    inner.extend(self._signers(c) + self._signed_with(c))
                elif event and c.dep_ == "acl" and c.tag_ == "VBN" and lemma(c) not in self.sent.words("imputing"):
                    inner.extend(a for p in ("by", "between", "with")  # "a pact signed between X and Y", "... by X"
                                 for a in self._prep_objects(c, (p,)) if a.kind != "place")
            if event and not inner and low in self.sent.words("presence_nouns"):
                inner.extend(self._owners_of_thing(tok))  # "concern about the deployment of U.S. troops"
            if event and not inner:
                inner.extend(self._imputed(tok))
        for c in tok.children:
            if c.dep_ == "appos":
                inner.extend(self.actors(c, role))
            elif c.dep_ == "prep" and low in self.sent.words("collectives") and (lemma(c) in ("include", "like") or (
                    lemma(c) == "among" and any(p.lower_ == "them" for p in c.children))):
                # "several states, including Mali and Niger", "30 countries, among them Poland"
                inner.extend(a for p in c.children if p.dep_ == "pobj" and p.lower_ != "them" for a in self.actors(p, role))
        return inner

    def _hosted(self, base, place) -> list[ActorRef]:
        """The state whose forces a struck base hosts: "a missile barrage on Al Udeid air base in Qatar, which hosts
        American troops" (the attack is on the United States, not on the host: decision 15)."""
        if lemma(base) not in self.sent.words("bases"):
            return []
        owners = [self.sent.actor_at[c.i] for c in base.children if c.dep_ in ("amod", "compound", "nmod", "poss")
                  and c.i in self.sent.actor_at]  # "a U.S. air base in Qatar"
        return owners or [a for x in (base, place) for r in self._children(x, ("relcl", "acl"))
                          if lemma(r) in self.sent.words("hosting") for o in self._children(r, ("dobj",))
                          for a in self.actors(o)]

    def _titled(self, tok) -> list[ActorRef]:
        """The state of an official named with a title the gazetteer does not know: "Pakistani Finance Minister
        Shaukat Tarin", "Congo's foreign minister Therese Wagner" (the state word before the title); none for a
        former office holder (decision 25)."""
        before = [x for x in tok.subtree if x.i < tok.i]
        words = {lemma(x) for x in before}
        if self.sent.words("bodies").isdisjoint(words) or not self.sent.words("former_words").isdisjoint(words):
            return []
        bodies = self.sent.words("bodies")  # the state word qualifies the title itself ("Bosnian Serb leader": no)
        found = [self.sent.actor_at[x.i] for x in before if x.i in self.sent.actor_at and lemma(x.head) in bodies]
        return found if len({a.actor for a in found}) == 1 else []

    def _relation_in(self, name: str) -> bool:
        """Whether the trigger's relation is in a [lists] list (whose words are lower case)."""
        return self.relation.lower() in self.sent.words(name)

    def _owners_of_thing(self, tok) -> list[ActorRef]:
        """Whose thing a criticised or feared noun is: its possessor ("Ethiopia's filling of the dam"), else,
        when it is criticised or feared, its origin adjective ("concern over the Cambodian canal")."""
        deps = ("poss", "amod") if self._relation_in("complaint_relations") else ("poss",)
        for dep in deps:
            owners = [self.sent.actor_at[c.i] for c in tok.children if c.dep_ == dep and c.i in self.sent.actor_at]
            if owners:
                return owners
        if lemma(tok) in self.sent.words("aspect_nouns"):  # "the impact of Cambodia's canal": the canal's owner
            return [a for p in of_phrase(tok) for a in self._owners_of_thing(p)]
        if self._presence(tok):  # "the presence of Chinese ships", "the build-up of Azerbaijani forces": whose forces
            return [self.sent.actor_at[c.i] for p in of_phrase(tok) if lemma(p) in self.sent.words("bodies")
                    for c in (p, *p.children) if (c.i == p.i or c.dep_ in ("poss", "amod", "compound", "nmod"))
                    and c.i in self.sent.actor_at][:1]
        return []

    def _owner(self, pronoun) -> list[ActorRef]:
        """Whose "its"/"their" a target is: "Georgia accused Russian troops of shelling its villages".

        The owner is the nearest actor before the pronoun that is not the trigger's own subject ("its own"
        is the subject's, and names no other actor)."""
        if not self._relation_in("owner_relations") or lemma(
                pronoun) not in self.sent.words("possessive_pronouns") or any(
                lemma(c) == "own" for c in pronoun.head.children):
            return []
        own = ({a.actor for a in self.get("poss")} | {a.actor for a in self.get("mod")}
               if self.tok.pos_ in ("NOUN", "PROPN") else set()) or {a.actor for a in self.get("subj")}
        # (a noun's own doer first: "in retaliation for American raids on its nuclear plants")
        if not own:
            return []
        before = [r for i, r in sorted(self.sent.actor_at.items()) if i < pronoun.i and r.actor not in own
                  and r.kind != "place"]
        root = pronoun
        while root.head.i != root.i:
            root = root.head
        main = {a.actor for a in Slots(self.sent, root).slot_subj()} if root.i != self.tok.i else set()
        # the main clause's subject before any nearer state ("Iran fired missiles at a base in Qatar in retaliation
        # for American raids on its nuclear plants": Iran's)
        return [r for r in before if r.actor in main][-1:] or before[-1:]

    def _children(self, tok, deps) -> list:
        return [c for c in tok.children if c.dep_ in deps]

    def _prep_objects(self, tok, preps) -> list[ActorRef]:
        out: list[ActorRef] = []
        counted = False
        for c in tok.children:
            if c.dep_ in ("prep", "agent", "dative") and lemma(c) in preps:
                for p in (x for q in (c, *(k for k in c.conjuncts if k.pos_ == "ADP" and lemma(k) in preps))
                          for x in q.children):  # ("stood with Haiti and with Kenya": the joined phrase too)
                    if p.dep_ in ("pobj", "pcomp"):
                        out.extend(self.actors(p, "target"))
                        counted = counted or lemma(p) in self.sent.words("collectives")
        if not out and counted:  # "sold drones to 30 countries, among them Poland": the examples named
            out = [a for c in tok.children if c.dep_ == "prep" and lemma(c) == "among" and any(
                p.dep_ == "pobj" and p.lower_ == "them" for p in c.children)
                for p in c.children if p.dep_ == "pobj" and p.lower_ != "them" for a in self.actors(p, "target")]
        return out

    # -- slots --------------------------------------------------------------------------------
    def slot_subj(self) -> list[ActorRef]:
        """The logical subject of a verb: its own, else the one it shares with the verb it hangs on."""
        tok = self.tok
        if self._each_subject() and any(lemma(o) == "other" for o in self._children(tok, ("dobj",))):
            return self._pair_named()  # "each blamed the other"
        if tok.dep_ == "ROOT" and not self._children(tok, SUBJECT_DEPS):
            fronted = self._fronted_subject(tok) or [
                self.sent.actor_at[c.i] for c in tok.children if c.dep_ in ("advmod", "npadvmod", "dep")
                and c.i < tok.i and c.i in self.sent.actor_at and self.sent.actor_at[c.i].kind != "place"]
            if fronted:  # ("Nauru switched recognition ...": a first name the parser took for an adverb)
                return fronted
        if tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ") and tok.head.tag_ == "VB" and not self._children(
                tok, SUBJECT_DEPS):  # a finite verb the parser joined to an infinitive ("warned that it would take
            # action ..., and accused Addis Ababa of ..."): it joins the finite verb the infinitive hangs on
            cur = tok.head
            while cur.head.i != cur.i and cur.tag_ not in ("VBD", "VBZ", "VBP"):
                cur = cur.head
            if cur.tag_ in ("VBD", "VBZ", "VBP"):
                tok = cur
        for _ in range(4):
            subs = self._children(tok, SUBJECT_DEPS)
            if subs:
                return [a for s in subs for a in self.actors(s, "subject")] or self._reporter(tok, subs)
            if tok.dep_ in ("pcomp", "pobj") and tok.head.dep_ == "prep" and lemma(tok.head) in ("of", "for"):
                objs = self._children(tok.head.head, ("dobj",))
                if objs and tok.head.head.pos_ == "VERB":  # "accused Kigali of backing", "blamed X for"
                    return [a for o in objs for a in self.actors(o, "subject")]  # ("sanctioned Chinese firms for
                    # supplying Russia": a state's companies supply for it, decision 21)
                owner = tok.head.head
                if owner.dep_ == "dobj" and owner.head.pos_ == "VERB" and lemma(owner.head) in self.sent.words(
                        "accusing"):  # the same, with "of" attached to the object: "accused Chinese vessels of ramming"
                    return self.actors(owner, "subject")
            if tok.dep_ in ("pcomp", "pobj") and not any(
                    i in self.sent.actor_at for c in tok.children
                    if c.dep_ in ("dobj", "npadvmod", "dative") or (c.dep_ == "prep" and lemma(c) in ("with", "to"))
                    for i in (x.i for x in c.subtree)):
                break  # "after fighting on the border": a gerund naming no other actor shares no subject
            if tok.tag_ == "VB" and (tok.dep_ == "xcomp" or tok.dep_ == "advcl" and lemma(tok.head) in self.sent.words(
                    "object_control")):  # "prompted North Korea to threaten", "led Washington to expel": object control
                objs = [a for o in self._children(tok.head, ("dobj",)) for a in self.actors(o)]
                if objs:
                    return objs
            if self._blocked_words(tok):
                return []  # "blocked a statement on Friday criticising Beijing": the text's words, not the blocker's
            if tok.dep_ == "conj" and tok.head.dep_ == "advcl" and any(
                    c.dep_ == "mark" for c in tok.head.children) and tok.i > 1 and tok.doc[tok.i - 2].text == "," \
                    and any(c.i in self.sent.actor_at for c in self._children(tok.head.head, SUBJECT_DEPS)):
                # "Rwanda expelled diplomats after Pretoria ordered out envoys, and accused South Africa of ...": after
                # the subordinate clause's comma, "and" goes back to the main clause and its subject
                tok = tok.head.head
                continue
            reported = [c for c in tok.head.children if c.dep_ == "ccomp" and c.i < tok.head.i] \
                if tok.dep_ == "advcl" and lemma(tok.head) in self.sent.words("say") else []
            if reported and not any(lemma(tok) in self.sent.words(n) for n in ("say", "labelling", "accusing", "stance")):
                tok = reported[0]  # (the same with the reported clause first: "X has paused ..., its ministry said")
                continue
            if tok.dep_ == "advcl" and tok.head.dep_ == "parataxis" and lemma(tok.head) in self.sent.words("say") \
                    and not any(lemma(tok) in self.sent.words(n) for n in ("say", "labelling", "accusing", "stance")):
                # "X has paused funding to Y, its ministry said, deepening a rift with ...": the participle goes with
                # the reported clause, not with the speech tag the parser hung it on (a speech act goes with the
                # speaker: "..., Canada's defence department said, calling the manoeuvre unsafe")
                tok = tok.head.head
                continue
            if tok.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acomp") or (
                    tok.dep_ == "pobj" and tok.head.dep_ == "prep"):
                tok = tok.head
                while tok.dep_ == "prep" and tok.head.i != tok.i:  # through the preposition to what it hangs on
                    tok = tok.head
                continue
            if tok.dep_ == "relcl":
                return self.actors(tok.head)
            if tok.dep_ == "acl" and lemma(tok.head) in self.sent.words("kept_rights") and tok.head.dep_ == "dobj":
                tok = tok.head.head  # "reserved the right to take countermeasures": the one who keeps the right
                continue
            if tok.dep_ == "acl" and (tok.tag_ == "VBG" or Slots(self.sent, tok)._misparsed_clause()):
                written = tok.head
                if written.dep_ in ("dobj", "nsubjpass") and (lemma(written) in self.sent.words(
                        "correspondence") or lemma(written) in self.sent.words("texts")) and \
                        written.i not in self.sent.actor_at and lemma(written.head) not in self.sent.words(
                        "blocking"):  # "Vilnius sent Minsk a note condemning the launch" (not "blocked a text"):
                    return Slots(self.sent, written.head).slot_subj()  # the writer of the note condemns
                return self.actors(tok.head)
            break
        return []

    def _fronted_subject(self, verb) -> list[ActorRef]:
        """The subject the parser joined to a fronted phrase: "At an emergency meeting of the Security Council, the
        United States, France and Britain condemned ..." (read as more conjuncts of "Council"): the coordinated
        states after the phrase's comma."""
        for c in verb.children:
            if c.dep_ != "prep" or c.i > verb.i:
                continue
            for x in c.subtree:
                first = x.left_edge.i  # (", the United States")
                if x.dep_ == "conj" and x.i in self.sent.actor_at and first > 0 and x.doc[first - 1].lower_ == ",":
                    return [a for y in (x, *x.conjuncts) if y.i >= x.i for a in self._phrase(y, "subject")]
        return []

    def _each_subject(self) -> bool:
        """True when the trigger's subject is "each" (or "one") with no actor of its own: "each blamed the other"."""
        return any((lemma(c) in ("each", "one") or any(d.dep_ == "det" and lemma(d) == "each" for d in c.children))
                   and c.i not in self.sent.actor_at for c in self._children(self.tok, SUBJECT_DEPS))  # ("each man")

    def _pair_named(self) -> list[ActorRef]:
        """The states "each ... the other" stand for: the subject of the sentence's main verb when it names two or
        more ("Armenia and Azerbaijan agreed to a truce ..., a flare-up for which each blamed the other")."""
        root = self.tok
        while root.head.i != root.i:
            root = root.head
        found = Slots(self.sent, root).slot_subj() if root.i != self.tok.i else []
        if len({a.actor for a in found}) >= 2:
            return found
        at = self.sent.actor_at  # else the last pair joined by "and" before it: "talks between Vucic and Kurti ...
        # before the shootout that ended with each man blaming the other"
        pairs = [(at[c.head.i], at[c.i]) for c in self.sent.doc[:self.tok.i] if c.dep_ == "conj" and c.i in at
                 and c.head.i in at and at[c.i].actor != at[c.head.i].actor]
        return list(pairs[-1]) if pairs else []

    def _reporter(self, verb, subs) -> list[ActorRef]:
        """The speaker a pronoun subject of reported speech stands for: "Israel said it shot down a drone",
        "Ankara said its jets struck ...": the subject of the verb of saying whose clause this is."""
        if not any(lemma(s) in self.sent.words("subject_pronouns") or (
                lemma(s) in self.sent.words("bodies") and any(
                    c.dep_ == "poss" and lemma(c) in self.sent.words("possessive_pronouns") for c in s.children)) or (
                lemma(s) in self.sent.words("home_nouns") and any(  # "the president said his country would ..."
                    c.dep_ == "poss" and c.lower_ in self.sent.words("speaker_possessives") for c in s.children))
                for s in subs):
            return []
        clause = verb
        while clause.dep_ == "conj" and clause.head.i != clause.i:  # "said it shot down a drone and then struck ..."
            clause = clause.head
        if clause.dep_ != "ccomp" or lemma(clause.head) not in self.sent.words("say"):
            return self._governing_subject(verb)
        return [a for s in self._children(clause.head, ("nsubj",)) for a in self.actors(s, "subject")]

    def _governing_subject(self, clause) -> list[ActorRef]:
        """The actor a pronoun subject of a subordinate clause stands for: the subject of the clause it hangs on
        ("Britain expelled two diplomats after it accused Moscow of ...", "officials it accused of ...", "Japan
        protested, saying it was alarmed"), named, within four steps up."""
        pronouns = self.sent.words("subject_pronouns")
        owned = self.sent.words("possessive_pronouns")
        pronoun = next((x for x in self._children(clause, ("nsubj", "nsubjpass")) if lemma(x) in pronouns or (
            lemma(x) in self.sent.words("bodies") and any(c.dep_ == "poss" and lemma(c) in owned for c in x.children))),
            None)  # ("..., with its prime minister calling the flights ...": the body of the state named before)
        if pronoun is None:
            return []
        own = set()  # the noun phrase a relative clause is on ("officials it accused"): not what the pronoun is
        if clause.dep_ in ("relcl", "acl"):
            own = {x.i for x in clause.head.subtree if x.i < clause.left_edge.i}
        cur = clause
        for _ in range(4):
            if cur.dep_ not in ("advcl", "relcl", "acl", "ccomp", "xcomp", "conj", "pcomp", "pobj", "prep", "dobj",
                                "dative", "attr", "appos", "npadvmod") or cur.head.i == cur.i:
                return []
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                subs = [x for x in self._children(cur, ("nsubj", "nsubjpass")) if lemma(x) not in pronouns]
                if subs:
                    last = max(x.i for s in subs for x in s.subtree)
                    if clause.dep_ != "conj" and any(
                            last < i < pronoun.i and i not in own and self.sent.doc[i].dep_ not in ("poss", "amod", "compound")
                            for i in self.sent.actor_at):  # (an owner or an adjective is not what "it" stands for; a
                        # coordinated main clause's "it" is the first clause's subject: "China warned ..., and it accuses")
                        return []  # "... designed to shield Pyongyang as it ships shells": another actor is nearer
                    return [a for x in subs for a in self.actors(x, "subject")]
        return []

    def slot_speaker_patient(self) -> list[ActorRef]:
        """A pronoun passive subject that stands for the speaker: "China said it was concerned by the agreement"."""
        subs = self._children(self.tok, ("nsubjpass",))
        return self._reporter(self.tok, subs) if subs else []

    def slot_patient(self) -> list[ActorRef]:
        subs = self._children(self.tok, ("nsubjpass",))
        found = [a for s in subs for a in self.actors(s, "target")]
        if not found and self.tok.dep_ == "acl" and self.tok.tag_ == "VBN":
            found = self.actors(self.tok.head, "target")
        return found

    def slot_agent(self) -> list[ActorRef]:
        found = self._prep_objects(self.tok, ("by",))
        if not found and self.passive:
            # "imposed on Nicaragua's vice president and four ministers by the US": a "by" the parser hung on
            # the passive verb's last object; states only
            found = [a for c in self._children(self.tok, ("prep",)) for p in c.children if p.dep_ == "pobj"
                     for q in (p, *p.conjuncts) for a in self._prep_objects(q, ("by",)) if a.kind != "place"]
        return found

    def slot_dobj(self) -> list[ActorRef]:
        objs = self._children(self.tok, ("dobj",)) or [
            c for c in self._children(self.tok, ("npadvmod",)) if c.i == self.tok.i + 1 and c.i in self.sent.actor_at]
        # ("the build-up alarmed Armenia": a name right after the verb the parser took for an adverbial noun)
        relative = self.tok.dep_ == "relcl"
        if self.tok.dep_ in ("relcl", "acl") and objs and all(lemma(o) in RELATIVE_PRONOUNS for o in objs):
            objs, relative = [], True  # "an escalation that Tehran condemned", "a decision that X condemned" (which
            # the parser may take for a clause on the noun): the noun is the object (below)
        if not objs:  # "condemned and sanctioned Russia": a verb shares the object of the verb joined to it
            objs = [d for c in self.tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > self.tok.i
                    and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)  # (not "..., and it accuses
                    # Washington": a clause of its own)
                    for d in c.children if d.dep_ == "dobj"]
        if not objs and relative and not self.passive and any(
                c.dep_ == "nsubj" and lemma(c) not in RELATIVE_PRONOUNS for c in self.tok.children) and not any(
                c.dep_ == "prep" and not list(c.children) for c in self.tok.children):
            objs = [self.tok.head]  # "a move France condemned", "the text China vetoed": the noun is the object
            summed = self._clause_doers(self.tok.head)
            if summed:
                return summed
        if not objs:  # "struck what Ankara said were Kurdish positions in Iraq": the free relative's predicate noun
            objs = [x for c in self.tok.children if c.dep_ == "ccomp" and c.i > self.tok.i
                    and any(x.lower_ == "what" and x.i < c.i for x in c.subtree)
                    for x in c.subtree if x.dep_ == "attr"]
        if any(lemma(o) == "other" and any(lemma(c) in ("each", "one") for c in o.subtree) for o in objs):
            return self.slot_subj()  # "accused each other": each of the subjects, of the others
        if any(lemma(o) == "other" for o in objs) and self._each_subject():
            return self._pair_named()  # "a flare-up for which each blamed the other"
        return [a for c in objs for a in self.actors(c, "target")]

    def slot_located(self) -> list[ActorRef]:
        """Where force was used, for the relations of [lists] place_relations: "bombed positions near Zakho",
        "shelling killed four civilians in Jammu" (the locative phrases of the trigger, of the verb a noun
        trigger is the subject of, and of their direct objects)."""
        if not self._relation_in("place_relations"):
            return []
        heads = [self.tok]
        if self.tok.pos_ in ("NOUN", "PROPN") and self.tok.dep_ == "nsubj":
            heads.append(self.tok.head)
        heads += [d for h in list(heads) for d in self._children(h, ("dobj",))]
        return [a for h in heads for a in self._prep_objects(h, self.sent.words("locative_preps"))]

    def slot_defied(self) -> list[ActorRef]:
        """Who acted in the face of a noun's stance: "Addis Ababa inaugurated the dam despite objections from
        Cairo", "Manila held drills amid protests from Beijing" (the subject of the verb the phrase hangs on)."""
        tok = self.tok
        if tok.dep_ != "pobj" or lemma(tok.head) not in self.sent.words("defiance_preps"):
            return []
        verb = tok.head.head
        return Slots(self.sent, verb).slot_subj() if verb.pos_ in ("VERB", "AUX") else []

    def slot_pronoun_owner(self) -> list[ActorRef]:
        """Whose "its"/"their" a relation noun is, when the pronoun stands for the clause's subject: "Washington
        vetoed the draft, shielding its ally Israel" (the subject of the verb the noun completes)."""
        tok = self.tok
        if not any(c.dep_ == "poss" and lemma(c) in self.sent.words("possessive_pronouns") for c in tok.children):
            return []
        if tok.dep_ == "conj" and tok.head.i in self.sent.actor_at:  # "aimed at Baku and its closest ally, Ankara"
            return [self.sent.actor_at[tok.head.i]]
        if tok.dep_ not in ("dobj", "pobj") or tok.head.pos_ not in ("VERB", "ADP"):
            return []
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head
        return Slots(self.sent, verb).slot_subj() if verb.pos_ == "VERB" else []

    def slot_near_owner(self) -> list[ActorRef]:
        """Whose "its"/"their" a noun is: the nearest state named before the pronoun that the noun does not
        already name ("to punish New Delhi over its continued buying of Russian oil": New Delhi's buying)."""
        pronouns = [c for c in self.tok.children if c.dep_ == "poss" and lemma(c) in self.sent.words("possessive_pronouns")]
        if not pronouns:
            return []
        own = {a.actor for a in self.actors(self.tok)} | {
            a.actor for p in of_phrase(self.tok) for c in p.children if c.i in self.sent.actor_at for a in [self.sent.actor_at[c.i]]}
        before = [r for i, r in sorted(self.sent.actor_at.items()) if i < pronouns[0].i and r.actor not in own
                  and r.kind != "place"]
        return before[-1:]

    def slot_requester(self) -> list[ActorRef]:
        """Who asked for the troops sent: "deployed troops at Maputo's request", "at the invitation of Bamako"
        (a state, not a forum such as the UN)."""
        sent = self._children(self.tok, ("dobj", "nsubjpass")) or (
            [self.tok.head] if self.tok.dep_ == "acl" else [])
        sent += [p for c in sent if lemma(c) in self.sent.words("quantities") for p in of_phrase(c)]
        if not any(lemma(c) in self.sent.words("troops") for c in sent):
            return []
        out: list[ActorRef] = []
        for c in self._children(self.tok, ("prep",)):
            if lemma(c) not in ("at", "on", "upon", "following", "after"):
                continue
            for p in c.children:
                if p.dep_ == "pobj" and lemma(p) in self.sent.words("requests"):
                    out.extend(a for x in p.children if x.dep_ == "poss" for a in self.actors(x))
                    out.extend(self._prep_objects(p, ("of", "from")))
        return [a for a in out if a.kind != "place" and a.actor not in self.sent.words("forum_ids")]

    def slot_alongside(self) -> list[ActorRef]:
        """Whose forces troops were sent to fight beside: "were sent to fight alongside Russian forces"."""
        return [a for c in self._children(self.tok, ("xcomp", "advcl"))
                for a in self._prep_objects(c, ("alongside",))]

    def slot_deal_partner(self) -> list[ActorRef]:
        """Who a state buys from under a deal it signed: "signed a deal with France to buy 26 jets", "a contract
        with Seoul to purchase tanks" (the "with" phrase of the agreement or of the verb that seals it)."""
        tok = self.tok
        agreements = self.sent.words("agreements")
        if tok.dep_ == "acl" and lemma(tok.head) in agreements:
            deals, verb = [tok.head], tok.head.head
        elif tok.dep_ in ("advcl", "xcomp"):
            verb = tok.head
            deals = [d for d in self._children(verb, ("dobj",)) if lemma(d) in agreements]
        else:
            return []
        if not deals:
            return []
        return self._prep_objects(verb, ("with",)) + [a for d in deals for a in self._prep_objects(d, ("with",))]

    def slot_dative(self) -> list[ActorRef]:
        out = [a for c in self._children(self.tok, ("dative",)) if c.pos_ != "ADP" for a in self.actors(c)]
        if not out:  # "agreed to sell Armenia 36 howitzers": a name the parser hung before the count of the object
            out = [self.sent.actor_at[m.i] for o in self._children(self.tok, ("dobj",)) for m in o.children
                   if m.dep_ in ("nmod", "compound") and m.pos_ == "PROPN" and m.i in self.sent.actor_at
                   and self.sent.actor_at[m.i].kind not in ("modifier", "origin", "maker")
                   and any(n.dep_ == "nummod" and n.i > m.i for n in (*m.children, *o.children))]
        return out

    def slot_prep(self) -> list[ActorRef]:
        """Objects of the entry's prepositions, on the trigger or on its direct object."""
        preps = tuple(p for p in self.preps if p != "-")
        if self.tok.pos_ == "NOUN" and self.tok.dep_ == "dobj" and lemma(self.tok.head) in self.sent.words("raising"):
            preps = tuple(p for p in preps if p not in ("with", "to"))  # "raised concerns with Colombo about ...":
            # whom a concern is raised with is its addressee, not what it is about
        if not preps:
            return []
        found = self._prep_objects(self.tok, preps)
        if not found and self.tok.pos_ in ("NOUN", "PROPN"):
            # "a barrage of drones and missiles against Israel": the phrase may hang on what the noun is of
            found = [a for p in of_phrase(self.tok) for q in (p, *p.conjuncts) for a in self._prep_objects(q, preps)]
        if not found and self.tok.pos_ in ("NOUN", "PROPN") and self._relation_in("ties_target_relations"):
            # "warned of grave consequences for its relationship with Ankara": the other side of the ties
            found = [a for c in self._children(self.tok, ("prep",)) if lemma(c) in preps
                     for p in self._children(c, ("pobj",)) if lemma(p) in self.sent.words("ties")
                     for a in self._prep_objects(p, ("with",))]
        if not found and self.tok.pos_ in ("NOUN", "PROPN") and "to" in preps:
            # "export controls on chips to China": the destination hangs on what the measure is on
            found = [a for c in self._children(self.tok, ("prep",)) if lemma(c) in preps and lemma(c) != "to"
                     for p in self._children(c, ("pobj",)) for a in self._prep_objects(p, ("to",))]
        if self.tok.pos_ in ("VERB", "AUX"):
            if not found:
                for d in self._children(self.tok, ("dobj",)):
                    found.extend(self._prep_objects(d, preps))
                    if not found and lemma(d) in self.sent.words("quantities") | self.sent.words("shares"):
                        # "transferred the first tranche of a package to Yemen's central bank"
                        found.extend(a for p in of_phrase(d) for a in self._prep_objects(p, preps))
                    if not found and lemma(d) in self.sent.words("vehicles"):
                        # "sent two planes carrying 120 rescuers to Turkey"
                        found.extend(a for p in loading_participles(d, self.sent.words("carrying"))
                                     for a in self._prep_objects(p, preps) if a.kind != "place")
            # a gapped conjunct repeats the verb: "sent 2 million doses to Bangladesh and 1 million to Nepal"
            found += [a for c in self._children(self.tok, ("conj",)) if c.pos_ in ("NUM", "NOUN")
                      for a in self._prep_objects(c, preps)]
        elif not found and self.tok.dep_ in ("dobj", "nsubjpass", "oprd"):
            # "signed a deal with Turkey", "sanctions were imposed on Minsk": the phrase may hang on the verb
            found = self._prep_objects(self.tok.head, preps)
        elif not found and self.tok.dep_ == "pobj" and lemma(self.tok.head) == "of" and (
                lemma(self.tok.head.head) in self.sent.words("quantities") or self.tok.head.head.like_num) \
                and self.tok.head.head.dep_ in ("dobj", "nsubjpass"):
            # "carried out hundreds of air strikes across Syria": on the verb the count is the object of
            found = self._prep_objects(self.tok.head.head.head, preps)
        elif not found and self.tok.dep_ == "pobj" and lemma(self.tok.head) == "in" and self.tok.head.head.like_num \
                and self.tok.head.head.dep_ in ("dobj", "nsubjpass"):
            # "withheld $195 million in military aid to Egypt": on the verb the sum is the object of
            found = self._prep_objects(self.tok.head.head.head, preps)
        return found

    def slot_from(self) -> list[ActorRef]:
        found = self._prep_objects(self.tok, ("from",))
        for d in self._children(self.tok, ("dobj",)):
            found.extend(self._prep_objects(d, ("from",)))
        return found

    def slot_origin(self) -> list[ActorRef]:
        """"received Russian S-400 systems": the origin adjective of the thing received."""
        out: list[ActorRef] = []
        for d in self._children(self.tok, ("dobj",)):
            things = [d] + [p for c in d.children if c.dep_ == "prep" and lemma(c) == "of"
                            for p in c.children if p.dep_ == "pobj"]
            for t in things:
                for c in t.children:
                    ref = self.sent.actor_at.get(c.i)
                    if ref is not None and c.dep_ in ("amod", "compound", "poss", "nmod"):
                        out.append(ref)
                # a weapon or its maker named inside the phrase ("Saab Gripen fighter jets") or as the thing itself
                # ("received the S-400")
                out.extend(ref for x in t.subtree if (ref := self.sent.actor_at.get(x.i)) is not None
                           and ref.kind == "maker" and (x.i == t.i or x.i < t.i and x.dep_ in ("compound", "amod", "nmod"))
                           and ref not in out)
        return out

    def slot_patient_origin(self) -> list[ActorRef]:
        """Whose troops or goods a participle of sending describes, with no agent: "Kenyan police officers deployed
        to Haiti" (the origin of the noun it qualifies; not a maker: "Iranian-made")."""
        if not self.passive or self.tok.dep_ != "acl" or self._prep_objects(self.tok, ("by",)):
            return []
        return [self.sent.actor_at[c.i] for c in self.tok.head.children
                if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i in self.sent.actor_at
                and self.sent.actor_at[c.i].kind != "maker" and lemma(c) not in self.sent.words("made")]

    def slot_passive_origin(self) -> list[ActorRef]:
        """"the Russian-made systems bought by Turkey", "French jets were ordered by India": the origin adjective
        (or a maker) of the thing a passive verb of receiving takes, the noun it qualifies or its subject."""
        if not self.passive:
            return []
        things = [self.tok.head] if self.tok.dep_ == "acl" else self._children(self.tok, ("nsubjpass",))
        out: list[ActorRef] = []
        goods = self.sent.words("goods")
        for t in things:
            if lemma(t) not in goods and not any(lemma(p) in goods for p in of_phrase(t)):
                continue  # ("the Russian delegation was received by Egypt's president": a visit)
            for x in (t, *[p for p in of_phrase(t)]):
                for c in x.children:
                    ref = self.sent.actor_at.get(c.i)
                    if ref is not None and c.dep_ in ("amod", "compound", "nmod") and ref not in out and (
                            ref.kind != "maker" or self._relation_in("maker_relations")):
                        out.append(ref)
        return out

    def slot_of_from(self) -> list[ActorRef]:
        """"took delivery of the first batch of armoured carriers from the United States": a "from" phrase on
        what the noun is of, two "of" phrases deep."""
        out: list[ActorRef] = []
        layer = of_phrase(self.tok)
        for _ in range(2):
            out.extend(a for p in layer for a in self._prep_objects(p, ("from",)))
            layer = [q for p in layer for q in of_phrase(p)]
        return out

    def slot_of_origin(self) -> list[ActorRef]:
        """"took delivery of Russian fighters", "a contract for French jets": the origin adjective of what a noun is
        of or for."""
        return [self.sent.actor_at[c.i] for p in self._children(self.tok, ("prep",)) if lemma(p) in ("of", "for")
                for o in p.children if o.dep_ == "pobj"
                for c in o.children if c.dep_ in ("amod", "compound", "nmod") and c.i in self.sent.actor_at]

    def slot_between(self) -> list[ActorRef]:
        found = self._prep_objects(self.tok, ("between", "among"))
        if not found and self.tok.dep_ == "nsubj" and lemma(self.tok.head) == "be":
            # "the crisis is the worst between the two countries in decades": the phrase on the predicate
            found = [a for c in self._children(self.tok.head, ("attr", "acomp"))
                     for a in self._prep_objects(c, ("between", "among"))]
        return found

    def slot_ties_in(self) -> list[ActorRef]:
        """The parties of the relations a noun is "in": "the chill in relations between Canberra and Beijing", "a
        thaw in their ties" (owned by the pair of the clause: "Norway and Russia renewed their deal despite the chill
        in relations")."""
        ties = [p for c in self._children(self.tok, ("prep",)) if lemma(c) == "in"
                for p in c.children if p.dep_ == "pobj" and lemma(p) in self.sent.words("ties")]
        if not ties:
            return []
        found = [a for t in ties for a in self._prep_objects(t, ("between", "among"))]
        found += [a for t in ties for c in t.children if c.dep_ in ("poss", "amod", "compound") for a in self.actors(c)]
        if not found and self.tok.dep_ == "pobj" and self.tok.head.dep_ == "prep":
            verb = clause_verb(self.tok.head.head)
            found = Slots(self.sent, verb).slot_subj() if verb is not None else []
        return found if len({a.actor for a in found}) >= 2 else []

    def slot_poss(self) -> list[ActorRef]:
        out: list[ActorRef] = []
        for c in self._children(self.tok, ("poss",)):
            found = self.actors(c)
            mine = {a.actor for a in found}
            doc = self.sent.doc
            coordinated = {r.actor for i, r in self.sent.actor_at.items()
                           if c.i < i < self.tok.i and r.actor not in mine and doc[i].dep_ == "conj"}
            if not coordinated:  # "Norway's oil and Danish gas exports": the possessor may own only the oil
                out.extend(found)
        return out

    def slot_mod(self) -> list[ActorRef]:
        out: list[ActorRef] = []
        for c in self.tok.children:
            if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i in self.sent.actor_at:
                out.extend(self.actors(c))
            elif c.dep_ == "compound":  # "the Japan-US pact": the pair sits under a compound head
                out.extend(r for g in c.children if g.dep_ == "compound" and (r := self.sent.actor_at.get(g.i)))
        return out

    def slot_by(self) -> list[ActorRef]:
        return self._prep_objects(self.tok, ("by", "from"))

    def slot_acl_agent(self) -> list[ActorRef]:
        """Who did what a participle says of the noun: "the sanctions, imposed by Washington in May"."""
        return [a for c in self._children(self.tok, ("acl",)) if c.tag_ == "VBN" and lemma(c) not in self.sent.words(
                "imputing") for a in self._prep_objects(c, ("by",)) if a.kind != "place"]

    def slot_shared_target(self) -> list[ActorRef]:
        """The target of the verb a noun's verb is coordinated with, when the noun names none: "cut ties with Qatar
        and imposed a blockade", "condemned Russia and announced new sanctions"."""
        verb = None
        if self._relation_in("shared_target_relations"):
            # (the verb a noun is the object of, or the trigger verb itself: "suspended the treaty with Pakistan and
            # closed the border crossing")
            verb = self.tok.head if self.tok.dep_ == "dobj" else self.tok if self.tok.pos_ == "VERB" else None
        if verb is None or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX") or verb.head.i == verb.i:
            return []
        first = verb.head
        if verb is self.tok and lemma(first) not in self.sent.words("rupturing"):
            return []  # a closure shares the target of a rupture ("suspended the treaty with X and closed ..."), not
            # of any act ("hosted X's minister and closed the crossing for the holiday")
        return [a for o in self._children(first, ("dobj",)) for a in self.actors(o, "target")] or [
            a for x in (first, *self._children(first, ("dobj",)))  # ("cut ties with Qatar")
            for a in self._prep_objects(x, ("with", "on", "against")) if a.kind != "place"]

    def slot_traded_from(self) -> list[ActorRef]:
        """Where the goods a measure is on come from, when the parser hung the "from" phrase on the measure:
        "tariffs on all goods from Colombia"."""
        if not any(lemma(p) in self.sent.words("traded") for x in (self.tok, *of_phrase(self.tok))
                   for c in self._children(x, ("prep",)) if lemma(c) == "on" for p in c.children if p.dep_ == "pobj"):
            # (or on its "of" phrase: "tariffs of 30% on goods from Brazil")
            return []
        return [a for a in self._prep_objects(self.tok, ("from",)) if a.kind != "place"]

    def slot_aimed_at(self) -> list[ActorRef]:
        """What a measure is aimed at when it is the subject of a verb of aiming: "the sanctions target Iran's oil
        exports", "the tariffs hit Chinese steel" ([lists] aiming)."""
        if self.tok.dep_ != "nsubj" or lemma(self.tok.head) not in self.sent.words("aiming"):
            return []
        return [a for o in self._children(self.tok.head, ("dobj",)) for a in self.actors(o, "target")]

    def slot_answered(self) -> list[ActorRef]:
        """Who was attacked, when a state vows or makes a response to the attacks: "Marcos promised a proportionate
        response to dangerous attacks by the Chinese coast guard" (the attacks were on the one who responds).
        Only for the relations of [lists] answered_relations."""
        tok = self.tok
        if not self._relation_in("answered_relations") or not (tok.dep_ == "pobj" and lemma(tok.head) == "to"):
            return []
        if lemma(tok.head.head) in self.sent.words("responding_verbs") and tok.head.head.pos_ == "VERB":
            return Slots(self.sent, tok.head.head).slot_subj()  # "would respond in kind to the sanctions by Britain"
        if lemma(tok.head.head) not in self.sent.words("responses"):
            return []
        return Slots(self.sent, tok.head.head).slot_head_subj()

    def slot_condemned_doer(self) -> list[ActorRef]:
        """Who did a deed a state is condemned "for": "Qatar condemned Israel for an air strike on Doha" (the object of
        the verb of stance the deed's phrase hangs on; a deed only blamed on a state is an accusation, decision 1,
        which our annotators do not read as the deed)."""
        tok = self.tok
        if tok.dep_ != "pobj" or lemma(tok.head) not in ("for", "over") or tok.head.head.pos_ != "VERB":
            return []
        verb = tok.head.head
        if lemma(verb) not in self.sent.words("stance") or lemma(verb) in self.sent.words("blaming"):
            return []
        return [a for o in self._children(verb, ("dobj",)) for a in self.actors(o, "subject") if a.kind != "place"]

    def slot_imputed(self) -> list[ActorRef]:
        return self._imputed(self.tok)

    def _imputed(self, tok) -> list[ActorRef]:
        """Whom a deed is laid on by a participle of blaming: "the strike, blamed by Kyiv on Moscow" (not the
        one who blames, whose "by" phrase hangs on the same participle). The parser may hang the participle on
        the last noun of the deed's phrase ("the strike on a market, blamed on ..."): a place is not blamed."""
        return [a for c in tok.subtree if c.dep_ == "acl" and c.tag_ == "VBN" and lemma(c) in self.sent.words(
            "imputing") for a in self._prep_objects(c, ("on",)) if a.kind != "place"]

    def slot_head_subj(self) -> list[ActorRef]:
        """The subject of the verb a noun or adjective completes: "X voiced concern", "X is wary", "X is one of
        Russia's closest allies"."""
        tok = self.tok
        if self.tok.pos_ == "NOUN" and self._relation_in("one_of_relations"):
            tok = _one_of(tok)
        if tok.dep_ == "advmod" and tok.pos_ == "ADV":  # "X and Y are jointly developing": the verb's subjects
            return Slots(self.sent, tok.head).slot_subj()
        if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.dep_ in ("dobj", "attr"):
            tok = tok.head  # "held the Medusa air and naval exercise": the parser took "air" for the object
        if tok.dep_ == "pobj" and lemma(tok.head) == "in" and tok.head.head.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.like_num for c in tok.head.head.children):
            return Slots(self.sent, tok.head.head).slot_subj()  # "paused NZ$18.2 million ($11 million) in funding"
        if tok.dep_ == "pobj" and (lemma(tok.head) == "of" and (
                lemma(tok.head.head) in self.sent.words("measures") or lemma(tok.head.head) in self.sent.words(
                    "quantities")) or lemma(tok.head) == "in" and tok.head.head.like_num) \
                and tok.head.head.dep_ in ("dobj", "attr"):
            tok = tok.head.head  # "held two days of talks", "carried out hundreds of strikes": as "held talks"
        if tok.dep_ in ("dobj", "attr", "acomp", "oprd", "xcomp", "nsubjpass") or (
                tok.dep_ == "pobj" and tok.head.dep_ == "prep" and (lemma(tok.head) == "in" or (
                    lemma(tok.head) == "during" and not self._children(tok, ("poss",))) or (
                    lemma(tok.head) == "at" and lemma(tok.head.head) in ("be", "remain", "stay")) or (
                    lemma(tok.head) == "of" and lemma(tok.head.head) in self.sent.words("vow")) or (
                    lemma(tok.head) == "on" and lemma(tok.head.head) in self.sent.words("sealing")) or (
                    lemma(tok.head) == "with" and lemma(tok.head.head) in self.sent.words("responding_verbs")) or (
                    lemma(tok.head) == "on" and lemma(tok.head.head) in self.sent.words("relying")) or (
                    lemma(tok.head) == "as" and lemma(tok.head.head) in self.sent.words("replacing")) or (
                    lemma(tok.head) == "to" and lemma(tok.head.head) in self.sent.words("elevating")))):
            # ("agreed on a security pact": its parties; "vowed to respond with countermeasures": who responds;
            # "relies on grants from Canada": who receives them)
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            if tok.dep_ == "pobj" and verb.pos_ == "NOUN" and verb.dep_ == "dobj":
                verb = verb.head  # "agreed to restore flights in talks in Cairo": the phrase hung on the object
            if tok.dep_ == "nsubjpass":
                return Slots(self.sent, verb).slot_agent()
            found = Slots(self.sent, verb).slot_subj()
            if not found and tok.dep_ == "pobj" and lemma(tok.head) in ("in", "during"):
                # "a Congolese soldier was killed in an exchange of fire with ...": the one it happened to
                found = [a for s in self._children(verb, ("nsubjpass",)) for a in self.actors(s, "subject")]
            return found
        if tok.dep_ == "pobj" and lemma(tok.head) in ("for", "on", "of") and tok.head.head.dep_ == "dobj" and lemma(
                tok.head.head.head) in self.sent.words("sealing") and lemma(tok) in self.sent.words("agreements"):
            # "adopted a vision for a partnership" (but "signed an agreement on energy cooperation": its topic)
            return Slots(self.sent, tok.head.head.head).slot_subj()
        return []

    def slot_bilateral(self) -> list[ActorRef]:
        """"bilateral trade", "bilateral ties": the two actors of the sentence, when it names exactly two."""
        if not any(c.dep_ in ("amod", "compound") and lemma(c) in self.sent.words("bilateral")
                   for c in self.tok.children):
            return []
        found = {r.actor: r for _, r in sorted(self.sent.actor_at.items())}
        for refs in self.sent.partners.values():
            found.update((r.actor, r) for r in refs)
        return list(found.values()) if len(found) == 2 else []

    def _sealing_clauses(self) -> list:
        return [c for c in self._children(self.tok, ("relcl",)) if lemma(c) in self.sent.words("sealing")]

    def _signers(self, clause) -> list[ActorRef]:
        """The subject of a relative clause of signing (not its relative pronoun)."""
        return [a for x in self._children(clause, ("nsubj",)) if lemma(x) not in RELATIVE_PRONOUNS
                for a in self.actors(x, "arg")]

    def _signed_with(self, clause) -> list[ActorRef]:
        return [a for a in self._prep_objects(clause, ("with",)) if a.kind != "place"]

    def slot_sealed_by(self) -> list[ActorRef]:
        """Who signed a pact, by a relative clause: "a security pact the Solomon Islands signed with China"."""
        return [a for c in self._sealing_clauses() for a in self._signers(c)]

    def slot_sealed_with(self) -> list[ActorRef]:
        """Whom the signatory of a relative clause signed a pact with ("the accords Israel signed with the UAE")."""
        return [a for c in self._sealing_clauses() for a in self._signed_with(c)]

    def slot_party_subj(self) -> list[ActorRef]:
        """The subject of the verb a relation noun completes, as a party to it ("X and Y signed a pact"), unless
        the verb takes a stance on it ("France and Germany criticised the pact": they are not its parties)."""
        tok = self.tok
        if tok.dep_ == "pobj" and lemma(tok.head) in ("on", "of") and lemma(tok.head.head) in self.sent.words(
                "agreements") and self._relation_in("treaty_topic_relations"):
            # "signed a treaty on allied relations": the parties of the treaty (an agreement "on defence
            # cooperation" or "on trade" is an agreement only: decision 19)
            return Slots(self.sent, tok.head.head, self.preps, self.relation).slot_party_subj()
        if tok.dep_ in ("dobj", "nsubjpass") and lemma(tok.head) in self.sent.words("stance"):
            return []
        framed = tok
        if framed.dep_ == "pobj" and lemma(framed.head) == "of" and lemma(framed.head.head) in self.sent.words(
                "framing_nouns") and framed.head.head.dep_ == "pobj":
            framed = framed.head.head  # "tore up the order in favour of a new security pact with Washington"
        if framed.dep_ == "pobj" and lemma(framed.head) in self.sent.words("framing_preps") \
                and framed.head.head.pos_ == "VERB" and lemma(tok) in self.sent.words("agreements"):
            # "will acquire submarines under a new security partnership with the US": the clause's subject is a party
            return Slots(self.sent, framed.head.head).slot_subj()
        verb = tok.head
        if tok.dep_ == "dobj" and verb.dep_ == "pcomp" and lemma(verb.head) == "in" and lemma(
                verb.head.head) in self.sent.words("helping_nouns"):
            return []  # "praised China and Qatar for their help in securing the truce": helpers, not its parties
        if tok.dep_ == "nsubjpass" and lemma(tok.head) in self.sent.words("mediating"):
            return []  # "the talks were mediated by X and Y": the mediators (decision 20), not the parties
        if tok.dep_ == "dobj" and lemma(verb) in self.sent.words("stoking"):
            return []  # "accused the three of stoking confrontation": they stir it up with others, not among themselves
        return self.get("head_subj")

    def slot_joint(self) -> list[ActorRef]:
        """Who undertakes what a "joint" noun names: "Germany and France unveiled a joint jet programme" (its verb's
        subjects, unless the verb takes a stance on it), "a joint exercise between X and Y"."""
        tok = self.tok
        if tok.dep_ not in ("amod", "compound") or tok.head.pos_ not in ("NOUN", "PROPN"):
            return []
        head = tok.head
        while head.dep_ == "compound" and head.head.i != head.i:  # "a joint fighter jet programme"
            head = head.head
        if lemma(head) in self.sent.words("joint_words"):
            return []  # "a joint declaration", "a joint news conference": words, not an undertaking
        noun = Slots(self.sent, head)
        return noun.get("between") or noun.get("party_subj") or noun.get("poss")

    def slot_head_from(self) -> list[ActorRef]:
        """"X's move drew criticism from Y": the "from" phrase of the verb a noun is the object of."""
        if self.tok.dep_ in ("dobj", "attr"):
            return self._prep_objects(self.tok.head, ("from",))
        return []

    def slot_border(self) -> list[ActorRef]:
        """The states a border of the trigger's phrase lies between: "fighting along the Armenian-Azerbaijani border"."""
        out: list[ActorRef] = []
        for c in self._children(self.tok, ("prep",)):
            for p in c.children:
                if p.dep_ != "pobj" or lemma(p) not in self.sent.words("borders"):
                    continue
                for m in p.children:  # "Azerbaijan's border with Armenia", "the border between X and Y"
                    if m.dep_ in ("poss", "amod", "compound", "nmod"):
                        out.extend(self.sent.actor_at[x.i] for x in m.subtree if x.i in self.sent.actor_at)
                    elif m.dep_ == "prep" and lemma(m) in ("with", "between", "of", "among"):
                        out.extend(a for o in m.children if o.dep_ == "pobj" for a in self.actors(o))
        return out if len({a.actor for a in out}) > 1 else []

    def slot_other(self) -> list[ActorRef]:
        """The one actor named before the trigger besides the subject, when there is exactly one: "Seoul suspended
        its pact with Pyongyang and vowed retaliation" (the retaliation is against Pyongyang)."""
        own = {a.actor for a in self.get("subj")} | {a.actor for a in self.get("head_subj")}
        # only actors named before the trigger: "Peru vowed retaliation, officials in Bolivia said" names no adversary
        others = {r.actor: r for i, r in sorted(self.sent.actor_at.items()) if r.actor not in own and i < self.tok.i}
        if len(others) > 1:  # "protested to the Security Council against Ethiopia's dam, reserving the right to
            # take measures": whom a complaint is addressed to is not the adversary
            doc = self.tok.doc
            others = {a: r for a, r in others.items()
                      if not (doc[r.token].dep_ == "pobj" and lemma(doc[r.token].head) == "to")}
        if own and len(others) > 1 and len({_coordination(self.tok.doc[r.token]) for r in others.values()}) == 1:
            return list(others.values())  # "The United States and South Korea began drills, prompting North Korea
            # to threaten a merciless response": one coordinated group
        return list(others.values()) if own and len(others) == 1 else []

    def _blocked_words(self, tok) -> bool:
        return blocked_participle(tok, self.sent.words("blocking"), self.sent.words("texts"))

    def slot_shielded(self) -> list[ActorRef]:
        """Whom a blocked text was aimed at: "blocked a statement criticising Myanmar", "a resolution on Syria"; or a
        blocked push to punish ([lists] initiatives, punitive_verbs): "vetoed a push to impose sanctions on Pyongyang"."""
        out: list[ActorRef] = []
        for c in self.tok.children:
            if self._blocked_words(c):  # (the statement's participle, hung on the verb)
                out.extend(a for o in c.children if o.dep_ == "dobj" for a in self.actors(o, "target") or [
                    self.sent.actor_at[x.i] for x in o.children if x.dep_ == "poss" and x.i in self.sent.actor_at])
        for d in self._children(self.tok, ("dobj", "nsubjpass")):
            if lemma(d) in self.sent.words("initiatives"):
                for c in d.children:
                    if c.dep_ == "acl" and lemma(c) in self.sent.words("punitive_verbs"):
                        out.extend(a for o in c.children if o.dep_ == "dobj" and lemma(o) not in self.sent.words(
                            "economic") for a in self.actors(o, "target"))  # (not "U.N." of "U.N. sanctions")
                        out.extend(a for o in (c, *(o for o in c.children if o.dep_ == "dobj"))
                                   for a in self._prep_objects(o, ("on", "against")))
                continue
            if lemma(d) not in self.sent.words("texts"):
                continue
            # (a clause the parser hung on the text's drafters: "a statement by all 27 EU members that would have
            # condemned Georgia's new law")
            drafters = [p for c in d.children if c.dep_ == "prep" and lemma(c) == "by" for p in c.children
                        if p.dep_ == "pobj"]
            for c in [*d.children, *(x for p in drafters for x in p.children if x.dep_ in ("acl", "relcl"))]:
                if c.dep_ in ("acl", "relcl"):
                    out.extend(a for o in c.children if o.dep_ == "dobj" for a in self.actors(o, "target") or [
                        self.sent.actor_at[x.i] for x in o.children if x.dep_ == "poss" and x.i in self.sent.actor_at])
                    out.extend(self._prep_objects(c, ("on", "against", "over")))
                elif c.dep_ == "prep" and lemma(c) in ("on", "against", "over"):
                    out.extend(a for o in c.children if o.dep_ == "pobj" for a in self.actors(o, "target"))
        return out

    def _manner_verb(self):
        """The verb a noun trigger qualifies as the object of "in" ([lists] manner_preps): "recalled its envoy in
        protest at ...", "lit the palace in solidarity with ..."; None otherwise."""
        tok = self.tok
        if tok.dep_ != "pobj" or lemma(tok.head) not in self.sent.words("manner_preps"):
            return None
        anchor = tok.head.head  # (the parser may hang the phrase on the verb's object: "suspended the talks in protest")
        verb = anchor.head if anchor.dep_ == "dobj" else anchor
        return verb if verb.pos_ in ("VERB", "AUX") else None

    def slot_manner_subj(self) -> list[ActorRef]:
        """Who acts "in protest" or "in solidarity": the subject of the verb the phrase qualifies."""
        verb = self._manner_verb()
        return Slots(self.sent, verb, self.preps, self.relation).slot_subj() if verb is not None else []

    def slot_manner_obj(self) -> list[ActorRef]:
        """What a protest or show of solidarity is about: the noun's own phrase, or the one the parser hung on the
        verb right after it ("in protest at France's decision")."""
        verb = self._manner_verb()
        if verb is None:
            return []
        preps = tuple(self.sent.words("manner_object_preps"))
        found = self._prep_objects(self.tok, preps)
        if not found:
            found = [a for c in self._children(self.tok.head.head, ("prep",)) if c.i == self.tok.i + 1 and lemma(c) in preps
                     for p in c.children if p.dep_ == "pobj" for a in self.actors(p, "target")]
        return found

    def _regard_verb(self):
        """The verb a feeling qualifies as the object of "with": "watched the drills with concern", "viewed the pact
        with wariness" ([lists] regarding); None otherwise."""
        tok = self.tok
        if tok.dep_ != "pobj" or lemma(tok.head) != "with":
            return None
        anchor = tok.head.head  # (or hung on the verb's object: "watching the exercises with grave concern")
        verb = anchor.head if anchor.dep_ == "dobj" else anchor
        return verb if verb.pos_ in ("VERB", "AUX") and lemma(verb) in self.sent.words("regarding") else None

    def slot_regarder(self) -> list[ActorRef]:
        """Who watches or views something with a feeling: the subject of that verb."""
        verb = self._regard_verb()
        return Slots(self.sent, verb, self.preps, self.relation).slot_subj() if verb is not None else []

    def slot_regarded(self) -> list[ActorRef]:
        """What is watched or viewed with a feeling: that verb's object, as a feared thing stands for its owners."""
        verb = self._regard_verb()
        if verb is None:
            return []
        found = Slots(self.sent, verb, self.preps, self.relation).slot_dobj()
        if found or self._children(verb, ("dobj",)):
            return found
        # "..., a deal Beijing said it viewed with concern": the noun of the relative clause, and when that noun
        # sums up the clause it is set against, that clause's doers ("X and Y signed a pact, a deal ...")
        clause = verb.head if verb.dep_ == "ccomp" and lemma(verb.head) in self.sent.words("say") else verb
        if clause.dep_ != "relcl":
            return []
        return self._clause_doers(clause.head) or self.actors(clause.head, "target")

    def _clause_doers(self, noun) -> list[ActorRef]:
        """The doers of the clause a deed noun set beside it sums up: "X and Y held drills, a move Z denounced",
        "A, B and C recognised Palestine, a step Israel condemned" (the clause verb's subjects and its "with"
        partners); none when the noun is not such an apposition or names no deed."""
        inside = noun.dep_ == "pobj" and lemma(noun.head) == "in" and noun.head.head.pos_ in ("VERB", "AUX")
        if noun.dep_ not in ("npadvmod", "appos") and not inside or lemma(noun) not in self.sent.words(
                "events") | self.sent.words("deeds"):
            return []
        if inside:  # "fired missiles at Erbil, in an attack that Baghdad condemned"
            noun = noun.head
        verb = noun.head  # (the parser may hang the apposition on the clause's last noun: "... near the Gap, a move")
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        doers = Slots(self.sent, verb).slot_subj()
        return doers + [a for a in self._prep_objects(verb, ("with",)) if a.actor not in {d.actor for d in doers}]

    def slot_ended_by(self) -> list[ActorRef]:
        """Who ended a war, as its parties: "Peru ended its war", "X and Y agreed to a truce ending a 12-day war"
        (the subjects of the verb whose object the ending truce is)."""
        verb = self.tok.head
        if verb.dep_ != "acl":
            return Slots(self.sent, verb).slot_subj()
        anchor = verb.head  # the truce, accord or ceasefire that ends it
        for _ in range(3):
            if anchor.pos_ in ("VERB", "AUX"):
                return Slots(self.sent, anchor).slot_subj()
            anchor = anchor.head
        return []

    def slot_that_subj(self) -> list[ActorRef]:
        """What a feeling or complaint is about when a clause says it: "concerned that Iran had expanded its
        stockpile" (the clause's subject; for the relations of [lists] complaint_relations)."""
        if not self._relation_in("complaint_relations"):
            return []
        return [a for c in self._children(self.tok, ("ccomp", "acl")) if any(m.dep_ == "mark" and lemma(m) == "that"
                for m in c.children) for x in self._children(c, ("nsubj", "nsubjpass"))
                for a in self.actors(x, "target") or self._governing_subject(c)]  # ("rejected French accusations
        # that it had stirred up unrest": "it" is the one who rejects them)

    def slot_after_subj(self) -> list[ActorRef]:
        """What a feeling or complaint responds to when a clause of time says it: "expressed unease after Russia and
        North Korea signed a treaty", "protested when Beijing sent ships" (the clause's subjects, and its "with"
        partners; for the relations of [lists] complaint_relations)."""
        if not self._relation_in("complaint_relations") or self._children(self.tok, ("dobj",)):
            return []  # ("condemned the attack after ...": the clause dates what is condemned)
        anchors = [self.tok]
        if self.tok.dep_ in ("dobj", "acomp", "attr", "oprd") or self.tok.pos_ != "VERB":
            anchors.append(self.tok.head)  # "voiced concern after ...", "was alarmed after ..."
        out: list[ActorRef] = []
        for clause in (c for a in anchors for c in self._children(a, ("advcl",))):
            if not any(m.dep_ in ("mark", "advmod") and lemma(m) in self.sent.words("reaction_marks")
                       for m in clause.children):
                continue
            doers = [a for x in self._children(clause, ("nsubj",)) for a in self.actors(x, "subject")]
            out.extend(doers + [a for a in self._prep_objects(clause, ("with",)) if a.kind != "place"])
        return out

    def slot_answered_deed(self) -> list[ActorRef]:
        """Whom an announced reprisal answers, when a clause of time says what it answers: "warned that it would take
        countermeasures after Seoul announced the drills" (the clause's subject)."""
        return [a for c in self._children(self.tok, ("advcl",)) if any(
                m.dep_ in ("mark", "advmod") and lemma(m) in self.sent.words("reaction_marks") for m in c.children)
                for x in self._children(c, ("nsubj",)) for a in self.actors(x, "subject") if a.kind != "place"]

    def _doom_clause(self):
        """The verb of saying or vowing whose reported clause foretells its subject's ruin with a modal: "Tehran vowed
        that Israel would be made to regret the attack", "said the senator would pay a heavy price"."""
        cur, modal = self.tok, False
        for _ in range(3):
            modal = modal or any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "'d", "shall")
                                 for c in cur.children)
            if cur.dep_ == "ccomp" and any(lemma(cur.head) in self.sent.words(n) for n in ("say", "vow")):
                return cur.head if modal else None
            if cur.dep_ not in ("xcomp", "ccomp", "advcl") or cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    def slot_doom_speaker(self) -> list[ActorRef]:
        verb = self._doom_clause()
        return Slots(self.sent, verb).slot_subj() if verb is not None else []

    def slot_doom_target(self) -> list[ActorRef]:
        if self._doom_clause() is None:
            return []
        tok = self.tok
        subs = self._children(tok, ("nsubj",)) or (
            self._children(tok.head, ("nsubjpass", "nsubj")) if tok.dep_ in ("xcomp", "advcl") else [])  # "would be
        # made to regret"
        return [a for x in subs for a in self.actors(x, "target") if a.kind != "place"]

    def slot_with_judged(self) -> list[ActorRef]:
        """What a feeling or complaint with no object of its own is about, when an absolute phrase says how one of
        its holders judged it: "Japan and Australia voiced concern, with Tokyo calling China's actions dangerous"
        (whose thing the phrase's verb labels; for the relations of [lists] complaint_relations)."""
        if not self._relation_in("complaint_relations"):
            return []
        verb = self.tok.head if self.tok.dep_ in ("dobj", "acomp", "attr") else self.tok
        out: list[ActorRef] = []
        for p in self._children(verb, ("prep",)):
            if lemma(p) != "with":
                continue
            for v in self._children(p, ("pcomp",)):
                if lemma(v) in self.sent.words("labelling") or lemma(v) in self.sent.words("stance"):
                    out.extend(a for o in self._children(v, ("dobj",)) for a in self.actors(o, "target"))
        return out

    def slot_subj_owner(self) -> list[ActorRef]:
        """Whose forces the verb's subject says are present, when it names no state itself: "The build-up of
        Azerbaijani forces alarmed Armenia" ([lists] presence_nouns)."""
        return [a for x in self._children(self.tok, ("nsubj",)) if x.i not in self.sent.actor_at and self._presence(x)
                for a in self._owners_of_thing(x)]

    def _presence(self, tok) -> bool:
        """Whether a noun says forces are somewhere ([lists] presence_nouns), written whole or split at its hyphen."""
        prefix = hyphen_prefix(tok)
        words = self.sent.words("presence_nouns")
        return lemma(tok) in words or prefix is not None and f"{prefix.lower_}-{lemma(tok)}" in words

    def slot_finance_holder(self) -> list[ActorRef]:
        """Who holds money a state rolls over, refinances or restructures, as the relative clause on it says: "a deposit
        it placed with Egypt's central bank", "loans that Cairo was due to repay", "loans it extended to Nepal" (for
        aid only)."""
        if self.relation.lower() != "aids":
            return []
        own = {a.actor for a in self.get("subj")}
        out: list[ActorRef] = []
        sums = self._children(self.tok, ("dobj",))
        for o in sums + [p for t in sums for c in self._children(t, ("prep",)) if lemma(c) == "in"
                         for p in self._children(c, ("pobj",))]:  # ("$2 billion in loans that ...")
            if lemma(o) not in self.sent.words("finance"):
                continue
            for r in self._children(o, ("relcl",)):
                out.extend(a for x in self._children(r, ("nsubj",)) for a in self.actors(x, "target")
                           if a.actor not in own)
                out.extend(a for a in self._prep_objects(r, ("with", "to")) if a.actor not in own)
        return out

    def slot_felt_in(self) -> list[ActorRef]:
        """Who holds a feeling an existential clause places "in" a state: "There is growing unease in Tokyo about ..."
        (for the relations of [lists] complaint_relations)."""
        tok = self.tok
        if not self._relation_in("complaint_relations") or tok.dep_ not in ("attr", "nsubj") or not any(
                c.dep_ == "expl" for c in tok.head.children):
            return []
        return [a for a in self._prep_objects(tok, ("in", "among")) if a.kind != "place"]

    def slot_condition_subj(self) -> list[ActorRef]:
        """Who would bring on an announced act: the subject of its condition ("would retaliate if Finland joined
        NATO", "unless Seoul halted the drills")."""
        if not (self._relation_in("realis_relations") or self._relation_in("vowed_relations")):
            return []  # (only a threat, or force and sanctions that may be one, is aimed at a condition's subject)
        holders = [self.tok] + ([self.tok.head] if self.tok.dep_ == "dobj" else [])  # ("impose sanctions if ...")
        holders += self._children(self.tok, ("xcomp",))  # ("threatens to close the strait if the US strikes")
        return [a for h in holders for c in self._children(h, ("advcl",)) if any(
                m.dep_ == "mark" and lemma(m) in self.sent.words("irrealis_marks") for m in c.children)
                for x in self._children(c, ("nsubj", "nsubjpass")) for a in self.actors(x, "target")]

    def slot_complained_to(self) -> list[ActorRef]:
        """Whom a protest or complaint is made to, when the verb names no other target: "India protested to
        Pakistan over the killing" (not "protested to the UN against Ethiopia's dam": that names one)."""
        if not self._relation_in("complaint_relations"):
            return []
        return [a for a in self._prep_objects(self.tok, ("to", "with")) if a.actor not in self.sent.words("forum_ids")]

    def slot_xcomp_target(self) -> list[ActorRef]:
        """Whom a threat's open complement is aimed at: "threatened to take action against Seoul", "vowed to
        annex the Essequibo region of Guyana" (for the relations of ``xcomp_relations`` only)."""
        if not self._relation_in("xcomp_relations"):
            return []
        out: list[ActorRef] = []
        clauses = self._children(self.tok, ("xcomp",))
        for c in self._children(self.tok, ("ccomp",)):
            if any(lemma(x) in self.sent.words("subject_pronouns") | {"we"} for x in self._children(c, ("nsubj",))):
                clauses.append(c)  # "warned that it would take military action against Seoul"
            elif lemma(c) in self.sent.words("hostile_verbs"):  # a passive hostile verb in the clause: its patient is the target
                out.extend(a for x in self._children(c, ("nsubjpass",)) for a in self.actors(x, "target"))
        for x in clauses:
            out.extend(a for o in self._children(x, ("dobj",)) for a in self.actors(o, "target"))
            out.extend(self._prep_objects(x, ("against", "on", "at", "upon", "with", "to") + (
                ("for",) if lemma(x) in self.sent.words("answering") else ())))  # "vowed to retaliate for the strikes"
            for o in self._children(x, ("dobj",)):
                out.extend(self._prep_objects(o, ("against", "on", "upon") + (
                    ("with",) if lemma(o) in self.sent.words("ties") else ())))  # "threatened to cut ties with Berlin"
        return out

    def _with_verb(self):
        """The verb a noun is the "with" object of: "hit Australia with tariffs", "retaliated with a boycott"."""
        tok = self.tok
        if tok.dep_ == "pobj" and lemma(tok.head) == "with" and tok.head.head.pos_ in ("VERB", "AUX"):
            return tok.head.head
        return None

    def slot_with_doer(self) -> list[ActorRef]:
        verb = self._with_verb()
        if verb is None:
            return []
        slots = Slots(self.sent, verb)
        return slots.slot_agent() if slots.passive else slots.slot_subj()

    def slot_with_responder(self) -> list[ActorRef]:
        """Who answers with the act a noun names: "Israel retaliated days later with a strike on an air-defence site
        near Isfahan" (a "with" phrase on a verb of [lists] answering)."""
        verb = self._with_verb()
        if verb is None or lemma(verb) not in self.sent.words("answering"):
            return []
        return Slots(self.sent, verb).slot_subj()

    def slot_with_target(self) -> list[ActorRef]:
        verb = self._with_verb()
        if verb is None:
            return []
        slots = Slots(self.sent, verb)
        if slots.passive:
            return slots.slot_patient()
        return slots.slot_dobj() or slots._prep_objects(verb, ("against", "on")) or [
            # "retaliated with a boycott of South Korean goods": the measure's own target
            a for c in self._children(self.tok, ("prep",)) if lemma(c) in self.preps
            for p in c.children if p.dep_ == "pobj" for a in self.actors(p, "target")]

    def slot_brokered(self) -> list[ActorRef]:
        """The parties of what a mediator mediated: the noun's "between"/"with" phrase, else the subject of the verb
        it hangs on ("Israel and Jordan agreed to a ceasefire mediated by Qatar", "China mediated a deal
        between Riyadh and Tehran")."""
        tok = self.tok
        nouns = [tok.head] if tok.dep_ == "acl" else self._children(tok, ("dobj",))
        out: list[ActorRef] = []
        talks = [c for c in self._children(tok, ("nsubj", "nsubjpass")) if lemma(c) in self.sent.words("talks")]
        if tok.dep_ == "advcl" and talks and self.passive or tok.dep_ == "advcl" and talks and any(
                c.dep_ == "agent" for c in tok.children):
            # "initialled a deal after talks in Washington chaired by Trump" (parsed as a clause of its own)
            found = [a for t in talks for a in self._prep_objects(t, ("between", "among", "with"))]
            return found or Slots(self.sent, tok.head).slot_subj()
        if tok.dep_ == "advcl" and tok.tag_ == "VBN" and not talks and not self._children(tok, ("nsubj",)):
            held = [o for o in self._children(tok.head, ("dobj",)) if o.i < tok.i and lemma(o) in self.sent.words("talks")]
            if held:  # "held direct talks in Paris on Thursday mediated by X": the participle hung on the verb
                found = [a for t in held for a in self._prep_objects(t, ("between", "among", "with"))]
                return found or Slots(self.sent, tok.head).slot_subj()
        for noun in nouns:
            out.extend(self._prep_objects(noun, ("between", "among", "with")))
            if out or tok.dep_ != "acl":
                continue
            verb = noun
            while verb.dep_ in ("pobj", "prep", "dobj") and verb.head.i != verb.i:
                verb = verb.head
            if verb.pos_ in ("VERB", "AUX"):
                out.extend(Slots(self.sent, verb).slot_subj())
        return out

    def slot_pact_partners(self) -> list[ActorRef]:
        """The partners of a pact the clause a participle hangs on concluded: "X concluded a defence pact with
        Beijing, worrying Canberra" (concern over a pact is over both its parties, decision 9)."""
        tok = self.tok
        agreements = self.sent.words("agreements")
        if tok.dep_ == "relcl" and lemma(tok.head) in agreements and any(
                lemma(c) in RELATIVE_PRONOUNS for c in self._children(tok, ("nsubj",))):
            # "... a security pact with Solomon Islands that alarmed Canberra": the pact's partners and its signer
            pact = tok.head
            found = self._prep_objects(pact, ("with", "between"))
            if pact.dep_ == "dobj" and pact.head.pos_ in ("VERB", "AUX"):
                found += Slots(self.sent, pact.head).slot_subj()
            return found
        if tok.dep_ != "advcl" or tok.tag_ != "VBG":
            return []
        verb = tok.head
        pacts = [o for o in self._children(verb, ("dobj",)) if lemma(o) in agreements]
        if not pacts:
            return []
        return self._prep_objects(verb, ("with",)) + [a for p in pacts for a in self._prep_objects(p, ("with",))]

    def slot_bearer(self) -> list[ActorRef]:
        """Who bears a measure that names no target ([lists] evading_verbs, hurting_verbs): "Iran has evaded U.S.
        sanctions", "helped Russia get around Western sanctions" (the evader), "Western sanctions pushed Moscow to
        reroute its exports", "hit Russia's economy" (what they hit)."""
        tok = self.tok
        if any(c.dep_ == "prep" and lemma(c) in ("on", "against") for c in tok.children):
            return []
        verb = tok.head
        if tok.dep_ == "pobj" and verb.dep_ in ("prep", "prt") and lemma(verb) in ("around", "round"):
            verb = verb.head  # "get around Western sanctions"
        elif tok.dep_ != "dobj" and tok.dep_ != "nsubj":
            return []
        if tok.dep_ in ("dobj", "pobj") and lemma(verb) in self.sent.words("evading_verbs"):
            return Slots(self.sent, verb).slot_subj()
        if tok.dep_ == "nsubj" and lemma(verb) in self.sent.words("hurting_verbs"):
            return [a for o in self._children(verb, ("dobj",)) for a in self.actors(o, "target") or [
                self.sent.actor_at[x.i] for x in o.children if x.dep_ == "poss" and x.i in self.sent.actor_at]]
        return []

    def slot_head_dative(self) -> list[ActorRef]:
        """Whom a noun's verb gives it to: "sent Myanmar's government a warning", "gave Kyiv its backing"."""
        if self.tok.dep_ == "dobj":
            return Slots(self.sent, self.tok.head).slot_dative()
        return []

    def slot_addressee(self) -> list[ActorRef]:
        """Whom a noun's verb addresses: "conveyed its concerns to Moscow", "lodged a protest with Rome"."""
        if self.tok.dep_ == "dobj":
            return self._prep_objects(self.tok, ("to", "with")) or self._prep_objects(self.tok.head, ("to", "with"))
        return []

    def slot_setting(self) -> list[ActorRef]:
        """Who took part in talks that set the scene: "At their summit, X and Y signed", "after talks with X"."""
        tok = self.tok
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and lemma(tok.head) == "of" and lemma(tok.head.head) in \
                self.sent.words("measures") and tok.head.head.dep_ == "pobj":
            tok = tok.head.head  # "after four days of talks in Beijing": as "after talks"
        if any(c.dep_ == "prep" and lemma(c) == "of" and self.sent.actor_at.get(p.i) is not None
               and self.sent.actor_at[p.i].actor in self.sent.words("organization_ids")
               for c in tok.children for p in c.children if p.dep_ == "pobj"):
            return []  # "at an emergency meeting of the Security Council": a body's session, not talks between states
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and lemma(tok.head) in self.sent.words("setting_preps"):
            verb = clause_verb(tok.head.head)
            if verb is not None and lemma(tok.head) == "for" and any(
                    lemma(o) in self.sent.words("envoys") for o in self._children(verb, ("dobj",))):
                return []  # "recalled their ambassadors for consultations": at home, with no other state
            if verb is not None:
                return Slots(self.sent, verb).slot_subj()
        return []

    def slot_mediator(self) -> list[ActorRef]:
        """Who mediated or hosted the talks a noun names: "EU-mediated talks", "talks hosted by Qatar" ([lists]
        mediating; a mediator that took part meets the parties, decision 20)."""
        words = self.sent.words("mediating")
        out: list[ActorRef] = []
        for c in self.tok.children:
            if c.dep_ == "amod" and lemma(c) in words:
                out += [a for x in c.children if x.dep_ in ("npadvmod", "compound", "nmod") for a in self.actors(x)]
            elif c.dep_ == "acl" and lemma(c) in words:
                out += self._prep_objects(c, ("by",))
        # one mediator meets the parties; co-mediators are not read as meeting each other
        return out if len({a.actor for a in out}) == 1 else []

    def slot_setting_addressee(self) -> list[ActorRef]:
        """Whom the subject addressed during the talks that set the scene: "told Trump in a phone call", "discussed
        the war with Macron during a call" (the verb's object, for verbs of [lists] addressing, or "with" phrase)."""
        tok = self.tok
        if not (tok.dep_ == "pobj" and tok.head.dep_ == "prep" and lemma(tok.head) in self.sent.words("setting_preps")
                and lemma(tok.head) != "for"):  # ("asked the Council for a meeting": none took place yet)
            return []
        verb = tok.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        found = self._prep_objects(verb, ("with",))
        if lemma(verb) in self.sent.words("addressing"):
            found += [a for o in self._children(verb, ("dobj", "dative")) for a in self.actors(o)]
        if lemma(tok) in self.sent.words("phone_talks"):  # "offered help to Conte in a phone call": said to them
            found += self._prep_objects(verb, ("to",)) + [a for o in self._children(verb, ("dobj",))
                                                           for a in self._prep_objects(o, ("to",))]
        return found

    def _labelling_verb(self):
        """The verb that labels its object with this noun: "called China an ally", "sees Seoul as a partner",
        "called Jakarta one of its closest friends"."""
        tok = _one_of(self.tok)  # ("one of its closest friends": as "a close friend")
        if tok.dep_ == "pobj" and lemma(tok.head) == "as" and lemma(tok.head.head) in self.sent.words("replacing"):
            return None  # "replaced France as Mali's main partner": the subject is the partner now, not the object
        if tok.dep_ in ("oprd", "xcomp") and tok.head.pos_ == "VERB":
            return tok.head
        if tok.dep_ == "pobj" and lemma(tok.head) == "as" and tok.head.head.pos_ == "VERB":
            return tok.head.head
        if tok.dep_ in ("dobj", "appos") and tok.head.dep_ == "dobj" and lemma(
                tok.head.head) in self.sent.words("labelling"):  # "called the strike an assassination", misparsed
            return tok.head.head
        if tok.dep_ == "amod" and tok.i > tok.head.i and tok.head.dep_ == "dobj" and lemma(
                tok.head.head) in self.sent.words("labelling"):  # "called Armenia's move provocative": an adjective
            return tok.head.head  # after its noun is the label the parser hung on the object
        labelling = self.sent.words("labelling")
        while tok.dep_ == "conj" and tok.pos_ == "ADJ" and tok.head.pos_ == "ADJ":
            tok = tok.head  # ("a serious and credible effort")
        if tok.dep_ == "amod" and tok.pos_ == "ADJ" and tok.head.dep_ in ("pobj", "oprd", "xcomp", "attr") and \
                lemma(tok.head) not in self.sent.words("relational_heads"):
            # "described Morocco's plan as a serious and credible effort": the adjective of the label noun (not of a
            # party's name for the object: "regards Iran as its most dangerous foe" says what Iran is to it)
            verb = tok.head.head.head if tok.head.dep_ == "pobj" and lemma(tok.head.head) == "as" else tok.head.head
            if lemma(verb) in labelling and verb.pos_ == "VERB":
                return verb
        if tok.dep_ == "advcl" and tok.pos_ == "ADJ" and lemma(tok.head) in labelling and any(
                c.dep_ == "advmod" and lemma(c) == "as" for c in tok.children):
            return tok.head  # "described the plan as credible", read as an adverbial clause
        return None

    def slot_stance_subj(self) -> list[ActorRef]:
        """Who passes a judgement a noun of judgement carries: the subject of the verb of stance or saying whose
        phrase holds it ("Tehran welcomed the truce as the end of Israel's aggression")."""
        verb = clause_verb(self.tok)
        if verb is None or not any(lemma(verb) in self.sent.words(n) for n in ("stance", "say")):
            return []
        return Slots(self.sent, verb).slot_subj()

    def slot_label_subj(self) -> list[ActorRef]:
        verb = self._labelling_verb()
        return Slots(self.sent, verb).slot_subj() if verb is not None else []

    def slot_label_obj(self) -> list[ActorRef]:
        verb = self._labelling_verb()
        if verb is None:
            return []
        if self.relation.lower() == "supports" and any(lemma(o) in self.sent.words("unbacked_things")
                                                      for o in self._children(verb, ("dobj",))):
            return []  # "described Iran's threats as credible": a danger taken seriously, not backed
        if verb.dep_ == "relcl" and self.relation.lower() in self.sent.words("party_labels") and lemma(
                verb.head) in self.sent.words("events") | self.sent.words("deeds"):
            return []  # "an attack on a Gulf state that Washington regards as a close ally": a deed is no ally
        return Slots(self.sent, verb, self.preps, self.relation).slot_dobj()

    def _said_clause(self):
        """The verb of saying and the clause an adjective of judgement is the predicate of: "Tokyo said China's
        buildup was alarming" (the adjective on "was", or the clause's head when the parser made it so)."""
        tok = self.tok
        clause = tok.head if tok.dep_ == "acomp" and lemma(tok.head) == "be" else tok
        if clause.dep_ != "ccomp" or not self._children(clause, ("nsubj",)):
            return None
        verb = clause.head
        if lemma(verb) in self.sent.words("likely") and verb.dep_ == "acomp" and verb.head.dep_ == "ccomp":
            verb = verb.head.head  # "said it was highly likely that Russia was responsible"
        return (verb, clause) if lemma(verb) in self.sent.words("say") else None

    def slot_said_label_subj(self) -> list[ActorRef]:
        found = self._said_clause()
        return Slots(self.sent, found[0]).slot_subj() if found is not None else []

    def slot_said_label_obj(self) -> list[ActorRef]:
        """Whose deed or self the said clause judges: its subject ("said China's buildup was alarming")."""
        found = self._said_clause()
        return Slots(self.sent, found[1]).slot_subj() if found is not None else []

    def slot_label_doer(self) -> list[ActorRef]:
        """Whose deed a label says it is, when its participle names the doer: "calling the flights a hybrid attack
        organised by Minsk" (for a label whose labelled thing names no state)."""
        if self._labelling_verb() is None:
            return []
        return [a for c in self._children(self.tok, ("acl",)) if c.tag_ == "VBN"
                for a in self._prep_objects(c, ("by",)) if a.kind != "place"]

    def _courses(self):
        """The verbs that carry a munition noun on its course: the noun's participles of [lists] courses ("drones
        crossing the kingdom's airspace towards Israel", "missiles launched at Tel Aviv"), with no agent of their own
        ("drones launched by Russia" have a launcher, who is the attacker)."""
        verbs = self._children(self.tok, ("acl", "relcl"))
        if self.tok.dep_ == "pobj":  # "dozens of Iranian drones crossing ...": the parser hangs it on the "of"
            verbs += [c for c in self.tok.head.children if c.dep_ == "pcomp" and c.i > self.tok.i]
        return [c for c in verbs if lemma(c) in self.sent.words("courses")
                and not any(x.dep_ == "agent" or x.dep_ == "prep" and lemma(x) == "by" for x in c.children)]

    def slot_course_origin(self) -> list[ActorRef]:
        """The state whose munitions they are: "Iranian drones", "Ukraine's missiles" (not a weapon's maker)."""
        return [a for c in self.tok.children if c.dep_ in ("amod", "compound", "nmod", "poss")
                for a in self.actors(c) if a.kind != "maker"]

    def slot_course_target(self) -> list[ActorRef]:
        """Where munitions were headed: a "towards"/"at"/"into" phrase on them or on their participle of course,
        or the place they were over: "Ukrainian drones over the Bryansk region" (a state's place)."""
        courses = self._courses()
        heads = [self.tok, *courses, *(o for c in courses for o in self._children(c, ("dobj",)))]
        preps = self.sent.words("course_preps")
        found = [a for h in heads for c in h.children if c.dep_ == "prep" and lemma(c) in preps
                 for p in c.children if p.dep_ == "pobj" and lemma(p) not in self.sent.words("crossed_spaces")
                 for a in self.actors(p, "target")]
        found += [a for h in heads for a in self._prep_objects(h, ("over",)) if a.kind == "place"]
        # (an incursion into a state's airspace is no attack on it, decision 15: "crossed into its airspace")
        return found

    def slot_relcl_doers(self) -> list[ActorRef]:
        """Who carries out what a noun names, told by a relative clause with a light verb: "the three-way exercise
        that Washington, Tokyo and Seoul held last week", "the drills South Africa held with Russia and China" (its
        subjects and "with" partners; only when the clause names two or more)."""
        clauses = [c for c in self._children(self.tok, ("relcl",)) if lemma(c) in self.sent.words("light")
                   and all(lemma(o) in RELATIVE_PRONOUNS for o in self._children(c, ("dobj",)))]
        found = [a for c in clauses for s in self._children(c, ("nsubj",)) for a in self.actors(s)]
        found += [a for c in clauses for a in self._prep_objects(c, ("with",)) if a.kind != "place"]
        return found if len({a.actor for a in found}) >= 2 else []

    def slot_unowned_subj(self) -> list[ActorRef]:
        """The states a plural relation noun describes, as one another's partners ("Russia and Belarus are close
        allies"), unless the noun names whose they are: "Nicaragua, Venezuela and Cuba, Russia's closest allies"
        are Russia's allies, not one another's."""
        if any(c.dep_ == "poss" for c in self.tok.children) or any(
                x.i in self.sent.actor_at for p in of_phrase(self.tok) for x in p.subtree):
            return []
        return self.slot_head_subj() or self.slot_host()

    def _faced(self):
        """The verb of facing a noun is the object of, when an auxiliary makes it a prospect ("would face")."""
        verb = self.tok.head if self.tok.dep_ == "dobj" else None
        modals = self.sent.words("irrealis_aux") | self.sent.words("hedge_aux")
        if verb is None or lemma(verb) not in self.sent.words("facing") or not any(
                c.dep_ == "aux" and c.lower_ in modals for c in verb.children):
            return None
        return verb

    def slot_facer(self) -> list[ActorRef]:
        """Who would face what a state threatens: "Iran would face new measures"."""
        verb = self._faced()
        return Slots(self.sent, verb).slot_subj() if verb is not None else []

    def slot_threat_speaker(self) -> list[ActorRef]:
        """Who says another would face a threatened measure: the subject of the verb of saying or warning."""
        verb = self._faced()
        if verb is None or verb.dep_ != "ccomp":
            return []
        if lemma(verb.head) not in self.sent.words("say") and lemma(verb.head) not in self.sent.words("vow"):
            return []
        return Slots(self.sent, verb.head).slot_subj()

    def slot_feeler(self) -> list[ActorRef]:
        """In whom a deed caused a feeling: "has fuelled unease in neighbouring Kosovo" (an "in"/"among" phrase on the
        noun or on the verb of causing)."""
        if self.tok.dep_ != "dobj":
            return []
        return [a for h in (self.tok, self.tok.head) for a in self._prep_objects(h, ("in", "among"))
                if a.kind != "place"]

    def slot_cause_owner(self) -> list[ActorRef]:
        """Whose deed caused the feeling: the verb's subject, a state or a state's thing ("Serbia's acquisition")."""
        if self.tok.dep_ != "dobj":
            return []
        out: list[ActorRef] = []
        for s in self._children(self.tok.head, ("nsubj",)):
            out.extend(self.actors(s) if s.i in self.sent.actor_at else self._owners_of_thing(s) or [
                self.sent.actor_at[c.i] for c in s.children if c.dep_ in ("amod", "compound") and c.i in self.sent.actor_at])
        return out

    def slot_bound(self) -> list[ActorRef]:
        """The states a treaty binds: "the United States, bound to the Philippines by a mutual defence treaty",
        "Manila is tied to Washington by a defence pact" (the bound one and the "to" phrase of [lists] binding)."""
        tok = self.tok
        if not (tok.dep_ == "pobj" and lemma(tok.head) == "by" and tok.head.dep_ in ("agent", "prep")):
            return []
        verb = tok.head.head
        if lemma(verb) not in self.sent.words("binding"):
            return []
        bound = self.actors(verb.head) if verb.dep_ == "acl" else [
            a for s in self._children(verb, ("nsubjpass", "nsubj")) for a in self.actors(s)]
        if not bound and verb.dep_ in ("acomp", "xcomp"):  # "Manila remains bound to Washington by ..."
            bound = Slots(self.sent, verb.head).slot_subj()
        others = self._prep_objects(verb, ("to", "with"))
        return bound + others if bound and others else []

    def slot_judged_owner(self) -> list[ActorRef]:
        """Whose thing is judged with a noun of feeling after "of" on a copula: "China's military build-up was of
        grave concern" (China), "Russia's role is a cause for concern"."""
        tok = self.tok
        cur = tok.head if tok.dep_ == "pobj" and lemma(tok.head) in ("of", "for") else None
        if cur is not None and cur.head.dep_ == "attr" and lemma(cur.head) in ("cause", "source", "matter"):
            cur = cur.head  # "a cause for concern"
        if cur is None or lemma(cur.head) not in ("be", "remain"):
            return []
        return [a for s in self._children(cur.head, ("nsubj",)) for a in self._owners_of_thing(s)]

    def slot_judging_speaker(self) -> list[ActorRef]:
        """Who says that something is of concern: the speaker of the clause the copula heads."""
        tok = self.tok
        cur = tok.head if tok.dep_ == "pobj" else None
        if cur is not None and cur.head.dep_ == "attr":
            cur = cur.head
        if cur is None:
            return []
        verb = cur.head
        if verb.dep_ == "ccomp" and lemma(verb.head) in self.sent.words("say"):
            return Slots(self.sent, verb.head).slot_subj()
        return []

    def slot_talks_host(self) -> list[ActorRef]:
        """The state talks were held in, when one state alone is named as taking part: "held talks in Dhaka",
        "during talks in Beijing" (the host government is the other side). Talks of two named parties in a third
        state's city only have it as the venue (decision 20)."""
        tok = self.tok
        if lemma(tok) not in self.sent.words("talks") or any(
                c.dep_ == "prep" and lemma(c) in ("with", "between", "among") for c in tok.children):
            return []
        hosts = [a for c in tok.children if c.dep_ == "prep" and lemma(c) == "in"
                 for p in c.children if p.dep_ == "pobj" for a in self.actors(p)
                 if a.kind in ("capital", "place", "name", "seat")]
        if not hosts:
            return []
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            verb = clause_verb(tok.head.head)
            if verb is None:
                return []
        elif tok.dep_ in ("dobj", "nsubjpass"):
            verb = tok.head
        else:
            return []
        parties = {a.actor for a in Slots(self.sent, verb).slot_subj()}
        parties |= {a.actor for c in verb.children if c.dep_ == "prep" and lemma(c) == "with"
                    for p in c.children if p.dep_ == "pobj" for a in self.actors(p)}
        parties |= {a.actor for c in tok.children if c.dep_ in ("poss", "amod", "compound") for a in self.actors(c)}
        if len(parties) != 1 or parties & self.sent.words("organization_ids"):
            return []  # (a bloc's meeting in a member's capital: the venue)
        return [a for a in hosts if a.actor not in parties]

    def slot_visited_host(self) -> list[ActorRef]:
        """Whose official a state's envoy met where it travelled to meet one the text names by title alone:
        "Blinken travelled to Port-au-Prince to meet interim Prime Minister Garry Conille" (the state of the place;
        for meetings only)."""
        tok = self.tok
        if self.relation.lower() != "meetswith" or tok.dep_ not in ("xcomp", "advcl") or lemma(
                tok.head) not in self.sent.words("travel"):
            return []
        if not any(o.pos_ == "PROPN" and o.i not in self.sent.actor_at and lemma(o) not in self.sent.words("bodies")
                   and any(lemma(x) in self.sent.words("bodies") for x in o.subtree if x.i < o.i)
                   for o in self._children(tok, ("dobj",))):
            return []
        return self._prep_objects(tok.head, ("to", "in"))

    def slot_destination(self) -> list[ActorRef]:
        """Where the talks took place when someone travelled there for them: "flew to Seoul for talks"."""
        tok = self.tok
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and lemma(tok.head) in self.sent.words("setting_preps"):
            verb = tok.head.head
            if lemma(verb) in self.sent.words("travel"):
                return self._prep_objects(verb, ("to", "in"))
        return []

    def slot_accuser(self) -> list[ActorRef]:
        """Who was hit, when a state accuses another of an attack on a place it does not name as a state:
        "Iraq accused Turkish forces of shelling a water park" (decision 15: strikes inside a state attack it)."""
        tok = self.tok
        if not self._relation_in("owner_relations") or tok.dep_ != "pcomp" or lemma(tok.head) != "of":
            return []
        if not self._children(tok, ("dobj",)):
            return []  # "accused Kigali of backing the rebels": no place hit
        verb = tok.head.head
        if verb.dep_ == "dobj":  # "accused Chinese vessels of ramming ...": "of" on the object
            verb = verb.head
        if lemma(verb) not in self.sent.words("accusing"):
            return []
        doers = {a.actor for a in self.slot_subj()}
        return [a for a in Slots(self.sent, verb).slot_subj() if a.actor not in doers]

    def slot_arrived_at(self) -> list[ActorRef]:
        """Where aid or goods went, when the noun is the subject of a verb of arriving ([lists] arriving): "aid from
        Japan arrived in Tonga", "emergency supplies from Turkey reached Syria"."""
        tok = self.tok
        if tok.dep_ != "nsubj" or lemma(tok.head) not in self.sent.words("arriving"):
            return []
        verb = tok.head
        return self._prep_objects(verb, ("in", "to", "into")) + [
            a for o in self._children(verb, ("dobj",)) for a in self.actors(o, "target")]

    def carried(self) -> list:
        """What the subject of a verb of arriving carried: "planes carrying aid from Jordan landed in Beirut", "planes
        landed in Tonga on Thursday loaded with water" (a vehicle of [lists] vehicles with a participle of [lists]
        carrying, on the vehicle or on the verb)."""
        out = []
        carrying = self.sent.words("carrying")
        for v in self._children(self.tok, ("nsubj",)):
            if lemma(v) not in self.sent.words("vehicles"):
                continue
            # the participle on the vehicle, or on the verb ("landed in Tonga on Thursday loaded with water"), or a
            # verb of unloading the verb is joined to ("docked in Tonga and began unloading supplies")
            joined = self._children(self.tok, ("conj",))
            for p in loading_participles(v, carrying) + self._children(self.tok, ("advcl", "xcomp", "acl")) + joined + [
                    x for c in joined for x in self._children(c, ("xcomp",))]:
                if lemma(p) not in carrying or p.tag_ not in ("VBG", "VBN") and p.dep_ != "conj":
                    continue
                out += self._children(p, ("dobj",)) + self._with_objects(p)
            out += self._with_objects(self.tok)  # "arrived in Tonga with 250,000 litres of water"
        out += [p for t in out if lemma(t) in self.sent.words("quantities") for p in of_phrase(t)]
        return out + [c for t in out for c in t.conjuncts]

    def _with_objects(self, tok) -> list:
        return [o for c in self._children(tok, ("prep",)) if lemma(c) == "with" for o in self._children(c, ("pobj",))]

    def slot_carried_origin(self) -> list[ActorRef]:
        """Whose goods a vehicle carried: their origin adjective or "from" phrase ("carrying aid from Jordan and Egypt",
        "loaded with Armenian food")."""
        return [a for t in self.carried() for a in Slots(self.sent, t).slot_mod() + self._prep_objects(t, ("from",)) + [
            self.sent.actor_at[c.i] for c in self._children(t, ("poss",)) if c.i in self.sent.actor_at]
                if a.kind not in ("place",)]  # ("1 million doses of China's vaccine")

    def slot_carried_for(self) -> list[ActorRef]:
        """Whom a vehicle's goods were for: "a convoy carrying Kazakh flour for Afghanistan"."""
        return [a for t in self.carried() for a in self._prep_objects(t, ("for",))]

    def slot_implied(self) -> list[ActorRef]:
        """The party the document implies when the trigger names none: the recipient of the help or goods, the
        target of the measures or the ruptures the last sentences told ("Japan sent two planes with drinking
        water", "Canada announced expulsions of its own"). None when the trigger has a recipient the gazetteer
        does not know ("sent a delegation to the games", "imposed sanctions on Lockheed Martin", "expressed concern
        about rice prices"), has a purpose of its own ("sent troops to quell protests in Chiapas") or keeps its thing
        ("supplies most of its own gas")."""
        actor = self.sent.implied.get(self.relation.lower())
        if actor is None:
            return []
        tok = self.tok
        preps = self.sent.words("recipient_preps") | {p for p in self.preps if p != "-"}
        bodies = self.sent.words("bodies")
        if any(c.dep_ == "dative" or c.dep_ == "prep" and lemma(c) in preps and any(
                lemma(o) != "own" and lemma(o) not in bodies for o in self._children(c, ("pobj", "pcomp")))
               # (not "expulsions of their own", nor "similar measures against the same three officers": its people)
               or c.dep_ in ("xcomp", "advcl") and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
               for c in tok.children):
            return []
        if any(lemma(c) == "own" and c.dep_ == "amod" for o in self._children(tok, ("dobj",))
               for x in (o, *(of_phrase(o) if lemma(o) in self.sent.words("quantities") | self.sent.words("shares")
                              else ())) for c in x.children):
            return []  # ("supplies most of its own gas"; not "dispatched teams of their own", as the others did)
        # a sentence naming a state besides the trigger's subjects and the implied party, other than as the subject
        # of a clause of its own ("..., while Malaysia dispatched teams of its own"), is about that state
        own = {a.actor for a in self.get("head_subj" if tok.pos_ == "NOUN" else "subj")}
        doers = own | {a.actor for i, a in self.sent.actor_at.items() if _clause_subject(tok.doc[i])}
        # but the one who reports the trigger's clause may be its party ("Mexico sent two planes with water, Cuba said")
        reporters = set()
        cur = tok  # (up to the verb of the trigger's own clause: the first with a subject)
        while cur.head.i != cur.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            cur = cur.head
        if cur.dep_ in ("ccomp", "parataxis") and lemma(cur.head) in self.sent.words("say"):
            reporters = {a.actor for c in cur.head.children if c.dep_ == "nsubj" for a in self.actors(c, "subject")}
        doers -= reporters - own
        if any(a.actor not in doers and a.actor != actor and a.kind not in ("place",)
               and a.actor not in self.sent.words("organization_ids") for a in self.sent.actor_at.values()):
            return []
        return [ActorRef(actor, "implied", tok.i)]

    def slot_filed_from(self) -> list[ActorRef]:
        """Where a verb of arriving with no place arrived, in a report filed from a state: the dateline's state
        ("PORT-AU-PRINCE, Oct 2 - About 400 Kenyan officers arrived in June"). A phrase of place that is no time
        ("arrived at the border", "landed in Jamaica") keeps the verb from it."""
        tok = self.tok
        if self.sent.home is None or lemma(tok) not in self.sent.words("arriving"):
            return []
        doers = {a.actor for a in self.get("subj")}
        if any(a.actor not in doers and a.actor != self.sent.home and a.kind != "place"
               for a in self.sent.actor_at.values()):
            return []  # ("DAKAR - Mali's junta said Russian instructors arrived": the sentence is about Mali)
        times = self.sent.words("time_nouns")
        for c in self._children(tok, ("prep", "advmod")):
            if c.dep_ == "advmod" and lemma(c) in ("here", "there", "home", "back"):
                return []
            if c.dep_ == "prep" and any(not (lemma(o) in times or o.like_num) for o in self._children(c, ("pobj",))):
                if lemma(c) in self.sent.words("locative_preps") | self.sent.words("recipient_preps"):
                    return []
        return [ActorRef(self.sent.home, "implied", tok.i)]

    def slot_consumer(self) -> list[ActorRef]:
        """Who uses the thing supplied: the subject of a relative clause on the object whose verb is of [lists]
        consuming ("supplies more than half of the natural gas Turkey consumes")."""
        consuming = self.sent.words("consuming")
        things = self._children(self.tok, ("dobj",))
        things += [p for t in things if lemma(t) in self.sent.words("quantities") | self.sent.words("shares")
                   for p in of_phrase(t)]
        out = []
        for t in things:
            # the parser may read the clause's verb as the phrase's last noun ("the gas Turkey consumes") or the
            # clause's subject as an apposition ("the gas Turkey consumed last year")
            verbs = self._children(t, ("relcl", "acl")) + ([t] if t.pos_ == "NOUN" else [])
            for c in verbs:
                if lemma(c) in consuming:
                    out += Slots(self.sent, c).slot_subj() or [
                        self.sent.actor_at[x.i] for x in (*self._children(c, ("compound",)),
                                                         *self._children(t, ("appos",))) if x.i in self.sent.actor_at]
        return out

    def slot_reason_subj(self) -> list[ActorRef]:
        """Who feels a concern given as the reason of an act: "suspended aid to Egypt over concerns about ...",
        "froze funds amid concern over ..." (the acting verb's subject; [lists] reason_preps)."""
        tok = self.tok
        if tok.dep_ != "pobj" or lemma(tok.head) not in self.sent.words("reason_preps") or tok.head.head.pos_ != "VERB":
            return []
        return Slots(self.sent, tok.head.head).slot_subj()

    def slot_reason_owner(self) -> list[ActorRef]:
        """Whose "its" or "their" thing a concern given as an act's reason is about: the act's other party ("withheld
        aid to Egypt over concerns about its human rights record")."""
        tok = self.tok
        if tok.dep_ != "pobj" or lemma(tok.head) not in self.sent.words("reason_preps") or tok.head.head.pos_ != "VERB":
            return []
        things = [o for c in self._children(tok, ("prep",)) for o in self._children(c, ("pobj",))]
        pronouns = self.sent.words("possessive_pronouns")
        if not any(lemma(p) in pronouns for o in things for p in self._children(o, ("poss",))) or any(
                lemma(x) == "own" for o in things for x in o.children):
            return []  # (not "over concerns about its own security")
        verb = Slots(self.sent, tok.head.head)
        doers = {a.actor for a in verb.slot_subj()}
        return [a for a in verb.slot_dobj() + verb._prep_objects(verb.tok, self.sent.words("recipient_preps") | {
            "on", "against", "for"}) if a.actor not in doers]

    def slot_thanker(self) -> list[ActorRef]:
        """Who was helped, when thanking for the help is all that names them: "Greece thanked Turkey for sending
        firefighters" (the subject of a verb of [lists] thanking; not "for its help", which may be any help)."""
        tok = self.tok
        if tok.dep_ not in ("pcomp", "pobj") or lemma(tok.head) != "for" or lemma(tok.head.head) not in self.sent.words(
                "thanking"):
            return []
        return Slots(self.sent, tok.head.head).slot_subj()

    def slot_arrival(self) -> list[ActorRef]:
        """Whose unnamed body troops came to help: "arrived in Haiti to help the government", the state they
        travelled to, when the trigger's object is a body of no named state (for the relations of [lists]
        arrival_relations)."""
        if not self._relation_in("arrival_relations"):
            return []
        # the helped body: the object ("help the government"), the subject of the clause it completes ("help the
        # police fight gangs"), or a compound where the parser took "the government fight gangs" for one phrase
        bodies = self.sent.words("bodies")
        objs = [o for o in self._children(self.tok, ("dobj",)) if lemma(o) in bodies] or [
            s for c in self.tok.children if c.dep_ in ("ccomp", "xcomp", "dobj")
            for s in (*self._children(c, ("nsubj",)), *(g for x in self._children(c, ("compound",))
                                                        for g in (x, *self._children(x, ("nsubj",)))))
            if lemma(s) in bodies] or [
            o for c in self._children(self.tok, ("xcomp",)) for o in self._children(c, ("dobj",))
            if lemma(o) in bodies]  # "arrived in Ouagadougou to help train the army"
        if not objs:
            return []
        named = [a for o in objs for a in self.actors(o, "target")]
        if named:  # "to help Haiti's government fight gangs": the body's own state
            return named
        verb = self.tok.head
        if self.tok.dep_ in ("xcomp", "advcl") and lemma(verb) in self.sent.words("travel"):
            return self._prep_objects(verb, ("to", "in", "into"))
        return []

    def slot_host(self) -> list[ActorRef]:
        """The noun an adjective or apposition describes: "a wary Japan", "China, Russia's ally", "Tuvalu, one of
        Taiwan's remaining allies"."""
        tok = _one_of(self.tok)
        if tok.dep_ == "appos":  # "Turkey, Azerbaijan's closest ally, and the EU": the apposition is Turkey's alone
            return self._phrase(tok.head, "arg") + [a for c in tok.head.conjuncts if c.i < tok.i
                                                    for a in self._phrase(c, "arg")]
        if tok.dep_ == "amod":
            return self.actors(tok.head)
        return [a for c in self._children(self.tok, ("appos",)) for a in self.actors(c)]

    def slot_ties(self) -> list[ActorRef]:
        """The parties of the "relations"/"ties" a verb acts on (its object), or that are its subject."""
        out: list[ActorRef] = []
        ties = [c for c in self.tok.children if c.dep_ in ("dobj", "nsubjpass") and lemma(c) in self.sent.words("ties")]
        ties = ties or [c for c in self.tok.children if c.dep_ == "nsubj" and lemma(c) in self.sent.words("ties")]
        if not ties and self.tok.dep_ == "amod" and lemma(self.tok.head) in self.sent.words("ties"):
            ties = [self.tok.head]  # "has strained Ethiopian-Egyptian relations" parsed as a modifier
        for c in ties:
            if True:
                for g in c.children:
                    if g.dep_ in ("poss", "compound", "amod") and g.i in self.sent.actor_at:
                        out.extend(self.actors(g))
                    elif g.dep_ == "prep" and lemma(g) in ("between", "with", "among"):
                        out.extend(a for p in g.children if p.dep_ == "pobj" for a in self.actors(p))
        return out

    def slot_envoy(self) -> list[ActorRef]:
        """Whose diplomats were expelled or summoned: "Russian diplomats", "the ambassador of Y"."""
        out: list[ActorRef] = []
        for c in self._children(self.tok, ("dobj", "nsubjpass", "dative")):
            if lemma(c) in self.sent.words("envoys"):
                ref = self.sent.actor_at.get(c.i)
                if ref is not None and ref.kind == "agent":
                    out.append(ref)
                for g in c.children:
                    if g.dep_ in ("poss", "compound", "amod") and g.i in self.sent.actor_at:
                        ref = self.sent.actor_at[g.i]
                        if lemma(g) not in ("its", "their", "his", "her"):
                            out.append(ref)
                    elif g.dep_ == "prep" and lemma(g) in ("of", "from"):
                        out.extend(a for p in g.children if p.dep_ == "pobj" for a in self.actors(p))
        return out


__all__ = ["ActorRef", "Sentence", "Slots", "blocked_participle", "clause_verb", "hyphen_prefix", "lemma", "of_phrase",
           "repair_stimulus", "repair_reduced_participle", "repair_label_split", "repair_display",
           "repair_deal_for"]
