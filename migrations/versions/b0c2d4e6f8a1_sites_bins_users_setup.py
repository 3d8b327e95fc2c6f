"""Office set-up of sites, bins, users and API tokens (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: b0c2d4e6f8a1
Revises: a9b1c3d5e7f0
Create Date: 2026-12-03 15:45:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "b0c2d4e6f8a1"
down_revision = "a9b1c3d5e7f0"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
