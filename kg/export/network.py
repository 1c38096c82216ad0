"""The network formats of ``kg export``: GraphML and GEXF (XML), node-link and Cytoscape.js (JSON),
and Graphviz DOT, each written from the NetworkX view with the attributes of
:mod:`kg.export.attributes`.

Each family is a generator or a dict of the document (``generate_graphml``, ``node_link_data``,
``cytoscape_data``, ``generate_dot``) and a ``write_x(G, path, *, color_by)`` that writes it atomically;
kg.formats names the writer of each format.
"""

from __future__ import annotations

import json
import math
from typing import Iterator

from .attributes import GREY, NOT_XML, QUAD_COLORS, edge_attributes, flat, node_colors, node_record

__all__ = ["generate_graphml", "write_graphml", "write_gexf", "node_link_data", "write_node_link",
           "cytoscape_data", "write_cytoscape", "generate_dot", "write_dot"]


# ---------------------------------------------------------------------------- XML formats

_GRAPHML_NODE_KEYS = (("label", "string"), ("type", "string"), ("iso3", "string"), ("wikidata", "string"),
                      ("bloc", "int"), ("color", "string"))
_GRAPHML_EDGE_KEYS = (("label", "string"), ("predicate", "string"), ("quad_class", "string"),
                      ("symmetric", "boolean"), ("weight", "int"), ("confidence", "double"), ("hedged", "boolean"),
                      ("documents", "int"), ("first_time", "string"), ("last_time", "string"),
                      ("sentence", "string"), ("doc", "string"), ("evidence", "string"), ("color", "string"))


