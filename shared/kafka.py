"""Kafka plumbing shared by the services: topics, producers and at-least-once consumers."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

import structlog
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from pydantic import ValidationError

from shared.schemas import DeadLettered, Event
from shared.schemas.topics import dead_letter_topic

log = structlog.get_logger()

EventT = TypeVar("EventT", bound=Event)

DEFAULT_PARTITIONS = 3
RETRY_DELAY_SECONDS = 1.0


def make_broker(bootstrap_servers: str, *, service: str) -> KafkaBroker:
    """Create a broker whose producer is idempotent and waits for acks from all replicas."""
    return KafkaBroker(
        bootstrap_servers,
        client_id=service,
        enable_idempotence=True,
        graceful_timeout=10.0,
        logger=None,
    )


async def ensure_topics(
    bootstrap_servers: str, topics: Iterable[str], *, partitions: int = DEFAULT_PARTITIONS
) -> None:
    """Create the topics that do not exist yet, each with `partitions` partitions."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, client_id="topic-setup")
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [
            NewTopic(name=topic, num_partitions=partitions, replication_factor=1)
            for topic in topics
            if topic not in existing
        ]
        if not missing:
            return
        try:
            await admin.create_topics(missing)
        except TopicAlreadyExistsError:
            pass  # another service created them first
        log.info("topics_created", topics=[topic.name for topic in missing])
    finally:
        await admin.close()


async def publish_event(broker: KafkaBroker, event: Event, *, topic: str, key: str) -> None:
    """Publish `event` and wait until the broker has stored it."""
    await broker.publish(
        event.model_dump_json().encode(),
        topic=topic,
        key=key.encode(),
        headers={"correlation_id": event.correlation_id, "content-type": "application/json"},
        correlation_id=event.correlation_id,
    )


def subscribe_events(
    broker: KafkaBroker,
    *,
    topic: str,
    model: type[EventT],
    service: str,
    handle: Callable[[EventT], Awaitable[None]],
    retry_delay: float = RETRY_DELAY_SECONDS,
) -> None:
    """Consume `topic` at least once: commit after `handle` returns, seek back when it raises.

    A record that is not a valid `model` goes to the topic's dead-letter topic and is
    committed, so one bad record cannot stop the partition. Any other error is retried
    after `retry_delay` seconds until it succeeds, so `handle` must be idempotent.
    """

    @broker.subscriber(
        topic,
        group_id=service,
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.NACK_ON_ERROR,
    )
    async def consume(message: KafkaMessage) -> None:
        record = message.raw_message
        record_context = {
            "topic": record.topic,
            "partition": record.partition,
            "offset": record.offset,
        }
        try:
            event = model.model_validate_json(message.body)
        except ValidationError as error:
            await _dead_letter(broker, record, service=service, error=error)
            log.warning(
                "record_dead_lettered",
                **record_context,
                reason=_describe_validation_error(error),
            )
            return

        with structlog.contextvars.bound_contextvars(
            **record_context, correlation_id=event.correlation_id
        ):
            try:
                await handle(event)
            except Exception as error:
                log.warning(
                    "handler_failed_will_retry",
                    error_type=type(error).__name__,
                    error=str(error),
                    retry_in_seconds=retry_delay,
                )
                await asyncio.sleep(retry_delay)
                raise


async def _dead_letter(broker: KafkaBroker, record, *, service: str, error: Exception) -> None:
    key = record.key.decode(errors="replace") if record.key else None
    dead_letter = DeadLettered(
        correlation_id=_header(record, "correlation_id") or f"dlq-{record.topic}-{record.offset}",
        service=service,
        source_topic=record.topic,
        source_partition=record.partition,
        source_offset=record.offset,
        key=key,
        error=_describe_validation_error(error),
        payload=(record.value or b"").decode(errors="replace"),
    )
    await publish_event(
        broker, dead_letter, topic=dead_letter_topic(record.topic), key=key or record.topic
    )


def _header(record, name: str) -> str | None:
    for header_name, value in record.headers or ():
        if header_name == name:
            return value.decode(errors="replace")
    return None


def _describe_validation_error(error: Exception) -> str:
    if not isinstance(error, ValidationError):
        return str(error)
    parts = []
    for detail in error.errors(include_input=False, include_url=False):
        location = ".".join(str(part) for part in detail["loc"]) or "(record)"
        parts.append(f"{location}: {detail['msg']}")
    return "; ".join(parts)
