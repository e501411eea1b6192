"""Triage's reasons and the message that made a case urgent, on a real PostgreSQL.

Covers what the desk stores from each triaged message, how urgent_message_id follows the
priority of conversations and cases, the backfill of migration 011 and the API's fields.
"""

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import asyncpg
import httpx
import pytest
import structlog
from structlog.testing import capture_logs

from services.desk import cases, domain, store
from services.desk.accounts import Principal
from services.desk.app import MIGRATIONS_DIRECTORY
from services.desk.consumer import handle_message_triaged
from shared.db import apply_migrations, create_pool
from shared.schemas import UNREAD_SCRIPT_REASON_PREFIX, MessageTriaged, Topic
from tests.integration.test_desk_helpers import T0, close_case, triaged

URGENT_REASON = "[希死念慮・自傷] 「消えてしまいたい」: 消えたいという願望（受動的希死念慮）"
WORK_REASON = "[仕事・就労関係] 「仕事」: 仕事・職場の語"
NOTE_REASON = "[緊急ではない] 「死ぬほど」: 強調や誇張の言い回し"
CLEAR_REASON = "本人と話し、危険がないことを確かめた"
MIGRATION_011 = "011_triage_results"


async def receive(
    pool: asyncpg.Pool,
    conversation_id: str = "conv-a",
    *,
    minutes: float = 0,
    urgent: bool = False,
    **changes: object,
) -> tuple[store.InboundResult, UUID]:
    """Store a message sent `minutes` after T0 and return the result and the message id."""
    if urgent:
        changes.setdefault("topics", (Topic.SUICIDE_SELF_HARM,))
        changes.setdefault("reasons", (URGENT_REASON,))
    event = triaged(
        conversation_id, sent_at=T0 + timedelta(minutes=minutes), urgent=urgent, **changes
    )
    result = await store.record_triaged_message(pool, event=event)
    return result, event.event_id


async def urgent_message_ids(pool: asyncpg.Pool, case_id: UUID) -> tuple[UUID | None, ...]:
    """Return urgent_message_id of the case and of its conversation."""
    row = await pool.fetchrow(
        "SELECT c.urgent_message_id AS case_message, v.urgent_message_id AS conversation_message"
        " FROM desk.cases c JOIN desk.conversations v USING (conversation_id)"
        " WHERE c.case_id = $1",
        case_id,
    )
    return row["case_message"], row["conversation_message"]


async def message_row(pool: asyncpg.Pool, message_id: UUID) -> asyncpg.Record:
    return await pool.fetchrow("SELECT * FROM desk.messages WHERE message_id = $1", message_id)


# --- what the desk stores of a triaged message ---------------------------------------------


async def test_reasons_and_version_stored(pool: asyncpg.Pool) -> None:
    reasons = (URGENT_REASON, WORK_REASON, NOTE_REASON)
    _, message_id = await receive(
        pool,
        urgent=True,
        topics=(Topic.SUICIDE_SELF_HARM, Topic.WORK),
        reasons=reasons,
        classifier_version="rules-2025.03+model-7",
    )
    row = await message_row(pool, message_id)

    assert row["reasons"] == list(reasons)
    assert row["classifier_version"] == "rules-2025.03+model-7"
    assert row["topics"] == domain.merge_topics([], [Topic.WORK, Topic.SUICIDE_SELF_HARM])
    assert row["urgent"] is True


async def test_message_without_reasons_stores_empty(pool: asyncpg.Pool) -> None:
    _, message_id = await receive(pool)
    row = await message_row(pool, message_id)

    assert row["reasons"] == []
    assert row["classifier_version"] == "test"


async def test_redelivered_message_stored_once(pool: asyncpg.Pool) -> None:
    event = triaged("conv-a", reasons=(WORK_REASON,), topics=(Topic.WORK,))
    # The same event as the consumer reads it again from Kafka after a rebalance.
    copy = MessageTriaged.model_validate_json(event.model_dump_json())
    await handle_message_triaged(pool, event)
    await handle_message_triaged(pool, copy)
    # Triage classified the same LINE event again, with a newer classifier.
    reclassified = triaged(
        "conv-a",
        webhook_event_id=event.message.webhook_event_id,
        reasons=(NOTE_REASON,),
        classifier_version="newer",
    )
    result = await store.record_triaged_message(pool, event=reclassified)
    rows = await pool.fetch("SELECT reasons, classifier_version FROM desk.messages")

    assert result.duplicate
    assert len(rows) == 1
    assert rows[0]["reasons"] == [WORK_REASON]
    assert rows[0]["classifier_version"] == "test"


