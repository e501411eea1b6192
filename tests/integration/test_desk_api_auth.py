"""Every /api route and console page of the desk rejects missing credentials and the wrong role.

The app runs in this process with its lifespan, on the real PostgreSQL and Kafka, and httpx
calls it through ASGITransport. The routes come from app.routes, so a new /api route without
an entry in EXPECTED_ROLES fails test_every_route_listed, and a new page without an entry in
PAGE_ROLES fails test_every_page_listed. Pages have their own rule: without a session they
redirect to /login, and a wrong role gets a 403 HTML page.
"""

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from fastapi.routing import APIRoute

from deploy.localstack import postgres as local_postgres
from services.desk.app import create_app
from services.desk.auth import RoleRequirement
from services.desk.domain import Role
from services.desk.settings import DeskSettings
from services.desk.web.session import PageRequirement
from tests.integration.test_desk_helpers import OPERATOR_TOKEN

SUPERVISOR_LOGIN = "chief@example.jp"
SUPERVISOR_PASSWORD = "bootstrap password for tests"
ACCOUNT_PASSWORD = "another long password"
ALL_ROLES = frozenset(Role)
COUNSELING = frozenset({Role.COUNSELOR, Role.SUPERVISOR})
SUPERVISION = frozenset({Role.SUPERVISOR})
REPORTING = frozenset({Role.SUPERVISOR, Role.CITY})
# Routes that need no credentials.
PUBLIC_ROUTES = frozenset({("POST", "/api/login")})

EXPECTED_ROLES: dict[tuple[str, str], frozenset[Role]] = {
    ("POST", "/api/logout"): ALL_ROLES,
    ("GET", "/api/me"): ALL_ROLES,
    ("POST", "/api/tokens"): ALL_ROLES,
    ("GET", "/api/tokens"): ALL_ROLES,
    ("DELETE", "/api/tokens/{token_id}"): ALL_ROLES,
    ("POST", "/api/accounts"): SUPERVISION,
    ("GET", "/api/accounts"): SUPERVISION,
    ("POST", "/api/accounts/{account_id}/deactivate"): SUPERVISION,
    ("GET", "/api/queue"): COUNSELING,
    ("GET", "/api/cases/{case_id}"): COUNSELING,
    ("POST", "/api/cases/{case_id}/claim"): COUNSELING,
    ("POST", "/api/cases/{case_id}/release"): COUNSELING,
    ("POST", "/api/cases/{case_id}/transfer"): COUNSELING,
    ("POST", "/api/cases/{case_id}/close"): COUNSELING,
    ("POST", "/api/cases/{case_id}/replies"): COUNSELING,
    ("POST", "/api/cases/{case_id}/clear-urgent"): COUNSELING,
    ("GET", "/api/audit"): SUPERVISION,
    ("GET", "/api/reports"): REPORTING,
    ("GET", "/api/reports.csv"): REPORTING,
    ("GET", "/api/exports/corrections.jsonl"): SUPERVISION,
}


# Console pages, which authenticate with the session cookie only.
PUBLIC_PAGES = frozenset({("GET", "/login"), ("POST", "/login")})
PAGE_ROLES: dict[tuple[str, str], frozenset[Role]] = {
    ("POST", "/logout"): ALL_ROLES,
    ("GET", "/"): COUNSELING,
    ("GET", "/queue/rows"): COUNSELING,
    ("GET", "/cases/{case_id}"): COUNSELING,
    ("GET", "/cases/{case_id}/messages"): COUNSELING,
    ("POST", "/cases/{case_id}/claim"): COUNSELING,
    ("POST", "/cases/{case_id}/release"): COUNSELING,
    ("POST", "/cases/{case_id}/replies"): COUNSELING,
    ("POST", "/cases/{case_id}/close"): COUNSELING,
    ("POST", "/cases/{case_id}/clear-urgent"): COUNSELING,
    ("GET", "/stats"): REPORTING,
}
# Routes of every service (shared.http) that are neither /api routes nor pages.
OPERATIONAL_PATHS = frozenset({"/healthz", "/metrics"})


