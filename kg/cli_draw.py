"""The ``kg draw`` and ``kg view`` commands: a diagram of a graph as PNG, SVG or PDF, and a page to
explore it in a browser.

Only click (and the shared filter options) are imported at start-up; matplotlib, rdflib and
networkx are imported when the command runs.
"""

from __future__ import annotations

import click

from .cli_common import about, KgCommand
from .cli_filters import filter_options

#: kept equal to kg.draw.LAYOUTS and kg.draw.STYLES by a test (kg.draw is not imported at start-up)
_LAYOUTS = ("spring", "circular", "kamada-kawai", "geo", "blocs")
_STYLES = ("relations", "alliance")


def _size(ctx, param, value: str) -> tuple[float, float]:
    try:
        w, h = (float(part) for part in value.lower().split("x"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not WIDTHxHEIGHT in inches, e.g. 12x8") from None
    if not (1 <= w <= 100 and 1 <= h <= 100):
        raise click.BadParameter(f"{value!r}: width and height must be between 1 and 100 inches")
    return w, h


@click.command("draw", cls=KgCommand)
@click.argument("graph", type=click.Path())
@click.option("--output", "-o", "out", required=True, type=click.Path(), metavar="FILE",
              help="The image to write: .png, .svg or .pdf.")
@click.option("--style", type=click.Choice(_STYLES), default=None,
              help="relations: one curve per relation; alliance: one signed tie per pair with the blocs as hulls. "
                   "Default: alliance when more than 40 relations are drawn, else relations.")
@click.option("--layout", type=click.Choice(_LAYOUTS), default=None,
              help="Node placement: force-directed (seeded), circle, Kamada-Kawai, capitals on a world map, "
                   "or grouped by alliance bloc. Default: spring for relations, blocs for alliance.")
@click.option("--min-weight", type=click.FloatRange(0), default=0.0, show_default=True,
              help="Alliance style: leave out signed ties weaker than this (|weight| as in kg analyze).")
@click.option("--seed", type=int, default=7, show_default=True, help="Seed of the spring and bloc layouts.")
@click.option("--title", help="Title above the diagram.")
@click.option("--edge-labels", is_flag=True, help="Write the relation names on the curves.")
@click.option("--size", default="12x8", show_default=True, callback=_size, metavar="WxH",
              help="Image size in inches.")
@click.option("--dpi", type=click.IntRange(20, 1200), default=150, show_default=True,
              help="Pixels per inch of a PNG (12x8 at 150 dpi: 1800x1200 pixels).")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
@filter_options
def draw(graph, out, style, layout, min_weight, seed, title, edge_labels, size, dpi, quiet, **options):
    """Draw GRAPH (an RDF file or a store directory) as a diagram for a report.

    One node per actor (circles: states; squares: organizations; diamonds: groups), sized by the
    evidence that involves it. --style relations: one curve per relation, coloured by its class
    (blue and green: cooperation, orange and vermillion: conflict; dashed: verbal, solid: material)
    and within the class by relation (hue, dash and the mark at its middle), as wide as its evidence,
    with an arrowhead when directed. --style alliance: one line per pair, blue for a positive and
    dashed vermillion for a negative signed tie, as wide as the tie is strong, the blocs of
    kg analyze as shaded hulls. The --focus actor is ringed. The same graph and options give the
    same file.

    \b
      kg draw graph.ttl -o graph.png
      kg draw graph.ttl -o korea.svg --focus "North Korea" --depth 2 --edge-labels
      kg draw store/ -o blocs.pdf --style alliance --since 2024 --title "Alignments in 2024"
      kg draw graph.ttl -o map.png --layout geo
    """
    from pathlib import Path

    from .draw import DRAW_FORMATS, draw_graph
    from .errors import GraphError
    from .cli_filters import filter_from_options

    if Path(out).suffix.lower() not in DRAW_FORMATS:
        raise click.BadParameter(f"unsupported image format {Path(out).suffix or '(no suffix)'!r}: use one of "
                                 f"{', '.join(DRAW_FORMATS)}", param_hint="--output")
    from .cli_export import not_an_input

    not_an_input(out, graph)
    with about(graph, GraphError):
        from .fileio import check_writable
        from .gazetteer import load_gazetteer

        check_writable(out)  # before the graph is read and laid out
        gazetteer = load_gazetteer()  # focus names, short names and capitals
        flt = filter_from_options(**options, gazetteer=gazetteer)
        report = draw_graph(graph, out, flt=flt, gazetteer=gazetteer, style=style, layout=layout,
                            min_weight=min_weight, seed=seed, title=title,
                            edge_labels=edge_labels, size=size, dpi=dpi)
    if not quiet:
        click.echo(f"kg: drew {report.actors} actor{'s' if report.actors != 1 else ''} and "
                   f"{report.relations} relation{'s' if report.relations != 1 else ''} to {out} "
                   f"({report.format}, {report.style} style)", err=True)


@click.command("view", cls=KgCommand)
@click.argument("graph", type=click.Path())
@click.option("--output", "-o", "out", required=True, type=click.Path(), metavar="FILE",
              help="The page to write (.html).")
@click.option("--layout", type=click.Choice(_LAYOUTS), default="spring", show_default=True,
              help="Where the actors start (they can be dragged in the page).")
@click.option("--seed", type=int, default=7, show_default=True, help="Seed of the spring and bloc layouts.")
@click.option("--title", help="Title of the page.")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
@filter_options
def view(graph, out, layout, seed, title, quiet, **options):
    """Write GRAPH (an RDF file or a store directory) as one self-contained HTML page to explore offline.

    One edge per pair of actors in the look of its strongest relation (the styles of kg draw); in the
    page: pan and zoom, a search box, toggles per relation and quad class, a time window over the
    claim dates, an actor's partners and adversaries, and the claims behind an edge (sentence with its
    trigger marked, document, date, flags, confidence). Opening the page makes no network request;
    the same graph and options give the same file.

    \b
      kg view graph.ttl -o graph.html
      kg view store/ -o korea.html --focus "North Korea" --depth 2 --since 2024
    """
    from pathlib import Path

    from .errors import GraphError
    from .cli_filters import filter_from_options

    if Path(out).suffix.lower() not in (".html", ".htm"):
        raise click.BadParameter(f"{Path(out).name!r} is not an .html file", param_hint="--output")
    from .cli_export import not_an_input

    not_an_input(out, graph)
    with about(graph, GraphError):
        from .fileio import check_writable
        from .gazetteer import load_gazetteer
        from .view import view_graph

        check_writable(out)
        gazetteer = load_gazetteer()
        flt = filter_from_options(**options, gazetteer=gazetteer)
        report = view_graph(graph, out, flt=flt, gazetteer=gazetteer, layout=layout, seed=seed, title=title)
    if not quiet:
        click.echo(f"kg: wrote {report.actors} actor{'s' if report.actors != 1 else ''}, {report.pairs} "
                   f"pair{'s' if report.pairs != 1 else ''} and {report.claims} claim{'s' if report.claims != 1 else ''}"
                   f" to {out} ({report.size / 1e6:.1f} MB)", err=True)
