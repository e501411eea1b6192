"""Notify's record of finished deliveries, so a redelivered request is never pushed twice."""

from uuid import UUID

import asyncpg

from services.notify.line_push import PushOutcome
from shared.schemas import DeliveryStatus, ReplyRequested


async def finished_outcome(pool: asyncpg.Pool, reply_id: UUID) -> PushOutcome | None:
    row = await pool.fetchrow(
        "SELECT status, line_request_id, error FROM notify.deliveries WHERE reply_id = $1",
        reply_id,
    )
    if row is None:
        return None
    return PushOutcome(DeliveryStatus(row["status"]), row["line_request_id"], row["error"])


async def record_outcome(pool: asyncpg.Pool, request: ReplyRequested, outcome: PushOutcome) -> None:
    await pool.execute(
        """
        INSERT INTO notify.deliveries
            (reply_id, case_id, conversation_id, status, line_request_id, error)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (reply_id) DO UPDATE
        SET attempts = notify.deliveries.attempts + 1, updated_at = now()
        """,
        request.reply_id,
        request.case_id,
        request.conversation_id,
        outcome.status.value,
        outcome.line_request_id,
        outcome.error,
    )
