"""Farewell messages: several parting words together (今までありがとう, さようなら, 先にいきます).

Each parting word alone is everyday chat, so one is never enough; two different ones in one
message read as a goodbye before suicide. 逝く, a verb that itself means to die, is judged in
risk_verbs instead.
"""

from services.triage.morphology import Token
from services.triage.signals import RiskKind, RiskSignal

Tokens = tuple[Token, ...]
MIN_CUES = 2
THANKS_WINDOW = 3
FAREWELL_EXPLANATION = "別れの言葉が重なっている、自殺の予告の可能性"


def farewell_findings(tokens: Tokens) -> list[RiskSignal]:
    """Return one signal when the message has two or more kinds of parting words."""
    cues: dict[str, str] = {}
    for index, token in enumerate(tokens):
        cue = _cue_at(tokens, index)
        if cue is not None and cue not in cues:
            cues[cue] = token.surface
    if len(cues) < MIN_CUES:
        return []
    phrase = "」「".join(cues)
    return [RiskSignal(RiskKind.IDEATION, -1, -1, phrase, FAREWELL_EXPLANATION)]


def _cue_at(tokens: Tokens, index: int) -> str | None:
    """Return the name of the parting word that starts at tokens[index], if any."""
    lemma = tokens[index].lemma
    following = [token.lemma for token in tokens[index + 1 : index + 1 + THANKS_WINDOW]]
    until_now = lemma == "今迄" or (lemma in ("今", "いま") and following[:1] == ["まで"])
    if until_now and "有り難う" in following:
        return "今までありがとう"
    if lemma == "さようなら":
        return "さようなら"
    if lemma == "御免" and following[:1] in (["為さる"], ["ね"], []):
        return "ごめんなさい"
    if lemma == "先" and following[:2] == ["に", "行く"] and _plain_or_polite(tokens, index + 2):
        return "先にいきます"
    if lemma == "探す" and following[:1] == ["無い"]:
        return "探さないで"
    if lemma == "最後" and following[:2] in (["の", "メッセージ"], ["の", "挨拶"]):
        return "最後のメッセージ"
    if lemma == "生まれ変わる":
        return "生まれ変わったら"
    if (
        lemma == "終わり"
        and following[:2] == ["に", "為る"]
        and _plain_or_polite(tokens, index + 2)
    ):
        return "終わりにする"
    return None


def _plain_or_polite(tokens: Tokens, index: int) -> bool:
    # 先にいきます and 終わりにする state an intent, but 先に行ってて is a request to someone else.
    following = [token.lemma for token in tokens[index + 1 : index + 2]]
    return following in ([], ["ます"], ["ね"], ["よ"], ["。"], ["."])
