"""The city's statistics for a range of dates: people, consultations, age bands and categories.

Definitions, for a range of Asia/Tokyo dates with both ends included:
- consultations: cases opened in the range, whatever their state now.
- people: distinct conversations among those cases. A person who writes to two LINE
  channels has two conversations and counts twice.
- people_by_age_band: each person counts once, in the band recorded at the close of their
  latest closed case (by close time) among those cases. A person with no closed case
  counts as "unknown".
- consultations_by_category: every label of every case counts, so one case may count in
  several categories, or in none. A closed case counts its confirmed topics, and a case
  that is not closed (or was closed before counselors confirmed topics) counts triage's.
"""

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

import asyncpg

from services.desk.closing import AgeBand
from services.desk.domain import merge_topics
from shared.schemas import Topic

# Japan has not observed daylight saving time since 1951, so Asia/Tokyo is UTC+9 on every
# date that the desk stores.
TOKYO = timezone(timedelta(hours=9), "Asia/Tokyo")
TIME_ZONE_NAME = "Asia/Tokyo"
SOURCE_CONFIRMED = "confirmed"
SOURCE_TRIAGE = "triage"
# Excel in Japan reads a CSV file as Shift_JIS unless it starts with a UTF-8 byte order mark.
CSV_BOM = "\ufeff"


def tokyo_midnight(day: date) -> datetime:
    """Return the start of `day` in Asia/Tokyo as an aware datetime."""
    return datetime.combine(day, time(), TOKYO)


@dataclass(frozen=True)
class Period:
    """A range of Asia/Tokyo dates, both included."""

    first_day: date
    last_day: date

    @property
    def start(self) -> datetime:
        return tokyo_midnight(self.first_day)

    @property
    def end(self) -> datetime:
        """Return midnight after the last day, the exclusive end of the range."""
        return tokyo_midnight(self.last_day + timedelta(days=1))


@dataclass(frozen=True)
class Report:
    period: Period
    people: int
    consultations: int
    consultations_closed: int
    people_by_age_band: dict[str, int]
    categories_confirmed: dict[str, int]
    categories_triage: dict[str, int]

    @property
    def categories_total(self) -> dict[str, int]:
        labels = merge_topics(self.categories_confirmed, self.categories_triage)
        return {
            label: self.categories_confirmed.get(label, 0) + self.categories_triage.get(label, 0)
            for label in labels
        }


async def build_report(executor: asyncpg.Pool | asyncpg.Connection, period: Period) -> Report:
    """Read the cases opened in `period` and return their statistics."""
    rows = await executor.fetch(
        "SELECT conversation_id, state, closed_at, age_band, topics, confirmed_topics"
        " FROM desk.cases WHERE opened_at >= $1 AND opened_at < $2",
        period.start,
        period.end,
    )
    return summarize_cases(period, rows)


def summarize_cases(period: Period, rows: Iterable[asyncpg.Record | dict]) -> Report:
    """Compute the report from case rows, following the definitions in the module docstring."""
    rows = list(rows)
    latest_closed: dict[str, tuple[datetime, str]] = {}
    confirmed: Counter[str] = Counter()
    triage: Counter[str] = Counter()
    closed_count = 0
    for row in rows:
        is_closed = row["state"] == "closed"
        if is_closed:
            closed_count += 1
        if is_closed and row["confirmed_topics"] is not None:
            confirmed.update(row["confirmed_topics"])
        else:
            triage.update(row["topics"])
        if is_closed:
            band = row["age_band"] or AgeBand.UNKNOWN.value
            current = latest_closed.get(row["conversation_id"])
            if current is None or row["closed_at"] > current[0]:
                latest_closed[row["conversation_id"]] = (row["closed_at"], band)

    people = {row["conversation_id"] for row in rows}
    bands = Counter(
        latest_closed[person][1] if person in latest_closed else AgeBand.UNKNOWN.value
        for person in people
    )
    return Report(
        period=period,
        people=len(people),
        consultations=len(rows),
        consultations_closed=closed_count,
        people_by_age_band={band.value: bands.get(band.value, 0) for band in AgeBand},
        categories_confirmed=_with_every_topic(confirmed),
        categories_triage=_with_every_topic(triage),
    )


def report_json(report: Report) -> dict:
    """Return the report as the JSON body of GET /api/reports."""
    return {
        "period": {
            "from": report.period.first_day.isoformat(),
            "to": report.period.last_day.isoformat(),
            "time_zone": TIME_ZONE_NAME,
        },
        "people": report.people,
        "consultations": report.consultations,
        "consultations_closed": report.consultations_closed,
        "people_by_age_band": report.people_by_age_band,
        "consultations_by_category": report.categories_total,
        "consultations_by_category_and_source": {
            SOURCE_CONFIRMED: report.categories_confirmed,
            SOURCE_TRIAGE: report.categories_triage,
        },
    }


def report_csv(report: Report) -> str:
    """Return the report's tables as CSV text with a BOM, one section per table.

    A section is a title row, a header row and the data rows; an empty row separates
    sections.
    """
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerows(
        [
            ["期間 period"],
            ["from", "to", "time_zone"],
            [
                report.period.first_day.isoformat(),
                report.period.last_day.isoformat(),
                TIME_ZONE_NAME,
            ],
            [],
            ["合計 totals"],
            ["item", "count"],
            ["people", report.people],
            ["consultations", report.consultations],
            ["consultations_closed", report.consultations_closed],
            [],
            ["年代別相談者数 people_by_age_band"],
            ["age_band", "people"],
            *report.people_by_age_band.items(),
            [],
            ["分類別相談件数 consultations_by_category"],
            ["category", "consultations", SOURCE_CONFIRMED, SOURCE_TRIAGE],
        ]
    )
    for label, total in report.categories_total.items():
        writer.writerow(
            [
                label,
                total,
                report.categories_confirmed.get(label, 0),
                report.categories_triage.get(label, 0),
            ]
        )
    return CSV_BOM + output.getvalue()


def _with_every_topic(counts: Counter[str]) -> dict[str, int]:
    # Every category appears, with 0 if no case has it, so the city's tables keep one shape.
    # Labels of a newer triage version that the Topic enum lacks follow the 14 categories.
    labels = merge_topics((topic.value for topic in Topic), counts)
    return {label: counts.get(label, 0) for label in labels}
