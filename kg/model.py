"""Records that flow between the stages of kg: frozen dataclasses, no behaviour.

text -> :class:`Document` -> :class:`Sentence` -> :class:`Mention` -> :class:`Relation`
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class Document:
    """One news document. ``id`` is stable: a path as given, or a JSONL ``id``.

    A long text file is read in parts (consecutive Documents with the same ``id``) so that memory
    stays bounded; ``offset`` is where a part's text starts in the whole document (characters)
    and ``first_sentence`` the index of its first sentence there. Both are 0 for a whole document.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date of publication, when known
    url: str | None = None
    source: str | None = None  # outlet or file the document came from
    offset: int = 0
    first_sentence: int = 0


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document; ``doc.text[start:end] == text``."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a sentence that names an actor.

    ``start``/``end`` are offsets in the sentence text. ``kind`` says how the actor
    was named: ``name``, ``alias``, ``official``, ``demonym``, ``capital``, ``seat``,
    ``agency``, ``leader``, ``official_person``, ``org`` or ``coref``.
    """

    start: int
    end: int
    text: str
    actor: str
    kind: str


@dataclass(frozen=True, slots=True)
class Relation:
    """One extracted relation with its evidence and attributes.

    ``start``/``end`` are the offsets of the evidence sentence in the document
    text, so ``document.text[start:end] == sentence`` (for a part of a long document, the offsets
    are in the whole document: ``part.text[start - part.offset:end - part.offset] == sentence``).
    """

    doc: str
    subject: str
    predicate: str
    object: str
    subject_label: str
    object_label: str
    sentence: str
    start: int
    end: int
    sentence_index: int = 0
    hedged: bool = False
    negated: bool = False
    attributed_to: str | None = None
    item: str | None = None
    quantity: str | None = None
    time: str | None = None  # the time expression as written ("since 2022")
    time_value: str | None = None  # resolved ISO value ("2022", "2024-05", "2024-06-20")
    confidence: float = 0.5
    trigger: str | None = None  # the words that expressed the relation
    rule: str | None = None  # the extraction rule that found it (a ``kg/extract/data/rules.toml`` id, or ``window``)

    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object)

    def to_dict(self) -> dict:
        return asdict(self)


__all__ = ["Document", "Sentence", "Mention", "Relation"]
