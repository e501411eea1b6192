"""Intake's webhook endpoint under generated requests, on the real Kafka broker and PostgreSQL.

The app runs in this process with its FastAPI lifespan, and httpx posts to it through
ASGITransport. Hypothesis generates valid signed bodies, bad signatures, truncated and deeply
nested JSON, oversized bodies, wrong types, extra fields, invalid UTF-8 and empty bodies. After
the run the test reads the topic and checks that every accepted event was published once.
"""

import asyncio
import hashlib
import json
import re
import secrets
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.structs import ConsumerRecord, TopicPartition
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, SecretStr

from deploy import replay
from services.intake import line_webhook
from services.intake.app import create_app
from services.intake.settings import IntakeSettings
from shared.channels import LineChannel
from shared.schemas import MessageKind, MessageReceived
from shared.schemas.topics import MESSAGE_RECEIVED

MAX_BODY_BYTES = 64 * 1024
MAX_EXAMPLES = 2_000
ALLOWED_STATUSES = {200, 400, 401, 413}
URL = "http://intake.test/line/webhook"

SECRET = secrets.token_hex(16)
OTHER_SECRET = secrets.token_hex(16)
CHANNEL = LineChannel(name="consultation", secret=SecretStr(SECRET))
BOT_ID = "U9d74932bdb6f21dc7ab21d6fc5260f47"

# XORed into the random part of every generated webhookEventId, so that ids of this run differ
# from those of earlier runs against the same broker, while Hypothesis can still replay them.
RUN_SALT = secrets.randbits(80)
CROCKFORD_BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LINE_ID = re.compile(r"[UCR][0-9a-f]{32}")

# Keys that the webhook models read, by field name or alias. A generated extra field must
# not use one, or the models would read it instead of ignoring it.
MODEL_KEYS = frozenset(
    key
    for model in vars(line_webhook).values()
    if isinstance(model, type) and issubclass(model, BaseModel)
    for name, info in model.model_fields.items()
    for key in (name, info.alias)
    if key
)
KNOWN_EVENT_TYPES = ("message", "follow", "unfollow", "postback")
KNOWN_MESSAGE_TYPES = ("text", "sticker", "image", "video", "audio", "file", "location")
UNKNOWN_EVENT_TYPES = (
    "memberJoined",
    "memberLeft",
    "join",
    "leave",
    "videoPlayComplete",
    "beacon",
    "accountLink",
    "unsend",
    "things",
    "membership",
)
INVALID_UTF8 = (
    b"\xff",
    b"\x80",
    b"\xc3\x28",
    b"\xe2\x82",
    b"\xc0\xaf",
    b"\xed\xa0\x80",
    b"\xf8\x88\x80\x80\x80",
)
DELETE = object()


@dataclass(frozen=True, repr=False)
class WebhookRequest:
    """One generated request and the response that intake must return for it."""

    category: str
    body: bytes
    signature: str | None
    expected_status: int
    chunked: bool = False
    # webhookEventId -> kind, of the events a 200 must publish, in body order.
    published: dict[str, MessageKind] = field(default_factory=dict)
    # Ids in the body that must not be published because the request is rejected.
    unpublished: tuple[str, ...] = ()
    # A second delivery of the same events: the same bytes, or a LINE redelivery.
    repeat: bytes | None = None

    def __repr__(self) -> str:
        # Bodies run up to 4 times MAX_BODY_BYTES, so a failing example shows only their ends.
        body = self.body if len(self.body) <= 600 else self.body[:400] + b"..." + self.body[-100:]
        return (
            f"WebhookRequest(category={self.category!r}, {len(self.body)} bytes, body={body!r}, "
            f"signature={self.signature!r}, expected_status={self.expected_status}, "
            f"chunked={self.chunked}, published={self.published}, repeated={bool(self.repeat)})"
        )


@dataclass
class RunLog:
    """Requests of the run and their outcomes, for the checks on the topic afterwards."""

    accepted: dict[str, MessageKind] = field(default_factory=dict)
    rejected: set[str] = field(default_factory=set)
    categories: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)
    requests: int = 0


def format_ulid(timestamp_ms: int, random_bits: int) -> str:
    value = (timestamp_ms << 80) | (random_bits ^ RUN_SALT)
    characters = [CROCKFORD_BASE32[(value >> shift) & 0x1F] for shift in range(125, -1, -5)]
    return "".join(characters)


