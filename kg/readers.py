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
"""

from __future__ import annotations

import codecs
import dataclasses
import itertools
import json
import logging
import os
import re
import sys
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePath
from typing import BinaryIO, Callable, Iterable, Iterator

from .errors import InputError
from .model import Document

log = logging.getLogger(__name__)

ErrorHandler = Callable[[InputError], None]
WarningHandler = Callable[[str], None]

_PROBE = 8192  # bytes looked at to tell binary files from text
_STDIN = "<stdin>"


class _Report:
    """Routes problems to the caller's callbacks (or raises errors when there is none)."""

    def __init__(self, on_error: ErrorHandler | None, on_warning: WarningHandler | None,
                 strict: bool = False) -> None:
        self.on_error, self.on_warning, self.strict = on_error, on_warning, strict

    def error(self, exc: InputError) -> None:
        if self.on_error is None:
            raise exc
        self.on_error(exc)

    def warning(self, message: str) -> None:
        if self.on_warning is not None:
            self.on_warning(message)


# --------------------------------------------------------------------------- text and dates

_TURTLE = re.compile(r"@prefix\s|@base\s|prefix\s+[\w.-]*:\s*<|base\s+<", re.IGNORECASE)
_NTRIPLES = re.compile(r"(?:<[^>\s]*>|_:\S+)\s+<[^>\s]*>\s+\S.*\.\s*")
_JSON = re.compile(r'\s*(?:\{\s*(?:"|\})|\[\s*(?:[{\["\d\]-]|true|false|null))')


def _after_comment_lines(text: str) -> str:
    """``text`` from its first line that is neither blank nor a ``#`` comment."""
    at = 0
    while at < len(text):
        end = text.find("\n", at)
        line = text[at:] if end < 0 else text[at:end]
        if line.strip() and not line.lstrip().startswith("#"):
            return text[at:].lstrip()
        if end < 0:
            break
        at = end + 1
    return ""


def _after_xml_prolog(text: str) -> str:
    """``text`` after its XML declaration and the comments that follow it."""
    text = text.lstrip()
    if text.startswith("<?xml"):
        text = text[text.find("?>") + 2:].lstrip() if "?>" in text else ""
    while text.startswith("<!--"):
        end = text.find("-->")
        text = text[end + 3:].lstrip() if end >= 0 else ""
    return text


def looks_like_data(head: str) -> str | None:
    """What the start of a text looks like when it is a data file rather than prose: ``"RDF (Turtle)"``,
    ``"RDF (N-Triples)"``, ``"RDF/XML"``, ``"JSON-LD"``, ``"JSON"``; None for prose.

    >>> [looks_like_data(t) for t in ("@prefix kg: <https://e/> .", '{"@context": {}}', "Spain met Chile.")]
    ['RDF (Turtle)', 'JSON-LD', None]
    """
    head = head[:4096].lstrip("\ufeff")
    if _TURTLE.match(_after_comment_lines(head)):
        return "RDF (Turtle)"
    first = next((line for line in head.split("\n") if line.strip() and not line.lstrip().startswith("#")), "")
    if _NTRIPLES.fullmatch(first.strip()):
        return "RDF (N-Triples)"
    if _after_xml_prolog(head).startswith("<rdf:RDF"):
        return "RDF/XML"
    if _JSON.match(head):
        return "JSON-LD" if '"@context"' in head or '"@id"' in head else "JSON"
    return None


def _check_prose(head: str, name: str, report: "_Report") -> None:
    """Warn (or with ``strict``, refuse with an InputError) when a news input looks like data."""
    kind = looks_like_data(head)
    if kind is None:
        return
    if report.strict:
        raise InputError(f"{name}: looks like {kind}, not news text; refused (--strict)")
    report.warning(f"{name}: looks like {kind}, not news text; read as text anyway "
                   "(kg extract and kg build read news; kg query and kg load read graphs)")

# Formats whose files start with these bytes are not text, NUL bytes or not.
_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"BZh", b"\xfd7zXZ",
          b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"OggS", b"ID3", b"\xd0\xcf\x11\xe0")
