"""The gazetteer: actors (states, organizations, groups), people and the names news uses for them.

The data lives in Turtle (``ontology/states.ttl``); this module reads it once into plain
Python records so that extraction needs no RDF library. Users add actors with their own
Turtle files in the same shape (``--gazetteer FILE``).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Iterable

from .errors import GazetteerError
from .namespaces import ACTOR, GEO, KG, OWL, PERSON, RDF, RDFS, SKOS, WD
from .resources import ontology_path

log = logging.getLogger(__name__)

RDFS_LABEL = RDFS + "label"
RDF_TYPE = RDF + "type"
OWL_SAMEAS = OWL + "sameAs"

#: the kinds of name, from the most to the least specific
NAME_KINDS = ("name", "official", "alias", "seat", "agency", "capital", "demonym")


def _pickled_as_values(cls):
    """Pickle a record as its class and field values: kg's cache reads 2,800 of them back in a third of the
    time a slotted dataclass's own state takes."""
    names = tuple(f.name for f in fields(cls))

    def __reduce__(self):
        return cls, tuple(getattr(self, n) for n in names)

    cls.__reduce__ = __reduce__
    return cls


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class Actor:
    """A state, organization or group."""

    id: str  # ISO alpha-3 for states, "UN", "NATO", "WEST" ... otherwise
    kind: str  # "state" | "organization" | "group"
    label: str
    iso2: str | None = None
    wikidata: str | None = None  # Q-id
    official_name: str | None = None
    capital: str | None = None
    lat: float | None = None  # capital coordinates, WGS84
    lon: float | None = None
    un_status: str | None = None


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class Person:
    """A person who acts for a state: a leader (head of state or government) or an official."""

    id: str  # slug
    label: str
    actor: str  # the state they lead or represent
    role: str | None = None
    leader: bool = True
    in_office: bool | None = None


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class Name:
    """A surface form of an actor: ``text`` names ``actor``; ``person`` when it names a person."""

    text: str
    actor: str
    kind: str
    person: str | None = None


