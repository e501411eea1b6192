"""Inspect and replay dead-lettered records: `.venv/bin/dead-letters --help`.

`list` prints one line per record of a dead-letter topic: its offset, the service that
rejected it, where it came from and why. Payloads may contain what a person wrote, so they
are printed only with --show-payload. `payload` prints one record's payload unchanged, for
an operator to save and correct. `replay` sends chosen records back: a Kafka record to its
source topic, a rejected webhook body to an intake URL, signed with LINE_CHANNEL_SECRET.
With --payload-file, it sends the corrected payload from that file in place of the stored one.
"""

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import httpx
from aiokafka import AIOKafkaProducer
from pydantic import ValidationError

from shared.line_signature import sign
from shared.schemas import DeadLettered
from shared.schemas.topics import ALL_DEAD_LETTER_TOPICS
from shared.topic_reader import TopicNotFound, read_topic

WEBHOOK_DEAD_LETTERS = "line.webhook.dlq"


async def read_dead_letters(bootstrap: str, topic: str) -> list[tuple[int, int, DeadLettered]]:
    """Return (partition, offset, record) for every record on `topic`, oldest first."""
    try:
        records = await read_topic(bootstrap, topic)
    except TopicNotFound:
        raise SystemExit(f"topic {topic!r} not found; known: {', '.join(known_topics())}") from None
    return [(record.partition, record.offset, _parse(record.value)) for record in records]


def _parse(value: bytes) -> DeadLettered:
    try:
        return DeadLettered.model_validate_json(value)
    except ValidationError as error:
        raise SystemExit(f"a record is not a dead letter: {error}") from None


async def list_command(args: argparse.Namespace) -> int:
    records = await read_dead_letters(args.bootstrap, args.topic)
    for partition, offset, record in records:
        source = record.source_topic
        if record.source_offset is not None:
            source += f"[{record.source_partition}]@{record.source_offset}"
        print(
            f"{partition}@{offset}\t{record.occurred_at:%Y-%m-%dT%H:%M:%SZ}\t{record.service}"
            f"\t{source}\t{record.error}"
        )
        if args.show_payload:
            print(f"\t{record.payload}")
    print(f"{len(records)} dead letters on {args.topic}", file=sys.stderr)
    return 0


async def payload_command(args: argparse.Namespace) -> int:
    for partition, offset, record in await read_dead_letters(args.bootstrap, args.topic):
        if f"{partition}@{offset}" == args.record:
            sys.stdout.write(record.payload)
            return 0
    print(f"error: no record at {args.record} on {args.topic}; run `list`", file=sys.stderr)
    return 2


async def replay_command(args: argparse.Namespace) -> int:
    requested = set(args.records)
    records = [
        (f"{partition}@{offset}", record)
        for partition, offset, record in await read_dead_letters(args.bootstrap, args.topic)
        if args.all or f"{partition}@{offset}" in requested
    ]
    missing = requested - {position for position, _ in records}
    if missing:
        print(
            f"error: no record at {', '.join(sorted(missing))} on {args.topic}; run `list`",
            file=sys.stderr,
        )
        return 2
    if args.payload_file is not None:
        payload = args.payload_file.read_text(encoding="utf-8")
        records = [
            (position, record.model_copy(update={"payload": payload}))
            for position, record in records
        ]
    if args.topic == WEBHOOK_DEAD_LETTERS:
        return await _replay_webhooks(records, args.intake_url)
    return await _replay_records(records, args.bootstrap)


async def _replay_records(records: list[tuple[str, DeadLettered]], bootstrap: str) -> int:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True)
    await producer.start()
    try:
        for position, record in records:
            await producer.send_and_wait(
                record.source_topic,
                record.payload.encode(),
                key=record.key.encode() if record.key else None,
                headers=[("correlation_id", record.correlation_id.encode())],
            )
            print(f"{position}: sent back to {record.source_topic}")
    finally:
        await producer.stop()
    return 0


async def _replay_webhooks(records: list[tuple[str, DeadLettered]], intake_url: str) -> int:
    secret = os.environ.get("LINE_CHANNEL_SECRET")
    if not secret:
        print("error: set LINE_CHANNEL_SECRET to sign the replayed webhook bodies", file=sys.stderr)
        return 2
    failures = 0
    async with httpx.AsyncClient(timeout=30) as client:
        for position, record in records:
            body = record.payload.encode()
            response = await client.post(
                intake_url,
                content=body,
                headers={
                    "content-type": "application/json",
                    "x-line-signature": sign(body, secret),
                },
            )
            print(f"{position}: HTTP {response.status_code} {response.text[:200]}")
            failures += response.status_code >= 300
    return 1 if failures else 0


def known_topics() -> list[str]:
    return [WEBHOOK_DEAD_LETTERS, *ALL_DEAD_LETTER_TOPICS]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dead-letters", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bootstrap",
        default=os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
        help="Kafka bootstrap servers (default: KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092)",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    list_parser = commands.add_parser("list", help="print the records of a dead-letter topic")
    list_parser.add_argument(
        "topic", help=f"dead-letter topic, one of: {', '.join(known_topics())}"
    )
    list_parser.add_argument(
        "--show-payload",
        action="store_true",
        help="also print each payload (may contain personal data)",
    )

    payload_parser = commands.add_parser(
        "payload", help="print one record's payload unchanged (may contain personal data)"
    )
    payload_parser.add_argument("topic", help="dead-letter topic to read")
    payload_parser.add_argument("record", metavar="PARTITION@OFFSET", help="as printed by `list`")

    replay_parser = commands.add_parser("replay", help="send records back to where they came from")
    replay_parser.add_argument("topic", help="dead-letter topic to replay from")
    replay_parser.add_argument(
        "records",
        nargs="*",
        metavar="PARTITION@OFFSET",
        help="records to replay, as printed by `list`",
    )
    replay_parser.add_argument("--all", action="store_true", help="replay every record")
    replay_parser.add_argument(
        "--payload-file",
        type=Path,
        metavar="FILE",
        help="send the payload in FILE (UTF-8) in place of the stored one, "
        "for exactly one PARTITION@OFFSET",
    )
    replay_parser.add_argument(
        "--intake-url",
        default="http://127.0.0.1:8080/line/webhook",
        help="where replayed webhook bodies go (default http://127.0.0.1:8080/line/webhook)",
    )
    args = parser.parse_args(argv)
    if args.command == "replay" and not (args.records or args.all):
        parser.error("name the records to replay (PARTITION@OFFSET ...) or pass --all")
    if args.command == "replay" and args.payload_file is not None:
        if args.all or len(args.records) != 1:
            parser.error("--payload-file replaces one payload; name exactly one PARTITION@OFFSET")
        if not args.payload_file.is_file():
            parser.error(f"--payload-file {args.payload_file}: no such file")
    return args


COMMANDS = {"list": list_command, "payload": payload_command, "replay": replay_command}


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    return asyncio.run(COMMANDS[args.command](args))


if __name__ == "__main__":
    sys.exit(main())
