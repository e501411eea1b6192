"""WebhookAcceptor on bodies with valid and invalid events, with in-memory claims and topics."""

import json
from typing import Any

import pytest
from aiokafka.errors import KafkaTimeoutError
from pydantic import SecretStr

from deploy import replay
from services.intake.acceptance import WebhookAcceptor
from shared.channels import LineChannel
from shared.schemas import MessageReceived

SECRET = "8c1f0e5d2b7a4c6e9f3d1a0b5c7e2f48"
CHANNEL = LineChannel(name="consultation", secret=SecretStr(SECRET))
BOT_ID = "U9d74932bdb6f21dc7ab21d6fc5260f47"
USER_ID = "Uc7566db52d2840b8ebe0ca87314d5e32"
TIMESTAMP_MS = 1_771_289_100_000
TEXT = "こんにちは、話を聞いてほしいです"


class MemoryClaims:
    """EventClaims without PostgreSQL: every id is claimed by the first caller only."""

    def __init__(self) -> None:
        self.claimed: set[str] = set()
        self.published: set[str] = set()

    async def claim(self, webhook_event_ids: list[str], *, channel: str) -> set[str]:
        new = set(webhook_event_ids) - self.claimed
        self.claimed |= new
        return new

    async def unpublished(self, webhook_event_ids: list[str]) -> set[str]:
        return set(webhook_event_ids) - self.published

    async def mark_published(self, webhook_event_ids: list[str]) -> None:
        self.published |= set(webhook_event_ids)

    async def release(self, webhook_event_ids: list[str]) -> None:
        self.claimed -= set(webhook_event_ids)


class Topics:
    """What the acceptor published and dead-lettered."""

    def __init__(self, *, kafka_down: bool = False) -> None:
        self.kafka_down = kafka_down
        self.published: list[MessageReceived] = []
        self.dead_letters: list[tuple[bytes, str, str | None]] = []

    async def publish(self, event: MessageReceived) -> None:
        if self.kafka_down:
            raise KafkaTimeoutError()
        self.published.append(event)

    async def dead_letter(self, payload: bytes, error: str, correlation_id: str | None) -> None:
        self.dead_letters.append((payload, error, correlation_id))


def make_acceptor(topics: Topics) -> WebhookAcceptor:
    return WebhookAcceptor(
        channels=(CHANNEL,),
        claims=MemoryClaims(),  # type: ignore[arg-type]
        publish=topics.publish,
        dead_letter=topics.dead_letter,
        publish_timeout=0.2,
    )


def text_event(number: int, **changes: Any) -> dict[str, Any]:
    event = replay.build_text_event(
        TEXT,
        USER_ID,
        TIMESTAMP_MS + number,
        webhook_event_id=f"01KHMGXFQ0V7Q28VM3JXM2GA{number:02d}",
    )
    event.update(changes)
    return event


