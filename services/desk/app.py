"""HTTP API of the counselors' desk, and the lifespan that owns the pool, broker and outbox."""

import asyncio
import contextlib
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import TypeVar

import asyncpg
import structlog
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.desk import accounts, store
from services.desk.account_routes import add_account_routes
from services.desk.api import ApiError, describe_errors
from services.desk.auth import AuthConfig
from services.desk.case_routes import add_case_routes
from services.desk.cases import InvalidTransfer
from services.desk.closing import InvalidClosing
from services.desk.consumer import (
    CONSUMED_TOPICS,
    PUBLISHED_TOPICS,
    SERVICE,
    OutboxRelay,
    make_kafka_publisher,
    register_handlers,
)
from services.desk.domain import (
    ForbiddenMove,
    InvalidReplyText,
    InvalidUrgentClearReason,
    NotPermitted,
    UrgentClearConflict,
)
from services.desk.hours import (
    AfterHoursResponder,
    HoursSettings,
    load_hours_settings,
    run_alert_loop,
)
from services.desk.report_routes import add_report_routes
from services.desk.settings import DeskSettings
from services.desk.web import add_web_routes, static_files
from shared.db import apply_migrations, create_pool
from shared.http import add_operational_routes
from shared.kafka import ensure_topics, make_broker
from shared.schemas.topics import dead_letter_topic
from shared.settings import SettingsError

log = structlog.get_logger()

MIGRATIONS_DIRECTORY = Path(__file__).parent / "migrations"
REQUEST_ID_HEADER = "X-Request-ID"
# An incoming X-Request-ID is kept only if it is short and plain, so it is safe in logs.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")

T = TypeVar("T")

__all__ = ["MIGRATIONS_DIRECTORY", "ApiError", "create_app", "prepare_app_state"]


def create_app(settings: DeskSettings, hours: HoursSettings | None = None) -> FastAPI:
    """Create the desk's FastAPI app, whose lifespan connects to PostgreSQL and Kafka.

    `hours` defaults to the opening hours read from the environment.
    """
    hours = hours if hours is not None else load_hours_settings()
    app = FastAPI(title="desk", lifespan=_make_lifespan(settings, hours))
    app.state.settings = settings
    add_operational_routes(app)
    _add_error_handlers(app)
    app.middleware("http")(_request_id_middleware)
    # Routes are added to the app itself, not through APIRouter, so that app.routes lists
    # every route; FastAPI 0.163 wraps an included router in one opaque entry.
    add_account_routes(app)
    add_case_routes(app)
    add_report_routes(app)
    add_web_routes(app)
    app.mount("/static", static_files(), name="static")
    return app


async def prepare_app_state(
    app: FastAPI, *, pool: asyncpg.Pool, settings: DeskSettings, outbox_relay: OutboxRelay
) -> None:
    """Create the operator and bootstrap accounts, and store what the routes use in app.state.

    Raises SettingsError, naming the variables to set, when no one could log in: no active
    supervisor, no bootstrap variables and no DESK_API_TOKEN.
    """
    operator_account_id = None
    if settings.desk_api_token is not None:
        operator_account_id = await _run_bootstrap_step(accounts.ensure_operator_account(pool))
    if settings.desk_bootstrap_supervisor_login is not None:
        await _run_bootstrap_step(
            accounts.bootstrap_supervisor(
                pool,
                login=settings.desk_bootstrap_supervisor_login,
                password=settings.desk_bootstrap_supervisor_password.get_secret_value(),
            )
        )
    if operator_account_id is None and await accounts.count_login_supervisors(pool) == 0:
        raise SettingsError(
            "invalid configuration: no active supervisor account exists and DESK_API_TOKEN is"
            " not set, so no one could use the desk. Set DESK_BOOTSTRAP_SUPERVISOR_LOGIN and"
            " DESK_BOOTSTRAP_SUPERVISOR_PASSWORD (at least 12 characters) and start again."
        )

    operator_token = settings.desk_api_token
    app.state.auth = AuthConfig(
        operator_token=operator_token.get_secret_value().encode() if operator_token else None,
        operator_account_id=operator_account_id,
    )
    app.state.pool = pool
    app.state.outbox_relay = outbox_relay


async def _cancel(task: asyncio.Task) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def _run_bootstrap_step(step: Awaitable[T]) -> T:
    try:
        return await step
    except accounts.BootstrapFailed as error:
        raise SettingsError(f"invalid configuration: {error}") from None


def _make_lifespan(
    settings: DeskSettings, hours: HoursSettings
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The exit stack stops whatever has started if a later step fails, in reverse order.
        async with AsyncExitStack() as stack:
            pool = await create_pool(settings.database_url)
            stack.push_async_callback(pool.close)
            await apply_migrations(pool, schema=store.SCHEMA, directory=MIGRATIONS_DIRECTORY)

            dead_letter_topics = [dead_letter_topic(topic) for topic in CONSUMED_TOPICS]
            await ensure_topics(
                settings.kafka_bootstrap_servers,
                [*CONSUMED_TOPICS, *PUBLISHED_TOPICS, *dead_letter_topics],
            )
            broker = make_broker(settings.kafka_bootstrap_servers, service=SERVICE)
            # The relay exists before the handlers, so automatic replies can wake it.
            relay = OutboxRelay(pool=pool, publish=make_kafka_publisher(broker))
            responder = AfterHoursResponder(settings=hours, wake=relay.wake)
            register_handlers(broker, pool=pool, after_hours=responder)
            await broker.start()
            stack.push_async_callback(broker.stop)

            relay.start()
            stack.push_async_callback(relay.stop)

            alert_loop = asyncio.create_task(run_alert_loop(pool, settings=hours, wake=relay.wake))
            stack.push_async_callback(_cancel, alert_loop)

            await prepare_app_state(app, pool=pool, settings=settings, outbox_relay=relay)
            log.info("desk_started", port=settings.desk_port)
            yield
            log.info("desk_stopping")

    return lifespan


async def _request_id_middleware(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    request_id = incoming if _VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
    request.state.request_id = request_id
    with structlog.contextvars.bound_contextvars(request_id=request_id):
        response = await call_next(request)
    response.headers[REQUEST_ID_HEADER] = request_id
    return response


# Exceptions of the desk's modules, and the HTTP status that each becomes.
_ERROR_STATUSES: dict[type[Exception], int] = {
    store.CaseNotFound: 404,
    ForbiddenMove: 409,
    UrgentClearConflict: 409,
    NotPermitted: 403,
    InvalidReplyText: 422,
    InvalidUrgentClearReason: 422,
    InvalidClosing: 422,
    InvalidTransfer: 422,
}


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return JSONResponse(
            {"error": error.message}, status_code=error.status_code, headers=error.headers
        )

    async def desk_error(_request: Request, error: Exception) -> JSONResponse:
        status = next(code for kind, code in _ERROR_STATUSES.items() if isinstance(error, kind))
        return JSONResponse({"error": str(error)}, status_code=status)

    for error_type in _ERROR_STATUSES:
        app.add_exception_handler(error_type, desk_error)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": "invalid request: " + describe_errors(error.errors())}, 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": str(error.detail)}, status_code=error.status_code, headers=error.headers
        )
