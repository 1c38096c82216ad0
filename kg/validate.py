"""Check a kg graph against the SHACL shapes of ``ontology/shapes.ttl``.

The shapes need no inference (actors are typed in the data graph itself), so validation runs
pyshacl with ``inference="none"`` and without mixing the ontology into the data.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from rdflib import BNode, Graph
from rdflib.namespace import RDF, SH
from rdflib.term import Node
from rdflib.util import guess_format

from kg.errors import GraphError
from kg.resources import ontology_path
from kg.vocab import bind_prefixes

__all__ = ["ValidationResult", "validate_graph", "load_shapes"]

_SHAPES_NS = "https://w3id.org/kgstates/shapes#"


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of a SHACL validation.

    ``violations`` holds one short line per result, ``"focus node: path: message"``, sorted;
    ``report_text`` is pyshacl's full text report.
    """

    conforms: bool
    violations: tuple[str, ...]
    report_text: str

    def __bool__(self) -> bool:
        return self.conforms


def load_shapes(source: Graph | str | PathLike[str] | None = None) -> Graph:
    """Return the shapes graph: kg's own shapes by default, else a graph or a file to parse."""
    if source is None:
        return _default_shapes()
    if isinstance(source, Graph):
        return source
    return _parse_shapes(Path(source))


@functools.lru_cache(maxsize=1)
def _default_shapes() -> Graph:
    return _parse_shapes(ontology_path("shapes.ttl"))


def _parse_shapes(path: Path) -> Graph:
    from kg.rdf import FORMATS
    from kg.rdfguard import refuse_unsafe

    graph = Graph()
    try:
        refuse_unsafe(path, FORMATS.get(path.suffix.lower(), FORMATS[".ttl"]))
        graph.parse(path, format=guess_format(str(path)) or "turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise GraphError(f"cannot read the shapes {path}: {exc}") from exc
    return graph


def validate_graph(
    data_graph: Graph, *, shapes: Graph | str | PathLike[str] | None = None
) -> ValidationResult:
    """Validate ``data_graph`` against kg's SHACL shapes (or ``shapes``, a graph or file).

    The data graph is not changed.

    >>> validate_graph(Graph()).conforms
    True
    """
    import pyshacl  # heavy import, only when validating

    shapes_graph = load_shapes(shapes)
    try:
        conforms, results_graph, report_text = pyshacl.validate(
            data_graph,
            shacl_graph=shapes_graph,
            inference="none",
            abort_on_first=False,
            allow_infos=True,
            allow_warnings=False,
        )
    except Exception as exc:  # pyshacl reports bad shapes with its own exception classes
        raise GraphError(f"SHACL validation failed to run: {exc}") from exc
    if not isinstance(results_graph, Graph):  # pyshacl returns a ValidationFailure for bad shapes
        raise GraphError(f"SHACL validation failed to run: {results_graph}")
    return ValidationResult(
        conforms=bool(conforms),
        violations=_violations(results_graph),
        report_text=str(report_text),
    )


def _violations(results: Graph) -> tuple[str, ...]:
    names = bind_prefixes(Graph())
    names.bind("kgsh", _SHAPES_NS)

    def short(node: Node | None) -> str:
        if node is None:
            return "-"
        inverse = results.value(node, SH.inversePath) if isinstance(node, BNode) else None
        if inverse is not None:  # the only complex path kg's shapes use
            return "^" + short(inverse)
        return node.n3(names.namespace_manager)

    def message(result: Node) -> str:
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        return messages[0] if messages else short(results.value(result, SH.sourceConstraintComponent))

    lines = set()
    for report in results.subjects(RDF.type, SH.ValidationReport):
        for result in results.objects(report, SH.result):
            focus = results.value(result, SH.focusNode)
            path = results.value(result, SH.resultPath)
            line = f"{short(focus)}: {short(path)}: {message(result)}"
            details = sorted({message(d) for d in results.objects(result, SH.detail)})
            if details:  # sh:node failures: say why the value failed the nested shape
                line += " (" + "; ".join(details) + ")"
            lines.add(line)
    return tuple(sorted(lines))
