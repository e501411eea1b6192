"""Opening hours of the desk per channel, and the closed periods between them.

Every function takes the time to decide about as an argument and reads no clock, so tests
and callers choose the time.
"""

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from services.desk.hours.schedule import WeeklySchedule


def _tokyo() -> tzinfo:
    try:
        return ZoneInfo("Asia/Tokyo")
    except ZoneInfoNotFoundError:
        # Japan has used UTC+9 without daylight saving time since 1951, so the fixed offset
        # gives the same local times where the system has no time zone database.
        return timezone(timedelta(hours=9), "JST")


TOKYO = _tokyo()

# How far the calendar looks for an opening or a closing before it gives up. Closed-date
# ranges are limited to 366 days, so only several adjacent ranges can exhaust it.
SEARCH_DAYS = 800


class CalendarError(RuntimeError):
    """No opening or closing time within SEARCH_DAYS of the time asked about."""


@dataclass(frozen=True)
class Period:
    """A time span [start, end) with aware datetimes in Asia/Tokyo."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class ChannelSchedules:
    """The default weekly schedule and the schedules of channels that have their own."""

    default: WeeklySchedule
    channels: Mapping[str, WeeklySchedule] = field(default_factory=dict)

    def for_channel(self, channel: str) -> WeeklySchedule:
        return self.channels.get(channel, self.default)


class DeskCalendar:
    """Open and closed periods of each channel in Asia/Tokyo.

    The desk is closed on Japanese public holidays (the `holidays` package by default) and
    on `closed_dates`, whatever the weekly schedule contains. An open period ends at midnight
    at the latest, so 'sat 20:00-24:00; sun 00:00-02:00' is two open periods that touch.
    """

    def __init__(
        self,
        *,
        schedules: ChannelSchedules,
        closed_dates: Iterable[date] = (),
        public_holidays: Container[date] | None = None,
    ) -> None:
        self.schedules = schedules
        self._closed_dates = frozenset(closed_dates)
        self._public_holidays = holidays.Japan() if public_holidays is None else public_holidays

    def is_open(self, channel: str, at: datetime) -> bool:
        """Return whether the desk of `channel` is open at `at`."""
        local = _to_tokyo(at)
        return any(
            period.start <= local < period.end
            for period in self._day_periods(channel, local.date())
        )

    def next_opening(self, channel: str, at: datetime) -> datetime:
        """Return the start of the first open period that begins at or after `at`."""
        local = _to_tokyo(at)
        for offset in range(SEARCH_DAYS):
            for period in self._day_periods(channel, local.date() + timedelta(days=offset)):
                if period.start >= local:
                    return period.start
        raise CalendarError(
            f"channel {channel!r} has no opening within {SEARCH_DAYS} days after "
            f"{local.isoformat()}; check DESK_HOURS and DESK_CLOSED_DATES"
        )

    def closed_period(self, channel: str, at: datetime) -> Period:
        """Return the closed period that contains `at`: the last closing to the next opening.

        Raises ValueError if `channel` is open at `at`.
        """
        if self.is_open(channel, at):
            raise ValueError(
                f"channel {channel!r} is open at {at.isoformat()}, so no closed period contains it"
            )
        return Period(
            start=self.last_open_period(channel, at).end, end=self.next_opening(channel, at)
        )

    def open_period(self, channel: str, at: datetime) -> Period:
        """Return the open period that contains `at`. Raises ValueError if the desk is closed."""
        local = _to_tokyo(at)
        for period in self._day_periods(channel, local.date()):
            if period.start <= local < period.end:
                return period
        raise ValueError(
            f"channel {channel!r} is closed at {at.isoformat()}, so no open period contains it"
        )

    def last_open_period(self, channel: str, at: datetime) -> Period:
        """Return the latest open period that ended at or before `at`."""
        local = _to_tokyo(at)
        for offset in range(SEARCH_DAYS):
            periods = self._day_periods(channel, local.date() - timedelta(days=offset))
            for period in reversed(periods):
                if period.end <= local:
                    return period
        raise CalendarError(
            f"channel {channel!r} has no opening within {SEARCH_DAYS} days before "
            f"{local.isoformat()}; check DESK_HOURS and DESK_CLOSED_DATES"
        )

    def is_closed_day(self, day: date) -> bool:
        """Return whether `day` is a public holiday or a configured closed date."""
        return day in self._closed_dates or day in self._public_holidays

    def _day_periods(self, channel: str, day: date) -> list[Period]:
        if self.is_closed_day(day):
            return []
        midnight = datetime.combine(day, time(), tzinfo=TOKYO)
        schedule = self.schedules.for_channel(channel)
        return [
            Period(
                start=midnight + timedelta(minutes=daily.start_minute),
                end=midnight + timedelta(minutes=daily.end_minute),
            )
            for daily in schedule.ranges_on(day.weekday())
        ]


def _to_tokyo(at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(
            f"datetime {at.isoformat()} has no time zone; pass an aware datetime such as "
            "datetime.now(UTC)"
        )
    return at.astimezone(TOKYO)
