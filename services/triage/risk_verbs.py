"""Rules for the verbs of suicidal ideation: 死ぬ, 消える, いなくなる, 生きる and their kin.

Each rule looks at one verb and its tail (see predicates.py) and returns a RiskSignal when the
verb expresses the wish, a RiskNote when it is a known harmless use, or None.
"""

from collections.abc import Callable

from services.triage import risk_lexicon as lex
from services.triage.morphology import Token, sentence_bounds
from services.triage.predicates import (
    Desire,
    Tail,
    conditional_relief,
    denied,
    is_self,
    is_volitional,
    object_of,
    preferable,
    quoted_at_sender,
    subject_of,
    thinking_about,
    verb_tail,
)
from services.triage.signals import RiskKind, RiskNote, RiskSignal

Finding = RiskSignal | RiskNote | None
Tokens = tuple[Token, ...]


def span(tokens: Tokens, start: int, end: int) -> str:
    return "".join(token.surface for token in tokens[start:end])


def signal(tokens: Tokens, start: int, end: int, kind: RiskKind, explanation: str) -> RiskSignal:
    return RiskSignal(kind, start, end, span(tokens, start, end), explanation)


def note(tokens: Tokens, start: int, end: int, explanation: str) -> RiskNote:
    return RiskNote(span(tokens, start, end), explanation)


def wish_or_denial(
    tokens: Tokens, index: int, tail: Tail, kind: RiskKind, explanation: str
) -> Finding:
    """Return the signal for a stated wish, or a note when the sentence denies it."""
    if denied(tokens, tail):
        return note(tokens, index, tail.end, "続く文で否定されている")
    return signal(tokens, index, tail.end, kind, explanation)


def die_rule(tokens: Tokens, index: int) -> Finding:
    tail = verb_tail(tokens, index)
    desire = tail.desire
    if desire is Desire.WANT:
        return wish_or_denial(tokens, index, tail, RiskKind.IDEATION, "死にたいという願望")
    if desire is Desire.NOT_WANT:
        if denied(tokens, tail):
            return signal(tokens, index, tail.end, RiskKind.IDEATION, "「死にたくない」の否定")
        return note(tokens, index, tail.end, "死にたくないという否定形")
    if tail.negated:
        return None
    if is_volitional(tokens, index, tail):
        return wish_or_denial(tokens, index, tail, RiskKind.IDEATION, "死のうという意思")
    if not tail.lemmas and tokens[index].surface in ("死ね", "しね"):
        return _insult_or_context(tokens, index, tail)
    if not tail.lemmas and _reported_threat(tokens, tail.end):
        return signal(tokens, index, tail.end, RiskKind.IDEATION, "「死ぬ」という予告の報告")
    return _die_context(tokens, index, tail)


def _reported_threat(tokens: Tokens, position: int) -> bool:
    """Whether a quote closes here and is reported as sent: 「もう死ぬ」ってLINEが来た."""
    window = [token.lemma for token in tokens[position : position + 4]]
    if not window or window[0] not in lex.QUOTE_MARKERS:
        return False
    return any(lemma in lex.MESSAGE_NOUNS or lemma in lex.REPORT_VERBS for lemma in window[1:])


def _insult_or_context(tokens: Tokens, index: int, tail: Tail) -> Finding:
    # Bare 死ね is an order to someone else, usually an insult the sender received.
    if tokens[index + 1 : index + 2] and tokens[index + 1].lemma == "ば":
        return _die_context(tokens, index, tail)
    return note(tokens, index, index + 1, "他人に向けた暴言としての「死ね」")


