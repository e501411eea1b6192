"""The risk rules alone on blows and burns to one's own body, and their everyday causes.

A burn, a blow to the head or a slap counts as self-harm unless the sentence gives another
cause: a camp fire, a kitchen cabinet, a slap to get going before an interview. A wished
blow that only measures how foolish the sender felt (殴りたいくらいバカ) is a figure of
speech, while the same wish measuring self-hatred stays urgent. The sentences were written
for these tests, and tests/data/triage/tune_phrases.jsonl repeats them so that the model
learns the same frames.
"""

from tests.unit.triage_rules import family_tests, rules_reasons

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "a burn": (
        [
            "ライターで手の甲をあぶった。痛いけどすっきりした",
            "またライターで手をあぶっちゃった",
        ],
        [
            "バーベキューの火起こしで、ライターで手をあぶっちゃった。すぐ冷やした",
            "キャンプでたき火してて、手をちょっとあぶった。大したことない",
        ],
    ),
    "a blow": (
        [
            "むしゃくしゃして壁に頭をぶつけてる。止まらない",
            "自分の頬を思いきり叩いてる。痛くないと落ち着かない",
        ],
        [
            "戸棚の角に頭をぶつけた。星が見えた",
            "気合いを入れるために自分のほっぺたを叩いてから試合に出た",
        ],
    ),
    "a wished blow": (
        [
            "自分を殴りたい",
            "自分を傷つけたいくらい自分が嫌い",
        ],
        [
            "傘を電車に忘れた。自分を殴りたいくらいバカ",
            "あんな簡単な問題を間違えるなんて、自分を殴りたいほど悔しい",
        ],
    ),
}


test_harm_to_the_body_is_urgent, test_everyday_causes_stay_calm = family_tests(FAMILIES)


def test_wished_blow_reason_names_the_figure() -> None:
    reasons = rules_reasons("傘を電車に忘れた。自分を殴りたいくらいバカ")
    assert any("誇張" in reason for reason in reasons), reasons
