"""The ``kg export`` and ``kg push`` commands, and the authentication options of commands that talk
to a remote store (``kg push``, ``kg query --endpoint``).

Only click (and the shared filter options) are imported at start-up; kg.export, kg.remote, rdflib
and networkx are imported inside the commands.
"""

from __future__ import annotations

import os

import click

from .cli_common import about, KgCommand
from .cli_filters import filter_options

from .formats import registered

_FORMAT_NAMES = tuple(registered("export"))  # (kg.formats imports nothing heavy)



def not_an_input(out: str, graph: str) -> None:
    """Refuse (a usage error, exit 2) to write ``out`` over the input ``graph``, or inside it when
    it is a store directory: the input is read before the output is written, but a failure or a
    filter would lose it."""
    from pathlib import Path

    source, target = Path(graph).resolve(), Path(out).resolve()
    if Path(graph).exists() and (target == source or (source.is_dir() and source in target.parents)):
        where = "is also the input" if target == source else "is inside the input store"
        raise click.UsageError(f"output {out} {where} {graph}; write the result somewhere else")


# ---------------------------------------------------------------------------- authentication

def auth_options(f):
    """``--user NAME`` and ``--password-env NAME`` (HTTP Basic authentication; the password is never
    an option)."""
    f = click.option("--password-env", default="KG_PASSWORD", show_default=True, metavar="NAME",
                     help="Environment variable holding the password for --user (else kg asks for it).")(f)
    return click.option("--user", metavar="NAME", help="User name for HTTP Basic authentication.")(f)


def credentials_from(user: str | None, password_env: str = "KG_PASSWORD"):
    """The :class:`kg.remote.Credentials` of ``--user``: the password from the environment variable
    ``password_env``, else from a prompt that does not echo it. None without ``--user``."""
    from .remote import Credentials

    if not user:
        return None
    password = os.environ.get(password_env)
    if password is None:
        password = _ask_password(user, password_env)
    return Credentials(user, password)


def _has_terminal() -> bool:
    import sys

    if sys.stdin is not None and sys.stdin.isatty():
        return True
    try:
        os.close(os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY))
    except OSError:
        return False
    return True


def _ask_password(user: str, password_env: str) -> str:
    """The password, asked on the terminal without echo; without a terminal, the first line of
    standard input (getpass would read it anyway, after two lines of Python warnings)."""
    import sys

    if _has_terminal():
        return click.prompt(f"Password for {user}", hide_input=True, err=True, default="", show_default=False)
    click.echo(f"Password for {user}: ", err=True, nl=False)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    click.echo(err=True)
    if not line:
        raise click.UsageError(f"--user {user}: no password in ${password_env}, no terminal to ask on and nothing "
                               f"on standard input; set {password_env} (or name another variable with "
                               "--password-env)")
    return line.rstrip("\r\n")


# ---------------------------------------------------------------------------- export

@click.command("export", cls=KgCommand)
@click.argument("graph", type=click.Path())
@click.option("--output", "-o", "out", required=True, type=click.Path(), metavar="PATH",
              help="The file to write (a directory for --to neo4j); its suffix names the format.")
@click.option("--to", "to", metavar="FORMAT",
              help=f"The format, whatever the suffix: {', '.join(_FORMAT_NAMES)}.")
@click.option("--color-by", type=click.Choice(["type", "bloc"]), default="type", show_default=True,
              help="Node colours of GEXF, GraphML, JSON and DOT: by actor type, or by bloc (as kg analyze finds them).")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
