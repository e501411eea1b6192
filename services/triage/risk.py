"""Decide whether a message shows suicidal ideation or self-harm, and explain why.

The rules in the RULE_TABLES modules (risk_verbs, risk_life, risk_euphemism, risk_means and
the others) each look at one word and its neighbours. risk_english, risk_emoji, risk_farewell,
risk_clause, risk_vanishing and risk_treatment look at the whole message. This module runs
them all, turns a phrase in a harmless context (risk_context, risk_hedges) into a note, names
the person at risk when the sender reports someone else, and drops a risk that the message
places only in the past (前は死にたかったけど、今は落ち着いてる).
"""

import dataclasses

from services.triage import risk_lexicon as lex
from services.triage.morphology import Token, is_sentence_end, message_lemmas, sentence_bounds
from services.triage.predicates import (
    NEGATIONS,
    SUBJECT_PARTICLES,
    is_potential,
    subject_of,
    verb_tail,
)
from services.triage.risk_accidents import ACCIDENT_RULES
from services.triage.risk_clause import clause_findings
from services.triage.risk_context import harmless_context
from services.triage.risk_cover_story import cover_story_findings
from services.triage.risk_deadlines import deadline_findings
from services.triage.risk_emoji import emoji_findings
from services.triage.risk_ending import ENDING_RULES
from services.triage.risk_english import english_findings
from services.triage.risk_euphemism import EUPHEMISM_RULES
from services.triage.risk_exits import exit_findings
from services.triage.risk_farewell import farewell_findings
from services.triage.risk_foreign import foreign_findings
from services.triage.risk_giveaway import giveaway_findings
from services.triage.risk_life import LIFE_RULES
from services.triage.risk_lifespan import LIFESPAN_RULES
from services.triage.risk_means import MEANS_RULES
from services.triage.risk_mentions import SCARE_EXPLAINED, scare_explained
from services.triage.risk_metaphors import METAPHOR_RULES
from services.triage.risk_next_time import next_time_findings
from services.triage.risk_plans import PLAN_RULES, pact_findings
from services.triage.risk_presence import PRESENCE_RULES
from services.triage.risk_romaji import romaji_findings
from services.triage.risk_self_harm import SELF_HARM_RULES
from services.triage.risk_survivor import survivor_findings
from services.triage.risk_treatment import diagnosis_relief_findings, treatment_findings
from services.triage.risk_vanishing import VANISHING_RULES, vanishing_findings
from services.triage.risk_verbs import VERB_RULES
from services.triage.risk_waking import WAKING_RULES
from services.triage.risk_weariness import WEARINESS_RULES
from services.triage.signals import RiskAssessment, RiskKind, RiskNote, RiskSignal

Tokens = tuple[Token, ...]
RULE_TABLES = (
    MEANS_RULES,
    SELF_HARM_RULES,
    PRESENCE_RULES,
    PLAN_RULES,
    ACCIDENT_RULES,
    VERB_RULES,
    LIFE_RULES,
    LIFESPAN_RULES,
    ENDING_RULES,
    EUPHEMISM_RULES,
    VANISHING_RULES,
    WAKING_RULES,
    METAPHOR_RULES,
    WEARINESS_RULES,
)
RULES = {lemma: rule for table in RULE_TABLES for lemma, rule in table.items()}
if len(RULES) != sum(len(table) for table in RULE_TABLES):
    raise RuntimeError("two risk rule tables claim the same word; each word needs one rule")
