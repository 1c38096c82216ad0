"""Inputs named by fsspec URLs (``s3://``, ``gs://``, ``memory://``...): telling them from paths,
their filesystem (one line naming the extra to install when it is missing), credentials kept out
of ids and messages, and a remote file with the few methods of a Path the readers use."""

from __future__ import annotations

import re
from pathlib import Path, PurePath

from ..errors import InputError

__all__ = ["is_url", "redact_url", "filesystem", "RemoteFile", "source_of"]

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_CREDENTIALS = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@")
#: the packages that read these URL schemes, from the ``cloud`` extra
_CLOUD_PACKAGES = {"s3": "s3fs", "s3a": "s3fs", "gs": "gcsfs", "gcs": "gcsfs", "az": "adlfs", "abfs": "adlfs",
                   "abfss": "adlfs"}


def is_url(arg: str) -> bool:
    """Whether an INPUT is an fsspec URL (``s3://``, ``memory://``, ``file://``...) rather than a path."""
    return bool(_URL.match(arg))


def redact_url(url: str) -> str:
    """``url`` without a user name or password (``ftp://user:secret@host/x`` -> ``ftp://host/x``):
    what document ids and messages show.

    >>> redact_url("ftp://kim:secret@example.org/news.jsonl")
    'ftp://example.org/news.jsonl'
    """
    return _CREDENTIALS.sub(r"\1", url)


def filesystem(url: str):
    """The fsspec filesystem and path of ``url``; InputError (one line naming the extra to
    install) without fsspec or the scheme's package. Credentials come the usual fsspec way."""
    shown = redact_url(url)
    scheme = url.split("://", 1)[0].lower()
    try:
        import fsspec.core
    except ImportError:
        raise InputError(f"{shown}: reading URLs needs fsspec: pip install 'kgstates[cloud]'") from None
    try:
        return fsspec.core.url_to_fs(url)
    except ImportError:
        package = _CLOUD_PACKAGES.get(scheme, f"the fsspec package for {scheme}://")
        raise InputError(f"{shown}: reading {scheme}:// needs {package}: pip install 'kgstates[cloud]'") from None
    except ValueError as exc:
        raise InputError(f"{shown}: not a URL kg can read ({' '.join(str(exc).split())[:160]})") from None
    except OSError as exc:  # a filesystem that connects when it is made: its message may hold the URL
        raise InputError(f"{shown}: cannot reach ({exc.strerror or type(exc).__name__})") from None


class RemoteFile:
    """A file named by an fsspec URL, with the few methods of :class:`~pathlib.Path` the readers use."""

    def __init__(self, fs, path: str, shown: str) -> None:
        self.fs, self.path, self.shown = fs, path, shown

    @property
    def suffix(self) -> str:
        return PurePath(self.path).suffix

    def open(self, mode: str = "rb"):
        return self.fs.open(self.path, mode)

    def read_bytes(self) -> bytes:
        with self.open("rb") as fh:
            return fh.read()

    def __str__(self) -> str:
        return self.shown


def source_of(arg):
    """A local path, or a :class:`RemoteFile` for an fsspec URL (one already is)."""
    if isinstance(arg, (RemoteFile, Path)):
        return arg
    if not is_url(arg):
        return Path(arg)
    fs, path = filesystem(arg)
    return RemoteFile(fs, path, redact_url(arg))

