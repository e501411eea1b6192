"""Classify JSON Lines from stdin: `triage-classify < messages.jsonl`.

Each input line is a JSON object with a "text" string. Each output line is
{"topics": [...], "urgent": bool, "reasons": [...]}, or {"error": "line N: ..."} for a line
that cannot be read; the command then goes on and exits with status 1 at the end. It exits
with status 2, before reading any line, when the model or its word vectors cannot be loaded.
"""

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from services.triage.classifier import classify
from services.triage.model import ModelError
from services.triage.vectors import VectorsError


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
        raise InvalidLine(f"invalid JSON at column {error.colno}: {error.msg}") from error
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
    return text


def classify_lines(lines: Iterable[bytes], output: TextIO) -> int:
    """Write one result line per input line and return how many lines were invalid."""
    invalid = 0
    for number, raw in enumerate(lines, start=1):
        try:
            text = parse_line(raw.rstrip(b"\r\n"))
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
        description='Read JSON Lines with a "text" field on stdin and write one JSON line of '
        "topics, urgent flag and reasons per input line on stdout.",
        epilog='A line that cannot be read gets {"error": "line N: ..."} in its place. Exit '
        "status: 0 when every line was read, 1 when some line was invalid, 2 when the model "
        "or its word vectors cannot be loaded.",
    )
    parser.parse_args(argv)
    try:
        classify("起動時の確認です")
    except (ModelError, VectorsError) as error:
        print(f"triage-classify: {error}", file=sys.stderr)
        return 2
    try:
        invalid = classify_lines(sys.stdin.buffer, sys.stdout)
    except BrokenPipeError:
        # The reader went away (`| head -1`); what is left to write has no reader.
        sys.stdout = None  # type: ignore[assignment]
        return 0
    except KeyboardInterrupt:
        return 130
    return 1 if invalid else 0


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
