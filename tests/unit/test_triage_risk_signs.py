"""The risk rules alone on warning signs written in less common forms, each beside harmless twins.

Each family lists urgent wordings and harmless wordings that share their words. The urgent
ones include an obligation written with ねば, hiragana しんでもいい, hanging in the potential
form, stepping in front of a truck and staring at a blade. Others are never waking, a
farewell followed by silence, a future the sender is not in, a blade kept for the urge and
a note left before someone went away. The sentences were written for these tests, and
tests/data/triage/tune_phrases.jsonl repeats them so that the model learns the same frames.
"""

import pytest

from services.triage.text import canonicalize
from tests.unit.triage_rules import rules_reasons, rules_urgent

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "an obligation to die, written or in dialect": (
        [
            "死ななければならないって思う",
            "借金を返せないなら、私は死なねばならない",
            "死なねばなんねって気ぃする。だってよぉ、借金どうにもなんねもの",
            "もう消えなきゃなんねぇべ",
        ],
        [
            "隣町の床屋まで行がねばなんね",
            "明日は早く起きねばならない",
            "消えなければならないのは職場の古い慣習だ",
            "死ななければ治らないって、あの人の口癖",
        ],
    ),
    "hiragana しんでもいい and しんだほうが": (
        [
            "しんでもいいがな おれ",
            "もうしんでもいい",
            "いっそしんだほうがまし",
        ],
        [
            "週末くらい楽しんでもいいよね",
            "たのしんでもいいよ、せっかくの旅行だし",
            "くるしんだほうが成長するって部活の先輩は言う",
        ],
    ),
    "a condition of settled affairs before the wish": (
        [
            "手続きとか全部片づいたら、もう消えてもいいかなと思っています",
            "母を看取ったら、私はもういなくなってもいい",
        ],
        [
            "推しに会えたら死んでもいい",
            "この仕事が片づいたら、温泉に行ってもいいかな",
        ],
    ),
    "hanging in the potential form": (
        [
            "家の中で首を吊れる場所を目で探してしまう",
            "首を括れる木を探した",
        ],
        [
            "首が痛くて上を向けない",
            "吊れる棚がほしいので金具を探してます",
        ],
    ),
    "stepping in front of a vehicle": (
        [
            "帰り道、走ってくるトラックの前に出たくなった",
            "🚃の前に立つ勇気がほしい",
            "トラックに飛び込みたい",
            "トラックの前に出ようかな",
        ],
        [
            "車に飛び込んで逃げた",
            "バスの前に立って乗客を案内した",
            "子どもに、車の前に出ないでって何度も言ってる",
            "電車の前に立ちたくない、怖いから",
            "プールに飛び込みたい",
        ],
    ),
    "staring at a blade or a rope": (
        [
            "母が寝たあと、台所で包丁を見つめてる時間が長くなった",
            "ロープをじっと眺めてた",
            "夫が物置でロープを眺めてる",
        ],
        [
            "研いだばかりの包丁を眺めて満足",
            "窓の外を眺めてた",
            "店で新しい包丁をずっと眺めてた",
        ],
    ),
    "asleep and never up again": (
        [
            "もう つかれた😢 ねたまま おきたくない🙏",
            "寝たまま起きたくない",
            "眠ったまま目覚めたくない",
        ],
        [
            "朝起きたくない、布団が気持ちよすぎる",
            "寝たまま起きたくないくらい布団が気持ちいい",
            "月曜の朝は起きたくない",
        ],
    ),
    "a farewell followed by silence": (
        [
            "弟が三日前に「もう疲れた、探さないで」とLINEを送ってきたきり、電話にも出ません",
            "彼氏から「今までありがとう」ってLINEが来て、電話にも出ない",
            "友達から「今までありがとう」ってLINE来た。既読もつかない",
        ],
        [
            "母は電話にも出ないほど忙しい",
            "「今までありがとう」って送別会で言われた。寂しいけど新しい職場も楽しみ",
        ],
    ),
    "the end accepted": (
        [
            "この先20年こうやって過ごすくらいなら、もう終わりでいいと思っています",
            "生きてる意味がわからない。もう終わりでいい",
            "こんな人生、もう終わりでいい",
        ],
        [
            "今日はもう終わりでいいよ",
            "この話はもう終わりでいい",
            "疲れたから練習はもう終わりでいいよ",
            "残業するくらいなら、もう終わりでいいよ今日は",
        ],
    ),
    "a future the sender is not in": (
        [
            "来年の手帳、買えなかった。来年の自分がいる気がしない",
            "来年の今頃はもういないと思う",
            "来年の今頃、私はもういないかもしれない",
        ],
        [
            "来年の今頃はもう東京にいない",
            "転勤が決まって、来年の今頃はもういないと思う",
            "来年の今頃はもう猫はいないかも、もう18歳だから",
            "来年の自分がいる場所を想像してみた",
        ],
    ),
    "a blade kept for when the urge comes": (
        [
            "剃刀の刃をペンケースに入れてる。授業中でも我慢できなくなったときのため",
            "カッターを枕の下に置いてる。我慢できなくなったら使う",
        ],
        [
            "カッターをペンケースに入れてる。工作の授業で使うから",
            "剃刀を洗面所に置いてる。ひげを剃るのを我慢できない性分なので毎朝",
        ],
    ),
    "pills hidden away": (
        [
            "デイサービスで働いています。利用者さんが毎回錠剤をティッシュに包んで隠し持ってます",
            "娘が睡眠薬を隠し持ってるみたい",
        ],
        [
            "薬を飲み忘れないように、錠剤をピルケースに入れてる",
            "猫がおやつを隠し持ってる",
        ],
    ),
    "a rope bought, written in kana": (
        [
            "にほんご へた です。でも たすけて。ロープ かいました",
            "練炭かった",
        ],
        [
            "ロープかったよ、キャンプ用の",
            "ロープかいだん、こわかった",
        ],
    ),
    "taken to the other side, spoken or in dialect": (
        [
            "神様、はやぐ連れでってけろって毎晩拝んでる",
            "神様、早く連れてってくれ",
        ],
        [
            "遊園地に連れてってくれ",
            "神様、早く春に連れてってくれ",
        ],
    ),
    "a note left, then silence": (
        [
            "兄弟のグループに『長い間ありがとう、もう連絡しないで』って送った。母のことは包括の人宛てに書き置きしてある",
            "民生委員をしています。担当の一人暮らしの男性が「川さ行ぐ」と書き置きして出て行ったきりです",
        ],
        [
            "長い間ありがとうございました。定年退職します",
            "娘が朝出て行ったきり、まだ帰ってこない。部活かな",
            "父は朝出かけたきり、電話にも出ない",
            "元彼にもう連絡しないでって言った",
        ],
    ),
    "the sender's insurance payout for the family": (
        [
            "実はこのところ、私に保険金が出れば家族は助かるのかなと考えることがあります",
            "自分に保険金がかかってるから、家族は助かるはず",
        ],
        [
            "入院したら私に保険金が出るので家族も助かる",
            "夫に保険金が出れば家族は助かる、事故の補償の話です",
            "保険金が出れば車を直せる",
        ],
    ),
    "no planner bought for next year": (
        [
            "今年は来年の手帳を買いませんでした。たぶん、いらないので",
            "来年の手帳、買えなかった。来年の自分が想像できない",
        ],
        [
            "来年の手帳はスマホで管理するから買わない",
            "来年の手帳、まだ買ってない",
            "来年の手帳を買った！",
            "来年の手帳、売り切れで買えなかった",
        ],
    ),
    "words said to the sender about someone else": (
        [
            "私なんていなくなればいいのに",
            "「お前なんかいなくなればいい」って言われた。本当に消えたい",
        ],
        [
            "ママ友に「あんたの旦那、いなくなればいいのにね」って冗談で言われた。笑えなかった",
        ],
    ),
    "a bridge and a river as a pastime": (
        [
            "橋の上から川見てる",
            "今日もあの橋に行ってきた。下の川をずっと見てた",
        ],
        [
            "橋の上から川を眺めるのが好きです。休みの日はひとりで川を見に行きます",
        ],
    ),
    "a last greeting before a new job": (
        [
            "みんなへの最後のメッセージです。今までありがとう",
        ],
        [
            "今月で退職して県外の会社に移ります。最後のあいさつメールに「今までありがとうございました」だけだと素っ気ないですかね",
            "明日で最後の出勤です。今までありがとうございました、さようなら！",
        ],
    ),
}

