"""Intake's configuration, read from the environment. Channels: see shared.channels."""

from pydantic import Field

from shared.settings import CommonSettings


class IntakeSettings(CommonSettings):
    database_url: str = Field(description="PostgreSQL URL; intake keeps event claims there.")
    intake_port: int = 8080
    # A LINE text is at most 5,000 UTF-16 code units, so a text event is at most about
    # 31 KB of JSON (6 bytes for a control character escaped as \u001f, plus the other
    # fields). 4 MiB fits over 130 such events, and LINE documents no count of events per
    # webhook. Each event is published as its own Kafka record, so the body size is bounded
    # by memory, not by Kafka's 1 MB record limit.
    intake_max_body_bytes: int = Field(
        default=4 * 1024 * 1024,
        gt=0,
        le=64 * 1024 * 1024,
        description="Largest webhook body accepted, in bytes. A larger body gets 413.",
    )
    intake_publish_timeout_seconds: float = Field(
        default=5.0,
        gt=0,
        description="Seconds a webhook waits for Kafka before the response is 503.",
    )
