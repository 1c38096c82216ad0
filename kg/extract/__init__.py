"""Relation extraction: a pure function of (text, gazetteer) that returns :class:`~kg.model.Relation` records.

Pipeline for one document: sentences -> tokens -> actor mentions (with people learnt and
descriptions such as "the isolated state" resolved against what the document said before) ->
candidates from the dependency-parse rules (``engine.py``, ``syntax.py``, ``modality.py``, rules and
lexicon in ``data/``) and from the older token-window rules (``rules*.py``, ``frames.py``) -> relations composed
from them (``compose.py``), what the document's other sentences make of them (``assembly.py``) and a learned
reading of the pairs left unread (``learned.py``) ->
attributes (hedging, negation, attribution, time, quantity, item) -> one relation per distinct
(subject, predicate, object) per sentence. Only sentences that name two actors and a possible trigger
are parsed.

Example
-------
>>> from kg.gazetteer import load_gazetteer
>>> rels = extract_text("North Korea has supplied Russia with artillery shells.", load_gazetteer())
>>> [(r.subject, r.predicate, r.object, r.item) for r in rels]
[('PRK', 'supplies', 'RUS', 'artillery shells')]
"""

from __future__ import annotations

import functools
from collections import deque
from typing import Generator, Iterable, Iterator

from ..gazetteer import Gazetteer
from ..model import Document, Relation
from ..predicates import SYMMETRIC_PREDICATES
from ..text import split_sentences, tokenize
from . import learned
from .assembly import (DOWNING_RULE, DOWNING_VERBS, SHOOTING_VERBS, STANDING, UNAIMED_FORCE, add_downing, add_unaimed_force,
                       downing_of, joined, lasted_until, pluperfect, received_back, reversed_ruptures, so_did, spat,
                       subject_of, talks_of)
from .attributes import (find_item, find_quantity, find_time, is_background, is_hedged, is_irrealis, is_negated,
                         time_expressions)
from .compose import (add_bought_back, add_donated, add_similar_moves, add_two_way_trade, drafted_censures,
                      drop_consented_force)
from .compose import token_index as _token_index
from .dateline import dateline
from .discourse import Discourse
from .engine import load_engine
from .frames import Candidate, SentenceFrame, lowercase
from .lexicon import GOODS, WORDS, data_file, lists_of, verb_forms
from .mentions import DocumentMentions, MentionIndex, Span, find_makers
from .places import place_index
from .rules import RUN_WORDS, RuleSet
from .syntax import hyphen_prefix, lemma, lemmas_and_heads

_DISCOURSE_WORDS = WORDS["discourse_words"]
_ARRIVING_FORMS = frozenset(f for v in lists_of(data_file("rules.toml"))["arriving"] for f in verb_forms(v))


def _build_index(gazetteer: Gazetteer) -> MentionIndex:
    """The index of a gazetteer read from its files comes from kg's disk cache, under the gazetteer's own
    key and the code that builds the index (kg.extract.mentions and what it imports of kg: kg.text,
    kg.extract.lexicon); any other is built."""
    name = getattr(gazetteer, "cache_key", None)
    if not name:
        return MentionIndex.build(gazetteer)
    from pathlib import Path

    from .. import text
    from ..cache import cached
    from . import lexicon, mentions

    sources = [name.encode()] + [Path(m.__file__).read_bytes() for m in (mentions, text, lexicon)]
    return cached("mention-index", sources, lambda: MentionIndex.build(gazetteer), MentionIndex)


_INDEXES: dict[int, tuple[Gazetteer, MentionIndex]] = {}


def index_for(gazetteer: Gazetteer) -> MentionIndex:
    """The gazetteer's names as a token trie for mention finding, built once per gazetteer."""
    cached = _INDEXES.get(id(gazetteer))
    if cached is None or cached[0] is not gazetteer:
        cached = (gazetteer, _build_index(gazetteer))
        _INDEXES[id(gazetteer)] = cached
    return cached[1]


_NAME_STARTS: dict[int, tuple[MentionIndex, frozenset[str]]] = {}


def _name_starts(index: MentionIndex) -> frozenset[str]:
    """Words that may start an actor's name or a place's (see :func:`_may_need`), made once per index."""
    cached = _NAME_STARTS.get(id(index))
    if cached is None or cached[0] is not index:
        cached = (index, index.first_keys | place_index().first_words)
        _NAME_STARTS[id(index)] = cached
    return cached[1]


def extract(document: Document, gazetteer: Gazetteer) -> list[Relation]:
    """All relations a document states, in sentence order; negated ones carry ``negated=True``."""
    sentences = split_sentences(document.text, document.id)
    parses = _Parses(sentences, _gate_words(load_engine()), _name_starts(index_for(gazetteer)))
    steps = _extract(document, gazetteer, sentences, parses)
    try:
        while True:
            parses.fetch(next(steps))  # a sentence to parse (with the next few that may need it too)
    except StopIteration as done:
        return done.value


def extract_many(documents: Iterable[Document], gazetteer: Gazetteer, sentences_per_batch: int = 128,
                 chars_per_batch: int = 1 << 20) -> Iterator[tuple[Document, list[Relation]]]:
    """``(document, extract(document))`` for each document, in order, with the same results.

    Several documents are read at once, and the parser runs on their sentences together: it costs
    about half as much per sentence in batches of dozens as one sentence at a time. Each document is
    read until it needs a sentence's parse (only a sentence that names two actors and a trigger word
    does, or one the document's earlier sentences give a second actor), and waits there; once every
    document read waits, or is done, the waiting sentences are parsed in one batch, and each document
    reads on. So only the sentences whose parse is used are parsed (a cheap test of the words alone
    cannot tell them from the many that name two actors but hold no relation), and none alone.
    When few documents wait (the last of a stream), the sentences that the cheap test says they may
    need next fill the batch up to ``_Parses.BATCH``.

    At most ``sentences_per_batch`` documents wait at a time, and documents are read ahead only while
    those read but not yet returned hold under ``chars_per_batch`` characters, so memory stays bounded
    on any input.
    """
    index = index_for(gazetteer)
    gate = _gate_words(load_engine())
    starts = _name_starts(index)
    read: deque[_Reading] = deque()  # the documents read and not yet returned, in input order
    waiting: list[_Reading] = []  # those of them waiting for a parse
    stream = iter(documents)
    more = True
    chars = 0
    while True:
        while more and (not read or len(waiting) < max(1, sentences_per_batch) and chars < chars_per_batch):
            # (at least one document is always read: no limit, however small, stops the stream)
            document = next(stream, None)
            if document is None:
                more = False
                break
            sentences = split_sentences(document.text, document.id)
            parses = _Parses(sentences, gate, starts)
            reading = _Reading(document, parses, _extract(document, gazetteer, sentences, parses))
            read.append(reading)
            chars += len(document.text)
            if reading.step():
                waiting.append(reading)
        while read and read[0].relations is not None:
            done = read.popleft()
            chars -= len(done.document.text)
            yield done.document, done.relations
        if not waiting:
            if not more and not read:
                return
            continue
        wanted = [(r.parses, r.needed) for r in waiting]
        for r in waiting:  # (few waiting: fill the batch with what they may need next)
            if len(wanted) >= _Parses.BATCH:
                break
            wanted += [(r.parses, sent.index) for sent in r.parses.ahead(r.needed, _Parses.BATCH - len(wanted))]
        from .parse import parse_sentences

        for (parses, i), doc in zip(wanted, parse_sentences([parses.text(i) for parses, i in wanted])):
            parses.done[i] = doc
        waiting = [r for r in waiting if r.step()]


