"""Descriptions that name a state through another: "its neighbour", "the two leaders" (kg/extract/discourse.py)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.model import Document


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def keys(text, gazetteer):
    return {r.key() for r in extract(Document("d", text), gazetteer) if not r.negated}


@pytest.mark.parametrize("text, expected", [
    # the owner is the subject; the neighbour is the other state the sentence named
    ("Chad cut its ties with Sudan, accusing its neighbour of arming rebels.", ("TCD", "criticizes", "SDN")),
    # or the other state the document is about
    ("Peru and Bolivia held talks in Lima. Peru later threw its struggling neighbour a lifeline.",
     ("PER", "aids", "BOL")),
])
def test_its_neighbour_is_another_state_than_its_owner(text, expected, gazetteer):
    assert expected in keys(text, gazetteer)


def test_an_apposition_names_the_relational_noun_itself(gazetteer):
    found = keys("Turkey met Iraq on Monday. Ankara blamed its arch-foe, the PKK, for the attack.", gazetteer)
    assert not any(p == "criticizes" and o == "IRQ" for s, p, o in found)


def test_the_two_leaders_are_the_people_just_named(gazetteer):
    text = ("Mohamed Muizzu paid a state visit to China in January. In October Muizzu held talks with Modi in "
            "New Delhi, and the two leaders signed a defence pact.")
    found = keys(text, gazetteer)
    assert ("IND", "agreesWith", "MDV") in found
    assert not any({s, o} == {"CHN", "IND"} for s, _, o in found)


@pytest.mark.parametrize("text, expected, absent", [
    # a demonym of two states names the one the sentence or the document names
    ("Congolese troops clashed with Rwandan forces near Goma, and Kinshasa accused Kigali of aggression.",
     ("COD", "atWarWith", "RWA"), None),
    ("Brazzaville hosted the talks. Congolese troops later clashed with Rwandan forces.",
     ("COG", "atWarWith", "RWA"), None),
    # named by neither: nobody
    ("Congolese troops clashed with Rwandan forces.", None, "RWA"),
])
def test_an_ambiguous_demonym_is_resolved_by_the_document(text, expected, absent, gazetteer):
    found = keys(text, gazetteer)
    if expected:
        assert expected in found or (expected[2], expected[1], expected[0]) in found
    if absent:
        assert not any(absent in (s, o) for s, _, o in found)


def test_an_exchange_of_fire_is_fighting(gazetteer):
    found = keys("An Indian soldier was killed in an exchange of fire with Pakistani troops on Friday.", gazetteer)
    assert ("IND", "atWarWith", "PAK") in found


@pytest.mark.parametrize("text, expected", [
    # "the strikes" is the doer of the strikes stated before
    ("Israel struck Hezbollah positions in southern Lebanon. The Lebanese government condemned the strikes.",
     {("LBN", "criticizes", "ISR")}),
    # "the pact" is every party to it (decision 23)
    ("Russia and China signed a defence pact in Beijing. Japan voiced concern about the pact.",
     {("JPN", "concernedBy", "RUS"), ("JPN", "concernedBy", "CHN")}),
])
def test_the_act_named_again_is_its_doers(text, expected, gazetteer):
    assert expected <= keys(text, gazetteer)


def test_an_act_that_names_its_own_doer_is_not_resolved(gazetteer):
    found = keys("Israel struck targets in Syria. Iran condemned the strikes by Turkey.", gazetteer)
    assert ("IRN", "criticizes", "ISR") not in found


@pytest.mark.parametrize("text, expected", [
    # "the pair" after a sentence on two states: both, not the state that acts on them
    ("Japan and Vietnam signed a maritime pact on Monday. China warned the pair against any provocation.",
     {("CHN", "threatens", "JPN"), ("CHN", "threatens", "VNM")}),
    # a definite plural head without a numeral: the pair the document is about
    ("Peru and Chile held talks in Lima on Monday. The neighbours later signed a water-sharing accord.",
     {("CHL", "agreesWith", "PER")}),
])
def test_a_definite_pair_description_without_a_numeral(text, expected, gazetteer):
    assert expected <= keys(text, gazetteer)


def test_two_alliance_allies_are_allied_with_each_other(gazetteer):
    found = keys("Spain and Portugal held talks in Madrid. The two NATO allies later signed a border accord.", gazetteer)
    assert ("ESP", "alliedWith", "PRT") in found or ("PRT", "alliedWith", "ESP") in found
    assert not any("NATO" in (s, o) for s, _, o in found)


def test_a_regional_adjective_inside_a_pair_description(gazetteer):
    found = keys("Chile and Bolivia traded accusations over water rights on Monday. Days later the two South "
                 "American nations broke off diplomatic relations.", gazetteer)
    assert ("BOL", "tensionWith", "CHL") in found or ("CHL", "tensionWith", "BOL") in found
    assert not any("USA" in (s, o) for s, _, o in found)


def test_who_reacts_to_an_act_is_the_one_it_befell_not_its_doer(gazetteer):
    text = ("Russian warplanes struck targets across Georgia on Monday, Moscow said. Russia said the raids were a "
            "warning. The small country's government condemned the strikes.")
    found = keys(text, gazetteer)
    assert ("GEO", "criticizes", "RUS") in found
    assert ("RUS", "criticizes", "RUS") not in found


def test_a_description_in_a_relative_clause_is_not_the_clause_antecedent(gazetteer):
    text = ("Mali's junta ended its defence pact with France in May. Bamako has since turned to Moscow, which "
            "shipped attack helicopters to the country in August.")
    found = keys(text, gazetteer)
    assert ("RUS", "supplies", "MLI") in found
    assert ("RUS", "supplies", "RUS") not in found


def test_the_fighting_refers_to_both_sides_of_the_stated_war(gazetteer):
    found = keys("Armenian and Azerbaijani troops clashed along the border on Tuesday. Iran said it was alarmed by "
                 "the fighting.", gazetteer)
    assert {("IRN", "concernedBy", "ARM"), ("IRN", "concernedBy", "AZE")} <= found


def test_it_after_a_judging_verb_is_the_act_just_reported(gazetteer):
    found = keys("Turkish jets bombed targets in northern Iraq on Sunday. Baghdad summoned the Turkish envoy, and "
                 "Iran and Egypt also condemned it.", gazetteer)
    assert {("IRN", "criticizes", "TUR"), ("EGY", "criticizes", "TUR")} <= found
    assert ("IRN", "criticizes", "EGY") not in found


def test_in_return_after_troops_sent_and_the_deployment_is_the_senders(gazetteer):
    found = keys("Belarus has sent 3,000 troops to Russia, officials said. In return, Minsk is receiving cheap gas. "
                 "Poland denounced the deployment.", gazetteer)
    assert {("RUS", "supplies", "BLR"), ("POL", "criticizes", "BLR")} <= found
    assert ("POL", "criticizes", "RUS") not in found


def test_the_junta_is_the_state_the_last_sentence_was_about(gazetteer):
    found = keys("Guinea's military rulers ordered French troops out of the country in 2022. The junta has since "
                 "turned to Moscow for security help, and Russian instructors arrived in Conakry in May. Paris "
                 "condemned the expulsion.", gazetteer)
    assert ("FRA", "criticizes", "GIN") in found
    assert ("FRA", "criticizes", "RUS") not in found


def test_welcoming_the_outcome_supports_both_parties(gazetteer):
    found = keys("The presidents of Ethiopia and Eritrea held talks in Asmara on Sunday. Kenya welcomed the "
                 "outcome.", gazetteer)
    assert {("KEN", "supports", "ETH"), ("KEN", "supports", "ERI")} <= found


def test_a_seat_of_a_bloc_after_its_state_is_that_state(gazetteer):
    found = keys("Burundi recalled its envoy from Belgium on Monday, accusing Brussels of bias.", gazetteer)
    assert ("BDI", "criticizes", "BEL") in found
    assert not any("EU" in (s, o) for s, _, o in found)


def test_the_government_opening_a_sentence_is_the_last_sentences_state(gazetteer):
    found = keys("Caracas has deepened its ties with Beijing in recent years. The government has also accused "
                 "Colombia of harbouring rebels.", gazetteer)
    assert ("VEN", "criticizes", "COL") in found


def test_the_three_partners_are_the_three_states_the_sentence_named(gazetteer):
    found = keys("Japan signed a security pact with the Philippines and Australia in May, angering Beijing, which "
                 "accused the three partners of encircling it.", gazetteer)
    assert {("CHN", "criticizes", "JPN"), ("CHN", "criticizes", "PHL"), ("CHN", "criticizes", "AUS")} <= found


def test_the_agreement_is_the_main_one_not_a_separate_one(gazetteer):
    found = keys("Ethiopia and Eritrea signed a peace agreement in Riyadh on Monday. Under a separate agreement "
                 "signed by Ethiopia and Djibouti, Addis Ababa will use the port of Tadjourah. Kenya welcomed the "
                 "agreement as a historic step.", gazetteer)
    assert {("KEN", "supports", "ERI"), ("KEN", "supports", "ETH")} <= found
    assert ("KEN", "supports", "DJI") not in found


def test_its_two_allies_are_allied_with_the_owner(gazetteer):
    found = keys("Greece and Turkey held talks in Athens on Monday. Washington praised the thaw between its two "
                 "allies.", gazetteer)
    allied = {frozenset((s, o)) for s, p, o in found if p == "alliedWith"}
    assert {frozenset(("USA", "GRC")), frozenset(("USA", "TUR"))} <= allied


def test_the_pact_names_its_parties_when_a_later_clause_names_one(gazetteer):
    found = keys("Belarus and Russia signed a mutual defence treaty in Minsk on Friday. Warsaw said it was alarmed "
                 "by the pact, and the Polish foreign ministry summoned the Belarusian ambassador.", gazetteer)
    assert {("POL", "concernedBy", "BLR"), ("POL", "concernedBy", "RUS")} <= found


def test_a_sentence_that_names_the_parties_itself_keeps_them_apart(gazetteer):
    found = keys("Laos and Vietnam signed a defence treaty on Monday. Bangkok has not endorsed the treaty, and Thai "
                 "officials voiced concern about Vientiane's new alliance with Hanoi.", gazetteer)
    assert ("VNM", "concernedBy", "LAO") not in found and ("LAO", "concernedBy", "VNM") not in found


def test_a_participle_after_a_comma_refers_to_the_state_before_it(gazetteer):
    found = keys("Vietnam has long disputed the Paracel Islands with China. On Monday Hanoi lodged a protest with "
                 "Laos, accusing the country's army of shelling a border village.", gazetteer)
    assert ("VNM", "criticizes", "LAO") in found
    assert ("VNM", "criticizes", "CHN") not in found


def test_the_attack_is_the_last_states_use_of_force_even_on_no_state_named(gazetteer):
    found = keys("Israel struck Iranian air defences near Isfahan on Friday. Tehran retaliated on Sunday with a "
                 "barrage of rockets on a radar base in northern Iraq used by American forces. Baghdad condemned "
                 "the attack as a violation of its sovereignty.", gazetteer)
    assert ("IRQ", "criticizes", "IRN") in found
    assert ("IRQ", "criticizes", "ISR") not in found


def test_the_parties_of_a_peace_deal_are_the_pair_in_conflict(gazetteer):
    found = keys("Ethiopia and Eritrea signed a peace agreement in Jeddah on Monday. Under a separate deal, Ethiopia "
                 "and Djibouti agreed on port access. Eritrea's ties with Egypt have deepened, while Ethiopia and "
                 "Egypt remain at odds over the Nile dam. The two neighbours fought a war over the border town of "
                 "Badme from 1998 to 2000.", gazetteer)
    war = {frozenset((s, o)) for s, p, o in found if p == "atWarWith"}
    assert frozenset(("ERI", "ETH")) in war and frozenset(("EGY", "ETH")) not in war


@pytest.mark.parametrize("text, expected", [
    # "the two" standing alone, before a verb or at the end of a phrase
    ("Sudan and South Sudan signed an oil deal in 2012. Trade between the two has since grown.",
     ("SDN", "tradesWith", "SSD")),
    # "Both" opening a sentence: the two states the last sentence joined
    ("Cuba and Venezuela condemned the vote on Monday. Both later accused Washington of meddling.",
     ("VEN", "criticizes", "USA")),
])
def test_the_two_and_both_standing_alone_are_the_pair(text, expected, gazetteer):
    assert expected in keys(text, gazetteer)


def test_a_stance_judged_is_the_last_subjects_own(gazetteer):
    found = keys("Austria said it would not allow Slovak lorries to use its motorways. Bratislava criticised the "
                 "stance as discriminatory.", gazetteer)
    assert ("SVK", "criticizes", "AUT") in found
    found = keys("Brazil recognised Kosovo on Monday, angering Serbia. In his speech Lula insisted that the new "
                 "stance was not hostile to anyone.", gazetteer)
    assert not any(s == "BRA" and p == "criticizes" for s, p, o in found)


def test_a_rupture_told_in_the_past_perfect_is_reversed_by_a_restoration(gazetteer):
    found = keys("Morocco and Algeria agreed on Sunday to restore diplomatic ties and reopen their consulates. Rabat "
                 "had severed relations with Algiers in 2021 over a border dispute.", gazetteer)
    pair = {frozenset((s, o)) for s, p, o in found if p == "tensionWith"}
    assert ("DZA", "agreesWith", "MAR") in found and frozenset(("DZA", "MAR")) not in pair
    # without a restoration in the document the rupture stands
    found = keys("Morocco and Algeria held talks on Sunday about their border. Rabat had severed relations with "
                 "Algiers in 2021 over a border dispute.", gazetteer)
    assert frozenset(("DZA", "MAR")) in {frozenset((s, o)) for s, p, o in found if p == "tensionWith"}


@pytest.mark.parametrize("text, expected", [
    # "them": the drones the last sentence told of; the doers are the subject the downing verb follows
    ("Armenia fired a salvo of drones at Azerbaijani positions on Monday. Baku said its air defences had downed "
     "nine of them.", ("AZE", "attacks", "ARM")),
    # a coordinated subject: each state of it; the attacker is the doer of the last act of force
    ("Syria launched rockets at Israeli towns overnight. Jordan and Egypt helped shoot down the rockets.",
     ("EGY", "attacks", "SYR")),
    # in the same sentence, the attacker of the state that brought them down
    ("Venezuela fired missiles at Guyanese outposts, and Guyana intercepted the missiles.", ("GUY", "attacks", "VEN")),
])
def test_bringing_down_an_attackers_munitions_attacks_it(text, expected, gazetteer):
    assert expected in keys(text, gazetteer)


def test_bringing_down_munitions_needs_an_attacker_the_document_fixes(gazetteer):
    found = keys("Egypt and Jordan held talks in Cairo on Monday. Jordan later said it had intercepted several "
                 "drones.", gazetteer)
    assert not any(p == "attacks" for s, p, o in found)
    found = keys("Syria launched rockets at Israeli towns overnight. Jordan failed to shoot down the rockets.",
                 gazetteer)
    assert ("JOR", "attacks", "SYR") not in found


def test_the_capital_a_post_abroad_speaks_from_is_only_a_place(gazetteer):
    found = keys("Fiji and Tonga signed a security pact on Friday. The Russian embassy in Suva said it was alarmed "
                 "by the pact.", gazetteer)
    assert ("RUS", "concernedBy", "FJI") in found and ("RUS", "concernedBy", "TON") in found


def test_so_did_repeats_the_last_subjects_acts_for_a_new_state(gazetteer):
    found = keys("Norway praised Ghana and Togo for their maritime accord. So did the Danish government.", gazetteer)
    assert ("DNK", "supports", "GHA") in found and ("DNK", "supports", "TGO") in found
    # only right after the sentence it repeats
    found = keys("Norway praised Ghana for its maritime accord. Togo held talks in Oslo. So did Denmark.", gazetteer)
    assert ("DNK", "supports", "GHA") not in found


def test_a_state_receiving_goods_from_no_one_named_receives_them_from_the_last_supplier(gazetteer):
    found = keys("Sweden approved the sale of 20 Gripen fighters to Thailand on Monday. Colombia will receive "
                 "another 16 jets under a separate contract.", gazetteer)
    assert ("SWE", "supplies", "COL") in found
    # not when the last sentence told of no supply
    found = keys("Sweden held talks with Thailand on Monday. Colombia will receive another 16 jets next year.",
                 gazetteer)
    assert not any(p == "supplies" and o == "COL" for s, p, o in found)


@pytest.mark.parametrize("text, expected", [
    ("Eritrean and Ethiopian troops clashed near Zalambessa on Sunday. Addis Ababa said Eritrean units had fired "
     "first.", ("ERI", "attacks", "ETH")),
    ("Fighting broke out on the border between Peru and Ecuador, with each side accusing the other of shelling "
     "villages.", ("PER", "attacks", "ECU")),
])
def test_firing_without_a_target_attacks_the_other_side_of_the_war(text, expected, gazetteer):
    assert expected in keys(text, gazetteer)


def test_firing_needs_a_war_the_document_tells_of(gazetteer):
    found = keys("Eritrea and Ethiopia held talks in Asmara on Sunday. Addis Ababa said Eritrean units had fired "
                 "shots in the air during a parade.", gazetteer)
    assert not any(p == "attacks" for s, p, o in found)
    found = keys("Eritrean and Ethiopian troops clashed near Zalambessa on Sunday. Addis Ababa denied that its "
                 "units had fired first.", gazetteer)
    assert ("ETH", "attacks", "ERI") not in found


def test_the_talks_are_those_of_the_pair_that_agreed_and_their_chair_met_both(gazetteer):
    found = keys("Ecuador and Peru agreed to a ceasefire on Sunday. Brazil's foreign minister, who chaired the talks "
                 "in Brasilia, said the deal would hold.", gazetteer)
    meetings = {frozenset((s, o)) for s, p, o in found if p == "meetsWith"}
    assert {frozenset(("ECU", "PER")), frozenset(("BRA", "ECU")), frozenset(("BRA", "PER"))} <= meetings
    # a sentence that names the parties of its talks is read by the sentence's own rules
    found = keys("Ecuador and Peru agreed to a ceasefire on Sunday. Chile hosted the talks between Bolivia and "
                 "Paraguay.", gazetteer)
    assert not any(p == "meetsWith" and "ECU" in (s, o) for s, p, o in found)


def test_a_length_of_talks_chaired_by_a_state_is_the_talks_of_the_pair(gazetteer):
    found = keys("Ethiopia and Sudan agreed on Tuesday to reopen their border crossings. The deal came after three "
                 "rounds of talks in Nairobi chaired by Kenya's foreign minister.", gazetteer)
    meetings = {frozenset((s, o)) for s, p, o in found if p == "meetsWith"}
    assert {frozenset(("ETH", "SDN")), frozenset(("KEN", "ETH")), frozenset(("KEN", "SDN"))} <= meetings


def test_a_state_joining_the_joint_drills_cooperates_with_each_party(gazetteer):
    found = keys("India and France began joint naval exercises off Goa on Monday. Emirati warships joined the Varuna "
                 "drills on Wednesday.", gazetteer)
    assert ("ARE", "cooperatesWith", "FRA") in found and ("ARE", "cooperatesWith", "IND") in found
    found = keys("India and France began joint naval exercises off Goa on Monday. Egypt refused to join the drills.",
                 gazetteer)
    assert not any(p == "cooperatesWith" and "EGY" in (s, o) for s, p, o in found)


def test_its_after_a_states_deed_is_the_state_named_before_the_deed(gazetteer):
    found = keys("Hanoi said the blockade was an answer to China's shelling of its fishing boats.", gazetteer)
    assert ("CHN", "attacks", "VNM") in found
    found = keys("Baghdad, which Turkey accuses of harbouring rebels, condemned Ankara's strikes on its northern "
                 "provinces.", gazetteer)
    assert ("TUR", "attacks", "IRQ") in found and ("TUR", "attacks", "TUR") not in found


def test_the_two_allies_are_allied_with_each_other(gazetteer):
    found = keys("Spain and Portugal opened a new bridge over the Guadiana on Monday. The two allies also agreed to "
                 "pool their firefighting aircraft.", gazetteer)
    assert frozenset(("ESP", "PRT")) in {frozenset((s, o)) for s, p, o in found if p == "alliedWith"}


def test_a_standing_relation_told_in_the_past_perfect_until_an_event_has_ended(gazetteer):
    found = keys("Mali recalled its ambassador to Algeria on Sunday. The two countries had been close partners until "
                 "the coup in 2021.", gazetteer)
    assert frozenset(("DZA", "MLI")) not in {frozenset((s, o)) for s, p, o in found if p == "alliedWith"}
    found = keys("Mali recalled its ambassador to Algeria on Sunday. The two countries have been close partners "
                 "since the coup in 2021.", gazetteer)
    assert frozenset(("DZA", "MLI")) in {frozenset((s, o)) for s, p, o in found if p == "alliedWith"}


def test_the_exercises_are_the_joint_ones_the_document_told_of(gazetteer):
    found = keys("Iranian and Russian frigates staged joint manoeuvres close to Bandar Abbas last Friday. Riyadh said "
                 "it viewed the exercises with concern.", gazetteer)
    assert ("SAU", "concernedBy", "IRN") in found and ("SAU", "concernedBy", "RUS") in found
