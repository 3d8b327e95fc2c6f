"""Thermal label printers (ZPL) (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: a1b3c5d7e9f2
Revises: f0a2b4c6d8e1
Create Date: 2026-12-03 20:40:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "a1b3c5d7e9f2"
down_revision = "f0a2b4c6d8e1"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
