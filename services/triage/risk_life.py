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
from services.triage.morphology import is_sentence_end, sentence_bounds
from services.triage.predicates import (
    NEGATIONS,
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
    verb_tail,
)
from services.triage.risk_everyday import live_note
from services.triage.risk_lifespan import long_life_regret
from services.triage.risk_waking import still_alive
from services.triage.signals import RiskKind, RiskNote

WORTH_WINDOW = 6
# Words between 意味 and its denial: 意味なんか、どこにもない, 理由がもう見当たらない.
WORTH_FILLERS = frozenset(
    {"が", "は", "も", "なんか", "なんて", "って", "、", "どこ", "に", "もう"}
)
DEGREE_WORDS = frozenset({"ほど", "程", "くらい", "ぐらい"})
# もう生きるの無理: living itself judged impossible.
IMPOSSIBLE = "無理"
HARD_TO_SURFACES = frozenset({"づらい", "辛い", "づらく", "辛く", "にくい", "にくく", "づらさ"})
# 生きる理由がなくなった: a reason that was lost. Sudachi gives both spellings their own form.
LOST_VERBS = frozenset({"なくなる", "無くなる"})
# Words before 生きていけない that name what living needs: いなければ, 年金だけでは.
DEPENDENCY_MARKERS = ("なければ", "ないと", "なしでは", "無しでは", "なしじゃ", "では")
GUILT_WINDOW = 4
# Words that may stand between 生きてる and an apology or a verdict:
# 生きてるのが申し訳ない, 生まれてきたこと自体が間違い.
GUILT_FILLERS = frozenset({"の", "が", "こと", "自体", "だけ", "で", "は", "も", "て"})
MISTAKE_WINDOW = 5
# Words that may stand between a life and 続ける: 人生を, この人生はもう, 人生、もう.
LIFE_LINKS = frozenset({"を", "は", "も", "、", "もう", "なんて", "なんか", "此れ", "以上"})
DO_WINDOW = 4
# 去年自殺して, 3年前に自殺して: a date that places someone's suicide in the past.
PAST_DATES = frozenset({"去年", "昨年", "一昨年", "おととし"})
DATE_UNITS = frozenset({"年", "月", "ヶ月", "か月", "週間"})
# 自殺免責: the clause that voids a life insurance payout for a suicide within a period.
INSURANCE_TERMS = frozenset({"免責"})
LIFE = "人生"
# What is left like a job or a school: 人生を定年退職したい, 人生から引退, 人生をやめたい.
LEAVING_NOUNS = frozenset({"定年退職", "退職", "卒業", "引退", "リタイア", "退場", "閉店", "終了"})
LEAVING_VERBS = frozenset({"やめる", "辞める", "止める"})
# 亡くなった: a death reported, whose cause 自殺だった then names.
PASSED_AWAY = "亡くなる"
# 自殺してもう半年: the time since a death.
DURATIONS = frozenset({"半年", "一年", "一月", "一年半", "数年", "年", "月", "週間"})
# 頭から離れない, 頭に浮かぶ, 頭をよぎる: a word that keeps coming back.
WORD_STAYS = frozenset({"離れる", "浮かぶ", "過る", "よぎる", "ちらつく", "回る"})
# 職場の人が自殺して: 人 named with an owner before it is someone else.
PERSON = "人"


