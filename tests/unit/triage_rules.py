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


def family_cases(
    families: dict[str, tuple[list[str], list[str]]],
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Return (family, text) pairs of the urgent wordings and of the harmless ones."""
    urgent = [(family, text) for family, (wordings, _) in families.items() for text in wordings]
    harmless = [(family, text) for family, (_, wordings) in families.items() for text in wordings]
    return urgent, harmless
