"""The saved queries shipped in ``kg/queries/NAME.rq``, each documented by its comment header:
``# NAME: summary``, description lines, and ``# param NAME (KIND): description`` lines.

>>> q = saved_query("suppliers-of")
>>> q.summary, [(p.name, p.kind) for p in q.params]
('who supplies STATE, what, and on how much evidence', [('state', 'actor')])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import ParamError, QueryError

__all__ = ["Param", "SavedQuery", "PARAM_KINDS", "saved_queries", "saved_query"]


@dataclass(frozen=True)
class Param:
    """A parameter of a saved query: ``kind`` is actor, predicate, string, integer, date or iri."""

    name: str
    kind: str
    description: str


@dataclass(frozen=True)
class SavedQuery:
    """A query shipped in ``kg/queries/NAME.rq``, documented by its comment header."""

    name: str
    summary: str
    description: str
    params: tuple[Param, ...]
    text: str


_HEAD = re.compile(r"#\s*([\w-]+):\s*(.+)")
_PARAM = re.compile(r"#\s*param\s+(\w+)\s*\((\w+)\):\s*(.*)")
PARAM_KINDS = ("actor", "predicate", "string", "integer", "date", "iri")


def _parse_saved(name: str, text: str) -> SavedQuery:
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    m = _HEAD.fullmatch(header[0].strip()) if header else None
    if not m or m.group(1) != name:
        raise QueryError(f"saved query {name}: the first line must be '# {name}: summary'")
    params, desc = [], []
    for line in header[1:]:
        if pm := _PARAM.fullmatch(line.strip()):
            if pm.group(2) not in PARAM_KINDS:
                raise QueryError(f"saved query {name}: param {pm.group(1)} has unknown kind {pm.group(2)}")
            params.append(Param(pm.group(1), pm.group(2), pm.group(3).strip()))
        else:
            desc.append(line[1:].strip())
    return SavedQuery(name, m.group(2).strip(), "\n".join(desc).strip(), tuple(params), text)


def saved_queries() -> dict[str, SavedQuery]:
    """The saved queries shipped with kg, by name (sorted).

    >>> list(saved_queries())[:3]
    ['allies-of', 'between', 'concerned-about']
    """
    import importlib.resources

    folder = importlib.resources.files("kg.queries")
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            out[name] = _parse_saved(name, entry.read_text(encoding="utf-8"))
    return out


def saved_query(name: str) -> SavedQuery:
    """The saved query ``name``; ParamError (a usage error) suggesting close names when there is none.

    >>> saved_query("allies").name
    Traceback (most recent call last):
    ...
    kg.query.base.ParamError: no saved query 'allies'; did you mean allies-of?
    """
    queries = saved_queries()
    if name not in queries:
        import difflib

        close = difflib.get_close_matches(name, list(queries), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else f"; saved queries: {', '.join(queries)}"
        raise ParamError(f"no saved query {name!r}{hint}")
    return queries[name]
