"""HTTP routes of the queue and of counselor actions on cases, and the audit log's route."""

import json
from typing import Annotated, Any
from uuid import UUID

import asyncpg
import structlog
from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from prometheus_client import Counter
from pydantic import BaseModel, ConfigDict

from services.desk import case_queries, cases, domain, triage_results
from services.desk.accounts import Principal
from services.desk.api import isoformat, parse_body, parse_uuid, pool_of, request_id_of
from services.desk.audit import (
    AUDIT_LIMIT_DEFAULT,
    AUDIT_LIMIT_MAX,
    AuditAction,
    fetch_audit,
    insert_audit,
)
from services.desk.auth import require_roles
from services.desk.domain import Role

log = structlog.get_logger()

REPLIES_QUEUED = Counter("desk_replies_queued", "Counselor replies stored and queued to be sent.")
CASE_MOVES = Counter("desk_case_moves", "Case state moves made through the API.", ["move"])
URGENT_CLEARS = Counter(
    "desk_urgent_clears", "Urgent flags that counselors or supervisors cleared through the API."
)

CounselorOrSupervisor = Annotated[
    Principal, Depends(require_roles(Role.COUNSELOR, Role.SUPERVISOR))
]
Supervisor = Annotated[Principal, Depends(require_roles(Role.SUPERVISOR))]
CASE_ID_SOURCE = "a case_id from GET /api/queue"


class ReplyBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str


class TransferBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to_account_id: UUID


class CloseBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    topics: list[str]
    age_band: str


class ClearUrgentBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str


def add_case_routes(app: FastAPI) -> None:
    app.add_api_route("/api/queue", get_queue, methods=["GET"])
    app.add_api_route("/api/cases/{case_id}", get_case, methods=["GET"])
    app.add_api_route("/api/cases/{case_id}/claim", post_claim, methods=["POST"])
    app.add_api_route("/api/cases/{case_id}/release", post_release, methods=["POST"])
    app.add_api_route("/api/cases/{case_id}/transfer", post_transfer, methods=["POST"])
    app.add_api_route("/api/cases/{case_id}/close", post_close, methods=["POST"])
    app.add_api_route("/api/cases/{case_id}/replies", post_reply, methods=["POST"], status_code=202)
    app.add_api_route("/api/cases/{case_id}/clear-urgent", post_clear_urgent, methods=["POST"])
    app.add_api_route("/api/audit", get_audit, methods=["GET"])


async def get_queue(request: Request, principal: CounselorOrSupervisor) -> dict:
    """Return the cases that are not closed, urgent first and then the longest wait."""
    rows = await cases.read_queue(
        pool_of(request), principal=principal, request_id=request_id_of(request)
    )
    return {"cases": [_queue_entry(row) for row in rows]}


async def get_case(case_id: str, request: Request, principal: CounselorOrSupervisor) -> dict:
    """Return one case with its messages and its timeline, oldest first."""
    view = await cases.read_case(
        pool_of(request),
        case_id=_case_id(case_id),
        principal=principal,
        request_id=request_id_of(request),
    )
    return {
        **_case_fields(view.case),
        "messages": [_message_fields(row) for row in view.messages],
        "events": [_event_fields(row) for row in view.events],
    }


async def post_claim(case_id: str, request: Request, principal: CounselorOrSupervisor) -> dict:
    """Claim an open case. Of concurrent claims one wins, and the others get 409."""
    case = await cases.claim_case(
        pool_of(request),
        case_id=_case_id(case_id),
        principal=principal,
        request_id=request_id_of(request),
    )
    return _moved(case, domain.CaseMove.CLAIM)


async def post_release(case_id: str, request: Request, principal: CounselorOrSupervisor) -> dict:
    """Put a claimed or waiting case back in the queue without a claimant."""
    case = await cases.release_case(
        pool_of(request),
        case_id=_case_id(case_id),
        principal=principal,
        request_id=request_id_of(request),
    )
    return _moved(case, domain.CaseMove.RELEASE)


async def post_transfer(case_id: str, request: Request, principal: CounselorOrSupervisor) -> dict:
    """Give a case to another counselor: its claimant or a supervisor may do this."""
    parsed_id = _case_id(case_id)
    body = await parse_body(request, TransferBody, example='{"to_account_id": "<account id>"}')
    case = await cases.transfer_case(
        pool_of(request),
        case_id=parsed_id,
        to_account_id=body.to_account_id,
        principal=principal,
        request_id=request_id_of(request),
    )
    return _moved(case, domain.CaseMove.TRANSFER)


