"""The audit log: which account read or changed what, and in which HTTP request."""

import json
from enum import StrEnum
from typing import Any
from uuid import UUID

import asyncpg

AUDIT_LIMIT_DEFAULT = 100
AUDIT_LIMIT_MAX = 1000


class AuditAction(StrEnum):
    QUEUE_READ = "queue.read"
    CASE_READ = "case.read"
    CASE_CLAIM = "case.claim"
    CASE_RELEASE = "case.release"
    CASE_TRANSFER = "case.transfer"
    CASE_CLOSE = "case.close"
    CASE_CLEAR_URGENT = "case.clear_urgent"
    REPLY_CREATE = "reply.create"
    REPORT_READ = "report.read"
    CORRECTIONS_EXPORT = "corrections.export"
    AUDIT_READ = "audit.read"
    ACCOUNT_CREATE = "account.create"
    ACCOUNT_DEACTIVATE = "account.deactivate"
    TOKEN_CREATE = "token.create"
    TOKEN_REVOKE = "token.revoke"
    LOGIN = "session.login"
    LOGIN_FAILED = "session.login_failed"
    LOGOUT = "session.logout"


async def insert_audit(
    executor: asyncpg.Pool | asyncpg.Connection,
    *,
    account_id: UUID | None,
    action: AuditAction,
    request_id: str | None,
    case_id: UUID | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Add one audit row. Pass the connection of the action's transaction where there is one."""
    await executor.execute(
        "INSERT INTO desk.audit_log (account_id, action, case_id, request_id, detail)"
        " VALUES ($1, $2, $3, $4, $5::jsonb)",
        account_id,
        action.value,
        case_id,
        request_id,
        json.dumps(detail, ensure_ascii=False) if detail is not None else None,
    )


async def fetch_audit(
    executor: asyncpg.Pool | asyncpg.Connection,
    *,
    case_id: UUID | None = None,
    account_id: UUID | None = None,
    action: str | None = None,
    limit: int = AUDIT_LIMIT_DEFAULT,
) -> list[asyncpg.Record]:
    """Return audit rows that match every given filter, newest first."""
    return await executor.fetch(
        "SELECT a.audit_id, a.account_id, account.display_name AS account_name, a.action,"
        " a.case_id, a.at, a.request_id, a.detail"
        " FROM desk.audit_log a LEFT JOIN desk.accounts account USING (account_id)"
        " WHERE ($1::uuid IS NULL OR a.case_id = $1)"
        " AND ($2::uuid IS NULL OR a.account_id = $2)"
        " AND ($3::text IS NULL OR a.action = $3)"
        " ORDER BY a.audit_id DESC LIMIT $4",
        case_id,
        account_id,
        action,
        limit,
    )
