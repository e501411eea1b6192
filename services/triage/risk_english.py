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
FIGURE_LOOKBACK = 30
THIRD_PARTY = re.compile(
    r"(?<![a-z])(?:my (friend|mom|mother|dad|father|sister|brother|son|daughter|boyfriend"
    r"|girlfriend|husband|wife|partner|classmate|coworker)|(she|he|they))(?![a-z])"
)
# The phrase ends its clause: "end it." or "on the bridge now", not "end it with him" or
# "at the bridge cafe".
CLAUSE_END = r"(?=\s*(?:$|[.,!?…。、]|now|tonight|today|right now))"
# I want to disappear from social media: leaving a place online, as SNSから消えたい.
NOT_ONLINE = (
    r"(?! (?:from|off) (?:the |this |that |my |our )?(?:[a-z']+ ){0,2}(?:social media|sns"
    r"|internet|group chat|chat|group|instagram|insta|twitter|tiktok|facebook|line|online|app"
    r"|company|job|office|class|club)(?![a-z]))"
    # I want to disappear into a hot spring for a week: a holiday.
    r"(?! (?:into|to|in) (?:an? |the )?(?:hot spring|onsen|beach|mountains?|island|cabin|resort"
    r"|vacation|holiday))"
)
# A phrase that opens with the sender ("i'm ending it") is about the sender, even when another
# person is named before it ("a letter for my mother explaining why i'm ending it").
SELF_OPENING = re.compile(r"(?:i'm|im|i am|i'd|i)\s")
ENGLISH_LESSON = re.compile(r"\b(?:a unit on|a lesson on|a class on|a workshop on|training on)\b")
# "i realized i do it every night": the sender's own act, whatever the lesson.
OWN_ACT = re.compile(
    r"\bmyself\b|\bi (?:do|did|still do|have been doing|'ve been doing) (?:it|that)\b"
)
NEWS_WORDS = re.compile(
    r"(?<![a-z])(?:prevention|awareness|news|article|movie|documentary|joked|joke)"
)


