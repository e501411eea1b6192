"""Counselor actions on cases: read, claim, release, transfer, reply, close and clear urgent.

Each action runs in one transaction that locks the case, checks the move against
domain.CASE_MOVES and the account against domain.check_case_actor, changes the case,
records the move in desk.case_events and writes the audit row. Clearing the urgent flag
moves no state, so it has its own checks in domain.check_urgent_clear and
domain.check_urgent_clearer.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from services.desk import case_queries, closing, corrections, domain, replies
from services.desk.accounts import Principal
from services.desk.audit import AuditAction, insert_audit
from services.desk.case_rows import (
    CaseNotFound,
    claim_locked_case,
    insert_case_event,
    insert_move_event,
    lock_case,
    release_locked_case,
)
from services.desk.domain import CaseMove, CaseState, ForbiddenMove
from shared.schemas import Priority


class InvalidTransfer(ValueError):
    """A transfer to an account that cannot hold cases."""


@dataclass(frozen=True)
class CaseView:
    case: asyncpg.Record
    messages: list[asyncpg.Record]
    events: list[asyncpg.Record]


async def read_queue(
    pool: asyncpg.Pool, *, principal: Principal, request_id: str | None
) -> list[asyncpg.Record]:
    """Return the queue and audit the read as one row, because the queue shows message texts."""
    async with pool.acquire() as connection, connection.transaction():
        rows = await case_queries.fetch_queue(connection)
        await insert_audit(
            connection,
            account_id=principal.account_id,
            action=AuditAction.QUEUE_READ,
            request_id=request_id,
            detail={"cases": len(rows)},
        )
    return rows


async def read_case(
    pool: asyncpg.Pool, *, case_id: UUID, principal: Principal, request_id: str | None
) -> CaseView:
    """Return a case with its messages and timeline, and audit the read. Raises CaseNotFound."""
    async with pool.acquire() as connection, connection.transaction():
        case = await case_queries.fetch_case(connection, case_id=case_id)
        if case is None:
            raise CaseNotFound(case_id)
        view = CaseView(
            case=case,
            messages=await case_queries.fetch_case_messages(connection, case_id=case_id),
            events=await case_queries.fetch_case_events(connection, case_id=case_id),
        )
        await _audit(connection, principal, AuditAction.CASE_READ, case_id, request_id)
    return view


async def claim_case(
    pool: asyncpg.Pool, *, case_id: UUID, principal: Principal, request_id: str | None
) -> asyncpg.Record:
    """Claim an open case for the principal and return the case.

    A second claim by the same account changes nothing. Raises CaseNotFound,
    domain.CaseAlreadyClaimed if another account has claimed the case, or ForbiddenMove.
    """
    async with pool.acquire() as connection, connection.transaction():
        case = await lock_case(connection, case_id)
        if case["claimed_by"] != principal.account_id:
            _check_actor(case, principal, CaseMove.CLAIM)
            await claim_locked_case(
                connection, case=case, account_id=principal.account_id, actor=_actor(principal)
            )
        await _audit(connection, principal, AuditAction.CASE_CLAIM, case_id, request_id)
        return await case_queries.fetch_case(connection, case_id=case_id)


async def release_case(
    pool: asyncpg.Pool, *, case_id: UUID, principal: Principal, request_id: str | None
) -> asyncpg.Record:
    """Put a claimed or waiting case back in the queue without a claimant, and return it."""
    async with pool.acquire() as connection, connection.transaction():
        case = await lock_case(connection, case_id)
        domain.next_state(case_id=case_id, current=case["state"], move=CaseMove.RELEASE)
        _check_actor(case, principal, CaseMove.RELEASE)
        await release_locked_case(connection, case=case, actor=_actor(principal))
        await _audit(connection, principal, AuditAction.CASE_RELEASE, case_id, request_id)
        return await case_queries.fetch_case(connection, case_id=case_id)


async def transfer_case(
    pool: asyncpg.Pool,
    *,
    case_id: UUID,
    to_account_id: UUID,
    principal: Principal,
    request_id: str | None,
) -> asyncpg.Record:
    """Give a claimed or waiting case to another counselor or supervisor, and return it.

    Raises InvalidTransfer unless the target is an active counselor or supervisor account
    of a person, and ForbiddenMove if the target has claimed the case already.
    """
    async with pool.acquire() as connection, connection.transaction():
        case = await lock_case(connection, case_id)
        previous = CaseState(case["state"])
        new_state = domain.next_state(case_id=case_id, current=previous, move=CaseMove.TRANSFER)
        _check_actor(case, principal, CaseMove.TRANSFER)
        target = await _fetch_transfer_target(connection, to_account_id)
        if target["account_id"] == case["claimed_by"]:
            raise ForbiddenMove(
                case_id,
                previous,
                new_state,
                CaseMove.TRANSFER,
                message=f"case {case_id} is already claimed by {target['display_name']}",
            )
        await connection.execute(
            "UPDATE desk.cases SET claimed_by = $2, claimed_at = now() WHERE case_id = $1",
            case_id,
            to_account_id,
        )
        detail = {"from_account_id": str(case["claimed_by"]), "to_account_id": str(to_account_id)}
        await insert_move_event(
            connection,
            case_id=case_id,
            move=CaseMove.TRANSFER,
            actor=_actor(principal),
            previous=previous,
            new=new_state,
            detail=detail,
        )
        await _audit(connection, principal, AuditAction.CASE_TRANSFER, case_id, request_id, detail)
        return await case_queries.fetch_case(connection, case_id=case_id)


async def close_case(
    pool: asyncpg.Pool,
    *,
    case_id: UUID,
    principal: Principal,
    topics: list[str],
    age_band: str,
    request_id: str | None,
    closed_at: datetime | None = None,
) -> asyncpg.Record:
    """Close a case with the topics and age band that the counselor confirmed, and return it.

    Triage's topics stay in the case's `topics`. When the two differ, a row in
    desk.topic_corrections records it. `closed_at` defaults to the database's now(); data
    imports and tests pass a past time. Raises closing.InvalidClosing, CaseNotFound,
    ForbiddenMove or domain.NotPermitted.
    """
    confirmed = closing.confirmed_topics(topics)
    band = closing.parse_age_band(age_band)
    async with pool.acquire() as connection, connection.transaction():
        case = await lock_case(connection, case_id)
        previous = CaseState(case["state"])
        new_state = domain.next_state(case_id=case_id, current=previous, move=CaseMove.CLOSE)
        _check_actor(case, principal, CaseMove.CLOSE)
        await connection.execute(
            "UPDATE desk.cases SET state = $2, closed_at = COALESCE($3, now()), closed_by = $4,"
            " claimed_by = NULL, claimed_at = NULL, waiting_since = NULL,"
            " confirmed_topics = $5, age_band = $6 WHERE case_id = $1",
            case_id,
            new_state.value,
            closed_at,
            principal.account_id,
            confirmed,
            band.value,
        )
        await corrections.record_correction(
            connection,
            case_id=case_id,
            triage_topics=list(case["topics"]),
            confirmed_topics=confirmed,
            corrected_by=principal.account_id,
        )
        detail = {"topics": confirmed, "age_band": band.value, "triage_topics": case["topics"]}
        await insert_move_event(
            connection,
            case_id=case_id,
            move=CaseMove.CLOSE,
            actor=_actor(principal),
            previous=previous,
            new=new_state,
            detail=detail,
        )
        await _audit(connection, principal, AuditAction.CASE_CLOSE, case_id, request_id, detail)
        return await case_queries.fetch_case(connection, case_id=case_id)


async def reply_to_case(
    pool: asyncpg.Pool,
    *,
    case_id: UUID,
    text: str,
    principal: Principal,
    request_id: str | None,
) -> replies.QueuedReply:
    """Queue the principal's reply with the rules of replies.queue_reply_in_transaction."""
    domain.validate_reply_text(text)
    async with pool.acquire() as connection, connection.transaction():
        queued = await replies.queue_reply_in_transaction(
            connection, case_id=case_id, text=text, requested_by=_actor(principal)
        )
        await _audit(
            connection,
            principal,
            AuditAction.REPLY_CREATE,
            case_id,
            request_id,
            {"reply_id": str(queued.reply_id)},
        )
    return queued


