"""Words the risk rules look for, as Sudachi normalized forms.

Each set is built with `lemma_set`, which raises at import if a word is not one morpheme, so
a typo or a word that Sudachi splits cannot silently stop matching.
"""

from services.triage.morphology import lemma_of, lemma_set

DIE = lemma_of("死ぬ")
VANISH = lemma_of("消える")
BE = lemma_of("居る")
LIVE = lemma_of("生きる")
# 生き延びてる意味ってある?: read like 生きる.
LIVE_ALIASES = lemma_set("生き延びる")
# 息してるのがしんどい: breathing stands for living.
BREATH = lemma_of("息")
BE_BORN = lemma_of("生まれる")
WAKE_VERBS = lemma_set("覚める", "目覚める", "覚ます", "さめる")
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
ANNOUNCE_WORDS = lemma_set(
    "今夜", "今晩", "今日", "明日", "今週", "今", "これ", "もう", "本当", "その", "前", "いま",
    "本気", "絶対", "来週", "週末",
)  # fmt: skip
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
# 生まれてこなければ母もがっかりしなかった: what others would have been spared.
SPARED_WORDS = lemma_set("済む", "がっかり", "苦労", "迷惑", "悲しむ", "幸せ")
# Places online that people leave: SNSから消えたい means quitting the app.
ONLINE_PLACES = lemma_set(
    "SNS", "ネット", "Twitter", "インスタ", "LINE", "ライン", "グループ", "アカウント", "TikTok",
    "タイムライン", "チャット",
)  # fmt: skip

# 死ぬ followed by one of these nouns is a plan or a search for means: 死ぬ方法, 死ぬ勇気.
DEATH_PLAN_NOUNS = lemma_set(
    "方法", "勇気", "覚悟", "つもり", "準備", "場所", "予定", "手段", "決心", "決意", "薬", "道具",
    "日", "約束", "方向",
)  # fmt: skip
# 死んでお詫びしたい, 死んで償いたい: dying to atone.
ATONEMENT_WORDS = lemma_set("詫び", "詫びる", "償う", "償い", "責任")
# 死ぬ followed by こと and one of these verbs: 死ぬことばかり考える.
DEATH_THOUGHT_VERBS = lemma_set("考える", "思う", "調べる", "検索")
# Words right after 死ぬ that make it figurative: 死ぬほど笑った, 死ぬかと思った, 死ぬ気で.
DEATH_FIGURATIVE_NEXT = lemma_set("ほど", "くらい", "ぐらい", "程", "気", "位", "よう", "みたい")
# Nouns that mark a whole life as the thing to end: 人生を終わりにしたい.
LIFE_OBJECTS = lemma_set("人生", "命", "全部", "全て", "何", "自分", "この世", "生活")
LIFE_OBJECTS_EVERYTHING = lemma_of("全て")
# 物語をここで終わらせたい: a story stands for the sender's life unless a work is named.
STORY = lemma_of("物語")
# Stories and plots: ミステリー小説のトリック, a death staged in a drama.
STORY_WORDS = lemma_set("小説", "ミステリー", "ドラマ", "映画", "漫画", "トリック", "推理", "脚本")
MEDIA_WORDS = lemma_set(
    "小説", "漫画", "映画", "ドラマ", "アニメ", "ゲーム", "連載", "執筆", "作品", "脚本", "原稿",
    "本", "劇", "舞台",
)  # fmt: skip
# A life named anywhere in the sentence makes 終わる the sender's: 終われるの、この人生.
LIFE_NOUNS = lemma_set("人生", "命", "この世")
# Words just before 終わる that make the sender the one who ends: 眠ったまま終わりたい,
# 一緒に終われたら, 事故にでも遭って終われたら, 静かに凍えて終われたら.
OWN_ENDING_CUES = lemma_set(
    "まま", "一緒", "寝る", "眠る", "事故", "静か", "ひっそり", "私", "自分", "いっそ", "凍える",
    "そのまま", "落ちる", "消える", "朽ちる", "枯れる",
)  # fmt: skip
# A clause of only these before 終わる is a bare wish to end: もう終わりたい.
BARE_ENDING_WORDS = lemma_set("もう", "早い", "そろそろ", "本当")
# Words that limit an ending to a task, a day or a relation: 今日はもう終わりにしたい.
ENDING_SCOPES = lemma_set(
    "今日", "今回", "これ", "ここ", "話", "相談", "仕事", "会議", "授業", "練習", "試合", "作業",
    "休み", "テスト", "課題", "関係", "案件", "学校", "バイト", "残業", "夏休み", "宿題", "片付け",
    "卒論", "論文", "提出",
)  # fmt: skip
# 辞めるか死ぬか、どっちがマシ, 人生辞めるかの二択 (Sudachi splits 二択 into 二 and 択): words
# that weigh two ways out.
WEIGHING_WORDS = frozenset({"どっち", "どちら", "増し", "迷う", "悩む", "選ぶ", "決める", "択"})
# Despair before a plain 終わりにする makes it an announcement: もう無理。終わりにする.
DESPAIR_WORDS = lemma_set("無理", "限界", "疲れる", "辛い", "しんどい")
# Waking-up wishes count only for these subjects: 明日が来なければいい, 目が覚めなければ.
DAWN_SUBJECTS = lemma_set("明日", "朝", "目")
# このまま朝にならなきゃいいのに: the morning named with に before 成る.
MORNING = lemma_set("明日", "朝")
BECOME = lemma_of("成る")
WORLD_WORDS = lemma_set("この世", "世の中", "世界")
FOREVER_WORDS = lemma_set("永遠", "ずっと", "永久", "まま", "一生")
ETERNITY_WORDS = lemma_set("永遠", "永久")
SLEEP_VERBS = lemma_set("眠る", "寝る")
# 目を開けなくていい: opening the eyes is waking.
OPEN = lemma_of("開ける")
EYE = lemma_of("目")
# まだ生きてるのかってがっかりする, 目が覚めるたびに絶望する.
LET_DOWN_WORDS = lemma_set("がっかり", "絶望", "うんざり", "落胆")
# 今日も生きてしまった, また生きてしまった.
AGAIN_WORDS = lemma_set("今日", "また", "未だ")
# 明日なんていらない. In a sentence Sudachi gives いらない the form いる, but いる alone is
# read as 居る, so that form is written out.
NEED_VERBS = lemma_set("要る") | {"いる"}
WORTH_NOUNS = lemma_set("意味", "価値", "資格", "理由", "希望", "意義")
ZERO = lemma_of("ゼロ")
NEED = lemma_of("必要")
# 生きる理由が見当たらない, 生きてる意味がわからない: a reason that cannot be found.
FIND_VERBS = lemma_set("分かる", "見当たる", "見付かる")
# 生きるのが嫌, 生きることに疲れた.
REJECTION_WORDS = lemma_set("嫌", "疲れる", "しんどい", "面倒", "重い", "怠い")
CONTINUE = lemma_of("続ける")
# もう生きていけない about money is hardship, not a wish to die: 年金だけでは生きていけない.
MONEY_WORDS = lemma_set("金", "お金", "給料", "年金", "収入", "貯金", "生活費")
NO_GOOD = lemma_of("駄目")
# この世に未練はない: no attachment left to life.
ATTACHMENT = lemma_of("未練")
LIFE_WORDS = lemma_set("この世", "世の中", "人生", "生きる", "命")
# Pronouns for someone else; あいつ死ねばいい wishes death on that person.
OTHER_PRONOUNS = lemma_set(
    "あいつ", "こいつ", "そいつ", "奴", "やつ", "お前", "あんた", "てめえ", "貴方", "君"
)
POINTLESS = lemma_of("仕方無い")
STOP_VERBS = lemma_set("やめる", "止める")
REQUEST_WORDS = lemma_set("欲しい", "下さい", "くれる")
# Verbs that carry a quoted request: 連れて行ってと遺影に話しかける, 迎えに来てと頼む.
REQUEST_SAYING = lemma_set("言う", "話し掛ける", "頼む", "願う", "祈る", "お願い", "呟く")
# A news story, a lesson or fiction about suicide is not the sender's own risk.
NEWS_CONTEXT = lemma_set(
    "ニュース", "報道", "記事", "予防", "対策", "防止", "研修", "授業", "講演", "統計",
    "ドラマ", "映画", "小説", "漫画", "アニメ", "番組", "特集", "啓発", "週間", "問題",
    "講演会", "講座", "テレビ", "レポート", "論文", "防ぐ", "説明書", "勉強会", "手記",
    "バラエティ",
)  # fmt: skip
BEREAVEMENT_VERBS = lemma_set("亡くなる", "亡くす")
# Words of mourning: a suicide named anywhere in such a message is someone else's death
# (自死遺族の会, 自殺した友達の命日).
MOURNING_WORDS = lemma_set(
    "遺族", "命日", "周忌", "回忌", "葬儀", "葬式", "法事", "追悼", "供養", "遺影", "墓参り",
)  # fmt: skip
# 自死という言葉, 自殺って単語: the word itself is the topic.
WORD_NOUNS = lemma_set("言葉", "単語", "ワード", "意味", "漢字")
ATTEMPT = lemma_of("未遂")

