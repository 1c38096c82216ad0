"""Graph filters shared by ``kg draw``, ``kg export`` and ``kg analyze``.

A :class:`GraphFilter` says which relations of the NetworkX view (:func:`kg.network.load_network`)
to keep; :func:`apply_filter` returns the filtered copy. The command-line side (the click options
and their reading into a filter) is :mod:`kg.cli_filters`.

What each part of a filter does, in the order applied:

1. ``relations``: keep only these predicates.
2. ``exclude_hedged``, ``since``, ``until``: act on each edge's *evidence* (one entry per claim).
   Hedged entries go; a time window keeps the entries whose time overlaps it. An entry's time is its
   claim's resolved time, or failing that its document's date (``document_dates``). An entry with
   no time at all fails any window. The edge's ``weight``, ``hedged``, ``first_time`` and
   ``last_time`` are recomputed from what is left, and an edge left without evidence is dropped.
3. ``min_evidence`` (on the recomputed weight) and ``min_confidence`` (on the edge's confidence,
   the highest of its claims).
4. ``focus`` and ``depth``: the actors within ``depth`` steps of the focus (edges in either
   direction), with every remaining edge between them.

When a filter is active, actors left without any relation are dropped (the focus actor stays).
Dates are ISO dates or prefixes of one: ``2024``, ``2024-05``, ``2024-05-17``; a prefix stands for
the whole period (``--until 2024`` includes 31 December 2024).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import GraphError

__all__ = ["GraphFilter", "apply_filter", "document_dates", "period"]

_DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")


def period(value: str) -> tuple[str, str]:
    """The first and last day (ISO strings) of the period an ISO date or prefix names.

    >>> period("2024")
    ('2024-01-01', '2024-12-31')
    >>> period("2024-05")
    ('2024-05-01', '2024-05-31')
    >>> period("2024-05-17")
    ('2024-05-17', '2024-05-17')
    """
    m = _DATE.match(value.strip()) if isinstance(value, str) else None
    if m is None:
        raise ValueError(f"not an ISO date or prefix (2024, 2024-05, 2024-05-17): {value!r}")
    year, month, day = m.groups()
    if day:
        import datetime

        try:
            datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(f"no such day: {value!r}") from None
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}-01", f"{year}-{month}-31"  # compared as strings: -31 bounds every month
    return f"{year}-01-01", f"{year}-12-31"


def _evidence_period(time) -> tuple[str, str] | None:
    """The period of an evidence time (``2024``, ``2024-05``, ``2024-05-17``, a datetime), or None."""
    if not time:
        return None
    try:
        return period(str(time)[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class GraphFilter:
    """Which relations of a kg network to keep. The defaults keep everything.

    Parameters
    ----------
    relations : frozenset of str, optional
        Predicate names to keep (``"supplies"``, ...); None keeps all.
    focus : str, optional
        An actor id: keep its neighbourhood only.
    depth : int
        Steps from ``focus`` (1: its partners; 2: also theirs).
    min_evidence : int
        Keep relations with at least this many pieces of evidence.
    min_confidence : float
        Keep relations whose best claim has at least this confidence.
    exclude_hedged : bool
        Drop hedged evidence ("reportedly", "may").
    since, until : str, optional
        ISO dates or prefixes; keep evidence from / up to that period.

    Examples
    --------
    >>> GraphFilter().active
    False
    >>> GraphFilter(relations=frozenset({"supplies"}), since="2024").active
    True
    """

    relations: frozenset | None = None
    focus: str | None = None
    depth: int = 1
    min_evidence: int = 1
    min_confidence: float = 0.0
    exclude_hedged: bool = False
    since: str | None = None
    until: str | None = None
    _window: tuple = field(init=False, repr=False, compare=False, default=(None, None))

    def __post_init__(self) -> None:
        from .predicates import RELATION_PREDICATES

        if self.relations is not None:
            rels = frozenset(self.relations)
            unknown = sorted(rels - set(RELATION_PREDICATES))
            if unknown:
                raise ValueError(f"unknown relation(s): {', '.join(unknown)}")
            object.__setattr__(self, "relations", rels)
        if self.depth < 0:
            raise ValueError(f"depth must be 0 or more, not {self.depth}")
        if self.min_evidence < 0:
            raise ValueError(f"min_evidence must be 0 or more, not {self.min_evidence}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be in [0, 1], not {self.min_confidence}")
        lo = period(self.since)[0] if self.since else None
        hi = period(self.until)[1] if self.until else None
        if lo and hi and lo > hi:
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        object.__setattr__(self, "_window", (lo, hi))

    @property
    def active(self) -> bool:
        """Whether the filter can remove anything."""
        return (self.relations is not None or self.focus is not None or self.min_evidence > 1
                or self.min_confidence > 0 or self.exclude_hedged or self.since is not None
                or self.until is not None)

    def describe(self) -> str:
        """A short human-readable summary (for captions), '' when inactive.

        >>> GraphFilter(focus="PRK", depth=2, since="2024").describe()
        'focus PRK, depth 2; since 2024'
        """
        parts = []
        if self.relations is not None:
            parts.append("relations " + ", ".join(sorted(self.relations)))
        if self.focus is not None:
            parts.append(f"focus {self.focus}, depth {self.depth}")
        if self.min_evidence > 1:
            parts.append(f"evidence >= {self.min_evidence}")
        if self.min_confidence > 0:
            parts.append(f"confidence >= {self.min_confidence:g}")
        if self.exclude_hedged:
            parts.append("no hedged claims")
        if self.since:
            parts.append(f"since {self.since}")
        if self.until:
            parts.append(f"until {self.until}")
        return "; ".join(parts)

    def keeps_time(self, time) -> bool:
        """Whether evidence of this time (ISO value or None) falls in the since/until window."""
        lo, hi = self._window
        if lo is None and hi is None:
            return True
        span = _evidence_period(time)
        if span is None:
            return False
        return (lo is None or span[1] >= lo) and (hi is None or span[0] <= hi)


def document_dates(rdf_graph) -> dict[str, str]:
    """Document id (``dcterms:identifier``, as in evidence ``doc``) -> its ``dcterms:date``."""
    from rdflib.namespace import DCTERMS

    ids = {s: str(o) for s, o in rdf_graph.subject_objects(DCTERMS.identifier)}
    return {ids[s]: str(o) for s, o in sorted(rdf_graph.subject_objects(DCTERMS.date)) if s in ids}


def apply_filter(G, flt: GraphFilter | None, gazetteer=None, document_dates: dict | None = None):
    """A filtered copy of the kg network ``G`` (see the module docstring for the rules).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        From :func:`kg.network.load_network` or :func:`kg.network.from_relations`.
    flt : GraphFilter or None
        None (or an inactive filter) gives a plain copy.
    gazetteer : kg.gazetteer.Gazetteer, optional
        Only used to name the focus actor in error messages.
    document_dates : dict, optional
        Document id -> ISO date (:func:`document_dates`): the time of evidence without a claim time.

    Raises
    ------
    GraphError
        The focus actor is not in the graph.

    Examples
    --------
    >>> from kg.model import Relation
    >>> from kg.network import from_relations
    >>> G = from_relations([
    ...     Relation("d", "PRK", "supplies", "RUS", "N", "R", "A.", 0, 2, time_value="2023"),
    ...     Relation("d", "PRK", "supplies", "RUS", "N", "R", "B.", 3, 5, time_value="2024-05"),
    ...     Relation("d", "USA", "sanctions", "PRK", "U", "N", "C.", 6, 8)])
    >>> H = apply_filter(G, GraphFilter(since="2024"))
    >>> list(H.edges(keys=True, data="weight"))
    [('PRK', 'RUS', 'supplies', 1)]
    """
    import networkx as nx

    if flt is None or not flt.active:
        return G.copy()
    dates = document_dates or {}
    windowed = flt.since is not None or flt.until is not None
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    for u, v, key, data in G.edges(keys=True, data=True):
        if flt.relations is not None and data.get("predicate", key) not in flt.relations:
            continue
        data = dict(data)
        if windowed or flt.exclude_hedged:
            kept = []
            for ev in data.get("evidence") or ():
                if flt.exclude_hedged and ev.get("hedged"):
                    continue
                if windowed and not flt.keeps_time(ev.get("time") or dates.get(ev.get("doc"))):
                    continue
                kept.append(ev)
            if not kept:
                continue
            times = sorted(ev["time"] for ev in kept if ev.get("time"))
            data.update(evidence=kept, weight=len(kept), hedged=all(ev.get("hedged") for ev in kept),
                        first_time=times[0] if times else None, last_time=times[-1] if times else None)
        if data.get("weight", 1) < flt.min_evidence:
            continue
        if flt.min_confidence > 0 and (data.get("confidence") or 0.0) < flt.min_confidence:
            continue
        H.add_edge(u, v, key=key, **data)
    if flt.focus is not None:
        if flt.focus not in G:
            name = gazetteer.label(flt.focus) if gazetteer is not None else flt.focus
            hint = f" ({name})" if name != flt.focus else ""
            raise GraphError(f"actor {flt.focus}{hint} is not in the graph")
        near = nx.single_source_shortest_path_length(H.to_undirected(as_view=True), flt.focus,
                                                     cutoff=flt.depth)
        # (not H.subgraph(near): a small subgraph view iterates its node set, in hash order)
        S = nx.MultiDiGraph()
        S.graph.update(H.graph)
        S.add_nodes_from((n, d) for n, d in H.nodes(data=True) if n in near)
        S.add_edges_from((u, v, k, d) for u, v, k, d in H.edges(keys=True, data=True) if u in near and v in near)
        H = S
    H.remove_nodes_from([n for n in list(H.nodes) if H.degree(n) == 0 and n != flt.focus])
    return H
