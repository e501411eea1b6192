"""Kafka transport of notify: push each requested reply to LINE once, report the outcome."""

import uuid

import asyncpg
import structlog
from faststream.kafka import KafkaBroker
from prometheus_client import Counter

from services.notify import store
from services.notify.line_push import LinePusher, PushOutcome
from shared.kafka import publish_event, subscribe_events
from shared.schemas import DeliveryStatus, ReplyDelivered, ReplyRequested
from shared.schemas.topics import REPLY_DELIVERED, REPLY_REQUESTED

log = structlog.get_logger()

SERVICE = "notify"
PUSHES = Counter("notify_pushes_total", "Replies handled, by outcome", ["outcome"])


def register(broker: KafkaBroker, *, pool: asyncpg.Pool, pushers: dict[str, LinePusher]) -> None:
    async def handle(request: ReplyRequested) -> None:
        with structlog.contextvars.bound_contextvars(
            reply_id=str(request.reply_id), case_id=str(request.case_id)
        ):
            outcome = await store.finished_outcome(pool, request.reply_id)
            if outcome is None:
                # The reply id is LINE's retry key: if the process dies after LINE accepted
                # the push but before the outcome is stored, the repeat gets 409, not a copy.
                outcome = await _push(pushers, request)
                await store.record_outcome(pool, request, outcome)
                PUSHES.labels(outcome.status.value).inc()
                log.info("reply_pushed", status=outcome.status.value, error=outcome.error)
            else:
                PUSHES.labels("duplicate").inc()
                log.info("reply_already_pushed", status=outcome.status.value)

            # Published again for a duplicate too, in case the first run died before this.
            delivered = ReplyDelivered(
                event_id=uuid.uuid5(request.reply_id, REPLY_DELIVERED),
                correlation_id=request.correlation_id,
                reply_id=request.reply_id,
                case_id=request.case_id,
                conversation_id=request.conversation_id,
                status=outcome.status,
                line_request_id=outcome.line_request_id,
                error=outcome.error,
            )
            await publish_event(
                broker, delivered, topic=REPLY_DELIVERED, key=request.conversation_id
            )

    subscribe_events(
        broker, topic=REPLY_REQUESTED, model=ReplyRequested, service=SERVICE, handle=handle
    )


async def _push(pushers: dict[str, LinePusher], request: ReplyRequested) -> PushOutcome:
    pusher = pushers.get(request.channel)
    if pusher is None:
        log.error("channel_not_configured", channel=request.channel)
        return PushOutcome(
            DeliveryStatus.FAILED,
            None,
            error=f"no access token configured for channel {request.channel!r}",
        )
    return await pusher.push_text(to=request.to, text=request.text, retry_key=str(request.reply_id))