async def post_close(case_id: str, request: Request, principal: CounselorOrSupervisor) -> dict:
    """Close a case with the confirmed topics and the person's age band."""
    parsed_id = _case_id(case_id)
    body = await parse_body(
        request, CloseBody, example='{"topics": ["家族関係"], "age_band": "40s"}'
    )
    case = await cases.close_case(
        pool_of(request),
        case_id=parsed_id,
        principal=principal,
        topics=body.topics,
        age_band=body.age_band,
        request_id=request_id_of(request),
    )
    return _moved(case, domain.CaseMove.CLOSE)


async def post_clear_urgent(
    case_id: str, request: Request, principal: CounselorOrSupervisor
) -> dict:
    """Set an urgent case and its conversation back to normal priority, with a reason."""
    parsed_id = _case_id(case_id)
    example = '{"reason": "<why the case is no longer urgent, at most 500 characters>"}'
    body = await parse_body(request, ClearUrgentBody, example=example)
    case = await cases.clear_urgent(
        pool_of(request),
        case_id=parsed_id,
        reason=body.reason,
        principal=principal,
        request_id=request_id_of(request),
    )
    URGENT_CLEARS.inc()
    # The reason is left out of the log, because it may describe the person.
    log.info(
        "urgent_cleared", case_id=str(case["case_id"]), conversation_id=case["conversation_id"]
    )
    return _case_fields(case)


async def post_reply(
    case_id: str, request: Request, principal: CounselorOrSupervisor
) -> JSONResponse:
    """Store a reply and queue it for sending to the person's LINE chat."""
    parsed_id = _case_id(case_id)
    body = await parse_body(request, ReplyBody, example='{"text": "..."}')
    queued = await cases.reply_to_case(
        pool_of(request),
        case_id=parsed_id,
        text=body.text,
        principal=principal,
        request_id=request_id_of(request),
    )
    REPLIES_QUEUED.inc()
    request.app.state.outbox_relay.wake()
    log.info(
        "reply_queued",
        case_id=str(parsed_id),
        conversation_id=queued.conversation_id,
        reply_id=str(queued.reply_id),
    )
    return JSONResponse({"reply_id": str(queued.reply_id), "status": "queued"}, 202)


async def get_audit(
    request: Request,
    principal: Supervisor,
    case_id: str | None = None,
    account_id: str | None = None,
    action: str | None = None,
    limit: Annotated[int, Query(ge=1, le=AUDIT_LIMIT_MAX)] = AUDIT_LIMIT_DEFAULT,
) -> dict:
    """Return audit rows, newest first, filtered by case, account or action."""
    parsed_case = parse_uuid(case_id, name="case_id", source=CASE_ID_SOURCE) if case_id else None
    parsed_account = (
        parse_uuid(account_id, name="account_id", source="an id from GET /api/accounts")
        if account_id
        else None
    )
    pool = pool_of(request)
    rows = await fetch_audit(
        pool, case_id=parsed_case, account_id=parsed_account, action=action, limit=limit
    )
    await insert_audit(
        pool,
        account_id=principal.account_id,
        action=AuditAction.AUDIT_READ,
        request_id=request_id_of(request),
        detail={"case_id": case_id, "account_id": account_id, "action": action},
    )
    return {"entries": [_audit_fields(row) for row in rows]}


def _case_id(value: str) -> UUID:
    return parse_uuid(value, name="case id", source=CASE_ID_SOURCE)


def _moved(case: asyncpg.Record, move: domain.CaseMove) -> dict:
    CASE_MOVES.labels(move=move.value).inc()
    log.info("case_moved", case_id=str(case["case_id"]), move=move.value, state=case["state"])
    return _case_fields(case)


def _queue_entry(row: asyncpg.Record) -> dict:
    last_message = None
    if row["last_kind"] is not None:
        last_message = domain.message_preview(kind=row["last_kind"], text=row["last_text"])
    return {
        "case_id": str(row["case_id"]),
        "conversation_id": row["conversation_id"],
        "channel": row["channel"],
        "priority": row["priority"],
        "topics": list(row["topics"]),
        "waiting_since": isoformat(row["waiting_since"]),
        "last_message": last_message,
        "state": row["state"],
        "claimed_by": _optional_id(row["claimed_by"]),
        "claimed_by_name": row["claimant_name"],
        "urgent_message": _urgent_message_fields(row),
        "urgent_reason": _queue_reason_fields(row),
        "unread_script": row["unread_script"],
    }


