"""What the parse says about a trigger's reality: negated, unreal (asked for, planned, conditional,
asked as a question), hedged, and who said it (reported speech).

Each is read off the trigger's own clause and the clauses that govern it, never off a window of
words, so "Iran, which has not sent troops, condemned Israel" negates only the relative clause. The
cue words are lists of ``data/rules.toml``.
"""

from __future__ import annotations

from .syntax import Sentence, Slots, lemma


def _governors(tok, limit: int = 8):
    """The trigger, then the words it hangs on, up to the sentence root."""
    out = [tok]
    while tok.head.i != tok.i and len(out) < limit:
        tok = tok.head
        out.append(tok)
    return out


_PHRASE_DEPS = ("dobj", "pobj", "prep", "attr", "acomp", "compound", "amod", "nsubjpass", "nsubj", "poss", "appos",
                "oprd", "npadvmod")


def _clause_head(tok):
    """The verb (or predicate) whose clause holds a noun or adjective trigger."""
    while (tok.dep_ in _PHRASE_DEPS or tok.dep_ == "conj") and tok.head.i != tok.i:
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and (any(
                c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children) or (
                tok.tag_ in ("VBD", "VBZ") and tok.head.tag_ == "VB")):
            break  # "had received vessels and would seek cooperation": a verb with its own auxiliary or subject (or a
            # finite verb the parser joined to an infinitive: "warned that it would take action ..., and accused X")
        tok = tok.head
    return tok


def _under_object(tok, head) -> bool:
    """Whether ``tok`` sits in the direct object of ``head`` ("pledged $1 billion in aid"), not in another
    phrase of its clause ("After talks with Erdogan, Qatar pledged support")."""
    cur = tok
    while cur.head.i != cur.i and cur.head.i != head.i:
        cur = cur.head
    return cur.head.i == head.i and cur.dep_ == "dobj"


def _infinitive(verb) -> bool:
    """Whether ``verb`` has its "to": "to share", "to consult"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _intended(verb, sent: Sentence) -> bool:
    """Whether ``verb`` is the infinitive of an intention noun ([lists] irrealis_nouns): "a plan to share
    intelligence", "a push to impose sanctions", "an attempt to brand ..." (not done yet)."""
    return verb.dep_ == "acl" and _infinitive(verb) and lemma(verb.head) in sent.words("irrealis_nouns")


def _presupposed(tok) -> bool:
    """A definite noun trigger that is its clause's subject names a deed the clause takes as given: "the transfer of
    F-16s to Ukraine by Denmark would not change the situation" (the transfer is neither denied nor unreal); so does
    a noun of an apposition."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
            for c in tok.children):
        return True
    cur = tok  # an apposition describes its head as it is: "Tuvalu, one of Taiwan's allies, must consult ..."
    for _ in range(3):
        if cur.dep_ == "appos" and cur.pos_ in ("NOUN", "PROPN", "NUM"):
            return True
        if cur.dep_ not in ("pobj", "prep") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def declared_over(sent: Sentence, tok) -> bool:
    """A state of affairs a verb of declaring says is "over": "proclaiming the state of war between them over"."""
    head = _clause_head(tok)
    return lemma(head) in sent.words("declaring") and any(
        c.dep_ in ("prt", "advmod", "oprd") and c.lower_ == "over" for c in head.children)


def negated(sent: Sentence, tok) -> bool:
    """"did not supply", "no sanctions on", "denied supplying": the trigger's clause is negated or
    sits under a denial. Negation of a clause that governs it from outside a report does not count."""
    head = tok if _presupposed(tok) else _clause_head(tok)
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and lemma(tok.head) in sent.words("past_scene_preps"):
        head = tok  # "agreed not to use force, after face-to-face talks": the talks took place, whatever was agreed
    for t in {tok.i: tok, head.i: head}.values():
        if any(c.dep_ == "neg" or (c.dep_ == "det" and lemma(c) == "no") for c in t.children):
            return True
    if declared_over(sent, tok):
        return True
    deny = sent.words("deny")
    for g in _governors(head)[1:]:
        if lemma(g) in deny:
            return True
        if lemma(g) in sent.words("claims") and g.dep_ in ("dobj", "nsubjpass") and lemma(g.head) in deny:
            return True  # "denied a report that the two had agreed to ...": what the denied claim says
        if g.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "advcl"):
            break
    return False


def under_measure(sent: Sentence, tok) -> bool:
    """A deed a measure is "on" is restricted, not done: "restrictions on U.S. military assistance to Azerbaijan",
    "a ban on arms sales to Moscow" (also the measure a verb imposed "on" it: "restrictions that Congress imposed
    on ...")."""
    if tok.dep_ != "pobj" or lemma(tok.head) != "on" or tok.pos_ != "NOUN":
        return False
    anchor = tok.head.head
    if anchor.pos_ != "VERB":
        measures = [anchor]
        if anchor.dep_ == "dobj" and lemma(anchor.head) in sent.words("lifting"):
            return False  # "cut duties on Chile's exports to Korea": the exports go on
    else:
        measures = [c for c in anchor.children if c.dep_ == "dobj"] + ([anchor.head] if anchor.dep_ == "relcl" else [])
    return any(lemma(m) in sent.words("economic") for m in measures)


def supposed(sent: Sentence, tok) -> bool:
    """A noun of an act with a determiner of supposition ([lists] irrealis_dets): "a crushing response to any Israeli
    attack" supposes the attack, it does not report one."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and lemma(c) in sent.words("irrealis_dets") for c in tok.children)


def _ranked_doer(tok, sent: Sentence) -> bool:
    """Whether ``tok`` is an infinitive that says what someone was the first, last or only one to do: "was among the
    first foreign leaders to congratulate Lukashenko", "the first leader to visit Kyiv" (it was done)."""
    if tok.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    head = tok.head
    nouns = [head] if head.pos_ in ("NOUN", "PROPN") else [
        p for c in head.children if c.dep_ == "prep" and c.lower_ == "among" for p in c.children if p.dep_ == "pobj"]
    verb = head.head if head.pos_ in ("NOUN", "PROPN") else head  # (a finite verb: not "hopes to be the first to")
    return verb.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "amod" and c.lower_ in sent.words("ranking_words")
                                                      for n in nouns for c in n.children)


