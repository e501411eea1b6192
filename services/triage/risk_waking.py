"""Rules for not wanting to wake or to see another day.

目が覚めなければいい, 目が覚めなくていい, 明日が来なければいい, 朝が来ませんように,
二度と起きたくない, 永遠に眠りたい, 明日なんていらない, こんな人生もういらない, and being
let down to wake at all (目が覚めるたびに、まだ生きてるのかってがっかりする). 明日は来なくて
いいよ (a day off) and 朝起きたくない (a lazy morning) stay harmless: a coming day counts only
as the subject with が or なんか, and getting up only with 二度と or 永遠に.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Rule, Tokens, note, signal
from services.triage.morphology import is_sentence_end, sentence_bounds
from services.triage.predicates import (
    SELF_WORDS,
    Desire,
    Tail,
    conditional_relief,
    is_self,
    object_of,
    relief_end,
    subject_of,
    verb_tail,
)
from services.triage.risk_accidents import illness_rule, snow_sleep_rule
from services.triage.signals import RiskKind

WAKE_EXPLANATION = "目覚めたくないという願い"
# 明日が来なければいいのに…歯医者の予約: an appointment that explains the wish, unless the
# message also speaks of weariness.
DREADED_PLANS = frozenset(
    {"予約", "テスト", "試験", "発表", "面接", "歯医者", "締め切り", "会議", "検診", "月曜", "納期"}
)
WEARY_WORDS = frozenset({"疲れる", "疲れ", "無理", "辛い", "限界", "消える", "死ぬ", "楽"})
PLAN_WINDOW = 8
# 明日は休み, 昼まで寝る, 二度寝: a day off, which explains wanting to sleep on.
LIE_IN_CUES = frozenset({"休み", "休日", "昼", "二度寝", "週末", "連休", "寝坊"})
NEVER_WINDOW = 6
LET_DOWN_WINDOW = 8
# Particles that make a day the subject that comes: 明日が来なければ, 明日なんか来なくていい.
DAWN_PARTICLES = frozenset({"が", "なんか", "なんて", "も"})
# この世にいらない人間: the nouns that make the unneeded one a person.
UNNEEDED_PEOPLE = frozenset({"人間", "人", "存在", "者", "奴", "子"})
UNNEEDED_DENIALS = frozenset({"なんて", "なんか", "など", "無い", "ない", "居る"})


def wake_rule(tokens: Tokens, index: int) -> Finding:
    """目が覚めなければいい, 明日が来なければいい, 二度と目覚めたくない, 永遠に眠りたい."""
    tail = verb_tail(tokens, index)
    lemma = tokens[index].lemma
    if lemma == lex.OPEN and object_of(tokens, index) != lex.EYE and not _eye_closed(tokens, index):
        # 目を開けなくていい is waking; ドアを開けたくない is not.
        return None
    if lemma in (lex.OPEN, lex.OPEN_UP) and _until_morning(tokens, index):
        # 目を閉じたら朝まで一度も開けなくていい: a night's sleep through, not never waking.
        return note(tokens, index, index + 1, "朝までぐっすり眠りたいという話")
    if lemma == lex.OPEN_UP and not _eyes_open(tokens, index):
        # 目が開かなかったらいい is waking; ドアが開かない is not.
        return None
    if tail.negated and tail.lemmas[:2] == ("て", "呉れる"):
        # 夜ぜんぜん寝てくれなくて: someone else, a baby most often, does not sleep.
        return None
    subject = subject_of(tokens, index)
    if lemma == lex.COME and not _dawn_comes(tokens, index, subject):
        return None
    if lemma == lex.GET_UP and not is_self(subject):
        return None
    if lemma == lex.COME and tail.negated and _dreaded_plan_after(tokens, tail.end):
        # 明日が来なければいいのに…歯医者の予約: a day dreaded for one appointment.
        return note(tokens, index, tail.end, "嫌な予定のある日が来てほしくないという話")
    if tail.negated and (conditional_relief(tokens, index, tail) or _no_need(tokens, tail)):
        return signal(
            tokens, index, _relief_end(tokens, tail), RiskKind.PASSIVE_IDEATION, WAKE_EXPLANATION
        )
    if tail.negated and _spared(tokens, index, tail):
        # このまま朝起きなくて済めばいいのに.
        end = relief_end(tokens, tail.end, verb_tail(tokens, tail.end)) or tail.end
        return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, WAKE_EXPLANATION)
    if tail.negated and any(word in lex.REQUEST_WORDS for word in tail.lemmas):
        # 目が覚めないでほしい
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, WAKE_EXPLANATION)
    if tail.negated and (_prayed_for(tokens, tail) or _may_it_not(tokens, tail)):
        # 明日が来ないことを祈ってる, 二度と起きませんように
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, WAKE_EXPLANATION)
    if tail.desire is Desire.NOT_WANT and (lemma in lex.WAKE_VERBS or _never_again(tokens, index)):
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, WAKE_EXPLANATION)
    if lemma in lex.SLEEP_VERBS and _forever(tokens, index, lemma) and _wanted(tail):
        if not LIE_IN_CUES.isdisjoint(token.lemma for token in tokens):
            # ずっと眠っていたい。明日は休みだから昼まで寝る: a lie-in on a day off.
            return note(tokens, index, tail.end, "休みの日に長く寝ていたいという話")
        explanation = "永遠に眠りたいという願い"
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
    if lemma in lex.SLEEP_VERBS and not tail.negated and _forever_aside(tokens, tail):
        # 安心して眠れる（永遠に）: the eternity added in brackets after the sleep.
        explanation = "眠りに「永遠に」と添えた、目覚めないことの含み"
        return signal(tokens, index, tail.end + 4, RiskKind.PASSIVE_IDEATION, explanation)
    if lemma == lex.SLEEP and _forever(tokens, index, lemma) and is_self(subject):
        end = _stays_asleep(tokens, tail)
        if end is not None:
            # ずっと眠ったままでいられたらいいのに.
            explanation = "眠ったまま目覚めずにいたいという願い"
            return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, explanation)
    if lemma in lex.SLEEP_VERBS:
        return snow_sleep_rule(tokens, index)
    if lemma in lex.WAKE_VERBS | {lex.GET_UP, lex.OPEN, lex.OPEN_UP} and not tail.negated:
        end = _let_down(tokens, tail.end)
        if end is not None:
            explanation = "目が覚めたことへの落胆"
            return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, explanation)
    return None


def need_rule(tokens: Tokens, index: int) -> Finding:
    """明日なんていらない, こんな人生もういらない, 自分はこの世にいらない人間だ."""
    tail = verb_tail(tokens, index)
    if not tail.negated:
        return None
    before = [token.lemma for token in tokens[max(0, index - 4) : index]]
    start = index - len(before)
    for offset, lemma in enumerate(before[:-1]):
        marked = before[offset + 1] in ("なんか", "なんて", "も")
        if lemma in lex.DAWN_SUBJECTS and marked:
            explanation = "明日はいらないという思い"
            return signal(tokens, start + offset, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
        if lemma in lex.LIFE_NOUNS and (marked or before[offset + 1] in ("もう", "に", "は", "、")):
            if not _unneeded_self(tokens, index, tail.end, lemma):
                return None
            explanation = "自分の人生やこの世での存在はいらないという思い"
            return signal(tokens, start + offset, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
    if subject_of(tokens, index) in SELF_WORDS and _unneeded_person(tokens, tail.end):
        # 私はもういらない人間です: the sender named as an unneeded person.
        explanation = "自分はいらない人間だという思い"
        return signal(tokens, index, tail.end + 1, RiskKind.PASSIVE_IDEATION, explanation)
    return None


def _unneeded_person(tokens: Tokens, end: int) -> bool:
    """Return whether a person noun follows いらない and ends the phrase (いらない人間です)."""
    following = tokens[end : end + 4]
    if not following or following[0].lemma not in UNNEEDED_PEOPLE:
        return False
    if len(following) > 1 and following[1].pos == "名詞":
        # いらない人間関係: a noun compound.
        return False
    # いらない人なんていない, いらない子なんかじゃない: no such person, or a denial.
    return not any(token.lemma in UNNEEDED_DENIALS for token in following[1:])


def _unneeded_self(tokens: Tokens, index: int, end: int, noun: str) -> bool:
    """Return whether the sender, not a thing, is what is not needed.

    こんな人生もういらない ends there; この世にいらない人間 names a person. いらないもの and
    この世にいらない人なんていない are about things or about nobody.
    """
    if subject_of(tokens, index) in lex.OTHER_PEOPLE:
        return False
    following = tokens[end : end + 3]
    if not following or is_sentence_end(following[0]) or following[0].pos != "名詞":
        return noun != lex.THIS_WORLD or subject_of(tokens, index) in SELF_WORDS
    if following[0].lemma not in UNNEEDED_PEOPLE:
        return False
    return not any(token.lemma in ("なんて", "など", "居る") for token in following[1:])


def still_alive(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """Judge まだ生きてる…って絶望する and 今日も生きてしまった for live_rule."""
    before = [token.lemma for token in tokens[max(0, index - 2) : index]]
    if "未だ" in before and not tail.negated:
        end = _let_down(tokens, tail.end)
        if end is not None:
            explanation = "まだ生きていることへの落胆"
            return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, explanation)
    regret = "仕舞う" in tail.lemmas and "た" in tail.lemmas
    if regret and any(lemma in lex.AGAIN_WORDS for lemma in before):
        explanation = "今日も生きてしまったという後悔"
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
    return None


def become_rule(tokens: Tokens, index: int) -> Finding:
    """成る: 朝にならなければいい (a morning not wished for) or 悪くなってくれれば (an illness)."""
    return dawn_rule(tokens, index) or illness_rule(tokens, index)


def dawn_rule(tokens: Tokens, index: int) -> Finding:
    """このまま朝にならなきゃいいのに, 明日にならなければいい: a morning that should not come."""
    if index < 2 or tokens[index - 1].lemma != "に" or tokens[index - 2].lemma not in lex.MORNING:
        return None
    tail = verb_tail(tokens, index)
    if not tail.negated or not conditional_relief(tokens, index, tail):
        return None
    end = _relief_end(tokens, tail)
    return signal(tokens, index - 2, end, RiskKind.PASSIVE_IDEATION, WAKE_EXPLANATION)


def _spared(tokens: Tokens, index: int, tail: Tail) -> bool:
    """Return whether not waking is wished as being spared: 起きなくて済めばいい."""
    if tail.lemmas[-1:] not in (("て",), ("で",)) or tail.end >= len(tokens):
        return False
    if tokens[tail.end].lemma not in ("済む", "すむ"):
        return False
    return relief_end(tokens, tail.end, verb_tail(tokens, tail.end)) is not None


def _eye_closed(tokens: Tokens, index: int) -> bool:
    # 目を閉じたら二度と開けなくていい: the eyes named as what was closed.
    start, _ = sentence_bounds(tokens, index)
    lemmas = [token.lemma for token in tokens[start:index]]
    return any(lemmas[i : i + 2] == [lex.EYE, "を"] for i in range(len(lemmas) - 1))


def _until_morning(tokens: Tokens, index: int) -> bool:
    start, _ = sentence_bounds(tokens, index)
    lemmas = [token.lemma for token in tokens[start:index]]
    return any(lemmas[i : i + 2] == ["朝", "まで"] for i in range(len(lemmas) - 1))


def _eyes_open(tokens: Tokens, index: int) -> bool:
    # 目が開かなかったら: Sudachi may tag this 目 as a suffix, so the spelling decides.
    return index >= 2 and tokens[index - 1].lemma == "が" and tokens[index - 2].surface == "目"


def _dawn_comes(tokens: Tokens, index: int, subject: str | None) -> bool:
    """Return whether a coming day is the subject with が or なんか (明日が来なければ)."""
    if subject not in lex.DAWN_SUBJECTS:
        return False
    start, _ = sentence_bounds(tokens, index)
    for position in range(index - 1, start, -1):
        if tokens[position - 1].lemma == subject:
            return tokens[position].lemma in DAWN_PARTICLES
    return False


def _dreaded_plan_after(tokens: Tokens, end: int) -> bool:
    """Return whether an appointment follows the wish and nothing else weighs on the sender."""
    following = {token.lemma for token in tokens[end : end + PLAN_WINDOW]}
    if not following & DREADED_PLANS:
        return False
    return not any(token.lemma in WEARY_WORDS for token in tokens)


def _no_need(tokens: Tokens, tail: Tail) -> bool:
    # 目が覚めなくていい, このまま起きなくてもいい.
    lemmas = [lemma for lemma in tail.lemmas if lemma != "も"]
    for position, lemma in enumerate(lemmas[:-2]):
        if lemma == "無い" and lemmas[position + 1] in ("て", "で"):
            return lemmas[position + 2] == "良い"
    return False


def _relief_end(tokens: Tokens, tail: Tail) -> int:
    # 目が覚めなければいい: include the いい when it follows the tail.
    if tail.end < len(tokens) and tokens[tail.end].lemma == "良い":
        return tail.end + 1
    return tail.end


def _may_it_not(tokens: Tokens, tail: Tail) -> bool:
    """Return whether a negated verb ends in ように, a prayer: 朝が来ませんように."""
    lemmas = list(tail.lemmas) + [token.lemma for token in tokens[tail.end : tail.end + 4]]
    if "済む" in lemmas:
        # 朝が来ないで済みますように.
        lemmas = [lemma for lemma in lemmas if lemma not in ("済む", "ます")]
    return any(lemmas[i : i + 2] == ["よう", "だ"] for i in range(len(lemmas) - 1))


def _never_again(tokens: Tokens, index: int) -> bool:
    """Return whether 二度と or 永遠に appears near the verb: 二度と起きたくない, 永遠に."""
    start, end = sentence_bounds(tokens, index)
    before = "".join(token.surface for token in tokens[max(start, index - NEVER_WINDOW) : index])
    if lex.NEVER_AGAIN in before:
        return True
    # 寝たまま起きたくない, 眠ったまま目覚めたくない: asleep and never up again.
    asleep = [token.lemma for token in tokens[max(start, index - 3) : index]]
    if asleep[:1] and asleep[0] in lex.SLEEP_VERBS and asleep[1:] in (["た", "侭"], ["た", "まま"]):
        return True
    window = tokens[max(start, index - NEVER_WINDOW) : min(end, index + NEVER_WINDOW)]
    return any(token.lemma in lex.ETERNITY_WORDS for token in window)


def _forever(tokens: Tokens, index: int, lemma: str) -> bool:
    # 永遠に眠りたい; plain 寝る counts only with 永遠 or 永久, as ずっと寝てたい is laziness.
    words = lex.FOREVER_WORDS if lemma == lex.SLEEP else lex.ETERNITY_WORDS
    return any(token.lemma in words for token in tokens[max(0, index - 3) : index])


def _forever_aside(tokens: Tokens, tail: Tail) -> bool:
    """Return whether （永遠に） follows the sleep verb's tail right away."""
    lemmas = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    if lemmas[:1] in (["そう"], ["ます"]):
        lemmas = [token.lemma for token in tokens[tail.end + 1 : tail.end + 5]]
    return lemmas[:1] in (["("], ["（"]) and lemmas[1:2] != [] and lemmas[1] in lex.ETERNITY_WORDS


