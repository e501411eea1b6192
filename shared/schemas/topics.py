"""Kafka topic names, declared once for every service."""

MESSAGE_RECEIVED = "line.message.received"
"""Normalized inbound LINE events, keyed by conversation id (intake -> triage)."""

MESSAGE_TRIAGED = "line.message.triaged"
"""Inbound events with topics and urgency, keyed by conversation id (triage -> desk)."""

REPLY_REQUESTED = "chat.reply.requested"
"""Outbound messages to send to a LINE chat, keyed by conversation id (desk -> notify)."""

REPLY_DELIVERED = "chat.reply.delivered"
"""Outcome of each outbound message, keyed by conversation id (notify -> desk)."""

REFERRAL_REQUESTED = "referral.requested"
"""A counselor's request to refer a case to the city (desk -> referral)."""

REFERRAL_ANSWERED = "referral.answered"
"""The city welfare division's answer to a referral (city -> referral)."""

ALERT_RAISED = "desk.alert.raised"
"""Alerts to the on-call supervisor, keyed by conversation id (desk -> an alerting service)."""

DEAD_LETTER_SUFFIX = ".dlq"


def dead_letter_topic(topic: str) -> str:
    """Return the dead-letter topic that keeps the rejected records of `topic`."""
    return topic + DEAD_LETTER_SUFFIX


ALL_TOPICS = (
    MESSAGE_RECEIVED,
    MESSAGE_TRIAGED,
    REPLY_REQUESTED,
    REPLY_DELIVERED,
    REFERRAL_REQUESTED,
    REFERRAL_ANSWERED,
    ALERT_RAISED,
)
ALL_DEAD_LETTER_TOPICS = tuple(dead_letter_topic(topic) for topic in ALL_TOPICS)
