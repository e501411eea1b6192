"""Tests of the webhook replay command and of the sample conversations it sends."""

import itertools
import json
import re
from collections import Counter
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from linebot.v3.webhook import SignatureValidator, WebhookParser
from linebot.v3.webhooks import MessageEvent, TextMessageContent, UserSource

from deploy.replay import (
    CROCKFORD_BASE32,
    DEFAULT_DESTINATION,
    SampleFileError,
    SampleMessage,
    build_text_event,
    build_webhook_body,
    line_user_id,
    load_samples,
    main,
    new_webhook_event_id,
    offset_to_now,
    post_webhook,
    replay,
    sign,
    stable_event_id,
)

SECRET = "0123456789abcdef0123456789abcdef"
SAMPLES = Path(__file__).resolve().parents[2] / "deploy" / "samples" / "conversations.jsonl"
TOKYO = ZoneInfo("Asia/Tokyo")
OPEN_FROM = time(18, 0)
OPEN_UNTIL = time(21, 0)
USER_ID_PATTERN = re.compile(r"^U[0-9a-f]{32}$")
ULID_PATTERN = re.compile(r"^[0-9A-HJKMNP-TV-Z]{26}$")
TEXT = "相談してクロ 😢 ｼｺﾞﾄ ﾂﾗｲ"
TIMESTAMP_MS = 1_771_232_700_000  # 2026-02-16T18:05:00+09:00


def decode_ulid_time(ulid: str) -> int:
    value = 0
    for character in ulid[:10]:
        value = value * 32 + CROCKFORD_BASE32.index(character)
    return value


def is_counselor_hours(sent_at: datetime) -> bool:
    local = sent_at.astimezone(TOKYO)
    return local.weekday() < 5 and OPEN_FROM <= local.time() < OPEN_UNTIL


def signed_body(text: str = TEXT) -> tuple[bytes, dict]:
    event = build_text_event(text, line_user_id("p01"), TIMESTAMP_MS)
    return build_webhook_body(DEFAULT_DESTINATION, [event]), event


def test_signature_verifies_with_sdk() -> None:
    body, _ = signed_body()

    signature = sign(body, SECRET)

    assert SignatureValidator(SECRET).validate(body.decode("utf-8"), signature)
    assert not SignatureValidator("another secret").validate(body.decode("utf-8"), signature)


def test_body_parses_as_text_event() -> None:
    body, event = signed_body()
    text_body = body.decode("utf-8")

    events = WebhookParser(SECRET).parse(text_body, sign(body, SECRET))

    assert len(events) == 1
    parsed = events[0]
    assert isinstance(parsed, MessageEvent)
    assert isinstance(parsed.message, TextMessageContent)
    assert isinstance(parsed.source, UserSource)
    assert parsed.webhook_event_id == event["webhookEventId"]
    assert parsed.message.text == TEXT
    assert parsed.message.id.isdigit()
    assert parsed.message.quote_token
    assert parsed.source.user_id == line_user_id("p01")
    assert parsed.timestamp == TIMESTAMP_MS
    assert parsed.delivery_context.is_redelivery is False
    assert re.fullmatch(r"[0-9a-f]{32}", parsed.reply_token)


def test_body_is_utf8_not_escaped() -> None:
    body, _ = signed_body()

    assert TEXT.encode("utf-8") in body
    assert json.loads(body)["destination"] == DEFAULT_DESTINATION


def test_ulid_shape_and_time() -> None:
    ulids = [new_webhook_event_id(TIMESTAMP_MS) for _ in range(50)]

    for ulid in ulids:
        assert len(ulid) == 26
        assert ULID_PATTERN.match(ulid)
        assert decode_ulid_time(ulid) == TIMESTAMP_MS
    assert len(set(ulids)) == len(ulids)


def test_ulid_rejects_out_of_range() -> None:
    with pytest.raises(ValueError):
        new_webhook_event_id(2**48)


def test_user_id_stable_per_person() -> None:
    assert line_user_id("p01") == line_user_id("p01")
    assert line_user_id("p01") != line_user_id("p02")
    assert USER_ID_PATTERN.match(line_user_id("p01"))


def test_default_destination_shape() -> None:
    assert USER_ID_PATTERN.match(DEFAULT_DESTINATION)


