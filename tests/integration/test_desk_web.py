"""The web console in this process: login, role rules per page, CSRF checks and escaping.

The desk app runs with its lifespan on the real PostgreSQL and Kafka, and httpx calls it
through ASGITransport. Each test logs in with its own client, so cookies never mix.
"""

import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from deploy.localstack import postgres as local_postgres
from services.desk import cases, domain, store
from services.desk.app import create_app
from services.desk.domain import Role
from services.desk.settings import DeskSettings
from shared.schemas import UNREAD_SCRIPT_REASON_PREFIX, Topic
from tests.integration.test_desk_helpers import (
    OPERATOR_TOKEN,
    PASSWORD,
    make_account,
    triaged,
)

SUPERVISOR_LOGIN = "web-chief@example.jp"
SUPERVISOR_PASSWORD = "bootstrap password for web tests"
SCRIPT_TEXT = '<script>alert("x")</script> & "quotes"'
ESCAPED_SCRIPT_TEXT = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;quotes&#34;"
URGENT_PREFIX = "[希死念慮・自傷]"
URGENT_REASON = f"{URGENT_PREFIX} 「消えてしまいたい」: 消えたいという願望（受動的希死念慮）"
WORK_REASON = "[仕事・就労関係] 「仕事」: 仕事・職場の語"
NOTE_REASON = "[緊急ではない] 「死ぬほど」: 強調や誇張の言い回し"
UNREAD_REASON = f"{UNREAD_SCRIPT_REASON_PREFIX} 日本語と英語のほかの言語が多い"
CSRF_PATTERN = re.compile(r'name="csrf_token" value="([^"]*)"')


@dataclass
class Console:
    app: FastAPI
    logins: dict[Role, str]

    def client(self) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=self.app)
        return httpx.AsyncClient(transport=transport, base_url="http://desk.test")

    @asynccontextmanager
    async def logged_in(self, role: Role) -> AsyncIterator[httpx.AsyncClient]:
        """Yield a new client with a session of the account of `role`."""
        password = SUPERVISOR_PASSWORD if role is Role.SUPERVISOR else PASSWORD
        async with self.client() as client:
            response = await log_in(client, self.logins[role], password)
            assert response.status_code == 303, response.text
            yield client

    async def open_case(self, text: str = "こんにちは", **changes: Any) -> str:
        changes.setdefault("sent_at", datetime.now(UTC))
        event = triaged(f"web-{uuid.uuid4().hex[:10]}", text=text, **changes)
        result = await store.record_triaged_message(self.app.state.pool, event=event)
        return str(result.case_id)


@pytest.fixture(scope="module")
async def console(postgres_url: str, kafka_bootstrap: str) -> AsyncIterator[Console]:
    """A desk app with its lifespan, a bootstrapped supervisor, a counselor and a city account."""
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
    async with app.router.lifespan_context(app):
        logins = {Role.SUPERVISOR: SUPERVISOR_LOGIN}
        for role, name in ((Role.COUNSELOR, "相談員A"), (Role.CITY, "市役所")):
            principal = await make_account(app.state.pool, role, name=name)
            row = await app.state.pool.fetchrow(
                "SELECT login FROM desk.accounts WHERE account_id = $1", principal.account_id
            )
            logins[role] = row["login"]
        yield Console(app=app, logins=logins)


async def log_in(
    client: httpx.AsyncClient, login: str, password: str, *, next_path: str = ""
) -> httpx.Response:
    """Load the login form and post it with its CSRF token."""
    form = await client.get("/login")
    data = {"login": login, "password": password, "csrf_token": csrf_of(form.text)}
    return await client.post("/login", data={**data, "next": next_path})


def csrf_of(html: str) -> str:
    match = CSRF_PATTERN.search(html)
    assert match is not None, "the page has no csrf_token field"
    return match.group(1)


async def post_form(
    client: httpx.AsyncClient, path: str, data: dict[str, Any], *, page: str
) -> httpx.Response:
    """Post a form with the CSRF token taken from `page`, as a browser would."""
    token = csrf_of((await client.get(page)).text)
    return await client.post(path, data={**data, "csrf_token": token})


