"""Audit trail of settings changes, and alerts snoozed until a time (who snoozed them, when).

Reviewed by hand: UTCDateTime is written as a naive-UTC TIMESTAMP; the BigInteger id is INTEGER on
SQLite (so it autoincrements there) as in the other revisions; one new table and three nullable
columns on alerts, added in batch mode so SQLite rebuilds the table with its constraints.

Revision ID: c1d3e5f7a9b2
Revises: b0c2d4e6f8a1
Create Date: 2026-12-03 15:45:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "c1d3e5f7a9b2"
down_revision = "b0c2d4e6f8a1"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "audit_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("user_name", sa.String(length=120), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.Column("object_kind", sa.String(length=32), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=True),
        sa.Column("object_label", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_audit_events_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_user_id"), ["user_id"], unique=False)
        batch_op.create_index("ix_audit_events_object", ["object_kind", "object_id"], unique=False)

    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("snoozed_until", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("snoozed_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("snoozed_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_alerts_snoozed_by_users"), "users", ["snoozed_by"], ["id"])


def downgrade():
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_alerts_snoozed_by_users"), type_="foreignkey")
        batch_op.drop_column("snoozed_at")
        batch_op.drop_column("snoozed_by")
        batch_op.drop_column("snoozed_until")

    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_object")
        batch_op.drop_index(batch_op.f("ix_audit_events_user_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_at"))

    op.drop_table("audit_events")
