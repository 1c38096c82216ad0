"""Does a small learned filter over the extractor's relations raise F1 on text nobody tuned on? (issue 11.3)

The experiment. Every non-negated relation ``kg.extract.extract`` returns is a *candidate*; it is
labelled 1 when its (subject, predicate, object) is in the item's gold (a symmetric predicate matches
either way, as ``kg eval`` scores) and 0 otherwise. A logistic regression (scikit-learn) scores each
candidate from its record only: the rule that found it, the predicate, the trigger word, the rule's
confidence, hedging, reported speech, the kinds of the two actors, the sentence's length, how many
relations the sentence gave and whether the same pair got another predicate or the other direction
(see :func:`features`). A candidate below the threshold is dropped: the filter can only remove
relations, so it trades recall for precision.

The split is the one of ``bench/quality.py``. Training data, hyper-parameters (C, class weights)
and the threshold come from the *tuning* data only: the seed article, ``dev_sentences``,
``dev_docs`` and the "tune" parts of ``dev2``. The figures on the tuning data are nested,
item-grouped cross-validation (the inner folds choose C, class weights and threshold; the outer
fold only scores). The final configuration is chosen by cross-validation on all tuning data, fitted
on all of it, and scored once on the ``dev2`` "scored" parts (``scored2``, ``scored2-docs``).
The sealed set (``tests/data/sealed``) is never read.

    python tools/train_relation_filter.py                 # the table: CV on tune, then the scored parts
    python tools/train_relation_filter.py --tune-only     # CV on tune only (never extracts the scored parts)
    python tools/train_relation_filter.py --write F.json  # also write the final model's weights as JSON

Threshold and hyper-parameters are chosen to maximise the micro-averaged F1 over all tuning items
(``threshold 0`` = no filter is one of the choices, so "no filter" can win). The run is
deterministic (fixed fold seed; liblinear's solver with a fixed random_state). Procedure B, a
textbook configuration fixed in advance (C=1, balanced class weights, threshold 0.5), is run beside
it to show what a filter that always filters does.

Result (2026-12-02, extractor of 4cd2ba8, seed 0): it does not help, so no weights are shipped.
The tuning data has 343 candidates of which only 22 are wrong (the rules were written on most of
it), too few errors for a model to learn from; what it learns is trigger words.

| data | items | no filter P / R / F1 | A: chosen on tune | B: fixed C=1, balanced, t=0.5 |
|---|---|---|---|---|
| tune, nested CV | 165 | 0.935 / 0.642 / 0.761 | 0.934 / 0.636 / 0.757 | 0.936 / 0.567 / 0.706 |
| scored2 (once) | 70 | 0.681 / 0.401 / 0.505 | 0.681 / 0.401 / 0.505 (no filter chosen) | 0.694 / 0.371 / 0.484 |
| scored2-docs (once) | 2 | 0.556 / 0.161 / 0.250 | 0.556 / 0.161 / 0.250 (no filter chosen) | 0.556 / 0.161 / 0.250 |

A's final choice is threshold 0 (no filter): no configuration of the grid beats "no filter" on the
out-of-fold F1 of the tuning data (0.761 both). With other fold seeds (1, 2) it picks a filter that
gains 0.001-0.002 there (one candidate), and nested CV gives +0.000: noise. B removes 3 wrong and
37 right candidates on tune, 5 wrong and 6 right on scored2.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from kg.evaluate import UNSCORED_PREDICATES, GoldItem, _scored, normalize, score  # noqa: E402
from kg.predicates import SYMMETRIC_PREDICATES  # noqa: E402
from quality import items_of, sets  # noqa: E402  (bench/quality.py: the fixed tune/scored split)

TUNE_SETS = ("seed", "dev", "dev-docs", "tune2", "tune2-docs")
SCORED_SETS = ("scored2", "scored2-docs")  # scored once, never tuned on; the sealed sets are never read
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
CLASS_WEIGHTS = (None, "balanced")
THRESHOLDS = tuple([0.0] + [round(0.05 * i, 2) for i in range(1, 20)])  # 0.0 keeps everything
FOLDS = 5


# --------------------------------------------------------------------------------------------------
# features: a pure function of the relation records of one sentence


def features(rel, same_sentence, kind_of) -> dict[str, float]:
    """The features of one relation ``rel``, given the non-negated relations of its sentence.

    ``same_sentence`` includes ``rel``; ``kind_of`` maps an actor id to ``state``, ``organization``
    or ``group``. Names are ``group=value`` for indicators and bare names for numbers.
    """
    rule = rel.rule or "none"
    base, _, lexicon = rule.partition("/")
    f: dict[str, float] = {
        "bias": 1.0,
        f"rule={base}": 1.0,
        f"pred={rel.predicate}": 1.0,
        f"trigger={(rel.trigger or '').lower()}": 1.0,
        f"subj={kind_of(rel.subject)}": 1.0,
        f"obj={kind_of(rel.object)}": 1.0,
        "confidence": float(rel.confidence),
        "log_tokens": math.log1p(len(rel.sentence.split())),
        "log_relations": math.log(len(same_sentence)),
    }
    if lexicon:
        f[f"lexicon={lexicon}"] = 1.0  # "cameo": a CAMEO-derived trigger
    if rel.predicate in SYMMETRIC_PREDICATES:
        f["symmetric"] = 1.0
    if rel.hedged:
        f["hedged"] = 1.0
    if rel.attributed_to:
        f["attributed"] = 1.0
    if rel.sentence_index > 0:
        f["later_sentence"] = 1.0
    if rel.time:
        f["has_time"] = 1.0
    if rel.quantity or rel.item:
        f["has_item"] = 1.0
    pair = frozenset((rel.subject, rel.object))
    others = [r for r in same_sentence if r is not rel]
    if any(frozenset((r.subject, r.object)) == pair and r.predicate != rel.predicate for r in others):
        f["pair_other_predicate"] = 1.0
    if any(r.predicate == rel.predicate and (r.subject, r.object) == (rel.object, rel.subject) for r in others):
        f["pair_reversed"] = 1.0
    if any(r.subject == rel.subject and r.predicate == rel.predicate and r.object != rel.object for r in others):
        f["subject_fans_out"] = 1.0
    return f


# --------------------------------------------------------------------------------------------------
# candidates


@dataclass
class Item:
    """One gold item with its candidates: ``keys[i]`` (normalised triple) and ``labels[i]`` per candidate."""

    set_name: str
    id: str
    gold: frozenset
    keys: list
    labels: list
    feats: list


def collect(set_name: str, items: list[GoldItem], extract, gazetteer) -> list[Item]:
    """Run the extractor on every item and turn its non-negated relations into labelled candidates."""

    def kind_of(actor_id: str) -> str:
        actor = gazetteer.actors.get(actor_id)
        return actor.kind if actor else "unknown"

    out = []
    for it in items:
        gold = frozenset(_scored(it.triples))
        rels = [r for r in extract(it.document(), gazetteer) if not r.negated]
        by_sentence = defaultdict(list)
        for r in rels:
            by_sentence[r.sentence_index].append(r)
        keys, labels, feats = [], [], []
        for r in rels:
            if r.predicate in UNSCORED_PREDICATES:
                continue
            key = normalize(r.key())
            keys.append(key)
            labels.append(int(key in gold))
            feats.append(features(r, by_sentence[r.sentence_index], kind_of))
        out.append(Item(set_name, it.id, gold, keys, labels, feats))
    return out


# --------------------------------------------------------------------------------------------------
# scoring: item-level micro P / R / F1, exactly as kg eval counts


def counts(items: list[Item], probs: dict[str, list[float]] | None, threshold: float) -> tuple[int, int, int]:
    """(tp, fp, fn) when a triple is kept if any of its candidates scores >= threshold."""
    tp = fp = fn = 0
    for it in items:
        p = probs[it.id] if probs is not None else None
        kept = {k for i, k in enumerate(it.keys) if p is None or threshold <= 0.0 or p[i] >= threshold}
        hit = len(kept & it.gold)
        tp += hit
        fp += len(kept) - hit
        fn += len(it.gold) - hit
    return tp, fp, fn


def prf(c: tuple[int, int, int]) -> tuple[float, float, float]:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --------------------------------------------------------------------------------------------------
# the model


def fit(items: list[Item], c: float, class_weight, seed: int):
    """A fitted (vectorizer, logistic regression) on the candidates of ``items``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X = [f for it in items for f in it.feats]
    y = [lab for it in items for lab in it.labels]
    vec = DictVectorizer(sparse=False, sort=True)  # small data: dense
    model = LogisticRegression(C=c, class_weight=class_weight, solver="liblinear", fit_intercept=False,
                               random_state=seed, max_iter=1000)
    model.fit(vec.fit_transform(X), y)  # "bias" is a feature, so the intercept is regularised too
    return vec, model


