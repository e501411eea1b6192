"""Console pages of the queue and of one case, and the forms that act on a case."""

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

import asyncpg
import structlog
from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import RedirectResponse, Response

from services.desk import cases
from services.desk.accounts import Principal
from services.desk.api import pool_of, request_id_of
from services.desk.case_rows import CaseNotFound
from services.desk.closing import AgeBand
from services.desk.domain import URGENT_CLEAR_REASON_MAX_CHARS, CaseState, Role
from services.desk.web import session
from services.desk.web.errors import CASE_ACTION_ERRORS, describe_case_error, error_status
from services.desk.web.message_views import message_views, queue_reason_view, urgent_origin_view
from services.desk.web.rendering import (
    AGE_BAND_LABELS,
    STATE_LABELS,
    preview,
    render,
    tokyo_time,
    waiting_time,
)
from shared.schemas import Topic

log = structlog.get_logger()

CounselingPage = Annotated[
    Principal, Depends(session.require_page_roles(Role.COUNSELOR, Role.SUPERVISOR))
]
# Seconds between the browser's refreshes of the queue and of a case's messages.
REFRESH_SECONDS = 4

# Notices shown after a successful action, chosen by the `done` query parameter.
DONE_MESSAGES = {
    "claimed": "担当しました。",
    "released": "担当を外しました。相談はキューに戻りました。",
    "replied": "返信を送信待ちにしました。LINEに届くと「送信済み」になります。",
    "closed": "相談を終了しました。",
    "urgent_cleared": (
        "緊急を解除しました。次に緊急と判定されたメッセージが届くと、また緊急になります。"
    ),
}


class CaseNotShown(Exception):
    """A case id that is not a UUID or names no case. The console shows a 404 page."""


def add_case_pages(app: FastAPI) -> None:
    def page(path: str, endpoint: Callable[..., Awaitable[Response]], method: str) -> None:
        app.add_api_route(path, endpoint, methods=[method], include_in_schema=False)

    page("/", get_queue_page, "GET")
    page("/queue/rows", get_queue_rows, "GET")
    page("/cases/{case_id}", get_case_page, "GET")
    page("/cases/{case_id}/messages", get_case_messages, "GET")
    page("/cases/{case_id}/claim", post_claim, "POST")
    page("/cases/{case_id}/release", post_release, "POST")
    page("/cases/{case_id}/replies", post_reply, "POST")
    page("/cases/{case_id}/close", post_close, "POST")
    page("/cases/{case_id}/clear-urgent", post_clear_urgent, "POST")


async def get_queue_page(request: Request, principal: CounselingPage) -> Response:
    """Show the queue, urgent cases first and then the longest wait, as GET /api/queue."""
    entries = await _queue_entries(request, principal)
    return render(request, "queue.html", {"entries": entries, "refresh_seconds": REFRESH_SECONDS})


async def get_queue_rows(request: Request, principal: CounselingPage) -> Response:
    """Return the queue's table body, which the queue page fetches every few seconds."""
    entries = await _queue_entries(request, principal)
    return render(request, "_queue_rows.html", {"entries": entries})


async def get_case_page(
    case_id: str,
    request: Request,
    principal: CounselingPage,
    done: Annotated[str | None, Query()] = None,
) -> Response:
    """Show a case's conversation, its claim buttons, the reply box and the close form.

    The claimant and supervisors also see the form that clears an urgent flag.
    """
    return await _case_page(request, principal, _parse_case_id(case_id), notice=done)


async def get_case_messages(case_id: str, request: Request, principal: CounselingPage) -> Response:
    """Return the case's message list, which the case page fetches every few seconds."""
    view = await _read_case(request, principal, _parse_case_id(case_id))
    return render(request, "_messages.html", {"messages": _messages(view)})


async def post_claim(case_id: str, request: Request, principal: CounselingPage) -> Response:
    await session.check_csrf(request)
    parsed = _parse_case_id(case_id)
    return await _act(
        request,
        principal,
        parsed,
        cases.claim_case(
            pool_of(request), case_id=parsed, principal=principal, request_id=request_id_of(request)
        ),
        done="claimed",
    )