class _Reading:
    """A document being read by :func:`extract_many`: its parses, and :func:`_extract`'s steps over it, which
    stop at each sentence whose parse is not made yet (``needed``) and end with the document's relations."""

    __slots__ = ("document", "parses", "steps", "needed", "relations")

    def __init__(self, document: Document, parses: "_Parses", steps):
        self.document = document
        self.parses = parses
        self.steps = steps
        self.needed: int | None = None  # the index of the sentence it waits for
        self.relations: list[Relation] | None = None  # the document's relations, once it is read

    def step(self) -> bool:
        """Read on until the next sentence whose parse is missing (True) or to the end (False)."""
        try:
            self.needed = next(self.steps)
            return True
        except StopIteration as done:
            self.relations, self.needed, self.steps = done.value, None, None
            return False


def _extract(document: Document, gazetteer: Gazetteer, sentences,
             parses: "_Parses") -> Generator[int, None, list[Relation]]:
    """:func:`extract` of a document's ``sentences`` as steps: it yields the index of each sentence whose parse it
    needs and ``parses`` does not hold yet (the caller puts it there and resumes), and returns the relations."""
    index = index_for(gazetteer)
    home, filed_end = dateline(document.text, gazetteer)
    mentions = DocumentMentions(index, document.date, home=home)
    discourse = Discourse(gazetteer)
    engine = load_engine()
    out: list[Relation] = []
    gate = _gate_words(engine)
    # history is dated against the document, or, undated, against the gazetteer's present (decision 25)
    as_of = getattr(gazetteer, "as_of", None)
    present = document.date or (f"{as_of:04d}-12-31" if as_of else None)
    triggers = gate[0]
    told_before: set[int] = set()  # indexes in ``out`` of relations a sentence tells in the past perfect
    last_told: tuple[int, str | None, list[Relation]] = (-9, None, [])  # the last sentence: index, subject, relations
    for sent in sentences:
        tokens = tokenize(sent.text)
        if not tokens:
            continue
        spans = mentions.find(tokens)
        if sent.index == 0 and filed_end:  # ("RAROTONGA, Cook Islands, Nov 10 - ...": where it was filed, no actor)
            spans = [s for s in spans if sent.start + tokens[s.i].start >= filed_end]
        lowers = lowercase(tokens)
        discourse.read_words(tokens, lowers, sent.index)
        spans = discourse.resolve(tokens, spans, lowers)
        if not spans:
            continue  # no actor: nothing to extract and nothing for the discourse model
        gated = lowers if "-" not in lowers else lowers + _hyphenated(lowers)  # ("co-developing": one trigger)
        places = [] if triggers.isdisjoint(gated) else find_places(tokens, spans)
        actors = len({s.actor for s in spans} | {p.actor for p in places})
        downing = downing_of(lowers, spans, discourse)
        ellipsis = so_did(lowers, spans, last_told, sent.index, discourse)
        received = received_back(lowers, spans, last_told, sent.index, discourse)
        talks = talks_of(lowers, spans, discourse) + joined(tokens, lowers, spans, discourse) + spat(
            lowers, spans, discourse)
        forms = engine.forms_by_relation
        implied = {} if triggers.isdisjoint(gated) else {  # (only for a word of the relation's)
            rel: actor for rel, actor in discourse.implied_targets(sent.index, home).items()
            if not forms.get(rel, frozenset()).isdisjoint(gated)}
        away = home is not None and not _ARRIVING_FORMS.isdisjoint(lowers) and all(s.actor != home for s in spans)
        # (the arrivals of a sentence that does not name the state the report is filed from may be arrivals there)
        if (actors < 2 and _DISCOURSE_WORDS.isdisjoint(lowers) and not implied and not away
                or triggers.isdisjoint(gated)) \
                and not downing and not ellipsis and not received and not talks or _sport(engine, lowers):
            # one actor and no implicit partner, or no word that expresses a relation: only the
            # discourse model needs this sentence
            frame = SentenceFrame.analyse(tokens, spans, lowers, clauses=False)
            discourse.update(frame, [])
            last_told = (sent.index, subject_of(frame), [])
            continue
        frame = SentenceFrame.analyse(tokens, spans, lowers)
        rules = RuleSet(frame, discourse, sent.index)
        candidates = rules.run() + ellipsis + [c for c in received + talks
                                               if not is_irrealis(frame, c.trigger_index, None)]
        aligned = None
        if (actors >= 2 or implied or away) and not triggers.isdisjoint(gated):  # (a sentence here only for the
            # discourse's own readings, with no trigger word, needs no parse)
            aligned = _aligned(engine, (yield from parses.need(sent.index)), tokens, (*spans, *places),
                               gazetteer.forums, gazetteer.organizations)
            aligned.implied = {rel.lower(): actor for rel, actor in implied.items()}
            aligned.home = home
            aligned.disaster = discourse.disaster_told
            candidates += parse_candidates(engine, sent.text, tokens, spans, places=places, aligned=aligned)
            candidates += drafted_censures(engine, aligned, tokens)
            if actors >= 2:  # (a sentence parsed only for a party the document implies keeps its window
                # readings, as when it was not parsed)
                candidates = _window_checked(engine, aligned, tokens, candidates)
        candidates = _without_makers_pacts(engine, candidates)
        attribution = rules.attribution_actor() or discourse.attribution_for(frame)
        best = _best_candidates(frame, _replaced(candidates), discourse.symmetric)
        if downing:
            add_downing(frame, aligned, downing, best, discourse, lambda: _aligned(  # (parsed only when needed)
                engine, parses.get(sent.index), tokens, (*spans, *places), gazetteer.forums, gazetteer.organizations))
        if aligned is not None and not UNAIMED_FORCE.isdisjoint(lowers):
            add_unaimed_force(frame, aligned, best, discourse)
        add_bought_back(lowers, best)
        add_similar_moves(lowers, spans, best)
        drop_consented_force(lowers, best)
        add_donated(lowers, best)
        add_two_way_trade(best)
        if aligned is not None:
            _add_learned(engine, aligned, tokens, best, document.id, sent.index)
        times = time_expressions(sent.text) if best else []
        relations = [_relation(document, sent, frame, c, negated, hedged, c.speaker or attribution, times,
                               gazetteer) for c, negated, hedged in best.values()]
        rels = sorted(relations, key=lambda r: (r.subject, r.predicate, r.object))
        discourse.note_targets(sent.index, [(c.subject, c.predicate, c.object) for c, negated, _ in best.values()
                                            if not negated])
        discourse.update(frame, [r for r in rels if r.rule != DOWNING_RULE])  # (a counter-measure is no act
        # that "the attack" of a later sentence names)
        last_told = (sent.index, subject_of(frame), rels)
        earlier = {(r.subject, r.predicate, r.object) for r, (c, _, _) in zip(relations, best.values())
                   if pluperfect(lowers, c.trigger_index)}
        ended = {(r.subject, r.predicate, r.object) for r, (c, _, _) in zip(relations, best.values())
                 if r.predicate in STANDING and pluperfect(lowers, c.trigger_index)
                 and "until" in lowers[c.trigger_index + 1:] or r.predicate == "tensionWith"
                 and lasted_until(lowers, c.trigger_index)}
        for r in rels:
            if not is_background(sent.text, r.time, r.time_value, present, r.predicate == "alliedWith") \
                    and r.key() not in ended:
                if r.key() in earlier:
                    told_before.add(len(out))
                out.append(r)
    return reversed_ruptures(out, told_before)


