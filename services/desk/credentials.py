"""API tokens for programs and session ids for the web console, stored as SHA-256 hashes.

Both are 256-bit random values, so a plain SHA-256 suffices: unlike a password, they
cannot be guessed from a list, and a fast hash keeps every request's lookup cheap.
"""

import hashlib
import secrets
from datetime import datetime, timedelta
from uuid import UUID

import asyncpg

# Marks a desk API token, so a leaked one is easy to recognize in a secret scanner.
TOKEN_PREFIX = "desk_"
TOKEN_NAME_MAX_LENGTH = 100

# Columns of the account that a token or session belongs to.
_PRINCIPAL_COLUMNS = "a.account_id, a.role, a.display_name, a.active"


def new_secret() -> str:
    """Return 32 random bytes, URL-safe base64 encoded."""
    return secrets.token_urlsafe(32)


def hash_secret(value: str) -> str:
    """Return the hex SHA-256 of a token or session id, as the tables store it."""
    return hashlib.sha256(value.encode()).hexdigest()


async def create_api_token(
    executor: asyncpg.Pool | asyncpg.Connection, *, account_id: UUID, name: str
) -> tuple[asyncpg.Record, str]:
    """Store a new token of the account and return its row and the token itself."""
    token = TOKEN_PREFIX + new_secret()
    row = await executor.fetchrow(
        "INSERT INTO desk.api_tokens (account_id, name, token_hash) VALUES ($1, $2, $3)"
        " RETURNING token_id, name, created_at, last_used_at",
        account_id,
        name,
        hash_secret(token),
    )
    return row, token


async def list_api_tokens(executor: asyncpg.Pool, *, account_id: UUID) -> list[asyncpg.Record]:
    """Return the account's tokens that are not revoked, newest first, without hashes."""
    return await executor.fetch(
        "SELECT token_id, name, created_at, last_used_at FROM desk.api_tokens"
        " WHERE account_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC",
        account_id,
    )


async def revoke_api_token(
    executor: asyncpg.Pool | asyncpg.Connection, *, token_id: UUID, account_id: UUID
) -> bool:
    """Revoke one of the account's tokens and return whether it existed and was active."""
    status = await executor.execute(
        "UPDATE desk.api_tokens SET revoked_at = now()"
        " WHERE token_id = $1 AND account_id = $2 AND revoked_at IS NULL",
        token_id,
        account_id,
    )
    return status == "UPDATE 1"


async def find_token_account(pool: asyncpg.Pool, token: str) -> asyncpg.Record | None:
    """Return the account of an unrevoked token and note the token's use, or None."""
    return await pool.fetchrow(
        "UPDATE desk.api_tokens t SET last_used_at = now() FROM desk.accounts a"
        " WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND a.account_id = t.account_id"
        f" RETURNING {_PRINCIPAL_COLUMNS}",
        hash_secret(token),
    )


async def create_session(
    executor: asyncpg.Pool | asyncpg.Connection, *, account_id: UUID, lifetime: timedelta
) -> tuple[str, datetime]:
    """Store a new session of the account and return its id and expiry time."""
    session_id = new_secret()
    expires_at = await executor.fetchval(
        "INSERT INTO desk.sessions (session_hash, account_id, expires_at)"
        " VALUES ($1, $2, now() + $3) RETURNING expires_at",
        hash_secret(session_id),
        account_id,
        lifetime,
    )
    return session_id, expires_at


async def find_session_account(pool: asyncpg.Pool, session_id: str) -> asyncpg.Record | None:
    """Return the account of a session that has not expired, or None."""
    return await pool.fetchrow(
        f"SELECT {_PRINCIPAL_COLUMNS} FROM desk.sessions s"
        " JOIN desk.accounts a USING (account_id)"
        " WHERE s.session_hash = $1 AND s.expires_at > now()",
        hash_secret(session_id),
    )


async def delete_session(executor: asyncpg.Pool | asyncpg.Connection, session_id: str) -> None:
    await executor.execute(
        "DELETE FROM desk.sessions WHERE session_hash = $1", hash_secret(session_id)
    )


async def delete_expired_sessions(executor: asyncpg.Pool | asyncpg.Connection) -> int:
    """Delete expired sessions and return how many there were."""
    status = await executor.execute("DELETE FROM desk.sessions WHERE expires_at <= now()")
    return int(status.split()[-1])
