"""Warehouse workflows: stock allocations for pick lists, task events, count sessions and count lines.

Reviewed by hand: UTCDateTime is written as its storage type, a naive-UTC TIMESTAMP.

Revision ID: b2c4e6a8d0f1
Revises: 93cd4be439d2
Create Date: 2026-11-22 04:35:55.019163

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "b2c4e6a8d0f1"
down_revision = "93cd4be439d2"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "count_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("lot", sa.String(length=40), nullable=False),
        sa.Column("snapshot_quantity", sa.BigInteger(), nullable=False),
        sa.Column("counted_quantity", sa.BigInteger(), nullable=True),
        sa.Column("counted_at", sa.DateTime(), nullable=True),
        sa.Column("counted_by", sa.Integer(), nullable=True),
        sa.Column("recount", sa.Boolean(), nullable=False),
        sa.Column("expected_quantity", sa.BigInteger(), nullable=True),
        sa.Column("variance", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["counted_by"], ["users.id"], name=op.f("fk_count_lines_counted_by_users")),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_count_lines_item_id_items")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_count_lines_location_id_locations")),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_count_lines_task_id_tasks")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_count_lines")),
        sa.UniqueConstraint(
            "task_id", "location_id", "item_id", "lot", name=op.f("uq_count_lines_task_id_location_id_item_id_lot")
        ),
    )
    with op.batch_alter_table("count_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_count_lines_task_id"), ["task_id"], unique=False)

    op.create_table(
        "count_sessions",
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("zone", sa.String(length=40), nullable=False),
        sa.Column("location_ids", sa.JSON(), nullable=False),
        sa.Column("item_ids", sa.JSON(), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["approved_by"], ["users.id"], name=op.f("fk_count_sessions_approved_by_users")),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_count_sessions_task_id_tasks")),
        sa.PrimaryKeyConstraint("task_id", name=op.f("pk_count_sessions")),
    )
    op.create_table(
        "allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("task_line_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("lot", sa.String(length=40), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_allocations_item_id_items")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_allocations_location_id_locations")),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_allocations_task_id_tasks")),
        sa.ForeignKeyConstraint(
            ["task_line_id"], ["task_lines.id"], name=op.f("fk_allocations_task_line_id_task_lines")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allocations")),
        sa.UniqueConstraint("task_line_id", name=op.f("uq_allocations_task_line_id")),
    )
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.create_index("ix_allocations_key", ["item_id", "location_id", "lot"], unique=False)
        batch_op.create_index(batch_op.f("ix_allocations_task_id"), ["task_id"], unique=False)

    op.create_table(
        "task_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("task_line_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("scan_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_task_events_task_id_tasks")),
        sa.ForeignKeyConstraint(
            ["task_line_id"], ["task_lines.id"], name=op.f("fk_task_events_task_line_id_task_lines")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_task_events_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_events")),
    )
    with op.batch_alter_table("task_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_events_task_id"), ["task_id"], unique=False)


def downgrade():
    with op.batch_alter_table("task_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_events_task_id"))

    op.drop_table("task_events")
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_allocations_task_id"))
        batch_op.drop_index("ix_allocations_key")

    op.drop_table("allocations")
    op.drop_table("count_sessions")
    with op.batch_alter_table("count_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_count_lines_task_id"))

    op.drop_table("count_lines")
