"""Intake's webhook models and normalize_event on complete LINE webhook bodies.

Each body under tests/data/line_webhooks has the shape that the LINE Messaging API sends,
with one event, and the official SDK's parser (line-bot-sdk 3) accepts it as a known event.
"""

import copy
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from linebot.v3.models.events import UnknownEvent
from linebot.v3.webhook import WebhookParser
from pydantic import ValidationError

from deploy import replay
from services.intake.line_webhook import MAX_TIMESTAMP_MS, MIN_TIMESTAMP_MS, WebhookBody
from services.intake.normalize import UnsupportedEvent, normalize_event
from shared.schemas import (
    ChatSource,
    LineEmoji,
    Location,
    MediaFile,
    Mention,
    MessageKind,
    MessageReceived,
    Postback,
    SourceType,
    Sticker,
)

FIXTURES = Path(__file__).parent.parent / "data" / "line_webhooks"
CHANNEL = "consultation"
SECRET = "8c1f0e5d2b7a4c6e9f3d1a0b5c7e2f48"

BOT_ID = "U9d74932bdb6f21dc7ab21d6fc5260f47"
USER_ID = "Uc7566db52d2840b8ebe0ca87314d5e32"
GROUP_MEMBER_ID = "U0e04c7d49838d702bb6ad704516e537d"
ROOM_MEMBER_ID = "Uc067d5f171fa25e69421bc25b93bccf6"
OTHER_USER_ID = "U23079ab3d6066fe62a850fe8da4ba9ec"
GROUP_ID = "C4d7376690ef27378a2c811d4956eb9c8"
ROOM_ID = "R5330f57b55276396157c42b266188f8e"

USER_SOURCE = ChatSource(type=SourceType.USER, user_id=USER_ID)
GROUP_SOURCE = ChatSource(type=SourceType.GROUP, group_id=GROUP_ID, user_id=GROUP_MEMBER_ID)
ROOM_SOURCE = ChatSource(type=SourceType.ROOM, room_id=ROOM_ID, user_id=ROOM_MEMBER_ID)

# The value of each content field when the event does not carry it.
CONTENT_DEFAULTS: dict[str, Any] = {
    "reply_token": None,
    "line_message_id": None,
    "text": None,
    "normalized_text": None,
    "emojis": (),
    "mentions": (),
    "sticker": None,
    "location": None,
    "media": None,
    "postback": None,
    "is_unblocked": None,
}
# Fields that every case states in its table row.
EVENT_FIELDS = (
    "kind",
    "line_event_type",
    "mode",
    "source",
    "sent_at",
    "is_redelivery",
    "webhook_event_id",
)
# Fields that the tests check outside the table: envelope, ids derived from other fields.
DERIVED_FIELDS = (
    "schema_version",
    "event_id",
    "correlation_id",
    "occurred_at",
    "channel",
    "destination",
    "conversation_id",
)

DELETE = object()


@dataclass(frozen=True)
class Case:
    """One fixture body, the SDK classes it parses to, and the expected MessageReceived."""

    file: str
    sdk_event: str
    sdk_message: str | None
    expected: dict[str, Any]