NOW_WORDS = frozenset({lex.NOW, "いま", "今年"})
# Days too near for an act of self-harm or an overdose to count as over.
RECENT_DAYS = frozenset(
    {"昨日", "昨夜", "昨晩", "今朝", "今日", "さっき", "先程", "ゆうべ", "夕べ"}
)
ACTS = frozenset({RiskKind.PLAN, RiskKind.SELF_HARM})
# Pets named as the subject of a risk phrase: 猫がベランダから飛び降りた.
ANIMAL_SUBJECTS = lex.ANIMALS | frozenset(
    {"ハムスター", "インコ", "兎", "うさぎ", "金魚", "ペット"}
)
# やってなかったのに, やめてたけど: a stop that the rest of the sentence undoes.
RELAPSE_LINKS = frozenset({"のに", "けれど", "が", "でも"})
# あのころと同じ気持ち: a past feeling said to be the present one.
SAME = "同じ"
TRUTH = "本当"
# ほんとはまたリスカした: nouns of the act that する may follow.
ACT_NOUNS = frozenset({"自傷", "リストカット", "アームカット", "OD", "自殺未遂", "未遂"})
FEELING = "気持ち"
# もう5年してない, もうやってない: the act has stopped.
DOING_VERBS = frozenset({"為る", "遣る", "切る"})
CEASE_VERBS = frozenset({"やめる", "止める"})
CEASE_WINDOW = 5
# やめて2年経ちます, やめて半年になる: the time since the act stopped.
ELAPSE_VERBS = frozenset({"経つ", "たつ", "成る"})
ELAPSE_WINDOW = 5
# 一年以上言っていません, もう何年も思ってない: the words stopped being said or thought.
SAYING_VERBS = frozenset({"言う", "思う"})
SPAN_WORDS = frozenset({"年", "月", "ヶ月", "か月", "以上", "週間", "半年"})
ANYONE = "誰"
WISHES = frozenset({"たい", "欲しい"})
# 自分を傷つけることもなくなった, 消えたいと思うことはもうありません: the act as a habit, over.
HABIT_GAP = 3
# あの頃の自分に, あの時よく頑張った: the past named as a time the sender looks back on.
LOOK_BACK_TIMES = frozenset({"頃", "時", "時期"})
THAT = "あの"
SELF = "自分"
CONTRASTS = frozenset({"けれど", "が", "けど"})
# もう2年そういうことはない: the act named as "such a thing".
SUCH = frozenset({"そういう", "そんな", "ああいう", "あんな"})
# The feeling whose absence since a span is stated: そういう気持ちが一度も来てない.
FEELING_NOUNS = frozenset({"気持ち", "考え", "衝動", "気分"})
LAST_TIME = "最後"
# 中学のころのことで: the words of the next sentence that may date the one before.
DATED_WINDOW = 5
# 10年前の話, 昔の話: the time before 〜の話 that closes a story.
CLOSED_STORY_TIMES = frozenset({"前", "昔"})
OPENING_QUOTES = frozenset({"「", "『"})
CLOSING_QUOTES = frozenset({"」", "』"})
# 「死にたい」と何度も書いてありました: た may come four morphemes after the verb.
REPORT_WINDOW = 4
REPORTING_VERBS = frozenset({"言う", "思う", "考える", "書く"})
# 通院も終わって, 仕事も続いてます: treatment over, or daily life going on.
ENDED = "終わる"
ENDED_BY_SELF = "終える"
ENDED_VERBS = frozenset({ENDED, ENDED_BY_SELF})
GOES_ON = "続く"
RESUMED = "復帰"
TREATMENT_COURSES = frozenset({"通院", "治療", "入院", "カウンセリング", "服薬"})
DAILY_ROUTINES = frozenset({"仕事", "学校", "バイト", "勤務", "通学", "パート"})


def assess_risk(tokens: Tokens, canonical: str, normalized: str) -> RiskAssessment:
    """Run every risk rule over one message and return its signals and notes.

    canonical is text.canonicalize of the message and tokens its morphemes; normalized is
    text.normalize_text of it, which still has every emoji.
    """
    signals: list[RiskSignal] = []
    notes: list[RiskNote] = []
    lemmas = message_lemmas(tokens)
    # About a quarter of the tuning messages have no word with a rule, so they skip the loop.
    if not lemmas.isdisjoint(RULES):
        for index, token in enumerate(tokens):
            rule = RULES.get(token.lemma)
            if rule is None:
                continue
            finding = rule(tokens, index)
            if isinstance(finding, RiskSignal):
                harmless = harmless_context(tokens, finding)
                if harmless is None and subject_of(tokens, finding.start) in ANIMAL_SUBJECTS:
                    # 猫がベランダから飛び降りて脱走した: a pet did it.
                    harmless = "動物についての話"
                if harmless is not None:
                    notes.append(RiskNote(finding.phrase, harmless))
                    continue
                signals.append(_with_subject(tokens, finding))
            elif isinstance(finding, RiskNote):
                notes.append(finding)
    for finding in english_findings(canonical):
        if isinstance(finding, RiskSignal):
            signals.append(finding)
        else:
            notes.append(finding)
    for finding in (
        clause_findings(tokens)
        + vanishing_findings(tokens)
        + treatment_findings(tokens, lemmas)
        + diagnosis_relief_findings(tokens, lemmas)
        + pact_findings(tokens, lemmas)
        + deadline_findings(tokens, lemmas)
        + next_time_findings(tokens, lemmas)
        + giveaway_findings(tokens, lemmas)
        + cover_story_findings(tokens, lemmas)
        + exit_findings(tokens, lemmas)
    ):
        if isinstance(finding, RiskNote):
            notes.append(finding)
            continue
        harmless = harmless_context(tokens, finding)
        if harmless is None:
            signals.append(finding)
        else:
            notes.append(RiskNote(finding.phrase, harmless))
    for finding in romaji_findings(canonical):
        if isinstance(finding, RiskSignal):
            signals.append(finding)
        else:
            notes.append(finding)
    signals.extend(foreign_findings(canonical))
    signals.extend(emoji_findings(normalized))
    for found in farewell_findings(tokens):
        if scare_explained(tokens, 0, len(tokens)):
            notes.append(RiskNote(found.phrase, SCARE_EXPLAINED))
        else:
            signals.append(found)
    # The news or an accident is what these need, so no harmless context applies to them.
    signals.extend(survivor_findings(tokens, lemmas))
    signals = _without_overlaps(tokens, signals)
    if signals and _all_in_past(tokens, signals):
        explanation = "過去の気持ちとして語られ、今は否定されている"
        past_notes = [RiskNote(found.phrase, explanation) for found in signals]
        return RiskAssessment(signals=(), notes=tuple(past_notes + notes))
    return RiskAssessment(signals=tuple(signals), notes=tuple(_unique(notes)))


