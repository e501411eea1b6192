"""`deploy.replay --shift-to-now` through intake, triage and the desk as processes.

The demo moves the samples' times so that the latest one is now, and a second replay of the
same file must store nothing new: intake and the desk drop an event whose webhookEventId
they have seen, whatever its timestamp.
"""

import asyncio
import itertools
import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from deploy import replay
from shared.schemas.topics import MESSAGE_RECEIVED
from tests.e2e.stack import Stack, eventually, published_count, start_stack

# Two people on a Monday evening in February 2026, the last line 11 minutes after the first.
SENT_AT = ["2026-02-16T18:05:00+09:00", "2026-02-16T18:12:00+09:00", "2026-02-16T18:16:00+09:00"]
SPACING = [timedelta(minutes=7), timedelta(minutes=4)]
# Time for a stray copy of an event to travel through intake, triage and the desk.
SETTLE_SECONDS = 3


@pytest.fixture(scope="module")
async def pipeline(
    kafka_bootstrap: str, postgres_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    running = await start_stack(
        kafka_bootstrap=kafka_bootstrap,
        postgres_url=postgres_url,
        log_dir=tmp_path_factory.mktemp("logs"),
        names=["intake", "triage", "desk"],
    )
    yield running
    await asyncio.to_thread(running.services.stop_all)


def write_samples(path: Path) -> list[str]:
    """Write three sample lines of two new people and return their texts."""
    tag = uuid.uuid4().hex[:8]
    people = [f"shift-{tag}-a", f"shift-{tag}-a", f"shift-{tag}-b"]
    texts = [f"誰とも話さない日が続いています {tag} {n}" for n in range(len(SENT_AT))]
    lines = [
        json.dumps({"person": person, "sent_at": sent_at, "text": text}, ensure_ascii=False)
        for person, sent_at, text in zip(people, SENT_AT, texts, strict=True)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return texts


async def run_replay(stack: Stack, path: Path, *options: str) -> int:
    argv = [
        "--file",
        str(path),
        "--url",
        stack.url("intake", "/line/webhook"),
        "--secret",
        stack.secrets["LINE_CHANNEL_SECRET"],
        *options,
    ]
    # main runs its own event loop, so it runs in a thread.
    return await asyncio.to_thread(replay.main, argv)


async def stored_messages(stack: Stack, client: httpx.AsyncClient, texts: list[str]) -> dict:
    """Return the desk's inbound messages with `texts`, each text with a list of its copies."""
    found: dict[str, list[dict]] = {text: [] for text in texts}
    for case in await stack.queue(client):
        detail = await stack.case(client, case["case_id"])
        for message in detail["messages"]:
            if message["direction"] == "in" and message["text"] in found:
                found[message["text"]].append({**message, "waiting_since": case["waiting_since"]})
    return found


async def test_shifted_replay_stored_once(
    pipeline: Stack, kafka_bootstrap: str, tmp_path: Path
) -> None:
    path = tmp_path / "samples.jsonl"
    texts = write_samples(path)
    event_ids = [replay.stable_event_id(sample) for sample in replay.load_samples(path)]

    started = datetime.now(UTC)
    first_exit = await run_replay(pipeline, path, "--shift-to-now")
    finished = datetime.now(UTC)
    async with httpx.AsyncClient(timeout=15) as client:

        async def all_stored() -> dict | None:
            found = await stored_messages(pipeline, client, texts)
            return found if all(found.values()) else None

        first = await eventually(all_stored, waiting_for="the three samples in the desk")
        # Again with a later "now", and with the recorded February times.
        second_exit = await run_replay(pipeline, path, "--shift-to-now")
        recorded_exit = await run_replay(pipeline, path)
        await asyncio.sleep(SETTLE_SECONDS)
        after = await stored_messages(pipeline, client, texts)

    assert (first_exit, second_exit, recorded_exit) == (0, 0, 0)
    sent = [datetime.fromisoformat(first[text][0]["sent_at"]) for text in texts]
    # Event timestamps have whole milliseconds, so the latest may fall just before `started`.
    assert started - timedelta(milliseconds=1) <= sent[-1] <= finished
    assert [later - earlier for earlier, later in itertools.pairwise(sent)] == SPACING
    # The first person's case has waited since their first line, 11 minutes before now.
    assert datetime.fromisoformat(first[texts[0]][0]["waiting_since"]) == sent[0]
    for text in texts:
        assert len(after[text]) == 1, text
        assert after[text][0]["sent_at"] == first[text][0]["sent_at"]
    for event_id in event_ids:
        assert await published_count(kafka_bootstrap, MESSAGE_RECEIVED, event_id) == 1
