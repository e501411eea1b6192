"""Rules of the counselors' queue, free of I/O so that unit tests can cover them directly."""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from shared.schemas import MessageKind, Priority, SourceType, Topic

# LINE's Messaging API counts the length of a text message in UTF-16 code units.
LINE_TEXT_MAX_UTF16_UNITS = 5000

# A follow or unfollow event reports that the person added or blocked the account. It has no
# content to answer, so it updates the conversation row and stores no message and no case.
CONVERSATION_ONLY_KINDS = frozenset({MessageKind.FOLLOW, MessageKind.UNFOLLOW})

_TOPIC_ORDER = {topic.value: index for index, topic in enumerate(Topic)}


class InboundAction(StrEnum):
    """Effect of one inbound event on the desk's tables."""

    NOT_STORED = "not_stored"
    CONVERSATION_ONLY = "conversation_only"
    STORE_WITHOUT_CASE = "store_without_case"
    JOIN_CASE = "join_case"
    REOPEN_CASE = "reopen_case"
    OPEN_CASE = "open_case"


class InvalidReplyText(ValueError):
    """A reply text that LINE would reject or that would send nothing."""


@dataclass(frozen=True)
class CaseUpdate:
    """New values of a case's mutable fields after one inbound message."""

    priority: Priority
    topics: list[str]
    waiting_since: datetime


def choose_inbound_action(
    *,
    kind: MessageKind,
    mode: str,
    source_type: SourceType,
    has_active_case: bool,
    has_reopenable_case: bool = False,
) -> InboundAction:
    """Decide whether an inbound event joins the active case, reopens or opens one, or neither.

    Consultations are one-to-one, so an event from a group or room is not stored at all:
    its members never wrote to the city, and no reply may reach them. A message in standby
    mode arrives while another channel module owns the chat, so it joins a case that is
    already active but never opens or reopens one. `has_reopenable_case` means that the
    conversation's latest case was closed within REOPEN_WINDOW of the message (see
    may_reopen).
    """
    if not is_stored_source(source_type):
        return InboundAction.NOT_STORED
    if kind in CONVERSATION_ONLY_KINDS:
        return InboundAction.CONVERSATION_ONLY
    if has_active_case:
        return InboundAction.JOIN_CASE
    if mode == "standby":
        return InboundAction.STORE_WITHOUT_CASE
    if has_reopenable_case:
        return InboundAction.REOPEN_CASE
    return InboundAction.OPEN_CASE


def is_stored_source(source_type: SourceType) -> bool:
    """Return whether the desk stores events from this source: one-to-one chats only."""
    return source_type is SourceType.USER


def stored_text(*, kind: MessageKind, text: str | None) -> str | None:
    """Return the text to store, which is None for every kind except text."""
    if kind is MessageKind.TEXT:
        return text
    return None


def merge_topics(current: Iterable[str], added: Iterable[str]) -> list[str]:
    """Return the union of two topic lists in the order of the Topic enum.

    Labels that the Topic enum does not contain sort last, so a newer triage version cannot
    make a merge fail.
    """
    labels = set(current) | set(added)
    return sorted(labels, key=lambda label: (_TOPIC_ORDER.get(label, len(_TOPIC_ORDER)), label))


def merge_priority(current: Priority | str, *, urgent: bool) -> Priority:
    """Return urgent if either the current priority or the new message is urgent.

    This function never lowers a priority. Only a counselor or supervisor lowers it, with
    cases.clear_urgent, and the next urgent message from triage makes it urgent again.
    """
    if urgent or Priority(current) is Priority.URGENT:
        return Priority.URGENT
    return Priority.NORMAL


def next_waiting_since(current: datetime | None, *, inbound_sent_at: datetime) -> datetime:
    """Return the time of the oldest unanswered inbound message after one more arrives.

    The earlier of the two times wins, so a message that Kafka delivers late still counts
    from when the person sent it.
    """
    if current is None:
        return inbound_sent_at
    return min(current, inbound_sent_at)


def update_case_for_inbound(
    *,
    priority: Priority | str,
    topics: Iterable[str],
    waiting_since: datetime | None,
    message_topics: Iterable[str],
    urgent: bool,
    sent_at: datetime,
) -> CaseUpdate:
    """Compute a case's priority, topics and waiting_since after an inbound message joins it."""
    return CaseUpdate(
        priority=merge_priority(priority, urgent=urgent),
        topics=merge_topics(topics, message_topics),
        waiting_since=next_waiting_since(waiting_since, inbound_sent_at=sent_at),
    )


