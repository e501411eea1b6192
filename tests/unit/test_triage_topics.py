"""Topic categories: lexicon matches, overlaps between categories, and their reasons.

These test the rules alone. What the model adds is scored on the labeled data
(`services.triage.evaluate`) and its joining with the rules in test_triage_model.py.
"""

import pytest

from services.triage.classifier import by_rules, classify, read
from shared.schemas import Topic


def topics_of(text: str) -> set[Topic]:
    reading = read(text)
    return set(by_rules(reading).topics) if reading else set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ママに毎日比べられてつらい", {Topic.FAMILY}),
        ("ブラック企業で毎日終電。休みもない", {Topic.WORK}),
        ("適応障害と診断されて休んでいる", {Topic.ILLNESS}),
        ("誰とも会わない日が続いてて、人恋しい", {Topic.LONELINESS}),
        ("定年後の生きがいが見つからない", {Topic.PURPOSE}),
        ("子どもの夜泣きで寝不足が続いてる", {Topic.CHILDCARE}),
        ("市役所で児童扶養手当の手続きをしたい", {Topic.PUBLIC_SERVICES}),
        ("幼なじみと絶交した", {Topic.FRIENDS}),
        ("彼ピに浮気されたかも", {Topic.ROMANCE}),
        ("おばあちゃんがデイサービスに行きたがらない", {Topic.CAREGIVING}),
        ("電気代が払えなくて止められそう", {Topic.FINANCIAL_HARDSHIP}),
        ("警察に相談したけど取り合ってもらえない", {Topic.LEGAL}),
        ("協議離婚の話し合いが進まない", {Topic.DIVORCE}),
    ],
)
def test_each_category_found(text: str, expected: set[Topic]) -> None:
    assert topics_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("父の介護で仕事を休みがち", {Topic.CAREGIVING, Topic.WORK}),
        ("社協で生活費を借りられるって聞いた", {Topic.PUBLIC_SERVICES, Topic.FINANCIAL_HARDSHIP}),
        ("義母の介護を夫が私に押し付けてくる", {Topic.CAREGIVING, Topic.FAMILY}),
        ("無職になってから家族の目が冷たい", {Topic.WORK, Topic.FAMILY}),
        ("産後うつかもしれない", {Topic.ILLNESS, Topic.CHILDCARE}),
    ],
)
def test_multiple_categories(text: str, expected: set[Topic]) -> None:
    assert topics_of(text) == expected


def test_care_of_parent_is_caregiving_not_family() -> None:
    """A parent named only as the one cared for does not make it a family conflict."""
    assert topics_of("認知症の母の介護がつらい") == {Topic.CAREGIVING}


def test_family_friction_keeps_family_with_care() -> None:
    assert topics_of("兄が母の介護を全然手伝ってくれない") == {Topic.CAREGIVING, Topic.FAMILY}


def test_someone_elses_parent_not_family() -> None:
    assert Topic.FAMILY not in topics_of("友達のお父さんが入院した")


def test_family_member_at_risk_is_family() -> None:
    assert topics_of("母が「死にたい」と言う") == {Topic.SUICIDE_SELF_HARM, Topic.FAMILY}


def test_bullied_child_is_childcare() -> None:
    """Bullying of the sender's child is a childcare matter, not the sender's friendships."""
    assert topics_of("息子が学校でいじめられている") == {Topic.CHILDCARE}


def test_word_inside_longer_word_ignored() -> None:
    """主人 inside 主人公 (protagonist) is not a husband."""
    assert topics_of("主人公が最後に泣いた") == set()


def test_noun_split_by_sudachi_still_found() -> None:
    """Sudachi splits 居場所 after にも; the spelling still matches."""
    assert Topic.LONELINESS in topics_of("家にも居場所がない")


def test_lack_needed_for_lack_words() -> None:
    assert Topic.FINANCIAL_HARDSHIP in topics_of("お金がなくて困っている")
    assert Topic.FINANCIAL_HARDSHIP not in topics_of("お金を貯めて旅行したい")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my mom and dad fight all the time", {Topic.FAMILY}),
        ("I got laid off and I'm so broke", {Topic.WORK, Topic.FINANCIAL_HARDSHIP}),
        ("i feel isolated, no one to talk to", {Topic.LONELINESS}),
        ("my girlfriend broke up with me", {Topic.ROMANCE}),
    ],
)
def test_english_topics(text: str, expected: set[Topic]) -> None:
    assert topics_of(text) == expected


def test_topic_reason_names_words_and_gloss() -> None:
    reasons = classify("父とまた喧嘩した").reasons
    assert reasons == ("[家族関係] 「父」「喧嘩」: 家族を指す語、家族との関係の摩擦",)


def test_greeting_has_no_topic() -> None:
    assert topics_of("こんばんは。よろしくお願いします") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("適応障害で休職中です", {Topic.ILLNESS, Topic.WORK}),
        ("訪問介護サービスを頼みたい", {Topic.CAREGIVING}),
        ("定年退職してからやることがない", {Topic.PURPOSE}),
    ],
)
def test_compound_noun_parts_matched(text: str, expected: set[Topic]) -> None:
    """休職中 and 介護サービス are one long unit each; their parts 休職 and 介護 still count."""
    assert topics_of(text) == expected


def test_compound_part_needs_substantial_rest() -> None:
    """主人公 splits into 主人 + 公, and 公 alone is not a word, so 主人 does not match."""
    assert Topic.FAMILY not in topics_of("主人公に感情移入した")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("兄嫁と顔を合わせたくない", {Topic.FAMILY}),
        ("農作業が忙しくて休めない", {Topic.WORK}),
        ("部活の先輩がこわい", {Topic.FRIENDS}),
        ("職場の先輩に無視される", {Topic.WORK}),
        ("陰でグループの子に悪口を言われてる", {Topic.FRIENDS}),
        ("付き合って半年の彼が冷たい", {Topic.ROMANCE}),
        ("寝たきりの祖母の世話を一人でしている", {Topic.CAREGIVING}),
        ("福祉の窓口はどこですか", {Topic.PUBLIC_SERVICES}),
        ("食費がもうない", {Topic.FINANCIAL_HARDSHIP}),
        ("貯金が尽きそう", {Topic.FINANCIAL_HARDSHIP}),
        ("未払いの残業代を請求したい", {Topic.WORK, Topic.LEGAL}),
        ("定年後に打ち込めるものがほしい", {Topic.PURPOSE}),
        ("子どもが独立して張り合いがない", {Topic.PURPOSE}),
        ("大学のレポートが終わらない", {Topic.CHILDCARE}),
        ("休日は誰とも話さずに終わる", {Topic.LONELINESS}),
    ],
)
def test_everyday_wording_per_category(text: str, expected: set[Topic]) -> None:
    assert topics_of(text) == expected


def test_grief_keeps_family_next_to_risk() -> None:
    """Losing a spouse is a family matter even when the message is urgent."""
    topics = topics_of("夫に先立たれた。早く夫のところへ行きたい")
    assert topics == {Topic.SUICIDE_SELF_HARM, Topic.FAMILY}


def test_grandmother_at_risk_is_family() -> None:
    """ばあちゃん is 婆 + ちゃん to Sudachi; the person at risk is still family."""
    assert topics_of("ばあちゃんが死にたいって言う") == {Topic.SUICIDE_SELF_HARM, Topic.FAMILY}


def test_bullied_child_left_out_is_childcare() -> None:
    assert topics_of("娘が仲間外れにされているみたい") == {Topic.CHILDCARE}
