"""Weekly opening hours and closed dates in the text format that operators write.

A schedule is one or more clauses separated by ";". Each clause is a list of days or day
ranges, a space, and a list of time ranges: "mon-fri 18:00-21:00; sat 10:00-12:00,13:00-15:00".
A range may end at 24:00 but not run past midnight.

Closed dates are ISO dates or inclusive date ranges separated by ",":
"2026-12-29..2027-01-03,2027-05-06".
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

# Index in this tuple is date.weekday(): Monday is 0.
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

MINUTES_PER_DAY = 24 * 60

# A longer closed range is almost certainly a typo in a year, so it is rejected.
MAX_CLOSED_RANGE_DAYS = 366

SCHEDULE_FORMAT = (
    "clauses separated by ';', each with days and times such as "
    "'mon-fri 18:00-21:00; sat 10:00-12:00,13:00-15:00' "
    "(days mon tue wed thu fri sat sun, times HH:MM from 00:00 to 24:00, start before end)"
)
CLOSED_DATES_FORMAT = (
    "dates YYYY-MM-DD or inclusive ranges YYYY-MM-DD..YYYY-MM-DD separated by ',', "
    "such as '2026-12-29..2027-01-03,2027-05-06'"
)

_TIME_RANGE = re.compile(r"^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ScheduleError(ValueError):
    """A schedule or closed-date list that does not follow the format."""


@dataclass(frozen=True, order=True)
class DailyRange:
    """Opening time and closing time of one day, in minutes after midnight, end excluded."""

    start_minute: int
    end_minute: int


@dataclass(frozen=True)
class ScheduleClause:
    """One clause as written: the days it names and their opening times."""

    weekdays: tuple[int, ...]
    ranges: tuple[DailyRange, ...]


@dataclass(frozen=True)
class WeeklySchedule:
    """Opening times of each weekday, merged and sorted, and the clauses they came from."""

    clauses: tuple[ScheduleClause, ...]
    by_weekday: tuple[tuple[DailyRange, ...], ...]

    def ranges_on(self, weekday: int) -> tuple[DailyRange, ...]:
        return self.by_weekday[weekday]


def parse_schedule(text: str) -> WeeklySchedule:
    """Parse a weekly schedule. Raises ScheduleError naming the part that is invalid."""
    clauses = tuple(_parse_clause(part.strip()) for part in text.split(";") if part.strip())
    if not clauses:
        raise ScheduleError("the schedule contains no opening hours")

    per_day: list[list[DailyRange]] = [[] for _ in WEEKDAYS]
    for clause in clauses:
        for weekday in clause.weekdays:
            per_day[weekday].extend(clause.ranges)
    by_weekday = tuple(_merge_ranges(ranges) for ranges in per_day)
    return WeeklySchedule(clauses=clauses, by_weekday=by_weekday)


def _parse_clause(clause: str) -> ScheduleClause:
    parts = clause.split(None, 1)
    if len(parts) != 2:
        raise ScheduleError(f"clause {clause!r} needs days, a space and times")
    days_text, ranges_text = parts
    weekdays = _parse_days(days_text.lower())
    ranges = tuple(
        _parse_time_range(item.strip()) for item in ranges_text.replace(" ", "").split(",")
    )
    return ScheduleClause(weekdays=weekdays, ranges=ranges)


def _parse_days(text: str) -> tuple[int, ...]:
    weekdays: set[int] = set()
    for item in text.split(","):
        first, dash, last = item.partition("-")
        start = _weekday_index(first)
        end = _weekday_index(last) if dash else start
        if end < start:
            raise ScheduleError(
                f"day range {item!r} runs backwards; write it from Monday towards Sunday, "
                "such as 'sat-sun', or list the days, such as 'sun,mon'"
            )
        weekdays.update(range(start, end + 1))
    return tuple(sorted(weekdays))


def _weekday_index(name: str) -> int:
    try:
        return WEEKDAYS.index(name.strip())
    except ValueError:
        raise ScheduleError(f"unknown day {name!r}") from None


def _parse_time_range(text: str) -> DailyRange:
    match = _TIME_RANGE.match(text)
    if match is None:
        raise ScheduleError(f"time range {text!r} is not HH:MM-HH:MM")
    start_hour, start_minute, end_hour, end_minute = (int(group) for group in match.groups())
    start = _minute_of_day(start_hour, start_minute, text)
    end = _minute_of_day(end_hour, end_minute, text)
    if start >= MINUTES_PER_DAY:
        raise ScheduleError(f"time range {text!r} starts at 24:00; the last start is 23:59")
    if end <= start:
        raise ScheduleError(
            f"time range {text!r} does not end after it starts; a range cannot run past "
            "midnight, so split it into '...-24:00' and a range of the next day from 00:00"
        )
    return DailyRange(start_minute=start, end_minute=end)


def _minute_of_day(hour: int, minute: int, text: str) -> int:
    if minute > 59 or hour > 24 or (hour == 24 and minute != 0):
        raise ScheduleError(f"time range {text!r} contains a time that does not exist")
    return hour * 60 + minute


def _merge_ranges(ranges: list[DailyRange]) -> tuple[DailyRange, ...]:
    # Overlapping or touching ranges of one day become one range, so an opening time is
    # never inside another open range.
    merged: list[DailyRange] = []
    for current in sorted(ranges):
        if merged and current.start_minute <= merged[-1].end_minute:
            last = merged[-1]
            merged[-1] = DailyRange(last.start_minute, max(last.end_minute, current.end_minute))
            continue
        merged.append(current)
    return tuple(merged)


def parse_closed_dates(text: str) -> frozenset[date]:
    """Parse a list of closed dates and date ranges. Raises ScheduleError naming the item."""
    closed: set[date] = set()
    for item in text.split(","):
        item = item.strip()
        if not item:
            continue
        first, dots, last = item.partition("..")
        start = _parse_date(first.strip(), item)
        end = _parse_date(last.strip(), item) if dots else start
        length = (end - start).days + 1
        if length < 1:
            raise ScheduleError(f"date range {item!r} ends before it starts")
        if length > MAX_CLOSED_RANGE_DAYS:
            raise ScheduleError(
                f"date range {item!r} covers {length} days; at most {MAX_CLOSED_RANGE_DAYS} "
                "are allowed"
            )
        closed.update(start + timedelta(days=offset) for offset in range(length))
    return frozenset(closed)


def _parse_date(text: str, item: str) -> date:
    if not _ISO_DATE.match(text):
        raise ScheduleError(f"{item!r} is not a date YYYY-MM-DD or a range of two such dates")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ScheduleError(f"{item!r} contains the date {text!r}, which does not exist") from None
