"""Fixtures of the desk API tests: a migrated database, an API client, two counselors and a
supervisor.

A test module that defines a fixture of the same name uses its own instead.
"""

from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest

from services.desk.accounts import Principal
from services.desk.domain import Role
from tests.integration.test_desk_helpers import (
    api_client,
    bearer_headers,
    make_account,
    migrated_pool,
)


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    async with migrated_pool(database_url) as pool:
        yield pool


@pytest.fixture
async def client(pool: asyncpg.Pool, database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(pool, database_url) as client:
        yield client


@pytest.fixture
async def first(pool: asyncpg.Pool) -> dict[str, str]:
    """Headers of a counselor named 相談員A."""
    return await bearer_headers(pool, await make_account(pool, Role.COUNSELOR, name="相談員A"))


@pytest.fixture
async def second(pool: asyncpg.Pool) -> dict[str, str]:
    """Headers of a counselor named 相談員B."""
    return await bearer_headers(pool, await make_account(pool, Role.COUNSELOR, name="相談員B"))


@pytest.fixture
async def supervisor(pool: asyncpg.Pool) -> Principal:
    """The account of a supervisor named 統括."""
    return await make_account(pool, Role.SUPERVISOR, name="統括")