# Means of suicide that carry the risk on their own, unless the sentence is a news context.
MEANS_NOUNS = lemma_set("首吊り", "オーバードーズ", "od", "遺書", "身辺", "樹海", "過量")
MEDICINE_NOUNS = lemma_set(
    "薬", "睡眠薬", "睡眠導入剤", "眠剤", "市販薬", "風邪薬", "頭痛薬", "抗うつ薬", "安定剤",
    "錠剤", "薬剤", "デパス", "頓服", "痛み止め", "鎮痛剤", "鎮痛薬", "睡眠剤", "ブロン", "咳止め",
    "オピオイド", "リチウム", "インスリン",
)  # fmt: skip
# Sedatives, whose overdose is the common one: 睡眠薬をまとめて飲んだ.
SEDATIVES = lemma_set(
    "睡眠薬", "睡眠導入剤", "眠剤", "睡眠剤", "デパス", "安定剤", "抗うつ薬", "頓服",
)  # fmt: skip
# 何錠くらい飲めば: a pill counter stands for the medicine when none is named.
PILL_COUNTERS = lemma_set("錠", "粒")
EMPTY_OUT = lemma_of("空ける")
ALCOHOL = lemma_set("酒", "ウイスキー", "ビール", "焼酎", "アルコール", "ワイン", "日本酒")
# Words of a daily routine, which make medicine taken together an ordinary dose.
ROUTINE_DOSES = lemma_set("毎日", "毎晩", "毎朝", "朝晩", "食後", "いつも")
HOARD_VERBS = lemma_set(
    "溜める", "ためる", "集める", "蓄える", "貯め込む", "溜め込む", "隠し持つ",
)  # fmt: skip
SWALLOW = lemma_of("飲む")
# Verbs of taking medicine: 酒で流し込んだ, インスリンを多めに打つ.
# 最初から存在しなければ, 元々存在: times that stand before 存在 without owning it.
TIME_BEFORE_EXISTING = lemma_set("最初", "元々", "初め", "そもそも", "始め")
# 全部飲んだ, 全て飲んだ: everything, with nothing named.
EVERYTHING = lemma_set("全部", "全て")
SWALLOW_VERBS = lemma_set("飲む", "流し込む", "飲み込む", "服用", "打つ")
# Keeping pills counts as hoarding only when they are also not taken: 飲まずに残してる,
# 飲まないで引き出しにしまってある, 飲まずに隠してた.
SAVE_VERBS = lemma_set("残す", "取る", "置く", "仕舞う", "隠す")
# Quantities that turn taking medicine into an overdose: 全部飲んだ, 一気に飲んだ.
OVERDOSE_AMOUNTS = lemma_set(
    "全部", "一気", "大量", "沢山", "一度", "箱", "全て", "ありったけ", "何十", "まとめる",
    "いっぱい",
    "一遍", "多め", "倍",
)  # fmt: skip
# Medicine is fetched 「まとめて」 at a pharmacy and a doctor may say 「多めに」; these words
# count only with another amount, an intent or an outcome (まとめて飲めば楽になれる).
WEAK_AMOUNTS = lemma_set("まとめる", "多め", "倍")
# 先生に言われた通り, 決まった量だけ: medicine taken as prescribed.
PRESCRIBED = lemma_set("決まる", "通り", "用量")
ROPE_NOUNS = lemma_set("ロープ", "縄")
ROPE_ACTIONS = lemma_set(
    "買う", "用意", "準備", "掛ける", "吊る", "結ぶ", "探す", "首", "注文", "隠す", "見付ける",
    "検索",
    "調べる", "積む", "輪",
)  # fmt: skip
# ちょうどいい長さのを一本選んでおいた: a rope chosen.
ROPE_ACTIONS = ROPE_ACTIONS | {"かける", "選ぶ"}
CARRYING = lemma_set("持つ", "持ち出す", "持ち歩く")
# ロープの結び方の画像: how to tie it, which counts unless it is taught or practised.
KNOT_HOWTO = lemma_of("結び方")
ROPE_LESSONS = lemma_set(
    "練習", "講習", "習う", "教わる", "教室", "講座", "研修", "クライミング", "登山", "山岳",
    "訓練",
)  # fmt: skip
CHARCOAL = lemma_of("練炭")
CHARCOAL_ACTIONS = lemma_set(
    "買う", "用意", "準備", "積む", "車", "目張り", "注文", "部屋", "調べる", "検索", "置く",
    "買い置き", "売る", "使う", "運び込む", "溜める", "集める",
)  # fmt: skip
# 七輪 is an everyday grill; it counts only with something that seals a room or a car.
GRILL = lemma_of("七輪")
SEALING_WORDS = lemma_set("ガムテープ", "目張り", "隙間", "塞ぐ")
# 窓もドアも全部閉めた: a room closed up, which seals it like tape when a grill is lit inside.
CLOSED_UP = lemma_set("窓", "ドア", "扉", "戸")
# Reasons to seal a car or a room or to run a hose that are everyday: 寒さ対策, 洗車, 虫.
SEALING_REASONS = lemma_set(
    "寒さ", "防寒", "断熱", "隙間風", "虫", "花粉", "洗車", "水やり", "庭", "掃除", "車中泊",
    "引っ越し", "梱包", "台風", "雨漏り", "結露",
)  # fmt: skip
HOSE = lemma_of("ホース")
EXHAUST_WORDS = lemma_set("マフラー", "排気", "排気ガス", "ガムテープ", "テープ", "目張り")
PILLOW_PLACES = lemma_set("枕", "枕元")
# 枕元に守り刀: the blade laid by the dead at a wake; 防犯 and 護身 keep one by the bed too.
PILLOW_BLADE_REASONS = lemma_set("守り刀", "故人", "遺体", "通夜", "防犯", "護身", "泥棒")
# A car or the mountains make charcoal that one has (練炭もある) a plan: 車で山奥まで来た.
REMOTE_WORDS = lemma_set("車", "山奥", "山", "森", "車内")
# ロープを輪にした, ベルトが輪っかにして掛けてあった: a noose.
NOOSE_CORDS = lemma_set("ロープ", "縄", "ベルト", "紐", "ネクタイ", "コード")
LOOPS = lemma_set("輪", "輪っか")
# Where a noose is tied: ドアノブでもできる, 梁に縄をかける.
HANGING_POINTS = lemma_set("ドアノブ", "梁", "鴨居")
TRIED = lemma_set("試す")
CHOKING = lemma_set("苦しい", "息")
# Figures of speech: ロープで首しめられるみたいな毎日.
SIMILE_LEMMAS = lemma_set("みたい", "様", "比喩")
# Guns and poisons turned on oneself: 自分に使う, 弾を込めて眺めてた, 除草剤を飲めば終わる.
GUNS = lemma_set("銃", "猟銃", "鉄砲", "ライフル", "拳銃", "散弾銃")
POISONS = lemma_set("農薬", "除草剤", "殺虫剤", "漂白剤")
# 来年の今頃はもういないと思う, 来年の自分がいる気がしない: a future the sender is not in.
FUTURE_TIMES = lemma_set("来年", "再来年", "来春", "将来", "今頃")
# 来年の今頃はもう日本にいない, 転勤で来年はいない: the sender moves away.
MOVING_WORDS = lemma_set(
    "転勤", "引っ越す", "引っ越し", "留学", "卒業", "異動", "帰国", "移住", "海外", "転校",
    "単身赴任", "地元", "実家", "退職", "定年", "出張", "赴任",
)  # fmt: skip
# 台所で包丁を見つめてる, ロープをじっと眺めてた: staring at a means.
GAZE_VERBS = lemma_set("見詰める", "眺める")
GAZED_MEANS = lemma_set(
    "包丁", "刃物", "カッター", "カミソリ", "剃刀", "ナイフ", "ロープ", "縄", "練炭",
)  # fmt: skip
# Words that make the gaze a cook's or a buyer's: 研いだばかりの包丁を眺めて満足.
ADMIRING_WORDS = lemma_set(
    "研ぐ", "切れ味", "新しい", "綺麗", "美しい", "満足", "うっとり", "格好", "料理", "手入れ",
    "にやにや", "嬉しい", "展示", "店", "ショーケース", "カタログ",
)  # fmt: skip
BULLET = lemma_of("弾")
LOAD = lemma_of("込める")
GIVE_UP_VERB = lemma_of("手放す")
# Poison swallowed by accident: 子どもが誤って飲んだ.
MISTAKE_WORDS = lemma_set("誤る", "間違える", "誤飲", "うっかり")
BOTTLE_ACTS = lemma_set("瓶", "枕元", "並べる")
# Everyday uses of rope and charcoal; in these sentences the means words are not a risk.
BENIGN_PURPOSES = lemma_set(
    "キャンプ", "登山", "荷造り", "引っ越し", "洗濯", "アウトドア", "ハンモック", "犬", "テント",
    "釣り", "ボート", "焼き肉", "焼肉", "バーベキュー", "bbq", "炭火", "暖房", "料理", "炬燵",
    "クライミング", "命綱", "こたつ",
    "雪囲い", "枝", "看板", "ワーク", "縄跳び", "剪定", "芋煮", "肉", "遊ぶ", "断捨離", "物干し",
    "荷台", "荷物", "火鉢", "囲炉裏", "ソロキャンプ", "ソロキャン", "鯉のぼり", "焼く", "秋刀魚",
    "さんま", "餅",
    # A tow rope for a car stuck in snow: スタックしたとき引っぱってもらえる.
    "スタック", "牽引", "けん引",
    # School camps whose packing lists name a rope: 林間学校, 臨海学校, 野外活動, 自然教室.
    "林間", "臨海", "野外", "自然教室",
    # Picnics where a rope and a tarp keep the place: 芋煮会の場所取り, 花見.
    "芋煮会", "花見",
)  # fmt: skip
NECK = lemma_of("首")
# 首を吊れる場所: the potential form names a place or a way.
HANG_VERBS = lemma_set("吊る", "つる", "括る", "絞める", "締める", "吊れる", "括れる")
# ネクタイを首にかけてみた: trying a cord around the neck.
# Sudachi leaves かける in kana as かける, so both spellings are listed.
NECK_TRY_VERBS = lemma_set("掛ける", "巻く") | {"かける"}
JUMP_DOWN = lemma_of("飛び降りる")
# 飛び降りの動画と高いビルの調べもの: the noun, looked up or witnessed.
# Alone 飛び降り reads as the verb, but before の it is the noun.
JUMP_NOUN = "飛び降り"
LOOKED_UP = lemma_set("動画", "調べる", "調べ物", "検索", "履歴", "サイト")
WITNESSED = lemma_set("現場", "目撃", "見掛ける")
JUMP_IN = lemma_of("飛び込む")
SUCKED_IN = lemma_of("吸い込む")
RAILWAY_WORDS = lemma_set(
    "電車", "線路", "ホーム", "踏切", "列車", "車道", "新幹線", "駅", "快速", "遮断機"
)
# Low places people jump from without risk: 階段から飛び降りて足をひねった.
LOW_PLACES = lemma_set(
    "階段", "段差", "ベッド", "椅子", "塀", "遊具", "ブランコ", "ジャングルジム", "台", "車",
    "バス", "自転車", "木", "ステージ", "舞台", "ソファ", "ソファー", "机", "テーブル", "滑り台",
    "ベンチ", "踏み台", "脚立",
)  # fmt: skip
# Being at one of these places now is a warning: 今ビルの屋上にいます, 線路の前から動けない.
HIGH_PLACES = lemma_set("屋上", "崖", "線路", "樹海", "欄干", "鉄橋", "ダム", "陸橋")
# 屋上のフェンスを越えた: climbing over what keeps people from falling.
BARRIERS = lemma_set("フェンス", "柵", "手すり", "欄干", "金網")
CLIMB_OVER = lemma_set("越える", "乗り越える", "跨ぐ")
LEAN_OUT = lemma_of("乗り出す")
# 2歳の子が手すりによじ登ろうとする: a small child at a railing is a safety worry.
SMALL_CHILD_WORDS = lemma_set("赤ちゃん", "幼児", "園児", "よじ登る", "歳児")
# Alone 歳 normalizes to 年, but after a number it keeps its own form.
AGE = "歳"
SMALL_CHILD_AGE = 6
# Being at one of these, standing, waiting or unable to move, is a warning: 線路の前から動けない.
PRESENCE_VERBS = lemma_set(
    "居る", "立つ", "来る", "待つ", "動く", "入る", "座る", "腰掛ける", "掛ける"
)
# Everyday places that are a warning only at their edge: ホームの端に立ってる.
EDGE_PLACES = lemma_set(
    "ホーム", "ビル", "ベランダ", "マンション", "屋根", "窓", "堤防", "岸壁", "防波堤"
)
EDGE_NOUNS = lemma_set("端", "縁", "淵", "際", "手すり", "先端", "ふち")
# 防波堤の先にいます: the far end of a pier is its edge.
PIERS = lemma_set("堤防", "岸壁", "防波堤")
TIP = lemma_of("先")

