"""Export kg graphs in the formats other tools open without hand-editing.

=============  ==================  ==============================================================
format         suffix              opened by
=============  ==================  ==============================================================
turtle         .ttl                triple stores, rdflib, Protégé (all claims and provenance)
ntriples       .nt                 triple stores' bulk loaders
nquads         .nq                 triple stores (everything in one named graph)
trig           .trig               triple stores (everything in one named graph)
jsonld         .jsonld             JSON-LD processors
rdfxml         .rdf .owl .xml      Protégé, older RDF tools
graphml        .graphml            Gephi, yEd, Cytoscape (typed attribute keys)
gexf           .gexf               Gephi (node colours by type or bloc, edge colours by quad class)
json           .json               D3 (node-link: ``nodes`` and ``links``)
cytoscape      .cyjs               Cytoscape.js and Cytoscape desktop (``elements`` with ``data``)
neo4j          (a directory)       ``neo4j-admin database import``: nodes.csv and relationships.csv
dot            .dot .gv            Graphviz
=============  ==================  ==============================================================

The RDF formats are kg.rdf's own serializers (the same bytes ``kg build`` writes). The others are
written from the NetworkX view (:func:`kg.network.load_network`, read with pyoxigraph): one node per actor, one edge per
relation (subject, predicate, object) with its predicate, quad class, weight (evidence count),
confidence and hedged flag. A filter (:class:`kg.filters.GraphFilter`) narrows either kind: an RDF
export then keeps the claims behind the edges that pass, with their documents and actors.

Every file is written atomically and deterministically (the same graph gives the same bytes).
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .errors import FormatError, GraphError
from .formats import ExportFormat, registered
from .styles import QUAD_STYLES

__all__ = ["ExportFormat", "ExportReport", "EXPORT_FORMATS", "QUAD_COLORS", "TYPE_COLORS", "export_format",
           "export_graph", "network_of", "rdf_subgraph", "node_colors", "edge_attributes", "generate_graphml",
           "write_graphml",
           "write_gexf", "node_link_data", "write_node_link", "cytoscape_data", "write_cytoscape",
           "neo4j_rows", "write_neo4j", "generate_dot", "write_dot", "relationship_type"]

#: edge colours by quad class: the base colours of kg.styles, the registry kg draw and kg view use
QUAD_COLORS = {quad: _style.colour.lower() for quad, _style in QUAD_STYLES.items()}
#: node colours by actor type (None: an actor the gazetteer does not know)
TYPE_COLORS = {"state": "#4e79a7", "organization": "#b07aa1", "group": "#9c755f", None: "#bab0ac"}
#: node colours of blocs 1, 2, ... (actors in no bloc are grey)
BLOC_COLORS = ("#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
               "#9c755f", "#17becf")
_GREY = "#bab0ac"
#: characters XML 1.0 cannot hold
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: the export formats by name (registered in kg.formats)
EXPORT_FORMATS: dict[str, ExportFormat] = registered("export")  # type: ignore[assignment]


# ---------------------------------------------------------------------------- registry (kg.formats)

def export_format(out: str | os.PathLike, to: str | None = None) -> ExportFormat:
    """The format named by ``to`` (a name or alias), else by the suffix of ``out``.

    >>> export_format("graph.graphml").name, export_format("x.out", to="ttl").name
    ('graphml', 'turtle')
    """
    from . import formats

    if to:
        key = to.strip().lower()
        fmt = formats.lookup("export", formats.EXPORT_ALIASES.get(key, key))
        if fmt is None:
            names = ", ".join(EXPORT_FORMATS)
            raise FormatError(f"unknown export format {to!r}; use one of {names}")
        return fmt
    fmt = formats.for_suffix("export", out)
    if fmt is None:
        suffix = Path(out).suffix.lower()
        known = " ".join(formats.suffixes("export"))
        raise FormatError(f"{out}: cannot tell the export format from the suffix {suffix or '(none)'!r}; "
                          f"use one of {known}, or --to FORMAT (--to neo4j writes a directory)")
    return fmt


# ---------------------------------------------------------------------------- the graph to export

@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: the format, the output path, and the nodes and edges (or triples) in it."""

    format: str
    path: str
    nodes: int = 0
    edges: int = 0
    triples: int = 0


