"""Extraction patterns, each tested on sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract import extract, extract_text
from kg.model import Document
from kg.predicates import SYMMETRIC_PREDICATES


def triples(text, gazetteer, *, negated=False, date=None):
    rels = extract_text(text, gazetteer, date=date)
    out = set()
    for r in rels:
        if r.negated != negated:
            continue
        s, p, o = r.key()
        if p in SYMMETRIC_PREDICATES and s > o:
            s, o = o, s
        out.add((s, p, o))
    return out


def sym(a, p, b):
    return (min(a, b), p, max(a, b))


def assert_exactly(found: set, expected: set) -> None:
    """The extractor found ``expected`` and nothing else: a false triple fails as surely as a missed one."""
    assert found == expected, f"missing {sorted(expected - found)}, extra (false) {sorted(found - expected)}"


@pytest.mark.parametrize("text, expected", [
    # active voice, direct object and "with"
    ("Belarus has been supplying Russia with fuel for months.", {("BLR", "supplies", "RUS")}),
    # "to" recipient
    ("Germany delivered two air defence systems to Ukraine last week.", {("DEU", "supplies", "UKR")}),
    # receive-verb: recipient is the subject
    ("Serbia has received six drones from China.", {("CHN", "supplies", "SRB")}),
    # passive with from/to
    ("Thousands of shells were sent from Iran to Russia in 2023.", {("IRN", "supplies", "RUS")}),
    # nominalisation with possessive subject
    ("Tehran's missile deliveries to Moscow worried diplomats.", {("IRN", "supplies", "RUS")}),
    # criticism with possessive object
    ("Canada condemned Venezuela's election as a fraud.", {("CAN", "criticizes", "VEN")}),
    # passive criticism
    ("Hungary was criticised by the European Union over its veto.", {("EU", "criticizes", "HUN")}),
    # sanctions, verb and noun
    ("Britain sanctioned Iran over the drone programme.", {("GBR", "sanctions", "IRN")}),
    ("The European Union imposed new sanctions on Belarus.", {("EU", "sanctions", "BLR")}),
    # attacks
    ("Israeli jets struck targets in Lebanon overnight.", {("ISR", "attacks", "LBN")}),
    ("Russia's invasion of Ukraine began in 2022.", {("RUS", "attacks", "UKR")}),
    # threats
    ("Venezuela threatened Guyana over the disputed region.", {("VEN", "threatens", "GUY")}),
])
def test_directed_patterns(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    ("Vladimir Putin and Xi Jinping met in Beijing on Friday.", {sym("RUS", "meetsWith", "CHN")}),
    ("The Egypt-Sudan alliance has deepened.", {sym("EGY", "alliedWith", "SDN")}),
    ("Trade between Brazil and Argentina fell sharply.", {sym("BRA", "tradesWith", "ARG")}),
    # a defence agreement makes allies (annotation guide, decisions 6 and 19)
    ("Kenya signed a defence agreement with Somalia.", {sym("KEN", "agreesWith", "SOM"), sym("KEN", "alliedWith", "SOM")}),
    ("Tensions between Serbia and Kosovo rose again.", {sym("SRB", "tensionWith", "XKX")}),
    ("Morocco cut diplomatic ties with Iran in 2018.", {sym("MAR", "tensionWith", "IRN")}),
])
def test_symmetric_patterns(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


def test_coordinated_subjects_each_get_the_relation(gazetteer):
    found = triples("Russia and China vetoed a resolution on Myanmar.", gazetteer)
    assert {("RUS", "vetoesFor", "MMR"), ("CHN", "vetoesFor", "MMR")} <= found


def test_negated_relation_is_flagged_not_asserted(gazetteer):
    text = "Brazil did not supply any weapons to Ukraine."
    assert ("BRA", "supplies", "UKR") not in triples(text, gazetteer)
    assert ("BRA", "supplies", "UKR") in triples(text, gazetteer, negated=True)


def test_denied_claim_is_negated(gazetteer):
    text = "Iran denied claims that it had shipped missiles to Russia."
    assert ("IRN", "supplies", "RUS") not in triples(text, gazetteer)


@pytest.mark.parametrize("text", [
    "Washington urged Seoul to supply artillery shells to Ukraine.",
    "If Japan sends tanks to Ukraine, Russia will respond.",
    "Will India buy oil from Russia?",
])
def test_unreal_relations_are_dropped(text, gazetteer):
    assert not any(p == "supplies" for _, p, _ in triples(text, gazetteer))


@pytest.mark.parametrize("text, expected, negated", [
    ("Russia and China vetoed a resolution on Myanmar.", {("RUS", "vetoesFor", "MMR"), ("CHN", "vetoesFor", "MMR")},
     set()),
    ("Brazil did not supply any weapons to Ukraine.", set(), {("BRA", "supplies", "UKR")}),
    ("Iran denied claims that it had shipped missiles to Russia.", set(), {("IRN", "supplies", "RUS")}),
    ("Belarus has been sending fuel to Russia for a year. In return, Belarus is receiving cheap loans. "
     "Both countries held joint exercises in May.",
     {("BLR", "supplies", "RUS"), ("RUS", "supplies", "BLR"), sym("BLR", "cooperatesWith", "RUS")}, set()),
    ("Norway halted arms exports to Israel in 2024.", {("NOR", "sanctions", "ISR")}, set()),
    ("Fighting broke out between Sudan and South Sudan along the border. "
     "Within days each side accused the other of breaking the truce.",
     {sym("SDN", "atWarWith", "SSD"), ("SDN", "criticizes", "SSD"), ("SSD", "criticizes", "SDN")}, set()),
    # the vetoed resolution condemns Myanmar, not China
    ("China vetoed a French-drafted resolution condemning Myanmar.", {("CHN", "vetoesFor", "MMR")}, set()),
    ("France tabled a resolution condemning Myanmar.", {("FRA", "criticizes", "MMR")}, set()),
    ("Britain imposed sanctions on Chinese firms.", set(), set()),
    ("Britain imposed new sanctions on Iran.", {("GBR", "sanctions", "IRN")}, set()),
    ("Belarus, which denies sending troops to Ukraine, signed a defence pact with Russia.",
     {sym("BLR", "agreesWith", "RUS"), sym("BLR", "alliedWith", "RUS")}, {("BLR", "aids", "UKR")}),
    ("Russia banned all imports of Moldovan wine in 2013.", {("RUS", "sanctions", "MDA")}, set()),
    ("Moldova's imports of Russian gas rose last year.", {("RUS", "supplies", "MDA")}, set()),
    ("Oslo called the Russian strikes on Ukraine barbaric.", {("NOR", "criticizes", "RUS"), ("RUS", "attacks", "UKR")},
     set()),
    ("Chad cut ties with Sudan and closed its border with it.",
     {sym("SDN", "tensionWith", "TCD"), ("TCD", "sanctions", "SDN")}, set()),
    ("Russia attacked Ukraine using Iranian drones.", {("IRN", "supplies", "RUS"), ("RUS", "attacks", "UKR")}, set()),
    ("Norway's oil and gas exports to Poland rose.", {("NOR", "supplies", "POL")}, set()),
    ("Officials from Chile met in Paris to discuss trade.", set(), set()),
    ("The Republic of Congo signed a deal with Angola.", {sym("AGO", "agreesWith", "COG")}, set()),
    ("Japan, which condemned the launch, summoned China's envoy.", {("JPN", "criticizes", "CHN")}, set()),
    # constructions added in the third session (issue 11): each sentence written for this test
    ("Ankara said it had struck Syrian army positions overnight.", {("TUR", "attacks", "SYR")}, set()),
    ("Kyiv said it shot down 30 Iranian-made drones overnight.", set(), set()),
    ("Egyptian air defences shot down dozens of Libyan drones.", {("EGY", "attacks", "LBY")}, set()),
    # (the word "aggression" in the welcomer's mouth criticises its doer, as dev2's annotators read it)
    ("Iran welcomed the end of Israel's aggression against Lebanon.",
     {("ISR", "attacks", "LBN"), ("IRN", "criticizes", "ISR")}, set()),
    ("Peru welcomed the end of Chile's shelling of Arica.", set(), set()),
    ("Niger suspended its military cooperation agreement with France.", {sym("NER", "tensionWith", "FRA")}, set()),
    ("Brussels stood ready to impose more sanctions on Minsk.", {("EU", "threatens", "BLR")}, set()),
    ("Tokyo voiced concern over the Chinese buoys near the islands.", {("JPN", "concernedBy", "CHN")}, set()),
    ("Ghanaian and Togolese soldiers exchanged fire at the border.",
     {sym("GHA", "atWarWith", "TGO"), ("GHA", "attacks", "TGO"), ("TGO", "attacks", "GHA")}, set()),
    ("Chile, Peru and Ecuador merged their fisheries patrols into one command.",
     {sym("CHL", "cooperatesWith", "PER"), sym("CHL", "cooperatesWith", "ECU"), sym("ECU", "cooperatesWith", "PER")},
     set()),
    ("Oman and Yemen signed a pact on fishing rights.", {sym("OMN", "agreesWith", "YEM")}, set()),
    ("Kenyan and Ugandan troops held drills under the two countries' defence treaty.",
     {sym("KEN", "cooperatesWith", "UGA"), sym("KEN", "agreesWith", "UGA"), sym("KEN", "alliedWith", "UGA")}, set()),
    ("Tajikistan and Kyrgyzstan signed a truce after days of fighting between the two former Soviet republics.",
     {sym("KGZ", "agreesWith", "TJK"), sym("KGZ", "atWarWith", "TJK")}, set()),
    ("Quito declared Colombia's ambassador persona non grata.", {sym("ECU", "tensionWith", "COL")}, set()),
    ("Hungary said it stood with its Serbian brothers.", {("HUN", "supports", "SRB")}, set()),
    ("Seoul sent Tokyo a warning over the survey ship.", {("KOR", "criticizes", "JPN")}, set()),
    ("Norway's handball team beat Denmark in the championship semi-final at a packed stadium.", set(), set()),
    ("Tokyo extended a $1 billion credit line to Manila.", {("JPN", "aids", "PHL")}, set()),
    ("Nicaragua switched diplomatic recognition from Taipei to Beijing.",
     {sym("CHN", "agreesWith", "NIC"), ("NIC", "supports", "CHN"), sym("NIC", "tensionWith", "TWN")}, set()),
    ("A Ukrainian drone strike killed Russian general Ivan Petrov on Monday.",
     {("UKR", "attacks", "RUS")}, set()),
    ("Yemen accused Saudi jets of bombing a wedding party.",
     {("YEM", "criticizes", "SAU"), ("SAU", "attacks", "YEM")}, set()),
    ("Modi arrived in Dhaka for a two-day visit. Bangladesh's foreign minister hailed the visit as historic.",
     {sym("BGD", "meetsWith", "IND"), ("BGD", "supports", "IND")}, set()),
    ("Israeli jets struck targets in the West Bank, and the West African country of Ghana protested.", set(), set()),
    # decision 25: wars generations ago are background, not relations
    ("Spain and Portugal fought over the border in the 17th century.", set(), set()),
    # undated: history is dated against the gazetteer's present (the latest term start in ontology/states.ttl)
    ("Peru and Ecuador fought a short border war in 1981.", set(), set()),
    ("Peru and Ecuador signed a border treaty in 1998.", {sym("ECU", "agreesWith", "PER")}, set()),
    ("The G20 condemned Russia's barrage of missiles and drones against Ukraine.",
     {("G20", "criticizes", "RUS"), ("RUS", "attacks", "UKR")}, set()),
    # constructions added in the fourth session (issue 11): each sentence written for this test
    ("New tariffs were slapped on Mexican tomatoes by Washington.", {("USA", "sanctions", "MEX")}, set()),
    ("An arms embargo was imposed on Eritrea by the United Nations.", {("UN", "sanctions", "ERI")}, set()),
    ("Cairo blamed Sudan-backed gunmen for the ambush.", set(), set()),
    ("Former Kenyan president Uhuru Kenyatta praised Ethiopia.", set(), set()),
    ("Ex-president Bolsonaro criticised Argentina's tariffs.", set(), set()),
    ("Thai and Cambodian soldiers traded gunfire across the border.",
     {sym("KHM", "atWarWith", "THA"), ("KHM", "attacks", "THA"), ("THA", "attacks", "KHM")}, set()),
    ("Brussels asked Montenegro to follow its lead and impose sanctions on Minsk.", set(), set()),
    ("Mongolia won backing from Japan for the mining venture.", {("JPN", "supports", "MNG")}, set()),
    # a place stands for its state as the target of force only (data/places.tsv)
    ("Russian drones struck a power station in Kharkiv overnight.", {("RUS", "attacks", "UKR")}, set()),
    ("Ukrainian shelling killed two civilians in Belgorod.", {("UKR", "attacks", "RUS")}, set()),
    ("Iran and Egypt held talks in Mosul.", {sym("EGY", "meetsWith", "IRN")}, set()),
    ("Kenya condemned the bombing in Mosul.", set(), set()),
    ("The floods in Jammu killed dozens.", set(), set()),
    ("Ghanaian peacekeepers fought alongside Malian troops near the border.", {sym("GHA", "cooperatesWith", "MLI")},
     set()),
    ("Canberra paused its military aid to Port Moresby.", {("AUS", "sanctions", "PNG")}, set()),
    ("Djibouti hosts French and Japanese troops.", set(), set()),
    ("Seoul lifted its tariffs on Chilean copper.", set(), set()),
    ("Bolivia filed a case against Chile at the world court.", {("BOL", "criticizes", "CHL")}, set()),
    ("The Swedish defence group Saab delivered two radar planes to Thailand.", {("SWE", "supplies", "THA")}, set()),
    ("Britain imposed sanctions on a Chinese drone maker.", set(), set()),
    ("Morocco has agreed to supply Mauritania with fertiliser.",
     {("MAR", "supplies", "MRT"), sym("MAR", "agreesWith", "MRT")}, set()),
    # a deed referred back to without its doer, and a sentence-initial "It"
    ("Pakistan test-fired a cruise missile on Monday. India and Afghanistan condemned the launch.",
     {("IND", "criticizes", "PAK"), ("AFG", "criticizes", "PAK")}, set()),
    ("Venezuela moved troops to the border. Guyana called the deployment a provocation, and Brazil voiced concern "
     "over the move.", {("GUY", "criticizes", "VEN"), ("BRA", "concernedBy", "VEN")}, set()),
    ("Uganda closed its border with Kenya on Friday. It accused Nairobi of harbouring rebels.",
     {("UGA", "sanctions", "KEN"), ("UGA", "criticizes", "KEN")}, set()),
    ("It is unclear whether Russia supplied Iran with jets.", set(), set()),
    ("Tariffs were imposed on Cuban sugar and Cuban coffee by Washington and Ottawa.",
     {("USA", "sanctions", "CUB"), ("CAN", "sanctions", "CUB")}, set()),
    ("Senegal has no intention of signing a defence pact with Gambia.", set(), set()),
    ("Paris blocked an EU statement that would have criticised Rabat over the arrests.", {("FRA", "vetoesFor", "MAR")},
     set()),
    ("The Arab League met in Cairo, and Riyadh later bombed Houthi positions, defending its ally Bahrain.",
     {sym("BHR", "alliedWith", "SAU"), ("SAU", "supports", "BHR")}, set()),
    ("Belgrade opened the bridge despite objections from Pristina.", {("XKX", "criticizes", "SRB")}, set()),
    ("Russia held naval drills near Norway's coast. Its foreign ministry defended the exercises, and Oslo "
     "condemned the drills.", {("NOR", "criticizes", "RUS")}, set()),
    ("Ankara called the flights a warning to Athens.", {("TUR", "threatens", "GRC")}, set()),
    ("Chad and Sudan traded accusations over the border raids.",
     {("TCD", "criticizes", "SDN"), ("SDN", "criticizes", "TCD")}, set()),
    ("Bahrain and Egypt agreed to restore flights in talks in Cairo. The kingdom had cut ties with Egypt in 2017.",
     {sym("BHR", "agreesWith", "EGY"), sym("BHR", "meetsWith", "EGY"), sym("BHR", "tensionWith", "EGY")}, set()),
    ("Guinea signed a defence cooperation agreement with Turkey.", {sym("GIN", "agreesWith", "TUR")}, set()),
    ("Oman's sultan received Jordan's king in Muscat on Sunday.", {sym("JOR", "meetsWith", "OMN")}, set()),
    ("Moscow suspended visa-free travel for Moldovan officials.", {("RUS", "sanctions", "MDA")}, set()),
    ("Ireland and Spain extended formal recognition to Kosovo in May.",
     {("IRL", "supports", "XKX"), ("ESP", "supports", "XKX")}, set()),
    ("Ruto held talks with Modi in Nairobi, and the two governments signed a health accord.",
     {sym("IND", "meetsWith", "KEN"), sym("IND", "agreesWith", "KEN")}, set()),
    ("Rabat suspended its fisheries accord with Tunisia and froze trade with the country.",
     {sym("MAR", "tensionWith", "TUN"), ("MAR", "sanctions", "TUN")}, set()),
    ("Benin and Niger signed a border accord in Paris. Niamey had long accused its neighbour of sheltering "
     "militants, which Benin denies.", {sym("BEN", "agreesWith", "NER"), ("NER", "criticizes", "BEN")}, set()),
    ("Bogota announced the expulsion of Venezuela's ambassador and halted gas purchases from Caracas.",
     {sym("COL", "tensionWith", "VEN"), ("COL", "sanctions", "VEN")}, set()),
    ("Algeria took delivery of the second batch of Russian-built corvettes from Russia in May.",
     {("RUS", "supplies", "DZA")}, set()),
    ("Laos signed a rail deal with China. The move irritated Hanoi.",
     {sym("CHN", "agreesWith", "LAO"), ("VNM", "concernedBy", "LAO")}, set()),
    ("Chile's president said his country would keep backing Ecuador, calling Quito a loyal partner.",
     {("CHL", "supports", "ECU"), sym("CHL", "alliedWith", "ECU")}, set()),
    ("Vietnam signed a contract with South Korea to purchase howitzers.",
     {("KOR", "supplies", "VNM"), sym("KOR", "agreesWith", "VNM")}, set()),
    # what a denied report says is denied, not stated
    ("Chile dismissed a press report that Peru and Bolivia had signed a gas deal.", set(),
     {sym("BOL", "agreesWith", "PER")}),
    # a deed laid on its doer by a participle, even when the parser hangs it on the deed's last noun
    ("The shelling of a school in a Syrian town, blamed by Damascus on Turkish forces, was condemned by Iraq.",
     {("SYR", "criticizes", "TUR"), ("TUR", "attacks", "SYR"), ("IRQ", "criticizes", "TUR")}, set()),
    # a deed noun set beside a clause sums it up: its judge reacts to every doer of the clause
    ("Chile, Peru and Bolivia signed a lithium pact in Lima, a move Argentina criticised as hasty.",
     {sym("BOL", "agreesWith", "CHL"), sym("BOL", "agreesWith", "PER"), sym("CHL", "agreesWith", "PER"),
      ("ARG", "criticizes", "BOL"), ("ARG", "criticizes", "CHL"), ("ARG", "criticizes", "PER")}, set()),
    ("Syrian jets bombed a camp near the border in a raid that Amman condemned.",
     {("SYR", "attacks", "JOR"), ("JOR", "criticizes", "SYR")}, set()),
    # what states agree to do together has not happened yet, however far the infinitive stands
    ("Kenya and Uganda agreed at a meeting in Kampala last week to deepen their border security cooperation.",
     {sym("KEN", "agreesWith", "UGA"), sym("KEN", "meetsWith", "UGA")}, set()),
    # the parties of a pact told by a relative clause ("a pact X signed with Y") are what a feeling is about
    ("Canberra voiced concern about a security pact the Solomon Islands had signed with China.",
     {("AUS", "concernedBy", "SLB"), ("AUS", "concernedBy", "CHN"), sym("CHN", "agreesWith", "SLB"),
      sym("CHN", "alliedWith", "SLB")}, set()),
    # companies stand for their state only as suppliers; sanctions on them are on no state (decisions 3, 21)
    ("Britain sanctioned two Turkish firms for supplying drone engines to Iran.", {("TUR", "supplies", "IRN")}, set()),
    # what a noun of intent or hope is "of" has not happened
    ("Hopes of a summit between Serbia and Kosovo faded, Brussels said.", set(), set()),
    # an allegation or accusation whose clause names the accused
    ("Wellington aired allegations that Moscow had hacked its election commission.", {("NZL", "criticizes", "RUS")},
     set()),
    # money given is aid; goods donated are aid and supplies; money that measures goods sold is a supply (decision 21)
    ("Kuwait donated $30 million to Jordan.", {("KWT", "aids", "JOR")}, set()),
    ("South Korea donated two corvettes to the Philippines.", {("KOR", "aids", "PHL"), ("KOR", "supplies", "PHL")},
     set()),
    ("France sold $2 billion of helicopters to Kazakhstan.", {("FRA", "supplies", "KAZ")}, set()),
    # a weapon or arms maker names its state as the supplier only (decision 21; data/arms_makers.tsv)
    ("Croatia bought 12 used Rafale jets in 2021.", {("FRA", "supplies", "HRV")}, set()),
    ("Greek F-16s intercepted Turkish fighter jets over the Aegean.", {("GRC", "attacks", "TUR")}, set()),
    # a measure aimed by its verb, imposed by a participle's agent; a measure that hits is no force
    ("The tariffs, announced by Washington on Friday, target Mexico's steel exports.", {("USA", "sanctions", "MEX")},
     set()),
    ("Chinese tariffs hit Australian wine.", {("CHN", "sanctions", "AUS")}, set()),
    # a measure on goods from a state is on that state, and the goods are no supply
    ("Ottawa ordered 10% tariffs on all goods from Brazil.", {("CAN", "sanctions", "BRA")}, set()),
    # a measure whose verb is coordinated with another takes that verb's target
    ("Niger and Mali broke off relations with Benin and imposed a border blockade.",
     {sym("BEN", "tensionWith", "NER"), sym("BEN", "tensionWith", "MLI"), ("NER", "sanctions", "BEN"),
      ("MLI", "sanctions", "BEN")}, set()),
    # cooperation as the topic of an agreement or of talks is not cooperation done (decision 19); a delayed signing
    ("Laos and Thailand signed nine cooperation documents in Vientiane.", {sym("LAO", "agreesWith", "THA")}, set()),
    ("Fiji has delayed signing a security agreement with Australia.", set(), set()),
    # a complaint against a state
    ("Cyprus filed a complaint against Turkey with the Security Council.", {("CYP", "criticizes", "TUR")}, set()),
    # a demonym of two states names the one whose place the sentence names
    ("Burundian troops landed in Goma to help Congolese government forces.", {("BDI", "aids", "COD")}, set()),
    # patching up ties, closing a consulate, sharing intelligence
    ("Hanoi and Phnom Penh have patched up relations after a two-year freeze.", {sym("KHM", "agreesWith", "VNM")}, set()),
    ("Lithuania ordered the closure of Belarus's embassy in Vilnius.", {sym("BLR", "tensionWith", "LTU")}, set()),
    ("Greek and Cypriot coast guards have begun sharing intelligence on smuggling routes.",
     {sym("CYP", "cooperatesWith", "GRC")}, set()),
    # closing an airspace or ports to a state's craft, freezing budget support, answering with a boycott: sanctions
    ("Bahrain closed its ports to Qatari vessels in June.", {("BHR", "sanctions", "QAT")}, set()),
    ("Sweden suspended budget support to Mali.", {("SWE", "sanctions", "MLI")}, set()),
    ("Moscow answered with a ban on Moldovan wine.", {("RUS", "sanctions", "MDA")}, set()),
    # troops that came to help a state's own named body aid that state
    ("Nigerian soldiers landed in Banjul to help Gambia's army secure the capital.", {("NGA", "aids", "GMB")}, set()),
])
def test_exact_triples(text, expected, negated, gazetteer):
    """The whole output for the sentences of the tests below that check one triple each: the triple
    they look for, and no false one beside it (negated ones included)."""
    assert_exactly(triples(text, gazetteer), expected)
    assert_exactly(triples(text, gazetteer, negated=True), negated)


def test_hedging_attribution_time_quantity_item(gazetteer):
    text = ("According to Japanese officials, North Korea has reportedly shipped about 3,000 containers "
            "of artillery shells to Russia since March 2023.")
    (rel,) = [r for r in extract_text(text, gazetteer) if r.predicate == "supplies"]
    assert (rel.subject, rel.object) == ("PRK", "RUS")
    assert rel.hedged is True
    assert rel.attributed_to == "JPN"
    assert rel.time == "since March 2023" and rel.time_value == "2023-03"
    assert "3,000 containers" in rel.quantity
    assert rel.item and "shells" in rel.item
    assert text[rel.start:rel.end] == rel.sentence


def test_relative_time_resolves_against_document_date(gazetteer):
    rels = extract_text("Chile and Peru signed a trade deal this March.", gazetteer, date="2025-06-10")
    (rel,) = [r for r in rels if r.predicate == "agreesWith"]
    assert rel.time_value == "2025-03"


def test_coreference_and_implicit_partner(gazetteer):
    text = ("Belarus has been sending fuel to Russia for a year. In return, Belarus is receiving cheap loans. "
            "Both countries held joint exercises in May.")
    found = triples(text, gazetteer)
    assert ("BLR", "supplies", "RUS") in found
    assert ("RUS", "supplies", "BLR") in found
    assert sym("BLR", "cooperatesWith", "RUS") in found


def test_description_refers_to_salient_state(gazetteer):
    text = ("Eritrea has few friends. Eritrea rejected the plan. "
            "Ethiopia criticised the isolated state on Monday.")
    assert ("ETH", "criticizes", "ERI") in triples(text, gazetteer)


def test_offsets_point_into_the_document(gazetteer):
    text = "Intro line.\n\nFrance and Greece signed a defence pact. Spain backed Portugal."
    doc = Document(id="d1", text=text)
    rels = extract(doc, gazetteer)
    assert rels
    for r in rels:
        assert text[r.start:r.end] == r.sentence
        assert r.doc == "d1"


def test_deterministic(gazetteer):
    text = "Spain backed Portugal. Chile and Peru signed a trade deal. Iran shipped drones to Russia."
    assert extract_text(text, gazetteer) == extract_text(text, gazetteer)


def test_no_relation_without_two_actors(gazetteer):
    assert triples("The minister condemned the attack on the embassy.", gazetteer) == set()
    assert triples("Prices of oil rose after the storm.", gazetteer) == set()


def test_locations_are_not_actors(gazetteer):
    found = triples("Officials from Chile met in Paris to discuss trade.", gazetteer)
    assert not any("FRA" in (s, o) for s, _, o in found)


@pytest.mark.parametrize("text, expected", [
    # judgement: labelling something an actor did
    ("Cairo called Ethiopia's dam project reckless.", {("EGY", "criticizes", "ETH")}),
    ("Serbia's military drills drew condemnation from Croatia.", {("HRV", "criticizes", "SRB")}),
    # a relative clause between the subject and its verb
    ("Chile, which has long regarded Peru as a rival, sent grain to Bolivia.",
     {("CHL", "supplies", "BOL"), sym("CHL", "tensionWith", "PER")}),  # (a rival: as "rivalry", tensionWith)
    # "regards X as an ally"
    ("Hungary, which regards Serbia as a close ally, opposed the plan.", {sym("HUN", "alliedWith", "SRB")}),
    # the subject after a participle phrase
    ("Meeting the Kenyan president in Nairobi on Monday, the Ethiopian prime minister praised the road link.",
     {sym("ETH", "meetsWith", "KEN")}),
    # signing a partnership treaty: agreement and alliance
    ("Armenia and France signed a strategic partnership agreement.",
     {sym("ARM", "agreesWith", "FRA"), sym("ARM", "alliedWith", "FRA")}),
    # money is aid, each recipient of a list
    ("Japan provided $2 billion to Moldova, $1 billion to Georgia and $500 million to Armenia in loans.",
     {("JPN", "aids", "MDA"), ("JPN", "aids", "GEO"), ("JPN", "aids", "ARM")}),
    # a threat aimed at whoever acted against the subject
    ("Washington imposed tariffs on Brazilian steel, and Brasilia threatened retaliatory measures.",
     {("USA", "sanctions", "BRA"), ("BRA", "threatens", "USA")}),
    # joint action
    # strikes on a state's soil attack it (decision 15)
    ("British and Dutch forces jointly struck rebel positions in Yemen.",
     {sym("GBR", "cooperatesWith", "NLD"), ("GBR", "attacks", "YEM"), ("NLD", "attacks", "YEM")}),
    # thanking a state for its support
    ("Kenya thanked Japan for its support.", {("JPN", "supports", "KEN"), ("KEN", "supports", "JPN")}),
    # a pronoun for the leader just named
    ("During Lula's visit to Beijing, he and Xi Jinping signed a trade deal.",
     {sym("BRA", "agreesWith", "CHN"), sym("BRA", "meetsWith", "CHN")}),  # a visit is a meeting (decision 20)
    # "its" refers to the nearest actor, not to a modifier
    # worry about a dispute with a state is concern about it (as about a pact, decision 9)
    ("Greece voiced concern over its dispute with Turkey.",
     {sym("GRC", "tensionWith", "TUR"), ("GRC", "concernedBy", "TUR")}),
])
def test_more_ways_of_saying(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


def test_halting_a_flow_is_a_sanction(gazetteer):
    found = triples("Norway halted arms exports to Israel in 2024.", gazetteer)
    assert ("NOR", "sanctions", "ISR") in found
    assert ("NOR", "supplies", "ISR") not in found


def test_reciprocal_accusations(gazetteer):
    text = ("Fighting broke out between Sudan and South Sudan along the border. "
            "Within days each side accused the other of breaking the truce.")
    found = triples(text, gazetteer)
    assert {("SDN", "criticizes", "SSD"), ("SSD", "criticizes", "SDN")} <= found


def test_drafters_are_not_shielded(gazetteer):
    found = triples("China vetoed a French-drafted resolution condemning Myanmar.", gazetteer)
    assert ("CHN", "vetoesFor", "MMR") in found
    assert ("CHN", "vetoesFor", "FRA") not in found


@pytest.mark.parametrize("text, expected, absent", [
    ("Nigeria and Ghana signed an agreement on energy cooperation in Abuja.",
     {sym("NGA", "agreesWith", "GHA")}, {sym("NGA", "cooperatesWith", "GHA")}),
    ("Kenyan troops were deployed to Somalia last year.", {("KEN", "aids", "SOM")}, set()),
    ("Washington slapped tariffs on Canadian steel, prompting Ottawa to retaliate with duties on American goods.",
     {("USA", "sanctions", "CAN"), ("CAN", "sanctions", "USA")}, {("CAN", "attacks", "USA")}),
    ("Saudi Arabia and Israel were close to normalising relations.", set(), {sym("SAU", "agreesWith", "ISR")}),
    # an exchange of fire states fire in each direction (decision 14)
    ("Pakistan and Afghanistan exchanged fire across the border.",
     {sym("PAK", "atWarWith", "AFG"), ("PAK", "attacks", "AFG"), ("AFG", "attacks", "PAK")}, set()),
    ("Venezuela and Guyana remain locked in a dispute over the region.", {sym("VEN", "tensionWith", "GUY")}, set()),
    ("The African Union suspended Niger after the coup.", {("AU", "sanctions", "NER")}, set()),
    ("Hungary blocked an EU aid package for Ukraine.", set(), {("HUN", "sanctions", "UKR"), ("EU", "aids", "UKR")}),
    ("China imposed export controls on gallium, hitting American chipmakers.", set(), {("CHN", "attacks", "USA")}),
    ("Russia's ambassador was summoned by the German foreign ministry.", {("DEU", "criticizes", "RUS")}, set()),
    ("Israel struck Iranian targets in Syria.", {("ISR", "attacks", "IRN")}, set()),
])
def test_unseen_probe_sentences(text, expected, absent, gazetteer):
    found = triples(text, gazetteer)
    assert_exactly(found, expected)
    assert not (absent & found)


def test_regions_are_not_states(gazetteer):
    found = triples("Brazil signed a trade deal with South America's largest bloc.", gazetteer)
    assert not any("USA" in (s, o) for s, _, o in found)


def test_sanctions_on_companies_are_not_between_states(gazetteer):
    assert ("GBR", "sanctions", "CHN") not in triples("Britain imposed sanctions on Chinese firms.", gazetteer)
    assert ("GBR", "sanctions", "IRN") in triples("Britain imposed new sanctions on Iran.", gazetteer)


def test_a_denial_in_a_relative_clause_does_not_negate_the_main_clause(gazetteer):
    text = "Belarus, which denies sending troops to Ukraine, signed a defence pact with Russia."
    assert sym("BLR", "agreesWith", "RUS") in triples(text, gazetteer)


@pytest.mark.parametrize("text, expected", [
    ("Canada sanctioned Belarus in March, and the EU followed with asset freezes.",
     {("CAN", "sanctions", "BLR"), ("EU", "sanctions", "BLR")}),
    ("Speaking after talks with Olaf Scholz, Lula praised the trade deal.", {sym("BRA", "meetsWith", "DEU")}),
    ("During a visit to Madrid, where he met Pedro Sanchez, Lula praised the trade deal.",
     {sym("BRA", "meetsWith", "ESP")}),
    ("Chile and Peru met at a summit in Lima.", {sym("CHL", "meetsWith", "PER")}),
])
def test_elided_and_side_phrase_relations(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


# --- pattern families added for recall: each with near misses that must not fire ----------------

@pytest.mark.parametrize("text, expected, absent", [
    # combining forms open a hyphenated pair: "Sino-Indian", "Franco-Italian"
    ("The Sino-Indian rivalry has intensified along the border.", {sym("CHN", "tensionWith", "IND")}, set()),
    ("Franco-Italian talks resumed in Rome.", {sym("FRA", "meetsWith", "ITA")}, set()),
    ("The Indo-Pacific region drew new investment from Japan.", set(),
     {sym("IND", "tradesWith", "JPN"), ("IND", "supplies", "JPN")}),
])
def test_combining_form_pairs(text, expected, absent, gazetteer):
    found = triples(text, gazetteer)
    assert_exactly(found, expected)
    assert not (absent & found)


def test_combining_form_needs_a_following_actor(gazetteer):
    assert not any("IND" in (s, o) for s, _, o in triples("Indo-European languages spread west into Spain.",
                                                          gazetteer))
    assert not any("GBR" in (s, o) for s, _, o in triples("Anglo-Saxon law shaped courts in Ghana.", gazetteer))


@pytest.mark.parametrize("text, expected", [
    ("Khamenei denounced Washington's sanctions.", {("IRN", "criticizes", "USA")}),
    ("Pope Leo met Zelensky at the Vatican.", {sym("UKR", "meetsWith", "VAT")}),
    ("Congo accused Rwanda of backing the rebels.", {("COD", "criticizes", "RWA")}),
    ("The Republic of Congo signed a deal with Angola.", {sym("AGO", "agreesWith", "COG")}),
])
def test_gazetteer_names(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


def test_republic_of_congo_is_not_bare_congo(gazetteer):
    found = triples("The Republic of Congo signed a deal with Angola.", gazetteer)
    assert not any("COD" in (s, o) for s, _, o in found)


@pytest.mark.parametrize("text, expected", [
    # a vowed or threatened response is a threat towards whoever attacked or criticised the speaker
    ("Israeli jets struck Syria, and Damascus vowed swift retaliation.",
     {("SYR", "threatens", "ISR"), ("ISR", "attacks", "SYR")}),
    # (the strikes a state responds to were on it, as the dev gold reads "a response to attacks by X")
    ("Tehran promised a crushing response to the strikes by Israel.",
     {("IRN", "threatens", "ISR"), ("ISR", "attacks", "IRN")}),
    ("Venezuela condemned Guyana and threatened to retaliate.",
     {("VEN", "threatens", "GUY"), ("VEN", "criticizes", "GUY")}),
])
def test_vowed_response_is_a_threat(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text", [
    "Chile vowed a swift response to the wildfires in Argentina.",
    "Peru promised retaliation, officials in Bolivia said.",
    "Ghana pledged a response to the floods that hit Togo.",
    "A massive earthquake hit Turkey and Syria, and Greece sent rescuers.",
])
def test_vowed_response_without_an_adversary_is_not_a_threat(text, gazetteer):
    assert_exactly(triples(text, gazetteer), set())


@pytest.mark.parametrize("text, expected, absent", [
    # a state using foreign-made weapons was supplied by their makers
    ("Sudan's army relies on Iranian drones and Chinese rockets.",
     {("IRN", "supplies", "SDN"), ("CHN", "supplies", "SDN")}, set()),
    ("Armenia operated Russian-made howitzers during the war.", {("RUS", "supplies", "ARM")}, set()),
    # captured equipment was not supplied
    ("Ukraine used captured Russian tanks in the offensive.", set(), {("RUS", "supplies", "UKR")}),
    ("Finland used Swedish airspace for the exercise.", set(), {("SWE", "supplies", "FIN")}),
])
def test_use_of_foreign_weapons(text, expected, absent, gazetteer):
    found = triples(text, gazetteer)
    assert_exactly(found, expected)
    assert not (absent & found)


@pytest.mark.parametrize("text, expected, absent", [
    # condemning an attack event is criticism of its agent, named by "by" or elsewhere in the sentence
    ("Egypt denounced the invasion of Lebanon by Israel.", {("EGY", "criticizes", "ISR"), ("ISR", "attacks", "LBN")},
     {("EGY", "criticizes", "LBN")}),
    ("After the Israeli strikes, Jordan condemned the bombing of Syria's airports.",
     {("JOR", "criticizes", "ISR"), ("ISR", "attacks", "SYR")}, {("JOR", "criticizes", "SYR")}),
    # no agent given: no target, and never the victim
    ("Jordan condemned the bombing of Syria's airports.", set(),
     {("JOR", "criticizes", "SYR")}),
])
def test_stance_toward_attack_events(text, expected, absent, gazetteer):
    found = triples(text, gazetteer)
    assert_exactly(found, expected)
    assert not (absent & found)


def test_halting_imports_of_foreign_goods_is_a_sanction(gazetteer):
    assert ("RUS", "sanctions", "MDA") in triples("Russia banned all imports of Moldovan wine in 2013.", gazetteer)
    found = triples("Moldova's imports of Russian gas rose last year.", gazetteer)
    assert ("RUS", "supplies", "MDA") in found
    assert ("RUS", "sanctions", "MDA") not in found


@pytest.mark.parametrize("text, expected, absent", [
    # expelling diplomats strains ties, in verb or noun form; it is a sanction only from an organisation
    ("Ottawa expelled a senior Peruvian diplomat last week.", {sym("CAN", "tensionWith", "PER")}, set()),
    ("Peruvian diplomats were expelled by Chile.", {sym("CHL", "tensionWith", "PER")},
     {("CHL", "sanctions", "PER")}),
    ("Lima denounced the Chilean expulsion of its consul.",
     {sym("CHL", "tensionWith", "PER"), ("PER", "criticizes", "CHL")}, set()),
    ("Estonia's expulsion of Russian diplomats angered Moscow.", {sym("EST", "tensionWith", "RUS")}, set()),
    # expelling migrants or expelling a state from a bloc is not about envoys
    ("The expulsion of migrants by Hungary drew little notice in Serbia.", set(),
     {sym("HUN", "tensionWith", "SRB")}),
    ("Hungary expelled the migrants to Serbia.", set(), {sym("HUN", "tensionWith", "SRB")}),
])
def test_expelling_envoys(text, expected, absent, gazetteer):
    found = triples(text, gazetteer)
    assert_exactly(found, expected)
    assert not (absent & found)


def test_called_labels_unless_it_asks(gazetteer):
    found = triples("Oslo called the Russian strikes on Ukraine barbaric.", gazetteer)
    assert {("NOR", "criticizes", "RUS"), ("RUS", "attacks", "UKR")} <= found
    assert ("UKR", "sanctions", "RUS") not in triples("Ukraine called for sanctions on Russia.", gazetteer)
    assert ("DEU", "supplies", "UKR") not in triples("Kyiv called on Berlin to send tanks to Ukraine.", gazetteer)


def test_pronoun_partner_of_a_coordinated_ties_phrase(gazetteer):
    found = triples("Chad cut ties with Sudan and closed its border with it.", gazetteer)
    assert {sym("SDN", "tensionWith", "TCD"), ("TCD", "sanctions", "SDN")} <= found
    # no earlier partner in the sentence: "it" stays unresolved
    assert not any(p == "sanctions" for _, p, _ in triples("Chad closed its border with it.", gazetteer))


def test_participle_user_of_foreign_weapons_is_the_main_subject(gazetteer):
    found = triples("Russia attacked Ukraine using Iranian drones.", gazetteer)
    assert ("IRN", "supplies", "RUS") in found
    assert ("IRN", "supplies", "UKR") not in found


def test_event_stance_needs_a_nominal_agent(gazetteer):
    # "strikes" as a verb of another clause does not name the agent of the condemned attack
    found = triples("Jordan condemned the attack on Syria, as Israel strikes Lebanon daily.", gazetteer)
    assert ("JOR", "criticizes", "ISR") not in found
    found = triples("After Israel's strikes, Qatar condemned the bombing of Iran's nuclear sites.", gazetteer)
    assert ("QAT", "criticizes", "ISR") in found


def test_coordinated_goods_keep_the_possessor(gazetteer):
    assert ("NOR", "supplies", "POL") in triples("Norway's oil and gas exports to Poland rose.", gazetteer)
    # a state between the goods breaks the noun phrase
    assert ("NOR", "supplies", "POL") not in triples("Norway's oil and Danish gas exports to Poland rose.", gazetteer)


def test_veto_of_a_renewal_shields_the_sanctioned_state_despite_drafters(gazetteer):
    text = ("After the Security Council imposed travel bans over Haiti, China vetoed a US-British draft in May "
            "that would have renewed the regime for a year, while Russia abstained.")
    found = triples(text, gazetteer)
    assert ("CHN", "vetoesFor", "HTI") in found
    assert not any(p == "vetoesFor" and o in ("USA", "GBR", "RUS") for _, p, o in found)


@pytest.mark.parametrize("text, expected", [
    ("Kyiv said it shot down 30 Iranian-made drones overnight.", set()),
    # shooting down a state's aircraft, drones or missiles is an attack on it (annotation guide, decision 4)
    ("Poland shot down Russian cruise missiles over its territory.", {("POL", "attacks", "RUS")}),
    # places, factories and aircraft of a state are what an attack on it hits
    ("Israel struck Iranian drone factories near Isfahan.", {("ISR", "attacks", "IRN")}),
    ("Turkey shot down a Russian warplane near the border.", {("TUR", "attacks", "RUS")}),
])
def test_shot_down_weapons_are_not_an_attack_on_their_maker(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


def test_the_two_countries_are_the_coordinated_pair(gazetteer):
    got = triples("The presidents of Kenya and Ethiopia met Emmanuel Macron in Paris, hoping to ease tensions "
                  "between the two countries.", gazetteer)
    assert ("ETH", "tensionWith", "KEN") in got
    assert not {t for t in got if t[1] == "tensionWith" and "FRA" in t}
    # a list of three is not a pair: the last two named are
    listed = triples("Chile, Peru and Bolivia criticised Brazil, and tensions between the two countries grew.",
                     gazetteer)
    assert ("BOL", "tensionWith", "PER") not in listed


def test_a_text_that_condemns_is_not_its_vetoer_condemning(gazetteer):
    assert triples("Beijing vetoed a resolution that condemned Myanmar.", gazetteer) == {("CHN", "vetoesFor", "MMR")}
    assert triples("China vetoed a resolution drafted by Britain that condemned Myanmar.", gazetteer) == {
        ("CHN", "vetoesFor", "MMR")}
    # a relative clause about a state still has that state as its subject
    assert ("JPN", "criticizes", "CHN") in triples("Japan, which condemned the launch, summoned China's envoy.",
                                                   gazetteer)


def test_the_drafter_after_by_is_not_the_shielded_state(gazetteer):
    assert triples("France vetoed a text on Mali drafted by Russia.", gazetteer) == {("FRA", "vetoesFor", "MLI")}


def test_people_from_a_state_act_for_it(gazetteer):
    assert triples("Envoys from Serbia and Kosovo met the German chancellor in Berlin.", gazetteer) == {
        ("DEU", "meetsWith", "SRB"), ("DEU", "meetsWith", "XKX")}
    assert triples("Diplomats from Peru criticised Chile.", gazetteer) == {("PER", "criticizes", "CHL")}
    # goods from a state do not act
    assert triples("Imports from China rose while Vietnam raised tariffs.", gazetteer) == set()