def _die_context(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """Judge 死ぬ without desire or volition by the words that follow it."""
    following = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    first = following[0] if following else None
    if first in lex.DEATH_FIGURATIVE_NEXT or following[:2] == ["か", "と"]:
        return note(tokens, index, tail.end + 1, "強調や誇張の言い回し")
    if first == "しか" and "無い" in following[1:3]:
        return signal(tokens, index, tail.end + 3, RiskKind.IDEATION, "死ぬしかないという考え")
    if first in lex.DEATH_PLAN_NOUNS:
        if denied(tokens, tail):
            # 死ぬつもりはない; 死ぬ勇気もない stays a signal, because 勇気 is not a plan noun
            # that can be denied.
            return note(tokens, index, tail.end + 1, "続く文で否定されている")
        return signal(tokens, index, tail.end + 1, RiskKind.PLAN, "死ぬ方法や覚悟への言及")
    if first == "方" and tokens[index + 1 : index + 2] and tokens[index + 1].pos == "接尾辞":
        return signal(tokens, index, tail.end + 1, RiskKind.PLAN, "死に方への言及")
    if first == "こと" and any(lemma in lex.DEATH_THOUGHT_VERBS for lemma in following[1:4]):
        return signal(tokens, index, tail.end + 1, RiskKind.IDEATION, "死ぬことを考えている")
    if preferable(tokens, tail):
        return _self_wish(tokens, index, tail, "死んだ方がいいという考え", extra=3)
    if conditional_relief(tokens, index, tail):
        return _self_wish(tokens, index, tail, "死ねば楽になるという考え")
    if any(lemma in lex.REQUEST_WORDS for lemma in tail.lemmas) and "せる" in tail.lemmas:
        return signal(tokens, index, tail.end, RiskKind.IDEATION, "死なせてほしいという願望")
    return None


def vanish_rule(tokens: Tokens, index: int) -> Finding:
    tail = verb_tail(tokens, index)
    if tail.desire is Desire.WANT:
        return wish_or_denial(tokens, index, tail, RiskKind.PASSIVE_IDEATION, "消えたいという願望")
    if is_volitional(tokens, index, tail) and not tokens[index].conjugation.startswith("命令"):
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "消えようという意思")
    if conditional_relief(tokens, index, tail):
        return _self_wish(tokens, index, tail, "自分が消えればいいという願い")
    if preferable(tokens, tail):
        return _self_wish(tokens, index, tail, "自分は消えた方がいいという考え", extra=3)
    if thinking_about(tokens, tail):
        explanation = "消えることを考えている"
        return signal(tokens, index, tail.end + 1, RiskKind.PASSIVE_IDEATION, explanation)
    return None


def be_rule(tokens: Tokens, index: int) -> Finding:
    """いなくなりたい, いなくなればいい, いない方がいい, この世にいたくない."""
    if index > 0 and tokens[index - 1].lemma in ("て", "で"):
        # 生きていたくない: here いる is the auxiliary of 生きる, judged by live_rule.
        return None
    tail = verb_tail(tokens, index)
    lemmas = tail.lemmas
    disappears = len(lemmas) >= 2 and lemmas[0] == "無い" and lemmas[1] in ("成る", "なれる")
    if disappears and tail.desire is Desire.WANT:
        return wish_or_denial(
            tokens, index, tail, RiskKind.PASSIVE_IDEATION, "いなくなりたいという願望"
        )
    if disappears and conditional_relief(tokens, index, tail):
        return _self_wish(tokens, index, tail, "自分がいなくなればいいという願い")
    if lemmas[:1] == ("無い",) and preferable(tokens, tail):
        return _self_wish(tokens, index, tail, "自分はいない方がいいという考え", extra=3)
    if tail.desire is Desire.NOT_WANT and _world_before(tokens, index):
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "この世にいたくない")
    return None


def live_rule(tokens: Tokens, index: int) -> Finding:
    """生きていたくない, 生きてる意味がない, 生きていても仕方ない, 生きるのをやめたい."""
    tail = verb_tail(tokens, index)
    if tail.desire is Desire.NOT_WANT:
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "生きることへの拒否")
    following = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    if following[:1] and following[0] in lex.WORTH_NOUNS and "無い" in following[1:3]:
        end = tail.end + following.index("無い") + 1
        return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, "生きる意味や価値の否定")
    if lex.POINTLESS in following[:1] or lex.POINTLESS in tail.lemmas:
        return signal(tokens, index, tail.end + 1, RiskKind.PASSIVE_IDEATION, "生きる意味の否定")
    if following[:2] == ["の", "を"] and following[2:3] and following[2] in lex.STOP_VERBS:
        return signal(tokens, index, tail.end + 3, RiskKind.PASSIVE_IDEATION, "生きるのをやめたい")
    return None


def born_rule(tokens: Tokens, index: int) -> Finding:
    """生まれてこなければよかった, 生まれてきたくなかった."""
    tail = verb_tail(tokens, index)
    regret = tail.negated and conditional_relief(tokens, index, tail)
    if regret or tail.desire is Desire.NOT_WANT:
        if is_self(subject_of(tokens, index)):
            explanation = "生まれてきたことへの後悔"
            return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
    return None