def _with_subject(tokens: Tokens, found: RiskSignal) -> RiskSignal:
    """Name the person at risk when the sentence is about someone else (娘の手首, 友達が)."""
    subject = subject_of(tokens, found.start)
    if subject not in lex.OTHER_PEOPLE:
        subject = (
            _possessor(tokens, found.start)
            or _quoted_speaker(tokens, found.start)
            or _bracket_speaker(tokens, found.start)
        )
    if subject is None:
        return found
    return dataclasses.replace(found, subject=lex.SUBJECT_NAMES.get(subject, subject))


def _possessor(tokens: Tokens, index: int) -> str | None:
    # 娘の手首に切った跡: the body part belongs to someone else.
    if index < 2 or tokens[index].lemma not in lex.BODY_PARTS:
        return None
    if tokens[index - 1].lemma == "の" and tokens[index - 2].lemma in lex.OTHER_PEOPLE:
        return tokens[index - 2].lemma
    return None


def _quoted_speaker(tokens: Tokens, index: int) -> str | None:
    # 彼氏から「今から自殺する」: the person the quote came from is the one at risk.
    start, _ = sentence_bounds(tokens, index)
    for position in range(index - 1, start, -1):
        if tokens[position].lemma == "から" and tokens[position - 1].lemma in lex.OTHER_PEOPLE:
            quoted = any(token.surface in ("「", "『") for token in tokens[position:index])
            return tokens[position - 1].lemma if quoted else None
    return None


def _bracket_speaker(tokens: Tokens, index: int) -> str | None:
    """Return who opens the quote around tokens[index]: 夫が「俺なんかいない方がいい」."""
    for position in range(index - 1, 1, -1):
        surface = tokens[position].surface
        if surface in CLOSING_QUOTES:
            return None
        if surface in OPENING_QUOTES:
            particle, speaker = tokens[position - 1], tokens[position - 2]
            if particle.lemma in SUBJECT_PARTICLES and speaker.lemma in lex.OTHER_PEOPLE:
                return speaker.lemma
            return None
    return None


def _without_overlaps(tokens: Tokens, signals: list[RiskSignal]) -> list[RiskSignal]:
    """Keep one signal per stretch of text and kind of risk per sentence.

    自分の腕を切る matches at 自分 and at 腕; 手首に切った跡 matches at 切る and at 跡.
    """
    distinct: list[RiskSignal] = []
    for found in signals:
        if any(_overlaps(tokens, found, other) for other in distinct):
            continue
        distinct.append(found)
    return distinct


def _overlaps(tokens: Tokens, first: RiskSignal, second: RiskSignal) -> bool:
    if first.start < 0 or second.start < 0:
        return first.phrase in second.phrase or second.phrase in first.phrase
    if first.kind is second.kind:
        return sentence_bounds(tokens, first.start) == sentence_bounds(tokens, second.start)
    return first.start < second.end and second.start < first.end


def _all_in_past(tokens: Tokens, signals: list[RiskSignal]) -> bool:
    """Return whether every signal is placed only in the past.

    A scar (傷あとを隠す) counts as past when the message states that the self-harm behind it
    is over: 高校の頃はリスカしてたけど、もう五年やってない。傷あとを隠すのに夏はまだ長袖.
    """
    past = [_only_in_past(tokens, found) for found in signals]
    act_over = any(
        in_past and found.kind is RiskKind.SELF_HARM and not _is_scar(tokens, found)
        for found, in_past in zip(signals, past, strict=True)
    )
    return all(
        in_past or (act_over and _is_scar(tokens, found))
        for found, in_past in zip(signals, past, strict=True)
    )


def _is_scar(tokens: Tokens, found: RiskSignal) -> bool:
    if found.start < 0 or found.kind is not RiskKind.SELF_HARM:
        return False
    return any(token.lemma in lex.PAST_EVIDENCE for token in tokens[found.start : found.end])