def live_rule(tokens: Tokens, index: int) -> Finding:
    """生きていたくない, 生きてる意味がない, 生きていても仕方ない, 生きるのをやめたい."""
    if _hard_to_live(tokens, index):
        # 生きづらい names a hard life, as the city's flyer invites; a wish to die it is not.
        return note(tokens, index, index + 2, "生きづらさの訴え")
    tail = _going_on(tokens, verb_tail(tokens, index))
    if tail.desire is Desire.NOT_WANT:
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "生きることへの拒否")
    following = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    if following[:3] == ["何", "に", "成る"] and tail.lemmas[-1:] in (("て",), ("で",)):
        # 生きてて何になるべ: what good is living.
        explanation = "生きていても何にもならないという思い"
        return signal(tokens, index, tail.end + 3, RiskKind.PASSIVE_IDEATION, explanation)
    if following[:1] == ["気"] and following[1:2] in (["は"], ["も"], ["が"]):
        if following[2:3] == ["無い"]:
            # もう長く生きる気はない.
            explanation = "生きる気がないという思い"
            return signal(tokens, index, tail.end + 3, RiskKind.PASSIVE_IDEATION, explanation)
    if following[:1] == ["予定"] and following[1:2] in (["は"], ["も"], ["無い"]):
        if "無い" in following[1:3]:
            # そのあとは生きてる予定ないです: no plan to be alive.
            end = tail.end + following.index("無い") + 1
            explanation = "生きている予定がないという予告"
            return signal(tokens, index, end, RiskKind.PLAN, explanation)
    if following[:1] and following[0] in lex.WORTH_NOUNS and "無い" in following[1:3]:
        end = tail.end + following.index("無い") + 1
        start, _ = sentence_bounds(tokens, index)
        pointed = [
            token
            for token in tokens[max(start, index - 3) : index]
            if token.lemma in lex.OTHER_PRONOUNS
        ]
        if pointed:
            # 『お前なんか生きてる価値ない』ってLINEが来ました: about someone else, or an insult.
            return note(tokens, index, end, f"対象が自分ではなく「{pointed[0].surface}」")
        return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, "生きる意味や価値の否定")
    # 生きてたってしょうがない, 生きていても仕方がない: Sudachi reads しょうがない as しょう +
    # が + ない, and 仕方がない as 仕方 + が + ない.
    pointless = any(
        window in (["しょう", "が", "無い"], ["仕方", "が", "無い"])
        for window in (following[:3], following[1:4])
    )
    if lex.POINTLESS in following[:1] or lex.POINTLESS in tail.lemmas or pointless:
        return signal(tokens, index, tail.end + 1, RiskKind.PASSIVE_IDEATION, "生きる意味の否定")
    if following[:2] == ["の", "を"] and following[2:3] and following[2] in lex.STOP_VERBS:
        return signal(tokens, index, tail.end + 3, RiskKind.PASSIVE_IDEATION, "生きるのをやめたい")
    if following[:1] == ["の"] and following[1:2] and following[1] in lex.STOP_VERBS:
        # 生きるのやめる: spoken Japanese drops を.
        return signal(tokens, index, tail.end + 2, RiskKind.PASSIVE_IDEATION, "生きるのをやめたい")
    if following[:2] == ["の", "も"] and following[2:3] and following[2] in lex.STOP_VERBS:
        # 息するのもやめたい: stopping even this.
        return signal(tokens, index, tail.end + 3, RiskKind.PASSIVE_IDEATION, "生きるのをやめたい")
    if _stop_said_first(tokens, index, following):
        # もうやめたい、生きるの: the wish first, the living after it.
        return signal(tokens, index, tail.end + 1, RiskKind.PASSIVE_IDEATION, "生きるのをやめたい")
    if _forbidden(tokens, tail, following):
        end = tail.end + following.index("無い") + 1 if "無い" in following else tail.end + 1
        return signal(
            tokens, index, end, RiskKind.PASSIVE_IDEATION, "生きていてはいけないという思い"
        )
    guilt_end = _guilt_after(tokens, tail.end)
    if guilt_end is not None:
        explanation = "生きていることへの罪悪感"
        return signal(tokens, index, guilt_end, RiskKind.PASSIVE_IDEATION, explanation)
    return _living_doubted(tokens, index, tail)


def _hard_to_live(tokens: Tokens, index: int) -> bool:
    """Return whether 生き is followed by づらい or にくい: 生きづらい, 生きにくい世の中."""
    if index + 1 >= len(tokens) or not tokens[index].surface.endswith("き"):
        return False
    following = tokens[index + 1]
    return following.surface in HARD_TO_SURFACES


