"""Audit trail of settings changes and alert acknowledgement (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: c1d3e5f7a9b2
Revises: b0c2d4e6f8a1
Create Date: 2026-12-03 15:45:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "c1d3e5f7a9b2"
down_revision = "b0c2d4e6f8a1"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
