"""The city's 14 consultation categories, with the Japanese labels its report uses."""

from enum import StrEnum


class Topic(StrEnum):
    FAMILY = "家族関係"
    WORK = "仕事・就労関係"
    ILLNESS = "病気・障害"
    LONELINESS = "孤独・孤立"
    PURPOSE = "生きがい・趣味"
    CHILDCARE = "子育て・教育"
    PUBLIC_SERVICES = "行政サービス・制度利用"
    FRIENDS = "友人関係"
    ROMANCE = "恋愛関係"
    CAREGIVING = "介護"
    SUICIDE_SELF_HARM = "希死念慮・自傷"
    FINANCIAL_HARDSHIP = "生活困窮"
    LEGAL = "法律関係"
    DIVORCE = "離婚関係"


class Priority(StrEnum):
    URGENT = "urgent"
    NORMAL = "normal"
