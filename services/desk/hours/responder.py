"""The automatic replies to inbound messages that arrive while the desk is closed."""

from collections.abc import Callable

import asyncpg
import structlog

from services.desk.hours import rules
from services.desk.hours.calendar import Period
from services.desk.hours.clock import Clock, system_clock
from services.desk.hours.metrics import ALERTS_RAISED, AUTOMATIC_REPLIES
from services.desk.hours.settings import HoursSettings
from services.desk.hours.store import AutomaticReplyResult, ReplyOutcome, queue_automatic_reply
from services.desk.hours.texts import AutomaticReply
from shared.schemas import MessageTriaged

log = structlog.get_logger()


def _no_wake() -> None:
    return None


class AfterHoursResponder:
    """Hook that handle_message_triaged calls after it stores an inbound event.

    It also runs for a redelivered event, because a crash between storing the message and
    queueing the reply would otherwise lose the reply. The marker rows of
    desk.automatic_replies keep that to one reply per message. Whether the desk is open is
    decided at the time of handling (`now`), not at the message's sent_at. A message handled
    after closing gets no counselor reply before the next opening either, so it gets the
    after-hours reply.
    """

    def __init__(
        self,
        *,
        settings: HoursSettings,
        now: Clock = system_clock,
        wake: Callable[[], None] = _no_wake,
    ) -> None:
        self._settings = settings
        self._now = now
        self._wake = wake

    async def handle_stored_message(
        self, pool: asyncpg.Pool, *, event: MessageTriaged
    ) -> AutomaticReplyResult | None:
        """Queue the after-hours or crisis reply that `event` needs, if any, and return it."""
        message = event.message
        now = self._now()
        calendar = self._settings.calendar
        kind = rules.automatic_reply_for(
            open_now=calendar.is_open(message.channel, now),
            urgent=event.urgent,
            source_type=message.source.type,
            mode=message.mode,
        )
        if kind is None:
            return None

        closed_period = calendar.closed_period(message.channel, now)
        text = self._settings.reply_text(kind, message.channel, next_opening=closed_period.end)
        result = await queue_automatic_reply(
            pool, event=event, kind=kind, text=text, closed_period=closed_period, now=now
        )
        _record_result(kind=kind, result=result, closed_period=closed_period)
        if result.outcome is ReplyOutcome.QUEUED:
            self._wake()
        return result


def _record_result(
    *, kind: AutomaticReply, result: AutomaticReplyResult, closed_period: Period
) -> None:
    AUTOMATIC_REPLIES.labels(kind=kind.value, outcome=result.outcome.value).inc()
    case_id = str(result.case_id) if result.case_id else None
    if result.outcome is ReplyOutcome.QUEUED:
        log.info(
            "automatic_reply_queued",
            reply_kind=kind.value,
            case_id=case_id,
            reply_id=str(result.reply_id),
            closed_period_start=closed_period.start.isoformat(),
            next_opening=closed_period.end.isoformat(),
        )
    else:
        log.info(
            "automatic_reply_skipped",
            reply_kind=kind.value,
            reason=result.outcome.value,
            case_id=case_id,
            closed_period_start=closed_period.start.isoformat(),
        )
    if result.alert is not None:
        ALERTS_RAISED.labels(kind=result.alert.kind.value).inc()
        log.warning(
            "alert_raised",
            alert_id=str(result.alert.alert_id),
            alert_kind=result.alert.kind.value,
            case_id=str(result.alert.case_id),
            conversation_id=result.alert.conversation_id,
        )
