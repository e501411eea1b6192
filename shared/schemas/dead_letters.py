"""Records that a consumer could not accept, kept for an operator to inspect and replay."""

from pydantic import Field

from shared.schemas.base import Event


class DeadLettered(Event):
    """A rejected record, with where it came from and why it was rejected."""

    service: str
    source_topic: str
    source_partition: int | None = None
    source_offset: int | None = None
    key: str | None = None
    error: str = Field(description="What was wrong, naming the field or value.")
    payload: str = Field(description="The raw record or request body, decoded as UTF-8.")
