"""The risk rules alone on quiet signs, and on their harmless twins.

The urgent wordings name the sender as an unneeded person or hold living only until a date
that will decide the rest. Belongings are handed out the way keepsakes are, a word for leaving
life is put in quotes, and an old scar is cut open again. Others write romaji, take a fatal
diagnosis with relief, gather medicine one pack per shop, or wish to vanish while someone
else sleeps. A note is written beside a dead father's belongings, sleep in the snow is wished
for, cutting is needed to calm down, pills were taken yesterday, a joke is belied by the
eyes, and a question about settling one's affairs is answered yes. Someone is sought to die
with, 希死念慮 is typed in hiragana, a phrase is kept rather than taken back, self-harm
returns after years without it, and a Tohoku べ resolves to die. A promise never to do it
again is doubted after an attempt or self-harm, a trip is to a known suicide site, and the
sender's absence would let a husband remarry. A failure that names no task comes before a
resolve for next time, the sender is a burden to be taken off others, and comics are given
away with everything else.

The harmless twins keep the words: relationships let go, a delivery date, an estate shared
out, a referee's call, an itchy scar, a clear test result, toilet paper bought round the
shops, a trip planned while a mother is well, a will found among an uncle's belongings, a
car park cold enough to kill, a fringe to cut, cutting told to a partner as long past, a
roller coaster and a question answered no. A grandmother lived with until death, laughter
with friends, news of a forced double suicide, rice bought round the shops, a hamster that
jumped from its cage, a phrase taken back, self-harm stopped years ago and a Tohoku guess of
being worn out keep the words too, and so do a promise to quit smoking, someone else wished
gone (いなくなってくれたら), a holiday in Okinawa, a feeling absent for half a year, the last
cut five years ago and a husband gone. A diet failed before, a load lifted by retiring, a
comic borrowed and a husband's neck in anger keep the words too. Camping, shaving, a dialect
denial, a tow rope for the snow, a futon beaten over the railing and a speech at a farewell
party are harmless contexts.

The sentences were written for these tests, and tests/data/triage/tune_phrases.jsonl repeats
them so that the model learns the same frames.
"""

