"""Case moves on a real PostgreSQL: claims, releases, transfers, replies, closes and reopening."""

import asyncio
import shutil
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from uuid import UUID

import asyncpg
import pytest

from services.desk import case_queries, cases, domain, store
from services.desk.accounts import Principal
from services.desk.app import MIGRATIONS_DIRECTORY
from services.desk.audit import fetch_audit
from services.desk.closing import InvalidClosing
from services.desk.domain import (
    CaseAlreadyClaimed,
    ForbiddenMove,
    InboundAction,
    NotPermitted,
    Role,
)
from shared.db import apply_migrations, create_pool
from shared.schemas import Topic
from tests.integration.test_desk_helpers import T0, make_account, migrated_pool, triaged

CONCURRENT_CLAIMS = 20


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    async with migrated_pool(database_url) as pool:
        yield pool


@pytest.fixture
async def counselor(pool: asyncpg.Pool) -> Principal:
    return await make_account(pool, Role.COUNSELOR, name="相談員A")


@pytest.fixture
async def other_counselor(pool: asyncpg.Pool) -> Principal:
    return await make_account(pool, Role.COUNSELOR, name="相談員B")


async def open_case(pool: asyncpg.Pool, conversation_id: str = "conv-a", **changes: object) -> UUID:
    result = await store.record_triaged_message(pool, event=triaged(conversation_id, **changes))
    return result.case_id


async def claim(pool: asyncpg.Pool, case_id: UUID, principal: Principal) -> asyncpg.Record:
    return await cases.claim_case(pool, case_id=case_id, principal=principal, request_id="req-1")


async def close(
    pool: asyncpg.Pool,
    case_id: UUID,
    principal: Principal,
    topics: list[str] | None = None,
    age_band: str = "40s",
    **changes: object,
) -> asyncpg.Record:
    return await cases.close_case(
        pool,
        case_id=case_id,
        principal=principal,
        topics=topics or [],
        age_band=age_band,
        request_id="req-close",
        **changes,
    )


async def reply(pool: asyncpg.Pool, case_id: UUID, principal: Principal) -> None:
    await cases.reply_to_case(
        pool, case_id=case_id, text="お話を聞かせてください", principal=principal, request_id="r"
    )


async def events(pool: asyncpg.Pool, case_id: UUID) -> list[tuple[str, str, str | None, str]]:
    rows = await case_queries.fetch_case_events(pool, case_id=case_id)
    return [(row["kind"], row["from_state"], row["to_state"], row["actor"]) for row in rows]


# --- claiming -------------------------------------------------------------------------


async def test_claim_open_case(pool: asyncpg.Pool, counselor: Principal) -> None:
    case_id = await open_case(pool)
    case = await claim(pool, case_id, counselor)

    assert case["state"] == "claimed"
    assert case["claimed_by"] == counselor.account_id
    assert case["claimant_name"] == "相談員A"
    assert (await events(pool, case_id))[-1] == (
        "claimed",
        "open",
        "claimed",
        str(counselor.account_id),
    )
    [audit] = await fetch_audit(pool, case_id=case_id)
    assert audit["action"] == "case.claim"
    assert audit["account_id"] == counselor.account_id
    assert audit["request_id"] == "req-1"


async def test_concurrent_claims_one_winner(database_url: str) -> None:
    """20 counselors claim one case at once on 20 connections: one wins, 19 get a conflict."""
    async with migrated_pool(database_url) as setup_pool:
        case_id = await open_case(setup_pool)
        counselors = [
            await make_account(setup_pool, Role.COUNSELOR, name=f"相談員{i:02}")
            for i in range(CONCURRENT_CLAIMS)
        ]
    claim_pool = await create_pool(
        database_url, min_size=CONCURRENT_CLAIMS, max_size=CONCURRENT_CLAIMS
    )
    try:
        results = await asyncio.gather(
            *(claim(claim_pool, case_id, principal) for principal in counselors),
            return_exceptions=True,
        )
        winners = [result for result in results if not isinstance(result, BaseException)]
        conflicts = [result for result in results if isinstance(result, CaseAlreadyClaimed)]

        assert len(winners) == 1
        assert len(conflicts) == CONCURRENT_CLAIMS - 1
        winner_name = winners[0]["claimant_name"]
        for conflict in conflicts:
            assert f"already claimed by {winner_name}" in str(conflict)
            assert "from 'claimed' to 'claimed'" in str(conflict)
        kinds = [event[0] for event in await events(claim_pool, case_id)]
        assert kinds.count("claimed") == 1
        assert len(await fetch_audit(claim_pool, case_id=case_id)) == 1
    finally:
        await claim_pool.close()


