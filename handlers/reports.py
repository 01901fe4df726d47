"""Ledger rows for exports (CLI JSON/CSV, web, Excel): a function of the ledger and "now"."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from handlers.services import Services
from storage.ledger import list_requests

LEDGER_FIELDS = (
    "no",
    "group_id",
    "requester_id",
    "requester",
    "text",
    "department",
    "status",
    "created_at",
    "first_answer_at",
    "resolved_at",
    "overdue",
    "message_id",
)


def _iso(ts: datetime | None, services: Services) -> str | None:
    return ts.astimezone(services.policy.bot.tz).isoformat() if ts else None


def ledger_rows(*, session: Session, services: Services, now: datetime, **filters: Any) -> list[dict[str, Any]]:
    """Every request as a plain dict (the `clusterbot ledger --format json` interface)."""
    from storage.messages import get_raw_by_pk

    rows = []
    for req in list_requests(session=session, **filters):
        raw = get_raw_by_pk(session=session, pk=req.source_message_id) if req.source_message_id else None
        rows.append(
            {
                "no": req.id,
                "group_id": req.group_id,
                "requester_id": req.requester_id,
                "requester": req.requester_name,
                "text": req.text,
                "department": req.department,
                "status": req.status,
                "created_at": _iso(req.created_at, services),
                "first_answer_at": _iso(req.first_answer_at, services),
                "resolved_at": _iso(req.resolved_at, services),
                "overdue": services.sla.is_overdue(req.status, req.created_at, req.department, now),
                "message_id": raw.message_id if raw else None,
            }
        )
    return rows
