"""Rules for means and plans (pills, rope, charcoal, jumping) and for self-harm.

A means word alone is often harmless (キャンプ用のロープ, 七輪と練炭で焼き肉), so most rules
need an action in the same sentence (買った, ためてる, 全部飲んだ) and no everyday purpose.
"""

from collections.abc import Callable

from services.triage import risk_lexicon as lex
from services.triage.morphology import Token, sentence_bounds
from services.triage.predicates import Desire, Tail, object_of, verb_tail
from services.triage.risk_verbs import Finding, news_context, note, signal
from services.triage.signals import RiskKind

Tokens = tuple[Token, ...]
BODY_HARM_WINDOW = 4
ACCIDENT_WORDS = frozenset(
    {"料理", "包丁", "うっかり", "間違える", "転ぶ", "事故", "手術", "怪我", "採血", "献血", "注射"}
)  # fmt: skip


def sentence_lemmas(tokens: Tokens, index: int) -> tuple[int, int, set[str]]:
    start, end = sentence_bounds(tokens, index)
    return start, end, {token.lemma for token in tokens[start:end]}


def negated_act(tokens: Tokens, tail: Tail) -> bool:
    """Whether an act is denied; 傷つけないと落ち着かない (unless I hurt myself) is not."""
    if not tail.negated or "ば" in tail.lemmas:
        return False
    return not (tail.end < len(tokens) and tokens[tail.end].lemma == "と")


def means_noun_rule(tokens: Tokens, index: int) -> Finding:
    """首吊り, OD, オーバードーズ, 遺書, 樹海, 身辺整理, 過量服薬."""
    lemma = tokens[index].lemma
    following = tokens[index + 1].lemma if index + 1 < len(tokens) else None
    if lemma == "身辺" and following != "整理":
        return None
    if lemma == "過量" and following != "服薬":
        return None
    end = index + 2 if lemma in ("身辺", "過量") else index + 1
    context = news_context(tokens, index)
    if context is not None:
        return note(tokens, index, end, f"「{context}」についての話題")
    return signal(tokens, index, end, RiskKind.PLAN, MEANS_EXPLANATIONS.get(lemma, "自殺の手段"))


MEANS_EXPLANATIONS = {
    "首吊り": "首吊りへの言及",
    "オーバードーズ": "薬の過量服薬",
    "od": "薬の過量服薬、OD",
    "過量": "薬の過量服薬",
    "遺書": "遺書、自殺の準備",
    "樹海": "自殺の場所として知られる樹海への言及",
    "身辺": "身辺整理、自殺の準備のサイン",
}


def action_span(tokens: Tokens, index: int, actions: frozenset[str]) -> tuple[int, int]:
    """Return the token range from the means word at index to the action word in its sentence.

    The reason then quotes 「睡眠薬をためてます」 rather than the whole sentence.
    """
    start, end, _ = sentence_lemmas(tokens, index)
    positions = [p for p in range(start, end) if tokens[p].lemma in actions]
    if not positions:
        return index, index + 1
    nearest = min(positions, key=lambda position: abs(position - index))
    if nearest < index:
        return nearest, index + 1
    return index, verb_tail(tokens, nearest).end


def medicine_rule(tokens: Tokens, index: int) -> Finding:
    """薬をためている (hoarding) or 薬を全部飲んだ (overdose)."""
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.HOARD_VERBS:
        start, end = action_span(tokens, index, lex.HOARD_VERBS)
        return signal(tokens, start, end, RiskKind.PLAN, "薬をためている、過量服薬の準備")
    amounts = lemmas & lex.OVERDOSE_AMOUNTS
    if lex.SWALLOW in lemmas and amounts and not amounts <= lex.WEAK_AMOUNTS:
        start, end = action_span(tokens, index, frozenset({lex.SWALLOW}))
        return signal(tokens, start, end, RiskKind.PLAN, "薬を一度に大量に飲む、過量服薬")
    return None


