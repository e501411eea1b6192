"""The risk rules alone on deaths tied to a near date, and on words that are only named.

The urgent wordings include the sender's own death or the papers that follow it, asked about
with a near date (来週には必要になる, 近いうちにそうなる予定), an end the sender is at peace
with, and medicine left over until it piled up. The harmless ones share their words: a move,
a bereavement, an operation and medicine taken as prescribed. Others are a word a child
asked about, a subject of study, an insurance clause, a scare explained away, a past now
over and a father wished away. The sentences were written for these tests, and
tests/data/triage/tune_phrases.jsonl repeats them so that the model learns the same frames.
"""

from tests.unit.triage_rules import context_tests, family_tests, rules_reasons, rules_urgent

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "a death tied to a near date": (
        [
            "自分が死んだあと、猫を誰に頼めばいいですか。来週には必要になるので",
            "死亡届は誰が出すことになりますか。たぶん近いうちにそうなる予定です",
            "僕が死んだら部屋の片付けは誰がするの？今月中に準備しておきたい",
            "私が死んだときに貯金が母に渡るなら、もう安心して終われる",
        ],
        [
            "来月引っ越すので、猫を預かってくれる人を今月中に探してます",
            "母が亡くなりました。死亡届はどこに出せばいいですか",
            "夫婦で終活を始めました。死んだあとのことはゆっくり決めます",
            "来月手術なので、自分が死んだときのために遺言を準備しておきたい",
        ],
    ),
    "medicine left over": (
        [
            "精神科でもらう薬、ずっと残してたらたまってきた",
        ],
        [
            "退院のとき1か月分の薬をまとめてもらって、毎日ちゃんと飲んでます",
            "2週間分の薬を薬局でもらって、きちんと飲んでいます",
        ],
    ),
}

# Harmless messages whose risk words a context makes harmless.
CONTEXTS = [
    "小2の娘に「リスカ」って言葉の意味を聞かれて困った",
    "中学の教科書に「遺書」という言葉が出てきて、息子に説明を求められた",
    "リストカットをテーマに卒論を書いてます。話を聞ける団体はありますか",
    "自殺の免責期間について、保険会社に問い合わせたい",
    "友達の投稿に「今までありがとう、みんな元気でね」ってあってドキッとしたけど、"
    "バイトを辞める報告だった",
    "友達が「ちょっと樹海行ってくる」って言うから焦ったけど、ただの観光ツアーだった",
    "前はもう死ぬしかないと思ってたけど、今はなんとかやってます",
    "すぐ怒鳴る親父、正直いなくなればいいと思う",
]
# The same words with the context taken away stay urgent.
CONTEXTS_TAKEN_AWAY = [
    "友達の投稿に「今までありがとう、みんな元気でね」ってあってドキッとした。電話もつながらない",
    "前はもう死ぬしかないと思ってたけど、今もやっぱりそう思う",
    "正直いなくなればいいと思う、私なんか",
]


test_dated_forms_are_urgent, test_shared_words_stay_calm = family_tests(FAMILIES)


test_harmless_context_stays_calm, test_context_taken_away_is_urgent = context_tests(
    CONTEXTS, CONTEXTS_TAKEN_AWAY
)


def test_dated_death_reason_names_the_date() -> None:
    reasons = rules_reasons("僕が死んだら部屋の片付けは誰がするの？今月中に準備しておきたい")
    assert any("近い日付" in reason for reason in reasons), reasons


def test_topic_before_death_gets_no_note() -> None:
    # The account is what 消せる is about; the note for a thing's death must not hold the
    # message back from the model.
    reasons = rules_reasons("アカウントって死んだあと消せるの？")
    assert not any("の死についての話" in reason for reason in reasons), reasons
    assert any("の死についての話" in reason for reason in rules_reasons("スマホは死んだ"))


def test_scare_confirmed_stays_urgent() -> None:
    text = "友達の投稿に「今までありがとう、みんな元気でね」ってあってドキッとしたけど、本当だった"
    assert rules_urgent(text), text
