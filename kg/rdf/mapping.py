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
from .lines import LineGraph, ntriples_line, ntriples_plain_literal

__all__ = ["DOCUMENT_METADATA", "claim_id", "doc_slug", "doc_iri", "add_actor", "add_document", "add_claim",
           "claim_lines", "build_graph", "relations_from_graph"]

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



# ---------------------------------------------------------------------------- a claim's lines, without rdflib terms

class _Terms:
    """The N-Triples form of the terms of claims, each made once by rdflib (a term, then the line
    writer's form of it) and then looked up: :func:`claim_lines` writes the lines of a claim from
    these strings instead of making some twenty rdflib terms per relation. A table past ``limit``
    entries starts again, so a long build's memory stays bounded."""

    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit
        self.iris: dict = {}
        self.literals: dict = {}
        self.fixed = {name: _n3(term) for name, term in (
            ("type", RDF.type), ("claim", KG.Claim), ("statement", RDF.Statement), ("subject", RDF.subject),
            ("predicate", RDF.predicate), ("object", RDF.object), ("evidence", KG.evidence),
            ("startOffset", KG.startOffset), ("endOffset", KG.endOffset), ("sentenceIndex", KG.sentenceIndex),
            ("hedged", KG.hedged), ("negated", KG.negated), ("confidence", KG.confidence),
            ("attributedTo", KG.attributedTo), ("item", KG.item), ("quantity", KG.quantity),
            ("timeExpression", KG.timeExpression), ("trigger", KG.trigger), ("rule", KG.rule), ("time", KG.time),
            ("wasDerivedFrom", PROV.wasDerivedFrom))}

    def _keep(self, table: dict, key, value: str) -> str:
        if len(table) >= self.limit:
            table.clear()
        table[key] = value
        return value

    def iri(self, kind: str, name: str) -> str:
        """``<...>`` of ``ACTOR[name]`` (``kind`` "actor"), ``KG[name]`` ("kg") or ``doc_iri(name)`` ("doc")."""
        key = (kind, type(name), name)
        found = self.iris.get(key)
        if found is None:
            node = ACTOR[name] if kind == "actor" else KG[name] if kind == "kg" else doc_iri(name)
            found = self._keep(self.iris, key, _n3(node))  # an IRI rdflib cannot write fails here, as it did
        return found

    def literal(self, kind: str, value) -> str:
        """The written literal of ``value`` as :func:`add_claim` makes it: ``Literal(value)`` ("plain"),
        ``_decimal(value)`` ("decimal") or ``_time_literal(value)`` ("time"; ``None`` when there is none)."""
        if kind == "plain" and type(value) is str:
            return ntriples_plain_literal(value)  # what the line writer makes of Literal(text)
        # a float by its repr: -0.0 and 0.0 are equal keys, and write differently
        key = (kind, type(value), repr(value) if isinstance(value, float) else value)
        try:
            return self.literals[key]
        except KeyError:
            pass
        except TypeError:  # not hashable: made each time
            key = None
        term = Literal(value) if kind == "plain" else _decimal(value) if kind == "decimal" else _time_literal(value)
        found = None if term is None else _n3(term)
        return found if key is None else self._keep(self.literals, key, found)


def _n3(term) -> str:
    """A term as the N-Triples line writer writes it (the object of a line, which is also how it
    writes an IRI as subject or predicate)."""
    line = ntriples_line((RDF.type, RDF.type, term))
    return line[len(_TYPE_TYPE):-3]


_TYPE_TYPE = f"<{RDF.type}> <{RDF.type}> "
_TERMS: _Terms | None = None


def claim_lines(rel: Relation) -> list[str]:
    """The N-Triples lines :func:`add_claim` adds for ``rel``, in the same order and byte for byte
    (a test holds the two together), written from strings rather than from rdflib terms."""
    global _TERMS
    if rel.predicate not in RELATION_PREDICATES:
        raise GraphError(f"unknown predicate {rel.predicate!r} in a relation of {rel.doc}")
    terms = _TERMS
    if terms is None:
        terms = _TERMS = _Terms()
    f, iri, lit = terms.fixed, terms.iri, terms.literal
    node = f"<{CLAIM}{claim_id(rel)}>"  # 16 hex digits in kg's namespace: an IRI rdflib writes as it is
    pred = iri("kg", rel.predicate)
    subj, obj = iri("actor", rel.subject), iri("actor", rel.object)
    head = node + " "
    lines = [
        f"{head}{f['type']} {f['claim']} .\n",
        f"{head}{f['type']} {f['statement']} .\n",
        f"{head}{f['subject']} {subj} .\n",
        f"{head}{f['predicate']} {pred} .\n",
        f"{head}{f['object']} {obj} .\n",
        f"{head}{f['evidence']} {lit('plain', rel.sentence)} .\n",
        f"{head}{f['startOffset']} {lit('plain', rel.start)} .\n",
        f"{head}{f['endOffset']} {lit('plain', rel.end)} .\n",
        f"{head}{f['sentenceIndex']} {lit('plain', rel.sentence_index)} .\n",
        f"{head}{f['hedged']} {lit('plain', bool(rel.hedged))} .\n",
        f"{head}{f['negated']} {lit('plain', bool(rel.negated))} .\n",
        f"{head}{f['confidence']} {lit('decimal', rel.confidence)} .\n",
    ]
    if rel.attributed_to:
        lines.append(f"{head}{f['attributedTo']} {iri('actor', rel.attributed_to)} .\n")
    for prop, value in (("item", rel.item), ("quantity", rel.quantity), ("timeExpression", rel.time),
                        ("trigger", rel.trigger), ("rule", rel.rule)):
        if value:
            lines.append(f"{head}{f[prop]} {lit('plain', value)} .\n")
    if (time := lit("time", rel.time_value)) is not None:
        lines.append(f"{head}{f['time']} {time} .\n")
    lines.append(f"{head}{f['wasDerivedFrom']} {iri('doc', rel.doc)} .\n")
    if not rel.negated:
        lines.append(f"{subj} {pred} {obj} .\n")
        if rel.predicate in SYMMETRIC_PREDICATES:
            lines.append(f"{obj} {pred} {subj} .\n")
    return lines


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