def queue_sort_key(
    *, priority: Priority | str, waiting_since: datetime | None, opened_at: datetime
) -> tuple[int, int, datetime, datetime]:
    """Return the sort key of a case in the queue.

    Urgent cases come first, then the oldest waiting_since, then cases with no
    waiting_since, and opened_at breaks ties. case_queries.QUEUE_ORDER_BY is the same order in SQL.
    """
    urgency_rank = 0 if Priority(priority) is Priority.URGENT else 1
    if waiting_since is None:
        return (urgency_rank, 1, opened_at, opened_at)
    return (urgency_rank, 0, waiting_since, opened_at)


def utf16_length(text: str) -> int:
    """Return the length of `text` in UTF-16 code units, as LINE counts it."""
    return len(text.encode("utf-16-le")) // 2


def validate_reply_text(text: str) -> None:
    """Raise InvalidReplyText unless `text` is a visible text that LINE accepts."""
    control = next((char for char in text if _is_forbidden_control(char)), None)
    if control is not None:
        raise InvalidReplyText(
            f"reply text contains the control character U+{ord(control):04X}; remove it"
        )
    if not any(_is_visible(char) for char in text):
        raise InvalidReplyText(
            "reply text is empty or only whitespace or invisible characters; "
            "write at least one visible character"
        )
    length = utf16_length(text)
    if length > LINE_TEXT_MAX_UTF16_UNITS:
        raise InvalidReplyText(
            f"reply text is {length:,} UTF-16 code units long, but LINE accepts at most "
            f"{LINE_TEXT_MAX_UTF16_UNITS:,} per text message; shorten it or send several replies"
        )


def _is_forbidden_control(char: str) -> bool:
    # Line breaks and tabs are part of a chat text; other C0/C1 controls and lone
    # surrogates cannot be stored by PostgreSQL or encoded for LINE.
    category = unicodedata.category(char)
    return (category == "Cc" and char not in "\n\r\t") or category == "Cs"


def _is_visible(char: str) -> bool:
    # Separators (Z*), controls and format characters such as U+200B show nothing.
    return unicodedata.category(char)[0] not in ("Z", "C")


def message_preview(*, kind: str, text: str | None) -> str:
    """Return the text of a message, or "[kind]" (such as "[sticker]") if it has no text."""
    if text is not None:
        return text
    return f"[{kind}]"


# --- case states ----------------------------------------------------------------------


class CaseState(StrEnum):
    """State of a case. Every state except closed puts the case in the queue."""

    OPEN = "open"
    CLAIMED = "claimed"
    WAITING = "waiting"
    CLOSED = "closed"


class CaseMove(StrEnum):
    """A change of a case's state, stored as the `kind` of its desk.case_events row."""

    CLAIM = "claimed"
    RELEASE = "released"
    TRANSFER = "transferred"
    REPLY = "reply_queued"
    INBOUND = "person_wrote"
    CLOSE = "closed"
    REOPEN = "reopened"


# The allowed moves: (previous state, new state) -> the moves that may make that change.
# A pair missing here, or a move missing from a pair's set, is forbidden.
CASE_MOVES: dict[tuple[CaseState, CaseState], frozenset[CaseMove]] = {
    (CaseState.OPEN, CaseState.CLAIMED): frozenset({CaseMove.CLAIM}),
    (CaseState.OPEN, CaseState.CLOSED): frozenset({CaseMove.CLOSE}),
    (CaseState.CLAIMED, CaseState.CLAIMED): frozenset({CaseMove.TRANSFER}),
    (CaseState.CLAIMED, CaseState.WAITING): frozenset({CaseMove.REPLY}),
    (CaseState.CLAIMED, CaseState.OPEN): frozenset({CaseMove.RELEASE}),
    (CaseState.CLAIMED, CaseState.CLOSED): frozenset({CaseMove.CLOSE}),
    (CaseState.WAITING, CaseState.WAITING): frozenset({CaseMove.REPLY, CaseMove.TRANSFER}),
    (CaseState.WAITING, CaseState.CLAIMED): frozenset({CaseMove.INBOUND}),
    (CaseState.WAITING, CaseState.OPEN): frozenset({CaseMove.RELEASE}),
    (CaseState.WAITING, CaseState.CLOSED): frozenset({CaseMove.CLOSE}),
    (CaseState.CLOSED, CaseState.OPEN): frozenset({CaseMove.REOPEN}),
}

