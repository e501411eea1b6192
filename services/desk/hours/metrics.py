"""Prometheus metrics of the automatic replies and the alerts."""

from prometheus_client import Counter, Gauge

AUTOMATIC_REPLIES = Counter(
    "desk_automatic_replies",
    "Automatic replies to messages outside opening hours, by kind and outcome.",
    ["kind", "outcome"],
)
ALERTS_RAISED = Counter(
    "desk_alerts_raised", "Alerts queued for the on-call supervisor, by kind.", ["kind"]
)
URGENT_UNCLAIMED_ALERTS = Counter(
    "desk_urgent_unclaimed_alerts",
    "Alerts raised because an urgent case stayed unclaimed past the claim window.",
)
URGENT_UNCLAIMED_CASES = Gauge(
    "desk_urgent_unclaimed_cases",
    "Urgent cases that nobody had claimed at the last check, in or out of opening hours.",
)
ALERT_CHECK_FAILURES = Counter(
    "desk_urgent_alert_check_failures", "Failed runs of the unclaimed urgent case check."
)
