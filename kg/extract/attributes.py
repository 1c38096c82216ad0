"""Attributes of a relation read off its sentence: hedging, negation, unreal mood, time,
quantity and item.

Each function looks at the tokens of the trigger's clause, so that "reportedly" in one clause
does not hedge another.
"""

from __future__ import annotations

import re
from datetime import date

from .frames import SentenceFrame
from .lexicon import AID_NOUNS, GOODS, HEDGES, IRREALIS, NEGATIONS, WORDS, data_file, lists_of

_HEDGES = frozenset(HEDGES)
_DENIAL = WORDS["denial"]
_CLAIM_WORDS = WORDS["claim_words"]


def _clause_range(frame: SentenceFrame, t: int) -> tuple[int, int]:
    """The contiguous run of tokens around ``t`` that share its clause id."""
    return frame.clause_span(t)


def _is_month_may(frame: SentenceFrame, x: int) -> bool:
    low = frame.lowers
    return frame.tokens[x].text == "May" and x > 0 and (
        low[x - 1][:1].isdigit() or (x + 1 < len(low) and low[x + 1][:1].isdigit())
        or low[x - 1] in ("in", "since", "by", "until", "early", "late", "mid", "of", "last", "this", "next"))


def is_hedged(frame: SentenceFrame, t: int) -> bool:
    """A hedge cue in the trigger's clause, or a sentence-wide one ("reportedly") before it."""
    lo, hi = _clause_range(frame, t)
    low = frame.lowers
    if not frame.vocabulary & _HEDGES:
        return False
    if any(low[x] in _HEDGES and not _is_month_may(frame, x) for x in range(lo, hi)):
        return True
    if any(w in ("reportedly", "allegedly", "potentially", "possibly") for w in low[:t]):
        return True
    return any(low[x] in ("appears", "appear", "appeared", "seems") for x in range(max(0, lo - 8), lo))


def is_negated(frame: SentenceFrame, t: int, subj_end: int | None = None) -> bool:
    """Negation between the subject and the trigger, or a denial governing the clause."""
    low = frame.lowers
    lo, _ = _clause_range(frame, t)
    start = max(lo, t - 5)
    if subj_end is not None and subj_end < t:
        start = max(start, subj_end)
    for x in range(start, t):
        if low[x] in NEGATIONS and low[x] not in ("no",):
            return True
        if low[x] == "no" and x == t - 1:
            return True
    # "rejected ... any claim that X had handed drones to Y", "denied supplying"
    if frame.vocabulary.isdisjoint(_DENIAL):
        return False
    for x in range(0, t):
        if low[x] in _DENIAL:
            if frame.relative[x] and not frame.relative[t]:
                continue  # "The Kremlin, which denies arming X, said ...": the denial stays in its clause
            tail = low[x + 1:t]
            if "that" in tail or any(w in _CLAIM_WORDS for w in tail) or (tail and tail[0].endswith("ing")) \
                    or len(tail) <= 2:
                return True
    return False


