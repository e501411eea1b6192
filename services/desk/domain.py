"""Rules of the counselors' queue, free of I/O so that unit tests can cover them directly."""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from shared.schemas import MessageKind, Priority, SourceType, Topic

# LINE's Messaging API counts the length of a text message in UTF-16 code units.
LINE_TEXT_MAX_UTF16_UNITS = 5000

# A follow or unfollow event reports that the person added or blocked the account. It has no
# content to answer, so it updates the conversation row and stores no message and no case.
CONVERSATION_ONLY_KINDS = frozenset({MessageKind.FOLLOW, MessageKind.UNFOLLOW})

_TOPIC_ORDER = {topic.value: index for index, topic in enumerate(Topic)}


class InboundAction(StrEnum):
    """Effect of one inbound event on the desk's tables."""

    CONVERSATION_ONLY = "conversation_only"
    STORE_WITHOUT_CASE = "store_without_case"
    JOIN_CASE = "join_case"
    OPEN_CASE = "open_case"


class InvalidReplyText(ValueError):
    """A reply text that LINE would reject or that would send nothing."""


@dataclass(frozen=True)
class CaseUpdate:
    """New values of a case's mutable fields after one inbound message."""

    priority: Priority
    topics: list[str]
    waiting_since: datetime


def choose_inbound_action(
    *, kind: MessageKind, mode: str, source_type: SourceType, has_active_case: bool
) -> InboundAction:
    """Decide whether an inbound event joins the open case, opens one, or opens none.

    A message in standby mode arrives while another channel module owns the chat, so it
    joins a case that is already open but never opens one. Consultations are one-to-one:
    a message from a group or room is stored but opens no case, so no reply can reach
    the other members.
    """
    if kind in CONVERSATION_ONLY_KINDS:
        return InboundAction.CONVERSATION_ONLY
    if source_type is not SourceType.USER:
        return InboundAction.STORE_WITHOUT_CASE
    if has_active_case:
        return InboundAction.JOIN_CASE
    if mode == "standby":
        return InboundAction.STORE_WITHOUT_CASE
    return InboundAction.OPEN_CASE


def stored_text(*, kind: MessageKind, text: str | None) -> str | None:
    """Return the text to store, which is None for every kind except text."""
    if kind is MessageKind.TEXT:
        return text
    return None


def merge_topics(current: Iterable[str], added: Iterable[str]) -> list[str]:
    """Return the union of two topic lists in the order of the Topic enum.

    Labels that the Topic enum does not contain sort last, so a newer triage version cannot
    make a merge fail.
    """
    labels = set(current) | set(added)
    return sorted(labels, key=lambda label: (_TOPIC_ORDER.get(label, len(_TOPIC_ORDER)), label))


def merge_priority(current: Priority | str, *, urgent: bool) -> Priority:
    """Return urgent if either the current priority or the new message is urgent.

    This function never lowers a priority. Clearing urgency is left to a counselor action,
    which the desk does not have yet.
    """
    if urgent or Priority(current) is Priority.URGENT:
        return Priority.URGENT
    return Priority.NORMAL


def next_waiting_since(current: datetime | None, *, inbound_sent_at: datetime) -> datetime:
    """Return the time of the oldest unanswered inbound message after one more arrives.

    The earlier of the two times wins, so a message that Kafka delivers late still counts
    from when the person sent it.
    """
    if current is None:
        return inbound_sent_at
    return min(current, inbound_sent_at)


def update_case_for_inbound(
    *,
    priority: Priority | str,
    topics: Iterable[str],
    waiting_since: datetime | None,
    message_topics: Iterable[str],
    urgent: bool,
    sent_at: datetime,
) -> CaseUpdate:
    """Compute a case's priority, topics and waiting_since after an inbound message joins it."""
    return CaseUpdate(
        priority=merge_priority(priority, urgent=urgent),
        topics=merge_topics(topics, message_topics),
        waiting_since=next_waiting_since(waiting_since, inbound_sent_at=sent_at),
    )


def queue_sort_key(
    *, priority: Priority | str, waiting_since: datetime | None, opened_at: datetime
) -> tuple[int, int, datetime, datetime]:
    """Return the sort key of a case in the queue.

    Urgent cases come first, then the oldest waiting_since, then cases with no
    waiting_since, and opened_at breaks ties. store.QUEUE_ORDER_BY is the same order in SQL.
    """
    urgency_rank = 0 if Priority(priority) is Priority.URGENT else 1
    if waiting_since is None:
        return (urgency_rank, 1, opened_at, opened_at)
    return (urgency_rank, 0, waiting_since, opened_at)


def utf16_length(text: str) -> int:
    """Return the length of `text` in UTF-16 code units, as LINE counts it."""
    return len(text.encode("utf-16-le")) // 2


def validate_reply_text(text: str) -> None:
    """Raise InvalidReplyText unless `text` is a visible text that LINE accepts."""
    control = next((char for char in text if _is_forbidden_control(char)), None)
    if control is not None:
        raise InvalidReplyText(
            f"reply text contains the control character U+{ord(control):04X}; remove it"
        )
    if not any(_is_visible(char) for char in text):
        raise InvalidReplyText(
            "reply text is empty or only whitespace or invisible characters; "
            "write at least one visible character"
        )
    length = utf16_length(text)
    if length > LINE_TEXT_MAX_UTF16_UNITS:
        raise InvalidReplyText(
            f"reply text is {length:,} UTF-16 code units long, but LINE accepts at most "
            f"{LINE_TEXT_MAX_UTF16_UNITS:,} per text message; shorten it or send several replies"
        )


def _is_forbidden_control(char: str) -> bool:
    # Line breaks and tabs are part of a chat text; other C0/C1 controls and lone
    # surrogates cannot be stored by PostgreSQL or encoded for LINE.
    category = unicodedata.category(char)
    return (category == "Cc" and char not in "\n\r\t") or category == "Cs"


def _is_visible(char: str) -> bool:
    # Separators (Z*), controls and format characters such as U+200B show nothing.
    return unicodedata.category(char)[0] not in ("Z", "C")


def message_preview(*, kind: str, text: str | None) -> str:
    """Return the text of a message, or "[kind]" (such as "[sticker]") if it has no text."""
    if text is not None:
        return text
    return f"[{kind}]"