def encode(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def set_path(body: Any, path: tuple, value: Any) -> None:
    parent = body
    for key in path[:-1]:
        parent = parent[key]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value


line_user_ids = st.builds(lambda bits: f"U{bits:032x}", st.integers(0, 2**128 - 1))
line_group_ids = st.builds(lambda bits: f"C{bits:032x}", st.integers(0, 2**128 - 1))
line_room_ids = st.builds(lambda bits: f"R{bits:032x}", st.integers(0, 2**128 - 1))
not_line_ids = st.text(max_size=64).filter(lambda text: not LINE_ID.fullmatch(text))
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)
extra_fields = st.dictionaries(
    st.from_regex(r"\A[A-Za-z_][A-Za-z0-9_]{0,15}\Z").filter(lambda key: key not in MODEL_KEYS),
    json_values,
    max_size=3,
)


@st.composite
def sources(draw: st.DrawFn) -> tuple[dict[str, str] | None, bool]:
    """Return a source object, or None, and whether it names a chat that can be published."""
    user_id = draw(line_user_ids)
    kind = draw(st.sampled_from(["user", "user", "group", "room", "user-only", "none"]))
    if kind == "user":
        return {"type": "user", "userId": user_id}, True
    if kind in ("group", "room"):
        key, ids = ("groupId", line_group_ids) if kind == "group" else ("roomId", line_room_ids)
        source = {"type": kind, key: draw(ids)}
        if draw(st.booleans()):
            source["userId"] = user_id
        return source, True
    if kind == "user-only":
        # A group or room source without the id of its chat belongs to no conversation.
        return {"type": draw(st.sampled_from(["group", "room"])), "userId": user_id}, False
    return None, False


@st.composite
def message_objects(draw: st.DrawFn) -> tuple[dict[str, Any], MessageKind]:
    message_type = draw(st.sampled_from([*KNOWN_MESSAGE_TYPES, "unknown"]))
    message: dict[str, Any] = {"id": draw(st.from_regex(r"\A[0-9]{1,20}\Z"))}
    if draw(st.booleans()):
        message["quoteToken"] = draw(st.text(max_size=100))
    if message_type == "text":
        message["text"] = draw(st.text(max_size=200))
        message["emojis"] = draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "index": st.integers(0, 300),
                        "length": st.integers(0, 20),
                        "productId": st.from_regex(r"\A[0-9a-f]{24}\Z"),
                        "emojiId": st.from_regex(r"\A[0-9]{3}\Z"),
                    }
                ),
                max_size=3,
            )
        )
        if draw(st.booleans()):
            mentionee = st.fixed_dictionaries(
                {
                    "index": st.integers(0, 300),
                    "length": st.integers(0, 20),
                    "type": st.sampled_from(["user", "all"]),
                },
                optional={"userId": line_user_ids, "isSelf": st.booleans()},
            )
            message["mention"] = {"mentionees": draw(st.lists(mentionee, max_size=3))}
    elif message_type == "sticker":
        message["packageId"] = draw(st.from_regex(r"\A[0-9]{1,9}\Z"))
        message["stickerId"] = draw(st.from_regex(r"\A[0-9]{1,9}\Z"))
        message["stickerResourceType"] = draw(
            st.sampled_from(["STATIC", "ANIMATION", "SOUND", "POPUP", "MESSAGE", "CUSTOM"])
        )
        message["keywords"] = draw(st.lists(st.text(max_size=12), max_size=5))
        if draw(st.booleans()):
            message["text"] = draw(st.text(max_size=100))
    elif message_type in ("image", "video", "audio"):
        message["contentProvider"] = {"type": draw(st.sampled_from(["line", "external"]))}
        if message_type != "image":
            message["duration"] = draw(st.integers(0, 2**31))
    elif message_type == "file":
        message["fileName"] = draw(st.text(max_size=100))
        message["fileSize"] = draw(st.integers(0, 2**53))
    elif message_type == "location":
        message["title"] = draw(st.none() | st.text(max_size=50))
        message["address"] = draw(st.none() | st.text(max_size=100))
        # NOTE: finite floats and small integers only, because intake fails on NaN and on
        # integers beyond a float (test_nan_latitude_rejected, test_huge_latitude_rejected).
        message["latitude"] = draw(st.floats(-90, 90) | st.integers(-90, 90))
        message["longitude"] = draw(st.floats(-180, 180) | st.integers(-180, 180))
    else:
        message_type = draw(st.text(min_size=1, max_size=32).filter(is_unknown_message_type))
    message["type"] = message_type
    message.update(draw(extra_fields))
    kind = MessageKind(message_type) if message_type in KNOWN_MESSAGE_TYPES else MessageKind.UNKNOWN
    return message, kind