def is_irrealis(frame: SentenceFrame, t: int, subj_end: int | None = None) -> bool:
    """Asked for, planned, conditional or counterfactual: "urged X to supply", "would have penalised"."""
    low = frame.lowers
    lo, _ = _clause_range(frame, t)
    if low and low[-1] == "?":
        return True
    if low[t] in _STANDING_NOUNS and (t > 0 and low[t - 1] in _GROWTH or t > 1 and low[t - 2] in _GROWTH):
        return False  # "aimed to lift trade between X and Y", "lifting bilateral trade": the trade exists
    start = max(0, lo - 1, t - 8)
    for x in range(start, t):
        w = low[x]
        if w in IRREALIS:
            if w in ("called", "calls", "calling") and not (x + 1 < len(low) and low[x + 1] in ("for", "on", "upon")) \
                    and "to" not in low[x + 1:t]:
                continue  # "called the expulsion regrettable" labels; "called for", "called on X to" ask
            if w in _THREAT_VERBS and low[t] not in _SANCTION_FORMS:
                if w in _PLEDGES and low[t] in AID_NOUNS:
                    return True  # "pledged $1 billion in aid": a pledge is not aid given (annotation guide, 21)
                if not (x + 1 < len(low) and low[x + 1] == "to"):
                    continue
            return True
    if t > 1 and low[t - 1] == "to" and low[t - 2] in _INTENT_NOUNS or t > 2 and low[t - 2] == "to" and low[
            t - 3] in _INTENT_NOUNS and low[t - 1].endswith("ly"):
        return True  # "an offer to supply jets", "plans to quickly open": not done yet
    if t > 0 and low[t - 1] == "from" and any(low[x] in _PREVENTING for x in range(max(lo, t - 8), t - 1)):
        return True  # "deter Russia from attacking Lithuania": kept from the act
    # "close to normalising", "on the verge of signing", "poised to sign": not done yet
    for x in range(max(0, t - 6), t - 1):
        if (low[x], low[x + 1]) in _NOT_YET:
            return True
    # "urged Y to sign", "called on X to": the irrealis verb may stand before the clause start
    for x in range(max(0, t - 12), t):
        if low[x] in _URGING_VERBS and "to" in low[x:t]:
            return True
    if t + 2 < len(low) and low[t - 1:t + 1] == ["to", low[t]] and low[max(0, t - 3)] in ("refused", "declined"):
        return True
    # "could strike Iran's facilities if Tehran enriched uranium": a modal consequence of a condition after it
    if any(low[x] in _MODALS for x in range(max(lo, t - 4), t)) and any(
            low[x] in ("if", "unless") for x in range(t + 1, min(len(low), t + 16))):
        return True
    return False


_PLEDGES = WORDS["pledges"]
_PREVENTING = WORDS["preventing_forms"]
_INTENT_NOUNS = WORDS["intent_nouns"]
_GROWTH = WORDS["growth_forms"]
_STANDING_NOUNS = lists_of(data_file("rules.toml"))["standing_nouns"]  # (one list with the parse's reading)
_THREAT_VERBS = WORDS["threat_verbs"]
_SANCTION_FORMS = WORDS["sanction_forms"]
_URGING_VERBS = WORDS["urging_verbs"]
_MODALS = frozenset({"could", "would", "might", "may", "will", "should", "'d"})


_NOT_YET = frozenset(tuple(p.split()) for p in WORDS["not_yet"])  # (word, next word)
_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_RE = "|".join(m.capitalize() for m in _MONTHS) + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_TIME = re.compile(
    r"\b(?:(?P<prep>(?i:since|by|in|on|from|until|after|before|during|as of|early|late|mid))\s+)?"
    r"(?:(?P<rel>(?i:this|last|next|earlier this|late last|early last))\s+)?"
    r"(?:(?P<day>\d{1,2}(?:-\d{1,2})?)\s+)?"
    r"(?:(?P<month>" + _MONTH_RE + r")\.?"
    r"(?:\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?,?)?"
    r"(?:\s*(?P<year>(?:19|20)\d{2}))?"
    r"|(?P<year_only>(?:19|20)\d{2}))\b"
)
_TIME_HINT = re.compile(r"\d|" + _MONTH_RE + r"|\b(?:this|last|next) (?:year|month|week)")
_REL_YEAR = re.compile(r"\b(?P<rel>this|last|next) (?P<unit>year|month|week)\b")


# a year that names a text, not when the sentence's act took place: "suspended the 1960 Indus Waters Treaty"
_TEXT_YEAR = re.compile(r"\b(?i:the|a|an|its|their|his|her)\s+(?P<year>(?:19|20)\d{2})\s+"
                        r"(?:(?!(?i:the|a|an|its|their)\b)[\w'-]+\s+){0,4}?"  # (words of its name, not a new phrase)
                        r"(?i:" + "|".join(sorted(re.escape(w) for w in WORDS["dated_texts"])) + r")\b")


