"""Purchase-order sending and automatic ordering per supplier: sending settings, delivery log, auto-order reasons.

Reviewed by hand: three new tables, nothing existing altered (so no batch copy is needed on SQLite).
`supplier_sending` holds one row per supplier that has been set up (its key is the supplier's id), with
CHECKs on the channel and the automatic mode; the e-mail address, FAX number and minimum order amount it
uses are the supplier's own columns (revision a9b1c3d5e7f0), so they are not repeated here.
`order_deliveries` is the per-order delivery log: one row per attempt and channel, the server's answer
cut to 500 characters by the service, `retry_at` indexed because the retry job looks up the due ones
every minute. `auto_order_lines` keeps, per automatic run and item, the numbers the decision was made on
(on hand, on order, reorder point, target) and whether it was ordered or waits for the minimum amount.
The downgrade drops the three tables (the log and the reasons go with them).

Revision ID: e3f5a7b9c1d4
Revises: c1d3e5f7a9b2
Create Date: 2026-12-03 15:45:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "e3f5a7b9c1d4"
down_revision = "c1d3e5f7a9b2"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "supplier_sending",
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("subject_template", sa.String(length=200), nullable=False),
        sa.Column("body_template", sa.Text(), nullable=False),
        sa.Column("auto_mode", sa.String(length=8), nullable=False),
        sa.Column("auto_times", sa.String(length=120), nullable=False),
        sa.Column("auto_run_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("channel IN ('email', 'fax', 'both', 'manual')", name=op.f("ck_supplier_sending_channel")),
        sa.CheckConstraint("auto_mode IN ('off', 'draft', 'send')", name=op.f("ck_supplier_sending_auto_mode")),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["suppliers.id"], name=op.f("fk_supplier_sending_supplier_id_suppliers")
        ),
        sa.PrimaryKeyConstraint("supplier_id", name=op.f("pk_supplier_sending")),
    )
    op.create_table(
        "order_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("attempted_at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("answer", sa.String(length=500), nullable=False),
        sa.Column("retry_at", sa.DateTime(), nullable=True),
        sa.Column("by_user_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("outcome IN ('sent', 'failed')", name=op.f("ck_order_deliveries_outcome")),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_order_deliveries_task_id_tasks")),
        sa.ForeignKeyConstraint(["by_user_id"], ["users.id"], name=op.f("fk_order_deliveries_by_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_deliveries")),
    )
    op.create_index(op.f("ix_order_deliveries_task_id"), "order_deliveries", ["task_id"], unique=False)
    op.create_index(op.f("ix_order_deliveries_retry_at"), "order_deliveries", ["retry_at"], unique=False)
    op.create_table(
        "auto_order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_at", sa.DateTime(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("on_order", sa.Integer(), nullable=False),
        sa.Column("reorder_point", sa.Integer(), nullable=False),
        sa.Column("order_up_to", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.CheckConstraint("outcome IN ('ordered', 'waiting')", name=op.f("ck_auto_order_lines_outcome")),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["suppliers.id"], name=op.f("fk_auto_order_lines_supplier_id_suppliers")
        ),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_auto_order_lines_site_id_sites")),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_auto_order_lines_item_id_items")),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_auto_order_lines_task_id_tasks")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auto_order_lines")),
    )
    op.create_index(op.f("ix_auto_order_lines_run_at"), "auto_order_lines", ["run_at"], unique=False)
    op.create_index(op.f("ix_auto_order_lines_task_id"), "auto_order_lines", ["task_id"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_auto_order_lines_task_id"), table_name="auto_order_lines")
    op.drop_index(op.f("ix_auto_order_lines_run_at"), table_name="auto_order_lines")
    op.drop_table("auto_order_lines")
    op.drop_index(op.f("ix_order_deliveries_retry_at"), table_name="order_deliveries")
    op.drop_index(op.f("ix_order_deliveries_task_id"), table_name="order_deliveries")
    op.drop_table("order_deliveries")
    op.drop_table("supplier_sending")
