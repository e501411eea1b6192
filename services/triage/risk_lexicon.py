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
# 自殺なんて絶対しない: adverbs that may stand between a noun and する.
EMPHASIS_ADVERBS = lemma_set("絶対", "決して", "本当", "もう")
# Verbs judged like 死ぬ and 消える: くたばりたい, 消え去りたい.
DIE_ALIASES = lemma_set("くたばる")
# 今夜死ぬ, これから死ぬ, もう死ぬわ: words that may stand before plain 死ぬ in an announcement.
# これ is the これ of これから; particles are skipped.
ANNOUNCE_WORDS = lemma_set("今夜", "今晩", "今日", "明日", "今週", "今", "これ", "もう", "本当")
VANISH_ALIASES = lemma_set("消え去る", "消え失せる")
LONG_LIFE = lemma_of("長生き")
# 念慮 after 死 or 自殺 names suicidal thoughts: 希死念慮, 自殺念慮.
IDEATION_NOUN = lemma_of("念慮")
IDEATION_NOUN_HEADS = lemma_set("死", "自殺")
# Apologies for existing: 生きててごめん, 生まれてきて申し訳ない. すみません is す + む + ...
# in Sudachi, so its verb すむ is listed as is.
GUILT_WORDS = lemma_set("申し訳", "御免", "迷惑") | {"すむ"}
# 生まれてきたこと自体が間違い.
MISTAKE_NOUNS = lemma_set("間違い", "失敗", "罪")
# Places online that people leave: SNSから消えたい means quitting the app.
ONLINE_PLACES = lemma_set(
    "SNS", "ネット", "Twitter", "インスタ", "LINE", "ライン", "グループ", "アカウント", "TikTok",
    "タイムライン", "チャット",
)  # fmt: skip

# 死ぬ followed by one of these nouns is a plan or a search for means: 死ぬ方法, 死ぬ勇気.
DEATH_PLAN_NOUNS = lemma_set(
    "方法", "勇気", "覚悟", "つもり", "準備", "場所", "予定", "手段", "決心", "決意", "薬", "道具",
    "日",
)  # fmt: skip
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
WORTH_NOUNS = lemma_set("意味", "価値", "資格", "理由", "希望")
NO_GOOD = lemma_of("駄目")
# この世に未練はない: no attachment left to life.
ATTACHMENT = lemma_of("未練")
LIFE_WORDS = lemma_set("この世", "世の中", "人生", "生きる", "命")
# Pronouns for someone else; あいつ死ねばいい wishes death on that person.
OTHER_PRONOUNS = lemma_set("あいつ", "こいつ", "そいつ", "奴", "やつ")
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
# Keeping pills counts as hoarding only when they are also not taken: 飲まずに残してる.
SAVE_VERBS = lemma_set("残す", "取る", "置く")
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
    "まとめる",
    "いっぱい",
)
# Medicine is fetched 「まとめて」 at a pharmacy; that word counts only with another amount.
WEAK_AMOUNTS = lemma_set("まとめる")
ROPE_NOUNS = lemma_set("ロープ", "縄")
ROPE_ACTIONS = lemma_set(
    "買う",
    "用意",
    "準備",
    "掛ける",
    "吊る",
    "結ぶ",
    "探す",
    "首",
    "注文",
    "隠す",
    "見付ける",
)
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
# 屋上のフェンスを越えた: climbing over what keeps people from falling.
BARRIERS = lemma_set("フェンス", "柵", "手すり", "欄干", "金網")
CLIMB_OVER = lemma_set("越える", "乗り越える", "跨ぐ")
# Being at one of these, standing, waiting or unable to move, is a warning: 線路の前から動けない.
PRESENCE_VERBS = lemma_set("居る", "立つ", "来る", "待つ", "動く", "入る")
# Everyday places that are a warning only at their edge: ホームの端に立ってる.
EDGE_PLACES = lemma_set("ホーム", "ビル", "ベランダ", "マンション", "屋根", "窓", "堤防", "岸壁")
EDGE_NOUNS = lemma_set("端", "縁", "淵", "際", "手すり", "先端", "ふち")
GO = lemma_of("行く")
# 崖から落ちよう, ビルから飛びたい.
FALL_VERBS = lemma_set("落ちる", "飛ぶ")
# 海に入ってもう戻らないつもり: not coming back, from a place where people die.
RETURN_VERBS = lemma_set("戻る", "帰る")
INTENT_NOUNS = lemma_set("つもり", "予定", "覚悟")
# Sudachi splits 二度と into 二/度/と, so it is matched by spelling.
NEVER_AGAIN = "二度と"
NO_RETURN_PLACES = lemma_set("海", "川", "湖", "樹海", "山", "崖", "ダム", "屋上", "滝")
DOWN = lemma_of("下")
LOOK = lemma_of("見る")
BRIDGE = lemma_of("橋")

