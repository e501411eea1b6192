"""Fake LINE Messaging API platform; run it with `python -m deploy.fakeline`."""

from deploy.fakeline.app import create_app

__all__ = ["create_app"]
