"""Rules for living, being born, waking, ending one's life and naming suicide.

生きていたくない, 生まれてこなければよかった, 目が覚めなければいい, 人生を終わらせたい,
命を絶ちたい, 自殺したい and 希死念慮. Each rule looks at one word and its neighbours and
returns a RiskSignal, a RiskNote for a known harmless use, or None.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import (
    Finding,
    Rule,
    Tokens,
    news_context,
    note,
    signal,
    wish_or_denial,
)
from services.triage.morphology import sentence_bounds
from services.triage.predicates import (
    Desire,
    Tail,
    conditional_relief,
    denied,
    is_self,
    is_volitional,
    object_of,
    subject_of,
    verb_tail,
)
from services.triage.signals import RiskKind

GUILT_WINDOW = 4
# Words that may stand between 生きてる and an apology or a verdict:
# 生きてるのが申し訳ない, 生まれてきたこと自体が間違い.
GUILT_FILLERS = frozenset({"の", "が", "こと", "自体", "だけ", "で", "は", "も", "て"})
MISTAKE_WINDOW = 5
DO_WINDOW = 4


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
    if following[:1] == ["の"] and following[1:2] and following[1] in lex.STOP_VERBS:
        # 生きるのやめる: spoken Japanese drops を.
        return signal(tokens, index, tail.end + 2, RiskKind.PASSIVE_IDEATION, "生きるのをやめたい")
    if _forbidden(tokens, tail, following):
        end = tail.end + following.index("無い") + 1 if "無い" in following else tail.end + 1
        return signal(
            tokens, index, end, RiskKind.PASSIVE_IDEATION, "生きていてはいけないという思い"
        )
    guilt_end = _guilt_after(tokens, tail.end)
    if guilt_end is not None:
        explanation = "生きていることへの罪悪感"
        return signal(tokens, index, guilt_end, RiskKind.PASSIVE_IDEATION, explanation)
    return None


def _forbidden(tokens: Tokens, tail: Tail, following: list[str]) -> bool:
    """Return whether living is forbidden: 生きてちゃいけない, 生きていてはだめ.

    生きていけない (cannot go on living) has no は or ちゃ and is left to other rules.
    """
    if not tail.lemmas:
        return False
    last = tokens[tail.end - 1].surface
    if tail.lemmas[-1] != "は" and not last.endswith(("ちゃ", "じゃ")):
        return False
    if following[:1] and following[0] == lex.NO_GOOD:
        return True
    return following[:2] in (["行く", "無い"], ["行ける", "無い"])


def attachment_rule(tokens: Tokens, index: int) -> Finding:
    """この世に未練はない, 人生に未練はない; 元彼に未練はない is about love."""
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    if not set(before) & lex.LIFE_WORDS:
        return None
    if not _noun_denied(tokens, index + 1):
        return None
    end = next(p for p in range(index + 1, len(tokens)) if tokens[p].lemma in ("無い", "ず")) + 1
    start = index - len(before) + min(i for i, b in enumerate(before) if b in lex.LIFE_WORDS)
    return signal(tokens, start, end, RiskKind.PASSIVE_IDEATION, "この世に未練はないという思い")


def _guilt_after(tokens: Tokens, position: int) -> int | None:
    """Return the end of an apology for existing after the verb (生きててごめん), or None."""
    for offset in range(position, min(len(tokens), position + GUILT_WINDOW)):
        lemma = tokens[offset].lemma
        if lemma in lex.GUILT_WORDS:
            return offset + 1
        if lemma not in GUILT_FILLERS:
            return None
    return None


def _called_a_mistake(tokens: Tokens, position: int) -> int | None:
    """Return the end of 〜こと自体が間違い after 生まれてきた, or None."""
    lemmas = [token.lemma for token in tokens[position : position + MISTAKE_WINDOW]]
    if lemmas[:1] not in (["こと"], ["の"]):
        return None
    for offset, lemma in enumerate(lemmas[1:], start=1):
        if lemma in lex.MISTAKE_NOUNS:
            return position + offset + 1
        if lemma not in GUILT_FILLERS:
            return None
    return None


def born_rule(tokens: Tokens, index: int) -> Finding:
    """生まれてこなければよかった, 生まれてきたくなかった."""
    tail = verb_tail(tokens, index)
    regret = tail.negated and conditional_relief(tokens, index, tail)
    if regret or tail.desire is Desire.NOT_WANT:
        if is_self(subject_of(tokens, index)):
            explanation = "生まれてきたことへの後悔"
            return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
    if tail.negated or not is_self(subject_of(tokens, index)):
        return None
    end = _called_a_mistake(tokens, tail.end) or _guilt_after(tokens, tail.end)
    if end is not None:
        explanation = "生まれてきたことを間違いや罪と感じている"
        return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, explanation)
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
    target = object_of(tokens, index, topic_markers=True) or _comma_topic(tokens, index)
    if wants and _modifies_noun(tokens, tail.end):
        # 終わらせたい仕事が山ほどある: the wish describes the noun after it.
        return note(tokens, index, tail.end + 1, f"「{tokens[tail.end].surface}」を終わらせたい")
    if not wants:
        # 今夜全部終わりにする: a plain statement of intent counts only with a whole-life object,
        # because 「今日はこれで終わりにします」 closes a chat.
        intends = not tail.negated and "た" not in tail.lemmas
        if not (intends and target in lex.LIFE_OBJECTS):
            return None
    if target is not None and target not in lex.LIFE_OBJECTS and not is_self(target):
        return note(tokens, index, tail.end, f"終わらせたい対象が「{target}」")
    return signal(tokens, index, tail.end, RiskKind.IDEATION, "人生を終わらせたいという願望")


def _comma_topic(tokens: Tokens, index: int) -> str | None:
    """Return a noun that opens the sentence as its topic before a comma: この案件、もう終わりに."""
    start, _ = sentence_bounds(tokens, index)
    for position in range(start + 1, index):
        if tokens[position].pos_detail == "読点":
            previous = tokens[position - 1]
            return previous.lemma if previous.pos in ("名詞", "代名詞") else None
    return None


def _modifies_noun(tokens: Tokens, position: int) -> bool:
    if position >= len(tokens):
        return False
    token = tokens[position]
    return token.pos == "名詞" and token.lemma not in lex.LIFE_OBJECTS and token.lemma != "気持ち"


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
    do_index = _do_after(tokens, index)
    if do_index is not None:
        tail = verb_tail(tokens, do_index)
        if tail.desire is Desire.NOT_WANT or tail.negated:
            return note(tokens, index, tail.end, "否定形")
        if tail.desire is Desire.WANT or is_volitional(tokens, do_index, tail):
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


def _do_after(tokens: Tokens, index: int) -> int | None:
    """Return the position of する after a noun: 自殺したい, 自殺なんて絶対しない."""
    for position in range(index + 1, min(len(tokens), index + 1 + DO_WINDOW)):
        token = tokens[position]
        if token.lemma == lex.DO:
            return position
        if token.pos != "助詞" and token.lemma not in lex.EMPHASIS_ADVERBS:
            return None
    return None


def ideation_noun_rule(tokens: Tokens, index: int) -> Finding:
    """希死念慮, 自殺念慮: the clinical words for suicidal thoughts, unless denied or a topic."""
    if index == 0 or tokens[index - 1].lemma not in lex.IDEATION_NOUN_HEADS:
        return None
    start = index - 2 if index >= 2 and tokens[index - 2].surface == "希" else index - 1
    context = news_context(tokens, index)
    if context is not None:
        return note(tokens, start, index + 1, f"「{context}」についての話題")
    if _noun_denied(tokens, index + 1):
        return note(tokens, start, index + 1, "続く文で否定されている")
    return signal(tokens, start, index + 1, RiskKind.IDEATION, "希死念慮があるという訴え")


def long_life_rule(tokens: Tokens, index: int) -> Finding:
    """長生きしたくない: not wanting a long life is a passive wish to die."""
    for position in range(index + 1, min(len(tokens), index + 4)):
        if tokens[position].lemma == lex.DO:
            tail = verb_tail(tokens, position)
            if tail.desire is Desire.NOT_WANT:
                explanation = "長く生きたくないという気持ち"
                return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
            return None
        if tokens[position].pos != "助詞":
            return None
    return None


def _noun_denied(tokens: Tokens, position: int) -> bool:
    """Return whether particles and then 無い follow: 希死念慮はありません, 希死念慮なんてない."""
    for token in tokens[position : position + 4]:
        if token.lemma in ("無い", "ず"):
            return True
        if token.pos != "助詞" and token.lemma not in ("有る", "ます"):
            return False
    return False


def _prayed_for(tokens: Tokens, tail: Tail) -> bool:
    following = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    return following[:1] in (["こと"], ["よう"]) and any(
        lemma in lex.WISH_VERBS for lemma in following[1:]
    )


LIFE_RULES: dict[str, Rule] = {
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
    lex.LONG_LIFE: long_life_rule,
    lex.ATTACHMENT: attachment_rule,
    lex.IDEATION_NOUN: ideation_noun_rule,
    **{lemma: wake_rule for lemma in lex.WAKE_VERBS},
    **{lemma: suicide_noun_rule for lemma in lex.SUICIDE_NOUNS},
}
