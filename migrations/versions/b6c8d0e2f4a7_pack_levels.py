"""Pack levels of an item (case, inner, each) (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: b6c8d0e2f4a7
Revises: a5b7c9d1e3f6
Create Date: 2026-12-03 20:40:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "b6c8d0e2f4a7"
down_revision = "a5b7c9d1e3f6"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
