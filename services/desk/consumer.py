"""Kafka side of the desk: handlers of consumed events and the relay that publishes the outbox."""

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import suppress

import asyncpg
import structlog
from faststream.kafka import KafkaBroker
from prometheus_client import Counter
from pydantic import ValidationError

from services.desk import store
from services.desk.domain import InboundAction
from services.desk.hours import ALERT_RAISED, AfterHoursResponder, AlertRaised
from shared.kafka import publish_event, subscribe_events
from shared.schemas import Event, MessageTriaged, ReplyDelivered, ReplyRequested
from shared.schemas.topics import MESSAGE_TRIAGED, REPLY_DELIVERED, REPLY_REQUESTED

log = structlog.get_logger()

SERVICE = "desk"
CONSUMED_TOPICS = (MESSAGE_TRIAGED, REPLY_DELIVERED)
PUBLISHED_TOPICS = (REPLY_REQUESTED, ALERT_RAISED)

# Event model of each topic that the outbox may contain.
OUTBOX_MODELS: dict[str, type[Event]] = {
    REPLY_REQUESTED: ReplyRequested,
    ALERT_RAISED: AlertRaised,
}

OUTBOX_INTERVAL_SECONDS = 0.5
OUTBOX_BATCH_SIZE = 100

INBOUND_MESSAGES_STORED = Counter(
    "desk_inbound_messages_stored",
    "Inbound messages stored, by whether they joined a case, opened one or neither.",
    ["action"],
)
INBOUND_NOT_STORED = Counter(
    "desk_inbound_not_stored",
    "Inbound events from a LINE group or room, which the desk drops without storing.",
    ["source_type"],
)
INBOUND_DUPLICATES = Counter(
    "desk_inbound_duplicates",
    "Redelivered inbound events that were already stored and changed nothing.",
)
REPLY_DELIVERIES = Counter(
    "desk_reply_deliveries",
    "Delivery reports from notify, by status and by whether they changed the stored status.",
    ["status", "result"],
)
OUTBOX_PUBLISHED = Counter("desk_outbox_published", "Outbox rows published to Kafka.", ["topic"])
OUTBOX_PUBLISH_FAILURES = Counter(
    "desk_outbox_publish_failures", "Failed attempts to publish an outbox row to Kafka."
)

PublishFunction = Callable[[str, str, str], Awaitable[None]]


async def handle_message_triaged(
    pool: asyncpg.Pool, event: MessageTriaged, *, after_hours: AfterHoursResponder | None = None
) -> None:
    """Store a triaged inbound event, then let `after_hours` queue an automatic reply.

    A redelivered event stores nothing. `after_hours` queues at most one after-hours reply
    per conversation and closed period, and one crisis reply per urgent episode of a case.
    """
    with structlog.contextvars.bound_contextvars(
        conversation_id=event.message.conversation_id, event_id=str(event.event_id)
    ):
        result = await store.record_triaged_message(pool, event=event)
        _log_inbound_result(result, event)
        # Called for a redelivered event too: if the process stopped after storing the
        # message and before queueing the reply, the redelivery queues it.
        if after_hours is not None:
            await after_hours.handle_stored_message(pool, event=event)


def _log_inbound_result(result: store.InboundResult, event: MessageTriaged) -> None:
    message = event.message
    if result.duplicate:
        INBOUND_DUPLICATES.inc()
        log.info("inbound_message_duplicate", kind=message.kind.value)
        return
    if result.action is InboundAction.NOT_STORED:
        INBOUND_NOT_STORED.labels(source_type=message.source.type.value).inc()
        log.info("inbound_event_not_stored", source_type=message.source.type.value)
        return
    if result.action is not InboundAction.CONVERSATION_ONLY:
        INBOUND_MESSAGES_STORED.labels(action=result.action.value).inc()
    log.info(
        "inbound_message_stored",
        case_id=str(result.case_id) if result.case_id else None,
        action=result.action.value,
        kind=message.kind.value,
        mode=message.mode,
        urgent=event.urgent,
        # The reasons stay out of the log, because they quote the message text.
        classifier_version=event.classifier_version,
    )


async def handle_reply_delivered(pool: asyncpg.Pool, event: ReplyDelivered) -> None:
    """Store notify's delivery status of an outbound reply."""
    result = await store.record_delivery(pool, event=event)
    REPLY_DELIVERIES.labels(status=event.status.value, result=result.value).inc()
    log_method = log.warning if result is store.DeliveryUpdate.UNKNOWN_REPLY else log.info
    log_method(
        "reply_delivery_recorded",
        case_id=str(event.case_id),
        conversation_id=event.conversation_id,
        reply_id=str(event.reply_id),
        status=event.status.value,
        result=result.value,
    )


