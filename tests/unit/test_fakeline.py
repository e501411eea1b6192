"""Tests of the fake LINE platform, run in-process through httpx's ASGI transport."""

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from deploy.fakeline import create_app
from deploy.fakeline.__main__ import MissingAccessTokenError, read_access_tokens
from deploy.fakeline.app import AUTH_FAILED, RATE_LIMITED

PUSH = "/v2/bot/message/push"
REPLY = "/v2/bot/message/reply"
TOKEN = "tok"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
USER_ID = "U" + "1" * 32


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app({TOKEN}))
    async with httpx.AsyncClient(transport=transport, base_url="http://fakeline") as client:
        yield client


def text_messages(count: int, text: str = "hello") -> list[dict[str, str]]:
    return [{"type": "text", "text": text} for _ in range(count)]


def push_body(messages: list[dict] | None = None) -> dict:
    return {"to": USER_ID, "messages": messages if messages is not None else text_messages(1)}


async def recorded(client: httpx.AsyncClient, **params: str | int) -> list[dict]:
    response = await client.get("/fake/requests", params=params)
    assert response.status_code == 200
    return response.json()["requests"]


async def test_push_ok(client: httpx.AsyncClient) -> None:
    response = await client.post(PUSH, json=push_body(text_messages(2)), headers=AUTH)

    assert response.status_code == 200
    sent = response.json()["sentMessages"]
    assert len(sent) == 2
    assert all(message["id"].isdigit() for message in sent)
    assert all(message["quoteToken"] for message in sent)
    assert sent[0]["id"] != sent[1]["id"]
    request_id = response.headers["x-line-request-id"]
    assert uuid.UUID(request_id)

    requests = await recorded(client)
    assert len(requests) == 1
    assert requests[0]["path"] == PUSH
    assert requests[0]["status"] == 200
    assert requests[0]["request_id"] == request_id
    assert requests[0]["body"] == push_body(text_messages(2))
    assert requests[0]["received_at"]


async def test_push_accepts_sticker_and_flags(client: httpx.AsyncClient) -> None:
    sticker = {"type": "sticker", "packageId": "446", "stickerId": "1988"}
    body = {"to": USER_ID, "messages": [sticker], "notificationDisabled": True}

    response = await client.post(PUSH, json=body, headers=AUTH)

    assert response.status_code == 200
    assert len(response.json()["sentMessages"]) == 1


async def test_recorded_authorization_masked(client: httpx.AsyncClient) -> None:
    long_token = "a" * 40 + "WXYZ"
    transport = httpx.ASGITransport(app=create_app({long_token}))
    async with httpx.AsyncClient(transport=transport, base_url="http://fakeline") as long_client:
        headers = {"Authorization": f"Bearer {long_token}"}
        await long_client.post(PUSH, json=push_body(), headers=headers)
        long_recorded = await recorded(long_client)
    await client.post(PUSH, json=push_body(), headers=AUTH)
    short_recorded = await recorded(client)

    assert long_recorded[0]["headers"]["authorization"] == "Bearer ****WXYZ"
    assert short_recorded[0]["headers"]["authorization"] == "Bearer ****"
    assert all(name == name.lower() for name in short_recorded[0]["headers"])


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}],
    ids=["missing", "unknown", "no-scheme"],
)
async def test_push_rejects_bad_token(client: httpx.AsyncClient, headers: dict) -> None:
    response = await client.post(PUSH, json=push_body(), headers=headers)

    assert response.status_code == 401
    assert response.json() == {"message": AUTH_FAILED}
    requests = await recorded(client)
    assert [request["status"] for request in requests] == [401]


async def test_push_rejects_six_messages(client: httpx.AsyncClient) -> None:
    response = await client.post(PUSH, json=push_body(text_messages(6)), headers=AUTH)

    assert response.status_code == 400
    body = response.json()
    assert body["message"] == "The request body has 1 error(s)"
    assert body["details"][0]["property"] == "messages"


async def test_push_rejects_no_messages(client: httpx.AsyncClient) -> None:
    response = await client.post(PUSH, json=push_body([]), headers=AUTH)

    assert response.status_code == 400
    assert response.json()["details"][0]["property"] == "messages"


async def test_push_text_limit_in_utf16(client: httpx.AsyncClient) -> None:
    # Each emoji is outside the BMP, so 2,501 emoji are 5,002 UTF-16 code units.
    too_long = "😢" * 2501
    at_limit = "😢" * 2500

    rejected = await client.post(PUSH, json=push_body(text_messages(1, too_long)), headers=AUTH)
    accepted = await client.post(PUSH, json=push_body(text_messages(1, at_limit)), headers=AUTH)

    assert rejected.status_code == 400
    assert rejected.json()["details"] == [
        {"message": "Length must be between 0 and 5000", "property": "messages[0].text"}
    ]
    assert accepted.status_code == 200