def is_unknown_message_type(message_type: str) -> bool:
    return message_type not in KNOWN_MESSAGE_TYPES


def is_unknown_event_type(event_type: str) -> bool:
    return event_type not in KNOWN_EVENT_TYPES


@st.composite
def events(draw: st.DrawFn) -> tuple[dict[str, Any], MessageKind, bool]:
    """Return a valid event, its expected kind, and whether intake can publish it."""
    timestamp = draw(st.integers(line_webhook.MIN_TIMESTAMP_MS, line_webhook.MAX_TIMESTAMP_MS))
    event: dict[str, Any] = {
        "mode": draw(st.sampled_from(["active", "standby"])),
        "timestamp": timestamp,
        "deliveryContext": {"isRedelivery": draw(st.booleans())},
    }
    source, publishable = draw(sources())
    if source is not None:
        event["source"] = source
        source.update(draw(extra_fields))
    if draw(st.booleans()):
        event["replyToken"] = draw(st.from_regex(r"\A[0-9a-f]{32}\Z"))

    event_type = draw(st.sampled_from([*KNOWN_EVENT_TYPES, "unknown"]))
    if event_type == "message":
        event["message"], kind = draw(message_objects())
    elif event_type == "follow":
        event["follow"] = {"isUnblocked": draw(st.booleans())}
        kind = MessageKind.FOLLOW
    elif event_type == "unfollow":
        kind = MessageKind.UNFOLLOW
    elif event_type == "postback":
        event["postback"] = {
            "data": draw(st.text(max_size=300)),
            "params": draw(st.dictionaries(st.text(max_size=20), st.text(max_size=30), max_size=3)),
        }
        kind = MessageKind.POSTBACK
    else:
        event_type = draw(
            st.sampled_from(UNKNOWN_EVENT_TYPES)
            | st.text(min_size=1, max_size=64).filter(is_unknown_event_type)
        )
        kind = MessageKind.UNKNOWN
    event["type"] = event_type
    event.update(draw(extra_fields))
    # Hypothesis often draws the same few integers, so the random part also hashes the
    # content, and only events that are equal in everything else share an id.
    content = hashlib.sha256(encode(event)).digest()
    random_bits = int.from_bytes(content[:10], "big") ^ draw(st.integers(0, 2**80 - 1))
    event["webhookEventId"] = format_ulid(timestamp, random_bits)
    return event, kind, publishable


@st.composite
def webhook_bodies(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, MessageKind]]:
    """Return a valid body and the events a 200 must publish, by webhookEventId."""
    drawn = draw(st.lists(events(), min_size=1, max_size=4))
    if draw(st.booleans()):
        drawn.append(drawn[0])  # the same event twice in one body is published once
    published: dict[str, MessageKind] = {}
    for event, kind, publishable in drawn:
        if publishable:
            published.setdefault(event["webhookEventId"], kind)
    destination = draw(st.just(BOT_ID) | st.from_regex(r"\A[0-9A-Za-z_-]{1,64}\Z"))
    body = {"destination": destination, "events": [event for event, _, _ in drawn]}
    body.update(draw(extra_fields))
    return body, published


def collect_event_ids(body: dict[str, Any]) -> tuple[str, ...]:
    return tuple(event["webhookEventId"] for event in body["events"])


@st.composite
def valid_requests(draw: st.DrawFn) -> WebhookRequest:
    body, published = draw(webhook_bodies())
    raw = encode(body)
    repeat = draw(st.sampled_from(["none", "same", "redelivery"]))
    repeated = None
    if repeat == "same":
        repeated = raw
    elif repeat == "redelivery":
        for event in body["events"]:
            event["deliveryContext"]["isRedelivery"] = True
        repeated = encode(body)
    return WebhookRequest(
        "valid",
        raw,
        replay.sign(raw, SECRET),
        200,
        chunked=draw(st.booleans()),
        published=published,
        repeat=repeated,
    )


