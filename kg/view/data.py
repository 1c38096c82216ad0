"""What a ``kg view`` page holds: actors, one element per pair of actors, the claims behind them.

:func:`page_data` turns the NetworkX view (:func:`kg.network.load_network`) into the page's
elements: the actors with their positions (a :mod:`kg.draw` layout) and bloc, and ONE element per
pair of actors listing its relations, each with its evidence counted per date, so that the page
can filter by relation, quad class and time without the claims. :func:`read_claims` reads what the
claims panel shows (the sentence, its trigger, the document's title and link, the flags and the
confidence), negated claims included, from the graph file, store or in-memory graph.

Everything is sorted, so the same graph gives the same data.
"""

from __future__ import annotations

from .. import namespaces as ns
from ..predicates import RELATION_PREDICATES
from ..styles import MARKERS, QUAD_STYLES, style

__all__ = ["read_claims", "page_data", "styles_data", "claim_date"]

_CLAIM_FIELDS = {
    ns.RDF + "subject": "s", ns.RDF + "predicate": "p", ns.RDF + "object": "o", ns.KG + "negated": "negated",
    ns.KG + "hedged": "hedged", ns.KG + "confidence": "confidence", ns.KG + "trigger": "trigger",
    ns.KG + "evidence": "sentence", ns.KG + "time": "time", ns.KG + "attributedTo": "attributed",
    ns.PROV + "wasDerivedFrom": "doc",
}
_DOC_FIELDS = {ns.DCTERMS + "identifier": "id", ns.DCTERMS + "title": "title", ns.DCTERMS + "date": "date"}
_SOURCE = ns.DCTERMS + "source"
#: the unit square of the layouts, in the page's model coordinates
_SPAN = 600
_LABEL = ns.RDFS + "label"


def _local(iri: str, prefix: str) -> str:
    return iri[len(prefix):] if iri.startswith(prefix) else iri


def _values(source):
    """(subject, predicate, object) value strings of the claim and document properties of ``source``."""
    predicates = [*_CLAIM_FIELDS, *_DOC_FIELDS, _SOURCE, _LABEL]
    if isinstance(source, (str, bytes)) or hasattr(source, "__fspath__"):
        from ..sources import read_quads

        for q in read_quads(source, predicates):
            if q.predicate.value in _CLAIM_FIELDS or q.predicate.value in _DOC_FIELDS or \
                    q.predicate.value in (_SOURCE, _LABEL):
                yield q.subject.value, q.predicate.value, q.object.value
        return
    if type(source).__module__.split(".")[0] == "pyoxigraph":
        import pyoxigraph as ox

        for p in predicates:
            for q in source.quads_for_pattern(None, ox.NamedNode(p), None, None):
                yield q.subject.value, p, q.object.value
        return
    from rdflib import URIRef

    for p in predicates:
        for s, o in source.subject_objects(URIRef(p)):
            yield str(s), p, str(o)


def claim_date(time: str | None, doc_date: str | None) -> str | None:
    """The date a claim is filed under: its own time, else its document's date (ISO, as given).

    >>> claim_date("2024-05", "2024-06-01"), claim_date(None, "2024-06-01"), claim_date(None, None)
    ('2024-05', '2024-06-01', None)
    """
    return (time or doc_date or None) and str(time or doc_date)[:10]


def read_claims(source) -> dict[tuple[str, str, str], list[dict]]:
    """(subject, predicate, object) -> its claims, each a dict with ``text`` (the sentence), ``hl``
    (start and end of the trigger in it, or None), ``doc``, ``title``, ``url`` (the document's first
    http(s) source, or None), ``date``, ``hedged``, ``negated``, ``attributed`` (a name or None) and
    ``confidence``; sorted by date, document and sentence."""
    claims: dict[str, dict] = {}
    docs: dict[str, dict] = {}
    labels: dict[str, str] = {}
    for s, p, o in _values(source):
        if p in _CLAIM_FIELDS:
            claims.setdefault(s, {})[_CLAIM_FIELDS[p]] = o
        elif p in _DOC_FIELDS:
            docs.setdefault(s, {})[_DOC_FIELDS[p]] = o
        elif p == _SOURCE:
            if o.startswith(("http://", "https://")):
                d = docs.setdefault(s, {})
                d["url"] = min(d.get("url", o), o)
        elif p == _LABEL:
            labels[s] = min(labels.get(s, o), o)
    out: dict[tuple[str, str, str], list[dict]] = {}
    for c in claims.values():
        if not {"s", "p", "o"} <= c.keys():
            continue
        doc = docs.get(c.get("doc", ""), {})
        text = " ".join(c.get("sentence", "").split())
        trigger = c.get("trigger") or ""
        at = text.lower().find(trigger.lower()) if trigger else -1
        attributed = c.get("attributed")
        key = (_local(c["s"], ns.ACTOR), _local(c["p"], ns.KG), _local(c["o"], ns.ACTOR))
        out.setdefault(key, []).append({
            "text": text, "hl": [at, at + len(trigger)] if at >= 0 else None,
            "doc": doc.get("id") or _local(c.get("doc", ""), ns.DOC), "title": doc.get("title"),
            "url": doc.get("url"), "date": claim_date(c.get("time"), doc.get("date")),
            "hedged": c.get("hedged") in ("true", "1"), "negated": c.get("negated") in ("true", "1"),
            "attributed": (labels.get(attributed) or _local(_local(attributed, ns.ACTOR), ns.PERSON))
            if attributed else None,
            "confidence": round(float(c.get("confidence", 0.5)), 3),
        })
    for rows in out.values():
        rows.sort(key=lambda r: (r["date"] or "", r["doc"] or "", r["text"], r["negated"]))
    return out


