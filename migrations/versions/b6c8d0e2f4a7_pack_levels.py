"""Pack levels of an item (case, inner, each): inner_qty and case_qty in eaches, and the level it is ordered in.

Revision ID: b6c8d0e2f4a7
Revises: a5b7c9d1e3f6
Create Date: 2026-12-03 20:40:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "b6c8d0e2f4a7"
down_revision = "a5b7c9d1e3f6"
branch_labels = None
depends_on = None

PACK_LEVELS = (
    "(inner_qty IS NULL OR inner_qty BETWEEN 2 AND 100000) AND (case_qty IS NULL OR case_qty BETWEEN 2 AND 100000)"
    " AND (inner_qty IS NULL OR case_qty IS NULL OR (case_qty > inner_qty AND case_qty % inner_qty = 0))"
)
ORDER_IN = (
    "order_in = 'each' OR (order_in = 'inner' AND inner_qty IS NOT NULL)"
    " OR (order_in = 'case' AND case_qty IS NOT NULL)"
)


def upgrade():
    with op.batch_alter_table("items") as batch_op:
        batch_op.add_column(sa.Column("inner_qty", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("case_qty", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("order_in", sa.String(length=8), nullable=False, server_default="each"))
        batch_op.create_check_constraint(op.f("ck_items_pack_levels"), PACK_LEVELS)
        batch_op.create_check_constraint(op.f("ck_items_order_in"), ORDER_IN)


def downgrade():
    with op.batch_alter_table("items") as batch_op:
        batch_op.drop_constraint(op.f("ck_items_order_in"), type_="check")
        batch_op.drop_constraint(op.f("ck_items_pack_levels"), type_="check")
        batch_op.drop_column("order_in")
        batch_op.drop_column("case_qty")
        batch_op.drop_column("inner_qty")