SELF_HARM_NOUNS = lemma_set("リスカ", "アムカ", "レグカ", "自傷")
# リスト, アーム or レッグ followed by カット: the spelled-out リスカ, アムカ and レグカ.
CUT_SITES_SLANG = lemma_set("リスト", "アーム", "レッグ")
BODY_PARTS = lemma_set("腕", "手首", "太もも", "太腿", "もも", "肌", "体", "身体", "自分")
HEAD = lemma_of("頭")
HARM_VERBS = lemma_set(
    "切る", "刻む", "傷付ける", "刺す", "焼く", "引っ掻く", "掻き毟る", "殴る", "叩く"
)
HEAD_HARM_VERBS = lemma_set("打ち付ける", "ぶつける", "殴る")
# 押し付ける and 当てる harm only with one of these in the sentence; without one,
# 仕事を自分に押し付ける is about work.
TOOL_HARM_VERBS = lemma_set("押し付ける", "当てる", "押し当てる")
BURN_TOOLS = lemma_set(
    "火", "たばこ", "煙草", "ライター", "アイロン", "刃物", "カッター", "カミソリ", "ナイフ", "刃",
)  # fmt: skip
CUT = lemma_of("切る")
BLADES_AND_WOUNDS = lemma_set("刃物", "カッター", "カミソリ", "剃刀", "ナイフ", "血", "傷", "跡")
BLADES = lemma_set("刃物", "カッター", "カミソリ", "剃刀", "ナイフ")
CUTTING_SITES = lemma_set("腕", "手首", "太もも", "太腿")
WOUND_NOUNS = lemma_set("傷", "切り傷", "跡", "傷跡", "傷痕")
WRIST = lemma_of("手首")
BLOOD = lemma_of("血")
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
    "主人", "クラスメート", "相手", "婆", "爺", "ママ", "パパ", "旦那", "奥さん", "先生",
    "利用者", "患者", "部員", "孫", "甥", "姪", "いとこ", "叔母", "叔父", "知り合い",
)  # fmt: skip
# Names shown in reasons for a person at risk whose normalized form reads oddly: ばあちゃん is
# 婆 + ちゃん to Sudachi.
SUBJECT_NAMES = {"婆": "おばあちゃん", "爺": "おじいちゃん"}
REPORT_VERBS = lemma_set("言う", "仄めかす", "送る", "来る", "連絡", "書く", "口")
# Channels a threat arrives by: 「もう死ぬ」ってLINEが来た.
MESSAGE_NOUNS = lemma_set("LINE", "ライン", "メッセージ", "メール", "電話", "連絡", "dm")
QUOTE_MARKERS = frozenset({"って", "と", "」", "』"})
WISH_VERBS = lemma_set("祈る", "願う")

# Markers of a risk placed in the past and contrasted with a calm present:
# 前は死にたかったけど今は平気.
PAST_MARKERS = lemma_set(
    "昔", "前", "以前", "かつて", "当時", "頃", "時代", "過去", "一時期", "去年", "昨年"
)  # fmt: skip
NOW = lemma_of("今")
RECOVERY_WORDS = lemma_set(
    "落ち着く", "大丈夫", "平気", "楽しい", "元気", "幸せ", "無い", "思う", "安定", "良い",
    "働く", "通う", "頑張る", "過ごす", "暮らす", "母", "ママ",
)  # fmt: skip
RENEWAL_MARKERS = lemma_set("また", "再び", "最近", "戻る")

# Euphemisms of dying (risk_euphemism.py). The other world, named plainly or vaguely:
# あの世に行きたい, 三途の川を渡りたい; あっち and 向こう need an eager word or a death nearby.
AFTERLIFE_PLACES = lemma_set("あの世", "天国", "黄泉", "冥土", "極楽", "三途", "向こう側")
WEAK_AFTERLIFE_PLACES = lemma_set("あっち", "向こう")
# 主人のところへ行きたい counts only when the message tells of a death.
KIN_PLACES = lemma_set("所", "下", "側")
PLACE_PARTICLES = frozenset({"に", "へ", "の", "を", "まで"})
GO_VERBS = lemma_set("行く", "逝く", "旅立つ", "帰る")
CROSS_VERBS = lemma_set("渡る")
EAGER_WORDS = lemma_set("早い", "もう", "そろそろ", "いっそ", "早く")
BEREAVEMENT_WORDS = lemma_set(
    "先立つ", "亡くなる", "亡くす", "他界", "死別", "逝く", "遺影", "仏壇"
)
FETCH = lemma_of("お迎え")
WAIT = lemma_of("待つ")
# お迎え is also picking a child up or meeting someone at a station.
PICKUP_CONTEXT = lemma_set(
    "保育園", "幼稚園", "学校", "学童", "塾", "駅", "車", "子供", "息子", "娘", "孫", "空港",
    "バス", "送迎",
)  # fmt: skip
COLD = lemma_of("冷たい")
MEET = lemma_of("遭う")
RUN_OVER = lemma_of("轢く")
VEHICLES = lemma_set("車", "トラック", "電車", "バス", "自動車", "バイク")
ERASE = lemma_of("消す")
SELF_OBJECTS = lemma_set("自分", "存在", "私", "俺", "僕")
VAPORIZE = lemma_of("蒸発")
