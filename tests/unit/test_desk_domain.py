"""Rules of the desk's queue: case decisions, merging, queue order and reply length."""

from datetime import UTC, datetime, timedelta

import pytest

from services.desk import domain
from services.desk.domain import InboundAction, InvalidReplyText
from shared.schemas import MessageKind, Priority, SourceType, Topic

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("kind", "mode", "has_active_case", "expected"),
    [
        (MessageKind.TEXT, "active", False, InboundAction.OPEN_CASE),
        (MessageKind.TEXT, "active", True, InboundAction.JOIN_CASE),
        (MessageKind.STICKER, "active", False, InboundAction.OPEN_CASE),
        (MessageKind.IMAGE, "active", True, InboundAction.JOIN_CASE),
        (MessageKind.TEXT, "standby", False, InboundAction.STORE_WITHOUT_CASE),
        (MessageKind.TEXT, "standby", True, InboundAction.JOIN_CASE),
        (MessageKind.FOLLOW, "active", False, InboundAction.CONVERSATION_ONLY),
        (MessageKind.FOLLOW, "active", True, InboundAction.CONVERSATION_ONLY),
        (MessageKind.UNFOLLOW, "active", True, InboundAction.CONVERSATION_ONLY),
    ],
)
def test_inbound_action(
    kind: MessageKind, mode: str, has_active_case: bool, expected: InboundAction
) -> None:
    action = domain.choose_inbound_action(
        kind=kind, mode=mode, source_type=SourceType.USER, has_active_case=has_active_case
    )
    assert action is expected


@pytest.mark.parametrize("source_type", [SourceType.GROUP, SourceType.ROOM])
@pytest.mark.parametrize("has_active_case", [False, True])
@pytest.mark.parametrize("kind", [MessageKind.TEXT, MessageKind.FOLLOW])
@pytest.mark.parametrize("mode", ["active", "standby"])
def test_group_event_not_stored(
    source_type: SourceType, has_active_case: bool, kind: MessageKind, mode: str
) -> None:
    """An event from a group or room is not stored, so no text or group id stays behind."""
    action = domain.choose_inbound_action(
        kind=kind,
        mode=mode,
        source_type=source_type,
        has_active_case=has_active_case,
        has_reopenable_case=True,
    )
    assert action is InboundAction.NOT_STORED


@pytest.mark.parametrize(
    "text",
    ["a\u0000b", "\u200b", "\u200b\u3000 ", "\ud800"],
    ids=["nul", "zwsp", "blank", "surrogate"],
)
def test_reply_text_invisible_or_control_rejected(text: str) -> None:
    """Control characters and texts with nothing visible are rejected before storing."""
    with pytest.raises(InvalidReplyText):
        domain.validate_reply_text(text)


def test_reply_text_line_breaks_accepted() -> None:
    """Line breaks and tabs belong in a chat text."""
    domain.validate_reply_text("こんばんは。\n\tお話を聞かせてください。\r\n")


def test_stored_text_only_for_text_kind() -> None:
    assert domain.stored_text(kind=MessageKind.TEXT, text="こんにちは") == "こんにちは"
    assert domain.stored_text(kind=MessageKind.STICKER, text="ignored") is None
    assert domain.stored_text(kind=MessageKind.IMAGE, text=None) is None


def test_merge_topics_union_in_enum_order() -> None:
    merged = domain.merge_topics([Topic.LEGAL.value], [Topic.FAMILY.value, Topic.LEGAL.value])
    assert merged == [Topic.FAMILY.value, Topic.LEGAL.value]


def test_merge_topics_unknown_label_last() -> None:
    merged = domain.merge_topics(["未知の分類"], [Topic.DIVORCE.value])
    assert merged == [Topic.DIVORCE.value, "未知の分類"]


def test_merge_priority_never_lowers() -> None:
    assert domain.merge_priority(Priority.NORMAL, urgent=False) is Priority.NORMAL
    assert domain.merge_priority(Priority.NORMAL, urgent=True) is Priority.URGENT
    assert domain.merge_priority("urgent", urgent=False) is Priority.URGENT


def test_waiting_since_set_when_empty() -> None:
    assert domain.next_waiting_since(None, inbound_sent_at=T0) == T0


def test_waiting_since_keeps_oldest() -> None:
    later = T0 + timedelta(minutes=5)
    assert domain.next_waiting_since(T0, inbound_sent_at=later) == T0
    assert domain.next_waiting_since(later, inbound_sent_at=T0) == T0


def test_update_case_for_inbound() -> None:
    update = domain.update_case_for_inbound(
        priority=Priority.URGENT,
        topics=[Topic.WORK.value],
        waiting_since=None,
        message_topics=[Topic.LONELINESS.value],
        urgent=False,
        sent_at=T0,
    )
    assert update.priority is Priority.URGENT
    assert update.topics == [Topic.WORK.value, Topic.LONELINESS.value]
    assert update.waiting_since == T0


def test_queue_order_urgent_then_oldest_wait() -> None:
    cases = {
        "normal_old": (Priority.NORMAL, T0, T0),
        "normal_new": (Priority.NORMAL, T0 + timedelta(minutes=10), T0),
        "normal_answered": (Priority.NORMAL, None, T0 - timedelta(hours=1)),
        "normal_answered_later": (Priority.NORMAL, None, T0),
        "urgent_new": (Priority.URGENT, T0 + timedelta(minutes=30), T0),
        "urgent_answered": (Priority.URGENT, None, T0 - timedelta(hours=2)),
        "urgent_old": (Priority.URGENT, T0 + timedelta(minutes=1), T0 + timedelta(minutes=1)),
    }
    ordered = sorted(
        cases,
        key=lambda name: domain.queue_sort_key(
            priority=cases[name][0], waiting_since=cases[name][1], opened_at=cases[name][2]
        ),
    )
    assert ordered == [
        "urgent_old",
        "urgent_new",
        "urgent_answered",
        "normal_old",
        "normal_new",
        "normal_answered",
        "normal_answered_later",
    ]


