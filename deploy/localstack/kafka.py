"""A single-node Kafka broker in KRaft mode, run from the jars that install.sh fetched."""

import base64
import shutil
import subprocess
import time
import uuid
from pathlib import Path

from deploy.localstack.processes import LOCAL_DIR, REPO_ROOT, port_is_open, spawn, stop

KAFKA_LIBS = LOCAL_DIR / "kafka" / "libs"
INSTALL_SCRIPT = REPO_ROOT / "deploy" / "kafka" / "install.sh"
LOG4J_CONFIG = REPO_ROOT / "deploy" / "kafka" / "log4j2.xml"
START_TIMEOUT_SECONDS = 90.0

SERVER_PROPERTIES = """\
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:{controller_port}
listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port}
advertised.listeners=PLAINTEXT://127.0.0.1:{port}
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs={data_dir}
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
"""


def new_cluster_id() -> str:
    """Return a random cluster id in Kafka's form: 16 bytes, URL-safe base64, no padding.

    An id that starts with "-" is drawn again, because the storage tool of Kafka 4.1.1 reads such
    a value as an option and fails with "argument --cluster-id/-t: expected one argument".
    """
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
        if not cluster_id.startswith("-"):
            return cluster_id


class LocalKafka:
    """One broker that is also its own controller, keeping its data under `base_dir`."""

    def __init__(self, base_dir: Path, *, port: int = 9092, controller_port: int = 9093) -> None:
        self.base_dir = base_dir
        self.port = port
        self.controller_port = controller_port
        self.process: subprocess.Popen | None = None

    @property
    def bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.base_dir / "kafka.log"

    def start(self) -> None:
        """Install the jars if needed, format storage on first use, start and wait for the port."""
        for port in (self.port, self.controller_port):
            if port_is_open(port):
                raise RuntimeError(
                    f"port {port} on 127.0.0.1 is in use; stop what listens there or set "
                    "KAFKA_BOOTSTRAP_SERVERS to use a running broker"
                )
        install_kafka()
        self.base_dir.mkdir(parents=True, exist_ok=True)
        properties = self._write_properties()
        if not (self.base_dir / "data" / "meta.properties").exists():
            self._format(properties)

        self.process = spawn(
            self._java("kafka.Kafka", str(properties)), log_path=self.base_dir / "kafka.out"
        )
        self._wait_until_started()

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process, timeout=30)
            self.process = None

    def _write_properties(self) -> Path:
        path = self.base_dir / "server.properties"
        path.write_text(
            SERVER_PROPERTIES.format(
                port=self.port,
                controller_port=self.controller_port,
                data_dir=self.base_dir / "data",
            )
        )
        return path

    def _format(self, properties: Path) -> None:
        cluster_id = new_cluster_id()
        command = self._java("kafka.tools.StorageTool", "format", "-t", cluster_id)
        result = subprocess.run(
            [*command, "-c", str(properties)], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"formatting Kafka storage failed: {result.stdout}{result.stderr}")

    def _java(self, main_class: str, *arguments: str) -> list[str]:
        java = shutil.which("java")
        if java is None:
            raise RuntimeError("java not found; install a Java 17+ JDK")
        return [
            java,
            "-Xms256m",
            "-Xmx768m",
            "-XX:+UseG1GC",
            f"-Dlog4j2.configurationFile={LOG4J_CONFIG}",
            f"-Dkafka.log.file={self.log_path}",
            "-cp",
            f"{KAFKA_LIBS}/*",
            main_class,
            *arguments,
        ]

    def _wait_until_started(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"Kafka exited with code {self.process.returncode}; see {self.log_path}"
                )
            if port_is_open(self.port) and self._log_reports_started():
                return
            time.sleep(0.2)
        raise TimeoutError(
            f"Kafka did not start within {START_TIMEOUT_SECONDS:.0f} s; see {self.log_path}"
        )

    def _log_reports_started(self) -> bool:
        try:
            return "Kafka Server started" in self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return False


def install_kafka() -> None:
    subprocess.run(["bash", str(INSTALL_SCRIPT)], check=True)
