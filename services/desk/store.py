"""SQL of the desk schema. Each public function runs in one transaction of its own."""

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

import asyncpg

from services.desk import domain, triage_results
from services.desk.case_rows import (
    SYSTEM_ACTOR,
    CaseClosed,
    CaseNotFound,
    insert_case_event,
    insert_move_event,
)
from services.desk.domain import CaseMove, CaseState, InboundAction
from services.desk.replies import QueuedReply, queue_reply
from shared.schemas import MessageReceived, MessageTriaged, Priority, ReplyDelivered

SCHEMA = "desk"

# CaseClosed, CaseNotFound, QueuedReply and queue_reply live in case_rows and replies, and
# callers import them from here as before.
__all__ = [
    "SCHEMA",
    "CaseClosed",
    "CaseNotFound",
    "DeliveryUpdate",
    "InboundResult",
    "QueuedReply",
    "fetch_unpublished_outbox",
    "mark_outbox_published",
    "queue_reply",
    "record_delivery",
    "record_triaged_message",
]


class DeliveryUpdate(StrEnum):
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    UNKNOWN_REPLY = "unknown_reply"


@dataclass(frozen=True)
class Urgency:
    """A conversation's priority after an inbound message, and the message that set it."""

    priority: Priority
    message_id: UUID | None


@dataclass(frozen=True)
class InboundResult:
    """Outcome of storing one triaged event. `action` is None for a redelivered event."""

    action: InboundAction | None
    case_id: UUID | None = None

    @property
    def duplicate(self) -> bool:
        return self.action is None


async def record_triaged_message(pool: asyncpg.Pool, *, event: MessageTriaged) -> InboundResult:
    """Store one triaged inbound event and open, reopen or update its case.

    An event from a group or room is not stored (domain.choose_inbound_action).
    The message row keeps triage's topics, urgent flag, reasons and classifier version.
    Redelivery of the same event_id or webhook_event_id changes nothing, even if the
    redelivered event carries another triage result. The conversation row is locked first,
    so concurrent events of one conversation run one after another.
    Reopening rule: when the conversation has no active case, a message sent within
    domain.REOPEN_WINDOW after its latest case was closed reopens that case. A later
    message opens a new case.
    """
    message = event.message
    # Checked before any row is written, so a group or room leaves no conversation row
    # (with its LINE group id) and no message text or reasons behind.
    if not domain.is_stored_source(message.source.type):
        return InboundResult(action=InboundAction.NOT_STORED)
    async with pool.acquire() as connection, connection.transaction():
        conversation = await _lock_conversation(connection, message)
        if await _message_exists(connection, event):
            return InboundResult(action=None)

        case = await connection.fetchrow(
            "SELECT case_id, state, priority, topics, waiting_since, urgent_message_id"
            " FROM desk.cases WHERE conversation_id = $1 AND state <> 'closed' FOR UPDATE",
            message.conversation_id,
        )
        closed_case = None
        if case is None:
            closed_case = await _find_reopenable_case(connection, message)
        action = domain.choose_inbound_action(
            kind=message.kind,
            mode=message.mode,
            source_type=message.source.type,
            has_active_case=case is not None,
            has_reopenable_case=closed_case is not None,
        )
        if action is InboundAction.CONVERSATION_ONLY:
            return InboundResult(action=action)

        # Once urgent, the conversation stays urgent, and so does every case it opens later,
        # until a counselor or supervisor clears the flag with cases.clear_urgent.
        priority = domain.merge_priority(conversation["priority"], urgent=event.urgent)
        urgency = Urgency(
            priority=priority,
            message_id=triage_results.next_urgent_message_id(
                conversation["urgent_message_id"],
                priority=priority,
                candidate=event.event_id if event.urgent else None,
            ),
        )
        await connection.execute(
            "UPDATE desk.conversations SET priority = $2, urgent_message_id = $3, topics = $4,"
            " last_message_at = GREATEST(last_message_at, $5), updated_at = now()"
            " WHERE conversation_id = $1",
            message.conversation_id,
            urgency.priority.value,
            urgency.message_id,
            domain.merge_topics(conversation["topics"], _topic_labels(event)),
            message.sent_at,
        )
        case_id = None
        if action is InboundAction.OPEN_CASE:
            case_id = await _open_case(connection, event=event, urgency=urgency)
        elif action is InboundAction.JOIN_CASE:
            case_id = await _join_case(connection, case=case, event=event, urgency=urgency)
        elif action is InboundAction.REOPEN_CASE:
            case_id = await _reopen_case(connection, case=closed_case, event=event, urgency=urgency)
        await _insert_inbound_message(connection, event=event, case_id=case_id)
    return InboundResult(action=action, case_id=case_id)


