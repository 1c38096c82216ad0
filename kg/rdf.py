"""Relations -> RDF graph with provenance, and reading/writing graphs in every RDF format.

Each :class:`~kg.model.Relation` becomes a content-addressed claim node (``claim:<16 hex>``,
a ``kg:Claim`` and ``rdf:Statement``) that carries the evidence and attributes and points to
its document (``prov:wasDerivedFrom doc:<slug>``). Every relation that is not negated is also
stated directly (``actor:PRK kg:supplies actor:RUS``; both directions for a symmetric
predicate). The graph has no blank nodes, so merging two graphs never duplicates a claim.

Writing is deterministic: the same graph gives the same bytes in every format.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV

from .errors import GraphError
from .formats import FORMATS, RdfFormat, format_for_path, graph_input
from .model import Document, Relation
from .predicates import RELATION_PREDICATES, SYMMETRIC_PREDICATES
from .rdferrors import parse_error, quiet_rdflib, unreadable
from .rdfguard import check_terms, refuse_unsafe
from .turtle import turtle_text, write_turtle
from .vocab import ACTOR, CLAIM, DOC, KG, PREFIXES, WD, bind_prefixes

#: the named graph that .nq and .trig files put everything in
DEFAULT_GRAPH_NAME = "https://w3id.org/kgstates/graph/default"

_KINDS = {"state": KG.State, "organization": KG.Organization, "group": KG.Group}
_TIME_TYPES = ((re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), XSD.date),
               (re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])"), XSD.gYearMonth), (re.compile(r"[0-9]{4}"), XSD.gYear))
_HTTP_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")
_DATE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:$|[T ])")
# characters XML 1.0 cannot carry, even escaped: RDF/XML writes U+FFFD in their place
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


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

def _add_actor(graph: Graph, actor_id: str, gazetteer, fallback_label: str | None) -> None:
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


def _add_document(graph: Graph, doc: Document) -> None:
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


def _add_claim(graph: Graph, rel: Relation) -> None:
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


class LineGraph:
    """A write-only stand-in for :class:`rdflib.Graph` for the line formats (N-Triples, N-Quads).

    Each triple is kept as its N-Triples line, so building a large graph takes a fraction of the
    memory of an rdflib graph; :func:`write_graph` writes the same bytes either way. Past
    ``spill_lines`` distinct lines, the lines are sorted into a temporary file in ``spill_dir``
    (unnamed where the system allows, and deleted when the graph is closed or collected) and
    :meth:`sorted_lines` merges those runs, so memory stays bounded however large the graph grows.
    """

    def __init__(self, spill_lines: int = 400_000, spill_dir: str | Path | None = None) -> None:
        from rdflib.plugins.serializers.nt import _nt_row

        self._row = _nt_row
        self.lines: set[str] = set()
        self.spill_lines = spill_lines
        self.spill_dir = spill_dir  # None: the system's temporary directory
        self._runs: list = []

    def add(self, triple) -> "LineGraph":
        self.lines.add(self._row(triple))
        if len(self.lines) >= self.spill_lines:
            self._spill()
        return self

    def add_lines(self, lines: Iterable[str]) -> None:
        """Add triples already written as N-Triples lines (in the form of ``add``), e.g. those of
        an existing graph file streamed by :func:`kg.append.ntriples_lines`."""
        for line in lines:
            self.lines.add(line)
            if len(self.lines) >= self.spill_lines:
                self._spill()

    def _spill(self) -> None:
        import tempfile

        run = tempfile.TemporaryFile("w+", encoding="utf-8", newline="", dir=self.spill_dir)
        run.writelines(sorted(self.lines))
        run.seek(0)
        self._runs.append(run)
        self.lines = set()

    def sorted_lines(self) -> Iterator[str]:
        """Every distinct line once, in sorted order (the runs on disk merged with those in memory)."""
        import heapq

        for run in self._runs:
            run.seek(0)
        previous = None
        for line in heapq.merge(sorted(self.lines), *self._runs):
            if line != previous:
                yield line
                previous = line

    def close(self) -> None:
        for run in self._runs:
            run.close()
        self._runs = []

    def bind(self, *args, **kwargs) -> None:
        pass

    def __len__(self) -> int:
        if not self._runs:
            return len(self.lines)
        return sum(1 for _ in self.sorted_lines())


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
        _add_document(graph, doc)
        docs.add(doc.id)
    for rel in relations:
        _add_claim(graph, rel)
        labels.setdefault(rel.subject, rel.subject_label)
        labels.setdefault(rel.object, rel.object_label)
        if rel.attributed_to:
            labels.setdefault(rel.attributed_to, None)
        if rel.doc not in docs:
            _add_document(graph, Document(id=rel.doc, text=""))
            docs.add(rel.doc)
    for actor_id, label in labels.items():
        _add_actor(graph, actor_id, gazetteer, label)
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


# ---------------------------------------------------------------------------- formats

def _sort_key(triple) -> tuple[str, ...]:
    return tuple(term.n3() for term in triple)


class _SortedGraph(Graph):
    """A graph whose triple patterns answer in sorted order, so that serializers which walk the
    store (RDF/XML) write the same bytes whatever the hash seed."""

    def triples(self, triple):  # type: ignore[override]
        return iter(sorted(super().triples(triple), key=_sort_key))


def _sorted_copy(graph: Graph) -> Graph:
    """A copy that serializes in sorted order, with the characters XML cannot carry replaced."""
    copy = bind_prefixes(_SortedGraph(bind_namespaces="core"))
    for s, p, o in graph:
        if isinstance(o, Literal) and _NOT_XML.search(o):
            o = Literal(_NOT_XML.sub("\ufffd", str(o)), lang=o.language, datatype=o.datatype)
        copy.add((s, p, o))
    return copy


def _prefixes(graph: Graph | LineGraph) -> dict[str, str]:
    """The prefixes Turtle may use: the graph's own bindings, and kg's for the rest."""
    found = {} if isinstance(graph, LineGraph) else {p: str(ns) for p, ns in graph.namespaces()}
    for prefix, namespace in (*PREFIXES.items(), ("rdf", str(RDF))):
        found.setdefault(prefix, str(namespace))
    return found


def _sorted_lines(data: str) -> bytes:
    lines = sorted({line for line in data.split("\n") if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


# rdflib writes doubles as JSON numbers, and INF, -INF and NaN as null: they travel under a
# stand-in datatype as strings, and get theirs back after serialization
_STAND_IN = "urn:x-kg-nonfinite:"


def _non_finite_stand_ins(graph: Graph) -> Graph:
    bad = [(s, p, o) for s, p, o in graph.triples((None, None, None))
           if isinstance(o, Literal) and o.datatype in (XSD.double, XSD.float) and str(o) in ("INF", "-INF", "NaN")]
    if not bad:
        return graph
    copy = bind_prefixes(Graph(bind_namespaces="core"))
    for prefix, ns in graph.namespaces():
        copy.bind(prefix, ns, override=False)
    for triple in graph:
        copy.add(triple)
    for s, p, o in bad:
        copy.remove((s, p, o))
        copy.add((s, p, Literal(str(o), datatype=URIRef(_STAND_IN + o.datatype[len(str(XSD)):]))))
    return copy


def _jsonld(graph: Graph) -> bytes:
    graph = _non_finite_stand_ins(graph)
    used = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
    context = {prefix: str(ns) for prefix, ns in graph.namespaces()
               if prefix and any(iri.startswith(str(ns)) for iri in used)}
    data = json.loads(graph.serialize(format="json-ld", context=dict(sorted(context.items()))))
    xsd = "xsd:" if context.get("xsd") == str(XSD) else str(XSD)

    def canon(value):
        if isinstance(value, dict):
            if str(value.get("@type", "")).startswith(_STAND_IN):
                value = {**value, "@type": xsd + value["@type"][len(_STAND_IN):]}
            return {k: canon(v) for k, v in sorted(value.items())}
        if isinstance(value, list):
            items = [canon(v) for v in value]
            return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        return value

    data = canon(data)
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def serialize_graph(graph: Graph, fmt: RdfFormat, graph_name: str = DEFAULT_GRAPH_NAME) -> bytes:
    """The bytes of ``graph`` in format ``fmt``; the same graph always gives the same bytes."""
    with quiet_rdflib():
        return _serialize(graph, fmt, graph_name)


def _serialize(graph: Graph, fmt: RdfFormat, graph_name: str) -> bytes:
    if fmt.quads:
        ds = Dataset()
        bind_prefixes(ds)
        named = ds.graph(URIRef(graph_name))
        for triple in graph:
            named.add(triple)
        data = ds.serialize(format=fmt.name, encoding="utf-8")
        return _sorted_lines(data.decode("utf-8")) if fmt.name == "nquads" else data
    if fmt.name == "nt":
        return _sorted_lines(graph.serialize(format="nt", encoding="utf-8").decode("utf-8"))
    if fmt.name == "turtle":
        from rdflib.plugins.serializers.nt import _nt_row

        lines = sorted({_nt_row(triple) for triple in graph})
        return turtle_text(lines, _prefixes(graph)).encode("utf-8")
    if fmt.name == "json-ld":
        return _jsonld(graph)
    if fmt.name == "xml":
        graph = _sorted_copy(graph)
    return graph.serialize(format=fmt.name, encoding="utf-8")  # rdflib sorts Turtle itself


def write_graph(graph: Graph, path: str | Path, graph_name: str = DEFAULT_GRAPH_NAME) -> None:
    """Write ``graph`` to ``path`` in the format its suffix names, atomically and deterministically.

    ``.nq`` and ``.trig`` files put every triple in the named graph ``graph_name``.
    """
    from .fileio import atomic_write

    fmt = format_for_path(path)
    if isinstance(graph, LineGraph):
        if not fmt.streamed:
            raise GraphError(f"{path}: a LineGraph can only be written as N-Triples, N-Quads or Turtle")
        try:
            with atomic_write(path, "w") as fh:
                if fmt.name == "turtle":
                    write_turtle(graph.sorted_lines, _prefixes(graph), fh.write)
                    return
                lines = graph.sorted_lines()
                if fmt.quads:
                    lines = (line[:-3] + f" <{graph_name}> .\n" for line in lines)
                for batch in iter(lambda: "".join(itertools.islice(lines, 10_000)), ""):
                    fh.write(batch)
        except OSError as exc:
            raise GraphError(f"{path}: cannot write graph ({exc.strerror or exc})") from None
        return
    data = serialize_graph(graph, fmt, graph_name)
    try:
        with atomic_write(path, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise GraphError(f"{path}: cannot write graph ({exc.strerror or exc})") from None


# ---------------------------------------------------------------------------- reading graphs

def read_graph(path: str | Path) -> Graph:
    """Parse an RDF file in the format its suffix names into one graph.

    The triples of every named graph of an ``.nq`` or ``.trig`` file are merged. A missing
    file or a syntax error raises GraphError (``FILE: line N: message`` when the position is known);
    so does a file that :mod:`kg.rdfguard` refuses, before or after parsing.
    """
    path, fmt = graph_input(path)
    try:
        refuse_unsafe(path, fmt)
    except OSError as exc:
        raise unreadable(path, exc) from None
    graph = bind_prefixes(Graph(bind_namespaces="core"))
    try:
        with quiet_rdflib():
            if fmt.quads:
                ds = Dataset()
                ds.parse(str(path), format=fmt.name)
                for s, p, o, _ in ds.quads((None, None, None, None)):
                    graph.add((s, p, o))
                bound = {prefix for prefix, _ in graph.namespaces()}
                for prefix, ns in ds.namespaces():
                    if prefix not in bound:
                        graph.bind(prefix, ns, override=False)
            else:
                graph.parse(str(path), format=fmt.name)
    except (OSError, UnicodeDecodeError) as exc:
        raise unreadable(path, exc) from None
    except Exception as exc:  # noqa: BLE001 - rdflib parsers raise many exception types
        raise parse_error(path, fmt, exc) from None
    return check_terms(graph, path)


__all__ = ["DEFAULT_GRAPH_NAME", "FORMATS", "RdfFormat", "build_graph", "graph_input", "claim_id", "doc_slug", "doc_iri",
           "format_for_path", "read_graph", "relations_from_graph", "serialize_graph", "write_graph"]
