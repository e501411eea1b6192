"""The case routes over HTTP: moves and their errors, the audit log and the corrections export."""

import json
from uuid import UUID

import asyncpg
import httpx

from services.desk import store
from services.desk.domain import Role
from shared.schemas import MessageKind, Topic
from tests.integration.test_desk_helpers import (
    T0,
    bearer_headers,
    make_account,
    operator_headers,
    triaged,
)


async def open_case(pool: asyncpg.Pool, conversation_id: str = "conv-a", **changes: object) -> str:
    result = await store.record_triaged_message(pool, event=triaged(conversation_id, **changes))
    return str(result.case_id)


async def test_claim_conflict_is_409(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict, second: dict
) -> None:
    case_id = await open_case(pool)
    won = await client.post(f"/api/cases/{case_id}/claim", headers=first)
    lost = await client.post(f"/api/cases/{case_id}/claim", headers=second)
    queue = await client.get("/api/queue", headers=second)

    assert won.status_code == 200
    assert won.json()["state"] == "claimed"
    assert won.json()["claimed_by_name"] == "相談員A"
    assert lost.status_code == 409
    assert lost.json()["error"].startswith(f"case {case_id} is already claimed by 相談員A")
    [entry] = queue.json()["cases"]
    assert entry["state"] == "claimed"
    assert entry["claimed_by"] == won.json()["claimed_by"]


async def test_reply_by_non_claimant_is_403(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict, second: dict
) -> None:
    case_id = await open_case(pool)
    before_claim = await client.post(
        f"/api/cases/{case_id}/replies", json={"text": "はい"}, headers=first
    )
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    other = await client.post(
        f"/api/cases/{case_id}/replies", json={"text": "はい"}, headers=second
    )
    own = await client.post(f"/api/cases/{case_id}/replies", json={"text": "はい"}, headers=first)

    assert before_claim.status_code == 409
    assert "from 'open' to 'waiting'" in before_claim.json()["error"]
    assert other.status_code == 403
    assert "claimed by 相談員A" in other.json()["error"]
    assert own.status_code == 202
    case = await client.get(f"/api/cases/{case_id}", headers=first)
    assert case.json()["state"] == "waiting"


async def test_transfer_and_release(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict, second: dict
) -> None:
    case_id = await open_case(pool)
    second_id = (await client.get("/api/me", headers=second)).json()["account_id"]
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    invalid = await client.post(
        f"/api/cases/{case_id}/transfer", json={"to_account_id": "x"}, headers=first
    )
    moved = await client.post(
        f"/api/cases/{case_id}/transfer", json={"to_account_id": second_id}, headers=first
    )
    released = await client.post(f"/api/cases/{case_id}/release", headers=second)

    assert invalid.status_code == 422
    assert "to_account_id" in invalid.json()["error"]
    assert moved.status_code == 200
    assert moved.json()["claimed_by"] == second_id
    assert released.status_code == 200
    assert released.json()["state"] == "open"
    assert released.json()["claimed_by"] is None


async def test_close_via_api(client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict) -> None:
    case_id = await open_case(pool, topics=(Topic.WORK,))
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    path = f"/api/cases/{case_id}/close"
    missing = await client.post(path, json={"topics": []}, headers=first)
    bad_band = await client.post(path, json={"topics": [], "age_band": "80s"}, headers=first)
    bad_topic = await client.post(path, json={"topics": ["家庭"], "age_band": "20s"}, headers=first)
    closed = await client.post(
        path, json={"topics": [Topic.FAMILY.value], "age_band": "20s"}, headers=first
    )
    again = await client.post(path, json={"topics": [], "age_band": "20s"}, headers=first)

    assert missing.status_code == 422
    assert "age_band" in missing.json()["error"]
    assert bad_band.status_code == 422
    assert "'70s+'" in bad_band.json()["error"]
    assert bad_topic.status_code == 422
    assert closed.status_code == 200
    assert closed.json()["confirmed_topics"] == [Topic.FAMILY.value]
    assert closed.json()["topics"] == [Topic.WORK.value]
    assert closed.json()["age_band"] == "20s"
    assert again.status_code == 409
    assert "'closed'" in again.json()["error"]