@filter_options
def export(graph, out, to, color_by, quiet, **options):
    """Write GRAPH (an RDF file or a store directory) in a format other tools open.

    \b
    RDF, all claims and provenance kept:   .ttl .nt .nq .trig .jsonld .rdf
    Gephi, yEd, Cytoscape:                 .graphml (typed attributes)  .gexf (Gephi, with colours)
    D3 (node-link JSON):                   .json
    Cytoscape.js / Cytoscape:              .cyjs
    Neo4j bulk import (a directory):       --to neo4j  (nodes.csv, relationships.csv)
    Graphviz:                              .dot .gv

    The filters narrow the network formats to the relations that pass, and the RDF formats to the
    claims behind them (with their documents and actors).

    \b
      kg export graph.ttl -o graph.graphml
      kg export store/ -o korea.gexf --focus "North Korea" --depth 1 --color-by bloc
      kg export graph.ttl -o neo4j-import --to neo4j --min-evidence 2
    """
    from .cli_analyze import one_blas_thread
    from .errors import GraphError
    from .export import export_graph
    from .cli_filters import filter_from_options

    if color_by == "bloc":
        one_blas_thread()
    not_an_input(out, graph)
    with about(graph, GraphError, unless_named=(out,)):
        gazetteer = None
        if options.get("focus"):
            from .gazetteer import load_gazetteer

            gazetteer = load_gazetteer()
        flt = filter_from_options(**options, gazetteer=gazetteer)
        report = export_graph(graph, out, to=to, flt=flt, gazetteer=gazetteer, color_by=color_by)
    if not quiet:
        if registered("export")[report.format].kind == "rdf":
            what = f"{report.triples:,} triple{'s' if report.triples != 1 else ''}"
        else:
            what = (f"{report.nodes:,} actor{'s' if report.nodes != 1 else ''} and "
                    f"{report.edges:,} relation{'s' if report.edges != 1 else ''}")
        click.echo(f"kg: wrote {what} to {out} ({report.format})", err=True)


# ---------------------------------------------------------------------------- push

@click.command("push", cls=KgCommand)
@click.argument("graph", type=click.Path())
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's Graph Store endpoint, e.g. http://localhost:7878/store (Oxigraph), "
                   "http://localhost:3030/DATASET/data (Fuseki), "
                   "http://localhost:7200/repositories/REPO/rdf-graphs/service (GraphDB).")
@click.option("--graph", "graph_iri", metavar="IRI", help="The named graph to write (default: the default graph).")
@click.option("--replace", is_flag=True, help="Replace the graph (HTTP PUT) instead of adding to it (POST).")
@click.option("--bulk", is_flag=True,
              help="Oxigraph: load without a transaction (its bulk loader), several times faster; "
                   "a push that fails half-way leaves part of the graph.")
@auth_options
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=300.0, show_default=True,
              metavar="SECONDS", help="Give up when the server does not answer for SECONDS.")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
def push(graph, endpoint, graph_iri, replace, bulk, user, password_env, timeout, quiet):
    """Send GRAPH (an RDF file or a store directory) to a triple store over the SPARQL 1.1 Graph
    Store HTTP Protocol.

    \b
    Adds the triples to the named graph --graph IRI (or the default graph); --replace makes that
    graph hold exactly GRAPH. With --user NAME the password comes from the environment variable
    KG_PASSWORD (--password-env) or a prompt; never from the command line. A failure prints one
    line with the server's status and message and exits 1; GRAPH is never changed.

    \b
      kg push graph.nt --endpoint http://localhost:7878/store --bulk
      kg push graph.ttl --endpoint http://localhost:3030/kg/data --graph https://example.org/news --replace
    """
    from .remote import check_endpoint, push as run_push

    check_endpoint(endpoint)
    credentials = credentials_from(user, password_env)
    report = run_push(graph, endpoint, graph=graph_iri, replace=replace, bulk=bulk, credentials=credentials,
                      timeout=timeout)
    if not quiet:
        target = f"graph <{graph_iri}>" if graph_iri else "the default graph"
        verb = "replaced" if replace else "added to"
        rate = f", {report.triples / report.seconds:,.0f} triples/s" if report.seconds > 0 else ""
        click.echo(f"kg: {verb} {target} at {endpoint}: {report.triples:,} triples sent "
                   f"(HTTP {report.status}) in {report.seconds:.1f} s{rate}", err=True)