# Control bytes that text does not contain (tab, line ends, form feed and escape are allowed).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def is_binary(probe: bytes) -> bool:
    """Whether the first bytes of a file show it is not text: a NUL byte, the signature of a
    binary format (PDF, ZIP/DOCX, PNG, JPEG, GIF, gzip, ...), or more than 1% control bytes.
    Text in a legacy encoding (Latin-1, Windows-1252) is text: it is decoded with a warning."""
    if b"\x00" in probe or probe.startswith(_MAGIC):
        return True
    return len(_CONTROL.findall(probe)) > max(4, len(probe) // 100)


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DETECT_BYTES = 1 << 16  # bytes the encoding is detected from
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _bom_encoding(data: bytes) -> str | None:
    """The encoding a byte order mark names (UTF-32 before UTF-16: their marks share a prefix)."""
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def detect_encoding(data: bytes) -> str | None:
    """The encoding of text that is not UTF-8, as charset-normalizer finds it, or None.

    Of the least chaotic readings, the one whose non-ASCII characters are most often letters wins
    (short Western text is otherwise often taken for a DOS code page: "C¶te d'Ivoire"), then the
    most coherent, then Windows-1252 among those that read the same. Text that holds well-formed
    UTF-8 sequences is UTF-8 with a few broken bytes: None.

    >>> detect_encoding("Côte d'Ivoire and Ghana signed a trade agreement.".encode("latin-1"))
    'cp1252'
    """
    from charset_normalizer import from_bytes

    if _UTF8_SEQUENCE.search(data[:_DETECT_BYTES]):
        return None  # UTF-8 with a few broken bytes, not another encoding
    sample = data[:_DETECT_BYTES]

    def plausible(match) -> bool:  # a multi-byte reading of mostly ASCII text puts CJK inside words
        text = str(match)
        return len(text) >= len(sample) or sum(ord(c) > 127 for c in text) > 0.3 * len(text)

    matches = [m for m in from_bytes(sample) if m.encoding and m.encoding != "utf_8" and plausible(m)]
    if not matches:
        try:
            sample.decode("cp1252")
        except UnicodeDecodeError:
            return None
        return "cp1252"
    least = min(m.chaos for m in matches)

    def letters(match) -> float:
        wide = [c for c in str(match) if ord(c) > 127]
        return sum(c.isalpha() for c in wide) / len(wide) if wide else 1.0

    best = max((m for m in matches if m.chaos == least),
               key=lambda m: (round(letters(m), 2), m.coherence, "cp1252" in (m.could_be_from_charset or [m.encoding])))
    same = best.could_be_from_charset or [best.encoding]
    return codecs.lookup("cp1252" if "cp1252" in same else best.encoding).name


def _legacy_decoder(data: bytes, name: str, at: int, report_warning: WarningHandler | None):
    """An incremental decoder for text that is not UTF-8 (first bad byte at ``at``): the detected
    encoding, else UTF-8 with replacement characters; ``report_warning`` is told which."""
    encoding = detect_encoding(data)
    if report_warning is not None:
        report_warning(f"{name}: invalid UTF-8 at byte {at}; " + (f"read as {encoding} (the encoding detected)"
                                                                  if encoding else
                                                                  "decoded with replacement characters"))
    return codecs.getincrementaldecoder(encoding or "utf-8")(errors="replace")


def decode(data: bytes, name: str, warn: WarningHandler | None = None) -> str:
    """Bytes as text, line ends as ``\\n``: the encoding of a byte order mark (UTF-8, UTF-16, UTF-32),
    else UTF-8, else the encoding charset-normalizer detects (``warn`` is told which).

    A binary file (see :func:`is_binary`, applied to the first 8 KiB) is an :class:`InputError`. Text
    whose encoding cannot be told is decoded as UTF-8 with replacement characters.
    """
    bom = _bom_encoding(data)
    if bom is not None:
        text = data.decode(bom, errors="replace")
    elif is_binary(data[:_PROBE]):
        raise InputError(f"{name}: binary file, not text")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _legacy_decoder(data, name, exc.start, warn).decode(data, final=True)
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


_DATE_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
                 "%d.%m.%Y")