@st.composite
def bad_signature_requests(draw: st.DrawFn) -> WebhookRequest:
    body, _ = draw(webhook_bodies())
    raw = encode(body)
    good = replay.sign(raw, SECRET)
    signature = draw(
        st.sampled_from(
            [
                None,
                "",
                replay.sign(raw, OTHER_SECRET),
                replay.sign(raw + b" ", SECRET),
                good[:-2],
                good.swapcase(),
            ]
        )
        | st.binary(min_size=32, max_size=32).map(lambda digest: replay.sign(digest, SECRET))
        | st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1)
    )
    if signature == good:
        signature = None
    return WebhookRequest("bad-signature", raw, signature, 401, unpublished=collect_event_ids(body))


@st.composite
def truncated_requests(draw: st.DrawFn) -> WebhookRequest:
    body, _ = draw(webhook_bodies())
    raw = encode(body)
    cut = raw[: draw(st.integers(0, len(raw) - 1))]
    return WebhookRequest(
        "truncated", cut, replay.sign(cut, SECRET), 400, unpublished=collect_event_ids(body)
    )


@st.composite
def nested_requests(draw: st.DrawFn) -> WebhookRequest:
    """Return arrays nested up to 100,000 levels deep, alone or inside a webhook body."""
    shape = draw(st.sampled_from(["open", "closed", "in-events", "in-extra"]))
    if shape == "in-extra":
        # Python's json module raises RecursionError near 1,000 levels, the default recursion
        # limit, so depths between 200 and 5,000 have no single expected status.
        depth = draw(st.integers(1, 200) | st.integers(5_000, 100_000))
    else:
        depth = draw(st.sampled_from([1_000, 65_000, 100_000]) | st.integers(2, 100_000))
    arrays = b"[" * depth + b"]" * depth
    if shape == "open":
        raw = b"[" * depth
    elif shape == "closed":
        raw = arrays
    elif shape == "in-events":
        raw = b'{"destination":"%s","events":%s}' % (BOT_ID.encode(), arrays)
    else:
        raw = b'{"destination":"%s","events":[],"deep":%s}' % (BOT_ID.encode(), arrays)

    if len(raw) > MAX_BODY_BYTES:
        status = 413
    elif shape == "in-extra" and depth <= 200:
        status = 200  # an ignored extra field
    else:
        status = 400
    return WebhookRequest(f"nested-{shape}", raw, replay.sign(raw, SECRET), status)


@st.composite
def oversized_requests(draw: st.DrawFn) -> WebhookRequest:
    """Return a body just at, or over, the size limit, signed or not."""
    body, published = draw(webhook_bodies())
    raw = encode(body)
    size = draw(
        st.sampled_from([MAX_BODY_BYTES, MAX_BODY_BYTES + 1])
        | st.integers(MAX_BODY_BYTES + 1, 4 * MAX_BODY_BYTES)
    )
    # JSON allows whitespace after the value, so the padded body is still valid.
    padded = raw + b" " * (size - len(raw))
    chunked = draw(st.booleans())
    signature = draw(st.sampled_from([replay.sign(padded, SECRET), None, "garbage"]))
    if size <= MAX_BODY_BYTES and signature == replay.sign(padded, SECRET):
        return WebhookRequest("at-limit", padded, signature, 200, chunked, published=published)
    category, status = ("oversized", 413) if size > MAX_BODY_BYTES else ("at-limit", 401)
    return WebhookRequest(
        category, padded, signature, status, chunked, unpublished=collect_event_ids(body)
    )


@st.composite
def long_text_requests(draw: st.DrawFn) -> WebhookRequest:
    """Return a text event at, over, or far over the 20,000-character limit of a text."""
    event, _, _ = draw(events())
    length = draw(st.sampled_from([20_000, 20_001, 70_000]))
    event.update(
        type="message",
        source={"type": "user", "userId": draw(line_user_ids)},
        message={"type": "text", "id": "1", "text": draw(st.sampled_from("aあ😢")) * length},
    )
    for detail in ("follow", "postback"):
        event.pop(detail, None)
    raw = encode({"destination": BOT_ID, "events": [event]})
    ids = (event["webhookEventId"],)
    if len(raw) > MAX_BODY_BYTES:
        return WebhookRequest("long-text", raw, replay.sign(raw, SECRET), 413, unpublished=ids)
    if length > 20_000:
        return WebhookRequest("long-text", raw, replay.sign(raw, SECRET), 400, unpublished=ids)
    published = {ids[0]: MessageKind.TEXT}
    return WebhookRequest("long-text", raw, replay.sign(raw, SECRET), 200, published=published)


