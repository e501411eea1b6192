"""A failed attempt or a disbelieved threat, then a resolve for next time.

Someone who survived an attempt, or whose words were not believed, may promise to do it
properly next time. The resolve names no death; what came before gives it its meaning:

- 去年ロープが切れて失敗した。次は丈夫なやつにする: a failed attempt with a means;
- 未遂で終わったけど、次こそ確実にやる: an attempt named as such;
- 死ぬ死ぬ詐欺ってよく言われるから、今度はほんとにやるね: a threat called a lie.

ダイエットに失敗した。次こそ本気でやる has no means or threat, and a rope that broke at a
campsite or in a tug of war is a camper's or a player's failure, so neither counts.
"""

import itertools

from services.triage import risk_lexicon as lex
from services.triage.findings import Tokens, signal
from services.triage.morphology import sentence_bounds
from services.triage.predicates import NEGATIONS
from services.triage.signals import RiskKind, RiskSignal

NEXT_TIMES = frozenset({"今度", "次", "次回"})
NEXT_LINKS = frozenset({"は", "こそ", "も"})
# Words of a resolve for next time: やる, 確実に, 丈夫なやつにする, 本気, 成功させる.
RESOLVE_WORDS = frozenset(
    {"遣る", "確実", "丈夫", "太い", "本気", "成功", "実行", "決行", "死ぬ", "ちゃんと"}
)
# The verb a resolve word leads to must be one of doing or dying: 本気で言い返す is an argument.
RESOLVE_VERBS = frozenset({"遣る", "為る", "死ぬ", "成功", "実行", "決行", "逝く", "終わる"})
# 次は失敗しない: a failure denied for next time is a resolve too.
FAILURE = "失敗"
# How an attempt is named: 失敗した, 未遂, 死ねなかった, 助かってしまった.
ATTEMPT_WORDS = frozenset({"未遂", "自殺未遂"})
SURVIVED = frozenset({"助かる", "生き残る"})
DIE = "死ぬ"
# Counts and times that may come before a bare 失敗: 一回失敗してる, 前回失敗した.
COUNTS = frozenset({"一回", "一度", "回", "度", "前回", "前", "この前", "去年", "昨年", "先月"})
MEANS = (
    lex.ROPE_NOUNS
    | lex.NOOSE_CORDS
    | lex.MEDICINE_NOUNS
    | lex.GAZED_MEANS
    | frozenset({"首", "首吊り", "手首", "練炭", "飛び降り", "od", "OD"})
)
# 死ぬ死ぬ詐欺, 口だけ, 狼少年: the sender's words about dying were not believed.
DISBELIEF_WORDS = frozenset({"詐欺", "狼少年", "構ってちゃん"})
ONLY_WORDS = (("口", "だけ"), ("言う", "だけ"))
EXPLANATION = "前の未遂や信じてもらえなかった言葉のあとの、次こそという決意"
PROMISE = "約束"
KEEP = "守る"
# 守れる気がしない, 守れそうにない, 守れない: the promise doubted.
DOUBT_WINDOW = 5
# Self-harm as written before the promise; リスカ is canonicalized as リストカット.
SELF_HARM_WORDS = ("リストカット", "アームカット", "レッグカット", "自傷", "リスカ", "切らない")
PROMISE_EXPLANATION = "未遂や自傷のあと、もうしないという約束を守れないかもしれないという思い"


def next_time_findings(tokens: Tokens, lemmas: frozenset[str]) -> list[RiskSignal]:
    """Return a signal for a resolve about next time after an attempt or a disbelieved threat.

    A promise never to do it again that the sender doubts keeping (もうしないって約束したけど、
    守れる気がしない) counts as well after an attempt or self-harm.
    """
    if PROMISE in lemmas and KEEP in lemmas:
        broken = _promise_doubted(tokens)
        if broken is not None:
            return [broken]
    if lemmas.isdisjoint(NEXT_TIMES):
        return []
    if lemmas & lex.BENIGN_PURPOSES:
        return []
    for index, token in enumerate(tokens):
        if token.lemma not in NEXT_TIMES:
            continue
        following = tokens[index + 1 : index + 2]
        if not following or following[0].lemma not in NEXT_LINKS:
            continue
        resolve_end = _resolve_end(tokens, index + 2)
        if resolve_end is None:
            continue
        if _attempt_before(tokens, index) or _disbelief_before(tokens, index):
            return [signal(tokens, index, resolve_end, RiskKind.PLAN, EXPLANATION)]
    return []


