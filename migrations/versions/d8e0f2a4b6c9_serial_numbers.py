"""Serial numbers of serial-tracked items (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: d8e0f2a4b6c9
Revises: c7d9e1f3a5b8
Create Date: 2026-12-03 20:40:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "d8e0f2a4b6c9"
down_revision = "c7d9e1f3a5b8"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