def list_app_routes() -> list[tuple[str, str, APIRoute]]:
    """Return (method, path template, route) of every APIRoute of a freshly created app."""
    app = create_app(DeskSettings(database_url="postgresql://127.0.0.1/unused"))
    return [
        (method, route.path, route)
        for route in app.routes
        if isinstance(route, APIRoute)
        for method in sorted(route.methods)
    ]


APP_ROUTES = list_app_routes()
API_ROUTES = [route for route in APP_ROUTES if route[1].startswith("/api/")]
PAGE_ROUTES = [
    route
    for route in APP_ROUTES
    if not route[1].startswith("/api/") and route[1] not in OPERATIONAL_PATHS
]
PROTECTED_PAGES = [
    (method, path) for method, path, _ in PAGE_ROUTES if (method, path) not in PUBLIC_PAGES
]
WRONG_PAGE_ROLES = [
    (method, path, role)
    for method, path in PROTECTED_PAGES
    for role in sorted(ALL_ROLES - PAGE_ROLES.get((method, path), ALL_ROLES))
]
PROTECTED_ROUTES = [
    (method, path) for method, path, _ in API_ROUTES if (method, path) not in PUBLIC_ROUTES
]
WRONG_ROLES = [
    (method, path, role)
    for method, path in PROTECTED_ROUTES
    for role in sorted(ALL_ROLES - EXPECTED_ROLES.get((method, path), ALL_ROLES))
]


def concrete_path(path: str) -> str:
    """Fill each {parameter} of a route template with a random UUID."""
    for name in ("case_id", "account_id", "token_id"):
        path = path.replace("{" + name + "}", str(uuid.uuid4()))
    assert "{" not in path, f"add a value for the parameter in {path}"
    return path


@dataclass
class RunningDesk:
    client: httpx.AsyncClient
    headers: dict[Role, dict[str, str]]
    # A Cookie header with a console session of each role.
    sessions: dict[Role, dict[str, str]]

    async def call(self, method: str, path: str, headers: dict[str, str]) -> httpx.Response:
        return await self.client.request(method, concrete_path(path), headers=headers)


@pytest.fixture(scope="module")
async def desk(postgres_url: str, kafka_bootstrap: str) -> AsyncIterator[RunningDesk]:
    """A desk app with its lifespan, a bootstrapped supervisor and a token for each role."""
    database = f"test_{uuid.uuid4().hex[:12]}"
    await local_postgres.create_database(postgres_url, database)
    settings = DeskSettings(
        database_url=local_postgres.database_url(postgres_url, database),
        kafka_bootstrap_servers=kafka_bootstrap,
        desk_api_token=OPERATOR_TOKEN,
        desk_bootstrap_supervisor_login=SUPERVISOR_LOGIN,
        desk_bootstrap_supervisor_password=SUPERVISOR_PASSWORD,
        desk_session_cookie_secure=False,
    )
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://desk.test") as client,
    ):
        headers = {
            Role.SUPERVISOR: await token_headers(client, SUPERVISOR_LOGIN, SUPERVISOR_PASSWORD)
        }
        sessions = {
            Role.SUPERVISOR: await session_headers(client, SUPERVISOR_LOGIN, SUPERVISOR_PASSWORD)
        }
        for role in (Role.COUNSELOR, Role.CITY):
            login = f"{role.value}@example.jp"
            body = {
                "login": login,
                "display_name": role.value,
                "role": role,
                "password": ACCOUNT_PASSWORD,
            }
            created = await client.post(
                "/api/accounts", json=body, headers=headers[Role.SUPERVISOR]
            )
            assert created.status_code == 201, created.text
            headers[role] = await token_headers(client, login, ACCOUNT_PASSWORD)
            sessions[role] = await session_headers(client, login, ACCOUNT_PASSWORD)
        yield RunningDesk(client=client, headers=headers, sessions=sessions)


