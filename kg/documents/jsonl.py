"""The JSON lines reader of :mod:`kg.readers`: one document a line (a JSON object with a ``text``
string and optional ``id``, ``title``, ``date``, ``url``, ``source``), a bad line reported with its
number and skipped; whole files, or a byte range of one (a partition of :mod:`kg.distributed`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import Document
from .decoding import PROBE, WarningHandler, is_binary
from .fields import ErrorHandler, Report, make_document
from .urls import redact_url, source_of

__all__ = ["jsonl_documents", "read_jsonl", "read_jsonl_range"]

_TEXT_LOOKALIKES = ("content", "body", "article", "maintext", "full_text")


def _jsonl_document(line: str, where: str, default_source: str, report: Report) -> Document | None:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        report.error(InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})"))
        return None
    if not isinstance(obj, dict):
        report.error(InputError(f"{where}: a JSON object is expected, not {_json_type(obj)}"))
        return None
    text = obj.get("text")
    if not isinstance(text, str):
        hint = next((k for k in _TEXT_LOOKALIKES if isinstance(obj.get(k), str)), None)
        problem = 'no "text" string' if text is None else f'"text" is {_json_type(text)}, not a string'
        report.error(InputError(f"{where}: {problem}" + (f' (found "{hint}": rename it to "text")' if hint else "")))
        return None
    meta = {}
    for key in ("id", "title", "date", "url", "source"):
        value = obj.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            meta[key] = str(value).strip()
        elif value is not None:
            report.warning(f"{where}: {key!r} is {_json_type(value)}, not a string; ignored")
    return make_document(where, text, where, meta, report, default_source)


def _json_type(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
            type(None): "null"}.get(type(value), "a number")


def jsonl_documents(lines: Iterable[tuple[int, bytes]], name: str, report: Report,
                 whole: bool = True) -> Iterator[Document]:
    """Documents of numbered raw JSONL lines; a bad line is reported and skipped. A ``whole``
    file without one line is an error (a range of its lines may be blank)."""
    seen = not whole
    for n, raw in lines:
        where = f"{name}:{n}"
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            report.warning(f"{where}: invalid UTF-8 at byte {exc.start}; decoded with replacement characters")
            line = raw.decode("utf-8", errors="replace")
        if not line.strip():
            continue
        seen = True
        doc = _jsonl_document(line, where, name, report)
        if doc is not None:
            yield doc
    if not seen:
        report.error(InputError(f"{name}: empty document (no JSON lines)"))


def read_jsonl(path: Path, doc_id: str, report: Report) -> Iterator[Document]:
    with path.open("rb") as fh:
        if is_binary(fh.read(PROBE)):
            raise InputError(f"{path}: binary file, not text")
        fh.seek(0)
        yield from jsonl_documents(enumerate(fh, start=1), str(path), report)


def read_jsonl_range(path, start: int, end: int, first_line: int, *, name: str | None = None,
                     on_error: ErrorHandler | None = None,
                     on_warning: WarningHandler | None = None) -> Iterator[Document]:
    """The documents of the lines of a JSONL file that begin at byte ``start`` (a line start) up
    to byte ``end``, the first being line number ``first_line`` (1-based): one partition of a
    large file (see :mod:`kg.distributed`). ``path`` is a local path or an fsspec URL; ``name`` the
    file as its documents name it (``name:LINE`` is the id of a line without one)."""
    report = Report(on_error, on_warning, False)
    source = source_of(path)
    name = name or redact_url(str(path))
    with source.open("rb") as fh:
        fh.seek(start)

        def lines():
            at, n = start, first_line
            while at < end:
                raw = fh.readline()
                if not raw:
                    return
                yield n, raw
                at += len(raw)
                n += 1

        yield from jsonl_documents(lines(), name, report, whole=False)
