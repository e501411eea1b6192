"""The web console in Chromium against every service of the system on the real broker.

A counselor sees an urgent LINE message appear at the top of the queue, claims the case,
replies and watches the reply reach LINE. The counselor then clears the urgent flag and
closes the case, and a supervisor and a city account see the count in the statistics.
Each step saves a screenshot to test-artifacts/console/.
"""

import asyncio
import re
import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

from deploy import replay
from services.desk.reports import TOKYO
from tests.e2e.stack import Stack, eventually, start_stack, text_body

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "console"
SUPERVISOR_LOGIN = "chief@example.jp"
SUPERVISOR_PASSWORD = "supervisor password for the console test"
COUNSELOR_LOGIN = "sato@example.jp"
CITY_LOGIN = "city@example.jp"
ACCOUNT_PASSWORD = "account password for the console test"
URGENT_TEXT = "もう消えてしまいたい"
WORK_TEXT = "仕事がうまくいかない"
# Triage marks this urgent and also gives a reason for the work category, which the case
# page folds.
MIXED_TEXT = "仕事も家族もうまくいかなくて、もう消えてしまいたい"
SUICIDE_LABEL = "希死念慮・自傷"
# Waits of the browser steps, in milliseconds. The queue refreshes every 4 s.
STEP_TIMEOUT_MS = 45_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"{CHROMIUM} is missing; run `make browser` as root to install Debian's chromium",
)


