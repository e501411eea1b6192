"""The urgent reason that the queue shows, in GET /api/queue and on the queue page.

Triage's rules write reasons that name what the quoted words express, and its model writes
only that the words read as a risk. The queue shows a rule reason when any urgent message of
the case has one, while `urgent_message` stays the message that made the case urgent.
"""

import re
from datetime import timedelta
from uuid import UUID

import asyncpg
import httpx

from services.desk import cases, domain, store
from services.desk.accounts import Principal
from services.desk.domain import Role
from shared.schemas import Topic
from tests.integration.test_desk_helpers import (
    PASSWORD,
    T0,
    close_case,
    make_account,
    triaged,
)

RULE_REASON = "[希死念慮・自傷] 「消えてしまいたい」: 消えたいという願望（受動的希死念慮）"
LATER_RULE_REASON = (
    "[希死念慮・自傷] 「来なければいい」: 目覚めたくないという願い（受動的希死念慮）"
)
MODEL_REASON = (
    "[希死念慮・自傷] 「生き」「つらい」: 危険を示す言い回しとして判定（学習モデル、確率 0.68）"
)
WORK_REASON = "[仕事・就労関係] 「仕事」: 仕事・職場の語"
CLEAR_REASON = "本人と話し、危険がないことを確かめた"
CSRF_PATTERN = re.compile(r'name="csrf_token" value="([^"]*)"')


async def receive(
    pool: asyncpg.Pool,
    conversation_id: str = "conv-a",
    *,
    minutes: float,
    reasons: tuple[str, ...] = (),
    urgent: bool = True,
) -> tuple[store.InboundResult, UUID]:
    """Store a message sent `minutes` after T0 and return the result and the message id."""
    topics = (Topic.SUICIDE_SELF_HARM,) if urgent else ()
    event = triaged(
        conversation_id,
        sent_at=T0 + timedelta(minutes=minutes),
        urgent=urgent,
        topics=topics,
        reasons=reasons,
    )
    result = await store.record_triaged_message(pool, event=event)
    return result, event.event_id


async def queue_entry(client: httpx.AsyncClient, headers: dict, case_id: UUID) -> dict:
    response = await client.get("/api/queue", headers=headers)
    assert response.status_code == 200, response.text
    entries = {entry["case_id"]: entry for entry in response.json()["cases"]}
    return entries[str(case_id)]


def sent_at(minutes: float) -> str:
    return (T0 + timedelta(minutes=minutes)).isoformat()