async def _lock_conversation(
    connection: asyncpg.Connection, message: MessageReceived
) -> asyncpg.Record:
    await connection.execute(
        "INSERT INTO desk.conversations (conversation_id, channel, source_type, push_target)"
        " VALUES ($1, $2, $3, $4) ON CONFLICT (conversation_id) DO NOTHING",
        message.conversation_id,
        message.channel,
        message.source.type.value,
        message.source.push_target,
    )
    return await connection.fetchrow(
        "SELECT priority, urgent_message_id, topics FROM desk.conversations"
        " WHERE conversation_id = $1 FOR UPDATE",
        message.conversation_id,
    )


async def _message_exists(connection: asyncpg.Connection, event: MessageTriaged) -> bool:
    found = await connection.fetchval(
        "SELECT EXISTS (SELECT 1 FROM desk.messages"
        " WHERE message_id = $1 OR webhook_event_id = $2)",
        event.event_id,
        event.message.webhook_event_id,
    )
    return bool(found)


async def _open_case(
    connection: asyncpg.Connection, *, event: MessageTriaged, urgency: Urgency
) -> UUID:
    message = event.message
    case_id = await connection.fetchval(
        "INSERT INTO desk.cases (conversation_id, state, priority, urgent_message_id, topics,"
        " waiting_since, opened_at, last_message_at)"
        " VALUES ($1, 'open', $2, $3, $4, $5, $5, $5) RETURNING case_id",
        message.conversation_id,
        urgency.priority.value,
        urgency.message_id,
        domain.merge_topics([], _topic_labels(event)),
        message.sent_at,
    )
    await insert_case_event(
        connection,
        case_id=case_id,
        kind="opened",
        actor=SYSTEM_ACTOR,
        to_state=CaseState.OPEN.value,
        message_id=event.event_id,
    )
    return case_id


async def _find_reopenable_case(
    connection: asyncpg.Connection, message: MessageReceived
) -> asyncpg.Record | None:
    case = await connection.fetchrow(
        "SELECT case_id, state, priority, topics, closed_at, urgent_message_id FROM desk.cases"
        " WHERE conversation_id = $1 AND state = 'closed'"
        " ORDER BY closed_at DESC LIMIT 1 FOR UPDATE",
        message.conversation_id,
    )
    if case is None or not domain.may_reopen(closed_at=case["closed_at"], sent_at=message.sent_at):
        return None
    return case


async def _reopen_case(
    connection: asyncpg.Connection,
    *,
    case: asyncpg.Record,
    event: MessageTriaged,
    urgency: Urgency,
) -> UUID:
    # The counselor confirms topics and age band again at the next close, so the old ones go;
    # the "closed" row of desk.case_events keeps them.
    case_id = case["case_id"]
    new_state = domain.next_state(case_id=case_id, current=case["state"], move=CaseMove.REOPEN)
    update = domain.update_case_for_inbound(
        priority=case["priority"],
        topics=case["topics"],
        waiting_since=None,
        message_topics=_topic_labels(event),
        urgent=urgency.priority is Priority.URGENT,
        sent_at=event.message.sent_at,
    )
    await connection.execute(
        "UPDATE desk.cases SET state = $2, closed_at = NULL, closed_by = NULL,"
        " confirmed_topics = NULL, age_band = NULL, priority = $3, urgent_message_id = $4,"
        " topics = $5, waiting_since = $6, last_message_at = GREATEST(last_message_at, $6)"
        " WHERE case_id = $1",
        case_id,
        new_state.value,
        update.priority.value,
        _case_urgent_message_id(case, update.priority, urgency),
        update.topics,
        update.waiting_since,
    )
    await insert_move_event(
        connection,
        case_id=case_id,
        move=CaseMove.REOPEN,
        actor=SYSTEM_ACTOR,
        previous=CaseState.CLOSED,
        new=new_state,
        message_id=event.event_id,
    )
    await _record_urgency_change(connection, case=case, event=event, priority=update.priority)
    return case_id