def rope_or_charcoal_rule(tokens: Tokens, index: int) -> Finding:
    """ロープ or 練炭 with an act of getting them ready, unless used for camping or cooking."""
    _, _, lemmas = sentence_lemmas(tokens, index)
    is_rope = tokens[index].lemma in lex.ROPE_NOUNS
    actions = lex.ROPE_ACTIONS if is_rope else lex.CHARCOAL_ACTIONS
    if lemmas & lex.BENIGN_PURPOSES:
        return note(tokens, index, index + 1, "キャンプや料理など日常の用途")
    if not lemmas & actions:
        return None
    explanation = "ロープの準備、首吊りの手段" if is_rope else "練炭の準備、自殺の手段"
    start, end = action_span(tokens, index, actions)
    return signal(tokens, start, end, RiskKind.PLAN, explanation)


def neck_rule(tokens: Tokens, index: int) -> Finding:
    """首を吊る, 首をくくる; 首になった (fired) and 首が痛い are not risks."""
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following[:1] == ["を"]:
        following = following[1:]
    if following[:1] and following[0] in lex.HANG_VERBS:
        return signal(tokens, index, index + 3, RiskKind.PLAN, "首を吊ること")
    return None


def jump_down_rule(tokens: Tokens, index: int) -> Finding:
    """飛び降りる, unless an idiom, a low place or a news story."""
    tail = verb_tail(tokens, index)
    if tail.desire is Desire.NOT_WANT or tail.negated:
        return None
    _, _, lemmas = sentence_lemmas(tokens, index)
    if "清水" in lemmas:
        return note(tokens, index, tail.end, "慣用句「清水の舞台から飛び降りる」")
    low_places = lemmas & lex.LOW_PLACES
    if low_places:
        return note(tokens, index, tail.end, "低い所から飛び降りたけがの話")
    context = news_context(tokens, index)
    if context is not None:
        return note(tokens, index, tail.end, f"「{context}」についての話題")
    return signal(tokens, index, tail.end, RiskKind.PLAN, "飛び降りることへの言及")


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
    """Being at a high or dangerous place now: 屋上にいます, 線路の前から動けない, 下を見てる."""
    position = index + 1
    if [token.lemma for token in tokens[position : position + 2]] in (["の", "上"], ["の", "縁"]):
        position += 2
    elif tokens[index].lemma == lex.BRIDGE:
        # 橋にいる is only where someone is; 橋の上にいる is the warning.
        return None
    _, sentence_end, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.BENIGN_PURPOSES:
        return None
    seen_down = False
    for place in range(position, sentence_end):
        lemma = tokens[place].lemma
        seen_down = seen_down or lemma == lex.DOWN
        if lemma not in lex.PRESENCE_VERBS and not (seen_down and lemma == lex.LOOK):
            continue
        tail = verb_tail(tokens, place)
        if _present_at_place(lemma, tail):
            return signal(tokens, index, tail.end, RiskKind.PLAN, "危険な場所に今いる")
    return None


def _present_at_place(lemma: str, tail: Tail) -> bool:
    if lemma == lex.BE:
        return "た" not in tail.lemmas and not tail.negated
    if lemma == "動く":
        # 動けない: standing there unable to move away.
        return tail.negated
    return not tail.negated


def self_harm_noun_rule(tokens: Tokens, index: int) -> Finding:
    """リスカ, リストカット, アムカ, 自傷."""
    end = index + 1
    if tokens[index].lemma == "リスト":
        if end >= len(tokens) or tokens[end].lemma != "カット":
            return None
        end += 1
    context = news_context(tokens, index)
    if context is not None:
        return note(tokens, index, end, f"「{context}」についての話題")
    if end < len(tokens) and tokens[end].lemma == lex.DO:
        tail = verb_tail(tokens, end)
        if tail.negated:
            return note(tokens, index, tail.end, "否定形")
    return signal(tokens, index, end, RiskKind.SELF_HARM, "リストカットなどの自傷行為")


