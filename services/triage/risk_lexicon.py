"""Words the risk rules look for, as Sudachi normalized forms.

Each set is built with `lemma_set`, which raises at import if a word is not one morpheme, so
a typo or a word that Sudachi splits cannot silently stop matching.
"""

from services.triage.morphology import lemma_of, lemma_set

DIE = lemma_of("死ぬ")
VANISH = lemma_of("消える")
BE = lemma_of("居る")
LIVE = lemma_of("生きる")
BE_BORN = lemma_of("生まれる")
WAKE_VERBS = lemma_set("覚める", "目覚める", "覚ます")
PASS_AWAY = lemma_of("逝く")
GET_UP = lemma_of("起きる")
COME = lemma_of("来る")
SLEEP = lemma_of("眠る")
KILL = lemma_of("殺す")
CUT_OFF = lemma_of("断つ")
LEAVE = lemma_of("去る")
LIFE = lemma_of("命")
THIS_WORLD = lemma_of("この世")
END_NOUN = lemma_of("終わり")
END_VERB = lemma_of("終わる")
SUICIDE_NOUNS = lemma_set("自殺", "自死")
DO = lemma_of("する")

# 死ぬ followed by one of these nouns is a plan or a search for means: 死ぬ方法, 死ぬ勇気.
DEATH_PLAN_NOUNS = lemma_set("方法", "勇気", "覚悟", "つもり", "準備", "場所", "予定", "手段")
# 死ぬ followed by こと and one of these verbs: 死ぬことばかり考える.
DEATH_THOUGHT_VERBS = lemma_set("考える", "思う", "調べる", "検索")
# Words right after 死ぬ that make it figurative: 死ぬほど笑った, 死ぬかと思った, 死ぬ気で.
DEATH_FIGURATIVE_NEXT = lemma_set("ほど", "くらい", "ぐらい", "程", "気", "位", "よう", "みたい")
# Nouns that mark a whole life as the thing to end: 人生を終わりにしたい.
LIFE_OBJECTS = lemma_set("人生", "命", "全部", "全て", "何", "自分", "この世", "生活")
# Waking-up wishes count only for these subjects: 明日が来なければいい, 目が覚めなければ.
DAWN_SUBJECTS = lemma_set("明日", "朝", "目")
WORLD_WORDS = lemma_set("この世", "世の中", "世界")
FOREVER_WORDS = lemma_set("永遠", "ずっと", "永久", "まま", "一生")
WORTH_NOUNS = lemma_set("意味", "価値")
POINTLESS = lemma_of("仕方無い")
STOP_VERBS = lemma_set("やめる", "止める")
REQUEST_WORDS = lemma_set("欲しい", "下さい", "くれる")
# A news story, a lesson or fiction about suicide is not the sender's own risk.
NEWS_CONTEXT = lemma_set(
    "ニュース", "報道", "記事", "予防", "対策", "防止", "研修", "授業", "講演", "統計",
    "ドラマ", "映画", "小説", "漫画", "アニメ", "番組", "特集", "啓発", "週間", "問題",
)  # fmt: skip
BEREAVEMENT_VERBS = lemma_set("亡くなる")

