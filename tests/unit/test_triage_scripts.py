"""Messages in a script that triage does not read say so in their reasons."""

import unicodedata

import pytest

from services.triage import classifier
from services.triage.classifier import UNREAD_SCRIPT_NOTE, classify


@pytest.mark.parametrize(
    "text",
    [
        "죽고 싶어요",
        "요즘 너무 외로워요",
        "Мне очень одиноко",
        "ฉันเหงามาก",
        "أشعر بالوحدة",
    ],
)
def test_unread_script_is_noted(text: str) -> None:
    assert UNREAD_SCRIPT_NOTE in classify(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "死にたい",
        "I want to die",
        "ｼﾆﾀｲ",
        "Je suis très fatigué, 仕事がつらい",
        "仕事がつらい。안녕",
        "😢😢😢",
        "12345",
        "時々",
        "人々",
        "〆切",
    ],
)
def test_japanese_english_and_symbols_are_not_noted(text: str) -> None:
    assert UNREAD_SCRIPT_NOTE not in classify(text).reasons


def test_note_does_not_hide_an_urgent_flag() -> None:
    """A rule that reads the message still flags it; the note only adds a warning."""
    result = classify("死にたい 죽고 싶어 정말 너무 힘들어요")
    assert result.urgent
    assert UNREAD_SCRIPT_NOTE in result.reasons


@pytest.mark.parametrize(("first", "last"), classifier.READ_OR_NOT_LETTER_RANGES)
def test_skipped_ranges_contain_no_unread_letter(first: str, last: str) -> None:
    """Every character that skips the per-character check is read or is no letter."""
    unread = [
        f"U+{code:04X} {unicodedata.name(chr(code), '')}"
        for code in range(ord(first), ord(last) + 1)
        if chr(code).isalpha() and not classifier._is_read_script(chr(code))
    ]
    assert unread == []


@pytest.mark.parametrize("text", ["ª", "ⁱ", "仕事ª"])
def test_letters_outside_ranges_checked(text: str) -> None:
    """Letters outside the skipped ranges reach the per-character check."""
    assert classifier.MAYBE_UNREAD_LETTER.search(text) is not None