def _window_checked(engine, aligned, tokens, candidates: list) -> list:
    """The candidates without the token-window rules' readings that the parse shows are wrong: of a verb whose
    doer is not a state, of the wrong sense, or unreal. Parse-rule candidates are kept."""
    if all(c.rule for c in candidates):
        return candidates
    doc = aligned.doc
    starts = [t.start for t in tokens]
    lemmas, heads = lemmas_and_heads(doc)  # (once: the checks below look at few tokens each)
    named = {i: ref.actor for i, ref in aligned.actor_at.items()}
    others = _not_state_acts(engine, doc, starts, lemmas, heads)
    absolute = {_token_index(starts, doc[k]) for k in named if doc[k].dep_ == "nsubj" and doc[k].head.dep_ == "pcomp"
                and lemmas[heads[heads[k]]] == "with"}  # "voiced concern, with Tokyo calling ...": the subject of
    # an absolute phrase is no object of what precedes it
    comments = engine.lists.get("say", frozenset()) | engine.lists.get("accusing", frozenset()) | engine.lists.get(
        "stance", frozenset())
    commenting = {_token_index(starts, doc[k]) for k in named if doc[k].dep_ == "nsubj" and doc[k].head.dep_ == "pcomp"
                  and lemmas[heads[heads[k]]] == "with" and lemmas[heads[k]] in comments}  # "..., with Beijing
    # accusing the three of ...": who comments on it takes no part in it
    helping = engine.lists.get("helping_nouns", frozenset())
    helped = {_token_index(starts, doc[k]) for k in range(len(lemmas)) if doc[k].dep_ == "dobj"
              and doc[heads[k]].dep_ == "pcomp" and lemmas[heads[heads[k]]] == "in"
              and lemmas[heads[heads[heads[k]]]] in helping}
    misread = _misread(engine, doc, starts, named, lemmas, heads)
    from spacy.attrs import IDX

    at = {offset: k for k, offset in enumerate(doc.to_array(IDX).tolist())}  # a parser token by where it begins
    unreal = _unreal_window(engine, aligned, at, tokens, candidates)
    described = _described(doc, starts, named, lemmas)
    owned = _owned(doc, starts, named)
    corporate = _corporate(engine, doc, starts, lemmas)
    elsewhere = _participle_doers(aligned, at, tokens, candidates)
    elsewhere.update(_meeting_parties(aligned, at, tokens, candidates))
    elsewhere.update(_replacing_parties(engine, aligned, at, tokens, candidates))
    fearing = _fearing(engine, aligned, starts, lemmas, heads)
    organizations = aligned.words("organization_ids")
    talks = engine.lists.get("talks", frozenset())
    sessions = {_token_index(starts, doc[k]) for k, w in enumerate(lemmas) if w in talks and any(
        c.dep_ == "prep" and lemma(c) == "of" and named.get(p.i) in organizations
        for c in doc[k].children for p in c.children if p.dep_ == "pobj")}  # "a meeting of the Security Council"
    without = {_token_index(starts, x) for k, w in enumerate(lemmas) if w == "without" and doc[k].dep_ == "prep"
               for x in doc[k].subtree}  # "signed the deal without consulting Kampala"
    breakaway = engine.lists.get("breakaway", frozenset())
    # a transfer the parse read as help alone ("sent two planes carrying 120 rescuers to Turkey": rescuers, not the
    # planes) is no supply, whatever the window reads
    read = {(c.trigger_index, c.subject, c.object, c.predicate) for c in candidates if c.rule}
    themed = {key[:3] for key in read if key[3] == "aids" and (*key[:3], "supplies") not in read}
    outside = {_token_index(starts, doc[k]) for k in named if doc[k].dep_ in ("poss", "compound", "amod") and any(
        c.dep_ in ("amod", "compound") and lemma(c) in breakaway for c in doc[k].head.children)}
    return [c for c in candidates if c.rule or (
        c.subject in elsewhere.get(c.trigger_index, (c.subject,))  # "sent Minsk a note condemning ...": the
        # participle's doer is the note's sender, not the state named just before it
        and (c.object in elsewhere.get(c.trigger_index, (c.object,)) or c.predicate not in SYMMETRIC_PREDICATES)
        and not (c.predicate == "meetsWith" and c.trigger_index in sessions)  # a session of a body: its members
        # do not meet one another by taking part ("At an emergency meeting of the Security Council, the United States,
        # France and Britain condemned ...")
        and not (c.obj_span is not None and c.trigger_index not in without and c.obj_span.i in without)  # a state
        # named only in a "without" phrase takes no part in what the verb before it says
        and not (c.obj_span is not None and any(c.obj_span.i <= x < c.obj_span.j for x in outside))  # "Moldova's
        # breakaway Transnistria region" is not Moldova (decision 24)
        and not (c.predicate in _DEEDS and c.subject in fearing.get(c.trigger_index, ()))  # "Thailand voiced
        # concern over stray shells from fighting in Myanmar": what a state fears is not its own act
        and not (c.predicate.lower() not in engine.lists.get("maker_relations", ()) and any(
            span is not None and span.i in corporate for span in (c.subj_span, c.obj_span)))  # "Chevron, the US
        # oil major, signed a deal with PDVSA": a state's companies stand for it only as suppliers (decision 21)
        and (c.subject in owned.get(c.trigger_index, (c.subject,)) or c.predicate in SYMMETRIC_PREDICATES and
             c.object in owned[c.trigger_index])  # "condemned Washington's arms sales to Taipei": not Beijing's
        and not (c.obj_span is not None and c.trigger_index < c.obj_span.i and c.predicate not in SYMMETRIC_PREDICATES
                 and any(c.obj_span.i <= x < c.obj_span.j for x in absolute))
        and not (c.predicate in SYMMETRIC_PREDICATES and any(  # (nor a party: "agreed to hold drills, with Beijing
            span is not None and c.trigger_index < span.i and any(span.i <= x < span.j for x in commenting)  # accusing")
            for span in (c.subj_span, c.obj_span)))
        and c.trigger_index not in others  # "vetoed a resolution condemning Myanmar": the text condemns
        and not (c.predicate in SYMMETRIC_PREDICATES and c.trigger_index in helped)  # "praised China and Qatar for
        # their help in securing the truce": helpers are not its parties
        and (c.trigger_index, c.predicate) not in misread  # "traded fire", "hosts troops", "lifted its tariffs"
        and c.trigger_index not in unreal  # "called on Serbia to align its policy and impose sanctions"
        and (c.predicate not in SYMMETRIC_PREDICATES or _inside(described.get(c.trigger_index), c))
        and not (c.predicate == "supplies" and (c.trigger_index, c.subject, c.object) in themed))]
    # ("voiced unease over a pact signed between X and Y": not a pact between the two who voiced it)


_STANCES = frozenset({"criticizes", "supports", "concernedby", "threatens"})


def _window_tokens(aligned, at: dict[int, int], tokens, candidates, keep) -> Iterator[tuple[int, object]]:
    """The triggers of the window rules' candidates that ``keep`` accepts, as (kg's index, the parser's token that
    begins where it does); ``at``: parser token index by character offset."""
    for i in sorted({c.trigger_index for c in candidates if not c.rule and keep(c)}):
        k = at.get(tokens[i].start)
        if k is not None:
            yield i, aligned.doc[k]


