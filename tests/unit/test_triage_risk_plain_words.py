"""The risk rules alone on plain words of a wish or a plan, and on their harmless twins.

Each family pairs urgent wordings with harmless ones that share their words. The urgent ones
want the grave (早くお墓に入りたい, もう🪦行きたい) or to become an angel. They quit life rather
than a job (人生の方を辞めたい), uninstall it or reset their existence. They find living
impossible, look up how to die, weigh dying against another way out or censor the word
(自〇願望). Others count pills gone down (30錠いった) or let medicine pile up untaken. Some
show scabs in lines on an arm, or change a beneficiary and put a bankbook together. Some go
where a dead pet or husband is, ask whether they would be better gone, stand at a railing
while others take photos, or ask how high a bridge is, for real. The rest let a cashier's
guess at their charcoal stand, name a wound they made, wish they had never been or a world
without them, cannot shake the word 自殺, or count their scars growing.

The harmless twins visit a grave, uninstall a game, reset a computer, live on a pension,
quote a manga, reset a mood, take one vitamin, fall and scrape a knee, marry or go into
hospital. Others grill with charcoal, hurt themselves at a club, weigh two jobs, wish a
meeting away, learn a word at school or have scars of long ago. In the contexts the wish is
over now (friends made, walks again, laughter, a good breakfast), or someone died years ago.
A word's meaning is asked, a feeling expected never came, or the words belong to a mystery
novel, a flat's history, a workload or a lesson's question.

The sentences were written for these tests, and tests/data/triage/tune_phrases.jsonl repeats
them so that the model learns the same frames.
"""

from tests.unit.triage_rules import context_tests, family_tests

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "a grave or an angel as where the sender wants to be": (
        [
            "ばあちゃんも逝ったし、早くお墓に入りたいよ",
            "仕事クビになった。もう🪦行きたい",
            "ママの三回忌。会いたいな、👼になりたい",
        ],
        [
            "来週お墓に行きたいので休みをもらいます",
            "夫と同じ墓に入りたくないって母がよく言う",
            "白衣の天使になりたくて看護学校に入りました",
        ],
    ),
    "life quit or uninstalled": (
        [
            "部活を辞めたいんじゃなくて、人生の方を辞めたい",
            "もう人生アンインストールしたい。疲れた",
        ],
        [
            "スマホのゲームをアンインストールしたい。時間がもったいない",
            "仕事の方を辞めたいと上司に言えない",
        ],
    ),
    "the sender's existence reset": (
        [
            "学校になじめない。存在ごとリセットできたらいいのに",
            "自分の存在ごとリセットしたい",
        ],
        [
            "パソコンのデータの存在ごとリセットできたらいいのに",
            "部屋の模様替えで気分をリセットしたい",
        ],
    ),
    "living judged impossible": (
        [
            "もう生きるのが無理。何もかも",
            "なんかもう生きるの無理だわ",
        ],
        [
            "年金だけで生きるのは無理なので、パートを探しています",
            "一人で生きるのは無理だと思うから、婚活を始めた",
        ],
    ),
    "a way or a place to die looked up": (
        [
            "夜中にずっとどうやって死ぬか調べてた",
            "どこで死ぬか考えながら駅まで歩いた",
        ],
        [
            "飼ってる金魚がどうやって死ぬか調べたら、水温が大事らしい",
            "生きるか死ぬか、って大げさな言い方だけど試験の結果が怖い",
        ],
    ),
    "dying weighed against another way out": (
        [
            "学校行くか死ぬか、どっちがマシなんだろう",
            "借金返すか死ぬか、もう迷ってる",
        ],
        [
            "生きるか死ぬか迷うほどの大事な試合じゃない",
            "戦うか死ぬか、っていう漫画のセリフが好き",
        ],
    ),
    "a censored suicide wish": (
        [
            "今夜は自〇願望がひどい",
            "自○念慮がずっと消えない",
        ],
        [
            "自〇責任って言葉がきらい",
            "自〇制心が足りないって先生に言われた",
        ],
    ),
    "pills counted, then gone down": (
        [
            "咳止め30錠いった。ふらふらする",
            "睡眠薬15錠いっちゃった",
        ],
        [
            "ビタミン剤1錠いった、これで今日の分",
            "風邪薬、朝に1錠いった",
        ],
    ),
    "medicine left untaken until it piled up": (
        [
            "処方された薬、飲まねでおいたっけ、いっぱい貯まった",
            "もらった薬を飲まずにいたら、かなり溜まった",
        ],
        [
            "薬を飲まなかったら疲れが溜まった気がする",
            "薬局のポイントが溜まった",
        ],
    ),
    "scabs in lines on an arm": (
        [
            "息子の腕に線みたいなかさぶたがたくさんある",
            "妹の手首にかさぶたが何本も並んでた",
        ],
        [
            "転んで膝にかさぶたができた",
            "蚊に刺されたところがかさぶたになった",
        ],
    ),
    "a beneficiary changed and a bankbook put together": (
        [
            "生命保険の受取人を弟に変えて、通帳も一冊にまとめた。あとは仕事の引き継ぎだけ",
        ],
        [
            "結婚したので保険の受取人を妻に変えて、通帳もまとめました",
            "来月から入院です。保険の受取人を確認して、通帳は妹に預けた",
        ],
    ),
    "going where the dead one is": (
        [
            "ハムスターが死んで一週間。あの子のところに行く。今夜そうする",
            "夫が死んで半年。夫のところに行くね",
        ],
        [
            "祖母が亡くなって、明日は祖父のところに行く",
            "猫が死んじゃった。あの子のところに花を持って行ってきた",
        ],
    ),
    "a wish to be gone asked as a question": (
        [
            "家族にとって私はいない方がいいんじゃないでしょうか",
            "あの子にとって私はいない方がいいんじゃないですか",
        ],
        [
            "消えたいんじゃない。疲れてるだけ",
            "死にたいんじゃなくて、休みたいんです",
        ],
    ),
    "at a railing while others take photos": (
        [
            "卒業式の日、みんなが写真撮ってる間に、私は屋上の柵の外にいる",
        ],
        [
            "夜景の写真撮りに屋上にいる",
            "花火の写真を撮りに橋の上にいます",
        ],
    ),
    "a height asked in English, for real": (
        [
            "How tall is the highest building near the station? for real",
            "how high is that bridge over the river, not joking",
        ],
        [
            "How tall is the tallest building in Tokyo? for my report",
            "How high is the bridge? My son asked for his project",
        ],
    ),
    "a purpose guessed by someone else and let stand": (
        [
            "練炭を買った。店員さんに「バーベキューですか」って聞かれたから、そうですって言った",
        ],
        [
            "練炭を買った。週末のバーベキュー用",
            "七輪と練炭で焼き肉するから炭を買い足した",
        ],
    ),
    "a wound the sender made": (
        [
            "おととい自分でやった傷がまだ痛い",
            "夜中にやった傷、猫が気にして見てくる",
        ],
        [
            "部活でやった傷がまだ痛い",
            "料理でやった傷、絆創膏が取れない",
        ],
    ),
    "dying named as one of two ways out": (
        [
            "退学と死ぬの、親にとってはどっちがましかな",
            "離婚するか死ぬか、どっちを選んでも地獄",
        ],
        [
            "転職と独立、どっちがいいか迷ってる",
            "戦うか死ぬか、どっちかを選べって映画のセリフ",
        ],
    ),
    "never having been, wished": (
        [
            "私なんか最初からいなかったことになればいいのに",
            "俺なんか最初からいなかったことになればいい、ほんとに",
        ],
        [
            "昨日の会議はなかったことになればいいのに",
            "あいつなんかいなかったことになればいい",
        ],
    ),
    "a world without the sender": (
        [
            "目が覚めたら私だけいない世界になってたらいいのに",
            "自分のいない世界になればいいな",
        ],
        [
            "夫のいない世界になればいいのに、ってくらい腹が立つ",
            "雪のない世界になったら楽なのに",
        ],
    ),
    "a word that will not leave the sender": (
        [
            "自殺という言葉がずっと頭から離れない",
            "自死という言葉が頭に浮かんで消えない",
        ],
        [
            "自死という言葉の使い方を授業で習った",
            "自殺という言葉をニュースで聞くたびに胸が痛む",
        ],
    ),
    "marks of the act growing": (
        [
            "リスカの跡がまた増えた",
            "アムカの跡増えすぎて半袖着られない",
        ],
        [
            "リスカの跡が薄くなってきて、もう五年してない",
            "アムカの跡は残ってるけど、もう何年もしてない",
        ],
    ),
}

