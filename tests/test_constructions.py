"""Sentence constructions added in the seventh extraction session, each on sentences written for these tests.

Every case lists what must be found and what must not: a construction that fires too widely fails here as
surely as one that does not fire."""

from __future__ import annotations

import pytest

from test_extract import assert_exactly, sym, triples  # noqa: F401


@pytest.mark.parametrize("text, expected", [
    # labelling a deed with a word of judgement criticises its doer, named before or as its owner
    ("Ottawa called Beijing's detentions arbitrary and cynical.", {("CAN", "criticizes", "CHN")}),
    ("Moscow blocked the text on Monday; Britain's envoy called the veto nasty and cynical.",
     {("GBR", "criticizes", "RUS")}),
    # a speaker named earlier is not the doer: the owner of the deed is
    ("The African Union denounces the Sudanese army's shelling, the bloc's chair Angola said, while Kenya "
     "called the killings a crime.", {("KEN", "criticizes", "SDN"), ("AU", "criticizes", "SDN")}),
])
def test_labelled_deeds(text, expected, gazetteer):
    found = triples(text, gazetteer)
    assert expected <= found, f"missing {sorted(expected - found)}"
    assert ("KEN", "criticizes", "AGO") not in found and ("KEN", "criticizes", "AU") not in found


@pytest.mark.parametrize("text, expected", [
    # concern over a side of a thing ("the impact of", "the scale of") is concern over the thing's owner
    ("Thailand voiced concern over the impact of Laos's new dams.", {("THA", "concernedBy", "LAO")}),
    ("Manila expressed alarm at the scale of Beijing's reclamation.", {("PHL", "concernedBy", "CHN")}),
    ("Thailand voiced concern over the impact of the floods.", set()),
])
def test_concern_over_an_aspect(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # firm measures a state vows to take, or keeps the right to take, threaten its adversary
    ("Athens vowed to take all necessary measures against Ankara.", {("GRC", "threatens", "TUR")}),
    ("Cairo reserved the right to take countermeasures against Addis Ababa.", {("EGY", "threatens", "ETH")}),
    ("Sudan complained to the Security Council about Chad's border closure, reserving the right to take all "
     "appropriate measures.", {("SDN", "threatens", "TCD"), ("SDN", "criticizes", "TCD")}),
    # measures that are not firm, or not vowed, are no threat
    ("Tokyo pledged to take steps to protect its trade with Seoul.", set()),
    ("Ankara reserved the right to decide its own energy policy with Baku.", set()),
])
def test_vowed_measures(text, expected, gazetteer):
    found = triples(text, gazetteer)
    assert {t for t in found if t[1] == "threatens"} == {t for t in expected if t[1] == "threatens"}
    assert expected <= found


@pytest.mark.parametrize("text, expected", [
    # goods of a state's make, bought or ordered by another (a passive verb of receiving)
    ("The Chinese-built frigates ordered by Pakistan reached Karachi in May.", {("CHN", "supplies", "PAK")}),
    ("The Turkish drones were purchased by Kenya last year.", {("TUR", "supplies", "KEN")}),
    # troops ordered out, a delegation received: no goods change hands
    ("Mali ordered French troops to leave the country.", set()),
    ("The Chinese delegation was received by Kenya's president.", set()),
])
def test_goods_received_in_the_passive(text, expected, gazetteer):
    found = triples(text, gazetteer)
    assert {t for t in found if t[1] == "supplies"} == expected


@pytest.mark.parametrize("text, expected", [
    # "each ... the other" stands for the pair the sentence's main clause names
    ("Ethiopia and Eritrea agreed to a truce after a week of clashes, for which each blamed the other.",
     {("ETH", "criticizes", "ERI"), ("ERI", "criticizes", "ETH")}),
    # a hostile deed "by" a state, blamed or condemned, criticises the state
    ("Baku blamed provocations by Armenian troops.", {("AZE", "criticizes", "ARM")}),
])
def test_blame(text, expected, gazetteer):
    found = triples(text, gazetteer)
    assert expected <= found, f"missing {sorted(expected - found)}"
    assert {t for t in found if t[1] == "criticizes"} == expected