async def _join_case(
    connection: asyncpg.Connection,
    *,
    case: asyncpg.Record,
    event: MessageTriaged,
    urgency: Urgency,
) -> UUID:
    update = domain.update_case_for_inbound(
        priority=case["priority"],
        topics=case["topics"],
        waiting_since=case["waiting_since"],
        message_topics=_topic_labels(event),
        urgent=urgency.priority is Priority.URGENT,
        sent_at=event.message.sent_at,
    )
    # A message from the person while the case waits for them makes it the counselor's turn
    # again.
    previous = CaseState(case["state"])
    new_state = previous
    if previous is CaseState.WAITING:
        new_state = domain.next_state(
            case_id=case["case_id"], current=previous, move=CaseMove.INBOUND
        )
    await connection.execute(
        "UPDATE desk.cases SET state = $2, priority = $3, urgent_message_id = $4, topics = $5,"
        " waiting_since = $6, last_message_at = GREATEST(last_message_at, $7) WHERE case_id = $1",
        case["case_id"],
        new_state.value,
        update.priority.value,
        _case_urgent_message_id(case, update.priority, urgency),
        update.topics,
        update.waiting_since,
        event.message.sent_at,
    )
    if new_state is not previous:
        await insert_move_event(
            connection,
            case_id=case["case_id"],
            move=CaseMove.INBOUND,
            actor=SYSTEM_ACTOR,
            previous=previous,
            new=new_state,
            message_id=event.event_id,
        )
    await _record_urgency_change(connection, case=case, event=event, priority=update.priority)
    return case["case_id"]


def _case_urgent_message_id(
    case: asyncpg.Record, priority: Priority, urgency: Urgency
) -> UUID | None:
    # A case that becomes urgent takes the message that made its conversation urgent.
    return triage_results.next_urgent_message_id(
        case["urgent_message_id"], priority=priority, candidate=urgency.message_id
    )


async def _record_urgency_change(
    connection: asyncpg.Connection,
    *,
    case: asyncpg.Record,
    event: MessageTriaged,
    priority: Priority,
) -> None:
    if priority == Priority(case["priority"]):
        return
    await insert_case_event(
        connection,
        case_id=case["case_id"],
        kind="marked_urgent",
        actor="triage",
        message_id=event.event_id,
    )


async def _insert_inbound_message(
    connection: asyncpg.Connection, *, event: MessageTriaged, case_id: UUID | None
) -> None:
    message = event.message
    await connection.execute(
        "INSERT INTO desk.messages (message_id, case_id, conversation_id, direction, kind, text,"
        " sent_at, correlation_id, webhook_event_id, topics, urgent, reasons, classifier_version)"
        " VALUES ($1, $2, $3, 'in', $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        event.event_id,
        case_id,
        message.conversation_id,
        message.kind.value,
        domain.stored_text(kind=message.kind, text=message.text),
        message.sent_at,
        event.correlation_id,
        message.webhook_event_id,
        domain.merge_topics([], _topic_labels(event)),
        event.urgent,
        triage_results.storable_reasons(event.reasons),
        triage_results.storable_text(event.classifier_version),
    )


def _topic_labels(event: MessageTriaged) -> list[str]:
    return [topic.value for topic in event.topics]


async def record_delivery(pool: asyncpg.Pool, *, event: ReplyDelivered) -> DeliveryUpdate:
    """Set the delivery status of an outbound message from notify's report.

    A message that was sent stays sent, so a late report of an earlier failed attempt
    cannot hide a delivery.
    """
    async with pool.acquire() as connection, connection.transaction():
        current = await connection.fetchval(
            "SELECT delivery_status FROM desk.messages"
            " WHERE message_id = $1 AND direction = 'out' FOR UPDATE",
            event.reply_id,
        )
        if current is None:
            return DeliveryUpdate.UNKNOWN_REPLY
        if current == "sent" or current == event.status.value:
            return DeliveryUpdate.UNCHANGED
        await connection.execute(
            "UPDATE desk.messages SET delivery_status = $2, delivery_error = $3,"
            " delivered_at = $4 WHERE message_id = $1",
            event.reply_id,
            event.status.value,
            event.error,
            event.occurred_at,
        )
    return DeliveryUpdate.UPDATED


async def fetch_unpublished_outbox(pool: asyncpg.Pool, *, limit: int) -> list[asyncpg.Record]:
    """Return up to `limit` outbox rows not yet published, oldest first."""
    return await pool.fetch(
        "SELECT outbox_id, topic, key, payload FROM desk.outbox"
        " WHERE published_at IS NULL ORDER BY outbox_id LIMIT $1",
        limit,
    )


async def mark_outbox_published(pool: asyncpg.Pool, *, outbox_id: int) -> None:
    await pool.execute(
        "UPDATE desk.outbox SET published_at = now() WHERE outbox_id = $1", outbox_id
    )
