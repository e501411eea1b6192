"""The risk rules alone on the details that give a risk away, and on their harmless twins.

Each family pairs urgent wordings with harmless ones that share their words. In the urgent
ones suicide stays in mind as an option, pills go down with drink in growing amounts, or a
blade's lines are counted. A threat to die comes with a reason (振るなら死ぬから), and life is
left of one's own accord (自主退場) or closed like a shop. An English goodbye gives away things
no longer needed. Pills are laid out (💊×30), preparations are done before 死にます, and a long
life is apologised for. Food is given up as a punishment, a cut shows fat, or a blade comes
before a red drain. Scratches grow every week whatever story is told for them, a purpose given for
charcoal is denied, and a child in a game chat says it will die. Pills are saved like money,
life is weighed against a job, and net slang jumps without the cord (紐なしバンジー) or draws
the next life like a lottery (来世ガチャ). English is taken back and then meant (no but fr). A
rope comes with no use left to explain it, a goodbye goes to the world (ばいばい世界), and a
dream is wished real. A building comes with an arrow down (🏢⬇️), a character's death is
envied, an excuse for the plasters is still to be made, and 死ね is said to oneself. Being run
over is a relief wished for, a fresh wound is not to be seen, a wound is one the sender made
whatever else the message names, and medicine is gathered round the shops.

The harmless twins keep the same words: a lesson remembered, a pharmacist's warning, a design
of lines, an umbrella, quitting a club, a trip to Hawaii, a pill case, a packed lunch, a
grandchild's wish, a forfeit game, surgery, shaving, a new kitten, a barbecue and a lost boss
fight, and money saved for medicine, a club quit, a TV show, a game's lottery, laundry, a
world trip and a nightmare. The contexts name a broken beaker, a branch, a fryer, hay fever,
a duvet, a package leaflet, a study group, a one-way ticket to university, a tattoo, an
abbreviation, a train caught at the bell, a wish denied, a memorial service, a climbing
rope, a week at an onsen and a box cutter that slipped.

The sentences were written for these tests, and tests/data/triage/tune_phrases.jsonl repeats
them so that the model learns the same frames.
"""

