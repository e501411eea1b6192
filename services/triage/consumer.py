"""Kafka transport of triage: classify each received message and publish the result."""

import uuid

import structlog
from faststream.kafka import KafkaBroker
from prometheus_client import Counter

from services.triage.classifier import CLASSIFIER_VERSION, classify
from shared.kafka import publish_event, subscribe_events
from shared.schemas import MessageReceived, MessageTriaged
from shared.schemas.topics import MESSAGE_RECEIVED, MESSAGE_TRIAGED

log = structlog.get_logger()

SERVICE = "triage"
TRIAGED = Counter("triage_messages_total", "Messages classified", ["urgent"])


def triaged_event(message: MessageReceived) -> MessageTriaged:
    result = classify(message.normalized_text)
    return MessageTriaged(
        # Derived from the message's id, so a redelivered message yields the same event.
        event_id=uuid.uuid5(message.event_id, MESSAGE_TRIAGED),
        correlation_id=message.correlation_id,
        message=message,
        topics=result.topics,
        urgent=result.urgent,
        reasons=result.reasons,
        classifier_version=CLASSIFIER_VERSION,
    )


def register(broker: KafkaBroker) -> None:
    async def handle(message: MessageReceived) -> None:
        triaged = triaged_event(message)
        await publish_event(broker, triaged, topic=MESSAGE_TRIAGED, key=message.conversation_id)
        TRIAGED.labels(str(triaged.urgent).lower()).inc()
        log.info(
            "message_triaged",
            conversation_id=message.conversation_id,
            kind=message.kind.value,
            urgent=triaged.urgent,
            topics=[topic.value for topic in triaged.topics],
        )

    subscribe_events(
        broker, topic=MESSAGE_RECEIVED, model=MessageReceived, service=SERVICE, handle=handle
    )