async def urgent_message_id(console: Console, case_id: str) -> uuid.UUID:
    message_id = await console.app.state.pool.fetchval(
        "SELECT urgent_message_id FROM desk.cases WHERE case_id = $1", uuid.UUID(case_id)
    )
    assert message_id is not None, f"case {case_id} has no urgent_message_id"
    return message_id


def section_of(html: str, start: str, end: str) -> str:
    """Return the part of `html` from `start` to the first `end` after it."""
    begin = html.find(start)
    assert begin >= 0, f"{start!r} not found in the page"
    finish = html.find(end, begin)
    assert finish >= 0, f"{end!r} not found after {start!r}"
    return html[begin:finish]


async def case_state(console: Console, case_id: str) -> str:
    return await console.app.state.pool.fetchval(
        "SELECT state FROM desk.cases WHERE case_id = $1", uuid.UUID(case_id)
    )


async def test_login_sets_strict_session_cookie(console: Console) -> None:
    async with console.client() as client:
        response = await log_in(client, console.logins[Role.COUNSELOR], PASSWORD)
    set_cookie = response.headers["set-cookie"].lower()

    assert response.status_code == 303
    assert response.headers["location"] == "/"
    assert "desk_session=" in set_cookie
    assert "httponly" in set_cookie
    assert "samesite=strict" in set_cookie


async def test_login_sends_city_to_stats(console: Console) -> None:
    async with console.client() as client:
        response = await log_in(client, console.logins[Role.CITY], PASSWORD)

    assert response.status_code == 303
    assert response.headers["location"] == "/stats"


async def test_wrong_password_shows_japanese_error(console: Console) -> None:
    async with console.client() as client:
        response = await log_in(client, console.logins[Role.COUNSELOR], "not the password")
        queue = await client.get("/")

    assert response.status_code == 401
    assert "ログインIDまたはパスワードが違います" in response.text
    assert "desk_session" not in response.headers.get("set-cookie", "")
    assert queue.status_code == 303


async def test_login_without_csrf_token_rejected(console: Console) -> None:
    async with console.client() as client:
        response = await client.post(
            "/login", data={"login": console.logins[Role.COUNSELOR], "password": PASSWORD}
        )

    assert response.status_code == 403
    assert "ページの有効期限が切れました" in response.text
    assert "desk_session" not in response.headers.get("set-cookie", "")


async def test_login_follows_local_next_only(console: Console) -> None:
    login = console.logins[Role.COUNSELOR]
    async with console.client() as first, console.client() as second:
        local = await log_in(first, login, PASSWORD, next_path="/cases/abc")
        external = await log_in(second, login, PASSWORD, next_path="//evil.example/")

    assert local.headers["location"] == "/cases/abc"
    assert external.headers["location"] == "/"


@pytest.mark.parametrize(
    ("path", "expected_location"),
    [
        ("/", "/login"),
        ("/stats", "/login?next=/stats"),
        ("/queue/rows", "/login?next=/queue/rows"),
    ],
)
async def test_page_without_session_redirects(
    console: Console, path: str, expected_location: str
) -> None:
    async with console.client() as client:
        response = await client.get(path)

    assert response.status_code == 303
    assert response.headers["location"] == expected_location


@pytest.mark.parametrize(
    ("role", "path", "expected_status"),
    [
        (Role.COUNSELOR, "/", 200),
        (Role.COUNSELOR, "/stats", 403),
        (Role.SUPERVISOR, "/", 200),
        (Role.SUPERVISOR, "/stats", 200),
        (Role.CITY, "/", 403),
        (Role.CITY, "/queue/rows", 403),
        (Role.CITY, "/stats", 200),
    ],
)
async def test_page_role_rules(
    console: Console, role: Role, path: str, expected_status: int
) -> None:
    async with console.logged_in(role) as client:
        response = await client.get(path)

    assert response.status_code == expected_status
    if expected_status == 403:
        assert "閲覧権限がありません" in response.text


async def test_city_sees_no_case_or_message(console: Console) -> None:
    text = f"市には見せない本文 {uuid.uuid4().hex}"
    case_id = await console.open_case(text)
    async with console.logged_in(Role.CITY) as client:
        stats = await client.get("/stats")
        case = await client.get(f"/cases/{case_id}")
        messages = await client.get(f"/cases/{case_id}/messages")

    assert stats.status_code == 200
    assert text not in stats.text
    assert case.status_code == 403
    assert text not in case.text
    assert messages.status_code == 403


