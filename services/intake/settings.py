"""Intake's configuration, read from the environment. Channels: see shared.channels."""

from pydantic import Field

from shared.settings import CommonSettings


class IntakeSettings(CommonSettings):
    database_url: str = Field(description="PostgreSQL URL; intake keeps event claims there.")
    intake_port: int = 8080
    intake_max_body_bytes: int = Field(
        default=262_144,
        gt=0,
        le=400_000,
        description="Largest webhook body accepted, in bytes. An event is published with its "
        "text twice (as sent and normalized), and must stay under Kafka's 1 MB record limit.",
    )
    intake_publish_timeout_seconds: float = Field(
        default=5.0,
        gt=0,
        description="Seconds a webhook waits for Kafka before the response is 503.",
    )
