"""Intake's pure parts: signatures, text normalization and event normalization."""

import pytest

from deploy import replay
from services.intake.line_webhook import WebhookBody
from services.intake.normalize import conversation_id, event_id, normalize_event, normalize_text
from shared.line_signature import is_valid_signature, sign
from shared.schemas import ChatSource, MessageKind, SourceType

SECRET = "0123456789abcdef0123456789abcdef"


def test_signature_matches_replay_tool() -> None:
    """The signature intake checks is the one the replay tool sends."""
    body = b'{"destination":"U0","events":[]}'
    assert is_valid_signature(body, replay.sign(body, SECRET), SECRET)


def test_signature_rejects_changed_body() -> None:
    """One changed byte invalidates the signature."""
    body = b'{"destination":"U0","events":[]}'
    assert not is_valid_signature(body + b" ", sign(body, SECRET), SECRET)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ｼｺﾞﾄ ﾂﾗｲ", "シゴト ツライ"),
        ("  毎日が\u3000\u3000つらい \n", "毎日が つらい"),
        ("ＡＢＣ１２３", "ABC123"),
        ("つらい😢", "つらい😢"),
    ],
    ids=["half-width-katakana", "whitespace", "full-width-ascii", "emoji-kept"],
)
def test_normalize_text(raw: str, expected: str) -> None:
    """NFKC widens half-width katakana and narrows full-width ASCII; emoji stay."""
    assert normalize_text(raw) == expected


def test_text_event_normalized_field_by_field() -> None:
    """Every field of a text event lands in the shared message schema."""
    user_id = replay.line_user_id("p01")
    raw_event = replay.build_text_event(
        "ｼｺﾞﾄがうまくいかない",
        user_id,
        1_771_232_700_000,
        message_id="468789577898262530",
        reply_token="38ef843bde154d9b91c21320ffd17a0f",
        webhook_event_id="01HZXC6C3Y4K5M6N7P8Q9R0S1T",
    )
    body = WebhookBody.model_validate({"destination": "U" + "0" * 32, "events": [raw_event]})

    message = normalize_event(
        body.events[0], channel="consultation", destination="U" + "0" * 32, conversation_key=SECRET
    )

    assert message.kind is MessageKind.TEXT
    assert message.text == "ｼｺﾞﾄがうまくいかない"
    assert message.normalized_text == "シゴトがうまくいかない"
    assert message.source == ChatSource(type=SourceType.USER, user_id=user_id)
    assert message.webhook_event_id == "01HZXC6C3Y4K5M6N7P8Q9R0S1T"
    assert message.event_id == event_id("01HZXC6C3Y4K5M6N7P8Q9R0S1T")
    assert message.correlation_id == "01HZXC6C3Y4K5M6N7P8Q9R0S1T"
    assert message.reply_token == "38ef843bde154d9b91c21320ffd17a0f"
    assert message.line_message_id == "468789577898262530"
    assert message.sent_at.timestamp() == 1_771_232_700
    assert message.mode == "active"
    assert message.is_redelivery is False
    assert message.channel == "consultation"
    assert message.conversation_id == conversation_id("consultation", message.source, key=SECRET)


def test_conversation_id_hides_user_id() -> None:
    """The conversation id is stable, keyed, and does not contain the LINE user id."""
    source = ChatSource(type=SourceType.USER, user_id=replay.line_user_id("p02"))
    first = conversation_id("consultation", source, key=SECRET)
    assert first == conversation_id("consultation", source, key=SECRET)
    assert source.user_id not in first
    assert first != conversation_id("parents", source, key=SECRET)
    assert first != conversation_id("consultation", source, key="another secret")
