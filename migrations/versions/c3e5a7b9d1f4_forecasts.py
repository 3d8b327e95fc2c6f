"""Forecasts per item and site: the nightly forecast stored with its method, for forecast-against-actual accuracy (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: c3e5a7b9d1f4
Revises: b2d4f6a8c0e3
Create Date: 2026-12-04 20:00:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "c3e5a7b9d1f4"
down_revision = "b2d4f6a8c0e3"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
