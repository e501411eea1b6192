"""Turn LINE webhook events into MessageReceived events; pure functions, no I/O."""

import hashlib
import re
import unicodedata
import uuid
from datetime import UTC, datetime

from services.intake.line_webhook import LineEvent, LineSource
from shared.schemas import ChatSource, MessageKind, MessageReceived, SourceType

# Fixed namespace, so the event id of a webhookEventId is the same in every intake process.
EVENT_ID_NAMESPACE = uuid.UUID("5f0c6c1e-8a0b-4d8e-9a59-2f6f3f0c9b11")

MESSAGE_KINDS = {
    "text": MessageKind.TEXT,
    "sticker": MessageKind.STICKER,
    "image": MessageKind.IMAGE,
    "video": MessageKind.VIDEO,
    "audio": MessageKind.AUDIO,
    "file": MessageKind.FILE,
    "location": MessageKind.LOCATION,
}
EVENT_KINDS = {
    "follow": MessageKind.FOLLOW,
    "unfollow": MessageKind.UNFOLLOW,
    "postback": MessageKind.POSTBACK,
}
WHITESPACE_RUN = re.compile(r"\s+")


class UnsupportedEvent(ValueError):
    """An event that carries no chat source, so it belongs to no conversation."""


def normalize_text(text: str) -> str:
    """Apply NFKC (half-width katakana become full-width), then fold runs of whitespace."""
    return WHITESPACE_RUN.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def conversation_id(channel: str, source: ChatSource) -> str:
    """Return a stable id for the chat that is safe to log: it reveals no LINE id."""
    digest = hashlib.sha256(f"{channel}:{source.type}:{source.push_target}".encode()).hexdigest()
    return "cv_" + digest[:24]


def event_id(webhook_event_id: str) -> uuid.UUID:
    return uuid.uuid5(EVENT_ID_NAMESPACE, webhook_event_id)


def to_chat_source(source: LineSource) -> ChatSource:
    chat_source = ChatSource(
        type=SourceType(source.type),
        user_id=source.user_id,
        group_id=source.group_id,
        room_id=source.room_id,
    )
    target_field = {"user": source.user_id, "group": source.group_id, "room": source.room_id}
    if not target_field[source.type]:
        raise UnsupportedEvent(f"source of type {source.type!r} has no {source.type}Id")
    return chat_source


def normalize_event(event: LineEvent, *, channel: str) -> MessageReceived:
    """Return the MessageReceived for one LINE event; raise UnsupportedEvent without a source."""
    if event.source is None:
        raise UnsupportedEvent(f"event of type {event.type!r} has no source")
    source = to_chat_source(event.source)

    kind, text, line_message_id = _content(event)
    return MessageReceived(
        event_id=event_id(event.webhook_event_id),
        correlation_id=event.webhook_event_id,
        channel=channel,
        conversation_id=conversation_id(channel, source),
        webhook_event_id=event.webhook_event_id,
        kind=kind,
        mode=event.mode,
        source=source,
        sent_at=datetime.fromtimestamp(event.timestamp / 1000, tz=UTC),
        is_redelivery=event.delivery_context.is_redelivery,
        reply_token=event.reply_token,
        line_message_id=line_message_id,
        text=text,
        normalized_text=normalize_text(text) if text is not None else None,
    )


def _content(event: LineEvent) -> tuple[MessageKind, str | None, str | None]:
    if event.type == "message" and event.message is not None:
        kind = MESSAGE_KINDS.get(str(event.message.get("type")), MessageKind.UNKNOWN)
        text = event.message.get("text") if kind is MessageKind.TEXT else None
        message_id = event.message.get("id")
        return (
            kind,
            text if isinstance(text, str) else None,
            message_id if isinstance(message_id, str) else None,
        )
    return EVENT_KINDS.get(event.type, MessageKind.UNKNOWN), None, None
