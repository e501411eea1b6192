"""Crisis replies and alerts per urgent episode in one closed period, on a real PostgreSQL."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID, uuid4

import asyncpg
import pytest

from services.desk import cases
from services.desk.accounts import Principal
from services.desk.consumer import handle_message_triaged
from services.desk.domain import Role
from services.desk.hours import ALERT_RAISED, AfterHoursResponder, AlertKind, AlertRaised
from shared.schemas import MessageTriaged
from tests.integration.test_desk_helpers import close_case, make_account, migrated_pool
from tests.integration.test_desk_hours_replies import (
    FixedClock,
    jst,
    make_responder,
    outbound,
    outbox,
    receive,
    triaged,
)

# Saturday 21 February 2026: the desk is closed from Friday 21:00 to Tuesday 18:00, because
# Monday 23 February is a public holiday.
SATURDAY = jst(2026, 2, 21, 11, 0)
CLOSED_PERIOD_START = jst(2026, 2, 20, 21, 0)
CRISIS_NUMBER = "0570-783-556"


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    async with migrated_pool(database_url) as pool:
        yield pool


async def only_case_id(pool: asyncpg.Pool) -> UUID:
    [case_id] = [row["case_id"] for row in await pool.fetch("SELECT case_id FROM desk.cases")]
    return case_id


async def crisis_replies(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    return [row for row in await outbound(pool) if CRISIS_NUMBER in row["text"]]


async def after_hours_alerts(pool: asyncpg.Pool) -> list[AlertRaised]:
    alerts = [
        AlertRaised.model_validate_json(row["payload"]) for row in await outbox(pool, ALERT_RAISED)
    ]
    return [alert for alert in alerts if alert.kind is AlertKind.URGENT_AFTER_HOURS]


async def claim_and_reply(pool: asyncpg.Pool, case_id: UUID, counselor: Principal) -> None:
    await cases.claim_case(pool, case_id=case_id, principal=counselor, request_id=None)
    await cases.reply_to_case(
        pool, case_id=case_id, text="お話を聞かせてください。", principal=counselor, request_id=None
    )


async def clear(pool: asyncpg.Pool, case_id: UUID, counselor: Principal) -> None:
    await cases.clear_urgent(
        pool,
        case_id=case_id,
        reason="本人と話して、今は安全だと確認した",
        principal=counselor,
        request_id=None,
    )


async def redeliver(
    pool: asyncpg.Pool, responder: AfterHoursResponder, event: MessageTriaged
) -> None:
    """Handle `event` again, as Kafka does after a crash, and as LINE does with a new event id."""
    await handle_message_triaged(pool, event, after_hours=responder)
    copy = event.model_copy(update={"event_id": uuid4()})
    await handle_message_triaged(pool, copy, after_hours=responder)


@dataclass(frozen=True)
class AnsweredCase:
    """A Saturday case that an urgent message opened and a counselor claimed and replied to."""

    clock: FixedClock
    responder: AfterHoursResponder
    counselor: Principal
    first: MessageTriaged
    case_id: UUID


async def answered_urgent_case(pool: asyncpg.Pool, *before_claim: MessageTriaged) -> AnsweredCase:
    """Open a case with an urgent message (and before_claim), then claim it and reply."""
    clock = FixedClock(SATURDAY)
    responder = make_responder(clock)
    counselor = await make_account(pool, Role.COUNSELOR)
    first = triaged("conv-a", sent_at=SATURDAY, urgent=True)
    await receive(pool, responder, clock, first)
    for message in before_claim:
        await receive(pool, responder, clock, message)
    case_id = await only_case_id(pool)
    await claim_and_reply(pool, case_id, counselor)
    return AnsweredCase(clock, responder, counselor, first, case_id)


async def test_clear_and_close_start_new_episode(pool: asyncpg.Pool) -> None:
    """After a clear and a close, a new urgent message gets its own crisis reply and alert."""
    scene = await answered_urgent_case(pool, triaged("conv-a", sent_at=SATURDAY, urgent=True))
    case_id = scene.case_id
    await clear(pool, case_id, scene.counselor)
    await close_case(pool, case_id, scene.counselor, SATURDAY + timedelta(minutes=30))

    again = triaged("conv-a", sent_at=SATURDAY + timedelta(hours=2), urgent=True)
    await receive(pool, scene.responder, scene.clock, again)

    case = await pool.fetchrow("SELECT state, priority FROM desk.cases WHERE case_id = $1", case_id)
    assert case["state"] == "open"
    assert case["priority"] == "urgent"
    replies = await crisis_replies(pool)
    assert len(replies) == 2
    assert replies[1]["sent_at"] == again.message.sent_at
    alerts = await after_hours_alerts(pool)
    assert len(alerts) == 2
    assert [alert.case_id for alert in alerts] == [case_id, case_id]
    assert alerts[1].correlation_id == again.correlation_id
    periods = await pool.fetch(
        "SELECT period_start FROM desk.alerts WHERE kind = 'urgent_after_hours'"
    )
    assert [row["period_start"] for row in periods] == [CLOSED_PERIOD_START] * 2


async def test_new_episode_redelivery_sends_nothing(pool: asyncpg.Pool) -> None:
    """Redelivering the message that started a new episode sends no second reply or alert."""
    scene = await answered_urgent_case(pool)
    await clear(pool, scene.case_id, scene.counselor)
    await close_case(pool, scene.case_id, scene.counselor, SATURDAY + timedelta(minutes=30))
    again = triaged("conv-a", sent_at=SATURDAY + timedelta(hours=2), urgent=True)
    await receive(pool, scene.responder, scene.clock, again)

    scene.clock.current = SATURDAY + timedelta(hours=3)
    await redeliver(pool, scene.responder, again)
    await redeliver(pool, scene.responder, scene.first)

    assert len(await crisis_replies(pool)) == 2
    assert len(await after_hours_alerts(pool)) == 2
    # Two crisis replies, two alerts and the counselor's reply.
    assert await pool.fetchval("SELECT count(*) FROM desk.outbox") == 5


async def test_episode_gets_one_crisis_reply(pool: asyncpg.Pool) -> None:
    """Further urgent messages of the new episode get no further crisis reply or alert."""
    scene = await answered_urgent_case(pool)
    await clear(pool, scene.case_id, scene.counselor)

    for minutes in (60, 61, 90):
        sent_at = SATURDAY + timedelta(minutes=minutes)
        urgent = triaged("conv-a", sent_at=sent_at, urgent=True)
        await receive(pool, scene.responder, scene.clock, urgent)
    calm = triaged("conv-a", sent_at=SATURDAY + timedelta(hours=2))
    await receive(pool, scene.responder, scene.clock, calm)

    assert len(await crisis_replies(pool)) == 2
    assert len(await after_hours_alerts(pool)) == 2


async def test_clear_alone_starts_new_episode(pool: asyncpg.Pool) -> None:
    """A clear without a close starts a new episode on the next urgent message."""
    scene = await answered_urgent_case(pool)
    case_id = scene.case_id
    await clear(pool, case_id, scene.counselor)
    calm = triaged("conv-a", sent_at=SATURDAY + timedelta(minutes=40))
    await receive(pool, scene.responder, scene.clock, calm)
    assert len(await outbound(pool)) == 2  # the crisis reply and the counselor's

    again = triaged("conv-a", sent_at=SATURDAY + timedelta(hours=1), urgent=True)
    await receive(pool, scene.responder, scene.clock, again)

    assert len(await crisis_replies(pool)) == 2
    assert len(await after_hours_alerts(pool)) == 2
    state = await pool.fetchval("SELECT state FROM desk.cases WHERE case_id = $1", case_id)
    assert state == "claimed"


async def test_close_alone_starts_new_episode(pool: asyncpg.Pool) -> None:
    """A close without a clear: an urgent message in the reopened case gets a crisis reply."""
    scene = await answered_urgent_case(pool)
    await close_case(pool, scene.case_id, scene.counselor, SATURDAY + timedelta(minutes=30))
    # The calm message reopens the case, which stays urgent because no counselor cleared it. It
    # gets no reply, because the crisis reply counts as the period's after-hours reply.
    calm = triaged("conv-a", sent_at=SATURDAY + timedelta(hours=1))
    await receive(pool, scene.responder, scene.clock, calm)
    assert len(await outbound(pool)) == 2

    again = triaged("conv-a", sent_at=SATURDAY + timedelta(hours=2), urgent=True)
    await receive(pool, scene.responder, scene.clock, again)

    assert len(await crisis_replies(pool)) == 2
    assert len(await after_hours_alerts(pool)) == 2


async def test_old_message_redelivered_after_clear(pool: asyncpg.Pool) -> None:
    """A message of the cleared episode, redelivered after the clear, gets no crisis reply."""
    second = triaged("conv-a", sent_at=SATURDAY + timedelta(minutes=5), urgent=True)
    scene = await answered_urgent_case(pool, second)
    await clear(pool, scene.case_id, scene.counselor)

    await redeliver(pool, scene.responder, second)

    assert len(await crisis_replies(pool)) == 1
    assert len(await after_hours_alerts(pool)) == 1


async def test_new_case_same_period_crisis_reply(pool: asyncpg.Pool) -> None:
    """A case opened after the reopen window, in the same closed period, is a new episode."""
    scene = await answered_urgent_case(pool)
    await close_case(pool, scene.case_id, scene.counselor, SATURDAY + timedelta(minutes=30))
    # Sunday noon is more than 24 hours after the close, so the message opens a new case.
    sunday = triaged("conv-a", sent_at=jst(2026, 2, 22, 12, 0), urgent=True)
    await receive(pool, scene.responder, scene.clock, sunday)

    assert await pool.fetchval("SELECT count(*) FROM desk.cases") == 2
    assert len(await crisis_replies(pool)) == 2
    assert len(await after_hours_alerts(pool)) == 2


async def test_answered_message_redelivered_after_reopen(pool: asyncpg.Pool) -> None:
    """A message that got the crisis reply gets no second one when a new episode began."""
    scene = await answered_urgent_case(pool)
    await close_case(pool, scene.case_id, scene.counselor, SATURDAY + timedelta(minutes=30))
    # The calm message reopens the case and so starts a new episode without a crisis reply.
    calm = triaged("conv-a", sent_at=SATURDAY + timedelta(hours=1))
    await receive(pool, scene.responder, scene.clock, calm)

    await redeliver(pool, scene.responder, scene.first)

    assert len(await crisis_replies(pool)) == 1
    assert len(await after_hours_alerts(pool)) == 1
