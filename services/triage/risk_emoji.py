"""Messages made of emoji that stand for a means of self-harm (🪢, 🔪🩸, 💊💊💊).

When words surround them, text.canonicalize rewrites the emoji into words for the word rules.
This module covers the messages that have no words at all, and short ones where the only words
are despair or a goodbye (もう無理🪢, さよなら🔪).
"""

import re
import unicodedata

from services.triage.signals import RiskKind, RiskSignal

# Each of these alone, with no words, reads as a means or an injury.
MEANS_EMOJI = frozenset({"🪢", "🔪", "🗡", "🪒", "🩸", "⚰", "🪦"})
# Next to words, coffins and graves often mean "dead tired" (仕事疲れた🪦), like 💀.
WORDED_MEANS_EMOJI = MEANS_EMOJI - {"⚰", "🪦"}
PILL = "💊"
# One pill emoji is often 「薬飲んだ」; a pile of them is the overdose picture.
PILL_PILE = 3
# Words of despair or parting that, next to a means emoji, make the emoji the message:
# もう無理🪢. 🔪🧅🥕 今日はカレー has none of them.
DESPAIR = re.compile(
    r"無理|限界|疲れた|つかれた|つらい|辛い|しんどい|さよなら|さようなら|バイバイ|ばいばい|"
    r"もう嫌|もういや|おわり|終わり|ごめんなさい|助けて|たすけて"
)
LIFE = re.compile(r"生き|いき|人生")
# Longer messages carry enough words for the word rules to judge.
MAX_DESPAIR_LETTERS = 12
# A knife with blood meaning a cut made once more: 🔪🩸 また, 🔪🩸 今日もやった, 🔪🩸 again.
KNIFE_BLOOD = "🔪🩸"
REPEATED = re.compile(r"また|今日も|やった|やっちゃ|ぶり|again")
# 🔪🩸 またホラー見てる, 🔪🩸 料理で指切った: a film, a game or cooking.
PASTIME = re.compile(r"ホラー|映画|ドラマ|漫画|マンガ|アニメ|ゲーム|料理|包丁|指|movie|game")
# A pile of pills meaning all of them taken: 💊💊💊💊 全部いった, 💊💊💊 ぜんぶのんだ.
ALL_TAKEN = re.compile(r"全部|ぜんぶ|いった|飲んだ|のんだ")


def emoji_findings(normalized: str) -> list[RiskSignal]:
    """Return a signal when means-of-harm emoji stand alone or only with words of despair."""
    if PILL not in normalized and not any(emoji in normalized for emoji in MEANS_EMOJI):
        return []
    letters = [c for c in normalized if unicodedata.category(c).startswith("L")]
    if letters:
        words = "".join(letters)
        if len(letters) > MAX_DESPAIR_LETTERS:
            return []
        if PASTIME.search(words):
            return []
        if KNIFE_BLOOD in normalized and REPEATED.search(words):
            explanation = "刃物と血の絵文字で、また切ったことを伝えている"
            return [RiskSignal(RiskKind.SELF_HARM, -1, -1, KNIFE_BLOOD, explanation)]
        if normalized.count(PILL) >= PILL_PILE and ALL_TAKEN.search(words):
            explanation = "たくさんの薬の絵文字で、全部飲んだことを伝えている"
            return [RiskSignal(RiskKind.PLAN, -1, -1, PILL * PILL_PILE, explanation)]
        if not DESPAIR.search(words):
            return []
    # ⚰️⚰️⚰️ いきるのつかれた: tired of living itself, not of work, makes the coffin count.
    tired_of_life = bool(letters) and LIFE.search("".join(letters)) is not None
    allowed = WORDED_MEANS_EMOJI if letters and not tired_of_life else MEANS_EMOJI
    means_emoji = [character for character in normalized if character in allowed]
    pills = normalized.count(PILL)
    if not means_emoji and pills < PILL_PILE:
        return []
    phrase = "".join(means_emoji) or PILL * pills
    if letters:
        explanation = "絶望や別れの言葉に添えた自傷や自殺の手段の絵文字"
    else:
        explanation = "自傷や自殺の手段を表す絵文字だけのメッセージ"
    return [RiskSignal(RiskKind.PLAN, -1, -1, phrase, explanation)]
