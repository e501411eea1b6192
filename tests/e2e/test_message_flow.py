"""A LINE message crosses intake, triage, desk and notify on the real broker and database."""

import asyncio
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TypeVar

import httpx
import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.structs import TopicPartition

from deploy import replay
from deploy.localstack import postgres as local_postgres
from deploy.localstack.processes import free_ports
from deploy.localstack.services import SERVICES, ServiceGroup, base_env
from shared.kafka import ensure_topics
from shared.schemas.topics import ALL_DEAD_LETTER_TOPICS, ALL_TOPICS, MESSAGE_RECEIVED

WAIT_SECONDS = 60.0
URGENT_TEXT = "もう消えてしまいたい"
WORK_TEXT = "仕事がうまくいかない"

T = TypeVar("T")


class Stack:
    def __init__(self, services: ServiceGroup, secret_values: dict[str, str]) -> None:
        self.services = services
        self.secrets = secret_values

    def url(self, service: str, path: str) -> str:
        return f"http://127.0.0.1:{self.services.ports[service]}{path}"

    @property
    def desk_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.secrets['DESK_API_TOKEN']}"}


@pytest.fixture(scope="module")
async def stack(
    kafka_bootstrap: str, postgres_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    """Every service as its own process, on fresh ports and a fresh database."""
    name = f"e2e_{uuid.uuid4().hex[:12]}"
    await local_postgres.create_database(postgres_url, name)
    await ensure_topics(kafka_bootstrap, [*ALL_TOPICS, *ALL_DEAD_LETTER_TOPICS])

    secret_values = {
        "LINE_CHANNEL_SECRET": secrets.token_hex(16),
        "LINE_CHANNEL_ACCESS_TOKEN": secrets.token_hex(16),
        "DESK_API_TOKEN": secrets.token_hex(16),
    }
    ports = dict(zip((spec.name for spec in SERVICES), free_ports(len(SERVICES)), strict=True))
    env = base_env(
        kafka_bootstrap_servers=kafka_bootstrap,
        database_url=local_postgres.database_url(postgres_url, name),
        secrets=secret_values,
        ports=ports,
    )
    services = ServiceGroup(log_dir=tmp_path_factory.mktemp("logs"), env=env, ports=ports)
    try:
        await asyncio.to_thread(services.start_all, [spec.name for spec in SERVICES])
        yield Stack(services, secret_values)
    finally:
        await asyncio.to_thread(services.stop_all)


async def eventually(check: Callable[[], Awaitable[T | None]], *, what: str) -> T:
    """Poll `check` until it returns a value, failing after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        result = await check()
        if result is not None:
            return result
        await asyncio.sleep(0.3)
    raise AssertionError(f"timed out after {WAIT_SECONDS:.0f} s waiting for {what}")


async def send_text(client: httpx.AsyncClient, stack: Stack, text: str, user_id: str) -> None:
    event = replay.build_text_event(text, user_id, int(time.time() * 1000))
    body = replay.build_webhook_body("U" + "0" * 32, [event])
    response = await replay.post_webhook(
        client, stack.url("intake", "/line/webhook"), body, stack.secrets["LINE_CHANNEL_SECRET"]
    )
    assert response.status_code == 200, response.text


async def end_offsets(kafka_bootstrap: str, topic: str) -> int:
    # With no group_id, aiokafka 0.14's consumer.stop() raises CancelledError; a throwaway
    # group that commits nothing avoids that path.
    consumer = AIOKafkaConsumer(
        bootstrap_servers=kafka_bootstrap,
        group_id=f"e2e-offsets-{uuid.uuid4().hex}",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
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
            response = await client.get(stack.url("desk", "/api/queue"), headers=stack.desk_headers)
            assert response.status_code == 200, response.text
            cases = response.json()["cases"]
            return cases if len(cases) >= 2 else None

        cases = await eventually(queue_with_both, what="both cases in the queue")
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
            pushes = [
                request
                for request in response.json()["requests"]
                if request["path"] == "/v2/bot/message/push"
                and request["body"].get("to") == urgent_user
            ]
            return pushes or None

        pushes = await eventually(push_to_urgent_user, what="the push to the urgent user")
        assert len(pushes) == 1
        assert pushes[0]["status"] == 200
        assert pushes[0]["body"]["messages"] == [{"type": "text", "text": reply_text}]

        async def reply_marked_sent() -> dict | None:
            response = await client.get(
                stack.url("desk", f"/api/cases/{urgent_case['case_id']}"),
                headers=stack.desk_headers,
            )
            outbound = [m for m in response.json()["messages"] if m["direction"] == "out"]
            return outbound[0] if outbound and outbound[0]["delivery_status"] == "sent" else None

        reply = await eventually(reply_marked_sent, what="the reply's delivery status 'sent'")
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