def _only_in_past(tokens: Tokens, found: RiskSignal) -> bool:
    """Return whether the signal is placed in the past and a later clause says it has passed.

    The past is a marker in the sentence (前は, 昔の話), a thought reported in the past
    (思ってた) or a scar or experience named after the act (リスカの痕, OD経験者).
    """
    if found.start < 0:
        return False
    if _renewed(tokens, found):
        return False
    start, end = sentence_bounds(tokens, found.start)
    sentence = {token.lemma for token in tokens[start:end]}
    if found.kind in ACTS and sentence & RECENT_DAYS and not sentence & lex.PAST_MARKERS:
        # 昨日ブロン40錠いった。今は平気: an act of yesterday is not a past that has passed.
        # 昨日、昔ODしてた話をした dates the telling, and 昔 the act.
        return False
    in_past = any(
        _marks_past(tokens[position], tokens[position - 1] if position else None)
        for position in range(start, end)
    )
    if _story_closed(tokens):
        # 自殺未遂したことがあると聞いた。もう10年前の話らしい.
        return True
    in_past = in_past or _dated_next(tokens, end)
    if _span_ceased(tokens, found, end):
        # リスカはもう3年やってない: the span since the act places it in the past.
        return True
    if not (in_past or _reported_in_past(tokens, found.end) or _past_evidence(tokens, found.end)):
        return False
    if _recovery_after(tokens, found.end) or _ceased_after(tokens, found.end):
        return True
    if in_past and _heard_as_experience(tokens, found.end):
        # 元カレに昔『別れるなら死ぬ』って言われたことがあって: words heard once, long ago.
        return True
    # 昔、薬を大量に飲んだことがある…もう何年も元気: an experience, with a calm present later.
    return _told_as_experience(tokens, found.end) and _calm_later(tokens, found.end)


def _span_ceased(tokens: Tokens, found: RiskSignal, sentence_end: int) -> bool:
    """Return whether the sentence states that the act stopped a span ago: もう3年やってない.

    のに and けど keep a relapse (3年やってなかったのに、また) urgent.
    """
    after = tokens[found.end : sentence_end]
    lemmas = {token.lemma for token in after}
    counted = any(
        token.lemma in SPAN_WORDS and position > 0 and after[position - 1].pos_detail == "数詞"
        for position, token in enumerate(after)
    )
    # この歳になって is an age, not a span counted since the act.
    if not (counted or "半年" in lemmas) or lemmas & RELAPSE_LINKS:
        return False
    return _ceased_after(tokens[:sentence_end], found.end)


def _dated_next(tokens: Tokens, sentence_end: int) -> bool:
    """Return whether the next sentence opens by dating it: 中学のころのことで, 昔の話で."""
    if sentence_end + 1 >= len(tokens):
        return False
    start = sentence_end + 1
    lemmas = [token.lemma for token in tokens[start : start + DATED_WINDOW]]
    for position, lemma in enumerate(lemmas):
        if lemma in lex.PAST_MARKERS or lemma == "時":
            return lemmas[position + 1 : position + 3] in (["の", "こと"], ["の", "話"])
    return False


def _story_closed(tokens: Tokens) -> bool:
    """Return whether the message calls it a story of long ago: 10年前の話, 何年も前の話なのに."""
    for index in range(2, len(tokens)):
        if tokens[index].lemma == "話" and tokens[index - 1].lemma == "の":
            if tokens[index - 2].lemma in CLOSED_STORY_TIMES:
                return True
    return False


def _heard_as_experience(tokens: Tokens, end: int) -> bool:
    """Return whether the words were said to the sender once: 〜って言われたことがある."""
    lemmas = [token.lemma for token in tokens[end : end + 8] if token.surface not in ("」", "』")]
    if lemmas[:1] not in (["って"], ["と"]) or lemmas[1:3] != ["言う", "れる"]:
        return False
    return lemmas[3:6] == ["た", "こと", "が"] or lemmas[3:5] == ["た", "こと"]


def _told_as_experience(tokens: Tokens, end: int) -> bool:
    lemmas = [token.lemma for token in tokens[end : end + 4]]
    if lemmas[:1] == ["た"]:
        lemmas = lemmas[1:]
    return lemmas[:1] == ["こと"] and "有る" in lemmas[1:3]


def _calm_later(tokens: Tokens, position: int) -> bool:
    for index in range(position, len(tokens)):
        if tokens[index].lemma in lex.RECOVERY_WORDS - {"無い", "思う"}:
            following = [t.lemma for t in tokens[index + 1 : index + 3]]
            return not (following[:1] == ["だ"] and "無い" in following)
    return False


def _renewed(tokens: Tokens, found: RiskSignal) -> bool:
    """Return whether the risk is said to be back (また, 再び, or 最近 in the same sentence).

    戻る counts only as coming back (気持ちが戻ってきた), not as returning to work.
    """
    for index, token in enumerate(tokens):
        if token.lemma in lex.RENEWAL_MARKERS and token.lemma != lex.RETURN:
            if _said_to_sender(tokens, index):
                # 「つらくなったらまた書いてね」と言われた: a counselor's words, not a relapse.
                continue
            return True
        if token.lemma == lex.RETURN and [t.lemma for t in tokens[index + 1 : index + 3]] == [
            "て",
            "来る",
        ]:
            return True
        if index > found.end and token.lemma == SAME and _same_feeling_now(tokens, index):
            # 今の職場でも、あのころと同じ気持ちで毎日過ごしてます.
            return True
        if index > found.end and token.lemma == TRUTH and _act_admitted(tokens, index):
            # 今は平気、って書こうとしたけど、ほんとはこの一週間で三回やった.
            return True
    start, end = sentence_bounds(tokens, found.start)
    for index in range(start, end):
        if tokens[index].lemma not in lex.RECENT_WORDS:
            continue
        topic = index + 1 < len(tokens) and tokens[index + 1].lemma == "は"
        if topic and _calm(tokens, index + 2):
            # 最近は半袖も着られるようになった: 最近は opens a calm clause like 今は.
            continue
        return True
    return False


