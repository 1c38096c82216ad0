"""Relations -> RDF: the claim, document and actor nodes of kg's graphs, and back.

Each :class:`~kg.model.Relation` becomes a content-addressed claim node (``claim:<16 hex>``,
a ``kg:Claim`` and ``rdf:Statement``) that carries the evidence and attributes and points to
its document (``prov:wasDerivedFrom doc:<slug>``). Every relation that is not negated is also
stated directly (``actor:PRK kg:supplies actor:RUS``; both directions for a symmetric
predicate). The graph has no blank nodes, so merging two graphs never duplicates a claim.

:func:`add_claim`, :func:`add_document` and :func:`add_actor` add one node's triples to anything
with ``add(triple)``: an rdflib graph, a :class:`~kg.rdf.lines.LineGraph`, or the line sinks of
:mod:`kg.serialize` that the build's workers fill; :func:`build_graph` is the three together.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date
from decimal import Decimal
from typing import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV

from ..errors import GraphError
from ..model import Document, Relation
from ..predicates import RELATION_PREDICATES, SYMMETRIC_PREDICATES
from ..vocab import ACTOR, CLAIM, DOC, KG, WD, bind_prefixes
from .lines import LineGraph

__all__ = ["DOCUMENT_METADATA", "claim_id", "doc_slug", "doc_iri", "add_actor", "add_document", "add_claim",
           "build_graph", "relations_from_graph"]

_KINDS = {"state": KG.State, "organization": KG.Organization, "group": KG.Group}
_TIME_TYPES = ((re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), XSD.date),
               (re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])"), XSD.gYearMonth), (re.compile(r"[0-9]{4}"), XSD.gYear))
_HTTP_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")
_DATE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:$|[T ])")


def _valid_date(value: str) -> bool:
    try:
        return date.fromisoformat(value).year > 0
    except ValueError:
        return False


# ---------------------------------------------------------------------------- identifiers

def claim_id(rel: Relation) -> str:
    """The 16 hex digits that name a relation's claim node (a hash of where and what it says).

    >>> r = Relation("d1", "PRK", "supplies", "RUS", "North Korea", "Russia", "S.", 0, 2)
    >>> claim_id(r) == claim_id(r) and len(claim_id(r)) == 16
    True
    """
    key = "|".join((rel.doc, str(rel.sentence_index), str(rel.start), rel.subject, rel.predicate,
                    rel.object, "true" if rel.negated else "false"))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def doc_slug(doc_id: str) -> str:
    """A readable, unique IRI local name for a document id.

    >>> doc_slug("news/Kim Visits Moscow.txt")
    'news-kim-visits-moscow-txt-d54b2a9d'
    """
    ascii_text = unicodedata.normalize("NFKD", doc_id).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower())
    text = text.strip("-")[:60].strip("-")
    digest = hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8]
    return f"{text}-{digest}" if text else digest


def doc_iri(doc_id: str) -> URIRef:
    return DOC[doc_slug(doc_id)]


def _time_literal(value: str | None) -> Literal | None:
    if not value:
        return None
    for pattern, datatype in _TIME_TYPES:
        if pattern.fullmatch(value):
            if value.startswith("0000") or datatype == XSD.date and not _valid_date(value):
                return None  # not a date of the calendar: the time expression stays as written
            return Literal(value, datatype=datatype)
    return None


def _decimal(value: float) -> Literal:
    return Literal(Decimal(repr(round(float(value), 3))), datatype=XSD.decimal)


def _source_node(value: str) -> URIRef | Literal:
    if _HTTP_IRI.fullmatch(value):
        return URIRef(value)
    return Literal(value)


# ---------------------------------------------------------------------------- building

def add_actor(graph: Graph, actor_id: str, gazetteer, fallback_label: str | None) -> None:
    node = ACTOR[actor_id]
    actor = gazetteer.actors.get(actor_id) if gazetteer is not None else None
    if actor is None:
        graph.add((node, RDF.type, KG.Actor))
        graph.add((node, RDFS.label, Literal(fallback_label or actor_id, lang="en")))
        return
    graph.add((node, RDF.type, _KINDS.get(actor.kind, KG.Actor)))
    graph.add((node, RDFS.label, Literal(actor.label, lang="en")))
    if actor.kind == "state":
        graph.add((node, KG.iso3, Literal(actor.id)))
    if actor.iso2:
        graph.add((node, KG.iso2, Literal(actor.iso2)))
    if actor.wikidata:
        graph.add((node, OWL.sameAs, WD[actor.wikidata]))


#: the properties of a document node that a newer reading of the same document replaces
DOCUMENT_METADATA = frozenset({DCTERMS.title, DCTERMS.date, DCTERMS.source})


def add_document(graph: Graph, doc: Document) -> None:
    node = doc_iri(doc.id)
    graph.add((node, RDF.type, KG.Document))
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, DCTERMS.identifier, Literal(doc.id)))
    if doc.title:
        graph.add((node, DCTERMS.title, Literal(doc.title)))
    if doc.date and (m := _DATE.match(doc.date)) and _valid_date(m.group(1)):
        graph.add((node, DCTERMS.date, Literal(m.group(1), datatype=XSD.date)))
    for value in dict.fromkeys(v for v in (doc.url, doc.source) if v):
        graph.add((node, DCTERMS.source, _source_node(value)))


def add_claim(graph: Graph, rel: Relation) -> None:
    if rel.predicate not in RELATION_PREDICATES:
        raise GraphError(f"unknown predicate {rel.predicate!r} in a relation of {rel.doc}")
    node = CLAIM[claim_id(rel)]
    pred = KG[rel.predicate]
    subj, obj = ACTOR[rel.subject], ACTOR[rel.object]
    add = graph.add
    add((node, RDF.type, KG.Claim))
    add((node, RDF.type, RDF.Statement))
    add((node, RDF.subject, subj))
    add((node, RDF.predicate, pred))
    add((node, RDF.object, obj))
    add((node, KG.evidence, Literal(rel.sentence)))
    add((node, KG.startOffset, Literal(rel.start)))
    add((node, KG.endOffset, Literal(rel.end)))
    add((node, KG.sentenceIndex, Literal(rel.sentence_index)))
    add((node, KG.hedged, Literal(bool(rel.hedged))))
    add((node, KG.negated, Literal(bool(rel.negated))))
    add((node, KG.confidence, _decimal(rel.confidence)))
    if rel.attributed_to:
        add((node, KG.attributedTo, ACTOR[rel.attributed_to]))
    for prop, value in ((KG.item, rel.item), (KG.quantity, rel.quantity), (KG.timeExpression, rel.time),
                        (KG.trigger, rel.trigger), (KG.rule, rel.rule)):
        if value:
            add((node, prop, Literal(value)))
    if (time := _time_literal(rel.time_value)) is not None:
        add((node, KG.time, time))
    add((node, PROV.wasDerivedFrom, doc_iri(rel.doc)))
    if not rel.negated:
        add((subj, pred, obj))
        if rel.predicate in SYMMETRIC_PREDICATES:
            add((obj, pred, subj))



def build_graph(relations: Iterable[Relation], documents: Iterable[Document], gazetteer,
                graph: Graph | LineGraph | None = None) -> Graph:
    """The RDF graph of ``relations``, their ``documents`` and the actors they name.

    ``graph`` may be an existing graph to add to, or a :class:`LineGraph` for line formats.

    Parameters
    ----------
    relations : iterable of Relation
        Extracted relations; negated ones give a claim but no direct triple.
    documents : iterable of Document
        The documents the relations come from (a relation whose document is not given
        still gets a document node with its identifier).
    gazetteer : kg.gazetteer.Gazetteer or None
        Gives each actor its type, label, ISO codes and Wikidata id.

    Returns
    -------
    rdflib.Graph

    Examples
    --------
    >>> r = Relation("d1", "PRK", "supplies", "RUS", "North Korea", "Russia", "S.", 0, 2)
    >>> g = build_graph([r], [], None)
    >>> (ACTOR.PRK, KG.supplies, ACTOR.RUS) in g
    True
    """
    if graph is None:
        graph = Graph(bind_namespaces="core")
    bind_prefixes(graph)
    labels: dict[str, str | None] = {}
    docs: set[str] = set()
    for doc in documents:
        add_document(graph, doc)
        docs.add(doc.id)
    for rel in relations:
        add_claim(graph, rel)
        labels.setdefault(rel.subject, rel.subject_label)
        labels.setdefault(rel.object, rel.object_label)
        if rel.attributed_to:
            labels.setdefault(rel.attributed_to, None)
        if rel.doc not in docs:
            add_document(graph, Document(id=rel.doc, text=""))
            docs.add(rel.doc)
    for actor_id, label in labels.items():
        add_actor(graph, actor_id, gazetteer, label)
    return graph


# ---------------------------------------------------------------------------- reading claims back

def _local(node, namespace) -> str:
    text = str(node)
    return text[len(str(namespace)):] if text.startswith(str(namespace)) else text


def _true(literal) -> bool:
    return literal is not None and str(literal).strip().lower() in ("true", "1")


def relations_from_graph(graph: Graph) -> list[Relation]:
    """Read the claims of ``graph`` back into Relation records, sorted by document and position.

    Labels come from the actors' ``rdfs:label`` (the id when there is none).
    """
    labels = {s: str(o) for s, o in graph.subject_objects(RDFS.label)}
    doc_ids = {s: str(o) for s, o in graph.subject_objects(DCTERMS.identifier)}
    out = []
    for node in set(graph.subjects(RDF.type, KG.Claim)):
        v: dict = {}
        for p, o in graph.predicate_objects(node):
            v[p] = o
        try:
            subj, pred, obj = v[RDF.subject], v[RDF.predicate], v[RDF.object]
            doc_node = v[PROV.wasDerivedFrom]
        except KeyError as exc:
            raise GraphError(f"claim {node} lacks {exc.args[0]}") from None

        def text(p):
            return str(v[p]) if p in v else None

        out.append(Relation(
            doc=doc_ids.get(doc_node, _local(doc_node, DOC)),
            subject=_local(subj, ACTOR), predicate=_local(pred, KG), object=_local(obj, ACTOR),
            subject_label=labels.get(subj, _local(subj, ACTOR)), object_label=labels.get(obj, _local(obj, ACTOR)),
            sentence=text(KG.evidence) or "", start=int(v.get(KG.startOffset, 0)), end=int(v.get(KG.endOffset, 0)),
            sentence_index=int(v.get(KG.sentenceIndex, 0)),
            hedged=_true(v.get(KG.hedged)), negated=_true(v.get(KG.negated)),
            attributed_to=_local(v[KG.attributedTo], ACTOR) if KG.attributedTo in v else None,
            item=text(KG.item), quantity=text(KG.quantity), time=text(KG.timeExpression),
            time_value=text(KG.time), confidence=float(v[KG.confidence]) if KG.confidence in v else 0.5,
            trigger=text(KG.trigger), rule=text(KG.rule),
        ))
    out.sort(key=lambda r: (r.doc, r.sentence_index, r.start, r.subject, r.predicate, r.object, r.negated))
    return out