async def test_post_webhook_signs_sent_bytes() -> None:
    captured: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        captured.append(request)
        return httpx.Response(200)

    body, _ = signed_body()
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        response = await post_webhook(client, "http://intake/line/webhook", body, SECRET)

    assert response.status_code == 200
    request = captured[0]
    assert request.content == body
    assert request.headers["x-line-signature"] == sign(body, SECRET)
    assert request.headers["content-type"] == "application/json; charset=utf-8"
    assert request.headers["user-agent"] == "LineBotWebhook/2.0"


async def test_replay_prints_no_personal_data(capsys: pytest.CaptureFixture[str]) -> None:
    samples = load_samples(SAMPLES)[:3]
    bodies: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(request.content)
        return httpx.Response(200)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        exit_code = await replay(
            samples,
            client=client,
            url="http://intake/line/webhook",
            secret=SECRET,
            destination=DEFAULT_DESTINATION,
            use_current_time=False,
        )

    output = capsys.readouterr()
    assert exit_code == 0
    assert len(output.out.splitlines()) == 3
    for sample, body in zip(samples, bodies, strict=True):
        event = json.loads(body)["events"][0]
        assert event["timestamp"] == int(sample.sent_at.timestamp() * 1000)
        assert event["message"]["text"] == sample.text
        assert sample.text not in output.out + output.err
        assert line_user_id(sample.person) not in output.out + output.err
        assert sample.person in output.out


