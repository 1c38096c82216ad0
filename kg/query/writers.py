"""The writers of query results: SELECT results as ``table`` (aligned, prefixed names), ``csv``,
``tsv``, ``json`` and ``xml`` (W3C SPARQL 1.1 Query Results formats); ASK results as
``true``/``false`` (or the W3C ``json``/``xml`` boolean documents); CONSTRUCT and DESCRIBE results
as RDF: ``ttl``, ``nt``, ``jsonld`` or ``xml``. One registry by name (:data:`RESULT_FORMATS`,
:data:`GRAPH_FORMATS`), and by file suffix (:func:`result_format`).

>>> import io, pyoxigraph as ox
>>> from kg.query.results import QueryResult
>>> r = QueryResult("select", ("who", "n"), [(ox.NamedNode(PREFIXES["actor"] + "PRK"), ox.Literal("3", datatype=ox.NamedNode(XSD + "integer")))])
>>> out = io.BytesIO(); write_result(r, "table", out); print(out.getvalue().decode(), end="")
who        n
---------  -
actor:PRK  3
(1 row)
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Callable

from .base import PREFIXES, XSD, ParamError

__all__ = ["RESULT_FORMATS", "GRAPH_FORMATS", "FORMATS", "ResultFormat", "result_format", "write_result",
           "write_csv", "write_tsv", "write_json", "write_xml", "write_table", "short_name"]

_SRX = "http://www.w3.org/2005/sparql-results#"
_NUMERIC = {XSD + t: re for t, re in (("integer", r"[+-]?\d+"), ("decimal", r"[+-]?\d*\.\d+"),
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
    if dt == XSD + "string":
        return _nt_string(term.value)
    if dt in _NUMERIC and re.fullmatch(_NUMERIC[dt], term.value):
        return term.value
    if dt == XSD + "boolean" and term.value in ("true", "false"):
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
    elif term.datatype.value != XSD + "string":
        value["datatype"] = term.datatype.value
    return value


def write_json(result, out) -> None:
    """W3C SPARQL 1.1 Query Results JSON (a boolean document for ASK)."""
    import json

    from ..text import json_terminal_safe

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

    from ..text import printable

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
            elif t.datatype.value != XSD + "string":
                value = f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
            else:
                value = f"<literal>{escape(t.value)}</literal>"
            out.write(f"      <binding name={quoteattr(v)}>{value}</binding>\n")
        out.write("    </result>\n")
    out.write("  </results>\n</sparql>\n")


def short_name(term, max_width: int = 60) -> str:
    """A term as a table shows it: a prefixed name when a kg prefix fits, a literal's text.

    >>> import pyoxigraph as ox
    >>> short_name(ox.NamedNode("https://w3id.org/kgstates/actor/PRK")), short_name(ox.Literal("a\\nb"))
    ('actor:PRK', 'a b')
    """
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
    from ..text import printable

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


@dataclass(frozen=True)
class ResultFormat:
    """A format a query result can be written in: ``name`` (``--format``), the file suffixes that
    name it, its writer of SELECT and ASK results (``write(result, text_stream)``) and the
    pyoxigraph ``RdfFormat`` it writes CONSTRUCT and DESCRIBE results in (``rdf``); one or both."""

    name: str
    suffixes: tuple[str, ...]
    write: Callable | None = None
    rdf: str | None = None


#: every result format, by name (by suffix: :func:`result_format`)
FORMATS: dict[str, ResultFormat] = {f.name: f for f in (
    ResultFormat("table", (".txt",), write=write_table),
    ResultFormat("csv", (".csv",), write=write_csv),
    ResultFormat("tsv", (".tsv",), write=write_tsv),
    ResultFormat("json", (".srj", ".json"), write=write_json),
    ResultFormat("ttl", (".ttl",), rdf="TURTLE"),
    ResultFormat("nt", (".nt",), rdf="N_TRIPLES"),
    ResultFormat("jsonld", (".jsonld",), rdf="JSON_LD"),
    ResultFormat("xml", (".srx", ".xml", ".rdf"), write=write_xml, rdf="RDF_XML"),  # SPARQL XML results or RDF/XML
)}
#: the formats of SELECT (and ASK) results, name -> writer
RESULT_FORMATS: dict[str, Callable] = {f.name: f.write for f in FORMATS.values() if f.write}
#: the formats of CONSTRUCT and DESCRIBE results, name -> pyoxigraph RdfFormat attribute
GRAPH_FORMATS: dict[str, str] = {f.name: f.rdf for f in FORMATS.values() if f.rdf}


def result_format(name_or_path: str) -> ResultFormat:
    """The format that ``name_or_path`` names: a format name, or a file whose suffix names one.

    >>> [result_format(n).name for n in ("answers.csv", "JSON", "graph.rdf", "r.srx")]
    ['csv', 'json', 'xml', 'xml']
    >>> result_format("answers.docx")
    Traceback (most recent call last):
    ...
    kg.query.base.ParamError: answers.docx: no result format has the suffix '.docx'; use one of .txt, .csv, .tsv, .srj, .json, .ttl, .nt, .jsonld, .srx, .xml, .rdf
    """
    name = name_or_path.lower()
    if name in FORMATS:
        return FORMATS[name]
    suffix = PurePath(name).suffix
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    known = [s for f in FORMATS.values() for s in f.suffixes]
    raise ParamError(f"{name_or_path}: no result format has the suffix {suffix or '(none)'!r}; "
                     f"use one of {', '.join(known)}")


def write_result(result, fmt: str, out) -> None:
    """Write a QueryResult to the binary stream ``out`` in format ``fmt``: a key of
    :data:`RESULT_FORMATS` for SELECT and ASK results, of :data:`GRAPH_FORMATS` for CONSTRUCT and
    DESCRIBE (see :func:`result_format` for a file suffix).

    Examples
    --------
    >>> import io, pyoxigraph as ox
    >>> from kg.query.results import QueryResult
    >>> r = QueryResult("select", ("who",), [(ox.NamedNode(PREFIXES["actor"] + "PRK"),), (None,)])
    >>> out = io.BytesIO(); write_result(r, "tsv", out); print(out.getvalue().decode(), end="")
    ?who
    <https://w3id.org/kgstates/actor/PRK>
    <BLANKLINE>
    >>> out = io.BytesIO(); write_result(QueryResult("ask", boolean=True), "json", out); print(out.getvalue().decode())
    {"head": {}, "boolean": true}
    <BLANKLINE>
    """
    if result.kind == "graph":
        import pyoxigraph

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
