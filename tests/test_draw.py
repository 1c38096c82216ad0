"""kg.draw and ``kg draw``: what the picture shows, filters, determinism, sizes and bad input.

The SVGs are written with their text as <text> elements, so the tests read labels, legend
entries and the caption from them. The README's pictures under graphs/ are checked by their
structure (texts, drawn elements with their colours and line styles, legend entries: see
:func:`structure`), kept in graphs/pictures.json, not by their bytes, which change with
matplotlib's version; only the determinism tests compare bytes, of two fresh drawings.
``python tests/test_draw.py`` redraws the pictures and rewrites graphs/pictures.json.
"""

from __future__ import annotations

import json
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.draw import LAYOUTS, STYLES, default_style, draw, draw_graph, figure, layout, network, write_drawing
from kg.errors import FormatError, GraphError
from kg.filters import GraphFilter
from kg.model import Document, Relation
from kg.rdf import build_graph

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "graphs" / "examples.ttl"
#: the structure of each picture under graphs/ (written by ``python tests/test_draw.py``)
MANIFEST = ROOT / "graphs" / "pictures.json"
#: the options graphs/examples.png and .svg are drawn with (README shows the PNG)
EXAMPLE_OPTIONS = {"title": "Relations between states in the bundled examples", "size": (12.0, 8.0), "dpi": 110,
                   "edge_labels": True, "style": "relations"}
#: the other pictures of the README: file under graphs/ -> options
EXAMPLE_PICTURES = {
    "examples-alliance.png": {"title": "Alliances in the bundled examples", "size": (12.0, 8.0), "dpi": 110,
                              "style": "alliance"},
    "examples-geo.png": {"title": "Signed ties on the map", "size": (12.0, 7.0), "dpi": 110, "style": "alliance",
                         "layout": "geo"},
}
HEADINGS = ("Cooperation, verbal (dashed, \u25cb)", "Cooperation, material (solid, \u25cb)",
            "Conflict, verbal (dashed, \u25cf)", "Conflict, material (solid, \u25cf)")

# Sentences written for these tests.
DOCS = [Document("n1.txt", "", date="2024-06-01"), Document("n2.txt", "", date="2023-01-10")]


def _rel(doc, s, p, o, sentence, start, **kw):
    return Relation(doc, s, p, o, s, o, sentence, start, start + len(sentence), **kw)


RELATIONS = [
    _rel("n1.txt", "PRK", "supplies", "RUS", "Pyongyang reportedly shipped shells to Moscow.", 0, hedged=True,
         time_value="2023"),
    _rel("n1.txt", "PRK", "supplies", "RUS", "North Korea sent rockets to Russia in May 2024.", 50,
         time_value="2024-05"),
    _rel("n1.txt", "RUS", "supplies", "PRK", "Moscow gave Pyongyang oil in return.", 100),
    _rel("n1.txt", "PRK", "alliedWith", "RUS", "The two signed a mutual defence pact.", 140),
    _rel("n1.txt", "RUS", "attacks", "UKR", "Russian missiles struck Kyiv overnight.", 180),
    _rel("n2.txt", "USA", "sanctions", "PRK", "Washington sanctioned Pyongyang again.", 0),
    _rel("n2.txt", "CHN", "concernedBy", "PRK", "Beijing voiced concern over the test.", 40, confidence=0.4),
    _rel("n2.txt", "NATO", "supports", "UKR", "NATO backed Kyiv.", 80),
]


@pytest.fixture(scope="module")
def source(tmp_path_factory, gazetteer):
    path = tmp_path_factory.mktemp("draw") / "graph.ttl"
    path.write_bytes(build_graph(RELATIONS, DOCS, gazetteer).serialize(format="turtle", encoding="utf-8"))
    return path


@pytest.fixture(scope="module")
def cli():
    from kg.cli_draw import draw as command

    return click.Group("kg", commands={"draw": command})


def svg_texts(path) -> list[str]:
    root = ET.parse(path).getroot()
    return ["".join(t.itertext()).strip() for t in root.iter("{http://www.w3.org/2000/svg}text")]


def png_size(path) -> tuple[int, int]:
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


# ---------------------------------------------------------------------------- content

