"""The risk rules alone on a resolve for next time, belongings given away and a burden spared.

Most urgent wordings say what came before: a failed attempt or a disbelieved threat, then
次は or 今度は. Others give belongings away suddenly after death talk, a recent death or a
burden cleared. The rest are 消えます with a burden as its reason, 餓死でもいい, a payout asked
about one's own death, （永遠に） after sleep, and English that names the one reason left or
an absence with no trip. The harmless ones share their words: a diet, a campsite rope, a
move, a grandmother's kimono, a group chat left, a dentist. The contexts cover a car stuck
at a crossing, a job on a rooftop, a meaning explained, a harm never done and treatment
ended. The sentences were written for these tests, and tests/data/triage/tune_phrases.jsonl
repeats them so that the model learns the same frames.
"""

from tests.unit.triage_rules import context_tests, family_tests

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "a resolve for next time": (
        [
            "去年ロープが切れて失敗したの、今思うとウケる。次は丈夫なやつにする",
            "前は死ねなかった。次こそ確実にやる",
            "未遂で終わったけど、次は失敗しない",
            "死ぬ死ぬ詐欺ってよく言われるから、今度はほんとにやるね",
        ],
        [
            "ダイエットに失敗した。次こそ本気でやる",
            "キャンプでロープが切れて失敗した。次は丈夫なやつにする",
            "死ぬ死ぬ詐欺って言われてムカつく。次は本気で言い返す",
            "死ぬ死ぬ詐欺って言われる友達がいて、みんな呆れてる",
        ],
    ),
    "belongings given away": (
        [
            "友達が毎日「死ぬわ」って言ってて、昨日いきなりゲーム全部くれた",
            "母が急に指輪やら着物やら配りはじめた。父が死んでまだ三月です",
            "常連のおじいさんが「これで誰にも迷惑かけねえ」って。飼ってた犬も近所にあげたらしい",
        ],
        [
            "引っ越すから友達が漫画全部くれた",
            "祖母が死んで、母が祖母の着物を急に配りはじめた",
            "死ぬほど漫画が好きな友達が、全部くれた。読み終わったって",
            "「死ぬかと思った」って言ってた友達が、お土産を全部くれた",
        ],
    ),
    "vanishing to spare others": (
        [
            "これ以上迷惑かけたくないので、消えます",
            "迷惑かけたくないから消える",
        ],
        [
            "迷惑かけてすみません、このグループから消えます",
            "迷惑メールが多いので、アプリ消えます",
        ],
    ),
    "a death by starvation or cold accepted": (
        [
            "金なくて3日食べてない。このまま餓死コースでもいっかなって",
            "凍死でもいいや",
        ],
        [
            "過労死でもいいから働けって言われた",
            "餓死でいいわけない",
        ],
    ),
    "a payout asked about one's own death": (
        [
            "家賃を滞納してる。死んだら保険おりるのかなって真剣に考えてる",
            "私が死んだら保険おりるのかな",
        ],
        [
            "父が死んだら保険おりるのかな",
            "私が死んだら保険がおりるように生命保険に入った",
        ],
    ),
    "an eternity after sleep": (
        [
            "薬をためてある。これで安心して眠れる（永遠に）",
            "今日はぐっすり眠れそう(永遠に)",
        ],
        [
            "今日はぐっすり眠れそう",
            "永遠に続く夏休みの夢を見て、ぐっすり眠れた",
        ],
    ),
    "an English absence or last reason": (
        [
            "who do i tell that my cat needs a home after friday. i wont be around. not moving"
            " anywhere, just done",
            "tbh the only reason I'm still here is my cat",
        ],
        [
            "I won't be around, I'm on a business trip",
            "the only reason I'm here is the free food lol",
            "I won't be around after 5, got a dentist appointment",
            "Gave away my furniture, said goodbye to everyone. Flying back to Canada on Sunday!",
        ],
    ),
}

# Harmless messages whose risk words a context makes harmless.
CONTEXTS = [
    "踏切の前から動けない。車が雪にはまった。JAF待ち",
    "いま屋上にいます!会社の屋上の雪下ろし当番",
    "線路の前から動けない。軽トラが脱輪した",
    "妹が「もう死にたい〜」って言ってたけど、テスト勉強が終わらないって意味だった",
    "死にたいって言ったけど、疲れたという意味でした",
    "うつ病と診断されましたが、自分を傷つけたことは一度もないし、これからもしないと思います",
    "10年前に自殺未遂をしたことがあります。でも今は治療を終えて、仕事にも復帰できました",
]
# The same words with the context taken away stay urgent.
CONTEXTS_TAKEN_AWAY = [
    "踏切の前から動けない。もう限界",
    "屋上にいます。もう疲れた",
    "死にたいって言ったけど、本当に死にたいって意味だった",
    "自分を傷つけたことがある。またやりそう",
]


test_resolves_are_urgent, test_shared_words_stay_calm = family_tests(FAMILIES)


test_harmless_context_stays_calm, test_context_taken_away_is_urgent = context_tests(
    CONTEXTS, CONTEXTS_TAKEN_AWAY
)
