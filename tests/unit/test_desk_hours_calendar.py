"""The desk calendar: opening hours, Japanese public holidays, closed dates and closed periods."""

from datetime import UTC, date, datetime, timedelta

import pytest

from services.desk.hours.calendar import (
    TOKYO,
    CalendarError,
    ChannelSchedules,
    DeskCalendar,
    Period,
)
from services.desk.hours.schedule import parse_schedule

DEFAULT = parse_schedule("mon-fri 18:00-21:00")
CHANNEL = "consultation"


def jst(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0):
    return datetime(year, month, day, hour, minute, second, tzinfo=TOKYO)


def make_calendar(
    default: str = "mon-fri 18:00-21:00", *, closed_dates=(), channels=None, **kwargs
) -> DeskCalendar:
    schedules = ChannelSchedules(
        default=parse_schedule(default),
        channels={name: parse_schedule(text) for name, text in (channels or {}).items()},
    )
    return DeskCalendar(schedules=schedules, closed_dates=closed_dates, **kwargs)


CALENDAR = make_calendar()


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (jst(2026, 2, 17, 17, 59, 59), False),
        (jst(2026, 2, 17, 18, 0), True),
        (jst(2026, 2, 17, 20, 59, 59), True),
        (jst(2026, 2, 17, 21, 0), False),
        (jst(2026, 2, 17, 3, 0), False),
        (jst(2026, 2, 21, 19, 0), False),  # Saturday
        (jst(2026, 2, 22, 19, 0), False),  # Sunday
        (jst(2026, 11, 23, 19, 0), False),  # Monday, 勤労感謝の日
        (jst(2023, 2, 23, 19, 0), False),  # Thursday, 天皇誕生日
        (jst(2023, 2, 24, 19, 0), True),  # the Friday after it
        (jst(2026, 5, 6, 19, 0), False),  # Wednesday, 振替休日
    ],
)
def test_is_open_default_hours(at: datetime, expected: bool) -> None:
    """The default desk is open on business days from 18:00 up to, not including, 21:00."""
    assert CALENDAR.is_open(CHANNEL, at) is expected


def test_is_open_converts_utc() -> None:
    """A UTC time is compared in Asia/Tokyo: 09:00 UTC is 18:00 JST."""
    assert CALENDAR.is_open(CHANNEL, datetime(2026, 2, 17, 9, 0, tzinfo=UTC))
    assert not CALENDAR.is_open(CHANNEL, datetime(2026, 2, 17, 8, 59, tzinfo=UTC))


def test_naive_datetime_rejected() -> None:
    with pytest.raises(ValueError, match="no time zone"):
        CALENDAR.is_open(CHANNEL, datetime(2026, 2, 17, 18, 0))


def test_next_opening_friday_before_holiday() -> None:
    """Friday 21:00 before a Monday holiday opens again on Tuesday 18:00."""
    assert CALENDAR.next_opening(CHANNEL, jst(2026, 11, 20, 21, 0)) == jst(2026, 11, 24, 18, 0)
    assert CALENDAR.next_opening(CHANNEL, jst(2026, 2, 20, 21, 0)) == jst(2026, 2, 24, 18, 0)


def test_next_opening_golden_week() -> None:
    """After Friday 1 May 2026 the desk stays closed until Thursday 7 May."""
    assert CALENDAR.next_opening(CHANNEL, jst(2026, 5, 1, 21, 0)) == jst(2026, 5, 7, 18, 0)


def test_next_opening_at_and_after_opening() -> None:
    """An opening at `at` counts. During an open period, the next day's opening follows."""
    assert CALENDAR.next_opening(CHANNEL, jst(2026, 2, 17, 18, 0)) == jst(2026, 2, 17, 18, 0)
    assert CALENDAR.next_opening(CHANNEL, jst(2026, 2, 17, 19, 0)) == jst(2026, 2, 18, 18, 0)
    assert CALENDAR.next_opening(CHANNEL, jst(2026, 2, 17, 17, 59)) == jst(2026, 2, 17, 18, 0)


def test_closed_period_over_weekend_and_holiday() -> None:
    """A Saturday belongs to the period from Friday's closing to Tuesday's opening."""
    period = CALENDAR.closed_period(CHANNEL, jst(2026, 11, 21, 11, 0))

    assert period == Period(start=jst(2026, 11, 20, 21, 0), end=jst(2026, 11, 24, 18, 0))


def test_closed_period_boundaries() -> None:
    """Closing time belongs to the closed period and opening time to the open one."""
    evening = CALENDAR.closed_period(CHANNEL, jst(2026, 2, 17, 21, 0))
    before_opening = CALENDAR.closed_period(CHANNEL, jst(2026, 2, 18, 17, 59, 59))

    assert evening == Period(start=jst(2026, 2, 17, 21, 0), end=jst(2026, 2, 18, 18, 0))
    assert before_opening == evening


def test_closed_period_on_holiday_weekday() -> None:
    """17:59 on the Tuesday after a Monday holiday still belongs to Friday's closed period."""
    period = CALENDAR.closed_period(CHANNEL, jst(2026, 11, 24, 17, 59))

    assert period.start == jst(2026, 11, 20, 21, 0)
    assert period.end == jst(2026, 11, 24, 18, 0)


