"""Constructions added in the eleventh extraction session, most of them across sentences of one article (the
documents were the weakest part): deeds referred back to, titles that stand for one state's official, visits and
displays of support. Tested on sentences written for these tests (what must be found and what must not)."""

from __future__ import annotations

import pytest

from test_extract import assert_exactly, sym, triples


@pytest.mark.parametrize("text, expected", [
    # a deed a later sentence names by a noun of its kind: its doer is the one who did the last such act
    ("Turkey shelled Kurdish positions in Syria on Friday. Damascus said it disagreed with the shelling.",
     {("TUR", "attacks", "SYR"), ("SYR", "criticizes", "TUR")}),
    ("Washington slapped tariffs on Brazilian steel. Brasilia denounced the measures as unfair.",
     {("USA", "sanctions", "BRA"), ("BRA", "criticizes", "USA")}),
    # "that" opening a relative clause is no determiner of the deed after its verb
    ("Israel bombed a port in Yemen. Oman and Egypt were among the governments that condemned the bombing.",
     {("ISR", "attacks", "YEM"), ("OMN", "criticizes", "ISR"), ("EGY", "criticizes", "ISR")}),
    # a sanctions "regime" is no deed of the subject's: blocking it shields Mali, no more
    ("Russia blocked a resolution on Thursday that would have extended the sanctions regime on Mali.",
     {("RUS", "vetoesFor", "MLI")}),
])
def test_deeds_referred_back_to(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # a vow to answer a deed threatens its doer, and the deed took place however the answer is put
    ("India struck camps in Pakistan on Wednesday. Islamabad vowed to retaliate for the strikes.",
     {("IND", "attacks", "PAK"), ("PAK", "threatens", "IND")}),
    ("Tehran vowed to avenge Israel's raid on its embassy.", {("IRN", "threatens", "ISR"), ("ISR", "attacks", "IRN")}),
    ("Tehran vowed to avenge the death of its general.", set()),
])
def test_vowed_answers(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # a de facto government stands for its state (decision 24)
    ("The Taliban administration accused Iran of cutting the river's flow.", {("AFG", "criticizes", "IRN")}),
    ("The Taliban authorities in Kabul met a Chinese delegation.", {sym("AFG", "meetsWith", "CHN")}),
])
def test_de_facto_governments(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # an adjective of unease or condemnation said of another state's act
    ("Seoul said North Korea's missile launches were deeply troubling.", {("KOR", "concernedBy", "PRK")}),
    ("Hanoi said Beijing's new map was illegal.", {("VNM", "criticizes", "CHN")}),
    ("Seoul said the weather over the peninsula was deeply troubling.", set()),
    ("Hanoi said Beijing's new map was detailed.", set()),
])
def test_said_labels(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # a person or official who goes to a state visits it (decision 20)
    ("Kenya's president flew to Addis Ababa on Sunday.", {sym("KEN", "meetsWith", "ETH")}),
    ("Jordan's foreign minister travelled to Damascus for talks.", {sym("JOR", "meetsWith", "SYR")}),
    # not goods, troops or a signing alone (decision 7)
    ("Kenyan tea flew to Addis Ababa on Sunday.", set()),
    ("Kenya's president flew to Addis Ababa for the signing ceremony.", set()),
    # a display's "of" phrase is what is shown, and to whom
    ("Kenya's president flew to Addis Ababa in a show of solidarity with Ethiopia.",
     {sym("KEN", "meetsWith", "ETH"), ("KEN", "supports", "ETH")}),
    ("Lithuania lowered its flags as a gesture of support for Ukraine.", {("LTU", "supports", "UKR")}),
    ("In a display of renewed cooperation, Kenyan and Ethiopian officers paraded together.", set()),
])
def test_visits_and_displays(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)


@pytest.mark.parametrize("text, expected", [
    # a definite title refers back to the one state whose official the article gave it
    ("Kuwait's emir received a call from the French president. The emir later spoke to the Jordanian king.",
     {sym("KWT", "meetsWith", "FRA"), sym("KWT", "meetsWith", "JOR")}),
    ("The Turkish president called Egypt's president on Monday. The president later spoke to the Qatari emir.",
     set()),  # two presidents: "the president" is either
    ("Kuwait's emir met the French president. The emir of Qatar later spoke to the Jordanian king.",
     {sym("KWT", "meetsWith", "FRA"), sym("QAT", "meetsWith", "JOR")}),
])
def test_titles_referred_back_to(text, expected, gazetteer):
    assert_exactly(triples(text, gazetteer), expected)
