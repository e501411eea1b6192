"""Run the whole system on this machine: Kafka, PostgreSQL, every service, the fake LINE.

`make run` calls this. It replays the sample conversations, prints where to look and keeps
running until Ctrl-C (SIGINT) or SIGTERM, then stops every process it started.
"""

import asyncio
import ipaddress
import os
import secrets
import signal
import subprocess
import sys
import threading

from deploy.localstack import postgres as local_postgres
from deploy.localstack.kafka import LocalKafka
from deploy.localstack.processes import LOCAL_DIR, REPO_ROOT
from deploy.localstack.services import SERVICES, ServiceGroup, base_env, default_ports
from shared.kafka import ensure_topics
from shared.schemas.topics import ALL_DEAD_LETTER_TOPICS, ALL_TOPICS
from shared.settings import CommonSettings

SECRETS_FILE = LOCAL_DIR / "secrets.env"
SECRET_VARIABLES = (
    "LINE_CHANNEL_SECRET",
    "LINE_CHANNEL_ACCESS_TOKEN",
    "DESK_API_TOKEN",
    "DESK_BOOTSTRAP_SUPERVISOR_PASSWORD",
)
# The first supervisor of the web console; its password is generated with the secrets.
SUPERVISOR_LOGIN = "supervisor"
DATABASE_NAME = "yorisoi"
COOKIE_SECURE_VARIABLE = "DESK_SESSION_COOKIE_SECURE"


def load_or_create_secrets() -> dict[str, str]:
    """Return the secrets from the environment, else from .local/secrets.env, made on first run."""
    stored = {}
    if SECRETS_FILE.exists():
        for line in SECRETS_FILE.read_text().splitlines():
            name, _, value = line.partition("=")
            stored[name] = value
    values = {name: os.environ.get(name) or stored.get(name) or "" for name in SECRET_VARIABLES}
    for name, value in values.items():
        if not value:
            values[name] = secrets.token_hex(16)
    SECRETS_FILE.parent.mkdir(parents=True, exist_ok=True)
    SECRETS_FILE.write_text("".join(f"{name}={value}\n" for name, value in values.items()))
    SECRETS_FILE.chmod(0o600)
    return values


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def set_local_cookie_policy(env: dict[str, str]) -> str | None:
    """Drop the Secure attribute of the desk's cookies when the desk listens on loopback only.

    Returns the loopback host if it set DESK_SESSION_COOKIE_SECURE=false, else None. On a
    loopback address the cookies never leave the machine, and without the Secure attribute
    every client sends them over http, also Python's httpx, which keeps Secure cookies for
    HTTPS. On any other address (HTTP_HOST) the console can be reached from the network, so
    the desk's default, Secure, stays. A value set in the environment is kept.
    """
    host = env.get("HTTP_HOST", CommonSettings.model_fields["http_host"].default)
    if COOKIE_SECURE_VARIABLE in env or not is_loopback(host):
        return None
    env[COOKIE_SECURE_VARIABLE] = "false"
    return host


def say(message: str) -> None:
    print(f"[run] {message}", flush=True)


class StartInterrupted(Exception):
    """Ctrl-C or SIGTERM arrived while the stack was starting."""