async def token_headers(client: httpx.AsyncClient, login: str, password: str) -> dict[str, str]:
    """Log in, create an API token with the session, and return its Authorization header."""
    session = await client.post("/api/login", json={"login": login, "password": password})
    assert session.status_code == 200, session.text
    cookie = {"Cookie": f"desk_session={session.cookies['desk_session']}"}
    # The client keeps cookies, and the requests of the tests must send only their own.
    client.cookies.clear()
    created = await client.post("/api/tokens", json={"name": "route table"}, headers=cookie)
    assert created.status_code == 201, created.text
    return {"Authorization": f"Bearer {created.json()['token']}"}


async def session_headers(client: httpx.AsyncClient, login: str, password: str) -> dict[str, str]:
    """Log in and return a Cookie header with the new session."""
    session = await client.post("/api/login", json={"login": login, "password": password})
    assert session.status_code == 200, session.text
    client.cookies.clear()
    return {"Cookie": f"desk_session={session.cookies['desk_session']}"}


def test_every_route_listed() -> None:
    """Each /api route of the app has an entry in EXPECTED_ROLES, or is public."""
    routes = {(method, path) for method, path, _ in API_ROUTES}

    assert routes - PUBLIC_ROUTES == set(EXPECTED_ROLES)
    assert PUBLIC_ROUTES <= routes


@pytest.mark.parametrize(("method", "path", "route"), API_ROUTES, ids=lambda v: str(v))
def test_route_declares_expected_roles(method: str, path: str, route: APIRoute) -> None:
    """The roles of each route's RoleRequirement dependency match EXPECTED_ROLES."""
    requirements = [
        dependency.call
        for dependency in route.dependant.dependencies
        if isinstance(dependency.call, RoleRequirement)
    ]
    if (method, path) in PUBLIC_ROUTES:
        assert requirements == []
        return
    assert len(requirements) == 1
    assert requirements[0].roles == EXPECTED_ROLES[(method, path)]


@pytest.mark.parametrize(("method", "path"), PROTECTED_ROUTES)
async def test_missing_credentials_401(desk: RunningDesk, method: str, path: str) -> None:
    response = await desk.call(method, path, headers={})

    assert response.status_code == 401
    assert "missing Authorization header or session cookie" in response.json()["error"]
    assert "POST /api/login" in response.json()["error"]
    assert response.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize(("method", "path"), PROTECTED_ROUTES)
@pytest.mark.parametrize(
    ("headers", "expected_words"),
    [
        ({"Authorization": "Bearer desk_not-a-real-token"}, "invalid bearer token"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, "it must have the form 'Bearer <token>'"),
        ({"Cookie": "desk_session=not-a-session"}, "log in again with POST /api/login"),
    ],
    ids=["unknown-token", "basic-auth", "unknown-session"],
)
async def test_invalid_credentials_401(
    desk: RunningDesk, method: str, path: str, headers: dict[str, str], expected_words: str
) -> None:
    response = await desk.call(method, path, headers=headers)

    assert response.status_code == 401
    assert expected_words in response.json()["error"]


@pytest.mark.parametrize(("method", "path", "role"), WRONG_ROLES)
async def test_wrong_role_403(desk: RunningDesk, method: str, path: str, role: Role) -> None:
    response = await desk.call(method, path, headers=desk.headers[role])
    error = response.json()["error"]

    assert response.status_code == 403
    assert f"role '{role}' may not call {method} {path}" in error
    for allowed in EXPECTED_ROLES[(method, path)]:
        assert allowed.value in error


