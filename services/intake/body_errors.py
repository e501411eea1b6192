"""Error messages for webhook bodies that intake rejects.

Each message names the field, the value received and what LINE sends there. The value is
shown only for fields that contain no personal data. For the others, such as a text or a
user id, the message gives only the value's JSON type and size.
"""

import json
from typing import Any

from pydantic import ValidationError

MAX_VALUE_CHARS = 40

# Fields whose values are ids, types, numbers or flags, never what a person wrote or who
# they are. Every other value is described by its type only.
SHOWN_FIELDS = frozenset(
    {
        "type",
        "mode",
        "timestamp",
        "webhookEventId",
        "deliveryContext",
        "isRedelivery",
        "id",
        "index",
        "length",
        "packageId",
        "stickerId",
        "stickerResourceType",
        "productId",
        "emojiId",
        "fileSize",
        "duration",
        "isUnblocked",
        "isSelf",
    }
)

ROOT_EXPECTED = 'a JSON object {"destination": ..., "events": [...]} encoded as UTF-8'
# LINE's format of each field, by the field's name. The key "parent.name" wins over "name",
# and "name[]" is an item of the list "name".
EXPECTED = {
    "destination": "the bot's user id, 'U' and 32 lower-case hex digits",
    "events": "a list of event objects, empty when LINE verifies the webhook URL",
    "events[]": 'an event object with "type", "mode", "timestamp", "webhookEventId" and '
    '"deliveryContext"',
    "mode": '"active" or "standby"',
    "type": 'the event type, such as "message", "follow", "unfollow" or "postback"',
    "timestamp": "milliseconds since the Unix epoch as an integer, such as 1771289100000",
    "webhookEventId": "a ULID of 26 letters and digits, such as 01KHMGXFQ0V7Q28VM3JXM2GA4M",
    "deliveryContext": 'an object {"isRedelivery": true or false}',
    "isRedelivery": "true or false",
    "source": 'an object such as {"type": "user", "userId": ...}',
    "source.type": '"user", "group" or "room"',
    "userId": "'U' and 32 lower-case hex digits",
    "groupId": "'C' and 32 lower-case hex digits",
    "roomId": "'R' and 32 lower-case hex digits",
    "replyToken": "a token of ASCII letters, digits, '-' and '_'",
    "message": 'an object with "type", "id" and the fields of its type, such as "text"',
    "message.type": '"text", "sticker", "image", "video", "audio", "file" or "location"',
    "message.id": "the message id, a string of digits",
    "text": "a string of at most 5,000 characters",
    "emojis": 'a list of objects {"index", "length", "productId", "emojiId"}',
    "mention": 'an object {"mentionees": [...]}',
    "mentionees.type": '"user" or "all"',
    "index": "a non-negative integer",
    "length": "a non-negative integer",
    "packageId": "a string of digits",
    "stickerId": "a string of digits",
    "latitude": "a number from -90 to 90",
    "longitude": "a number from -180 to 180",
    "fileName": "a string",
    "fileSize": "the size in bytes, a non-negative integer",
    "duration": "milliseconds, a non-negative integer",
    "follow": 'an object {"isUnblocked": true or false}',
    "isUnblocked": "true or false",
    "postback": 'an object {"data": ..., "params": {...}}',
    "data": "a string of at most 300 characters",
    "params": 'an object of strings, such as {"date": "2026-02-17"}',
}
# Pydantic's messages for these name a Python class or type, which a sender cannot act on.
OBJECT_ERROR_TYPES = frozenset({"model_type", "model_attributes_type", "dict_type"})


def describe_validation_error(error: ValidationError, *, prefix: tuple = ()) -> str:
    """Describe every error of `error`, with field paths under `prefix` (such as events.1)."""
    return " ".join(
        _describe_detail(detail, prefix)
        for detail in error.errors(include_url=False, include_context=False)
    )


def describe_unparsable_body(error: Exception) -> str:
    """Describe a body that is not JSON, or JSON nested too deeply to parse."""
    if isinstance(error, RecursionError):
        problem = "JSON nested too deeply"
    elif isinstance(error, UnicodeDecodeError):
        problem = f"not UTF-8 (byte {error.start} is invalid)"
    else:
        problem = f"not JSON ({error})"
    return f"body: {problem}. LINE sends {ROOT_EXPECTED}."


def _describe_detail(detail: dict, prefix: tuple) -> str:
    location = (*prefix, *detail["loc"])
    path = ".".join(str(part) for part in location) or "body"
    message = detail["msg"]
    if detail["type"] in OBJECT_ERROR_TYPES:
        message = "Input should be a JSON object"

    if detail["type"] == "missing":
        text = f"{path}: the field is missing."
    else:
        text = f"{path}: {message}, received {_describe_value(location, detail['input'])}."
    expected = _expected(location)
    return f"{text} In this field, LINE sends {expected}." if expected else text


def _expected(location: tuple) -> str | None:
    names = [part for part in location if isinstance(part, str)]
    if not names:
        return ROOT_EXPECTED
    if isinstance(location[-1], int):
        return EXPECTED.get(f"{names[-1]}[]")
    if len(names) >= 2 and f"{names[-2]}.{names[-1]}" in EXPECTED:
        return EXPECTED[f"{names[-2]}.{names[-1]}"]
    return EXPECTED.get(names[-1])


def _describe_value(location: tuple, value: Any) -> str:
    names = [part for part in location if isinstance(part, str)]
    if names and names[-1] in SHOWN_FIELDS and not isinstance(value, dict | list):
        return _shortened(value)
    return _json_type(value)


def _shortened(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    if len(text) <= MAX_VALUE_CHARS:
        return text
    return f"{text[:MAX_VALUE_CHARS]}… ({len(text)} characters)"


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return f"a string of {_count(len(value), 'character')}"
    if isinstance(value, list):
        return f"a list of {_count(len(value), 'item')}"
    if isinstance(value, dict):
        return f"an object with {_count(len(value), 'key')}"
    return type(value).__name__


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"
