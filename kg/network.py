"""The NetworkX view of a kg graph: actors as nodes, one edge per distinct relation.

The entry points share the edge-building code: :func:`load_network` reads a graph file or a store
directory with pyoxigraph (or an open rdflib Graph or pyoxigraph Store) and applies a filter; it
is what ``kg analyze``, ``kg diff``, ``kg export`` and ``kg draw`` read. :func:`to_networkx` is the
same reader for an rdflib graph made by :func:`kg.rdf.build_graph`, and :func:`from_relations`
reads Relation records directly (no RDF library needed).

Nodes are actor ids (``"PRK"``, ``"UN"``) with attributes ``label``, ``iso3`` (``None`` for
organizations and groups), ``type`` (``"state"``, ``"organization"``, ``"group"``, or ``None``
when unknown) and ``wikidata`` (a Q-id or ``None``).

Edges are keyed by predicate name; a symmetric predicate gives ONE edge, its ends in sorted
order. Edge attributes: ``predicate``, ``quad_class``, ``symmetric``, ``weight`` (number of
claims), ``confidence`` (the highest), ``hedged`` (every claim hedged), ``evidence`` (sorted
list of dicts with ``doc, sentence, start, end, hedged, attributed_to, time``),
``first_time`` and ``last_time`` (from the claims' resolved times, or ``None``).
``weight`` counts the evidence entries: a symmetric relation stated both ways in the same
sentence (two claims with the same evidence) counts once.
Negated claims give no edge.
"""

from __future__ import annotations

import contextlib
import operator
import os
from typing import Iterable, NamedTuple

import networkx as nx

from . import namespaces as ns
from .model import Relation
from .predicates import QUAD_CLASSES, SYMMETRIC_PREDICATES

__all__ = ["load_network", "relation_counts", "to_networkx", "from_relations"]

class _Claim(NamedTuple):
    """What the network needs of one claim, from a Relation or from the graph (``_build`` reads
    its evidence fields by position, 4 and 6-11, in ``_EVIDENCE_FIELDS``: keep the order)."""

    subject: str
    predicate: str
    object: str
    negated: bool
    hedged: bool
    confidence: float
    doc: str
    sentence: str
    start: int
    end: int
    attributed_to: str | None
    time: str | None


def _evidence_key(c: _Claim) -> tuple:
    """The order of evidence: by doc, start, end, sentence, hedged, attributed_to, time (None last)."""
    a, t = c.attributed_to, c.time
    return (c.doc, c.start, c.end, c.sentence, c.hedged, a is None, a or "", t is None, t or "")


def _first(pair: tuple):
    return pair[0]


def _groups(claims: Iterable[_Claim]) -> dict[tuple[str, str, str], list[_Claim]]:
    """The non-negated ``claims`` by the edge they give: (subject, predicate, object), the ends of a
    symmetric relation in sorted order."""
    groups: dict[tuple[str, str, str], list[_Claim]] = {}
    symmetric = SYMMETRIC_PREDICATES
    for c in claims:
        if c.negated:
            continue
        s, o = c.subject, c.object
        if o < s and c.predicate in symmetric:
            s, o = o, s
        key = (s, c.predicate, o)
        group = groups.get(key)
        if group is None:
            groups[key] = [c]
        else:
            group.append(c)
    return groups


def _nodes(nodes: dict[str, dict], groups: dict) -> list[tuple[str, dict]]:
    """The network's nodes in order, with their attributes: those of ``nodes`` and the ends of the edges."""
    return [(node_id, nodes.get(node_id) or {"label": node_id, "iso3": None, "type": None, "wikidata": None})
            for node_id in sorted(set(nodes) | {n for s, _, o in groups for n in (s, o)})]


_EVIDENCE_FIELDS = operator.itemgetter(4, 6, 7, 8, 9, 10, 11)  # hedged, doc, sentence, start, end, attributed_to, time


def _count(group: list[_Claim]) -> int:
    """The evidence count of one edge's claims: its ``weight`` (the distinct hedged, doc, sentence,
    start, end, attributed_to and time, as :func:`_build` dedupes its evidence)."""
    return 1 if len(group) == 1 else len(set(map(_EVIDENCE_FIELDS, group)))


