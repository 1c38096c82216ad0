"""Show how the parse-based rules read one sentence: the parse, the actors on it and each rule hit.

    python tools/explain.py "Vietnam is wary of China."
"""

from __future__ import annotations

import sys

from kg.extract import find_places, index_for, parse_candidates
from kg.extract.discourse import Discourse
from kg.extract.engine import load_engine
from kg.extract.frames import lowercase
from kg.extract.mentions import DocumentMentions
from kg.extract.parse import parse_sentences
from kg.gazetteer import load_gazetteer
from kg.text import tokenize


def main(text: str) -> None:
    gazetteer = load_gazetteer()
    tokens = tokenize(text)
    spans = DocumentMentions(index_for(gazetteer)).find(tokens)
    spans = Discourse(gazetteer).resolve(tokens, spans, lowercase(tokens))
    print("actors:", [(text[tokens[s.i].start:tokens[s.j - 1].end], s.actor, s.kind) for s in spans])
    doc = parse_sentences([text])[0]
    print(" ".join(f"{t.i}:{t.text}/{t.lemma_}/{t.pos_}/{t.dep_}>{t.head.i}" for t in doc))
    places = find_places(tokens, spans)
    print("places:", [(text[tokens[p.i].start:tokens[p.j - 1].end], p.actor) for p in places])
    for c in parse_candidates(load_engine(), text, tokens, spans, places=places):
        print(f"  {c.subject} {c.predicate} {c.object}  rule={c.rule} trigger={c.trigger!r} conf={c.confidence} "
              f"negated={c.negated} hedged={c.hedged} speaker={c.speaker}")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        main(arg)
