"""Notify's configuration, read from the environment. Channels: see shared.channels."""

from pydantic import Field

from shared.settings import CommonSettings


class NotifySettings(CommonSettings):
    database_url: str = Field(description="PostgreSQL URL; notify keeps its deliveries there.")
    line_api_base_url: str = Field(
        default="https://api.line.me", description="Base URL of the LINE Messaging API."
    )
    notify_port: int = 8084