def predict(vec, model, items: list[Item]) -> dict[str, list[float]]:
    out = {}
    for it in items:
        out[it.id] = list(model.predict_proba(vec.transform(it.feats))[:, 1]) if it.feats else []
    return out


def folds(items: list[Item], seed: int, k: int = FOLDS) -> list[tuple[list[Item], list[Item]]]:
    """Item-grouped folds (every candidate of one item in the same fold), shuffled with ``seed``."""
    from sklearn.model_selection import GroupKFold

    ids = [it.id for it in items]
    splitter = GroupKFold(n_splits=min(k, len(items)), shuffle=True, random_state=seed)
    return [([items[i] for i in tr], [items[i] for i in te]) for tr, te in splitter.split(ids, groups=ids)]


def choose(items: list[Item], seed: int, grid=None) -> tuple[float, object, float, float]:
    """(C, class_weight, threshold, CV F1) maximising the out-of-fold F1 over ``items``."""
    c_grid, weights, thresholds = grid or (C_GRID, CLASS_WEIGHTS, THRESHOLDS)
    splits = folds(items, seed)
    best = None
    for c in c_grid:
        for cw in weights:
            probs: dict[str, list[float]] = {}
            for train, test in splits:
                if len({lab for it in train for lab in it.labels}) < 2:
                    probs.update({it.id: [1.0] * len(it.keys) for it in test})
                    continue
                probs.update(predict(*fit(train, c, cw, seed), test))
            for t in thresholds:
                f1 = prf(counts(items, probs, t))[2]
                # ties go to the earlier (smaller C, unweighted, lower threshold = fewer removals)
                if best is None or f1 > best[3] + 1e-12:
                    best = (c, cw, t, f1)
    return best


