"""Train the learned reading of candidate pairs (``kg/extract/learned.py``) and measure what it adds (issue 11.3).

Every candidate the extractor records (a lexicon trigger, one of its relations, an ordered pair of actors of the
sentence; see :mod:`kg.extract.learned`) is labelled 1 when its (subject, predicate, object) is in the item's
gold and 0 otherwise. The extractor adds, for a pair of actors the rules gave nothing in a sentence, the most
probable candidate above a threshold; so the model learns from, and is judged on, the candidates of such pairs.

Training data: the annotated sets in this repository that the rules were developed on (``TRAIN_SETS``). The
regularisation C and the threshold are chosen by 5-fold cross-validation grouped by item, on the training data
only, to maximise the F1 of rules plus model. The unread sets (``BLIND_SETS``) are then scored once with
the final model, by the extractor itself (``--blind``).

    python tools/train_pair_model.py                     # CV table on the training data
    python tools/train_pair_model.py --write             # also write kg/extract/data/pair_model.json (or remove
                                                         # it, when no setting beats the rules alone)
    python tools/train_pair_model.py --blind             # score the blind sets, rules alone and with the model

Deterministic: fixed folds, lbfgs (no randomness), weights rounded to 4 decimals.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from kg.evaluate import _scored, normalize, score  # noqa: E402
from quality import items_of, sets  # noqa: E402

DATA = ROOT / "tests" / "data"
TRAIN_SETS = {
    "review": (DATA / "review" / "sentences.tsv", "all"),
    "review2": (DATA / "review2" / "sentences.tsv", "all"),
    "review3": (DATA / "review3" / "sentences.tsv", "all"),
    "review5": (DATA / "review5" / "sentences.tsv", "all"),
    "heldout": (DATA / "heldout_sentences.tsv", "all"),
    "heldout-docs": (DATA / "heldout_docs.tsv", "all"),
    "review8-tune": (DATA / "review8" / "sentences.tsv", "tune"),
    "review8-docs-tune": (DATA / "review8" / "docs.tsv", "tune"),
    "examples": (ROOT / "examples" / "gold.tsv", "all"),
    # written for this model by a helper outside the rules team (Dec 3); the rules were never tuned on it, so its
    # candidates are those of text the rules did not see
    "review10": (DATA / "review10" / "sentences.tsv", "all"),
}
BLIND_SETS = {
    "review4": (DATA / "review4" / "sentences.tsv", "all"),
    "review6": (DATA / "review6" / "sentences.tsv", "all"),
    "review7": (DATA / "review7" / "sentences.tsv", "all"),
    "review8-scored": (DATA / "review8" / "sentences.tsv", "scored"),
    "review8-docs-scored": (DATA / "review8" / "docs.tsv", "scored"),
    # sets of sentences with documents beside them: both parts
    **{key: (DATA / name / f"{part}.tsv", "all")
       for name in ("review9", "review11", "review15", "review16", "review18", "review20", "sealed")
       for key, part in ((name, "sentences"), (f"{name}-docs", "docs"))},
}
C_GRID = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(4, 20)) + (1.01,)  # 1.01: the rules alone
FOLDS = 5
PRUNE = 0.01  # weights smaller than this are dropped (the decisions of the training data do not change)
OUT = ROOT / "kg" / "extract" / "data" / "pair_model.json"


def shared_sets() -> dict:
    """The tune and scored parts of ../shared/gold (dev2's split of bench/quality.py), when it is there."""
    gold = ROOT.parent / "shared" / "gold"
    return sets(gold) if gold.is_dir() else {}


def collect(items, gazetteer, with_model: bool = False):
    """Per item: its gold, the rules' non-negated keys, and the candidates the extractor recorded as
    (sentence, key, features)."""
    from kg.extract import extract, learned

    real = learned.load_model
    if not with_model:
        learned.load_model = _no_model  # (the rules alone: what the model is to add to)
    rows = []
    try:
        for it in items:
            learned.RECORD = []
            rels = extract(it.document(), gazetteer)
            rows.append((it, {r.key() for r in rels if not r.negated}, list(learned.RECORD)))
    finally:
        learned.RECORD = None
        learned.load_model = real
    return rows


def _no_model():
    return None


def training_rows(data):
    """(group, features, label, item index, sentence, key) of the candidates of pairs the rules gave nothing."""
    out = []
    for n, (it, keys, cands) in enumerate(data):
        gold = _scored(it.triples)
        for _, sent, key, feats in cands:
            if "rules=pair" in feats:
                continue
            out.append((n, feats, int(normalize(key) in gold), sent, key))
    return out


def predictions(data, rows, probs, threshold):
    """Each item's predicted keys: the rules', plus per sentence and pair the most probable candidate >= t."""
    best: dict[tuple[int, int, frozenset], tuple[float, tuple]] = {}
    for (n, _, _, sent, key), p in zip(rows, probs):
        if p < threshold:
            continue
        slot = (n, sent, frozenset((key[0], key[2])))
        if slot not in best or p > best[slot][0]:
            best[slot] = (p, key)
    pred = {it.id: set(keys) for it, keys, _ in data}
    for (n, _, _), (_, key) in best.items():
        pred[data[n][0].id].add(key)
    return pred


def f1_of(data, pred):
    return score([it for it, _, _ in data], pred).overall


def fit(rows, c):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1.0 for f in r[1]} for r in rows])
    y = [r[2] for r in rows]
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=2000).fit(x, y)
    return vec, model