@pytest.mark.parametrize("text, expected", [
    # talks held in another state's capital, by one named state: the host took part
    ("Brazil's foreign minister held talks in Buenos Aires on Monday.", {sym("BRA", "meetsWith", "ARG")}),
    ("Japan's envoy raised concerns about the arrests of Japanese nationals during talks in Beijing.",
     {sym("JPN", "meetsWith", "CHN")}),
    # two named parties in a third state's city, or a bloc in a member's capital: the venue only (decision 20)
    ("Iranian and Saudi officials held talks in Baghdad.", {sym("IRN", "meetsWith", "SAU")}),
    ("ASEAN foreign ministers held talks in Jakarta on the crisis.", set()),
])
def test_talks_in_a_capital(text, expected, gazetteer):
    found = triples(text, gazetteer)
    assert {t for t in found if t[1] == "meetsWith"} == expected


@pytest.mark.parametrize("text, expected", [
    # a participle on a note names its writer, not the state the note went to
    ("Hanoi sent Beijing a protest note condemning the drills.", {("VNM", "criticizes", "CHN")}),
    # a pact for one task is an agreement, not an alliance (decision 19)
    ("Seoul and Tokyo signed a military intelligence-sharing pact.", {sym("KOR", "agreesWith", "JPN")}),
    ("Seoul and Tokyo signed a military pact.", {sym("KOR", "agreesWith", "JPN"), sym("KOR", "alliedWith", "JPN")}),
    # cooperation as the topic of an accord, even where the parser hangs the topic on the verb (decision 19)
    ("Chile and Peru signed their first accord, on political dialogue and cooperation, in Lima.",
     {sym("CHL", "agreesWith", "PER")}),
    # sanctions a state stands ready to impose if another acts are a threat; the condition judges no one
    ("Biden said Washington stood ready to impose further sanctions if Moscow escalated the crisis.",
     {("USA", "threatens", "RUS")}),
    ("The EU said it would impose sanctions on Belarus if Minsk continued the crackdown.",
     {("EU", "threatens", "BLR")}),
])
def test_readings_the_parse_corrects(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # calling a state a friend, one of one's closest friends or a brother nation supports it (decision 23)
    ("Canberra called Jakarta one of its closest friends.", {("AUS", "supports", "IDN")}),
    ("Port Moresby described Fiji as a brother nation.", {("PNG", "supports", "FJI")}),
    ("Port Moresby described Fiji as a small nation.", set()),
    # goods given free are aid as well as a supply (decision 21)
    ("Russia shipped free fertiliser to Malawi.", {("RUS", "supplies", "MWI"), ("RUS", "aids", "MWI")}),
    ("Russia shipped fertiliser to Malawi.", {("RUS", "supplies", "MWI")}),
    # a state under another's embargo is sanctioned by it
    ("Havana has been under a US trade embargo since 1962.", {("USA", "sanctions", "CUB")}),
])
def test_labels_gifts_and_embargoes(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # states a defence treaty binds are allies, however old the treaty (a year naming a pact is no history)
    ("Japan, bound to the United States by a 1960 security treaty, said it would raise its defence budget.",
     {sym("JPN", "alliedWith", "USA")}),
    ("Manila is tied to Washington by a mutual defence treaty.", {sym("PHL", "alliedWith", "USA")}),
    ("Manila is tied to Washington by a trade agreement.", set()),
    # a state's deed "of grave concern", in a speaker's words
    ("Tokyo said Beijing's rapid military build-up was of grave concern.", {("JPN", "concernedBy", "CHN")}),
    ("Tokyo said the weather was of grave concern.", set()),
])
def test_bound_by_treaty_and_of_concern(text, expected, gazetteer):
    found = triples(text, gazetteer)
    assert {t for t in found if t[1] in ("alliedWith", "concernedBy")} == expected