async def post_release(case_id: str, request: Request, principal: CounselingPage) -> Response:
    await session.check_csrf(request)
    parsed = _parse_case_id(case_id)
    return await _act(
        request,
        principal,
        parsed,
        cases.release_case(
            pool_of(request), case_id=parsed, principal=principal, request_id=request_id_of(request)
        ),
        done="released",
    )


async def post_reply(case_id: str, request: Request, principal: CounselingPage) -> Response:
    form = await session.check_csrf(request)
    parsed = _parse_case_id(case_id)
    # Browsers send a textarea's line breaks as CRLF, and LINE chats use LF.
    text = str(form.get("text") or "").replace("\r\n", "\n")
    reply = cases.reply_to_case(
        pool_of(request),
        case_id=parsed,
        text=text,
        principal=principal,
        request_id=request_id_of(request),
    )
    response = await _act(request, principal, parsed, reply, done="replied", reply_text=text)
    if response.status_code == 303:
        request.app.state.outbox_relay.wake()
    return response


async def post_close(case_id: str, request: Request, principal: CounselingPage) -> Response:
    form = await session.check_csrf(request)
    parsed = _parse_case_id(case_id)
    age_band = str(form.get("age_band") or "")
    topics = [str(value) for value in form.getlist("topics")]
    if not age_band:
        return await _case_page(
            request, principal, parsed, error="年代を選んでください。", status=422, topics=topics
        )
    close = cases.close_case(
        pool_of(request),
        case_id=parsed,
        principal=principal,
        topics=topics,
        age_band=age_band,
        request_id=request_id_of(request),
    )
    return await _act(request, principal, parsed, close, done="closed", topics=topics)


async def post_clear_urgent(case_id: str, request: Request, principal: CounselingPage) -> Response:
    form = await session.check_csrf(request)
    parsed = _parse_case_id(case_id)
    reason = str(form.get("reason") or "").replace("\r\n", "\n")
    clear = cases.clear_urgent(
        pool_of(request),
        case_id=parsed,
        reason=reason,
        principal=principal,
        request_id=request_id_of(request),
    )
    return await _act(request, principal, parsed, clear, done="urgent_cleared", clear_reason=reason)


async def _act(
    request: Request,
    principal: Principal,
    case_id: UUID,
    action: Awaitable[Any],
    *,
    done: str,
    reply_text: str = "",
    topics: list[str] | None = None,
    clear_reason: str = "",
) -> Response:
    """Run a case action, then go back to the case page, or show it with the error."""
    try:
        await action
    except CaseNotFound:
        raise CaseNotShown() from None
    except CASE_ACTION_ERRORS as error:
        log.info("console_action_rejected", case_id=str(case_id), error=type(error).__name__)
        view = await _read_case(request, principal, case_id)
        message = describe_case_error(
            error, case=view.case, reply_text=reply_text, clear_reason=clear_reason
        )
        return _render_case(
            request,
            principal,
            view,
            error=message,
            status=error_status(error),
            reply_text=reply_text,
            topics=topics,
            clear_reason=clear_reason,
        )
    log.info("console_case_action", case_id=str(case_id), action=done)
    return RedirectResponse(f"/cases/{case_id}?done={done}", status_code=303)


async def _queue_entries(request: Request, principal: Principal) -> list[dict[str, Any]]:
    rows = await cases.read_queue(
        pool_of(request), principal=principal, request_id=request_id_of(request)
    )
    now = datetime.now(UTC)
    return [
        {
            "case_id": str(row["case_id"]),
            "urgent": row["priority"] == "urgent",
            "topics": list(row["topics"]),
            "waiting": waiting_time(row["waiting_since"], now=now),
            "waiting_since": tokyo_time(row["waiting_since"]),
            "preview": preview(row["last_kind"], row["last_text"]),
            "state": row["state"],
            "state_label": STATE_LABELS[CaseState(row["state"])],
            "claimant_name": row["claimant_name"],
            "mine": row["claimed_by"] == principal.account_id,
            "urgent_reason": queue_reason_view(row),
            "unread_script": row["unread_script"],
        }
        for row in rows
    ]


