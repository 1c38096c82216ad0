"""Node positions of a kg network: spring, circular, Kamada-Kawai, geo (capitals) and blocs."""

from __future__ import annotations

import math

from ..errors import FormatError
from .common import LAYOUTS, drawn_edges

def _simple(G, nodes=None):
    import networkx as nx

    U = nx.Graph()
    U.add_nodes_from(sorted(G.nodes if nodes is None else nodes))
    for u, v, _, data in drawn_edges(G):
        if u in U and v in U:
            a, b = sorted((u, v))
            w = U.edges[a, b]["weight"] if U.has_edge(a, b) else 0
            U.add_edge(a, b, weight=w + int(data.get("weight", 1)))
    return U


def _cooperation_components(G) -> list[set[str]]:
    import networkx as nx

    C = nx.Graph()
    C.add_nodes_from(sorted(G.nodes))
    C.add_edges_from((u, v) for u, v, _, d in drawn_edges(G)
                     if str(d.get("quad_class", "")).endswith("Cooperation"))
    return sorted((set(c) for c in nx.connected_components(C)), key=lambda c: (-len(c), min(c)))


def default_blocs(G) -> list[set[str]]:
    """The alliance blocs of :func:`kg.analysis.blocs`, or cooperation components without it."""
    try:
        from ..analysis import blocs, signed_graph
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
    """Capitals in the Equal Earth frame of :mod:`kg.draw.geomap`, never moved; an actor without a
    capital (an organization, a group) sits a little north of its placed partners' centre, or in a
    row above them when it has none."""
    from .geomap import capital_positions

    if gazetteer is None:
        from ..gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    placed = capital_positions(G, gazetteer)
    pos = dict(placed)
    xs = [p[0] for p in placed.values()] or [0.5]
    ys = [p[1] for p in placed.values()] or [0.5]
    loose = [n for n in sorted(G.nodes) if n not in placed]
    for i, n in enumerate(loose):
        partners = sorted(set(G.predecessors(n)) | set(G.successors(n)))
        near = [placed[m] for m in partners if m in placed]
        if near:
            x = sum(p[0] for p in near) / len(near)
            y = sum(p[1] for p in near) / len(near) + 0.025 + 0.004 * (i % 5)
        else:
            x = min(xs) + (i + 0.5) * (max(xs) - min(xs) + 0.02) / len(loose)
            y = max(ys) + 0.04
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


#: components this large are laid out by :func:`_force` (networkx's own method for 500 nodes and more is
#: a sparse one, tens of seconds for a few hundred actors)
_LARGE = 200


def _force(U, nodes: list, init: dict, k: float, iterations: int) -> dict:
    """Fruchterman-Reingold force-directed placement with dense numpy arrays (unweighted edges,
    linear cooling from a tenth of the spread); deterministic from ``init``."""
    import numpy as np

    index = {n: i for i, n in enumerate(nodes)}
    m = len(nodes)
    A = np.zeros((m, m), dtype=np.float32)
    for u, v in U.edges():
        A[index[u], index[v]] = A[index[v], index[u]] = 1.0
    pos = np.array([init[n] for n in nodes], dtype=np.float32)
    t = 0.1 * max(float(np.ptp(pos[:, 0])), float(np.ptp(pos[:, 1])), 1e-3)
    cool = t / (iterations + 1)
    k2 = np.float32(k * k)
    for _ in range(iterations):
        dx = pos[:, 0, None] - pos[None, :, 0]
        dy = pos[:, 1, None] - pos[None, :, 1]
        dist = np.maximum(np.sqrt(dx * dx + dy * dy), np.float32(0.01))
        force = k2 / (dist * dist) - A * (dist / np.float32(k))
        disp = np.stack([(dx * force).sum(axis=1), (dy * force).sum(axis=1)], axis=1)
        length = np.hypot(disp[:, 0], disp[:, 1])
        length = np.where(length < 0.01, np.float32(0.1), length)
        pos += disp * (np.float32(t) / length)[:, None]
        t -= cool
    pos = pos.astype(float)
    return {n: pos[i] for i, n in enumerate(nodes)}


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
    elif m >= _LARGE:
        pos = _force(U, nodes, init, k=1.5 / math.sqrt(m), iterations=50)
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
    return layout_and_groups(G, kind, seed=seed, blocs=blocs, gazetteer=gazetteer)[0]


def layout_and_groups(G, kind, *, seed, blocs, gazetteer):
    """The positions of :func:`layout` and, for the ``blocs`` layout, the groups it placed together
    (None for the others)."""
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
    if kind == "geo":
        return pos, None
    pos = _normalize(pos)
    if kind != "circular":
        pos = _normalize(_spread(pos, min_dist=min(0.14, 0.7 / math.sqrt(n)), rounds=60 if n < _LARGE else 15))
    return pos, None

