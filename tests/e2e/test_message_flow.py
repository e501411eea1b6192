"""A LINE message crosses intake, triage, desk and notify on the real broker and database."""

import asyncio
import json
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.structs import TopicPartition

from deploy import replay
from deploy.localstack.services import SERVICES
from shared.schemas.topics import MESSAGE_RECEIVED
from shared.topic_reader import partition_ids
from tests.e2e.stack import Stack, eventually, start_stack, text_body

URGENT_TEXT = "もう消えてしまいたい"
WORK_TEXT = "仕事がうまくいかない"


@pytest.fixture(scope="module")
async def stack(
    kafka_bootstrap: str, postgres_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    """Every service as its own process, on fresh ports and a fresh database."""
    running = await start_stack(
        kafka_bootstrap=kafka_bootstrap,
        postgres_url=postgres_url,
        log_dir=tmp_path_factory.mktemp("logs"),
        names=[spec.name for spec in SERVICES],
    )
    yield running
    await asyncio.to_thread(running.services.stop_all)


async def send_text(client: httpx.AsyncClient, stack: Stack, text: str, user_id: str) -> None:
    response = await stack.post_webhook(client, text_body(text, user_id))
    assert response.status_code == 200, response.text


async def end_offsets(kafka_bootstrap: str, topic: str) -> int:
    """Return the number of records ever written to `topic`, over all its partitions."""
    partitions = [TopicPartition(topic, p) for p in await partition_ids(kafka_bootstrap, topic)]
    assert partitions, f"topic {topic} has no partitions"
    # A throwaway group: without a group_id, aiokafka 0.14's consumer.stop() raises
    # CancelledError. Nothing is committed.
    consumer = AIOKafkaConsumer(
        bootstrap_servers=kafka_bootstrap,
        group_id=f"e2e-offsets-{uuid.uuid4().hex}",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        offsets = await consumer.end_offsets(partitions)
    finally:
        await consumer.stop()
    return sum(offsets.values())


async def test_urgent_message_first_and_reply_pushed(stack: Stack) -> None:
    """An urgent and a normal message reach the queue urgent first; a reply reaches LINE."""
    urgent_user = replay.line_user_id(f"urgent-{uuid.uuid4()}")
    work_user = replay.line_user_id(f"work-{uuid.uuid4()}")
    async with httpx.AsyncClient(timeout=10) as client:
        await send_text(client, stack, WORK_TEXT, work_user)
        await send_text(client, stack, URGENT_TEXT, urgent_user)

        async def queue_with_both() -> list[dict] | None:
            cases = await stack.queue(client)
            return cases if len(cases) >= 2 else None

        cases = await eventually(queue_with_both, waiting_for="both cases in the queue")
        assert [case["last_message"] for case in cases[:2]] == [URGENT_TEXT, WORK_TEXT]
        urgent_case, work_case = cases[0], cases[1]
        assert urgent_case["priority"] == "urgent"
        assert "希死念慮・自傷" in urgent_case["topics"]
        assert work_case["priority"] == "normal"
        assert "仕事・就労関係" in work_case["topics"]
        assert urgent_case["waiting_since"] is not None

        reply_text = "メッセージありがとうございます。相談員です。いま、お話を聞かせてください。"
        response = await client.post(
            stack.url("desk", f"/api/cases/{urgent_case['case_id']}/replies"),
            json={"text": reply_text},
            headers=stack.desk_headers,
        )
        assert response.status_code == 202, response.text

        async def push_to_urgent_user() -> list[dict] | None:
            response = await client.get(stack.url("fakeline", "/fake/requests"))
            # Automatic replies (outside opening hours) go to the same person; only the
            # counselor's reply is counted here.
            pushes = [
                request
                for request in response.json()["requests"]
                if request["path"] == "/v2/bot/message/push"
                and request["body"].get("to") == urgent_user
                and request["body"]["messages"][0]["text"] == reply_text
            ]
            return pushes or None

        pushes = await eventually(push_to_urgent_user, waiting_for="the push to the urgent user")
        assert len(pushes) == 1
        assert pushes[0]["status"] == 200
        assert pushes[0]["body"]["messages"] == [{"type": "text", "text": reply_text}]

        async def reply_marked_sent() -> dict | None:
            case = await stack.case(client, urgent_case["case_id"])
            outbound = [
                m for m in case["messages"] if m["direction"] == "out" and m["text"] == reply_text
            ]
            return outbound[0] if outbound and outbound[0]["delivery_status"] == "sent" else None

        reply = await eventually(
            reply_marked_sent, waiting_for="the reply's delivery status 'sent'"
        )
        assert reply["text"] == reply_text


@pytest.mark.parametrize(
    "signature",
    [None, "", "bm90IHRoZSByaWdodCBzaWduYXR1cmU=", "not base64 at all"],
    ids=["missing", "empty", "wrong", "garbage"],
)
async def test_bad_signature_rejected_unpublished(
    stack: Stack, kafka_bootstrap: str, signature: str | None
) -> None:
    """A webhook without a valid signature gets 401 and adds nothing to the topic."""
    event = replay.build_text_event(WORK_TEXT, replay.line_user_id("p-sig"), 1_770_000_000_000)
    body = replay.build_webhook_body("U" + "0" * 32, [event])
    headers = {"content-type": "application/json"}
    if signature is not None:
        headers["x-line-signature"] = signature
    before = await end_offsets(kafka_bootstrap, MESSAGE_RECEIVED)

    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.post(
            stack.url("intake", "/line/webhook"), content=body, headers=headers
        )

    assert response.status_code == 401
    assert "x-line-signature" in response.json()["error"]
    assert await end_offsets(kafka_bootstrap, MESSAGE_RECEIVED) == before


async def test_signature_with_other_secret_rejected(stack: Stack, kafka_bootstrap: str) -> None:
    """A body signed with another channel's secret gets 401 and adds nothing to the topic."""
    event = replay.build_text_event(WORK_TEXT, replay.line_user_id("p-sig2"), 1_770_000_000_000)
    body = replay.build_webhook_body("U" + "0" * 32, [event])
    before = await end_offsets(kafka_bootstrap, MESSAGE_RECEIVED)

    async with httpx.AsyncClient(timeout=10) as client:
        response = await replay.post_webhook(
            client, stack.url("intake", "/line/webhook"), body, "another-channel-secret"
        )

    assert response.status_code == 401
    assert await end_offsets(kafka_bootstrap, MESSAGE_RECEIVED) == before


async def test_malformed_body_dead_lettered_and_replayable(
    stack: Stack, kafka_bootstrap: str
) -> None:
    """A signed body that is not a LINE body gets 400 and can be listed and replayed."""
    marker = uuid.uuid4().hex
    body = json.dumps({"destination": marker, "events": [{"type": "message"}]}).encode()
    async with httpx.AsyncClient(timeout=10) as client:
        response = await replay.post_webhook(
            client, stack.url("intake", "/line/webhook"), body, stack.secrets["LINE_CHANNEL_SECRET"]
        )
    assert response.status_code == 400
    assert "events.0.mode" in response.json()["error"]

    async def listed() -> str | None:
        result = await run_dead_letters(
            "--bootstrap", kafka_bootstrap, "list", "line.webhook.dlq", "--show-payload"
        )
        lines = result.stdout.splitlines()
        position = next(
            (lines[i - 1].split("\t")[0] for i, line in enumerate(lines) if marker in line), None
        )
        return position

    position = await eventually(listed, waiting_for="the body on line.webhook.dlq")

    result = await run_dead_letters(
        "--bootstrap",
        kafka_bootstrap,
        "replay",
        "line.webhook.dlq",
        position,
        "--intake-url",
        stack.url("intake", "/line/webhook"),
        env={"LINE_CHANNEL_SECRET": stack.secrets["LINE_CHANNEL_SECRET"]},
    )
    assert f"{position}: HTTP 400" in result.stdout


async def test_invalid_record_dead_lettered_then_replayed(
    stack: Stack, kafka_bootstrap: str
) -> None:
    """A record triage cannot read goes to its dead-letter topic and can be sent back."""
    marker = uuid.uuid4().hex
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()
    try:
        await producer.send_and_wait(
            MESSAGE_RECEIVED, json.dumps({"marker": marker}).encode(), key=marker.encode()
        )
    finally:
        await producer.stop()

    async def listed() -> str | None:
        result = await run_dead_letters(
            "--bootstrap", kafka_bootstrap, "list", "line.message.received.dlq", "--show-payload"
        )
        lines = result.stdout.splitlines()
        return next((lines[i - 1] for i, line in enumerate(lines) if marker in line), None)

    line = await eventually(listed, waiting_for="the record on line.message.received.dlq")
    position, _, service, source, error = line.split("\t")
    assert service == "triage"
    assert source.startswith(MESSAGE_RECEIVED)
    assert "correlation_id: Field required" in error

    before = await end_offsets(kafka_bootstrap, MESSAGE_RECEIVED)
    result = await run_dead_letters(
        "--bootstrap", kafka_bootstrap, "replay", "line.message.received.dlq", position
    )
    assert f"{position}: sent back to {MESSAGE_RECEIVED}" in result.stdout
    assert await end_offsets(kafka_bootstrap, MESSAGE_RECEIVED) == before + 1


async def run_dead_letters(
    *arguments: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).parent / "dead-letters"), *arguments]
    return await asyncio.to_thread(
        subprocess.run,
        command,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )
