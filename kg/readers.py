"""Reading news documents: plain text, Markdown, HTML, JSON lines, directories and stdin.

:func:`read_documents` is the one entry point. Readers form a registry keyed by file suffix
(:data:`READERS`); a file given by name with another suffix is read as plain text, a directory
is searched (recursively, in sorted order, hidden files and folders skipped) for the suffixes of
the registry only.

Problems are reported through two callbacks, each receiving one line that names the file
(and the line of a JSONL file) and the problem:

``on_error(InputError)``
    a document that cannot be read: missing or unreadable file, binary file, empty document,
    a JSONL line that is not a JSON object with a ``text`` string, a directory without
    documents. Reading goes on with the next document or line. Without ``on_error`` the
    error is raised and reading stops.
``on_warning(str)``
    the document was read, with a loss: invalid UTF-8 (decoded with U+FFFD replacement
    characters), a date that is not a date (ignored). Without ``on_warning`` warnings are
    dropped.

Plain-text and Markdown files (and plain text on stdin) may start with a header of
``Key: value`` lines, ended by a blank line. The keys are ``Title``, ``Date``, ``Source``,
``URL`` and ``Id`` (any case); every line before the blank line must be one of them, otherwise
the file has no header and is read whole. The header gives the document's metadata and is not
part of its text (a YAML front-matter block between ``---`` lines is read the same way)::

    Title: Seoul and Tokyo revive shuttle diplomacy
    Date: 2023-03-16
    Source: kg examples (written for the project)

    South Korea's president visited Tokyo on Thursday ...

Dates become ISO 8601 dates (``YYYY-MM-DD``) when they parse (ISO dates and timestamps,
``2024/06/20``, ``20 June 2024``, ``June 20, 2024``, RFC 2822); otherwise the date is ``None``
and a warning says so.

Plain text (files and stdin) is read in chunks and a long text is handed on in parts of about
:data:`PART_CHARS` characters, cut at paragraph ends (see :class:`~kg.model.Document`), and at
each article break (a line of ``---`` or a form feed: several articles in one file keep the
file's id, but coreference stops at the break); JSONL
is read line by line; Markdown and HTML files are read whole.

This module is the entry point, the registry, plain text and stdin; the rest is in the package
:mod:`kg.documents`: ``decoding`` (bytes to text), ``fields`` (headers, dates, the Document, the
report of problems), ``markup`` (Markdown, HTML), ``jsonl`` and ``urls`` (fsspec inputs). Their
public names are importable from here.
"""


from __future__ import annotations

import dataclasses
import itertools
import json
import logging
import os
import re
import sys
from pathlib import Path, PurePath
from typing import BinaryIO, Callable, Iterable, Iterator

# (detect_encoding, decode, is_binary, looks_like_data, iso_date, html_to_document, markdown_to_text,
# read_jsonl_range and redact_url are imported for kg.readers' users)
from .documents.decoding import PROBE, decode, decoded_chunks, detect_encoding, is_binary, looks_like_data
from .documents.fields import (HEADER_KEYS, ErrorHandler, Report, WarningHandler, check_prose, iso_date,
                               make_document, parse_header)
from .documents.jsonl import jsonl_documents, read_jsonl, read_jsonl_range
from .documents.markup import html_to_document, markdown_to_text, read_html, read_markdown
from .documents.urls import RemoteFile, filesystem, is_url, redact_url, source_of
from .errors import InputError
from .model import Document

log = logging.getLogger(__name__)

_STDIN = "<stdin>"
_GLOB = re.compile(r"[*?\[]")


# --------------------------------------------------------------------------- plain text

# A line break inside a sentence of hard-wrapped text: the line does not end a sentence and the
# next one goes on in lower case. It becomes a space (same length: offsets do not move).
_SOFT_WRAP = re.compile(r"(?<=[^\s.!?:;\"'”’)\]])\n(?=[a-z(])")


#: a text file (or text on stdin) is read this many bytes at a time ...
READ_BYTES = 1 << 20
#: ... and handed on in parts of about this many characters, cut at a blank line (a paragraph
#: end), so memory stays bounded whatever the size of the file
PART_CHARS = 1 << 20
_PART_MAX = 4  # without a blank line in PART_MAX * PART_CHARS, a part is cut at a line end or a space


def _cut(buffer: str) -> int:
    """Where to end a part of ``buffer`` (0: read on): after its last blank line once it holds
    :data:`PART_CHARS`; after its last line end or space once it holds ``_PART_MAX`` times that."""
    if len(buffer) < PART_CHARS:
        return 0
    blank = buffer.rfind("\n\n")
    if blank > 0:
        return blank + 2
    if len(buffer) < PART_CHARS * _PART_MAX:
        return 0
    for sep in ("\n", " "):
        at = buffer.rfind(sep)
        if at > 0:
            return at + 1
    return len(buffer)