def _build(nodes: dict[str, dict], claims: Iterable[_Claim], evidence: bool = True) -> nx.MultiDiGraph:
    """The MultiDiGraph of ``nodes`` (id -> attributes) and the edges the non-negated ``claims`` give
    (without each edge's ``evidence`` list when ``evidence`` is false: the other attributes are the same)."""
    groups = _groups(claims)
    symmetric = SYMMETRIC_PREDICATES
    graph = nx.MultiDiGraph()
    for node_id, attrs in _nodes(nodes, groups):
        graph.add_node(node_id, **attrs)
    edges = []
    quad_class = QUAD_CLASSES.get
    for (s, p, o), group in sorted(groups.items()):
        if len(group) == 1:  # most relations: one claim, nothing to sort or merge
            c = group[0]
            first = last = c.time or None
            confidence, hedged, weight = c.confidence, all((c.hedged,)), 1
            if evidence:
                unique = [{"doc": c.doc, "sentence": c.sentence, "start": c.start, "end": c.end, "hedged": c.hedged,
                           "attributed_to": c.attributed_to, "time": c.time}]
        else:
            if evidence:
                unique, previous = [], None
                for key, c in sorted([(_evidence_key(c), c) for c in group], key=_first):
                    if key != previous:  # a symmetric relation stated both ways in one sentence counts once
                        unique.append({"doc": c.doc, "sentence": c.sentence, "start": c.start, "end": c.end,
                                       "hedged": c.hedged, "attributed_to": c.attributed_to, "time": c.time})
                        previous = key
                weight = len(unique)
            else:  # the distinct (hedged, doc, sentence, start, end, attributed_to, time): as above
                weight = _count(group)
            times = [c.time for c in group if c.time]
            first, last = (min(times), max(times)) if times else (None, None)
            confidence, hedged = max([c.confidence for c in group]), all([c.hedged for c in group])
        data = {"predicate": p, "quad_class": quad_class(p), "symmetric": p in symmetric, "weight": weight,
                "confidence": confidence, "hedged": hedged, "evidence": None, "first_time": first, "last_time": last}
        if evidence:
            data["evidence"] = unique
        else:
            del data["evidence"]
        edges.append((s, o, p, data))
    graph.add_edges_from(edges)
    return graph


def _true(literal) -> bool:
    return literal is not None and str(literal).strip().lower() in ("true", "1")


def _actor_attrs(actor_id: str, label: str | None, gazetteer) -> dict:
    actor = gazetteer.actors.get(actor_id) if gazetteer is not None else None
    if actor is None:
        return {"label": label or actor_id, "iso3": None, "type": None, "wikidata": None}
    return {"label": actor.label, "iso3": actor.id if actor.kind == "state" else None, "type": actor.kind,
            "wikidata": actor.wikidata}


def from_relations(relations: Iterable[Relation], gazetteer=None) -> nx.MultiDiGraph:
    """The network of ``relations``: the same graph as ``to_networkx(build_graph(relations, ...))``.

    Parameters
    ----------
    relations : iterable of Relation
        Negated relations add their actors as nodes but give no edge.
    gazetteer : kg.gazetteer.Gazetteer, optional
        Gives the nodes their type, ISO code and Wikidata id; without it ``type``, ``iso3``
        and ``wikidata`` are ``None`` and labels come from the relations.

    Returns
    -------
    networkx.MultiDiGraph

    Examples
    --------
    >>> rels = [Relation("d", "RUS", "atWarWith", "UKR", "Russia", "Ukraine", "A.", 0, 2),
    ...         Relation("d", "UKR", "atWarWith", "RUS", "Ukraine", "Russia", "B.", 3, 5)]
    >>> g = from_relations(rels)
    >>> list(g.edges(keys=True, data="weight"))
    [('RUS', 'UKR', 'atWarWith', 2)]
    """
    relations = list(relations)
    nodes: dict[str, dict] = {}
    for r in relations:
        for actor_id, label in ((r.subject, r.subject_label), (r.object, r.object_label),
                                (r.attributed_to, None)):
            if actor_id and actor_id not in nodes:
                nodes[actor_id] = _actor_attrs(actor_id, label, gazetteer)
    claims = (_Claim(r.subject, r.predicate, r.object, r.negated, r.hedged, round(float(r.confidence), 3),
                     r.doc, r.sentence, r.start, r.end, r.attributed_to, r.time_value) for r in relations)
    return _build(nodes, claims)


