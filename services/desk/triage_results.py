"""Rules for triage's result of an inbound message, free of I/O: its reasons and urgency.

A reason is one short Japanese sentence that quotes the sender's words, so reasons are
personal data like the message text: they are stored and shown to counselors, and never
logged.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from shared.schemas import UNREAD_SCRIPT_REASON_PREFIX, Priority, Topic

# Triage starts each reason with its category in brackets, and sets `urgent` exactly when
# the message has the category 希死念慮・自傷, so the reasons with this prefix are the ones
# that made the message urgent. Its notes on risk words judged harmless start with
# "[緊急ではない]" instead.
URGENT_REASON_PREFIX = f"[{Topic.SUICIDE_SELF_HARM.value}]"

# The explanation in an urgent reason that triage's model wrote. Its rules write what the
# quoted words express instead, such as 消えたいという願望. Triage defines this text as
# URGENT_BY_MODEL in services/triage/classifier.py. The desk does not import triage, and the
# schemas shared by both do not declare it, so the desk keeps this copy. If triage's text
# changes and this copy does not, the queue takes model reasons for rule reasons.
MODEL_URGENT_EXPLANATION = "危険を示す言い回しとして判定"

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


def is_rule_urgent_reason(reason: str) -> bool:
    """Return whether `reason` is an urgent reason from triage's rules, not from its model."""
    return is_urgent_reason(reason) and MODEL_URGENT_EXPLANATION not in reason


def first_urgent_reason(reasons: Iterable[str]) -> str | None:
    """Return the first urgent reason, or None if there is none.

    Messages stored before the desk kept reasons have none.
    """
    return next((reason for reason in reasons if is_urgent_reason(reason)), None)


def first_rule_urgent_reason(reasons: Iterable[str]) -> str | None:
    return next((reason for reason in reasons if is_rule_urgent_reason(reason)), None)


@dataclass(frozen=True)
class UrgentMessage:
    """An urgent inbound message: its id, its sent_at and triage's reasons for it."""

    message_id: UUID
    sent_at: datetime
    reasons: Sequence[str]


@dataclass(frozen=True)
class QueueReason:
    """The urgent reason that the queue shows for a case, and the message it belongs to.

    `text` is None when triage sent no urgent reason for that message.
    """

    text: str | None
    message_id: UUID
    sent_at: datetime


def choose_queue_reason(
    *, origin: UrgentMessage | None, earliest_rule: UrgentMessage | None
) -> QueueReason | None:
    """Choose the urgent reason that a counselor reads in the queue row of an urgent case.

    `origin` is the message that made the case urgent, None if the desk does not know it.
    `earliest_rule` is the case's earliest urgent message, stored no earlier than
    `origin`, that has a rule reason, or None. A rule reason names what the quoted words
    express, and the model's reason names only the words, so a rule reason comes first:
    the origin's own, else that of `earliest_rule`. Without one, the origin's first urgent
    reason is shown.
    """
    if origin is None:
        return None
    for message in (origin, earliest_rule):
        if message is None:
            continue
        reason = first_rule_urgent_reason(message.reasons)
        if reason is not None:
            return QueueReason(text=reason, message_id=message.message_id, sent_at=message.sent_at)
    return QueueReason(
        text=first_urgent_reason(origin.reasons),
        message_id=origin.message_id,
        sent_at=origin.sent_at,
    )


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
