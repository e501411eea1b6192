"""SQL of the desk schema. Each public function runs in one transaction of its own."""

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID, uuid4

import asyncpg

from services.desk import domain
from services.desk.domain import InboundAction
from shared.schemas import MessageReceived, MessageTriaged, Priority, ReplyDelivered, ReplyRequested
from shared.schemas.topics import REPLY_REQUESTED

SCHEMA = "desk"

# The same order as domain.queue_sort_key. The cases_queue_order index matches it.
QUEUE_ORDER_BY = "(c.priority = 'urgent') DESC, c.waiting_since ASC NULLS LAST, c.opened_at ASC"


class CaseNotFound(LookupError):
    def __init__(self, case_id: UUID) -> None:
        super().__init__(f"case {case_id} not found")
        self.case_id = case_id


class CaseClosed(RuntimeError):
    def __init__(self, case_id: UUID) -> None:
        super().__init__(f"case {case_id} is closed; a closed case accepts no replies")
        self.case_id = case_id


class DeliveryUpdate(StrEnum):
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    UNKNOWN_REPLY = "unknown_reply"


@dataclass(frozen=True)
class InboundResult:
    """Outcome of storing one triaged event. `action` is None for a redelivered event."""

    action: InboundAction | None
    case_id: UUID | None = None

    @property
    def duplicate(self) -> bool:
        return self.action is None


@dataclass(frozen=True)
class QueuedReply:
    reply_id: UUID
    conversation_id: str


async def record_triaged_message(pool: asyncpg.Pool, *, event: MessageTriaged) -> InboundResult:
    """Store one triaged inbound event and open or update its case.

    Redelivery of the same event_id or webhook_event_id changes nothing. The conversation
    row is locked first, so concurrent events of one conversation run one after another.
    """
    message = event.message
    async with pool.acquire() as connection, connection.transaction():
        conversation = await _lock_conversation(connection, message)
        if await _message_exists(connection, event):
            return InboundResult(action=None)

        case = await connection.fetchrow(
            "SELECT case_id, priority, topics, waiting_since FROM desk.cases"
            " WHERE conversation_id = $1 AND state IN ('open', 'claimed') FOR UPDATE",
            message.conversation_id,
        )
        action = domain.choose_inbound_action(
            kind=message.kind,
            mode=message.mode,
            source_type=message.source.type,
            has_active_case=case is not None,
        )
        if action is InboundAction.CONVERSATION_ONLY:
            return InboundResult(action=action)

        # Once urgent, the conversation stays urgent, and so does every case it opens later.
        priority = domain.merge_priority(conversation["priority"], urgent=event.urgent)
        await connection.execute(
            "UPDATE desk.conversations SET priority = $2, topics = $3,"
            " last_message_at = GREATEST(last_message_at, $4), updated_at = now()"
            " WHERE conversation_id = $1",
            message.conversation_id,
            priority.value,
            domain.merge_topics(conversation["topics"], _topic_labels(event)),
            message.sent_at,
        )
        case_id = None
        if action is InboundAction.OPEN_CASE:
            case_id = await _open_case(connection, event=event, priority=priority)
        elif action is InboundAction.JOIN_CASE:
            case_id = await _join_case(connection, case=case, event=event, priority=priority)
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
        "SELECT priority, topics FROM desk.conversations WHERE conversation_id = $1 FOR UPDATE",
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
    connection: asyncpg.Connection, *, event: MessageTriaged, priority: Priority
) -> UUID:
    message = event.message
    case_id = await connection.fetchval(
        "INSERT INTO desk.cases"
        " (conversation_id, state, priority, topics, waiting_since, opened_at, last_message_at)"
        " VALUES ($1, 'open', $2, $3, $4, $4, $4) RETURNING case_id",
        message.conversation_id,
        priority.value,
        domain.merge_topics([], _topic_labels(event)),
        message.sent_at,
    )
    await _insert_case_event(
        connection,
        case_id=case_id,
        kind="opened",
        actor="system",
        to_state="open",
        message_id=event.event_id,
    )
    return case_id


async def _join_case(
    connection: asyncpg.Connection,
    *,
    case: asyncpg.Record,
    event: MessageTriaged,
    priority: Priority,
) -> UUID:
    update = domain.update_case_for_inbound(
        priority=case["priority"],
        topics=case["topics"],
        waiting_since=case["waiting_since"],
        message_topics=_topic_labels(event),
        urgent=priority is Priority.URGENT,
        sent_at=event.message.sent_at,
    )
    await connection.execute(
        "UPDATE desk.cases SET priority = $2, topics = $3, waiting_since = $4,"
        " last_message_at = GREATEST(last_message_at, $5) WHERE case_id = $1",
        case["case_id"],
        update.priority.value,
        update.topics,
        update.waiting_since,
        event.message.sent_at,
    )
    if update.priority != Priority(case["priority"]):
        await _insert_case_event(
            connection,
            case_id=case["case_id"],
            kind="marked_urgent",
            actor="triage",
            message_id=event.event_id,
        )
    return case["case_id"]


async def _insert_inbound_message(
    connection: asyncpg.Connection, *, event: MessageTriaged, case_id: UUID | None
) -> None:
    message = event.message
    await connection.execute(
        "INSERT INTO desk.messages (message_id, case_id, conversation_id, direction, kind, text,"
        " sent_at, correlation_id, webhook_event_id, topics, urgent)"
        " VALUES ($1, $2, $3, 'in', $4, $5, $6, $7, $8, $9, $10)",
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
    )