def unreal(sent: Sentence, tok) -> bool:
    """Asked for, planned, conditional or a question: the relation did not happen."""
    doc = sent.doc
    if any(t.text == "?" for t in doc[-2:]):
        return True
    if _ranked_doer(tok, sent):
        return False
    if tok.dep_ == "conj" and tok.tag_ == "VB" and tok.head.tag_ in ("VBD", "VBZ", "VBP"):
        # a bare infinitive cannot join a finite verb: the parser hung it on the wrong one ("agreed on a plan to
        # share intelligence, patrol their borders"); it joins the last infinitive before it
        prior = next((t for t in reversed(doc[tok.head.i + 1:tok.i]) if t.tag_ == "VB" and t.pos_ == "VERB"), None)
        if prior is not None:
            return unreal(sent, prior)
    if _intended(tok, sent):
        return True  # "a plan to share intelligence", "an offer to supply jets": not done yet
    if tok.dep_ == "pobj" and lemma(tok.head) == "of" and lemma(tok.head.head) in sent.words("irrealis_nouns"):
        return True  # "hopes of a deal between Israel and Syria", "the prospect of talks"
    if any(c.dep_ == "amod" and c.lower_ in sent.words("irrealis_mods") for c in tok.children):
        return True  # "a planned summit between Kagame and Tshisekedi", "a proposed deal"
    if supposed(sent, tok):
        return True
    if tok.dep_ == "dobj" and lemma(tok.head) in sent.words("growth_verbs") and lemma(tok) in sent.words("standing_nouns"):
        return False  # "aimed to lift trade between Uzbekistan and Tajikistan": the trade exists already
    if tok.dep_ == "pcomp" and lemma(tok.head) == "from" and lemma(tok.head.head) in sent.words("preventing_verbs"):
        return True  # "deter Russia from attacking Lithuania", "stop Iran from supplying drones"
    if tok.dep_ == "pobj" and lemma(tok.head) == "to" and (lemma(tok.head.head) in sent.words("responses") or lemma(
            tok.head.head) in sent.words("responding_verbs")):  # ("would respond in kind to the sanctions by Britain")
        return False  # "promised a response to attacks by X": the response is vowed, the attacks took place
    if tok.dep_ == "dobj" and lemma(tok.head) in sent.words("answering") or tok.dep_ == "pobj" and lemma(
            tok.head) == "for" and lemma(tok.head.head) in sent.words("answering"):
        return False  # "vowed to avenge Israel's strike", "to retaliate for the raids": the deed answered took place
    if _presupposed(tok):
        return False
    if tok.dep_ == "pobj" and lemma(tok.head) in sent.words("framing_preps") and lemma(tok.head) != "in" \
            and lemma(tok) in sent.words("agreements"):
        return False  # "will acquire submarines under a new security partnership with ...": the pact is in place
    head = _clause_head(tok)
    if head.i != tok.i and _intended(head, sent):
        return True  # "a push to impose sanctions on Pyongyang", "a plan to sign a treaty with Seoul"
    marks = sent.words("irrealis_marks")
    if any(c.dep_ == "aux" and c.text.lower() in sent.words("irrealis_aux") for c in head.children):
        return True
    if any(c.dep_ == "mark" and lemma(c) in marks for c in head.children):
        return True
    if head.i != tok.i and lemma(head) in sent.words("irrealis_objects") and _under_object(tok, head):
        return True  # "pledged aid", "proposed talks", "sought sanctions": not given, held or imposed yet
    if _modal_consequence(sent, head, marks):
        return True  # "could strike Iran if Tehran enriched uranium": the consequence of a condition
    cur = head
    irrealis = sent.words("irrealis")
    scene = tok.head.head if tok.dep_ == "pobj" and lemma(tok.head) == "of" and lemma(
        tok.head.head) in sent.words("measures") else tok  # "after four days of talks"
    if scene.dep_ == "pobj" and lemma(scene.head) in sent.words("past_scene_preps"):
        return False  # "failed to reach a deal after nine hours of talks": the talks took place
    if tok.dep_ == "pobj" and lemma(tok.head) in ("in", "at", "during") and not (
            tok.head.head.pos_ == "VERB" and _infinitive(tok.head.head)):
        irrealis = irrealis - sent.words("irrealis_done")  # "agreed to a ceasefire in talks in Doha" (but not "agreed
        # to consult one another in a crisis": the phrase of an infinitive is as unreal as it)
    for _ in range(5):
        if cur.dep_ == "conj" and cur.tag_ == "VB" and cur.head.dep_ in ("xcomp", "ccomp") and cur.head.i != cur.i:
            cur = cur.head  # "called on Serbia to align its policy and impose sanctions": the second verb too
            # (a finite verb is a clause of its own: "vowed to keep the cap and voiced concern")
        if cur.dep_ not in ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep") or cur.head.i == cur.i:
            break
        if cur.dep_ == "advcl" and cur.tag_ == "VBG" and not any(c.dep_ == "mark" for c in cur.children):
            break  # "urged restraint, accusing Kigali of ...", "agreed to a truce, ending a war": a participle states
        cur = cur.head
        if lemma(cur) in irrealis and tok.i != cur.i:
            return True
        if any(c.dep_ == "advmod" and lemma(c) == "yet" for c in cur.children):
            return True  # "have yet to sign"
        if any(c.dep_ == "mark" and lemma(c) in sent.words("irrealis_marks") for c in cur.children) \
                and cur.dep_ == "advcl":
            return True
    return False