# Being at a dangerous place, written without a verb (risk_presence.py).
# Signs of height or water that make a place named alone a warning: 屋上なう。風つよい.
HEIGHT_SIGNS = lemma_set(
    "下", "柵", "フェンス", "低い", "高い", "飛ぶ", "落ちる", "風", "川", "水", "流れ", "怖い",
    "戻る",
    "越える",
)  # fmt: skip
SIGHTSEEING_WORDS = lemma_set("夜景", "景色", "デート", "花火", "写真", "撮影", "渋滞", "散歩")
# Taking photographs at a railway, a bridge or a rooftop: 線路の写真撮りに行ってきた, 撮り鉄.
PHOTO_WORDS = lemma_set("撮影", "撮る", "撮り鉄", "カメラ")
TRAIN_PHOTOGRAPHER = lemma_of("撮り鉄")
# Jobs done on a roof or at a railway: 屋上の雪下ろし当番, 線路の点検作業.
PLACE_TASKS = lemma_set(
    "雪下ろし", "当番", "点検", "作業", "除雪", "雪掻き", "工事", "修理", "防水", "設置",
)  # fmt: skip
# Meals taken there: 会社の屋上でお昼食べる. お昼 is 御 + 昼; 昼 alone is a time of day.
PLACE_MEALS = lemma_set("ランチ", "弁当", "昼御飯", "昼食")
LUNCH = lemma_of("昼")
# A vehicle that cannot move, and the words for why: 車が雪にはまった, エンストした.
VEHICLES_STUCK_BY = lemma_set("車", "自動車", "トラック", "軽トラ", "バイク", "タイヤ")
STUCK_VEHICLE_WORDS = lemma_set(
    "嵌まる", "スタック", "エンスト", "パンク", "立ち往生", "レッカー", "JAF", "脱輪", "故障",
)  # fmt: skip
# What someone goes to a bridge or a rooftop to enjoy: 橋の上から花火見るの好き, 星を見てきた.
VIEW_WORDS = lemma_set(
    "夜景", "景色", "花火", "散歩", "星", "鮭", "釣り", "日の出", "朝日", "夕日", "紅葉", "山登り",
    "登山", "展望台", "ダムカード", "観光", "見学",
)  # fmt: skip
# Verbs of looking down from a height: 下をのぞいてる, 下を見下ろしてた.
LOOK_VERBS = lemma_set("見る", "覗く", "見下ろす") | {"のぞく"}
# Signs that a high floor is a danger: 柵、思ったより低い, 飛べそう.
TOP_FLOOR_SIGNS = lemma_set(
    "柵", "フェンス", "手すり", "低い", "飛ぶ", "落ちる", "飛び降りる", "吸い込む", "覗く"
) | {"のぞく"}
# Places at a height where no one has a reason to linger: 非常階段のいちばん上, 外廊下.
BARE_HEIGHTS = lemma_set("非常階段")
# 思ったより低い, 思ったより怖くない: a height measured for a jump.
LOW = lemma_of("低い")
SCARY = lemma_of("怖い")
# A child's safety makes a low railing a worry: 柵が思ったより低くて子どもが心配.
CHILD_WORDS = lemma_set("子供", "息子", "娘", "赤ちゃん", "孫", "子", "幼児", "園児")
# 橋の上から川見てる: what is watched from a height.
DEPTHS = lemma_set("下", "川", "水", "海", "線路", "水面")
TRAIN_WORDS = lemma_set("電車", "快速", "列車", "急行", "特急")
# Large road vehicles that 〜に飛び込む names as a way to die: トラックに飛び込みたい. 車 and
# バス are left out, because 車に飛び込んで逃げた and バスに飛び込み乗車 get in.
HEAVY_VEHICLES = lemma_set("トラック", "ダンプ", "ダンプカー", "タンクローリー")
# 走ってくるトラックの前に出たくなった, 電車の前に立つ勇気がほしい: what one steps in front of.
ONCOMING_VEHICLES = HEAVY_VEHICLES | TRAIN_WORDS | lemma_set("車", "バス", "新幹線", "自動車")
IN_FRONT = lemma_of("前")
STEP_IN_FRONT = lemma_set("出る", "飛び出す", "立つ", "飛び込む")
COURAGE = lemma_of("勇気")
# 足が勝手に前に出そう, 一歩前に出たら, あと一歩が出なかった.
STEP_NOUNS = lemma_set("足", "一歩", "歩")
STEP_VERBS = lemma_set("出る", "動く", "踏み出す")
CROSSING = lemma_of("踏切")
# 踏切で立ち止まってしまう, 電車を待ってしまった, 遮断機をくぐりたい: urges at a crossing.
CROSSING_URGES = lemma_set("立ち止まる", "待つ", "潜る", "入る", "立つ")
# 遮断機が下りたまま故障してる: a crossing that keeps everyone waiting.
CROSSING_DELAYS = lemma_set("故障", "工事", "渋滞", "点検")
CROUCH_VERBS = lemma_set("しゃがむ", "しゃがみ込む", "座り込む", "座る")
OUTSIDE_NOUNS = lemma_set("外側", "外")
SIT_VERBS = lemma_set("座る", "腰掛ける")
# 靴はそろえて置きました: shoes lined up at the sea or a height.
SHOES = lemma_of("靴")
ARRANGE = lemma_of("揃える")
SHORE_PLACES = lemma_set("海岸", "港", "浜", "岸壁", "砂浜", "浜辺")
ROOFTOPS = lemma_set("屋上")
KNOW = lemma_of("知る")
REPORT_WORDS = lemma_set("報告", "連絡", "管理", "注意")
LOCK = lemma_of("鍵")
OPEN_UP = lemma_of("開く")
CONTINUE = lemma_of("続ける")
FLY = lemma_of("飛ぶ")
ENTER = lemma_of("入る")
WATERS = lemma_set("川", "海", "湖")
LEISURE_WATER = lemma_set("泳ぐ", "海水浴", "夏", "水着", "釣り", "サーフィン", "暑い", "プール")
TOGETHER_WORDS = lemma_set("二人", "一緒")
GO = lemma_of("行く")
# 崖から落ちよう, ビルから飛びたい.
FALL_VERBS = lemma_set("落ちる", "飛ぶ")
# 海に入ってもう戻らないつもり: not coming back, from a place where people die.
RETURN_VERBS = lemma_set("戻る", "帰る")
INTENT_NOUNS = lemma_set("つもり", "予定", "覚悟")
# Sudachi splits 二度と into 二/度/と, so it is matched by spelling.
NEVER_AGAIN = "二度と"
# 海外に行ってもう戻らないつもり: destinations of a move, where no return is a new life.
MOVE_DESTINATIONS = lemma_set("海外", "外国", "留学", "移住")
NO_RETURN_PLACES = lemma_set("海", "川", "湖", "樹海", "山", "山奥", "崖", "ダム", "屋上", "滝")
DOWN = lemma_of("下")
LOOK = lemma_of("見る")
BRIDGE = lemma_of("橋")

