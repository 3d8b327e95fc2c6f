"""Barcode removals: the audit record of a barcode taken off an item, and the delta that tells phones.

Reviewed by hand: UTCDateTime is written as a naive-UTC TIMESTAMP; one new table only.

Revision ID: e5f7a9b1c3d6
Revises: d4e6f8a0c2b4
Create Date: 2026-11-22 07:35:30.022948

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "e5f7a9b1c3d6"
down_revision = "d4e6f8a0c2b4"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "barcode_removals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=200), nullable=False),
        sa.Column("raw", sa.String(length=200), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("pack_qty", sa.Integer(), nullable=False),
        sa.Column("removed_by", sa.Integer(), nullable=True),
        sa.Column("removed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_barcode_removals_item_id_items")),
        sa.ForeignKeyConstraint(["removed_by"], ["users.id"], name=op.f("fk_barcode_removals_removed_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_barcode_removals")),
    )
    with op.batch_alter_table("barcode_removals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_barcode_removals_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_barcode_removals_removed_at"), ["removed_at"], unique=False)


def downgrade():
    with op.batch_alter_table("barcode_removals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_barcode_removals_removed_at"))
        batch_op.drop_index(batch_op.f("ix_barcode_removals_item_id"))

    op.drop_table("barcode_removals")
