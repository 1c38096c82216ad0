"""kg: news text to a knowledge graph of relations between states.

The library API, in the functions of :mod:`kg.api`:

>>> import kg
>>> g = kg.build(["examples/aukus.txt"])                        # an rdflib.Graph
>>> G = kg.to_networkx(g)                                       # a networkx.MultiDiGraph
>>> rows = kg.query(g, "SELECT ?ally WHERE { actor:AUS kg:alliedWith ?ally }")
>>> sorted(r["ally"].rsplit("/", 1)[1] for r in rows.records())
['GBR', 'USA']

``kg.build``, ``kg.extract``, ``kg.query``, ``kg.draw``, ``kg.to_networkx``, ``kg.read``,
``kg.write``, ``kg.load`` and ``kg.relations`` import what they need on first use, so ``import kg``
(and ``kg --help``) stays fast. ``kg.query``, ``kg.draw`` and ``kg.extract`` are also the modules
of those names: calling one calls the API function, and its other attributes are the module's
(``kg.query.run_query``, ``kg.draw.write_drawing``), also after ``import kg.query``.

kg logs through :mod:`logging`, one logger a module under the ``kg`` logger, which is silent
unless the application configures logging (``kg -v`` does for the command).
"""

from __future__ import annotations

import logging as _logging
import sys as _sys
import types as _types

__version__ = "0.1.0"

_logging.getLogger(__name__).addHandler(_logging.NullHandler())

#: the functions of kg.api that ``kg.NAME`` gives
_API = ("build", "extract", "query", "draw", "to_networkx", "read", "write", "load", "relations")
#: those that are also a module of kg
_SHARED = ("query", "draw", "extract")


class _FunctionModule:
    """``kg.query``, ``kg.draw``, ``kg.extract``: calling it calls the API function of that name;
    every other attribute (read, set or deleted) is the module's."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        object.__setattr__(self, "_name", name)

    def _module(self):
        import importlib

        return importlib.import_module(f"{__name__}.{self._name}")

    @property
    def __wrapped__(self):  # inspect.signature and help() show the function's
        from . import api

        return getattr(api, self._name)

    @property
    def __doc__(self):
        return self.__wrapped__.__doc__

    def __call__(self, *args, **kwargs):
        return self.__wrapped__(*args, **kwargs)

    def __getattr__(self, attr):
        return getattr(self._module(), attr)

    def __setattr__(self, attr, value):
        setattr(self._module(), attr, value)

    def __delattr__(self, attr):
        delattr(self._module(), attr)

    def __dir__(self):
        return dir(self._module())

    def __repr__(self) -> str:
        return f"<kg.{self._name}: the function kg.api.{self._name} and the module kg.{self._name}>"


class _Package(_types.ModuleType):
    """The ``kg`` package: the import system binds a submodule as an attribute of its package,
    which would hide the API function of the same name; for those names it keeps the function."""

    def __setattr__(self, name, value):
        if name in _SHARED and isinstance(value, _types.ModuleType):
            return  # the module stays reachable: sys.modules and the _FunctionModule's attributes
        super().__setattr__(name, value)


def __getattr__(name: str):
    if name in _SHARED:  # not kept in the module's namespace, where doctest would collect it twice
        return _FunctionModule(name)
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_API))


_sys.modules[__name__].__class__ = _Package
