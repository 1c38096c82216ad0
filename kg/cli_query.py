"""The ``kg query`` and ``kg load`` commands, and the writers of query results.

Only click is imported at start-up; everything else is imported inside the commands, so ``kg --help``
stays fast and ``kg query STORE`` imports neither rdflib nor the gazetteer unless it needs them.

Result formats (a registry keyed by name): SELECT results as ``table`` (aligned, prefixed names),
``csv``, ``tsv``, ``json`` and ``xml`` (W3C SPARQL 1.1 Query Results formats); ASK results as
``true``/``false`` (or the W3C ``json``/``xml`` boolean documents); CONSTRUCT and DESCRIBE results
as RDF: ``ttl``, ``nt``, ``jsonld`` or ``xml``.
"""

from __future__ import annotations

import io
import re
import sys

import click

from .cli_common import fail
from .cli_export import auth_options

# ---------------------------------------------------------------------------- result writers

_XSD = "http://www.w3.org/2001/XMLSchema#"
_SRX = "http://www.w3.org/2005/sparql-results#"
_NUMERIC = {_XSD + t: re for t, re in (("integer", r"[+-]?\d+"), ("decimal", r"[+-]?\d*\.\d+"),
                                        ("double", r"[+-]?(\d+\.\d*|\.?\d+)[eE][+-]?\d+"))}


def _kind(term) -> str:
    return type(term).__name__  # NamedNode | BlankNode | Literal


def _nt_string(text: str) -> str:
    text = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
            .replace("\t", "\\t"))
    # other controls as \uXXXX escapes (the same string in Turtle syntax, and nothing a terminal obeys)
    return '"' + re.sub("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", lambda m: f"\\u{ord(m.group()):04X}",
                        text) + '"'


def _turtle_term(term) -> str:
    """A term in Turtle syntax, as the W3C TSV results format writes it."""
    import re

    if term is None:
        return ""
    kind = _kind(term)
    if kind == "NamedNode":
        return f"<{term.value}>"
    if kind == "BlankNode":
        return f"_:{term.value}"
    if term.language:
        return f"{_nt_string(term.value)}@{term.language}"
    dt = term.datatype.value
    if dt == _XSD + "string":
        return _nt_string(term.value)
    if dt in _NUMERIC and re.fullmatch(_NUMERIC[dt], term.value):
        return term.value
    if dt == _XSD + "boolean" and term.value in ("true", "false"):
        return term.value
    return f"{_nt_string(term.value)}^^<{dt}>"


def write_csv(result, out) -> None:
    """W3C SPARQL 1.1 CSV: header of variable names, values as plain strings, CRLF line ends."""
    import csv

    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(["" if t is None else ("_:" + t.value if _kind(t) == "BlankNode" else t.value)
                         for t in row])


def write_tsv(result, out) -> None:
    """W3C SPARQL 1.1 TSV: header of ?variables, values in Turtle syntax, LF line ends."""
    out.write("\t".join("?" + v for v in result.vars) + "\n")
    for row in result.rows:
        out.write("\t".join(_turtle_term(t) for t in row) + "\n")


def _json_term(term) -> dict:
    kind = _kind(term)
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}
    value = {"type": "literal", "value": term.value}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype.value != _XSD + "string":
        value["datatype"] = term.datatype.value
    return value


def write_json(result, out) -> None:
    """W3C SPARQL 1.1 Query Results JSON (a boolean document for ASK)."""
    import json

    from .text import json_terminal_safe

    if result.kind == "ask":
        json.dump({"head": {}, "boolean": bool(result.boolean)}, out)
        out.write("\n")
        return
    out.write('{"head": {"vars": ' + json.dumps(list(result.vars)) + '}, "results": {"bindings": [')
    for i, row in enumerate(result.rows):
        binding = {v: _json_term(t) for v, t in zip(result.vars, row) if t is not None}
        out.write(("," if i else "") + "\n  " + json_terminal_safe(json.dumps(binding, ensure_ascii=False)))
    out.write("\n]}}\n")


def write_xml(result, out) -> None:
    """W3C SPARQL Query Results XML (a boolean document for ASK); characters XML cannot hold are
    written as U+FFFD."""
    from xml.sax.saxutils import escape as xml_escape, quoteattr as xml_quoteattr

    from .text import printable

    def escape(text):
        return xml_escape(printable(text))

    def quoteattr(text):
        return xml_quoteattr(printable(text))

    out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{_SRX}">\n  <head>\n')
    for v in result.vars:
        out.write(f"    <variable name={quoteattr(v)}/>\n")
    out.write("  </head>\n")
    if result.kind == "ask":
        out.write(f"  <boolean>{'true' if result.boolean else 'false'}</boolean>\n</sparql>\n")
        return
    out.write("  <results>\n")
    for row in result.rows:
        out.write("    <result>\n")
        for v, t in zip(result.vars, row):
            if t is None:
                continue
            kind = _kind(t)
            if kind == "NamedNode":
                value = f"<uri>{escape(t.value)}</uri>"
            elif kind == "BlankNode":
                value = f"<bnode>{escape(t.value)}</bnode>"
            elif t.language:
                value = f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
            elif t.datatype.value != _XSD + "string":
                value = f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
            else:
                value = f"<literal>{escape(t.value)}</literal>"
            out.write(f"      <binding name={quoteattr(v)}>{value}</binding>\n")
        out.write("    </result>\n")
    out.write("  </results>\n</sparql>\n")


