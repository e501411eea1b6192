"""Automatic replies outside opening hours, against a real PostgreSQL, with a controlled clock."""

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from uuid import uuid4

import asyncpg
import pytest
import structlog
from structlog.testing import capture_logs

from services.desk import store
from services.desk.consumer import OUTBOX_MODELS, handle_message_triaged, publish_outbox_batch
from services.desk.hours import ALERT_RAISED, AfterHoursResponder, AlertKind, AlertRaised
from services.desk.hours.calendar import TOKYO
from services.desk.hours.settings import load_hours_settings
from services.desk.hours.store import ReplyOutcome
from shared.db import apply_migrations, create_pool
from shared.schemas import (
    ChatSource,
    MessageKind,
    MessageReceived,
    MessageTriaged,
    ReplyRequested,
    SourceType,
)
from shared.schemas.topics import REPLY_REQUESTED

# The desk's migrations, found without importing services.desk.app and its web stack.
MIGRATIONS_DIRECTORY = Path(store.__file__).parent / "migrations"
AFTER_HOURS_PREFIX = "メッセージありがとうございます。相談員は平日18時から21時に対応しています。"
SECRET_TEXT = "誰にも言えない相談です"


class FixedClock:
    """A clock that returns `current` until a test moves it."""

    def __init__(self, current: datetime) -> None:
        self.current = current

    def __call__(self) -> datetime:
        return self.current


class WakeCounter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(database_url, max_size=4)
    await apply_migrations(pool, schema=store.SCHEMA, directory=MIGRATIONS_DIRECTORY)
    yield pool
    await pool.close()


def jst(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TOKYO)


def triaged(
    conversation_id: str,
    *,
    sent_at: datetime,
    urgent: bool = False,
    kind: MessageKind = MessageKind.TEXT,
    mode: str = "active",
    source_type: SourceType = SourceType.USER,
    channel: str = "consultation",
) -> MessageTriaged:
    """Build a triaged event whose LINE user, group or room id is "U" + conversation_id."""
    line_id = f"U{conversation_id}"
    source = {
        SourceType.USER: ChatSource(type=SourceType.USER, user_id=line_id),
        SourceType.GROUP: ChatSource(type=SourceType.GROUP, user_id=line_id, group_id=line_id),
        SourceType.ROOM: ChatSource(type=SourceType.ROOM, room_id=line_id),
    }[source_type]
    message = MessageReceived(
        correlation_id=f"corr-{uuid4().hex[:8]}",
        channel=channel,
        conversation_id=conversation_id,
        webhook_event_id=f"wh-{uuid4().hex}",
        kind=kind,
        mode=mode,
        source=source,
        sent_at=sent_at,
        text=SECRET_TEXT if kind is MessageKind.TEXT else None,
    )
    return MessageTriaged(
        correlation_id=message.correlation_id,
        message=message,
        urgent=urgent,
        classifier_version="test",
    )


def make_responder(
    clock: FixedClock, wake: WakeCounter | None = None, environ: dict[str, str] | None = None
) -> AfterHoursResponder:
    return AfterHoursResponder(
        settings=load_hours_settings(environ or {}), now=clock, wake=wake or WakeCounter()
    )


async def receive(
    pool: asyncpg.Pool, responder: AfterHoursResponder, clock: FixedClock, event: MessageTriaged
) -> None:
    """Handle `event` with the clock at its sent_at, as the desk would on time."""
    clock.current = event.message.sent_at
    await handle_message_triaged(pool, event, after_hours=responder)


