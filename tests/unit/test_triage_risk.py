"""The urgent flag on each hard-case family, with sentences that are in neither data file."""

import pytest

from services.triage.classifier import classify
from shared.schemas import Topic

URGENT_PREFIX = f"[{Topic.SUICIDE_SELF_HARM.value}]"

DIRECT = [
    "死にたくてたまらない",
    "死にたかった、ずっと",
    "死んじゃいたい",
    "死のうかなって考えてる",
    "もう死ぬしかないのかな",
    "いっそ死んでしまいたい",
    "死ぬ方法を調べてる",
    "死んだ方がましだと思う",
    "私が死ねば全部解決する",
    "命を絶ちたい",
    "この世を去りたい",
    "自殺しようかな",
    "死にたいって思っちゃいけないのはわかってるけど、止められない",
    "死にたいとしか思えない",
    "今夜全部終わりにする",
]
PASSIVE = [
    "消えてしまいたい",
    "いなくなっちゃいたい",
    "目が覚めないでほしい",
    "もう二度と目を覚ましたくない",
    "毎晩、明日が来ないことを祈ってる",
    "ずっと眠っていたい、永遠に",
    "生きてても意味ない",
    "生まれてこなきゃよかった",
    "親に迷惑かけるくらいなら消えた方がいい",
    "毎日消えることばかり考えてる",
    "死にたくないけど消えたい",
]
MEANS = [
    "薬いっぱい飲んだ",
    "睡眠薬を大量に飲んでしまった",
    "眠剤を少しずつ溜めてる",
    "ODしそう",
    "首吊ろうかな",
    "縄を買ってきた",
    "飛び降りようと思って屋上に来た",
    "電車に飛び込みたい",
    "練炭を用意した",
    "遺書はもう書いてある",
    "今、崖の上にいます",
]
SELF_HARM = [
    "リスカ痕が増えていく",
    "腕を切るのがやめられなくて、長袖しか着られない",
    "血が出るまで腕を掻きむしってしまう",
    "カミソリで手首を",
    "また切りたくなった",
    "腕に切り傷がたくさんある",
    "自分を殴りたい",
]
THIRD_PARTY = [
    "娘が死にたいと言っています",
    "夫が「消えたい」とつぶやいていた",
    "後輩が自殺をほのめかしてる",
    "友達から「もう死ぬ」ってLINEが来た",
    "姉が首を吊ろうとしていた",
    "弟が睡眠薬をためてるのを見つけた",
]
SLANG = [
    "4にたい",
    "○にたい",
    "死にたみが深い",
    "ｼﾆﾀｲﾖ",
    "ｼﾞｻﾂｼﾀｲ",
    "タヒにたいしか言えない",
    "しにたいです",
    "きえたいきえたいきえたい",
    "ｼﾆﾀｲｼﾆﾀｲ",
    "しんどいしんどいしんどい消えたい",
]
FAREWELL = [
    "お母さんごめんなさい。先にいきます",
    "いままでありがとう。もう疲れたから終わりにするね、全部",
    "今までありがとう。さようなら",
    "探さないでください。今までありがとう",
    "先に逝きます",
]
DANGEROUS_PLACE = [
    "電車来るの待ってる。飛び込むかもしれない",
    "線路の前から動けない",
    "ビルの屋上から下を見てる",
    "今、橋の上にいる",
]
DIALECT = [
    "死にてぇなぁ…もう何もかもやんだ",
    "消えでぇ",
    "いなぐなりてぇ",
    "生ぎでいだぐね",
    "死んだほうがいいんだべか",
    "死ぬべかな",
    "いっそ死んでしまいてぇず",
]
EMOJI = ["💊💊💊💊", "🔪🩸", "🪢", "もう無理💊💊💊全部飲む", "🪢買ってきた"]
ENGLISH = [
    "I want to end it all",
    "i'm suicidal",
    "someone please kill me",
    "i want to kms",
    "im done with life",
    "i dont want to wake up tomorrow",
    "I keep thinking everyone would be better off if I was gone",
    "仕事つらいしもうwanna die",
]


@pytest.mark.parametrize(
    "text",
    DIRECT + PASSIVE + MEANS + SELF_HARM + THIRD_PARTY + SLANG + DIALECT + EMOJI + ENGLISH
    + FAREWELL + DANGEROUS_PLACE,
)  # fmt: skip
def test_risk_family_is_urgent(text: str) -> None:
    result = classify(text)
    assert result.urgent
    assert result.topics[0] is Topic.SUICIDE_SELF_HARM


