"""Finding the actors a sentence names.

A token trie built from the gazetteer finds names, aliases, capitals, seats of power,
agencies, leaders and demonyms (longest match first). Demonyms become actors only when they
head an acting body ("Russian forces", "the South Korean intelligence services"); before goods
they mark an origin ("Turkish drones"), and otherwise they only modify ("Iranian airfield").
Role phrases introduce people ("Iran's security chief Ali Shamkhani"), whose names then refer
to their state for the rest of the document.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..gazetteer import Gazetteer
from ..text import Token, tokenize
from .lexicon import AGENT_HEADS, AGENT_NOUNS, GOODS, ROLE_WORDS, SURNAME_FIRST, TITLES, WORDS

_ROLE_MODIFIERS = frozenset(WORDS["role_modifiers"])

_NEEDS_THE = WORDS["needs_the"]
_REGION_QUALIFIERS = WORDS["region_qualifiers"]
_LOCATIVE = frozenset({"in", "at", "near", "outside", "around", "inside", "across", "throughout"})
# the last word of an institution's name, and the words that may precede such a name without making it part of a
# longer one ("the UN Security Council", but "Iran's Supreme National Security Council")
_INSTITUTION_HEADS = WORDS["institution_heads"]
_INSTITUTION_QUALIFIERS = WORDS["institution_qualifiers"]
_KIND_RANK = {"name": 0, "official": 0, "alias": 1, "leader": 1, "seat": 2, "agency": 2,
              "capital": 3, "surname": 4, "demonym": 5}
_GROUP_ADJ_NOUNS = WORDS["group_adj_nouns"]
_PLACE_NAMED = WORDS["place_named"]
# Combining forms (kg:combiningForm) open a hyphenated pair adjective: "Sino-Russian", "Indo-Pakistani".
# They name a state only directly before a hyphen and another actor's name or demonym.
_ORIGIN_SUFFIX = WORDS["origin_suffix"]
_PROXY_SUFFIX = WORDS["proxy_suffix"]
_FORMER = WORDS["former"]
_TITLE_WORDS = WORDS["title_words"]
_AGENTIVE_GROUP_NOUNS = WORDS["agentive_group_nouns"]
_AGENCY_MODIFIERS = WORDS["agency_modifiers"]
_HOME_TITLES = frozenset(WORDS["home_titles"])
_HOME_TITLE_WORDS = _HOME_TITLES | frozenset(WORDS["home_title_modifiers"])
_NAME_LINKS = ("bin", "al", "-", "ibn", "de", "da", "van", "von")


def _norm(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'") if ("’" in text or "‘" in text) else text


@dataclass(frozen=True, slots=True)
class Span:
    """An actor mention over tokens ``i`` (first) to ``j`` (one past the last) of a sentence.

    ``kind`` is the gazetteer name kind, or ``agent`` (demonym heading a body),
    ``origin`` (demonym before goods), ``modifier`` (any other demonym use),
    ``person`` (a role phrase introducing a person), ``coref`` or ``pair`` (descriptions
    resolved by the discourse model).
    """

    i: int
    j: int
    actor: str
    kind: str
    person: str | None = None
    head: str = ""  # the noun heading an agent phrase ("forces", "minister")


@dataclass
class _Entry:
    tokens: tuple[str, ...]
    actor: str
    kind: str
    person: str | None
    needs_the: bool = False
    fold: bool = False  # match case-insensitively (names written in lowercase)


@dataclass
class MentionIndex:
    """The gazetteer's names as a token trie, plus names learnt while reading a document."""

    by_first: dict[str, list[_Entry]] = field(default_factory=dict)
    demonyms: dict[str, list[_Entry]] = field(default_factory=dict)
    first_keys: frozenset[str] = frozenset()
    combining: dict[str, str] = field(default_factory=dict)  # "Sino" -> CHN
    # a demonym of several states ("Congolese"): first word -> [(tokens, actors)], resolved by the document
    ambiguous: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = field(default_factory=dict)
    group_adjectives: dict[str, str] = field(default_factory=dict)  # "western" -> WEST

    @classmethod
    def build(cls, gazetteer: Gazetteer) -> "MentionIndex":
        index = cls()
        grouped: dict[tuple[tuple[str, ...], bool], list[_Entry]] = {}
        for name in gazetteer.names:
            toks = [_norm(t.text) for t in tokenize(name.text)]
            needs_the = False
            if toks and toks[0].lower() == "the" and len(toks) > 1:
                toks = toks[1:]
                needs_the = " ".join(toks).lower() in _NEEDS_THE
            if not toks:
                continue
            fold = name.text == name.text.lower()
            entry = _Entry(tuple(t.lower() if fold else t for t in toks), name.actor, name.kind,
                           name.person, needs_the, fold)
            grouped.setdefault((entry.tokens, fold), []).append(entry)
        for (toks, fold), entries in grouped.items():
            actors = {e.actor for e in entries}
            if len(actors) > 1:
                # One surface naming several actors: keep it only where one reading is a proper
                # name and the others are weaker kinds (e.g. a capital shared with a state name).
                best = min(_KIND_RANK.get(e.kind, 9) for e in entries)
                entries = [e for e in entries if _KIND_RANK.get(e.kind, 9) == best]
                if len({e.actor for e in entries}) > 1:
                    if all(e.kind == "demonym" for e in entries) and not fold:
                        index.ambiguous.setdefault(toks[0], []).append((toks, frozenset(e.actor for e in entries)))
                    continue
            entry = min(entries, key=lambda e: _KIND_RANK.get(e.kind, 9))
            target = index.demonyms if entry.kind == "demonym" else index.by_first
            key = toks[0].lower() if fold else toks[0]
            target.setdefault(key, []).append(entry)
        for d in (index.by_first, index.demonyms):
            for entries in d.values():
                entries.sort(key=lambda e: -len(e.tokens))
        index.combining = dict(gazetteer.combining)
        index.group_adjectives = dict(gazetteer.group_adjectives)
        adjectives = index.group_adjectives
        index.first_keys = frozenset(index.by_first) | frozenset(index.demonyms) | frozenset(adjectives) \
            | frozenset(a.capitalize() for a in adjectives) | frozenset(index.combining) | frozenset(index.ambiguous)
        return index


