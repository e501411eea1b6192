"""Desk accounts: password hashing, creation, listing, and the start-up bootstrap."""

import asyncio
from dataclasses import dataclass
from uuid import UUID

import asyncpg
import structlog
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from services.desk.audit import AuditAction, insert_audit
from services.desk.case_rows import lock_case, release_locked_case
from services.desk.domain import Role

log = structlog.get_logger()

PASSWORD_MIN_LENGTH = 12
# Bounds the hashing work that one login or account request can cause.
PASSWORD_MAX_LENGTH = 1024
OPERATOR_LOGIN = "operator"

# argon2id with the parameters of argon2-cffi 25.1's PasswordHasher defaults (RFC 9106's
# low-memory profile: 64 MiB, 3 iterations, 4 lanes).
_HASHER = PasswordHasher()

# Serializes the start-up bootstrap and the deactivation of supervisors, so concurrent
# starts create one supervisor and the last active supervisor cannot be deactivated.
SUPERVISORS_LOCK = "desk.accounts.supervisors"

_ACCOUNT_COLUMNS = (
    "account_id, login, display_name, role, active, is_operator, created_at, deactivated_at"
)


@dataclass(frozen=True)
class Principal:
    """The account that an API request acts for."""

    account_id: UUID
    role: Role
    name: str


class LoginTaken(Exception):
    """A login that another account already uses."""


class AccountNotFound(LookupError):
    def __init__(self, account_id: UUID) -> None:
        super().__init__(f"account {account_id} not found")
        self.account_id = account_id


class AccountChangeRejected(Exception):
    """A deactivation of the caller's own account, the operator, or the last supervisor."""


class BootstrapFailed(RuntimeError):
    """A start-up bootstrap that the configured variables cannot complete."""


async def hash_password(password: str) -> str:
    """Return the argon2id hash of `password`, computed off the event loop."""
    return await asyncio.to_thread(_HASHER.hash, password)