def to_networkx(graph) -> nx.MultiDiGraph:
    """The network of the claims in an rdflib graph made by :func:`kg.rdf.build_graph`
    (:func:`load_network` of that graph, without filter).

    Parameters
    ----------
    graph : rdflib.Graph
        A kg graph: claims (``kg:Claim``) with their documents and typed actors.

    Returns
    -------
    networkx.MultiDiGraph
        One node per actor typed in the graph or named by a claim, one edge per distinct
        (subject, predicate, object) of the claims that are not negated.

    Examples
    --------
    >>> from kg.rdf import build_graph
    >>> rels = [Relation("d", "PRK", "supplies", "RUS", "North Korea", "Russia", "A.", 0, 2, hedged=True),
    ...         Relation("d", "PRK", "supplies", "RUS", "North Korea", "Russia", "B.", 3, 5, confidence=0.9)]
    >>> g = to_networkx(build_graph(rels, [], None))
    >>> e = g.edges["PRK", "RUS", "supplies"]
    >>> e["weight"], e["confidence"], e["hedged"], e["quad_class"]
    (2, 0.9, False, 'materialCooperation')
    """
    return _checked(_rdflib_quads(graph, network_predicates()), "the graph")[0]


# ---------------------------------------------------------------------------- reading a graph with pyoxigraph


def _tables():
    """The predicates the network reads: claim fields by IRI, and the other IRIs it looks at."""
    fields = {ns.RDF + "subject": 0, ns.RDF + "predicate": 1, ns.RDF + "object": 2, ns.KG + "negated": 3,
              ns.KG + "hedged": 4, ns.KG + "confidence": 5, ns.PROV + "wasDerivedFrom": 6, ns.KG + "evidence": 7,
              ns.KG + "startOffset": 8, ns.KG + "endOffset": 9, ns.KG + "attributedTo": 10, ns.KG + "time": 11}
    kinds = {ns.KG + "State": "state", ns.KG + "Organization": "organization", ns.KG + "Group": "group",
             ns.KG + "Actor": None}
    return fields, kinds


def network_predicates() -> list[str]:
    """The IRIs of the predicates the network is made of (the reader skips every other triple)."""
    fields, _ = _tables()
    return [*fields, ns.RDF + "type", ns.RDFS + "label", ns.KG + "iso3", ns.OWL + "sameAs",
            ns.DCTERMS + "identifier", ns.DCTERMS + "date"]


def _from_quads(quads, evidence: bool = True) -> tuple[nx.MultiDiGraph, dict[str, str]]:
    """The network and the document dates of ``quads`` (pyoxigraph quads, or anything whose terms
    have the ``value`` of pyoxigraph's: an IRI, a literal's lexical form), as :func:`to_networkx`
    (without the edges' ``evidence`` lists when ``evidence`` is false).

    Where a claim has a property twice the last one read counts (as rdflib's reading did); an
    actor's label and ISO code are the first read (``Graph.value``).
    """
    return _assemble(_collect(quads), evidence)


