"""The urgent_unclaimed alert and its loop, against a real PostgreSQL, with a controlled clock."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from uuid import UUID, uuid4

import asyncpg
import pytest
from prometheus_client import REGISTRY
from structlog.testing import capture_logs

from services.desk import cases, store
from services.desk.accounts import Principal
from services.desk.consumer import handle_message_triaged
from services.desk.domain import Role
from services.desk.hours import (
    ALERT_RAISED,
    AfterHoursResponder,
    AlertKind,
    AlertRaised,
    check_unclaimed_urgent,
    run_alert_loop,
)
from services.desk.hours.calendar import TOKYO
from services.desk.hours.settings import load_hours_settings
from shared.db import apply_migrations, create_pool
from shared.schemas import ChatSource, MessageKind, MessageReceived, MessageTriaged, SourceType

# The desk's migrations, found without importing services.desk.app and its web stack.
MIGRATIONS_DIRECTORY = Path(store.__file__).parent / "migrations"
SETTINGS = load_hours_settings({})


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(database_url, max_size=4)
    await apply_migrations(pool, schema=store.SCHEMA, directory=MIGRATIONS_DIRECTORY)
    yield pool
    await pool.close()


def jst(month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=TOKYO)


def triaged(conversation_id: str, *, sent_at: datetime, urgent: bool) -> MessageTriaged:
    message = MessageReceived(
        correlation_id=f"corr-{uuid4().hex[:8]}",
        channel="consultation",
        conversation_id=conversation_id,
        webhook_event_id=f"wh-{uuid4().hex}",
        kind=MessageKind.TEXT,
        source=ChatSource(type=SourceType.USER, user_id=f"U{conversation_id}"),
        sent_at=sent_at,
        text="助けてください",
    )
    return MessageTriaged(
        correlation_id=message.correlation_id,
        message=message,
        urgent=urgent,
        classifier_version="test",
    )


async def receive(
    pool: asyncpg.Pool, conversation_id: str, *, sent_at: datetime, urgent: bool = True
) -> UUID:
    """Store one message and return its case id."""
    result = await store.record_triaged_message(
        pool, event=triaged(conversation_id, sent_at=sent_at, urgent=urgent)
    )
    return result.case_id


async def check(pool: asyncpg.Pool, now: datetime) -> list[AlertRaised]:
    return await check_unclaimed_urgent(pool, now=now, settings=SETTINGS)


async def claim(pool: asyncpg.Pool, case_id: UUID, *, at: datetime) -> None:
    """Make a counselor account the claimant of the case, as a claim would."""
    account_id = await pool.fetchval(
        "INSERT INTO desk.accounts (login, display_name, role, password_hash)"
        " VALUES ($1, '相談員', 'counselor', 'not-a-real-hash') RETURNING account_id",
        f"counselor-{uuid4().hex[:8]}",
    )
    await pool.execute(
        "UPDATE desk.cases SET state = 'claimed', claimed_by = $2, claimed_at = $3"
        " WHERE case_id = $1",
        case_id,
        account_id,
        at,
    )


async def release(pool: asyncpg.Pool, case_id: UUID, *, at: datetime) -> None:
    """Give the case back to the queue and record the move, as a release would."""
    await pool.execute(
        "UPDATE desk.cases SET state = 'open', claimed_by = NULL, claimed_at = NULL"
        " WHERE case_id = $1",
        case_id,
    )
    await pool.execute(
        "INSERT INTO desk.case_events (case_id, kind, actor, from_state, to_state, occurred_at)"
        " VALUES ($1, 'released', 'counselor', 'claimed', 'open', $2)",
        case_id,
        at,
    )


async def alert_rows(pool: asyncpg.Pool) -> list[AlertRaised]:
    rows = await pool.fetch(
        "SELECT payload FROM desk.outbox WHERE topic = $1 ORDER BY outbox_id", ALERT_RAISED
    )
    return [AlertRaised.model_validate_json(row["payload"]) for row in rows]


def sample(name: str) -> float:
    return REGISTRY.get_sample_value(name) or 0.0


async def test_unclaimed_five_minutes_one_alert(pool: asyncpg.Pool) -> None:
    """An urgent case unclaimed from 18:10 raises exactly one alert, at 18:15."""
    case_id = await receive(pool, "conv-a", sent_at=jst(2, 16, 18, 10))
    alerts_before = sample("desk_urgent_unclaimed_alerts_total")

    assert await check(pool, jst(2, 16, 18, 14, 59)) == []
    [alert] = await check(pool, jst(2, 16, 18, 15))
    assert await check(pool, jst(2, 16, 18, 16)) == []
    assert await check(pool, jst(2, 16, 20, 59)) == []
    assert await check(pool, jst(2, 16, 21, 30)) == []

    assert alert.kind is AlertKind.URGENT_UNCLAIMED
    assert alert.case_id == case_id
    assert alert.conversation_id == "conv-a"
    assert alert.channel == "consultation"
    assert alert.raised_at == jst(2, 16, 18, 15)
    assert await alert_rows(pool) == [alert]
    assert sample("desk_urgent_unclaimed_alerts_total") == alerts_before + 1
    assert sample("desk_urgent_unclaimed_cases") == 1
    stored = await pool.fetchrow("SELECT kind, period_start FROM desk.alerts")
    assert stored["kind"] == "urgent_unclaimed"
    assert stored["period_start"] == jst(2, 16, 18, 0)
    payload = await pool.fetchval("SELECT payload FROM desk.outbox WHERE topic = $1", ALERT_RAISED)
    assert "助けてください" not in payload
    assert "Uconv-a" not in payload


async def test_claimed_case_raises_no_alert(pool: asyncpg.Pool) -> None:
    case_id = await receive(pool, "conv-a", sent_at=jst(2, 16, 18, 10))
    await claim(pool, case_id, at=jst(2, 16, 18, 12))

    assert await check(pool, jst(2, 16, 18, 30)) == []
    assert sample("desk_urgent_unclaimed_cases") == 0


async def test_normal_case_raises_no_alert(pool: asyncpg.Pool) -> None:
    await receive(pool, "conv-a", sent_at=jst(2, 16, 18, 10), urgent=False)

    assert await check(pool, jst(2, 16, 20, 0)) == []


async def test_case_marked_urgent_later(pool: asyncpg.Pool) -> None:
    """The window starts when a calm case became urgent, not when it opened."""
    await receive(pool, "conv-a", sent_at=jst(2, 16, 18, 0), urgent=False)
    await receive(pool, "conv-a", sent_at=jst(2, 16, 18, 20))

    assert await check(pool, jst(2, 16, 18, 24, 59)) == []
    assert len(await check(pool, jst(2, 16, 18, 25))) == 1


async def test_released_case_restarts_window(pool: asyncpg.Pool) -> None:
    """A case given back to the queue at 19:00 is due at 19:05, once per open period."""
    case_id = await receive(pool, "conv-a", sent_at=jst(2, 16, 18, 0))
    await claim(pool, case_id, at=jst(2, 16, 18, 2))
    await release(pool, case_id, at=jst(2, 16, 19, 0))

    assert await check(pool, jst(2, 16, 19, 4, 59)) == []
    assert len(await check(pool, jst(2, 16, 19, 5))) == 1


async def test_urgent_again_after_clear_restarts_window(pool: asyncpg.Pool) -> None:
    """A case cleared after 18:10 and urgent again at 18:40 is due at 18:45, not at once."""
    case_id = await receive(pool, "conv-a", sent_at=jst(2, 16, 18, 0), urgent=False)
    await receive(pool, "conv-a", sent_at=jst(2, 16, 18, 10))
    supervisor_id = await pool.fetchval(
        "INSERT INTO desk.accounts (login, display_name, role, password_hash)"
        " VALUES ($1, '統括', 'supervisor', 'not-a-real-hash') RETURNING account_id",
        f"supervisor-{uuid4().hex[:8]}",
    )
    await cases.clear_urgent(
        pool,
        case_id=case_id,
        reason="本人に確認した",
        principal=Principal(account_id=supervisor_id, role=Role.SUPERVISOR, name="統括"),
        request_id="req-clear",
    )
    cleared = await check(pool, jst(2, 16, 18, 30))
    await receive(pool, "conv-a", sent_at=jst(2, 16, 18, 40))

    assert cleared == []
    assert await check(pool, jst(2, 16, 18, 44, 59)) == []
    [alert] = await check(pool, jst(2, 16, 18, 45))
    assert alert.case_id == case_id


async def test_night_case_alerted_after_opening(pool: asyncpg.Pool) -> None:
    """A night message raises urgent_after_hours, then urgent_unclaimed in each open period.

    The urgent_unclaimed alert comes five minutes after each opening while nobody claims it.
    """
    clock_value = jst(2, 16, 23, 0)
    responder = AfterHoursResponder(settings=SETTINGS, now=lambda: clock_value)
    await handle_message_triaged(
        pool, triaged("conv-a", sent_at=clock_value, urgent=True), after_hours=responder
    )

    assert await check(pool, jst(2, 17, 3, 0)) == []
    assert await check(pool, jst(2, 17, 18, 4, 59)) == []
    assert len(await check(pool, jst(2, 17, 18, 5))) == 1
    assert len(await check(pool, jst(2, 18, 18, 5))) == 1

    kinds = [alert.kind for alert in await alert_rows(pool)]
    assert kinds == [
        AlertKind.URGENT_AFTER_HOURS,
        AlertKind.URGENT_UNCLAIMED,
        AlertKind.URGENT_UNCLAIMED,
    ]


async def test_closing_cuts_window(pool: asyncpg.Pool) -> None:
    """An urgent case at 20:58 raises its alert at the 21:00 closing."""
    await receive(pool, "conv-a", sent_at=jst(2, 16, 20, 58))

    assert await check(pool, jst(2, 16, 20, 59, 59)) == []
    assert len(await check(pool, jst(2, 16, 21, 0))) == 1
    assert await check(pool, jst(2, 16, 23, 0)) == []


async def test_other_states_count_as_unclaimed(pool: asyncpg.Pool) -> None:
    """A state the desk does not know yet, such as 'new', counts as unclaimed."""
    case_id = await receive(pool, "conv-a", sent_at=jst(2, 16, 18, 0))
    await pool.execute("ALTER TABLE desk.cases DROP CONSTRAINT cases_state_check")
    await pool.execute("UPDATE desk.cases SET state = 'new' WHERE case_id = $1", case_id)

    assert len(await check(pool, jst(2, 16, 18, 5))) == 1


async def test_concurrent_checks_one_alert(pool: asyncpg.Pool) -> None:
    await receive(pool, "conv-a", sent_at=jst(2, 16, 18, 0))
    await receive(pool, "conv-b", sent_at=jst(2, 16, 18, 1))
    now = jst(2, 16, 18, 10)

    results = await asyncio.gather(*(check(pool, now) for _ in range(3)))

    assert sum(len(result) for result in results) == 2
    assert sorted(alert.conversation_id for alert in await alert_rows(pool)) == [
        "conv-a",
        "conv-b",
    ]


async def test_alert_loop_raises_and_wakes(pool: asyncpg.Pool) -> None:
    """The loop raises the due alert once and wakes the outbox relay."""
    await receive(pool, "conv-a", sent_at=jst(2, 16, 18, 0))
    woken = asyncio.Event()
    task = asyncio.create_task(
        run_alert_loop(
            pool,
            settings=SETTINGS,
            wake=woken.set,
            now=lambda: jst(2, 16, 18, 10),
            interval_seconds=0.01,
        )
    )
    try:
        await asyncio.wait_for(woken.wait(), timeout=10)
        # Further runs of the loop find the alert and raise no second one.
        await asyncio.sleep(0.2)
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task

    assert len(await alert_rows(pool)) == 1


class FlakyPool:
    """Stands in for a pool whose first `failures` queries fail, as during an outage.

    `recovered` is set after three successful queries.
    """

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0
        self.recovered = asyncio.Event()

    async def fetch(self, *_args: object) -> list:
        self.calls += 1
        if self.calls <= self.failures:
            raise ConnectionRefusedError("connection refused")
        if self.calls >= self.failures + 3:
            self.recovered.set()
        return []


async def test_alert_loop_survives_outage() -> None:
    """Failures are logged once per outage and the loop keeps checking."""
    flaky = FlakyPool(failures=3)
    failures_before = sample("desk_urgent_alert_check_failures_total")
    with capture_logs() as logs:
        task = asyncio.create_task(
            run_alert_loop(
                flaky,
                settings=SETTINGS,
                wake=lambda: None,
                now=lambda: jst(2, 16, 18, 0),
                interval_seconds=0.01,
            )
        )
        try:
            await asyncio.wait_for(flaky.recovered.wait(), timeout=10)
        finally:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task

    events = [entry["event"] for entry in logs]
    assert events.count("urgent_alert_check_failed_will_retry") == 1
    assert events.count("urgent_alert_check_recovered") == 1
    assert sample("desk_urgent_alert_check_failures_total") == failures_before + 3