def _participle_doers(aligned, at, tokens, candidates) -> dict[int, set[str]]:
    """The states the parse shows doing what a participle of the window rules' candidates says, by kg's token
    index: "Vilnius sent Minsk a protest note condemning the launch" (Vilnius condemns, not Minsk). Only
    participles that describe a noun or add a clause, of a stance (not "attacked Ukraine using Iranian drones",
    whose supplier the window reads off the drones), and only when the parse names their doer."""
    from .syntax import Slots

    out: dict[int, set[str]] = {}
    for i, tok in _window_tokens(aligned, at, tokens, candidates, lambda c: c.predicate.lower() in _STANCES):
        if tok.tag_ == "VBG" and tok.dep_ in ("acl", "advcl"):
            doers = {a.actor for a in Slots(aligned, tok).slot_subj()}
            if doers:
                out[i] = doers
    return out


def _replacing_parties(engine, aligned, at, tokens, candidates) -> dict[int, set[str]]:
    """The states a noun after "as" on a verb of replacing relates: "Russia, which has replaced France as the main
    security partner of Mali" (Russia and Mali; France was), by kg's token index."""
    from .syntax import Slots

    words = engine.lists.get("replacing", frozenset())
    out: dict[int, set[str]] = {}
    for i, tok in _window_tokens(aligned, at, tokens, candidates, lambda c: True):
        if tok.dep_ == "pobj" and lemma(tok.head) == "as" and lemma(tok.head.head) in words:
            verb = tok.head.head
            out[i] = {a.actor for a in Slots(aligned, verb).slot_subj()} | {
                a.actor for x in tok.subtree if x.i != tok.i and (a := aligned.actor_at.get(x.i)) is not None}
    return out


def _meeting_parties(aligned, at, tokens, candidates) -> dict[int, set[str]]:
    """The states the parse shows taking part in a meeting a window rule read off a participle of "meet" ("G7
    foreign ministers meeting on the island of Capri condemned North Korea's arms transfers": only the G7): those
    named in the participle's phrase and in the phrase it describes, by kg's token index."""
    out: dict[int, set[str]] = {}
    for i, tok in _window_tokens(aligned, at, tokens, candidates, lambda c: c.predicate == "meetsWith"):
        if tok.tag_ != "VBG" or tok.dep_ not in ("acl", "nsubj", "csubj") or lemma(tok) != "meet":
            continue  # (the parser may read "ministers meeting on Capri condemned ..." as a gerund subject)
        phrase = {x.i for x in tok.subtree}
        if tok.dep_ == "acl":
            phrase |= {x.i for x in tok.head.subtree if x.i < tok.i}
        out[i] = {ref.actor for j, ref in aligned.actor_at.items() if j in phrase}
    return out


def _corporate(engine, doc, starts: list[int], lemmas: list[str]) -> set[int]:
    """kg's indexes of the words that modify a company noun ([lists] makers): "the US oil major"."""
    makers = engine.lists.get("makers", frozenset())
    return {_token_index(starts, c) for k, w in enumerate(lemmas) if w in makers
            for c in doc[k].children if c.dep_ in ("amod", "compound", "nmod")}


def _owned(doc, starts: list[int], named: dict[int, str]) -> dict[int, set[str]]:
    """The nouns a state's possessive owns, with their compound modifiers, by kg's token index: the states
    whose act they name ("Washington's latest arms sales": the sales and the arms are Washington's)."""
    out: dict[int, set[str]] = {}
    possessed = {doc[i].head.i for i in named if doc[i].dep_ == "poss"}  # (few: read them only)
    for tok in (doc[k] for k in sorted(possessed)):
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        owners = {named[c.i] for c in tok.children if c.dep_ == "poss" and c.i in named}
        if owners:
            for x in (tok, *(c for c in tok.children if c.dep_ == "compound" and c.i not in named)):
                out[_token_index(starts, x)] = owners
    return out


def _described(doc, starts: list[int], named: dict[int, str], lemmas: list[str]) -> dict[int, tuple[int, int]]:
    """The participles that describe a noun and name its parties ("a pact signed between X and Y", "by X and Y"),
    by kg's token index, with the kg token range of the noun phrase they are in: the parties of what they say
    are named inside it (``named``: the actor each parser token names)."""
    out: dict[int, tuple[int, int]] = {}
    for tok in {doc[k].head for k, w in enumerate(lemmas) if w in ("between", "by")}:  # (the participles of them)
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and any(
                c.dep_ in ("prep", "agent") and lemma(c) in ("between", "by")
                and len({named[x.i] for x in c.subtree if x.i in named}) >= 2 for c in tok.children):
            sub = list(tok.head.subtree)
            out[_token_index(starts, tok)] = (_token_index(starts, sub[0]), _token_index(starts, sub[-1]))
    return out


def _inside(phrase: tuple[int, int] | None, c) -> bool:
    """Whether a candidate's parties are named inside ``phrase`` (always, without a phrase or spans)."""
    if phrase is None:
        return True
    lo, hi = phrase
    return all(span is None or lo <= span.i and span.j - 1 <= hi for span in (c.subj_span, c.obj_span))


def _not_state_acts(engine, doc, starts: list[int], lemmas: list[str], heads: list[int]) -> set[int]:
    """The tokens (kg's indexes) of verbs whose doer the parse shows is not a state: a text that a state
    blocked ("vetoed a resolution condemning Myanmar") or a natural hazard ("the floods that hit Togo").
    The window rules' readings of them are dropped."""
    from .syntax import RELATIVE_PRONOUNS, blocked_participle

    texts, blocking, hazards = (engine.lists.get(n, frozenset()) for n in ("texts", "blocking", "hazards"))
    out: set[int] = set()
    near = texts | hazards | blocking  # only verbs on a text, a blocking verb or a hazard, or with a hazard for
    # subject, can be such acts
    maybe = {k for k in range(len(lemmas)) if lemmas[heads[k]] in near} | {
        heads[k] for k, w in enumerate(lemmas) if w in hazards}
    for tok in (doc[k] for k in sorted(maybe)):
        if tok.pos_ != "VERB":
            continue
        head = tok.head
        relative = tok.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in tok.children)
        # "a resolution condemning X", "a draft that demanded ...", but not "the resolution China vetoed"
        blocked_text = (tok.dep_ == "acl" or relative) and lemma(head) in texts \
            and lemma(head.head) in blocking or blocked_participle(tok, blocking, texts)  # (also "blocked a
        # statement on Friday criticising Beijing": the parser hung the statement's participle on the verb)
        hazard = relative and lemma(head) in hazards or any(
            c.dep_ == "nsubj" and lemma(c) in hazards for c in tok.children)
        if blocked_text or hazard:
            out.add(_token_index(starts, tok))
    return out


def find_places(tokens, spans) -> list[Span]:
    """Places a sentence names outside its actor mentions ("drones struck Kharkiv"), as spans of kind ``place``
    whose actor is the place's state. Only the parse rules see them, and only as the target of the relations
    of [lists] place_relations."""
    taken = {k for s in spans for k in range(s.i, s.j)}
    words = [t.text for t in tokens]
    places = [Span(i, j, state, "place") for i, j, state in place_index().find(words, taken)]
    taken.update(k for s in places for k in range(s.i, s.j))
    return places + find_makers(words, taken)  # (weapons and their makers: suppliers only, kind "maker")


def _unreal_window(engine, aligned, at, tokens, candidates) -> set[int]:
    """The triggers (kg's indexes) of the window rules' candidates that the parse shows are unreal: asked
    for, planned or conditional in a clause the window's cues do not reach."""
    from . import modality

    joint = {c.trigger_index for c in candidates if c.predicate.lower() in engine.lists.get("joint_relations", ())}
    realis = engine.lists["realis_relations"]
    flows = engine.lists.get("restricted_flows", frozenset())
    restricted = {i for i, tok in _window_tokens(aligned, at, tokens, candidates, lambda c: c.predicate.lower() in flows)
                  if modality.under_measure(aligned, tok)}  # "restrictions on U.S. military assistance to Azerbaijan"
    supposed = {i for i, tok in _window_tokens(aligned, at, tokens, candidates, lambda c: True)
                if modality.supposed(aligned, tok) or modality.declared_over(aligned, tok)}  # "any Israeli attack on
    # its nuclear facilities", "proclaiming the state of war between them over"
    return restricted | supposed | {i for i, tok in _window_tokens(aligned, at, tokens, candidates,
                                                                   lambda c: c.predicate.lower() not in realis)
                                    if modality.asked_for(aligned, tok, agreed_too=i in joint)}


