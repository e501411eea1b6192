"""The desk's store, handlers, outbox and HTTP API against a real PostgreSQL, without Kafka."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import asyncpg
import httpx
import pytest
import structlog
from structlog.testing import capture_logs

from services.desk import case_queries, domain, store
from services.desk.accounts import Principal
from services.desk.consumer import (
    handle_message_triaged,
    handle_reply_delivered,
    publish_outbox_batch,
)
from services.desk.domain import InboundAction, Role
from shared.schemas import (
    DeliveryStatus,
    MessageKind,
    ReplyDelivered,
    ReplyRequested,
    Topic,
)
from shared.schemas.topics import REPLY_REQUESTED
from tests.integration.test_desk_helpers import (
    OPERATOR_TOKEN,
    T0,
    api_client,
    close_case,
    make_account,
    migrated_pool,
    triaged,
)

URGENT_REASON = "[希死念慮・自傷] 「消えたい」: 消えたいという願望"


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    async with migrated_pool(database_url) as pool:
        yield pool


@pytest.fixture
async def supervisor(pool: asyncpg.Pool) -> Principal:
    return await make_account(pool, Role.SUPERVISOR)


async def count(pool: asyncpg.Pool, table: str) -> int:
    return await pool.fetchval(f"SELECT count(*) FROM desk.{table}")


async def case_row(pool: asyncpg.Pool, case_id: UUID) -> asyncpg.Record:
    return await pool.fetchrow("SELECT * FROM desk.cases WHERE case_id = $1", case_id)


# --- inbound messages -------------------------------------------------------------------


async def test_same_event_twice_stores_once(pool: asyncpg.Pool) -> None:
    event = triaged("conv-a", topics=(Topic.LONELINESS,))
    first = await store.record_triaged_message(pool, event=event)
    second = await store.record_triaged_message(pool, event=event)

    assert first.action is InboundAction.OPEN_CASE
    assert second.duplicate
    assert await count(pool, "messages") == 1
    assert await count(pool, "cases") == 1
    assert await count(pool, "case_events") == 1


async def test_same_webhook_event_id_is_duplicate(pool: asyncpg.Pool) -> None:
    await store.record_triaged_message(pool, event=triaged("conv-a", webhook_event_id="wh-1"))
    # Triage published the same LINE event again under a new event_id.
    again = triaged("conv-a", webhook_event_id="wh-1", sent_at=T0 + timedelta(minutes=1))
    result = await store.record_triaged_message(pool, event=again)

    assert result.duplicate
    assert await count(pool, "messages") == 1


async def test_handler_redelivery_changes_nothing(pool: asyncpg.Pool) -> None:
    event = triaged("conv-a", topics=(Topic.WORK,), urgent=True)
    await handle_message_triaged(pool, event)
    before = await pool.fetch("SELECT * FROM desk.cases")
    conversation_before = await pool.fetchrow("SELECT * FROM desk.conversations")
    await handle_message_triaged(pool, event)

    assert await pool.fetch("SELECT * FROM desk.cases") == before
    assert await pool.fetchrow("SELECT * FROM desk.conversations") == conversation_before


async def test_message_joins_open_case(pool: asyncpg.Pool) -> None:
    first = await store.record_triaged_message(pool, event=triaged("conv-a", topics=(Topic.WORK,)))
    second = await store.record_triaged_message(
        pool,
        event=triaged("conv-a", sent_at=T0 + timedelta(minutes=2), topics=(Topic.FAMILY,)),
    )

    assert second.action is InboundAction.JOIN_CASE
    assert second.case_id == first.case_id
    case = await case_row(pool, first.case_id)
    assert case["topics"] == [Topic.FAMILY.value, Topic.WORK.value]
    assert case["waiting_since"] == T0
    assert case["last_message_at"] == T0 + timedelta(minutes=2)
    conversation_topics = await pool.fetchval("SELECT topics FROM desk.conversations")
    assert conversation_topics == [Topic.FAMILY.value, Topic.WORK.value]


async def test_sticker_stored_without_text(pool: asyncpg.Pool) -> None:
    result = await store.record_triaged_message(
        pool, event=triaged("conv-a", kind=MessageKind.STICKER)
    )
    row = await pool.fetchrow("SELECT kind, text, case_id FROM desk.messages")

    assert result.action is InboundAction.OPEN_CASE
    assert row["kind"] == "sticker"
    assert row["text"] is None
    assert row["case_id"] == result.case_id


async def test_follow_stores_conversation_only(pool: asyncpg.Pool) -> None:
    result = await store.record_triaged_message(
        pool, event=triaged("conv-a", kind=MessageKind.FOLLOW)
    )

    assert result.action is InboundAction.CONVERSATION_ONLY
    assert await count(pool, "conversations") == 1
    assert await count(pool, "messages") == 0
    assert await count(pool, "cases") == 0


async def test_standby_message_opens_no_case(pool: asyncpg.Pool) -> None:
    result = await store.record_triaged_message(pool, event=triaged("conv-a", mode="standby"))
    row = await pool.fetchrow("SELECT case_id, text FROM desk.messages")

    assert result.action is InboundAction.STORE_WITHOUT_CASE
    assert await count(pool, "cases") == 0
    assert row["case_id"] is None
    assert row["text"] == "こんにちは"


async def test_urgent_sticks_to_conversation(pool: asyncpg.Pool, supervisor: Principal) -> None:
    urgent = await store.record_triaged_message(
        pool, event=triaged("conv-a", urgent=True, topics=(Topic.SUICIDE_SELF_HARM,))
    )
    calm = await store.record_triaged_message(
        pool, event=triaged("conv-a", sent_at=T0 + timedelta(minutes=1))
    )
    assert calm.case_id == urgent.case_id
    assert (await case_row(pool, urgent.case_id))["priority"] == "urgent"

    await close_case(pool, urgent.case_id, supervisor, closed_at=T0 + timedelta(minutes=2))
    # Later than domain.REOPEN_WINDOW after the close, so the message opens a new case.
    reopened = await store.record_triaged_message(
        pool, event=triaged("conv-a", sent_at=T0 + timedelta(days=2))
    )

    assert reopened.action is InboundAction.OPEN_CASE
    assert reopened.case_id != urgent.case_id
    assert (await case_row(pool, reopened.case_id))["priority"] == "urgent"
    conversation = await pool.fetchrow("SELECT priority, urgent FROM desk.conversations")
    assert conversation["priority"] == "urgent"
    assert conversation["urgent"] is True


async def test_case_marked_urgent_later(pool: asyncpg.Pool) -> None:
    opened = await store.record_triaged_message(pool, event=triaged("conv-a"))
    await store.record_triaged_message(
        pool, event=triaged("conv-a", sent_at=T0 + timedelta(minutes=1), urgent=True)
    )

    assert (await case_row(pool, opened.case_id))["priority"] == "urgent"
    kinds = await pool.fetch("SELECT kind, actor FROM desk.case_events ORDER BY case_event_id")
    assert [(row["kind"], row["actor"]) for row in kinds] == [
        ("opened", "system"),
        ("marked_urgent", "triage"),
    ]


async def test_concurrent_events_share_one_case(pool: asyncpg.Pool) -> None:
    events = [triaged("conv-a", sent_at=T0 + timedelta(seconds=i)) for i in range(4)]
    results = await asyncio.gather(
        *(store.record_triaged_message(pool, event=event) for event in events)
    )

    assert len({result.case_id for result in results}) == 1
    assert sorted(result.action for result in results).count(InboundAction.OPEN_CASE) == 1
    assert await count(pool, "messages") == 4
    assert (await case_row(pool, results[0].case_id))["waiting_since"] == T0


async def test_logs_contain_no_text_or_line_id(pool: asyncpg.Pool) -> None:
    event = triaged("conv-a", text="秘密の相談内容")
    with capture_logs(processors=[structlog.contextvars.merge_contextvars]) as logs:
        await handle_message_triaged(pool, event)
        await handle_message_triaged(pool, event)

    assert [entry["event"] for entry in logs] == [
        "inbound_message_stored",
        "inbound_message_duplicate",
    ]
    for entry in logs:
        assert "秘密の相談内容" not in repr(entry)
        assert "Uconv-a" not in repr(entry)
    assert logs[0]["conversation_id"] == "conv-a"
    assert logs[0]["case_id"] is not None


# --- queue ----------------------------------------------------------------------------


async def test_queue_order_mixed_priorities(pool: asyncpg.Pool, supervisor: Principal) -> None:
    minutes = timedelta(minutes=1)
    await store.record_triaged_message(pool, event=triaged("normal-old", sent_at=T0))
    await store.record_triaged_message(pool, event=triaged("normal-new", sent_at=T0 + 20 * minutes))
    await store.record_triaged_message(
        pool, event=triaged("urgent-new", sent_at=T0 + 30 * minutes, urgent=True)
    )
    await store.record_triaged_message(
        pool, event=triaged("urgent-old", sent_at=T0 + 10 * minutes, urgent=True)
    )
    answered = await store.record_triaged_message(
        pool, event=triaged("normal-answered", sent_at=T0 - 60 * minutes)
    )
    await store.queue_reply(
        pool, case_id=answered.case_id, text="はい", requested_by=str(supervisor.account_id)
    )
    closed = await store.record_triaged_message(pool, event=triaged("closed", sent_at=T0))
    await close_case(pool, closed.case_id, supervisor)

    rows = await case_queries.fetch_queue(pool)
    order = [row["conversation_id"] for row in rows]

    assert order == ["urgent-old", "urgent-new", "normal-old", "normal-new", "normal-answered"]
    by_domain_key = sorted(
        rows,
        key=lambda row: domain.queue_sort_key(
            priority=row["priority"], waiting_since=row["waiting_since"], opened_at=row["opened_at"]
        ),
    )
    assert [row["conversation_id"] for row in by_domain_key] == order


async def test_queue_shows_latest_inbound(pool: asyncpg.Pool) -> None:
    opened = await store.record_triaged_message(pool, event=triaged("conv-a", text="最初"))
    await store.record_triaged_message(
        pool, event=triaged("conv-a", sent_at=T0 + timedelta(minutes=1), kind=MessageKind.STICKER)
    )
    await store.queue_reply(pool, case_id=opened.case_id, text="返信", requested_by="system")

    [row] = await case_queries.fetch_queue(pool)

    assert row["last_kind"] == "sticker"
    assert row["last_text"] is None


# --- replies and the outbox -----------------------------------------------------------


async def test_reply_clears_waiting_and_writes_outbox(
    pool: asyncpg.Pool, supervisor: Principal
) -> None:
    opened = await store.record_triaged_message(pool, event=triaged("conv-a"))
    requested_by = str(supervisor.account_id)
    queued = await store.queue_reply(
        pool, case_id=opened.case_id, text="お話を聞かせてください", requested_by=requested_by
    )

    case = await case_row(pool, opened.case_id)
    assert case["waiting_since"] is None
    assert case["state"] == "waiting"
    assert case["claimed_by"] == supervisor.account_id
    message = await pool.fetchrow(
        "SELECT * FROM desk.messages WHERE message_id = $1", queued.reply_id
    )
    assert message["direction"] == "out"
    assert message["delivery_status"] == "queued"
    outbox = await pool.fetch("SELECT * FROM desk.outbox")
    assert len(outbox) == 1
    assert outbox[0]["topic"] == REPLY_REQUESTED
    assert outbox[0]["key"] == "conv-a"
    assert outbox[0]["published_at"] is None
    event = ReplyRequested.model_validate_json(outbox[0]["payload"])
    assert event.reply_id == queued.reply_id
    assert event.case_id == opened.case_id
    assert event.to == "Uconv-a"
    assert event.text == "お話を聞かせてください"
    assert event.requested_by == requested_by


async def test_inbound_after_reply_sets_waiting_again(
    pool: asyncpg.Pool, supervisor: Principal
) -> None:
    opened = await store.record_triaged_message(pool, event=triaged("conv-a"))
    await store.queue_reply(
        pool, case_id=opened.case_id, text="はい", requested_by=str(supervisor.account_id)
    )
    later = datetime.now(UTC) + timedelta(minutes=1)
    await store.record_triaged_message(pool, event=triaged("conv-a", sent_at=later))

    case = await case_row(pool, opened.case_id)
    assert case["waiting_since"] == later
    assert case["state"] == "claimed"
    assert case["claimed_by"] == supervisor.account_id


async def test_closed_case_reply_rejected(pool: asyncpg.Pool, supervisor: Principal) -> None:
    opened = await store.record_triaged_message(pool, event=triaged("conv-a"))
    await close_case(pool, opened.case_id, supervisor)

    with pytest.raises(store.CaseClosed, match="is closed"):
        await store.queue_reply(pool, case_id=opened.case_id, text="はい", requested_by="system")
    assert await count(pool, "outbox") == 0
    assert await pool.fetchval("SELECT count(*) FROM desk.messages WHERE direction = 'out'") == 0


async def test_unknown_case_reply_rejected(pool: asyncpg.Pool) -> None:
    with pytest.raises(store.CaseNotFound, match="not found"):
        await store.queue_reply(pool, case_id=uuid4(), text="はい", requested_by="system")


async def test_too_long_reply_rejected(pool: asyncpg.Pool) -> None:
    opened = await store.record_triaged_message(pool, event=triaged("conv-a"))
    with pytest.raises(domain.InvalidReplyText):
        await store.queue_reply(
            pool, case_id=opened.case_id, text="😀" * 2501, requested_by="system"
        )
    assert await count(pool, "outbox") == 0


async def test_outbox_batch_publishes_and_marks(pool: asyncpg.Pool) -> None:
    opened = await store.record_triaged_message(pool, event=triaged("conv-a"))
    first = await store.queue_reply(pool, case_id=opened.case_id, text="1", requested_by="system")
    second = await store.queue_reply(pool, case_id=opened.case_id, text="2", requested_by="system")
    published: list[tuple[str, str, UUID]] = []

    async def publish(topic: str, key: str, payload: str) -> None:
        published.append((topic, key, ReplyRequested.model_validate_json(payload).reply_id))

    assert await publish_outbox_batch(pool, publish=publish) == 2
    assert published == [
        (REPLY_REQUESTED, "conv-a", first.reply_id),
        (REPLY_REQUESTED, "conv-a", second.reply_id),
    ]
    assert await pool.fetchval("SELECT count(*) FROM desk.outbox WHERE published_at IS NULL") == 0
    assert await publish_outbox_batch(pool, publish=publish) == 0


async def test_outbox_failure_keeps_row(pool: asyncpg.Pool) -> None:
    opened = await store.record_triaged_message(pool, event=triaged("conv-a"))
    await store.queue_reply(pool, case_id=opened.case_id, text="1", requested_by="system")

    async def publish(topic: str, key: str, payload: str) -> None:
        raise ConnectionError("broker unavailable")

    with pytest.raises(ConnectionError):
        await publish_outbox_batch(pool, publish=publish)
    assert await pool.fetchval("SELECT count(*) FROM desk.outbox WHERE published_at IS NULL") == 1


# --- delivery reports -----------------------------------------------------------------


def delivered(reply_id: UUID, case_id: UUID, status: DeliveryStatus) -> ReplyDelivered:
    return ReplyDelivered(
        correlation_id=str(reply_id),
        reply_id=reply_id,
        case_id=case_id,
        conversation_id="conv-a",
        status=status,
        error="LINE returned 500" if status is DeliveryStatus.FAILED else None,
    )


async def test_delivery_status_recorded_once(pool: asyncpg.Pool) -> None:
    opened = await store.record_triaged_message(pool, event=triaged("conv-a"))
    queued = await store.queue_reply(pool, case_id=opened.case_id, text="1", requested_by="system")
    event = delivered(queued.reply_id, opened.case_id, DeliveryStatus.SENT)

    assert await store.record_delivery(pool, event=event) is store.DeliveryUpdate.UPDATED
    assert await store.record_delivery(pool, event=event) is store.DeliveryUpdate.UNCHANGED
    late_failure = delivered(queued.reply_id, opened.case_id, DeliveryStatus.FAILED)
    assert await store.record_delivery(pool, event=late_failure) is store.DeliveryUpdate.UNCHANGED
    status = await pool.fetchval(
        "SELECT delivery_status FROM desk.messages WHERE message_id = $1", queued.reply_id
    )
    assert status == "sent"


async def test_failed_then_sent_delivery(pool: asyncpg.Pool) -> None:
    opened = await store.record_triaged_message(pool, event=triaged("conv-a"))
    queued = await store.queue_reply(pool, case_id=opened.case_id, text="1", requested_by="system")
    await handle_reply_delivered(
        pool, delivered(queued.reply_id, opened.case_id, DeliveryStatus.FAILED)
    )
    failed = await pool.fetchrow(
        "SELECT delivery_status, delivery_error FROM desk.messages WHERE message_id = $1",
        queued.reply_id,
    )
    await handle_reply_delivered(
        pool, delivered(queued.reply_id, opened.case_id, DeliveryStatus.SENT)
    )

    assert failed["delivery_status"] == "failed"
    assert failed["delivery_error"] == "LINE returned 500"
    status = await pool.fetchval(
        "SELECT delivery_status FROM desk.messages WHERE message_id = $1", queued.reply_id
    )
    assert status == "sent"


async def test_delivery_for_unknown_reply(pool: asyncpg.Pool) -> None:
    event = delivered(uuid4(), uuid4(), DeliveryStatus.SENT)
    assert await store.record_delivery(pool, event=event) is store.DeliveryUpdate.UNKNOWN_REPLY


# --- HTTP API -------------------------------------------------------------------------


@pytest.fixture
async def client(pool: asyncpg.Pool, database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """Client of the app with the test's pool, acting with the operator token, without Kafka."""
    async with api_client(pool, database_url) as client:
        client.headers["Authorization"] = f"Bearer {OPERATOR_TOKEN}"
        yield client


