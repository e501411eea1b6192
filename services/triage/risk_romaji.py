"""Rules for Japanese written in the Latin alphabet (shinitai, kietai, risuka shite shimatta).

Foreign residents and phones without a Japanese keyboard write romaji. Sudachi reads it as
unknown words, so these rules are regular expressions over the lower-cased canonical text,
like risk_english.py. Each pattern is a whole phrase bounded by non-letters, so shinitakunai
(a denial) and kietakunai do not match shinitai and kietai.
"""

import re

from services.triage.signals import RiskKind, RiskNote, RiskSignal

ASCII_LETTER = re.compile("[a-z]")
# A romaji phrase needs one of these syllables before any rule runs; English text rarely has
# them, so most messages skip the rules.
ROMAJI_HINTS = re.compile(r"shi|kie|jisatsu|risuka|ikite|kusuri|katta|shinu")
NOT_LETTER_BEFORE = r"(?<![a-z])"
NOT_LETTER_AFTER = r"(?![a-z])"


# ha ga itakute shinisou: 死にそう after a cause is a figure of speech, like 死ぬほど.
ROMAJI_FIGURATIVE = re.compile(NOT_LETTER_BEFORE + r"(?:shinisou|shinu hodo)" + NOT_LETTER_AFTER)


def _rule(pattern: str) -> re.Pattern[str]:
    return re.compile(NOT_LETTER_BEFORE + pattern + NOT_LETTER_AFTER)


ROMAJI_RULES: tuple[tuple[re.Pattern[str], RiskKind, str], ...] = (
    (_rule(r"shinitai|shini tai|shinitee"), RiskKind.IDEATION, "死にたい（ローマ字）"),
    (_rule(r"shinu shika nai|shinu shikanai"), RiskKind.IDEATION, "死ぬしかない（ローマ字）"),
    (_rule(r"kietai|kiechaitai|kiete shimaitai"), RiskKind.PASSIVE_IDEATION,
     "消えたい（ローマ字）"),
    (_rule(r"(?:kieta|shinda|inai) ?(?:hou|ho) ?ga (?:ii|mashi|raku)"), RiskKind.PASSIVE_IDEATION,
     "死んだ方がいい、消えた方がいい（ローマ字）"),
    (_rule(r"ikite(?:ru|iru)? imi (?:ga |wa )?nai|ikitakunai"), RiskKind.PASSIVE_IDEATION,
     "生きている意味がない（ローマ字）"),
    (_rule(r"jisatsu(?: ?shi(?:tai|you|yo)| no houhou| suru)"), RiskKind.IDEATION,
     "自殺の意図（ローマ字）"),
    (_rule(r"risuka(?:tto)?(?: shi(?:ta|te|chatta))?"), RiskKind.SELF_HARM,
     "リストカット（ローマ字）"),
    (_rule(r"kusuri (?:wo )?(?:takusan|zenbu|ippai|\d{2,} ?(?:ko|jou|tsubu)[^.]{0,10}) ?nonda"
           r"|kusuri (?:wo |mo )?(?:tamete|atsumete)(?: ?iru| ?ru)?"), RiskKind.PLAN,
     "薬の過量服薬や溜め込み（ローマ字）"),
    (_rule(r"(?:rope|roopu) (?:wo )?katta"), RiskKind.PLAN, "ロープの準備（ローマ字）"),
)  # fmt: skip


def romaji_findings(canonical: str) -> list[RiskSignal | RiskNote]:
    """Return risk signals for the romaji phrases in the message, and notes for figures."""
    if not ASCII_LETTER.search(canonical) or not ROMAJI_HINTS.search(canonical):
        return []
    findings: list[RiskSignal | RiskNote] = []
    for pattern, kind, explanation in ROMAJI_RULES:
        match = pattern.search(canonical)
        if match is not None:
            findings.append(RiskSignal(kind, -1, -1, match.group(), explanation))
    match = ROMAJI_FIGURATIVE.search(canonical)
    if match is not None:
        findings.append(RiskNote(match.group(), "誇張の言い回し（ローマ字）"))
    return findings