def short_name(term, max_width: int = 60) -> str:
    """A term as a table shows it: a prefixed name when a kg prefix fits, a literal's text."""
    import re

    from .query import PREFIXES

    if term is None:
        return ""
    kind = _kind(term)
    if kind == "NamedNode":
        best = ""
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
                local = term.value[len(ns):]
                if re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*", local) and not local.endswith("."):
                    best = prefix
        text = f"{best}:{term.value[len(PREFIXES[best]):]}" if best else f"<{term.value}>"
    elif kind == "BlankNode":
        text = "_:" + term.value
    else:
        text = " ".join(term.value.split())
    from .text import printable

    text = printable(text)  # nothing in a label or evidence drives the terminal
    return text if len(text) <= max_width else text[:max_width - 1] + "…"


def write_table(result, out, max_width: int = 60) -> None:
    """An aligned table with prefixed names; numbers right-aligned; long cells cut at ``max_width``."""
    if result.kind == "ask":
        out.write("true\n" if result.boolean else "false\n")
        return
    cells = [[short_name(t, max_width) for t in row] for row in result.rows]
    headers = list(result.vars)
    numeric = [all(t is None or (_kind(t) == "Literal" and t.datatype.value in _NUMERIC) for t in col)
               for col in zip(*result.rows)] if result.rows else [False] * len(headers)
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values):
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)]
        return "  ".join(parts).rstrip() + "\n"

    out.write(line(headers))
    out.write(line(["-" * w for w in widths]))
    for row in cells:
        out.write(line(row))
    n = len(cells)
    out.write(f"({n} row{'s' if n != 1 else ''})\n")


def _plain_boolean(result, out) -> None:
    out.write("true\n" if result.boolean else "false\n")


#: SELECT (and ASK) result formats by name
RESULT_FORMATS = {"table": write_table, "csv": write_csv, "tsv": write_tsv, "json": write_json, "xml": write_xml}
#: CONSTRUCT / DESCRIBE formats by name -> pyoxigraph RdfFormat attribute
GRAPH_FORMATS = {"ttl": "TURTLE", "nt": "N_TRIPLES", "jsonld": "JSON_LD", "xml": "RDF_XML"}


def write_result(result, fmt: str, out) -> None:
    """Write a QueryResult to the binary stream ``out`` in format ``fmt`` (a key of the registries)."""
    if result.kind == "graph":
        import pyoxigraph

        from .query import PREFIXES

        used = {t.value for triple in result.triples for t in (triple.subject, triple.predicate, triple.object)
                if _kind(t) == "NamedNode"} | {triple.object.datatype.value for triple in result.triples
                                                if _kind(triple.object) == "Literal"}
        prefixes = {p: ns for p, ns in PREFIXES.items() if any(iri.startswith(ns) for iri in used)}
        fmt_obj = getattr(pyoxigraph.RdfFormat, GRAPH_FORMATS[fmt])
        out.write(pyoxigraph.serialize(result.triples, format=fmt_obj,
                                       prefixes=prefixes if fmt in ("ttl", "xml") else None) or b"")
        return
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    try:
        if result.kind == "ask" and fmt in ("csv", "tsv"):
            _plain_boolean(result, text)
        else:
            RESULT_FORMATS[fmt](result, text)
        text.flush()
    finally:
        text.detach()


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


@click.command()
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
    from .errors import KgError
    from .query import QuerySyntaxError, UnsafeQueryError, vocabulary_warnings

    source = None  # where the query text came from, to name it in a syntax error
    try:
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
        for warning in vocabulary_warnings(text):
            click.echo(f"kg: warning: {source or 'query'}: {warning}", err=True)
        if endpoint:
            _run_remote(endpoint, text, saved, _parse_params(params), fmt, timeout, gazetteer_files, user,
                        password_env, max_rows)
        else:
            _run(graph, text, saved, _parse_params(params), fmt, update, timeout, engine, gazetteer_files,
                 max_rows, max_memory)
    except (QuerySyntaxError, UnsafeQueryError) as exc:  # about the query's text: name the file it came from
        fail(exc, source)
    except KgError as exc:
        fail(exc)


_KINDS = {"SELECT": "select", "ASK": "ask", "CONSTRUCT": "graph", "DESCRIBE": "graph"}


def _check_format(kind: str | None, fmt: str | None) -> None:
    if fmt is None or kind is None:
        return
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


@click.command()
@click.argument("graphs", nargs=-1, required=True, type=click.Path())
@click.option("--store", "store_dir", required=True, type=click.Path(), metavar="DIR",
              help="The store directory (created when missing).")
@click.option("--replace", is_flag=True, help="Empty the store before loading.")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
def load(graphs, store_dir, replace, quiet):
    """Load RDF files (GRAPHS, format from the suffix) into an Oxigraph store directory.

    \b
    kg query DIR then answers without re-parsing, and the directory is a plain Oxigraph database:
    `oxigraph serve --location DIR` serves it over the SPARQL protocol.
    """
    from .errors import KgError
    from .store import load_files

    try:
        report = load_files(store_dir, graphs, replace=replace)
    except KgError as exc:
        fail(exc)
    if not quiet:
        click.echo(f"kg: loaded {report.files} file{'s' if report.files != 1 else ''} into {store_dir} in "
                   f"{report.seconds:.1f} s; the store holds {report.triples:,} triples", err=True)
