"""Signs of an overdose told without a count: medicine with alcohol, pills lined up, empty boxes.

risk_medicine.py reads the amount taken (全部, 30錠, 一か月分). These rules read what goes with
it: medicine taken with alcohol (睡眠薬とお酒を一緒に飲んだらって、そればかり), a sedative taken
together and then felt (デパスまとめ飲みした。ふわふわ), pills lined up or emptied boxes found
(薬をたくさん並べてた, 風邪薬の空き箱がいくつも), and medicine got but kept from being taken
(飲むためじゃなくて、いつか使うため, 大量に買い込んで). Asking whether a medicine goes with
alcohol (お酒と一緒に飲んでもいいですか) and a pharmacist's arranged week of pills stay harmless.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Tokens, sentence_lemmas, signal
from services.triage.morphology import sentence_bounds
from services.triage.predicates import Desire, is_volitional, quoted_at_sender, verb_tail
from services.triage.signals import RiskKind

OVERDOSE = "薬を一度に大量に飲む、過量服薬"
HOARDING = "薬をためている、過量服薬の準備"
TOGETHER = "一緒"
# 一緒に飲んだらどうなる: asking what happens is a question until the message says it was done.
WHAT_HAPPENS = "どう"
RELIEF = frozenset({"楽", "終わる", "死ぬ", "眠る"})
# 〜たらって、そればかり: the condition repeated as a thought.
THOUGHT_MARKERS = frozenset({"って", "と"})
# Pills counted out on a table or their empty boxes found: 薬をたくさん並べてた.
LINE_UP = "並べる"
EMPTY_BOXES = frozenset({"空き箱", "空箱", "殻"})
MANY = frozenset({"沢山", "いっぱい", "全部", "大量", "幾つ", "何箱", "何", "山"})
# A pharmacist or a pill organizer lines up a week of doses.
ROUTINE_PLACES = frozenset({"薬局", "薬剤師", "ケース", "カレンダー", "一週間分", "毎日", "毎晩"})
# まとめて is 纏める to Sudachi, and まとめ飲み starts with the noun 纏め.
TOGETHER_AMOUNTS = frozenset({"纏める", "纏め", "一緒"})
# How a sedative overdose feels: ふわふわ, ぼーっと, 朦朧.
DRUGGED_WORDS = frozenset({"ふわふわ", "ぼうっと", "ぼーっと", "ふらふら", "朦朧", "ぼんやり"})
FOR_USE = "為"
BUY_IN_BULK = frozenset({"買い込む", "買い溜め", "買い集める"})
BULK_AMOUNTS = frozenset({"大量", "沢山", "いっぱい", "何箱", "箱"})
PACKS = frozenset({"シート", "箱", "瓶"})
LETHAL_DOSE = "致死量"
LETHAL = "致死"
AMOUNT = "量"
PET_WORDS = frozenset({"ペット", "インコ", "ハムスター", "うさぎ", "兎"})


def dose_signs(tokens: Tokens, index: int) -> Finding:
    """Return a signal for an overdose or a hoard told by what goes with the medicine."""
    for finder in (_with_alcohol, _taken_together, _lined_up, _kept_from_taking):
        found = finder(tokens, index)
        if found is not None:
            return found
    return None


def _with_alcohol(tokens: Tokens, index: int) -> Finding:
    """睡眠薬とお酒を一緒に飲んだらって, ウイスキーと薬いっしょに流し込んだら楽になれそう."""
    start, end, lemmas = sentence_lemmas(tokens, index)
    if not lemmas & lex.ALCOHOL or TOGETHER not in lemmas:
        return None
    for position in range(start, end):
        if tokens[position].lemma not in lex.SWALLOW_VERBS:
            continue
        tail = verb_tail(tokens, position)
        if tail.negated or "せる" in tail.lemmas:
            return None
        if _done_or_meant(tokens, position, tail) or _dwelt_on(tokens, tail.end, end):
            return signal(tokens, index, tail.end, RiskKind.PLAN, "薬をお酒と一緒に飲む、過量服薬")
        if _asks_what_happens(tokens, tail.end, end) and _taken_later(tokens, end):
            # 一緒に飲んだらどうなりますか。もう何錠か飲んじゃってます.
            return signal(tokens, index, tail.end, RiskKind.PLAN, "薬をお酒と一緒に飲む、過量服薬")
        return None
    return None


def _done_or_meant(tokens: Tokens, position: int, tail) -> bool:
    """Return whether taking was done (飲んだ), wished, intended or hoped to relieve."""
    surfaces = [token.surface for token in tokens[position + 1 : tail.end]]
    conditional = any(surface in ("たら", "だら") for surface in surfaces) or "ば" in tail.lemmas
    if tail.desire is Desire.WANT or is_volitional(tokens, position, tail):
        return True
    if conditional:
        _, end = sentence_bounds(tokens, position)
        return any(token.lemma in RELIEF for token in tokens[tail.end : end])
    return "た" in tail.lemmas


def _dwelt_on(tokens: Tokens, position: int, end: int) -> bool:
    # 一緒に飲んだらって、さっきからそればかり: the condition turned over and over.
    if position >= len(tokens) or tokens[position].lemma not in THOUGHT_MARKERS:
        return False
    return any(token.lemma == "ばかり" for token in tokens[position : end + 8])


def _asks_what_happens(tokens: Tokens, position: int, end: int) -> bool:
    return any(token.lemma == WHAT_HAPPENS for token in tokens[position:end])


def _taken_later(tokens: Tokens, end: int) -> bool:
    for position in range(end, len(tokens)):
        if tokens[position].lemma in lex.SWALLOW_VERBS:
            tail = verb_tail(tokens, position)
            return not tail.negated and ("た" in tail.lemmas or "ちゃう" in tail.lemmas)
    return False


def _taken_together(tokens: Tokens, index: int) -> Finding:
    """デパスまとめ飲みした。ふわふわ, 睡眠薬をまとめて飲みました。いま頭がぼーっとしてる.

    Taking pills together is routine (朝の薬をまとめて飲んだ), so it counts only for a sedative
    or with the drowsy feeling it leaves.
    """
    start, end, lemmas = sentence_lemmas(tokens, index)
    if not lemmas & TOGETHER_AMOUNTS:
        return None
    sedative = tokens[index].lemma in lex.SEDATIVES or bool(lemmas & lex.ALCOHOL)
    drugged = any(token.lemma in DRUGGED_WORDS for token in tokens)
    if not (sedative or drugged):
        return None
    for position in range(start, end):
        if tokens[position].lemma not in lex.SWALLOW_VERBS:
            continue
        tail = verb_tail(tokens, position)
        if not tail.lemmas and position + 1 < end and tokens[position + 1].lemma == lex.DO:
            # まとめ飲みした: the noun of the act, then する.
            tail = verb_tail(tokens, position + 1)
        taken = "た" in tail.lemmas and not tail.negated and "せる" not in tail.lemmas
        if not taken:
            return None
        if lemmas & lex.ROUTINE_DOSES:
            return None
        return signal(tokens, index, tail.end, RiskKind.PLAN, OVERDOSE)
    return None


def _lined_up(tokens: Tokens, index: int) -> Finding:
    """薬をたくさん並べてた, 風邪薬の空き箱がいくつも出てきた: pills counted out or used up."""
    _, _, lemmas = sentence_lemmas(tokens, index)
    if not lemmas & MANY or lemmas & ROUTINE_PLACES:
        return None
    if LINE_UP in lemmas:
        return signal(
            tokens, index, index + 1, RiskKind.PLAN, "薬をたくさん並べている、過量服薬の準備"
        )
    if lemmas & EMPTY_BOXES:
        return signal(tokens, index, index + 1, RiskKind.PLAN, "薬の空き箱がいくつも、過量服薬の跡")
    return None


def _kept_from_taking(tokens: Tokens, index: int) -> Finding:
    """飲むためじゃなくて、いつか使うため, 風邪薬を大量に買い込んで: medicine got but not taken."""
    start, end, lemmas = sentence_lemmas(tokens, index)
    if lemmas & BUY_IN_BULK and lemmas & BULK_AMOUNTS:
        return signal(tokens, index, index + 1, RiskKind.PLAN, HOARDING)
    _, next_end = sentence_bounds(tokens, min(len(tokens) - 1, end + 1))
    for position in range(start, next_end - 3):
        if tokens[position].lemma != lex.SWALLOW:
            continue
        following = [token.lemma for token in tokens[position + 1 : position + 4]]
        if following[:1] == [FOR_USE] and following[1:2] == ["だ"] and "無い" in following:
            return signal(tokens, index, index + 1, RiskKind.PLAN, HOARDING)
    return None


def emptied_rule(tokens: Tokens, index: int) -> Finding:
    """シート3枚空けた, 箱ごと空けた: packs of medicine emptied."""
    if not any(token.lemma in lex.MEDICINE_NOUNS for token in tokens):
        return None
    tail = verb_tail(tokens, index)
    if tail.negated or "た" not in tail.lemmas:
        return None
    start, _ = sentence_bounds(tokens, index)
    packs = [token.lemma for token in tokens[start:index]]
    if not set(packs) & PACKS:
        return None
    return signal(tokens, start, tail.end, RiskKind.PLAN, "薬のシートや箱を空けた、過量服薬")


def lethal_dose_rule(tokens: Tokens, index: int) -> Finding:
    """致死量が知りたい, 睡眠薬の致死量って何錠: the dose that kills, looked for.

    A pet's poisoning (犬にチョコの致死量) and a lesson or the news (授業で致死量を習った) are
    other people's questions.
    """
    end = index + 1
    if tokens[index].lemma == LETHAL:
        # Sudachi reads 致死量って as 致死 + 量っ (測る).
        if end >= len(tokens) or not tokens[end].surface.startswith(AMOUNT):
            return None
        end += 1
    _, sentence_end, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.NEWS_CONTEXT:
        return None
    if any(token.lemma in lex.ANIMALS or token.lemma in PET_WORDS for token in tokens):
        # うちの犬がチョコを食べた。致死量ってどのくらい: the pet is named a sentence before.
        return None
    for position in range(end, sentence_end):
        # 「致死量を心配する量ではない」と言われた: a doctor's or a pharmacist's reassurance.
        if tokens[position].surface in ("」", "』") and quoted_at_sender(tokens, position + 1):
            return None
    return signal(tokens, index, end, RiskKind.PLAN, "致死量を知ろうとしている、過量服薬の考え")


def unsafe_amount_rule(tokens: Tokens, index: int) -> Finding:
    """大丈夫じゃない量が知りたい: the amount that is not safe, asked about medicine."""
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    if before != ["大丈夫", "だ", "無い"] and before[-1:] != ["危ない"]:
        return None
    if not any(token.lemma in lex.MEDICINE_NOUNS for token in tokens):
        return None
    start = index - 3 if before[0] == "大丈夫" else index - 1
    return signal(tokens, start, index + 1, RiskKind.PLAN, "危ない量の薬を知ろうとしている")