@pytest.mark.parametrize("text, expected", [
    # what a relative clause says several states held
    ("Beijing condemned the naval drill that Manila, Tokyo and Canberra held last week.",
     {sym("PHL", "cooperatesWith", "JPN"), sym("PHL", "cooperatesWith", "AUS"), sym("JPN", "cooperatesWith", "AUS"),
      ("CHN", "criticizes", "PHL"), ("CHN", "criticizes", "JPN"), ("CHN", "criticizes", "AUS")}),
    # goods given under a grant, or as a gift, are aid too
    ("Japan handed over two patrol boats to Fiji under a grant aid programme.",
     {("JPN", "supplies", "FJI"), ("JPN", "aids", "FJI")}),
    ("Japan handed over two patrol boats to Fiji under a contract signed in 2019.", {("JPN", "supplies", "FJI")}),
    # a closure coordinated with a rupture shares its target; with any other act it does not
    ("Kenya suspended the accord with Somalia and closed the border crossing.",
     {("KEN", "tensionWith", "SOM"), ("KEN", "sanctions", "SOM")}),
    ("Kenya hosted Somalia's minister and closed the border crossing for the holiday.",
     {sym("KEN", "meetsWith", "SOM")}),
    # a chill in relations between two states, or in the relations of a clause's pair
    ("The chill in relations between Ottawa and New Delhi lasted a year.", {sym("CAN", "tensionWith", "IND")}),
    ("Norway and Russia renewed their fisheries deal despite the chill in relations.",
     {sym("NOR", "agreesWith", "RUS"), sym("NOR", "tensionWith", "RUS")}),
])
def test_shared_parties(text, expected, gazetteer):
    found = triples(text, gazetteer)
    assert_exactly({t for t in found if t[1] != "supports"}, expected)


@pytest.mark.parametrize("text, expected", [
    # rejecting something "as" a judgement criticises its doer; rejecting a claim as baseless disputes it
    ("Oslo rejected as unacceptable renewed remarks by senior Russian officials.", {("NOR", "criticizes", "RUS")}),
    ("Oslo rejected the remarks by Russian officials as unacceptable.", {("NOR", "criticizes", "RUS")}),
    ("Tehran rejected as baseless any claim that it had sent drones to Russia.", set()),
    # "by" and a gerund: the state belongs to the gerund, not to the judged thing
    ("The US envoy said Moscow was hiding its violations by purchasing North Korean arms.",
     {("USA", "criticizes", "RUS")}),
])
def test_rejected_as(text, expected, gazetteer):
    found = triples(text, gazetteer)
    assert {t for t in found if t[1] == "criticizes"} == expected


@pytest.mark.parametrize("text, expected, absent", [
    # a state's munitions on their way to another state, or over its regions, attack it (decision 4)
    ("Saudi jets shot down several Iranian drones flying towards Israel.", {("IRN", "attacks", "ISR")}, set()),
    ("Russian air defences downed 12 Ukrainian drones over the Kursk region.", {("UKR", "attacks", "RUS")}, set()),
    # launched by someone else: the launcher attacks, not the maker's state; crossing airspace is no attack
    ("Iranian-made drones launched by Russia at Kyiv were shot down.", set(), {("IRN", "attacks", "UKR")}),
    ("Israel shot down an Iranian drone that had crossed into its airspace from Syria.", set(),
     {("IRN", "attacks", "SYR"), ("IRN", "attacks", "ISR")}),
])
def test_munitions_on_course(text, expected, absent, gazetteer):
    found = triples(text, gazetteer)
    assert expected <= found, f"missing {sorted(expected - found)}"
    assert not (absent & found)


@pytest.mark.parametrize("text, expected", [
    # answering with force: the responder's strike on a target in a state
    ("Israel retaliated days later with a strike on an air-defence site near Isfahan.", {("ISR", "attacks", "IRN")}),
    # a strike on a base that hosts another state's troops is on that state (decision 15)
    ("Tehran retaliated with a missile barrage on Al Udeid air base in Qatar, which hosts American troops.",
     {("IRN", "attacks", "USA")}),
    # a threat prompted by what one coordinated group did is aimed at each of its states
    ("Japan and the Philippines began joint drills on Monday, prompting China to threaten a firm response.",
     {sym("JPN", "cooperatesWith", "PHL"), ("CHN", "threatens", "JPN"), ("CHN", "threatens", "PHL")}),
    ("Japan began drills with France, and Australia hosted Germany, prompting China to threaten a response.",
     {sym("JPN", "cooperatesWith", "FRA"), sym("AUS", "meetsWith", "DEU")}),
])
def test_answers_and_prompted_threats(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # goods and money given together: a supply and aid; a count of troops is troops
    ("Kuwait has sent Jordan wheat and $40 million in budget support.", {("KWT", "supplies", "JOR"), ("KWT", "aids", "JOR")}),
    ("Kuwait has provided the Jordanian army with fuel and $40 million in cash.",
     {("KWT", "supplies", "JOR"), ("KWT", "aids", "JOR")}),
    ("Seoul said thousands of North Korean soldiers had been sent to fight alongside Russian forces.",
     {("PRK", "aids", "RUS")}),
    # a deployment of troops to a state aids it (decisions 4, 22); one to its border does not
    ("Kenya's deployment of police officers to Haiti began in June.", {("KEN", "aids", "HTI")}),
    ("Russia's deployment of troops to the Ukrainian border began in March.", set()),
])
def test_what_is_given(text, expected, gazetteer):
    found = triples(text, gazetteer)
    assert {t for t in found if t[1] in ("supplies", "aids")} == expected


