"""Reading news documents: plain text, Markdown, HTML, JSON lines, directories and stdin.

Readers form a registry keyed by file suffix. A problem with one document is an
:class:`~kg.errors.InputError` naming the file (and line) and what is wrong; with ``on_error``
given, it is reported and reading goes on with the next document.

Plain-text and Markdown files may start with a header of ``Key: value`` lines (``Title``,
``Date``, ``Source``, ``URL``, ``Id``) ended by a blank line; it becomes the document's metadata::

    Title: Seoul and Tokyo revive shuttle diplomacy
    Date: 2023-03-16
    Source: kg examples

    South Korea's president visited Tokyo on Thursday ...
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import InputError
from .model import Document

ErrorHandler = Callable[[InputError], None]
WarningHandler = Callable[[str], None]

_HEADER_LINE = re.compile(r"^(title|date|source|url|id)\s*:\s*(.*)$", re.IGNORECASE)
_BINARY_PROBE = 8192


def _decode(data: bytes, name: str, warn: WarningHandler | None) -> str:
    if b"\x00" in data[:_BINARY_PROBE]:
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if warn is not None:
            warn(f"{name}: invalid UTF-8 at byte {exc.start}; decoded with replacement characters")
        return data.decode("utf-8", errors="replace")


def _iso_date(value: str | None, where: str, warn: WarningHandler | None) -> str | None:
    if not value:
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        if warn is not None:
            warn(f"{where}: date {text!r} is not an ISO date (YYYY-MM-DD); ignored")
        return None


def _header(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``Key: value`` header (ended by a blank line) from the body."""
    lines = text.split("\n")
    meta: dict[str, str] = {}
    for n, line in enumerate(lines):
        if not line.strip():
            if meta:
                return meta, "\n".join(lines[n + 1:])
            break
        m = _HEADER_LINE.match(line.strip())
        if not m:
            break
        meta[m.group(1).lower()] = m.group(2).strip()
    return {}, text


def _document(doc_id: str, text: str, source: str, meta: dict[str, str], warn) -> Document:
    if not text.strip():
        raise InputError(f"{source}: empty document")
    return Document(id=meta.get("id") or doc_id, text=text, title=meta.get("title") or None,
                    date=_iso_date(meta.get("date"), source, warn), url=meta.get("url") or None,
                    source=meta.get("source") or source)


def _read_text(path: Path, doc_id: str, warn) -> Iterator[Document]:
    meta, body = _header(_decode(path.read_bytes(), str(path), warn))
    yield _document(doc_id, body, str(path), meta, warn)


_MD_FENCE = re.compile(r"^```.*?^```[ \t]*$", re.MULTILINE | re.DOTALL)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)


def markdown_to_text(md: str) -> str:
    """Markdown without its markup, so that sentences split as in prose.

    >>> markdown_to_text("# Talks\\n**Japan** met [Korea](https://example.org).")
    'Talks\\nJapan met Korea.'
    """
    text = _MD_FENCE.sub("", md)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_QUOTE.sub("", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def _read_markdown(path: Path, doc_id: str, warn) -> Iterator[Document]:
    meta, body = _header(_decode(path.read_bytes(), str(path), warn))
    if "title" not in meta:
        m = re.search(r"^\s{0,3}#\s+(.+)$", body, re.MULTILINE)
        if m:
            meta["title"] = m.group(1).strip()
    yield _document(doc_id, markdown_to_text(body), str(path), meta, warn)


def html_to_document(html: str, doc_id: str, source: str, warn=None) -> Document:
    """The main text of a news page (navigation, banners and footers dropped) and its metadata."""
    import trafilatura  # heavy: only when reading HTML

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text:
        from lxml import html as lxml_html

        try:
            tree = lxml_html.fromstring(html)
            text = "\n".join(p.text_content().strip() for p in tree.iter("p") if p.text_content().strip())
        except Exception:  # lxml raises several types for unusable markup
            text = ""
    meta = trafilatura.extract_metadata(html)
    fields = {"title": getattr(meta, "title", None) or "", "date": getattr(meta, "date", None) or "",
              "url": getattr(meta, "url", None) or ""}
    return _document(doc_id, text or "", source, fields, warn)


def _read_html(path: Path, doc_id: str, warn) -> Iterator[Document]:
    yield html_to_document(_decode(path.read_bytes(), str(path), warn), doc_id, str(path), warn)


def _jsonl_lines(lines: Iterable[str], name: str, on_error, warn) -> Iterator[Document]:
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise InputError(f"{where}: a JSON object is expected, not {type(obj).__name__}")
            text = obj.get("text")
            if not isinstance(text, str):
                raise InputError(f"{where}: no \"text\" string")
            doc_id = str(obj.get("id") or where)
            meta = {k: str(obj[k]) for k in ("title", "date", "url", "source") if obj.get(k)}
            meta.setdefault("source", name)
            yield _document(doc_id, text, where, meta, warn)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)


