"""The desk's rules for triage's reasons and for the message that made a row urgent."""

from datetime import UTC, datetime, timedelta
from uuid import uuid4

from services.desk import triage_results
from services.desk.triage_results import QueueReason, UrgentMessage, choose_queue_reason
from services.triage.classifier import URGENT_BY_MODEL
from shared.schemas import Priority

URGENT_REASON = "[希死念慮・自傷] 「消えてしまいたい」: 消えたいという願望"
MODEL_REASON = (
    "[希死念慮・自傷] 「生き」「つらい」: 危険を示す言い回しとして判定（学習モデル、確率 0.68）"
)
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
WORK_REASON = "[仕事・就労関係] 「仕事」: 仕事・職場の語"
NOTE_REASON = "[緊急ではない] 「死ぬほど」: 強調や誇張の言い回し"


def test_split_keeps_order_of_each_part() -> None:
    reasons = [WORK_REASON, URGENT_REASON, NOTE_REASON, URGENT_REASON + "2"]
    urgent, other = triage_results.split_reasons(reasons, urgent=True)

    assert urgent == [URGENT_REASON, URGENT_REASON + "2"]
    assert other == [WORK_REASON, NOTE_REASON]


def test_split_of_calm_message_has_no_urgent() -> None:
    urgent, other = triage_results.split_reasons([URGENT_REASON, WORK_REASON], urgent=False)

    assert urgent == []
    assert other == [URGENT_REASON, WORK_REASON]


def test_note_is_not_urgent_reason() -> None:
    assert not triage_results.is_urgent_reason(NOTE_REASON)
    assert not triage_results.is_urgent_reason("希死念慮・自傷 の語")
    assert triage_results.is_urgent_reason(URGENT_REASON)


def test_first_urgent_reason() -> None:
    assert triage_results.first_urgent_reason([WORK_REASON, URGENT_REASON]) == URGENT_REASON
    assert triage_results.first_urgent_reason([WORK_REASON]) is None
    assert triage_results.first_urgent_reason([]) is None


def test_storable_text_replaces_nul_and_surrogates() -> None:
    assert triage_results.storable_text("a\x00b\ud800c\udfffd") == "a\ufffdb\ufffdc\ufffdd"
    assert triage_results.storable_text("「仕事」\t\n") == "「仕事」\t\n"
    assert triage_results.storable_reasons(["x\x00", "y"]) == ["x\ufffd", "y"]


def test_next_urgent_message_id() -> None:
    current, candidate = uuid4(), uuid4()
    next_id = triage_results.next_urgent_message_id

    assert next_id(None, priority=Priority.URGENT, candidate=candidate) == candidate
    assert next_id(current, priority=Priority.URGENT, candidate=candidate) == current
    assert next_id(current, priority=Priority.NORMAL, candidate=candidate) is None
    assert next_id(None, priority=Priority.URGENT, candidate=None) is None


def urgent_message(minutes: int, *reasons: str) -> UrgentMessage:
    return UrgentMessage(
        message_id=uuid4(), sent_at=T0 + timedelta(minutes=minutes), reasons=reasons
    )


def test_model_explanation_matches_triage() -> None:
    assert triage_results.MODEL_URGENT_EXPLANATION == URGENT_BY_MODEL


def test_rule_reason_excludes_model_and_note() -> None:
    assert triage_results.is_rule_urgent_reason(URGENT_REASON)
    assert not triage_results.is_rule_urgent_reason(MODEL_REASON)
    assert not triage_results.is_rule_urgent_reason(NOTE_REASON)
    assert not triage_results.is_rule_urgent_reason(WORK_REASON)


def test_first_rule_urgent_reason_skips_model() -> None:
    reasons = [WORK_REASON, MODEL_REASON, URGENT_REASON]

    assert triage_results.first_rule_urgent_reason(reasons) == URGENT_REASON
    assert triage_results.first_rule_urgent_reason([MODEL_REASON]) is None


def test_queue_reason_prefers_origin_rule() -> None:
    origin = urgent_message(0, URGENT_REASON)
    later = urgent_message(5, URGENT_REASON + "2")

    chosen = choose_queue_reason(origin=origin, earliest_rule=later)

    assert chosen == QueueReason(URGENT_REASON, origin.message_id, origin.sent_at)


def test_queue_reason_takes_later_rule_over_model() -> None:
    origin = urgent_message(0, MODEL_REASON)
    later = urgent_message(5, WORK_REASON, URGENT_REASON)

    chosen = choose_queue_reason(origin=origin, earliest_rule=later)

    assert chosen == QueueReason(URGENT_REASON, later.message_id, later.sent_at)


def test_queue_reason_falls_back_to_model() -> None:
    origin = urgent_message(0, WORK_REASON, MODEL_REASON)

    chosen = choose_queue_reason(origin=origin, earliest_rule=None)

    assert chosen == QueueReason(MODEL_REASON, origin.message_id, origin.sent_at)


def test_queue_reason_without_reasons() -> None:
    origin = urgent_message(0)

    assert choose_queue_reason(origin=origin, earliest_rule=None) == QueueReason(
        None, origin.message_id, origin.sent_at
    )
    assert choose_queue_reason(origin=None, earliest_rule=urgent_message(5, URGENT_REASON)) is None
