"""Fake LINE Messaging API platform for local runs and tests.

Serves the push and reply endpoints with LINE's authentication, request checks, retry-key
and reply-token rules, response shapes and error bodies. It records every API request and
can fail the next calls on request. All state belongs to one app instance, so each
create_app call starts empty.
"""

import itertools
import json
import re
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any, Literal
from uuid import uuid4

import structlog
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

log = structlog.get_logger()

PUSH_PATH = "/v2/bot/message/push"
REPLY_PATH = "/v2/bot/message/reply"

MAX_MESSAGES = 5
MAX_TEXT_UTF16_UNITS = 5000
MESSAGE_TYPES = (
    "text",
    "image",
    "video",
    "audio",
    "location",
    "sticker",
    "imagemap",
    "template",
    "flex",
)

# The top-level messages use the wording of LINE's published error list. NOTE: the texts of
# the per-property details and of the retry-key errors are approximations that have not been
# compared with the live API, so clients should match on status codes, not on these texts.
AUTH_FAILED = (
    "Authentication failed. Confirm that the access token in the authorization header is valid."
)
RATE_LIMITED = "The API rate limit has been exceeded. Try again later."
RETRY_KEY_ACCEPTED = "The retry key is already accepted"
RETRY_KEY_INVALID = "The retry key is invalid. Specify a UUID in hexadecimal notation."
RETRY_KEY_NOT_SUPPORTED = "The retry key is not supported by this API"
INVALID_REPLY_TOKEN = "Invalid reply token"
MUST_BE_SPECIFIED = "Must be specified"
MUST_BE_STRING = "Must be a string"
MAY_NOT_BE_EMPTY = "May not be empty"

# LINE documents the retry key as a UUID in hexadecimal notation, with hyphens.
UUID_PATTERN = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE
)

# The last 4 characters of a short test token would give most of it away, so GET
# /fake/requests shows them only for tokens of at least this many characters.
MIN_TOKEN_LENGTH_TO_SHOW_SUFFIX = 16


