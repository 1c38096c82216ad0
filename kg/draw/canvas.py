"""What both drawing styles share: the prepared axes, nodes, node labels, title and caption."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..errors import GraphError
from ..text import printable
from .common import SHAPES, caption_text, drawn_edges, evidence_amounts, short_name
from .labels import LabelPlacer, text_size

#: fill of the actor symbols by kind
NODE_FACES = {"state": "#F4F4F4", "organization": "#FFF3C4", "group": "#FFF3C4", None: "#FFF3C4"}
FOCUS_COLOUR = "#000000"


@dataclass(frozen=True)
class Scale:
    node_min: float
    node_max: float
    font: float
    edge_font: float


def scale_for(n: int) -> Scale:
    f = min(1.0, math.sqrt(40 / max(n, 1)))
    return Scale(node_min=max(2.5, 4.5 * f), node_max=max(6.0, 12.0 * f), font=max(6.0, 9.5 * f),
                 edge_font=max(5.0, 7.0 * f))


def bezier(p0, p2, rad, ts):
    """Points of matplotlib's arc3 curve from p0 to p2 at parameters ``ts`` (equal-aspect coords)."""
    (x1, y1), (x2, y2) = p0, p2
    cx, cy = (x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1)
    return [((1 - t) ** 2 * x1 + 2 * t * (1 - t) * cx + t * t * x2,
             (1 - t) ** 2 * y1 + 2 * t * (1 - t) * cy + t * t * y2) for t in ts]


def fit_limits(ax, pos, groups, pad_x: float = 50.0, pad_y: float = 20.0) -> None:
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


@dataclass
class Canvas:
    """A graph laid out on prepared axes."""

    G: object
    ax: object
    pos: dict
    groups: list | None
    layout: str
    gazetteer: object
    sc: Scale
    nodes: list
    kinds: dict
    radius: dict
    placer: LabelPlacer | None = None
    curve_pts: list = field(default_factory=list)

    def to_pts(self, xy):
        """Data coordinates to display points (1/72 inch)."""
        import numpy as np

        from matplotlib.transforms import Affine2D

        t = self.ax.transData + Affine2D().scale(72.0 / self.ax.figure.dpi)
        return t.transform(np.asarray(xy, dtype=float).reshape(-1, 2))


def prepare(G, ax, *, layout: str, pos, seed: int, blocs, gazetteer, keep=()) -> Canvas:
    """Drop the actors without relations (but those in ``keep``), lay out, make the axes, draw the map."""
    from .layouts import layout_and_groups

    if gazetteer is None:
        from ..gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    G = G.copy()
    linked = {n for u, v, *_ in drawn_edges(G) for n in (u, v)}
    G.remove_nodes_from([n for n in list(G.nodes) if n not in linked and n not in keep])
    if not linked:
        raise GraphError("nothing to draw: the graph has no relations")
    groups = None
    if pos is None:
        pos, groups = layout_and_groups(G, layout, seed=seed, blocs=blocs, gazetteer=gazetteer)
    if ax is None:
        from matplotlib.figure import Figure

        fig = Figure(figsize=(12, 8), dpi=100)
        ax = fig.add_axes((0.02, 0.08, 0.70, 0.85))
    sc = scale_for(G.number_of_nodes())
    ax.set_axis_off()
    fit_limits(ax, pos, groups)
    if layout == "geo":
        from .geomap import draw_map

        draw_map(ax)
    evidence = evidence_amounts(G)
    top = max(evidence.values()) or 1
    radius = {n: sc.node_min + (sc.node_max - sc.node_min) * math.sqrt(evidence[n] / top) for n in sorted(G.nodes)}
    nodes = sorted(G.nodes)
    kinds = {n: G.nodes[n].get("type") if G.nodes[n].get("type") in SHAPES else None for n in nodes}
    return Canvas(G, ax, pos, groups, layout, gazetteer, sc, nodes, kinds, radius)


def draw_nodes(c: Canvas, faces: dict | None = None, focus: str | None = None) -> None:
    """The actor symbols (fill from ``faces`` or by kind), the focus actor ringed in black."""
    for kind in ("state", "organization", "group", None):
        members = [n for n in c.nodes if c.kinds[n] == kind]
        if not members:
            continue
        marker = SHAPES[kind][0]
        k = 0.82 if marker in ("s", "D") else 1.0  # equal visual weight for squares and diamonds
        c.ax.scatter([c.pos[n][0] for n in members], [c.pos[n][1] for n in members],
                     s=[(2 * c.radius[n] * k) ** 2 for n in members], marker=marker,
                     facecolor=[(faces or {}).get(n, NODE_FACES[kind]) for n in members], edgecolor="#333333",
                     linewidths=1.0, zorder=3, gid=f"actors-{kind or 'other'}")
    if focus in c.pos:
        r = c.radius[focus] + 4.0
        c.ax.scatter([c.pos[focus][0]], [c.pos[focus][1]], s=[(2 * r) ** 2], marker="o", facecolor="none",
                     edgecolor=FOCUS_COLOUR, linewidths=2.2, zorder=3.5, gid="focus")


