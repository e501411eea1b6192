"""Rules for triage's result of an inbound message, free of I/O: its reasons and urgency.

A reason is one short Japanese sentence that quotes the sender's words, so reasons are
personal data like the message text: they are stored and shown to counselors, and never
logged.
"""

import re
from collections.abc import Iterable
from uuid import UUID

from shared.schemas import UNREAD_SCRIPT_REASON_PREFIX, Priority, Topic

# Triage starts each reason with its category in brackets, and sets `urgent` exactly when
# the message has the category 希死念慮・自傷, so the reasons with this prefix are the ones
# that made the message urgent. Its notes on risk words judged harmless start with
# "[緊急ではない]" instead.
URGENT_REASON_PREFIX = f"[{Topic.SUICIDE_SELF_HARM.value}]"

# U+0000 cannot be stored in PostgreSQL text, and a lone surrogate cannot be encoded as
# UTF-8. Intake replaces both in the message text, and the desk does so in triage's strings
# too, because a string that cannot be stored would keep its urgent message out of the queue.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable_text(value: str) -> str:
    """Return `value` with every character that PostgreSQL cannot store replaced by U+FFFD."""
    return _UNSTORABLE.sub("\ufffd", value)


def storable_reasons(reasons: Iterable[str]) -> list[str]:
    """Return the reasons with every character that PostgreSQL cannot store replaced by U+FFFD."""
    return [storable_text(reason) for reason in reasons]


def is_unread_script_reason(reason: str) -> bool:
    return reason.startswith(UNREAD_SCRIPT_REASON_PREFIX)


def is_urgent_reason(reason: str) -> bool:
    return reason.startswith(URGENT_REASON_PREFIX)


def split_reasons(reasons: Iterable[str], *, urgent: bool) -> tuple[list[str], list[str]]:
    """Split a message's reasons into its urgent reasons and the rest, keeping their order.

    A message that is not urgent has no urgent reasons, even if a reason starts with
    URGENT_REASON_PREFIX.
    """
    urgent_reasons: list[str] = []
    other_reasons: list[str] = []
    for reason in reasons:
        if urgent and is_urgent_reason(reason):
            urgent_reasons.append(reason)
        else:
            other_reasons.append(reason)
    return urgent_reasons, other_reasons


def first_urgent_reason(reasons: Iterable[str]) -> str | None:
    """Return the first urgent reason, or None if there is none.

    Messages stored before the desk kept reasons have none.
    """
    return next((reason for reason in reasons if is_urgent_reason(reason)), None)


def next_urgent_message_id(
    current: UUID | None, *, priority: Priority, candidate: UUID | None
) -> UUID | None:
    """Return the id of the message that made a conversation or case urgent, after an update.

    `priority` is the row's priority after the update. A row that stays urgent keeps its
    message. A row that becomes urgent, or that is urgent without a known message, takes
    `candidate`: for a conversation the new message if it is urgent, for a case the
    conversation's message. A normal row has none.
    """
    if priority is Priority.NORMAL:
        return None
    if current is not None:
        return current
    return candidate
