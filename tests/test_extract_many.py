"""extract_many parses several documents' sentences in one batch and gives what extract gives, document by
document."""

from __future__ import annotations

import json
from pathlib import Path

from kg.extract import extract, extract_many
from kg.gazetteer import load_gazetteer
from kg.model import Document

ROOT = Path(__file__).resolve().parents[1]


def _documents() -> list[Document]:
    docs = [Document(p.name, p.read_text(encoding="utf-8"), date="2024-05-01")
            for p in sorted((ROOT / "examples").glob("*.txt"))]
    for n, line in enumerate((ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        docs.append(Document(f"articles-{n}", row.get("text", ""), date=row.get("date")))
    return docs


def test_extract_many_equals_extract_document_by_document():
    gazetteer = load_gazetteer()
    docs = _documents()
    single = [extract(d, gazetteer) for d in docs]
    for batch in (1, 7, 10_000):  # a flush after every document, every few, and all in one batch
        many = list(extract_many(docs, gazetteer, sentences_per_batch=batch))
        assert [d.id for d, _ in many] == [d.id for d in docs]
        assert [rels for _, rels in many] == single
    assert sum(map(len, single)) > 20


def test_extract_many_is_lazy():
    """It reads documents only as far as its batch needs: an endless stream gives results."""
    gazetteer = load_gazetteer()

    def endless():
        n = 0
        while True:
            n += 1
            yield Document(f"d{n}", "Canberra condemned Pyongyang on Tuesday.")

    stream = extract_many(endless(), gazetteer, sentences_per_batch=4)
    first = [next(stream) for _ in range(3)]
    assert [d.id for d, _ in first] == ["d1", "d2", "d3"]
    assert all(("AUS", "criticizes", "PRK") in {r.key() for r in rels} for _, rels in first)


def test_extract_many_with_no_room_still_reads_every_document():
    """Limits of zero (or less) still read one document at a time; they never stop the stream."""
    gazetteer = load_gazetteer()
    docs = _documents()[:4] + [Document("empty", ""), Document("blank", "   \n\n  ")]
    single = [extract(d, gazetteer) for d in docs]
    for batch, chars in ((0, 0), (-3, -1), (1, 1), (3, 10)):
        many = list(extract_many(iter(docs), gazetteer, sentences_per_batch=batch, chars_per_batch=chars))
        assert [d.id for d, _ in many] == [d.id for d in docs]
        assert [rels for _, rels in many] == single