def _match(entries: list[_Entry], words: list[str], i: int) -> _Entry | None:
    for e in entries:
        n = len(e.tokens)
        if i + n > len(words):
            continue
        seg = words[i:i + n]
        if e.fold:
            seg = [w.lower() for w in seg]
        if tuple(seg) == e.tokens:
            return e
    return None


@functools.lru_cache(maxsize=1)
def _arms_makers() -> dict[str, list[tuple[tuple[str, ...], str, bool]]]:
    """``data/arms_makers.tsv`` by first word: ``(tokens, state, stands alone)``, longest first."""
    from importlib import resources

    out: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    text = resources.files("kg.extract.data").joinpath("arms_makers.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for name, state, alone in rows[1:]:
        toks = tuple(t.text for t in tokenize(name))
        out.setdefault(toks[0], []).append((toks, state.strip(), alone.strip() == "yes"))
    for entries in out.values():
        entries.sort(key=lambda e: -len(e[0]))
    return out


def _designation(word: str) -> bool:
    """A model designation: capitals, digits and inner hyphens, maybe a plural "s" ("K2", "TB2s", "F-16")."""
    core = word[:-1] if word.endswith("s") else word
    return bool(core) and core[0] != "-" and core[-1] != "-" and all(
        ch.isdigit() or "A" <= ch <= "Z" or ch == "-" for ch in core) and "--" not in core


def find_makers(words: list[str], taken: set[int]) -> list[Span]:
    """Weapons and arms makers of ``data/arms_makers.tsv`` as spans of kind ``maker`` for their state: "Saab
    Gripen jets", "the S-400" (a name that is also a person's or a common word only before goods). Only the
    parse rules see them, and only as the supplier of goods (decision 21)."""
    makers = _arms_makers()
    n = len(words)
    out: list[Span] = []
    i = 0
    while i < n:
        span = None
        if words[i] in makers and i not in taken:
            for toks, state, alone in makers[words[i]]:
                j = i + len(toks)
                if tuple(words[i:j]) != toks or taken.intersection(range(i, j)):
                    continue
                if alone or any(words[k].lower().strip("-") in GOODS or words[k] in makers or k == j and _designation(
                        words[k]) for k in range(j, min(n, j + 3))):
                    span = Span(i, j, state, "maker")
                break
        if span is not None:
            out.append(span)
            i = span.j
        else:
            i += 1
    return out


@functools.lru_cache(maxsize=1)
def _dated_leaders() -> "_DatedLeaders":
    """PETRARCH2's dated leaders and officials (``data/leaders.tsv``) by first word: ``(entry, start, end)``
    with ISO dates. Names the gazetteer has are found as the gazetteer's first (the table is asked only
    where the gazetteer found nothing). Read once a process, from kg's disk cache after the first time."""
    from importlib import resources

    from ..cache import cached

    path = resources.files("kg.extract.data").joinpath("leaders.tsv")
    data = path.read_bytes() if path.is_file() else b""
    return _DatedLeaders(cached("leader-text", [data],
                                lambda: _leaders_as_text(_read_dated_leaders(data.decode("utf-8"))), dict))


class _DatedLeaders:
    """The table by first word, kept as one line of text an entry (tokens, actor, start and end between
    tabs: read from the cache in a fraction of the time 26,000 tuples take) and made
    ``(entry, start, end)`` when a word is asked."""

    def __init__(self, rows: dict[str, str]):
        self._rows = rows
        self._made: dict[str, list[tuple[_Entry, str, str]]] = {}

    def __contains__(self, word: str) -> bool:
        return word in self._rows

    def get(self, word: str, default=()):
        made = self._made.get(word)
        if made is None:
            rows = self._rows.get(word)
            if rows is None:
                return default
            made = self._made[word] = [(_Entry(toks, actor, "dated-leader", None), start, end)
                                       for toks, actor, start, end in _leader_rows(rows)]
        return made


def _leaders_as_text(table: dict[str, list[tuple[tuple[str, ...], str, str, str]]]) -> dict[str, str]:
    text = {word: "\n".join("\t".join((" ".join(toks), actor, start, end)) for toks, actor, start, end in rows)
            for word, rows in table.items()}
    if any(_leader_rows(text[word]) != rows for word, rows in table.items()):
        raise ValueError("leaders.tsv: a name or a field with a tab, a newline or a space inside a token")
    return text


def _leader_rows(text: str) -> list[tuple[tuple[str, ...], str, str, str]]:
    rows = []
    for line in text.split("\n"):
        toks, actor, start, end = line.split("\t")
        rows.append((tuple(toks.split(" ")), actor, start, end))
    return rows


def _read_dated_leaders(text: str) -> dict[str, list[tuple[tuple[str, ...], str, str, str]]]:
    """An open term ends with the year of the table's latest date (the dictionary's vintage), not today:
    most of those people have left office since. Names of one word or of several states are left out."""
    import csv

    rows = list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    vintage = max((d for r in rows for d in (r["start"], r["end"]) if d), default="")[:4] + "-12-31"
    actors: dict[str, set[str]] = {}
    for r in rows:
        actors.setdefault(r["name"], set()).add(r["actor"])
    out: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = {}
    for r in rows:
        toks = tuple(_norm(t.text) for t in tokenize(r["name"]))
        if len(toks) < 2 or len(actors[r["name"]]) > 1:
            continue
        out.setdefault(toks[0], []).append((toks, r["actor"], r["start"], r["end"] or vintage))
    for entries in out.values():
        entries.sort(key=lambda e: (-len(e[0]), e[2]))
    return out


class DocumentMentions:
    """Finds mentions sentence after sentence, remembering people introduced in the document.

    With the document's ``date``, people of PETRARCH2's dated leader table are found too, when the date
    falls in one of their terms (decision 25: former leaders do not speak for their state)."""

    def __init__(self, index: MentionIndex, date: str | None = None, home: str | None = None):
        self.index = index
        self.home = home  # the state the report is filed from (its dateline), whose officials need no state named
        self.learnt: dict[str, list[_Entry]] = {}
        self.seen: dict[str, int] = {}  # actors named so far in the document, with how often
        self.date = date[:10] if date and len(date) >= 10 and date[:4].isdigit() else None
        self.dated = _dated_leaders() if self.date else {}

    def _dated(self, words: list[str], i: int, spans: list[Span]) -> bool:
        """A person of the dated leader table in office on the document's date, at ``i``: add the span."""
        for entry, start, end in self.dated.get(words[i], ()):
            if start <= self.date <= end and _match([entry], words, i):
                self._learn(list(entry.tokens), entry.actor, None)  # a later "Olmert said" is the same man
                spans.append(self._extend_role(words, Span(i, i + len(entry.tokens), entry.actor, "leader")))
                return True
        return False

    def _learn(self, name_tokens: list[str], actor: str, person: str | None) -> None:
        full = tuple(name_tokens)
        forms = {full, full[-1:]}
        if full[0] in SURNAME_FIRST and len(full) >= 2:
            forms.add(full[:1])
        for toks in forms:
            if len(toks) == 1 and (len(toks[0]) < 3 or toks[0] in TITLES):
                continue
            entries = self.learnt.setdefault(toks[0], [])
            if not any(e.tokens == toks for e in entries):
                entries.append(_Entry(toks, actor, "person", person))
                entries.sort(key=lambda e: -len(e.tokens))

    def find(self, tokens: list[Token]) -> list[Span]:
        words = [_norm(t.text) for t in tokens]
        pending: list[tuple[int, tuple[str, ...], frozenset[str]]] = []
        spans = self._find(words, pending)
        if pending:
            spans = self._resolve_ambiguous(words, spans, pending)
        spans = [s for s in spans if not self._not_acting(words, s)]
        for s in spans:
            self.seen[s.actor] = self.seen.get(s.actor, 0) + 1
        return spans

    @staticmethod
    def _not_acting(words: list[str], span: Span) -> bool:
        """A mention that does not stand for its state here: the patron of a proxy ("Iran-backed militias")
        or a former office holder ("former Pakistani prime minister Imran Khan", "ex-president")."""
        j = span.j
        if j + 1 < len(words) and words[j] in ("-", "–") and words[j + 1].lower() in _PROXY_SUFFIX:
            return True
        if span.kind == "origin":
            return False
        k = span.i - 1
        while k >= 0 and k >= span.i - 3 and (words[k].lower() in AGENT_NOUNS or words[k].lower() in _TITLE_WORDS):
            k -= 1  # "Ex-president Trump", "former Prime Minister X": over the title to what qualifies it
        if k < 0:
            return False
        return words[k].lower() in _FORMER or (words[k] in ("-", "–") and k and words[k - 1].lower() == "ex")

    def _resolve_ambiguous(self, words, spans, pending) -> list[Span]:
        """A demonym of several states ("Congolese") names the one this sentence or the document names
        ("... as Kinshasa accused Kigali"), else the one whose place the sentence names ("around Goma"); none
        or both: it names nobody."""
        here = {s.actor for s in spans}
        covered = {k for s in spans for k in range(s.i, s.j)}
        out = list(spans)
        placed: set[str] | None = None
        for i, toks, actors in pending:
            if i in covered:
                continue
            choice = actors & here or {a for a in actors if self.seen.get(a)}
            if not choice:  # "Congolese troops around Goma": the state of a place the sentence names
                if placed is None:
                    from .places import place_index

                    placed = {state for _, _, state in place_index().find(words, covered)}
                choice = actors & placed
            if len(choice) != 1:
                continue
            span = self._demonym(words, i, _Entry(toks, next(iter(choice)), "demonym", None))
            if not covered.intersection(range(span.i, span.j)):
                out.append(span)
                covered.update(range(span.i, span.j))
        return sorted(out, key=lambda s: s.i)

    def _find(self, words: list[str], pending: list) -> list[Span]:
        n = len(words)
        spans: list[Span] = []
        keys = self.index.first_keys
        learnt = self.learnt
        i = 0
        while i < n:
            w = words[i]
            if self.home is not None and w in _HOME_TITLE_WORDS and not (spans and spans[-1].j == i) and (
                    i == 0 or words[i - 1] != "'s" and words[i - 1].lower() not in _FORMER) \
                    and (official := self._home_official(words, i)) is not None:
                spans.append(official)
                i = official.j
                continue
            if w not in keys and w not in learnt and (w[:1].islower() or w.lower() not in keys):
                if w in self.dated and self._dated(words, i, spans):
                    i = spans[-1].j
                    continue
                i += 1
                continue
            if w in self.index.combining and i + 2 < n and words[i + 1] in ("-", "–") and self._starts_name(words, i + 2):
                spans.append(Span(i, i + 1, self.index.combining[w], "modifier"))  # "Sino-Russian"
                i += 1
                continue
            cands = []
            for table in (self.index.by_first, self.learnt):
                for key in (w, w.lower()):
                    if key in table:
                        e = _match(table[key], words, i)
                        if e:
                            cands.append(e)
            dem = None
            for key in (w, w.lower()):
                if key in self.index.demonyms:
                    dem = dem or _match(self.index.demonyms[key], words, i)
            if not cands and w.lower() in self.index.group_adjectives and i + 1 < n and (
                    words[i + 1].lower() in _GROUP_ADJ_NOUNS
                    or i + 2 < n and words[i + 2].lower() in _GROUP_ADJ_NOUNS and words[i + 1][:1].islower()):
                actor = self.index.group_adjectives[w.lower()]
                head = i + 1 if words[i + 1].lower() in _GROUP_ADJ_NOUNS else i + 2
                agentive = words[head].lower() in _AGENTIVE_GROUP_NOUNS
                spans.append(Span(i, head + 1 if agentive else i + 1, actor, "agent" if agentive else "modifier"))
                i = head + 1 if agentive else i + 1
                continue
            best = max(cands, key=lambda e: (len(e.tokens), -_KIND_RANK.get(e.kind, 9)), default=None)
            if dem and (best is None or len(dem.tokens) >= len(best.tokens)):
                if len(dem.tokens) == 1 and i and words[i - 1].lower() in _REGION_QUALIFIERS:
                    i += 1  # "Latin American", "South American countries": a region's people, not the state's
                    continue
                span = self._demonym(words, i, dem)
                spans.append(span)
                i = span.j
                continue
            if best is None:
                if w in self.dated and self._dated(words, i, spans):
                    i = spans[-1].j
                    continue
                if w in self.index.ambiguous:
                    pending.extend((i, toks, actors) for toks, actors in self.index.ambiguous[w]
                                   if tuple(words[i:i + len(toks)]) == toks)
                i += 1
                continue
            j = i + len(best.tokens)
            prev = words[i - 1].lower() if i else ""
            if prev in _REGION_QUALIFIERS and best.kind in ("alias", "name") and len(best.tokens) == 1:
                i = j  # "South America", "Central Asia": a region, not the state
                continue
            if best.needs_the and prev != "the":
                i += 1
                continue
            if best.kind in ("capital", "seat") and prev in _LOCATIVE and prev not in ("in", "at"):
                i = j  # "near Pyongyang": a place, not an actor
                continue
            if best.kind == "capital" and j < n and words[j].lower() in _PLACE_NAMED:
                i = j  # "the Ankara declaration", "the Minsk agreements": named after where they were made
                continue
            if best.kind == "capital" and j < n and words[j][:1].isupper() and words[j] not in ("'s",) \
                    and words[j].lower() not in AGENT_NOUNS and not self._starts_name(words, j):
                i = j  # "Washington Post", "Moscow Times"
                continue
            if best.tokens[-1].lower() in _INSTITUTION_HEADS and len(best.tokens) > 1 and i > 1 \
                    and words[i - 1][:1].isupper() and words[i - 1].lower() not in _INSTITUTION_QUALIFIERS \
                    and not (spans and spans[-1].j == i):
                i = j  # "Iran's Supreme National Security Council": a longer name that holds the alias
                continue
            if best.tokens[-1].lower() in _INSTITUTION_HEADS and len(best.tokens) > 1 and i > 1 and words[i - 1] == "'s" \
                    and words[i - 2].lower() not in _INSTITUTION_QUALIFIERS and spans and spans[-1].j == i - 1:
                i = j  # "Russia's Security Council": the state's own body, not the UN's
                continue
            if best.tokens[-1].lower() in _REGION_QUALIFIERS and j < n and words[j][:1].isupper() \
                    and words[j].lower() not in AGENT_NOUNS:
                i = j  # "the West African country", "the West Bank": a compound place name, not the West
                continue
            span = Span(i, j, best.actor, best.kind, best.person)
            if best.kind in ("leader", "person") and len(best.tokens) >= 2 and best.tokens[0] not in learnt:
                self._learn(list(best.tokens), best.actor, best.person)  # "Wang Yi ... Wang said": the same man
            span = self._extend_role(words, span)
            spans.append(span)
            i = span.j
        return spans

    def _home_official(self, words: list[str], i: int) -> Span | None:
        """ "Prime Minister Siaosi Sovaleni" in a report filed from Tonga: a title of [words] home_titles and a name the
        gazetteer and the document do not know, with no state before the title, is an official of the report's
        state (learnt for the rest of the document)."""
        n = len(words)
        k = i
        while k < n and k - i < 4 and words[k] in _HOME_TITLE_WORDS:
            k += 1
        if k == i or words[k - 1] not in _HOME_TITLES or k >= n:
            return None
        start = k
        while k < n and k - start < 4 and (words[k][:1].isupper() and words[k].isalpha() or k > start
                                           and words[k] in _NAME_LINKS):
            k += 1
        name = words[start:k]
        if len(name) < 2 or any(w in self.index.by_first or w in self.learnt or w in self.index.demonyms
                                or w in _HOME_TITLE_WORDS for w in name):
            return None
        self._learn(name, self.home, None)
        return Span(i, k, self.home, "person")

    def _starts_name(self, words: list[str], j: int) -> bool:
        w = words[j]
        return any(k in self.index.by_first or k in self.index.demonyms for k in (w, w.lower()))

    def _demonym(self, words: list[str], i: int, dem: _Entry) -> Span:
        n = len(words)
        j = i + len(dem.tokens)
        # "Turkish-made drones", "Chinese-supplied missiles"
        if j + 1 < n and words[j] == "-" and words[j + 1].lower() in _ORIGIN_SUFFIX:
            return Span(i, j + 2, dem.actor, "origin")
        # scan modifiers up to an agent head: "South Korean Defence Minister", "Russian air force"
        k = j
        head = None
        while k < n and k - j < 6:
            lw = words[k].lower()
            if re.fullmatch(r"[A-Z0-9][A-Z0-9]*|-", words[k]) and k + 1 < n and k - j < 3:
                k += 1  # a model designation: "American B-2 bombers", "Russian Su-35 jets"
                continue
            if lw in AGENT_HEADS:
                head = k
                if k + 1 < n and words[k + 1].lower() in AGENT_HEADS and words[k + 1].lower() not in ("side",):
                    k += 1
                    continue
                break
            if lw in AGENT_NOUNS or lw in _AGENCY_MODIFIERS:
                k += 1
                continue
            break
        if head is not None:
            end = max(head, k if k < n and words[k].lower() in AGENT_HEADS else head) + 1
            span = Span(i, end, dem.actor, "agent", head=words[end - 1].lower())
            return self._extend_role(words, span)
        k = j
        while k < n and k - j < 3 and (words[k][:1].islower() or words[k] == "-"):
            if words[k].lower().strip("-") in GOODS:
                return Span(i, j, dem.actor, "origin")
            k += 1
        return Span(i, j, dem.actor, "modifier")

    def _extend_role(self, words: list[str], span: Span) -> Span:
        """Extend "Iran's security chief" / "US envoy" over the person's name, and learn it."""
        n = len(words)
        k = span.j
        if k < n and words[k] in ("'s",):
            k += 1
        saw_role = span.kind == "agent" and span.head in ROLE_WORDS
        while k < n and words[k].lower() in _ROLE_MODIFIERS and k - span.j < 3:
            k += 1  # "Australia's new Foreign Minister Penny Wong": a modifier of the title, no title itself
        while k < n and words[k].lower() in ROLE_WORDS and k - span.j < 6:
            saw_role = True
            k += 1
        if not saw_role:
            return span
        start_name = k
        while k < n and k - start_name < 5 and (
                words[k][:1].isupper() or (k > start_name and words[k] in ("bin", "al", "-", "ibn", "de", "da"))):
            if words[k][:1].isupper() and words[k].lower() in AGENT_NOUNS:
                break
            k += 1
        while k > start_name and words[k - 1] in ("-", "bin", "al", "ibn", "de", "da"):
            k -= 1
        if k == start_name:
            return span
        name = [w for w in words[start_name:k]]
        # a name must not itself be another actor's name ("US envoy to Russia")
        if any(w in self.index.by_first or w in self.index.demonyms for w in name[:1]) and \
                not any(w in self.learnt for w in name[:1]):
            known = self.index.by_first.get(name[0], [])
            if not any(e.kind in ("leader", "surname") for e in known):
                return span
        self._learn(name, span.actor, span.person)
        return Span(span.i, k, span.actor, "person" if span.kind != "leader" else span.kind, span.person,
                    head=span.head)
