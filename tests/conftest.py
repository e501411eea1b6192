"""Session fixtures: a real Kafka broker and a real PostgreSQL server for the whole test run.

KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL point the tests at servers that already run.
Without them, the tests start their own under a temporary directory and stop them at the end.
"""

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy.localstack import postgres as local_postgres
from deploy.localstack.kafka import LocalKafka
from deploy.localstack.processes import free_ports


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Bootstrap servers of a running broker, started for this session unless configured."""
    configured = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if configured:
        yield configured
        return
    port, controller_port = free_ports(2)
    broker = LocalKafka(
        tmp_path_factory.mktemp("kafka"), port=port, controller_port=controller_port
    )
    broker.start()
    yield broker.bootstrap_servers
    broker.stop()


@pytest.fixture(scope="session")
def local_kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalKafka]:
    """A broker of this session's own that a test may stop and start again."""
    port, controller_port = free_ports(2)
    broker = LocalKafka(
        tmp_path_factory.mktemp("kafka-own"), port=port, controller_port=controller_port
    )
    broker.start()
    yield broker
    broker.stop()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """URL of the maintenance database of a running server, started unless configured."""
    configured = os.environ.get("DATABASE_URL")
    if configured:
        yield configured
        return
    # A short path keeps the server's Unix socket under the 107-byte limit.
    server = local_postgres.LocalPostgres(Path("/tmp") / f"yorisoi-test-pg-{uuid.uuid4().hex[:8]}")
    server.start()
    yield server.uri()
    server.stop(delete=True)


@pytest.fixture
async def database_url(postgres_url: str) -> str:
    """URL of a new, empty database for one test."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    await local_postgres.create_database(postgres_url, name)
    return local_postgres.database_url(postgres_url, name)
