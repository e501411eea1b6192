"""The risk rules alone on more wordings: urgent sentences, harmless twins and noted contexts.

Like test_triage_risk_mechanisms.py, these call the rules without the learned model. The
sentences are written for these tests and appear in no data file. A third table lists
harmless wordings that must carry a [緊急ではない] note, because a note makes the model need
probability 0.95 before it flags the message.
"""

import pytest

from services.triage.classifier import by_rules, read


def rules_urgent(text: str) -> bool:
    reading = read(text)
    assert reading is not None
    return by_rules(reading).urgent


def rules_reasons(text: str) -> tuple[str, ...]:
    reading = read(text)
    assert reading is not None
    return by_rules(reading).reasons


# Each mechanism: wordings that must be urgent, then twins with the same words that must not.
MECHANISMS: dict[str, tuple[list[str], list[str]]] = {
    "ending with a hope, a request or an announcement": (
        [
            "もう終わりにしてもいいかなって思う",
            "早く終わりにさせてほしい",
            "あの日に終わりにするって決めた",
            "弟から「もう終わりにする」ってメールが来た",
            "ホームにいる。次の電車で終わりにする",
            "自分を終わらせられたら楽なのに",
            "もう終わりにしたい、この人生",
        ],
        [
            "もう終わりにしたい、この喧嘩",
            "この企画、そろそろ終わりにしよう",
            "今日はこのへんで終わりにします",
            "この小説の物語をどう終わらせたらいいか悩んでる",
        ],
    ),
    "the sender's own ending with 終わる": (
        [
            "父を送ったら、あとは私もいつ終わってもいい",
            "このまま眠ったまま終わるほうが早い",
            "いっそ寝てるうちに全部終わっててくれないかな",
            "雪の中で静かに凍えて終われたらとか思う",
        ],
        [
            "早く会議が終わってくれないかな",
            "夏休みがいつ終わってもいいように宿題は済ませた",
        ],
    ),
    "absence that changes nothing": (
        [
            "私がいなくなっても、きっと半年はだれも気づかない",
            "いなくても誰の生活も変わらない",
            "このまま消えても同じだよね",
            "いっそ私がいなくなれば丸く収まるのかな",
            "おまけみたいな存在だし、なくなっても誰も困らない",
            "もう俺がこの世にいる理由がない",
        ],
        [
            "財布がなくなっても誰も困らない、中身は空だし",
            "この会議に私がいる意味がない",
            "上司がいなくても仕事は回る",
        ],
    ),
    "absence preferred": (
        [
            "わしなんかおらん方が、みんなのびのびできる",
            "私がいない方が部屋の空気がきれいになる",
            "私がいない世界の方がみんな楽だよね",
            "いっそ二人でいなくなったほうが、誰にも迷惑かけないんじゃないか",
        ],
        [
            "あんな人いなくなればいいのに",
            "部長がいない方が会議は早く終わる",
        ],
    ),
    "living rejected, questioned or too heavy": (
        [
            "生きていくのに疲れ果てた",
            "生きてること自体がしんどい",
            "生きてるのがもうめんどう",
            "もう生きていける気がしない",
            "息するのもやめたい",
            "こんな私が明日も息をしてる必要ってある?",
            "人生これ以上続ける意味ある?",
            "生きてて何になるんだろう",
            "もう長く生きる気はない",
            "もうやめたい、生きるの",
        ],
        [
            "生きていくのに必要なお金を計算した",
            "息をするのも忘れるくらい美しい景色",
            "この仕事を続ける意味ってあるのかな",
            "生きていける気がしてきた、ありがとう",
        ],
    ),
    "a life too long": (
        [
            "もう十分生きた、思い残すことはない",
            "なんでこんなに長生きしてしまったんだろう",
            "長生きは罰だと思う",
            "いつまで生かされるんだろう",
            "短命の家系ならよかった",
            "先に逝った妻がうらやましい",
        ],
        [
            "祖母は十分生きたと思う、九十八まで元気だった。亡くなって一年",
            "長生きしてね、おばあちゃん",
            "同期の昇進がうらやましい",
        ],
    ),
    "stopping a treatment to die": (
        [
            "透析をやめたら二週間で死ねるって聞いた",
            "インスリンを打つのをやめたら終われるかな",
            "薬をやめたら楽に死ねるかもしれない",
            "胃ろうを自分で抜いちゃえば終われるかな",
        ],
        [
            "透析をやめたら死ぬって先生に言われた",
            "抗がん剤はもう受けないことにした、残りは家族と過ごしたい",
            "薬をやめたら体が楽になった",
        ],
    ),
    "moving on toward a danger": (
        [
            "このまま電柱にぶつかったら明日は休めるのに",
            "このまま堤防から海に入っていこうかな",
            "このまま線路に、ってつい考える",
            "ハンドルをちょっと切ればあの崖なんだよな",
            "対向のトラックに突っ込めば一瞬",
            "ブレーキを踏まないで行けばいいんだ",
            "ガレージのシャッターを閉めて、エンジンをかけたまま座ってる",
        ],
        [
            "このまま走っていけたら楽なのに、マラソン大会",
            "ハンドルを切って電柱をよけた",
            "ガレージで暖機のためにエンジンをかけた",
        ],
    ),
    "heights measured or looked down from": (
        [
            "屋上のフェンス、思ったより低いんだね",
            "駅ビルの屋上まで来た。下を見ても思ったより怖くない",
            "非常階段のいちばん上。下を見てる",
            "マンションの11階の廊下から下をのぞいてる",
            "窓のカギのことばかり考えてる。ここから落ちたらって。五階",
            "ホームの端に立ってる",
            "防波堤の先にいます",
            "ベランダの手すりに足をかけた",
            "ベランダの手すりから身を乗り出してた",
        ],
        [
            "展望台、思ったより低かったけど景色はよかった",
            "ベランダの柵が思ったより低くて、子どもが心配",
            "3階の会議室にいる。下の階がうるさい",
            "2歳の息子がベランダの手すりに足をかけるので怖い",
            "ここから落ちたら危ないよって子どもに言った",
        ],
    ),
    "trains, crossings and jumps reported": (
        [
            "踏切でつい立ち止まってしまう",
            "踏切で電車が来るのを待ってしまった",
            "踏切の遮断機をくぐりたくなる",
            "友達から「今から飛ぶ」ってLINEが来た",
            "屋上から飛んだら少しは楽になるのかな",
            "飛び降りの動画ばかり見てる",
            "駅のホームで、前に出そうになる",
        ],
        [
            "踏切が故障してて、もう十分も動けない",
            "「今からバイト飛ぶ」って先輩が言ってた",
            "通勤中に飛び降りがあった現場を見た",
        ],
    ),
    "self-harm told in other words": (
        [
            "腕に爪を立てて、血がにじむまでやめられない",
            "太ももに爪立ててた",
            "夏でも長袖。手首を見られたら終わる",
            "また切ってしまった。痛くない",
            "今夜も切る",
            "カッターを握ってる。まだ切ってない",
            "包丁を自分に向けたくなる",
            "壁に頭をガンガンしてる",
            "娘のパジャマの袖口に血がついていた",
            "息子の部屋のゴミ箱に血のついたティッシュがたくさん",
            "傷が深い。親にバレたくない",
            "自分で髪の毛を抜くのがやめられない",
        ],
        [
            "爪を切ってたら深爪した",
            "頭がガンガンする、二日酔い",
            "料理中に包丁で指を切った",
            "手首のタトゥーを長袖で隠してる",
            "ハサミで袋を切ろうとして、手首の皮膚を少し切った",
            "白髪を抜いた",
        ],
    ),
    "medicine lined up, mixed or taken together": (
        [
            "睡眠薬とお酒を一緒に飲んだらって、そればかり考える",
            "ワインと薬を一緒に流し込んだら楽になれそう",
            "デパスまとめ飲みした。ふわふわする",
            "机の上に薬をたくさん並べた",
            "弟の部屋から風邪薬の空き箱がいくつも出てきた",
            "眠剤を飲むためじゃなくて、ためるためにもらってる",
            "市販薬を大量に買い込んだ",
            "薬のシートを3枚空けた",
            "薬をいつもの倍くらい飲むつもり",
            "何錠飲めば眠ったまま起きないですむのかな",
        ],
        [
            "風邪薬とお酒を一緒に飲んでもいいですか",
            "朝の薬をまとめて飲んだ",
            "薬を全部飲み終わったので病院に行きます",
            "薬剤師さんに「一度にたくさん飲むと危ない」と言われた薬を、毎晩1錠だけ飲んでる",
        ],
    ),
    "rope, charcoal and guns by their context": (
        [
            "練炭ってどこで売ってるんだろう。一人で使う",
            "練炭を買った。焼き肉じゃない",
            "ロープを持って山へ行こうとしていた",
            "ちょうどいい長さのロープを選んでおいた",
            "楽になりたい。祖父の猟銃がどこにあるか知ってる",
        ],
        [
            "七輪でさんまを焼いた。練炭の火おこしが難しい",
            "練炭ってまだ売ってるんだ。火鉢に使う",
            "猟銃は手放すことにした",
        ],
    ),
    "farewells: silence, pets, letters": (
        [
            "兄から「今までありがとう」ってLINEが来て、電話に出ない",
            "妹から「これまでありがとう」ってメール。既読がつかない",
            "猫の引き取り先を探してる。私がいなくなっても困らないように",
            "通帳は引き出しに入れた。犬のことだけお願いしたい",
            "机から「家族へ」と書かれた封筒が出てきた",
            "この手紙を読むころ、私はもうどこにもいません",
            "お母さん、ごめん。探さないで",
            "おれ死んだら、畑は弟に頼む。今までありがとう",
            "大事にしてた本を全部友達にあげた。もう要らないから",
            "みんな今までありがとう。職場ではもう頑張れない",
        ],
        [
            "皆さん今までありがとうございました。次の部署でも頑張ります",
            "みんな今までありがとう！転校先でも頑張るね",
            "『この手紙を読むころ、僕はもういない』で始まる小説が好き",
            "出張中は猫を実家に預けた",
            "電話に出ないので、あとでかけ直します",
        ],
    ),
    "euphemisms of the other world": (
        [
            "亡くなったおじいちゃんのところに行きたい",
            "仏様のところへ早く行きたい",
            "早くお迎え来てほしい",
            "主人が亡くなって五年。写真に、早く迎えに来てと毎晩言っている",
            "夫を亡くして三年。そろそろ私も連れて行ってと仏壇に話しかける",
            "お迎えが来ないなら、こっちから迎えに行こうか",
            "母を見送ってから、早く呼んでくださいと仏壇に手を合わせている",
        ],
        [
            "早くおばあちゃんのところに行きたい、夏休みが楽しみ",
            "ママ、保育園に早くお迎え来て",
            "救急車を早く呼んでください",
            "遊園地に連れて行ってと娘が言う",
        ],
    ),
    "ending told as a figure": (
        [
            "人生リセットしたい、物理的に",
            "人生ごとリセットしたい",
            "あとは静かにフェードアウトするだけ",
            "この世からフェードアウトできたらな",
            "もうなにもかも幕を下ろしたい",
            "自分で幕を引くつもりだ",
            "自分で始末をつける",
            "もう区切りをつけたい、自分の人生に",
        ],
        [
            "人生リセットしたい!転職して地元に戻る",
            "人付き合いリセットしたい",
            "飲み会から静かにフェードアウトしたい",
            "店の幕を引くことにした",
            "借金の始末をつけた",
        ],
    ),
    "wishes to vanish, be erased or not wake": (
        [
            "このまま消えていければいい",
            "このまま薄くなって消えていきたい",
            "跡形もなく蒸発できたらいいのに",
            "地球上から自分の分だけ引き算してほしい",
            "自分が世界のバグに思える。消されるべき",
            "このまま朝にならなければいいのに",
            "明日の朝、目が開かなかったらいい",
            "麻酔からそのまま戻ってこなければいいのに",
            "誰にも知られないまま消えるのが一番だと思う",
        ],
        [
            "あのデータは消されるべき",
            "早く朝にならないかな",
            "ドアが開かなかったらいいのに",
            "来年から海外で暮らして、もう日本には戻らないつもり",
        ],
    ),
    "quoted voices, counterfactuals and decisions": (
        [
            "頭の中の声が「死ね」って言う。今日は従ってしまいそう",
            "声が『死ね』って言う。そうしようかなって思う",
            "受験に落ちたら死ぬって自分で決めてる",
            "子どもが「一緒に死ぬ」約束をしてるみたい",
            "子どもがいなければ、とっくに死んでいた",
            "生まれてこなければ、母に苦労をかけずに済んだのに",
            "いっそ一緒に…と思う夜がある",
        ],
        [
            "「死ね」って言われた。ひどい",
            "夫さえいなければって思う瞬間がある",
            "雪の中で寝たら死ぬぞって、よく言われた",
        ],
    ),
    "own funeral, water, hanging tried and fading away": (
        [
            "自分の葬式に誰が来るか考えると落ち着く",
            "自分のお葬式で流す曲を選んでる",
            "海に飛び込んだら楽になるかな",
            "ドアノブにベルトをかけて試した。苦しかった",
            "このまま弱っていけばいい",
            "静かに消えられるかなって期待してる",
            "もう楽になりたい、消える方向で",
            "このまま朝起きなくて済めばいいのに",
            "目を閉じたら二度と開けなくていい",
        ],
        [
            "終活で自分の葬式のプランを決めた",
            "夏休みに海に飛び込んだら気持ちよかった",
            "ドアノブにタオルをかけて乾かした",
            "汚れが消えるかなって期待してる",
            "目を閉じたら朝まで一度も開けなくていい日がほしい",
        ],
    ),
    "English": (
        [
            "it would be easier if i just didn't wake up",
            "i wish i'd get hit by a truck",
            "i keep thinking about stepping onto the tracks",
            "sitting in the garage with the engine running",
            "found fresh cuts on her wrist",
            "he texted me goodbye and he is not picking up",
        ],
        [
            "this commute is killing me",
            "i'm dying to see the new movie",
            "i want to end it with her",
            "i take my meds every morning",
        ],
    ),
}

