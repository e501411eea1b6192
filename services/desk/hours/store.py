"""SQL of automatic replies and alerts. Each public function runs in one transaction of its own.

Replies and alerts are written as the counselor replies of services.desk.store are: a row
in desk.messages or desk.alerts, a case event, and an outbox row that the OutboxRelay
publishes later.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID, uuid4

import asyncpg

from services.desk.hours.calendar import Period
from services.desk.hours.events import ALERT_RAISED, AlertKind, AlertRaised
from services.desk.hours.rules import NOT_UNCLAIMED_STATES, is_unclaimed
from services.desk.hours.texts import AutomaticReply
from shared.schemas import MessageTriaged, ReplyRequested
from shared.schemas.topics import REPLY_REQUESTED

SYSTEM_ACTOR = "system"


class ReplyOutcome(StrEnum):
    QUEUED = "queued"
    ALREADY_SENT = "already_sent"
    NO_CASE = "no_case"
    CASE_CLOSED = "case_closed"


@dataclass(frozen=True)
class AutomaticReplyResult:
    """Outcome of queue_automatic_reply, with the alert it raised, if any."""

    outcome: ReplyOutcome
    case_id: UUID | None = None
    reply_id: UUID | None = None
    alert: AlertRaised | None = None


async def queue_automatic_reply(
    pool: asyncpg.Pool,
    *,
    event: MessageTriaged,
    kind: AutomaticReply,
    text: str,
    closed_period: Period,
    now: datetime,
) -> AutomaticReplyResult:
    """Queue an automatic reply to the stored inbound `event`, if it needs one.

    An after-hours reply goes out once per conversation and closed period. A crisis reply
    goes out once per urgent episode of the case in the closed period (see
    _fetch_episode_start), so a counselor's clear or close lets the next urgent message get
    its own. An inbound message gets at most one automatic reply, even when it is
    redelivered after a new episode started. The marker row, the outbound message, its
    outbox row and, for a crisis reply, the urgent_after_hours alert are written in one
    transaction. The case's waiting_since stays as it is, because the person still waits for
    a counselor. A message stored without a case, or whose case is closed by now, gets no
    reply.
    """
    async with pool.acquire() as connection, connection.transaction():
        await _lock_conversation(connection, event.message.conversation_id)
        target = await _lock_case_of_message(connection, event)
        if target is None:
            return AutomaticReplyResult(ReplyOutcome.NO_CASE)
        case_id = target["case_id"]
        if target["state"] == "closed":
            return AutomaticReplyResult(ReplyOutcome.CASE_CLOSED, case_id=case_id)
        if await _message_answered(connection, target["message_id"]):
            return AutomaticReplyResult(ReplyOutcome.ALREADY_SENT, case_id=case_id)

        episode_event_id = None
        if kind is AutomaticReply.CRISIS:
            episode_event_id = await _fetch_episode_start(connection, case_id)
        reply_id = uuid4()
        claimed = await _insert_marker(
            connection,
            target=target,
            kind=kind,
            closed_period=closed_period,
            reply_id=reply_id,
            now=now,
            episode_event_id=episode_event_id,
        )
        if not claimed:
            return AutomaticReplyResult(ReplyOutcome.ALREADY_SENT, case_id=case_id)
        if kind is AutomaticReply.CRISIS:
            # The crisis text also names the next opening, so it counts as the period's
            # after-hours reply and no after-hours reply follows it.
            await _insert_marker(
                connection,
                target=target,
                kind=AutomaticReply.AFTER_HOURS,
                closed_period=closed_period,
                reply_id=reply_id,
                now=now,
            )

        reply = ReplyRequested(
            correlation_id=event.correlation_id,
            occurred_at=now,
            reply_id=reply_id,
            case_id=case_id,
            conversation_id=target["conversation_id"],
            channel=target["channel"],
            to=target["push_target"],
            text=text,
            requested_by=SYSTEM_ACTOR,
        )
        await _queue_reply(connection, reply=reply, kind=kind)

        alert = None
        if kind is AutomaticReply.CRISIS:
            alert = await _raise_alert(
                connection,
                kind=AlertKind.URGENT_AFTER_HOURS,
                case=target,
                period_start=closed_period.start,
                now=now,
                correlation_id=event.correlation_id,
                episode_event_id=episode_event_id,
            )
    return AutomaticReplyResult(
        ReplyOutcome.QUEUED, case_id=case_id, reply_id=reply_id, alert=alert
    )


async def _lock_conversation(connection: asyncpg.Connection, conversation_id: str) -> None:
    # Lock order: conversation, then case, as in services.desk.store.record_triaged_message.
    # The foreign keys of the rows written here take a share lock on the conversation, so
    # locking the case first would deadlock with an inbound message of the same chat.
    await connection.execute(
        "SELECT 1 FROM desk.conversations WHERE conversation_id = $1 FOR UPDATE", conversation_id
    )


async def _lock_case_of_message(
    connection: asyncpg.Connection, event: MessageTriaged
) -> asyncpg.Record | None:
    # A redelivered LINE event may carry a new event_id, so the webhook_event_id finds the
    # stored copy too. The lock keeps a concurrent close from interleaving.
    return await connection.fetchrow(
        "SELECT m.message_id, c.case_id, c.state::text AS state, c.conversation_id,"
        " v.channel, v.push_target"
        " FROM desk.messages m"
        " JOIN desk.cases c ON c.case_id = m.case_id"
        " JOIN desk.conversations v ON v.conversation_id = c.conversation_id"
        " WHERE (m.message_id = $1 OR m.webhook_event_id = $2) AND m.direction = 'in'"
        " FOR UPDATE OF c",
        event.event_id,
        event.message.webhook_event_id,
    )


async def _message_answered(connection: asyncpg.Connection, message_id: UUID) -> bool:
    # A redelivery may come after a clear or close started a new episode, and the episode's
    # marker would not stop it, so the marker of the message itself is looked up first.
    found = await connection.fetchval(
        "SELECT EXISTS (SELECT 1 FROM desk.automatic_replies WHERE inbound_message_id = $1)",
        message_id,
    )
    return bool(found)


async def _fetch_episode_start(connection: asyncpg.Connection, case_id: UUID) -> int:
    """Return the id of the case_events row that started the case's current urgent episode.

    That row is the latest 'opened', 'reopened' or 'marked_urgent' row of the case. A
    counselor's close makes the next message reopen the case (or open a new one), and a
    counselor's clear makes the next urgent message mark the case urgent again, so each of
    them starts a new episode. The caller holds the conversation lock, which
    record_triaged_message and the counselor actions take too, so no row is added meanwhile.
    The row exists, because record_triaged_message writes 'opened' with every case.
    """
    return await connection.fetchval(
        "SELECT max(case_event_id) FROM desk.case_events"
        " WHERE case_id = $1 AND kind IN ('opened', 'reopened', 'marked_urgent')",
        case_id,
    )


async def _insert_marker(
    connection: asyncpg.Connection,
    *,
    target: asyncpg.Record,
    kind: AutomaticReply,
    closed_period: Period,
    reply_id: UUID,
    now: datetime,
    episode_event_id: int | None = None,
) -> bool:
    """Insert the row that claims the closed period (and episode) for `kind`.

    Return False if the row exists. The unique indexes automatic_replies_after_hours_once
    and automatic_replies_crisis_once decide what counts as the same row.
    """
    inserted = await connection.fetchval(
        "INSERT INTO desk.automatic_replies (conversation_id, kind, closed_period_start,"
        " closed_period_end, case_id, inbound_message_id, reply_id, queued_at,"
        " episode_event_id)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
        " ON CONFLICT DO NOTHING RETURNING true",
        target["conversation_id"],
        kind.value,
        closed_period.start,
        closed_period.end,
        target["case_id"],
        target["message_id"],
        reply_id,
        now,
        episode_event_id,
    )
    return bool(inserted)


async def _queue_reply(
    connection: asyncpg.Connection, *, reply: ReplyRequested, kind: AutomaticReply
) -> None:
    await connection.execute(
        "INSERT INTO desk.messages (message_id, case_id, conversation_id, direction, kind, text,"
        " sent_at, correlation_id, requested_by, delivery_status)"
        " VALUES ($1, $2, $3, 'out', 'text', $4, $5, $6, $7, 'queued')",
        reply.reply_id,
        reply.case_id,
        reply.conversation_id,
        reply.text,
        reply.occurred_at,
        reply.correlation_id,
        reply.requested_by,
    )
    await connection.execute(
        "UPDATE desk.cases SET last_message_at = GREATEST(last_message_at, $2) WHERE case_id = $1",
        reply.case_id,
        reply.occurred_at,
    )
    await _insert_case_event(
        connection,
        case_id=reply.case_id,
        kind=f"{kind.value}_reply_queued",
        message_id=reply.reply_id,
        now=reply.occurred_at,
    )
    await _insert_outbox(
        connection,
        topic=REPLY_REQUESTED,
        key=reply.conversation_id,
        payload=reply.model_dump_json(),
    )


async def _raise_alert(
    connection: asyncpg.Connection,
    *,
    kind: AlertKind,
    case: asyncpg.Record,
    period_start: datetime,
    now: datetime,
    correlation_id: str | None = None,
    episode_event_id: int | None = None,
) -> AlertRaised | None:
    """Store and queue an alert, unless the case has one of `kind` for the period already.

    Return None in that case. An urgent_after_hours alert is once per urgent episode
    (`episode_event_id`) and closed period, an urgent_unclaimed alert once per open period.
    """
    alert_id = uuid4()
    alert = AlertRaised(
        event_id=alert_id,
        correlation_id=correlation_id or str(alert_id),
        occurred_at=now,
        alert_id=alert_id,
        kind=kind,
        case_id=case["case_id"],
        conversation_id=case["conversation_id"],
        channel=case["channel"],
        raised_at=now,
    )
    inserted = await connection.fetchval(
        "INSERT INTO desk.alerts (alert_id, kind, case_id, conversation_id, channel,"
        " period_start, raised_at, episode_event_id)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        " ON CONFLICT DO NOTHING RETURNING true",
        alert.alert_id,
        alert.kind.value,
        alert.case_id,
        alert.conversation_id,
        alert.channel,
        period_start,
        alert.raised_at,
        episode_event_id,
    )
    if not inserted:
        return None
    await _insert_case_event(
        connection, case_id=alert.case_id, kind=f"{kind.value}_alert_raised", now=now
    )
    await _insert_outbox(
        connection, topic=ALERT_RAISED, key=alert.conversation_id, payload=alert.model_dump_json()
    )
    return alert


async def _insert_case_event(
    connection: asyncpg.Connection,
    *,
    case_id: UUID,
    kind: str,
    now: datetime,
    message_id: UUID | None = None,
) -> None:
    await connection.execute(
        "INSERT INTO desk.case_events (case_id, kind, actor, message_id, occurred_at)"
        " VALUES ($1, $2, $3, $4, $5)",
        case_id,
        kind,
        SYSTEM_ACTOR,
        message_id,
        now,
    )


async def _insert_outbox(
    connection: asyncpg.Connection, *, topic: str, key: str, payload: str
) -> None:
    await connection.execute(
        "INSERT INTO desk.outbox (topic, key, payload) VALUES ($1, $2, $3)", topic, key, payload
    )


async def fetch_unclaimed_urgent_cases(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    """Return the urgent cases that nobody has claimed, each with `unclaimed_since`.

    `unclaimed_since` is when the case last became urgent: the sent_at of the message
    recorded by its latest 'marked_urgent' event, or opened_at if it has none because it
    opened urgent. After a clear (cases.clear_urgent), the next urgent message adds a later
    'marked_urgent' event. A move out of a
    claimed, waiting or closed state later than that restarts it. `last_alert_period_start`
    is the period of the case's latest urgent_unclaimed alert, or None.
    """
    return await pool.fetch(
        "SELECT c.case_id, c.conversation_id, v.channel, c.state::text AS state,"
        " (SELECT max(a.period_start) FROM desk.alerts a"
        "   WHERE a.case_id = c.case_id AND a.kind = 'urgent_unclaimed')"
        "   AS last_alert_period_start,"
        " GREATEST("
        "   COALESCE("
        "     (SELECT m.sent_at FROM desk.case_events e"
        "       JOIN desk.messages m ON m.message_id = e.message_id"
        "       WHERE e.case_id = c.case_id AND e.kind = 'marked_urgent'"
        "       ORDER BY e.case_event_id DESC LIMIT 1),"
        "     c.opened_at),"
        "   (SELECT max(e.occurred_at) FROM desk.case_events e"
        "     WHERE e.case_id = c.case_id AND e.from_state = ANY($1::text[]))"
        " ) AS unclaimed_since"
        " FROM desk.cases c JOIN desk.conversations v USING (conversation_id)"
        " WHERE c.priority::text = 'urgent' AND NOT (c.state::text = ANY($1::text[]))"
        " ORDER BY c.case_id",
        list(NOT_UNCLAIMED_STATES),
    )


async def raise_unclaimed_alert(
    pool: asyncpg.Pool, *, case_id: UUID, period_start: datetime, now: datetime
) -> AlertRaised | None:
    """Raise the urgent_unclaimed alert of a case for the open period from `period_start`.

    Return None if the case has that alert already, or is no longer urgent and unclaimed.
    """
    async with pool.acquire() as connection, connection.transaction():
        conversation_id = await connection.fetchval(
            "SELECT conversation_id FROM desk.cases WHERE case_id = $1", case_id
        )
        if conversation_id is None:
            return None
        await _lock_conversation(connection, conversation_id)
        case = await connection.fetchrow(
            "SELECT c.case_id, c.conversation_id, v.channel, c.state::text AS state,"
            " c.priority::text AS priority"
            " FROM desk.cases c JOIN desk.conversations v USING (conversation_id)"
            " WHERE c.case_id = $1 FOR UPDATE OF c",
            case_id,
        )
        # A counselor may have claimed the case since fetch_unclaimed_urgent_cases read it.
        if case["priority"] != "urgent" or not is_unclaimed(case["state"]):
            return None
        return await _raise_alert(
            connection,
            kind=AlertKind.URGENT_UNCLAIMED,
            case=case,
            period_start=period_start,
            now=now,
        )