async def test_logs_contain_no_reason(pool: asyncpg.Pool) -> None:
    secret_reason = "[希死念慮・自傷] 「秘密の言葉」: 消えたいという願望"
    event = triaged("conv-a", urgent=True, reasons=(secret_reason,), classifier_version="v9")
    with capture_logs(processors=[structlog.contextvars.merge_contextvars]) as logs:
        await handle_message_triaged(pool, event)
        await handle_message_triaged(pool, event)

    assert [entry["event"] for entry in logs] == [
        "inbound_message_stored",
        "inbound_message_duplicate",
    ]
    assert logs[0]["classifier_version"] == "v9"
    for entry in logs:
        assert "秘密の言葉" not in repr(entry)


async def test_nul_in_reason_stored_as_replacement(pool: asyncpg.Pool) -> None:
    # JSON allows \u0000 in a string, but PostgreSQL text cannot store it.
    event = triaged("conv-a", reasons=("[仕事・就労関係] 「仕\x00事」", WORK_REASON))
    payload = event.model_dump_json()
    assert "\\u0000" in payload
    await handle_message_triaged(pool, MessageTriaged.model_validate_json(payload))
    row = await message_row(pool, event.event_id)

    assert row["reasons"] == ["[仕事・就労関係] 「仕\ufffd事」", WORK_REASON]


async def test_lone_surrogate_in_reason_replaced(pool: asyncpg.Pool) -> None:
    # The JSON parser rejects a lone surrogate, so only an event built in Python has one.
    _, message_id = await receive(pool, reasons=("lone \ud800",))
    row = await message_row(pool, message_id)

    assert row["reasons"] == ["lone \ufffd"]


async def test_nul_in_classifier_version_replaced(pool: asyncpg.Pool) -> None:
    _, message_id = await receive(pool, classifier_version="v1\x00")
    row = await message_row(pool, message_id)

    assert row["classifier_version"] == "v1\ufffd"


# --- the message that made a conversation and a case urgent --------------------------------


async def test_urgent_message_set_when_urgent(pool: asyncpg.Pool) -> None:
    opened, _ = await receive(pool, minutes=0)
    before = await urgent_message_ids(pool, opened.case_id)
    _, urgent_id = await receive(pool, minutes=1, urgent=True)

    assert before == (None, None)
    assert await urgent_message_ids(pool, opened.case_id) == (urgent_id, urgent_id)


async def test_urgent_message_kept_while_urgent(pool: asyncpg.Pool) -> None:
    opened, first_id = await receive(pool, minutes=0, urgent=True)
    await receive(pool, minutes=1, urgent=True)
    await receive(pool, minutes=2)

    assert await urgent_message_ids(pool, opened.case_id) == (first_id, first_id)


async def test_late_urgent_message_does_not_replace(pool: asyncpg.Pool) -> None:
    # Kafka may deliver an earlier message later. The case keeps the message that made it
    # urgent first, because that is the one that moved it up the queue.
    opened, first_id = await receive(pool, minutes=5, urgent=True)
    await receive(pool, minutes=1, urgent=True)

    assert await urgent_message_ids(pool, opened.case_id) == (first_id, first_id)


async def test_clear_urgent_forgets_message(pool: asyncpg.Pool, supervisor: Principal) -> None:
    opened, first_id = await receive(pool, minutes=0, urgent=True)
    await cases.clear_urgent(
        pool, case_id=opened.case_id, reason=CLEAR_REASON, principal=supervisor, request_id=None
    )
    cleared = await urgent_message_ids(pool, opened.case_id)
    detail = await pool.fetchval(
        "SELECT detail->>'previous_urgent_message_id' FROM desk.case_events"
        " WHERE case_id = $1 AND kind = 'urgent_cleared'",
        opened.case_id,
    )
    _, again_id = await receive(pool, minutes=3, urgent=True)

    assert cleared == (None, None)
    assert detail == str(first_id)
    assert await urgent_message_ids(pool, opened.case_id) == (again_id, again_id)


