"""Findings of the risk rules, and how they read to a counselor."""

from dataclasses import dataclass
from enum import StrEnum

from shared.schemas import Topic


class RiskKind(StrEnum):
    """Kind of suicide or self-harm risk, as counselors name it."""

    IDEATION = "希死念慮"
    PASSIVE_IDEATION = "受動的希死念慮"
    PLAN = "計画・手段"
    SELF_HARM = "自傷"


@dataclass(frozen=True)
class RiskSignal:
    """A phrase that makes the message urgent, with the reason in Japanese."""

    kind: RiskKind
    start: int
    end: int
    phrase: str
    explanation: str
    # Who is at risk when the sender reports someone else (友達, 娘); None for the sender.
    subject: str | None = None

    def reason(self) -> str:
        label = Topic.SUICIDE_SELF_HARM.value
        text = f"[{label}] 「{self.phrase}」: {self.explanation}（{self.kind}）"
        if self.subject is not None:
            text += f"。{self.subject}の危険として送信者が報告"
        return text


@dataclass(frozen=True)
class RiskNote:
    """A risk word that was found but does not make the message urgent, and why not."""

    phrase: str
    explanation: str

    def reason(self) -> str:
        return f"[緊急ではない] 「{self.phrase}」: {self.explanation}"


@dataclass(frozen=True)
class RiskAssessment:
    signals: tuple[RiskSignal, ...]
    notes: tuple[RiskNote, ...]

    @property
    def urgent(self) -> bool:
        return bool(self.signals)