def _same_feeling_now(tokens: Tokens, index: int) -> bool:
    """Return whether 同じ気持ち is placed in the present: 今も同じ気持ち, 今の職場でも同じ."""
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following[:1] != [FEELING] and following[1:2] != [FEELING]:
        return False
    start, _ = sentence_bounds(tokens, index)
    return any(token.lemma in NOW_WORDS for token in tokens[start:index])


def _act_admitted(tokens: Tokens, index: int) -> bool:
    """Return whether 本当は opens a clause that admits the act: ほんとは三回やった."""
    if tokens[index + 1 : index + 2] == () or tokens[index + 1].lemma != "は":
        return False
    _, end = sentence_bounds(tokens, index)
    for position in range(index + 2, end):
        if tokens[position].lemma not in DOING_VERBS:
            continue
        previous = tokens[position - 1]
        if (
            tokens[position].lemma == lex.DO
            and previous.pos == "名詞"
            and previous.lemma not in ACT_NOUNS
        ):
            # 相談してよかった: する after another noun is another act.
            continue
        tail = verb_tail(tokens, position)
        return "た" in tail.lemmas and not tail.negated and "良い" not in tail.lemmas
    return False


def _said_to_sender(tokens: Tokens, index: int) -> bool:
    """Return whether tokens[index] sits in a quote followed by 〜と言われた."""
    for position in range(index + 1, len(tokens)):
        if tokens[position].surface in OPENING_QUOTES:
            return False
        if tokens[position].surface in CLOSING_QUOTES:
            following = [token.lemma for token in tokens[position + 1 : position + 4]]
            return following[:1] in (["と"], ["って"]) and following[1:3] == ["言う", "れる"]
    return False


def _past_evidence(tokens: Tokens, end: int) -> bool:
    # リストカットの痕, OD経験者: a scar or an experience of the act is about the past.
    following = [token.lemma for token in tokens[end : end + 2]]
    if following[:1] == ["の"]:
        following = following[1:]
    return bool(following) and following[0] in lex.PAST_EVIDENCE


def _marks_past(token: Token, previous: Token | None = None) -> bool:
    # 学生時代 and 高校時代 are single compound nouns in Sudachi's long units.
    if token.lemma in lex.PAST_MARKERS or token.lemma.endswith("時代"):
        return True
    # 高1のとき, 中学の時: a time of life named with の; あのときは: a time pointed back at.
    return token.lemma == "時" and previous is not None and previous.lemma in ("の", "あの", "彼の")


def _reported_in_past(tokens: Tokens, end: int) -> bool:
    """Return whether the phrase is said or thought in the past: 言ってた, 思ってた時期."""
    _, sentence_end = sentence_bounds(tokens, max(0, end - 1))
    for position in range(end, sentence_end):
        if tokens[position].lemma in REPORTING_VERBS:
            following = tokens[position + 1 : position + 1 + REPORT_WINDOW]
            return any(token.lemma == "た" for token in following)
    return False


def _recovery_after(tokens: Tokens, position: int) -> bool:
    """Return whether a later clause says the sender is well now.

    Each 今は, 最近は, 今なら or 〜からは opens a clause that _calm reads. A clause that names a
    risk again ends the search, and one that names neither is passed over.
    """
    for index in range(position, len(tokens) - 1):
        if tokens[index].lemma in lex.OVERCOME_VERBS:
            # よく乗り越えた, 克服した: a recovery that needs no 今は.
            return True
        # 今は落ち着いてる, 最近は眠れてる, 転職してからは落ち着いてます, 今なら声をかけて
        # あげられる.
        opener = (
            tokens[index].lemma in NOW_WORDS | lex.RECENT_WORDS or tokens[index].lemma == "から"
        )
        topic = tokens[index + 1].lemma == "は" or (
            tokens[index].lemma in NOW_WORDS and tokens[index + 1].surface == "なら"
        )
        if opener and topic:
            calm = _calm(tokens, index + 2)
            if calm is not None:
                return calm
        if tokens[index].lemma == "から" and index > 0 and tokens[index - 1].lemma == "て":
            # 保護猫を迎えてから毎日けっこう楽しい: a change since then, with no は.
            calm = _calm(tokens, index + 1)
            if calm is not None:
                return calm
        following = tokens[index + 1].lemma
        if tokens[index].lemma == STILL and following in lex.RECOVERY_WORDS - {"無い", "思う"}:
            # 通院が終わって5年以上、ずっと元気です.
            calm = _calm(tokens, index + 1)
            if calm is not None:
                return calm
        if tokens[index].lemma == "もう" and following in lex.RECOVERY_WORDS - {"無い", "思う"}:
            # もう大丈夫です, もう平気: もう before a recovery word opens the clause like 今は.
            calm = _calm(tokens, index + 1)
            if calm is not None:
                return calm
        if _looks_back_at(tokens, index) and _calm_looking_back(tokens, index + 2):
            return True
    return False


