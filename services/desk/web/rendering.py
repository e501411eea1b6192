"""Templates of the console, the headers of every page, and Japanese labels and formats."""

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from services.desk.closing import AgeBand
from services.desk.domain import CaseState, Role
from services.desk.reports import TOKYO

TEMPLATE_DIRECTORY = Path(__file__).parent / "templates"
STATIC_DIRECTORY = Path(__file__).parent / "static"

# Autoescape is on for every template, so each value from a message or a form is escaped.
_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATE_DIRECTORY),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

# The pages load scripts and styles only from /static, so an inline script or style that
# reached a page through a template bug would not run.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    # Pages contain message texts, which no shared or browser cache should keep.
    "Cache-Control": "no-store",
}

STATE_LABELS = {
    CaseState.OPEN: "未対応",
    CaseState.CLAIMED: "対応中",
    CaseState.WAITING: "返信済み・相談者の返事待ち",
    CaseState.CLOSED: "終了",
}
DELIVERY_LABELS = {"queued": "送信待ち", "sent": "送信済み", "failed": "送信失敗"}
ROLE_LABELS = {Role.COUNSELOR: "相談員", Role.SUPERVISOR: "スーパーバイザー", Role.CITY: "市"}
AGE_BAND_LABELS = {
    AgeBand.TEENS: "10代",
    AgeBand.TWENTIES: "20代",
    AgeBand.THIRTIES: "30代",
    AgeBand.FORTIES: "40代",
    AgeBand.FIFTIES: "50代",
    AgeBand.SIXTIES: "60代",
    AgeBand.SEVENTY_PLUS: "70代以上",
    AgeBand.UNKNOWN: "不明",
}
KIND_LABELS = {
    "image": "画像",
    "video": "動画",
    "audio": "音声",
    "file": "ファイル",
    "location": "位置情報",
    "sticker": "スタンプ",
}


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    """Render a template with the signed-in account, its CSRF token and the security headers."""
    values = {
        "principal": getattr(request.state, "principal", None),
        "csrf_token": getattr(request.state, "csrf_token", ""),
        "role_labels": ROLE_LABELS,
        "Role": Role,
        **(context or {}),
    }
    html = _ENVIRONMENT.get_template(template).render(values)
    return HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)


def tokyo_time(value: datetime | None) -> str:
    """Format a time as month/day hour:minute in Asia/Tokyo, or an empty string."""
    if value is None:
        return ""
    local = value.astimezone(TOKYO)
    return f"{local.month}/{local.day} {local:%H:%M}"


def waiting_time(since: datetime | None, *, now: datetime | None = None) -> str:
    """Format how long a person has waited since `since`, such as 1時間5分."""
    if since is None:
        return ""
    seconds = max(0, int(((now or datetime.now(UTC)) - since).total_seconds()))
    minutes = seconds // 60
    if minutes < 1:
        return "1分未満"
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days}日{hours}時間"
    if hours:
        return f"{hours}時間{minutes}分"
    return f"{minutes}分"


def message_text(kind: str, text: str | None) -> str:
    """Return a message's text, or a bracketed Japanese name of its kind, such as [スタンプ]."""
    if text is not None:
        return text
    return f"[{KIND_LABELS.get(kind, kind)}]"


def preview(kind: str | None, text: str | None, *, limit: int = 60) -> str:
    """Return the first `limit` characters of a message for the queue."""
    if kind is None:
        return ""
    full = message_text(kind, text).replace("\n", " ")
    return full if len(full) <= limit else full[:limit] + "…"
