"""Child processes of the local stack: start in their own process group, stop for sure."""

import ctypes
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
LOCAL_DIR = REPO_ROOT / ".local"


def free_ports(count: int) -> list[int]:
    """Return `count` distinct TCP ports on 127.0.0.1 that nothing listens on right now."""
    # All probes stay bound until every port is chosen, so the kernel cannot repeat one.
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def port_is_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex((host, port)) == 0


def _die_with_parent() -> None:
    # PR_SET_PDEATHSIG (1): the kernel sends SIGTERM to the child when the process that
    # started it dies, even by SIGKILL, so no service outlives the stack that ran it.
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)


def spawn(
    command: list[str], *, log_path: Path, env: dict[str, str] | None = None
) -> subprocess.Popen:
    """Start `command` in a new process group with stdout and stderr appended to `log_path`."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log_file:
        return subprocess.Popen(
            command,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=REPO_ROOT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )


def stop(process: subprocess.Popen, *, timeout: float = 20.0) -> None:
    """Send SIGTERM to the process group, then SIGKILL if it is still alive after `timeout`."""
    if process.poll() is not None:
        return
    _signal_group(process, signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        _signal_group(process, signal.SIGKILL)
        process.wait(5)


def kill(process: subprocess.Popen) -> None:
    """Kill the process group at once, as a crash would."""
    if process.poll() is None:
        _signal_group(process, signal.SIGKILL)
        process.wait(5)


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:
        pass


def wait_for_port(port: int, *, process: subprocess.Popen, name: str, timeout: float) -> None:
    """Wait until `port` accepts connections, failing early if `process` exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with code {process.returncode} before it listened")
        if port_is_open(port):
            return
        time.sleep(0.1)
    raise TimeoutError(f"{name} did not listen on 127.0.0.1:{port} within {timeout:.0f} s")