@pytest.mark.parametrize(
    "token",
    [None, "", "0" * 64],
    ids=["missing", "empty", "wrong"],
)
async def test_claim_without_valid_csrf_rejected(console: Console, token: str | None) -> None:
    case_id = await console.open_case()
    data = {} if token is None else {"csrf_token": token}
    async with console.logged_in(Role.COUNSELOR) as client:
        response = await client.post(f"/cases/{case_id}/claim", data=data)

    assert response.status_code == 403
    assert "確認用トークンが正しくない" in response.text
    assert await case_state(console, case_id) == "open"


async def test_csrf_token_of_other_session_rejected(console: Console) -> None:
    case_id = await console.open_case()
    async with (
        console.logged_in(Role.COUNSELOR) as first,
        console.logged_in(Role.COUNSELOR) as second,
    ):
        other_token = csrf_of((await second.get("/")).text)
        response = await first.post(f"/cases/{case_id}/claim", data={"csrf_token": other_token})

    assert response.status_code == 403
    assert await case_state(console, case_id) == "open"


async def test_logout_ends_session(console: Console) -> None:
    async with console.logged_in(Role.COUNSELOR) as client:
        old_cookie = client.cookies["desk_session"]
        logout = await post_form(client, "/logout", {}, page="/")
        after = await client.get("/")
        client.cookies.set("desk_session", old_cookie)
        reused = await client.get("/")

    assert logout.status_code == 303
    assert logout.headers["location"] == "/login"
    assert after.status_code == 303
    assert reused.status_code == 303


async def test_script_in_message_escaped(console: Console) -> None:
    case_id = await console.open_case(SCRIPT_TEXT)
    async with console.logged_in(Role.COUNSELOR) as client:
        pages = [
            await client.get("/"),
            await client.get("/queue/rows"),
            await client.get(f"/cases/{case_id}"),
            await client.get(f"/cases/{case_id}/messages"),
        ]

    for page in pages:
        assert page.status_code == 200
        assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;quotes&#34;" in pages[2].text


async def test_script_in_reasons_escaped(console: Console) -> None:
    case_id = await console.open_case(
        "つらい",
        urgent=True,
        topics=(Topic.SUICIDE_SELF_HARM, Topic.WORK),
        reasons=(f"{URGENT_PREFIX} {SCRIPT_TEXT}", f"[仕事・就労関係] {SCRIPT_TEXT}"),
    )
    async with console.logged_in(Role.COUNSELOR) as client:
        pages = {
            "queue": await client.get("/"),
            "rows": await client.get("/queue/rows"),
            "case": await client.get(f"/cases/{case_id}"),
            "messages": await client.get(f"/cases/{case_id}/messages"),
        }

    for name, page in pages.items():
        assert page.status_code == 200, name
        assert "<script>alert" not in page.text, name
        assert ESCAPED_SCRIPT_TEXT in page.text, name
    # The case page shows the urgent reason in the summary and under the message, and the
    # work reason in the fold.
    assert pages["case"].text.count(ESCAPED_SCRIPT_TEXT) == 3


async def test_case_page_shows_reasons(console: Console) -> None:
    case_id = await console.open_case(
        "仕事がうまくいかない。もう消えてしまいたい",
        urgent=True,
        topics=(Topic.SUICIDE_SELF_HARM, Topic.WORK),
        reasons=(URGENT_REASON, WORK_REASON),
    )
    message_id = await urgent_message_id(console, case_id)
    async with console.logged_in(Role.COUNSELOR) as client:
        page = (await client.get(f"/cases/{case_id}")).text

    summary = section_of(page, '<dd id="urgent-reason">', "</dd>")
    # The case has one message, so its item runs to the end of the list.
    message = section_of(page, f'id="message-{message_id}"', "</ol>")
    urgent_list = section_of(message, 'class="reasons urgent-reasons"', "</ul>")
    folded = section_of(
        message, f'<details class="other-reasons" id="reasons-{message_id}">', "</details>"
    )
    assert URGENT_REASON in summary
    assert f'href="#message-{message_id}"' in summary
    assert "この相談を緊急にしたメッセージ" in message
    assert URGENT_REASON in urgent_list
    assert WORK_REASON not in urgent_list
    assert WORK_REASON in folded
    assert "ほかの判定の理由（1件）" in folded
    assert URGENT_REASON not in folded


