"""Expiry first out: quarantine bins, expiry alert days, the reason for a later lot (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: c7d9e1f3a5b8
Revises: b6c8d0e2f4a7
Create Date: 2026-12-03 20:40:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "c7d9e1f3a5b8"
down_revision = "b6c8d0e2f4a7"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