#: where one article of a plain text ends and the next begins: a line of three or more dashes
#: (alone on its line), or a form feed (a page break)
_ARTICLE_BREAK = re.compile(r"^[ \t]*-{3,}[ \t]*$|\f", re.MULTILINE)


def _articles(text: str) -> list[str]:
    """``text`` cut after each article break, the breaks blanked (dashes as spaces, a form feed as
    a line end, as everywhere: offsets do not move). Each piece becomes a part of its own, so coreference never reaches across articles.

    >>> _articles("Russia met Iran.\\n---\\nIt left.\\n")
    ['Russia met Iran.\\n   ', '\\nIt left.\\n']
    """
    pieces, start = [], 0
    for m in _ARTICLE_BREAK.finditer(text):
        pieces.append(text[start:m.start()] + ("\n" if m.group() == "\f" else " " * (m.end() - m.start())))
        start = m.end()
    pieces.append(text[start:])
    return pieces


def _text_parts(chunks: Iterator[bytes], name: str, doc_id: str, source: str,
                report: Report) -> Iterator[Document]:
    """The document of a plain text read in raw chunks: one Document, or for a long text
    consecutive parts of it (same id, with their ``offset`` and ``first_sentence``)."""
    from .text import split_sentences

    meta: dict[str, str] | None = None
    buffer, offset, sentences, parts = "", 0, 0, 0
    pieces = decoded_chunks(chunks, name, report.warning)
    while True:
        piece = next(pieces, None)
        if piece is not None:
            buffer += piece
            cut = _cut(buffer)
            if not cut:
                continue
            text, buffer = buffer[:cut], buffer[cut:]
        else:
            text, buffer = buffer, ""
        if meta is None:
            check_prose(text, name, report)
            meta, text = parse_header(text)
        text = _SOFT_WRAP.sub(" ", text)
        articles = _articles(text)
        for i, article in enumerate(articles):
            last = piece is None and i == len(articles) - 1
            if article.strip() or (last and parts == 0):  # a blank part is skipped
                doc = make_document(doc_id, article, name, meta, report, source)
                if doc is None:
                    return
                if offset or sentences:
                    doc = dataclasses.replace(doc, offset=offset, first_sentence=sentences)
                yield doc
                parts += 1
                if not last:
                    sentences += len(split_sentences(article))
            offset += len(article)
        if piece is None:
            return


def _read_text(path: Path, doc_id: str, report: Report) -> Iterator[Document]:
    with path.open("rb") as fh:
        yield from _text_parts(iter(lambda: fh.read(READ_BYTES), b""), str(path), doc_id, str(path), report)


# --------------------------------------------------------------------------- the registry, files and URLs

#: file suffix -> reader(path, doc_id, report) yielding the file's documents
READERS: dict[str, Callable[[Path, str, Report], Iterator[Document]]] = {
    ".txt": _read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
}


def url_files(arg: str) -> list["RemoteFile"]:
    """The files an fsspec URL names, each shown as its document id: the file itself, the readable
    files under a directory (hidden ones skipped, sorted, as for a local directory) or the
    files a glob (``s3://bucket/news/2024/*.jsonl``) matches. InputError when there is none."""
    fs, path = filesystem(arg)
    shown = redact_url(arg)
    url = fs.unstrip_protocol
    try:
        if _GLOB.search(path):
            found = sorted(p for p in fs.glob(path) if fs.isfile(p))
            return [RemoteFile(fs, p, redact_url(url(p))) for p in found]
        if fs.isdir(path):
            base = path.rstrip("/")
            found = []
            for p in sorted(fs.find(base)):
                rel = p[len(base):].lstrip("/") if p.startswith(base) else PurePath(p).name
                if any(part.startswith(".") for part in PurePath(rel).parts):
                    continue
                if PurePath(rel).suffix.lower() in READERS:
                    found.append((PurePath(rel).parts, p, shown.rstrip("/") + "/" + rel))
            if not found:
                raise InputError(f"{shown}: directory has no documents to read ({' '.join(sorted(READERS))})")
            return [RemoteFile(fs, p, doc_id) for _, p, doc_id in sorted(found)]
        if not fs.exists(path):
            raise InputError(f"{shown}: no such file or directory")
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({' '.join(str(exc).split())[:160]})") from None
    return [RemoteFile(fs, path, shown)]


