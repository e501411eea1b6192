"""LINE webhook request bodies as LINE sends them.

Fields intake uses are typed and checked, so a malformed body is rejected with the path of
the bad field. Fields LINE may add later are accepted and ignored.
"""

import re
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    model_validator,
)

ID_LENGTH = 64
# LINE ids: "U", "C" or "R" and 32 lower-case hex digits for users, groups and rooms.
USER_ID = r"^U[0-9a-f]{32}$"
GROUP_ID = r"^C[0-9a-f]{32}$"
ROOM_ID = r"^R[0-9a-f]{32}$"
# Other ids and tokens LINE sends are ASCII letters, digits, '-' and '_'. Checking that keeps
# characters such as U+0000, which PostgreSQL cannot store, out of every key.
TOKEN = r"^[0-9A-Za-z_-]{1,256}$"
TOKEN_PATTERN = re.compile(TOKEN)
# Event times from LINE's launch (2011) to 2100, in milliseconds; anything else is not LINE's.
MIN_TIMESTAMP_MS = 1_293_840_000_000
MAX_TIMESTAMP_MS = 4_102_444_800_000


class LineModel(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, frozen=True)


class LineSource(LineModel):
    type: Literal["user", "group", "room"]
    user_id: StrictStr | None = Field(default=None, alias="userId", pattern=USER_ID)
    group_id: StrictStr | None = Field(default=None, alias="groupId", pattern=GROUP_ID)
    room_id: StrictStr | None = Field(default=None, alias="roomId", pattern=ROOM_ID)


class DeliveryContext(LineModel):
    is_redelivery: StrictBool = Field(alias="isRedelivery")


class LineEmojiBody(LineModel):
    index: StrictInt = Field(ge=0)
    length: StrictInt = Field(ge=0)
    product_id: StrictStr = Field(alias="productId", pattern=TOKEN)
    emoji_id: StrictStr = Field(alias="emojiId", pattern=TOKEN)


class Mentionee(LineModel):
    index: StrictInt = Field(ge=0)
    length: StrictInt = Field(ge=0)
    type: Literal["user", "all"] = "user"
    user_id: StrictStr | None = Field(default=None, alias="userId", pattern=USER_ID)
    is_self: StrictBool = Field(default=False, alias="isSelf")


class MentionBody(LineModel):
    mentionees: list[Mentionee]


class ContentProvider(LineModel):
    type: StrictStr


class MessageContent(LineModel):
    """A message event's `message` object; which fields apply depends on `type`."""

    type: StrictStr = Field(min_length=1, max_length=32)
    id: StrictStr = Field(max_length=ID_LENGTH, pattern=TOKEN)
    text: StrictStr | None = Field(default=None, max_length=20_000)
    emojis: list[LineEmojiBody] = []
    mention: MentionBody | None = None
    package_id: StrictStr | None = Field(default=None, alias="packageId", pattern=TOKEN)
    sticker_id: StrictStr | None = Field(default=None, alias="stickerId", pattern=TOKEN)
    sticker_resource_type: StrictStr | None = Field(default=None, alias="stickerResourceType")
    keywords: list[StrictStr] = []
    file_name: StrictStr | None = Field(default=None, alias="fileName", max_length=1_000)
    file_size: StrictInt | None = Field(default=None, alias="fileSize", ge=0)
    duration: StrictInt | None = Field(default=None, ge=0)
    content_provider: ContentProvider | None = Field(default=None, alias="contentProvider")
    title: StrictStr | None = Field(default=None, max_length=1_000)
    address: StrictStr | None = Field(default=None, max_length=1_000)
    latitude: StrictFloat | StrictInt | None = Field(
        default=None, ge=-90, le=90, allow_inf_nan=False
    )
    longitude: StrictFloat | StrictInt | None = Field(
        default=None, ge=-180, le=180, allow_inf_nan=False
    )

    @model_validator(mode="after")
    def _check_required_for_type(self) -> "MessageContent":
        for field_name in REQUIRED_BY_MESSAGE_TYPE.get(self.type, ()):
            if getattr(self, field_name) is None:
                alias = MessageContent.model_fields[field_name].alias or field_name
                raise ValueError(f"a {self.type} message needs '{alias}'")
        return self


REQUIRED_BY_MESSAGE_TYPE = {
    "text": ("text",),
    "sticker": ("package_id", "sticker_id"),
    "location": ("latitude", "longitude"),
    "file": ("file_name", "file_size"),
}


class FollowDetail(LineModel):
    is_unblocked: StrictBool = Field(alias="isUnblocked")


class PostbackDetail(LineModel):
    data: StrictStr = Field(max_length=300)
    params: dict[str, StrictStr] = {}


class LineEvent(LineModel):
    """Fields every webhook event has, plus the parts of the types intake normalizes."""

    type: StrictStr = Field(min_length=1, max_length=64)
    mode: Literal["active", "standby"]
    timestamp: StrictInt = Field(
        ge=MIN_TIMESTAMP_MS, le=MAX_TIMESTAMP_MS, description="Milliseconds since the Unix epoch."
    )
    source: LineSource | None = None
    webhook_event_id: StrictStr = Field(alias="webhookEventId", max_length=64, pattern=TOKEN)
    delivery_context: DeliveryContext = Field(alias="deliveryContext")
    reply_token: StrictStr | None = Field(default=None, alias="replyToken", pattern=TOKEN)
    message: MessageContent | None = None
    follow: FollowDetail | None = None
    postback: PostbackDetail | None = None

    @model_validator(mode="after")
    def _check_detail_present(self) -> "LineEvent":
        for event_type in ("message", "follow", "postback"):
            if self.type == event_type and getattr(self, event_type) is None:
                raise ValueError(f"a {event_type} event needs a '{event_type}' object")
        return self


class WebhookBody(LineModel):
    destination: StrictStr = Field(max_length=ID_LENGTH, pattern=TOKEN)
    events: list[LineEvent] = Field(max_length=1_000)


class WebhookEnvelope(LineModel):
    """A body whose events are left unchecked, so each event is validated on its own."""

    destination: StrictStr = Field(max_length=ID_LENGTH, pattern=TOKEN)
    events: list[Any]


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(value: Any) -> Any:
    """Return parsed JSON with each lone surrogate in its strings and keys replaced by U+FFFD.

    JSON allows an escape such as "\\ud800" that decodes to no character. Pydantic rejects such
    a string, and neither PostgreSQL nor LINE accepts it. An escaped surrogate pair decodes
    to one character, so it is kept.
    """
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [replace_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {
            replace_lone_surrogates(key): replace_lone_surrogates(item)
            for key, item in value.items()
        }
    return value
