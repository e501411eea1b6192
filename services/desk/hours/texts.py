"""Japanese texts of the automatic replies: templates, placeholders and date formatting."""

import string
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from services.desk.hours.calendar import TOKYO
from services.desk.hours.schedule import DailyRange, WeeklySchedule

WEEKDAY_NAMES = ("月", "火", "水", "木", "金", "土", "日")

# Values of the placeholders: {next_opening} is the next opening of the channel, such as
# "2月17日（火）18時", and {hours} is its weekly schedule, such as "平日18時から21時".
PLACEHOLDERS = ("next_opening", "hours")

DEFAULT_AFTER_HOURS_TEMPLATE = (
    "メッセージありがとうございます。相談員は{hours}に対応しています。"
    "次は{next_opening}からお返事します。"
)

# NOTE: operators must check these hotline numbers against the hotlines' own announcements
# before going live and regularly afterwards, because numbers and hours change. Set
# DESK_CRISIS_TEXT to replace the whole text.
DEFAULT_CRISIS_TEMPLATE = (
    "メッセージを受け取りました。いまは相談員がお返事できない時間です。\n"
    "つらい気持ちが強いときは、次の窓口に電話で相談できます。\n"
    "・いのちの電話 0570-783-556\n"
    "・よりそいホットライン 0120-279-338\n"
    "命の危険があるとき、すぐに助けが必要なときは、119（救急）か110（警察）に電話してください。\n"
    "相談員は{next_opening}からお返事します。"
)


class AutomaticReply(StrEnum):
    """Kinds of reply that the desk sends without a counselor."""

    AFTER_HOURS = "after_hours"
    CRISIS = "crisis"


class TemplateError(ValueError):
    """A reply template with an unknown placeholder or an unmatched brace."""


@dataclass(frozen=True)
class ChannelTemplates:
    """The default template of one reply kind and the templates of channels with their own."""

    default: str
    channels: dict[str, str] = field(default_factory=dict)

    def for_channel(self, channel: str) -> str:
        return self.channels.get(channel, self.default)


def check_template(template: str) -> None:
    """Raise TemplateError unless every placeholder of `template` is one of PLACEHOLDERS."""
    known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as error:
        raise TemplateError(
            f"{error}; write '{{{{' and '}}}}' for a literal brace, and use only {known}"
        ) from None
    for _literal, name, format_spec, conversion in fields:
        if name is None:
            continue
        if name not in PLACEHOLDERS or format_spec or conversion:
            raise TemplateError(f"unknown placeholder {{{name}}}; use only {known}")


def render_template(template: str, *, next_opening: datetime, schedule: WeeklySchedule) -> str:
    """Fill the placeholders of a template that check_template accepted."""
    return template.format(
        next_opening=format_opening(next_opening), hours=describe_schedule(schedule)
    )


def format_opening(at: datetime) -> str:
    """Format a time as a Japanese date with weekday and hour, such as "2月17日（火）18時"."""
    local = at.astimezone(TOKYO)
    weekday = WEEKDAY_NAMES[local.weekday()]
    clock = format_minute_of_day(local.hour * 60 + local.minute)
    return f"{local.month}月{local.day}日（{weekday}）{clock}"


def format_minute_of_day(minute: int) -> str:
    """Format minutes after midnight as "18時" or "18時30分"."""
    hours, minutes = divmod(minute, 60)
    if minutes == 0:
        return f"{hours}時"
    return f"{hours}時{minutes}分"


def describe_schedule(schedule: WeeklySchedule) -> str:
    """Describe a schedule in Japanese clause by clause.

    "mon-fri 10:00-16:00; sat 10:00-12:00" becomes "平日10時から16時、土曜10時から12時".
    """
    return "、".join(
        _describe_days(clause.weekdays) + _describe_ranges(clause.ranges)
        for clause in schedule.clauses
    )


def _describe_days(weekdays: tuple[int, ...]) -> str:
    # A named group or one day reads well directly before the time ("平日18時から21時").
    # Other lists take "の" ("月曜・水曜の10時から12時").
    named = {(0, 1, 2, 3, 4): "平日", (5, 6): "土日", (0, 1, 2, 3, 4, 5, 6): "毎日"}
    if weekdays in named:
        return named[weekdays]
    if len(weekdays) == 1:
        return WEEKDAY_NAMES[weekdays[0]] + "曜"
    consecutive = weekdays == tuple(range(weekdays[0], weekdays[-1] + 1))
    if consecutive and len(weekdays) > 2:
        return f"{WEEKDAY_NAMES[weekdays[0]]}曜から{WEEKDAY_NAMES[weekdays[-1]]}曜の"
    return "・".join(WEEKDAY_NAMES[day] + "曜" for day in weekdays) + "の"


def _describe_ranges(ranges: tuple[DailyRange, ...]) -> str:
    return "と".join(
        f"{format_minute_of_day(daily.start_minute)}から{format_minute_of_day(daily.end_minute)}"
        for daily in ranges
    )