def iso_date(value: object) -> str | None:
    """The ISO 8601 date (``YYYY-MM-DD``) of ``value``, or ``None`` when it is not a full date.

    >>> [iso_date(v) for v in ("2024-06-20T08:30:00Z", "20 June 2024", "June 20, 2024", "2024-06")]
    ['2024-06-20', '2024-06-20', '2024-06-20', None]
    """
    text = str(value).strip()
    if re.match(r"\d{4}-\d{2}-\d{2}(?:$|[T ])", text):
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


# --------------------------------------------------------------------------- headers

HEADER_KEYS = ("title", "date", "source", "url", "id")
_HEADER_LINE = re.compile(r"([A-Za-z]+)[ \t]*:[ \t]*(.*)")
_YAML_LINE = re.compile(r"[\w-]+[ \t]*:.*|[ \t]+.*|-[ \t].*|#.*|")


def parse_header(text: str) -> tuple[dict[str, str], str]:
    """Split a leading metadata header from ``text``: ``(fields, body)``.

    The header is a run of ``Key: value`` lines with the keys of :data:`HEADER_KEYS`, ended by
    a blank line, or the same lines between two ``---`` lines (front matter). Without one,
    the fields are empty and the body is ``text``.

    >>> parse_header("Title: Talks\\nDate: 2024-06-20\\n\\nSpain backed Portugal.")
    ({'title': 'Talks', 'date': '2024-06-20'}, 'Spain backed Portugal.')
    >>> parse_header("Note: not a header key\\n\\nText.")[0]
    {}
    """
    lines = text.split("\n")
    fenced = lines[0].strip() == "---"
    meta: dict[str, str] = {}
    for n in range(1 if fenced else 0, len(lines)):
        line = lines[n].strip()
        if (line == "---") if fenced else not line:
            return (meta, "\n".join(lines[n + 1:])) if meta or fenced else ({}, text)
        m = _HEADER_LINE.fullmatch(line)
        if m and m.group(1).lower() in HEADER_KEYS:
            value = m.group(2).strip()
            if fenced and len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]  # a quoted YAML string
            meta[m.group(1).lower()] = value
        elif not fenced or not _YAML_LINE.fullmatch(lines[n]):  # front matter may hold other YAML
            return {}, text
    return {}, text


# Control characters in text become a line break (vertical tab, form feed: page breaks) or a
# space, one for one, so offsets do not move and no output format meets a character it cannot carry.
_CONTROLS = {c: " " for c in (*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f)} | {0x0b: "\n", 0x0c: "\n"}


def _document(doc_id: str, text: str, where: str, meta: dict[str, str], report: _Report,
              source: str) -> Document | None:
    """The Document, or ``None`` after reporting an empty one."""
    text = text.translate(_CONTROLS)
    if not text.strip():
        report.error(InputError(f"{where}: empty document"))
        return None
    day = None
    if meta.get("date"):
        day = iso_date(meta["date"])
        if day is None:
            report.warning(f"{where}: date {meta['date']!r} is not a date (YYYY-MM-DD); ignored")
    return Document(id=meta.get("id") or doc_id, text=text, title=meta.get("title") or None, date=day,
                    url=meta.get("url") or None, source=meta.get("source") or source)


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


