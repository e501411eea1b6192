"""The risk rules alone on understated wishes, renewed pasts and means in everyday words.

Each family lists urgent wordings and harmless wordings that share their words. The urgent
ones include a rest with no return, a last look accepted, my turn after a death, a winter
not to be lived through, a past feeling said to be the present one, a story that turns out
to be the sender's own, a car sealed, a hose for the exhaust, and being inside a railway
crossing. The harmless ones include a lie-in on a day off, a relationship ended, a joke
everyone laughed at, a jibe quoted, a task that ends, a holiday, and a hose for washing the
car. The sentences were written for these tests, and tests/data/triage/tune_phrases.jsonl
repeats them so that the model learns the same frames.
"""

import pytest

from tests.unit.triage_rules import family_cases, rules_reasons, rules_urgent

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "a rest with no return": (
        [
            "もう疲れた。長い休みがほしい。目が覚めないぐらいの",
            "もどってこなくていいやすみがほしい",
            "I want a long rest, the kind you don't come back from.",
        ],
        [
            "休みの日は昼まで寝て、目が覚めないこともある",
            "休みの日に何もする気が起きない",
            "つかれた。ずっと眠っていたい。明日は休みだから昼まで寝る",
        ],
    ),
    "a last look, my turn, a winter": (
        [
            "今年の桜が見納めでもいいかなと思ってる",
            "妻に先立たれて三年。そろそろ俺の番でいいんじゃないか",
            "祖母が「今年の冬は越さなくていい」って言う。笑ってない",
        ],
        [
            "あの劇場も今年で見納め",
            "病院の受付でやっと俺の番がきた",
            "この球根は冬を越さなくていい品種です",
        ],
    ),
    "envy of the dead": (
        [
            "同級生が亡くなったと聞いて、正直うらやましいと思った",
            "I envied my grandfather at his funeral. He looked so peaceful. I want that.",
        ],
        [
            "友達が宝くじに当たったと聞いて、正直うらやましい",
            "I envy my friend who retired at 50. I want that life.",
        ],
    ),
    "a past said to go on, or a story owned": (
        [
            "昔の話だけど、中学の頃は毎日消えたいと思ってた。今の職場でも同じ気持ちで過ごしてる",
            "前は自傷してたけど今は平気、って書こうとしたけど、ほんとは昨日またやった",
            "漫画のキャラが「生きる理由がない」って言ってた。私も同じ",
            "小説の主人公が命を絶つ場面を調べてるって言ったけど、本当は私の話です",
        ],
        [
            "前は消えたいと思ってた。今は毎日楽しい",
            "前はリスカしてたけど今は平気。本当は不安だったけど、相談してよかった",
            "漫画のキャラが「生きる理由がない」って言ってて泣いた。友達に勧めたい",
        ],
    ),
    "out of reach from a named time": (
        [
            "明日からは連絡つかないと思うので、先に聞いておきたくて",
        ],
        [
            "明日から出張で連絡つかないと思います",
        ],
    ),
    "a car or a room sealed": (
        [
            "車、いま山の奥。窓はテープで目張りした",
            "ホースとガムテープ買ってきた。車は農道の奥に停めてある",
            "七輪に炭入れた。窓もドアも全部閉めた",
            "枕の下に包丁入れて寝てる",
        ],
        [
            "寒さ対策で窓を目張りした",
            "洗車用のホースと養生テープを買ってきた。車をピカピカにする",
            "七輪で秋刀魚を焼いた。窓は開けてある",
            "新しい枕を買った。よく眠れる",
        ],
    ),
    "at a crossing, a dam or a footbridge": (
        [
            "いま踏切の内側に立ってる",
            "ダムの上にいる。下は真っ暗",
            "陸橋の上にいる。下を走る車をずっと見てた",
        ],
        [
            "踏切の中に立ち入らないでください",
            "ダムカードを集めるのが趣味です",
        ],
    ),
}

URGENT, HARMLESS = family_cases(FAMILIES)

# Harmless messages whose risk words a context makes harmless: a relationship, a joke that
# everyone laughed at, a jibe, a task, a holiday, planning for old age, an old story, a
# pickup, a recovery, a jest taken back at once.
CONTEXTS = [
    "彼とはもう終わりにしたい。3年付き合ったけど",
    "夫との生活を終わりにしたいです。離婚の手続きを知りたい",
    "父が「もう十分生きた」ってスピーチで言って、みんなで大笑いしました",
    "「もう十分生きた」が口癖だった祖父が、98歳で大往生しました",
    "夫が『事故にでも遭えばいいのに』って言うんです。私の運転への嫌味です",
    "もうすぐ全部終わる! 確定申告の書類、あと一枚",
    "私がいなくても職場は回るって分かったので、有給を10日取りました",
    "元気なうちに墓じまいをして、自分の葬式の段取りも決めておきたい",
    "上司のこと、本気でいなくなればいいと思ってる",
    "早くお迎え来てほしい…夫が車で迎えに来るはずが、バス停で1時間待ってる",
    "去年は毎日死にたかった。今は朝ごはんを作る余裕もできました",
    "去年は死ぬことばかり考えていました。今はかなり回復しました",
    "線路の前から動けない…って大げさか笑 踏切が開かないだけ",
    "私がいなくなっても誰も気づかないかも。あ、暗い意味じゃなくて、倒れたときの話です",
    "同級生が急に亡くなった。前からうらやましいくらい優秀だった",
]
# The same words with the context taken away stay urgent.
CONTEXTS_TAKEN_AWAY = [
    "もう全部終わりにしたい",
    "母が「もう十分生きた」って言う。今年は笑ってない",
    "帰りの電車で、この世からフェードアウトできたらなって考えてます。大げさですかね",
    "自分の葬式の段取りを決めてる。もう疲れた",
]


@pytest.mark.parametrize(("family", "text"), URGENT)
def test_understated_forms_are_urgent(family: str, text: str) -> None:
    assert rules_urgent(text), f"{family}: {text}"


@pytest.mark.parametrize(("family", "text"), HARMLESS)
def test_shared_words_stay_calm(family: str, text: str) -> None:
    assert not rules_urgent(text), f"{family}: {text}"


@pytest.mark.parametrize("text", CONTEXTS)
def test_harmless_context_stays_calm(text: str) -> None:
    assert not rules_urgent(text), text


@pytest.mark.parametrize("text", CONTEXTS_TAKEN_AWAY)
def test_context_taken_away_is_urgent(text: str) -> None:
    assert rules_urgent(text), text


def test_rest_reason_names_the_wish() -> None:
    reasons = rules_reasons("もどってこなくていいやすみがほしい")
    assert any("戻ってこなくていい休み" in reason for reason in reasons), reasons


def test_envy_names_no_one_else() -> None:
    reasons = rules_reasons("同級生が亡くなったと聞いて、正直うらやましいと思った")
    assert not any("送信者が報告" in reason for reason in reasons), reasons


def test_sealed_car_reason_names_the_plan() -> None:
    reasons = rules_reasons("車、いま山の奥。窓はテープで目張りした")
    assert any("目張り" in reason for reason in reasons), reasons
