"""Kafka transport of referral: store every referral request and answer exactly once."""

import asyncpg
import structlog
from faststream.kafka import KafkaBroker

from shared.kafka import subscribe_events
from shared.schemas import ReferralAnswered, ReferralRequested
from shared.schemas.topics import REFERRAL_ANSWERED, REFERRAL_REQUESTED

log = structlog.get_logger()

SERVICE = "referral"


async def store_event(pool: asyncpg.Pool, event: ReferralRequested | ReferralAnswered) -> bool:
    """Insert `event` unless its id was stored before; return whether it was new."""
    inserted = await pool.fetchval(
        """
        INSERT INTO referral.received_events
            (event_id, referral_id, event_type, correlation_id, body)
        VALUES ($1, $2, $3, $4, $5::jsonb)
        ON CONFLICT (event_id) DO NOTHING
        RETURNING true
        """,
        event.event_id,
        event.referral_id,
        type(event).__name__,
        event.correlation_id,
        event.model_dump_json(),
    )
    return bool(inserted)


def register(broker: KafkaBroker, *, pool: asyncpg.Pool) -> None:
    async def handle(event: ReferralRequested | ReferralAnswered) -> None:
        is_new = await store_event(pool, event)
        log.info(
            "referral_event_stored",
            event_type=type(event).__name__,
            referral_id=str(event.referral_id),
            duplicate=not is_new,
        )

    subscribe_events(
        broker, topic=REFERRAL_REQUESTED, model=ReferralRequested, service=SERVICE, handle=handle
    )
    subscribe_events(
        broker, topic=REFERRAL_ANSWERED, model=ReferralAnswered, service=SERVICE, handle=handle
    )
