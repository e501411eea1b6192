"""HTTP routes of the city's report and of the topic corrections export."""

import re
from datetime import date, timedelta
from typing import Annotated

import structlog
from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import Response, StreamingResponse

from services.desk import corrections, reports
from services.desk.accounts import Principal
from services.desk.api import ApiError, pool_of, request_id_of
from services.desk.audit import AuditAction, insert_audit
from services.desk.auth import require_roles
from services.desk.domain import Role

log = structlog.get_logger()

ReportReader = Annotated[Principal, Depends(require_roles(Role.SUPERVISOR, Role.CITY))]
Supervisor = Annotated[Principal, Depends(require_roles(Role.SUPERVISOR))]
FirstDay = Annotated[str | None, Query(alias="from")]
LastDay = Annotated[str | None, Query(alias="to")]
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_report_routes(app: FastAPI) -> None:
    app.add_api_route("/api/reports", get_report, methods=["GET"])
    app.add_api_route("/api/reports.csv", get_report_csv, methods=["GET"])
    app.add_api_route("/api/exports/corrections.jsonl", get_corrections, methods=["GET"])


async def get_report(
    request: Request,
    principal: ReportReader,
    first_day: FirstDay = None,
    last_day: LastDay = None,
) -> dict:
    """Return the statistics of the Asia/Tokyo dates from `from` to `to`, both included."""
    report = await _build_report(request, principal, first_day, last_day, "json")
    return reports.report_json(report)


async def get_report_csv(
    request: Request,
    principal: ReportReader,
    first_day: FirstDay = None,
    last_day: LastDay = None,
) -> Response:
    """Return the same tables as GET /api/reports as a CSV file that Excel opens."""
    report = await _build_report(request, principal, first_day, last_day, "csv")
    name = f"report_{report.period.first_day}_{report.period.last_day}.csv"
    return Response(
        reports.report_csv(report).encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


async def get_corrections(
    request: Request,
    principal: Supervisor,
    first_day: FirstDay = None,
    last_day: LastDay = None,
) -> StreamingResponse:
    """Stream one JSON line per closed case, optionally only cases closed in a date range."""
    first = parse_date(first_day, name="from", required=False)
    last = parse_date(last_day, name="to", required=False)
    if first is not None and last is not None:
        check_order(first, last)
    closed_from = reports.tokyo_midnight(first) if first is not None else None
    closed_before = None
    if last is not None:
        closed_before = reports.tokyo_midnight(last + timedelta(days=1))
    await insert_audit(
        pool_of(request),
        account_id=principal.account_id,
        action=AuditAction.CORRECTIONS_EXPORT,
        request_id=request_id_of(request),
        detail={"from": first_day, "to": last_day},
    )
    lines = corrections.export_lines(
        pool_of(request), closed_from=closed_from, closed_before=closed_before
    )
    return StreamingResponse(
        lines,
        media_type="application/x-ndjson; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="corrections.jsonl"'},
    )


def parse_date(value: str | None, *, name: str, required: bool) -> date | None:
    """Parse a YYYY-MM-DD query parameter, or raise a 422 ApiError naming it."""
    example = f"{name}=2023-02-16"
    if not value:
        if required:
            raise ApiError(
                422, f"missing query parameter '{name}'; give a date as YYYY-MM-DD, e.g. {example}"
            )
        return None
    if not _DATE.fullmatch(value):
        raise ApiError(
            422,
            f"query parameter '{name}' is {value!r}, which is not in the format YYYY-MM-DD;"
            f" send e.g. {example}",
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(
            422,
            f"query parameter '{name}' is {value!r}, which is not a valid date;"
            f" send an existing date as YYYY-MM-DD, e.g. {example}",
        ) from None


def check_order(first: date, last: date) -> None:
    if first > last:
        raise ApiError(
            422,
            f"query parameter 'from' ({first}) is after 'to' ({last}); both ends are included,"
            " so for one day send the same date twice",
        )


async def _build_report(
    request: Request,
    principal: Principal,
    first_day: str | None,
    last_day: str | None,
    output_format: str,
) -> reports.Report:
    first = parse_date(first_day, name="from", required=True)
    last = parse_date(last_day, name="to", required=True)
    check_order(first, last)
    period = reports.Period(first_day=first, last_day=last)
    async with pool_of(request).acquire() as connection, connection.transaction():
        report = await reports.build_report(connection, period)
        await insert_audit(
            connection,
            account_id=principal.account_id,
            action=AuditAction.REPORT_READ,
            request_id=request_id_of(request),
            detail={"from": first_day, "to": last_day, "format": output_format},
        )
    log.info("report_read", output_format=output_format, days=(last - first).days + 1)
    return report
