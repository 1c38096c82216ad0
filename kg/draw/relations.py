"""The ``relations`` style: one curve per relation (subject, predicate, object).

Each relation has its own look from :mod:`kg.styles`: a hue step of its quad class's colour, a dash
pattern, a marker at the middle of the curve (hollow for cooperation, filled for conflict) and an
arrowhead when directed. The width grows with the evidence. Relations between the same two actors
fan out as separate curves; with ``edge_labels`` each pair gets ONE label naming its relations
("supplies ×2, alliedWith"), placed where it overlaps no other label and no node, or left out.
"""

from __future__ import annotations

import math

from ..predicates import RELATION_PREDICATES
from ..styles import QUAD_STYLES, MARKERS, style
from .canvas import actor_entries, bezier, draw_nodes, finish, label_nodes, make_legend, prepare
from .common import RC_PARAMS, drawn_edges
from .labels import text_size

__all__ = ["draw_relations", "pair_labels", "line_style"]


def line_style(dash: tuple):
    """A matplotlib line style for an on-off sequence of :mod:`kg.styles` (empty: solid)."""
    return "solid" if not dash else (0, dash)


def _curves(G, pos) -> list[tuple]:
    """(u, v, predicate, data, rad) with the arc3 curvature of each relation.

    The relations between one pair of actors fan out symmetrically (in the frame of the sorted
    pair, so that opposite directions take different sides).
    """
    pairs: dict[tuple[str, str], list] = {}
    for u, v, k, d in drawn_edges(G):
        pairs.setdefault(tuple(sorted((u, v))), []).append((u, v, k, d))
    out = []
    for (a, _b), edges in sorted(pairs.items()):
        m = len(edges)
        step = min(0.2, 0.9 / m) if m > 1 else 0.0
        for i, (u, v, k, d) in enumerate(edges):
            rad = step * (i - (m - 1) / 2)
            out.append((u, v, k, d, rad if u == a else -rad))
    return out


def _line_width(weight: int, relations: int = 0) -> float:
    """Line width in points for an evidence count; thinner when there are many relations."""
    thin = max(0.35, min(1.0, math.sqrt(150 / relations))) if relations else 1.0
    return thin * min(6.0, 1.3 + 1.3 * math.log2(max(weight, 1)))


def pair_labels(G) -> dict[tuple[str, str], str]:
    """One label per pair of actors (sorted pair -> text): its relations in vocabulary order, each
    with ``×n`` when n > 1 pieces of evidence support it (both directions counted together).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("PRK", "RUS", key="supplies", weight=2); G.add_edge("RUS", "PRK", key="supplies", weight=1)
    'supplies'
    'supplies'
    >>> G.add_edge("PRK", "RUS", key="meetsWith", weight=1)
    'meetsWith'
    >>> pair_labels(G)
    {('PRK', 'RUS'): 'meetsWith, supplies ×3'}
    """
    order = {p: i for i, p in enumerate(RELATION_PREDICATES)}
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for u, v, k, d in drawn_edges(G):
        per = counts.setdefault(tuple(sorted((u, v))), {})
        per[k] = per.get(k, 0) + int(d.get("weight", 1))
    out = {}
    for pair, per in sorted(counts.items()):
        items = [f"{p} \u00d7{n}" if n > 1 else p for p, n in sorted(per.items(), key=lambda e: (order.get(e[0], 99), e[0]))]
        lines = [", ".join(items[i:i + 2]) for i in range(0, len(items), 2)]
        out[pair] = ",\n".join(lines)
    return out


