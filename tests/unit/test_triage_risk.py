"""The urgent flag on each hard-case family, with sentences that are in neither data file."""

import pytest

from services.triage.classifier import classify
from shared.schemas import Topic

URGENT_PREFIX = f"[{Topic.SUICIDE_SELF_HARM.value}]"

DIRECT = [
    "死にたくてたまらない",
    "死にたかった、ずっと",
    "死んじゃいたい",
    "死のうかなって考えてる",
    "もう死ぬしかないのかな",
    "いっそ死んでしまいたい",
    "死ぬ方法を調べてる",
    "死んだ方がましだと思う",
    "私が死ねば全部解決する",
    "命を絶ちたい",
    "この世を去りたい",
    "自殺しようかな",
    "死にたいって思っちゃいけないのはわかってるけど、止められない",
    "死にたいとしか思えない",
    "今夜全部終わりにする",
]
PASSIVE = [
    "消えてしまいたい",
    "いなくなっちゃいたい",
    "目が覚めないでほしい",
    "もう二度と目を覚ましたくない",
    "毎晩、明日が来ないことを祈ってる",
    "ずっと眠っていたい、永遠に",
    "生きてても意味ない",
    "生まれてこなきゃよかった",
    "親に迷惑かけるくらいなら消えた方がいい",
    "毎日消えることばかり考えてる",
    "死にたくないけど消えたい",
]
MEANS = [
    "薬いっぱい飲んだ",
    "睡眠薬を大量に飲んでしまった",
    "眠剤を少しずつ溜めてる",
    "ODしそう",
    "首吊ろうかな",
    "縄を買ってきた",
    "飛び降りようと思って屋上に来た",
    "電車に飛び込みたい",
    "練炭を用意した",
    "遺書はもう書いてある",
    "今、崖の上にいます",
]
SELF_HARM = [
    "リスカ痕が増えていく",
    "腕を切るのがやめられなくて、長袖しか着られない",
    "血が出るまで腕を掻きむしってしまう",
    "カミソリで手首を",
    "また切りたくなった",
    "腕に切り傷がたくさんある",
    "自分を殴りたい",
]
THIRD_PARTY = [
    "娘が死にたいと言っています",
    "夫が「消えたい」とつぶやいていた",
    "後輩が自殺をほのめかしてる",
    "友達から「もう死ぬ」ってLINEが来た",
    "姉が首を吊ろうとしていた",
    "弟が睡眠薬をためてるのを見つけた",
]
SLANG = [
    "4にたい",
    "○にたい",
    "死にたみが深い",
    "ｼﾆﾀｲﾖ",
    "ｼﾞｻﾂｼﾀｲ",
    "タヒにたいしか言えない",
    "しにたいです",
    "きえたいきえたいきえたい",
    "ｼﾆﾀｲｼﾆﾀｲ",
    "しんどいしんどいしんどい消えたい",
]
FAREWELL = [
    "お母さんごめんなさい。先にいきます",
    "いままでありがとう。もう疲れたから終わりにするね、全部",
    "今までありがとう。さようなら",
    "探さないでください。今までありがとう",
    "先に逝きます",
]
DANGEROUS_PLACE = [
    "電車来るの待ってる。飛び込むかもしれない",
    "線路の前から動けない",
    "ビルの屋上から下を見てる",
    "今、橋の上にいる",
]
DIALECT = [
    "死にてぇなぁ…もう何もかもやんだ",
    "消えでぇ",
    "いなぐなりてぇ",
    "生ぎでいだぐね",
    "死んだほうがいいんだべか",
    "死ぬべかな",
    "いっそ死んでしまいてぇず",
]
EMOJI = ["💊💊💊💊", "🔪🩸", "🪢", "もう無理💊💊💊全部飲む", "🪢買ってきた"]
ENGLISH = [
    "I want to end it all",
    "i'm suicidal",
    "someone please kill me",
    "i want to kms",
    "im done with life",
    "i dont want to wake up tomorrow",
    "I keep thinking everyone would be better off if I was gone",
    "仕事つらいしもうwanna die",
]


