"""The city's report on a generated copy of the Yamagata trial, through the real store and API.

The generator spreads the trial's published totals over cases in every state: 85 people,
203 consultations from 2023-02-16 to 2023-02-27 Asia/Tokyo, and the counts by age band and
category. It adds noise just outside the range, reopened cases, triage topics that
counselors corrected, and messages that open no case. The report must reproduce the totals
exactly.
"""

import csv
import io
import random
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import asyncpg
import httpx
import pytest

from services.desk import cases, store
from services.desk.accounts import Principal
from services.desk.domain import Role
from services.desk.reports import TOKYO
from shared.schemas import MessageKind, SourceType, Topic
from tests.integration.test_desk_helpers import (
    api_client,
    bearer_headers,
    make_account,
    migrated_pool,
    triaged,
)

FIRST_DAY = datetime(2023, 2, 16, tzinfo=TOKYO)
PEOPLE = 85
CONSULTATIONS = 203
AGE_BANDS = {"10s": 5, "20s": 13, "30s": 20, "40s": 22, "50s": 16, "60s": 8, "70s+": 1}
CATEGORIES = {
    "家族関係": 44,
    "仕事・就労関係": 39,
    "病気・障害": 27,
    "孤独・孤立": 12,
    "生きがい・趣味": 10,
    "子育て・教育": 10,
    "行政サービス・制度利用": 10,
    "友人関係": 8,
    "恋愛関係": 6,
    "介護": 6,
    "希死念慮・自傷": 3,
    "生活困窮": 1,
    "法律関係": 1,
    "離婚関係": 1,
}
# People whose latest case in the range is still open, claimed or waiting.
UNCLOSED_PEOPLE = range(60, 75)
UNCLOSED_STATES = ("open", "claimed", "waiting")
PEOPLE_WITH_LATER_CASE = range(0, 10)
PEOPLE_WITH_EARLIER_CASE = range(10, 15)
PEOPLE_WHO_REOPEN = range(20, 25)
# Cases of every label's block of instances get distinct cases when spread by this stride
# over this many cases, because the largest count (44) is below it.
LABELED_CASES = 101
LABEL_STRIDE = 11


@dataclass
class PlannedCase:
    person: int
    opened_at: datetime
    labels: list[str] = field(default_factory=list)
    band: str = "unknown"
    final_state: str = "closed"


def plan_trial() -> list[PlannedCase]:
    """Spread the trial's totals over 203 cases of 85 people, in time order per person."""
    rng = random.Random(20230216)
    bands = [band for band, count in AGE_BANDS.items() for _ in range(count)]
    rng.shuffle(bands)
    people_with_three = set(rng.sample(range(PEOPLE), CONSULTATIONS - 2 * PEOPLE))

    planned: list[PlannedCase] = []
    for person in range(PEOPLE):
        count = 3 if person in people_with_three else 2
        for index in range(count):
            # Four days apart, so the next case is never within the reopening window.
            opened_at = FIRST_DAY + timedelta(
                days=4 * index + person % 4, hours=10 + person % 12, minutes=person % 60
            )
            last = index == count - 1
            # Earlier cases carry another band, so only the latest closed one may count.
            band = bands[person] if last else "unknown"
            planned.append(PlannedCase(person=person, opened_at=opened_at, band=band))
        if person in UNCLOSED_PEOPLE:
            planned[-1].final_state = UNCLOSED_STATES[person % 3]
            planned[-2].band = bands[person]

    # The range's first and last instants are inside it.
    planned[0].opened_at = FIRST_DAY
    last_moment = FIRST_DAY + timedelta(days=12) - timedelta(seconds=1)
    late = next(case for case in planned if case.opened_at.date() == last_moment.date())
    late.opened_at = last_moment

    order = list(range(len(planned)))
    rng.shuffle(order)
    instances = [label for label, count in CATEGORIES.items() for _ in range(count)]
    for position, label in enumerate(instances):
        planned[order[(position * LABEL_STRIDE) % LABELED_CASES]].labels.append(label)
    return planned


def triage_labels(case: PlannedCase, index: int) -> list[str]:
    """Return the topics triage gave: for closed cases often not what the counselor confirmed."""
    if case.final_state != "closed" or index % 2 == 0:
        return case.labels
    return [Topic.LONELINESS.value] if case.labels != [Topic.LONELINESS.value] else []