# (object list, relation): a verb whose direct object is in the [lists] list does not express the relation,
# whatever the token-window rules read off it
# ("sanctioned three shipping firms": sanctions on companies are not between states, decision 3; "ordered its
# troops to withdraw": troops are no goods)
_MISREAD_OBJECTS = (("gunfire", "tradesWith"), ("accusations", "tradesWith"), ("troops", "meetsWith"),
                    ("targets", "meetsWith"), ("makers", "sanctions"), ("troops", "supplies"),
                    ("correspondence", "supplies"), ("calls", "supplies"), ("hazards", "atWarWith"),
                    ("hazards", "attacks"),  # ("fighting the wildfires")
                    ("finance", "supplies"),  # ("received a loan": money lent or granted is aid, decision 21)
                    ("utterances", "attacks"),  # ("attacked South Africa's case": in words)
                    ("fulfilled", "meetsWith"))  # ("met Australia's demands")


def _helps_proxy(support, lists) -> bool:
    """Whether "support" (in "in support of ...") is of an armed group ([lists] proxies)."""
    return any(lemma(r) in lists.get("proxies", ()) for q in support.children if q.dep_ == "prep" and lemma(q) == "of"
               for r in q.children if r.dep_ == "pobj")


_FEELING_PREPS = frozenset(("over", "about", "at"))
_DEEDS = frozenset(("attacks", "supplies", "aids", "sanctions"))  # (not "its dispute with Turkey": a state of both)


def _fearing(engine, aligned, starts: list[int], lemmas: list[str], heads: list[int]) -> dict[int, set[str]]:
    """Who fears what, by kg's token index: the words of a phrase a noun of concern is "over", "about" or "at",
    with the states that voice the concern (the subject of the verb the noun is the object of)."""
    from .syntax import Slots

    feelings = engine.lists.get("concern_nouns", frozenset())
    out: dict[int, set[str]] = {}
    for k, w in enumerate(lemmas):
        if w not in feelings or heads[k] == k:
            continue
        tok = aligned.doc[k]
        who = {a.actor for a in Slots(aligned, tok.head).slot_subj()} if tok.dep_ == "dobj" else set()
        if not who:
            continue
        for c in (*tok.children, *tok.head.children):  # (the parser may hang "over ..." on the verb)
            if c.dep_ == "prep" and lemma(c) in _FEELING_PREPS:
                for x in c.subtree:
                    out.setdefault(_token_index(starts, x), set()).update(who)
    return out


@functools.lru_cache(maxsize=4)
def _misread_words(engine) -> tuple[frozenset[str], frozenset[str]]:
    """The lemmas :func:`_misread` looks at (on a token or its head), and the objects of ``_MISREAD_OBJECTS``."""
    lists = engine.lists
    names = ("economic", "lifting", "attributive_only", "topic_holders", "agreements", "accusing", "blocking_nouns",
             "undo", "raising", "verbal_strikes", "greeting_verbs", "responding_verbs", "negotiating")
    relevant = frozenset().union(*(lists.get(n, frozenset()) for n in names))
    return relevant, frozenset().union(*(lists.get(w, frozenset()) for w, _ in _MISREAD_OBJECTS))