def test_buying_owned_by_a_pronoun(gazetteer):
    # "its" buying is the nearest state's named before it, not the punisher's
    found = triples("Washington raised tariffs on Turkish steel to punish Ankara over its buying of Russian gas.",
                    gazetteer)
    assert ("RUS", "supplies", "TUR") in found
    assert ("RUS", "supplies", "USA") not in found


@pytest.mark.parametrize("text, expected", [
    # a deed blamed on an armed group a state backs criticises the state (the group gives nothing, decision 24)
    ("Kabul blamed the bombing on militants backed by Islamabad.", {("AFG", "criticizes", "PAK")}),
    ("Kabul blamed the bombing on militants from the border area.", set()),
    # visas withdrawn from a state's nationals are a sanction (decision 16); visas issued are not
    ("Moscow suspended visas for Japanese citizens.", {("RUS", "sanctions", "JPN")}),
    ("Moscow issued visas for Japanese citizens.", set()),
    # regret voiced over a state's deed
    ("Beijing expressed regret over Manila's decision.", {("CHN", "concernedBy", "PHL")}),
])
def test_blame_visas_regret(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # the allies of a possessor are its allies, not one another's
    ("Laos, Cambodia and Myanmar, China's closest partners in the region, abstained.",
     {sym("CHN", "alliedWith", "LAO"), sym("CHN", "alliedWith", "KHM"), sym("CHN", "alliedWith", "MMR")}),
    # what a treaty obliges its parties to do if attacked has not happened
    ("Tokyo voiced alarm at the treaty signed by Russia and North Korea, which obliges each side to provide "
     "military assistance if the other is attacked.",
     {("JPN", "concernedBy", "RUS"), ("JPN", "concernedBy", "PRK"), sym("RUS", "agreesWith", "PRK")}),
    # a group meeting on an island meets no state it then condemns
    ("EU foreign ministers meeting in Brussels condemned Iran's arms transfers to Russia.",
     {("EU", "criticizes", "IRN"), ("IRN", "supplies", "RUS")}),
    # concerns raised with a capital about another state's ships: the addressee is not the cause
    ("Delhi raised concerns with Colombo about visits by Chinese survey ships.", {("IND", "concernedBy", "CHN")}),
    # what a state fears is not its own act
    ("Laos voiced concern over stray shells from fighting in Myanmar that landed in a border village.", set()),
])
def test_precision_of_readings(text, expected, gazetteer):
    found = triples(text, gazetteer)
    assert_exactly({t for t in found if t[1] not in ("meetsWith",)}, expected)


@pytest.mark.parametrize("text, absent", [
    # a region outside its state's control stands for no state (decision 24)
    ("Russia halted gas supplies to Georgia's breakaway Abkhazia region.", ("RUS", "sanctions", "GEO")),
    # a war of the 1860s is history (decision 25)
    ("Paraguay's war against Brazil in the 1860s killed most of its men.", sym("BRA", "atWarWith", "PRY")),
    # a rupture that lasted until a later reconciliation has been reversed (decision 17)
    ("Rabat recalled its ambassador from Berlin in 2021, a rupture that lasted until the envoy returned in 2022.",
     sym("MAR", "tensionWith", "DEU")),
])
def test_no_longer_or_never_a_state_relation(text, absent, gazetteer):
    assert absent not in triples(text, gazetteer)


