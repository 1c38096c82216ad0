"""The ``alliance`` style: who is with whom, at a glance.

One straight line per pair of actors with a signed tie (:func:`kg.analysis.signed_graph`, the
projection of ``kg analyze``): blue and solid for a positive tie, vermillion and dashed for a
negative one (a black-and-white print keeps the sign), as wide as the tie is strong (the square
root of its |weight| against the strongest). The blocs of :func:`kg.analysis.blocs` are shaded
hulls around their members, a one-member bloc too (on the ``geo`` map, where a hull would cover
oceans, the members' fill shows the bloc); actors with no signed tie have no bloc. The
focus actor is ringed. ``min_weight`` leaves out ties weaker than that.
"""

from __future__ import annotations

import math

from ..styles import SIGN_COLOURS
from .canvas import actor_entries, draw_nodes, finish, label_nodes, make_legend, prepare
from .common import RC_PARAMS

__all__ = ["draw_alliance", "hull", "BLOC_TINTS", "ties"]

#: fill of bloc 1, 2, ... (light tints, distinct in grey too by their edge dash)
BLOC_TINTS = ("#CFE3F2", "#F6D8C3", "#D3EDE2", "#F2E5B0", "#E2D3EC", "#DADADA", "#F5D0DF", "#D8E6C0")
_BLOC_EDGES = ("#6A9CC4", "#C98A5E", "#5FA98A", "#B9A24A", "#9C7DB3", "#8C8C8C", "#C27B97", "#8FAE62")


def hull(points) -> list[tuple[float, float]]:
    """The convex hull of ``points`` (counter-clockwise, Andrew's monotone chain).

    >>> hull([(0, 0), (1, 0), (1, 1), (0, 1), (0.5, 0.5)])
    [(0, 0), (1, 0), (1, 1), (0, 1)]
    """
    pts = sorted(set(map(tuple, points)))
    if len(pts) < 3:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def ties(G, min_weight: float = 0.0):
    """The signed graph of ``G`` with the ties weaker than ``min_weight`` (in |weight|) removed, and
    the blocs found on the full signed graph (members sorted, blocs in :func:`kg.analysis.blocs` order)."""
    from ..analysis import blocs, signed_graph

    S = signed_graph(G)
    groups, _ = blocs(S)
    weak = [(u, v) for u, v, w in S.edges(data="weight") if abs(w) < min_weight]
    S.remove_edges_from(weak)
    return S, [sorted(g) for g in groups]


def _rounded(points, r: float, steps: int = 24) -> list[tuple[float, float]]:
    """The hull of discs of radius ``r`` around ``points`` (a rounded outline; a disc for one point)."""
    ring = [(r * math.cos(2 * math.pi * k / steps), r * math.sin(2 * math.pi * k / steps)) for k in range(steps)]
    return hull([(x + dx, y + dy) for x, y in points for dx, dy in ring])


