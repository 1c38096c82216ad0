"""SPARQL over kg graphs: run a query on an RDF file, a store or a graph object, safely, and get rows.

>>> from kg.rdf import build_graph
>>> from kg.model import Relation
>>> g = build_graph([Relation("d1", "PRK", "supplies", "RUS", "North Korea", "Russia", "S.", 0, 2)], [], None)
>>> result = run_query(g, "SELECT ?who WHERE { ?who kg:supplies actor:RUS }")
>>> [row[0].value for row in result]
['https://w3id.org/kgstates/actor/PRK']
>>> import io; out = io.BytesIO(); write_result(result, "csv", out); out.getvalue()
b'who\\r\\nhttps://w3id.org/kgstates/actor/PRK\\r\\n'

One module a job:

- :mod:`~kg.query.base`: the prefixes every query may use (:data:`PREFIXES`; a query's own PREFIX
  lines win) and the errors;
- :mod:`~kg.query.catalogue`: the saved queries of ``kg/queries/*.rq``;
- :mod:`~kg.query.safety`: SERVICE, LOAD and FROM / FROM NAMED / USING with IRIs that are not
  graphs of the queried dataset are refused before anything runs: no engine ever makes a network
  request; undefined prefixes and misspelt query forms are one-line syntax errors;
- :mod:`~kg.query.params`: parameters are bound through the engine (pyoxigraph ``substitutions``,
  rdflib ``initBindings``), never pasted into the text; a state may be a name, alias or ISO code;
- :mod:`~kg.query.engines`: Oxigraph (pyoxigraph) for files, stores and pyoxigraph Stores; rdflib
  for rdflib Graphs or on request. Both give the same answers to the saved queries (a test compares
  them); Oxigraph parses and answers files 10-17 times faster at every size measured (300 to
  160,000 triples), so it is always the default. Files are parsed into an in-memory store per
  query; ``kg load`` makes a store that is opened without parsing;
- :mod:`~kg.query.runner`: ``timeout`` runs the query in a child process that is killed at the
  deadline (:func:`call_with_timeout`);
- :mod:`~kg.query.results` and :mod:`~kg.query.writers`: rows hold pyoxigraph terms (``NamedNode``,
  ``BlankNode``, ``Literal``, or None when unbound) whatever the engine; :meth:`QueryResult.to_rdflib`
  and :meth:`QueryResult.records` convert them, and the writers give the W3C result formats and
  tables (:data:`RESULT_FORMATS`, :func:`write_result`).
"""

from __future__ import annotations

from .base import (ACTOR_NS, KG_NS, PREFIXES, ParamError, QueryError, QuerySyntaxError, QueryTimeout,
                   UnsafeQueryError, syntax_error)
from .catalogue import PARAM_KINDS, Param, SavedQuery, saved_queries, saved_query
from .engines import run_query, run_update
from .params import bind_params
from .results import MAX_ROWS, QueryResult, bounded, from_rdflib, py_value, to_rdflib
from .runner import call_with_timeout, default_max_memory
from .safety import (SPARQL_TOKEN, check_form, check_graphs, check_prefixes, check_query, is_update, query_form,
                     vocabulary_warnings)
from .writers import GRAPH_FORMATS, RESULT_FORMATS, ResultFormat, result_format, short_name, write_result

__all__ = ["PREFIXES", "KG_NS", "ACTOR_NS", "QueryError", "QuerySyntaxError", "UnsafeQueryError", "QueryTimeout",
           "ParamError", "QueryResult", "SavedQuery", "Param", "PARAM_KINDS", "saved_queries", "saved_query",
           "check_query", "check_graphs", "bind_params", "run_query", "run_update", "is_update", "query_form",
           "check_form", "check_prefixes", "vocabulary_warnings", "call_with_timeout", "default_max_memory",
           "MAX_ROWS", "SPARQL_TOKEN", "syntax_error", "bounded", "py_value", "to_rdflib", "from_rdflib",
           "RESULT_FORMATS", "GRAPH_FORMATS", "ResultFormat", "result_format", "write_result", "short_name"]