URGENT_CASES = [
    pytest.param(text, id=f"{name}: {text}")
    for name, (urgent, _) in MECHANISMS.items()
    for text in urgent
]
HARMLESS_CASES = [
    pytest.param(text, id=f"{name}: {text}")
    for name, (_, harmless) in MECHANISMS.items()
    for text in harmless
]

# Harmless wordings that must carry a note, so that the model needs more certainty.
NOTED = [
    "暑すぎて溶けて消えたい",
    "もう終わりにしたい、この関係",
    "このプロジェクト、もう終わりにしたい",
    "脚立から落ちて死ぬとこだった",
    "本気で死ぬって思った、あの手術",
    "年金だけだと死ぬまで働くしかない",
    "友達が「宿題多すぎて死ぬ」って笑ってた",
    "あの部長、消えてくれないかな",
    "何のために生きてるんだろうって時々思う",
    "お迎えが来るまでは畑を続けたい",
    "私が死んだら母が悲しむから、がんばる",
    "自分が死んだら、娘はどうなるのか心配",
    "死んだ方がましってくらい肩がこってる",
    "人生ログアウトしたいってくらい眠い",
    "もう消えたいくらい眠い",
    "生きててよかったって思える日がたまにある",
    "生きていてよかったです",
    "あの時、生きててよかったと思う",
    "消えたいくらいお腹すいた",
    "死にたい、は冗談だけど疲れた",
    "問診票に「自傷行為はありますか」って欄があった",
    "献血のあと腕にあざができた",
    "手首のあざは夫につかまれた跡",
    "薬は毎晩決まった量だけ飲んでる",
    "まとめて薬をもらってきた",
    "ぽっくり逝きたいねって、みんなで笑った",
    "父が自ら命を絶ちました。去年のことです",
    "橋の上から花火を見るのが好き",
    "this commute is killing me",
]