SELF_HARM_NOUNS = lemma_set("リスカ", "アムカ", "レグカ", "自傷")
# リスカ疑われてる, 『リスカしてる』って噂: someone else's suspicion, not an act.
SUSPICION_WORDS = lemma_set("疑う", "噂", "誤解", "勘違い")
# リスト, アーム or レッグ followed by カット: the spelled-out リスカ, アムカ and レグカ.
CUT_SITES_SLANG = lemma_set("リスト", "アーム", "レッグ")
BODY_PARTS = lemma_set(
    "腕", "手首", "太もも", "太腿", "もも", "肌", "体", "身体", "自分", "手の甲", "甲", "指先",
)  # fmt: skip
HEAD = lemma_of("頭")
HARM_VERBS = lemma_set(
    "切る", "刻む", "傷付ける", "刺す", "焼く", "引っ掻く", "掻き毟る", "殴る", "叩く", "噛む",
    "炙る",
    "抓る", "痛め付ける", "爪立てる",
)  # fmt: skip
# The hand and the fist are hurt by biting, burning or striking; 手を焼く (an idiom), 手を叩く
# (clapping) and 手を切る (kitchen cuts) are left out.
HANDS = lemma_set("手", "拳")
HAND_HARM_VERBS = lemma_set(
    "噛む", "炙る", "刺す", "引っ掻く", "掻き毟る", "打ち付ける", "ぶつける", "傷付ける", "抓る"
)
HEAD_HARM_VERBS = lemma_set("打ち付ける", "ぶつける", "殴る")
# 押し付ける and 当てる harm only with one of these in the sentence; without one,
# 仕事を自分に押し付ける is about work.
TOOL_HARM_VERBS = lemma_set("押し付ける", "当てる", "押し当てる", "向ける")
BURN_TOOLS = lemma_set(
    "火", "たばこ", "煙草", "ライター", "アイロン", "刃物", "カッター", "カミソリ", "ナイフ", "刃",
    "やかん", "熱湯", "包丁",
)  # fmt: skip
CUT = lemma_of("切る")
BLADES_AND_WOUNDS = lemma_set(
    "刃物", "カッター", "カミソリ", "剃刀", "ナイフ", "血", "傷", "跡", "絆創膏"
)
BLADES = lemma_set("刃物", "カッター", "カミソリ", "剃刀", "ナイフ")
CUTTING_SITES = lemma_set("腕", "手首", "太もも", "太腿", "左腕", "右腕")
# 腕に線みたいなかさぶた: a scab counts as the wound it covers.
WOUND_NOUNS = lemma_set("傷", "切り傷", "跡", "傷跡", "傷痕", "瘡蓋")
WRIST = lemma_of("手首")
BLOOD = lemma_of("血")
IMPULSE = lemma_of("衝動")
# Things people cut every day; 切る with these objects is not self-harm.
EVERYDAY_CUTS = lemma_set(
    "髪", "爪", "電話", "野菜", "縁", "スイッチ", "指", "紙", "肉", "魚", "料理", "包丁", "前髪",
    "美容院", "美容室", "床屋", "ハンドル", "段ボール", "切り絵", "工作",
)  # fmt: skip
# Injuries that have a cause other than self-harm: 猫に引っかかれた, アトピーのかき傷.
INJURY_CAUSES = lemma_set(
    "料理", "包丁", "うっかり", "間違える", "転ぶ", "事故", "手術", "怪我", "採血", "献血", "注射",
    "剪定", "アトピー", "湿疹", "捻挫", "骨折", "腱鞘炎", "作業", "裁縫", "血糖", "測定", "鼻血",
    "生理", "キャンプ", "バーベキュー", "火起こし", "戸棚", "気合い", "オーブン", "天板",
    "フライパン", "プラモ", "プラモデル", "模型", "大工", "DIY", "彫刻刀", "切れ味", "労災", "鉄板",
    "ビーカー", "枝", "フライヤー", "揚げ物", "痛める", "テーピング", "滑る", "段ボール",
    # Shaving: ムダ毛処理してたらカミソリで切った, ひげ剃りで顎を切った.
    "ムダ毛", "無駄毛", "処理", "髭剃り", "ひげ剃り", "剃る", "シェーバー",
)  # fmt: skip
# Treatments that put a needle in the arm: 透析の穿刺, インスリン, 点滴.
NEEDLE_TREATMENTS = lemma_set("透析", "穿刺", "インシュリン", "点滴", "採血", "注射")
# Signs that a wound on the arm is fresh, many or hidden: 腕の傷がまた増えた, 新しい傷,
# 長袖で隠してる, 細い傷がいくつも.
WOUND_SIGNS = lemma_set(
    "新しい", "増える", "又", "隠す", "長袖", "幾つ", "何本", "沢山", "毎日", "深い", "縫う", "線",
    "バーコード", "細い",
)  # fmt: skip
# Cutting reported with no object, as a habit or a relapse: また切った, 久しぶりに切った,
# 今日も3本, 2年ぶり.
RELAPSE_WORDS = lemma_set(
    "又", "久し振り", "振り", "今日", "昨日", "昨夜", "毎日", "毎晩", "何時も", "今夜", "今晩"
) | {"いつも"}
# Relief from pain, the reason people give for hurting themselves: 切ると落ち着く,
# 痛いとほっとする, 熱いお湯に手をつけたら気がまぎれた.
COPING_WORDS = lemma_set("落ち着く", "安心", "ほっと", "紛れる", "すっきり", "楽")
PAIN = lemma_of("痛い")
ANIMALS = lemma_set("猫", "犬")
OLD = lemma_of("古い")
# 古い傷跡, 昔の傷あと: a wound long healed.
PAST_MARKS = lemma_set("古い", "昔")
LINE = lemma_of("線")
BARCODE = lemma_of("バーコード")
PULL_OUT = lemma_of("抜く")
BANDAGE = lemma_of("包帯")
PUNISHMENT = lemma_set("罰", "罰する")
# 根性焼き: a burn pressed into one's own skin with a cigarette.
GUTS = lemma_of("根性")
CARRY_VERBS = lemma_set("持ち歩く", "隠し持つ")
# 剃刀の刃をペンケースに入れてる。我慢できなくなったときのため: a blade kept within reach.
KEEP_VERBS = lemma_set("入れる", "仕舞う", "隠す", "持つ", "置く", "忍ばせる")
ENDURE = lemma_of("我慢")
# カッター握ってる。まだ切ってない: a blade in the hand, with cutting named.
GRIP_VERBS = lemma_set("握る", "持つ")
NOT_YET = lemma_of("まだ")
# Hiding the wrist or the arm: 長袖で隠す, 手首見られたら終わる, 腕を見せてと言っても拒まれる.
HIDING_WORDS = lemma_set("隠す", "長袖", "リストバンド", "拒む", "バレる")
# Marks on the skin with another cause, which people hide too.
OTHER_MARKS = lemma_set("タトゥー", "刺青", "入れ墨", "日焼け", "痣", "あざ", "湿疹", "アトピー")
SLEEVE = lemma_set("袖口", "袖")
TRASH = lemma_set("ゴミ箱", "ごみ箱", "屑籠")
HAIR = lemma_set("髪の毛", "髪")
# 頭の横がハゲてきた: the patch that pulling leaves.
BALD = lemma_set("禿げる", "ハゲ", "禿")
# Work that needs a blade: カッターを持ち歩く現場.
BLADE_WORK = lemma_set("仕事", "現場", "作業", "梱包", "工作", "職場", "料理")
WALL = lemma_of("壁")
WALL_HARM_VERBS = lemma_set("殴る", "打ち付ける", "叩く", "ぶつける")
# Signs that striking a wall hurt the sender: 手ボロボロ, 血が出るまで, 指が曲がってる.
WALL_INJURY_WORDS = lemma_set("血", "痛い", "骨", "指", "手", "拳", "ぼろぼろ", "腫れる", "態と")
EAT_VERBS = lemma_set("食べる", "食う")
# 食べる資格なんかない, わざと食べないでいる: starving oneself.
ON_PURPOSE = lemma_of("わざと")
MEAL_NOUNS = lemma_set("ご飯", "食事", "朝ご飯", "昼ご飯", "晩ご飯")
# Not eating for a reason: ダイエット中, 健康診断の前.
FASTING_REASONS = lemma_set("ダイエット", "減量", "健康診断", "検査", "断食", "手術")