def asked_for(sent: Sentence, tok, agreed_too: bool = False) -> bool:
    """Whether the trigger's clause is the open complement of a verb of asking, planning or promising, directly
    or as the second of two coordinated complements: "called on Serbia to align its policy and impose
    sanctions". A narrower test than :func:`unreal`, for readings the parse rules did not make; "agreed to"
    is left to the window's own cues, unless ``agreed_too`` (what states agree to do together has not happened
    yet: "agreed at a summit to strengthen security cooperation")."""
    irrealis = sent.words("irrealis") if agreed_too else sent.words("irrealis") - sent.words("irrealis_done")
    cur = tok
    if tok.dep_ == "pobj" and lemma(tok.head) == "of" and lemma(tok.head.head) in sent.words("irrealis_nouns"):
        return True  # "dashing hopes of a first meeting with Zelensky", "the prospect of talks"
    while cur.dep_ in _PHRASE_DEPS and cur.head.i != cur.i:  # to the verb of the trigger's own clause
        if cur.dep_ == "prep" and lemma(cur) in sent.words("scene_preps"):
            return False  # "threatened to annex the region as the dispute escalated": the scene, not the aim
        cur = cur.head
    if _intended(cur, sent):
        return True  # "a U.S.-led push to impose sanctions on Pyongyang", "an attempt to brand ...": not done
    for _ in range(4):
        if cur.dep_ == "conj" and cur.tag_ == "VB" and cur.head.dep_ in ("xcomp", "advcl") and cur.head.i != cur.i:
            cur = cur.head
        if cur.dep_ == "pcomp" and lemma(cur.head) == "of" and lemma(cur.head.head) in sent.words("irrealis_nouns"):
            return True  # "has no intention of signing a pact", "a plan of buying jets"
        # an open complement, or an infinitive the parser took for a purpose clause ("called on Serbia ... to align")
        infinitive = cur.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if (cur.dep_ != "xcomp" and not infinitive) or cur.head.i == cur.i:
            return False
        cur = cur.head
        if lemma(cur) in irrealis:
            return True
    return False


