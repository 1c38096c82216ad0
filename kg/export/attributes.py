"""What the network formats of ``kg export`` write for each actor and relation: colours (by actor
type, by bloc, by quad class), the scalar attributes of an edge, and a graph of scalars only.

Shared by the modules of :mod:`kg.export` (the XML, JSON, Graphviz and Neo4j writers).
"""

from __future__ import annotations

import json
import math

from ..styles import QUAD_STYLES
from ..text import NOT_XML

__all__ = ["QUAD_COLORS", "TYPE_COLORS", "BLOC_COLORS", "GREY", "NOT_XML", "rgb", "node_colors", "node_record",
           "evidence_json", "edge_attributes", "xml_safe", "flat"]

#: edge colours by quad class: the base colours of kg.styles, the registry kg draw and kg view use
QUAD_COLORS = {quad: _style.colour.lower() for quad, _style in QUAD_STYLES.items()}
#: node colours by actor type (None: an actor the gazetteer does not know)
TYPE_COLORS = {"state": "#4e79a7", "organization": "#b07aa1", "group": "#9c755f", None: "#bab0ac"}
#: node colours of blocs 1, 2, ... (actors in no bloc are grey)
BLOC_COLORS = ("#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
               "#9c755f", "#17becf")
#: the colour of an actor in no bloc, of an unknown type, of an edge with no quad class
GREY = "#bab0ac"


def rgb(color: str) -> dict:
    """``#rrggbb`` as GEXF's ``viz:color`` attributes."""
    return {"r": int(color[1:3], 16), "g": int(color[3:5], 16), "b": int(color[5:7], 16), "a": 1.0}


def node_colors(G, color_by: str = "type") -> tuple[dict[str, str], dict[str, int]]:
    """Each node's colour (``#rrggbb``) and, when ``color_by`` is ``"bloc"``, its bloc number (1, 2, ...;
    0 for an actor in no bloc), from :func:`kg.analysis.blocs` of the signed projection."""
    if color_by != "bloc":
        return {n: TYPE_COLORS.get(d.get("type"), GREY) for n, d in G.nodes(data=True)}, {}
    from ..analysis import blocs, signed_graph

    groups, _ = blocs(signed_graph(G)) if G.number_of_edges() else ([], 0.0)
    number = {n: i for i, group in enumerate(groups, 1) for n in group}
    numbers = {n: number.get(n, 0) for n in G.nodes}
    colors = {n: BLOC_COLORS[(b - 1) % len(BLOC_COLORS)] if b else GREY for n, b in numbers.items()}
    return colors, numbers


def node_record(n: str, d: dict, color: str, bloc: int | None) -> dict:
    rec = {"label": d.get("label") or n}
    for key in ("type", "iso3", "wikidata"):
        if d.get(key) is not None:
            rec[key] = d[key]
    if bloc is not None:
        rec["bloc"] = bloc
    rec["color"] = color
    return rec


_EVIDENCE_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def evidence_json(evidence) -> str:
    """The evidence list as compact JSON (its dicts' keys in the fixed order kg.network gives them)."""
    return _EVIDENCE_JSON.encode(list(evidence))


def edge_attributes(u: str, v: str, key: str, d: dict, *, evidence: str = "json") -> dict:
    """The scalar attributes of one edge, for formats that cannot hold lists (GraphML, GEXF, CSV, DOT).

    ``weight`` is the number of evidence sentences, ``documents`` the number of documents, ``sentence``
    and ``doc`` the first evidence; with ``evidence="json"`` the whole evidence list as a JSON string.
    Absent values (no time) are left out.
    """
    ev = d.get("evidence") or []
    predicate = d.get("predicate", key)
    rec = {"id": f"{u}-{predicate}-{v}", "label": predicate, "predicate": predicate}
    if d.get("quad_class"):
        rec["quad_class"] = d["quad_class"]
    rec["symmetric"] = bool(d.get("symmetric", False))
    rec["weight"] = int(d.get("weight", len(ev)))
    rec["confidence"] = float(d.get("confidence", 0.0))
    rec["hedged"] = bool(d.get("hedged", False))
    rec["documents"] = len({e.get("doc") for e in ev})
    for name in ("first_time", "last_time"):
        if d.get(name):
            rec[name] = str(d[name])
    if ev:
        rec["sentence"] = " ".join(str(ev[0].get("sentence", "")).split())
        rec["doc"] = str(ev[0].get("doc", ""))
        if evidence == "json":
            rec["evidence"] = evidence_json(ev)
    rec["color"] = QUAD_COLORS.get(d.get("quad_class"), GREY)
    return rec


def xml_safe(rec: dict) -> dict:
    """``rec`` without the characters XML 1.0 cannot hold in its string values (ElementTree would
    write them and every reader would refuse the file)."""
    return {k: NOT_XML.sub("", v) if isinstance(v, str) else v for k, v in rec.items()}


def flat(G, color_by: str, *, viz: bool = False):
    """A MultiDiGraph with the same nodes and edges whose attributes are all scalars."""
    import networkx as nx

    colors, blocs = node_colors(G, color_by)
    H = nx.MultiDiGraph()
    strength = {n: 0 for n in G.nodes}
    for u, v, w in G.edges(data="weight", default=1):
        strength[u] += w
        strength[v] += w
    for n, d in G.nodes(data=True):
        rec = xml_safe(node_record(n, d, colors[n], blocs.get(n) if blocs else None))
        if viz:
            rec["viz"] = {"color": rgb(colors[n]), "size": round(8.0 + 4.0 * math.log1p(strength[n]), 2)}
        H.add_node(n, **rec)
    for u, v, k, d in G.edges(keys=True, data=True):
        rec = xml_safe(edge_attributes(u, v, k, d))
        if viz:  # GEXF: the predicate is the key (read back as networkx_key), "id" the edge id
            rec["viz"] = {"color": rgb(rec["color"]), "thickness": round(1.0 + math.log1p(rec["weight"]), 2)}
            H.add_edge(u, v, key=k, **rec)
        else:
            H.add_edge(u, v, key=rec.pop("id"), **rec)
    return H