class Stack:
    """Everything `make run` starts, in start order, so it can be stopped in reverse."""

    def __init__(self, stop_requested: threading.Event) -> None:
        self.stop_requested = stop_requested
        self.kafka: LocalKafka | None = None
        self.postgres: local_postgres.LocalPostgres | None = None
        self.services: ServiceGroup | None = None

    def start(self) -> None:
        kafka_servers = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
        if kafka_servers:
            say(f"using Kafka at {kafka_servers} (KAFKA_BOOTSTRAP_SERVERS)")
        else:
            say("starting Kafka on 127.0.0.1:9092 (data in .local/kafka)")
            self.kafka = LocalKafka(LOCAL_DIR / "kafka" / "broker")
            self.kafka.start()
            kafka_servers = self.kafka.bootstrap_servers
        self._check_stop()

        database_url = os.environ.get("DATABASE_URL")
        if database_url:
            say("using PostgreSQL from DATABASE_URL")
        else:
            say("starting PostgreSQL (data in .local/postgres)")
            self.postgres = local_postgres.LocalPostgres(LOCAL_DIR / "postgres" / "data")
            self.postgres.start()
            asyncio.run(local_postgres.create_database(self.postgres.uri(), DATABASE_NAME))
            database_url = self.postgres.uri(DATABASE_NAME)
        self._check_stop()

        asyncio.run(ensure_topics(kafka_servers, [*ALL_TOPICS, *ALL_DEAD_LETTER_TOPICS]))

        values = load_or_create_secrets()
        ports = default_ports()
        env = base_env(
            kafka_bootstrap_servers=kafka_servers,
            database_url=database_url,
            secrets=values,
            ports=ports,
        )
        env.setdefault("DESK_BOOTSTRAP_SUPERVISOR_LOGIN", SUPERVISOR_LOGIN)
        loopback_host = set_local_cookie_policy(env)
        if loopback_host is not None:
            say(
                f"{COOKIE_SECURE_VARIABLE}=false, because the console listens on {loopback_host}"
                " only; set it to true to test Secure cookies"
            )
        self.services = ServiceGroup(log_dir=LOCAL_DIR / "logs", env=env, ports=ports)
        say("starting services: " + ", ".join(spec.name for spec in SERVICES))
        self.services.start_all([spec.name for spec in SERVICES])
        self.env = env
        self.ports = ports

    def _check_stop(self) -> None:
        if self.stop_requested.is_set():
            raise StartInterrupted

    def stop(self) -> None:
        if self.services is not None:
            say("stopping services")
            self.services.stop_all()
        if self.kafka is not None:
            say("stopping Kafka")
            self.kafka.stop()
        if self.postgres is not None:
            say("stopping PostgreSQL")
            self.postgres.stop()


def replay_samples(stack: Stack) -> None:
    url = f"http://127.0.0.1:{stack.ports['intake']}/line/webhook"
    say(f"replaying the sample conversations to {url}, moved in time to end now")
    # The same samples keep their webhookEventIds, so a database that has them from an
    # earlier run keeps them at the times of that run.
    subprocess.run(
        [sys.executable, "-m", "deploy.replay", "--url", url, "--shift-to-now"],
        env=stack.env,
        cwd=REPO_ROOT,
        check=False,
    )


def print_guide(stack: Stack) -> None:
    ports = stack.ports
    desk = f"http://127.0.0.1:{ports['desk']}"
    login = stack.env["DESK_BOOTSTRAP_SUPERVISOR_LOGIN"]
    metrics = ", ".join(f"{name} {port}" for name, port in ports.items() if name != "fakeline")
    token = "$(grep DESK_API_TOKEN .local/secrets.env | cut -d= -f2)"
    print(
        f"""
The system is running.
Web console: {desk}/
  Log in as "{login}" with DESK_BOOTSTRAP_SUPERVISOR_PASSWORD from .local/secrets.env.
  Add counselor accounts with POST {desk}/api/accounts (see docs/desk.md).
Counselor queue as JSON:
  curl -H "Authorization: Bearer {token}" {desk}/api/queue
Webhook URL for LINE or deploy/replay.py:  http://127.0.0.1:{ports["intake"]}/line/webhook
Pushes the fake LINE platform received:     http://127.0.0.1:{ports["fakeline"]}/fake/requests
Metrics: http://127.0.0.1:<port>/metrics on each service port ({metrics})
Logs: {LOCAL_DIR / "logs"}/<service>.log and {LOCAL_DIR / "kafka" / "broker" / "kafka.log"}
Press Ctrl-C to stop everything.
""",
        flush=True,
    )


def main() -> int:
    stop_requested = threading.Event()
    # SIGHUP: the terminal was closed. Every process this one started is stopped either way.
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, lambda *_: stop_requested.set())

    stack = Stack(stop_requested)
    try:
        stack.start()
        replay_samples(stack)
        print_guide(stack)
        while not stop_requested.wait(1.0):
            exited = stack.services.exited() if stack.services else {}
            if exited:
                for name, code in exited.items():
                    say(f"{name} exited with code {code}; see .local/logs/{name}.log")
                return 1
        return 0
    except StartInterrupted:
        say("interrupted while starting")
        return 130
    except (RuntimeError, TimeoutError, OSError) as error:
        say(f"error: {error}")
        return 1
    finally:
        stack.stop()
        say("stopped")


if __name__ == "__main__":
    sys.exit(main())
