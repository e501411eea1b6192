"""Webhook acknowledgements per second and ack latency of intake on a real broker.

Starts a Kafka broker, PostgreSQL and one intake process of its own, then sends signed
webhooks (one new text event each) at a fixed rate from this process. Latency is taken from
each request's scheduled send time, so a stalled server cannot hide its queueing delay.
Run: `make bench` or `.venv/bin/python -m benchmarks.intake_webhooks --rate 500`.
"""

import argparse
import asyncio
import os
import platform
import secrets
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp

from benchmarks.report import write_section
from deploy import replay
from deploy.localstack import postgres as local_postgres
from deploy.localstack.kafka import LocalKafka
from deploy.localstack.processes import free_ports
from deploy.localstack.services import ServiceGroup, base_env

DESTINATION = "U" + "0" * 32


def make_bodies(count: int, people: int = 200) -> list[bytes]:
    """Return `count` webhook bodies, one text event each, from `people` distinct users."""
    users = [replay.line_user_id(f"bench-{n}") for n in range(people)]
    now_ms = int(time.time() * 1000)
    return [
        replay.build_webhook_body(
            DESTINATION,
            [
                replay.build_text_event(
                    "仕事がうまくいかない、誰かとつながりたい", users[n % people], now_ms + n
                )
            ],
        )
        for n in range(count)
    ]


async def drive(url: str, secret: str, *, rate: float, seconds: float) -> dict:
    """Send `rate` webhooks per second for `seconds`; return the latency statistics."""
    bodies = make_bodies(int(rate * seconds))
    signatures = [replay.sign(body, secret) for body in bodies]
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    connector = aiohttp.TCPConnector(limit=256)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def send(index: int, scheduled: float) -> None:
            await asyncio.sleep(max(0.0, scheduled - time.perf_counter()))
            headers = {"content-type": "application/json", "x-line-signature": signatures[index]}
            async with session.post(url, data=bodies[index], headers=headers) as response:
                await response.read()
                statuses[response.status] = statuses.get(response.status, 0) + 1
            latencies.append(time.perf_counter() - scheduled)

        start = time.perf_counter() + 0.5
        began = time.perf_counter()
        await asyncio.gather(*(send(n, start + n / rate) for n in range(len(bodies))))
        elapsed = time.perf_counter() - began - 0.5
    latencies.sort()
    return {
        "requests": len(bodies),
        "statuses": statuses,
        "throughput": len(bodies) / elapsed,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
        "max_ms": 1000 * latencies[-1],
    }


def start_system(
    base_dir: Path,
) -> tuple[LocalKafka, local_postgres.LocalPostgres, ServiceGroup, str]:
    kafka_port, controller_port, fakeline_port, intake_port = free_ports(4)
    kafka = LocalKafka(base_dir / "kafka", port=kafka_port, controller_port=controller_port)
    kafka.start()
    postgres = local_postgres.LocalPostgres(Path("/tmp") / f"yorisoi-bench-pg-{os.getpid()}")
    postgres.start()
    asyncio.run(local_postgres.create_database(postgres.uri(), "bench"))
    secret_values = {
        name: secrets.token_hex(16)
        for name in ("LINE_CHANNEL_SECRET", "LINE_CHANNEL_ACCESS_TOKEN", "DESK_API_TOKEN")
    }
    ports = {"fakeline": fakeline_port, "intake": intake_port}
    env = base_env(
        kafka_bootstrap_servers=kafka.bootstrap_servers,
        database_url=postgres.uri("bench"),
        secrets=secret_values,
        ports=ports,
    )
    env["LOG_LEVEL"] = "WARNING"
    services = ServiceGroup(log_dir=base_dir / "logs", env=env, ports=ports)
    services.start_all(["intake"])
    return kafka, postgres, services, secret_values["LINE_CHANNEL_SECRET"]


def report(results: list[tuple[float, dict]], seconds: float) -> str:
    lines = [
        "## Intake: webhook acknowledgements",
        "",
        f"Command: `.venv/bin/python -m benchmarks.intake_webhooks` ({seconds:.0f} s per rate).",
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}; the broker, PostgreSQL, intake and the load generator "
        "share it. One intake process; each webhook carries one new text event, so every "
        "request claims, publishes with acks=all and records the event.",
        "",
        "| offered rate (webhooks/s) | acknowledged/s | p50 ms | p99 ms | max ms | statuses |",
        "|---|---|---|---|---|---|",
    ]
    for rate, result in results:
        statuses = ", ".join(
            f"{code}: {count}" for code, count in sorted(result["statuses"].items())
        )
        lines.append(
            f"| {rate:.0f} | {result['throughput']:.0f} | {result['p50_ms']:.1f} | "
            f"{result['p99_ms']:.1f} | {result['max_ms']:.1f} | {statuses} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rate",
        type=float,
        action="append",
        help="offered webhooks per second; repeat for several (default 100, 500)",
    )
    parser.add_argument("--seconds", type=float, default=20.0, help="duration of each rate, in s")
    parser.add_argument("--no-write", action="store_true", help="print only; leave the page alone")
    args = parser.parse_args()
    rates = args.rate or [100.0, 500.0]

    with tempfile.TemporaryDirectory(prefix="intake-bench-") as directory:
        kafka, postgres, services, secret = start_system(Path(directory))
        try:
            url = f"http://127.0.0.1:{services.ports['intake']}/line/webhook"
            asyncio.run(drive(url, secret, rate=50, seconds=2))  # warm-up: opens connections
            results = [
                (rate, asyncio.run(drive(url, secret, rate=rate, seconds=args.seconds)))
                for rate in rates
            ]
        finally:
            services.stop_all()
            kafka.stop()
            postgres.stop()

    text = report(results, args.seconds)
    print(text)
    if not args.no_write:
        write_section("intake", text)


if __name__ == "__main__":
    main()