# Means of suicide that carry the risk on their own, unless the sentence is a news context.
MEANS_NOUNS = lemma_set("首吊り", "オーバードーズ", "od", "遺書", "身辺", "樹海", "過量")
MEDICINE_NOUNS = lemma_set(
    "薬", "睡眠薬", "睡眠導入剤", "眠剤", "市販薬", "風邪薬", "頭痛薬", "抗うつ薬", "安定剤",
    "錠剤", "薬剤",
)  # fmt: skip
HOARD_VERBS = lemma_set("溜める", "ためる", "集める", "蓄える", "貯め込む", "溜め込む")
SWALLOW = lemma_of("飲む")
# Quantities that turn taking medicine into an overdose: 全部飲んだ, 一気に飲んだ.
OVERDOSE_AMOUNTS = lemma_set(
    "全部",
    "一気",
    "大量",
    "沢山",
    "一度",
    "箱",
    "全て",
    "ありったけ",
    "何十",
    "錠",
    "まとめる",
    "いっぱい",
)
# Medicine is fetched 「まとめて」 at a pharmacy; that word counts only with another amount.
WEAK_AMOUNTS = lemma_set("まとめる")
ROPE_NOUNS = lemma_set("ロープ", "縄")
ROPE_ACTIONS = lemma_set("買う", "用意", "準備", "掛ける", "吊る", "結ぶ", "探す", "首", "注文")
CHARCOAL = lemma_of("練炭")
CHARCOAL_ACTIONS = lemma_set("買う", "用意", "準備", "積む", "車", "目張り", "注文", "部屋")
# Everyday uses of rope and charcoal; in these sentences the means words are not a risk.
BENIGN_PURPOSES = lemma_set(
    "キャンプ", "登山", "荷造り", "引っ越し", "洗濯", "アウトドア", "ハンモック", "犬", "テント",
    "釣り", "ボート", "焼き肉", "焼肉", "バーベキュー", "bbq", "炭火", "暖房", "料理", "炬燵",
)  # fmt: skip
NECK = lemma_of("首")
HANG_VERBS = lemma_set("吊る", "つる", "括る")
JUMP_DOWN = lemma_of("飛び降りる")
JUMP_IN = lemma_of("飛び込む")
SUCKED_IN = lemma_of("吸い込む")
RAILWAY_WORDS = lemma_set("電車", "線路", "ホーム", "踏切", "列車", "車道", "新幹線", "駅")
# Low places people jump from without risk: 階段から飛び降りて足をひねった.
LOW_PLACES = lemma_set(
    "階段", "段差", "ベッド", "椅子", "塀", "遊具", "ブランコ", "ジャングルジム", "台", "車",
    "バス", "自転車", "木", "ステージ", "舞台",
)  # fmt: skip
# Being at one of these places now is a warning: 今ビルの屋上にいます, 線路の前から動けない.
HIGH_PLACES = lemma_set("屋上", "崖", "線路", "樹海", "欄干", "鉄橋")
# Being at one of these, standing, waiting or unable to move, is a warning: 線路の前から動けない.
PRESENCE_VERBS = lemma_set("居る", "立つ", "来る", "待つ", "動く")
DOWN = lemma_of("下")
LOOK = lemma_of("見る")
BRIDGE = lemma_of("橋")

SELF_HARM_NOUNS = lemma_set("リスカ", "アムカ", "レグカ", "自傷")
BODY_PARTS = lemma_set("腕", "手首", "太もも", "太腿", "もも", "肌", "体", "身体", "自分")
HEAD = lemma_of("頭")
HARM_VERBS = lemma_set("切る", "刻む", "傷付ける", "刺す", "焼く", "引っ掻く", "掻き毟る", "殴る")
HEAD_HARM_VERBS = lemma_set("打ち付ける", "ぶつける", "殴る")
CUT = lemma_of("切る")
BLADES_AND_WOUNDS = lemma_set("刃物", "カッター", "カミソリ", "剃刀", "ナイフ", "血", "傷", "跡")
BLADES = lemma_set("刃物", "カッター", "カミソリ", "剃刀", "ナイフ")
CUTTING_SITES = lemma_set("腕", "手首", "太もも", "太腿")
WOUND_NOUNS = lemma_set("傷", "切り傷", "跡", "傷跡", "傷痕")
WRIST = lemma_of("手首")
IMPULSE = lemma_of("衝動")
# Things people cut every day; 切る with these objects is not self-harm.
EVERYDAY_CUTS = lemma_set(
    "髪", "爪", "電話", "野菜", "縁", "スイッチ", "指", "紙", "肉", "魚", "料理", "包丁", "前髪"
)  # fmt: skip

# People whose risk a sender may report; the reason then names them.
OTHER_PEOPLE = lemma_set(
    "友達", "友人", "親友", "彼氏", "彼女", "彼", "恋人", "夫", "妻", "旦那", "母", "父", "母親",
    "父親", "息子", "娘", "子供", "兄", "姉", "弟", "妹", "同僚", "先輩", "後輩", "上司", "部下",
    "知人", "生徒", "同級生", "祖母", "祖父", "義母", "義父", "お母さん", "お父さん", "子", "嫁",
    "主人", "クラスメート", "相手",
)  # fmt: skip
REPORT_VERBS = lemma_set("言う", "仄めかす", "送る", "来る", "連絡", "書く", "口")
# Channels a threat arrives by: 「もう死ぬ」ってLINEが来た.
MESSAGE_NOUNS = lemma_set("LINE", "ライン", "メッセージ", "メール", "電話", "連絡", "dm")
QUOTE_MARKERS = frozenset({"って", "と", "」", "』"})
WISH_VERBS = lemma_set("祈る", "願う")

# Markers of a risk placed in the past and contrasted with a calm present:
# 前は死にたかったけど今は平気.
PAST_MARKERS = lemma_set("昔", "前", "以前", "かつて", "当時", "頃")
NOW = lemma_of("今")
RECOVERY_WORDS = lemma_set(
    "落ち着く", "大丈夫", "平気", "楽しい", "元気", "幸せ", "無い", "思う", "安定", "良い"
)  # fmt: skip
RENEWAL_MARKERS = lemma_set("また", "再び", "最近", "戻る")
