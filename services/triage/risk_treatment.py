"""Stopping a treatment in order to die, and relief at a fatal diagnosis.

透析、もう行かないことに決めた。行かなければ1〜2週間で終われる, インスリン打つのやめたらどのくらいで
終わるか調べてる, 胃ろうを自分で抜いちゃえば終われる, 薬をやめたら楽に死ねるかも. Stopping a
treatment is often a medical choice (抗がん剤はもう受けないことにした、残りの時間は家族と), and a
doctor may warn what stopping does (透析をやめたら死ぬって言われた). So a message counts only when
it names both the stopping and an ending the sender expects from it.

Relief at news of a fatal illness is a wish to die expressed through the body: がんかもしれないって
言われたとき、正直ほっとした. Relief that it is not cancer (ガンじゃなくてほっとした) or that it
was found early is the ordinary kind.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import signal
from services.triage.morphology import Token, sentence_bounds
from services.triage.predicates import is_potential, quoted_at_sender, verb_tail
from services.triage.signals import RiskKind, RiskSignal

Tokens = tuple[Token, ...]
STOP_VERBS = frozenset({"やめる", "止める", "抜く", "中止"})
# Going, injecting, taking or receiving, negated: 透析に行かない, インスリンを打たない.
SKIPPED_VERBS = frozenset({"行く", "打つ", "飲む", "受ける", "通う", "使う"})
ENDING_VERBS = frozenset({lex.DIE, lex.END_VERB, lex.PASS_AWAY})
RELIEF = "楽"
EXPLANATION = "治療や薬をやめて死のうとする考え"
HOW = "どう"
# どうなるかは先生から聞いてるから分かってる: the knowing may come a few words later.
OUTCOME_WINDOW = 8
KNOWING_VERBS = frozenset({"分かる", "知る", "覚悟"})


def treatment_findings(tokens: Tokens, lemmas: frozenset[str]) -> list[RiskSignal]:
    """Return one signal when the message stops a treatment and expects to end from it.

    lemmas is the set of the message's normalized forms, which assess_risk builds once.
    """
    if lex.TREATMENTS.isdisjoint(lemmas):
        return []
    stop = _stopped_treatment(tokens)
    if stop is None:
        return []
    life_sustaining = not lex.LIFE_SUSTAINING.isdisjoint(lemmas)
    for index, token in enumerate(tokens):
        if token.lemma in ENDING_VERBS and _expected_ending(tokens, index):
            break
        if token.lemma == RELIEF and life_sustaining and _becomes(tokens, index):
            # 透析やめて楽になる: without dialysis or insulin, relief means dying.
            break
        if token.lemma == HOW and life_sustaining and _outcome_known(tokens, index):
            # 透析、もう行かない。行かなければどうなるかは分かってる: the ending, unnamed.
            break
    else:
        return []
    treatment, verb, end = stop
    act = "".join(token.surface for token in tokens[verb:end])
    if verb - treatment <= 2:
        phrase = "".join(token.surface for token in tokens[treatment:end])
    else:
        phrase = f"{tokens[treatment].surface}…{act}"
    return [RiskSignal(RiskKind.PLAN, verb, end, phrase, EXPLANATION)]


def _stopped_treatment(tokens: Tokens) -> tuple[int, int, int] | None:
    """Return where the treatment, the verb of stopping and its tail end, if the message has one.

    The treatment may stand in the same sentence or the one before: 透析、もう行かない.
    """
    for index, token in enumerate(tokens):
        stopping = token.lemma in STOP_VERBS
        skipping = token.lemma in SKIPPED_VERBS
        if not (stopping or skipping):
            continue
        tail = verb_tail(tokens, index)
        if stopping and tail.negated and "ば" not in tail.lemmas:
            # 透析は絶対やめない.
            continue
        if skipping and not tail.negated:
            continue
        treatment = _treatment_near(tokens, index)
        if treatment is not None:
            return treatment, index, tail.end
    return None


def _treatment_near(tokens: Tokens, index: int) -> int | None:
    start, _ = sentence_bounds(tokens, index)
    if start > 0:
        start, _ = sentence_bounds(tokens, start - 1)
    for position in range(index - 1, start - 1, -1):
        if tokens[position].lemma in lex.TREATMENTS:
            return position
    return None


def _expected_ending(tokens: Tokens, index: int) -> bool:
    """Return whether 死ぬ, 終わる or 逝く is expected (終われる, 死ねるかも, 終わるか調べてる).

    A warning said to the sender (やめたら死ぬって言われた), a figure of speech (死ぬほど) and
    the noun 終わり do not count.
    """
    if tokens[index].pos != "動詞":
        return False
    tail = verb_tail(tokens, index)
    if tail.negated or quoted_at_sender(tokens, tail.end):
        return False
    following = tokens[tail.end : tail.end + 1]
    if following and following[0].lemma in lex.DEATH_FIGURATIVE_NEXT:
        # 死ぬほどだるい: a figure of speech, not an expected ending.
        return False
    if is_potential(tokens[index]) or "れる" in tail.lemmas or "られる" in tail.lemmas:
        return True
    # どのくらいで終わるか調べてる: the time it takes, looked up.
    return bool(following) and following[0].lemma == "か" and not tail.lemmas


def _outcome_known(tokens: Tokens, index: int) -> bool:
    """Return whether どうなるか is followed by knowing it: どうなるかは分かってる."""
    following = [token.lemma for token in tokens[index + 1 : index + 4]]
    if following[:2] != [lex.BECOME, "か"]:
        return False
    for position in range(index + 3, min(len(tokens), index + 3 + OUTCOME_WINDOW)):
        if tokens[position].lemma in KNOWING_VERBS:
            return not verb_tail(tokens, position).negated
    return False


def _becomes(tokens: Tokens, index: int) -> bool:
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    return following[:1] in (["に"], ["だ"]) and following[1:] in (["成る"], [lex.DIE])


# Diagnoses that name a death to come.
FATAL_DIAGNOSES = frozenset({"がん", "ガン", "癌", "余命", "難病", "末期", "悪性", "腫瘍"})
RELIEF_FEELINGS = frozenset({"ほっと", "安心", "嬉しい", "喜ぶ", "救い"})
# ガンじゃなくて, 良性, 早期で: the news was good, or curable.
GOOD_NEWS = frozenset({"違う", "陰性", "良性", "早期", "初期", "治る", "完治", "取れる", "手術"})
NOT_A_DIAGNOSIS = frozenset({"検査", "検診", "保険", "予防", "治療"})
RELIEF_WINDOW_TOKENS = 14
DIAGNOSIS_RELIEF = "命に関わる病気の告知に安堵している"


def diagnosis_relief_findings(tokens: Tokens, lemmas: frozenset[str]) -> list[RiskSignal]:
    """Return a signal for relief at a fatal diagnosis: 余命半年と聞いて、うれしかった."""
    if FATAL_DIAGNOSES.isdisjoint(lemmas) or RELIEF_FEELINGS.isdisjoint(lemmas):
        return []
    for index, token in enumerate(tokens):
        if token.lemma not in FATAL_DIAGNOSES or _not_own_diagnosis(tokens, index):
            continue
        window = tokens[index + 1 : index + 1 + RELIEF_WINDOW_TOKENS]
        for offset, other in enumerate(window):
            if other.lemma in GOOD_NEWS or _diagnosis_denied(window, offset):
                break
            if other.lemma in RELIEF_FEELINGS and not _relief_denied(window, offset):
                end = index + 2 + offset
                return [signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, DIAGNOSIS_RELIEF)]
    return []


def _not_own_diagnosis(tokens: Tokens, index: int) -> bool:
    """Return whether the diagnosis is another's (母のがん) or no diagnosis (がん検査, がん保険)."""
    following = tokens[index + 1 : index + 2]
    if following and following[0].lemma in NOT_A_DIAGNOSIS:
        return True
    return (
        index >= 2
        and tokens[index - 1].lemma == "の"
        and (tokens[index - 2].lemma in lex.OTHER_PEOPLE)
    )


def _relief_denied(window: Tokens, offset: int) -> bool:
    # 安心できない, ほっとできなかった: relief that did not come.
    following = [token.lemma for token in window[offset + 1 : offset + 4]]
    return any(lemma in ("無い", "ない", "ず") for lemma in following)


def _diagnosis_denied(window: Tokens, offset: int) -> bool:
    # ガンじゃなくて, 再発はない: the diagnosis denied. がんかもしれない only doubts it.
    if window[offset].lemma != "無い":
        return False
    return offset == 0 or window[offset - 1].lemma != "知れる"