def non_strings() -> st.SearchStrategy:
    return st.none() | st.booleans() | st.integers() | st.lists(st.integers(), max_size=2)


def non_integers() -> st.SearchStrategy:
    return (
        st.none()
        | st.booleans()
        | st.text()
        | st.floats()
        | st.integers(max_value=-1)
        | st.lists(st.integers(), max_size=2)
    )


def non_booleans() -> st.SearchStrategy:
    return st.none() | st.integers() | st.text() | st.floats(allow_nan=False)


# (event type the mutation needs, path in the body, strategy of invalid values for it)
INVALID_VALUES: list[tuple[str, tuple, st.SearchStrategy]] = [
    ("any", ("destination",), non_strings() | st.just("") | st.just(DELETE)),
    ("any", ("events",), st.none() | st.text() | st.integers() | st.just({}) | st.just(DELETE)),
    ("any", ("events", 0, "timestamp"), non_integers() | st.just(DELETE)),
    (
        "any",
        ("events", 0, "timestamp"),
        st.integers(max_value=line_webhook.MIN_TIMESTAMP_MS - 1)
        | st.integers(min_value=line_webhook.MAX_TIMESTAMP_MS + 1),
    ),
    ("any", ("events", 0, "mode"), non_strings() | st.sampled_from(["ACTIVE", "", DELETE])),
    ("any", ("events", 0, "type"), non_strings() | st.sampled_from(["", DELETE])),
    ("any", ("events", 0, "webhookEventId"), non_strings() | st.sampled_from(["", DELETE])),
    ("any", ("events", 0, "webhookEventId"), st.text(min_size=65, max_size=100)),
    ("any", ("events", 0, "deliveryContext"), non_strings() | st.just(DELETE)),
    ("any", ("events", 0, "deliveryContext", "isRedelivery"), non_booleans()),
    ("any", ("events", 0, "source"), st.integers() | st.text() | st.just([])),
    ("any", ("events", 0, "source", "type"), st.sampled_from(["square", "", None, 1])),
    ("any", ("events", 0, "source", "userId"), not_line_ids),
    (
        "text",
        ("events", 0, "message", "mention"),
        not_line_ids.map(
            lambda user_id: {"mentionees": [{"index": 0, "length": 1, "userId": user_id}]}
        ),
    ),
    ("any", ("events", 0, "replyToken"), st.integers() | st.booleans() | st.just([])),
    ("text", ("events", 0, "message", "text"), non_strings() | st.just(DELETE)),
    ("text", ("events", 0, "message", "id"), non_strings() | st.sampled_from(["", DELETE])),
    ("text", ("events", 0, "message", "type"), non_strings() | st.just("")),
    ("text", ("events", 0, "message", "emojis"), st.just([{"index": -1}])),
    ("text", ("events", 0, "message", "mention"), st.just({"mentionees": [{"type": "x"}]})),
    ("text", ("events", 0, "message"), st.none() | st.just(DELETE) | st.text()),
    ("sticker", ("events", 0, "message", "packageId"), non_strings() | st.just(DELETE)),
    ("location", ("events", 0, "message", "latitude"), st.text() | st.just(DELETE)),
    ("file", ("events", 0, "message", "fileSize"), non_integers() | st.just(DELETE)),
    ("follow", ("events", 0, "follow"), st.none() | st.just(DELETE) | st.just({})),
    ("follow", ("events", 0, "follow", "isUnblocked"), non_booleans()),
    ("postback", ("events", 0, "postback", "data"), st.text(min_size=301, max_size=400)),
    ("postback", ("events", 0, "postback", "params"), st.just({"date": 20260217})),
]
EXAMPLE_EVENTS = {
    "text": {"type": "message", "message": {"type": "text", "id": "1", "text": "こんにちは"}},
    "sticker": {
        "type": "message",
        "message": {"type": "sticker", "id": "2", "packageId": "446", "stickerId": "1988"},
    },
    "location": {
        "type": "message",
        "message": {"type": "location", "id": "3", "latitude": 35.7, "longitude": 139.7},
    },
    "file": {
        "type": "message",
        "message": {"type": "file", "id": "4", "fileName": "a.pdf", "fileSize": 1},
    },
    "follow": {"type": "follow", "follow": {"isUnblocked": False}},
    "postback": {"type": "postback", "postback": {"data": "a=1", "params": {}}},
}