async def test_new_case_takes_conversation_message(
    pool: asyncpg.Pool, supervisor: Principal
) -> None:
    first, urgent_id = await receive(pool, minutes=0, urgent=True)
    await close_case(pool, first.case_id, supervisor, T0 + timedelta(minutes=10))
    later = (domain.REOPEN_WINDOW + timedelta(hours=1)).total_seconds() / 60
    second, _ = await receive(pool, minutes=later)
    row = await pool.fetchrow(
        "SELECT priority, urgent_message_id FROM desk.cases WHERE case_id = $1", second.case_id
    )

    assert second.action is domain.InboundAction.OPEN_CASE
    assert second.case_id != first.case_id
    assert row["priority"] == "urgent"
    assert row["urgent_message_id"] == urgent_id
    assert (await message_row(pool, urgent_id))["case_id"] == first.case_id


async def test_reopened_case_takes_conversation_message(
    pool: asyncpg.Pool, supervisor: Principal
) -> None:
    first, _ = await receive(pool, minutes=0)
    await close_case(pool, first.case_id, supervisor, T0 + timedelta(minutes=10))
    # A message in standby mode opens no case but makes the conversation urgent.
    _, standby_id = await receive(pool, minutes=20, urgent=True, mode="standby")
    reopened, _ = await receive(pool, minutes=30)

    assert reopened.action is domain.InboundAction.REOPEN_CASE
    assert reopened.case_id == first.case_id
    assert await urgent_message_ids(pool, first.case_id) == (standby_id, standby_id)
    assert (await message_row(pool, standby_id))["case_id"] is None


async def test_urgent_message_only_when_urgent(pool: asyncpg.Pool) -> None:
    opened, message_id = await receive(pool, minutes=0)

    with pytest.raises(asyncpg.CheckViolationError):
        await pool.execute(
            "UPDATE desk.cases SET urgent_message_id = $2 WHERE case_id = $1",
            opened.case_id,
            message_id,
        )


# --- the API's fields ---------------------------------------------------------------------


