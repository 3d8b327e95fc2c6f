"""Task actions: a phone's short picks and completions, keyed by the client's UUID so a replay changes nothing.

Reviewed by hand: UTCDateTime is written as a naive-UTC TIMESTAMP; one new table only.

Revision ID: d4e6f8a0c2b4
Revises: c3d5f7a9b1e2
Create Date: 2026-11-23 09:12:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "d4e6f8a0c2b4"
down_revision = "c3d5f7a9b1e2"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "task_actions",
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("task_line_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_task_actions_task_id_tasks")),
        sa.ForeignKeyConstraint(
            ["task_line_id"], ["task_lines.id"], name=op.f("fk_task_actions_task_line_id_task_lines")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_task_actions_user_id_users")),
        sa.PrimaryKeyConstraint("action_id", name=op.f("pk_task_actions")),
    )
    with op.batch_alter_table("task_actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_actions_task_id"), ["task_id"], unique=False)


def downgrade():
    with op.batch_alter_table("task_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_actions_task_id"))

    op.drop_table("task_actions")
