"""Expiry first out: quarantine bins, expiry alert days, the reason for a later lot.

Revision ID: c7d9e1f3a5b8
Revises: b6c8d0e2f4a7
Create Date: 2026-12-03 20:40:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "c7d9e1f3a5b8"
down_revision = "b6c8d0e2f4a7"
branch_labels = None
depends_on = None

OLD_KINDS = "kind IN ('bin', 'receiving', 'shipping', 'staging')"
NEW_KINDS = "kind IN ('bin', 'receiving', 'shipping', 'staging', 'quarantine')"


def upgrade():
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_locations_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_locations_kind"), NEW_KINDS)
    with op.batch_alter_table("items", schema=None) as batch_op:
        # NULL: the item's category default decides how many days before expiry to alert.
        batch_op.add_column(sa.Column("expiry_alert_days", sa.Integer(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_items_expiry_alert_days"), "expiry_alert_days IS NULL OR expiry_alert_days BETWEEN 0 AND 3650"
        )


def downgrade():
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_items_expiry_alert_days"), type_="check")
        batch_op.drop_column("expiry_alert_days")
    op.execute("UPDATE locations SET kind = 'bin' WHERE kind = 'quarantine'")
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_locations_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_locations_kind"), OLD_KINDS)
