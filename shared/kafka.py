"""Kafka plumbing shared by the services: topics, producers and at-least-once consumers."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

import asyncpg
import structlog
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from prometheus_client import Counter
from pydantic import ValidationError

from shared.schemas import DeadLettered, Event
from shared.schemas.topics import dead_letter_topic

log = structlog.get_logger()

EventT = TypeVar("EventT", bound=Event)

DEFAULT_PARTITIONS = 3
RETRY_DELAY_SECONDS = 1.0
MAX_RETRY_DELAY_SECONDS = 30.0
# A record whose handler keeps failing for another reason than an outage is moved to the
# dead-letter topic after this many attempts, so it cannot block its partition for good.
MAX_ATTEMPTS = 5
# Failures of an outage: retried without limit, because the record itself is fine.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    TimeoutError,
    KafkaError,
    asyncpg.PostgresConnectionError,
    asyncpg.CannotConnectNowError,
    asyncpg.TooManyConnectionsError,
    asyncpg.InterfaceError,
    # Concurrent transactions: trying again after the other one finished succeeds.
    asyncpg.DeadlockDetectedError,
    asyncpg.SerializationError,
)

HANDLER_FAILURES = Counter(
    "consumer_handler_failures",
    "Handler failures by topic and whether they are retried or dead-lettered",
    ["topic", "action"],
)
DEAD_LETTERED = Counter("consumer_dead_lettered", "Records moved to a dead-letter topic", ["topic"])


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
    committed, so one bad record cannot stop the partition. An outage (TRANSIENT_ERRORS) is
    retried with a growing delay until it ends. Any other error is retried up to
    MAX_ATTEMPTS times, and then the record goes to the dead-letter topic. `handle` must be
    idempotent, because a retried record may have had part of its effect.
    """
    attempts: dict[tuple[int, int], int] = {}

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
            DEAD_LETTERED.labels(record.topic).inc()
            log.warning(
                "record_dead_lettered",
                **record_context,
                reason=_describe_validation_error(error),
            )
            return

        with structlog.contextvars.bound_contextvars(
            **record_context, correlation_id=event.correlation_id
        ):
            position = (record.partition, record.offset)
            try:
                await handle(event)
            except Exception as error:
                attempt = attempts.get(position, 0) + 1
                attempts[position] = attempt
                if isinstance(error, TRANSIENT_ERRORS) or attempt < MAX_ATTEMPTS:
                    delay = min(retry_delay * 2 ** (attempt - 1), MAX_RETRY_DELAY_SECONDS)
                    HANDLER_FAILURES.labels(record.topic, "retried").inc()
                    log.warning(
                        "handler_failed_will_retry",
                        error_type=type(error).__name__,
                        error=str(error),
                        attempt=attempt,
                        retry_in_seconds=delay,
                    )
                    await asyncio.sleep(delay)
                    raise
                attempts.pop(position, None)
                await _dead_letter(broker, record, service=service, error=error)
                HANDLER_FAILURES.labels(record.topic, "dead_lettered").inc()
                DEAD_LETTERED.labels(record.topic).inc()
                log.error(
                    "record_dead_lettered",
                    error_type=type(error).__name__,
                    error=str(error),
                    attempts=attempt,
                )
                return
            attempts.pop(position, None)


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
        return f"{type(error).__name__}: {error}"
    parts = []
    for detail in error.errors(include_input=False, include_url=False):
        location = ".".join(str(part) for part in detail["loc"]) or "(record)"
        parts.append(f"{location}: {detail['msg']}")
    return "; ".join(parts)
