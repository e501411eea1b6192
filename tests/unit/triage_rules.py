"""What the risk rules alone decide for one message, shared by the rule test modules."""

from collections.abc import Callable

import pytest

from services.triage.classifier import Triage, by_rules, read

Families = dict[str, tuple[list[str], list[str]]]


def rules_triage(text: str) -> Triage:
    reading = read(text)
    assert reading is not None
    return by_rules(reading)


def rules_urgent(text: str) -> bool:
    return rules_triage(text).urgent


def rules_reasons(text: str) -> tuple[str, ...]:
    return rules_triage(text).reasons


def family_cases(families: Families) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Return (family, text) pairs of the urgent wordings and of the harmless ones."""
    urgent = [(family, text) for family, (wordings, _) in families.items() for text in wordings]
    harmless = [(family, text) for family, (_, wordings) in families.items() for text in wordings]
    return urgent, harmless


def family_tests(families: Families) -> tuple[Callable[..., None], Callable[..., None]]:
    """Build the two tests of a family table: its urgent wordings flag, its harmless ones do not.

    A test module assigns them to names that start with test_, so pytest collects them there.
    """
    urgent, harmless = family_cases(families)

    @pytest.mark.parametrize(("family", "text"), urgent)
    def urgent_wording(family: str, text: str) -> None:
        assert rules_urgent(text), f"{family}: {text}"

    @pytest.mark.parametrize(("family", "text"), harmless)
    def harmless_wording(family: str, text: str) -> None:
        assert not rules_urgent(text), f"{family}: {text}"

    return urgent_wording, harmless_wording


def context_tests(
    contexts: list[str], taken_away: list[str]
) -> tuple[Callable[..., None], Callable[..., None]]:
    """Build the two tests of harmless contexts: each stays calm, and without it the words flag."""

    @pytest.mark.parametrize("text", contexts)
    def context_calm(text: str) -> None:
        assert not rules_urgent(text), text

    @pytest.mark.parametrize("text", taken_away)
    def context_taken_away(text: str) -> None:
        assert rules_urgent(text), text

    return context_calm, context_taken_away
