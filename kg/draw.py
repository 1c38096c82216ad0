"""Alliance diagrams of a kg network (``kg draw``), ready to paste into a report.

One node per actor (a circle for a state, a square for an organization, a diamond for a group),
its area growing with the evidence that involves it and its short name beside it. One curve per
relation (subject, predicate, object): the colour is the relation's quad class (Okabe-Ito palette,
colour-blind safe: blues and greens for cooperation, orange and vermillion for conflict), solid
for material and dashed for verbal relations, the width grows with the evidence count, and directed
relations have an arrowhead. Relations between the same two actors are separate curves. A legend
explains every colour, line and shape that appears, and a caption gives the number of documents
and claims behind the picture and their date range.

Labels are placed by a deterministic search around each node (and along each curve for
``edge_labels``), avoiding other labels, nodes and curves. The same graph and options give the same
bytes: layouts are seeded, and no date or random id goes into the files.

matplotlib is imported inside the functions that draw; :func:`draw` takes an ``ax`` so that the
diagram can be placed in a figure of the caller's.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from pathlib import Path

from .errors import FormatError, GraphError
from .predicates import QUAD_CLASSES, RELATION_PREDICATES
from .text import printable

__all__ = ["QUAD_STYLES", "LAYOUTS", "DRAW_FORMATS", "network", "layout", "draw", "write_drawing",
           "draw_graph", "DrawReport", "short_name", "summary", "default_blocs"]

#: quad class -> (colour, line style, legend heading); Okabe-Ito colours
QUAD_STYLES = {
    "verbalCooperation": ("#0072B2", "dashed", "Cooperation, verbal (dashed)"),
    "materialCooperation": ("#009E73", "solid", "Cooperation, material (solid)"),
    "verbalConflict": ("#E69F00", "dashed", "Conflict, verbal (dashed)"),
    "materialConflict": ("#D55E00", "solid", "Conflict, material (solid)"),
}
_OTHER_STYLE = ("#777777", "dotted", "Other")
_DASHES = {"dashed": (0, (4.5, 2.2)), "solid": "solid", "dotted": (0, (1, 2))}
#: actor kind -> (marker, legend label)
_SHAPES = {"state": ("o", "State"), "organization": ("s", "Organization"), "group": ("D", "Group"),
           None: ("o", "Actor")}
LAYOUTS = ("spring", "circular", "kamada-kawai", "geo", "blocs")
#: file suffix -> matplotlib format and the metadata that keeps the bytes reproducible
DRAW_FORMATS = {
    ".png": ("png", {"Software": None}),
    ".svg": ("svg", {"Date": None, "Creator": "kg"}),
    ".pdf": ("pdf", {"CreationDate": None, "ModDate": None, "Creator": "kg", "Producer": "kg"}),
}
_FONT = "DejaVu Sans"
_RC = {"font.family": "sans-serif", "font.sans-serif": [_FONT], "svg.fonttype": "none",
       "svg.hashsalt": "kg-draw", "pdf.fonttype": 42, "path.simplify": True}


# ---------------------------------------------------------------------------- the network

def network(source, flt=None, gazetteer=None):
    """The (filtered) NetworkX view to draw of ``source`` (a path or an rdflib graph).

    The document dates go into ``G.graph["document_dates"]`` (doc id -> ISO date): the time window
    of ``flt`` and the caption's date range use them for evidence without a claim time.
    """
    from .filters import apply_filter, document_dates
    from .network import to_networkx

    if isinstance(source, (str, Path)):
        from .sources import open_graph

        source = open_graph(source)
    dates = document_dates(source)
    G = apply_filter(to_networkx(source), flt, gazetteer=gazetteer, document_dates=dates)
    G.graph["document_dates"] = dates
    return G


def _relations(G):
    """The edges to draw, sorted: (u, v, predicate, data), self-relations left out."""
    order = {p: i for i, p in enumerate(RELATION_PREDICATES)}
    return sorted(((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if u != v),
                  key=lambda e: (order.get(e[2], len(order)), e[2], e[0], e[1]))


def summary(G) -> dict:
    """Documents, claims (evidence entries) and their date range (claim time, else document date)."""
    dates = G.graph.get("document_dates") or {}
    docs, times, claims = set(), [], 0
    for _, _, _, data in _relations(G):
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


def _caption(G, note: str | None) -> str:
    s = summary(G)
    docs = f"{s['documents']:,} document{'s' if s['documents'] != 1 else ''}"
    claims = f"{s['claims']:,} claim{'s' if s['claims'] != 1 else ''}"
    text = f"{docs}, {claims}"
    if s["first"]:
        text += f", {s['first']}" if s["first"] == s["last"] else f", {s['first']} to {s['last']}"
    text += f"; {G.number_of_nodes():,} actors, {len(_relations(G)):,} relations"
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


# ---------------------------------------------------------------------------- layouts

def _evidence(G) -> dict[str, int]:
    """Actor -> evidence entries of the relations it takes part in."""
    amount = {n: 0 for n in G.nodes}
    for u, v, _, data in _relations(G):
        w = int(data.get("weight", 1))
        amount[u] += w
        amount[v] += w
    return amount


def _simple(G, nodes=None):
    import networkx as nx

    U = nx.Graph()
    U.add_nodes_from(sorted(G.nodes if nodes is None else nodes))
    for u, v, _, data in _relations(G):
        if u in U and v in U:
            a, b = sorted((u, v))
            w = U.edges[a, b]["weight"] if U.has_edge(a, b) else 0
            U.add_edge(a, b, weight=w + int(data.get("weight", 1)))
    return U


def _cooperation_components(G) -> list[set[str]]:
    import networkx as nx

    C = nx.Graph()
    C.add_nodes_from(sorted(G.nodes))
    C.add_edges_from((u, v) for u, v, _, d in _relations(G)
                     if str(d.get("quad_class", "")).endswith("Cooperation"))
    return sorted((set(c) for c in nx.connected_components(C)), key=lambda c: (-len(c), min(c)))


def default_blocs(G) -> list[set[str]]:
    """The alliance blocs of :func:`kg.analysis.blocs`, or cooperation components without it."""
    try:
        from .analysis import blocs, signed_graph
    except ImportError:
        return _cooperation_components(G)
    groups, _ = blocs(signed_graph(G))
    return [set(g) for g in groups]


def _spread(pos: dict, min_dist: float, rounds: int = 60) -> dict:
    """Push nodes closer than ``min_dist`` apart (deterministic), keeping the picture's shape."""
    import numpy as np

    names = sorted(pos)
    if len(names) < 2:
        return pos
    xy = np.array([pos[n] for n in names], dtype=float)
    for _ in range(rounds):
        d = xy[:, None, :] - xy[None, :, :]
        dist = np.hypot(d[..., 0], d[..., 1])
        np.fill_diagonal(dist, np.inf)
        close = dist < min_dist
        if not close.any():
            break
        # coincident nodes: separate along a fixed direction that depends on their order
        zero = dist < 1e-9
        if zero.any():
            i, j = np.nonzero(np.triu(zero))
            xy[j] += np.stack([np.cos(j * 2.4), np.sin(j * 2.4)], axis=1) * min_dist * 0.1
            continue
        push = np.where(close, (min_dist - dist) / np.where(close, dist, 1.0) / 2, 0.0)
        xy += (d * push[..., None]).sum(axis=1) * 0.6
    return {n: (float(x), float(y)) for n, (x, y) in zip(names, xy)}


