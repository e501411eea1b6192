"""HTTP routes of login and logout, API tokens, and the supervisors' account management."""

from datetime import timedelta
from typing import Annotated, NoReturn
from uuid import UUID

import asyncpg
import structlog
from fastapi import Cookie, Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from services.desk import accounts, credentials
from services.desk.accounts import (
    OPERATOR_LOGIN,
    PASSWORD_MAX_LENGTH,
    PASSWORD_MIN_LENGTH,
    Principal,
)
from services.desk.api import ApiError, isoformat, parse_body, parse_uuid, pool_of, request_id_of
from services.desk.audit import AuditAction, insert_audit
from services.desk.auth import ANY_ROLE, SESSION_COOKIE, require_roles
from services.desk.domain import Role
from services.desk.login import LoginRejected, check_login

log = structlog.get_logger()

AnyRole = Annotated[Principal, Depends(require_roles(*ANY_ROLE))]
Supervisor = Annotated[Principal, Depends(require_roles(Role.SUPERVISOR))]
LOGIN_FAILED_MESSAGE = "invalid login or password; check both and try again"


class LoginBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    login: str = Field(min_length=1, max_length=254)
    password: str = Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)


class TokenBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=credentials.TOKEN_NAME_MAX_LENGTH)


class AccountBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    login: str = Field(min_length=1, max_length=254, pattern=r"^\S+$")
    display_name: str = Field(min_length=1, max_length=100)
    role: Role
    password: str = Field(min_length=PASSWORD_MIN_LENGTH, max_length=PASSWORD_MAX_LENGTH)


def add_account_routes(app: FastAPI) -> None:
    app.add_api_route("/api/login", post_login, methods=["POST"])
    app.add_api_route("/api/logout", post_logout, methods=["POST"])
    app.add_api_route("/api/me", get_me, methods=["GET"])
    app.add_api_route("/api/tokens", post_token, methods=["POST"], status_code=201)
    app.add_api_route("/api/tokens", get_tokens, methods=["GET"])
    app.add_api_route("/api/tokens/{token_id}", delete_token, methods=["DELETE"], status_code=204)
    app.add_api_route("/api/accounts", post_account, methods=["POST"], status_code=201)
    app.add_api_route("/api/accounts", get_accounts, methods=["GET"])
    app.add_api_route("/api/accounts/{account_id}/deactivate", post_deactivate, methods=["POST"])


async def post_login(request: Request) -> JSONResponse:
    """Check a login and password and set an HttpOnly session cookie. Needs no credentials."""
    # TODO: limit failed logins per login and per client address. Without a limit, a
    # password can be guessed as fast as argon2 verifies, about 20 tries a second per core.
    body = await parse_body(request, LoginBody, example='{"login": "...", "password": "..."}')
    pool = pool_of(request)
    try:
        account = await check_login(pool, login=body.login, password=body.password)
    except LoginRejected as rejected:
        message = LOGIN_FAILED_MESSAGE
        if rejected.reason == "inactive":
            message = f"account {rejected.account_id} is deactivated; ask a supervisor"
        await _reject_login(
            request, account_id=rejected.account_id, reason=rejected.reason, message=message
        )

    settings = request.app.state.settings
    lifetime = timedelta(hours=settings.desk_session_hours)
    await credentials.delete_expired_sessions(pool)
    session_id, expires_at = await credentials.create_session(
        pool, account_id=account["account_id"], lifetime=lifetime
    )
    await _audit(request, account["account_id"], AuditAction.LOGIN)
    log.info("login_succeeded", account_id=str(account["account_id"]))
    response = JSONResponse(
        {
            "account_id": str(account["account_id"]),
            "display_name": account["display_name"],
            "role": account["role"],
            "expires_at": isoformat(expires_at),
        }
    )
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        max_age=int(lifetime.total_seconds()),
        path="/",
        secure=settings.desk_session_cookie_secure,
        httponly=True,
        samesite="strict",
    )
    return response


async def post_logout(
    request: Request,
    principal: AnyRole,
    session_id: Annotated[str | None, Cookie(alias=SESSION_COOKIE)] = None,
) -> JSONResponse:
    """End the session of the cookie, if any, and clear the cookie."""
    if session_id is not None:
        await credentials.delete_session(pool_of(request), session_id)
    await _audit(request, principal.account_id, AuditAction.LOGOUT)
    response = JSONResponse({"status": "logged_out"})
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response


async def get_me(principal: AnyRole) -> dict:
    """Return the account that the request's credentials act for."""
    return {
        "account_id": str(principal.account_id),
        "display_name": principal.name,
        "role": principal.role.value,
    }


