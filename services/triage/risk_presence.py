"""Rules for being at a dangerous place now, written without a verb of being there.

屋上🏢なう。風つよい, 橋の上。川の流れ早い, 橋の上から川見てる, 電車が入ってくるたびに足が前に出そう
になる, 次の快速来たら, 踏切の前で止まったまま動けない, 展望台の柵の外側に座ってた, 靴はそろえて
置きました, 屋上の鍵が開いてるのを知ってる and 川に入ってしまおうか. risk_places.py reads the
plainer forms (屋上にいます, 飛び降りたい). Each of these places is everyday (屋上でお昼, 橋の上は
渋滞, ホームで待つ), so every rule needs a sign of height, water or a step toward the danger.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Rule, Tokens, sentence_lemmas, signal
from services.triage.morphology import Token, is_sentence_end, sentence_bounds
from services.triage.predicates import Desire, is_volitional, relief_end, verb_tail
from services.triage.signals import RiskKind

# 今, いま and なう (net slang for "now") mark a place named alone as where the sender is.
NOW_SURFACES = frozenset({"今", "いま", "なう"})
WATCH_WINDOW = 6
STEP_WINDOW = 5
NEXT_SENTENCES = 1


def named_presence(tokens: Tokens, index: int) -> Finding:
    """屋上🏢なう。風つよい, 今学校の屋上。フェンス越えられそう, 橋の上。川の流れ早い.

    A place named as a sentence of its own counts when a sign of height or water is in the
    message; 今、屋上。ビアガーデン最高 has none.
    """
    end = _place_end(tokens, index)
    if end is None:
        return None
    start, sentence_end = sentence_bounds(tokens, index)
    rest = [token for token in tokens[end:sentence_end] if not _closing(token)]
    if rest:
        return None
    if any(token.lemma in lex.BENIGN_PURPOSES | lex.SIGHTSEEING_WORDS for token in tokens):
        return None
    if not any(token.lemma in lex.HEIGHT_SIGNS for token in tokens):
        return None
    return signal(tokens, start, end, RiskKind.PLAN, "危険な場所に今いる")


def watching(tokens: Tokens, index: int) -> Finding:
    """橋の上から川見てる, 今日もあの橋に行ってきた。下の川をずっと見てた."""
    end = _following_sentences_end(tokens, index)
    seen: Token | None = None
    for position in range(index + 1, end):
        token = tokens[position]
        if token.lemma in lex.DEPTHS:
            seen = token
        elif token.lemma == lex.LOOK and seen is not None:
            tail = verb_tail(tokens, position)
            if tail.negated or tail.desire is not Desire.NONE:
                return None
            return signal(tokens, index, tail.end, RiskKind.PLAN, "高い所から下や水面を見ている")
    return None


def step_rule(tokens: Tokens, index: int) -> Finding:
    """足が勝手に前に出そうになる, 一歩前に出たら楽, あと一歩が出なかった: near a train."""
    if not any(token.lemma in lex.RAILWAY_WORDS | lex.TRAIN_WORDS for token in tokens):
        return None
    _, sentence_end, _ = sentence_lemmas(tokens, index)
    for position in range(index + 1, min(sentence_end, index + 1 + STEP_WINDOW)):
        lemma = tokens[position].lemma
        if lemma in lex.STEP_VERBS:
            tail = verb_tail(tokens, position)
            if lemma == "動く" and tail.negated:
                # 足が動かない is being unable to move, read by the place rules.
                return None
            explanation = "電車の前に踏み出しそうになる"
            return signal(tokens, index, tail.end, RiskKind.PLAN, explanation)
    return None


def train_coming(tokens: Tokens, index: int) -> Finding:
    """次の快速来たら, 次の電車が来たら、って考えてる: a train awaited, left unsaid."""
    for position in range(index + 1, min(len(tokens), index + 3)):
        if tokens[position].lemma == lex.COME:
            tail = verb_tail(tokens, position)
            surfaces = [token.surface for token in tokens[position + 1 : tail.end]]
            if not surfaces or surfaces[-1] not in ("たら", "だら"):
                return None
            after = tokens[tail.end : tail.end + 3]
            ends = not after or is_sentence_end(after[0]) or after[0].pos_detail == "読点"
            thought = bool(after) and after[0].lemma in ("って", "と")
            if ends or thought:
                return signal(tokens, index, tail.end, RiskKind.PLAN, "電車が来たらという予告")
            return None
    return None


def crossing_rule(tokens: Tokens, index: int) -> Finding:
    """踏切の前で止まったまま動けない, 踏切のところでしゃがみこんでる, 踏切のそばにいます."""
    _, sentence_end, _ = sentence_lemmas(tokens, index)
    for position in range(index + 1, sentence_end):
        lemma = tokens[position].lemma
        tail = verb_tail(tokens, position)
        stuck = lemma == "動く" and tail.negated
        if stuck or (lemma in lex.CROUCH_VERBS and not tail.negated):
            return signal(tokens, index, tail.end, RiskKind.PLAN, "踏切から動けない")
        if lemma == lex.BE and not tail.negated and _held_back(tokens, index):
            return signal(tokens, index, tail.end, RiskKind.PLAN, "踏切のそばから帰れない")
    return None


def outside_rule(tokens: Tokens, index: int) -> Finding:
    """屋上のフェンスの外側に座ってる, 展望台の柵の外側…さっきまでそこに座ってた."""
    if index < 2 or tokens[index - 1].lemma != "の" or tokens[index - 2].lemma not in lex.BARRIERS:
        return None
    end = _following_sentences_end(tokens, index)
    for position in range(index + 1, end):
        lemma = tokens[position].lemma
        if lemma in lex.PRESENCE_VERBS or lemma in lex.SIT_VERBS:
            tail = verb_tail(tokens, position)
            if not tail.negated:
                explanation = "柵の外側にいる、飛び降りの危険"
                return signal(tokens, index - 2, tail.end, RiskKind.PLAN, explanation)
    return None


def shoes_rule(tokens: Tokens, index: int) -> Finding:
    """靴はそろえて置きました at the sea or a height: the shoes left behind before a jump."""
    _, sentence_end, _ = sentence_lemmas(tokens, index)
    lemmas = {token.lemma for token in tokens[index:sentence_end]}
    if lex.ARRANGE not in lemmas:
        return None
    places = lex.NO_RETURN_PLACES | lex.HIGH_PLACES | lex.SHORE_PLACES
    if not any(token.lemma in places for token in tokens):
        return None
    return signal(tokens, index, sentence_end, RiskKind.PLAN, "靴をそろえて置いた、飛び込みの準備")


def key_rule(tokens: Tokens, index: int) -> Finding:
    """屋上の鍵が開いてるのを知ってる: knowing the way to a rooftop."""
    start, sentence_end, lemmas = sentence_lemmas(tokens, index)
    if not lemmas & lex.ROOFTOPS or lex.KNOW not in lemmas:
        return None
    if lemmas & lex.REPORT_WORDS:
        # 屋上の鍵が開いてたので管理人に報告した.
        return None
    opened = lex.OPEN_UP in lemmas or (lex.LOCK in lemmas and "無い" in lemmas)
    if not opened:
        return None
    return signal(
        tokens, start, sentence_end, RiskKind.PLAN, "屋上の鍵が開いていることを知っている"
    )


def water_rule(tokens: Tokens, index: int) -> Finding:
    """川さ入ってしまうべか, 二人で川に入ればいいのかな: walking into water."""
    if index < 2 or tokens[index - 1].lemma not in ("に", "へ"):
        return None
    if tokens[index - 2].lemma not in lex.WATERS:
        return None
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.LEISURE_WATER:
        return None
    tail = verb_tail(tokens, index)
    if tail.negated:
        return None
    gives_in = "仕舞う" in tail.lemmas
    together = bool(lemmas & lex.TOGETHER_WORDS)
    wished = (
        tail.desire is Desire.WANT
        or is_volitional(tokens, index, tail)
        or relief_end(tokens, index, tail) is not None
    )
    question = tail.end < len(tokens) and tokens[tail.end].lemma in ("か", "かな")
    if not ((gives_in and (wished or question)) or (together and wished)):
        return None
    return signal(tokens, index - 2, tail.end, RiskKind.PLAN, "川や海に入るという考え")


def _place_end(tokens: Tokens, index: int) -> int | None:
    """Return the end of a place phrase at index: 屋上, 橋の上, 非常階段のいちばん上."""
    lemma = tokens[index].lemma
    following = [token.lemma for token in tokens[index + 1 : index + 4]]
    if following[:2] == ["の", "上"]:
        return index + 3
    if following[:3] == ["の", "一番", "上"]:
        return index + 4
    if lemma in lex.EDGE_PLACES or lemma == lex.BRIDGE:
        return None
    return index + 1


def _closing(token: Token) -> bool:
    # Words that may close a place named alone: なう, です, だ, emoji and brackets.
    return (
        token.surface in NOW_SURFACES
        or token.lemma in ("です", "だ", "ビル")
        or token.pos in ("補助記号", "助詞")
    )


def _following_sentences_end(tokens: Tokens, index: int) -> int:
    _, end = sentence_bounds(tokens, index)
    for _ in range(NEXT_SENTENCES):
        if end + 1 >= len(tokens):
            break
        _, end = sentence_bounds(tokens, end + 1)
    return end


def _held_back(tokens: Tokens, index: int) -> bool:
    # 家に帰れずに踏切のそばにいます: unable to go home, at a crossing.
    start, _ = sentence_bounds(tokens, index)
    return any(token.lemma in lex.RETURN_VERBS for token in tokens[start:index])


PRESENCE_RULES: dict[str, Rule] = {
    **{lemma: step_rule for lemma in lex.STEP_NOUNS},
    **{lemma: train_coming for lemma in lex.TRAIN_WORDS},
    lex.CROSSING: crossing_rule,
    **{lemma: outside_rule for lemma in lex.OUTSIDE_NOUNS},
    lex.SHOES: shoes_rule,
    lex.LOCK: key_rule,
    lex.ENTER: water_rule,
}