CASES = [
    Case(
        "text_user.json",
        "MessageEvent",
        "TextMessageContent",
        {
            "kind": MessageKind.TEXT,
            "line_event_type": "message",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 45, 0, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMGXFQ0V7Q28VM3JXM2GA4M",
            "reply_token": "80ba7c116d25833013e38923988ad2c5",
            "line_message_id": "869577980456485171",
            "text": "ｼｺﾞﾄが  つらい\u3000(moon sad)",
            "normalized_text": "シゴトが つらい (moon sad)",
            "emojis": (
                LineEmoji(
                    index=11, length=10, product_id="5ac1bfd5040ab15980c9b435", emoji_id="002"
                ),
            ),
        },
    ),
    Case(
        "text_group_mention.json",
        "MessageEvent",
        "TextMessageContent",
        {
            "kind": MessageKind.TEXT,
            "line_event_type": "message",
            "mode": "active",
            "source": GROUP_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 46, 1, 237_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMGZBGNJPRXZ0FK94DV2TV6",
            "reply_token": "a41e97ef2769cdef91a91e0c1938a7d7",
            "line_message_id": "506283754172376976",
            "text": "@All @相談窓口 明日は開いていますか？",
            "normalized_text": "@All @相談窓口 明日は開いていますか?",
            "mentions": (
                Mention(index=0, length=4, type="all"),
                Mention(index=5, length=5, type="user", user_id=BOT_ID, is_self=True),
            ),
        },
    ),
    Case(
        "text_room_standby.json",
        "MessageEvent",
        "TextMessageContent",
        {
            "kind": MessageKind.TEXT,
            "line_event_type": "message",
            "mode": "standby",
            "source": ROOM_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 47, 2, 474_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMH17AAV524MSFT0338MFVY",
            "line_message_id": "384055286182565918",
            "text": "眠れない日が続いています",
            "normalized_text": "眠れない日が続いています",
        },
    ),
    Case(
        "text_redelivered.json",
        "MessageEvent",
        "TextMessageContent",
        {
            "kind": MessageKind.TEXT,
            "line_event_type": "message",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 48, 3, 711_000, tzinfo=UTC),
            "is_redelivery": True,
            "webhook_event_id": "01KHMH333ZY87ZQB3SHF2QQ8ZK",
            "reply_token": "348b579db36a7abb4ca8f8f249205038",
            "line_message_id": "845377943627319478",
            "text": "先ほどの続きです",
            "normalized_text": "先ほどの続きです",
        },
    ),
    Case(
        "sticker.json",
        "MessageEvent",
        "StickerMessageContent",
        {
            "kind": MessageKind.STICKER,
            "line_event_type": "message",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 49, 4, 948_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMH4YXMR3G6CSP9P0DY50N6",
            "reply_token": "7ef37049483c2837fd73c1f4f2827147",
            "line_message_id": "272186378336072068",
            "sticker": Sticker(
                package_id="11537",
                sticker_id="52002738",
                resource_type="ANIMATION",
                keywords=("cony", "sally", "Staring", "hi", "whatsup", "line", "howdy", "HEY"),
            ),
        },
    ),
    Case(
        "sticker_message.json",
        "MessageEvent",
        "StickerMessageContent",
        {
            "kind": MessageKind.STICKER,
            "line_event_type": "message",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 50, 6, 185_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMH6TQ9AW56S0E6PJTA70KH",
            "reply_token": "93055332e7440ea4a1c146203894a437",
            "line_message_id": "671036208901759505",
            "sticker": Sticker(
                package_id="12287",
                sticker_id="738839",
                resource_type="MESSAGE",
                keywords=("Thanks", "thx", "ty"),
                text="ありがとう",
            ),
        },
    ),
    Case(
        "image_set.json",
        "MessageEvent",
        "ImageMessageContent",
        {
            "kind": MessageKind.IMAGE,
            "line_event_type": "message",
            "mode": "active",
            "source": GROUP_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 51, 7, 422_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMH8PGYHTYD3T00F67720ZD",
            "reply_token": "09c22e7ba672d36ff288cfafab90355e",
            "line_message_id": "431305241462801731",
            "media": MediaFile(provider="line"),
        },
    ),
    Case(
        "image.json",
        "MessageEvent",
        "ImageMessageContent",
        {
            "kind": MessageKind.IMAGE,
            "line_event_type": "message",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 52, 8, 659_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMHAJAKSJMNPAEF315M200V",
            "reply_token": "517b3b540fd983d92d926a319a643d8b",
            "line_message_id": "220669409811696951",
            "media": MediaFile(provider="line"),
        },
    ),
    Case(
        "video.json",
        "MessageEvent",
        "VideoMessageContent",
        {
            "kind": MessageKind.VIDEO,
            "line_event_type": "message",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 53, 9, 896_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMHCE48JN2DRZVR3T8ZR10V",
            "reply_token": "57b7088dab29cc710f22ee0d13fa186f",
            "line_message_id": "760849099922656342",
            "media": MediaFile(duration_ms=8300, provider="external"),
        },
    ),
    Case(
        "audio.json",
        "MessageEvent",
        "AudioMessageContent",
        {
            "kind": MessageKind.AUDIO,
            "line_event_type": "message",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 54, 11, 133_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMHE9XXR9PDY4A5JTGCZPPV",
            "reply_token": "6566f0666ae7bd679461a474fd150044",
            "line_message_id": "261695202565598615",
            "media": MediaFile(duration_ms=60000, provider="line"),
        },
    ),
    Case(
        "file.json",
        "MessageEvent",
        "FileMessageContent",
        {
            "kind": MessageKind.FILE,
            "line_event_type": "message",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 55, 12, 370_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMHG5QJQGDRKCBNBQF43JV2",
            "reply_token": "ab499c77e4d6da2d5983e851248bdd23",
            "line_message_id": "568583463156564758",
            "media": MediaFile(file_name="相談記録.pdf", file_size=2138),
        },
    ),
    Case(
        "location.json",
        "MessageEvent",
        "LocationMessageContent",
        {
            "kind": MessageKind.LOCATION,
            "line_event_type": "message",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 56, 13, 607_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMHJ1H7TJXKQZC3CDQCTE5T",
            "reply_token": "4a62311a658f2a29183d2fa6687ec3c2",
            "line_message_id": "915804678035081499",
            "location": Location(
                title="市役所 福祉課",
                address="日本、〒160-0023 東京都新宿区西新宿２丁目８−１",
                latitude=35.68950445,
                longitude=139.69170666,
            ),
        },
    ),
    Case(
        "follow.json",
        "FollowEvent",
        None,
        {
            "kind": MessageKind.FOLLOW,
            "line_event_type": "follow",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 57, 14, 844_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMHKXAWTTWRFAQRMQ4ABNB4",
            "reply_token": "72dad38e205d79f703662ccddf9c3431",
            "is_unblocked": False,
        },
    ),
    Case(
        "follow_unblocked.json",
        "FollowEvent",
        None,
        {
            "kind": MessageKind.FOLLOW,
            "line_event_type": "follow",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 58, 16, 81_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMHNS4HFD7WYXMARTMXX1WN",
            "reply_token": "c943c743608d9306e442d2e797f7647a",
            "is_unblocked": True,
        },
    ),
    Case(
        "unfollow.json",
        "UnfollowEvent",
        None,
        {
            "kind": MessageKind.UNFOLLOW,
            "line_event_type": "unfollow",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 0, 59, 17, 318_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMHQMY645QW32ANHJ6MDRRC",
        },
    ),
    Case(
        "postback.json",
        "PostbackEvent",
        None,
        {
            "kind": MessageKind.POSTBACK,
            "line_event_type": "postback",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 1, 0, 18, 555_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMHSGQVRPAG761MFSS40B1F",
            "reply_token": "32f1c09a759234f84f70a6cc0e01bad3",
            "postback": Postback(data="action=reserve&slot=morning", params={"date": "2026-02-17"}),
        },
    ),
    Case(
        "member_joined.json",
        "MemberJoinedEvent",
        None,
        {
            "kind": MessageKind.UNKNOWN,
            "line_event_type": "memberJoined",
            "mode": "active",
            "source": ChatSource(type=SourceType.GROUP, group_id=GROUP_ID),
            "sent_at": datetime(2026, 2, 17, 1, 1, 19, 792_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMHVCHGEA7E2B8FDRR4M2WS",
            "reply_token": "442737764cd6c8055d179c3077652b3b",
        },
    ),
    Case(
        "video_play_complete.json",
        "VideoPlayCompleteEvent",
        None,
        {
            "kind": MessageKind.UNKNOWN,
            "line_event_type": "videoPlayComplete",
            "mode": "active",
            "source": USER_SOURCE,
            "sent_at": datetime(2026, 2, 17, 1, 2, 21, 29_000, tzinfo=UTC),
            "is_redelivery": False,
            "webhook_event_id": "01KHMHX8B5XR3203F1KZTT2J6Z",
            "reply_token": "9083f0d6584365c0342ffe841ea71c93",
        },
    ),
]


