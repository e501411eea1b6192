"""Decisions about automatic replies and urgent alerts, free of I/O."""

from datetime import datetime, timedelta

from services.desk.hours.calendar import DeskCalendar
from services.desk.hours.texts import AutomaticReply
from shared.schemas import SourceType

# Case states in which a counselor has the case or nobody needs to. Every other state,
# 'open' today and states added later such as 'new', counts as unclaimed.
NOT_UNCLAIMED_STATES = ("claimed", "waiting", "closed")


def is_unclaimed(state: str) -> bool:
    return state not in NOT_UNCLAIMED_STATES


def automatic_reply_for(
    *, open_now: bool, urgent: bool, source_type: SourceType, mode: str
) -> AutomaticReply | None:
    """Choose the automatic reply to an inbound message, or None.

    Only a one-to-one chat in active mode gets one, because a reply to a group or room
    would reach other members, and in standby mode another module owns the chat. Whether
    the message opened or joined a case is checked later, against the stored message.
    """
    if open_now or source_type is not SourceType.USER or mode != "active":
        return None
    if urgent:
        return AutomaticReply.CRISIS
    return AutomaticReply.AFTER_HOURS


def unclaimed_alert_period(
    *,
    calendar: DeskCalendar,
    channel: str,
    unclaimed_since: datetime,
    now: datetime,
    claim_window: timedelta,
) -> datetime | None:
    """Return the start of the open period whose urgent_unclaimed alert is due, or None.

    The claim window starts when the case became urgent and unclaimed, or at the opening
    if that happened while the desk was closed. If the desk closes before the window
    ends, the alert is due at closing time, because nobody claims the case until the
    next opening. While the desk is closed, only the latest open period is considered.
    """
    if calendar.is_open(channel, now):
        period = calendar.open_period(channel, now)
    else:
        period = calendar.last_open_period(channel, now)
    if unclaimed_since >= period.end:
        return None

    window_start = max(unclaimed_since, period.start)
    deadline = min(window_start + claim_window, period.end)
    if now < deadline:
        return None
    return period.start
