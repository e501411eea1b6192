"""Words and phrases that point to each of the city's consultation categories.

A category applies when the weights of its matched groups add up to 1.0; a group counts once
however many of its phrases match. Weak groups (0.5) need a second kind of evidence:
学校 alone is not an education worry, but 学校 and 先生 together are.
"""

from dataclasses import dataclass

from shared.schemas import Topic

FULL = 1.0
HALF = 0.5


@dataclass(frozen=True)
class CueGroup:
    """Phrases with one meaning for one category, and the gloss shown to counselors."""

    topic: Topic
    gloss: str
    phrases: tuple[str, ...]
    weight: float = FULL
    # Counts only when a negation follows in the sentence: お金がない, 頼れる人がいない.
    needs_lack: bool = False
    # Kin words count only for the sender's own family, not 友達のお父さん.
    own_only: bool = False
    # Dropped when one of these categories applies, unless a friction group of the same
    # category also matched: 「父の介護」 is about care, 「兄弟が介護を手伝わない」 also family.
    yields_to: tuple[Topic, ...] = ()
    # Friction words keep the yielding groups of their category.
    friction: bool = False

    def __hash__(self) -> int:
        # topics.py keys dictionaries and sets by groups for every message. The hash that
        # dataclass generates rehashes the tuple of every phrase on each call, so the same
        # value is computed once per group.
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(
                (
                    self.topic,
                    self.gloss,
                    self.phrases,
                    self.weight,
                    self.needs_lack,
                    self.own_only,
                    self.yields_to,
                    self.friction,
                )
            )
            object.__setattr__(self, "_hash", cached)
        return cached


def group(
    topic: Topic,
    gloss: str,
    *phrases: str,
    weight: float = FULL,
    needs_lack: bool = False,
    own_only: bool = False,
    yields_to: tuple[Topic, ...] = (),
    friction: bool = False,
) -> CueGroup:
    return CueGroup(topic, gloss, phrases, weight, needs_lack, own_only, yields_to, friction)


FAMILY_OVERLAPS = (Topic.CAREGIVING, Topic.CHILDCARE, Topic.DIVORCE, Topic.SUICIDE_SELF_HARM)

