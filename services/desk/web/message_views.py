"""Values that the console renders for messages: texts, delivery and triage's reasons."""

from typing import Any
from uuid import UUID

import asyncpg

from services.desk import case_queries, triage_results
from services.desk.case_rows import SYSTEM_ACTOR
from services.desk.web.rendering import DELIVERY_LABELS, message_text, tokyo_time


def message_views(
    rows: list[asyncpg.Record], *, urgent_message_id: UUID | None
) -> list[dict[str, Any]]:
    """Return the values of _messages.html for a case's messages.

    `urgent_message_id` is the message that made the case urgent, which the page marks.
    """
    return [_message_view(row, urgent_message_id=urgent_message_id) for row in rows]


def _message_view(row: asyncpg.Record, *, urgent_message_id: UUID | None) -> dict[str, Any]:
    urgent_reasons, other_reasons = triage_results.split_reasons(
        row["reasons"], urgent=row["urgent"]
    )
    # A warning that triage could not read the message is shown unfolded, like urgent reasons.
    unread_reasons = [r for r in other_reasons if triage_results.is_unread_script_reason(r)]
    other_reasons = [r for r in other_reasons if not triage_results.is_unread_script_reason(r)]
    return {
        "message_id": str(row["message_id"]),
        "direction": row["direction"],
        "text": message_text(row["kind"], row["text"]),
        "time": tokyo_time(row["sent_at"]),
        "status": row["delivery_status"],
        "status_label": DELIVERY_LABELS.get(row["delivery_status"] or "", ""),
        "automatic": row["requested_by"] == SYSTEM_ACTOR,
        "topics": list(row["topics"]),
        "urgent": row["urgent"],
        "made_case_urgent": row["message_id"] == urgent_message_id,
        "urgent_reasons": urgent_reasons,
        "unread_reasons": unread_reasons,
        "other_reasons": other_reasons,
        "classifier_version": row["classifier_version"],
    }


def urgent_origin_view(row: asyncpg.Record) -> dict[str, Any] | None:
    """Return the message that made a case urgent, with its first urgent reason.

    Returns None for a case that is not urgent, or an urgent one whose message is unknown.
    """
    if row["urgent_message_id"] is None:
        return None
    urgent_case_id = row["urgent_case_id"]
    return {
        "message_id": str(row["urgent_message_id"]),
        "reason": triage_results.first_urgent_reason(row["urgent_reasons"]),
        "time": tokyo_time(row["urgent_sent_at"]),
        "case_id": str(urgent_case_id) if urgent_case_id is not None else None,
        "in_this_case": urgent_case_id == row["case_id"],
    }


def queue_reason_view(row: asyncpg.Record) -> dict[str, Any] | None:
    """Return the urgent reason of a queue row with the time of its message, or None.

    The reason may come from a later message than the one that made the case urgent, as
    triage_results.choose_queue_reason describes.
    """
    reason = case_queries.queue_reason(row)
    if reason is None:
        return None
    return {"text": reason.text, "time": tokyo_time(reason.sent_at)}
