"""What every reader of :mod:`kg.readers` shares: the report that routes problems to the caller's
callbacks, the metadata header of a text, dates, and the Document made of a text and its fields."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Callable

from ..errors import InputError
from ..model import Document
from .decoding import WarningHandler, looks_like_data

__all__ = ["ErrorHandler", "WarningHandler", "Report", "check_prose", "HEADER_KEYS", "parse_header", "iso_date",
           "make_document"]

ErrorHandler = Callable[[InputError], None]


class Report:
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


def check_prose(head: str, name: str, report: "Report") -> None:
    """Warn (or with ``strict``, refuse with an InputError) when a news input looks like data."""
    kind = looks_like_data(head)
    if kind is None:
        return
    if report.strict:
        raise InputError(f"{name}: looks like {kind}, not news text; refused (--strict)")
    report.warning(f"{name}: looks like {kind}, not news text; read as text anyway "
                   "(kg extract and kg build read news; kg query and kg load read graphs)")


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


def make_document(doc_id: str, text: str, where: str, meta: dict[str, str], report: Report,
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