async def _case_page(
    request: Request,
    principal: Principal,
    case_id: UUID,
    *,
    notice: str | None = None,
    error: str | None = None,
    status: int = 200,
    topics: list[str] | None = None,
) -> Response:
    view = await _read_case(request, principal, case_id)
    return _render_case(
        request,
        principal,
        view,
        notice=DONE_MESSAGES.get(notice or ""),
        error=error,
        status=status,
        topics=topics,
    )


async def _read_case(request: Request, principal: Principal, case_id: UUID) -> cases.CaseView:
    try:
        return await cases.read_case(
            pool_of(request),
            case_id=case_id,
            principal=principal,
            request_id=request_id_of(request),
        )
    except CaseNotFound:
        raise CaseNotShown() from None


def _render_case(
    request: Request,
    principal: Principal,
    view: cases.CaseView,
    *,
    notice: str | None = None,
    error: str | None = None,
    status: int = 200,
    reply_text: str = "",
    topics: list[str] | None = None,
    clear_reason: str = "",
) -> Response:
    case = view.case
    state = CaseState(case["state"])
    context = {
        "case": _case_summary(case, principal),
        "state": state.value,
        "messages": _messages(view),
        "notice": notice,
        "error": error,
        "reply_text": reply_text,
        "clear_reason": clear_reason,
        "clear_reason_max_chars": URGENT_CLEAR_REASON_MAX_CHARS,
        "topic_options": [topic.value for topic in Topic],
        "checked_topics": set(topics if topics is not None else _default_topics(case)),
        "age_bands": [(band.value, label) for band, label in AGE_BAND_LABELS.items()],
        "selected_age_band": case["age_band"] or "",
        "refresh_seconds": REFRESH_SECONDS,
    }
    return render(request, "case.html", context, status_code=status)


def _case_summary(case: asyncpg.Record, principal: Principal) -> dict[str, Any]:
    return {
        "case_id": str(case["case_id"]),
        "urgent": case["priority"] == "urgent",
        "topics": list(case["topics"]),
        "state_label": STATE_LABELS[CaseState(case["state"])],
        "closed": case["state"] == CaseState.CLOSED,
        "claimant_name": case["claimant_name"],
        "mine": case["claimed_by"] == principal.account_id,
        "may_release": case["claimed_by"] is not None
        and (case["claimed_by"] == principal.account_id or principal.role is Role.SUPERVISOR),
        # The rules of domain.check_urgent_clear and domain.check_urgent_clearer.
        "may_clear_urgent": case["priority"] == "urgent"
        and case["state"] != CaseState.CLOSED
        and (case["claimed_by"] == principal.account_id or principal.role is Role.SUPERVISOR),
        "opened_at": tokyo_time(case["opened_at"]),
        "closed_at": tokyo_time(case["closed_at"]),
        "urgent_origin": urgent_origin_view(case),
        "waiting": waiting_time(case["waiting_since"]),
        "confirmed_topics": list(case["confirmed_topics"] or []),
        "age_band_label": AGE_BAND_LABELS.get(AgeBand(case["age_band"]), "")
        if case["age_band"]
        else "",
    }


def _default_topics(case: asyncpg.Record) -> list[str]:
    # A closed case shows the topics that the counselor confirmed, any other case triage's.
    if case["confirmed_topics"] is not None:
        return list(case["confirmed_topics"])
    return list(case["topics"])


def _messages(view: cases.CaseView) -> list[dict[str, Any]]:
    return message_views(view.messages, urgent_message_id=view.case["urgent_message_id"])


def _parse_case_id(value: str) -> UUID:
    try:
        return UUID(value)
    except ValueError:
        raise CaseNotShown() from None
