"""A deterministic generator of news-like text for benchmarks (templates written for kg).

    python bench/corpus.py --mb 10 -o /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random

STATES = ["Russia", "China", "North Korea", "South Korea", "Ukraine", "Iran", "Israel", "Turkey", "India",
          "Pakistan", "Japan", "the United States", "France", "Germany", "Britain", "Brazil", "Egypt",
          "Saudi Arabia", "Qatar", "Poland", "Hungary", "Vietnam", "the Philippines", "Australia", "Canada",
          "Mexico", "Nigeria", "Kenya", "Ethiopia", "Armenia", "Azerbaijan", "Serbia", "Greece", "Italy"]
CAPITALS = ["Moscow", "Beijing", "Pyongyang", "Seoul", "Kyiv", "Tehran", "Ankara", "New Delhi", "Tokyo",
            "Washington", "Paris", "Berlin", "London", "Cairo", "Riyadh", "Warsaw", "Hanoi", "Manila"]
GOODS = ["artillery shells", "drones", "fuel", "grain", "air defence systems", "tanks", "missiles",
         "fertiliser", "semiconductors", "armoured vehicles"]
TEMPLATES = [
    "{a} has been supplying {b} with {g} since {y}, officials said.",
    "{a} and {b} signed a defence agreement in {c} on {d} {m} {y}.",
    "{a} condemned {b}'s decision as reckless and dangerous.",
    "According to diplomats, {a} is reportedly receiving {g} from {b}.",
    "Tensions between {a} and {b} rose after the incident near the border.",
    "The leaders of {a} and {b} met in {c} to discuss trade and security.",
    "{a} imposed new sanctions on {b} over its nuclear programme.",
    "Some {n} containers of {g} were sent from {a} to {b} last year.",
    "{a} did not supply {g} to {b}, a spokesman insisted.",
    "Analysts say the partnership may strain {a}'s ties with {b}.",
    "Markets in {c} were calm on Tuesday as investors waited for new figures.",
    "The ministry published a report on regional growth, citing higher exports of {g}.",
    "{a} voiced concern over {b}'s military drills near the coast.",
    "{a}'s forces struck several targets in {b} overnight, according to local media.",
]
# Sentences of context that name at most one actor, as most sentences of a news report do.
BACKGROUND = [
    "Officials in {c} declined to comment on the figures released on Monday.",
    "The talks were expected to cover energy prices, shipping routes and the harvest.",
    "Analysts said the economy had grown by {n} jobs in the last quarter despite high interest rates.",
    "The report, which runs to several hundred pages, was drafted over two years.",
    "Protesters gathered outside the parliament building in {c} for a third day.",
    "{a} will hold a general election next spring, the electoral commission said.",
    "The currency fell against the dollar as investors waited for the central bank's decision.",
    "Heavy rain flooded several districts, and the government promised emergency funds.",
    "The minister, who took office in {y}, has promised to cut red tape for exporters.",
    "A spokesman said the schedule could still change depending on the weather.",
]
MONTHS = ["January", "March", "May", "June", "September", "November"]


def generate(size_bytes: int, seed: int = 7, doc_sentences: int = 12, background: float = 0.0):
    """Yield JSONL-ready dicts until about ``size_bytes`` of text has been produced.

    ``background`` is the share of sentences drawn from context templates that name at most
    one actor; 0 gives the densest possible corpus (a relation in nearly every sentence).
    """
    rng = random.Random(seed)
    total = 0
    n = 0
    while total < size_bytes:
        sents = []
        for _ in range(doc_sentences):
            a, b = rng.sample(STATES, 2)
            t = rng.choice(BACKGROUND) if rng.random() < background else rng.choice(TEMPLATES)
            s = t.format(a=a, b=b, c=rng.choice(CAPITALS), g=rng.choice(GOODS), y=rng.randint(2015, 2025),
                         d=rng.randint(1, 28), m=rng.choice(MONTHS), n=rng.randint(100, 9000))
            sents.append(s[0].upper() + s[1:])
        text = " ".join(sents)
        total += len(text.encode())
        n += 1
        yield {"id": f"bench-{n:06d}", "text": text, "date": f"20{rng.randint(15, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--background", type=float, default=0.0, help="share of context sentences (0..1)")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    with open(args.output, "w", encoding="utf-8") as fh:
        for doc in generate(int(args.mb * 1_000_000), args.seed, background=args.background):
            fh.write(json.dumps(doc) + "\n")


if __name__ == "__main__":
    main()
