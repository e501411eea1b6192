"""subscribe_events on the real broker: retries, dead letters and nothing skipped."""

import asyncio
import uuid

from faststream.kafka import KafkaBroker

from shared.dead_letter_cli import read_dead_letters
from shared.kafka import MAX_ATTEMPTS, ensure_topics, make_broker, publish_event, subscribe_events
from shared.schemas import DeadLettered, ReferralAnswered
from shared.schemas.topics import dead_letter_topic

WAIT_SECONDS = 30.0


def answer(referral_id: uuid.UUID, text: str) -> ReferralAnswered:
    return ReferralAnswered(
        correlation_id=str(referral_id), referral_id=referral_id, agency="生活福祉課", answer=text
    )


async def run_consumer(kafka_bootstrap: str, topic: str, handle) -> KafkaBroker:
    service = f"test-{uuid.uuid4().hex[:8]}"
    broker = make_broker(kafka_bootstrap, service=service)
    subscribe_events(
        broker,
        topic=topic,
        model=ReferralAnswered,
        service=service,
        handle=handle,
        retry_delay=0.01,
    )
    await broker.start()
    return broker


async def dead_letters(kafka_bootstrap: str, topic: str) -> list[DeadLettered]:
    return [record for _, _, record in await read_dead_letters(kafka_bootstrap, topic)]


async def wait_until_handled(handled: list) -> None:
    async with asyncio.timeout(WAIT_SECONDS):
        while not handled:  # noqa: ASYNC110 - the handler appends from the broker's task
            await asyncio.sleep(0.05)


async def test_failing_record_dead_lettered_then_next_handled(kafka_bootstrap: str) -> None:
    """A record whose handler always fails is dead-lettered; the record after it is handled."""
    topic = f"test.retries.{uuid.uuid4().hex[:8]}"
    await ensure_topics(kafka_bootstrap, [topic, dead_letter_topic(topic)], partitions=1)
    poison, healthy = uuid.uuid4(), uuid.uuid4()
    attempts: dict[uuid.UUID, int] = {}
    handled: list[uuid.UUID] = []

    async def handle(event: ReferralAnswered) -> None:
        attempts[event.referral_id] = attempts.get(event.referral_id, 0) + 1
        if event.referral_id == poison:
            raise ValueError("cannot store this answer")
        handled.append(event.referral_id)

    broker = await run_consumer(kafka_bootstrap, topic, handle)
    try:
        await publish_event(broker, answer(poison, "x"), topic=topic, key="same-key")
        await publish_event(broker, answer(healthy, "y"), topic=topic, key="same-key")
        await wait_until_handled(handled)
    finally:
        await broker.stop()
    dead = await dead_letters(kafka_bootstrap, dead_letter_topic(topic))

    assert attempts[poison] == MAX_ATTEMPTS
    assert handled == [healthy]
    assert len(dead) == 1
    assert dead[0].source_topic == topic
    assert "ValueError: cannot store this answer" in dead[0].error
    assert str(poison) in dead[0].payload


async def test_transient_failure_retried_until_success(kafka_bootstrap: str) -> None:
    """An outage-like error is retried past MAX_ATTEMPTS and the record is not dead-lettered."""
    topic = f"test.retries.{uuid.uuid4().hex[:8]}"
    await ensure_topics(kafka_bootstrap, [topic, dead_letter_topic(topic)], partitions=1)
    referral_id = uuid.uuid4()
    failures_left = MAX_ATTEMPTS + 2
    handled: list[uuid.UUID] = []

    async def handle(event: ReferralAnswered) -> None:
        nonlocal failures_left
        if failures_left:
            failures_left -= 1
            raise ConnectionRefusedError("database restarting")
        handled.append(event.referral_id)

    broker = await run_consumer(kafka_bootstrap, topic, handle)
    try:
        await publish_event(broker, answer(referral_id, "z"), topic=topic, key="k")
        await wait_until_handled(handled)
    finally:
        await broker.stop()

    assert handled == [referral_id]
    assert await dead_letters(kafka_bootstrap, dead_letter_topic(topic)) == []