TOPIC_GROUPS: tuple[CueGroup, ...] = (
    group(
        Topic.FAMILY, "家族を指す語",
        "家族", "親", "両親", "父", "母", "父親", "母親", "お父さん", "お母さん", "父さん",
        "母さん", "親父", "お袋", "おかん", "かあちゃん", "とうちゃん", "兄", "姉", "弟", "妹",
        "兄弟", "姉妹", "兄貴", "姉貴", "夫", "妻", "旦那", "主人", "嫁", "奥さん", "配偶者",
        "義母", "義父", "姑", "舅", "祖母", "祖父", "祖父母", "孫", "親戚", "親族", "実家",
        "家庭", "夫婦", "息子夫婦", "娘夫婦", "義理の親", "夫の実家", "妻の実家", "親の離婚",
        "おばあちゃん", "おじいちゃん", "ばあちゃん", "じいちゃん", "パパ", "ママ", "親子",
        "義姉", "義兄", "義妹", "義弟", "叔母", "叔父", "伯母", "伯父", "いとこ", "継母",
        "継父", "長男", "長女", "次男", "次女", "兄ちゃん", "姉ちゃん", "おとん", "兄嫁",
        "小姑", "義実家", "義理の姉", "義理の兄",
        own_only=True, yields_to=FAMILY_OVERLAPS,
    ),
    group(
        Topic.FAMILY, "家族との関係の摩擦",
        "毒親", "過干渉", "モラハラ", "家庭内暴力", "虐待", "言い争い", "仲が悪い",
        "手伝ってくれない", "任せる", "押し付ける", "意見が合わない", "反対", "口出し",
        "否定", "迷惑", "喧嘩", "けんか", "もめる", "縁を切る", "縁が切れる", "親の離婚", "暴力",
        "口うるさい", "干渉", "怒鳴る", "殴る", "叩く", "比べる", "認めてくれない",
        "わかってくれない", "理解してくれない", "仲直り", "疎遠", "絶縁", "勘当", "家出", "dv",
        "ネグレクト", "会話がない", "連絡を取っていない", "頼りにならない", "協力してくれない",
        "無関心", "責める", "嫌味", "いびる",
        weight=HALF, friction=True,
    ),
    group(
        Topic.FAMILY, "家族との死別",
        "先立つ", "他界", "死別", "一周忌", "葬式", "法事", "遺品", "四十九日", "仏壇", "を亡くす",
        "亡くなって", "亡くなってから",
        weight=HALF, friction=True,
    ),
    group(
        Topic.WORK, "仕事・職場の語",
        "仕事", "職場", "会社", "上司", "同僚", "部下", "就職", "転職", "就活", "失業",
        "休職", "復職", "出勤", "通勤", "勤務", "在宅勤務", "残業", "夜勤", "日勤", "シフト",
        "バイト", "アルバイト", "パート先", "派遣", "派遣切り", "契約社員", "正社員", "給料",
        "給与", "賃金", "雇用", "障害者雇用", "解雇", "首になる", "首を切られる", "リストラ",
        "パワハラ", "セクハラ", "営業", "ノルマ", "業務", "出社", "ハローワーク", "求人",
        "労働", "店長", "社長", "勤め先", "退職代行", "部署", "配属", "職", "再就職", "農業",
        "働く", "営業成績", "パート", "職員", "社員", "会社員", "新人", "ブラック企業", "無職",
        "内定", "求職", "就労", "職探し", "首にする", "手取り", "昇進", "異動", "転勤",
        "単身赴任", "出張", "テレワーク", "リモートワーク", "工場", "接客", "介護職", "介護離職",
        "失業手当", "就職活動", "働けない", "職を失う", "雇い止め", "休みが取れない", "有給",
        "休日出勤", "連勤", "農作業", "畑仕事", "農家", "出稼ぎ",
    ),
    group(
        Topic.WORK, "退職・面接などの語",
        "退職", "定年", "面接", "収穫", "会議", "先輩", "後輩", "クレーム", "研修", "現場",
        "忙しい", "看護師", "資料", "プレゼン",
        weight=HALF,
    ),
    group(
        Topic.WORK, "業務の締め切りや取引",
        "資料作り", "締め切り", "納期", "取引先", "得意先", "商談", "プレゼン資料", "残業代",
    ),
    group(
        Topic.ILLNESS, "病気・障害・受診の語",
        "病気", "病院", "通院", "入院", "手術", "診断", "障害", "発達障害", "うつ", "うつ病",
        "鬱", "適応障害", "パニック障害", "統合失調症", "双極性障害", "adhd", "自閉症",
        "依存症", "不眠", "眠れない", "睡眠導入剤", "処方", "心療内科", "精神科", "医者",
        "持病", "腰痛", "頭痛", "めまい", "動悸", "体調", "がん", "癌", "治療", "リウマチ",
        "車椅子", "聞こえにくい", "過食", "拒食", "摂食障害", "幻聴", "症状", "風邪",
        "整形外科", "内科", "怪我", "捻挫", "骨折", "足をひねる", "熱が出る", "診察",
        "障害年金", "障害者手帳", "障害のある", "障害者雇用", "風邪薬", "うつ状態", "抑うつ",
        "不安障害", "強迫性障害", "ptsd", "知的障害", "身体障害", "精神障害", "難病", "糖尿病",
        "高血圧", "脳梗塞", "透析", "リハビリ", "後遺症", "副作用", "過呼吸", "吐き気",
        "自律神経", "更年期", "耳鳴り", "けが", "ケガ", "産後うつ", "診断書", "服薬",
        "パニック発作", "耳が遠い", "目が見えにくい", "認知機能", "血圧", "血糖値",
    ),
    group(Topic.ILLNESS, "薬局・処方の語", "薬局", "処方箋", "調剤", "飲み忘れ", weight=HALF),
    group(
        Topic.ILLNESS, "体や気分の不調",
        "薬", "痛い", "気分が落ち込む", "体力", "メンタル", "カウンセリング", "トラウマ", "発作",
        "歩けない", "足が悪い", "パニック", "心臓",
        weight=HALF,
    ),
    group(
        Topic.LONELINESS, "孤独・孤立の語",
        "孤独", "孤立", "ひとりぼっち", "一人ぼっち", "寂しい", "居場所", "話し相手",
        "ひきこもる", "ひきこもり", "引きこもる", "つながりたい", "浮いている", "浮いてる",
        "声を出さず",
        "誰とも話さない", "誰とも話さなくなる", "誰からも連絡がない", "社会とのつながり",
        "ぼっち", "独りぼっち", "一人きり", "ひとりきり", "取り残される", "疎外感", "孤独死",
        "人恋しい", "誰とも会わない", "誰とも会っていない", "誰もいない", "誰とも話さず",
        "ずっと一人", "一人になる", "独りになる", "独り",
    ),
    group(
        Topic.LONELINESS, "頼れる人がいない",
        "相談できる人", "頼れる人", "話せる人", "知り合い", "話す機会", "人と会う", "話す人",
        "相談相手", "頼る人", "味方",
        needs_lack=True,
    ),
    group(Topic.LONELINESS, "一人でいること", "一人暮らし", "ひとり", "一人", weight=HALF),
    group(Topic.LONELINESS, "家の静けさ", "静か", "しんと", weight=HALF),
    group(
        Topic.PURPOSE, "生きがいや生きる意味にかかわる語",
        "生きがい", "生き甲斐", "趣味", "やりがい", "張り合い", "楽しみ", "夢中", "生きる目的",
        "何のために", "退屈", "つまらない", "楽しくない", "推し", "ボランティア",
        "やることを見つける", "何も残っていない", "地域の集まり", "習い始める",
        "子育てが終わる", "生きる意味", "無気力", "空っぽ", "打ち込める", "熱中", "没頭",
        "生きづらい",
        "第二の人生", "生きてる実感", "家庭菜園", "子供が独立", "子供が巣立つ", "死ぬまでに",
        "定年後", "退職後", "新しいことに挑戦", "虚しい", "むなしい",
        "同じことの繰り返し",
    ),
    group(
        Topic.PURPOSE, "余暇・趣味の活動",
        "キャンプ", "バーベキュー", "焼き肉", "焼肉", "旅行", "釣り", "登山", "ギター", "ピアノ",
        "絵を描く", "読書", "手芸", "園芸", "カラオケ", "料理教室", "習い事", "終活",
        "エンディングノート", "ダンス", "英会話", "温泉", "ドライブ", "散歩", "ジム", "将棋",
        "囲碁", "俳句", "書道", "茶道", "バンジージャンプ", "コンサート", "推し活",
    ),
    group(
        Topic.PURPOSE, "好きなこと・娯楽の語",
        "映画", "音楽", "ゲーム", "スポーツ", "写真", "料理", "アニメ", "漫画", "ペット",
        "好きなこと", "やる気が出ない", "できること",
        weight=HALF,
    ),
    group(Topic.PURPOSE, "集まり・サークル", "サークル", "参加", weight=HALF),
    group(
        Topic.PURPOSE, "気力のなさ",
        "気力", "行く気がしない", "何をしたいのか", "楽しい", "毎日が長い", "夢",
        weight=HALF,
    ),
    group(
        Topic.PURPOSE, "目標がない",
        "目標", "やりたいこと", "楽しみ", "やること", "すること", "打ち込むもの",
        needs_lack=True,
    ),
    group(
        Topic.CHILDCARE, "子ども・育児の語",
        "子供", "息子", "娘", "赤ちゃん", "子育て", "育児", "ワンオペ", "夜泣き", "イヤイヤ期",
        "反抗期", "保育園", "幼稚園", "不登校", "育児ノイローゼ", "ママ友", "進学", "進路",
        "受験", "留年", "成績", "宿題", "塾", "担任", "勉強", "学校に行きたくない",
        "学校に行く", "教室に入れない", "学費", "小学生の子", "中学生の子", "高校生の子",
        "うちの子", "育て方", "しつけ", "学童", "専門学校", "授業参観", "乳児", "新生児",
        "一時預かり", "放課後",
        "出産", "産後", "産後うつ", "妊娠", "妊娠中", "授乳", "離乳食", "入学", "偏差値",
        "学力", "登校", "登校しぶり", "保健室", "pta", "保護者", "家庭教師", "受験生", "浪人",
        "退学", "休学",
        yields_to=(Topic.DIVORCE,),
    ),
    group(Topic.CHILDCARE, "児童・生徒の語", "小学生", "中学生", "高校生", "部活", weight=HALF),
    group(
        Topic.CHILDCARE, "学校の語",
        "学校", "小学校", "中学校", "大学", "中学", "高校", "大学生", "テスト", "模試",
        weight=HALF,
    ),
    group(Topic.CHILDCARE, "授業・先生の語", "授業", "先生", "教室", "クラス", weight=HALF),
    group(
        Topic.CHILDCARE, "課題・試験の語",
        "レポート", "課題", "試験", "単位", "卒論", "ゼミ", "期末", "中間テスト", "留学",
        weight=HALF,
    ),
    group(
        Topic.PUBLIC_SERVICES, "行政の窓口・制度の語",
        "市役所", "役所", "区役所", "役場", "申請", "制度", "支援制度", "給付",
        "補助", "助成", "手当", "生活保護", "福祉課", "ケースワーカー", "マイナンバーカード",
        "マイナンバー", "住民票", "保険証", "国民健康保険", "国民健康保険料", "介護保険",
        "要介護認定", "就学援助", "障害者手帳", "障害年金", "相談窓口", "たらい回し",
        "ひとり親の支援", "行政", "保育料", "住民税", "市民税", "国保", "減免", "免除",
        "支援センター", "地域包括支援センター", "社会福祉協議会", "社協", "保健所",
        "保健センター", "公営住宅", "市営住宅", "県営住宅", "転入届", "戸籍", "印鑑証明",
        "証明書", "給付金", "補助金", "助成金", "受給", "受給者証", "障害福祉サービス",
        "就労支援", "民生委員", "失業手当",
    ),
    group(
        Topic.PUBLIC_SERVICES, "窓口・年金などの語",
        "年金", "福祉", "支援", "税金", "市", "保険料",
        weight=HALF,
    ),
    group(
        Topic.PUBLIC_SERVICES, "手続き・サービスの語", "手続き", "サービス", "申し込む", weight=HALF
    ),
    group(Topic.PUBLIC_SERVICES, "窓口の語", "窓口", "担当者", weight=HALF),
    group(
        Topic.FRIENDS, "友人・仲間の語",
        "友達", "友だち", "ともだち", "友人", "親友", "クラスメート", "同級生",
        "クラスの子", "クラスの男子", "クラスの女子", "ママ友", "幼なじみ", "絶交", "友",
        "クラス全員", "クラスのみんな",
    ),
    group(
        Topic.FRIENDS, "いじめ・仲間外れの語",
        "いじめ", "いじめる", "仲間はずれ", "仲間外れ", "ハブられる",
        yields_to=(Topic.CHILDCARE, Topic.WORK),
    ),
    group(
        Topic.FRIENDS, "仲間内の人間関係", "無視", "人間関係", "グループ", "裏切る", "気まずい",
        "既読スルー",
        weight=HALF, yields_to=(Topic.CHILDCARE, Topic.WORK),
    ),
    group(
        Topic.FRIENDS, "悪口・陰口", "悪口", "陰口", "噂",
        weight=HALF, yields_to=(Topic.CHILDCARE, Topic.WORK),
    ),
    group(
        Topic.FRIENDS, "部活やサークルの先輩・後輩", "先輩", "後輩", "部員",
        weight=HALF, yields_to=(Topic.WORK,),
    ),
    group(Topic.FRIENDS, "集まり・サークル", "サークル", "部活", weight=HALF),
    group(
        Topic.ROMANCE, "恋愛の語",
        "恋人", "彼氏", "彼女", "元彼", "元カノ", "片思い", "片想い", "失恋", "振られる",
        "告白", "恋愛", "好きな人", "付き合っている人", "付き合ってる人", "結婚を前提",
        "婚活", "マッチングアプリ", "デート", "彼との関係", "好きな子", "恋", "交際相手",
        "プロポーズ", "結婚したい", "婚約", "婚約破棄", "元恋人", "デートdv", "遠恋", "彼ピ",
        "カレシ", "カノジョ", "元カレ",
        "遠距離恋愛", "束縛", "既婚者", "交際", "不倫", "浮気",
    ),
    group(Topic.ROMANCE, "恋愛相手を指す語", "彼", "パートナー", weight=HALF),
    group(Topic.ROMANCE, "交際の語", "別れる", "付き合う", weight=HALF),
    group(
        Topic.CAREGIVING, "介護の語",
        "介護", "介護施設", "認知症", "寝たきり", "デイサービス", "ヘルパー", "ケアマネ",
        "おむつ交換", "老老介護", "ヤングケアラー", "要介護", "徘徊", "ショートステイ",
        "特養", "老人ホーム", "施設に入れる", "施設に入る", "要介護認定", "介護保険", "介助",
        "訪問介護", "訪問看護", "看取り", "介護疲れ", "施設入所", "グループホーム", "要支援",
        "床ずれ", "ケアマネジャー", "介護離職", "地域包括支援センター",
    ),
    group(
        Topic.CAREGIVING, "世話・看病の語", "世話", "看病", "施設", "見守り", "物忘れ", weight=HALF
    ),
    group(
        Topic.CAREGIVING, "家族の世話",
        "親の世話", "母の世話", "父の世話", "祖母の世話", "祖父の世話", "夫の世話", "妻の世話",
        "弟の世話", "兄の世話", "妹の世話", "姉の世話", "義母の世話", "義父の世話",
    ),
    group(
        Topic.FINANCIAL_HARDSHIP, "生活費・借金の語",
        "家賃", "滞納", "督促", "督促状", "借金", "返済", "生活費", "生活が苦しい",
        "ぎりぎり", "所持金", "フードバンク", "困窮", "消費者金融", "借り入れ", "金欠",
        "生活保護", "円しかない", "底をつく", "払えない", "払えそうにない", "自己破産",
        "債務整理", "家賃補助", "電気を止められる", "ガスを止められる", "水道を止められる",
        "電気が止まる", "ガスが止まる", "水道が止まる", "生活できない", "差し押さえ", "闇金",
        "多重債務", "貧乏", "ホームレス", "家を追い出される", "リボ", "キャッシング",
        "食べるものがない", "追い出される", "円で過ごす", "円で生活", "住む家がない",
        "貯金が尽きる", "お金が尽きる", "貯金が底をつく",
    ),
    group(
        Topic.FINANCIAL_HARDSHIP, "お金や食べ物がない",
        "お金", "金", "銭", "収入", "食べるもの", "食料", "貯金", "食べ物", "生活費", "手持ち",
        "住むところ", "住む場所", "ご飯", "食費",
        needs_lack=True,
    ),
    group(
        Topic.FINANCIAL_HARDSHIP, "支払いの語",
        "支払い", "給料日", "財布", "物価", "ローン", "電気代", "光熱費", "食費", "節約",
        "ネットカフェ", "費用",
        weight=HALF,
    ),
    group(
        Topic.LEGAL, "法律・紛争の語",
        "弁護士", "法律", "法的", "法律的", "裁判", "訴える", "訴訟", "示談", "相続", "遺産",
        "遺言", "遺言書", "違約金", "詐欺", "架空請求", "ストーカー", "法テラス", "債務整理",
        "自己破産", "調停", "不当解雇", "労基", "労働基準監督署", "保証人", "誹謗中傷",
        "名誉毀損", "慰謝料", "財産分与", "告訴", "被害届", "違法", "内容証明", "損害賠償",
        "賠償", "時効", "逮捕", "罰金", "前科", "著作権", "クーリングオフ", "契約書", "判決",
        "家庭裁判所", "家裁", "成年後見", "後見人", "立ち退き", "闇金", "多重債務", "保護命令",
        "消費者センター", "差し押さえ",
    ),
    group(Topic.LEGAL, "警察の語", "警察", "警察署", "通報"),
    group(
        Topic.LEGAL, "契約・権利の語",
        "契約", "未払い", "大家", "境界", "権利", "犯罪", "敷金", "被害",
        weight=HALF,
    ),
    group(
        Topic.LEGAL, "もめごとの語", "もめる", "揉める", "トラブル", "返ってこない", "請求",
        weight=HALF,
    ),
    group(
        Topic.DIVORCE, "離婚・別居の語",
        "離婚", "離婚届", "別居", "親権", "養育費", "面会交流", "財産分与", "バツイチ",
        "元夫", "元妻", "元旦那", "熟年離婚", "離婚調停", "親の離婚", "協議離婚", "調停離婚",
        "離婚協議", "離婚裁判", "夫と別れる", "妻と別れる", "旦那と別れる", "共同親権",
    ),
    group(Topic.DIVORCE, "ひとり親・再婚の語", "再婚", "シングルマザー", "母子家庭", weight=HALF),
)  # fmt: skip

