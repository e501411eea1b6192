"""Start the system's services as child processes and wait until each one is healthy."""

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from deploy.localstack.processes import port_is_open, spawn, stop

HEALTH_TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    module: str
    port_variable: str
    default_port: int


SERVICES = (
    ServiceSpec("fakeline", "deploy.fakeline", "FAKE_LINE_PORT", 8090),
    ServiceSpec("intake", "services.intake", "INTAKE_PORT", 8080),
    ServiceSpec("desk", "services.desk", "DESK_PORT", 8081),
    ServiceSpec("triage", "services.triage", "TRIAGE_PORT", 8082),
    ServiceSpec("referral", "services.referral", "REFERRAL_PORT", 8083),
    ServiceSpec("notify", "services.notify", "NOTIFY_PORT", 8084),
)
SERVICES_BY_NAME = {spec.name: spec for spec in SERVICES}


@dataclass
class ServiceGroup:
    """Running services, each in its own process group with its log in `log_dir`."""

    log_dir: Path
    env: dict[str, str]
    ports: dict[str, int]
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    # Extra instances of a service under their own name, e.g. "intake-2" of "intake".
    instances: dict[str, str] = field(default_factory=dict)

    def start(self, name: str) -> None:
        spec = SERVICES_BY_NAME[self.instances.get(name, name)]
        port = self.ports[name]
        if port_is_open(port):
            raise RuntimeError(
                f"port {port} on 127.0.0.1 is in use, so {name} cannot start; stop what "
                f"listens there or set {spec.port_variable} to another port"
            )
        command = [sys.executable, "-m", spec.module]
        if spec.name == "fakeline":
            command += ["--port", str(port)]
        env = {**self.env, spec.port_variable: str(port)}
        self.processes[name] = spawn(command, log_path=self.log_path(name), env=env)

    def wait_healthy(self, name: str, timeout: float = HEALTH_TIMEOUT_SECONDS) -> None:
        process = self.processes[name]
        url = f"http://127.0.0.1:{self.ports[name]}/healthz"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(
                    f"{name} exited with code {process.returncode}; "
                    f"see {self.log_path(name)}:\n{self.tail(name)}"
                )
            try:
                if httpx.get(url, timeout=1.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise TimeoutError(
            f"{name} was not healthy within {timeout:.0f} s; see {self.log_path(name)}"
        )

    def start_all(self, names: list[str]) -> None:
        for name in names:
            self.start(name)
        for name in names:
            self.wait_healthy(name)

    def stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is not None:
            stop(process)

    def stop_all(self) -> None:
        for name in reversed(list(self.processes)):
            self.stop(name)

    def exited(self) -> dict[str, int]:
        """Return the services that have exited, with their exit codes."""
        return {
            name: process.returncode
            for name, process in self.processes.items()
            if process.poll() is not None
        }

    def log_path(self, name: str) -> Path:
        return self.log_dir / f"{name}.log"

    def tail(self, name: str, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_path(name).read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"


def base_env(
    *,
    kafka_bootstrap_servers: str,
    database_url: str,
    secrets: dict[str, str],
    ports: dict[str, int],
) -> dict[str, str]:
    """Return the environment every service runs with: this process's plus the stack's."""
    env = dict(os.environ)
    env.update(secrets)
    env["KAFKA_BOOTSTRAP_SERVERS"] = kafka_bootstrap_servers
    env["DATABASE_URL"] = database_url
    env["LINE_API_BASE_URL"] = f"http://127.0.0.1:{ports['fakeline']}"
    env["FAKE_LINE_ACCESS_TOKENS"] = secrets["LINE_CHANNEL_ACCESS_TOKEN"]
    env["PYTHONUNBUFFERED"] = "1"
    return env


def default_ports() -> dict[str, int]:
    """Return each service's port: its variable from the environment, else the default."""
    return {
        spec.name: int(os.environ.get(spec.port_variable, spec.default_port)) for spec in SERVICES
    }
