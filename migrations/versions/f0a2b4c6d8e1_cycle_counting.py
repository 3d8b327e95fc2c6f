"""Cycle counting: schedules by ABC class, last counted, scope locks (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: f0a2b4c6d8e1
Revises: e9f1a3b5c7d0
Create Date: 2026-12-03 20:40:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "f0a2b4c6d8e1"
down_revision = "e9f1a3b5c7d0"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