from tests.unit.triage_rules import context_tests, family_tests

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "an option that stays in mind": (
        [
            "レポートに追われて、自殺って選択肢が頭から離れない",
            "自殺という考えが頭をよぎる毎日",
        ],
        [
            "自殺予防の講座で聞いた話が頭から離れない",
            "自殺のニュースが頭から離れない",
        ],
    ),
    "pills with drink, the amount growing": (
        [
            "父が睡眠薬をビールで何錠も飲んでる",
            "母がお酒と一緒に安定剤を飲んでて、量が増えてる気がする",
        ],
        [
            "お酒と一緒に薬を飲まないように薬剤師さんに言われた",
            "晩酌のビールの量が増えた",
        ],
    ),
    "lines a blade left, counted": (
        [
            "ただのカミソリの線だよ、5本",
            "カッターの線が今日で3本増えた",
        ],
        [
            "ナイフの線が3本入ったデザインのTシャツ",
            "カッターの刃を3本買った",
        ],
    ),
    "a threat with a reason": (
        [
            "彼女が「振るなら死ぬから」って毎回言う",
            "妻が「出ていくなら死ぬから笑」って言う",
        ],
        [
            "雨が降るなら傘持ってくから",
            "別れるならそれでいいよって言われた",
        ],
    ),
    "leaving life of one's own accord": (
        [
            "人生詰んだから自主退場します",
            "もう俺の人生も閉店するわ",
        ],
        [
            "部活を自主退部します",
            "人生を卒業するまで楽しみたい",
        ],
    ),
    "a farewell in English": (
        [
            "Gave away my books today. Won't need them where I'm going.",
            "me: still alive. working on fixing that",
        ],
        [
            "Won't need my coat where I'm going, it's Hawaii!",
            "still alive after the marathon lol",
        ],
    ),
    "pills laid out": (
        [
            "💊×30 ならべてみた",
            "睡眠薬を30錠机に並べた",
        ],
        [
            "一週間分の薬を毎朝ピルケースに並べた",
            "薬局で薬を棚に並べるバイトしてる",
        ],
    ),
    "preparations done, then the announcement": (
        [
            "準備できた、タヒります",
            "準備は全部終わった、死にます",
        ],
        [
            "お弁当の準備できた、いってきます",
            "準備できた、出発します",
        ],
    ),
    "an apology for a long life": (
        [
            "長生きしてすまないと毎晩思う",
            "こんなに長生きして申し訳ない",
        ],
        [
            "長生きしてねって孫に言われた",
            "長生きしてよかったと思える日だった",
        ],
    ),
    "food given up as a punishment": (
        [
            "太った罰で今日も水だけ",
            "成績が下がった日は夕飯を食べない。罰だから",
        ],
        [
            "罰ゲームで水だけ飲んだ",
            "宿題忘れた罰で居残り。お昼食べてない",
        ],
    ),
    "a cut that showed fat": (
        [
            "また脂肪見えた。縫った方がいいのかな",
            "脂肪が見えるくらい切っちゃった",
        ],
        [
            "脂肪が見えるほど太った",
            "手術で脂肪が見えた、傷は縫った",
        ],
    ),
    "a blade and a red drain": (
        [
            "妹が風呂場でカミソリ使ってたみたい。排水口が赤かった",
        ],
        [
            "排水口が赤い。カミソリでむだ毛剃った",
            "排水口の掃除で赤カビを落とした",
        ],
    ),
    "scratches that grow every week": (
        [
            "生徒の腕に傷が毎週増えてる。本人は猫だと言う",
        ],
        [
            "猫を飼い始めてから腕の傷が毎日増える笑 猫だって言ったら笑われた",
        ],
    ),
    "a charcoal purpose given and denied": (
        [
            "兄の車に練炭がある。キャンプ用って言うけど、キャンプなんて行ったことない",
            "祖父の軽トラの荷台に練炭と七輪が積んである。焼き肉する人じゃないのに",
        ],
        [
            "軽トラの荷台にロープを積んだ",
            "練炭と七輪で焼き肉。庭でバーベキュー",
        ],
    ),
    "a child in a game chat": (
        [
            "ゲームのサーバーで遊んでる子が、チャットで「もう死ぬ」って書いてる",
        ],
        [
            "ゲームで「もう死ぬ」って叫んでボスにやられた",
        ],
    ),
    "pills saved like money": (
        [
            "睡眠薬こつこつ貯金してる。あと少しで50錠",
            "眠剤貯金、今月も順調",
        ],
        [
            "薬を買うお金もない、貯金もない",
            "薬代のために毎月貯金してる",
        ],
    ),
    "life weighed against a job": (
        [
            "学校やめるか人生やめるかの二択だわ",
            "仕事辞めるか人生辞めるか、どっちか選べって言われたら",
        ],
        [
            "仕事辞めるか続けるか迷ってる",
            "部活やめるか迷う",
        ],
    ),
    "a bungee jump without the cord": (
        [
            "紐なしバンジーしたい。高いところどこかな",
            "そろそろ紐なしバンジーかな",
        ],
        [
            "紐なしバンジーってバラエティ番組で見たけど、下にネットがあった",
            "バンジージャンプの予約した",
        ],
    ),
    "the next life drawn like a lottery": (
        [
            "来世ガチャ引きに行くわ。今世はハズレ",
            "そろそろ来世ガチャ回しに行ってくる",
        ],
        [
            "来世に期待するしかないな、このくじ運",
            "ゲームのガチャ引いたらハズレ",
        ],
    ),
    "English taken back and then meant": (
        [
            "kms. no but fr",
            "if a truck hit me tomorrow i would be relieved, honestly",
            "im alone and the pills are next to me, like 40",
        ],
        [
            "i'm gonna die of embarrassment, i tripped on stage",
            "dying to see the new movie lol",
        ],
    ),
    "a rope with no use left to explain it": (
        [
            "物干しにロープ買った。洗濯物は干してない",
            "父がロープと脚立を買ってきた。何に使うのか言わない",
        ],
        [
            "物干しロープ買った。洗濯物たくさん干せる",
            "踏み台に乗って物干しにロープを張った",
        ],
    ),
    "a goodbye to the world": (
        [
            "ばいばい世界",
            "👋 ばいばい世界、ありがとう",
        ],
        [
            "ばいばい、また明日ね",
            "世界一周旅行にいってきます、ばいばい",
        ],
    ),
    "a dream wished real": (
        [
            "線路に飛び込む夢を見る。夢じゃなくてもいい",
        ],
        [
            "線路に飛び込む夢を見て、こわくて起きた",
        ],
    ),
    "a building and an arrow down": (
        [
            "🏢⬇️ 今から",
            "🏢⬇️ もう決めた",
        ],
        [
            "🏢の⬆️の階にカフェがある",
            "ビルのエレベーターで⬇️",
        ],
    ),
    "a character's death envied": (
        [
            "映画で主人公が死ぬ場面、「いいな」って思った",
            "ドラマの主人公が死ぬのがうらやましいと思ってしまう",
        ],
        [
            "映画で主人公が死ぬ場面で泣いた",
            "ドラマの主人公が死ぬ展開がつらかった",
        ],
    ),
    "an excuse still to make": (
        [
            "絆創膏がすぐなくなるって親に言われた。言い訳考えないと",
            "長袖の言い訳を考えるのに疲れた",
        ],
        [
            "絆創膏が切れたから買ってきた",
            "遅刻の言い訳を考えてる",
        ],
    ),
    "death ordered at oneself": (
        [
            "死ね死ねって自分に言ってる",
            "『死ね』って自分に言ってしまう",
        ],
        [
            "『死ね』って同級生に言われた",
            "『死ね』って自分に言われてるみたいで怖い、と友達が言ってた",
        ],
    ),
    "the relief of being run over": (
        [
            "信号待ちで、車にはねられたら楽なのにと思う",
            "トラックにはねられたら楽になれるかな",
        ],
        [
            "車にはねられたらどうしようって心配",
            "自転車にはねられたけど軽いけがで済んだ",
        ],
    ),
    "a fresh wound not to be seen": (
        [
            "新しい傷を見られたくないから長袖",
            "腕の新しい傷、誰にも見られたくない",
        ],
        [
            "寝癖を見られたくない",
            "新しいスマホの傷を見られたくない",
        ],
    ),
    "a wound the sender made, whatever else is named": (
        [
            "採血が怖い。自分でつけた傷がまだ残ってる",
            "昨日やった傷がまだ痛い",
        ],
        [
            "部活でやった傷がまだ治らない",
            "採血の跡が青くなった",
        ],
    ),
    "medicine gathered round the shops": (
        [
            "痛み止めを何軒かのドラッグストアで少しずつ買い集めた",
        ],
        [
            "いろんなお店で少しずつ買い集めた食器",
            "ドラッグストアで痛み止めを一箱買った",
        ],
    ),
}

