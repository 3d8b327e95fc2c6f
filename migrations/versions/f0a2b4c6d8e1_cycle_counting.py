"""Cycle counting: intervals by ABC class, the scope locks of open count sessions, a count's assignee.

Revision ID: f0a2b4c6d8e1
Revises: e9f1a3b5c7d0
Create Date: 2026-12-03 20:40:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "f0a2b4c6d8e1"
down_revision = "e9f1a3b5c7d0"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "cycle_count_settings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("interval_a", sa.Integer(), nullable=False),
        sa.Column("interval_b", sa.Integer(), nullable=False),
        sa.Column("interval_c", sa.Integer(), nullable=False),
        sa.Column("session_size", sa.Integer(), nullable=False),
        sa.Column("daily_sessions", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "count_scope_locks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("task_id", sa.Integer(), sa.ForeignKey("tasks.id"), nullable=False),
        sa.Column("location_id", sa.Integer(), sa.ForeignKey("locations.id"), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.UniqueConstraint("location_id", "item_id", name="uq_count_scope_locks_pair"),
    )
    op.create_index("ix_count_scope_locks_task_id", "count_scope_locks", ["task_id"])
    with op.batch_alter_table("count_sessions") as batch:
        batch.add_column(sa.Column("assigned_to", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_count_sessions_assigned_to", "users", ["assigned_to"], ["id"])
    op.create_index("ix_count_lines_pair", "count_lines", ["location_id", "item_id"])


def downgrade():
    op.drop_index("ix_count_lines_pair", table_name="count_lines")
    with op.batch_alter_table("count_sessions") as batch:
        batch.drop_constraint("fk_count_sessions_assigned_to", type_="foreignkey")
        batch.drop_column("assigned_to")
    op.drop_index("ix_count_scope_locks_task_id", table_name="count_scope_locks")
    op.drop_table("count_scope_locks")
    op.drop_table("cycle_count_settings")
