"""Writing relation records as JSON lines or TSV (the output of ``kg extract``)."""

from __future__ import annotations

import csv
import json
from typing import IO, Callable, Iterable

from .model import Relation

RELATION_FIELDS = ("doc", "subject", "predicate", "object", "subject_label", "object_label", "sentence",
                   "start", "end", "hedged", "negated", "attributed_to", "item", "quantity", "time",
                   "confidence")
#: TSV adds the trigger and the rule after the common fields
TSV_FIELDS = RELATION_FIELDS + ("trigger", "rule")


def _jsonl(rels: Iterable[Relation], fh: IO[str]) -> None:
    for r in rels:
        d = r.to_dict()
        row = {k: d[k] for k in RELATION_FIELDS}
        row["time_value"] = d["time_value"]
        row["trigger"] = d["trigger"]
        row["rule"] = d["rule"]  # the extraction rule that found it: why this edge exists
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _tsv(rels: Iterable[Relation], fh: IO[str]) -> None:
    w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(TSV_FIELDS)
    for r in rels:
        d = r.to_dict()
        w.writerow(["" if d[k] is None else str(d[k]).lower() if isinstance(d[k], bool) else d[k]
                    for k in TSV_FIELDS])


WRITERS: dict[str, Callable[[Iterable[Relation], IO[str]], None]] = {"jsonl": _jsonl, "tsv": _tsv}


def relation_rows(rels: Iterable[Relation], fmt: str, fh: IO[str]) -> None:
    """Write relations to ``fh`` in format ``fmt`` (a key of :data:`WRITERS`)."""
    WRITERS[fmt](rels, fh)