def _read_jsonl(path: Path, doc_id: str, warn, on_error=None) -> Iterator[Document]:
    with path.open("rb") as fh:
        head = fh.read(_BINARY_PROBE)
        if b"\x00" in head:
            raise InputError(f"{path}: binary file, not text")
    with path.open(encoding="utf-8", errors="replace") as fh:
        yield from _jsonl_lines(fh, str(path), on_error, warn)


#: suffix -> reader(path, doc_id, warn) yielding documents
READERS: dict[str, Callable[..., Iterator[Document]]] = {
    ".txt": _read_text, ".text": _read_text,
    ".md": _read_markdown, ".markdown": _read_markdown,
    ".html": _read_html, ".htm": _read_html,
    ".jsonl": _read_jsonl,
}


def _files_in(directory: Path) -> list[Path]:
    found = []
    for p in sorted(directory.rglob("*")):
        rel = p.relative_to(directory)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.is_file() and p.suffix.lower() in READERS:
            found.append(p)
    return found


def _read_stdin(on_error, warn) -> Iterator[Document]:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    text = _decode(data, "<stdin>", warn)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines):
        yield from _jsonl_lines(text.splitlines(), "<stdin>", on_error, warn)
        return
    meta, body = _header(text)
    yield _document("stdin", body, "<stdin>", meta, warn)


def read_documents(inputs: Iterable[str], *, on_error: ErrorHandler | None = None,
                   on_warning: WarningHandler | None = None) -> Iterator[Document]:
    """Yield the documents of ``inputs``: files, directories (recursively, sorted) and ``-`` (stdin).

    A file given directly has its path (as given) as document id; a file found in a directory
    has the directory argument joined with its relative path; a JSONL line has its ``id``.
    """
    for arg in inputs:
        try:
            if arg == "-":
                yield from _read_stdin(on_error, on_warning)
                continue
            path = Path(arg)
            if path.is_dir():
                files = _files_in(path)
                if not files:
                    raise InputError(f"{arg}: directory has no readable documents "
                                     f"({', '.join(sorted(READERS))})")
                for f in files:
                    doc_id = (Path(arg) / f.relative_to(path)).as_posix()
                    yield from _read_one(f, doc_id, on_error, on_warning)
                continue
            if not path.exists():
                raise InputError(f"{arg}: no such file or directory")
            yield from _read_one(path, path.as_posix(), on_error, on_warning, direct=True)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)


def _read_one(path: Path, doc_id: str, on_error, warn, direct: bool = False) -> Iterator[Document]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        if not direct:
            return
        reader = _read_text  # an unknown suffix given by name is read as plain text
    try:
        if reader is _read_jsonl:
            yield from _read_jsonl(path, doc_id, warn, on_error)
        else:
            yield from reader(path, doc_id, warn)
    except InputError as exc:
        if on_error is None:
            raise
        on_error(exc)
    except OSError as exc:
        error = InputError(f"{path}: cannot read ({exc.strerror or exc})")
        if on_error is None:
            raise error from None
        on_error(error)
