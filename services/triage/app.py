"""Triage process: the Kafka consumer plus health and metrics routes."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI

from services.triage import consumer
from services.triage.settings import TriageSettings
from shared.http import add_operational_routes
from shared.kafka import ensure_topics, make_broker
from shared.schemas.topics import MESSAGE_RECEIVED, MESSAGE_TRIAGED, dead_letter_topic

log = structlog.get_logger()


def create_app(settings: TriageSettings) -> FastAPI:
    broker = make_broker(settings.kafka_bootstrap_servers, service=consumer.SERVICE)
    consumer.register(broker)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await ensure_topics(
            settings.kafka_bootstrap_servers,
            [MESSAGE_RECEIVED, MESSAGE_TRIAGED, dead_letter_topic(MESSAGE_RECEIVED)],
        )
        await broker.start()
        log.info("triage_started", port=settings.triage_port)
        yield
        await broker.stop()
        log.info("triage_stopped")

    app = FastAPI(title="triage", lifespan=lifespan)
    add_operational_routes(app)
    return app
