"""The console's login when the client withholds the Secure login cookie over plain http.

httpx, like a browser on a host other than localhost, keeps a Secure cookie for HTTPS, so
the login form's CSRF cookie never comes back over http. The page then names that cause
instead of an expired form.
"""

import re
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
import structlog
from structlog.testing import capture_logs

from services.desk.domain import Role
from services.desk.web.login_pages import EXPIRED_FORM_MESSAGE, INSECURE_HTTP_MESSAGE
from services.desk.web.session import LOGIN_CSRF_COOKIE, LOGIN_PROBE_COOKIE
from tests.integration.test_desk_helpers import PASSWORD, api_client, make_account

CSRF_PATTERN = re.compile(r'name="csrf_token" value="([^"]*)"')


@pytest.fixture
async def secure_client(pool: asyncpg.Pool, database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client of a desk whose cookies are Secure, as in production, over plain http."""
    async with api_client(pool, database_url, desk_session_cookie_secure=True) as client:
        yield client


@pytest.fixture
async def login(pool: asyncpg.Pool) -> str:
    counselor = await make_account(pool, Role.COUNSELOR, name="相談員A")
    return await pool.fetchval(
        "SELECT login FROM desk.accounts WHERE account_id = $1", counselor.account_id
    )


async def post_login(client: httpx.AsyncClient, login: str) -> httpx.Response:
    """Load the login form and post it with its CSRF token, as a browser would."""
    form = await client.get("/login")
    token = CSRF_PATTERN.search(form.text).group(1)
    return await client.post(
        "/login", data={"login": login, "password": PASSWORD, "csrf_token": token}
    )


def set_cookie_headers(response: httpx.Response) -> dict[str, str]:
    """Return each Set-Cookie header of `response` by cookie name, in lower case."""
    headers = {}
    for header in response.headers.get_list("set-cookie"):
        name = header.split("=", 1)[0]
        headers[name] = header.lower()
    return headers


async def test_form_sets_probe_without_secure(secure_client: httpx.AsyncClient) -> None:
    response = await secure_client.get("/login")
    cookies = set_cookie_headers(response)

    assert "; secure" in cookies[LOGIN_CSRF_COOKIE]
    assert "; secure" not in cookies[LOGIN_PROBE_COOKIE]
    assert "httponly" in cookies[LOGIN_PROBE_COOKIE]
    assert "path=/login" in cookies[LOGIN_PROBE_COOKIE]


async def test_http_login_names_secure_cookie(secure_client: httpx.AsyncClient, login: str) -> None:
    with capture_logs(processors=[structlog.contextvars.merge_contextvars]) as logs:
        response = await post_login(secure_client, login)

    assert response.status_code == 403
    assert INSECURE_HTTP_MESSAGE in response.text
    assert "DESK_SESSION_COOKIE_SECURE=false" in response.text
    assert EXPIRED_FORM_MESSAGE not in response.text
    assert "desk_session=" not in response.headers.get("set-cookie", "")
    events = [entry["event"] for entry in logs]
    assert "console_login_secure_cookie_withheld" in events
    assert "console_login_csrf_rejected" not in events
    [entry] = [e for e in logs if e["event"] == "console_login_secure_cookie_withheld"]
    # Only the request id that the middleware binds, and no value from the request.
    assert set(entry) == {"event", "log_level", "request_id"}


async def test_https_login_succeeds(pool: asyncpg.Pool, database_url: str, login: str) -> None:
    async with api_client(pool, database_url, desk_session_cookie_secure=True) as client:
        client.base_url = httpx.URL("https://desk.test")
        response = await post_login(client, login)
    cookies = set_cookie_headers(response)

    assert response.status_code == 303, response.text
    assert "; secure" in cookies["desk_session"]
    # Both login cookies are deleted: an expired cookie with an empty value.
    assert 'desk_login_csrf=""' in cookies[LOGIN_CSRF_COOKIE]
    assert 'desk_login_probe=""' in cookies[LOGIN_PROBE_COOKIE]


async def test_expired_form_keeps_expiry_message(
    secure_client: httpx.AsyncClient, login: str
) -> None:
    form = await secure_client.get("/login")
    token = CSRF_PATTERN.search(form.text).group(1)
    # Both cookies expire after LOGIN_CSRF_SECONDS, so an old form comes back without either.
    secure_client.cookies.clear()
    response = await secure_client.post(
        "/login", data={"login": login, "password": PASSWORD, "csrf_token": token}
    )

    assert response.status_code == 403
    assert EXPIRED_FORM_MESSAGE in response.text
    assert INSECURE_HTTP_MESSAGE not in response.text


async def test_mismatched_token_keeps_expiry_message(
    pool: asyncpg.Pool, database_url: str, login: str
) -> None:
    async with api_client(pool, database_url, desk_session_cookie_secure=True) as client:
        client.base_url = httpx.URL("https://desk.test")
        await client.get("/login")
        response = await client.post(
            "/login", data={"login": login, "password": PASSWORD, "csrf_token": "other"}
        )

    assert response.status_code == 403
    assert EXPIRED_FORM_MESSAGE in response.text
    assert INSECURE_HTTP_MESSAGE not in response.text


async def test_non_secure_desk_sets_no_probe(client: httpx.AsyncClient, login: str) -> None:
    # The `client` fixture's desk runs with DESK_SESSION_COOKIE_SECURE=false.
    form = await client.get("/login")
    logged_in = await post_login(client, login)

    assert LOGIN_PROBE_COOKIE not in set_cookie_headers(form)
    assert "; secure" not in set_cookie_headers(form)[LOGIN_CSRF_COOKIE]
    assert logged_in.status_code == 303, logged_in.text
