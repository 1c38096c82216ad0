"""Compiled data kept on disk between runs: the gazetteer and the extraction lexicon.

Building them from their sources (Turtle parsed by rdflib, an 11,000-row lexicon) costs a second or
more at every start. :func:`cached` keeps the built object in the user's cache directory
(``KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``) under a key made of kg's version
and the bytes of every source, so an edited source or a new kg builds it again. The file is written
to a temporary file and renamed, so concurrent first runs each write a whole file and no reader sees
half of one. A cache that cannot be read (missing, truncated, from another Python) is rebuilt; one
that cannot be written only costs the next start its build. Only kg writes these files, in the
user's own directory: they are pickles and must not come from anywhere else.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)
FORMAT = 4  # bump when a cached class changes shape (3: records pickled as their values; 4: Gazetteer.as_of)


def cache_dir() -> Path:
    """The directory of kg's cached data."""
    base = os.environ.get("KG_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "kg")
    return Path(base)


def key(kind: str, sources: Iterable[bytes]) -> str:
    """The cache's name for the object of ``kind`` built from these source bytes by this kg."""
    from . import __version__

    h = hashlib.sha256(f"{kind}\0{__version__}\0{FORMAT}".encode())
    for data in sources:
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return f"{kind}-{h.hexdigest()[:32]}.pickle"


def cached(kind: str, sources: Iterable[bytes], build: Callable[[], T], expect: type, *,
           name: str | None = None) -> T:
    """The object ``build()`` returns for these source bytes, from the cache when it holds it.

    ``name``, the :func:`key` of ``kind`` and ``sources`` when the caller has it already, saves
    reading the sources again."""
    path = cache_dir() / (name or key(kind, sources))
    try:
        with open(path, "rb") as fh:
            obj = pickle.load(fh)
        if isinstance(obj, expect):
            log.debug("%s from the cache: %s", kind, path)
            return obj
    except Exception:  # noqa: BLE001 - missing, truncated or unreadable: build it again
        pass
    log.info("%s not in the cache: building it (%s)", kind, path)
    obj = build()
    _write(path, obj)
    return obj


def _write(path: Path, obj) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


__all__ = ["cache_dir", "cached", "key"]
