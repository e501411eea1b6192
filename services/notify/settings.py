"""Notify's configuration, read from the environment."""

from pydantic import Field, SecretStr

from shared.settings import CommonSettings


class NotifySettings(CommonSettings):
    database_url: str = Field(description="PostgreSQL URL; notify keeps its deliveries there.")
    line_channel_access_token: SecretStr = Field(
        description="Long-lived channel access token used for push messages."
    )
    line_api_base_url: str = Field(
        default="https://api.line.me", description="Base URL of the LINE Messaging API."
    )
    notify_port: int = 8084