def label_nodes(c: Canvas, focus: str | None = None) -> None:
    """Each actor's short name beside it (bold for the focus), placed away from labels, nodes and
    the curve points in ``c.curve_pts``."""
    import numpy as np

    fig = c.ax.figure
    bbox = c.ax.get_window_extent()
    s = 72.0 / fig.dpi
    bounds = (bbox.x0 * s, bbox.y0 * s, bbox.x1 * s, bbox.y1 * s)
    node_pts = c.to_pts([c.pos[n] for n in c.nodes])
    curve_arr = c.to_pts(c.curve_pts) if c.curve_pts else np.zeros((0, 2))
    radii = [c.radius[n] + (4.0 if n == focus else 0.0) for n in c.nodes]
    c.placer = LabelPlacer(node_pts, radii, curve_arr, bounds)
    directions = [(1, 0), (0, -1), (0, 1), (-1, 0), (1, -1), (1, 1), (-1, -1), (-1, 1)]
    order = sorted(range(len(c.nodes)), key=lambda i: (c.nodes[i] != focus, -c.radius[c.nodes[i]], c.nodes[i]))
    for i in order:
        n = c.nodes[i]
        text = short_name(n, c.G.nodes[n].get("label"), c.gazetteer)
        w, h = text_size(text, c.sc.font)
        w, h = w + 3, h + 1
        (x, y), r = node_pts[i], radii[i]
        cands, offsets = [], []
        for far in (1.0, 1.8, 2.8):
            for dx, dy in directions:
                ox = dx * (r * far + 2 + w / 2) if dx else 0.0
                oy = dy * (r * far + 1 + h / 2) if dy else 0.0
                if dx and dy:
                    ox, oy = dx * (r * 0.75 * far + 1 + w / 2), dy * (r * 0.75 * far + 1 + h / 2)
                cands.append((x + ox - w / 2, y + oy - h / 2, x + ox + w / 2, y + oy + h / 2))
                offsets.append((ox, oy))
        best = c.placer.place(cands, own=i)
        ox, oy = offsets[best]
        c.ax.annotate(text, c.pos[n], xytext=(ox, oy), textcoords="offset points", ha="center",
                      va="center", fontsize=c.sc.font, color="#111111", zorder=5, annotation_clip=False,
                      linespacing=1.0, gid=f"actor-{n}", fontweight="bold" if n == focus else "normal",
                      bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none",
                            "alpha": 0.8})


def finish(c: Canvas, *, title: str | None, note: str | None, caption: bool) -> None:
    if title:
        c.ax.set_title(printable(title), loc="left", fontsize=13, fontweight="bold", pad=10)
    if caption:
        c.ax.annotate(printable(caption_text(c.G, note)), (0, 0), xycoords="axes fraction", xytext=(0, -4),
                      textcoords="offset points", ha="left", va="top", fontsize=8.5, color="#333333",
                      annotation_clip=False)


def actor_entries(handles: list, labels: list, headers: list, kinds: dict, focus) -> None:
    """Append the legend's actor section: a heading, the shapes present and the focus ring."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    headers.append(len(handles))
    handles.append(Patch(visible=False))
    labels.append("Actors (area: evidence)")
    for kind in ("state", "organization", "group", None):
        if kind in kinds.values():
            marker, name = SHAPES[kind]
            handles.append(Line2D([], [], linestyle="none", marker=marker, markersize=9 if marker == "o" else 8,
                                  markerfacecolor=NODE_FACES[kind], markeredgecolor="#333333"))
            labels.append(name)
    if focus is not None:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=12, markerfacecolor="none",
                              markeredgecolor=FOCUS_COLOUR, markeredgewidth=2.0))
        labels.append("Focus actor")


def make_legend(ax, handles, labels, headers) -> None:
    """The legend right of the axes, its section headings (at ``headers``) in bold."""
    leg = ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9,
                    handlelength=2.8, borderaxespad=0.0, labelspacing=0.45)
    for i, text in enumerate(leg.get_texts()):
        if i in headers:
            text.set_fontweight("bold")
