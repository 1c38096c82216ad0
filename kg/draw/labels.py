"""Text sizes and greedy, deterministic label placement in display points."""

from __future__ import annotations

from .common import FONT


def text_size(text: str, size: float) -> tuple[float, float]:
    """Width and height in points of ``text`` set in DejaVu Sans at ``size`` points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family=FONT, size=size)
    lines = text.split("\n")
    width = max(text_to_path.get_text_width_height_descent(line, prop, ismath=False)[0] for line in lines)
    return width, size * 1.2 * len(lines)


def _overlap(a, b):
    """Overlap areas of every box of ``a`` with every box of ``b`` (rows x0, y0, x1, y1)."""
    import numpy as np

    w = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    h = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    return np.clip(w, 0, None) * np.clip(h, 0, None)


class LabelPlacer:
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

    def place_free(self, cands, rank_penalty: float = 1.0, own_curve=None, margin: float = 1.5) -> int | None:
        """Like :meth:`place`, but only among the candidates that overlap no placed label, no node
        and no edge of the bounds (``margin`` points around each); None when there is none."""
        np = self.np
        c = np.asarray(cands, dtype=float)
        grown = c + np.array([-margin, -margin, margin, margin])
        hard = np.zeros(len(c))
        if len(self.boxes):
            hard += _overlap(grown, self.boxes).sum(axis=1)
        if len(self.nodes):
            r = self.radii + 1.0
            discs = np.stack([self.nodes[:, 0] - r, self.nodes[:, 1] - r, self.nodes[:, 0] + r,
                              self.nodes[:, 1] + r], axis=1)
            hard += _overlap(grown, discs).sum(axis=1)
        x0, y0, x1, y1 = self.bounds
        hard += ((c[:, 0] < x0) | (c[:, 1] < y0) | (c[:, 2] > x1) | (c[:, 3] > y1)).astype(float)
        if not (hard == 0).any():
            return None
        cost = self.cost(c, None, own_curve) + rank_penalty * np.arange(len(c))
        cost[hard > 0] = np.inf
        best = int(np.argmin(cost))
        self.boxes = np.vstack([self.boxes, c[best][None, :]])
        return best
