"""Settings read from the environment and checked at start-up, before any message is taken."""

from typing import Literal, TypeVar

from pydantic import ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict


class CommonSettings(BaseSettings):
    """Variables every service reads."""

    model_config = SettingsConfigDict(extra="ignore", frozen=True)

    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    http_host: str = "127.0.0.1"


SettingsT = TypeVar("SettingsT", bound=BaseSettings)


class SettingsError(SystemExit):
    """Start-up failure caused by a missing or invalid environment variable."""


def load_settings(settings_class: type[SettingsT]) -> SettingsT:
    """Read `settings_class` from the environment, or exit with a message naming each variable."""
    try:
        return settings_class()
    except ValidationError as error:
        problems = []
        for detail in error.errors():
            variable = "_".join(str(part) for part in detail["loc"]).upper()
            value = detail.get("input")
            if detail["type"] == "missing":
                displayed = "(not set)"
            elif any(word in variable for word in ("SECRET", "TOKEN", "PASSWORD", "URL")):
                displayed = "(hidden)"
            else:
                displayed = repr(value)
            problems.append(f"{variable}={displayed}: {detail['msg']}")
        raise SettingsError(
            "invalid configuration: "
            + "; ".join(problems)
            + ". Set these environment variables and start again."
        ) from None