@st.composite
def wrong_type_requests(draw: st.DrawFn) -> WebhookRequest:
    """Return a signed body with one field missing or of a wrong type, shape or length."""
    event, _, _ = draw(events())
    event["source"] = {"type": "user", "userId": draw(line_user_ids)}
    webhook_event_id = event["webhookEventId"]
    needed, path, invalid = draw(st.sampled_from(INVALID_VALUES))
    if needed != "any":
        for detail in ("message", "follow", "postback"):
            event.pop(detail, None)
        event.update(json.loads(json.dumps(EXAMPLE_EVENTS[needed])))
    body = {"destination": BOT_ID, "events": [event]}
    set_path(body, path, draw(invalid))
    raw = encode(body)
    return WebhookRequest(
        "wrong-type", raw, replay.sign(raw, SECRET), 400, unpublished=(webhook_event_id,)
    )


@st.composite
def invalid_utf8_requests(draw: st.DrawFn) -> WebhookRequest:
    event, _, _ = draw(events())
    event["source"] = {"type": "user", "userId": draw(line_user_ids)}
    for detail in ("follow", "postback"):
        event.pop(detail, None)
    event.update(type="message", message={"type": "text", "id": "1", "text": "a@@@b"})
    body = {"destination": BOT_ID, "events": [event]}
    if draw(st.booleans()):
        raw = encode(body).replace(b"@@@", draw(st.sampled_from(INVALID_UTF8)))
    else:
        event["message"]["text"] = "café " + draw(st.text(max_size=20))
        raw = json.dumps(body, ensure_ascii=False).encode("latin-1", errors="replace")
    return WebhookRequest(
        "invalid-utf8", raw, replay.sign(raw, SECRET), 400, unpublished=(event["webhookEventId"],)
    )


@st.composite
def not_object_requests(draw: st.DrawFn) -> WebhookRequest:
    """Return an empty body, or JSON that is no webhook body, signed or not."""
    raw = draw(
        st.just(b"")
        | st.sampled_from([b"null", b"[]", b"0", b'"events"', b"{}", b"  ", b"\xef\xbb\xbf{}"])
        | json_values.filter(lambda value: not isinstance(value, dict)).map(encode)
    )
    if draw(st.booleans()):
        return WebhookRequest("not-object", raw, None, 401)
    return WebhookRequest("not-object", raw, replay.sign(raw, SECRET), 400)


REQUEST_KINDS: list[Callable[[], st.SearchStrategy[WebhookRequest]]] = [
    valid_requests,
    valid_requests,
    valid_requests,
    bad_signature_requests,
    truncated_requests,
    nested_requests,
    oversized_requests,
    long_text_requests,
    wrong_type_requests,
    wrong_type_requests,
    invalid_utf8_requests,
    not_object_requests,
]
webhook_requests = st.one_of([kind() for kind in REQUEST_KINDS])


def signed_request(category: str, raw: bytes, expected_status: int) -> WebhookRequest:
    return WebhookRequest(category, raw, replay.sign(raw, SECRET), expected_status)


# Requests that every run sends first, whatever Hypothesis generates.
EXPLICIT_REQUESTS = [
    signed_request("empty-events", b'{"destination":"%s","events":[]}' % BOT_ID.encode(), 200),
    signed_request("nested-open", b"[" * 100_000, 413),
    signed_request("nested-open", b"[" * 60_000, 400),
    signed_request("nested-closed", b"[" * 30_000 + b"]" * 30_000, 400),
    signed_request("not-object", b"", 400),
    WebhookRequest("not-object", b"", None, 401),
    WebhookRequest("not-object", b"", "", 401),
    signed_request("oversized", b" " * (MAX_BODY_BYTES + 1), 413),
    WebhookRequest("oversized", b" " * (MAX_BODY_BYTES + 1), None, 413, chunked=True),
]