# Harmless contexts, each followed by the same words without the context in
# CONTEXTS_TAKEN_AWAY.
CONTEXTS = [
    "友達とけんかした。死にたい…ってほどではないけど落ち込む",
    "中学のとき消えたいって思ってた。今年は部活の仲間ができて毎日楽しい",
    "前は死にたかった。今は朝ちゃんと起きて散歩できてる",
    "消えたいと思ってた頃もあった。今は孫の世話でバタバタしてます",
    "昔は自分なんかいない方がいいと思ってた。いまは職場で必要とされてる",
    "同級生が自殺してもう三年。命日には花を持っていく",
    "『死にたい』って言葉の意味を息子に聞かれた。アニメで見たらしい",
    "職場で自殺した人がいたらしく、夫がずっと落ち込んでる",
    "振られた。死にたくなるかと思ったけど、案外平気だった",
    "首吊り事件が出てくるミステリー小説、怖いけど面白い",
    "前の住人が首吊った事故物件、家賃が安いから迷う",
    "課題終わらなすぎて死ぬ。でも明日は休み",
    "友達に『消えたい』って言われたらどう返せばいい？授業で考えてる",
    "前は死にたかった。今は仲間と笑ってる",
    "消えたいって思ってた頃もある。今は毎朝ごはんがおいしい",
]

CONTEXTS_TAKEN_AWAY = [
    "友達とけんかした。死にたい。落ち込む",
    "中学のときから消えたいって思ってる。今年も部活でひとり",
    "前から死にたかった。今も朝起きられない",
    "消えたいと思ってる。孫の世話もできない",
    "自分なんかいない方がいいと思ってる。職場でも必要とされてない",
    "同級生が自殺してもう三年。私も後を追いたい",
    "『死にたい』って息子に言われた",
    "夫が自殺しそうで、ずっと落ち込んでる",
    "振られた。死にたくなる",
    "首吊りしたい",
    "首吊ろうか迷う",
    "課題終わらない。死にたい",
    "友達に『消えたい』って言われた",
    "死にたい。笑えない",
    "消えたいって思ってる。ごはんもおいしくない",
]

test_plain_words_are_urgent, test_shared_words_stay_calm = family_tests(FAMILIES)

test_harmless_context_stays_calm, test_context_taken_away_is_urgent = context_tests(
    CONTEXTS, CONTEXTS_TAKEN_AWAY
)
