"""HTTP transport of intake: POST /line/webhook verifies, normalizes and publishes."""

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import structlog
from aiokafka.errors import KafkaError
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from faststream.kafka import KafkaBroker
from prometheus_client import Counter, Histogram

from services.intake.acceptance import WebhookAcceptor
from services.intake.settings import IntakeSettings
from services.intake.store import EventClaims
from shared.channels import LineChannel
from shared.db import apply_migrations, create_pool
from shared.http import add_operational_routes
from shared.kafka import ensure_topics, make_broker, publish_event
from shared.schemas import DeadLettered, MessageReceived
from shared.schemas.topics import MESSAGE_RECEIVED, dead_letter_topic

log = structlog.get_logger()

SERVICE = "intake"
WEBHOOK_SOURCE = "line.webhook"
WEBHOOK_DEAD_LETTERS = dead_letter_topic(WEBHOOK_SOURCE)
MIGRATIONS = Path(__file__).parent / "migrations"
DRAIN_SECONDS = 10.0
DEAD_LETTER_TIMEOUT_SECONDS = 5.0

WEBHOOKS = Counter("intake_webhooks", "Webhook requests by outcome", ["outcome"])
ACK_SECONDS = Histogram(
    "intake_webhook_ack_seconds",
    "Time from request to response",
    buckets=(0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


def create_app(settings: IntakeSettings, channels: tuple[LineChannel, ...]) -> FastAPI:
    broker = make_broker(settings.kafka_bootstrap_servers, service=SERVICE)
    state: dict[str, WebhookAcceptor] = {}

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        pool = await create_pool(settings.database_url)
        await apply_migrations(pool, schema="intake", directory=MIGRATIONS)
        await ensure_topics(
            settings.kafka_bootstrap_servers, [MESSAGE_RECEIVED, WEBHOOK_DEAD_LETTERS]
        )
        await broker.start()
        state["acceptor"] = WebhookAcceptor(
            channels=channels,
            claims=EventClaims(pool),
            publish=lambda event: _publish_message(broker, event),
            dead_letter=lambda raw, reason, correlation_id: _dead_letter_body(
                broker, raw, reason, correlation_id=correlation_id
            ),
            publish_timeout=settings.intake_publish_timeout_seconds,
        )
        log.info("intake_started", port=settings.intake_port, channels=len(channels))
        yield
        try:
            async with asyncio.timeout(DRAIN_SECONDS):
                await state["acceptor"].drain()
        except TimeoutError:
            log.warning("intake_drain_timed_out", in_flight=len(state["acceptor"].in_flight))
        await broker.stop()
        await pool.close()
        log.info("intake_stopped")

    app = FastAPI(title="intake", lifespan=lifespan)
    add_operational_routes(app)

    @app.post("/line/webhook")
    async def line_webhook(request: Request) -> JSONResponse:
        started = time.perf_counter()
        limit = settings.intake_max_body_bytes
        raw = await _read_body(request, limit=limit)
        if raw is None:
            WEBHOOKS.labels("body_too_large").inc()
            log.warning("webhook_rejected", status=413, outcome="body_too_large")
            message = f"request body is over {limit} bytes (INTAKE_MAX_BODY_BYTES)"
            return JSONResponse({"error": message}, status_code=413)

        outcome = await state["acceptor"].accept(raw, request.headers.get("x-line-signature"))
        WEBHOOKS.labels(outcome.label).inc()
        ACK_SECONDS.observe(time.perf_counter() - started)
        return JSONResponse(outcome.body, status_code=outcome.status)

    return app


async def _read_body(request: Request, *, limit: int) -> bytes | None:
    """Return the body, or None as soon as it is known to be over `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def _publish_message(broker: KafkaBroker, event: MessageReceived) -> None:
    await publish_event(broker, event, topic=MESSAGE_RECEIVED, key=event.conversation_id)


async def _dead_letter_body(
    broker: KafkaBroker, raw: bytes, reason: str, *, correlation_id: str | None
) -> None:
    dead_letter = DeadLettered(
        correlation_id=correlation_id or f"webhook-{time.time_ns()}",
        service=SERVICE,
        source_topic=WEBHOOK_SOURCE,
        error=reason,
        payload=raw.decode(errors="replace"),
    )
    try:
        async with asyncio.timeout(DEAD_LETTER_TIMEOUT_SECONDS):
            await publish_event(broker, dead_letter, topic=WEBHOOK_DEAD_LETTERS, key=WEBHOOK_SOURCE)
    except (KafkaError, TimeoutError) as error:
        # The response does not change, so this line is what the operator has left.
        # NOTE: a body over about 1 MB, Kafka's default record limit, always ends here.
        log.error(
            "dead_letter_failed",
            error_type=type(error).__name__,
            reason=reason,
            payload_bytes=len(raw),
        )