def test_queue_order_ties_broken_by_opened_at() -> None:
    first = domain.queue_sort_key(priority="normal", waiting_since=T0, opened_at=T0)
    second = domain.queue_sort_key(
        priority="normal", waiting_since=T0, opened_at=T0 + timedelta(seconds=1)
    )
    assert first < second


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("abc", 3),
        ("こんにちは", 5),
        ("😀", 2),  # a character outside the Basic Multilingual Plane is a surrogate pair
        ("a😀b", 4),
    ],
)
def test_utf16_length(text: str, expected: int) -> None:
    assert domain.utf16_length(text) == expected


def test_reply_text_at_limit_accepted() -> None:
    domain.validate_reply_text("あ" * domain.LINE_TEXT_MAX_UTF16_UNITS)
    domain.validate_reply_text("😀" * (domain.LINE_TEXT_MAX_UTF16_UNITS // 2))


def test_reply_text_over_limit_rejected() -> None:
    with pytest.raises(InvalidReplyText, match="5,001 UTF-16 code units") as error:
        domain.validate_reply_text("a" * (domain.LINE_TEXT_MAX_UTF16_UNITS + 1))
    assert "at most 5,000" in str(error.value)


def test_reply_text_surrogates_counted() -> None:
    # 2,501 emoji are 2,501 code points but 5,002 UTF-16 code units.
    with pytest.raises(InvalidReplyText, match="5,002 UTF-16 code units"):
        domain.validate_reply_text("😀" * 2501)


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u3000"])
def test_reply_text_blank_rejected(text: str) -> None:
    with pytest.raises(InvalidReplyText, match="empty"):
        domain.validate_reply_text(text)


def test_message_preview() -> None:
    assert domain.message_preview(kind="text", text="元気です") == "元気です"
    assert domain.message_preview(kind="sticker", text=None) == "[sticker]"
    assert domain.message_preview(kind="image", text=None) == "[image]"


# --- clearing the urgent flag -----------------------------------------------------------


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("本人と話して危険がないと確かめた", "本人と話して危険がないと確かめた"),
        ("  前後の空白は除く\n", "前後の空白は除く"),
        ("一行目\n二行目\tタブ", "一行目\n二行目\tタブ"),
        ("あ" * domain.URGENT_CLEAR_REASON_MAX_CHARS, "あ" * domain.URGENT_CLEAR_REASON_MAX_CHARS),
        (
            " " + "x" * domain.URGENT_CLEAR_REASON_MAX_CHARS + " ",
            "x" * domain.URGENT_CLEAR_REASON_MAX_CHARS,
        ),
    ],
    ids=["plain", "surrounding-spaces", "line-breaks", "at-limit", "at-limit-after-strip"],
)
def test_clear_reason_accepted(reason: str, expected: str) -> None:
    assert domain.validate_urgent_clear_reason(reason) == expected


@pytest.mark.parametrize(
    ("reason", "expected_words"),
    [
        ("", "reason is empty or only whitespace"),
        ("  \n\t", "reason is empty or only whitespace"),
        ("\u3000", "reason is empty or only whitespace"),
        ("\u200b", "reason is empty or only whitespace or invisible characters"),
        ("理由\x07", "control character U+0007"),
        ("理由\ud800", "control character U+D800"),
        ("あ" * 501, "reason is 501 characters long, but at most 500 are allowed"),
        ("😀" * 501, "reason is 501 characters long"),
    ],
    ids=[
        "empty",
        "whitespace",
        "ideographic-space",
        "zero-width-space",
        "bell",
        "lone-surrogate",
        "too-long",
        "too-long-astral",
    ],
)
def test_clear_reason_rejected(reason: str, expected_words: str) -> None:
    with pytest.raises(domain.InvalidUrgentClearReason) as raised:
        domain.validate_urgent_clear_reason(reason)

    assert expected_words in str(raised.value)


@pytest.mark.parametrize(
    ("state", "case_priority", "conversation_priority"),
    [
        ("open", "urgent", "urgent"),
        ("claimed", "urgent", "urgent"),
        ("waiting", "urgent", "urgent"),
        ("claimed", "normal", "urgent"),
        ("claimed", "urgent", "normal"),
    ],
)
def test_urgent_clear_allowed(state: str, case_priority: str, conversation_priority: str) -> None:
    domain.check_urgent_clear(
        case_id="case-1",
        state=state,
        case_priority=case_priority,
        conversation_priority=conversation_priority,
    )


def test_urgent_clear_not_urgent_rejected() -> None:
    with pytest.raises(domain.UrgentClearConflict, match="case case-1 is not urgent"):
        domain.check_urgent_clear(
            case_id="case-1",
            state="claimed",
            case_priority=Priority.NORMAL,
            conversation_priority=Priority.NORMAL,
        )


@pytest.mark.parametrize("priority", ["urgent", "normal"])
def test_urgent_clear_closed_rejected(priority: str) -> None:
    with pytest.raises(domain.UrgentClearConflict, match="case case-1 is closed"):
        domain.check_urgent_clear(
            case_id="case-1",
            state="closed",
            case_priority=priority,
            conversation_priority=priority,
        )


def test_merge_priority_after_clear() -> None:
    """A cleared priority stays normal until the next urgent message."""
    cleared = Priority.NORMAL

    assert domain.merge_priority(cleared, urgent=False) is Priority.NORMAL
    assert domain.merge_priority(cleared, urgent=True) is Priority.URGENT
