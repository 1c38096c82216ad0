"""The world map under ``--layout geo``: Equal Earth projection and Natural Earth country outlines.

The projection is Equal Earth (Šavrič, Patterson and Jenny, 2018), an equal-area pseudocylindrical
projection, written out in numpy. Positions of the ``geo`` layout are projected coordinates mapped
into the unit square by one fixed affine map (:func:`to_unit`), so the map and the nodes always
share a frame and a node sits exactly at its capital. The outlines (``world_110m.json``, made by
``tools/make_world_map.py`` from Natural Earth's public-domain 1:110m countries) are read only when
a map is drawn.

>>> x, y = project([0.0, 180.0], [0.0, 0.0])
>>> float(x[0]), round(float(x[1]), 4), float(y[0])
(0.0, 2.7066, 0.0)
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

MAP_FILE = Path(__file__).resolve().parent / "world_110m.json"
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
#: half the width of the projected world (x at longitude 180, latitude 0)
_HALF_WIDTH = 2 * math.sqrt(3) * math.pi / (3 * _A1)


def project(lon, lat):
    """Equal Earth x, y of longitudes and latitudes in degrees (arrays or sequences)."""
    import numpy as np

    lam = np.radians(np.asarray(lon, dtype=float))
    theta = np.arcsin(_M * np.sin(np.radians(np.asarray(lat, dtype=float))))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * np.cos(theta) / (3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1))
    y = theta * (_A4 * t6 * t2 + _A3 * t6 + _A2 * t2 + _A1)
    return x, y


def to_unit(x, y):
    """Projected coordinates to the unit square of the layouts (the whole world fits, centred)."""
    span = 2 * _HALF_WIDTH
    return 0.5 + x / span, 0.5 + y / span


def capital_positions(G, gazetteer) -> dict:
    """Actor -> (x, y) in the unit square at its capital; actors without one are left out."""
    found = {}
    for n in sorted(G.nodes):
        a = gazetteer.actors.get(n)
        if a is not None and a.lat is not None and a.lon is not None:
            found[n] = (a.lon, a.lat)
    if not found:
        return {}
    x, y = to_unit(*project([p[0] for p in found.values()], [p[1] for p in found.values()]))
    return {n: (float(a), float(b)) for n, a, b in zip(found, x, y)}


@lru_cache(maxsize=1)
def _outlines() -> tuple:
    """(name, rings) per country, each ring an (n, 2) array in the unit square."""
    import numpy as np

    data = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    out = []
    for country in data["countries"]:
        rings = []
        for polygon in country["polygons"]:
            for flat in polygon:
                lonlat = np.asarray(flat, dtype=float).reshape(-1, 2)
                x, y = to_unit(*project(lonlat[:, 0], lonlat[:, 1]))
                rings.append(np.column_stack([x, y]))
        out.append((country["name"], tuple(rings)))
    return tuple(out)


def draw_map(ax, *, face: str = "#EDEDE8", edge: str = "#BDBDB5") -> None:
    """Country outlines under everything else on ``ax`` (in the frame of :func:`to_unit`).

    Only the countries that reach into the axes' limits are drawn, as one path collection.
    """
    from matplotlib.collections import PolyCollection

    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    polys = []
    for _name, rings in _outlines():
        for r in rings:
            if r[:, 0].max() < x0 or r[:, 0].min() > x1 or r[:, 1].max() < y0 or r[:, 1].min() > y1:
                continue
            polys.append(r)
    ax.add_collection(PolyCollection(polys, facecolors=face, edgecolors=edge, linewidths=0.4, zorder=0.2,
                                     gid="world-map"))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