def test_a_current_rupture_stays(gazetteer):
    assert sym("MAR", "tensionWith", "DEU") in triples("Rabat recalled its ambassador from Berlin in 2021.", gazetteer)
    assert ("RUS", "sanctions", "GEO") in triples("Russia halted gas supplies to Georgia.", gazetteer)


@pytest.mark.parametrize("text, expected", [
    # states that condemn together do not condemn one another (only "each other" makes them act on one another)
    ("Mali, Burkina Faso and Niger jointly condemned what they called Ukraine's support for terrorism.",
     {("MLI", "criticizes", "UKR"), ("BFA", "criticizes", "UKR"), ("NER", "criticizes", "UKR")}),
    ("Mali and Niger condemned each other.", {("MLI", "criticizes", "NER"), ("NER", "criticizes", "MLI")}),
    # troops deployed in support of rebels help no state
    ("Kinshasa accused Rwanda of deploying thousands of troops in eastern Congo in support of M23 rebels.",
     {("COD", "criticizes", "RWA")}),
    # what two states "are to" set up has not happened
    ("Congo and Rwanda are to set up a joint security mechanism within 30 days.", set()),
    # a speaker's own next verb is no judgement of what it said
    ("Moscow said the brigade would raise tensions in Europe and threatened unspecified measures.", set()),
])
def test_group_acts_and_plans(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # a body's session: its members take part, they do not meet one another; the states after the fronted
    # phrase are the subject
    ("At an emergency meeting of the Security Council, the United States, France and Britain condemned Rwanda.",
     {("USA", "criticizes", "RWA"), ("FRA", "criticizes", "RWA"), ("GBR", "criticizes", "RWA")}),
    # a planned summit has not been held; the mediators of talks are not their parties (decision 20)
    ("A planned summit between Kagame and Tshisekedi in Luanda was called off.", set()),
    ("The talks were mediated by the prime ministers of Dominica and Barbados.", set()),
    # an institution's name that holds an alias is not the aliased body
    ("Iran's Supreme National Security Council said the strike answered American aggression.",
     {("IRN", "criticizes", "USA")}),
    # a base named as another state's is that state's (decision 15); "its" after a retaliation is the retaliator's
    ("Iran fired missiles at a U.S. air base in Qatar in retaliation for American air strikes on its atomic sites.",
     {("IRN", "attacks", "USA"), ("USA", "attacks", "IRN")}),
])
def test_document_readings(text, expected, gazetteer):
    found = triples(text, gazetteer)
    assert_exactly({t for t in found if t[1] != "threatens"}, expected)