async def verify_password(password_hash: str, password: str) -> bool:
    """Return whether `password` matches `password_hash`, computed off the event loop."""
    try:
        return await asyncio.to_thread(_HASHER.verify, password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Return whether the hash used other parameters than the current hasher."""
    return _HASHER.check_needs_rehash(password_hash)


async def create_account(
    executor: asyncpg.Pool | asyncpg.Connection,
    *,
    login: str,
    display_name: str,
    role: Role,
    password_hash: str,
    created_by: UUID | None,
) -> asyncpg.Record:
    """Insert an active account and return its row. Raises LoginTaken."""
    try:
        return await executor.fetchrow(
            "INSERT INTO desk.accounts (login, display_name, role, password_hash, created_by)"
            f" VALUES ($1, $2, $3, $4, $5) RETURNING {_ACCOUNT_COLUMNS}",
            login,
            display_name,
            role.value,
            password_hash,
            created_by,
        )
    except asyncpg.UniqueViolationError:
        raise LoginTaken(f"login {login!r} is taken by another account; choose another") from None


async def list_accounts(executor: asyncpg.Pool | asyncpg.Connection) -> list[asyncpg.Record]:
    """Return every account, active ones first, then by login."""
    return await executor.fetch(
        f"SELECT {_ACCOUNT_COLUMNS} FROM desk.accounts ORDER BY active DESC, lower(login)"
    )


async def fetch_account(
    executor: asyncpg.Pool | asyncpg.Connection, account_id: UUID
) -> asyncpg.Record | None:
    return await executor.fetchrow(
        f"SELECT {_ACCOUNT_COLUMNS} FROM desk.accounts WHERE account_id = $1", account_id
    )


async def find_login(pool: asyncpg.Pool, login: str) -> asyncpg.Record | None:
    """Return the account with `login` (compared without case) and its password hash."""
    return await pool.fetchrow(
        "SELECT account_id, display_name, role, active, password_hash FROM desk.accounts"
        " WHERE lower(login) = lower($1)",
        login,
    )


async def replace_password_hash(
    pool: asyncpg.Pool, *, account_id: UUID, password_hash: str
) -> None:
    await pool.execute(
        "UPDATE desk.accounts SET password_hash = $2 WHERE account_id = $1",
        account_id,
        password_hash,
    )


async def ensure_operator_account(pool: asyncpg.Pool) -> UUID:
    """Create the operator account if missing and return its id.

    The operator account is the supervisor that DESK_API_TOKEN acts for. It has no password,
    so nobody can log in as it. Raises BootstrapFailed if a person's account took its login.
    """
    async with pool.acquire() as connection, connection.transaction():
        await connection.execute(
            "INSERT INTO desk.accounts (login, display_name, role, is_operator)"
            " VALUES ($1, $1, 'supervisor', true) ON CONFLICT DO NOTHING",
            OPERATOR_LOGIN,
        )
        account_id = await connection.fetchval(
            "SELECT account_id FROM desk.accounts WHERE is_operator AND lower(login) = $1",
            OPERATOR_LOGIN,
        )
    if account_id is None:
        raise BootstrapFailed(
            f"the login {OPERATOR_LOGIN!r} belongs to a person's account, so DESK_API_TOKEN"
            " has no operator account to act for; rename that account's login"
        )
    return account_id


async def count_login_supervisors(executor: asyncpg.Pool | asyncpg.Connection) -> int:
    """Return how many active supervisor accounts can log in with a password."""
    return await executor.fetchval(
        "SELECT count(*) FROM desk.accounts"
        " WHERE role = 'supervisor' AND active AND NOT is_operator"
    )


async def bootstrap_supervisor(pool: asyncpg.Pool, *, login: str, password: str) -> UUID | None:
    """Create a supervisor account with `login` unless an active supervisor exists.

    Returns the new account's id, or None if nothing was created. Concurrent calls wait on
    an advisory lock, so two services starting at once create one supervisor. Raises
    BootstrapFailed if another account already uses `login`.
    """
    password_hash = await hash_password(password)
    async with pool.acquire() as connection, connection.transaction():
        await connection.execute("SELECT pg_advisory_xact_lock(hashtext($1))", SUPERVISORS_LOCK)
        if await count_login_supervisors(connection) > 0:
            return None
        try:
            account = await create_account(
                connection,
                login=login,
                display_name=login,
                role=Role.SUPERVISOR,
                password_hash=password_hash,
                created_by=None,
            )
        except LoginTaken:
            raise BootstrapFailed(
                f"DESK_BOOTSTRAP_SUPERVISOR_LOGIN={login!r} is the login of an inactive or"
                " non-supervisor account, and no active supervisor exists; set another login"
            ) from None
    log.info("supervisor_bootstrapped", account_id=str(account["account_id"]))
    return account["account_id"]


async def deactivate_account(
    pool: asyncpg.Pool, *, account_id: UUID, principal: Principal, request_id: str | None
) -> asyncpg.Record:
    """Deactivate an account, end its sessions and tokens, and release the cases it claims.

    Returns the account's row. An account that is already inactive stays as it is. Raises
    AccountNotFound, or AccountChangeRejected for the caller's own account, the operator
    account and the last active supervisor who can log in.
    """
    async with pool.acquire() as connection, connection.transaction():
        await connection.execute("SELECT pg_advisory_xact_lock(hashtext($1))", SUPERVISORS_LOCK)
        # FOR NO KEY UPDATE does not block the foreign-key lock that a claim or transfer takes
        # on this row, so such a claim and the loop over the account's cases below do not
        # wait for each other in a cycle.
        account = await connection.fetchrow(
            f"SELECT {_ACCOUNT_COLUMNS} FROM desk.accounts WHERE account_id = $1 FOR NO KEY UPDATE",
            account_id,
        )
        if account is None:
            raise AccountNotFound(account_id)
        await _check_deactivation(connection, account=account, principal=principal)
        if not account["active"]:
            return account

        updated = await connection.fetchrow(
            "UPDATE desk.accounts SET active = false, deactivated_at = now()"
            f" WHERE account_id = $1 RETURNING {_ACCOUNT_COLUMNS}",
            account_id,
        )
        await connection.execute("DELETE FROM desk.sessions WHERE account_id = $1", account_id)
        await connection.execute(
            "UPDATE desk.api_tokens SET revoked_at = now()"
            " WHERE account_id = $1 AND revoked_at IS NULL",
            account_id,
        )
        released = await _release_claimed_cases(
            connection, account_id=account_id, principal=principal, request_id=request_id
        )
        await insert_audit(
            connection,
            account_id=principal.account_id,
            action=AuditAction.ACCOUNT_DEACTIVATE,
            request_id=request_id,
            detail={"deactivated_account_id": str(account_id), "released_cases": released},
        )
    log.info("account_deactivated", account_id=str(account_id), released_cases=released)
    return updated


async def _check_deactivation(
    connection: asyncpg.Connection, *, account: asyncpg.Record, principal: Principal
) -> None:
    if account["is_operator"]:
        raise AccountChangeRejected(
            "the operator account acts for DESK_API_TOKEN and cannot be deactivated; unset"
            " DESK_API_TOKEN and restart the desk to stop it"
        )
    if account["account_id"] == principal.account_id:
        raise AccountChangeRejected(
            "you cannot deactivate your own account; ask another supervisor"
        )
    last_supervisor = (
        account["active"]
        and account["role"] == Role.SUPERVISOR
        and await count_login_supervisors(connection) <= 1
    )
    if last_supervisor:
        raise AccountChangeRejected(
            f"account {account['account_id']} is the last active supervisor who can log in;"
            " create another supervisor first"
        )


async def _release_claimed_cases(
    connection: asyncpg.Connection,
    *,
    account_id: UUID,
    principal: Principal,
    request_id: str | None,
) -> int:
    case_ids = await connection.fetch(
        "SELECT case_id FROM desk.cases WHERE claimed_by = $1 ORDER BY case_id", account_id
    )
    for row in case_ids:
        case = await lock_case(connection, row["case_id"])
        await release_locked_case(
            connection, case=case, actor=str(principal.account_id), reason="account_deactivated"
        )
        await insert_audit(
            connection,
            account_id=principal.account_id,
            action=AuditAction.CASE_RELEASE,
            request_id=request_id,
            case_id=row["case_id"],
        )
    return len(case_ids)
