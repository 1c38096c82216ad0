"""``kg build --append``: merge the graph already at OUTPUT into the graph being built.

A document read again replaces what the graph said about it. Two passes over the old graph:

1. :func:`plan_drops` reads the claims (``kg:Claim`` nodes, which kg writes grouped by node) and
   finds those derived from the rebuilt documents, the direct triples that only they supported
   (both directions of a symmetric predicate), and the actors that only they named;
2. the old triples are merged into the new graph except those claims, those direct triples and
   actors, and the old title, date and source (:data:`kg.rdf.DOCUMENT_METADATA`) of the rebuilt
   documents; the new build adds what the documents say now.

So appending a changed document gives the graph a fresh build of the final inputs gives: one
``kg:confidence`` a claim, no direct triple that no claim supports any more.

For N-Triples, N-Quads and Turtle both passes stream the old file through Oxigraph's parser; the
second feeds the :class:`~kg.rdf.LineGraph` of the build, each triple written as the N-Triples
line rdflib would write, so it merges with the new lines (duplicates dropped) and spills to sorted
runs like them: appending one small file to a graph of millions of triples takes time in
proportion to the graph and memory in proportion to the rebuilt documents and the distinct direct
triples, with no rdflib graph of the old file. Other formats (TriG, JSON-LD, RDF/XML) are read with
rdflib into the in-memory graph of the build.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import GraphError
from .namespaces import ACTOR as _ACTOR, DCTERMS, KG as _KG, OWL, PROV, RDF as _RDF, RDFS, XSD

_XSD_STRING = XSD + "string"
_LANG_STRING = _RDF + "langString"
_TYPE, _SUBJECT, _PREDICATE, _OBJECT = _RDF + "type", _RDF + "subject", _RDF + "predicate", _RDF + "object"
_CLAIM_TYPE, _NEGATED, _ATTRIBUTED = _KG + "Claim", _KG + "negated", _KG + "attributedTo"
_DERIVED = PROV + "wasDerivedFrom"
#: the claim properties the plan reads
_CLAIM_FIELDS = frozenset({_TYPE, _SUBJECT, _PREDICATE, _OBJECT, _NEGATED, _ATTRIBUTED, _DERIVED})
_REQUIRED = (_SUBJECT, _PREDICATE, _OBJECT, _NEGATED, _DERIVED)
#: the triples that describe an actor (kg.rdf.add_actor): dropped with an actor no claim names
_ACTOR_FIELDS = frozenset({_TYPE, RDFS + "label", _KG + "iso3", _KG + "iso2", OWL + "sameAs"})

#: kg.rdf.DOCUMENT_METADATA (not imported: rdflib stays out of this module until it is needed)
_METADATA = frozenset({DCTERMS + "title", DCTERMS + "date", DCTERMS + "source"})

#: (subject, predicate, object) as plain strings: IRIs and blank node ids by value, literals by lexical form
Triple = tuple[str, str, str]


def _ox_term(term, quote, ox) -> str:
    """A pyoxigraph term as rdflib's N-Triples serializer writes the same term (``_nt_row``)."""
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        text = quote(term.value)
        if term.language:
            return f"{text}@{term.language}"
        datatype = term.datatype.value
        return text if datatype in (_XSD_STRING, _LANG_STRING) else f"{text}^^<{datatype}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)  # (an RDF-star triple term: not in kg graphs)


def _parsed(path: str | Path) -> Iterator:
    """The quads of the N-Triples, N-Quads or Turtle file ``path``, streamed by Oxigraph;
    GraphError (file, line, column) on a syntax error or an unreadable file."""
    import pyoxigraph as ox

    from .rdferrors import oxigraph_syntax_error
    from .store import ox_format

    p = Path(path)
    try:
        yield from ox.parse(path=str(p), format=ox_format(p))
    except SyntaxError as exc:
        raise oxigraph_syntax_error(p, exc) from None
    except (OSError, ValueError) as exc:
        raise GraphError(f"{p}: cannot read graph ({' '.join(str(exc).split())[:200]})") from None


def _value(term) -> str:
    return str(getattr(term, "value", term))


def ntriples_lines(path: str | Path, skip: Callable[[str, str, str], bool] = lambda s, p, o: False) -> Iterable[str]:
    """The triples of the N-Triples, N-Quads or Turtle file ``path`` as rdflib's N-Triples lines
    (named graphs merged), streamed; ``skip(subject, predicate, object)`` (plain strings, see
    :data:`Triple`) drops triples. GraphError (file, line, column) on a syntax error."""
    import pyoxigraph as ox
    from rdflib.plugins.serializers.nt import _quote_encode

    for quad in _parsed(path):
        s, predicate, o = quad.subject, quad.predicate.value, quad.object
        if skip(s.value, predicate, _value(o)):
            continue
        yield f"{_ox_term(s, _quote_encode, ox)} <{predicate}> {_ox_term(o, _quote_encode, ox)} .\n"