def test_svg_shows_every_actor_legend_entry_and_the_caption(source, tmp_path, gazetteer):
    out = tmp_path / "g.svg"
    report = draw_graph(source, out, gazetteer=gazetteer, title="Test diagram")
    assert (report.actors, report.relations, report.format) == (6, 7, "svg")
    texts = svg_texts(out)
    for label in ("North Korea", "Russia", "Ukraine", "US", "China", "NATO"):
        assert label in texts
    for entry in ("alliedWith  (mutual)", "supports  \u2192", "supplies  \u2192", "concernedBy  \u2192",
                  "sanctions  \u2192", "attacks  \u2192", *HEADINGS, "State", "Organization", "1 claim",
                  "2 claims"):
        assert entry in texts, entry
    # only the relations present are in the legend
    assert not any(t.startswith(("vetoesFor", "atWarWith", "criticizes")) for t in texts)
    assert "Group" not in texts
    assert "Test diagram" in texts
    assert "2 documents, 8 claims, 2023 to 2024-06-01; 6 actors, 7 relations" in texts
    assert "supplies" not in texts  # no edge labels by default


def test_edge_labels_name_every_pair_once(source, tmp_path, gazetteer):
    out = tmp_path / "g.svg"
    draw_graph(source, out, gazetteer=gazetteer, edge_labels=True)
    texts = svg_texts(out)
    # one label for the three relations of North Korea and Russia, evidence counted over both directions
    assert "alliedWith, supplies \u00d73" in texts
    assert {"attacks", "sanctions", "concernedBy", "supports"} <= set(texts)
    assert not any("supplies" in t for t in texts if t != "alliedWith, supplies \u00d73" and "\u2192" not in t)


def test_filters_remove_what_they_should(source, tmp_path, gazetteer):
    out = tmp_path / "f.svg"
    report = draw_graph(source, out, gazetteer=gazetteer, flt=GraphFilter(relations=frozenset({"supplies"})))
    texts = svg_texts(out)
    assert (report.actors, report.relations) == (2, 2)
    assert {"North Korea", "Russia", "supplies  \u2192"} <= set(texts)
    assert not {"US", "NATO", "Ukraine", "sanctions  \u2192", HEADINGS[3]} & set(texts)
    assert any(t.endswith("Filter: relations supplies") for t in texts)

    draw_graph(source, out, gazetteer=gazetteer, flt=GraphFilter(focus="UKR"))
    assert {"Ukraine", "Russia", "NATO"} <= set(svg_texts(out)) and "North Korea" not in svg_texts(out)
    draw_graph(source, out, gazetteer=gazetteer, flt=GraphFilter(since="2024", exclude_hedged=True))
    texts = svg_texts(out)
    assert "US" not in texts and "1 claim" in texts and "2 claims" not in texts  # the hedged 2023 claim is gone


def test_parallel_and_opposite_relations_are_separate_curves(source, tmp_path, gazetteer):
    from matplotlib.figure import Figure
    from matplotlib.patches import ArrowStyle, FancyArrowPatch

    out = tmp_path / "p.svg"
    draw_graph(source, out, gazetteer=gazetteer)
    root = ET.parse(out).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    curves = {g.get("id"): [p.get("d") for p in g.iter(f"{ns}path")] for g in root.iter(f"{ns}g")
              if (g.get("id") or "").startswith("relation-")}
    assert len(curves) == 7
    pair = [curves[k][0] for k in ("relation-PRK-supplies-RUS", "relation-RUS-supplies-PRK",
                                   "relation-PRK-alliedWith-RUS")]
    assert len(set(pair)) == 3  # three distinct curves between North Korea and Russia

    G = network(source)
    ax = Figure().add_subplot()
    draw(G, ax, gazetteer=gazetteer)
    arrows = {a.get_gid(): a for a in ax.patches if isinstance(a, FancyArrowPatch)}
    assert isinstance(arrows["relation-PRK-alliedWith-RUS"].get_arrowstyle(), ArrowStyle.Curve)  # symmetric
    assert isinstance(arrows["relation-PRK-supplies-RUS"].get_arrowstyle(), ArrowStyle.CurveFilledB)
    dashes = {gid: a.get_linestyle() for gid, a in arrows.items()}
    assert dashes["relation-USA-sanctions-PRK"] == "solid"  # the first material relation of its class
    assert len({dashes[k] for k in ("relation-CHN-concernedBy-PRK", "relation-RUS-attacks-UKR",
                                    "relation-USA-sanctions-PRK")}) == 3
    colours = {gid: a.get_edgecolor() for gid, a in arrows.items()}
    assert colours["relation-CHN-concernedBy-PRK"] != colours["relation-RUS-attacks-UKR"]
    assert arrows["relation-PRK-supplies-RUS"].get_linewidth() > arrows["relation-RUS-supplies-PRK"].get_linewidth()


