"""POST /api/cases/{id}/clear-urgent on a real PostgreSQL: who may clear, what it records."""

import json
from datetime import timedelta
from uuid import UUID

import asyncpg
import httpx
import pytest
from structlog.testing import capture_logs

from services.desk import cases, store
from services.desk.domain import URGENT_CLEAR_REASON_MAX_CHARS, Role
from shared.schemas import Topic
from tests.integration.test_desk_helpers import (
    T0,
    bearer_headers,
    make_account,
    operator_headers,
    triaged,
)

REASON = "本人が冗談だったと説明し、電話でも危険がないことを確かめた"


@pytest.fixture
async def supervisor(pool: asyncpg.Pool) -> dict[str, str]:
    """Headers of a supervisor named 統括."""
    return await bearer_headers(pool, await make_account(pool, Role.SUPERVISOR, name="統括"))


async def open_urgent_case(pool: asyncpg.Pool, conversation_id: str = "conv-a") -> str:
    event = triaged(
        conversation_id, text="もう消えたい", urgent=True, topics=(Topic.SUICIDE_SELF_HARM,)
    )
    result = await store.record_triaged_message(pool, event=event)
    return str(result.case_id)


async def receive(
    pool: asyncpg.Pool, conversation_id: str = "conv-a", *, minutes: int, urgent: bool
) -> store.InboundResult:
    event = triaged(conversation_id, sent_at=T0 + timedelta(minutes=minutes), urgent=urgent)
    return await store.record_triaged_message(pool, event=event)


async def priorities(pool: asyncpg.Pool, case_id: str) -> tuple[str, str]:
    """Return the priority of the case and that of its conversation."""
    row = await pool.fetchrow(
        "SELECT c.priority AS case_priority, v.priority AS conversation_priority"
        " FROM desk.cases c JOIN desk.conversations v USING (conversation_id)"
        " WHERE c.case_id = $1",
        UUID(case_id),
    )
    return row["case_priority"], row["conversation_priority"]


async def clear(
    client: httpx.AsyncClient, case_id: str, headers: dict[str, str], reason: object = REASON
) -> httpx.Response:
    return await client.post(
        f"/api/cases/{case_id}/clear-urgent", json={"reason": reason}, headers=headers
    )


async def clear_audit_rows(client: httpx.AsyncClient, case_id: str) -> list[dict]:
    response = await client.get(
        f"/api/audit?case_id={case_id}&action=case.clear_urgent", headers=operator_headers()
    )
    return response.json()["entries"]