async def test_push_reports_every_error(client: httpx.AsyncClient) -> None:
    messages = [{"type": "text", "text": ""}, {"type": 7}, {"type": "text"}]

    response = await client.post(PUSH, json={"messages": messages}, headers=AUTH)

    assert response.status_code == 400
    body = response.json()
    properties = [item["property"] for item in body["details"]]
    assert properties == ["to", "messages[0].text", "messages[1].type", "messages[2].text"]
    assert body["message"] == "The request body has 4 error(s)"


async def test_push_rejects_empty_to(client: httpx.AsyncClient) -> None:
    body = {"to": "", "messages": text_messages(1)}

    response = await client.post(PUSH, json=body, headers=AUTH)

    assert response.status_code == 400
    assert response.json()["details"] == [{"message": "May not be empty", "property": "to"}]


async def test_push_rejects_invalid_json(client: httpx.AsyncClient) -> None:
    headers = {**AUTH, "content-type": "application/json"}

    response = await client.post(PUSH, content=b'{"to": ', headers=headers)

    assert response.status_code == 400
    assert response.json()["message"].startswith("The request body could not be parsed as JSON")
    requests = await recorded(client)
    assert requests[0]["body"] == '{"to": '


async def test_push_rejects_invalid_retry_key(client: httpx.AsyncClient) -> None:
    headers = {**AUTH, "X-Line-Retry-Key": "not-a-uuid"}

    response = await client.post(PUSH, json=push_body(), headers=headers)

    assert response.status_code == 400
    assert "retry key" in response.json()["message"]


async def test_push_repeated_retry_key_409(client: httpx.AsyncClient) -> None:
    headers = {**AUTH, "X-Line-Retry-Key": str(uuid.uuid4())}

    first = await client.post(PUSH, json=push_body(), headers=headers)
    repeat = await client.post(PUSH, json=push_body(), headers=headers)

    assert first.status_code == 200
    assert repeat.status_code == 409
    assert repeat.json()["message"] == "The retry key is already accepted"
    assert repeat.json()["sentMessages"] == first.json()["sentMessages"]
    original_id = first.headers["x-line-request-id"]
    assert repeat.headers["x-line-accepted-request-id"] == original_id
    assert repeat.headers["x-line-request-id"] != original_id

    deliveries = await recorded(client, path=PUSH, status=200)
    assert len(deliveries) == 1
    assert len(await recorded(client)) == 2


async def test_push_retry_after_fault_delivers(client: httpx.AsyncClient) -> None:
    headers = {**AUTH, "X-Line-Retry-Key": str(uuid.uuid4())}
    await client.post("/fake/faults", json={"status": 500, "count": 1})

    failed = await client.post(PUSH, json=push_body(), headers=headers)
    retried = await client.post(PUSH, json=push_body(), headers=headers)

    assert failed.status_code == 500
    assert retried.status_code == 200


async def test_reply_token_single_use(client: httpx.AsyncClient) -> None:
    body = {"replyToken": "0f3779fba3b349968c5d07db31eab56f", "messages": text_messages(1)}

    first = await client.post(REPLY, json=body, headers=AUTH)
    second = await client.post(REPLY, json=body, headers=AUTH)

    assert first.status_code == 200
    assert len(first.json()["sentMessages"]) == 1
    assert second.status_code == 400
    assert second.json() == {"message": "Invalid reply token"}


async def test_reply_rejects_retry_key(client: httpx.AsyncClient) -> None:
    body = {"replyToken": "a" * 32, "messages": text_messages(1)}
    headers = {**AUTH, "X-Line-Retry-Key": str(uuid.uuid4())}

    rejected = await client.post(REPLY, json=body, headers=headers)
    accepted = await client.post(REPLY, json=body, headers=AUTH)

    assert rejected.status_code == 400
    assert "retry key" in rejected.json()["message"]
    assert accepted.status_code == 200


async def test_reply_requires_reply_token(client: httpx.AsyncClient) -> None:
    response = await client.post(REPLY, json={"messages": text_messages(1)}, headers=AUTH)

    assert response.status_code == 400
    assert response.json()["details"][0]["property"] == "replyToken"