def _going_on(tokens: Tokens, tail: Tail) -> Tail:
    """Extend 生きて by the auxiliary 行く: 生きていくのに疲れた reads like 生きるのに疲れた.

    生きていけない and 生きていける気がしない keep their tail, for _cannot_go_on to read.
    """
    if tail.lemmas[-1:] not in (("て",), ("で",)) or tail.end >= len(tokens):
        return tail
    going = tokens[tail.end]
    if (
        going.lemma != lex.GO
        or going.pos_detail != "非自立可能"
        or going.surface.startswith("いけ")
    ):
        return tail
    following = verb_tail(tokens, tail.end)
    if following.negated:
        return tail
    return Tail((*tail.lemmas, lex.GO, *following.lemmas), following.end)


def _stop_said_first(tokens: Tokens, index: int, following: list[str]) -> bool:
    """Return whether 生きるの closes a sentence after やめたい and a comma."""
    if following[:1] != ["の"]:
        return False
    after = following[1:2]
    if after and after[0] not in ("。", "!", "…", "?"):
        return False
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    return before[-1:] == ["、"] and before[-2:-1] == ["たい"] and before[0] in lex.STOP_VERBS


def _living_doubted(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """生きてる理由が見当たらない, 生きるのが嫌, もう生きていけない, 生きてていいのかな."""
    end = worth_denied(tokens, tail.end)
    if end is not None and denied(tokens, Tail((), end)):
        # 生きる意味がないとは思わない, 生きる理由がなくなったわけじゃない.
        return note(tokens, index, end, "続く文で否定されている")
    if end is not None:
        return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, "生きる意味や価値の否定")
    end = _worth_questioned(tokens, tail.end)
    if end is not None:
        explanation = "生きている意味があるのかという問い"
        return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, explanation)
    end = _living_rejected(tokens, tail.end)
    if end is not None:
        return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, "生きることへの拒否")
    if _cannot_go_on(tokens, index, tail):
        explanation = "もう生きていけないという思い"
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
    end = _leave_to_live_questioned(tokens, index, tail)
    if end is not None:
        explanation = "生きていていいのかという問い"
        return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, explanation)
    return still_alive(tokens, index, tail) or live_note(tokens, index, tail)


def worth_denied(tokens: Tokens, position: int) -> int | None:
    """Return the end of 意味がない, 理由が見当たらない or 理由がなくなった after the verb."""
    if position >= len(tokens) or tokens[position].lemma not in lex.WORTH_NOUNS:
        return None
    for offset in range(position + 1, min(len(tokens), position + 1 + WORTH_WINDOW)):
        token = tokens[offset]
        if token.lemma in ("無い", lex.ZERO) and token.pos != "助動詞":
            return offset + 1
        if token.lemma in LOST_VERBS and token.pos == "動詞":
            tail = verb_tail(tokens, offset)
            after = tokens[tail.end : tail.end + 1]
            if tail.negated or (after and after[0].lemma in DEGREE_WORDS):
                # 意味がなくなるほど忙しい measures the work, not a life.
                return None
            return tail.end
        if token.lemma in lex.FIND_VERBS:
            following = tokens[offset + 1 : offset + 3]
            negation = next((t for t in following if t.lemma in NEGATIONS), None)
            return offset + 2 + following.index(negation) if negation else None
        if token.lemma not in WORTH_FILLERS and token.pos != "副詞":
            return None
    return None


def _worth_questioned(tokens: Tokens, position: int) -> int | None:
    """Return the end of 生きてる意味ってある？ after the verb, or None."""
    lemmas = [token.lemma for token in tokens[position : position + 5]]
    if not lemmas or lemmas[0] not in lex.WORTH_NOUNS | {lex.NEED}:
        return None
    rest = lemmas[1:]
    if rest[:1] and rest[0] in ("って", "は", "が"):
        rest = rest[1:]
    if rest[:1] != ["有る"] or not rest[1:2] or rest[1] not in ("?", "か", "の"):
        return None
    return position + len(lemmas) - len(rest) + 2