# The state each move leads to. A transfer keeps the state and changes the claimant.
MOVE_TARGETS: dict[CaseMove, CaseState | None] = {
    CaseMove.CLAIM: CaseState.CLAIMED,
    CaseMove.RELEASE: CaseState.OPEN,
    CaseMove.TRANSFER: None,
    CaseMove.REPLY: CaseState.WAITING,
    CaseMove.INBOUND: CaseState.CLAIMED,
    CaseMove.CLOSE: CaseState.CLOSED,
    CaseMove.REOPEN: CaseState.OPEN,
}

# Reopening rule: an inbound message sent at most this long after its conversation's latest
# case was closed reopens that case. The case goes from closed to open, unclaimed and back in
# the queue. A later message opens a new case. Counselors work on weekday evenings, so a
# person who writes back the next evening usually continues the same consultation.
REOPEN_WINDOW = timedelta(hours=24)


class ForbiddenMove(Exception):
    """A state change that CASE_MOVES does not allow. The API returns it as 409."""

    def __init__(
        self,
        case_id: object,
        previous: CaseState,
        new: CaseState,
        move: CaseMove,
        *,
        message: str | None = None,
    ) -> None:
        super().__init__(
            message
            or f"cannot move case {case_id} from '{previous}' to '{new}' ({move_verb(move)}); "
            f"{describe_allowed_moves(previous)}"
        )
        self.case_id = case_id
        self.previous = previous
        self.new = new
        self.move = move


class CaseAlreadyClaimed(ForbiddenMove):
    """A claim of a case that another account holds."""

    def __init__(self, case_id: object, previous: CaseState, claimant_name: str) -> None:
        message = (
            f"case {case_id} is already claimed by {claimant_name}, so it cannot move from "
            f"'{previous}' to 'claimed' again; ask {claimant_name} to release it or a "
            "supervisor to transfer it"
        )
        super().__init__(case_id, previous, CaseState.CLAIMED, CaseMove.CLAIM, message=message)


class NotPermitted(Exception):
    """An account that may not act on this case. The API returns it as 403."""


def move_verb(move: CaseMove) -> str:
    """Return the verb of `move` as the API names it, such as "claim" or "reply"."""
    return move.name.lower()


def describe_allowed_moves(previous: CaseState) -> str:
    """Return a sentence listing the moves allowed from `previous`, for error messages."""
    allowed = [
        f"{move_verb(move)} to '{new}'"
        for (start, new), moves in CASE_MOVES.items()
        if start is previous
        for move in sorted(moves)
    ]
    if not allowed:
        return f"no move leaves '{previous}'"
    return f"from '{previous}' the allowed moves are: " + ", ".join(allowed)


def check_move(*, case_id: object, previous: CaseState, new: CaseState, move: CaseMove) -> None:
    """Raise ForbiddenMove unless CASE_MOVES allows `move` from `previous` to `new`."""
    if move not in CASE_MOVES.get((previous, new), frozenset()):
        raise ForbiddenMove(case_id, previous, new, move)


def next_state(*, case_id: object, current: CaseState | str, move: CaseMove) -> CaseState:
    """Return the state that `move` leads to from `current`, or raise ForbiddenMove."""
    previous = CaseState(current)
    new = MOVE_TARGETS[move] or previous
    check_move(case_id=case_id, previous=previous, new=new, move=move)
    return new


def may_reopen(*, closed_at: datetime, sent_at: datetime) -> bool:
    """Return whether a message sent at `sent_at` reopens a case closed at `closed_at`.

    A message sent before the close counts too, because Kafka may deliver it late and a
    counselor still has to read it.
    """
    return sent_at <= closed_at + REOPEN_WINDOW


# --- accounts acting on cases -----------------------------------------------------------


class Role(StrEnum):
    """Role of a desk account, which decides what its API calls may do."""

    COUNSELOR = "counselor"
    SUPERVISOR = "supervisor"
    CITY = "city"


def check_case_actor(
    *,
    case_id: object,
    move: CaseMove,
    role: Role,
    account_id: UUID,
    claimant_id: UUID | None,
    claimant_name: str | None,
) -> None:
    """Raise NotPermitted unless the account may make `move` on the case.

    A supervisor may act on any case. A counselor may claim a case, and may release,
    transfer, reply to or close only a case that they have claimed.
    """
    _check_claimant_or_supervisor(
        case_id=case_id,
        verb=move_verb(move),
        any_counselor_may=move is CaseMove.CLAIM,
        role=role,
        account_id=account_id,
        claimant_id=claimant_id,
        claimant_name=claimant_name,
    )