@pytest.mark.parametrize("text, expected", [
    # switching recognition: tension with the old partner, relations with and support for the new one
    ("Honduras switched diplomatic recognition from Taipei to Beijing in March.",
     {("HND", "tensionWith", "TWN"), ("CHN", "agreesWith", "HND"), ("HND", "supports", "CHN")}),
    # "one of X's allies", in apposition or as a predicate
    ("Palau, one of Taiwan's remaining diplomatic allies, hosted the talks.", {("PLW", "alliedWith", "TWN")}),
    ("Belarus is one of Russia's closest allies.", {("BLR", "alliedWith", "RUS")}),
    # suppliers "to" a state; strikes "across" a state, counted
    ("Russia has been the main supplier of fighter jets to Myanmar's military.", {("RUS", "supplies", "MMR")}),
    ("Israel carried out hundreds of air strikes across Syria.", {("ISR", "attacks", "SYR")}),
    # money renewed or rolled over is aid
    ("Riyadh rolled over a $2 billion deposit with Pakistan's State Bank.", {("SAU", "aids", "PAK")}),
    ("Beijing renewed a portion of its yuan swap line with Buenos Aires.", {("CHN", "aids", "ARG")}),
    # what a speaker says another would face; a threat whose condition names the target
    ("G7 ministers said Iran would face new measures if it sent missiles to Moscow.", {("G7", "threatens", "IRN")}),
    ("Iran threatens to close the Strait of Hormuz if the United States strikes its nuclear sites.",
     {("IRN", "threatens", "USA")}),
    # a state's deed that causes unease in another
    ("Serbia's purchase of Chinese air defence batteries has fuelled unease in Kosovo.",
     {("XKX", "concernedBy", "SRB"), ("CHN", "supplies", "SRB")}),
])
def test_more_constructions(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # a crossing closed "into" a state; a deed linked to a state's agents; a pipeline linking two states is no blame
    ("Kosovo closed the main crossing into Serbia on Sunday.", {("XKX", "sanctions", "SRB")}),
    ("Ottawa linked the killing to agents of the Indian government.", {("CAN", "criticizes", "IND")}),
    ("The new pipeline linked Azerbaijan to Turkey.", set()),
])
def test_crossings_and_links(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


def test_a_sum_stands_for_what_it_measures(gazetteer):
    # "paused $11 million in funding to X" is an aid freeze, a sanction (decision 3)
    assert triples("Wellington has paused $11 million in funding to the Cook Islands.", gazetteer) == {
        ("NZL", "sanctions", "COK")}


@pytest.mark.parametrize("text, expected", [
    # a joint statement signed by two states is an agreement (as the dev gold reads a signed joint declaration)
    ("Prime Minister Luxon signed a joint statement with Australia.", {sym("NZL", "agreesWith", "AUS")}),
    # signing a statement alone, about a third state, is no agreement with it
    ("Japan signed a statement condemning Russia.", {("JPN", "criticizes", "RUS")}),
])
def test_signed_texts(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


def test_reaching_a_declaration_is_agreeing(gazetteer):
    assert triples("Ethiopia and Somalia reached a declaration in Ankara.", gazetteer) == {
        sym("ETH", "agreesWith", "SOM")}


def test_a_list_the_parser_split_at_an_apposition(gazetteer):
    found = triples("Egypt, the United Arab Emirates, Kuwait and Jordan condemned the Iranian attack on Qatar.", gazetteer)
    assert {s for s, p, o in found if p == "criticizes" and o == "IRN"} == {"EGY", "ARE", "KWT", "JOR"}


def test_the_attack_of_a_later_sentence_is_the_first_named_doers(gazetteer):
    from kg.extract import extract
    from kg.model import Document

    text = ("Hours after Iran fired missiles at a U.S. air base in Qatar in retaliation for American air strikes, "
            "the truce held. Doha condemned the attack as a flagrant violation of its sovereignty.")
    found = {r.key() for r in extract(Document("d", text), gazetteer) if r.sentence_index == 1}
    assert ("QAT", "criticizes", "IRN") in found and ("QAT", "criticizes", "USA") not in found


def test_a_judged_deed_named_by_a_state_adjective(gazetteer):
    found = triples('Tehran said the strike was a "decisive response" to American "aggression".', gazetteer)
    assert ("IRN", "criticizes", "USA") in found


@pytest.mark.parametrize("text, expected", [
    # a donor, creditor or lender of a state aids it (decision 21: loans and grants are aid)
    ("Japan is Cambodia's largest donor.", {("JPN", "aids", "KHM")}),
    ("China, Zambia's largest bilateral creditor, agreed to the restructuring.", {("CHN", "aids", "ZMB")}),
    # a sum with a parenthetical: the parser hangs "in funding" on the verb
    ("Wellington has paused NZ$18.2 million ($11 million) in funding to the Cook Islands.",
     {("NZL", "sanctions", "COK")}),
])
def test_donors_and_sums(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


# --- eighth session: from the error analysis of dev2's scored part (its sentences are not quoted here) ----------

@pytest.mark.parametrize("text, expected", [
    # a trade or economic partnership agreement, or a free-trade agreement, is an agreement only (decisions 19, 21)
    ("Indonesia signed a trade and economic partnership agreement with Chile and Peru in Jakarta.",
     {sym("CHL", "agreesWith", "IDN"), sym("IDN", "agreesWith", "PER")}),
    ("Canberra signed a free trade agreement with Delhi.", {sym("AUS", "agreesWith", "IND")}),
    # a strategic partnership stays an alliance, and two-way trade is trade
    ("Brazil and Angola signed a strategic partnership agreement.",
     {sym("AGO", "agreesWith", "BRA"), sym("AGO", "alliedWith", "BRA")}),
    ("The accord cut duties on Chile's exports to South Korea and South Korea's exports to Chile.",
     {("CHL", "supplies", "KOR"), ("KOR", "supplies", "CHL"), sym("CHL", "tradesWith", "KOR")}),
])
def test_trade_agreements_are_agreements(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # an accord named with the clause that made it ("the accords X had signed with Y") has X and Y as parties, not the
    # sentence's subject; declaring it invalid criticises both (decision 23)
    ("Athens declared 'null and void' the memorandum Ankara had signed with Tripoli.",
     {sym("LBY", "agreesWith", "TUR"), ("GRC", "criticizes", "TUR"), ("GRC", "criticizes", "LBY")}),
    ("Rabat declared the accord between Algeria and Mali invalid.",
     {sym("DZA", "agreesWith", "MLI"), ("MAR", "criticizes", "DZA"), ("MAR", "criticizes", "MLI")}),
    # the first complement is the label, the second the labelled deed: no attack by the speaker
    ("Jordan called illegal the raids on Lebanon.", set()),
])
def test_declared_invalid(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # a plan, an offer or an authorisation to act is not the act
    ("The leaders of Ghana, Togo and Benin agreed on a joint plan to share intelligence, patrol their borders and "
     "track arms.", {sym("BEN", "agreesWith", "GHA"), sym("BEN", "agreesWith", "TGO"), sym("GHA", "agreesWith", "TGO")}),
    ("Moscow made an offer to supply Ankara with fighter jets.", set()),
    ("The Kenyan parliament authorised sending police officers to Haiti.", set()),
    ("Nairobi sent police officers to Haiti after parliament authorised the mission.", {("KEN", "aids", "HTI")}),
])
def test_plans_offers_and_authorisations(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # a deed named with its doer in an "of" phrase ("the aggression of X") criticises the doer; a victim's does not
    ("Yerevan condemned the aggression of Azerbaijani forces.", {("ARM", "criticizes", "AZE")}),
    ("Yerevan condemned the shelling of Azerbaijani villages.", set()),
    # a judgement on "its government" after a state named in the clause before
    ("Bolivia cut ties with Israel, branding its government genocidal.",
     {sym("BOL", "tensionWith", "ISR"), ("BOL", "criticizes", "ISR")}),
    # recognising a state by name, with its recognisers in a "by" phrase or a possessive (decision 23)
    ("The recognition of Kosovo by Peru and Chile drew protests.", {("PER", "supports", "XKX"), ("CHL", "supports", "XKX")}),
    ("Serbia opposes the recognition of Kosovo.", set()),
])
def test_doers_recognisers_and_judged_governments(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # a joint text several states issue is an agreement; one state's statement is not
    ("Peru and Chile issued a joint declaration on fisheries.", {sym("CHL", "agreesWith", "PER")}),
    ("Peru issued a statement on Chile's fisheries.", set()),
    # trade that a plan would grow exists already; trade that is only planned does not
    ("The two presidents aimed to lift trade between Kenya and Ethiopia.", {sym("ETH", "tradesWith", "KEN")}),
    ("Kenya and Ethiopia plan to start trade next year.", set()),
    # an order or contract for a state's goods: that state supplies the buyer, and the buyer made no pact with it
    ("Peru signed a contract for 24 South Korean fighter jets.", {("KOR", "supplies", "PER")}),
    ("Manila placed an order for Indian missiles.", {("IND", "supplies", "PHL")}),
    # vetoing a state's accession or its bid to join shields no state (decision 18)
    ("Hungary vetoed Ukraine's bid to join the alliance.", set()),
    ("Athens could veto the accession of Skopje.", set()),
])
def test_joint_texts_growing_trade_orders_and_vetoes(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # a noun the parser took as a conjunct of the verb's object ("the air and naval exercise": "air" the object)
    ("Egypt, Greece and Cyprus held the annual air and naval exercise off Crete.",
     {sym("CYP", "cooperatesWith", "EGY"), sym("CYP", "cooperatesWith", "GRC"), sym("EGY", "cooperatesWith", "GRC")}),
    # after a subordinate clause's comma, "and" goes back to the main clause's subject
    ("Kigali expelled six diplomats after Pretoria ordered out three envoys, and accused South Africa of shielding "
     "dissidents.", {("RWA", "criticizes", "ZAF")}),
])
def test_misattached_conjuncts(text, expected, gazetteer):
    found = triples(text, gazetteer)
    assert expected <= found, f"missing {sorted(expected - found)}"
    assert ("ZAF", "criticizes", "ZAF") not in found


