"""Forecasts and their accuracy per item and site (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: a5b7c9d1e3f6
Revises: f4a6b8c0d2e5
Create Date: 2026-12-03 15:45:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "a5b7c9d1e3f6"
down_revision = "f4a6b8c0d2e5"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
