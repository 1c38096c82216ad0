"""RDF parse errors as one line naming the file: shared by the RDF layer (:mod:`kg.rdf`, rdflib)
and the store layer (:mod:`kg.store`, :mod:`kg.sources`, pyoxigraph).

* :func:`oxigraph_syntax_error`: a pyoxigraph ``SyntaxError`` -> ``FILE: line N, column M: message``;
* :func:`parse_error`: any rdflib parser failure -> the same form, with the position when it can
  be found (notation3's character index, JSON's and SAX's positions, or the first bad line of a
  line-based file);
* :func:`unreadable`: a file that cannot be read at all (not UTF-8, a directory, no permission).

rdflib and pyoxigraph are imported inside the functions.
"""

from __future__ import annotations

import contextlib
import json
import re
import warnings
from pathlib import Path
from typing import Iterator

from .errors import GraphError

__all__ = ["OxigraphSyntaxError", "oxigraph_syntax_error", "parse_error", "unreadable", "bad_syntax_position",
           "quiet_rdflib"]


class OxigraphSyntaxError(GraphError):
    """pyoxigraph could not parse a file (the message has its line and column)."""


def oxigraph_syntax_error(path, exc: SyntaxError) -> OxigraphSyntaxError:
    """One line from a pyoxigraph SyntaxError: ``FILE: line N, column M: message``."""
    msg = " ".join(str(exc).split())
    m = re.match(r"Parser error [^:]*: (.*?)(?: \([^()]*line \d+\))?$", msg)
    if m:  # "Parser error at line 2 column 23: ...", "... between columns 13 and 17: ...", ...
        msg = m.group(1)
    if exc.lineno and exc.offset:
        msg = f"line {exc.lineno}, column {exc.offset}: {msg}"
    elif exc.lineno:
        msg = f"line {exc.lineno}: {msg}"
    if len(msg) > 240:
        msg = msg[:237] + "..."
    return OxigraphSyntaxError(f"{path}: {msg}")


@contextlib.contextmanager
def quiet_rdflib() -> Iterator[None]:
    """Silence rdflib's own deprecation warnings (its N-Quads, TriG and JSON-LD plugins use
    ConjunctiveGraph and Dataset.contexts internally) and its "does not look like a valid URI"
    log lines (kg says it in one line); they are not ours to fix."""
    import logging

    term_log = logging.getLogger("rdflib.term")
    level = term_log.level
    term_log.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib(\.|$)")
            yield
    finally:
        term_log.setLevel(level)


def bad_syntax_position(exc) -> tuple[int, int] | None:
    """Line and column (1-based) of a notation3 BadSyntax: from the document and the character
    index it carries (its own ``lines`` count is not the line of the error)."""
    data, i = getattr(exc, "_str", None), getattr(exc, "_i", None)
    if not isinstance(i, int) or data is None:
        return None
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
    i = max(0, min(i, len(text)))
    return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1


def _first_bad_line(path: Path, fmt) -> tuple[int, str] | None:
    """Line-based formats: parse line by line to find the first bad line."""
    from rdflib import Dataset, Graph

    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            (Dataset() if fmt.quads else Graph()).parse(data=line, format=fmt.name)
        except Exception as exc:  # noqa: BLE001 - any parser failure marks the line
            return n, " ".join(str(exc).split())
    return None


def _oxigraph_error(path: Path, fmt) -> GraphError | None:
    """The first error Oxigraph finds in a line-based file, with its line and column (rdflib's
    N-Triples parser gives no column), or None."""
    try:
        import pyoxigraph as ox

        for _ in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS if fmt.quads else ox.RdfFormat.N_TRIPLES):
            pass
    except SyntaxError as exc:
        return oxigraph_syntax_error(path, exc) if exc.lineno else None
    except Exception:  # noqa: BLE001 - no pyoxigraph, or it cannot read the file: rdflib's answer stands
        return None
    return None


def parse_error(path: Path, fmt, exc: Exception) -> GraphError:
    """One line for an rdflib parser's failure on ``path`` (in the :class:`kg.formats.RdfFormat` ``fmt``)."""
    line: int | None = None
    column: int | None = None
    msg = " ".join(str(exc).split())
    why = getattr(exc, "_why", None)
    if why is not None and hasattr(exc, "lines"):  # notation3 BadSyntax (Turtle, TriG)
        position = bad_syntax_position(exc)
        line, column = position if position else (exc.lines + 1, None)
        msg = str(why)
    elif isinstance(exc, json.JSONDecodeError):
        line, column, msg = exc.lineno, exc.colno, exc.msg
    elif hasattr(exc, "getLineNumber"):  # xml.sax SAXParseException
        line, msg = exc.getLineNumber(), exc.getMessage()
        column = exc.getColumnNumber() + 1 if isinstance(exc.getColumnNumber(), int) else None
    elif fmt.name in ("nt", "nquads"):
        located = _oxigraph_error(path, fmt)
        if located is not None:
            return located
        try:
            with quiet_rdflib():
                found = _first_bad_line(path, fmt)
        except (OSError, UnicodeDecodeError):
            found = None
        if found:
            line, msg = found
    if len(msg) > 200:
        msg = msg[:197] + "..."
    if line and column:
        return GraphError(f"{path}: line {line}, column {column}: {msg}")
    if line:
        return GraphError(f"{path}: line {line}: {msg}")
    return GraphError(f"{path}: not valid {fmt.name}: {msg}")


def unreadable(path: Path, exc: Exception) -> GraphError:
    """One line for a graph file that cannot be read (not UTF-8, a directory, an OS error)."""
    from .fileio import not_utf8

    if isinstance(exc, UnicodeDecodeError):
        return GraphError(f"{path}: {not_utf8(exc)}")
    if isinstance(exc, IsADirectoryError):
        return GraphError(f"{path}: is a directory, not an RDF file")
    return GraphError(f"{path}: cannot read graph ({getattr(exc, 'strerror', None) or exc})")