def _living_rejected(tokens: Tokens, position: int) -> int | None:
    """Return the end of 生きるのが嫌 or 生きることに疲れた after the verb, or None."""
    lemmas = [token.lemma for token in tokens[position : position + 6]]
    if not lemmas or lemmas[0] not in ("の", "こと"):
        return None
    rest = lemmas[1:]
    if rest[:1] == ["自体"]:
        # 生きてること自体が重い.
        rest = rest[1:]
    if rest[:1] and rest[0] in ("が", "に", "も", "は"):
        rest = rest[1:]
    if rest[:1] == ["もう"]:
        # 生きてるのがもうめんどう.
        rest = rest[1:]
    if not rest or rest[0] not in lex.REJECTION_WORDS | {IMPOSSIBLE}:
        return None
    end = position + len(lemmas) - len(rest) + 1
    after = [token.lemma for token in tokens[end : end + 3]]
    if any(lemma in DEGREE_WORDS for lemma in after):
        # 生きるのが嫌になるほど暑い.
        return None
    if rest[0] == IMPOSSIBLE and _names_what_living_needs(tokens, position):
        # 一人で生きるのは無理, 年金だけで生きるの無理: what living needs, not a wish.
        return None
    return end


def _names_what_living_needs(tokens: Tokens, index: int) -> bool:
    """Return whether the sentence names what living needs: 一人で, 年金だけで, なければ."""
    start, end = sentence_bounds(tokens, index)
    sentence = tokens[start:end]
    surfaces = "".join(token.surface for token in sentence)
    if any(marker in surfaces for marker in (*DEPENDENCY_MARKERS, "一人で", "ひとりで", "だけで")):
        return True
    return any(token.lemma in lex.MONEY_WORDS for token in sentence)


def _cannot_go_on(tokens: Tokens, index: int, tail: Tail) -> bool:
    """Return whether もう生きていけない or もう生きてられない is said, not a dependency.

    家族がいなければ生きていけない and 年金だけでは生きていけない name what living needs.
    """
    following = [token.lemma for token in tokens[tail.end : tail.end + 5]]
    cannot = following[:2] == ["行く", "無い"] or ("られる" in tail.lemmas and tail.negated)
    # もう生きていける気がしない.
    cannot = cannot or following == ["行く", "気", "が", "為る", "無い"]
    if not cannot:
        return False
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    if "もう" not in before:
        return False
    start, end = sentence_bounds(tokens, index)
    sentence = tokens[start:end]
    surfaces = "".join(token.surface for token in sentence)
    if any(marker in surfaces for marker in DEPENDENCY_MARKERS):
        return False
    return not any(token.lemma in lex.MONEY_WORDS for token in sentence)


def _leave_to_live_questioned(tokens: Tokens, index: int, tail: Tail) -> int | None:
    """Return the end of 生きてていいのかな or 生き続けていいのかな, or None."""
    if tail.end < len(tokens) and tokens[tail.end].lemma == lex.CONTINUE:
        tail = verb_tail(tokens, tail.end)
    if tail.lemmas[-2:] not in (("て", "良い"), ("で", "良い")):
        return None
    following = [token.lemma for token in tokens[tail.end : tail.end + 2]]
    if following[:1] and following[0] in ("の", "か") and following[-1] in ("か", "?", "かな"):
        return tail.end + len(following)
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
    offset = position
    while offset < min(len(tokens), position + GUILT_WINDOW):
        lemma = tokens[offset].lemma
        if lemma in lex.GUILT_WORDS:
            return offset + 1
        following = tokens[offset + 1].lemma if offset + 1 < len(tokens) else None
        if tokens[offset].pos in ("名詞", "代名詞") and following == "に":
            # 生きてても周りに迷惑かけるだけ: the people burdened, marked with に.
            offset += 2
            continue
        if lemma not in GUILT_FILLERS:
            return None
        offset += 1
    return None


def _sorry_after(tokens: Tokens, position: int) -> int | None:
    # すまない, 済まない: Sudachi reads すま as 済む, so the apology is matched as written.
    following = tokens[position : position + 2]
    if [token.lemma for token in following] == ["すむ", "無い"] or (
        following and following[0].surface in ("すまん", "すまぬ")
    ):
        return position + len(following)
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
    # 生まれてこなきゃ、親にこんな苦労かけずに済んだのに: others spared by one's not being born.
    regret = regret or (tail.negated and _spared_others(tokens, index, tail))
    if regret or tail.desire is Desire.NOT_WANT:
        if quoted_at_sender(tokens, tail.end) or quoted_at_sender(tokens, tail.end + 1):
            # 母から「生まれてこなければよかった」と言われた: said to the sender.
            return note(tokens, index, tail.end, "他人から言われた言葉の引用")
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