def _claims(triples: Iterable[Triple]) -> Iterator[dict[str, str]]:
    """The claim nodes of ``triples`` with the fields the plan reads (``"node"`` and the property
    IRIs). A claim is given out when the triples move on to another subject with its required
    fields seen, so a graph whose claims come grouped (every graph kg writes) needs memory for
    one claim; in another order, incomplete claims wait for their other triples."""
    pending: dict[str, dict[str, str]] = {}
    previous = None
    for s, p, o in triples:
        if s != previous:
            record = pending.get(previous)
            if record is not None and all(f in record for f in _REQUIRED):
                del pending[previous]
                if record.get(_TYPE) == _CLAIM_TYPE:
                    yield record
            previous = s
        if p in _CLAIM_FIELDS and (p != _TYPE or o == _CLAIM_TYPE):
            pending.setdefault(s, {"node": s})[p] = o
    for record in pending.values():
        if record.get(_TYPE) == _CLAIM_TYPE:
            yield record


def _true(value: str | None) -> bool:
    return value is not None and value.strip().lower() in ("true", "1")


@dataclass
class DropPlan:
    """What of an old graph a rebuild of some of its documents replaces (see :func:`plan_drops`)."""

    documents: frozenset[str]
    claims: set[str] = field(default_factory=set)
    direct: set[Triple] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)

    def __call__(self, s: str, p: str, o: str) -> bool:
        """Whether the old triple ``(s, p, o)`` is dropped."""
        if s in self.claims:
            return True
        if s in self.documents:
            return p in _METADATA
        if s in self.actors and p in _ACTOR_FIELDS:
            return True
        return (s, p, o) in self.direct


def plan_drops(triples: Iterable[Triple], rebuilt_documents: Iterable) -> DropPlan:
    """One pass over an old graph's ``triples``: the claims derived from ``rebuilt_documents``
    (document IRIs), the direct triples no other claim supports, the actors no other claim names.

    A claim found without its document (a graph in an unusual order) counts as kept: the plan
    never drops more than the rebuilt documents said.
    """
    from .predicates import SYMMETRIC_PREDICATES

    plan = DropPlan(frozenset(str(d) for d in rebuilt_documents))
    support: Counter[Triple] = Counter()  # direct triple -> claims that state it ...
    dropped_support: Counter[Triple] = Counter()  # ... and those of them that go
    named: set[str] = set()  # actors a kept claim names
    dropped_named: set[str] = set()
    if not plan.documents:
        return plan
    for claim in _claims(triples):
        gone = claim.get(_DERIVED) in plan.documents
        if gone:
            plan.claims.add(claim["node"])
        actors = {claim.get(_SUBJECT), claim.get(_OBJECT), claim.get(_ATTRIBUTED)} - {None}
        (dropped_named if gone else named).update(actors)
        s, p, o = claim.get(_SUBJECT), claim.get(_PREDICATE), claim.get(_OBJECT)
        if s is None or p is None or o is None or _true(claim.get(_NEGATED)):
            continue
        keys = [(s, p, o)]
        if p.startswith(_KG) and p[len(_KG):] in SYMMETRIC_PREDICATES:
            keys.append((o, p, s))
        for key in keys:
            support[key] += 1
            if gone:
                dropped_support[key] += 1
    plan.direct = {key for key, n in dropped_support.items() if n == support[key]}
    plan.actors = {a for a in dropped_named - named if a.startswith(_ACTOR)}
    return plan


def _rdflib_triples(graph) -> Iterator[Triple]:
    """An rdflib graph's triples as plain strings, each claim's together."""
    from rdflib import RDF, URIRef

    claims = set(graph.subjects(RDF.type, URIRef(_CLAIM_TYPE)))
    for node in sorted(claims):
        for p, o in graph.predicate_objects(node):
            yield str(node), str(p), str(o)


def merge_existing(graph, path: str | Path, rebuilt_documents: Iterable) -> DropPlan:
    """Add the triples of the graph file ``path`` to ``graph`` (a LineGraph or an rdflib graph),
    except what the new reading of ``rebuilt_documents`` (document IRIs) replaces; returns the
    plan of what was left out."""
    from .rdf import LineGraph, read_graph

    rebuilt = list(rebuilt_documents)
    if isinstance(graph, LineGraph):
        plan = plan_drops(((q.subject.value, q.predicate.value, _value(q.object)) for q in _parsed(path)), rebuilt)
        graph.add_lines(ntriples_lines(path, plan))
        return plan
    old = read_graph(path)
    plan = plan_drops(_rdflib_triples(old), rebuilt)
    for s, p, o in old:
        if not plan(str(s), str(p), str(o)):
            graph.add((s, p, o))
    return plan


def drop_from_store(directory: str | Path, rebuilt_documents: Iterable) -> int:
    """Remove from the Oxigraph store at ``directory`` what a new reading of
    ``rebuilt_documents`` (document IRIs) replaces (:func:`plan_drops`, over the store's quads,
    in every graph), before ``kg build --append --store`` adds the new graph; the number of quads
    removed. Nothing happens to a store that is not there yet."""
    from .store import is_store, open_store

    rebuilt = [str(d) for d in rebuilt_documents]
    if not rebuilt or not is_store(directory):
        return 0
    with open_store(directory, write=True) as store:
        quads = lambda: store.quads_for_pattern(None, None, None, None)  # noqa: E731 - read twice
        plan = plan_drops(((q.subject.value, q.predicate.value, _value(q.object)) for q in quads()), rebuilt)
        doomed = [q for q in quads() if plan(q.subject.value, q.predicate.value, _value(q.object))]
        for quad in doomed:
            store.remove(quad)
        store.flush()
    return len(doomed)


__all__ = ["DropPlan", "drop_from_store", "merge_existing", "ntriples_lines", "plan_drops"]