async def test_claimant_clears_urgent(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    response = await client.post(
        f"/api/cases/{case_id}/clear-urgent",
        json={"reason": f"  {REASON}\n"},
        headers={**first, "X-Request-ID": "req-clear-1"},
    )
    queue = await client.get("/api/queue", headers=first)

    assert response.status_code == 200
    assert response.json()["priority"] == "normal"
    assert response.json()["state"] == "claimed"
    assert response.json()["claimed_by_name"] == "相談員A"
    assert await priorities(pool, case_id) == ("normal", "normal")
    [entry] = queue.json()["cases"]
    assert entry["priority"] == "normal"


async def test_clear_writes_audit_row(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    """The audit row names the account, the time, the request and the reason, no message text."""
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    me = (await client.get("/api/me", headers=first)).json()
    case = (await client.get(f"/api/cases/{case_id}", headers=first)).json()
    urgent_message_id = case["messages"][0]["message_id"]
    await client.post(
        f"/api/cases/{case_id}/clear-urgent",
        json={"reason": f"  {REASON}\n"},
        headers={**first, "X-Request-ID": "req-clear-1"},
    )
    [row] = await clear_audit_rows(client, case_id)

    assert row["account_id"] == me["account_id"]
    assert row["account_name"] == "相談員A"
    assert row["case_id"] == case_id
    assert row["at"] is not None
    assert row["request_id"] == "req-clear-1"
    assert row["detail"] == {
        "reason": REASON,
        "previous_case_priority": "urgent",
        "previous_conversation_priority": "urgent",
        "previous_urgent_message_id": urgent_message_id,
    }
    assert "もう消えたい" not in json.dumps(row, ensure_ascii=False)
    assert "Uconv-a" not in json.dumps(row, ensure_ascii=False)


async def test_clear_appears_in_timeline(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    cleared = await clear(client, case_id, first)
    body = (await client.get(f"/api/cases/{case_id}", headers=first)).json()

    assert [event["kind"] for event in body["events"]] == ["opened", "claimed", "urgent_cleared"]
    event = body["events"][2]
    assert event["actor"] == cleared.json()["claimed_by"]
    assert event["from_state"] is None
    assert event["to_state"] is None
    assert event["detail"]["reason"] == REASON


async def test_clear_logs_no_reason(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    with capture_logs() as logs:
        response = await clear(client, case_id, first)

    assert response.status_code == 200
    [line] = [entry for entry in logs if entry["event"] == "urgent_cleared"]
    assert line["case_id"] == case_id
    assert line["conversation_id"] == "conv-a"
    for entry in logs:
        assert REASON not in json.dumps(entry, ensure_ascii=False, default=str)


async def test_supervisor_clears_unclaimed_case(
    client: httpx.AsyncClient, pool: asyncpg.Pool, supervisor: dict
) -> None:
    case_id = await open_urgent_case(pool)
    response = await clear(client, case_id, supervisor)

    assert response.status_code == 200
    assert response.json()["state"] == "open"
    assert response.json()["claimed_by"] is None
    assert await priorities(pool, case_id) == ("normal", "normal")
    [row] = await clear_audit_rows(client, case_id)
    assert row["account_name"] == "統括"


async def test_supervisor_clears_others_case(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict, supervisor: dict
) -> None:
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    response = await clear(client, case_id, supervisor)

    assert response.status_code == 200
    assert response.json()["claimed_by_name"] == "相談員A"
    assert await priorities(pool, case_id) == ("normal", "normal")


async def test_city_gets_403(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    case_id = await open_urgent_case(pool)
    city = await bearer_headers(pool, await make_account(pool, Role.CITY))
    response = await clear(client, case_id, city)

    assert response.status_code == 403
    error = response.json()["error"]
    assert "role 'city' may not call POST /api/cases/{case_id}/clear-urgent" in error
    assert "counselor" in error
    assert "supervisor" in error
    assert await priorities(pool, case_id) == ("urgent", "urgent")
    assert await clear_audit_rows(client, case_id) == []


async def test_unclaimed_case_by_counselor_403(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    case_id = await open_urgent_case(pool)
    response = await clear(client, case_id, first)

    assert response.status_code == 403
    assert response.json()["error"] == (
        f"case {case_id} is not claimed, and only a supervisor may clear the urgent flag of "
        "an unclaimed case; claim it first"
    )
    assert await priorities(pool, case_id) == ("urgent", "urgent")
    assert await clear_audit_rows(client, case_id) == []


async def test_other_claimant_gets_403(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict, second: dict
) -> None:
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    response = await clear(client, case_id, second)

    assert response.status_code == 403
    assert "claimed by 相談員A; only the claimant or a supervisor" in response.json()["error"]
    assert await priorities(pool, case_id) == ("urgent", "urgent")


@pytest.mark.parametrize(
    ("body", "expected_words"),
    [
        ({}, "reason: Field required"),
        ({"reason": None}, "reason: Input should be a valid string"),
        ({"reason": 5}, "reason: Input should be a valid string"),
        ({"reason": REASON, "note": "x"}, "note: Extra inputs are not permitted"),
        ({"reason": ""}, "reason is empty or only whitespace"),
        ({"reason": " \n\u3000"}, "reason is empty or only whitespace"),
        ({"reason": "理由\x00"}, "reason contains the control character U+0000"),
        (
            {"reason": "あ" * (URGENT_CLEAR_REASON_MAX_CHARS + 1)},
            "reason is 501 characters long, but at most 500 are allowed",
        ),
    ],
    ids=[
        "missing",
        "null",
        "number",
        "extra-field",
        "empty",
        "whitespace",
        "control-character",
        "too-long",
    ],
)
async def test_invalid_reason_422(
    client: httpx.AsyncClient,
    pool: asyncpg.Pool,
    first: dict,
    body: dict,
    expected_words: str,
) -> None:
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    response = await client.post(f"/api/cases/{case_id}/clear-urgent", json=body, headers=first)

    assert response.status_code == 422
    assert expected_words in response.json()["error"]
    assert await priorities(pool, case_id) == ("urgent", "urgent")
    assert await clear_audit_rows(client, case_id) == []


async def test_missing_reason_shows_example(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    response = await client.post(f"/api/cases/{case_id}/clear-urgent", headers=first)

    assert response.status_code == 422
    assert response.json()["error"].startswith("invalid request body:")
    assert (
        'Send JSON like {"reason": "<why the case is no longer urgent' in response.json()["error"]
    )


async def test_reason_at_limit_accepted(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    reason = "😀" * URGENT_CLEAR_REASON_MAX_CHARS
    response = await clear(client, case_id, first, reason=reason)

    assert response.status_code == 200
    [row] = await clear_audit_rows(client, case_id)
    assert row["detail"]["reason"] == reason


async def test_not_urgent_is_409(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    result = await receive(pool, minutes=0, urgent=False)
    case_id = str(result.case_id)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    response = await clear(client, case_id, first)

    assert response.status_code == 409
    assert response.json()["error"] == (
        f"case {case_id} is not urgent, and neither is its conversation, so there is no "
        "urgent flag to clear; reload the case to see its current priority"
    )
    assert await clear_audit_rows(client, case_id) == []


async def test_second_clear_is_409(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    cleared = await clear(client, case_id, first)
    again = await clear(client, case_id, first)

    assert cleared.status_code == 200
    assert again.status_code == 409
    assert "is not urgent" in again.json()["error"]
    assert len(await clear_audit_rows(client, case_id)) == 1


async def test_not_urgent_unclaimed_is_409(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    """A counselor gets the 409 about nothing to clear, not the 403 that requires a claim."""
    result = await receive(pool, minutes=0, urgent=False)
    response = await clear(client, str(result.case_id), first)

    assert response.status_code == 409
    assert "is not urgent" in response.json()["error"]


async def test_closed_case_is_409(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict, supervisor: dict
) -> None:
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    await client.post(
        f"/api/cases/{case_id}/close", json={"topics": [], "age_band": "20s"}, headers=first
    )
    response = await clear(client, case_id, supervisor)

    assert response.status_code == 409
    assert response.json()["error"].startswith(
        f"case {case_id} is closed, so its urgent flag cannot be cleared"
    )
    assert await priorities(pool, case_id) == ("urgent", "urgent")


async def test_unknown_case_404(client: httpx.AsyncClient, first: dict) -> None:
    missing = await clear(client, str(UUID(int=1)), first)
    malformed = await clear(client, "not-a-uuid", first)

    assert missing.status_code == 404
    assert missing.json()["error"] == f"case {UUID(int=1)} not found"
    assert malformed.status_code == 422
    assert "case id 'not-a-uuid' is not a valid UUID" in malformed.json()["error"]


async def test_urgent_again_after_new_message(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    await clear(client, case_id, first)

    calm = await receive(pool, minutes=10, urgent=False)
    after_calm = await priorities(pool, case_id)
    urgent = await receive(pool, minutes=20, urgent=True)
    after_urgent = await priorities(pool, case_id)
    body = (await client.get(f"/api/cases/{case_id}", headers=first)).json()

    assert str(calm.case_id) == case_id
    assert after_calm == ("normal", "normal")
    assert str(urgent.case_id) == case_id
    assert after_urgent == ("urgent", "urgent")
    assert body["priority"] == "urgent"
    kinds = [event["kind"] for event in body["events"]]
    assert kinds == ["opened", "claimed", "urgent_cleared", "marked_urgent"]
    assert body["events"][3]["actor"] == "triage"


async def test_cleared_again_after_new_urgency(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    await clear(client, case_id, first)
    await receive(pool, minutes=20, urgent=True)
    second_clear = await clear(client, case_id, first, reason="再度確認した")

    assert second_clear.status_code == 200
    assert await priorities(pool, case_id) == ("normal", "normal")
    rows = await clear_audit_rows(client, case_id)
    assert [row["detail"]["reason"] for row in rows] == ["再度確認した", REASON]


async def test_reopened_case_stays_normal(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    """A case cleared before its close reopens normal, unless the new message is urgent."""
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    await clear(client, case_id, first)
    await client.post(
        f"/api/cases/{case_id}/close", json={"topics": [], "age_band": "20s"}, headers=first
    )

    calm = await receive(pool, minutes=30, urgent=False)
    after_calm = await priorities(pool, case_id)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    await client.post(
        f"/api/cases/{case_id}/close", json={"topics": [], "age_band": "20s"}, headers=first
    )
    urgent = await receive(pool, minutes=60, urgent=True)

    assert str(calm.case_id) == case_id
    assert after_calm == ("normal", "normal")
    assert str(urgent.case_id) == case_id
    assert await priorities(pool, case_id) == ("urgent", "urgent")


async def test_new_case_after_clear_is_normal(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    """A conversation cleared in one case opens its next case normal."""
    case_id = await open_urgent_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    await clear(client, case_id, first)
    closer = await make_account(pool, Role.SUPERVISOR)
    await cases.close_case(
        pool,
        case_id=UUID(case_id),
        principal=closer,
        topics=[],
        age_band="20s",
        request_id="req-close",
        closed_at=T0 + timedelta(hours=1),
    )
    # Two days after the close, past the reopening window, so the message opens a new case.
    later = await receive(pool, minutes=60 * 48, urgent=False)

    assert str(later.case_id) != case_id
    assert await priorities(pool, str(later.case_id)) == ("normal", "normal")


async def test_clear_moves_case_down_queue(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    """The cleared case loses its place ahead of an older wait."""
    older = await receive(pool, "conv-old", minutes=-30, urgent=False)
    case_id = await open_urgent_case(pool, "conv-new")
    before = (await client.get("/api/queue", headers=first)).json()["cases"]
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    await clear(client, case_id, first)
    after = (await client.get("/api/queue", headers=first)).json()["cases"]

    assert [entry["case_id"] for entry in before] == [case_id, str(older.case_id)]
    assert [entry["case_id"] for entry in after] == [str(older.case_id), case_id]


async def test_clear_leaves_other_conversations(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    case_id = await open_urgent_case(pool, "conv-a")
    other_id = await open_urgent_case(pool, "conv-b")
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    await clear(client, case_id, first)

    assert await priorities(pool, case_id) == ("normal", "normal")
    assert await priorities(pool, other_id) == ("urgent", "urgent")
