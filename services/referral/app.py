"""Referral process: the Kafka consumers plus health and metrics routes."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import structlog
from fastapi import FastAPI

from services.referral import consumer
from services.referral.settings import ReferralSettings
from shared.db import apply_migrations, create_pool
from shared.http import add_operational_routes
from shared.kafka import ensure_topics, make_broker
from shared.schemas.topics import REFERRAL_ANSWERED, REFERRAL_REQUESTED, dead_letter_topic

log = structlog.get_logger()

MIGRATIONS = Path(__file__).parent / "migrations"
TOPICS = [REFERRAL_REQUESTED, REFERRAL_ANSWERED]


def create_app(settings: ReferralSettings) -> FastAPI:
    broker = make_broker(settings.kafka_bootstrap_servers, service=consumer.SERVICE)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        pool = await create_pool(settings.database_url)
        await apply_migrations(pool, schema="referral", directory=MIGRATIONS)
        consumer.register(broker, pool=pool)
        await ensure_topics(
            settings.kafka_bootstrap_servers,
            [*TOPICS, *(dead_letter_topic(topic) for topic in TOPICS)],
        )
        await broker.start()
        log.info("referral_started", port=settings.referral_port)
        yield
        await broker.stop()
        await pool.close()
        log.info("referral_stopped")

    app = FastAPI(title="referral", lifespan=lifespan)
    add_operational_routes(app)
    return app