def _decoded_chunks(chunks: Iterator[bytes], name: str, report: _Report) -> Iterator[str]:
    """Decode raw chunks incrementally, as :func:`decode` does whole texts (binary files refused,
    invalid UTF-8 replaced with one warning giving the first bad byte, line ends as ``\\n``)."""
    first = next(chunks, b"")
    while len(first) < _PROBE:  # a short read (a pipe): probe the first 8 KiB all the same
        more = next(chunks, b"")
        if not more:
            break
        first += more
    bom = _bom_encoding(first)
    if bom is not None:
        decoder = codecs.getincrementaldecoder(bom)(errors="replace")
    elif is_binary(first[:_PROBE]):
        raise InputError(f"{name}: binary file, not text")
    else:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
        try:
            decoder.decode(first, final=False)
        except UnicodeDecodeError as exc:  # not UTF-8 from the start: the whole text is in another encoding
            decoder = _legacy_decoder(first, name, exc.start, report.warning)
        else:
            decoder.reset()
    consumed = 0  # bytes decoded before the current chunk
    carry = ""  # a trailing "\r" that may be the first half of "\r\n"
    for raw in itertools.chain((first,), chunks, (b"",)):
        final = not raw
        try:
            text = decoder.decode(raw, final=final)
        except UnicodeDecodeError as exc:
            pending = decoder.getstate()[0]  # undecoded bytes held back from earlier chunks
            report.warning(f"{name}: invalid UTF-8 at byte {max(0, consumed - len(pending) + exc.start)}; "
                           "decoded with replacement characters")
            decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
            text = decoder.decode(pending + raw, final=final)
        consumed += len(raw)
        text = carry + text
        carry = ""
        if text.endswith("\r") and not final:
            text, carry = text[:-1], "\r"
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text:
            yield text
        if final:
            return


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
                report: _Report) -> Iterator[Document]:
    """The document of a plain text read in raw chunks: one Document, or for a long text
    consecutive parts of it (same id, with their ``offset`` and ``first_sentence``)."""
    from .text import split_sentences

    meta: dict[str, str] | None = None
    buffer, offset, sentences, parts = "", 0, 0, 0
    pieces = _decoded_chunks(chunks, name, report)
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
            _check_prose(text, name, report)
            meta, text = parse_header(text)
        text = _SOFT_WRAP.sub(" ", text)
        articles = _articles(text)
        for i, article in enumerate(articles):
            last = piece is None and i == len(articles) - 1
            if article.strip() or (last and parts == 0):  # a blank part is skipped
                doc = _document(doc_id, article, name, meta, report, source)
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


def _read_text(path: Path, doc_id: str, report: _Report) -> Iterator[Document]:
    with path.open("rb") as fh:
        yield from _text_parts(iter(lambda: fh.read(READ_BYTES), b""), str(path), doc_id, str(path), report)


# --------------------------------------------------------------------------- Markdown

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST_OR_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?")
_BULLET = re.compile(r"[-*+\d]")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$")
_INLINE = [
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),           # image -> alt text
    (re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])"), r"\1"),  # link -> its text
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),             # autolink
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tags
    (re.compile(r"`+([^`]+?)`+"), r"\1"),                     # inline code
    (re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong, strikethrough
    (re.compile(r"\*(?=\S)(.+?)(?<=\S)\*"), r"\1"),           # emphasis
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),  # _emphasis_, not snake_case
]


def markdown_to_text(md: str) -> str:
    """Markdown as prose: markup that would confuse sentence splitting removed.

    Headings, list items and quotes keep their text on lines of their own; code blocks, rules
    and link targets go; the lines of a paragraph are joined with spaces, as Markdown renders them.

    >>> markdown_to_text("# Talks\\n\\n**Japan** met [Korea](https://example.org)\\nin *Seoul*.")
    'Talks\\n\\nJapan met Korea in Seoul.'
    """
    out: list[str] = []
    fence = None
    in_paragraph = in_quote = False
    for line in md.split("\n"):
        m = _FENCE.match(line)
        if fence is not None or m:
            if fence is None:
                fence = m.group(1)
            elif line.strip().startswith(fence[0] * len(fence)):
                fence = None
            in_paragraph = False
            continue
        if not line.strip() or _RULE.match(line) or _REF_DEF.match(line) \
                or (in_paragraph and _SETEXT.match(line)):
            out.append("")
            in_paragraph = False
            continue
        heading = _ATX.match(line)
        if heading:
            out.append(heading.group(2) or "")
            in_paragraph = False
            continue
        marker = _LIST_OR_QUOTE.match(line).group()
        content = line[len(marker):].strip()
        quote = ">" in marker
        if in_paragraph and quote == in_quote and not _BULLET.search(marker):
            out[-1] += " " + content  # a soft line break inside a paragraph
        else:
            out.append(content)
        in_paragraph, in_quote = True, quote
    text = "\n".join(out)
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


_MD_TITLE = re.compile(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)


def _read_markdown(path: Path, doc_id: str, report: _Report) -> Iterator[Document]:
    text = decode(path.read_bytes(), str(path), report.warning)
    _check_prose(text, str(path), report)
    meta, body = parse_header(text)
    if not meta.get("title"):
        m = _MD_TITLE.search(body)
        if m:
            meta["title"] = markdown_to_text(m.group(1))
    doc = _document(doc_id, markdown_to_text(body), str(path), meta, report, str(path))
    if doc is not None:
        yield doc


