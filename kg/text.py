"""Sentence splitting and tokenization: plain regular expressions, linear in the text length."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from .model import Sentence

#: characters XML 1.0 cannot hold, even escaped
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st gen lt col maj capt sgt adm gov sen rep rev hon pres
no nos vs etc e.g i.e cf al approx est fig inc ltd corp co dept univ
jan feb mar apr jun jul aug sep sept oct nov dec mt ft
""".split())

# A sentence ends at . ! ? (optionally followed by closing quotes or brackets) and whitespace.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n\s*")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,10})$")
_INITIALISM = re.compile(r"(?:[A-Z]\.){2,}$")


def split_sentences(text: str, doc_id: str = "") -> list[Sentence]:
    """Split ``text`` into sentences with their character offsets.

    Line breaks end sentences (headlines, paragraphs). A period after a known
    abbreviation or a single initial does not end a sentence.

    >>> [s.text for s in split_sentences("Mr. Kim met Mr. Putin. Both smiled.\\nTalks went on")]
    ['Mr. Kim met Mr. Putin.', 'Both smiled.', 'Talks went on']
    """
    sentences: list[Sentence] = []
    start = 0
    n = len(text)
    for m in _END.finditer(text):
        end = m.end() if m.group().strip() else m.start()
        if m.group()[0] == ".":
            before = _WORD_BEFORE.search(text, max(start, m.start() - 12), m.start())
            word = before.group(1) if before else ""
            if word and (word.lower().rstrip(".") in _ABBREVIATIONS or len(word) == 1 and word.isupper()):
                continue
            if word and _INITIALISM.search(word + "."):
                # "the U.S. said": an initialism ends a sentence only before a capital + lowercase
                nxt = text[m.end():m.end() + 40].lstrip()
                if not re.match(r"(?:The|A|An|In|On|It|He|She|They|This|But|And)\b", nxt):
                    continue
        _append(sentences, text, start, end, doc_id)
        start = m.end()
    if start < n:
        _append(sentences, text, start, n, doc_id)
    return sentences


#: the longest stretch treated as one sentence; longer runs without a sentence end (lists, tables,
#: text without punctuation) are cut at the last comma, semicolon or space before the limit, which
#: keeps extraction linear in the length of the text
MAX_SENTENCE = 2000
_SOFT_BREAK = re.compile(r"[;,:]\s|\s")


def _append(out: list[Sentence], text: str, start: int, end: int, doc_id: str) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = None
        for m in _SOFT_BREAK.finditer(text, start + MAX_SENTENCE // 2, start + MAX_SENTENCE):
            if cut is None or m.group()[0] in ";,:" or cut[1] == " ":
                cut = (m.end(), m.group()[0])
        stop = cut[0] if cut else start + MAX_SENTENCE
        _append(out, text, start, stop, doc_id)
        start = stop
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(doc_id, len(out), start, end, text[start:end]))


class Token(NamedTuple):
    """A token of a sentence and its character offsets in the sentence."""

    text: str
    start: int
    end: int


# Initialisms (U.S., U.K.), numbers with separators (13,000  26.3  21-22), words with inner
# apostrophes or periods (d'Ivoire, al-), possessive 's, and any other single character.
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"
    r"|\d+(?:[.,:]\d+)*"
    r"|[’']s\b"
    r"|\w+(?:[’'](?!s\b)\w+)?"
    r"|[^\w\s]"
)


def tokenize(text: str) -> list[Token]:
    """Tokens of a sentence with their offsets.

    >>> [t.text for t in tokenize("Moscow's 13,000 U.S.-made shells")]
    ['Moscow', "'s", '13,000', 'U.S.', '-', 'made', 'shells']
    """
    new = tuple.__new__  # Token(...) without the NamedTuple constructor's overhead: tokenizing is hot
    return [new(Token, (m[0], m.start(), m.end())) for m in _TOKEN.finditer(text)]


def iter_tokens(text: str) -> Iterator[str]:
    for m in _TOKEN.finditer(text):
        yield m.group()


# What must never reach a terminal or an XML file as it is: the C0 controls but tab and line feed
# (ESC starts terminal commands, BEL rings, CR overwrites), DEL, the C1 controls (CSI = ESC [),
# the bidirectional overrides and isolates (text that reads otherwise than it is stored), lone
# surrogates and the two non-characters XML 1.0 cannot hold.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
# of those, what can appear in JSON text unescaped (json.dumps escapes only the C0 controls)
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every character that could drive a terminal or break XML shown as U+FFFD.

    >>> printable("Fr\\x1b[31mance\\x07")
    'Fr\\ufffd[31mance\\ufffd'
    """
    return _UNPRINTABLE.sub("\ufffd", text)


def json_terminal_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the C1 controls and bidirectional
    controls written as ``\\uXXXX`` escapes: the same JSON value, safe to print.

    >>> json_terminal_safe('"a\\x9b2J"')
    '"a\\\\u009b2J"'
    """
    if text.isascii() and "\x7f" not in text:  # nothing to escape (the usual case): no scan by the pattern
        return text
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
