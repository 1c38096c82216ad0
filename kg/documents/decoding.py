"""Bytes to text for the readers of :mod:`kg.readers`: binary files refused, the encoding found
(a byte order mark, UTF-8, else the one charset-normalizer detects, with a warning), line ends
made ``\n``, whole (:func:`decode`) or in chunks (:func:`decoded_chunks`); and what a text that is
data rather than news looks like (:func:`looks_like_data`)."""

from __future__ import annotations

import codecs
import itertools
import re
from typing import Callable, Iterator

from ..errors import InputError

__all__ = ["PROBE", "WarningHandler", "looks_like_data", "is_binary", "bom_encoding", "detect_encoding", "decode",
           "decoded_chunks"]

WarningHandler = Callable[[str], None]

PROBE = 8192  # bytes looked at to tell binary files from text

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


def bom_encoding(data: bytes) -> str | None:
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
    bom = bom_encoding(data)
    if bom is not None:
        text = data.decode(bom, errors="replace")
    elif is_binary(data[:PROBE]):
        raise InputError(f"{name}: binary file, not text")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _legacy_decoder(data, name, exc.start, warn).decode(data, final=True)
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def decoded_chunks(chunks: Iterator[bytes], name: str, warn: WarningHandler | None = None) -> Iterator[str]:
    """Decode raw chunks incrementally, as :func:`decode` does whole texts (binary files refused,
    invalid UTF-8 replaced with one warning giving the first bad byte, line ends as ``\\n``)."""
    first = next(chunks, b"")
    while len(first) < PROBE:  # a short read (a pipe): probe the first 8 KiB all the same
        more = next(chunks, b"")
        if not more:
            break
        first += more
    bom = bom_encoding(first)
    if bom is not None:
        decoder = codecs.getincrementaldecoder(bom)(errors="replace")
    elif is_binary(first[:PROBE]):
        raise InputError(f"{name}: binary file, not text")
    else:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
        try:
            decoder.decode(first, final=False)
        except UnicodeDecodeError as exc:  # not UTF-8 from the start: the whole text is in another encoding
            decoder = _legacy_decoder(first, name, exc.start, warn)
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
            if warn is not None:
                warn(f"{name}: invalid UTF-8 at byte {max(0, consumed - len(pending) + exc.start)}; "
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
