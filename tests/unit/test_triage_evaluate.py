"""The labeled data set, the metrics, and the held-out targets."""

from collections import Counter

import pytest

from services.triage.classifier import classify
from services.triage.dataset import LabeledMessage, load_part
from services.triage.evaluate import TARGETS, evaluate_part, main, missed_targets
from services.triage.metrics import Counts, score
from shared.schemas import Topic

MIN_TOTAL = 400
MIN_PER_TOPIC = 12
MIN_RISK = 120
MIN_HARD_NEGATIVES = 40
MIN_HELDOUT = 300
MIN_HELDOUT_URGENT = 100


@pytest.fixture(scope="module")
def tune() -> list[LabeledMessage]:
    return load_part("tune")


@pytest.fixture(scope="module")
def heldout() -> list[LabeledMessage]:
    return load_part("heldout")


def test_dataset_size_and_coverage(
    tune: list[LabeledMessage], heldout: list[LabeledMessage]
) -> None:
    examples = tune + heldout
    per_topic = Counter(topic for example in examples for topic in example.topics)
    risk = [e for e in examples if e.urgent or e.family == "hard-negative"]
    hard_negatives = [e for e in examples if e.family == "hard-negative"]
    assert len(examples) >= MIN_TOTAL
    assert min(per_topic[topic] for topic in Topic) >= MIN_PER_TOPIC
    assert len(risk) >= MIN_RISK
    assert len(hard_negatives) >= MIN_HARD_NEGATIVES


def test_heldout_large_enough(heldout: list[LabeledMessage]) -> None:
    """The held-out part has enough messages, and risk cases, to measure the targets."""
    assert len(heldout) >= MIN_HELDOUT
    assert sum(example.urgent for example in heldout) >= MIN_HELDOUT_URGENT


def test_parts_share_no_message(tune: list[LabeledMessage], heldout: list[LabeledMessage]) -> None:
    tune_texts = {example.text for example in tune}
    assert not tune_texts & {example.text for example in heldout}
    assert len(tune_texts) == len(tune)


def test_heldout_meets_targets(heldout: list[LabeledMessage]) -> None:
    scores = evaluate_part(heldout)
    assert scores.urgent.recall >= TARGETS.urgent_recall
    assert scores.urgent.precision >= TARGETS.urgent_precision
    assert scores.micro.f1 >= TARGETS.micro_f1


@pytest.mark.parametrize("part", ["tune", "heldout"])
def test_every_urgent_prediction_has_reason(part: str) -> None:
    for example in load_part(part):  # type: ignore[arg-type]
        result = classify(example.text)
        if result.urgent:
            assert result.reasons[0].startswith("[希死念慮・自傷]"), example.text


def test_evaluate_main_exit_status() -> None:
    """The command exits 0 when held-out meets the targets and 1 when it misses one."""
    expected = 0 if not missed_targets(evaluate_part(load_part("heldout"))) else 1
    assert main(["--part", "heldout"]) == expected


def test_missed_targets_lists_each_miss() -> None:
    scores = score([({Topic.FAMILY}, True, {Topic.WORK}, False)])
    missed = missed_targets(scores)
    assert len(missed) == 3
    assert missed[0].startswith("urgent recall 0.000")


def test_counts_precision_recall_f1() -> None:
    counts = Counts(true_positives=3, false_positives=1, false_negatives=2)
    assert counts.precision == pytest.approx(0.75)
    assert counts.recall == pytest.approx(0.6)
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_counts_with_nothing_predicted() -> None:
    assert Counts(false_negatives=2).precision == 0.0
    assert Counts().f1 == 0.0