# People whose risk a sender may report; the reason then names them.
OTHER_PEOPLE = lemma_set(
    "友達", "友人", "親友", "彼氏", "彼女", "彼", "恋人", "夫", "妻", "旦那", "母", "父", "母親",
    "父親", "息子", "娘", "子供", "兄", "姉", "弟", "妹", "同僚", "先輩", "後輩", "上司", "部下",
    "知人", "生徒", "同級生", "祖母", "祖父", "義母", "義父", "お母さん", "お父さん", "子", "嫁",
    "主人", "クラスメート", "相手", "婆", "爺", "ママ", "パパ", "旦那", "奥さん", "先生",
    "利用者", "患者", "部員", "孫", "甥", "姪", "いとこ", "叔母", "叔父", "知り合い",
    "姑", "舅", "両親", "親父", "お袋", "店長", "社長", "大家", "部長", "課長", "係長", "校長",
    "担任", "監督",
)  # fmt: skip
# Names shown in reasons for a person at risk whose normalized form reads oddly: ばあちゃん is
# 婆 + ちゃん to Sudachi.
SUBJECT_NAMES = {"婆": "おばあちゃん", "爺": "おじいちゃん"}
REPORT_VERBS = lemma_set(
    "言う", "仄めかす", "送る", "来る", "連絡", "書く", "口", "返す", "投稿", "呟く", "漏らす",
    "泣く", "言い張る",
)  # fmt: skip
# Channels a threat arrives by: 「もう死ぬ」ってLINEが来た.
MESSAGE_NOUNS = lemma_set(
    "LINE", "ライン", "メッセージ", "メール", "電話", "連絡", "dm", "ポスト", "投稿", "書き込み",
    "ストーリー",
)  # fmt: skip
QUOTE_MARKERS = frozenset({"って", "と", "」", "』"})
WISH_VERBS = lemma_set("祈る", "願う")
# Verbs of saying something aloud: 息子が「死んだほうがいい」って泣く reports the son's wish.
SPEECH_VERBS = lemma_set("言う", "泣く", "呟く", "漏らす", "書く", "叫ぶ", "零す")
# Verbs of words thrown at someone: 投げつけてきた言葉が「死ねばいいのに」.
HURL_VERBS = lemma_set("投げ付ける", "浴びせる", "罵る", "吐き捨てる")

