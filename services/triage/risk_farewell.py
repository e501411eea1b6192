"""Farewell messages: several parting words together (今までありがとう, さようなら, 先にいきます,
思い残すことはない, 猫の預け先も決めた).

Each parting word alone is everyday chat, so one is never enough; two different ones in one
message read as a goodbye before suicide. 逝く, a verb that itself means to die, is judged in
risk_life instead.
"""

from services.triage.morphology import Token
from services.triage.signals import RiskKind, RiskSignal

Tokens = tuple[Token, ...]
MIN_CUES = 2
THANKS_WINDOW = 3
# Arrangements for after one is gone: 猫の預け先も決めた, 形見分けをした.
LEAVING_ARRANGEMENTS = {
    "預け先": "預け先", "形見": "形見", "形見分け": "形見分け", "通帳": "通帳",
    "身辺整理": "身辺整理",
}  # fmt: skip
# Nouns after 最後の that make a last message: 最後のメッセージ, 最後の手紙.
LAST_MESSAGE_NOUNS = frozenset({"メッセージ", "挨拶", "手紙", "言葉", "連絡"})
GIVING_VERBS = frozenset({"上げる", "あげる", "譲る", "託す"})
# Normalized forms that can start a parting word; _cue_at reads only these.
CUE_LEMMAS = frozenset(
    {"今迄", "今", "いま", "さようなら", "御免", "先", "探す", "最後", "生まれ変わる", "思い残す",
     "御世話", "会う", "皆", "終わり", "ばい", "元気", "許す", "全部", "必要",
     *LEAVING_ARRANGEMENTS}
)  # fmt: skip
FAREWELL_EXPLANATION = "別れの言葉が重なっている、自殺の予告の可能性"


def farewell_findings(tokens: Tokens) -> list[RiskSignal]:
    """Return one signal when the message has two or more kinds of parting words."""
    cues: dict[str, str] = {}
    for index, token in enumerate(tokens):
        if token.lemma not in CUE_LEMMAS:
            continue
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
    if lemma == "最後" and following[:1] == ["の"] and following[1:2]:
        if following[1] in LAST_MESSAGE_NOUNS:
            return "最後のメッセージ"
    if lemma == "最後" and following[:2] == ["に", "為る"] and _plain_or_polite(tokens, index + 2):
        return "最後にする"
    if lemma == "ばい" and following[:1] == ["ばい"]:
        return "ばいばい"
    if lemma == "元気" and following[:2] == ["だ", "ね"] and _sentence_closes(tokens, index + 3):
        return "元気でね"
    if lemma == "許す" and following[:1] == ["て"] and _sentence_closes(tokens, index + 2):
        return "許して"
    if lemma == "全部" and _gives_away(tokens, index):
        return "全部あげた"
    if lemma == "必要" and following[:1] == ["無い"] and _follows_mou(tokens, index):
        return "もう必要ない"
    if lemma == "最後" and following[:1] == ["に"] and "有り難う" in following:
        return "最後にありがとう"
    if lemma == "生まれ変わる":
        return "生まれ変わったら"
    if lemma == "思い残す" and following[:1] == ["こと"] and _denied_soon(following[1:]):
        return "思い残すことはない"
    if lemma in LEAVING_ARRANGEMENTS:
        return LEAVING_ARRANGEMENTS[lemma]
    if lemma == "御世話" and following[:2] == ["に", "成る"] and _closes_polite_past(tokens, index):
        return "お世話になりました"
    if lemma == "会う" and following[:1] == ["無い"] and _never_again(tokens, index):
        return "もう会えない"
    if lemma == "皆" and following[:2] == ["元気", "だ"]:
        return "みんな元気で"
    if (
        lemma == "終わり"
        and following[:2] == ["に", "為る"]
        and _plain_or_polite(tokens, index + 2)
    ):
        return "終わりにする"
    return None


def _sentence_closes(tokens: Tokens, index: int) -> bool:
    return index >= len(tokens) or tokens[index].lemma in ("。", "!", "…", ".")


def _gives_away(tokens: Tokens, index: int) -> bool:
    # 全部後輩にあげた: everything given away; 全部食べた or 全部あげたい is not a cue.
    window = tokens[index + 1 : index + 5]
    for offset, token in enumerate(window):
        if token.lemma in GIVING_VERBS:
            rest = [later.lemma for later in window[offset + 1 : offset + 2]]
            return rest == ["た"] or token.surface.endswith("た")
    return False


def _follows_mou(tokens: Tokens, index: int) -> bool:
    # もう自分には必要ない: もう within the few words before.
    return any(token.lemma == "もう" for token in tokens[max(0, index - 5) : index])


def _never_again(tokens: Tokens, index: int) -> bool:
    # もう会えない, 二度と会えない: 会える (potential) after もう or 二度と.
    if not tokens[index].conjugation.startswith("未然形") or index == 0:
        return False
    before = "".join(token.surface for token in tokens[max(0, index - 3) : index])
    return before.endswith(("もう", "二度と"))


def _denied_soon(lemmas: list[str]) -> bool:
    # 思い残すことはない, 思い残すことはありません.
    return "無い" in lemmas or "ず" in lemmas


def _closes_polite_past(tokens: Tokens, index: int) -> bool:
    # お世話になりました at the end of a sentence; お世話になった人 is only a description.
    lemmas = [token.lemma for token in tokens[index + 3 : index + 6]]
    if lemmas[:2] != ["ます", "た"]:
        return False
    return len(lemmas) == 2 or lemmas[2] in ("。", "!", "…", ".")


def _plain_or_polite(tokens: Tokens, index: int) -> bool:
    # 先にいきます and 終わりにする state an intent, but 先に行ってて is a request to someone else.
    following = [token.lemma for token in tokens[index + 1 : index + 2]]
    return following in ([], ["ます"], ["ね"], ["よ"], ["。"], ["."])