@pytest.mark.parametrize(
    "text",
    DIRECT + PASSIVE + MEANS + SELF_HARM + THIRD_PARTY + SLANG + DIALECT + EMOJI + ENGLISH
    + FAREWELL + DANGEROUS_PLACE,
)  # fmt: skip
def test_risk_family_is_urgent(text: str) -> None:
    result = classify(text)
    assert result.urgent
    assert result.topics[0] is Topic.SUICIDE_SELF_HARM


@pytest.mark.parametrize("text", DIRECT + PASSIVE + MEANS + SELF_HARM + THIRD_PARTY + EMOJI)
def test_urgent_reason_quotes_phrase(text: str) -> None:
    """Every urgent decision starts with a reason that quotes what matched and names the kind."""
    reason = classify(text).reasons[0]
    assert reason.startswith(URGENT_PREFIX)
    assert "「" in reason
    assert "（" in reason


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("娘が死にたいと言っています", "娘"),
        ("後輩が自殺をほのめかしてる", "後輩"),
        ("友達から「もう死ぬ」ってLINEが来た", "友達"),
        ("息子の手首に切った跡があった", "息子"),
        ("my friend told me she wants to die", "my friend"),
    ],
)
def test_third_party_reason_names_person(text: str, person: str) -> None:
    reason = classify(text).reasons[0]
    assert f"{person}の危険として送信者が報告" in reason


FIGURATIVE = [
    "死ぬほど眠い",
    "死ぬ気でやるしかない",
    "死にそうなくらい暑い",
    "バイト先で死ぬほど怒られた",
    "死ぬかと思うくらい熱が出た",
    "推しが尊すぎて死ぬ",
    "スマホが死んだ",
    "死んだように眠った",
    "死んでもいやだ",
    "この本、死ぬほど面白い",
    "死ぬまでに一度はオーロラを見たい",
]
NEGATED = [
    "死にたくないから病院に行く",
    "死にたいとは思ってないけど、疲れた",
    "自殺願望なんてないです",
    "死にたい気持ちはもうない",
    "昔は死にたかったけど今は平気",
    "消えない傷",
    "悩みが消えない",
]
NEWS_AND_BEREAVEMENT = [
    "死亡事故のニュースを見た",
    "自殺防止キャンペーンのポスターを見た",
    "飛び降りのシーンがある映画を見た",
    "祖父が自殺した過去があって、家族でその話はタブー",
    "祖母が亡くなった",
]
EVERYDAY_MEANS = [
    "まとめて薬をもらった",
    "薬飲むの忘れた",
    "風邪ひいた💊飲んで寝る",
    "練炭で餅を焼いた",
    "ロープウェイに乗った",
    "屋上でお昼を食べた",
    "爪を切った",
    "野菜を切るのが苦手",
    "縁を切りたい",
    "首を寝違えた",
    "首を切られた。無職になった",
    "腕を骨折して入院した",
    "今日はこれで終わりにします。ありがとう",
    "今までありがとうございました。新しい職場でも頑張ります",
    "ごめんね、先に行っててね",
    "飛び込み台からプールに飛び込んだ",
    "橋にいるから迎えに来て",
    "練炭こたつ懐かしい",
]
INSULTS_AND_ANGER = [
    "いじめで死ねって言われた",
    "死ねばいいのにってあいつに言われた",
    "お前なんていない方がいいって言われた",
    "上司を殺したいくらい腹が立つ",
    "父がいなくなればいいと思ってしまう",
]
ENGLISH_NEGATIVES = [
    "dead tired today",
    "I could just die of embarrassment",
    "this homework is killing me",
    "I don't want to die, I want help with my job",
    "we watched a documentary about suicide prevention",
]


@pytest.mark.parametrize(
    "text",
    FIGURATIVE + NEGATED + NEWS_AND_BEREAVEMENT + EVERYDAY_MEANS + INSULTS_AND_ANGER
    + ENGLISH_NEGATIVES,
)  # fmt: skip
def test_hard_negative_not_urgent(text: str) -> None:
    result = classify(text)
    assert not result.urgent
    assert Topic.SUICIDE_SELF_HARM not in result.topics