def _collect(quads) -> tuple:
    """What the network is made of, collected from ``quads`` in one pass (see :func:`_from_quads`);
    nothing is converted here, so every error comes from the quads' iterator."""
    fields, kinds = _tables()
    claim_class = ns.KG + "Claim"
    # one look-up per quad: a claim field (0-11) or another predicate the network reads (12-17)
    TYPE, LABEL, ISO3, SAME, IDENT, DATE = range(len(fields), len(fields) + 6)
    slot_of = {**fields, ns.RDF + "type": TYPE, ns.RDFS + "label": LABEL, ns.KG + "iso3": ISO3,
               ns.OWL + "sameAs": SAME, ns.DCTERMS + "identifier": IDENT, ns.DCTERMS + "date": DATE}.get
    width = len(fields)
    records: dict[str, list] = {}  # a subject -> its claim fields, by column
    claim_nodes: dict[str, None] = {}
    types: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    iso3: dict[str, str] = {}
    same_as: dict[str, list[str]] = {}
    ident: dict[str, str] = {}
    dates: dict[str, str] = {}
    for q in quads:
        i = slot_of(q.predicate.value)
        if i is None:
            continue
        if i < TYPE:
            s = q.subject.value
            record = records.get(s)
            if record is None:
                record = records[s] = [None] * width
            record[i] = q.object.value
        elif i == TYPE:
            o = q.object.value
            if o == claim_class:
                claim_nodes[q.subject.value] = None
            elif o in kinds:
                types.setdefault(q.subject.value, []).append(o)
        elif i == LABEL:
            labels.setdefault(q.subject.value, q.object.value)
        elif i == ISO3:
            iso3.setdefault(q.subject.value, q.object.value)
        elif i == SAME:
            same_as.setdefault(q.subject.value, []).append(q.object.value)
        elif i == IDENT:
            ident[q.subject.value] = q.object.value
        else:
            s, o = q.subject.value, q.object.value
            if s not in dates or o > dates[s]:
                dates[s] = o
    return records, claim_nodes, types, labels, iso3, same_as, ident, dates


def _assemble(collected: tuple, evidence: bool, counts: bool = False) -> tuple[nx.MultiDiGraph, dict[str, str]]:
    """The network and the document dates of what :func:`_collect` gathered (with ``counts``, instead of
    the network, what :func:`relation_counts` gives, and no dates)."""
    records, claim_nodes, types, labels, iso3, same_as, ident, dates = collected
    _, kinds = _tables()
    actor_ns, kg_ns, wd_ns, doc_ns = ns.ACTOR, ns.KG, ns.WD, ns.DOC
    nodes: dict[str, dict] = {}
    for s, classes in types.items():
        if not s.startswith(actor_ns):
            continue
        found = [c for c in kinds if c in classes]  # State, Organization, Group, then Actor
        aid = s[len(actor_ns):]
        wd = sorted(x for x in same_as.get(s, ()) if x.startswith(wd_ns))
        nodes[aid] = {"label": labels.get(s, aid), "iso3": iso3.get(s), "type": kinds[found[0]],
                      "wikidata": wd[0][len(wd_ns):] if wd else None}
    # the claims: the fields of each claim node, its IRIs made local
    actor_at, kg_at, doc_at = len(actor_ns), len(kg_ns), len(doc_ns)
    truth = {"true": True, "1": True, "false": False, "0": False}
    documents: dict[str, str] = {}  # a document's IRI -> its id
    # an actor's or a predicate's IRI -> its id, made once (one string for all its claims)
    actor_ids: dict[str, str] = {}
    predicate_ids: dict[str, str] = {}
    claims = []
    add = claims.append
    new = tuple.__new__  # _Claim(...) without the NamedTuple constructor's overhead
    for s in claim_nodes:
        record = records.get(s)
        if record is None:
            continue
        a_s, p_s, o_s, n, h, cf, d, sentence, start, end, a, time = record
        if a_s is None or p_s is None or o_s is None:
            continue
        if d is None:
            doc_id = ""
        else:
            doc_id = documents.get(d)
            if doc_id is None:
                doc_id = documents[d] = ident.get(d, d[doc_at:] if d.startswith(doc_ns) else d)
        subject = actor_ids.get(a_s)
        if subject is None:
            subject = actor_ids[a_s] = a_s[actor_at:] if a_s.startswith(actor_ns) else a_s
        predicate = predicate_ids.get(p_s)
        if predicate is None:
            predicate = predicate_ids[p_s] = p_s[kg_at:] if p_s.startswith(kg_ns) else p_s
        obj = actor_ids.get(o_s)
        if obj is None:
            obj = actor_ids[o_s] = o_s[actor_at:] if o_s.startswith(actor_ns) else o_s
        if a is not None:
            attributed = actor_ids.get(a)
            if attributed is None:
                attributed = actor_ids[a] = a[actor_at:] if a.startswith(actor_ns) else a
        else:
            attributed = None
        add(new(_Claim, (
            subject, predicate, obj,
            False if n is None else truth[n] if n in truth else _true(n),
            False if h is None else truth[h] if h in truth else _true(h),
            0.5 if cf is None else float(cf), doc_id, "" if sentence is None else sentence,
            0 if start is None else int(start), 0 if end is None else int(end), attributed, time)))
    if counts:
        groups = _groups(claims)
        return (_nodes(nodes, groups), {key: _count(group) for key, group in groups.items()}), {}
    document_dates = {ident[s]: dates[s] for s in sorted(dates) if s in ident}
    return _build(nodes, claims, evidence), document_dates


