"""The risk rules alone on settled affairs, trips with no return and worries about others.

Each family lists urgent wordings and harmless wordings that share their words. The urgent
ones include a trip with no return ticket, everything handed over, following the dead on a
condition (四十九日が終わったら私も) and the place of someone who died named by a pronoun.
The harmless ones include an absence with a reason (入院), rope bought for camping or a carp
streamer, a scar no longer hidden, and anger that wishes someone else dead. The sentences
were written for these tests, and tests/data/triage/tune_phrases.jsonl repeats them so that
the model learns the same frames.
"""

import pytest

from tests.unit.triage_rules import rules_reasons, rules_urgent

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "a trip with no return ticket": (
        [
            "子どもの頃によく行った海岸に、明日ひとりで行ってきます。帰りの切符は買っていません。",
            "片道切符で北の方へ行きます",
            "帰りのチケットは取らなかった。もういい",
        ],
        [
            "帰りの切符は買ってない、日程が決まってなくて",
            "片道切符で東京に引っ越します",
            "帰りの切符は買いました",
            "帰りの切符は向こうで買います",
        ],
    ),
    "everything handed over": (
        [
            "いろいろ相談に乗ってもらったけど、もう大丈夫です。答えが出ました。大事なものは全部、"
            "渡したい人に渡しました。",
            "大事なものは全部、渡したい人に渡しました",
        ],
        [
            "大事な書類は全部、弁護士に渡しました",
            "退去の日、鍵は全部大家さんに渡しました",
            "相談してよかった、答えが出ました。転職します",
        ],
    ),
    "an absence with a reason": (
        [
            "通帳の場所を妹に教えた。ペットの引き取り先も決めた",
        ],
        [
            "来週から手術で二週間入院します。通帳の場所と、猫のエサのことを妹に頼んでおきました",
            "出張で一か月家を空けるので、通帳の場所と猫の世話を母に頼んだ",
        ],
    ),
    "following the dead": (
        [
            "友達の旦那さんが亡くなって、友達が「四十九日が終わったら私も」と言いました",
            "母が亡くなった。落ち着いたら私も…",
            "じいちゃん、ばあちゃんのとこに早く行きたいって。ばあちゃんが死んでから元気がない",
            "部下が亡くなった件で「あいつのところに行って謝りたいんだ」と言われました",
        ],
        [
            "父が亡くなった。四十九日が終わったら私も仕事に戻ります",
            "祖母が亡くなった。葬式が終わったら私も帰るね",
            "あいつのところに行って謝りたい、喧嘩したから",
            "「早くあの世に行けばいいのに」と言われた",
        ],
    ),
    "anger that wishes another dead": (
        [
            "早くあの世に行きたい",
            "もうあの世に行ってしまいたい",
        ],
        [
            "母が父のことを「早くあの世に行ってくれればせいせいする」と愚痴ります",
            "あのクレーマー、早くあの世に行ってくれたらいいのに",
        ],
    ),
    "rope bought for a hobby": (
        [
            "ロープ買ってきた。今夜使う",
        ],
        [
            "夫がソロキャンプにハマって、ロープやら炭やら七輪やら買ってくる",
            "おじいちゃんが『ロープ買ってきたぞ』っていうから何かと思ったら、鯉のぼりを揚げる用だった",
        ],
    ),
    "a scar no longer hidden": (
        [
            "腕の傷を隠してる。長袖しか着られない",
            "傷が深くて縫ったほうがいいのかわかんない。病院行ったら親にバレる",
        ],
        [
            "姉が昔リストカットしていたのは知っています。今は傷跡を隠さず半袖を着ていて、"
            "「もう大丈夫」と言っています",
        ],
    ),
}

URGENT = [(family, text) for family, (urgent, _) in FAMILIES.items() for text in urgent]
HARMLESS = [(family, text) for family, (_, harmless) in FAMILIES.items() for text in harmless]


@pytest.mark.parametrize(("family", "text"), URGENT)
def test_settled_affairs_are_urgent(family: str, text: str) -> None:
    assert rules_urgent(text), f"{family}: {text}"


@pytest.mark.parametrize(("family", "text"), HARMLESS)
def test_shared_words_stay_calm(family: str, text: str) -> None:
    assert not rules_urgent(text), f"{family}: {text}"


def test_ticket_reason_names_the_trip() -> None:
    reasons = rules_reasons("帰りの切符は買っていません")
    assert any("戻らないつもりの外出" in reason for reason in reasons), reasons


def test_following_reason_names_the_dead() -> None:
    reasons = rules_reasons("母が亡くなった。落ち着いたら私も…")
    assert any("後を追う" in reason for reason in reasons), reasons


def test_anger_at_another_is_noted() -> None:
    reasons = rules_reasons("母が父のことを「早くあの世に行ってくれればせいせいする」と愚痴ります")
    assert any(reason.startswith("[緊急ではない]") for reason in reasons), reasons