@pytest.fixture(scope="module")
async def stack(
    kafka_bootstrap: str, postgres_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    """Intake, triage, desk and notify as processes, open every hour of every day."""
    running = await start_stack(
        kafka_bootstrap=kafka_bootstrap,
        postgres_url=postgres_url,
        log_dir=tmp_path_factory.mktemp("logs"),
        names=["intake", "triage", "desk", "notify"],
        extra_env={
            "DESK_BOOTSTRAP_SUPERVISOR_LOGIN": SUPERVISOR_LOGIN,
            "DESK_BOOTSTRAP_SUPERVISOR_PASSWORD": SUPERVISOR_PASSWORD,
            "DESK_HOURS": "mon-sun 00:00-24:00",
        },
    )
    yield running
    await asyncio.to_thread(running.services.stop_all)


@pytest.fixture(scope="module")
async def accounts(stack: Stack) -> None:
    """A counselor and a city account, created by the supervisor through the API."""
    await create_account(stack, COUNSELOR_LOGIN, "counselor", "佐藤")
    await create_account(stack, CITY_LOGIN, "city", "山形市")


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield launched
        await launched.close()


async def create_account(stack: Stack, login: str, role: str, name: str) -> None:
    """Create an account through the API, with a session of the bootstrapped supervisor."""
    async with httpx.AsyncClient(timeout=15) as client:
        session = await client.post(
            stack.url("desk", "/api/login"),
            json={"login": SUPERVISOR_LOGIN, "password": SUPERVISOR_PASSWORD},
        )
        assert session.status_code == 200, session.text
        # The cookie is Secure, which httpx keeps from plain HTTP requests, so send it by hand.
        cookie = {"Cookie": f"desk_session={session.cookies['desk_session']}"}
        body = {"login": login, "display_name": name, "role": role, "password": ACCOUNT_PASSWORD}
        created = await client.post(stack.url("desk", "/api/accounts"), json=body, headers=cookie)
        assert created.status_code == 201, created.text


async def send_text(stack: Stack, text: str) -> None:
    user_id = replay.line_user_id(f"console-{uuid.uuid4()}")
    async with httpx.AsyncClient(timeout=15) as client:
        response = await stack.post_webhook(client, text_body(text, user_id))
    assert response.status_code == 200, response.text


async def log_in(page: Page, stack: Stack, login: str, password: str) -> None:
    await page.goto(stack.url("desk", "/login"))
    await page.get_by_label("ログインID").fill(login)
    await page.get_by_label("パスワード").fill(password)
    await page.get_by_role("button", name="ログイン").click()
    await expect(page.get_by_role("button", name="ログアウト")).to_be_visible()


async def screenshot(page: Page, name: str) -> None:
    await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


async def confirmed_count(page: Page, label: str) -> int:
    cell = page.locator(f'tr[data-category="{label}"] td.confirmed')
    return int(await cell.inner_text())


@pytest.mark.usefixtures("accounts")
async def test_console_flow(stack: Stack, browser: Browser) -> None:
    """A counselor replies to an urgent case, clears its flag and closes it, and stats count it."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    expect.set_options(timeout=STEP_TIMEOUT_MS)
    today = datetime.now(TOKYO).date().isoformat()
    stats_path = f"/stats?from={today}&to={today}"

    counselor = await browser.new_context(locale="ja-JP")
    supervisor = await browser.new_context(locale="ja-JP")
    try:
        page = await counselor.new_page()
        await log_in(page, stack, COUNSELOR_LOGIN, ACCOUNT_PASSWORD)
        await expect(page.get_by_role("heading", name="相談キュー")).to_be_visible()
        await screenshot(page, "01_queue_empty")

        # The messages arrive while the queue page is open; only its polling shows them.
        await send_text(stack, WORK_TEXT)
        await send_text(stack, URGENT_TEXT)
        rows = page.locator("#queue-rows tr.queue-row")
        await expect(rows).to_have_count(2)
        first_row = rows.nth(0)
        await expect(first_row.locator(".urgent-badge")).to_have_text("緊急")
        await expect(first_row.locator("td.preview")).to_contain_text(URGENT_TEXT)
        await expect(first_row).to_contain_text(SUICIDE_LABEL)
        # Triage's urgent reason starts with the category in brackets.
        await expect(first_row.locator(".urgent-reason")).to_contain_text(f"[{SUICIDE_LABEL}]")
        await expect(rows.nth(1).locator("td.preview")).to_contain_text(WORK_TEXT)
        await expect(rows.nth(1).locator(".urgent-reason")).to_have_count(0)
        await screenshot(page, "02_queue_urgent_first")

        stats_page = await supervisor.new_page()
        await log_in(stats_page, stack, SUPERVISOR_LOGIN, SUPERVISOR_PASSWORD)
        await stats_page.goto(stack.url("desk", stats_path))
        await expect(stats_page.locator('[data-field="consultations"]')).to_have_text("2")
        assert await confirmed_count(stats_page, SUICIDE_LABEL) == 0
        await screenshot(stats_page, "03_stats_before_close")

        await first_row.locator("td.preview a").click()
        await expect(page.locator("#messages")).to_contain_text(URGENT_TEXT)
        await page.locator("#claim-button").click()
        await expect(page.get_by_role("status")).to_have_text("担当しました。")
        await expect(page.locator("#claimant")).to_contain_text("佐藤（自分）")
        await expect(page.locator("#urgent-reason")).to_contain_text(f"[{SUICIDE_LABEL}]")
        urgent_message = page.locator("li.message-in", has_text=URGENT_TEXT)
        await expect(urgent_message.locator(".urgent-reasons")).to_contain_text(SUICIDE_LABEL)
        await screenshot(page, "04_case_claimed")

        reply_text = "メッセージありがとうございます。相談員の佐藤です。お話を聞かせてください。"
        await page.get_by_label("返信の本文").fill(reply_text)
        await page.locator("#reply-button").click()
        reply = page.locator("li.message-out", has_text=reply_text)
        await expect(reply.locator(".delivery")).to_have_text(re.compile("送信待ち|送信済み"))
        await screenshot(page, "05_reply_queued")
        await expect(reply.locator(".delivery")).to_have_text("送信済み")
        await screenshot(page, "06_reply_sent")

        await expect(page.locator("h1 .urgent-badge")).to_have_text("緊急")
        await page.get_by_label("解除の理由").fill("本人と話し、今は危険がないことを確かめた")
        await page.locator("#clear-urgent-button").click()
        await expect(page.get_by_role("status")).to_contain_text("緊急を解除しました。")
        await expect(page.locator("h1 .urgent-badge")).to_have_count(0)
        await expect(page.locator("#clear-urgent-button")).to_have_count(0)
        await screenshot(page, "07_urgent_cleared")

        close_form = page.locator("section.close")
        await expect(close_form.get_by_label(SUICIDE_LABEL)).to_be_checked()
        await close_form.get_by_label("孤独・孤立").check()
        await close_form.get_by_label("年代").select_option(label="20代")
        await screenshot(page, "08_close_form")
        await page.locator("#close-button").click()
        await expect(page.get_by_role("status")).to_have_text("相談を終了しました。")
        await expect(page.locator("#case-state")).to_have_text("終了")
        await screenshot(page, "09_case_closed")

        await stats_page.goto(stack.url("desk", stats_path))
        await expect(stats_page.locator('[data-field="consultations_closed"]')).to_have_text("1")
        assert int(await stats_page.locator('[data-field="consultations"]').inner_text()) >= 1
        assert await confirmed_count(stats_page, SUICIDE_LABEL) >= 1
        age_row = stats_page.locator('tr[data-age-band="20代"] td')
        await expect(age_row).to_have_text("1")
        await expect(stats_page.locator("#csv-link")).to_have_attribute(
            "href", f"/api/reports.csv?from={today}&to={today}"
        )
        await screenshot(stats_page, "10_stats_after_close")
    finally:
        await counselor.close()
        await supervisor.close()


@pytest.mark.usefixtures("accounts")
async def test_opened_reasons_stay_open(stack: Stack, browser: Browser) -> None:
    """A reasons fold that the counselor opened stays open when the message list refreshes."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    expect.set_options(timeout=STEP_TIMEOUT_MS)
    await send_text(stack, MIXED_TEXT)
    case_id = await case_with_last_message(stack, MIXED_TEXT)
    context = await browser.new_context(locale="ja-JP")
    try:
        page = await context.new_page()
        await log_in(page, stack, COUNSELOR_LOGIN, ACCOUNT_PASSWORD)
        await page.goto(stack.url("desk", f"/cases/{case_id}"))
        message = page.locator("li.message-in", has_text=MIXED_TEXT)
        await expect(message.locator(".urgent-reasons")).to_contain_text(f"[{SUICIDE_LABEL}]")
        folded = message.locator("details.other-reasons")
        await expect(folded).to_have_js_property("open", False)

        await folded.locator("summary").click()
        await expect(folded).to_have_js_property("open", True)
        await expect(folded.locator("li").first).to_be_visible()
        # The refresh replaces every node of the list, so a node that carries this mark is
        # still the one from before the refresh.
        await folded.evaluate("(node) => { node.dataset.beforeRefresh = 'yes'; }")
        await expect(page.locator("details.other-reasons[data-before-refresh]")).to_have_count(0)
        await expect(folded).to_have_js_property("open", True)
        await expect(folded.locator("li").first).to_be_visible()
        await screenshot(page, "13_reasons_open_after_refresh")

        # A fold that the counselor closed again stays closed.
        await folded.locator("summary").click()
        await expect(folded).to_have_js_property("open", False)
        await folded.evaluate("(node) => { node.dataset.beforeRefresh = 'yes'; }")
        await expect(page.locator("details.other-reasons[data-before-refresh]")).to_have_count(0)
        await expect(folded).to_have_js_property("open", False)
    finally:
        await context.close()


async def case_with_last_message(stack: Stack, text: str) -> str:
    """Wait until the queue has a case whose latest message is `text` and return its id."""

    async def find() -> str | None:
        async with httpx.AsyncClient(timeout=15) as client:
            entries = await stack.queue(client)
        return next((e["case_id"] for e in entries if e["last_message"] == text), None)

    return await eventually(find, waiting_for=f"a queue entry for {text!r}")


@pytest.mark.usefixtures("accounts")
async def test_city_sees_only_stats(stack: Stack, browser: Browser) -> None:
    """A city account lands on the statistics and gets a 403 page for the queue."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    expect.set_options(timeout=STEP_TIMEOUT_MS)
    context = await browser.new_context(locale="ja-JP")
    try:
        page = await context.new_page()
        await log_in(page, stack, CITY_LOGIN, ACCOUNT_PASSWORD)
        await expect(page.get_by_role("heading", name="統計", exact=True)).to_be_visible()
        await expect(page.get_by_role("link", name="キュー")).to_have_count(0)
        await screenshot(page, "11_city_stats")

        response = await page.goto(stack.url("desk", "/"))
        assert response is not None
        assert response.status == 403
        await expect(page.get_by_role("heading", name="閲覧権限がありません")).to_be_visible()
        await screenshot(page, "12_city_queue_forbidden")
    finally:
        await context.close()
