"""The statistics page of the console: the city's report as tables and SVG bar charts."""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Annotated, Any

import structlog
from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import Response

from services.desk import reports
from services.desk.accounts import Principal
from services.desk.api import pool_of, request_id_of
from services.desk.audit import AuditAction, insert_audit
from services.desk.closing import AgeBand
from services.desk.domain import Role
from services.desk.web import session
from services.desk.web.rendering import AGE_BAND_LABELS, render

log = structlog.get_logger()

ReportPage = Annotated[Principal, Depends(session.require_page_roles(Role.SUPERVISOR, Role.CITY))]
# Days in the range that the page shows when no dates are given, today included.
DEFAULT_DAYS = 30
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Geometry of the SVG bar charts, in pixels.
LABEL_WIDTH = 200
BAR_AREA_WIDTH = 360
VALUE_WIDTH = 60
ROW_HEIGHT = 26
BAR_HEIGHT = 18


@dataclass(frozen=True)
class BarSegment:
    x: float
    width: float
    css_class: str


@dataclass(frozen=True)
class BarRow:
    label: str
    total: int
    y: int
    segments: list[BarSegment]
    value_x: float


@dataclass(frozen=True)
class BarChart:
    rows: list[BarRow]
    width: int
    height: int
    label_width: int
    bar_height: int


class InvalidDate(ValueError):
    """A malformed date, or a first date after the last one. The message is in Japanese."""


def add_stats_pages(app: FastAPI) -> None:
    app.add_api_route("/stats", get_stats_page, methods=["GET"], include_in_schema=False)


async def get_stats_page(
    request: Request,
    principal: ReportPage,
    first_day: Annotated[str | None, Query(alias="from")] = None,
    last_day: Annotated[str | None, Query(alias="to")] = None,
) -> Response:
    """Show the report of the Asia/Tokyo dates from `from` to `to`, the last 30 days by default."""
    today = datetime.now(reports.TOKYO).date()
    first_text = first_day or (today - timedelta(days=DEFAULT_DAYS - 1)).isoformat()
    last_text = last_day or today.isoformat()
    context: dict[str, Any] = {"first_day": first_text, "last_day": last_text, "report": None}
    try:
        period = _parse_period(first_text, last_text)
    except InvalidDate as error:
        log.info("report_dates_rejected", first_day=first_text[:20], last_day=last_text[:20])
        return render(request, "stats.html", {**context, "error": str(error)}, status_code=422)

    async with pool_of(request).acquire() as connection, connection.transaction():
        report = await reports.build_report(connection, period)
        await insert_audit(
            connection,
            account_id=principal.account_id,
            action=AuditAction.REPORT_READ,
            request_id=request_id_of(request),
            detail={"from": first_text, "to": last_text, "format": "html"},
        )
    log.info(
        "report_read", output_format="html", days=(period.last_day - period.first_day).days + 1
    )
    context.update(_report_context(report))
    return render(request, "stats.html", {**context, "error": None})


def bar_chart(rows: list[tuple[str, list[int]]], classes: list[str]) -> BarChart:
    """Lay out horizontal bars, one per (label, values) row, each value one stacked segment.

    Bars share one scale, the largest row total, so a chart with all zeros draws no bars.
    """
    largest = max((sum(values) for _, values in rows), default=0)
    scale = BAR_AREA_WIDTH / largest if largest else 0.0
    laid_out = []
    for index, (label, values) in enumerate(rows):
        x = float(LABEL_WIDTH)
        segments = []
        for value, css_class in zip(values, classes, strict=True):
            width = value * scale
            if width > 0:
                segments.append(
                    BarSegment(x=round(x, 1), width=round(width, 1), css_class=css_class)
                )
            x += width
        row = BarRow(
            label=label,
            total=sum(values),
            y=index * ROW_HEIGHT,
            segments=segments,
            value_x=round(x + 6, 1),
        )
        laid_out.append(row)
    return BarChart(
        rows=laid_out,
        width=LABEL_WIDTH + BAR_AREA_WIDTH + VALUE_WIDTH,
        height=max(1, len(rows)) * ROW_HEIGHT,
        label_width=LABEL_WIDTH,
        bar_height=BAR_HEIGHT,
    )


def _report_context(report: reports.Report) -> dict[str, Any]:
    age_rows = [
        (AGE_BAND_LABELS[AgeBand(band)], count) for band, count in report.people_by_age_band.items()
    ]
    category_rows = [
        (
            label,
            total,
            report.categories_confirmed.get(label, 0),
            report.categories_triage.get(label, 0),
        )
        for label, total in report.categories_total.items()
    ]
    totals = [("相談者数（人）", report.people), ("相談件数", report.consultations)]
    return {
        "report": report,
        "age_rows": age_rows,
        "category_rows": category_rows,
        "totals_chart": bar_chart([(label, [value]) for label, value in totals], ["bar"]),
        "age_chart": bar_chart([(label, [count]) for label, count in age_rows], ["bar"]),
        "category_chart": bar_chart(
            [(label, [confirmed, triage]) for label, _, confirmed, triage in category_rows],
            ["bar", "bar-light"],
        ),
        "csv_query": f"from={report.period.first_day}&to={report.period.last_day}",
    }


def _parse_period(first_text: str, last_text: str) -> reports.Period:
    first = _parse_date(first_text, name="開始日")
    last = _parse_date(last_text, name="終了日")
    if first > last:
        raise InvalidDate(
            f"開始日（{first}）が終了日（{last}）より後です。1日だけなら同じ日付を入れてください。"
        )
    return reports.Period(first_day=first, last_day=last)


def _parse_date(value: str, *, name: str) -> date:
    if _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidDate(f"{name}「{value}」は日付ではありません。2025-03-01 の形で入れてください。")
