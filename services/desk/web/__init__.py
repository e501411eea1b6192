"""The counselors' web console: server-rendered pages of the queue, cases and statistics."""

import structlog
from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from services.desk.domain import Role
from services.desk.web.case_pages import CaseNotShown, add_case_pages
from services.desk.web.login_pages import add_login_pages, home_path
from services.desk.web.rendering import ROLE_LABELS, STATIC_DIRECTORY, render
from services.desk.web.session import CsrfRejected, LoginRequired, PageForbidden, login_url
from services.desk.web.stats_pages import add_stats_pages

__all__ = ["add_web_routes", "static_files"]

log = structlog.get_logger()


def add_web_routes(app: FastAPI) -> None:
    """Add the console's pages to `app`, and the handlers that turn their errors into pages."""
    add_login_pages(app)
    add_case_pages(app)
    add_stats_pages(app)
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(PageForbidden, _page_forbidden)
    app.add_exception_handler(CsrfRejected, _csrf_rejected)
    app.add_exception_handler(CaseNotShown, _case_not_shown)


def static_files() -> StaticFiles:
    """Return the app that serves the console's CSS and JavaScript, mounted at /static."""
    return StaticFiles(directory=STATIC_DIRECTORY)


async def _login_required(_request: Request, error: LoginRequired) -> Response:
    return RedirectResponse(login_url(error.next_path), status_code=303)


async def _page_forbidden(request: Request, error: PageForbidden) -> Response:
    # The navigation of the error page shows the pages that this account may open.
    request.state.principal = error.principal
    home = home_path(error.principal.role)
    allowed = "・".join(ROLE_LABELS[role] for role in Role if role in error.allowed)
    message = f"このページは{allowed}のアカウントだけが開けます。"
    return _error_page(request, "閲覧権限がありません", message, home, 403)


async def _csrf_rejected(request: Request, _error: CsrfRejected) -> Response:
    log.info("console_csrf_rejected", path=request.url.path)
    message = (
        "フォームの確認用トークンが正しくないため、送信を受け付けませんでした。"
        "ページを再読み込みしてから、もう一度送信してください。"
    )
    return _error_page(request, "送信を受け付けませんでした", message, "/", 403)


async def _case_not_shown(request: Request, _error: CaseNotShown) -> Response:
    log.info("console_case_not_found", path=request.url.path)
    message = "この相談は見つかりません。キューから開き直してください。"
    return _error_page(request, "相談が見つかりません", message, "/", 404)


def _error_page(request: Request, title: str, message: str, home: str, status: int) -> Response:
    return render(
        request,
        "error.html",
        {"title": title, "message": message, "home": home},
        status_code=status,
    )
