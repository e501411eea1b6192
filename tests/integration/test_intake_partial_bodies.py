"""Intake on the real Kafka broker and PostgreSQL: bodies with invalid events, large bodies,
lone surrogates, and the dead-letters command that replays a corrected event.

The intake app is served by uvicorn on a free port of 127.0.0.1, because the dead-letters
command posts to a URL.
"""

import asyncio
import json
import secrets
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import uvicorn
from pydantic import SecretStr

from deploy import replay
from deploy.localstack.processes import free_ports
from services.intake.app import WEBHOOK_DEAD_LETTERS, create_app
from services.intake.settings import IntakeSettings
from shared import dead_letter_cli
from shared.channels import LineChannel
from shared.schemas import DeadLettered, MessageReceived
from shared.schemas.topics import MESSAGE_RECEIVED
from shared.topic_reader import read_topic

SECRET = secrets.token_hex(16)
CHANNEL = LineChannel(name="consultation", secret=SecretStr(SECRET))
BOT_ID = "U9d74932bdb6f21dc7ab21d6fc5260f47"
TIMESTAMP_MS = 1_771_289_100_000
START_TIMEOUT_SECONDS = 30


@pytest.fixture
async def intake_url(kafka_bootstrap: str, database_url: str) -> AsyncIterator[str]:
    """URL of an intake app with the default settings, served on 127.0.0.1."""
    settings = IntakeSettings(kafka_bootstrap_servers=kafka_bootstrap, database_url=database_url)
    (port,) = free_ports(1)
    config = uvicorn.Config(
        create_app(settings, (CHANNEL,)),
        host="127.0.0.1",
        port=port,
        log_config=None,
        access_log=False,
        lifespan="on",
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    async with asyncio.timeout(START_TIMEOUT_SECONDS):
        while not server.started:
            assert not task.done(), "intake stopped while starting"
            await asyncio.sleep(0.05)
    yield f"http://127.0.0.1:{port}/line/webhook"
    server.should_exit = True
    await asyncio.wait_for(task, timeout=START_TIMEOUT_SECONDS)


def text_event(text: str = "こんにちは", **changes: Any) -> dict[str, Any]:
    user_id = replay.line_user_id(f"partial-{uuid.uuid4()}")
    event = replay.build_text_event(text, user_id, TIMESTAMP_MS)
    event.update(changes)
    return event


async def post(url: str, raw: bytes) -> httpx.Response:
    async with httpx.AsyncClient(timeout=30) as client:
        return await replay.post_webhook(client, url, raw, SECRET)


async def published(kafka_bootstrap: str, ids: set[str]) -> list[MessageReceived]:
    # Other tests share the topic and put records of other shapes on it.
    records = await read_topic(kafka_bootstrap, MESSAGE_RECEIVED)
    values = [record.value for record in records]
    mine = [value for value in values if json.loads(value).get("webhook_event_id") in ids]
    return [MessageReceived.model_validate_json(value) for value in mine]


async def dead_letters(
    kafka_bootstrap: str, webhook_event_id: str
) -> list[tuple[str, DeadLettered]]:
    records = await dead_letter_cli.read_dead_letters(kafka_bootstrap, WEBHOOK_DEAD_LETTERS)
    return [
        (f"{partition}@{offset}", record)
        for partition, offset, record in records
        if record.correlation_id == webhook_event_id
    ]


async def run_dead_letters(*arguments: str) -> int:
    # main() calls asyncio.run, which cannot run inside this test's event loop.
    return await asyncio.to_thread(dead_letter_cli.main, list(arguments))


async def test_invalid_event_kept_valid_published(
    intake_url: str, kafka_bootstrap: str, tmp_path, capsys, monkeypatch
) -> None:
    """The valid event is published, and the invalid one is replayed once corrected."""
    valid, invalid = text_event(), text_event(timestamp=None)
    body = replay.build_webhook_body(BOT_ID, [valid, invalid])

    response = await post(intake_url, body)

    assert response.status_code == 200, response.text
    assert response.json()["accepted"] == 1
    assert "events.1.timestamp" in response.json()["rejected"][0]["error"]
    ids = {valid["webhookEventId"], invalid["webhookEventId"]}
    assert [m.webhook_event_id for m in await published(kafka_bootstrap, ids)] == [
        valid["webhookEventId"]
    ]
    ((position, record),) = await dead_letters(kafka_bootstrap, invalid["webhookEventId"])
    assert json.loads(record.payload)["events"] == [invalid]

    capsys.readouterr()
    assert (
        await run_dead_letters(
            "--bootstrap", kafka_bootstrap, "payload", WEBHOOK_DEAD_LETTERS, position
        )
        == 0
    )
    corrected = json.loads(capsys.readouterr().out)
    corrected["events"][0]["timestamp"] = TIMESTAMP_MS
    fixed = tmp_path / "fixed.json"
    fixed.write_text(json.dumps(corrected, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("LINE_CHANNEL_SECRET", SECRET)
    arguments = ["--bootstrap", kafka_bootstrap, "replay", WEBHOOK_DEAD_LETTERS, position]
    arguments += ["--intake-url", intake_url, "--payload-file", str(fixed)]

    status = await run_dead_letters(*arguments)
    status_again = await run_dead_letters(*arguments)

    output = capsys.readouterr().out
    assert status == 0, output
    assert status_again == 0, output
    assert f"{position}: HTTP 200" in output
    events = await published(kafka_bootstrap, ids)
    assert sorted(m.webhook_event_id for m in events) == sorted(ids)


async def test_eighteen_long_texts_accepted(intake_url: str, kafka_bootstrap: str) -> None:
    """A body of 18 texts of 5,000 characters, over the old 262,144-byte limit, is stored."""
    events = [text_event("つ" * 5_000) for _ in range(18)]
    body = replay.build_webhook_body(BOT_ID, events)
    assert len(body) > 262_144

    response = await post(intake_url, body)

    assert response.status_code == 200, response.text
    assert response.json() == {"accepted": 18}
    ids = {event["webhookEventId"] for event in events}
    assert len(await published(kafka_bootstrap, ids)) == 18


async def test_lone_surrogate_published_as_fffd(intake_url: str, kafka_bootstrap: str) -> None:
    """A text with the escape \\ud800 is stored with U+FFFD in place of the surrogate."""
    event = text_event("もう\ud800むり")
    body = json.dumps({"destination": BOT_ID, "events": [event]}).encode("ascii")

    response = await post(intake_url, body)

    assert response.status_code == 200, response.text
    (message,) = await published(kafka_bootstrap, {event["webhookEventId"]})
    assert message.text == "もう\ufffdむり"