@pytest.mark.parametrize("text, expected", [
    # a purchase "in return" after a sale: the buyer of the sale supplies its seller too, and sales both ways are trade
    ("Peru sold $2 billion of goods to Bolivia and bought $300 million in return.",
     {("PER", "supplies", "BOL"), ("BOL", "supplies", "PER"), sym("BOL", "tradesWith", "PER")}),
    # arms swapped are no trade
    ("Moscow supplied Tehran with jets and received drones in return.",
     {("RUS", "supplies", "IRN"), ("IRN", "supplies", "RUS")}),
])
def test_bought_in_return(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # a lifeline thrown or extended to a state is aid, also when the parser takes it for an apposition
    ("Beijing threw Colombo a lifeline.", {("CHN", "aids", "LKA")}),
    ("Tokyo extended a financial lifeline to Colombo.", {("JPN", "aids", "LKA")}),
    ("Kenya summoned the envoy of Uganda. Kenya also threw its cash-strapped neighbour a lifeline.",
     {("KEN", "criticizes", "UGA"), ("KEN", "aids", "UGA")}),
    ("Moscow threw a punch at Kyiv's ambitions.", set()),
])
def test_lifelines(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected, trigger", [
    # a trigger the parser splits at its hyphen is read whole, and reported as written
    ("Pristina blamed Belgrade for the latest flare-up between Kosovo and Serbia.",
     {("XKX", "criticizes", "SRB"), sym("SRB", "tensionWith", "XKX")}, "flare-up"),
    ("The stand-off between India and China continued.", {sym("CHN", "tensionWith", "IND")}, "stand-off"),
])
def test_hyphenated_triggers(text, expected, trigger, gazetteer):
    from kg.extract import extract_text

    assert_exactly(triples(text, gazetteer), expected)
    assert trigger in {r.trigger for r in extract_text(text, gazetteer)}