def _spared_others(tokens: Tokens, index: int, tail: Tail) -> bool:
    surfaces = [token.surface for token in tokens[index + 1 : tail.end]]
    if not any(surface.endswith(("ば", "きゃ", "けりゃ")) for surface in surfaces):
        return False
    _, end = sentence_bounds(tokens, index)
    return any(token.lemma in lex.SPARED_WORDS for token in tokens[tail.end : end])


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
    subject = _subject_of_act(tokens, index)
    following = tokens[tail.end : tail.end + 1]
    # 彼が自分で命を絶った海に、また来てしまった: the place of that death, where the sender is.
    place = bool(following) and following[0].lemma in lex.NO_RETURN_PLACES | lex.DANGER_PLACES
    if "た" in tail.lemmas and subject is not None and not is_self(subject) and not place:
        # 去年、父が自ら命を絶ちました, 同じ部署の方が自ら命を絶ったそうです: someone's death.
        return note(tokens, index, tail.end, f"「{subject}」の過去の死、遺族や周りの人としての話")
    return signal(tokens, index, tail.end, RiskKind.IDEATION, "命を絶つことへの言及")


def life_retired_rule(tokens: Tokens, index: int) -> Finding:
    """人生を定年退職したい, 人生から引退したい, 人生を卒業します: life left like a job or a school.

    The verb must follow 人生 with only を or から between, so 人生を楽しむために定年退職したい
    is a plan for retirement.
    """
    position = index + 1
    if [token.lemma for token in tokens[position : position + 2]] == ["の", "方"]:
        # 仕事じゃなくて人生の方を辞めたい.
        position += 2
    if position < len(tokens) and tokens[position].lemma in ("を", "から", "も"):
        # 俺の人生も閉店するわ: も adds life to what closes.
        position += 1
    if position >= len(tokens) or tokens[position].lemma not in LEAVING_NOUNS | LEAVING_VERBS:
        return None
    verb = position
    if tokens[position].lemma in LEAVING_NOUNS:
        if position + 1 >= len(tokens) or tokens[position + 1].lemma != lex.DO:
            return None
        verb = position + 1
    tail = verb_tail(tokens, verb)
    if tail.negated or tail.desire is Desire.NOT_WANT:
        return None
    if _weighed_option(tokens, tail):
        # 会社辞めるか人生辞めるかの二択: leaving life weighed against another way out.
        explanation = "人生を終えることをほかの道と並べて選ぼうとしている"
        return signal(tokens, index, tail.end + 1, RiskKind.IDEATION, explanation)
    # 俺の人生も閉店するわ: the plain form announces it too.
    following = tokens[tail.end : tail.end + 1]
    final = not following or is_sentence_end(following[0]) or following[0].pos_detail == "終助詞"
    announced = "ます" in tail.lemmas or (not tail.lemmas and final)
    if tail.desire is Desire.WANT or is_volitional(tokens, verb, tail) or announced:
        explanation = "人生を仕事や学校のように終えたいという願望"
        return wish_or_denial(tokens, index, tail, RiskKind.IDEATION, explanation)
    return None


def _weighed_option(tokens: Tokens, tail: Tail) -> bool:
    """Return whether the verb is one option weighed against another: 人生辞めるかの二択."""
    following = tokens[tail.end : tail.end + 1]
    if tail.lemmas or not following or following[0].lemma != "か":
        return False
    _, end = sentence_bounds(tokens, tail.end)
    return any(token.lemma in lex.WEIGHING_WORDS for token in tokens[tail.end : end])


def _subject_of_act(tokens: Tokens, index: int) -> str | None:
    """Return the subject of 命を絶つ, looking past the object 命を and the adverb 自ら."""
    position = index - 1
    while position > 0 and tokens[position].lemma in ("を", lex.LIFE, lex.THIS_WORLD, "自ら"):
        position -= 1
    return subject_of(tokens, position + 1)