@pytest.mark.parametrize("text", URGENT_CASES)
def test_rules_flag_urgent_wording(text: str) -> None:
    assert rules_urgent(text), rules_reasons(text)


@pytest.mark.parametrize("text", HARMLESS_CASES)
def test_rules_leave_harmless_twin(text: str) -> None:
    assert not rules_urgent(text), rules_reasons(text)


@pytest.mark.parametrize("text", NOTED)
def test_rules_note_harmless_context(text: str) -> None:
    reasons = rules_reasons(text)
    assert not rules_urgent(text), reasons
    assert any(reason.startswith("[緊急ではない]") for reason in reasons), reasons


@pytest.mark.parametrize(
    "text",
    [
        "死にたいくらい痛い",
        "消えたいくらい眠いし、もう生きていたくない",
        "消えたいくらい寒くて辛い",
        "消えてしまいたいくらいです",
    ],
)
def test_measure_of_pain_or_distress_stays_urgent(text: str) -> None:
    assert rules_urgent(text), rules_reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "生きててよかったと思えることが一つもない",
        "生きててよかったのかな",
        "生きててよかったなんて思えない",
        "生きてて良かったのか分からない",
    ],
)
def test_gladness_denied_or_doubted_gets_no_note(text: str) -> None:
    """Without a note the model may flag these at its usual threshold."""
    reasons = rules_reasons(text)
    assert not any(reason.startswith("[緊急ではない]") for reason in reasons), reasons