def body_harm_rule(tokens: Tokens, index: int) -> Finding:
    """腕を切る, 手首を切った, 自分を傷つける, 壁に頭を打ち付ける."""
    if index + 1 < len(tokens) and tokens[index + 1].lemma in ("で", "から"):
        return None
    verbs = lex.HEAD_HARM_VERBS if tokens[index].lemma == lex.HEAD else lex.HARM_VERBS
    _, sentence_end, lemmas = sentence_lemmas(tokens, index)
    if lemmas & ACCIDENT_WORDS:
        return None
    window_end = min(sentence_end, index + 1 + BODY_HARM_WINDOW)
    for position in range(index + 1, window_end):
        lemma = tokens[position].lemma
        if lemma in lex.EVERYDAY_CUTS:
            return None
        if lemma in verbs:
            tail = verb_tail(tokens, position)
            if negated_act(tokens, tail):
                return None
            return signal(tokens, index, tail.end, RiskKind.SELF_HARM, "体を切る・傷つける自傷行為")
    if lemmas & lex.BLADES and tokens[index].lemma in lex.CUTTING_SITES:
        # カミソリで手首を…: a blade and a wrist in one sentence, even with the verb left out.
        return signal(tokens, index, index + 1, RiskKind.SELF_HARM, "刃物と手首や腕への言及")
    return None


def cut_rule(tokens: Tokens, index: int) -> Finding:
    """切っちゃった🔪🩸 or また切りたくなった: 切る with no object, near a blade or as an urge.

    Everyday objects (髪, 爪, 野菜, 縁) and accidents (料理中に) rule it out.
    """
    tail = verb_tail(tokens, index)
    if negated_act(tokens, tail):
        return None
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.EVERYDAY_CUTS or lemmas & ACCIDENT_WORDS or lemmas & lex.BODY_PARTS:
        return None
    if lemmas & lex.BLADES_AND_WOUNDS:
        return signal(tokens, index, tail.end, RiskKind.SELF_HARM, "刃物で切る行為")
    wants = tail.desire is Desire.WANT or lex.IMPULSE in lemmas
    if wants and object_of(tokens, index, topic_markers=True) is None:
        return signal(tokens, index, tail.end, RiskKind.SELF_HARM, "切りたいという衝動")
    return None


def wound_rule(tokens: Tokens, index: int) -> Finding:
    """手首に傷, 腕に切り傷がたくさん: wounds where people cut themselves."""
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & ACCIDENT_WORDS or lemmas & lex.EVERYDAY_CUTS:
        return None
    on_wrist = lex.WRIST in lemmas
    cut_on_body = tokens[index].lemma == "切り傷" and bool(lemmas & lex.BODY_PARTS)
    if not (on_wrist or cut_on_body):
        return None
    return signal(tokens, index, index + 1, RiskKind.SELF_HARM, "手首や腕の傷、自傷の跡")


MEANS_RULES: dict[str, Callable[[Tokens, int], Finding]] = {
    **{lemma: means_noun_rule for lemma in lex.MEANS_NOUNS},
    **{lemma: medicine_rule for lemma in lex.MEDICINE_NOUNS},
    **{lemma: rope_or_charcoal_rule for lemma in lex.ROPE_NOUNS},
    lex.CHARCOAL: rope_or_charcoal_rule,
    lex.NECK: neck_rule,
    lex.JUMP_DOWN: jump_down_rule,
    lex.JUMP_IN: railway_rule,
    lex.SUCKED_IN: railway_rule,
    **{lemma: high_place_rule for lemma in lex.HIGH_PLACES},
    lex.BRIDGE: high_place_rule,
    **{lemma: self_harm_noun_rule for lemma in lex.SELF_HARM_NOUNS},
    "リスト": self_harm_noun_rule,
    **{lemma: body_harm_rule for lemma in lex.BODY_PARTS},
    lex.HEAD: body_harm_rule,
    lex.CUT: cut_rule,
    **{lemma: wound_rule for lemma in lex.WOUND_NOUNS},
}
