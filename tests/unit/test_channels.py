"""Reading LINE channels from the environment."""

import pytest

from shared.channels import load_channels
from shared.settings import SettingsError


def test_single_channel_defaults() -> None:
    """Without LINE_CHANNELS, one channel named 'consultation' is read."""
    (channel,) = load_channels(
        {"LINE_CHANNEL_SECRET": "s", "LINE_CHANNEL_ACCESS_TOKEN": "t"},
        need_secret=True,
        need_token=True,
    )
    assert channel.name == "consultation"
    assert channel.secret.get_secret_value() == "s"
    assert channel.access_token.get_secret_value() == "t"


def test_listed_channels_read_by_name() -> None:
    """LINE_CHANNELS names each channel and its variables."""
    environ = {
        "LINE_CHANNELS": "consultation, parents",
        "LINE_CONSULTATION_CHANNEL_SECRET": "s1",
        "LINE_CONSULTATION_DESTINATION": "U1",
        "LINE_PARENTS_CHANNEL_SECRET": "s2",
        "LINE_PARENTS_DESTINATION": "U2",
    }
    channels = load_channels(environ, need_secret=True, need_token=False)
    assert [channel.name for channel in channels] == ["consultation", "parents"]
    assert channels[1].secret.get_secret_value() == "s2"
    assert channels[1].destination == "U2"


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({}, "LINE_CHANNEL_SECRET"),
        ({"LINE_CHANNEL_SECRET": ""}, "LINE_CHANNEL_SECRET"),
        ({"LINE_CHANNELS": "parents"}, "LINE_PARENTS_CHANNEL_SECRET"),
        (
            {"LINE_CHANNELS": "a,b", "LINE_A_CHANNEL_SECRET": "x", "LINE_B_CHANNEL_SECRET": "y"},
            "LINE_A_DESTINATION",
        ),
        ({"LINE_CHANNEL_SECRET": "x", "LINE_CHANNEL_NAME": "Bad Name"}, "LINE_CHANNEL_NAME"),
    ],
    ids=["missing", "empty", "listed-missing", "destination-missing", "bad-name"],
)
def test_invalid_configuration_names_variable(environ: dict[str, str], named: str) -> None:
    """A missing or invalid variable stops start-up with a message naming it."""
    with pytest.raises(SettingsError) as raised:
        load_channels(environ, need_secret=True, need_token=False)
    assert named in str(raised.value)
