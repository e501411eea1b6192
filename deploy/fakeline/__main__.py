"""Serve the fake LINE platform: `python -m deploy.fakeline --port 8090`."""

import argparse
import os
import sys
from collections.abc import Mapping, Sequence

import structlog
import uvicorn

from deploy.fakeline.app import create_app
from shared.logging import configure_logging

log = structlog.get_logger()


class MissingAccessTokenError(Exception):
    pass


def read_access_tokens(environ: Mapping[str, str]) -> set[str]:
    """Read the accepted tokens from FAKE_LINE_ACCESS_TOKENS, else LINE_CHANNEL_ACCESS_TOKEN."""
    listed = environ.get("FAKE_LINE_ACCESS_TOKENS", "")
    tokens = {token.strip() for token in listed.split(",") if token.strip()}
    if not tokens:
        single = environ.get("LINE_CHANNEL_ACCESS_TOKEN", "").strip()
        tokens = {single} if single else set()

    if not tokens:
        raise MissingAccessTokenError(
            "channel access token missing: set FAKE_LINE_ACCESS_TOKENS "
            "(comma-separated) or LINE_CHANNEL_ACCESS_TOKEN"
        )
    return tokens


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m deploy.fakeline",
        description=(
            "Serve a fake LINE Messaging API (push and reply) for local runs. Accepted tokens "
            "come from FAKE_LINE_ACCESS_TOKENS (comma-separated) or LINE_CHANNEL_ACCESS_TOKEN."
        ),
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--port", type=int, default=8090, help="TCP port to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--log-level", default="INFO", help="log level: DEBUG, INFO or WARNING (default: INFO)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        tokens = read_access_tokens(os.environ)
    except MissingAccessTokenError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    configure_logging("fakeline", args.log_level)
    log.info("fakeline_starting", host=args.host, port=args.port, token_count=len(tokens))
    uvicorn.run(create_app(tokens), host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