# --------------------------------------------------------------------------- HTML

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode_html(data: bytes, name: str, warn: WarningHandler) -> str:
    """HTML as text, in the encoding its ``<meta charset>`` declares when that is a text encoding
    other than UTF-8 and the page decodes in it; a charset that is not a text encoding (``base64``)
    or that the page does not decode in gets a warning, and the page is read as :func:`decode` reads."""
    m = _META_CHARSET.search(data[:4096])
    if m and _bom_encoding(data) is None and not is_binary(data[:_PROBE]):
        declared = m.group(1).decode("ascii")
        try:
            codec = codecs.lookup(declared).name
            bytes(4).decode(codec, "replace")  # LookupError for a codec that is not a text encoding (base64)
        except LookupError:
            codec = None
        if codec is None:
            warn(f"{name}: <meta charset={declared!r}> is not a text encoding; ignored")
        elif codec not in ("utf-8", "utf-8-sig"):
            try:
                return data.decode(codec)
            except (UnicodeDecodeError, LookupError, ValueError):
                warn(f"{name}: the page does not decode as its declared charset {declared!r}; ignored")
    return decode(data, name, warn)


def html_to_document(html: str, doc_id: str, source: str, *, on_error: ErrorHandler | None = None,
                     on_warning: WarningHandler | None = None) -> Document | None:
    """The main text of a news page (navigation, cookie banners and footers dropped) and its
    title, date and URL, with trafilatura; the text of the ``<p>`` elements when trafilatura
    finds no article. Nothing is fetched from the network.

    Returns ``None`` when the page has no text and ``on_error`` took the error.
    """
    import trafilatura  # heavy: imported only to read HTML

    report = _Report(on_error, on_warning)
    found = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                        favor_precision=True, with_metadata=True)
    text = (found.text if found is not None else None) or _paragraph_text(html)
    depth, deep_text = _deep_text(html)
    deep_text = "\n".join(b for b in deep_text.split("\n") if b and b not in text)
    if deep_text:  # below the depth HTML parsers stop at, trafilatura and lxml see nothing
        report.warning(f"{source}: elements nested {depth} deep; the text below depth {_MAX_DEPTH} "
                       "is read as plain paragraphs")
        text = "\n".join(t for t in (text, deep_text) if t)
    meta = {"title": "", "date": "", "url": ""}
    if found is None:
        found = trafilatura.extract_metadata(html)
    for key in meta:
        meta[key] = str(getattr(found, key, None) or "")
    if not text.strip():
        report.error(InputError(f"{source}: no article text found in the page"))
        return None
    return _document(doc_id, text, source, meta, report, source)


