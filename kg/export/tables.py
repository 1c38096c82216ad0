"""The Neo4j export of ``kg export --to neo4j``: ``nodes.csv`` and ``relationships.csv`` in a
directory, with the headers ``neo4j-admin database import`` reads."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .attributes import edge_attributes, node_colors

__all__ = ["NEO4J_FILES", "NODE_HEADER", "RELATIONSHIP_HEADER", "relationship_type", "neo4j_rows", "write_neo4j"]

NEO4J_FILES = ("nodes.csv", "relationships.csv")
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
