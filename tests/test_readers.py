"""Reading documents: each suffix, directories, stdin, metadata headers and bad input."""

from __future__ import annotations

import io
import json
import sys

import pytest

from kg.errors import InputError
from kg.readers import READERS, iso_date, markdown_to_text, parse_header, read_documents


def collect(*inputs):
    """Documents, error lines and warning lines of reading ``inputs`` with both callbacks."""
    errors, warnings = [], []
    docs = list(read_documents([str(i) for i in inputs], on_error=errors.append, on_warning=warnings.append))
    assert all(isinstance(e, InputError) for e in errors)
    return docs, [str(e) for e in errors], warnings


def set_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --------------------------------------------------------------------------- plain text

def test_text_file_with_header(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Title: Lisbon talks\nDate: 2024-03-01\nSource: desk notes\nURL: https://example.org/a\n\n"
                 "Spain backed Portugal.\nBoth nations signed a water deal.\n", encoding="utf-8")
    (doc,), errors, warnings = collect(p)
    assert errors == warnings == []
    assert (doc.id, doc.title, doc.date, doc.source, doc.url) == (
        p.as_posix(), "Lisbon talks", "2024-03-01", "desk notes", "https://example.org/a")
    assert doc.text == "Spain backed Portugal.\nBoth nations signed a water deal.\n"


