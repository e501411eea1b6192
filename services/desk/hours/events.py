"""The alert event and its topic, as the hours package uses them."""

from shared.schemas.alerts import AlertKind, AlertRaised
from shared.schemas.topics import ALERT_RAISED

__all__ = ["ALERT_RAISED", "AlertKind", "AlertRaised"]
