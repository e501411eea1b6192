"""Environment variables of the desk service."""

from pydantic import Field, SecretStr, ValidationInfo, field_validator

from services.desk.accounts import OPERATOR_LOGIN, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH
from shared.settings import CommonSettings

OPERATOR_TOKEN_MIN_LENGTH = 16


class DeskSettings(CommonSettings):
    """Variables the desk reads in addition to the common ones."""

    database_url: str = Field(
        min_length=1, description="PostgreSQL URL, e.g. postgresql://user:pass@host/db."
    )
    desk_port: int = Field(default=8081, ge=1, le=65535, description="TCP port of the HTTP API.")
    desk_api_token: SecretStr | None = Field(
        default=None,
        description=(
            "Optional operator token: a request that sends it as a bearer token acts as the"
            " supervisor account named 'operator'."
        ),
    )
    desk_bootstrap_supervisor_login: str | None = Field(
        default=None,
        min_length=1,
        max_length=254,
        pattern=r"^\S+$",
        description=(
            "Login of the supervisor account that start-up creates when no active supervisor"
            " exists. Needs DESK_BOOTSTRAP_SUPERVISOR_PASSWORD."
        ),
    )
    desk_bootstrap_supervisor_password: SecretStr | None = Field(
        default=None,
        validate_default=True,
        description="Password of that supervisor account, at least 12 characters.",
    )
    desk_session_hours: int = Field(
        default=12,
        ge=1,
        le=168,
        description="Hours that a web console login stays valid before the person logs in again.",
    )
    desk_session_cookie_secure: bool = Field(
        default=True,
        description=(
            "Whether the session cookie has the Secure attribute, so clients send it over"
            " HTTPS only. Chromium also sends it to http://127.0.0.1 and http://localhost,"
            " but Python's httpx does not. Set false only where the console is reached on"
            " 127.0.0.1, as `make run` does."
        ),
    )

    @field_validator("desk_api_token")
    @classmethod
    def _token_long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            _check_secret_length(value, minimum=OPERATOR_TOKEN_MIN_LENGTH, maximum=None)
        return value

    @field_validator("desk_bootstrap_supervisor_login")
    @classmethod
    def _login_not_operator(cls, value: str | None) -> str | None:
        if value is not None and value.lower() == OPERATOR_LOGIN:
            raise ValueError(f"{OPERATOR_LOGIN!r} is reserved for DESK_API_TOKEN; choose another")
        return value

    @field_validator("desk_bootstrap_supervisor_password")
    @classmethod
    def _password_with_login(
        cls, value: SecretStr | None, info: ValidationInfo
    ) -> SecretStr | None:
        # Runs after the login's validation, so a missing login here means unset or invalid.
        has_login = info.data.get("desk_bootstrap_supervisor_login") is not None
        if value is None and has_login:
            raise ValueError("must be set when DESK_BOOTSTRAP_SUPERVISOR_LOGIN is set")
        if value is not None and not has_login and "desk_bootstrap_supervisor_login" in info.data:
            raise ValueError("is set, but DESK_BOOTSTRAP_SUPERVISOR_LOGIN is not; set both")
        if value is not None:
            _check_secret_length(value, minimum=PASSWORD_MIN_LENGTH, maximum=PASSWORD_MAX_LENGTH)
        return value


def _check_secret_length(value: SecretStr, *, minimum: int, maximum: int | None) -> None:
    # The message gives the length, never the value.
    length = len(value.get_secret_value())
    if length < minimum:
        raise ValueError(f"must be at least {minimum} characters long, but has {length}")
    if maximum is not None and length > maximum:
        raise ValueError(f"must be at most {maximum} characters long, but has {length}")