async def post(
    client: httpx.AsyncClient, raw: bytes, signature: str | None, *, chunked: bool
) -> httpx.Response:
    headers = {"content-type": "application/json; charset=utf-8", "user-agent": replay.USER_AGENT}
    if signature is not None:
        headers["x-line-signature"] = signature
    if not chunked:
        return await client.post(URL, content=raw, headers=headers)

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(raw), 16 * 1024):
            yield raw[start : start + 16 * 1024]

    return await client.post(URL, content=chunks(), headers=headers)


def build_settings(kafka_bootstrap: str, database_url: str) -> IntakeSettings:
    return IntakeSettings(
        kafka_bootstrap_servers=kafka_bootstrap,
        database_url=database_url,
        intake_max_body_bytes=MAX_BODY_BYTES,
        intake_publish_timeout_seconds=5.0,
    )


async def fetch_partitions(kafka_bootstrap: str, topic: str) -> list[TopicPartition]:
    # A consumer without a subscription has no metadata of the topic, and its
    # partitions_for_topic returns None, so the admin client fetches the partitions.
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap, client_id="intake-fuzz")
    await admin.start()
    try:
        (description,) = await admin.describe_topics([topic])
    finally:
        await admin.close()
    return [
        TopicPartition(topic, partition["partition"]) for partition in description["partitions"]
    ]


async def read_topic(kafka_bootstrap: str, topic: str) -> list[ConsumerRecord]:
    """Read every record of `topic`, from the beginning up to the end offsets of the call."""
    # With no group_id, aiokafka 0.14's consumer.stop() raises CancelledError.
    consumer = AIOKafkaConsumer(
        bootstrap_servers=kafka_bootstrap,
        group_id=f"intake-fuzz-{uuid.uuid4().hex}",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    try:
        partitions = await fetch_partitions(kafka_bootstrap, topic)
        assert partitions, f"topic {topic} has no partitions"
        consumer.assign(partitions)
        end = await consumer.end_offsets(partitions)
        await consumer.seek_to_beginning(*partitions)
        records = []
        deadline = time.monotonic() + 60
        behind = list(partitions)
        while behind:
            assert time.monotonic() < deadline, "reading the topic timed out after 60 s"
            batches = await consumer.getmany(*behind, timeout_ms=1000)
            for batch in batches.values():
                records.extend(batch)
            behind = [p for p in behind if await consumer.position(p) < end[p]]
    finally:
        await consumer.stop()
    return records


async def test_webhook_fuzz(kafka_bootstrap: str, database_url: str) -> None:
    """Generated requests get 200, 400, 401 or 413, and accepted events are published once."""
    app = create_app(build_settings(kafka_bootstrap, database_url), (CHANNEL,))
    loop = asyncio.get_running_loop()
    run = RunLog()

    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as client,
    ):

        def send(raw: bytes, signature: str | None, chunked: bool) -> httpx.Response:
            future = asyncio.run_coroutine_threadsafe(
                post(client, raw, signature, chunked=chunked), loop
            )
            run.requests += 1
            return future.result(timeout=60)

        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=[
                HealthCheck.too_slow,
                HealthCheck.data_too_large,
                HealthCheck.large_base_example,
                HealthCheck.filter_too_much,
            ],
        )
        @given(request=webhook_requests)
        def check_request(request: WebhookRequest) -> None:
            response = send(request.body, request.signature, request.chunked)
            run.categories[request.category] += 1
            run.statuses[response.status_code] += 1

            assert response.status_code in ALLOWED_STATUSES, response.text
            assert response.status_code == request.expected_status, response.text
            if response.status_code != 200:
                assert "error" in response.json()
                run.rejected.update(request.unpublished)
                return
            assert response.json() == {"accepted": len(request.published)}
            for webhook_event_id, kind in request.published.items():
                run.accepted.setdefault(webhook_event_id, kind)

            if request.repeat is not None:
                again = send(request.repeat, replay.sign(request.repeat, SECRET), False)
                assert again.status_code == 200, again.text
                assert again.json() == {"accepted": len(request.published)}

        for request in EXPLICIT_REQUESTS:
            check_request = example(request=request)(check_request)

        started = time.monotonic()
        await asyncio.to_thread(check_request)
        elapsed = time.monotonic() - started

    # Other tests may share the topic, so only the records of ids sent here are parsed.
    sent = run.accepted.keys() | run.rejected
    records = [
        record.value
        for record in await read_topic(kafka_bootstrap, MESSAGE_RECEIVED)
        if json.loads(record.value).get("webhook_event_id") in sent
    ]
    messages = [MessageReceived.model_validate_json(value) for value in records]
    counts = Counter(message.webhook_event_id for message in messages)
    kinds = {message.webhook_event_id: message.kind for message in messages}
    print(
        f"\n{run.requests} requests in {elapsed:.1f} s; categories {dict(run.categories)}; "
        f"statuses {dict(run.statuses)}; {len(run.accepted)} events accepted"
    )

    assert sum(run.categories.values()) >= MAX_EXAMPLES
    assert run.accepted, "no generated request was accepted"
    duplicates = {key: count for key, count in counts.items() if count > 1}
    assert not duplicates, f"published more than once: {duplicates}"
    missing = run.accepted.keys() - counts.keys()
    assert not missing, f"accepted but not published: {sorted(missing)}"
    leaked = (run.rejected - run.accepted.keys()) & counts.keys()
    assert not leaked, f"rejected but published: {sorted(leaked)}"
    wrong_kinds = {key: kinds[key] for key, kind in run.accepted.items() if kinds[key] != kind}
    assert not wrong_kinds, f"published with another kind: {wrong_kinds}"