def _promise_doubted(tokens: Tokens) -> RiskSignal | None:
    """Return a signal for 約束…守れる気がしない after an attempt or self-harm, or None."""
    for index, token in enumerate(tokens):
        if token.lemma != KEEP or not token.surface.startswith("守れ"):
            continue
        window = tokens[index + 1 : index + 1 + DOUBT_WINDOW]
        negation = next((i for i, other in enumerate(window) if other.lemma in NEGATIONS), None)
        if negation is None:
            continue
        before = tokens[:index]
        if not any(other.lemma == PROMISE for other in before):
            continue
        written = "".join(other.surface for other in before)
        self_harm = any(word in written for word in SELF_HARM_WORDS)
        if self_harm or _attempt_before(tokens, index):
            end = index + negation + 2
            return signal(tokens, index, end, RiskKind.PLAN, PROMISE_EXPLANATION)
    return None


def _resolve_end(tokens: Tokens, start: int) -> int | None:
    """Return the end of the resolve that starts at start, within its sentence, or None."""
    if start >= len(tokens):
        return None
    _, end = sentence_bounds(tokens, start)
    for position in range(start, end):
        lemma = tokens[position].lemma
        after = [token.lemma for token in tokens[position + 1 : position + 4]]
        if lemma == FAILURE:
            negation = next((i for i, word in enumerate(after) if word in NEGATIONS), None)
            if negation is None:
                return None
            # 次は失敗しない.
            return position + negation + 2
        if lemma not in RESOLVE_WORDS:
            continue
        if any(word in NEGATIONS for word in after[:2]):
            return None
        verb = _next_verb(tokens, position, end)
        if verb is not None and tokens[verb].lemma not in RESOLVE_VERBS:
            return None
        return position + 1 if verb is None else verb + 1
    return None


def _next_verb(tokens: Tokens, position: int, end: int) -> int | None:
    if tokens[position].pos == "動詞":
        return position
    for later in range(position + 1, end):
        if tokens[later].pos == "動詞":
            return later
    return None


def _attempt_before(tokens: Tokens, index: int) -> bool:
    """Return whether an attempt comes before index: ロープが切れて失敗した, 未遂, 死ねなかった."""
    before = tokens[:index]
    lemmas = {token.lemma for token in before}
    if lemmas & ATTEMPT_WORDS:
        return True
    if (FAILURE in lemmas or lemmas & SURVIVED) and lemmas & MEANS:
        return True
    if any(
        token.lemma == FAILURE and _bare_failure(before, position)
        for position, token in enumerate(before)
    ):
        return True
    for position, token in enumerate(before):
        if token.lemma != DIE:
            continue
        after = [other.lemma for other in before[position + 1 : position + 3]]
        # 死ねなかった: the potential form, negated.
        if token.surface.startswith("死ね") and any(word in NEGATIONS for word in after):
            return True
    return False


def _bare_failure(tokens: Tokens, index: int) -> bool:
    """Return whether 失敗 at index names no task: 一回失敗してるから, not ダイエットに失敗した.

    Before 失敗 its sentence may hold only counts and times (一回, 前回, 去年).
    """
    start, _ = sentence_bounds(tokens, index)
    for token in tokens[start:index]:
        if token.pos == "助詞" and token.lemma in ("に", "を", "が", "で"):
            return False
        if token.pos == "名詞" and token.pos_detail != "数詞" and token.lemma not in COUNTS:
            return False
    return True


def _disbelief_before(tokens: Tokens, index: int) -> bool:
    """Return whether talk of dying was called a lie before index: 死ぬ死ぬ詐欺, 口だけ."""
    lemmas = [token.lemma for token in tokens[:index]]
    if DIE not in lemmas:
        return False
    if DISBELIEF_WORDS.intersection(lemmas):
        return True
    pairs = set(itertools.pairwise(lemmas))
    return any(pair in pairs for pair in ONLY_WORDS)