# Markers of a risk placed in the past and contrasted with a calm present:
# 前は死にたかったけど今は平気.
PAST_MARKERS = lemma_set(
    "昔", "前", "以前", "かつて", "当時", "頃", "時代", "過去", "一時期", "去年", "昨年",
    "おととし", "最初", "当初",
)  # fmt: skip
# A scar or an experience named after the act places it in the past: リスカの痕, OD経験者.
PAST_EVIDENCE = lemma_set("痕", "跡", "傷跡", "傷痕", "経験", "経験者")
NOW = lemma_of("今")
RECOVERY_WORDS = lemma_set(
    "落ち着く", "大丈夫", "平気", "楽しい", "元気", "幸せ", "無い", "思う", "安定", "良い",
    "働く", "通う", "通る", "頑張る", "過ごす", "暮らす", "母", "ママ", "合う", "御陰", "抜ける",
    "普通", "全然", "減る", "穏やか", "前向き", "順調", "仲間", "結婚", "楽", "楽しみ",
    "生きがい", "余裕", "回復", "有り難い", "楽しむ",
)  # fmt: skip
# Verbs that state a recovery on their own: よく乗り越えた, もう克服した.
OVERCOME_VERBS = lemma_set("乗り越える", "克服", "立ち直る", "卒業")
RENEWAL_MARKERS = lemma_set("また", "再び", "戻る")
# 最近 renews a risk only in the sentence that names it: 最近また死にたくなる.
RECENT_WORDS = lemma_set("最近")