def pass_away_rule(tokens: Tokens, index: int) -> Finding:
    """逝く means to die; 先に逝きます from the sender is a farewell, 祖父が逝った is grief.

    ぽっくり逝きたい said laughing among friends, or with a long life ahead (まだまだ長生き
    する), is the old wish for a quick death when the time comes.
    """
    tail = verb_tail(tokens, index)
    preferred_end = preferable(tokens, tail)
    if preferred_end is not None and is_self(subject_of(tokens, index)):
        # いっしょに逝ったほうが楽だべ.
        explanation = "逝った方がいいという考え"
        return signal(tokens, index, preferred_end, RiskKind.IDEATION, explanation)
    if tail.negated or "た" in tail.lemmas:
        return None
    if not is_self(subject_of(tokens, index)):
        return None
    if index > 0 and tokens[index - 1].lemma in lex.SUDDEN_DEATH and _light_hearted(tokens):
        return note(tokens, index - 1, tail.end, "老後の願いとしての「ぽっくり」、笑い話")
    return signal(tokens, index, tail.end, RiskKind.IDEATION, "逝く、死ぬことの婉曲な予告")


def _light_hearted(tokens: Tokens) -> bool:
    # 笑ってます, まだまだ長生きする, 毎日楽しい: the message says the sender is well.
    return any(token.lemma in lex.LIGHT_HEARTED for token in tokens)


def _time_since(tokens: Tokens, tail: Tail) -> bool:
    """Return whether 自殺して is followed by the time since: 自殺してもう半年, 自殺して3年."""
    if tail.lemmas[-1:] not in (("て",), ("で",)):
        return False
    position = tail.end
    if position < len(tokens) and tokens[position].lemma == "もう":
        position += 1
    if position >= len(tokens):
        return False
    token = tokens[position]
    return token.lemma in DURATIONS or token.pos_detail == "数詞"


def suicide_noun_rule(tokens: Tokens, index: int) -> Finding:
    """自殺したい, 自殺未遂, 自殺の方法; a news story or lesson about suicide is not a risk."""
    end = _option_in_mind(tokens, index)
    if end is not None:
        # 卒論が進まなくて、自殺って選択肢が頭から離れない: the option stays with the sender,
        # whatever the study named before it.
        return signal(tokens, index, end, RiskKind.IDEATION, "自殺という考えが頭から離れない")
    if _names_the_word(tokens, index):
        return note(tokens, index, index + 1, "言葉としての言及")
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following[:1] == ["の"]:
        following = following[1:]
    if following[:1] and following[0] in INSURANCE_TERMS:
        # 生命保険の自殺免責って何年, 自殺の免責期間: a clause of an insurance contract.
        return note(tokens, index, index + 2, "保険の免責条項の用語")
    do_index = _do_after(tokens, index)
    context = (
        news_context(tokens, index)
        or _mourning(tokens)
        or _studied(tokens)
        or _cause_of_a_death(tokens, index)
    )
    if do_index is not None:
        tail = verb_tail(tokens, do_index)
        if tail.desire is Desire.NOT_WANT or tail.negated:
            return note(tokens, index, tail.end, "否定形")
        if tail.desire is Desire.WANT or is_volitional(tokens, do_index, tail):
            return wish_or_denial(tokens, index, tail, RiskKind.IDEATION, "自殺の意図")
        subject = subject_of(tokens, index)
        done = "た" in tail.lemmas or (_dated_death(tokens, index, do_index) and tail.lemmas)
        done = done or _time_since(tokens, tail)
        someone = subject in lex.OTHER_PEOPLE or (subject == PERSON and index > 2)
        if done and (someone or _names_someone(tokens, tail.end)):
            # 祖父が自殺した, 自殺した友達: the sender is bereaved by a suicide, not at risk.
            person = subject or tokens[tail.end].surface
            return note(tokens, index, tail.end, f"「{person}」の過去の自殺、遺族としての話")
        if not tail.lemmas and context is None:
            return signal(tokens, index, tail.end, RiskKind.IDEATION, "自殺するという予告")
    if context is not None:
        return note(tokens, index, index + 1, f"「{context}」についての話題")
    tail = verb_tail(tokens, index)
    if denied(tokens, tail):
        return note(tokens, index, index + 1, "続く文で否定されている")
    return signal(tokens, index, index + 1, RiskKind.IDEATION, "自殺への言及")


