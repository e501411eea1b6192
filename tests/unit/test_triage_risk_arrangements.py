"""The risk rules alone on arrangements for one's absence, and on more harmless readings.

The urgent wordings include a goodbye closed with お元気で, preparations that end in
これで私がいなくても大丈夫, and an end planned to follow someone else's death. The harmless
ones share their words: leave for a birth, a hospital stay, and a job or work that ends.
Other contexts make risk words harmless: hair cut at home, a fear of heights, an example in
a role play, a prop, a bungee jump named a sentence before, and a past wish followed by a
better present. The sentences were written for these tests, and
tests/data/triage/tune_phrases.jsonl repeats them so that the model learns the same frames.
"""

from tests.unit.triage_rules import context_tests, family_tests, rules_reasons

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "a goodbye": (
        [
            "先生、長いあいだありがとうございました。今日でお別れです。お元気で",
        ],
        [
            "先生、長いあいだありがとうございました。来月から大阪で働きます。お元気で",
        ],
    ),
    "ready for one's absence": (
        [
            "子どもの好きな食べ物と病院の場所を全部書いて夫に渡しました。これで私がいなくても大丈夫",
            "猫の世話の仕方をノートにまとめた。これでもう私がいなくても平気",
        ],
        [
            "育休の前に引き継ぎ資料を全部作った。これで私がいなくても大丈夫",
            "来週から入院なので、夫に家事のメモを渡しました。これで私がいなくても大丈夫",
        ],
    ),
    "an end after another's death": (
        [
            "母が死んだら私もそこで終わるつもりです",
        ],
        [
            "母が死んだら私も介護の仕事が終わる予定です",
            "父が死んだら実家の店は終わるつもりだと兄が言ってる",
        ],
    ),
}

# Harmless messages whose risk words a context makes harmless.
CONTEXTS = [
    "久しぶりに美容院で髪を切ってもらった。ずっと自分で切ってたから新鮮",
    "高いところが苦手で、展望台から下をのぞいたら足が震えた",
    "研修で「死にたいと言われたらどう返すか」をロールプレイで練習した",
    "学園祭のお化け屋敷で使う首吊り人形を作ってる",
    "友達とバンジージャンプに行った。飛び降りる瞬間は声も出なかった",
    "前は消えたいと思ってたけど、犬を飼い始めてから毎日楽しい",
]
# The same words with the context taken away stay urgent.
CONTEXTS_TAKEN_AWAY = [
    "ずっと自分で切ってる。腕も足も",
    "屋上から下をのぞいてる。足がすくむけど、もう決めた",
    "前は消えたいと思ってたけど、仕事を辞めてから毎日消えたい",
]


test_arranged_absence_is_urgent, test_shared_words_stay_calm = family_tests(FAMILIES)


test_harmless_context_stays_calm, test_context_taken_away_is_urgent = context_tests(
    CONTEXTS, CONTEXTS_TAKEN_AWAY
)


def test_end_after_death_reason_names_it() -> None:
    reasons = rules_reasons("母が死んだら私もそこで終わるつもりです")
    assert any("死のあとに自分も終わる" in reason for reason in reasons), reasons
