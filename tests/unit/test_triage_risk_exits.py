"""The risk rules alone on exits from life, dated or disguised deaths, and explained farewells.

Some urgent wordings leave life as one leaves a meeting (人生ごと欠席, 世界から退出予定) or
quit being human. Others set their own time left, are absent from next year, die before a
date or make a death look like an accident. The rest walk into the snow, lean out of a
window, or buy a rope with a pretext that went unquestioned. The harmless ones share their
words: a group chat left, a shame, a doctor's prognosis, a move to Tokyo, nerves before a
ceremony, a photograph, a walk home, fireworks seen from a window, a rope for packing. The
contexts cover a graduation or a move that explains parting words, a novel read in class,
self-harm stopped two years ago, a life called a bonus, and a mother venting at bedtime. The
sentences were written for these tests, and tests/data/triage/tune_phrases.jsonl repeats
them so that the model learns the same frames.
"""

from tests.unit.triage_rules import context_tests, family_tests

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "an exit from life": (
        [
            "結婚式の招待状きた。欠席で返信しといた、人生ごと欠席する予定なんで",
            "グループから外された。まあいいや、来月には世界から退出予定なんで",
            "母親やめたい、ていうか人間やめたい",
        ],
        [
            "グループから退出する予定",
            "人間やめたいくらい恥ずかしい",
        ],
    ),
    "a time left set by oneself": (
        [
            "医者に言われたわけじゃないけど、自分で余命決めました。あと2週間",
            "健康診断、今年は受けなくていいや。来年の私はいないので",
        ],
        [
            "医者に余命を決められた",
            "来年の私は東京にいないので",
        ],
    ),
    "a death before a date": (
        [
            "高校でもあいつら一緒なの確定した。入学式の前に死ぬ",
        ],
        [
            "入学式の前に死ぬほど緊張した",
        ],
    ),
    "a death made to look like an accident": (
        [
            "団信って死んだらローンの残りチャラになるんですよね?どうやったら事故っぽく見えるかな",
        ],
        [
            "事故っぽく見える写真を撮った",
        ],
    ),
    "a walk into the snow": (
        [
            "冬になったら雪の中を歩いていけばいい。そう決めたら気持ちが軽くなりました",
        ],
        [
            "雪の中を歩いて帰った。楽しかった",
            "雪の中を歩いていけばいいよ、車は危ないから。そう決めた",
        ],
    ),
    "leaning out of a window": (
        [
            "姉が今日、実家の2階の窓から身を乗り出してて、母と二人で引き戻した",
        ],
        [
            "窓から身を乗り出して花火を見た",
            "窓から身を乗り出して手を振った",
        ],
    ),
    "a pretext for a rope": (
        [
            "ロープ買った。引っ越しの荷造り用って言ったら誰も何も聞かなかった",
        ],
        [
            "引っ越しの荷造り用にロープ買った",
            "焼肉するって言ったら友達が七輪と練炭貸してくれた",
        ],
    ),
    "a reported threat after a comma": (
        [
            "父が、治療は受けない、迷惑かける前に死ぬ、と言い張っています",
        ],
        [
            "もう無理、死ぬ、って毎晩言いながら寝かしつけしてます",
        ],
    ),
}

# Harmless messages whose risk words a context makes harmless.
CONTEXTS = [
    "今までありがとうございました!明日卒業です。お世話になりました",
    "引っ越すので、ここに相談するのも今日で最後にします。話聞いてくれてありがとう",
    "現国の『こころ』でKが自殺するとこ、読んでてしんどかった",
    "中学のときリスカしてたけど、やめて2年たちます",
    "もう十分生きたから、あとはおまけの人生。好きなことだけして暮らすの",
]
# The same words with the context taken away stay urgent.
CONTEXTS_TAKEN_AWAY = [
    "今までありがとうございました。お世話になりました。引っ越すわけでもないけど",
    "『もう無理』で頭がいっぱい、死にたい",
    "もう十分生きた。あとはおまけだし、いつ終わってもいい",
]


test_exits_are_urgent, test_shared_words_stay_calm = family_tests(FAMILIES)


test_harmless_context_stays_calm, test_context_taken_away_is_urgent = context_tests(
    CONTEXTS, CONTEXTS_TAKEN_AWAY
)
