"""Reading documents: each format, directories, stdin, metadata headers and bad input."""

from __future__ import annotations

import io
import json
import sys

import pytest

from kg.errors import InputError
from kg.readers import markdown_to_text, read_documents


def collect(inputs, **kw):
    errors, warnings = [], []
    docs = list(read_documents([str(i) for i in inputs], on_error=errors.append,
                               on_warning=warnings.append, **kw))
    return docs, [str(e) for e in errors], warnings


def test_text_with_header(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Title: Talks\nDate: 2024-03-01\nSource: desk\n\nSpain backed Portugal.\n", encoding="utf-8")
    (doc,), errors, _ = collect([p])
    assert errors == []
    assert (doc.id, doc.title, doc.date, doc.source) == (p.as_posix(), "Talks", "2024-03-01", "desk")
    assert doc.text == "Spain backed Portugal.\n"


def test_text_without_header_keeps_every_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Headline: not metadata because it is not a known key\nSecond line.\n")
    (doc,), _, _ = collect([p])
    assert doc.text.startswith("Headline:")


def test_markdown_markup_is_removed(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# Summit in Hanoi\n\n**Vietnam** and the [United States](https://example.org) met.\n\n"
                 "```\ncode\n```\n")
    (doc,), _, _ = collect([p])
    assert doc.title == "Summit in Hanoi"
    assert "Vietnam and the United States met." in doc.text
    assert "**" not in doc.text and "https" not in doc.text and "code" not in doc.text
    assert markdown_to_text("_a_ `b`") == "a b"


def test_html_main_text_without_boilerplate(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("""<html><head><title>Border talks</title></head><body>
        <nav>Home | Sport | Weather</nav><div class="cookies">We use cookies. Accept all</div>
        <article><h1>Border talks</h1>
        <p>Armenia and Azerbaijan held a new round of border talks in Brussels on Friday, officials said.</p>
        <p>The two countries agreed to meet again next month to continue the work on the delimitation.</p>
        </article><footer>Copyright Example Daily. All rights reserved.</footer></body></html>""")
    (doc,), errors, _ = collect([p])
    assert errors == []
    assert "Armenia and Azerbaijan held a new round" in doc.text
    for junk in ("cookies", "Copyright", "Weather"):
        assert junk not in doc.text


def test_jsonl_documents_and_bad_lines(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "text": "Spain backed Portugal.", "date": "2024-05-06", "url": "https://example.org/a"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": "Chile and Peru met.", "date": "yesterday"}),
    ]) + "\n", encoding="utf-8")
    docs, errors, warnings = collect([p])
    assert [d.id for d in docs] == ["a", "c"]
    assert docs[0].date == "2024-05-06" and docs[0].url == "https://example.org/a"
    assert errors == [f"{p}:2: not valid JSON (Expecting property name enclosed in double quotes)",
                      f"{p}:3: a JSON object is expected, not list",
                      f'{p}:4: no "text" string']
    assert any("not an ISO date" in w for w in warnings)


def test_directory_recursion_is_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Spain backed Portugal.")
    (tmp_path / "a.txt").write_text("Chile and Peru met.")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden.")
    (tmp_path / "notes.csv").write_text("ignored")
    docs, errors, _ = collect([tmp_path])
    assert [d.id for d in docs] == [f"{tmp_path.as_posix()}/a.txt", f"{tmp_path.as_posix()}/b/z.txt"]
    assert errors == []


def test_empty_directory_is_an_error(tmp_path):
    _, errors, _ = collect([tmp_path])
    assert errors == [f"{tmp_path}: directory has no readable documents (.htm, .html, .jsonl, .markdown, .md, "
                      ".text, .txt)"]


def test_missing_binary_and_empty_files(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"PK\x03\x04\x00\x00 zip")
    (tmp_path / "empty.txt").write_text("\n \n")
    docs, errors, _ = collect([tmp_path / "missing.txt", tmp_path / "bin.txt", tmp_path / "empty.txt"])
    assert docs == []
    assert errors == [f"{tmp_path / 'missing.txt'}: no such file or directory",
                      f"{tmp_path / 'bin.txt'}: binary file, not text",
                      f"{tmp_path / 'empty.txt'}: empty document"]


def test_without_handler_the_error_is_raised(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_documents([str(tmp_path / "missing.txt")]))


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Spain backed Portugal in Bras\xedlia.".encode("latin-1"))
    (doc,), errors, warnings = collect([p])
    assert errors == [] and "\ufffd" in doc.text
    assert warnings == [f"{p}: invalid UTF-8 at byte 29; decoded with replacement characters"]


def test_stdin_text_and_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Spain backed Portugal.\n")))
    (doc,), _, _ = collect(["-"])
    assert doc.id == "stdin"
    lines = json.dumps({"id": "x1", "text": "Chile and Peru met."}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    (doc,), _, _ = collect(["-"])
    assert doc.id == "x1"
