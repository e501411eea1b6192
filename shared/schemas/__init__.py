"""Event models and topic names shared by every service."""

from shared.schemas import topics
from shared.schemas.alerts import AlertKind, AlertRaised
from shared.schemas.base import SCHEMA_VERSION, Event
from shared.schemas.categories import Priority, Topic
from shared.schemas.dead_letters import DeadLettered
from shared.schemas.messages import (
    UNREAD_SCRIPT_REASON_PREFIX,
    ChatSource,
    LineEmoji,
    Location,
    MediaFile,
    Mention,
    MessageKind,
    MessageReceived,
    MessageTriaged,
    Postback,
    SourceType,
    Sticker,
)
from shared.schemas.referrals import ReferralAnswered, ReferralRequested
from shared.schemas.replies import DeliveryStatus, ReplyDelivered, ReplyRequested

__all__ = [
    "SCHEMA_VERSION",
    "UNREAD_SCRIPT_REASON_PREFIX",
    "AlertKind",
    "AlertRaised",
    "ChatSource",
    "DeadLettered",
    "DeliveryStatus",
    "Event",
    "LineEmoji",
    "Location",
    "MediaFile",
    "Mention",
    "MessageKind",
    "MessageReceived",
    "MessageTriaged",
    "Postback",
    "Priority",
    "ReferralAnswered",
    "ReferralRequested",
    "ReplyDelivered",
    "ReplyRequested",
    "SourceType",
    "Sticker",
    "Topic",
    "topics",
]
