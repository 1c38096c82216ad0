"""The state a news report is filed from, read off its dateline: "NUKU'ALOFA, Jan 27 (Reuters) - ...",
"AHMEDABAD, India, Sept 14 (Reuters) - ...", "KIGALI (AP) - ...".

Wire copy names a local official by title and name alone ("Prime Minister Siaosi Sovaleni said ...") when he or she
serves the state the report is filed from; :class:`~kg.extract.mentions.DocumentMentions` gives such a person that
state (a foreign one is introduced with the state: "Japanese Prime Minister ...").
"""

from __future__ import annotations

import functools
import re

from ..gazetteer import Gazetteer

# the city in capitals, an optional state or region after a comma, an optional date, the agency in brackets, a dash
# (a second city after a slash files from two states: "NEW DELHI/ISLAMABAD" gives none)
_DATELINE = re.compile(
    r"\s*(?P<city>[A-Z][A-Z'\u2019\u02bb.\- ]*[A-Z])(?P<second>/[A-Z][A-Z'\u2019\u02bb.\- ]*[A-Z])?"
    r"(?:,\s*(?P<where>[A-Z][A-Za-z.\- ]{1,40}?))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014]\s")


def dateline(text: str, gazetteer: Gazetteer) -> tuple[str | None, int]:
    """The state of the report's dateline and where the dateline ends (``(None, 0)`` when the text opens with none).
    The state is the one named after the city ("AHMEDABAD, India"), else the one whose capital or place the city is;
    ``None`` when the city is unknown or files from no single state ("UNITED NATIONS", "NEW DELHI/ISLAMABAD"). The
    places a dateline names are where the report was filed, not actors of it."""
    m = _DATELINE.match(text)
    if m is None:
        return None, 0
    if m.group("second"):
        return None, m.end()
    names = _names(gazetteer)
    where = _key(m.group("where") or "")
    city = _key(m.group("city"))
    return names.get(where) or names.get(city) or _places().get(city), m.end()


def dateline_state(text: str, gazetteer: Gazetteer) -> str | None:
    """The state of the report's dateline (see :func:`dateline`)."""
    return dateline(text, gazetteer)[0]


def _key(name: str) -> str:
    """A name as datelines and tables are compared: letters only, lowercased ("NUKU'ALOFA", "Nukuʻalofa")."""
    return "".join(ch for ch in name.lower() if ch.isalpha())


@functools.lru_cache(maxsize=4)
def _names(gazetteer: Gazetteer) -> dict[str, str]:
    """State names, aliases, capitals and seats of power (as :func:`_key` writes them) -> state id."""
    out: dict[str, str] = {}
    states = {a for a, actor in gazetteer.actors.items() if actor.kind == "state"}
    for name in sorted(gazetteer.names, key=lambda x: (x.text, x.actor)):
        if name.actor in states and name.kind in ("name", "alias", "capital", "seat"):
            out.setdefault(_key(name.text), name.actor)
    return out


@functools.lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    from .places import load_places

    out: dict[str, str] = {}
    for name, state in sorted(load_places().items()):
        out.setdefault(_key(name), state)
    return out


__all__ = ["dateline", "dateline_state"]
