"""Sentence splitting and tokenization."""

from __future__ import annotations

from kg.text import MAX_SENTENCE, split_sentences, tokenize


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert texts("Mr. Lee met Gen. Park in Seoul. They spoke for an hour.") == [
        "Mr. Lee met Gen. Park in Seoul.", "They spoke for an hour."]
    assert texts("The U.S. Navy sailed on. It was May.") == ["The U.S. Navy sailed on.", "It was May."]


def test_lines_end_sentences_and_offsets_match():
    text = "Headline Without Stop\n\nFirst sentence here. Second one!\nThird?"
    sents = split_sentences(text, "d")
    assert [s.text for s in sents] == ["Headline Without Stop", "First sentence here.", "Second one!", "Third?"]
    assert all(text[s.start:s.end] == s.text and s.doc_id == "d" for s in sents)
    assert [s.index for s in sents] == [0, 1, 2, 3]


def test_runs_without_punctuation_are_cut_and_keep_offsets():
    text = " ".join(["word"] * 5000) + ", and " + " ".join(["more"] * 5000)
    sents = split_sentences(text)
    assert len(sents) > 1
    assert all(len(s.text) <= MAX_SENTENCE for s in sents)
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert "".join(s.text for s in sents).replace(" ", "") == text.replace(" ", "")


def test_tokens_keep_possessives_initialisms_and_numbers():
    assert [t.text for t in tokenize("Kyiv’s 1,000 U.S.-made shells, d'Ivoire")] == [
        "Kyiv", "’s", "1,000", "U.S.", "-", "made", "shells", ",", "d'Ivoire"]
