"""HTTP transport of intake: POST /line/webhook verifies, normalizes and publishes."""

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from aiokafka.errors import KafkaError
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from faststream.kafka import KafkaBroker
from prometheus_client import Counter, Histogram
from pydantic import ValidationError

from services.intake.line_webhook import WebhookBody
from services.intake.normalize import UnsupportedEvent, normalize_event
from services.intake.settings import IntakeSettings
from services.intake.signature import is_valid_signature
from shared.http import add_operational_routes
from shared.kafka import ensure_topics, make_broker, publish_event
from shared.schemas import DeadLettered, MessageReceived
from shared.schemas.topics import MESSAGE_RECEIVED, dead_letter_topic

log = structlog.get_logger()

SERVICE = "intake"
WEBHOOK_DEAD_LETTERS = dead_letter_topic("line.webhook")

WEBHOOKS = Counter("intake_webhooks_total", "Webhook requests by outcome", ["outcome"])
EVENTS_PUBLISHED = Counter("intake_events_published_total", "Events published", ["kind"])
ACK_SECONDS = Histogram("intake_webhook_ack_seconds", "Time from request to response")


class BodyTooLarge(Exception):
    pass


def create_app(settings: IntakeSettings) -> FastAPI:
    broker = make_broker(settings.kafka_bootstrap_servers, service=SERVICE)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await ensure_topics(
            settings.kafka_bootstrap_servers, [MESSAGE_RECEIVED, WEBHOOK_DEAD_LETTERS]
        )
        await broker.start()
        log.info("intake_started", port=settings.intake_port)
        yield
        await broker.stop()
        log.info("intake_stopped")

    app = FastAPI(title="intake", lifespan=lifespan)
    add_operational_routes(app)

    @app.post("/line/webhook")
    async def line_webhook(request: Request) -> JSONResponse:
        started = time.perf_counter()
        response = await _handle_webhook(request, settings=settings, broker=broker)
        ACK_SECONDS.observe(time.perf_counter() - started)
        return response

    return app


async def _handle_webhook(
    request: Request, *, settings: IntakeSettings, broker: KafkaBroker
) -> JSONResponse:
    limit = settings.intake_max_body_bytes
    try:
        raw = await _read_body(request, limit=limit)
    except BodyTooLarge:
        return _reject(
            413,
            "body_too_large",
            f"request body is over {limit} bytes; "
            "LINE webhooks are far smaller, so check the sender",
        )

    signature = request.headers.get("x-line-signature")
    if not signature:
        return _reject(
            401,
            "signature_missing",
            "missing x-line-signature header; LINE signs every webhook with it",
        )
    if not is_valid_signature(raw, signature, settings.line_channel_secret.get_secret_value()):
        return _reject(
            401,
            "signature_invalid",
            "x-line-signature does not match the body; check LINE_CHANNEL_SECRET",
        )

    try:
        body = WebhookBody.model_validate(json.loads(raw))
    except (ValueError, RecursionError) as error:
        reason = _describe_invalid_body(error)
        await _dead_letter_body(broker, raw, reason=reason)
        return _reject(400, "body_invalid", f"webhook body is invalid: {reason}")

    events = []
    for event in body.events:
        try:
            events.append(normalize_event(event, channel=settings.line_channel_name))
        except UnsupportedEvent as error:
            log.warning("event_skipped", webhook_event_id=event.webhook_event_id, reason=str(error))

    try:
        await asyncio.wait_for(
            _publish_all(broker, events), timeout=settings.intake_publish_timeout_seconds
        )
    except (TimeoutError, KafkaError) as error:
        log.error("publish_failed", error_type=type(error).__name__, events=len(events))
        WEBHOOKS.labels("kafka_unavailable").inc()
        return JSONResponse(
            {"error": "could not store the events; LINE will redeliver them"}, status_code=503
        )

    WEBHOOKS.labels("accepted").inc()
    return JSONResponse({"accepted": len(events)})


async def _read_body(request: Request, *, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


async def _publish_all(broker: KafkaBroker, events: list[MessageReceived]) -> None:
    await asyncio.gather(
        *(
            publish_event(broker, event, topic=MESSAGE_RECEIVED, key=event.conversation_id)
            for event in events
        )
    )
    for event in events:
        EVENTS_PUBLISHED.labels(event.kind.value).inc()
        log.info(
            "event_published",
            webhook_event_id=event.webhook_event_id,
            conversation_id=event.conversation_id,
            kind=event.kind.value,
            is_redelivery=event.is_redelivery,
        )


async def _dead_letter_body(broker: KafkaBroker, raw: bytes, *, reason: str) -> None:
    dead_letter = DeadLettered(
        correlation_id="webhook-" + str(time.time_ns()),
        service=SERVICE,
        source_topic="line.webhook",
        error=reason,
        payload=raw.decode(errors="replace"),
    )
    try:
        await publish_event(broker, dead_letter, topic=WEBHOOK_DEAD_LETTERS, key="line.webhook")
    except (TimeoutError, KafkaError) as error:  # the 400 still goes out; this log line stays
        log.error("dead_letter_failed", error_type=type(error).__name__)


def _describe_invalid_body(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(
            ".".join(str(part) for part in detail["loc"]) + ": " + detail["msg"]
            for detail in error.errors(include_input=False, include_url=False)
        )
    return f"not JSON ({error})"


def _reject(status: int, outcome: str, message: str) -> JSONResponse:
    WEBHOOKS.labels(outcome).inc()
    log.warning("webhook_rejected", status=status, outcome=outcome)
    return JSONResponse({"error": message}, status_code=status)