def _xml_text(value) -> str:
    """``value`` as XML character data: & < > escaped, characters XML 1.0 cannot hold left out."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return NOT_XML.sub("", text)


def _xml_attr(value) -> str:
    """``value`` as a double-quoted XML attribute value."""
    return _xml_text(value).replace('"', "&quot;")


def generate_graphml(G, *, color_by: str = "type") -> Iterator[str]:
    """The lines of a GraphML document of ``G``: typed keys, one edge per relation with a unique id.

    Node keys: label, type, iso3, wikidata, color (and bloc); edge keys: label (the predicate),
    predicate, quad_class, symmetric, weight, confidence, hedged, documents, first_time, last_time,
    sentence and doc (of the first evidence), evidence (every evidence, as a JSON string) and color.
    """
    colors, blocs = node_colors(G, color_by)
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
    node_keys = [(k, t) for k, t in _GRAPHML_NODE_KEYS if k != "bloc" or blocs]
    for prefix, kind, keys in (("n", "node", node_keys), ("e", "edge", _GRAPHML_EDGE_KEYS)):
        for name, typ in keys:
            yield f'  <key id="{prefix}_{name}" for="{kind}" attr.name="{name}" attr.type="{typ}"/>'
    yield '  <graph id="kg" edgedefault="directed">'
    for n, d in G.nodes(data=True):
        rec = node_record(n, d, colors[n], blocs.get(n) if blocs else None)
        data = "".join(f'<data key="n_{k}">{_xml_text(v)}</data>' for k, v in rec.items())
        yield f'    <node id="{_xml_attr(n)}">{data}</node>'
    for u, v, k, d in G.edges(keys=True, data=True):
        rec = edge_attributes(u, v, k, d)
        edge_id = rec.pop("id")
        data = "".join(f'<data key="e_{k}">{_xml_text(v)}</data>' for k, v in rec.items())
        yield f'    <edge id="{_xml_attr(edge_id)}" source="{_xml_attr(u)}" target="{_xml_attr(v)}">{data}</edge>'
    yield "  </graph>"
    yield "</graphml>"


def write_graphml(G, path, *, color_by: str = "type") -> None:
    """Write :func:`generate_graphml` to ``path`` (UTF-8)."""
    from ..fileio import atomic_write

    with atomic_write(path, "w") as fh:
        for line in generate_graphml(G, color_by=color_by):
            fh.write(line)
            fh.write("\n")


def write_gexf(G, path, *, color_by: str = "type") -> None:
    """GEXF 1.2 for Gephi: typed attributes, ``viz`` colours (nodes by type or bloc, edges by quad
    class), node sizes by evidence and edge thickness by weight."""
    from networkx.readwrite.gexf import GEXFWriter

    from ..fileio import atomic_write

    H = flat(G, color_by, viz=True)
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:  # no date of writing: the same graph gives the same bytes
        meta.attrib.pop("lastmodifieddate", None)
        creator = meta.find("creator")
        if creator is not None:
            creator.text = "kg"
    writer.add_graph(H)
    with atomic_write(path, "wb") as fh:
        writer.write(fh)


# ---------------------------------------------------------------------------- JSON formats

def _json_bytes(data) -> bytes:
    return (json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _edge_json(u: str, v: str, k: str, d: dict) -> dict:
    rec = {key: d.get(key) for key in ("predicate", "quad_class", "symmetric", "weight", "confidence", "hedged",
                                       "first_time", "last_time")}
    rec["predicate"] = rec["predicate"] or k
    rec["label"] = rec["predicate"]
    rec["evidence"] = list(d.get("evidence") or [])
    rec["color"] = QUAD_COLORS.get(d.get("quad_class"), GREY)
    return rec


def node_link_data(G, *, color_by: str = "type") -> dict:
    """The D3 node-link form: ``{"directed", "multigraph", "graph", "nodes": [{"id", ...}],
    "links": [{"source", "target", "key", ...}]}`` (``networkx.node_link_graph(data, edges="links")``
    reads it back)."""
    colors, blocs = node_colors(G, color_by)
    nodes = [{"id": n, **{k: d.get(k) for k in ("label", "type", "iso3", "wikidata")}, "color": colors[n],
              **({"bloc": blocs[n]} if blocs else {})} for n, d in G.nodes(data=True)]
    links = [{"source": u, "target": v, "key": k, **_edge_json(u, v, k, d)}
             for u, v, k, d in G.edges(keys=True, data=True)]
    return {"directed": True, "multigraph": True, "graph": {"name": "kg"}, "nodes": nodes, "links": links}


def write_node_link(G, path, *, color_by: str = "type") -> None:
    """Write :func:`node_link_data` as JSON."""
    from ..fileio import atomic_write

    with atomic_write(path, "wb") as fh:
        fh.write(_json_bytes(node_link_data(G, color_by=color_by)))


def cytoscape_data(G, *, color_by: str = "type") -> dict:
    """The Cytoscape.js elements JSON: ``{"elements": {"nodes": [{"data": {"id", ...}}], "edges":
    [{"data": {"id", "source", "target", ...}}]}}``.

    Node data also has ``name`` (the label) and ``value`` (the id), so that
    ``networkx.cytoscape_graph`` reads the file too. Edge data holds the evidence sentences and
    documents as lists of strings (Cytoscape desktop makes list columns of them).
    """
    colors, blocs = node_colors(G, color_by)
    nodes = []
    for n, d in G.nodes(data=True):
        data = {"id": n, "value": n, "name": d.get("label") or n, "label": d.get("label") or n, "color": colors[n]}
        data.update({k: d[k] for k in ("type", "iso3", "wikidata") if d.get(k) is not None})
        if blocs:
            data["bloc"] = blocs[n]
        nodes.append({"data": data})
    edges = []
    for u, v, k, d in G.edges(keys=True, data=True):
        rec = _edge_json(u, v, k, d)
        evidence = rec.pop("evidence")
        data = {"id": f"{u}-{rec['predicate']}-{v}", "source": u, "target": v, "key": k,
                **{key: val for key, val in rec.items() if val is not None},
                "sentences": [e.get("sentence") for e in evidence], "docs": [e.get("doc") for e in evidence]}
        edges.append({"data": data})
    return {"format_version": "1.0", "generated_by": "kg", "target_cytoscapejs_version": "~3",
            "directed": True, "multigraph": True, "data": {"name": "kg"},
            "elements": {"nodes": nodes, "edges": edges}}


def write_cytoscape(G, path, *, color_by: str = "type") -> None:
    """Write :func:`cytoscape_data` as JSON (``.cyjs``: Cytoscape desktop's name for it)."""
    from ..fileio import atomic_write

    with atomic_write(path, "wb") as fh:
        fh.write(_json_bytes(cytoscape_data(G, color_by=color_by)))


# ---------------------------------------------------------------------------- Neo4j

# ---------------------------------------------------------------------------- Graphviz

def _dot_id(text) -> str:
    from ..text import printable  # Graphviz would print a control character as it is

    return '"' + printable(str(text)).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _dot_attrs(attrs: dict) -> str:
    parts = []
    for k, v in attrs.items():
        if v is None:
            continue
        value = ("true" if v else "false") if isinstance(v, bool) else v
        parts.append(f"{k}={_dot_id(value)}")
    return ", ".join(parts)


def generate_dot(G, *, color_by: str = "type") -> Iterator[str]:
    """The lines of a Graphviz ``digraph``: every id and value quoted, nodes and edges in sorted order.

    Nodes are filled with their colour; edges are coloured by quad class, drawn without arrowheads
    for symmetric relations and dashed when every claim is hedged.
    """
    colors, blocs = node_colors(G, color_by)
    yield "digraph kg {"
    yield '  graph [overlap="false", splines="true"];'
    yield '  node [shape="ellipse", style="filled", fontname="Helvetica", fontcolor="white"];'
    yield '  edge [fontname="Helvetica", fontsize="9"];'
    for n in sorted(G.nodes):
        d = G.nodes[n]
        attrs = {"label": d.get("label") or n, "type": d.get("type"), "iso3": d.get("iso3"),
                 "wikidata": d.get("wikidata"), "bloc": blocs.get(n) if blocs else None, "fillcolor": colors[n]}
        yield f"  {_dot_id(n)} [{_dot_attrs(attrs)}];"
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        a = edge_attributes(u, v, k, d, evidence="none")
        attrs = {"key": k, "label": a["predicate"], "predicate": a["predicate"], "quad_class": a.get("quad_class"),
                 "symmetric": a["symmetric"], "weight": a["weight"], "confidence": a["confidence"],
                 "hedged": a["hedged"], "documents": a["documents"], "first_time": a.get("first_time"),
                 "last_time": a.get("last_time"), "color": a["color"],
                 "penwidth": round(1.0 + math.log1p(a["weight"]), 2),
                 "dir": "none" if a["symmetric"] else None, "style": "dashed" if a["hedged"] else None}
        yield f"  {_dot_id(u)} -> {_dot_id(v)} [{_dot_attrs(attrs)}];"
    yield "}"


def write_dot(G, path, *, color_by: str = "type") -> None:
    """Write :func:`generate_dot` to ``path``."""
    from ..fileio import atomic_write

    with atomic_write(path, "w") as fh:
        for line in generate_dot(G, color_by=color_by):
            fh.write(line + "\n")
