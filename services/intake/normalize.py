"""Turn LINE webhook events into MessageReceived events; pure functions, no I/O."""

import hashlib
import hmac
import re
import unicodedata
import uuid
from datetime import UTC, datetime

from services.intake.line_webhook import LineEvent, LineSource, MessageContent
from shared.schemas import (
    ChatSource,
    LineEmoji,
    Location,
    MediaFile,
    Mention,
    MessageKind,
    MessageReceived,
    Postback,
    SourceType,
    Sticker,
)

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
MEDIA_KINDS = frozenset({MessageKind.IMAGE, MessageKind.VIDEO, MessageKind.AUDIO, MessageKind.FILE})
WHITESPACE_RUN = re.compile(r"\s+")
# U+0000 cannot be stored in PostgreSQL text and a lone surrogate cannot be encoded as
# UTF-8, so both become U+FFFD wherever a person's text is kept.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class UnsupportedEvent(ValueError):
    """An event that carries no usable chat source, so it belongs to no conversation."""


def normalize_text(text: str) -> str:
    """Apply NFKC (half-width katakana become full-width), then fold runs of whitespace."""
    return WHITESPACE_RUN.sub(" ", unicodedata.normalize("NFKC", storable(text))).strip()


def storable(text: str) -> str:
    """Return `text` with the characters no store or encoder accepts replaced by U+FFFD."""
    return UNSTORABLE.sub("\ufffd", text)


def _storable_or_none(text: str | None) -> str | None:
    return None if text is None else storable(text)


def conversation_id(channel: str, source: ChatSource, *, key: str) -> str:
    """Return a stable id for the chat that is safe to log.

    It is an HMAC keyed with the channel secret, so someone who has a LINE user id but not
    the secret cannot find that person's log lines. NOTE: a new channel secret gives new
    conversation ids, so conversations in progress continue as new cases.
    """
    message = f"{channel}:{source.type}:{source.push_target}".encode()
    digest = hmac.new(key.encode(), message, hashlib.sha256).hexdigest()
    return "cv_" + digest[:24]


def event_id(webhook_event_id: str) -> uuid.UUID:
    return uuid.uuid5(EVENT_ID_NAMESPACE, webhook_event_id)


def to_chat_source(source: LineSource) -> ChatSource:
    ids = {"user": source.user_id, "group": source.group_id, "room": source.room_id}
    if not ids[source.type]:
        raise UnsupportedEvent(f"source of type {source.type!r} has no {source.type}Id")
    return ChatSource(
        type=SourceType(source.type),
        user_id=source.user_id,
        group_id=source.group_id,
        room_id=source.room_id,
    )


def normalize_event(
    event: LineEvent, *, channel: str, destination: str, conversation_key: str
) -> MessageReceived:
    """Return the MessageReceived for one LINE event; raise UnsupportedEvent without a source.

    `conversation_key` is the channel secret, which keys the conversation id.
    """
    if event.source is None:
        raise UnsupportedEvent(f"event of type {event.type!r} has no source")
    source = to_chat_source(event.source)
    fields = _event_fields(event) if event.message is None else _message_fields(event.message)
    return MessageReceived(
        event_id=event_id(event.webhook_event_id),
        correlation_id=event.webhook_event_id,
        channel=channel,
        destination=destination,
        conversation_id=conversation_id(channel, source, key=conversation_key),
        webhook_event_id=event.webhook_event_id,
        line_event_type=event.type,
        mode=event.mode,
        source=source,
        sent_at=datetime.fromtimestamp(event.timestamp / 1000, tz=UTC),
        is_redelivery=event.delivery_context.is_redelivery,
        reply_token=event.reply_token,
        **fields,
    )


def _event_fields(event: LineEvent) -> dict:
    kind = EVENT_KINDS.get(event.type, MessageKind.UNKNOWN)
    fields: dict = {"kind": kind}
    if event.follow is not None:
        fields["is_unblocked"] = event.follow.is_unblocked
    if event.postback is not None:
        fields["postback"] = Postback(
            data=storable(event.postback.data),
            params={storable(key): storable(value) for key, value in event.postback.params.items()},
        )
    return fields


def _message_fields(message: MessageContent) -> dict:
    kind = MESSAGE_KINDS.get(message.type, MessageKind.UNKNOWN)
    fields: dict = {"kind": kind, "line_message_id": message.id}
    if kind is MessageKind.TEXT:
        text = message.text or ""
        fields["text"] = storable(text)
        fields["normalized_text"] = normalize_text(text)
        fields["emojis"] = tuple(_emoji(emoji) for emoji in message.emojis)
        if message.mention is not None:
            fields["mentions"] = tuple(_mention(item) for item in message.mention.mentionees)
    elif kind is MessageKind.STICKER:
        fields["sticker"] = Sticker(
            package_id=message.package_id,
            sticker_id=message.sticker_id,
            resource_type=message.sticker_resource_type,
            keywords=tuple(storable(keyword) for keyword in message.keywords),
            text=_storable_or_none(message.text),
        )
    elif kind is MessageKind.LOCATION:
        fields["location"] = Location(
            title=_storable_or_none(message.title),
            address=_storable_or_none(message.address),
            latitude=float(message.latitude),
            longitude=float(message.longitude),
        )
    elif kind in MEDIA_KINDS:
        fields["media"] = MediaFile(
            file_name=_storable_or_none(message.file_name),
            file_size=message.file_size,
            duration_ms=message.duration,
            provider=message.content_provider.type if message.content_provider else None,
        )
    return fields


def _emoji(emoji) -> LineEmoji:
    return LineEmoji(
        index=emoji.index, length=emoji.length, product_id=emoji.product_id, emoji_id=emoji.emoji_id
    )


def _mention(mentionee) -> Mention:
    return Mention(
        index=mentionee.index,
        length=mentionee.length,
        type=mentionee.type,
        user_id=mentionee.user_id,
        is_self=mentionee.is_self,
    )
