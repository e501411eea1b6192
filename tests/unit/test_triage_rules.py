"""The first keyword classifier: topics, the urgent flag and its reasons."""

import pytest

from services.triage.rules import classify
from shared.schemas import Topic


@pytest.mark.parametrize(
    "text", ["もう消えてしまいたい", "死にたい", "リスカしちゃった", "I want to die"]
)
def test_urgent_phrases_flagged(text: str) -> None:
    """Phrases of suicidal ideation or self-harm raise the flag and the category."""
    result = classify(text)
    assert result.urgent
    assert Topic.SUICIDE_SELF_HARM in result.topics
    assert result.reasons[0].startswith(Topic.SUICIDE_SELF_HARM.value)


@pytest.mark.parametrize("text", ["死ぬほど笑った", "これは死活問題だ", "仕事がうまくいかない"])
def test_non_literal_not_urgent(text: str) -> None:
    """Figurative use and ordinary worries do not raise the flag."""
    assert not classify(text).urgent


def test_work_topic_with_reason() -> None:
    """A work worry gets the work category and names the word that matched."""
    result = classify("仕事がうまくいかない")
    assert result.topics == (Topic.WORK,)
    assert "仕事" in result.reasons[0]


def test_empty_text_has_no_topics() -> None:
    """A sticker or follow event has no text and no topics."""
    assert classify(None).topics == ()