GOODBYE_LETTER = "別れの手紙を書いた、遺書の可能性"
NOT_AROUND = "もういなくなるという予告"
ALIVE_TO_FIX = "まだ生きていることを直したいという冗談に隠した願望"
AT_DANGEROUS_PLACE = "危険な場所に今いる"


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
    # "killed himself" reports a death that happened (a writer, a relative); "tried to kill
    # himself" and "wants to kill herself" still match "kill himself".
    _rule(r"kill(?:ed|ing|s)? myself|kill(?:ing|s)? (?:herself|himself|themselves)|kms"
          r"|unalive (?:myself|me)"
          r"|unalive(?=したい|しよう|する)", RiskKind.IDEATION, "自殺の意図"),
    _rule(r"done with (?:life|living)|no reason to live", RiskKind.IDEATION, "生きる理由がない"),
    # "I'd rather die than go back" is a figure of speech unless the sender insists on it.
    _rule(r"(?:i'd|i would|id) rather die(?=[^.!?]*[.!?,]?\s*(?:i mean it|not joking|seriously))",
          RiskKind.IDEATION, "死んだ方がましという思い"),
    _rule(r"end(?:ing)? (?:it all|my life|my own life|her life|his life|their life)",
          RiskKind.IDEATION, "人生を終わらせたい"),
    _rule(r"take my (?:own )?life", RiskKind.IDEATION, "自殺の意図"),
    _rule(r"suicid(?:e|al)", RiskKind.IDEATION, "自殺への言及"),
    _rule(r"(?:don't|dont|do not|doesn't) (?:want|wanna) (?:to )?live(?: anymore)?",
          RiskKind.PASSIVE_IDEATION, "生きていたくない", deniable=False),
    _rule(r"(?:want|wanna|wants) (?:to )?(?:disappear|vanish|stop existing)" + NOT_ONLINE,
          RiskKind.PASSIVE_IDEATION, "消えたい"),
    _rule(r"(?:don't|dont|do not) (?:want|wanna) (?:to )?(?:be here|exist|wake up|be alive)",
          RiskKind.PASSIVE_IDEATION, "存在したくない・目覚めたくない", deniable=False),
    _rule(r"wish (?:i|i'd) (?:could|would) (?:just )?(?:disappear|vanish|die|stop existing"
          r"|not exist|sleep forever)", RiskKind.PASSIVE_IDEATION, "消えたい・死にたいという願い"),
    _rule(r"tired of (?:living|being alive|life)"
          r"|(?:no|any|the) point (?:in |of )?(?:living|being alive|going on|existing)"
          r"|point (?:of|in) me (?:being here|living|being alive)", RiskKind.PASSIVE_IDEATION,
          "生きることへの疲れ・拒否"),
    # "if i was gone from the office" is an absence, not death.
    _rule(r"(?:notice|care|miss me) if i (?:was|were|'m|am) (?:gone|dead)(?! (?:from|to|for|on))"
          r"|(?:notice|care|miss me) if i (?:died|disappeared)(?! (?:from|for))",
          RiskKind.PASSIVE_IDEATION,
          "いなくなっても誰も気づかないという思い"),
    _rule(r"(?:dialysis|chemo|chemotherapy|treatment|insulin)[^!?]{0,80}(?:stop|quit)(?:ping)?"
          r"[^!?]{0,60}know what (?:that|it) means", RiskKind.PLAN,
          "治療をやめて死を受け入れるつもり"),
    _rule(r"how easy it would be" + CLAUSE_END, RiskKind.IDEATION,
          "簡単に死ねそうだと考えている"),
    _rule(r"(?:rest|sleep|break),? (?:that |the kind (?:that )?)?(?:you|i|one) "
          r"(?:don't|do not|won't|never|wouldn't) (?:come back|wake up) from",
          RiskKind.PASSIVE_IDEATION, "戻ってこなくていい休みを望む"),
    _rule(r"(?:envy|envied|jealous of) [^.!?]{0,60}(?:funeral|who died|passed away|in (?:his|her)"
          r" coffin).{0,80}i (?:want|wanted) that", RiskKind.PASSIVE_IDEATION,
          "亡くなった人をうらやむ、死への憧れ"),
    _rule(r"(?:(?:want|wanna|going|gonna) (?:to )?end|(?:i'm|im|i am) ending) it" + CLAUSE_END,
          RiskKind.IDEATION, "終わらせたい"),
    _rule(r"(?:took|swallowed|taking|take) (?:all|a bunch of|a lot of|too many|the whole "
          r"(?:bottle|box|pack) of|like \d{2,} of|about \d{2,} of|\d{2,} of) (?:of )?"
          r"(?:my |the |her |his )?(?:[a-z]+ )?(?:pills|meds|medication|tablets|antidepressants)",
          RiskKind.PLAN, "薬の過量服薬"),
    _rule(r"(?:sav(?:ing|ed)|stockpil(?:ing|ed)|hoard(?:ing|ed)) (?:up )?"
          r"(?:my |all my |her |his )?(?:sleeping )?(?:pills|meds|medication|tablets)"
          r"|(?:pills|meds) saved up|(?:pills|meds) (?:lined up|in my hand)", RiskKind.PLAN,
          "薬をためている、過量服薬の準備"),
    _rule(r"(?:i'm|im|i am) (?:standing )?(?:on|at|near) (?:the |a )?(?:bridge|roof|rooftop|edge"
          r"|cliff|tracks|railway|platform edge)" + CLAUSE_END + r"|(?:i'm|im|i am) on the roof of "
          r"my (?:apartment|building|house|dorm|school)|standing on the (?:bridge|roof"
          r"|rooftop|ledge|edge)|looking down from the (?:balcony|roof|rooftop|bridge|window)",
          RiskKind.PLAN, AT_DANGEROUS_PLACE, deniable=False),
    _rule(r"(?:tracks|platform edge|edge of the platform|railing|bridge)[^.]{0,60}(?:can't|cant"
          r"|cannot|can not) (?:move|step|walk|get) away(?= from (?:the )?(?:tracks|edge|platform"
          r"|railing|bridge|them|it|there)|\s*(?:$|[.,!?]))", RiskKind.PLAN,
          "危険な場所から動けない", deniable=False),
    _rule(r"never wake up|sleep forever|(?:fall asleep|sleep|go to sleep) and not wake up"
          r"|if i (?:just )?(?:didn't|did not|don't|never) wake up"
          r"|(?:hope|hoping|wish|praying) (?:that )?i (?:just )?(?:won't|wont|wouldn't|don't|dont"
          r"|will not|never) wake up",
          RiskKind.PASSIVE_IDEATION, "目覚めたくないという願い"),
    _rule(r"wish (?:i|i'd) (?:would |could )?(?:get|got|be|was) (?:hit|run over) by a (?:car|truck"
          r"|train|bus)", RiskKind.PASSIVE_IDEATION, "事故で死ねたらという願い"),
    _rule(r"(?:step|stepping|walk|walking|jump|jumping) (?:onto|in front of|into) the (?:tracks"
          r"|train|traffic)", RiskKind.PLAN, "線路や車の前に出る考え"),
    _rule(r"(?:in|inside) (?:the|my) garage with the engine (?:running|on)|engine running in the "
          r"garage", RiskKind.PLAN, "閉め切った車庫でエンジンをかけている"),
    _rule(r"(?:locked|shut) (?:himself|herself|themselves|myself) in[^.]{0,60}(?:knife|pills"
          r"|rope|razor|blade)", RiskKind.PLAN, "閉じこもって刃物や薬を持っている"),
    _rule(r"(?:fresh|new) cuts on (?:her|his|my|their) (?:arm|arms|wrist|wrists|thigh|thighs)",
          RiskKind.SELF_HARM, "腕の新しい切り傷、自傷"),
    _rule(r"disappointed (?:that )?i (?:woke up|wake up|am still alive|'m still alive)",
          RiskKind.PASSIVE_IDEATION, "目が覚めたことへの落胆"),
    _rule(r"(?:thinking about|thought about|thinking of|feel like|felt like) ending (?:it|things"
          r"|my life)(?! with)", RiskKind.IDEATION, "終わらせたい"),
    _rule(r"(?:want|wanted|wanna) (?:everything|it all) to (?:stop|end)", RiskKind.IDEATION,
          "全部終わってほしい"),
    _rule(r"(?:easier|better) (?:to just|to|if i just|if i) (?:disappear|die|vanish|be gone"
          r"|not be here)|better (?:if )?i (?:am|was|were|'m) not (?:here|alive|around)"
          r"|(?:would|will) (?:be|run) (?:better|smoother|easier|fine) without me",
          RiskKind.PASSIVE_IDEATION, "自分はいない方がいいという考え"),
    _rule(r"(?:won't|wont|will not|don't think i'?ll|dont think ill) be (?:around|here|alive) "
          r"(?:next|tomorrow|much longer|anymore|by|after)", RiskKind.PLAN, NOT_AROUND),
    _rule(r"(?:won't|wont|will not) be around" + CLAUSE_END, RiskKind.PLAN, NOT_AROUND),
    _rule(r"(?:don't|dont|do not|no need to) worry about me (?:after|from|past|beyond) "
          r"(?:tonight|today|tomorrow|this week|this weekend)", RiskKind.PLAN, NOT_AROUND),
    _rule(r"only (?:reason|thing) (?:i'?m|i am) still (?:here|alive|around)"
          r"|only (?:reason|thing) (?:i'?m|i am) alive", RiskKind.PASSIVE_IDEATION,
          "生きている理由がひとつしか残っていない"),
    _rule(r"(?:least painful|painless|easiest|quickest) way(?! to (?!die|go|end))", RiskKind.PLAN,
          "楽に死ねる方法を探している"),
    _rule(r"(?:won'?t|will not|don'?t|do not) need (?:it|them|this|these|that|those"
          r"|any of (?:it|this|them)) (?:where i'?m going|where i am going"
          r"|after (?:tonight|this week|friday))",
          RiskKind.PLAN, "持ち物がもう要らないという別れの言葉"),
    _rule(r"still alive[.,!]*\s*(?:i'?m |i am )?(?:working on|going to|gonna) (?:fix|fixing|change"
          r"|changing) that",
          RiskKind.IDEATION, ALIVE_TO_FIX),
    _rule(r"if (?:a|the) (?:truck|car|bus|train) (?:hit|hits|ran over|runs over) me[^.]{0,40}"
          r"(?:thank|wouldn'?t mind|would not mind|be fine|be relieved|not be sad)",
          RiskKind.PASSIVE_IDEATION, "事故に遭ってもかまわない、遭いたいという願い"),
    _rule(r"pills (?:are|r) (?:next to|beside|in front of|with) me|(?:about |like )?\d{2,} pills"
          r" (?:next to|beside|in front of) me", RiskKind.PLAN,
          "たくさんの薬が手元にある、過量服薬の準備"),
    _rule(r"how (?:high|tall) is (?:the |that )?(?:tallest |highest )?(?:bridge|building|roof"
          r"|rooftop|tower|cliff)[^.]{0,40}(?:asking for real|for real|not joking|seriously)",
          RiskKind.PLAN, "橋や建物の高さを本気で尋ねている"),
    _rule(r"thinking (?:about|of) (?:jumping|the (?:bridge|roof|rooftop|tracks|train|gun"
          r"|shotgun|rifle|rope|pills))", RiskKind.PLAN, "飛び降りや手段を考えている"),
    _rule(r"(?:bought|buying|got|ordered) (?:some |a )?(?:charcoal|rope|noose)", RiskKind.PLAN,
          "練炭やロープの準備"),
    _rule(r"(?:wrote|written|writing|left) (?:a |my )?goodbye (?:letters?|notes?)", RiskKind.PLAN,
          GOODBYE_LETTER),
    _rule(r"(?:in a box|if i die|if i was gone|when i'm gone)[^.]{0,60}insurance",
          RiskKind.PLAN, "保険金のための死の考え"),
    _rule(r"if i (?:disappear|die)[^.]{0,30}(?:dont|don't) be sad", RiskKind.PLAN,
          "いなくなるという予告"),
    _rule(r"better off (?:dead|without me|if i (?:was|were) (?:gone|dead|not here))",
          RiskKind.PASSIVE_IDEATION, "自分はいない方がいいという考え"),
    _rule(r"(?:please|just|someone|somebody) kill me", RiskKind.IDEATION, "殺してほしいという願望"),
    _rule(r"hang(?:ing)? (?:myself|herself|himself)", RiskKind.PLAN, "首吊り"),
    _rule(r"(?:going to|gonna|want to|wanna) (?:jump off|jump in front of)", RiskKind.PLAN,
          "飛び降り・飛び込み"),
    _rule(r"overdos(?:e|ed|ing)|too many pills", RiskKind.PLAN, "薬の過量服薬"),
    _rule(r"(?:took|take|takes|taking|swallow(?:ed|ing)?) (?:a |the )?(?:whole|entire) "
          r"(?:month|week|bottle|box)(?:'s)? (?:worth )?of (?:my |their |his |her )?(?:[a-z]+ )?"
          r"(?:pills|meds|medication|tablets|antidepressants)", RiskKind.PLAN, "薬の過量服薬"),
    _rule(r"(?:cut|cutting|hurt|hurting|harm|harming) (?:myself|herself|himself)",
          RiskKind.SELF_HARM, "自傷行為"),
    _rule(r"self[- ]?harm(?:ing)?", RiskKind.SELF_HARM, "自傷行為"),
    _rule(r"(?:been|started|start|keep|kept) cutting|cutting again", RiskKind.SELF_HARM,
          "リストカットなどの自傷行為"),
    _rule(r"(?:i|he|she|they|son|daughter|friend) cut (?:again|(?:my|his|her|their) (?:arms?"
          r"|wrists?|legs?|thighs?)(?: again)?)|(?:cuts|burns|wounds) (?:that )?i (?:did|made|gave)"
          r" (?:to )?myself", RiskKind.SELF_HARM, "リストカットなどの自傷行為"),
    _rule(r"burn(?:ed|t|ing) (?:my|his|her) (?:arms?|wrists?|skin|hands?|legs?)|scratch(?:ing"
          r"|ed)? (?:my|her|his) (?:arms?|wrists?|skin) (?:with|until)", RiskKind.SELF_HARM,
          "自傷行為"),
)  # fmt: skip
# Words of parting; two of them together read as a goodbye before suicide.
ENGLISH_FAREWELL_CUES = (
    re.compile(r"goodbye (?:message|email|e-mail|letter|note|post)s?|said goodbye to everyone"),
    re.compile(r"gave away (?:his|her|my|their)"),
    re.compile(r"(?:this is )?my last message|last message"),
    re.compile(r"thank(?:s| you) for everything"),
    re.compile(r"(?:isn't|is not|not) answering|scheduled to send"),
    re.compile(r"tell (?:my|the) [a-z]+ (?:(?:i'm|i am) )?sorry"),
    re.compile(r"this is (?:my )?goodbye"),
    re.compile(r"(?:wanted|want) to tell someone (?:first|before)"),
    re.compile(r"(?:thinking about|thought about) ending it"),
    re.compile(r"(?:texted|messaged|sent) me (?:a )?goodbye"),
    re.compile(r"(?:not|isn't|is not) picking up"),
    re.compile(r"(?:i'm|im|i am) at the (?:station|bridge|tracks)"),
    re.compile(r"gave me (?:his|her|their) (?:dog|cat|pet)"),
    # gave my guitar and my cat to my sister. told her it's for good.
    re.compile(r"gave (?:my|away my) (?:[a-z]+ )?(?:cat|dog|pet|guitar)"),
    re.compile(r"(?:it's|it is) for good|(?:weirdly|strangely|oddly) calm"),
)
# Signs that an English risk phrase is a joke, a figure of speech or an episode that is over.
ENGLISH_JOKE = re.compile(r"^\s*(?:lol|lmao|haha)")
ENGLISH_FIGURATIVE = re.compile(
    r"thought i was going to die|'suicide forest'"
    r"|die of (?:embarrassment|shame|boredom|laughter|cuteness)"
)
NOT_JOKING = re.compile(
    r"not (?:joking|kidding)|no joke|i mean it|no,? actually|for real|no but (?:fr|for real)|fr fr"
)
# Everyday uses of rope and charcoal; "not for a bbq" says the opposite.
ENGLISH_OUTDOORS = re.compile(
    r"(?<!not for )(?:camping|hiking|climbing|\btent\b|\btarp\b)"
    r"|(?<!not )for (?:a |the )?(?:bbq|barbecue|grill)"
)
ENGLISH_PAST = re.compile(
    r"used to|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|many|some)"
    r" (?:years?|months?) ago|back in (?:college|school|high school|university)"
    r"|as a (?:teen|teenager|kid|child|student)|when i (?:was|came|first came)"
    r"|last (?:year|summer|winter|spring|autumn|fall)"
)
# Words after the phrase that call the episode over: "that's long over", "behind me".
ENGLISH_OVER = re.compile(
    r"long over|(?:it's|it is|that's|that is|that was) (?:all )?over|over now|behind me"
    r"|i'm fine now|i am fine now"
)
# A goodbye letter before a move, a return home or a last day at work or school is no
# suicide note.
ENGLISH_LEAVING = re.compile(
    r"\b(?:moving|leaving|going back|going home|return(?:ing)? (?:home|to)|graduat\w*|retir\w*"
    r"|transferr?\w*|farewell party|host family|last day|new job|before i leave"
    r"|fly(?:ing)? (?:back|home)|business trip|vacation|holiday|appointment|dentist"
    r"|(?:night )?bus|train home|flight|trip|night shift|camping)\b"
)
# "not moving anywhere, just done": a move denied explains nothing.
LEAVING_DENIED = re.compile(r"(?:not|n't|never) $")
SENTENCE_END = re.compile(r"[.!?。]")
# Views and meetings at a bridge or a station: "i'm at the bridge, the view is nice".
ENGLISH_OUTING = re.compile(
    r"\b(?:view|views|sunset|sunrise|fireworks|photos?|pictures?|scenery|festival|picnic"
    r"|waiting for (?:my|a|the|you)|meeting (?:my|a|friends)|train to|bus to)\b"
)
# Medicine at work: a nurse's overdose patient, a pharmacist's warnings.
ENGLISH_CARE_WORK = re.compile(r"\b(?:patients?|pharmacist|nurse|paramedic|warnings?|ward)\b")
# Everyday English that names dying or medicine, noted so that the model needs more certainty.
ENGLISH_HARMLESS = (
    (
        re.compile(
            r"(?:is|are|was) (?:literally |really )?killing me|the death of me|would kill me"
            r"|(?:been |am |i'm |im )?dying to|could (?:just )?die (?:for|of)"
        ),
        "英語の誇張の言い回し",
    ),
    (
        re.compile(
            r"(?:take|taking) my [a-z ]{0,20}(?:meds|medicine|pills) every (?:day|morning|night)"
        ),
        "決まった量の薬を毎日飲んでいる",
    ),
    (re.compile(r"accidentally took"), "誤って薬を飲んだという相談"),
    (re.compile(r"end it with (?:him|her|them|my)"), "恋人との関係を終わらせる話"),
)
ENGLISH_RECOVERED = re.compile(
    r"(?:i'm|i am) (?:honestly |really |much )?(?:fine|okay|ok|better)|much better now"
    r"|(?:i'm|i am) in a (?:much |far |way )?better (?:place|headspace|space)"
)