class TrialLoader:
    """Writes planned cases through the store and case actions, as the desk would."""

    def __init__(self, pool: asyncpg.Pool, counselor: Principal, supervisor: Principal) -> None:
        self.pool = pool
        self.counselor = counselor
        self.supervisor = supervisor

    async def message(self, person: str, sent_at: datetime, labels: list[str], **changes) -> object:
        topics = tuple(Topic(label) for label in labels)
        event = triaged(person, sent_at=sent_at, topics=topics, **changes)
        return await store.record_triaged_message(self.pool, event=event)

    async def close(self, case_id: object, labels: list[str], band: str, at: datetime) -> None:
        await cases.close_case(
            self.pool,
            case_id=case_id,
            principal=self.supervisor,
            topics=labels,
            age_band=band,
            request_id=None,
            closed_at=at,
        )

    async def closed_case(self, person: str, moment: datetime, band: str) -> None:
        """Store a case outside the range whose topics and band must not count."""
        result = await self.message(person, moment, [Topic.LEGAL.value])
        await self.close(result.case_id, [Topic.DIVORCE.value], band, moment + timedelta(hours=1))

    async def load(self, case: PlannedCase, index: int) -> None:
        person = f"person-{case.person:03}"
        opened = await self.message(person, case.opened_at, triage_labels(case, index))
        if index % 5 == 0:
            await self.message(
                person, case.opened_at + timedelta(minutes=1), [], kind=MessageKind.STICKER
            )
        await self.finish(case, opened.case_id)

    async def finish(self, case: PlannedCase, case_id: object) -> None:
        if case.final_state in ("claimed", "waiting"):
            await cases.claim_case(
                self.pool, case_id=case_id, principal=self.counselor, request_id=None
            )
        if case.final_state == "waiting":
            await cases.reply_to_case(
                self.pool, case_id=case_id, text="はい", principal=self.counselor, request_id=None
            )
        if case.final_state != "closed":
            return
        closed_at = case.opened_at + timedelta(hours=2)
        await self.close(case_id, case.labels, case.band, closed_at)
        if case.person in PEOPLE_WHO_REOPEN and case.band == "unknown":
            # A message an hour after the close reopens the case; it is closed again.
            person = f"person-{case.person:03}"
            await self.message(person, closed_at + timedelta(hours=1), [Topic.LEGAL.value])
            await self.close(case_id, case.labels, case.band, closed_at + timedelta(hours=2))


async def load_noise_before(loader: TrialLoader) -> None:
    """Add closed cases before the range, loaded first so that each chat stays in time order."""
    for person in PEOPLE_WITH_EARLIER_CASE:
        await loader.closed_case(
            f"person-{person:03}", FIRST_DAY - timedelta(days=10, hours=person), "10s"
        )
    await loader.closed_case("noise-before", FIRST_DAY - timedelta(seconds=1), "70s+")


async def load_noise_after(loader: TrialLoader) -> None:
    """Add cases after the range, and messages inside it that open no case."""
    for person in PEOPLE_WITH_LATER_CASE:
        await loader.closed_case(
            f"person-{person:03}", FIRST_DAY + timedelta(days=22, hours=person), "70s+"
        )
    await loader.closed_case("noise-after", FIRST_DAY + timedelta(days=12), "10s")
    inside = FIRST_DAY + timedelta(days=3)
    await loader.message("group-1", inside, [Topic.WORK.value], source_type=SourceType.GROUP)
    await loader.message("standby-1", inside, [Topic.WORK.value], mode="standby")
    await loader.message("follower-1", inside, [], kind=MessageKind.FOLLOW)


@pytest.fixture
async def trial(database_url: str) -> AsyncIterator[tuple[asyncpg.Pool, list[PlannedCase]]]:
    async with migrated_pool(database_url) as pool:
        loader = TrialLoader(
            pool,
            counselor=await make_account(pool, Role.COUNSELOR),
            supervisor=await make_account(pool, Role.SUPERVISOR),
        )
        planned = plan_trial()
        await load_noise_before(loader)
        for index, case in enumerate(planned):
            await loader.load(case, index)
        await load_noise_after(loader)
        yield pool, planned


@pytest.fixture
async def city_client(
    trial: tuple[asyncpg.Pool, list[PlannedCase]], database_url: str
) -> AsyncIterator[httpx.AsyncClient]:
    pool, _ = trial
    headers = await bearer_headers(pool, await make_account(pool, Role.CITY))
    async with api_client(pool, database_url) as client:
        client.headers.update(headers)
        yield client


def test_plan_matches_trial_totals() -> None:
    """The generator itself spreads exactly the published totals."""
    planned = plan_trial()
    labels = Counter(label for case in planned for label in case.labels)

    assert len(planned) == CONSULTATIONS
    assert len({case.person for case in planned}) == PEOPLE
    assert dict(labels) == CATEGORIES
    assert all(len(case.labels) == len(set(case.labels)) for case in planned)
    assert max(len(case.labels) for case in planned) == 2
    assert {case.final_state for case in planned} == {"closed", *UNCLOSED_STATES}


