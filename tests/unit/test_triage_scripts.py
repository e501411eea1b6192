"""Messages in a script that triage does not read say so in their reasons."""

import pytest

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
    ],
)
def test_japanese_english_and_symbols_are_not_noted(text: str) -> None:
    assert UNREAD_SCRIPT_NOTE not in classify(text).reasons


def test_note_does_not_hide_an_urgent_flag() -> None:
    """A rule that reads the message still flags it; the note only adds a warning."""
    result = classify("死にたい 죽고 싶어 정말 너무 힘들어요")
    assert result.urgent
    assert UNREAD_SCRIPT_NOTE in result.reasons