# kmsってどういう意味?, kmsとは: a question about the word right after it.
MEANING_ASKED = re.compile(r"[」\"]?(?:って|とは)(?:どういう|どんな|何の)?意味")


def english_findings(canonical: str) -> list[RiskSignal | RiskNote]:
    """Return risk signals, or notes for denied phrases, found in the English parts."""
    if not ASCII_LETTER.search(canonical):
        return []
    findings: list[RiskSignal | RiskNote] = []
    for rule in ENGLISH_RULES:
        for match in rule.pattern.finditer(canonical):
            findings.append(_finding(canonical, rule, match))
    cues = [cue.search(canonical) for cue in ENGLISH_FAREWELL_CUES]
    found = [match.group() for match in cues if match is not None]
    if len(found) >= 2:
        phrase = " / ".join(found)
        if _leaving(canonical):
            # Gave away my furniture, said goodbye to everyone. Flying back to Canada on Sunday!
            findings.append(RiskNote(phrase, "引っ越しや帰国などの別れの言葉"))
        else:
            explanation = "英語の別れの言葉が重なっている、自殺の予告の可能性"
            findings.append(RiskSignal(RiskKind.IDEATION, -1, -1, phrase, explanation))
    for pattern, explanation in ENGLISH_HARMLESS:
        match = pattern.search(canonical)
        if match is not None:
            findings.append(RiskNote(match.group(), explanation))
    return findings


