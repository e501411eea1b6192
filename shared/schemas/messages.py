"""Inbound chat events: what intake publishes and triage enriches."""

from enum import StrEnum
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from shared.schemas.base import Event
from shared.schemas.categories import Topic


class SourceType(StrEnum):
    USER = "user"
    GROUP = "group"
    ROOM = "room"


class MessageKind(StrEnum):
    TEXT = "text"
    STICKER = "sticker"
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    FILE = "file"
    LOCATION = "location"
    FOLLOW = "follow"
    UNFOLLOW = "unfollow"
    POSTBACK = "postback"
    UNKNOWN = "unknown"


class ChatSource(BaseModel):
    """Who wrote: personal data that may travel between services but never into a log."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    type: SourceType
    user_id: str | None = Field(default=None, description="LINE user id of the sender, if known.")
    group_id: str | None = None
    room_id: str | None = None

    @property
    def push_target(self) -> str:
        """Return the id that a LINE push message to this chat is addressed to."""
        target = {
            SourceType.USER: self.user_id,
            SourceType.GROUP: self.group_id,
            SourceType.ROOM: self.room_id,
        }[self.type]
        assert target is not None, "a validated source always has the id of its type"
        return target


class MessageReceived(Event):
    """One LINE webhook event, normalized; published once per webhookEventId."""

    channel: str = Field(description="Configured name of the LINE channel, e.g. 'consultation'.")
    conversation_id: str = Field(
        description="Opaque, log-safe id of the chat (a hash of channel and source)."
    )
    webhook_event_id: str = Field(description="LINE's webhookEventId, the deduplication key.")
    kind: MessageKind
    mode: Literal["active", "standby"] = "active"
    source: ChatSource
    sent_at: AwareDatetime = Field(description="LINE's event timestamp.")
    is_redelivery: bool = False
    reply_token: str | None = None
    line_message_id: str | None = None
    text: str | None = Field(default=None, description="Original text, as the person wrote it.")
    normalized_text: str | None = Field(
        default=None, description="NFKC-normalized text with whitespace folded."
    )


class MessageTriaged(Event):
    """An inbound event with the topics and urgency that triage assigned to it."""

    message: MessageReceived
    topics: tuple[Topic, ...] = ()
    urgent: bool = False
    reasons: tuple[str, ...] = Field(
        default=(), description="Short explanations a counselor can read."
    )
    classifier_version: str
