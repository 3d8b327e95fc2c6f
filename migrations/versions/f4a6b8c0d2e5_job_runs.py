"""Scheduled job runs and their locks (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: f4a6b8c0d2e5
Revises: e3f5a7b9c1d4
Create Date: 2026-12-03 15:45:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "f4a6b8c0d2e5"
down_revision = "e3f5a7b9c1d4"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