@pytest.mark.parametrize("text", DIRECT + PASSIVE + MEANS + SELF_HARM + THIRD_PARTY + EMOJI)
def test_urgent_reason_quotes_phrase(text: str) -> None:
    """Every urgent decision starts with a reason that quotes what matched and names the kind."""
    reason = classify(text).reasons[0]
    assert reason.startswith(URGENT_PREFIX)
    assert "「" in reason
    assert "（" in reason


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("娘が死にたいと言っています", "娘"),
        ("後輩が自殺をほのめかしてる", "後輩"),
        ("友達から「もう死ぬ」ってLINEが来た", "友達"),
        ("息子の手首に切った跡があった", "息子"),
        ("my friend told me she wants to die", "my friend"),
    ],
)
def test_third_party_reason_names_person(text: str, person: str) -> None:
    reason = classify(text).reasons[0]
    assert f"{person}の危険として送信者が報告" in reason


FIGURATIVE = [
    "死ぬほど眠い",
    "死ぬ気でやるしかない",
    "死にそうなくらい暑い",
    "バイト先で死ぬほど怒られた",
    "死ぬかと思うくらい熱が出た",
    "推しが尊すぎて死ぬ",
    "スマホが死んだ",
    "死んだように眠った",
    "死んでもいやだ",
    "この本、死ぬほど面白い",
    "死ぬまでに一度はオーロラを見たい",
]
NEGATED = [
    "死にたくないから病院に行く",
    "死にたいとは思ってないけど、疲れた",
    "自殺願望なんてないです",
    "死にたい気持ちはもうない",
    "昔は死にたかったけど今は平気",
    "消えない傷",
    "悩みが消えない",
]
NEWS_AND_BEREAVEMENT = [
    "死亡事故のニュースを見た",
    "自殺防止キャンペーンのポスターを見た",
    "飛び降りのシーンがある映画を見た",
    "祖父が自殺した過去があって、家族でその話はタブー",
    "祖母が亡くなった",
]
EVERYDAY_MEANS = [
    "まとめて薬をもらった",
    "薬飲むの忘れた",
    "風邪ひいた💊飲んで寝る",
    "練炭で餅を焼いた",
    "ロープウェイに乗った",
    "屋上でお昼を食べた",
    "爪を切った",
    "野菜を切るのが苦手",
    "縁を切りたい",
    "首を寝違えた",
    "首を切られた。無職になった",
    "腕を骨折して入院した",
    "今日はこれで終わりにします。ありがとう",
    "今までありがとうございました。新しい職場でも頑張ります",
    "ごめんね、先に行っててね",
    "飛び込み台からプールに飛び込んだ",
    "橋にいるから迎えに来て",
    "練炭こたつ懐かしい",
]
INSULTS_AND_ANGER = [
    "いじめで死ねって言われた",
    "死ねばいいのにってあいつに言われた",
    "お前なんていない方がいいって言われた",
    "上司を殺したいくらい腹が立つ",
    "父がいなくなればいいと思ってしまう",
]
ENGLISH_NEGATIVES = [
    "dead tired today",
    "I could just die of embarrassment",
    "this homework is killing me",
    "I don't want to die, I want help with my job",
    "we watched a documentary about suicide prevention",
]


@pytest.mark.parametrize(
    "text",
    FIGURATIVE + NEGATED + NEWS_AND_BEREAVEMENT + EVERYDAY_MEANS + INSULTS_AND_ANGER
    + ENGLISH_NEGATIVES,
)  # fmt: skip
def test_hard_negative_not_urgent(text: str) -> None:
    result = classify(text)
    assert not result.urgent
    assert Topic.SUICIDE_SELF_HARM not in result.topics


@pytest.mark.parametrize(
    "text",
    ["死ぬほど眠い", "死にたくないから病院に行く", "自殺防止キャンペーンのポスターを見た"],
)
def test_hard_negative_explains_itself(text: str) -> None:
    """A risk word that is judged harmless gets a reason saying why it is not urgent."""
    reasons = classify(text).reasons
    assert any(reason.startswith("[緊急ではない]") for reason in reasons)


def test_lemmas_shared_by_inflections() -> None:
    """消えたい, 消えちゃいたい and 消えてしまいたい are one wish to the rules."""
    for text in ("消えたい", "消えちゃいたい", "消えてしまいたい", "消えたくなる"):
        assert classify(text).urgent, text