async def test_calm_message_reasons_folded(console: Console) -> None:
    case_id = await console.open_case(
        "仕事が死ぬほど忙しい", topics=(Topic.WORK,), reasons=(WORK_REASON, NOTE_REASON)
    )
    async with console.logged_in(Role.COUNSELOR) as client:
        page = (await client.get(f"/cases/{case_id}")).text

    folded = section_of(page, '<details class="other-reasons"', "</details>")
    assert "判定の理由（2件）" in folded
    assert WORK_REASON in folded
    assert NOTE_REASON in folded
    assert "urgent-reasons" not in page
    assert 'id="urgent-reason"' not in page


async def test_case_page_links_earlier_case(console: Console) -> None:
    pool = console.app.state.pool
    conversation_id = f"web-{uuid.uuid4().hex[:10]}"
    sent_at = datetime.now(UTC) - domain.REOPEN_WINDOW - timedelta(hours=2)
    first = await store.record_triaged_message(
        pool,
        event=triaged(
            conversation_id,
            text="もう消えてしまいたい",
            sent_at=sent_at,
            urgent=True,
            topics=(Topic.SUICIDE_SELF_HARM,),
            reasons=(URGENT_REASON,),
        ),
    )
    supervisor = await make_account(pool, Role.SUPERVISOR)
    await cases.close_case(
        pool,
        case_id=first.case_id,
        principal=supervisor,
        topics=[],
        age_band="unknown",
        request_id=None,
        closed_at=sent_at + timedelta(minutes=30),
    )
    # The next message comes after the reopening window, so it opens a new case that takes
    # the conversation's urgent flag and the message that set it.
    second = await store.record_triaged_message(
        pool, event=triaged(conversation_id, text="また来ました", sent_at=datetime.now(UTC))
    )
    message_id = await urgent_message_id(console, str(second.case_id))
    async with console.logged_in(Role.COUNSELOR) as client:
        page = (await client.get(f"/cases/{second.case_id}")).text
        rows = (await client.get("/queue/rows")).text

    summary = section_of(page, '<dd id="urgent-reason">', "</dd>")
    row = section_of(rows, f'data-case-id="{second.case_id}"', "</tr>")
    assert second.case_id != first.case_id
    assert URGENT_REASON in summary
    assert f'href="/cases/{first.case_id}#message-{message_id}"' in summary
    assert "以前の相談の" in summary
    assert URGENT_REASON in row


async def test_queue_row_shows_urgent_reason(console: Console) -> None:
    urgent = await console.open_case(
        "もう消えてしまいたい",
        urgent=True,
        topics=(Topic.SUICIDE_SELF_HARM,),
        reasons=(URGENT_REASON,),
    )
    normal = await console.open_case("ふつうの相談", topics=(Topic.WORK,), reasons=(WORK_REASON,))
    async with console.logged_in(Role.COUNSELOR) as client:
        rows = (await client.get("/queue/rows")).text

    urgent_row = section_of(rows, f'data-case-id="{urgent}"', "</tr>")
    normal_row = section_of(rows, f'data-case-id="{normal}"', "</tr>")
    reason = section_of(urgent_row, '<p class="urgent-reason">', "</p>")
    assert "緊急の理由" in reason
    assert URGENT_REASON in reason
    assert "urgent-reason" not in normal_row
    assert WORK_REASON not in normal_row


async def test_queue_row_without_known_reason(console: Console) -> None:
    # An urgent message from a triage version that sent no reasons.
    case_id = await console.open_case("つらい", urgent=True, topics=(Topic.SUICIDE_SELF_HARM,))
    async with console.logged_in(Role.COUNSELOR) as client:
        rows = (await client.get("/queue/rows")).text
        page = (await client.get(f"/cases/{case_id}")).text

    row = section_of(rows, f'data-case-id="{case_id}"', "</tr>")
    assert "記録されていません" in section_of(row, '<p class="urgent-reason">', "</p>")
    assert "判定の理由は記録されていません。" in section_of(
        page, '<dd id="urgent-reason">', "</dd>"
    )