class _Term(NamedTuple):
    value: str


class _Quad(NamedTuple):
    subject: _Term
    predicate: _Term
    object: _Term


def _rdflib_quads(graph, predicates):
    """The triples of an rdflib graph with these predicates, as quads with pyoxigraph's ``value``."""
    from rdflib import URIRef

    for p in predicates:
        pred = _Term(p)
        for s, o in graph.subject_objects(URIRef(p)):
            yield _Quad(_Term(str(s)), pred, _Term(str(o)))


def _read(source, evidence: bool = True, counts: bool = False) -> tuple[nx.MultiDiGraph, dict[str, str]]:
    """The unfiltered network and document dates of ``source`` (see :func:`load_network`; with
    ``counts``, see :func:`relation_counts`)."""
    from .errors import GraphError

    predicates = network_predicates()
    if isinstance(source, (str, os.PathLike)):
        from .rdferrors import OxigraphSyntaxError
        from .sources import graph_source, read_quads

        src = graph_source(source)
        try:
            if src.is_store:
                return _checked(read_quads(src, predicates), source, evidence, counts)
            # a file: its parser iterated here, not through read_quads's generator (a tenth of the read)
            import pyoxigraph as ox

            from .sources import parse_error

            with collector_paused():
                try:
                    collected = _collect(ox.parse(path=str(src.path), format=src.fmt.oxigraph))
                except (SyntaxError, UnicodeDecodeError, OSError, ValueError) as exc:
                    raise parse_error(src.path, exc) from None
            return _checked(None, source, evidence, counts, collected=collected)
        except OxigraphSyntaxError:
            if src.is_store:
                raise
            from .rdf import read_graph  # rdflib reads some files pyoxigraph refuses, and words its errors as before

            return _checked(_rdflib_quads(read_graph(src.path), predicates), source, evidence, counts)
    kind = type(source).__module__.split(".")[0]
    if kind == "pyoxigraph":
        import pyoxigraph as ox

        quads = (q for p in predicates for q in source.quads_for_pattern(None, ox.NamedNode(p), None, None))
        return _checked(quads, "the graph", evidence, counts)
    if kind == "rdflib":
        return _checked(_rdflib_quads(source, predicates), "the graph", evidence, counts)
    raise GraphError(f"cannot read a network from a {type(source).__name__}; give a graph file, a store "
                     "directory, an rdflib Graph or a pyoxigraph Store")


