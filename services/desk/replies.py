"""Replies to a person: the outbound message, its outbox row, and the move of the case."""

from dataclasses import dataclass
from uuid import UUID, uuid4

import asyncpg

from services.desk import domain
from services.desk.case_rows import (
    SYSTEM_ACTOR,
    CaseClosed,
    claim_locked_case,
    insert_case_event,
    insert_move_event,
    lock_case,
)
from services.desk.domain import CaseMove, CaseState, NotPermitted, Role
from shared.schemas import ReplyRequested
from shared.schemas.topics import REPLY_REQUESTED


@dataclass(frozen=True)
class QueuedReply:
    reply_id: UUID
    conversation_id: str


async def queue_reply(
    pool: asyncpg.Pool, *, case_id: UUID, text: str, requested_by: str
) -> QueuedReply:
    """Store a reply and its ReplyRequested outbox row in one transaction.

    `requested_by` is the account id of the counselor or supervisor, or "system" for an
    automatic reply. See queue_reply_in_transaction for the rules. Raises
    domain.InvalidReplyText, CaseNotFound, CaseClosed, ForbiddenMove or NotPermitted, and
    then stores nothing.
    """
    domain.validate_reply_text(text)
    async with pool.acquire() as connection, connection.transaction():
        return await queue_reply_in_transaction(
            connection, case_id=case_id, text=text, requested_by=requested_by
        )


async def queue_reply_in_transaction(
    connection: asyncpg.Connection, *, case_id: UUID, text: str, requested_by: str
) -> QueuedReply:
    """Store a reply on the caller's connection, which must be inside a transaction.

    A reply from an account is the counselor's turn, so the case moves to waiting and its
    waiting_since is cleared. Only the claimant or a supervisor may reply, and a supervisor's
    reply to an open case claims it first. An automatic reply ("system") is not a
    counselor's turn, so it changes neither the state nor waiting_since.
    """
    domain.validate_reply_text(text)
    case = await lock_case(connection, case_id)
    if case["state"] == CaseState.CLOSED:
        raise CaseClosed(case_id)
    if requested_by == SYSTEM_ACTOR:
        return await _store_reply(connection, case=case, text=text, requested_by=requested_by)

    account_id, role = await _fetch_replying_account(connection, requested_by)
    if case["state"] == CaseState.OPEN and role is Role.SUPERVISOR:
        await claim_locked_case(connection, case=case, account_id=account_id, actor=requested_by)
        case = await lock_case(connection, case_id)

    previous = CaseState(case["state"])
    new_state = domain.next_state(case_id=case_id, current=previous, move=CaseMove.REPLY)
    domain.check_case_actor(
        case_id=case_id,
        move=CaseMove.REPLY,
        role=role,
        account_id=account_id,
        claimant_id=case["claimed_by"],
        claimant_name=case["claimant_name"],
    )
    queued = await _store_reply(
        connection, case=case, text=text, requested_by=requested_by, new_state=new_state
    )
    await connection.execute(
        "UPDATE desk.cases SET state = $2, waiting_since = NULL WHERE case_id = $1",
        case_id,
        new_state.value,
    )
    return queued


async def _fetch_replying_account(
    connection: asyncpg.Connection, requested_by: str
) -> tuple[UUID, Role]:
    try:
        account_id = UUID(requested_by)
    except ValueError:
        account_id = None
    role = None
    if account_id is not None:
        role = await connection.fetchval(
            "SELECT role FROM desk.accounts WHERE account_id = $1 AND active", account_id
        )
    if role is None:
        raise NotPermitted(
            f"requested_by {requested_by!r} is neither 'system' nor the id of an active account"
        )
    return account_id, Role(role)


async def _store_reply(
    connection: asyncpg.Connection,
    *,
    case: asyncpg.Record,
    text: str,
    requested_by: str,
    new_state: CaseState | None = None,
) -> QueuedReply:
    reply_id = uuid4()
    event = ReplyRequested(
        correlation_id=str(reply_id),
        reply_id=reply_id,
        case_id=case["case_id"],
        conversation_id=case["conversation_id"],
        channel=case["channel"],
        to=case["push_target"],
        text=text,
        requested_by=requested_by,
    )
    await _insert_outbound_message(connection, event=event)
    await connection.execute(
        "UPDATE desk.cases SET last_message_at = GREATEST(last_message_at, $2) WHERE case_id = $1",
        event.case_id,
        event.occurred_at,
    )
    if new_state is None:
        await insert_case_event(
            connection,
            case_id=event.case_id,
            kind=CaseMove.REPLY.value,
            actor=requested_by,
            message_id=reply_id,
        )
    else:
        await insert_move_event(
            connection,
            case_id=event.case_id,
            move=CaseMove.REPLY,
            actor=requested_by,
            previous=CaseState(case["state"]),
            new=new_state,
            message_id=reply_id,
        )
    await connection.execute(
        "INSERT INTO desk.outbox (topic, key, payload) VALUES ($1, $2, $3)",
        REPLY_REQUESTED,
        event.conversation_id,
        event.model_dump_json(),
    )
    return QueuedReply(reply_id=reply_id, conversation_id=event.conversation_id)


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
