"""Purchase-order sending and automatic ordering per supplier (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: e3f5a7b9c1d4
Revises: c1d3e5f7a9b2
Create Date: 2026-12-03 15:45:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "e3f5a7b9c1d4"
down_revision = "c1d3e5f7a9b2"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
