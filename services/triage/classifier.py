"""Triage of one chat message: the city's topic categories, the urgent flag and reasons.

Rules over SudachiPy morphemes, with lexicons written for this service. A message is urgent
exactly when it shows suicidal ideation or self-harm (the category 希死念慮・自傷), of the
sender or of someone the sender reports. Every decision carries reasons in Japanese that
name the words that matched and why.
"""

from dataclasses import dataclass

from services.triage.morphology import tokenize
from services.triage.risk import assess_risk
from services.triage.text import canonicalize, normalize_text
from services.triage.topics import detect_topics
from shared.schemas import Topic

CLASSIFIER_VERSION = "sudachi-rules-3"


@dataclass(frozen=True)
class Triage:
    topics: tuple[Topic, ...]
    urgent: bool
    reasons: tuple[str, ...]


EMPTY = Triage(topics=(), urgent=False, reasons=())


def classify(text: str | None) -> Triage:
    """Classify one message; raw and intake-normalized text give the same result."""
    if not text:
        return EMPTY
    normalized = normalize_text(text)
    canonical = canonicalize(normalized)
    if not canonical:
        return EMPTY
    tokens = tokenize(canonical)
    risk = assess_risk(tokens, canonical, normalized)
    topics: list[Topic] = []
    reasons: list[str] = []
    if risk.urgent:
        topics.append(Topic.SUICIDE_SELF_HARM)
        reasons.extend(found.reason() for found in risk.signals)
    for topic, reason in detect_topics(tokens, canonical, risk):
        topics.append(topic)
        reasons.append(reason)
    reasons.extend(found.reason() for found in risk.notes)
    return Triage(topics=tuple(topics), urgent=risk.urgent, reasons=tuple(reasons))
