"""kg.draw and ``kg draw``: what the picture shows, filters, determinism, sizes and bad input.

The SVGs are written with their text as <text> elements, so the tests read labels, legend
entries and the caption from them.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.draw import LAYOUTS, draw, draw_graph, layout, network, write_drawing
from kg.errors import FormatError, GraphError
from kg.filters import GraphFilter
from kg.model import Document, Relation
from kg.rdf import build_graph

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "graphs" / "examples.ttl"
#: the options graphs/examples.png and .svg are drawn with (README shows the PNG)
EXAMPLE_OPTIONS = {"title": "Relations between states in the bundled examples", "size": (12.0, 8.0), "dpi": 110,
                   "edge_labels": True}

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
                  "sanctions  \u2192", "attacks  \u2192", "Cooperation, verbal (dashed)",
                  "Cooperation, material (solid)", "Conflict, verbal (dashed)", "Conflict, material (solid)",
                  "State", "Organization", "1 claim", "2 claims"):
        assert entry in texts, entry
    # only the relations present are in the legend
    assert not any(t.startswith(("vetoesFor", "atWarWith", "criticizes")) for t in texts)
    assert "Group" not in texts
    assert "Test diagram" in texts
    assert "2 documents, 8 claims, 2023 to 2024-06-01; 6 actors, 7 relations" in texts
    assert "supplies" not in texts  # no edge labels by default


def test_edge_labels_name_every_curve(source, tmp_path, gazetteer):
    out = tmp_path / "g.svg"
    draw_graph(source, out, gazetteer=gazetteer, edge_labels=True)
    texts = svg_texts(out)
    assert texts.count("supplies") == 2 and texts.count("alliedWith") == 1 and texts.count("attacks") == 1


def test_filters_remove_what_they_should(source, tmp_path, gazetteer):
    out = tmp_path / "f.svg"
    report = draw_graph(source, out, gazetteer=gazetteer, flt=GraphFilter(relations=frozenset({"supplies"})))
    texts = svg_texts(out)
    assert (report.actors, report.relations) == (2, 2)
    assert {"North Korea", "Russia", "supplies  \u2192"} <= set(texts)
    assert not {"US", "NATO", "Ukraine", "sanctions  \u2192", "Conflict, material (solid)"} & set(texts)
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
    assert dashes["relation-CHN-concernedBy-PRK"] != dashes["relation-RUS-attacks-UKR"] == "solid"
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
    draw(G, ax, gazetteer=gazetteer)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts if (t.get_gid() or "").startswith("actor-")]
    assert len(boxes) == len({n for u, v in G.edges() if u != v for n in (u, v)}) > 15
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), (a, b)
    centres = [c.get_offsets() for c in ax.collections]
    import numpy as np

    points = ax.transData.transform(np.vstack(centres))
    for box in boxes:
        inside = [(x, y) for x, y in points if box.x0 + 2 < x < box.x1 - 2 and box.y0 + 2 < y < box.y1 - 2]
        assert not inside


# ---------------------------------------------------------------------------- files

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


def test_examples_images_are_up_to_date(tmp_path, gazetteer):
    """graphs/examples.png and .svg are regenerated and must equal the committed files."""
    for suffix in (".png", ".svg"):
        fresh = tmp_path / f"examples{suffix}"
        draw_graph(EXAMPLES, fresh, gazetteer=gazetteer, **EXAMPLE_OPTIONS)
        committed = ROOT / "graphs" / f"examples{suffix}"
        assert committed.exists() and fresh.read_bytes() == committed.read_bytes(), \
            f"graphs/examples{suffix} is stale: run python tests/test_draw.py"


# ---------------------------------------------------------------------------- command

def test_command_writes_the_image(cli, source, tmp_path):
    out = tmp_path / "k.png"
    r = CliRunner().invoke(cli, ["draw", str(source), "-o", str(out), "--focus", "DPRK", "--size", "4x3",
                                 "--dpi", "50", "--layout", "kamada-kawai", "--title", "Korea"])
    assert r.exit_code == 0, r.output
    assert r.output == f"kg: drew 4 actors and 5 relations to {out} (png)\n"
    assert png_size(out) == (200, 150)


def test_cli_layouts_match_the_library():
    from kg.cli_draw import _LAYOUTS

    assert _LAYOUTS == LAYOUTS


@pytest.mark.parametrize("args, code, message", [
    (["-o", "{tmp}/g.jpg"], 2, "unsupported image format '.jpg': use one of .png, .svg, .pdf"),
    (["-o", "{tmp}/g"], 2, "use one of .png, .svg, .pdf"),
    (["-o", "{tmp}/g.png", "--focus", "Ukriane"], 2, "did you mean 'Ukraine'"),
    (["-o", "{tmp}/g.png", "--relations", "vetoesFor"], 1,
     "nothing to draw: the graph has no relations after the filters (relations vetoesFor)"),
    (["-o", "{tmp}/g.png", "--since", "2030"], 1, "no relations after the filters (since 2030)"),
    (["-o", "{tmp}/g.png", "--size", "big"], 2, "WIDTHxHEIGHT"),
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


if __name__ == "__main__":  # regenerate graphs/examples.png and .svg
    from kg.gazetteer import load_gazetteer

    for suffix in (".png", ".svg"):
        print(draw_graph(EXAMPLES, ROOT / "graphs" / f"examples{suffix}", gazetteer=load_gazetteer(),
                         **EXAMPLE_OPTIONS))
