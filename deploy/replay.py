"""Replay sample conversations as signed LINE webhooks: `python -m deploy.replay`.

Each JSON line of the samples file becomes one webhook request with one text message
event, shaped and signed as the LINE platform sends it. The functions that build and sign
the requests are public so that tests and other tools can reuse them.
"""

import argparse
import asyncio
import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

DEFAULT_FILE = Path("deploy/samples/conversations.jsonl")
DEFAULT_URL = "http://127.0.0.1:8080/line/webhook"
# A bot's user id has the same shape as any LINE user id: "U" and 32 lower-case hex digits.
DEFAULT_DESTINATION = "Ufa4eb070000000000000000000000000"
USER_AGENT = "LineBotWebhook/2.0"
USER_ID_PATTERN = re.compile(r"^U[0-9a-f]{32}$")

CROCKFORD_BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ULID_LENGTH = 26
ULID_RANDOM_BITS = 80
MAX_ULID_TIMESTAMP_MS = 2**48 - 1

MAX_PRINTED_RESPONSE_CHARS = 1000
UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

EXIT_OK = 0
EXIT_DELIVERY_FAILED = 1
EXIT_USAGE = 2


class SampleFileError(Exception):
    pass


@dataclass(frozen=True)
class SampleMessage:
    """One line of the samples file."""

    line_number: int
    person: str
    sent_at: datetime
    text: str
    note: str | None


def line_user_id(person: str) -> str:
    """Derive a stable fake LINE user id ("U" and 32 hex digits) from a sample person id."""
    return "U" + hashlib.sha256(person.encode("utf-8")).hexdigest()[:32]


def new_webhook_event_id(timestamp_ms: int, *, seed: str | None = None) -> str:
    """Generate a ULID whose time part is `timestamp_ms`, as LINE's webhookEventId is.

    A ULID is 48 bits of Unix time in milliseconds and 80 random bits, written as 26
    characters of Crockford base32 with the most significant character first. With a
    `seed`, the 80 bits come from its hash, so the same seed always gives the same id.
    """
    if not 0 <= timestamp_ms <= MAX_ULID_TIMESTAMP_MS:
        raise ValueError(f"timestamp_ms={timestamp_ms} does not fit the 48-bit ULID time part")

    if seed is None:
        random_part = secrets.randbits(ULID_RANDOM_BITS)
    else:
        digest = hashlib.sha256(seed.encode("utf-8")).digest()
        random_part = int.from_bytes(digest[:10], "big")
    value = (timestamp_ms << ULID_RANDOM_BITS) | random_part
    characters = []
    for _ in range(ULID_LENGTH):
        characters.append(CROCKFORD_BASE32[value & 0x1F])
        value >>= 5
    return "".join(reversed(characters))


def new_message_id() -> str:
    # LINE message ids are numeric strings, 18 digits long in LINE's examples.
    return str(10**17 + secrets.randbelow(9 * 10**17))


def build_text_event(
    text: str,
    user_id: str,
    timestamp_ms: int,
    *,
    message_id: str | None = None,
    reply_token: str | None = None,
    webhook_event_id: str | None = None,
) -> dict[str, Any]:
    """Build a webhook message event for a text a user sent in a one-to-one chat.

    Ids and tokens that are not given are generated in LINE's formats.
    """
    return {
        "type": "message",
        "message": {
            "type": "text",
            "id": message_id or new_message_id(),
            "quoteToken": secrets.token_urlsafe(48),
            "text": text,
        },
        "webhookEventId": webhook_event_id or new_webhook_event_id(timestamp_ms),
        "deliveryContext": {"isRedelivery": False},
        "timestamp": timestamp_ms,
        "source": {"type": "user", "userId": user_id},
        "replyToken": reply_token or secrets.token_hex(16),
        "mode": "active",
    }


