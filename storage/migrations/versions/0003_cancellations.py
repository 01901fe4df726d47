"""Meetings and /remind reminders can be cancelled: a cancelled one is not sent (nor listed in digests).

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(sa.Column("cancelled_at", storage.types.AwareDateTime(timezone=True), nullable=True))
    with op.batch_alter_table("reminder") as batch:
        batch.add_column(sa.Column("cancelled_at", storage.types.AwareDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reminder") as batch:
        batch.drop_column("cancelled_at")
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("cancelled_at")
