"""Ordering policies per item (reorder point and quantity, order-up-to, mixed), ordering cost and holding rate for the EOQ,
and the lead time learned from receipts on each engine result.

Items keep ordering as before: policy "s_S" (order at the reorder point, up to the engine's target),
no fixed quantity, no EOQ. Suppliers' ordering cost is NULL (the shop's default); the shop's default
ordering cost and holding rate are 0 (not set: no EOQ offered). Amounts are scaled integers (x10^4).
Engine results gain the learned lead time (mean and spread in days, NULL where too few receipts) and
how many receipts it stands on; the next recompute fills them.

Revision ID: d4f6b8c0e2a5
Revises: c3e5a7b9d1f4
Create Date: 2026-12-04 20:00:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "d4f6b8c0e2a5"
down_revision = "c3e5a7b9d1f4"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("items") as batch_op:
        batch_op.add_column(sa.Column("order_policy", sa.String(8), server_default="s_S", nullable=False))
        batch_op.add_column(sa.Column("fixed_order_qty", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("use_eoq", sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table("suppliers") as batch_op:
        batch_op.add_column(sa.Column("ordering_cost", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("company_profile") as batch_op:
        batch_op.add_column(sa.Column("ordering_cost", sa.BigInteger(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("holding_rate", sa.BigInteger(), server_default="0", nullable=False))
    with op.batch_alter_table("replenishment_results") as batch_op:
        batch_op.add_column(sa.Column("learned_lead_days", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("learned_lead_std", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("lead_time_receipts", sa.Integer(), server_default="0", nullable=False))


def downgrade():
    with op.batch_alter_table("replenishment_results") as batch_op:
        batch_op.drop_column("lead_time_receipts")
        batch_op.drop_column("learned_lead_std")
        batch_op.drop_column("learned_lead_days")
    with op.batch_alter_table("company_profile") as batch_op:
        batch_op.drop_column("holding_rate")
        batch_op.drop_column("ordering_cost")
    with op.batch_alter_table("suppliers") as batch_op:
        batch_op.drop_column("ordering_cost")
    with op.batch_alter_table("items") as batch_op:
        batch_op.drop_column("use_eoq")
        batch_op.drop_column("fixed_order_qty")
        batch_op.drop_column("order_policy")
