"""What the risk rules alone decide for one message, shared by the rule test modules."""

from services.triage.classifier import Triage, by_rules, read


def rules_triage(text: str) -> Triage:
    reading = read(text)
    assert reading is not None
    return by_rules(reading)


def rules_urgent(text: str) -> bool:
    return rules_triage(text).urgent


def rules_reasons(text: str) -> tuple[str, ...]:
    return rules_triage(text).reasons
