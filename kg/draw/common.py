"""What every kg drawing shares: fonts, formats, the relations to draw, names and the caption."""

from __future__ import annotations

import textwrap

from ..predicates import RELATION_PREDICATES
from ..text import printable

#: actor type -> matplotlib marker and legend name
SHAPES = {"state": ("o", "State"), "organization": ("s", "Organization"), "group": ("D", "Group"),
          None: ("o", "Actor")}
LAYOUTS = ("spring", "circular", "kamada-kawai", "geo", "blocs")
#: file suffix -> matplotlib format and the metadata that keeps the bytes reproducible
DRAW_FORMATS = {
    ".png": ("png", {"Software": None}),
    ".svg": ("svg", {"Date": None, "Creator": "kg"}),
    ".pdf": ("pdf", {"CreationDate": None, "ModDate": None, "Creator": "kg", "Producer": "kg"}),
}
#: the font of every label, and the matplotlib settings of every drawing (fonts, reproducible SVG ids)
FONT = "DejaVu Sans"
RC_PARAMS = {"font.family": "sans-serif", "font.sans-serif": [FONT], "svg.fonttype": "none",
             "svg.hashsalt": "kg-draw", "pdf.fonttype": 42, "path.simplify": True}


def drawn_edges(G):
    """The edges to draw, sorted: (u, v, predicate, data), self-relations left out."""
    order = {p: i for i, p in enumerate(RELATION_PREDICATES)}
    return sorted(((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if u != v),
                  key=lambda e: (order.get(e[2], len(order)), e[2], e[0], e[1]))


def summary(G) -> dict:
    """Documents, claims (evidence entries) and their date range (claim time, else document date)."""
    dates = G.graph.get("document_dates") or {}
    docs, times, claims = set(), [], 0
    for _, _, _, data in drawn_edges(G):
        evidence = data.get("evidence") or ()
        claims += len(evidence) or int(data.get("weight", 1))
        for ev in evidence:
            if ev.get("doc"):
                docs.add(ev["doc"])
            t = ev.get("time") or dates.get(ev.get("doc"))
            if t:
                times.append(str(t)[:10])
    times.sort()
    return {"documents": len(docs), "claims": claims, "first": times[0] if times else None,
            "last": times[-1] if times else None}


def caption_text(G, note: str | None) -> str:
    """The line under a drawing: documents, claims, their dates, actors and relations, and the filter."""
    s = summary(G)
    docs = f"{s['documents']:,} document{'s' if s['documents'] != 1 else ''}"
    claims = f"{s['claims']:,} claim{'s' if s['claims'] != 1 else ''}"
    text = f"{docs}, {claims}"
    if s["first"]:
        text += f", {s['first']}" if s["first"] == s["last"] else f", {s['first']} to {s['last']}"
    text += f"; {G.number_of_nodes():,} actors, {len(drawn_edges(G)):,} relations"
    return text + (f". Filter: {note}" if note else "")


def short_name(actor_id: str, label: str | None = None, gazetteer=None) -> str:
    """The label to print for an actor: its name, a common abbreviation when the name is long.

    >>> from kg.gazetteer import load_gazetteer
    >>> g = load_gazetteer()
    >>> [short_name(a, gazetteer=g) for a in ("USA", "GBR", "PRK", "UNSC", "WEST", "INTL")]
    ['US', 'UK', 'North Korea', 'UNSC', 'West', 'Intl. community']
    """
    actor = gazetteer.actors.get(actor_id) if gazetteer is not None else None
    name = printable(label or (actor.label if actor else actor_id))  # no control character reaches SVG or PDF
    name = name[4:] if name.startswith("the ") else name
    if name == "international community":
        return "Intl. community"
    if len(name) > 12 and gazetteer is not None:
        abbrevs = sorted({n.text for n in gazetteer.names if n.actor == actor_id and n.kind == "alias"
                          and n.text.isalpha() and n.text.isupper() and 2 <= len(n.text) <= 5},
                         key=lambda t: (len(t), t))
        if abbrevs:
            return abbrevs[0]
    name = name[0].upper() + name[1:] if name else actor_id
    return "\n".join(textwrap.wrap(name, 16)) if len(name) > 16 else name


def evidence_amounts(G) -> dict[str, int]:
    """Actor -> evidence entries of the relations it takes part in."""
    amount = {n: 0 for n in G.nodes}
    for u, v, _, data in drawn_edges(G):
        w = int(data.get("weight", 1))
        amount[u] += w
        amount[v] += w
    return amount

