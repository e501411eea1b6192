"""The triage-classify command, run as a subprocess with JSON Lines on stdin."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = Path(sys.executable).parent / "triage-classify"
TIMEOUT_SECONDS = 60


def run_cli(stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    if not COMMAND.exists():
        pytest.fail(f"{COMMAND} not found; install the project with `make setup`")
    return subprocess.run(
        [str(COMMAND)], input=stdin, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
    )


def output_records(completed: subprocess.CompletedProcess[bytes]) -> list[dict[str, object]]:
    return [json.loads(line) for line in completed.stdout.decode("utf-8").splitlines()]


def test_cli_classifies_each_line() -> None:
    lines = [{"text": "もう消えたい"}, {"text": "父とまた喧嘩した", "id": 7}]
    stdin = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()
    completed = run_cli(stdin)
    records = output_records(completed)
    assert completed.returncode == 0
    assert len(records) == 2
    assert records[0]["urgent"] is True
    assert records[0]["topics"] == ["希死念慮・自傷"]
    assert records[0]["reasons"]
    assert records[1] == {
        "topics": ["家族関係"],
        "urgent": False,
        "reasons": ["[家族関係] 「父」「喧嘩」: 家族を指す語、家族との関係の摩擦"],
    }


def test_cli_writes_japanese_unescaped() -> None:
    completed = run_cli('{"text": "死にたい"}\n'.encode())
    assert "希死念慮・自傷" in completed.stdout.decode("utf-8")


def test_cli_reports_bad_lines_and_continues() -> None:
    stdin = b'not json\n{"message": "x"}\n{"text": 3}\n[1, 2]\n\n\xff\xfe\n{"text": "hello"}\n'
    completed = run_cli(stdin)
    records = output_records(completed)
    assert completed.returncode == 1
    assert len(records) == 7
    assert records[0]["error"].startswith("line 1: invalid JSON")
    assert records[1]["error"] == 'line 2: missing field "text"'
    assert records[2]["error"] == 'line 3: field "text" must be a string, got number'
    assert records[3]["error"].startswith("line 4: expected a JSON object")
    assert records[4]["error"].startswith("line 5: empty line")
    assert records[5]["error"].startswith("line 6: not valid UTF-8")
    assert records[6] == {"topics": [], "urgent": False, "reasons": []}


def test_cli_empty_input_succeeds() -> None:
    completed = run_cli(b"")
    assert completed.returncode == 0
    assert completed.stdout == b""


def test_cli_accepts_crlf_lines() -> None:
    completed = run_cli(b'{"text": "I want to die"}\r\n')
    assert completed.returncode == 0
    assert output_records(completed)[0]["urgent"] is True
