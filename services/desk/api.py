"""Pieces every desk route uses: the JSON error, body and id parsing, and value formatting."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

import asyncpg
from fastapi import Request
from pydantic import BaseModel, ValidationError

ModelT = TypeVar("ModelT", bound=BaseModel)


class ApiError(Exception):
    """An error that the API returns as JSON {"error": message} with `status_code`."""

    def __init__(
        self, status_code: int, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.headers = headers


def pool_of(request: Request) -> asyncpg.Pool:
    return request.app.state.pool


def request_id_of(request: Request) -> str | None:
    """Return the request's X-Request-ID, which the request id middleware sets."""
    return getattr(request.state, "request_id", None)


async def parse_body(request: Request, model: type[ModelT], *, example: str) -> ModelT:
    """Parse the JSON body as `model`, or raise a 422 ApiError that shows `example`.

    Routes parse their bodies here rather than through FastAPI, so that the credentials
    check runs first and a request without credentials gets 401, not 422.
    """
    try:
        return model.model_validate_json(await request.body())
    except ValidationError as error:
        problems = describe_errors(error.errors(include_input=False))
        message = f"invalid request body: {problems}. Send JSON like {example}."
        raise ApiError(422, message) from None


def parse_uuid(value: str, *, name: str, source: str) -> UUID:
    """Parse a path or query value as a UUID, or raise a 422 ApiError naming `name`."""
    try:
        return UUID(value)
    except ValueError:
        raise ApiError(422, f"{name} {value!r} is not a valid UUID; use {source}") from None


def describe_errors(errors: Sequence[Any]) -> str:
    # Input values are left out, because an invalid body may contain a message text.
    problems = []
    for detail in errors:
        location = ".".join(str(part) for part in detail["loc"]) or "body"
        problems.append(f"{location}: {detail['msg']}")
    return "; ".join(problems)


def isoformat(value: datetime | None) -> str | None:
    # asyncpg returns timestamptz values as aware datetimes in UTC, so the string has "+00:00".
    return value.isoformat() if value is not None else None
