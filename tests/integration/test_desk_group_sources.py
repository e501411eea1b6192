"""Events from LINE groups and rooms leave no row in the desk, on a real PostgreSQL."""

import shutil
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from uuid import uuid4

import asyncpg
import pytest
import structlog
from structlog.testing import capture_logs

from services.desk import store
from services.desk.consumer import INBOUND_NOT_STORED, handle_message_triaged
from services.desk.domain import InboundAction
from shared.db import apply_migrations, create_pool
from shared.schemas import MessageKind, SourceType
from tests.integration.test_desk_helpers import MIGRATIONS_DIRECTORY, T0, migrated_pool, triaged
from tests.integration.test_desk_hours_replies import FixedClock, jst, make_responder

GROUP_TEXT = "グループでの雑談です"
DESK_TABLES = ("conversations", "messages", "cases", "case_events", "outbox", "alerts")


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    async with migrated_pool(database_url) as pool:
        yield pool


async def row_counts(pool: asyncpg.Pool) -> dict[str, int]:
    return {
        table: await pool.fetchval(f"SELECT count(*) FROM desk.{table}") for table in DESK_TABLES
    }


@pytest.mark.parametrize("source_type", [SourceType.GROUP, SourceType.ROOM])
@pytest.mark.parametrize("kind", [MessageKind.TEXT, MessageKind.FOLLOW])
async def test_group_event_leaves_no_row(
    pool: asyncpg.Pool, source_type: SourceType, kind: MessageKind
) -> None:
    """A group or room event, urgent and at night, stores nothing and queues no reply."""
    clock = FixedClock(jst(2026, 2, 21, 11, 0))
    event = triaged(
        "conv-g",
        sent_at=clock.current,
        kind=kind,
        text=GROUP_TEXT,
        urgent=True,
        reasons=("[希死念慮・自傷] 「消えたい」: 消えたいという願望",),
        source_type=source_type,
    )

    result = await store.record_triaged_message(pool, event=event)
    await handle_message_triaged(pool, event, after_hours=make_responder(clock))

    assert result.action is InboundAction.NOT_STORED
    assert not result.duplicate
    assert await row_counts(pool) == dict.fromkeys(DESK_TABLES, 0)
    assert await pool.fetchval("SELECT count(*) FROM desk.automatic_replies") == 0


async def test_group_event_logged_without_ids(pool: asyncpg.Pool) -> None:
    """The log line names the source type and no text, and the counter counts the event."""
    event = triaged("conv-g", text=GROUP_TEXT, source_type=SourceType.GROUP)
    counter = INBOUND_NOT_STORED.labels(source_type="group")
    before = counter._value.get()

    with capture_logs(processors=[structlog.contextvars.merge_contextvars]) as logs:
        await handle_message_triaged(pool, event)
        await handle_message_triaged(pool, event)

    assert [entry["event"] for entry in logs] == ["inbound_event_not_stored"] * 2
    for entry in logs:
        assert entry["source_type"] == "group"
        assert entry["conversation_id"] == "conv-g"
        assert GROUP_TEXT not in repr(entry)
        assert "Cconv-g" not in repr(entry)
        assert "Uconv-g" not in repr(entry)
    assert counter._value.get() == before + 2


async def test_group_event_keeps_user_conversation(pool: asyncpg.Pool) -> None:
    """One person's chat is stored as before, next to a group event that is dropped."""
    await handle_message_triaged(pool, triaged("conv-g", source_type=SourceType.GROUP))
    await handle_message_triaged(pool, triaged("conv-u"))

    conversations = await pool.fetch("SELECT conversation_id, source_type FROM desk.conversations")
    assert [(row["conversation_id"], row["source_type"]) for row in conversations] == [
        ("conv-u", "user")
    ]
    assert await pool.fetchval("SELECT count(*) FROM desk.messages") == 1


# --- migration 012 on rows written by earlier versions ----------------------------------


@pytest.fixture
async def pool_before_012(database_url: str, tmp_path: Path) -> AsyncIterator[asyncpg.Pool]:
    """Yield a pool on a database with the desk migrations before 012 applied."""
    earlier = tmp_path / "migrations"
    earlier.mkdir()
    for path in sorted(MIGRATIONS_DIRECTORY.glob("*.sql")):
        if path.name < "012":
            shutil.copy(path, earlier / path.name)
    pool = await create_pool(database_url, max_size=2)
    try:
        await apply_migrations(pool, schema=store.SCHEMA, directory=earlier)
        yield pool
    finally:
        await pool.close()


