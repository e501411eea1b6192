"""Sessions of the web console: the page role check, CSRF tokens and the login steps.

The console uses the same `desk_session` cookie and desk.sessions rows as POST /api/login,
so a browser logged in on the console may also call the /api routes, such as the CSV file.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta
from urllib.parse import quote
from uuid import UUID

import asyncpg
import structlog
from fastapi import Request, Response
from starlette.datastructures import FormData

from services.desk import credentials
from services.desk.accounts import Principal
from services.desk.api import pool_of, request_id_of
from services.desk.audit import AuditAction, insert_audit
from services.desk.auth import SESSION_COOKIE
from services.desk.domain import Role
from services.desk.login import LoginRejected, check_login

log = structlog.get_logger()

CSRF_FIELD = "csrf_token"
# Holds the token of the login form, which is posted before any session exists.
LOGIN_CSRF_COOKIE = "desk_login_csrf"
LOGIN_CSRF_SECONDS = 3600
# A cookie without the Secure attribute and without a secret, set next to a Secure
# LOGIN_CSRF_COOKIE with the same path and lifetime. Both expire together, so a client that
# sends it back without the CSRF cookie withheld the Secure cookie, as clients do over http.
LOGIN_PROBE_COOKIE = "desk_login_probe"
_CSRF_CONTEXT = b"desk console csrf v1"


class LoginRequired(Exception):
    """A page request without a valid session. The console redirects it to /login."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


class PageForbidden(Exception):
    """A page request from an account whose role may not see the page. Shown as 403."""

    def __init__(self, principal: Principal, allowed: frozenset[Role]) -> None:
        super().__init__(principal.role.value)
        self.principal = principal
        self.allowed = allowed


class CsrfRejected(Exception):
    """A form post whose CSRF token is missing or wrong. Shown as 403."""


class PageRequirement:
    """FastAPI dependency of a console page: returns the Principal of the session cookie.

    Raises LoginRequired without a valid session and PageForbidden when the account's role
    is not one of `roles`. Pages accept only the session cookie, never a bearer token.
    """

    def __init__(self, *roles: Role) -> None:
        self.roles = frozenset(roles)

    async def __call__(self, request: Request) -> Principal:
        session_id = request.cookies.get(SESSION_COOKIE)
        principal = await find_session_principal(request, session_id)
        if principal is None:
            raise LoginRequired(_next_path(request))
        if principal.role not in self.roles:
            log.info("page_role_rejected", account_id=str(principal.account_id))
            raise PageForbidden(principal, self.roles)
        request.state.principal = principal
        request.state.csrf_token = csrf_token(session_id)
        structlog.contextvars.bind_contextvars(account_id=str(principal.account_id))
        return principal


def require_page_roles(*roles: Role) -> PageRequirement:
    """Return the dependency that lets only sessions of accounts with one of `roles` through."""
    return PageRequirement(*roles)


async def find_session_principal(request: Request, session_id: str | None) -> Principal | None:
    """Return the Principal of an unexpired session of an active account, or None."""
    if not session_id:
        return None
    account = await credentials.find_session_account(pool_of(request), session_id)
    if account is None or not account["active"]:
        return None
    return Principal(
        account_id=account["account_id"],
        role=Role(account["role"]),
        name=account["display_name"],
    )


def csrf_token(session_id: str) -> str:
    """Return the CSRF token of a session: an HMAC keyed with the secret session id.

    Only a holder of the HttpOnly session cookie can compute it, and it needs no storage.
    """
    return hmac.new(session_id.encode(), _CSRF_CONTEXT, hashlib.sha256).hexdigest()


async def check_csrf(request: Request) -> FormData:
    """Return the posted form, or raise CsrfRejected if its CSRF token is missing or wrong.

    Call it after the PageRequirement dependency, which stores the session's token.
    """
    form = await request.form()
    posted = form.get(CSRF_FIELD)
    expected = getattr(request.state, "csrf_token", None)
    if not isinstance(posted, str) or expected is None:
        raise CsrfRejected()
    if not secrets.compare_digest(posted.encode(), expected.encode()):
        raise CsrfRejected()
    return form