# Harmless contexts, each followed by the same words without the context in
# CONTEXTS_TAKEN_AWAY.
CONTEXTS = [
    "実験でビーカーを割って手首をちょっと切った",
    "雪囲いの作業で枝に腕を引っかけて切った",
    "先輩の手首の包帯、フライヤーの油がはねてやけどしたんだって",
    "花粉症、死んだ方がマシなレベル。目がかゆい",
    "死にたい…とは思ってない。ただ布団から出たくない",
    "薬の説明書に「自殺念慮があらわれることがある」って書いてあって不安",
    "勉強会でOD経験者の手記を読んだ",
    "片道切符で仙台に行きます。春から大学です",
    "腕にバーコードのタトゥー入れた人を見た",
    "ODって何の略ですか？資料に書いてあって",
    "発車ベルで飛び込んだ電車が快速だった",
    "休職中です。自殺願望はありません。復職の相談をしたいです",
    "母の十三回忌でした。自死だったので、今でも少しつらいです",
    "クライミング用のロープを新しくした",
    "I want to disappear into an onsen for a week",
    "段ボール開けてたらカッターが滑って手首を切った",
]

CONTEXTS_TAKEN_AWAY = [
    "手首をちょっと切った",
    "腕を切った",
    "バイトの先輩、手首に包帯してる。理由は言わない",
    "死んだ方がマシ",
    "死にたい。布団から出たくない",
    "自殺念慮がある",
    "OD経験ある。またしそう",
    "片道切符で行きます。もう帰らない",
    "腕がバーコードみたいになってる",
    "ODした",
    "電車に飛び込んだ",
    "休職中です。自殺願望があります",
    "母が自死を考えてるみたいでつらいです",
    "ロープを新しく買った。梁にかけてみた",
    "I want to disappear",
    "カッターで手首を切った",
]

test_details_are_urgent, test_shared_words_stay_calm = family_tests(FAMILIES)

test_harmless_context_stays_calm, test_context_taken_away_is_urgent = context_tests(
    CONTEXTS, CONTEXTS_TAKEN_AWAY
)
