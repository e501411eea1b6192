"""LINE channels this deployment serves, each with its own secret and access token.

One channel: LINE_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN and optionally LINE_CHANNEL_NAME
(default "consultation") and LINE_CHANNEL_DESTINATION.

Several channels: LINE_CHANNELS=consultation,parents and, for each NAME in that list,
LINE_<NAME>_CHANNEL_SECRET, LINE_<NAME>_CHANNEL_ACCESS_TOKEN and LINE_<NAME>_DESTINATION (the
bot's user id that LINE sends as `destination`, required to distinguish the channels).
"""

import os
import re
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, SecretStr

from shared.settings import SettingsError

CHANNEL_NAME = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


class LineChannel(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    secret: SecretStr | None = None
    access_token: SecretStr | None = None
    destination: str | None = None


def load_channels(
    environ: Mapping[str, str] | None = None, *, need_secret: bool, need_token: bool
) -> tuple[LineChannel, ...]:
    """Read the channels from `environ`; exit with a message naming each missing variable."""
    environ = os.environ if environ is None else environ
    names = environ.get("LINE_CHANNELS", "").strip()
    if not names:
        channels = (_single_channel(environ),)
    else:
        channels = tuple(_listed_channel(environ, name.strip()) for name in names.split(","))

    missing = []
    for channel, prefix in zip(channels, _prefixes(environ, channels), strict=True):
        if need_secret and channel.secret is None:
            missing.append(f"{prefix}_CHANNEL_SECRET")
        if need_token and channel.access_token is None:
            missing.append(f"{prefix}_CHANNEL_ACCESS_TOKEN")
        if len(channels) > 1 and not channel.destination:
            missing.append(f"{prefix}_DESTINATION")
    if missing:
        raise SettingsError(
            "invalid configuration: missing " + ", ".join(missing) + ". Set them from the "
            "LINE Developers console (Messaging API tab) and start again."
        )
    return channels


def _single_channel(environ: Mapping[str, str]) -> LineChannel:
    name = environ.get("LINE_CHANNEL_NAME", "consultation")
    _check_name(name, variable="LINE_CHANNEL_NAME")
    return LineChannel(
        name=name,
        secret=_secret(environ, "LINE_CHANNEL_SECRET"),
        access_token=_secret(environ, "LINE_CHANNEL_ACCESS_TOKEN"),
        destination=environ.get("LINE_CHANNEL_DESTINATION") or None,
    )


def _listed_channel(environ: Mapping[str, str], name: str) -> LineChannel:
    _check_name(name, variable="LINE_CHANNELS")
    prefix = f"LINE_{name.upper()}"
    return LineChannel(
        name=name,
        secret=_secret(environ, f"{prefix}_CHANNEL_SECRET"),
        access_token=_secret(environ, f"{prefix}_CHANNEL_ACCESS_TOKEN"),
        destination=environ.get(f"{prefix}_DESTINATION") or None,
    )


def _prefixes(environ: Mapping[str, str], channels: tuple[LineChannel, ...]) -> list[str]:
    if not environ.get("LINE_CHANNELS", "").strip():
        return ["LINE"]
    return [f"LINE_{channel.name.upper()}" for channel in channels]


def _secret(environ: Mapping[str, str], variable: str) -> SecretStr | None:
    value = environ.get(variable, "")
    return SecretStr(value) if value else None


def _check_name(name: str, *, variable: str) -> None:
    if not CHANNEL_NAME.match(name):
        raise SettingsError(
            f"invalid configuration: {variable} has channel name {name!r}; use lower-case "
            "letters, digits and '_', starting with a letter, at most 32 characters"
        )