def nested_cv(items: list[Item], seed: int, grid=None) -> tuple[dict[str, list[float]], list[tuple]]:
    """Out-of-fold probabilities of the outer folds, and each outer fold's chosen (C, cw, threshold)."""
    kept: dict[str, list[float]] = {}
    chosen = []
    for train, test in folds(items, seed):
        c, cw, t, _ = choose(train, seed, grid)
        chosen.append((c, cw, t))
        probs = predict(*fit(train, c, cw, seed), test)
        # the outer fold's threshold is applied by turning probabilities into keep (1) / drop (0)
        kept.update({i: [1.0 if t <= 0.0 or p >= t else 0.0 for p in ps] for i, ps in probs.items()})
    return kept, chosen


# --------------------------------------------------------------------------------------------------


def cell(c: tuple[int, int, int]) -> str:
    p, r, f = prf(c)
    return f"{p:.3f} / {r:.3f} / {f:.3f}"


def row(name: str, items: list[Item], runs: list[tuple[dict, float]]) -> str:
    """A Markdown row: no filter, then each (probabilities, threshold) with its change in F1 and removals."""
    base = counts(items, None, 0.0)
    cells = [name, str(len(items)), cell(base)]
    for probs, threshold in runs:
        c = counts(items, probs, threshold)
        cells.append(f"{cell(c)} ({prf(c)[2] - prf(base)[2]:+.3f}; -{base[1] - c[1]} FP, -{base[0] - c[0]} TP)")
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "gold"), help="the gold folder (../shared/gold)")
    ap.add_argument("--tune-only", action="store_true", help="cross-validate on the tuning data; do not touch the scored parts")
    ap.add_argument("--write", metavar="JSON", help="write the final model (features, coefficients, threshold) here")
    ap.add_argument("--seed", type=int, default=0, help="fold shuffling and solver seed (default 0)")
    args = ap.parse_args()

    from kg.extract import extract
    from kg.gazetteer import load_gazetteer

    started = time.perf_counter()
    gazetteer = load_gazetteer()
    table = sets(Path(args.gold))
    tune: list[Item] = []
    for name in TUNE_SETS:
        path, part = table[name]
        gold_items = items_of(path, part)
        part_items = collect(name, gold_items, extract, gazetteer)
        check = score(gold_items, {it.id: set(it.keys) for it in part_items}).overall
        assert counts(part_items, None, 0.0) == (check.tp, check.fp, check.fn), name  # the same counts as kg eval
        tune += part_items
    n_cand = sum(len(it.keys) for it in tune)
    n_pos = sum(sum(it.labels) for it in tune)
    print(f"tuning data: {len(tune)} items, {n_cand} candidates ({n_pos} correct, {n_cand - n_pos} wrong)")

    # Two procedures, each run the same way. A chooses C, class weights and threshold by CV, and may
    # choose "no filter" (threshold 0). B is fixed in advance, the textbook default (C=1, balanced
    # class weights, threshold 0.5): it always filters, to show what a filter does to each part.
    procedures = {"A": None, "B": ((1.0,), ("balanced",), (0.5,))}

    # 1. nested cross-validation on the tuning data: an honest estimate of what each procedure gives
    oof = {}
    for label, grid in procedures.items():
        oof[label], chosen = nested_cv(tune, args.seed, grid)
        print(f"{label}: the outer folds chose (C, class_weight, threshold) {chosen}")
    # 2. the final configurations: chosen by CV on all tuning data, fitted on all of it
    final = {}
    for label, grid in procedures.items():
        c, cw, t, cv_f1 = choose(tune, args.seed, grid)
        final[label] = (c, cw, t, *fit(tune, c, cw, args.seed))
        print(f"{label}: final configuration C={c} class_weight={cw} threshold={t} "
              f"(out-of-fold F1 on all tuning data {cv_f1:.3f}, no filter {prf(counts(tune, None, 0.0))[2]:.3f})")
    print()
    print("| data | items | no filter P / R / F1 | A: chosen on tune | B: fixed C=1, balanced, t=0.5 |")
    print("|---|---|---|---|---|")
    cv_runs = [(oof[label], 0.5) for label in procedures]  # the outer folds' decisions, as 1.0 / 0.0
    print(row("tune, nested CV", tune, cv_runs))
    groups = {"dev": ("dev",), "tune2": ("tune2",), "documents": ("seed", "dev-docs", "tune2-docs")}
    for name, members in groups.items():
        print(row(f"  of which {name}", [it for it in tune if it.set_name in members], cv_runs))
    if not args.tune_only:
        for name in SCORED_SETS:  # extracted and scored once, by the final configurations
            path, part = table[name]
            scored = collect(name, items_of(path, part), extract, gazetteer)
            print(row(f"{name} (once)", scored, [(predict(vec, model, scored), t)
                                                 for c, cw, t, vec, model in final.values()]))
    print()
    for label, (c, cw, t, vec, model) in final.items():
        names = vec.get_feature_names_out()
        coef = model.coef_[0]
        order = sorted(range(len(names)), key=lambda i: -abs(coef[i]))
        print(f"{label}: largest weights (+ keeps, - drops): "
              + ", ".join(f"{names[i]} {coef[i]:+.2f}" for i in order[:15]))
    c, cw, t, vec, model = final["A"]
    names, coef = vec.get_feature_names_out(), model.coef_[0]
    if args.write:
        data = {
            "description": "logistic relation filter of tools/train_relation_filter.py (issue 11.3)",
            "threshold": t,
            "C": c,
            "class_weight": cw,
            "weights": {str(names[i]): round(float(coef[i]), 6) for i in range(len(names)) if coef[i] != 0.0},
        }
        Path(args.write).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {args.write}")
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
