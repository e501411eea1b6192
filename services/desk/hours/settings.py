"""Environment variables of the opening hours, the automatic replies and the alerts.

Call load_hours_settings at start-up: it raises SettingsError, which ends the process with a
message naming the variable, its value and the expected format. An empty variable counts
as unset.
"""

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from services.desk import domain
from services.desk.hours.calendar import TOKYO, ChannelSchedules, DeskCalendar
from services.desk.hours.schedule import (
    CLOSED_DATES_FORMAT,
    SCHEDULE_FORMAT,
    ScheduleError,
    WeeklySchedule,
    parse_closed_dates,
    parse_schedule,
)
from services.desk.hours.texts import (
    DEFAULT_AFTER_HOURS_TEMPLATE,
    DEFAULT_CRISIS_TEMPLATE,
    PLACEHOLDERS,
    AutomaticReply,
    ChannelTemplates,
    TemplateError,
    check_template,
    render_template,
)
from shared.channels import CHANNEL_NAME
from shared.settings import SettingsError

HOURS_VARIABLE = "DESK_HOURS"
CLOSED_DATES_VARIABLE = "DESK_CLOSED_DATES"
AFTER_HOURS_TEXT_VARIABLE = "DESK_AFTER_HOURS_TEXT"
CRISIS_TEXT_VARIABLE = "DESK_CRISIS_TEXT"
CLAIM_MINUTES_VARIABLE = "DESK_URGENT_CLAIM_MINUTES"

DEFAULT_HOURS = "mon-fri 18:00-21:00"
DEFAULT_CLAIM_MINUTES = 5
MAX_CLAIM_MINUTES = 24 * 60

# An opening with minutes gives the longest {next_opening}. Templates are rendered with it
# at start-up to check that the text fits in one LINE message.
_SAMPLE_OPENING = datetime(2026, 12, 28, 18, 30, tzinfo=TOKYO)


@dataclass(frozen=True, kw_only=True)
class HoursSettings:
    """Checked configuration of opening hours, automatic reply texts and urgent alerts."""

    calendar: DeskCalendar
    after_hours_templates: ChannelTemplates
    crisis_templates: ChannelTemplates
    urgent_claim_window: timedelta

    def reply_text(self, kind: AutomaticReply, channel: str, *, next_opening: datetime) -> str:
        """Render the reply text of `kind` for `channel`."""
        templates = self.after_hours_templates
        if kind is AutomaticReply.CRISIS:
            templates = self.crisis_templates
        return render_template(
            templates.for_channel(channel),
            next_opening=next_opening,
            schedule=self.calendar.schedules.for_channel(channel),
        )


def load_hours_settings(environ: Mapping[str, str] | None = None) -> HoursSettings:
    """Read and check the variables from `environ`, by default the process environment."""
    environ = os.environ if environ is None else environ
    default_hours = _get(environ, HOURS_VARIABLE) or DEFAULT_HOURS
    schedules = ChannelSchedules(
        default=_schedule(HOURS_VARIABLE, default_hours),
        channels={
            channel: _schedule(variable, value)
            for channel, variable, value in _per_channel(environ, HOURS_VARIABLE)
        },
    )
    closed_dates = _closed_dates(_get(environ, CLOSED_DATES_VARIABLE) or "")
    return HoursSettings(
        calendar=DeskCalendar(schedules=schedules, closed_dates=closed_dates),
        after_hours_templates=_templates(
            environ, AFTER_HOURS_TEXT_VARIABLE, DEFAULT_AFTER_HOURS_TEMPLATE, schedules
        ),
        crisis_templates=_templates(
            environ, CRISIS_TEXT_VARIABLE, DEFAULT_CRISIS_TEMPLATE, schedules
        ),
        urgent_claim_window=timedelta(minutes=_claim_minutes(environ)),
    )


def _get(environ: Mapping[str, str], variable: str) -> str | None:
    value = environ.get(variable, "")
    return value if value.strip() else None


