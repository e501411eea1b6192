"""Topic corrections: where counselors' confirmed topics differ from triage's, and the export."""

import json
from collections.abc import AsyncIterator
from datetime import datetime
from uuid import UUID

import asyncpg

from services.desk.closing import topics_differ

EXPORT_PREFETCH_ROWS = 200

_EXPORT_QUERY = (
    "SELECT c.case_id, c.closed_at, c.topics AS triage_topics, c.confirmed_topics,"
    " COALESCE((SELECT string_agg(m.text, E'\\n' ORDER BY m.sent_at, m.stored_at)"
    "   FROM desk.messages m"
    "   WHERE m.case_id = c.case_id AND m.direction = 'in' AND m.text IS NOT NULL), '') AS text"
    " FROM desk.cases c"
    " WHERE c.state = 'closed' AND c.confirmed_topics IS NOT NULL"
    " AND ($1::timestamptz IS NULL OR c.closed_at >= $1)"
    " AND ($2::timestamptz IS NULL OR c.closed_at < $2)"
    " ORDER BY c.closed_at, c.case_id"
)


async def record_correction(
    connection: asyncpg.Connection,
    *,
    case_id: UUID,
    triage_topics: list[str],
    confirmed_topics: list[str],
    corrected_by: UUID,
) -> bool:
    """Store the case's correction row if the topics differ, else delete any earlier one.

    Returns whether a correction row was stored. A case closed again after a reopen
    replaces its earlier row.
    """
    await connection.execute("DELETE FROM desk.topic_corrections WHERE case_id = $1", case_id)
    if not topics_differ(triage_topics, confirmed_topics):
        return False
    await connection.execute(
        "INSERT INTO desk.topic_corrections"
        " (case_id, triage_topics, confirmed_topics, corrected_by) VALUES ($1, $2, $3, $4)",
        case_id,
        triage_topics,
        confirmed_topics,
        corrected_by,
    )
    return True


async def export_lines(
    pool: asyncpg.Pool, *, closed_from: datetime | None, closed_before: datetime | None
) -> AsyncIterator[str]:
    """Yield one JSON line per closed case, oldest close first, for a JSON Lines download.

    Each line has the case id, the close time, the text of the case's inbound messages
    joined with newlines, triage's topics, the confirmed topics, and whether they differ.
    A cursor reads the rows in batches, so the export does not hold every text in memory.
    """
    async with pool.acquire() as connection, connection.transaction():
        cursor = connection.cursor(
            _EXPORT_QUERY, closed_from, closed_before, prefetch=EXPORT_PREFETCH_ROWS
        )
        async for row in cursor:
            yield export_line(row)


def export_line(row: asyncpg.Record) -> str:
    triage = list(row["triage_topics"])
    confirmed = list(row["confirmed_topics"])
    line = {
        "case_id": str(row["case_id"]),
        "closed_at": row["closed_at"].isoformat(),
        "text": row["text"],
        "triage_topics": triage,
        "confirmed_topics": confirmed,
        "corrected": topics_differ(triage, confirmed),
    }
    return json.dumps(line, ensure_ascii=False) + "\n"