async def clear_urgent(
    pool: asyncpg.Pool,
    *,
    case_id: UUID,
    reason: str,
    principal: Principal,
    request_id: str | None,
) -> asyncpg.Record:
    """Set the priority of the case's conversation and its active case to normal.

    Both forget the message that made them urgent. The audit row and an 'urgent_cleared'
    row in desk.case_events store the account, the reason and the id of that message. The
    next urgent message from triage makes both urgent again. Raises
    domain.InvalidUrgentClearReason, CaseNotFound, domain.UrgentClearConflict for a closed
    case or one that is not urgent, or domain.NotPermitted.
    """
    # NOTE: the request does not say which messages the caller has read, so an urgent
    # message stored a moment before the clear is cleared with the older ones.
    reason = domain.validate_urgent_clear_reason(reason)
    async with pool.acquire() as connection, connection.transaction():
        # lock_case locks the conversation row too, so an inbound message of the same chat
        # is stored either before the clear or after it, never halfway.
        case = await lock_case(connection, case_id)
        conversation_priority = await connection.fetchval(
            "SELECT priority FROM desk.conversations WHERE conversation_id = $1",
            case["conversation_id"],
        )
        domain.check_urgent_clear(
            case_id=case_id,
            state=case["state"],
            case_priority=case["priority"],
            conversation_priority=conversation_priority,
        )
        domain.check_urgent_clearer(
            case_id=case_id,
            role=principal.role,
            account_id=principal.account_id,
            claimant_id=case["claimed_by"],
            claimant_name=case["claimant_name"],
        )
        await connection.execute(
            "UPDATE desk.conversations SET priority = $2, urgent_message_id = NULL,"
            " updated_at = now() WHERE conversation_id = $1",
            case["conversation_id"],
            Priority.NORMAL.value,
        )
        # A conversation has at most one case that is not closed (the index
        # cases_one_active_per_conversation), and this case is that one.
        await connection.execute(
            "UPDATE desk.cases SET priority = $2, urgent_message_id = NULL"
            " WHERE conversation_id = $1 AND state <> 'closed'",
            case["conversation_id"],
            Priority.NORMAL.value,
        )
        detail = {
            "reason": reason,
            "previous_case_priority": case["priority"],
            "previous_conversation_priority": conversation_priority,
            "previous_urgent_message_id": _optional_id(case["urgent_message_id"]),
        }
        await insert_case_event(
            connection,
            case_id=case_id,
            kind="urgent_cleared",
            actor=_actor(principal),
            detail=detail,
        )
        await _audit(
            connection, principal, AuditAction.CASE_CLEAR_URGENT, case_id, request_id, detail
        )
        return await case_queries.fetch_case(connection, case_id=case_id)