def _filter_active(flt) -> bool:
    return flt is not None and flt.active


def network_of(rdf_graph, flt=None, gazetteer=None):
    """The NetworkX view of ``rdf_graph`` (a graph, a graph file or a store directory) narrowed by the
    filter ``flt`` (None: everything): :func:`kg.network.load_network`.

    Evidence without a claim time is placed in time by its document's date (kg.filters' rule).
    """
    from .network import load_network

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

    from .predicates import RELATION_PREDICATES, SYMMETRIC_PREDICATES
    from .vocab import ACTOR, DOC, KG, bind_prefixes

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


def export_graph(source, out: str | os.PathLike, *, to: str | None = None, flt=None, gazetteer=None,
                 color_by: str = "type") -> ExportReport:
    """Export the graph ``source`` to ``out`` in the format ``to`` names or the suffix of ``out`` does.

    Parameters
    ----------
    source : str, Path, rdflib.Graph or pyoxigraph.Store
        An RDF file kg reads, a store directory, or a graph (the RDF formats need an rdflib Graph
        or a path).
    out : str or Path
        The file to write (a directory for ``neo4j``); replaced atomically.
    to : str, optional
        A format name of :data:`EXPORT_FORMATS` (or an alias: ttl, nt, nq, xml, d3, cyjs, gv).
    flt : kg.filters.GraphFilter, optional
        Narrow the graph; None exports everything.
    gazetteer : kg.gazetteer.Gazetteer, optional
        For the filter's focus actor.
    color_by : {"type", "bloc"}
        Node colours of the network formats: by actor type, or by the blocs of :func:`kg.analysis.blocs`.

    Returns
    -------
    ExportReport
    """
    fmt = export_format(out, to)
    if color_by not in ("type", "bloc"):
        raise FormatError(f"unknown colouring {color_by!r}; use type or bloc")
    _check_output(Path(out), fmt)
    if fmt.kind == "rdf":  # rdflib writes these byte for byte as kg build does
        rdf_graph = source
        if isinstance(source, (str, os.PathLike)):
            from .sources import open_graph

            rdf_graph = open_graph(source)
        if _filter_active(flt):
            rdf_graph = rdf_subgraph(rdf_graph, network_of(rdf_graph, flt, gazetteer))
        from .fileio import atomic_write
        from .rdf import serialize_graph

        data = serialize_graph(rdf_graph, fmt.rdf_format)
        try:
            with atomic_write(out, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise GraphError(f"{out}: cannot write ({exc.strerror or exc})") from None
        return ExportReport(fmt.name, str(out), triples=len(rdf_graph))
    G = network_of(source, flt, gazetteer)
    try:
        NETWORK_WRITERS[fmt.name](G, out, color_by=color_by)
    except OSError as exc:
        raise GraphError(f"{out}: cannot write ({exc.strerror or exc})") from None
    return ExportReport(fmt.name, str(out), nodes=G.number_of_nodes(), edges=G.number_of_edges())


def _check_output(out: Path, fmt: ExportFormat) -> None:
    from .fileio import OutputError, check_writable

    if not fmt.directory:
        check_writable(out)
        return
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"cannot write {out}: directory {parent} does not exist")
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write {out}: it is a file; the neo4j format writes a directory")
    if out.is_dir():
        extra = sorted(p.name for p in out.iterdir() if p.name not in _NEO4J_FILES)
        if extra:
            raise OutputError(f"cannot write {out}: it holds other files ({', '.join(extra[:3])}); "
                              "give a new or empty directory")


# ---------------------------------------------------------------------------- attributes and colours

def _rgb(color: str) -> dict:
    return {"r": int(color[1:3], 16), "g": int(color[3:5], 16), "b": int(color[5:7], 16), "a": 1.0}


