"""Extraction quality on the development data, split once into a part we tune on and a part we only score.

The split is fixed by the item ids (SHA-1 of the id; about 40% of each ``dev2`` file goes to the
scored part) so every session measures the same items. ``dev_sentences`` and ``dev_docs`` are
all "tune": the rules were first written on them. The scored part is printed as figures only:
``--errors`` lists the errors of the tune part and never those of the scored part, except ``scored2``, the
scored sentences of ``dev2``, which were read and worked on from the eighth session on (retired as a blind
set; the scored documents stay unread).

    python bench/quality.py                      # a table of P, R, F1 for every set
    python bench/quality.py --errors tune2       # errors of the dev2 tune part
    python bench/quality.py --markdown           # the table as Markdown rows for bench/quality.md

The gold files live in ``../shared/gold`` (outside the repository); ``--gold DIR`` points elsewhere.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.evaluate import read_gold, score  # noqa: E402

SCORED_SHARE = 0.4


def is_scored(item_id: str) -> bool:
    """True when an item belongs to the scored (never tuned) part of the split."""
    h = int(hashlib.sha1(item_id.encode()).hexdigest()[:8], 16)
    return h / 0xFFFFFFFF < SCORED_SHARE


def sets(gold: Path) -> dict[str, tuple[Path, str]]:
    """Name -> (gold file, which part: all, tune or scored)."""
    out = {
        "seed": (gold / "seed_gold.tsv", "all"),
        "dev": (gold / "dev_sentences.tsv", "all"),
        "dev-docs": (gold / "dev_docs.tsv", "all"),
        "tune2": (gold / "dev2_sentences.tsv", "tune"),
        "tune2-docs": (gold / "dev2_docs.tsv", "tune"),
        "scored2": (gold / "dev2_sentences.tsv", "scored"),
        "scored2-docs": (gold / "dev2_docs.tsv", "scored"),
    }
    sealed = ROOT / "tests" / "data" / "sealed"
    if (sealed / "sentences.tsv").exists():
        out["sealed"] = (sealed / "sentences.tsv", "all")
    if (sealed / "docs.tsv").exists():
        out["sealed-docs"] = (sealed / "docs.tsv", "all")
    return out


def items_of(path: Path, part: str):
    items = read_gold(path)
    if part == "all":
        return items
    want = part == "scored"
    return [it for it in items if is_scored(it.id) == want]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "gold"))
    ap.add_argument("--errors", metavar="SET", help="list the errors of one tune set (never a scored or sealed one)")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--only", help="comma-separated set names")
    args = ap.parse_args()
    from kg.extract import extract
    from kg.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    table = sets(Path(args.gold))
    names = args.only.split(",") if args.only else list(table)
    unread = ("scored2-docs", "sealed")
    if args.errors and (args.errors.startswith(unread) or args.errors not in table):
        sys.exit(f"--errors takes a read set: {', '.join(n for n in table if not n.startswith(unread))}")
    started = time.perf_counter()
    for name in names:
        path, part = table[name]
        if not path.exists():
            continue
        items = items_of(path, part)
        predicted = {it.id: {r.key() for r in extract(it.document(), gazetteer) if not r.negated} for it in items}
        s = score(items, predicted)
        o = s.overall
        if args.markdown:
            print(f"| {name} | {len(items)} | {o.tp} | {o.fp} | {o.fn} | {o.precision:.3f} | {o.recall:.3f} | {o.f1:.3f} |")
        else:
            print(f"{name:<13} items {len(items):>4}  tp {o.tp:>4}  fp {o.fp:>4}  fn {o.fn:>4}  "
                  f"P {o.precision:.3f}  R {o.recall:.3f}  F1 {o.f1:.3f}")
        if args.errors == name:
            texts = {it.id: it.text for it in items}
            for e in s.errors:
                print(f"  {e.kind} {e.item} {'|'.join(e.triple)}   {texts[e.item][:200]!r}" if part != "all" or
                      not name.endswith("docs") else f"  {e.kind} {e.item} {'|'.join(e.triple)}")
    print(f"({time.perf_counter() - started:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
