"""Customer returns and returns to suppliers (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: e9f1a3b5c7d0
Revises: d8e0f2a4b6c9
Create Date: 2026-12-03 20:40:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "e9f1a3b5c7d0"
down_revision = "d8e0f2a4b6c9"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
