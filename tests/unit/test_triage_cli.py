"""The triage-classify command, run as a subprocess with JSON Lines on stdin."""

import json
import os
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


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"text": "a", "text": "b"}', 'field "text" appears twice'),
        (b"[" * 3000, "nested too deeply"),
        (b'{"text": "a", "n": ' + b"9" * 5000 + b"}", "more than 4,300 digits"),
        (b'{"text": "\x01"}', "invalid JSON at column"),
    ],
)
def test_cli_rejects_hostile_lines(line: bytes, message: str) -> None:
    """Lines that would crash a JSON reader get an error record, and the next line is read."""
    completed = run_cli(line + '\n{"text": "死にたい"}\n'.encode())
    records = output_records(completed)
    assert completed.returncode == 1
    assert len(records) == 2
    assert message in records[0]["error"]
    assert records[1]["urgent"] is True


def test_cli_accepts_byte_order_mark() -> None:
    completed = run_cli('\ufeff{"text": "消えたい"}\n'.encode())
    assert completed.returncode == 0
    assert output_records(completed)[0]["urgent"] is True


def test_cli_long_message_classified() -> None:
    """A text near the limit, longer than Sudachi reads at once (49,149 bytes), is classified."""
    text = "".join(f"今日は{number}回目の相談です。" for number in range(1400)) + "もう死にたい"
    assert len(text.encode()) > 49_149
    assert len(text) <= 20_000
    completed = run_cli(json.dumps({"text": text}, ensure_ascii=False).encode() + b"\n")
    assert completed.returncode == 0
    assert output_records(completed)[0]["urgent"] is True


def test_cli_output_independent_of_hash_seed() -> None:
    """Two processes with different string hash seeds give the same topics and reasons."""
    lines = ["ベランダの柵、思ったより低いんだな", "バイト先で毎日無視されてつらい"]
    stdin = "".join(json.dumps({"text": text}, ensure_ascii=False) + "\n" for text in lines)
    outputs = []
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        completed = subprocess.run(
            [str(COMMAND)],
            input=stdin.encode(),
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
            env=environment,
        )
        assert completed.returncode == 0
        outputs.append(completed.stdout)
    assert outputs[0] == outputs[1]


def test_cli_rejects_text_over_limit() -> None:
    """A text longer than intake's limit gets an error naming its length and the limit."""
    stdin = (json.dumps({"text": "あ" * 20_001}) + '\n{"text": "消えたい"}\n').encode()
    completed = run_cli(stdin)
    records = output_records(completed)
    assert completed.returncode == 1
    assert records[0] == {
        "error": 'line 1: field "text" has 20,001 characters, more than the 20,000 triage '
        "reads; split the text into several lines"
    }
    assert records[1]["urgent"] is True


def test_cli_skips_line_over_byte_limit() -> None:
    """A line of megabytes is read past in chunks and reported, and the next line is read."""
    stdin = b'{"text": "' + b"a" * 3_000_000 + b'"}\n{"text": "I want to die"}\n'
    completed = run_cli(stdin)
    records = output_records(completed)
    assert completed.returncode == 1
    assert records[0]["error"].startswith("line 1: line longer than 305,536 bytes")
    assert records[1]["urgent"] is True


def test_cli_reads_files_in_turn(tmp_path: Path) -> None:
    """Files named on the command line are read in order, with line numbers counting on."""
    first = tmp_path / "first.jsonl"
    second = tmp_path / "second.jsonl"
    first.write_text('{"text": "死にたい"}\n', encoding="utf-8")
    second.write_text('{"message": "x"}\n', encoding="utf-8")
    completed = subprocess.run(
        [str(COMMAND), str(first), str(second)],
        capture_output=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    records = output_records(completed)
    assert completed.returncode == 1
    assert records[0]["urgent"] is True
    assert records[1] == {"error": 'line 2: missing field "text"'}


def test_cli_missing_file_exits_2(tmp_path: Path) -> None:
    completed = subprocess.run(
        [str(COMMAND), str(tmp_path / "absent.jsonl")],
        capture_output=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    assert completed.returncode == 2
    assert b"cannot open" in completed.stderr
    assert b"absent.jsonl" in completed.stderr


def test_cli_control_character_message_whole() -> None:
    """json's message "Invalid control character at" is given without its dangling "at"."""
    completed = run_cli(b'{"text": "a\x01b"}\n')
    error = output_records(completed)[0]["error"]
    assert error == "line 1: invalid JSON at column 12: Invalid control character"
