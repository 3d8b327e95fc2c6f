"""Long scan codes: a QR or Data Matrix of up to 2,000 characters is stored as the phone sent it.

Reviewed by hand: widens one column. The lookup key (scans.code_key, indexed) stays at 200 characters, since
domain.barcodes keys a longer text by its start and a digest. Downgrade cuts longer codes to 200 characters first.

Revision ID: c8e0a2b4d6f9
Revises: a7c9e1f3b5d8
Create Date: 2026-12-02 18:20:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "c8e0a2b4d6f9"
down_revision = "a7c9e1f3b5d8"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("scans", schema=None) as batch_op:
        batch_op.alter_column("code", existing_type=sa.String(length=200), type_=sa.String(length=2000))


def downgrade():
    op.execute("UPDATE scans SET code = substr(code, 1, 200) WHERE length(code) > 200")
    with op.batch_alter_table("scans", schema=None) as batch_op:
        batch_op.alter_column("code", existing_type=sa.String(length=2000), type_=sa.String(length=200))