def node_colors(G, color_by: str = "type") -> tuple[dict[str, str], dict[str, int]]:
    """Each node's colour (``#rrggbb``) and, when ``color_by`` is ``"bloc"``, its bloc number (1, 2, ...;
    0 for an actor in no bloc), from :func:`kg.analysis.blocs` of the signed projection."""
    if color_by != "bloc":
        return {n: TYPE_COLORS.get(d.get("type"), _GREY) for n, d in G.nodes(data=True)}, {}
    from .analysis import blocs, signed_graph

    groups, _ = blocs(signed_graph(G)) if G.number_of_edges() else ([], 0.0)
    number = {n: i for i, group in enumerate(groups, 1) for n in group}
    numbers = {n: number.get(n, 0) for n in G.nodes}
    colors = {n: BLOC_COLORS[(b - 1) % len(BLOC_COLORS)] if b else _GREY for n, b in numbers.items()}
    return colors, numbers


def _node_record(n: str, d: dict, color: str, bloc: int | None) -> dict:
    rec = {"label": d.get("label") or n}
    for key in ("type", "iso3", "wikidata"):
        if d.get(key) is not None:
            rec[key] = d[key]
    if bloc is not None:
        rec["bloc"] = bloc
    rec["color"] = color
    return rec


_EVIDENCE_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _evidence_json(evidence) -> str:
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
            rec["evidence"] = _evidence_json(ev)
    rec["color"] = QUAD_COLORS.get(d.get("quad_class"), _GREY)
    return rec


def _xml_safe(rec: dict) -> dict:
    """``rec`` without the characters XML 1.0 cannot hold in its string values (ElementTree would
    write them and every reader would refuse the file)."""
    return {k: _NOT_XML.sub("", v) if isinstance(v, str) else v for k, v in rec.items()}


def _flat(G, color_by: str, *, viz: bool = False):
    """A MultiDiGraph with the same nodes and edges whose attributes are all scalars."""
    import networkx as nx

    colors, blocs = node_colors(G, color_by)
    H = nx.MultiDiGraph()
    strength = {n: 0 for n in G.nodes}
    for u, v, w in G.edges(data="weight", default=1):
        strength[u] += w
        strength[v] += w
    for n, d in G.nodes(data=True):
        rec = _xml_safe(_node_record(n, d, colors[n], blocs.get(n) if blocs else None))
        if viz:
            rec["viz"] = {"color": _rgb(colors[n]), "size": round(8.0 + 4.0 * math.log1p(strength[n]), 2)}
        H.add_node(n, **rec)
    for u, v, k, d in G.edges(keys=True, data=True):
        rec = _xml_safe(edge_attributes(u, v, k, d))
        if viz:  # GEXF: the predicate is the key (read back as networkx_key), "id" the edge id
            rec["viz"] = {"color": _rgb(rec["color"]), "thickness": round(1.0 + math.log1p(rec["weight"]), 2)}
            H.add_edge(u, v, key=k, **rec)
        else:
            H.add_edge(u, v, key=rec.pop("id"), **rec)
    return H


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
    return _NOT_XML.sub("", text)


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
        rec = _node_record(n, d, colors[n], blocs.get(n) if blocs else None)
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
    from .fileio import atomic_write

    with atomic_write(path, "w") as fh:
        for line in generate_graphml(G, color_by=color_by):
            fh.write(line)
            fh.write("\n")


def write_gexf(G, path, *, color_by: str = "type") -> None:
    """GEXF 1.2 for Gephi: typed attributes, ``viz`` colours (nodes by type or bloc, edges by quad
    class), node sizes by evidence and edge thickness by weight."""
    from networkx.readwrite.gexf import GEXFWriter

    from .fileio import atomic_write

    H = _flat(G, color_by, viz=True)
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
    rec["color"] = QUAD_COLORS.get(d.get("quad_class"), _GREY)
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
    from .fileio import atomic_write

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
    from .fileio import atomic_write

    with atomic_write(path, "wb") as fh:
        fh.write(_json_bytes(cytoscape_data(G, color_by=color_by)))


# ---------------------------------------------------------------------------- Neo4j