async def test_claim_twice_same_account(pool: asyncpg.Pool, counselor: Principal) -> None:
    case_id = await open_case(pool)
    await claim(pool, case_id, counselor)
    again = await claim(pool, case_id, counselor)

    assert again["claimed_by"] == counselor.account_id
    assert [event[0] for event in await events(pool, case_id)] == ["opened", "claimed"]


async def test_claim_closed_case_rejected(pool: asyncpg.Pool, supervisor: Principal) -> None:
    case_id = await open_case(pool)
    await close(pool, case_id, supervisor)

    with pytest.raises(ForbiddenMove, match="from 'closed' to 'claimed'"):
        await claim(pool, case_id, supervisor)


async def test_city_cannot_claim(pool: asyncpg.Pool) -> None:
    city = await make_account(pool, Role.CITY)
    case_id = await open_case(pool)

    with pytest.raises(NotPermitted):
        await claim(pool, case_id, city)
    assert (await case_queries.fetch_case(pool, case_id=case_id))["state"] == "open"


# --- release and transfer ---------------------------------------------------------------


async def test_release_by_claimant(pool: asyncpg.Pool, counselor: Principal) -> None:
    case_id = await open_case(pool)
    await claim(pool, case_id, counselor)
    case = await cases.release_case(pool, case_id=case_id, principal=counselor, request_id=None)

    assert case["state"] == "open"
    assert case["claimed_by"] is None
    assert (await events(pool, case_id))[-1][:3] == ("released", "claimed", "open")


async def test_release_by_other_counselor_rejected(
    pool: asyncpg.Pool, counselor: Principal, other_counselor: Principal, supervisor: Principal
) -> None:
    case_id = await open_case(pool)
    await claim(pool, case_id, counselor)

    with pytest.raises(NotPermitted, match="claimed by 相談員A"):
        await cases.release_case(pool, case_id=case_id, principal=other_counselor, request_id=None)
    case = await cases.release_case(pool, case_id=case_id, principal=supervisor, request_id=None)
    assert case["state"] == "open"


async def test_release_open_case_rejected(pool: asyncpg.Pool, supervisor: Principal) -> None:
    case_id = await open_case(pool)
    with pytest.raises(ForbiddenMove, match="from 'open' to 'open'"):
        await cases.release_case(pool, case_id=case_id, principal=supervisor, request_id=None)


async def test_transfer_by_claimant(
    pool: asyncpg.Pool, counselor: Principal, other_counselor: Principal
) -> None:
    case_id = await open_case(pool)
    await claim(pool, case_id, counselor)
    case = await cases.transfer_case(
        pool,
        case_id=case_id,
        to_account_id=other_counselor.account_id,
        principal=counselor,
        request_id=None,
    )

    assert case["state"] == "claimed"
    assert case["claimed_by"] == other_counselor.account_id
    assert (await events(pool, case_id))[-1][:3] == ("transferred", "claimed", "claimed")


async def test_transfer_rules(
    pool: asyncpg.Pool, counselor: Principal, other_counselor: Principal, supervisor: Principal
) -> None:
    """Only the claimant or a supervisor transfers, to an active counselor or supervisor."""
    city = await make_account(pool, Role.CITY)
    case_id = await open_case(pool)

    async def transfer(to: Principal, by: Principal) -> asyncpg.Record:
        return await cases.transfer_case(
            pool, case_id=case_id, to_account_id=to.account_id, principal=by, request_id=None
        )

    with pytest.raises(ForbiddenMove, match="from 'open' to 'open'"):
        await transfer(other_counselor, supervisor)
    await claim(pool, case_id, counselor)
    with pytest.raises(NotPermitted):
        await transfer(other_counselor, other_counselor)
    with pytest.raises(cases.InvalidTransfer, match="not an active counselor or supervisor"):
        await transfer(city, supervisor)
    with pytest.raises(ForbiddenMove, match="already claimed by 相談員A"):
        await transfer(counselor, supervisor)

    case = await transfer(supervisor, supervisor)
    assert case["claimed_by"] == supervisor.account_id


# --- replies --------------------------------------------------------------------------


async def test_reply_then_person_writes(pool: asyncpg.Pool, counselor: Principal) -> None:
    """A reply moves the case to waiting, and the person's next message back to claimed."""
    case_id = await open_case(pool)
    await claim(pool, case_id, counselor)
    await reply(pool, case_id, counselor)
    waiting = await case_queries.fetch_case(pool, case_id=case_id)
    await store.record_triaged_message(
        pool, event=triaged("conv-a", sent_at=T0 + timedelta(hours=1))
    )
    claimed = await case_queries.fetch_case(pool, case_id=case_id)

    assert waiting["state"] == "waiting"
    assert waiting["waiting_since"] is None
    assert claimed["state"] == "claimed"
    assert claimed["claimed_by"] == counselor.account_id
    assert claimed["waiting_since"] == T0 + timedelta(hours=1)
    assert [event[:4] for event in await events(pool, case_id)][-2:] == [
        ("reply_queued", "claimed", "waiting", str(counselor.account_id)),
        ("person_wrote", "waiting", "claimed", "system"),
    ]
    actions = [row["action"] for row in await fetch_audit(pool, case_id=case_id)]
    assert actions == ["reply.create", "case.claim"]


