"""Alerts to the on-call supervisor about people at risk; never with message text or LINE ids."""

from enum import StrEnum
from uuid import UUID

from pydantic import AwareDatetime, Field

from shared.schemas.base import Event


class AlertKind(StrEnum):
    URGENT_AFTER_HOURS = "urgent_after_hours"
    URGENT_UNCLAIMED = "urgent_unclaimed"


class AlertRaised(Event):
    """An urgent case that needs the on-call supervisor."""

    alert_id: UUID = Field(description="Unique id of the alert; equal to the event_id.")
    kind: AlertKind = Field(
        description="urgent_after_hours: an urgent message arrived while the desk was closed. "
        "urgent_unclaimed: an urgent case stayed unclaimed during opening hours."
    )
    case_id: UUID
    conversation_id: str = Field(description="Opaque, log-safe id of the chat.")
    channel: str
    raised_at: AwareDatetime = Field(description="When the desk raised the alert.")