def files_in(directory: Path) -> list[Path]:
    """Readable files under ``directory``, hidden ones skipped, sorted by their relative path."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, f) for f in files
                     if not f.startswith(".") and Path(f).suffix.lower() in READERS)
    return sorted(found, key=lambda p: p.relative_to(directory).parts)


def read_file(source, doc_id: str, *, on_error: ErrorHandler | None = None,
              on_warning: WarningHandler | None = None, strict: bool = False) -> Iterator[Document]:
    """The documents of one file (a :class:`~pathlib.Path`, or an fsspec file of
    :func:`url_files`), read as :func:`read_documents` reads it under the id ``doc_id``; problems
    as there (without ``on_error``, the first error is raised)."""
    yield from _read_file(source_of(source), doc_id, Report(on_error, on_warning, strict))


def _read_file(path: Path, doc_id: str, report: Report) -> Iterator[Document]:
    reader = READERS.get(path.suffix.lower(), _read_text)  # another suffix given by name: plain text
    log.info("reading %s", path)
    try:
        yield from reader(path, doc_id, report)
    except InputError as exc:
        report.error(exc)
    except OSError as exc:
        report.error(InputError(f"{path}: cannot read ({exc.strerror or exc})"))


# --------------------------------------------------------------------------- stdin

def _stdin_bytes() -> BinaryIO:
    stream = sys.stdin
    if stream is None:
        raise InputError(f"{_STDIN}: standard input is not available")
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text stream without bytes underneath (e.g. io.StringIO)
        import io

        buffer = io.BytesIO(stream.read().encode("utf-8"))
    return buffer


def _looks_like_jsonl(line: bytes) -> bool:
    try:
        obj = json.loads(line.decode("utf-8-sig", errors="replace"))
    except json.JSONDecodeError:
        return False
    return isinstance(obj, dict) and isinstance(obj.get("text"), str)


def _read_stdin(report: Report) -> Iterator[Document]:
    """JSONL when the first non-empty line is a JSON object with a ``text`` string (then read
    line by line, bad lines reported with their number), else one plain-text document ``stdin``."""
    stream = _stdin_bytes()
    head: list[bytes] = []
    for raw in stream:
        head.append(raw)
        if raw.strip():
            break
    if head and _looks_like_jsonl(head[-1]):
        lines = enumerate(itertools.chain(head, stream), start=1)
        yield from jsonl_documents(lines, _STDIN, report)
        return
    chunks = itertools.chain((b"".join(head),), iter(lambda: stream.read(READ_BYTES), b""))
    yield from _text_parts(chunks, _STDIN, "stdin", "stdin", report)


# --------------------------------------------------------------------------- entry point

def read_documents(inputs: Iterable[str], *, on_error: ErrorHandler | None = None,
                   on_warning: WarningHandler | None = None, strict: bool = False) -> Iterator[Document]:
    """Yield the documents of ``inputs``: file paths, directories and ``-`` (stdin).

    A file given by name has its path as given (in POSIX form) as document id; a file found
    in a directory has the directory argument joined with its relative path; a JSONL line has
    its ``id`` (``<file>:<line>`` when it has none). A document's ``source`` is its header's or
    JSONL line's ``source``, else the file it came from.

    Parameters
    ----------
    inputs : iterable of str
        Paths of files or directories, ``"-"`` for standard input, or fsspec URLs of files,
        directories or globs (``s3://bucket/news/*.jsonl``, ``memory://corpus``; see :func:`url_files`).
    on_error : callable, optional
        Receives each :class:`~kg.errors.InputError`; reading goes on. Without it, the first
        error is raised.
    on_warning : callable, optional
        Receives each warning as one line of text. Without it, warnings are dropped.
    strict : bool
        Refuse (an error for that input) a text or Markdown input that looks like RDF or JSON
        rather than news; otherwise it is read with a warning.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Date: 2024-06-20\\n\\nChile and Peru met.\\n")
    >>> [(doc.id.endswith("a.txt"), doc.date, doc.text) for doc in read_documents([str(d)])]
    [(True, '2024-06-20', 'Chile and Peru met.\\n')]
    """
    report = Report(on_error, on_warning, strict)
    for arg in inputs:
        try:
            if arg == "-":
                yield from _read_stdin(report)
                continue
            if is_url(arg):
                for remote in url_files(arg):
                    yield from _read_file(remote, str(remote), report)
                continue
            path = Path(arg)
            if path.is_dir():
                files = files_in(path)
                if not files:
                    raise InputError(f"{arg}: directory has no documents to read "
                                     f"({' '.join(sorted(READERS))})")
                for f in files:
                    yield from _read_file(f, (PurePath(arg) / f.relative_to(path)).as_posix(), report)
            elif not path.exists():
                raise InputError(f"{arg}: no such file or directory")
            else:
                yield from _read_file(path, PurePath(arg).as_posix(), report)
        except InputError as exc:
            report.error(exc)


__all__ = ["READERS", "HEADER_KEYS", "read_documents", "read_file", "read_jsonl_range", "files_in", "url_files",
           "is_url", "redact_url", "parse_header", "markdown_to_text", "html_to_document", "iso_date", "decode",
           "detect_encoding", "is_binary", "looks_like_data"]