def load_body(file: str) -> dict[str, Any]:
    return json.loads((FIXTURES / file).read_bytes())


def copy_with_change(
    body: dict[str, Any], path: tuple[str | int, ...], value: Any
) -> dict[str, Any]:
    """Return a deep copy of `body` with the item at `path` set to `value`, or removed (DELETE)."""
    changed = copy.deepcopy(body)
    parent = changed
    for key in path[:-1]:
        parent = parent[key]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return changed


def normalize_body(body: dict[str, Any], *, channel: str = CHANNEL) -> MessageReceived:
    webhook = WebhookBody.model_validate(body)
    assert len(webhook.events) == 1
    return normalize_event(
        webhook.events[0],
        channel=channel,
        destination=webhook.destination,
        conversation_key=SECRET,
    )


def normalize_file(file: str) -> MessageReceived:
    return normalize_body(load_body(file))


def test_fixtures_all_in_table() -> None:
    """Every fixture file has a row in the table, so none goes untested."""
    files = sorted(path.name for path in FIXTURES.glob("*.json"))
    assert files == sorted(case.file for case in CASES)


def test_table_covers_schema() -> None:
    """The table and the derived checks cover every MessageReceived field."""
    covered = set(CONTENT_DEFAULTS) | set(EVENT_FIELDS) | set(DERIVED_FIELDS)
    assert covered == set(MessageReceived.model_fields)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.file.removesuffix(".json"))
