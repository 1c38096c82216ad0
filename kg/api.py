"""The library API that ``import kg`` gives: build, query, draw and convert a graph in a few lines.

Each function imports what it needs when it is called, so ``import kg`` stays fast. They are
reached as ``kg.build``, ``kg.extract``, ``kg.query``, ``kg.draw``, ``kg.to_networkx``,
``kg.read``, ``kg.write`` and ``kg.load`` (see :mod:`kg`).

>>> import kg
>>> g = kg.build(["examples/iran-drones.txt"])
>>> ("IRN", "supplies", "RUS") in {(r.subject, r.predicate, r.object) for r in kg.relations(g)}
True
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Iterable, Mapping

log = logging.getLogger(__name__)

__all__ = ["build", "draw", "extract", "load", "query", "read", "relations", "to_networkx", "write"]


def _paths(inputs) -> list[str]:
    """``inputs`` as a list of path strings: one path (str or PathLike) or an iterable of them."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    return [os.fspath(p) for p in inputs]


def _documents(inputs, strict: bool):
    from .readers import read_documents

    return read_documents(_paths(inputs), on_warning=log.warning, strict=strict)


def extract(inputs, *, gazetteer_files: Iterable[str] = (), jobs: int = 1, strict: bool = False,
            include_negated: bool = False) -> list:
    """The relations found in news files, as ``kg extract`` prints them.

    Parameters
    ----------
    inputs : str, path or iterable of them
        Text, Markdown, HTML or JSON-lines files, directories (read recursively), ``"-"`` for stdin.
    gazetteer_files : iterable of str, optional
        Extra actors, Turtle files in the shape of ``ontology/states.ttl``.
    jobs : int, optional
        Worker processes (0: one per core); the result is the same for any number.
    strict : bool, optional
        Refuse an input that looks like RDF or JSON rather than news.
    include_negated : bool, optional
        Also return negated or denied relations (``negated`` is True).

    Returns
    -------
    list of kg.model.Relation

    Raises
    ------
    kg.errors.InputError
        An input cannot be read (the first one that cannot).

    Examples
    --------
    >>> import kg
    >>> relations = kg.extract("examples/iran-drones.txt")
    >>> ("IRN", "supplies", "RUS") in {(r.subject, r.predicate, r.object) for r in relations}
    True
    >>> relations[0].sentence[:40]                  # each relation keeps its evidence
    'Iran has supplied Russia with hundreds o'
    """
    from .pipeline import extract_documents

    found = [rel for _, rels in extract_documents(_documents(inputs, strict), gazetteer_files=gazetteer_files,
                                                  jobs=jobs)
             for rel in rels if include_negated or not rel.negated]
    log.info("extracted %d relations", len(found))
    return found


def build(inputs, *, gazetteer_files: Iterable[str] = (), jobs: int = 1, strict: bool = False):
    """The RDF graph of news files, as ``kg build`` writes it (claims, evidence, documents, actors).

    Parameters
    ----------
    inputs : str, path or iterable of them
        As for :func:`extract`.
    gazetteer_files : iterable of str, optional
        Extra actors (Turtle).
    jobs : int, optional
        Worker processes for extraction (0: one per core).
    strict : bool, optional
        Refuse an input that looks like RDF or JSON rather than news.

    Returns
    -------
    rdflib.Graph

    Examples
    --------
    >>> import kg
    >>> g = kg.build(["examples/aukus.txt"])
    >>> len(g) > 100
    True
    """
    from dataclasses import replace

    from .gazetteer import load_gazetteer
    from .pipeline import extract_documents
    from .rdf import build_graph

    gazetteer = load_gazetteer(gazetteer_files)
    docs: list = []

    def relations():  # streamed into the graph: only the documents' metadata is kept
        for doc, found in extract_documents(_documents(inputs, strict), gazetteer_files=gazetteer_files, jobs=jobs):
            if not (docs and docs[-1].id == doc.id and doc.offset):  # parts of a long text: one document
                docs.append(replace(doc, text=""))
            yield from found

    graph = build_graph(relations(), [], gazetteer)
    build_graph([], docs, gazetteer, graph=graph)
    log.info("built a graph of %d triples from %d documents", len(graph), len(docs))
    return graph


def _graph(source):
    """An rdflib graph: ``source`` itself, or the graph file or store directory it names."""
    if isinstance(source, (str, os.PathLike)):
        from .sources import open_graph

        return open_graph(source)
    return source


def read(source):
    """The graph in an RDF file (format from its suffix) or an Oxigraph store directory.

    Returns
    -------
    rdflib.Graph

    Raises
    ------
    kg.errors.GraphError
        The file is missing or malformed, or the directory is not a store.

    Examples
    --------
    >>> import kg
    >>> len(kg.read("tests/fixtures/entente-1914.ttl")) > 0
    True
    """
    return _graph(source)