def prob(vec, model, rows):
    if not rows:
        return []
    return model.predict_proba(vec.transform([{f: 1.0 for f in r[1]} for r in rows]))[:, 1].tolist()


def folds_of(data):
    """Item-grouped folds: item n goes to fold n % FOLDS (the items' order is the files' order)."""
    return [n % FOLDS for n in range(len(data))]


def cross_validate(data, rows):
    """Out-of-fold probabilities for each C."""
    fold = folds_of(data)
    out = {}
    for c in C_GRID:
        probs = [0.0] * len(rows)
        for k in range(FOLDS):
            train = [r for r in rows if fold[r[0]] != k]
            test_ix = [i for i, r in enumerate(rows) if fold[r[0]] == k]
            vec, model = fit(train, c)
            for i, p in zip(test_ix, prob(vec, model, [rows[i] for i in test_ix])):
                probs[i] = p
        out[c] = probs
    return out


def export(vec, model, threshold) -> dict:
    weights = {}
    for name, w in zip(vec.get_feature_names_out(), model.coef_[0]):
        if abs(w) >= PRUNE:
            weights[str(name)] = round(float(w), 4)
    weights["bias"] = round(weights.get("bias", 0.0) + float(model.intercept_[0]), 4)
    return {"about": "Weights of kg's learned pair reading (kg/extract/learned.py), written by "
                     "tools/train_pair_model.py; features not listed weigh 0.",
            "threshold": threshold, "weights": dict(sorted(weights.items()))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the model (to kg/extract/data/pair_model.json)")
    ap.add_argument("--out", type=Path, default=OUT, help="where --write writes it")
    ap.add_argument("--blind", action="store_true", help="score the blind sets with the shipped model")
    ap.add_argument("--shared", action="store_true", help="also train on the tune parts of ../shared/gold")
    args = ap.parse_args(argv)
    from kg.gazetteer import load_gazetteer

    g = load_gazetteer()
    if args.blind:
        for name, (path, part) in BLIND_SETS.items():
            if not path.exists():
                continue
            items = items_of(path, part)
            rows = collect(items, g)
            a = f1_of(rows, {it.id: keys for it, keys, _ in rows})
            rows = collect(items, g, with_model=True)
            b = f1_of(rows, {it.id: keys for it, keys, _ in rows})
            print(f"{name:22} rules {a.precision:.3f}/{a.recall:.3f}/{a.f1:.3f}  "
                  f"+model {b.precision:.3f}/{b.recall:.3f}/{b.f1:.3f}", flush=True)
        return 0
    train = dict(TRAIN_SETS)
    if args.shared:
        for name, spec in shared_sets().items():
            if name in ("seed", "dev", "dev-docs", "tune2", "tune2-docs"):
                train[name] = spec
    data = []
    origin: list[str] = []  # the training set of each item, for the out-of-fold figures per set
    for name, (path, part) in train.items():
        got = collect(items_of(path, part), g)
        data += got
        origin += [name] * len(got)
    rows = training_rows(data)
    print(f"{len(data)} items, {len(rows)} candidates of unread pairs, {sum(r[2] for r in rows)} true", flush=True)
    base = f1_of(data, {it.id: keys for it, keys, _ in data})
    print(f"rules alone: P {base.precision:.3f} R {base.recall:.3f} F1 {base.f1:.3f}")
    cv = cross_validate(data, rows)
    best = (base.f1, None, 1.01)
    for c, probs in cv.items():
        line = []
        for t in THRESHOLDS[:-1]:
            o = f1_of(data, predictions(data, rows, probs, t))
            line.append(f"{t:.2f}:{o.f1:.3f}")
            if o.f1 > best[0] + 1e-9:
                best = (o.f1, c, t)
        print(f"C={c}: " + " ".join(line), flush=True)
    f, c, t = best
    print(f"chosen: C={c} threshold={t} (CV F1 {f:.3f})")
    if c is not None:
        pred = predictions(data, rows, cv[c], t)
        o = f1_of(data, pred)
        print(f"out-of-fold with the chosen: P {o.precision:.3f} R {o.recall:.3f} F1 {o.f1:.3f}")
        for name in train:  # per set: the rules alone, then with the out-of-fold model
            part = [d for d, n in zip(data, origin) if n == name]
            a = f1_of(part, {it.id: keys for it, keys, _ in part})
            b = f1_of(part, {it.id: pred[it.id] for it, _, _ in part})
            print(f"  {name:18} rules {a.f1:.3f}  + model (out of fold) {b.f1:.3f}")
    if args.write and c is not None:
        vec, model = fit(rows, c)
        tmp = args.out.with_suffix(".tmp")
        tmp.write_text(json.dumps(export(vec, model, t), indent=0, sort_keys=False) + "\n", encoding="utf-8")
        tmp.replace(args.out)
        print(f"wrote {args.out}")
    elif args.write:  # no model does better than the rules alone: none ships (issue 11.3), and the extractor reads
        # with the rules alone
        if args.out.exists():
            args.out.unlink()
            print(f"removed {args.out}: the rules alone")
        else:
            print("no model written: the rules alone")
    return 0


if __name__ == "__main__":
    sys.exit(main())
