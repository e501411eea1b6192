"""Rules for means and plans (rope, charcoal, suicide notes) and for self-harm.

A means word alone is often harmless (キャンプ用のロープ, 七輪と練炭で焼き肉), so most rules
need an action in the same sentence (買った, ためてる, 全部飲んだ) and no everyday purpose.
MEANS_RULES also collects the medicine rule (risk_medicine.py) and the place rules
(risk_places.py).
"""

from collections.abc import Callable

from services.triage import risk_lexicon as lex
from services.triage.findings import (
    Finding,
    action_span,
    news_context,
    note,
    sentence_lemmas,
    signal,
)
from services.triage.morphology import Token
from services.triage.predicates import Desire, Tail, object_of, verb_tail
from services.triage.risk_medicine import medicine_rule
from services.triage.risk_places import PLACE_RULES
from services.triage.signals import RiskKind

Tokens = tuple[Token, ...]
BODY_HARM_WINDOW = 4
ACCIDENT_WORDS = frozenset(
    {"料理", "包丁", "うっかり", "間違える", "転ぶ", "事故", "手術", "怪我", "採血", "献血", "注射"}
)  # fmt: skip


def negated_act(tokens: Tokens, tail: Tail) -> bool:
    """Whether an act is denied; 傷つけないと落ち着かない (unless I hurt myself) is not."""
    if not tail.negated or "ば" in tail.lemmas:
        return False
    following = [token.lemma for token in tokens[tail.end : tail.end + 5]]
    if following[:2] in (["に", "は"], ["だ", "は"]) and "無い" in following[2:]:
        # 傷つけずにはいられない: "cannot help hurting myself", a double negation.
        return False
    return following[:1] != ["と"]


def means_noun_rule(tokens: Tokens, index: int) -> Finding:
    """首吊り, OD, オーバードーズ, 遺書, 樹海, 身辺整理, 過量服薬."""
    lemma = tokens[index].lemma
    following = tokens[index + 1].lemma if index + 1 < len(tokens) else None
    if lemma == "身辺" and following != "整理":
        return None
    if lemma == "過量" and following != "服薬":
        return None
    end = index + 2 if lemma in ("身辺", "過量") else index + 1
    if _not_this(tokens, end):
        return note(tokens, index, end + 2, "「〜じゃなくて」と打ち消されている")
    context = news_context(tokens, index)
    if context is not None:
        return note(tokens, index, end, f"「{context}」についての話題")
    return signal(tokens, index, end, RiskKind.PLAN, MEANS_EXPLANATIONS.get(lemma, "自殺の手段"))


def _not_this(tokens: Tokens, position: int) -> bool:
    # 遺書じゃなくて遺言書: the copula だ (じゃ, では) followed by a negation.
    following = tokens[position : position + 3]
    lemmas = [token.lemma for token in following]
    if lemmas[:1] == ["だ"] and lemmas[1:2] in (["無い"], ["は"]):
        return "無い" in lemmas[1:]
    return False


MEANS_EXPLANATIONS = {
    "首吊り": "首吊りへの言及",
    "オーバードーズ": "薬の過量服薬",
    "od": "薬の過量服薬、OD",
    "過量": "薬の過量服薬",
    "遺書": "遺書、自殺の準備",
    "樹海": "自殺の場所として知られる樹海への言及",
    "身辺": "身辺整理、自殺の準備のサイン",
}


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


def self_harm_noun_rule(tokens: Tokens, index: int) -> Finding:
    """リストカット, アームカット, 自傷; text.py spells out リスカ and アムカ."""
    end = index + 1
    if tokens[index].lemma in lex.CUT_SITES_SLANG:
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
    """腕を切る, 手首を切った, 自分を傷つける, 壁に頭を打ち付ける, 腕から血が出てる."""
    if index + 1 < len(tokens) and tokens[index + 1].lemma in ("で", "から"):
        return _bleeding(tokens, index)
    verbs = lex.HEAD_HARM_VERBS if tokens[index].lemma == lex.HEAD else lex.HARM_VERBS
    _, sentence_end, lemmas = sentence_lemmas(tokens, index)
    if lemmas & ACCIDENT_WORDS:
        return None
    window_end = min(sentence_end, index + 1 + BODY_HARM_WINDOW)
    if lemmas & lex.BURN_TOOLS:
        # たばこの火を腕に押しつけた: these verbs harm only with a hot or sharp tool.
        verbs = verbs | lex.TOOL_HARM_VERBS
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


def _bleeding(tokens: Tokens, index: int) -> Finding:
    """手首から血が出てる: blood from a place where people cut themselves, not an accident."""
    if tokens[index].lemma not in lex.CUTTING_SITES or tokens[index + 1].lemma != "から":
        return None
    following = [token.lemma for token in tokens[index + 2 : index + 4]]
    if following[:1] != [lex.BLOOD]:
        return None
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & ACCIDENT_WORDS:
        return None
    return signal(tokens, index, index + 3, RiskKind.SELF_HARM, "手首や腕からの出血、自傷の疑い")


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
    if object_of(tokens, index) is not None:
        # ナイフでりんごを切った: the object is something other than the body.
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
    **PLACE_RULES,
    **{lemma: self_harm_noun_rule for lemma in lex.SELF_HARM_NOUNS},
    **{lemma: self_harm_noun_rule for lemma in lex.CUT_SITES_SLANG},
    **{lemma: body_harm_rule for lemma in lex.BODY_PARTS},
    lex.HEAD: body_harm_rule,
    lex.CUT: cut_rule,
    **{lemma: wound_rule for lemma in lex.WOUND_NOUNS},
}