def _case_fields(row: asyncpg.Record) -> dict:
    confirmed = row["confirmed_topics"]
    return {
        "case_id": str(row["case_id"]),
        "conversation_id": row["conversation_id"],
        "channel": row["channel"],
        "state": row["state"],
        "priority": row["priority"],
        "topics": list(row["topics"]),
        "waiting_since": isoformat(row["waiting_since"]),
        "opened_at": isoformat(row["opened_at"]),
        "closed_at": isoformat(row["closed_at"]),
        "last_message_at": isoformat(row["last_message_at"]),
        "claimed_by": _optional_id(row["claimed_by"]),
        "claimed_by_name": row["claimant_name"],
        "claimed_at": isoformat(row["claimed_at"]),
        "closed_by": _optional_id(row["closed_by"]),
        "confirmed_topics": list(confirmed) if confirmed is not None else None,
        "age_band": row["age_band"],
        "urgent_message": _urgent_message_fields(row),
    }


def _urgent_message_fields(row: asyncpg.Record) -> dict[str, Any] | None:
    # None for a case that is not urgent, and for an urgent case stored before the desk kept
    # the message, if migration 011 found none. `case_id` is another case's id when the case
    # opened in a conversation that was urgent already, and None when the message opened no
    # case (a message in standby mode). `reason` is None when triage sent no urgent reason.
    if row["urgent_message_id"] is None:
        return None
    return {
        "message_id": str(row["urgent_message_id"]),
        "case_id": _optional_id(row["urgent_case_id"]),
        "sent_at": isoformat(row["urgent_sent_at"]),
        "reason": triage_results.first_urgent_reason(row["urgent_reasons"]),
    }


def _queue_reason_fields(row: asyncpg.Record) -> dict[str, Any] | None:
    # The reason that the queue page shows, which may come from a later urgent message than
    # `urgent_message` (see triage_results.choose_queue_reason). None when `urgent_message`
    # is None, and `text` is None when triage sent no urgent reason.
    reason = case_queries.queue_reason(row)
    if reason is None:
        return None
    return {
        "text": reason.text,
        "message_id": str(reason.message_id),
        "sent_at": isoformat(reason.sent_at),
    }


def _message_fields(row: asyncpg.Record) -> dict:
    fields = {
        "message_id": str(row["message_id"]),
        "direction": row["direction"],
        "kind": row["kind"],
        "text": row["text"],
        "sent_at": isoformat(row["sent_at"]),
    }
    if row["direction"] == "out":
        fields["delivery_status"] = row["delivery_status"]
        fields["requested_by"] = row["requested_by"]
    else:
        # The same split as the case page: the reasons that made the message urgent, and the
        # rest, which the page folds.
        urgent_reasons, other_reasons = triage_results.split_reasons(
            row["reasons"], urgent=row["urgent"]
        )
        fields["topics"] = list(row["topics"])
        fields["urgent"] = row["urgent"]
        fields["urgent_reasons"] = urgent_reasons
        fields["other_reasons"] = other_reasons
        fields["classifier_version"] = row["classifier_version"]
    return fields


def _event_fields(row: asyncpg.Record) -> dict[str, Any]:
    return {
        "kind": row["kind"],
        "actor": row["actor"],
        "from_state": row["from_state"],
        "to_state": row["to_state"],
        "message_id": _optional_id(row["message_id"]),
        "detail": _json_or_none(row["detail"]),
        "occurred_at": isoformat(row["occurred_at"]),
    }


def _audit_fields(row: asyncpg.Record) -> dict[str, Any]:
    return {
        "audit_id": row["audit_id"],
        "account_id": _optional_id(row["account_id"]),
        "account_name": row["account_name"],
        "action": row["action"],
        "case_id": _optional_id(row["case_id"]),
        "at": isoformat(row["at"]),
        "request_id": row["request_id"],
        "detail": _json_or_none(row["detail"]),
    }


def _optional_id(value: UUID | None) -> str | None:
    return str(value) if value is not None else None


def _json_or_none(value: str | None) -> Any:
    # asyncpg returns jsonb as its JSON text unless a codec is set on the connection.
    return json.loads(value) if value is not None else None
