"""A procurement list can be closed: its buyer found the goods, so it is no longer reminded of nor listed as due.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("procurement_list") as batch:
        batch.add_column(sa.Column("closed_at", storage.types.AwareDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("procurement_list") as batch:
        batch.drop_column("closed_at")
