"""Notify process: the Kafka consumer plus health and metrics routes."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import structlog
from fastapi import FastAPI

from services.notify import consumer
from services.notify.line_push import LinePusher
from services.notify.settings import NotifySettings
from shared.channels import LineChannel
from shared.db import apply_migrations, create_pool
from shared.http import add_operational_routes
from shared.kafka import ensure_topics, make_broker
from shared.schemas.topics import REPLY_DELIVERED, REPLY_REQUESTED, dead_letter_topic

log = structlog.get_logger()

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: NotifySettings, channels: tuple[LineChannel, ...]) -> FastAPI:
    broker = make_broker(settings.kafka_bootstrap_servers, service=consumer.SERVICE)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        pool = await create_pool(settings.database_url)
        await apply_migrations(pool, schema="notify", directory=MIGRATIONS)
        pushers = {
            channel.name: LinePusher(
                base_url=settings.line_api_base_url,
                access_token=channel.access_token.get_secret_value(),
            )
            for channel in channels
            if channel.access_token is not None
        }
        consumer.register(broker, pool=pool, pushers=pushers)
        await ensure_topics(
            settings.kafka_bootstrap_servers,
            [REPLY_REQUESTED, REPLY_DELIVERED, dead_letter_topic(REPLY_REQUESTED)],
        )
        await broker.start()
        log.info("notify_started", port=settings.notify_port)
        yield
        await broker.stop()
        for pusher in pushers.values():
            await pusher.close()
        await pool.close()
        log.info("notify_stopped")

    app = FastAPI(title="notify", lifespan=lifespan)
    add_operational_routes(app)
    return app