def _do_after(tokens: Tokens, index: int) -> int | None:
    """Return the position of する after a noun: 自殺したい, 自殺なんて絶対しない, 自殺未遂した."""
    for position in range(index + 1, min(len(tokens), index + 1 + DO_WINDOW)):
        token = tokens[position]
        if token.lemma == lex.DO:
            return position
        if token.pos != "助詞" and token.lemma not in lex.EMPHASIS_ADVERBS | {lex.ATTEMPT}:
            return None
    return None


def _dated_death(tokens: Tokens, index: int, do_index: int) -> bool:
    """Return whether a date in the past comes right before 自殺して: 兄が3年前に自殺して.

    自殺未遂して is an attempt, which the sender may still fear, so it never counts.
    """
    if any(token.lemma == lex.ATTEMPT for token in tokens[index:do_index]):
        return False
    before = [token.lemma for token in tokens[max(0, index - 4) : index]]
    if before[-1:] == ["に"]:
        before = before[:-1]
    if before[-1:] and before[-1] in PAST_DATES:
        return True
    return before[-1:] == ["前"] and before[-2:-1] != [] and before[-2] in DATE_UNITS


def _option_in_mind(tokens: Tokens, index: int) -> int | None:
    """Return the end of 自殺って選択肢が頭から離れない or 自殺が頭をよぎる, or None."""
    _, end = sentence_bounds(tokens, index)
    after = [token.lemma for token in tokens[index + 1 : min(end, index + 10)]]
    if "頭" not in after:
        return None
    if any(lemma in lex.NEWS_CONTEXT for lemma in after[: after.index("頭")]):
        # 自殺予防の授業の内容が頭に浮かぶ: the lesson stays, not the option.
        return None
    for offset, lemma in enumerate(after):
        if lemma in WORD_STAYS:
            return index + 2 + offset
    return None


def _names_the_word(tokens: Tokens, index: int) -> bool:
    # 自死という言葉にまだ慣れない.
    following = [token.lemma for token in tokens[index + 1 : index + 4]]
    if following[:2] == ["と", "言う"]:
        following = following[2:]
    elif following[:1] == ["って"]:
        following = following[1:]
    else:
        return False
    if not following or following[0] not in lex.WORD_NOUNS:
        return False
    # 自殺という言葉が頭から離れない, 頭に浮かぶ: the word stays with the sender.
    after = [token.lemma for token in tokens[index + 4 : index + 10]]
    return not ("頭" in after and any(lemma in WORD_STAYS for lemma in after))


def _names_someone(tokens: Tokens, position: int) -> bool:
    # 自殺した友達, 職場で自殺した人がいたらしい: the past act describes another person.
    if position >= len(tokens):
        return False
    if tokens[position].lemma in lex.OTHER_PEOPLE:
        return True
    # 自殺した人がいた names someone who was there, but 自殺した人の気持ちがわかる may be the
    # sender's own feeling.
    following = [token.lemma for token in tokens[position : position + 3]]
    return following[:1] in ([PERSON], ["方"]) and following[1:] in (["が", "居る"], ["も", "居る"])


def _studied(tokens: Tokens) -> str | None:
    """Return a word of study or broadcast anywhere in the message (レポート, テレビ), if any."""
    for token in tokens:
        if token.lemma in lex.STUDY_WORDS:
            return token.surface
    return None


def _cause_of_a_death(tokens: Tokens, index: int) -> str | None:
    """Return 亡くなった when 自殺だった names the cause of a death the message reports.

    同級生が亡くなったと連絡が来た。自殺だったらしい: the sender is bereaved, not at risk.
    """
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following != ["だ", "た"]:
        return None
    for position, token in enumerate(tokens):
        if token.lemma == PASSED_AWAY and "た" in verb_tail(tokens, position).lemmas:
            return token.surface
    return None