def write(graph, path) -> Path:
    """Write ``graph`` to ``path`` atomically, in the format its suffix names
    (``.ttl .nt .nq .trig .jsonld .rdf``); the same graph gives the same bytes.

    Examples
    --------
    >>> import kg, pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> kg.write(kg.read("tests/fixtures/entente-1914.ttl"), out).read_bytes().startswith(b"<https://")
    True
    """
    from .rdf import write_graph

    write_graph(graph, path)
    return Path(path)


def relations(source) -> list:
    """The relations (claims) of a kg graph, an RDF file or a store directory.

    Returns
    -------
    list of kg.model.Relation
    """
    from .rdf import relations_from_graph

    return relations_from_graph(_graph(source))


def query(source, sparql: str | None = None, *, saved: str | None = None, params: Mapping[str, object] | None = None,
          engine: str = "auto", timeout: float | None = None):
    """Ask a graph a SPARQL question (``kg query``): SELECT, ASK, CONSTRUCT or DESCRIBE.

    Parameters
    ----------
    source : rdflib.Graph, pyoxigraph.Store, str or path
        A graph, an RDF file or a store directory.
    sparql : str, optional
        The query; kg's prefixes (``kg:``, ``actor:``, ...) are declared.
    saved : str, optional
        The name of a saved query (``kg query --list``) to run instead of ``sparql``.
    params : mapping, optional
        Values bound to the query's variables (a state by name, alias or ISO code).
    engine : {"auto", "oxigraph", "rdflib"}, optional
        auto: rdflib for an rdflib Graph, Oxigraph for the rest.
    timeout : float, optional
        Seconds after which the query is stopped (:class:`kg.query.QueryTimeout`).

    Returns
    -------
    kg.query.QueryResult
        Iterate over its rows; :meth:`~kg.query.QueryResult.records` gives plain Python values.

    Examples
    --------
    >>> import kg
    >>> g = kg.read("tests/fixtures/entente-1914.ttl")
    >>> kg.query(g, "SELECT ?x WHERE { actor:FRA kg:alliedWith ?x } ORDER BY ?x").records()
    [{'x': 'https://w3id.org/kgstates/actor/GBR'}, {'x': 'https://w3id.org/kgstates/actor/RUS'}]
    >>> sorted(r["ally"] for r in kg.query(g, saved="allies-of", params={"state": "France"}).records())
    ['https://w3id.org/kgstates/actor/GBR', 'https://w3id.org/kgstates/actor/RUS']
    """
    from .query import ParamError, run_query, saved_query

    found = saved_query(saved) if saved else None
    if (sparql is None) == (found is None):
        raise ParamError("give a query or the name of a saved query, not both" if found
                         else "give a query or the name of a saved query")
    return run_query(source, found.text if found else sparql, params=params, saved=found, engine=engine,
                     timeout=timeout)


def to_networkx(source):
    """The network of a kg graph: one node per actor, one edge per (subject, relation, object).

    ``source`` is an rdflib graph, an RDF file or a store directory.

    Returns
    -------
    networkx.MultiDiGraph

    Examples
    --------
    >>> import kg
    >>> G = kg.to_networkx("tests/fixtures/entente-1914.ttl")
    >>> sorted(G)
    ['AUT', 'DEU', 'FRA', 'GBR', 'ITA', 'RUS']
    """
    from .network import to_networkx as network

    return network(_graph(source))


def draw(source, out, **options):
    """Draw the network of a graph into ``out`` (``.png``, ``.svg`` or ``.pdf``), as ``kg draw`` does.

    ``options`` are those of :func:`kg.draw.write_drawing` (``layout``, ``edge_labels``, ``title``,
    ``seed``, ``dpi``, ``size``...). The same graph and options give the same bytes.

    Returns
    -------
    kg.draw.DrawReport
        The file written, its format and the actors and relations drawn.

    Examples
    --------
    >>> import kg, pathlib, tempfile
    >>> report = kg.draw("tests/fixtures/entente-1914.ttl", pathlib.Path(tempfile.mkdtemp()) / "d.svg")
    >>> report.format, report.actors
    ('svg', 6)
    """
    from .draw import draw_graph

    return draw_graph(_graph(source), out, **options)


def load(paths, store, *, replace: bool = False):
    """Load RDF files into an Oxigraph store directory (created when missing), as ``kg load`` does.

    Returns
    -------
    kg.store.LoadReport
        Files loaded, triples in the store, seconds.

    Examples
    --------
    >>> import kg, pathlib, tempfile
    >>> store = pathlib.Path(tempfile.mkdtemp()) / "store"
    >>> kg.load(["tests/fixtures/entente-1914.ttl"], store).files
    1
    >>> len(kg.query(store, "SELECT ?x WHERE { ?x kg:alliedWith actor:FRA }"))
    2
    """
    from .store import load_files

    return load_files(store, _paths(paths), replace=replace)