def test_text_file_without_header(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Headline: not a header key\n\nSecond paragraph.\n")
    (doc,), _, _ = collect(p)
    assert doc.text.startswith("Headline:")
    assert (doc.title, doc.date, doc.source) == (None, None, str(p))


def test_header_id_and_bad_header_date(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Id: lisbon-1\nDate: last Tuesday\n\nSpain backed Portugal.")
    (doc,), errors, warnings = collect(p)
    assert (doc.id, doc.date) == ("lisbon-1", None)
    assert warnings == [f"{p}: date 'last Tuesday' is not a date (YYYY-MM-DD); ignored"]


def test_header_formats():
    assert parse_header("title: T\nDATE: 20 June 2024\n\nBody.") == ({"title": "T", "date": "20 June 2024"}, "Body.")
    assert parse_header("---\ntitle: \"Quoted\"\nlayout: post\ntags:\n  - x\n---\nBody.") == ({"title": "Quoted"}, "Body.")
    assert parse_header("Title: no blank line after it") == ({}, "Title: no blank line after it")
    assert parse_header("Spain backed Portugal.\n\nMore.")[0] == {}


def test_hard_wrapped_lines_are_joined_without_moving_offsets(tmp_path):
    text = "Border talks resume\nChile and Peru held talks\nin Lima on the border.\n"
    p = tmp_path / "a.txt"
    p.write_text(text)
    (doc,), _, _ = collect(p)
    assert doc.text == "Border talks resume\nChile and Peru held talks in Lima on the border.\n"
    assert len(doc.text) == len(text)


def test_crlf_line_ends_and_bom(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xef\xbb\xbfDate: 2024-01-02\r\n\r\nChile and Peru met.\r\n")
    (doc,), _, _ = collect(p)
    assert (doc.date, doc.text) == ("2024-01-02", "Chile and Peru met.\n")


def test_unknown_suffix_given_by_name_is_plain_text(tmp_path):
    p = tmp_path / "notes"
    p.write_text("Chile and Peru met.")
    (doc,), errors, _ = collect(p)
    assert errors == [] and doc.text == "Chile and Peru met."


def test_dates():
    assert iso_date("2024-06-20T23:10:00-05:00") == "2024-06-20"
    assert iso_date("Thu, 20 Jun 2024 10:00:00 GMT") == "2024-06-20"
    assert iso_date("2024/06/20") == iso_date("June 20, 2024") == "2024-06-20"
    assert iso_date("2024-02-30") is None and iso_date("soon") is None


# --------------------------------------------------------------------------- Markdown

def test_markdown_markup_is_removed(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# Summit in *Hanoi*\n\n**Vietnam** and the [United States](https://example.org/us) met\n"
                 "on Monday, and `both` signed a deal.\n\n"
                 "```\nFrance attacked Spain.\n```\n\n"
                 "- Japan backed the plan.\n- Laos stayed silent.\n\n> Thailand voiced concern.\n")
    (doc,), errors, _ = collect(p)
    assert errors == [] and doc.title == "Summit in Hanoi"
    assert doc.text == ("Summit in Hanoi\n\nVietnam and the United States met on Monday, and both signed a deal.\n\n"
                        "Japan backed the plan.\nLaos stayed silent.\n\nThailand voiced concern.")
    assert "France" not in doc.text


def test_markdown_header_title_wins_and_suffix_variant(tmp_path):
    p = tmp_path / "a.markdown"
    p.write_text("Title: From the header\n\n# From the heading\n\nChile and Peru met.\n")
    (doc,), _, _ = collect(p)
    assert doc.title == "From the header"


def test_markdown_keeps_snake_case_and_arithmetic():
    assert markdown_to_text("a file_name_here and 2 * 3 * 4, _really_") == "a file_name_here and 2 * 3 * 4, really"
    assert markdown_to_text("Title\n=====\nBody ![map](m.png) <span>text</span>") == "Title\n\nBody map text"


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Border talks resume | Example Daily</title>
<meta property="article:published_time" content="2024-05-03T09:00:00Z">
<link rel="canonical" href="https://example.org/world/border-talks"></head><body>
<header><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<div class="cookie-banner">We use cookies to improve your visit. <button>Accept all</button></div>
<main><article><h1>Border talks resume</h1>
<p>Armenia and Azerbaijan held a new round of border talks in Brussels on Friday, officials from both sides said.</p>
<p>The two countries agreed to meet again next month to continue their work on the delimitation of the border.</p>
<p>Diplomats described the atmosphere as constructive, though no date has been fixed for the next meeting.</p>
</article></main>
<footer>Copyright 2024 Example Daily. All rights reserved. Privacy policy.</footer></body></html>"""


def test_html_main_text_without_boilerplate(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    (doc,), errors, _ = collect(p)
    assert errors == []
    assert "Armenia and Azerbaijan held a new round of border talks" in doc.text
    assert "The two countries agreed to meet again next month" in doc.text
    for junk in ("cookies", "Accept all", "Weather", "Copyright", "Privacy"):
        assert junk not in doc.text
    assert doc.date == "2024-05-03"
    assert doc.title.startswith("Border talks resume")
    assert doc.url == "https://example.org/world/border-talks"


def test_html_without_an_article_falls_back_to_paragraphs(tmp_path):
    p = tmp_path / "short.htm"
    p.write_text("<html><body><p>Chile and Peru met.</p></body></html>")
    (doc,), errors, _ = collect(p)
    assert errors == [] and "Chile and Peru met." in doc.text


def test_html_without_text_is_an_error(tmp_path):
    p = tmp_path / "blank.html"
    p.write_text("<html><head><script>var x = 1;</script></head><body><img src='a.png'></body></html>")
    docs, errors, _ = collect(p)
    assert docs == [] and errors == [f"{p}: no article text found in the page"]


def test_html_in_a_declared_legacy_encoding(tmp_path):
    p = tmp_path / "latin.html"
    p.write_bytes(b'<html><head><meta charset="iso-8859-1"></head><body><article>'
                  b"<p>Brazil and Portugal signed an accord in Bras\xedlia on Monday, the two foreign ministries said"
                  b" in a joint statement released after the ceremony.</p></article></body></html>")
    (doc,), errors, warnings = collect(p)
    assert "Bras\u00edlia" in doc.text and errors == warnings == []


# --------------------------------------------------------------------------- JSON lines

def test_jsonl_documents_bad_lines_and_continuing(tmp_path):
    p = tmp_path / "data.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "text": "Spain backed Portugal.", "date": "2024-05-06T10:00:00Z",
                    "url": "https://example.org/a", "title": "A", "source": "wire"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "b", "content": "Chile and Peru met."}),
        "",
        json.dumps({"text": "Chile and Peru met.", "date": "yesterday"}),
        json.dumps({"id": 7, "text": "  "}),
        json.dumps({"id": "c", "text": 42}),
    ]) + "\n", encoding="utf-8")
    docs, errors, warnings = collect(p)
    assert [(d.id, d.date) for d in docs] == [("a", "2024-05-06"), (f"{p}:6", None)]
    assert (docs[0].title, docs[0].url, docs[0].source, docs[1].source) == ("A", "https://example.org/a", "wire", str(p))
    assert errors == [
        f"{p}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{p}:3: a JSON object is expected, not an array",
        f'{p}:4: no "text" string (found "content": rename it to "text")',
        f"{p}:7: empty document",
        f'{p}:8: "text" is a number, not a string',
    ]
    assert warnings == [f"{p}:6: date 'yesterday' is not a date (YYYY-MM-DD); ignored"]


def test_jsonl_error_without_handler_is_raised_with_its_line(tmp_path):
    p = tmp_path / "data.jsonl"
    p.write_text(json.dumps({"text": "Chile and Peru met."}) + "\n\n[]\n")
    docs = read_documents([str(p)])
    assert next(docs).text == "Chile and Peru met."
    with pytest.raises(InputError, match=r"data\.jsonl:3: a JSON object is expected, not an array"):
        next(docs)


def test_jsonl_invalid_utf8_line_is_replaced_with_a_warning(tmp_path):
    p = tmp_path / "data.jsonl"
    p.write_bytes(b'{"id": "x", "text": "Bras\xedlia hosted talks."}\n')
    (doc,), errors, warnings = collect(p)
    assert "\ufffd" in doc.text and errors == []
    assert warnings == [f"{p}:1: invalid UTF-8 at byte 25; decoded with replacement characters"]


def test_jsonl_with_no_lines(tmp_path):
    p = tmp_path / "data.jsonl"
    p.write_text("\n\n")
    assert collect(p)[1] == [f"{p}: empty document (no JSON lines)"]


# --------------------------------------------------------------------------- directories

def test_directory_recursion_is_sorted_and_skips_hidden_and_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "c").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.md").write_text("Spain backed Portugal.")
    (tmp_path / "b" / "c" / "y.txt").write_text("Chile and Peru met.")
    (tmp_path / "b-a.txt").write_text("Japan and Korea met.")
    (tmp_path / "a.TXT").write_text("Chile and Peru met.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git" / "x.txt").write_text("Hidden.")
    (tmp_path / "notes.csv").write_text("ignored")
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "j1", "text": "Laos and Vietnam met."}) + "\n")
    docs, errors, _ = collect(tmp_path)
    root = tmp_path.as_posix()
    assert [d.id for d in docs] == [f"{root}/a.TXT", f"{root}/b/c/y.txt", f"{root}/b/z.md", f"{root}/b-a.txt", "j1"]
    assert errors == []


def test_directory_ids_join_the_argument_as_given(tmp_path, monkeypatch):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Chile and Peru met.")
    monkeypatch.chdir(tmp_path)
    assert [d.id for d in read_documents(["news/"])] == ["news/a.txt"]
    assert [d.id for d in read_documents(["./news/a.txt"])] == ["news/a.txt"]


def test_directory_without_documents_is_an_error(tmp_path):
    (tmp_path / "notes.csv").write_text("ignored")
    _, errors, _ = collect(tmp_path)
    assert errors == [f"{tmp_path}: directory has no documents to read ({' '.join(sorted(READERS))})"]


# --------------------------------------------------------------------------- bad files

def test_missing_binary_and_empty_files_are_errors_and_reading_goes_on(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"PK\x03\x04\x00\x00 zip")
    (tmp_path / "bin.jsonl").write_bytes(b"\x00\x01")
    (tmp_path / "empty.txt").write_text("\n \n")
    (tmp_path / "header-only.md").write_text("Title: Nothing else\n\n")
    (tmp_path / "good.txt").write_text("Chile and Peru met.")
    docs, errors, _ = collect(tmp_path / "missing.txt", tmp_path / "bin.txt", tmp_path / "bin.jsonl",
                              tmp_path / "empty.txt", tmp_path / "header-only.md", tmp_path / "good.txt")
    assert [d.text for d in docs] == ["Chile and Peru met."]
    assert errors == [f"{tmp_path / 'missing.txt'}: no such file or directory",
                      f"{tmp_path / 'bin.txt'}: binary file, not text",
                      f"{tmp_path / 'bin.jsonl'}: binary file, not text",
                      f"{tmp_path / 'empty.txt'}: empty document",
                      f"{tmp_path / 'header-only.md'}: empty document"]


def test_without_handler_the_error_is_raised(tmp_path):
    with pytest.raises(InputError, match=r"^.*missing\.txt: no such file or directory$"):
        list(read_documents([str(tmp_path / "missing.txt")]))


def test_text_in_a_legacy_encoding_is_detected_with_a_warning(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Spain backed Portugal in Bras\xedlia.".encode("latin-1"))
    (doc,), errors, warnings = collect(p)
    assert errors == [] and doc.text == "Spain backed Portugal in Bras\xedlia."
    assert warnings == [f"{p}: invalid UTF-8 at byte 29; read as cp1252 (the encoding detected)"]


def test_broken_utf8_is_replaced_with_a_warning(tmp_path):
    p = tmp_path / "broken.txt"
    p.write_bytes("Perú backed Chile in Bras".encode() + b"\xed" + "lia.".encode())
    (doc,), errors, warnings = collect(p)
    assert errors == [] and doc.text == "Perú backed Chile in Bras\ufffdlia."
    assert warnings == [f"{p}: invalid UTF-8 at byte 26; decoded with replacement characters"]


def test_utf16_with_bom_is_text(tmp_path):
    p = tmp_path / "wide.txt"
    p.write_bytes("Chile and Peru met.".encode("utf-16"))
    (doc,), errors, _ = collect(p)
    assert errors == [] and doc.text == "Chile and Peru met."


# --------------------------------------------------------------------------- stdin

def test_stdin_plain_text_with_header(monkeypatch):
    set_stdin(monkeypatch, b"Date: 2024-02-01\n\nSpain backed Portugal.\n{not a JSON line}\n")
    (doc,), errors, _ = collect("-")
    assert (doc.id, doc.date, doc.text, doc.source) == ("stdin", "2024-02-01",
                                                        "Spain backed Portugal.\n{not a JSON line}\n", "stdin")


def test_stdin_jsonl(monkeypatch):
    lines = [json.dumps({"id": "x1", "text": "Chile and Peru met."}), "",
             json.dumps({"id": "x2", "text": "Laos and Vietnam met.", "date": "2023-11-05"})]
    set_stdin(monkeypatch, ("\n" + "\n".join(lines) + "\n").encode())
    docs, errors, _ = collect("-")
    assert [(d.id, d.date) for d in docs] == [("x1", None), ("x2", "2023-11-05")] and errors == []


def test_stdin_jsonl_bad_line_has_its_number(monkeypatch):
    set_stdin(monkeypatch, (json.dumps({"text": "Chile and Peru met."}) + "\n{oops\n").encode())
    docs, errors, _ = collect("-")
    assert [d.id for d in docs] == ["<stdin>:1"]
    assert errors == ["<stdin>:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)"]


def test_stdin_empty_and_invalid_utf8(monkeypatch):
    set_stdin(monkeypatch, b"  \n")
    assert collect("-")[1] == ["<stdin>: empty document"]
    set_stdin(monkeypatch, b"Bras\xedlia hosted talks.")
    (doc,), _, warnings = collect("-")
    assert doc.text == "Bras\xedlia hosted talks."
    assert warnings == ["<stdin>: invalid UTF-8 at byte 4; read as cp1252 (the encoding detected)"]


def test_stdin_and_files_mixed_in_order(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Chile and Peru met.")
    set_stdin(monkeypatch, b"Spain backed Portugal.")
    docs, _, _ = collect(tmp_path / "a.txt", "-")
    assert [d.id for d in docs] == [(tmp_path / "a.txt").as_posix(), "stdin"]
