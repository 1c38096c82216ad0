"""Binding ``--param NAME=VALUE`` to a query's variables: through the engine, never by pasting text.

>>> bind_params({"predicate": "Supplies"}, query="SELECT ?s WHERE { ?s ?predicate ?o }")
{'predicate': <NamedNode value=https://w3id.org/kgstates/ontology#supplies>}
"""

from __future__ import annotations

import re
from typing import Mapping

from ..errors import GazetteerError
from ..predicates import RELATION_PREDICATES
from .base import ACTOR_NS, KG_NS, PREFIXES, XSD, ParamError
from .catalogue import Param, SavedQuery
from .results import from_rdflib

__all__ = ["bind_params"]


_ACTOR_NAMES = {"state", "actor", "a", "b", "subject", "object"}


def _kind_for(name: str, declared: Mapping[str, Param] | None) -> str:
    if declared and name in declared:
        return declared[name].kind
    if name in _ACTOR_NAMES:
        return "actor"
    return "predicate" if name == "predicate" else "string"


def bind_params(params: Mapping[str, object], *, query: str = "", saved: SavedQuery | None = None,
                gazetteer=None) -> dict:
    """Turn ``NAME -> VALUE`` strings into pyoxigraph terms to bind, checking them against the query.

    Kinds come from the saved query's header, else from the name (state, actor, a, b, subject,
    object: actor; predicate: predicate; else string). An actor value is a name, alias or ISO code
    resolved by the gazetteer (loaded on demand), a predicate one of kg's sixteen relations. A value
    written ``<IRI>`` is that IRI. Terms (pyoxigraph or rdflib) are taken as they are.

    Raises ParamError for an unknown, missing or unresolvable parameter.

    >>> bind_params({"state": "North Korea", "n": "<https://example.org/x>"}, query="SELECT * { ?state ?p ?n }")
    {'state': <NamedNode value=https://w3id.org/kgstates/actor/PRK>, 'n': <Literal value=<https://example.org/x> datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>}
    >>> bind_params({"state": "Atlantis"}, query="SELECT ?state {}")
    Traceback (most recent call last):
    ...
    kg.query.base.ParamError: --param state: unknown actor 'Atlantis'; did you mean 'Albania'?
    """
    import pyoxigraph as ox

    declared = {p.name: p for p in saved.params} if saved else None
    if saved:
        unknown = [n for n in params if n not in declared]
        if unknown:
            known = ", ".join(declared) or "none"
            raise ParamError(f"--param {unknown[0]}: {saved.name} has no such parameter (its parameters: {known})")
        missing = [n for n in declared if n not in params]
        if missing:
            raise ParamError(f"{saved.name} needs --param {missing[0]}=VALUE ({declared[missing[0]].description})")
    out = {}
    for name, value in params.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ParamError(f"--param {name}: not a variable name")
        if query and not re.search(rf"[?$]{name}(?![A-Za-z0-9_\u00b7\u0300-\u036f\u203f\u2040])", query):
            raise ParamError(f"--param {name}: the query has no variable ?{name}")
        if not isinstance(value, str):
            out[name] = from_rdflib(value) if type(value).__module__.startswith("rdflib") else value
            continue
        kind = _kind_for(name, declared)
        if value.startswith("<") and value.endswith(">") and kind in ("actor", "iri", "predicate"):
            out[name] = _iri(name, value[1:-1])
        elif kind == "actor":
            out[name] = ox.NamedNode(ACTOR_NS + _actor(name, value, gazetteer))
        elif kind == "predicate":
            out[name] = ox.NamedNode(KG_NS + _predicate(name, value))
        elif kind == "iri":
            out[name] = _iri(name, value)
        elif kind == "integer":
            if not re.fullmatch(r"[+-]?\d+", value.strip()):
                raise ParamError(f"--param {name}: {value!r} is not an integer")
            out[name] = ox.Literal(value.strip(), datatype=ox.NamedNode(XSD + "integer"))
        elif kind == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                raise ParamError(f"--param {name}: {value!r} is not a date (YYYY-MM-DD)")
            out[name] = ox.Literal(value.strip(), datatype=ox.NamedNode(XSD + "date"))
        else:
            out[name] = ox.Literal(value)
    return out


def _iri(name: str, value: str):
    import pyoxigraph as ox

    prefix, _, local = value.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        value = PREFIXES[prefix] + local
    try:
        return ox.NamedNode(value)
    except ValueError as exc:
        raise ParamError(f"--param {name}: {value!r} is not an IRI ({exc})") from None


def _actor(name: str, value: str, gazetteer) -> str:
    if gazetteer is None:
        from ..gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    text = value.strip()
    if text.startswith(ACTOR_NS):
        text = text[len(ACTOR_NS):]
    elif text.startswith("actor:"):
        text = text[len("actor:"):]
    try:
        return gazetteer.resolve(text)
    except GazetteerError as exc:
        raise ParamError(f"--param {name}: {exc}") from None


def _predicate(name: str, value: str) -> str:
    text = value.strip()
    for prefix in (KG_NS, "kg:"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    if text in RELATION_PREDICATES:
        return text
    lower = {p.lower(): p for p in RELATION_PREDICATES}
    if text.lower() in lower:
        return lower[text.lower()]
    import difflib

    close = difflib.get_close_matches(text, RELATION_PREDICATES, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else f"; use one of {', '.join(RELATION_PREDICATES)}"
    raise ParamError(f"--param {name}: {value!r} is not a kg relation{hint}")
