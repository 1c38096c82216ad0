"""Relation records as text: JSON lines or TSV rows (the output of ``kg extract``) and the
N-Triples lines of their claims (``kg build``).

The encoders (:class:`RowEncoder`, :class:`ClaimEncoder`) run where the relations are found, in
a worker process when there are several (:func:`kg.pipeline.extract_documents` ``encode=``), so
the main process only writes strings: it never rebuilds Relation objects or rdflib terms.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import IO, Callable, Iterable

from .model import Document, Relation

RELATION_FIELDS = ("doc", "subject", "predicate", "object", "subject_label", "object_label", "sentence",
                   "start", "end", "hedged", "negated", "attributed_to", "item", "quantity", "time",
                   "confidence")
#: TSV adds the trigger and the rule after the common fields
TSV_FIELDS = RELATION_FIELDS + ("trigger", "rule")


def jsonl_line(r: Relation) -> str:
    """One relation as a JSON object on one line (with its newline)."""
    row = {k: getattr(r, k) for k in RELATION_FIELDS}
    row["time_value"] = r.time_value
    row["trigger"] = r.trigger
    row["rule"] = r.rule  # the extraction rule that found it: why this edge exists
    return json.dumps(row, ensure_ascii=False) + "\n"


def _tsv_cell(value) -> object:
    return "" if value is None else str(value).lower() if isinstance(value, bool) else value


def tsv_lines(rels: Iterable[Relation]) -> str:
    """Relations as TSV rows (no header)."""
    buffer = io.StringIO()
    w = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for r in rels:
        w.writerow([_tsv_cell(getattr(r, k)) for k in TSV_FIELDS])
    return buffer.getvalue()


def tsv_lines_of_header() -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\n").writerow(TSV_FIELDS)
    return buffer.getvalue()


def _jsonl(rels: Iterable[Relation], fh: IO[str]) -> None:
    for r in rels:
        fh.write(jsonl_line(r))


def _tsv(rels: Iterable[Relation], fh: IO[str]) -> None:
    fh.write(tsv_lines_of_header())
    for r in rels:
        fh.write(tsv_lines((r,)))


WRITERS: dict[str, Callable[[Iterable[Relation], IO[str]], None]] = {"jsonl": _jsonl, "tsv": _tsv}
#: the header each format writes before its rows
HEADERS: dict[str, Callable[[], str]] = {"jsonl": lambda: "", "tsv": tsv_lines_of_header}


def relation_rows(rels: Iterable[Relation], fmt: str, fh: IO[str]) -> None:
    """Write relations to ``fh`` in format ``fmt`` (a key of :data:`WRITERS`)."""
    WRITERS[fmt](rels, fh)


@dataclass(frozen=True)
class RowEncoder:
    """A document's relations as the text of its rows in ``fmt`` (``jsonl`` or ``tsv``), negated
    ones only with ``include_negated``: ``(text, number of rows)``. Picklable, for workers."""

    fmt: str
    include_negated: bool = False

    def __call__(self, doc: Document, rels: list[Relation]) -> tuple[str, int]:
        kept = [r for r in rels if self.include_negated or not r.negated]
        if self.fmt == "tsv":
            return tsv_lines(kept), len(kept)
        return "".join(jsonl_line(r) for r in kept), len(kept)


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """What a document adds to a graph, already written: the N-Triples lines of its claims (and
    direct triples), the actors they name with the label the text gave (first seen first), and
    the number of asserted and negated relations."""

    lines: list[str]
    actors: list[tuple[str, str | None]]
    asserted: int
    negated: int


class NTriplesLines:
    """Collects the N-Triples line of each triple added (a sink for kg.rdf's graph writers)."""

    def __init__(self) -> None:
        from .rdf.lines import ntriples_line

        self._row = ntriples_line
        self.lines: list[str] = []

    def add(self, triple) -> None:
        self.lines.append(self._row(triple))


@dataclass(frozen=True)
class ClaimEncoder:
    """A document's relations as a :class:`ClaimRecord` (the claims of
    :func:`kg.rdf.build_graph`, line for line). Picklable, for workers."""

    def __call__(self, doc: Document, rels: list[Relation]) -> ClaimRecord:
        from .rdf.mapping import add_document, claim_lines

        sink = NTriplesLines()
        lines = sink.lines
        actors: list[tuple[str, str | None]] = []
        seen_docs: set[str] = set()
        negated = 0
        for rel in rels:
            lines += claim_lines(rel)  # add_claim's lines, without making its rdflib terms
            actors += [(rel.subject, rel.subject_label), (rel.object, rel.object_label)]
            if rel.attributed_to:
                actors.append((rel.attributed_to, None))
            if rel.doc not in seen_docs:  # as build_graph does for a relation's document
                add_document(sink, Document(id=rel.doc, text=""))
                seen_docs.add(rel.doc)
            negated += rel.negated
        return ClaimRecord(sink.lines, actors, len(rels) - negated, negated)


def add_actor(graph, actor: str, gazetteer, label: str | None = None) -> None:
    """Add the triples that describe an actor (type, label, codes, Wikidata) to ``graph`` (an
    rdflib graph, a LineGraph or an :class:`NTriplesLines`), as :func:`kg.rdf.build_graph` does."""
    from .rdf.mapping import add_actor as add

    add(graph, actor, gazetteer, label)


def add_document(graph, doc: Document) -> None:
    """Add the triples of a document node (identifier, title, date, source) to ``graph``."""
    from .rdf.mapping import add_document as add

    add(graph, doc)


@dataclass
class GraphLines:
    """The graph of many :class:`ClaimRecord`, gathered in input order into a
    :class:`~kg.rdf.LineGraph`: the same lines :func:`kg.rdf.build_graph` adds for the same
    relations (an actor gets the first label the text gave it, when the gazetteer has none)."""

    graph: object  # a kg.rdf.LineGraph
    labels: dict[str, str | None] = field(default_factory=dict)
    asserted: int = 0
    negated: int = 0

    def add(self, record: ClaimRecord) -> None:
        self.graph.add_lines(record.lines)
        for actor, label in record.actors:
            self.labels.setdefault(actor, label)
        self.asserted += record.asserted
        self.negated += record.negated

    def finish(self, documents: Iterable[Document], gazetteer) -> object:
        """Add the documents and the actors; the graph."""
        from .rdf import build_graph

        for actor, label in self.labels.items():
            add_actor(self.graph, actor, gazetteer, label)
        return build_graph([], documents, gazetteer, graph=self.graph)