async def test_reply_rules(
    pool: asyncpg.Pool, counselor: Principal, other_counselor: Principal
) -> None:
    case_id = await open_case(pool)
    with pytest.raises(ForbiddenMove, match="from 'open' to 'waiting'"):
        await reply(pool, case_id, counselor)
    await claim(pool, case_id, counselor)
    with pytest.raises(NotPermitted, match="claimed by 相談員A"):
        await reply(pool, case_id, other_counselor)

    assert await pool.fetchval("SELECT count(*) FROM desk.outbox") == 0
    assert await pool.fetchval("SELECT count(*) FROM desk.messages WHERE direction = 'out'") == 0


async def test_supervisor_reply_claims_open_case(pool: asyncpg.Pool, supervisor: Principal) -> None:
    case_id = await open_case(pool)
    await reply(pool, case_id, supervisor)
    case = await case_queries.fetch_case(pool, case_id=case_id)

    assert case["state"] == "waiting"
    assert case["claimed_by"] == supervisor.account_id
    assert [event[0] for event in await events(pool, case_id)] == [
        "opened",
        "claimed",
        "reply_queued",
    ]


async def test_system_reply_keeps_state(pool: asyncpg.Pool) -> None:
    """An automatic reply is no counselor's turn, so the case stays open and waiting."""
    case_id = await open_case(pool)
    await store.queue_reply(pool, case_id=case_id, text="ただいま時間外です", requested_by="system")
    case = await case_queries.fetch_case(pool, case_id=case_id)

    assert case["state"] == "open"
    assert case["waiting_since"] == T0
    assert (await events(pool, case_id))[-1] == ("reply_queued", None, None, "system")


async def test_unknown_requester_rejected(pool: asyncpg.Pool) -> None:
    case_id = await open_case(pool)
    with pytest.raises(NotPermitted, match="'counselor' is neither 'system'"):
        await store.queue_reply(pool, case_id=case_id, text="はい", requested_by="counselor")


# --- closing --------------------------------------------------------------------------


async def test_close_stores_topics_and_correction(pool: asyncpg.Pool, counselor: Principal) -> None:
    case_id = await open_case(pool, topics=(Topic.WORK,))
    await claim(pool, case_id, counselor)
    labels = [Topic.LONELINESS.value, Topic.FAMILY.value, Topic.FAMILY.value]
    case = await close(pool, case_id, counselor, labels, "70s+")

    assert case["state"] == "closed"
    assert case["closed_by"] == counselor.account_id
    assert case["claimed_by"] is None
    assert case["topics"] == [Topic.WORK.value]
    assert case["confirmed_topics"] == [Topic.FAMILY.value, Topic.LONELINESS.value]
    assert case["age_band"] == "70s+"
    correction = await pool.fetchrow("SELECT * FROM desk.topic_corrections")
    assert correction["case_id"] == case_id
    assert correction["triage_topics"] == [Topic.WORK.value]
    assert correction["confirmed_topics"] == [Topic.FAMILY.value, Topic.LONELINESS.value]
    assert correction["corrected_by"] == counselor.account_id


async def test_close_agreeing_topics_no_correction(
    pool: asyncpg.Pool, supervisor: Principal
) -> None:
    case_id = await open_case(pool, topics=(Topic.WORK, Topic.FAMILY))
    await close(pool, case_id, supervisor, [Topic.FAMILY.value, Topic.WORK.value])

    assert await pool.fetchval("SELECT count(*) FROM desk.topic_corrections") == 0


async def test_close_rules(
    pool: asyncpg.Pool, counselor: Principal, other_counselor: Principal, supervisor: Principal
) -> None:
    case_id = await open_case(pool)
    with pytest.raises(NotPermitted, match="only a supervisor may close an unclaimed case"):
        await close(pool, case_id, counselor)
    await claim(pool, case_id, counselor)
    with pytest.raises(NotPermitted):
        await close(pool, case_id, other_counselor)
    with pytest.raises(InvalidClosing, match="age_band"):
        await close(pool, case_id, counselor, age_band="80s")
    with pytest.raises(InvalidClosing, match="not category labels"):
        await close(pool, case_id, counselor, ["家庭"])

    await close(pool, case_id, supervisor)
    with pytest.raises(ForbiddenMove, match="from 'closed' to 'closed'"):
        await close(pool, case_id, supervisor)