def _looks_back_at(tokens: Tokens, index: int) -> bool:
    # あの頃よく頑張った, 思ってた頃の自分に: the past named as a time the sender has left.
    if tokens[index].lemma == THAT and tokens[index + 1].lemma in LOOK_BACK_TIMES:
        return True
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    return tokens[index].lemma in LOOK_BACK_TIMES and following == ["の", SELF]


def _calm_looking_back(tokens: Tokens, start: int) -> bool:
    """Return whether the next two sentences after あの頃 say the sender is well now.

    あの頃の自分に…ちゃんと笑えてるよ is calm; あの頃の自分に戻りたい and
    あの頃は頑張れたのに are not.
    """
    sentence_ends = 0
    for position in range(start, len(tokens)):
        token = tokens[position]
        if is_sentence_end(token):
            sentence_ends += 1
            if sentence_ends == 2:
                return False
            continue
        if token.lemma in lex.CORE_RISK_WORDS or token.lemma == lex.RETURN:
            return False
        recovered = token.lemma in lex.RECOVERY_WORDS - {"無い", "思う"}
        if recovered or _achieved(tokens, position):
            following = tokens[position + 1 : position + 5]
            lemmas = {t.lemma for t in following}
            # Sudachi splits のに into の and に, so the surfaces are joined.
            contrasted = "のに" in "".join(t.surface for t in following)
            return not (contrasted or lemmas & (NEGATIONS | CONTRASTS | WISHES))
    return False


def _ceased_after(tokens: Tokens, position: int) -> bool:
    """Return whether a later clause states that the act stopped (もう5年してない, やめました).

    今はしていません says the same about the present.
    """
    for index in range(position, len(tokens)):
        token = tokens[index]
        if token.lemma in lex.CORE_RISK_WORDS:
            # Another risk word (今は消えたい) ends the search; a scar (傷あと), an auxiliary
            # いる or a verb like 消す (痕を消す) does not.
            return False
        following = [t.lemma for t in tokens[index + 1 : index + 4]]
        # 止められた: someone else stopped the act, so it need not be over. After a span
        # (もう2年やめられてます) the same form means that the sender was able to stop.
        spanned = any(t.lemma in SPAN_WORDS for t in tokens[max(0, index - 3) : index])
        stopped_by_others = following[:1] in (["れる"], ["られる"]) and not spanned
        if token.lemma in CEASE_VERBS and not stopped_by_others:
            if any(lemma in ("た", "てる", "居る") for lemma in following):
                return True
            if following[:1] == ["て"] and _time_elapsed(tokens, index + 2):
                return True
        if token.lemma == "こと" and index - position <= HABIT_GAP and _habit_over(tokens, index):
            return True
        if token.lemma == LAST_TIME and _last_time_long_ago(tokens, index):
            # 最後に切ったのは5年前.
            return True
        now = (
            token.lemma in NOW_WORDS
            and tokens[index + 1 : index + 2]
            and tokens[index + 1].lemma == "は"
        )
        if token.lemma == "もう" or now or token.lemma in SPAN_WORDS:
            # 一年以上言っていません: a span of time opens the clause like もう.
            verbs = DOING_VERBS | SAYING_VERBS
            for verb in range(index + 1, min(len(tokens), index + 1 + CEASE_WINDOW)):
                following = [t.lemma for t in tokens[verb + 1 : verb + 6]]
                if tokens[verb].lemma == ANYONE:
                    # もう誰にも言ってない: the words are hidden, not over.
                    break
                if tokens[verb].lemma in verbs and set(following) & NEGATIONS:
                    # もう何もしなくていい: no need to do, which says nothing of an act stopped.
                    return "良い" not in following[1:4]
                # もう2年そういうことは一度もありません.
                if tokens[verb].lemma == "こと" and tokens[verb - 1].lemma in SUCH:
                    denial = [t.lemma for t in tokens[verb + 1 : verb + 8]]
                    if set(denial) & NEGATIONS:
                        return True
                # ここ半年はそういう気持ちが一度も来てない.
                if tokens[verb].lemma in FEELING_NOUNS and _never_since(tokens, verb + 1):
                    return True
    return False


