"""Ordering policies per item (reorder point and quantity, order-up-to, mixed), ordering cost and holding rate for the EOQ, lead times learned from receipts (placeholder: filled in by the work that owns it; a no-op until then).

Revision ID: d4f6b8c0e2a5
Revises: c3e5a7b9d1f4
Create Date: 2026-12-04 20:00:00.000000

"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = "d4f6b8c0e2a5"
down_revision = "c3e5a7b9d1f4"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