def _misread(engine, doc, starts: list[int], named: dict[int, str] | None = None, lemmas: list[str] | None = None,
             heads: list[int] | None = None) -> set[tuple[int, str]]:
    """``(token, relation)`` pairs (kg's token indexes) the token-window rules read wrongly, as the parse shows:
    "traded fire" is no trade, "hosts American troops" no meeting (a verb's object, ``_MISREAD_OBJECTS``), and
    sanctions that are lifted, eased or scrapped ([lists] lifting) are not imposed."""
    lists = engine.lists
    named = named or {}
    out: set[tuple[int, str]] = set()
    lifting = lists.get("lifting", frozenset())
    economic = lists.get("economic", frozenset())
    if lemmas is None or heads is None:
        lemmas, heads = lemmas_and_heads(doc)
    # most tokens bear on none of the readings below: skip them before asking the parse anything else
    relevant, misread_objects = _misread_words(engine)
    flagged = {heads[k] for k, w in enumerate(lemmas) if w in misread_objects}
    departure = lists.get("departure", frozenset())
    for k, w in enumerate(lemmas):
        if w in departure and any(c.dep_ == "aux" and c.lower_ == "to" for c in doc[k].children):
            # "has given French troops a month to leave the country": a deadline to go, no troops given
            for h in (heads[k], heads[heads[k]]):
                if lemmas[h] in lists.get("deadline_verbs", ()):
                    out.update((_token_index(starts, doc[h]), r) for r in ("aids", "supplies"))
        if w == "support" and lemmas[heads[k]] == "in" and _helps_proxy(doc[k], lists):
            # "deploying troops in eastern Congo in support of M23 rebels": help for an armed group, not for the state
            # it is in (decision 24)
            out.add((_token_index(starts, doc[k].head.head), "aids"))
    for i in range(len(lemmas)):
        if lemmas[i] not in relevant and lemmas[heads[i]] not in relevant and i not in flagged and not (
                lemmas[heads[i]] == "of" and lemmas[heads[heads[i]]] in relevant):
            continue
        tok = doc[i]
        if tok.dep_ == "compound" and lemma(tok.head) in economic:  # "export controls": a measure, no flow
            out.update((_token_index(starts, tok), r) for r in ("supplies", "tradesWith"))
        if lemma(tok) in economic:  # "ordered tariffs on all imports from China": a measure, no flow
            inside = [x for c in tok.children if c.dep_ == "prep" and lemma(c) in ("on", "against")
                      for x in c.subtree]
            if tok.dep_ == "dobj":
                inside.append(tok.head)
            out.update((_token_index(starts, x), r) for x in inside for r in ("supplies", "tradesWith"))
        if tok.dep_ == "amod" and lemma(tok) in lists.get("attributive_only", ()):
            out.add((_token_index(starts, tok), "supports"))  # "Yemen's internationally recognised government"
        if lemma(tok) in lists.get("verbal_strikes", ()) and any(
                c.dep_ in ("prt", "advmod") and c.lower_ in lists.get("verbal_particles", ()) for c in tok.children) \
                and not any(c.dep_ == "nsubj" and lemma(c) in lists.get("troops", ()) for c in tok.children):
            out.add((_token_index(starts, tok), "attacks"))  # "hit back at Washington, calling the sanctions bullying"
            # (not "Afghan forces hit back at Pakistani posts")
        objects = {lemma(c) for c in tok.children if c.dep_ == "dobj"}  # (a verb, or one parsed as a noun)
        if tok.dep_ == "amod" and tok.tag_ == "VBN" and lemma(tok) in lists.get("negotiating", ()):
            out.add((_token_index(starts, tok), "meetsWith"))  # "a hastily negotiated deal": no one is said to meet
        if tok.dep_ == "compound" and lemma(tok) in lists.get("agreements", ()) and lemma(tok.head) in lists.get(
                "talks", ()):
            out.add((_token_index(starts, tok), "agreesWith"))  # "ceasefire talks between X and Y": talks, no truce
        if lemma(tok) in lists.get("responding_verbs", ()) and any(
                c.dep_ == "prep" and lemma(c) == "with" and lemma(p) in economic for c in tok.children for p in c.children
                if p.dep_ == "pobj"):
            out.add((_token_index(starts, tok), "attacks"))  # "Mali retaliated with a ban on Algerian aircraft"
        if lemma(tok) in lists.get("greeting_verbs", ()) and not objects.isdisjoint(lists.get("visitors", ())):
            out.add((_token_index(starts, tok), "supports"))  # "welcomed the Iranian foreign minister": a visit
        for words, relation in _MISREAD_OBJECTS if objects else ():
            if not objects.isdisjoint(lists.get(words, ())):
                out.add((_token_index(starts, tok), relation))
        lem = lemma(tok)
        if tok.dep_ == "dobj" and lemma(tok.head) in lists.get("raising", ()) and any(
                c.dep_ == "prep" and lemma(c) == "with" for c in tok.children):
            out.add((_token_index(starts, tok), "concernedBy"))  # "raised concerns with Colombo about ...": the
            # window would take the addressee for the cause; the parse rules read the "about" phrase
        if lem in lists.get("topic_holders", ()) or lem in lists.get("agreements", ()):
            # "signed 14 cooperation documents", "an accord on political dialogue and cooperation", "discussed
            # energy cooperation": cooperation as a topic, not done (decision 19)
            topics = [c for c in tok.children if c.dep_ in ("compound", "amod", "dobj")] + [
                x for c in tok.children if c.dep_ == "prep" and lemma(c) in ("on", "of", "for")
                for x in c.subtree]
            if tok.dep_ == "dobj" and lem in lists.get("agreements", ()):  # "signed their first accord, on
                # political dialogue and cooperation": the topic the parser hung on the verb
                topics += [x for c in tok.head.children if c.dep_ == "prep" and lemma(c) == "on" for x in c.subtree]
            out.update((_token_index(starts, x), r) for x in topics for r in ("cooperatesWith", "tradesWith"))
        if lem in lists.get("accusing", ()) and any(
                c.dep_ == "dobj" and not any(x.i in named for x in c.subtree) for c in tok.children) and any(
                c.dep_ == "prep" and lemma(c) in ("of", "for") and any(p.dep_ == "pcomp" for p in c.children)
                for c in tok.children):
            out.add((_token_index(starts, tok), "criticizes"))  # "accusing the bloc of serving French interests"
        if lem in lists.get("blocking_nouns", ()) and tok.pos_ == "NOUN":
            # "Hungary's veto of new EU military aid for Ukraine": the aid is not given, and no state is shielded
            blocked = [x for c in tok.children if c.dep_ == "prep" and lemma(c) in ("of", "on")
                       for x in c.subtree]
            out.update((_token_index(starts, x), r) for x in blocked for r in ("aids", "supplies"))
            if any(lemma(x) in lists.get("aid", ()) for x in blocked):
                out.add((_token_index(starts, tok), "vetoesFor"))
        if tok.dep_ == "dobj" and lemma(tok.head) in lists.get("undo", ()) and tok.head.pos_ == "VERB":
            # "froze 22 billion euros in funds earmarked for Hungary": a flow stopped is no aid or supply given
            out.update((_token_index(starts, x), r) for x in tok.subtree for r in ("aids", "supplies"))
        if tok.dep_ in ("dobj", "nsubjpass") and lemma(tok.head) in lifting:
            out.update((_token_index(starts, x), "sanctions") for c in tok.children  # "waived a ban on aid to X"
                       if c.dep_ == "prep" and lemma(c) == "on" for x in c.subtree)
        if tok.dep_ in ("dobj", "nsubjpass") and lemma(tok.head) in lifting or (
                tok.dep_ == "pobj" and lemma(tok.head) == "of" and tok.head.head.dep_ == "dobj"
                and lemma(tok.head.head.head) in lifting):  # "lifted the last of its tariffs"
            out.add((_token_index(starts, tok), "sanctions"))
    return out


def _sport(engine, lowers) -> bool:
    """Whether a sentence reports a match between national teams: two words of sport ([lists] sport)."""
    return len(engine.lists.get("sport", frozenset()).intersection(lowers)) >= 2


def _replaced(candidates: list) -> list:
    """The candidates without the window rules' readings of a word that a ``replaces`` rule read otherwise
    for the same pair ("suspended its treaty with Spain": tension, not an agreement)."""
    # a state the parse reads as the doer of a word's relation is not also its object in the window's reading
    # ("Seoul and Tokyo voiced alarm over the pact, and the South Korean government ...": not Japan about Korea)
    doers: dict[tuple[int, str], set[str]] = {}
    for c in candidates:
        if c.rule and c.predicate not in SYMMETRIC_PREDICATES:
            doers.setdefault((c.trigger_index, c.predicate), set()).add(c.subject)
    if doers:
        candidates = [c for c in candidates if c.rule or c.object not in doers.get((c.trigger_index, c.predicate), ())]
        # the parse's doer for the same word, relation and target replaces the window's ("Kyiv accused Chinese
        # companies of supplying Russia": China supplies, not Kyiv)
        targets = {(c.trigger_index, c.predicate, c.object) for c in candidates
                   if c.rule and c.predicate not in SYMMETRIC_PREDICATES}
        candidates = [c for c in candidates if c.rule or (c.trigger_index, c.predicate, c.object) not in targets
                      or c.subject in doers.get((c.trigger_index, c.predicate), ())]
    rereads = {(c.trigger_index, frozenset((c.subject, c.object))) for c in candidates if c.replaces}
    if not rereads:
        return candidates
    # the same word and relation with one party the same and the other not: the window took the wrong partner
    # ("shielding its ally Israel": Israel's ally is the subject, not the Security Council named before)
    partners = {(c.trigger_index, c.predicate, a) for c in candidates if c.replaces for a in (c.subject, c.object)}
    return [c for c in candidates if c.rule or (
        (c.trigger_index, frozenset((c.subject, c.object))) not in rereads
        and not ((c.trigger_index, c.predicate, c.subject) in partners or (c.trigger_index, c.predicate, c.object) in partners))]


def _best_candidates(frame, candidates, symmetric) -> dict:
    """One candidate per (subject, predicate, object): asserted before negated, then the most confident.
    Unreal ones (asked for, planned, conditional) are dropped."""
    best: dict[tuple[str, str, str], tuple] = {}
    for c in candidates:
        subj_end = c.subj_span.j if c.subj_span is not None else None
        if not c.rule and is_irrealis(frame, c.trigger_index, subj_end):
            continue  # (parse-rule candidates arrive with the unreal ones already dropped)
        negated = c.negated if c.negated is not None else is_negated(frame, c.trigger_index, subj_end)
        hedged = c.hedged if c.hedged is not None else is_hedged(frame, c.trigger_index)
        s, o = c.subject, c.object
        if c.predicate in symmetric and s > o:
            s, o = o, s
        key = (s, c.predicate, o)
        rank = (not negated, c.confidence - (0.1 if hedged else 0.0))
        old = best.get(key)
        if old is None or rank > (not old[1], old[0].confidence - (0.1 if old[2] else 0.0)):
            best[key] = (c, negated, hedged)
    return best