def test_event_fields(case: Case) -> None:
    """Each field of the normalized event matches the body, and absent content is default."""
    message = normalize_file(case.file)

    for name in EVENT_FIELDS:
        assert getattr(message, name) == case.expected[name], f"field {name}"
    for name, default in CONTENT_DEFAULTS.items():
        expected = case.expected.get(name, default)
        assert getattr(message, name) == expected, f"field {name}"
    assert message.schema_version == 1
    assert message.correlation_id == case.expected["webhook_event_id"]
    assert message.channel == CHANNEL
    assert message.destination == BOT_ID
    assert message.conversation_id.startswith("cv_")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.file.removesuffix(".json"))
def test_event_survives_json(case: Case) -> None:
    """The normalized event reads back unchanged from the JSON that intake publishes."""
    message = normalize_file(case.file)
    assert MessageReceived.model_validate_json(message.model_dump_json()) == message


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.file.removesuffix(".json"))
def test_sdk_parses_fixture(case: Case) -> None:
    """The official SDK's parser reads the body as a known event of the expected class."""
    raw = (FIXTURES / case.file).read_bytes()
    parser = WebhookParser(SECRET)

    events = parser.parse(raw.decode("utf-8"), replay.sign(raw, SECRET))

    assert len(events) == 1
    event = events[0]
    assert not isinstance(event, UnknownEvent)
    assert type(event).__name__ == case.sdk_event
    assert event.webhook_event_id == case.expected["webhook_event_id"]
    assert getattr(event, "reply_token", None) == case.expected.get("reply_token")
    if case.sdk_message is not None:
        assert type(event.message).__name__ == case.sdk_message
        assert event.message.id == case.expected["line_message_id"]


def test_event_id_stable() -> None:
    """The event id follows webhookEventId, so a redelivery keeps it."""
    body = load_body("text_redelivered.json")
    first = normalize_body(body)
    again = normalize_body(copy.deepcopy(body))
    first_delivery = normalize_body(
        copy_with_change(body, ("events", 0, "deliveryContext", "isRedelivery"), False)
    )
    other = normalize_body(
        copy_with_change(body, ("events", 0, "webhookEventId"), "01KHMH333ZY87ZQB3SHF2QQ8ZM")
    )

    assert first.event_id == again.event_id
    assert first.event_id == first_delivery.event_id
    assert first.event_id != other.event_id
    assert first.event_id.version == 5
    assert isinstance(first.event_id, uuid.UUID)


