"""Item photos and office set-up of items and suppliers (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: a9b1c3d5e7f0
Revises: f8a0b2c4d6e8
Create Date: 2026-12-03 15:45:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "a9b1c3d5e7f0"
down_revision = "f8a0b2c4d6e8"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
