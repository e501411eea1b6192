"""Medicine as a means: hoarding pills and taking many at once.

Taking medicine is everyday (処方された睡眠薬を毎晩1錠飲んでいます), so the rules read the amount:
a word for "all" or "a lot" (全部, 大量, いっぱい), a count of pills (30錠, 何十錠), a pack (1箱),
or days of supply taken together (一か月分まとめて飲んだ). Routine words (毎晩, 1日) keep a
supply from counting as an overdose.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Tokens, action_span, sentence_lemmas, signal
from services.triage.morphology import Token, sentence_bounds
from services.triage.predicates import NEGATIONS, Desire, is_volitional, verb_tail
from services.triage.signals import RiskKind

# A count at or above these is more than any single dose.
MANY_PILLS = 10
MANY_DAYS = 3
# Counts without a number: 何十錠, 数十錠.
VAGUE_COUNTS = {"何十": 30, "数十": 30, "何百": 300, "数百": 300}
PILL_COUNTERS = frozenset({"錠", "粒", "カプセル"})
PACK_COUNTERS = frozenset({"箱", "シート", "瓶"})
DAYS_PER_UNIT = {"日": 1, "週間": 7, "箇月": 30, "月": 30}
SUPPLY_SUFFIX = "分"
ROUTINE_WORDS = frozenset({"毎日", "毎晩", "毎朝", "朝晩", "食後", "寝る前", "ずつ", "毎食"})
OVERDOSE = "薬を一度に大量に飲む、過量服薬"


def medicine_rule(tokens: Tokens, index: int) -> Finding:
    """薬をためている (hoarding) or 薬を全部飲んだ, 30錠飲んだ (overdose)."""
    start, end, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.HOARD_VERBS or _kept_unswallowed(tokens, start, end, lemmas):
        actions = lex.HOARD_VERBS | lex.SAVE_VERBS
        first, last = action_span(tokens, index, actions)
        return signal(tokens, first, last, RiskKind.PLAN, "薬をためている、過量服薬の準備")
    amounts = lemmas & lex.OVERDOSE_AMOUNTS
    strong = bool(amounts) and not amounts <= lex.WEAK_AMOUNTS
    pills, days = _quantities(tokens[start:end])
    routine = bool(lemmas & ROUTINE_WORDS)
    if lex.SWALLOW in lemmas:
        planned = bool(amounts) and _swallow_intended(tokens, start, end)
        if strong or planned or pills >= MANY_PILLS or (days >= MANY_DAYS and not routine):
            first, last = action_span(tokens, index, frozenset({lex.SWALLOW}))
            return signal(tokens, first, last, RiskKind.PLAN, OVERDOSE)
        return None
    if pills >= MANY_PILLS and _swallowed_next(tokens, end):
        # 100錠買った。今夜飲む: the pills are got in one sentence and taken in the next.
        return signal(tokens, index, end, RiskKind.PLAN, OVERDOSE)
    if strong and not any(token.pos == "動詞" for token in tokens[start:end]):
        # 大量の薬 ぜんぶ (from 💊💊💊💊 ぜんぶ): a bare amount with no verb at all.
        return signal(tokens, start, end, RiskKind.PLAN, OVERDOSE)
    return None


def _swallow_intended(tokens: Tokens, start: int, end: int) -> bool:
    """Return whether 飲む is wished or intended: まとめて飲もう, まとめて飲みたい."""
    for position in range(start, end):
        if tokens[position].lemma == lex.SWALLOW:
            tail = verb_tail(tokens, position)
            if tail.desire is Desire.WANT or is_volitional(tokens, position, tail):
                return True
    return False


def _kept_unswallowed(tokens: Tokens, start: int, end: int, lemmas: set[str]) -> bool:
    """Return whether pills are kept instead of taken: 飲まずに残してる, 飲まないで取ってある."""
    if not lemmas & lex.SAVE_VERBS:
        return False
    for position in range(start, end - 1):
        if tokens[position].lemma == lex.SWALLOW and tokens[position + 1].lemma in NEGATIONS:
            return True
    return False


def _quantities(sentence: Tokens) -> tuple[int, int]:
    """Return the largest pill count and the largest supply in days in a sentence.

    A pack (1箱, 1シート) counts as MANY_PILLS pills.
    """
    pills = days = 0
    for position, token in enumerate(sentence):
        if token.pos_detail != "数詞":
            continue
        number = _number(token)
        following = [t.lemma for t in sentence[position + 1 : position + 3]]
        counter = following[0] if following else None
        if counter in PILL_COUNTERS:
            pills = max(pills, number)
        elif counter in PACK_COUNTERS:
            pills = max(pills, MANY_PILLS * number)
        elif counter in DAYS_PER_UNIT and following[1:] == [SUPPLY_SUFFIX]:
            days = max(days, DAYS_PER_UNIT[counter] * number)
    return pills, days


def _number(token: Token) -> int:
    if token.lemma in VAGUE_COUNTS:
        return VAGUE_COUNTS[token.lemma]
    try:
        return int(token.lemma)
    except ValueError:
        return 0


def _swallowed_next(tokens: Tokens, sentence_end: int) -> bool:
    if sentence_end + 1 >= len(tokens):
        return False
    start, end = sentence_bounds(tokens, sentence_end + 1)
    return any(token.lemma == lex.SWALLOW for token in tokens[start:end])