def build_webhook_body(destination: str, events: list[dict[str, Any]]) -> bytes:
    """Serialize a webhook request body once, as the exact UTF-8 bytes to sign and send."""
    payload = {"destination": destination, "events": events}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign(body: bytes, secret: str) -> str:
    """Compute the x-line-signature header: base64 of HMAC-SHA256 over the body bytes."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


async def post_webhook(
    client: httpx.AsyncClient, url: str, body: bytes, secret: str
) -> httpx.Response:
    """POST a signed webhook body to `url` and return the response, whatever its status."""
    headers = {
        "content-type": "application/json; charset=utf-8",
        "x-line-signature": sign(body, secret),
        "user-agent": USER_AGENT,
    }
    return await client.post(url, content=body, headers=headers)


def load_samples(path: Path) -> list[SampleMessage]:
    """Read the samples file, raising SampleFileError with the line number of a bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise SampleFileError(f"cannot read samples file {path}: {error}") from error

    samples = []
    for line_number, line in enumerate(lines, start=1):
        if line.strip():
            samples.append(parse_sample_line(path, line_number, line))
    return samples


def parse_sample_line(path: Path, line_number: int, line: str) -> SampleMessage:
    location = f"{path}:{line_number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise SampleFileError(f"{location}: invalid JSON: {error}") from error
    if not isinstance(record, dict):
        raise SampleFileError(f"{location}: line is not a JSON object")

    for name in ("person", "sent_at", "text"):
        if not isinstance(record.get(name), str) or not record[name]:
            raise SampleFileError(f"{location}: field {name!r} is missing or not a string")

    return SampleMessage(
        line_number=line_number,
        person=record["person"],
        sent_at=parse_sent_at(location, record["sent_at"]),
        text=record["text"],
        note=record.get("note"),
    )


def parse_sent_at(location: str, value: str) -> datetime:
    try:
        sent_at = datetime.fromisoformat(value)
    except ValueError as error:
        raise SampleFileError(f"{location}: sent_at {value!r} is not ISO 8601") from error
    if sent_at.tzinfo is None:
        raise SampleFileError(f"{location}: sent_at {value!r} has no UTC offset, e.g. +09:00")
    return sent_at


def stable_event_id(sample: SampleMessage) -> str:
    """Derive a sample's webhookEventId from its line, never from the time it is sent at.

    The ULID time part is the recorded sent_at, so a sample has one id with and without an
    offset, and a replay of the file in either way is a redelivery of the earlier one.
    """
    seed = f"{sample.person}:{sample.line_number}:{sample.text}"
    return new_webhook_event_id(epoch_ms(sample.sent_at), seed=seed)


def epoch_ms(value: datetime) -> int:
    # Integer arithmetic on timedelta, because a float timestamp can be 1 ms off.
    return (value - UNIX_EPOCH) // timedelta(milliseconds=1)


def offset_to_now(samples: Sequence[SampleMessage], now: datetime) -> timedelta:
    """Return the offset that moves the latest sent_at of `samples` to `now`."""
    return now - max(sample.sent_at for sample in samples)


def event_timestamp_ms(
    sample: SampleMessage, use_current_time: bool, offset: timedelta = timedelta(0)
) -> int:
    if use_current_time:
        return time.time_ns() // 1_000_000
    return epoch_ms(sample.sent_at + offset)


