"""Parsing and checking of DESK_HOURS, DESK_CLOSED_DATES, the reply texts and the claim window."""

from datetime import UTC, date, datetime, timedelta

import pytest

from services.desk.hours.calendar import TOKYO
from services.desk.hours.schedule import (
    DailyRange,
    ScheduleError,
    parse_closed_dates,
    parse_schedule,
)
from services.desk.hours.settings import load_hours_settings
from services.desk.hours.texts import (
    AutomaticReply,
    TemplateError,
    check_template,
    describe_schedule,
    format_opening,
)
from shared.settings import SettingsError

# --- schedules ------------------------------------------------------------------------


def test_parse_schedule_clauses_and_days() -> None:
    schedule = parse_schedule("mon-fri 10:00-16:00; sat 10:00-12:00,13:00-15:30")

    assert schedule.ranges_on(0) == (DailyRange(600, 960),)
    assert schedule.ranges_on(4) == (DailyRange(600, 960),)
    assert schedule.ranges_on(5) == (DailyRange(600, 720), DailyRange(780, 930))
    assert schedule.ranges_on(6) == ()
    assert len(schedule.clauses) == 2


def test_parse_schedule_merges_overlaps() -> None:
    """Overlapping and touching ranges of one day merge, also across clauses."""
    schedule = parse_schedule("mon 10:00-12:00,11:00-13:00; mon 13:00-14:00; MON,Wed 20:00-24:00")

    assert schedule.ranges_on(0) == (DailyRange(600, 840), DailyRange(1200, 1440))
    assert schedule.ranges_on(2) == (DailyRange(1200, 1440),)


def test_parse_schedule_ignores_spaces_and_empty_clauses() -> None:
    schedule = parse_schedule("  mon-fri   18:00 - 21:00 ;; ")

    assert schedule.ranges_on(1) == (DailyRange(1080, 1260),)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no opening hours"),
        (" ; ", "no opening hours"),
        ("mon-fri", "needs days, a space and times"),
        ("sta 10:00-12:00", "unknown day 'sta'"),
        ("fri-mon 10:00-12:00", "runs backwards"),
        ("mon 10-12", "not HH:MM-HH:MM"),
        ("mon 21:00-18:00", "does not end after it starts"),
        ("mon 22:00-02:00", "cannot run past midnight"),
        ("mon 10:60-11:00", "does not exist"),
        ("mon 25:00-26:00", "does not exist"),
        ("mon 24:00-24:00", "starts at 24:00"),
        ("mon 10:00-24:30", "does not exist"),
    ],
)
def test_parse_schedule_rejects(text: str, reason: str) -> None:
    with pytest.raises(ScheduleError, match=reason):
        parse_schedule(text)


def test_parse_closed_dates_lists_and_ranges() -> None:
    closed = parse_closed_dates("2026-12-29..2027-01-03, 2027-05-06,")

    assert len(closed) == 7
    assert date(2026, 12, 31) in closed
    assert date(2027, 1, 3) in closed
    assert date(2027, 5, 6) in closed
    assert parse_closed_dates("") == frozenset()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2026/12/29", "is not a date"),
        ("20261229", "is not a date"),
        ("2026-13-01", "does not exist"),
        ("2026-12-30..2026-12-29", "ends before it starts"),
        ("2026-01-01..2027-12-31", "covers 730 days"),
    ],
)
def test_parse_closed_dates_rejects(text: str, reason: str) -> None:
    with pytest.raises(ScheduleError, match=reason):
        parse_closed_dates(text)


# --- texts ----------------------------------------------------------------------------


def test_format_opening_japanese() -> None:
    assert format_opening(datetime(2026, 2, 17, 18, 0, tzinfo=TOKYO)) == "2月17日（火）18時"
    assert format_opening(datetime(2026, 11, 24, 18, 30, tzinfo=TOKYO)) == "11月24日（火）18時30分"
    # 09:00 UTC on a Sunday is 18:00 on the same Sunday in Tokyo.
    assert format_opening(datetime(2026, 2, 22, 9, 0, tzinfo=UTC)) == "2月22日（日）18時"


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        ("mon-fri 18:00-21:00", "平日18時から21時"),
        ("mon-fri 10:00-16:00; sat 10:00-12:00", "平日10時から16時、土曜10時から12時"),
        ("sat-sun 09:30-12:00,13:00-24:00", "土日9時30分から12時と13時から24時"),
        ("mon-thu 10:00-16:00", "月曜から木曜の10時から16時"),
        ("mon,wed 10:00-12:00", "月曜・水曜の10時から12時"),
        ("mon-sun 00:00-24:00", "毎日0時から24時"),
    ],
)
def test_describe_schedule_japanese(schedule: str, expected: str) -> None:
    assert describe_schedule(parse_schedule(schedule)) == expected


@pytest.mark.parametrize(
    ("template", "reason"),
    [
        ("次は{next_openig}から", "unknown placeholder {next_openig}"),
        ("次は{}から", "unknown placeholder {}"),
        ("次は{next_opening!r}から", "unknown placeholder"),
        ("次は{next_opening:>20}から", "unknown placeholder"),
        ("次は{next_opening.year}から", "unknown placeholder"),
        ("次は{next_opening", "literal brace"),
        ("}", "literal brace"),
    ],
)
def test_check_template_rejects(template: str, reason: str) -> None:
    with pytest.raises(TemplateError, match=reason):
        check_template(template)


def test_check_template_accepts_escaped_braces() -> None:
    check_template("{{窓口}} {hours} {next_opening}")


# --- settings from the environment ----------------------------------------------------