def _last_time_long_ago(tokens: Tokens, index: int) -> bool:
    """Return whether 最後 at index opens 最後に〜たのは + a span ago: 最後に切ったのは5年前."""
    _, end = sentence_bounds(tokens, index)
    lemmas = [token.lemma for token in tokens[index + 1 : end]]
    if lemmas[:1] != ["に"] or "前" not in lemmas:
        return False
    topic = next(
        (
            position
            for position in range(1, len(lemmas) - 2)
            if lemmas[position : position + 3] == ["た", "の", "は"]
        ),
        None,
    )
    if topic is None:
        return False
    dated = lemmas[topic + 3 : lemmas.index("前")]
    return bool(set(dated) & SPAN_WORDS) or any(lemma in lex.PAST_MARKERS for lemma in dated)


def _never_since(tokens: Tokens, start: int) -> bool:
    """Return whether 一度も and a negation follow start: 気持ちが一度も来てない."""
    lemmas = [token.lemma for token in tokens[start : start + 8]]
    if "一度" not in lemmas:
        return False
    at = lemmas.index("一度")
    return lemmas[at + 1 : at + 2] == ["も"] and bool(set(lemmas[at + 2 : at + 6]) & NEGATIONS)


def _time_elapsed(tokens: Tokens, start: int) -> bool:
    # やめて2年経ちます, やめて半年になる: a span of time then 経つ or なる.
    window = tokens[start : start + ELAPSE_WINDOW]
    for offset, token in enumerate(window):
        if is_sentence_end(token):
            return False
        if token.lemma in ELAPSE_VERBS:
            return offset > 0
    return False


def _habit_over(tokens: Tokens, index: int) -> bool:
    """Return whether こと at index is said to be over: ことも(もう)なくなった, ことはもうない."""
    following = [t.lemma for t in tokens[index + 1 : index + 6] if t.lemma != "、"]
    if following[:1] in (["も"], ["は"], ["が"]):
        following = following[1:]
    if following[:1] == ["もう"]:
        following = following[1:]
    if following[:1] == ["なくなる"]:
        return True
    if following[:1] == ["無い"]:
        return True
    return following[:1] == ["有る"] and "ず" in following[1:3]


STILL = "ずっと"
BUSY_NOW = frozenset({"出来る", "ばたばた", "笑う", "美味しい"})
NEEDED = ["必要", "と", "為る", "れる"]
# なんとかやってる: getting by, read as a calm present.
GETTING_BY = ("何", "と", "か", "遣る")


def _calm(tokens: Tokens, start: int) -> bool | None:
    """Return whether the clause from start says the sender is well now (今は落ち着いてる).

    None means the clause says neither: 今は在宅で仕事をしています.
    """
    for position in range(start, len(tokens)):
        token = tokens[position]
        if is_sentence_end(token):
            return None
        if token.lemma == "無い" and token.pos == "助動詞" and not _act_denied(tokens, position):
            # 今は眠れない, 最近は外に出られない: ない after a verb denies that verb, while
            # 今はもうない denies the feeling and 今はやってない the act.
            return False
        needed = [t.lemma for t in tokens[position : position + 4]] == NEEDED
        following = tokens[position + 1 : position + 2]
        # おいしくない: ない after an adjective is an adjective of its own in Sudachi.
        adjective_denied = bool(following) and following[0].lemma in NEGATIONS
        busy = token.lemma in BUSY_NOW and not verb_tail(tokens, position).negated
        if needed or (busy and not adjective_denied):
            # 今年は友達ができて, 今は毎朝散歩できてる, 今は入学式の準備でバタバタ, 今は常連さんと
            # 笑ってる, 今は朝ごはんがおいしい, いまは子どもたちに必要とされてる: a present
            # filled with what the sender can do, enjoys, has to do or is needed for.
            return True
        if token.lemma in lex.RECOVERY_WORDS:
            # 今は大丈夫じゃない, 今は元気がない: a denied recovery word is no recovery.
            following = [t.lemma for t in tokens[position + 1 : position + 4]]
            if token.lemma in ("無い", "思う"):
                return True
            if set(following) & WISHES:
                # 今は楽になりたい: a wish to be well shows that the sender is not.
                return False
            return not (set(following[:3]) & NEGATIONS and following[:1] != ["ず"])
        if _achieved(tokens, position) or _no_longer(tokens, position):
            # 今年は桜を見に行けた, 今はもうそういう気持ちはありません.
            return True
        if _routine_restored(tokens, position):
            # 今は通院も終わって、仕事も続いてます.
            return True
        if tuple(t.lemma for t in tokens[position : position + 4]) == GETTING_BY:
            # 今はなんとかやってます.
            return True
        # 今はちゃうで: Kansai ちゃう, which Sudachi may read as the ちゃう of てしまう, so it
        # counts only right after 今は.
        kansai_different = token.lemma == "ちゃう" and tokens[position - 1].lemma == "は"
        if (token.lemma == "違う" or kansai_different) and _ends_clause(tokens, position + 1):
            # 今は違う: the sender says the feeling is not the present one.
            return True
        if token.lemma in RULES and token.lemma not in lex.MEDICINE_NOUNS:
            # 今は死にたい: a risk named after 今は is not a recovery, but 今は薬も合って is, and so
            # is a word whose rule finds nothing here (今は相談できる人がいる).
            if isinstance(RULES[token.lemma](tokens, position), RiskSignal):
                return False
    return None