@pytest.mark.parametrize("text, expected", [
    # the drafters of a text that censures a state criticise it, read off the text's clause or the adopting verb's
    ("The agency's board passed a resolution, drafted by Canada and Japan, declaring Syria in breach of its duties.",
     {("CAN", "criticizes", "SYR"), ("JPN", "criticizes", "SYR")}),
    ("The watchdog's board rebuked Syria on Monday, adopting by 25 votes to 3 a resolution sponsored by Canada.",
     {("CAN", "criticizes", "SYR")}),
    # a text on a topic censures no one
    ("The council adopted a resolution drafted by Mexico on humanitarian access.", set()),
])
def test_drafters_of_a_censure(text, expected, gazetteer):
    found = {t for t in triples(text, gazetteer) if t[0] in ("CAN", "JPN", "MEX")}
    assert_exactly(found, expected)


@pytest.mark.parametrize("text, expected", [
    # a security pact signed, also in a passive participle, is an alliance; a pact for one task is an agreement
    ("Japan voiced alarm at the mutual defence treaty signed by Russia and Belarus in Minsk.",
     {("JPN", "concernedBy", "RUS"), ("JPN", "concernedBy", "BLR"), sym("BLR", "agreesWith", "RUS"),
      sym("BLR", "alliedWith", "RUS")}),
    ("Ghana and Togo signed a military intelligence-sharing pact.", {sym("GHA", "agreesWith", "TGO")}),
    ("Ghana and Togo signed a defence cooperation agreement.", {sym("GHA", "agreesWith", "TGO")}),
])
def test_signed_alliances(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # police or instructors deployed to a state, the parser reading "deployed" as their own verb, aid it (decision 22)
    ("Rwandan police officers deployed to Mozambique under a regional mission came under attack on Sunday.",
     {("RWA", "aids", "MOZ")}),
    ("Chinese officers deployed to the border with India.", set()),
])
def test_helpers_deployed(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


def test_a_free_relative_as_object(gazetteer):
    """"struck what Ankara said were Kurdish positions in Iraq": the free relative's predicate noun is the object."""
    found = triples("Turkish jets struck what Ankara said were militant positions in northern Iraq and Syria.", gazetteer)
    assert {("TUR", "attacks", "IRQ"), ("TUR", "attacks", "SYR")} <= found
