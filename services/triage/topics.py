"""Assign the city's consultation categories from the topic lexicon, with readable reasons."""

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from services.triage.morphology import Token, is_sentence_end, tokenize_uncached
from services.triage.phrases import PhraseIndex
from services.triage.predicates import NEGATIONS
from services.triage.risk_lexicon import OTHER_PEOPLE
from services.triage.signals import RiskAssessment
from services.triage.topic_lexicon import ENGLISH_TOPIC_WORDS, TOPIC_GROUPS, CueGroup
from shared.schemas import Topic

THRESHOLD = 1.0
LACK_WINDOW = 6
ENGLISH_GLOSS = "英語の語"


@functools.cache
def _index() -> PhraseIndex[CueGroup]:
    # Built on first use, because tokenizing the lexicon needs the Sudachi dictionary.
    return PhraseIndex((phrase, cues) for cues in TOPIC_GROUPS for phrase in cues.phrases)


ENGLISH_PATTERNS = {
    topic: re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, words)) + r")(?![a-z])")
    for topic, words in ENGLISH_TOPIC_WORDS.items()
}
ENGLISH_GROUPS = {topic: CueGroup(topic, ENGLISH_GLOSS, ()) for topic in ENGLISH_TOPIC_WORDS}
# The English patterns run only on messages with a lower-case ASCII letter.
ASCII_LETTER = re.compile("[a-z]")
# Iterating an Enum class runs Python code for each member, so the order is kept once here.
TOPIC_ORDER: tuple[Topic, ...] = tuple(Topic)


@dataclass(frozen=True)
class TopicResult:
    """The categories found, with reasons, and those whose words were set aside on purpose."""

    found: list[tuple[Topic, str]]
    # Categories whose words appear but were dropped: kin words that yield to 介護, or money
    # words without a lack (お金を貯めたい). The model may not add these back.
    held_back: frozenset[Topic]


def detect_topics(tokens: tuple[Token, ...], canonical: str, risk: RiskAssessment) -> TopicResult:
    """Return each category that applies with its reason, in the order of the Topic enum."""
    evidence, without_lack = _evidence(tokens, canonical)
    fired = _fired(evidence, dropped=())
    if risk.urgent:
        fired.add(Topic.SUICIDE_SELF_HARM)
    dropped = _yielded(evidence, fired, _kin_at_risk(risk))
    final = _fired(evidence, dropped)
    found = [
        (topic, _reason(topic, evidence, dropped))
        for topic in TOPIC_ORDER
        if topic in final and topic is not Topic.SUICIDE_SELF_HARM
    ]
    set_aside = {cues.topic for cues in dropped} | without_lack
    return TopicResult(found=found, held_back=frozenset(set_aside - final))


def _evidence(
    tokens: tuple[Token, ...], canonical: str
) -> tuple[dict[CueGroup, list[str]], set[Topic]]:
    evidence: dict[CueGroup, list[str]] = defaultdict(list)
    without_lack: set[Topic] = set()
    for match in _index().find(tokens, canonical):
        surface = "".join(token.surface for token in tokens[match.start : match.end])
        for cues in match.payloads:
            if cues.own_only and _belongs_to_other(tokens, match.start):
                continue
            if cues.needs_lack and not _lacking(tokens, match.end):
                without_lack.add(cues.topic)
                continue
            evidence[cues].append(surface)
    if ASCII_LETTER.search(canonical):
        for topic, pattern in ENGLISH_PATTERNS.items():
            found = pattern.findall(canonical)
            if found:
                evidence[ENGLISH_GROUPS[topic]].extend(found)
    return evidence, without_lack


def _fired(evidence: dict[CueGroup, list[str]], dropped: Iterable[CueGroup]) -> set[Topic]:
    scores: dict[Topic, float] = defaultdict(float)
    skipped = set(dropped)
    for cues in evidence:
        if cues not in skipped:
            scores[cues.topic] += cues.weight
    return {topic for topic, score in scores.items() if score >= THRESHOLD}


def _yielded(
    evidence: dict[CueGroup, list[str]], fired: set[Topic], kin_at_risk: bool
) -> set[CueGroup]:
    """Return the groups to drop because a more specific category covers them."""
    with_friction = {cues.topic for cues in evidence if cues.friction}
    if kin_at_risk:
        # 母が「死にたい」と言う: the family member at risk makes it a family matter too.
        with_friction.add(Topic.FAMILY)
    return {
        cues
        for cues in evidence
        if set(cues.yields_to) & (fired - {cues.topic}) and cues.topic not in with_friction
    }


def _reason(topic: Topic, evidence: dict[CueGroup, list[str]], dropped: set[CueGroup]) -> str:
    groups = [cues for cues in evidence if cues.topic is topic and cues not in dropped]
    groups.sort(key=lambda cues: -cues.weight)
    words = dict.fromkeys(word for cues in groups for word in evidence[cues])
    quoted = "".join(f"「{word}」" for word in words)
    glosses = "、".join(dict.fromkeys(cues.gloss for cues in groups))
    return f"[{topic.value}] {quoted}: {glosses}"


def _belongs_to_other(tokens: tuple[Token, ...], start: int) -> bool:
    # 友達のお父さん, 相手の親: kin of someone else is not the sender's family.
    return (
        start >= 2
        and tokens[start - 1].lemma == "の"
        and tokens[start - 2].lemma in (OTHER_PEOPLE - _kin_lemmas())
    )


def _lacking(tokens: tuple[Token, ...], end: int) -> bool:
    for token in tokens[end : end + LACK_WINDOW]:
        if is_sentence_end(token):
            return False
        if token.lemma in NEGATIONS or token.lemma == "底":
            return True
    return False


@functools.cache
def _kin_lemmas() -> frozenset[str]:
    """Return the normalized forms of the one-word kin terms (母, 夫, 兄弟)."""
    lemmas = set()
    for cues in TOPIC_GROUPS:
        if cues.topic is not Topic.FAMILY or not cues.own_only:
            continue
        for phrase in cues.phrases:
            tokens = tokenize_uncached(phrase)
            if len(tokens) == 1:
                lemmas.add(tokens[0].lemma)
    return frozenset(lemmas)


@functools.cache
def _kin_phrases() -> frozenset[str]:
    """Return the kin phrases as written (おばあちゃん), for subjects named in reasons."""
    return frozenset(
        phrase
        for cues in TOPIC_GROUPS
        if cues.topic is Topic.FAMILY and cues.own_only
        for phrase in cues.phrases
    )


def _kin_at_risk(risk: RiskAssessment) -> bool:
    return any(
        found.subject in _kin_lemmas() or found.subject in _kin_phrases() for found in risk.signals
    )