async def replay(
    samples: Sequence[SampleMessage],
    *,
    client: httpx.AsyncClient,
    url: str,
    secret: str,
    destination: str,
    use_current_time: bool,
    offset: timedelta = timedelta(0),
) -> int:
    """Send each sample as its own webhook, in order, and return the exit code.

    Each event's timestamp is the current time with `use_current_time`, else the sample's
    sent_at plus `offset`. Prints one line per message with the person, status and
    webhookEventId, but never the text or user id. A non-2xx response is printed and the
    replay goes on. A request that gets no response at all stops it, because the next
    requests would fail the same way.
    """
    failures = 0
    for position, sample in enumerate(samples):
        sent_ms = event_timestamp_ms(sample, use_current_time, offset)
        # Unless sent as new messages at the current time, a sample keeps its webhookEventId,
        # so replaying the file again is a redelivery that intake drops, whatever the offset.
        event_id = None if use_current_time else stable_event_id(sample)
        event = build_text_event(
            sample.text, line_user_id(sample.person), sent_ms, webhook_event_id=event_id
        )
        body = build_webhook_body(destination, [event])
        prefix = f"{sample.person} line {sample.line_number}"

        try:
            response = await post_webhook(client, url, body, secret)
        except httpx.HTTPError as error:
            print(f"{prefix}: request to {url} failed: {error!r}", file=sys.stderr)
            unsent = len(samples) - position
            print(
                f"stopped: {unsent} of {len(samples)} messages were not sent, from {prefix} on."
                f" Check that intake is running at {url} and replay again.",
                file=sys.stderr,
            )
            return EXIT_DELIVERY_FAILED

        print(f"{prefix}: {response.status_code} webhookEventId={event['webhookEventId']}")
        if not response.is_success:
            failures += 1
            print(f"{prefix}: response body: {response.text[:MAX_PRINTED_RESPONSE_CHARS]}")

    return EXIT_DELIVERY_FAILED if failures else EXIT_OK


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m deploy.replay",
        description=(
            "Send each line of a samples file, in file order, as a signed LINE webhook "
            "with one text message event."
        ),
        epilog=(
            "Exit status: 0 when every webhook got a 2xx response, 1 when any got another "
            "status or no response, 2 for invalid options or an invalid samples file."
        ),
    )
    parser.add_argument(
        "--file",
        type=Path,
        default=DEFAULT_FILE,
        help="JSON Lines samples file, relative to the current directory (default: %(default)s)",
    )
    parser.add_argument(
        "--url", default=DEFAULT_URL, help="webhook URL to POST to (default: %(default)s)"
    )
    parser.add_argument(
        "--secret",
        help=(
            "LINE channel secret that signs each body (default: env LINE_CHANNEL_SECRET). "
            "Prefer the variable: other local users can see command-line arguments."
        ),
    )
    parser.add_argument(
        "--destination",
        default=os.environ.get("LINE_CHANNEL_DESTINATION", DEFAULT_DESTINATION),
        help=(
            "bot user id for the body's destination field, 'U' and 32 lower-case hex digits "
            "(default: env LINE_CHANNEL_DESTINATION, else %(default)s)"
        ),
    )
    timing = parser.add_mutually_exclusive_group()
    timing.add_argument(
        "--now",
        action="store_true",
        help=(
            "set each event's timestamp to the current time when it is sent, instead of "
            "the line's sent_at, and give each event a new webhookEventId, so a replay "
            "stores the messages again"
        ),
    )
    timing.add_argument(
        "--shift-to-now",
        action="store_true",
        help=(
            "move every line's sent_at by one offset, so the file's latest line is timestamped "
            "at the start of the replay and the spacing of the lines stays; each line keeps "
            "its webhookEventId, so a second replay stores nothing new"
        ),
    )
    parser.add_argument("--person", help="send only the lines of this person id, e.g. p01")
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help="HTTP timeout per request, in seconds (default: %(default)s)",
    )
    return parser.parse_args(argv)


def select_samples(args: argparse.Namespace, samples: list[SampleMessage]) -> list[SampleMessage]:
    if args.person is not None:
        samples = [sample for sample in samples if sample.person == args.person]
    if not samples:
        person_clause = f" for person {args.person!r}" if args.person is not None else ""
        raise SampleFileError(f"no messages{person_clause} in {args.file}")
    return samples


async def run(
    args: argparse.Namespace, secret: str, samples: list[SampleMessage], offset: timedelta
) -> int:
    async with httpx.AsyncClient(timeout=args.timeout) as client:
        return await replay(
            samples,
            client=client,
            url=args.url,
            secret=secret,
            destination=args.destination,
            use_current_time=args.now,
            offset=offset,
        )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    secret = args.secret or os.environ.get("LINE_CHANNEL_SECRET")
    if not secret:
        print(
            "error: channel secret missing: pass --secret or set LINE_CHANNEL_SECRET",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if not USER_ID_PATTERN.match(args.destination):
        print(
            f"error: destination {args.destination!r} is invalid: "
            "use 'U' followed by 32 lower-case hex digits",
            file=sys.stderr,
        )
        return EXIT_USAGE

    try:
        file_samples = load_samples(args.file)
        samples = select_samples(args, file_samples)
    except SampleFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE

    # The offset comes from the whole file, so --person does not change a line's time.
    offset = timedelta(0)
    if args.shift_to_now:
        offset = offset_to_now(file_samples, datetime.now(UTC))
    return asyncio.run(run(args, secret, samples, offset))


if __name__ == "__main__":
    sys.exit(main())
