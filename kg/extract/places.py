"""Cities and towns by the state they belong to (``data/places.tsv``), so that a place named in news
text ("drones struck Kharkiv", "shelling killed four in Jammu") can stand for its state.

The table is made once from GeoNames data by ``tools/build_places.py`` (licence and attribution:
``data/LICENSE-geonames.txt``); names that are also words, first names or surnames, names of places in
several states, and names the gazetteer already has (capitals among them) are left out there.
"""

from __future__ import annotations

import functools


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
    return places