from tests.unit.triage_rules import context_tests, family_tests

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "an unneeded person": (
        [
            "俺はもういらない人間なんだよ",
            "ボクハ　イラナイ存在デス",
            "あたしなんて誰にもいらない子だし",
        ],
        [
            "私はいらない人間関係を手放した",
            "この世にいらない人なんていないよ",
            "僕はいらない子なんかじゃないって先生が言ってくれた",
        ],
    ),
    "living held until a date": (
        [
            "年明けまではがんばる。そこで終わりにする",
            "母の誕生日までは生きる。その日に決める",
        ],
        [
            "納期まではがんばる。そこで終わり、あとは休む",
            "受験まではがんばる。その後は思いきり遊ぶ",
        ],
    ),
    "keepsakes given by the living": (
        [
            "祖母が形見分けみたいに着物を配り始めた。最近ご飯も食べない",
            "兄が形見分けみたいにゲーム機とか漫画とか配ってる",
        ],
        [
            "父の形見分けで兄と時計を分けた",
            "叔母の遺品を形見分けして、いとこに指輪を譲った",
        ],
    ),
    "a word in scare quotes": (
        [
            "人生から「退場」したい",
            "もう全部「リセット」したい。自分ごと",
        ],
        [
            "「退場」しかない審判の判定だった",
            "スマホを「リセット」したら写真が消えた",
        ],
    ),
    "an old scar cut again": (
        [
            "治りかけの傷跡の上をまた切ってしまった",
            "妹が手首の古い傷跡の上をまた切ってた",
        ],
        [
            "古い傷跡がかゆくて眠れない",
            "手術の傷跡の上に湿布を貼った",
        ],
    ),
    "romaji": (
        [
            "shinda hou ga raku kamo",
            "kietahou ga ii no kana",
        ],
        [],
    ),
    "relief at a fatal diagnosis": (
        [
            "余命一年って言われて、正直うれしかった",
            "難病の告知を受けて、どこか安心している自分がいる",
        ],
        [
            "検査の結果、がんじゃなかった。安心した",
            "がんは早期で、手術で取れるって聞いてほっとした",
            "父のがん検査の結果が出るまで安心できない",
            "がんの再発はないと言われて、ほっとしました",
        ],
    ),
    "medicine gathered shop by shop": (
        [
            "薬局を4軒はしごして、睡眠改善薬を1箱ずつ買い集めた",
        ],
        [
            "ドラッグストアを3軒はしごして、トイレットペーパーを1袋ずつ買った",
        ],
    ),
    "a time clause with its own subject": (
        [
            "息子が寝ているうちに消えてしまいたい",
            "夫が帰ってこないうちに死ねたらいいのに",
        ],
        [
            "母が元気なうちに温泉に連れて行きたい",
        ],
    ),
    "a note among the belongings of someone who died": (
        [
            "遺書を書き終えた。父の遺品の箱に一緒にしまった",
        ],
        [
            "叔父の遺品整理で遺書が見つかった。財産の分け方が書いてあった",
            "祖父の遺品の中から遺書みたいな手紙が出てきた。老衰だったのに",
        ],
    ),
    "sleeping out in the cold": (
        [
            "雪の中で寝たら死ねるかな。もう疲れた",
        ],
        [
            "朝の駐車場、車で寝たら死ぬレベルの寒さだった",
            "外で寝たら死ぬくらい冷えるから、カイロ持っていきな",
        ],
    ),
    "cutting needed to calm down": (
        [
            "切らないと落ち着かない夜がまた来た",
            "最近は切らないと眠れない",
        ],
        [
            "爪を切らないと眠れないくらい気になる",
            "前髪を切らないと落ち着かない性格です",
        ],
    ),
    "an act of yesterday": (
        [
            "昨日、睡眠薬30錠飲んだ。今は普通に起きてる",
            "今朝また切った。でも今は落ち着いてる",
        ],
        [
            "昨日、昔リスカしてた話を彼氏にした。今はもうしてない",
        ],
    ),
    "a joke belied": (
        [
            "弟が屋上から飛び降りたいって冗談っぽく言ってた。でも目が笑ってなかった",
        ],
        [
            "飛び降りたいは冗談だよ。ジェットコースターの話",
        ],
    ),
    "a question answered yes": (
        [
            "姉に「最近身辺整理してるの？」って聞かれた。うん。もう決めたから",
        ],
        [
            "母に「死にたいと思ったことある？」って聞かれた。ないよって答えた",
        ],
    ),
    "a partner sought to die with": (
        [
            "一緒に死んでくれる人、どこかにいないかな",
            "誰か心中してくれる相手いませんか",
            "一緒に死ねる人を探してる",
        ],
        [
            "祖母と一緒に死ぬまでこの家で暮らしたい",
            "友達と一緒に死ぬほど笑った",
            "無理心中のニュースを見て気持ちが沈んだ",
        ],
    ),
    "a clinical word typed in hiragana": (
        [
            "きしねんりょがひどい夜",
        ],
        [],
    ),
    "medicine gathered on a round of shops": (
        [
            "薬局を4軒まわって、同じ咳止めを買い集めた",
        ],
        [
            "スーパーを3軒まわって、特売のお米を買い集めた",
        ],
    ),
    "a pet as the subject": (
        [
            "犬の散歩中、橋から飛び降りたくなった",
        ],
        [
            "ハムスターがケージから飛び降りて逃げた",
        ],
    ),
    "a phrase taken back": (
        [
            "『死にたい』は取り消さない。本当だから",
        ],
        [
            "さっきの『死にたい』は取り消します。眠れたら落ち着いた",
        ],
    ),
    "an act stopped a counted span ago": (
        [
            "リスカ、3年やってなかったのに昨日またやった",
            "生まれてこなければよかったと、この歳になって思うとは",
        ],
        [
            "アムカはもう2年やってない",
            "ODは前はしてたけど、もう1年やめられてる",
        ],
    ),
    "a Tohoku guess, not a resolve": (
        [
            "もう死ぬべ。疲れた",
        ],
        [
            "疲れて死にそうだべ、今日の稲刈り",
        ],
    ),
    "a promise not to do it again, doubted": (
        [
            "前に未遂で終わったとき母に泣かれた。もうしないって約束したけど、守れる気がしない",
            "リスカはもうしないって彼と約束した。守れそうにない",
            "もう切らないって先生と約束したのに、守れなかった",
        ],
        [
            "禁煙の約束、守れる気がしない",
            "リスカはもうしないって約束した。ちゃんと守れてる",
        ],
    ),
    "someone else wished gone": (
        [
            "みんなの記憶から私だけ消えてくれたらいいのに",
            "いっそ私がいなくなれば",
        ],
        [
            "嫁が「お義母さん、いっそいなくなってくれたら」ってこぼしてた",
            "親父、早く死んでくれたらいいのに",
        ],
    ),
    "vanishing to a named place": (
        [
            "週末に東尋坊に消えるつもり",
            "今夜消える予定",
        ],
        [
            "連休に有給くっつけて沖縄に消える予定！",
            "夏休みは北海道に消えるつもり",
        ],
    ),
    "a feeling or an act long absent": (
        [
            "前はリスカしてた。最後に切ったのは5年前。でもまた切りたい",
            "前はベランダから下ばかり見てた。最近またそういう気持ちになる",
        ],
        [
            "昔のリスカの痕、今はもう気にならない。最後に切ったのは5年前",
            "前はベランダから下ばかり見てた。ここ半年はそういう気持ちが一度も来てない",
        ],
    ),
    "a remarriage after the sender is gone": (
        [
            "わたしが居なくなれば夫は再婚できる",
        ],
        [
            "夫が居なくなれば私も再婚できる",
        ],
    ),
    "a failure with no task, then next time": (
        [
            "一回失敗してるから次はちゃんとやる",
            "前回失敗したけど、次はちゃんとやる",
        ],
        [
            "ダイエットに一回失敗してるから次はちゃんとやる",
            "試験、一回失敗してるから次はちゃんとやる",
        ],
    ),
    "the sender as a burden to remove": (
        [
            "私っていう足かせ、外してあげたい",
            "私という重荷を早く降ろしてあげたい",
        ],
        [
            "肩の重荷を降ろしたい。来月で役員を退く",
            "この重荷を降ろしたい、仕事辞めたい",
        ],
    ),
    "comics given away, or read": (
        [
            "ギターも漫画も友達に全部配った。身辺整理ってこういう感じかな",
        ],
        [
            "首吊り事件が出てくる漫画を借りた",
        ],
    ),
    "someone else's neck": (
        [
            "自分の首を絞めてみた",
        ],
        [
            "夫の首しめてやりたいくらい腹立つ",
        ],
    ),
}

CONTEXTS = [
    "ロープとスコップ、車に積んどくといいよ。雪でスタックしたとき引っぱってもらえる",
    "ベランダの手すりから身を乗り出して布団たたいてた",
    "異動の送別会で『これが最後の言葉です』ってスピーチした。新しい部署でもがんばる",
    "キャンプ初心者。ソロキャン用にロープとタープ買った",
    "ムダ毛処理してたらカミソリで腕をちょっと切った",
    "ひげ剃りでカミソリで顎を切った。地味に痛い",
    "死にたいなんて思ったことは一度もねえ。ただ寂しいだけだ",
]

CONTEXTS_TAKEN_AWAY = [
    "ロープとスコップ、車に積んだ",
    "ベランダの手すりから身を乗り出してた",
    "『これが最後の言葉です』ってみんなに送った",
    "ロープ買った。もう決めた",
    "カミソリで腕をちょっと切った",
    "死にたい。ただ寂しいだけだ",
]

test_quiet_signs_are_urgent, test_shared_words_stay_calm = family_tests(FAMILIES)

test_harmless_context_stays_calm, test_context_taken_away_is_urgent = context_tests(
    CONTEXTS, CONTEXTS_TAKEN_AWAY
)
