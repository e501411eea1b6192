"""Checks run before a service starts, so an unreachable server fails with a clear message."""

import asyncio
from urllib.parse import urlsplit

import asyncpg
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

from shared.settings import SettingsError

CHECK_TIMEOUT_SECONDS = 15.0


def check_connections(*, kafka_bootstrap_servers: str, database_url: str | None = None) -> None:
    """Exit with a message naming the variable if Kafka or PostgreSQL cannot be reached."""
    asyncio.run(_check_all(kafka_bootstrap_servers, database_url))


async def _check_all(kafka_bootstrap_servers: str, database_url: str | None) -> None:
    if database_url is not None:
        await _check_database(database_url)
    await _check_kafka(kafka_bootstrap_servers)


async def _check_database(database_url: str) -> None:
    try:
        connection = await asyncpg.connect(database_url, timeout=CHECK_TIMEOUT_SECONDS)
    except (OSError, TimeoutError, ValueError, asyncpg.PostgresError) as error:
        raise SettingsError(
            f"cannot connect to PostgreSQL with DATABASE_URL={without_password(database_url)}: "
            f"{type(error).__name__}: {error}. Check that the server runs and that "
            "DATABASE_URL is a postgresql:// URL with the right host, port, user and database."
        ) from None
    await connection.close()


async def _check_kafka(bootstrap_servers: str) -> None:
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap_servers, request_timeout_ms=int(CHECK_TIMEOUT_SECONDS * 1000)
    )
    try:
        await admin.start()
        await admin.list_topics()
    except (OSError, TimeoutError, ValueError, KafkaError) as error:
        raise SettingsError(
            f"cannot reach Kafka at KAFKA_BOOTSTRAP_SERVERS={bootstrap_servers}: "
            f"{type(error).__name__}: {error}. Check that the broker runs and that the "
            "variable lists host:port pairs separated by commas."
        ) from None
    finally:
        await admin.close()


def without_password(url: str) -> str:
    """Return `url` with any password replaced by '***', for messages."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(unparsable URL)"
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return parts._replace(netloc=netloc).geturl()
