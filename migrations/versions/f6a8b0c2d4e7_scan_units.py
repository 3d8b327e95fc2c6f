"""Scan units: the base units a scan stood for, so undoing a count scan takes exactly that off its count line.

Reviewed by hand: one nullable column; scans stored before it keep NULL, and undo falls back to their quantity.

Revision ID: f6a8b0c2d4e7
Revises: e5f7a9b1c3d6
Create Date: 2026-12-02 09:00:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "f6a8b0c2d4e7"
down_revision = "e5f7a9b1c3d6"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("scans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("units", sa.BigInteger(), nullable=True))


def downgrade():
    with op.batch_alter_table("scans", schema=None) as batch_op:
        batch_op.drop_column("units")
