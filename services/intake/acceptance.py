"""Accept one webhook request: verify, parse, normalize and publish each event once.

Copies of an event are published once through the claims in PostgreSQL. One exception: a
process that dies after Kafka stored an event, but before it was marked published, leaves a
claim that expires, so the redelivery publishes it again. Consumers drop that copy by its
event id.
"""

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import asyncpg
import structlog
from aiokafka.errors import KafkaError
from pydantic import ValidationError

from services.intake.line_webhook import WebhookBody
from services.intake.normalize import UnsupportedEvent, normalize_event
from services.intake.store import EventClaims
from shared.channels import LineChannel
from shared.line_signature import is_valid_signature
from shared.schemas import MessageReceived

log = structlog.get_logger()

CLAIM_POLL_SECONDS = 0.02

Publish = Callable[[MessageReceived], Awaitable[None]]
DeadLetter = Callable[[bytes, str], Awaitable[None]]


@dataclass(frozen=True)
class Outcome:
    status: int
    body: dict
    label: str


@dataclass
class WebhookAcceptor:
    channels: tuple[LineChannel, ...]
    claims: EventClaims
    publish: Publish
    dead_letter: DeadLetter
    publish_timeout: float
    in_flight: set[asyncio.Task] = field(default_factory=set)

    async def accept(self, raw: bytes, signature: str | None) -> Outcome:
        if not signature:
            return _rejected(
                401,
                "signature_missing",
                "missing x-line-signature header; LINE signs every webhook with it",
            )
        channel = self._channel_for(raw, signature)
        if channel is None:
            return _rejected(
                401,
                "signature_invalid",
                "x-line-signature does not match the body for any configured channel; "
                "check the channel secret (LINE_CHANNEL_SECRET or LINE_<NAME>_CHANNEL_SECRET)",
            )

        try:
            body = WebhookBody.model_validate(json.loads(raw))
        except (ValueError, RecursionError) as error:
            reason = describe_invalid_body(error)
            await self.dead_letter(raw, reason)
            return _rejected(400, "body_invalid", f"webhook body is invalid: {reason}")

        events = await self._normalize(body, channel=channel, raw=raw)
        if not events:
            return Outcome(200, {"accepted": 0}, "accepted")
        return await self._publish_once(events, channel=channel)

    async def drain(self) -> None:
        """Wait for the publishes still running, before shutdown."""
        if self.in_flight:
            await asyncio.wait(self.in_flight)

    def _channel_for(self, raw: bytes, signature: str) -> LineChannel | None:
        for channel in self.channels:
            assert channel.secret is not None, "intake loads channels with their secrets"
            if is_valid_signature(raw, signature, channel.secret.get_secret_value()):
                return channel
        return None

    async def _normalize(
        self, body: WebhookBody, *, channel: LineChannel, raw: bytes
    ) -> list[MessageReceived]:
        assert channel.secret is not None, "intake loads channels with their secrets"
        events: dict[str, MessageReceived] = {}
        for event in body.events:
            try:
                message = normalize_event(
                    event,
                    channel=channel.name,
                    destination=body.destination,
                    conversation_key=channel.secret.get_secret_value(),
                )
            except (UnsupportedEvent, ValidationError) as error:
                # Kept for an operator, because no conversation can take it.
                await self.dead_letter(raw, f"event {event.webhook_event_id}: {error}")
                log.warning("event_dead_lettered", webhook_event_id=event.webhook_event_id)
                continue
            events.setdefault(message.webhook_event_id, message)
        return list(events.values())

    async def _publish_once(
        self, events: list[MessageReceived], *, channel: LineChannel
    ) -> Outcome:
        ids = [event.webhook_event_id for event in events]
        deadline = time.monotonic() + self.publish_timeout
        try:
            claimed = await self.claims.claim(ids, channel=channel.name)
            mine = [event for event in events if event.webhook_event_id in claimed]
            if mine:
                # Not cancelled at the deadline: a publish Kafka finishes later is still
                # recorded, so LINE's redelivery finds the event published.
                task = asyncio.create_task(self._publish_and_record(mine))
                self.in_flight.add(task)
                task.add_done_callback(self.in_flight.discard)
                await asyncio.wait([task], timeout=max(0.0, deadline - time.monotonic()))
                if len(mine) == len(ids) and task.done() and task.result():
                    return Outcome(200, {"accepted": len(events)}, "accepted")
            pending = await self._wait_published(ids, deadline=deadline)
        except (asyncpg.PostgresError, OSError) as error:
            log.error("claim_store_failed", error_type=type(error).__name__, events=len(ids))
            return _unavailable("database_unavailable")

        if pending:
            log.warning("events_not_published_in_time", events=len(pending))
            return _unavailable("kafka_unavailable")
        return Outcome(200, {"accepted": len(events)}, "accepted")

    async def _wait_published(self, ids: list[str], *, deadline: float) -> set[str]:
        pending = await self.claims.unpublished(ids)
        while pending and time.monotonic() < deadline:
            await asyncio.sleep(CLAIM_POLL_SECONDS)
            pending = await self.claims.unpublished(list(pending))
        return pending

    async def _publish_and_record(self, events: list[MessageReceived]) -> bool:
        """Publish `events` and mark them published; return whether both succeeded."""
        ids = [event.webhook_event_id for event in events]
        try:
            # One at a time, in webhook order, so a conversation's messages keep their order.
            for event in events:
                await self.publish(event)
            await self.claims.mark_published(ids)
        except (KafkaError, TimeoutError, asyncpg.PostgresError, OSError) as error:
            log.error("publish_failed", error_type=type(error).__name__, events=len(ids))
            await self._release_quietly(ids)
            return False
        for event in events:
            log.info(
                "event_published",
                webhook_event_id=event.webhook_event_id,
                conversation_id=event.conversation_id,
                kind=event.kind.value,
                is_redelivery=event.is_redelivery,
            )
        return True

    async def _release_quietly(self, ids: list[str]) -> None:
        try:
            await self.claims.release(ids)
        except (asyncpg.PostgresError, OSError) as error:
            # The claims expire after their lease, so redeliveries are delayed, not lost.
            log.error("claim_release_failed", error_type=type(error).__name__, events=len(ids))


def describe_invalid_body(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(
            ".".join(str(part) for part in detail["loc"]) + ": " + detail["msg"]
            for detail in error.errors(include_input=False, include_url=False)
        )
    if isinstance(error, RecursionError):
        return "JSON nested too deeply"
    return f"not JSON ({error})"


def _rejected(status: int, label: str, message: str) -> Outcome:
    log.warning("webhook_rejected", status=status, outcome=label)
    return Outcome(status, {"error": message}, label)


def _unavailable(label: str) -> Outcome:
    return Outcome(503, {"error": "could not store the events yet; LINE redelivers them"}, label)