@pytest.fixture
async def intake(kafka_bootstrap: str, database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an intake app that runs in this process, with its lifespan."""
    app = create_app(build_settings(kafka_bootstrap, database_url), (CHANNEL,))
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as client,
    ):
        yield client


def build_body(**changes: Any) -> bytes:
    """Return a valid body with one text event, its fields updated with `changes`."""
    timestamp = 1_771_289_100_000
    event = replay.build_text_event(
        "こんにちは",
        replay.line_user_id(f"fuzz-{uuid.uuid4()}"),
        timestamp,
        webhook_event_id=format_ulid(timestamp, secrets.randbits(80)),
    )
    event.update(changes)
    return encode({"destination": BOT_ID, "events": [event]})


async def test_valid_body_accepted(intake: httpx.AsyncClient) -> None:
    """A signed text event gets 200, so the tests below fail only on the field they change."""
    raw = build_body()

    response = await post(intake, raw, replay.sign(raw, SECRET), chunked=False)

    assert response.status_code == 200
    assert response.json() == {"accepted": 1}


async def test_timestamp_after_9999_rejected(intake: httpx.AsyncClient) -> None:
    """A timestamp past the year 9999, which datetime cannot hold, gets 400."""
    raw = build_body(timestamp=253_402_300_800_000)

    response = await post(intake, raw, replay.sign(raw, SECRET), chunked=False)

    assert response.status_code == 400
    assert "events.0.timestamp" in response.json()["error"]


async def test_huge_latitude_rejected(intake: httpx.AsyncClient) -> None:
    """An integer latitude beyond any float gets 400, not an unhandled exception."""
    message = {"type": "location", "id": "1", "latitude": 10**400, "longitude": 139.7}
    raw = build_body(message=message)

    response = await post(intake, raw, replay.sign(raw, SECRET), chunked=False)

    assert response.status_code == 400


async def test_nan_latitude_rejected(intake: httpx.AsyncClient) -> None:
    """A latitude of NaN gets 400, because no valid MessageReceived can carry it."""
    raw = build_body(message={"type": "location", "id": "1", "latitude": 1.0, "longitude": 2})
    raw = raw.replace(b'"latitude":1.0', b'"latitude":NaN')

    response = await post(intake, raw, replay.sign(raw, SECRET), chunked=False)

    assert response.status_code == 400


async def test_nul_in_webhook_event_id_rejected(intake: httpx.AsyncClient) -> None:
    """A webhookEventId containing U+0000 gets 400, not 503."""
    raw = build_body(webhookEventId="01KHMGXFQ0V7Q28VM3JXM2\u0000A4M")

    response = await post(intake, raw, replay.sign(raw, SECRET), chunked=False)

    assert response.status_code == 400
