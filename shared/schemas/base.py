"""The model configuration and envelope fields shared by every event."""

from datetime import UTC, datetime
from typing import Literal
from uuid import UUID, uuid4

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


def utc_now() -> datetime:
    return datetime.now(UTC)


class Event(BaseModel):
    """Envelope of every event on a topic: a version, a unique id and a correlation id."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    schema_version: Literal[1] = Field(
        default=SCHEMA_VERSION,
        description="Version of the event's schema; consumers reject versions they do not know.",
    )
    event_id: UUID = Field(
        default_factory=uuid4,
        description="Unique id of this event; consumers use it to make their effects idempotent.",
    )
    correlation_id: str = Field(
        min_length=1,
        max_length=128,
        description="Id that follows one inbound message through every service.",
    )
    occurred_at: AwareDatetime = Field(
        default_factory=utc_now, description="When the fact happened, with a time zone."
    )