_MAX_DEPTH = 250  # libxml2 stops building the tree at 256 levels
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def _deep_text(html: str) -> tuple[int, str]:
    """The nesting depth of ``html`` and, when it passes :data:`_MAX_DEPTH`, the text of the
    paragraphs below that depth (read without the depth limit), else ''."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        if m.group(1):
            depth = max(0, depth - 1)
        elif not m.group(3) and m.group(2).lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    if deepest <= _MAX_DEPTH:
        return deepest, ""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html, parser=lxml_html.HTMLParser(huge_tree=True))
    except (etree.LxmlError, ValueError):
        return deepest, ""
    blocks = []
    for p in tree.iter("p", "li", "h1", "h2", "h3", "blockquote", "td"):
        if sum(1 for _ in p.iterancestors()) >= _MAX_DEPTH:
            text = " ".join(p.text_content().split())
            if text:
                blocks.append(text)
    if not blocks:  # no paragraphs down there: the deepest elements' own text
        for el in tree.iter():
            if isinstance(el.tag, str) and len(el) == 0 and sum(1 for _ in el.iterancestors()) >= _MAX_DEPTH:
                text = " ".join((el.text or "").split())
                if text:
                    blocks.append(text)
    return deepest, "\n".join(blocks)


def _paragraph_text(html: str) -> str:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (etree.LxmlError, ValueError):
        return ""
    paragraphs = (" ".join(p.text_content().split()) for p in tree.iter("p"))
    return "\n".join(p for p in paragraphs if p)


def _read_html(path: Path, doc_id: str, report: _Report) -> Iterator[Document]:
    html = _decode_html(path.read_bytes(), str(path), report.warning)
    try:
        doc = html_to_document(html, doc_id, str(path), on_error=report.on_error, on_warning=report.on_warning)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - trafilatura and lxml fail in many ways on hostile pages
        raise InputError(f"{path}: cannot read the page ({type(exc).__name__}: {' '.join(str(exc).split())[:160]})"
                         ) from None
    if doc is not None:
        yield doc


# --------------------------------------------------------------------------- JSON lines

_TEXT_LOOKALIKES = ("content", "body", "article", "maintext", "full_text")


def _jsonl_document(line: str, where: str, default_source: str, report: _Report) -> Document | None:
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
    return _document(where, text, where, meta, report, default_source)


def _json_type(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
            type(None): "null"}.get(type(value), "a number")


def _jsonl_lines(lines: Iterable[tuple[int, bytes]], name: str, report: _Report,
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


def _read_jsonl(path: Path, doc_id: str, report: _Report) -> Iterator[Document]:
    with path.open("rb") as fh:
        if is_binary(fh.read(_PROBE)):
            raise InputError(f"{path}: binary file, not text")
        fh.seek(0)
        yield from _jsonl_lines(enumerate(fh, start=1), str(path), report)


def read_jsonl_range(path, start: int, end: int, first_line: int, *, name: str | None = None,
                     on_error: ErrorHandler | None = None,
                     on_warning: WarningHandler | None = None) -> Iterator[Document]:
    """The documents of the lines of a JSONL file that begin at byte ``start`` (a line start) up
    to byte ``end``, the first being line number ``first_line`` (1-based): one partition of a
    large file (see :mod:`kg.distributed`). ``path`` is a local path or an fsspec URL; ``name`` the
    file as its documents name it (``name:LINE`` is the id of a line without one)."""
    report = _Report(on_error, on_warning, False)
    source = _source_of(path)
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

        yield from _jsonl_lines(lines(), name, report, whole=False)


# --------------------------------------------------------------------------- fsspec URLs

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_CREDENTIALS = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@")
_GLOB = re.compile(r"[*?\[]")
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


def _filesystem(url: str):
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


class _Remote:
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


def _source_of(arg):
    """A local path, or a :class:`_Remote` for an fsspec URL (one already is)."""
    if isinstance(arg, (_Remote, Path)):
        return arg
    if not is_url(arg):
        return Path(arg)
    fs, path = _filesystem(arg)
    return _Remote(fs, path, redact_url(arg))


def url_files(arg: str) -> list["_Remote"]:
    """The files an fsspec URL names, each shown as its document id: the file itself, the readable
    files under a directory (hidden ones skipped, sorted, as for a local directory) or the
    files a glob (``s3://bucket/news/2024/*.jsonl``) matches. InputError when there is none."""
    fs, path = _filesystem(arg)
    shown = redact_url(arg)
    url = fs.unstrip_protocol
    try:
        if _GLOB.search(path):
            found = sorted(p for p in fs.glob(path) if fs.isfile(p))
            return [_Remote(fs, p, redact_url(url(p))) for p in found]
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
            return [_Remote(fs, p, doc_id) for _, p, doc_id in sorted(found)]
        if not fs.exists(path):
            raise InputError(f"{shown}: no such file or directory")
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({' '.join(str(exc).split())[:160]})") from None
    return [_Remote(fs, path, shown)]


# --------------------------------------------------------------------------- registry

#: file suffix -> reader(path, doc_id, report) yielding the file's documents
READERS: dict[str, Callable[[Path, str, _Report], Iterator[Document]]] = {
    ".txt": _read_text,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
    ".jsonl": _read_jsonl,
}


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
    yield from _read_file(_source_of(source), doc_id, _Report(on_error, on_warning, strict))


def _read_file(path: Path, doc_id: str, report: _Report) -> Iterator[Document]:
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


def _read_stdin(report: _Report) -> Iterator[Document]:
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
        yield from _jsonl_lines(lines, _STDIN, report)
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
    report = _Report(on_error, on_warning, strict)
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


__all__ = ["READERS", "HEADER_KEYS", "read_documents", "files_in", "parse_header", "markdown_to_text",
           "html_to_document",
           "iso_date", "decode", "detect_encoding", "is_binary", "looks_like_data"]