def test_closed_period_rejects_open_time() -> None:
    with pytest.raises(ValueError, match="is open at"):
        CALENDAR.closed_period(CHANNEL, jst(2026, 2, 17, 19, 0))


def test_open_period_and_last_open_period() -> None:
    open_period = CALENDAR.open_period(CHANNEL, jst(2026, 2, 17, 19, 0))
    last = CALENDAR.last_open_period(CHANNEL, jst(2026, 2, 21, 11, 0))

    assert open_period == Period(start=jst(2026, 2, 17, 18, 0), end=jst(2026, 2, 17, 21, 0))
    assert last == Period(start=jst(2026, 2, 20, 18, 0), end=jst(2026, 2, 20, 21, 0))
    with pytest.raises(ValueError, match="is closed at"):
        CALENDAR.open_period(CHANNEL, jst(2026, 2, 21, 11, 0))


def test_closed_dates_year_end() -> None:
    """Closed dates close business days, and the desk reopens after the year-end break."""
    calendar = make_calendar(
        closed_dates=[date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)]
    )

    assert not calendar.is_open(CHANNEL, jst(2026, 12, 29, 19, 0))
    assert calendar.is_open(CHANNEL, jst(2026, 12, 28, 19, 0))
    # 1 January 2027 is a public holiday, then a weekend follows.
    assert calendar.next_opening(CHANNEL, jst(2026, 12, 28, 21, 0)) == jst(2027, 1, 4, 18, 0)


def test_channel_schedule_overrides_default() -> None:
    calendar = make_calendar(channels={"parents": "mon-fri 10:00-16:00; sat 10:00-12:00"})
    saturday = jst(2026, 2, 21, 11, 0)

    assert calendar.is_open("parents", saturday)
    assert not calendar.is_open(CHANNEL, saturday)
    assert not calendar.is_open("parents", jst(2026, 2, 17, 18, 30))
    assert calendar.next_opening("parents", jst(2026, 2, 21, 12, 0)) == jst(2026, 2, 24, 10, 0)


def test_holidays_injectable() -> None:
    """Without public holidays, 23 November 2026 (a Monday) is an ordinary business day."""
    calendar = make_calendar(public_holidays=frozenset())

    assert calendar.is_open(CHANNEL, jst(2026, 11, 23, 19, 0))
    assert calendar.is_closed_day(date(2026, 11, 23)) is False
    assert CALENDAR.is_closed_day(date(2026, 11, 23)) is True


def test_ranges_touching_midnight() -> None:
    """A range to 24:00 and one from 00:00 are two open periods with no closed period between."""
    calendar = make_calendar("sat 20:00-24:00; sun 00:00-02:00")
    sunday_night = jst(2026, 2, 22, 1, 0)

    assert calendar.is_open(CHANNEL, jst(2026, 2, 21, 23, 59, 59))
    assert calendar.is_open(CHANNEL, jst(2026, 2, 22, 0, 0))
    assert calendar.open_period(CHANNEL, sunday_night) == Period(
        start=jst(2026, 2, 22, 0, 0), end=jst(2026, 2, 22, 2, 0)
    )
    assert calendar.closed_period(CHANNEL, jst(2026, 2, 22, 3, 0)) == Period(
        start=jst(2026, 2, 22, 2, 0), end=jst(2026, 2, 28, 20, 0)
    )


def test_openings_are_utc_plus_nine_all_year() -> None:
    """Asia/Tokyo has no daylight saving time: every opening of 2026 is 09:00 UTC.

    The year contains the days on which the United States and Europe change their clocks.
    """
    at = jst(2026, 1, 1)
    openings = []
    while at.year == 2026:
        opening = CALENDAR.next_opening(CHANNEL, at)
        openings.append(opening)
        at = opening + timedelta(hours=1)

    assert len(openings) > 200
    for opening in openings:
        assert opening.utcoffset() == timedelta(hours=9)
        assert opening.astimezone(UTC).time().hour == 9
        assert opening.astimezone(UTC).time().minute == 0


def test_next_opening_across_european_dst_change() -> None:
    """Europe changed its clocks on Sunday 29 March 2026, but Tokyo's opening stays 09:00 UTC."""
    at = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)

    assert CALENDAR.next_opening(CHANNEL, at) == datetime(2026, 3, 30, 9, 0, tzinfo=UTC)


def test_no_opening_raises_calendar_error() -> None:
    """A calendar whose every opening day is closed raises instead of looping for ever."""
    saturdays = [date(2026, 1, 3) + timedelta(weeks=week) for week in range(200)]
    calendar = make_calendar("sat 10:00-11:00", closed_dates=saturdays)

    with pytest.raises(CalendarError, match="no opening within"):
        calendar.next_opening(CHANNEL, jst(2026, 1, 1))
    with pytest.raises(CalendarError, match="no opening within"):
        calendar.last_open_period(CHANNEL, jst(2029, 11, 1))
