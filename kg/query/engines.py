"""The engines that answer queries: Oxigraph (pyoxigraph) for files, stores and pyoxigraph Stores,
rdflib for rdflib Graphs or on request; :func:`run_query` and :func:`run_update` choose one, check
the query and run it under the timeout of :mod:`kg.query.runner`.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Mapping

from ..errors import GraphError
from .base import PREFIXES, ParamError, QueryError, UnsafeQueryError, syntax_error
from .catalogue import SavedQuery
from .params import bind_params
from .results import MAX_ROWS, QueryResult, bounded, from_rdflib, to_rdflib
from .runner import call_with_timeout
from .safety import check_graphs, check_query

log = logging.getLogger(__name__)

__all__ = ["run_query", "run_update", "execute_query", "execute_update"]


def _query_oxigraph(store, text: str, bindings: dict, graphs: list[str], max_rows: int | None = None) -> QueryResult:
    import pyoxigraph as ox

    named = {g.value for g in store.named_graphs()}
    check_graphs(graphs, named)
    subs = {ox.Variable(k): v for k, v in bindings.items()} or None
    try:
        answer = store.query(text, prefixes=PREFIXES, substitutions=subs, use_default_graph_as_union=bool(named))
        if isinstance(answer, ox.QuerySolutions):
            names = tuple(v.value for v in answer.variables)
            return QueryResult("select", names, bounded((tuple(sol) for sol in answer), max_rows))
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        return QueryResult("graph", triples=bounded(answer, max_rows))
    except SyntaxError as exc:
        raise syntax_error(exc, "oxigraph") from None
    except (OSError, RuntimeError, ValueError) as exc:
        msg = " ".join(str(exc).split())
        if "in its SELECT projection" in msg and (m := re.search(r"\?(\w+)", msg)):
            raise ParamError(f"--param {m.group(1)}: the query must select ?{m.group(1)} to bind it "
                             f"(SELECT ?{m.group(1)} ... or SELECT *)") from None
        raise QueryError(f"query failed: {msg[:300]}") from None


def _query_rdflib(graph, text: str, bindings: dict, graphs: list[str], max_rows: int | None = None) -> QueryResult:
    if graphs:
        raise UnsafeQueryError(f"FROM <{graphs[0]}> refused: the rdflib engine would fetch it; "
                               "use the oxigraph engine on a store")
    try:
        res = graph.query(text, initNs=PREFIXES, initBindings={k: to_rdflib(v) for k, v in bindings.items()})
    except Exception as exc:  # noqa: BLE001 - pyparsing and rdflib raise many types
        if type(exc).__name__.startswith("Parse"):
            raise syntax_error(exc, "rdflib") from None
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:300]}") from None
    if res.type == "SELECT":
        names = tuple(str(v) for v in res.vars)
        return QueryResult("select", names, bounded((tuple(from_rdflib(t) for t in row) for row in res), max_rows))
    if res.type == "ASK":
        return QueryResult("ask", boolean=bool(res.askAnswer))
    import pyoxigraph as ox

    return QueryResult("graph", triples=bounded((ox.Triple(*(from_rdflib(t) for t in triple)) for triple in res),
                                                 max_rows))


def _engine_for(source, engine: str) -> str:
    kind = type(source).__module__.split(".")[0]
    if engine == "auto":
        return "rdflib" if kind == "rdflib" else "oxigraph"
    if engine not in ("oxigraph", "rdflib"):
        raise ParamError(f"unknown engine {engine!r}; use auto, oxigraph or rdflib")
    if engine == "rdflib" and kind == "pyoxigraph":
        raise ParamError("the rdflib engine cannot query a pyoxigraph Store")
    if engine == "oxigraph" and kind == "rdflib":
        raise ParamError("the oxigraph engine cannot query an rdflib Graph; pass a file or store")
    return engine


def _source_path(source) -> Path | None:
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            raise GraphError(f"{path}: graph or store not found")
        return path
    return None


def run_query(source, query: str, *, params: Mapping[str, object] | None = None, saved: SavedQuery | None = None,
              engine: str = "auto", timeout: float | None = None, gazetteer=None, max_rows: int | None = MAX_ROWS,
              max_memory: int | None = None) -> QueryResult:
    """Run a SPARQL query on a graph file, a store directory, an rdflib Graph or a pyoxigraph Store.

    Parameters
    ----------
    source : str, Path, rdflib.Graph or pyoxigraph.Store
        An RDF file in any format kg writes (format from the suffix), a store directory, or a graph.
    query : str
        SELECT, ASK, CONSTRUCT or DESCRIBE; the prefixes of :data:`PREFIXES` are declared.
    params : mapping, optional
        Variables to bind, as strings (see :func:`bind_params`) or terms.
    saved : SavedQuery, optional
        The saved query ``query`` comes from: its header gives the parameters' kinds.
    engine : {"auto", "oxigraph", "rdflib"}
        auto: oxigraph for files, stores and pyoxigraph Stores (it parses and answers faster at every
        size measured), rdflib for rdflib Graphs.
    timeout : float, optional
        Seconds; QueryTimeout when the query runs longer.
    gazetteer : kg.gazetteer.Gazetteer, optional
        Resolves actor parameters (the bundled one by default).
    max_rows : int, optional
        QueryError as soon as the query gives more rows (or triples); None: no bound.
    max_memory : int, optional
        Bytes the query process may allocate (with ``timeout``, where it runs in a child process).

    Returns
    -------
    QueryResult

    Examples
    --------
    >>> result = run_query("tests/fixtures/entente-1914.ttl", "SELECT ?state ?ally { ?state kg:alliedWith ?ally }",
    ...                    params={"state": "France"}, timeout=30)
    >>> sorted(r["ally"].rsplit("/", 1)[1] for r in result.records())
    ['GBR', 'RUS']
    """
    path = _source_path(source)
    engine = _engine_for(source, engine)
    graphs = check_query(query)
    bindings = bind_params(params or {}, query=query, saved=saved, gazetteer=gazetteer)

    if graphs and path is not None and path.is_file():  # kg merges a file's graphs into the default graph
        check_graphs(graphs, set())
    source_or_path = path if path is not None else source
    log.info("query on %s with the %s engine%s", path or type(source).__name__, engine,
             f" (timeout {timeout:g} s)" if timeout else "")
    log.debug("bindings: %s", bindings)
    spawn = (__name__, "execute_query", path, query, bindings, graphs, engine, max_rows) if path else None
    result = call_with_timeout(lambda: execute_query(source_or_path, query, bindings, graphs, engine, max_rows),
                               timeout, spawn_args=spawn, max_memory=max_memory)
    log.info("answer: %s", bool(result) if result.kind == "ask" else
             f"{len(result)} {'rows' if result.kind == 'select' else 'triples'}")
    return result


def execute_query(source, query: str, bindings: dict, graphs: list[str], engine: str,
                  max_rows: int | None = None) -> QueryResult:
    """Run a checked query with its bound terms on ``engine`` (in this process: the runner's work)."""
    path = source if isinstance(source, Path) else None
    if engine == "rdflib":
        if path is not None:
            if path.is_dir():
                raise ParamError(f"{path}: the rdflib engine reads graph files, not stores")
            from ..sources import open_graph

            source = open_graph(path)  # refuses remote JSON-LD contexts and XML entities before parsing
        return _query_rdflib(source, query, bindings, graphs, max_rows)
    if path is None:
        return _query_oxigraph(source, query, bindings, graphs, max_rows)
    from ..sources import open_oxigraph

    with open_oxigraph(path) as store:  # a store directory read-only, or a file in an in-memory store
        return _query_oxigraph(store, query, bindings, graphs, max_rows)


def run_update(store_dir: str | Path, update: str, *, timeout: float | None = None) -> None:
    """Run a SPARQL Update on the store at ``store_dir`` (taking its write lock), atomically.

    LOAD, SERVICE and USING graphs that are not in the store are refused before anything runs.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from kg.store import load_files
    >>> store = pathlib.Path(tempfile.mkdtemp()) / "store"
    >>> _ = load_files(store, ["tests/fixtures/entente-1914.ttl"])
    >>> run_update(store, "INSERT DATA { actor:ITA kg:alliedWith actor:FRA }")
    >>> run_query(store, "ASK { actor:ITA kg:alliedWith actor:FRA }").boolean
    True
    """
    from ..store import is_store

    path = Path(store_dir)
    if not is_store(path):
        raise GraphError(f"{path}: not a store; SPARQL Update runs only against a store directory")
    graphs = check_query(update, update=True)

    call_with_timeout(lambda: execute_update(path, update, graphs), timeout,
                      spawn_args=(__name__, "execute_update", path, update, graphs))


def execute_update(path: Path, update: str, graphs: list[str]) -> None:
    """Run a checked update on the store at ``path`` under its write lock (the runner's work)."""
    from ..store import open_store

    with open_store(path, write=True) as store:
        check_graphs(graphs, {g.value for g in store.named_graphs()})
        try:
            store.update(update, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise syntax_error(exc, "oxigraph") from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"update failed: {' '.join(str(exc).split())[:300]}") from None