def _leaving(canonical: str) -> bool:
    """Return whether the message names a move, a trip or an errand that it does not deny."""
    for match in ENGLISH_LEAVING.finditer(canonical):
        if not LEAVING_DENIED.search(canonical[max(0, match.start() - 6) : match.start()]):
            return True
    return False


def _names_outing(canonical: str, match: re.Match[str]) -> bool:
    """Return whether the sentence of the match names a view or a meeting (ENGLISH_OUTING)."""
    end = SENTENCE_END.search(canonical, match.end())
    sentence_rest = canonical[match.start() : end.start() if end else len(canonical)]
    return ENGLISH_OUTING.search(sentence_rest) is not None


def _finding(canonical: str, rule: EnglishRule, match: re.Match[str]) -> RiskSignal | RiskNote:
    phrase = match.group()
    before = canonical[max(0, match.start() - DENIAL_LOOKBACK) : match.start()]
    if rule.deniable and DENIAL_BEFORE.search(before):
        return RiskNote(phrase, "英語の否定形")
    if MEANING_ASKED.match(canonical, match.end()):
        # kmsってどういう意味?: the word itself is asked about.
        return RiskNote(phrase, "言葉の意味を尋ねている")
    if phrase.startswith("suicid") and NEWS_WORDS.search(canonical):
        return RiskNote(phrase, "ニュースや啓発についての英語の話題")
    lesson = ENGLISH_LESSON.search(canonical) and not OWN_ACT.search(canonical)
    if phrase.startswith("self") and lesson:
        # we did a unit on mental health and self-harm today: a topic taught, not an act.
        return RiskNote(phrase, "授業や研修で扱う話題としての自傷")
    context = canonical[max(0, match.start() - FIGURE_LOOKBACK) : match.end() + FIGURE_LOOKBACK]
    joking = ENGLISH_JOKE.search(canonical[match.end() :]) and not NOT_JOKING.search(canonical)
    # "still alive. working on fixing that lol": the joke is the frame of this wish.
    joking = joking and rule.explanation != ALIVE_TO_FIX
    if ENGLISH_FIGURATIVE.search(context) or joking:
        return RiskNote(phrase, "英語の冗談や誇張の言い回し")
    if rule.kind is RiskKind.PLAN and ENGLISH_OUTDOORS.search(canonical):
        return RiskNote(phrase, "キャンプやバーベキューなど日常の用途")
    past = ENGLISH_PAST.search(canonical[max(0, match.start() - FIGURE_LOOKBACK) : match.start()])
    after = canonical[match.end() :]
    if past and (ENGLISH_RECOVERED.search(after) or ENGLISH_OVER.search(after)):
        return RiskNote(phrase, "過去の気持ちとして語られ、今は否定されている")
    if rule.explanation == AT_DANGEROUS_PLACE and _names_outing(canonical, match):
        return RiskNote(phrase, "景色や待ち合わせなど日常の外出")
    if rule.explanation == GOODBYE_LETTER and _leaving(canonical):
        return RiskNote(phrase, "引っ越しや帰国、卒業などの別れの手紙")
    if rule.explanation == NOT_AROUND and _leaving(canonical):
        return RiskNote(phrase, "引っ越しや旅行、用事で留守にする話")
    if rule.explanation == "薬の過量服薬" and ENGLISH_CARE_WORK.search(canonical):
        return RiskNote(phrase, "医療や薬局の仕事としての過量服薬の話")
    third_party = (
        None if SELF_OPENING.match(phrase) else THIRD_PARTY.search(canonical[: match.start()])
    )
    subject = third_party.group() if third_party else None
    return RiskSignal(rule.kind, -1, -1, phrase, rule.explanation, subject=subject)
