"""The namespaces of kg graphs, in one place, as plain strings (no RDF library needed).

:mod:`kg.vocab` makes rdflib namespaces of these; :mod:`kg.network` and :mod:`kg.sources` compare
pyoxigraph terms with them; queries declare :data:`PREFIXES`.

>>> PREFIXES["actor"] == ACTOR
True
>>> local(ACTOR + "PRK", ACTOR)
'PRK'
"""

from __future__ import annotations

__all__ = ["KG", "ACTOR", "PERSON", "PLACE", "CLAIM", "DOC", "WD", "GEO", "RDF", "RDFS", "OWL", "XSD", "SKOS",
           "PROV", "DCTERMS", "ONTOLOGY_IRI", "PREFIXES", "local"]

ONTOLOGY_IRI = "https://w3id.org/kgstates/ontology"
KG = "https://w3id.org/kgstates/ontology#"
ACTOR = "https://w3id.org/kgstates/actor/"
PERSON = "https://w3id.org/kgstates/person/"
PLACE = "https://w3id.org/kgstates/place/"
CLAIM = "https://w3id.org/kgstates/claim/"
DOC = "https://w3id.org/kgstates/doc/"
WD = "http://www.wikidata.org/entity/"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"

#: the prefixes kg binds on its graphs and declares in queries (rdf is rdflib's and SPARQL's own)
PREFIXES: dict[str, str] = {
    "kg": KG,
    "actor": ACTOR,
    "person": PERSON,
    "place": PLACE,
    "claim": CLAIM,
    "doc": DOC,
    "wd": WD,
    "geo": GEO,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "owl": OWL,
    "rdfs": RDFS,
    "xsd": XSD,
}


def local(iri: str, namespace: str) -> str:
    """``iri`` without ``namespace`` in front (``iri`` itself when it is not in the namespace)."""
    return iri[len(namespace):] if iri.startswith(namespace) else iri
