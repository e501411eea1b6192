"""Belongings given away all at once, after talk of dying, a burden or a recent death.

Giving away what one values is a warning sign when something in the message gives it that
meaning; the giving alone is everyday (引っ越すから漫画を全部くれた):

- 友達が毎日『死ぬわｗ』って言ってて…昨日いきなり漫画とかゲーム全部くれた: death talk first;
- 母が急に指輪やら着物やら配りはじめだ…父が死んでまだ三月だず: a spouse who died lately;
- ツケを全部払いに来て「これで誰にも迷惑かけねえ」って。飼ってた犬も近所にあげた: a burden
  cleared.

A move, a stay in hospital, tidying up (断捨離), graduation, or the things of someone who died
(遺品, 形見分け) explain the giving, so those messages are no sign.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Tokens, signal
from services.triage.morphology import sentence_bounds
from services.triage.predicates import BURDEN, NEGATIONS, Desire, verb_tail
from services.triage.signals import RiskKind, RiskSignal

GIVING_VERBS = frozenset({"呉れる", "くれる", "上げる", "あげる", "譲る", "配る", "手放す"})
# The giving is sudden or total: いきなり, 急に, 全部, 次々.
SUDDEN_WORDS = frozenset({"行成", "いきなり", "急", "全部", "全て", "次々", "ぜんぶ", "一気"})
SUDDEN_WINDOW = 8
DEATH_TALK = frozenset({lex.DIE, lex.VANISH, "自殺"})
# A death in the family a short time ago: 父が死んでまだ三月.
RECENT_LOSS = frozenset({"未だ", "まだ", "先月", "最近", "この間"})
# これで誰にも迷惑かけない: これ, as Sudachi normalizes it.
THIS = "此れ"
SAID_WINDOW = 6
EXPLAINED_BY = lex.MOVING_WORDS | frozenset(
    {
        "入院",
        "手術",
        "留学",
        "断捨離",
        "形見",
        "形見分け",
        "遺品",
        "遺品整理",
        "片付け",
        "結婚",
        "出産",
        "施設",
    }
)
KEEPSAKES = frozenset({"形見", "形見分け"})
# 形見分けみたいに, 形見分けのように: a likeness, not the estate of someone who died.
LIKENESS_WORDS = frozenset({"みたい", "様", "よう", "っぽい"})
QUOTE_LINKS = frozenset({"って", "と"})
SAY = "言う"
EXPLANATION = "死をほのめかす言葉や身近な死のあとで、持ち物を急に人に譲っている"
KEEPSAKE_EXPLANATION = "形見分けのように自分の持ち物を人に配っている"
BURDEN_EXPLANATION = "「これで迷惑をかけない」と身辺を片付け、持ち物を人に譲っている"


def _only_likened(tokens: Tokens) -> bool:
    """Return whether every explaining word is a likeness: 形見分けみたいに配ってる.

    The living sender of 形見分けみたいに hands out their own things as keepsakes, which is
    the sign itself, not the estate of someone who died.
    """
    for index, token in enumerate(tokens):
        if token.lemma not in EXPLAINED_BY:
            continue
        if token.lemma not in KEEPSAKES:
            return False
        following = tokens[index + 1 : index + 2]
        if not following or following[0].lemma not in LIKENESS_WORDS:
            return False
    return True


def giveaway_findings(tokens: Tokens, lemmas: frozenset[str]) -> list[RiskSignal]:
    """Return a signal for belongings given away suddenly in a message that gives it meaning."""
    if lemmas.isdisjoint(GIVING_VERBS):
        return []
    if not lemmas.isdisjoint(EXPLAINED_BY) and not _only_likened(tokens):
        return []
    burden_cleared = _burden_cleared(tokens)
    for index, token in enumerate(tokens):
        if token.lemma not in GIVING_VERBS:
            continue
        following = [other.lemma for other in tokens[index + 1 : index + 3]]
        if any(word in NEGATIONS for word in following):
            continue
        start = _gift_start(tokens, index)
        if _someone_elses(tokens, start, index):
            # 母が祖母の着物を配りはじめた: the things of another person, often one who died.
            continue
        if _likened_before(tokens, index):
            return [signal(tokens, start, index + 1, RiskKind.PLAN, KEEPSAKE_EXPLANATION)]
        sudden = _sudden_before(tokens, index)
        if burden_cleared:
            return [signal(tokens, start, index + 1, RiskKind.PLAN, BURDEN_EXPLANATION)]
        if sudden and (_death_talk(tokens, index) or _recent_loss(tokens)):
            return [signal(tokens, start, index + 1, RiskKind.PLAN, EXPLANATION)]
    return []


def _likened_before(tokens: Tokens, index: int) -> bool:
    """Return whether 形見分けみたいに comes before the giving verb in its sentence."""
    start, _ = sentence_bounds(tokens, index)
    return any(
        tokens[position].lemma in KEEPSAKES and tokens[position + 1].lemma in LIKENESS_WORDS
        for position in range(start, index - 1)
    )


def _sudden_before(tokens: Tokens, index: int) -> bool:
    window = tokens[max(0, index - SUDDEN_WINDOW) : index]
    return any(token.lemma in SUDDEN_WORDS for token in window)


def _gift_start(tokens: Tokens, index: int) -> int:
    start = index
    while start > 0 and index - start < SUDDEN_WINDOW:
        previous = tokens[start - 1]
        if previous.pos_detail == "読点" or previous.pos == "補助記号":
            break
        start -= 1
    return start


def _someone_elses(tokens: Tokens, start: int, index: int) -> bool:
    return any(
        tokens[position].lemma in lex.OTHER_PEOPLE and tokens[position + 1].lemma == "の"
        for position in range(start, index - 1)
    )


def _death_talk(tokens: Tokens, index: int) -> bool:
    """Return whether dying is talked of before index: 『死ぬわｗ』って言ってて, 死にたい.

    A death that happened (祖母が死んで) and an emphasis (死ぬほど好き) are no such talk.
    """
    for position in range(index):
        if tokens[position].lemma not in DEATH_TALK:
            continue
        tail = verb_tail(tokens, position)
        after = [token.lemma for token in tokens[tail.end : tail.end + SAID_WINDOW]]
        if after[:1] and after[0] in lex.DEGREE_WORDS:
            continue
        if tail.desire is Desire.WANT:
            return True
        said = any(word in QUOTE_LINKS for word in after) and SAY in after
        if said and "た" not in tail.lemmas and "て" not in tail.lemmas:
            return True
    return False


def _recent_loss(tokens: Tokens) -> bool:
    """Return whether someone died a short time ago: 父が死んでまだ三月."""
    lemmas = [token.lemma for token in tokens]
    return any(
        lemma == lex.DIE and RECENT_LOSS.intersection(lemmas[position : position + 6])
        for position, lemma in enumerate(lemmas)
    )


def _burden_cleared(tokens: Tokens) -> bool:
    """Return whether the message clears a burden for good: これで誰にも迷惑かけねえ."""
    lemmas = [token.lemma for token in tokens]
    for position, lemma in enumerate(lemmas):
        if lemma != BURDEN:
            continue
        if THIS not in lemmas[max(0, position - 5) : position]:
            continue
        if any(word in NEGATIONS for word in lemmas[position + 1 : position + 4]):
            return True
    return False
