"""The graph to export: the NetworkX view narrowed by a filter, and the part of an RDF graph behind
such a view (what a filtered RDF export keeps)."""

from __future__ import annotations

__all__ = ["filter_active", "network_of", "rdf_subgraph"]


def filter_active(flt) -> bool:
    return flt is not None and flt.active


def network_of(rdf_graph, flt=None, gazetteer=None):
    """The NetworkX view of ``rdf_graph`` (a graph, a graph file or a store directory) narrowed by the
    filter ``flt`` (None: everything): :func:`kg.network.load_network`.

    Evidence without a claim time is placed in time by its document's date (kg.filters' rule).
    """
    from ..network import load_network

    return load_network(rdf_graph, flt, gazetteer)


def rdf_subgraph(rdf_graph, G):
    """The part of ``rdf_graph`` behind the network ``G`` (a filtered view of it).

    Kept: the claims whose relation is an edge of ``G`` and whose evidence is among that edge's
    evidence, the documents they come from, the direct triples of the edges, the actors that are
    nodes of ``G`` or that the kept claims name, and every triple about anything else (ontology
    terms, persons, places). Negated claims give no edge, so a filtered export leaves them out.
    """
    from rdflib import RDF, Graph
    from rdflib.namespace import DCTERMS, PROV

    from ..predicates import RELATION_PREDICATES, SYMMETRIC_PREDICATES
    from ..vocab import ACTOR, DOC, KG, bind_prefixes

    actor_ns, kg_ns = str(ACTOR), str(KG._NS)
    relation_iris = {KG._NS[p] for p in RELATION_PREDICATES}
    doc_ids = {s: str(o) for s, o in rdf_graph.subject_objects(DCTERMS.identifier)}
    evidence = {(u, v, k): {(ev["doc"], ev["start"], ev["end"], ev["sentence"]) for ev in d.get("evidence", ())}
                for u, v, k, d in G.edges(keys=True, data=True)}

    def local(node, ns):
        text = str(node)
        return text[len(ns):] if text.startswith(ns) else None

    claims = set(rdf_graph.subjects(RDF.type, KG.Claim))
    kept_claims, kept_docs, kept_actors = set(), set(), {ACTOR[n] for n in G.nodes}
    all_docs = set(rdf_graph.subjects(RDF.type, KG.Document))
    for claim in claims:
        v = dict(rdf_graph.predicate_objects(claim))
        s, p, o = (local(v.get(x), ns) if v.get(x) is not None else None
                   for x, ns in ((RDF.subject, actor_ns), (RDF.predicate, kg_ns), (RDF.object, actor_ns)))
        if None in (s, p, o):
            continue
        if p in SYMMETRIC_PREDICATES and o < s:
            s, o = o, s
        doc = v.get(PROV.wasDerivedFrom)
        doc_id = doc_ids.get(doc, local(doc, str(DOC)) or str(doc)) if doc is not None else ""  # as kg.network
        key = (doc_id,
               int(v.get(KG.startOffset, 0)), int(v.get(KG.endOffset, 0)), str(v.get(KG.evidence, "")))
        if key in evidence.get((s, o, p), ()):
            kept_claims.add(claim)
            if doc is not None:
                kept_docs.add(doc)
            kept_actors.update(x for x in (v.get(RDF.subject), v.get(RDF.object), v.get(KG.attributedTo)) if x)
    edges = {(ACTOR[u], KG._NS[k], ACTOR[v]) for u, v, k in G.edges(keys=True)}
    edges |= {(o, p, s) for s, p, o in edges if local(p, kg_ns) in SYMMETRIC_PREDICATES}
    out = bind_prefixes(Graph(bind_namespaces="core"))
    for prefix, ns in rdf_graph.namespaces():
        out.bind(prefix, ns, override=False)
    for triple in rdf_graph:
        s, p, o = triple
        if s in claims:
            keep = s in kept_claims
        elif s in all_docs:
            keep = s in kept_docs
        elif str(s).startswith(actor_ns):
            if p in relation_iris and str(o).startswith(actor_ns):
                keep = triple in edges  # a direct relation triple
            else:  # the actor's labels, codes, types, memberships
                keep = s in kept_actors
        else:
            keep = True
        if keep:
            out.add(triple)
    return out