def draw_relations(G, ax=None, *, layout: str = "spring", pos: dict | None = None, seed: int = 7, blocs=None,
                   edge_labels: bool = False, title: str | None = None, note: str | None = None,
                   legend: bool = True, caption: bool = True, gazetteer=None, focus: str | None = None,
                   min_weight: float = 0.0):
    """Draw ``G`` one curve per relation on ``ax`` (a new figure's axes when None); return the axes.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        From :func:`kg.draw.network`, :func:`kg.network.to_networkx` or :func:`kg.network.from_relations`.
    ax : matplotlib.axes.Axes, optional
        Where to draw. The legend goes to the right of the axes and the caption below them.
    layout : str
        One of :data:`kg.draw.LAYOUTS` (ignored when ``pos`` is given).
    pos : dict, optional
        Node -> (x, y), e.g. from :func:`kg.draw.layout`.
    seed : int
        Seed of the spring and bloc layouts.
    blocs : list of set of str, optional
        Groups for the ``blocs`` layout.
    edge_labels : bool
        One label per pair of actors naming its relations.
    title, note : str, optional
        Title above the diagram; ``note`` (e.g. the filter) ends the caption.
    legend, caption : bool
        Draw the legend and the caption.
    gazetteer : kg.gazetteer.Gazetteer, optional
        Short names and capitals (the bundled gazetteer by default).
    focus : str, optional
        An actor id to ring and set in bold.
    min_weight : float
        Only used by the alliance style (accepted so that both styles take the same options).

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib
    from matplotlib.patches import Circle, FancyArrowPatch

    with matplotlib.rc_context(RC_PARAMS):
        c = prepare(G, ax, layout=layout, pos=pos, seed=seed, blocs=blocs, gazetteer=gazetteer,
                    keep=(focus,) if focus else ())
        ax, G, pos = c.ax, c.G, c.pos
        if c.groups:
            for i, (members, (cx, cy), r) in enumerate(c.groups):
                ax.add_patch(Circle((cx, cy), r * 1.05, facecolor="#EEF2F6", edgecolor="#C9D3DD",
                                    lw=0.8, zorder=0, gid=f"bloc-{i + 1}"))
                ax.annotate(f"bloc {i + 1}", (cx, cy + r * 1.05), xytext=(0, 2), textcoords="offset points",
                            ha="center", va="bottom", fontsize=c.sc.font - 1, color="#5A6B7B",
                            style="italic", zorder=0.5)
        draw_nodes(c, focus=focus)
        curves = _curves(G, pos)
        sample_ts = [i / 10 for i in range(1, 10)]
        marks: dict[str, list] = {}
        for u, v, pred, data, rad in curves:
            st = style(pred)
            lw = _line_width(int(data.get("weight", 1)), len(curves))
            directed = not data.get("symmetric", not st.arrow)
            ax.add_patch(FancyArrowPatch(
                pos[u], pos[v], connectionstyle=f"arc3,rad={rad:.4f}",
                arrowstyle="-|>" if directed else "-", mutation_scale=7 + 2.2 * lw,
                shrinkA=c.radius[u] + 1.5, shrinkB=c.radius[v] + 1.5, color=st.colour, lw=lw,
                linestyle=line_style(st.dash), joinstyle="miter", capstyle="butt", alpha=0.9, zorder=2,
                gid=f"relation-{u}-{pred}-{v}"))
            c.curve_pts.extend(bezier(pos[u], pos[v], rad, sample_ts))
            marks.setdefault(pred, []).append(bezier(pos[u], pos[v], rad, [0.5])[0])
        for pred, points in marks.items():
            st = style(pred)
            marker = MARKERS[st.marker][0]
            if not marker:
                continue
            size = max(3.5, c.sc.edge_font * 0.75)
            ax.scatter([p[0] for p in points], [p[1] for p in points], s=size ** 2, marker=marker,
                       facecolor="white" if st.fill == "hollow" else st.colour, edgecolor=st.colour,
                       linewidths=1.1, zorder=2.5, gid=f"marks-{pred}")
        label_nodes(c, focus=focus)
        if edge_labels:
            place_pair_labels(c)
        if legend:
            _legend(ax, G, c.kinds, c.groups, focus)
        finish(c, title=title, note=note, caption=caption)
    return ax


def place_pair_labels(c) -> None:
    """One label per pair, on or beside the pair's middle line, never over another label or a node."""
    ts = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74)
    for (a, b), text in pair_labels(c.G).items():
        w, h = text_size(text, c.sc.edge_font)
        w, h = w + 2, h
        spots = c.to_pts(bezier(c.pos[a], c.pos[b], 0.0, ts))
        ends = c.to_pts([c.pos[a], c.pos[b]])
        dx, dy = ends[1] - ends[0]
        norm = math.hypot(dx, dy) or 1.0
        nx_, ny_ = -dy / norm, dx / norm
        reach = (abs(nx_) * w + abs(ny_) * h) * 0.55
        shifts = [(0.0, 0.0)] + [(k * nx_ * reach, k * ny_ * reach) for k in (1, -1, 2, -2)]
        cands, where = [], []
        for sx, sy in shifts:
            for (x, y), t in zip(spots, ts):
                cands.append((x + sx - w / 2, y + sy - h / 2, x + sx + w / 2, y + sy + h / 2))
                where.append((t, sx, sy))
        own = c.to_pts(bezier(c.pos[a], c.pos[b], 0.0, [i / 10 for i in range(1, 10)]))
        best = c.placer.place_free(cands, own_curve=own)
        if best is None:
            continue  # no free spot: better no label than one over another
        t, sx, sy = where[best]
        x, y = bezier(c.pos[a], c.pos[b], 0.0, [t])[0]
        c.ax.annotate(text, (x, y), xytext=(sx, sy), textcoords="offset points", ha="center", va="center",
                      fontsize=c.sc.edge_font, color="#333333", zorder=4, annotation_clip=False,
                      linespacing=1.0, gid=f"pair-{a}-{b}",
                      bbox={"boxstyle": "round,pad=0.08", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})


def _legend(ax, G, kinds, groups, focus) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    blank = Patch(visible=False)
    handles, labels, headers = [], [], []
    present = {}
    for _, _, pred, data in drawn_edges(G):
        present.setdefault(pred, data.get("symmetric", False))
    preds = [p for p in RELATION_PREDICATES if p in present] + sorted(set(present) - set(RELATION_PREDICATES))
    for quad, qs in list(QUAD_STYLES.items()) + [(None, None)]:
        mine = [p for p in preds if style(p).quad_class == quad]
        if not mine:
            continue
        headers.append(len(handles))
        handles.append(blank)
        labels.append(qs.heading if qs else "Other")
        for p in mine:
            st = style(p)
            marker = MARKERS[st.marker][0] or None
            handles.append(Line2D([0, 0.5, 1], [0, 0, 0], color=st.colour, lw=2.0, linestyle=line_style(st.dash),
                                  marker=marker, markersize=6, markevery=[1], markeredgecolor=st.colour,
                                  markerfacecolor="white" if st.fill == "hollow" else st.colour))
            labels.append(f"{p}  (mutual)" if present[p] else f"{p}  \u2192")
    actor_entries(handles, labels, headers, kinds, focus)
    if groups:
        handles.append(Patch(facecolor="#EEF2F6", edgecolor="#C9D3DD"))
        labels.append("Alliance bloc")
    weights = sorted({int(d.get("weight", 1)) for *_, d in drawn_edges(G)})
    headers.append(len(handles))
    handles.append(blank)
    labels.append("Line width: evidence")
    for w in sorted({weights[0], weights[-1]}):
        handles.append(Line2D([0, 1], [0, 0], color="#555555", lw=_line_width(w, len(drawn_edges(G)))))
        labels.append(f"{w} claim{'s' if w != 1 else ''}")
    make_legend(ax, handles, labels, headers)