async def test_api_messages_split_reasons(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    opened, calm_id = await receive(pool, minutes=0, reasons=(WORK_REASON, NOTE_REASON))
    _, urgent_id = await receive(
        pool,
        minutes=1,
        urgent=True,
        topics=(Topic.SUICIDE_SELF_HARM, Topic.WORK),
        reasons=(URGENT_REASON, WORK_REASON),
        classifier_version="v2",
    )
    body = (await client.get(f"/api/cases/{opened.case_id}", headers=first)).json()
    calm, urgent = body["messages"]

    assert calm["message_id"] == str(calm_id)
    assert calm["urgent"] is False
    assert calm["urgent_reasons"] == []
    assert calm["other_reasons"] == [WORK_REASON, NOTE_REASON]
    assert urgent["urgent"] is True
    assert urgent["topics"] == domain.merge_topics([], [Topic.WORK, Topic.SUICIDE_SELF_HARM])
    assert urgent["urgent_reasons"] == [URGENT_REASON]
    assert urgent["other_reasons"] == [WORK_REASON]
    assert urgent["classifier_version"] == "v2"
    assert body["urgent_message"] == {
        "message_id": str(urgent_id),
        "case_id": str(opened.case_id),
        "sent_at": "2025-03-01T09:01:00+00:00",
        "reason": URGENT_REASON,
    }


async def test_api_replies_have_no_reasons(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    opened, _ = await receive(pool)
    await client.post(f"/api/cases/{opened.case_id}/claim", headers=first)
    await client.post(f"/api/cases/{opened.case_id}/replies", json={"text": "はい"}, headers=first)
    body = (await client.get(f"/api/cases/{opened.case_id}", headers=first)).json()
    reply = body["messages"][1]

    assert reply["direction"] == "out"
    assert "urgent_reasons" not in reply
    assert "other_reasons" not in reply
    assert body["urgent_message"] is None


async def test_api_queue_has_urgent_message(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    opened, urgent_id = await receive(pool, minutes=0, urgent=True)
    await receive(pool, "conv-b", minutes=1)
    entries = (await client.get("/api/queue", headers=first)).json()["cases"]

    assert [entry["priority"] for entry in entries] == ["urgent", "normal"]
    assert entries[0]["urgent_message"] == {
        "message_id": str(urgent_id),
        "case_id": str(opened.case_id),
        "sent_at": "2025-03-01T09:00:00+00:00",
        "reason": URGENT_REASON,
    }
    assert entries[1]["urgent_message"] is None


async def test_api_queue_flags_unread_script(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    unread_reason = f"{UNREAD_SCRIPT_REASON_PREFIX} 日本語と英語のほかの言語が多い"
    await receive(pool, minutes=0, reasons=(unread_reason,))
    await receive(pool, "conv-b", minutes=1, reasons=(WORK_REASON,))
    entries = (await client.get("/api/queue", headers=first)).json()["cases"]

    assert [entry["unread_script"] for entry in entries] == [True, False]


async def test_api_clear_response_drops_message(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    opened, _ = await receive(pool, minutes=0, urgent=True)
    await client.post(f"/api/cases/{opened.case_id}/claim", headers=first)
    response = await client.post(
        f"/api/cases/{opened.case_id}/clear-urgent", json={"reason": CLEAR_REASON}, headers=first
    )

    assert response.status_code == 200
    assert response.json()["urgent_message"] is None


# --- migration 011 on rows stored before it -----------------------------------------------


def copy_migrations_before_011(directory: Path) -> None:
    directory.mkdir()
    for path in sorted(MIGRATIONS_DIRECTORY.glob("*.sql")):
        if path.stem < MIGRATION_011:
            shutil.copy(path, directory / path.name)


async def migrate_up_to_010(pool: asyncpg.Pool, directory: Path) -> None:
    """Apply the desk's migrations that precede 011, from a copy of the migrations folder."""
    copy_migrations_before_011(directory)
    applied = await apply_migrations(pool, schema=store.SCHEMA, directory=directory)
    assert MIGRATION_011 not in applied
    assert applied


class OldRows:
    """Rows written with the columns that exist before migration 011."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def conversation(self, conversation_id: str, priority: str) -> None:
        await self.connection.execute(
            "INSERT INTO desk.conversations (conversation_id, channel, source_type,"
            " push_target, priority) VALUES ($1, 'consultation', 'user', $2, $3)",
            conversation_id,
            f"U{conversation_id}",
            priority,
        )

    async def case(
        self, conversation_id: str, priority: str, opened: datetime, closed: datetime | None
    ) -> UUID:
        case_id = uuid4()
        await self.connection.execute(
            "INSERT INTO desk.cases (case_id, conversation_id, state, priority, opened_at,"
            " closed_at) VALUES ($1, $2, $3, $4, $5, $6)",
            case_id,
            conversation_id,
            "closed" if closed else "open",
            priority,
            opened,
            closed,
        )
        return case_id

    async def message(
        self, conversation_id: str, case_id: UUID | None, at: datetime, *, urgent: bool
    ) -> UUID:
        message_id = uuid4()
        await self.connection.execute(
            "INSERT INTO desk.messages (message_id, case_id, conversation_id, direction, kind,"
            " text, sent_at, correlation_id, webhook_event_id, urgent, stored_at)"
            " VALUES ($1, $2, $3, 'in', 'text', 'こんにちは', $4, $5, $6, $7, $4)",
            message_id,
            case_id,
            conversation_id,
            at,
            f"corr-{message_id.hex[:8]}",
            f"wh-{message_id.hex}",
            urgent,
        )
        return message_id

    async def event(
        self, case_id: UUID, kind: str, at: datetime, message_id: UUID | None = None
    ) -> None:
        await self.connection.execute(
            "INSERT INTO desk.case_events (case_id, kind, actor, message_id, occurred_at)"
            " VALUES ($1, $2, 'system', $3, $4)",
            case_id,
            kind,
            message_id,
            at,
        )


async def test_migration_011_backfills_urgent_messages(database_url: str, tmp_path: Path) -> None:
    def at(minutes: int) -> datetime:
        return T0 + timedelta(minutes=minutes)

    pool = await create_pool(database_url, max_size=2)
    try:
        await migrate_up_to_010(pool, tmp_path / "up_to_010")
        async with pool.acquire() as connection:
            old = OldRows(connection)

            # A: an open case, made urgent by a2, then another urgent message.
            await old.conversation("conv-a", "urgent")
            case_a = await old.case("conv-a", "urgent", at(0), None)
            await old.message("conv-a", case_a, at(0), urgent=False)
            a2 = await old.message("conv-a", case_a, at(1), urgent=True)
            await old.event(case_a, "marked_urgent", at(1), a2)
            await old.message("conv-a", case_a, at(2), urgent=True)

            # B: urgent by b1, cleared, urgent again by b2, then closed.
            await old.conversation("conv-b", "urgent")
            case_b = await old.case("conv-b", "urgent", at(0), at(30))
            b1 = await old.message("conv-b", case_b, at(0), urgent=True)
            await old.event(case_b, "opened", at(0), b1)
            await old.event(case_b, "urgent_cleared", at(10))
            await old.message("conv-b", case_b, at(15), urgent=False)
            b2 = await old.message("conv-b", case_b, at(20), urgent=True)
            await old.event(case_b, "marked_urgent", at(20), b2)

            # C: urgent by c1 and cleared, so both are normal now.
            await old.conversation("conv-c", "normal")
            case_c = await old.case("conv-c", "normal", at(0), None)
            await old.message("conv-c", case_c, at(0), urgent=True)
            await old.event(case_c, "urgent_cleared", at(5))

            # D: case d_first was urgent from its opening message d1 and is closed. The
            # conversation stayed urgent, so d_second opened urgent by a normal message.
            await old.conversation("conv-d", "urgent")
            d_first = await old.case("conv-d", "urgent", at(0), at(60))
            d1 = await old.message("conv-d", d_first, at(0), urgent=True)
            await old.event(d_first, "opened", at(0), d1)
            d_second = await old.case("conv-d", "urgent", at(3000), None)
            d2 = await old.message("conv-d", d_second, at(3000), urgent=False)
            await old.event(d_second, "opened", at(3000), d2)

        applied = await apply_migrations(pool, schema=store.SCHEMA, directory=MIGRATIONS_DIRECTORY)
        conversations = dict(
            await pool.fetch("SELECT conversation_id, urgent_message_id FROM desk.conversations")
        )
        case_messages = dict(await pool.fetch("SELECT case_id, urgent_message_id FROM desk.cases"))
        messages = await pool.fetch("SELECT reasons, classifier_version FROM desk.messages")
    finally:
        await pool.close()

    # Later migrations run in the same call, after 011.
    assert applied[0] == MIGRATION_011
    assert conversations == {"conv-a": a2, "conv-b": b2, "conv-c": None, "conv-d": d1}
    assert case_messages[case_a] == a2
    assert case_messages[case_b] == b2
    assert case_messages[case_c] is None
    assert case_messages[d_first] == d1
    assert case_messages[d_second] == d1
    assert {tuple(row["reasons"]) for row in messages} == {()}
    assert {row["classifier_version"] for row in messages} == {None}


async def test_migration_011_leaves_unknown_null(database_url: str, tmp_path: Path) -> None:
    pool = await create_pool(database_url, max_size=2)
    try:
        await migrate_up_to_010(pool, tmp_path / "up_to_010")
        async with pool.acquire() as connection:
            old = OldRows(connection)
            # Urgent without any urgent message stored, which no code path writes.
            await old.conversation("conv-e", "urgent")
            case_e = await old.case("conv-e", "urgent", T0, None)
            await old.message("conv-e", case_e, T0, urgent=False)

        await apply_migrations(pool, schema=store.SCHEMA, directory=MIGRATIONS_DIRECTORY)
        case_message = await pool.fetchval("SELECT urgent_message_id FROM desk.cases")
        conversation_message = await pool.fetchval(
            "SELECT urgent_message_id FROM desk.conversations"
        )
    finally:
        await pool.close()

    assert case_message is None
    assert conversation_message is None
