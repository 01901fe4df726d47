"""Handlers: decide what to do with a message or command (no transport types here)."""

from __future__ import annotations

from handlers.framework import Router


def build_routers() -> list[Router]:
    """Every handlers module's router, in dispatch order (commands are always tried first)."""
    from handlers import (
        admin,
        answers,
        broadcasts,
        commands,
        digest,
        export,
        followups,
        help,
        outbox_admin,
        procurement,
        remind,
        requests,
        supplied,
    )

    return [
        help.router,
        commands.router,
        admin.router,
        export.router,
        outbox_admin.router,
        digest.router,
        remind.router,
        supplied.router,
        answers.router,
        broadcasts.router,
        followups.router,
        procurement.router,
        requests.router,
    ]