async def test_pages_send_security_headers(console: Console) -> None:
    async with console.logged_in(Role.COUNSELOR) as client:
        response = await client.get("/")

    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"


async def test_queue_lists_urgent_first(console: Console) -> None:
    normal = await console.open_case("ふつうの相談")
    urgent = await console.open_case("急ぎの相談", urgent=True, topics=(Topic.SUICIDE_SELF_HARM,))
    async with console.logged_in(Role.COUNSELOR) as client:
        rows = (await client.get("/queue/rows")).text

    assert rows.index(urgent) < rows.index(normal)
    assert "緊急" in rows
    assert Topic.SUICIDE_SELF_HARM.value in rows


async def test_claim_by_other_shows_japanese_error(console: Console) -> None:
    case_id = await console.open_case()
    page = f"/cases/{case_id}"
    async with (
        console.logged_in(Role.SUPERVISOR) as supervisor,
        console.logged_in(Role.COUNSELOR) as counselor,
    ):
        claimed = await post_form(supervisor, f"{page}/claim", {}, page=page)
        rejected = await post_form(counselor, f"{page}/claim", {}, page=page)

    assert claimed.status_code == 303
    assert claimed.headers["location"] == f"{page}?done=claimed"
    assert rejected.status_code == 409
    assert "すでに" in rejected.text
    assert "さんが担当しています" in rejected.text


async def test_reply_too_long_keeps_text(console: Console) -> None:
    case_id = await console.open_case()
    page = f"/cases/{case_id}"
    text = "あ" * 5001
    async with console.logged_in(Role.COUNSELOR) as client:
        await post_form(client, f"{page}/claim", {}, page=page)
        response = await post_form(client, f"{page}/replies", {"text": text}, page=page)

    assert response.status_code == 422
    assert "返信が長すぎます（5,001文字、上限は5,000文字）" in response.text
    assert text in response.text
    assert await case_state(console, case_id) == "claimed"


async def test_reply_before_claim_explains(console: Console) -> None:
    case_id = await console.open_case()
    page = f"/cases/{case_id}"
    async with console.logged_in(Role.COUNSELOR) as client:
        response = await post_form(client, f"{page}/replies", {"text": "はい"}, page=page)

    assert response.status_code == 409
    assert "先に「担当する」を押してください" in response.text


async def test_reply_shows_queued_status(console: Console) -> None:
    case_id = await console.open_case()
    page = f"/cases/{case_id}"
    async with console.logged_in(Role.COUNSELOR) as client:
        await post_form(client, f"{page}/claim", {}, page=page)
        sent = await post_form(
            client, f"{page}/replies", {"text": "お話を聞かせてください"}, page=page
        )
        messages = await client.get(f"{page}/messages")

    assert sent.status_code == 303
    assert "お話を聞かせてください" in messages.text
    assert re.search("送信(待ち|済み)", messages.text)
    assert await case_state(console, case_id) == "waiting"


async def test_close_form_prechecks_triage_topics(console: Console) -> None:
    case_id = await console.open_case("仕事のこと", topics=(Topic.WORK,))
    async with console.logged_in(Role.COUNSELOR) as client:
        page = (await client.get(f"/cases/{case_id}")).text

    checked = re.findall(r'name="topics" value="([^"]+)" checked', page)
    assert checked == [Topic.WORK.value]
    assert page.count('name="topics"') == len(Topic)
    for label in ("10代", "70代以上", "不明"):
        assert label in page


async def test_close_counts_in_stats(console: Console) -> None:
    case_id = await console.open_case("家族のこと", topics=(Topic.FAMILY,))
    page = f"/cases/{case_id}"
    async with (
        console.logged_in(Role.COUNSELOR) as counselor,
        console.logged_in(Role.SUPERVISOR) as supervisor,
    ):
        before = confirmed_count((await supervisor.get("/stats")).text, Topic.DIVORCE.value)
        await post_form(counselor, f"{page}/claim", {}, page=page)
        form = {"topics": [Topic.FAMILY.value, Topic.DIVORCE.value], "age_band": "40s"}
        closed = await post_form(counselor, f"{page}/close", form, page=page)
        after_page = await supervisor.get("/stats")
        closed_page = await counselor.get(closed.headers["location"])

    assert closed.status_code == 303
    assert await case_state(console, case_id) == "closed"
    assert "相談を終了しました" in closed_page.text
    assert confirmed_count(after_page.text, Topic.DIVORCE.value) == before + 1
    assert "/api/reports.csv?from=" in after_page.text


