"""Replenishment results say how much history they stand on and which days were capped as outliers.

Reviewed by hand: adds three NOT NULL columns to replenishment_results (history_days, defaulting to
the window for the rows already stored; outlier_count 0; outlier_days, a JSON list of ISO dates, empty).
The table is rebuilt by every recompute, so the defaults only cover the rows of the last run until the
next. Downgrade drops the three columns.

Revision ID: a5b7c9d1e3f6
Revises: f4a6b8c0d2e5
Create Date: 2026-12-03 15:45:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a5b7c9d1e3f6"
down_revision = "f4a6b8c0d2e5"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("replenishment_results", schema=None) as batch_op:
        batch_op.add_column(sa.Column("history_days", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("outlier_count", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("outlier_days", sa.JSON(), nullable=False, server_default="[]"))
    op.execute("UPDATE replenishment_results SET history_days = window_days")


def downgrade():
    with op.batch_alter_table("replenishment_results", schema=None) as batch_op:
        batch_op.drop_column("outlier_days")
        batch_op.drop_column("outlier_count")
        batch_op.drop_column("history_days")
