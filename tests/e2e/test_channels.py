"""Two LINE channels at once: each webhook is matched to a channel by its secret and keeps it."""

import asyncio
import secrets
import time
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from deploy import replay
from tests.e2e.stack import Stack, eventually, start_stack

CHANNELS = {
    "consultation": {
        "secret": secrets.token_hex(16),
        "token": secrets.token_hex(16),
        "destination": "U" + "1" * 32,
    },
    "parents": {
        "secret": secrets.token_hex(16),
        "token": secrets.token_hex(16),
        "destination": "U" + "2" * 32,
    },
}


def channel_env() -> dict[str, str]:
    env = {"LINE_CHANNELS": ",".join(CHANNELS)}
    for name, values in CHANNELS.items():
        prefix = f"LINE_{name.upper()}"
        env[f"{prefix}_CHANNEL_SECRET"] = values["secret"]
        env[f"{prefix}_CHANNEL_ACCESS_TOKEN"] = values["token"]
        env[f"{prefix}_DESTINATION"] = values["destination"]
    env["FAKE_LINE_ACCESS_TOKENS"] = ",".join(values["token"] for values in CHANNELS.values())
    return env


@pytest.fixture(scope="module")
async def two_channels(
    kafka_bootstrap: str, postgres_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    running = await start_stack(
        kafka_bootstrap=kafka_bootstrap,
        postgres_url=postgres_url,
        log_dir=tmp_path_factory.mktemp("logs"),
        names=["intake", "triage", "desk", "notify"],
        extra_env=channel_env(),
    )
    yield running
    await asyncio.to_thread(running.services.stop_all)


async def post_on(stack: Stack, client: httpx.AsyncClient, channel: str, text: str) -> str:
    """Post a text signed for `channel` from a new user; return that user's LINE id."""
    user_id = replay.line_user_id(f"{channel}-{uuid.uuid4()}")
    event = replay.build_text_event(text, user_id, int(time.time() * 1000))
    body = replay.build_webhook_body(CHANNELS[channel]["destination"], [event])
    response = await replay.post_webhook(
        client, stack.url("intake", "/line/webhook"), body, CHANNELS[channel]["secret"]
    )
    assert response.status_code == 200, response.text
    return user_id


async def test_each_channel_keeps_its_own(two_channels: Stack) -> None:
    """Messages keep their channel in the queue, and replies use that channel's token."""
    stack = two_channels
    texts = {name: f"子育てがつらい {name} {uuid.uuid4().hex[:6]}" for name in CHANNELS}

    async with httpx.AsyncClient(timeout=15) as client:
        users = {name: await post_on(stack, client, name, texts[name]) for name in CHANNELS}

        async def both_queued() -> dict[str, dict] | None:
            by_text = {case["last_message"]: case for case in await stack.queue(client)}
            found = {name: by_text.get(text) for name, text in texts.items()}
            return found if all(found.values()) else None

        cases = await eventually(both_queued, waiting_for="a case from each channel")
        for name, case in cases.items():
            assert case["channel"] == name

        for name, case in cases.items():
            response = await client.post(
                stack.url("desk", f"/api/cases/{case['case_id']}/replies"),
                json={"text": f"{name} の相談員です"},
                headers=stack.desk_headers,
            )
            assert response.status_code == 202, response.text

        async def pushes_to_both() -> dict[str, dict] | None:
            response = await client.get(stack.url("fakeline", "/fake/requests"))
            pushes = {
                request["body"].get("to"): request
                for request in response.json()["requests"]
                if request["path"] == "/v2/bot/message/push"
                and request["body"]["messages"][0]["text"].endswith("の相談員です")
            }
            found = {name: pushes.get(users[name]) for name in CHANNELS}
            return found if all(found.values()) else None

        pushes = await eventually(pushes_to_both, waiting_for="a push on each channel")
    for name, push in pushes.items():
        assert push["status"] == 200
        assert push["headers"]["authorization"].endswith(CHANNELS[name]["token"][-4:])
        assert push["body"]["messages"][0]["text"] == f"{name} の相談員です"


async def test_unknown_channel_secret_rejected(two_channels: Stack) -> None:
    """A body signed with a secret of no configured channel gets 401."""
    event = replay.build_text_event("こんばんは", replay.line_user_id("x"), int(time.time() * 1000))
    body = replay.build_webhook_body("U" + "3" * 32, [event])
    async with httpx.AsyncClient(timeout=15) as client:
        response = await replay.post_webhook(
            client, two_channels.url("intake", "/line/webhook"), body, secrets.token_hex(16)
        )
    assert response.status_code == 401
    assert "any configured channel" in response.json()["error"]
