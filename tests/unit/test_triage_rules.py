"""services.triage.rules keeps the names of the first keyword classifier importable."""

from services.triage import classifier, rules
from shared.schemas import Topic


def test_rules_reexports_classifier() -> None:
    assert rules.classify is classifier.classify
    assert rules.Triage is classifier.Triage
    assert rules.CLASSIFIER_VERSION == classifier.CLASSIFIER_VERSION


def test_work_topic_with_reason() -> None:
    """A work worry gets the work category and names the word that matched."""
    result = rules.classify("仕事がうまくいかない")
    assert result.topics == (Topic.WORK,)
    assert "仕事" in result.reasons[0]