def check_urgent_clearer(
    *,
    case_id: object,
    role: Role,
    account_id: UUID,
    claimant_id: UUID | None,
    claimant_name: str | None,
) -> None:
    """Raise NotPermitted unless the account may clear the urgent flag of the case.

    A supervisor may clear it on any case, and a counselor only on a case that they have
    claimed, because the claimant is the counselor in contact with the person.
    """
    _check_claimant_or_supervisor(
        case_id=case_id,
        verb=URGENT_CLEAR_VERB,
        any_counselor_may=False,
        role=role,
        account_id=account_id,
        claimant_id=claimant_id,
        claimant_name=claimant_name,
    )


def _check_claimant_or_supervisor(
    *,
    case_id: object,
    verb: str,
    any_counselor_may: bool,
    role: Role,
    account_id: UUID,
    claimant_id: UUID | None,
    claimant_name: str | None,
) -> None:
    if role is Role.SUPERVISOR:
        return
    if role is not Role.COUNSELOR:
        raise NotPermitted(f"role '{role}' may not {verb} cases; a counselor or supervisor may")
    if any_counselor_may or claimant_id == account_id:
        return
    if claimant_id is None:
        raise NotPermitted(
            f"case {case_id} is not claimed, and only a supervisor may {verb} an unclaimed "
            "case; claim it first"
        )
    raise NotPermitted(
        f"case {case_id} is claimed by {claimant_name}; only the claimant or a supervisor "
        f"may {verb} it"
    )


# --- clearing the urgent flag -----------------------------------------------------------

# Verb of the clear in NotPermitted messages, which read "may not <verb> cases".
URGENT_CLEAR_VERB = "clear the urgent flag of"

# Maximum length of the reason for a clear, in characters (code points). The reason is
# stored in the audit log, so it is a short justification, not a case note.
URGENT_CLEAR_REASON_MAX_CHARS = 500


class InvalidUrgentClearReason(ValueError):
    """A reason for clearing the urgent flag that is blank, too long or has a control character."""


class UrgentClearConflict(Exception):
    """A clear of the urgent flag on a closed case or a case that is not urgent.

    The API returns it as 409.
    """


def validate_urgent_clear_reason(reason: str) -> str:
    """Return `reason` without surrounding whitespace, or raise InvalidUrgentClearReason.

    The reason must contain a visible character, no control character except line breaks
    and tabs, and at most URGENT_CLEAR_REASON_MAX_CHARS characters.
    """
    control = next((char for char in reason if _is_forbidden_control(char)), None)
    if control is not None:
        raise InvalidUrgentClearReason(
            f"reason contains the control character U+{ord(control):04X}; remove it"
        )
    stripped = reason.strip()
    if not any(_is_visible(char) for char in stripped):
        raise InvalidUrgentClearReason(
            "reason is empty or only whitespace or invisible characters; write why the "
            "urgent flag no longer applies"
        )
    if len(stripped) > URGENT_CLEAR_REASON_MAX_CHARS:
        raise InvalidUrgentClearReason(
            f"reason is {len(stripped):,} characters long, but at most "
            f"{URGENT_CLEAR_REASON_MAX_CHARS:,} are allowed; shorten it"
        )
    return stripped


def check_urgent_clear(
    *,
    case_id: object,
    state: CaseState | str,
    case_priority: Priority | str,
    conversation_priority: Priority | str,
) -> None:
    """Raise UrgentClearConflict unless the case is active and it or its conversation is urgent.

    A closed case is rejected because no counselor holds it. The case that the conversation's next
    message opens or reopens takes the conversation's priority, and can be cleared then.
    """
    if CaseState(state) is CaseState.CLOSED:
        raise UrgentClearConflict(
            f"case {case_id} is closed, so its urgent flag cannot be cleared; clear it on the "
            "case that the conversation's next message opens or reopens"
        )
    if Priority.URGENT not in (Priority(case_priority), Priority(conversation_priority)):
        raise UrgentClearConflict(
            f"case {case_id} is not urgent, and neither is its conversation, so there is no "
            "urgent flag to clear; reload the case to see its current priority"
        )