def _normalize(pos: dict) -> dict:
    """Scale positions into the unit square, keeping the aspect ratio, centred."""
    if not pos:
        return {}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n: (0.5 + (x - cx) / span, 0.5 + (y - cy) / span) for n, (x, y) in sorted(pos.items())}


def _geo(G, gazetteer) -> dict:
    """Capital coordinates (equirectangular); actors without one sit among their partners."""
    if gazetteer is None:
        from .gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    pos = {}
    for n in sorted(G.nodes):
        a = gazetteer.actors.get(n)
        if a is not None and a.lat is not None and a.lon is not None:
            pos[n] = (a.lon, a.lat)
    placed = dict(pos)
    lons = [p[0] for p in placed.values()] or [0.0]
    lats = [p[1] for p in placed.values()] or [0.0]
    loose = [n for n in sorted(G.nodes) if n not in placed]
    for i, n in enumerate(loose):
        partners = sorted({m for m in G.predecessors(n)} | {m for m in G.successors(n)})
        near = [placed[m] for m in partners if m in placed]
        if near:
            x = sum(p[0] for p in near) / len(near)
            y = sum(p[1] for p in near) / len(near) + 8.0  # a little north of the partners' centre
        else:  # a row above the map
            x = min(lons) + (i + 0.5) * (max(lons) - min(lons) + 1) / max(len(loose), 1)
            y = max(lats) + 15.0
        pos[n] = (x, y)
    return pos


def _bloc_layout(G, blocs, seed: int):
    """Each bloc in its own disc, the discs in rows (largest first); actors in no bloc share a last one.

    Returns the positions and, per bloc, (members, centre, radius).
    """
    import networkx as nx
    import numpy as np

    groups = [sorted(set(b) & set(G.nodes)) for b in (blocs if blocs is not None else default_blocs(G))]
    groups = [g for g in groups if g]
    seen = {n for g in groups for n in g}
    rest = sorted(n for n in G.nodes if n not in seen)
    if rest:
        groups.append(rest)
    radii = [0.3 + 0.6 * math.sqrt(len(g)) for g in groups]
    width = max(2 * radii[0], math.sqrt(sum((2 * r + 0.5) ** 2 for r in radii)) * 1.5)
    pos, out = {}, []
    x, y, row = 0.0, 0.0, 0.0
    for g, r in zip(groups, radii):
        if x > 0 and x + 2 * r > width:
            x, y, row = 0.0, y - row - 0.5, 0.0
        cx, cy = x + r, y - r
        x += 2 * r + 0.5
        row = max(row, 2 * r)
        if len(g) == 1:
            inner = {g[0]: (0.5, 0.5)}
        else:
            sub = _simple(G, g)
            init = {v: np.asarray(p) for v, p in nx.circular_layout(g).items()}
            inner = nx.spring_layout(sub, seed=seed, k=1.5 / math.sqrt(len(g)), iterations=200, pos=init)
            inner = _equalize(_normalize({v: (float(p[0]), float(p[1])) for v, p in inner.items()}))
            inner = _normalize(_spread(inner, min_dist=0.9 / math.sqrt(len(g))))
        side = 2 * r * 0.68  # inside the disc
        for v, (px, py) in inner.items():
            pos[v] = (cx + (px - 0.5) * side, cy + (py - 0.5) * side)
        out.append((g, (cx, cy), r))
    return pos, out