# Euphemisms of dying (risk_euphemism.py). The other world, named plainly or vaguely:
# あの世に行きたい, 三途の川を渡りたい; あっち and 向こう need an eager word or a death nearby.
AFTERLIFE_PLACES = lemma_set("あの世", "天国", "黄泉", "冥土", "極楽", "三途", "向こう側")
WEAK_AFTERLIFE_PLACES = lemma_set("あっち", "向こう", "そっち", "そちら")
# 主人のところへ行きたい and 夫と同じところへ行きたい count only when the message tells of a
# death.
KIN_PLACES = lemma_set("所", "下", "側") | {"とこ"}
# 仏様のところへ行きたい: a place of the Buddha or a god needs no death in the message.
DEITIES = lemma_set("仏", "神")
SAME = lemma_of("同じ")
PLACE_PARTICLES = frozenset({"に", "へ", "の", "を", "まで"})
GO_VERBS = lemma_set("行く", "逝く", "旅立つ", "帰る")
CROSS_VERBS = lemma_set("渡る")
EAGER_WORDS = lemma_set("早い", "もう", "そろそろ", "いっそ", "早く")
BEREAVEMENT_WORDS = lemma_set(
    "先立つ", "亡くなる", "亡くす", "他界", "死別", "逝く", "遺影", "仏壇", "見送る", "自死",
    "自殺",
)  # fmt: skip
FETCH = lemma_of("お迎え")
# 早く寿命が来てくれないかしら: one's span of life, waited for like お迎え.
LIFESPAN = lemma_of("寿命")
# Words of the world beyond, which make 連れていって and 迎えに来て mean dying:
# 神様、もう連れていってください, 早く迎えに来てくれと仏壇に頼む.
BEYOND_WORDS = lemma_set("神", "仏", "仏壇", "先祖", "寿命", "お迎え", "あの世", "天国", "三途")
TAKE_ALONG = lemma_of("連れる")
WELCOME = lemma_of("迎える")
# 次の朝を迎えたくない: not wanting to see another morning.
MORNING_WORDS = lemma_set("朝", "明日", "新年", "誕生日")
# 父の後を追いたい: to follow a dead person.
CHASE = lemma_of("追う")
AFTER = lemma_of("後")
# 相続 tells of a death as surely as 亡くなる does: 相続の話し合いで…父の後を追った方が.
DEATH_WORDS = BEREAVEMENT_WORDS | lemma_set("死ぬ", "相続", "葬式", "葬儀", "命日", "遺族")
# 息が止まってくれたら, 心臓が勝手に止まってくれれば: the body stopping, wished for.
STOP = lemma_of("止まる")
VITAL_NOUNS = lemma_set("息", "心臓", "呼吸", "脈", "鼓動")
WAIT = lemma_of("待つ")
# お迎え is also picking a child up or meeting someone at a station.
PICKUP_CONTEXT = lemma_set(
    "保育園", "幼稚園", "学校", "学童", "塾", "駅", "車", "子供", "息子", "娘", "孫", "空港",
    "バス", "送迎",
)  # fmt: skip
COLD = lemma_of("冷たい")
MEET = lemma_of("遭う")
# 事故にでもあえば: in kana Sudachi keeps あう as its own normalized form.
MEET_KANA = "あう"
RUN_OVER = lemma_of("轢く")
VEHICLES = lemma_set("車", "トラック", "電車", "バス", "自動車", "バイク")
ERASE = lemma_of("消す")
SELF_OBJECTS = lemma_set("自分", "存在", "私", "俺", "僕")
VAPORIZE_NOUNS = lemma_set("蒸発", "消滅")

# Wishes to stop existing (risk_vanishing.py).
CEASE_VERBS = lemma_set("なくなる", "無くなる")
# Erasing someone from a system, said of oneself: 存在ごと削除したい, 私をブロックしてほしい.
ERASE_NOUNS = lemma_set(
    "削除", "抹消", "消去", "BAN", "シャットダウン", "ブロック", "引き算", "アンインストール"
)
# この世から垢消し: an account erased from this world is the sender.
ACCOUNT_NOUNS = lemma_set("垢", "アカウント")
# 本体: the person behind an account, in net slang (垢だけじゃなくて本体も消す).
REAL_SELF = lemma_of("本体")
# 消す予定, 消すつもり: nouns after a verb that make it a plan.
PLAN_NOUNS = lemma_set("予定", "つもり", "積もり")
WORLD_SOURCES = lemma_set("この世", "世界", "地球", "世の中")
# Leaving life: 人生から降りたい, この世から抜けたい, この世からおいとましたい, 人生ログアウト.
LIFE_SOURCES = lemma_set("人生", "この世", "世の中")
LEAVE_VERBS = lemma_set("抜ける", "降りる")
# この世の居心地が悪い。チェックアウトしたい: checking out of this world like a hotel.
# 人生アンインストールしたい: life removed like an app.
LEAVE_NOUNS = lemma_set("ログアウト", "暇", "退場", "チェックアウト", "アンインストール")
# お星さまになりたい, 土に還りたい.
STAR = lemma_of("星")
# 👼になりたい (canonical 天使になりたい): an angel, as the dead are drawn.
ANGEL = lemma_of("天使")
NOTHING_NOUNS = lemma_set("星", "土", "天使")
# 早くお墓に入りたい, もう🪦行きたい: the grave as where the sender wants to be.
GRAVES = lemma_set("墓", "墓場")
BECOME_VERBS = lemma_set("成る", "還る")
EXISTENCE = lemma_of("存在")

# Plans written without a word of dying (risk_plans.py).
INSURANCE_NOUNS = lemma_set("保険", "保険金", "生命保険")
LIFE_INSURANCE = lemma_of("生命保険")
# What insurance money would do: 返す, 払う, 家族が助かる, 全部片付く, 保険が下りる, 保険金が入る.
PAYOFF_VERBS = lemma_set(
    "返す", "払う", "助かる", "片付く", "下りる", "おりる", "入る", "残す", "消える"
)
DEBT_WORDS = lemma_set("借金", "ローン", "学費", "返済", "借り", "支払い")
# 来年の手帳を買わなかった。いらないので: a future given up. A phone, an app or a calendar
# replaces a paper planner, まだ only means not yet, and a sold-out shop is no choice.
PLANNER = lemma_of("手帳")
WILL = lemma_of("遺言")
THINK = lemma_of("考える")
NEXT_YEAR = lemma_of("来年")
PLANNER_EXCUSES = lemma_set(
    "スマホ", "アプリ", "カレンダー", "デジタル", "携帯", "まだ", "パソコン", "売り切れ", "品切れ",
    "在庫", "値段",
)  # fmt: skip
# 私に保険金が出れば家族は助かる: the family as the ones the payout would help.
FAMILY_BENEFICIARIES = lemma_set("家族", "妻", "夫", "子供", "子ども", "娘", "息子", "家内", "主人")
# 入院したら私に保険金が出るので助かる: a payout for the sender's own care.
CARE_PAYOUT_WORDS = lemma_set(
    "入院", "手術", "治療", "通院", "病気", "怪我", "事故", "修理", "火事", "災害", "医療",
    "入院費", "治療費", "医療費",
)  # fmt: skip
ACCIDENT = lemma_of("事故")
INTENT = lemma_of("つもり")
# 今夜決行します, 今夜、実行します.
CARRY_OUT_NOUNS = lemma_set("決行", "実行")
NIGHT_WORDS = lemma_set("今夜", "今晩", "今日", "明日", "明晩", "週末", "今週")
# A named event or plan makes 決行 and a chosen date everyday: 運動会は明日決行.
EVENT_NOUNS = lemma_set(
    "運動会", "遠足", "試合", "大会", "祭り", "花火", "イベント", "計画", "作戦", "旅行", "ライブ",
    "練習", "式", "会議", "発表", "引っ越し", "結婚式", "面接", "手術", "予約", "パーティー",
    "告白",
    "プロポーズ",
)  # fmt: skip
DECIDE = lemma_of("決める")
DATE_NOUNS = lemma_set(
    "前の日", "誕生日", "日", "月曜", "火曜", "水曜", "木曜", "金曜", "土曜", "日曜", "命日",
    "月末",
    "年末",
)  # fmt: skip
PREPARATION_NOUNS = lemma_set("準備", "用意", "支度")
FINISH_VERBS = lemma_set("出来る", "終わる", "整う", "済む")
# 最後に誰かと話したかった, 子どもは実家に預けた: a farewell or an arrangement nearby.
LAST_OR_ENTRUSTED = lemma_set("最後", "預ける")
DO_IT = lemma_of("やる")

