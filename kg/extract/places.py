"""Cities and towns by the state they belong to (``data/places.tsv``), so that a place named in news
text ("drones struck Kharkiv", "shelling killed four in Jammu") can stand for its state.

The table is made once from GeoNames data by ``tools/build_places.py`` (licence and attribution:
``data/LICENSE-geonames.txt``); names that are also words, first names or surnames, names of places in
several states, and names the gazetteer already has (capitals among them) are left out there.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field


@functools.lru_cache(maxsize=1)
def load_places() -> dict[str, str]:
    """Place name -> ISO 3166-1 alpha-3 id of its state in ``ontology/states.ttl`` (``"Kharkiv"`` ->
    ``"UKR"``), names as written in the table (case-sensitive). Read once a process; the dict is
    shared, so callers must not change it. Empty when the table is missing.

    >>> load_places()["Mosul"]
    'IRQ'
    """
    from importlib import resources

    path = resources.files("kg.extract.data").joinpath("places.tsv")
    if not path.is_file():
        return {}
    lines = path.read_bytes().decode("utf-8").splitlines()
    places: dict[str, str] = {}
    for line in lines[1:]:  # header: name state population geonameid
        if not line:
            continue
        name, state, _population, _geonameid = line.split("\t")
        places[name] = state
    extra = resources.files("kg.extract.data").joinpath("places_extra.tsv")
    if extra.is_file():  # spellings the news uses that the GeoNames table lacks
        for line in extra.read_bytes().decode("utf-8").splitlines():
            if line and not line.startswith("#"):
                name, state = line.split("\t")
                places.setdefault(name, state)
    return places


@dataclass
class PlaceIndex:
    """Place names by their first word, longest first, for finding them in a sentence's words."""

    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    @property
    def first_words(self) -> frozenset[str]:
        return frozenset(self.by_first)

    def find(self, words: list[str], taken: set[int]) -> list[tuple[int, int, str]]:
        """``(i, j, state)`` for each place named over ``words[i:j]`` that covers no index in ``taken``
        (the tokens of actor mentions).

        >>> place_index().find(["Shells", "hit", "Kharkiv", "and", "Paris", "."], {4})
        [(2, 3, 'UKR')]
        """
        out: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            for toks, state in self.by_first.get(words[i], ()):
                j = i + len(toks)
                if tuple(words[i:j]) == toks and taken.isdisjoint(range(i, j)):
                    out.append((i, j, state))
                    i = j - 1
                    break
            i += 1
        return out


@functools.lru_cache(maxsize=1)
def place_index() -> PlaceIndex:
    """The index of :func:`load_places`, made once a process and kept in kg's disk cache (keyed by the
    tables' bytes). Names are split into words as kg's tokenizer splits them ("Deir ez-Zor": Deir, ez, -, Zor)."""
    from importlib import resources

    from ..cache import cached

    data = resources.files("kg.extract.data")
    sources = [p.read_bytes() if p.is_file() else b"" for p in (data / "places.tsv", data / "places_extra.tsv")]
    return PlaceIndex(cached("place-index", sources, _build_index, dict))


def _build_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    from ..text import tokenize

    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, state in load_places().items():
        toks = (name,) if name.isalpha() else tuple(t.text for t in tokenize(name))
        if toks:
            by_first.setdefault(toks[0], []).append((toks, state))
    for entries in by_first.values():
        entries.sort(key=lambda e: (-len(e[0]), e[0]))
    return by_first
