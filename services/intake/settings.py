"""Intake's configuration, read from the environment."""

from pydantic import Field, SecretStr

from shared.settings import CommonSettings


class IntakeSettings(CommonSettings):
    line_channel_secret: SecretStr = Field(
        description="Channel secret from the LINE Developers console; signs every webhook."
    )
    line_channel_name: str = Field(
        default="consultation", description="Name this channel travels under to the desk."
    )
    intake_port: int = 8080
    intake_max_body_bytes: int = Field(
        default=1_048_576, gt=0, description="Largest webhook body accepted, in bytes."
    )
    intake_publish_timeout_seconds: float = Field(
        default=5.0,
        gt=0,
        description="How long a webhook waits for Kafka before it is answered 503.",
    )
