"""The desk's environment variables: defaults, and start-up errors that name the variable."""

import pytest

from services.desk.settings import DeskSettings
from shared.settings import SettingsError, load_settings

DATABASE_URL = "postgresql://desk@127.0.0.1/desk"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "DESK_API_TOKEN",
        "DESK_BOOTSTRAP_SUPERVISOR_LOGIN",
        "DESK_BOOTSTRAP_SUPERVISOR_PASSWORD",
        "DESK_SESSION_HOURS",
        "DESK_SESSION_COOKIE_SECURE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", DATABASE_URL)


def test_defaults_without_token() -> None:
    """DESK_API_TOKEN is optional, and sessions last 12 hours by default."""
    settings = load_settings(DeskSettings)

    assert settings.desk_api_token is None
    assert settings.desk_bootstrap_supervisor_login is None
    assert settings.desk_session_hours == 12
    assert settings.desk_session_cookie_secure is True


def test_bootstrap_variables_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_BOOTSTRAP_SUPERVISOR_LOGIN", "chief@example.jp")
    monkeypatch.setenv("DESK_BOOTSTRAP_SUPERVISOR_PASSWORD", "x" * 12)
    settings = load_settings(DeskSettings)

    assert settings.desk_bootstrap_supervisor_login == "chief@example.jp"
    assert settings.desk_bootstrap_supervisor_password.get_secret_value() == "x" * 12


@pytest.mark.parametrize(
    ("variables", "expected_words"),
    [
        (
            {
                "DESK_BOOTSTRAP_SUPERVISOR_LOGIN": "chief",
                "DESK_BOOTSTRAP_SUPERVISOR_PASSWORD": "short-pass1",
            },
            "DESK_BOOTSTRAP_SUPERVISOR_PASSWORD=(hidden): Value error, must be at least 12",
        ),
        (
            {"DESK_BOOTSTRAP_SUPERVISOR_LOGIN": "chief"},
            "DESK_BOOTSTRAP_SUPERVISOR_PASSWORD=(hidden): Value error, must be set when",
        ),
        (
            {"DESK_BOOTSTRAP_SUPERVISOR_PASSWORD": "long enough password"},
            "DESK_BOOTSTRAP_SUPERVISOR_PASSWORD=(hidden): Value error, is set, but",
        ),
        (
            {
                "DESK_BOOTSTRAP_SUPERVISOR_LOGIN": "Operator",
                "DESK_BOOTSTRAP_SUPERVISOR_PASSWORD": "long enough password",
            },
            "DESK_BOOTSTRAP_SUPERVISOR_LOGIN='Operator'",
        ),
        (
            {
                "DESK_BOOTSTRAP_SUPERVISOR_LOGIN": "two words",
                "DESK_BOOTSTRAP_SUPERVISOR_PASSWORD": "long enough password",
            },
            "DESK_BOOTSTRAP_SUPERVISOR_LOGIN='two words'",
        ),
        ({"DESK_API_TOKEN": "too-short"}, "DESK_API_TOKEN=(hidden): Value error, must be at least"),
        ({"DESK_SESSION_HOURS": "0"}, "DESK_SESSION_HOURS='0'"),
    ],
)
def test_invalid_variable_named(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], expected_words: str
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)

    with pytest.raises(SettingsError) as error:
        load_settings(DeskSettings)

    message = str(error.value)
    assert expected_words in message
    assert "long enough password" not in message
    assert "short-pass1" not in message
