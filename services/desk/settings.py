"""Environment variables of the desk service."""

from pydantic import Field, SecretStr

from shared.settings import CommonSettings


class DeskSettings(CommonSettings):
    """Variables the desk reads in addition to the common ones."""

    database_url: str = Field(
        min_length=1, description="PostgreSQL URL, e.g. postgresql://user:pass@host/db."
    )
    desk_port: int = Field(default=8081, ge=1, le=65535, description="TCP port of the HTTP API.")
    desk_api_token: SecretStr = Field(
        min_length=1,
        description="Bearer token that every /api request must send in its Authorization header.",
    )