def test_city_reaches_no_message_route() -> None:
    """The city's role reaches only routes that return no message text or LINE id."""
    city_routes = {route for route, roles in EXPECTED_ROLES.items() if Role.CITY in roles}
    assert {path for _, path in city_routes} == {
        "/api/logout",
        "/api/me",
        "/api/tokens",
        "/api/tokens/{token_id}",
        "/api/reports",
        "/api/reports.csv",
    }


async def test_login_needs_no_credentials(desk: RunningDesk) -> None:
    response = await desk.client.post("/api/login", json={"login": "x", "password": "y"})

    assert response.status_code == 401
    assert response.json()["error"].startswith("invalid login or password")


async def test_operator_token_acts_as_supervisor(desk: RunningDesk) -> None:
    """DESK_API_TOKEN still works after the lifespan ran, as the supervisor named operator."""
    headers = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
    me = await desk.client.get("/api/me", headers=headers)
    queue = await desk.client.get("/api/queue", headers=headers)

    assert me.json()["display_name"] == "operator"
    assert me.json()["role"] == "supervisor"
    assert queue.status_code == 200


async def test_bootstrap_created_one_supervisor(desk: RunningDesk) -> None:
    response = await desk.client.get("/api/accounts", headers=desk.headers[Role.SUPERVISOR])
    supervisors = [
        account["login"]
        for account in response.json()["accounts"]
        if account["role"] == "supervisor" and not account["operator"]
    ]
    assert supervisors == [SUPERVISOR_LOGIN]


def test_every_page_listed() -> None:
    """Each console page has an entry in PAGE_ROLES, or is public."""
    pages = {(method, path) for method, path, _ in PAGE_ROUTES}

    assert pages - PUBLIC_PAGES == set(PAGE_ROLES)
    assert PUBLIC_PAGES <= pages


@pytest.mark.parametrize(("method", "path", "route"), PAGE_ROUTES, ids=lambda v: str(v))
def test_page_declares_expected_roles(method: str, path: str, route: APIRoute) -> None:
    """The roles of each page's PageRequirement dependency match PAGE_ROLES."""
    dependencies = [dependency.call for dependency in route.dependant.dependencies]
    requirements = [call for call in dependencies if isinstance(call, PageRequirement)]
    assert not any(isinstance(call, RoleRequirement) for call in dependencies)
    if (method, path) in PUBLIC_PAGES:
        assert requirements == []
        return
    assert len(requirements) == 1
    assert requirements[0].roles == PAGE_ROLES[(method, path)]


@pytest.mark.parametrize(("method", "path"), PROTECTED_PAGES)
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Cookie": "desk_session=not-a-session"},
        {"Authorization": "Bearer desk_not-a-real-token"},
    ],
    ids=["no-session", "unknown-session", "bearer-token"],
)
async def test_page_without_session_redirects_to_login(
    desk: RunningDesk, method: str, path: str, headers: dict[str, str]
) -> None:
    response = await desk.call(method, path, headers=headers)

    assert response.status_code == 303
    assert response.headers["location"].startswith("/login")


@pytest.mark.parametrize(("method", "path"), PROTECTED_PAGES)
async def test_page_ignores_valid_bearer_token(desk: RunningDesk, method: str, path: str) -> None:
    """Pages accept only the session cookie, so a program's token cannot post a form."""
    response = await desk.call(method, path, headers=desk.headers[Role.SUPERVISOR])

    assert response.status_code == 303
    assert response.headers["location"].startswith("/login")


@pytest.mark.parametrize(("method", "path", "role"), WRONG_PAGE_ROLES)
async def test_page_wrong_role_403(desk: RunningDesk, method: str, path: str, role: Role) -> None:
    response = await desk.call(method, path, headers=desk.sessions[role])

    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "閲覧権限がありません" in response.text


def test_city_reaches_no_message_page() -> None:
    """The city's role reaches only the statistics page and the logout form."""
    city_pages = {page for page, roles in PAGE_ROLES.items() if Role.CITY in roles}
    assert city_pages == {("GET", "/stats"), ("POST", "/logout")}