class Gazetteer:
    """Actors, people, memberships and every name that refers to them."""

    def __init__(self, actors: dict[str, Actor], persons: dict[str, Person], names: list[Name],
                 members: dict[str, frozenset[str]], *, combining: dict[str, str] | None = None,
                 group_adjectives: dict[str, str] | None = None,
                 reference_nouns: dict[str, frozenset[str]] | None = None, forums: frozenset[str] = frozenset()):
        self.actors = actors
        self.persons = persons
        self.names = names
        self.members = members  # organization id -> member actor ids
        self.combining = combining or {}  # "Sino" -> CHN (kg:combiningForm)
        self.group_adjectives = group_adjectives or {}  # "western" -> WEST (kg:groupAdjective)
        self.reference_nouns = reference_nouns or {}  # NATO -> {"alliance"} (kg:referenceNoun)
        self.forums = forums  # organizations whose texts members adopt or block (kg:forum)
        self.cache_key: str | None = None  # kg.cache's name for it, when it was read from its files
        # the latest year its people took office (kg:termStart): the present for an undated document (decision 25)
        self.as_of: int | None = None

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self.actors

    @property
    def organizations(self) -> frozenset[str]:
        """The ids of its organizations and groups (every actor that is not a state)."""
        found = self.__dict__.get("_organizations")
        if found is None:
            found = self.__dict__["_organizations"] = frozenset(
                a.id for a in self.actors.values() if a.kind != "state")
        return found

    def actor(self, actor_id: str) -> Actor:
        try:
            return self.actors[actor_id]
        except KeyError:
            raise GazetteerError(f"unknown actor id {actor_id!r}") from None

    def label(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.label if actor else actor_id

    def lookup(self, text: str) -> list[str]:
        """Actor ids a name, alias, demonym, capital or ISO code refers to (exact, then case-insensitive)."""
        key = text.strip()
        if key in self.actors or (len(key) == 3 and key.upper() in self.actors and key.isalpha()):
            return [key.upper()]
        by_iso2 = next((a.id for a in self.actors.values() if a.iso2 and a.iso2 == key), None)
        if by_iso2 is not None:
            return [by_iso2]
        found = sorted({n.actor for n in self.names if n.text == key})
        if not found:
            low = key.lower().removeprefix("the ")
            found = sorted({n.actor for n in self.names if n.text.lower().removeprefix("the ") == low})
        return found

    def resolve(self, text: str) -> str:
        """The single actor id ``text`` names, or a GazetteerError suggesting close names."""
        found = self.lookup(text)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise GazetteerError(f"{text!r} is ambiguous: it may mean {', '.join(found)}")
        import difflib

        choices = sorted({n.text for n in self.names if n.kind in ("name", "alias", "official")})
        close = difflib.get_close_matches(text, choices, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise GazetteerError(f"unknown actor {text!r}{hint}")


def _local(iri: str, base: str) -> str | None:
    return iri[len(base):] if iri.startswith(base) else None


def _read(graph, path: Path) -> None:
    from .errors import GraphError
    from .rdf import FORMATS
    from .rdfguard import refuse_unsafe

    try:
        refuse_unsafe(path, FORMATS[".ttl"])  # prefix and string bombs: before parsing
        graph.parse(str(path), format="turtle")
    except GraphError as exc:
        raise GazetteerError(str(exc)) from None
    except FileNotFoundError:
        raise GazetteerError(f"{path}: gazetteer file not found") from None
    except UnicodeDecodeError as exc:
        from .fileio import not_utf8

        raise GazetteerError(f"{path}: not a valid Turtle gazetteer: {not_utf8(exc)}") from None
    except Exception as exc:  # rdflib raises many parser exception types
        from .rdferrors import parse_error

        detail = str(parse_error(path, FORMATS[".ttl"], exc))  # "FILE: line N, column M: why"
        detail = detail.removeprefix(f"{path}: ").removeprefix("not valid turtle: ")
        raise GazetteerError(f"{path}: not a valid Turtle gazetteer: {detail}") from None


def _build(graph) -> Gazetteer:
    from rdflib import URIRef

    def values(s, p):
        return sorted(str(o) for o in graph.objects(s, URIRef(p)))

    def first(s, p):
        vals = values(s, p)
        return vals[0] if vals else None

    kinds = {KG + "State": "state", KG + "Organization": "organization", KG + "Group": "group"}
    actors: dict[str, Actor] = {}
    names: list[Name] = []
    for cls, kind in kinds.items():
        for s in sorted(graph.subjects(URIRef(RDF_TYPE), URIRef(cls))):
            aid = _local(str(s), ACTOR)
            if aid is None:
                continue
            label = first(s, SKOS + "prefLabel") or first(s, RDFS_LABEL) or aid
            capital = first(s, KG + "capital")
            cap_label = lat = lon = None
            if capital:
                cap = URIRef(capital)
                cap_label = first(cap, RDFS_LABEL)
                lat_s, lon_s = first(cap, GEO + "lat"), first(cap, GEO + "long")
                lat = float(lat_s) if lat_s else None
                lon = float(lon_s) if lon_s else None
                for text in values(cap, RDFS_LABEL) + values(cap, SKOS + "altLabel"):
                    names.append(Name(text, aid, "capital"))
            wd = first(s, OWL_SAMEAS)
            actors[aid] = Actor(
                id=aid, kind=kind, label=label, iso2=first(s, KG + "iso2"),
                wikidata=_local(wd, WD) if wd else None,
                official_name=first(s, KG + "officialName"), capital=cap_label, lat=lat, lon=lon,
                un_status=first(s, KG + "unStatus"),
            )
            for p, nk in ((SKOS + "prefLabel", "name"), (RDFS_LABEL, "name"), (KG + "officialName", "official"),
                          (SKOS + "altLabel", "alias"), (KG + "seatOfPower", "seat"), (KG + "agency", "agency"),
                          (KG + "demonym", "demonym")):
                for text in values(s, p):
                    names.append(Name(text, aid, nk))
    persons: dict[str, Person] = {}
    starts: list[int] = []  # the years its people took office: the gazetteer's data is as of the latest
    for s in sorted(graph.subjects(URIRef(RDF_TYPE), URIRef(KG + "Person"))):
        pid = _local(str(s), PERSON) or str(s)
        led = first(s, KG + "leaderOf")
        official = first(s, KG + "officialOf")
        target = led or official
        aid = _local(target, ACTOR) if target else None
        if aid is None:
            continue
        in_office = first(s, KG + "inOffice")
        starts.extend(int(v[:4]) for v in values(s, KG + "termStart") if v[:4].isdigit())
        label = first(s, RDFS_LABEL) or pid
        persons[pid] = Person(pid, label, aid, first(s, KG + "role"), leader=led is not None,
                              in_office=None if in_office is None else in_office.lower() == "true")
        for p, nk in ((RDFS_LABEL, "leader"), (SKOS + "prefLabel", "leader"), (SKOS + "altLabel", "leader"),
                      (SKOS + "hiddenLabel", "surname")):
            for text in values(s, p):
                names.append(Name(text, aid, nk, person=pid))
    members: dict[str, set[str]] = {}
    for s, o in graph.subject_objects(URIRef(KG + "memberOf")):
        a, org = _local(str(s), ACTOR), _local(str(o), ACTOR)
        if a and org:
            members.setdefault(org, set()).add(a)
    names = sorted(set(names), key=lambda n: (n.text, n.actor, n.kind, n.person or ""))
    combining: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    references: dict[str, frozenset[str]] = {}
    forums: set[str] = set()
    for aid in sorted(actors):
        s = URIRef(ACTOR + aid)
        for form in values(s, KG + "combiningForm"):
            combining.setdefault(form, aid)
        for adj in values(s, KG + "groupAdjective"):
            adjectives.setdefault(adj.lower(), aid)
        nouns = frozenset(n.lower() for n in values(s, KG + "referenceNoun"))
        if nouns:
            references[aid] = nouns
        if (first(s, KG + "forum") or "").lower() in ("true", "1"):
            forums.add(aid)
    gazetteer = Gazetteer(actors, persons, names, {k: frozenset(v) for k, v in sorted(members.items())},
                          combining=combining, group_adjectives=adjectives, reference_nouns=references,
                          forums=frozenset(forums))
    gazetteer.as_of = max(starts) if starts else None
    return gazetteer


@functools.lru_cache(maxsize=8)
def _load_cached(paths: tuple[str, ...]) -> Gazetteer:
    """The gazetteer of these files, built once and then read from kg's disk cache (:mod:`kg.cache`)."""
    from .cache import cached, key

    try:
        sources = [Path(p).read_bytes() for p in paths]
    except OSError:
        return _parse(paths)  # _read names the file and the problem
    name = key("gazetteer", sources)
    gazetteer = cached("gazetteer", sources, lambda: _parse(paths), Gazetteer, name=name)
    gazetteer.cache_key = name  # what is compiled from it (extraction's name index) is cached under it too
    return gazetteer


def _parse(paths: tuple[str, ...]) -> Gazetteer:
    from rdflib import Graph

    graph = Graph()
    for p in paths:
        _read(graph, Path(p))
    return _build(graph)


def load_gazetteer(extra: Iterable[str | Path] = ()) -> Gazetteer:
    """The bundled gazetteer, extended by the user's Turtle files ``extra``.

    >>> gaz = load_gazetteer()
    >>> gaz.resolve("DPRK")
    'PRK'
    """
    paths = [str(ontology_path("states.ttl"))] + [str(Path(p)) for p in extra]
    for p in paths[1:]:
        if Path(p).is_dir():
            raise GazetteerError(f"{p}: is a directory, not a gazetteer file")
        if not Path(p).is_file():
            raise GazetteerError(f"{p}: gazetteer file not found")
    gazetteer = _load_cached(tuple(paths))
    log.info("gazetteer: %d actors, %d names%s", len(gazetteer.actors), len(gazetteer.names),
             f" (with {', '.join(paths[1:])})" if len(paths) > 1 else "")
    return gazetteer