# --- reopening ------------------------------------------------------------------------


async def test_message_within_window_reopens(pool: asyncpg.Pool, counselor: Principal) -> None:
    case_id = await open_case(pool, topics=(Topic.WORK,))
    await claim(pool, case_id, counselor)
    await close(pool, case_id, counselor, [Topic.FAMILY.value], closed_at=T0 + timedelta(hours=1))
    result = await store.record_triaged_message(
        pool, event=triaged("conv-a", sent_at=T0 + timedelta(hours=20), urgent=True)
    )
    case = await case_queries.fetch_case(pool, case_id=case_id)

    assert result.action is InboundAction.REOPEN_CASE
    assert result.case_id == case_id
    assert case["state"] == "open"
    assert case["claimed_by"] is None
    assert case["closed_at"] is None
    assert case["confirmed_topics"] is None
    assert case["age_band"] is None
    assert case["priority"] == "urgent"
    assert case["waiting_since"] == T0 + timedelta(hours=20)
    assert [event[:4] for event in await events(pool, case_id)][-2:] == [
        ("reopened", "closed", "open", "system"),
        ("marked_urgent", None, None, "triage"),
    ]

    await claim(pool, case_id, counselor)
    await close(pool, case_id, counselor, [Topic.WORK.value])
    assert await pool.fetchval("SELECT count(*) FROM desk.topic_corrections") == 0


async def test_late_message_opens_new_case(pool: asyncpg.Pool, supervisor: Principal) -> None:
    case_id = await open_case(pool)
    await close(pool, case_id, supervisor, closed_at=T0 + timedelta(hours=1))
    late = T0 + timedelta(hours=1) + domain.REOPEN_WINDOW + timedelta(seconds=1)
    result = await store.record_triaged_message(pool, event=triaged("conv-a", sent_at=late))

    assert result.action is InboundAction.OPEN_CASE
    assert result.case_id != case_id
    assert (await case_queries.fetch_case(pool, case_id=case_id))["state"] == "closed"


# --- queue ----------------------------------------------------------------------------


async def test_queue_lists_every_active_state(
    pool: asyncpg.Pool, counselor: Principal, supervisor: Principal
) -> None:
    """Open, claimed and waiting cases are in the queue, urgent first; closed ones are not."""
    minutes = timedelta(minutes=1)
    waiting = await open_case(pool, "waiting", sent_at=T0 - 90 * minutes)
    await claim(pool, waiting, counselor)
    await reply(pool, waiting, counselor)
    claimed = await open_case(pool, "claimed", sent_at=T0 + 5 * minutes)
    await claim(pool, claimed, counselor)
    await open_case(pool, "open-old", sent_at=T0)
    await open_case(pool, "urgent", sent_at=T0 + 40 * minutes, urgent=True)
    closed = await open_case(pool, "closed", sent_at=T0 - 120 * minutes)
    await close(pool, closed, supervisor)

    rows = await case_queries.fetch_queue(pool)

    assert [row["conversation_id"] for row in rows] == ["urgent", "open-old", "claimed", "waiting"]
    assert [row["state"] for row in rows] == ["open", "open", "claimed", "waiting"]
    assert rows[2]["claimant_name"] == "相談員A"


# --- migration ------------------------------------------------------------------------


async def test_migration_keeps_existing_cases(database_url: str, tmp_path: Path) -> None:
    """Cases stored before 003 keep working: 'claimed' without a claimant becomes 'open'."""
    first_only = tmp_path / "migrations"
    first_only.mkdir()
    shutil.copy(MIGRATIONS_DIRECTORY / "001_initial.sql", first_only)
    pool = await create_pool(database_url, max_size=2)
    try:
        await apply_migrations(pool, schema=store.SCHEMA, directory=first_only)
        await pool.execute(
            "INSERT INTO desk.conversations (conversation_id, channel, source_type, push_target)"
            " VALUES ('old-1', 'consultation', 'user', 'U1'), ('old-2', 'consultation', 'user',"
            " 'U2')"
        )
        await pool.execute(
            "INSERT INTO desk.cases (conversation_id, state, opened_at, closed_at) VALUES"
            " ('old-1', 'claimed', now(), NULL), ('old-2', 'closed', now(), now())"
        )
        await apply_migrations(pool, schema=store.SCHEMA, directory=MIGRATIONS_DIRECTORY)
        states = await pool.fetch("SELECT conversation_id, state FROM desk.cases ORDER BY 1")
    finally:
        await pool.close()

    assert [(row["conversation_id"], row["state"]) for row in states] == [
        ("old-1", "open"),
        ("old-2", "closed"),
    ]