def _stays_asleep(tokens: Tokens, tail: Tail) -> int | None:
    """Return the end of 眠ったままでいたい or 眠ったままでいられたらいい after 眠る."""
    position = tail.end
    following = [token.lemma for token in tokens[position : position + 3]]
    if following[:1] != ["侭"]:
        return None
    position += 2 if following[1:2] == ["だ"] else 1
    if position >= len(tokens) or tokens[position].lemma != lex.BE:
        return None
    staying = verb_tail(tokens, position)
    if staying.negated or "呉れる" in staying.lemmas or "くれる" in staying.lemmas:
        return None
    if staying.desire is Desire.WANT:
        return staying.end
    if conditional_relief(tokens, position, staying):
        return relief_end(tokens, position, staying) or staying.end
    return None


def _wanted(tail: Tail) -> bool:
    # 永遠に眠りたい, 永遠に眠らせてほしい.
    if tail.desire is Desire.WANT:
        return True
    return "せる" in tail.lemmas and any(lemma in lex.REQUEST_WORDS for lemma in tail.lemmas)


def _let_down(tokens: Tokens, position: int) -> int | None:
    """Return the end of がっかり or 絶望 soon after the verb, or None."""
    for offset in range(position, min(len(tokens), position + LET_DOWN_WINDOW)):
        token = tokens[offset]
        if token.lemma in lex.LET_DOWN_WORDS:
            return offset + 1
        if is_sentence_end(token) and token.surface == "。":
            return None
    return None


def _prayed_for(tokens: Tokens, tail: Tail) -> bool:
    following = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    return following[:1] in (["こと"], ["よう"]) and any(
        lemma in lex.WISH_VERBS for lemma in following[1:]
    )


WAKING_RULES: dict[str, Rule] = {
    lex.COME: wake_rule,
    lex.GET_UP: wake_rule,
    lex.OPEN: wake_rule,
    lex.OPEN_UP: wake_rule,
    lex.BECOME: become_rule,
    **{lemma: wake_rule for lemma in lex.SLEEP_VERBS},
    **{lemma: wake_rule for lemma in lex.WAKE_VERBS},
    **{lemma: need_rule for lemma in lex.NEED_VERBS},
}