async def test_case_view_has_timeline(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    case_id = await open_case(pool)
    await client.post(f"/api/cases/{case_id}/claim", headers=first)
    body = (await client.get(f"/api/cases/{case_id}", headers=first)).json()

    assert [event["kind"] for event in body["events"]] == ["opened", "claimed"]
    assert body["events"][1]["from_state"] == "open"
    assert body["events"][1]["to_state"] == "claimed"
    assert body["events"][1]["actor"] == body["claimed_by"]
    assert body["events"][1]["occurred_at"] is not None


async def test_audit_rows_per_case(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    """Each read and change of a case writes one row with the request's X-Request-ID."""
    case_id = await open_case(pool)
    claim = await client.post(
        f"/api/cases/{case_id}/claim", headers={**first, "X-Request-ID": "req-claim-1"}
    )
    read = await client.get(f"/api/cases/{case_id}", headers=first)
    await client.post(f"/api/cases/{case_id}/replies", json={"text": "はい"}, headers=first)
    missing = await client.get(f"/api/cases/{UUID(int=1)}", headers=first)
    response = await client.get(f"/api/audit?case_id={case_id}", headers=operator_headers())

    assert claim.headers["X-Request-ID"] == "req-claim-1"
    assert missing.status_code == 404
    entries = response.json()["entries"]
    assert [entry["action"] for entry in entries] == ["reply.create", "case.read", "case.claim"]
    assert entries[2]["request_id"] == "req-claim-1"
    assert entries[1]["request_id"] == read.headers["X-Request-ID"]
    assert {entry["account_name"] for entry in entries} == {"相談員A"}
    invalid = await client.get("/api/audit?case_id=abc", headers=operator_headers())
    assert invalid.status_code == 422
    assert "case_id 'abc'" in invalid.json()["error"]


async def test_corrections_export(
    client: httpx.AsyncClient, pool: asyncpg.Pool, first: dict
) -> None:
    corrected = await open_case(pool, "conv-a", text="仕事がつらい", topics=(Topic.WORK,))
    await store.record_triaged_message(
        pool, event=triaged("conv-a", sent_at=T0.replace(minute=5), text="家でも話せない")
    )
    await store.record_triaged_message(
        pool, event=triaged("conv-a", sent_at=T0.replace(minute=6), kind=MessageKind.STICKER)
    )
    agreed = await open_case(pool, "conv-b", text="ひとりです", topics=(Topic.LONELINESS,))
    await open_case(pool, "conv-c", text="まだ途中")
    confirmed = {
        corrected: [Topic.WORK.value, Topic.FAMILY.value],
        agreed: [Topic.LONELINESS.value],
    }
    for case_id, topics in confirmed.items():
        await client.post(f"/api/cases/{case_id}/claim", headers=first)
        await client.post(
            f"/api/cases/{case_id}/close",
            json={"topics": topics, "age_band": "30s"},
            headers=first,
        )

    response = await client.get("/api/exports/corrections.jsonl", headers=operator_headers())
    lines = [json.loads(line) for line in response.text.splitlines()]

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert [line["case_id"] for line in lines] == [corrected, agreed]
    assert lines[0]["text"] == "仕事がつらい\n家でも話せない"
    assert lines[0]["triage_topics"] == [Topic.WORK.value]
    assert lines[0]["confirmed_topics"] == [Topic.FAMILY.value, Topic.WORK.value]
    assert lines[0]["corrected"] is True
    assert lines[1]["corrected"] is False
    none_yet = await client.get(
        "/api/exports/corrections.jsonl?from=2000-01-01&to=2000-01-02", headers=operator_headers()
    )
    assert none_yet.text == ""


async def test_city_sees_no_texts(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    """The city's report contains counts only, never a message text or a LINE id."""
    await open_case(pool, "conv-a", text="秘密の相談内容")
    city = await bearer_headers(pool, await make_account(pool, Role.CITY))
    report = await client.get("/api/reports?from=2025-03-01&to=2025-03-01", headers=city)
    report_csv = await client.get("/api/reports.csv?from=2025-03-01&to=2025-03-01", headers=city)
    queue = await client.get("/api/queue", headers=city)

    assert report.status_code == 200
    assert report.json()["consultations"] == 1
    for body in (report.text, report_csv.text):
        assert "秘密の相談内容" not in body
        assert "Uconv-a" not in body
        assert "conv-a" not in body
    assert queue.status_code == 403
    assert "秘密" not in queue.text
