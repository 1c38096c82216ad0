"""One registry of how relations look, shared by ``kg draw``, ``kg view`` and ``kg export``.

Each quad class has a base colour (Okabe-Ito, colour-blind safe), a line family and a marker fill:

- verbal classes are dashed, material classes solid or nearly solid (long dashes with hairline gaps);
- cooperation markers are hollow, conflict markers filled;

so a black-and-white print still tells the four classes apart. Within a class every relation has
its own hue step of the base colour, its own dash pattern and its own marker (drawn at the middle
of the curve), so no two legend rows look the same.

Only plain Python data: importing this module costs nothing at start-up.

>>> style("sanctions").colour != style("attacks").colour
True
>>> style("alliedWith").quad_class, style("alliedWith").fill
('verbalCooperation', 'hollow')
>>> style("noSuchRelation").quad_class is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from .predicates import QUAD_CLASSES, RELATION_PREDICATES, SYMMETRIC_PREDICATES

__all__ = ["RelationStyle", "QuadStyle", "QUAD_STYLES", "RELATION_STYLES", "OTHER_STYLE", "MARKERS", "style",
           "quad_style", "SIGN_COLOURS", "shade"]


@dataclass(frozen=True)
class QuadStyle:
    """How a quad class looks: base colour, line family, marker fill and legend heading."""

    name: str
    colour: str
    family: str  # "dashed" or "solid"
    fill: str  # "hollow" or "filled"
    heading: str


@dataclass(frozen=True)
class RelationStyle:
    """How one relation looks.

    ``dash`` is an on-off sequence in line widths (empty: solid); ``marker`` a name of
    :data:`MARKERS`; ``fill`` hollow or filled (the class's); ``arrow``: directed relations get an
    arrowhead.
    """

    predicate: str
    quad_class: str | None
    colour: str
    dash: tuple[float, ...]
    marker: str
    fill: str
    arrow: bool

    @property
    def key(self) -> tuple:
        """What must differ between two legend rows."""
        return self.colour, self.dash, self.marker, self.fill


#: marker name -> (matplotlib marker, Cytoscape.js mid-arrow shape)
MARKERS = MappingProxyType({
    "circle": ("o", "circle"),
    "square": ("s", "square"),
    "diamond": ("D", "diamond"),
    "triangle": ("^", "triangle"),
    "vee": ("v", "vee"),
    "none": ("", "none"),
})

QUAD_STYLES = MappingProxyType({
    "verbalCooperation": QuadStyle("verbalCooperation", "#0072B2", "dashed", "hollow",
                                   "Cooperation, verbal (dashed, \u25cb)"),
    "materialCooperation": QuadStyle("materialCooperation", "#009E73", "solid", "hollow",
                                     "Cooperation, material (solid, \u25cb)"),
    "verbalConflict": QuadStyle("verbalConflict", "#E69F00", "dashed", "filled",
                                "Conflict, verbal (dashed, \u25cf)"),
    "materialConflict": QuadStyle("materialConflict", "#D55E00", "solid", "filled",
                                  "Conflict, material (solid, \u25cf)"),
})

#: the n-th relation of a class takes the n-th of each of these
_HUE_STEPS = (-0.30, 0.0, 0.35, -0.55, 0.55)  # negative: towards black, positive: towards white
_MARKER_ORDER = ("circle", "square", "diamond", "triangle", "vee")
_DASHES = {
    "dashed": ((4.0, 2.0), (1.2, 1.6), (6.0, 2.0, 1.2, 2.0), (2.5, 2.5), (6.0, 1.8, 1.2, 1.8, 1.2, 1.8)),
    "solid": ((), (14.0, 1.2), (14.0, 1.2, 1.5, 1.2), (24.0, 1.2), (8.0, 1.2)),
}

#: the look of a relation the vocabulary does not have
OTHER_STYLE = RelationStyle("other", None, "#777777", (1.0, 2.0), "none", "hollow", True)
#: sign of a tie in the alliance style: (colour, dash)
SIGN_COLOURS = MappingProxyType({1: ("#0072B2", ()), -1: ("#D55E00", (5.0, 2.0)), 0: ("#999999", (1.0, 2.0))})


def shade(colour: str, step: float) -> str:
    """``colour`` (#rrggbb) mixed with black (step < 0) or white (step > 0) by ``|step|``.

    >>> shade("#808080", 0.5), shade("#808080", -0.5), shade("#0072B2", 0.0)
    ('#C0C0C0', '#404040', '#0072B2')
    """
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    target = 255 if step > 0 else 0
    mixed = [round(c + (target - c) * abs(step)) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed)


def _registry() -> dict[str, RelationStyle]:
    out = {}
    for quad, qs in QUAD_STYLES.items():
        members = [p for p in RELATION_PREDICATES if QUAD_CLASSES[p] == quad]
        for i, p in enumerate(members):
            out[p] = RelationStyle(p, quad, shade(qs.colour, _HUE_STEPS[i]), _DASHES[qs.family][i],
                                   _MARKER_ORDER[i], qs.fill, p not in SYMMETRIC_PREDICATES)
    return out


RELATION_STYLES = MappingProxyType(_registry())


def style(predicate: str) -> RelationStyle:
    """The style of ``predicate`` (:data:`OTHER_STYLE`, renamed, for one outside the vocabulary)."""
    found = RELATION_STYLES.get(predicate)
    if found is None:
        return RelationStyle(predicate, None, OTHER_STYLE.colour, OTHER_STYLE.dash, OTHER_STYLE.marker,
                             OTHER_STYLE.fill, True)
    return found


def quad_style(quad_class: str | None) -> QuadStyle | None:
    """The style of a quad class, None for an unknown one."""
    return QUAD_STYLES.get(quad_class)
