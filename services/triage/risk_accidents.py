"""Rules for deaths wished from an accident, the cold or an illness.

車が突っ込んできてくれたら, 対向車線に突っ込めば楽, 雪に埋もれて春まで見つからなければいい, このまま
凍えてもいい, 雪の中で寝てしまえば楽, 病気がもっと早く進んでくれればいいのに, もう餓死するしか
ない. Each of these is everyday when it happens or is feared (車が店に突っ込んだ, 雪に埋もれて車が
出せない, 病気が見つかったらどうしよう), so every rule needs a wish or a relief in the clause.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Rule, Tokens, note, own_wish, signal, wish_end
from services.triage.modality import hoped, permitted
from services.triage.morphology import sentence_bounds
from services.triage.predicates import (
    NEGATIONS,
    Desire,
    is_volitional,
    preferable,
    progressive_tail,
    quoted_at_sender,
    relief_end,
    subject_of,
    verb_tail,
)
from services.triage.signals import RiskKind

OUTCOME_WINDOW = 6
ELLIPSES = frozenset({"…", "..", "."})
MOVE_WINDOW = 6
# 餓死コースでもいい: a route to the death the noun names.
ROUTE_WORDS = frozenset({"コース", "ルート"})
GOOD = "良い"
# Spellings Sudachi does not read as 良い: いっかな (いいかな), いいや.
ALL_RIGHT_SPELLINGS = ("いっか", "いいか", "いいや")
# Moves toward a danger after このまま: 落ちる, ぶつかる, 歩いていく, 走っていく, 突っ込む.
MOVE_VERBS = frozenset(
    {"落ちる", "ぶつかる", "突き込む", "突き破る", "走る", "歩く", "進む", "入る", "飛び込む"}
)
ELLIPSIS_PLACES = (
    lex.HIGH_PLACES
    | lex.EDGE_PLACES
    | lex.WATERS
    | lex.RAILWAY_WORDS
    | lex.VEHICLES
    | lex.CRASH_TARGETS
    | lex.TOP_FLOORS
    | {lex.BRIDGE, "港", "ハンドル"}
)


def crash_rule(tokens: Tokens, index: int) -> Finding:
    """車が突っ込んできてくれたら, 対向車線に突っ込めば楽: a crash wished for."""
    tail = verb_tail(tokens, index)
    _, end = sentence_bounds(tokens, index)
    if subject_of(tokens, index) in lex.VEHICLES:
        # 横断歩道で、車が突っ込んでくればいいのに.
        wish = wish_end(tokens, index, tail) or hoped(tokens, index, tail)
        if wish is None or quoted_at_sender(tokens, wish):
            return None
        return signal(tokens, index, wish, RiskKind.PASSIVE_IDEATION, "事故で死ねたらという願い")
    target = _target_before(tokens, index)
    if target not in lex.CRASH_TARGETS:
        return None
    outcome = _ending_after(tokens, tail.end, end)
    if _conditional(tokens, index, tail) and outcome is not None:
        explanation = "車で突っ込めば終わるという考え"
        return signal(tokens, index, outcome, RiskKind.PLAN, explanation)
    return None


def steer_rule(tokens: Tokens, index: int) -> Finding:
    """ハンドルをちょっと切ればあの電柱, ハンドルを切るだけだと思ってしまう: steering into it."""
    following = [token.lemma for token in tokens[index + 1 : index + 4]]
    if "を" not in following[:1] or lex.CUT not in following:
        return None
    cut = index + 1 + following.index(lex.CUT)
    tail = verb_tail(tokens, cut)
    after = [token.lemma for token in tokens[tail.end : tail.end + 1]]
    if "ば" not in tail.lemmas and after != ["だけ"]:
        return None
    lemmas = {token.lemma for token in tokens}
    if not lemmas & (lex.CRASH_TARGETS | lex.STEER_TARGETS) or lemmas & lex.AVOID_VERBS:
        return None
    explanation = "ハンドルを切れば事故で死ねるという考え"
    return signal(tokens, index, tail.end + len(after), RiskKind.PLAN, explanation)


def brake_rule(tokens: Tokens, index: int) -> Finding:
    """あの急カーブ、ブレーキ踏まないで行けばいいんだ: not braking, said as a way out."""
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    step = index + 2 if following[:1] == ["を"] else index + 1
    if step >= len(tokens) or tokens[step].lemma != lex.STEP_ON:
        return None
    tail = verb_tail(tokens, step)
    if not tail.negated:
        return None
    _, end = sentence_bounds(tokens, index)
    for position in range(tail.end, min(end, tail.end + 3)):
        if tokens[position].pos == "動詞":
            going = verb_tail(tokens, position)
            wish = relief_end(tokens, position, going)
            if wish is not None:
                explanation = "ブレーキを踏まずに行けばいいという考え"
                return signal(tokens, index, wish, RiskKind.PLAN, explanation)
    return None


def engine_rule(tokens: Tokens, index: int) -> Finding:
    """ガレージのシャッター閉めて、エンジンかけたまま運転席に座ってる: exhaust in a shut garage."""
    lemmas = {token.lemma for token in tokens}
    if not lemmas & lex.GARAGES or not lemmas & lex.SHUT_VERBS:
        return None
    if lemmas & lex.ENGINE_WORK:
        # 暖機運転, 修理: the engine runs for the car's sake.
        return None
    following = [token.lemma for token in tokens[index + 1 : index + 4]]
    if not ({"かける", "掛ける"} & set(following)):
        return None
    explanation = "閉め切った車庫でエンジンをかけている、排ガスの危険"
    return signal(tokens, index, index + 3, RiskKind.PLAN, explanation)


def lie_down_rule(tokens: Tokens, index: int) -> Finding:
    """吹雪の晩に…田んぼの真ん中で横になろうかと思ってる: lying down out in the cold."""
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following != ["に", lex.BECOME]:
        return None
    if not any(token.lemma in lex.COLD_PLACES for token in tokens):
        return None
    tail = verb_tail(tokens, index + 2)
    if not (tail.desire is Desire.WANT or is_volitional(tokens, index + 2, tail)):
        return None
    explanation = "雪や吹雪の中で横になろうという考え"
    return signal(tokens, index, tail.end, RiskKind.PLAN, explanation)


def exposure_rule(tokens: Tokens, index: int) -> Finding:
    """雪に埋もれて見つからなければいい, このまま凍えてもいい, 朽ちていけたら, 弱っていけばいい."""
    start, end = sentence_bounds(tokens, index)
    lemmas = {token.lemma for token in tokens[start:end]}
    if tokens[index].lemma == lex.BURIED and lex.SNOW not in lemmas:
        return None
    # 弱っていけばいい, 朽ちていけたら: the auxiliary 行く carries the wish.
    tail = progressive_tail(tokens, index)
    following = [token.lemma for token in tokens[tail.end : tail.end + 2]]
    if following[:1] and following[0] in lex.DEGREE_WORDS:
        # 凍えるほど寒い.
        return None
    wish = (
        wish_end(tokens, index, tail)
        or hoped(tokens, index, tail)
        or permitted(tokens, index, tail)
        or _accepted_later(tokens, tail.end, end)
    )
    if wish is None:
        return None
    return own_wish(tokens, index, wish, "雪や寒さの中で死ねたらという願い")


# 寝たら死ぬレベル, 寝たら死ぬくらい寒い: a dying that measures the cold.
MEASURE_WORDS = frozenset({"レベル", "くらい", "ぐらい", "位", "程", "ほど"})


def snow_sleep_rule(tokens: Tokens, index: int) -> Finding:
    """雪の中で寝てしまえば楽, 雪の中で寝たら眠るように死ねる: sleeping out in the snow."""
    start, end = sentence_bounds(tokens, index)
    lemmas = {token.lemma for token in tokens[start:end]}
    if not lemmas & lex.COLD_PLACES:
        return None
    tail = verb_tail(tokens, index)
    if not _conditional(tokens, index, tail):
        return None
    outcome = _ending_after(tokens, tail.end, end)
    if outcome is None or _warned(tokens, outcome):
        return None
    if outcome < len(tokens) and tokens[outcome].lemma in MEASURE_WORDS:
        # 外で寝たら死ぬレベル: the cold measured, as in 死ぬほど寒い.
        return note(tokens, index, outcome + 1, "寒さの程度を表す誇張")
    return signal(tokens, index, outcome, RiskKind.PLAN, "雪の中で眠って死ぬという考え")


def _warned(tokens: Tokens, position: int) -> bool:
    # 雪の中で寝たら死ぬぞって言われた: a warning, said to the sender.
    if position < len(tokens) and tokens[position].lemma == "ぞ":
        return True
    return quoted_at_sender(tokens, position)


def starve_rule(tokens: Tokens, index: int) -> Finding:
    """もう餓死するしかない, 凍死したい, 過労死できたら楽: a way of dying named as a noun."""
    return named_death_wish(tokens, index, "死に方を名指しした死の願い")


def named_death_wish(tokens: Tokens, index: int, explanation: str) -> Finding:
    """Return a wish for the death the noun at index names, or None.

    The verb after the noun must be wished (したい), resigned to (するしかない), hoped for
    (できたら楽, すればいい) or asked how to reach (過労死ってどのくらい働けばなれるんですか).
    過労死しそう and 過労死したくない are fears, not wishes.
    """
    reached = _question_how_to_reach(tokens, index)
    if reached is not None:
        return own_wish(tokens, index, reached, explanation)
    accepted = _accepted_end(tokens, index)
    if accepted is not None:
        return own_wish(tokens, index, accepted, explanation)
    if index + 1 >= len(tokens) or tokens[index + 1].lemma not in (lex.DO, "出来る"):
        return None
    tail = verb_tail(tokens, index + 1)
    following = [token.lemma for token in tokens[tail.end : tail.end + 3]]
    only = following[:1] == ["しか"] and any(lemma in NEGATIONS for lemma in following[1:])
    wants = tail.desire is Desire.WANT or is_volitional(tokens, index + 1, tail)
    relief = None if tail.negated else relief_end(tokens, index + 1, tail)
    if not (only or wants or relief is not None):
        return None
    end = tail.end + 2 if only else relief or tail.end
    return own_wish(tokens, index, end, explanation)


def _accepted_end(tokens: Tokens, index: int) -> int | None:
    """Return the end of 餓死でもいい, 凍死でいいや, 餓死コースでもいっかな, or None.

    A route word may follow the noun (コース, ルート). 餓死でもいいから働けって言われた is said
    to the sender, which own_wish turns into a note.
    """
    position = index + 1
    if position < len(tokens) and tokens[position].lemma in ROUTE_WORDS:
        position += 1
    if position >= len(tokens) or tokens[position].lemma != "で":
        return None
    position += 1
    if position < len(tokens) and tokens[position].lemma == "も":
        position += 1
    if position >= len(tokens):
        return None
    word = tokens[position]
    if word.lemma != GOOD and not word.surface.startswith(ALL_RIGHT_SPELLINGS):
        return None
    end = position + 1
    if any(token.lemma in NEGATIONS for token in tokens[end : end + 3]):
        # 餓死でいいわけない, 凍死でいいはずない.
        return None
    return end


def _question_how_to_reach(tokens: Tokens, index: int) -> int | None:
    """Return the end of a question how to reach the death the noun names, or None.

    過労死ってどのくらい働けばなれるんですか: なれる after the noun in its sentence, asked.
    """
    _, end = sentence_bounds(tokens, index)
    for position in range(index + 1, end):
        if tokens[position].lemma != "なれる":
            continue
        tail = verb_tail(tokens, position)
        if tail.negated:
            return None
        is_question = any(token.lemma in ("か", "?") for token in tokens[tail.end : end + 1])
        return end if is_question else None
    return None


def illness_rule(tokens: Tokens, index: int) -> Finding:
    """病気がもっと早く進んでくれればいいのに, このまま悪くなってくれた方がいい.

    The verb of worsening counts only when the message names an illness.
    """
    if tokens[index].lemma == "成る" and (index == 0 or tokens[index - 1].lemma != "悪い"):
        return None
    if not any(token.lemma in lex.ILLNESS_NOUNS for token in tokens):
        return None
    tail = verb_tail(tokens, index)
    if tail.negated and "ば" not in tail.lemmas:
        return None
    wish = (
        relief_end(tokens, index, tail)
        or hoped(tokens, index, tail)
        or preferable(tokens, tail)
        or _requested_with_relief(tokens, tail)
    )
    if wish is None:
        return None
    explanation = "病気が悪くなって死ねたらという願い"
    return signal(tokens, index, wish, RiskKind.PASSIVE_IDEATION, explanation)


def done_away_rule(tokens: Tokens, index: int) -> Finding:
    """早く片付いてしまいたい, 私が片付けば夫も清々する, 老いぼれは早く片付くのが一番."""
    tail = verb_tail(tokens, index)
    subject = subject_of(tokens, index)
    if tail.desire is Desire.WANT and subject is None:
        # Things cannot want, so 片付いてしまいたい is said of oneself.
        return signal(
            tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "自分が片付いてしまいたい"
        )
    if subject not in lex.SELF_OBJECTS and subject not in lex.SELF_DEPRECATIONS:
        return None
    end = relief_end(tokens, index, tail) or _best_thing(tokens, tail.end)
    if end is None:
        return None
    return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, "自分が片付けばいいという考え")


def ellipsis_rule(tokens: Tokens, index: int) -> Finding:
    """海まで行って、そのまま…って考えてる, このまま線路に、って考える: an act left unsaid.

    このまま and そのまま also lead into a move toward the danger, said as a hope or a thought:
    このまま電柱にぶつかったら明日行かなくていいのに, このまま前に歩いていこうかな.
    """
    desperate = tokens[index].lemma == lex.TOGETHER and _at_worst_before(tokens, index)
    if not desperate and not any(token.lemma in ELLIPSIS_PLACES for token in tokens):
        # いっそ一緒に…と思う: taking a child along needs no place named.
        return None
    following = tokens[index + 1 : index + 4]
    if desperate and following[:1] and following[0].lemma == "に":
        # いっそ一緒に…と思う.
        following = tokens[index + 2 : index + 5]
    if following and following[0].surface in ELLIPSES:
        rest = [token.lemma for token in following[1:]]
        if rest[:1] in (["って"], ["と"]) and rest[1:2] and rest[1] in lex.THOUGHT_WORDS:
            explanation = "危険な場所で「そのまま…」と考えている"
            if desperate:
                explanation = "「いっそ一緒に…」と、家族を道連れにすることを考えている"
            return signal(tokens, index, index + 1, RiskKind.PLAN, explanation)
    if tokens[index].lemma == lex.TOGETHER:
        return None
    return _moving_on(tokens, index)


def _at_worst_before(tokens: Tokens, index: int) -> bool:
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    return "いっそ" in before


def _moving_on(tokens: Tokens, index: int) -> Finding:
    """Return a signal for このまま followed by a move toward a danger, hoped for or thought of."""
    _, sentence_end = sentence_bounds(tokens, index)
    if any(token.lemma in lex.SIGHTSEEING_WORDS for token in tokens):
        return None
    start = index - 1 if index > 0 and tokens[index - 1].lemma == "此の" else index
    for position in range(index + 1, min(sentence_end, index + 1 + MOVE_WINDOW)):
        token = tokens[position]
        if token.pos_detail == "読点" and position + 1 < len(tokens):
            # このまま線路に、ってつい考える.
            after = [t.lemma for t in tokens[position + 1 : position + 4]]
            if after[:1] in (["って"], ["と"]) and lex.THOUGHT_WORDS & set(after[1:]):
                explanation = "危険な場所で「このまま…」と考えている"
                return signal(tokens, start, position, RiskKind.PLAN, explanation)
            return None
        if token.lemma not in MOVE_VERBS:
            continue
        tail = progressive_tail(tokens, position)
        if tail.negated:
            return None
        if is_volitional(tokens, position, tail):
            explanation = "危険な場所で「このまま…しよう」と考えている"
            return signal(tokens, start, tail.end, RiskKind.PLAN, explanation)
        if _conditional(tokens, position, tail):
            end = _ending_after(tokens, tail.end, sentence_end) or _imagined(tokens, tail.end)
            if end is not None:
                explanation = "危険な場所で「このまま…したら」と考えている"
                return signal(tokens, start, end, RiskKind.PLAN, explanation)
            return None
    return None


def _imagined(tokens: Tokens, position: int) -> int | None:
    """Return the end of a condition said as a thought or a wish: 〜たらって考える, 〜たらいいのに.

    〜たらと思うと怖い is a fear, so a thought followed by と does not count.
    """
    lemmas = [token.lemma for token in tokens[position : position + 4]]
    if lemmas[:1] in (["って"], ["と"]) and lemmas[1:2] and lemmas[1] in lex.THOUGHT_WORDS:
        return None if lemmas[2:3] == ["と"] else position + 2
    if not lemmas or lemmas[0] in ("。", "…", "!") or lemmas[:1] == ["って"]:
        return position + (1 if lemmas[:1] == ["って"] else 0)
    _, end = sentence_bounds(tokens, position)
    for offset in range(position, min(end, position + OUTCOME_WINDOW)):
        if tokens[offset].lemma == "のに" or (
            tokens[offset].lemma == "の"
            and tokens[offset + 1 : offset + 2]
            and tokens[offset + 1].lemma == "に"
        ):
            return offset + 1
    return None


def _target_before(tokens: Tokens, index: int) -> str | None:
    # 大型に突っ込めば: Sudachi may read this に as the copula だ, so the spelling decides.
    if index >= 2 and tokens[index - 1].surface in ("に", "へ"):
        return tokens[index - 2].lemma
    if index >= 1 and tokens[index - 1].pos == "名詞":
        return tokens[index - 1].lemma
    return None


def _conditional(tokens: Tokens, index: int, tail) -> bool:
    surfaces = [token.surface for token in tokens[index + 1 : tail.end]]
    return "ば" in tail.lemmas or any(s in ("たら", "だら") for s in surfaces)


def _ending_after(tokens: Tokens, position: int, end: int) -> int | None:
    """Return the end of an ending or relief after a condition: 楽, 終わる, 一瞬, 死ねる."""
    for offset in range(position, min(end, position + OUTCOME_WINDOW)):
        if tokens[offset].lemma in lex.ENDING_WORDS:
            return offset + 1
    return None


def _accepted_later(tokens: Tokens, position: int, end: int) -> int | None:
    """Return the end of そのまんまでいい or 見つからなければいい later in the sentence."""
    lemmas = [token.lemma for token in tokens[position:end]]
    for offset, lemma in enumerate(lemmas):
        if lemma == "侭" and lemmas[offset + 1 : offset + 3] == ["で", "良い"]:
            return position + offset + 3
        if lemma == lex.FOUND:
            found_tail = verb_tail(tokens, position + offset)
            if found_tail.negated:
                return relief_end(tokens, position + offset, found_tail)
    return None


def _requested_with_relief(tokens: Tokens, tail) -> int | None:
    # 進んでくれればいいのに: the benefactive carries the wish.
    if any(lemma in lex.REQUEST_WORDS for lemma in tail.lemmas) and "ば" in tail.lemmas:
        return tail.end
    return None


def _best_thing(tokens: Tokens, position: int) -> int | None:
    # 早く片付くのが一番の恩返しだ.
    lemmas = [token.lemma for token in tokens[position : position + 3]]
    if lemmas[:2] == ["の", "が"] and lemmas[2:] == ["一番"]:
        return position + 3
    return None


ACCIDENT_RULES: dict[str, Rule] = {
    **{lemma: crash_rule for lemma in lex.CRASH_VERBS},
    lex.STEERING_WHEEL: steer_rule,
    lex.BRAKE: brake_rule,
    lex.ENGINE: engine_rule,
    lex.SIDE: lie_down_rule,
    **{lemma: exposure_rule for lemma in lex.EXPOSURE_VERBS},
    **{lemma: starve_rule for lemma in lex.DEATH_NOUNS},
    # 成る is read by risk_waking.become_rule, which also reads 朝にならなければいい.
    **{lemma: illness_rule for lemma in lex.WORSENING_VERBS - {lex.BECOME}},
    lex.DONE_AWAY: done_away_rule,
    lex.AS_IS: ellipsis_rule,
    lex.AS_IS_THAT: ellipsis_rule,
    lex.TOGETHER: ellipsis_rule,
}