def _mourning(tokens: Tokens) -> str | None:
    """Return a word of mourning anywhere in the message (自死遺族, 命日), if any."""
    for token in tokens:
        if token.lemma in lex.MOURNING_WORDS or any(p in lex.MOURNING_WORDS for p in token.parts):
            return token.surface
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
    """長生きしたくない, 長生きしてしまった: not wanting, or regretting, a long life."""
    for position in range(index + 1, min(len(tokens), index + 4)):
        if tokens[position].lemma == lex.DO:
            tail = verb_tail(tokens, position)
            if tail.desire is Desire.NOT_WANT:
                explanation = "長く生きたくないという気持ち"
                return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
            guilt_end = _guilt_after(tokens, tail.end) or _sorry_after(tokens, tail.end)
            if guilt_end is not None and tail.lemmas[-1:] in (("て",), ("で",)):
                # 長生きしてすまない, 長生きして申し訳ない: an apology for still living.
                explanation = "長生きしていることへの謝罪"
                return signal(tokens, index, guilt_end, RiskKind.PASSIVE_IDEATION, explanation)
            return long_life_regret(tokens, index)
        if tokens[position].pos != "助詞":
            return long_life_regret(tokens, index)
    return long_life_regret(tokens, index)


def _noun_denied(tokens: Tokens, position: int) -> bool:
    """Return whether particles and then 無い follow: 希死念慮はありません, 希死念慮なんてない."""
    for token in tokens[position : position + 4]:
        if token.lemma in ("無い", "ず"):
            return True
        if token.pos != "助詞" and token.lemma not in ("有る", "ます"):
            return False
    return False


def breath_rule(tokens: Tokens, index: int) -> Finding:
    """息してるのがしんどい, 息するのもやめたい: breathing read as living."""
    do = index + 1
    if do < len(tokens) and tokens[do].lemma == "を":
        do += 1
    if do >= len(tokens) or tokens[do].lemma != lex.DO:
        return None
    finding = live_rule(tokens, do)
    if finding is None or isinstance(finding, RiskNote):
        return None
    return signal(tokens, index, finding.end, finding.kind, finding.explanation)


def continue_rule(tokens: Tokens, index: int) -> Finding:
    """こんな人生、もう続けたくない, 人生を続けられない: not going on with one's life.

    Only a life counts (人生, 命): こんな生活続けたくない and 仕事を続けたくない are about a job
    or a way of living, and 人生、続けたくないことばかり names things.
    """
    if not _life_before(tokens, index):
        return None
    tail = verb_tail(tokens, index)
    unwilling = tail.desire is Desire.NOT_WANT or (tail.negated and "られる" in tail.lemmas)
    end = worth_denied(tokens, tail.end) or _worth_questioned(tokens, tail.end)
    if end is not None:
        # 人生これ以上続ける意味ある?
        explanation = "人生を続ける意味があるのかという問い"
        return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, explanation)
    if not unwilling:
        return None
    if tail.end < len(tokens) and tokens[tail.end].pos == "名詞":
        return None
    explanation = "人生を続けたくないという思い"
    return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)


def _life_before(tokens: Tokens, index: int) -> bool:
    # 人生を, 人生、もう, この人生はもう: the life is marked or set off right before the verb.
    for position in range(index - 1, max(-1, index - 7), -1):
        lemma = tokens[position].lemma
        if lemma in lex.LIFE_NOUNS:
            return True
        if lemma not in LIFE_LINKS:
            return False
    return False


LIFE_RULES: dict[str, Rule] = {
    lex.LIVE: live_rule,
    **{lemma: live_rule for lemma in lex.LIVE_ALIASES},
    lex.BE_BORN: born_rule,
    lex.KILL: kill_rule,
    lex.CUT_OFF: life_end_rule,
    lex.PASS_AWAY: pass_away_rule,
    lex.LEAVE: life_end_rule,
    lex.LONG_LIFE: long_life_rule,
    lex.CONTINUE: continue_rule,
    LIFE: life_retired_rule,
    lex.BREATH: breath_rule,
    lex.ATTACHMENT: attachment_rule,
    lex.IDEATION_NOUN: ideation_noun_rule,
    **{lemma: suicide_noun_rule for lemma in lex.SUICIDE_NOUNS},
}