@pytest.mark.parametrize(
    ("authorization", "expected_words"),
    [
        (None, "missing Authorization header"),
        ("Basic abc", "'Bearer <token>'"),
        ("Bearer wrong-token", "invalid bearer token"),
    ],
)
async def test_api_requires_token(
    client: httpx.AsyncClient, authorization: str | None, expected_words: str
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    client.headers.pop("Authorization")
    response = await client.get("/api/queue", headers=headers)

    assert response.status_code == 401
    assert expected_words in response.json()["error"]
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_healthz_needs_no_token(client: httpx.AsyncClient) -> None:
    client.headers.pop("Authorization")
    assert (await client.get("/healthz")).status_code == 200
    assert (await client.get("/metrics")).status_code == 200


async def test_api_queue_entry(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    event = triaged(
        "conv-a",
        urgent=True,
        topics=(Topic.SUICIDE_SELF_HARM, Topic.FAMILY),
        reasons=(URGENT_REASON, "[家族関係] 「母」: 家族の語"),
    )
    opened = await store.record_triaged_message(pool, event=event)
    response = await client.get("/api/queue")

    assert response.status_code == 200
    assert response.json() == {
        "cases": [
            {
                "case_id": str(opened.case_id),
                "conversation_id": "conv-a",
                "channel": "consultation",
                "priority": "urgent",
                "topics": ["家族関係", "希死念慮・自傷"],
                "waiting_since": "2025-03-01T09:00:00+00:00",
                "last_message": "こんにちは",
                "state": "open",
                "claimed_by": None,
                "claimed_by_name": None,
                "urgent_message": {
                    "message_id": str(event.event_id),
                    "case_id": str(opened.case_id),
                    "sent_at": "2025-03-01T09:00:00+00:00",
                    "reason": URGENT_REASON,
                },
                "urgent_reason": {
                    "text": URGENT_REASON,
                    "message_id": str(event.event_id),
                    "sent_at": "2025-03-01T09:00:00+00:00",
                },
                "unread_script": False,
            }
        ]
    }


async def test_api_case_detail(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    opened = await store.record_triaged_message(pool, event=triaged("conv-a"))
    await store.record_triaged_message(
        pool, event=triaged("conv-a", sent_at=T0 + timedelta(minutes=1), kind=MessageKind.STICKER)
    )
    reply = await client.post(f"/api/cases/{opened.case_id}/replies", json={"text": "はい"})
    response = await client.get(f"/api/cases/{opened.case_id}")

    assert reply.status_code == 202
    assert reply.json()["status"] == "queued"
    body = response.json()
    assert response.status_code == 200
    assert body["case_id"] == str(opened.case_id)
    assert body["waiting_since"] is None
    assert [m["direction"] for m in body["messages"]] == ["in", "in", "out"]
    assert [m["kind"] for m in body["messages"]] == ["text", "sticker", "text"]
    assert body["messages"][1]["text"] is None
    assert "delivery_status" not in body["messages"][0]
    assert body["messages"][2]["message_id"] == reply.json()["reply_id"]
    assert body["messages"][2]["delivery_status"] == "queued"


async def test_api_case_errors(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    unknown = uuid4()
    missing = await client.get(f"/api/cases/{unknown}")
    invalid = await client.get("/api/cases/not-a-uuid")
    reply_to_missing = await client.post(f"/api/cases/{unknown}/replies", json={"text": "はい"})

    assert missing.status_code == 404
    assert missing.json() == {"error": f"case {unknown} not found"}
    assert invalid.status_code == 422
    assert "'not-a-uuid'" in invalid.json()["error"]
    assert reply_to_missing.status_code == 404


async def test_api_reply_errors(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    opened = await store.record_triaged_message(pool, event=triaged("conv-a"))
    path = f"/api/cases/{opened.case_id}/replies"
    too_long = await client.post(path, json={"text": "a" * 5001})
    blank = await client.post(path, json={"text": "  "})
    no_text = await client.post(path, json={})
    not_json = await client.post(path, content=b"{", headers={"Content-Type": "application/json"})
    await close_case(pool, opened.case_id, await make_account(pool, Role.SUPERVISOR))
    closed = await client.post(path, json={"text": "はい"})

    assert too_long.status_code == 422
    assert "at most 5,000" in too_long.json()["error"]
    assert blank.status_code == 422
    assert "empty" in blank.json()["error"]
    assert no_text.status_code == 422
    assert "text" in no_text.json()["error"]
    assert not_json.status_code == 422
    assert closed.status_code == 409
    assert "closed" in closed.json()["error"]
    assert await count(pool, "outbox") == 0


async def test_api_token_checked_before_body(client: httpx.AsyncClient) -> None:
    client.headers.pop("Authorization")
    response = await client.post(f"/api/cases/{uuid4()}/replies", content=b"{")

    assert response.status_code == 401