@contextlib.contextmanager
def collector_paused():
    """Python's cyclic garbage collector paused (as it was before, afterwards): a read makes a million
    small acyclic objects, and the collector would walk them again and again (the analysis and the
    output of ``kg analyze`` are paused the same way)."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def release(*graphs: nx.Graph) -> None:
    """Break the reference cycles of these NetworkX graphs (a graph keeps its views, ``G.nodes``,
    ``G.adj`` ..., and they refer back to it), so that each is freed with its last reference, not by
    the cyclic collector walking all its records. The graphs are not to be used afterwards."""
    for graph in graphs:
        graph.__dict__.clear()


def _checked(quads, name, evidence: bool = True, counts: bool = False, *,
             collected: tuple | None = None) -> tuple[nx.MultiDiGraph, dict[str, str]]:
    """:func:`_from_quads` of ``quads`` (or :func:`_assemble` of what was ``collected``), a malformed
    number one GraphError line."""
    from .errors import GraphError

    with collector_paused():
        try:
            return _assemble(collected if collected is not None else _collect(quads), evidence, counts)
        except ValueError as exc:  # a number that is not one (confidence, offsets)
            raise GraphError(f"{name}: a claim has a malformed value ({exc})") from None


def load_network(source, filters=None, gazetteer=None, evidence: bool = True) -> nx.MultiDiGraph:
    """The (filtered) NetworkX view of a kg graph: what analyze, diff, export and draw read.

    Parameters
    ----------
    source : str, Path, rdflib.Graph or pyoxigraph.Store
        A graph file kg reads (format from its suffix: ``.ttl .nt .nq .trig .jsonld .rdf``), an
        Oxigraph store directory (``kg load``; opened read-only under kg's shared lock), or an
        already-open graph. Files and stores are read with pyoxigraph, not rdflib (a file that
        pyoxigraph refuses is read with rdflib, which then accepts it or gives kg's usual error).
    filters : kg.filters.GraphFilter, optional
        Applied before returning (:func:`kg.filters.apply_filter`); None keeps everything.
    gazetteer : kg.gazetteer.Gazetteer, optional
        Only names the focus actor in the error raised when it is not in the graph.
    evidence : bool
        False leaves out each edge's ``evidence`` list (every other attribute is the same), for
        callers that only count (``kg analyze``, ``kg diff``): faster on large graphs. A filter
        that reads the evidence (``since``, ``until``, ``exclude_hedged``) has it all the same.

    Returns
    -------
    networkx.MultiDiGraph
        The graph of :func:`to_networkx` (the same nodes, edges and attributes, in the same order),
        filtered, with ``G.graph["document_dates"]``: document id -> its ``dcterms:date`` (ISO), the
        time of evidence that has no claim time.

    Raises
    ------
    kg.errors.GraphError
        The source is missing, unreadable or not valid RDF (one line naming the file), or the
        filter's focus actor is not in the graph.
    kg.errors.FormatError
        The file's suffix names no format kg reads.

    Examples
    --------
    >>> from kg.rdf import build_graph
    >>> from kg.filters import GraphFilter
    >>> rels = [Relation("d", "PRK", "supplies", "RUS", "North Korea", "Russia", "A.", 0, 2, time_value="2024"),
    ...         Relation("d", "USA", "sanctions", "PRK", "U", "N", "C.", 6, 8, time_value="2023")]
    >>> G = load_network(build_graph(rels, [], None), GraphFilter(since="2024"))
    >>> list(G.edges(keys=True))
    [('PRK', 'RUS', 'supplies')]
    """
    if filters is not None and (filters.exclude_hedged or filters.since is not None or filters.until is not None):
        evidence = True
    G, dates = _read(source, evidence)
    if filters is not None and filters.active:
        from .filters import apply_filter

        G = apply_filter(G, filters, gazetteer=gazetteer, document_dates=dates)
    G.graph["document_dates"] = dates
    return G


def relation_counts(source) -> tuple[list[tuple[str, dict]], dict[tuple[str, str, str], int]]:
    """What the signed projection (:func:`kg.analysis.signed_counts`) reads of the unfiltered network
    of ``source``, without making the network: for ``G = load_network(source)``, its nodes in order with
    their attributes (``list(G.nodes(data=True))``) and each edge's (subject, predicate, object) with
    its weight, the evidence count (``G.edges(keys=True, data="weight")``, in another order).
    ``source`` and the errors raised are those of :func:`load_network`.

    >>> from kg.rdf import build_graph
    >>> rels = [Relation("d", "PRK", "supplies", "RUS", "North Korea", "Russia", "A.", 0, 2),
    ...         Relation("d", "PRK", "supplies", "RUS", "North Korea", "Russia", "B.", 3, 5)]
    >>> nodes, counts = relation_counts(build_graph(rels, [], None))
    >>> [n for n, _ in nodes], counts
    (['PRK', 'RUS'], {('PRK', 'supplies', 'RUS'): 2})
    """
    return _read(source, False, counts=True)[0]
