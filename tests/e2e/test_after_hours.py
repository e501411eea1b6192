"""Outside opening hours, on the real broker: automatic replies and the supervisor alert."""

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from deploy import replay
from shared.schemas.topics import ALERT_RAISED
from shared.topic_reader import read_topic
from tests.e2e.stack import Stack, eventually, start_stack, text_body

TOKYO = ZoneInfo("Asia/Tokyo")


def closed_around_today() -> str:
    """Return a DESK_CLOSED_DATES range that closes the desk for the whole test run."""
    today = datetime.now(TOKYO).date()
    return f"{today - timedelta(days=1)}..{today + timedelta(days=1)}"


@pytest.fixture(scope="module")
async def closed_desk(
    kafka_bootstrap: str, postgres_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    running = await start_stack(
        kafka_bootstrap=kafka_bootstrap,
        postgres_url=postgres_url,
        log_dir=tmp_path_factory.mktemp("logs"),
        names=["intake", "triage", "desk", "notify"],
        extra_env={"DESK_CLOSED_DATES": closed_around_today()},
    )
    yield running
    await asyncio.to_thread(running.services.stop_all)


async def pushes_to(stack: Stack, client: httpx.AsyncClient, user_id: str) -> list[str]:
    response = await client.get(stack.url("fakeline", "/fake/requests"))
    return [
        request["body"]["messages"][0]["text"]
        for request in response.json()["requests"]
        if request["path"] == "/v2/bot/message/push" and request["body"].get("to") == user_id
    ]


async def test_after_hours_reply_once_per_period(closed_desk: Stack) -> None:
    """Two messages in one closed period get one automatic reply saying when counselors answer."""
    stack = closed_desk
    user_id = replay.line_user_id(f"night-{uuid.uuid4()}")
    async with httpx.AsyncClient(timeout=15) as client:
        for text in ["眠れなくて、誰かとつながりたい", "明日また連絡します"]:
            response = await stack.post_webhook(client, text_body(text, user_id))
            assert response.status_code == 200, response.text

        async def replied() -> list[str] | None:
            return await pushes_to(stack, client, user_id) or None

        await eventually(replied, waiting_for="the after-hours reply")

        async def both_stored() -> list[dict] | None:
            cases = [
                c for c in await stack.queue(client) if c["last_message"] == "明日また連絡します"
            ]
            return cases or None

        await eventually(both_stored, waiting_for="the second message in the desk")
        await asyncio.sleep(3)
        pushes = await pushes_to(stack, client, user_id)
    assert len(pushes) == 1
    assert "相談員" in pushes[0]


async def test_urgent_after_hours_crisis_reply_and_alert(
    closed_desk: Stack, kafka_bootstrap: str
) -> None:
    """An urgent message outside hours gets the crisis reply at once and raises an alert."""
    stack = closed_desk
    user_id = replay.line_user_id(f"crisis-{uuid.uuid4()}")
    async with httpx.AsyncClient(timeout=15) as client:
        response = await stack.post_webhook(client, text_body("もう消えてしまいたい", user_id))
        assert response.status_code == 200, response.text

        async def crisis_reply() -> list[str] | None:
            pushes = await pushes_to(stack, client, user_id)
            return [text for text in pushes if "0570-783-556" in text] or None

        await eventually(crisis_reply, waiting_for="the crisis reply")
        urgent_case = next(
            case
            for case in await stack.queue(client)
            if case["last_message"] == "もう消えてしまいたい"
        )

    async def alert() -> dict | None:
        records = await read_topic(kafka_bootstrap, ALERT_RAISED)
        alerts = [json.loads(record.value) for record in records]
        mine = [a for a in alerts if a["case_id"] == urgent_case["case_id"]]
        return mine[0] if mine else None

    raised = await eventually(alert, waiting_for="the alert on desk.alert.raised")
    assert raised["kind"] == "urgent_after_hours"
    assert raised["conversation_id"] == urgent_case["conversation_id"]
    assert "もう消えてしまいたい" not in json.dumps(raised, ensure_ascii=False)
