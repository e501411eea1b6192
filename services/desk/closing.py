"""Rules for closing a case: the confirmed topics and the person's age band."""

from collections.abc import Iterable
from enum import StrEnum

from services.desk.domain import merge_topics
from shared.schemas import Topic

TOPIC_LABELS = frozenset(topic.value for topic in Topic)


class AgeBand(StrEnum):
    """Age band of the person, as the counselor records it when closing a case."""

    TEENS = "10s"
    TWENTIES = "20s"
    THIRTIES = "30s"
    FORTIES = "40s"
    FIFTIES = "50s"
    SIXTIES = "60s"
    SEVENTY_PLUS = "70s+"
    UNKNOWN = "unknown"


class InvalidClosing(ValueError):
    """Topics or an age band that a case cannot be closed with."""


def parse_age_band(value: str) -> AgeBand:
    """Return the AgeBand named `value`, or raise InvalidClosing listing the valid bands."""
    try:
        return AgeBand(value)
    except ValueError:
        valid = ", ".join(f"'{band}'" for band in AgeBand)
        raise InvalidClosing(f"age_band {value!r} is not valid; use one of {valid}") from None


def confirmed_topics(labels: Iterable[str]) -> list[str]:
    """Return the confirmed topic labels without duplicates, in the order of the Topic enum.

    An empty list is valid, because some consultations fit none of the 14 categories.
    Raises InvalidClosing for a label that the Topic enum does not contain.
    """
    labels = list(labels)
    unknown = [label for label in labels if label not in TOPIC_LABELS]
    if unknown:
        valid = ", ".join(topic.value for topic in Topic)
        raise InvalidClosing(f"topics {unknown} are not category labels; use labels from: {valid}")
    return merge_topics([], labels)


def topics_differ(triage: Iterable[str], confirmed: Iterable[str]) -> bool:
    """Return whether the counselor's topics differ from triage's, ignoring order."""
    return set(triage) != set(confirmed)
