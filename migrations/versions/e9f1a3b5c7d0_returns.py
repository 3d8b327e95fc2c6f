"""Customer returns and returns to suppliers: the `stock_returns` table beside the ledger.

Reviewed by hand: one new table, nothing altered. The ledger's new movement types (`customer_return`,
`supplier_return`) need no change: `movements.type` is a String(16) with no check constraint or enum.
Kinds and reasons are checked against the fixed lists of `domain/returns.py`; `request_id` is unique, the
idempotency key of the office form (and the movement's scan_id); `serial` is '' unless the item is
serial-tracked (one unit, its serial kept in step in `serial_numbers` as scans keep it). UTCDateTime is a naive-UTC TIMESTAMP.

Revision ID: e9f1a3b5c7d0
Revises: d8e0f2a4b6c9
Create Date: 2026-12-03 20:40:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "e9f1a3b5c7d0"
down_revision = "d8e0f2a4b6c9"
branch_labels = None
depends_on = None

KINDS = "kind IN ('customer', 'supplier')"
REASONS = "reason IN ('damaged', 'wrong_item', 'expired', 'quality', 'over_delivery', 'unwanted', 'other')"


def _fk(column: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{table}.id"], name=op.f(f"fk_stock_returns_{column}_{table}"))


def upgrade():
    op.create_table(
        "stock_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("lot", sa.String(length=40), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("serial", sa.String(length=40), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("task_line_id", sa.Integer(), nullable=True),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("returned_at", sa.DateTime(), nullable=False),
        sa.Column("demand_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(KINDS, name=op.f("ck_stock_returns_kind")),
        sa.CheckConstraint(REASONS, name=op.f("ck_stock_returns_reason")),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_stock_returns_quantity")),
        _fk("item_id", "items"),
        _fk("location_id", "locations"),
        _fk("site_id", "sites"),
        _fk("task_id", "tasks"),
        _fk("task_line_id", "task_lines"),
        _fk("supplier_id", "suppliers"),
        _fk("user_id", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_returns")),
        sa.UniqueConstraint("request_id", name=op.f("uq_stock_returns_request_id")),
    )
    op.create_index(op.f("ix_stock_returns_item_id"), "stock_returns", ["item_id"], unique=False)
    op.create_index(op.f("ix_stock_returns_task_id"), "stock_returns", ["task_id"], unique=False)
    op.create_index(op.f("ix_stock_returns_supplier_id"), "stock_returns", ["supplier_id"], unique=False)
    op.create_index("ix_stock_returns_kind_demand_at", "stock_returns", ["kind", "demand_at"], unique=False)


def downgrade():
    op.drop_index("ix_stock_returns_kind_demand_at", table_name="stock_returns")
    op.drop_index(op.f("ix_stock_returns_supplier_id"), table_name="stock_returns")
    op.drop_index(op.f("ix_stock_returns_task_id"), table_name="stock_returns")
    op.drop_index(op.f("ix_stock_returns_item_id"), table_name="stock_returns")
    op.drop_table("stock_returns")