def register_handlers(
    broker: KafkaBroker, *, pool: asyncpg.Pool, after_hours: AfterHoursResponder | None = None
) -> None:
    """Subscribe the desk's handlers to `broker`, which must not have started yet.

    Without `after_hours`, inbound messages get no automatic reply outside opening hours.
    """

    async def on_message_triaged(event: MessageTriaged) -> None:
        await handle_message_triaged(pool, event, after_hours=after_hours)

    async def on_reply_delivered(event: ReplyDelivered) -> None:
        await handle_reply_delivered(pool, event)

    subscribe_events(
        broker,
        topic=MESSAGE_TRIAGED,
        model=MessageTriaged,
        service=SERVICE,
        handle=on_message_triaged,
    )
    subscribe_events(
        broker,
        topic=REPLY_DELIVERED,
        model=ReplyDelivered,
        service=SERVICE,
        handle=on_reply_delivered,
    )


def make_kafka_publisher(broker: KafkaBroker) -> PublishFunction:
    """Return a function that publishes one outbox row's payload as its topic's event."""

    async def publish(topic: str, key: str, payload: str) -> None:
        event = OUTBOX_MODELS[topic].model_validate_json(payload)
        await publish_event(broker, event, topic=topic, key=key)

    return publish


async def publish_outbox_batch(
    pool: asyncpg.Pool, *, publish: PublishFunction, limit: int = OUTBOX_BATCH_SIZE
) -> int:
    """Publish unpublished outbox rows in order, mark each one, and return how many were published.

    The first failure stops the batch, so replies to one conversation keep their order.
    The exception propagates and the row stays unpublished for the next attempt.
    NOTE: a row that can never be published (unknown topic, invalid payload) blocks every
    later row until an operator deletes it. Every topic that store.queue_reply and the
    hours package write is in OUTBOX_MODELS, and their rows are valid.
    """
    published = 0
    for row in await store.fetch_unpublished_outbox(pool, limit=limit):
        await publish(row["topic"], row["key"], row["payload"])
        # A crash between these two lines publishes the row again on restart. Notify
        # deduplicates ReplyRequested on reply_id, so the person gets one message.
        await store.mark_outbox_published(pool, outbox_id=row["outbox_id"])
        OUTBOX_PUBLISHED.labels(topic=row["topic"]).inc()
        published += 1
    return published


class OutboxRelay:
    """Background task that publishes the outbox every interval and whenever woken."""

    def __init__(
        self,
        *,
        pool: asyncpg.Pool,
        publish: PublishFunction,
        interval: float = OUTBOX_INTERVAL_SECONDS,
    ) -> None:
        self._pool = pool
        self._publish = publish
        self._interval = interval
        self._wakeup = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._failing = False

    def wake(self) -> None:
        """Publish without waiting for the next interval, e.g. right after a reply is stored."""
        self._wakeup.set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="desk-outbox-relay")

    async def stop(self) -> None:
        if self._task is None:
            return
        self._task.cancel()
        with suppress(asyncio.CancelledError):
            await self._task
        self._task = None

    async def _run(self) -> None:
        while True:
            await self._publish_once()
            with suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), timeout=self._interval)
            self._wakeup.clear()

    async def _publish_once(self) -> None:
        try:
            published = await publish_outbox_batch(self._pool, publish=self._publish)
        # Any error (Kafka, PostgreSQL, a bad row) must leave the relay running to retry.
        except Exception as error:  # noqa: BLE001
            OUTBOX_PUBLISH_FAILURES.inc()
            # Log the first failure of a run of failures only, because the relay retries
            # every interval and an outage would otherwise log twice a second.
            if not self._failing:
                log.warning(
                    "outbox_publish_failed_will_retry",
                    error_type=type(error).__name__,
                    error=_describe_error(error),
                    retry_in_seconds=self._interval,
                )
            self._failing = True
            return
        if self._failing:
            log.info("outbox_publish_recovered", published=published)
        self._failing = False


def _describe_error(error: Exception) -> str:
    # str() of a ValidationError quotes the invalid input, which may be a reply text.
    if isinstance(error, ValidationError):
        return f"{error.error_count()} validation errors in {error.title}"
    return str(error)