def safe_next_path(value: str | None) -> str | None:
    """Return `value` if it is a path on this site, so a login cannot redirect elsewhere."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return None
    return value


async def verify_login(request: Request, *, login: str, password: str) -> asyncpg.Record | None:
    """Return the active account whose login and password match, or None, and audit the try.

    The check is the one POST /api/login makes (services.desk.login.check_login).
    """
    try:
        return await check_login(pool_of(request), login=login, password=password)
    except LoginRejected as rejected:
        await _reject(request, account_id=rejected.account_id, reason=rejected.reason)
        return None


async def start_session(request: Request, response: Response, account: asyncpg.Record) -> None:
    """Create a session for `account`, audit the login and set the session cookie."""
    pool = pool_of(request)
    settings = request.app.state.settings
    lifetime = timedelta(hours=settings.desk_session_hours)
    await credentials.delete_expired_sessions(pool)
    session_id, _ = await credentials.create_session(
        pool, account_id=account["account_id"], lifetime=lifetime
    )
    await _audit(request, account["account_id"], AuditAction.LOGIN, None)
    log.info("console_login_succeeded", account_id=str(account["account_id"]))
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        max_age=int(lifetime.total_seconds()),
        path="/",
        secure=settings.desk_session_cookie_secure,
        httponly=True,
        samesite="strict",
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login", httponly=True, samesite="strict")
    response.delete_cookie(LOGIN_PROBE_COOKIE, path="/login", httponly=True, samesite="strict")


async def end_session(request: Request, response: Response, principal: Principal) -> None:
    """Delete the request's session, audit the logout and clear the session cookie."""
    session_id = request.cookies.get(SESSION_COOKIE)
    if session_id:
        await credentials.delete_session(pool_of(request), session_id)
    await _audit(request, principal.account_id, AuditAction.LOGOUT, None)
    log.info("console_logout", account_id=str(principal.account_id))
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")


def login_csrf_token(request: Request) -> str:
    """Return the login form's token from its cookie, or a new random one."""
    return request.cookies.get(LOGIN_CSRF_COOKIE) or credentials.new_secret()


def set_login_csrf_cookie(request: Request, response: Response, token: str) -> None:
    """Set the login form's CSRF cookie, and LOGIN_PROBE_COOKIE when the CSRF cookie is Secure."""
    secure = request.app.state.settings.desk_session_cookie_secure
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        max_age=LOGIN_CSRF_SECONDS,
        path="/login",
        secure=secure,
        httponly=True,
        samesite="strict",
    )
    if secure:
        response.set_cookie(
            LOGIN_PROBE_COOKIE,
            "1",
            max_age=LOGIN_CSRF_SECONDS,
            path="/login",
            secure=False,
            httponly=True,
            samesite="strict",
        )


def login_csrf_matches(request: Request, posted: str | None) -> bool:
    """Return whether the posted login form token equals the one in its cookie."""
    expected = request.cookies.get(LOGIN_CSRF_COOKIE)
    if not expected or not posted:
        return False
    return secrets.compare_digest(posted.encode(), expected.encode())


def secure_cookie_withheld(request: Request) -> bool:
    """Return whether the client withheld the Secure login CSRF cookie but sent the probe.

    Clients withhold Secure cookies over plain http: Python's httpx on any host, and
    browsers on hosts other than localhost and 127.0.0.1.
    """
    if not request.app.state.settings.desk_session_cookie_secure:
        return False
    return LOGIN_CSRF_COOKIE not in request.cookies and LOGIN_PROBE_COOKIE in request.cookies


def login_url(next_path: str | None) -> str:
    if next_path is None or next_path == "/":
        return "/login"
    return "/login?next=" + quote(next_path, safe="/")


def _next_path(request: Request) -> str:
    # Only a GET can be repeated after the login, so a post leads to the home page instead.
    if request.method != "GET":
        return "/"
    query = request.url.query
    return request.url.path + ("?" + query if query else "")


async def _reject(request: Request, *, account_id: UUID | None, reason: str) -> None:
    await _audit(request, account_id, AuditAction.LOGIN_FAILED, {"reason": reason})
    log.info(
        "console_login_rejected",
        reason=reason,
        account_id=str(account_id) if account_id else None,
    )


async def _audit(
    request: Request, account_id: UUID | None, action: AuditAction, detail: dict | None
) -> None:
    await insert_audit(
        pool_of(request),
        account_id=account_id,
        action=action,
        request_id=request_id_of(request),
        detail=detail,
    )
