"""Other languages: direct wishes to die are urgent, and unread languages are marked."""

import pytest

from services.triage.classifier import UNREAD_SCRIPT_NOTE, classify
from services.triage.languages import unread_language
from tests.unit.triage_rules import rules_urgent

WISHES = [
    "Quiero morir",
    "Ya no quiero vivir, estoy muy cansada",
    "Quero morrer",
    "Não quero mais viver aqui",
    "Gusto ko nang mamatay",
    "Ayoko nang mabuhay",
    "Tôi muốn chết",
    "Em không muốn sống nữa",
    "我想死",
    "我不想活了",
    "죽고 싶어요",
    "Я хочу умереть",
]
FIGURES = [
    "me muero de risa",
    "Eu quero morrer de rir",
    "đói muốn chết",
    "想死你了",
    "笑死我了",
    "Quiero morir de risa con este video",
]


@pytest.mark.parametrize("text", WISHES)
def test_foreign_wish_to_die_is_urgent(text: str) -> None:
    assert rules_urgent(text)


@pytest.mark.parametrize("text", FIGURES)
def test_foreign_figure_of_speech_stays_calm(text: str) -> None:
    assert not rules_urgent(text)


@pytest.mark.parametrize(
    "text",
    [
        "我很孤独，没有人跟我说话",
        "Tôi cảm thấy rất cô đơn ở Nhật",
        "Estoy muy sola en Japón, no tengo a nadie",
        "Eu estou muito sozinha aqui, não tenho ninguém",
        "Wala akong kausap dito, gusto ko na umuwi sa Pilipinas",
    ],
)
def test_unread_language_gets_the_note(text: str) -> None:
    assert unread_language(text)
    assert UNREAD_SCRIPT_NOTE in classify(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "I feel so alone and nobody would notice if I was gone",
        "shinitai tasukete kietai",
        "仕事がつらい。上司が怖い",
        "手術終了、経過良好、来週退院予定",
        "Everything feels so heavy 生きづらい",
        "OD shita kamo",
    ],
)
def test_japanese_english_and_romaji_stay_read(text: str) -> None:
    assert not unread_language(text)