# Deaths wished from an accident, the cold or an illness (risk_accidents.py).
CRASH = lemma_of("突っ込む")
CRASH_VERBS = lemma_set("突っ込む", "ぶつかる", "突き破る")
# ハンドルを切るだけ: the wheel turned toward a pole, a curve with no rail or a cliff.
STEERING_WHEEL = lemma_of("ハンドル")
STEER_TARGETS = lemma_set("カーブ", "崖", "電柱", "ガードレール", "川", "海")
AVOID_VERBS = lemma_set("避ける", "よける", "かわす")
# バイト飛んだ: 飛ぶ as slang for quitting a job without notice.
WORK_WORDS = lemma_set("バイト", "仕事", "会社", "シフト", "職場")
BRAKE = lemma_of("ブレーキ")
STEP_ON = lemma_of("踏む")
# ガレージのシャッター閉めて、エンジンかけたまま: a running engine in a shut garage.
ENGINE = lemma_of("エンジン")
GARAGES = lemma_set("ガレージ", "車庫", "シャッター")
SHUT_VERBS = lemma_set("閉める", "目張り")
ENGINE_WORK = lemma_set("暖機", "修理", "点検", "整備", "洗車")
# 田んぼの真ん中で横になろうか: lying down, read by risk_accidents.lie_down_rule.
SIDE = lemma_of("横")
CRASH_TARGETS = lemma_set(
    "対向", "車線", "対向車", "電柱", "壁", "ガードレール", "大型", "川", "トラック", "海",
)  # fmt: skip
# What a condition leads to when it is an ending: 突っ込めば楽, 一瞬, 終わる, 眠るように死ねる.
ENDING_WORDS = lemma_set("楽", "終わる", "一瞬", "死ぬ", "良い", "逝く")
BURIED = lemma_of("埋もれる")
SNOW = lemma_of("雪")
EXPOSURE_VERBS = lemma_set("埋もれる", "凍える", "朽ちる", "弱る", "枯れる")
DEGREE_WORDS = lemma_set("ほど", "くらい", "ぐらい", "程")
COLD_PLACES = lemma_set("雪", "吹雪", "寒さ", "雪山")
# 過労死したい, 事故死できたら楽: a way of dying wished for. 孤独死 is left out, because
# 孤独死するしかない is mostly a fear of old age alone.
DEATH_NOUNS = lemma_set("餓死", "凍死", "過労死", "事故死", "突然死")
ILLNESS_NOUNS = lemma_set("病気", "癌", "病", "難病", "持病")
# 病気が進んでくれれば, このまま悪くなってくれた方がいい, 重い病気が見つかったらいいな.
WORSENING_VERBS = lemma_set("進む", "見付かる", "悪化", "成る")
DONE_AWAY = lemma_of("片付く")
# The sender named by a word of self-contempt: こんな老いぼれは早く片付くのが一番.
SELF_DEPRECATIONS = lemma_set("老いぼれ", "年寄り", "荷物", "邪魔者")
THOUGHT_WORDS = lemma_set("考える", "思う")
AS_IS = lemma_of("まま")
AS_IS_THAT = lemma_of("そのまま")
TOGETHER = lemma_of("一緒")
FOUND = lemma_of("見付かる")
# 腕が血だらけ, 血まみれ; 血がとまらない; 血のついたティッシュ.
SOAKED_SUFFIXES = lemma_set("だらけ", "塗れ")
STOP = lemma_of("止まる")
TISSUE = lemma_of("ティッシュ")
BLADE_EDGE = lemma_of("替え刃")
HOLD = lemma_of("持つ")
# 歩道橋の上, 6階, 最上階: heights named without 屋上 or 崖.
TOP_FLOORS = lemma_set("歩道橋", "最上階", "階", "非常階段")
# Jumps done for sport or leisure anywhere in the message: スカイダイビング, バンジー.
LEISURE_JUMPS = lemma_set("スカイダイビング", "バンジー", "パラシュート", "ジェットコースター")
RETURN = lemma_of("戻る")
# Risk words that end the search for a statement that an act stopped (risk.py).
CORE_RISK_WORDS = DIE_ALIASES | VANISH_ALIASES | SUICIDE_NOUNS | SELF_HARM_NOUNS | {DIE, VANISH}
# Study and broadcasts anywhere in a message make a bare 自殺 a topic: 大学のレポートを書いています.
STUDY_WORDS = lemma_set(
    "レポート", "論文", "テレビ", "講演会", "講座", "卒論", "研究", "研修", "ロールプレイ", "勉強会"
)
# Planning for the end of a long life, which names 遺書 and 身辺整理 without a plan to die.
END_OF_LIFE_PLANNING = lemma_set("エンディング", "断捨離", "終活", "遺言")
# Places where plainly ending (次の快速が来たら終わりにする) or a fall means dying.
DANGER_PLACES = HIGH_PLACES | RAILWAY_WORDS | TRAIN_WORDS | ROOFTOPS | TOP_FLOORS | {BRIDGE}
# Treatments whose stopping may be a way to die (risk_treatment.py). Without the first group
# a patient dies within days or weeks.
LIFE_SUSTAINING = lemma_set("透析", "インスリン", "胃瘻", "人工呼吸器")
TREATMENTS = LIFE_SUSTAINING | MEDICINE_NOUNS | lemma_set("治療", "抗がん剤", "点滴", "服薬")
# A life felt as too long (risk_lifespan.py): もう十分生きた, いつまで生かされるのか,
# 短命の家系だったらよかった, 先に逝ったじいちゃんがうらやましい, 早く呼んでください.
# Alone 十分 splits into 十 and 分 (ten minutes), but in もう十分生きた it is one adverb.
ENOUGH = "十分"
KEEP_ALIVE = lemma_of("生かす")
SHORT_LIFE = lemma_of("短命")
ENVIOUS = lemma_of("羨ましい")
CALL = lemma_of("呼ぶ")
FUNERAL = lemma_of("葬式")
FUNERAL_COSTS = lemma_set("費用", "互助会", "保険", "プラン", "見積もり")
DYING_VERBS = lemma_set("死ぬ", "逝く", "亡くなる", "他界")
# ぽっくり逝きたい: a quick death when the time comes, which old people wish aloud and laugh at.
SUDDEN_DEATH = lemma_set("ぽっくり")
LIGHT_HEARTED = lemma_set("笑う", "長生き", "楽しい")
# Ending one's life told as a figure (risk_metaphors.py): 人生リセット, フェードアウト,
# 幕を下ろす, 始末をつける, 旅立ちの日, 安楽死の代わりに自分で.
RESET = lemma_of("リセット")
FADE_OUT = lemma_of("フェードアウト")
CURTAIN = lemma_of("幕")
SETTLE_NOUNS = lemma_set("始末", "区切り", "けじめ")
DEPARTURE = lemma_of("旅立ち")
EUTHANASIA = lemma_of("安楽死")
# Subjects whose 死ぬ is no one's own risk: a game character, a pet, a broken phone.
NOT_PEOPLE = lemma_set(
    "キャラ", "キャラクター", "主人公", "ペット", "猫", "犬", "金魚", "スマホ", "携帯",
    "パソコン", "電池", "バッテリー", "花",
)  # fmt: skip
# Means named before 〜で死ぬ, which make it no figure of speech: 薬で死ぬ.
MEANS_WORDS = MEDICINE_NOUNS | ROPE_NOUNS | POISONS | GUNS | BLADES | {CHARCOAL}
