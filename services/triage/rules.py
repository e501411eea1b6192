"""First keyword classifier: topics from word lists, urgency from phrases of suicidal ideation.

Pure functions over normalized text (NFKC, whitespace folded). This version only matches
substrings; negation and figurative speech are handled by a small list of exclusions.
"""

from dataclasses import dataclass

from shared.schemas import Topic

CLASSIFIER_VERSION = "keywords-1"

TOPIC_KEYWORDS: dict[Topic, tuple[str, ...]] = {
    Topic.FAMILY: ("家族", "親", "母", "父", "兄", "姉", "弟", "妹", "夫", "妻", "実家", "家庭"),
    Topic.WORK: ("仕事", "職場", "会社", "上司", "同僚", "就職", "転職", "失業", "バイト", "残業"),
    Topic.ILLNESS: ("病気", "病院", "障害", "うつ", "鬱", "通院", "薬", "体調", "眠れない"),
    Topic.LONELINESS: (
        "孤独",
        "ひとりぼっち",
        "一人ぼっち",
        "寂しい",
        "さみしい",
        "居場所",
        "相談できる人がいない",
        "誰とも話",
        "つながりたい",
        "孤立",
    ),
    Topic.PURPOSE: ("生きがい", "趣味", "やりがい", "楽しみ", "生きづらい"),
    Topic.CHILDCARE: ("子育て", "育児", "子ども", "子供", "息子", "娘", "学校", "不登校", "進路"),
    Topic.PUBLIC_SERVICES: ("市役所", "手続き", "制度", "申請", "給付", "窓口", "福祉", "年金"),
    Topic.FRIENDS: ("友達", "友人", "ともだち", "クラスメイト", "仲間外れ", "いじめ"),
    Topic.ROMANCE: ("恋人", "彼氏", "彼女", "片思い", "失恋", "恋愛", "振られ"),
    Topic.CAREGIVING: ("介護", "認知症", "デイサービス", "ヘルパー"),
    Topic.FINANCIAL_HARDSHIP: ("お金がない", "生活費", "借金", "家賃", "生活が苦しい", "困窮"),
    Topic.LEGAL: ("弁護士", "裁判", "法律", "訴え", "契約", "相続"),
    Topic.DIVORCE: ("離婚", "別居", "親権", "養育費"),
}

URGENT_PHRASES = (
    "消えたい",
    "消えてしまいたい",
    "死にたい",
    "しにたい",
    "タヒにたい",
    "自殺",
    "生きていたくない",
    "生きていたくねえ",
    "終わりにしたい",
    "目が覚めなければ",
    "リスカ",
    "自傷",
    "手首を切",
    "飛び降り",
    "首を吊",
    "オーバードーズ",
    "want to die",
    "kill myself",
)
NOT_URGENT_CONTEXTS = ("死ぬほど笑", "死にそうなくらい", "死活問題", "自殺のニュース")


@dataclass(frozen=True)
class Triage:
    topics: tuple[Topic, ...]
    urgent: bool
    reasons: tuple[str, ...]


def classify(text: str | None) -> Triage:
    """Return topics, the urgent flag and readable reasons for one normalized message."""
    if not text:
        return Triage(topics=(), urgent=False, reasons=())
    lowered = text.lower()
    topics: list[Topic] = []
    reasons: list[str] = []

    for topic, keywords in TOPIC_KEYWORDS.items():
        matched = next((word for word in keywords if word in lowered), None)
        if matched:
            topics.append(topic)
            reasons.append(f"{topic.value}: 「{matched}」を含む")

    urgent_phrase = next((phrase for phrase in URGENT_PHRASES if phrase in lowered), None)
    figurative = any(context in lowered for context in NOT_URGENT_CONTEXTS)
    urgent = urgent_phrase is not None and not figurative
    if urgent:
        topics.insert(0, Topic.SUICIDE_SELF_HARM)
        reasons.insert(0, f"{Topic.SUICIDE_SELF_HARM.value}: 「{urgent_phrase}」は希死念慮の表現")
    return Triage(topics=tuple(topics), urgent=urgent, reasons=tuple(reasons))
