"""LINE webhook request bodies as LINE sends them; unknown extra fields are kept."""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class LineModel(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, frozen=True)


class LineSource(LineModel):
    type: Literal["user", "group", "room"]
    user_id: str | None = Field(default=None, alias="userId", max_length=64)
    group_id: str | None = Field(default=None, alias="groupId", max_length=64)
    room_id: str | None = Field(default=None, alias="roomId", max_length=64)


class DeliveryContext(LineModel):
    is_redelivery: bool = Field(alias="isRedelivery")


class LineEvent(LineModel):
    """Fields every webhook event has; the rest depends on `type` and stays in the extras."""

    type: str = Field(min_length=1, max_length=64)
    mode: Literal["active", "standby"]
    timestamp: int = Field(ge=0, description="Milliseconds since the Unix epoch.")
    source: LineSource | None = None
    webhook_event_id: str = Field(alias="webhookEventId", min_length=1, max_length=64)
    delivery_context: DeliveryContext = Field(alias="deliveryContext")
    reply_token: str | None = Field(default=None, alias="replyToken", max_length=256)
    message: dict[str, Any] | None = None
    postback: dict[str, Any] | None = None


class WebhookBody(LineModel):
    destination: str = Field(min_length=1, max_length=64)
    events: list[LineEvent]