def _components(U) -> list[list[str]]:
    import networkx as nx

    return sorted((sorted(c) for c in nx.connected_components(U)), key=lambda c: (-len(c), c[0]))


def _equalize(pos: dict, share: float = 0.5) -> dict:
    """Blend each coordinate with its rank, so that dense parts open up and long chains shrink.

    The order of the nodes along each axis is kept; ``share`` is the weight of the rank.
    """
    names = sorted(pos)
    m = len(names)
    if m < 3:
        return pos
    out = {n: list(pos[n]) for n in names}
    for axis in (0, 1):
        values = [pos[n][axis] for n in names]
        lo, hi = min(values), max(values)
        span = (hi - lo) or 1.0
        ranked = sorted(range(m), key=lambda i: (values[i], names[i]))
        for r, i in enumerate(ranked):
            out[names[i]][axis] = (1 - share) * (values[i] - lo) / span + share * r / (m - 1)
    return {n: (x, y) for n, (x, y) in out.items()}


def _component_layout(U, kind: str, seed: int) -> dict:
    """Positions of one connected component, its larger side sqrt(size) long."""
    import networkx as nx
    import numpy as np

    nodes = sorted(U.nodes)
    m = len(nodes)
    if m == 1:
        return {nodes[0]: (0.0, 0.0)}
    if m == 2:
        return {nodes[0]: (0.0, 0.0), nodes[1]: (1.0, 0.0)}
    init = {v: np.asarray(p) for v, p in nx.circular_layout(nodes).items()}
    if kind == "kamada-kawai":
        pos = nx.kamada_kawai_layout(U, pos=init)
    else:
        # unweighted: pairs with many relations need room for their curves, not a stronger pull
        pos = nx.spring_layout(U, weight=None, seed=seed, k=1.5 / math.sqrt(m), iterations=300, pos=init)
    pos = _equalize(_normalize({v: (float(p[0]), float(p[1])) for v, p in pos.items()}))
    side = math.sqrt(m)
    return {v: (x * side, y * side) for v, (x, y) in pos.items()}


