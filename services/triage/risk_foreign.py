"""Plain statements of wanting to die in Spanish, Portuguese, Tagalog, Vietnamese, Chinese,
Korean and Russian.

Foreign residents may write in their own language. Neither Sudachi nor the model reads
those languages, so a message such as quiero morir or 我想死 would wait in the queue as an
ordinary case. These rules catch only
direct wishes to die, suicide and self-harm, as regular expressions over the lower-cased
canonical text. Figures of speech stay out: me muero de risa (Spanish, "I am dying of
laughter"), 笑死 and 想死你了 (Chinese, "I miss you to death"), đói muốn chết (Vietnamese,
"starving").
"""

import re

from services.triage.signals import RiskKind, RiskSignal

# Each rule needs a Vietnamese, Korean or Russian letter, a Chinese phrase or one of these
# words. A message without any skips the rules, as most do.
FOREIGN_HINTS = re.compile(
    r"[à-ỹ\uac00-\ud7a3\u0400-\u04ff]|想死|不想活|自杀|自殺了|轻生|輕生|割腕"
    r"|morir|morrer|matar|mamatay|mawala|suicid|mabuhay|vivir|viver|desaparecer"
)
NOT_LETTER_BEFORE = r"(?<![a-zà-ỹ])"
NOT_LETTER_AFTER = r"(?![a-zà-ỹ])"


# morir de risa, morrer de rir: dying of laughter, shame, hunger or heat is a figure.
FIGURE_AFTER = (
    r"(?! de (?:risa|rir|vergüenza|vergonha|hambre|fome|sueño|sono|calor|frío|frio|amor"
    r"|aburrimiento|tédio))"
)


def _latin(pattern: str) -> re.Pattern[str]:
    return re.compile(NOT_LETTER_BEFORE + r"(?:" + pattern + r")" + NOT_LETTER_AFTER + FIGURE_AFTER)


FOREIGN_RULES: tuple[tuple[re.Pattern[str], RiskKind, str], ...] = (
    # Spanish.
    (_latin(r"(?:me )?quiero (?:morir(?:me)?|matarme|suicidarme|desaparecer)"
            r"|no quiero (?:seguir )?vivir|me voy a (?:matar|suicidar)|pienso en suicidarme"),
     RiskKind.IDEATION, "死にたいという願望（スペイン語）"),
    # Portuguese.
    (_latin(r"quero morrer|quero me matar|vou me matar|n[aã]o quero mais viver"
            r"|n[aã]o quero viver|penso em (?:me matar|suic[ií]dio)|vou me suicidar"),
     RiskKind.IDEATION, "死にたいという願望（ポルトガル語）"),
    # Tagalog.
    (_latin(r"gusto ko (?:nang |na )?(?:mamatay|mawala)|ayoko (?:nang|na) mabuhay"
            r"|magpapakamatay|papatayin ko (?:ang )?(?:aking )?sarili"),
     RiskKind.IDEATION, "死にたいという願望（タガログ語）"),
    # Vietnamese, with a pronoun, because đói muốn chết means "starving".
    (_latin(r"(?:tôi|em|mình|tao|anh|chị) (?:rất |thật sự |chỉ )?muốn chết"
            r"|muốn tự tử|không muốn sống nữa|định tự tử|tự sát|tự tử"),
     RiskKind.IDEATION, "死にたいという願望（ベトナム語）"),
    # Chinese, simplified and traditional. 想死你 is "I miss you (to death)".
    (re.compile(r"想死(?!你|您|他|她|妳|我了)|不想活|自杀|自殺了|轻生|輕生|割腕"),
     RiskKind.IDEATION, "死にたいという願望（中国語）"),
    # Korean.
    (re.compile(r"죽고\s?싶|자살|살고\s?싶지\s?않|죽어버리고"),
     RiskKind.IDEATION, "死にたいという願望（韓国語）"),
    # Russian.
    (re.compile(r"хочу умереть|покончить с собой|не хочу жить|убить себя|суицид"),
     RiskKind.IDEATION, "死にたいという願望（ロシア語）"),
)  # fmt: skip


def foreign_findings(canonical: str) -> list[RiskSignal]:
    """Return a risk signal for each language whose direct wish to die the message contains."""
    if not FOREIGN_HINTS.search(canonical):
        return []
    findings = []
    for pattern, kind, explanation in FOREIGN_RULES:
        match = pattern.search(canonical)
        if match is not None:
            findings.append(RiskSignal(kind, -1, -1, match.group(), explanation))
    return findings
