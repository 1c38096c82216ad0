"""The kg vocabulary as an rdflib ``DefinedNamespace`` and the namespaces of the graph (the IRIs
themselves are in :mod:`kg.namespaces`, which needs no RDF library).

``KG`` has one attribute a term of ``ontology/kg.ttl``; a misspelt term fails at once::

    >>> KG.supplies
    rdflib.term.URIRef('https://w3id.org/kgstates/ontology#supplies')
    >>> KG.suplies
    Traceback (most recent call last):
    ...
    AttributeError: term 'suplies' not in namespace 'https://w3id.org/kgstates/ontology#'

A test keeps this class and kg.ttl in step.
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg import namespaces as ns
from kg.predicates import QUAD_CLASSES, RELATION_PREDICATES, SYMMETRIC_PREDICATES

__all__ = [
    "KG",
    "PREFIXES",
    "ACTOR",
    "PERSON",
    "PLACE",
    "CLAIM",
    "DOC",
    "WD",
    "GEO",
    "ONTOLOGY_IRI",
    "RELATION_PREDICATES",
    "SYMMETRIC_PREDICATES",
    "QUAD_CLASSES",
    "bind_prefixes",
]

ONTOLOGY_IRI = URIRef(ns.ONTOLOGY_IRI)

ACTOR = Namespace(ns.ACTOR)
PERSON = Namespace(ns.PERSON)
PLACE = Namespace(ns.PLACE)
CLAIM = Namespace(ns.CLAIM)
DOC = Namespace(ns.DOC)
WD = Namespace(ns.WD)
GEO = Namespace(ns.GEO)


class KG(DefinedNamespace):
    """Terms of the kg ontology (https://w3id.org/kgstates/ontology#)."""

    _fail = True
    _NS = Namespace(ns.KG)

    # Classes
    Actor: URIRef  # anything that takes part in a relation: state, organization or group
    State: URIRef  # a state, identified by its ISO 3166-1 alpha-3 code
    Organization: URIRef  # an intergovernmental organization or organ (UN, UNSC, NATO, EU)
    Group: URIRef  # an informal collective of states (the West, the international community)
    Person: URIRef  # a head of state or government or another official
    Place: URIRef  # a located place such as a capital city
    Claim: URIRef  # one relation read from one sentence (an rdf:Statement and prov:Entity)
    Document: URIRef  # a text from which claims were read (a prov:Entity)

    # Relation hierarchy
    relatedTo: URIRef  # the most general relation between two actors
    verbalCooperation: URIRef  # quad class: cooperation in words
    materialCooperation: URIRef  # quad class: cooperation in deeds
    verbalConflict: URIRef  # quad class: conflict in words
    materialConflict: URIRef  # quad class: conflict in deeds

    # Relations (docs/annotation-guide.md)
    alliedWith: URIRef  # the two are allies or partners (symmetric)
    meetsWith: URIRef  # officials meet, visit, hold talks (symmetric)
    agreesWith: URIRef  # they sign or reach an agreement (symmetric)
    supports: URIRef  # subject backs object in words
    vetoesFor: URIRef  # subject uses a veto to shield object
    supplies: URIRef  # subject transfers goods to object
    aids: URIRef  # subject gives aid or money to object
    cooperatesWith: URIRef  # joint action (symmetric)
    tradesWith: URIRef  # trade between the two (symmetric)
    concernedBy: URIRef  # subject expresses concern about object or its acts
    criticizes: URIRef  # subject condemns or accuses object
    threatens: URIRef  # subject threatens object
    tensionWith: URIRef  # relations are strained (symmetric)
    sanctions: URIRef  # subject imposes penalties on object
    attacks: URIRef  # subject uses force against object
    atWarWith: URIRef  # the two are at war (symmetric)

    # Structural properties
    leaderOf: URIRef  # person -> state: head of state or government
    officialOf: URIRef  # person -> state: minister or official acting for the state
    memberOf: URIRef  # actor -> organization or group

    # Annotations on relation properties
    ploverType: URIRef  # PLOVER event type of a relation
    cameoCode: URIRef  # a CAMEO event code a relation covers (may repeat)
    goldsteinWeight: URIRef  # Goldstein scale value, -10..+10
    quadClass: URIRef  # the quad-class super-property of a relation
    polarity: URIRef  # sign of a quad class: 1 cooperation, -1 conflict

    # Gazetteer
    iso2: URIRef  # ISO 3166-1 alpha-2 code
    iso3: URIRef  # ISO 3166-1 alpha-3 code
    isoNumeric: URIRef  # ISO 3166-1 numeric code (string)
    officialName: URIRef  # formal name of a state (@en)
    demonym: URIRef  # demonym of a state (@en, may repeat)
    capital: URIRef  # state -> capital place
    seatOfPower: URIRef  # metonym for the government: "the Kremlin" (@en)
    agency: URIRef  # agency name standing for the state: "the Pentagon" (@en)
    combiningForm: URIRef  # "Sino" of "Sino-Russian" (@en)
    groupAdjective: URIRef  # "western" of "western sanctions", on a group (@en)
    referenceNoun: URIRef  # "the alliance" for NATO (@en)
    forum: URIRef  # an organization whose texts members adopt or block (boolean)
    unStatus: URIRef  # "member" | "observer" | "non-member"
    role: URIRef  # office held by a person (@en)
    inOffice: URIRef  # whether a person holds the office (xsd:boolean)
    termStart: URIRef  # start of a term (xsd:gYear or xsd:date)
    termEnd: URIRef  # end of a term (xsd:gYear or xsd:date)

    # Claims
    evidence: URIRef  # the sentence text
    startOffset: URIRef  # character offset where the sentence starts
    endOffset: URIRef  # character offset just past the sentence
    sentenceIndex: URIRef  # index of the sentence in the document
    hedged: URIRef  # the relation is reported or likely, not plain fact
    negated: URIRef  # the sentence denies the relation
    confidence: URIRef  # extractor confidence in [0, 1]
    attributedTo: URIRef  # the actor the claim is attributed to
    item: URIRef  # what is supplied or given, as worded
    quantity: URIRef  # an amount, as worded
    timeExpression: URIRef  # the words that place the claim in time
    trigger: URIRef  # the word that signals the relation
    rule: URIRef  # the extraction rule that found the relation
    time: URIRef  # resolved time (xsd:date, xsd:gYearMonth or xsd:gYear)


#: the prefixes kg binds on its graphs (the table of kg.namespaces, as rdflib namespaces)
PREFIXES = {prefix: Namespace(iri) for prefix, iri in ns.PREFIXES.items()}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the kg prefixes (kg, actor, person, ..., xsd) on ``graph`` and return it.

    >>> g = bind_prefixes(Graph())
    >>> dict(g.namespaces())["actor"]
    rdflib.term.URIRef('https://w3id.org/kgstates/actor/')
    """
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