def draw_alliance(G, ax=None, *, layout: str = "blocs", pos: dict | None = None, seed: int = 7, blocs=None,
                  edge_labels: bool = False, title: str | None = None, note: str | None = None,
                  legend: bool = True, caption: bool = True, gazetteer=None, focus: str | None = None,
                  min_weight: float = 0.0):
    """Draw ``G`` one signed tie per pair, blocs as hulls, on ``ax``; return the axes.

    The options are those of :func:`kg.draw.relations.draw_relations`; ``blocs`` (default: those
    of :func:`kg.analysis.blocs`) are the hulls and the groups of the ``blocs`` layout, and
    ``min_weight`` hides ties weaker than that (|weight| of the signed projection). With
    ``edge_labels`` each pair is labelled with its relations.
    """
    import matplotlib
    from matplotlib.collections import LineCollection
    from matplotlib.patches import Polygon

    S, found = ties(G, min_weight)
    groups = [sorted(b) for b in blocs] if blocs is not None else found
    aligned = {n for g in groups for n in g}
    with matplotlib.rc_context(RC_PARAMS):
        c = prepare(G, ax, layout=layout, pos=pos, seed=seed, blocs=groups, gazetteer=gazetteer,
                    keep=(focus,) if focus else ())
        ax, pos = c.ax, c.pos
        c.groups = None  # the hulls replace the discs of the bloc layout
        # hulls, in data units: a margin of about 1.6 node radii
        to_data = (ax.get_xlim()[1] - ax.get_xlim()[0]) / (ax.get_window_extent().width * 72.0 / ax.figure.dpi)
        margin = (c.sc.node_max * 1.6) * to_data
        number = 0
        faces = {}
        for g in groups:
            members = [n for n in g if n in pos]
            if not members:
                continue
            number += 1
            tint, edge = BLOC_TINTS[(number - 1) % len(BLOC_TINTS)], _BLOC_EDGES[(number - 1) % len(_BLOC_EDGES)]
            for n in members:
                faces[n] = tint
            if c.layout == "geo":
                continue  # on a map a hull would cover oceans: the members' fill shows the bloc
            outline = _rounded([pos[n] for n in members], margin)
            ax.add_patch(Polygon(outline, closed=True, facecolor=tint, edgecolor=edge, lw=0.9, alpha=0.75,
                                 linestyle=("solid", "dashed", "dotted", "dashdot")[(number - 1) % 4],
                                 zorder=0.5, gid=f"bloc-{number}"))
            top = max(outline, key=lambda p: (p[1], -p[0]))
            ax.annotate(f"bloc {number}", top, xytext=(0, 2), textcoords="offset points", ha="center",
                        va="bottom", fontsize=c.sc.font - 1, color="#44525F", style="italic", zorder=0.6,
                        gid=f"bloc-label-{number}")
        edges = sorted((u, v, d) for u, v, d in S.edges(data=True) if u in pos and v in pos)
        top_w = max((abs(d["weight"]) for *_, d in edges), default=1.0) or 1.0
        for sign in (1, -1):
            mine = [(u, v, d) for u, v, d in edges if d["sign"] == sign]
            if not mine:
                continue
            colour, dash = SIGN_COLOURS[sign]
            widths = [0.7 + 4.3 * math.sqrt(abs(d["weight"]) / top_w) for *_, d in mine]
            ax.add_collection(LineCollection([(pos[u], pos[v]) for u, v, _ in mine], colors=colour,
                                             linewidths=widths, linestyles="solid" if not dash else (0, dash),
                                             alpha=0.85, zorder=2, capstyle="butt",
                                             gid="ties-positive" if sign > 0 else "ties-negative"))
            for u, v, _ in mine:
                (x0, y0), (x1, y1) = pos[u], pos[v]
                c.curve_pts.extend((x0 + (x1 - x0) * t / 10, y0 + (y1 - y0) * t / 10) for t in range(1, 10))
        draw_nodes(c, faces=faces, focus=focus)
        label_nodes(c, focus=focus)
        if edge_labels:
            from .relations import place_pair_labels

            place_pair_labels(c)
        if legend:
            _legend(ax, c.kinds, edges, top_w, number, focus, any(n not in aligned for n in c.nodes))
        finish(c, title=title, note=note, caption=caption)
        ax.set_gid("alliance")
    return ax


def _legend(ax, kinds, edges, top_w, blocs, focus, unaligned) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    blank = Patch(visible=False)
    handles, labels, headers = [], [], []
    headers.append(len(handles))
    handles.append(blank)
    labels.append("Signed tie (kg analyze)")
    for sign, name in ((1, "positive: cooperation"), (-1, "negative: conflict")):
        if any(d["sign"] == sign for *_, d in edges):
            colour, dash = SIGN_COLOURS[sign]
            handles.append(Line2D([0, 1], [0, 0], color=colour, lw=2.5, linestyle="solid" if not dash else (0, dash)))
            labels.append(name)
    if edges:
        weakest = min(abs(d["weight"]) for *_, d in edges)
        for w in sorted({weakest, top_w}):
            handles.append(Line2D([0, 1], [0, 0], color="#555555", lw=0.7 + 4.3 * math.sqrt(w / top_w)))
            labels.append(f"|weight| {w:g}")
    actor_entries(handles, labels, headers, kinds, focus)
    if blocs:
        handles.append(Patch(facecolor=BLOC_TINTS[0], edgecolor=_BLOC_EDGES[0]))
        labels.append(f"Bloc ({blocs} found)")
    if unaligned:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=9, markerfacecolor="#F4F4F4",
                              markeredgecolor="#333333"))
        labels.append("No signed tie: no bloc")
    make_legend(ax, handles, labels, headers)
