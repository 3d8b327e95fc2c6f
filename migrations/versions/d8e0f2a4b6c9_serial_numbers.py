"""Serial numbers of serial-tracked items: the flag on items, the serial on scans and movements, and one row per
serial saying where it is now (the row a receipt locks, so two phones can never both book the same serial in).

Reviewed by hand: plain ADD COLUMN, not a batch rebuild, so SQLite keeps the ledger's append-only triggers;
UTCDateTime is a naive-UTC TIMESTAMP as elsewhere.

Revision ID: d8e0f2a4b6c9
Revises: c7d9e1f3a5b8
Create Date: 2026-12-04 19:45:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "d8e0f2a4b6c9"
down_revision = "c7d9e1f3a5b8"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("items", sa.Column("serial_tracked", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("scans", sa.Column("serial", sa.String(40), nullable=False, server_default=""))
    op.add_column("movements", sa.Column("serial", sa.String(40), nullable=False, server_default=""))
    op.create_index("ix_movements_item_serial", "movements", ["item_id", "serial"])
    op.create_table(
        "serial_numbers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.Integer(), sa.ForeignKey("items.id"), nullable=False),
        sa.Column("serial", sa.String(40), nullable=False),
        # Where the serial is now; NULL once it has left the stock (picked, sent back, never received).
        sa.Column("location_id", sa.Integer(), sa.ForeignKey("locations.id"), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("item_id", "serial", name=op.f("uq_serial_numbers_item_id_serial")),
    )
    op.create_index("ix_serial_numbers_location_id", "serial_numbers", ["location_id"])


def downgrade():
    op.drop_index("ix_serial_numbers_location_id", table_name="serial_numbers")
    op.drop_table("serial_numbers")
    op.drop_index("ix_movements_item_serial", table_name="movements")
    with op.batch_alter_table("scans") as batch:
        batch.drop_column("serial")
    with op.batch_alter_table("items") as batch:
        batch.drop_column("serial_tracked")
    # SQLite cannot drop a column of the append-only ledger without rebuilding it (and its triggers):
    # the movements' serial column stays on SQLite; PostgreSQL drops it.
    if op.get_bind().dialect.name != "sqlite":
        op.drop_column("movements", "serial")