URGENT = [(family, text) for family, (urgent, _) in FAMILIES.items() for text in urgent]
HARMLESS = [(family, text) for family, (_, harmless) in FAMILIES.items() for text in harmless]


@pytest.mark.parametrize(("family", "text"), URGENT)
def test_warning_sign_is_urgent(family: str, text: str) -> None:
    assert rules_urgent(text), f"{family}: {text}"


@pytest.mark.parametrize(("family", "text"), HARMLESS)
def test_shared_words_stay_calm(family: str, text: str) -> None:
    assert not rules_urgent(text), f"{family}: {text}"


def test_reason_names_the_verb_in_its_te_form() -> None:
    reasons = rules_reasons("もう死んでもいい") + rules_reasons("もう消えてもいいかな")
    assert any("死んでもいいという考え" in reason for reason in reasons)
    assert any("消えてもいいという考え" in reason for reason in reasons)
    assert not any("死ぬても" in reason or "消えるても" in reason for reason in reasons)


def test_truck_is_named_as_a_truck() -> None:
    (reason,) = rules_reasons("トラックに飛び込みたい")
    assert "トラックなどへの飛び込み" in reason


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("しんでもいい", "死んでもいい"),
        ("楽しんでもいい", "楽しんでもいい"),
        ("ねたまま おきたくない", "寝たまま起きたくない"),
        ("死なねばなんね", "死なねばならない"),
        ("消えっだぐなる", "消えたくなる"),
        ("ロープ かいました", "ロープ買いました"),
        ("連れでってけろ", "連れてってくれ"),
    ],
)
def test_spellings_are_folded(written: str, read_as: str) -> None:
    assert canonicalize(written) == read_as
