"""Messages made only of emoji that stand for a means of self-harm (🪢, 🔪🩸, 💊💊💊).

When words surround them, text.canonicalize rewrites the emoji into words for the word rules.
This module covers the messages that have no words at all.
"""

import unicodedata

from services.triage.signals import RiskKind, RiskSignal

# Each of these alone, with no words, reads as a means or an injury.
MEANS_EMOJI = frozenset({"🪢", "🔪", "🗡", "🪒", "🩸", "⚰", "🪦"})
PILL = "💊"
# One pill emoji is often 「薬飲んだ」; a pile of them is the overdose picture.
PILL_PILE = 3


def emoji_findings(normalized: str) -> list[RiskSignal]:
    """Return a signal when the message has no letters and shows means-of-harm emoji."""
    if any(unicodedata.category(character).startswith("L") for character in normalized):
        return []
    means_emoji = [character for character in normalized if character in MEANS_EMOJI]
    pills = normalized.count(PILL)
    if not means_emoji and pills < PILL_PILE:
        return []
    phrase = "".join(means_emoji) or PILL * pills
    explanation = "自傷や自殺の手段を表す絵文字だけのメッセージ"
    return [RiskSignal(RiskKind.PLAN, -1, -1, phrase, explanation)]