def test_group_conversation_per_group() -> None:
    """Everyone in one group shares one conversation, apart from their one-to-one chats."""
    mention = normalize_file("text_group_mention.json")
    image = normalize_file("image_set.json")
    joined = normalize_file("member_joined.json")
    other_member = normalize_body(
        copy_with_change(
            load_body("text_group_mention.json"),
            ("events", 0, "source", "userId"),
            OTHER_USER_ID,
        )
    )
    other_group = normalize_body(
        copy_with_change(
            load_body("text_group_mention.json"),
            ("events", 0, "source", "groupId"),
            "C0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        )
    )
    one_to_one = normalize_body(
        copy_with_change(
            load_body("text_group_mention.json"),
            ("events", 0, "source"),
            {"type": "user", "userId": GROUP_MEMBER_ID},
        )
    )

    assert image.conversation_id == mention.conversation_id
    assert joined.conversation_id == mention.conversation_id
    assert other_member.conversation_id == mention.conversation_id
    assert other_group.conversation_id != mention.conversation_id
    assert one_to_one.conversation_id != mention.conversation_id


def test_room_conversation_per_room() -> None:
    """Everyone in one room shares one conversation, and another room has its own."""
    body = load_body("text_room_standby.json")
    message = normalize_body(body)
    other_member = normalize_body(
        copy_with_change(body, ("events", 0, "source", "userId"), OTHER_USER_ID)
    )
    other_room = normalize_body(
        copy_with_change(
            body, ("events", 0, "source", "roomId"), "R0f1e2d3c4b5a69788796a5b4c3d2e1f0"
        )
    )

    assert other_member.conversation_id == message.conversation_id
    assert other_room.conversation_id != message.conversation_id


def test_user_conversation_per_user() -> None:
    """One user's events share a conversation, which differs per user and per channel."""
    text = normalize_file("text_user.json")
    sticker = normalize_file("sticker.json")
    other_user = normalize_body(
        copy_with_change(
            load_body("text_user.json"), ("events", 0, "source", "userId"), OTHER_USER_ID
        )
    )
    other_channel = normalize_body(load_body("text_user.json"), channel="parents")

    assert sticker.conversation_id == text.conversation_id
    assert other_user.conversation_id != text.conversation_id
    assert other_channel.conversation_id != text.conversation_id


def test_conversation_id_hides_line_ids() -> None:
    """A group conversation id contains neither the group id nor the member's user id."""
    message = normalize_file("text_group_mention.json")
    assert GROUP_ID not in message.conversation_id
    assert GROUP_MEMBER_ID not in message.conversation_id


@pytest.mark.parametrize(
    ("file", "path", "value", "location", "message_part"),
    [
        ("text_user.json", ("events", 0, "message", "text"), DELETE, "events.0.message", "'text'"),
        (
            "sticker.json",
            ("events", 0, "message", "packageId"),
            DELETE,
            "events.0.message",
            "'packageId'",
        ),
        (
            "sticker.json",
            ("events", 0, "message", "stickerId"),
            DELETE,
            "events.0.message",
            "'stickerId'",
        ),
        (
            "location.json",
            ("events", 0, "message", "latitude"),
            DELETE,
            "events.0.message",
            "'latitude'",
        ),
        (
            "file.json",
            ("events", 0, "message", "fileSize"),
            DELETE,
            "events.0.message",
            "'fileSize'",
        ),
        ("follow.json", ("events", 0, "follow"), DELETE, "events.0", "'follow'"),
        ("postback.json", ("events", 0, "postback"), DELETE, "events.0", "'postback'"),
        ("text_user.json", ("events", 0, "message"), DELETE, "events.0", "'message'"),
        (
            "text_user.json",
            ("events", 0, "timestamp"),
            "1771289100000",
            "events.0.timestamp",
            "valid integer",
        ),
        (
            "text_user.json",
            ("events", 0, "timestamp"),
            1771289100000.5,
            "events.0.timestamp",
            "valid integer",
        ),
        ("text_user.json", ("events", 0, "timestamp"), -1, "events.0.timestamp", "greater than"),
        (
            "text_user.json",
            ("events", 0, "timestamp"),
            MIN_TIMESTAMP_MS - 1,
            "events.0.timestamp",
            "greater than",
        ),
        (
            "text_user.json",
            ("events", 0, "timestamp"),
            MAX_TIMESTAMP_MS + 1,
            "events.0.timestamp",
            "less than",
        ),
        (
            "text_user.json",
            ("events", 0, "source", "userId"),
            "U123",
            "events.0.source.userId",
            "pattern",
        ),
        (
            "text_group_mention.json",
            ("events", 0, "source", "groupId"),
            GROUP_ID.upper(),
            "events.0.source.groupId",
            "pattern",
        ),
        ("text_user.json", ("events", 0, "timestamp"), DELETE, "events.0.timestamp", "required"),
        (
            "text_user.json",
            ("events", 0, "deliveryContext", "isRedelivery"),
            "false",
            "events.0.deliveryContext.isRedelivery",
            "valid boolean",
        ),
        (
            "text_user.json",
            ("events", 0, "deliveryContext"),
            DELETE,
            "events.0.deliveryContext",
            "required",
        ),
        (
            "text_user.json",
            ("events", 0, "webhookEventId"),
            DELETE,
            "events.0.webhookEventId",
            "required",
        ),
        (
            "text_user.json",
            ("events", 0, "webhookEventId"),
            "",
            "events.0.webhookEventId",
            "should match pattern",
        ),
        (
            "text_user.json",
            ("events", 0, "webhookEventId"),
            "01KHMGXFQ0V7Q28VM3JXM2\u0000A4M",
            "events.0.webhookEventId",
            "should match pattern",
        ),
        ("text_user.json", ("events", 0, "mode"), "inactive", "events.0.mode", "'active'"),
        ("text_user.json", ("events", 0, "mode"), DELETE, "events.0.mode", "required"),
        (
            "text_user.json",
            ("events", 0, "source", "type"),
            "square",
            "events.0.source.type",
            "'user'",
        ),
        (
            "text_user.json",
            ("events", 0, "message", "id"),
            869577980456485171,
            "events.0.message.id",
            "valid string",
        ),
        (
            "text_user.json",
            ("events", 0, "message", "text"),
            ["ｼｺﾞﾄ"],
            "events.0.message.text",
            "valid string",
        ),
        (
            "text_user.json",
            ("events", 0, "message", "emojis", 0, "index"),
            -1,
            "events.0.message.emojis.0.index",
            "greater than",
        ),
        (
            "text_group_mention.json",
            ("events", 0, "message", "mention", "mentionees", 0, "type"),
            "group",
            "events.0.message.mention.mentionees.0.type",
            "'all'",
        ),
        (
            "follow.json",
            ("events", 0, "follow", "isUnblocked"),
            "true",
            "events.0.follow.isUnblocked",
            "valid boolean",
        ),
        (
            "postback.json",
            ("events", 0, "postback", "data"),
            "x" * 301,
            "events.0.postback.data",
            "at most 300",
        ),
        (
            "postback.json",
            ("events", 0, "postback", "params", "date"),
            20260217,
            "events.0.postback.params.date",
            "valid string",
        ),
        (
            "location.json",
            ("events", 0, "message", "latitude"),
            "35.68950445",
            "events.0.message.latitude",
            "valid number",
        ),
        ("text_user.json", ("destination",), DELETE, "destination", "required"),
        ("text_user.json", ("events",), {}, "events", "valid list"),
    ],
    ids=[
        "text-without-text",
        "sticker-without-packageId",
        "sticker-without-stickerId",
        "location-without-latitude",
        "file-without-fileSize",
        "follow-without-follow",
        "postback-without-postback",
        "message-without-message",
        "timestamp-string",
        "timestamp-float",
        "timestamp-negative",
        "timestamp-before-2011",
        "timestamp-after-2100",
        "userId-not-line-id",
        "groupId-upper-case",
        "timestamp-missing",
        "isRedelivery-string",
        "deliveryContext-missing",
        "webhookEventId-missing",
        "webhookEventId-empty",
        "webhookEventId-nul",
        "mode-unknown",
        "mode-missing",
        "source-type-unknown",
        "message-id-number",
        "text-list",
        "emoji-index-negative",
        "mentionee-type-unknown",
        "isUnblocked-string",
        "postback-data-too-long",
        "postback-param-number",
        "latitude-string",
        "destination-missing",
        "events-object",
    ],
)
def test_malformed_body_rejected(
    file: str, path: tuple, value: Any, location: str, message_part: str
) -> None:
    """A malformed body fails validation with an error at the bad field that names it."""
    body = copy_with_change(load_body(file), path, value)

    with pytest.raises(ValidationError) as raised:
        WebhookBody.model_validate(json.loads(json.dumps(body)))

    errors = raised.value.errors()
    locations = [".".join(str(part) for part in error["loc"]) for error in errors]
    assert errors
    assert all(found.startswith(location) for found in locations), locations
    assert any(message_part in error["msg"] for error in errors), errors


def test_empty_events_valid() -> None:
    """A body without events, as in LINE's webhook URL check, is valid."""
    raw = f'{{"destination":"{BOT_ID}","events":[]}}'

    body = WebhookBody.model_validate(json.loads(raw))

    assert body.events == []
    assert body.destination == BOT_ID
    assert WebhookParser(SECRET).parse(raw, replay.sign(raw.encode(), SECRET)) == []


def test_unknown_fields_ignored() -> None:
    """Fields that LINE may add later are accepted and change nothing in the output."""
    body = load_body("text_group_mention.json")
    extended = copy_with_change(body, ("futureField",), {"nested": [1, 2]})
    extended = copy_with_change(extended, ("events", 0, "futureField"), "x")
    extended = copy_with_change(extended, ("events", 0, "message", "markAsReadToken"), "t0k3n")
    extended = copy_with_change(extended, ("events", 0, "source", "futureField"), None)
    extended = copy_with_change(extended, ("events", 0, "deliveryContext", "futureField"), 1)

    message = normalize_body(body)
    message_extended = normalize_body(extended)

    assert message_extended.model_dump(exclude={"occurred_at"}) == message.model_dump(
        exclude={"occurred_at"}
    )


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("events", 0, "source"), DELETE),
        (("events", 0, "source"), {"type": "group", "userId": GROUP_MEMBER_ID}),
        (("events", 0, "source"), {"type": "room", "userId": ROOM_MEMBER_ID}),
        (("events", 0, "source"), {"type": "user"}),
    ],
    ids=["no-source", "group-without-groupId", "room-without-roomId", "user-without-userId"],
)
def test_event_without_chat_unsupported(path: tuple, value: Any) -> None:
    """An event whose source lacks the id of its chat raises UnsupportedEvent."""
    body = WebhookBody.model_validate(copy_with_change(load_body("text_user.json"), path, value))

    with pytest.raises(UnsupportedEvent):
        normalize_event(
            body.events[0], channel=CHANNEL, destination=BOT_ID, conversation_key=SECRET
        )


@given(timestamp=st.integers(min_value=MIN_TIMESTAMP_MS, max_value=MAX_TIMESTAMP_MS))
def test_sent_at_exact(timestamp: int) -> None:
    """sent_at is the event timestamp to the millisecond, over the whole accepted range."""
    body = copy_with_change(load_body("text_user.json"), ("events", 0, "timestamp"), timestamp)

    message = normalize_body(body)

    assert message.sent_at == datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=timestamp)
