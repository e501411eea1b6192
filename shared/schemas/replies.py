"""Outbound chat messages: what the desk requests notify to send, and the outcome."""

from enum import StrEnum
from uuid import UUID

from pydantic import Field

from shared.schemas.base import Event


class ReplyRequested(Event):
    """A text to push to a LINE chat; `reply_id` is the idempotency key end to end."""

    reply_id: UUID
    case_id: UUID
    conversation_id: str
    channel: str
    to: str = Field(description="LINE user, group or room id to push to. Personal data.")
    text: str = Field(min_length=1, max_length=5000)
    requested_by: str = Field(description="Account id of the counselor, or 'system'.")


class DeliveryStatus(StrEnum):
    SENT = "sent"
    FAILED = "failed"


class ReplyDelivered(Event):
    """Outcome of one ReplyRequested, published by notify."""

    reply_id: UUID
    case_id: UUID
    conversation_id: str
    status: DeliveryStatus
    line_request_id: str | None = Field(default=None, description="LINE's x-line-request-id.")
    error: str | None = Field(default=None, description="Why the push failed, without the text.")
