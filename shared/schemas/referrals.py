"""Referral of a case to the city's welfare division, only with the person's consent."""

from uuid import UUID

from pydantic import Field

from shared.schemas.base import Event
from shared.schemas.categories import Topic


class ReferralRequested(Event):
    """A counselor decided a case should be referred; consent is asked before anything leaves."""

    referral_id: UUID
    case_id: UUID
    conversation_id: str
    channel: str
    topics: tuple[Topic, ...] = ()
    requested_by: str


class ReferralAnswered(Event):
    """The welfare division's answer, to be relayed to the person by a counselor."""

    referral_id: UUID
    agency: str = Field(description="Name of the department or organization that responded.")
    answer: str = Field(min_length=1, max_length=5000)
