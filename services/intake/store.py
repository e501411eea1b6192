"""Claims on webhook events, shared by every intake process through PostgreSQL.

An event is published by the one process that has its claim. A claim whose holder died
expires after CLAIM_LEASE, so a later redelivery can take it over.
"""

import uuid
from datetime import timedelta

import asyncpg

CLAIM_LEASE = timedelta(minutes=2)


class EventClaims:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool
        self.holder = uuid.uuid4()

    async def claim(self, webhook_event_ids: list[str], *, channel: str) -> set[str]:
        """Claim the events that are neither published nor claimed; return the ids claimed now."""
        rows = await self.pool.fetch(
            """
            INSERT INTO intake.accepted_events (webhook_event_id, channel, state, claimed_by)
            SELECT id, $2, 'publishing', $3 FROM unnest($1::text[]) AS id
            ON CONFLICT (webhook_event_id) DO UPDATE
            SET claimed_by = EXCLUDED.claimed_by, claimed_at = now()
            WHERE intake.accepted_events.state = 'publishing'
              AND intake.accepted_events.claimed_at < now() - $4::interval
            RETURNING webhook_event_id
            """,
            webhook_event_ids,
            channel,
            self.holder,
            CLAIM_LEASE,
        )
        return {row["webhook_event_id"] for row in rows}

    async def unpublished(self, webhook_event_ids: list[str]) -> set[str]:
        """Return the ids among `webhook_event_ids` that are not published yet."""
        rows = await self.pool.fetch(
            """
            SELECT id FROM unnest($1::text[]) AS id
            WHERE NOT EXISTS (
                SELECT 1 FROM intake.accepted_events
                WHERE webhook_event_id = id AND state = 'published'
            )
            """,
            webhook_event_ids,
        )
        return {row["id"] for row in rows}

    async def mark_published(self, webhook_event_ids: list[str]) -> None:
        await self.pool.execute(
            """
            UPDATE intake.accepted_events SET state = 'published', published_at = now()
            WHERE webhook_event_id = ANY($1::text[])
            """,
            webhook_event_ids,
        )

    async def release(self, webhook_event_ids: list[str]) -> None:
        """Drop this process's claims, so a redelivery can publish the events."""
        await self.pool.execute(
            """
            DELETE FROM intake.accepted_events
            WHERE webhook_event_id = ANY($1::text[]) AND claimed_by = $2
              AND state = 'publishing'
            """,
            webhook_event_ids,
            self.holder,
        )