def encode(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode()


async def post(acceptor: WebhookAcceptor, raw: bytes):
    return await acceptor.accept(raw, replay.sign(raw, SECRET))


async def test_mixed_body_publishes_valid_events() -> None:
    """A body with a valid and an invalid event publishes the valid one and gets 200."""
    topics = Topics()
    body = {"destination": BOT_ID, "events": [text_event(1), text_event(2, timestamp=None)]}

    outcome = await post(make_acceptor(topics), encode(body))

    assert outcome.status == 200
    assert outcome.body["accepted"] == 1
    assert [event["index"] for event in outcome.body["rejected"]] == [1]
    assert "events.1.timestamp" in outcome.body["rejected"][0]["error"]
    assert "received null" in outcome.body["rejected"][0]["error"]
    assert [event.webhook_event_id for event in topics.published] == ["01KHMGXFQ0V7Q28VM3JXM2GA01"]


async def test_mixed_body_dead_letters_invalid_event_alone() -> None:
    """The invalid event is dead-lettered as a body of its own, under its webhookEventId."""
    topics = Topics()
    invalid = text_event(2, timestamp=None)
    body = {"destination": BOT_ID, "events": [text_event(1), invalid]}

    await post(make_acceptor(topics), encode(body))

    assert len(topics.dead_letters) == 1
    payload, error, correlation_id = topics.dead_letters[0]
    assert json.loads(payload) == {"destination": BOT_ID, "events": [invalid]}
    assert correlation_id == "01KHMGXFQ0V7Q28VM3JXM2GA02"
    assert error.startswith("events.0.timestamp: Input should be a valid integer, received null.")


async def test_corrected_dead_letter_accepted() -> None:
    """A dead-lettered event gets 400 again as it is, and 200 once its field is corrected."""
    topics = Topics()
    acceptor = make_acceptor(topics)
    body = {"destination": BOT_ID, "events": [text_event(1), text_event(2, timestamp=None)]}
    await post(acceptor, encode(body))
    payload = topics.dead_letters[0][0]

    unchanged = await post(acceptor, payload)
    corrected = json.loads(payload)
    corrected["events"][0]["timestamp"] = TIMESTAMP_MS
    fixed = await post(acceptor, encode(corrected))
    again = await post(acceptor, encode(corrected))

    assert unchanged.status == 400
    assert fixed.status == 200
    assert fixed.body == {"accepted": 1}
    assert again.status == 200
    published = [event.webhook_event_id for event in topics.published]
    assert published == ["01KHMGXFQ0V7Q28VM3JXM2GA01", "01KHMGXFQ0V7Q28VM3JXM2GA02"]


async def test_all_invalid_events_get_400() -> None:
    """A body whose every event is invalid gets 400, and each event is kept on its own."""
    topics = Topics()
    events = [text_event(1, timestamp="yesterday"), text_event(2, mode="ACTIVE")]

    outcome = await post(make_acceptor(topics), encode({"destination": BOT_ID, "events": events}))

    assert outcome.status == 400
    assert (
        'events.0.timestamp: Input should be a valid integer, received "yesterday"'
        in (outcome.body["error"])
    )
    assert "events.1.mode" in outcome.body["error"]
    assert len(topics.dead_letters) == 2
    assert not topics.published


async def test_kafka_down_defers_dead_letters() -> None:
    """With Kafka down the body gets 503, and its invalid event waits for the redelivery."""
    topics = Topics(kafka_down=True)
    body = {"destination": BOT_ID, "events": [text_event(1), text_event(2, timestamp=None)]}

    outcome = await post(make_acceptor(topics), encode(body))

    assert outcome.status == 503
    assert topics.dead_letters == []


async def test_event_without_source_kept_silently() -> None:
    """An event without a chat is dead-lettered, but the response does not list it."""
    topics = Topics()
    without_source = text_event(2)
    del without_source["source"]
    body = {"destination": BOT_ID, "events": [text_event(1), without_source]}

    outcome = await post(make_acceptor(topics), encode(body))

    assert outcome.status == 200
    assert outcome.body == {"accepted": 1}
    assert len(topics.dead_letters) == 1


async def test_lone_surrogate_stored_as_replacement() -> None:
    """An escaped lone surrogate in a text is published as U+FFFD, not rejected."""
    topics = Topics()
    body = {"destination": BOT_ID, "events": [text_event(1)]}
    body["events"][0]["message"]["text"] = "つらい\ud800です"
    raw = json.dumps(body).encode("ascii")  # the only way to send it: the escape \ud800

    outcome = await post(make_acceptor(topics), raw)

    assert outcome.status == 200
    assert topics.published[0].text == "つらい\ufffdです"


async def test_surrogate_pair_escape_kept() -> None:
    """An escaped surrogate pair is one character and reaches the topic unchanged."""
    topics = Topics()
    body = {"destination": BOT_ID, "events": [text_event(1)]}
    body["events"][0]["message"]["text"] = "泣いてる😢"
    raw = json.dumps(body).encode("ascii")

    outcome = await post(make_acceptor(topics), raw)

    assert outcome.status == 200
    assert topics.published[0].text == "泣いてる😢"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"[]", "body: Input should be a JSON object, received a list of 0 items."),
        (b"\xff", "body: not UTF-8 (byte 0 is invalid)."),
        (b"{", "body: not JSON ("),
    ],
    ids=["list", "not-utf8", "truncated"],
)
async def test_body_not_line_rejected(raw: bytes, expected: str) -> None:
    """A body that is no LINE body gets 400, names the problem and is kept whole."""
    topics = Topics()

    outcome = await post(make_acceptor(topics), raw)

    assert outcome.status == 400
    assert expected in outcome.body["error"]
    assert "LINE sends a JSON object" in outcome.body["error"]
    assert "WebhookBody" not in outcome.body["error"]
    assert topics.dead_letters == [(raw, topics.dead_letters[0][1], None)]


async def test_encoded_surrogate_rejected() -> None:
    """A surrogate encoded as UTF-8 bytes is invalid UTF-8 and gets 400, unlike its escape."""
    topics = Topics()
    raw = encode({"destination": BOT_ID, "events": [text_event(1)]})
    raw = raw.replace(TEXT.encode(), b"a\xed\xa0\x80b")

    outcome = await post(make_acceptor(topics), raw)

    assert outcome.status == 400
    assert "not UTF-8" in outcome.body["error"]
    assert not topics.published
