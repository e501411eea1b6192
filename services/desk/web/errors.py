"""Japanese messages for the errors of case actions, with the HTTP status of each."""

import asyncpg

from services.desk.case_rows import CaseClosed
from services.desk.cases import InvalidTransfer
from services.desk.closing import InvalidClosing
from services.desk.domain import (
    LINE_TEXT_MAX_UTF16_UNITS,
    URGENT_CLEAR_REASON_MAX_CHARS,
    CaseAlreadyClaimed,
    CaseMove,
    CaseState,
    ForbiddenMove,
    InvalidReplyText,
    InvalidUrgentClearReason,
    NotPermitted,
    UrgentClearConflict,
    utf16_length,
)
from services.desk.web.rendering import STATE_LABELS

# The errors that a case action may raise and the page shows, with the API's statuses.
CASE_ACTION_ERRORS = (
    ForbiddenMove,
    NotPermitted,
    InvalidReplyText,
    InvalidClosing,
    InvalidTransfer,
    UrgentClearConflict,
    InvalidUrgentClearReason,
)

MOVE_LABELS = {
    CaseMove.CLAIM: "担当",
    CaseMove.RELEASE: "担当の解除",
    CaseMove.TRANSFER: "引き継ぎ",
    CaseMove.REPLY: "返信",
    CaseMove.CLOSE: "終了",
}


def error_status(error: Exception) -> int:
    if isinstance(error, ForbiddenMove | UrgentClearConflict):
        return 409
    if isinstance(error, NotPermitted):
        return 403
    return 422


def describe_case_error(
    error: Exception, *, case: asyncpg.Record, reply_text: str = "", clear_reason: str = ""
) -> str:
    """Return a Japanese sentence that names what failed and what the counselor can do next."""
    if isinstance(error, CaseAlreadyClaimed):
        return (
            f"この相談はすでに{case['claimant_name']}さんが担当しています。"
            "担当の解除を頼むか、スーパーバイザーに引き継ぎを依頼してください。"
        )
    if isinstance(error, CaseClosed):
        return "この相談は終了しているため、操作できません。"
    if isinstance(error, ForbiddenMove) and error.previous is CaseState.OPEN:
        return _not_permitted(case)
    if isinstance(error, ForbiddenMove):
        state = STATE_LABELS.get(error.previous, error.previous)
        action = MOVE_LABELS.get(error.move, error.move)
        return f"この相談は「{state}」のため、{action}はできません。"
    if isinstance(error, NotPermitted):
        return _not_permitted(case)
    if isinstance(error, InvalidReplyText):
        return _invalid_reply(reply_text)
    if isinstance(error, InvalidClosing):
        return "分類または年代の値が正しくありません。一覧から選び直してください。"
    if isinstance(error, UrgentClearConflict):
        return _urgent_clear_conflict(case)
    if isinstance(error, InvalidUrgentClearReason):
        return _invalid_clear_reason(clear_reason)
    return "操作に失敗しました。ページを再読み込みしてから、もう一度試してください。"


def _not_permitted(case: asyncpg.Record) -> str:
    if case["claimed_by"] is None:
        return "この相談はまだ誰も担当していません。先に「担当する」を押してください。"
    return (
        f"この相談は{case['claimant_name']}さんが担当しています。"
        "担当者かスーパーバイザーだけが操作できます。"
    )


def _invalid_reply(text: str) -> str:
    # domain.validate_reply_text rejects control characters, invisible-only texts and texts
    # over LINE's limit. A long text that also fails another check gets the length message.
    length = utf16_length(text)
    if length > LINE_TEXT_MAX_UTF16_UNITS:
        return (
            f"返信が長すぎます（{length:,}文字、上限は{LINE_TEXT_MAX_UTF16_UNITS:,}文字）。"
            "短くするか、複数回に分けて送ってください。"
        )
    if not text.strip():
        return "返信が空です。文字を入力してください。"
    return "返信に送信できない文字（制御文字など）が含まれています。取り除いてください。"


def _urgent_clear_conflict(case: asyncpg.Record) -> str:
    if case["state"] == CaseState.CLOSED:
        return "この相談は終了しているため、緊急を解除できません。"
    return "この相談は緊急ではないため、解除するものはありません。"


def _invalid_clear_reason(reason: str) -> str:
    # domain.validate_urgent_clear_reason rejects control characters, blank reasons and
    # reasons over the limit, and counts the characters after removing surrounding spaces.
    length = len(reason.strip())
    if length > URGENT_CLEAR_REASON_MAX_CHARS:
        return (
            f"解除の理由が長すぎます（{length:,}文字、上限は{URGENT_CLEAR_REASON_MAX_CHARS:,}文字）。"
            "短くしてください。"
        )
    if not reason.strip():
        return "解除の理由を入力してください。記録に残ります。"
    return "解除の理由に使えない文字（制御文字など）が含まれています。取り除いてください。"
