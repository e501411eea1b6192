"""Alerts for urgent cases that nobody claims during opening hours, checked in a loop."""

import asyncio
from collections.abc import Callable
from datetime import datetime

import asyncpg
import structlog

from services.desk.hours import rules
from services.desk.hours.clock import Clock, system_clock
from services.desk.hours.events import AlertRaised
from services.desk.hours.metrics import (
    ALERT_CHECK_FAILURES,
    ALERTS_RAISED,
    URGENT_UNCLAIMED_ALERTS,
    URGENT_UNCLAIMED_CASES,
)
from services.desk.hours.settings import HoursSettings
from services.desk.hours.store import fetch_unclaimed_urgent_cases, raise_unclaimed_alert

log = structlog.get_logger()

# An alert is raised at most this long after the claim window ends.
ALERT_CHECK_INTERVAL_SECONDS = 15.0


async def check_unclaimed_urgent(
    pool: asyncpg.Pool, *, now: datetime, settings: HoursSettings
) -> list[AlertRaised]:
    """Raise an urgent_unclaimed alert for each urgent case left unclaimed too long.

    Idempotent: a case gets at most one alert per open period, however often this runs and
    from however many processes. rules.unclaimed_alert_period decides when it is due.
    Also sets the desk_urgent_unclaimed_cases gauge. Returns the alerts raised by this run.
    """
    cases = await fetch_unclaimed_urgent_cases(pool)
    URGENT_UNCLAIMED_CASES.set(len(cases))
    raised = []
    for case in cases:
        period_start = rules.unclaimed_alert_period(
            calendar=settings.calendar,
            channel=case["channel"],
            unclaimed_since=case["unclaimed_since"],
            now=now,
            claim_window=settings.urgent_claim_window,
        )
        # NOTE: a case that was cleared (cases.clear_urgent) and became urgent again in a
        # period that already had its alert gets no second alert in that period.
        if period_start is None or period_start == case["last_alert_period_start"]:
            continue
        alert = await raise_unclaimed_alert(
            pool, case_id=case["case_id"], period_start=period_start, now=now
        )
        if alert is None:
            continue
        URGENT_UNCLAIMED_ALERTS.inc()
        ALERTS_RAISED.labels(kind=alert.kind.value).inc()
        log.warning(
            "alert_raised",
            alert_id=str(alert.alert_id),
            alert_kind=alert.kind.value,
            case_id=str(alert.case_id),
            conversation_id=alert.conversation_id,
            unclaimed_since=case["unclaimed_since"].isoformat(),
        )
        raised.append(alert)
    return raised


async def run_alert_loop(
    pool: asyncpg.Pool,
    *,
    settings: HoursSettings,
    wake: Callable[[], None],
    now: Clock = system_clock,
    interval_seconds: float = ALERT_CHECK_INTERVAL_SECONDS,
) -> None:
    """Run check_unclaimed_urgent every `interval_seconds` until the task is cancelled.

    `wake` is called after a run that raised alerts, so the outbox relay publishes them at
    once. A failed run is logged and retried at the next interval.
    """
    failing = False
    while True:
        failing = await _check_once(pool, settings=settings, wake=wake, now=now, failing=failing)
        await asyncio.sleep(interval_seconds)


async def _check_once(
    pool: asyncpg.Pool,
    *,
    settings: HoursSettings,
    wake: Callable[[], None],
    now: Clock,
    failing: bool,
) -> bool:
    """Run one check and return whether it failed."""
    try:
        raised = await check_unclaimed_urgent(pool, now=now(), settings=settings)
    # Any error (PostgreSQL, a calendar error) must leave the loop running to retry.
    except Exception as error:  # noqa: BLE001
        ALERT_CHECK_FAILURES.inc()
        # Only the first failure of a run of failures is logged, so an outage logs once.
        if not failing:
            log.warning(
                "urgent_alert_check_failed_will_retry",
                error_type=type(error).__name__,
                error=str(error),
            )
        return True
    if failing:
        log.info("urgent_alert_check_recovered")
    if raised:
        wake()
    return False
