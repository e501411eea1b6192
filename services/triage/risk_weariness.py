"""Understated wishes and plans: a rest with no return, a time not to be reached, a height.

ながいながい、もどってこなくていいやすみ, 今年の桜が見納めでもいい, 妻に先立たれ…そろそろ俺の
番でいいんじゃないか, 今年の冬は越さなくていい, 年を越すつもりはありません. Plans asked about
as practical questions read the same way: いま高いところにいて, 一番苦しくない方法,
事故に見せかけたら, 帰りのことは考えてない. Each word is everyday alone (休みたい, 見納め of a
closing theatre, 俺の番 in a queue, 高いところが好き), so each rule needs the part that makes it
final: no return, no waking, a death nearby, a time not to be reached, presence now.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Tokens, signal
from services.triage.morphology import lemma_set, sentence_bounds
from services.triage.predicates import NEGATIONS, Tail, is_self, subject_of, verb_tail
from services.triage.signals import RiskKind

# A rest or a sleep with no return: 戻ってこなくていい休み, 目が覚めないぐらいの休み.
REST_NOUNS = lemma_set("休み", "休息", "眠り")
NO_RETURN_VERBS = lemma_set("戻る", "覚める", "帰る")
WISHES = lemma_set("欲しい", "たい")
DEGREES = lemma_set("くらい", "程", "様")
# 今年の桜が見納めでもいい: a last look, accepted.
LAST_LOOK = "納める"
ACCEPTING = lemma_set("良い", "構う")
# 今年で見納め of a theatre or a shop closing is the place's end, not the sender's.
CLOSINGS = lemma_set("閉館", "閉店", "取り壊し", "最終", "公演", "引退", "廃線", "閉校")
# 妻に先立たれ…そろそろ俺の番: my turn to die, after a death.
TURN = "番"
SOON = lemma_set("そろそろ", "次", "今度")
DEATH_NEARBY = lemma_set("先立つ", "亡くなる", "逝く", "死ぬ", "お迎え", "葬式", "見送る", "死別")
# 今年の冬は越さなくていい: a season not to be lived through.
SEASONS = lemma_set("冬", "年", "春", "夏", "秋", "年末")
# 越える belongs to the rule for climbing a barrier (risk_places.climb_over_rule).
PASS_VERBS = lemma_set("越す")
REST_EXPLANATION = "戻ってこなくていい休みを望む、死を望む婉曲表現"
# 年を越すつもりはない, 誕生日は迎えないつもり: a time the speaker does not mean to reach.
INTENTION = "積もり"
# いま高いところにいる: a height unnamed.
HIGH = "高い"
PLACE = "所"
BE = "居る"
CALM_VIEWS = lemma_set("景色", "夜景", "眺め", "展望", "花火", "観覧車")
# 事故に見せかける: a death staged as an accident.
STAGE = "見せ掛ける"
ACCIDENT = "事故"
# 一番苦しくない方法: the least painful way.
METHOD = "方法"
SUPERLATIVE = "一番"
EVERYDAY_PAINS = lemma_set(
    "脱毛", "出産", "注射", "抜歯", "ダイエット", "禁煙", "筋トレ", "治療", "手術", "採血", "麻酔",
    "ピアス", "タトゥー", "矯正", "リハビリ", "勉強", "練習",
)  # fmt: skip
# 帰りのことは考えてない: a trip with no return in mind.
WAY_BACK = "帰り"
THINK = "考える"


def rest_rule(tokens: Tokens, index: int) -> Finding:
    """長ぇ休み欲しいっす。目ぇ覚めねぐらいの, もどってこなくていいやすみ: a rest with no return.

    The return must be denied of the rest itself: in a clause that ends right before the noun
    (戻ってこなくていい休み), or as the degree of a rest wished for (休み欲しい。目ぇ覚めね
    ぐらいの). 休みの日は目が覚めない and 休みの日に何もする気が起きない stay harmless.
    """
    start, end = sentence_bounds(tokens, index)
    wished = bool(WISHES & {token.lemma for token in tokens[index + 1 : index + 3]})
    if wished and end < len(tokens):
        # The degree may come as the next sentence: 休み欲しいっす。目ぇ覚めねぐらいの.
        _, end = sentence_bounds(tokens, end + 1)
    for position in range(start, end):
        if tokens[position].lemma not in NO_RETURN_VERBS:
            continue
        tail = verb_tail(tokens, position)
        if not tail.negated:
            continue
        attached = position < index and index - tail.end <= 1
        following = tokens[tail.end : tail.end + 1]
        degree = bool(following) and following[0].lemma in DEGREES
        if attached or (wished and degree):
            # The subject found before 覚める is 目, so own_wish would not read it as a wish.
            first, last = min(index, position), max(index + 1, tail.end)
            return signal(tokens, first, last, RiskKind.PASSIVE_IDEATION, REST_EXPLANATION)
    return None


def last_look_rule(tokens: Tokens, index: int) -> Finding:
    """今年の桜が見納めでもいいかな: a last look at something, accepted as the last.

    Sudachi splits 見納め into 見 and 納める, and reads the で after it as て.
    """
    if index == 0 or tokens[index - 1].surface != "見":
        return None
    if any(token.lemma in CLOSINGS for token in tokens):
        return None
    following = [token.lemma for token in tokens[index + 1 : index + 5]]
    accepted = [offset for offset, lemma in enumerate(following) if lemma in ACCEPTING]
    if not accepted or following[:1] not in (["だ"], ["て"], ["に"]):
        return None
    end = index + 1 + accepted[0] + 1
    # The subject is what is seen (桜), so own_wish would not read it as the sender's wish.
    explanation = "これが最後でいいという思い、死を受け入れる考え"
    return signal(tokens, index - 1, end, RiskKind.PASSIVE_IDEATION, explanation)


def turn_rule(tokens: Tokens, index: int) -> Finding:
    """妻に先立たれ…そろそろ俺の番でいいんじゃないか: my turn to die, after a death."""
    if index < 2 or tokens[index - 1].lemma != "の" or not is_self(tokens[index - 2].lemma):
        return None
    if tokens[index - 2].pos not in ("代名詞", "名詞"):
        return None
    before = [token.lemma for token in tokens[max(0, index - 4) : index - 2]]
    if not SOON & set(before):
        return None
    if not any(token.lemma in DEATH_NEARBY for token in tokens):
        return None
    explanation = "次は自分が死ぬ番だという思い"
    return signal(tokens, index - 2, index + 1, RiskKind.PASSIVE_IDEATION, explanation)


def pass_season_rule(tokens: Tokens, index: int) -> Finding:
    """今年の冬は越さなくていい: a season the speaker need not live through."""
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    if not SEASONS & set(before):
        return None
    tail = verb_tail(tokens, index)
    intent_end = intent_denied(tokens, tail)
    if intent_end is not None and is_self(subject_of(tokens, index)):
        # 年を越すつもりはありません.
        explanation = "この年を越すつもりはないという予告"
        return signal(tokens, index, intent_end, RiskKind.PLAN, explanation)
    if not tail.negated:
        return None
    following = [token.lemma for token in tokens[tail.end : tail.end + 2]]
    accepted = ACCEPTING & (set(tail.lemmas) | set(following))
    subject = subject_of(tokens, index)
    if not accepted or not (is_self(subject) or subject in SEASONS):
        # 今年の冬は越さなくていい: the season is the topic, and the speaker lives it.
        return None
    end = tail.end + (1 if following[:1] and following[0] in ACCEPTING else 0)
    if NEGATIONS & set(following[1:2]):
        # 越さなくていいわけない: the acceptance is denied.
        return None
    explanation = "この冬を越さなくていいという思い、死を望む婉曲表現"
    return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, explanation)


def intent_denied(tokens: Tokens, tail: Tail) -> int | None:
    """Return the end of 越すつもりはない or 迎えないつもり: no intention to reach a time."""
    following = [token.lemma for token in tokens[tail.end : tail.end + 5]]
    if tail.negated and following[:1] == [INTENTION]:
        return tail.end + 1
    denials = [offset for offset, lemma in enumerate(following) if lemma in NEGATIONS]
    if following[:1] == [INTENTION] and denials:
        return tail.end + denials[0] + 1
    if following[:3] == ["気", "が", "為る"] and denials and denials[0] <= 4:
        # 来年の正月をこの家で迎える気がしない.
        return tail.end + denials[0] + 1
    return None


def high_ground_rule(tokens: Tokens, index: int) -> Finding:
    """いま、ちょっと高いところにいて、風が強いです: being at a height now, unnamed."""
    following = [token.lemma for token in tokens[index + 1 : index + 4]]
    if following[:3] != [PLACE, "に", BE]:
        return None
    tail = verb_tail(tokens, index + 3)
    if tail.negated or "た" in tail.lemmas:
        return None
    after = tokens[tail.end : tail.end + 2]
    if after and after[0].lemma in ("の", "こと"):
        # 高いところにいるのが好き: a liking, not where the sender is now.
        return None
    if any(token.lemma in CALM_VIEWS for token in tokens):
        return None
    return signal(tokens, index, tail.end, RiskKind.PLAN, "高い所に今いる")


def staged_accident_rule(tokens: Tokens, index: int) -> Finding:
    """事故に見せかけたらバレないか: a death staged as an accident, unless in a story."""
    before = [token.lemma for token in tokens[max(0, index - 2) : index]]
    if before != [ACCIDENT, "に"]:
        return None
    if any(token.lemma in lex.STORY_WORDS for token in tokens):
        return None
    tail = verb_tail(tokens, index)
    return signal(tokens, index - 2, tail.end, RiskKind.PLAN, "事故に見せかける考え")


def painless_way_rule(tokens: Tokens, index: int) -> Finding:
    """一番苦しくない方法ってどれですか: the least painful way, asked with no other purpose."""
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    painless = before[-2:] in (["苦しい", "無い"], ["痛い", "無い"]) or before[-2:-1] == ["楽"]
    if not painless or SUPERLATIVE not in before:
        return None
    if any(token.lemma in EVERYDAY_PAINS for token in tokens):
        # 一番痛くない脱毛の方法, 一番楽な出産の方法: a medical or beauty question.
        return None
    return signal(tokens, index - 3, index + 1, RiskKind.PLAN, "苦しまずに死ねる方法を探している")


def no_way_back_rule(tokens: Tokens, index: int) -> Finding:
    """一人で行きます。帰りのことは考えてないです: a trip with no thought of coming back."""
    following = [token.lemma for token in tokens[index + 1 : index + 5]]
    if following[:2] != ["の", "こと"] or following[2:3] not in (["は"], ["も"]):
        return None
    if following[3:4] != [THINK]:
        return None
    tail = verb_tail(tokens, index + 4)
    if not tail.negated:
        return None
    return signal(tokens, index, tail.end, RiskKind.PLAN, "帰ることを考えていない外出")


WEARINESS_RULES = {
    **{lemma: rest_rule for lemma in REST_NOUNS},
    LAST_LOOK: last_look_rule,
    TURN: turn_rule,
    **{lemma: pass_season_rule for lemma in PASS_VERBS},
    HIGH: high_ground_rule,
    STAGE: staged_accident_rule,
    METHOD: painless_way_rule,
    WAY_BACK: no_way_back_rule,
}