async def test_close_without_age_band_explains(console: Console) -> None:
    case_id = await console.open_case()
    page = f"/cases/{case_id}"
    async with console.logged_in(Role.COUNSELOR) as client:
        await post_form(client, f"{page}/claim", {}, page=page)
        response = await post_form(client, f"{page}/close", {"topics": []}, page=page)

    assert response.status_code == 422
    assert "年代を選んでください" in response.text
    assert await case_state(console, case_id) == "claimed"


async def priority_of(console: Console, case_id: str) -> tuple[str, str]:
    """Return the priority of the case and that of its conversation."""
    row = await console.app.state.pool.fetchrow(
        "SELECT c.priority AS case_priority, v.priority AS conversation_priority"
        " FROM desk.cases c JOIN desk.conversations v USING (conversation_id)"
        " WHERE c.case_id = $1",
        uuid.UUID(case_id),
    )
    return row["case_priority"], row["conversation_priority"]


async def test_clear_urgent_form_shown_to_claimant(console: Console) -> None:
    urgent = await console.open_case("つらい", urgent=True)
    normal = await console.open_case("ふつうの相談")
    async with (
        console.logged_in(Role.COUNSELOR) as counselor,
        console.logged_in(Role.SUPERVISOR) as supervisor,
    ):
        before_claim = await counselor.get(f"/cases/{urgent}")
        by_supervisor = await supervisor.get(f"/cases/{urgent}")
        await post_form(counselor, f"/cases/{urgent}/claim", {}, page=f"/cases/{urgent}")
        after_claim = await counselor.get(f"/cases/{urgent}")
        await post_form(counselor, f"/cases/{normal}/claim", {}, page=f"/cases/{normal}")
        not_urgent = await counselor.get(f"/cases/{normal}")

    assert 'id="clear-urgent-button"' not in before_claim.text
    assert 'id="clear-urgent-button"' in by_supervisor.text
    assert 'id="clear-urgent-button"' in after_claim.text
    assert 'maxlength="500"' in after_claim.text
    assert 'id="clear-urgent-button"' not in not_urgent.text


async def test_clear_urgent_via_console(console: Console) -> None:
    case_id = await console.open_case("つらい", urgent=True)
    page = f"/cases/{case_id}"
    reason = "本人と話し、危険がないことを確かめた"
    async with console.logged_in(Role.COUNSELOR) as client:
        await post_form(client, f"{page}/claim", {}, page=page)
        cleared = await post_form(
            client, f"{page}/clear-urgent", {"reason": f"{reason}\r\n二行目"}, page=page
        )
        cleared_page = await client.get(cleared.headers["location"])

    assert cleared.status_code == 303
    assert cleared.headers["location"] == f"{page}?done=urgent_cleared"
    assert "緊急を解除しました" in cleared_page.text
    assert 'id="clear-urgent-button"' not in cleared_page.text
    assert await priority_of(console, case_id) == ("normal", "normal")
    detail = await console.app.state.pool.fetchval(
        "SELECT detail->>'reason' FROM desk.audit_log"
        " WHERE case_id = $1 AND action = 'case.clear_urgent'",
        uuid.UUID(case_id),
    )
    assert detail == f"{reason}\n二行目"


async def test_clear_urgent_blank_reason_explains(console: Console) -> None:
    case_id = await console.open_case("つらい", urgent=True)
    page = f"/cases/{case_id}"
    async with console.logged_in(Role.COUNSELOR) as client:
        await post_form(client, f"{page}/claim", {}, page=page)
        response = await post_form(client, f"{page}/clear-urgent", {"reason": "  "}, page=page)

    assert response.status_code == 422
    assert "解除の理由を入力してください" in response.text
    assert await priority_of(console, case_id) == ("urgent", "urgent")