def _relation(document, sent, frame, c, negated, hedged, attribution, times, gazetteer) -> Relation:
    """The Relation record for a chosen candidate, with its time, quantity and item."""
    tokens = frame.tokens
    tok = tokens[c.trigger_index]
    time_text, time_value = find_time(sent.text, tok.start, document.date, times)
    quantity = item = None
    if c.predicate in ("supplies", "aids", "tradesWith", "sanctions"):
        lo = tokens[min(c.trigger_index, c.subj_span.i if c.subj_span else c.trigger_index)].start
        hi = tokens[max(c.trigger_index, c.obj_span.j - 1 if c.obj_span else c.trigger_index)].end
        quantity = find_quantity(sent.text, max(0, lo - 40), min(len(sent.text), hi + 60))
    if c.predicate in ("supplies", "aids"):
        item = find_item(frame, c.trigger_index)
    coref = c.subj_span is not None and c.subj_span.kind in ("coref", "pair")
    conf = c.confidence - (0.1 if hedged else 0.0) - (0.1 if coref else 0.0)
    subject, obj = c.subject, c.object
    if c.predicate in SYMMETRIC_PREDICATES and subject > obj:
        subject, obj = obj, subject
    return Relation(
        doc=document.id, subject=subject, predicate=c.predicate, object=obj,
        subject_label=gazetteer.label(subject), object_label=gazetteer.label(obj),
        sentence=sent.text, start=document.offset + sent.start, end=document.offset + sent.end,
        sentence_index=document.first_sentence + sent.index,
        hedged=hedged, negated=negated, attributed_to=attribution if attribution != c.subject else None,
        item=item, quantity=quantity, time=time_text, time_value=time_value,
        confidence=round(max(0.05, min(0.99, conf)), 3), trigger=c.trigger, rule=c.rule or "window",
    )


def _hyphenated(lowers: list[str]) -> list[str]:
    """The words kg's tokenizer split at a hyphen, joined again: "co", "-", "developing" -> "co-developing"."""
    return [f"{lowers[k - 1]}-{lowers[k + 1]}" for k in range(1, len(lowers) - 1) if lowers[k] == "-"]


@functools.lru_cache(maxsize=4)
def _gate_words(engine) -> tuple[frozenset[str], frozenset[str]]:
    """The words that may be a trigger, and those by which a sentence may refer to a second actor."""
    return engine.surface | RUN_WORDS, engine.lists.get("referring", frozenset()) | _DISCOURSE_WORDS | (
        DOWNING_VERBS | SHOOTING_VERBS)  # (one state bringing down another's munitions: parsed in the batch)


class _Parses:
    """The parses of a document's sentences, by sentence index, and which sentences may need one.

    A cheap test of a sentence's words (a trigger word and a word that may start an actor's name, see
    :func:`_may_need`) tells the sentences that may need their parse, so that one asked for can be
    parsed in a batch with the next few that may be asked for too.
    """

    BATCH = 32

    def __init__(self, sentences, gate: tuple[frozenset[str], frozenset[str]], name_starts: frozenset[str]):
        self.sentences = sentences
        self.gate = gate
        self.name_starts = name_starts
        self.done: dict[int, object] = {}  # sentence index -> its parse, made and not yet used
        self.position = {s.index: n for n, s in enumerate(sentences)}

    def text(self, index: int) -> str:
        return self.sentences[self.position[index]].text

    def need(self, index: int):
        """The parse of sentence ``index``, as a step of :func:`_extract`: it yields the index when the parse
        is not made yet, and the caller makes it before resuming."""
        if index not in self.done:
            yield index
        return self.done.pop(index)

    def get(self, index: int):
        """The parse of sentence ``index``, made now if it is not made yet (with the next that may need one)."""
        if index not in self.done:
            self.fetch(index)
        return self.done.pop(index)

    def ahead(self, index: int, limit: int) -> list:
        """Up to ``limit`` sentences after sentence ``index``, not parsed yet, that may need their parse."""
        out = []
        for sent in self.sentences[self.position[index] + 1:]:
            if len(out) >= limit:
                break
            if sent.index not in self.done and _may_need(sent.text, self.gate, self.name_starts):
                out.append(sent)
        return out

    def fetch(self, index: int) -> None:
        """Parse sentence ``index`` in one batch with the next few that may need their parse."""
        from .parse import parse_sentences

        batch = [self.sentences[self.position[index]], *self.ahead(index, self.BATCH - 1)]
        for sent, doc in zip(batch, parse_sentences([s.text for s in batch])):
            self.done[sent.index] = doc


@functools.lru_cache(maxsize=8)
def _lists_with_forums(engine, forums: frozenset[str],
                       organizations: frozenset[str] = frozenset()) -> dict[str, frozenset[str]]:
    """The engine's word lists with the gazetteer's forums (``forum_ids``) and its organizations and groups
    (``organization_ids``), made once per gazetteer."""
    if not forums and not organizations:
        return engine.lists
    return {**engine.lists, "forum_ids": forums, "organization_ids": organizations}


def _may_need(text: str, gate: tuple[frozenset[str], frozenset[str]], name_starts: frozenset[str]) -> bool:
    """A cheap test of whether a sentence may need its parse: a trigger word, and two words that may start an
    actor's name (or one and a word that may refer to another actor)."""
    triggers, referring = gate
    words = [w.strip(".,;:\"'()") for w in text.split()]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]  # "Moscow's"
    if not any(w.lower() in triggers for w in words):
        return False
    names = sum(w in name_starts for w in words)
    return names >= 2 or (names == 1 and any(w.lower() in referring for w in words))


def _without_makers_pacts(engine, candidates: list) -> list:
    """The candidates without those of [lists] origin_blind_relations whose party is only the state of goods: an
    origin adjective, a maker, or a demonym heading goods ("a contract for 24 South Korean fighter jets" is a deal
    with a maker, decision 21)."""
    blind = engine.lists.get("origin_blind_relations", frozenset())
    return [c for c in candidates if not (c.predicate.lower() in blind and any(
        x is not None and (x.kind in ("origin", "maker") or x.kind == "agent" and x.head.lower() in GOODS)
        for x in (c.subj_span, c.obj_span)))]


def _add_learned(engine, aligned, tokens, best: dict, doc_id: str, index: int) -> None:
    """Add to ``best`` what the learned model (:mod:`kg.extract.learned`) reads in a parsed sentence for a pair of
    actors the rules gave no relation: per pair, its most probable candidate above the model's threshold."""
    from . import modality

    model = learned.load_model()
    if model is None and learned.RECORD is None:
        return
    found = frozenset(best)
    cands = learned.candidates(engine, aligned, found, unread_only=learned.RECORD is None)
    if learned.RECORD is not None:
        learned.RECORD.extend((doc_id, index, (c.subject.actor, c.predicate, c.object.actor), c.features)
                              for c in cands)
    if model is None:
        return
    paired = {frozenset((s, o)) for s, _, o in found}
    chosen: dict[frozenset, tuple[float, learned.PairCandidate]] = {}
    for c in cands:
        pair = frozenset((c.subject.actor, c.object.actor))
        if pair in paired:
            continue
        p = model.probability(c.features)
        if p >= model.threshold and (pair not in chosen or p > chosen[pair][0]):
            chosen[pair] = (p, c)
    starts = [t.start for t in tokens]
    for pair in sorted(chosen, key=sorted):
        p, c = chosen[pair]
        tok = aligned.doc[c.trigger]
        if modality.unreal(aligned, tok):
            continue
        s, o = c.subject.actor, c.object.actor
        if c.predicate in SYMMETRIC_PREDICATES and s > o:
            s, o = o, s
        negated = modality.negated(aligned, tok)
        hedged = modality.hedged(aligned, tok)
        cand = Candidate(c.subject.actor, c.predicate, c.object.actor, _token_index(starts, tok), tok.text,
                         round(min(p, 0.7), 2), rule="learned", negated=negated, hedged=hedged,
                         speaker=modality.speaker(aligned, tok))
        best[(s, c.predicate, o)] = (cand, negated, hedged)