def styles_data() -> dict:
    """The relation styles of :mod:`kg.styles` for the page: the same looks as ``kg draw``."""
    from ..onto import predicate_info

    info = predicate_info()
    relations = []
    for p in RELATION_PREDICATES:
        st = style(p)
        relations.append({"name": p, "quad": st.quad_class, "colour": st.colour, "dash": list(st.dash),
                          "marker": MARKERS[st.marker][1], "fill": st.fill, "arrow": st.arrow,
                          "unit": info[p].polarity * abs(info[p].weight) / 10 if p in info else 0.0})
    quads = [{"name": q, "colour": s.colour, "heading": s.heading} for q, s in QUAD_STYLES.items()]
    return {"relations": relations, "quads": quads}


def page_data(G, claims: dict, *, pos: dict, labels: dict, blocs: list[list[str]]) -> tuple[dict, dict]:
    """The page's graph data and its claims (pair element id -> claims), both plain JSON values.

    ``pos``: actor -> (x, y) in the unit square (y up); ``labels``: actor -> short name;
    ``blocs``: lists of actor ids (bloc 1, 2, ...).
    """
    order = {p: i for i, p in enumerate(RELATION_PREDICATES)}
    dates_of_docs = G.graph.get("document_dates") or {}
    bloc_of = {n: i + 1 for i, g in enumerate(blocs) for n in g}
    pairs: dict[tuple[str, str], dict[tuple[int, int], dict[str | None, int]]] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        if u == v or k not in order:
            continue
        a, b = (u, v) if u < v else (v, u)
        direction = 2 if d.get("symmetric") else (0 if u == a else 1)
        counts = pairs.setdefault((a, b), {}).setdefault((order[k], direction), {})
        for ev in d.get("evidence") or [{}] * int(d.get("weight", 1)):
            date = claim_date(ev.get("time"), dates_of_docs.get(ev.get("doc")))
            counts[date] = counts.get(date, 0) + 1
    dates = sorted({t for rels in pairs.values() for counts in rels.values() for t in counts if t})
    index = {t: i for i, t in enumerate(dates)}
    index[None] = -1
    evidence = {n: 0 for n in G.nodes}
    denied: dict[tuple[str, str], list[dict]] = {}
    for (s, p, o), rows_ in sorted(item for item in claims.items() if any(c["negated"] for c in item[1])):
        if p in order and s != o:
            denied.setdefault((min(s, o), max(s, o)), []).extend(
                {"p": order[p], "s": s, "o": o, **c} for c in rows_ if c["negated"])
    edges, claims_out = [], {}
    for i, ((a, b), rels) in enumerate(sorted(pairs.items())):
        eid = f"e{i}"
        rows, found = [], []
        for (p, direction), counts in sorted(rels.items()):
            rows.append((p, direction, sorted((index[t], c) for t, c in counts.items())))
            total = sum(counts.values())
            evidence[a] += total
            evidence[b] += total
            name = RELATION_PREDICATES[p]
            for s, o in ((a, b), (b, a)) if direction == 2 else (((a, b),) if direction == 0 else ((b, a),)):
                found.extend({"p": p, "s": s, "o": o, **c} for c in claims.get((s, name, o), ()))
        edges.append({"id": eid, "source": a, "target": b, "rels": rows})
        # a relation only denied between the two has no edge of its own: its claims go with the pair
        shown = {q for q, _ in rels}
        found.extend(c for c in denied.get((a, b), ()) if c["p"] not in shown)
        claims_out[eid] = found
    nodes = []
    for n in sorted(G.nodes):
        if n not in pos:
            continue
        x, y = pos[n]
        nodes.append({"id": n, "label": labels.get(n, n), "name": str(G.nodes[n].get("label") or n),
                      "type": G.nodes[n].get("type") or "actor", "bloc": bloc_of.get(n, 0),
                      "x": round(x * _SPAN, 1), "y": round((1 - y) * _SPAN, 1), "evidence": evidence.get(n, 0)})
    return {"nodes": nodes, "edges": edges, "dates": dates, "styles": styles_data()}, claims_out
