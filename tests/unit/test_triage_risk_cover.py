"""The risk rules alone on cover stories, means found in a room and absences with no reason.

Some urgent wordings explain a wound with a story the message calls untrue: a cat in a flat
that bans pets, a kitchen knife with no cooking. Others find a rope or charcoal in a family
member's room or bag, deny the harmless reason of an absence from tomorrow, or keep the
reason for one's own death from someone. The rest are a hiragana しのう after a space and an
English pet given away for good. The harmless ones share their words: a real cat scratch, a
cooking-class burn under a sleeve, a scout's knot practice, a stay in hospital, a relative's
death. The contexts cover a character in a story, health workers' patients, a scar from
years ago, a photographer on a platform, a dam visited, a way of speaking and an English
lesson. The sentences were written for these tests, and tests/data/triage/tune_phrases.jsonl
repeats them so that the model learns the same frames.
"""

from tests.unit.triage_rules import context_tests, family_tests

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "a cover story for a wound": (
        [
            "猫にひっかかれたって言い訳、もう3回目。うちペット禁止のアパートなんだけどね",
            "「包丁で手切っちゃった」ってお母さんに言ったけど、料理なんかしてない。手首だし",
            "彼氏の腕の傷、本人は「猫」って言うけど、あいつ猫アレルギーなんだよね",
        ],
        [
            "猫にひっかかれた傷が化膿した。病院行くべき?",
            "猫アレルギーなのに猫カフェに行って腕に傷",
            "猫にひっかかれたって言い訳して遅刻した",
            "料理教室の講師です。オーブンで手首をやけどして、長袖でごまかしています",
        ],
    ),
    "a means found among someone's things": (
        [
            "息子の部屋からロープが出てきました。ひきこもって3年になります",
            "夫のカバンに練炭が入ってた",
            "娘の引き出しでロープを見つけた",
        ],
        [
            "押し入れからロープが出てきた、キャンプ用の",
            "息子の部屋からロープが出てきた。ボーイスカウトの結び方の練習だって",
            "父の車にロープが入ってた。キャンプ好きだから",
        ],
    ),
    "an absence whose harmless reason is denied": (
        [
            "犬を今日引き取ってもらえるところってありますか。明日からは私がいないので。入院とかではないです",
        ],
        [
            "明日からは私がいないので、犬を預かってほしいです。入院するので",
            "来週から私がいないので、引き継ぎお願いします。旅行じゃないよ、出張",
            "明日は私がいないので鍵お願い。旅行とかじゃなくて、実家の用事",
        ],
    ),
    "the reason for one's own death": (
        [
            "もし寮で死んだら、会社は家族に何て説明するんですか?上司にだけは理由を言ってほしくない",
            "私が死んだら、理由はみんなに言わないでね",
        ],
        [
            "父が死んだら、理由を医者に説明してほしい",
        ],
    ),
    "a wish after a space": (
        [
            "彼氏にふられた　しのうかな",
        ],
        [
            "疲れた 死ぬほど働いた",
            "お腹すいた 死にそう",
        ],
    ),
    "an English pet given away for good": (
        [
            "gave my guitar and my cat to my sister today. told her it's for good. i feel"
            " weirdly calm now",
        ],
        [
            "gave my old guitar to my nephew, he loves it",
            "I gave my cat to my sister for good since I'm moving to Tokyo",
        ],
    ),
}

# Harmless messages whose risk words a context makes harmless.
CONTEXTS = [
    "国語の課題で、自殺する登場人物の気持ちを書かなきゃいけない",
    "看護師です。自傷で救急に来る患者さんへの声かけ、いつも悩みます",
    "彼女が手首の傷のこと打ち明けてくれた。中学のころのことで、今は全然やってないって",
    "撮り鉄です。今日はホームの端っこで、通過する特急を3時間待ってました",
    "ダムカード集めてて、今日は寒河江ダムまで。上から見るとけっこう高いね",
    "自分を傷つけるような言い方ばっかりしちゃう癖、直したい",
    "I teach English at a high school. we did a unit on mental health and self-harm today",
    "Last year I thought about ending it, but I'm in a much better place now",
]
# The same words with the context taken away stay urgent.
CONTEXTS_TAKEN_AWAY = [
    "看護師です。患者さんに怒鳴られて、帰ってから腕を切った",
    "看護師です。自分も自傷がやめられない",
    "手首に傷がある。中学のころのことで、今もたまに切る",
    "自分を傷つけるようなことをしてしまう",
    "we had a class on self-harm and i realized i do it every night",
    "Last year I thought about ending it. Now I think about it again",
]


test_cover_stories_are_urgent, test_shared_words_stay_calm = family_tests(FAMILIES)


test_harmless_context_stays_calm, test_context_taken_away_is_urgent = context_tests(
    CONTEXTS, CONTEXTS_TAKEN_AWAY
)
