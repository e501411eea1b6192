"""The wish to have died in another's place: なんで私じゃなかったんだろう, 私だったらよかった.

Said after an accident, a disaster or a death (ニュースで事故の犠牲者を見るたび), the question
why it was not the sender is a wish to be dead. Without a death in the message it is about a
prize or a choice (当選したのがなんで私じゃなかったの), so these rules need one. After a death,
a condition that ends in 私も (四十九日が終わったら私も) leaves out the verb of following the dead,
and a quoted 「私もすぐ行くからね」 names it without a place.
"""

from services.triage.findings import Finding, Tokens, signal
from services.triage.morphology import sentence_bounds
from services.triage.predicates import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    SELF_WORDS,
    Desire,
    verb_tail,
)
from services.triage.signals import RiskKind, RiskSignal

DEATH_CONTEXT = frozenset(
    {
        "亡くなる", "死ぬ", "犠牲者", "犠牲", "事故", "死者", "被害者", "災害", "震災", "死亡",
        "遺体", "遺族", "初盆", "新盆", "周忌", "回忌", "遺影", "仏壇",
    }
)  # fmt: skip
# なんで, 何で, どうして, 何故: the question that opens the sentence.
WHY_PAIRS = (("何", "で"), ("どう", "為る"))
WHY = "何故"
EXPLANATION = "自分が代わりに死ねばよかったという思い"


def survivor_findings(tokens: Tokens, lemmas: frozenset[str]) -> list[RiskSignal]:
    """Return a signal for なんで私じゃなかった or 私だったらよかった after a death."""
    if lemmas.isdisjoint(DEATH_CONTEXT) or lemmas.isdisjoint(SELF_WORDS):
        return []
    for index, token in enumerate(tokens):
        if token.lemma not in SELF_WORDS:
            continue
        found = (
            _why_not_me(tokens, index)
            or _me_wished(tokens, index)
            or _me_too_after(tokens, index)
            or _me_too_going(tokens, index)
        )
        if isinstance(found, RiskSignal):
            return [found]
    return []


def _why_not_me(tokens: Tokens, index: int) -> Finding:
    """なんで私じゃなかったんだろう: the question why it was not the sender."""
    following = [token.lemma for token in tokens[index + 1 : index + 4]]
    if following != ["だ", "無い", "た"]:
        return None
    start, _ = sentence_bounds(tokens, index)
    before = [token.lemma for token in tokens[start:index]]
    is_question = WHY in before or any(
        before[position : position + 2] == list(pair)
        for position in range(len(before) - 1)
        for pair in WHY_PAIRS
    )
    if not is_question:
        return None
    return signal(tokens, index, index + 4, RiskKind.PASSIVE_IDEATION, EXPLANATION)


def _me_wished(tokens: Tokens, index: int) -> Finding:
    """亡くなったのが私だったらよかった: the sender in the place of the dead, wished."""
    following = [token.lemma for token in tokens[index + 1 : index + 4]]
    surfaces = [token.surface for token in tokens[index + 1 : index + 3]]
    if following[:1] != ["だ"] or "良い" not in following[1:]:
        return None
    if not any(surface in ("たら", "なら", "ったら") for surface in surfaces):
        return None
    before = [token.lemma for token in tokens[max(0, index - 4) : index]]
    if not set(before) & DEATH_CONTEXT:
        # 選ばれたのが私だったらよかった: the wish must name the death just before.
        return None
    end = verb_tail(tokens, index + 1 + following.index("良い")).end
    return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, EXPLANATION)


# Tokens that may follow 私も when the verb is left out: the end of a quote or a sentence.
CUT_OFF_ENDS = frozenset({"」", "』", "。", ".", "…", "、", "!", "?", "って", "と"})
CONDITIONAL_SURFACES = frozenset({"たら", "だら", "なら", "ば"})


def _me_too_after(tokens: Tokens, index: int) -> Finding:
    """「四十九日が終わったら私も」: after a death, the sender will follow on a condition.

    私も must end the quote or the sentence, so 終わったら私も仕事に戻ります does not count.
    """
    if index + 1 >= len(tokens) or tokens[index + 1].lemma != "も":
        return None
    following = tokens[index + 2 : index + 3]
    if following and following[0].surface not in CUT_OFF_ENDS:
        return None
    start, _ = sentence_bounds(tokens, index)
    if not any(token.surface in CONDITIONAL_SURFACES for token in tokens[start:index]):
        return None
    explanation = "亡くなった人の後を追うという予告"
    return signal(tokens, index, index + 2, RiskKind.PLAN, explanation)


# 私もすぐ行くからね: soon, then the verb of going with no destination but the dead's side.
SOON = frozenset({"直ぐ", "もう直ぐ", "じき", "近く"})
GOING = frozenset({"行く", "いく"})
# Where the dead are: お父さんのところに, そっちに. Any other place is a real trip.
THEIR_SIDE = frozenset(
    {"所", "そば", "側", "そっち", "あっち", "向こう", "天国", "仏壇", "遺影", "墓"}
)
ERRANDS = frozenset({"準備", "手伝う", "手伝い", "買い物", "支度", "片付け", "迎え"})
# A death mourned, not an accident or a disaster in the news.
MOURNING = frozenset({"亡くなる", "初盆", "新盆", "周忌", "回忌", "遺影", "仏壇", "墓"})


def _me_too_going(tokens: Tokens, index: int) -> Finding:
    """Return a signal for 「私もすぐ行くからね」 addressed to the dead: the speaker will follow.

    The words must be quoted as someone's, after a death mourned, and name no place but the
    dead's side: 初盆の準備、私もすぐ行くね is the sender's trip to help.
    """
    following = tokens[index + 1 : index + 4]
    if len(following) < 3 or following[0].lemma != "も" or following[1].lemma not in SOON:
        return None
    verb = index + 3
    if tokens[verb].lemma not in GOING:
        return None
    tail = verb_tail(tokens, verb)
    if tail.negated or tail.desire is not Desire.NONE or "た" in tail.lemmas:
        return None
    start, end = sentence_bounds(tokens, index)
    for position in range(start, verb):
        if tokens[position].lemma in ("に", "へ") and position > start:
            if tokens[position - 1].lemma not in THEIR_SIDE:
                return None
    if not any(token.lemma in MOURNING for token in tokens):
        return None
    opening = max(
        (
            position
            for position in range(start, index)
            if tokens[position].surface in OPENING_QUOTES
        ),
        default=start,
    )
    if any(token.lemma in ERRANDS for token in tokens[opening:index]):
        # 「初盆の準備、私もすぐ行くから」: the quote itself names the errand.
        return None
    rest = [token for token in tokens[tail.end : end] if token.lemma not in ("から", "ね", "よ")]
    if not rest or rest[0].surface not in CLOSING_QUOTES:
        return None
    explanation = "亡くなった人のところへ自分もすぐ行くという言葉"
    return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