async def post_token(request: Request, principal: AnyRole) -> JSONResponse:
    """Create an API token for the caller's account. The response is the only copy of it."""
    body = await parse_body(request, TokenBody, example='{"name": "monthly report script"}')
    async with pool_of(request).acquire() as connection, connection.transaction():
        row, token = await credentials.create_api_token(
            connection, account_id=principal.account_id, name=body.name
        )
        await _audit(
            request,
            principal.account_id,
            AuditAction.TOKEN_CREATE,
            {"token_id": str(row["token_id"])},
            executor=connection,
        )
    return JSONResponse({**_token_fields(row), "token": token}, 201)


async def get_tokens(request: Request, principal: AnyRole) -> dict:
    """List the caller's tokens that are not revoked, without the tokens themselves."""
    rows = await credentials.list_api_tokens(pool_of(request), account_id=principal.account_id)
    return {"tokens": [_token_fields(row) for row in rows]}


async def delete_token(token_id: str, request: Request, principal: AnyRole) -> Response:
    """Revoke one of the caller's tokens."""
    parsed = parse_uuid(token_id, name="token id", source="a token_id from GET /api/tokens")
    revoked = await credentials.revoke_api_token(
        pool_of(request), token_id=parsed, account_id=principal.account_id
    )
    if not revoked:
        raise ApiError(404, f"token {parsed} not found among your active tokens")
    await _audit(request, principal.account_id, AuditAction.TOKEN_REVOKE, {"token_id": token_id})
    return Response(status_code=204)


async def post_account(request: Request, principal: Supervisor) -> JSONResponse:
    """Create an account with a role and an initial password."""
    example = (
        '{"login": "sato@example.jp", "display_name": "佐藤", "role": "counselor",'
        ' "password": "at least 12 characters"}'
    )
    body = await parse_body(request, AccountBody, example=example)
    if body.login.lower() == OPERATOR_LOGIN:
        raise ApiError(
            422, f"login {OPERATOR_LOGIN!r} is reserved for DESK_API_TOKEN; choose another"
        )
    password_hash = await accounts.hash_password(body.password)
    async with pool_of(request).acquire() as connection, connection.transaction():
        try:
            row = await accounts.create_account(
                connection,
                login=body.login,
                display_name=body.display_name.strip(),
                role=body.role,
                password_hash=password_hash,
                created_by=principal.account_id,
            )
        except accounts.LoginTaken as error:
            raise ApiError(409, str(error)) from None
        await _audit(
            request,
            principal.account_id,
            AuditAction.ACCOUNT_CREATE,
            {"created_account_id": str(row["account_id"]), "role": body.role.value},
            executor=connection,
        )
    log.info("account_created", account_id=str(row["account_id"]), role=body.role.value)
    return JSONResponse(_account_fields(row), 201)


async def get_accounts(request: Request, principal: Supervisor) -> dict:
    """List every account, active ones first."""
    rows = await accounts.list_accounts(pool_of(request))
    return {"accounts": [_account_fields(row) for row in rows]}


async def post_deactivate(account_id: str, request: Request, principal: Supervisor) -> dict:
    """Deactivate an account: end its sessions and tokens and release the cases it claims."""
    parsed = parse_uuid(account_id, name="account id", source="an id from GET /api/accounts")
    try:
        row = await accounts.deactivate_account(
            pool_of(request),
            account_id=parsed,
            principal=principal,
            request_id=request_id_of(request),
        )
    except accounts.AccountNotFound as error:
        raise ApiError(404, str(error)) from None
    except accounts.AccountChangeRejected as error:
        raise ApiError(409, str(error)) from None
    return _account_fields(row)


async def _reject_login(
    request: Request,
    *,
    account_id: UUID | None,
    reason: str,
    message: str = LOGIN_FAILED_MESSAGE,
) -> NoReturn:
    await _audit(request, account_id, AuditAction.LOGIN_FAILED, {"reason": reason})
    log.info("login_rejected", reason=reason, account_id=str(account_id) if account_id else None)
    raise ApiError(401, message)


async def _audit(
    request: Request,
    account_id: UUID | None,
    action: AuditAction,
    detail: dict | None = None,
    *,
    executor: asyncpg.Pool | asyncpg.Connection | None = None,
) -> None:
    await insert_audit(
        executor or pool_of(request),
        account_id=account_id,
        action=action,
        request_id=request_id_of(request),
        detail=detail,
    )


def _token_fields(row: asyncpg.Record) -> dict:
    return {
        "token_id": str(row["token_id"]),
        "name": row["name"],
        "created_at": isoformat(row["created_at"]),
        "last_used_at": isoformat(row["last_used_at"]),
    }


def _account_fields(row: asyncpg.Record) -> dict:
    return {
        "account_id": str(row["account_id"]),
        "login": row["login"],
        "display_name": row["display_name"],
        "role": row["role"],
        "active": row["active"],
        "operator": row["is_operator"],
        "created_at": isoformat(row["created_at"]),
        "deactivated_at": isoformat(row["deactivated_at"]),
    }
