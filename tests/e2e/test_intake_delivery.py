"""Intake on the real broker: each LINE event arrives once, across processes and outages."""

import asyncio
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from deploy import replay
from deploy.localstack.kafka import LocalKafka
from shared.schemas import MessageReceived
from shared.schemas.topics import MESSAGE_RECEIVED
from shared.topic_reader import read_topic
from tests.e2e.stack import Stack, eventually, published_count, start_stack, text_body

PIPELINE = ["intake", "intake-2", "triage", "desk"]


@pytest.fixture(scope="module")
async def two_intakes(
    kafka_bootstrap: str, postgres_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    """Two intake processes sharing one database, with triage and the desk behind them."""
    running = await start_stack(
        kafka_bootstrap=kafka_bootstrap,
        postgres_url=postgres_url,
        log_dir=tmp_path_factory.mktemp("logs"),
        names=PIPELINE,
        instances={"intake-2": "intake"},
    )
    yield running
    await asyncio.to_thread(running.services.stop_all)


async def messages_of(stack: Stack, client: httpx.AsyncClient, text: str) -> list[dict]:
    """Return the inbound messages with `text` across every case in the queue."""
    found = []
    for case in await stack.queue(client):
        detail = await stack.case(client, case["case_id"])
        found += [m for m in detail["messages"] if m["direction"] == "in" and m["text"] == text]
    return found


async def test_repeated_event_stored_once(two_intakes: Stack, kafka_bootstrap: str) -> None:
    """Copies of one event, in sequence, concurrent and redelivered, make one message."""
    stack = two_intakes
    user_id = replay.line_user_id(f"dup-{uuid.uuid4()}")
    text = f"相談できる人がいない {uuid.uuid4().hex[:6]}"
    webhook_event_id = replay.new_webhook_event_id(1_771_232_700_000)
    body = text_body(text, user_id, webhook_event_id=webhook_event_id)
    redelivered = text_body(text, user_id, webhook_event_id=webhook_event_id, redelivery=True)

    async with httpx.AsyncClient(timeout=15) as client:
        sequential = [
            await stack.post_webhook(client, body, intake="intake"),
            await stack.post_webhook(client, body, intake="intake-2"),
        ]
        concurrent = await asyncio.gather(
            *(stack.post_webhook(client, body, intake=name) for name in ["intake", "intake-2"] * 3)
        )
        redelivery = await stack.post_webhook(client, redelivered, intake="intake-2")

        for response in [*sequential, *concurrent, redelivery]:
            assert response.status_code == 200, response.text

        async def stored() -> list[dict] | None:
            return await messages_of(stack, client, text) or None

        await eventually(stored, waiting_for="the message in the desk")
        # Give any stray copy time to travel the same path before counting.
        await asyncio.sleep(3)
        assert len(await messages_of(stack, client, text)) == 1
        assert await published_count(kafka_bootstrap, MESSAGE_RECEIVED, webhook_event_id) == 1


async def test_distinct_events_both_stored(two_intakes: Stack) -> None:
    """Two events with the same text but different ids are two messages."""
    stack = two_intakes
    user_id = replay.line_user_id(f"distinct-{uuid.uuid4()}")
    text = f"毎日がつらい {uuid.uuid4().hex[:6]}"

    async with httpx.AsyncClient(timeout=15) as client:
        for intake in ["intake", "intake-2"]:
            response = await stack.post_webhook(client, text_body(text, user_id), intake=intake)
            assert response.status_code == 200, response.text

        async def both() -> list[dict] | None:
            found = await messages_of(stack, client, text)
            return found if len(found) == 2 else None

        await eventually(both, waiting_for="both messages in the desk")


async def test_conversation_order_kept(two_intakes: Stack, kafka_bootstrap: str) -> None:
    """One person's messages, sent through both intakes in turn, stay in order on the topic."""
    stack = two_intakes
    user_id = replay.line_user_id(f"order-{uuid.uuid4()}")
    marker = uuid.uuid4().hex[:8]
    texts = [f"{marker} {n}" for n in range(12)]

    async with httpx.AsyncClient(timeout=15) as client:
        for n, text in enumerate(texts):
            intake = "intake" if n % 2 == 0 else "intake-2"
            response = await stack.post_webhook(client, text_body(text, user_id), intake=intake)
            assert response.status_code == 200, response.text

    records = await read_topic(kafka_bootstrap, MESSAGE_RECEIVED)
    # Other tests put invalid records on the same topic; only this person's are read.
    mine = [
        MessageReceived.model_validate_json(record.value)
        for record in records
        if marker.encode() in record.value
    ]
    assert [message.text for message in mine] == texts
    assert len({message.conversation_id for message in mine}) == 1


@pytest.fixture
async def outage_stack(
    local_kafka: LocalKafka, postgres_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[Stack, LocalKafka]]:
    """Intake, triage and the desk on a broker of this test's own that it may stop."""
    running = await start_stack(
        kafka_bootstrap=local_kafka.bootstrap_servers,
        postgres_url=postgres_url,
        log_dir=tmp_path_factory.mktemp("logs"),
        names=["intake", "triage", "desk"],
    )
    yield running, local_kafka
    await asyncio.to_thread(running.services.stop_all)
    if local_kafka.process is None:
        await asyncio.to_thread(local_kafka.start)


async def test_broker_outage_then_redelivery(
    outage_stack: tuple[Stack, LocalKafka],
) -> None:
    """With Kafka down webhooks get 503; redelivered after restart, each arrives once."""
    stack, kafka = outage_stack
    user_id = replay.line_user_id(f"outage-{uuid.uuid4()}")
    texts = [f"仕事がうまくいかない {n} {uuid.uuid4().hex[:6]}" for n in range(3)]
    ids = [replay.new_webhook_event_id(1_771_232_700_000 + n) for n in range(3)]

    async with httpx.AsyncClient(timeout=30) as client:
        await asyncio.to_thread(kafka.stop)

        for text, webhook_event_id in zip(texts, ids, strict=True):
            body = text_body(text, user_id, webhook_event_id=webhook_event_id)
            response = await stack.post_webhook(client, body)
            assert response.status_code == 503, response.text
        health = await client.get(stack.url("intake", "/healthz"))
        assert health.status_code == 200

        await asyncio.to_thread(kafka.start)

        # LINE redelivers until it gets 2xx; do the same, for a bounded time.
        for text, webhook_event_id in zip(texts, ids, strict=True):
            body = text_body(text, user_id, webhook_event_id=webhook_event_id, redelivery=True)

            async def accepted(body: bytes = body) -> httpx.Response | None:
                response = await stack.post_webhook(client, body)
                return response if response.status_code == 200 else None

            await eventually(accepted, waiting_for="intake to accept the redelivered webhook")

        async def all_stored() -> list[list[dict]] | None:
            found = [await messages_of(stack, client, text) for text in texts]
            return found if all(found) else None

        await eventually(all_stored, waiting_for="every redelivered message in the desk")
        await asyncio.sleep(3)
        for text, webhook_event_id in zip(texts, ids, strict=True):
            assert len(await messages_of(stack, client, text)) == 1
            count = await published_count(
                kafka.bootstrap_servers, MESSAGE_RECEIVED, webhook_event_id
            )
            assert count == 1