def test_defaults() -> None:
    settings = load_hours_settings({})
    opening = datetime(2026, 2, 17, 18, 0, tzinfo=TOKYO)

    assert settings.urgent_claim_window == timedelta(minutes=5)
    assert settings.calendar.is_open("consultation", opening)
    assert settings.reply_text(
        AutomaticReply.AFTER_HOURS, "consultation", next_opening=opening
    ) == (
        "メッセージありがとうございます。相談員は平日18時から21時に対応しています。"
        "次は2月17日（火）18時からお返事します。"
    )


def test_default_crisis_text_lists_hotlines() -> None:
    settings = load_hours_settings({})
    opening = datetime(2026, 2, 17, 18, 0, tzinfo=TOKYO)
    text = settings.reply_text(AutomaticReply.CRISIS, "consultation", next_opening=opening)

    assert "いのちの電話 0570-783-556" in text
    assert "よりそいホットライン 0120-279-338" in text
    assert "119" in text
    assert "110" in text
    assert "2月17日（火）18時" in text


def test_channel_variables() -> None:
    settings = load_hours_settings(
        {
            "DESK_HOURS": "mon-fri 17:00-20:00",
            "DESK_HOURS_PARENTS": "mon-fri 10:00-16:00; sat 10:00-12:00",
            "DESK_CLOSED_DATES": "2026-12-29,2026-12-30",
            "DESK_AFTER_HOURS_TEXT_PARENTS": "保護者窓口は{hours}です。\\n次は{next_opening}。",
            "DESK_CRISIS_TEXT": "相談先: 0570-783-556",
            "DESK_URGENT_CLAIM_MINUTES": "10",
            "LINE_CHANNELS": "consultation,parents",
        }
    )
    opening = datetime(2026, 2, 21, 10, 0, tzinfo=TOKYO)
    calendar = settings.calendar

    assert calendar.is_open("consultation", datetime(2026, 2, 17, 17, 0, tzinfo=TOKYO))
    assert calendar.is_open("parents", datetime(2026, 2, 21, 11, 0, tzinfo=TOKYO))
    assert not calendar.is_open("parents", datetime(2026, 12, 29, 11, 0, tzinfo=TOKYO))
    assert settings.reply_text(AutomaticReply.AFTER_HOURS, "parents", next_opening=opening) == (
        "保護者窓口は平日10時から16時、土曜10時から12時です。\n次は2月21日（土）10時。"
    )
    consultation_text = settings.reply_text(
        AutomaticReply.AFTER_HOURS, "consultation", next_opening=opening
    )
    assert "平日17時から20時" in consultation_text
    assert settings.reply_text(AutomaticReply.CRISIS, "parents", next_opening=opening) == (
        "相談先: 0570-783-556"
    )
    assert settings.urgent_claim_window == timedelta(minutes=10)


def test_empty_variables_count_as_unset() -> None:
    settings = load_hours_settings(
        {"DESK_HOURS": "", "DESK_HOURS_PARENTS": " ", "DESK_URGENT_CLAIM_MINUTES": ""}
    )

    assert settings.calendar.schedules.channels == {}
    assert settings.urgent_claim_window == timedelta(minutes=5)


@pytest.mark.parametrize(
    ("environ", "expected_words"),
    [
        (
            {"DESK_HOURS": "mon-fri 18-21"},
            ["DESK_HOURS='mon-fri 18-21'", "not HH:MM-HH:MM", "Expected clauses"],
        ),
        (
            {"DESK_HOURS_PARENTS": "sta 10:00-12:00"},
            ["DESK_HOURS_PARENTS='sta 10:00-12:00'", "unknown day 'sta'", "mon-fri 18:00-21:00"],
        ),
        (
            {"DESK_CLOSED_DATES": "2026-12-29,12-30"},
            ["DESK_CLOSED_DATES='2026-12-29,12-30'", "'12-30' is not a date", "YYYY-MM-DD"],
        ),
        (
            {"DESK_AFTER_HOURS_TEXT": "次は{opening}"},
            ["DESK_AFTER_HOURS_TEXT='次は{opening}'", "unknown placeholder", "{next_opening}"],
        ),
        (
            {"DESK_CRISIS_TEXT_PARENTS": "あ" * 5001},
            ["DESK_CRISIS_TEXT_PARENTS=", "at most 5,000"],
        ),
        (
            {"DESK_CRISIS_TEXT": "\u200b"},
            ["DESK_CRISIS_TEXT=", "empty"],
        ),
        (
            {"DESK_URGENT_CLAIM_MINUTES": "five"},
            ["DESK_URGENT_CLAIM_MINUTES='five'", "not a whole number", "from 1 to 1440"],
        ),
        (
            {"DESK_URGENT_CLAIM_MINUTES": "0"},
            ["DESK_URGENT_CLAIM_MINUTES='0'", "out of range"],
        ),
        (
            {"DESK_HOURS_9X": "mon 10:00-12:00"},
            ["DESK_HOURS_9X", "channel '9x'"],
        ),
        (
            {"LINE_CHANNELS": "consultation,parents", "DESK_HOURS_PARENT": "mon 10:00-12:00"},
            ["DESK_HOURS_PARENT is set", "no channel 'parent'"],
        ),
    ],
)
def test_invalid_variables_rejected(environ: dict[str, str], expected_words: list[str]) -> None:
    """Each error names the variable, shows the value and gives the expected format."""
    with pytest.raises(SettingsError) as raised:
        load_hours_settings(environ)

    message = str(raised.value)
    assert message.startswith("invalid configuration: ")
    for words in expected_words:
        assert words in message