def _pack(parts: list[dict], gap: float = 0.7) -> dict:
    """Place component layouts: the largest, then the others in columns to its right, top down."""
    boxes = []
    for part in parts:
        xs = [p[0] for p in part.values()]
        ys = [p[1] for p in part.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    height = max(boxes[0][3], 1.0)
    pos, x, y, col = {}, boxes[0][2] + gap, 0.0, 0.0
    for k, (part, (x0, y0, w, h)) in enumerate(zip(parts, boxes)):
        if k == 0:
            left, top = 0.0, 0.0
        else:
            if y < 0 and -y + h > height:  # this column is full
                x, y, col = x + col + gap, 0.0, 0.0
            left, top = x, y
            y -= h + gap
            col = max(col, w)
        for v, (px, py) in part.items():
            pos[v] = (left + px - x0, top - h + py - y0)
    return pos


def layout(G, kind: str = "spring", *, seed: int = 7, blocs=None, gazetteer=None) -> dict:
    """Node positions in the unit square for the layout ``kind`` (one of :data:`LAYOUTS`).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A kg network.
    kind : str
        ``spring`` (seeded force-directed), ``circular``, ``kamada-kawai``, ``geo`` (capitals from
        the gazetteer) or ``blocs`` (actors grouped by alliance bloc).
    seed : int
        The random seed of ``spring`` and ``blocs``: the same seed, the same picture.
    blocs : list of set of str, optional
        The groups of the ``blocs`` layout (e.g. from :func:`kg.analysis.blocs`); by default
        :func:`default_blocs`.
    gazetteer : kg.gazetteer.Gazetteer, optional
        For ``geo`` (the bundled one by default).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("A", "B", "supplies"), ("B", "C", "attacks")])
    >>> pos = layout(G, "circular")
    >>> sorted(pos) == ["A", "B", "C"] and all(0 <= x <= 1 and 0 <= y <= 1 for x, y in pos.values())
    True
    """
    return _layout(G, kind, seed=seed, blocs=blocs, gazetteer=gazetteer)[0]


def _layout(G, kind, *, seed, blocs, gazetteer):
    if kind not in LAYOUTS:
        raise FormatError(f"unknown layout {kind!r}: use {', '.join(LAYOUTS)}")
    n = G.number_of_nodes()
    groups = None
    if n == 0:
        return {}, None
    if n == 1:
        return {next(iter(G.nodes)): (0.5, 0.5)}, None
    U = _simple(G)
    if kind in ("spring", "kamada-kawai"):
        pos = _pack([_component_layout(U.subgraph(c), kind, seed) for c in _components(U)])
    elif kind == "circular":
        order = [v for c in _components(U) for v in c]  # each component on one arc of the circle
        pos = {v: (math.cos(math.pi / 2 - 2 * math.pi * i / n), math.sin(math.pi / 2 - 2 * math.pi * i / n))
               for i, v in enumerate(order)}
    elif kind == "geo":
        pos = _geo(G, gazetteer)
    else:
        pos, groups = _bloc_layout(G, blocs, seed)
    pos = {k: (float(v[0]), float(v[1])) for k, v in pos.items()}
    if kind == "blocs":
        raw = pos
        pos = _normalize(raw)
        xs = [p[0] for p in raw.values()]
        ys = [p[1] for p in raw.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        groups = [(g, (0.5 + (c[0] - cx) / span, 0.5 + (c[1] - cy) / span), r / span) for g, c, r in groups]
        return pos, groups
    pos = _normalize(pos)
    if kind != "circular":
        pos = _normalize(_spread(pos, min_dist=min(0.14, 0.7 / math.sqrt(n))))
    return pos, None


# ---------------------------------------------------------------------------- geometry

def _curves(G, pos) -> list[tuple]:
    """(u, v, predicate, data, rad) with the arc3 curvature of each relation.

    The relations between one pair of actors fan out symmetrically (in the frame of the sorted
    pair, so that opposite directions take different sides).
    """
    pairs: dict[tuple[str, str], list] = {}
    for u, v, k, d in _relations(G):
        pairs.setdefault(tuple(sorted((u, v))), []).append((u, v, k, d))
    out = []
    for (a, _b), edges in sorted(pairs.items()):
        m = len(edges)
        step = min(0.2, 0.9 / m) if m > 1 else 0.0
        for i, (u, v, k, d) in enumerate(edges):
            rad = step * (i - (m - 1) / 2)
            out.append((u, v, k, d, rad if u == a else -rad))
    return out


def _bezier(p0, p2, rad, ts):
    """Points of matplotlib's arc3 curve from p0 to p2 at parameters ``ts`` (equal-aspect coords)."""
    (x1, y1), (x2, y2) = p0, p2
    cx, cy = (x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1)
    return [((1 - t) ** 2 * x1 + 2 * t * (1 - t) * cx + t * t * x2,
             (1 - t) ** 2 * y1 + 2 * t * (1 - t) * cy + t * t * y2) for t in ts]


def _text_size(text: str, size: float) -> tuple[float, float]:
    """Width and height in points of ``text`` set in DejaVu Sans at ``size`` points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family=_FONT, size=size)
    lines = text.split("\n")
    width = max(text_to_path.get_text_width_height_descent(line, prop, ismath=False)[0] for line in lines)
    return width, size * 1.2 * len(lines)


def _overlap(a, b):
    """Overlap areas of every box of ``a`` with every box of ``b`` (rows x0, y0, x1, y1)."""
    import numpy as np

    w = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    h = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    return np.clip(w, 0, None) * np.clip(h, 0, None)


class _Placer:
    """Greedy label placement in display points: each label takes the candidate spot that overlaps
    the least with the labels placed before it, the nodes and the curves (ties: the first spot)."""

    def __init__(self, nodes_xy, radii, curve_pts, bounds):
        import numpy as np

        self.np = np
        self.nodes = np.asarray(nodes_xy, dtype=float).reshape(-1, 2)
        self.radii = np.asarray(radii, dtype=float)
        self.boxes = np.zeros((0, 4))
        self.bounds = bounds  # x0, y0, x1, y1
        # curve points counted per cell of a grid, summed (a summed-area table): O(1) per box
        curve = np.asarray(curve_pts, dtype=float).reshape(-1, 2)
        self.cell = 3.0
        lo = np.array([min(bounds[0], *(curve[:, 0] if len(curve) else [0])) - 10,
                       min(bounds[1], *(curve[:, 1] if len(curve) else [0])) - 10])
        hi = np.array([max(bounds[2], *(curve[:, 0] if len(curve) else [0])) + 10,
                       max(bounds[3], *(curve[:, 1] if len(curve) else [0])) + 10])
        shape = np.ceil((hi - lo) / self.cell).astype(int) + 1
        grid = np.zeros(shape)
        if len(curve):
            idx = ((curve - lo) / self.cell).astype(int)
            np.add.at(grid, (idx[:, 0], idx[:, 1]), 1)
        self.origin = lo
        self.sat = np.zeros((shape[0] + 1, shape[1] + 1))
        self.sat[1:, 1:] = grid.cumsum(axis=0).cumsum(axis=1)

    def _curve_count(self, c):
        np = self.np
        n0, n1 = self.sat.shape[0] - 1, self.sat.shape[1] - 1
        i0 = np.clip(np.ceil((c[:, 0] - self.origin[0]) / self.cell), 0, n0).astype(int)
        i1 = np.clip(np.floor((c[:, 2] - self.origin[0]) / self.cell), 0, n0).astype(int)
        j0 = np.clip(np.ceil((c[:, 1] - self.origin[1]) / self.cell), 0, n1).astype(int)
        j1 = np.clip(np.floor((c[:, 3] - self.origin[1]) / self.cell), 0, n1).astype(int)
        i1, j1 = np.maximum(i1, i0), np.maximum(j1, j0)
        return self.sat[i1, j1] - self.sat[i0, j1] - self.sat[i1, j0] + self.sat[i0, j0]

    def cost(self, cands, own=None, own_curve=None):
        """Cost of each candidate box (rows x0, y0, x1, y1)."""
        np = self.np
        c = np.asarray(cands, dtype=float)
        cost = np.zeros(len(c))
        if len(self.boxes):
            cost += 8.0 * _overlap(c, self.boxes).sum(axis=1)
        if len(self.nodes):  # the node discs as their boxes, shrunk a little
            r = self.radii * 0.9
            discs = np.stack([self.nodes[:, 0] - r, self.nodes[:, 1] - r, self.nodes[:, 0] + r,
                              self.nodes[:, 1] + r], axis=1)
            cost += 6.0 * _overlap(c, discs).sum(axis=1)
        crossed = self._curve_count(c)
        if own_curve is not None and len(own_curve):  # a label may sit on its own curve
            x, y = own_curve[None, :, 0], own_curve[None, :, 1]
            crossed = crossed - ((x > c[:, None, 0]) & (x < c[:, None, 2]) & (y > c[:, None, 1])
                                 & (y < c[:, None, 3])).sum(axis=1)
        cost += 12.0 * np.clip(crossed, 0, None)
        if own is not None and len(self.nodes) > 1:  # a label nearer another node than its own misleads
            px, py = self.nodes[None, :, 0], self.nodes[None, :, 1]
            gx = np.maximum(np.maximum(c[:, None, 0] - px, px - c[:, None, 2]), 0)
            gy = np.maximum(np.maximum(c[:, None, 1] - py, py - c[:, None, 3]), 0)
            gap = np.hypot(gx, gy) - self.radii[None, :]
            mine = gap[:, own].copy()
            gap[:, own] = np.inf
            cost += 60.0 * (gap < mine[:, None] + 2.0).sum(axis=1)
        x0, y0, x1, y1 = self.bounds
        out = (np.clip(x0 - c[:, 0], 0, None) + np.clip(c[:, 2] - x1, 0, None)
               + np.clip(y0 - c[:, 1], 0, None) + np.clip(c[:, 3] - y1, 0, None))
        cost += 400.0 * out
        return cost

    def place(self, cands, rank_penalty: float = 3.0, own=None, own_curve=None) -> int:
        np = self.np
        cost = self.cost(cands, own, own_curve) + rank_penalty * np.arange(len(cands))
        best = int(np.argmin(cost))
        self.boxes = np.vstack([self.boxes, np.asarray(cands[best], dtype=float)[None, :]])
        return best


# ---------------------------------------------------------------------------- drawing

@dataclass(frozen=True)
class _Scale:
    node_min: float
    node_max: float
    font: float
    edge_font: float


def _scale(n: int) -> _Scale:
    f = min(1.0, math.sqrt(40 / max(n, 1)))
    return _Scale(node_min=max(2.5, 4.5 * f), node_max=max(6.0, 12.0 * f), font=max(6.0, 9.5 * f),
                  edge_font=max(5.0, 7.0 * f))


def _line_width(weight: int, relations: int = 0) -> float:
    """Line width in points for an evidence count; thinner when there are many relations."""
    thin = max(0.35, min(1.0, math.sqrt(150 / relations))) if relations else 1.0
    return thin * min(6.0, 1.3 + 1.3 * math.log2(max(weight, 1)))


def _fit_limits(ax, pos, groups, pad_x: float = 50.0, pad_y: float = 20.0) -> None:
    """Axis limits with equal scales on x and y that fit every node, with room for the labels."""
    fig = ax.figure
    box = ax.get_position()
    w_pt = box.width * fig.get_figwidth() * 72
    h_pt = box.height * fig.get_figheight() * 72
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    for _, (cx, cy), r in groups or ():
        xs += [cx - r * 1.05, cx + r * 1.05]
        ys += [cy - r * 1.05, cy + r * 1.1]
    dx, dy = max(max(xs) - min(xs), 1e-3), max(max(ys) - min(ys), 1e-3)
    scale = min(max(w_pt - 2 * pad_x, 0.4 * w_pt) / dx, max(h_pt - 2 * pad_y, 0.4 * h_pt) / dy)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    ax.set_xlim(cx - w_pt / 2 / scale, cx + w_pt / 2 / scale)
    ax.set_ylim(cy - h_pt / 2 / scale, cy + h_pt / 2 / scale)


def draw(G, ax=None, *, layout: str = "spring", pos: dict | None = None, seed: int = 7, blocs=None,
         edge_labels: bool = False, title: str | None = None, note: str | None = None,
         legend: bool = True, caption: bool = True, gazetteer=None):
    """Draw the kg network ``G`` on ``ax`` (a new figure's axes when None) and return the axes.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        From :func:`network`, :func:`kg.network.to_networkx` or :func:`kg.network.from_relations`.
    ax : matplotlib.axes.Axes, optional
        Where to draw. The legend goes to the right of the axes and the caption below them.
    layout : str
        One of :data:`LAYOUTS` (ignored when ``pos`` is given).
    pos : dict, optional
        Node -> (x, y), e.g. from :func:`layout`.
    seed : int
        Seed of the spring and bloc layouts.
    blocs : list of set of str, optional
        Groups for the ``blocs`` layout (see :func:`layout`).
    edge_labels : bool
        Write the relation name on each curve.
    title, note : str, optional
        Title above the diagram; ``note`` (e.g. the filter) ends the caption.
    legend, caption : bool
        Draw the legend and the caption.
    gazetteer : kg.gazetteer.Gazetteer, optional
        Short names and capitals (the bundled gazetteer by default).

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib
    import numpy as np
    from matplotlib.patches import Circle, FancyArrowPatch

    if gazetteer is None:
        from .gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    G = G.copy()
    G.remove_nodes_from([n for n in list(G.nodes) if not any(u != v for u, v in
                                                              list(G.in_edges(n)) + list(G.out_edges(n)))])
    if G.number_of_nodes() == 0:
        raise GraphError("nothing to draw: the graph has no relations")
    groups = None
    if pos is None:
        pos, groups = _layout(G, layout, seed=seed, blocs=blocs, gazetteer=gazetteer)
    if ax is None:
        from matplotlib.figure import Figure

        fig = Figure(figsize=(12, 8), dpi=100)
        ax = fig.add_axes((0.02, 0.08, 0.70, 0.85))
    fig = ax.figure
    sc = _scale(G.number_of_nodes())
    with matplotlib.rc_context(_RC):
        ax.set_axis_off()
        _fit_limits(ax, pos, groups)
        to_pts = ax.transData + matplotlib.transforms.Affine2D().scale(72.0 / fig.dpi)

        if groups:
            for i, (members, (cx, cy), r) in enumerate(groups):
                if len(members) > 1:
                    ax.add_patch(Circle((cx, cy), r * 1.05, facecolor="#EEF2F6", edgecolor="#C9D3DD",
                                        lw=0.8, zorder=0))
                    ax.annotate(f"bloc {i + 1}", (cx, cy + r * 1.05), xytext=(0, 2), textcoords="offset points",
                                ha="center", va="bottom", fontsize=sc.font - 1, color="#5A6B7B",
                                style="italic", zorder=0.5)

        evidence = _evidence(G)
        top = max(evidence.values()) or 1
        radius = {n: sc.node_min + (sc.node_max - sc.node_min) * math.sqrt(evidence[n] / top)
                  for n in sorted(G.nodes)}
        nodes = sorted(G.nodes)
        kinds = {n: G.nodes[n].get("type") if G.nodes[n].get("type") in _SHAPES else None for n in nodes}
        for kind in ("state", "organization", "group", None):
            members = [n for n in nodes if kinds[n] == kind]
            if not members:
                continue
            marker = _SHAPES[kind][0]
            scale = 0.82 if marker in ("s", "D") else 1.0  # equal visual weight for squares and diamonds
            ax.scatter([pos[n][0] for n in members], [pos[n][1] for n in members],
                       s=[(2 * radius[n] * scale) ** 2 for n in members], marker=marker,
                       facecolor="#F4F4F4" if kind == "state" else "#FFF3C4", edgecolor="#333333",
                       linewidths=1.0, zorder=3)

        curves = _curves(G, pos)
        sample_ts = [i / 10 for i in range(1, 10)]
        curve_pts = []
        for u, v, pred, data, rad in curves:
            colour, style, _ = QUAD_STYLES.get(data.get("quad_class") or QUAD_CLASSES.get(pred), _OTHER_STYLE)
            lw = _line_width(int(data.get("weight", 1)), len(curves))
            directed = not data.get("symmetric", False)
            arrow = FancyArrowPatch(
                pos[u], pos[v], connectionstyle=f"arc3,rad={rad:.4f}",
                arrowstyle="-|>" if directed else "-", mutation_scale=7 + 2.2 * lw,
                shrinkA=radius[u] + 1.5, shrinkB=radius[v] + 1.5, color=colour, lw=lw,
                linestyle=_DASHES[style], joinstyle="miter", capstyle="butt", alpha=0.9, zorder=2,
                gid=f"relation-{u}-{pred}-{v}")
            ax.add_patch(arrow)
            curve_pts.extend(_bezier(pos[u], pos[v], rad, sample_ts))

        # labels, in display points
        bbox = ax.get_window_extent()
        s = 72.0 / fig.dpi
        bounds = (bbox.x0 * s, bbox.y0 * s, bbox.x1 * s, bbox.y1 * s)
        node_pts = to_pts.transform(np.array([pos[n] for n in nodes]))
        curve_arr = to_pts.transform(np.array(curve_pts)) if curve_pts else np.zeros((0, 2))
        placer = _Placer(node_pts, [radius[n] for n in nodes], curve_arr, bounds)
        directions = [(1, 0), (0, -1), (0, 1), (-1, 0), (1, -1), (1, 1), (-1, -1), (-1, 1)]
        order = sorted(range(len(nodes)), key=lambda i: (-radius[nodes[i]], nodes[i]))
        for i in order:
            n = nodes[i]
            text = short_name(n, G.nodes[n].get("label"), gazetteer)
            w, h = _text_size(text, sc.font)
            w, h = w + 3, h + 1
            (x, y), r = node_pts[i], radius[n]
            cands, offsets = [], []
            for far in (1.0, 1.8, 2.8):
                for dx, dy in directions:
                    ox = dx * (r * far + 2 + w / 2) if dx else 0.0
                    oy = dy * (r * far + 1 + h / 2) if dy else 0.0
                    if dx and dy:
                        ox, oy = dx * (r * 0.75 * far + 1 + w / 2), dy * (r * 0.75 * far + 1 + h / 2)
                    cands.append((x + ox - w / 2, y + oy - h / 2, x + ox + w / 2, y + oy + h / 2))
                    offsets.append((ox, oy))
            best = placer.place(cands, own=i)
            ox, oy = offsets[best]
            ax.annotate(text, pos[n], xytext=(ox, oy), textcoords="offset points", ha="center",
                        va="center", fontsize=sc.font, color="#111111", zorder=5, annotation_clip=False,
                        linespacing=1.0, gid=f"actor-{n}",
                        bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none",
                              "alpha": 0.8})

        if edge_labels:
            ts = (0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8)
            for u, v, pred, data, rad in curves:
                colour = QUAD_STYLES.get(data.get("quad_class") or QUAD_CLASSES.get(pred), _OTHER_STYLE)[0]
                w, h = _text_size(pred, sc.edge_font)
                w, h = w + 2, h
                spots = to_pts.transform(np.array(_bezier(pos[u], pos[v], rad, ts)))
                ends = to_pts.transform(np.array([pos[u], pos[v]]))
                dx, dy = ends[1] - ends[0]
                norm = math.hypot(dx, dy) or 1.0
                nx_, ny_ = -dy / norm, dx / norm  # beside the curve, when on it is taken
                shifts = [(0.0, 0.0)] + [(k * nx_ * (abs(nx_) * w + abs(ny_) * h) * 0.55,
                                          k * ny_ * (abs(nx_) * w + abs(ny_) * h) * 0.55) for k in (1, -1)]
                cands, where = [], []
                for sx, sy in shifts:
                    for (x, y), t in zip(spots, ts):
                        cands.append((x + sx - w / 2, y + sy - h / 2, x + sx + w / 2, y + sy + h / 2))
                        where.append((t, sx, sy))
                own_curve = to_pts.transform(np.array(_bezier(pos[u], pos[v], rad, sample_ts)))
                best = placer.place(cands, rank_penalty=1.0, own_curve=own_curve)
                t, sx, sy = where[best]
                x, y = _bezier(pos[u], pos[v], rad, [t])[0]
                ax.annotate(pred, (x, y), xytext=(sx, sy), textcoords="offset points", ha="center",
                            va="center", fontsize=sc.edge_font, color=colour, zorder=4, annotation_clip=False,
                            bbox={"boxstyle": "round,pad=0.08", "facecolor": "white", "edgecolor": "none",
                                  "alpha": 0.85})

        if legend:
            _legend(ax, G, kinds, groups)
        if title:
            ax.set_title(printable(title), loc="left", fontsize=13, fontweight="bold", pad=10)
        if caption:
            ax.annotate(printable(_caption(G, note)), (0, 0), xycoords="axes fraction", xytext=(0, -4),
                        textcoords="offset points", ha="left", va="top", fontsize=8.5, color="#333333",
                        annotation_clip=False)
    return ax


def _legend(ax, G, kinds, groups) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    blank = Patch(visible=False)
    handles, labels, headers = [], [], []
    present = {}
    for _, _, pred, data in _relations(G):
        present.setdefault(pred, (data.get("quad_class") or QUAD_CLASSES.get(pred), data.get("symmetric", False)))
    for quad, (colour, style, heading) in list(QUAD_STYLES.items()) + [(None, _OTHER_STYLE)]:
        preds = [p for p in list(RELATION_PREDICATES) + sorted(set(present) - set(RELATION_PREDICATES))
                 if p in present and (present[p][0] if present[p][0] in QUAD_STYLES else None) == quad]
        if not preds:
            continue
        headers.append(len(handles))
        handles.append(blank)
        labels.append(heading)
        for p in preds:
            symmetric = present[p][1]
            handles.append(Line2D([0, 1], [0, 0], color=colour, lw=2.0, linestyle=_DASHES[style],
                                  marker=None if symmetric else ">", markersize=6, markevery=[1]))
            labels.append(f"{p}  (mutual)" if symmetric else f"{p}  \u2192")
    headers.append(len(handles))
    handles.append(blank)
    labels.append("Actors (area: evidence)")
    for kind in ("state", "organization", "group", None):
        if kind in kinds.values():
            marker, name = _SHAPES[kind]
            handles.append(Line2D([], [], linestyle="none", marker=marker, markersize=9 if marker == "o" else 8,
                                  markerfacecolor="#F4F4F4" if kind == "state" else "#FFF3C4",
                                  markeredgecolor="#333333"))
            labels.append(name)
    if groups and any(len(g[0]) > 1 for g in groups):
        handles.append(Patch(facecolor="#EEF2F6", edgecolor="#C9D3DD"))
        labels.append("Alliance bloc")
    weights = sorted({int(d.get("weight", 1)) for *_, d in _relations(G)})
    headers.append(len(handles))
    handles.append(blank)
    labels.append("Line width: evidence")
    for w in sorted({weights[0], weights[-1]}):
        handles.append(Line2D([0, 1], [0, 0], color="#555555", lw=_line_width(w, len(_relations(G)))))
        labels.append(f"{w} claim{'s' if w != 1 else ''}")
    leg = ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9,
                    handlelength=2.8, borderaxespad=0.0, labelspacing=0.45)
    for i, text in enumerate(leg.get_texts()):
        if i in headers:
            text.set_fontweight("bold")


# ---------------------------------------------------------------------------- files

def _format(out) -> tuple[str, dict]:
    suffix = Path(out).suffix.lower()
    if suffix not in DRAW_FORMATS:
        shown = f"'{suffix}'" if suffix else "no suffix"
        raise FormatError(f"cannot draw to {Path(out).name} ({shown}): use one of "
                          f"{', '.join(DRAW_FORMATS)}")
    return DRAW_FORMATS[suffix]


def write_drawing(G, out, *, dpi: int = 150, size: tuple[float, float] = (12.0, 8.0), **options) -> Path:
    """Draw ``G`` (see :func:`draw` for ``options``) into ``out``: .png, .svg or .pdf by suffix.

    The PNG is ``size`` inches times ``dpi`` pixels. The file is written atomically, and the same
    graph and options give the same bytes.
    """
    import io

    import matplotlib
    from matplotlib.figure import Figure

    from .fileio import atomic_write, check_writable

    fmt, metadata = _format(out)
    check_writable(out)
    width, height = size
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(width, height), dpi=dpi)
        legend_room = min(3.3, 0.3 * width)  # inches at the right for the legend
        top = 0.6 if options.get("title") else 0.25
        ax = fig.add_axes((0.15 / width, 0.45 / height, (width - legend_room - 0.3) / width,
                           (height - 0.45 - top) / height))
        draw(G, ax, **options)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=metadata, facecolor="white")
    with atomic_write(out, "wb") as fh:
        fh.write(buf.getvalue())
    return Path(out)


@dataclass(frozen=True)
class DrawReport:
    """What :func:`draw_graph` drew."""

    path: Path
    format: str
    actors: int
    relations: int


def draw_graph(source, out, *, flt=None, gazetteer=None, **options) -> DrawReport:
    """Read ``source`` (an RDF file, a store directory or an rdflib graph), filter it with ``flt``
    and draw it into ``out`` (see :func:`write_drawing`).

    Raises
    ------
    FormatError
        ``out`` has a suffix other than .png, .svg or .pdf (checked before reading the graph).
    GraphError
        The graph cannot be read, or it has no relation (after the filters) to draw.
    """
    fmt, _ = _format(out)
    G = network(source, flt, gazetteer=gazetteer)
    if not _relations(G):
        what = f" after the filters ({flt.describe()})" if flt is not None and flt.active else ""
        raise GraphError(f"nothing to draw: the graph has no relations{what}")
    if flt is not None and flt.active and "note" not in options:
        options["note"] = flt.describe()
    write_drawing(G, out, gazetteer=gazetteer, **options)
    actors = len({n for u, v, *_ in _relations(G) for n in (u, v)})
    return DrawReport(Path(out), fmt, actors, len(_relations(G)))
