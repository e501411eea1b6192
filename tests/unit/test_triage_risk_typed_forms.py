"""The risk rules alone on risk told in slang, dialect, kana or a plan with nothing named.

Each family lists urgent wordings and harmless wordings that share their words. The urgent
ones include タヒる and Kyushu よか, everything swallowed with no medicine named, a jump
planned with a height named elsewhere, the very edge of a platform, a wish to stay asleep,
a heart asked to stop in kana, 本体 (the person behind an account) erased, no plan to be
alive, a goodbye followed by an unread message, and gone by a named time. The harmless ones
share the words: a drink finished, a flight, a knot practised, a company that should not
exist, a heart asked to keep going, and a move. The sentences were written for these tests,
and tests/data/triage/tune_phrases.jsonl repeats them so that the model learns the same
frames.
"""

import pytest

from tests.unit.triage_rules import family_cases, rules_reasons, rules_urgent

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "slang and dialect forms of dying": (
        [
            "もう無理。今夜タヒるわ",
            "タヒった方が楽だよね",
            "そろそろタヒろうかな",
            "こげん生きとっても、死んだほうがよかとやろか",
        ],
        [
            "夏休みにタヒチに行きたい",
            "あの店、行ってよかった",
        ],
    ),
    "everything swallowed with nothing named": (
        [
            "さっき全部飲んだ。手紙は机の上に置いてある",
            "全部飲みました。眠くなってきた",
            "💊💊💊💊💊💊 これ全部いったら楽になれるかな",
        ],
        [
            "ミルク全部飲んでくれた、よかった",
            "スープまで全部飲んだ、おいしかった",
            "ビール全部飲んじゃった",
            "全部飲み終わったのに咳が止まらない",
        ],
    ),
    "a jump planned with a height named": (
        [
            "充電が切れたら飛ぼうと思ってる。ベランダ、9階",
            "12階から飛ぼうと思う",
            "今、駅のホームのいちばん端に立ってる",
            "線路に行ってみるかなって考えてる",
            "橋まで来た。屋上に行ってみよう",
        ],
        [
            "来月沖縄に飛ぼうと思ってる。ホテルは12階",
            "ベランダから鳩が飛ぼうとしてる",
            "寝過ごして、線路沿いずっと歩いて帰ってきた",
            "新しくできた屋上庭園に行ってみようかな",
        ],
    ),
    "a wish not to exist or to stay asleep": (
        [
            "私なんて最初から存在しなきゃよかった",
            "自分が存在しなければよかったのに",
            "このままずっと眠ったままでいたい",
            "ずっと眠ったままでいられたらいいのに",
        ],
        [
            "あんな会社、存在しなければよかった",
            "赤ちゃんがずっと眠ったままでいてくれたらいいのに",
        ],
    ),
    "a heart asked to stop": (
        [
            "全部とまってほしい 頭の中も心臓も",
            "寝てる間に心臓とまってくれないかな",
            "心臓が止まればいいのに",
        ],
        [
            "手術中、父の心臓が止まらないでほしいと祈ってた",
            "びっくりして心臓が止まるかと思った",
            "雨とまってほしい、洗濯物干せない",
        ],
    ),
    "the self erased or no plan to live": (
        [
            "垢も消すし、本体も消す予定",
            "自分を消すつもり",
            "来月の誕生日のあとは、生きてる予定ないです",
        ],
        [
            "アカウントとゲーム本体を消す予定",
            "来月の誕生日は実家で過ごす予定です",
        ],
    ),
    "blood, a knot and charcoal": (
        [
            "またやっちゃった 腕 血とまらない",
            "壁に頭打ちつけるのがやめられない、おでこ腫れてる",
            "友達がストーリーにロープの結び方の画像をあげてた",
            "父が物置に練炭を何袋も運び込んでる。うちは使わないのに",
        ],
        [
            "鼻血とまらない、病院行くべき?",
            "売上が頭打ちで困ってる",
            "山岳会でロープの結び方を練習した",
            "職場の講習でロープの結び方を教わった",
        ],
    ),
    "a goodbye then silence, or gone by a named time": (
        [
            "友達から「今までありがとう」ってLINEがきて、既読つかない",
            "明日の朝にはもういないから、って予約投稿した",
        ],
        [
            "明日にはもういないから、鍵は大家さんに返しておいて。引っ越しです",
            "同僚が「来月にはもういないから」って言ってたの、転職のことでした",
        ],
    ),
    "english: waking, worth, being missed, stopping treatment": (
        [
            "I keep hoping I won't wake up tomorrow",
            "I don't see the point of being alive anymore",
            "nobody would even notice if i was gone",
            "I'm on dialysis and I've decided to stop going. I know what that means.",
            "I look at the river from the bridge and think how easy it would be.",
        ],
        [
            "Nobody would notice if I was gone from the office for a day",
            "I wonder how easy it would be to learn Japanese",
        ],
    ),
}

URGENT, HARMLESS = family_cases(FAMILIES)

# Harmless messages whose risk words a context makes harmless: a question answered no, a
# death whose cause is named, a recovery, a joke and a song.
CONTEXTS = [
    "医者に「死にたい気持ちはありますか」と聞かれて、ないですと答えた。本当にない",
    "昔の同級生が亡くなったと聞いた。自殺だったらしい",
    "前はいなくなりたいと思ってた。今は通院も終わって、仕事も続いてます",
    "友達とふざけて「もう消えたい〜」って送ったら本気で心配された",
    "好きなバンドの新曲、「消えてしまいたい夜に」って歌い出しが好き",
    "腕の傷はもう隠していない。夏は半袖で過ごしてる",
]
# The same contexts, taken back or renewed, stay urgent.
CONTEXTS_TAKEN_BACK = [
    "医者に「死にたい気持ちはありますか」と聞かれて、ないですと答えた。本当はある",
    "冗談で「死にたい」って言ったけど、本当は本気",
    "前はいなくなりたいと思ってた。今は不眠が続いてる",
    "腕の傷、隠さなきゃ",
]


@pytest.mark.parametrize(("family", "text"), URGENT)
def test_risk_forms_are_urgent(family: str, text: str) -> None:
    assert rules_urgent(text), f"{family}: {text}"


@pytest.mark.parametrize(("family", "text"), HARMLESS)
def test_shared_words_stay_calm(family: str, text: str) -> None:
    assert not rules_urgent(text), f"{family}: {text}"


@pytest.mark.parametrize("text", CONTEXTS)
def test_harmless_context_stays_calm(text: str) -> None:
    assert not rules_urgent(text), text


@pytest.mark.parametrize("text", CONTEXTS_TAKEN_BACK)
def test_context_taken_back_is_urgent(text: str) -> None:
    assert rules_urgent(text), text


def test_overdose_reason_names_the_act() -> None:
    reasons = rules_reasons("さっき全部飲んだ。手紙は机の上に置いてある")
    assert any("過量服薬" in reason for reason in reasons), reasons


def test_jest_is_noted() -> None:
    reasons = rules_reasons("友達とふざけて「もう消えたい〜」って送ったら本気で心配された")
    assert any(reason.startswith("[緊急ではない]") for reason in reasons), reasons


def test_reported_death_is_noted() -> None:
    reasons = rules_reasons("昔の同級生が亡くなったと聞いた。自殺だったらしい")
    assert any(reason.startswith("[緊急ではない]") for reason in reasons), reasons
