"""Rules of automatic replies and of the urgent_unclaimed alert, without a database."""

from datetime import datetime, timedelta

import pytest

from services.desk.hours.calendar import TOKYO, ChannelSchedules, DeskCalendar
from services.desk.hours.rules import automatic_reply_for, is_unclaimed, unclaimed_alert_period
from services.desk.hours.schedule import parse_schedule
from services.desk.hours.texts import AutomaticReply
from shared.schemas import SourceType

CALENDAR = DeskCalendar(schedules=ChannelSchedules(default=parse_schedule("mon-fri 18:00-21:00")))
WINDOW = timedelta(minutes=5)


def jst(month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=TOKYO)


@pytest.mark.parametrize(
    ("open_now", "urgent", "source_type", "mode", "expected"),
    [
        (False, False, SourceType.USER, "active", AutomaticReply.AFTER_HOURS),
        (False, True, SourceType.USER, "active", AutomaticReply.CRISIS),
        (True, False, SourceType.USER, "active", None),
        (True, True, SourceType.USER, "active", None),
        (False, False, SourceType.GROUP, "active", None),
        (False, True, SourceType.ROOM, "active", None),
        (False, False, SourceType.USER, "standby", None),
        (False, True, SourceType.USER, "standby", None),
    ],
)
def test_automatic_reply_for(
    open_now: bool,
    urgent: bool,
    source_type: SourceType,
    mode: str,
    expected: AutomaticReply | None,
) -> None:
    chosen = automatic_reply_for(
        open_now=open_now, urgent=urgent, source_type=source_type, mode=mode
    )

    assert chosen is expected


@pytest.mark.parametrize(
    ("state", "expected"),
    [("open", True), ("new", True), ("claimed", False), ("waiting", False), ("closed", False)],
)
def test_is_unclaimed(state: str, expected: bool) -> None:
    assert is_unclaimed(state) is expected


def due(unclaimed_since: datetime, now: datetime) -> datetime | None:
    return unclaimed_alert_period(
        calendar=CALENDAR,
        channel="consultation",
        unclaimed_since=unclaimed_since,
        now=now,
        claim_window=WINDOW,
    )


def test_unclaimed_due_after_window() -> None:
    """An urgent case from 18:10 on Tuesday is due at 18:15, keyed by the 18:00 opening."""
    since = jst(2, 17, 18, 10)

    assert due(since, jst(2, 17, 18, 14, 59)) is None
    assert due(since, jst(2, 17, 18, 15)) == jst(2, 17, 18, 0)
    assert due(since, jst(2, 17, 20, 0)) == jst(2, 17, 18, 0)


def test_unclaimed_night_case_counts_from_opening() -> None:
    """A case urgent since 03:00 gets its window from the 18:00 opening."""
    since = jst(2, 17, 3, 0)

    assert due(since, jst(2, 17, 17, 0)) is None
    assert due(since, jst(2, 17, 18, 4, 59)) is None
    assert due(since, jst(2, 17, 18, 5)) == jst(2, 17, 18, 0)


def test_unclaimed_closing_cuts_window() -> None:
    """A case urgent at 20:58 is due at the 21:00 closing, not at 21:03."""
    since = jst(2, 17, 20, 58)

    assert due(since, jst(2, 17, 20, 59, 59)) is None
    assert due(since, jst(2, 17, 21, 0)) == jst(2, 17, 18, 0)
    assert due(since, jst(2, 18, 3, 0)) == jst(2, 17, 18, 0)


def test_unclaimed_after_closing_not_due_until_opening() -> None:
    """A case that became urgent after closing waits for the next open period."""
    since = jst(2, 17, 22, 0)

    assert due(since, jst(2, 17, 23, 0)) is None
    assert due(since, jst(2, 18, 18, 5)) == jst(2, 18, 18, 0)


def test_unclaimed_each_open_period_has_own_key() -> None:
    """A case left unclaimed for two evenings is due once in each open period."""
    since = jst(2, 17, 18, 10)

    assert due(since, jst(2, 17, 18, 20)) == jst(2, 17, 18, 0)
    assert due(since, jst(2, 18, 18, 4)) is None
    assert due(since, jst(2, 18, 18, 5)) == jst(2, 18, 18, 0)
