"""``kg view``: one self-contained HTML file to explore a kg graph in a browser, offline.

The page (``template.html``, ``view.css``, ``view.js`` and the vendored Cytoscape.js of
``tools/vendor_cytoscape.py``, all inlined) shows the actors at the positions of a :mod:`kg.draw`
layout and ONE edge per pair of actors, drawn in the look of its strongest relation from
:mod:`kg.styles` (the colours, dashes and marks of ``kg draw``). In the page: pan and zoom, a
search box, toggles per relation and per quad class, a time window over the claim dates, an
actor's partners and adversaries (the signed ties of ``kg analyze`` over what is shown) and the
claims behind an edge (sentence with its trigger marked, document title and link, date, flags and
confidence). The claims sit in an embedded JSON block the page parses on the first click.

A Content-Security-Policy meta element forbids every fetch, so opening the file makes no network
request; the same graph and options give the same bytes.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["write_view", "view_graph", "ViewReport", "render_page", "VIEW_FILES"]

HERE = Path(__file__).resolve().parent
#: the files a page is assembled from
VIEW_FILES = ("template.html", "view.css", "view.js", "cytoscape.min.js", "cytoscape.LICENSE.txt")


@dataclass(frozen=True)
class ViewReport:
    """What :func:`view_graph` wrote."""

    path: Path
    actors: int
    pairs: int
    relations: int
    claims: int
    size: int  # bytes


def _json(value) -> str:
    """JSON safe inside a <script> element (no '<', so no '</script>' and no '<!--')."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # dicts are built in a fixed order
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_page(data: dict, claims: dict, *, title: str, caption: str) -> str:
    """The HTML page of ``data`` and ``claims`` (see :func:`kg.view.data.page_data`)."""
    parts = {name: (HERE / name).read_text(encoding="utf-8") for name in VIEW_FILES}
    licence = parts["cytoscape.LICENSE.txt"].replace("*/", "* /")
    values = {
        "TITLE": html.escape(title),
        "CAPTION": html.escape(caption),
        "CSS": parts["view.css"],
        "CYTOSCAPE": f"/*\n{licence}*/\n{parts['cytoscape.min.js']}",
        "APP": parts["view.js"],
        "DATA": _json(data),
        "CLAIMS": _json(claims),
    }
    return re.sub(r"\{\{KG:([A-Z]+)\}\}", lambda m: values[m.group(1)], parts["template.html"])


def _blocs(G, wanted: bool) -> list[list[str]]:
    if not wanted:
        return []
    from ..analysis import blocs, signed_graph

    groups, _ = blocs(signed_graph(G))
    return [sorted(g) for g in groups]


def write_view(G, claims: dict, out, *, title: str | None = None, note: str | None = None, layout: str = "spring",
               seed: int = 7, gazetteer=None, blocs: bool | None = None, focus: str | None = None) -> ViewReport:
    """Write the page of the network ``G`` with ``claims`` (:func:`kg.view.data.read_claims`) to ``out``.

    ``layout`` and ``seed`` place the actors as :func:`kg.draw.layout` does; ``blocs`` (default:
    for up to 300 actors) colours the actors by the blocs of :func:`kg.analysis.blocs`; the page
    opens on ``focus`` (an actor id), ringed. The file is written atomically.
    """
    from ..draw import layout as place, short_name
    from ..draw.common import caption_text
    from ..fileio import atomic_write, check_writable
    from .data import page_data

    check_writable(out)
    if gazetteer is None:
        from ..gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    linked = {n for u, v in G.edges() if u != v for n in (u, v)}
    H = G if len(linked) == G.number_of_nodes() else G.subgraph(sorted(linked))
    pos = place(H, layout, seed=seed, gazetteer=gazetteer) if H.number_of_nodes() else {}
    labels = {n: short_name(n, H.nodes[n].get("label"), gazetteer).replace("\n", " ") for n in H.nodes}
    data, pair_claims = page_data(H, claims, pos=pos, labels=labels,
                                  blocs=_blocs(H, blocs if blocs is not None else H.number_of_nodes() <= 300))
    data["layout"] = layout
    data["focus"] = focus
    caption = caption_text(H, note)
    text = render_page(data, pair_claims, title=title or "kg view", caption=caption)
    raw = text.encode("utf-8")
    with atomic_write(out, "wb") as fh:
        fh.write(raw)
    relations = sum(len(e["rels"]) for e in data["edges"])
    claims_shown = sum(c for e in data["edges"] for *_, counts in e["rels"] for _, c in counts)
    return ViewReport(Path(out), len(data["nodes"]), len(data["edges"]), relations, claims_shown, len(raw))


def view_graph(source, out, *, flt=None, gazetteer=None, **options) -> ViewReport:
    """Read ``source`` (a graph file, a store directory or an in-memory graph), filter it with
    ``flt`` and write its page to ``out`` (see :func:`write_view`).

    Raises
    ------
    GraphError
        The graph cannot be read, or it has no relation (after the filters).
    """
    from ..draw import filtered_network
    from .data import read_claims

    G = filtered_network(source, flt, gazetteer, options, verb="show")
    return write_view(G, read_claims(source), out, gazetteer=gazetteer, **options)
