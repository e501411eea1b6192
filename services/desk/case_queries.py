"""Read-only SQL of the queue and of single cases, for the counselors' API."""

from uuid import UUID

import asyncpg

from services.desk.triage_results import (
    MODEL_URGENT_EXPLANATION,
    URGENT_REASON_PREFIX,
    QueueReason,
    UrgentMessage,
    choose_queue_reason,
)
from shared.schemas import UNREAD_SCRIPT_REASON_PREFIX

# The same order as domain.queue_sort_key. The cases_queue_order index matches it.
QUEUE_ORDER_BY = "(c.priority = 'urgent') DESC, c.waiting_since ASC NULLS LAST, c.opened_at ASC"

# The fetch functions take a pool, or a connection whose transaction also writes the audit row.
Executor = asyncpg.Pool | asyncpg.Connection

# Columns of the message that made a case urgent, which _URGENT_MESSAGE_JOIN reads. All are
# NULL for a case that is not urgent.
_URGENT_MESSAGE_COLUMNS = (
    "c.urgent_message_id, urgent.sent_at AS urgent_sent_at,"
    " urgent.case_id AS urgent_case_id, urgent.reasons AS urgent_reasons"
)
_URGENT_MESSAGE_JOIN = " LEFT JOIN desk.messages urgent ON urgent.message_id = c.urgent_message_id"

# The case's earliest urgent message with a rule reason (triage_results.is_rule_urgent_reason,
# with $2 and $3), among those stored no earlier than the message that made the case urgent.
# An urgent message stored before that one was urgent before a clear. All columns are NULL
# when the case is not urgent or has no such message. The lookup uses messages_case_timeline.
_EARLIEST_RULE_JOIN = (
    " LEFT JOIN LATERAL (SELECT m.message_id, m.sent_at, m.reasons FROM desk.messages m"
    "   WHERE m.case_id = c.case_id AND m.direction = 'in' AND m.urgent"
    "   AND m.stored_at >= urgent.stored_at"
    "   AND EXISTS (SELECT 1 FROM unnest(m.reasons) AS reason"
    "     WHERE starts_with(reason, $2) AND strpos(reason, $3) = 0)"
    "   ORDER BY m.sent_at, m.stored_at LIMIT 1) earliest_rule ON true"
)
_EARLIEST_RULE_COLUMNS = (
    "earliest_rule.message_id AS rule_message_id, earliest_rule.sent_at AS rule_sent_at,"
    " earliest_rule.reasons AS rule_reasons"
)


async def fetch_queue(executor: Executor) -> list[asyncpg.Record]:
    """Return the cases that are not closed in queue order.

    Each row has the case's latest inbound message, the message that made it urgent, the
    columns that queue_reason reads, and whether triage could not read the script of any
    of its inbound messages.
    """
    return await executor.fetch(
        "SELECT c.case_id, c.conversation_id, v.channel, c.priority, c.topics, c.waiting_since,"
        " c.opened_at, c.state, c.claimed_by, claimant.display_name AS claimant_name,"
        f" latest.kind AS last_kind, latest.text AS last_text, {_URGENT_MESSAGE_COLUMNS},"
        f" {_EARLIEST_RULE_COLUMNS},"
        " EXISTS (SELECT 1 FROM desk.messages m, unnest(m.reasons) AS reason"
        "   WHERE m.case_id = c.case_id AND m.direction = 'in'"
        "   AND starts_with(reason, $1)) AS unread_script"
        " FROM desk.cases c JOIN desk.conversations v USING (conversation_id)"
        " LEFT JOIN desk.accounts claimant ON claimant.account_id = c.claimed_by"
        f"{_URGENT_MESSAGE_JOIN}{_EARLIEST_RULE_JOIN}"
        " LEFT JOIN LATERAL (SELECT m.kind, m.text FROM desk.messages m"
        "   WHERE m.case_id = c.case_id AND m.direction = 'in'"
        "   ORDER BY m.sent_at DESC, m.stored_at DESC LIMIT 1) latest ON true"
        " WHERE c.state <> 'closed'"
        f" ORDER BY {QUEUE_ORDER_BY}",
        UNREAD_SCRIPT_REASON_PREFIX,
        URGENT_REASON_PREFIX,
        MODEL_URGENT_EXPLANATION,
    )


def queue_reason(row: asyncpg.Record) -> QueueReason | None:
    """Return the urgent reason that the queue shows for a row of fetch_queue, or None."""
    return choose_queue_reason(
        origin=_urgent_message(row, "urgent"), earliest_rule=_urgent_message(row, "rule")
    )


def _urgent_message(row: asyncpg.Record, prefix: str) -> UrgentMessage | None:
    """Return the message in the columns `{prefix}_message_id`, `_sent_at` and `_reasons`."""
    if row[f"{prefix}_message_id"] is None:
        return None
    return UrgentMessage(
        message_id=row[f"{prefix}_message_id"],
        sent_at=row[f"{prefix}_sent_at"],
        reasons=row[f"{prefix}_reasons"],
    )


async def fetch_case(executor: Executor, *, case_id: UUID) -> asyncpg.Record | None:
    return await executor.fetchrow(
        "SELECT c.case_id, c.conversation_id, v.channel, c.state, c.priority, c.topics,"
        " c.waiting_since, c.opened_at, c.closed_at, c.last_message_at, c.claimed_by,"
        " claimant.display_name AS claimant_name, c.claimed_at, c.closed_by,"
        f" c.confirmed_topics, c.age_band, {_URGENT_MESSAGE_COLUMNS}"
        " FROM desk.cases c JOIN desk.conversations v USING (conversation_id)"
        " LEFT JOIN desk.accounts claimant ON claimant.account_id = c.claimed_by"
        f"{_URGENT_MESSAGE_JOIN}"
        " WHERE c.case_id = $1",
        case_id,
    )


async def fetch_case_messages(executor: Executor, *, case_id: UUID) -> list[asyncpg.Record]:
    """Return the messages of a case with triage's results, oldest first."""
    return await executor.fetch(
        "SELECT message_id, direction, kind, text, sent_at, delivery_status, requested_by,"
        " topics, urgent, reasons, classifier_version"
        " FROM desk.messages WHERE case_id = $1 ORDER BY sent_at, stored_at",
        case_id,
    )


async def fetch_case_events(executor: Executor, *, case_id: UUID) -> list[asyncpg.Record]:
    """Return the timeline of a case from desk.case_events, oldest first."""
    return await executor.fetch(
        "SELECT kind, actor, from_state, to_state, message_id, detail, occurred_at"
        " FROM desk.case_events WHERE case_id = $1 ORDER BY case_event_id",
        case_id,
    )