class ApiError(Exception):
    """LINE error response raised by a check and turned into the HTTP response."""

    def __init__(
        self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(body.get("message", ""))
        self.status = status
        self.body = body
        self.headers = headers or {}


@dataclass
class AcceptedPush:
    """Outcome of a push that was accepted with a retry key, replayed on a 409."""

    request_id: str
    sent_messages: list[dict[str, str]]


@dataclass
class Fault:
    """Injected failure for the next `remaining` API calls to `path`, or to any API path."""

    status: int
    remaining: int
    path: str | None


@dataclass
class FakeLineState:
    """Everything one fake platform instance remembers."""

    access_tokens: frozenset[str]
    requests: list[dict[str, Any]] = field(default_factory=list)
    accepted_retry_keys: dict[str, AcceptedPush] = field(default_factory=dict)
    used_reply_tokens: set[str] = field(default_factory=set)
    faults: list[Fault] = field(default_factory=list)
    # LINE message ids are numeric strings, 18 digits long in LINE's examples. A random start
    # keeps ids from one run distinct from those of the previous run, as on the real platform.
    message_ids: itertools.count = field(
        default_factory=lambda: itertools.count(10**17 + secrets.randbelow(8 * 10**17))
    )


class FaultRequest(BaseModel):
    """Body of POST /fake/faults."""

    model_config = ConfigDict(extra="forbid")

    status: int = Field(ge=400, le=599, description="HTTP status of the injected failure.")
    count: int = Field(ge=1, description="Number of matching API calls that fail.")
    path: Literal["/v2/bot/message/push", "/v2/bot/message/reply"] | None = Field(
        default=None, description="API path to fail; every API path when omitted."
    )


def create_app(access_tokens: set[str]) -> FastAPI:
    """Build a fake LINE platform that accepts the given channel access tokens."""
    if not access_tokens:
        raise ValueError("access_tokens is empty; pass at least one channel access token")

    app = FastAPI(
        title="Fake LINE Messaging API", docs_url=None, redoc_url=None, lifespan=log_shutdown
    )
    state = FakeLineState(access_tokens=frozenset(access_tokens))
    app.state.fakeline = state

    add_api_routes(app, state)
    add_control_routes(app, state)
    return app


# uvicorn (0.54) re-raises SIGINT and SIGTERM once it has shut down, so code after
# uvicorn.run does not run on a signal. The lifespan's shutdown phase still does.
@asynccontextmanager
async def log_shutdown(app: FastAPI) -> AsyncIterator[None]:
    yield
    log.info("fakeline_stopped", request_count=len(app.state.fakeline.requests))


def add_api_routes(app: FastAPI, state: FakeLineState) -> None:
    @app.post(PUSH_PATH)
    async def push_message(request: Request) -> JSONResponse:
        return await handle_api_call(state, request, PUSH_PATH)

    @app.post(REPLY_PATH)
    async def reply_message(request: Request) -> JSONResponse:
        return await handle_api_call(state, request, REPLY_PATH)

    # Recording calls to endpoints the fake does not serve shows a client's wrong path in
    # GET /fake/requests instead of only in the client's own logs.
    @app.api_route("/v2/{rest:path}", methods=["GET", "POST", "PUT", "DELETE"])
    async def unknown_api(request: Request) -> JSONResponse:
        return await handle_api_call(state, request, request.url.path)


def add_control_routes(app: FastAPI, state: FakeLineState) -> None:
    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/fake/requests")
    async def list_requests(path: str | None = None, status: int | None = None) -> dict:
        return {"requests": filter_requests(state.requests, path, status)}

    @app.delete("/fake/requests")
    async def reset_requests() -> dict[str, str]:
        state.requests.clear()
        state.accepted_retry_keys.clear()
        state.used_reply_tokens.clear()
        return {"status": "ok"}

    @app.post("/fake/faults")
    async def add_fault(fault: FaultRequest) -> dict:
        state.faults.append(Fault(status=fault.status, remaining=fault.count, path=fault.path))
        return {"faults": [asdict(queued) for queued in state.faults]}

    @app.delete("/fake/faults")
    async def clear_faults() -> dict[str, str]:
        state.faults.clear()
        return {"status": "ok"}


async def handle_api_call(state: FakeLineState, request: Request, path: str) -> JSONResponse:
    """Process one Messaging API call, record it and return LINE's response."""
    # Read the body before touching state: the rest runs without awaiting, so concurrent
    # calls on the event loop cannot interleave between a check and its update.
    raw_body = await request.body()
    headers = {name.lower(): value for name, value in request.headers.items()}
    request_id = str(uuid4())

    try:
        status, body, extra_headers = process_api_call(state, path, headers, raw_body, request_id)
    except ApiError as error:
        status, body, extra_headers = error.status, error.body, error.headers

    record_request(state, path, headers, raw_body, status, request_id)
    log.info("line_api_call", path=path, status=status, request_id=request_id)

    response_headers = {"x-line-request-id": request_id, **extra_headers}
    return JSONResponse(body, status_code=status, headers=response_headers)


def process_api_call(
    state: FakeLineState, path: str, headers: dict[str, str], raw_body: bytes, request_id: str
) -> tuple[int, dict[str, Any], dict[str, str]]:
    """Authenticate, apply any injected fault, then run the endpoint's checks.

    Faults come after authentication because LINE counts rate limits per channel, so a
    request without a valid token gets 401 rather than 429.
    """
    authenticate(state, headers.get("authorization"))
    raise_injected_fault(state, path)

    if path == PUSH_PATH:
        return accept_push(state, headers, raw_body, request_id)
    if path == REPLY_PATH:
        return accept_reply(state, headers, raw_body)
    raise ApiError(404, {"message": "Not found"})


def authenticate(state: FakeLineState, authorization: str | None) -> None:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or token.strip() not in state.access_tokens:
        raise ApiError(401, {"message": AUTH_FAILED})


def raise_injected_fault(state: FakeLineState, path: str) -> None:
    for fault in state.faults:
        if fault.path in (None, path) and fault.remaining > 0:
            fault.remaining -= 1
            if fault.remaining == 0:
                state.faults.remove(fault)
            raise ApiError(fault.status, {"message": fault_message(fault.status)})


def fault_message(status: int) -> str:
    if status == 429:
        return RATE_LIMITED
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def accept_push(
    state: FakeLineState, headers: dict[str, str], raw_body: bytes, request_id: str
) -> tuple[int, dict[str, Any], dict[str, str]]:
    retry_key = headers.get("x-line-retry-key")
    if retry_key is not None:
        retry_key = check_retry_key(state, retry_key)

    body = parse_json_object(raw_body)
    raise_if_invalid(validate_push(body))

    sent_messages = new_sent_messages(state, len(body["messages"]))
    if retry_key is not None:
        state.accepted_retry_keys[retry_key] = AcceptedPush(request_id, sent_messages)
    return 200, {"sentMessages": sent_messages}, {}


def check_retry_key(state: FakeLineState, retry_key: str) -> str:
    """Return the normalized retry key, or raise 400 if invalid and 409 if already accepted."""
    if not UUID_PATTERN.match(retry_key):
        raise ApiError(400, {"message": RETRY_KEY_INVALID})

    normalized = retry_key.lower()
    accepted = state.accepted_retry_keys.get(normalized)
    if accepted is not None:
        # LINE repeats the accepted request's sentMessages in a push's 409 body.
        body = {"message": RETRY_KEY_ACCEPTED, "sentMessages": accepted.sent_messages}
        raise ApiError(409, body, {"x-line-accepted-request-id": accepted.request_id})
    return normalized


def accept_reply(
    state: FakeLineState, headers: dict[str, str], raw_body: bytes
) -> tuple[int, dict[str, Any], dict[str, str]]:
    # LINE accepts X-Line-Retry-Key only on push, multicast, narrowcast and broadcast.
    if "x-line-retry-key" in headers:
        raise ApiError(400, {"message": RETRY_KEY_NOT_SUPPORTED})

    body = parse_json_object(raw_body)
    raise_if_invalid(validate_reply(body))

    # NOTE: any well-formed token is accepted once, because the fake does not know which
    # tokens intake received. Real tokens also expire a short time after the webhook event.
    reply_token = body["replyToken"]
    if reply_token in state.used_reply_tokens:
        raise ApiError(400, {"message": INVALID_REPLY_TOKEN})
    state.used_reply_tokens.add(reply_token)

    sent_messages = new_sent_messages(state, len(body["messages"]))
    return 200, {"sentMessages": sent_messages}, {}


def parse_json_object(raw_body: bytes) -> dict[str, Any]:
    try:
        body = json.loads(raw_body)
    except UnicodeDecodeError as error:
        message = "The request body could not be parsed as JSON"
        raise ApiError(400, {"message": message}) from error
    except json.JSONDecodeError as error:
        message = (
            "The request body could not be parsed as JSON "
            f"(line: {error.lineno}, column: {error.colno})"
        )
        raise ApiError(400, {"message": message}) from error

    if not isinstance(body, dict):
        raise_if_invalid([detail("Must be a JSON object", "")])
    return body


# A user, group or room id: "U", "C" or "R" and 32 lower-case hex digits.
PUSH_TARGET = re.compile(r"[UCR][0-9a-f]{32}")


def raise_if_invalid(details: list[dict[str, str]]) -> None:
    if details:
        message = f"The request body has {len(details)} error(s)"
        raise ApiError(400, {"message": message, "details": details})


def detail(message: str, property_name: str) -> dict[str, str]:
    return {"message": message, "property": property_name}


def validate_push(body: dict[str, Any]) -> list[dict[str, str]]:
    details = validate_non_empty_string(body, "to")
    if not details and not PUSH_TARGET.fullmatch(body["to"]):
        # NOTE: the wording is this fake's; LINE rejects a malformed `to` with 400 too.
        details.append(detail("Must be a user, group or room id", "to"))
    if "notificationDisabled" in body and not isinstance(body["notificationDisabled"], bool):
        details.append(detail("Must be a boolean", "notificationDisabled"))
    return details + validate_messages(body)


def validate_reply(body: dict[str, Any]) -> list[dict[str, str]]:
    return validate_non_empty_string(body, "replyToken") + validate_messages(body)


def validate_non_empty_string(body: dict[str, Any], name: str) -> list[dict[str, str]]:
    if name not in body or body[name] is None:
        return [detail(MUST_BE_SPECIFIED, name)]
    if not isinstance(body[name], str):
        return [detail(MUST_BE_STRING, name)]
    if not body[name]:
        return [detail(MAY_NOT_BE_EMPTY, name)]
    return []


def validate_messages(body: dict[str, Any]) -> list[dict[str, str]]:
    messages = body.get("messages")
    if messages is None:
        return [detail(MUST_BE_SPECIFIED, "messages")]
    if not isinstance(messages, list):
        return [detail("Must be an array", "messages")]
    if not 1 <= len(messages) <= MAX_MESSAGES:
        return [detail(f"Size must be between 1 and {MAX_MESSAGES}", "messages")]

    details: list[dict[str, str]] = []
    for index, message in enumerate(messages):
        details += validate_message(message, f"messages[{index}]")
    return details


def validate_message(message: Any, prefix: str) -> list[dict[str, str]]:
    """Check one message object; only text messages get checks beyond their type."""
    if not isinstance(message, dict):
        return [detail("Must be an object", prefix)]

    message_type = message.get("type")
    if message_type is None:
        return [detail(MUST_BE_SPECIFIED, f"{prefix}.type")]
    if message_type not in MESSAGE_TYPES:
        allowed = ", ".join(MESSAGE_TYPES)
        return [detail(f"Must be one of the following values: [{allowed}]", f"{prefix}.type")]
    if message_type != "text":
        return []

    details = validate_non_empty_string(message, "text")
    for item in details:
        item["property"] = f"{prefix}.text"
    if details:
        return details
    if utf16_length(message["text"]) > MAX_TEXT_UTF16_UNITS:
        limit = f"Length must be between 0 and {MAX_TEXT_UTF16_UNITS}"
        return [detail(limit, f"{prefix}.text")]
    return []


def utf16_length(text: str) -> int:
    """Count UTF-16 code units, as LINE does: characters outside the BMP count twice."""
    return len(text.encode("utf-16-le")) // 2


def new_sent_messages(state: FakeLineState, count: int) -> list[dict[str, str]]:
    return [
        {"id": str(next(state.message_ids)), "quoteToken": secrets.token_urlsafe(48)}
        for _ in range(count)
    ]


def record_request(
    state: FakeLineState,
    path: str,
    headers: dict[str, str],
    raw_body: bytes,
    status: int,
    request_id: str,
) -> None:
    recorded_headers = dict(headers)
    if "authorization" in recorded_headers:
        recorded_headers["authorization"] = mask_authorization(recorded_headers["authorization"])

    state.requests.append(
        {
            "path": path,
            "headers": recorded_headers,
            "body": decode_recorded_body(raw_body),
            "status": status,
            "request_id": request_id,
            "received_at": datetime.now(UTC).isoformat(),
        }
    )


def mask_authorization(value: str) -> str:
    scheme, _, token = value.partition(" ")
    if not token:
        return "****"
    visible = token[-4:] if len(token) >= MIN_TOKEN_LENGTH_TO_SHOW_SUFFIX else ""
    return f"{scheme} ****{visible}"


def decode_recorded_body(raw_body: bytes) -> Any:
    """Return the parsed JSON body, or the raw text when the body is not JSON."""
    text = raw_body.decode("utf-8", errors="replace")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def filter_requests(
    requests: list[dict[str, Any]], path: str | None, status: int | None
) -> list[dict[str, Any]]:
    return [
        recorded
        for recorded in requests
        if (path is None or recorded["path"] == path)
        and (status is None or recorded["status"] == status)
    ]