async def test_later_rule_reason_shown_over_model(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    opened, model_id = await receive(pool, minutes=0, reasons=(MODEL_REASON,))
    await receive(pool, minutes=1, reasons=(WORK_REASON,), urgent=False)
    _, rule_id = await receive(pool, minutes=2, reasons=(WORK_REASON, RULE_REASON))
    entry = await queue_entry(client, first, opened.case_id)

    assert entry["urgent_reason"] == {
        "text": RULE_REASON,
        "message_id": str(rule_id),
        "sent_at": sent_at(2),
    }
    assert entry["urgent_message"]["message_id"] == str(model_id)
    assert entry["urgent_message"]["reason"] == MODEL_REASON


async def test_origin_rule_reason_kept(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    opened, origin_id = await receive(pool, minutes=0, reasons=(RULE_REASON,))
    await receive(pool, minutes=1, reasons=(LATER_RULE_REASON,))
    entry = await queue_entry(client, first, opened.case_id)

    assert entry["urgent_reason"] == {
        "text": RULE_REASON,
        "message_id": str(origin_id),
        "sent_at": sent_at(0),
    }


async def test_earliest_sent_rule_reason_chosen(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    opened, _ = await receive(pool, minutes=0, reasons=(MODEL_REASON,))
    # Kafka may deliver an earlier message later, so the order is by sent_at, not arrival.
    await receive(pool, minutes=5, reasons=(LATER_RULE_REASON,))
    _, earlier_id = await receive(pool, minutes=3, reasons=(RULE_REASON,))
    entry = await queue_entry(client, first, opened.case_id)

    assert entry["urgent_reason"]["message_id"] == str(earlier_id)
    assert entry["urgent_reason"]["text"] == RULE_REASON


async def test_model_reason_when_no_rule(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    opened, origin_id = await receive(pool, minutes=0, reasons=(MODEL_REASON,))
    await receive(pool, minutes=1, reasons=(MODEL_REASON + "2",))
    # A reason with the urgent prefix on a message that is not urgent is no urgent reason.
    await receive(pool, minutes=2, reasons=(RULE_REASON,), urgent=False)
    entry = await queue_entry(client, first, opened.case_id)

    assert entry["urgent_reason"] == {
        "text": MODEL_REASON,
        "message_id": str(origin_id),
        "sent_at": sent_at(0),
    }


async def test_no_reason_recorded(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    _, origin_id = await receive(pool, minutes=0)
    await receive(pool, "conv-b", minutes=1, urgent=False)
    entries = (await client.get("/api/queue", headers=first)).json()["cases"]

    assert entries[0]["urgent_reason"] == {
        "text": None,
        "message_id": str(origin_id),
        "sent_at": sent_at(0),
    }
    assert entries[1]["urgent_reason"] is None


async def test_rule_reason_before_clear_not_shown(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict, supervisor: Principal
) -> None:
    opened, _ = await receive(pool, minutes=0, reasons=(RULE_REASON,))
    await cases.clear_urgent(
        pool, case_id=opened.case_id, reason=CLEAR_REASON, principal=supervisor, request_id=None
    )
    _, again_id = await receive(pool, minutes=10, reasons=(MODEL_REASON,))
    entry = await queue_entry(client, first, opened.case_id)

    assert entry["urgent_reason"]["message_id"] == str(again_id)
    assert entry["urgent_reason"]["text"] == MODEL_REASON


async def test_rule_reason_of_new_case(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict, supervisor: Principal
) -> None:
    # The conversation stays urgent, so its next case takes the earlier case's message.
    earlier, origin_id = await receive(pool, minutes=0, reasons=(MODEL_REASON,))
    await close_case(pool, earlier.case_id, supervisor, T0 + timedelta(minutes=10))
    later = (domain.REOPEN_WINDOW + timedelta(hours=1)).total_seconds() / 60
    second, _ = await receive(pool, minutes=later, reasons=(WORK_REASON,), urgent=False)
    _, rule_id = await receive(pool, minutes=later + 1, reasons=(RULE_REASON,))
    entry = await queue_entry(client, first, second.case_id)

    assert second.case_id != earlier.case_id
    assert entry["urgent_message"]["message_id"] == str(origin_id)
    assert entry["urgent_reason"]["message_id"] == str(rule_id)
    assert entry["urgent_reason"]["text"] == RULE_REASON


async def test_case_api_keeps_origin_reason(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    opened, origin_id = await receive(pool, minutes=0, reasons=(MODEL_REASON,))
    await receive(pool, minutes=2, reasons=(RULE_REASON,))
    body = (await client.get(f"/api/cases/{opened.case_id}", headers=first)).json()

    assert body["urgent_message"]["message_id"] == str(origin_id)
    assert body["urgent_message"]["reason"] == MODEL_REASON
    assert "urgent_reason" not in body


async def test_queue_page_shows_rule_reason(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    opened, origin_id = await receive(pool, minutes=0, reasons=(MODEL_REASON,))
    await receive(pool, minutes=7, reasons=(RULE_REASON,))
    counselor = await make_account(pool, Role.COUNSELOR, name="相談員C")
    login = await pool.fetchval(
        "SELECT login FROM desk.accounts WHERE account_id = $1", counselor.account_id
    )
    form = await client.get("/login")
    token = CSRF_PATTERN.search(form.text).group(1)
    logged_in = await client.post(
        "/login", data={"login": login, "password": PASSWORD, "csrf_token": token}
    )
    rows = (await client.get("/queue/rows")).text
    page = (await client.get(f"/cases/{opened.case_id}")).text

    assert logged_in.status_code == 303, logged_in.text
    start = rows.index('<p class="urgent-reason">')
    reason = rows[start : rows.index("</p>", start)]
    # T0 is 18:00 in Asia/Tokyo, and the rule reason's message was sent 7 minutes later.
    assert "緊急の理由（3/1 18:07のメッセージ）" in reason
    assert RULE_REASON in reason
    assert MODEL_REASON not in reason
    marked = page[page.index(f'id="message-{origin_id}"') :]
    assert "この相談を緊急にしたメッセージ" in marked[: marked.index("</li>")]
