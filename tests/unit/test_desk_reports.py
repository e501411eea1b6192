"""Closing rules and the report's arithmetic, without a database."""

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest

from services.desk import closing, reports
from services.desk.closing import AgeBand, InvalidClosing
from services.desk.reports import Period
from shared.schemas import Topic

PERIOD = Period(first_day=date(2023, 2, 16), last_day=date(2023, 2, 28))
T0 = datetime(2023, 2, 20, 10, 0, tzinfo=UTC)


def case(
    person: str,
    *,
    state: str = "closed",
    closed_at: datetime | None = T0,
    age_band: str | None = "30s",
    topics: tuple[str, ...] = (),
    confirmed: tuple[str, ...] | None = (),
) -> dict:
    closed = state == "closed"
    return {
        "conversation_id": person,
        "state": state,
        "closed_at": closed_at if closed else None,
        "age_band": age_band if closed else None,
        "topics": list(topics),
        "confirmed_topics": list(confirmed) if closed and confirmed is not None else None,
    }


def test_period_bounds_in_tokyo_time() -> None:
    assert PERIOD.start == datetime(2023, 2, 15, 15, 0, tzinfo=UTC)
    assert PERIOD.end == datetime(2023, 2, 28, 15, 0, tzinfo=UTC)


def test_band_of_latest_closed_case() -> None:
    """A person counts once, in the band of their latest closed case."""
    rows = [
        case("p1", closed_at=T0, age_band="20s"),
        case("p1", closed_at=T0 + timedelta(days=2), age_band="30s"),
        case("p1", state="open"),
        case("p2", state="claimed"),
        case("p3", closed_at=T0, age_band=None),
    ]
    report = reports.summarize_cases(PERIOD, rows)

    assert report.people == 3
    assert report.consultations == 5
    assert report.consultations_closed == 3
    assert report.people_by_age_band["30s"] == 1
    assert report.people_by_age_band["20s"] == 0
    assert report.people_by_age_band["unknown"] == 2
    assert list(report.people_by_age_band) == [band.value for band in AgeBand]


def test_categories_confirmed_or_triage() -> None:
    """Closed cases count confirmed topics, the others count triage's topics."""
    rows = [
        case("p1", topics=(Topic.WORK.value,), confirmed=(Topic.FAMILY.value,)),
        case("p2", state="waiting", topics=(Topic.WORK.value, Topic.LONELINESS.value)),
        case("p3", topics=(Topic.LEGAL.value,), confirmed=None),
        case("p4", topics=("未知の分類",), confirmed=()),
    ]
    report = reports.summarize_cases(PERIOD, rows)

    assert report.categories_confirmed[Topic.FAMILY.value] == 1
    assert report.categories_confirmed[Topic.WORK.value] == 0
    assert report.categories_triage[Topic.WORK.value] == 1
    assert report.categories_triage[Topic.LONELINESS.value] == 1
    assert report.categories_triage[Topic.LEGAL.value] == 1
    assert "未知の分類" not in report.categories_total
    assert report.categories_total[Topic.WORK.value] == 1
    assert list(report.categories_total)[:14] == [topic.value for topic in Topic]


def test_unknown_triage_label_listed_last() -> None:
    report = reports.summarize_cases(PERIOD, [case("p1", state="open", topics=("未知の分類",))])
    assert list(report.categories_total)[-1] == "未知の分類"
    assert report.categories_total["未知の分類"] == 1


def test_csv_sections_and_bom() -> None:
    rows = [case("p1", age_band="40s", confirmed=(Topic.FAMILY.value, Topic.WORK.value))]
    text = reports.report_csv(reports.summarize_cases(PERIOD, rows))

    assert text.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert table[0] == ["期間 period"]
    assert table[2] == ["2023-02-16", "2023-02-28", "Asia/Tokyo"]
    assert ["people", "1"] in table
    assert ["40s", "1"] in table
    assert [Topic.FAMILY.value, "1", "1", "0"] in table
    assert table.count([]) == 3


def test_json_names_sources() -> None:
    body = reports.report_json(reports.summarize_cases(PERIOD, []))

    assert body["period"] == {"from": "2023-02-16", "to": "2023-02-28", "time_zone": "Asia/Tokyo"}
    assert set(body["consultations_by_category_and_source"]) == {"confirmed", "triage"}


# --- closing --------------------------------------------------------------------------


def test_confirmed_topics_sorted_and_unique() -> None:
    labels = [Topic.LEGAL.value, Topic.FAMILY.value, Topic.LEGAL.value]
    assert closing.confirmed_topics(labels) == [Topic.FAMILY.value, Topic.LEGAL.value]


def test_confirmed_topics_may_be_empty() -> None:
    assert closing.confirmed_topics([]) == []


def test_unknown_topic_rejected() -> None:
    with pytest.raises(InvalidClosing, match="'家庭'"):
        closing.confirmed_topics(["家庭"])


@pytest.mark.parametrize("value", ["10s", "70s+", "unknown"])
def test_age_band_accepted(value: str) -> None:
    assert closing.parse_age_band(value).value == value


@pytest.mark.parametrize("value", ["80s", "", "10S", "70s"])
def test_age_band_rejected(value: str) -> None:
    with pytest.raises(InvalidClosing, match="age_band") as error:
        closing.parse_age_band(value)
    assert "'70s+'" in str(error.value)


def test_topics_differ_ignores_order() -> None:
    assert not closing.topics_differ(["a", "b"], ["b", "a"])
    assert closing.topics_differ(["a"], ["a", "b"])