def agreed_to(sent: Sentence, tok) -> bool:
    """Whether the trigger is what a state agreed to do: "China has agreed to supply Pakistan with 40 jets"
    (an arms deal: supplies and an agreement, decisions 2 and 21)."""
    cur = tok
    while cur.dep_ == "conj" and cur.tag_ == "VB" and cur.head.i != cur.i:
        cur = cur.head
    return cur.dep_ == "xcomp" and lemma(cur.head) in sent.words("deal_verbs") and not negated(sent, cur.head)


def conditional_force(sent: Sentence, tok) -> bool:
    """"could strike Iran's facilities if Tehran enriched uranium": force stated as the consequence of a
    condition, which is a threat (decision 2)."""
    return _modal_consequence(sent, _clause_head(tok), ("if", "unless"))


def _modal_consequence(sent: Sentence, head, marks) -> bool:
    """A clause with a modal ("could", "would") and a condition ("if ...", one of ``marks``) hanging on it."""
    modals = sent.words("hedge_aux") | sent.words("irrealis_aux")
    return any(c.dep_ == "aux" and lemma(c) in modals for c in head.children) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and lemma(m) in marks for m in c.children) for c in head.children)


def vowed_by(sent: Sentence, tok) -> list[str] | None:
    """Who vows, promises or stands ready to do what ``tok`` names ("vowed harsh strikes", "promised further
    sanctions", "is ready to impose sanctions"); ``None`` when no such word governs it. A clause reported
    by a vow word ("warned that it would strike") counts only when it is itself unreal: "warned that Y had
    struck" reports a strike."""
    vows = sent.words("coercive_vows")
    cur = tok
    reported = False
    for _ in range(6):
        if cur.i != tok.i and lemma(cur) in vows:
            if reported and not unreal(sent, tok):
                return None
            return [a.actor for a in Slots(sent, cur).slot_subj()]
        if cur.head.i == cur.i or cur.dep_ not in ("xcomp", "ccomp", "dobj", "acomp", "pobj", "prep", "amod",
                                                   "compound", "conj", "advcl"):
            return None
        reported = reported or cur.dep_ == "ccomp"
        cur = cur.head
    return None


def hedged(sent: Sentence, tok) -> bool:
    """"may have supplied", "reportedly sent", "allegedly struck"."""
    hedges = sent.words("hedge_words")
    aux = sent.words("hedge_aux")
    for g in _governors(_clause_head(tok), 4):
        for c in g.children:
            if c.dep_ == "aux" and c.text.lower() in aux:
                return True
            if c.dep_ in ("advmod", "amod", "npadvmod") and c.text.lower() in hedges:
                return True
    return any(t.text.lower() in hedges for t in sent.doc if t.dep_ == "advmod" and t.head.dep_ == "ROOT")


def speaker(sent: Sentence, tok) -> str | None:
    """The actor whose words report the relation: "..., the Kremlin said", "Seoul said that ..."."""
    say = sent.words("say")
    cur = _clause_head(tok)
    for _ in range(5):
        if cur.head.i == cur.i:
            break
        dep = cur.dep_
        cur = cur.head
        if lemma(cur) in say and dep in ("ccomp", "parataxis"):
            found = Slots(sent, cur).slot_subj()
            return found[0].actor if found else None
    # "according to Seoul, ...": the source of the whole sentence
    if "ccording to" in sent.doc.text:
        for t in sent.doc:
            if t.lower_ == "according" and t.dep_ == "prep":
                for p in t.children:
                    for o in (p.children if p.dep_ == "prep" else ()):
                        if o.dep_ == "pobj":
                            found = Slots(sent, t).actors(o)
                            if found:
                                return found[0].actor
    # "Russia supplied drones, Ukraine said": the report verb hangs on the trigger as parataxis/ccomp
    for c in tok.children:
        if c.dep_ in ("parataxis", "ccomp") and lemma(c) in say:
            found = Slots(sent, c).slot_subj()
            return found[0].actor if found else None
    return None


__all__ = ["negated", "unreal", "asked_for", "agreed_to", "hedged", "speaker", "vowed_by", "under_measure", "supposed",
           "declared_over"]
