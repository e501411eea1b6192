"""Case states: the table of allowed moves, who may make them, and the reopening rule."""

import itertools
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from services.desk import domain
from services.desk.domain import (
    CASE_MOVES,
    CaseAlreadyClaimed,
    CaseMove,
    CaseState,
    ForbiddenMove,
    InboundAction,
    NotPermitted,
    Role,
)
from shared.schemas import MessageKind, SourceType

CASE_ID = "11111111-2222-3333-4444-555555555555"
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

ALLOWED = [
    (previous, new, move) for (previous, new), moves in CASE_MOVES.items() for move in sorted(moves)
]
FORBIDDEN = [
    (previous, new, move)
    for previous, new, move in itertools.product(CaseState, CaseState, CaseMove)
    if move not in CASE_MOVES.get((previous, new), frozenset())
]
PAIRS_NOT_IN_TABLE = [
    (previous, new)
    for previous, new in itertools.product(CaseState, CaseState)
    if (previous, new) not in CASE_MOVES
]


def _ids(cases: list[tuple]) -> list[str]:
    return ["-".join(str(part) for part in case) for case in cases]


def test_table_covers_expected_pairs() -> None:
    """The table has the documented moves and leaves exactly these pairs out."""
    assert len(ALLOWED) == 12
    assert set(PAIRS_NOT_IN_TABLE) == {
        (CaseState.OPEN, CaseState.OPEN),
        (CaseState.OPEN, CaseState.WAITING),
        (CaseState.CLOSED, CaseState.CLAIMED),
        (CaseState.CLOSED, CaseState.WAITING),
        (CaseState.CLOSED, CaseState.CLOSED),
    }


@pytest.mark.parametrize(("previous", "new", "move"), FORBIDDEN, ids=_ids(FORBIDDEN))
def test_forbidden_move_names_both_states(
    previous: CaseState, new: CaseState, move: CaseMove
) -> None:
    """Every (previous, new, move) outside the table is rejected, naming both states."""
    with pytest.raises(ForbiddenMove) as error:
        domain.check_move(case_id=CASE_ID, previous=previous, new=new, move=move)

    message = str(error.value)
    assert f"from '{previous}'" in message
    assert f"to '{new}'" in message
    assert CASE_ID in message
    assert error.value.previous is previous
    assert error.value.new is new


@pytest.mark.parametrize(("previous", "new"), PAIRS_NOT_IN_TABLE, ids=_ids(PAIRS_NOT_IN_TABLE))
@pytest.mark.parametrize("move", list(CaseMove))
def test_unlisted_pair_rejects_every_move(
    previous: CaseState, new: CaseState, move: CaseMove
) -> None:
    with pytest.raises(ForbiddenMove, match=f"from '{previous}' to '{new}'"):
        domain.check_move(case_id=CASE_ID, previous=previous, new=new, move=move)


@pytest.mark.parametrize(("previous", "new", "move"), ALLOWED, ids=_ids(ALLOWED))
def test_allowed_move_accepted(previous: CaseState, new: CaseState, move: CaseMove) -> None:
    domain.check_move(case_id=CASE_ID, previous=previous, new=new, move=move)
    assert domain.next_state(case_id=CASE_ID, current=previous, move=move) is new


@pytest.mark.parametrize(
    ("current", "move", "expected"),
    [
        ("open", CaseMove.CLAIM, CaseState.CLAIMED),
        ("claimed", CaseMove.REPLY, CaseState.WAITING),
        ("waiting", CaseMove.REPLY, CaseState.WAITING),
        ("waiting", CaseMove.INBOUND, CaseState.CLAIMED),
        ("claimed", CaseMove.TRANSFER, CaseState.CLAIMED),
        ("waiting", CaseMove.TRANSFER, CaseState.WAITING),
        ("waiting", CaseMove.RELEASE, CaseState.OPEN),
        ("open", CaseMove.CLOSE, CaseState.CLOSED),
        ("closed", CaseMove.REOPEN, CaseState.OPEN),
    ],
)
def test_next_state(current: str, move: CaseMove, expected: CaseState) -> None:
    assert domain.next_state(case_id=CASE_ID, current=current, move=move) is expected


def test_claim_of_closed_case_message() -> None:
    """The message names both states and lists what the current state allows."""
    with pytest.raises(ForbiddenMove) as error:
        domain.next_state(case_id=CASE_ID, current="closed", move=CaseMove.CLAIM)

    assert str(error.value) == (
        f"cannot move case {CASE_ID} from 'closed' to 'claimed' (claim); "
        "from 'closed' the allowed moves are: reopen to 'open'"
    )


def test_reply_open_case_needs_claim() -> None:
    with pytest.raises(ForbiddenMove) as error:
        domain.next_state(case_id=CASE_ID, current="open", move=CaseMove.REPLY)

    assert "from 'open' to 'waiting' (reply)" in str(error.value)
    assert "claim to 'claimed'" in str(error.value)


def test_every_active_state_can_close() -> None:
    for state in (CaseState.OPEN, CaseState.CLAIMED, CaseState.WAITING):
        assert domain.next_state(case_id=CASE_ID, current=state, move=CaseMove.CLOSE) is (
            CaseState.CLOSED
        )


def test_already_claimed_names_claimant_and_states() -> None:
    error = CaseAlreadyClaimed(CASE_ID, CaseState.WAITING, "佐藤")

    assert isinstance(error, ForbiddenMove)
    assert "already claimed by 佐藤" in str(error)
    assert "from 'waiting' to 'claimed'" in str(error)


# --- who may act ----------------------------------------------------------------------

