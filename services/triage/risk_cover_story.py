"""A wound explained by a cover story that the same message shows to be untrue.

People who hurt themselves often say a cat scratched them or a knife slipped in the kitchen.
The message gives the story away when it calls it an excuse or contradicts it:

- 猫にひっかかれたって言い訳、もう3回目。うちペット禁止のアパートなんだけどね;
- 「包丁で手切っちゃった」ってお母さんに言ったけど、料理なんかしてない。手首だし;
- 彼氏の腕の傷、本人は「猫」って言うけど、あいつ猫アレルギーなんだよね.

A story told without doubt (猫にひっかかれた傷が化膿した), a contradiction that nobody told
as a story (猫アレルギーなのに猫カフェに行って腕に傷) and a burn hidden under a sleeve
(オーブンでやけどした跡を長袖でごまかしてる) are no sign.
"""

from services.triage.findings import Tokens, signal
from services.triage.predicates import NEGATIONS
from services.triage.signals import RiskKind, RiskSignal

# The wound or where it is: 手首の傷, 腕の傷, 火傷の跡.
WOUND_WORDS = frozenset(
    {"傷", "火傷", "跡", "痕", "傷跡", "傷痕", "痣", "切り傷", "手首", "腕", "甲", "線"}
)
# A story of a scratch names the harm itself, but needs a fact that rules it out.
SCRATCHED = "引っ掻く"
# The causes a cover story gives: a cat, a kitchen knife, cooking, a fall.
COVER_CAUSES = frozenset({"猫", "包丁", "料理", "転ぶ", "ぶつける", SCRATCHED})
TOLD_WORDS = frozenset({"言う", "言い訳", "説明", "ごまかす", "誤魔化す"})
QUOTE_LINKS = frozenset({"って", "と"})
# The story must be told within this many words after its cause: 「猫」って言う.
TOLD_WINDOW = 10
# Words that call the story untrue by themselves.
DOUBT_WORDS = frozenset({"言い訳", "ごまかす", "誤魔化す"})
# Facts that rule the cause out: ペット禁止, 猫アレルギー.
RULED_OUT = frozenset({"禁止", "アレルギー"})
# Doings that, denied, rule the cause out: 猫を飼ってない, 料理なんかしてない.
DENIED_DOINGS = frozenset({"飼う", "料理"})
DENIAL_WINDOW = 4
# Wounds that grow every week or every day are more than the cause given for them explains.
GROW = "増える"
REPEATED = frozenset({"毎週", "毎日", "毎晩", "どんどん", "日に日に"})
# 猫を飼い始めてから傷が毎日増える: the cat is the sender's own.
KEPT_PETS = frozenset({"飼う", "飼い始める", "保護", "子猫"})
# 絆創膏の減りが早いって言われた。言い訳考えなきゃ: what covers a wound, and an excuse to make.
COVERINGS = frozenset({"絆創膏", "包帯", "長袖", "リストバンド"})
EXCUSE = "言い訳"
MAKE_UP = "考える"
EXPLANATION = "傷の説明として語られた話が、同じメッセージの中で打ち消されている"


def cover_story_findings(tokens: Tokens, lemmas: frozenset[str]) -> list[RiskSignal]:
    """Return a signal for a wound whose cover story the message calls untrue."""
    excuse = _excuse_to_find(tokens, lemmas)
    if excuse is not None:
        return [excuse]
    if lemmas.isdisjoint(COVER_CAUSES) or lemmas.isdisjoint(TOLD_WORDS):
        return []
    wounded = not lemmas.isdisjoint(WOUND_WORDS)
    if not wounded and SCRATCHED not in lemmas:
        return []
    ruled_out = _ruled_out(tokens, lemmas)
    if not (ruled_out or (wounded and not lemmas.isdisjoint(DOUBT_WORDS))):
        return []
    for cause, token in enumerate(tokens):
        if token.lemma not in COVER_CAUSES:
            continue
        told = _told_end(tokens, cause)
        if told is not None:
            return [signal(tokens, cause, told, RiskKind.SELF_HARM, EXPLANATION)]
    return []


def _excuse_to_find(tokens: Tokens, lemmas: frozenset[str]) -> RiskSignal | None:
    """Return a signal for an excuse still to make: 絆創膏の減りが早い。言い訳考えなきゃ."""
    if lemmas.isdisjoint(COVERINGS) or EXCUSE not in lemmas:
        return None
    for position, token in enumerate(tokens):
        if token.lemma == EXCUSE and any(
            t.lemma == MAKE_UP for t in tokens[position + 1 : position + 4]
        ):
            covering = next(i for i, t in enumerate(tokens) if t.lemma in COVERINGS)
            explanation = "傷を覆うものについての言い訳を考えている、自傷の疑い"
            return signal(tokens, covering, covering + 1, RiskKind.SELF_HARM, explanation)
    return None


def _told_end(tokens: Tokens, cause: int) -> int | None:
    """Return the end of 〜って言った or 〜って言い訳 after the cause, or None."""
    window = tokens[cause + 1 : cause + 1 + TOLD_WINDOW]
    quoted = False
    for offset, token in enumerate(window):
        if token.lemma in QUOTE_LINKS:
            quoted = True
        elif quoted and token.lemma in TOLD_WORDS:
            return cause + 1 + offset + 1
    return None


def _ruled_out(tokens: Tokens, lemmas: frozenset[str]) -> bool:
    if lemmas & RULED_OUT:
        return True
    if GROW in lemmas and lemmas & REPEATED and not lemmas & KEPT_PETS:
        # 腕の傷が毎週増えています。本人は猫だと言います: no cat scratches every week.
        return True
    for index, token in enumerate(tokens):
        if token.lemma not in DENIED_DOINGS:
            continue
        following = tokens[index + 1 : index + 1 + DENIAL_WINDOW]
        if any(other.lemma in NEGATIONS for other in following):
            return True
    return False
