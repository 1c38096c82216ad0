"""Read the kg ontology (``ontology/kg.ttl``) and the facts it states about each relation.

This module is ``kg.onto`` rather than ``kg.ontology`` because ``kg.ontology`` is the package that
holds the ``*.ttl`` data files (see setup.cfg and :mod:`kg.resources`).

>>> info = predicate_info()
>>> list(info)[:3]
['alliedWith', 'meetsWith', 'agreesWith']
>>> info["sanctions"].quad_class, info["sanctions"].polarity, info["sanctions"].symmetric
('materialConflict', -1, False)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import GraphError
from kg.predicates import RELATION_PREDICATES
from kg.resources import ontology_path

if TYPE_CHECKING:
    from rdflib import Graph, Literal, URIRef

__all__ = ["PredicateInfo", "load_ontology", "predicate_info"]


@dataclass(frozen=True)
class PredicateInfo:
    """What kg.ttl says about one relation property."""

    name: str  # local name, e.g. "supplies"
    label: str  # rdfs:label
    definition: str  # skos:definition
    symmetric: bool  # typed owl:SymmetricProperty
    quad_class: str  # local name of the quad super-property, e.g. "materialCooperation"
    polarity: int  # kg:polarity of the quad class: 1 cooperation, -1 conflict
    plover: str  # kg:ploverType
    cameo: tuple[str, ...]  # kg:cameoCode values, sorted
    weight: float  # kg:goldsteinWeight

    @property
    def iri(self) -> URIRef:
        """The property's IRI, e.g. ``KG.supplies``."""
        from kg.vocab import KG

        return KG[self.name]


def load_ontology() -> Graph:
    """Parse ``kg.ttl`` into a new graph (the caller may change it)."""
    from rdflib import Graph

    path = ontology_path("kg.ttl")
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:  # rdflib raises BadSyntax (a SyntaxError)
        raise GraphError(f"cannot read the ontology {path}: {exc}") from exc
    return graph


def predicate_info() -> dict[str, PredicateInfo]:
    """Return the sixteen relations, in the order of the annotation guide, keyed by local name.

    Examples
    --------
    >>> info = predicate_info()["alliedWith"]
    >>> info.symmetric, len(predicate_info())
    (True, 16)
    """
    return {info.name: info for info in _predicate_infos()}


@functools.lru_cache(maxsize=1)
def _predicate_infos() -> tuple[PredicateInfo, ...]:
    """The relations' facts, read from kg's disk cache (:mod:`kg.cache`) when kg.ttl, the relation
    list and this module are as they were: parsing kg.ttl takes rdflib, which the commands that
    only need these facts (``kg analyze``) then never import."""
    from .cache import cached

    try:
        sources = [Path(ontology_path("kg.ttl")).read_bytes(), " ".join(RELATION_PREDICATES).encode(),
                   Path(__file__).read_bytes()]
    except OSError:
        return _read_predicate_infos()  # load_ontology names the file and the problem
    return cached("ontology", sources, _read_predicate_infos, tuple)


def _read_predicate_infos() -> tuple[PredicateInfo, ...]:
    from rdflib.namespace import OWL, RDF, RDFS, SKOS

    from kg.vocab import KG

    graph = load_ontology()
    quads = (KG.verbalCooperation, KG.materialCooperation, KG.verbalConflict, KG.materialConflict)
    polarity = {quad: int(_one(graph, quad, KG.polarity)) for quad in quads}
    infos = []
    for name in RELATION_PREDICATES:
        prop = KG[name]
        quad = _one(graph, prop, KG.quadClass)
        if quad not in polarity or (prop, RDFS.subPropertyOf, quad) not in graph:
            raise GraphError(f"kg.ttl: {name} has no consistent quad class ({quad})")
        infos.append(
            PredicateInfo(
                name=name,
                label=str(_one(graph, prop, RDFS.label)),
                definition=str(_one(graph, prop, SKOS.definition)),
                symmetric=(prop, RDF.type, OWL.SymmetricProperty) in graph,
                quad_class=str(quad).removeprefix(str(KG._NS)),
                polarity=polarity[quad],
                plover=str(_one(graph, prop, KG.ploverType)),
                cameo=tuple(sorted(str(code) for code in graph.objects(prop, KG.cameoCode))),
                weight=float(_one(graph, prop, KG.goldsteinWeight)),
            )
        )
    return tuple(infos)


def _one(graph: Graph, subject: URIRef, predicate: URIRef) -> Literal | URIRef:
    values = list(graph.objects(subject, predicate))
    if len(values) != 1:
        raise GraphError(f"kg.ttl: {subject} needs exactly one {predicate}, found {len(values)}")
    return values[0]