@functools.lru_cache(maxsize=4)
def _stimulus_forms(engine) -> dict[str, str]:
    """The forms of the lexicon's verbs of feeling (frame ``stimulus``), each with its lemma."""
    from .engine import entry_forms

    return {f: e.lemma for e in sorted({e for es in engine.entries.values() for e in es if e.frame == "stimulus"
                                        and e.pos == "VERB"}, key=lambda e: e.lemma) for f in entry_forms(e)}


def _aligned(engine, doc, tokens, spans, forums: frozenset[str], organizations: frozenset[str] = frozenset()):
    """The sentence's parse with kg's actor mentions (and places) placed on the parser's tokens (a parse with no
    verb where a verb of feeling stood, a participle read as a clause, a label read into its object, a phrase hung on
    a noun of display and what a deal is for hung on its verb mended first:
    :func:`kg.extract.syntax.repair_stimulus`, :func:`kg.extract.syntax.repair_reduced_participle`,
    :func:`kg.extract.syntax.repair_label_split`, :func:`kg.extract.syntax.repair_display`,
    :func:`kg.extract.syntax.repair_deal_for`)."""
    from .syntax import (Sentence, repair_deal_for, repair_display, repair_label_split, repair_reduced_participle,
                         repair_apposed_relative, repair_noun_conjunct, repair_particle_in,
                         repair_reaction_participle, repair_second_object, repair_stimulus)

    repair_stimulus(doc, _stimulus_forms(engine))
    repair_reduced_participle(doc)
    repair_label_split(doc, engine.lists.get("labelling", frozenset()))
    repair_display(doc, engine.lists.get("displays", frozenset()))
    repair_deal_for(doc, engine.lists.get("agreements", frozenset()), engine.lists.get("goods", frozenset()))
    repair_second_object(doc)
    repair_noun_conjunct(doc)
    repair_apposed_relative(doc)
    repair_reaction_participle(doc, engine.lists.get("cause", frozenset()),
                               engine.lists.get("scene_preps", frozenset()))
    repair_particle_in(doc, engine.lists.get("in_particle_verbs", frozenset()),
                       engine.lists.get("time_nouns", frozenset()), engine.lists.get("vehicles", frozenset()))
    mentions = [(tokens[s.i].start, tokens[s.j - 1].end, s.actor, s.kind) for s in spans]
    return Sentence.align(doc, mentions, _lists_with_forums(engine, forums, organizations))


def _trigger_text(tok) -> str:
    """A trigger's word as written: "flare-up", where the parser split it at the hyphen and read "up"."""
    prefix = hyphen_prefix(tok)
    return tok.text if prefix is None else f"{prefix.text}-{tok.text}"


def parse_candidates(engine, text: str, tokens, spans, doc=None, forums: frozenset[str] = frozenset(),
                     places=(), aligned=None) -> list[Candidate]:
    """The relations the parse-based rules find in one sentence, as candidates on kg's own tokens.

    ``doc`` is the sentence's spaCy parse; without it the sentence is parsed here. ``places`` are spans of
    kind ``place`` (:func:`find_places`): they may only be the target of a relation of [lists] place_relations.
    ``aligned`` is :func:`_aligned` of the parse, the spans and the places, when the caller has made it."""
    from . import modality

    if aligned is None:
        if doc is None:
            from .parse import parse_sentences

            doc = parse_sentences([text])[0]
        aligned = _aligned(engine, doc, tokens, (*spans, *places), forums)
    sent = aligned
    starts = [t.start for t in tokens]
    by_actor = {}
    for s in (*spans, *places):
        by_actor.setdefault(s.actor, s)
    place_relations = engine.lists.get("place_relations", frozenset())
    place_rules = engine.lists.get("place_rules", frozenset())
    unplaced = engine.lists.get("unplaced_states", frozenset())
    out: list[Candidate] = []
    maker_relations = engine.lists.get("maker_relations", frozenset())
    named_only = engine.lists.get("named_object_relations", frozenset())
    for hit in engine.hits(sent):
        if hit.object.kind == "maker" or hit.subject.kind == "maker" and hit.predicate.lower() not in maker_relations:
            continue  # a weapon's maker stands for its state only as the supplier (decision 21)
        if hit.object.kind in ("modifier", "origin") and hit.predicate.lower() in named_only and \
                sent.doc[hit.object.token].dep_ in ("amod", "compound") and \
                lemma(sent.doc[hit.object.token].head) not in sent.words("bodies"):
            continue  # "come to the Greek islands": an adjective on no body ("American negotiators") names no party
        if hit.subject.kind == "place" or hit.object.kind == "place" and (
                hit.predicate.lower() not in place_relations and hit.rule.split("/")[0] not in place_rules
                or hit.object.actor.lower() in unplaced):
            continue  # a place stands for its state only as the target of force, or where help or goods arrived
        tok = sent.doc[hit.trigger]
        predicate = hit.predicate
        replaces = hit.rule.split("/")[0] in engine.replacing
        vowers = modality.vowed_by(sent, tok) if predicate.lower() in engine.lists["vowed_relations"] else None
        deal = predicate.lower() in engine.lists["deal_relations"] and modality.agreed_to(sent, tok)
        if vowers is not None and (not vowers or hit.subject.actor in vowers):
            predicate, replaces = "threatens", True  # "vowed strikes on X", "promised sanctions" (decision 16)
        elif deal:  # "agreed to supply Pakistan with 40 jets": a deal, so an agreement too (decisions 2 and 21)
            out.append(Candidate(hit.subject.actor, "agreesWith", hit.object.actor, _token_index(starts, tok),
                                 _trigger_text(tok), hit.confidence, subj_span=by_actor.get(hit.subject.actor),
                                 obj_span=by_actor.get(hit.object.actor), rule=hit.rule + "/deal",
                                 negated=False, hedged=modality.hedged(sent, tok), speaker=modality.speaker(sent, tok)))
        elif predicate.lower() in engine.lists.get("restricted_flows", ()) and modality.under_measure(sent, tok):
            continue  # "a ban on arms sales to Moscow": the flow a measure is on does not take place
        elif predicate.lower() not in engine.lists["realis_relations"] and modality.unreal(sent, tok):
            if predicate not in ("attacks", "sanctions") or not modality.conditional_force(sent, tok) or \
                    modality.speaker(sent, tok) != hit.subject.actor:
                continue
            # "Israeli officials warned that Israel could strike Iran if ...", "Washington would impose sanctions if
            # Moscow escalated": a state's own conditional threat (decision 2)
            predicate = "threatens"
        index = _token_index(starts, tok)
        out.append(Candidate(hit.subject.actor, predicate, hit.object.actor, index, _trigger_text(tok), hit.confidence,
                             subj_span=by_actor.get(hit.subject.actor), obj_span=by_actor.get(hit.object.actor),
                             rule=hit.rule, negated=modality.negated(sent, tok), hedged=modality.hedged(sent, tok),
                             speaker=modality.speaker(sent, tok), replaces=replaces))
    return out


def extract_text(text: str, gazetteer: Gazetteer, doc_id: str = "text", date: str | None = None) -> list[Relation]:
    """Extract from a bare string (a one-document convenience around :func:`extract`)."""
    return extract(Document(id=doc_id, text=text, date=date), gazetteer)


__all__ = ["extract", "extract_many", "extract_text", "find_places", "index_for", "parse_candidates"]