@pytest.mark.parametrize(
    "text",
    ["死ぬほど眠い", "死にたくないから病院に行く", "自殺防止キャンペーンのポスターを見た"],
)
def test_hard_negative_explains_itself(text: str) -> None:
    """A risk word that is judged harmless gets a reason saying why it is not urgent."""
    reasons = classify(text).reasons
    assert any(reason.startswith("[緊急ではない]") for reason in reasons)


def test_lemmas_shared_by_inflections() -> None:
    """消えたい, 消えちゃいたい and 消えてしまいたい are one wish to the rules."""
    for text in ("消えたい", "消えちゃいたい", "消えてしまいたい", "消えたくなる"):
        assert classify(text).urgent, text


MODALITY = [
    "もう消えるしかないのかな",
    "死ぬ以外に道が見つからない",
    "失敗したら死んで償うしかない",
    "来月死ぬことにした",
    "いなくなると決めた",
    "早く消えなきゃ",
    "こんな人生、死んでやる",
    "私が死んでも誰も悲しまない",
    "いなくなっても誰も気づかないと思う",
    "私がいなければみんな幸せなのに",
    "自分なんかいない方が家族は楽だ",
]
EUPHEMISM = [
    "早くお迎えが来ないかな",
    "お迎えを待つだけの毎日です",
    "あの世に行けたらどんなに楽か",
    "三途の川を渡りたい",
    "そろそろあっちに行きたいよ",
    "妻を亡くした。妻のところへ行きたい",
    "朝になったら冷たくなっていたい",
    "トラックに轢かれたい",
    "いっそ事故に遭いたい",
    "自分の存在を消したい",
    "どこかに蒸発したい",
    "長生きなんてしたくない",
    "もうこの世に未練はない",
    "生きててごめんなさい",
    "生まれてきたのが間違いだった",
    "私なんか生きていてはいけない",
    "希死念慮が強くなってきた",
    "早く楽になりたい、死んで",
    "今夜死ぬ",
]
AMOUNTS_AND_PLACES = [
    "睡眠薬を30錠飲んだ",
    "頭痛薬を一箱飲んでしまった",
    "薬を二週間分まとめて飲んだ",
    "ネットで薬を50錠買った。明日飲む",
    "薬を飲まないで取っておいてる",
    "風邪薬をまとめて飲もうかな",
    "駅のホームの縁に立ってる",
    "同僚が「屋上に行く」と言って戻らない",
    "橋の欄干を乗り越えた",
    "屋上から落ちようかな",
    "崖から飛びたい",
    "樹海に行って二度と戻らない",
    "ベランダから下を見てしまう",
    "手首から血が出てる",
    "自分を傷つけずにはいられない",
    "ライターの火を腕に押し当てた",
]
WORDED_EMOJI = ["もう疲れた🪢", "さよなら🔪", "限界🩸"]
MORE_ENGLISH = [
    "i don't want to be alive",
    "I wish I could just vanish",
    "so tired of living",
    "I swallowed a bunch of pills",
    "i'm standing on the bridge right now",
    "gonna jump off the roof",
]
MORE_SPELLINGS = [
    "死にたぁぁい",
    "ﾀﾋりたい",
    "しにたすぎ",
    "じさつしようかな",
    "またりすかしちゃった",
    "いきてるいみない",
    "おら、いねぐなりでぇ",
    "死ぬしかねぇべ",
    "生ぎでる意味ねぇ",
    "早ぐあの世さ行ぎでぇ",
]


@pytest.mark.parametrize(
    "text",
    MODALITY + EUPHEMISM + AMOUNTS_AND_PLACES + WORDED_EMOJI + MORE_ENGLISH + MORE_SPELLINGS,
)
def test_new_family_is_urgent(text: str) -> None:
    result = classify(text)
    assert result.urgent
    assert result.reasons[0].startswith(URGENT_PREFIX)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("夫が「俺なんかいない方がいい」とこぼしていた", "夫"),
        ("おばあちゃんが死にたいって言ってる", "おばあちゃん"),
        ("友達から「もう消える」って連絡が来た", "友達"),
        ("祖母が「早くお迎えが来てほしい」と言う", "祖母"),
    ],
)
def test_reported_speaker_named(text: str, person: str) -> None:
    reason = classify(text).reasons[0]
    assert f"{person}の危険として送信者が報告" in reason


