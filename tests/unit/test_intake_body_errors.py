"""Error messages for rejected webhook events: field, value received and what LINE sends."""

from typing import Any

import pytest
from pydantic import ValidationError

from deploy import replay
from services.intake.body_errors import describe_validation_error
from services.intake.line_webhook import LineEvent

USER_ID = "Uc7566db52d2840b8ebe0ca87314d5e32"
TEXT_MARKER = "ひみつのことば"


def describe(**changes: Any) -> str:
    event = replay.build_text_event(TEXT_MARKER, USER_ID, 1_771_289_100_000)
    event.update(changes)
    with pytest.raises(ValidationError) as raised:
        LineEvent.model_validate(event)
    return describe_validation_error(raised.value, prefix=("events", 3))


def test_error_names_field_value_expectation() -> None:
    """A timestamp string is named with its path, its value and LINE's format."""
    message = describe(timestamp="yesterday")

    assert message.startswith("events.3.timestamp: Input should be a valid integer")
    assert 'received "yesterday"' in message
    assert "LINE sends milliseconds since the Unix epoch" in message


def test_error_for_missing_field() -> None:
    """A missing field is reported as missing, with what LINE sends there."""
    message = describe_without("mode")

    assert message == (
        'events.3.mode: the field is missing. In this field, LINE sends "active" or "standby".'
    )


def describe_without(field: str) -> str:
    event = replay.build_text_event(TEXT_MARKER, USER_ID, 1_771_289_100_000)
    del event[field]
    with pytest.raises(ValidationError) as raised:
        LineEvent.model_validate(event)
    return describe_validation_error(raised.value, prefix=("events", 3))


def test_long_value_shortened() -> None:
    """A long value of a shown field is cut to 40 characters and its length."""
    message = describe(type="x" * 100)

    assert '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' in message
    assert "(102 characters)" in message
    assert "x" * 41 not in message


@pytest.mark.parametrize(
    ("changes", "hidden", "shown"),
    [
        (
            {"message": {"type": "text", "id": "1", "text": TEXT_MARKER * 3_000}},
            TEXT_MARKER,
            "received a string of 21,000 characters",
        ),
        (
            {"source": {"type": "user", "userId": USER_ID.upper()}},
            USER_ID.upper(),
            "received a string of 33 characters",
        ),
        ({"replyToken": "tok en"}, "tok en", "received a string of 6 characters"),
    ],
    ids=["text", "userId", "replyToken"],
)
def test_personal_values_hidden(changes: dict, hidden: str, shown: str) -> None:
    """Texts, user ids and tokens are described by their type and size, never shown."""
    message = describe(**changes)

    assert hidden not in message
    assert shown in message


def test_object_error_names_no_class() -> None:
    """An event that is not an object gets plain words, not a Python class name."""
    with pytest.raises(ValidationError) as raised:
        LineEvent.model_validate([1, 2])

    message = describe_validation_error(raised.value, prefix=("events", 0))

    assert message.startswith(
        "events.0: Input should be a JSON object, received a list of 2 items."
    )
    assert "LineEvent" not in message
    assert 'LINE sends an event object with "type"' in message