async def _fetch_transfer_target(
    connection: asyncpg.Connection, account_id: UUID
) -> asyncpg.Record:
    target = await connection.fetchrow(
        "SELECT account_id, display_name FROM desk.accounts WHERE account_id = $1 AND active"
        " AND NOT is_operator AND role IN ('counselor', 'supervisor')",
        account_id,
    )
    if target is None:
        raise InvalidTransfer(
            f"to_account_id {account_id} is not an active counselor or supervisor account;"
            " find one with GET /api/accounts"
        )
    return target


def _check_actor(case: asyncpg.Record, principal: Principal, move: CaseMove) -> None:
    domain.check_case_actor(
        case_id=case["case_id"],
        move=move,
        role=principal.role,
        account_id=principal.account_id,
        claimant_id=case["claimed_by"],
        claimant_name=case["claimant_name"],
    )


def _actor(principal: Principal) -> str:
    return str(principal.account_id)


def _optional_id(value: UUID | None) -> str | None:
    return str(value) if value is not None else None


async def _audit(
    connection: asyncpg.Connection,
    principal: Principal,
    action: AuditAction,
    case_id: UUID,
    request_id: str | None,
    detail: dict[str, Any] | None = None,
) -> None:
    await insert_audit(
        connection,
        account_id=principal.account_id,
        action=action,
        request_id=request_id,
        case_id=case_id,
        detail=detail,
    )
