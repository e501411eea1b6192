"""structlog set-up: one JSON object per line on stdout, with personal data kept out.

Records of the standard library's logging (aiokafka, uvicorn, tracebacks) go through the
same processors, so every line a service writes is JSON.
"""

import logging
import sys

import structlog

# Keys that would carry a message text, a LINE id, a token or a secret. A processor drops
# them from every event as a second line of defence; call sites should not pass them at all.
FORBIDDEN_KEYS = frozenset(
    {
        "text",
        "normalized_text",
        "user_id",
        "group_id",
        "room_id",
        "to",
        "reply_token",
        "token",
        "secret",
        "password",
        "authorization",
        "body",
        "payload",
    }
)


def drop_personal_data(_logger: object, _method: str, event_dict: dict) -> dict:
    for key in FORBIDDEN_KEYS & event_dict.keys():
        event_dict[key] = "[redacted]"
    return event_dict


def configure_logging(service: str, level: str = "INFO") -> None:
    """Configure structlog and the standard library to write JSON lines tagged with `service`."""
    numeric_level = logging.getLevelNamesMapping()[level.upper()]
    shared_processors = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        drop_personal_data,
    ]
    structlog.configure(
        processors=[
            *shared_processors,
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(numeric_level),
        logger_factory=structlog.PrintLoggerFactory(sys.stdout),
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.bind_contextvars(service=service)

    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[structlog.stdlib.add_logger_name, *shared_processors],
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                structlog.processors.JSONRenderer(ensure_ascii=False),
            ],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    # Libraries log through the standard library; keep their warnings and errors.
    root.setLevel(max(numeric_level, logging.WARNING))
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
