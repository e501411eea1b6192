"""Intake's configuration, read from the environment. Channels: see shared.channels."""

from pydantic import Field

from shared.settings import CommonSettings


class IntakeSettings(CommonSettings):
    database_url: str = Field(description="PostgreSQL URL; intake keeps event claims there.")
    intake_port: int = 8080
    intake_max_body_bytes: int = Field(
        default=1_048_576, gt=0, description="Largest webhook body accepted, in bytes."
    )
    intake_publish_timeout_seconds: float = Field(
        default=5.0,
        gt=0,
        description="How long a webhook waits for Kafka before it is answered 503.",
    )