# English words for topics, matched as whole words in the lower-cased text.
ENGLISH_TOPIC_WORDS: dict[Topic, tuple[str, ...]] = {
    Topic.FAMILY: ("husband", "wife", "mom", "mother", "dad", "father", "parents", "family"),
    Topic.WORK: (
        "job", "boss", "work", "overtime", "coworker", "coworkers", "fired", "laid off",
        "unemployed", "manager", "office",
    ),
    Topic.ILLNESS: (
        "sick", "hospital", "depression", "anxiety", "doctor", "medication", "meds",
        "panic attack", "illness", "disability",
    ),
    Topic.LONELINESS: ("lonely", "alone", "isolated", "no one to talk to", "nobody to talk to"),
    Topic.PURPOSE: ("hobby", "hobbies", "purpose", "meaningless", "bored"),
    Topic.CHILDCARE: (
        "my kids", "my son", "my daughter", "school", "parenting", "baby", "homework", "exam",
    ),
    Topic.PUBLIC_SERVICES: ("city hall", "welfare", "pension", "benefits"),
    Topic.FRIENDS: ("friend", "friends"),
    Topic.ROMANCE: ("boyfriend", "girlfriend", "broke up", "break up", "dating", "crush"),
    Topic.CAREGIVING: ("caregiver", "caring for my", "dementia", "nursing home"),
    Topic.FINANCIAL_HARDSHIP: ("rent", "debt", "can't pay", "no money", "so broke", "bills"),
    Topic.LEGAL: ("lawyer", "court", "sue", "lawsuit", "legal", "police"),
    Topic.DIVORCE: ("divorce", "divorced", "custody", "child support"),
}  # fmt: skip
