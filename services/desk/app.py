"""HTTP API of the counselors' queue, and the lifespan that owns the pool, broker and outbox."""

import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import asyncpg
import structlog
from fastapi import APIRouter, Depends, FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from prometheus_client import Counter
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.desk import domain, store
from services.desk.consumer import (
    CONSUMED_TOPICS,
    PUBLISHED_TOPICS,
    SERVICE,
    OutboxRelay,
    make_kafka_publisher,
    register_handlers,
)
from services.desk.settings import DeskSettings
from shared.db import apply_migrations, create_pool
from shared.http import add_operational_routes
from shared.kafka import ensure_topics, make_broker
from shared.schemas.topics import dead_letter_topic

log = structlog.get_logger()

MIGRATIONS_DIRECTORY = Path(__file__).parent / "migrations"

REPLIES_QUEUED = Counter("desk_replies_queued", "Counselor replies stored and queued to be sent.")

# TODO: use the counselor's account id once the desk has accounts. One shared token
# cannot tell counselors apart.
REPLY_REQUESTED_BY = "counselor"


class ApiError(Exception):
    """An error that the API returns as JSON {"error": message} with `status_code`."""

    def __init__(
        self, status_code: int, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.headers = headers


class ReplyBody(BaseModel):
    text: str


def create_app(settings: DeskSettings) -> FastAPI:
    """Create the desk's FastAPI app, whose lifespan connects to PostgreSQL and Kafka."""
    app = FastAPI(title="desk", lifespan=_make_lifespan(settings))
    add_operational_routes(app)
    _add_error_handlers(app)
    app.include_router(_make_api_router(settings))
    return app


def _make_lifespan(
    settings: DeskSettings,
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
            register_handlers(broker, pool=pool)
            await broker.start()
            stack.push_async_callback(broker.stop)

            relay = OutboxRelay(pool=pool, publish=make_kafka_publisher(broker))
            relay.start()
            stack.push_async_callback(relay.stop)

            app.state.pool = pool
            app.state.outbox_relay = relay
            log.info("desk_started", port=settings.desk_port)
            yield
            log.info("desk_stopping")

    return lifespan


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return JSONResponse(
            {"error": error.message}, status_code=error.status_code, headers=error.headers
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": "invalid request: " + _describe_errors(error.errors())}, 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": str(error.detail)}, status_code=error.status_code, headers=error.headers
        )


def _make_token_check(settings: DeskSettings) -> Callable[..., Awaitable[None]]:
    expected = settings.desk_api_token.get_secret_value().encode()
    challenge = {"WWW-Authenticate": "Bearer"}

    async def check_token(authorization: str | None = Header(default=None)) -> None:
        if authorization is None:
            raise ApiError(
                401,
                "missing Authorization header; send 'Authorization: Bearer <token>'"
                " with the value of DESK_API_TOKEN",
                challenge,
            )
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(
                401,
                "invalid Authorization header: it must have the form 'Bearer <token>'",
                challenge,
            )
        if not secrets.compare_digest(token.strip().encode(), expected):
            log.info("api_token_rejected")
            raise ApiError(
                401,
                "invalid bearer token in the Authorization header; send the value of"
                " DESK_API_TOKEN",
                challenge,
            )

    return check_token


def _make_api_router(settings: DeskSettings) -> APIRouter:
    router = APIRouter(prefix="/api", dependencies=[Depends(_make_token_check(settings))])
    router.add_api_route("/queue", get_queue, methods=["GET"])
    router.add_api_route("/cases/{case_id}", get_case, methods=["GET"])
    router.add_api_route("/cases/{case_id}/replies", post_reply, methods=["POST"], status_code=202)
    return router


async def get_queue(request: Request) -> dict[str, list[dict]]:
    """Return the open and claimed cases, urgent first and then the longest wait."""
    rows = await store.fetch_queue(_pool(request))
    return {"cases": [_queue_entry(row) for row in rows]}


async def get_case(case_id: str, request: Request) -> dict:
    """Return one case with its messages, oldest first."""
    parsed_id = _parse_case_id(case_id)
    pool = _pool(request)
    case = await store.fetch_case(pool, case_id=parsed_id)
    if case is None:
        raise ApiError(404, f"case {parsed_id} not found")
    messages = await store.fetch_case_messages(pool, case_id=parsed_id)
    return {**_case_fields(case), "messages": [_message_fields(row) for row in messages]}


async def post_reply(case_id: str, request: Request) -> JSONResponse:
    """Store a counselor reply and queue it for sending to the person's LINE chat."""
    parsed_id = _parse_case_id(case_id)
    # The body is parsed here, not by FastAPI, so that the token check runs before it.
    try:
        body = ReplyBody.model_validate_json(await request.body())
    except ValidationError as error:
        message = "invalid reply body: " + _describe_errors(error.errors(include_input=False))
        raise ApiError(422, message + '. Send JSON like {"text": "..."}.') from None
    try:
        queued = await store.queue_reply(
            _pool(request), case_id=parsed_id, text=body.text, requested_by=REPLY_REQUESTED_BY
        )
    except domain.InvalidReplyText as error:
        raise ApiError(422, str(error)) from None
    except store.CaseNotFound:
        raise ApiError(404, f"case {parsed_id} not found") from None
    except store.CaseClosed as error:
        raise ApiError(409, str(error)) from None

    REPLIES_QUEUED.inc()
    request.app.state.outbox_relay.wake()
    log.info(
        "reply_queued",
        case_id=str(parsed_id),
        conversation_id=queued.conversation_id,
        reply_id=str(queued.reply_id),
    )
    return JSONResponse({"reply_id": str(queued.reply_id), "status": "queued"}, 202)


def _pool(request: Request) -> asyncpg.Pool:
    return request.app.state.pool


def _parse_case_id(value: str) -> UUID:
    try:
        return UUID(value)
    except ValueError:
        raise ApiError(
            422, f"case id {value!r} is not a valid UUID; use a case_id from GET /api/queue"
        ) from None


def _describe_errors(errors: Sequence[Any]) -> str:
    # Input values are left out, because an invalid body may contain a message text.
    problems = []
    for detail in errors:
        location = ".".join(str(part) for part in detail["loc"]) or "body"
        problems.append(f"{location}: {detail['msg']}")
    return "; ".join(problems)


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
        "waiting_since": _isoformat(row["waiting_since"]),
        "last_message": last_message,
        "state": row["state"],
    }


def _case_fields(row: asyncpg.Record) -> dict:
    return {
        "case_id": str(row["case_id"]),
        "conversation_id": row["conversation_id"],
        "channel": row["channel"],
        "state": row["state"],
        "priority": row["priority"],
        "topics": list(row["topics"]),
        "waiting_since": _isoformat(row["waiting_since"]),
        "opened_at": _isoformat(row["opened_at"]),
        "closed_at": _isoformat(row["closed_at"]),
        "last_message_at": _isoformat(row["last_message_at"]),
    }


def _message_fields(row: asyncpg.Record) -> dict:
    fields = {
        "message_id": str(row["message_id"]),
        "direction": row["direction"],
        "kind": row["kind"],
        "text": row["text"],
        "sent_at": _isoformat(row["sent_at"]),
    }
    if row["direction"] == "out":
        fields["delivery_status"] = row["delivery_status"]
    return fields


def _isoformat(value: datetime | None) -> str | None:
    # asyncpg returns timestamptz values as aware datetimes in UTC, so the string has "+00:00".
    return value.isoformat() if value is not None else None