async def _insert_case_event(
    connection: asyncpg.Connection,
    *,
    case_id: UUID,
    kind: str,
    actor: str,
    from_state: str | None = None,
    to_state: str | None = None,
    message_id: UUID | None = None,
) -> None:
    await connection.execute(
        "INSERT INTO desk.case_events (case_id, kind, actor, from_state, to_state, message_id)"
        " VALUES ($1, $2, $3, $4, $5, $6)",
        case_id,
        kind,
        actor,
        from_state,
        to_state,
        message_id,
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


async def queue_reply(
    pool: asyncpg.Pool, *, case_id: UUID, text: str, requested_by: str
) -> QueuedReply:
    """Store a counselor reply and its ReplyRequested outbox row, and clear waiting_since.

    Raises domain.InvalidReplyText, CaseNotFound or CaseClosed, and then stores nothing.
    """
    domain.validate_reply_text(text)
    reply_id = uuid4()
    async with pool.acquire() as connection, connection.transaction():
        case = await connection.fetchrow(
            "SELECT c.state, c.conversation_id, v.channel, v.push_target"
            " FROM desk.cases c JOIN desk.conversations v USING (conversation_id)"
            " WHERE c.case_id = $1 FOR UPDATE OF c",
            case_id,
        )
        if case is None:
            raise CaseNotFound(case_id)
        if case["state"] == "closed":
            raise CaseClosed(case_id)

        event = ReplyRequested(
            correlation_id=str(reply_id),
            reply_id=reply_id,
            case_id=case_id,
            conversation_id=case["conversation_id"],
            channel=case["channel"],
            to=case["push_target"],
            text=text,
            requested_by=requested_by,
        )
        await _insert_outbound_message(connection, event=event)
        await connection.execute(
            "UPDATE desk.cases SET waiting_since = NULL,"
            " last_message_at = GREATEST(last_message_at, $2) WHERE case_id = $1",
            case_id,
            event.occurred_at,
        )
        await _insert_case_event(
            connection,
            case_id=case_id,
            kind="reply_queued",
            actor=requested_by,
            message_id=reply_id,
        )
        await connection.execute(
            "INSERT INTO desk.outbox (topic, key, payload) VALUES ($1, $2, $3)",
            REPLY_REQUESTED,
            event.conversation_id,
            event.model_dump_json(),
        )
    return QueuedReply(reply_id=reply_id, conversation_id=case["conversation_id"])


async def _insert_outbound_message(
    connection: asyncpg.Connection, *, event: ReplyRequested
) -> None:
    await connection.execute(
        "INSERT INTO desk.messages (message_id, case_id, conversation_id, direction, kind, text,"
        " sent_at, correlation_id, requested_by, delivery_status)"
        " VALUES ($1, $2, $3, 'out', 'text', $4, $5, $6, $7, 'queued')",
        event.reply_id,
        event.case_id,
        event.conversation_id,
        event.text,
        event.occurred_at,
        event.correlation_id,
        event.requested_by,
    )


async def close_case(pool: asyncpg.Pool, *, case_id: UUID, actor: str) -> bool:
    """Close a case and return True, or False if it was already closed. Raises CaseNotFound."""
    async with pool.acquire() as connection, connection.transaction():
        state = await connection.fetchval(
            "SELECT state FROM desk.cases WHERE case_id = $1 FOR UPDATE", case_id
        )
        if state is None:
            raise CaseNotFound(case_id)
        if state == "closed":
            return False
        await connection.execute(
            "UPDATE desk.cases SET state = 'closed', closed_at = now(), waiting_since = NULL"
            " WHERE case_id = $1",
            case_id,
        )
        await _insert_case_event(
            connection,
            case_id=case_id,
            kind="closed",
            actor=actor,
            from_state=state,
            to_state="closed",
        )
    return True


async def fetch_queue(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    """Return the open and claimed cases in queue order, each with its latest inbound message."""
    return await pool.fetch(
        "SELECT c.case_id, c.conversation_id, v.channel, c.priority, c.topics, c.waiting_since,"
        " c.opened_at, c.state, latest.kind AS last_kind, latest.text AS last_text"
        " FROM desk.cases c JOIN desk.conversations v USING (conversation_id)"
        " LEFT JOIN LATERAL (SELECT m.kind, m.text FROM desk.messages m"
        "   WHERE m.case_id = c.case_id AND m.direction = 'in'"
        "   ORDER BY m.sent_at DESC, m.stored_at DESC LIMIT 1) latest ON true"
        " WHERE c.state IN ('open', 'claimed')"
        f" ORDER BY {QUEUE_ORDER_BY}"
    )


async def fetch_case(pool: asyncpg.Pool, *, case_id: UUID) -> asyncpg.Record | None:
    return await pool.fetchrow(
        "SELECT c.case_id, c.conversation_id, v.channel, c.state, c.priority, c.topics,"
        " c.waiting_since, c.opened_at, c.closed_at, c.last_message_at"
        " FROM desk.cases c JOIN desk.conversations v USING (conversation_id)"
        " WHERE c.case_id = $1",
        case_id,
    )


async def fetch_case_messages(pool: asyncpg.Pool, *, case_id: UUID) -> list[asyncpg.Record]:
    """Return the messages of a case, oldest first."""
    return await pool.fetch(
        "SELECT message_id, direction, kind, text, sent_at, delivery_status FROM desk.messages"
        " WHERE case_id = $1 ORDER BY sent_at, stored_at",
        case_id,
    )


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