def test_draws_into_the_callers_axes_without_pyplot(gazetteer):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 5))
    left, right = fig.subplots(1, 2)
    returned = draw(network(build_graph(RELATIONS, DOCS, gazetteer)), ax=right, layout="circular",
                    legend=False, gazetteer=gazetteer)
    assert returned is right and right.patches and not left.patches and right.get_legend() is None


def test_library_imports_no_matplotlib():
    code = "import sys, kg.draw, kg.cli_draw, kg.filters; print('matplotlib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


# ---------------------------------------------------------------------------- layouts

@pytest.mark.parametrize("kind", LAYOUTS)
def test_every_layout_places_every_actor(kind, gazetteer):
    G = network(build_graph(RELATIONS, DOCS, gazetteer))
    pos = layout(G, kind, gazetteer=gazetteer)
    assert sorted(pos) == sorted(G.nodes)
    assert all(-1e-9 <= x <= 1 + 1e-9 and -1e-9 <= y <= 1 + 1e-9 for x, y in pos.values())
    assert len({(round(x, 3), round(y, 3)) for x, y in pos.values()}) == len(pos)
    assert layout(G, kind, gazetteer=gazetteer) == pos


def test_geo_follows_the_capitals_and_blocs_can_be_given(gazetteer):
    G = network(build_graph(RELATIONS, DOCS, gazetteer))
    pos = layout(G, "geo", gazetteer=gazetteer)
    assert pos["USA"][0] < pos["UKR"][0] < pos["RUS"][0] < pos["CHN"][0] < pos["PRK"][0]
    assert pos["RUS"][1] > pos["CHN"][1]
    pos = layout(G, "blocs", blocs=[{"USA", "UKR", "NATO"}, {"RUS", "PRK", "CHN"}])
    west = max(pos[n][0] for n in ("USA", "UKR", "NATO"))
    east = min(pos[n][0] for n in ("RUS", "PRK", "CHN"))
    assert west < east  # two discs side by side


def test_labels_do_not_overlap_each_other_or_the_nodes(gazetteer):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(12, 8), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.01, 0.06, 0.7, 0.88))
    G = network(EXAMPLES)
    draw(G, ax, gazetteer=gazetteer, style="relations")
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts if (t.get_gid() or "").startswith("actor-")]
    assert len(boxes) == len({n for u, v in G.edges() if u != v for n in (u, v)}) > 15
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), (a, b)
    centres = [c.get_offsets() for c in ax.collections if (c.get_gid() or "").startswith("actors-")]
    import numpy as np

    points = ax.transData.transform(np.vstack(centres))
    for box in boxes:
        inside = [(x, y) for x, y in points if box.x0 + 2 < x < box.x1 - 2 and box.y0 + 2 < y < box.y1 - 2]
        assert not inside


# ---------------------------------------------------------------------------- files

