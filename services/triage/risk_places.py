"""Rules for dangerous places: jumping, trains, high places and edges, and not coming back.

飛び降りたい, 電車に飛び込む, 屋上にいます, ホームの端に立ってる, 崖から落ちよう and
海に入ってもう戻らないつもり. Idioms (清水の舞台から飛び降りる), low places (階段から飛び降りた),
news and dreams are not risks.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import (
    Finding,
    Rule,
    Tokens,
    news_context,
    note,
    sentence_lemmas,
    signal,
)
from services.triage.morphology import is_sentence_end
from services.triage.predicates import Desire, Tail, conditional_relief, is_volitional, verb_tail
from services.triage.signals import RiskKind

SIMILE_WORDS = frozenset({"様", "よう", "ような", "ように"})


def jump_down_rule(tokens: Tokens, index: int) -> Finding:
    """飛び降りる, unless an idiom, a low place or a news story."""
    tail = verb_tail(tokens, index)
    if tail.desire is Desire.NOT_WANT or tail.negated:
        return None
    _, _, lemmas = sentence_lemmas(tokens, index)
    if "清水" in lemmas:
        return note(tokens, index, tail.end, "慣用句「清水の舞台から飛び降りる」")
    if _simile(tokens, tail.end):
        return note(tokens, index, tail.end, "「飛び降りるような」決心のたとえ")
    low_places = lemmas & lex.LOW_PLACES
    if low_places:
        return note(tokens, index, tail.end, "低い所から飛び降りたけがの話")
    context = news_context(tokens, index)
    if context is not None:
        return note(tokens, index, tail.end, f"「{context}」についての話題")
    return signal(tokens, index, tail.end, RiskKind.PLAN, "飛び降りることへの言及")


def _simile(tokens: Tokens, end: int) -> bool:
    # 崖から飛び降りるような気持ちで独立した: the jump measures a bold decision.
    following = [token.lemma for token in tokens[end : end + 2]]
    return bool(following) and (following[0] in SIMILE_WORDS or following[:2] == ["気持ち", "で"])


def railway_rule(tokens: Tokens, index: int) -> Finding:
    """電車に飛び込む, ホームで吸い込まれそう; 飛び込み営業 and プールに飛び込む are not.

    The train may be named in the sentence before: 電車来るの待ってる。飛び込むかも.
    """
    tail = verb_tail(tokens, index)
    if tail.negated or tail.desire is Desire.NOT_WANT:
        return None
    start, _, lemmas = sentence_lemmas(tokens, index)
    if start > 0:
        lemmas |= sentence_lemmas(tokens, start - 1)[2]
    if not lemmas & lex.RAILWAY_WORDS:
        return None
    return signal(tokens, index, tail.end, RiskKind.PLAN, "電車や線路への飛び込み")


def high_place_rule(tokens: Tokens, index: int) -> Finding:
    """Being at a high or dangerous place now: 屋上にいます, 線路の前から動けない, 下を見てる.

    Everyday places count only at their edge: ホームの端に立ってる, ビルの縁にいる.
    """
    position = index + 1
    following = [token.lemma for token in tokens[position : position + 2]]
    on_edge = following[:1] == ["の"] and following[1:] and following[1] in lex.EDGE_NOUNS
    if on_edge or (following == ["の", "上"] and tokens[index].lemma not in lex.EDGE_PLACES):
        position += 2
    elif tokens[index].lemma in lex.EDGE_PLACES and following[:1] == ["から"]:
        # ベランダから下を見てしまう: only looking down from it counts.
        return _looking_down(tokens, index)
    elif tokens[index].lemma == lex.BRIDGE or tokens[index].lemma in lex.EDGE_PLACES:
        # 橋にいる and ホームにいる are only where someone is; 橋の上にいる is the warning.
        return None
    _, sentence_end, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.BENIGN_PURPOSES:
        return None
    seen_down = False
    for place in range(position, sentence_end):
        lemma = tokens[place].lemma
        seen_down = seen_down or lemma == lex.DOWN
        # 屋上に行く counts only with the place as the destination, not 屋上でビアガーデンに行く.
        goes_there = (
            lemma == lex.GO and place == position + 1 and tokens[position].lemma in ("に", "へ")
        )
        present = lemma in lex.PRESENCE_VERBS or goes_there
        if not present and not (seen_down and lemma == lex.LOOK):
            continue
        tail = verb_tail(tokens, place)
        if _present_at_place(tokens, lemma, tail):
            explanation = (
                "危険な場所へ向かうという予告" if lemma == lex.GO else "危険な場所に今いる"
            )
            return signal(tokens, index, tail.end, RiskKind.PLAN, explanation)
    return None


def _looking_down(tokens: Tokens, index: int) -> Finding:
    _, sentence_end, _ = sentence_lemmas(tokens, index)
    lemmas = [token.lemma for token in tokens[index + 2 : sentence_end]]
    if lemmas[:1] != [lex.DOWN] or lex.LOOK not in lemmas[1:4]:
        return None
    look = index + 2 + lemmas.index(lex.LOOK)
    tail = verb_tail(tokens, look)
    if tail.negated:
        return None
    return signal(tokens, index, tail.end, RiskKind.PLAN, "高い所から下を見ている")


def _present_at_place(tokens: Tokens, lemma: str, tail: Tail) -> bool:
    if lemma == lex.BE:
        return "た" not in tail.lemmas and not tail.negated
    if lemma == "動く":
        # 動けない: standing there unable to move away.
        return tail.negated
    if lemma == lex.GO:
        # 「屋上に行く」と言った: going there, said as the last word of a sentence or quote.
        # 屋上に行ってお昼を食べた and 屋上に行くのが好き are not warnings.
        if tail.lemmas not in ((), ("ます",)):
            return False
        next_token = tokens[tail.end] if tail.end < len(tokens) else None
        return (
            next_token is None
            or is_sentence_end(next_token)
            or (next_token.lemma in lex.QUOTE_MARKERS or next_token.lemma in lex.DEATH_PLAN_NOUNS)
        )
    return not tail.negated


def climb_over_rule(tokens: Tokens, index: int) -> Finding:
    """屋上のフェンスを越えた, 橋の欄干を乗り越えたい: climbing a barrier at a high place."""
    before = [token.lemma for token in tokens[max(0, index - 2) : index]]
    if not before or before[-1] != "を" or len(before) < 2 or before[0] not in lex.BARRIERS:
        return None
    tail = verb_tail(tokens, index)
    if tail.negated or tail.desire is Desire.NOT_WANT:
        return None
    _, _, lemmas = sentence_lemmas(tokens, index)
    places = lex.HIGH_PLACES | lex.EDGE_PLACES | {lex.BRIDGE}
    if not lemmas & places and before[0] not in lex.HIGH_PLACES:
        return None
    return signal(tokens, index - 2, tail.end, RiskKind.PLAN, "高い所の柵を越える、飛び降りの危険")


def fall_rule(tokens: Tokens, index: int) -> Finding:
    """崖から落ちよう, ビルから飛びたい: falling or jumping from a high place, as a wish."""
    source = _source_before(tokens, index)
    if source is None:
        return None
    tail = verb_tail(tokens, index)
    if tail.negated or tail.desire is Desire.NOT_WANT:
        return None
    wants = tail.desire is Desire.WANT or is_volitional(tokens, index, tail)
    if not wants and not conditional_relief(tokens, index, tail):
        return None
    start = index - 2
    return signal(tokens, start, tail.end, RiskKind.PLAN, "高い所から落ちたい、飛びたいという願い")


def _source_before(tokens: Tokens, index: int) -> str | None:
    # 崖から, 屋上から: the place must be marked with から right before the verb.
    for position in range(index - 1, max(0, index - 3), -1):
        if tokens[position].lemma == "から":
            place = tokens[position - 1].lemma
            if place in lex.HIGH_PLACES or place in lex.EDGE_PLACES or place == lex.BRIDGE:
                return place
            return None
    return None


def no_return_rule(tokens: Tokens, index: int) -> Finding:
    """海に入って、もう戻らないつもり: not coming back from water, a mountain or a cliff."""
    tail = verb_tail(tokens, index)
    if not tail.negated or tail.desire is not Desire.NONE:
        return None
    following = [token.lemma for token in tokens[tail.end : tail.end + 1]]
    before = "".join(token.surface for token in tokens[max(0, index - 5) : index])
    intends = bool(following) and following[0] in lex.INTENT_NOUNS
    if not intends and lex.NEVER_AGAIN not in before:
        return None
    if not any(token.lemma in lex.NO_RETURN_PLACES for token in tokens):
        return None
    end = tail.end + 1 if intends else tail.end
    return signal(tokens, index, end, RiskKind.PLAN, "危険な場所から戻らないつもり")


PLACE_RULES: dict[str, Rule] = {
    lex.JUMP_DOWN: jump_down_rule,
    lex.JUMP_IN: railway_rule,
    lex.SUCKED_IN: railway_rule,
    **{lemma: high_place_rule for lemma in lex.HIGH_PLACES | lex.EDGE_PLACES},
    lex.BRIDGE: high_place_rule,
    **{lemma: fall_rule for lemma in lex.FALL_VERBS},
    **{lemma: climb_over_rule for lemma in lex.CLIMB_OVER},
    **{lemma: no_return_rule for lemma in lex.RETURN_VERBS},
}
