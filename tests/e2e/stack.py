"""Services of the system started as separate processes for one test module."""

import asyncio
import secrets
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import httpx

from deploy import replay
from deploy.localstack import postgres as local_postgres
from deploy.localstack.processes import free_ports
from deploy.localstack.services import ServiceGroup, base_env
from shared.kafka import ensure_topics
from shared.schemas.topics import ALL_DEAD_LETTER_TOPICS, ALL_TOPICS
from shared.topic_reader import read_topic

WAIT_SECONDS = 60.0
DESTINATION = "U" + "0" * 32

T = TypeVar("T")


class Stack:
    """Running services with their ports, secrets and the helpers tests use on them."""

    def __init__(self, services: ServiceGroup, secret_values: dict[str, str]) -> None:
        self.services = services
        self.secrets = secret_values

    def url(self, service: str, path: str) -> str:
        return f"http://127.0.0.1:{self.services.ports[service]}{path}"

    @property
    def desk_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.secrets['DESK_API_TOKEN']}"}

    async def post_webhook(
        self, client: httpx.AsyncClient, body: bytes, *, intake: str = "intake"
    ) -> httpx.Response:
        url = self.url(intake, "/line/webhook")
        return await replay.post_webhook(client, url, body, self.secrets["LINE_CHANNEL_SECRET"])

    async def queue(self, client: httpx.AsyncClient) -> list[dict]:
        response = await client.get(self.url("desk", "/api/queue"), headers=self.desk_headers)
        assert response.status_code == 200, response.text
        return response.json()["cases"]

    async def case(self, client: httpx.AsyncClient, case_id: str) -> dict:
        response = await client.get(
            self.url("desk", f"/api/cases/{case_id}"), headers=self.desk_headers
        )
        assert response.status_code == 200, response.text
        return response.json()


async def start_stack(
    *,
    kafka_bootstrap: str,
    postgres_url: str,
    log_dir: Path,
    names: list[str],
    instances: dict[str, str] | None = None,
    extra_env: dict[str, str] | None = None,
) -> Stack:
    """Start `names` (services, or extra instances named in `instances`) on fresh ports."""
    database = f"e2e_{uuid.uuid4().hex[:12]}"
    await local_postgres.create_database(postgres_url, database)
    await ensure_topics(kafka_bootstrap, [*ALL_TOPICS, *ALL_DEAD_LETTER_TOPICS])

    secret_values = {
        "LINE_CHANNEL_SECRET": secrets.token_hex(16),
        "LINE_CHANNEL_ACCESS_TOKEN": secrets.token_hex(16),
        "DESK_API_TOKEN": secrets.token_hex(16),
    }
    all_names = list(dict.fromkeys(["fakeline", *names]))
    ports = dict(zip(all_names, free_ports(len(all_names)), strict=True))
    env = base_env(
        kafka_bootstrap_servers=kafka_bootstrap,
        database_url=local_postgres.database_url(postgres_url, database),
        secrets=secret_values,
        ports=ports,
    )
    env.update(extra_env or {})
    services = ServiceGroup(log_dir=log_dir, env=env, ports=ports, instances=instances or {})
    try:
        await asyncio.to_thread(services.start_all, all_names)
    except BaseException:
        await asyncio.to_thread(services.stop_all)
        raise
    return Stack(services, secret_values)


async def eventually(check: Callable[[], Awaitable[T | None]], *, waiting_for: str) -> T:
    """Poll `check` until it returns a value, failing after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        result = await check()
        if result is not None:
            return result
        await asyncio.sleep(0.3)
    raise AssertionError(f"timed out after {WAIT_SECONDS:.0f} s waiting for {waiting_for}")


def text_body(
    text: str, user_id: str, *, webhook_event_id: str | None = None, redelivery: bool = False
) -> bytes:
    """Return a webhook body with one text event from `user_id`."""
    event = replay.build_text_event(
        text, user_id, int(time.time() * 1000), webhook_event_id=webhook_event_id
    )
    event["deliveryContext"]["isRedelivery"] = redelivery
    return replay.build_webhook_body(DESTINATION, [event])


async def published_count(kafka_bootstrap: str, topic: str, webhook_event_id: str) -> int:
    """Count the records on `topic` whose correlation id is `webhook_event_id`."""
    expected = webhook_event_id.encode()
    records = await read_topic(kafka_bootstrap, topic)
    return sum(1 for record in records if dict(record.headers).get("correlation_id") == expected)
