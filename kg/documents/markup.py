"""The Markdown and HTML readers of :mod:`kg.readers`: Markdown as prose (:func:`markdown_to_text`),
and the main text and metadata of a news page (:func:`html_to_document`, with trafilatura)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..model import Document
from .decoding import PROBE, WarningHandler, bom_encoding, decode, is_binary
from .fields import ErrorHandler, Report, check_prose, make_document, parse_header

__all__ = ["markdown_to_text", "read_markdown", "html_to_document", "read_html"]

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


def read_markdown(path: Path, doc_id: str, report: Report) -> Iterator[Document]:
    text = decode(path.read_bytes(), str(path), report.warning)
    check_prose(text, str(path), report)
    meta, body = parse_header(text)
    if not meta.get("title"):
        m = _MD_TITLE.search(body)
        if m:
            meta["title"] = markdown_to_text(m.group(1))
    doc = make_document(doc_id, markdown_to_text(body), str(path), meta, report, str(path))
    if doc is not None:
        yield doc


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode_html(data: bytes, name: str, warn: WarningHandler) -> str:
    """HTML as text, in the encoding its ``<meta charset>`` declares when that is a text encoding
    other than UTF-8 and the page decodes in it; a charset that is not a text encoding (``base64``)
    or that the page does not decode in gets a warning, and the page is read as :func:`decode` reads."""
    m = _META_CHARSET.search(data[:4096])
    if m and bom_encoding(data) is None and not is_binary(data[:PROBE]):
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

    report = Report(on_error, on_warning)
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
    return make_document(doc_id, text, source, meta, report, source)


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


def read_html(path: Path, doc_id: str, report: Report) -> Iterator[Document]:
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
