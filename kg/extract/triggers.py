"""The trigger table: which words express which relation, and where their arguments sit.

Each :class:`Trigger` is data: a predicate, the word forms that express it, its part of speech
and its argument frame. ``frames.py`` interprets them.

Frame fields
------------
obj_preps
    The prepositions that may introduce the object ("" is a direct object: "condemned Russia",
    "hit Iran's plant", "sanctioned Turkey").
receive
    The grammatical subject is the recipient and the "from" phrase the supplier ("Y receives Z from X").
light
    A nominal trigger that takes its subject from the clause only after one of these verbs
    ("imposed sanctions on", "voiced concern over"); otherwise only from inside its noun phrase.
needs
    Words one of which must occur near the trigger ("signed" needs an agreement noun).
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import verb_forms


@dataclass(frozen=True, slots=True)
class Trigger:
    predicate: str
    forms: frozenset[str]
    pos: str  # "v" verb, "n" noun
    obj_preps: tuple[str, ...] = ("",)
    receive: bool = False
    needs: frozenset[str] = frozenset()
    needs_goods: bool = False
    confidence: float = 0.75
    name: str = ""
    particle: str = ""  # a word that must follow the verb: "stood by"
    ties: bool = False  # takes its arguments from a "ties/relations with" phrase
    envoy: bool = False  # acts on a diplomat: "recalled its ambassador from X"
    modifiers: frozenset[str] = frozenset()  # one must be among the three words before it: "security pact"


def _v(pred, stems, preps=("",), **kw) -> list[Trigger]:
    out = []
    for stem in stems.split():
        out.append(Trigger(pred, frozenset(verb_forms(stem)), "v", tuple(preps), name=stem.split("|")[0], **kw))
    return out


def _n(pred, words, preps, **kw) -> list[Trigger]:
    out = []
    for word in words.split():
        forms = frozenset(word.split("|"))
        out.append(Trigger(pred, forms, "n", tuple(preps), name=word.split("|")[0], **kw))
    return out


AGREEMENT_NOUNS = frozenset("""
agreement agreements deal deals treaty treaties accord accords pact pacts declaration charter memorandum
ceasefire truce armistice protocol communique communiqué contract contracts partnership
""".split())

# what makes a pact an alliance: its kind, or the name of a security pact (AUKUS, ANZUS)
SECURITY_WORDS = frozenset("security defence defense military strategic mutual-defence aukus anzus".split())

# Light verbs: a nominal trigger after one of these takes the clause subject as its subject.
LIGHT_VERBS = frozenset("""
follow follows followed
found founds founded founding create creates created creating establish establishes established
establishing launch launches launched launching
answer answers answered answering respond responds responded responding retaliate retaliates retaliated
react reacts reacted vow vows vowed vowing promise promises promised promising
arrive arrives arrived arriving travel travels travelled traveled travelling traveling fly flies flew
went go goes came come comes
hand hands handed handing lodge lodges lodged lodging file files filed filing
impose imposes imposed imposing slap slapped slaps announce announced announces announcing voice voiced
voices voicing express expressed expresses expressing raise raised raises raising launch launched
launches launching carry carried conduct conducted conducts conducting hold held holds holding sign
signed signs signing reach reached reaches seal sealed forge forged forged form formed formalise
formalize formalised formalized wage waged waging declare declared declares issue issued issues lodge
lodged file filed level levelled leveled make made makes making approve approved approves unveil
unveiled extend extended extends tighten tightened tightens introduce introduced introduces step stepped
deepen deepened deepens strengthen strengthened strengthens expand expanded expands escalate escalated
began begin begins started start starts stage staged stages ordered orders order authorised authorized
authorise authorize mount mounted mounts pledge pledged pledges provide provided provides providing
offer offered offers offering give gave gives giving lend lent lends send sent sends sending deliver
delivered delivers boost boosted boosts increase increased increases enjoy enjoys enjoyed maintain
maintains maintained have has had keep kept keeps cement cemented cements renew renewed renews
reaffirm reaffirmed reaffirms reiterate reiterated reiterates share shared shares
""".split())

TRIGGERS: list[Trigger] = [
    # --- supplies -----------------------------------------------------------------------------
    *_v("supplies", "supply arm equip|equips|equipped|equipping", ("", "to")),
    *_v("supplies", "send|sends|sent|sending ship|ships|shipped|shipping deliver transfer|transfers|transferred|transferring export smuggle ferry donate "
        "sell|sells|sold|selling give|gives|gave|given|giving hand provide furnish lend|lends|lent|lending "
        "airlift", ("to", "", "for"), needs_goods=True),
    *_v("supplies", "feed|feeds|fed|feeding", ("",), needs_goods=False, confidence=0.6),
    *_v("supplies", "carry|carries|carried|carrying fly|flies|flew|flown|flying", ("to",), needs_goods=True,
        confidence=0.6),
    *_v("supplies", "receive obtain acquire buy|buys|bought|buying purchase import get|gets|got|getting "
        "order procure", ("from",), receive=True),
    *_n("supplies", "supply|supplies shipment|shipments delivery|deliveries transfer|transfers "
        "export|exports sale|sales provision consignment|consignments", ("to", "for")),
    *_n("supplies", "purchase|purchases import|imports acquisition|acquisitions order|orders "
        "procurement", ("from",), receive=True, confidence=0.65),
    # --- aids ---------------------------------------------------------------------------------
    *_n("aids", "aid assistance loan|loans grant|grants funding financing bailout package|packages",
        ("to", "for")),
    *_v("aids", "aid fund finance bankroll subsidise subsidize", ("",)),
    *_v("aids", "allot|allots|allotted|allotting allocate earmark", ("to", "for"), confidence=0.65),
    # --- meetsWith ----------------------------------------------------------------------------
    *_v("meetsWith", "meet|meets|met|meeting", ("", "with")),
    *_v("meetsWith", "visit", ("",)),
    *_v("meetsWith", "host hug|hugs|hugged|hugging embrace greet phone|phones|phoned|phoning "
        "telephone|telephoned", ("",), confidence=0.65),
    *_v("meetsWith", "talk confer|confers|conferred|conferring negotiate sit|sits|sat|sitting "
        "speak|speaks|spoke|spoken|speaking", ("with", "to"),
        confidence=0.65),
    *_n("meetsWith", "talks|negotiations summit|summits visit|visits meeting|meetings call|calls "
        "handshake", ("with", "to", "between")),
    # --- agreesWith ---------------------------------------------------------------------------
    *_v("agreesWith", "sign|signs|signed|signing ink|inks|inked|inking conclude|concluded|concludes",
        ("with", ""), needs=AGREEMENT_NOUNS),
    *_v("agreesWith", "agree|agrees|agreed|agreeing", ("with",)),
    *_v("agreesWith", "normalise normalize", ("with",)),
    *_n("agreesWith", "agreement|agreements deal|deals treaty|treaties accord|accords ceasefire|truce",
        ("with", "between")),
    # --- alliedWith ---------------------------------------------------------------------------
    *_n("alliedWith", "ally|allies", ("",), confidence=0.7),
    *_n("alliedWith", "alliance|alliances partnership|partnerships bloc", ("with", "between")),
    # a pact is an alliance only as a security or defence pact (decision 19)
    *_n("alliedWith", "pact|pacts", ("with", "between"), modifiers=SECURITY_WORDS),
    *_n("alliedWith", "partner|partners", ("",), confidence=0.65),
    # --- supports -----------------------------------------------------------------------------
    *_v("supports", "back support endorse defend|defends|defended|defending praise hail applaud",
        ("",)),
    *_v("supports", "welcome congratulate thank recognise recognize", ("",), confidence=0.6),
    *_v("supports", "stand|stands|stood|standing", ("by",), particle="by", confidence=0.6),
    *_n("supports", "friend|friends", ("of",), confidence=0.6),
    *_n("tensionWith", "anger fury outrage indignation", ("at", "over", "for", "with"), confidence=0.6),
    *_v("sanctions", "cap|caps|capped|capping", ("of", ""), needs=frozenset({"price", "prices"}), confidence=0.65),
    *_n("supports", "support backing endorsement solidarity", ("for", "to", "with")),
    # --- vetoesFor: handled by a dedicated rule in frames.py ----------------------------------
    *_v("vetoesFor", "veto|vetoes|vetoed|vetoing", ("",)),
    *_n("vetoesFor", "veto|vetoes", ("",)),
    # --- cooperatesWith -----------------------------------------------------------------------
    *_n("cooperatesWith", "exercises|drills|patrols|manoeuvres|maneuvers|operation cooperation "
        "co-operation collaboration", ("with", "between")),
    *_v("cooperatesWith", "cooperate co-operate collaborate", ("with",)),
    # --- tradesWith ---------------------------------------------------------------------------
    *_n("tradesWith", "trade commerce", ("with", "between")),
    *_v("tradesWith", "trade|trades|traded|trading", ("with",)),
    # --- concernedBy --------------------------------------------------------------------------
    *_n("concernedBy", "concern|concerns worry|worries alarm unease anxiety disquiet apprehension",
        ("over", "about", "at", "regarding", "with", "on")),
    *_v("concernedBy", "worry|worries|worried", ("about", "over", "by")),
    *_n("concernedBy", "concerned|alarmed|wary|uneasy|anxious|troubled|disturbed", ("about", "over", "by", "of", "at")),
    # --- criticizes ---------------------------------------------------------------------------
    *_v("criticizes", "criticise criticize condemn denounce accuse blame rebuke censure deplore slam|slams|slammed|slamming "
        "lambast castigate chastise reproach decry brand|brands|branded|branding "
        "fault|faults|faulted assail|assails|assailed", ("",)),
    *_n("criticizes", "criticism condemnation denunciation accusation|accusations rebuke protest|protests",
        ("of", "against", "to", "with")),
    *_v("criticizes", "summon", ("",), envoy=True, confidence=0.6),
    # --- threatens ----------------------------------------------------------------------------
    *_v("threatens", "threaten", ("",)),
    *_v("threatens", "warn", ("",), confidence=0.6),
    *_n("threatens", "threat|threats ultimatum", ("to", "against")),
    *_n("threatens", "retaliation|reprisal|reprisals|response", ("against",), confidence=0.6),
    # --- tensionWith --------------------------------------------------------------------------
    *_n("tensionWith", "tension|tensions rift feud dispute|disputes standoff confrontation row spat "
        "rivalry rupture friction", ("with", "between")),
    *_v("tensionWith", "strain|strains|strained|straining sour|soured|sours damage|damaged|damages "
        "sever|severed|severs poison|poisoned|poisons hurt|hurts|hurting", ("",), ties=True),
    *_v("tensionWith", "sever|severed|severs", ("",), ties=True),
    *_v("tensionWith", "cut|cuts|cutting break|breaks|broke|breaking downgrade suspend freeze|froze|frozen",
        ("",), ties=True),
    *_v("tensionWith", "recall expel|expels|expelled|expelling withdraw|withdrew|withdrawn|withdrawing "
        "strip|stripped|strips|stripping",
        ("",), envoy=True),
    *_n("tensionWith", "expulsion|expulsions", ("of",), envoy=True),
    # "declared Mexico's ambassador persona non grata": an expulsion (decision 16)
    *_v("tensionWith", "declare|declares|declared|declaring", ("",), envoy=True, needs=frozenset({"grata"})),
    *_v("sanctions", "shut|shuts|shutting close|closes|closed|closing seal|seals|sealed|sealing", ("",), ties=True,
        confidence=0.65),
    *_v("agreesWith", "restore resume re-establish reestablish mend|mended|mends|mending", ("",), ties=True),
    # --- sanctions ----------------------------------------------------------------------------
    *_v("sanctions", "sanction|sanctions|sanctioned|sanctioning penalise penalize blacklist embargo",
        ("",)),
    *_n("sanctions", "sanctions embargo|embargoes tariff|tariffs ban|bans blockade "
        "freeze|freezes controls duties levies", ("on", "against", "over")),
    # --- attacks ------------------------------------------------------------------------------
    *_v("attacks", "attack strike|strikes|struck|striking bomb shell invade raid "
        "hit|hits|hitting target|targets|targeted|targeting shoot|shoots|shot|shooting "
        "annex assault", ("", "on", "at", "in", "into", "across")),
    *_v("attacks", "launch|launches|launched|launching", ("against", "on", "at", "across", "into"),
        needs_goods=True, confidence=0.65),
    *_v("attacks", "retaliate fire|fires|fired|firing", ("against", "at", "on"), confidence=0.65),
    *_v("atWarWith", "exchange|exchanges|exchanged|exchanging trade|traded|trading", ("with",),
        needs=frozenset({"fire", "gunfire", "shots", "shells", "strikes", "blows"}), confidence=0.65),
    *_v("aids", "deploy|deploys|deployed|deploying station|stationed dispatch|dispatched", ("to", "in"),
        needs=frozenset({"troops", "soldiers", "forces", "peacekeepers", "personnel", "advisers",
                         "advisors", "instructors", "battalion", "battalions", "brigade", "contingent"}),
        confidence=0.65),
    *_v("sanctions", "suspend|suspends|suspended|suspending expel|expels|expelled|expelling", ("",),
        confidence=0.6),
    *_n("attacks", "attack|attacks strike|strikes airstrike|airstrikes bombing|bombings invasion "
        "offensive incursion raid|raids assault|assaults shelling bombardment counter-attack "
        "counteroffensive annexation occupation", ("on", "against", "of", "in", "into")),
    # --- atWarWith ----------------------------------------------------------------------------
    *_n("atWarWith", "war|wars conflict|conflicts fighting clashes hostilities operations", ("in", "with", "against", "between", "on")),
    *_v("atWarWith", "fight|fights|fought|fighting clash|clashed|clashes", ("with", "against")),
]


def trigger_index() -> dict[str, list[Trigger]]:
    """Map each lowercase word form to the triggers it may be."""
    index: dict[str, list[Trigger]] = {}
    for t in TRIGGERS:
        for f in t.forms:
            index.setdefault(f, []).append(t)
    return index
