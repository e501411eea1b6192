"""Rules for English and mixed messages (I want to die, もうwant to die状態).

Sudachi is not built for English, so these rules are regular expressions over the lower-cased
canonical text. Letters around a match must be non-ASCII or absent, because Japanese letters
count as word characters and would defeat `\\b` in もうwant.
"""

import re
from dataclasses import dataclass

from services.triage.signals import RiskKind, RiskNote, RiskSignal

ASCII_LETTER = re.compile("[a-z]")
NOT_LETTER_BEFORE = r"(?<![a-z])"
NOT_LETTER_AFTER = r"(?![a-z])"
# A negation in the few words before a wish denies it: I don't want to die, I'm not suicidal.
DENIAL_BEFORE = re.compile(
    r"(?:don't|dont|do not|never|doesn't|not going to|won't|wouldn't"
    r"|(?<![a-z])not(?: really)?|no longer)\s+$"
)
DENIAL_LOOKBACK = 16
THIRD_PARTY = re.compile(
    r"(?<![a-z])(?:my (friend|mom|mother|dad|father|sister|brother|son|daughter|boyfriend"
    r"|girlfriend|husband|wife|partner|classmate|coworker)|(she|he|they))(?![a-z])"
)
# The phrase ends its clause: "end it." or "on the bridge now", not "end it with him" or
# "at the bridge cafe".
CLAUSE_END = r"(?=\s*(?:$|[.,!?…。、]|now|tonight|today|right now))"
NEWS_WORDS = re.compile(r"(?<![a-z])(?:prevention|awareness|news|article|movie|documentary)")


@dataclass(frozen=True)
class EnglishRule:
    pattern: re.Pattern[str]
    kind: RiskKind
    explanation: str
    deniable: bool = True


def _rule(pattern: str, kind: RiskKind, explanation: str, deniable: bool = True) -> EnglishRule:
    compiled = re.compile(NOT_LETTER_BEFORE + pattern + NOT_LETTER_AFTER)
    return EnglishRule(compiled, kind, explanation, deniable)


ENGLISH_RULES = (
    _rule(r"(?:want|wanna|wants|wanted|going|gonna) (?:to )?die", RiskKind.IDEATION, "死にたい"),
    _rule(r"wish (?:i|i'd) (?:was|were|had) (?:dead|died|never been born)", RiskKind.IDEATION,
          "死んでいればという願い"),
    _rule(r"kill(?:ing)? (?:myself|herself|himself|themselves)|kms|unalive (?:myself|me)",
          RiskKind.IDEATION, "自殺の意図"),
    _rule(r"done with (?:life|living)|no reason to live", RiskKind.IDEATION, "生きる理由がない"),
    _rule(r"end(?:ing)? (?:it all|my life|my own life|her life|his life|their life)",
          RiskKind.IDEATION, "人生を終わらせたい"),
    _rule(r"take my (?:own )?life", RiskKind.IDEATION, "自殺の意図"),
    _rule(r"suicid(?:e|al)", RiskKind.IDEATION, "自殺への言及"),
    _rule(r"(?:don't|dont|do not|doesn't) (?:want|wanna) (?:to )?live(?: anymore)?",
          RiskKind.PASSIVE_IDEATION, "生きていたくない", deniable=False),
    _rule(r"(?:want|wanna|wants) (?:to )?disappear", RiskKind.PASSIVE_IDEATION, "消えたい"),
    _rule(r"(?:don't|dont|do not) (?:want|wanna) (?:to )?(?:be here|exist|wake up|be alive)",
          RiskKind.PASSIVE_IDEATION, "存在したくない・目覚めたくない", deniable=False),
    _rule(r"wish (?:i|i'd) (?:could|would) (?:just )?(?:disappear|vanish|die|stop existing"
          r"|not exist|sleep forever)", RiskKind.PASSIVE_IDEATION, "消えたい・死にたいという願い"),
    _rule(r"tired of (?:living|being alive|life)|(?:no|any) point (?:in )?living",
          RiskKind.PASSIVE_IDEATION, "生きることへの疲れ・拒否"),
    _rule(r"(?:want|wanna|going|gonna) (?:to )?end it" + CLAUSE_END, RiskKind.IDEATION,
          "終わらせたい"),
    _rule(r"(?:took|swallowed|taking|take) (?:all|a bunch of|a lot of|too many|the whole "
          r"(?:bottle|box|pack) of) (?:my |the |of my )?(?:pills|meds|medication|tablets"
          r"|sleeping pills)", RiskKind.PLAN, "薬の過量服薬"),
    _rule(r"(?:i'm|im|i am) (?:standing )?(?:on|at) (?:the |a )?(?:bridge|roof|rooftop|edge"
          r"|cliff|tracks|railway|platform edge)" + CLAUSE_END, RiskKind.PLAN, "危険な場所に今いる",
          deniable=False),
    _rule(r"never wake up|sleep forever", RiskKind.PASSIVE_IDEATION, "目覚めたくないという願い"),
    _rule(r"better off (?:dead|without me|if i (?:was|were) (?:gone|dead|not here))",
          RiskKind.PASSIVE_IDEATION, "自分はいない方がいいという考え"),
    _rule(r"(?:please|just|someone|somebody) kill me", RiskKind.IDEATION, "殺してほしいという願望"),
    _rule(r"hang(?:ing)? (?:myself|herself|himself)", RiskKind.PLAN, "首吊り"),
    _rule(r"(?:going to|gonna|want to|wanna) (?:jump off|jump in front of)", RiskKind.PLAN,
          "飛び降り・飛び込み"),
    _rule(r"overdos(?:e|ed|ing)|too many pills", RiskKind.PLAN, "薬の過量服薬"),
    _rule(r"(?:cut|cutting|hurt|hurting|harm|harming) (?:myself|herself|himself)",
          RiskKind.SELF_HARM, "自傷行為"),
    _rule(r"self[- ]?harm(?:ing)?", RiskKind.SELF_HARM, "自傷行為"),
    _rule(r"(?:been|started|start|keep|kept) cutting|cutting again", RiskKind.SELF_HARM,
          "リストカットなどの自傷行為"),
)  # fmt: skip


def english_findings(canonical: str) -> list[RiskSignal | RiskNote]:
    """Return risk signals, or notes for denied phrases, found in the English parts."""
    if not ASCII_LETTER.search(canonical):
        return []
    findings: list[RiskSignal | RiskNote] = []
    for rule in ENGLISH_RULES:
        for match in rule.pattern.finditer(canonical):
            findings.append(_finding(canonical, rule, match))
    return findings


def _finding(canonical: str, rule: EnglishRule, match: re.Match[str]) -> RiskSignal | RiskNote:
    phrase = match.group()
    before = canonical[max(0, match.start() - DENIAL_LOOKBACK) : match.start()]
    if rule.deniable and DENIAL_BEFORE.search(before):
        return RiskNote(phrase, "英語の否定形")
    if phrase.startswith("suicid") and NEWS_WORDS.search(canonical):
        return RiskNote(phrase, "ニュースや啓発についての英語の話題")
    third_party = THIRD_PARTY.search(canonical[: match.start()])
    subject = third_party.group() if third_party else None
    return RiskSignal(rule.kind, -1, -1, phrase, rule.explanation, subject=subject)
