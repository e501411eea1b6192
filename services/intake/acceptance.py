"""Accept one webhook request: verify, parse, normalize and publish each event once.

Copies of an event are published once through the claims in PostgreSQL. One exception: a
process that dies after Kafka stored an event, but before it was marked published, leaves a
claim that expires, so the redelivery publishes it again. Consumers drop that copy by its
event id.

Each event is checked on its own. An invalid event goes to the dead-letter topic as a body
of its own, and the valid events of the same body are published. The response is 200 when
at least one event is valid, because LINE would otherwise redeliver the valid events too,
and 400 when every event is invalid.
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

from services.intake.body_errors import describe_unparsable_body, describe_validation_error
from services.intake.line_webhook import (
    ID_LENGTH,
    TOKEN_PATTERN,
    LineEvent,
    WebhookEnvelope,
    replace_lone_surrogates,
)
from services.intake.normalize import UnsupportedEvent, normalize_event
from services.intake.store import EventClaims
from shared.channels import LineChannel
from shared.line_signature import is_valid_signature
from shared.schemas import MessageReceived

log = structlog.get_logger()

CLAIM_POLL_SECONDS = 0.02

Publish = Callable[[MessageReceived], Awaitable[None]]
# Stores one record on line.webhook.dlq from the payload, the error and the correlation id.
DeadLetter = Callable[[bytes, str, str | None], Awaitable[None]]


@dataclass(frozen=True)
class Outcome:
    status: int
    body: dict
    label: str


@dataclass(frozen=True)
class RejectedEvent:
    """An event that cannot be published, kept on the dead-letter topic as a body of its own."""

    index: int
    # The error with the field's path in the request, and with its path in `payload`.
    error: str
    dead_letter_error: str
    payload: bytes
    webhook_event_id: str | None
    # False for an event without a chat source: it is kept, but it is no error of the sender.
    reported: bool = True


@dataclass(frozen=True)
class CheckedEvents:
    accepted: list[MessageReceived]
    rejected: list[RejectedEvent]

    @property
    def reported(self) -> list[RejectedEvent]:
        return [event for event in self.rejected if event.reported]


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
            # Decoded strictly first, because json.loads decodes bytes with "surrogatepass" and
            # would take an encoded surrogate, which is invalid UTF-8, for an escaped one.
            parsed = json.loads(raw.decode("utf-8"))
            envelope = WebhookEnvelope.model_validate(replace_lone_surrogates(parsed))
        except ValidationError as error:
            return await self._reject_body(raw, describe_validation_error(error))
        except (ValueError, RecursionError) as error:
            return await self._reject_body(raw, describe_unparsable_body(error))

        checked = self._check_events(envelope, channel=channel)
        if not checked.accepted:
            await self._dead_letter_events(checked.rejected)
            if checked.reported:
                errors = " ".join(event.error for event in checked.reported)
                return _rejected(400, "body_invalid", f"webhook body is invalid: {errors}")
            return Outcome(200, {"accepted": 0}, "accepted")

        outcome = await self._publish_once(checked.accepted, channel=channel)
        if outcome.status != 200:
            # LINE redelivers the whole body, and the invalid events are kept then.
            return outcome
        await self._dead_letter_events(checked.rejected)
        if not checked.reported:
            return outcome
        rejected = [{"index": event.index, "error": event.error} for event in checked.reported]
        return Outcome(200, {**outcome.body, "rejected": rejected}, "partly_accepted")

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

    async def _reject_body(self, raw: bytes, reason: str) -> Outcome:
        await self.dead_letter(raw, reason, None)
        return _rejected(400, "body_invalid", f"webhook body is invalid: {reason}")

    def _check_events(self, envelope: WebhookEnvelope, *, channel: LineChannel) -> CheckedEvents:
        assert channel.secret is not None, "intake loads channels with their secrets"
        accepted: dict[str, MessageReceived] = {}
        rejected = []
        for index, raw_event in enumerate(envelope.events):
            try:
                event = LineEvent.model_validate(raw_event)
                message = normalize_event(
                    event,
                    channel=channel.name,
                    destination=envelope.destination,
                    conversation_key=channel.secret.get_secret_value(),
                )
            except ValidationError as error:
                reasons = [
                    describe_validation_error(error, prefix=("events", i)) for i in (index, 0)
                ]
                rejected.append(_rejected_event(envelope, index, *reasons, reported=True))
                continue
            except UnsupportedEvent as error:
                reasons = [f"events.{i}: {error}" for i in (index, 0)]
                rejected.append(_rejected_event(envelope, index, *reasons, reported=False))
                continue
            accepted.setdefault(message.webhook_event_id, message)
        return CheckedEvents(list(accepted.values()), rejected)

    async def _dead_letter_events(self, rejected: list[RejectedEvent]) -> None:
        for event in rejected:
            await self.dead_letter(event.payload, event.dead_letter_error, event.webhook_event_id)
            log.warning(
                "event_dead_lettered",
                webhook_event_id=event.webhook_event_id,
                index=event.index,
                reported=event.reported,
            )

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


def _rejected_event(
    envelope: WebhookEnvelope, index: int, error: str, dead_letter_error: str, *, reported: bool
) -> RejectedEvent:
    """Build the dead letter of one event: a body with the same destination and that event."""
    raw_event = envelope.events[index]
    body = {"destination": envelope.destination, "events": [raw_event]}
    webhook_event_id = raw_event.get("webhookEventId") if isinstance(raw_event, dict) else None
    if not (isinstance(webhook_event_id, str) and TOKEN_PATTERN.fullmatch(webhook_event_id)):
        webhook_event_id = None
    elif len(webhook_event_id) > ID_LENGTH:
        webhook_event_id = None
    return RejectedEvent(
        index=index,
        error=error,
        dead_letter_error=dead_letter_error,
        payload=json.dumps(body, ensure_ascii=False).encode(),
        webhook_event_id=webhook_event_id,
        reported=reported,
    )


def _rejected(status: int, label: str, message: str) -> Outcome:
    log.warning("webhook_rejected", status=status, outcome=label)
    return Outcome(status, {"error": message}, label)


def _unavailable(label: str) -> Outcome:
    return Outcome(503, {"error": "could not store the events yet; LINE redelivers them"}, label)
