"""The ``kg query`` and ``kg load`` commands.

Only click is imported at start-up; everything else is imported inside the commands, so ``kg --help``
stays fast and ``kg query STORE`` imports neither rdflib nor the gazetteer unless it needs them.
The result formats and their writers are :mod:`kg.query.writers`.
"""

from __future__ import annotations

import io
import re
import sys

import click

from .cli_common import about, KgCommand
from .cli_export import auth_options


def __getattr__(name: str):
    """The registries and writer of :mod:`kg.query.writers`, once here, by their old names."""
    if name in ("RESULT_FORMATS", "GRAPH_FORMATS", "write_result"):
        from .query import writers

        return getattr(writers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# ---------------------------------------------------------------------------- commands


def _read_query_file(name: str) -> str:
    """The text of the query file ``name`` (``-``: stdin); KgError naming the file when it cannot be read."""
    from .errors import InputError
    from .fileio import read_text

    return read_text(name, "query file", InputError)


def _list_saved() -> None:
    from .query import saved_queries

    queries = saved_queries()
    width = max(len(n) for n in queries)
    for name, q in queries.items():
        params = " ".join(f"{p.name}=" for p in q.params)
        click.echo(f"{name.ljust(width)}  {q.summary}" + (f"  [{params}]" if params else ""))


def _parse_params(values) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        name = name.strip().lstrip("?$")
        if name in params:
            raise click.BadParameter(f"{name} is given twice ({params[name]!r} and {value!r}); a variable takes "
                                     "one value", param_hint="--param")
        params[name] = value
    return params


_QUERY_START = re.compile(r"(?:PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def _looks_like_query(text: str) -> bool:
    """Whether a command-line argument is SPARQL rather than a path: a brace, or a query keyword
    after any comment lines."""
    if "{" in text:
        return True
    lines = [line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#")]
    return bool(lines) and bool(_QUERY_START.match(lines[0].lstrip()))


def _check_arguments(graph, query_text, query_file, saved_name, params) -> None:
    """Usage errors that say what went wrong with the positional arguments."""
    if query_text is None and query_file is None and not saved_name and graph is not None \
            and _looks_like_query(graph):
        raise click.UsageError("missing argument GRAPH: the only argument given is a query; "
                               "write kg query GRAPH 'QUERY' (GRAPH: an RDF file or a store directory)")
    if query_text is not None and (query_file is not None or saved_name):
        other = "--saved NAME" if saved_name else "-f FILE"
        if params and not _looks_like_query(query_text):
            name, _, value = params[-1].partition("=")
            raise click.UsageError(f"unexpected argument {query_text!r} besides {other}: a --param value with "
                                   f"spaces needs quotes: --param {name}=\"{value} {query_text}\"")
        raise click.UsageError(f"give only one of QUERY, -f FILE and --saved NAME (QUERY is {query_text[:40]!r})")


_FORMAT_CHOICES = ["table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld"]


@click.command(cls=KgCommand)
@click.argument("graph", required=False)
@click.argument("query_text", metavar="[QUERY]", required=False)
@click.option("-f", "--file", "query_file", metavar="FILE",
              help="Read the query from FILE (- reads stdin).")
@click.option("--saved", "saved_name", metavar="NAME", help="Run a saved query (see --list).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (repeatable). A state is a name, alias or ISO code.")
@click.option("--format", "fmt", type=click.Choice(_FORMAT_CHOICES),
              help="SELECT: table, csv, tsv, json, xml (default: table on a terminal, else csv). "
                   "CONSTRUCT/DESCRIBE: ttl (default), nt, jsonld, xml.")
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries and exit.")
@click.option("--show", is_flag=True, help="Print the saved query's text (with --saved NAME) and exit.")
@click.option("--update", is_flag=True, help="Allow a SPARQL Update (only against a store directory).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              metavar="SECONDS",
              help="Stop the query after SECONDS and exit 1.")
@click.option("--max-rows", type=click.IntRange(min=1), default=1_000_000, show_default=True, metavar="N",
              help="Stop and exit 1 when the query gives more than N rows (or triples).")
@click.option("--max-memory", type=click.IntRange(min=64), metavar="MB",
              help="Stop and exit 1 when the query needs more than MB megabytes (default: half the memory, at most 4096).")
@click.option("--engine", type=click.Choice(["auto", "oxigraph", "rdflib"]), default="auto", show_default=True,
              help="Query engine (auto: oxigraph).")
@click.option("--gazetteer", "gazetteer_files", multiple=True, type=click.Path(dir_okay=False),
              help="Extra actors for resolving state parameters (Turtle, repeatable).")
@click.option("--endpoint", metavar="URL",
              help="Ask this SPARQL endpoint instead of GRAPH (Oxigraph: http://HOST:7878/query).")
@auth_options
def query(graph, query_text, query_file, saved_name, params, fmt, list_saved, show, update, timeout, max_rows,
          max_memory, engine, gazetteer_files, endpoint, user, password_env):
    """Ask GRAPH a SPARQL question: an RDF file (.ttl .nt .nq .trig .jsonld .rdf) or a store directory.

    \b
    The query is QUERY, the contents of -f FILE, or a saved query (--saved NAME; --list shows them).
    The prefixes kg, actor, claim, doc, rdf, rdfs, owl, xsd, skos, prov, dcterms, wd, geo are declared.
    Read-only unless --update; SERVICE, LOAD and remote FROM are refused: kg query makes no network
    request unless you give it --endpoint URL (a SPARQL 1.1 Protocol endpoint to ask instead of GRAPH).
    ASK exits 0 when true, 1 when false. Errors exit 1, usage errors 2.

    \b
      kg query graph.ttl 'SELECT ?x ?y WHERE { ?x kg:supplies ?y }'
      kg query graph.ttl --saved suppliers-of --param state="North Korea"
      kg query store/ -f question.rq --format json
    """
    from .query import QuerySyntaxError, UnsafeQueryError, vocabulary_warnings

    source = None  # where the query text came from, to name it in a syntax error
    if list_saved:
        _list_saved()
        return
    if show:
        if not saved_name:
            raise click.UsageError("--show needs --saved NAME")
        from .query import saved_query

        click.echo(saved_query(saved_name).text, nl=False)
        return
    if endpoint:
        if query_text is None and graph is not None and not (query_file is not None or saved_name):
            graph, query_text = None, graph  # kg query --endpoint URL "SELECT ..."
        if graph is not None:
            raise click.UsageError("give GRAPH or --endpoint URL, not both")
        if update or engine != "auto":
            raise click.UsageError("--update and --engine work on a local graph, not with --endpoint")
    elif graph is None:
        raise click.UsageError("missing argument GRAPH (an RDF file or a store directory)")
    else:
        _check_arguments(graph, query_text, query_file, saved_name, params)
    given = sum(x is not None for x in (query_text, query_file, saved_name))
    if given != 1:
        raise click.UsageError("give a query: QUERY, -f FILE or --saved NAME" if not given
                               else "give only one of QUERY, -f FILE and --saved NAME")
    saved = None
    if saved_name:
        from .query import saved_query

        saved = saved_query(saved_name)
        text = saved.text
        source = f"saved query {saved_name}"
    elif query_file is not None:
        source = "<stdin>" if query_file == "-" else query_file
        text = _read_query_file(query_file)
    else:
        text = query_text
    with about(source, QuerySyntaxError, UnsafeQueryError):  # about the query's text: name its file
        for warning in vocabulary_warnings(text):
            click.echo(f"kg: warning: {source or 'query'}: {warning}", err=True)
        if endpoint:
            _run_remote(endpoint, text, saved, _parse_params(params), fmt, timeout, gazetteer_files, user,
                        password_env, max_rows)
        else:
            _run(graph, text, saved, _parse_params(params), fmt, update, timeout, engine, gazetteer_files,
                 max_rows, max_memory)


_KINDS = {"SELECT": "select", "ASK": "ask", "CONSTRUCT": "graph", "DESCRIBE": "graph"}


def _check_format(kind: str | None, fmt: str | None) -> None:
    if fmt is None or kind is None:
        return
    from .query.writers import GRAPH_FORMATS, RESULT_FORMATS

    if kind == "graph" and fmt not in GRAPH_FORMATS:
        raise click.UsageError(f"--format {fmt} is for SELECT results; CONSTRUCT and DESCRIBE give RDF: "
                               f"use {', '.join(GRAPH_FORMATS)}")
    if kind != "graph" and fmt not in RESULT_FORMATS:
        raise click.UsageError(f"--format {fmt} is for RDF; SELECT and ASK give results: "
                               f"use {', '.join(RESULT_FORMATS)}")


def _run_remote(endpoint, text, saved, params, fmt, timeout, gazetteer_files, user, password_env,
                max_rows=None) -> None:
    from .cli_export import credentials_from
    from .query import query_form
    from .remote import query_endpoint

    _check_format(_KINDS.get(query_form(text)), fmt)
    gazetteer = None
    if gazetteer_files:
        from .gazetteer import load_gazetteer

        gazetteer = load_gazetteer(gazetteer_files)
    result = query_endpoint(endpoint, text, params=params, saved=saved, gazetteer=gazetteer,
                            credentials=credentials_from(user, password_env), timeout=timeout, max_rows=max_rows)
    _emit(result, fmt)


def _run(graph, text, saved, params, fmt, update, timeout, engine, gazetteer_files, max_rows=None,
         max_memory=None) -> None:
    from pathlib import Path

    from .errors import GraphError
    from .query import is_update, query_form, run_query, run_update
    from .store import is_store

    path = Path(graph)
    if not path.exists():
        raise GraphError(f"{graph}: graph or store not found")
    if update:
        if not is_store(path):
            raise click.UsageError(f"--update runs only against a store directory, not {graph}")
        if params:
            raise click.UsageError("--param cannot be used with --update")
        if not is_update(text):
            raise click.UsageError("--update expects a SPARQL Update (INSERT, DELETE, ...)")
        run_update(path, text, timeout=timeout)
        click.echo(f"kg: update applied to {graph}", err=True)
        return
    _check_format(_KINDS.get(query_form(text)), fmt)
    gazetteer = None
    if gazetteer_files:
        from .gazetteer import load_gazetteer

        gazetteer = load_gazetteer(gazetteer_files)
    result = run_query(path, text, params=params, saved=saved, engine=engine, timeout=timeout, gazetteer=gazetteer,
                       max_rows=max_rows, max_memory=max_memory << 20 if max_memory else None)
    _emit(result, fmt)


def _emit(result, fmt) -> None:
    """Write a query result to stdout in ``fmt`` (ASK: exit 1 when false)."""
    _check_format(result.kind, fmt)
    if fmt is None:
        fmt = {"graph": "ttl", "ask": "table"}.get(result.kind) or ("table" if sys.stdout.isatty() else "csv")
    from .query.writers import write_result

    stdout = sys.stdout.buffer
    try:
        write_result(result, fmt, stdout)
        stdout.flush()
    except BrokenPipeError:  # the reader (head, less) went away: not an error
        import os

        try:  # keep the interpreter's final flush from failing again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        return
    if result.kind == "ask" and not result.boolean:
        sys.exit(1)


def _graph_files(graphs) -> list[str]:
    """GRAPHS with each directory that is not a store (the shards of ``kg build --shards DIR``)
    replaced by the RDF files in it, in sorted order; GraphError for one without any."""
    from pathlib import Path

    from .errors import GraphError
    from .formats import FORMATS
    from .store import is_store

    files: list[str] = []
    for g in graphs:
        p = Path(g)
        if not p.is_dir() or is_store(p):
            files.append(g)
            continue
        found = sorted(str(f) for f in p.iterdir() if f.is_file() and not f.name.startswith(".")
                       and f.suffix.lower() in FORMATS)
        if not found:
            raise GraphError(f"{g}: directory has no RDF files to load ({' '.join(sorted(FORMATS))})")
        files.extend(found)
    return files


@click.command(cls=KgCommand)
@click.argument("graphs", nargs=-1, required=True, type=click.Path())
@click.option("--store", "store_dir", required=True, type=click.Path(), metavar="DIR",
              help="The store directory (created when missing).")
@click.option("--replace", is_flag=True, help="Empty the store before loading.")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
def load(graphs, store_dir, replace, quiet):
    """Load RDF files (GRAPHS, format from the suffix; a directory of them, such as the shards of
    kg build --shards) into an Oxigraph store directory.

    \b
    kg query DIR then answers without re-parsing, and the directory is a plain Oxigraph database:
    `oxigraph serve --location DIR` serves it over the SPARQL protocol.
    """
    from .store import load_files

    report = load_files(store_dir, _graph_files(graphs), replace=replace)
    if not quiet:
        click.echo(f"kg: loaded {report.files} file{'s' if report.files != 1 else ''} into {store_dir} in "
                   f"{report.seconds:.1f} s; the store holds {report.triples:,} triples", err=True)
