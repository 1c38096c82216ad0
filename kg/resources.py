"""Locate data files shipped with kg (the ontology, gazetteer and shapes).

The ``ontology/`` folder at the top of the repository is installed as the
``kg.ontology`` package data; an editable install or a plain checkout reads
it from the repository instead.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

_REPO_ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"


def ontology_path(name: str) -> Path:
    """Return the path of a file of the ``ontology/`` folder, e.g. ``"kg.ttl"``."""
    try:
        candidate = Path(str(importlib.resources.files("kg.ontology") / name))
        if candidate.is_file():
            return candidate
    except ModuleNotFoundError:
        pass
    return _REPO_ONTOLOGY / name
