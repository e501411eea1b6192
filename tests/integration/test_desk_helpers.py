"""Builders that the desk's integration tests share: pools, events, accounts and API clients.

This module has no tests. Each test module defines its fixtures with these helpers.
"""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from uuid import uuid4

import asyncpg
import httpx

from services.desk import accounts, cases, credentials, store
from services.desk.accounts import Principal
from services.desk.app import MIGRATIONS_DIRECTORY, create_app, prepare_app_state
from services.desk.consumer import OutboxRelay
from services.desk.domain import Role
from services.desk.settings import DeskSettings
from shared.db import apply_migrations, create_pool
from shared.schemas import (
    ChatSource,
    MessageKind,
    MessageReceived,
    MessageTriaged,
    SourceType,
    Topic,
)

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
OPERATOR_TOKEN = "test-desk-operator-token"
PASSWORD = "correct horse battery staple"

# Hashing with argon2 takes about 50 ms, so accounts made by tests share one hash.
_password_hash: str | None = None


@asynccontextmanager
async def migrated_pool(database_url: str, *, max_size: int = 4) -> AsyncIterator[asyncpg.Pool]:
    """Yield a pool on a database that has every desk migration applied."""
    pool = await create_pool(database_url, max_size=max_size)
    try:
        await apply_migrations(pool, schema=store.SCHEMA, directory=MIGRATIONS_DIRECTORY)
        yield pool
    finally:
        await pool.close()


def triaged(
    conversation_id: str,
    *,
    sent_at: datetime = T0,
    kind: MessageKind = MessageKind.TEXT,
    text: str | None = "こんにちは",
    topics: tuple[Topic, ...] = (),
    urgent: bool = False,
    reasons: tuple[str, ...] = (),
    classifier_version: str = "test",
    mode: str = "active",
    webhook_event_id: str | None = None,
    source_type: SourceType = SourceType.USER,
) -> MessageTriaged:
    """Build a triaged event whose LINE user, group or room id is derived from conversation_id."""
    chat_ids = {
        SourceType.USER: {},
        SourceType.GROUP: {"group_id": f"C{conversation_id}"},
        SourceType.ROOM: {"room_id": f"R{conversation_id}"},
    }
    source = ChatSource(type=source_type, user_id=f"U{conversation_id}", **chat_ids[source_type])
    message = MessageReceived(
        correlation_id=f"corr-{uuid4().hex[:8]}",
        channel="consultation",
        conversation_id=conversation_id,
        webhook_event_id=webhook_event_id or f"wh-{uuid4().hex}",
        kind=kind,
        mode=mode,
        source=source,
        sent_at=sent_at,
        text=text if kind is MessageKind.TEXT else None,
    )
    return MessageTriaged(
        correlation_id=message.correlation_id,
        message=message,
        topics=topics,
        urgent=urgent,
        reasons=reasons,
        classifier_version=classifier_version,
    )


async def close_case(
    pool: asyncpg.Pool, case_id: uuid.UUID, principal: Principal, closed_at: datetime | None = None
) -> asyncpg.Record:
    """Close a case with no topics and an unknown age band, as a counselor would."""
    return await cases.close_case(
        pool,
        case_id=case_id,
        principal=principal,
        topics=[],
        age_band="unknown",
        request_id=None,
        closed_at=closed_at,
    )


async def shared_password_hash() -> str:
    global _password_hash
    if _password_hash is None:
        _password_hash = await accounts.hash_password(PASSWORD)
    return _password_hash


async def make_account(
    pool: asyncpg.Pool, role: Role, *, login: str | None = None, name: str | None = None
) -> Principal:
    """Create an active account whose password is PASSWORD and return its Principal."""
    login = login or f"{role.value}-{uuid.uuid4().hex[:8]}@example.jp"
    row = await accounts.create_account(
        pool,
        login=login,
        display_name=name or login.split("@")[0],
        role=role,
        password_hash=await shared_password_hash(),
        created_by=None,
    )
    return Principal(account_id=row["account_id"], role=role, name=row["display_name"])


async def bearer_headers(pool: asyncpg.Pool, principal: Principal) -> dict[str, str]:
    """Create an API token for the account and return the Authorization header with it."""
    _, token = await credentials.create_api_token(
        pool, account_id=principal.account_id, name="test"
    )
    return {"Authorization": f"Bearer {token}"}


def desk_settings(database_url: str, **changes: object) -> DeskSettings:
    values: dict[str, object] = {
        "database_url": database_url,
        "desk_api_token": OPERATOR_TOKEN,
        "desk_session_cookie_secure": False,
    }
    values.update(changes)
    return DeskSettings(**values)


@asynccontextmanager
async def api_client(
    pool: asyncpg.Pool, database_url: str, **settings_changes: object
) -> AsyncIterator[httpx.AsyncClient]:
    """Yield a client of a desk app that uses `pool`, without Kafka and without the lifespan.

    The client sends no credentials unless a test passes headers.
    """
    settings = desk_settings(database_url, **settings_changes)
    app = create_app(settings)
    relay = OutboxRelay(pool=pool, publish=publish_nothing)
    await prepare_app_state(app, pool=pool, settings=settings, outbox_relay=relay)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://desk.test") as client:
        yield client


async def publish_nothing(topic: str, key: str, payload: str) -> None:
    return None


def operator_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