def time_expressions(sentence: str) -> list[tuple[int, re.Match]]:
    """Every date or period in a sentence, with the character position of its middle (not the year in a text's name:
    "the 1960 Indus Waters Treaty")."""
    out: list[tuple[int, re.Match]] = []
    if not _TIME_HINT.search(sentence):
        return out
    names = {m.start("year") for m in _TEXT_YEAR.finditer(sentence)}
    for m in _TIME.finditer(sentence):
        if m.group("year_only") and m.start() in names:
            continue
        month = m.group("month")
        if month and not m.group("year") and not m.group("rel") and not m.group("day") \
                and not m.group("day2") and not m.group("prep"):
            continue  # a bare month name ("May") is too often a verb
        if month == "May" and not (m.group("year") or m.group("day") or m.group("day2")):
            continue
        out.append(((m.start() + m.end()) // 2, m))
    for m in _REL_YEAR.finditer(sentence):
        out.append(((m.start() + m.end()) // 2, m))
    return out


# decision 25: background facts must be current or recent; wars or rule "generations ago" give nothing
BACKGROUND_YEARS = 40
_CENTURY = re.compile(r"\b(?:(?P<num>\d{1,2})(?:st|nd|rd|th)|(?P<word>first|second|third|fourth|fifth|sixth|seventh|"
                      r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
                      r"eighteenth|nineteenth))(?:[ -]century|[ -]centuries| and \d{1,2}(?:st|nd|rd|th) centuries)\b",
                      re.IGNORECASE)


# a decade or a year before the 20th century, after "in", "the" or "of"
_BEFORE_1900 = re.compile(r"\b(?:in|the|of) (?:the )?1[0-8]\d(?:0s|\d)\b(?! +[a-z]+s\b)")  # (not "in 1500 troops")


def is_background(sentence: str, time_text: str | None, time_value: str | None, doc_date: str | None,
                  standing: bool = False) -> bool:
    """Whether a relation is history the text recalls, not a current fact (decision 25): dated by a
    century before the 20th, or in (not since) a year more than BACKGROUND_YEARS before the document.
    A ``standing`` relation (an alliance) dated by a bare year only ("a 1951 treaty") is not history.

    >>> is_background("Britain and France fought the Hundred Years' War in the 14th and 15th centuries.", None, None, None)
    True
    >>> is_background("Japan invaded China in 1937.", "in 1937", "1937", "2024-05-01")
    True
    >>> is_background("Paraguay's war against Brazil in the 1860s killed most of its men.", None, None, None)
    True
    >>> is_background("Israel has occupied the Golan since 1967.", "since 1967", "1967", "2024-05-01")
    False
    >>> is_background("Manila, bound to Washington by a 1951 treaty, ...", "1951", "1951", "2024-05-01", True)
    False
    """
    if any(m.group("num") and int(m.group("num")) < 20 or m.group("word") for m in _CENTURY.finditer(sentence)):
        return True
    if _BEFORE_1900.search(sentence):
        return True  # "Paraguay's war against Brazil in the 1860s", "in 1879"
    if not (time_value and doc_date and time_text) or time_text.lower().startswith(("since", "from", "until", "by")):
        return False
    if standing and time_text.strip().isdigit():
        return False  # "bound by a 1951 mutual defence treaty": the year names the pact, and the alliance stands
    try:
        return int(time_value[:4]) < int(doc_date[:4]) - BACKGROUND_YEARS
    except ValueError:
        return False


def find_time(sentence: str, near: int, doc_date: str | None,
              found: list[tuple[int, re.Match]] | None = None) -> tuple[str | None, str | None]:
    """The time expression closest to character ``near`` and its ISO value.

    ``found`` may hold :func:`time_expressions` of the sentence, computed once for all its relations.

    >>> find_time("Since 2022, containers were sent.", 20, None)
    ('Since 2022', '2022')
    >>> find_time("They met this June.", 5, "2024-07-01")
    ('this June', '2024-06')
    """
    if found is None:
        found = time_expressions(sentence)
    if not found:
        return None, None
    _, m = min(found, key=lambda item: (abs(item[0] - near), item[0]))
    text = m.group().strip(" ,.")
    return text, _resolve(m, doc_date)


def _resolve(m: re.Match, doc_date: str | None) -> str | None:
    gd = m.groupdict()
    ref = None
    if doc_date:
        try:
            ref = date.fromisoformat(doc_date[:10])
        except ValueError:
            ref = None
    if "unit" in gd:
        if ref is None or gd["unit"] != "year":
            return None
        year = ref.year + {"this": 0, "last": -1, "next": 1}[gd["rel"]]
        return f"{year:04d}"
    year_text = gd.get("year") or gd.get("year_only")
    year = int(year_text) if year_text else None
    month = None
    if gd.get("month"):
        key = gd["month"].lower()[:3]
        month = [mm[:3] for mm in _MONTHS].index(key) + 1
    if year is None:
        if ref is None or month is None:
            return None
        rel = (gd.get("rel") or "").split()[-1] if gd.get("rel") else ""
        year = ref.year
        if rel == "last" or (not rel and month > ref.month):
            year -= 1 if rel == "last" or month > ref.month else 0
        elif rel == "next":
            year += 1
    day = gd.get("day") or gd.get("day2")
    if month and day:
        d = int(day.split("-")[0])
        try:
            return date(year, month, d).isoformat()
        except ValueError:
            return f"{year:04d}-{month:02d}"
    if month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


_QUANTITY = re.compile(
    r"(?:(?:up to|about|around|roughly|some|nearly|almost|over|more than|at least|an estimated|"
    r"estimated|approximately|as many as|fewer than|less than)\s+)*"
    r"(?:[$€£]\s?)?\d[\d,.]*(?:\s?(?:million|billion|trillion|thousand|bn|m|k))?%?"
    r"(?:\s+(?!(?:in|on|by|since|of|to|from|and|or|the|a)\b)[A-Za-z][\w-]*){0,3}"
)


def find_quantity(sentence: str, lo: int, hi: int) -> str | None:
    """The quantity phrase inside characters ``lo``..``hi`` of the sentence, if any.

    >>> find_quantity("an estimated 13,000 shipping containers have been sent", 0, 60)
    'an estimated 13,000 shipping containers'
    """
    best = None
    for m in _QUANTITY.finditer(sentence, lo, hi):
        text = m.group().strip()
        digits = re.search(r"\d[\d,.]*", text)
        if not digits:
            continue
        num = digits.group()
        if re.fullmatch(r"(19|20)\d{2}", num.replace(",", "")) and not re.search(r"[$€£]", text):
            continue  # a year, not a quantity
        words = text.split()
        # trim trailing words that are not part of the counted thing
        while words and words[-1].lower() in ("have", "has", "had", "were", "was", "are", "is", "been", "will"):
            words.pop()
        text = " ".join(words)
        if best is None or len(text) > len(best):
            best = text
    return best


def find_item(frame: SentenceFrame, t: int) -> str | None:
    """The goods named near the trigger: up to two modifiers and a goods noun."""
    low = frame.lowers
    toks = frame.tokens
    lo, hi = _clause_range(frame, t)
    order = [x for d in range(hi - lo) for x in ((t - d, t + d) if d else (t,)) if lo <= x < hi]
    for x in order:
        if low[x] in GOODS and x not in frame.group_at:
            # "containers of artillery shells": the contents are the item
            if x + 1 < hi and low[x + 1] == "of":
                inner = next((y for y in range(x + 2, min(hi, x + 5)) if low[y] in GOODS), None)
                if inner is not None:
                    x = inner
            start = x
            while start > lo and start > x - 2 and low[start - 1].isalpha() and low[start - 1] not in (
                    "of", "the", "a", "an", "with", "to", "and", "its", "their", "has", "have", "been",
                    "is", "are", "was", "were", "substantial", "valuable", "some", "many", "more", "first",
                    "old-fashioned", "large", "vast", "huge") and (start - 1) not in frame.group_at \
                    and not low[start - 1].endswith(("ed", "ing", "ly")):
                start -= 1
            end = x + 1
            if end < hi and low[end] in GOODS and (end) not in frame.group_at:
                end += 1
            return " ".join(tok.text for tok in toks[start:end])
    return None
