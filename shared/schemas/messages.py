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
    """Sender of a message: personal data that may travel between services but never into a log."""

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


class _Content(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class LineEmoji(_Content):
    """A LINE emoji inside a text, located by UTF-16 index and length as LINE counts them."""

    index: int = Field(ge=0)
    length: int = Field(ge=0)
    product_id: str
    emoji_id: str


class Mention(_Content):
    """A mention inside a text: of one user (`type` "user") or of everyone ("all")."""

    index: int = Field(ge=0)
    length: int = Field(ge=0)
    type: Literal["user", "all"]
    user_id: str | None = Field(default=None, description="Mentioned LINE user. Personal data.")
    is_self: bool = Field(default=False, description="Whether the bot itself was mentioned.")


class Sticker(_Content):
    package_id: str
    sticker_id: str
    resource_type: str | None = None
    keywords: tuple[str, ...] = ()
    text: str | None = Field(default=None, description="Text of a message sticker.")


class Location(_Content):
    title: str | None = None
    address: str | None = None
    latitude: float
    longitude: float


class MediaFile(_Content):
    """Metadata LINE sends about an image, video, audio or file; the content stays at LINE."""

    file_name: str | None = None
    file_size: int | None = Field(default=None, ge=0, description="Size in bytes.")
    duration_ms: int | None = Field(default=None, ge=0)
    provider: str | None = Field(default=None, description="'line' or 'external'.")


class Postback(_Content):
    data: str = Field(max_length=300)
    params: dict[str, str] = Field(default_factory=dict)


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
    line_event_type: str = Field(
        default="message", description="LINE's event type, kept for kinds intake does not know."
    )
    destination: str | None = Field(default=None, description="User id of the receiving bot.")
    emojis: tuple[LineEmoji, ...] = ()
    mentions: tuple[Mention, ...] = ()
    sticker: Sticker | None = None
    location: Location | None = None
    media: MediaFile | None = None
    postback: Postback | None = None
    is_unblocked: bool | None = Field(
        default=None, description="For follow events: whether the person unblocked the bot."
    )


# Triage starts a reason with this when most letters of the message are in a script that it
# does not read (Hangul, Cyrillic, Thai and so on), so the desk can ask a counselor to read it.
UNREAD_SCRIPT_REASON_PREFIX = "[自動判定の対象外]"


class MessageTriaged(Event):
    """An inbound event with the topics and urgency that triage assigned to it."""

    message: MessageReceived
    topics: tuple[Topic, ...] = ()
    urgent: bool = False
    reasons: tuple[str, ...] = Field(
        default=(), description="Short explanations a counselor can read."
    )
    classifier_version: str