ME = uuid4()
OTHER = uuid4()


@pytest.mark.parametrize(
    ("role", "move", "claimant", "allowed"),
    [
        (Role.COUNSELOR, CaseMove.CLAIM, None, True),
        (Role.COUNSELOR, CaseMove.REPLY, ME, True),
        (Role.COUNSELOR, CaseMove.RELEASE, ME, True),
        (Role.COUNSELOR, CaseMove.TRANSFER, ME, True),
        (Role.COUNSELOR, CaseMove.CLOSE, ME, True),
        (Role.COUNSELOR, CaseMove.REPLY, OTHER, False),
        (Role.COUNSELOR, CaseMove.RELEASE, OTHER, False),
        (Role.COUNSELOR, CaseMove.TRANSFER, OTHER, False),
        (Role.COUNSELOR, CaseMove.CLOSE, OTHER, False),
        (Role.COUNSELOR, CaseMove.CLOSE, None, False),
        (Role.SUPERVISOR, CaseMove.CLOSE, None, True),
        (Role.SUPERVISOR, CaseMove.REPLY, OTHER, True),
        (Role.SUPERVISOR, CaseMove.TRANSFER, OTHER, True),
        (Role.SUPERVISOR, CaseMove.RELEASE, OTHER, True),
        (Role.CITY, CaseMove.CLAIM, None, False),
        (Role.CITY, CaseMove.CLOSE, ME, False),
    ],
)
def test_case_actor_rules(role: Role, move: CaseMove, claimant: object, allowed: bool) -> None:
    def check() -> None:
        domain.check_case_actor(
            case_id=CASE_ID,
            move=move,
            role=role,
            account_id=ME,
            claimant_id=claimant,
            claimant_name="佐藤" if claimant else None,
        )

    if allowed:
        check()
    else:
        with pytest.raises(NotPermitted):
            check()


def test_other_claimant_named_in_error() -> None:
    with pytest.raises(NotPermitted, match="claimed by 佐藤; only the claimant or a supervisor"):
        domain.check_case_actor(
            case_id=CASE_ID,
            move=CaseMove.REPLY,
            role=Role.COUNSELOR,
            account_id=ME,
            claimant_id=OTHER,
            claimant_name="佐藤",
        )


@pytest.mark.parametrize(
    ("role", "claimant", "allowed"),
    [
        (Role.COUNSELOR, ME, True),
        (Role.COUNSELOR, None, False),
        (Role.COUNSELOR, OTHER, False),
        (Role.SUPERVISOR, None, True),
        (Role.SUPERVISOR, ME, True),
        (Role.SUPERVISOR, OTHER, True),
        (Role.CITY, None, False),
        (Role.CITY, ME, False),
    ],
)
def test_urgent_clearer_rules(role: Role, claimant: object, allowed: bool) -> None:
    def check() -> None:
        domain.check_urgent_clearer(
            case_id=CASE_ID,
            role=role,
            account_id=ME,
            claimant_id=claimant,
            claimant_name="佐藤" if claimant else None,
        )

    if allowed:
        check()
    else:
        with pytest.raises(NotPermitted):
            check()


@pytest.mark.parametrize(
    ("role", "claimant", "expected"),
    [
        (
            Role.COUNSELOR,
            None,
            f"case {CASE_ID} is not claimed, and only a supervisor may clear the urgent flag of "
            "an unclaimed case; claim it first",
        ),
        (
            Role.COUNSELOR,
            OTHER,
            f"case {CASE_ID} is claimed by 佐藤; only the claimant or a supervisor may clear the "
            "urgent flag of it",
        ),
        (
            Role.CITY,
            None,
            "role 'city' may not clear the urgent flag of cases; a counselor or supervisor may",
        ),
    ],
    ids=["unclaimed", "other-claimant", "city"],
)
def test_urgent_clearer_messages(role: Role, claimant: object, expected: str) -> None:
    with pytest.raises(NotPermitted) as raised:
        domain.check_urgent_clearer(
            case_id=CASE_ID,
            role=role,
            account_id=ME,
            claimant_id=claimant,
            claimant_name="佐藤" if claimant else None,
        )

    assert str(raised.value) == expected


# --- reopening ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent_after_close", "reopens"),
    [
        (-timedelta(hours=1), True),
        (timedelta(0), True),
        (domain.REOPEN_WINDOW, True),
        (domain.REOPEN_WINDOW + timedelta(microseconds=1), False),
        (timedelta(days=30), False),
    ],
)
def test_reopen_window(sent_after_close: timedelta, reopens: bool) -> None:
    assert domain.may_reopen(closed_at=T0, sent_at=T0 + sent_after_close) is reopens


@pytest.mark.parametrize(
    ("mode", "source_type", "expected"),
    [
        ("active", SourceType.USER, InboundAction.REOPEN_CASE),
        ("standby", SourceType.USER, InboundAction.STORE_WITHOUT_CASE),
        ("active", SourceType.GROUP, InboundAction.NOT_STORED),
    ],
)
def test_reopenable_case_action(
    mode: str, source_type: SourceType, expected: InboundAction
) -> None:
    action = domain.choose_inbound_action(
        kind=MessageKind.TEXT,
        mode=mode,
        source_type=source_type,
        has_active_case=False,
        has_reopenable_case=True,
    )
    assert action is expected


def test_follow_never_reopens() -> None:
    action = domain.choose_inbound_action(
        kind=MessageKind.FOLLOW,
        mode="active",
        source_type=SourceType.USER,
        has_active_case=False,
        has_reopenable_case=True,
    )
    assert action is InboundAction.CONVERSATION_ONLY
