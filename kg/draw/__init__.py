"""Diagrams of a kg network (``kg draw``), ready to paste into a report.

Two styles (:data:`STYLES`):

- ``relations`` (:mod:`kg.draw.relations`): one curve per relation (subject, predicate, object),
  each relation in its own look from :mod:`kg.styles` (hue step of its quad class's colour, dash
  pattern, marker at the middle, arrowhead when directed), as wide as its evidence;
- ``alliance`` (:mod:`kg.draw.alliance`): one line per pair of actors, its colour the sign and its
  width the strength of the signed tie of :func:`kg.analysis.signed_graph`, the blocs of
  :func:`kg.analysis.blocs` as shaded hulls, the focus actor ringed.

One node per actor (a circle for a state, a square for an organization, a diamond for a group), its
area growing with the evidence that involves it and its short name beside it. The ``geo`` layout
(:mod:`kg.draw.geomap`) puts the actors at their capitals on a Natural Earth map in the Equal Earth
projection. A legend explains what appears and a caption gives the documents, claims and dates.

Labels are placed by a deterministic search (:mod:`kg.draw.labels`); a label that finds no free
spot is left out rather than drawn over another. The same graph and options give the same bytes:
layouts are seeded, and no date or random id goes into the files. matplotlib is imported inside the
functions that draw; :func:`draw` takes an ``ax`` so that the diagram can go into a figure of the
caller's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import FormatError, GraphError
from ..styles import QUAD_STYLES
from .common import DRAW_FORMATS, LAYOUTS, RC_PARAMS, drawn_edges, short_name, summary
from .layouts import default_blocs, layout

__all__ = ["QUAD_STYLES", "LAYOUTS", "STYLES", "DRAW_FORMATS", "network", "layout", "draw", "figure", "write_drawing",
           "draw_graph", "DrawReport", "short_name", "summary", "default_blocs", "default_style"]

STYLES = ("relations", "alliance")
#: above this many relations the default style is ``alliance``
ALLIANCE_ABOVE = 40


def default_style(G) -> str:
    """``alliance`` when ``G`` has more than :data:`ALLIANCE_ABOVE` relations, else ``relations``."""
    return "alliance" if len(drawn_edges(G)) > ALLIANCE_ABOVE else "relations"


def draw(G, ax=None, *, style: str | None = None, **options):
    """Draw the kg network ``G`` on ``ax`` (a new figure's axes when None) and return the axes.

    ``style`` is one of :data:`STYLES` (None: :func:`default_style`); the other options are those
    of :func:`kg.draw.relations.draw_relations` or :func:`kg.draw.alliance.draw_alliance`.
    """
    style = style or default_style(G)
    if options.get("layout") is None:
        options.pop("layout", None)  # each style has its own default
    if style == "relations":
        from .relations import draw_relations

        return draw_relations(G, ax, **options)
    if style == "alliance":
        from .alliance import draw_alliance

        return draw_alliance(G, ax, **options)
    raise FormatError(f"unknown style {style!r}: use {', '.join(STYLES)}")


# ---------------------------------------------------------------------------- the network

def network(source, flt=None, gazetteer=None):
    """The (filtered) NetworkX view to draw of ``source`` (a graph file, a store directory, an rdflib
    graph or a pyoxigraph store): :func:`kg.network.load_network`.

    The document dates are in ``G.graph["document_dates"]`` (doc id -> ISO date): the time window
    of ``flt`` and the caption's date range use them for evidence without a claim time.
    """
    from ..network import load_network

    return load_network(source, flt, gazetteer)


# ---------------------------------------------------------------------------- files

def _format(out) -> tuple[str, dict]:
    suffix = Path(out).suffix.lower()
    if suffix not in DRAW_FORMATS:
        shown = f"'{suffix}'" if suffix else "no suffix"
        raise FormatError(f"cannot draw to {Path(out).name} ({shown}): use one of "
                          f"{', '.join(DRAW_FORMATS)}")
    return DRAW_FORMATS[suffix]


def figure(G, *, dpi: int = 150, size: tuple[float, float] = (12.0, 8.0), **options):
    """The matplotlib ``Figure`` of ``G`` that :func:`write_drawing` saves: ``size`` inches, the
    drawing (see :func:`draw` for ``options``) with room for its title and, at the right, its legend."""
    import matplotlib
    from matplotlib.figure import Figure

    width, height = size
    with matplotlib.rc_context(RC_PARAMS):
        fig = Figure(figsize=(width, height), dpi=dpi)
        legend_room = min(3.3, 0.3 * width)  # inches at the right for the legend
        top = 0.6 if options.get("title") else 0.25
        ax = fig.add_axes((0.15 / width, 0.45 / height, (width - legend_room - 0.3) / width,
                           (height - 0.45 - top) / height))
        draw(G, ax, **options)
    return fig


def write_drawing(G, out, *, dpi: int = 150, size: tuple[float, float] = (12.0, 8.0), **options) -> Path:
    """Draw ``G`` (see :func:`draw` for ``options``) into ``out``: .png, .svg or .pdf by suffix.

    The PNG is ``size`` inches times ``dpi`` pixels. The file is written atomically, and the same
    graph and options give the same bytes.
    """
    import io

    import matplotlib

    from ..fileio import atomic_write, check_writable

    fmt, metadata = _format(out)
    check_writable(out)
    with matplotlib.rc_context(RC_PARAMS):
        fig = figure(G, dpi=dpi, size=size, **options)
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
    style: str = "relations"


def filtered_network(source, flt, gazetteer, options: dict, verb: str = "draw"):
    """The network of ``source`` through ``flt`` for a picture or a page; puts the filter's
    description (``note``) and focus actor (``focus``) into ``options`` unless they are there.

    Raises GraphError when no relation is left (``nothing to draw``, with ``verb``).
    """
    G = network(source, flt, gazetteer=gazetteer)
    if not drawn_edges(G):
        what = f" after the filters ({flt.describe()})" if flt is not None and flt.active else ""
        raise GraphError(f"nothing to {verb}: the graph has no relations{what}")
    if flt is not None and flt.active:
        options.setdefault("note", flt.describe())
    if flt is not None and flt.focus is not None:
        options.setdefault("focus", flt.focus)
    return G


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
    G = filtered_network(source, flt, gazetteer, options)
    options["style"] = options.get("style") or default_style(G)
    write_drawing(G, out, gazetteer=gazetteer, **options)
    actors = len({n for u, v, *_ in drawn_edges(G) for n in (u, v)})
    return DrawReport(Path(out), fmt, actors, len(drawn_edges(G)), options["style"])
