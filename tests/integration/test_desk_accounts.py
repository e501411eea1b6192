"""Accounts, passwords, sessions, API tokens and the supervisor bootstrap on a real PostgreSQL."""

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest

from services.desk import accounts, cases, store
from services.desk.app import MIGRATIONS_DIRECTORY, create_app, prepare_app_state
from services.desk.consumer import OutboxRelay
from services.desk.domain import Role
from services.desk.settings import DeskSettings
from shared.db import apply_migrations, create_pool
from shared.settings import SettingsError
from tests.integration.test_desk_helpers import (
    PASSWORD,
    api_client,
    bearer_headers,
    desk_settings,
    make_account,
    migrated_pool,
    operator_headers,
    publish_nothing,
    triaged,
)

NEW_PASSWORD = "a long and unusual passphrase"


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    async with migrated_pool(database_url) as pool:
        yield pool


@pytest.fixture
async def client(pool: asyncpg.Pool, database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(pool, database_url) as client:
        yield client


async def create_via_api(
    client: httpx.AsyncClient, login: str, role: str = "counselor", password: str = NEW_PASSWORD
) -> httpx.Response:
    body = {"login": login, "display_name": "佐藤", "role": role, "password": password}
    return await client.post("/api/accounts", json=body, headers=operator_headers())


async def login(client: httpx.AsyncClient, login: str, password: str) -> httpx.Response:
    return await client.post("/api/login", json={"login": login, "password": password})


def session_cookie(response: httpx.Response) -> dict[str, str]:
    return {"Cookie": f"desk_session={response.cookies['desk_session']}"}


# --- passwords and sessions -------------------------------------------------------------


async def test_password_hashed_and_login(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    """The stored hash is argon2id and verifies; login sets an HttpOnly strict cookie."""
    created = await create_via_api(client, "sato@example.jp")
    stored = await pool.fetchval("SELECT password_hash FROM desk.accounts WHERE NOT is_operator")
    response = await login(client, "Sato@Example.jp", NEW_PASSWORD)

    assert created.status_code == 201, created.text
    assert "password" not in created.text
    assert stored.startswith("$argon2id$")
    assert await accounts.verify_password(stored, NEW_PASSWORD)
    assert not await accounts.verify_password(stored, NEW_PASSWORD + "x")
    assert response.status_code == 200, response.text
    assert response.json()["role"] == "counselor"
    set_cookie = response.headers["set-cookie"]
    assert "HttpOnly" in set_cookie
    assert "SameSite=strict" in set_cookie
    assert "Max-Age=43200" in set_cookie
    me = await client.get("/api/me", headers=session_cookie(response))
    assert me.json()["account_id"] == created.json()["account_id"]


async def test_session_id_stored_hashed(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    await create_via_api(client, "sato@example.jp")
    response = await login(client, "sato@example.jp", NEW_PASSWORD)
    session_id = response.cookies["desk_session"]
    stored = await pool.fetchval("SELECT session_hash FROM desk.sessions")

    assert stored != session_id
    assert len(stored) == 64


@pytest.mark.parametrize(
    ("login_name", "password"),
    [("sato@example.jp", "wrong password here"), ("nobody@example.jp", NEW_PASSWORD)],
    ids=["wrong-password", "unknown-login"],
)
async def test_login_rejected(
    client: httpx.AsyncClient, pool: asyncpg.Pool, login_name: str, password: str
) -> None:
    """A wrong password and an unknown login get the same 401 and an audit row."""
    await create_via_api(client, "sato@example.jp")
    response = await login(client, login_name, password)

    assert response.status_code == 401
    assert response.json() == {"error": "invalid login or password; check both and try again"}
    assert "set-cookie" not in response.headers
    actions = await pool.fetch("SELECT action, detail FROM desk.audit_log ORDER BY audit_id")
    assert actions[-1]["action"] == "session.login_failed"


async def test_operator_cannot_log_in(client: httpx.AsyncClient) -> None:
    response = await login(client, "operator", "")
    assert response.status_code == 422
    response = await login(client, "operator", "any password at all")
    assert response.status_code == 401


async def test_deactivated_account_rejected(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    """After deactivation, the password, the session and the token all get 401."""
    created = await create_via_api(client, "sato@example.jp")
    account_id = created.json()["account_id"]
    session = session_cookie(await login(client, "sato@example.jp", NEW_PASSWORD))
    token = await client.post("/api/tokens", json={"name": "script"}, headers=session)
    token_headers = {"Authorization": f"Bearer {token.json()['token']}"}
    assert (await client.get("/api/me", headers=token_headers)).status_code == 200

    deactivated = await client.post(
        f"/api/accounts/{account_id}/deactivate", headers=operator_headers()
    )
    again = await login(client, "sato@example.jp", NEW_PASSWORD)

    assert deactivated.status_code == 200
    assert deactivated.json()["active"] is False
    assert again.status_code == 401
    assert "deactivated" in again.json()["error"]
    assert (await client.get("/api/me", headers=session)).status_code == 401
    assert (await client.get("/api/me", headers=token_headers)).status_code == 401


async def test_expired_session_rejected(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    await create_via_api(client, "sato@example.jp")
    session = session_cookie(await login(client, "sato@example.jp", NEW_PASSWORD))
    await pool.execute("UPDATE desk.sessions SET expires_at = now() - interval '1 second'")
    response = await client.get("/api/me", headers=session)

    assert response.status_code == 401
    assert "expired" in response.json()["error"]


async def test_logout_ends_session(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    await create_via_api(client, "sato@example.jp")
    session = session_cookie(await login(client, "sato@example.jp", NEW_PASSWORD))
    response = await client.post("/api/logout", headers=session)

    assert response.status_code == 200
    assert 'desk_session=""' in response.headers["set-cookie"]
    assert await pool.fetchval("SELECT count(*) FROM desk.sessions") == 0
    assert (await client.get("/api/me", headers=session)).status_code == 401


# --- API tokens -----------------------------------------------------------------------


async def test_token_shown_once_and_revoked(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    city = await make_account(pool, Role.CITY)
    headers = await bearer_headers(pool, city)
    created = await client.post("/api/tokens", json={"name": "月次集計"}, headers=headers)
    token = created.json()["token"]
    token_headers = {"Authorization": f"Bearer {token}"}
    me = await client.get("/api/me", headers=token_headers)
    listed = await client.get("/api/tokens", headers=headers)
    revoked = await client.delete(f"/api/tokens/{created.json()['token_id']}", headers=headers)

    assert created.status_code == 201
    assert token.startswith("desk_")
    assert me.json()["role"] == "city"
    assert token not in listed.text
    assert [entry["name"] for entry in listed.json()["tokens"]] == ["月次集計", "test"]
    assert (
        await pool.fetchval("SELECT count(*) FROM desk.api_tokens WHERE token_hash = $1", token)
        == 0
    )
    assert revoked.status_code == 204
    assert (await client.get("/api/me", headers=token_headers)).status_code == 401


async def test_token_last_used_recorded(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    counselor = await make_account(pool, Role.COUNSELOR)
    headers = await bearer_headers(pool, counselor)
    await client.get("/api/me", headers=headers)

    assert await pool.fetchval("SELECT last_used_at FROM desk.api_tokens") is not None


async def test_other_accounts_token_not_revoked(
    client: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    owner = await make_account(pool, Role.COUNSELOR)
    owner_headers = await bearer_headers(pool, owner)
    token_id = await pool.fetchval("SELECT token_id FROM desk.api_tokens")
    other = await make_account(pool, Role.COUNSELOR)
    response = await client.delete(
        f"/api/tokens/{token_id}", headers=await bearer_headers(pool, other)
    )

    assert response.status_code == 404
    assert (await client.get("/api/me", headers=owner_headers)).status_code == 200


# --- account administration -----------------------------------------------------------


async def test_account_creation_errors(client: httpx.AsyncClient) -> None:
    first = await create_via_api(client, "sato@example.jp")
    duplicate = await create_via_api(client, "SATO@example.jp")
    reserved = await create_via_api(client, "Operator")
    short = await create_via_api(client, "kato@example.jp", password="short1")
    bad_role = await create_via_api(client, "ito@example.jp", role="admin")

    assert first.status_code == 201
    assert duplicate.status_code == 409
    assert "taken" in duplicate.json()["error"]
    assert reserved.status_code == 422
    assert short.status_code == 422
    assert "password" in short.json()["error"]
    assert "short1" not in short.json()["error"]
    assert bad_role.status_code == 422
    assert "role" in bad_role.json()["error"]


async def test_account_list(client: httpx.AsyncClient) -> None:
    await create_via_api(client, "sato@example.jp", role="city")
    response = await client.get("/api/accounts", headers=operator_headers())
    by_login = {entry["login"]: entry for entry in response.json()["accounts"]}

    assert set(by_login) == {"operator", "sato@example.jp"}
    assert by_login["operator"]["operator"] is True
    assert by_login["sato@example.jp"]["role"] == "city"
    assert "password" not in response.text


async def test_deactivation_guards(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    """No one deactivates the operator, themselves, or the last supervisor who can log in."""
    supervisor = await make_account(pool, Role.SUPERVISOR)
    supervisor_headers = await bearer_headers(pool, supervisor)
    operator_id = await pool.fetchval("SELECT account_id FROM desk.accounts WHERE is_operator")

    async def deactivate(account_id: object, headers: dict[str, str]) -> httpx.Response:
        return await client.post(f"/api/accounts/{account_id}/deactivate", headers=headers)

    operator = await deactivate(operator_id, supervisor_headers)
    itself = await deactivate(supervisor.account_id, supervisor_headers)
    last = await deactivate(supervisor.account_id, operator_headers())
    unknown = await deactivate("00000000-0000-0000-0000-000000000000", supervisor_headers)

    assert operator.status_code == 409
    assert "DESK_API_TOKEN" in operator.json()["error"]
    assert itself.status_code == 409
    assert "your own account" in itself.json()["error"]
    assert last.status_code == 409
    assert "last active supervisor" in last.json()["error"]
    assert unknown.status_code == 404


async def test_deactivation_releases_cases(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    counselor = await make_account(pool, Role.COUNSELOR)
    opened = await store.record_triaged_message(pool, event=triaged("conv-a"))
    await cases.claim_case(pool, case_id=opened.case_id, principal=counselor, request_id=None)
    response = await client.post(
        f"/api/accounts/{counselor.account_id}/deactivate", headers=operator_headers()
    )
    case = await pool.fetchrow("SELECT state, claimed_by FROM desk.cases")
    last_event = await pool.fetchrow(
        "SELECT kind, detail FROM desk.case_events ORDER BY case_event_id DESC LIMIT 1"
    )

    assert response.status_code == 200
    assert case["state"] == "open"
    assert case["claimed_by"] is None
    assert last_event["kind"] == "released"
    assert "account_deactivated" in last_event["detail"]


# --- bootstrap ------------------------------------------------------------------------


async def prepare(pool: asyncpg.Pool, settings: DeskSettings) -> None:
    relay = OutboxRelay(pool=pool, publish=publish_nothing)
    await prepare_app_state(create_app(settings), pool=pool, settings=settings, outbox_relay=relay)


async def start_desk_database(database_url: str, login: str) -> None:
    """Run the database part of a desk start-up: migrations and the account bootstrap."""
    settings = desk_settings(
        database_url,
        desk_api_token=None,
        desk_bootstrap_supervisor_login=login,
        desk_bootstrap_supervisor_password=PASSWORD,
    )
    pool = await create_pool(database_url, max_size=2)
    try:
        await apply_migrations(pool, schema=store.SCHEMA, directory=MIGRATIONS_DIRECTORY)
        await prepare(pool, settings)
    finally:
        await pool.close()


async def test_concurrent_starts_one_supervisor(database_url: str) -> None:
    """Two desks starting at once with different bootstrap logins create one supervisor."""
    await asyncio.gather(
        start_desk_database(database_url, "first@example.jp"),
        start_desk_database(database_url, "second@example.jp"),
    )
    async with migrated_pool(database_url) as pool:
        supervisors = await pool.fetch(
            "SELECT login, password_hash FROM desk.accounts WHERE role = 'supervisor'"
        )

    assert len(supervisors) == 1
    assert supervisors[0]["login"] in {"first@example.jp", "second@example.jp"}
    assert await accounts.verify_password(supervisors[0]["password_hash"], PASSWORD)


async def test_bootstrap_skipped_with_supervisor(pool: asyncpg.Pool) -> None:
    await make_account(pool, Role.SUPERVISOR, login="chief@example.jp")
    created = await accounts.bootstrap_supervisor(pool, login="new@example.jp", password=PASSWORD)

    assert created is None
    assert await pool.fetchval("SELECT count(*) FROM desk.accounts") == 1


async def test_start_without_way_in_fails(pool: asyncpg.Pool, database_url: str) -> None:
    settings = desk_settings(database_url, desk_api_token=None)
    with pytest.raises(SettingsError) as error:
        await prepare(pool, settings)

    assert "DESK_BOOTSTRAP_SUPERVISOR_LOGIN" in str(error.value)
    assert "DESK_BOOTSTRAP_SUPERVISOR_PASSWORD" in str(error.value)


async def test_bootstrap_login_taken_fails(pool: asyncpg.Pool, database_url: str) -> None:
    await make_account(pool, Role.COUNSELOR, login="chief@example.jp")
    settings = desk_settings(
        database_url,
        desk_api_token=None,
        desk_bootstrap_supervisor_login="chief@example.jp",
        desk_bootstrap_supervisor_password=PASSWORD,
    )
    with pytest.raises(SettingsError, match=r"DESK_BOOTSTRAP_SUPERVISOR_LOGIN='chief@example\.jp'"):
        await prepare(pool, settings)