async def test_clear_urgent_long_reason_kept(console: Console) -> None:
    case_id = await console.open_case("つらい", urgent=True)
    page = f"/cases/{case_id}"
    reason = "い" * 501
    async with console.logged_in(Role.COUNSELOR) as client:
        await post_form(client, f"{page}/claim", {}, page=page)
        response = await post_form(client, f"{page}/clear-urgent", {"reason": reason}, page=page)

    assert response.status_code == 422
    assert "解除の理由が長すぎます（501文字、上限は500文字）" in response.text
    assert reason in response.text
    assert await priority_of(console, case_id) == ("urgent", "urgent")


async def test_clear_urgent_before_claim_explains(console: Console) -> None:
    case_id = await console.open_case("つらい", urgent=True)
    page = f"/cases/{case_id}"
    async with console.logged_in(Role.COUNSELOR) as client:
        response = await post_form(client, f"{page}/clear-urgent", {"reason": "確認"}, page=page)

    assert response.status_code == 403
    assert "先に「担当する」を押してください" in response.text
    assert await priority_of(console, case_id) == ("urgent", "urgent")


async def test_clear_urgent_not_urgent_explains(console: Console) -> None:
    case_id = await console.open_case("ふつうの相談")
    page = f"/cases/{case_id}"
    async with console.logged_in(Role.SUPERVISOR) as client:
        response = await post_form(client, f"{page}/clear-urgent", {"reason": "確認"}, page=page)

    assert response.status_code == 409
    assert "この相談は緊急ではないため" in response.text


async def test_clear_urgent_without_csrf_rejected(console: Console) -> None:
    case_id = await console.open_case("つらい", urgent=True)
    async with console.logged_in(Role.SUPERVISOR) as client:
        response = await client.post(f"/cases/{case_id}/clear-urgent", data={"reason": "確認"})

    assert response.status_code == 403
    assert "確認用トークンが正しくない" in response.text
    assert await priority_of(console, case_id) == ("urgent", "urgent")


@pytest.mark.parametrize(
    ("query", "expected_words"),
    [
        ("from=2025-02-30&to=2025-03-01", "開始日「2025-02-30」は日付ではありません"),
        ("from=2025-03-02&to=2025-03-01", "開始日（2025-03-02）が終了日（2025-03-01）より後です"),
    ],
)
async def test_stats_invalid_dates_explained(
    console: Console, query: str, expected_words: str
) -> None:
    async with console.logged_in(Role.CITY) as client:
        response = await client.get(f"/stats?{query}")

    assert response.status_code == 422
    assert expected_words in response.text


async def test_stats_draws_svg_charts(console: Console) -> None:
    async with console.logged_in(Role.CITY) as client:
        response = await client.get("/stats")

    assert response.status_code == 200
    assert response.text.count("<svg") == 3
    assert 'data-field="consultations"' in response.text


async def test_unknown_case_shows_404(console: Console) -> None:
    async with console.logged_in(Role.COUNSELOR) as client:
        missing = await client.get(f"/cases/{uuid.uuid4()}")
        malformed = await client.get("/cases/not-a-uuid")

    assert missing.status_code == 404
    assert malformed.status_code == 404
    assert "この相談は見つかりません" in missing.text


def confirmed_count(html: str, label: str) -> int:
    match = re.search(
        rf'<tr data-category="{re.escape(label)}">.*?<td class="confirmed">(\d+)</td>', html
    )
    assert match is not None, f"no row for {label} in the category table"
    return int(match.group(1))


async def test_unread_script_marked_in_queue_and_case(console: Console) -> None:
    # Triage reads neither Korean nor Russian, so a counselor must read the message itself.
    korean = await console.open_case("죽고 싶어요", reasons=(UNREAD_REASON,))
    normal = await console.open_case("ふつうの相談", topics=(Topic.WORK,), reasons=(WORK_REASON,))
    async with console.logged_in(Role.COUNSELOR) as client:
        rows = (await client.get("/queue/rows")).text
        page = (await client.get(f"/cases/{korean}")).text

    assert "要確認: 自動判定できない言語" in section_of(rows, f'data-case-id="{korean}"', "</tr>")
    assert "unread-badge" not in section_of(rows, f'data-case-id="{normal}"', "</tr>")
    unfolded = section_of(page, '<ul class="reasons unread-reasons"', "</ul>")
    assert UNREAD_REASON in unfolded
    assert 'class="other-reasons"' not in page