def wake_rule(tokens: Tokens, index: int) -> Finding:
    """目が覚めなければいい, 明日が来なければいい, 二度と目覚めたくない, 永遠に眠りたい."""
    tail = verb_tail(tokens, index)
    lemma = tokens[index].lemma
    subject = subject_of(tokens, index)
    if tail.negated and conditional_relief(tokens, index, tail):
        if lemma == lex.COME and subject not in lex.DAWN_SUBJECTS:
            return None
        if lemma == lex.GET_UP and not is_self(subject):
            return None
        return signal(
            tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "目覚めたくないという願い"
        )
    if tail.negated and any(word in lex.REQUEST_WORDS for word in tail.lemmas):
        # 目が覚めないでほしい
        if lemma in lex.WAKE_VERBS or subject in lex.DAWN_SUBJECTS:
            return signal(
                tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "目覚めたくないという願い"
            )
    if (
        tail.negated
        and _prayed_for(tokens, tail)
        and (lemma != lex.COME or subject in lex.DAWN_SUBJECTS)
    ):
        # 明日が来ないことを祈ってる
        return signal(
            tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "目覚めたくないという願い"
        )
    if lemma in lex.WAKE_VERBS and tail.desire is Desire.NOT_WANT:
        return signal(
            tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "目覚めたくないという願い"
        )
    forever = any(token.lemma in lex.FOREVER_WORDS for token in tokens[max(0, index - 3) : index])
    if lemma == lex.SLEEP and tail.desire is Desire.WANT and forever:
        return signal(
            tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "永遠に眠りたいという願い"
        )
    return None


def end_rule(tokens: Tokens, index: int) -> Finding:
    """全部終わりにしたい, 人生を終わらせたい; 関係を終わりにしたい is not a risk."""
    if tokens[index].lemma == lex.END_NOUN:
        if index + 2 >= len(tokens) or tokens[index + 1].lemma != "に":
            return None
        tail = verb_tail(tokens, index + 2)
        wants = tail.desire is Desire.WANT or is_volitional(tokens, index + 2, tail)
        wants = wants or tokens[index + 2].lemma == "出来る"
    else:
        tail = verb_tail(tokens, index)
        wants = "せる" in tail.lemmas and tail.desire is Desire.WANT
    target = object_of(tokens, index, topic_markers=True)
    if not wants:
        # 今夜全部終わりにする: a plain statement of intent counts only with a whole-life object,
        # because 「今日はこれで終わりにします」 closes a chat.
        intends = not tail.negated and "た" not in tail.lemmas
        if not (intends and target in lex.LIFE_OBJECTS):
            return None
    if target is not None and target not in lex.LIFE_OBJECTS and not is_self(target):
        return note(tokens, index, tail.end, f"終わらせたい対象が「{target}」")
    return signal(tokens, index, tail.end, RiskKind.IDEATION, "人生を終わらせたいという願望")


def kill_rule(tokens: Tokens, index: int) -> Finding:
    """自分を殺したい, 誰か殺してほしい; 上司を殺したい is anger at someone else."""
    tail = verb_tail(tokens, index)
    target = object_of(tokens, index)
    requests = any(lemma in lex.REQUEST_WORDS for lemma in tail.lemmas)
    if tail.desire is Desire.WANT and target in lex.BODY_PARTS:
        return signal(tokens, index, tail.end, RiskKind.IDEATION, "自分を殺したいという願望")
    if requests and target is None:
        return signal(tokens, index, tail.end, RiskKind.IDEATION, "殺してほしいという願望")
    if tail.desire is Desire.WANT:
        return note(tokens, index, tail.end, "自分ではなく他者に向いた怒りの表現")
    return None


def life_end_rule(tokens: Tokens, index: int) -> Finding:
    """命を絶ちたい, この世を去りたい: the written forms of wanting to die."""
    tail = verb_tail(tokens, index)
    target = object_of(tokens, index)
    expected = lex.LIFE if tokens[index].lemma == lex.CUT_OFF else lex.THIS_WORLD
    if target != expected or tail.negated or tail.desire is Desire.NOT_WANT:
        return None
    if tail.desire is Desire.WANT or is_volitional(tokens, index, tail):
        return wish_or_denial(tokens, index, tail, RiskKind.IDEATION, "命を絶ちたいという願望")
    return signal(tokens, index, tail.end, RiskKind.IDEATION, "命を絶つことへの言及")