FIGURATIVE_CONTEXTS = [
    "恥ずかしすぎて消えたい",
    "恥ずかしくて死にたくなった",
    "「消えたい」という歌詞の曲を聴いてる",
    "『死にたい』ってタイトルの小説",
    "飛び降りる夢を見て目が覚めた",
    "SNSから消えたい、通知がうるさい",
    "LINEグループから消えたい",
    "死にたいほどじゃないけど落ち込んでる",
    "死にたいと思ったことは一度もないです",
    "自殺なんて絶対しない",
    "学生時代に死にたいと思ってたけど、今は幸せです",
    "死ぬしかないと思ってた時期もあったけど、今は大丈夫",
]
EVERYDAY_EUPHEMISM_WORDS = [
    "保育園のお迎えに遅れそう",
    "天国みたいな露天風呂に行きたい",
    "あっちの公園に行きたい",
    "母のところに行きたいけど遠い",
    "冷たくなったお茶を温めたい",
    "事故に遭わないように気をつけて",
    "消しゴムで消したい",
    "長生きしてね",
    "元カノに未練はない",
    "生まれてくる赤ちゃんが楽しみ",
    "家族がいなければ生きていけない",
]
EVERYDAY_PLACES_AND_MEANS = [
    "処方された睡眠薬を毎晩1錠飲んでいる",
    "薬を一か月分もらって毎日飲んでいる",
    "屋上でビアガーデンに行く",
    "屋上に行くのが好き",
    "ホームで電車を待っている",
    "海外に行ってもう戻らないつもり",
    "ナイフでりんごを切った",
    "上司が仕事を自分に押し付けてくる",
    "遺書じゃなくて遺言書を書きたい",
    "仕事疲れた🪦",
    "包丁🔪で指を切った、痛い",
    "I'm at the bridge cafe",
    "I want to end it with him",
]
INSULTS_AND_OTHERS = [
    "あいつ死ねばいいのに",
    "上司消えればいいのに",
    "クラスの子に「消えろ」って言われた",
    "終わらせたい仕事が山ほどある",
    "消えなきゃいけないのは汚れ",
    "バカは死ななきゃ治らない",
    "もう疲れてもう死ぬ",
]


@pytest.mark.parametrize(
    "text",
    FIGURATIVE_CONTEXTS + EVERYDAY_EUPHEMISM_WORDS + EVERYDAY_PLACES_AND_MEANS
    + INSULTS_AND_OTHERS,
)  # fmt: skip
def test_new_hard_negative_not_urgent(text: str) -> None:
    result = classify(text)
    assert not result.urgent
    assert Topic.SUICIDE_SELF_HARM not in result.topics


@pytest.mark.parametrize(
    ("text", "explanation"),
    [
        ("恥ずかしすぎて消えたい", "恥ずかしさを誇張した言い回し"),
        ("「消えたい」という歌詞の曲を聴いてる", "歌詞や作品の言葉としての引用"),
        ("飛び降りる夢を見て目が覚めた", "夢の中の出来事の話"),
        ("SNSから消えたい", "「sns」から離れたいという意味"),
        ("保育園のお迎えに遅れそう", "送り迎えの「お迎え」"),
        ("終わらせたい仕事が山ほどある", "「仕事」を終わらせたい"),
    ],
)
def test_harmless_context_explained(text: str, explanation: str) -> None:
    notes = [r for r in classify(text).reasons if r.startswith("[緊急ではない]")]
    assert any(explanation in note for note in notes), notes


def test_nobody_cares_needs_the_sender() -> None:
    """死んでも誰も困らない is the sender's thought; 死んでもいやだ is emphasis."""
    assert classify("私が死んでも誰も困らない").urgent
    assert not classify("それは死んでもいやだ").urgent