def _per_channel(environ: Mapping[str, str], variable: str) -> list[tuple[str, str, str]]:
    """Return (channel, variable, value) of each set `<variable>_<CHANNEL>`, sorted by name."""
    prefix = variable + "_"
    listed = _listed_channels(environ)
    found = []
    for name in sorted(environ):
        value = _get(environ, name)
        if not name.startswith(prefix) or value is None:
            continue
        channel = name.removeprefix(prefix).lower()
        if not CHANNEL_NAME.match(channel):
            raise SettingsError(
                f"invalid configuration: {name} names the channel {channel!r}; after {prefix} "
                "write a channel name of letters, digits and '_', starting with a letter"
            )
        if listed is not None and channel not in listed:
            raise SettingsError(
                f"invalid configuration: {name} is set, but LINE_CHANNELS="
                f"{environ['LINE_CHANNELS']!r} has no channel {channel!r}; correct the channel "
                f"name after {prefix} or remove the variable"
            )
        found.append((channel, name, value))
    return found


def _listed_channels(environ: Mapping[str, str]) -> set[str] | None:
    # The desk does not need LINE_CHANNELS, but where it is set, it catches a misspelled
    # channel name that would otherwise fall back to the default silently.
    names = _get(environ, "LINE_CHANNELS")
    if names is None:
        return None
    return {name.strip() for name in names.split(",") if name.strip()}


def _schedule(variable: str, value: str) -> WeeklySchedule:
    try:
        return parse_schedule(value)
    except ScheduleError as error:
        raise SettingsError(_invalid(variable, value, str(error), SCHEDULE_FORMAT)) from None


def _closed_dates(value: str) -> frozenset[date]:
    try:
        return parse_closed_dates(value)
    except ScheduleError as error:
        raise SettingsError(
            _invalid(CLOSED_DATES_VARIABLE, value, str(error), CLOSED_DATES_FORMAT)
        ) from None


def _templates(
    environ: Mapping[str, str], variable: str, default: str, schedules: ChannelSchedules
) -> ChannelTemplates:
    default_template = _template(variable, _get(environ, variable) or default)
    channels = {}
    for channel, channel_variable, value in _per_channel(environ, variable):
        template = _template(channel_variable, value)
        _check_rendered(channel_variable, template, [schedules.for_channel(channel)])
        channels[channel] = template
    # Every channel without its own template uses the default one with its own schedule.
    _check_rendered(variable, default_template, [schedules.default, *schedules.channels.values()])
    return ChannelTemplates(default=default_template, channels=channels)


def _template(variable: str, value: str) -> str:
    # Many deployment tools cannot put a line break into an environment variable, so the
    # two characters backslash and n stand for one.
    template = value.replace("\\n", "\n")
    try:
        check_template(template)
    except TemplateError as error:
        raise SettingsError(_invalid(variable, value, str(error), _template_format())) from None
    return template


def _check_rendered(variable: str, template: str, schedules: Iterable[WeeklySchedule]) -> None:
    for schedule in schedules:
        text = render_template(template, next_opening=_SAMPLE_OPENING, schedule=schedule)
        try:
            domain.validate_reply_text(text)
        except domain.InvalidReplyText as error:
            raise SettingsError(
                _invalid(variable, template, str(error), _template_format())
            ) from None


def _template_format() -> str:
    names = " and ".join("{" + name + "}" for name in PLACEHOLDERS)
    return f"a Japanese text that may contain {names}, with \\n for a line break"


def _claim_minutes(environ: Mapping[str, str]) -> int:
    value = _get(environ, CLAIM_MINUTES_VARIABLE)
    if value is None:
        return DEFAULT_CLAIM_MINUTES
    expected = f"a whole number of minutes from 1 to {MAX_CLAIM_MINUTES}"
    try:
        minutes = int(value.strip())
    except ValueError:
        raise SettingsError(
            _invalid(CLAIM_MINUTES_VARIABLE, value, "not a whole number", expected)
        ) from None
    if not 1 <= minutes <= MAX_CLAIM_MINUTES:
        raise SettingsError(_invalid(CLAIM_MINUTES_VARIABLE, value, "out of range", expected))
    return minutes


def _invalid(variable: str, value: str, reason: str, expected: str) -> str:
    return (
        f"invalid configuration: {variable}={value!r} is invalid: {reason}. "
        f"Expected {expected}. Correct the variable and start again."
    )