def pass_away_rule(tokens: Tokens, index: int) -> Finding:
    """逝く means to die; 先に逝きます from the sender is a farewell, 祖父が逝った is grief."""
    tail = verb_tail(tokens, index)
    if tail.negated or "た" in tail.lemmas:
        return None
    if not is_self(subject_of(tokens, index)):
        return None
    return signal(tokens, index, tail.end, RiskKind.IDEATION, "逝く、死ぬことの婉曲な予告")


def suicide_noun_rule(tokens: Tokens, index: int) -> Finding:
    """自殺したい, 自殺未遂, 自殺の方法; a news story or lesson about suicide is not a risk."""
    if tokens[index + 1 : index + 2] and tokens[index + 1].lemma == lex.DO:
        tail = verb_tail(tokens, index + 1)
        if tail.desire is Desire.NOT_WANT or tail.negated:
            return note(tokens, index, tail.end, "否定形")
        if tail.desire is Desire.WANT or is_volitional(tokens, index + 1, tail):
            return wish_or_denial(tokens, index, tail, RiskKind.IDEATION, "自殺の意図")
        subject = subject_of(tokens, index)
        if not tail.lemmas:
            return signal(tokens, index, tail.end, RiskKind.IDEATION, "自殺するという予告")
        if "た" in tail.lemmas and subject in lex.OTHER_PEOPLE:
            # 祖父が自殺した: the sender is bereaved by a suicide, not at risk by this phrase.
            return note(tokens, index, tail.end, f"「{subject}」の過去の自殺、遺族としての話")
    context = news_context(tokens, index)
    if context is not None:
        return note(tokens, index, index + 1, f"「{context}」についての話題")
    tail = verb_tail(tokens, index)
    if denied(tokens, tail):
        return note(tokens, index, index + 1, "続く文で否定されている")
    return signal(tokens, index, index + 1, RiskKind.IDEATION, "自殺への言及")


def news_context(tokens: Tokens, index: int) -> str | None:
    """Return the news, lesson or bereavement word in the sentence of tokens[index], if any."""
    start, end = sentence_bounds(tokens, index)
    for token in tokens[start:end]:
        if token.lemma in lex.NEWS_CONTEXT or token.lemma in lex.BEREAVEMENT_VERBS:
            return token.surface
    return None


def _self_wish(tokens: Tokens, index: int, tail: Tail, explanation: str, extra: int = 1) -> Finding:
    """Judge a wish phrased as an outcome (〜ばいい, 〜方がいい) by its subject and speaker."""
    end = tail.end + extra
    subject = subject_of(tokens, index)
    if not is_self(subject):
        return note(tokens, index, end, f"対象が自分ではなく「{subject}」")
    if quoted_at_sender(tokens, end):
        return note(tokens, index, end, "他人から言われた言葉の引用")
    kind = RiskKind.IDEATION if tokens[index].lemma == lex.DIE else RiskKind.PASSIVE_IDEATION
    return signal(tokens, index, end, kind, explanation)


def _prayed_for(tokens: Tokens, tail: Tail) -> bool:
    following = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    return following[:1] in (["こと"], ["よう"]) and any(
        lemma in lex.WISH_VERBS for lemma in following[1:]
    )


def _world_before(tokens: Tokens, index: int) -> bool:
    return any(token.lemma in lex.WORLD_WORDS for token in tokens[max(0, index - 3) : index])


VERB_RULES: dict[str, Callable[[Tokens, int], Finding]] = {
    lex.DIE: die_rule,
    lex.VANISH: vanish_rule,
    lex.BE: be_rule,
    lex.LIVE: live_rule,
    lex.BE_BORN: born_rule,
    lex.COME: wake_rule,
    lex.GET_UP: wake_rule,
    lex.SLEEP: wake_rule,
    lex.END_NOUN: end_rule,
    lex.END_VERB: end_rule,
    lex.KILL: kill_rule,
    lex.CUT_OFF: life_end_rule,
    lex.PASS_AWAY: pass_away_rule,
    lex.LEAVE: life_end_rule,
    **{lemma: wake_rule for lemma in lex.WAKE_VERBS},
    **{lemma: suicide_noun_rule for lemma in lex.SUICIDE_NOUNS},
}