@pytest.mark.slow
def test_same_graph_same_bytes_in_every_format(source, tmp_path, gazetteer):
    for suffix in (".png", ".svg", ".pdf"):
        a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        draw_graph(source, a, gazetteer=gazetteer, size=(6, 4), dpi=60)
        draw_graph(source, b, gazetteer=gazetteer, size=(6, 4), dpi=60)
        assert a.read_bytes() == b.read_bytes(), suffix
    svg = (tmp_path / "a.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and not re.search(r"20\d\d-\d\d-\d\dT", svg)
    pdf = (tmp_path / "a.pdf").read_bytes()
    assert b"/CreationDate" not in pdf and b"/ModDate" not in pdf


def test_png_has_the_requested_size(source, tmp_path, gazetteer):
    out = tmp_path / "s.png"
    draw_graph(source, out, gazetteer=gazetteer, size=(5, 3.5), dpi=80)
    assert png_size(out) == (400, 280)


def _pictures():
    yield "examples.png", EXAMPLE_OPTIONS
    yield "examples.svg", EXAMPLE_OPTIONS
    yield from EXAMPLE_PICTURES.items()


def _hex(colour) -> str:
    from matplotlib.colors import to_hex

    return to_hex(colour, keep_alpha=False)


def _colours(values) -> str:
    """The distinct colours of an artist's colour array, sorted, as ``#rrggbb`` joined by commas."""
    return ",".join(sorted({_hex(c) for c in values})) or "none"


def _describe(artist) -> str | None:
    """One line for a drawn element with a gid: the gid, its kind, colours, line style and size;
    None for anything else (axes, spines, texts)."""
    from matplotlib.collections import Collection, LineCollection, PathCollection
    from matplotlib.patches import FancyArrowPatch, Patch

    gid = artist.get_gid()
    if gid is None:
        return None
    if isinstance(artist, FancyArrowPatch):
        return (f"{gid} curve {_hex(artist.get_edgecolor())} {artist.get_linestyle()} "
                f"lw={artist.get_linewidth():.2f} {type(artist.get_arrowstyle()).__name__}")
    if isinstance(artist, LineCollection):
        return (f"{gid} lines n={len(artist.get_segments())} {_colours(artist.get_colors())} "
                f"{'dashed' if any(o is not None and d for o, d in artist.get_linestyle()) else 'solid'}")
    if isinstance(artist, PathCollection):
        return (f"{gid} marks n={len(artist.get_offsets())} face={_colours(artist.get_facecolors())} "
                f"edge={_colours(artist.get_edgecolors())}")
    if isinstance(artist, Collection):
        return f"{gid} shapes n={len(artist.get_paths())} face={_colours(artist.get_facecolors())}"
    if isinstance(artist, Patch):
        return f"{gid} {type(artist).__name__} face={_hex(artist.get_facecolor())} edge={_hex(artist.get_edgecolor())}"
    return f"{gid} {type(artist).__name__}"


def _handle(handle) -> str:
    """A legend key: its kind, colour, line style and marker."""
    from matplotlib.lines import Line2D

    if isinstance(handle, Line2D):
        colour = _hex(handle.get_color()) if handle.get_linestyle() not in ("None", "none", "") else "-"
        return (f"line {colour} {handle.get_linestyle()} marker={handle.get_marker()} "
                f"face={_hex(handle.get_markerfacecolor()) if handle.get_markerfacecolor() != 'none' else 'none'} "
                f"edge={_hex(handle.get_markeredgecolor())}")
    if not handle.get_visible():
        return "none (a heading)"
    return f"patch face={_hex(handle.get_facecolor())} edge={_hex(handle.get_edgecolor())}"


def structure(fig) -> dict:
    """What a drawing shows, independent of positions and of how matplotlib renders it: every text in the axes (actor and pair labels by gid, the title and caption), every element with a gid
    (curves, tie lines, node marks, bloc hulls, the map) with its colours and line style, and the
    legend's entries with their keys."""
    from matplotlib.text import Text

    (ax,) = fig.axes
    texts, elements = [], []
    for artist in ax.get_children():
        if isinstance(artist, Text):
            if artist.get_visible() and artist.get_text().strip():
                texts.append(f"{artist.get_gid() or '-'}: {artist.get_text()}")
        elif (line := _describe(artist)) is not None:
            elements.append(line)
    legend = ax.get_legend()
    entries = [f"{t.get_text()} | {_handle(h)}" for t, h in zip(legend.get_texts(), legend.legend_handles)] \
        if legend is not None else []
    return {"texts": sorted(texts), "elements": sorted(elements), "legend": entries}


def _picture_structure(options: dict, gazetteer) -> dict:
    G = network(EXAMPLES, None, gazetteer)
    return structure(figure(G, gazetteer=gazetteer, **options))


def test_structure_sees_what_a_drawing_shows(source, gazetteer):
    from kg.draw.relations import line_style
    from kg.styles import RELATION_STYLES

    G = network(source, None, gazetteer)
    found = structure(figure(G, gazetteer=gazetteer, size=(8, 5), dpi=60, title="T", edge_labels=True))
    assert {"-: T", "actor-PRK: North Korea", "actor-NATO: NATO"} <= set(found["texts"])
    assert any(t.startswith("pair-PRK-RUS: ") and "supplies" in t for t in found["texts"])
    curves = [e for e in found["elements"] if e.startswith("relation-")]
    assert len(curves) == 7
    supplies, attacks = RELATION_STYLES["supplies"], RELATION_STYLES["attacks"]
    assert any(e.startswith(f"relation-PRK-supplies-RUS curve {supplies.colour.lower()} {line_style(supplies.dash)} ")
               for e in curves), curves
    assert any(e.startswith(f"relation-RUS-attacks-UKR curve {attacks.colour.lower()} {line_style(attacks.dash)} ")
               for e in curves), curves
    assert any(e.startswith("actors-organization marks n=1 ") for e in found["elements"])
    assert [e for e in found["legend"] if e.startswith("supplies")]
    focused = structure(figure(G, gazetteer=gazetteer, size=(8, 5), dpi=60, title="T", edge_labels=True,
                               focus="PRK"))
    assert set(focused["elements"]) - set(found["elements"]) == {"focus marks n=1 face=none edge=" +
                                                                 _focus_colour()}
    assert [e for e in focused["legend"] if e not in found["legend"]] == [
        f"Focus actor | line - None marker=o face=none edge={_focus_colour()}"]


def _focus_colour() -> str:
    from kg.draw.canvas import FOCUS_COLOUR

    return _hex(FOCUS_COLOUR)


@pytest.mark.parametrize("name, options", list(_pictures()), ids=[n for n, _ in _pictures()])
def test_examples_pictures_show_what_is_drawn_now(name, options, gazetteer):
    """The README's pictures under graphs/ show what kg draws now: the structure of a fresh drawing
    equals the one recorded when they were drawn (graphs/pictures.json), and the committed file is
    there, of the right size (a PNG) or with the same texts (an SVG)."""
    recorded = json.loads(MANIFEST.read_text(encoding="utf-8"))
    fresh = _picture_structure(options, gazetteer)
    assert name in recorded and fresh == recorded[name], \
        f"graphs/{name} is stale: run python tests/test_draw.py"
    committed = ROOT / "graphs" / name
    if name.endswith(".png"):
        width, height = options["size"]
        assert png_size(committed) == (round(width * options["dpi"]), round(height * options["dpi"]))
    else:
        lines = {line for t in fresh["texts"] for line in t.split(": ", 1)[1].split("\n")}  # a <text> a line
        assert lines <= set(svg_texts(committed))


# ---------------------------------------------------------------------------- command

def test_command_writes_the_image(cli, source, tmp_path):
    out = tmp_path / "k.png"
    r = CliRunner().invoke(cli, ["draw", str(source), "-o", str(out), "--focus", "DPRK", "--size", "4x3",
                                 "--dpi", "50", "--layout", "kamada-kawai", "--title", "Korea"])
    assert r.exit_code == 0, r.output
    assert r.output == f"kg: drew 4 actors and 5 relations to {out} (png, relations style)\n"
    assert png_size(out) == (200, 150)


def test_cli_layouts_match_the_library():
    from kg.cli_draw import _LAYOUTS, _STYLES

    assert _LAYOUTS == LAYOUTS and _STYLES == STYLES


@pytest.mark.parametrize("args, code, message", [
    (["-o", "{tmp}/g.jpg"], 2, "unsupported image format '.jpg': use one of .png, .svg, .pdf"),
    (["-o", "{tmp}/g"], 2, "use one of .png, .svg, .pdf"),
    (["-o", "{tmp}/g.png", "--focus", "Ukriane"], 2, "did you mean 'Ukraine'"),
    (["-o", "{tmp}/g.png", "--relations", "vetoesFor"], 1,
     "nothing to draw: the graph has no relations after the filters (relations vetoesFor)"),
    (["-o", "{tmp}/g.png", "--since", "2030"], 1, "no relations after the filters (since 2030)"),
    (["-o", "{tmp}/g.png", "--size", "big"], 2, "WIDTHxHEIGHT"),
    (["-o", "{tmp}/g.png", "--min-weight", "-1"], 2, "--min-weight"),
    (["-o", "{tmp}/g.png", "--style", "hairball"], 2, "'hairball' is not one of 'relations', 'alliance'"),
    (["-o", "{tmp}/missing/g.png"], 1, "does not exist"),
])
def test_command_errors(cli, source, tmp_path, args, code, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    r = CliRunner().invoke(cli, ["draw", str(source), *args])
    assert r.exit_code == code and message in r.output and "Traceback" not in r.output, r.output
    assert not list(tmp_path.glob("g*"))  # no image, not even an empty one


def test_empty_graph_is_refused(tmp_path, gazetteer):
    from rdflib import Graph

    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(GraphError, match="nothing to draw: the graph has no relations$"):
        draw_graph(empty, tmp_path / "e.png", gazetteer=gazetteer)
    with pytest.raises(GraphError):
        draw(network(Graph()), gazetteer=gazetteer)
    with pytest.raises(FormatError, match="use one of .png, .svg, .pdf"):
        write_drawing(network(Graph()), tmp_path / "e.gif")
    assert not (tmp_path / "e.png").exists()


# ---------------------------------------------------------------------------- styles (issue 13)

def test_every_relation_has_its_own_look_and_classes_survive_black_and_white():
    from kg.predicates import QUAD_CLASSES, RELATION_PREDICATES
    from kg.styles import QUAD_STYLES, RELATION_STYLES, style

    assert sorted(RELATION_STYLES) == sorted(RELATION_PREDICATES)
    looks = [(s.colour, s.dash, s.marker) for s in RELATION_STYLES.values()]
    assert len(set(looks)) == len(looks)
    for quad in QUAD_STYLES:
        members = [style(p) for p in RELATION_PREDICATES if QUAD_CLASSES[p] == quad]
        for attr in ("colour", "dash", "marker"):  # within a class each of the three differs
            assert len({getattr(m, attr) for m in members}) == len(members), (quad, attr)
    # without colour: verbal classes dashed (ink on at most 70% of the line), material ones solid or
    # nearly so (at least 85%); cooperation marks hollow, conflict marks filled
    for p in RELATION_PREDICATES:
        st, quad = style(p), QUAD_CLASSES[p]
        ink = sum(st.dash[0::2]) / sum(st.dash) if st.dash else 1.0
        assert (ink <= 0.7) if quad.startswith("verbal") else (ink >= 0.85), p
        assert st.fill == ("hollow" if quad.endswith("Cooperation") else "filled"), p


def test_no_two_legend_rows_look_the_same(gazetteer):
    from matplotlib.figure import Figure
    from matplotlib.colors import to_hex

    ax = Figure(figsize=(12, 8)).add_axes((0.02, 0.08, 0.7, 0.85))
    G = network(EXAMPLES)
    draw(G, ax, gazetteer=gazetteer, style="relations")
    leg = ax.get_legend()
    rows = [(h, t.get_text()) for h, t in zip(leg.legend_handles, leg.get_texts())
            if t.get_text().endswith(("\u2192", "(mutual)"))]
    assert len(rows) == len({k for *_, k in G.edges(keys=True)}) >= 15
    looks = {(to_hex(h.get_color()), str(h.get_linestyle()), str(h.get_dashes() if hasattr(h, "get_dashes") else ""),
              h.get_marker(), to_hex(h.get_markerfacecolor())) for h, _ in rows}
    assert len(looks) == len(rows)


def test_export_colours_come_from_the_registry():
    from kg.export import QUAD_COLORS
    from kg.styles import QUAD_STYLES

    assert QUAD_COLORS == {q: s.colour.lower() for q, s in QUAD_STYLES.items()}


def _extent(artist, renderer):
    return artist.get_window_extent(renderer)


def test_edge_labels_collide_with_nothing(gazetteer):
    """Pair labels, from the rendered figure: no two overlap, none covers an actor label or an actor."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(12, 8), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.01, 0.06, 0.7, 0.88))
    G = network(EXAMPLES)
    draw(G, ax, gazetteer=gazetteer, style="relations", edge_labels=True)
    renderer = fig.canvas.get_renderer()
    pairs = [t for t in ax.texts if (t.get_gid() or "").startswith("pair-")]
    actors = [t for t in ax.texts if (t.get_gid() or "").startswith("actor-")]
    n_pairs = len({tuple(sorted((u, v))) for u, v in G.edges() if u != v})
    assert len(pairs) >= 0.7 * n_pairs  # most pairs get their label
    boxes = [_extent(t, renderer) for t in pairs]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), (a, b)
        for t in actors:
            assert not a.overlaps(_extent(t, renderer)), (pairs[i].get_text(), t.get_text())
    for coll in ax.collections:
        if not (coll.get_gid() or "").startswith("actors-"):
            continue
        centres = ax.transData.transform(coll.get_offsets())
        radii = np.sqrt(coll.get_sizes()) / 2 * fig.dpi / 72
        for (x, y), r in zip(centres, radii):
            for box in boxes:
                assert not (box.x0 < x + r - 1 and x - r + 1 < box.x1 and box.y0 < y + r - 1 and y - r + 1 < box.y1)


def test_default_style_follows_the_size(source, gazetteer):
    assert default_style(network(EXAMPLES)) == "alliance"  # 74 relations
    assert default_style(network(source)) == "relations"  # 7


def _alliance_axes(G, gazetteer, **options):
    from matplotlib.figure import Figure

    ax = Figure(figsize=(12, 8), dpi=100).add_axes((0.02, 0.08, 0.70, 0.85))
    draw(G, ax, gazetteer=gazetteer, style="alliance", **options)
    return ax


def test_alliance_one_signed_tie_per_pair_blocs_as_hulls(gazetteer):
    from matplotlib.colors import to_hex

    from kg.analysis import blocs, signed_graph
    from kg.styles import SIGN_COLOURS

    G = network(EXAMPLES)
    S = signed_graph(G)
    groups, _ = blocs(S)
    ax = _alliance_axes(G, gazetteer)
    lines = {c.get_gid(): c for c in ax.collections if (c.get_gid() or "").startswith("ties-")}
    positive = [(u, v, w) for u, v, w in S.edges(data="weight") if w > 0]
    negative = [(u, v, w) for u, v, w in S.edges(data="weight") if w < 0]
    assert len(lines["ties-positive"].get_segments()) == len(positive) > 5
    assert len(lines["ties-negative"].get_segments()) == len(negative) > 5
    assert to_hex(lines["ties-positive"].get_edgecolor()[0]).upper() == SIGN_COLOURS[1][0]
    assert to_hex(lines["ties-negative"].get_edgecolor()[0]).upper() == SIGN_COLOURS[-1][0]
    # width grows with the strength of the tie
    widths = lines["ties-positive"].get_linewidths()
    strength = [abs(w) for *_, w in sorted(positive)]
    assert [w for _, w in sorted(zip(strength, widths))] == sorted(widths)
    hulls = sorted(p.get_gid() for p in ax.patches if (p.get_gid() or "").startswith("bloc-"))
    assert hulls == [f"bloc-{i + 1}" for i in range(len(groups))]
    # every member inside its bloc's hull
    pos = {t.get_gid()[6:]: t.xy for t in ax.texts if (t.get_gid() or "").startswith("actor-")}
    for i, g in enumerate(groups):
        patch = next(p for p in ax.patches if p.get_gid() == f"bloc-{i + 1}")
        for n in g:
            assert patch.get_path().contains_point(pos[n], radius=-1e-9), n


def test_alliance_singleton_bloc_focus_and_min_weight(source, gazetteer):
    G = network(source)
    ax = _alliance_axes(G, gazetteer, blocs=[{"USA"}, {"PRK", "RUS", "CHN"}, {"UKR", "NATO"}], focus="USA")
    hulls = [p for p in ax.patches if (p.get_gid() or "").startswith("bloc-")]
    assert len(hulls) == 3  # the one-member bloc too
    ring = next(c for c in ax.collections if c.get_gid() == "focus")
    us = next(t for t in ax.texts if t.get_gid() == "actor-USA")
    assert tuple(ring.get_offsets()[0]) == tuple(us.xy) and us.get_fontweight() == "bold"
    total = sum(len(c.get_segments()) for c in ax.collections if (c.get_gid() or "").startswith("ties-"))
    ax = _alliance_axes(G, gazetteer, min_weight=1.5)
    fewer = sum(len(c.get_segments()) for c in ax.collections if (c.get_gid() or "").startswith("ties-"))
    assert 0 < fewer < total


def test_geo_puts_actors_at_their_capitals_on_the_map(gazetteer):
    from kg.draw.geomap import capital_positions

    G = network(EXAMPLES)
    pos = layout(G, "geo", gazetteer=gazetteer)
    capitals = capital_positions(G, gazetteer)
    assert all(pos[n] == capitals[n] for n in capitals)  # not moved
    assert pos["IRN"][0] < pos["PAK"][0] and pos["IRN"][1] > pos["PAK"][1]  # Tehran: west and north of Islamabad
    ax = _alliance_axes(G, gazetteer, layout="geo")
    world = next(c for c in ax.collections if c.get_gid() == "world-map")
    paths = world.get_paths()
    assert len(paths) > 60
    for actor in ("IRN", "PAK", "RUS", "USA", "AUS"):  # each capital inside some country outline
        assert any(p.contains_point(pos[actor]) for p in paths), actor
    ocean = ((pos["USA"][0] + pos["FRA"][0]) / 2, pos["FRA"][1])  # mid-Atlantic
    assert not any(p.contains_point(ocean) for p in paths)


def test_world_map_tool_decodes_topojson_and_mends_the_antimeridian():
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location("make_world_map", ROOT / "tools" / "make_world_map.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    # a quantized topology written for this test: a square and an island that crosses 180 degrees
    topology = {"transform": {"scale": [0.01, 0.01], "translate": [-180, -90]},
                "arcs": [[[1000, 1000], [1000, 0], [0, 1000], [-1000, 0], [0, -1000]],
                         [[35990, 7000], [20, 0], [-35990, 0], [0, 100], [35970, 0], [0, -100]]],
                "objects": {"countries": {"geometries": [
                    {"type": "Polygon", "id": "001", "arcs": [[0]], "properties": {"name": "Square"}},
                    {"type": "MultiPolygon", "id": "002", "arcs": [[[~1]]], "properties": {"name": "Island"}}]}}}
    data = json.loads(tool.render(tool.convert(topology)))
    island, square = data["countries"]
    assert square["polygons"] == [[[-170.0, -80.0, -160.0, -80.0, -160.0, -70.0, -170.0, -70.0, -170.0, -80.0]]]
    lons = island["polygons"][0][0][0::2]
    assert max(lons) - min(lons) < 1  # no edge across the whole map
    shipped = json.loads((ROOT / "kg" / "draw" / "world_110m.json").read_text(encoding="utf-8"))
    assert tool.VERSION in shipped["source"] and len(shipped["countries"]) > 170
    names = {c["name"] for c in shipped["countries"]}
    assert {"Iran", "Pakistan", "Russia", "France", "Australia"} <= names


@pytest.mark.slow
def test_alliance_and_geo_give_the_same_bytes(tmp_path, gazetteer):
    for options in ({"style": "alliance"}, {"style": "alliance", "layout": "geo"},
                    {"style": "relations", "layout": "geo", "edge_labels": True}):
        a, b = tmp_path / "a.svg", tmp_path / "b.svg"
        draw_graph(EXAMPLES, a, gazetteer=gazetteer, size=(8, 5), **options)
        draw_graph(EXAMPLES, b, gazetteer=gazetteer, size=(8, 5), **options)
        assert a.read_bytes() == b.read_bytes(), options


if __name__ == "__main__":  # redraw the README's pictures under graphs/ and record their structure
    from kg.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    manifest = {}
    for name, options in _pictures():
        print(draw_graph(EXAMPLES, ROOT / "graphs" / name, gazetteer=gaz, **options))
        manifest[name] = _picture_structure(options, gaz)
    MANIFEST.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
