"""Handlers: decide what to do with a message or command (no transport types here)."""

from __future__ import annotations

from handlers.framework import Router


def build_routers() -> list[Router]:
    """Every handlers module's router, in dispatch order (commands are always tried first)."""
    from handlers import help, procurement, requests

    return [help.router, requests.router, procurement.router]