async def test_report_json_reproduces_trial(
    city_client: httpx.AsyncClient, trial: tuple[asyncpg.Pool, list[PlannedCase]]
) -> None:
    pool, planned = trial
    response = await city_client.get("/api/reports?from=2023-02-16&to=2023-02-27")
    body = response.json()
    reopened = await pool.fetchval("SELECT count(*) FROM desk.case_events WHERE kind = 'reopened'")

    assert response.status_code == 200, response.text
    assert body["period"] == {"from": "2023-02-16", "to": "2023-02-27", "time_zone": "Asia/Tokyo"}
    assert body["people"] == PEOPLE
    assert body["consultations"] == CONSULTATIONS
    assert reopened > 0
    assert body["people_by_age_band"] == {**AGE_BANDS, "unknown": 0}
    assert body["consultations_by_category"] == CATEGORIES
    unclosed = [case for case in planned if case.final_state != "closed"]
    from_triage = Counter(label for case in unclosed for label in case.labels)
    sources = body["consultations_by_category_and_source"]
    assert {label: n for label, n in sources["triage"].items() if n} == dict(from_triage)
    assert body["consultations_closed"] == CONSULTATIONS - len(unclosed)
    for label, total in CATEGORIES.items():
        assert sources["confirmed"][label] + sources["triage"][label] == total


async def test_report_csv_reproduces_trial(city_client: httpx.AsyncClient) -> None:
    response = await city_client.get("/api/reports.csv?from=2023-02-16&to=2023-02-27")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert "report_2023-02-16_2023-02-27.csv" in response.headers["content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    sections = read_csv_sections(response.content.decode("utf-8-sig"))
    assert sections["期間 period"] == [["2023-02-16", "2023-02-27", "Asia/Tokyo"]]
    totals = dict(sections["合計 totals"])
    assert totals["people"] == str(PEOPLE)
    assert totals["consultations"] == str(CONSULTATIONS)
    bands = {band: int(count) for band, count in sections["年代別相談者数 people_by_age_band"]}
    assert bands == {**AGE_BANDS, "unknown": 0}
    categories = sections["分類別相談件数 consultations_by_category"]
    assert {row[0]: int(row[1]) for row in categories} == CATEGORIES
    assert all(int(row[1]) == int(row[2]) + int(row[3]) for row in categories)


def read_csv_sections(text: str) -> dict[str, list[list[str]]]:
    """Return each section's data rows by its title, skipping the header row."""
    sections: dict[str, list[list[str]]] = {}
    rows = list(csv.reader(io.StringIO(text)))
    start = 0
    for end in [*(i for i, row in enumerate(rows) if not row), len(rows)]:
        block = rows[start:end]
        sections[block[0][0]] = block[2:]
        start = end + 1
    return sections


async def test_range_splits_at_tokyo_midnight(city_client: httpx.AsyncClient) -> None:
    """The first planned case opens at 00:00 Tokyo time on the first day, not the day before."""
    before = await city_client.get("/api/reports?from=2023-02-15&to=2023-02-15")
    after = await city_client.get("/api/reports?from=2023-02-28&to=2023-02-28")

    assert before.json()["consultations"] == 1
    assert after.json()["consultations"] == 1
    assert after.json()["people_by_age_band"]["10s"] == 1


@pytest.mark.parametrize(
    ("query", "expected_words"),
    [
        ("to=2023-02-27", "missing query parameter 'from'; give a date as YYYY-MM-DD"),
        ("from=2023-02-16", "missing query parameter 'to'"),
        (
            "from=2023/02/16&to=2023-02-27",
            "'from' is '2023/02/16', which is not in the format YYYY-MM-DD",
        ),
        ("from=20230216&to=2023-02-27", "not in the format YYYY-MM-DD"),
        ("from=2023-02-16&to=2023-02-30", "'to' is '2023-02-30', which is not a valid date"),
        ("from=2023-02-27&to=2023-02-16", "'from' (2023-02-27) is after 'to' (2023-02-16)"),
    ],
)
async def test_invalid_dates_rejected(
    city_client: httpx.AsyncClient, query: str, expected_words: str
) -> None:
    for path in ("/api/reports", "/api/reports.csv"):
        response = await city_client.get(f"{path}?{query}")
        assert response.status_code == 422
        assert expected_words in response.json()["error"]
