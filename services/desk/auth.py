"""Authentication of API requests and the role check that every /api route depends on."""

import secrets
from dataclasses import dataclass
from uuid import UUID

import asyncpg
import structlog
from fastapi import Cookie, Header, Request

from services.desk import credentials
from services.desk.accounts import OPERATOR_LOGIN, Principal
from services.desk.api import ApiError, pool_of
from services.desk.domain import Role

log = structlog.get_logger()

SESSION_COOKIE = "desk_session"
ANY_ROLE = tuple(Role)
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


@dataclass(frozen=True)
class AuthConfig:
    """The operator token and its account, which start-up stores in app.state.auth."""

    operator_token: bytes | None
    operator_account_id: UUID | None


class RoleRequirement:
    """FastAPI dependency that authenticates a request and returns its Principal.

    It raises a 401 ApiError without valid credentials and a 403 ApiError when the account's
    role is not one of `roles`. A bearer token in the Authorization header wins over the
    session cookie, so a program never acts as the person logged in on the same browser.
    """

    def __init__(self, *roles: Role) -> None:
        self.roles = frozenset(roles)

    async def __call__(
        self,
        request: Request,
        authorization: str | None = Header(default=None),
        session_id: str | None = Cookie(default=None, alias=SESSION_COOKIE),
    ) -> Principal:
        principal = await authenticate(request, authorization=authorization, session_id=session_id)
        if principal.role not in self.roles:
            allowed = ", ".join(role.value for role in Role if role in self.roles)
            log.info("api_role_rejected", account_id=str(principal.account_id))
            raise ApiError(
                403,
                f"role '{principal.role}' may not call {request.method} {_route_path(request)};"
                f" it needs the role {allowed}. Ask a supervisor if you need that access.",
            )
        request.state.principal = principal
        structlog.contextvars.bind_contextvars(account_id=str(principal.account_id))
        return principal


def require_roles(*roles: Role) -> RoleRequirement:
    """Return the dependency that lets only accounts with one of `roles` through."""
    return RoleRequirement(*roles)


async def authenticate(
    request: Request, *, authorization: str | None, session_id: str | None
) -> Principal:
    """Return the Principal of the request's bearer token or session cookie, or raise 401."""
    if authorization is not None:
        return await _authenticate_bearer(request, authorization)
    if session_id is not None:
        return await _authenticate_session(request, session_id)
    raise ApiError(
        401,
        "missing Authorization header or session cookie; send 'Authorization: Bearer <token>'"
        " with an API token or DESK_API_TOKEN, or log in with POST /api/login",
        _CHALLENGE,
    )


async def _authenticate_bearer(request: Request, authorization: str) -> Principal:
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise ApiError(
            401, "invalid Authorization header: it must have the form 'Bearer <token>'", _CHALLENGE
        )
    config: AuthConfig = request.app.state.auth
    if config.operator_token is not None and secrets.compare_digest(
        token.encode(), config.operator_token
    ):
        return Principal(
            account_id=config.operator_account_id, role=Role.SUPERVISOR, name=OPERATOR_LOGIN
        )
    account = await credentials.find_token_account(pool_of(request), token)
    if account is None:
        log.info("api_token_rejected")
        raise ApiError(
            401,
            "invalid bearer token in the Authorization header: it is unknown or revoked."
            " Create a token with POST /api/tokens, or send the value of DESK_API_TOKEN",
            _CHALLENGE,
        )
    return _active_principal(account)


async def _authenticate_session(request: Request, session_id: str) -> Principal:
    account = await credentials.find_session_account(pool_of(request), session_id)
    if account is None:
        raise ApiError(
            401,
            f"invalid or expired {SESSION_COOKIE} cookie; log in again with POST /api/login",
            _CHALLENGE,
        )
    return _active_principal(account)


def _active_principal(account: asyncpg.Record) -> Principal:
    if not account["active"]:
        log.info("inactive_account_rejected", account_id=str(account["account_id"]))
        raise ApiError(
            401,
            f"account {account['account_id']} is deactivated; ask a supervisor for an account",
            _CHALLENGE,
        )
    return Principal(
        account_id=account["account_id"],
        role=Role(account["role"]),
        name=account["display_name"],
    )


def _route_path(request: Request) -> str:
    # The route's template, such as /api/cases/{case_id}, names the route without its ids.
    route = request.scope.get("route")
    return getattr(route, "path", request.url.path)