async def test_fault_429_then_success(client: httpx.AsyncClient) -> None:
    fault = {"status": 429, "count": 2, "path": PUSH}
    assert (await client.post("/fake/faults", json=fault)).status_code == 200

    statuses = []
    for _ in range(3):
        response = await client.post(PUSH, json=push_body(), headers=AUTH)
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert response.json() == {"message": RATE_LIMITED}
            assert response.headers["x-line-request-id"]

    assert statuses == [429, 429, 200]
    assert len(await recorded(client, status=429)) == 2
    assert len(await recorded(client, status=200)) == 1


async def test_fault_limited_to_path(client: httpx.AsyncClient) -> None:
    await client.post("/fake/faults", json={"status": 500, "count": 1, "path": PUSH})
    reply_body = {"replyToken": "b" * 32, "messages": text_messages(1)}

    reply = await client.post(REPLY, json=reply_body, headers=AUTH)
    push = await client.post(PUSH, json=push_body(), headers=AUTH)

    assert reply.status_code == 200
    assert push.status_code == 500


async def test_fault_cleared_by_delete(client: httpx.AsyncClient) -> None:
    await client.post("/fake/faults", json={"status": 503, "count": 5})

    cleared = await client.delete("/fake/faults")
    response = await client.post(PUSH, json=push_body(), headers=AUTH)

    assert cleared.status_code == 200
    assert response.status_code == 200


async def test_fault_rejects_invalid_status(client: httpx.AsyncClient) -> None:
    response = await client.post("/fake/faults", json={"status": 200, "count": 1})

    assert response.status_code == 422


async def test_reset_forgets_keys_and_tokens(client: httpx.AsyncClient) -> None:
    retry_headers = {**AUTH, "X-Line-Retry-Key": str(uuid.uuid4())}
    reply_body = {"replyToken": "c" * 32, "messages": text_messages(1)}
    await client.post(PUSH, json=push_body(), headers=retry_headers)
    await client.post(REPLY, json=reply_body, headers=AUTH)

    reset = await client.delete("/fake/requests")
    push = await client.post(PUSH, json=push_body(), headers=retry_headers)
    reply = await client.post(REPLY, json=reply_body, headers=AUTH)

    assert reset.status_code == 200
    assert push.status_code == 200
    assert reply.status_code == 200
    assert len(await recorded(client)) == 2


async def test_requests_filtered_by_path(client: httpx.AsyncClient) -> None:
    await client.post(PUSH, json=push_body(), headers=AUTH)
    await client.post(REPLY, json={"replyToken": "d" * 32, "messages": text_messages(1)})

    pushes = await recorded(client, path=PUSH)
    replies = await recorded(client, path=REPLY)

    assert [request["status"] for request in pushes] == [200]
    assert [request["status"] for request in replies] == [401]


async def test_unknown_api_path_recorded(client: httpx.AsyncClient) -> None:
    response = await client.post("/v2/bot/message/multicast", json={}, headers=AUTH)

    assert response.status_code == 404
    requests = await recorded(client)
    assert requests[0]["path"] == "/v2/bot/message/multicast"


async def test_apps_do_not_share_state() -> None:
    first_app = create_app({TOKEN})
    second_app = create_app({TOKEN})
    first = httpx.AsyncClient(transport=httpx.ASGITransport(app=first_app), base_url="http://a")
    second = httpx.AsyncClient(transport=httpx.ASGITransport(app=second_app), base_url="http://b")

    async with first, second:
        await first.post(PUSH, json=push_body(), headers=AUTH)
        assert len(await recorded(first)) == 1
        assert await recorded(second) == []


async def test_healthz(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_tokens_from_fake_variable() -> None:
    environ = {"FAKE_LINE_ACCESS_TOKENS": "one, two,,", "LINE_CHANNEL_ACCESS_TOKEN": "three"}

    assert read_access_tokens(environ) == {"one", "two"}


def test_tokens_fall_back_to_channel_token() -> None:
    assert read_access_tokens({"LINE_CHANNEL_ACCESS_TOKEN": "three"}) == {"three"}


def test_tokens_missing_names_both_variables() -> None:
    with pytest.raises(MissingAccessTokenError) as raised:
        read_access_tokens({})

    assert "FAKE_LINE_ACCESS_TOKENS" in str(raised.value)
    assert "LINE_CHANNEL_ACCESS_TOKEN" in str(raised.value)


async def test_push_to_malformed_id_rejected(client: httpx.AsyncClient) -> None:
    """A push whose `to` is not a LINE user, group or room id gets 400."""
    response = await client.post(
        PUSH, json={"to": "nobody", "messages": text_messages(1)}, headers=AUTH
    )
    assert response.status_code == 400
    assert response.json()["details"][0]["property"] == "to"