async def insert_old_group_rows(pool: asyncpg.Pool) -> None:
    """Write a group conversation and an urgent message as versions before 012 did."""
    message_id = uuid4()
    async with pool.acquire() as connection, connection.transaction():
        await connection.execute(
            "INSERT INTO desk.conversations"
            " (conversation_id, channel, source_type, push_target, priority, urgent_message_id)"
            " VALUES ('conv-g', 'consultation', 'group', 'Cconv-g', 'urgent', $1)",
            message_id,
        )
        await connection.execute(
            "INSERT INTO desk.messages (message_id, conversation_id, direction, kind, text,"
            " sent_at, correlation_id, webhook_event_id, urgent, reasons)"
            " VALUES ($1, 'conv-g', 'in', 'text', $2, $3, 'corr-g', 'wh-g', true, $4)",
            message_id,
            GROUP_TEXT,
            T0,
            ["[希死念慮・自傷] 「消えたい」"],
        )


async def insert_old_crisis(pool: asyncpg.Pool) -> tuple[int, int]:
    """Store an urgent case with a crisis reply and alert as versions before 012 did.

    Return the ids of the case's 'opened' event and of a later 'marked_urgent' event.
    """
    await store.record_triaged_message(pool, event=triaged("conv-u", urgent=True))
    row = await pool.fetchrow("SELECT case_id, message_id FROM desk.messages")
    case_id, message_id = row["case_id"], row["message_id"]
    opened = await pool.fetchrow(
        "SELECT case_event_id, occurred_at FROM desk.case_events WHERE kind = 'opened'"
    )
    queued_at = opened["occurred_at"] + timedelta(seconds=1)
    reply_id = uuid4()
    period_start = T0 - timedelta(hours=1)
    async with pool.acquire() as connection, connection.transaction():
        await connection.execute(
            "INSERT INTO desk.messages (message_id, case_id, conversation_id, direction, kind,"
            " text, sent_at, correlation_id, requested_by, delivery_status)"
            " VALUES ($1, $2, 'conv-u', 'out', 'text', 'crisis', $3, 'corr-u', 'system',"
            " 'queued')",
            reply_id,
            case_id,
            T0,
        )
        for kind in ("after_hours", "crisis"):
            await connection.execute(
                "INSERT INTO desk.automatic_replies (conversation_id, kind, closed_period_start,"
                " closed_period_end, case_id, inbound_message_id, reply_id, queued_at)"
                " VALUES ('conv-u', $1, $2, $3, $4, $5, $6, $7)",
                kind,
                period_start,
                T0 + timedelta(hours=12),
                case_id,
                message_id,
                reply_id,
                queued_at,
            )
        await connection.execute(
            "INSERT INTO desk.alerts"
            " (alert_id, kind, case_id, conversation_id, channel, period_start, raised_at)"
            " VALUES ($1, 'urgent_after_hours', $2, 'conv-u', 'consultation', $3, $4)",
            uuid4(),
            case_id,
            period_start,
            T0,
        )
    # An event after the crisis reply was queued must not become its episode.
    later = await pool.fetchval(
        "INSERT INTO desk.case_events (case_id, kind, actor, occurred_at)"
        " VALUES ($1, 'marked_urgent', 'triage', $2) RETURNING case_event_id",
        case_id,
        queued_at + timedelta(hours=1),
    )
    return opened["case_event_id"], later


async def test_migration_012_deletes_group_rows(pool_before_012: asyncpg.Pool) -> None:
    """Group rows stored by earlier versions are deleted, and a person's rows stay."""
    await insert_old_group_rows(pool_before_012)
    await store.record_triaged_message(pool_before_012, event=triaged("conv-u"))

    await apply_migrations(pool_before_012, schema=store.SCHEMA, directory=MIGRATIONS_DIRECTORY)

    conversations = await pool_before_012.fetch("SELECT conversation_id FROM desk.conversations")
    assert [row["conversation_id"] for row in conversations] == ["conv-u"]
    messages = await pool_before_012.fetch("SELECT conversation_id, text FROM desk.messages")
    assert [(row["conversation_id"], row["text"]) for row in messages] == [("conv-u", "こんにちは")]


async def test_migration_012_backfills_episodes(pool_before_012: asyncpg.Pool) -> None:
    """Old crisis markers and alerts get the episode that was current when they were queued."""
    opened, _later = await insert_old_crisis(pool_before_012)

    await apply_migrations(pool_before_012, schema=store.SCHEMA, directory=MIGRATIONS_DIRECTORY)

    markers = await pool_before_012.fetch(
        "SELECT kind, episode_event_id FROM desk.automatic_replies ORDER BY kind"
    )
    assert [(row["kind"], row["episode_event_id"]) for row in markers] == [
        ("after_hours", None),
        ("crisis", opened),
    ]
    alert_episode = await pool_before_012.fetchval("SELECT episode_event_id FROM desk.alerts")
    assert alert_episode == opened