_NEO4J_FILES = ("nodes.csv", "relationships.csv")
NODE_HEADER = ("id:ID", "label", "type", "iso3", "wikidata", "bloc:int", "color", ":LABEL")
RELATIONSHIP_HEADER = (":START_ID", ":END_ID", ":TYPE", "predicate", "quad_class", "symmetric:boolean", "weight:int",
                       "confidence:float", "hedged:boolean", "documents:int", "first_time", "last_time", "sentence",
                       "doc", "color")
_LABELS = {"state": "State", "organization": "Organization", "group": "Group"}


def relationship_type(predicate: str) -> str:
    """A predicate as a Neo4j relationship type (UPPER_SNAKE_CASE).

    >>> relationship_type("supplies"), relationship_type("atWarWith")
    ('SUPPLIES', 'AT_WAR_WITH')
    """
    out = []
    for i, ch in enumerate(predicate):
        if ch.isupper() and i and not predicate[i - 1].isupper():
            out.append("_")
        out.append(ch.upper() if ch.isalnum() else "_")
    return "".join(out)


def _cell(value) -> str:
    if value is None:
        return ""  # an empty field: the importer sets no property
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split())  # no line breaks: the importer would need --multiline-fields


def neo4j_rows(G, *, color_by: str = "type") -> tuple[list[tuple], list[tuple]]:
    """The rows (without headers) of nodes.csv and relationships.csv; see :data:`NODE_HEADER` and
    :data:`RELATIONSHIP_HEADER`. Labels: ``Actor`` plus ``State``, ``Organization`` or ``Group``."""
    colors, blocs = node_colors(G, color_by)
    nodes = []
    for n, d in G.nodes(data=True):
        labels = ";".join(["Actor"] + ([_LABELS[d["type"]]] if d.get("type") in _LABELS else []))
        nodes.append(tuple(_cell(x) for x in (n, d.get("label") or n, d.get("type"), d.get("iso3"), d.get("wikidata"),
                                              blocs.get(n) if blocs else None, colors[n], labels)))
    rels = []
    for u, v, k, d in G.edges(keys=True, data=True):
        a = edge_attributes(u, v, k, d, evidence="none")
        rels.append(tuple(_cell(x) for x in (u, v, relationship_type(a["predicate"]), a["predicate"],
                                             a.get("quad_class"), a["symmetric"], a["weight"], a["confidence"],
                                             a["hedged"], a["documents"], a.get("first_time"), a.get("last_time"),
                                             a.get("sentence"), a.get("doc"), a["color"])))
    return nodes, rels


def write_neo4j(G, directory, *, color_by: str = "type") -> None:
    """Write ``nodes.csv`` and ``relationships.csv`` into ``directory`` for ``neo4j-admin database import``.

    The files are written into a new directory beside it that then takes its place, so a reader
    never sees half of an export. An existing ``directory`` may hold only these two files.
    """
    import csv

    target = Path(directory)
    parent = target.parent if str(target.parent) else Path(".")
    nodes, rels = neo4j_rows(G, color_by=color_by)
    tmp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp"))
    old = None
    try:
        for name, header, rows in (("nodes.csv", NODE_HEADER, nodes), ("relationships.csv", RELATIONSHIP_HEADER, rels)):
            with open(tmp / name, "w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\n")
                writer.writerow(header)
                writer.writerows(rows)
                fh.flush()
                os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".old"))
            os.replace(target, old / "previous")
        os.replace(tmp, target)
    except BaseException:
        if old is not None and not target.exists():
            os.replace(old / "previous", target)
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


# ---------------------------------------------------------------------------- Graphviz

def _dot_id(text) -> str:
    from .text import printable  # Graphviz would print a control character as it is

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
    from .fileio import atomic_write

    with atomic_write(path, "w") as fh:
        for line in generate_dot(G, color_by=color_by):
            fh.write(line + "\n")


#: the writers of the network formats, by format name (the formats themselves: kg.formats)
NETWORK_WRITERS: dict[str, Callable] = {"graphml": write_graphml, "gexf": write_gexf, "json": write_node_link,
                                        "cytoscape": write_cytoscape, "neo4j": write_neo4j, "dot": write_dot}
