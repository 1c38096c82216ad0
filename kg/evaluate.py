"""Score extracted relations against a gold TSV file (the format and rules of docs/annotation-guide.md).

A gold file has a header row ``id  source  sentence  relations`` (sentence level) or
``id  source  doc  relations`` (document level, ``doc`` a text file relative to the gold
file's folder). ``relations`` holds ``SUBJ|predicate|OBJ`` triples separated by ``;``.

Scores are precision, recall and F1 over triples, micro-averaged over all items. A
symmetric predicate matches in either direction; ``leaderOf`` and ``memberOf`` are left out;
each distinct ``(subject, predicate, object)`` counts once per item.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping

from .errors import GoldError
from .fileio import read_text
from .model import Document, Relation
from .predicates import RELATION_PREDICATES, SYMMETRIC_PREDICATES

Triple = tuple[str, str, str]

#: structural predicates: allowed in a gold file, never scored
UNSCORED_PREDICATES = frozenset({"leaderOf", "memberOf"})
_TEXT_COLUMNS = ("sentence", "doc")


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One gold item: a sentence or a document with its annotated triples.

    ``text`` is the sentence, or the text of the document file; ``doc`` is the document's
    path as written in the gold file (``None`` for a sentence-level item).
    """

    id: str
    source: str
    text: str
    triples: frozenset[Triple]
    doc: str | None = None
    date: str | None = None  # from a document file's header, as kg build reads it

    def document(self) -> Document:
        """The item as a :class:`~kg.model.Document` to hand to an extractor."""
        return Document(id=self.id, text=self.text, url=_url(self.source), date=self.date,
                        source=self.doc if self.doc is not None else self.source)


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, with the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True)
class ScoreError:
    """A triple that was predicted but is not gold (``"FP"``) or gold but missed (``"FN"``)."""

    item: str
    triple: Triple
    kind: str  # "FP" | "FN"


@dataclass(frozen=True, slots=True)
class Scores:
    """Micro-averaged totals, per-predicate counts and the list of errors."""

    overall: Counts
    per_predicate: dict[str, Counts] = field(default_factory=dict)
    errors: tuple[ScoreError, ...] = ()
    items: int = 0

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    def to_dict(self) -> dict:
        """Plain data for JSON output (scores rounded to 4 places)."""
        return {
            "items": self.items,
            "overall": self.overall.to_dict(),
            "per_predicate": {p: c.to_dict() for p, c in self.per_predicate.items()},
            "errors": [{"item": e.item, "triple": "|".join(e.triple), "kind": e.kind} for e in self.errors],
        }


def _url(source: str) -> str | None:
    return source if source.startswith(("http://", "https://")) else None


def normalize(triple: Triple) -> Triple:
    """The canonical form of a triple: a symmetric predicate's actors in sorted order.

    >>> normalize(("RUS", "atWarWith", "UKR")) == normalize(("UKR", "atWarWith", "RUS"))
    True
    """
    s, p, o = triple
    if p in SYMMETRIC_PREDICATES and o < s:
        return (o, p, s)
    return (s, p, o)


def _scored(triples: Iterable[Triple]) -> set[Triple]:
    return {normalize(tuple(t)) for t in triples if t[1] not in UNSCORED_PREDICATES}


def parse_triples(cell: str) -> frozenset[Triple]:
    """Parse a ``relations`` cell (``SUBJ|pred|OBJ;...``); raises ValueError naming the bad part."""
    triples = set()
    for part in cell.split(";"):
        part = part.strip()
        if not part:
            continue
        fields = [f.strip() for f in part.split("|")]
        if len(fields) != 3 or not all(fields):
            raise ValueError(f"malformed triple {part!r} (expected SUBJ|predicate|OBJ)")
        s, p, o = fields
        if p not in RELATION_PREDICATES and p not in UNSCORED_PREDICATES:
            raise ValueError(f"unknown predicate {p!r} in {part!r}")
        if any(c.isspace() for c in s + o):
            raise ValueError(f"actor id with a space in {part!r}")
        triples.add((s, p, o))
    return frozenset(triples)


