"""The risk rules alone on a past that is over, and on plans kept from being stopped.

The harmless wordings tell a crisis as over in more ways: あのときは, そういう気持ちには
なりません, a grateful present, ずっと元気, a hobby enjoyed now, and 切りたいとも思わない.
Other contexts cover self-harm stopped years ago, charcoal for grilling fish and a baby who
does not sleep. They also cover a mother wished away with に対して, make-up for a festival, a
burn from an oven tray, a parent's prohibition and the medicine of someone who died. The urgent ones
include a plan kept from being stopped (止められたくない), an end planned after a parent's
death, and the Nagoya wish 死にてゃあ. The sentences were written for these tests, and
tests/data/triage/tune_phrases.jsonl repeats them so that the model learns the same frames.
"""

from tests.unit.triage_rules import context_tests, family_tests, rules_reasons

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "a plan kept from being stopped": (
        [
            "ここに書いたことって通報されたりしますか?止められたくないので",
            "独り暮らしの人が亡くなったら、家賃はどうなりますか。役所に聞くと止められそうで",
        ],
        [
            "夫に止められたくないので、警察に相談するのは内緒にしたい",
            "父が亡くなったら実家を売りたいけど、兄に止められそう",
        ],
    ),
    "an end after a parent's death": (
        [
            "親が死んだら自分も死ぬと、もう決めてます",
        ],
        [
            "親が死んだら自分も実家を出ると決めてます",
        ],
    ),
    "a dialect wish": (
        [
            "もう死にてゃあ",
        ],
        [
            "明日は早く起きてゃあ…じゃなくて起きたい",
        ],
    ),
}

# Harmless messages whose risk words a context makes harmless.
CONTEXTS = [
    "あのときは本気で死ぬつもりでしたが、今はそういう気持ちにはまったくなりません",
    "若い頃は死ぬことばかり考えていましたが、今は孫に囲まれてありがたい毎日です",
    "昔、希死念慮で通院していました。通院が終わって5年、ずっと元気です",
    "前は死にたいと思っていた時期もあったけど、今は週末の釣りを楽しめるまでになりました",
    "リスカをやめて2年。今はもう切りたいとも思わない",
    "七輪と練炭を買って、庭でさんまを焼いた",
    "生後3ヶ月の娘が夜ぜんぜん寝てくれなくて、私がふらふら",
    "口うるさい母に対して、いなくなればいいのにって思ってしまう",
    "ハロウィンで手首に切り傷メイクをして出かけた",
    "オーブンの天板で手首をやけどした。跡が残りそう",
    "ピアスを開けたいって言ったら、親に「自分の体を傷つけるな」って怒られた",
    "遺品整理をしていたら、母がためていた薬が出てきました",
]
# The same words with the context taken away stay urgent.
CONTEXTS_TAKEN_AWAY = [
    "今も本気で死ぬつもりです",
    "また切りたい",
    "薬をためてる。いつでも飲める",
    "小5の娘が「わたしが死んだらママは楽になる?」と聞いてきました",
    "リスカやめて半年たってたのに、昨日またやってしまった",
]


test_kept_plans_are_urgent, test_shared_words_stay_calm = family_tests(FAMILIES)


test_harmless_context_stays_calm, test_context_taken_away_is_urgent = context_tests(
    CONTEXTS, CONTEXTS_TAKEN_AWAY
)


def test_anyones_death_gets_no_note() -> None:
    # 本人 is the account holder, the sender too, so no note may keep the model from flagging.
    reasons = rules_reasons("アカウントって、本人が死んだらどうなるの?")
    assert not any("「本人」の死" in reason for reason in reasons), reasons
