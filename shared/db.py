"""PostgreSQL connection pools and plain-SQL migrations kept per service schema."""

from pathlib import Path

import asyncpg
import structlog

log = structlog.get_logger()


async def create_pool(database_url: str, *, min_size: int = 1, max_size: int = 10) -> asyncpg.Pool:
    return await asyncpg.create_pool(database_url, min_size=min_size, max_size=max_size)


async def apply_migrations(pool: asyncpg.Pool, *, schema: str, directory: Path) -> list[str]:
    """Apply the `NNN_name.sql` files in `directory` that `schema` has not seen, in name order.

    An advisory lock serializes concurrent starts of the same service, so each file runs once.
    """
    migrations = read_migrations(directory)
    applied_now = []
    async with pool.acquire() as connection, connection.transaction():
        await connection.execute("SELECT pg_advisory_xact_lock(hashtext($1))", schema)
        await connection.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
        await connection.execute(
            f'CREATE TABLE IF NOT EXISTS "{schema}".schema_migrations ('
            " version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        done = {
            row["version"]
            for row in await connection.fetch(f'SELECT version FROM "{schema}".schema_migrations')
        }
        for version, sql in migrations:
            if version in done:
                continue
            await connection.execute(sql)
            await connection.execute(
                f'INSERT INTO "{schema}".schema_migrations (version) VALUES ($1)', version
            )
            applied_now.append(version)
    if applied_now:
        log.info("migrations_applied", schema=schema, versions=applied_now)
    return applied_now


def read_migrations(directory: Path) -> list[tuple[str, str]]:
    """Return (version, SQL) of each `*.sql` file in `directory`, sorted by file name."""
    return [
        (path.stem, path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.sql"))
    ]
