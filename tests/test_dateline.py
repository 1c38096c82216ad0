"""The state a report is filed from, read off its dateline, and the officials it names without their state."""

from __future__ import annotations

import pytest

from kg.extract.dateline import dateline_state
from test_extract import assert_exactly, sym, triples


@pytest.mark.parametrize("text, expected", [
    ("SUVA, May 30 (Reuters) - Fiji said ...", "FJI"),
    ("NUKU'ALOFA, Jan 27 (Reuters) - Aid arrived ...", "TON"),  # the gazetteer writes the capital with an okina
    ("GATUNA, Rwanda, Feb 21 (Reuters) - The border ...", "RWA"),  # a town, with its state after it
    ("COLOMBO, June 24 (Reuters) - A senior official ...", "LKA"),  # a seat of power
    ("KIGALI (AP) - Rwanda said ...", "RWA"),
    ("ANKARA, Dec 12 - Ethiopia and Somalia ...", "TUR"),  # no agency
    ("NEW DELHI/ISLAMABAD, May 10 - India and Pakistan ...", None),  # filed from two states
    ("UNITED NATIONS (Reuters) - The Security Council ...", None),  # no state's city
    ("Fiji said on Monday that ...", None),  # no dateline
    ("NATO allies met in Brussels on Monday.", None),
])
def test_dateline_state(text, expected, gazetteer):
    assert dateline_state(text, gazetteer) == expected


def test_a_local_official_named_by_title_alone(gazetteer):
    text = ("APIA, March 3 (Reuters) - Japan sent two planes of relief supplies to Samoa after the cyclone. "
            "Prime Minister Tuilaepa Aiono Sailele Malielegaoi thanked Japan for the help. "
            "Malielegaoi also met the Japanese ambassador.")
    found = triples(text, gazetteer)
    assert {("WSM", "supports", "JPN"), sym("JPN", "meetsWith", "WSM")} <= found


@pytest.mark.parametrize("text", [
    # no dateline, a state before the title, or a former official: no one to give a state to
    "Prime Minister Tuilaepa Malielegaoi thanked Japan for its help.",
    "APIA, March 3 (Reuters) - Former Prime Minister Tuilaepa Malielegaoi thanked Japan for its help.",
])
def test_no_home_official(text, gazetteer):
    assert_exactly({t for t in triples(text, gazetteer) if t[0] == "WSM" or t[2] == "WSM"}, set())


def test_the_dateline_names_no_actor(gazetteer):
    # where a report was filed is no party to what it reports
    # (read as an actor, the dateline's state was the only Pacific nation named for the description to stand for)
    text = ("RAROTONGA, Cook Islands, Nov 10 - Australia signed a security treaty with the low-lying Pacific nation "
            "on Friday.")
    assert not any("COK" in t for t in triples(text, gazetteer))