async def test_replay_fails_on_non_2xx(capsys: pytest.CaptureFixture[str]) -> None:
    samples = load_samples(SAMPLES)[:2]
    statuses = iter([500, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(next(statuses), text="signature check failed")

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        exit_code = await replay(
            samples,
            client=client,
            url="http://intake/line/webhook",
            secret=SECRET,
            destination=DEFAULT_DESTINATION,
            use_current_time=True,
        )

    output = capsys.readouterr().out
    assert exit_code == 1
    assert "500" in output
    assert "signature check failed" in output
    assert len([line for line in output.splitlines() if ": 200 " in line]) == 1


async def test_replay_counts_unsent_on_connection_failure(
    capsys: pytest.CaptureFixture[str],
) -> None:
    samples = load_samples(SAMPLES)[:3]
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(200)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        exit_code = await replay(
            samples,
            client=client,
            url="http://intake/line/webhook",
            secret=SECRET,
            destination=DEFAULT_DESTINATION,
            use_current_time=True,
        )

    errors = capsys.readouterr().err
    assert exit_code == 1
    assert calls == 2
    assert "2 of 3 messages were not sent" in errors
    assert "http://intake/line/webhook" in errors


async def replayed_events(
    samples: list[SampleMessage], *, use_current_time: bool = False, offset: timedelta
) -> list[dict]:
    """Replay `samples` to a stand-in intake and return the events it received."""
    bodies: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(request.content)
        return httpx.Response(200)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        exit_code = await replay(
            samples,
            client=client,
            url="http://intake/line/webhook",
            secret=SECRET,
            destination=DEFAULT_DESTINATION,
            use_current_time=use_current_time,
            offset=offset,
        )
    assert exit_code == 0
    return [json.loads(body)["events"][0] for body in bodies]


def test_offset_to_now_moves_latest_line() -> None:
    samples = load_all_samples()
    now = datetime(2026, 11, 3, 12, 0, 0, 123000, tzinfo=UTC)

    offset = offset_to_now(samples, now)

    assert max(sample.sent_at for sample in samples) + offset == now
    assert offset_to_now(samples[:3], now) > offset


async def test_shifted_replay_keeps_spacing_and_ids(capsys: pytest.CaptureFixture[str]) -> None:
    samples = load_all_samples()
    now = datetime.now(UTC)
    offset = offset_to_now(samples, now)

    shifted = await replayed_events(samples, offset=offset)
    again = await replayed_events(samples, offset=offset_to_now(samples, now + timedelta(days=3)))
    recorded = await replayed_events(samples, offset=timedelta(0))

    recorded_ms = [int(sample.sent_at.timestamp() * 1000) for sample in samples]
    shifted_ms = [event["timestamp"] for event in shifted]
    assert shifted_ms[-1] == (now - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(milliseconds=1)
    assert [b - a for a, b in itertools.pairwise(shifted_ms)] == [
        b - a for a, b in itertools.pairwise(recorded_ms)
    ]
    assert [event["timestamp"] for event in recorded] == recorded_ms
    ids = [event["webhookEventId"] for event in shifted]
    assert len(set(ids)) == len(samples)
    assert ids == [event["webhookEventId"] for event in again]
    assert ids == [event["webhookEventId"] for event in recorded]
    assert ids == [stable_event_id(sample) for sample in samples]


async def test_now_replay_gets_new_ids() -> None:
    samples = load_all_samples()[:2]

    first = await replayed_events(samples, use_current_time=True, offset=timedelta(0))
    second = await replayed_events(samples, use_current_time=True, offset=timedelta(0))

    assert {event["webhookEventId"] for event in first}.isdisjoint(
        event["webhookEventId"] for event in second
    )


def test_stable_event_id_time_is_recorded_sent_at() -> None:
    sample = load_all_samples()[0]

    event_id = stable_event_id(sample)

    assert decode_ulid_time(event_id) == int(sample.sent_at.timestamp() * 1000)
    assert ULID_PATTERN.match(event_id)


def test_main_shift_offset_from_whole_file(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict] = []

    async def record(samples: list[SampleMessage], **options: object) -> int:
        calls.append({"samples": samples, **options})
        return 0

    monkeypatch.setattr("deploy.replay.replay", record)
    before = datetime.now(UTC)
    exit_code = main(
        ["--file", str(SAMPLES), "--secret", SECRET, "--shift-to-now", "--person", "p01"]
    )
    after = datetime.now(UTC)

    [call] = calls
    latest = max(sample.sent_at for sample in load_all_samples())
    assert exit_code == 0
    assert {sample.person for sample in call["samples"]} == {"p01"}
    assert call["use_current_time"] is False
    assert before <= latest + call["offset"] <= after


def test_main_recorded_times_without_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict] = []

    async def record(samples: list[SampleMessage], **options: object) -> int:
        calls.append(options)
        return 0

    monkeypatch.setattr("deploy.replay.replay", record)

    assert main(["--file", str(SAMPLES), "--secret", SECRET]) == 0
    assert calls[0]["offset"] == timedelta(0)
    assert calls[0]["use_current_time"] is False


def test_main_rejects_now_with_shift(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--file", str(SAMPLES), "--secret", SECRET, "--now", "--shift-to-now"])

    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_main_requires_secret(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("LINE_CHANNEL_SECRET", raising=False)

    exit_code = main(["--file", str(SAMPLES)])

    error = capsys.readouterr().err
    assert exit_code == 2
    assert "--secret" in error
    assert "LINE_CHANNEL_SECRET" in error


def test_main_rejects_unknown_person(capsys: pytest.CaptureFixture[str]) -> None:
    exit_code = main(["--file", str(SAMPLES), "--secret", SECRET, "--person", "p99"])

    assert exit_code == 2
    assert "p99" in capsys.readouterr().err


def test_load_samples_reports_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = {"person": "p01", "sent_at": "2026-02-16T18:05:00+09:00", "text": "x"}
    path.write_text(json.dumps(good) + '\n{"person": "p02", "text": "y"}\n', encoding="utf-8")

    with pytest.raises(SampleFileError, match=r"bad\.jsonl:2"):
        load_samples(path)


def load_all_samples() -> list[SampleMessage]:
    return load_samples(SAMPLES)


def test_samples_size() -> None:
    samples = load_all_samples()
    per_person = Counter(sample.person for sample in samples)

    assert len(samples) >= 25
    assert len(per_person) >= 10
    assert sum(1 for count in per_person.values() if 2 <= count <= 4) >= 5


def test_samples_one_urgent_message() -> None:
    urgent = [sample for sample in load_all_samples() if sample.note == "urgent"]

    assert len(urgent) == 1
    assert "もう消えてしまいたい" in urgent[0].text


def test_samples_outside_hours_notes() -> None:
    samples = load_all_samples()
    outside = [sample for sample in samples if not is_counselor_hours(sample.sent_at)]
    noted = [sample for sample in samples if sample.note == "outside hours"]

    assert len(outside) >= 1
    assert outside == noted


def test_samples_in_time_order() -> None:
    sent_times = [sample.sent_at for sample in load_all_samples()]

    assert sent_times == sorted(sent_times)


def test_samples_dates_in_week() -> None:
    for sample in load_all_samples():
        local_date = sample.sent_at.astimezone(TOKYO).date().isoformat()
        assert "2026-02-16" <= local_date <= "2026-02-20", sample.line_number