def _routine_restored(tokens: Tokens, position: int) -> bool:
    """Return whether treatment has ended (通院も終わって, 治療を終えて) or work goes on.

    Work goes on (仕事も続いてる) or has started again (仕事にも復帰できました).
    """
    lemma = tokens[position].lemma
    if lemma not in ENDED_VERBS | {GOES_ON, RESUMED} or verb_tail(tokens, position).negated:
        return False
    before = [token.lemma for token in tokens[max(0, position - 2) : position]]
    if lemma == RESUMED:
        # 仕事にも復帰できました, 職場に復帰した.
        return before[-1:] in (["に"], ["も"]) and bool(set(before) & (DAILY_ROUTINES | {"職場"}))
    if lemma == ENDED_BY_SELF:
        # 治療を終えて: the sender ended it, so を comes before.
        return before[-1:] == ["を"] and before[0] in TREATMENT_COURSES
    if before[-1:] not in (["も"], ["が"], ["は"]):
        return False
    nouns = TREATMENT_COURSES if lemma == ENDED else DAILY_ROUTINES
    return before[0] in nouns


def _act_denied(tokens: Tokens, position: int) -> bool:
    # 今はやってない, 中学に入ってからはしてない: ない denies a verb of doing the act.
    for token in reversed(tokens[max(0, position - 4) : position]):
        if token.lemma not in ("て", "てる", "居る", "ます"):
            return token.lemma in DOING_VERBS
    return False


def _achieved(tokens: Tokens, position: int) -> bool:
    """Return whether the sender could do something again: 桜を見に行けた, ちゃんと眠れてます.

    A potential verb whose own rule finds a risk (眠れたらいいのに) is no achievement.
    """
    token = tokens[position]
    if token.lemma in ("られる", "れる"):
        # 着られるようになった: the potential auxiliary after the verb.
        return _became_able(tokens, position)
    if not is_potential(token):
        return False
    if _became_able(tokens, position):
        return True
    if token.lemma in RULES and RULES[token.lemma](tokens, position) is not None:
        return False
    following = [t.lemma for t in tokens[position + 1 : position + 3]]
    if following[:1] == ["た"]:
        return True
    progressive = following[:1] == ["てる"] or following == ["て", "居る"]
    return progressive and not set(t.lemma for t in tokens[position + 1 : position + 5]) & NEGATIONS


def _became_able(tokens: Tokens, position: int) -> bool:
    # 半袖も着られるようになった, 外に出られるようになってきた.
    following = [t.lemma for t in tokens[position + 1 : position + 6]]
    if following[:3] != ["よう", "だ", "成る"]:
        return False
    return bool({"た", "てる", "て"} & set(following[3:])) and not set(following) & NEGATIONS


FEELING = "気持ち"


def _no_longer(tokens: Tokens, position: int) -> bool:
    """Return whether a feeling is said to be gone.

    今はもうそういう気持ちはありません is 有る, ます and ず; そういう気持ちはなくなりました
    needs そういう or そんな before it, because 気力がなくなった is no recovery.
    """
    following = [token.lemma for token in tokens[position : position + 3]]
    if following[:1] == ["有る"] and "ず" in following[1:]:
        return True
    # Sudachi splits そういう into そう and いう, so the surfaces are joined.
    before = "".join(token.surface for token in tokens[max(0, position - 5) : position])
    if following[:1] == ["なくなる"] and any(word in before for word in SUCH):
        return True
    # そういう気持ちにはまったくなりません: 成る, ます and ず after such a feeling.
    wider = "".join(token.surface for token in tokens[max(0, position - 7) : position])
    return (
        following[:1] == ["成る"]
        and "ず" in following[1:]
        and any(word in wider for word in SUCH)
        and FEELING in wider
    )


def _ends_clause(tokens: Tokens, position: int) -> bool:
    # 今は違う。, 今は違います, 今は違うけど: 違う closes its clause (not 違う意味で).
    for token in tokens[position : position + 3]:
        if is_sentence_end(token) or token.pos_detail == "接続助詞":
            return True
        # 今はちゃうで: the Kansai で closes the clause like よ.
        if token.lemma not in ("ます", "です", "よ", "ね", "な", "だ", "で"):
            return False
    return True


def _unique(notes: list[RiskNote]) -> list[RiskNote]:
    return list(dict.fromkeys(notes))