async def outbound(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    return await pool.fetch(
        "SELECT * FROM desk.messages WHERE direction = 'out' ORDER BY sent_at, stored_at"
    )


async def outbox(pool: asyncpg.Pool, topic: str) -> list[asyncpg.Record]:
    return await pool.fetch("SELECT * FROM desk.outbox WHERE topic = $1 ORDER BY outbox_id", topic)


# --- when a reply is sent -------------------------------------------------------------


async def test_weekday_1759_gets_reply(pool: asyncpg.Pool) -> None:
    """A message at 17:59 on a Monday gets one after-hours reply naming 18:00 that day."""
    wake = WakeCounter()
    clock = FixedClock(jst(2026, 2, 16, 17, 59))
    event = triaged("conv-a", sent_at=jst(2026, 2, 16, 17, 59))
    await receive(pool, make_responder(clock, wake), clock, event)

    [reply] = await outbound(pool)
    assert reply["requested_by"] == "system"
    assert reply["delivery_status"] == "queued"
    assert reply["text"] == AFTER_HOURS_PREFIX + "次は2月16日（月）18時からお返事します。"
    assert reply["sent_at"] == clock.current
    [row] = await outbox(pool, REPLY_REQUESTED)
    requested = ReplyRequested.model_validate_json(row["payload"])
    assert requested.reply_id == reply["message_id"]
    assert requested.requested_by == "system"
    assert requested.to == "Uconv-a"
    assert requested.text == reply["text"]
    assert requested.correlation_id == event.correlation_id
    assert row["key"] == "conv-a"
    assert wake.calls == 1


async def test_reply_keeps_waiting_since(pool: asyncpg.Pool) -> None:
    """The person still waits for a counselor, so waiting_since stays at the message's time."""
    clock = FixedClock(jst(2026, 2, 16, 17, 59))
    await receive(pool, make_responder(clock), clock, triaged("conv-a", sent_at=clock.current))

    case = await pool.fetchrow("SELECT waiting_since, last_message_at FROM desk.cases")
    assert case["waiting_since"] == jst(2026, 2, 16, 17, 59)
    assert case["last_message_at"] == jst(2026, 2, 16, 17, 59)
    event = await pool.fetchrow(
        "SELECT kind, actor, message_id FROM desk.case_events ORDER BY case_event_id DESC LIMIT 1"
    )
    assert event["kind"] == "after_hours_reply_queued"
    assert event["actor"] == "system"
    assert event["message_id"] == await pool.fetchval("SELECT reply_id FROM desk.automatic_replies")


async def test_weekday_1800_gets_no_reply(pool: asyncpg.Pool) -> None:
    wake = WakeCounter()
    clock = FixedClock(jst(2026, 2, 16, 18, 0))
    await receive(
        pool, make_responder(clock, wake), clock, triaged("conv-a", sent_at=clock.current)
    )

    assert await outbound(pool) == []
    assert await pool.fetchval("SELECT count(*) FROM desk.outbox") == 0
    assert await pool.fetchval("SELECT count(*) FROM desk.automatic_replies") == 0
    assert wake.calls == 0


@pytest.mark.parametrize(
    ("sent_at", "expected_opening"),
    [
        (jst(2026, 2, 21, 11, 0), "2月24日（火）18時"),  # Saturday, and Monday 23 Feb is a holiday
        (jst(2026, 11, 23, 19, 0), "11月24日（火）18時"),  # 勤労感謝の日, a Monday
        (jst(2023, 2, 23, 19, 0), "2月24日（金）18時"),  # 天皇誕生日, a Thursday
    ],
)
async def test_weekend_and_holiday_get_reply(
    pool: asyncpg.Pool, sent_at: datetime, expected_opening: str
) -> None:
    clock = FixedClock(sent_at)
    await receive(pool, make_responder(clock), clock, triaged("conv-a", sent_at=sent_at))

    [reply] = await outbound(pool)
    assert reply["text"] == AFTER_HOURS_PREFIX + f"次は{expected_opening}からお返事します。"


async def test_one_reply_per_closed_period(pool: asyncpg.Pool) -> None:
    """Saturday and Sunday share one closed period, and Tuesday night starts the next."""
    clock = FixedClock(jst(2026, 2, 21, 11, 0))
    responder = make_responder(clock)
    for sent_at in (jst(2026, 2, 21, 11, 0), jst(2026, 2, 22, 15, 0), jst(2026, 2, 24, 17, 30)):
        await receive(pool, responder, clock, triaged("conv-a", sent_at=sent_at))
    assert len(await outbound(pool)) == 1

    await receive(pool, responder, clock, triaged("conv-a", sent_at=jst(2026, 2, 24, 21, 30)))

    replies = await outbound(pool)
    assert len(replies) == 2
    assert "次は2月25日（水）18時" in replies[1]["text"]
    periods = await pool.fetch(
        "SELECT closed_period_start, closed_period_end FROM desk.automatic_replies"
        " ORDER BY closed_period_start"
    )
    assert [(row["closed_period_start"], row["closed_period_end"]) for row in periods] == [
        (jst(2026, 2, 20, 21, 0), jst(2026, 2, 24, 18, 0)),
        (jst(2026, 2, 24, 21, 0), jst(2026, 2, 25, 18, 0)),
    ]


async def test_each_conversation_gets_own_reply(pool: asyncpg.Pool) -> None:
    clock = FixedClock(jst(2026, 2, 21, 11, 0))
    responder = make_responder(clock)
    await receive(pool, responder, clock, triaged("conv-a", sent_at=clock.current))
    await receive(pool, responder, clock, triaged("conv-b", sent_at=clock.current))

    assert sorted(row["conversation_id"] for row in await outbound(pool)) == ["conv-a", "conv-b"]


async def test_sticker_gets_reply(pool: asyncpg.Pool) -> None:
    clock = FixedClock(jst(2026, 2, 21, 11, 0))
    event = triaged("conv-a", sent_at=clock.current, kind=MessageKind.STICKER)
    await receive(pool, make_responder(clock), clock, event)

    assert len(await outbound(pool)) == 1


@pytest.mark.parametrize(
    ("kind", "mode", "source_type"),
    [
        (MessageKind.FOLLOW, "active", SourceType.USER),
        (MessageKind.TEXT, "active", SourceType.GROUP),
        (MessageKind.TEXT, "active", SourceType.ROOM),
        (MessageKind.TEXT, "standby", SourceType.USER),
    ],
)
async def test_no_reply_without_one_to_one_case(
    pool: asyncpg.Pool, kind: MessageKind, mode: str, source_type: SourceType
) -> None:
    """Follow events, groups, rooms and standby mode get no automatic reply."""
    clock = FixedClock(jst(2026, 2, 21, 11, 0))
    event = triaged("conv-a", sent_at=clock.current, kind=kind, mode=mode, source_type=source_type)
    await receive(pool, make_responder(clock), clock, event)

    assert await outbound(pool) == []
    assert await pool.fetchval("SELECT count(*) FROM desk.outbox") == 0


async def test_standby_joining_case_gets_no_reply(pool: asyncpg.Pool) -> None:
    """A standby message joins the open case but gets no automatic reply of its own."""
    clock = FixedClock(jst(2026, 2, 16, 19, 0))
    responder = make_responder(clock)
    await receive(pool, responder, clock, triaged("conv-a", sent_at=clock.current))
    standby = triaged("conv-a", sent_at=jst(2026, 2, 16, 22, 0), mode="standby")
    await receive(pool, responder, clock, standby)

    assert await outbound(pool) == []


async def test_closed_case_gets_no_reply(pool: asyncpg.Pool) -> None:
    """A case closed between storing the message and the hook gets no reply."""
    clock = FixedClock(jst(2026, 2, 21, 11, 0))
    event = triaged("conv-a", sent_at=clock.current)
    stored = await store.record_triaged_message(pool, event=event)
    await pool.execute(
        "UPDATE desk.cases SET state = 'closed', closed_at = $2 WHERE case_id = $1",
        stored.case_id,
        clock.current,
    )

    result = await make_responder(clock).handle_stored_message(pool, event=event)

    assert result is not None
    assert result.outcome is ReplyOutcome.CASE_CLOSED
    assert await outbound(pool) == []


async def test_channel_hours_and_text(pool: asyncpg.Pool) -> None:
    """The parents channel is open on Saturday morning and uses its own text."""
    environ = {
        "DESK_HOURS_PARENTS": "mon-fri 10:00-16:00; sat 10:00-12:00",
        "DESK_AFTER_HOURS_TEXT_PARENTS": "受付時間は{hours}です。次は{next_opening}です。",
    }
    clock = FixedClock(jst(2026, 2, 21, 11, 0))
    responder = make_responder(clock, environ=environ)
    await receive(pool, responder, clock, triaged("p-1", sent_at=clock.current, channel="parents"))
    assert await outbound(pool) == []

    later = triaged("p-1", sent_at=jst(2026, 2, 21, 13, 0), channel="parents")
    await receive(pool, responder, clock, later)

    [reply] = await outbound(pool)
    assert reply["text"] == (
        "受付時間は平日10時から16時、土曜10時から12時です。次は2月24日（火）10時です。"
    )


# --- idempotency ----------------------------------------------------------------------


async def test_redelivered_event_one_reply(pool: asyncpg.Pool) -> None:
    clock = FixedClock(jst(2026, 2, 21, 11, 0))
    responder = make_responder(clock)
    event = triaged("conv-a", sent_at=clock.current)
    await receive(pool, responder, clock, event)
    await receive(pool, responder, clock, event)

    assert len(await outbound(pool)) == 1
    assert await pool.fetchval("SELECT count(*) FROM desk.outbox") == 1


async def test_redelivery_after_crash_sends_reply(pool: asyncpg.Pool) -> None:
    """If the process stopped after storing the message, the redelivery queues the reply."""
    clock = FixedClock(jst(2026, 2, 21, 11, 0))
    event = triaged("conv-a", sent_at=clock.current)
    await store.record_triaged_message(pool, event=event)

    await receive(pool, make_responder(clock), clock, event)

    assert len(await outbound(pool)) == 1


async def test_concurrent_same_event_one_reply(pool: asyncpg.Pool) -> None:
    """The same inbound event handled twice at once queues one automatic reply."""
    clock = FixedClock(jst(2026, 2, 21, 11, 0))
    responder = make_responder(clock)
    event = triaged("conv-a", sent_at=clock.current)
    await asyncio.gather(
        handle_message_triaged(pool, event, after_hours=responder),
        handle_message_triaged(pool, event, after_hours=responder),
    )

    assert len(await outbound(pool)) == 1
    assert await pool.fetchval("SELECT count(*) FROM desk.outbox") == 1
    assert await pool.fetchval("SELECT count(*) FROM desk.automatic_replies") == 1


async def test_concurrent_messages_one_reply(pool: asyncpg.Pool) -> None:
    """Four messages of one conversation handled at once in one closed period get one reply."""
    clock = FixedClock(jst(2026, 2, 21, 11, 0))
    responder = make_responder(clock)
    events = [triaged("conv-a", sent_at=clock.current + timedelta(seconds=i)) for i in range(4)]
    await asyncio.gather(
        *(handle_message_triaged(pool, event, after_hours=responder) for event in events)
    )

    assert len(await outbound(pool)) == 1
    assert await pool.fetchval("SELECT count(*) FROM desk.outbox") == 1


# --- urgent messages ------------------------------------------------------------------


async def test_urgent_after_hours_crisis_and_alert(pool: asyncpg.Pool) -> None:
    """An urgent message at night gets the crisis reply and an alert at once."""
    wake = WakeCounter()
    clock = FixedClock(jst(2026, 2, 16, 22, 0))
    event = triaged("conv-a", sent_at=clock.current, urgent=True)
    await receive(pool, make_responder(clock, wake), clock, event)

    [reply] = await outbound(pool)
    assert "いのちの電話 0570-783-556" in reply["text"]
    assert "よりそいホットライン 0120-279-338" in reply["text"]
    assert "2月17日（火）18時" in reply["text"]
    assert reply["requested_by"] == "system"
    [alert_row] = await outbox(pool, ALERT_RAISED)
    alert = AlertRaised.model_validate_json(alert_row["payload"])
    case_id = await pool.fetchval("SELECT case_id FROM desk.cases")
    assert alert.kind is AlertKind.URGENT_AFTER_HOURS
    assert alert.case_id == case_id
    assert alert.conversation_id == "conv-a"
    assert alert.channel == "consultation"
    assert alert.raised_at == clock.current
    assert alert.alert_id == alert.event_id
    assert alert.correlation_id == event.correlation_id
    assert SECRET_TEXT not in alert_row["payload"]
    assert "Uconv-a" not in alert_row["payload"]
    stored_alert = await pool.fetchrow("SELECT * FROM desk.alerts")
    assert stored_alert["alert_id"] == alert.alert_id
    assert stored_alert["period_start"] == jst(2026, 2, 16, 21, 0)
    assert wake.calls == 1


async def test_crisis_reply_after_after_hours_reply(pool: asyncpg.Pool) -> None:
    """An urgent message gets the crisis reply even after the period's after-hours reply."""
    clock = FixedClock(jst(2026, 2, 16, 22, 0))
    responder = make_responder(clock)
    await receive(pool, responder, clock, triaged("conv-a", sent_at=jst(2026, 2, 16, 22, 0)))
    urgent = triaged("conv-a", sent_at=jst(2026, 2, 16, 22, 10), urgent=True)
    await receive(pool, responder, clock, urgent)
    # Neither reply is repeated in the same closed period.
    again = triaged("conv-a", sent_at=jst(2026, 2, 16, 23, 0), urgent=True)
    await receive(pool, responder, clock, again)
    await receive(pool, responder, clock, triaged("conv-a", sent_at=jst(2026, 2, 17, 1, 0)))

    replies = await outbound(pool)
    assert len(replies) == 2
    assert replies[0]["text"].startswith(AFTER_HOURS_PREFIX)
    assert "0570-783-556" in replies[1]["text"]
    assert len(await outbox(pool, ALERT_RAISED)) == 1


async def test_crisis_reply_counts_as_after_hours(pool: asyncpg.Pool) -> None:
    """After a crisis reply, a calm message in the same closed period gets no second reply."""
    clock = FixedClock(jst(2026, 2, 16, 22, 0))
    responder = make_responder(clock)
    await receive(pool, responder, clock, triaged("conv-a", sent_at=clock.current, urgent=True))
    await receive(pool, responder, clock, triaged("conv-a", sent_at=jst(2026, 2, 16, 23, 0)))

    assert len(await outbound(pool)) == 1
    kinds = await pool.fetch("SELECT kind, reply_id FROM desk.automatic_replies ORDER BY kind")
    assert [row["kind"] for row in kinds] == ["after_hours", "crisis"]
    assert kinds[0]["reply_id"] == kinds[1]["reply_id"]


async def test_urgent_during_hours_no_crisis_reply(pool: asyncpg.Pool) -> None:
    clock = FixedClock(jst(2026, 2, 16, 19, 0))
    await receive(
        pool, make_responder(clock), clock, triaged("conv-a", sent_at=clock.current, urgent=True)
    )

    assert await outbound(pool) == []
    assert await pool.fetchval("SELECT count(*) FROM desk.alerts") == 0


async def test_concurrent_urgent_event_one_alert(pool: asyncpg.Pool) -> None:
    clock = FixedClock(jst(2026, 2, 16, 22, 0))
    responder = make_responder(clock)
    event = triaged("conv-a", sent_at=clock.current, urgent=True)
    await asyncio.gather(
        *(handle_message_triaged(pool, event, after_hours=responder) for _ in "ab")
    )

    assert len(await outbound(pool)) == 1
    assert len(await outbox(pool, ALERT_RAISED)) == 1


# --- outbox and logs ------------------------------------------------------------------


async def test_outbox_rows_publish_as_their_models(pool: asyncpg.Pool) -> None:
    """The relay publishes both topics, and each row validates as its OUTBOX_MODELS model."""
    clock = FixedClock(jst(2026, 2, 16, 22, 0))
    await receive(
        pool, make_responder(clock), clock, triaged("conv-a", sent_at=clock.current, urgent=True)
    )
    published = []

    async def publish(topic: str, key: str, payload: str) -> None:
        published.append((topic, type(OUTBOX_MODELS[topic].model_validate_json(payload))))

    assert await publish_outbox_batch(pool, publish=publish) == 2
    assert published == [(REPLY_REQUESTED, ReplyRequested), (ALERT_RAISED, AlertRaised)]


async def test_logs_contain_no_text_or_line_id(pool: asyncpg.Pool) -> None:
    clock = FixedClock(jst(2026, 2, 16, 22, 0))
    responder = make_responder(clock)
    event = triaged("conv-a", sent_at=clock.current, urgent=True)
    with capture_logs(processors=[structlog.contextvars.merge_contextvars]) as logs:
        await receive(pool, responder, clock, event)
        await receive(pool, responder, clock, event)

    assert [entry["event"] for entry in logs] == [
        "inbound_message_stored",
        "automatic_reply_queued",
        "alert_raised",
        "inbound_message_duplicate",
        "automatic_reply_skipped",
    ]
    for entry in logs:
        assert SECRET_TEXT not in repr(entry)
        assert "Uconv-a" not in repr(entry)
        assert "0570" not in repr(entry)
        assert entry["conversation_id"] == "conv-a"
    assert logs[1]["reply_kind"] == "crisis"
    assert logs[2]["alert_kind"] == "urgent_after_hours"
    assert logs[4]["reason"] == "already_sent"
