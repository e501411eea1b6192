"""Opening hours of the desk, automatic replies outside them, and alerts for urgent cases.

The app wires in load_hours_settings at start-up, AfterHoursResponder as the hook of
handle_message_triaged, and run_alert_loop as a background task. docs/hours.md describes the
variables and the rules.
"""

from services.desk.hours.alerts import (
    ALERT_CHECK_INTERVAL_SECONDS,
    check_unclaimed_urgent,
    run_alert_loop,
)
from services.desk.hours.calendar import DeskCalendar, Period
from services.desk.hours.clock import Clock, system_clock
from services.desk.hours.events import ALERT_RAISED, AlertKind, AlertRaised
from services.desk.hours.responder import AfterHoursResponder
from services.desk.hours.settings import HoursSettings, load_hours_settings

__all__ = [
    "ALERT_CHECK_INTERVAL_SECONDS",
    "ALERT_RAISED",
    "AfterHoursResponder",
    "AlertKind",
    "AlertRaised",
    "Clock",
    "DeskCalendar",
    "HoursSettings",
    "Period",
    "check_unclaimed_urgent",
    "load_hours_settings",
    "run_alert_loop",
    "system_clock",
]