def read_gold(path: str | Path) -> list[GoldItem]:
    """Read a sentence- or document-level gold TSV file.

    Raises :class:`~kg.errors.GoldError` with ``FILE:LINE: problem`` for a malformed row,
    a missing column, a duplicate id or a document file that cannot be read.
    """
    path = Path(path)
    name = path.name
    raw = read_text(path, "gold file", GoldError, encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        raise GoldError(f"{name}:1: empty gold file (expected a header row)")
    header = [h.strip() for h in rows[0]]
    text_cols = [c for c in _TEXT_COLUMNS if c in header]
    missing = [c for c in ("id", "source", "relations") if c not in header]
    if missing or len(text_cols) != 1:
        need = "id, source, sentence or doc, relations"
        raise GoldError(f"{name}:1: bad header {header!r} (expected columns {need})")
    text_col = text_cols[0]
    col = {c: header.index(c) for c in ("id", "source", text_col, "relations")}
    items: list[GoldItem] = []
    seen: set[str] = set()
    for lineno, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            if lineno == len(rows) and not raw.endswith(("\n", "\r")):
                raise GoldError(f"{name}:{lineno}: {len(row)} columns, expected {len(header)}; "
                                "the file ends in the middle of this row (truncated?)")
            row = row + [""] * (len(header) - len(row))  # trailing empty relations cell
        if len(row) != len(header):
            raise GoldError(f"{name}:{lineno}: {len(row)} columns, expected {len(header)}")
        item_id = row[col["id"]].strip()
        if not item_id:
            raise GoldError(f"{name}:{lineno}: empty id")
        if item_id in seen:
            raise GoldError(f"{name}:{lineno}: duplicate id {item_id!r}")
        seen.add(item_id)
        value = row[col[text_col]].strip()
        if not value:
            raise GoldError(f"{name}:{lineno}: empty {text_col}")
        try:
            triples = parse_triples(row[col["relations"]])
        except ValueError as exc:
            raise GoldError(f"{name}:{lineno}: {exc}") from None
        doc = date = None
        text = value
        if text_col == "doc":
            doc = value
            try:
                raw = (path.parent / value).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                reason = "file not found" if isinstance(exc, FileNotFoundError) else str(exc)
                raise GoldError(f"{name}:{lineno}: cannot read document {value!r} ({reason})") from None
            from .readers import iso_date, parse_header

            meta, text = parse_header(raw)  # the same header the readers take off a text file
            date = iso_date(meta.get("date"))
        items.append(GoldItem(item_id, row[col["source"]].strip(), text, triples, doc, date))
    return items


def score(gold_items: Iterable[GoldItem], predicted: Mapping[str, Iterable[Triple]]) -> Scores:
    """Compare predicted triples with the gold triples, item by item.

    ``predicted`` maps an item id to its predicted ``(subject, predicate, object)`` triples;
    a gold item with no entry has predicted nothing, and ids that are not gold are ignored.

    Examples
    --------
    >>> gold = [GoldItem("s1", "", "text", frozenset({("RUS", "atWarWith", "UKR"),
    ...                                               ("PRK", "supplies", "RUS")}))]
    >>> s = score(gold, {"s1": {("UKR", "atWarWith", "RUS"), ("RUS", "supplies", "PRK")}})
    >>> (s.overall.tp, s.overall.fp, s.overall.fn)
    (1, 1, 1)
    >>> round(s.f1, 3)
    0.5
    """
    per: dict[str, Counts] = {}
    errors: list[ScoreError] = []
    n = 0
    for item in gold_items:
        n += 1
        gold = _scored(item.triples)
        pred = _scored(predicted.get(item.id, ()))
        for t in sorted(gold & pred):
            per[t[1]] = per.get(t[1], Counts()) + Counts(tp=1)
        for t in sorted(pred - gold):
            per[t[1]] = per.get(t[1], Counts()) + Counts(fp=1)
            errors.append(ScoreError(item.id, t, "FP"))
        for t in sorted(gold - pred):
            per[t[1]] = per.get(t[1], Counts()) + Counts(fn=1)
            errors.append(ScoreError(item.id, t, "FN"))
    overall = sum(per.values(), Counts())
    order = {p: i for i, p in enumerate(RELATION_PREDICATES)}
    ordered = dict(sorted(per.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))
    return Scores(overall, ordered, tuple(errors), n)


def evaluate_file(path: str | Path, extract_fn: Callable[[Document], Iterable[Relation]]) -> Scores:
    """Read a gold file, run ``extract_fn`` on each item and score the result.

    ``extract_fn`` receives each item as a :class:`~kg.model.Document` (the sentence, or
    the document's text) and returns relations; negated relations are ignored.
    """
    items = read_gold(path)
    predicted = {
        item.id: {r.key() for r in extract_fn(item.document()) if not r.negated}
        for item in items
    }
    return score(items, predicted)


def format_scores(scores: Scores, errors: bool = False) -> str:
    """A fixed-width table: one line per predicate, then ``overall``.

    With ``errors`` the table is followed by one line per error: ``FP|FN  item  S|pred|O``.

    >>> print(format_scores(score([], {})))
    predicate         tp    fp    fn      P      R     F1
    overall            0     0     0  0.000  0.000  0.000
    """
    head = f"{'predicate':<15} {'tp':>4}  {'fp':>4}  {'fn':>4}  {'P':>5}  {'R':>5}  {'F1':>5}"

    def line(name: str, c: Counts) -> str:
        return (f"{name:<15} {c.tp:>4}  {c.fp:>4}  {c.fn:>4}  "
                f"{c.precision:5.3f}  {c.recall:5.3f}  {c.f1:5.3f}")

    lines = [head] + [line(p, c) for p, c in scores.per_predicate.items()]
    lines.append(line("overall", scores.overall))
    if errors and scores.errors:
        lines.append("")
        lines.extend(f"{e.kind}  {e.item}  {'|'.join(e.triple)}" for e in scores.errors)
    return "\n".join(lines)


__all__ = ["GoldItem", "Counts", "ScoreError", "Scores", "normalize", "parse_triples", "read_gold",
           "score", "evaluate_file", "format_scores"]
