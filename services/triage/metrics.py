"""Precision, recall and F1 for multi-label topics and for the urgent flag."""

from collections.abc import Iterable
from dataclasses import dataclass

from shared.schemas import Topic


@dataclass(frozen=True)
class Counts:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )

    @property
    def support(self) -> int:
        return self.true_positives + self.false_negatives

    @property
    def predicted(self) -> int:
        return self.true_positives + self.false_positives

    @property
    def precision(self) -> float:
        # With nothing predicted, precision is 0, as in scikit-learn's zero_division=0.
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class Scores:
    per_topic: dict[Topic, Counts]
    urgent: Counts

    @property
    def micro(self) -> Counts:
        return sum(self.per_topic.values(), Counts())

    @property
    def macro_f1(self) -> float:
        return sum(counts.f1 for counts in self.per_topic.values()) / len(self.per_topic)


def score(pairs: Iterable[tuple[set[Topic], bool, set[Topic], bool]]) -> Scores:
    """Score (expected topics, expected urgent, predicted topics, predicted urgent) tuples."""
    per_topic = {topic: Counts() for topic in Topic}
    urgent = Counts()
    for expected, expected_urgent, predicted, predicted_urgent in pairs:
        for topic in Topic:
            per_topic[topic] += _counts(topic in expected, topic in predicted)
        urgent += _counts(expected_urgent, predicted_urgent)
    return Scores(per_topic, urgent)


def _counts(expected: bool, predicted: bool) -> Counts:
    return Counts(
        true_positives=int(expected and predicted),
        false_positives=int(predicted and not expected),
        false_negatives=int(expected and not predicted),
    )
