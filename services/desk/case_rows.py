"""SQL helpers that run on the caller's connection, inside the caller's transaction."""

import json
from typing import Any
from uuid import UUID

import asyncpg

from services.desk.domain import (
    CaseAlreadyClaimed,
    CaseMove,
    CaseState,
    ForbiddenMove,
    next_state,
)

# Actor of the moves that no account makes, such as opening a case for a new message.
SYSTEM_ACTOR = "system"

# Columns of a locked case that the moves and replies read.
_CASE_COLUMNS = (
    "c.case_id, c.conversation_id, c.state, c.priority, c.urgent_message_id, c.topics,"
    " c.waiting_since, c.claimed_by, c.closed_at, v.channel, v.push_target,"
    " claimant.display_name AS claimant_name"
)


class CaseNotFound(LookupError):
    def __init__(self, case_id: UUID) -> None:
        super().__init__(f"case {case_id} not found")
        self.case_id = case_id


class CaseClosed(ForbiddenMove):
    """A reply to a closed case."""

    def __init__(self, case_id: UUID) -> None:
        message = (
            f"case {case_id} is closed, and a closed case accepts no replies: it cannot move "
            "from 'closed' to 'waiting'"
        )
        super().__init__(
            case_id, CaseState.CLOSED, CaseState.WAITING, CaseMove.REPLY, message=message
        )


async def lock_case(connection: asyncpg.Connection, case_id: UUID) -> asyncpg.Record:
    """Lock a case row until the transaction ends and return it, or raise CaseNotFound.

    The lock makes concurrent moves of one case run one after another, so two counselors
    who claim at once see each other's result.
    """
    # Lock order: conversation, then case, as record_triaged_message does. A reply's message
    # row takes a key-share lock on the conversation, so locking the case first could
    # deadlock with an inbound message of the same chat. A case never changes conversation.
    conversation_id = await connection.fetchval(
        "SELECT conversation_id FROM desk.cases WHERE case_id = $1", case_id
    )
    if conversation_id is None:
        raise CaseNotFound(case_id)
    await connection.execute(
        "SELECT 1 FROM desk.conversations WHERE conversation_id = $1 FOR UPDATE", conversation_id
    )
    # Lock first and read the joined rows in a second statement. A SELECT ... FOR UPDATE that
    # waited for another transaction re-reads only the locked row, so its join would still
    # show the claimant from before the wait.
    await connection.execute("SELECT 1 FROM desk.cases WHERE case_id = $1 FOR UPDATE", case_id)
    return await connection.fetchrow(
        f"SELECT {_CASE_COLUMNS}"
        " FROM desk.cases c JOIN desk.conversations v USING (conversation_id)"
        " LEFT JOIN desk.accounts claimant ON claimant.account_id = c.claimed_by"
        " WHERE c.case_id = $1",
        case_id,
    )


async def insert_case_event(
    connection: asyncpg.Connection,
    *,
    case_id: UUID,
    kind: str,
    actor: str,
    from_state: str | None = None,
    to_state: str | None = None,
    message_id: UUID | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Add a row to the case's timeline in desk.case_events."""
    await connection.execute(
        "INSERT INTO desk.case_events"
        " (case_id, kind, actor, from_state, to_state, message_id, detail)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)",
        case_id,
        kind,
        actor,
        from_state,
        to_state,
        message_id,
        json.dumps(detail, ensure_ascii=False) if detail is not None else None,
    )


async def insert_move_event(
    connection: asyncpg.Connection,
    *,
    case_id: UUID,
    move: CaseMove,
    actor: str,
    previous: CaseState,
    new: CaseState,
    message_id: UUID | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Record one state move of a case, which the caller has checked with domain.next_state."""
    await insert_case_event(
        connection,
        case_id=case_id,
        kind=move.value,
        actor=actor,
        from_state=previous.value,
        to_state=new.value,
        message_id=message_id,
        detail=detail,
    )


async def claim_locked_case(
    connection: asyncpg.Connection, *, case: asyncpg.Record, account_id: UUID, actor: str
) -> CaseState:
    """Claim a case that the caller locked with lock_case, for `account_id`.

    Raises CaseAlreadyClaimed if another account has claimed it, or ForbiddenMove from a
    state that a claim cannot leave, such as closed.
    """
    previous = CaseState(case["state"])
    if case["claimed_by"] is not None:
        raise CaseAlreadyClaimed(case["case_id"], previous, case["claimant_name"])
    new_state = next_state(case_id=case["case_id"], current=previous, move=CaseMove.CLAIM)
    await connection.execute(
        "UPDATE desk.cases SET state = $2, claimed_by = $3, claimed_at = now() WHERE case_id = $1",
        case["case_id"],
        new_state.value,
        account_id,
    )
    await insert_move_event(
        connection,
        case_id=case["case_id"],
        move=CaseMove.CLAIM,
        actor=actor,
        previous=previous,
        new=new_state,
        detail={"claimed_by": str(account_id)},
    )
    return new_state


async def release_locked_case(
    connection: asyncpg.Connection,
    *,
    case: asyncpg.Record,
    actor: str,
    reason: str | None = None,
) -> CaseState:
    """Put a case that the caller locked back in the queue without a claimant."""
    previous = CaseState(case["state"])
    new_state = next_state(case_id=case["case_id"], current=previous, move=CaseMove.RELEASE)
    await connection.execute(
        "UPDATE desk.cases SET state = $2, claimed_by = NULL, claimed_at = NULL WHERE case_id = $1",
        case["case_id"],
        new_state.value,
    )
    detail: dict[str, Any] = {"claimed_by": str(case["claimed_by"])}
    if reason is not None:
        detail["reason"] = reason
    await insert_move_event(
        connection,
        case_id=case["case_id"],
        move=CaseMove.RELEASE,
        actor=actor,
        previous=previous,
        new=new_state,
        detail=detail,
    )
    return new_state
