"""Word lists the extractor uses: how news names agents and phrases relations between states.

Data, not logic. Triggers are grouped by the argument frame they take (see ``frames.py``).
Verb entries list lemma stems; ``verb_forms`` inflects them.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping


@functools.lru_cache(maxsize=None)
def data_file(name: str) -> dict:
    """A TOML file of ``kg/extract/data``, parsed once, then read from kg's disk cache (a start then
    unpickles it in a fraction of the time a parse takes)."""
    from importlib import resources

    from ..cache import cached

    raw = resources.files("kg.extract.data").joinpath(name).read_bytes()

    def parse() -> dict:
        import tomllib

        return tomllib.loads(raw.decode("utf-8"))

    return cached(f"data-{name}", [raw], parse, dict)


def lists_of(doc: Mapping) -> dict[str, frozenset[str]]:
    """The ``[lists]`` table of a data file: each list a set of lowercase words."""
    return {k: frozenset(str(w).lower() for w in v) for k, v in doc.get("lists", {}).items()}


@functools.lru_cache(maxsize=None)
def word_lists(name: str = "words.toml") -> dict[str, frozenset[str]]:
    """The ``[lists]`` of a data file of ``kg/extract/data`` (``words.toml``: the word lists of the window
    rules, mentions and coreference), read once."""
    return lists_of(data_file(name))

# Nouns that turn a demonym or a possessive into an acting government body:
# "Russian forces", "the South Korean intelligence services", "China's foreign ministry".
AGENT_NOUNS = frozenset("""
government governments administration authorities authority officials official forces force troops
soldiers army armies military militaries navy navies coast guard guards warships warship jets fighter
fighters bombers aircraft intelligence spy services agency agencies ministry ministries embassy embassies
ambassador envoy envoys diplomat diplomats delegation delegations leader leaders president presidents
premier minister ministers chancellor king queen emir emirs sultan crown prince prime spokesman
spokeswoman spokesperson spokespeople regime junta juntas parliament lawmakers legislators legislature
side counterpart counterparts media negotiators police state cabinet adviser advisers advisor advisors
aide aides foreign defence defense interior
security national top chief head heads commander commanders general generals admiral navy's
parliamentarians senators diplomacy monarchy monarch vessels vessel ships ship drones missiles artillery
""".split())

# Of those, the ones that end an agent phrase (the head noun); the others may only precede one.
AGENT_HEADS = frozenset("""
government governments administration authorities authority officials official forces force troops
soldiers army armies military militaries navy navies guard guards warships warship jets fighters bombers
aircraft intelligence services agency agencies ministry ministries embassy embassies ambassador envoy
envoys diplomat diplomats delegation delegations leader leaders president presidents premier minister
ministers chancellor king queen emir emirs sultan prince spokesman spokeswoman spokesperson spokespeople
regime junta juntas parliament lawmakers legislators legislature side counterpart counterparts media
negotiators police cabinet commander commanders general generals admiral senators monarch vessels vessel
ships ship adviser advisers advisor advisors aide aides chief diplomat secretary juntas board council
committee court watchdog inspectors presidents heads mediators mediator envoys negotiator
""".split())

# Roles before a person's name: "Defence Minister Shin", "President Lula", "envoy Robert Wood".
ROLE_WORDS = frozenset("""
president vice prime minister premier chancellor foreign defence defense finance trade interior
secretary secretary-general general state leader supreme king queen emir sultan crown prince sheikh
ambassador envoy spokesman spokeswoman spokesperson chief top diplomat adviser advisor security national
commander army navy admiral speaker chairman chairwoman deputy interim acting former incoming outgoing
party communist head of senior official officials counterpart
""".split())

# Titles that may directly precede a name without a state: "President Lula".
TITLES = frozenset("""
President Prime Minister Premier Chancellor King Queen Emir Sultan Crown Prince Sheikh Foreign Defence
Defense Secretary General Secretary-General Ambassador Envoy Speaker Chairman Supreme Leader Vice
Interim Acting Commander Admiral Mr Mrs Ms Dr
""".split())

REPORT_VERBS = frozenset("""
said says say told tells tell stated announced added noted claimed claims reported reports revealed
confirmed insisted argued wrote warned estimated estimates believes believe believed
""".split())

# Descriptions that refer back to one state ("the isolated state") or to a pair ("both nations").
SINGLE_COREF_HEADS = frozenset("""
state country nation kingdom emirate island republic regime monarchy sultanate
""".split())
PAIR_COREF_HEADS = frozenset("""
nations countries sides neighbours neighbors leaders governments allies rivals states powers partners
capitals presidents ministers premiers monarchs militaries armies navies republics kingdoms
adversaries foes enemies heads
""".split())

HEDGES = (
    "reportedly", "allegedly", "apparently", "potentially", "possibly", "probably", "likely",
    "may", "might", "could", "appears", "appear", "appeared", "seems", "seem", "seemed",
    "suspected", "purportedly", "presumably", "estimated", "believed", "rumoured", "rumored",
    "unconfirmed", "suggests", "suggested", "perhaps",
)

NEGATIONS = frozenset("""
not n't never no neither nor without denied denies deny denying rejected rejects refused refuses
declined declines ruled dismissed dismisses
""".split())

# Words that make what follows them in the clause unreal or undone: "urged X to supply",
# "would have penalised", "plans to", "if".
IRREALIS = frozenset("""
urged urges urging asked asks calling called calls demanded demands demanding pressed pressing
plans plan planned planning preparing prepares prepare considering considers consider weighing weighs
weighed mulling mulls proposed proposes propose seeking seeks sought wants wanted want hopes hoped
hope threatened threatens threatening vowed vows pledged pledges promised promises promising
would if unless whether lest should intends intended intend aims aimed aim
""".split())

# Goods that are supplied; the head of an item phrase.
GOODS = frozenset("""
ammunition munitions shells shell rounds artillery missiles missile rockets rocket drones drone uavs
tanks tank howitzers howitzer weapons weapon arms guns rifles jets fighters fighter aircraft planes
helicopters frigates frigate submarines submarine warships ships vessels boats systems system
components parts chips semiconductors technology technologies know-how equipment vehicles
oil crude petroleum gas lng gasoline petrol fuel diesel coal grain wheat food fertiliser fertilizer rice
electricity power uranium materials goods supplies cargo containers weaponry hardware interceptors
launchers radars radar batteries s-400 patriot himars atacms bayraktar tb2 rafale rafales f-16 f-16s
f-35 f-35s leopard abrams k2 k9 brahmos shahed cash seafood products beef pork wine steel aluminium
aluminum timber minerals cars soybeans gold
""".split())

# Troops sent to a state count as aid (annotation guide, decision 4), not supplies.
TROOP_WORDS = frozenset("troops soldiers forces peacekeepers personnel advisers advisors instructors".split())


def verb_forms(stem: str) -> set[str]:
    """Inflections of a regular English verb stem written as ``base|3sg|past|ing`` or a base.

    >>> sorted(verb_forms("supply"))
    ['supplied', 'supplies', 'supply', 'supplying']
    """
    if "|" in stem:
        return set(stem.split("|"))
    base = stem
    forms = {base}
    if base.endswith("y") and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms

# Verbs that label something ("called the decision unjustified") and words of negative judgement:
# together they express criticism of whoever did the labelled thing.
LABEL_VERBS = frozenset("""
declare declares declared declaring find finds found call calls called calling brand brands branded branding describe describes described describing label
labels labelled labeled labelling labeling term terms termed dub dubs dubbed deem deems deemed
""".split())
SAY_VERBS = frozenset("said says say saying told tells stated argued insisted declared complained".split())
NEGATIVE_JUDGEMENTS = frozenset("""
illegal illegitimate unjustified unjustifiable unacceptable outrageous reckless dangerous irresponsible
provocative provocation provocations regrettable absurd baseless groundless blackmail aggression
aggressive violation violations breach breaches hostile destabilising destabilizing unlawful criminal
barbaric shameful deplorable hypocritical hegemonic bullying coercion coercive interference meddling
disgrace disgraceful disappointment unfriendly discriminatory irrational lies propaganda sabotage
piracy terrorism terrorist dictator war-mongering warmongering
undermined undermines undermining damaged damages damaging destabilised destabilized threatens
threatened violated violates provoked escalated endangers endangered betrayal stab backstabbing
treachery duplicity
""".split())

# Surnames written first (Chinese, Korean, Vietnamese names): "Wang Yi" is later "Wang".
SURNAME_FIRST = frozenset("""
Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Ma Hu Guo He Lin Gao Luo Zheng Liang Xie Song Tang
Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao
Kim Lee Park Choi Jung Jeong Kang Cho Yoon Jang Lim Shin Moon Hong Ahn Oh Seo Kwon Hwang Song Ryu Chung
Nguyen Tran Le Pham Hoang Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly
""".split())

# Money and help that make a transfer "aid" rather than "supplies".
AID_NOUNS = frozenset("""
aid loan loans grant grants assistance funding financing credit credits bailout subsidies donation donations
""".split())

# "X's offensive drew condemnation from Y": Y criticizes X.
CAUSE_VERBS = frozenset("""
drew drawn draw draws sparked spark sparks triggered trigger triggers prompted prompt prompts provoked
provoke provokes attracted attract attracts faced face faces met earned earn earns
""".split())

# Places and units an attack hits: "struck military targets", "hit Russian airfields".
TARGET_NOUNS = frozenset("""
targets target sites site positions position bases base forces troops soldiers cities city towns town
villages village facilities facility plants plant infrastructure territory territories ships ship vessels
vessel boat boats aircraft jets drones airfield airfields airport ports port border posts post military army
navy embassy capital regions region areas area units unit convoy convoys camps camp depots depot
installations installation refinery refineries outposts outpost soil waters airspace homes hospital
hospitals factory factories launcher launchers stockpiles warplane warplanes jet bomber bombers helicopter
helicopters
""".split())
