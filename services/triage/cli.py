"""Classify JSON Lines: `triage-classify < messages.jsonl` or `triage-classify FILE ...`.

Each input line is a JSON object with a "text" string of at most MAX_TEXT_CHARACTERS
characters. Each output line is {"topics": [...], "urgent": bool, "reasons": [...]}, or
{"error": "line N: ..."} for a line that cannot be read; the command then goes on and exits
with status 1 at the end. It exits with status 2, before reading any line, on a usage error,
a file that cannot be opened, or a model or word vectors that cannot be loaded.
"""

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any, TextIO

from services.triage.classifier import classify
from services.triage.model import ModelError
from services.triage.vectors import VectorsError

# The limit intake puts on a LINE text message, so the command reads what the service reads.
MAX_TEXT_CHARACTERS = 20_000
# A line longer than this cannot hold a valid text: 4 bytes per character for UTF-8, or 12 for
# a \uXXXX escape pair, plus room for other fields.
MAX_LINE_BYTES = 12 * MAX_TEXT_CHARACTERS + 65_536
READ_CHUNK_BYTES = 65_536


class InvalidLine(ValueError):
    """An input line that is not a JSON object with a "text" string."""


class RepeatedField(ValueError):
    """A JSON object with the same field twice, which would hide one of the two values."""


def parse_line(raw: bytes) -> str:
    """Return the "text" of one input line; raise InvalidLine saying what is wrong."""
    try:
        # A byte order mark, which some Windows editors write first, carries no text.
        line = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        position = error.start + 1
        raise InvalidLine(f"not valid UTF-8 ({error.reason} at byte {position})") from error
    if not line.strip():
        raise InvalidLine('empty line; expected a JSON object with a "text" string')
    try:
        record = json.loads(line, object_pairs_hook=_without_duplicates)
    except json.JSONDecodeError as error:
        # Some of json's messages end in " at", expecting the position after them.
        reason = error.msg.removesuffix(" at")
        raise InvalidLine(f"invalid JSON at column {error.colno}: {reason}") from error
    except RecursionError as error:
        raise InvalidLine("invalid JSON: nested too deeply") from error
    except RepeatedField as error:
        raise InvalidLine(f"invalid JSON: {error}") from error
    except ValueError as error:
        # Python refuses to read integers of more than 4,300 digits (sys.get_int_max_str_digits).
        raise InvalidLine("invalid JSON: a number has more than 4,300 digits") from error
    if not isinstance(record, dict):
        raise InvalidLine(f'expected a JSON object with a "text" string, got {_kind(record)}')
    if "text" not in record:
        raise InvalidLine('missing field "text"')
    text = record["text"]
    if not isinstance(text, str):
        raise InvalidLine(f'field "text" must be a string, got {_kind(text)}')
    if len(text) > MAX_TEXT_CHARACTERS:
        raise InvalidLine(
            f'field "text" has {len(text):,} characters, more than the {MAX_TEXT_CHARACTERS:,} '
            "triage reads; split the text into several lines"
        )
    return text


def read_lines(stream: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[bytes | None]:
    """Yield each line of stream without its line break, or None for a line over limit bytes.

    A line over the limit is read to its end in chunks and dropped, so memory stays bounded
    however long the line is.
    """
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line.rstrip(b"\r\n")
            continue
        while (rest := stream.readline(READ_CHUNK_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield None


def classify_lines(lines: Iterable[bytes | None], output: TextIO) -> int:
    """Write one result line per input line and return how many lines were invalid.

    None stands for a line that was too long to read.
    """
    invalid = 0
    for number, raw in enumerate(lines, start=1):
        try:
            if raw is None:
                raise InvalidLine(
                    f"line longer than {MAX_LINE_BYTES:,} bytes, which cannot hold a text of "
                    f"{MAX_TEXT_CHARACTERS:,} characters; split the text into several lines"
                )
            text = parse_line(raw)
        except InvalidLine as error:
            invalid += 1
            _write(output, {"error": f"line {number}: {error}"})
            continue
        result = classify(text)
        record = {
            "topics": [topic.value for topic in result.topics],
            "urgent": result.urgent,
            "reasons": list(result.reasons),
        }
        _write(output, record)
    return invalid


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="triage-classify",
        description='Read JSON Lines with a "text" field and write one JSON line of topics, '
        "urgent flag and reasons per input line on stdout.",
        epilog='A line that cannot be read gets {"error": "line N: ..."} in its place. A text '
        f"may have at most {MAX_TEXT_CHARACTERS:,} characters. Exit status: 0 when every line "
        "was read, 1 when some line was invalid, 2 on a usage error, a file that cannot be "
        "opened, or a model or word vectors that cannot be loaded.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="JSON Lines files to read in turn, - for stdin (default: stdin); line numbers "
        "count on across files",
    )
    args = parser.parse_args(argv)
    try:
        streams = [_open(name) for name in args.files or ["-"]]
    except OSError as error:
        print(f"triage-classify: cannot open {error.filename}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        classify("起動時の確認です")
    except (ModelError, VectorsError) as error:
        print(f"triage-classify: {error}", file=sys.stderr)
        return 2
    lines = (line for stream in streams for line in read_lines(stream))
    try:
        invalid = classify_lines(lines, sys.stdout)
    except BrokenPipeError:
        # The reader went away (`| head -1`); what is left to write has no reader.
        sys.stdout = None  # type: ignore[assignment]
        return 0
    except KeyboardInterrupt:
        return 130
    return 1 if invalid else 0


def _open(name: str) -> IO[bytes]:
    # The files are read until the process ends, so they are left for the process to close.
    return sys.stdin.buffer if name == "-" else open(name, "rb")


def _without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key, value in pairs:
        if key in record:
            raise RepeatedField(f'field "{key}" appears twice; each field may appear once')
        record[key] = value
    return record


def _write(output: TextIO, record: dict[str, Any]) -> None:
    # Flushed per line, so a caller that writes one line and waits gets its result.
    output.write(json.dumps(record, ensure_ascii=False) + "\n")
    output.flush()


def _kind(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


if __name__ == "__main__":
    sys.exit(main())
