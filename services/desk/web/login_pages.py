"""Login and logout pages of the console."""

from typing import Annotated

import structlog
from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import RedirectResponse, Response

from services.desk.accounts import PASSWORD_MAX_LENGTH, Principal
from services.desk.auth import ANY_ROLE, SESSION_COOKIE
from services.desk.domain import Role
from services.desk.web import session
from services.desk.web.rendering import render

log = structlog.get_logger()

AnyRolePage = Annotated[Principal, Depends(session.require_page_roles(*ANY_ROLE))]
LOGIN_MAX_LENGTH = 254
WRONG_LOGIN_MESSAGE = "ログインIDまたはパスワードが違います。確かめてもう一度入力してください。"
EXPIRED_FORM_MESSAGE = "ページの有効期限が切れました。もう一度ログインしてください。"
INSECURE_HTTP_MESSAGE = (
    "このページは暗号化されていない http で開かれているため、ブラウザーが Secure 属性の"
    "ついたログイン用の Cookie を送りませんでした。コンソールは https のアドレスで開いて"
    "ください。ローカルでの試用に限っては、DESK_SESSION_COOKIE_SECURE=false を設定して "
    "desk を起動し直す方法もあります。"
)


def add_login_pages(app: FastAPI) -> None:
    app.add_api_route("/login", get_login, methods=["GET"], include_in_schema=False)
    app.add_api_route("/login", post_login, methods=["POST"], include_in_schema=False)
    app.add_api_route("/logout", post_logout, methods=["POST"], include_in_schema=False)


def home_path(role: Role) -> str:
    """Return the first page of a role: the queue, or the statistics for the city."""
    return "/stats" if role is Role.CITY else "/"


async def get_login(
    request: Request, next_path: Annotated[str | None, Query(alias="next")] = None
) -> Response:
    """Show the login form, or go to the home page if the session is still valid."""
    principal = await session.find_session_principal(request, request.cookies.get(SESSION_COOKIE))
    if principal is not None:
        return RedirectResponse(home_path(principal.role), status_code=303)
    return _login_form(request, next_path=session.safe_next_path(next_path))


async def post_login(request: Request) -> Response:
    """Check the login form and start a session, or show the form again with an error."""
    form = await request.form()
    login = str(form.get("login") or "").strip()
    password = str(form.get("password") or "")
    next_path = session.safe_next_path(str(form.get("next") or "")) or None
    if not session.login_csrf_matches(request, str(form.get(session.CSRF_FIELD) or "")):
        message = EXPIRED_FORM_MESSAGE
        if session.secure_cookie_withheld(request):
            log.warning("console_login_secure_cookie_withheld")
            message = INSECURE_HTTP_MESSAGE
        else:
            log.info("console_login_csrf_rejected")
        return _login_form(request, next_path=next_path, login=login, error=message, status=403)
    if not login or not password:
        message = "ログインIDとパスワードを入力してください。"
        return _login_form(request, next_path=next_path, login=login, error=message, status=422)
    if len(login) > LOGIN_MAX_LENGTH or len(password) > PASSWORD_MAX_LENGTH:
        return _login_form(request, next_path=next_path, error=WRONG_LOGIN_MESSAGE, status=401)

    account = await session.verify_login(request, login=login, password=password)
    if account is None:
        return _login_form(
            request, next_path=next_path, login=login, error=WRONG_LOGIN_MESSAGE, status=401
        )
    role = Role(account["role"])
    target = next_path or home_path(role)
    response = RedirectResponse(target, status_code=303)
    await session.start_session(request, response, account)
    return response


async def post_logout(request: Request, principal: AnyRolePage) -> Response:
    """End the session and go back to the login form."""
    await session.check_csrf(request)
    response = RedirectResponse("/login", status_code=303)
    await session.end_session(request, response, principal)
    return response


def _login_form(
    request: Request,
    *,
    next_path: str | None,
    login: str = "",
    error: str | None = None,
    status: int = 200,
) -> Response:
    token = session.login_csrf_token(request)
    response = render(
        request,
        "login.html",
        {"login_csrf": token, "login": login, "next_path": next_path or "", "error": error},
        status_code=status,
    )
    session.set_login_csrf_cookie(request, response, token)
    return response
