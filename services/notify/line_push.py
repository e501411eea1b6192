"""Push messages through the LINE Messaging API, mapping its responses to outcomes."""

from dataclasses import dataclass

from linebot.v3.messaging import (
    AsyncApiClient,
    AsyncMessagingApi,
    Configuration,
    PushMessageRequest,
    TextMessage,
)
from linebot.v3.messaging.exceptions import ApiException

from shared.schemas import DeliveryStatus

# 409 on a push with X-Line-Retry-Key means LINE already accepted that very request.
ALREADY_ACCEPTED = 409
# 429 and 5xx send nothing, so the push is tried again; any other 4xx never succeeds.
RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})


class TransientPushError(Exception):
    """LINE did not accept the push this time; the same request may succeed later."""

    def __init__(self, status: int | None) -> None:
        super().__init__(f"LINE push failed with HTTP {status}; it will be retried")
        self.status = status


@dataclass(frozen=True)
class PushOutcome:
    status: DeliveryStatus
    line_request_id: str | None
    error: str | None = None


class LinePusher:
    def __init__(self, *, base_url: str, access_token: str) -> None:
        configuration = Configuration(host=base_url, access_token=access_token)
        self._client = AsyncApiClient(configuration)
        self._api = AsyncMessagingApi(self._client)

    async def close(self) -> None:
        await self._client.close()

    async def push_text(self, *, to: str, text: str, retry_key: str) -> PushOutcome:
        """Send one text; raise TransientPushError when LINE's response means try again later."""
        request = PushMessageRequest(to=to, messages=[TextMessage(text=text)])
        try:
            response = await self._api.push_message_with_http_info(
                request, x_line_retry_key=retry_key
            )
        except ApiException as error:
            return self._outcome_of_error(error)
        return PushOutcome(DeliveryStatus.SENT, _header(response.headers, "x-line-request-id"))

    @staticmethod
    def _outcome_of_error(error: ApiException) -> PushOutcome:
        if error.status == ALREADY_ACCEPTED:
            accepted_id = _header(error.headers, "x-line-accepted-request-id")
            return PushOutcome(DeliveryStatus.SENT, accepted_id)
        if error.status is None or error.status in RETRYABLE_STATUSES:
            raise TransientPushError(error.status) from None
        return PushOutcome(
            DeliveryStatus.FAILED,
            _header(error.headers, "x-line-request-id"),
            error=f"LINE rejected the push with HTTP {error.status}",
        )


def _header(headers: object, name: str) -> str | None:
    if not headers:
        return None
    for key, value in dict(headers).items():
        if key.lower() == name:
            return value
    return None
