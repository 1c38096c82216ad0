"""The relation vocabulary as plain Python data (no rdflib).

The sixteen relation predicates of ``docs/annotation-guide.md`` in the order of its table, which of them are
symmetric, and the quad class each falls under. The extractor imports this module without rdflib;
``ontology/kg.ttl`` says the same things in RDF and a test keeps the two in step.

>>> len(RELATION_PREDICATES)
16
>>> "meetsWith" in SYMMETRIC_PREDICATES, "supplies" in SYMMETRIC_PREDICATES
(True, False)
>>> QUAD_CLASSES["sanctions"]
'materialConflict'
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["RELATION_PREDICATES", "SYMMETRIC_PREDICATES", "QUAD_CLASSES"]

RELATION_PREDICATES: tuple[str, ...] = (
    "alliedWith",
    "meetsWith",
    "agreesWith",
    "supports",
    "vetoesFor",
    "supplies",
    "aids",
    "cooperatesWith",
    "tradesWith",
    "concernedBy",
    "criticizes",
    "threatens",
    "tensionWith",
    "sanctions",
    "attacks",
    "atWarWith",
)

SYMMETRIC_PREDICATES: frozenset[str] = frozenset(
    {
        "alliedWith",
        "meetsWith",
        "agreesWith",
        "cooperatesWith",
        "tradesWith",
        "tensionWith",
        "atWarWith",
    }
)

QUAD_CLASSES = MappingProxyType(
    {
        "alliedWith": "verbalCooperation",
        "meetsWith": "verbalCooperation",
        "agreesWith": "verbalCooperation",
        "supports": "verbalCooperation",
        "vetoesFor": "verbalCooperation",
        "supplies": "materialCooperation",
        "aids": "materialCooperation",
        "cooperatesWith": "materialCooperation",
        "tradesWith": "materialCooperation",
        "concernedBy": "verbalConflict",
        "criticizes": "verbalConflict",
        "threatens": "verbalConflict",
        "tensionWith": "verbalConflict",
        "sanctions": "materialConflict",
        "attacks": "materialConflict",
        "atWarWith": "materialConflict",
    }
)
"""Predicate name -> quad class name (a read-only mapping)."""
